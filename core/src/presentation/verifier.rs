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
use crate::presentation::credential::{check_credential, check_validity, error_text, Facts};
use crate::presentation::definition::{PresentationDefinition, StatusDirective, StatusRule};
use crate::presentation::evaluate::CredentialInput;
use crate::presentation::formats::presentation_format_accepted;
use crate::presentation::jwt_vc::{verify_jwt_vc, JwtKind};
use crate::presentation::ld_proofs::verify_document_proofs;
use crate::presentation::proof::{overall, ProofExpectations};
use crate::presentation::result::{Check, VerificationResult};
use crate::presentation::submission::PresentationSubmission;
use crate::Verdict;

pub use crate::presentation::policy::{Profile, VerifierPolicy};

/// The proof suite Gataca signs with, accepted under [`Profile::Gataca`] beside an `ldp` list.
const GATACA_SUITE: &str = "JcsEd25519Signature2020";

/// Reads a presentation as received: a JSON-LD object, a JSON string holding a compact JWT VP,
/// or the bare compact JWT (returned as a [`Value::String`], the form [`verify_presentation`]
/// takes for a JWT VP).
///
/// ```
/// use ssi_verify_core::json::Value;
/// use ssi_verify_core::presentation::verifier::read_presentation;
/// use ssi_verify_core::Limits;
/// assert!(matches!(read_presentation(" a.b.c\n", &Limits::DEFAULT).unwrap(), Value::String(_)));
/// assert!(matches!(read_presentation("{}", &Limits::DEFAULT).unwrap(), Value::Object(_)));
/// ```
///
/// # Errors
/// JSON errors for text that starts like JSON but is not.
pub fn read_presentation(text: &str, limits: &Limits) -> Result<Value> {
    let trimmed = text.trim();
    if trimmed.starts_with(['{', '"', '[']) {
        return match Value::parse(trimmed, limits)? {
            Value::String(t) => Ok(Value::String(String::from(t.trim()))),
            v => Ok(v),
        };
    }
    if trimmed.len() > limits.max_input_bytes {
        return Err(Error::new(ErrorCode::InputTooLarge, "presentation longer than max_input_bytes"));
    }
    Ok(Value::String(String::from(trimmed)))
}

/// Verifies `presentation` against `definition` and reports every check.
///
/// `presentation` is a JSON-LD VP object, or a [`Value::String`] holding a compact JWT VP
/// (`vp` claim; its `nonce` claim is the challenge, its `aud` the domain; the JWS is verified
/// with the holder's key, EdDSA, ES256 or ES256K). `submission` is the
/// `presentation_submission` when it travels separately (OpenID4VP); `None` reads it from the
/// presentation's `presentation_submission` member.
///
/// # Errors
/// Only when there is nothing to report on: [`ErrorCode::UnexpectedJsonType`] when the
/// presentation is neither an object nor a string, JWT decoding errors of a JWT VP,
/// [`ErrorCode::MissingField`] when no submission is given or embedded, and the submission's
/// parse errors. Everything else is in the result.
pub fn verify_presentation(
    presentation: &Value,
    submission: Option<&PresentationSubmission>,
    definition: &PresentationDefinition,
    keys: &TrustStore,
    policy: &VerifierPolicy<'_>,
    limits: &Limits,
) -> Result<VerificationResult> {
    let mut result = VerificationResult::default();
    // The presentation's proof, and the document whose members (submission, credentials) follow.
    let (document, proof): (Value, core::result::Result<(), ErrorCode>) = match presentation {
        Value::Object(_) => {
            let expect = ProofExpectations {
                proof_purpose: Some("authentication"),
                domain: policy.domain,
                challenge_or_nonce: policy.challenge,
                allow_sha256_prehash: policy.allow_sha256_prehash,
            };
            let proof = match verify_document_proofs(presentation, keys, &expect, policy, limits) {
                Err(e) => Err(e.code()),
                Ok(checks) => match overall(&checks).reason() {
                    Some(code) => Err(code),
                    None => check_validity(presentation, policy.now, policy.leeway)
                        .map_err(|e| e.code())
                        .and_then(|v| v.reason().map_or(Ok(()), Err)),
                },
            };
            (presentation.clone(), proof)
        }
        Value::String(token) => {
            let decoded = crate::presentation::jwt_vc::decode_jwt_vc(token, limits)?;
            if decoded.kind != JwtKind::Presentation {
                return Err(Error::new(ErrorCode::InvalidCredential, "the JWT carries a vc, not a vp"));
            }
            let jwt_policy = JwtPolicy {
                audience: policy.domain,
                require_exp: false,
                leeway: policy.leeway,
                ..JwtPolicy::at(policy.now)
            };
            let proof = match verify_jwt_vc(token, keys, &jwt_policy, limits) {
                Err(e) => Err(e.code()),
                Ok((Verdict::Invalid(code), _)) => Err(code),
                Ok((Verdict::Valid, jwt)) => match policy.challenge {
                    Some(want) if jwt.claims.get("nonce").and_then(Value::as_str) != Some(want) => {
                        Err(ErrorCode::ProofChallengeMismatch)
                    }
                    _ => Ok(()),
                },
            };
            (decoded.document, proof)
        }
        _ => return Err(Error::new(ErrorCode::UnexpectedJsonType, "the presentation is not a JSON object or a JWT")),
    };
    let embedded;
    let submission = match submission {
        Some(s) => s,
        None => {
            let v = document
                .get("presentation_submission")
                .ok_or_else(|| Error::new(ErrorCode::MissingField, "no presentation_submission given or embedded"))?;
            embedded = PresentationSubmission::from_value(v, limits)?;
            &embedded
        }
    };

    if submission.definition_id == definition.id {
        result.pass(Check::MatchingIds);
    } else {
        result.fail(&error_text(
            "Id of presentation submission and definition are not matching",
            ErrorCode::InvalidPresentationSubmission,
        ));
    }
    match proof {
        Ok(()) => result.pass_presentation_proof(policy.challenge.is_some()),
        Err(code) => result.fail(&error_text("Verifiable presentation not validated", code)),
    }
    definition_proof(definition, keys, policy, limits, &mut result);

    let widened;
    let effective = if policy.profile == Profile::Gataca {
        widened = gataca_formats(definition, presentation, &document, &mut result);
        &widened
    } else {
        definition
    };
    // A warning, not a failure: wallets sign the presentation itself with their own suite
    // (Gataca's with JcsEd25519Signature2020) against definitions whose `ldp_vp` list names
    // only credential suites, and issue 12's strict profile accepts those presentations; the
    // credentials' formats are what the definition decides.
    if !presentation_format_accepted(effective.format.as_deref(), presentation, limits) {
        result.warn(&format!(
            "{}: the presentation's proof type or alg is not in the definition's presentation formats",
            ErrorCode::FormatNotListed.name()
        ));
    }
    let check = match submission.check(effective, presentation, limits) {
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
    // Per credential: the status directives of the descriptors it satisfies.
    let mut directives: Vec<Vec<(&'static str, &StatusDirective)>> = alloc::vec![Vec::new(); check.credentials.len()];
    if let Some(evaluation) = &check.evaluation {
        for u in evaluation.unchecked.iter().filter(|u| u.constraint != "statuses") {
            result.warn(&format!("{} {} constraint not checked", u.descriptor_id, u.constraint));
        }
        for m in &evaluation.matches {
            let (Some(descriptor), Some(slot)) =
                (effective.input_descriptors.get(m.descriptor_index), directives.get_mut(m.credential_index))
            else {
                continue;
            };
            let s = &descriptor.constraints.statuses;
            for (name, d) in [("active", &s.active), ("suspended", &s.suspended), ("revoked", &s.revoked)] {
                if let Some(d) = d {
                    slot.push((name, d));
                }
            }
        }
    }

    credential_checks(&check.credentials, &directives, keys, policy, limits, &mut result);
    Ok(result)
}

/// The definition's own proof (Gataca signs its definitions with a `did:gatc` key): a check
/// when it verifies, an error when it fails; an unknown key is an error under `strict` and a
/// warning under `gataca`. A definition without `proof` adds nothing.
fn definition_proof(
    definition: &PresentationDefinition,
    keys: &TrustStore,
    policy: &VerifierPolicy<'_>,
    limits: &Limits,
    result: &mut VerificationResult,
) {
    if definition.source.get("proof").is_none_or(Value::is_null) {
        return;
    }
    let expect =
        ProofExpectations { allow_sha256_prehash: policy.allow_sha256_prehash, ..ProofExpectations::default() };
    let wording = "Presentation definition proof not validated";
    match verify_document_proofs(&definition.source, keys, &expect, policy, limits) {
        Ok(checks) => match overall(&checks).reason() {
            None => result.pass(Check::DefinitionProof),
            Some(code) => result.fail(&error_text(wording, code)),
        },
        Err(e) if e.code() == ErrorCode::UnknownVerificationMethod && policy.profile == Profile::Gataca => {
            result.warn(&error_text("Presentation definition proof not checked: its key is unknown", e.code()));
        }
        Err(e) => result.fail(&error_text(wording, e.code())),
    }
}

/// Under the `gataca` profile: the definition with `JcsEd25519Signature2020` added to every
/// `ldp` / `ldp_vc` / `ldp_vp` list that lacks it, and a `FORMAT_NOT_LISTED` warning when the
/// presentation or a credential in it is signed with that suite.
fn gataca_formats(
    definition: &PresentationDefinition,
    presentation: &Value,
    document: &Value,
    result: &mut VerificationResult,
) -> PresentationDefinition {
    let mut widened = definition.clone();
    let mut added = false;
    let lists = widened.format.iter_mut().chain(widened.input_descriptors.iter_mut().filter_map(|d| d.format.as_mut()));
    for formats in lists {
        for f in formats.iter_mut().filter(|f| matches!(f.designation.as_str(), "ldp" | "ldp_vc" | "ldp_vp")) {
            if !f.proof_type.is_empty() && !f.proof_type.iter().any(|t| t == GATACA_SUITE) {
                f.proof_type.push(String::from(GATACA_SUITE));
                added = true;
            }
        }
    }
    let signed_with = |doc: &Value| match doc.get("proof") {
        Some(Value::Array(items)) => items.iter().any(|p| p.get("type").and_then(Value::as_str) == Some(GATACA_SUITE)),
        Some(p) => p.get("type").and_then(Value::as_str) == Some(GATACA_SUITE),
        None => false,
    };
    let credentials: &[Value] = match document.get("verifiableCredential") {
        Some(Value::Array(items)) => items,
        Some(one) => core::slice::from_ref(one),
        None => &[],
    };
    if added && (signed_with(presentation) || credentials.iter().any(signed_with)) {
        result.warn(&format!(
            "{}: {GATACA_SUITE} is not in the definition's ldp proof_type list; accepted under the gataca profile",
            ErrorCode::FormatNotListed.name()
        ));
    }
    widened
}

/// credentialProof, issuer, credentialStatus and uniqueSubject for the submitted credentials,
/// with the definition's status directives.
fn credential_checks(
    credentials: &[CredentialInput],
    directives: &[Vec<(&'static str, &StatusDirective)>],
    keys: &TrustStore,
    policy: &VerifierPolicy<'_>,
    limits: &Limits,
    result: &mut VerificationResult,
) {
    if credentials.is_empty() {
        return;
    }
    let (mut proofs_ok, mut issuers_ok, mut statuses_ok) = (true, true, true);
    let mut subjects: Vec<String> = Vec::new();
    for (i, credential) in credentials.iter().enumerate() {
        let own = directives.get(i).map_or(&[][..], Vec::as_slice);
        let strict_status =
            own.iter().any(|(_, d)| matches!(d.directive, Some(StatusRule::Required | StatusRule::Disallowed)));
        let label = format!("Credential {i}");
        let mut one = VerificationResult::default();
        let mut unchecked = Vec::new();
        let facts =
            check_credential(&label, credential, keys, policy, !strict_status, limits, &mut one, &mut unchecked);
        proofs_ok &= facts.proof_ok;
        issuers_ok &= facts.issuer_ok;
        statuses_ok &= one.has(Check::CredentialStatus);
        result.warnings.extend(one.warnings);
        result.errors.extend(one.errors);
        apply_directives(&label, own, &facts, result);
        subjects.extend(subjects_of(credential.document()).into_iter().map(String::from));
        if let CredentialInput::Jwt { .. } = credential {
            // The JWT's `sub` is the subject where the claims leave credentialSubject.id out.
            if let Some(sub) = credential.document().get("sub").and_then(Value::as_str) {
                if !subjects.iter().any(|s| s == sub) {
                    subjects.push(String::from(sub));
                }
            }
        }
    }
    if proofs_ok {
        result.pass(Check::CredentialProof);
        if issuers_ok {
            result.pass(Check::Issuer);
        }
    }
    if statuses_ok {
        result.pass(Check::CredentialStatus);
    }
    if subjects.windows(2).all(|w| w.first() == w.get(1)) {
        result.pass(Check::UniqueSubject);
    } else {
        result
            .fail(&error_text("Credential subject is not the same for all the credentials", ErrorCode::ValueMismatch));
    }
}

/// The definition's `statuses` directives against what the credential's status entries said.
/// `active` means no revocation or suspension bit is set; a directive whose `type` list is given
/// looks only at entries of those types. A status that could not be read was already reported.
fn apply_directives(
    label: &str,
    directives: &[(&'static str, &StatusDirective)],
    facts: &Facts,
    result: &mut VerificationResult,
) {
    for (name, directive) in directives {
        let Some(rule) = directive.directive else { continue };
        let relevant: Vec<_> = facts
            .statuses
            .iter()
            .filter(|c| directive.types.is_empty() || directive.types.contains(&c.entry_type))
            .collect();
        if relevant.iter().any(|c| c.outcome.is_err()) {
            continue;
        }
        let revoked = relevant.iter().any(|c| c.failure() == Some(ErrorCode::CredentialRevoked));
        let suspended = relevant.iter().any(|c| c.failure() == Some(ErrorCode::CredentialSuspended));
        let in_status = match *name {
            "revoked" => revoked,
            "suspended" => suspended,
            _ => !revoked && !suspended,
        };
        let broken = match rule {
            StatusRule::Required => !in_status,
            StatusRule::Disallowed => in_status,
            StatusRule::Allowed => false,
        };
        if broken {
            let rule = match rule {
                StatusRule::Required => "required",
                StatusRule::Disallowed => "disallowed",
                StatusRule::Allowed => "allowed",
            };
            result
                .fail(&error_text(&format!("{label} status not valid: {name} is {rule}"), ErrorCode::StatusDisallowed));
        }
    }
}

/// The subject ids of a credential (`credentialSubject` may be an object or an array).
fn subjects_of(doc: &Value) -> Vec<&str> {
    let doc = doc.get("vc").unwrap_or(doc);
    match doc.get("credentialSubject") {
        Some(o @ Value::Object(_)) => o.get("id").and_then(Value::as_str).into_iter().collect(),
        Some(Value::Array(items)) => items.iter().filter_map(|s| s.get("id").and_then(Value::as_str)).collect(),
        _ => Vec::new(),
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
        String::from(key(n).1.split('#').next().unwrap())
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
        let status = r#","credentialStatus":{"type":"StatusList2021Entry","statusPurpose":"revocation",
            "statusListIndex":"7","statusListCredential":"https://example.com/list"}"#;
        let mut vc = credential(&did(1), "did:ex:ann", status, 1);
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
        // The proof could not be checked: that is named, and the dates and status of a document
        // that did not verify say nothing about the credential, so no status warning is given.
        assert!(r.errors.iter().any(|e| e.ends_with("(UNKNOWN_VERIFICATION_METHOD)")), "{:?}", r.errors);
        assert!(!r.warnings.iter().any(|w| w.contains("credential status")), "{:?}", r.warnings);
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

    #[test]
    fn a_bare_jwt_is_bounded_inclusively() {
        let exact = Limits { max_input_bytes: 5, ..L };
        assert_eq!(read_presentation(" a.b.c ", &exact).unwrap(), Value::String(String::from("a.b.c")));
        let under = Limits { max_input_bytes: 4, ..L };
        assert_eq!(read_presentation("a.b.c", &under).unwrap_err().code(), ErrorCode::InputTooLarge);
        assert_eq!(read_presentation(r#"" a.b.c ""#, &L).unwrap(), Value::String(String::from("a.b.c")));
    }

    /// A JWT VP of one credential by the holder key 9, with the extra `claims`.
    fn jwt_presentation(claims: &str) -> Value {
        let (sk, vm) = key(9);
        let vc = credential(&did(1), "did:ex:ann", "", 1).to_json();
        let text = format!(
            r#"{{"iss":"{}","nonce":"n-1"{claims},"vp":{{"type":["VerifiablePresentation"],"verifiableCredential":[{vc}],
            "presentation_submission":{{"id":"s","definition_id":"pd","descriptor_map":[{{"id":"email","format":"jwt_vp","path":"$",
            "path_nested":{{"id":"email","format":"ldp_vc","path":"$.vp.verifiableCredential[0]"}}}}]}}}}}}"#,
            did(9)
        );
        let token = crate::jose::sign_eddsa_with_kid(&Value::parse(&text, &L).unwrap(), &sk, &vm).unwrap();
        Value::String(token)
    }

    fn verify_with(vp: &Value, policy: &VerifierPolicy<'_>) -> VerificationResult {
        let pd = PresentationDefinition::parse(PD, &L).unwrap();
        verify_presentation(vp, None, &pd, &TrustStore::new(), policy, &L).unwrap()
    }

    #[test]
    fn a_jwt_presentation_takes_the_domain_as_audience_and_the_policy_leeway() {
        const NOW: u64 = 1_700_000_000;
        let policy = VerifierPolicy { challenge: Some("n-1"), ..VerifierPolicy::at(NOW) };
        let plain = verify_with(&jwt_presentation(""), &policy);
        assert!(plain.is_valid(), "{:?}", plain.errors);
        let aimed = jwt_presentation(r#","aud":"https://v.example""#);
        let for_us = VerifierPolicy { domain: Some("https://v.example"), ..policy };
        assert!(verify_with(&aimed, &for_us).has(Check::PresentationProof));
        let for_others = VerifierPolicy { domain: Some("https://w.example"), ..policy };
        let r = verify_with(&aimed, &for_others);
        assert!(!r.has(Check::PresentationProof));
        assert!(r.errors.iter().any(|e| e.starts_with("Verifiable presentation not validated")), "{:?}", r.errors);
        let lapsed = jwt_presentation(&format!(r#","exp":{}"#, NOW - 30));
        assert!(verify_with(&lapsed, &policy).has(Check::PresentationProof));
        let strict = VerifierPolicy { leeway: 0, ..policy };
        assert!(!verify_with(&lapsed, &strict).has(Check::PresentationProof));
    }

    #[test]
    fn unchecked_constraints_are_warned_about_but_statuses_are_checked() {
        let pd = PresentationDefinition::parse(
            &PD.replacen(
                r#""constraints":{"fields""#,
                r#""constraints":{"limit_disclosure":"required","statuses":{"active":{"directive":"allowed"}},"fields""#,
                1,
            ),
            &L,
        )
        .unwrap();
        let policy = VerifierPolicy { challenge: Some("n-1"), ..VerifierPolicy::at(1_700_000_000) };
        let vp = presentation(vec![credential(&did(1), "did:ex:ann", "", 1)], "pd", "n-1");
        let r = verify_presentation(&vp, None, &pd, &TrustStore::new(), &policy, &L).unwrap();
        assert!(r.warnings.iter().any(|w| w == "email limit_disclosure constraint not checked"), "{:?}", r.warnings);
        assert!(!r.warnings.iter().any(|w| w.contains("statuses constraint")), "{:?}", r.warnings);
    }

    #[test]
    fn a_signed_definition_follows_the_pre_hash_policy() {
        let (sk, vm) = key(4);
        let signed = sign_jcs_ed25519(&Value::parse(PD, &L).unwrap(), &sk, &vm, "assertionMethod", "t", &[]).unwrap();
        let prehashed = crate::presentation::proof::resigned(&signed, |m| sk.sign(&crate::crypto::sha256(m)).to_vec());
        let pd = PresentationDefinition::from_value(&prehashed, &L).unwrap();
        let vp = presentation(vec![credential(&did(1), "did:ex:ann", "", 1)], "pd", "n-1");
        let policy = VerifierPolicy { challenge: Some("n-1"), ..VerifierPolicy::at(1_700_000_000) };
        let strict = verify_presentation(&vp, None, &pd, &TrustStore::new(), &policy, &L).unwrap();
        assert!(strict.errors.iter().any(|e| e == "Presentation definition proof not validated (SIGNATURE_MISMATCH)"));
        let allowed = VerifierPolicy { allow_sha256_prehash: true, ..policy };
        let r = verify_presentation(&vp, None, &pd, &TrustStore::new(), &allowed, &L).unwrap();
        assert!(r.has(Check::DefinitionProof), "{:?}", r.errors);
    }

    #[test]
    fn the_gataca_profile_widens_only_lists_that_restrict() {
        let vp = presentation(vec![credential(&did(1), "did:ex:ann", "", 1)], "pd", "n-1");
        let policy =
            VerifierPolicy { challenge: Some("n-1"), profile: Profile::Gataca, ..VerifierPolicy::at(1_700_000_000) };
        let warned = |format: &str| {
            let pd = PresentationDefinition::parse(
                &PD.replacen(r#""id":"pd","#, &format!(r#""id":"pd","format":{format},"#), 1),
                &L,
            )
            .unwrap();
            let r = verify_presentation(&vp, None, &pd, &TrustStore::new(), &policy, &L).unwrap();
            assert!(r.is_valid(), "{format}: {:?}", r.errors);
            r.warnings.iter().any(|w| w.starts_with("FORMAT_NOT_LISTED: JcsEd25519Signature2020"))
        };
        assert!(warned(r#"{"ldp_vc":{"proof_type":["Ed25519Signature2018"]}}"#));
        assert!(!warned(r#"{"ldp_vc":{"proof_type":["JcsEd25519Signature2020"]}}"#));
        assert!(!warned(r#"{"ldp_vc":{}}"#));
    }

    /// The presentation of one credential whose `purpose` entry points at index 7 of a list
    /// where that bit is set, checked against the descriptor `statuses` given.
    fn with_status(purpose: &str, statuses: &str) -> VerificationResult {
        with_status_after(purpose, statuses, None)
    }

    /// As [`with_status`], the credential with the entry coming after `first` when given.
    fn with_status_after(purpose: &str, statuses: &str, first: Option<Value>) -> VerificationResult {
        const LIST: &str = "https://status.example/1";
        let entry = format!(
            r#","credentialStatus":{{"id":"{LIST}#7","type":"BitstringStatusListEntry","statusPurpose":"{purpose}",
            "statusListIndex":"7","statusListCredential":"{LIST}"}}"#
        );
        let vc = credential(&did(1), "did:ex:ann", &entry, 1);
        let mut bits = vec![0u8; 16_384];
        bits[0] = 0x01; // index 7
        let list = Value::parse(
            &format!(
                r#"{{"id":"{LIST}","type":["VerifiableCredential","BitstringStatusListCredential"],"issuer":"{}",
                "credentialSubject":{{"type":"BitstringStatusList","statusPurpose":"{purpose}","encodedList":"{}"}}}}"#,
                did(5),
                crate::presentation::status::encoded_list_for_tests(&bits)
            ),
            &L,
        )
        .unwrap();
        let (sk, vm) = key(5);
        let list = sign_jcs_ed25519(&list, &sk, &vm, "assertionMethod", "t", &[]).unwrap();
        let mut lists = crate::presentation::status::StatusLists::new();
        lists.insert(LIST, &list.to_json());
        let pd = PresentationDefinition::parse(
            &PD.replacen(
                r#""constraints":{"fields""#,
                &format!(r#""constraints":{{"statuses":{statuses},"fields""#),
                1,
            ),
            &L,
        )
        .unwrap();
        let policy =
            VerifierPolicy { challenge: Some("n-1"), status_lists: Some(&lists), ..VerifierPolicy::at(1_700_000_000) };
        let vp = presentation(first.into_iter().chain([vc]).collect(), "pd", "n-1");
        verify_presentation(&vp, None, &pd, &TrustStore::new(), &policy, &L).unwrap()
    }

    #[test]
    fn one_failed_status_fails_the_shared_status_check() {
        let good = credential(&did(1), "did:ex:ann", "", 1);
        let r = with_status_after("revocation", "{}", Some(good));
        assert!(r.errors.iter().any(|e| e == "Credential 1 status not valid (CREDENTIAL_REVOKED)"), "{:?}", r.errors);
        assert!(!r.has(Check::CredentialStatus) && r.has(Check::CredentialProof), "{:?}", r.checks);
    }

    #[test]
    fn the_gataca_warning_names_a_presentation_signed_with_the_suite() {
        // The presentation (an array of one proof) is JcsEd25519Signature2020-signed, its one
        // credential is a JWT: the warning comes from the presentation alone.
        let (sk, vm) = key(6);
        let claims = format!(
            r#"{{"iss":"{}","sub":"did:ex:ann","vc":{{"type":["VerifiableCredential","emailCredential"],"credentialSubject":{{}}}}}}"#,
            did(6)
        );
        let jwt =
            Value::String(crate::jose::sign_eddsa_with_kid(&Value::parse(&claims, &L).unwrap(), &sk, &vm).unwrap());
        let vp = presentation_of(vec![(jwt, "jwt_vc")]);
        let Value::Object(mut members) = vp else { panic!("not an object") };
        for (k, v) in &mut members {
            if k == "proof" {
                *v = Value::Array(vec![v.clone()]);
            }
        }
        let vp = Value::Object(members);
        let format = r#"{"ldp_vc":{"proof_type":["Ed25519Signature2018"]},"jwt_vc":{"alg":["EdDSA"]}}"#;
        let pd = PresentationDefinition::parse(
            &PD.replacen(r#""id":"pd","#, &format!(r#""id":"pd","format":{format},"#), 1),
            &L,
        )
        .unwrap();
        let policy =
            VerifierPolicy { challenge: Some("n-1"), profile: Profile::Gataca, ..VerifierPolicy::at(1_700_000_000) };
        let r = verify_presentation(&vp, None, &pd, &TrustStore::new(), &policy, &L).unwrap();
        assert!(r.has(Check::PresentationProof), "{:?}", r.errors);
        assert!(
            r.warnings.iter().any(|w| w.starts_with("FORMAT_NOT_LISTED: JcsEd25519Signature2020")),
            "{:?}",
            r.warnings
        );
    }

    #[test]
    fn status_directives_judge_what_the_entries_said() {
        let broken = |purpose: &str, statuses: &str| {
            let r = with_status(purpose, statuses);
            r.errors.into_iter().filter(|e| e.ends_with("(STATUS_DISALLOWED)")).collect::<Vec<_>>()
        };
        let revoked_disallowed = r#"{"revoked":{"directive":"disallowed"}}"#;
        assert_eq!(
            broken("revocation", revoked_disallowed),
            ["Credential 0 status not valid: revoked is disallowed (STATUS_DISALLOWED)"]
        );
        assert!(broken("revocation", r#"{"revoked":{"directive":"required"}}"#).is_empty());
        assert!(broken("revocation", r#"{"revoked":{"directive":"allowed"}}"#).is_empty());
        assert_eq!(
            broken("revocation", r#"{"active":{"directive":"required"}}"#),
            ["Credential 0 status not valid: active is required (STATUS_DISALLOWED)"]
        );
        assert!(broken("revocation", r#"{"suspended":{"directive":"disallowed"}}"#).is_empty());
        assert_eq!(
            broken("suspension", r#"{"suspended":{"directive":"disallowed"}}"#),
            ["Credential 0 status not valid: suspended is disallowed (STATUS_DISALLOWED)"]
        );
        assert_eq!(broken("suspension", r#"{"active":{"directive":"required"}}"#).len(), 1);
        assert!(broken("suspension", r#"{"revoked":{"directive":"disallowed"}}"#).is_empty());
        assert_eq!(broken("revocation", r#"{"suspended":{"directive":"required"}}"#).len(), 1);
        // A directive limited to other entry types looks at none of these.
        assert!(
            broken("revocation", r#"{"revoked":{"directive":"disallowed","type":["StatusList2021Entry"]}}"#).is_empty()
        );
        let typed = r#"{"revoked":{"directive":"disallowed","type":["BitstringStatusListEntry"]}}"#;
        assert_eq!(broken("revocation", typed).len(), 1);
    }

    /// A VP (holder key 9, nonce n-1) of `vcs`, each entry's format and descriptor given.
    fn presentation_of(vcs: Vec<(Value, &str)>) -> Value {
        let map: Vec<String> = vcs
            .iter()
            .enumerate()
            .map(|(i, (_, format))| {
                let id = if i == 0 { "email" } else { "email2" };
                format!(r#"{{"id":"{id}","format":"{format}","path":"$.verifiableCredential[{i}]"}}"#)
            })
            .collect();
        let submission = format!(r#"{{"id":"s","definition_id":"pd","descriptor_map":[{}]}}"#, map.join(","));
        let vp = Value::Object(vec![
            ("verifiableCredential".into(), Value::Array(vcs.into_iter().map(|(v, _)| v).collect())),
            ("presentation_submission".into(), Value::parse(&submission, &L).unwrap()),
        ]);
        let (sk, vm) = key(9);
        sign_jcs_ed25519(&vp, &sk, &vm, "authentication", "t", &[("nonce", Value::String("n-1".into()))]).unwrap()
    }

    #[test]
    fn every_credential_must_pass_for_the_shared_checks() {
        let good = credential(&did(1), "did:ex:ann", "", 1);
        let mut tampered = credential(&did(2), "did:ex:ann", "", 2);
        if let Value::Object(m) = &mut tampered {
            m.push(("extra".into(), Value::Bool(true)));
        }
        let r = verify(&presentation_of(vec![(good.clone(), "ldp_vc"), (tampered, "ldp_vc")]));
        assert!(!r.has(Check::CredentialProof) && !r.has(Check::Issuer), "{:?}", r.checks);
        let foreign = credential(&did(3), "did:ex:ann", "", 4);
        let r = verify(&presentation_of(vec![(good, "ldp_vc"), (foreign, "ldp_vc")]));
        assert!(r.has(Check::CredentialProof) && !r.has(Check::Issuer), "{:?}", r.checks);
    }

    #[test]
    fn a_jwt_credential_s_sub_counts_as_its_subject() {
        let good = credential(&did(1), "did:ex:ann", "", 1);
        let (sk, vm) = key(6);
        let jwt_vc = |sub: &str| {
            let claims = format!(
                r#"{{"iss":"{}","sub":"{sub}","vc":{{"type":["VerifiableCredential","emailCredential"],"credentialSubject":{{"email":"a@x"}}}}}}"#,
                did(6)
            );
            Value::String(crate::jose::sign_eddsa_with_kid(&Value::parse(&claims, &L).unwrap(), &sk, &vm).unwrap())
        };
        let same = verify(&presentation_of(vec![(good.clone(), "ldp_vc"), (jwt_vc("did:ex:ann"), "jwt_vc")]));
        assert!(same.has(Check::UniqueSubject) && same.has(Check::CredentialProof), "{:?}", same.errors);
        let other = verify(&presentation_of(vec![(good, "ldp_vc"), (jwt_vc("did:ex:bob"), "jwt_vc")]));
        assert!(!other.has(Check::UniqueSubject), "{:?}", other.checks);
    }
}
