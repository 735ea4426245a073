//! PEM armour (RFC 7468, strict form) around DER.

use alloc::string::String;
use alloc::vec::Vec;

use crate::codec::base64_decode;
use crate::error::{Error, ErrorCode, Result};

/// Decodes a single PEM block with the given label (`PUBLIC KEY`, `CERTIFICATE`).
///
/// Lines may end in LF or CRLF and the body may be wrapped at any width; anything before
/// the BEGIN line or after the END line other than whitespace is refused.
///
/// ```
/// let pem = "-----BEGIN PUBLIC KEY-----\nREVN\nTw==\n-----END PUBLIC KEY-----\n";
/// assert_eq!(ssi_verify_core::crypto::pem::decode(pem, "PUBLIC KEY").unwrap(), b"DEMO");
/// assert!(ssi_verify_core::crypto::pem::decode(pem, "CERTIFICATE").is_err());
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidKey`] when the armour or its Base64 body is malformed.
pub fn decode(pem: &str, label: &str) -> Result<Vec<u8>> {
    let bad = |detail| Error::new(ErrorCode::InvalidKey, detail);
    let mut lines = pem.trim().lines().map(str::trim_end);
    let begin = lines.next().ok_or_else(|| bad("empty PEM"))?;
    if begin.strip_prefix("-----BEGIN ").and_then(|r| r.strip_suffix("-----")) != Some(label) {
        return Err(bad("PEM BEGIN line missing or has the wrong label"));
    }
    let mut body = String::new();
    let mut ended = false;
    for line in lines {
        if ended {
            return Err(bad("text after the PEM END line"));
        }
        if let Some(rest) = line.strip_prefix("-----END ") {
            if rest.strip_suffix("-----") != Some(label) {
                return Err(bad("PEM END line has the wrong label"));
            }
            ended = true;
            continue;
        }
        body.push_str(line.trim_start());
    }
    if !ended {
        return Err(bad("PEM END line missing"));
    }
    base64_decode(&body).map_err(|_| bad("PEM body is not Base64"))
}
