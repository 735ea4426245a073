//! The JSON forms of the presentation reports (proofs, JWT credentials, `openid-vp://`
//! requests, verification-result webhooks, lint warnings, submissions, API keys) and the rules
//! that decide their verdicts. C, UniFFI and the CLI hand out exactly these bytes.

use alloc::string::String;
use alloc::vec::Vec;

use crate::json::{Number, Value};
use crate::presentation::api_key::ApiKey;
use crate::presentation::evaluate::CredentialInput;
use crate::presentation::jwt_vc::{JwtCredential, JwtKind};
use crate::presentation::lint::Warning;
use crate::presentation::openid::AuthorizationRequest;
use crate::presentation::proof::{overall, ProofCheck};
use crate::presentation::result::{VerificationResult, WebhookPayload};
use crate::presentation::submission::PresentationSubmission;
use crate::report::Report;
use crate::{Error, ErrorCode, Limits, Result};

/// `{"valid":…,"reason":…,"proofs":[{"verificationMethod","valid","reason","reading"}]}`:
/// the [`overall`] verdict first, then one entry per proof; `reading` names the message and
/// signature encoding that verified (`null` when the signature did not).
///
/// ```
/// use ssi_verify_core::presentation::report::proofs_json;
/// assert_eq!(proofs_json(&[]), r#"{"valid":true,"proofs":[]}"#);
/// ```
#[must_use]
pub fn proofs_json(checks: &[ProofCheck]) -> String {
    let proofs = checks
        .iter()
        .map(|c| {
            let reading = c.reading.map_or(Value::Null, |r| {
                Report::new().text("message", r.message.name()).text("encoding", r.encoding.name()).into_value()
            });
            Report::new()
                .text("verificationMethod", &c.verification_method)
                .flag("valid", c.verdict.is_valid())
                .code("reason", c.verdict.reason())
                .value("reading", reading)
                .into_value()
        })
        .collect();
    Report::verdict(overall(checks)).value("proofs", Value::Array(proofs)).into_json()
}

/// `{"kind":"credential"|"presentation","header":…,"claims":…,"document":…}`.
#[must_use]
pub fn jwt_json(c: &JwtCredential) -> String {
    let kind = match c.kind {
        JwtKind::Credential => "credential",
        JwtKind::Presentation => "presentation",
    };
    Report::new()
        .text("kind", kind)
        .value("header", c.header.clone())
        .value("claims", c.claims.clone())
        .value("document", c.document.clone())
        .into_json()
}

/// The `openid-vp://` request with the URI's parameter names; `other` lists the remaining
/// parameters in URI order as `{"name","value"}` objects (a name may repeat).
#[must_use]
pub fn request_json(r: &AuthorizationRequest) -> String {
    let other = r.other.iter().map(|(k, v)| Report::new().text("name", k).text("value", v).into_value()).collect();
    Report::new()
        .text("scheme", &r.scheme)
        .text("client_id", &r.client_id)
        .text("response_type", &r.response_type)
        .opt_text("response_mode", r.response_mode.as_deref())
        .opt_text("redirect_uri", r.redirect_uri.as_deref())
        .opt_text("response_uri", r.response_uri.as_deref())
        .opt_text("request_uri", r.request_uri.as_deref())
        .opt_text("scope", r.scope.as_deref())
        .opt_text("nonce", r.nonce.as_deref())
        .opt_text("state", r.state.as_deref())
        .opt_text("presentation_definition", r.presentation_definition.as_deref())
        .opt_text("presentation_definition_uri", r.presentation_definition_uri.as_deref())
        .value("other", Value::Array(other))
        .into_json()
}

/// The summary of a verification-template webhook body: `{"id","subject","status","valid":…,
/// "payload","verificationResult","unknownChecks","unknownMembers"}`, where `valid` is Gataca's
/// rule (no error in `verificationResult`), the same in every surface; `unknownChecks` are check
/// identifiers outside Gataca's vocabulary and `unknownMembers` the members this library does not
/// know (reported, not refused).
///
/// ```
/// use ssi_verify_core::presentation::{report::webhook_summary_json, result::WebhookPayload};
/// use ssi_verify_core::Limits;
/// let body = r#"{"id":"p","subject":"s","status":"REJECT","trace":"t","verificationResult":{"checks":[],"errors":["x"]}}"#;
/// let p = WebhookPayload::parse(body, &Limits::DEFAULT)?;
/// assert_eq!(webhook_summary_json(&p), r#"{"id":"p","subject":"s","status":"REJECT","valid":false,"payload":null,"verificationResult":{"checks":[],"warnings":[],"errors":["x"]},"unknownChecks":[],"unknownMembers":["trace"]}"#);
/// # Ok::<(), ssi_verify_core::Error>(())
/// ```
#[must_use]
pub fn webhook_summary_json(p: &WebhookPayload) -> String {
    let result = &p.verification_result;
    Report::new()
        .text("id", &p.id)
        .text("subject", &p.subject)
        .text("status", p.status.name())
        .flag("valid", result.is_valid())
        .value("payload", p.payload.clone().map_or(Value::Null, Value::Object))
        .value("verificationResult", result.to_value())
        .texts("unknownChecks", result.unknown_checks())
        .texts("unknownMembers", p.unknown_members.iter().map(String::as_str))
        .into_json()
}

/// Lint findings: `[{"descriptor_id","field_path","code","message"}]`.
#[must_use]
pub fn lint_json(warnings: &[Warning]) -> String {
    Value::Array(
        warnings
            .iter()
            .map(|w| {
                Report::new()
                    .text("descriptor_id", &w.descriptor_id)
                    .opt_text("field_path", w.field_path.as_deref())
                    .text("code", w.code)
                    .text("message", w.message)
                    .into_value()
            })
            .collect(),
    )
    .to_json()
}

/// `{"presentation_submission":{…},"credentials":[indexes to embed, in order]}`.
#[must_use]
pub fn submission_json(submission: &PresentationSubmission, embed: &[usize]) -> String {
    let embed = embed.iter().map(|&i| Value::Number(Number::from_u64(i as u64))).collect();
    Report::new()
        .value("presentation_submission", submission.to_value())
        .value("credentials", Value::Array(embed))
        .into_json()
}

/// What a decoded API key may show: `{"id","idIsUuid","secretLength"}` (never the secret).
#[must_use]
pub fn api_key_json(key: &ApiKey) -> String {
    Report::new()
        .text("id", key.id())
        .flag("idIsUuid", key.id_is_uuid())
        .number("secretLength", key.secret().len() as u64)
        .into_json()
}

/// Reads the credentials input every surface takes: a JSON array whose objects are JSON-LD
/// credentials and whose strings are compact JWT credentials.
///
/// ```
/// use ssi_verify_core::presentation::report::credentials_from_json;
/// use ssi_verify_core::Limits;
/// assert_eq!(credentials_from_json(r#"[{"type":["VerifiableCredential"]}]"#, &Limits::DEFAULT).unwrap().len(), 1);
/// assert!(credentials_from_json("[1]", &Limits::DEFAULT).is_err());
/// ```
///
/// # Errors
/// JSON errors, [`ErrorCode::UnexpectedJsonType`] for a non-array or an item that is neither
/// an object nor a string, and JWT decoding errors (each located at its item's index).
pub fn credentials_from_json(json: &str, limits: &Limits) -> Result<Vec<CredentialInput>> {
    let doc = Value::parse(json, limits)?;
    let items =
        doc.as_array().ok_or_else(|| Error::new(ErrorCode::UnexpectedJsonType, "credentials must be a JSON array"))?;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| match item {
            Value::Object(_) => Ok(CredentialInput::JsonLd(item.clone())),
            Value::String(token) => CredentialInput::from_jwt(token, limits).map_err(|e| e.at_index(i)),
            _ => Err(Error::new(ErrorCode::UnexpectedJsonType, "a credential is neither an object nor a JWT string")
                .at_index(i)),
        })
        .collect()
}

/// The members of an optional JSON object of extra proof members (empty text: none).
///
/// # Errors
/// JSON errors, or [`ErrorCode::UnexpectedJsonType`] when the text is not an object.
pub fn extra_proof_members(json: &str, limits: &Limits) -> Result<Vec<(String, Value)>> {
    if json.is_empty() {
        return Ok(Vec::new());
    }
    match Value::parse(json, limits)? {
        Value::Object(members) => Ok(members),
        _ => Err(Error::new(ErrorCode::UnexpectedJsonType, "extra proof members must be a JSON object")),
    }
}

/// The shared claims of a webhook payload as a JSON object, when present.
#[must_use]
pub fn payload_json(p: &WebhookPayload) -> Option<String> {
    p.payload.clone().map(|m| Value::Object(m).to_json())
}

/// Builds a verification-template webhook body; the status follows from the result
/// (`SUCCESS` exactly when valid), and the body is read back under the rules a receiver applies
/// (non-empty id, ...), so a body this returns is one a receiver accepts.
///
/// # Errors
/// [`ErrorCode::UnexpectedJsonType`] when `payload_json` is not a JSON object, JSON errors, and
/// what [`WebhookPayload::parse`] refuses.
pub fn build_webhook_json(
    id: &str,
    subject: &str,
    payload_json: Option<&str>,
    result: VerificationResult,
    limits: &Limits,
) -> Result<String> {
    let payload = match payload_json.map(|text| Value::parse(text, limits)).transpose()? {
        None => None,
        Some(Value::Object(m)) => Some(m),
        Some(_) => return Err(Error::new(ErrorCode::UnexpectedJsonType, "payload must be a JSON object")),
    };
    let body = WebhookPayload::new(id, subject, payload, result).to_json();
    WebhookPayload::parse(&body, limits)?;
    Ok(body)
}
