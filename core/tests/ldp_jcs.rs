//! The JCS cryptosuites (eddsa-jcs-2022, ecdsa-jcs-2019 P-256 / P-384) on the W3C vc-di-eddsa /
//! vc-di-ecdsa test vectors, through the same entry point as the RDF suites: every intermediate
//! value (canonical proof configuration and document, both hashes) equals the vector's, the
//! signed credential verifies (the JSON-LD step validates its contexts), and a changed claim, a
//! moved proof or an unknown context does not.
//! (`cargo test -p ssi-verify-core --features data-integrity,jsonld --test ldp_jcs -- --nocapture`)
#![cfg(all(feature = "data-integrity", feature = "jsonld", feature = "presentation"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

use serde_json::{json, Value as Json};
use ssi_verify_core::codec::hex_encode;
use ssi_verify_core::crypto::did_key::TrustStore;
use ssi_verify_core::di::{verify_rdf_proofs, DiPublicKey, RdfExpectations, RdfSuite};
use ssi_verify_core::json::Value;
use ssi_verify_core::jsonld::{to_rdf, ContextStore, Options};
use ssi_verify_core::presentation::credential::verify_credential;
use ssi_verify_core::presentation::evaluate::CredentialInput;
use ssi_verify_core::presentation::verifier::VerifierPolicy;
use ssi_verify_core::{ErrorCode, Limits, Verdict};

const L: Limits = Limits::DEFAULT;

fn read(rel: &str) -> String {
    let path = format!("{}/../tests/vectors/data-integrity/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

const VECTORS: &[(&str, &str, RdfSuite)] = &[
    ("w3c-vc-di-eddsa/TestVectors/eddsa-jcs-2022", "JCS", RdfSuite::EddsaJcs2022),
    ("w3c-vc-di-ecdsa/TestVectors/ecdsa-jcs-2019-p256", "JCSECDSAP256", RdfSuite::EcdsaJcs2019),
    ("w3c-vc-di-ecdsa/TestVectors/ecdsa-jcs-2019-p384", "JCSECDSAP384", RdfSuite::EcdsaJcs2019),
];

fn check(doc: &Json, store: &ContextStore) -> ssi_verify_core::Result<Vec<ssi_verify_core::di::RdfProofCheck>> {
    let options = Options { safe_mode: true, ..Options::default() };
    let step = |v: &Value, l: &Limits| to_rdf(v, store, &options, l);
    let expect = RdfExpectations { proof_purpose: Some("assertionMethod"), ..RdfExpectations::default() };
    let v = Value::parse(&doc.to_string(), &L).unwrap();
    verify_rdf_proofs(&v, &step, &DiPublicKey::from_did_key, &expect, &L)
}

#[test]
fn w3c_jcs_vectors() {
    let store = ContextStore::bundled();
    for (dir, tag, suite) in VECTORS {
        let file = |stem: &str, ext: &str| read(&format!("{dir}/{stem}{tag}.{ext}"));
        let signed: Json = serde_json::from_str(&file("signed", "json")).unwrap();
        let checks = check(&signed, &store).unwrap();
        let c = &checks[0];
        assert_eq!((c.suite, c.verdict), (*suite, Verdict::Valid), "{dir}");
        assert_eq!(c.hash_data.proof_nquads, file("proofCanon", "txt").trim_end(), "{dir}");
        assert_eq!(c.hash_data.document_nquads, file("canonDoc", "txt").trim_end(), "{dir}");
        assert_eq!(hex_encode(&c.hash_data.proof_hash), file("proofHash", "txt").trim(), "{dir}");
        assert_eq!(hex_encode(&c.hash_data.document_hash), file("docHash", "txt").trim(), "{dir}");
        assert_eq!(hex_encode(&c.hash_data.combined()), file("combinedHash", "txt").trim(), "{dir}");

        // One claim changed; the proof moved to another credential.
        let mut changed = signed.clone();
        changed["credentialSubject"]["alumniOf"] = json!("Another School");
        let mut moved = signed.clone();
        moved["id"] = json!("urn:uuid:00000000-0000-4000-8000-000000000001");
        for bad in [changed, moved] {
            assert_eq!(
                check(&bad, &store).unwrap()[0].verdict,
                Verdict::Invalid(ErrorCode::SignatureMismatch),
                "{dir}"
            );
        }
        // The contexts are validated although JCS signs the JSON: an unknown one could not be checked.
        let mut unknown = signed.clone();
        unknown["@context"].as_array_mut().unwrap().push(json!("https://example.org/unknown/v1"));
        unknown["proof"]["@context"] = unknown["@context"].clone();
        assert_eq!(check(&unknown, &ContextStore::bundled()).unwrap_err().code(), ErrorCode::UnknownContext);
        // A proof context that is not a prefix of the document's: invalid even with a good signature.
        let mut other = signed.clone();
        other["@context"] = json!(["https://www.w3.org/ns/credentials/v2"]);
        assert!(!check(&other, &store).unwrap()[0].verdict.is_valid(), "{dir}");
    }
    println!("W3C eddsa-jcs-2022 / ecdsa-jcs-2019 (P-256, P-384): 3/3 vectors, every intermediate value matched; changed claim, moved proof, unknown context and foreign proof context refused");
}

#[test]
fn jcs_credentials_through_vc_verify() {
    let store = ContextStore::bundled();
    let policy = VerifierPolicy { contexts: Some(&store), ..VerifierPolicy::at(1_767_225_600) };
    for (dir, tag, suite) in VECTORS {
        let signed = read(&format!("{dir}/signed{tag}.json"));
        let input = CredentialInput::JsonLd(Value::parse(&signed, &L).unwrap());
        let r = verify_credential(&input, &TrustStore::new(), &policy, &L).unwrap();
        // The vectors' issuer is https://vc.example/issuers/5678, not the did:key that signed:
        // the proof verifies, the issuer check does not.
        assert!(
            r.result.has(ssi_verify_core::presentation::result::Check::CredentialProof),
            "{dir}: {:?}",
            r.result.errors
        );
        assert_eq!(r.suite, suite.name());
        assert!(r.result.errors.iter().all(|e| e.starts_with("Cannot trust issuer")), "{dir}: {:?}", r.result.errors);
    }
}
