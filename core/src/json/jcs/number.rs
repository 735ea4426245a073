//! JCS numbers: the ECMAScript `Number.prototype.toString` text of the double a JSON number
//! denotes (RFC 8785 section 3.2.2.3), with a shortcut for lexemes that already are that text.

use alloc::string::String;

use crate::error::{Error, ErrorCode, Result};

/// 2^53: every integer of at most this magnitude is exactly a double.
const EXACT: u64 = 1 << 53;

/// Whether a lexeme the lexer accepted is already its own canonical form: an integer without
/// fraction or exponent (the lexer already refused leading zeros), not `-0`, of magnitude at
/// most 2^53. Such an integer is exactly a double, and ECMAScript prints integral doubles below
/// 10^21 as their decimal digits.
pub(super) fn is_canonical(lexeme: &str) -> bool {
    let digits = lexeme.strip_prefix('-').unwrap_or(lexeme);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    if digits == "0" {
        return lexeme.len() == 1;
    }
    // 15 digits stay below 10^15 < 2^53; 16 need a look at the value.
    match digits.len() {
        0..=15 => true,
        16 => digits.parse::<u64>().is_ok_and(|n| n <= EXACT),
        _ => false,
    }
}

/// Appends the canonical text of a number lexeme to `out`, always through the double. Only the
/// text path takes the [`is_canonical`] shortcut; the tree path ([`super::canonicalize`],
/// [`super::format_number`]) always comes here, so the shortcut is checked against it
/// (tests/jcs_text.rs, fuzz target diff_jcs).
///
/// # Errors
/// [`ErrorCode::NumberNotIJson`] when the lexeme's magnitude is beyond the largest finite
/// double (or, for text the lexer did not check, when it is no decimal number at all).
pub(super) fn write(out: &mut String, lexeme: &str) -> Result<()> {
    // core's float parsing is correctly rounded (round-half-even), as RFC 8785 requires.
    let f: f64 =
        lexeme.parse().map_err(|_| Error::new(ErrorCode::NumberNotIJson, "number lexeme is not a decimal number"))?;
    if !f.is_finite() {
        return Err(Error::new(ErrorCode::NumberNotIJson, "number is outside the IEEE 754 double range"));
    }
    if f == 0.0 {
        out.push('0');
    } else {
        out.push_str(ryu_js::Buffer::new().format_finite(f));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut fires on plain integers up to 2^53 and only where the formatting through
    /// the double prints the lexeme unchanged.
    #[test]
    fn shortcut_agrees_with_formatting() {
        for (lexeme, shortcut) in [
            ("0", true),
            ("-0", false),
            ("7", true),
            ("-7", true),
            ("10", true),
            ("123456789012345", true),
            ("-999999999999999", true),
            ("1000000000000000", true),
            ("9007199254740992", true),
            ("-9007199254740992", true),
            ("9007199254740993", false),
            ("9007199254740994", false),
            ("9999999999999999", false),
            ("12345678901234567", false),
            ("1.5", false),
            ("1e2", false),
            ("1E2", false),
            ("0.0", false),
        ] {
            assert_eq!(is_canonical(lexeme), shortcut, "{lexeme}");
            let mut full = String::new();
            write(&mut full, lexeme).unwrap();
            if shortcut {
                assert_eq!(full, lexeme);
            }
        }
        assert!(!is_canonical("-"));
        assert!(!is_canonical(""));
    }

    #[test]
    fn out_of_range_is_refused() {
        let mut out = String::new();
        assert_eq!(write(&mut out, "1e400").unwrap_err().code(), ErrorCode::NumberNotIJson);
        assert_eq!(write(&mut out, "-1e309").unwrap_err().code(), ErrorCode::NumberNotIJson);
        assert_eq!(write(&mut out, "x").unwrap_err().code(), ErrorCode::NumberNotIJson);
        assert!(out.is_empty());
    }
}
