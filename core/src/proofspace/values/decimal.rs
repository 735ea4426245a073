//! Number values: exact decimals kept as the text they arrived as.

use alloc::string::String;
use core::fmt;

use super::wire::{skip_digits, starts_or_ends_with_whitespace, MAX_DECIMAL_LEN};
use crate::error::{Error, ErrorCode, Result};

/// A Number value: an exact decimal, kept as the text it arrived as.
///
/// The grammar is `-?[0-9]+(\.[0-9]+)?`, at most [`MAX_DECIMAL_LEN`] characters. Leading
/// zeros (`"007"`) and negative zero (`"-0"`) are accepted and **kept**: the value is stored
/// verbatim so that writing it back yields exactly the received text. For the same reason
/// equality is textual: `"0.1"` and `"0.10"` are different `Decimal`s.
///
/// ```
/// use ssi_verify_core::proofspace::values::Decimal;
/// let d = Decimal::parse("-222.2222").unwrap();
/// assert_eq!(d.as_str(), "-222.2222");
/// assert!(d.is_negative());
/// assert_eq!((d.integer_digits(), d.fraction_digits(), d.scale()), ("222", "2222", 4));
/// assert!(Decimal::parse("1e3").is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Decimal(String);

impl Decimal {
    /// Validates `text` and keeps it.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidNumber`], with a detail naming the broken rule (`"exponent not
    /// allowed"`, `"comma is not a decimal separator; use '.'"`, ...) and the offset of the
    /// first byte that does not fit the grammar.
    pub fn parse(text: &str) -> Result<Self> {
        if text.len() > MAX_DECIMAL_LEN {
            return Err(Error::new(ErrorCode::InvalidNumber, "number longer than 1000 characters"));
        }
        match scan_decimal(text) {
            Ok(()) => Ok(Self(String::from(text))),
            Err(at) => Err(Error::new(ErrorCode::InvalidNumber, decimal_detail(text, at)).at_offset(at)),
        }
    }

    /// The exact text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the value is below zero: a `-` sign and a non-zero digit (`"-0.00"` is not).
    #[must_use]
    pub fn is_negative(&self) -> bool {
        self.0.starts_with('-') && self.0.bytes().any(|b| matches!(b, b'1'..=b'9'))
    }

    fn unsigned(&self) -> &str {
        self.0.strip_prefix('-').unwrap_or(&self.0)
    }

    /// The digits before the `.`, without the sign, leading zeros kept.
    #[must_use]
    pub fn integer_digits(&self) -> &str {
        let u = self.unsigned();
        u.split_once('.').map_or(u, |(int, _)| int)
    }

    /// The digits after the `.`, trailing zeros kept; empty for an integer.
    #[must_use]
    pub fn fraction_digits(&self) -> &str {
        self.unsigned().split_once('.').map_or("", |(_, frac)| frac)
    }

    /// The number of fraction digits.
    #[must_use]
    pub fn scale(&self) -> usize {
        self.fraction_digits().len()
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Checks `-?[0-9]+(\.[0-9]+)?`; on failure, the offset of the first byte that breaks it.
fn scan_decimal(text: &str) -> core::result::Result<(), usize> {
    let bytes = text.as_bytes();
    let start = usize::from(bytes.first() == Some(&b'-'));
    let mut i = skip_digits(bytes, start);
    if i == start {
        return Err(i);
    }
    if bytes.get(i) == Some(&b'.') {
        let frac_start = i + 1;
        i = skip_digits(bytes, frac_start);
        if i == frac_start {
            return Err(i);
        }
    }
    if i == bytes.len() {
        Ok(())
    } else {
        Err(i)
    }
}

/// Names the rule a rejected Number breaks; the checks run from the most specific mistake
/// (what another language's formatter would produce) to the generic one.
fn decimal_detail(text: &str, at: usize) -> &'static str {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let at_byte = text.as_bytes().get(at).copied();
    if text.is_empty() {
        "number is empty"
    } else if starts_or_ends_with_whitespace(text) {
        "leading or trailing whitespace not allowed"
    } else if text.starts_with('+') {
        "leading '+' not allowed"
    } else if ["nan", "inf", "infinity"].iter().any(|w| unsigned.eq_ignore_ascii_case(w)) {
        "NaN and Infinity are not numbers"
    } else if text.contains(char::is_whitespace) {
        "whitespace not allowed"
    } else if text.contains(',') {
        "comma is not a decimal separator; use '.'"
    } else if text.contains(['e', 'E']) {
        "exponent not allowed"
    } else if unsigned.is_empty() {
        "a digit is required after '-'"
    } else if unsigned.starts_with('.') {
        "a digit is required before '.'"
    } else if at_byte.is_none() && text.ends_with('.') {
        "a digit is required after '.'"
    } else if at_byte == Some(b'.') {
        "only one '.' allowed"
    } else if at_byte == Some(b'-') {
        "'-' is only allowed at the start"
    } else {
        "unexpected character in number"
    }
}
