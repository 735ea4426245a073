//! Digests, HMAC-SHA-256 and constant-time equality.

use hmac::{Hmac, Mac};
use sha2::{Digest as _, Sha256, Sha384, Sha512};
use sha3::{Sha3_256, Sha3_384, Sha3_512};
use subtle::ConstantTimeEq;

/// Hash algorithms the verifiers accept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HashAlg {
    /// SHA-256
    Sha256,
    /// SHA-384
    Sha384,
    /// SHA-512
    Sha512,
    /// SHA3-256
    Sha3_256,
    /// SHA3-384
    Sha3_384,
    /// SHA3-512
    Sha3_512,
}

impl HashAlg {
    /// Output length in bytes.
    #[must_use]
    pub const fn output_len(self) -> usize {
        match self {
            Self::Sha256 | Self::Sha3_256 => 32,
            Self::Sha384 | Self::Sha3_384 => 48,
            Self::Sha512 | Self::Sha3_512 => 64,
        }
    }

    /// The algorithm for a name as Smart-ID and JOSE spell it (`SHA-256`, `SHA3-512`, ...).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "SHA-256" => Self::Sha256,
            "SHA-384" => Self::Sha384,
            "SHA-512" => Self::Sha512,
            "SHA3-256" => Self::Sha3_256,
            "SHA3-384" => Self::Sha3_384,
            "SHA3-512" => Self::Sha3_512,
            _ => return None,
        })
    }

    /// The canonical name (`SHA-256`, ...).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Sha256 => "SHA-256",
            Self::Sha384 => "SHA-384",
            Self::Sha512 => "SHA-512",
            Self::Sha3_256 => "SHA3-256",
            Self::Sha3_384 => "SHA3-384",
            Self::Sha3_512 => "SHA3-512",
        }
    }
}

/// A digest value of up to 64 bytes, held inline (no heap).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Digest {
    bytes: [u8; 64],
    len: usize,
}

impl Digest {
    /// The digest bytes.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or(&[])
    }

    fn from_slice(s: &[u8]) -> Self {
        let mut bytes = [0u8; 64];
        let len = s.len().min(64);
        if let (Some(dst), Some(src)) = (bytes.get_mut(..len), s.get(..len)) {
            dst.copy_from_slice(src);
        }
        Self { bytes, len }
    }
}

/// Hashes `parts` (concatenated) with `alg`.
///
/// ```
/// use ssi_verify_core::crypto::{digest, HashAlg};
/// let d = digest(HashAlg::Sha3_256, &[b"ab", b"c"]);
/// assert_eq!(d.as_bytes(), digest(HashAlg::Sha3_256, &[b"abc"]).as_bytes());
/// assert_eq!(d.as_bytes().len(), 32);
/// ```
#[must_use]
pub fn digest(alg: HashAlg, parts: &[&[u8]]) -> Digest {
    fn run<D: sha2::Digest>(parts: &[&[u8]]) -> Digest {
        let mut h = D::new();
        for p in parts {
            h.update(p);
        }
        Digest::from_slice(&h.finalize())
    }
    match alg {
        HashAlg::Sha256 => run::<Sha256>(parts),
        HashAlg::Sha384 => run::<Sha384>(parts),
        HashAlg::Sha512 => run::<Sha512>(parts),
        HashAlg::Sha3_256 => run::<Sha3_256>(parts),
        HashAlg::Sha3_384 => run::<Sha3_384>(parts),
        HashAlg::Sha3_512 => run::<Sha3_512>(parts),
    }
}

/// SHA-256 of `data`.
#[must_use]
pub fn sha256(data: &[u8]) -> [u8; 32] {
    Sha256::digest(data).into()
}

/// HMAC-SHA-256 of the concatenated `parts` under `key`.
///
/// ```
/// // RFC 4231 test case 2
/// let mac = ssi_verify_core::crypto::hmac_sha256(b"Jefe", &[b"what do ya want ", b"for nothing?"]);
/// assert_eq!(ssi_verify_core::codec::hex_encode(&mac),
///     "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
/// ```
#[must_use]
pub fn hmac_sha256(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    // HMAC accepts keys of any length, so this constructor cannot fail; the fallback keeps
    // the function total without a panic path.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else {
        return [0u8; 32];
    };
    for p in parts {
        mac.update(p);
    }
    mac.finalize().into_bytes().into()
}

/// Compares two byte strings in time that depends only on their lengths.
///
/// ```
/// assert!(ssi_verify_core::crypto::ct_eq(b"abc", b"abc"));
/// assert!(!ssi_verify_core::crypto::ct_eq(b"abc", b"abd"));
/// assert!(!ssi_verify_core::crypto::ct_eq(b"abc", b"ab"));
/// ```
#[must_use]
pub fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    a.ct_eq(b).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::hex_encode;

    #[test]
    fn known_answers() {
        assert_eq!(
            hex_encode(digest(HashAlg::Sha3_256, &[b""]).as_bytes()),
            "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"
        );
        assert_eq!(hex_encode(&sha256(b"abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        for alg in
            [HashAlg::Sha256, HashAlg::Sha384, HashAlg::Sha512, HashAlg::Sha3_256, HashAlg::Sha3_384, HashAlg::Sha3_512]
        {
            assert_eq!(digest(alg, &[b"x"]).as_bytes().len(), alg.output_len());
            assert_eq!(HashAlg::from_name(alg.name()), Some(alg));
        }
        assert_eq!(HashAlg::from_name("SHA-1"), None);
    }
}
