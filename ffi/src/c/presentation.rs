//! Gataca / OpenID4VP through the C ABI: JCS, JSONPath, Ed25519, `did:key`,
//! `JcsEd25519Signature2020` proofs, VC-JWTs, `openid-vp://` requests, verification-result
//! webhooks and API keys.
//!
//! Structured results are written as compact JSON text, so C callers need no new types beyond
//! the two policy structs.

use ssi_verify_core::crypto::did_key::{did_key_verification_method, resolve_did_key, TrustStore};
use ssi_verify_core::crypto::ed25519::{Ed25519PublicKey, Ed25519SecretKey};
use ssi_verify_core::jose::JwtPolicy;
use ssi_verify_core::json::jsonpath::{self, Query};
use ssi_verify_core::json::{jcs, Value};
use ssi_verify_core::presentation::api_key::ApiKey;
use ssi_verify_core::presentation::definition::PresentationDefinition;
use ssi_verify_core::presentation::evaluate::evaluate;
use ssi_verify_core::presentation::jwt_vc::{decode_jwt_vc, verify_jwt_vc};
use ssi_verify_core::presentation::lint::lint;
use ssi_verify_core::presentation::openid::AuthorizationRequest;
use ssi_verify_core::presentation::proof::{overall, sign_jcs_ed25519, verify_proofs, ProofExpectations};
use ssi_verify_core::presentation::report::{
    credentials_from_json, extra_proof_members, jwt_json, lint_json, proofs_json, request_json, submission_json,
    webhook_summary_json,
};
use ssi_verify_core::presentation::result::WebhookPayload;
use ssi_verify_core::presentation::submission::PresentationSubmission;
use ssi_verify_core::presentation::verifier::{read_presentation, verify_presentation, VerifierPolicy};
use ssi_verify_core::{Error, ErrorCode, Limits};

use super::{boundary, put_text, ssi_status, ssi_str, ssi_verdict, usage};

/// What every `JcsEd25519Signature2020` proof must satisfy besides a good signature.
/// An empty string means "no requirement".
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SsiProofExpectations {
    /// Required `proofPurpose` (e.g. `assertionMethod`, `authentication`).
    pub proof_purpose: ssi_str,
    /// Required `domain` (the string, or one member of an array).
    pub domain: ssi_str,
    /// Required `challenge` or, as Gataca writes it, `nonce`.
    pub challenge_or_nonce: ssi_str,
    /// Also accept Ed25519 over SHA-256(JCS) (the spec prose); off in the published vectors.
    pub allow_sha256_prehash: bool,
}

/// What a VC-JWT / VP-JWT's claims must satisfy. An empty string means "no requirement".
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SsiJwtPolicy {
    /// Required `iss`.
    pub issuer: ssi_str,
    /// Required member of `aud`.
    pub audience: ssi_str,
    /// Current time, seconds since the epoch.
    pub now: u64,
    /// Allowed clock skew in seconds for `exp` and `nbf`.
    pub leeway: u64,
    /// Whether a token without `exp` is refused.
    pub require_exp: bool,
    /// Read millisecond `exp`/`nbf` as milliseconds instead of refusing them.
    pub accept_millisecond_times: bool,
}

/// What `ssi_pe_verify_presentation` requires beyond the definition. An empty string means
/// "no requirement".
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SsiVerifierPolicy {
    /// The nonce / challenge the presentation proof must carry (the request's `nonce`).
    pub challenge: ssi_str,
    /// The domain the presentation proof must carry.
    pub domain: ssi_str,
    /// Also accept the SHA-256 pre-hash readings of `JcsEd25519Signature2020`.
    pub allow_sha256_prehash: bool,
    /// Current time for JWT credentials, seconds since the epoch.
    pub now: u64,
}

/// Copies raw bytes (no NUL) into `buf`; on too small a buffer stores the size needed.
///
/// # Safety
/// `buf` NULL or writable for `cap` bytes; `out_len` NULL or writable.
unsafe fn put_bytes(data: &[u8], buf: *mut u8, cap: usize, out_len: *mut usize) -> Result<(), Error> {
    if out_len.is_null() {
        return Err(usage(ErrorCode::NullPointer, "out_len is NULL"));
    }
    if buf.is_null() || cap < data.len() {
        // SAFETY: out_len checked non-NULL above.
        unsafe { out_len.write(data.len()) };
        return Err(Error::new(ErrorCode::BufferTooSmall, "output buffer too small; *out_len holds the size needed"));
    }
    // SAFETY: buf holds at least data.len() writable bytes; the caller's buffer is its own.
    unsafe {
        std::ptr::copy_nonoverlapping(data.as_ptr(), buf, data.len());
        out_len.write(data.len());
    }
    Ok(())
}

/// Writes the RFC 8785 (JCS) canonical form of a JSON document.
///
/// Parameters: `json`/`json_len` the document (strict RFC 8259: duplicate names and lone
/// surrogates are refused); `limits` NULL for the defaults; `out`/`out_cap` receive the
/// NUL-terminated canonical text, `*out_len` its length.
/// Returns `SSI_OK`, a JSON error (`SSI_ERROR_INVALID_JSON`, `SSI_ERROR_DUPLICATE_KEY`,
/// `SSI_ERROR_LONE_SURROGATE`, ...), `SSI_ERROR_NUMBER_NOT_I_JSON`, a limit error, or
/// `SSI_ERROR_BUFFER_TOO_SMALL` (with the size needed in `*out_len`).
///
/// # Safety
/// `json` readable for `json_len`; `limits` NULL or readable; `out` writable for `out_cap`;
/// `out_len` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_jcs_canonicalize(
    json: *const u8,
    json_len: usize,
    limits_ptr: *const Limits,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (json, limits) = (arg_text!(json, json_len, "json is NULL")?, arg_limits!(limits_ptr));
        let canonical = jcs::canonicalize_str(json, &limits)?;
        out_text!(canonical.as_bytes(), out, out_cap, out_len)
    })
}

/// Runs an RFC 9535 JSONPath query and writes the selected nodes as a JSON array
/// `[{"location":"$['a'][0]","value":...}]`, in document order.
///
/// Returns `SSI_OK`, `SSI_ERROR_INVALID_JSONPATH`, a JSON error for the document, a limit
/// error (`SSI_ERROR_TOO_MANY_ITEMS` when the selection exceeds its budget), or
/// `SSI_ERROR_BUFFER_TOO_SMALL`.
///
/// # Safety
/// `query` and `json` readable for their lengths; `limits` NULL or readable; `out` writable for
/// `out_cap`; `out_len` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_jsonpath_select(
    query: *const u8,
    query_len: usize,
    json: *const u8,
    json_len: usize,
    limits_ptr: *const Limits,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (query, json, limits) = (
            arg_text!(query, query_len, "query is NULL")?,
            arg_text!(json, json_len, "json is NULL")?,
            arg_limits!(limits_ptr),
        );
        let query = Query::parse(query, &limits)?;
        let doc = Value::parse(json, &limits)?;
        let nodes = query.select(&doc, &limits)?;
        out_text!(jsonpath::nodelist_json(&nodes, true).as_bytes(), out, out_cap, out_len)
    })
}

/// Verifies an Ed25519 signature (RFC 8032, strict: small-order keys and non-canonical `S`
/// are refused).
///
/// Parameters: `public_key` 32 bytes, `signature` 64 bytes, `message` any bytes; `*out` the verdict
/// (`SSI_ERROR_SIGNATURE_MISMATCH` when it does not verify).
/// Returns `SSI_OK`, `SSI_ERROR_INVALID_KEY`, `SSI_ERROR_INVALID_SIGNATURE_ENCODING`, or
/// `SSI_ERROR_NULL_POINTER`.
///
/// # Safety
/// Inputs readable for their lengths; `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_ed25519_verify(
    public_key: *const u8,
    public_key_len: usize,
    signature: *const u8,
    signature_len: usize,
    message: *const u8,
    message_len: usize,
    out: *mut ssi_verdict,
) -> ssi_status {
    boundary(|| {
        let (pk, sig, msg) = (
            arg_bytes!(public_key, public_key_len, "public_key is NULL")?,
            arg_bytes!(signature, signature_len, "signature is NULL")?,
            arg_bytes!(message, message_len, "message is NULL")?,
        );
        let verdict = Ed25519PublicKey::from_bytes(pk)?.verify(msg, sig)?;
        out_put!(out, verdict.into(), "out is NULL")
    })
}

/// Writes the 32-byte Ed25519 public key of a 32-byte secret seed (raw bytes, no NUL).
///
/// Returns `SSI_OK`, `SSI_ERROR_INVALID_KEY` for a seed that is not 32 bytes, or
/// `SSI_ERROR_BUFFER_TOO_SMALL` (then `*out_len` is 32).
///
/// # Safety
/// `seed` readable for `seed_len`; `out` writable for `out_cap`; `out_len` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_ed25519_public_key(
    seed: *const u8,
    seed_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let seed = arg_bytes!(seed, seed_len, "seed is NULL")?;
        let pk = Ed25519SecretKey::from_slice(seed)?.public_key().to_bytes();
        // SAFETY: `out` and `out_len` are this function's arguments: NULL or writable for `out_cap`
        // bytes and one length, what `put_bytes` requires.
        unsafe { put_bytes(&pk, out, out_cap, out_len) }
    })
}

/// Writes the `did:key` verification-method id (`did:key:z6Mk…#z6Mk…`) of a 32-byte Ed25519
/// public key.
///
/// Returns `SSI_OK`, `SSI_ERROR_INVALID_KEY`, or `SSI_ERROR_BUFFER_TOO_SMALL`.
///
/// # Safety
/// `public_key` readable for `public_key_len`; `out` writable for `out_cap`; `out_len` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_did_key_verification_method(
    public_key: *const u8,
    public_key_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let pk = arg_bytes!(public_key, public_key_len, "public_key is NULL")?;
        let vm = did_key_verification_method(&Ed25519PublicKey::from_bytes(pk)?);
        out_text!(vm.as_bytes(), out, out_cap, out_len)
    })
}

/// Resolves `did:key:z6Mk…` (or its verification method `did:key:z6Mk…#z6Mk…`) offline and
/// writes the 32-byte Ed25519 public key (raw bytes, no NUL).
///
/// Returns `SSI_OK`, `SSI_ERROR_INVALID_DID`, `SSI_ERROR_UNSUPPORTED_DID_METHOD`,
/// `SSI_ERROR_UNSUPPORTED_KEY`, `SSI_ERROR_INVALID_KEY`, or `SSI_ERROR_BUFFER_TOO_SMALL`.
///
/// # Safety
/// `did` readable for `did_len`; `out` writable for `out_cap`; `out_len` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_resolve_did_key(
    did: *const u8,
    did_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let did = arg_text!(did, did_len, "did is NULL")?;
        let pk = resolve_did_key(did)?.to_bytes();
        // SAFETY: `out` and `out_len` are this function's arguments: NULL or writable for `out_cap`
        // bytes and one length, what `put_bytes` requires.
        unsafe { put_bytes(&pk, out, out_cap, out_len) }
    })
}

/// Verifies every `JcsEd25519Signature2020` proof of a JSON document (a Gataca presentation
/// definition, data agreement, credential or presentation).
///
/// Parameters: `document`; `trust_store` a JSON object `{"<DID or verification method>":
/// "<hex Ed25519 public key>"}`, or NULL/0 to trust only `did:key` methods (resolved offline);
/// `expect` NULL for no requirement; `*out` the verdict of all proofs (valid when every proof
/// is, else the first failure: `SSI_ERROR_SIGNATURE_MISMATCH`, `SSI_ERROR_PROOF_PURPOSE_MISMATCH`,
/// `SSI_ERROR_PROOF_DOMAIN_MISMATCH`, `SSI_ERROR_PROOF_CHALLENGE_MISMATCH`); `report` receives the
/// core's proof report, the same JSON the CLI's `proof verify` prints: `{"valid":true,"proofs":
/// [{"verificationMethod":...,"valid":true,"reason":null,"reading":{"message":"jcs",
/// "encoding":"base64url"}}]}`.
/// Returns `SSI_OK`, or an error such as `SSI_ERROR_PROOF_MISSING`,
/// `SSI_ERROR_UNSUPPORTED_PROOF_TYPE`, `SSI_ERROR_UNKNOWN_VERIFICATION_METHOD`,
/// `SSI_ERROR_INVALID_SIGNATURE_ENCODING`, a JSON error, `SSI_ERROR_BUFFER_TOO_SMALL` (then
/// `*out` is not written).
///
/// # Safety
/// Inputs readable for their lengths; `expect` NULL or readable with valid strings; `limits`
/// NULL or readable; outputs writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_verify_proofs(
    document: *const u8,
    document_len: usize,
    trust_store: *const u8,
    trust_store_len: usize,
    expect: *const SsiProofExpectations,
    limits_ptr: *const Limits,
    out: *mut ssi_verdict,
    report: *mut u8,
    report_cap: usize,
    report_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (doc, store, limits) = (
            arg_text!(document, document_len, "document is NULL")?,
            arg_text!(trust_store, trust_store_len, "trust_store is NULL")?,
            arg_limits!(limits_ptr),
        );
        // SAFETY: NULL or readable, per the contract.
        let expectations = match unsafe { expect.as_ref() } {
            None => ProofExpectations::default(),
            Some(e) => ProofExpectations {
                proof_purpose: arg_opt!(e.proof_purpose, "proof_purpose")?,
                domain: arg_opt!(e.domain, "domain")?,
                challenge_or_nonce: arg_opt!(e.challenge_or_nonce, "challenge_or_nonce")?,
                allow_sha256_prehash: e.allow_sha256_prehash,
            },
        };
        let keys = TrustStore::from_json(store, &limits)?;
        let doc = Value::parse(doc, &limits)?;
        let checks = verify_proofs(&doc, &keys, &expectations, &limits)?;
        out_report!(&proofs_json(&checks), overall(&checks), out, report, report_cap, report_len)
    })
}

/// Adds a `JcsEd25519Signature2020` proof (raw JCS, base58btc signature) to a JSON object and
/// writes the signed document.
///
/// Parameters: `document` a JSON object; `seed` the 32-byte Ed25519 secret seed;
/// `verification_method`, `proof_purpose` and `created` (RFC 3339 text) the proof members;
/// `extra` a JSON object of further proof members such as `domain` or `nonce` (NULL/0 for none).
/// Returns `SSI_OK`, `SSI_ERROR_INVALID_KEY`, `SSI_ERROR_UNEXPECTED_JSON_TYPE`,
/// `SSI_ERROR_INVALID_ARGUMENT` (an `extra` member the proof writes itself), a JSON error, or
/// `SSI_ERROR_BUFFER_TOO_SMALL`.
///
/// # Safety
/// Inputs readable for their lengths; `limits` NULL or readable; `out` writable for `out_cap`;
/// `out_len` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_sign_jcs_ed25519(
    document: *const u8,
    document_len: usize,
    seed: *const u8,
    seed_len: usize,
    verification_method: ssi_str,
    proof_purpose: ssi_str,
    created: ssi_str,
    extra: *const u8,
    extra_len: usize,
    limits_ptr: *const Limits,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (doc, seed, vm, purpose, created, extra, limits) = (
            arg_text!(document, document_len, "document is NULL")?,
            arg_bytes!(seed, seed_len, "seed is NULL")?,
            arg_str!(verification_method, "verification_method")?,
            arg_str!(proof_purpose, "proof_purpose")?,
            arg_str!(created, "created")?,
            arg_text!(extra, extra_len, "extra is NULL")?,
            arg_limits!(limits_ptr),
        );
        let key = Ed25519SecretKey::from_slice(seed)?;
        let doc = Value::parse(doc, &limits)?;
        let extra = extra_proof_members(extra, &limits)?;
        let pairs: Vec<(&str, Value)> = extra.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        let signed = sign_jcs_ed25519(&doc, &key, vm, purpose, created, &pairs)?;
        out_text!(signed.to_json().as_bytes(), out, out_cap, out_len)
    })
}

/// Parses and validates an `openid-vp://` (or `openid4vp://`) authorization request URI and
/// writes it as JSON: `{"scheme":"openid-vp://","client_id":...,"response_type":"vp_token",
/// "response_mode":...,"redirect_uri":...,"response_uri":...,"request_uri":...,"scope":...,
/// "nonce":...,"state":...,"presentation_definition":...,"presentation_definition_uri":...,
/// "other":[{"name":...,"value":...}]}` (absent parameters are `null`).
///
/// Returns `SSI_OK`, `SSI_ERROR_INVALID_OPEN_ID_VP_REQUEST`, a limit error, or
/// `SSI_ERROR_BUFFER_TOO_SMALL`.
///
/// # Safety
/// `uri` readable for `uri_len`; `limits` NULL or readable; `out` writable for `out_cap`;
/// `out_len` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_openid_vp_parse_request(
    uri: *const u8,
    uri_len: usize,
    limits_ptr: *const Limits,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (uri, limits) = (arg_text!(uri, uri_len, "uri is NULL")?, arg_limits!(limits_ptr));
        let request = AuthorizationRequest::parse(uri, &limits)?;
        out_text!(request_json(&request).as_bytes(), out, out_cap, out_len)
    })
}

/// Parses and validates the body Gataca Studio posts to a verification template's webhook and
/// writes the core's report: `{"id":...,"subject":...,"status":"SUCCESS","valid":true,
/// "payload":{...} or null,"verificationResult":{"checks":[...],"warnings":[...],"errors":[...]},
/// "unknownChecks":[...],"unknownMembers":[...]}`. `valid` is Gataca's rule (no errors, at least
/// one check); a `REJECT` body parses fine with `valid` false. Members the library does not know
/// are listed in `unknownMembers` (`verificationResult.x` for one inside the result), not refused.
///
/// Returns `SSI_OK`, a JSON error, `SSI_ERROR_MISSING_FIELD`, `SSI_ERROR_UNEXPECTED_JSON_TYPE`,
/// `SSI_ERROR_INVALID_FIELD_VALUE`,
/// `SSI_ERROR_INVALID_VERIFICATION_RESULT` (status `SUCCESS` with errors or no checks), or
/// `SSI_ERROR_BUFFER_TOO_SMALL`.
///
/// # Safety
/// `json` readable for `json_len`; `limits` NULL or readable; `out` writable for `out_cap`;
/// `out_len` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_gataca_check_webhook(
    json: *const u8,
    json_len: usize,
    limits_ptr: *const Limits,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (json, limits) = (arg_text!(json, json_len, "json is NULL")?, arg_limits!(limits_ptr));
        let p = WebhookPayload::parse(json, &limits)?;
        out_text!(webhook_summary_json(&p).as_bytes(), out, out_cap, out_len)
    })
}

/// Writes the Gataca Studio API-key `Authorization` value `Basic base64(id:secret)`.
///
/// Returns `SSI_OK`, `SSI_ERROR_INVALID_API_KEY` (empty part, control character, `:` in the id),
/// or `SSI_ERROR_BUFFER_TOO_SMALL`.
///
/// # Safety
/// Inputs readable for their lengths; `out` writable for `out_cap`; `out_len` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_gataca_api_key_encode(
    id: *const u8,
    id_len: usize,
    secret: *const u8,
    secret_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (id, secret) = (arg_text!(id, id_len, "id is NULL")?, arg_text!(secret, secret_len, "secret is NULL")?);
        let header = ApiKey::new(id, secret)?.to_header();
        out_text!(header.as_bytes(), out, out_cap, out_len)
    })
}

/// Reads an API-key `Authorization` value (`Basic <base64>` or the bare Base64) and writes the
/// id and the secret, each NUL-terminated, into their own buffers.
///
/// Both are written only when both fit; otherwise `SSI_ERROR_BUFFER_TOO_SMALL` and both
/// `*id_len` and `*secret_len` receive the sizes needed.
/// Returns `SSI_OK`, `SSI_ERROR_INVALID_API_KEY`, `SSI_ERROR_INVALID_BASE64`,
/// `SSI_ERROR_INVALID_UTF8`, or `SSI_ERROR_BUFFER_TOO_SMALL`.
///
/// # Safety
/// `header` readable for `header_len`; each buffer writable for its capacity; the length
/// pointers writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_gataca_api_key_decode(
    header: *const u8,
    header_len: usize,
    id_out: *mut u8,
    id_cap: usize,
    id_len: *mut usize,
    secret_out: *mut u8,
    secret_cap: usize,
    secret_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let header = arg_text!(header, header_len, "header is NULL")?;
        if id_len.is_null() || secret_len.is_null() {
            return Err(usage(ErrorCode::NullPointer, "id_len or secret_len is NULL"));
        }
        let key = ApiKey::from_header(header)?;
        let (id, secret) = (key.id().as_bytes(), key.secret().as_bytes());
        let id_needed = id.len().saturating_add(1);
        let secret_needed = secret.len().saturating_add(1);
        if id_out.is_null() || id_cap < id_needed || secret_out.is_null() || secret_cap < secret_needed {
            // SAFETY: both checked non-NULL above.
            unsafe {
                id_len.write(id_needed);
                secret_len.write(secret_needed);
            }
            return Err(Error::new(
                ErrorCode::BufferTooSmall,
                "output buffer too small; *id_len and *secret_len hold the sizes needed",
            ));
        }
        // SAFETY: the outputs are this function's arguments, documented as NULL or writable for their
        // capacities; both fit (checked above).
        unsafe {
            put_text(id, id_out, id_cap, id_len)?;
            put_text(secret, secret_out, secret_cap, secret_len)
        }
    })
}

/// Decodes a VC-JWT / VP-JWT without verifying it and writes
/// `{"kind":"credential"|"presentation","header":{...},"claims":{...},"document":{...}}`, where
/// `document` is the embedded `vc`/`vp` with the registered claims filled in.
///
/// Returns `SSI_OK`, `SSI_ERROR_INVALID_JWT`, `SSI_ERROR_INVALID_CREDENTIAL` (no or both of
/// `vc`/`vp`, or claims contradicting the document), an encoding or JSON error, or
/// `SSI_ERROR_BUFFER_TOO_SMALL`.
///
/// # Safety
/// `token` readable for `token_len`; `limits` NULL or readable; `out` writable for `out_cap`;
/// `out_len` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_jwt_vc_decode(
    token: *const u8,
    token_len: usize,
    limits_ptr: *const Limits,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (token, limits) = (arg_text!(token, token_len, "token is NULL")?, arg_limits!(limits_ptr));
        let decoded = decode_jwt_vc(token, &limits)?;
        out_text!(jwt_json(&decoded).as_bytes(), out, out_cap, out_len)
    })
}

/// Verifies an EdDSA VC-JWT / VP-JWT: the key is the header's `kid` (or `iss`) resolved in the
/// trust store (same JSON form as `ssi_verify_proofs`; NULL/0 trusts only `did:key`), then the
/// time claims and `iss`/`aud` per `policy`.
///
/// Parameters: `*out` the verdict (`SSI_ERROR_SIGNATURE_MISMATCH`, `SSI_ERROR_JWT_EXPIRED`,
/// `SSI_ERROR_JWT_NOT_YET_VALID`, `SSI_ERROR_JWT_ISSUER_MISMATCH`,
/// `SSI_ERROR_JWT_AUDIENCE_MISMATCH`); `decoded` receives the same JSON as `ssi_jwt_vc_decode`.
/// Returns `SSI_OK`, or errors such as `SSI_ERROR_INVALID_JWT`, `SSI_ERROR_JWT_ALG_MISMATCH`,
/// `SSI_ERROR_UNKNOWN_VERIFICATION_METHOD`, `SSI_ERROR_JWT_EXP_IN_MILLISECONDS`,
/// `SSI_ERROR_BUFFER_TOO_SMALL` (then `*out` is not written).
///
/// # Safety
/// Inputs readable for their lengths; `policy` readable with valid strings; `limits` NULL or
/// readable; outputs writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_jwt_vc_verify(
    token: *const u8,
    token_len: usize,
    trust_store: *const u8,
    trust_store_len: usize,
    policy: *const SsiJwtPolicy,
    limits_ptr: *const Limits,
    out: *mut ssi_verdict,
    decoded: *mut u8,
    decoded_cap: usize,
    decoded_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (token, store, limits) = (
            arg_text!(token, token_len, "token is NULL")?,
            arg_text!(trust_store, trust_store_len, "trust_store is NULL")?,
            arg_limits!(limits_ptr),
        );
        // SAFETY: NULL or readable, per the contract.
        let p = unsafe { policy.as_ref() }.ok_or_else(|| usage(ErrorCode::NullPointer, "policy is NULL"))?;
        let policy = JwtPolicy {
            issuer: arg_opt!(p.issuer, "issuer")?,
            audience: arg_opt!(p.audience, "audience")?,
            now: p.now,
            leeway: p.leeway,
            require_exp: p.require_exp,
            accept_millisecond_times: p.accept_millisecond_times,
        };
        let keys = TrustStore::from_json(store, &limits)?;
        let (verdict, credential) = verify_jwt_vc(token, &keys, &policy, &limits)?;
        out_report!(&jwt_json(&credential), verdict, out, decoded, decoded_cap, decoded_len)
    })
}

/// Reads a credentials array: objects are JSON-LD credentials, strings compact JWT credentials.
/// Evaluates a DIF Presentation Exchange v2 definition against credentials.
///
/// Parameters: `definition` the definition object; `credentials` a JSON array whose objects are
/// JSON-LD credentials and whose strings are compact JWT credentials; `*out` valid when a
/// satisfying submission can be selected (else `SSI_ERROR_INPUT_DESCRIPTOR_NOT_SATISFIED` or
/// `SSI_ERROR_SUBMISSION_REQUIREMENT_NOT_SATISFIED`); `evaluation` receives the evaluation JSON
/// (matches, unmet pairs with reasons, requirements, unchecked constraints, selection) as the
/// CLI's `pe evaluate` prints it.
/// Returns `SSI_OK`, a definition error (`SSI_ERROR_INVALID_PRESENTATION_DEFINITION`,
/// `SSI_ERROR_INVALID_FILTER`, ...), a JSON or JWT error for the credentials, a limit error, or
/// `SSI_ERROR_BUFFER_TOO_SMALL` (then `*out` is not written).
///
/// # Safety
/// Inputs readable for their lengths; `limits` NULL or readable; outputs writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_pe_evaluate(
    definition: *const u8,
    definition_len: usize,
    credentials: *const u8,
    credentials_len: usize,
    limits_ptr: *const Limits,
    out: *mut ssi_verdict,
    evaluation: *mut u8,
    evaluation_cap: usize,
    evaluation_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (definition, credentials, limits) = (
            arg_text!(definition, definition_len, "definition is NULL")?,
            arg_text!(credentials, credentials_len, "credentials is NULL")?,
            arg_limits!(limits_ptr),
        );
        let definition = PresentationDefinition::parse(definition, &limits)?;
        let credentials = credentials_from_json(credentials, &limits)?;
        let result = evaluate(&definition, &credentials, &limits)?;
        out_report!(&result.to_json(), result.verdict, out, evaluation, evaluation_cap, evaluation_len)
    })
}

/// Builds the `presentation_submission` for the credentials an evaluation selects and writes
/// `{"presentation_submission":{...},"credentials":[2,0]}` (the input indexes of the credentials
/// to embed, in `verifiableCredential` order).
///
/// Parameters: `definition` and `credentials` as for `ssi_pe_evaluate`; `id` the submission id
/// (the library has no randomness).
/// Returns `SSI_OK`, `SSI_ERROR_INPUT_DESCRIPTOR_NOT_SATISFIED` /
/// `SSI_ERROR_SUBMISSION_REQUIREMENT_NOT_SATISFIED` when no selection satisfies the definition,
/// the errors of `ssi_pe_evaluate`, or `SSI_ERROR_BUFFER_TOO_SMALL`.
///
/// # Safety
/// Inputs readable for their lengths; `limits` NULL or readable; `out` writable for `out_cap`;
/// `out_len` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_pe_build_submission(
    definition: *const u8,
    definition_len: usize,
    credentials: *const u8,
    credentials_len: usize,
    id: ssi_str,
    limits_ptr: *const Limits,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (definition, credentials, id, limits) = (
            arg_text!(definition, definition_len, "definition is NULL")?,
            arg_text!(credentials, credentials_len, "credentials is NULL")?,
            arg_str!(id, "id")?,
            arg_limits!(limits_ptr),
        );
        let definition = PresentationDefinition::parse(definition, &limits)?;
        let credentials = credentials_from_json(credentials, &limits)?;
        let evaluation = evaluate(&definition, &credentials, &limits)?;
        let (submission, embed) = PresentationSubmission::for_selection(id, &evaluation, &credentials)?;
        out_text!(submission_json(&submission, &embed).as_bytes(), out, out_cap, out_len)
    })
}

/// Lints a presentation definition: filters that accept anything (such as the seed Gataca
/// definition's issuer pattern with empty alternatives) or nothing. Writes a JSON array
/// `[{"descriptor_id":...,"field_path":...,"code":"PATTERN_MATCHES_ANY_STRING","message":...}]`.
///
/// Returns `SSI_OK`, a definition error, or `SSI_ERROR_BUFFER_TOO_SMALL`.
///
/// # Safety
/// `definition` readable for `definition_len`; `limits` NULL or readable; `out` writable for
/// `out_cap`; `out_len` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_pe_lint(
    definition: *const u8,
    definition_len: usize,
    limits_ptr: *const Limits,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (definition, limits) =
            (arg_text!(definition, definition_len, "definition is NULL")?, arg_limits!(limits_ptr));
        let definition = PresentationDefinition::parse(definition, &limits)?;
        out_text!(lint_json(&lint(&definition)).as_bytes(), out, out_cap, out_len)
    })
}

/// Verifies a received presentation against a definition the way Gataca does and writes the
/// verificationResult `{"checks":[...],"warnings":[...],"errors":[...]}`.
///
/// Parameters: `presentation` the VP object (or a JWT VP, bare or as a JSON string); `submission` the `presentation_submission` when it
/// travels separately (OpenID4VP), NULL/0 to read it from the presentation; `trust_store` as for
/// `ssi_verify_proofs`; `policy` NULL for no challenge/domain and time 0; `*out` Gataca's rule
/// over the result (valid, or `SSI_ERROR_INVALID_VERIFICATION_RESULT`).
/// Returns `SSI_OK` (failed checks are in the result), or an error when there is nothing to
/// report on: a definition error, `SSI_ERROR_UNEXPECTED_JSON_TYPE`, `SSI_ERROR_MISSING_FIELD` (no
/// submission), a submission parse error, `SSI_ERROR_BUFFER_TOO_SMALL` (then `*out` is not
/// written).
///
/// # Safety
/// Inputs readable for their lengths; `policy` NULL or readable with valid strings; `limits`
/// NULL or readable; outputs writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_pe_verify_presentation(
    definition: *const u8,
    definition_len: usize,
    presentation: *const u8,
    presentation_len: usize,
    submission: *const u8,
    submission_len: usize,
    trust_store: *const u8,
    trust_store_len: usize,
    policy: *const SsiVerifierPolicy,
    limits_ptr: *const Limits,
    out: *mut ssi_verdict,
    result: *mut u8,
    result_cap: usize,
    result_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (definition, presentation, submission, store, limits) = (
            arg_text!(definition, definition_len, "definition is NULL")?,
            arg_text!(presentation, presentation_len, "presentation is NULL")?,
            arg_text!(submission, submission_len, "submission is NULL")?,
            arg_text!(trust_store, trust_store_len, "trust_store is NULL")?,
            arg_limits!(limits_ptr),
        );
        // SAFETY: NULL or readable, per the contract.
        let policy = match unsafe { policy.as_ref() } {
            None => VerifierPolicy::at(0),
            Some(p) => VerifierPolicy {
                challenge: arg_opt!(p.challenge, "challenge")?,
                domain: arg_opt!(p.domain, "domain")?,
                allow_sha256_prehash: p.allow_sha256_prehash,
                ..VerifierPolicy::at(p.now)
            },
        };
        let definition = PresentationDefinition::parse(definition, &limits)?;
        let presentation = read_presentation(presentation, &limits)?;
        let submission =
            if submission.is_empty() { None } else { Some(PresentationSubmission::parse(submission, &limits)?) };
        let keys = TrustStore::from_json(store, &limits)?;
        let verdict_and_json =
            verify_presentation(&presentation, submission.as_ref(), &definition, &keys, &policy, &limits)
                .map(|r| (r.verdict(), r.to_json()))?;
        out_report!(&verdict_and_json.1, verdict_and_json.0, out, result, result_cap, result_len)
    })
}
