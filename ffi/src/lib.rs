//! C ABI (`c`) and UniFFI (`mobile`) bindings over `ssi-verify-core`.
//!
//! Both layers only translate: argument checks, type mapping, panic boundaries. Every rule lives
//! in the core. The C header `include/ssi_verify.h` is generated from this crate by
//! `scripts/gen-header` (cbindgen); the Kotlin, Swift and Python sources under `bindings/` by
//! `scripts/gen-bindings` (uniffi-bindgen, library mode).

pub mod c;
pub mod mobile;

uniffi::setup_scaffolding!("ssi_verify");
