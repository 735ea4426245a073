//! Gataca Connect session documents and header values for Kotlin, Swift and Python.

use ssi_verify_core::presentation::api_key::ApiKey;
use ssi_verify_core::presentation::gataca_session::{
    login_headers, login_headers_json, AccessToken, GatacaSession as CoreSession, SessionDocument,
};

use super::{limits, SsiError, SsiLimits};

/// Which reply a session document is.
#[uniffi::remote(Enum)]
pub enum SessionDocument {
    /// The create-session reply (`authentication_request` + `presentation_definition`).
    Created,
    /// The session reply of `GET /api/v3/sessions/{id}` (PascalCase members).
    Status,
}

/// What a Gataca session document says (the core record; JSON objects as compact JSON text).
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct GatacaSession {
    /// Which reply this was read from.
    pub document: SessionDocument,
    /// The session identifier (`Id`, or the definition's `id` in the create reply).
    pub id: String,
    /// The nonce the presentation must be bound to (`AuthRequest.nonce`).
    pub nonce: Option<String>,
    /// The OpenID `state` (`AuthRequest.state`).
    pub state: Option<String>,
    /// `ExpiredAt` as the document writes it (RFC 3339).
    pub expired_at: Option<String>,
    /// `ExpiredAt` in seconds since the epoch.
    pub expires_at_unix: Option<i64>,
    /// The `openid-vp://` URI of the create reply.
    pub authentication_request: Option<String>,
    /// The presentation definition object.
    pub presentation_definition_json: Option<String>,
    /// The submitted presentation, absent while the session is pending.
    pub presentation_submission_json: Option<String>,
    /// `PresentationSubmissionFormat`.
    pub presentation_submission_format: Option<String>,
    /// `Validations`.
    pub validations_json: Option<String>,
    /// `Subject`, the holder once known.
    pub subject: Option<String>,
    /// Members the library does not know (reported, not refused).
    pub unknown_members: Vec<String>,
    /// The record as `ssi-verify gataca session` prints it.
    pub json: String,
}

/// Reads a Gataca create-session reply or session (`GET /api/v3/sessions/{id}`) reply.
#[uniffi::export]
pub fn gataca_parse_session(json: String, limits: Option<SsiLimits>) -> Result<GatacaSession, SsiError> {
    let s = CoreSession::parse(&json, &self::limits(limits))?;
    Ok(GatacaSession {
        json: s.to_json(),
        expires_at_unix: s.expires_at_unix(),
        document: s.document,
        presentation_definition_json: s.presentation_definition.map(|v| v.to_json()),
        presentation_submission_json: s.presentation_submission.map(|v| v.to_json()),
        validations_json: s.validations.map(|v| v.to_json()),
        id: s.id,
        nonce: s.nonce,
        state: s.state,
        expired_at: s.expired_at,
        authentication_request: s.authentication_request,
        presentation_submission_format: s.presentation_submission_format,
        subject: s.subject,
        unknown_members: s.unknown_members,
    })
}

/// The `Authorization` value `jwt <token>` from the login reply's `Token` and `Token_type`.
#[uniffi::export]
pub fn gataca_authorization_from_login(token: Option<String>, token_type: Option<String>) -> Result<String, SsiError> {
    Ok(AccessToken::from_login_reply(token.as_deref(), token_type.as_deref())?.authorization())
}

/// The access token of an `Authorization: jwt <token>` value.
#[uniffi::export]
pub fn gataca_authorization_token(value: String) -> Result<String, SsiError> {
    Ok(AccessToken::from_authorization(&value)?.token().to_owned())
}

/// The login request's header fields as a JSON object, in order
/// (`Authorization: Basic ...`, `tenant`, `ssiconfig`).
#[uniffi::export]
pub fn gataca_login_headers(
    api_key_id: String,
    api_key_secret: String,
    tenant: String,
    ssiconfig: String,
) -> Result<String, SsiError> {
    let headers = login_headers(&ApiKey::new(&api_key_id, &api_key_secret)?, &tenant, &ssiconfig)?;
    Ok(login_headers_json(&headers))
}
