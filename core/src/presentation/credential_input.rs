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
