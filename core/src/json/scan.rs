//! Word-at-a-time scanning of string contents: a machine word of bytes at a time (SWAR, eight
//! in a `usize` on 64-bit targets, four on the 32-bit microcontrollers, where a `u64` would cost
//! two instructions per operation), for the runs between escapes that make up nearly every JSON
//! string.
//!
//! A run ends at `"`, `\` or a control byte (below 0x20); everything else, non-ASCII included,
//! is part of it (the text is a `&str`, so its UTF-8 is already valid). The scan also tells
//! whether the run was all ASCII, so the number of Unicode scalar values of an ASCII string (the
//! Smart-ID 60/200 limits) is known without a second pass.

/// Bytes in a word.
const W: usize = core::mem::size_of::<usize>();
/// 0x01 in every byte.
const LO: usize = usize::MAX / 0xff;
/// 0x80 in every byte.
const HI: usize = LO * 0x80;

/// Bit 7 set in each byte of `w` (little-endian order) that ends a run. The lowest set bit is
/// exact; bytes above a true stop may be flagged spuriously (the borrow of the subtraction), which
/// does not matter since only the first stop is used.
#[inline(always)]
fn stops(w: usize) -> usize {
    let quote = w ^ (LO * usize::from(b'"'));
    let backslash = w ^ (LO * usize::from(b'\\'));
    let zero_in = |x: usize| x.wrapping_sub(LO) & !x;
    // Bytes below 0x20 borrow into bit 7; `!w` drops bytes that had bit 7 set (non-ASCII).
    (zero_in(quote) | zero_in(backslash) | w.wrapping_sub(LO * 0x20)) & !w & HI
}

fn ends_run(b: u8) -> bool {
    b == b'"' || b == b'\\' || b < 0x20
}

/// From `pos`, the index of the first `"`, `\` or control byte of `bytes` (`bytes.len()` when
/// there is none), and whether every byte before it is ASCII.
#[inline]
pub(crate) fn scan_run(bytes: &[u8], pos: usize) -> (usize, bool) {
    let rest = bytes.get(pos..).unwrap_or(&[]);
    let mut high = 0usize;
    let mut words = rest.chunks_exact(W);
    let mut at = pos;
    for word in &mut words {
        let Ok(word) = <[u8; W]>::try_from(word) else { break };
        let w = usize::from_le_bytes(word);
        let s = stops(w);
        if s != 0 {
            let k = s.trailing_zeros() / 8;
            // k < W, so the shift is below the word's width: the bytes below the stop.
            high |= w & ((1usize << (k * 8)) - 1);
            return (at + k as usize, high & HI == 0);
        }
        high |= w;
        at += W;
    }
    // Fewer than a word's bytes left: one at a time.
    for &b in words.remainder() {
        if ends_run(b) {
            break;
        }
        high |= usize::from(b);
        at += 1;
    }
    (at, high & HI == 0)
}

/// From `pos`, the index of the first `\\` of `bytes` (`bytes.len()` when there is none), a
/// word at a time. Inside a validated string token it is the only byte that ends a run, so the
/// in-place unescaper needs this cheaper test only.
#[cfg(feature = "smartid")]
pub(crate) fn find_backslash(bytes: &[u8], pos: usize) -> usize {
    let rest = bytes.get(pos..).unwrap_or(&[]);
    let mut words = rest.chunks_exact(W);
    let mut at = pos;
    for word in &mut words {
        let Ok(word) = <[u8; W]>::try_from(word) else { break };
        let x = usize::from_le_bytes(word) ^ (LO * usize::from(b'\\'));
        // Exact for the lowest zero byte of x, which is all that is used.
        let zero = x.wrapping_sub(LO) & !x & HI;
        if zero != 0 {
            return at + (zero.trailing_zeros() / 8) as usize;
        }
        at += W;
    }
    words.remainder().iter().position(|&b| b == b'\\').map_or(at + words.remainder().len(), |i| at + i)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)]
    use super::*;
    use alloc::vec::Vec;

    /// The byte-at-a-time definition the word loop must agree with.
    fn reference(bytes: &[u8], pos: usize) -> (usize, bool) {
        let end = bytes[pos..].iter().position(|&b| ends_run(b)).map_or(bytes.len(), |i| pos + i);
        (end, bytes[pos..end].is_ascii())
    }

    #[test]
    fn every_stop_at_every_offset_of_every_length() {
        // Lengths 0..=17 cover an empty scan, the byte tail alone, one word plus a tail and two
        // words; each stop byte sits at each offset, after runs of plain ASCII and of non-ASCII.
        let stops_bytes: Vec<u8> = (0u8..0x20).chain([b'"', b'\\']).collect();
        for fill in ["a", "é", "€", "😀", "~", " "] {
            for len in 0..=17usize {
                let text: Vec<u8> = fill.as_bytes().iter().copied().cycle().take(len).collect();
                assert_eq!(scan_run(&text, 0), reference(&text, 0), "{text:?}");
                for at in 0..len {
                    for &stop in &stops_bytes {
                        let mut t = text.clone();
                        t[at] = stop;
                        for start in 0..=at {
                            assert_eq!(scan_run(&t, start), reference(&t, start), "{t:?} from {start}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn bytes_near_the_stops_do_not_stop() {
        // Neighbours of the stop values (and every byte with bit 7 set) at every offset of a
        // word; the whole byte range once more to catch any other false stop.
        for b in 0u8..=255 {
            for at in 0..16 {
                let mut t = [b'x'; 16];
                t[at] = b;
                assert_eq!(scan_run(&t, 0), reference(&t, 0), "byte {b:#x} at {at}");
            }
        }
    }

    #[cfg(feature = "smartid")]
    #[test]
    fn backslash_at_every_offset() {
        for len in 0..=17usize {
            for fill in [b'a', 0xc3, b'"', 0x5b, 0x5d, 0xdc] {
                let text = alloc::vec![fill; len];
                assert_eq!(find_backslash(&text, 0), len);
                for at in 0..len {
                    let mut t = text.clone();
                    t[at] = b'\\';
                    for start in 0..=at {
                        assert_eq!(find_backslash(&t, start), at, "{t:?} from {start}");
                    }
                    if at + 1 < len {
                        t[at + 1] = b'\\';
                        assert_eq!(find_backslash(&t, at + 1), at + 1);
                    }
                }
            }
        }
    }

    #[test]
    fn ascii_flag_across_words() {
        let s = "aé€😀".repeat(9);
        assert_eq!(scan_run(s.as_bytes(), 0), (s.len(), false));
        let quoted = alloc::format!("{}\"é", "a".repeat(20));
        assert_eq!(scan_run(quoted.as_bytes(), 0), (20, true));
        assert_eq!(scan_run(quoted.as_bytes(), 3), reference(quoted.as_bytes(), 3));
    }
}
