//! RSA public keys and signature verification (RSASSA-PKCS1-v1_5 and RSASSA-PSS).
//!
//! Keys come from DER SubjectPublicKeyInfo, PEM, or an X.509 certificate; only `rsaEncryption`
//! keys are accepted and their size must lie in the range the caller's protocol allows. The
//! message is hashed here: a bare digest is never accepted as the thing that was signed.

use core::ops::RangeInclusive;

use rsa::pkcs1::der::Decode as _;
use rsa::pkcs8::spki::SubjectPublicKeyInfoRef;
use rsa::traits::PublicKeyParts as _;
use rsa::{BigUint, Pkcs1v15Sign, Pss, RsaPublicKey};
use sha2::{Sha256, Sha384, Sha512};
use sha3::{Sha3_256, Sha3_384, Sha3_512};

use crate::crypto::{digest, HashAlg};
use crate::error::{Error, ErrorCode, Result};
use crate::Verdict;

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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RsaKey {
    key: RsaPublicKey,
}

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
        let n = BigUint::from_bytes_be(modulus);
        let e = BigUint::from_bytes_be(exponent);
        if !bits.contains(&n.bits()) {
            return Err(Error::new(ErrorCode::KeySizeNotAllowed, "RSA modulus size outside the allowed range"));
        }
        let key = RsaPublicKey::new_with_max_size(n, e, *bits.end())
            .map_err(|_| Error::new(ErrorCode::InvalidKey, "RSA key fails the public-key checks"))?;
        Ok(Self { key })
    }

    /// Parses a DER PKCS#1 `RSAPublicKey`.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidKey`] or [`ErrorCode::KeySizeNotAllowed`].
    pub fn from_pkcs1_der(der: &[u8], bits: RangeInclusive<usize>) -> Result<Self> {
        let pk = rsa::pkcs1::RsaPublicKey::from_der(der)
            .map_err(|_| Error::new(ErrorCode::InvalidKey, "not a DER PKCS#1 RSAPublicKey"))?;
        let n = BigUint::from_bytes_be(pk.modulus.as_bytes());
        let e = BigUint::from_bytes_be(pk.public_exponent.as_bytes());
        let size = n.bits();
        if !bits.contains(&size) {
            return Err(Error::new(ErrorCode::KeySizeNotAllowed, "RSA modulus size outside the allowed range"));
        }
        let key = RsaPublicKey::new_with_max_size(n, e, *bits.end())
            .map_err(|_| Error::new(ErrorCode::InvalidKey, "RSA key fails the public-key checks"))?;
        Ok(Self { key })
    }

    /// Modulus size in bits.
    #[must_use]
    pub fn bits(&self) -> usize {
        self.key.n().bits()
    }

    /// Verifies `signature` over `message` (the message is hashed here).
    ///
    /// # Errors
    /// [`ErrorCode::InvalidSignatureEncoding`] when the signature is not exactly as long as the
    /// modulus. A signature of the right length that does not verify is
    /// `Ok(Verdict::Invalid(SignatureMismatch))`.
    pub fn verify(&self, scheme: RsaScheme, message: &[u8], signature: &[u8]) -> Result<Verdict> {
        if signature.len() != self.key.size() {
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
        let hashed = hashed.as_bytes();
        let salt = alg.output_len();
        let result = match (alg, pss) {
            (HashAlg::Sha256, false) => self.key.verify(Pkcs1v15Sign::new::<Sha256>(), hashed, signature),
            (HashAlg::Sha384, false) => self.key.verify(Pkcs1v15Sign::new::<Sha384>(), hashed, signature),
            (HashAlg::Sha512, false) => self.key.verify(Pkcs1v15Sign::new::<Sha512>(), hashed, signature),
            (HashAlg::Sha3_256, false) => self.key.verify(Pkcs1v15Sign::new::<Sha3_256>(), hashed, signature),
            (HashAlg::Sha3_384, false) => self.key.verify(Pkcs1v15Sign::new::<Sha3_384>(), hashed, signature),
            (HashAlg::Sha3_512, false) => self.key.verify(Pkcs1v15Sign::new::<Sha3_512>(), hashed, signature),
            (HashAlg::Sha256, true) => self.key.verify(Pss::new_with_salt::<Sha256>(salt), hashed, signature),
            (HashAlg::Sha384, true) => self.key.verify(Pss::new_with_salt::<Sha384>(salt), hashed, signature),
            (HashAlg::Sha512, true) => self.key.verify(Pss::new_with_salt::<Sha512>(salt), hashed, signature),
            (HashAlg::Sha3_256, true) => self.key.verify(Pss::new_with_salt::<Sha3_256>(salt), hashed, signature),
            (HashAlg::Sha3_384, true) => self.key.verify(Pss::new_with_salt::<Sha3_384>(salt), hashed, signature),
            (HashAlg::Sha3_512, true) => self.key.verify(Pss::new_with_salt::<Sha3_512>(salt), hashed, signature),
        };
        Ok(Verdict::from_bool(result.is_ok(), ErrorCode::SignatureMismatch))
    }
}
