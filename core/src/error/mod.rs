//! The one error type of the core, with stable numeric codes.
//!
//! Every failure the library can report has exactly one [`ErrorCode`]. The numbers are part of
//! the public contract (they cross the C ABI and UniFFI unchanged): a code is never renumbered
//! or reused, a retired code stays listed as a comment. Every code is written once, in the table
//! of `table.rs` ([`for_each_error_code!`](crate::for_each_error_code)), with its number, its
//! [`Category`] (stated per code, not derived from the number: `INVALID_UTF8` is 104 but an
//! encoding error), its name, message and doc. Numbers are grouped in ranges:
//!
//! | range | group |
//! |---|---|
//! | 1xx | calling-convention errors (C ABI misuse, buffers, panics) |
//! | 2xx | text encodings (Base64, Base64URL, hex) |
//! | 3xx | JSON syntax and document shape |
//! | 4xx | resource limits ([`crate::Limits`]) |
//! | 5xx | keys, certificates, signatures |
//! | 6xx | Smart-ID rules |
//! | 7xx | ProofSpace rules |
//! | 8xx | Presentation Exchange / OpenID4VP / Gataca rules |
//! | 9xx | Linked Data: JSON-LD, RDF, Data Integrity proofs |
//!
//! "Could not check" is an [`Error`]; "checked and it failed" is a [`crate::Verdict`] whose
//! reason is also an [`ErrorCode`] (for example [`ErrorCode::SignatureMismatch`]).

use core::fmt;

mod table;

/// Builds [`ErrorCode`] and its lookups from the rows of [`for_each_error_code!`](crate::for_each_error_code).
macro_rules! define_error_codes {
    ($( #[doc = $doc:literal] $variant:ident = $num:literal, $cat:ident, $name:literal, $msg:literal; )*) => {
        /// Stable error codes: the number and the name of a code never change meaning.
        #[repr(u32)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ErrorCode {
            $( #[doc = $doc] $variant = $num, )*
        }

        impl ErrorCode {
            /// Every code, in numeric order (for tables, bindings and tests).
            pub const ALL: &'static [ErrorCode] = &[$(Self::$variant),*];

            /// The stable upper-snake-case name, as printed by the CLI (`error: NAME: ...`).
            ///
            /// ```
            /// use ssi_verify_core::ErrorCode;
            /// assert_eq!(ErrorCode::InvalidBase64 as u32, 200);
            /// assert_eq!(ErrorCode::InvalidBase64.name(), "INVALID_BASE64");
            /// assert_eq!(ErrorCode::from_u32(200), Some(ErrorCode::InvalidBase64));
            /// ```
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self { $(Self::$variant => $name,)* }
            }

            /// A one-line English description of the code (the same text the C `ssi_error_message` gives).
            #[must_use]
            pub const fn message(self) -> &'static str {
                match self { $(Self::$variant => $msg,)* }
            }

            /// The code's documentation line (the text of the enum member's doc comment), which
            /// the generated C header and the bindings repeat.
            #[must_use]
            pub const fn doc(self) -> &'static str {
                match self { $(Self::$variant => $doc.trim_ascii_start(),)* }
            }

            /// The group the code belongs to (UniFFI maps each group to an exception class),
            /// stated per code in the table.
            ///
            /// ```
            /// use ssi_verify_core::{Category, ErrorCode};
            /// assert_eq!(ErrorCode::InvalidUtf8.category(), Category::Encoding);
            /// ```
            #[must_use]
            pub const fn category(self) -> Category {
                match self { $(Self::$variant => Category::$cat,)* }
            }
        }
    };
}

crate::for_each_error_code!(define_error_codes);

impl ErrorCode {
    /// The code with this number, if there is one.
    #[must_use]
    pub fn from_u32(value: u32) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| *c as u32 == value)
    }

    /// The code with this stable name, if there is one.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.name() == name)
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The group an [`ErrorCode`] belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Category {
    /// The caller broke the calling convention (NULL, small buffer, bad argument).
    Usage,
    /// A text encoding (Base64, hex, UTF-8) is malformed.
    Encoding,
    /// A document is malformed or has the wrong shape.
    Format,
    /// A resource limit was hit.
    Limit,
    /// A key, certificate or signature could not be used.
    Crypto,
    /// A rule of the protocol is broken.
    Rule,
}

/// Where in the input an error was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Location {
    /// No useful position.
    None,
    /// Byte offset into the (decoded) text.
    Offset(usize),
    /// Zero-based index of the list item (e.g. the interaction).
    Index(usize),
}

/// An error: a stable [`ErrorCode`] plus a static detail and a location.
///
/// It never allocates, so the zero-heap paths can return it.
///
/// ```
/// use ssi_verify_core::{Error, ErrorCode};
/// let e = Error::new(ErrorCode::MissingField, "sessionToken is required");
/// assert_eq!(e.code(), ErrorCode::MissingField);
/// assert_eq!(e.to_string(), "MISSING_FIELD: sessionToken is required");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Error {
    code: ErrorCode,
    detail: &'static str,
    location: Location,
}

impl Error {
    /// An error with a detail message and no location.
    #[must_use]
    pub const fn new(code: ErrorCode, detail: &'static str) -> Self {
        Self { code, detail, location: Location::None }
    }

    /// An error whose detail is the code's generic message.
    #[must_use]
    pub const fn code_only(code: ErrorCode) -> Self {
        Self::new(code, code.message())
    }

    /// The same error, located at a byte offset.
    #[must_use]
    pub const fn at_offset(mut self, offset: usize) -> Self {
        self.location = Location::Offset(offset);
        self
    }

    /// The same error, located at a list index.
    #[must_use]
    pub const fn at_index(mut self, index: usize) -> Self {
        self.location = Location::Index(index);
        self
    }

    /// The stable code.
    #[must_use]
    pub const fn code(&self) -> ErrorCode {
        self.code
    }

    /// The detail message (static English text, no user data: safe to log).
    #[must_use]
    pub const fn detail(&self) -> &'static str {
        self.detail
    }

    /// Where the error was found.
    #[must_use]
    pub const fn location(&self) -> Location {
        self.location
    }
}

impl From<ErrorCode> for Error {
    fn from(code: ErrorCode) -> Self {
        Self::code_only(code)
    }
}

impl Error {
    /// The detail and location without the code, for surfaces that carry the code in a field
    /// of its own (UniFFI's `SsiError`), so no reader sees the code twice.
    ///
    /// ```
    /// use ssi_verify_core::{Error, ErrorCode};
    /// let e = Error::new(ErrorCode::InvalidJson, "expected ','").at_offset(7);
    /// assert_eq!(e.explanation().to_string(), "expected ',' (at byte 7)");
    /// ```
    #[must_use]
    pub const fn explanation(&self) -> Explanation<'_> {
        Explanation(self)
    }
}

/// An error's detail and location without its code (see [`Error::explanation`]).
#[derive(Clone, Copy, Debug)]
pub struct Explanation<'a>(&'a Error);

impl fmt::Display for Explanation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.detail)?;
        match self.0.location {
            Location::None => Ok(()),
            Location::Offset(o) => write!(f, " (at byte {o})"),
            Location::Index(i) => write!(f, " (item {i})"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code.name(), self.explanation())
    }
}

impl core::error::Error for Error {}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = core::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::collections::BTreeSet;

    /// The stable name is the variant in SCREAMING_SNAKE_CASE, the same conversion cbindgen
    /// (`SSI_ERROR_<NAME>`) and UniFFI (`ErrorCode.<NAME>`) apply, so one code has one spelling.
    #[test]
    fn names_match_the_binding_spelling() {
        for &c in ErrorCode::ALL {
            let variant = alloc::format!("{c:?}");
            let mut screaming = alloc::string::String::new();
            for (i, ch) in variant.chars().enumerate() {
                if i > 0 && ch.is_ascii_uppercase() {
                    screaming.push('_');
                }
                screaming.push(ch.to_ascii_uppercase());
            }
            assert_eq!(c.name(), screaming, "{variant}");
        }
    }

    #[test]
    fn codes_are_unique_and_round_trip() {
        let mut numbers = BTreeSet::new();
        let mut names = BTreeSet::new();
        for &c in ErrorCode::ALL {
            assert!(numbers.insert(c as u32), "duplicate number {c:?}");
            assert!(names.insert(c.name()), "duplicate name {c:?}");
            assert_eq!(ErrorCode::from_u32(c as u32), Some(c));
            assert_eq!(ErrorCode::from_name(c.name()), Some(c));
            assert!(!c.message().is_empty());
        }
        assert_eq!(ErrorCode::from_u32(0), None);
        let sorted: alloc::vec::Vec<u32> = ErrorCode::ALL.iter().map(|c| *c as u32).collect();
        let mut check = sorted.clone();
        check.sort_unstable();
        assert_eq!(sorted, check, "ALL must be in numeric order");
    }

    #[test]
    fn display_includes_location() {
        let e = Error::new(ErrorCode::InvalidJson, "expected ','").at_offset(7);
        assert_eq!(alloc::format!("{e}"), "INVALID_JSON: expected ',' (at byte 7)");
        let e = Error::code_only(ErrorCode::EmptyDisplayText).at_index(2);
        assert_eq!(alloc::format!("{e}"), "EMPTY_DISPLAY_TEXT: display text is empty (item 2)");
        assert_eq!(ErrorCode::SignatureMismatch.category(), Category::Crypto);
        assert_eq!(ErrorCode::TypeNotAllowedForFlow.category(), Category::Rule);
    }
}
