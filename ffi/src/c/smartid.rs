//! Smart-ID through the C ABI.

use ssi_verify_core::smartid::{
    self, AuthRequest, DeviceLinkRequest, DeviceLinkType, Flow, FlowType, InteractionList, InteractionType, Reading,
    SessionType,
};
use ssi_verify_core::{Error, ErrorCode, Limits};

use super::{boundary, boundary_or, put, put_text, ssi_status, ssi_str, ssi_verdict, usage};

/// The flow an interactions list is validated for.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SsiFlow {
    /// No flow: the strict rules without the per-flow type table (`ssi_smartid_encode` only).
    Any = 0,
    /// Device-link flows (QR, Web2App, App2App).
    DeviceLink = 1,
    /// Notification-based flows.
    Notification = 2,
    /// The linked notification signature endpoint.
    LinkedNotification = 3,
}

/// Interaction types.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SsiInteractionType {
    /// `displayTextAndPIN` (displayText60).
    DisplayTextAndPin = 1,
    /// `confirmationMessage` (displayText200).
    ConfirmationMessage = 2,
    /// `confirmationMessageAndVerificationCodeChoice` (displayText200, notification flows only).
    ConfirmationMessageAndVerificationCodeChoice = 3,
}

/// Device-link types.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SsiDeviceLinkType {
    /// QR code (needs `elapsed_seconds`, no callback URL).
    Qr = 1,
    /// Web2App (needs `initial_callback_url`).
    Web2app = 2,
    /// App2App (needs `initial_callback_url`).
    App2app = 3,
}

/// Session types.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SsiSessionType {
    /// Authentication (needs `rp_challenge`).
    Auth = 1,
    /// Signature (needs `digest`).
    Sign = 2,
    /// Certificate choice.
    Cert = 3,
}

/// The flow the user completed (`signature.flowType`).
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SsiFlowType {
    /// QR
    Qr = 1,
    /// App2App
    App2app = 2,
    /// Web2App
    Web2app = 3,
    /// Notification
    Notification = 4,
}

fn arg(detail: &'static str) -> Error {
    usage(ErrorCode::InvalidArgument, detail)
}

fn reading(flow: u32) -> Result<Reading, Error> {
    Ok(match flow {
        x if x == SsiFlow::Any as u32 => Reading::AnyFlow,
        x if x == SsiFlow::DeviceLink as u32 => Reading::Strict(Flow::DeviceLink),
        x if x == SsiFlow::Notification as u32 => Reading::Strict(Flow::Notification),
        x if x == SsiFlow::LinkedNotification as u32 => Reading::Strict(Flow::LinkedNotification),
        _ => return Err(arg("flow is not an ssi_flow value")),
    })
}

fn strict_flow(flow: u32) -> Result<Flow, Error> {
    match reading(flow)? {
        Reading::Strict(f) => Ok(f),
        _ => Err(arg("flow must be DEVICE_LINK, NOTIFICATION or LINKED_NOTIFICATION")),
    }
}

fn interaction_type(v: u32) -> Result<InteractionType, Error> {
    Ok(match v {
        x if x == SsiInteractionType::DisplayTextAndPin as u32 => InteractionType::DisplayTextAndPin,
        x if x == SsiInteractionType::ConfirmationMessage as u32 => InteractionType::ConfirmationMessage,
        x if x == SsiInteractionType::ConfirmationMessageAndVerificationCodeChoice as u32 => {
            InteractionType::ConfirmationMessageAndVerificationCodeChoice
        }
        _ => return Err(arg("not an ssi_interaction_type value")),
    })
}

fn interaction_code(t: InteractionType) -> u32 {
    (match t {
        InteractionType::DisplayTextAndPin => SsiInteractionType::DisplayTextAndPin,
        InteractionType::ConfirmationMessage => SsiInteractionType::ConfirmationMessage,
        InteractionType::ConfirmationMessageAndVerificationCodeChoice => {
            SsiInteractionType::ConfirmationMessageAndVerificationCodeChoice
        }
    }) as u32
}

fn flow_type(v: u32) -> Result<FlowType, Error> {
    Ok(match v {
        x if x == SsiFlowType::Qr as u32 => FlowType::Qr,
        x if x == SsiFlowType::App2app as u32 => FlowType::App2App,
        x if x == SsiFlowType::Web2app as u32 => FlowType::Web2App,
        x if x == SsiFlowType::Notification as u32 => FlowType::Notification,
        _ => return Err(arg("not an ssi_flow_type value")),
    })
}

/// A decoded, validated interactions list (opaque). Free with `ssi_interactions_free`.
#[derive(Debug)]
pub struct SsiInteractions {
    list: InteractionList,
}

/// Decodes and strictly validates a Base64 `interactions` parameter for `flow`.
///
/// Parameters: `b64`/`b64_len` the Base64 text; `flow` an `ssi_flow` other than ANY; `limits`
/// NULL for the defaults; `*out` receives a new handle on success.
/// Returns `SSI_OK` or the code of the first broken rule (e.g. `SSI_ERROR_TYPE_NOT_ALLOWED_FOR_FLOW`).
///
/// Memory and lifetimes: the caller owns `*out` and must free it with `ssi_interactions_free`.
///
/// # Safety
/// `b64` must be NULL (with length 0) or readable for `b64_len` bytes; `limits` NULL or readable;
/// `out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_smartid_decode(
    b64: *const u8,
    b64_len: usize,
    flow: u32,
    limits_ptr: *const Limits,
    out: *mut *mut SsiInteractions,
) -> ssi_status {
    boundary(|| {
        let (b64, limits) = (arg_text!(b64, b64_len, "b64 is NULL")?, arg_limits!(limits_ptr));
        if out.is_null() {
            return Err(usage(ErrorCode::NullPointer, "out is NULL"));
        }
        let list = smartid::decode(b64, strict_flow(flow)?, &limits)?;
        let handle = Box::into_raw(Box::new(SsiInteractions { list }));
        out_put!(out, handle, "out is NULL")
    })
}

/// Validates a Base64 `interactions` parameter for `flow` without any heap allocation, using
/// the caller's `scratch` buffer (at least `b64_len * 3 / 4 + 3` bytes).
///
/// Returns `SSI_OK` when valid, else the code of the first broken rule, or
/// `SSI_ERROR_BUFFER_TOO_SMALL` when `scratch` is too small.
///
/// # Safety
/// `b64` readable for `b64_len` bytes; `scratch` writable for `scratch_len` bytes; `limits` NULL or readable.
#[no_mangle]
pub unsafe extern "C" fn ssi_smartid_validate(
    b64: *const u8,
    b64_len: usize,
    flow: u32,
    limits_ptr: *const Limits,
    scratch: *mut u8,
    scratch_len: usize,
) -> ssi_status {
    boundary(|| {
        let (b64, limits) = (arg_text!(b64, b64_len, "b64 is NULL")?, arg_limits!(limits_ptr));
        if scratch.is_null() || scratch_len > isize::MAX as usize {
            return Err(usage(ErrorCode::NullPointer, "scratch is NULL"));
        }
        // SAFETY: non-NULL, the caller promises `scratch_len` writable bytes.
        let scratch = unsafe { std::slice::from_raw_parts_mut(scratch, scratch_len) };
        smartid::decode_in(b64, strict_flow(flow)?, &limits, scratch).map(|_| ())
    })
}

/// Number of interactions in `list` (0 for NULL).
///
/// # Safety
/// `list` must be NULL or a live handle from `ssi_smartid_decode`.
#[no_mangle]
pub unsafe extern "C" fn ssi_interactions_count(list: *const SsiInteractions) -> usize {
    // SAFETY: NULL or a live handle, per the contract.
    boundary_or(0, || unsafe { list.as_ref() }.map_or(0, |l| l.list.items.len()))
}

/// Reads interaction `index` of `list`: its `ssi_interaction_type` and its unescaped UTF-8 text.
///
/// Memory and lifetimes: `*out_text` points into the handle (not NUL-terminated) and stays valid
/// until `ssi_interactions_free`.
/// Returns `SSI_OK`, `SSI_ERROR_NULL_POINTER` or `SSI_ERROR_INVALID_ARGUMENT` (index out of range).
///
/// # Safety
/// `list` a live handle; the out-pointers NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_interactions_get(
    list: *const SsiInteractions,
    index: usize,
    out_type: *mut u32,
    out_text: *mut *const u8,
    out_text_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        // SAFETY: NULL or a live handle, per the contract.
        let list = unsafe { list.as_ref() }.ok_or_else(|| usage(ErrorCode::NullPointer, "list is NULL"))?;
        let item = list.list.items.get(index).ok_or_else(|| arg("index out of range"))?;
        if out_type.is_null() || out_text.is_null() || out_text_len.is_null() {
            return Err(usage(ErrorCode::NullPointer, "an out-parameter is NULL"));
        }
        // SAFETY: all three checked non-NULL and writable per the contract.
        unsafe {
            out_type.write(interaction_code(item.kind));
            out_text.write(item.text.as_ptr());
            out_text_len.write(item.text.len());
        }
        Ok(())
    })
}

/// The Base64 text the list was decoded from, verbatim (reuse it for authCode and ACSP_V2).
///
/// Memory and lifetimes: `*out` points into the handle and is valid until `ssi_interactions_free`.
///
/// # Safety
/// `list` a live handle; the out-pointers NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_interactions_base64(
    list: *const SsiInteractions,
    out: *mut *const u8,
    out_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        // SAFETY: NULL or a live handle, per the contract.
        let list = unsafe { list.as_ref() }.ok_or_else(|| usage(ErrorCode::NullPointer, "list is NULL"))?;
        if out.is_null() || out_len.is_null() {
            return Err(usage(ErrorCode::NullPointer, "an out-parameter is NULL"));
        }
        // SAFETY: both checked non-NULL and writable per the contract.
        unsafe {
            out.write(list.list.base64.as_ptr());
            out_len.write(list.list.base64.len());
        }
        Ok(())
    })
}

/// Frees a list from `ssi_smartid_decode`. NULL is accepted and ignored.
///
/// # Safety
/// `list` must be NULL or a handle from `ssi_smartid_decode` not freed before.
#[no_mangle]
pub unsafe extern "C" fn ssi_interactions_free(list: *mut SsiInteractions) {
    boundary_or((), || {
        if !list.is_null() {
            // SAFETY: the handle came from Box::into_raw in ssi_smartid_decode and is freed once.
            drop(unsafe { Box::from_raw(list) });
        }
    });
}

/// The app-side choice: the first interaction, in the RP's order, whose type is in
/// `supported` (an array of `ssi_interaction_type`). Unknown types in the list are skipped;
/// malformed entries are errors.
///
/// Parameters: `*out_type` receives the chosen type; `text_buf`/`text_cap` the NUL-terminated
/// unescaped text, `*out_text_len` its length.
/// Returns `SSI_OK`, `SSI_ERROR_REQUIRED_INTERACTION_NOT_SUPPORTED_BY_APP`, a validation code,
/// or `SSI_ERROR_BUFFER_TOO_SMALL` (needed size in `*out_text_len`).
///
/// # Safety
/// Inputs readable for their lengths; `supported` readable for `supported_len` values; outputs writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_smartid_select(
    b64: *const u8,
    b64_len: usize,
    supported: *const u32,
    supported_len: usize,
    limits_ptr: *const Limits,
    out_type: *mut u32,
    text_buf: *mut u8,
    text_cap: usize,
    out_text_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (b64, limits) = (arg_text!(b64, b64_len, "b64 is NULL")?, arg_limits!(limits_ptr));
        let supported: &[u32] = if supported.is_null() {
            if supported_len != 0 {
                return Err(usage(ErrorCode::NullPointer, "supported is NULL"));
            }
            &[]
        } else {
            if supported_len > 16 {
                return Err(arg("supported lists at most 16 types"));
            }
            // SAFETY: non-NULL, the caller promises `supported_len` readable values (bounded above).
            unsafe { std::slice::from_raw_parts(supported, supported_len) }
        };
        let supported: Vec<InteractionType> =
            supported.iter().map(|&t| interaction_type(t)).collect::<Result<_, _>>()?;
        let pick = smartid::select(b64, &supported, &limits)?;
        if out_type.is_null() {
            return Err(usage(ErrorCode::NullPointer, "out_type is NULL"));
        }
        // SAFETY: the outputs are this function's arguments, documented as NULL or writable for their
        // capacities; the type is written only after the text fits.
        unsafe {
            put_text(pick.text.as_bytes(), text_buf, text_cap, out_text_len)?;
            put(out_type, interaction_code(pick.kind), "out_type is NULL")
        }
    })
}

/// Validates an interactions JSON array (for `flow`, or `SSI_FLOW_ANY`), removes insignificant
/// whitespace (tokens, escapes and member order are kept byte for byte) and Base64-encodes it.
///
/// Returns `SSI_OK`, a validation code, or `SSI_ERROR_BUFFER_TOO_SMALL` (needed size in `*out_len`).
///
/// # Safety
/// `json` readable for `json_len` bytes; `out` writable for `out_cap` bytes; `out_len` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_smartid_encode(
    json: *const u8,
    json_len: usize,
    flow: u32,
    limits_ptr: *const Limits,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (json, limits) = (arg_text!(json, json_len, "json is NULL")?, arg_limits!(limits_ptr));
        let b64 = smartid::encode_json(json, reading(flow)?, &limits)?;
        out_text!(b64.as_bytes(), out, out_cap, out_len)
    })
}

/// Inputs of `ssi_smartid_device_link`. Empty strings mean "absent".
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SsiDeviceLinkRequest {
    /// `smart-id` (LIVE) or `smart-id-demo` (DEMO).
    pub scheme_name: ssi_str,
    /// `deviceLinkBase` from the session response.
    pub device_link_base: ssi_str,
    /// An `ssi_device_link_type`.
    pub link_type: u32,
    /// An `ssi_session_type`.
    pub session_type: u32,
    /// `sessionToken`.
    pub session_token: ssi_str,
    /// `sessionSecret` (Base64).
    pub session_secret: ssi_str,
    /// `rpChallenge` (auth sessions).
    pub rp_challenge: ssi_str,
    /// `digest` (sign sessions).
    pub digest: ssi_str,
    /// The relying party name, plain text.
    pub relying_party_name: ssi_str,
    /// The brokered RP name, plain text (optional).
    pub brokered_rp_name: ssi_str,
    /// The interactions Base64 text exactly as sent (auth and sign).
    pub interactions: ssi_str,
    /// `initialCallbackUrl` (Web2App, App2App).
    pub initial_callback_url: ssi_str,
    /// ISO 639-2 language; empty means `eng`.
    pub lang: ssi_str,
    /// Seconds since the session response for QR links; negative means absent.
    pub elapsed_seconds: i64,
}

/// Builds a device link and its authCode.
///
/// Parameters: `link`/`link_cap` receive the NUL-terminated device link (`*link_len` its length),
/// `auth_code`/`auth_code_cap` the NUL-terminated authCode (at least 44 bytes).
/// Returns `SSI_OK`, `SSI_ERROR_MISSING_FIELD`, `SSI_ERROR_INVALID_FIELD_VALUE`,
/// `SSI_ERROR_INVALID_BASE64`, an interactions code, or `SSI_ERROR_BUFFER_TOO_SMALL`.
///
/// # Safety
/// `req` readable, with every `ssi_str` valid; the output buffers writable for their capacities.
#[no_mangle]
pub unsafe extern "C" fn ssi_smartid_device_link(
    req: *const SsiDeviceLinkRequest,
    link: *mut u8,
    link_cap: usize,
    link_len: *mut usize,
    auth_code: *mut u8,
    auth_code_cap: usize,
    auth_code_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        // SAFETY: NULL or readable, per the contract.
        let r = unsafe { req.as_ref() }.ok_or_else(|| usage(ErrorCode::NullPointer, "req is NULL"))?;
        let link_type = match r.link_type {
            x if x == SsiDeviceLinkType::Qr as u32 => DeviceLinkType::Qr,
            x if x == SsiDeviceLinkType::Web2app as u32 => DeviceLinkType::Web2App,
            x if x == SsiDeviceLinkType::App2app as u32 => DeviceLinkType::App2App,
            _ => return Err(arg("link_type is not an ssi_device_link_type value")),
        };
        let session_type = match r.session_type {
            x if x == SsiSessionType::Auth as u32 => SessionType::Auth,
            x if x == SsiSessionType::Sign as u32 => SessionType::Sign,
            x if x == SsiSessionType::Cert as u32 => SessionType::Cert,
            _ => return Err(arg("session_type is not an ssi_session_type value")),
        };
        let request = DeviceLinkRequest {
            scheme_name: arg_str!(r.scheme_name, "scheme_name")?,
            device_link_base: arg_str!(r.device_link_base, "device_link_base")?,
            link_type,
            session_type,
            session_token: arg_str!(r.session_token, "session_token")?,
            session_secret: arg_str!(r.session_secret, "session_secret")?,
            rp_challenge: arg_opt!(r.rp_challenge, "rp_challenge")?,
            digest: arg_opt!(r.digest, "digest")?,
            relying_party_name: arg_str!(r.relying_party_name, "relying_party_name")?,
            brokered_rp_name: arg_opt!(r.brokered_rp_name, "brokered_rp_name")?,
            interactions: arg_opt!(r.interactions, "interactions")?,
            initial_callback_url: arg_opt!(r.initial_callback_url, "initial_callback_url")?,
            lang: arg_opt!(r.lang, "lang")?,
            elapsed_seconds: u64::try_from(r.elapsed_seconds).ok(),
        };
        let built = smartid::device_link(&request)?;
        if auth_code.is_null() || auth_code_cap <= built.auth_code.len() {
            if !auth_code_len.is_null() {
                // SAFETY: non-NULL and writable per the contract.
                unsafe { auth_code_len.write(built.auth_code.len() + 1) };
            }
            return Err(Error::new(ErrorCode::BufferTooSmall, "auth_code buffer too small"));
        }
        // SAFETY: the outputs are this function's arguments, documented as NULL or writable for their
        // capacities; both buffers were sized before anything is written.
        unsafe {
            put_text(built.device_link.as_bytes(), link, link_cap, link_len)?;
            put_text(built.auth_code.as_bytes(), auth_code, auth_code_cap, auth_code_len)
        }
    })
}

/// What the RP sent when it started an authentication session.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SsiAuthRequest {
    /// `smart-id` or `smart-id-demo`.
    pub scheme_name: ssi_str,
    /// The `rpChallenge` sent (Base64).
    pub rp_challenge: ssi_str,
    /// The relying party name exactly as sent.
    pub relying_party_name: ssi_str,
    /// The brokered RP name (empty when none).
    pub brokered_rp_name: ssi_str,
    /// The interactions Base64 text exactly as sent.
    pub interactions: ssi_str,
    /// The `initialCallbackUrl` sent (empty when none).
    pub initial_callback_url: ssi_str,
    /// The flows offered to the user, as `ssi_flow_type` values.
    pub offered_flows: *const u32,
    /// Number of entries in `offered_flows` (at most 4).
    pub offered_flows_len: usize,
}

/// Verifies an authentication session-status response (the JSON of `GET /v3/session/{id}`):
/// state, endResult and protocol, `flowType` and `interactionTypeUsed` against the request,
/// and the ACSP_V2 signature with the certificate's RSA key. The certificate is not trusted here
/// and this struct carries no `userChallengeVerifier`, so Web2App / App2App responses are refused
/// with `SSI_ERROR_USER_CHALLENGE_MISMATCH`: use `ssi_smartid_verify_auth_json` (anchors, level,
/// identity, verifier) for a trusted answer.
///
/// Parameters: `*out` receives the verdict when the check could be run.
/// Returns `SSI_OK` (then read `out->valid`), or an error when the check could not run, e.g.
/// `SSI_ERROR_SESSION_NOT_SUCCESSFUL`, `SSI_ERROR_INVALID_CERTIFICATE`, `SSI_ERROR_INVALID_JSON`.
///
/// # Safety
/// `req` readable with valid strings and flows; `status_json` readable for `status_len` bytes;
/// `limits` NULL or readable; `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_smartid_verify_auth_session(
    req: *const SsiAuthRequest,
    status_json: *const u8,
    status_len: usize,
    limits_ptr: *const Limits,
    out: *mut ssi_verdict,
) -> ssi_status {
    boundary(|| {
        // SAFETY: NULL or readable, per the contract.
        let r = unsafe { req.as_ref() }.ok_or_else(|| usage(ErrorCode::NullPointer, "req is NULL"))?;
        if r.offered_flows_len > 4 {
            return Err(arg("offered_flows_len is at most 4"));
        }
        let flows: &[u32] = if r.offered_flows.is_null() {
            if r.offered_flows_len != 0 {
                return Err(usage(ErrorCode::NullPointer, "offered_flows is NULL"));
            }
            &[]
        } else {
            // SAFETY: non-NULL, the caller promises `offered_flows_len` readable values (bounded above).
            unsafe { std::slice::from_raw_parts(r.offered_flows, r.offered_flows_len) }
        };
        let flows: Vec<FlowType> = flows.iter().map(|&f| flow_type(f)).collect::<Result<_, _>>()?;
        let (request, status, limits) = (
            AuthRequest {
                scheme_name: arg_str!(r.scheme_name, "scheme_name")?,
                rp_challenge: arg_str!(r.rp_challenge, "rp_challenge")?,
                relying_party_name: arg_str!(r.relying_party_name, "relying_party_name")?,
                brokered_rp_name: arg_opt!(r.brokered_rp_name, "brokered_rp_name")?,
                interactions: arg_str!(r.interactions, "interactions")?,
                initial_callback_url: arg_opt!(r.initial_callback_url, "initial_callback_url")?,
                offered_flows: &flows,
                user_challenge_verifier: None,
                certificate_level: None,
                person: smartid::ExpectedPerson::default(),
            },
            arg_text!(status_json, status_len, "status_json is NULL")?,
            arg_limits!(limits_ptr),
        );
        let verdict = smartid::verify_auth_session_status(&request, status, &limits)?;
        out_put!(out, verdict.into(), "out is NULL")
    })
}

/// The four-digit verification code of notification flows for `rp_challenge` (Base64), written
/// as a NUL-terminated string into `out` (at least 5 bytes).
///
/// # Safety
/// `rp_challenge` readable for `len` bytes; `out` writable for `out_cap` bytes; `out_len` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_smartid_verification_code(
    rp_challenge: *const u8,
    len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let challenge = arg_text!(rp_challenge, len, "rp_challenge is NULL")?;
        let code = smartid::verification_code(challenge)?;
        out_text!(&code, out, out_cap, out_len)
    })
}

/// Checks a callback URL's `sessionSecretDigest` against the session secret (constant time).
///
/// # Safety
/// Inputs readable for their lengths; `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_smartid_verify_session_secret_digest(
    session_secret: *const u8,
    session_secret_len: usize,
    digest: *const u8,
    digest_len: usize,
    out: *mut ssi_verdict,
) -> ssi_status {
    boundary(|| {
        let (secret, received) = (
            arg_text!(session_secret, session_secret_len, "session_secret is NULL")?,
            arg_bytes!(digest, digest_len, "digest is NULL")?,
        );
        let received = std::str::from_utf8(received).unwrap_or("");
        let verdict = smartid::verify_session_secret_digest(secret, received)?;
        out_put!(out, verdict.into(), "out is NULL")
    })
}

/// Checks `userChallenge` against the callback's `userChallengeVerifier` (constant time).
///
/// # Safety
/// Inputs readable for their lengths; `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_smartid_verify_user_challenge(
    verifier: *const u8,
    verifier_len: usize,
    user_challenge: *const u8,
    user_challenge_len: usize,
    out: *mut ssi_verdict,
) -> ssi_status {
    boundary(|| {
        let (verifier, challenge) = (
            arg_text!(verifier, verifier_len, "verifier is NULL")?,
            arg_bytes!(user_challenge, user_challenge_len, "user_challenge is NULL")?,
        );
        let challenge = std::str::from_utf8(challenge).unwrap_or("");
        let verdict = smartid::verify_user_challenge(verifier, challenge)?;
        out_put!(out, verdict.into(), "out is NULL")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_values_map_both_ways() {
        for t in InteractionType::ALL {
            assert_eq!(interaction_type(interaction_code(t)).unwrap(), t);
        }
        assert!(interaction_type(0).is_err());
        assert!(reading(4).is_err());
        assert!(strict_flow(SsiFlow::Any as u32).is_err());
        assert!(flow_type(0).is_err());
    }
}
