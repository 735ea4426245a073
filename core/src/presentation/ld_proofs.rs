//! The proofs of a JSON-LD credential, presentation or definition, whatever their suite: the one
//! entry point the credential and presentation verifiers call.
//!
//! `JcsEd25519Signature2020` (Gataca's suite, plain JSON) goes to [`verify_proofs`] as before.
//! The Linked Data suites (`Ed25519Signature2018`, `JsonWebSignature2020`,
//! `EcdsaSecp256k1Signature2019`, `RsaSignature2018`, and `DataIntegrityProof` with
//! `eddsa-rdfc-2022` / `ecdsa-rdfc-2019` / `eddsa-jcs-2022` / `ecdsa-jcs-2019`) go, with the features `data-integrity` and `jsonld`, to [`crate::di::verify_rdf_proofs`] with
//! the JSON-LD `toRdf` step in safe mode over the bundled contexts plus the caller's
//! ([`VerifierPolicy::contexts`]): an unknown context is [`ErrorCode::UnknownContext`], an
//! undefined term [`ErrorCode::UndefinedTerm`] (both "could not check"). Without those features
//! they stay [`ErrorCode::UnsupportedProofType`].
//!
//! ```
//! use ssi_verify_core::crypto::did_key::{did_key_verification_method, TrustStore};
//! use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;
//! use ssi_verify_core::json::Value;
//! use ssi_verify_core::presentation::ld_proofs::{proof_suite_name, verify_document_proofs};
//! use ssi_verify_core::presentation::proof::{sign_jcs_ed25519, ProofExpectations};
//! use ssi_verify_core::presentation::verifier::VerifierPolicy;
//! use ssi_verify_core::Limits;
//! let sk = Ed25519SecretKey::from_bytes(&[3u8; 32]);
//! let vm = did_key_verification_method(&sk.public_key());
//! let doc = Value::parse(r#"{"id":"urn:x"}"#, &Limits::DEFAULT).unwrap();
//! let signed = sign_jcs_ed25519(&doc, &sk, &vm, "assertionMethod", "2025-01-01T00:00:00Z", &[]).unwrap();
//! let policy = VerifierPolicy::at(0);
//! let checks = verify_document_proofs(&signed, &TrustStore::new(), &ProofExpectations::default(), &policy, &Limits::DEFAULT).unwrap();
//! assert!(checks[0].verdict.is_valid());
//! assert_eq!(proof_suite_name(&signed), "JcsEd25519Signature2020");
//! ```

use alloc::string::String;
use alloc::vec::Vec;

use crate::crypto::did_key::TrustStore;
use crate::error::Result;
use crate::json::Value;
use crate::limits::Limits;
use crate::presentation::policy::VerifierPolicy;
use crate::presentation::proof::{verify_proofs, ProofCheck, ProofExpectations};

/// Proof types of the Linked Data suites (RDF canonical form; the JCS cryptosuites of
/// `DataIntegrityProof` sign JSON but validate the contexts the same way).
pub const RDF_PROOF_TYPES: [&str; 5] = [
    "Ed25519Signature2018",
    "JsonWebSignature2020",
    "DataIntegrityProof",
    "EcdsaSecp256k1Signature2019",
    "RsaSignature2018",
];

fn proofs(doc: &Value) -> &[Value] {
    match doc.get("proof") {
        None | Some(Value::Null) => &[],
        Some(Value::Array(items)) => items,
        Some(one) => core::slice::from_ref(one),
    }
}

/// The suite of a document's first proof as reports name it: the proof `type`, or for a
/// `DataIntegrityProof` its `cryptosuite` (`eddsa-rdfc-2022`, ...); empty without a proof.
///
/// ```
/// use ssi_verify_core::json::Value;
/// use ssi_verify_core::presentation::ld_proofs::proof_suite_name;
/// use ssi_verify_core::Limits;
/// let vc = Value::parse(r#"{"proof":{"type":"DataIntegrityProof","cryptosuite":"ecdsa-rdfc-2019"}}"#, &Limits::DEFAULT).unwrap();
/// assert_eq!(proof_suite_name(&vc), "ecdsa-rdfc-2019");
/// ```
#[must_use]
pub fn proof_suite_name(doc: &Value) -> String {
    let Some(proof) = proofs(doc).first() else { return String::new() };
    let proof_type = proof.get("type").and_then(Value::as_str).unwrap_or("");
    match (proof_type, proof.get("cryptosuite").and_then(Value::as_str)) {
        ("DataIntegrityProof", Some(suite)) => String::from(suite),
        _ => String::from(proof_type),
    }
}

/// Whether any proof of `doc` is of a suite that signs RDF ([`RDF_PROOF_TYPES`]).
#[must_use]
pub fn has_rdf_proof(doc: &Value) -> bool {
    proofs(doc).iter().any(|p| p.get("type").and_then(Value::as_str).is_some_and(|t| RDF_PROOF_TYPES.contains(&t)))
}

/// Verifies every proof of `doc`: `JcsEd25519Signature2020` proofs with [`verify_proofs`], the
/// RDF suites (see the module documentation) over the JSON-LD `toRdf` of the document with the
/// contexts of `policy`. Keys come from `keys` (then `did:key` / `did:jwk`, offline).
/// `expect.challenge_or_nonce` is the RDF proofs' `challenge`.
///
/// # Errors
/// Those of [`verify_proofs`], or of [`crate::di::verify_rdf_proofs`] (with the `jsonld`
/// errors: [`crate::ErrorCode::UnknownContext`], [`crate::ErrorCode::UndefinedTerm`], ...);
/// [`crate::ErrorCode::UnsupportedProofType`] for an RDF suite in a build without
/// `data-integrity` and `jsonld`, or for a proof set mixing JCS and RDF suites.
pub fn verify_document_proofs(
    doc: &Value,
    keys: &TrustStore,
    expect: &ProofExpectations<'_>,
    policy: &VerifierPolicy<'_>,
    limits: &Limits,
) -> Result<Vec<ProofCheck>> {
    if !has_rdf_proof(doc) {
        return verify_proofs(doc, keys, expect, limits);
    }
    #[cfg(all(feature = "data-integrity", feature = "jsonld"))]
    return rdf::verify(doc, keys, expect, policy, limits);
    #[cfg(not(all(feature = "data-integrity", feature = "jsonld")))]
    {
        let _ = policy;
        Err(crate::error::Error::new(
            crate::error::ErrorCode::UnsupportedProofType,
            "Linked Data proofs need the data-integrity and jsonld features",
        ))
    }
}

#[cfg(all(feature = "data-integrity", feature = "jsonld"))]
mod rdf {
    use super::*;
    use crate::di::{verify_rdf_proofs, RdfExpectations};
    use crate::error::{Error, ErrorCode};
    use crate::jsonld::{to_rdf, ContextStore, Options};
    use crate::presentation::filter::date_time_unix_seconds;
    use crate::rdf::Quad;
    use crate::Verdict;

    pub(super) fn verify(
        doc: &Value,
        keys: &TrustStore,
        expect: &ProofExpectations<'_>,
        policy: &VerifierPolicy<'_>,
        limits: &Limits,
    ) -> Result<Vec<ProofCheck>> {
        let bundled;
        let store = match policy.contexts {
            Some(s) => s,
            None => {
                bundled = ContextStore::bundled();
                &bundled
            }
        };
        let options = Options { safe_mode: true, ..Options::default() };
        let to_rdf_step = |v: &Value, l: &Limits| -> Result<Vec<Quad>> { to_rdf(v, store, &options, l) };
        let rdf_expect = RdfExpectations {
            proof_purpose: expect.proof_purpose,
            challenge: expect.challenge_or_nonce,
            domain: expect.domain,
        };
        let checks =
            verify_rdf_proofs(doc, &to_rdf_step, &|vm: &str| keys.resolve_data_integrity_key(vm), &rdf_expect, limits)?;
        // The checks come in the order of the proofs.
        checks
            .into_iter()
            .zip(proofs(doc))
            .map(|(c, proof)| {
                let verdict = match c.verdict {
                    Verdict::Valid => timing(proof, policy)?,
                    failed => failed,
                };
                Ok(ProofCheck { verification_method: c.verification_method, verdict, reading: None })
            })
            .collect()
    }

    /// A proof's `created` and `expires` (Data Integrity) against the policy's time: a proof
    /// created after that time beyond its leeway is [`ErrorCode::ProofNotYetValid`] (a signer's
    /// clock may run a little ahead, hence the leeway), one whose `expires` lies before it
    /// [`ErrorCode::ProofExpired`]. Either member present but not an RFC 3339 date-time is an
    /// error: the format forbids it, so it is not guessed at.
    fn timing(proof: &Value, policy: &VerifierPolicy<'_>) -> Result<Verdict> {
        let (now, leeway) = (i128::from(policy.now), i128::from(policy.leeway));
        if let Some(created) = date(proof, "created")? {
            if created - leeway > now {
                return Ok(Verdict::Invalid(ErrorCode::ProofNotYetValid));
            }
        }
        let Some(expires) = date(proof, "expires")? else { return Ok(Verdict::Valid) };
        Ok(Verdict::from_bool(expires + leeway >= now, ErrorCode::ProofExpired))
    }

    fn date(proof: &Value, member: &'static str) -> Result<Option<i128>> {
        let Some(value) = proof.get(member) else { return Ok(None) };
        let detail = if member == "created" {
            "a proof's created is not an RFC 3339 date-time"
        } else {
            "a proof's expires is not an RFC 3339 date-time"
        };
        let at =
            value.as_str().and_then(date_time_unix_seconds).ok_or(Error::new(ErrorCode::InvalidFieldValue, detail))?;
        Ok(Some(i128::from(at)))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn proof_times_hold_within_the_leeway() {
            // 1_750_000_000 is 2025-06-15T15:06:40Z.
            let policy = VerifierPolicy::at(1_750_000_000);
            let proof = |members: &str| Value::parse(&alloc::format!("{{{members}}}"), &Limits::DEFAULT).unwrap();
            let verdict = |members: &str| timing(&proof(members), &policy).unwrap();
            assert_eq!(verdict(""), Verdict::Valid);
            assert_eq!(verdict(r#""created":"2025-06-15T15:07:40Z""#), Verdict::Valid);
            assert_eq!(verdict(r#""created":"2025-06-15T15:07:41Z""#), Verdict::Invalid(ErrorCode::ProofNotYetValid));
            assert_eq!(verdict(r#""expires":"2025-06-15T15:05:40Z""#), Verdict::Valid);
            assert_eq!(verdict(r#""expires":"2025-06-15T15:05:39Z""#), Verdict::Invalid(ErrorCode::ProofExpired));
            let both = r#""created":"2025-06-15T15:07:41Z","expires":"2025-06-15T15:05:39Z""#;
            assert_eq!(verdict(both), Verdict::Invalid(ErrorCode::ProofNotYetValid));
            let e = timing(&proof(r#""created":"yesterday""#), &policy).unwrap_err();
            assert_eq!(
                (e.code(), e.detail()),
                (ErrorCode::InvalidFieldValue, "a proof's created is not an RFC 3339 date-time")
            );
            let e = timing(&proof(r#""expires":1"#), &policy).unwrap_err();
            assert_eq!(e.detail(), "a proof's expires is not an RFC 3339 date-time");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Value {
        Value::parse(text, &Limits::DEFAULT).unwrap()
    }

    #[test]
    fn suites_are_named_by_the_first_proof() {
        assert_eq!(proof_suite_name(&doc("{}")), "");
        assert_eq!(proof_suite_name(&doc(r#"{"proof":null}"#)), "");
        assert_eq!(proof_suite_name(&doc(r#"{"proof":[]}"#)), "");
        let two = doc(r#"{"proof":[{"type":"Ed25519Signature2018"},{"type":"DataIntegrityProof","cryptosuite":"x"}]}"#);
        assert_eq!(proof_suite_name(&two), "Ed25519Signature2018");
        assert_eq!(proof_suite_name(&doc(r#"{"proof":{"type":"DataIntegrityProof"}}"#)), "DataIntegrityProof");
        assert_eq!(proof_suite_name(&doc(r#"{"proof":{"type":"X","cryptosuite":"y"}}"#)), "X");
        assert_eq!(proof_suite_name(&doc(r#"{"proof":{"cryptosuite":"y"}}"#)), "");
    }

    #[test]
    fn any_rdf_proof_makes_the_set_rdf() {
        assert!(!has_rdf_proof(&doc("{}")));
        assert!(!has_rdf_proof(&doc(r#"{"proof":{"type":"JcsEd25519Signature2020"}}"#)));
        for t in RDF_PROOF_TYPES {
            let one = alloc::format!(r#"{{"proof":[{{"type":"JcsEd25519Signature2020"}},{{"type":"{t}"}}]}}"#);
            assert!(has_rdf_proof(&doc(&one)), "{t}");
        }
        assert!(!has_rdf_proof(&doc(r#"{"proof":[{"type":1}]}"#)));
    }
}
