//! Strict padded standard Base64 decoding (RFC 4648 section 4) in blocks: eight characters to
//! six bytes, each quad four table loads ORed together, the last quad (the only place padding
//! may sit) on its own.
//!
//! The rules are those of the `base64` crate's canonical engine, which this replaced on the
//! decode side (the differential fuzz target `diff_base64` holds the two together): the length is
//! a multiple of 4, `=` only ends the text (one or two of them), the bits padding leaves unused
//! are zero, nothing outside the alphabet. Validity is gathered in one OR over every table value
//! and checked once per text, not once per character: a bad character's table value has
//! [`QUAD_BAD`] set, and the bytes decoded from it are never returned.

use crate::error::{Error, ErrorCode, Result};

/// Set in the table value of every byte outside the alphabet (values are 0..=63 otherwise).
const BAD: u8 = 0x80;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Byte to 6-bit value, or [`BAD`].
static TABLE: [u8; 256] = {
    let mut t = [BAD; 256];
    let mut i = 0;
    while i < 64 {
        // Evaluated at compile time: an index out of range would fail the build, not a run.
        #[allow(clippy::indexing_slicing)]
        {
            t[ALPHABET[i] as usize] = i as u8;
        }
        i += 1;
    }
    t
};

/// Set in every [`QUAD`] entry of a byte outside the alphabet; decoded quads use bits 0..=23.
const QUAD_BAD: u32 = 0xff00_0000;

/// One table per position in a quad: the byte's 6-bit value already shifted into its place of
/// the quad's 24 bits (`[0]` by 18, ... `[3]` by 0), or [`QUAD_BAD`]. A quad is then four loads
/// ORed together, validity included (4 KiB of read-only data for half the instructions of
/// shifting a one-table value into place).
static QUAD: [[u32; 256]; 4] = {
    let mut t = [[QUAD_BAD; 256]; 4];
    let mut i = 0;
    while i < 64 {
        let v = i as u32;
        // Evaluated at compile time, as for TABLE.
        #[allow(clippy::indexing_slicing)]
        {
            let c = ALPHABET[i] as usize;
            t[0][c] = v << 18;
            t[1][c] = v << 12;
            t[2][c] = v << 6;
            t[3][c] = v;
        }
        i += 1;
    }
    t
};

#[inline(always)]
fn value(c: u8) -> u8 {
    // A u8 always indexes a 256-entry table; the fallback is never taken.
    TABLE.get(usize::from(c)).copied().unwrap_or(BAD)
}

/// The 24 bits of a quad, with [`QUAD_BAD`] bits set when a byte is outside the alphabet.
#[inline(always)]
fn quad(q: &[u8; 4]) -> u32 {
    let [t0, t1, t2, t3] = &QUAD;
    let [a, b, c, d] = *q;
    // u8 indexes into 256-entry tables; the fallbacks are never taken.
    let at = |t: &[u32; 256], x: u8| t.get(usize::from(x)).copied().unwrap_or(QUAD_BAD);
    at(t0, a) | at(t1, b) | at(t2, c) | at(t3, d)
}

fn invalid() -> Error {
    Error::code_only(ErrorCode::InvalidBase64)
}

fn too_small() -> Error {
    Error::new(ErrorCode::BufferTooSmall, "decoded Base64 does not fit the scratch buffer")
}

/// Decodes eight characters into six bytes; returns the OR of the two quads (for [`QUAD_BAD`]).
#[inline(always)]
fn block8(chunk: &[u8], o: &mut [u8]) -> u32 {
    let (Some(q0), Some(q1), Some(o)) =
        (chunk.first_chunk::<4>(), chunk.get(4..).and_then(<[u8]>::first_chunk::<4>), o.first_chunk_mut::<6>())
    else {
        return QUAD_BAD;
    };
    let (x, y) = (quad(q0), quad(q1));
    let bytes = ((u64::from(x) << 24) | u64::from(y)).to_be_bytes();
    if let Some(b) = bytes.last_chunk::<6>() {
        o.copy_from_slice(b);
    }
    x | y
}

/// Decodes `body` (a multiple of 4 characters, no padding allowed) into `out` (exactly
/// `body.len() / 4 * 3` bytes); returns whether every character was in the alphabet. Sixteen
/// characters a round, then at most one block of eight and one quad.
fn decode_body(body: &[u8], out: &mut [u8]) -> bool {
    let mut bad = 0u32;
    let mut src = body.chunks_exact(16);
    let mut dst = out.chunks_exact_mut(12);
    for (chunk, o) in (&mut src).zip(&mut dst) {
        let (c0, c1) = chunk.split_at(8);
        let (o0, o1) = o.split_at_mut(6);
        bad |= block8(c0, o0) | block8(c1, o1);
    }
    let (mut src, mut dst) = (src.remainder().chunks_exact(8), dst.into_remainder().chunks_exact_mut(6));
    for (chunk, o) in (&mut src).zip(&mut dst) {
        bad |= block8(chunk, o);
    }
    if let (Ok(q), Ok(o)) = (<&[u8; 4]>::try_from(src.remainder()), <&mut [u8; 3]>::try_from(dst.into_remainder())) {
        let x = quad(q);
        bad |= x;
        let [_, a, b, c] = x.to_be_bytes();
        *o = [a, b, c];
    }
    bad & QUAD_BAD == 0
}

/// Decodes the last quad: 1 to 3 bytes, or `None` when it breaks a rule.
fn decode_last(q: [u8; 4]) -> Option<([u8; 3], usize)> {
    let [_, _, third, fourth] = q;
    let [a, b, c, d] = q.map(value);
    if (a | b) & BAD != 0 {
        return None;
    }
    let hi = (u32::from(a) << 18) | (u32::from(b) << 12);
    let (v, n) = match (third == b'=', fourth == b'=') {
        // "xx==": one byte; the low 4 bits of the second character are unused and must be 0.
        (true, true) if b & 0x0f == 0 => (hi, 1),
        // "xxx=": two bytes; the low 2 bits of the third character must be 0.
        (false, true) if c & BAD == 0 && c & 0x03 == 0 => (hi | (u32::from(c) << 6), 2),
        (false, false) if (c | d) & BAD == 0 => (hi | (u32::from(c) << 6) | u32::from(d), 3),
        _ => return None,
    };
    let [_, x, y, z] = v.to_be_bytes();
    Some(([x, y, z], n))
}

/// Decodes padded standard Base64 into `out`, returning the number of bytes written.
///
/// The error for text that is both malformed and too large for `out` is the one the `base64`
/// crate's canonical engine gives (the size of everything before the last quad is checked
/// first), so callers see the same codes as before.
pub(crate) fn decode_into(text: &[u8], out: &mut [u8]) -> Result<usize> {
    let len = text.len();
    let rem = len % 4;
    if rem == 1 && text.last().is_some_and(|&c| c != b'=' && value(c) & BAD != 0) {
        return Err(invalid());
    }
    let body_len = if rem == 0 { len.saturating_sub(4) } else { len - rem };
    let body_out = body_len / 4 * 3;
    if out.len() < body_out {
        return Err(too_small());
    }
    if rem != 0 {
        return Err(invalid());
    }
    let Some((body, last)) = text.split_last_chunk::<4>() else {
        return Ok(0);
    };
    let (head, tail) = out.split_at_mut(body_out);
    if !decode_body(body, head) {
        return Err(invalid());
    }
    let (bytes, n) = decode_last(*last).ok_or_else(invalid)?;
    let dst = tail.get_mut(..n).ok_or_else(too_small)?;
    dst.copy_from_slice(bytes.get(..n).unwrap_or(&[]));
    Ok(body_out + n)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)]
    use super::*;
    use alloc::string::String;
    use alloc::vec;
    use alloc::vec::Vec;
    use base64::engine::general_purpose::STANDARD;
    use base64::engine::Engine as _;

    fn ours(text: &str) -> Option<Vec<u8>> {
        let mut out = vec![0u8; text.len() / 4 * 3 + 3];
        decode_into(text.as_bytes(), &mut out).ok().map(|n| out[..n].to_vec())
    }

    fn reference(text: &str) -> Option<Vec<u8>> {
        STANDARD.decode(text).ok()
    }

    #[test]
    fn every_length_round_trips() {
        // 0..=40 bytes: every block/quad split of the body, every padding form of the last quad.
        for n in 0..=40usize {
            let data: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            let text = STANDARD.encode(&data);
            assert_eq!(ours(&text), Some(data), "{text}");
        }
    }

    #[test]
    fn every_invalid_byte_at_every_position() {
        // A 16-character text (two 8-character blocks of which the second ends in the last
        // quad) and a 12-character one (a block and a last quad): each byte outside the alphabet
        // at each position is refused, as the reference refuses it.
        for base in ["QUJDREVGR0hJSktM", "QUJDREVGR0hJ", "QUJDREVGR0g=", "QUJDREVGRw=="] {
            for pos in 0..base.len() {
                for bad in 0u8..=255 {
                    if ALPHABET.contains(&bad) || base.as_bytes()[pos] == bad {
                        continue;
                    }
                    let mut t = base.as_bytes().to_vec();
                    t[pos] = bad;
                    let Ok(text) = String::from_utf8(t.clone()) else {
                        let mut out = [0u8; 16];
                        assert!(decode_into(&t, &mut out).is_err(), "{t:?}");
                        continue;
                    };
                    assert_eq!(ours(&text), reference(&text), "{text:?}");
                    // '=' may only move an existing padding, which still breaks a rule here.
                    assert_eq!(ours(&text), None, "{text:?}");
                }
            }
        }
    }

    /// One or two characters outside the alphabet anywhere in a text that has whole 16-character
    /// rounds, a block of eight and a last quad (44 characters) are refused: the validity bits
    /// are ORed across quads, blocks and rounds, and an XOR (two bad characters cancelling) or
    /// an AND (one good block hiding a bad one) would let them through.
    #[test]
    fn pairs_of_invalid_characters_are_refused() {
        let base = STANDARD.encode([0x5au8; 33]);
        assert_eq!(base.len(), 44);
        for i in 0..base.len() {
            for j in i..base.len() {
                let mut t = base.clone().into_bytes();
                t[i] = b'!';
                t[j] = b'!';
                let text = String::from_utf8(t).unwrap();
                assert_eq!(ours(&text), None, "{text}");
            }
        }
    }

    /// A text one character past a whole quad, too large for `out`: refused as invalid only
    /// when that last character is outside the alphabet and not `=`, else as too small (the
    /// `base64` crate's order, which callers' error codes follow).
    #[test]
    fn error_order_for_a_stray_last_character() {
        for (last, code) in
            [(b'!', ErrorCode::InvalidBase64), (b'A', ErrorCode::BufferTooSmall), (b'=', ErrorCode::BufferTooSmall)]
        {
            let mut text = b"QUJDREVGR0hJ".to_vec();
            text.push(last);
            let mut out = [0u8; 2];
            assert_eq!(decode_into(&text, &mut out).unwrap_err().code(), code, "{}", char::from(last));
        }
    }

    #[test]
    fn padding_forms() {
        for (text, ok) in [
            ("", Some(&b""[..])),
            ("QQ==", Some(b"A")),
            ("QUI=", Some(b"AB")),
            ("QUJD", Some(b"ABC")),
            ("QR==", None), // unused bits set
            ("QUJ=", None), // unused bits set
            ("Q===", None),
            ("====", None),
            ("QQ=A", None),
            ("QQ=", None),
            ("QQ", None),
            ("Q", None),
            ("QQ==QUJD", None), // padding inside the text
            ("QUI=QUJD", None),
            ("QUJDQQ==", Some(b"ABCA")),
            ("QUJD\n", None),
            ("QUJD=", None),
            ("QUJ\0", None),
        ] {
            assert_eq!(ours(text).as_deref(), ok, "{text:?}");
            assert_eq!(ours(text), reference(text), "{text:?}");
        }
        // Every last quad "XY==" and "XYZ=" over the whole alphabet: the reference decides.
        for &x in ALPHABET {
            for &y in ALPHABET {
                let two = String::from_utf8(vec![b'Q', b'U', b'J', b'D', x, y, b'=', b'=']).unwrap();
                assert_eq!(ours(&two), reference(&two), "{two}");
                let three = String::from_utf8(vec![x, y, b'Q', b'=']).unwrap();
                assert_eq!(ours(&three), reference(&three), "{three}");
            }
        }
    }

    #[test]
    fn buffer_sizes() {
        let mut out = [0u8; 6];
        assert_eq!(decode_into(b"QUJDREVG", &mut out).unwrap(), 6);
        assert_eq!(&out, b"ABCDEF");
        assert_eq!(decode_into(b"QUJDREVG", &mut out[..5]).unwrap_err().code(), ErrorCode::BufferTooSmall);
        assert_eq!(decode_into(b"QUJDREVG", &mut out[..2]).unwrap_err().code(), ErrorCode::BufferTooSmall);
        assert_eq!(decode_into(b"QUJDRA==", &mut out[..3]).unwrap_err().code(), ErrorCode::BufferTooSmall);
        assert_eq!(decode_into(b"QUJDRA==", &mut out[..4]).unwrap(), 4);
        // Malformed and too large: the size of everything before the last quad is checked first.
        assert_eq!(decode_into(b"QUJD!!!!", &mut out[..2]).unwrap_err().code(), ErrorCode::BufferTooSmall);
        assert_eq!(decode_into(b"QUJD!!!!", &mut out[..3]).unwrap_err().code(), ErrorCode::InvalidBase64);
        assert_eq!(decode_into(b"QUJDREV", &mut out[..2]).unwrap_err().code(), ErrorCode::BufferTooSmall);
        assert_eq!(decode_into(b"QUJDR!", &mut out[..3]).unwrap_err().code(), ErrorCode::InvalidBase64);
        assert_eq!(decode_into(b"QUJDRE!", &mut out[..0]).unwrap_err().code(), ErrorCode::BufferTooSmall);
        assert_eq!(decode_into(b"Q", &mut out[..0]).unwrap_err().code(), ErrorCode::InvalidBase64);
        assert_eq!(decode_into(b"", &mut out[..0]).unwrap(), 0);
    }
}
