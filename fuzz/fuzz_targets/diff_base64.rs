//! Differential strict Base64 (RFC 4648 section 4, padded) and Base64URL (section 5, unpadded):
//! `ssi_verify_core::codec` against the `base64` crate's engines configured from the core's
//! documented rules (canonical padding required / padding refused, trailing bits must be zero)
//! and against `data-encoding`, an independent implementation with the same rules.
//!
//! Every decoder must accept exactly the same texts and produce the same bytes; encoders must
//! agree byte for byte, and the `_into` forms must match the allocating ones. Section 3.5
//! (canonical encoding) decides the trailing bits, section 3.2 the padding, section 3.3 the
//! refusal of characters outside the alphabet.
//!
//! One known difference (fuzz/README.md): `data-encoding` reads a concatenation of padded
//! encodings (`RQ==Jw==`, padding inside the text) as the concatenated bytes; the core and the
//! `base64` crate refuse it, since `=` is not in the alphabet and may only end the data (RFC 4648
//! sections 3.2, 3.3 and 4). `data-encoding` is not compared on such texts.
#![no_main]

use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::{DecodePaddingMode, Engine as _};
use libfuzzer_sys::fuzz_target;
use ssi_verify_core::codec;

const STRICT_PADDED: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_encode_padding(true)
        .with_decode_padding_mode(DecodePaddingMode::RequireCanonical)
        .with_decode_allow_trailing_bits(false),
);

const STRICT_URL: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone)
        .with_decode_allow_trailing_bits(false),
);

fn same(what: &str, input: &str, ours: Option<Vec<u8>>, theirs: Option<Vec<u8>>, other: Option<Vec<u8>>) {
    let inner_padding = input.trim_end_matches('=').contains('=');
    if ours != theirs || (ours != other && !inner_padding) {
        panic!("{what} of {input:?}: core {ours:?}, base64 {theirs:?}, data-encoding {other:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    // Encoders: all three agree and the core reads its own output back.
    let padded = codec::base64_encode(data);
    assert_eq!(padded, STRICT_PADDED.encode(data));
    assert_eq!(padded, data_encoding::BASE64.encode(data));
    assert_eq!(padded.len(), codec::base64_encoded_len(data.len()));
    let url = codec::base64url_encode(data);
    assert_eq!(url, STRICT_URL.encode(data));
    assert_eq!(url, data_encoding::BASE64URL_NOPAD.encode(data));
    assert_eq!(codec::base64_decode(&padded).ok().as_deref(), Some(data));
    assert_eq!(codec::base64url_decode(&url).ok().as_deref(), Some(data));
    let mut buf = vec![0u8; padded.len()];
    assert_eq!(codec::base64_encode_into(data, &mut buf).ok(), Some(padded.len()));
    assert_eq!(buf, padded.as_bytes());
    let mut buf = vec![0u8; url.len()];
    assert_eq!(codec::base64url_encode_into(data, &mut buf).ok(), Some(url.len()));
    assert_eq!(buf, url.as_bytes());

    // Decoders on the input as text.
    let Ok(text) = std::str::from_utf8(data) else { return };
    let ours = codec::base64_decode(text).ok();
    same(
        "Base64",
        text,
        ours.clone(),
        STRICT_PADDED.decode(text).ok(),
        data_encoding::BASE64.decode(text.as_bytes()).ok(),
    );
    let mut out = vec![0u8; codec::base64_decoded_max(text.len())];
    let into = codec::base64_decode_into(text, &mut out).ok().map(|n| out[..n].to_vec());
    assert_eq!(into, ours, "base64_decode_into disagrees with base64_decode on {text:?}");

    let ours = codec::base64url_decode(text).ok();
    same(
        "Base64URL",
        text,
        ours.clone(),
        STRICT_URL.decode(text).ok(),
        data_encoding::BASE64URL_NOPAD.decode(text.as_bytes()).ok(),
    );
    let mut out = vec![0u8; codec::base64_decoded_max(text.len())];
    let into = codec::base64url_decode_into(text, &mut out).ok().map(|n| out[..n].to_vec());
    assert_eq!(into, ours, "base64url_decode_into disagrees with base64url_decode on {text:?}");
});
