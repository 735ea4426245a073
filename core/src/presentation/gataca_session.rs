//! Gataca Connect session documents and the HTTP header values around them.
//!
//! Two JSON replies describe a verification session:
//!
//! * the **create-session reply** (`POST /api/v3/sessions`): `authentication_request` (the
//!   `openid-vp://` URI shown in the QR code) and `presentation_definition`. The definition's
//!   `id` is the session identifier; it is also the last path segment of the request's
//!   `redirect_uri` and `request_uri`, which is checked. The reply carries no session nonce or
//!   state (the `nonce` members inside the definition's proofs belong to those proofs), so both
//!   are `null` unless the URI itself carries them;
//! * the **session reply** (`GET /api/v3/sessions/{id}`), written by Go with PascalCase members
//!   and `null` / `""` for what is not there yet: `Id`, `PresentationSubmission` (the submitted
//!   presentation once the wallet answered, `null` before), `PresentationSubmissionFormat`,
//!   `Validations`, `PresentationDefinition`, `AuthRequest` (the request object: `nonce`,
//!   `state`, `exp`, ...), `ExpiredAt` and bookkeeping times.
//!
//! [`GatacaSession::parse`] tells the two apart by their members and returns the same record
//! for both. Members this library does not know are listed in
//! [`GatacaSession::unknown_members`] (as `AuthRequest.name` for the nested object), never
//! refused: Gataca adds members over time. A member it knows with the wrong JSON type, an empty
//! id, or ids that disagree (`Id`, the definition's `id`, the last segment of the request URIs)
//! are refused.
//!
//! `expiredAt` is reported exactly as the document writes it: the RFC 3339 text of `ExpiredAt`
//! (microseconds and all), `null` when the reply has none (the create reply never does);
//! [`GatacaSession::expires_at_unix`] gives it as seconds since the epoch for comparisons.
//!
//! ```
//! use ssi_verify_core::presentation::gataca_session::GatacaSession;
//! use ssi_verify_core::Limits;
//! let reply = r#"{"Id":"s1","PresentationSubmission":null,"PresentationSubmissionFormat":"",
//!   "Validations":null,"PresentationDefinition":{"id":"s1","input_descriptors":[]},
//!   "AuthRequest":{"nonce":"n-1","state":"st"},"ExpiredAt":"2025-01-27T19:21:20.504774Z","Extra":1}"#;
//! let s = GatacaSession::parse(reply, &Limits::DEFAULT)?;
//! assert_eq!((s.id.as_str(), s.nonce.as_deref()), ("s1", Some("n-1")));
//! assert_eq!(s.expires_at_unix(), Some(1_738_005_680));
//! assert_eq!(s.unknown_members, ["Extra"]);
//! assert_eq!(s.to_json(), r#"{"id":"s1","nonce":"n-1","state":"st","expiredAt":"2025-01-27T19:21:20.504774Z","presentationDefinition":{"id":"s1","input_descriptors":[]},"presentationSubmission":null}"#);
//! # Ok::<(), ssi_verify_core::Error>(())
//! ```
//!
//! Authentication: the login reply (`POST /admin/v1/api_keys/login`) hands the access token
//! over in the response headers `Token` and `Token_type` (`jwt`); every later call sends
//! `Authorization: jwt <token>` ([`AccessToken`]). The login request itself carries the API key
//! (`Authorization: Basic ...`, see [`crate::presentation::api_key`]) and the `tenant` and
//! `ssiconfig` (verification template id) headers ([`login_headers`]).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::{self, Write};

use crate::error::{Error, ErrorCode, Result};
use crate::json::{write_string, Value};
use crate::limits::Limits;
use crate::presentation::api_key::ApiKey;
use crate::presentation::definition::PresentationDefinition;
use crate::presentation::filter::date_time_unix_seconds;
use crate::presentation::openid::AuthorizationRequest;

fn invalid(detail: &'static str) -> Error {
    Error::new(ErrorCode::InvalidGatacaSession, detail)
}

fn wrong_type(detail: &'static str) -> Error {
    Error::new(ErrorCode::UnexpectedJsonType, detail)
}

/// Which reply a session document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionDocument {
    /// The create-session reply (`authentication_request` + `presentation_definition`).
    Created,
    /// The session reply of `GET /api/v3/sessions/{id}` (PascalCase members).
    Status,
}

/// What a session document says, the same record for both replies.
#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// The `openid-vp://` URI of the create reply.
    pub authentication_request: Option<String>,
    /// The presentation definition object, as received.
    pub presentation_definition: Option<Value>,
    /// The submitted presentation (`PresentationSubmission`), `None` while pending.
    pub presentation_submission: Option<Value>,
    /// `PresentationSubmissionFormat` (`None` when empty).
    pub presentation_submission_format: Option<String>,
    /// `Validations`, as received (`None` when `null`).
    pub validations: Option<Value>,
    /// `Subject`, the holder once known (`None` when empty).
    pub subject: Option<String>,
    /// Members this library does not know, as `name` or `AuthRequest.name` (reported, not used).
    pub unknown_members: Vec<String>,
}

/// Members of the session reply that are read or type-checked.
const STATUS_MEMBERS: [&str; 14] = [
    "Id",
    "PresentationSubmission",
    "PresentationSubmissionFormat",
    "Validations",
    "PresentationDefinition",
    "AuthRequest",
    "RequestedAt",
    "CreatedAt",
    "UpdatedAt",
    "ExpiredAt",
    "DeletedAt",
    "SourceWallet",
    "Callback",
    "Subject",
];

/// Members of `AuthRequest` (an OpenID4VP request object) that are known.
const AUTH_REQUEST_MEMBERS: [&str; 14] = [
    "exp",
    "iat",
    "nbf",
    "iss",
    "aud",
    "response_type",
    "client_id",
    "client_id_scheme",
    "redirect_uri",
    "response_uri",
    "state",
    "scope",
    "response_mode",
    "nonce",
];

/// Members of `AuthRequest` that may hold anything a request object may (kept unchecked).
const AUTH_REQUEST_OPEN_MEMBERS: [&str; 3] = ["presentation_definition", "client_metadata", "registration"];

const CREATED_MEMBERS: [&str; 2] = ["authentication_request", "presentation_definition"];

fn members<'v>(v: &'v Value, detail: &'static str) -> Result<&'v [(String, Value)]> {
    v.as_object().ok_or_else(|| wrong_type(detail))
}

fn unknown(members: &[(String, Value)], known: &[&str], prefix: &str, out: &mut Vec<String>, limits: &Limits) {
    for (k, _) in members.iter().filter(|(k, _)| !known.contains(&k.as_str())).take(limits.max_items) {
        out.push(format!("{prefix}{k}"));
    }
}

/// A string member that may be absent, `null` or `""` (Go's zero value): all three are `None`.
fn opt_text(v: &Value, key: &str, detail: &'static str) -> Result<Option<String>> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(wrong_type(detail)),
    }
}

/// An object member that may be absent or `null`.
fn opt_object(v: &Value, key: &str, detail: &'static str) -> Result<Option<Value>> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(o @ Value::Object(_)) => Ok(Some(o.clone())),
        Some(_) => Err(wrong_type(detail)),
    }
}

/// The last path segment of a URL (query and fragment dropped).
fn last_segment(url: &str) -> &str {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    path.rsplit('/').next().unwrap_or(path)
}

fn check_segment(url: Option<&str>, id: &str, detail: &'static str) -> Result<()> {
    match url {
        Some(u) if last_segment(u) != id => Err(invalid(detail)),
        _ => Ok(()),
    }
}

/// Reads the definition (validated as a DIF PE v2 definition) and returns its `id`.
fn definition_id(definition: &Value, limits: &Limits) -> Result<String> {
    let pd = PresentationDefinition::from_value(definition, limits)?;
    if pd.id.is_empty() {
        return Err(invalid("the presentation definition's id is empty"));
    }
    Ok(pd.id)
}

impl GatacaSession {
    /// Parses a create-session reply or a session reply.
    ///
    /// # Errors
    /// JSON and limit errors; [`ErrorCode::UnexpectedJsonType`] for a known member of the wrong
    /// type; [`ErrorCode::MissingField`] for a missing `Id`, `authentication_request` or
    /// `presentation_definition`; the definition's own errors
    /// ([`ErrorCode::InvalidPresentationDefinition`], ...); [`ErrorCode::InvalidOpenIdVpRequest`]
    /// for a bad `authentication_request`; [`ErrorCode::InvalidDate`] for an `ExpiredAt` that is
    /// not RFC 3339; [`ErrorCode::InvalidGatacaSession`] when the document is neither reply (or
    /// looks like both), an id is empty, or the ids disagree.
    pub fn parse(text: &str, limits: &Limits) -> Result<Self> {
        Self::from_value(&Value::parse(text, limits)?, limits)
    }

    /// [`Self::parse`] for a document already parsed.
    ///
    /// # Errors
    /// As [`Self::parse`].
    pub fn from_value(doc: &Value, limits: &Limits) -> Result<Self> {
        let top = members(doc, "a session document must be a JSON object")?;
        let created = top.iter().any(|(k, _)| CREATED_MEMBERS.contains(&k.as_str()));
        let status = doc.get("Id").is_some();
        match (created, status) {
            (true, false) => Self::created(doc, top, limits),
            (false, true) => Self::status(doc, top, limits),
            (true, true) => Err(invalid("the document mixes the create-session reply and the session reply")),
            (false, false) => {
                Err(invalid("neither a create-session reply (authentication_request) nor a session reply (Id)"))
            }
        }
    }

    fn created(doc: &Value, top: &[(String, Value)], limits: &Limits) -> Result<Self> {
        let uri = match doc.get("authentication_request") {
            Some(Value::String(s)) => s.clone(),
            None | Some(Value::Null) => {
                return Err(Error::new(ErrorCode::MissingField, "authentication_request is missing"))
            }
            Some(_) => return Err(wrong_type("authentication_request must be a string")),
        };
        let definition = match doc.get("presentation_definition") {
            Some(o @ Value::Object(_)) => o.clone(),
            None | Some(Value::Null) => {
                return Err(Error::new(ErrorCode::MissingField, "presentation_definition is missing"))
            }
            Some(_) => return Err(wrong_type("presentation_definition must be an object")),
        };
        let id = definition_id(&definition, limits)?;
        let request = AuthorizationRequest::parse(&uri, limits)?;
        check_segment(request.request_uri.as_deref(), &id, "request_uri does not end with the session id")?;
        check_segment(request.redirect_uri.as_deref(), &id, "redirect_uri does not end with the session id")?;
        check_segment(request.response_uri.as_deref(), &id, "response_uri does not end with the session id")?;
        let mut unknown_members = Vec::new();
        unknown(top, &CREATED_MEMBERS, "", &mut unknown_members, limits);
        Ok(Self {
            document: SessionDocument::Created,
            id,
            nonce: request.nonce,
            state: request.state,
            expired_at: None,
            authentication_request: Some(uri),
            presentation_definition: Some(definition),
            presentation_submission: None,
            presentation_submission_format: None,
            validations: None,
            subject: None,
            unknown_members,
        })
    }

    fn status(doc: &Value, top: &[(String, Value)], limits: &Limits) -> Result<Self> {
        let id = match doc.get("Id") {
            Some(Value::String(s)) if s.is_empty() => return Err(invalid("Id is empty")),
            Some(Value::String(s)) => s.clone(),
            _ => return Err(wrong_type("Id must be a string")),
        };
        // Bookkeeping members are type-checked only: strings (times, wallet, callback) or null.
        for key in ["RequestedAt", "CreatedAt", "UpdatedAt", "DeletedAt", "SourceWallet", "Callback"] {
            opt_text(doc, key, "session bookkeeping members must be strings or null")?;
        }
        let expired_at = opt_text(doc, "ExpiredAt", "ExpiredAt must be a string or null")?;
        if let Some(t) = &expired_at {
            date_time_unix_seconds(t)
                .ok_or_else(|| Error::new(ErrorCode::InvalidDate, "ExpiredAt is not an RFC 3339 date-time"))?;
        }
        let definition = opt_object(doc, "PresentationDefinition", "PresentationDefinition must be an object")?;
        if let Some(d) = &definition {
            if definition_id(d, limits)? != id {
                return Err(invalid("PresentationDefinition.id is not the session Id"));
            }
        }
        let mut unknown_members = Vec::new();
        unknown(top, &STATUS_MEMBERS, "", &mut unknown_members, limits);
        let (mut nonce, mut state) = (None, None);
        if let Some(auth) = opt_object(doc, "AuthRequest", "AuthRequest must be an object")? {
            let auth_members = members(&auth, "AuthRequest must be an object")?;
            for key in AUTH_REQUEST_MEMBERS.iter().filter(|k| !matches!(**k, "exp" | "iat" | "nbf" | "aud")) {
                opt_text(&auth, key, "AuthRequest members must be strings")?;
            }
            for key in ["exp", "iat", "nbf"] {
                if auth.get(key).is_some_and(|v| !v.is_null() && v.as_number().and_then(|n| n.as_u64()).is_none()) {
                    return Err(wrong_type("AuthRequest exp/iat/nbf must be seconds since the epoch"));
                }
            }
            for key in ["redirect_uri", "response_uri"] {
                let url = opt_text(&auth, key, "AuthRequest members must be strings")?;
                check_segment(url.as_deref(), &id, "the AuthRequest response URL does not end with the session Id")?;
            }
            nonce = opt_text(&auth, "nonce", "AuthRequest.nonce must be a string")?;
            state = opt_text(&auth, "state", "AuthRequest.state must be a string")?;
            let known: Vec<&str> =
                AUTH_REQUEST_MEMBERS.iter().chain(AUTH_REQUEST_OPEN_MEMBERS.iter()).copied().collect();
            unknown(auth_members, &known, "AuthRequest.", &mut unknown_members, limits);
        }
        let presentation_submission =
            opt_object(doc, "PresentationSubmission", "PresentationSubmission must be an object or null")?;
        Ok(Self {
            document: SessionDocument::Status,
            id,
            nonce,
            state,
            expired_at,
            authentication_request: None,
            presentation_definition: definition,
            presentation_submission,
            presentation_submission_format: opt_text(
                doc,
                "PresentationSubmissionFormat",
                "PresentationSubmissionFormat must be a string",
            )?,
            validations: doc.get("Validations").filter(|v| !v.is_null()).cloned(),
            subject: opt_text(doc, "Subject", "Subject must be a string")?,
            unknown_members,
        })
    }

    /// `ExpiredAt` as seconds since the epoch (fraction dropped), when the document has one.
    #[must_use]
    pub fn expires_at_unix(&self) -> Option<i64> {
        self.expired_at.as_deref().and_then(date_time_unix_seconds)
    }

    /// Writes `{"id":…,"nonce":…,"state":…,"expiredAt":…,"presentationDefinition":{…}|null,
    /// "presentationSubmission":{…}|null}` (absent values as `null`; objects as received, compact).
    ///
    /// # Errors
    /// Only what the sink reports.
    pub fn write_json(&self, out: &mut impl Write) -> fmt::Result {
        fn text(out: &mut impl Write, v: Option<&str>) -> fmt::Result {
            match v {
                Some(s) => write_string(out, s),
                None => out.write_str("null"),
            }
        }
        fn object(out: &mut impl Write, v: Option<&Value>) -> fmt::Result {
            match v {
                Some(v) => out.write_str(&v.to_json()),
                None => out.write_str("null"),
            }
        }
        out.write_str("{\"id\":")?;
        write_string(out, &self.id)?;
        out.write_str(",\"nonce\":")?;
        text(out, self.nonce.as_deref())?;
        out.write_str(",\"state\":")?;
        text(out, self.state.as_deref())?;
        out.write_str(",\"expiredAt\":")?;
        text(out, self.expired_at.as_deref())?;
        out.write_str(",\"presentationDefinition\":")?;
        object(out, self.presentation_definition.as_ref())?;
        out.write_str(",\"presentationSubmission\":")?;
        object(out, self.presentation_submission.as_ref())?;
        out.write_char('}')
    }

    /// [`Self::unknown_members`] as a compact JSON array of strings.
    ///
    /// ```
    /// use ssi_verify_core::presentation::gataca_session::GatacaSession;
    /// let s = GatacaSession::parse(r#"{"Id":"s","New":1,"AuthRequest":{"x":2}}"#, &Default::default())?;
    /// assert_eq!(s.unknown_members_json(), r#"["New","AuthRequest.x"]"#);
    /// # Ok::<(), ssi_verify_core::Error>(())
    /// ```
    #[must_use]
    pub fn unknown_members_json(&self) -> String {
        let mut s = String::from("[");
        for (i, name) in self.unknown_members.iter().enumerate() {
            if i > 0 {
                s.push(',');
            }
            // Writing to a String cannot fail.
            let _ = write_string(&mut s, name);
        }
        s.push(']');
        s
    }

    /// [`Self::write_json`] into a new string.
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut s = String::new();
        // Writing to a String cannot fail.
        let _ = self.write_json(&mut s);
        s
    }
}

fn header_error(detail: &'static str) -> Error {
    Error::new(ErrorCode::InvalidHeader, detail)
}

/// RFC 7235 `token68` (the credential after an auth scheme): `A-Z a-z 0-9 - . _ ~ + /` then `=`s.
fn is_token68(s: &str) -> bool {
    let body = s.trim_end_matches('=');
    !body.is_empty() && body.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~+/".contains(&b))
}

/// Longest accepted token or `Authorization` value; Gataca's access tokens are about 1 KiB.
const MAX_TOKEN_BYTES: usize = 16 * 1024;

/// A Gataca access token from the login reply, sent as `Authorization: jwt <token>`.
///
/// `Debug` does not print the token (it is a bearer credential).
///
/// ```
/// use ssi_verify_core::presentation::gataca_session::AccessToken;
/// use ssi_verify_core::ErrorCode;
/// let t = AccessToken::from_login_reply(Some("eyJhbGciOiJFUzI1NiJ9.e30.c2ln"), Some("jwt"))?;
/// assert_eq!(t.authorization(), "jwt eyJhbGciOiJFUzI1NiJ9.e30.c2ln");
/// assert_eq!(AccessToken::from_authorization(&t.authorization())?, t);
/// assert_eq!(AccessToken::from_login_reply(None, Some("jwt")).unwrap_err().code(), ErrorCode::HeaderMissing);
/// assert_eq!(AccessToken::from_authorization("Bearer abc").unwrap_err().code(), ErrorCode::InvalidHeader);
/// # Ok::<(), ssi_verify_core::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct AccessToken {
    token: String,
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessToken").field("token", &"<redacted>").finish()
    }
}

impl AccessToken {
    /// A token as Gataca issues it (an RFC 7235 `token68`, e.g. a compact JWT).
    ///
    /// # Errors
    /// [`ErrorCode::InvalidHeader`] when empty, too long or not a `token68` (a space, a comma
    /// or a line break would let it spill into other header fields).
    pub fn new(token: &str) -> Result<Self> {
        if token.len() > MAX_TOKEN_BYTES {
            return Err(header_error("the access token is too long"));
        }
        if !is_token68(token) {
            return Err(header_error("the access token is not an RFC 7235 token68"));
        }
        Ok(Self { token: String::from(token) })
    }

    /// Reads the login reply's `Token` and `Token_type` header values (`None` when absent).
    /// The type must be `jwt` (any case), the scheme every later call uses.
    ///
    /// # Errors
    /// [`ErrorCode::HeaderMissing`] when either is absent or empty; [`ErrorCode::InvalidHeader`]
    /// for another token type or a malformed token.
    pub fn from_login_reply(token: Option<&str>, token_type: Option<&str>) -> Result<Self> {
        let missing = |d| Error::new(ErrorCode::HeaderMissing, d);
        let token = token.map(str::trim).filter(|t| !t.is_empty()).ok_or_else(|| missing("Token is absent"))?;
        let kind =
            token_type.map(str::trim).filter(|t| !t.is_empty()).ok_or_else(|| missing("Token_type is absent"))?;
        if !kind.eq_ignore_ascii_case("jwt") {
            return Err(header_error("Token_type must be jwt"));
        }
        Self::new(token)
    }

    /// Reads the login reply from its response headers as `(name, value)` pairs; header names
    /// match in any case (`Token`, `token`, `Token_type`, ...).
    ///
    /// ```
    /// use ssi_verify_core::presentation::gataca_session::AccessToken;
    /// let t = AccessToken::from_headers(&[("Content-Type", "application/json"), ("token", "abc"), ("token_type", "jwt")])?;
    /// assert_eq!(t.authorization(), "jwt abc");
    /// # Ok::<(), ssi_verify_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Self::from_login_reply`]; [`ErrorCode::HeaderDuplicated`] when either appears twice.
    pub fn from_headers(headers: &[(&str, &str)]) -> Result<Self> {
        let one = |name: &str| -> Result<Option<&str>> {
            let mut found = headers.iter().filter(|(n, _)| n.trim().eq_ignore_ascii_case(name));
            let first = found.next().map(|(_, v)| *v);
            if found.next().is_some() {
                return Err(Error::new(ErrorCode::HeaderDuplicated, "Token or Token_type appears twice"));
            }
            Ok(first)
        };
        Self::from_login_reply(one("Token")?, one("Token_type")?)
    }

    /// Reads an `Authorization: jwt <token>` value (scheme in any case, as HTTP allows).
    ///
    /// # Errors
    /// [`ErrorCode::HeaderMissing`] when empty; [`ErrorCode::InvalidHeader`] for another scheme
    /// or a malformed token.
    pub fn from_authorization(value: &str) -> Result<Self> {
        if value.len() > MAX_TOKEN_BYTES {
            return Err(header_error("Authorization value is too long"));
        }
        let value = value.trim();
        if value.is_empty() {
            return Err(Error::new(ErrorCode::HeaderMissing, "Authorization is empty"));
        }
        match value.split_once(' ') {
            Some((scheme, token)) if scheme.eq_ignore_ascii_case("jwt") => Self::new(token.trim_start_matches(' ')),
            _ => Err(header_error("the Authorization scheme must be jwt")),
        }
    }

    /// The token itself.
    #[must_use]
    pub fn token(&self) -> &str {
        &self.token
    }

    /// The `Authorization` value for Gataca Connect calls: `jwt <token>`.
    #[must_use]
    pub fn authorization(&self) -> String {
        format!("jwt {}", self.token)
    }
}

/// A `tenant` or `ssiconfig` header value: non-empty visible ASCII without surrounding spaces.
fn header_value<'a>(value: &'a str, detail: &'static str) -> Result<&'a str> {
    let ok = !value.is_empty()
        && value.len() <= MAX_TOKEN_BYTES
        && value.bytes().all(|b| (0x20..0x7f).contains(&b))
        && value.trim() == value;
    ok.then_some(value).ok_or_else(|| header_error(detail))
}

/// The header fields of the login request (`POST /admin/v1/api_keys/login`), in order:
/// `Authorization: Basic base64(id:secret)`, `tenant`, `ssiconfig` (the verification template
/// id). The values are checked to be safe header text: a CR or LF in a tenant or template id
/// would inject another header, so it is refused rather than sent.
///
/// ```
/// use ssi_verify_core::presentation::api_key::ApiKey;
/// use ssi_verify_core::presentation::gataca_session::{login_headers, login_headers_json};
/// use ssi_verify_core::ErrorCode;
/// let key = ApiKey::new("id", "secret")?;
/// let h = login_headers(&key, "29KKv46fz3kZ5jvxjBqtAq9RvqJwoA2X", "Test")?;
/// assert_eq!(h[1], ("tenant", String::from("29KKv46fz3kZ5jvxjBqtAq9RvqJwoA2X")));
/// assert_eq!(login_headers_json(&h), r#"{"Authorization":"Basic aWQ6c2VjcmV0","tenant":"29KKv46fz3kZ5jvxjBqtAq9RvqJwoA2X","ssiconfig":"Test"}"#);
/// assert_eq!(login_headers(&key, "t\r\nX-Evil: 1", "Test").unwrap_err().code(), ErrorCode::InvalidHeader);
/// # Ok::<(), ssi_verify_core::Error>(())
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidHeader`] for an empty tenant or template id, or one with control,
/// non-ASCII or surrounding space characters.
pub fn login_headers(key: &ApiKey, tenant: &str, ssiconfig: &str) -> Result<[(&'static str, String); 3]> {
    let tenant = header_value(tenant, "tenant must be non-empty visible ASCII")?;
    let ssiconfig = header_value(ssiconfig, "ssiconfig must be non-empty visible ASCII")?;
    Ok([("Authorization", key.to_header()), ("tenant", String::from(tenant)), ("ssiconfig", String::from(ssiconfig))])
}

/// The header fields of [`login_headers`] as one compact JSON object, in order.
#[must_use]
pub fn login_headers_json(headers: &[(&'static str, String); 3]) -> String {
    let mut s = String::from("{");
    for (i, (name, value)) in headers.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        // Writing to a String cannot fail.
        let _ = write_string(&mut s, name);
        s.push(':');
        let _ = write_string(&mut s, value);
    }
    s.push('}');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    const CREATED: &str = include_str!("../../../samples/gataca/session-created.json");
    const STATUS: &str = include_str!("../../../samples/gataca/session-status.json");
    const L: Limits = Limits::DEFAULT;

    fn code(text: &str) -> ErrorCode {
        GatacaSession::parse(text, &L).unwrap_err().code()
    }

    #[test]
    fn create_reply_of_the_seed() {
        let s = GatacaSession::parse(CREATED, &L).unwrap();
        assert_eq!(s.document, SessionDocument::Created);
        assert_eq!(s.id, "4m8TLXcRUDpMrXkzorhoTpwMu6pkw4pUtHVSBf422c98");
        assert_eq!((&s.nonce, &s.state, &s.expired_at), (&None, &None, &None));
        assert!(s.authentication_request.as_deref().unwrap().starts_with("openid-vp://?client_id="));
        assert!(s.presentation_submission.is_none());
        assert!(s.unknown_members.is_empty());
        let json = s.to_json();
        assert!(json.starts_with(
            r#"{"id":"4m8TLXcRUDpMrXkzorhoTpwMu6pkw4pUtHVSBf422c98","nonce":null,"state":null,"expiredAt":null,"presentationDefinition":{"dataAgreement":"#
        ));
        assert!(json.ends_with(r#""presentationSubmission":null}"#));
    }

    #[test]
    fn session_reply_of_the_seed() {
        let s = GatacaSession::parse(STATUS, &L).unwrap();
        assert_eq!(s.document, SessionDocument::Status);
        assert_eq!(s.id, "AUFu7juZg2UgnUzaELCsWbhGQduMRzxzQaoww1aLzySN");
        assert_eq!(s.nonce.as_deref(), Some("5GpefxLWz3BzLmR69b4wskqeYgE5ZZ21jAvgLXNZNAe4"));
        assert_eq!(s.state.as_deref(), Some("EMi5jHoYFqicZ7frDQbdkfFa1sBK5grcXKVYRVgSYzk8"));
        assert_eq!(s.expired_at.as_deref(), Some("2025-01-27T19:21:20.504774Z"));
        // ExpiredAt and AuthRequest.exp name the same second.
        assert_eq!(s.expires_at_unix(), Some(1_738_005_680));
        assert_eq!((s.presentation_submission_format, s.validations, s.subject), (None, None, None));
        assert!(s.unknown_members.is_empty());
    }

    #[test]
    fn unknown_members_are_reported_not_refused() {
        let s = GatacaSession::parse(&STATUS.replacen("\"Id\"", "\"Region\":\"eu\",\"Id\"", 1), &L).unwrap();
        assert_eq!(s.unknown_members, ["Region"]);
        let s = GatacaSession::parse(&STATUS.replacen("\"exp\"", "\"prompt\":\"x\",\"exp\"", 1), &L).unwrap();
        assert_eq!(s.unknown_members, ["AuthRequest.prompt"]);
        let s = GatacaSession::parse(&CREATED.replacen("{", "{\"qr\":\"x\",", 1), &L).unwrap();
        assert_eq!(s.unknown_members, ["qr"]);
    }

    #[test]
    fn completed_session_keeps_the_presentation() {
        let done = STATUS
            .replace(r#""PresentationSubmission": null"#, r#""PresentationSubmission": {"verifiableCredential":[]}"#)
            .replace(r#""PresentationSubmissionFormat": """#, r#""PresentationSubmissionFormat": "ldp_vp""#)
            .replace(r#""Subject": """#, r#""Subject": "did:key:z6Mk""#);
        let s = GatacaSession::parse(&done, &L).unwrap();
        assert_eq!(s.presentation_submission.unwrap().to_json(), r#"{"verifiableCredential":[]}"#);
        assert_eq!(s.presentation_submission_format.as_deref(), Some("ldp_vp"));
        assert_eq!(s.subject.as_deref(), Some("did:key:z6Mk"));
    }

    #[test]
    fn bad_documents_are_refused_with_their_code() {
        assert_eq!(code("[]"), ErrorCode::UnexpectedJsonType);
        assert_eq!(code("{}"), ErrorCode::InvalidGatacaSession);
        assert_eq!(code(r#"{"Id":"a","authentication_request":"x"}"#), ErrorCode::InvalidGatacaSession);
        assert_eq!(
            code(&STATUS.replacen("AUFu7juZg2UgnUzaELCsWbhGQduMRzxzQaoww1aLzySN", "", 1)),
            ErrorCode::InvalidGatacaSession
        );
        assert_eq!(
            code(&STATUS.replacen("\"AUFu7juZg2UgnUzaELCsWbhGQduMRzxzQaoww1aLzySN\"", "7", 1)),
            ErrorCode::UnexpectedJsonType
        );
        // The definition of another session.
        assert_eq!(
            code(&STATUS.replacen("AUFu7juZg2UgnUzaELCsWbhGQduMRzxzQaoww1aLzySN", "other", 1)),
            ErrorCode::InvalidGatacaSession
        );
        assert_eq!(code(&STATUS.replace("2025-01-27T19:21:20.504774Z", "yesterday")), ErrorCode::InvalidDate);
        assert_eq!(
            code(&STATUS.replace(r#""Validations": null"#, r#""Validations": null, "Subject": 1"#)),
            ErrorCode::DuplicateKey
        );
        assert_eq!(code(&STATUS.replace(r#""Subject": """#, r#""Subject": 1"#)), ErrorCode::UnexpectedJsonType);
        assert_eq!(
            code(&STATUS.replace(r#""PresentationSubmission": null"#, r#""PresentationSubmission": "x""#)),
            ErrorCode::UnexpectedJsonType
        );
        assert_eq!(code(&STATUS.replace(r#""exp": 1738005680"#, r#""exp": "soon""#)), ErrorCode::UnexpectedJsonType);
        assert_eq!(
            code(&STATUS.replace(r#""nonce": "5Gpef"#, r#""nonce": ["5Gpef"#).replace("NAe4\",", "NAe4\"],")),
            ErrorCode::UnexpectedJsonType
        );
        assert_eq!(
            code(&STATUS.replace("authorization-responses/AUFu7", "authorization-responses/XUFu7")),
            ErrorCode::InvalidGatacaSession
        );
        // The create reply: the request URIs must name the definition's id.
        assert_eq!(code(&CREATED.replace("request%2F4m8T", "request%2FXm8T")), ErrorCode::InvalidGatacaSession);
        assert_eq!(code(&CREATED.replace("openid-vp://", "https://")), ErrorCode::InvalidOpenIdVpRequest);
        assert_eq!(
            code(&CREATED.replace("\"input_descriptors\"", "\"input_descriptorz\"")),
            ErrorCode::InvalidPresentationDefinition
        );
        assert_eq!(
            code(r#"{"authentication_request":"openid-vp://?client_id=x&response_type=vp_token"}"#),
            ErrorCode::MissingField
        );
        assert_eq!(code(r#"{"presentation_definition":{"id":"a","input_descriptors":[]}}"#), ErrorCode::MissingField);
        assert_eq!(code(r#"{"authentication_request":7,"presentation_definition":{}}"#), ErrorCode::UnexpectedJsonType);
    }

    #[test]
    fn an_empty_id_is_named_as_such() {
        let e = GatacaSession::parse(&STATUS.replacen("AUFu7juZg2UgnUzaELCsWbhGQduMRzxzQaoww1aLzySN", "", 1), &L);
        assert_eq!(e.unwrap_err().detail(), "Id is empty");
    }

    #[test]
    fn unknown_members_as_json() {
        let mut s = GatacaSession::parse(STATUS, &L).unwrap();
        assert_eq!(s.unknown_members_json(), "[]");
        s.unknown_members = alloc::vec![String::from("a\"b")];
        assert_eq!(s.unknown_members_json(), r#"["a\"b"]"#);
        s.unknown_members.push(String::from("c"));
        s.unknown_members.push(String::from("d"));
        assert_eq!(s.unknown_members_json(), r#"["a\"b","c","d"]"#);
    }

    #[test]
    fn token_bounds_are_inclusive() {
        let longest = "a".repeat(MAX_TOKEN_BYTES);
        assert_eq!(AccessToken::new(&longest).unwrap().token(), longest);
        let value = format!("jwt {}", "a".repeat(MAX_TOKEN_BYTES - 4));
        assert_eq!(value.len(), MAX_TOKEN_BYTES);
        assert!(AccessToken::from_authorization(&value).is_ok());
        let over = format!("jwt {}", "a".repeat(MAX_TOKEN_BYTES - 3));
        assert_eq!(AccessToken::from_authorization(&over).unwrap_err().detail(), "Authorization value is too long");
        assert_eq!(MAX_TOKEN_BYTES, 16_384);
    }

    #[test]
    fn nonce_and_state_of_a_request_uri_that_carries_them() {
        let uri = "openid-vp://?client_id=https%3A%2F%2Fv.example&response_type=vp_token&nonce=n1&state=s1&request_uri=https%3A%2F%2Fv.example%2Fr%2Fpd";
        let doc = format!(
            r#"{{"authentication_request":"{uri}","presentation_definition":{{"id":"pd","input_descriptors":[]}}}}"#
        );
        let s = GatacaSession::parse(&doc, &L).unwrap();
        assert_eq!((s.id.as_str(), s.nonce.as_deref(), s.state.as_deref()), ("pd", Some("n1"), Some("s1")));
    }

    #[test]
    fn headers() {
        assert_eq!(AccessToken::from_authorization("JWT  abc.def").unwrap().token(), "abc.def");
        for bad in ["jwt", "jwt a b", "jwt a,b", "Basic abc", "jwtabc", "jwt a\r\nX: y", "jwt =abc"] {
            assert_eq!(AccessToken::from_authorization(bad).unwrap_err().code(), ErrorCode::InvalidHeader, "{bad}");
        }
        assert_eq!(AccessToken::from_authorization("  ").unwrap_err().code(), ErrorCode::HeaderMissing);
        assert_eq!(
            AccessToken::from_login_reply(Some("t"), Some("Bearer")).unwrap_err().code(),
            ErrorCode::InvalidHeader
        );
        assert_eq!(AccessToken::from_login_reply(Some("t"), None).unwrap_err().code(), ErrorCode::HeaderMissing);
        assert_eq!(
            AccessToken::from_headers(&[("Token", "a"), ("token", "b"), ("Token_type", "jwt")]).unwrap_err().code(),
            ErrorCode::HeaderDuplicated
        );
        assert_eq!(AccessToken::new(&"a".repeat(MAX_TOKEN_BYTES + 1)).unwrap_err().code(), ErrorCode::InvalidHeader);
        assert_eq!(
            format!("{:?}", AccessToken::new("secret-token").unwrap()),
            r#"AccessToken { token: "<redacted>" }"#
        );
        let key = ApiKey::new("id", "s").unwrap();
        for bad in ["", " t", "t ", "tén", "t\tx"] {
            assert_eq!(login_headers(&key, bad, "Test").unwrap_err().code(), ErrorCode::InvalidHeader, "{bad}");
            assert_eq!(login_headers(&key, "t", bad).unwrap_err().code(), ErrorCode::InvalidHeader, "{bad}");
        }
        assert_eq!(login_headers(&key, "t", "My Template").unwrap()[2].1, "My Template".to_string());
        let h = login_headers(&key, "29KKv46fz3kZ5jvxjBqtAq9RvqJwoA2X", "Test").unwrap();
        assert_eq!(
            login_headers_json(&h),
            r#"{"Authorization":"Basic aWQ6cw==","tenant":"29KKv46fz3kZ5jvxjBqtAq9RvqJwoA2X","ssiconfig":"Test"}"#
        );
        assert_eq!(AccessToken::new("abc.def").unwrap().authorization(), "jwt abc.def");
    }
}
