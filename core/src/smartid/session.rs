//! Verifying a whole authentication session-status response (the JSON the RP API returns).

use crate::codec::base64_decode;
use crate::error::{Error, ErrorCode, Result};
use crate::json::{ObjectExt as _, Value};
use crate::limits::Limits;
use crate::smartid::acsp::{signature_scheme, verify_acsp_v2, AcspV2Input, FlowType, PssParameters};
use crate::Verdict;

/// What the RP sent when it started the authentication session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AuthRequest<'a> {
    /// Environment scheme name (`smart-id`, `smart-id-demo`).
    pub scheme_name: &'a str,
    /// The `rpChallenge` sent (Base64).
    pub rp_challenge: &'a str,
    /// The relying party name exactly as sent.
    pub relying_party_name: &'a str,
    /// The brokered RP name as sent, if any.
    pub brokered_rp_name: Option<&'a str>,
    /// The `interactions` Base64 text exactly as sent.
    pub interactions: &'a str,
    /// The `initialCallbackUrl` sent, if any.
    pub initial_callback_url: Option<&'a str>,
    /// The flows the RP offered the user (e.g. `[QR, Web2App]` for a device-link session).
    pub offered_flows: &'a [FlowType],
}

fn bad(detail: &'static str) -> Error {
    Error::new(ErrorCode::SessionNotSuccessful, detail)
}

/// Verifies a session-status response (`GET /v3/session/{id}`) of an authentication session:
/// `state` COMPLETE, `result.endResult` OK, `signatureProtocol` ACSP_V2, then
/// [`verify_acsp_v2`] with the response's signature, algorithm, certificate, `serverRandom`,
/// `userChallenge`, `flowType` and `interactionTypeUsed`.
///
/// # Errors
/// [`ErrorCode::SessionNotSuccessful`] for a session that did not complete with OK, JSON and
/// field errors, and everything [`verify_acsp_v2`] reports.
pub fn verify_auth_session_status(req: &AuthRequest<'_>, status_json: &str, limits: &Limits) -> Result<Verdict> {
    let status = Value::parse(status_json, limits)?;
    if status.req_str("state", "state is required")? != "COMPLETE" {
        return Err(bad("state is not COMPLETE"));
    }
    let result = status.req_obj("result", "result is required")?;
    if result.req_str("endResult", "result.endResult is required")? != "OK" {
        return Err(bad("result.endResult is not OK"));
    }
    if status.req_str("signatureProtocol", "signatureProtocol is required")? != "ACSP_V2" {
        return Err(bad("signatureProtocol is not ACSP_V2"));
    }
    let sig = status.req_obj("signature", "signature is required")?;
    let cert = status.req_obj("cert", "cert is required")?;
    let cert_der = base64_decode(cert.req_str("value", "cert.value is required")?)
        .map_err(|_| Error::new(ErrorCode::InvalidCertificate, "cert.value is not Base64"))?;
    let algorithm = sig.req_str("signatureAlgorithm", "signature.signatureAlgorithm is required")?;
    let pss = match sig.get("signatureAlgorithmParameters") {
        None | Some(Value::Null) => None,
        Some(p) => {
            let mgf = p.req_obj("maskGenAlgorithm", "maskGenAlgorithm is required")?;
            let mgf_params = mgf.req_obj("parameters", "maskGenAlgorithm.parameters is required")?;
            Some(PssParameters {
                hash_algorithm: p.req_str("hashAlgorithm", "hashAlgorithm is required")?,
                mask_gen_algorithm: mgf.req_str("algorithm", "maskGenAlgorithm.algorithm is required")?,
                mask_gen_hash_algorithm: mgf_params.req_str("hashAlgorithm", "MGF hashAlgorithm is required")?,
                salt_length: p
                    .get("saltLength")
                    .and_then(Value::as_number)
                    .and_then(|n| n.as_u64())
                    .ok_or_else(|| Error::new(ErrorCode::MissingField, "saltLength must be an integer"))?,
                trailer_field: p.req_str("trailerField", "trailerField is required")?,
            })
        }
    };
    let scheme = signature_scheme(algorithm, pss.as_ref())?;
    let input = AcspV2Input {
        scheme_name: req.scheme_name,
        server_random: sig.req_str("serverRandom", "signature.serverRandom is required")?,
        rp_challenge: req.rp_challenge,
        user_challenge: sig.req_str("userChallenge", "signature.userChallenge is required")?,
        relying_party_name: req.relying_party_name,
        brokered_rp_name: req.brokered_rp_name,
        interactions: req.interactions,
        interaction_type_used: status.req_str("interactionTypeUsed", "interactionTypeUsed is required")?,
        initial_callback_url: req.initial_callback_url,
        flow_type: sig.req_str("flowType", "signature.flowType is required")?,
    };
    verify_acsp_v2(&input, req.offered_flows, scheme, sig.req_str("value", "signature.value is required")?, &cert_der)
}
