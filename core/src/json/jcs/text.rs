//! JCS from text to text without building a [`Value`](crate::json::Value) tree.
//!
//! One pass of the strict lexer records a flat tape of tokens, each pointing at its canonical
//! text: a string without escapes and an integer that is already its ECMAScript form are their
//! own source bytes; only other strings and numbers are rewritten, into one side buffer. When an
//! object closes, its member names are sorted (and compared for duplicates) once, and the
//! sorted member list is kept. A second pass walks the tape with an explicit stack and copies
//! the pieces out in canonical order. Nothing is allocated per member in the common case, and
//! neither pass recurses.
//!
//! The result and the errors are those of parsing into a `Value` and canonicalizing it: the
//! lexer is the same, duplicate names are found when their object closes, at the same offset,
//! and a number beyond the double range is reported only once the whole text has been read.

use alloc::string::String;
use alloc::vec::Vec;

use super::{number, order};
use crate::error::{Error, ErrorCode, Result};
use crate::json::{write_string, Event, JsonStr, Lexer};
use crate::limits::Limits;

/// Longest text this path takes; every offset it keeps (into the text, the rewritten pieces,
/// the tape) then fits in a `u32`: a rewritten number is at most 25 bytes from a lexeme of at
/// least one, a rewritten string never longer than its source, so the side buffers stay below
/// 32 times the text.
pub(super) const MAX_TEXT: usize = (u32::MAX / 32) as usize;
// The side buffers' offsets fit a `u32`, and the bound is past 100 MB as `canonicalize_str` says.
const _: () = assert!(MAX_TEXT as u64 * 32 <= u32::MAX as u64 && MAX_TEXT > 100_000_000);

/// Where a token's canonical text is, or which container it opens.
#[derive(Clone, Copy, Debug)]
enum Tok {
    /// `text[start..end]`.
    Source(u32, u32),
    /// `rewritten[start..end]`.
    Rewritten(u32, u32),
    /// `null`, `true` or `false`.
    Literal(Literal),
    /// `[`, and the index of the matching `]` token.
    Array(u32),
    /// `{`: the sorted member keys are `keys[first..first + count]`; `end` is the `}` token.
    Object { first: u32, count: u32, end: u32 },
    /// `]` or `}`.
    Close,
}

/// The three literal names.
#[derive(Clone, Copy, Debug)]
enum Literal {
    Null,
    True,
    False,
}

/// A member of an object still open: where its decoded name is, and its key token.
#[derive(Clone, Copy, Debug)]
struct Member {
    /// The decoded name is `names[start..end]` when `decoded`, else `text[start..end]`.
    decoded: bool,
    start: u32,
    end: u32,
    key: u32,
}

/// A container the first pass is inside: its opening token, and where its members begin.
#[derive(Clone, Copy, Debug)]
struct Open {
    tok: u32,
    members: u32,
}

/// The tape of one document and the buffers its tokens point into.
#[derive(Debug)]
struct Tape<'t> {
    text: &'t str,
    toks: Vec<Tok>,
    /// Canonical text of the strings and numbers that are not their own source.
    rewritten: String,
    /// Decoded member names that had escapes.
    names: String,
    /// Sorted key tokens of the closed objects, each object's run contiguous.
    keys: Vec<u32>,
}

/// An offset or count as kept on the tape. Below [`MAX_TEXT`] every one fits; were that ever
/// broken, the piece would come out empty (a wrong result), never a panic or a wrong slice.
fn index(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn offset_in(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize)
}

impl<'t> Tape<'t> {
    /// The token for a string: its source, quotes included, when it has no escapes (the lexer
    /// refused raw control characters, so such a string is already minimally escaped).
    fn string(&mut self, s: JsonStr<'t>, scratch: &mut String) -> Tok {
        if !s.has_escapes() {
            let start = offset_in(self.text, s.raw()).wrapping_sub(1);
            return Tok::Source(index(start), index(start + s.raw().len() + 2));
        }
        scratch.clear();
        scratch.extend(s.chars());
        self.rewrite(scratch)
    }

    fn rewrite(&mut self, decoded: &str) -> Tok {
        let start = index(self.rewritten.len());
        // Writing into a String cannot fail; write_string escapes exactly as JCS says.
        let _ = write_string(&mut self.rewritten, decoded);
        Tok::Rewritten(start, index(self.rewritten.len()))
    }

    /// Records a member name and returns its key token.
    fn key(&mut self, k: JsonStr<'t>, members: &mut Vec<Member>) -> Tok {
        let key = index(self.toks.len());
        if let Some(plain) = k.as_plain() {
            let start = offset_in(self.text, plain);
            members.push(Member { decoded: false, start: index(start), end: index(start + plain.len()), key });
            let start = start.wrapping_sub(1);
            return Tok::Source(index(start), index(start + plain.len() + 2));
        }
        let start = self.names.len();
        self.names.extend(k.chars());
        let end = self.names.len();
        members.push(Member { decoded: true, start: index(start), end: index(end), key });
        let start_out = index(self.rewritten.len());
        let _ = write_string(&mut self.rewritten, self.names.get(start..end).unwrap_or(""));
        Tok::Rewritten(start_out, index(self.rewritten.len()))
    }

    #[inline]
    fn name(&self, m: &Member) -> &[u8] {
        let all = if m.decoded { self.names.as_bytes() } else { self.text.as_bytes() };
        all.get(m.start as usize..m.end as usize).unwrap_or(&[])
    }

    /// Sorts the members of a closing object, refuses duplicates and keeps the sorted keys.
    fn close_object(&mut self, members: &mut [Member], at: usize) -> Result<(u32, u32)> {
        members.sort_unstable_by(|a, b| order::utf16_cmp(self.name(a), self.name(b)));
        if members.windows(2).any(|w| matches!(w, [a, b] if self.name(a) == self.name(b))) {
            return Err(Error::new(ErrorCode::DuplicateKey, "duplicate member name").at_offset(at));
        }
        let first = index(self.keys.len());
        self.keys.extend(members.iter().map(|m| m.key));
        Ok((first, index(members.len())))
    }

    fn tok(&self, i: u32) -> Option<Tok> {
        self.toks.get(i as usize).copied()
    }

    #[inline]
    fn piece(&self, t: Tok) -> &str {
        match t {
            Tok::Source(a, b) => self.text.get(a as usize..b as usize).unwrap_or(""),
            Tok::Rewritten(a, b) => self.rewritten.get(a as usize..b as usize).unwrap_or(""),
            Tok::Literal(Literal::Null) => "null",
            Tok::Literal(Literal::True) => "true",
            Tok::Literal(Literal::False) => "false",
            Tok::Array(_) | Tok::Object { .. } | Tok::Close => "",
        }
    }
}

/// Reads `text` into a tape: the whole text is lexed and checked before anything is returned.
fn record<'t>(text: &'t str, limits: &Limits) -> Result<Tape<'t>> {
    let mut lx = Lexer::new(text, limits)?;
    // Sized for pretty-printed JSON (about one token per 8 bytes, one member per 32), so a
    // typical document needs no regrowth; denser text grows the vectors as usual.
    let mut tape = Tape {
        text,
        toks: Vec::with_capacity(text.len() / 8 + 4),
        rewritten: String::new(),
        names: String::new(),
        keys: Vec::with_capacity(text.len() / 32 + 4),
    };
    let mut members: Vec<Member> = Vec::with_capacity(32);
    let mut open: Vec<Open> = Vec::with_capacity(16);
    let mut scratch = String::new();
    // canonicalize(&Value::parse(..)) reports a number beyond the double range only after the
    // parse succeeded, so the first one waits until the text has been read.
    let mut number_error: Option<Error> = None;
    loop {
        let at = lx.offset();
        let Some(ev) = lx.next_event()? else { break };
        let tok = match ev {
            Event::StartArray | Event::StartObject => {
                open.push(Open { tok: index(tape.toks.len()), members: index(members.len()) });
                // A placeholder: the container's token is written when it closes.
                Tok::Close
            }
            Event::EndArray | Event::EndObject => {
                let end = index(tape.toks.len());
                let Some(o) = open.pop() else {
                    return Err(Error::new(ErrorCode::InvalidJson, "unbalanced container").at_offset(at));
                };
                let opened = if ev == Event::EndArray {
                    Tok::Array(end)
                } else {
                    let own = members.get_mut(o.members as usize..).unwrap_or(&mut []);
                    let (first, count) = tape.close_object(own, at)?;
                    members.truncate(o.members as usize);
                    Tok::Object { first, count, end }
                };
                if let Some(slot) = tape.toks.get_mut(o.tok as usize) {
                    *slot = opened;
                }
                Tok::Close
            }
            Event::Key(k) => tape.key(k, &mut members),
            Event::Str(s) => tape.string(s, &mut scratch),
            Event::Number(n) if number::is_canonical(n) => {
                let start = offset_in(text, n);
                Tok::Source(index(start), index(start + n.len()))
            }
            Event::Number(n) => {
                let start = index(tape.rewritten.len());
                if let Err(e) = number::write(&mut tape.rewritten, n) {
                    number_error.get_or_insert(e);
                }
                Tok::Rewritten(start, index(tape.rewritten.len()))
            }
            Event::Bool(true) => Tok::Literal(Literal::True),
            Event::Bool(false) => Tok::Literal(Literal::False),
            Event::Null => Tok::Literal(Literal::Null),
        };
        tape.toks.push(tok);
    }
    if tape.toks.is_empty() {
        return Err(Error::new(ErrorCode::InvalidJson, "empty document"));
    }
    match number_error {
        Some(e) => Err(e),
        None => Ok(tape),
    }
}

/// A container the second pass is inside.
#[derive(Clone, Copy, Debug)]
enum Frame {
    /// The next element's token and the `]` token.
    Array { next: u32, end: u32, started: bool },
    /// The next member's place in `keys`, and the end of the object's run there.
    Object { next: u32, end: u32, started: bool },
}

/// Copies the tape's pieces out in canonical order.
fn write(tape: &Tape<'_>) -> String {
    let mut out = String::with_capacity(tape.text.len());
    let mut stack: Vec<Frame> = Vec::with_capacity(16);
    let mut value = Some(0u32);
    loop {
        if let Some(i) = value.take() {
            match tape.tok(i) {
                Some(Tok::Array(end)) => {
                    out.push('[');
                    stack.push(Frame::Array { next: i.saturating_add(1), end, started: false });
                }
                Some(Tok::Object { first, count, .. }) => {
                    out.push('{');
                    stack.push(Frame::Object { next: first, end: first.saturating_add(count), started: false });
                }
                Some(t) => out.push_str(tape.piece(t)),
                None => {}
            }
        }
        let Some(top) = stack.last_mut() else { break };
        match top {
            Frame::Array { next, end, started } => {
                if *next >= *end {
                    out.push(']');
                    stack.pop();
                    continue;
                }
                if *started {
                    out.push(',');
                }
                *started = true;
                value = Some(*next);
                // The element after a container comes after that container's closing token.
                *next = match tape.tok(*next) {
                    Some(Tok::Array(close) | Tok::Object { end: close, .. }) => close,
                    _ => *next,
                }
                .saturating_add(1);
            }
            Frame::Object { next, end, started } => {
                if *next >= *end {
                    out.push('}');
                    stack.pop();
                    continue;
                }
                if *started {
                    out.push(',');
                }
                *started = true;
                let key = tape.keys.get(*next as usize).copied().unwrap_or(u32::MAX);
                if let Some(t) = tape.tok(key) {
                    out.push_str(tape.piece(t));
                }
                out.push(':');
                *next = next.saturating_add(1);
                value = Some(key.saturating_add(1));
            }
        }
    }
    out
}

/// The canonical form of `text`, as `canonicalize(&Value::parse(text, limits)?, limits)`.
pub(super) fn canonicalize(text: &str, limits: &Limits) -> Result<String> {
    Ok(write(&record(text, limits)?))
}
