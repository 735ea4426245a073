//! Verifying the RDF proofs of a JSON-LD document: the proof configuration and the unsecured
//! document are built from the JSON, turned into RDF by the caller's [`ToRdf`] (the JSON-LD
//! `toRdf` algorithm), canonicalized, hashed and checked against the key the proof's
//! verification method resolves to.

use alloc::string::String;
use alloc::vec::Vec;

use super::keys::DiPublicKey;
use super::suite::{hash_data, jcs_hash_data, verify_signature, HashData, RdfSuite};
use crate::error::{Error, ErrorCode, Result};
use crate::json::{ObjectExt as _, Value};
use crate::rdf::{Quad, Term};
use crate::{Limits, Verdict};

/// Most proofs checked on one document (a proof set); each one canonicalizes the document.
pub const MAX_PROOFS: usize = 16;

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const SEC: &str = "https://w3id.org/security#";

/// The JSON-LD → RDF step (JSON-LD 1.1 `toRdf`), supplied by the caller so this layer does
/// not depend on a particular JSON-LD processor. Any `Fn(&Value, &Limits) -> Result<Vec<Quad>>`
/// is one.
///
/// ```
/// use ssi_verify_core::di::ToRdf;
/// use ssi_verify_core::json::Value;
/// use ssi_verify_core::rdf::Quad;
/// use ssi_verify_core::{Limits, Result};
/// fn empty(_: &Value, _: &Limits) -> Result<Vec<Quad>> { Ok(Vec::new()) }
/// let to_rdf: &dyn ToRdf = &empty;
/// assert!(to_rdf.to_rdf(&Value::Null, &Limits::DEFAULT).unwrap().is_empty());
/// ```
pub trait ToRdf {
    /// The RDF dataset of a JSON-LD document.
    ///
    /// # Errors
    /// Whatever the processor reports ("could not check": unknown context, undefined term, ...).
    fn to_rdf(&self, document: &Value, limits: &Limits) -> Result<Vec<Quad>>;
}

impl<F: Fn(&Value, &Limits) -> Result<Vec<Quad>>> ToRdf for F {
    fn to_rdf(&self, document: &Value, limits: &Limits) -> Result<Vec<Quad>> {
        self(document, limits)
    }
}

/// What the caller requires of every proof besides a good signature.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RdfExpectations<'a> {
    /// Required `proofPurpose` (`assertionMethod` for a credential, `authentication` for a
    /// presentation), if any.
    pub proof_purpose: Option<&'a str>,
    /// Required `challenge`, if any.
    pub challenge: Option<&'a str>,
    /// Required `domain` (a string, or one member of an array of strings), if any.
    pub domain: Option<&'a str>,
}

/// The outcome for one proof.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RdfProofCheck {
    /// The proof suite.
    pub suite: RdfSuite,
    /// The proof's `verificationMethod`.
    pub verification_method: String,
    /// Valid, or the first failed check: [`ErrorCode::SignatureMismatch`],
    /// [`ErrorCode::ProofContextMismatch`], [`ErrorCode::ProofPurposeMismatch`],
    /// [`ErrorCode::ProofChallengeMismatch`], [`ErrorCode::ProofDomainMismatch`].
    pub verdict: Verdict,
    /// The canonical forms and hashes the signature was checked over.
    pub hash_data: HashData,
}

/// Verifies every proof (one object or a proof set) of a signed JSON-LD document of a suite of
/// [`RdfSuite`]: those that sign RDFC-1.0 canonical N-Quads, and `eddsa-jcs-2022` /
/// `ecdsa-jcs-2019`, which sign the JCS forms (the proof configuration under the proof's own
/// `@context` when it has one, the document under that context) while `to_rdf` still runs on
/// both as the context validation.
///
/// A proof set is every proof checked on its own; a proof of a chain (with `previousProof`)
/// is checked over the document carrying, as `proof`, the proofs it names (in document order).
///
/// For each proof: the unsecured document is the document without `proof`; the proof
/// configuration is the proof without its signature (`proofValue`, or `jws` /
/// `signatureValue` for the legacy suites) with the document's `@context` (for the legacy
/// suites followed by the proof's own `@context`; a Data Integrity proof's own `@context` must
/// be a prefix of the document's). Both go through `to_rdf`; the proof configuration's RDF
/// must state the proof type, verification method and purpose the JSON shows (an inline
/// context cannot re-map them). `keys` resolves the verification method (see
/// [`DiPublicKey::from_did_key`]).
///
/// ```
/// use ssi_verify_core::di::{verify_rdf_proofs, DiPublicKey, RdfExpectations};
/// use ssi_verify_core::json::Value;
/// use ssi_verify_core::rdf::Quad;
/// use ssi_verify_core::{ErrorCode, Limits, Result};
/// let doc = Value::parse(r#"{"@context":"https://www.w3.org/ns/credentials/v2","id":"urn:x"}"#, &Limits::DEFAULT).unwrap();
/// let no_rdf = |_: &Value, _: &Limits| -> Result<Vec<Quad>> { Ok(Vec::new()) };
/// let e = verify_rdf_proofs(&doc, &no_rdf, &DiPublicKey::from_did_key, &RdfExpectations::default(), &Limits::DEFAULT);
/// assert_eq!(e.unwrap_err().code(), ErrorCode::ProofMissing);
/// ```
///
/// # Errors
/// [`ErrorCode::ProofMissing`] without a proof, [`ErrorCode::TooManyItems`] past
/// [`MAX_PROOFS`], [`ErrorCode::UnsupportedProofType`] for another suite,
/// [`ErrorCode::InvalidFieldValue`] for a `previousProof` naming a proof the document does not
/// carry, [`ErrorCode::MissingField`] / [`ErrorCode::UnexpectedJsonType`] for a
/// malformed proof or a document without `@context`; whatever `keys`, `to_rdf`,
/// canonicalization and [`verify_signature`] report.
pub fn verify_rdf_proofs(
    signed: &Value,
    to_rdf: &dyn ToRdf,
    keys: &dyn Fn(&str) -> Result<DiPublicKey>,
    expect: &RdfExpectations<'_>,
    limits: &Limits,
) -> Result<Vec<RdfProofCheck>> {
    let members = signed
        .as_object()
        .ok_or_else(|| Error::new(ErrorCode::UnexpectedJsonType, "a signed document is a JSON object"))?;
    let proofs: Vec<&Value> = match signed.get("proof") {
        None => Vec::new(),
        Some(Value::Array(list)) => list.iter().collect(),
        Some(p) => alloc::vec![p],
    };
    if proofs.is_empty() {
        return Err(Error::code_only(ErrorCode::ProofMissing));
    }
    if proofs.len() > MAX_PROOFS {
        return Err(Error::new(ErrorCode::TooManyItems, "more proofs than MAX_PROOFS"));
    }
    let context = signed
        .get("@context")
        .ok_or_else(|| Error::new(ErrorCode::MissingField, "a JSON-LD document has an @context"))?;
    let unsecured = Value::Object(members.iter().filter(|(k, _)| k != "proof").cloned().collect());
    // The document's dataset per hash (P-384 canonicalizes with SHA-384), computed once.
    let mut document_quads: Option<Vec<Quad>> = None;
    let mut checks = Vec::with_capacity(proofs.len());
    for proof in &proofs {
        let check = match proof.get("previousProof") {
            None => verify_one(proof, context, &unsecured, &mut document_quads, to_rdf, keys, expect, limits)?,
            // A proof chain: this proof signed the document carrying the proofs it names.
            Some(previous) => {
                let chained = with_previous(&unsecured, previous, &proofs)?;
                verify_one(proof, context, &chained, &mut None, to_rdf, keys, expect, limits)?
            }
        };
        checks.push(check);
    }
    Ok(checks)
}

#[allow(clippy::too_many_arguments)] // the steps of one proof, kept in one place
fn verify_one(
    proof: &Value,
    context: &Value,
    unsecured: &Value,
    document_quads: &mut Option<Vec<Quad>>,
    to_rdf: &dyn ToRdf,
    keys: &dyn Fn(&str) -> Result<DiPublicKey>,
    expect: &RdfExpectations<'_>,
    limits: &Limits,
) -> Result<RdfProofCheck> {
    let members =
        proof.as_object().ok_or_else(|| Error::new(ErrorCode::UnexpectedJsonType, "a proof is a JSON object"))?;
    let proof_type = proof.req_str("type", "a proof has a type")?;
    let suite = RdfSuite::from_type(proof_type, proof.opt_str("cryptosuite", "cryptosuite is a string")?)?;
    let (signature, strip): (&str, &[&str]) = match suite {
        RdfSuite::EddsaRdfc2022 | RdfSuite::EcdsaRdfc2019 | RdfSuite::EddsaJcs2022 | RdfSuite::EcdsaJcs2019 => {
            (proof.req_str("proofValue", "a Data Integrity proof has a proofValue")?, &["proofValue"])
        }
        RdfSuite::Ed25519Signature2018
        | RdfSuite::JsonWebSignature2020
        | RdfSuite::EcdsaSecp256k1Signature2019
        | RdfSuite::RsaSignature2018 => {
            (proof.req_str("jws", "a JWS proof has a jws")?, &["jws", "signatureValue", "proofValue"])
        }
    };
    let vm = String::from(proof.req_str("verificationMethod", "a proof has a verificationMethod")?);
    let purpose = proof.req_str("proofPurpose", "a proof has a proofPurpose")?;

    // The proof configuration: the proof without its signature, under the document's context.
    let mut context_ok = true;
    let config_context = match (suite, proof.get("@context")) {
        (_, None) => context.clone(),
        (
            RdfSuite::Ed25519Signature2018
            | RdfSuite::JsonWebSignature2020
            | RdfSuite::EcdsaSecp256k1Signature2019
            | RdfSuite::RsaSignature2018,
            Some(own),
        ) => Value::Array(as_list(context).into_iter().chain(as_list(own)).cloned().collect()),
        (_, Some(own)) => {
            let (doc, own_list) = (as_list(context), as_list(own));
            context_ok = own_list.len() <= doc.len() && doc.iter().zip(&own_list).all(|(a, b)| a == b);
            // The JCS suites sign the proof's own context (and the document under it).
            if suite.is_jcs() {
                own.clone()
            } else {
                context.clone()
            }
        }
    };
    let mut config: Vec<(String, Value)> =
        members.iter().filter(|(k, _)| k != "@context" && !strip.contains(&k.as_str())).cloned().collect();
    config.push((String::from("@context"), config_context));
    let config = Value::Object(config);

    let key = keys(&vm)?;
    let hash = suite.hash_alg(&key)?;
    let proof_quads = to_rdf.to_rdf(&config, limits)?;
    let data = if suite.is_jcs() {
        // JCS signs the JSON; toRdf still runs as the context validation (every context known,
        // no undefined term), over the document under the proof's context.
        let jcs_doc = match proof.get("@context") {
            Some(own) => with_context(unsecured, own),
            None => unsecured.clone(),
        };
        to_rdf.to_rdf(&jcs_doc, limits)?;
        jcs_hash_data(&config, &jcs_doc, hash, limits)?
    } else {
        let doc_quads = match document_quads {
            Some(q) => q,
            None => document_quads.insert(to_rdf.to_rdf(unsecured, limits)?),
        };
        hash_data(&proof_quads, doc_quads, hash, limits)?
    };
    let mut verdict = verify_signature(suite, &key, &data, signature)?;
    if verdict.is_valid() {
        verdict = policy(proof, proof_type, &vm, purpose, &proof_quads, context_ok, expect);
    }
    Ok(RdfProofCheck { suite, verification_method: vm, verdict, hash_data: data })
}

/// The unsecured document with `proof` set to the proofs `previous` names (a string or an array
/// of strings, each the `id` of a proof of this document), in the document's order: what a
/// chained proof signed (Data Integrity, "proof chains").
fn with_previous(unsecured: &Value, previous: &Value, all: &[&Value]) -> Result<Value> {
    let ids: Vec<&str> = match previous {
        Value::String(s) => alloc::vec![s.as_str()],
        Value::Array(items) => items
            .iter()
            .map(|v| {
                v.as_str().ok_or_else(|| Error::new(ErrorCode::UnexpectedJsonType, "previousProof ids are strings"))
            })
            .collect::<Result<_>>()?,
        _ => return Err(Error::new(ErrorCode::UnexpectedJsonType, "previousProof is a string or an array of strings")),
    };
    let matching: Vec<Value> = all
        .iter()
        .filter(|p| p.get("id").and_then(Value::as_str).is_some_and(|id| ids.contains(&id)))
        .map(|p| (*p).clone())
        .collect();
    if matching.len() != ids.len() {
        return Err(Error::new(
            ErrorCode::InvalidFieldValue,
            "previousProof names a proof this document does not carry",
        ));
    }
    let mut members: Vec<(String, Value)> = unsecured.as_object().map_or(&[][..], |m| m).to_vec();
    members.push((String::from("proof"), Value::Array(matching)));
    Ok(Value::Object(members))
}

/// `doc` with its `@context` set to `context`.
fn with_context(doc: &Value, context: &Value) -> Value {
    let mut members: Vec<(String, Value)> =
        doc.as_object().map_or(&[][..], |m| m).iter().filter(|(k, _)| k != "@context").cloned().collect();
    members.insert(0, (String::from("@context"), context.clone()));
    Value::Object(members)
}

fn as_list(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        other => alloc::vec![other],
    }
}

/// The IRI a proof purpose term expands to under the security contexts (v1-v3, credentials v2).
fn purpose_iri(purpose: &str) -> Option<&'static str> {
    Some(match purpose {
        "assertionMethod" => "https://w3id.org/security#assertionMethod",
        "authentication" => "https://w3id.org/security#authenticationMethod",
        "capabilityInvocation" => "https://w3id.org/security#capabilityInvocationMethod",
        "capabilityDelegation" => "https://w3id.org/security#capabilityDelegationMethod",
        "keyAgreement" => "https://w3id.org/security#keyAgreementMethod",
        _ => return None,
    })
}

/// The checks after a good signature: the proof's RDF means what its JSON says, then the
/// caller's purpose, challenge and domain.
fn policy(
    proof: &Value,
    proof_type: &str,
    vm: &str,
    purpose: &str,
    quads: &[Quad],
    context_ok: bool,
    expect: &RdfExpectations<'_>,
) -> Verdict {
    let has = |p: &str, o: &str| {
        quads
            .iter()
            .any(|q| matches!(&q.predicate, Term::Iri(x) if x == p) && matches!(&q.object, Term::Iri(x) if x == o))
    };
    // The credentials v1 context's RsaSignature2018 scope uses `sec:` terms without defining
    // `sec`, so signers emit the IRIs `sec:proofPurpose` / `sec:verificationMethod` (a defect of
    // that bundled context, not of the proof): accepted for that suite only.
    let predicate = |name: &str, object: &str| {
        has(&alloc::format!("{SEC}{name}"), object)
            || (proof_type == "RsaSignature2018" && has(&alloc::format!("sec:{name}"), object))
    };
    let type_iri = alloc::format!("{SEC}{proof_type}");
    let purpose_ok = purpose_iri(purpose).is_some_and(|iri| predicate("proofPurpose", iri));
    if !context_ok || !has(RDF_TYPE, &type_iri) || !predicate("verificationMethod", vm) || !purpose_ok {
        return Verdict::Invalid(ErrorCode::ProofContextMismatch);
    }
    if expect.proof_purpose.is_some_and(|p| p != purpose) {
        return Verdict::Invalid(ErrorCode::ProofPurposeMismatch);
    }
    if let Some(c) = expect.challenge {
        if proof.get("challenge").and_then(Value::as_str) != Some(c) {
            return Verdict::Invalid(ErrorCode::ProofChallengeMismatch);
        }
    }
    if let Some(d) = expect.domain {
        let ok = match proof.get("domain") {
            Some(Value::String(s)) => s == d,
            Some(Value::Array(list)) => list.iter().any(|v| v.as_str() == Some(d)),
            _ => false,
        };
        if !ok {
            return Verdict::Invalid(ErrorCode::ProofDomainMismatch);
        }
    }
    Verdict::Valid
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(s: &str) -> Value {
        Value::parse(s, &Limits::DEFAULT).unwrap()
    }

    fn iri(s: &str) -> Term {
        Term::Iri(String::from(s))
    }

    fn quad(predicate: &str, object: &str) -> Quad {
        Quad { subject: Term::Blank(String::from("b0")), predicate: iri(predicate), object: iri(object), graph: None }
    }

    const VM: &str = "did:example:issuer#key-1";

    /// The proof configuration's quads for `proof_type` with `prefix` before the
    /// `proofPurpose` / `verificationMethod` predicates.
    fn config(proof_type: &str, prefix: &str) -> Vec<Quad> {
        alloc::vec![
            quad(RDF_TYPE, &alloc::format!("{SEC}{proof_type}")),
            quad(&alloc::format!("{prefix}verificationMethod"), VM),
            quad(&alloc::format!("{prefix}proofPurpose"), "https://w3id.org/security#assertionMethod"),
        ]
    }

    const NO_EXPECTATIONS: RdfExpectations<'static> =
        RdfExpectations { proof_purpose: None, challenge: None, domain: None };

    #[test]
    fn every_proof_purpose_term_has_its_iri() {
        for (term, fragment) in [
            ("assertionMethod", "assertionMethod"),
            ("authentication", "authenticationMethod"),
            ("capabilityInvocation", "capabilityInvocationMethod"),
            ("capabilityDelegation", "capabilityDelegationMethod"),
            ("keyAgreement", "keyAgreementMethod"),
        ] {
            assert_eq!(purpose_iri(term), Some(alloc::format!("{SEC}{fragment}")).as_deref(), "{term}");
        }
        assert_eq!(purpose_iri("assertion"), None);
    }

    #[test]
    fn the_unprefixed_sec_terms_count_only_for_rsa_signature_2018() {
        let proof = json("{}");
        let check = |proof_type: &str, quads: &[Quad]| {
            policy(&proof, proof_type, VM, "assertionMethod", quads, true, &NO_EXPECTATIONS)
        };
        assert_eq!(check("Ed25519Signature2018", &config("Ed25519Signature2018", SEC)), Verdict::Valid);
        assert_eq!(check("RsaSignature2018", &config("RsaSignature2018", "sec:")), Verdict::Valid);
        assert_eq!(
            check("Ed25519Signature2018", &config("Ed25519Signature2018", "sec:")),
            Verdict::Invalid(ErrorCode::ProofContextMismatch)
        );
        // The exception widens where the terms may come from, not whether they must be there.
        let mut no_purpose = config("RsaSignature2018", "sec:");
        no_purpose.pop();
        assert_eq!(check("RsaSignature2018", &no_purpose), Verdict::Invalid(ErrorCode::ProofContextMismatch));
        let mut no_vm = config("RsaSignature2018", "sec:");
        no_vm.remove(1);
        assert_eq!(check("RsaSignature2018", &no_vm), Verdict::Invalid(ErrorCode::ProofContextMismatch));
        assert_eq!(
            policy(
                &proof,
                "RsaSignature2018",
                VM,
                "assertionMethod",
                &config("RsaSignature2018", SEC),
                false,
                &NO_EXPECTATIONS
            ),
            Verdict::Invalid(ErrorCode::ProofContextMismatch),
            "the bundled context must match"
        );
    }

    #[test]
    fn purpose_challenge_and_domain_expectations() {
        let quads = config("Ed25519Signature2018", SEC);
        let proof = json(r#"{"challenge":"c1","domain":["a.example","b.example"]}"#);
        let check = |expect: RdfExpectations<'_>| {
            policy(&proof, "Ed25519Signature2018", VM, "assertionMethod", &quads, true, &expect)
        };
        let all = RdfExpectations {
            proof_purpose: Some("assertionMethod"),
            challenge: Some("c1"),
            domain: Some("b.example"),
        };
        assert_eq!(check(all), Verdict::Valid);
        assert_eq!(
            check(RdfExpectations { proof_purpose: Some("authentication"), ..all }),
            Verdict::Invalid(ErrorCode::ProofPurposeMismatch)
        );
        assert_eq!(
            check(RdfExpectations { challenge: Some("c2"), ..all }),
            Verdict::Invalid(ErrorCode::ProofChallengeMismatch)
        );
        assert_eq!(
            check(RdfExpectations { domain: Some("c.example"), ..all }),
            Verdict::Invalid(ErrorCode::ProofDomainMismatch)
        );
    }

    #[test]
    fn previous_proofs_by_one_id_or_a_list() {
        let unsecured = json(r#"{"a":1}"#);
        let proofs = [json(r#"{"id":"p1"}"#), json(r#"{"id":"p2"}"#), json(r#"{"id":"p3"}"#)];
        let all: Vec<&Value> = proofs.iter().collect();
        let chained = |previous: &str| with_previous(&unsecured, &json(previous), &all);
        assert_eq!(chained(r#""p2""#).unwrap().to_json(), r#"{"a":1,"proof":[{"id":"p2"}]}"#);
        assert_eq!(chained(r#"["p3","p1"]"#).unwrap().to_json(), r#"{"a":1,"proof":[{"id":"p1"},{"id":"p3"}]}"#);
        assert_eq!(chained(r#"["p1",2]"#).unwrap_err().code(), ErrorCode::UnexpectedJsonType);
        assert_eq!(chained("7").unwrap_err().code(), ErrorCode::UnexpectedJsonType);
        assert_eq!(chained(r#"["p1","p9"]"#).unwrap_err().code(), ErrorCode::InvalidFieldValue);
    }

    #[test]
    fn at_most_max_proofs_are_read() {
        let no_rdf = |_: &Value, _: &Limits| -> Result<Vec<Quad>> { Ok(Vec::new()) };
        let no_keys = |_: &str| -> Result<DiPublicKey> { Err(Error::code_only(ErrorCode::UnknownVerificationMethod)) };
        let code = |n: usize| {
            let proofs = alloc::vec!["{}"; n].join(",");
            let doc =
                json(&alloc::format!(r#"{{"@context":"https://www.w3.org/ns/credentials/v2","proof":[{proofs}]}}"#));
            verify_rdf_proofs(&doc, &no_rdf, &no_keys, &NO_EXPECTATIONS, &Limits::DEFAULT).unwrap_err().code()
        };
        assert_ne!(code(MAX_PROOFS), ErrorCode::TooManyItems);
        assert_eq!(code(MAX_PROOFS + 1), ErrorCode::TooManyItems);
        assert_eq!(code(0), ErrorCode::ProofMissing);
    }
}
