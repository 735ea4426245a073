//! Hashes, MACs, constant-time comparison and signature verification.
//!
//! Everything here is a thin, policy-carrying layer over RustCrypto crates: the crates do the
//! arithmetic, this module decides what is acceptable (key sizes, algorithms, encodings).

mod hash;
pub mod pem;
#[cfg(feature = "smartid")]
pub mod rsa;

pub use hash::{ct_eq, digest, hmac_sha256, sha256, Digest, HashAlg};
