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
/// parameters in URI order as `{"name","value"}` objects.
#[must_use]
pub fn request_json(r: &AuthorizationRequest) -> String {
    let other =
        r.other.iter().map(|p| Report::new().text("name", &p.name).text("value", &p.value).into_value()).collect();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presentation::jwt_vc::decode_jwt_vc;
    use crate::presentation::proof::{Reading, SignatureEncoding, SignedMessage};
    use crate::presentation::result::Check;
    use crate::Verdict;

    const L: Limits = Limits::DEFAULT;

    #[test]
    fn proofs_report_each_check_and_the_first_failure() {
        let checks = [
            ProofCheck {
                verification_method: String::from("did:ex:a#1"),
                verdict: Verdict::Valid,
                reading: Some(Reading {
                    message: SignedMessage::Sha256PreHash,
                    encoding: SignatureEncoding::Base64Url,
                }),
            },
            ProofCheck {
                verification_method: String::from("did:ex:b#1"),
                verdict: Verdict::Invalid(ErrorCode::SignatureMismatch),
                reading: None,
            },
        ];
        assert_eq!(
            proofs_json(&checks),
            r#"{"valid":false,"reason":"SIGNATURE_MISMATCH","proofs":[{"verificationMethod":"did:ex:a#1","valid":true,"reason":null,"reading":{"message":"sha256(jcs)","encoding":"base64url"}},{"verificationMethod":"did:ex:b#1","valid":false,"reason":"SIGNATURE_MISMATCH","reading":null}]}"#
        );
    }

    #[test]
    fn jwt_reports_name_their_kind() {
        let token = |payload: &str| {
            alloc::format!("eyJhbGciOiJFZERTQSJ9.{}.", crate::codec::base64url_encode(payload.as_bytes()))
        };
        let vc = decode_jwt_vc(&token(r#"{"iss":"did:ex:i","vc":{"type":["VerifiableCredential"]}}"#), &L).unwrap();
        assert_eq!(
            jwt_json(&vc),
            r#"{"kind":"credential","header":{"alg":"EdDSA"},"claims":{"iss":"did:ex:i","vc":{"type":["VerifiableCredential"]}},"document":{"type":["VerifiableCredential"],"issuer":"did:ex:i"}}"#
        );
        let vp = decode_jwt_vc(&token(r#"{"vp":{"type":["VerifiablePresentation"]}}"#), &L).unwrap();
        assert_eq!(
            jwt_json(&vp),
            r#"{"kind":"presentation","header":{"alg":"EdDSA"},"claims":{"vp":{"type":["VerifiablePresentation"]}},"document":{"type":["VerifiablePresentation"]}}"#
        );
    }

    #[test]
    fn requests_keep_unknown_parameters_in_order() {
        let uri = "openid-vp://?client_id=https%3A%2F%2Fv.example&response_type=vp_token&x=1\
                   &nonce=n&request_uri=https%3A%2F%2Fv.example%2Fr&y=2&state=s";
        assert_eq!(
            request_json(&AuthorizationRequest::parse(uri, &L).unwrap()),
            r#"{"scheme":"openid-vp://","client_id":"https://v.example","response_type":"vp_token","response_mode":null,"redirect_uri":null,"response_uri":null,"request_uri":"https://v.example/r","scope":null,"nonce":"n","state":"s","presentation_definition":null,"presentation_definition_uri":null,"other":[{"name":"x","value":"1"},{"name":"y","value":"2"}]}"#
        );
    }

    #[test]
    fn lint_submission_and_api_key_reports() {
        let warnings = [
            Warning {
                descriptor_id: String::from("d"),
                field_path: Some(String::from("$.a")),
                code: "C1",
                message: "m1",
            },
            Warning { descriptor_id: String::new(), field_path: None, code: "C2", message: "m2" },
        ];
        assert_eq!(
            lint_json(&warnings),
            r#"[{"descriptor_id":"d","field_path":"$.a","code":"C1","message":"m1"},{"descriptor_id":"","field_path":null,"code":"C2","message":"m2"}]"#
        );
        assert_eq!(lint_json(&[]), "[]");
        let submission = PresentationSubmission::parse(
            r#"{"id":"s","definition_id":"pd","descriptor_map":[{"id":"a","format":"ldp_vc","path":"$.verifiableCredential[0]"}]}"#,
            &L,
        )
        .unwrap();
        assert_eq!(
            submission_json(&submission, &[2, 0]),
            r#"{"presentation_submission":{"id":"s","definition_id":"pd","descriptor_map":[{"id":"a","format":"ldp_vc","path":"$.verifiableCredential[0]"}]},"credentials":[2,0]}"#
        );
        let key = ApiKey::new("0f8fad5b-d9cb-469f-a165-70867728950e", "s3cr:et").unwrap();
        assert_eq!(
            api_key_json(&key),
            r#"{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","idIsUuid":true,"secretLength":7}"#
        );
        assert_eq!(api_key_json(&ApiKey::new("id", "x").unwrap()), r#"{"id":"id","idIsUuid":false,"secretLength":1}"#);
    }

    #[test]
    fn credentials_input_reads_objects_and_jwts() {
        let jwt = alloc::format!(
            "eyJhbGciOiJFZERTQSJ9.{}.",
            crate::codec::base64url_encode(br#"{"vc":{"type":["VerifiableCredential"]}}"#)
        );
        let list = credentials_from_json(&alloc::format!(r#"[{{"a":1}},"{jwt}"]"#), &L).unwrap();
        assert!(matches!(list[0], CredentialInput::JsonLd(_)));
        assert!(matches!(list[1], CredentialInput::Jwt { .. }));
        let e = credentials_from_json(r#"[{},"not a jwt"]"#, &L).unwrap_err();
        assert_eq!(e.location(), crate::Location::Index(1));
        let e = credentials_from_json(r#"[{},{},true]"#, &L).unwrap_err();
        assert_eq!((e.code(), e.location()), (ErrorCode::UnexpectedJsonType, crate::Location::Index(2)));
        assert_eq!(credentials_from_json("{}", &L).unwrap_err().code(), ErrorCode::UnexpectedJsonType);
    }

    #[test]
    fn extra_members_are_an_object_or_nothing() {
        assert!(extra_proof_members("", &L).unwrap().is_empty());
        let members = extra_proof_members(r#"{"domain":"d","x":[1]}"#, &L).unwrap();
        assert_eq!(members.len(), 2);
        assert_eq!(members[0].0, "domain");
        assert_eq!(extra_proof_members("[]", &L).unwrap_err().code(), ErrorCode::UnexpectedJsonType);
        assert!(extra_proof_members("{", &L).is_err());
    }

    #[test]
    fn webhook_bodies_are_built_as_receivers_read_them() {
        let mut result = VerificationResult::default();
        result.pass(Check::MatchingIds);
        let body = build_webhook_json("p1", "did:ex:s", Some(r#"{"name":"Ann"}"#), result.clone(), &L).unwrap();
        assert_eq!(
            body,
            r#"{"id":"p1","subject":"did:ex:s","status":"SUCCESS","payload":{"name":"Ann"},"verificationResult":{"checks":["matchingIds"],"warnings":[],"errors":[]}}"#
        );
        let parsed = WebhookPayload::parse(&body, &L).unwrap();
        assert_eq!(payload_json(&parsed).as_deref(), Some(r#"{"name":"Ann"}"#));
        let mut failed = result.clone();
        failed.fail("credential expired");
        let body = build_webhook_json("p1", "did:ex:s", None, failed, &L).unwrap();
        let parsed = WebhookPayload::parse(&body, &L).unwrap();
        assert_eq!(payload_json(&parsed), None);
        assert_eq!(
            webhook_summary_json(&parsed),
            r#"{"id":"p1","subject":"did:ex:s","status":"REJECT","valid":false,"payload":null,"verificationResult":{"checks":["matchingIds"],"warnings":[],"errors":["credential expired"]},"unknownChecks":[],"unknownMembers":[]}"#
        );
        let e = build_webhook_json("p1", "did:ex:s", Some("[1]"), result.clone(), &L).unwrap_err();
        assert_eq!(e.code(), ErrorCode::UnexpectedJsonType);
        assert!(build_webhook_json("p1", "did:ex:s", Some("{"), result.clone(), &L).is_err());
        // An empty id is what a receiver refuses, so the builder refuses it too.
        assert_eq!(
            build_webhook_json("", "did:ex:s", None, result, &L).unwrap_err().code(),
            ErrorCode::InvalidFieldValue
        );
    }
}
