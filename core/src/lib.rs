#![no_std]
// The crate README's examples use Smart-ID; builds without it get a one-line doc instead, so
// per-feature doc tests (e.g. `--no-default-features --features jsonpath`) stay green.
#![cfg_attr(feature = "smartid", doc = include_str!("../README.md"))]
#![cfg_attr(
    not(feature = "smartid"),
    doc = "ssi-verify-core: the no_std verification core (see README.md for the full overview)."
)]
#![deny(missing_docs)]
#![forbid(unsafe_code)]
// no_std hygiene: reach for core/alloc even where std would re-export them.
#![warn(clippy::std_instead_of_core, clippy::std_instead_of_alloc)]

extern crate alloc;
#[cfg(test)]
extern crate std;

#[cfg(any(feature = "x509", feature = "presentation"))]
mod calendar;
pub mod codec;
pub mod crypto;
#[cfg(feature = "data-integrity")]
pub mod di;
mod error;
#[cfg(feature = "jose")]
pub mod jose;
pub mod json;
#[cfg(feature = "jsonld")]
pub mod jsonld;
mod limits;
#[cfg(feature = "presentation")]
pub mod presentation;
#[cfg(feature = "proofspace")]
pub mod proofspace;
#[cfg(feature = "rdf")]
pub mod rdf;
pub mod report;
#[cfg(feature = "smartid")]
pub mod smartid;
pub mod uri;
mod verdict;
#[cfg(feature = "x509")]
pub mod x509;

pub use error::{Category, Error, ErrorCode, Explanation, Location, Result};
pub use limits::{Limits, DEPTH_CEILING};
pub use verdict::Verdict;

/// The repository README's Rust examples, compiled and run as doc tests.
#[cfg(all(doctest, feature = "smartid", feature = "proofspace", feature = "presentation"))]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
