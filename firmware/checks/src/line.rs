//! A fixed-size line buffer `core::fmt` can write into, so printing needs no heap.

use core::fmt;

/// Up to 512 bytes of text; longer output is cut at a character boundary.
#[derive(Debug)]
pub struct Line {
    buf: [u8; 512],
    len: usize,
}

impl Line {
    /// An empty line.
    pub const fn new() -> Self {
        Self { buf: [0; 512], len: 0 }
    }

    /// The text written so far.
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(self.buf.get(..self.len).unwrap_or(&[])).unwrap_or("")
    }
}

impl Default for Line {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Write for Line {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let room = self.buf.len() - self.len;
        // Cut at a character boundary so `as_str` stays valid UTF-8.
        let mut n = room.min(s.len());
        while !s.is_char_boundary(n) {
            n -= 1;
        }
        if let (Some(dst), Some(src)) = (self.buf.get_mut(self.len..self.len + n), s.as_bytes().get(..n)) {
            dst.copy_from_slice(src);
            self.len += n;
        }
        if n == s.len() {
            Ok(())
        } else {
            Err(fmt::Error)
        }
    }
}
