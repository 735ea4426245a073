//! Gataca Connect session documents and header values through the C ABI. Every output is the
//! text the core writes (the same bytes `ssi-verify gataca session` prints).

use ssi_verify_core::presentation::api_key::ApiKey;
use ssi_verify_core::presentation::gataca_session::{login_headers, login_headers_json, AccessToken, GatacaSession};
use ssi_verify_core::Limits;

use super::{boundary, ssi_status};

/// Reads a Gataca create-session reply or session (`GET /api/v3/sessions/{id}`) reply and
/// writes `{"id":...,"nonce":...|null,"state":...|null,"expiredAt":"<RFC 3339 as in the
/// document>"|null,"presentationDefinition":{...}|null,"presentationSubmission":{...}|null}`.
/// Members the library does not know are not refused (see
/// `ssi_gataca_session_unknown_members`).
///
/// Returns `SSI_OK`, a JSON or limit error, `SSI_ERROR_UNEXPECTED_JSON_TYPE`,
/// `SSI_ERROR_MISSING_FIELD`, `SSI_ERROR_INVALID_PRESENTATION_DEFINITION` (and the other
/// definition errors), `SSI_ERROR_INVALID_OPEN_ID_VP_REQUEST`, `SSI_ERROR_INVALID_DATE`,
/// `SSI_ERROR_INVALID_GATACA_SESSION` (neither reply, empty id, ids that disagree), or
/// `SSI_ERROR_BUFFER_TOO_SMALL`.
///
/// # Safety
/// `json` readable for `json_len`; `limits` NULL or readable; `out` writable for `out_cap`;
/// `out_len` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_gataca_session(
    json: *const u8,
    json_len: usize,
    limits_ptr: *const Limits,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> ssi_status {
    // SAFETY: this function's `# Safety` contract is the one `write_session` requires.
    unsafe { write_session(json, json_len, limits_ptr, out, out_cap, out_len, GatacaSession::to_json) }
}

/// Writes the members of a session document the library does not know, as a JSON array of
/// names (`"AuthRequest.x"` for one inside `AuthRequest`); `[]` when there are none.
///
/// Returns what `ssi_gataca_session` returns.
///
/// # Safety
/// As `ssi_gataca_session`.
#[no_mangle]
pub unsafe extern "C" fn ssi_gataca_session_unknown_members(
    json: *const u8,
    json_len: usize,
    limits_ptr: *const Limits,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> ssi_status {
    // SAFETY: this function's `# Safety` contract is the one `write_session` requires.
    unsafe { write_session(json, json_len, limits_ptr, out, out_cap, out_len, GatacaSession::unknown_members_json) }
}

/// Writes the `Authorization` value `jwt <token>` from the login reply's `Token` and
/// `Token_type` header values (pass NULL with length 0 for an absent header).
///
/// Returns `SSI_OK`, `SSI_ERROR_HEADER_MISSING`, `SSI_ERROR_INVALID_HEADER` (type other than
/// `jwt`, token that is not an RFC 7235 token68), or `SSI_ERROR_BUFFER_TOO_SMALL`.
///
/// # Safety
/// Inputs NULL (length 0) or readable for their lengths; `out` writable for `out_cap`;
/// `out_len` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_gataca_authorization_from_login(
    token: *const u8,
    token_len: usize,
    token_type: *const u8,
    token_type_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (token, token_type) = (
            arg_text!(token, token_len, "token is NULL")?,
            arg_text!(token_type, token_type_len, "token_type is NULL")?,
        );
        let token = AccessToken::from_login_reply(
            (!token.is_empty()).then_some(token),
            (!token_type.is_empty()).then_some(token_type),
        )?;
        out_text!(token.authorization().as_bytes(), out, out_cap, out_len)
    })
}

/// Writes the access token of an `Authorization: jwt <token>` value.
///
/// Returns `SSI_OK`, `SSI_ERROR_HEADER_MISSING`, `SSI_ERROR_INVALID_HEADER` (another scheme, a
/// malformed token), or `SSI_ERROR_BUFFER_TOO_SMALL`.
///
/// # Safety
/// `value` readable for `value_len`; `out` writable for `out_cap`; `out_len` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_gataca_authorization_token(
    value: *const u8,
    value_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let value = arg_text!(value, value_len, "value is NULL")?;
        let token = AccessToken::from_authorization(value)?;
        out_text!(token.token().as_bytes(), out, out_cap, out_len)
    })
}

/// Writes the login request's header fields as one JSON object, in order:
/// `{"Authorization":"Basic ...","tenant":"...","ssiconfig":"..."}`.
///
/// Returns `SSI_OK`, `SSI_ERROR_INVALID_API_KEY`, `SSI_ERROR_INVALID_HEADER` (an empty tenant or
/// template id, or one with control, non-ASCII or surrounding space characters), or
/// `SSI_ERROR_BUFFER_TOO_SMALL`.
///
/// # Safety
/// Inputs readable for their lengths; `out` writable for `out_cap`; `out_len` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_gataca_login_headers(
    api_key_id: *const u8,
    api_key_id_len: usize,
    api_key_secret: *const u8,
    api_key_secret_len: usize,
    tenant: *const u8,
    tenant_len: usize,
    ssiconfig: *const u8,
    ssiconfig_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (id, secret, tenant, ssiconfig) = (
            arg_text!(api_key_id, api_key_id_len, "api_key_id is NULL")?,
            arg_text!(api_key_secret, api_key_secret_len, "api_key_secret is NULL")?,
            arg_text!(tenant, tenant_len, "tenant is NULL")?,
            arg_text!(ssiconfig, ssiconfig_len, "ssiconfig is NULL")?,
        );
        let headers = login_headers(&ApiKey::new(id, secret)?, tenant, ssiconfig)?;
        out_text!(login_headers_json(&headers).as_bytes(), out, out_cap, out_len)
    })
}

/// Parses a session document once and writes one JSON view of it (shared by the two session
/// functions, which differ only in the view).
///
/// # Safety
/// `json` NULL (length 0) or readable for `json_len`; `limits_ptr` NULL or readable; `out`
/// NULL or writable for `out_cap`; `out_len` NULL or writable.
unsafe fn write_session(
    json: *const u8,
    json_len: usize,
    limits_ptr: *const Limits,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
    view: fn(&GatacaSession) -> String,
) -> ssi_status {
    boundary(|| {
        let (json, limits) = (arg_text!(json, json_len, "json is NULL")?, arg_limits!(limits_ptr));
        let session = GatacaSession::parse(json, &limits)?;
        out_text!(view(&session).as_bytes(), out, out_cap, out_len)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ssi_verify_core::ErrorCode;

    fn call(f: impl Fn(*mut u8, usize, *mut usize) -> ssi_status) -> Result<String, u32> {
        let mut buf = vec![0u8; 64 * 1024];
        let mut len = 0usize;
        match f(buf.as_mut_ptr(), buf.len(), &mut len) {
            0 => Ok(String::from_utf8(buf[..len].to_vec()).unwrap()),
            code => Err(code),
        }
    }

    #[test]
    fn session_bytes_are_the_core_json() {
        let doc = r#"{"Id":"s","AuthRequest":{"nonce":"n","extra":1},"ExpiredAt":null}"#;
        // SAFETY: valid buffers of the stated lengths.
        let out = call(|o, c, l| unsafe { ssi_gataca_session(doc.as_ptr(), doc.len(), std::ptr::null(), o, c, l) });
        assert_eq!(out.unwrap(), GatacaSession::parse(doc, &Default::default()).unwrap().to_json());
        // SAFETY: as above.
        let unknown = call(|o, c, l| unsafe {
            ssi_gataca_session_unknown_members(doc.as_ptr(), doc.len(), std::ptr::null(), o, c, l)
        });
        assert_eq!(unknown.unwrap(), r#"["AuthRequest.extra"]"#);
        let bad = "{}";
        // SAFETY: as above.
        let err = call(|o, c, l| unsafe { ssi_gataca_session(bad.as_ptr(), bad.len(), std::ptr::null(), o, c, l) });
        assert_eq!(err.unwrap_err(), ErrorCode::InvalidGatacaSession as u32);
    }

    #[test]
    fn header_values() {
        let (t, ty) = ("abc.def.ghi", "jwt");
        // SAFETY: valid buffers of the stated lengths.
        let out = call(|o, c, l| unsafe {
            ssi_gataca_authorization_from_login(t.as_ptr(), t.len(), ty.as_ptr(), ty.len(), o, c, l)
        });
        assert_eq!(out.unwrap(), "jwt abc.def.ghi");
        // SAFETY: NULL with length 0 is an absent header.
        let out = call(|o, c, l| unsafe {
            ssi_gataca_authorization_from_login(t.as_ptr(), t.len(), std::ptr::null(), 0, o, c, l)
        });
        assert_eq!(out.unwrap_err(), ErrorCode::HeaderMissing as u32);
        let v = "jwt abc.def.ghi";
        // SAFETY: as above.
        assert_eq!(call(|o, c, l| unsafe { ssi_gataca_authorization_token(v.as_ptr(), v.len(), o, c, l) }).unwrap(), t);
        let (id, secret, tenant, cfg) = ("id", "secret", "tenant-1", "Test");
        // SAFETY: as above.
        let out = call(|o, c, l| unsafe {
            ssi_gataca_login_headers(
                id.as_ptr(),
                id.len(),
                secret.as_ptr(),
                secret.len(),
                tenant.as_ptr(),
                tenant.len(),
                cfg.as_ptr(),
                cfg.len(),
                o,
                c,
                l,
            )
        });
        assert_eq!(out.unwrap(), r#"{"Authorization":"Basic aWQ6c2VjcmV0","tenant":"tenant-1","ssiconfig":"Test"}"#);
    }
}
