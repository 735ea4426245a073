#![no_std]
#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

extern crate alloc;
#[cfg(test)]
extern crate std;

pub mod codec;
pub mod crypto;
mod error;
pub mod json;
mod limits;
#[cfg(feature = "smartid")]
pub mod smartid;
mod verdict;

pub use error::{Category, Error, ErrorCode, Location, Result};
pub use limits::{Limits, DEPTH_CEILING};
pub use verdict::Verdict;
