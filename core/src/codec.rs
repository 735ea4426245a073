//! Text encodings: strict Base64 (RFC 4648 section 4), Base64URL (section 5), hex, and (with
//! the `did-key` feature) base58btc and the two multibase forms DIDs and proofs use.
//!
//! Decoding is strict on purpose: padding must be canonical, unused bits must be zero, no
//! whitespace or foreign alphabet is tolerated. Two different texts therefore never decode to
//! the same bytes, which matters because Smart-ID hashes and MACs the Base64 *text*.

use alloc::string::String;
use alloc::vec::Vec;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::engine::Engine as _;
use base64::DecodeSliceError;

use crate::error::{Error, ErrorCode, Result};

mod base64_strict;

/// Upper bound of the decoded size of a Base64 text of `len` characters.
#[must_use]
pub const fn base64_decoded_max(len: usize) -> usize {
    (len / 4 + 1) * 3
}

/// Exact length of the padded standard Base64 text of `len` bytes.
#[must_use]
pub const fn base64_encoded_len(len: usize) -> usize {
    len.div_ceil(3) * 4
}

fn map_slice_err(e: DecodeSliceError, code: ErrorCode) -> Error {
    match e {
        DecodeSliceError::OutputSliceTooSmall => {
            Error::new(ErrorCode::BufferTooSmall, "decoded Base64 does not fit the scratch buffer")
        }
        DecodeSliceError::DecodeError(_) => Error::code_only(code),
    }
}

/// Decodes padded standard Base64 into `out`, returning the number of bytes written.
///
/// ```
/// let mut buf = [0u8; 8];
/// let n = ssi_verify_core::codec::base64_decode_into("REVNTw==", &mut buf).unwrap();
/// assert_eq!(&buf[..n], b"DEMO");
/// assert!(ssi_verify_core::codec::base64_decode_into("REVNTw", &mut buf).is_err());
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidBase64`] for non-canonical text, [`ErrorCode::BufferTooSmall`] when `out`
/// cannot hold the result.
pub fn base64_decode_into(text: &str, out: &mut [u8]) -> Result<usize> {
    base64_strict::decode_into(text.as_bytes(), out)
}

/// Decodes padded standard Base64.
///
/// # Errors
/// [`ErrorCode::InvalidBase64`] for non-canonical text.
pub fn base64_decode(text: &str) -> Result<Vec<u8>> {
    let mut out = alloc::vec![0u8; base64_decoded_max(text.len())];
    let n = base64_strict::decode_into(text.as_bytes(), &mut out)
        .map_err(|_| Error::code_only(ErrorCode::InvalidBase64))?;
    out.truncate(n);
    Ok(out)
}

/// Encodes bytes as padded standard Base64.
///
/// ```
/// assert_eq!(ssi_verify_core::codec::base64_encode(b"DEMO"), "REVNTw==");
/// ```
#[must_use]
pub fn base64_encode(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// Encodes bytes as padded standard Base64 into `out`, returning the length written.
///
/// # Errors
/// [`ErrorCode::BufferTooSmall`] when `out` is shorter than [`base64_encoded_len`].
pub fn base64_encode_into(bytes: &[u8], out: &mut [u8]) -> Result<usize> {
    STANDARD
        .encode_slice(bytes, out)
        .map_err(|_| Error::new(ErrorCode::BufferTooSmall, "Base64 output does not fit the buffer"))
}

/// Decodes unpadded Base64URL.
///
/// # Errors
/// [`ErrorCode::InvalidBase64Url`] for padded or non-canonical text.
pub fn base64url_decode(text: &str) -> Result<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text.as_bytes()).map_err(|_| Error::code_only(ErrorCode::InvalidBase64Url))
}

/// Decodes unpadded Base64URL into `out`.
///
/// # Errors
/// [`ErrorCode::InvalidBase64Url`], or [`ErrorCode::BufferTooSmall`].
pub fn base64url_decode_into(text: &str, out: &mut [u8]) -> Result<usize> {
    URL_SAFE_NO_PAD.decode_slice(text.as_bytes(), out).map_err(|e| map_slice_err(e, ErrorCode::InvalidBase64Url))
}

/// Encodes bytes as unpadded Base64URL.
///
/// ```
/// assert_eq!(ssi_verify_core::codec::base64url_encode(&[0xfb, 0xff]), "-_8");
/// ```
#[must_use]
pub fn base64url_encode(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Encodes bytes as unpadded Base64URL into `out`, returning the length written.
///
/// # Errors
/// [`ErrorCode::BufferTooSmall`] when `out` is too short.
pub fn base64url_encode_into(bytes: &[u8], out: &mut [u8]) -> Result<usize> {
    URL_SAFE_NO_PAD
        .encode_slice(bytes, out)
        .map_err(|_| Error::new(ErrorCode::BufferTooSmall, "Base64URL output does not fit the buffer"))
}

/// Decodes hexadecimal (either case, even length).
///
/// ```
/// assert_eq!(ssi_verify_core::codec::hex_decode("00fF").unwrap(), vec![0, 255]);
/// assert!(ssi_verify_core::codec::hex_decode("0").is_err());
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidHex`].
pub fn hex_decode(text: &str) -> Result<Vec<u8>> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(2) {
        return Err(Error::new(ErrorCode::InvalidHex, "odd number of hex digits"));
    }
    bytes
        .chunks_exact(2)
        .map(|pair| match pair {
            [hi, lo] => Ok((hex_val(*hi)? << 4) | hex_val(*lo)?),
            _ => Err(Error::code_only(ErrorCode::InvalidHex)),
        })
        .collect()
}

fn hex_val(c: u8) -> Result<u8> {
    match c {
        b'0'..=b'9' => Ok(c - b'0'),
        b'a'..=b'f' => Ok(c - b'a' + 10),
        b'A'..=b'F' => Ok(c - b'A' + 10),
        _ => Err(Error::new(ErrorCode::InvalidHex, "not a hex digit")),
    }
}

/// Encodes bytes as lower-case hexadecimal.
#[must_use]
pub fn hex_encode(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        for nibble in [b >> 4, b & 0x0f] {
            s.push(char::from(DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0')));
        }
    }
    s
}

/// Longest base58btc text accepted. Base58 decoding is quadratic in the length, and what it
/// carries here (keys, signatures, did:key identifiers) is far shorter than this.
#[cfg(feature = "did-key")]
pub const MAX_BASE58_CHARS: usize = 2048;

/// Decodes base58btc (the Bitcoin alphabet, no prefix).
///
/// ```
/// assert_eq!(ssi_verify_core::codec::base58btc_decode("17paNL19xttacUY").unwrap(), b"\0yes mani !");
/// assert!(ssi_verify_core::codec::base58btc_decode("0OIl").is_err());
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidBase58`] for a character outside the alphabet (or an empty text),
/// [`ErrorCode::InputTooLarge`] past [`MAX_BASE58_CHARS`].
#[cfg(feature = "did-key")]
pub fn base58btc_decode(text: &str) -> Result<Vec<u8>> {
    if text.len() > MAX_BASE58_CHARS {
        return Err(Error::new(ErrorCode::InputTooLarge, "base58 text longer than MAX_BASE58_CHARS"));
    }
    if text.is_empty() {
        return Err(Error::new(ErrorCode::InvalidBase58, "empty base58 text"));
    }
    bs58::decode(text).into_vec().map_err(|_| Error::new(ErrorCode::InvalidBase58, "not base58btc"))
}

/// Encodes bytes as base58btc (no prefix).
///
/// ```
/// assert_eq!(ssi_verify_core::codec::base58btc_encode(b"yes mani !"), "7paNL19xttacUY");
/// ```
#[cfg(feature = "did-key")]
#[must_use]
pub fn base58btc_encode(bytes: &[u8]) -> String {
    bs58::encode(bytes).into_string()
}

/// Decodes a multibase text: `z` (base58btc) or `u` (unpadded Base64URL). Other bases are
/// refused rather than guessed at, since nothing this library verifies uses them.
///
/// ```
/// use ssi_verify_core::codec::multibase_decode;
/// assert_eq!(multibase_decode("z7paNL19xttacUY").unwrap(), b"yes mani !");
/// assert_eq!(multibase_decode("ueWVzIG1hbmkgIQ").unwrap(), b"yes mani !");
/// assert!(multibase_decode("f796573").is_err());
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidMultibase`] for an empty text or another prefix; the base's own error
/// ([`ErrorCode::InvalidBase58`], [`ErrorCode::InvalidBase64Url`]) for a bad body.
#[cfg(feature = "did-key")]
pub fn multibase_decode(text: &str) -> Result<Vec<u8>> {
    if let Some(body) = text.strip_prefix('z') {
        base58btc_decode(body)
    } else if let Some(body) = text.strip_prefix('u') {
        base64url_decode(body)
    } else {
        Err(Error::new(ErrorCode::InvalidMultibase, "multibase prefix is neither 'z' nor 'u'"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_base64() {
        assert_eq!(base64_decode("REVNTw==").unwrap(), b"DEMO");
        for bad in ["REVNTw=", "REVNTw", "REVNTx==", "RE VNTw==", "REVN\nTw==", "REVNTw==\n", "-_8=", "===="] {
            assert_eq!(base64_decode(bad).unwrap_err().code(), ErrorCode::InvalidBase64, "{bad:?}");
        }
        let mut small = [0u8; 2];
        assert_eq!(base64_decode_into("REVNTw==", &mut small).unwrap_err().code(), ErrorCode::BufferTooSmall);
    }

    #[test]
    fn strict_base64url() {
        assert_eq!(base64url_decode("-_8").unwrap(), [0xfb, 0xff]);
        for bad in ["-_8=", "+/8", "-_9"] {
            assert_eq!(base64url_decode(bad).unwrap_err().code(), ErrorCode::InvalidBase64Url, "{bad:?}");
        }
    }

    #[test]
    fn encoded_len_matches() {
        for n in 0..20 {
            let v = alloc::vec![7u8; n];
            assert_eq!(base64_encode(&v).len(), base64_encoded_len(n));
            assert!(base64_decoded_max(base64_encoded_len(n)) >= n);
        }
    }

    /// Rows of multiformats/multibase tests/*.csv (commit d7406cd) for the two bases supported:
    /// basic, leading_zero, two_leading_zeros; case_insensitivity has no base58/base64url row.
    #[cfg(feature = "did-key")]
    #[test]
    fn multibase_vectors() {
        for (input, z, u) in [
            (&b"yes mani !"[..], "z7paNL19xttacUY", "ueWVzIG1hbmkgIQ"),
            (b"\0yes mani !", "z17paNL19xttacUY", "uAHllcyBtYW5pICE"),
            (b"\0\0yes mani !", "z117paNL19xttacUY", "uAAB5ZXMgbWFuaSAh"),
        ] {
            assert_eq!(multibase_decode(z).unwrap(), input);
            assert_eq!(multibase_decode(u).unwrap(), input);
            assert_eq!(alloc::format!("z{}", base58btc_encode(input)), z);
        }
        // Other rows of the same files: bases deliberately not supported.
        for other in [
            "f796573206d616e692021",
            "bpfsxgidnmfxgsibb",
            "meWVzIG1hbmkgIQ",
            "UeWVzIG1hbmkgIQ==",
            "",
            "Z7Pznk19XTTzBtx",
        ] {
            assert_eq!(multibase_decode(other).unwrap_err().code(), ErrorCode::InvalidMultibase, "{other:?}");
        }
        assert_eq!(multibase_decode("z0").unwrap_err().code(), ErrorCode::InvalidBase58);
        assert_eq!(multibase_decode("z").unwrap_err().code(), ErrorCode::InvalidBase58);
        assert_eq!(multibase_decode("ueWVzIG1hbmkgIQ==").unwrap_err().code(), ErrorCode::InvalidBase64Url);
        let long = alloc::format!("z{}", "2".repeat(MAX_BASE58_CHARS + 1));
        assert_eq!(multibase_decode(&long).unwrap_err().code(), ErrorCode::InputTooLarge);
        assert_eq!(base58btc_decode("1111").unwrap(), [0u8; 4]);
    }

    /// Written for the mutants `cargo mutants --file core/src/codec.rs` left alive: the exact
    /// sizes, the `_into` forms and the base58 length bound at its edge.
    #[test]
    fn exact_sizes_into_forms_and_bounds() {
        assert_eq!([0, 3, 4, 5, 8].map(base64_decoded_max), [3, 3, 6, 6, 9]);
        assert_eq!([0, 1, 2, 3, 4].map(base64_encoded_len), [0, 4, 4, 4, 8]);
        let mut out = [0u8; 8];
        assert_eq!(base64_encode_into(b"DEMO", &mut out).unwrap(), 8);
        assert_eq!(&out, b"REVNTw==");
        assert_eq!(base64_encode_into(b"DEMO", &mut out[..7]).unwrap_err().code(), ErrorCode::BufferTooSmall);
        assert_eq!(base64url_encode_into(&[0xfb, 0xff], &mut out).unwrap(), 3);
        assert_eq!(&out[..3], b"-_8");
        assert_eq!(base64url_encode_into(b"DEMO", &mut out[..5]).unwrap_err().code(), ErrorCode::BufferTooSmall);
        let mut back = [0u8; 6];
        assert_eq!(base64_decode_into("REVNTw==", &mut back).unwrap(), 4);
        assert_eq!(&back[..4], b"DEMO");
        assert_eq!(base64url_decode_into("REVNTw", &mut back).unwrap(), 4);
        assert_eq!(&back[..4], b"DEMO");
        assert_eq!(base64url_decode_into("REVNTw", &mut back[..3]).unwrap_err().code(), ErrorCode::BufferTooSmall);
        assert_eq!(base64url_decode_into("REVNTw==", &mut back).unwrap_err().code(), ErrorCode::InvalidBase64Url);
        assert_eq!(hex_decode("09afAF").unwrap(), [0x09, 0xaf, 0xaf]);
        assert_eq!(hex_encode(&[0x0f, 0xf0]), "0ff0");
    }

    #[cfg(feature = "did-key")]
    #[test]
    fn base58_length_bound_is_inclusive() {
        let at_bound = "1".repeat(MAX_BASE58_CHARS);
        assert_eq!(base58btc_decode(&at_bound).unwrap(), alloc::vec![0u8; MAX_BASE58_CHARS]);
        let past = "1".repeat(MAX_BASE58_CHARS + 1);
        assert_eq!(base58btc_decode(&past).unwrap_err().code(), ErrorCode::InputTooLarge);
    }

    #[test]
    fn hex_round_trip() {
        let v: Vec<u8> = (0..=255).collect();
        assert_eq!(hex_decode(&hex_encode(&v)).unwrap(), v);
        assert!(hex_decode("zz").is_err());
    }
}
