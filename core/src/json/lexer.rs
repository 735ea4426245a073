//! A pull lexer for RFC 8259 JSON that never recurses and never allocates.
//!
//! It validates the whole grammar (including string escapes and lone surrogates, which RFC 8259
//! tolerates but no Unicode text can hold), enforces [`Limits`] as it goes, and hands out borrowed
//! tokens. Every JSON consumer in the core sits on top of it, so there is exactly one grammar.

use crate::error::{Error, ErrorCode, Result};
use crate::json::scan::scan_run;
use crate::json::JsonStr;
use crate::limits::Limits;

/// One token of a JSON document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event<'a> {
    /// `{`
    StartObject,
    /// `}`
    EndObject,
    /// `[`
    StartArray,
    /// `]`
    EndArray,
    /// A member name (always followed by the member's value).
    Key(JsonStr<'a>),
    /// A string value.
    Str(JsonStr<'a>),
    /// A number, as its exact source text.
    Number(&'a str),
    /// `true` or `false`.
    Bool(bool),
    /// `null`
    Null,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Value,
    ArrayFirst,
    ObjectFirst,
    ObjectKey,
    AfterValue,
    Done,
}

const STACK_WORDS: usize = crate::limits::DEPTH_CEILING / 64;

/// The pull lexer. Call [`Lexer::next_event`] until it returns `Ok(None)`.
///
/// ```
/// use ssi_verify_core::json::{Event, Lexer};
/// use ssi_verify_core::Limits;
/// let mut lx = Lexer::new(r#"{"a":[1,true]}"#, &Limits::DEFAULT).unwrap();
/// let mut n = 0;
/// while let Some(ev) = lx.next_event().unwrap() {
///     if let Event::Key(k) = ev { assert!(k.eq_str("a")); }
///     n += 1;
/// }
/// assert_eq!(n, 7);
/// assert!(Lexer::new("[1,]", &Limits::DEFAULT).unwrap().count_events().is_err());
/// ```
#[derive(Debug)]
pub struct Lexer<'a> {
    src: &'a str,
    pos: usize,
    state: State,
    stack: [u64; STACK_WORDS],
    depth: usize,
    max_depth: usize,
    items: usize,
    max_items: usize,
    max_string: usize,
}

fn err(code: ErrorCode, detail: &'static str, at: usize) -> Error {
    Error::new(code, detail).at_offset(at)
}

impl<'a> Lexer<'a> {
    /// A lexer over `src`, with the limits checked as tokens are read.
    ///
    /// # Errors
    /// [`ErrorCode::InputTooLarge`] when `src` is longer than `limits.max_input_bytes`.
    pub fn new(src: &'a str, limits: &Limits) -> Result<Self> {
        if src.len() > limits.max_input_bytes {
            return Err(Error::new(ErrorCode::InputTooLarge, "JSON text longer than max_input_bytes"));
        }
        Ok(Self {
            src,
            pos: 0,
            state: State::Value,
            stack: [0; STACK_WORDS],
            depth: 0,
            max_depth: limits.depth(),
            items: 0,
            max_items: limits.max_items,
            max_string: limits.max_string_bytes,
        })
    }

    /// Current nesting depth (0 outside any container).
    #[must_use]
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// Byte offset of the next unread byte.
    #[must_use]
    pub fn offset(&self) -> usize {
        self.pos
    }

    /// The source text.
    #[must_use]
    pub fn source(&self) -> &'a str {
        self.src
    }

    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        self.pos = skip_ws_from(self.src.as_bytes(), self.pos);
    }

    fn top_is_object(&self) -> bool {
        let d = self.depth.saturating_sub(1);
        self.stack.get(d / 64).is_some_and(|w| w & (1u64 << (d % 64)) != 0)
    }

    fn push(&mut self, object: bool) -> Result<()> {
        if self.depth >= self.max_depth {
            return Err(err(ErrorCode::NestingTooDeep, "nesting deeper than max_depth", self.pos));
        }
        let d = self.depth;
        if let Some(w) = self.stack.get_mut(d / 64) {
            if object {
                *w |= 1u64 << (d % 64);
            } else {
                *w &= !(1u64 << (d % 64));
            }
        }
        self.depth += 1;
        Ok(())
    }

    fn count_item(&mut self) -> Result<()> {
        self.items += 1;
        if self.items > self.max_items {
            return Err(err(ErrorCode::TooManyItems, "more JSON values than max_items", self.pos));
        }
        Ok(())
    }

    /// Reads the next token; `Ok(None)` once the single top-level value and trailing whitespace are consumed.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidJson`], [`ErrorCode::LoneSurrogate`] or a limit code, located at a byte offset.
    /// After an error the lexer must not be used further.
    pub fn next_event(&mut self) -> Result<Option<Event<'a>>> {
        loop {
            match self.state {
                State::Done => return Ok(None),
                State::Value => return self.value().map(Some),
                State::ArrayFirst => {
                    self.skip_ws();
                    if self.peek() == Some(b']') {
                        return Ok(Some(self.close()));
                    }
                    return self.value().map(Some);
                }
                State::ObjectFirst | State::ObjectKey => {
                    self.skip_ws();
                    if self.state == State::ObjectFirst && self.peek() == Some(b'}') {
                        return Ok(Some(self.close()));
                    }
                    return self.key().map(Some);
                }
                State::AfterValue => {
                    self.skip_ws();
                    if self.depth == 0 {
                        if self.pos != self.src.len() {
                            return Err(err(ErrorCode::InvalidJson, "text after the top-level value", self.pos));
                        }
                        self.state = State::Done;
                        return Ok(None);
                    }
                    let object = self.top_is_object();
                    match (self.peek(), object) {
                        (Some(b','), false) => {
                            self.pos += 1;
                            return self.value().map(Some);
                        }
                        (Some(b','), true) => {
                            self.pos += 1;
                            self.state = State::ObjectKey;
                        }
                        (Some(b']'), false) | (Some(b'}'), true) => return Ok(Some(self.close())),
                        (None, _) => return Err(err(ErrorCode::InvalidJson, "unexpected end of text", self.pos)),
                        _ => {
                            return Err(err(
                                ErrorCode::InvalidJson,
                                "expected ',' or the end of the container",
                                self.pos,
                            ))
                        }
                    }
                }
            }
        }
    }

    fn close(&mut self) -> Event<'a> {
        let object = self.top_is_object();
        self.pos += 1;
        self.depth -= 1;
        self.state = State::AfterValue;
        if object {
            Event::EndObject
        } else {
            Event::EndArray
        }
    }

    fn key(&mut self) -> Result<Event<'a>> {
        if self.peek() != Some(b'"') {
            let code = if self.peek().is_none() { "unexpected end of text" } else { "expected a member name" };
            return Err(err(ErrorCode::InvalidJson, code, self.pos));
        }
        let s = self.string()?;
        self.skip_ws();
        if self.peek() != Some(b':') {
            return Err(err(ErrorCode::InvalidJson, "expected ':' after the member name", self.pos));
        }
        self.pos += 1;
        self.state = State::Value;
        Ok(Event::Key(s))
    }

    fn value(&mut self) -> Result<Event<'a>> {
        self.skip_ws();
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Err(err(ErrorCode::InvalidJson, "unexpected end of text", self.pos));
        };
        self.count_item()?;
        let ev = match c {
            b'{' => {
                self.push(true)?;
                self.pos += 1;
                self.state = State::ObjectFirst;
                return Ok(Event::StartObject);
            }
            b'[' => {
                self.push(false)?;
                self.pos += 1;
                self.state = State::ArrayFirst;
                return Ok(Event::StartArray);
            }
            b'"' => Event::Str(self.string()?),
            b'-' | b'0'..=b'9' => Event::Number(self.number()?),
            b't' => self.literal("true", Event::Bool(true))?,
            b'f' => self.literal("false", Event::Bool(false))?,
            b'n' => self.literal("null", Event::Null)?,
            _ => return Err(err(ErrorCode::InvalidJson, "expected a JSON value", start)),
        };
        self.state = State::AfterValue;
        Ok(ev)
    }

    fn literal(&mut self, word: &'static str, ev: Event<'a>) -> Result<Event<'a>> {
        let end = self.pos + word.len();
        if self.src.as_bytes().get(self.pos..end) == Some(word.as_bytes()) {
            self.pos = end;
            Ok(ev)
        } else {
            Err(err(ErrorCode::InvalidJson, "invalid literal", self.pos))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<&'a str> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(err(ErrorCode::InvalidJson, "invalid number", start)),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(err(ErrorCode::InvalidJson, "invalid number: no digit after '.'", start));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(err(ErrorCode::InvalidJson, "invalid number: no digit in the exponent", start));
            }
        }
        if self.pos - start > self.max_string {
            return Err(err(ErrorCode::StringTooLong, "number longer than max_string_bytes", start));
        }
        self.src.get(start..self.pos).ok_or_else(|| err(ErrorCode::InvalidJson, "invalid number", start))
    }

    /// Reads a string starting at the opening quote (see [`read_string`]).
    fn string(&mut self) -> Result<JsonStr<'a>> {
        let (s, next) = read_string(self.src, self.pos, self.max_string)?;
        self.pos = next;
        Ok(s)
    }

    /// Skips the rest of a container whose start event was just returned.
    ///
    /// # Errors
    /// Any error of [`Lexer::next_event`].
    pub fn skip_container(&mut self) -> Result<()> {
        let target = self.depth.saturating_sub(1);
        while self.depth > target {
            if self.next_event()?.is_none() {
                break;
            }
        }
        Ok(())
    }

    /// Consumes the whole document and returns the number of events (a validation pass).
    ///
    /// # Errors
    /// Any error of [`Lexer::next_event`].
    pub fn count_events(&mut self) -> Result<usize> {
        let mut n = 0usize;
        while self.next_event()?.is_some() {
            n += 1;
        }
        Ok(n)
    }
}

/// The offset of the first byte at or after `pos` that is not JSON whitespace.
pub(crate) fn skip_ws_from(bytes: &[u8], mut pos: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(pos) {
        pos += 1;
    }
    pos
}

/// The value of a hex digit of either case, or 16 and above for any other byte (two
/// subtractions and compares, no table).
pub(crate) fn hex_digit(c: u8) -> u8 {
    let digit = c.wrapping_sub(b'0');
    let letter = (c | 0x20).wrapping_sub(b'a');
    if digit < 10 {
        digit
    } else if letter < 6 {
        letter + 10
    } else {
        16
    }
}

fn hex4(src: &str, at: usize) -> Result<u32> {
    let digits = src
        .as_bytes()
        .get(at..)
        .and_then(<[u8]>::first_chunk::<4>)
        .ok_or_else(|| err(ErrorCode::InvalidJson, "truncated \\u escape", at))?;
    let mut v = 0u32;
    let mut any = 0u8;
    for &d in digits {
        let n = hex_digit(d);
        any |= n;
        v = (v << 4) | u32::from(n & 0x0f);
    }
    if any >= 16 {
        return Err(err(ErrorCode::InvalidJson, "invalid \\u escape", at));
    }
    Ok(v)
}

/// Reads the string whose opening quote is at `open`; returns it and the offset after its
/// closing quote. Runs without escapes are scanned a word at a time ([`scan_run`]), which also
/// tells whether they were ASCII; with what each escape saves, that gives an ASCII token its
/// scalar count without a second pass (a non-ASCII one counts its raw characters once, with the
/// standard library's word-at-a-time count).
#[inline]
pub(crate) fn read_string(src: &str, open: usize, max_string: usize) -> Result<(JsonStr<'_>, usize)> {
    let mut pos = open + 1;
    let start = pos;
    let bytes = src.as_bytes();
    let mut escaped = false;
    let mut saved = 0usize;
    let mut ascii = true;
    loop {
        let (stop, run_ascii) = scan_run(bytes, pos);
        pos = stop;
        ascii &= run_ascii;
        match bytes.get(pos).copied() {
            None => return Err(err(ErrorCode::InvalidJson, "unterminated string", open)),
            Some(b'"') => break,
            Some(b'\\') => {
                escaped = true;
                let e = bytes.get(pos + 1).copied();
                match e {
                    Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                        pos += 2;
                        saved += 1;
                    }
                    Some(b'u') => {
                        let u = hex4(src, pos + 2)?;
                        match u {
                            0xD800..=0xDBFF => {
                                let next = pos + 6;
                                let low =
                                    if bytes.get(next..next + 2) == Some(b"\\u") { hex4(src, next + 2)? } else { 0 };
                                if !(0xDC00..=0xDFFF).contains(&low) {
                                    return Err(err(
                                        ErrorCode::LoneSurrogate,
                                        "high surrogate escape without a low surrogate",
                                        pos,
                                    ));
                                }
                                pos += 12;
                                saved += 11;
                            }
                            0xDC00..=0xDFFF => {
                                return Err(err(
                                    ErrorCode::LoneSurrogate,
                                    "low surrogate escape without a high surrogate",
                                    pos,
                                ));
                            }
                            _ => {
                                pos += 6;
                                saved += 5;
                            }
                        }
                    }
                    _ => return Err(err(ErrorCode::InvalidJson, "invalid escape", pos)),
                }
            }
            Some(_) => return Err(err(ErrorCode::InvalidJson, "control character in string", pos)),
        }
    }
    let end = pos;
    pos += 1;
    if end - start > max_string {
        return Err(err(ErrorCode::StringTooLong, "string longer than max_string_bytes", open));
    }
    let raw = src.get(start..end).ok_or_else(|| err(ErrorCode::InvalidJson, "invalid string", open))?;
    if !ascii {
        // Escapes are ASCII: each non-ASCII scalar saves its UTF-8 length minus one.
        saved += raw.len() - raw.chars().count();
    }
    Ok((JsonStr::from_counted(raw, escaped, saved), pos))
}

/// Validates that `src` is one JSON value within `limits`.
///
/// ```
/// use ssi_verify_core::{json, Limits};
/// assert!(json::validate("[1, {\"a\": null}]", &Limits::DEFAULT).is_ok());
/// assert!(json::validate("[1 2]", &Limits::DEFAULT).is_err());
/// ```
///
/// # Errors
/// As [`Lexer::next_event`].
pub fn validate(src: &str, limits: &Limits) -> Result<()> {
    Lexer::new(src, limits)?.count_events().map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;
    use alloc::vec::Vec;

    fn events(s: &str) -> Result<Vec<Event<'_>>> {
        let mut lx = Lexer::new(s, &Limits::DEFAULT)?;
        let mut v = Vec::new();
        while let Some(e) = lx.next_event()? {
            v.push(e);
        }
        Ok(v)
    }

    fn code(s: &str) -> ErrorCode {
        events(s).unwrap_err().code()
    }

    #[test]
    fn accepts_valid_documents() {
        for ok in [
            "0",
            "-0",
            "1.5e-3",
            "-12E+2",
            "\"\"",
            "true",
            "false",
            "null",
            " [ ] ",
            "{}",
            "[[],{}]",
            r#"{"a":1,"b":[true,false,null],"c":{"d":"e"}}"#,
            r#""\ud83d\ude00""#,
            r#""\u20ac\n\t\/""#,
            "\u{feff}".trim_start_matches('\u{feff}'),
        ] {
            if ok.is_empty() {
                continue;
            }
            assert!(events(ok).is_ok(), "{ok:?}");
        }
    }

    #[test]
    fn rejects_invalid_documents() {
        for bad in [
            "",
            " ",
            "[",
            "]",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "{\"a\"}",
            "{\"a\" 1}",
            "{1:2}",
            "01",
            "1.",
            ".5",
            "1e",
            "+1",
            "-",
            "tru",
            "nul",
            "[1 2]",
            "1 2",
            "\"abc",
            "\"\\x\"",
            "\"\\u12\"",
            "\"a\u{1}b\"",
            "[\"a\"]]",
            "{}}",
            "NaN",
            "Infinity",
            "'a'",
            "[1,,2]",
            "{\"a\":1 \"b\":2}",
        ] {
            let e = events(bad).unwrap_err();
            assert_eq!(e.code(), ErrorCode::InvalidJson, "{bad:?} gave {e}");
        }
    }

    #[test]
    fn hex_digits_match_the_standard_library() {
        for c in 0u8..=255 {
            let ours = hex_digit(c);
            match char::from(c).to_digit(16) {
                Some(d) => assert_eq!(u32::from(ours), d, "{c:#x}"),
                None => assert!(ours >= 16, "{c:#x}"),
            }
        }
        assert_eq!(code(r#""\u12G4""#), ErrorCode::InvalidJson);
        assert!(events(r#""\uABcd""#).is_ok());
    }

    #[test]
    fn lone_surrogates_rejected() {
        assert_eq!(code(r#""\ud800""#), ErrorCode::LoneSurrogate);
        assert_eq!(code(r#""\udc00\ud800""#), ErrorCode::LoneSurrogate);
        assert_eq!(code(r#""\udc00""#), ErrorCode::LoneSurrogate);
        assert_eq!(code(r#""a\udfffb""#), ErrorCode::LoneSurrogate);
        assert_eq!(code(r#""\ud800\u0041""#), ErrorCode::LoneSurrogate);
        assert_eq!(code(r#""\ud800x""#), ErrorCode::LoneSurrogate);
    }

    #[test]
    fn limits_enforced() {
        let deep: String = "[".repeat(65) + &"]".repeat(65);
        assert_eq!(code(&deep), ErrorCode::NestingTooDeep);
        let ok: String = "[".repeat(64) + &"]".repeat(64);
        assert!(events(&ok).is_ok());
        let tight = Limits { max_items: 3, max_string_bytes: 4, max_input_bytes: 20, ..Limits::DEFAULT };
        let run = |s: &str| Lexer::new(s, &tight).and_then(|mut l| l.count_events());
        assert_eq!(run("[1,2,3]").unwrap_err().code(), ErrorCode::TooManyItems);
        assert_eq!(run("\"abcde\"").unwrap_err().code(), ErrorCode::StringTooLong);
        assert_eq!(run("12345").unwrap_err().code(), ErrorCode::StringTooLong);
        assert_eq!(run("1234").unwrap(), 1);
        assert_eq!(run("\"abcd\"").unwrap(), 1);
        assert_eq!(run("[1,2]").unwrap(), 4);
        assert_eq!(run("[                    ]").unwrap_err().code(), ErrorCode::InputTooLarge);
        let huge = Limits { max_depth: 100_000, ..Limits::DEFAULT };
        let deeper: String = "[".repeat(300) + &"]".repeat(300);
        assert_eq!(Lexer::new(&deeper, &huge).unwrap().count_events().unwrap_err().code(), ErrorCode::NestingTooDeep);
    }

    #[test]
    fn error_offsets_point_at_the_fault() {
        let e = events("[1, x]").unwrap_err();
        assert_eq!(e.location(), crate::error::Location::Offset(4));
        let at = |s: &str| {
            let e = events(s).unwrap_err();
            (e.detail(), e.location())
        };
        use crate::error::Location::Offset;
        assert_eq!(at("[1"), ("unexpected end of text", Offset(2)));
        assert_eq!(at("[1 "), ("unexpected end of text", Offset(3)));
        assert_eq!(at("[1}"), ("expected ',' or the end of the container", Offset(2)));
        assert_eq!(at(r#"{"a":1]"#), ("expected ',' or the end of the container", Offset(6)));
    }

    #[test]
    fn position_depth_and_source_follow_the_reading() {
        let src = r#" [{"a":1}] "#;
        let mut lx = Lexer::new(src, &Limits::DEFAULT).unwrap();
        assert_eq!((lx.depth(), lx.offset(), lx.source()), (0, 0, src));
        let mut seen = Vec::new();
        while let Some(ev) = lx.next_event().unwrap() {
            seen.push((ev, lx.depth(), lx.offset()));
        }
        let key = JsonStr::from_counted("a", false, 0);
        assert_eq!(
            seen,
            [
                (Event::StartArray, 1, 2),
                (Event::StartObject, 2, 3),
                (Event::Key(key), 2, 7),
                (Event::Number("1"), 2, 8),
                (Event::EndObject, 1, 9),
                (Event::EndArray, 0, 10),
            ]
        );
        assert_eq!(lx.offset(), src.len());
    }

    #[test]
    fn the_nesting_stack_is_one_bit_per_level() {
        // A lexer lives on the caller's stack (a microcontroller's is small): its container
        // stack takes DEPTH_CEILING bits, the rest is a handful of words.
        let size = core::mem::size_of::<Lexer<'_>>();
        assert!(size <= crate::limits::DEPTH_CEILING / 8 + 16 * core::mem::size_of::<usize>(), "{size}");
    }

    #[test]
    fn skip_container_skips_nested() {
        let mut lx = Lexer::new(r#"[{"a":[1,[2]]},3]"#, &Limits::DEFAULT).unwrap();
        assert_eq!(lx.next_event().unwrap(), Some(Event::StartArray));
        assert_eq!(lx.next_event().unwrap(), Some(Event::StartObject));
        lx.skip_container().unwrap();
        assert_eq!(lx.next_event().unwrap(), Some(Event::Number("3")));
        assert_eq!(lx.next_event().unwrap(), Some(Event::EndArray));
        assert_eq!(lx.next_event().unwrap(), None);
    }
}
