//! Writing JSON text: string escaping, whitespace removal, and a fixed-buffer sink.

use core::fmt::{self, Write};

/// Writes `s` as a JSON string literal with the minimal escaping of RFC 8785: `"` and `\`,
/// the short forms `\b \f \n \r \t`, and `\u00xx` (lower-case hex) for other control characters.
/// Everything else, including non-ASCII, is written as is.
///
/// ```
/// let mut out = String::new();
/// ssi_verify_core::json::write_string(&mut out, "a\"€\u{1}").unwrap();
/// assert_eq!(out, r#""a\"€\u0001""#);
/// ```
///
/// # Errors
/// Only what the sink reports.
pub fn write_string<W: Write + ?Sized>(out: &mut W, s: &str) -> fmt::Result {
    out.write_char('"')?;
    let mut run_start = 0;
    for (i, c) in s.char_indices() {
        let short = match c {
            '"' => Some("\\\""),
            '\\' => Some("\\\\"),
            '\u{8}' => Some("\\b"),
            '\u{c}' => Some("\\f"),
            '\n' => Some("\\n"),
            '\r' => Some("\\r"),
            '\t' => Some("\\t"),
            c if u32::from(c) < 0x20 => None,
            _ => continue,
        };
        out.write_str(s.get(run_start..i).unwrap_or(""))?;
        match short {
            Some(esc) => out.write_str(esc)?,
            None => write!(out, "\\u{:04x}", u32::from(c))?,
        }
        run_start = i + c.len_utf8();
    }
    out.write_str(s.get(run_start..).unwrap_or(""))?;
    out.write_char('"')
}

/// Copies a JSON text that has already been validated, dropping insignificant whitespace and
/// keeping every token byte for byte (escapes, number spellings and member order survive).
///
/// ```
/// let mut out = String::new();
/// ssi_verify_core::json::minify(&mut out, "[ {\"a\" : \"x y\\u20ac\" } ]").unwrap();
/// assert_eq!(out, "[{\"a\":\"x y\\u20ac\"}]");
/// ```
///
/// # Errors
/// Only what the sink reports.
pub fn minify<W: Write + ?Sized>(out: &mut W, validated: &str) -> fmt::Result {
    let mut in_string = false;
    let mut escape = false;
    let mut run_start = 0;
    for (i, b) in validated.bytes().enumerate() {
        if in_string {
            if escape {
                escape = false;
            } else if b == b'\\' {
                escape = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b' ' | b'\t' | b'\n' | b'\r' => {
                out.write_str(validated.get(run_start..i).unwrap_or(""))?;
                run_start = i + 1;
            }
            _ => {}
        }
    }
    out.write_str(validated.get(run_start..).unwrap_or(""))
}

/// A [`fmt::Write`] sink over a caller's byte buffer; overflowing it is an error, never a panic.
///
/// ```
/// use core::fmt::Write;
/// let mut buf = [0u8; 4];
/// let mut w = ssi_verify_core::json::SliceWriter::new(&mut buf);
/// assert!(w.write_str("abcd").is_ok());
/// assert!(w.write_str("e").is_err());
/// assert_eq!(w.len(), 4);
/// ```
#[derive(Debug)]
pub struct SliceWriter<'b> {
    buf: &'b mut [u8],
    len: usize,
    overflow: bool,
}

impl<'b> SliceWriter<'b> {
    /// An empty writer over `buf`.
    pub fn new(buf: &'b mut [u8]) -> Self {
        Self { buf, len: 0, overflow: false }
    }

    /// Bytes written so far.
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether nothing was written.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether a write did not fit.
    #[must_use]
    pub fn overflowed(&self) -> bool {
        self.overflow
    }

    /// The written bytes.
    #[must_use]
    pub fn written(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or(&[])
    }
}

impl Write for SliceWriter<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        match self.buf.get_mut(self.len..end) {
            Some(dst) => {
                dst.copy_from_slice(s.as_bytes());
                self.len = end;
                Ok(())
            }
            None => {
                self.overflow = true;
                Err(fmt::Error)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;

    #[test]
    fn escapes_controls_minimally() {
        let mut s = String::new();
        write_string(&mut s, "\u{0}\u{1f}\u{7f}/é\t").unwrap();
        assert_eq!(s, "\"\\u0000\\u001f\u{7f}/é\\t\"");
    }

    #[test]
    fn a_slice_writer_keeps_what_fits_and_says_when_a_write_did_not() {
        let mut buf = [0u8; 4];
        let mut w = SliceWriter::new(&mut buf);
        assert!(w.is_empty() && !w.overflowed());
        w.write_str("ab").unwrap();
        assert!(!w.is_empty() && !w.overflowed());
        assert_eq!((w.len(), w.written()), (2, &b"ab"[..]));
        assert!(w.write_str("cde").is_err());
        assert!(w.overflowed());
        assert_eq!((w.len(), w.written()), (2, &b"ab"[..]));
        w.write_str("cd").unwrap();
        assert_eq!((w.len(), w.written()), (4, &b"abcd"[..]));
    }

    #[test]
    fn two_character_escapes_where_json_has_them() {
        let mut s = String::new();
        write_string(&mut s, "a\u{8}\u{c}\n\r\t\"\\b").unwrap();
        assert_eq!(s, r#""a\b\f\n\r\t\"\\b""#);
    }

    #[test]
    fn minify_keeps_strings() {
        let mut s = String::new();
        minify(&mut s, "{ \"a b\" : [ 1 , \"\\\" x\" ] }\n").unwrap();
        assert_eq!(s, "{\"a b\":[1,\"\\\" x\"]}");
    }
}
