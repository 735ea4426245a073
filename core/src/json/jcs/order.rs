//! The member order of RFC 8785 section 3.2.3: names compared by their UTF-16 code units.

use core::cmp::Ordering;

/// Compares two UTF-8 names as the sequences of UTF-16 code units they encode, without
/// transcoding.
///
/// UTF-8 byte order is code point order, and code point order is UTF-16 order except for one
/// pair of ranges: a character above U+FFFF (lead byte F0-F4) is a surrogate pair D800-DFFF in
/// UTF-16, so it sorts before U+E000..U+FFFF (lead byte EE or EF), while its UTF-8 form sorts
/// after. The first byte where two valid UTF-8 strings differ is either a lead byte in both or
/// a continuation byte of two characters of the same length (whose order then agrees), so only
/// that one case has to be turned round.
pub(super) fn utf16_cmp(a: &[u8], b: &[u8]) -> Ordering {
    let Some((x, y)) = a.iter().zip(b).find(|(x, y)| x != y) else {
        return a.len().cmp(&b.len());
    };
    let (x, y) = (*x, *y);
    if x >= 0xEE && y >= 0xEE && (x >= 0xF0) != (y >= 0xF0) {
        return y.cmp(&x);
    }
    x.cmp(&y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    fn by_encode_utf16(a: &str, b: &str) -> Ordering {
        a.encode_utf16().cmp(b.encode_utf16())
    }

    #[test]
    fn agrees_with_utf16_transcoding() {
        let names = [
            "",
            "a",
            "ab",
            "b",
            "\u{7f}",
            "\u{80}",
            "é",
            "\u{7ff}",
            "\u{800}",
            "\u{d7ff}",
            "\u{e000}",
            "\u{efff}",
            "\u{f000}",
            "\u{ffff}",
            "\u{10000}",
            "\u{10ffff}",
            "\u{1f600}",
            "a\u{10000}",
            "a\u{ffff}",
            "a\u{e000}b",
            "\u{10000}a",
            "\u{ffff}a",
            "€",
            "€a",
        ];
        for a in names {
            for b in names {
                assert_eq!(utf16_cmp(a.as_bytes(), b.as_bytes()), by_encode_utf16(a, b), "{a:?} vs {b:?}");
            }
        }
        let mut sorted: Vec<&str> = names.to_vec();
        sorted.sort_by(|a, b| utf16_cmp(a.as_bytes(), b.as_bytes()));
        let pos = |s: &str| sorted.iter().position(|x| *x == s).unwrap();
        assert!(pos("\u{10000}") < pos("\u{e000}") && pos("\u{e000}") < pos("\u{ffff}"));
    }
}
