//! ProofSpace through the C ABI: body signatures, Bearer tokens, typed values, webhook documents.

use std::collections::BTreeMap;

use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;
use ssi_verify_core::crypto::rsa::RsaKey;
use ssi_verify_core::jose::{JwsKey, RsaJwsAlg};
use ssi_verify_core::proofspace::auth::{self, BearerPolicy, Direction, PROOFSPACE_RSA_BITS};
use ssi_verify_core::proofspace::report;
use ssi_verify_core::proofspace::request_view::RequestView;
use ssi_verify_core::proofspace::values::{cast, AttributeType, EnumValue};
use ssi_verify_core::proofspace::webhook::{self, InteractionRequest, InteractionResponse};
use ssi_verify_core::{Error, ErrorCode, Limits};

use super::{boundary, ssi_status, ssi_str, ssi_verdict, usage};

/// Credential attribute types.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SsiAttributeType {
    /// Text.
    Text = 1,
    /// Date: seconds since the epoch.
    Date = 2,
    /// Number: a plain decimal with '.'.
    Number = 3,
    /// ImageURL: an absolute http(s) URL.
    ImageUrl = 4,
    /// Enumeration: a non-negative index.
    Enumeration = 5,
}

/// How a Bearer token's key is given.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SsiJwsKeyKind {
    /// `key` holds the raw HS256 shared secret (at least 32 bytes).
    Hs256 = 1,
    /// `key` holds an RSA SPKI PEM; the token must be RS256.
    Rs256 = 2,
    /// `key` holds an RSA SPKI PEM; the token must be RS512.
    Rs512 = 3,
    /// `key` holds an Ed25519 SPKI PEM; the token must be EdDSA.
    EdDsa = 4,
}

/// Which way the webhook call goes.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SsiDirection {
    /// ProofSpace calls the third party: `iss` must be the service DID.
    FromProofspace = 1,
    /// The third party calls ProofSpace: `aud` must be the service DID.
    ToProofspace = 2,
}

/// What a Bearer token must satisfy.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SsiBearerPolicy {
    /// The service's public DID.
    pub service_did: ssi_str,
    /// An `ssi_direction`.
    pub direction: u32,
    /// Current time, seconds since the epoch.
    pub now: u64,
    /// Allowed clock skew in seconds.
    pub leeway: u64,
    /// Whether a token without `exp` is refused.
    pub require_exp: bool,
    /// Read millisecond `exp`/`nbf` as milliseconds instead of refusing them.
    pub accept_millisecond_times: bool,
}

fn arg(detail: &'static str) -> Error {
    usage(ErrorCode::InvalidArgument, detail)
}

fn to_attribute_type(v: u32) -> Result<AttributeType, Error> {
    Ok(match v {
        x if x == SsiAttributeType::Text as u32 => AttributeType::Text,
        x if x == SsiAttributeType::Date as u32 => AttributeType::Date,
        x if x == SsiAttributeType::Number as u32 => AttributeType::Number,
        x if x == SsiAttributeType::ImageUrl as u32 => AttributeType::ImageUrl,
        x if x == SsiAttributeType::Enumeration as u32 => AttributeType::Enumeration,
        _ => return Err(arg("not an ssi_attribute_type value")),
    })
}

/// Verifies an `X-Body-Signature` over the exact body bytes. The key (SPKI PEM) decides the
/// scheme: RSA 2048 to 4096 bits uses PKCS#1 v1.5 + SHA3-256, Ed25519 signs the raw body.
///
/// Parameters: `public_key_pem`, `body` and `signature` (the raw header value, trimmed here)
/// as (pointer, length); `*out` receives the verdict.
/// Returns `SSI_OK` (then read `out->valid`), or `SSI_ERROR_INVALID_KEY`,
/// `SSI_ERROR_KEY_SIZE_NOT_ALLOWED`, `SSI_ERROR_UNSUPPORTED_KEY`, `SSI_ERROR_INVALID_BASE64`,
/// `SSI_ERROR_INVALID_SIGNATURE_ENCODING`, `SSI_ERROR_HEADER_MISSING`, `SSI_ERROR_HEADER_DUPLICATED`.
///
/// # Safety
/// Every (pointer, length) pair readable; `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_proofspace_verify_body(
    public_key_pem: *const u8,
    public_key_pem_len: usize,
    body: *const u8,
    body_len: usize,
    signature: *const u8,
    signature_len: usize,
    out: *mut ssi_verdict,
) -> ssi_status {
    boundary(|| {
        let (pem, body, sig) = (
            arg_text!(public_key_pem, public_key_pem_len, "public_key_pem is NULL")?,
            arg_bytes!(body, body_len, "body is NULL")?,
            arg_text!(signature, signature_len, "signature is NULL")?,
        );
        let key = auth::parse_public_key(pem)?;
        let sig = auth::single_header(Some(sig))?;
        let verdict = auth::verify_body_signature(&key, body, sig)?;
        out_put!(out, verdict.into(), "out is NULL")
    })
}

/// Signs a body for the Ed25519 `X-Body-Signature` scheme with the 32-byte secret `seed`,
/// writing the NUL-terminated Base64 signature (89 bytes with the NUL) into `out`.
///
/// # Safety
/// `seed` readable for 32 bytes; `body` readable for `body_len`; `out` writable for `out_cap`.
#[no_mangle]
pub unsafe extern "C" fn ssi_proofspace_sign_body_ed25519(
    seed: *const u8,
    seed_len: usize,
    body: *const u8,
    body_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (seed, body) = (arg_bytes!(seed, seed_len, "seed is NULL")?, arg_bytes!(body, body_len, "body is NULL")?);
        let key = Ed25519SecretKey::from_slice(seed)?;
        let sig = auth::sign_body_ed25519(&key, body);
        out_text!(sig.as_bytes(), out, out_cap, out_len)
    })
}

/// Verifies the `Authorization` header of a webhook call (`Bearer <JWT>`): the key kind fixes the
/// algorithm, then signature, `exp`/`nbf` against `policy.now`, and `iss` or `aud` per direction.
///
/// Parameters: `authorization` the raw header value (length 0 means absent); `key_kind` an
/// `ssi_jws_key_kind`, `key` the secret bytes or the PEM; `*out` the verdict.
/// Returns `SSI_OK` (then read `out`; reasons such as `SSI_ERROR_JWT_EXPIRED`,
/// `SSI_ERROR_JWT_ISSUER_MISMATCH`, `SSI_ERROR_SIGNATURE_MISMATCH`), or an error such as
/// `SSI_ERROR_HEADER_MISSING`, `SSI_ERROR_INVALID_HEADER`, `SSI_ERROR_INVALID_JWT`,
/// `SSI_ERROR_JWT_ALG_NONE`, `SSI_ERROR_JWT_ALG_MISMATCH`, `SSI_ERROR_JWT_EXP_IN_MILLISECONDS`.
///
/// # Safety
/// Inputs readable for their lengths; `policy` readable with valid strings; `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_proofspace_verify_bearer(
    authorization: *const u8,
    authorization_len: usize,
    key_kind: u32,
    key: *const u8,
    key_len: usize,
    policy: *const SsiBearerPolicy,
    limits_ptr: *const Limits,
    out: *mut ssi_verdict,
) -> ssi_status {
    boundary(|| {
        let (header, key_bytes, limits) = (
            arg_text!(authorization, authorization_len, "authorization is NULL")?,
            arg_bytes!(key, key_len, "key is NULL")?,
            arg_limits!(limits_ptr),
        );
        // SAFETY: NULL or readable, per the contract.
        let p = unsafe { policy.as_ref() }.ok_or_else(|| usage(ErrorCode::NullPointer, "policy is NULL"))?;
        let direction = match p.direction {
            x if x == SsiDirection::FromProofspace as u32 => Direction::FromProofSpace,
            x if x == SsiDirection::ToProofspace as u32 => Direction::ToProofSpace,
            _ => return Err(arg("direction is not an ssi_direction value")),
        };
        let pem =
            || std::str::from_utf8(key_bytes).map_err(|_| Error::new(ErrorCode::InvalidKey, "key PEM is not UTF-8"));
        let rsa;
        let ed;
        let jws_key = match key_kind {
            x if x == SsiJwsKeyKind::Hs256 as u32 => JwsKey::Hmac(key_bytes),
            x if x == SsiJwsKeyKind::Rs256 as u32 || x == SsiJwsKeyKind::Rs512 as u32 => {
                rsa = RsaKey::from_spki_pem(pem()?, PROOFSPACE_RSA_BITS)?;
                let alg = if x == SsiJwsKeyKind::Rs256 as u32 { RsaJwsAlg::Rs256 } else { RsaJwsAlg::Rs512 };
                JwsKey::Rsa(&rsa, alg)
            }
            x if x == SsiJwsKeyKind::EdDsa as u32 => {
                ed = match auth::parse_public_key(pem()?)? {
                    ssi_verify_core::crypto::PublicKey::Ed25519(k) => k,
                    ssi_verify_core::crypto::PublicKey::Rsa(_) => {
                        return Err(Error::new(ErrorCode::UnsupportedKey, "EdDSA needs an Ed25519 key"))
                    }
                };
                JwsKey::Ed25519(&ed)
            }
            _ => return Err(arg("key_kind is not an ssi_jws_key_kind value")),
        };
        let policy = BearerPolicy {
            service_did: arg_str!(p.service_did, "service_did")?,
            direction,
            now: p.now,
            leeway: p.leeway,
            require_exp: p.require_exp,
            accept_millisecond_times: p.accept_millisecond_times,
        };
        let header = (!header.is_empty()).then_some(header);
        let check = auth::verify_bearer(header, &jws_key, &policy, &limits)?;
        out_put!(out, check.verdict.into(), "out is NULL")
    })
}

/// Casts a wire string to its typed value and writes the typed value as compact JSON, e.g.
/// `{"type":"Date","seconds":1648800000}` or `{"type":"Number","value":"222.2222"}`.
///
/// Parameters: `attribute_type` an `ssi_attribute_type`; `enum_values`/`enum_values_len` the
/// schema's allowed Enumeration values (NULL/0 when the schema gives none).
/// Returns `SSI_OK`, or `SSI_ERROR_INVALID_DATE`, `SSI_ERROR_DATE_LOOKS_LIKE_MILLISECONDS`,
/// `SSI_ERROR_INVALID_NUMBER`, `SSI_ERROR_INVALID_IMAGE_URL`, `SSI_ERROR_INVALID_ENUMERATION`,
/// `SSI_ERROR_ENUMERATION_NOT_IN_SCHEMA`, `SSI_ERROR_BUFFER_TOO_SMALL`.
///
/// # Safety
/// `value` readable for `value_len`; `enum_values` readable for `enum_values_len` values; `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_proofspace_cast(
    attribute_type: u32,
    value: *const u8,
    value_len: usize,
    enum_values: *const u32,
    enum_values_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let value = arg_text!(value, value_len, "value is NULL")?;
        let enums: Option<Vec<EnumValue>> = if enum_values.is_null() {
            if enum_values_len != 0 {
                return Err(usage(ErrorCode::NullPointer, "enum_values is NULL"));
            }
            None
        } else {
            if enum_values_len > 65_536 {
                return Err(arg("at most 65536 enumeration values"));
            }
            // SAFETY: non-NULL, the caller promises `enum_values_len` readable values (bounded above).
            let raw = unsafe { std::slice::from_raw_parts(enum_values, enum_values_len) };
            Some(raw.iter().map(|&v| EnumValue { name: v.to_string(), value: v }).collect())
        };
        let typed = cast(to_attribute_type(attribute_type)?, value, enums.as_deref())?;
        out_text!(typed.to_json().as_bytes(), out, out_cap, out_len)
    })
}

/// Parses and validates an interaction-webhook request body.
///
/// # Safety
/// `json` readable for `json_len`; `limits` NULL or readable.
#[no_mangle]
pub unsafe extern "C" fn ssi_proofspace_check_request(
    json: *const u8,
    json_len: usize,
    limits_ptr: *const Limits,
) -> ssi_status {
    boundary(|| {
        let (json, limits) = (arg_text!(json, json_len, "json is NULL")?, arg_limits!(limits_ptr));
        RequestView::parse(json, &limits).map(|_| ())
    })
}

/// Checks a webhook response against its request and reports every mismatch.
///
/// Parameters: `*out` the verdict (`SSI_ERROR_RESPONSE_MISMATCH` when any mismatch);
/// `report`/`report_cap` receive the core's report, the same JSON the CLI's `proofspace
/// check-response` prints: `{"valid":false,"reason":"RESPONSE_MISMATCH","mismatches":
/// [{"path":"serviceDid","code":"RESPONSE_MISMATCH","detail":"..."}]}`.
/// Returns `SSI_OK`, a parse error of either document, or `SSI_ERROR_BUFFER_TOO_SMALL`.
///
/// # Safety
/// Inputs readable for their lengths; outputs writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_proofspace_check_response(
    request_json: *const u8,
    request_len: usize,
    response_json: *const u8,
    response_len: usize,
    limits_ptr: *const Limits,
    out: *mut ssi_verdict,
    report: *mut u8,
    report_cap: usize,
    report_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (req, resp, limits) = (
            arg_text!(request_json, request_len, "request_json is NULL")?,
            arg_text!(response_json, response_len, "response_json is NULL")?,
            arg_limits!(limits_ptr),
        );
        let req = InteractionRequest::parse(req, &limits)?;
        let resp = InteractionResponse::parse(resp, &limits)?;
        let (verdict, mismatches) = webhook::check_response(&req, &resp, &BTreeMap::new())?;
        let json = report::check_response_json(verdict, &mismatches);
        out_report!(&json, verdict, out, report, report_cap, report_len)
    })
}

/// Writes the failure reply a webhook sends to fail an event:
/// `{"protocolVersion":1,"ok":false,"error":{"message":...,"details":...}}` (`details` omitted
/// when its length is 0).
///
/// # Safety
/// Inputs readable for their lengths; `out` writable for `out_cap`.
#[no_mangle]
pub unsafe extern "C" fn ssi_proofspace_failure_reply(
    message: *const u8,
    message_len: usize,
    details: *const u8,
    details_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (message, details) =
            (arg_text!(message, message_len, "message is NULL")?, arg_text!(details, details_len, "details is NULL")?);
        let reply = webhook::failure_reply(message, (!details.is_empty()).then_some(details));
        out_text!(reply.as_bytes(), out, out_cap, out_len)
    })
}
