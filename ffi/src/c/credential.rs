//! One credential verified on its own, and the presentation verification with verifier
//! profiles and status lists (issue 12). The report JSON is written by the core; these
//! functions return exactly those bytes.

use std::sync::Arc;

use ssi_verify_core::crypto::did_key::TrustStore;
use ssi_verify_core::jsonld::ContextStore;
use ssi_verify_core::presentation::credential::{read_credential, verify_credential};
use ssi_verify_core::presentation::definition::PresentationDefinition;
use ssi_verify_core::presentation::status::StatusLists;
use ssi_verify_core::presentation::submission::PresentationSubmission;
use ssi_verify_core::presentation::verifier::{read_presentation, verify_presentation, Profile, VerifierPolicy};
use ssi_verify_core::{Error, ErrorCode, Limits};

use super::{boundary, ssi_status, ssi_str, ssi_verdict, usage};

/// The verifier profile.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SsiProfile {
    /// The definition's format list decides; a status without its list, or an unverifiable
    /// definition proof, is "could not check".
    Strict = 0,
    /// As Gataca's verifier: JcsEd25519Signature2020 accepted beside an `ldp` list, a missing
    /// status list and an unknown definition key are warnings.
    Gataca = 1,
}

/// What `ssi_vc_verify` and `ssi_pe_verify` require. An empty string means "no requirement".
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct SsiVerifyOptions {
    /// The nonce / challenge the presentation proof must carry (presentations only).
    pub challenge: ssi_str,
    /// The domain the presentation proof must carry (presentations only).
    pub domain: ssi_str,
    /// Also accept the SHA-256 pre-hash readings of `JcsEd25519Signature2020`.
    pub allow_sha256_prehash: bool,
    /// Current time, seconds since the epoch (validity periods, JWT times).
    pub now: u64,
    /// Allowed clock skew in seconds.
    pub leeway: u64,
    /// An `SsiProfile` value.
    pub profile: u32,
    /// JSON-LD context documents for Linked Data proofs, beside the bundled ones:
    /// `{"<URL>": <context document>}` (empty: the bundled set only). Nothing is fetched.
    pub contexts: ssi_str,
}

/// The JSON-LD contexts `options` registers beside the bundled ones (NULL: bundled only), in
/// the store kept for the process for those contexts (its processed contexts serve later calls).
///
/// # Safety
/// `options` NULL or readable with valid strings.
unsafe fn contexts(options: *const SsiVerifyOptions, limits: &Limits) -> Result<Arc<ContextStore>, Error> {
    // SAFETY: NULL or readable, per the contract.
    let text = match unsafe { options.as_ref() } {
        None => None,
        // SAFETY: the string inside `o` is valid, per the contract.
        Some(o) => unsafe { o.contexts.opt("contexts")? },
    };
    ContextStore::shared_with_json(text.unwrap_or(""), limits)
}

/// The policy `options` describe (NULL: strict, time 0, 60 s leeway).
///
/// # Safety
/// `options` NULL or readable with valid strings.
unsafe fn policy<'a>(
    options: *const SsiVerifyOptions,
    lists: &'a StatusLists,
    contexts: &'a ContextStore,
) -> Result<VerifierPolicy<'a>, Error> {
    // SAFETY: NULL or readable, per the contract.
    let Some(o) = (unsafe { options.as_ref() }) else {
        return Ok(VerifierPolicy { status_lists: Some(lists), contexts: Some(contexts), ..VerifierPolicy::at(0) });
    };
    let profile = match o.profile {
        x if x == SsiProfile::Strict as u32 => Profile::Strict,
        x if x == SsiProfile::Gataca as u32 => Profile::Gataca,
        _ => return Err(usage(ErrorCode::InvalidArgument, "profile is not an SsiProfile value")),
    };
    let (challenge, domain) = (arg_opt!(o.challenge, "challenge")?, arg_opt!(o.domain, "domain")?);
    Ok(VerifierPolicy {
        challenge,
        domain,
        allow_sha256_prehash: o.allow_sha256_prehash,
        now: o.now,
        leeway: o.leeway,
        profile,
        status_lists: Some(lists),
        contexts: Some(contexts),
    })
}

/// Runs `f` with the trust store `store` (JSON text) and the policy `options` describe, over
/// the status lists `lists` (JSON text) and the contexts `options` registers: the reading
/// `ssi_vc_verify` and `ssi_pe_verify` share, in the order every surface reads it (the CLI's
/// options, UniFFI's `vc_verify` and `pe_verify`), before the documents.
///
/// # Safety
/// `options` NULL or readable with valid strings.
unsafe fn with_policy<T>(
    options: *const SsiVerifyOptions,
    store: &str,
    lists: &str,
    limits: &Limits,
    f: impl FnOnce(&TrustStore, &VerifierPolicy<'_>) -> Result<T, Error>,
) -> Result<T, Error> {
    let keys = TrustStore::from_json(store, limits)?;
    let lists = StatusLists::from_json(lists, limits)?;
    // SAFETY: `options` is NULL or readable with valid strings, per this function's contract.
    let contexts = unsafe { contexts(options, limits)? };
    // SAFETY: as above.
    f(&keys, &unsafe { policy(options, &lists, &contexts)? })
}

/// Verifies one credential (a JSON-LD object with a JcsEd25519Signature2020,
/// Ed25519Signature2018, JsonWebSignature2020, EcdsaSecp256k1Signature2019, RsaSignature2018,
/// eddsa-rdfc-2022, ecdsa-rdfc-2019, eddsa-jcs-2022 or ecdsa-jcs-2019 proof, a JSON
/// string holding a compact JWT, or the bare JWT: EdDSA, ES256, ES256K) and writes the core's report
/// `{"valid":…,"format":…,"suite":…,"issuer":…,"checks":[…],"warnings":[…],"errors":[…]}`.
///
/// `trust_store` is `{"<DID or verification method>": "<Ed25519 hex>" | <public JWK>}` (empty:
/// none); `status_lists` is `{"<URL>": <list credential object> | "<JWT>"}` (empty: none);
/// `options` NULL for the strict profile at time 0. `*out` is the verdict (valid, or
/// `SSI_ERROR_INVALID_VERIFICATION_RESULT`).
/// Returns `SSI_OK` when the credential was checked (valid or not: the reasons are in the
/// report), or the error that kept it from being checked (e.g. `SSI_ERROR_STATUS_LIST_MISSING`
/// under the strict profile, `SSI_ERROR_UNKNOWN_VERIFICATION_METHOD`,
/// `SSI_ERROR_ECDSA_SIGNATURE_NOT_RAW`, `SSI_ERROR_UNKNOWN_CONTEXT` for a JSON-LD context neither
/// bundled nor in `options->contexts`, `SSI_ERROR_UNDEFINED_TERM`), or
/// `SSI_ERROR_BUFFER_TOO_SMALL`.
///
/// # Safety
/// Inputs readable for their lengths; `options` NULL or readable with valid strings; `limits`
/// NULL or readable; outputs writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_vc_verify(
    credential: *const u8,
    credential_len: usize,
    trust_store: *const u8,
    trust_store_len: usize,
    status_lists: *const u8,
    status_lists_len: usize,
    options: *const SsiVerifyOptions,
    limits_ptr: *const Limits,
    out: *mut ssi_verdict,
    result: *mut u8,
    result_cap: usize,
    result_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (credential, store, lists, limits) = (
            arg_text!(credential, credential_len, "credential is NULL")?,
            arg_text!(trust_store, trust_store_len, "trust_store is NULL")?,
            arg_text!(status_lists, status_lists_len, "status_lists is NULL")?,
            arg_limits!(limits_ptr),
        );
        let check = |keys: &TrustStore, policy: &VerifierPolicy<'_>| {
            verify_credential(&read_credential(credential, &limits)?, keys, policy, &limits)
        };
        // SAFETY: `options` is this function's argument, NULL or readable with valid strings.
        let report = unsafe { with_policy(options, store, lists, &limits, check)? };
        out_report!(&report.to_json(), report.result.verdict(), out, result, result_cap, result_len)
    })
}

/// `ssi_pe_verify_presentation` with the issue-12 options: a profile, a leeway and status
/// lists. `presentation` is a JSON-LD VP or a JWT VP (bare or as a JSON string);
/// `submission` the separate `presentation_submission` (empty: embedded); `trust_store` and
/// `status_lists` as for `ssi_vc_verify`. Writes the verificationResult
/// `{"checks":[…],"warnings":[…],"errors":[…]}`.
/// Returns `SSI_OK` (failed checks are in the result), or an error when there is nothing to
/// report on (definition, presentation, submission or store errors), or
/// `SSI_ERROR_BUFFER_TOO_SMALL`.
///
/// # Safety
/// As `ssi_vc_verify`.
#[no_mangle]
pub unsafe extern "C" fn ssi_pe_verify(
    definition: *const u8,
    definition_len: usize,
    presentation: *const u8,
    presentation_len: usize,
    submission: *const u8,
    submission_len: usize,
    trust_store: *const u8,
    trust_store_len: usize,
    status_lists: *const u8,
    status_lists_len: usize,
    options: *const SsiVerifyOptions,
    limits_ptr: *const Limits,
    out: *mut ssi_verdict,
    result: *mut u8,
    result_cap: usize,
    result_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (definition, presentation, submission, store, lists, limits) = (
            arg_text!(definition, definition_len, "definition is NULL")?,
            arg_text!(presentation, presentation_len, "presentation is NULL")?,
            arg_text!(submission, submission_len, "submission is NULL")?,
            arg_text!(trust_store, trust_store_len, "trust_store is NULL")?,
            arg_text!(status_lists, status_lists_len, "status_lists is NULL")?,
            arg_limits!(limits_ptr),
        );
        let check = |keys: &TrustStore, policy: &VerifierPolicy<'_>| {
            let definition = PresentationDefinition::parse(definition, &limits)?;
            let presentation = read_presentation(presentation, &limits)?;
            let submission =
                if submission.is_empty() { None } else { Some(PresentationSubmission::parse(submission, &limits)?) };
            verify_presentation(&presentation, submission.as_ref(), &definition, keys, policy, &limits)
        };
        // SAFETY: `options` is this function's argument, NULL or readable with valid strings.
        let r = unsafe { with_policy(options, store, lists, &limits, check)? };
        out_report!(&r.to_json(), r.verdict(), out, result, result_cap, result_len)
    })
}
