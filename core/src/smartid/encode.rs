//! Encoding interactions: minified JSON, then padded standard Base64.

use alloc::string::String;
use core::fmt::Write as _;

use crate::codec::base64_encode;
use crate::error::{Error, ErrorCode, Result};
use crate::json::{minify, write_string};
use crate::limits::Limits;
use crate::smartid::interactions::validate_json;
use crate::smartid::types::{Interaction, Reading};

fn fmt_err(_: core::fmt::Error) -> Error {
    Error::new(ErrorCode::InvalidArgument, "could not write the interactions JSON")
}

/// Encodes typed interactions as `[{"type":...,"displayTextNN":...}]` (minified, `type` first,
/// non-ASCII written as UTF-8) and Base64. The result is validated with the same rules as
/// [`crate::smartid::decode`] (`reading` picks strict-for-a-flow or [`Reading::AnyFlow`]), so
/// decoding it always gives the input back.
///
/// ```
/// use ssi_verify_core::smartid::{encode, Interaction, InteractionType, Reading};
/// let b64 = encode(&[Interaction { kind: InteractionType::ConfirmationMessage, text: "Logging in to internet banking" }], Reading::AnyFlow).unwrap();
/// assert_eq!(b64, "W3sidHlwZSI6ImNvbmZpcm1hdGlvbk1lc3NhZ2UiLCJkaXNwbGF5VGV4dDIwMCI6IkxvZ2dpbmcgaW4gdG8gaW50ZXJuZXQgYmFua2luZyJ9XQ==");
/// ```
///
/// # Errors
/// The code of the first broken rule, e.g. [`ErrorCode::DisplayTextTooLong`].
pub fn encode(items: &[Interaction<'_>], reading: Reading) -> Result<String> {
    let mut json = String::new();
    json.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        json.push_str("{\"type\":");
        write_string(&mut json, item.kind.name()).map_err(fmt_err)?;
        write!(json, ",\"{}\":", item.kind.text_field().name()).map_err(fmt_err)?;
        write_string(&mut json, item.text).map_err(fmt_err)?;
        json.push('}');
    }
    json.push(']');
    let limits = Limits { max_input_bytes: usize::MAX, ..Limits::DEFAULT };
    validate_json(&json, reading, &limits)?;
    Ok(base64_encode(json.as_bytes()))
}

/// Validates an interactions JSON text, removes insignificant whitespace (every token, escape
/// and member order is kept byte for byte) and Base64-encodes it. This is how the official
/// examples were produced, so their Base64 is reproduced exactly.
///
/// ```
/// use ssi_verify_core::smartid::{encode_json, Reading};
/// use ssi_verify_core::Limits;
/// let json = "[\n  {\"type\": \"displayTextAndPIN\", \"displayText60\": \"Log in to mobile banking app\"}\n]";
/// assert_eq!(encode_json(json, Reading::AnyFlow, &Limits::DEFAULT).unwrap(),
///     "W3sidHlwZSI6ImRpc3BsYXlUZXh0QW5kUElOIiwiZGlzcGxheVRleHQ2MCI6IkxvZyBpbiB0byBtb2JpbGUgYmFua2luZyBhcHAifV0=");
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidJson`], a limit code, or the code of the first broken rule.
pub fn encode_json(json: &str, reading: Reading, limits: &Limits) -> Result<String> {
    if matches!(reading, Reading::Wallet) {
        return Err(Error::new(ErrorCode::InvalidArgument, "encoding needs a strict reading"));
    }
    validate_json(json, reading, limits)?;
    let mut min = String::with_capacity(json.len());
    minify(&mut min, json).map_err(fmt_err)?;
    Ok(base64_encode(min.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::smartid::{decode, Flow, InteractionType};

    #[test]
    fn round_trip_through_decode() {
        let items = [
            Interaction { kind: InteractionType::ConfirmationMessage, text: "Tere \"quoted\" \\ € 😀\n" },
            Interaction { kind: InteractionType::DisplayTextAndPin, text: "short" },
        ];
        let b64 = encode(&items, Reading::Strict(Flow::DeviceLink)).unwrap();
        let back = decode(&b64, Flow::DeviceLink, &Limits::DEFAULT).unwrap();
        let texts: alloc::vec::Vec<&str> = back.items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, ["Tere \"quoted\" \\ € 😀\n", "short"]);
    }

    #[test]
    fn encode_refuses_what_decode_refuses() {
        let vc = [Interaction { kind: InteractionType::ConfirmationMessageAndVerificationCodeChoice, text: "x" }];
        assert_eq!(
            encode(&vc, Reading::Strict(Flow::DeviceLink)).unwrap_err().code(),
            ErrorCode::TypeNotAllowedForFlow
        );
        assert!(encode(&vc, Reading::AnyFlow).is_ok());
        assert_eq!(encode(&[], Reading::AnyFlow).unwrap_err().code(), ErrorCode::EmptyInteractions);
        let long = "x".repeat(61);
        let l = [Interaction { kind: InteractionType::DisplayTextAndPin, text: &long }];
        assert_eq!(encode(&l, Reading::AnyFlow).unwrap_err().code(), ErrorCode::DisplayTextTooLong);
        // The JSON encode writes is the caller's own, never "input too large": past the default
        // input bound the string bound refuses the text.
        let huge = "x".repeat(Limits::DEFAULT.max_input_bytes + 1);
        let h = [Interaction { kind: InteractionType::DisplayTextAndPin, text: &huge }];
        assert_eq!(encode(&h, Reading::AnyFlow).unwrap_err().code(), ErrorCode::StringTooLong);
        assert_eq!(
            encode_json("[{\"type\":\"x\"}]", Reading::AnyFlow, &Limits::DEFAULT).unwrap_err().code(),
            ErrorCode::UnknownInteractionType
        );
        assert_eq!(
            encode_json("[]", Reading::Wallet, &Limits::DEFAULT).unwrap_err().code(),
            ErrorCode::InvalidArgument
        );
    }
}
