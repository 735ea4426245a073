//! JSON-LD `toRdf` on real signed credentials (tests/vectors/data-integrity, see its SOURCE.md):
//! the dataset of each signed document and of each proof's options must equal the N-Quads the
//! signer canonicalized (compared as datasets, up to blank node labels), with the contexts coming
//! only from the bundled set plus the vector-specific contexts registered here. Also checks that
//! the Data Integrity context validation (safe mode) accepts these documents and refuses a
//! credential with an undefined term or an unknown context.
//! (`cargo test -p ssi-verify-core --no-default-features --features jsonld --test jsonld_data_integrity -- --nocapture`)
#![cfg(feature = "jsonld")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

mod jsonld_common;

use jsonld_common::{isomorphic, parse_nquads};
use serde_json::Value as Json;
use ssi_verify_core::json::Value;
use ssi_verify_core::jsonld::{to_nquads, to_rdf, ContextStore, Options};
use ssi_verify_core::{ErrorCode, Limits};

fn dir() -> String {
    format!("{}/../tests/vectors/data-integrity", env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    let path = format!("{}/{rel}", dir());
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The bundled contexts plus the vector-specific ones SOURCE.md maps.
fn store() -> ContextStore {
    let mut s = ContextStore::bundled();
    for (url, file) in [
        ("https://w3id.org/citizenship/v4rc1", "contexts/citizenship-v4rc1.jsonld"),
        ("https://w3id.org/citizenship/v2", "contexts/citizenship-v2.jsonld"),
        ("https://identity.foundation/presentation-exchange/submission/v1", "contexts/pex-submission-v1.json"),
        ("https://w3id.org/security/v3", "ld-signatures-java/contexts/security-v3-unstable.jsonld"),
        (
            "https://w3id.org/traceability/v1",
            "transmute-verifiable-data/vc-data-model-test-vectors/contexts/traceability-v1.json",
        ),
        (
            "https://w3id.org/citizenship/v1",
            "transmute-verifiable-data/vc-data-model-test-vectors/contexts/citizenship-v1.json",
        ),
    ] {
        s.register(url, &read(file), &Limits::DEFAULT).unwrap();
    }
    s
}

fn nquads_of(doc: &Json, store: &ContextStore, safe: bool) -> Result<String, ssi_verify_core::Error> {
    let v = Value::parse(&doc.to_string(), &Limits::DEFAULT).unwrap();
    to_rdf(&v, store, &Options { safe_mode: safe, ..Options::default() }, &Limits::DEFAULT).map(|q| to_nquads(&q))
}

fn same_dataset(got: &str, want: &str) -> bool {
    isomorphic(&parse_nquads(got), &parse_nquads(want))
}

#[test]
fn legacy_proofs_documents_and_proof_options() {
    let store = store();
    let derived: Json = serde_json::from_str(&read("legacy-ld-proofs.derived.json")).unwrap();
    let (mut docs_ok, mut opts_ok, mut total, mut safe_refused) = (0, 0, 0, Vec::new());
    let mut failures = Vec::new();
    for r in derived["records"].as_array().unwrap() {
        let at = r["at"].as_str().unwrap();
        let file = r["file"].as_str().unwrap();
        // "(credential + proof)" records assemble the signed object from two files: not a pointer.
        if !at.starts_with('/') {
            continue;
        }
        total += 1;
        let whole: Json = serde_json::from_str(&read(file)).unwrap();
        let pointer = if at == "/" { "" } else { at };
        let signed = whole.pointer(pointer).unwrap_or_else(|| panic!("{file} {at}"));
        let signed = if signed.is_array() { &signed[0] } else { signed };
        let mut doc = signed.clone();
        let proof = doc.as_object_mut().unwrap().remove("proof").unwrap();
        let proof = if proof.is_array() { proof[0].clone() } else { proof };
        match nquads_of(&doc, &store, false) {
            Ok(got) if same_dataset(&got, r["documentNQuads"].as_str().unwrap()) => docs_ok += 1,
            Ok(got) => failures.push(format!("{file} {at}: document dataset differs\n{got}")),
            Err(e) => failures.push(format!("{file} {at}: document: {e}")),
        }
        if let Err(e) = nquads_of(&doc, &store, true) {
            safe_refused.push(format!("{file} {at}: {e}"));
        }
        let mut opts = proof.as_object().unwrap().clone();
        for k in ["jws", "proofValue", "signatureValue"] {
            opts.remove(k);
        }
        let mut ctx = doc["@context"].clone();
        if let Some(pc) = opts.remove("@context") {
            let mut all = if ctx.is_array() { ctx.as_array().unwrap().clone() } else { vec![ctx] };
            all.extend(if pc.is_array() { pc.as_array().unwrap().clone() } else { vec![pc] });
            ctx = Json::Array(all);
        }
        opts.insert("@context".into(), ctx);
        match nquads_of(&Json::Object(opts), &store, false) {
            Ok(got) if same_dataset(&got, r["proofOptionsNQuads"].as_str().unwrap()) => opts_ok += 1,
            Ok(got) => failures.push(format!("{file} {at}: proof options dataset differs\n{got}")),
            Err(e) => failures.push(format!("{file} {at}: proof options: {e}")),
        }
    }
    println!(
        "legacy LD proofs: documents {docs_ok}/{total}, proof options {opts_ok}/{total} equal the signed datasets"
    );
    println!("safe mode refused {} of {total} documents:", safe_refused.len());
    for s in &safe_refused {
        println!("  {s}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn w3c_data_integrity_vectors() {
    let store = store();
    let mut checked = 0;
    for (suite, tag) in [
        ("w3c-vc-di-eddsa/TestVectors/eddsa-rdfc-2022", "DataInt"),
        ("w3c-vc-di-eddsa/TestVectors/Ed25519Signature2020", "EdSig"),
        ("w3c-vc-di-ecdsa/TestVectors/ecdsa-rdfc-2019-p256", "ECDSAP256"),
        ("w3c-vc-di-ecdsa/TestVectors/ecdsa-rdfc-2019-p384", "ECDSAP384"),
    ] {
        let top = suite.rsplit_once('/').unwrap().0;
        for (sub, input) in [("", "unsigned.json"), ("/employ", "employmentAuth.json")] {
            let folder = format!("{suite}{sub}");
            if !std::path::Path::new(&format!("{}/{folder}/canonDoc{tag}.txt", dir())).exists() {
                continue;
            }
            let doc: Json = serde_json::from_str(&read(&format!("{top}/{input}"))).unwrap();
            for safe in [false, true] {
                let got = nquads_of(&doc, &store, safe).unwrap_or_else(|e| panic!("{folder}: {e}"));
                assert!(same_dataset(&got, &read(&format!("{folder}/canonDoc{tag}.txt"))), "{folder} document\n{got}");
            }
            let config: Json = serde_json::from_str(&read(&format!("{folder}/proofConfig{tag}.json"))).unwrap();
            let got = nquads_of(&config, &store, true).unwrap();
            assert!(
                same_dataset(&got, &read(&format!("{folder}/proofCanon{tag}.txt"))),
                "{folder} proof config\n{got}"
            );
            checked += 1;
        }
    }
    println!("W3C vc-di-eddsa / vc-di-ecdsa RDFC vectors: {checked} documents and proof configurations equal the canonical datasets");
    assert_eq!(checked, 7);
}

#[test]
fn undefined_terms_and_unknown_contexts_are_could_not_check() {
    let store = store();
    let vc = r#"{
      "@context": ["https://www.w3.org/2018/credentials/v1"],
      "type": ["VerifiableCredential"],
      "issuer": "did:example:123",
      "issuanceDate": "2020-01-01T00:00:00Z",
      "credentialSubject": {"id": "did:example:456", "emailCredential": "a@example.org"}
    }"#;
    let v = Value::parse(vc, &Limits::DEFAULT).unwrap();
    // Without validation the undefined term silently disappears from the dataset ...
    let lax = to_rdf(&v, &store, &Options::default(), &Limits::DEFAULT).unwrap();
    assert!(!to_nquads(&lax).contains("a@example.org"));
    // ... with it, the credential could not be checked.
    let safe = Options { safe_mode: true, ..Options::default() };
    assert_eq!(to_rdf(&v, &store, &safe, &Limits::DEFAULT).unwrap_err().code(), ErrorCode::UndefinedTerm);
    // A relative type (no @vocab) would be dropped too.
    let rel = vc
        .replace("[\"VerifiableCredential\"]", "[\"VerifiableCredential\", \"MyType\"]")
        .replace(", \"emailCredential\": \"a@example.org\"", "");
    let v = Value::parse(&rel, &Limits::DEFAULT).unwrap();
    assert_eq!(to_rdf(&v, &store, &safe, &Limits::DEFAULT).unwrap_err().code(), ErrorCode::UndefinedTerm);
    // An unknown context is never fetched.
    let unknown = vc.replace("credentials/v1\"]", "credentials/v1\", \"https://example.org/ctx/v1\"]");
    let v = Value::parse(&unknown, &Limits::DEFAULT).unwrap();
    assert_eq!(
        to_rdf(&v, &store, &Options::default(), &Limits::DEFAULT).unwrap_err().code(),
        ErrorCode::UnknownContext
    );
}
