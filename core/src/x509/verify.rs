//! Checking one certificate's signature with its issuer's public key.
//!
//! Accepted: sha{256,384,512}WithRSAEncryption (RSASSA-PKCS1-v1_5, NULL or absent parameters)
//! and ecdsa-with-SHA{256,384,512} on P-256, P-384 and P-521 (named curves only). These cover
//! every chain SK ID Solutions issues Smart-ID certificates under (see docs/DESIGN.md); RSASSA-PSS
//! certificate signatures are not used by SK and are refused as unsupported.

use p256::ecdsa::signature::hazmat::PrehashVerifier as _;

use crate::crypto::rsa::{RsaKey, RsaScheme};
use crate::crypto::{digest, HashAlg};
use crate::error::{Error, ErrorCode, Result};
use crate::x509::cert::{AlgorithmId, Certificate, PublicKeyInfo};
use crate::x509::der::tag;
use crate::x509::oids;

/// RSA issuer keys accepted in certificate paths (SK's CAs use 2048 to 4096 bits; Smart-ID end
/// entities up to 6144).
const RSA_BITS: core::ops::RangeInclusive<usize> = 2048..=8192;

fn unsupported(detail: &'static str) -> Error {
    Error::new(ErrorCode::UnsupportedAlgorithm, detail)
}

fn null_or_absent(alg: &AlgorithmId<'_>) -> bool {
    alg.params.is_none_or(|p| p.tag == tag::NULL && p.value.is_empty())
}

/// Whether `cert`'s signature verifies with `issuer`'s key. A signature that does not verify is
/// `Ok(false)`; an algorithm or key this library cannot check is an error.
pub(crate) fn signed_by(cert: &Certificate<'_>, issuer: &PublicKeyInfo<'_>) -> Result<bool> {
    let alg = &cert.signature_algorithm;
    match alg.oid {
        oids::SHA256_WITH_RSA | oids::SHA384_WITH_RSA | oids::SHA512_WITH_RSA => {
            if !null_or_absent(alg) {
                return Err(unsupported("RSA signature algorithm parameters must be NULL"));
            }
            let hash = match alg.oid {
                oids::SHA256_WITH_RSA => HashAlg::Sha256,
                oids::SHA384_WITH_RSA => HashAlg::Sha384,
                _ => HashAlg::Sha512,
            };
            if issuer.algorithm.oid != oids::RSA_ENCRYPTION || !null_or_absent(&issuer.algorithm) {
                return Ok(false);
            }
            let key = RsaKey::from_pkcs1_der(issuer.key, RSA_BITS)?;
            if cert.signature.len() != key.bits().div_ceil(8) {
                return Ok(false);
            }
            Ok(key.verify(RsaScheme::Pkcs1v15(hash), cert.tbs, cert.signature)?.is_valid())
        }
        oids::ECDSA_SHA256 | oids::ECDSA_SHA384 | oids::ECDSA_SHA512 => {
            if alg.params.is_some() {
                return Err(unsupported("ECDSA signature algorithm must have no parameters"));
            }
            let hash = match alg.oid {
                oids::ECDSA_SHA256 => HashAlg::Sha256,
                oids::ECDSA_SHA384 => HashAlg::Sha384,
                _ => HashAlg::Sha512,
            };
            if issuer.algorithm.oid != oids::EC_PUBLIC_KEY {
                return Ok(false);
            }
            let curve = match issuer.algorithm.params {
                Some(p) if p.tag == tag::OID => p.value,
                _ => return Err(unsupported("EC keys must name their curve")),
            };
            let prehash = digest(hash, &[cert.tbs]);
            let prehash = prehash.as_bytes();
            let sig = cert.signature;
            let bad_key = |_| Error::new(ErrorCode::InvalidKey, "issuer EC public key is not a curve point");
            Ok(match curve {
                oids::CURVE_P256 => {
                    let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(issuer.key).map_err(bad_key)?;
                    p256::ecdsa::Signature::from_der(sig).is_ok_and(|s| key.verify_prehash(prehash, &s).is_ok())
                }
                oids::CURVE_P384 => {
                    let key = p384::ecdsa::VerifyingKey::from_sec1_bytes(issuer.key).map_err(bad_key)?;
                    p384::ecdsa::Signature::from_der(sig).is_ok_and(|s| key.verify_prehash(prehash, &s).is_ok())
                }
                oids::CURVE_P521 => {
                    let key = p521::ecdsa::VerifyingKey::from_sec1_bytes(issuer.key).map_err(bad_key)?;
                    p521::ecdsa::Signature::from_der(sig).is_ok_and(|s| key.verify_prehash(prehash, &s).is_ok())
                }
                _ => return Err(unsupported("EC curve is not P-256, P-384 or P-521")),
            })
        }
        _ => Err(unsupported("certificate signature algorithm is not supported")),
    }
}
