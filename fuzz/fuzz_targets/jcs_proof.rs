//! JcsEd25519Signature2020: a document signed with a fixed key, one bit of its canonical JSON
//! flipped; when the result still parses and means something else, its proofs must not all verify.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use ssi_verify_core::crypto::did_key::{did_key_verification_method, TrustStore};
use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;
use ssi_verify_core::json::jcs::{canonicalize, canonicalize_str};
use ssi_verify_core::json::Value;
use ssi_verify_core::presentation::proof::{sign_jcs_ed25519, verify_proofs, ProofExpectations};
use ssi_verify_core::Limits;

const DOC: &str = r#"{"@context":["https://www.w3.org/2018/credentials/v1"],"id":"urn:uuid:1",
    "type":["VerifiableCredential"],"issuer":"did:example:issuer","issuanceDate":"2025-01-01T00:00:00Z",
    "credentialSubject":{"id":"did:example:s","name":"Jane \u00e9","n":1.5,"ok":true,"x":null,"l":[1,"2",{}]}}"#;

const EXPECT: ProofExpectations<'static> = ProofExpectations {
    proof_purpose: Some("assertionMethod"),
    domain: None,
    challenge_or_nonce: None,
    allow_sha256_prehash: false,
};

fn canonical_signed() -> &'static str {
    static CELL: OnceLock<String> = OnceLock::new();
    CELL.get_or_init(|| {
        let l = Limits::DEFAULT;
        let sk = Ed25519SecretKey::from_bytes(&[7u8; 32]);
        let vm = did_key_verification_method(&sk.public_key());
        let doc = Value::parse(DOC, &l).expect("fixed document");
        let signed = sign_jcs_ed25519(&doc, &sk, &vm, "assertionMethod", "2025-01-01T00:00:00Z", &[]).expect("signs");
        let checks = verify_proofs(&signed, &TrustStore::new(), &EXPECT, &l).expect("verifies");
        assert!(checks.iter().all(|c| c.verdict.is_valid()), "the fixed document must verify before bits are flipped");
        canonicalize(&signed, &l).expect("canonical")
    })
}

fuzz_target!(|data: &[u8]| {
    let original = canonical_signed();
    let Some(pick) = data.get(..4) else { return };
    let bit = u32::from_le_bytes([pick[0], pick[1], pick[2], pick[3]]) as usize % (original.len() * 8);
    let mut bytes = original.as_bytes().to_vec();
    bytes[bit / 8] ^= 1 << (bit % 8);
    let Ok(text) = std::str::from_utf8(&bytes) else { return };
    let l = Limits::DEFAULT;
    let Ok(doc) = Value::parse(text, &l) else { return };
    // Same canonical form = same meaning: only then may the proof still hold.
    if canonicalize_str(text, &l).is_ok_and(|c| c == original) {
        return;
    }
    if let Ok(checks) = verify_proofs(&doc, &TrustStore::new(), &EXPECT, &l) {
        if !checks.is_empty() && checks.iter().all(|c| c.verdict.is_valid()) {
            panic!("bit {bit} flipped, the meaning changed, yet every proof verifies: {text}");
        }
    }
});
