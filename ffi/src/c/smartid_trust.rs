//! Smart-ID sessions verified against trust anchors, through the C ABI. The request is the same
//! JSON document the CLI reads (`smartid::verify_auth_json` / `verify_sign_json` in the core);
//! the report is the core's JSON, written byte for byte.

use ssi_verify_core::smartid::{self, Trust, TrustAnchors};
use ssi_verify_core::{Error, ErrorCode, Limits};

use super::{boundary, ssi_status, ssi_verdict, usage};

/// A borrowed byte string (for example one DER certificate): `ptr` may be NULL only when `len` is 0.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
#[allow(non_camel_case_types)]
pub struct ssi_bytes {
    /// First byte.
    pub ptr: *const u8,
    /// Length in bytes.
    pub len: usize,
}

/// Trust anchors and intermediates (DER certificates) and the validation time.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SsiTrustAnchors {
    /// Trust anchors (at least one).
    pub anchors: *const ssi_bytes,
    /// Number of `anchors`.
    pub anchors_len: usize,
    /// Intermediate CA certificates, any order; may be NULL when `intermediates_len` is 0.
    pub intermediates: *const ssi_bytes,
    /// Number of `intermediates`.
    pub intermediates_len: usize,
    /// Validation time, seconds since the Unix epoch.
    pub now: u64,
}

/// # Safety
/// `list` NULL (then `len` must be 0) or readable for `len` entries, each readable for its length.
unsafe fn blobs<'a>(
    list: *const ssi_bytes,
    len: usize,
    limits: &Limits,
    what: &'static str,
) -> Result<Vec<&'a [u8]>, Error> {
    if len > limits.max_items {
        return Err(Error::new(ErrorCode::TooManyItems, "too many certificates"));
    }
    if list.is_null() {
        return if len == 0 { Ok(Vec::new()) } else { Err(usage(ErrorCode::NullPointer, what)) };
    }
    // SAFETY: non-NULL, the caller promises `len` readable entries (bounded above).
    let entries = unsafe { std::slice::from_raw_parts(list, len) };
    entries.iter().map(|b| arg_bytes!(b.ptr, b.len, what)).collect()
}

/// Runs `f` with the trust the C caller asked for (NULL = signature only).
///
/// # Safety
/// `trust` NULL or readable, with readable lists.
unsafe fn with_trust<R>(
    trust: *const SsiTrustAnchors,
    limits: &Limits,
    f: impl FnOnce(&Trust<'_>) -> Result<R, Error>,
) -> Result<R, Error> {
    // SAFETY: NULL or readable, per the contract.
    let Some(t) = (unsafe { trust.as_ref() }) else { return f(&Trust::SignatureOnly) };
    // SAFETY: `t`'s lists are readable for their lengths, per this function's contract.
    let anchors = unsafe { blobs(t.anchors, t.anchors_len, limits, "anchors is NULL")? };
    // SAFETY: as above.
    let intermediates = unsafe { blobs(t.intermediates, t.intermediates_len, limits, "intermediates is NULL")? };
    f(&Trust::Anchors(TrustAnchors { anchors: &anchors, intermediates: &intermediates, now: t.now }))
}

/// Verifies an authentication session-status response against the request document (JSON:
/// `schemeName`, `rpChallenge`, `relyingPartyName`, `interactions`, `offeredFlows`, optional
/// `brokeredRpName`, `initialCallbackUrl`, `userChallengeVerifier`, `certificateLevel`,
/// `semanticsIdentifier`, `documentNumber`) and, when `trust` is not NULL, its certificate
/// against the anchors: path, validity, purpose, certificate level and identity. Writes the
/// verdict to `*out` and the report JSON (`{"valid":true,"certificateLevel":…,"identity":{…},
/// "certificate":{…}}`, `{"valid":false,"reason":CODE}`, with `"trust":"NOT_CHECKED"` when `trust`
/// is NULL) to `report`.
///
/// Returns `SSI_OK` (then read `out->valid`), or an error when the check could not run, e.g.
/// `SSI_ERROR_NO_TRUST_ANCHOR` (no anchors), `SSI_ERROR_INVALID_CERTIFICATE`,
/// `SSI_ERROR_SESSION_NOT_SUCCESSFUL`, `SSI_ERROR_BUFFER_TOO_SMALL` (then `*report_len` is the
/// capacity needed and `*out` is not written).
///
/// # Safety
/// `request_json` / `status_json` readable for their lengths; `trust` NULL or readable with
/// readable lists; `limits` NULL or readable; `out`, `report` (`report_cap` bytes) and
/// `report_len` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_smartid_verify_auth_json(
    request_json: *const u8,
    request_len: usize,
    status_json: *const u8,
    status_len: usize,
    trust: *const SsiTrustAnchors,
    limits_ptr: *const Limits,
    out: *mut ssi_verdict,
    report: *mut u8,
    report_cap: usize,
    report_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (request, status, limits) = (
            arg_text!(request_json, request_len, "request_json is NULL")?,
            arg_text!(status_json, status_len, "status_json is NULL")?,
            arg_limits!(limits_ptr),
        );
        // SAFETY: `trust` is this function's argument: NULL or readable with readable lists.
        let r = unsafe { with_trust(trust, &limits, |t| smartid::verify_auth_json(request, status, t, &limits))? };
        out_report!(&r.to_json(), r.verdict, out, report, report_cap, report_len)
    })
}

/// Verifies a signature session-status response (RAW_DIGEST_SIGNATURE) over `data` (the bytes
/// the RP had signed) against the request document (JSON: `digest`, `hashAlgorithm`,
/// `interactions`, optional `schemeName`, `relyingPartyName`, `certificateLevel`,
/// `semanticsIdentifier`, `documentNumber`) and, when `trust` is not NULL, its signing
/// certificate against the anchors. Outputs and errors as `ssi_smartid_verify_auth_json`; a
/// digest that is not the hash of `data` is the verdict `SSI_ERROR_DIGEST_MISMATCH`.
///
/// # Safety
/// As `ssi_smartid_verify_auth_json`, and `data` readable for `data_len` bytes.
#[no_mangle]
pub unsafe extern "C" fn ssi_smartid_verify_sign_json(
    request_json: *const u8,
    request_len: usize,
    status_json: *const u8,
    status_len: usize,
    data: *const u8,
    data_len: usize,
    trust: *const SsiTrustAnchors,
    limits_ptr: *const Limits,
    out: *mut ssi_verdict,
    report: *mut u8,
    report_cap: usize,
    report_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (request, status, data, limits) = (
            arg_text!(request_json, request_len, "request_json is NULL")?,
            arg_text!(status_json, status_len, "status_json is NULL")?,
            arg_bytes!(data, data_len, "data is NULL")?,
            arg_limits!(limits_ptr),
        );
        // SAFETY: `trust` is this function's argument: NULL or readable with readable lists.
        let r =
            unsafe { with_trust(trust, &limits, |t| smartid::verify_sign_json(request, status, data, t, &limits))? };
        out_report!(&r.to_json(), r.verdict, out, report, report_cap, report_len)
    })
}
