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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{Error, ErrorCode};
    use crate::limits::Limits;
    use alloc::string::ToString as _;

    #[test]
    fn bearer_report_carries_the_verdict_and_the_claims_as_signed() {
        let check = JwtCheck {
            verdict: Verdict::Invalid(ErrorCode::JwtExpired),
            header: Value::parse(r#"{"alg":"HS256"}"#, &Limits::DEFAULT).unwrap(),
            claims: Value::parse(r#"{"sub":"a","exp":1}"#, &Limits::DEFAULT).unwrap(),
        };
        assert_eq!(bearer_json(&check), r#"{"valid":false,"reason":"JWT_EXPIRED","claims":{"sub":"a","exp":1}}"#);
    }

    #[test]
    fn request_report_counts_credentials_and_lists_unknown_members() {
        let body = include_str!("../../../samples/proofspace/webhook-request.json");
        let with_extra = body.replacen('{', r#"{"extra":1,"#, 1);
        let request = InteractionRequest::parse(&with_extra, &Limits::DEFAULT).unwrap();
        assert_eq!(
            request_json(&request),
            r#"{"valid":true,"actionEventId":"ev1","receivedCredentials":1,"unknownMembers":["extra"]}"#
        );
    }

    #[test]
    fn response_report_lists_every_mismatch_in_order() {
        let mismatches = [
            Mismatch { path: "serviceDid".to_string(), error: Error::new(ErrorCode::ResponseMismatch, "differs") },
            Mismatch {
                path: "issuedCredentials[1].fields.Age".to_string(),
                error: Error::code_only(ErrorCode::InvalidFieldValue),
            },
        ];
        let json = check_response_json(Verdict::Invalid(ErrorCode::ResponseMismatch), &mismatches);
        let want = alloc::format!(
            r#"{{"valid":false,"reason":"RESPONSE_MISMATCH","mismatches":[{{"path":"serviceDid","code":"RESPONSE_MISMATCH","detail":"differs"}},{{"path":"issuedCredentials[1].fields.Age","code":"INVALID_FIELD_VALUE","detail":"{}"}}]}}"#,
            ErrorCode::InvalidFieldValue.message()
        );
        assert_eq!(json, want);
    }
}
