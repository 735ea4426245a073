#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg(feature = "presentation")]
//! JcsEd25519Signature2020 against the DIF vectors (decentralized-identity/JcsEd25519Signature2020),
//! tampering, several proofs, caller expectations, and Gataca-shaped documents.

use ssi_verify_core::codec::{base58btc_decode, base58btc_encode, base64url_encode};
use ssi_verify_core::crypto::did_key::{did_key_verification_method, TrustStore};
use ssi_verify_core::crypto::ed25519::{Ed25519PublicKey, Ed25519SecretKey};
use ssi_verify_core::json::{jcs, Value};
use ssi_verify_core::presentation::proof::{
    sign_jcs_ed25519, verify_proofs, verify_proofs_with_key, ProofCheck, ProofExpectations, Reading, SignatureEncoding,
    SignedMessage,
};
use ssi_verify_core::{ErrorCode, Limits, Result, Verdict};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/jcs-ed25519-signature-2020");
const L: Limits = Limits::DEFAULT;

fn parse(text: &str) -> Value {
    Value::parse(text, &L).unwrap()
}

fn from_serde(v: &serde_json::Value) -> Value {
    parse(&serde_json::to_string(v).unwrap())
}

fn key58(text: &str) -> Ed25519PublicKey {
    Ed25519PublicKey::from_bytes(&base58btc_decode(text).unwrap()).unwrap()
}

const RAW_B58: Reading = Reading { message: SignedMessage::RawJcs, encoding: SignatureEncoding::Base58Btc };

fn only(result: Result<Vec<ProofCheck>>) -> Result<ProofCheck> {
    result.map(|mut v| {
        assert_eq!(v.len(), 1);
        v.remove(0)
    })
}

fn is_valid(result: &Result<ProofCheck>) -> bool {
    matches!(result, Ok(c) if c.verdict.is_valid())
}

/// The document without `proof.signatureValue` (what the vectors list as the JCS input).
fn strip_signature(doc: &serde_json::Value) -> serde_json::Value {
    let mut d = doc.clone();
    d["proof"].as_object_mut().unwrap().remove("signatureValue");
    d
}

#[test]
fn collected_vectors() {
    let text = std::fs::read_to_string(format!("{DIR}/jcs_ed25519_signature_2020_vectors.json")).unwrap();
    let all: serde_json::Value = serde_json::from_str(&text).unwrap();
    let cases = all["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 9);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let signed = &case["signed_document"];
        let doc = from_serde(signed);
        let key = key58(case["publicKeyBase58"].as_str().unwrap());
        // Our canonical signing input is byte-for-byte the one the collector derived.
        let input = jcs::canonicalize(&from_serde(&strip_signature(signed)), &L).unwrap();
        assert_eq!(input, case["jcs_signing_input"].as_str().unwrap(), "{name}");

        let strict = only(verify_proofs_with_key(&doc, &key, &ProofExpectations::default(), &L));
        let opted = ProofExpectations { allow_sha256_prehash: true, ..Default::default() };
        let lenient = only(verify_proofs_with_key(&doc, &key, &opted, &L));
        let checks = &case["local_check"];
        let raw = checks["raw"].as_bool().unwrap();
        let prehash = checks["sha256"].as_bool().unwrap() || checks["nacl-attached-sha256"].as_bool().unwrap();
        assert_eq!(case["expected_raw_jcs_variant"] == "valid", raw, "{name}");
        assert_eq!(is_valid(&strict), raw, "{name}: {strict:?}");
        assert_eq!(is_valid(&lenient), raw || prehash, "{name}: {lenient:?}");
        if raw {
            assert_eq!(strict.as_ref().unwrap().reading, Some(RAW_B58), "{name}");
        }
        if checks["nacl-attached-sha256"].as_bool().unwrap() {
            assert_eq!(lenient.unwrap().reading.unwrap().message, SignedMessage::Sha256PreHashAttached, "{name}");
        }
        // How the failures fail.
        match name {
            n if n.contains("proof.type changed") => {
                assert_eq!(strict.unwrap_err().code(), ErrorCode::UnsupportedProofType)
            }
            n if n.contains("extra base58 char") => {
                assert_eq!(strict.unwrap_err().code(), ErrorCode::InvalidSignatureEncoding)
            }
            // The 96-byte attached signature is not a signature at all unless pre-hashing is allowed.
            "js-reference-document" => assert_eq!(strict.unwrap_err().code(), ErrorCode::InvalidSignatureEncoding),
            _ if !raw => assert_eq!(strict.unwrap().verdict, Verdict::Invalid(ErrorCode::SignatureMismatch), "{name}"),
            _ => {}
        }
    }
}

#[test]
fn spec_example_through_the_trust_store() {
    let text = std::fs::read_to_string(format!("{DIR}/jcs_ed25519_signature_2020_vectors.json")).unwrap();
    let all: serde_json::Value = serde_json::from_str(&text).unwrap();
    let case = all["cases"].as_array().unwrap().iter().find(|c| c["name"] == "spec-example").unwrap();
    let doc = from_serde(&case["signed_document"]);
    let mut keys = TrustStore::new();
    // The example's key is the document's own publicKey[0]; a verifier trusts it out of band.
    keys.insert("did:test:36FC2p3yXoxcoVBn73qxPx", key58(case["publicKeyBase58"].as_str().unwrap()));
    let expect = ProofExpectations {
        proof_purpose: Some("assertionMethod"),
        challenge_or_nonce: Some("fd2ccdaa-a9eb-4927-9ad2-3c0ad84546d5"),
        ..Default::default()
    };
    let check = only(verify_proofs(&doc, &keys, &expect, &L)).unwrap();
    assert_eq!(check.verdict, Verdict::Valid);
    assert_eq!(check.verification_method, "did:test:36FC2p3yXoxcoVBn73qxPx#key-1");
    assert_eq!(check.reading, Some(RAW_B58));
    assert_eq!(
        only(verify_proofs(&doc, &TrustStore::new(), &expect, &L)).unwrap_err().code(),
        ErrorCode::UnknownVerificationMethod
    );
    for (expect, code) in [
        (ProofExpectations { proof_purpose: Some("authentication"), ..expect }, ErrorCode::ProofPurposeMismatch),
        (ProofExpectations { domain: Some("example.com"), ..expect }, ErrorCode::ProofDomainMismatch),
        (ProofExpectations { challenge_or_nonce: Some("other"), ..expect }, ErrorCode::ProofChallengeMismatch),
    ] {
        assert_eq!(only(verify_proofs(&doc, &keys, &expect, &L)).unwrap().verdict, Verdict::Invalid(code));
    }
}

/// The fenced blocks of an upstream test-N.md: private key, public key, input, signed result.
fn markdown_blocks(text: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if line.starts_with("```") {
            match current.take() {
                Some(b) => blocks.push(b),
                None => current = Some(String::new()),
            }
        } else if let Some(b) = current.as_mut() {
            b.push_str(line);
            b.push('\n');
        }
    }
    blocks
}

#[test]
fn upstream_markdown_vectors_verify_and_re_sign() {
    for file in ["test-1.md", "test-2.md"] {
        let blocks = markdown_blocks(&std::fs::read_to_string(format!("{DIR}/upstream/{file}")).unwrap());
        assert_eq!(blocks.len(), 4, "{file}");
        let secret = base58btc_decode(blocks[0].trim()).unwrap();
        assert_eq!(secret.len(), 64, "{file}: seed ‖ public key");
        let public = key58(blocks[1].trim());
        assert_eq!(&secret[32..], public.to_bytes().as_slice());
        let sk = Ed25519SecretKey::from_slice(&secret[..32]).unwrap();
        assert_eq!(sk.public_key(), public);

        let signed = parse(&blocks[3]);
        let check = only(verify_proofs_with_key(&signed, &public, &ProofExpectations::default(), &L)).unwrap();
        assert_eq!((check.verdict, check.reading), (Verdict::Valid, Some(RAW_B58)), "{file}");
        // Ed25519 is deterministic: signing the input's canonical form reproduces the vector.
        let canonical = jcs::canonicalize_str(&blocks[2], &L).unwrap();
        let sv = signed.get("proof").unwrap().get("signatureValue").unwrap().as_str().unwrap();
        assert_eq!(base58btc_encode(&sk.sign(canonical.as_bytes())), sv, "{file}");
        // The spec prose's pre-hash reading is not what these vectors do.
        let prehash = sk.sign(&ssi_verify_core::crypto::sha256(canonical.as_bytes()));
        assert_ne!(base58btc_encode(&prehash), sv);
    }
}

#[test]
fn js_reference_document_is_the_attached_prehash_variant() {
    let signed = parse(&std::fs::read_to_string(format!("{DIR}/upstream/document.signed.json")).unwrap());
    let unsigned = parse(&std::fs::read_to_string(format!("{DIR}/upstream/document.json")).unwrap());
    let key = key58("6b23ioXQSAayuw13PGFMCAKqjgqoLTpeXWCy5WRfw28c");
    let strict = only(verify_proofs_with_key(&signed, &key, &ProofExpectations::default(), &L));
    assert_eq!(strict.unwrap_err().code(), ErrorCode::InvalidSignatureEncoding);
    let opted = ProofExpectations { allow_sha256_prehash: true, ..Default::default() };
    let check = only(verify_proofs_with_key(&signed, &key, &opted, &L)).unwrap();
    assert_eq!(check.verdict, Verdict::Valid);
    assert_eq!(
        check.reading,
        Some(Reading { message: SignedMessage::Sha256PreHashAttached, encoding: SignatureEncoding::Base58Btc })
    );
    assert_eq!(check.verification_method, "did:example:123#key-1");
    // document.json is the same document before signing.
    let mut stripped = signed.clone();
    if let Value::Object(m) = &mut stripped {
        for (k, v) in m.iter_mut() {
            if k == "proof" {
                if let Value::Object(p) = v {
                    p.retain(|(name, _)| name != "signatureValue");
                }
            }
        }
    }
    assert_eq!(jcs::canonicalize(&stripped, &L).unwrap(), jcs::canonicalize(&unsigned, &L).unwrap());
}

fn issuer() -> (Ed25519SecretKey, String) {
    let sk = Ed25519SecretKey::from_bytes(&[42u8; 32]);
    let vm = did_key_verification_method(&sk.public_key());
    (sk, vm)
}

#[test]
fn every_changed_byte_fails() {
    let (sk, vm) = issuer();
    let doc = parse(
        r#"{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"issuer":"did:ex:i","credentialSubject":{"id":"did:ex:s","age":21,"score":0.5}}"#,
    );
    let nonce = Value::String("n-1".into());
    let signed =
        sign_jcs_ed25519(&doc, &sk, &vm, "assertionMethod", "2025-01-27T18:33:35Z", &[("nonce", nonce)]).unwrap();
    let text = signed.to_json();
    let keys = TrustStore::new();
    let expect = ProofExpectations::default();
    assert!(is_valid(&only(verify_proofs(&signed, &keys, &expect, &L))));
    let mut tried = 0;
    for i in 0..text.len() {
        for replacement in [b'a', b'1', b'Z', b'"', b'}'] {
            let mut bytes = text.clone().into_bytes();
            if bytes[i] == replacement {
                continue;
            }
            bytes[i] = replacement;
            let Ok(mutated) = std::str::from_utf8(&bytes) else { continue };
            let Ok(value) = Value::parse(mutated, &L) else { continue };
            tried += 1;
            let result = only(verify_proofs(&value, &keys, &expect, &L));
            assert!(!is_valid(&result), "byte {i} -> {}: {mutated}", replacement as char);
        }
    }
    assert!(tried > 1000, "only {tried} mutations parsed");
}

#[test]
fn several_proofs_each_cover_the_document_with_itself() {
    let (sk1, vm1) = issuer();
    let sk2 = Ed25519SecretKey::from_bytes(&[43u8; 32]);
    let vm2 = did_key_verification_method(&sk2.public_key());
    let doc = parse(r#"{"id":"urn:uuid:1","n":[1e2,-0]}"#);
    let once = sign_jcs_ed25519(&doc, &sk1, &vm1, "assertionMethod", "t1", &[]).unwrap();
    let twice =
        sign_jcs_ed25519(&once, &sk2, &vm2, "authentication", "t2", &[("domain", Value::String("d".into()))]).unwrap();
    assert_eq!(twice.get("proof").unwrap().as_array().unwrap().len(), 2);
    let checks = verify_proofs(&twice, &TrustStore::new(), &ProofExpectations::default(), &L).unwrap();
    assert_eq!(checks.iter().map(|c| c.verdict).collect::<Vec<_>>(), [Verdict::Valid, Verdict::Valid]);
    assert_eq!(checks[1].verification_method, vm2);
    // Expectations apply to every proof.
    let purpose = ProofExpectations { proof_purpose: Some("authentication"), ..Default::default() };
    let checks = verify_proofs(&twice, &TrustStore::new(), &purpose, &L).unwrap();
    assert_eq!(checks[0].verdict, Verdict::Invalid(ErrorCode::ProofPurposeMismatch));
    assert_eq!(checks[1].verdict, Verdict::Valid);
    // Swapping the two signatures breaks both.
    let text = twice.to_json();
    let s1 = once.get("proof").unwrap().get("signatureValue").unwrap().as_str().unwrap().to_owned();
    let s2 =
        twice.get("proof").unwrap().as_array().unwrap()[1].get("signatureValue").unwrap().as_str().unwrap().to_owned();
    let swapped = parse(&text.replace(&s1, "S1").replace(&s2, &s1).replace("S1", &s2));
    let checks = verify_proofs(&swapped, &TrustStore::new(), &ProofExpectations::default(), &L).unwrap();
    assert!(checks.iter().all(|c| c.verdict == Verdict::Invalid(ErrorCode::SignatureMismatch)));
}

#[test]
fn structural_errors() {
    let (sk, vm) = issuer();
    let keys = TrustStore::new();
    let e = ProofExpectations::default();
    let code = |json: &str| verify_proofs(&parse(json), &keys, &e, &L).unwrap_err().code();
    assert_eq!(code(r#"{"a":1}"#), ErrorCode::ProofMissing);
    assert_eq!(code(r#"{"proof":null}"#), ErrorCode::ProofMissing);
    assert_eq!(code(r#"{"proof":[]}"#), ErrorCode::ProofMissing);
    assert_eq!(code("[]"), ErrorCode::UnexpectedJsonType);
    assert_eq!(code(r#"{"proof":[1]}"#), ErrorCode::UnexpectedJsonType);
    assert_eq!(code(r#"{"proof":{"signatureValue":"x"}}"#), ErrorCode::MissingField);
    assert_eq!(
        code(r#"{"proof":{"type":"Ed25519Signature2018","signatureValue":"x"}}"#),
        ErrorCode::UnsupportedProofType
    );
    assert_eq!(code(r#"{"proof":{"type":"JcsEd25519Signature2020"}}"#), ErrorCode::MissingField);
    assert_eq!(
        code(r#"{"proof":{"type":"JcsEd25519Signature2020","signatureValue":"!!"}}"#),
        ErrorCode::InvalidSignatureEncoding
    );
    let many = format!(r#"{{"proof":[{}]}}"#, vec![r#"{"type":"JcsEd25519Signature2020"}"#; 17].join(","));
    assert_eq!(code(&many), ErrorCode::TooManyItems);
    // Both names for the key must agree.
    let signed =
        sign_jcs_ed25519(&parse("{}"), &sk, &vm, "p", "t", &[("creator", Value::String("did:ex:other#k".into()))])
            .unwrap();
    assert_eq!(verify_proofs(&signed, &keys, &e, &L).unwrap_err().code(), ErrorCode::InvalidFieldValue);
    let signed = sign_jcs_ed25519(&parse("{}"), &sk, &vm, "p", "t", &[("creator", Value::String(vm.clone()))]).unwrap();
    assert!(verify_proofs(&signed, &keys, &e, &L).unwrap()[0].verdict.is_valid());
    // A signature over SHA-256(JCS) verifies only when the caller opts in.
    let doc = parse(r#"{"x":1,"proof":{"type":"JcsEd25519Signature2020"}}"#);
    let digest = ssi_verify_core::crypto::sha256(jcs::canonicalize(&doc, &L).unwrap().as_bytes());
    let sv = base58btc_encode(&sk.sign(&digest));
    let prehashed =
        parse(&format!(r#"{{"x":1,"proof":{{"type":"JcsEd25519Signature2020","signatureValue":"{sv}"}}}}"#));
    let pk = sk.public_key();
    assert_eq!(
        only(verify_proofs_with_key(&prehashed, &pk, &e, &L)).unwrap().verdict,
        Verdict::Invalid(ErrorCode::SignatureMismatch)
    );
    let opted = ProofExpectations { allow_sha256_prehash: true, ..e };
    let check = only(verify_proofs_with_key(&prehashed, &pk, &opted, &L)).unwrap();
    assert_eq!(
        check.reading,
        Some(Reading { message: SignedMessage::Sha256PreHash, encoding: SignatureEncoding::Base58Btc })
    );
    assert_eq!(check.verification_method, "");
}

/// A presentation definition and data-agreement event shaped like Gataca's (proof arrays,
/// `creator` and `verificationMethod`, `domain`, padded base64 `nonce`, Base64URL signatures),
/// after the example in Gataca's verification guide; re-signed here with a test key because
/// the published examples come without their keys.
#[test]
fn gataca_shaped_proofs() {
    let gatc = "did:gatc:28ArBPMsHTtwQN8CvzVKgdr9dUEY83gv";
    let vm = format!("{gatc}#keys-1");
    let sk = Ed25519SecretKey::from_bytes(&[7u8; 32]);
    let mut keys = TrustStore::new();
    keys.insert(gatc, sk.public_key());
    let unsigned = format!(
        r#"{{"id":"4m8TLXcRUDpMrXkzorhoTpwMu6pkw4pUtHVSBf422c98","name":"Test","input_descriptors":[{{"id":"emailCredential","group":["mandatory"],"constraints":{{"fields":[{{"path":["$.type[-1:]","$.vc.type[-1:]"],"filter":{{"type":"string","pattern":"emailCredential"}},"intent_to_retain":true}}]}}}}],"submission_requirements":[{{"name":"Mandatory data","rule":"all","from":"mandatory"}},{{"name":"Optional data","rule":"pick","min":0,"from":"optional"}}],"proof":[{{"created":"2025-01-27T18:33:35Z","creator":"{vm}","domain":"gataca.io","nonce":"GMAa84Mp_PdcyTN6ebNryHpRcNw970yrsoEBKlSPxY8=","proofPurpose":"authentication","type":"JcsEd25519Signature2020","verificationMethod":"{vm}"}}]}}"#
    );
    // Sign the way Gataca writes it: the document with its one proof (no signatureValue),
    // Base64URL signature.
    let mut value = parse(&unsigned);
    let Value::Object(members) = &mut value else { panic!() };
    let proof = members.iter().find(|(k, _)| k == "proof").unwrap().1.as_array().unwrap()[0].clone();
    let single: Vec<(String, Value)> = members
        .iter()
        .map(|(k, v)| if k == "proof" { (k.clone(), proof.clone()) } else { (k.clone(), v.clone()) })
        .collect();
    let canonical = jcs::canonicalize(&Value::Object(single), &L).unwrap();
    let sv = base64url_encode(&sk.sign(canonical.as_bytes()));
    assert_eq!(sv.len(), 86);
    let signed = parse(&unsigned.replace(
        r#""type":"JcsEd25519Signature2020""#,
        &format!(r#""signatureValue":"{sv}","type":"JcsEd25519Signature2020""#),
    ));
    let expect = ProofExpectations {
        proof_purpose: Some("authentication"),
        domain: Some("gataca.io"),
        challenge_or_nonce: Some("GMAa84Mp_PdcyTN6ebNryHpRcNw970yrsoEBKlSPxY8="),
        allow_sha256_prehash: false,
    };
    let check = only(verify_proofs(&signed, &keys, &expect, &L)).unwrap();
    assert_eq!(check.verdict, Verdict::Valid);
    assert_eq!(check.reading, Some(Reading { message: SignedMessage::RawJcs, encoding: SignatureEncoding::Base64Url }));
    assert_eq!(check.verification_method, vm);

    // The guide's own signature decodes (Base64URL, 64 bytes) and is checked, but without
    // Gataca's key it is simply not a signature by ours.
    let original = signed
        .to_json()
        .replace(&sv, "atQqJ4AMcpE0VBdHv7VAVdVwRMim2GTrGudt1rsERxIC5L57WCzDREHdL6mjQ8gEmYlZur9pKC48amxgPnaRDg");
    let check = only(verify_proofs(&parse(&original), &keys, &expect, &L)).unwrap();
    assert_eq!(check.verdict, Verdict::Invalid(ErrorCode::SignatureMismatch));
}
