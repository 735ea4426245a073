//! RSA public keys and signature verification (RSASSA-PKCS1-v1_5 and RSASSA-PSS).
//!
//! Keys come from DER SubjectPublicKeyInfo, PEM, or an X.509 certificate; only `rsaEncryption`
//! keys are accepted and their size must lie in the range the caller's protocol allows. The
//! message is hashed here: a bare digest is never accepted as the thing that was signed.
//!
//! The public-key operation is square-and-multiply on `crypto-bigint`'s Montgomery arithmetic
//! (`public_op`) with the core's own squaring (`montgomery`); the encodings are checked as
//! whole blocks (`padding`).

mod montgomery;
mod padding;
mod public_op;

use core::ops::RangeInclusive;

use der::Decode as _;
use spki::SubjectPublicKeyInfoRef;

use crate::crypto::{digest, HashAlg};
use crate::error::{Error, ErrorCode, Result};
use crate::Verdict;
use public_op::PublicOp;

/// OID 1.2.840.113549.1.1.1 (rsaEncryption), DER content bytes.
const RSA_ENCRYPTION: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];

/// An RSA signature scheme with its hash. PSS always uses MGF1 with the same hash and a salt
/// as long as the hash output, trailer `0xbc` (the only parameters Smart-ID and RFC 8017's
/// recommended profile use); anything else is refused before verification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RsaScheme {
    /// RSASSA-PKCS1-v1_5 with the given hash.
    Pkcs1v15(HashAlg),
    /// RSASSA-PSS with the given hash, MGF1 with the same hash, salt length = hash length.
    Pss(HashAlg),
}

/// A validated RSA public key.
///
/// ```
/// # use ssi_verify_core::crypto::rsa::RsaKey;
/// assert!(RsaKey::from_spki_der(b"not DER", 2048..=4096).is_err());
/// ```
#[derive(Clone, Debug)]
pub struct RsaKey {
    op: PublicOp,
    /// Modulus size in bits.
    bits: usize,
}

impl PartialEq for RsaKey {
    fn eq(&self, other: &Self) -> bool {
        self.op.exponent() == other.op.exponent() && self.op.modulus() == other.op.modulus()
    }
}

impl Eq for RsaKey {}

/// Public exponents must be odd and in 3..=2^33-1: the bounds `rsa` 0.9 applied, kept when the
/// verifier moved off it (a large `e` only makes verification slower).
const MAX_PUBLIC_EXPONENT: u64 = (1 << 33) - 1;

impl RsaKey {
    /// Parses a DER `SubjectPublicKeyInfo` holding an `rsaEncryption` key whose modulus size
    /// in bits lies in `bits`.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidKey`], [`ErrorCode::UnsupportedKey`] (not RSA) or
    /// [`ErrorCode::KeySizeNotAllowed`].
    pub fn from_spki_der(der: &[u8], bits: RangeInclusive<usize>) -> Result<Self> {
        let spki = SubjectPublicKeyInfoRef::from_der(der)
            .map_err(|_| Error::new(ErrorCode::InvalidKey, "not a DER SubjectPublicKeyInfo"))?;
        Self::from_spki(&spki, bits)
    }

    /// Parses a PEM `PUBLIC KEY` block (SubjectPublicKeyInfo) as [`RsaKey::from_spki_der`] does.
    ///
    /// # Errors
    /// As [`RsaKey::from_spki_der`], and [`ErrorCode::InvalidKey`] for a malformed PEM armour.
    pub fn from_spki_pem(pem: &str, bits: RangeInclusive<usize>) -> Result<Self> {
        let der = crate::crypto::pem::decode(pem, "PUBLIC KEY")?;
        Self::from_spki_der(&der, bits)
    }

    #[cfg(feature = "x509")]
    /// Extracts the subject key of a DER X.509 certificate. The certificate itself is not
    /// validated here (see [`crate::x509::validate_path`] for chain, validity and purpose).
    ///
    /// # Errors
    /// [`ErrorCode::InvalidCertificate`], then as [`RsaKey::from_spki_der`].
    pub fn from_certificate_der(der: &[u8], bits: RangeInclusive<usize>) -> Result<Self> {
        let cert = crate::x509::Certificate::from_der(der)?;
        let spki = &cert.public_key;
        if spki.algorithm.oid != RSA_ENCRYPTION {
            return Err(Error::new(ErrorCode::UnsupportedKey, "certificate key is not an RSA key"));
        }
        Self::from_pkcs1_der(spki.key, bits)
    }

    fn from_spki(spki: &SubjectPublicKeyInfoRef<'_>, bits: RangeInclusive<usize>) -> Result<Self> {
        if spki.algorithm.oid.as_bytes() != RSA_ENCRYPTION {
            return Err(Error::new(ErrorCode::UnsupportedKey, "key is not an rsaEncryption key"));
        }
        let key_bytes = spki
            .subject_public_key
            .as_bytes()
            .ok_or_else(|| Error::new(ErrorCode::InvalidKey, "public key bit string has unused bits"))?;
        Self::from_pkcs1_der(key_bytes, bits)
    }

    /// An RSA key from its big-endian modulus and public exponent (a JWK's `n` and `e`).
    ///
    /// ```
    /// # use ssi_verify_core::crypto::rsa::RsaKey;
    /// use ssi_verify_core::ErrorCode;
    /// assert_eq!(RsaKey::from_components(&[0xff; 128], &[1, 0, 1], 2048..=4096).unwrap_err().code(), ErrorCode::KeySizeNotAllowed);
    /// ```
    ///
    /// # Errors
    /// [`ErrorCode::InvalidKey`] or [`ErrorCode::KeySizeNotAllowed`].
    pub fn from_components(modulus: &[u8], exponent: &[u8], bits: RangeInclusive<usize>) -> Result<Self> {
        Self::new(modulus, exponent, bits)
    }

    /// Parses a DER PKCS#1 `RSAPublicKey`.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidKey`] or [`ErrorCode::KeySizeNotAllowed`].
    pub fn from_pkcs1_der(der: &[u8], bits: RangeInclusive<usize>) -> Result<Self> {
        let pk = pkcs1::RsaPublicKey::from_der(der)
            .map_err(|_| Error::new(ErrorCode::InvalidKey, "not a DER PKCS#1 RSAPublicKey"))?;
        Self::new(pk.modulus.as_bytes(), pk.public_exponent.as_bytes(), bits)
    }

    /// The size policy, then the public-key checks: odd modulus, odd exponent in 3..=2^33-1
    /// and below the modulus.
    fn new(modulus: &[u8], exponent: &[u8], bits: RangeInclusive<usize>) -> Result<Self> {
        let invalid = || Error::new(ErrorCode::InvalidKey, "RSA key fails the public-key checks");
        let n = strip_zeros(modulus);
        let size = n.first().map_or(0, |&top| 8 * n.len() - top.leading_zeros() as usize);
        if !bits.contains(&size) {
            return Err(Error::new(ErrorCode::KeySizeNotAllowed, "RSA modulus size outside the allowed range"));
        }
        let e = strip_zeros(exponent);
        if e.len() > 8 {
            return Err(invalid());
        }
        let e = be_u64(e);
        // A modulus of more than 34 bits is above every allowed exponent; smaller ones (a
        // caller's range may allow them) are compared.
        let e_below_n = size > 34 || be_u64(n) > e;
        if e.is_multiple_of(2) || !(3..=MAX_PUBLIC_EXPONENT).contains(&e) || !e_below_n {
            return Err(invalid());
        }
        let op = PublicOp::new(n, e).ok_or_else(invalid)?;
        Ok(Self { op, bits: size })
    }

    /// Modulus size in bits.
    #[must_use]
    pub fn bits(&self) -> usize {
        self.bits
    }

    /// Verifies `signature` over `message` (the message is hashed here).
    ///
    /// # Errors
    /// [`ErrorCode::InvalidSignatureEncoding`] when the signature is not exactly as long as the
    /// modulus. A signature of the right length that does not verify (including one not below
    /// the modulus) is `Ok(Verdict::Invalid(SignatureMismatch))`.
    pub fn verify(&self, scheme: RsaScheme, message: &[u8], signature: &[u8]) -> Result<Verdict> {
        if signature.len() != self.bits.div_ceil(8) {
            return Err(Error::new(
                ErrorCode::InvalidSignatureEncoding,
                "RSA signature length differs from the modulus length",
            ));
        }
        let (alg, pss) = match scheme {
            RsaScheme::Pkcs1v15(h) => (h, false),
            RsaScheme::Pss(h) => (h, true),
        };
        let hashed = digest(alg, &[message]);
        let ok = self.op.apply(signature).is_some_and(|em| {
            if pss {
                padding::pss_matches(alg, hashed.as_bytes(), &em, self.bits)
            } else {
                padding::pkcs1v15_matches(alg, hashed.as_bytes(), &em)
            }
        });
        Ok(Verdict::from_bool(ok, ErrorCode::SignatureMismatch))
    }
}

/// `bytes` without its leading zero bytes (JWK members may carry some).
fn strip_zeros(bytes: &[u8]) -> &[u8] {
    let first = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    bytes.get(first..).unwrap_or(&[])
}

/// The low 64 bits of a big-endian integer.
fn be_u64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 2048-bit odd modulus (its value does not matter for equality and parsing).
    fn modulus(last: u8) -> [u8; 256] {
        let mut n = [0xc5u8; 256];
        n[255] = last;
        n
    }

    #[test]
    fn keys_are_equal_exactly_when_modulus_and_exponent_are() {
        let key = |n: &[u8], e: &[u8]| RsaKey::from_components(n, e, 2048..=4096).unwrap();
        let a = key(&modulus(0x01), &[1, 0, 1]);
        assert_eq!(a, key(&modulus(0x01), &[0, 1, 0, 1]), "leading zeros do not make another key");
        assert_ne!(a, key(&modulus(0x03), &[1, 0, 1]), "another modulus");
        assert_ne!(a, key(&modulus(0x01), &[3]), "another exponent");
        assert_ne!(a, key(&modulus(0x03), &[3]), "both differ");
    }
}
