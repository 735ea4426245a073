//! The outcome of a check that could be run.

use crate::error::ErrorCode;

/// The result of a check that ran to completion: valid, or invalid for a stated reason.
///
/// A check that could not run (malformed input, unsupported algorithm) is an
/// [`crate::Error`] instead, so a caller never mistakes "could not check" for "checked".
///
/// ```
/// use ssi_verify_core::{ErrorCode, Verdict};
/// let v = Verdict::Invalid(ErrorCode::SignatureMismatch);
/// assert!(!v.is_valid());
/// assert_eq!(v.reason(), Some(ErrorCode::SignatureMismatch));
/// ```
#[must_use]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Every check passed.
    Valid,
    /// A check failed; the code says which.
    Invalid(ErrorCode),
}

impl Verdict {
    /// Whether every check passed.
    #[must_use]
    pub const fn is_valid(self) -> bool {
        matches!(self, Self::Valid)
    }

    /// The failure reason, if any.
    #[must_use]
    pub const fn reason(self) -> Option<ErrorCode> {
        match self {
            Self::Valid => None,
            Self::Invalid(code) => Some(code),
        }
    }

    /// `Valid` when `ok`, else `Invalid(reason)`.
    pub const fn from_bool(ok: bool, reason: ErrorCode) -> Self {
        if ok {
            Self::Valid
        } else {
            Self::Invalid(reason)
        }
    }
}
