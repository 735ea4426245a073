//! Hashes, MACs, constant-time comparison and signature verification.
//!
//! Everything here is a thin, policy-carrying layer over RustCrypto crates: the crates do the
//! arithmetic, this module decides what is acceptable (key sizes, algorithms, encodings).

#[cfg(feature = "did-key")]
pub mod did_key;
#[cfg(feature = "ecdsa")]
pub mod ecdsa;
#[cfg(feature = "jose")]
pub mod ed25519;
mod hash;
#[cfg(feature = "jose")]
mod key;
pub mod pem;
#[cfg(any(feature = "x509", feature = "jose"))]
pub mod rsa;

pub use hash::{ct_eq, digest, hmac_sha256, sha256, Digest, HashAlg};
#[cfg(feature = "jose")]
pub use key::PublicKey;
