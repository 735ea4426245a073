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

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    /// Each algorithm OID leads to its own key type; another OID is unsupported.
    #[test]
    fn the_oid_decides_the_key_type() {
        let rsa =
            crate::crypto::pem::decode(include_str!("../../../samples/proofspace/service-public.pem"), "PUBLIC KEY")
                .unwrap();
        assert!(matches!(PublicKey::from_spki_der(&rsa, 2048..=4096), Ok(PublicKey::Rsa(_))));
        let ed25519_spki = |oid_last: u8| -> Vec<u8> {
            let mut der = alloc::vec![0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, oid_last, 0x03, 0x21, 0x00];
            der.extend_from_slice(&[
                0xd7, 0x5a, 0x98, 0x01, 0x82, 0xb1, 0x0a, 0xb7, 0xd5, 0x4b, 0xfe, 0xd3, 0xc9, 0x64, 0x07, 0x3a,
            ]);
            der.extend_from_slice(&[
                0x0e, 0xe1, 0x72, 0xf3, 0xda, 0xa6, 0x23, 0x25, 0xaf, 0x02, 0x1a, 0x68, 0xf7, 0x07, 0x51, 0x1a,
            ]);
            der
        };
        assert!(matches!(PublicKey::from_spki_der(&ed25519_spki(0x70), 2048..=4096), Ok(PublicKey::Ed25519(_))));
        // 1.3.101.110 is X25519: a key-agreement key, not a signature key.
        assert_eq!(
            PublicKey::from_spki_der(&ed25519_spki(0x6e), 2048..=4096).unwrap_err().code(),
            ErrorCode::UnsupportedKey
        );
    }
}
