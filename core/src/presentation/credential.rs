//! One credential verified on its own (what `ssi-verify vc verify` prints), and the
//! per-credential checks a presentation's verification shares: proof, issuer, validity period
//! and credential status.
//!
//! The report is Gataca's `{checks, warnings, errors}` with the credential's format, suite and
//! issuer beside it. Checks use Gataca's identifiers: `credentialProof` (the proof or JWS
//! verified), `issuer` (the issuer is the DID that signed), `credentialStatus` (the validity
//! period holds at the caller's `now` within its leeway, and every status entry was read and is
//! not set; Gataca's own status vocabulary counts `EXPIRED` as a status). "Could not check"
//! (an unknown key, an unsupported proof suite, a status list that is missing under the
//! `strict` profile or that does not verify) is an [`Error`] from [`verify_credential`], never
//! a report.
//!
//! ```
//! use ssi_verify_core::crypto::did_key::{did_key_verification_method, TrustStore};
//! use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;
//! use ssi_verify_core::json::Value;
//! use ssi_verify_core::presentation::credential::{read_credential, verify_credential};
//! use ssi_verify_core::presentation::proof::sign_jcs_ed25519;
//! use ssi_verify_core::presentation::verifier::VerifierPolicy;
//! use ssi_verify_core::Limits;
//! let l = Limits::DEFAULT;
//! let sk = Ed25519SecretKey::from_bytes(&[1; 32]);
//! let vm = did_key_verification_method(&sk.public_key());
//! let did = vm.split('#').next().unwrap();
//! let vc = Value::parse(&format!(r#"{{"issuer":"{did}","issuanceDate":"2025-01-01T00:00:00Z","credentialSubject":{{}}}}"#), &l).unwrap();
//! let vc = sign_jcs_ed25519(&vc, &sk, &vm, "assertionMethod", "2025-01-01T00:00:00Z", &[]).unwrap();
//! let input = read_credential(&vc.to_json(), &l).unwrap();
//! let report = verify_credential(&input, &TrustStore::new(), &VerifierPolicy::at(1_800_000_000), &l).unwrap();
//! assert!(report.is_valid());
//! assert!(report.to_json().starts_with(r#"{"valid":true,"format":"ldp_vc","suite":"JcsEd25519Signature2020""#));
//! let early = verify_credential(&input, &TrustStore::new(), &VerifierPolicy::at(1_700_000_000), &l).unwrap();
//! assert!(!early.is_valid());
//! ```

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::crypto::did_key::TrustStore;
use crate::error::{Error, ErrorCode, Result};
use crate::jose::JwtPolicy;
use crate::json::Value;
use crate::limits::Limits;
use crate::presentation::evaluate::CredentialInput;
use crate::presentation::filter::date_time_unix_seconds;
use crate::presentation::jwt_vc::{decode_jwt_vc, verify_jwt_vc};
use crate::presentation::ld_proofs::{proof_suite_name, verify_document_proofs};
use crate::presentation::policy::{Profile, VerifierPolicy};
use crate::presentation::proof::{overall, ProofExpectations};
use crate::presentation::result::{Check, VerificationResult};
use crate::presentation::status::{list_bits, read_status, status_entries, StatusCheck, StatusLists};
use crate::Verdict;

/// Reads a credential as received: a JSON-LD object, a JSON string holding a compact JWT, or
/// the bare compact JWT text (surrounding whitespace ignored).
///
/// ```
/// use ssi_verify_core::presentation::credential::read_credential;
/// use ssi_verify_core::presentation::evaluate::CredentialInput;
/// use ssi_verify_core::Limits;
/// let jwt = "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6ZXhhbXBsZToxIn0.";
/// assert!(matches!(read_credential(jwt, &Limits::DEFAULT).unwrap(), CredentialInput::Jwt { .. }));
/// assert!(matches!(read_credential(&format!("\"{jwt}\"\n"), &Limits::DEFAULT).unwrap(), CredentialInput::Jwt { .. }));
/// assert!(matches!(read_credential("{}", &Limits::DEFAULT).unwrap(), CredentialInput::JsonLd(_)));
/// ```
///
/// # Errors
/// JSON errors; [`ErrorCode::UnexpectedJsonType`] for JSON that is neither an object nor a
/// string; [`CredentialInput::from_jwt`]'s errors.
pub fn read_credential(text: &str, limits: &Limits) -> Result<CredentialInput> {
    let trimmed = text.trim();
    if trimmed.starts_with('{') || trimmed.starts_with('"') || trimmed.starts_with('[') {
        return match Value::parse(trimmed, limits)? {
            v @ Value::Object(_) => Ok(CredentialInput::JsonLd(v)),
            Value::String(token) => CredentialInput::from_jwt(token.trim(), limits),
            _ => Err(Error::new(ErrorCode::UnexpectedJsonType, "a credential is a JSON object or a JWT")),
        };
    }
    CredentialInput::from_jwt(trimmed, limits)
}

/// Checks a document's validity period at `now` (seconds) with `leeway` seconds of clock skew:
/// `validFrom` (else `issuanceDate`) must not be later, `validUntil` (else `expirationDate`)
/// not earlier.
///
/// ```
/// use ssi_verify_core::json::Value;
/// use ssi_verify_core::presentation::credential::check_validity;
/// use ssi_verify_core::{ErrorCode, Limits, Verdict};
/// let vc = Value::parse(r#"{"issuanceDate":"2025-01-01T00:00:00Z","expirationDate":"2026-01-01T00:00:00Z"}"#, &Limits::DEFAULT).unwrap();
/// assert_eq!(check_validity(&vc, 1_750_000_000, 60).unwrap(), Verdict::Valid);
/// assert_eq!(check_validity(&vc, 1_800_000_000, 60).unwrap(), Verdict::Invalid(ErrorCode::CredentialExpired));
/// assert_eq!(check_validity(&vc, 1_700_000_000, 60).unwrap(), Verdict::Invalid(ErrorCode::CredentialNotYetValid));
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidCredential`] when one of the four members is not an RFC 3339 date-time.
pub fn check_validity(doc: &Value, now: u64, leeway: u64) -> Result<Verdict> {
    let date = |name: &'static str| -> Result<Option<i64>> {
        match doc.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => date_time_unix_seconds(s).map(Some).ok_or_else(|| {
                Error::new(ErrorCode::InvalidCredential, "a validity date is not an RFC 3339 date-time")
            }),
            Some(_) => Err(Error::new(ErrorCode::InvalidCredential, "a validity date is not a string")),
        }
    };
    let now = i128::from(now);
    let leeway = i128::from(leeway);
    let from = date("validFrom")?.or(date("issuanceDate")?);
    let until = date("validUntil")?.or(date("expirationDate")?);
    if from.is_some_and(|f| i128::from(f) - leeway > now) {
        return Ok(Verdict::Invalid(ErrorCode::CredentialNotYetValid));
    }
    if until.is_some_and(|u| i128::from(u) + leeway < now) {
        return Ok(Verdict::Invalid(ErrorCode::CredentialExpired));
    }
    Ok(Verdict::Valid)
}

/// One credential's verification report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CredentialReport {
    /// `jwt_vc` or `ldp_vc`.
    pub format: &'static str,
    /// The JWS `alg` (`EdDSA`, `ES256`, `ES256K`), the proof type (`JcsEd25519Signature2020`,
    /// `Ed25519Signature2018`, `JsonWebSignature2020`, ...) or a `DataIntegrityProof`'s
    /// cryptosuite (`eddsa-rdfc-2022`, `ecdsa-rdfc-2019`); empty when the credential names none.
    pub suite: String,
    /// The issuer's id, when the credential names one.
    pub issuer: Option<String>,
    /// What was checked, noticed and failed.
    pub result: VerificationResult,
}

impl CredentialReport {
    /// Valid when the result has no error and at least one check (Gataca's rule).
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.result.is_valid()
    }

    /// `{"valid":…,"format":…,"suite":…,"issuer":…,"checks":[…],"warnings":[…],"errors":[…]}`.
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut members = alloc::vec![
            (String::from("valid"), Value::Bool(self.is_valid())),
            (String::from("format"), Value::String(String::from(self.format))),
            (String::from("suite"), Value::String(self.suite.clone())),
            (String::from("issuer"), self.issuer.clone().map_or(Value::Null, Value::String)),
        ];
        if let Value::Object(result) = self.result.to_value() {
            members.extend(result);
        }
        Value::Object(members).to_json()
    }
}

/// Verifies one credential: its proof (JSON-LD `JcsEd25519Signature2020`; with the features
/// `data-integrity` and `jsonld` also `Ed25519Signature2018`, `JsonWebSignature2020`,
/// `eddsa-rdfc-2022` and `ecdsa-rdfc-2019`, see [`verify_document_proofs`]) or JWS (EdDSA,
/// ES256, ES256K), that its issuer signed it, its validity period and its status entries
/// against the lists in `policy.status_lists`.
///
/// # Errors
/// "Could not check": the key, proof-suite and signature-encoding errors of the proof or JWS;
/// a malformed date or status entry; [`ErrorCode::StatusListMissing`] under
/// [`Profile::Strict`] when a status entry's list was not supplied (a warning under
/// [`Profile::Gataca`]); a list that does not decode or verify.
pub fn verify_credential(
    credential: &CredentialInput,
    keys: &TrustStore,
    policy: &VerifierPolicy<'_>,
    limits: &Limits,
) -> Result<CredentialReport> {
    let mut result = VerificationResult::default();
    let mut unchecked = Vec::new();
    let facts = check_credential("Credential", credential, keys, policy, false, limits, &mut result, &mut unchecked);
    if let Some(e) = unchecked.into_iter().next() {
        return Err(e);
    }
    Ok(CredentialReport { format: credential.format_designation(), suite: facts.suite, issuer: facts.issuer, result })
}

/// What the shared per-credential checks found.
#[derive(Debug, Default)]
pub(crate) struct Facts {
    pub(crate) suite: String,
    pub(crate) issuer: Option<String>,
    pub(crate) proof_ok: bool,
    pub(crate) issuer_ok: bool,
    pub(crate) statuses: Vec<StatusCheck>,
}

/// "Gataca wording (CODE)".
pub(crate) fn error_text(wording: &str, code: ErrorCode) -> String {
    format!("{wording} ({})", code.name())
}

fn issuer_of(doc: &Value) -> Option<&str> {
    match doc.get("issuer") {
        Some(Value::String(s)) => Some(s),
        Some(o @ Value::Object(_)) => o.get("id").and_then(Value::as_str),
        _ => None,
    }
}

fn did_of(vm: &str) -> &str {
    vm.split('#').next().unwrap_or(vm)
}

/// Runs the proof, issuer, validity and status checks on one credential, recording them in
/// `result`. Every "could not check" is also recorded as an error (a report must never read as
/// verified) and pushed to `unchecked`, so [`verify_credential`] can refuse to report instead.
/// `lenient_missing_status`: a status whose list was not supplied is only a warning (a
/// presentation whose definition does not ask for the status).
#[allow(clippy::too_many_arguments)]
pub(crate) fn check_credential(
    label: &str,
    credential: &CredentialInput,
    keys: &TrustStore,
    policy: &VerifierPolicy<'_>,
    lenient_missing_status: bool,
    limits: &Limits,
    result: &mut VerificationResult,
    unchecked: &mut Vec<Error>,
) -> Facts {
    let mut facts = Facts::default();
    let mut could_not = |result: &mut VerificationResult, wording: &str, e: Error| {
        result.fail(&error_text(wording, e.code()));
        unchecked.push(e);
    };
    let proof_wording = format!("{label} couldn't be cryptographically validated");
    let status_wording = format!("{label} status not valid");
    let mut status_ok = true;
    // The credential's own document is borrowed; a JWT's decoded payload is its own.
    let (signers, doc): (Vec<String>, Option<Cow<'_, Value>>) = match credential {
        CredentialInput::JsonLd(vc) => {
            facts.suite = proof_suite_name(vc);
            let expect = ProofExpectations {
                proof_purpose: Some("assertionMethod"),
                allow_sha256_prehash: policy.allow_sha256_prehash,
                ..ProofExpectations::default()
            };
            match verify_document_proofs(vc, keys, &expect, policy, limits) {
                Ok(checks) => match overall(&checks).reason() {
                    None => (
                        checks.iter().map(|c| String::from(did_of(&c.verification_method))).collect(),
                        Some(Cow::Borrowed(vc)),
                    ),
                    Some(code) => {
                        result.fail(&error_text(&proof_wording, code));
                        (Vec::new(), Some(Cow::Borrowed(vc)))
                    }
                },
                Err(e) => {
                    could_not(result, &proof_wording, e);
                    (Vec::new(), Some(Cow::Borrowed(vc)))
                }
            }
        }
        CredentialInput::Jwt { token, .. } => {
            let header_alg = crate::jose::CompactJws::parse(token, limits)
                .ok()
                .and_then(|j| j.header.get("alg").and_then(Value::as_str).map(String::from));
            facts.suite = header_alg.unwrap_or_default();
            let jwt_policy = JwtPolicy { require_exp: false, leeway: policy.leeway, ..JwtPolicy::at(policy.now) };
            match verify_jwt_vc(token, keys, &jwt_policy, limits) {
                Ok((Verdict::Valid, jwt)) => {
                    (issuer_of(&jwt.document).map(String::from).into_iter().collect(), Some(Cow::Owned(jwt.document)))
                }
                // The signature is checked before the time claims: a time verdict means it verified.
                Ok((Verdict::Invalid(code @ (ErrorCode::JwtExpired | ErrorCode::JwtNotYetValid)), jwt)) => {
                    status_ok = false;
                    result.fail(&error_text(&status_wording, code));
                    (issuer_of(&jwt.document).map(String::from).into_iter().collect(), Some(Cow::Owned(jwt.document)))
                }
                Ok((Verdict::Invalid(code), jwt)) => {
                    result.fail(&error_text(&proof_wording, code));
                    (Vec::new(), Some(Cow::Owned(jwt.document)))
                }
                Err(e) => {
                    could_not(result, &proof_wording, e);
                    (Vec::new(), decode_jwt_vc(token, limits).ok().map(|j| Cow::Owned(j.document)))
                }
            }
        }
    };
    let Some(doc) = doc else { return facts };
    facts.issuer = issuer_of(&doc).map(String::from);
    facts.proof_ok = !signers.is_empty();
    // Gataca's issuer check: the issuer must be the DID that signed the credential.
    facts.issuer_ok = facts.proof_ok && facts.issuer.as_deref().is_some_and(|iss| signers.iter().any(|s| s == iss));
    if !facts.proof_ok {
        // Dates and status of a document that did not verify say nothing about the credential.
        return facts;
    }
    result.pass(Check::CredentialProof);
    if facts.issuer_ok {
        result.pass(Check::Issuer);
    } else {
        result.fail(&error_text("Cannot trust issuer of the credential", ErrorCode::ValueMismatch));
    }

    // A JWT whose own time claims failed is not reported twice.
    match check_validity(&doc, policy.now, policy.leeway) {
        Ok(_) if !status_ok => {}
        Ok(Verdict::Valid) => {}
        Ok(Verdict::Invalid(code)) => {
            status_ok = false;
            result.fail(&error_text(&status_wording, code));
        }
        Err(e) => {
            status_ok = false;
            could_not(result, &status_wording, e);
        }
    }
    let none = StatusLists::default();
    let lists = policy.status_lists.unwrap_or(&none);
    let id = doc.get("id").and_then(Value::as_str).unwrap_or(label);
    match status_entries(&doc) {
        Err(e) => {
            status_ok = false;
            could_not(result, &format!("{label} status couldn't be verified"), e);
        }
        Ok(entries) => {
            for (entry_type, entry) in entries {
                let check = match entry {
                    Err(e) => StatusCheck { entry_type, entry: None, outcome: Err(e) },
                    Ok(entry) => {
                        let outcome = read_entry_status(&entry, lists, keys, policy, limits);
                        StatusCheck { entry_type, entry: Some(entry), outcome }
                    }
                };
                match (&check.outcome, check.failure()) {
                    (Ok(_), Some(code)) => {
                        status_ok = false;
                        result.fail(&error_text(&status_wording, code));
                    }
                    (Ok(_), None) => {
                        if let Some(m) = check.message() {
                            result.warn(&format!("{id} status message: {m}"));
                        }
                    }
                    (Err(e), _)
                        if e.code() == ErrorCode::StatusListMissing
                            && (lenient_missing_status || policy.profile == Profile::Gataca) =>
                    {
                        status_ok = false;
                        result.warn(&format!("{id} credential status not available."));
                    }
                    (Err(e), _) => {
                        status_ok = false;
                        could_not(result, &format!("{label} status couldn't be verified"), *e);
                    }
                }
                facts.statuses.push(check);
            }
        }
    }
    if status_ok {
        result.pass(Check::CredentialStatus);
    }
    facts
}

/// Reads one entry's status from its supplied, verified list credential.
fn read_entry_status(
    entry: &crate::presentation::status::StatusEntry,
    lists: &StatusLists,
    keys: &TrustStore,
    policy: &VerifierPolicy<'_>,
    limits: &Limits,
) -> Result<u64> {
    let text = lists.get(&entry.list_url).ok_or_else(|| {
        Error::new(ErrorCode::StatusListMissing, "no status-list credential supplied for statusListCredential")
    })?;
    let list = verified_list(text, keys, policy, limits)?;
    let bits = list_bits(&list, entry, limits)?;
    read_status(&bits, entry.index, entry.size)
}

/// A status-list credential's document once its proof or JWS and its validity period hold.
/// Its own status entries are not followed (a list does not depend on another list).
fn verified_list(text: &str, keys: &TrustStore, policy: &VerifierPolicy<'_>, limits: &Limits) -> Result<Value> {
    let not_verified = || Error::new(ErrorCode::StatusListNotVerified, "the status-list credential did not verify");
    let doc = match read_credential(text, limits)? {
        CredentialInput::JsonLd(vc) => {
            let expect = ProofExpectations {
                proof_purpose: Some("assertionMethod"),
                allow_sha256_prehash: policy.allow_sha256_prehash,
                ..ProofExpectations::default()
            };
            let checks = verify_document_proofs(&vc, keys, &expect, policy, limits)?;
            if checks.iter().any(|c| !c.verdict.is_valid()) {
                return Err(not_verified());
            }
            let signed_by_issuer =
                issuer_of(&vc).is_some_and(|iss| checks.iter().all(|c| did_of(&c.verification_method) == iss));
            if !signed_by_issuer {
                return Err(not_verified());
            }
            vc
        }
        CredentialInput::Jwt { token, .. } => {
            let jwt_policy = JwtPolicy { require_exp: false, leeway: policy.leeway, ..JwtPolicy::at(policy.now) };
            match verify_jwt_vc(&token, keys, &jwt_policy, limits)? {
                (Verdict::Valid, jwt) => jwt.document,
                (Verdict::Invalid(_), _) => return Err(not_verified()),
            }
        }
    };
    if !check_validity(&doc, policy.now, policy.leeway)?.is_valid() {
        return Err(not_verified());
    }
    Ok(doc)
}

#[cfg(test)]
mod tests;
