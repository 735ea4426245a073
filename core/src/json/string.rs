//! JSON string tokens: borrowed, validated, unescaped lazily.

use core::fmt;
use core::str::Chars;

/// A string token exactly as it appears between the quotes, already validated by the lexer.
///
/// Unescaping is lazy ([`JsonStr::chars`]) so comparisons and counts need no buffer.
///
/// ```
/// use ssi_verify_core::json::{Event, Lexer};
/// use ssi_verify_core::Limits;
/// let mut lx = Lexer::new(r#""100\u20ac""#, &Limits::DEFAULT).unwrap();
/// let Some(Event::Str(s)) = lx.next_event().unwrap() else { unreachable!() };
/// assert_eq!(s.raw(), r"100\u20ac");
/// assert!(s.eq_str("100€"));
/// assert_eq!(s.chars().count(), 4);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct JsonStr<'a> {
    raw: &'a str,
    escaped: bool,
    /// `raw.len()` minus the number of scalar values of the unescaped text (UTF-8 continuation
    /// bytes plus what the escapes save), as the lexer counted it while scanning; [`UNCOUNTED`]
    /// when the token was made without that count.
    saved: usize,
}

/// [`JsonStr::saved`] for a token whose scalar values were not counted when it was made.
const UNCOUNTED: usize = usize::MAX;

impl<'a> JsonStr<'a> {
    /// Wraps raw string content the lexer has validated, without its scalar count (counted on
    /// demand). Only tests make tokens this way now; the lexer counts as it scans.
    #[cfg(test)]
    pub(crate) const fn from_validated(raw: &'a str, escaped: bool) -> Self {
        Self { raw, escaped, saved: UNCOUNTED }
    }

    /// Wraps raw string content the lexer has validated and counted: `saved` is `raw.len()`
    /// minus the scalar values of the unescaped text.
    pub(crate) const fn from_counted(raw: &'a str, escaped: bool, saved: usize) -> Self {
        Self { raw, escaped, saved }
    }

    /// The raw content between the quotes, escapes untouched.
    #[must_use]
    pub const fn raw(&self) -> &'a str {
        self.raw
    }

    /// Whether the raw text contains any escape sequence.
    #[must_use]
    pub const fn has_escapes(&self) -> bool {
        self.escaped
    }

    /// The unescaped text as characters.
    #[must_use]
    pub fn chars(&self) -> Unescape<'a> {
        Unescape { inner: self.raw.chars() }
    }

    /// The unescaped text if it needs no unescaping.
    #[must_use]
    pub const fn as_plain(&self) -> Option<&'a str> {
        if self.escaped {
            None
        } else {
            Some(self.raw)
        }
    }

    /// Whether the unescaped text equals `s`.
    #[must_use]
    pub fn eq_str(&self, s: &str) -> bool {
        if self.escaped {
            self.chars().eq(s.chars())
        } else {
            self.raw == s
        }
    }

    /// Whether two tokens denote the same text (`"a"` and `"\u0061"` are equal).
    #[must_use]
    pub fn same_text(&self, other: &JsonStr<'_>) -> bool {
        if !self.escaped && !other.escaped {
            self.raw == other.raw
        } else {
            self.chars().eq(other.chars())
        }
    }

    /// Number of Unicode scalar values of the unescaped text.
    #[must_use]
    pub fn scalar_count(&self) -> usize {
        if self.saved != UNCOUNTED {
            self.raw.len().saturating_sub(self.saved)
        } else if self.escaped {
            self.chars().count()
        } else {
            self.raw.chars().count()
        }
    }

    /// The unescaped text as an owned string.
    #[must_use]
    pub fn to_unescaped(&self) -> alloc::string::String {
        match self.as_plain() {
            Some(s) => alloc::string::String::from(s),
            None => self.chars().collect(),
        }
    }
}

/// Tokens are equal when their raw texts are (the count is derived from the text).
impl PartialEq for JsonStr<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw && self.escaped == other.escaped
    }
}

impl Eq for JsonStr<'_> {}

impl fmt::Display for JsonStr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.chars() {
            fmt::Write::write_char(f, c)?;
        }
        Ok(())
    }
}

/// Iterator over the unescaped characters of a validated [`JsonStr`].
#[derive(Clone, Debug)]
pub struct Unescape<'a> {
    inner: Chars<'a>,
}

fn hex4(chars: &mut Chars<'_>) -> u32 {
    let mut v = 0u32;
    for _ in 0..4 {
        v = (v << 4) | chars.next().and_then(|c| c.to_digit(16)).unwrap_or(0);
    }
    v
}

impl Iterator for Unescape<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        let c = self.inner.next()?;
        if c != '\\' {
            return Some(c);
        }
        // The lexer validated every escape, so the fallbacks below are unreachable in practice;
        // they exist so that no input can make this iterator panic.
        Some(match self.inner.next()? {
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => {
                let hi = hex4(&mut self.inner);
                let code = if (0xD800..0xDC00).contains(&hi) {
                    self.inner.next();
                    self.inner.next();
                    let lo = hex4(&mut self.inner);
                    0x10000 + ((hi - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF)
                } else {
                    hi
                };
                char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
            }
            other => other,
        })
    }
}

/// The value of four hex digits (validated by the lexer; `None` otherwise).
#[cfg(feature = "smartid")]
fn hex4_bytes(digits: &[u8]) -> Option<u32> {
    let mut v = 0u32;
    let mut any = 0u8;
    for &d in digits {
        let n = crate::json::lexer::hex_digit(d);
        any |= n;
        v = (v << 4) | u32::from(n & 0x0f);
    }
    (any < 16).then_some(v)
}

/// Unescapes the validated string token occupying `buf[start..end]` in place and returns its new
/// end. The unescaped form is never longer than the escaped one, so the write position never
/// passes the read position. Runs between escapes are found a word at a time (in a validated
/// token the only byte that ends a run is `\`) and moved with one `copy_within` each.
#[cfg(feature = "smartid")]
pub(crate) fn unescape_in_place(buf: &mut [u8], start: usize, end: usize) -> Option<usize> {
    let mut r = start;
    let mut w = start;
    let mut tmp = [0u8; 4];
    // Each step consumes a run and an escape (at least two bytes), so this ends by `end`; the
    // check after the run is the only exit needed (an empty token stops there at once).
    loop {
        let stop = crate::json::scan::find_backslash(buf.get(..end)?, r);
        if w != r {
            // `w..stop` holds both the source `r..stop` and the destination (w < r): checked
            // here, so `copy_within` cannot panic.
            buf.get(w..stop)?;
            buf.copy_within(r..stop, w);
        }
        w += stop - r;
        r = stop;
        if r >= end {
            break;
        }
        let (code, len) = match *buf.get(r + 1)? {
            b'u' => {
                let hi = hex4_bytes(buf.get(r + 2..r + 6)?)?;
                if (0xD800..0xDC00).contains(&hi) {
                    let lo = hex4_bytes(buf.get(r + 8..r + 12)?)?;
                    (0x10000 + ((hi - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF), 12)
                } else {
                    (hi, 6)
                }
            }
            b'b' => (0x08, 2),
            b'f' => (0x0c, 2),
            b'n' => (u32::from(b'\n'), 2),
            b'r' => (u32::from(b'\r'), 2),
            b't' => (u32::from(b'\t'), 2),
            other => (u32::from(other), 2),
        };
        let enc = char::from_u32(code)?.encode_utf8(&mut tmp).as_bytes();
        buf.get_mut(w..w + enc.len())?.copy_from_slice(enc);
        w += enc.len();
        r += len;
    }
    Some(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{Event, Lexer};
    use crate::Limits;
    use alloc::string::String;

    fn tok(src: &str) -> JsonStr<'_> {
        match Lexer::new(src, &Limits::DEFAULT).unwrap().next_event().unwrap() {
            Some(Event::Str(s)) => s,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn unescapes_everything() {
        let s = tok(r#""a\"\\\/\b\f\n\r\t\u0041\u20ac\ud83d\ude00z""#);
        let text: String = s.chars().collect();
        assert_eq!(text, "a\"\\/\u{8}\u{c}\n\r\tA€😀z");
        assert_eq!(s.scalar_count(), 13);
        assert!(s.eq_str("a\"\\/\u{8}\u{c}\n\r\tA€😀z"));
        assert!(!s.eq_str("a"));
    }

    #[test]
    fn tokens_are_equal_by_raw_text_and_display_unescaped() {
        assert_eq!(tok(r#""ab""#), tok(r#""ab""#));
        assert_ne!(tok(r#""ab""#), tok(r#""ac""#));
        assert_ne!(tok(r#""ab""#), tok(r#""\u0061b""#));
        assert_ne!(JsonStr::from_validated("ab", false), JsonStr::from_validated("ab", true));
        assert_eq!(alloc::string::ToString::to_string(&tok(r#""a\n\u00e9""#)), "a\n\u{e9}");
    }

    #[cfg(feature = "smartid")]
    #[test]
    fn four_hex_digits_or_none() {
        assert_eq!(hex4_bytes(b"00e9"), Some(0xe9));
        assert_eq!(hex4_bytes(b"FfFf"), Some(0xffff));
        for bad in [&b"12G4"[..], b"g000", b"000:", b" 000"] {
            assert_eq!(hex4_bytes(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn escaped_and_raw_spellings_are_the_same_text_both_ways() {
        let (plain, escaped, other) = (tok(r#""ab""#), tok(r#""\u0061b""#), tok(r#""\u0061c""#));
        assert!(!plain.has_escapes() && escaped.has_escapes());
        assert!(plain.same_text(&escaped) && escaped.same_text(&plain));
        assert!(plain.same_text(&tok(r#""ab""#)) && escaped.same_text(&tok(r#""a\u0062""#)));
        assert!(!plain.same_text(&other) && !other.same_text(&plain) && !escaped.same_text(&other));
    }

    #[cfg(feature = "smartid")]
    #[test]
    fn in_place_matches_lazy() {
        let src = r#""x\u00e9\ud83d\ude00\n\"y""#;
        let s = tok(src);
        let mut buf: alloc::vec::Vec<u8> = src.as_bytes().to_vec();
        let end = unescape_in_place(&mut buf, 1, src.len() - 1).unwrap();
        assert_eq!(core::str::from_utf8(&buf[1..end]).unwrap(), s.to_unescaped());
    }

    /// The lexer's scalar count and the in-place unescaper against the lazy iterator, for an
    /// escape, a control-free non-ASCII character and a surrogate pair at every offset of the
    /// first two 8-byte words of a token.
    #[test]
    fn counts_and_in_place_unescaping_at_every_offset() {
        let inserts = [r"\n", r"\u20ac", r"\ud83d\ude00", r"\\", r#"\""#, "é", "€", "😀", r"\/"];
        for len in 0..=17usize {
            for at in 0..=len {
                for ins in inserts {
                    for fill in ["a", "ü"] {
                        let body = alloc::format!("{}{ins}{}", fill.repeat(at), fill.repeat(len - at));
                        let src = alloc::format!("\"{body}\"");
                        let s = tok(&src);
                        assert_eq!(s.raw(), body);
                        assert_eq!(s.scalar_count(), s.chars().count(), "{src}");
                        assert_eq!(s.scalar_count(), JsonStr::from_validated(s.raw(), s.has_escapes()).scalar_count());
                        #[cfg(feature = "smartid")]
                        {
                            let mut buf: alloc::vec::Vec<u8> = src.as_bytes().to_vec();
                            let end = unescape_in_place(&mut buf, 1, src.len() - 1).unwrap();
                            assert_eq!(core::str::from_utf8(&buf[1..end]).unwrap(), s.to_unescaped(), "{src}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn same_text_across_escapes() {
        assert!(tok(r#""type""#).same_text(&tok(r#""\u0074ype""#)));
        assert!(!tok(r#""type""#).same_text(&tok(r#""types""#)));
    }
}
