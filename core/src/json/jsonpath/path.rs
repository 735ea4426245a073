//! Node locations: recorded as a parent-linked arena while a query runs, written out as RFC 9535
//! normalized paths (section 2.7) only for the nodes that end up in the result.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

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

    /// The normalized path of a recorded node.
    pub(crate) fn location(&self, mut id: Option<usize>) -> String {
        let mut steps = Vec::new();
        while let Some((parent, step)) = id.and_then(|i| self.entries.get(i)) {
            steps.push(*step);
            id = *parent;
        }
        let mut out = String::from("$");
        for step in steps.iter().rev() {
            match step {
                Step::Index(i) => {
                    // Writing to a String cannot fail.
                    let _ = write!(out, "[{i}]");
                }
                Step::Name(name) => {
                    out.push_str("['");
                    push_escaped(&mut out, name);
                    out.push_str("']");
                }
            }
        }
        out
    }
}

/// Escapes a member name for a normalized path: `'` and `\` and the control characters, the
/// ones with a short form using it, the rest as `\u00xx` in lowercase hex.
fn push_escaped(out: &mut String, name: &str) {
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
                let _ = write!(out, "\\u{:04x}", u32::from(c));
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
}
