//! Ed25519 (RFC 8032), verified strictly: canonical `S`, no small-order public keys, no
//! small-order `R` (ed25519-dalek's `verify_strict`).

use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};

use crate::error::{Error, ErrorCode, Result};
use crate::Verdict;

/// OID 1.3.101.112 (id-Ed25519), DER content bytes.
pub(crate) const ED25519_OID: &[u8] = &[0x2b, 0x65, 0x70];

/// A validated Ed25519 public key.
///
/// ```
/// use ssi_verify_core::crypto::ed25519::{Ed25519PublicKey, Ed25519SecretKey};
/// let sk = Ed25519SecretKey::from_bytes(&[7u8; 32]);
/// let pk = sk.public_key();
/// let sig = sk.sign(b"body");
/// assert!(pk.verify(b"body", &sig).unwrap().is_valid());
/// assert!(!pk.verify(b"Body", &sig).unwrap().is_valid());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ed25519PublicKey {
    key: VerifyingKey,
}

impl Ed25519PublicKey {
    /// Parses a 32-byte public key; refuses encodings that are not curve points and the
    /// small-order ("weak") keys for which a signature can be forged without the secret.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidKey`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let arr: &[u8; 32] =
            bytes.try_into().map_err(|_| Error::new(ErrorCode::InvalidKey, "Ed25519 public keys are 32 bytes"))?;
        let key = VerifyingKey::from_bytes(arr)
            .map_err(|_| Error::new(ErrorCode::InvalidKey, "not an Ed25519 curve point"))?;
        if key.is_weak() {
            return Err(Error::new(ErrorCode::InvalidKey, "small-order Ed25519 public key refused"));
        }
        Ok(Self { key })
    }

    /// The 32 key bytes.
    #[must_use]
    pub fn to_bytes(&self) -> [u8; 32] {
        self.key.to_bytes()
    }

    /// Verifies a 64-byte signature over `message` (strict).
    ///
    /// # Errors
    /// [`ErrorCode::InvalidSignatureEncoding`] when the signature is not 64 bytes.
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> Result<Verdict> {
        let sig = Signature::from_slice(signature)
            .map_err(|_| Error::new(ErrorCode::InvalidSignatureEncoding, "Ed25519 signatures are 64 bytes"))?;
        Ok(Verdict::from_bool(self.key.verify_strict(message, &sig).is_ok(), ErrorCode::SignatureMismatch))
    }
}

/// An Ed25519 secret key (for kiosks that answer webhooks and for tests).
#[derive(Clone, Debug)]
pub struct Ed25519SecretKey {
    key: SigningKey,
}

impl Ed25519SecretKey {
    /// The key with this 32-byte seed.
    #[must_use]
    pub fn from_bytes(seed: &[u8; 32]) -> Self {
        Self { key: SigningKey::from_bytes(seed) }
    }

    /// A key from a seed slice.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidKey`] when the seed is not 32 bytes.
    pub fn from_slice(seed: &[u8]) -> Result<Self> {
        let arr: &[u8; 32] =
            seed.try_into().map_err(|_| Error::new(ErrorCode::InvalidKey, "Ed25519 secret keys are 32-byte seeds"))?;
        Ok(Self::from_bytes(arr))
    }

    /// The matching public key.
    #[must_use]
    pub fn public_key(&self) -> Ed25519PublicKey {
        Ed25519PublicKey { key: self.key.verifying_key() }
    }

    /// Signs `message` (deterministic, RFC 8032).
    #[must_use]
    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.key.sign(message).to_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::hex_decode;

    #[test]
    fn rfc8032_test_1() {
        let sk = hex_decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60").unwrap();
        let pk = hex_decode("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a").unwrap();
        let sig = hex_decode("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b").unwrap();
        let secret = Ed25519SecretKey::from_slice(&sk).unwrap();
        assert_eq!(secret.public_key().to_bytes().as_slice(), pk.as_slice());
        assert_eq!(secret.sign(b"").as_slice(), sig.as_slice());
        assert!(Ed25519PublicKey::from_bytes(&pk).unwrap().verify(b"", &sig).unwrap().is_valid());
    }

    #[test]
    fn refuses_weak_keys_and_bad_lengths() {
        // The identity point (small order).
        let mut identity = [0u8; 32];
        identity[0] = 1;
        assert_eq!(Ed25519PublicKey::from_bytes(&identity).unwrap_err().code(), ErrorCode::InvalidKey);
        assert_eq!(Ed25519PublicKey::from_bytes(&[1u8; 31]).unwrap_err().code(), ErrorCode::InvalidKey);
        let pk = Ed25519SecretKey::from_bytes(&[1u8; 32]).public_key();
        assert_eq!(pk.verify(b"x", &[0u8; 63]).unwrap_err().code(), ErrorCode::InvalidSignatureEncoding);
    }
}
