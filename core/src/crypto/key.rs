//! Public keys whose type is decided by the key itself (SubjectPublicKeyInfo algorithm OID).

use spki::der::Decode as _;
use spki::SubjectPublicKeyInfoRef;

use crate::crypto::ed25519::{Ed25519PublicKey, ED25519_OID};
use crate::crypto::pem;
use crate::crypto::rsa::RsaKey;
use crate::error::{Error, ErrorCode, Result};

/// OID 1.2.840.113549.1.1.1 (rsaEncryption), DER content bytes.
const RSA_OID: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];

/// A verification key. Its variant fixes the only signature algorithm it may be used with,
/// so a token or header can never choose the algorithm.
#[derive(Clone, Debug)]
pub enum PublicKey {
    /// An RSA key (modulus size already checked against the caller's range).
    Rsa(RsaKey),
    /// An Ed25519 key.
    Ed25519(Ed25519PublicKey),
}

impl PublicKey {
    /// Parses a DER SubjectPublicKeyInfo holding an RSA key of `rsa_bits` or an Ed25519 key.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidKey`], [`ErrorCode::UnsupportedKey`] (another algorithm) or
    /// [`ErrorCode::KeySizeNotAllowed`].
    pub fn from_spki_der(der: &[u8], rsa_bits: core::ops::RangeInclusive<usize>) -> Result<Self> {
        let spki = SubjectPublicKeyInfoRef::from_der(der)
            .map_err(|_| Error::new(ErrorCode::InvalidKey, "not a DER SubjectPublicKeyInfo"))?;
        let oid = spki.algorithm.oid.as_bytes();
        if oid == RSA_OID {
            return RsaKey::from_spki_der(der, rsa_bits).map(PublicKey::Rsa);
        }
        if oid == ED25519_OID {
            if spki.algorithm.parameters.is_some() {
                return Err(Error::new(ErrorCode::InvalidKey, "Ed25519 key algorithm must have no parameters"));
            }
            let bytes = spki
                .subject_public_key
                .as_bytes()
                .ok_or_else(|| Error::new(ErrorCode::InvalidKey, "public key bit string has unused bits"))?;
            return Ed25519PublicKey::from_bytes(bytes).map(PublicKey::Ed25519);
        }
        Err(Error::new(ErrorCode::UnsupportedKey, "only RSA and Ed25519 public keys are accepted"))
    }

    /// Parses a PEM `PUBLIC KEY` block as [`PublicKey::from_spki_der`] does.
    ///
    /// # Errors
    /// As [`PublicKey::from_spki_der`].
    pub fn from_pem(text: &str, rsa_bits: core::ops::RangeInclusive<usize>) -> Result<Self> {
        Self::from_spki_der(&pem::decode(text, "PUBLIC KEY")?, rsa_bits)
    }
}
