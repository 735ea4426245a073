//! X.509 certificates: a strict DER parser and certificate path validation, no_std.
//!
//! * [`Certificate::from_der`]: parses a v1 to v3 certificate. OIDs are kept as DER bytes, so
//!   an extension with any valid OID (e.g. `2.999.1`) parses; unknown non-critical extensions
//!   are skipped and an unknown critical one is remembered, then refused by
//!   [`validate_path`] with [`crate::ErrorCode::UnknownCriticalExtension`].
//! * [`validate_path`]: end entity to a caller-supplied anchor through caller-supplied
//!   intermediates (signatures, validity, name chaining, basicConstraints, keyUsage, critical
//!   extensions, path length).
//!
//! The parsing uses the `der` crate for every TLV; signatures use `rsa`, `p256`, `p384` and
//! `p521` (RustCrypto). docs/DESIGN.md explains why `rustls-webpki` is not used.
//!
//! ```
//! use ssi_verify_core::x509::{certificates_from_pem_or_der, Certificate};
//! let pem = "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n";
//! let ders = certificates_from_pem_or_der(pem.as_bytes()).unwrap();
//! assert!(Certificate::from_der(&ders[0]).is_err());
//! ```

mod cert;
mod der;
mod name;
pub mod oids;
mod path;
mod verify;

pub use cert::{certificates_from_pem_or_der, key_usage, BasicConstraints, Certificate};
#[cfg(feature = "smartid")]
pub(crate) use name::attribute;
pub use name::{format_time, name_to_string, Date};
pub use path::{validate_path, validity, PathInput};
