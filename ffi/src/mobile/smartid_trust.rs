//! Smart-ID sessions verified against trust anchors, for Kotlin, Swift and Python. The request
//! is the JSON document of the CLI; the report is the core's JSON string.

use ssi_verify_core::smartid::{self, Trust, TrustAnchors};

use super::{limits, SsiError, SsiLimits};

/// Trust anchors and intermediates (DER certificates) and the validation time.
#[derive(Clone, Debug, uniffi::Record)]
pub struct SmartIdTrust {
    /// Trust anchors (at least one), DER.
    pub anchors: Vec<Vec<u8>>,
    /// Intermediate CA certificates, DER, any order.
    pub intermediates: Vec<Vec<u8>>,
    /// Validation time, seconds since the Unix epoch.
    pub now: u64,
}

fn with_trust<R>(trust: Option<&SmartIdTrust>, f: impl FnOnce(&Trust<'_>) -> R) -> R {
    let Some(t) = trust else { return f(&Trust::SignatureOnly) };
    let anchors: Vec<&[u8]> = t.anchors.iter().map(Vec::as_slice).collect();
    let intermediates: Vec<&[u8]> = t.intermediates.iter().map(Vec::as_slice).collect();
    f(&Trust::Anchors(TrustAnchors { anchors: &anchors, intermediates: &intermediates, now: t.now }))
}

/// Verifies an authentication session-status response against the request document and, when
/// `trust` is given, its certificate (path, validity, purpose, level, identity). Returns the
/// report JSON: `{"valid":true,"certificateLevel":…,"identity":{…},"certificate":{…}}` or
/// `{"valid":false,"reason":CODE}`, with `"trust":"NOT_CHECKED"` when `trust` is None.
#[uniffi::export]
pub fn smartid_verify_auth_json(
    request_json: String,
    session_status_json: String,
    trust: Option<SmartIdTrust>,
    limits: Option<SsiLimits>,
) -> Result<String, SsiError> {
    let l = self::limits(limits);
    let report = with_trust(trust.as_ref(), |t| smartid::verify_auth_json(&request_json, &session_status_json, t, &l))?;
    Ok(report.to_json())
}

/// Verifies a signature session-status response (RAW_DIGEST_SIGNATURE) over `data` against the
/// request document and, when `trust` is given, its signing certificate. Returns the report JSON
/// as `smartid_verify_auth_json` does.
#[uniffi::export]
pub fn smartid_verify_sign_json(
    request_json: String,
    session_status_json: String,
    data: Vec<u8>,
    trust: Option<SmartIdTrust>,
    limits: Option<SsiLimits>,
) -> Result<String, SsiError> {
    let l = self::limits(limits);
    let report =
        with_trust(trust.as_ref(), |t| smartid::verify_sign_json(&request_json, &session_status_json, &data, t, &l))?;
    Ok(report.to_json())
}
