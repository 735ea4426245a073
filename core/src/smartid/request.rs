//! The request documents of `verify-auth` and `verify-sign`: what the RP sent when it started
//! the session, as JSON (the same document on every surface: CLI file, C and UniFFI string).
//!
//! ```text
//! auth: schemeName, rpChallenge, relyingPartyName, [brokeredRpName], interactions,
//!       [initialCallbackUrl], offeredFlows, [userChallengeVerifier], [certificateLevel],
//!       [semanticsIdentifier], [documentNumber]
//! sign: [schemeName], digest, hashAlgorithm, [relyingPartyName], interactions, [certificateLevel],
//!       [semanticsIdentifier], [documentNumber]
//! ```
//! Unknown members are refused. `schemeName` and `relyingPartyName` are accepted in the sign
//! document because they were sent, but RAW_DIGEST_SIGNATURE does not sign them.

use alloc::vec::Vec;

use crate::error::{Error, ErrorCode, Result};
use crate::json::{ObjectExt as _, Value};
use crate::limits::Limits;
use crate::smartid::acsp::FlowType;
use crate::smartid::session::{verify_auth_session, verify_sign_session, AuthRequest, SignRequest};
use crate::smartid::trust::{CertificateLevel, ExpectedPerson, SessionReport, Trust};

const AUTH_FIELDS: &[&str] = &[
    "schemeName",
    "rpChallenge",
    "relyingPartyName",
    "brokeredRpName",
    "interactions",
    "initialCallbackUrl",
    "offeredFlows",
    "userChallengeVerifier",
    "certificateLevel",
    "semanticsIdentifier",
    "documentNumber",
];

const SIGN_FIELDS: &[&str] = &[
    "schemeName",
    "digest",
    "hashAlgorithm",
    "relyingPartyName",
    "interactions",
    "certificateLevel",
    "semanticsIdentifier",
    "documentNumber",
];

fn check_members(doc: &Value, allowed: &[&str]) -> Result<()> {
    let members = doc
        .as_object()
        .ok_or_else(|| Error::new(ErrorCode::UnexpectedJsonType, "the request document must be a JSON object"))?;
    if members.iter().any(|(k, _)| !allowed.contains(&k.as_str())) {
        return Err(Error::new(
            ErrorCode::UnknownField,
            "the request document has a member this command does not define",
        ));
    }
    Ok(())
}

fn level(doc: &Value) -> Result<Option<CertificateLevel>> {
    doc.opt_str("certificateLevel", "certificateLevel must be a string")?
        .map(|l| {
            CertificateLevel::from_name(l).ok_or_else(|| {
                Error::new(ErrorCode::InvalidFieldValue, "certificateLevel must be ADVANCED or QUALIFIED")
            })
        })
        .transpose()
}

fn person(doc: &Value) -> Result<ExpectedPerson<'_>> {
    Ok(ExpectedPerson {
        semantics_identifier: doc.opt_str("semanticsIdentifier", "semanticsIdentifier must be a string")?,
        document_number: doc.opt_str("documentNumber", "documentNumber must be a string")?,
    })
}

/// Verifies an authentication session-status response against the request document (see the
/// module docs) with [`verify_auth_session`].
///
/// ```
/// use ssi_verify_core::smartid::{verify_auth_json, Trust};
/// use ssi_verify_core::{ErrorCode, Limits};
/// let err = verify_auth_json(r#"{"bogus":1}"#, "{}", &Trust::SignatureOnly, &Limits::DEFAULT).unwrap_err();
/// assert_eq!(err.code(), ErrorCode::UnknownField);
/// ```
///
/// # Errors
/// JSON and field errors of either document, then as [`verify_auth_session`].
pub fn verify_auth_json(
    request_json: &str,
    status_json: &str,
    trust: &Trust<'_>,
    limits: &Limits,
) -> Result<SessionReport> {
    let doc = Value::parse(request_json, limits)?;
    check_members(&doc, AUTH_FIELDS)?;
    let flows = doc
        .get("offeredFlows")
        .ok_or_else(|| Error::new(ErrorCode::MissingField, "offeredFlows is required"))?
        .as_array()
        .ok_or_else(|| Error::new(ErrorCode::UnexpectedJsonType, "offeredFlows must be an array"))?;
    if flows.len() > 4 {
        return Err(Error::new(ErrorCode::InvalidFieldValue, "offeredFlows lists at most the four flow types"));
    }
    let flows = flows
        .iter()
        .map(|f| {
            f.as_str()
                .and_then(FlowType::from_name)
                .ok_or_else(|| Error::new(ErrorCode::InvalidFieldValue, "offeredFlows: unknown flow type"))
        })
        .collect::<Result<Vec<_>>>()?;
    let req = AuthRequest {
        scheme_name: doc.req_str("schemeName", "schemeName is required")?,
        rp_challenge: doc.req_str("rpChallenge", "rpChallenge is required")?,
        relying_party_name: doc.req_str("relyingPartyName", "relyingPartyName is required")?,
        brokered_rp_name: doc.opt_str("brokeredRpName", "brokeredRpName must be a string")?,
        interactions: doc.req_str("interactions", "interactions is required")?,
        initial_callback_url: doc.opt_str("initialCallbackUrl", "initialCallbackUrl must be a string")?,
        offered_flows: &flows,
        user_challenge_verifier: doc.opt_str("userChallengeVerifier", "userChallengeVerifier must be a string")?,
        certificate_level: level(&doc)?,
        person: person(&doc)?,
    };
    verify_auth_session(&req, status_json, trust, limits)
}

/// Verifies a signature session-status response over `data` against the request document (see
/// the module docs) with [`verify_sign_session`].
///
/// ```
/// use ssi_verify_core::smartid::{verify_sign_json, Trust};
/// use ssi_verify_core::{ErrorCode, Limits};
/// let err = verify_sign_json("{}", "{}", b"", &Trust::SignatureOnly, &Limits::DEFAULT).unwrap_err();
/// assert_eq!(err.code(), ErrorCode::MissingField);
/// ```
///
/// # Errors
/// JSON and field errors of either document, then as [`verify_sign_session`].
pub fn verify_sign_json(
    request_json: &str,
    status_json: &str,
    data: &[u8],
    trust: &Trust<'_>,
    limits: &Limits,
) -> Result<SessionReport> {
    let doc = Value::parse(request_json, limits)?;
    check_members(&doc, SIGN_FIELDS)?;
    doc.opt_str("schemeName", "schemeName must be a string")?;
    doc.opt_str("relyingPartyName", "relyingPartyName must be a string")?;
    let req = SignRequest {
        digest: doc.req_str("digest", "digest is required")?,
        hash_algorithm: doc.req_str("hashAlgorithm", "hashAlgorithm is required")?,
        interactions: doc.req_str("interactions", "interactions is required")?,
        certificate_level: level(&doc)?,
        person: person(&doc)?,
    };
    verify_sign_session(&req, status_json, data, trust, limits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auth_err(request: &str) -> Error {
        verify_auth_json(request, "{}", &Trust::SignatureOnly, &Limits::DEFAULT).unwrap_err()
    }

    fn sign_err(request: &str) -> Error {
        verify_sign_json(request, "{}", b"", &Trust::SignatureOnly, &Limits::DEFAULT).unwrap_err()
    }

    #[test]
    fn unknown_members_and_non_objects_are_refused_in_both_documents() {
        assert_eq!(auth_err(r#"{"offeredFlows":[],"bogus":1}"#).code(), ErrorCode::UnknownField);
        assert_eq!(sign_err(r#"{"digest":"x","bogus":1}"#).code(), ErrorCode::UnknownField);
        assert_eq!(auth_err("[]").code(), ErrorCode::UnexpectedJsonType);
        assert_eq!(sign_err("[]").code(), ErrorCode::UnexpectedJsonType);
        // A sign-only member is unknown to auth and the other way round.
        assert_eq!(auth_err(r#"{"digest":"x"}"#).code(), ErrorCode::UnknownField);
        assert_eq!(sign_err(r#"{"rpChallenge":"x"}"#).code(), ErrorCode::UnknownField);
    }

    #[test]
    fn offered_flows_holds_at_most_four_entries() {
        let four = auth_err(r#"{"offeredFlows":["QR","QR","QR","QR"]}"#);
        assert_eq!((four.code(), four.detail()), (ErrorCode::MissingField, "schemeName is required"));
        let five = auth_err(r#"{"offeredFlows":["QR","QR","QR","QR","QR"]}"#);
        assert_eq!(
            (five.code(), five.detail()),
            (ErrorCode::InvalidFieldValue, "offeredFlows lists at most the four flow types")
        );
    }
}
