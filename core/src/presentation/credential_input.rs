//! The credentials an evaluation reads: JSON-LD documents and JWT credentials (whose decoded
//! payload the field paths apply to).

use alloc::string::String;

use crate::error::{Error, ErrorCode, Result};
use crate::jose::CompactJws;
use crate::json::Value;
use crate::limits::Limits;

/// A credential offered for evaluation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CredentialInput {
    /// A JSON-LD (Data Integrity / Linked Data proof) credential.
    JsonLd(Value),
    /// A JWT credential: the compact token and its decoded payload, which paths apply to.
    Jwt {
        /// The compact JWS.
        token: String,
        /// The decoded payload (`vc`, `iss`, `sub`, ... at the top).
        payload: Value,
    },
}

impl CredentialInput {
    /// A JWT credential from its compact form (the signature is not verified here).
    ///
    /// ```
    /// use ssi_verify_core::presentation::evaluate::CredentialInput;
    /// use ssi_verify_core::Limits;
    /// // {"alg":"EdDSA"} . {"iss":"did:example:1"} . (empty signature)
    /// let c = CredentialInput::from_jwt("eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6ZXhhbXBsZToxIn0.", &Limits::DEFAULT).unwrap();
    /// assert_eq!(c.document().get("iss").and_then(|v| v.as_str()), Some("did:example:1"));
    /// ```
    ///
    /// # Errors
    /// Those of [`CompactJws::parse`]; [`ErrorCode::InvalidJwt`] when the payload is not a JSON object.
    pub fn from_jwt(token: &str, limits: &Limits) -> Result<Self> {
        let jws = CompactJws::parse(token, limits)?;
        let text = core::str::from_utf8(&jws.payload)
            .map_err(|_| Error::new(ErrorCode::InvalidJwt, "JWT payload is not UTF-8"))?;
        let payload = Value::parse(text, limits)?;
        if payload.as_object().is_none() {
            return Err(Error::new(ErrorCode::InvalidJwt, "JWT payload is not a JSON object"));
        }
        Ok(CredentialInput::Jwt { token: String::from(token), payload })
    }

    /// The JSON the field paths are evaluated against.
    #[must_use]
    pub fn document(&self) -> &Value {
        match self {
            CredentialInput::JsonLd(v) => v,
            CredentialInput::Jwt { payload, .. } => payload,
        }
    }

    /// The credential-level claim format designation used in submissions.
    #[must_use]
    pub fn format_designation(&self) -> &'static str {
        match self {
            CredentialInput::JsonLd(_) => "ldp_vc",
            CredentialInput::Jwt { .. } => "jwt_vc",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::base64url_encode;

    fn token(payload: &[u8]) -> String {
        alloc::format!("eyJhbGciOiJFZERTQSJ9.{}.", base64url_encode(payload))
    }

    #[test]
    fn a_jwt_reads_as_its_payload() {
        let t = token(br#"{"vc":{"type":["VerifiableCredential"]}}"#);
        let c = CredentialInput::from_jwt(&t, &Limits::DEFAULT).unwrap();
        assert_eq!(c.format_designation(), "jwt_vc");
        assert!(c.document().get("vc").is_some());
        assert!(matches!(&c, CredentialInput::Jwt { token, .. } if *token == t));
        let ld = CredentialInput::JsonLd(Value::parse(r#"{"a":1}"#, &Limits::DEFAULT).unwrap());
        assert_eq!(ld.format_designation(), "ldp_vc");
        assert!(ld.document().get("a").is_some());
    }

    #[test]
    fn a_jwt_payload_must_be_a_utf8_json_object() {
        let detail = |payload: &[u8]| CredentialInput::from_jwt(&token(payload), &Limits::DEFAULT).unwrap_err();
        let e = detail(&[0xff, 0xfe]);
        assert_eq!((e.code(), e.detail()), (ErrorCode::InvalidJwt, "JWT payload is not UTF-8"));
        let e = detail(b"[1]");
        assert_eq!((e.code(), e.detail()), (ErrorCode::InvalidJwt, "JWT payload is not a JSON object"));
        assert_eq!(detail(b"{").code().category(), crate::error::Category::Format);
    }
}
