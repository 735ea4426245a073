//! Webhook documents: the interaction webhook request and its response, failure replies,
//! credentials-issued and issuing-failed bodies, endpoint URLs and the public-key reply.
//!
//! Parsing is strict about what the documents define (required members present, every field
//! value a JSON string, no duplicate member names) and reports, rather than silently drops,
//! members it does not know: ProofSpace adds fields over time (`containerPrefix` appeared after
//! the first published text), so an unknown member is listed in `unknown_members` for the
//! caller to log, not treated as an error.

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::crypto::PublicKey;
use crate::error::{Error, ErrorCode, Result};
use crate::json::{try_map_items, Number, ObjectReader, Shape, Value};
use crate::limits::Limits;
use crate::proofspace::auth::parse_public_key;
use crate::proofspace::request_view::{CredentialView, FieldView, RequestView};
use crate::proofspace::values::{validate_credential, CredentialSchema, NameValue};
use crate::uri::Uri;
use crate::Verdict;

fn missing(detail: &'static str) -> Error {
    Error::new(ErrorCode::MissingField, detail)
}

fn wrong_type(detail: &'static str) -> Error {
    Error::new(ErrorCode::UnexpectedJsonType, detail)
}

/// A required, non-empty string member.
fn id(o: &mut ObjectReader<'_>, key: &str, detail: &'static str) -> Result<String> {
    let s = o.req_str(key, detail)?;
    if s.is_empty() {
        return Err(Error::new(ErrorCode::InvalidFieldValue, detail));
    }
    Ok(String::from(s))
}

fn name_values(items: &[Value], detail: &'static str) -> Result<Vec<NameValue>> {
    try_map_items(items, |i, item| {
        let pair = item.as_object().ok_or_else(|| wrong_type(detail).at_index(i))?;
        let mut name = None;
        let mut value = None;
        for (k, v) in pair {
            let slot = match k.as_str() {
                "name" => &mut name,
                "value" => &mut value,
                _ => {
                    return Err(
                        Error::new(ErrorCode::UnknownField, "name/value pairs hold only name and value").at_index(i)
                    )
                }
            };
            // The webhook API requires every field value to be a JSON string.
            *slot = Some(String::from(v.as_str().ok_or_else(|| {
                Error::new(ErrorCode::UnexpectedJsonType, "field names and values must be JSON strings").at_index(i)
            })?));
        }
        match (name, value) {
            (Some(name), Some(value)) => Ok(NameValue { name, value }),
            _ => Err(Error::new(ErrorCode::MissingField, "a name/value pair lacks name or value").at_index(i)),
        }
    })
}

fn name_values_json(items: &[NameValue]) -> Value {
    Value::Array(
        items
            .iter()
            .map(|nv| {
                Value::Object(alloc::vec![
                    (String::from("name"), Value::String(nv.name.clone())),
                    (String::from("value"), Value::String(nv.value.clone())),
                ])
            })
            .collect(),
    )
}

fn member(name: &str, value: Value) -> (String, Value) {
    (String::from(name), value)
}

fn string(s: &str) -> Value {
    Value::String(String::from(s))
}

/// A credential as webhooks carry it (`WebhookCredentialValuesDTO`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credential {
    /// Credential definition id, e.g. `FhnK3hGQ6EeQHKztiHJ6pu:3:CL:649:tag`.
    pub credential_id: String,
    /// Schema id, e.g. `FhnK3hGQ6EeQHKztiHJ6pu:2:Example Secret Access:1.0`.
    pub schema_id: String,
    /// The attribute values, all strings on the wire.
    pub fields: Vec<NameValue>,
    /// Issue time in milliseconds since the epoch, if given.
    pub utc_issued_at: Option<u64>,
    /// Whether the credential is revoked, if given.
    pub revoked: Option<bool>,
    /// Revocation time in milliseconds, if given.
    pub utc_revoked_at: Option<u64>,
}

impl Credential {
    /// A credential with fields and no timestamps.
    #[must_use]
    pub fn new(credential_id: &str, schema_id: &str, fields: Vec<NameValue>) -> Self {
        Self {
            credential_id: String::from(credential_id),
            schema_id: String::from(schema_id),
            fields,
            utc_issued_at: None,
            revoked: None,
            utc_revoked_at: None,
        }
    }

    /// Whether this is a postponed issue (a credential with no fields).
    #[must_use]
    pub fn is_postponed(&self) -> bool {
        self.fields.is_empty()
    }

    fn parse(v: &Value, index: usize, unknown: &mut Vec<String>) -> Result<Self> {
        let at = |e: Error| e.at_index(index);
        let mut o = ObjectReader::new(v, Shape::FIELDS, "a credential must be a JSON object").map_err(at)?;
        let c = Credential {
            credential_id: id(&mut o, "credentialId", "credentialId must be a non-empty string").map_err(at)?,
            schema_id: id(&mut o, "schemaId", "schemaId must be a non-empty string").map_err(at)?,
            fields: name_values(
                o.req_array("fields", "fields must be an array").map_err(at)?,
                "fields hold {name, value} objects",
            )?,
            utc_issued_at: o.opt_u64("utcIssuedAt", "utcIssuedAt must be a non-negative integer").map_err(at)?,
            revoked: o.opt_bool("revoked", "revoked must be a boolean").map_err(at)?,
            utc_revoked_at: o.opt_u64("utcRevokedAt", "utcRevokedAt must be a non-negative integer").map_err(at)?,
        };
        unknown.extend(o.unknown_names(&format!("credentials[{index}].")));
        Ok(c)
    }

    fn to_value(&self) -> Value {
        let mut m = alloc::vec![
            member("credentialId", string(&self.credential_id)),
            member("schemaId", string(&self.schema_id)),
            member("fields", name_values_json(&self.fields)),
        ];
        if let Some(t) = self.utc_issued_at {
            m.push(member("utcIssuedAt", Value::Number(Number::from_u64(t))));
        }
        if let Some(r) = self.revoked {
            m.push(member("revoked", Value::Bool(r)));
        }
        if let Some(t) = self.utc_revoked_at {
            m.push(member("utcRevokedAt", Value::Number(Number::from_u64(t))));
        }
        Value::Object(m)
    }
}

fn credentials(items: &[Value], unknown: &mut Vec<String>) -> Result<Vec<Credential>> {
    try_map_items(items, |i, v| Credential::parse(v, i, unknown))
}

fn parse_doc(json: &str, limits: &Limits) -> Result<Value> {
    Value::parse(json, limits)
}

/// The interaction webhook request ProofSpace sends while a user performs an interaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InteractionRequest {
    /// `containerPrefix`, if present.
    pub container_prefix: Option<String>,
    /// The service's public DID.
    pub public_service_did: String,
    /// The user's connect DID.
    pub subscriber_connect_did: String,
    /// Interaction id from the dashboard.
    pub action_id: String,
    /// Interaction instance id.
    pub action_instance_id: String,
    /// Event id (unique for the service).
    pub action_event_id: String,
    /// Instance parameters.
    pub action_params: Vec<NameValue>,
    /// Credentials the user shared.
    pub received_credentials: Vec<Credential>,
    /// Members this library does not know, as `path.name` (reported, not used).
    pub unknown_members: Vec<String>,
}

impl InteractionRequest {
    /// Parses and validates a request body: [`RequestView::parse`] with owned copies.
    ///
    /// # Errors
    /// JSON and limit errors, [`ErrorCode::MissingField`], [`ErrorCode::UnexpectedJsonType`]
    /// (e.g. a field value that is not a string), [`ErrorCode::InvalidFieldValue`] (empty ids).
    pub fn parse(json: &str, limits: &Limits) -> Result<Self> {
        RequestView::parse(json, limits).map(Self::from)
    }

    /// The value of an instance parameter.
    #[must_use]
    pub fn param(&self, name: &str) -> Option<&str> {
        self.action_params.iter().find(|p| p.name == name).map(|p| p.value.as_str())
    }
}

fn owned_fields(fields: Vec<FieldView<'_>>) -> Vec<NameValue> {
    fields.into_iter().map(|f| NameValue { name: f.name.into_owned(), value: f.value.into_owned() }).collect()
}

impl From<CredentialView<'_>> for Credential {
    fn from(c: CredentialView<'_>) -> Self {
        Credential {
            credential_id: c.credential_id.into_owned(),
            schema_id: c.schema_id.into_owned(),
            fields: owned_fields(c.fields),
            utc_issued_at: c.utc_issued_at,
            revoked: c.revoked,
            utc_revoked_at: c.utc_revoked_at,
        }
    }
}

/// The owned copy of a request read in place.
impl From<RequestView<'_>> for InteractionRequest {
    fn from(v: RequestView<'_>) -> Self {
        InteractionRequest {
            container_prefix: v.container_prefix.map(alloc::borrow::Cow::into_owned),
            public_service_did: v.public_service_did.into_owned(),
            subscriber_connect_did: v.subscriber_connect_did.into_owned(),
            action_id: v.action_id.into_owned(),
            action_instance_id: v.action_instance_id.into_owned(),
            action_event_id: v.action_event_id.into_owned(),
            action_params: owned_fields(v.action_params),
            received_credentials: v.received_credentials.into_iter().map(Credential::from).collect(),
            unknown_members: v.unknown_members,
        }
    }
}

/// The webhook's success response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InteractionResponse {
    /// Must equal the request's `publicServiceDid`.
    pub service_did: String,
    /// Must equal the request's `subscriberConnectDid`.
    pub subscriber_connect_did: String,
    /// Must equal the request's `actionEventId`.
    pub action_event_id: String,
    /// Issued credentials; a credential without fields postpones its issue.
    pub issued_credentials: Vec<Credential>,
    /// Revoked credentials (kept as given; ProofSpace does not use them).
    pub revoked_credentials: Vec<Value>,
    /// The `ok` flag, when present (the official examples send `true`).
    pub ok: Option<bool>,
    /// Members this library does not know.
    pub unknown_members: Vec<String>,
}

impl InteractionResponse {
    /// A response that answers `request`, issuing `issued` now.
    #[must_use]
    pub fn answering(request: &InteractionRequest, issued: Vec<Credential>) -> Self {
        Self {
            service_did: request.public_service_did.clone(),
            subscriber_connect_did: request.subscriber_connect_did.clone(),
            action_event_id: request.action_event_id.clone(),
            issued_credentials: issued,
            revoked_credentials: Vec::new(),
            ok: Some(true),
            unknown_members: Vec::new(),
        }
    }

    /// A response that postpones issuing the credentials `(credentialId, schemaId)`: each is
    /// returned with empty fields, to be issued later through the credentials-issued webhook.
    #[must_use]
    pub fn postponing(request: &InteractionRequest, credentials: &[(&str, &str)]) -> Self {
        let issued = credentials.iter().map(|(c, s)| Credential::new(c, s, Vec::new())).collect();
        Self::answering(request, issued)
    }

    /// Parses a response body.
    ///
    /// # Errors
    /// As [`InteractionRequest::parse`].
    pub fn parse(json: &str, limits: &Limits) -> Result<Self> {
        let doc = parse_doc(json, limits)?;
        let mut unknown = Vec::new();
        let mut o = ObjectReader::new(&doc, Shape::FIELDS, "the response must be a JSON object")?;
        let resp = InteractionResponse {
            service_did: id(&mut o, "serviceDid", "serviceDid must be a non-empty string")?,
            subscriber_connect_did: id(
                &mut o,
                "subscriberConnectDid",
                "subscriberConnectDid must be a non-empty string",
            )?,
            action_event_id: id(&mut o, "actionEventId", "actionEventId must be a non-empty string")?,
            issued_credentials: credentials(
                o.req_array("issuedCredentials", "issuedCredentials must be an array")?,
                &mut unknown,
            )?,
            revoked_credentials: o
                .opt_array("revokedCredentials", "revokedCredentials must be an array")?
                .unwrap_or(&[])
                .to_vec(),
            ok: o.opt_bool("ok", "ok must be a boolean")?,
            unknown_members: Vec::new(),
        };
        unknown.extend(o.unknown_names(""));
        Ok(InteractionResponse { unknown_members: unknown, ..resp })
    }

    /// The response as compact JSON (the body to send, and to sign).
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut m = alloc::vec![
            member("serviceDid", string(&self.service_did)),
            member("subscriberConnectDid", string(&self.subscriber_connect_did)),
            member("actionEventId", string(&self.action_event_id)),
            member(
                "issuedCredentials",
                Value::Array(self.issued_credentials.iter().map(Credential::to_value).collect())
            ),
            member("revokedCredentials", Value::Array(self.revoked_credentials.clone())),
        ];
        if let Some(ok) = self.ok {
            m.push(member("ok", Value::Bool(ok)));
        }
        Value::Object(m).to_json()
    }
}

/// One way a response fails to answer its request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// Where: `serviceDid`, `issuedCredentials[1].fields.Age`, ...
    pub path: String,
    /// What is wrong.
    pub error: Error,
}

/// Checks a response against the request it answers and reports every mismatch: the three
/// echoed ids, `ok: false` on a success response, duplicate credentials, and, when `schemas`
/// (schemaId → schema) knows a credential's schema, every bad field of it.
///
/// # Errors
/// None today; the `Result` leaves room for checks that can fail to run.
pub fn check_response(
    request: &InteractionRequest,
    response: &InteractionResponse,
    schemas: &BTreeMap<String, CredentialSchema>,
) -> Result<(Verdict, Vec<Mismatch>)> {
    let mut out = Vec::new();
    let mut echo = |path: &str, got: &str, want: &str, detail: &'static str| {
        if got != want {
            out.push(Mismatch { path: String::from(path), error: Error::new(ErrorCode::ResponseMismatch, detail) });
        }
    };
    echo("serviceDid", &response.service_did, &request.public_service_did, "serviceDid differs from publicServiceDid");
    echo(
        "subscriberConnectDid",
        &response.subscriber_connect_did,
        &request.subscriber_connect_did,
        "subscriberConnectDid differs from the request",
    );
    echo(
        "actionEventId",
        &response.action_event_id,
        &request.action_event_id,
        "actionEventId differs from the request",
    );
    if response.ok == Some(false) {
        out.push(Mismatch {
            path: String::from("ok"),
            error: Error::new(ErrorCode::ResponseMismatch, "a success response must not say ok:false"),
        });
    }
    for (i, c) in response.issued_credentials.iter().enumerate() {
        if response.issued_credentials.iter().take(i).any(|o| o.credential_id == c.credential_id) {
            out.push(Mismatch {
                path: format!("issuedCredentials[{i}]"),
                error: Error::new(ErrorCode::DuplicateKey, "credential issued twice in one response"),
            });
        }
        if let Some(schema) = schemas.get(&c.schema_id) {
            for issue in validate_credential(schema, &c.fields) {
                out.push(Mismatch {
                    path: format!("issuedCredentials[{i}].fields.{}", issue.field),
                    error: issue.error,
                });
            }
        }
    }
    let verdict = Verdict::from_bool(out.is_empty(), ErrorCode::ResponseMismatch);
    Ok((verdict, out))
}

/// A generic reply: `{"protocolVersion":1,"ok":...,"error":{"message":...,"details":...}}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    /// `protocolVersion` (1 when absent).
    pub protocol_version: u64,
    /// Whether the call succeeded.
    pub ok: bool,
    /// The error message, from `error.message`, a top-level `message` or `errorMessage`.
    pub message: Option<String>,
    /// `error.details`, if any.
    pub details: Option<String>,
}

/// The failure reply a webhook sends to fail an event.
///
/// ```
/// use ssi_verify_core::proofspace::webhook::failure_reply;
/// assert_eq!(failure_reply("not allowed", None), r#"{"protocolVersion":1,"ok":false,"error":{"message":"not allowed"}}"#);
/// ```
#[must_use]
pub fn failure_reply(message: &str, details: Option<&str>) -> String {
    let mut error = alloc::vec![member("message", string(message))];
    if let Some(d) = details {
        error.push(member("details", string(d)));
    }
    Value::Object(alloc::vec![
        member("protocolVersion", Value::Number(Number::from_u64(1))),
        member("ok", Value::Bool(false)),
        member("error", Value::Object(error)),
    ])
    .to_json()
}

/// Parses a reply in the documented shape or in the other shape seen in the wild
/// (`{"ok":false,"type":"failure","message":...}`, or `errorMessage`).
///
/// # Errors
/// JSON errors, [`ErrorCode::MissingField`] without `ok`, [`ErrorCode::UnexpectedJsonType`].
pub fn parse_reply(json: &str, limits: &Limits) -> Result<Reply> {
    let doc = parse_doc(json, limits)?;
    let mut o = ObjectReader::new(&doc, Shape::FIELDS, "the reply must be a JSON object")?;
    let ok = o.opt_bool("ok", "ok must be a boolean")?.ok_or_else(|| missing("ok is required"))?;
    let protocol_version = o.opt_u64("protocolVersion", "protocolVersion must be an integer")?.unwrap_or(1);
    let (mut message, mut details) = (None, None);
    if let Some(err) = o.get("error") {
        let mut e = ObjectReader::new(err, Shape::FIELDS, "error must be an object")?;
        message = e.opt_str("message", "error.message must be a string")?.map(String::from);
        details = e.opt_str("details", "error.details must be a string")?.map(String::from);
    }
    if message.is_none() {
        message = o.opt_str("message", "message must be a string")?.map(String::from);
    }
    if message.is_none() {
        message = o.opt_str("errorMessage", "errorMessage must be a string")?.map(String::from);
    }
    Ok(Reply { protocol_version, ok, message, details })
}

/// What started the event a credentials webhook reports on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// The user started it in the app; the id is the interaction webhook's `actionEventId`.
    App {
        /// `subscriberEventId`.
        subscriber_event_id: String,
    },
    /// The service pushed it (incoming push); names the interaction template.
    Push {
        /// `actionTemplate`.
        action_template: String,
        /// `actionParams`, if any.
        action_params: Vec<NameValue>,
    },
}

fn trigger(o: &mut ObjectReader<'_>) -> Result<Trigger> {
    let event = o.opt_str("subscriberEventId", "subscriberEventId must be a string")?.map(String::from);
    let template = o.opt_str("actionTemplate", "actionTemplate must be a string")?.map(String::from);
    let params = o.opt_array("actionParams", "actionParams must be an array")?.unwrap_or(&[]);
    match (event, template) {
        (Some(e), None) if !e.is_empty() && params.is_empty() => Ok(Trigger::App { subscriber_event_id: e }),
        (None, Some(t)) if !t.is_empty() => Ok(Trigger::Push {
            action_template: t,
            action_params: name_values(params, "actionParams hold {name, value} objects")?,
        }),
        (Some(_), Some(_)) => Err(Error::new(
            ErrorCode::InvalidFieldValue,
            "subscriberEventId (app-triggered) and actionTemplate (push) exclude each other",
        )),
        _ => Err(missing("either subscriberEventId (app-triggered) or actionTemplate (push) is required")),
    }
}

fn trigger_members(t: &Trigger, m: &mut Vec<(String, Value)>) {
    match t {
        Trigger::App { subscriber_event_id } => m.push(member("subscriberEventId", string(subscriber_event_id))),
        Trigger::Push { action_template, action_params } => {
            m.push(member("actionTemplate", string(action_template)));
            if !action_params.is_empty() {
                m.push(member("actionParams", name_values_json(action_params)));
            }
        }
    }
}

/// The credentials-issued body a third party sends to ProofSpace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CredentialsIssued {
    /// The issuing service's DID.
    pub service_did: String,
    /// The user's connect DID.
    pub subscriber_connect_did: String,
    /// App-triggered or pushed.
    pub trigger: Trigger,
    /// The credentials, with their fields.
    pub credentials: Vec<Credential>,
    /// Issue time in milliseconds since the epoch.
    pub issued_at: u64,
    /// Members this library does not know.
    pub unknown_members: Vec<String>,
}

impl CredentialsIssued {
    /// The body as compact JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut m = alloc::vec![
            member("serviceDid", string(&self.service_did)),
            member("subscriberConnectDid", string(&self.subscriber_connect_did)),
        ];
        trigger_members(&self.trigger, &mut m);
        m.push(member("credentials", Value::Array(self.credentials.iter().map(Credential::to_value).collect())));
        m.push(member("revokedCredentials", Value::Array(Vec::new())));
        m.push(member("issuedAt", Value::Number(Number::from_u64(self.issued_at))));
        m.push(member("ok", Value::Bool(true)));
        Value::Object(m).to_json()
    }

    /// Parses and validates a body (credentials must carry fields: an issue is not a postponement).
    ///
    /// # Errors
    /// As [`InteractionRequest::parse`], and [`ErrorCode::InvalidFieldValue`] for a credential
    /// without fields or an empty list.
    pub fn parse(json: &str, limits: &Limits) -> Result<Self> {
        let doc = parse_doc(json, limits)?;
        let mut unknown = Vec::new();
        let mut o = ObjectReader::new(&doc, Shape::FIELDS, "the body must be a JSON object")?;
        let service_did = id(&mut o, "serviceDid", "serviceDid must be a non-empty string")?;
        let subscriber_connect_did =
            id(&mut o, "subscriberConnectDid", "subscriberConnectDid must be a non-empty string")?;
        let trigger = trigger(&mut o)?;
        let creds = credentials(o.req_array("credentials", "credentials must be an array")?, &mut unknown)?;
        if creds.is_empty() || creds.iter().any(Credential::is_postponed) {
            return Err(Error::new(ErrorCode::InvalidFieldValue, "credentials-issued needs credentials with fields"));
        }
        let issued_at = o
            .opt_u64("issuedAt", "issuedAt must be a non-negative integer")?
            .ok_or_else(|| missing("issuedAt is required"))?;
        // Sent by the official example; carry no information here.
        o.get("revokedCredentials");
        o.get("ok");
        unknown.extend(o.unknown_names(""));
        Ok(Self {
            service_did,
            subscriber_connect_did,
            trigger,
            credentials: creds,
            issued_at,
            unknown_members: unknown,
        })
    }
}

/// The credentials-issuing-failed body a third party sends to ProofSpace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CredentialsIssuingFailed {
    /// The issuing service's DID.
    pub service_did: String,
    /// The user's connect DID.
    pub subscriber_connect_did: String,
    /// App-triggered or pushed.
    pub trigger: Trigger,
    /// Why issuing failed (shown to the user for pushes).
    pub error_message: String,
    /// The credential definition ids that failed.
    pub credentials_ids: Vec<String>,
    /// Members this library does not know.
    pub unknown_members: Vec<String>,
}

impl CredentialsIssuingFailed {
    /// The body as compact JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut m = alloc::vec![
            member("serviceDid", string(&self.service_did)),
            member("subscriberConnectDid", string(&self.subscriber_connect_did)),
            member("errorMessage", string(&self.error_message)),
            member("credentialsIds", Value::Array(self.credentials_ids.iter().map(|s| string(s)).collect())),
        ];
        trigger_members(&self.trigger, &mut m);
        Value::Object(m).to_json()
    }

    /// Parses and validates a body.
    ///
    /// # Errors
    /// As [`InteractionRequest::parse`]; an empty `errorMessage` is [`ErrorCode::InvalidFieldValue`].
    pub fn parse(json: &str, limits: &Limits) -> Result<Self> {
        let doc = parse_doc(json, limits)?;
        let mut unknown = Vec::new();
        let mut o = ObjectReader::new(&doc, Shape::FIELDS, "the body must be a JSON object")?;
        let service_did = id(&mut o, "serviceDid", "serviceDid must be a non-empty string")?;
        let subscriber_connect_did =
            id(&mut o, "subscriberConnectDid", "subscriberConnectDid must be a non-empty string")?;
        let error_message = id(&mut o, "errorMessage", "errorMessage must be a non-empty string")?;
        let credentials_ids = o
            .req_array("credentialsIds", "credentialsIds must be an array")?
            .iter()
            .map(|v| v.as_str().map(String::from).ok_or_else(|| wrong_type("credentialsIds hold strings")))
            .collect::<Result<Vec<_>>>()?;
        let trigger = trigger(&mut o)?;
        // Internal add-on output of ProofSpace's own DTO; accepted, not interpreted.
        o.get("integrationOutput");
        unknown.extend(o.unknown_names(""));
        Ok(Self {
            service_did,
            subscriber_connect_did,
            trigger,
            error_message,
            credentials_ids,
            unknown_members: unknown,
        })
    }
}

/// The dashboard endpoints a third party calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Endpoint {
    /// `.../webhook-accept/credentials-issued`
    CredentialsIssued,
    /// `.../webhook-accept/credentials-issuing-failed`
    CredentialsIssuingFailed,
}

/// Longest accepted container root URL, in bytes (a configuration value, not a document).
const MAX_ROOT_URL_LEN: usize = 2048;

/// The container root ([`crate::uri`]): `http` or `https` with a host, no query or fragment
/// (paths are appended to it), at most [`MAX_ROOT_URL_LEN`] bytes.
fn check_root(root: &str) -> Result<&str> {
    let uri = Uri::parse(root, MAX_ROOT_URL_LEN).map_err(|e| e.error(ErrorCode::InvalidFieldValue))?;
    if !uri.scheme_is("https") && !uri.scheme_is("http") {
        return Err(Error::new(ErrorCode::InvalidFieldValue, "container root must be an http(s) URL"));
    }
    if uri.network_authority().is_err() || uri.query.is_some() || uri.fragment.is_some() {
        return Err(Error::new(ErrorCode::InvalidFieldValue, "container root must be a plain http(s) URL"));
    }
    Ok(root.trim_end_matches('/'))
}

fn check_segment<'s>(s: &'s str, detail: &'static str) -> Result<&'s str> {
    // Segments are used verbatim; anything that would need escaping is refused, not escaped.
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_alphanumeric() || b":-._~".contains(&b)) {
        return Err(Error::new(ErrorCode::InvalidFieldValue, detail));
    }
    Ok(s)
}

/// `<root>/service/<serviceDid>/webhook-accept/credentials-issued` (or `-issuing-failed`).
///
/// ```
/// use ssi_verify_core::proofspace::webhook::{webhook_url, Endpoint};
/// assert_eq!(
///     webhook_url("https://platform.proofspace.id/", "FhnK3hGQ6EeQHKztiHJ6pu", Endpoint::CredentialsIssued).unwrap(),
///     "https://platform.proofspace.id/service/FhnK3hGQ6EeQHKztiHJ6pu/webhook-accept/credentials-issued");
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidFieldValue`] for a root that is not a plain http(s) URL or a DID with
/// characters that would need escaping.
pub fn webhook_url(root: &str, service_did: &str, endpoint: Endpoint) -> Result<String> {
    let leaf = match endpoint {
        Endpoint::CredentialsIssued => "credentials-issued",
        Endpoint::CredentialsIssuingFailed => "credentials-issuing-failed",
    };
    Ok(format!(
        "{}/service/{}/webhook-accept/{leaf}",
        check_root(root)?,
        check_segment(service_did, "service DID must be URL-safe")?
    ))
}

/// `<root>/service/<serviceDid>/public-info/public-key/<keyName>` (the default key is `default`).
///
/// # Errors
/// As [`webhook_url`].
pub fn public_key_url(root: &str, service_did: &str, key_name: &str) -> Result<String> {
    Ok(format!(
        "{}/service/{}/public-info/public-key/{}",
        check_root(root)?,
        check_segment(service_did, "service DID must be URL-safe")?,
        check_segment(key_name, "key name must be URL-safe")?
    ))
}

/// The public-key endpoint's reply: `{"name":"default","publicKey":"-----BEGIN PUBLIC KEY-----..."}`.
#[derive(Clone, Debug)]
pub struct PublicKeyReply {
    /// The key name.
    pub name: String,
    /// The parsed key (RSA 2048 to 4096 bits, or Ed25519).
    pub key: PublicKey,
}

/// Parses the public-key endpoint's reply.
///
/// # Errors
/// JSON errors, [`ErrorCode::MissingField`], key errors.
pub fn parse_public_key_reply(json: &str, limits: &Limits) -> Result<PublicKeyReply> {
    let doc = parse_doc(json, limits)?;
    let mut o = ObjectReader::new(&doc, Shape::FIELDS, "the reply must be a JSON object")?;
    let name = id(&mut o, "name", "name must be a non-empty string")?;
    let pem = id(&mut o, "publicKey", "publicKey must be a PEM string")?;
    Ok(PublicKeyReply { name, key: parse_public_key(&pem)? })
}

#[cfg(test)]
mod tests;
