//! Node locations: recorded as a parent-linked arena while a query runs, written out as RFC 9535
//! normalized paths (section 2.7) only for the nodes that end up in the result.

use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{Error, ErrorCode, Result};

/// One step from a node to a child.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Step<'v> {
    Index(usize),
    Name(&'v str),
}

/// Records how a node was reached, so its location can be written later.
pub(crate) trait Track<'v> {
    /// Identifies a recorded node.
    type Id: Copy;
    /// Records the child reached from `parent` by `step`.
    fn child(&mut self, parent: Self::Id, step: Step<'v>) -> Result<Self::Id>;
}

/// For queries inside filters, whose node locations nobody reads.
pub(crate) struct NoTrack;

impl<'v> Track<'v> for NoTrack {
    type Id = ();
    fn child(&mut self, (): (), _: Step<'v>) -> Result<()> {
        Ok(())
    }
}

/// Every node reached, each with its parent's position; the root is `None`.
#[derive(Debug)]
pub(crate) struct Arena<'v> {
    entries: Vec<(Option<usize>, Step<'v>)>,
    cap: usize,
}

impl<'v> Track<'v> for Arena<'v> {
    type Id = Option<usize>;
    fn child(&mut self, parent: Option<usize>, step: Step<'v>) -> Result<Option<usize>> {
        if self.entries.len() >= self.cap {
            return Err(Error::new(ErrorCode::TooManyItems, "JSONPath query reaches too many nodes"));
        }
        self.entries.push((parent, step));
        Ok(Some(self.entries.len().saturating_sub(1)))
    }
}

impl Arena<'_> {
    /// An arena that records at most `cap` nodes.
    pub(crate) fn new(cap: usize) -> Self {
        Arena { entries: Vec::new(), cap }
    }

    /// Forgets every node and sets a new bound, keeping the allocation.
    pub(crate) fn reset(&mut self, cap: usize) {
        self.entries.clear();
        self.cap = cap;
    }

    /// The normalized path of a recorded node, written into one allocation of about its
    /// size (the exact size unless a name needs escapes).
    pub(crate) fn location(&self, id: Option<usize>) -> String {
        // The steps from the node up to the root; paths up to NEAR steps long need no buffer.
        const NEAR: usize = 16;
        let mut near: [Option<Step<'_>>; NEAR] = [None; NEAR];
        let mut far: Vec<Step<'_>> = Vec::new();
        let (mut depth, mut len) = (0usize, 1usize);
        let mut at = id;
        while let Some((parent, step)) = at.and_then(|i| self.entries.get(i)) {
            match near.get_mut(depth) {
                Some(slot) => *slot = Some(*step),
                None => far.push(*step),
            }
            depth = depth.saturating_add(1);
            len = len.saturating_add(step.plain_len());
            at = *parent;
        }
        let mut out = String::with_capacity(len);
        out.push('$');
        for step in far.iter().rev().chain(near.iter().take(depth).rev().flatten()) {
            step.push_to(&mut out);
        }
        out
    }
}

impl Step<'_> {
    /// The written length of `[index]`, or of `['name']` without escapes.
    fn plain_len(&self) -> usize {
        match self {
            Step::Index(i) => decimal_digits(*i).saturating_add(2),
            Step::Name(name) => name.len().saturating_add(4),
        }
    }

    fn push_to(&self, out: &mut String) {
        match self {
            Step::Index(i) => {
                out.push('[');
                let mut digits = [0u8; 20];
                let n = decimal_digits(*i);
                let mut v = *i;
                for d in digits.iter_mut().take(n).rev() {
                    // v % 10 < 10: the cast keeps the value.
                    *d = b'0'.wrapping_add((v % 10) as u8);
                    v /= 10;
                }
                for &d in digits.iter().take(n) {
                    out.push(char::from(d));
                }
                out.push(']');
            }
            Step::Name(name) => {
                out.push_str("['");
                if name.bytes().any(|b| b < b' ' || b == b'\'' || b == b'\\') {
                    push_escaped(out, name);
                } else {
                    out.push_str(name);
                }
                out.push_str("']");
            }
        }
    }
}

/// How many decimal digits `n` has (1 for 0).
fn decimal_digits(mut n: usize) -> usize {
    let mut digits = 1usize;
    while n >= 10 {
        n /= 10;
        digits = digits.saturating_add(1);
    }
    digits
}

/// Escapes a member name for a normalized path: `'` and `\` and the control characters, the
/// ones with a short form using it, the rest as `\u00xx` in lowercase hex.
fn push_escaped(out: &mut String, name: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for c in name.chars() {
        match c {
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            c if c < ' ' => {
                let hex = |nibble: u32| HEX.get(nibble as usize).map_or('0', |&h| char::from(h));
                out.push_str("\\u00");
                out.push(hex(u32::from(c) >> 4));
                out.push(hex(u32::from(c) & 0xf));
            }
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalized_paths_escape_names() {
        let mut a = Arena::new(3);
        let x = a.child(None, Step::Name("a'b\\c")).unwrap();
        let y = a.child(x, Step::Index(3)).unwrap();
        let z = a.child(y, Step::Name("\u{1}\u{b}\n\"/\u{7f}é")).unwrap();
        assert!(a.child(z, Step::Index(0)).is_err());
        assert_eq!(a.location(None), "$");
        assert_eq!(a.location(y), "$['a\\'b\\\\c'][3]");
        assert_eq!(a.location(z), "$['a\\'b\\\\c'][3]['\\u0001\\u000b\\n\"/\u{7f}é']");
    }

    #[test]
    fn spaces_stay_spaces_beside_escapes() {
        let mut a = Arena::new(2);
        let x = a.child(None, Step::Name("a b'")).unwrap();
        let y = a.child(x, Step::Name(" ")).unwrap();
        assert_eq!(a.location(y), "$['a b\\''][' ']");
    }

    #[test]
    fn plain_paths_are_written_into_exactly_their_size() {
        let mut a = Arena::new(4);
        let x = a.child(None, Step::Name("issuer")).unwrap();
        let y = a.child(x, Step::Index(0)).unwrap();
        let z = a.child(y, Step::Index(1234)).unwrap();
        let loc = a.location(z);
        assert_eq!(loc, "$['issuer'][0][1234]");
        assert_eq!(loc.capacity(), loc.len());
    }

    #[test]
    fn long_paths_keep_their_order() {
        let mut a = Arena::new(100);
        let mut id = None;
        let mut want = alloc::string::String::from("$");
        for i in 0..40usize {
            id = if i % 2 == 0 {
                a.child(id, Step::Name(if i % 4 == 0 { "k" } else { "\u{1f}" })).unwrap()
            } else {
                a.child(id, Step::Index(i * 1_000_003)).unwrap()
            };
            if i % 2 == 0 {
                want.push_str(if i % 4 == 0 { "['k']" } else { "['\\u001f']" });
            } else {
                want.push_str(&alloc::format!("[{}]", i * 1_000_003));
            }
        }
        assert_eq!(a.location(id), want);
        let top = a.child(None, Step::Index(0)).unwrap();
        assert_eq!(a.location(top), "$[0]");
    }
}
