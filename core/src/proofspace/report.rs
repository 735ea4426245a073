//! The JSON forms of the ProofSpace reports (bearer-token checks, request checks, response
//! checks). C, UniFFI and the CLI hand out exactly these bytes.

use alloc::string::String;

use crate::jose::JwtCheck;
use crate::json::Value;
use crate::proofspace::webhook::{InteractionRequest, Mismatch};
use crate::report::Report;
use crate::Verdict;

/// `{"valid":…,"reason"?,"claims":{…}}`: a bearer token's verdict with its claims as signed.
#[must_use]
pub fn bearer_json(check: &JwtCheck) -> String {
    Report::verdict(check.verdict).value("claims", check.claims.clone()).into_json()
}

/// `{"valid":true,"actionEventId":…,"receivedCredentials":N,"unknownMembers":[…]}` for a
/// request that parsed (a request that does not parse is an error, not a report).
#[must_use]
pub fn request_json(request: &InteractionRequest) -> String {
    Report::verdict(Verdict::Valid)
        .text("actionEventId", &request.action_event_id)
        .number("receivedCredentials", request.received_credentials.len() as u64)
        .texts("unknownMembers", request.unknown_members.iter().map(String::as_str))
        .into_json()
}

/// `{"valid":…,"reason"?,"mismatches":[{"path","code","detail"}]}`: every mismatch between a
/// response and its request, not only the first.
///
/// ```
/// use ssi_verify_core::proofspace::report::check_response_json;
/// use ssi_verify_core::Verdict;
/// assert_eq!(check_response_json(Verdict::Valid, &[]), r#"{"valid":true,"mismatches":[]}"#);
/// ```
#[must_use]
pub fn check_response_json(verdict: Verdict, mismatches: &[Mismatch]) -> String {
    let items = mismatches
        .iter()
        .map(|m| {
            Report::new()
                .text("path", &m.path)
                .text("code", m.error.code().name())
                .text("detail", m.error.detail())
                .into_value()
        })
        .collect();
    Report::verdict(verdict).value("mismatches", Value::Array(items)).into_json()
}
