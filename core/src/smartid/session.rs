//! Verifying a whole session-status response (the JSON the RP API returns): authentication
//! (ACSP_V2) and signature (RAW_DIGEST_SIGNATURE) sessions.

use crate::codec::base64_decode;
use crate::crypto::rsa::RsaKey;
use crate::crypto::{ct_eq, digest, HashAlg};
use crate::error::{Error, ErrorCode, Result};
use crate::json::{ObjectExt as _, Value};
use crate::limits::Limits;
use crate::smartid::acsp::{signature_scheme, verify_acsp_v2, AcspV2Input, FlowType, PssParameters, SMARTID_RSA_BITS};
use crate::smartid::callback::verify_user_challenge;
use crate::smartid::interactions::read;
use crate::smartid::trust::{CertificateCheck, CertificateLevel, ExpectedPerson, Purpose, SessionReport, Trust};
use crate::smartid::types::{InteractionType, Reading};
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
    /// The `userChallengeVerifier` the RP's callback URL received (Web2App / App2App only).
    pub user_challenge_verifier: Option<&'a str>,
    /// The `certificateLevel` requested (`None` = QUALIFIED, the RP API default).
    pub certificate_level: Option<CertificateLevel>,
    /// The person the session was started for, if any.
    pub person: ExpectedPerson<'a>,
}

/// What the RP sent when it started a signature session (RAW_DIGEST_SIGNATURE).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignRequest<'a> {
    /// The `digest` sent (Base64).
    pub digest: &'a str,
    /// The `hashAlgorithm` sent (`SHA-256` ... `SHA3-512`).
    pub hash_algorithm: &'a str,
    /// The `interactions` Base64 text exactly as sent.
    pub interactions: &'a str,
    /// The `certificateLevel` requested (`None` = QUALIFIED).
    pub certificate_level: Option<CertificateLevel>,
    /// The person the session was started for, if any.
    pub person: ExpectedPerson<'a>,
}

fn bad(detail: &'static str) -> Error {
    Error::new(ErrorCode::SessionNotSuccessful, detail)
}

/// The parts of a completed session status both session kinds share.
struct Status<'v> {
    signature: &'v Value,
    cert_value: &'v str,
    certificate_level: &'v str,
    document_number: &'v str,
    algorithm: &'v str,
    pss: Option<PssParameters<'v>>,
    interaction_type_used: &'v str,
    flow_type: &'v str,
}

fn read_status<'v>(status: &'v Value, protocol: &'static str, detail: &'static str) -> Result<Status<'v>> {
    if status.req_str("state", "state is required")? != "COMPLETE" {
        return Err(bad("state is not COMPLETE"));
    }
    let result = status.req_obj("result", "result is required")?;
    if result.req_str("endResult", "result.endResult is required")? != "OK" {
        return Err(bad("result.endResult is not OK"));
    }
    if status.req_str("signatureProtocol", "signatureProtocol is required")? != protocol {
        return Err(bad(detail));
    }
    let sig = status.req_obj("signature", "signature is required")?;
    let cert = status.req_obj("cert", "cert is required")?;
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
    Ok(Status {
        signature: sig,
        cert_value: cert.req_str("value", "cert.value is required")?,
        certificate_level: cert.req_str("certificateLevel", "cert.certificateLevel is required")?,
        document_number: result.req_str("documentNumber", "result.documentNumber is required")?,
        algorithm: sig.req_str("signatureAlgorithm", "signature.signatureAlgorithm is required")?,
        pss,
        interaction_type_used: status.req_str("interactionTypeUsed", "interactionTypeUsed is required")?,
        flow_type: sig.req_str("flowType", "signature.flowType is required")?,
    })
}

fn cert_der(value: &str) -> Result<alloc::vec::Vec<u8>> {
    base64_decode(value).map_err(|_| Error::new(ErrorCode::InvalidCertificate, "cert.value is not Base64"))
}

/// Runs the certificate checks when anchors are given; `Err(report)` ends the verification.
fn trust_certificate(
    trust: &Trust<'_>,
    check: &CertificateCheck<'_>,
    limits: &Limits,
) -> Result<core::result::Result<Option<crate::smartid::trust::TrustedCertificate>, SessionReport>> {
    let Trust::Anchors(anchors) = trust else { return Ok(Ok(None)) };
    Ok(match check.run(anchors, limits)? {
        Ok(details) => Ok(Some(details)),
        Err(code) => Err(SessionReport { verdict: Verdict::Invalid(code), trust_checked: true, certificate: None }),
    })
}

fn finish(
    verdict: Verdict,
    trust: &Trust<'_>,
    details: Option<crate::smartid::trust::TrustedCertificate>,
) -> SessionReport {
    SessionReport {
        verdict,
        trust_checked: matches!(trust, Trust::Anchors(_)),
        certificate: if verdict.is_valid() { details } else { None },
    }
}

/// Verifies an authentication session-status response (`GET /v3/session/{id}`), in the order
/// of SK's Java client: `state` COMPLETE, `result.endResult` OK, `signatureProtocol` ACSP_V2
/// and the response formats; for Web2App / App2App the callback's `userChallengeVerifier`
/// against `signature.userChallenge`; with [`Trust::Anchors`] the certificate level, path,
/// purpose, policies and the person; then `flowType`, `interactionTypeUsed` and the ACSP_V2
/// signature ([`verify_acsp_v2`]).
///
/// ```
/// use ssi_verify_core::smartid::{verify_auth_session, AuthRequest, ExpectedPerson, FlowType, Trust};
/// use ssi_verify_core::{ErrorCode, Limits};
/// let req = AuthRequest {
///     scheme_name: "smart-id-demo", rp_challenge: "", relying_party_name: "DEMO", brokered_rp_name: None,
///     interactions: "", initial_callback_url: None, offered_flows: &[FlowType::Qr],
///     user_challenge_verifier: None, certificate_level: None, person: ExpectedPerson::default(),
/// };
/// let err = verify_auth_session(&req, r#"{"state":"RUNNING"}"#, &Trust::SignatureOnly, &Limits::DEFAULT).unwrap_err();
/// assert_eq!(err.code(), ErrorCode::SessionNotSuccessful);
/// ```
///
/// # Errors
/// [`ErrorCode::SessionNotSuccessful`] for a session that did not complete with OK, JSON and
/// field errors, certificate parsing errors, [`ErrorCode::NoTrustAnchor`], and everything
/// [`verify_acsp_v2`] reports. Failed checks are the report's verdict.
pub fn verify_auth_session(
    req: &AuthRequest<'_>,
    status_json: &str,
    trust: &Trust<'_>,
    limits: &Limits,
) -> Result<SessionReport> {
    let status = Value::parse(status_json, limits)?;
    let s = read_status(&status, "ACSP_V2", "signatureProtocol is not ACSP_V2")?;
    let scheme = signature_scheme(s.algorithm, s.pss.as_ref())?;
    let cert = cert_der(s.cert_value)?;
    let user_challenge = s.signature.req_str("userChallenge", "signature.userChallenge is required")?;
    let input = AcspV2Input {
        scheme_name: req.scheme_name,
        server_random: s.signature.req_str("serverRandom", "signature.serverRandom is required")?,
        rp_challenge: req.rp_challenge,
        user_challenge,
        relying_party_name: req.relying_party_name,
        brokered_rp_name: req.brokered_rp_name,
        interactions: req.interactions,
        interaction_type_used: s.interaction_type_used,
        initial_callback_url: req.initial_callback_url,
        flow_type: s.flow_type,
    };
    let signature = s.signature.req_str("value", "signature.value is required")?;
    // Same-device flows are bound to the RP's callback: without this, a session started on the
    // victim's browser could be completed on the attacker's phone.
    if FlowType::from_name(s.flow_type).is_some_and(FlowType::uses_callback) {
        let bound = match req.user_challenge_verifier {
            Some(v) => verify_user_challenge(v, user_challenge)?.is_valid(),
            None => false,
        };
        if !bound {
            return Ok(finish(Verdict::Invalid(ErrorCode::UserChallengeMismatch), trust, None));
        }
    }
    let check = CertificateCheck {
        cert_der: &cert,
        claimed_level: s.certificate_level,
        requested_level: req.certificate_level.unwrap_or(CertificateLevel::Qualified),
        purpose: Purpose::Authentication,
        person: req.person,
        document_number: s.document_number,
    };
    let details = match trust_certificate(trust, &check, limits)? {
        Ok(d) => d,
        Err(report) => return Ok(report),
    };
    let verdict = verify_acsp_v2(&input, req.offered_flows, scheme, signature, &cert)?;
    Ok(finish(verdict, trust, details))
}

/// Verifies an authentication session-status response with the signature only
/// ([`verify_auth_session`] with [`Trust::SignatureOnly`]; the certificate is not trusted).
///
/// # Errors
/// As [`verify_auth_session`].
pub fn verify_auth_session_status(req: &AuthRequest<'_>, status_json: &str, limits: &Limits) -> Result<Verdict> {
    Ok(verify_auth_session(req, status_json, &Trust::SignatureOnly, limits)?.verdict)
}

/// Verifies a signature session-status response (RAW_DIGEST_SIGNATURE) over `data`, the bytes
/// the RP had signed: the digest sent must be `data` hashed with the session's hash algorithm
/// (a bare digest is never taken as the message), `interactionTypeUsed` must be one the request
/// offered, with [`Trust::Anchors`] the certificate checks for a signing certificate
/// (nonRepudiation), then the signature over `data` with the certificate's RSA key.
///
/// ```
/// use ssi_verify_core::smartid::{verify_sign_session, ExpectedPerson, SignRequest, Trust};
/// use ssi_verify_core::{ErrorCode, Limits};
/// let req = SignRequest { digest: "", hash_algorithm: "SHA-512", interactions: "",
///     certificate_level: None, person: ExpectedPerson::default() };
/// let err = verify_sign_session(&req, "{}", b"data", &Trust::SignatureOnly, &Limits::DEFAULT).unwrap_err();
/// assert_eq!(err.code(), ErrorCode::MissingField);
/// ```
///
/// # Errors
/// As [`verify_auth_session`], and [`ErrorCode::UnsupportedAlgorithm`] when the signature's
/// hash is not the session's. A digest that is not the data's hash is the verdict
/// [`ErrorCode::DigestMismatch`].
pub fn verify_sign_session(
    req: &SignRequest<'_>,
    status_json: &str,
    data: &[u8],
    trust: &Trust<'_>,
    limits: &Limits,
) -> Result<SessionReport> {
    let status = Value::parse(status_json, limits)?;
    let s = read_status(&status, "RAW_DIGEST_SIGNATURE", "signatureProtocol is not RAW_DIGEST_SIGNATURE")?;
    let scheme = signature_scheme(s.algorithm, s.pss.as_ref())?;
    let hash = HashAlg::from_name(req.hash_algorithm)
        .ok_or_else(|| Error::new(ErrorCode::UnsupportedAlgorithm, "unsupported hashAlgorithm"))?;
    let scheme_hash = match scheme {
        crate::crypto::rsa::RsaScheme::Pkcs1v15(h) | crate::crypto::rsa::RsaScheme::Pss(h) => h,
    };
    if scheme_hash != hash {
        return Err(Error::new(
            ErrorCode::UnsupportedAlgorithm,
            "the signature's hash is not the session's hashAlgorithm",
        ));
    }
    let sent = base64_decode(req.digest)?;
    let flow = FlowType::from_name(s.flow_type).ok_or_else(|| {
        Error::new(ErrorCode::InvalidFieldValue, "flowType must be QR, App2App, Web2App or Notification")
    })?;
    let offered = read(req.interactions, Reading::Strict(flow.interactions_flow()), limits)?;
    let signature = base64_decode(s.signature.req_str("value", "signature.value is required")?)?;
    let cert = cert_der(s.cert_value)?;
    if !ct_eq(digest(hash, &[data]).as_bytes(), &sent) {
        return Ok(finish(Verdict::Invalid(ErrorCode::DigestMismatch), trust, None));
    }
    let used = InteractionType::from_name(s.interaction_type_used);
    if !used.is_some_and(|u| offered.items.iter().any(|i| i.kind == u)) {
        return Ok(finish(Verdict::Invalid(ErrorCode::InteractionTypeNotOffered), trust, None));
    }
    let check = CertificateCheck {
        cert_der: &cert,
        claimed_level: s.certificate_level,
        requested_level: req.certificate_level.unwrap_or(CertificateLevel::Qualified),
        purpose: Purpose::Signing,
        person: req.person,
        document_number: s.document_number,
    };
    let details = match trust_certificate(trust, &check, limits)? {
        Ok(d) => d,
        Err(report) => return Ok(report),
    };
    let key = RsaKey::from_certificate_der(&cert, SMARTID_RSA_BITS)?;
    let verdict = key.verify(scheme, data, &signature)?;
    Ok(finish(verdict, trust, details))
}
