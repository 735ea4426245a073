//! Proof sets and proof chains (W3C vc-di-eddsa `TestVectors/proof-set-chain`, four did:key
//! signers): every proof of the two sets and the two chains verifies; a chained proof covers the
//! proofs it names (dropping or changing one breaks it); a `previousProof` naming a proof the
//! document does not carry could not be checked.
//! (`cargo test -p ssi-verify-core --features data-integrity,jsonld --test ldp_chains -- --nocapture`)
#![cfg(all(feature = "data-integrity", feature = "jsonld"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

use serde_json::{json, Value as Json};
use ssi_verify_core::di::{verify_rdf_proofs, DiPublicKey, RdfExpectations, RdfProofCheck};
use ssi_verify_core::json::Value;
use ssi_verify_core::jsonld::{to_rdf, ContextStore, Options};
use ssi_verify_core::{ErrorCode, Limits, Result, Verdict};

const L: Limits = Limits::DEFAULT;

fn read(name: &str) -> Json {
    let path = format!(
        "{}/../tests/vectors/data-integrity/w3c-vc-di-eddsa/TestVectors/proof-set-chain/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn verify(doc: &Json) -> Result<Vec<RdfProofCheck>> {
    let store = ContextStore::bundled();
    let options = Options { safe_mode: true, ..Options::default() };
    let step = |v: &Value, l: &Limits| to_rdf(v, &store, &options, l);
    let expect = RdfExpectations { proof_purpose: Some("assertionMethod"), ..RdfExpectations::default() };
    verify_rdf_proofs(&Value::parse(&doc.to_string(), &L).unwrap(), &step, &DiPublicKey::from_did_key, &expect, &L)
}

#[test]
fn w3c_proof_sets_and_chains() {
    let mut proofs = 0;
    for name in ["signedProofSet1.json", "signedProofSet2.json", "signedProofChain1.json", "signedProofChain2.json"] {
        let checks = verify(&read(name)).unwrap();
        assert!(checks.iter().all(|c| c.verdict.is_valid()), "{name}: {checks:?}");
        proofs += checks.len();
    }
    // The chained proof (the third of chain 1) no longer holds when a proof it names changes ...
    let mut doc = read("signedProofChain1.json");
    doc["proof"][0]["created"] = json!("2023-02-25T00:00:00Z");
    let checks = verify(&doc).unwrap();
    assert_eq!(checks[0].verdict, Verdict::Invalid(ErrorCode::SignatureMismatch));
    assert!(checks[1].verdict.is_valid());
    assert_eq!(checks[2].verdict, Verdict::Invalid(ErrorCode::SignatureMismatch));
    // ... and it could not be checked when a proof it names is gone.
    let mut doc = read("signedProofChain1.json");
    doc["proof"].as_array_mut().unwrap().remove(1);
    assert_eq!(verify(&doc).unwrap_err().code(), ErrorCode::InvalidFieldValue);
    println!("W3C proof sets and chains: {proofs} proofs in 4 documents verify; a changed or missing previous proof is refused");
}
