//! Gataca Studio API-key credentials: `Authorization: Basic base64(apiKeyId:apiKeySecret)`.
//!
//! The id may not contain `:` (RFC 7617: the first colon separates id and secret); the secret
//! may. Both must be non-empty UTF-8 without control characters. The secret is never printed
//! by `Debug` and is compared in constant time.
//!
//! ```
//! use ssi_verify_core::presentation::api_key::ApiKey;
//! let key = ApiKey::new("0f8fad5b-d9cb-469f-a165-70867728950e", "s3cr:et")?;
//! let header = key.to_header();
//! assert_eq!(header, "Basic MGY4ZmFkNWItZDljYi00NjlmLWExNjUtNzA4Njc3Mjg5NTBlOnMzY3I6ZXQ=");
//! let back = ApiKey::from_header(&header)?;
//! assert_eq!(back.id(), "0f8fad5b-d9cb-469f-a165-70867728950e");
//! assert!(back.id_is_uuid());
//! assert!(back.secret_matches("s3cr:et"));
//! # Ok::<(), ssi_verify_core::Error>(())
//! ```

use alloc::format;
use alloc::string::String;
use core::fmt;

use crate::codec::{base64_decode, base64_encode};
use crate::crypto::ct_eq;
use crate::error::{Error, ErrorCode, Result};

/// API-key id and secret.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey {
    id: String,
    secret: String,
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiKey").field("id", &self.id).field("secret", &"<redacted>").finish()
    }
}

fn invalid(detail: &'static str) -> Error {
    Error::new(ErrorCode::InvalidApiKey, detail)
}

/// Longest accepted `Authorization` value; real ones are under 200 bytes.
const MAX_HEADER_BYTES: usize = 4096;

impl ApiKey {
    /// Checks and holds an id and secret.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidApiKey`] when either is empty or has a control character, or the
    /// id contains `:`.
    pub fn new(id: &str, secret: &str) -> Result<Self> {
        if id.is_empty() || secret.is_empty() {
            return Err(invalid("API-key id and secret must both be non-empty"));
        }
        if id.contains(':') {
            return Err(invalid("the API-key id must not contain ':'"));
        }
        if id.chars().chain(secret.chars()).any(char::is_control) {
            return Err(invalid("API-key id or secret contains a control character"));
        }
        Ok(Self { id: String::from(id), secret: String::from(secret) })
    }

    /// Reads `Basic <base64>` (or the bare Base64 credentials).
    ///
    /// # Errors
    /// [`ErrorCode::InvalidApiKey`] for another scheme, a missing `:`, bad parts or an
    /// oversized value; [`ErrorCode::InvalidBase64`] / [`ErrorCode::InvalidUtf8`] for the
    /// encoding.
    pub fn from_header(value: &str) -> Result<Self> {
        if value.len() > MAX_HEADER_BYTES {
            return Err(invalid("Authorization value is too long"));
        }
        let value = value.trim();
        let b64 = match value.split_once(' ') {
            Some((scheme, rest)) if scheme.eq_ignore_ascii_case("basic") => rest.trim_start(),
            Some(_) => return Err(invalid("the Authorization scheme must be Basic")),
            None => value,
        };
        let bytes = base64_decode(b64)?;
        let text = String::from_utf8(bytes)
            .map_err(|_| Error::new(ErrorCode::InvalidUtf8, "API-key credentials are not UTF-8"))?;
        let (id, secret) =
            text.split_once(':').ok_or_else(|| invalid("credentials have no ':' between id and secret"))?;
        Self::new(id, secret)
    }

    /// `Basic base64(id:secret)`.
    #[must_use]
    pub fn to_header(&self) -> String {
        format!("Basic {}", base64_encode(format!("{}:{}", self.id, self.secret).as_bytes()))
    }

    /// The API-key id.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The secret (for sending it; compare with [`ApiKey::secret_matches`]).
    #[must_use]
    pub fn secret(&self) -> &str {
        &self.secret
    }

    /// Compares the secret in constant time.
    #[must_use]
    pub fn secret_matches(&self, candidate: &str) -> bool {
        ct_eq(self.secret.as_bytes(), candidate.as_bytes())
    }

    /// Whether the id has the 8-4-4-4-12 hexadecimal UUID form Gataca Studio issues.
    #[must_use]
    pub fn id_is_uuid(&self) -> bool {
        let groups: [usize; 5] = [8, 4, 4, 4, 12];
        let mut parts = self.id.split('-');
        groups.iter().all(|&n| parts.next().is_some_and(|p| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit())))
            && parts.next().is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_refusals() {
        let k = ApiKey::new("id", "secret").unwrap();
        assert_eq!(ApiKey::from_header(&k.to_header()).unwrap(), k);
        assert_eq!(ApiKey::from_header("aWQ6c2VjcmV0").unwrap(), k);
        assert_eq!(ApiKey::from_header("basic   aWQ6c2VjcmV0 ").unwrap(), k);
        assert!(!format!("{k:?}").contains("secret\""));
        assert!(!k.id_is_uuid());
        assert!(!k.secret_matches("secreT"));
        let code = |h: &str| ApiKey::from_header(h).unwrap_err().code();
        assert_eq!(code("Bearer aWQ6c2VjcmV0"), ErrorCode::InvalidApiKey);
        assert_eq!(code("Basic aWRzZWNyZXQ="), ErrorCode::InvalidApiKey); // "idsecret": no colon
        assert_eq!(code("Basic OnNlY3JldA=="), ErrorCode::InvalidApiKey); // ":secret"
        assert_eq!(code("Basic aWQ6"), ErrorCode::InvalidApiKey); // "id:"
        assert_eq!(code("Basic !!!"), ErrorCode::InvalidBase64);
        assert_eq!(code("Basic //79"), ErrorCode::InvalidUtf8);
        assert_eq!(ApiKey::new("a:b", "c").unwrap_err().code(), ErrorCode::InvalidApiKey);
        assert_eq!(ApiKey::new("a", "c\n").unwrap_err().code(), ErrorCode::InvalidApiKey);
        assert_eq!(code(&"A".repeat(5000)), ErrorCode::InvalidApiKey);
    }

    #[test]
    fn uuid_form_and_accessors() {
        let uuid = |id: &str| ApiKey::new(id, "x").unwrap().id_is_uuid();
        assert!(uuid("0f8fad5b-d9cb-469f-A165-70867728950e"));
        for not in [
            "0f8fad5b-d9cb-469f-a165-70867728950",
            "0f8fad5b-d9cb-469f-a165-70867728950e0",
            "0f8fad5b-d9cb-469f-a165-70867728950e-1",
            "0f8fad5b-d9cb-469f-a165",
            "0f8fad5g-d9cb-469f-a165-70867728950e",
            "0f8fad5bd-9cb-469f-a165-70867728950e",
        ] {
            assert!(!uuid(not), "{not}");
        }
        let k = ApiKey::new("id", "s:t").unwrap();
        assert_eq!((k.id(), k.secret()), ("id", "s:t"));
    }

    #[test]
    fn debug_hides_the_secret() {
        let k = ApiKey::new("id", "s3cret").unwrap();
        assert_eq!(format!("{k:?}"), r#"ApiKey { id: "id", secret: "<redacted>" }"#);
    }

    #[test]
    fn the_length_bound_is_inclusive_and_counts_spaces() {
        let k = ApiKey::new("id", "secret").unwrap();
        let padded = |len: usize| format!("{:<len$}", k.to_header());
        assert_eq!(ApiKey::from_header(&padded(MAX_HEADER_BYTES)).unwrap(), k);
        assert_eq!(
            ApiKey::from_header(&padded(MAX_HEADER_BYTES + 1)).unwrap_err().detail(),
            "Authorization value is too long"
        );
    }
}
