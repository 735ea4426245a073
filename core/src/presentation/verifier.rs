//! The verifier side end to end: a received presentation, its `presentation_submission` and the
//! definition it answers become a Gataca [`VerificationResult`].
//!
//! Each check that passes is listed under its Gataca identifier ([`Check`]); each that fails adds
//! an error in Gataca's wording followed by the stable code, e.g.
//! `"Verifiable presentation not validated (SIGNATURE_MISMATCH)"`. A check that could not run
//! (an unknown `did:gatc` key, say) is an error in the result too — the result is a report, and
//! "not verified" must never read as "verified" — but its text names the reason so a caller can
//! tell "could not check" (`UNKNOWN_VERIFICATION_METHOD`, ...) from "checked and failed".
//! Constraints the evaluation does not check (status lists, holder binding, limited disclosure)
//! and credentials that carry a `credentialStatus` become warnings.
//!
//! ```
//! use ssi_verify_core::crypto::did_key::{did_key_verification_method, TrustStore};
//! use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;
//! use ssi_verify_core::json::Value;
//! use ssi_verify_core::presentation::definition::PresentationDefinition;
//! use ssi_verify_core::presentation::proof::sign_jcs_ed25519;
//! use ssi_verify_core::presentation::result::Check;
//! use ssi_verify_core::presentation::verifier::{verify_presentation, VerifierPolicy};
//! use ssi_verify_core::Limits;
//! let l = Limits::DEFAULT;
//! let issuer = Ed25519SecretKey::from_bytes(&[1; 32]);
//! let holder = Ed25519SecretKey::from_bytes(&[2; 32]);
//! let issuer_vm = did_key_verification_method(&issuer.public_key());
//! let issuer_did = issuer_vm.split('#').next().unwrap();
//! let vc = Value::parse(&format!(r#"{{"type":["VerifiableCredential","emailCredential"],"issuer":"{issuer_did}",
//!     "credentialSubject":{{"id":"did:example:ann","email":"ann@example.org"}}}}"#), &l).unwrap();
//! let vc = sign_jcs_ed25519(&vc, &issuer, &issuer_vm, "assertionMethod", "2025-01-01T00:00:00Z", &[]).unwrap();
//! let vp = Value::Object(vec![
//!     ("type".into(), Value::String("VerifiablePresentation".into())),
//!     ("verifiableCredential".into(), Value::Array(vec![vc])),
//!     ("presentation_submission".into(), Value::parse(r#"{"id":"s","definition_id":"pd",
//!         "descriptor_map":[{"id":"email","format":"ldp_vc","path":"$.verifiableCredential[0]"}]}"#, &l).unwrap()),
//! ]);
//! let nonce = [("nonce", Value::String("n-1".into()))];
//! let vp = sign_jcs_ed25519(&vp, &holder, &did_key_verification_method(&holder.public_key()),
//!     "authentication", "2025-01-01T00:00:00Z", &nonce).unwrap();
//! let pd = PresentationDefinition::parse(r#"{"id":"pd","input_descriptors":[{"id":"email","group":["a"],"constraints":{"fields":[
//!     {"path":["$.type[-1:]"],"filter":{"type":"string","const":"emailCredential"}}]}}]}"#, &l).unwrap();
//! let policy = VerifierPolicy { challenge: Some("n-1"), ..VerifierPolicy::at(1_700_000_000) };
//! let result = verify_presentation(&vp, None, &pd, &TrustStore::new(), &policy, &l).unwrap();
//! assert!(result.is_valid(), "{:?}", result.errors);
//! assert!(result.has(Check::PresentationProof) && result.has(Check::CredentialProof) && result.has(Check::Issuer));
//! ```

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::crypto::did_key::TrustStore;
use crate::error::{Error, ErrorCode, Result};
use crate::jose::JwtPolicy;
use crate::json::Value;
use crate::limits::Limits;
use crate::presentation::definition::PresentationDefinition;
use crate::presentation::evaluate::CredentialInput;
use crate::presentation::jwt_vc::verify_jwt_vc;
use crate::presentation::proof::{verify_proofs, ProofCheck, ProofExpectations};
use crate::presentation::result::{Check, VerificationResult};
use crate::presentation::submission::PresentationSubmission;
use crate::Verdict;

/// What the verifier requires beyond the definition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerifierPolicy<'a> {
    /// The nonce / challenge the presentation proof must carry (the request's `nonce`).
    pub challenge: Option<&'a str>,
    /// The domain the presentation proof must carry, if any.
    pub domain: Option<&'a str>,
    /// Also accept the SHA-256 pre-hash readings of JcsEd25519Signature2020 (off by default).
    pub allow_sha256_prehash: bool,
    /// Current time for JWT credentials, seconds since the epoch.
    pub now: u64,
}

impl VerifierPolicy<'_> {
    /// No challenge or domain requirement, raw-JCS proofs only, JWT times checked at `now`.
    #[must_use]
    pub const fn at(now: u64) -> VerifierPolicy<'static> {
        VerifierPolicy { challenge: None, domain: None, allow_sha256_prehash: false, now }
    }
}

/// "Gataca wording (CODE)".
fn error_text(wording: &str, code: ErrorCode) -> String {
    format!("{wording} ({})", code.name())
}

fn proofs_verdict(result: Result<Vec<ProofCheck>>) -> core::result::Result<Vec<ProofCheck>, ErrorCode> {
    let checks = result.map_err(|e| e.code())?;
    match super::proof::overall(&checks) {
        Verdict::Valid => Ok(checks),
        Verdict::Invalid(code) => Err(code),
    }
}

/// The DID part of a verification method (`did:x:y#k` → `did:x:y`).
fn did_of(vm: &str) -> &str {
    vm.split('#').next().unwrap_or(vm)
}

/// A credential's issuer id: a string, or the `id` of an issuer object.
fn issuer_of(doc: &Value) -> Option<&str> {
    match doc.get("issuer") {
        Some(Value::String(s)) => Some(s),
        Some(o @ Value::Object(_)) => o.get("id").and_then(Value::as_str),
        _ => None,
    }
}

/// The subject ids of a credential (`credentialSubject` may be an object or an array).
fn subjects_of(doc: &Value) -> Vec<&str> {
    match doc.get("credentialSubject") {
        Some(o @ Value::Object(_)) => o.get("id").and_then(Value::as_str).into_iter().collect(),
        Some(Value::Array(items)) => items.iter().filter_map(|s| s.get("id").and_then(Value::as_str)).collect(),
        _ => Vec::new(),
    }
}

/// Verifies `presentation` against `definition` and reports every check.
///
/// `submission` is the `presentation_submission` when it travels separately (OpenID4VP);
/// `None` reads it from the presentation's `presentation_submission` member.
///
/// # Errors
/// Only when there is nothing to report on: [`ErrorCode::UnexpectedJsonType`] when the
/// presentation is not an object, [`ErrorCode::MissingField`] when no submission is given or
/// embedded, and the submission's parse errors. Everything else is in the result.
pub fn verify_presentation(
    presentation: &Value,
    submission: Option<&PresentationSubmission>,
    definition: &PresentationDefinition,
    keys: &TrustStore,
    policy: &VerifierPolicy<'_>,
    limits: &Limits,
) -> Result<VerificationResult> {
    if presentation.as_object().is_none() {
        return Err(Error::new(ErrorCode::UnexpectedJsonType, "the presentation is not a JSON object"));
    }
    let embedded;
    let submission = match submission {
        Some(s) => s,
        None => {
            let v = presentation
                .get("presentation_submission")
                .ok_or_else(|| Error::new(ErrorCode::MissingField, "no presentation_submission given or embedded"))?;
            embedded = PresentationSubmission::from_value(v, limits)?;
            &embedded
        }
    };
    let mut result = VerificationResult::default();

    if submission.definition_id == definition.id {
        result.pass(Check::MatchingIds);
    } else {
        result.fail(&error_text(
            "Id of presentation submission and definition are not matching",
            ErrorCode::InvalidPresentationSubmission,
        ));
    }

    let vp_expect = ProofExpectations {
        proof_purpose: Some("authentication"),
        domain: policy.domain,
        challenge_or_nonce: policy.challenge,
        allow_sha256_prehash: policy.allow_sha256_prehash,
    };
    match proofs_verdict(verify_proofs(presentation, keys, &vp_expect, limits)) {
        Ok(_) => result.pass(Check::PresentationProof),
        Err(code) => result.fail(&error_text("Verifiable presentation not validated", code)),
    }

    let check = match submission.check(definition, presentation, limits) {
        Ok(c) => c,
        Err(e) => {
            result.fail(&error_text("Cannot discover the reference of the submission", e.code()));
            return Ok(result);
        }
    };
    match check.verdict {
        Verdict::Valid => {
            result.pass(Check::Submission);
            result.pass(Check::Constraints);
            if definition.submission_requirements.is_some() {
                result.pass(Check::SubmissionRequirements);
            }
        }
        Verdict::Invalid(ErrorCode::SubmissionRequirementNotSatisfied) => {
            result.pass(Check::Submission);
            result.pass(Check::Constraints);
            result.fail(&error_text(
                "Required requirement wasn't satisfied",
                ErrorCode::SubmissionRequirementNotSatisfied,
            ));
        }
        Verdict::Invalid(ErrorCode::InputDescriptorNotSatisfied) => result.fail(&error_text(
            "Submitted credentials don't satisfy descriptor requirements",
            ErrorCode::InputDescriptorNotSatisfied,
        )),
        Verdict::Invalid(code) => result.fail(&error_text("Received submission outside of definition", code)),
    }
    if let Some(evaluation) = &check.evaluation {
        for u in &evaluation.unchecked {
            result.warn(&format!("{} {} constraint not checked", u.descriptor_id, u.constraint));
        }
    }

    credential_checks(&check.credentials, keys, policy, limits, &mut result);
    Ok(result)
}

/// credentialProof, issuer, uniqueSubject and status warnings for the submitted credentials.
fn credential_checks(
    credentials: &[CredentialInput],
    keys: &TrustStore,
    policy: &VerifierPolicy<'_>,
    limits: &Limits,
    result: &mut VerificationResult,
) {
    if credentials.is_empty() {
        return;
    }
    let vc_expect = ProofExpectations {
        proof_purpose: Some("assertionMethod"),
        allow_sha256_prehash: policy.allow_sha256_prehash,
        ..ProofExpectations::default()
    };
    let (mut proofs_ok, mut issuers_ok) = (true, true);
    let mut subjects: Vec<&str> = Vec::new();
    for (i, credential) in credentials.iter().enumerate() {
        let doc = credential.document();
        let signers: Vec<String> = match credential {
            CredentialInput::JsonLd(vc) => match proofs_verdict(verify_proofs(vc, keys, &vc_expect, limits)) {
                Ok(checks) => checks.iter().map(|c| String::from(did_of(&c.verification_method))).collect(),
                Err(code) => {
                    proofs_ok = false;
                    result.fail(&error_text(&format!("Credential {i} couldn't be cryptographically validated"), code));
                    Vec::new()
                }
            },
            CredentialInput::Jwt { token, .. } => {
                let jwt_policy = JwtPolicy { require_exp: false, ..JwtPolicy::at(policy.now) };
                let outcome = match verify_jwt_vc(token, keys, &jwt_policy, limits) {
                    Ok((Verdict::Valid, jwt)) => Ok(jwt),
                    Ok((Verdict::Invalid(code), _)) => Err(code),
                    Err(e) => Err(e.code()),
                };
                match outcome {
                    Ok(jwt) => issuer_of(&jwt.document).map(String::from).into_iter().collect(),
                    Err(code) => {
                        proofs_ok = false;
                        result.fail(&error_text(
                            &format!("Credential {i} couldn't be cryptographically validated"),
                            code,
                        ));
                        Vec::new()
                    }
                }
            }
        };
        // Gataca's issuer check: the issuer must be the DID that signed the credential.
        if !signers.is_empty() && !issuer_of(doc).is_some_and(|iss| signers.iter().any(|s| s == iss)) {
            issuers_ok = false;
            result.fail(&error_text("Cannot trust issuer of the credential", ErrorCode::ValueMismatch));
        }
        subjects.extend(subjects_of(doc));
        if doc.get("credentialStatus").is_some() {
            let id = doc.get("id").and_then(Value::as_str).unwrap_or("credential");
            result.warn(&format!("{id} credential status not available."));
        }
    }
    if proofs_ok {
        result.pass(Check::CredentialProof);
        if issuers_ok {
            result.pass(Check::Issuer);
        }
    }
    if subjects.windows(2).all(|w| w.first() == w.get(1)) {
        result.pass(Check::UniqueSubject);
    } else {
        result
            .fail(&error_text("Credential subject is not the same for all the credentials", ErrorCode::ValueMismatch));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::did_key::did_key_verification_method;
    use crate::crypto::ed25519::Ed25519SecretKey;
    use crate::presentation::proof::sign_jcs_ed25519;
    use alloc::vec;

    const L: Limits = Limits::DEFAULT;
    const PD: &str = r#"{"id":"pd","input_descriptors":[{"id":"email","group":["a"],"constraints":{"fields":[
        {"path":["$.type[-1:]"],"filter":{"type":"string","const":"emailCredential"}}]}},
        {"id":"email2","group":["b"],"constraints":{"fields":[{"path":["$.type[-1:]"],"optional":true}]}}],
        "submission_requirements":[{"rule":"all","from":"a"},{"rule":"pick","min":0,"from":"b"}]}"#;

    fn key(n: u8) -> (Ed25519SecretKey, String) {
        let sk = Ed25519SecretKey::from_bytes(&[n; 32]);
        let vm = did_key_verification_method(&sk.public_key());
        (sk, vm)
    }

    fn credential(issuer: &str, subject: &str, extra: &str, signer: u8) -> Value {
        let vc = Value::parse(
            &format!(
                r#"{{"id":"urn:vc:{signer}","type":["VerifiableCredential","emailCredential"],"issuer":"{issuer}",
                "credentialSubject":{{"id":"{subject}"}}{extra}}}"#
            ),
            &L,
        )
        .unwrap();
        let (sk, vm) = key(signer);
        sign_jcs_ed25519(&vc, &sk, &vm, "assertionMethod", "2025-01-01T00:00:00Z", &[]).unwrap()
    }

    fn presentation(vcs: Vec<Value>, definition_id: &str, nonce: &str) -> Value {
        let map: Vec<String> = (0..vcs.len())
            .map(|i| {
                let id = if i == 0 { "email" } else { "email2" };
                format!(r#"{{"id":"{id}","format":"ldp_vc","path":"$.verifiableCredential[{i}]"}}"#)
            })
            .collect();
        let submission =
            format!(r#"{{"id":"s","definition_id":"{definition_id}","descriptor_map":[{}]}}"#, map.join(","));
        let vp = Value::Object(vec![
            ("verifiableCredential".into(), Value::Array(vcs)),
            ("presentation_submission".into(), Value::parse(&submission, &L).unwrap()),
        ]);
        let (sk, vm) = key(9);
        sign_jcs_ed25519(
            &vp,
            &sk,
            &vm,
            "authentication",
            "2025-01-01T00:00:00Z",
            &[("nonce", Value::String(nonce.into()))],
        )
        .unwrap()
    }

    fn did(n: u8) -> String {
        String::from(did_of(&key(n).1))
    }

    fn verify(vp: &Value) -> VerificationResult {
        let pd = PresentationDefinition::parse(PD, &L).unwrap();
        let policy = VerifierPolicy { challenge: Some("n-1"), ..VerifierPolicy::at(1_700_000_000) };
        verify_presentation(vp, None, &pd, &TrustStore::new(), &policy, &L).unwrap()
    }

    #[test]
    fn a_good_presentation_passes_every_check() {
        let r = verify(&presentation(vec![credential(&did(1), "did:ex:ann", "", 1)], "pd", "n-1"));
        assert!(r.is_valid(), "{:?}", r.errors);
        for c in [Check::MatchingIds, Check::PresentationProof, Check::Submission, Check::Constraints] {
            assert!(r.has(c), "{c:?}");
        }
        assert!(r.has(Check::CredentialProof) && r.has(Check::Issuer) && r.has(Check::UniqueSubject));
    }

    #[test]
    fn each_failure_is_reported_with_its_code() {
        let good = credential(&did(1), "did:ex:ann", "", 1);
        let cases: Vec<(Value, &str)> = vec![
            (presentation(vec![good.clone()], "other", "n-1"), "not matching (INVALID_PRESENTATION_SUBMISSION)"),
            (presentation(vec![good.clone()], "pd", "n-2"), "presentation not validated (PROOF_CHALLENGE_MISMATCH)"),
            (
                presentation(vec![credential(&did(2), "did:ex:ann", "", 1)], "pd", "n-1"),
                "Cannot trust issuer of the credential (VALUE_MISMATCH)",
            ),
            (
                presentation(vec![good.clone(), credential(&did(3), "did:ex:bob", "", 3)], "pd", "n-1"),
                "not the same for all the credentials (VALUE_MISMATCH)",
            ),
        ];
        for (vp, want) in cases {
            let r = verify(&vp);
            assert!(!r.is_valid());
            assert!(r.errors.iter().any(|e| e.ends_with(want) || e.contains(want)), "{want}: {:?}", r.errors);
        }
        // A credential changed after signing (the VP is re-signed over it, so only the VC fails).
        let mut tampered = good;
        if let Value::Object(m) = &mut tampered {
            m.push(("extra".into(), Value::Bool(true)));
        }
        let r = verify(&presentation(vec![tampered], "pd", "n-1"));
        assert!(r.has(Check::PresentationProof));
        assert!(!r.has(Check::CredentialProof));
        assert!(r.errors.iter().any(|e| e.ends_with("(SIGNATURE_MISMATCH)")), "{:?}", r.errors);
    }

    #[test]
    fn could_not_check_is_named_and_status_is_a_warning() {
        let mut vc = credential(&did(1), "did:ex:ann", r#","credentialStatus":{"type":"StatusList2021Entry"}"#, 1);
        // Point the proof at a key only Gataca knows: the check cannot run.
        if let Some(Value::Object(proof)) = match &mut vc {
            Value::Object(m) => m.iter_mut().find(|(k, _)| k == "proof").map(|(_, v)| v),
            _ => None,
        } {
            for (k, v) in proof.iter_mut() {
                if k == "verificationMethod" {
                    *v = Value::String("did:gatc:28ArBPMsHTtwQN8CvzVKgdr9dUEY83gv#keys-1".into());
                }
            }
        }
        let r = verify(&presentation(vec![vc], "pd", "n-1"));
        assert!(r.errors.iter().any(|e| e.ends_with("(UNKNOWN_VERIFICATION_METHOD)")), "{:?}", r.errors);
        assert!(r.warnings.iter().any(|w| w == "urn:vc:1 credential status not available."), "{:?}", r.warnings);
        assert!(!r.is_valid());
    }

    #[test]
    fn nothing_to_report_on_is_an_error() {
        let pd = PresentationDefinition::parse(PD, &L).unwrap();
        let p = VerifierPolicy::at(0);
        let code = |v: &Value| verify_presentation(v, None, &pd, &TrustStore::new(), &p, &L).unwrap_err().code();
        assert_eq!(code(&Value::Array(vec![])), ErrorCode::UnexpectedJsonType);
        assert_eq!(code(&Value::Object(vec![])), ErrorCode::MissingField);
    }
}
