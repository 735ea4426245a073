//! The DIF JWS test suite's JsonWebSignature2020 credentials and presentations
//! (tests/vectors/data-integrity/dif-jws-test-suite, every upstream LD verdict "verified")
//! through the credential verifier and the proof entry point the presentation verifier uses,
//! with `did:example:123#key-N` mapped to the suite's public JWKs in a trust store: Ed25519
//! (EdDSA), secp256k1 (ES256K) and P-256 (ES256). P-384 and RSA-2048 keys are not trust-store
//! key types yet: those vectors go through the Data Integrity layer with the suite's JWK. Each
//! credential with its issuance date changed is refused.
//! (`cargo test -p ssi-verify-core --features data-integrity,jsonld --test ldp_dif_vectors -- --nocapture`)
#![cfg(all(feature = "data-integrity", feature = "jsonld", feature = "presentation"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

use serde_json::{json, Value as Json};
use ssi_verify_core::crypto::did_key::TrustStore;
use ssi_verify_core::di::{verify_rdf_proofs, DiPublicKey, RdfExpectations};
use ssi_verify_core::json::Value;
use ssi_verify_core::jsonld::ContextStore;
use ssi_verify_core::jsonld::{to_rdf, Options};
use ssi_verify_core::presentation::credential::verify_credential;
use ssi_verify_core::presentation::evaluate::CredentialInput;
use ssi_verify_core::presentation::ld_proofs::verify_document_proofs;
use ssi_verify_core::presentation::proof::ProofExpectations;
use ssi_verify_core::presentation::verifier::{Profile, VerifierPolicy};
use ssi_verify_core::{ErrorCode, Limits, Verdict};

const L: Limits = Limits::DEFAULT;
const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/data-integrity/dif-jws-test-suite/data");
/// 2026-01-01: inside every credential's validity period.
const NOW: u64 = 1_767_225_600;

fn json(path: &std::path::Path) -> Option<Json> {
    let text = std::fs::read_to_string(path).unwrap();
    // Some implementations left empty files upstream (no output for that key).
    serde_json::from_str(&text).ok().filter(|v: &Json| v.is_object())
}

fn keys() -> TrustStore {
    let mut members = serde_json::Map::new();
    for name in ["key-0-ed25519", "key-1-secp256k1", "key-2-secp256r1"] {
        let key: Json =
            serde_json::from_str(&std::fs::read_to_string(format!("{DIR}/keys/{name}.json")).unwrap()).unwrap();
        members.insert(key["id"].as_str().unwrap().into(), key["publicKeyJwk"].clone());
    }
    TrustStore::from_json(&Json::Object(members).to_string(), &L).unwrap()
}

fn contexts() -> ContextStore {
    let mut s = ContextStore::bundled();
    let pex = std::fs::read_to_string(format!("{DIR}/../../contexts/pex-submission-v1.json")).unwrap();
    s.register("https://identity.foundation/presentation-exchange/submission/v1", &pex, &L).unwrap();
    s
}

#[test]
fn dif_jws_2020_vectors() {
    let (keys, contexts) = (keys(), contexts());
    let policy = VerifierPolicy { profile: Profile::Gataca, contexts: Some(&contexts), ..VerifierPolicy::at(NOW) };
    let (mut vcs, mut vps, mut other_keys, mut failures) = (0, 0, 0, Vec::new());
    let mut files: Vec<_> = std::fs::read_dir(format!("{DIR}/implementations"))
        .unwrap()
        .filter_map(|e| e.ok().filter(|e| e.path().is_dir()))
        .flat_map(|d| std::fs::read_dir(d.path()).unwrap().map(|e| e.unwrap().path()))
        .collect();
    files.sort();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let is_vc = name.ends_with(".vc.json");
        if !(is_vc || name.ends_with(".vp.json")) {
            continue;
        }
        // microsoft produced only VC-JWTs (`{"jwt": …}`) under these names.
        let Some(doc) = json(&path).filter(|d| d.get("proof").is_some()) else { continue };
        let label = format!("{}/{name}", path.parent().unwrap().file_name().unwrap().to_string_lossy());
        if name.contains("key-3-") || name.contains("key-4-") {
            // P-384 and RSA are not trust-store key types: the Data Integrity layer directly,
            // with the suite's JWK and the same JSON-LD step.
            match rdf_layer(&doc, &name, &contexts, is_vc) {
                Ok(()) => other_keys += 1,
                Err(e) => failures.push(format!("{label}: {e}")),
            }
            continue;
        }
        let value = Value::parse(&doc.to_string(), &L).unwrap();
        if is_vc {
            vcs += 1;
            match verify_credential(&CredentialInput::JsonLd(value), &keys, &policy, &L) {
                Ok(r) if r.is_valid() && r.suite == "JsonWebSignature2020" => {}
                Ok(r) => failures.push(format!("{label}: {:?}", r.result.errors)),
                Err(e) => failures.push(format!("{label}: {e}")),
            }
            let mut changed = doc.clone();
            changed["issuanceDate"] = json!("2020-01-01T19:23:24Z");
            let changed = Value::parse(&changed.to_string(), &L).unwrap();
            match verify_credential(&CredentialInput::JsonLd(changed), &keys, &policy, &L) {
                Ok(r) if r.result.errors.iter().any(|e| e.ends_with("(SIGNATURE_MISMATCH)")) => {}
                other => failures.push(format!("{label} with another issuanceDate: {other:?}")),
            }
        } else {
            vps += 1;
            let proof = &doc["proof"];
            let expect = ProofExpectations {
                proof_purpose: Some("authentication"),
                challenge_or_nonce: proof["challenge"].as_str(),
                domain: proof["domain"].as_str(),
                ..ProofExpectations::default()
            };
            match verify_document_proofs(&value, &keys, &expect, &policy, &L) {
                Ok(checks) if !checks.is_empty() && checks.iter().all(|c| c.verdict.is_valid()) => {}
                other => failures.push(format!("{label}: {other:?}")),
            }
        }
    }
    println!(
        "DIF JWS test suite (JsonWebSignature2020): {vcs} credentials and {vps} presentations verified, each credential's changed issuanceDate refused; {other_keys} P-384 (ES384) / RSA (PS256) credentials and presentations verified by the Data Integrity layer, changed ones refused"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(vcs >= 40 && vps >= 20 && other_keys >= 30, "{vcs} {vps} {other_keys}");
}

/// A P-384 or RSA vector through `di::verify_rdf_proofs` with the suite's public JWK: valid, and
/// with its issuance date (credentials) or holder (presentations) changed, a signature mismatch.
fn rdf_layer(doc: &Json, name: &str, contexts: &ContextStore, is_vc: bool) -> Result<(), String> {
    let file = if name.contains("key-3-") { "key-3-secp384r1" } else { "key-4-rsa2048" };
    let key: Json = serde_json::from_str(&std::fs::read_to_string(format!("{DIR}/keys/{file}.json")).unwrap()).unwrap();
    let jwk = Value::parse(&key["publicKeyJwk"].to_string(), &L).unwrap();
    let resolve = |_: &str| DiPublicKey::from_jwk(&jwk);
    let options = Options { safe_mode: true, ..Options::default() };
    let step = |v: &Value, l: &Limits| to_rdf(v, contexts, &options, l);
    let expect = RdfExpectations {
        proof_purpose: Some(if is_vc { "assertionMethod" } else { "authentication" }),
        ..RdfExpectations::default()
    };
    let run = |d: &Json| {
        let v = Value::parse(&d.to_string(), &L).unwrap();
        verify_rdf_proofs(&v, &step, &resolve, &expect, &L).map_err(|e| e.to_string())
    };
    let checks = run(doc)?;
    if !checks.iter().all(|c| c.verdict.is_valid()) {
        return Err(format!("{checks:?}"));
    }
    let mut changed = doc.clone();
    changed[if is_vc { "issuanceDate" } else { "holder" }] =
        json!(if is_vc { "2020-01-01T19:23:24Z" } else { "did:example:evil" });
    match run(&changed)?.first().map(|c| c.verdict) {
        Some(Verdict::Invalid(ErrorCode::SignatureMismatch)) => Ok(()),
        other => Err(format!("changed document: {other:?}")),
    }
}

#[test]
fn a_key_of_another_type_could_not_be_checked() {
    let (keys, contexts) = (keys(), contexts());
    let policy = VerifierPolicy { contexts: Some(&contexts), ..VerifierPolicy::at(NOW) };
    let path = std::path::Path::new(DIR).join("implementations/transmute/credential-0--key-1-secp256k1.vc.json");
    let mut doc = json(&path).unwrap();
    doc["proof"]["verificationMethod"] = json!("did:example:123#key-0");
    let v = Value::parse(&doc.to_string(), &L).unwrap();
    let e = verify_credential(&CredentialInput::JsonLd(v), &keys, &policy, &L).unwrap_err();
    assert_eq!(e.code(), ErrorCode::JwtAlgMismatch);
}
