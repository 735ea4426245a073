//! Hashes, MACs, constant-time comparison and signature verification.
//!
//! Everything here is a thin, policy-carrying layer over RustCrypto crates: the crates do the
//! arithmetic, this module decides what is acceptable (key sizes, algorithms, encodings).

#[cfg(feature = "proofspace")]
pub mod ed25519;
mod hash;
#[cfg(feature = "proofspace")]
mod key;
pub mod pem;
#[cfg(any(feature = "smartid", feature = "proofspace"))]
pub mod rsa;

pub use hash::{ct_eq, digest, hmac_sha256, sha256, Digest, HashAlg};
#[cfg(feature = "proofspace")]
pub use key::PublicKey;
