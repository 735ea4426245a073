//! Linked Data proofs through the credential and presentation verifiers (issue 14): for each of
//! Ed25519Signature2018, JsonWebSignature2020 (EdDSA, ES256), EcdsaSecp256k1Signature2019,
//! RsaSignature2018, eddsa-rdfc-2022 and ecdsa-rdfc-2019 (P-256, P-384): the signed credential is valid; one changed claim, or the
//! proof moved to another credential, is invalid; an unknown context or an undefined term is
//! "could not check". Presentations answering the seed's definition (unmodified) and a `di_vc`
//! definition verify, and a changed one does not. Credentials are signed by the test signer
//! (tests/ldp_common) with the W3C vectors' keys; the verdicts come from the core.
//! (`cargo test -p ssi-verify-core --features data-integrity,jsonld --test ldp_verify`)
#![cfg(all(feature = "data-integrity", feature = "jsonld", feature = "presentation"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

mod ldp_common;

use ldp_common::{credential, did_and_vm, read, sign, store, Key, Suite, CHALLENGE, EMAIL_CONTEXT_URL, NOW};
use serde_json::{json, Value as Json};
use ssi_verify_core::codec::base64url_encode;
use ssi_verify_core::crypto::did_key::TrustStore;
use ssi_verify_core::json::Value;
use ssi_verify_core::jsonld::ContextStore;
use ssi_verify_core::presentation::credential::{verify_credential, CredentialReport};
use ssi_verify_core::presentation::definition::PresentationDefinition;
use ssi_verify_core::presentation::evaluate::CredentialInput;
use ssi_verify_core::presentation::result::{Check, VerificationResult};
use ssi_verify_core::presentation::verifier::{verify_presentation, Profile, VerifierPolicy};
use ssi_verify_core::{ErrorCode, Limits, Result};

const L: Limits = Limits::DEFAULT;

fn vc_report(doc: &Json, contexts: &ContextStore) -> Result<CredentialReport> {
    let input = CredentialInput::JsonLd(Value::parse(&doc.to_string(), &L).unwrap());
    let policy = VerifierPolicy { contexts: Some(contexts), ..VerifierPolicy::at(NOW) };
    verify_credential(&input, &TrustStore::new(), &policy, &L)
}

/// (fixture, suite name in the report)
const VCS: &[(&str, &str)] = &[
    ("vc-ed25519-2018.json", "Ed25519Signature2018"),
    ("vc-jws2020-es256.json", "JsonWebSignature2020"),
    ("vc-eddsa-rdfc-2022.json", "eddsa-rdfc-2022"),
    ("vc-ecdsa-rdfc-2019-p256.json", "ecdsa-rdfc-2019"),
    ("vc-ecdsa-rdfc-2019-p384.json", "ecdsa-rdfc-2019"),
    ("vc-secp256k1-2019.json", "EcdsaSecp256k1Signature2019"),
    ("vc-rsa-2018.json", "RsaSignature2018"),
    ("vc-eddsa-jcs-2022.json", "eddsa-jcs-2022"),
    ("vc-ecdsa-jcs-2019-p256.json", "ecdsa-jcs-2019"),
];

fn fixture(name: &str) -> Json {
    serde_json::from_str(&read(&format!("samples/ldp/{name}"))).unwrap()
}

fn failed_with(r: &CredentialReport, code: ErrorCode) -> bool {
    !r.is_valid() && r.result.errors.iter().any(|e| e.ends_with(&format!("({})", code.name())))
}

#[test]
fn each_suite_valid_tampered_moved() {
    let contexts = store();
    for (name, suite) in VCS {
        let vc = fixture(name);
        let r = vc_report(&vc, &contexts).unwrap();
        assert!(r.is_valid(), "{name}: {:?}", r.result.errors);
        assert_eq!(r.suite, *suite, "{name}");
        assert!(r.result.has(Check::CredentialProof) && r.result.has(Check::Issuer), "{name}");
        assert!(r.to_json().contains(&format!("\"suite\":\"{suite}\"")), "{name}");

        // One claim changed after signing.
        let mut tampered = vc.clone();
        tampered["credentialSubject"]["email"] = json!("mallory@example.org");
        let r = vc_report(&tampered, &contexts).unwrap();
        assert!(failed_with(&r, ErrorCode::SignatureMismatch), "{name}: {:?}", r.result.errors);
        assert!(!r.result.has(Check::CredentialProof));

        // The proof moved to another credential of the same issuer.
        let mut other = vc.clone();
        other["id"] = json!("urn:uuid:00000000-0000-4000-8000-000000000002");
        other["credentialSubject"]["id"] = json!("did:example:bob");
        let r = vc_report(&other, &contexts).unwrap();
        assert!(failed_with(&r, ErrorCode::SignatureMismatch), "{name}: {:?}", r.result.errors);

        // A changed proof option (its creation time) is invalid too.
        let mut purpose = vc.clone();
        purpose["proof"]["created"] = json!("2025-06-02T00:00:00Z");
        assert!(failed_with(&vc_report(&purpose, &contexts).unwrap(), ErrorCode::SignatureMismatch), "{name}");

        // Without the example vocabulary registered, its context is unknown: could not check.
        let e = vc_report(&vc, &ContextStore::bundled()).unwrap_err();
        assert_eq!(e.code(), ErrorCode::UnknownContext, "{name}");
    }
}

#[test]
fn undefined_terms_could_not_be_checked() {
    let contexts = store();
    // Credentials v1 has no @vocab: a member no context defines would be dropped from what was signed.
    for name in ["vc-ed25519-2018.json", "vc-jws2020-es256.json", "vc-secp256k1-2019.json", "vc-rsa-2018.json"] {
        let mut vc = fixture(name);
        vc["credentialSubject"]["nickname"] = json!("annie");
        assert_eq!(vc_report(&vc, &contexts).unwrap_err().code(), ErrorCode::UndefinedTerm, "{name}");
    }
    // The Data Integrity suites under credentials v1 plus the Data Integrity context.
    let (ed, ed_pub) = Key::ed25519();
    let (p256, p256_pub) = Key::p256();
    for (suite, key, public) in [(Suite::EddsaRdfc2022, &ed, &ed_pub), (Suite::EcdsaRdfc2019, &p256, &p256_pub)] {
        let (did, vm) = did_and_vm(public);
        let mut vc = credential(Suite::Ed25519Signature2018, &did, "ann@example.org");
        vc["@context"] = json!([
            "https://www.w3.org/2018/credentials/v1",
            "https://w3id.org/security/data-integrity/v2",
            EMAIL_CONTEXT_URL
        ]);
        let signed = sign(&vc, suite, key, &vm, "assertionMethod", &[], &contexts);
        assert!(vc_report(&signed, &contexts).unwrap().is_valid(), "{suite:?}");
        let mut undefined = signed.clone();
        undefined["credentialSubject"]["nickname"] = json!("annie");
        assert_eq!(vc_report(&undefined, &contexts).unwrap_err().code(), ErrorCode::UndefinedTerm, "{suite:?}");
    }
}

#[test]
fn wrong_purpose_and_wrong_key_type() {
    let contexts = store();
    let (ed, ed_pub) = Key::ed25519();
    let (did, vm) = did_and_vm(&ed_pub);
    // Signed for authentication: a credential's proof must be for assertionMethod.
    let vc = sign(
        &credential(Suite::EddsaRdfc2022, &did, "a@example.org"),
        Suite::EddsaRdfc2022,
        &ed,
        &vm,
        "authentication",
        &[],
        &contexts,
    );
    assert!(failed_with(&vc_report(&vc, &contexts).unwrap(), ErrorCode::ProofPurposeMismatch));
    // An eddsa proof naming a P-256 key: the key decides, could not check.
    let (_, p256_pub) = Key::p256();
    let mut wrong = fixture("vc-eddsa-rdfc-2022.json");
    wrong["proof"]["verificationMethod"] = json!(did_and_vm(&p256_pub).1);
    assert_eq!(vc_report(&wrong, &contexts).unwrap_err().code(), ErrorCode::UnsupportedKey);
}

fn verify_vp(vp: &Json, definition: &str, profile: Profile, contexts: &ContextStore) -> VerificationResult {
    let pd = PresentationDefinition::parse(&read(definition), &L).unwrap();
    let policy = VerifierPolicy {
        challenge: Some(CHALLENGE),
        domain: Some("verifier.example.org"),
        profile,
        contexts: Some(contexts),
        ..VerifierPolicy::at(NOW)
    };
    let vp = Value::parse(&vp.to_string(), &L).unwrap();
    verify_presentation(&vp, None, &pd, &TrustStore::new(), &policy, &L).unwrap()
}

#[test]
fn presentations_answer_the_seed_definition_and_a_di_definition() {
    let contexts = store();
    let seed = "samples/gataca/presentation-definition.json";
    let di = "samples/ldp/presentation-definition-di.json";
    for (name, definition, profile) in [
        ("vp-ed25519-2018.json", seed, Profile::Gataca),
        ("vp-jws2020.json", seed, Profile::Gataca),
        ("vp-eddsa-rdfc-2022.json", di, Profile::Strict),
        ("vp-secp256k1-2019.json", seed, Profile::Gataca),
        ("vp-rsa-2018.json", seed, Profile::Gataca),
    ] {
        let vp = fixture(name);
        let r = verify_vp(&vp, definition, profile, &contexts);
        assert!(r.is_valid(), "{name}: {:?}", r.errors);
        // Each VP's own suite is in the definition's ldp_vp / di_vp list.
        assert!(!r.warnings.iter().any(|w| w.starts_with("FORMAT_NOT_LISTED: the presentation's")), "{name}: {r:?}");
        for c in
            [Check::PresentationProof, Check::CredentialProof, Check::Issuer, Check::Submission, Check::Constraints]
        {
            assert!(r.has(c), "{name}: {c:?}");
        }
        // The credential inside changed: neither the presentation's nor the credential's proof holds.
        let mut tampered = vp.clone();
        tampered["verifiableCredential"][0]["credentialSubject"]["email"] = json!("mallory@example.org");
        let r = verify_vp(&tampered, definition, profile, &contexts);
        assert!(!r.is_valid() && !r.has(Check::PresentationProof) && !r.has(Check::CredentialProof), "{name}");
        assert!(r.errors.iter().any(|e| e.ends_with("(SIGNATURE_MISMATCH)")), "{name}: {:?}", r.errors);
        // Another challenge.
        let pd = PresentationDefinition::parse(&read(definition), &L).unwrap();
        let policy =
            VerifierPolicy { challenge: Some("other"), profile, contexts: Some(&contexts), ..VerifierPolicy::at(NOW) };
        let v = Value::parse(&vp.to_string(), &L).unwrap();
        let r = verify_presentation(&v, None, &pd, &TrustStore::new(), &policy, &L).unwrap();
        assert!(r.errors.iter().any(|e| e.ends_with("(PROOF_CHALLENGE_MISMATCH)")), "{name}: {:?}", r.errors);
        // Unknown context: named as could not check.
        let r = verify_vp(&vp, definition, profile, &ContextStore::bundled());
        assert!(!r.is_valid() && r.errors.iter().any(|e| e.ends_with("(UNKNOWN_CONTEXT)")), "{name}: {:?}", r.errors);
    }
}

#[test]
fn format_lists_decide() {
    let contexts = store();
    // The di_vc definition lists the two cryptosuites: an Ed25519Signature2018 credential is not
    // in its format, nor is an eddsa-rdfc-2022 one when only ecdsa-rdfc-2019 is listed.
    let text = read("samples/ldp/presentation-definition-di.json");
    let only_ecdsa = text.replace("\"eddsa-rdfc-2022\", ", "");
    let (ed, ed_pub) = Key::ed25519();
    let (did, vm) = did_and_vm(&ed_pub);
    let vc = fixture("vc-eddsa-rdfc-2022.json");
    let pd_id: Json = serde_json::from_str(&text).unwrap();
    let vp = ldp_common::presentation(Suite::EddsaRdfc2022, &did, vc, pd_id["id"].as_str().unwrap());
    let extra = [("challenge", CHALLENGE), ("domain", "verifier.example.org")];
    let vp = sign(&vp, Suite::EddsaRdfc2022, &ed, &vm, "authentication", &extra, &contexts);
    let pd = PresentationDefinition::parse(&only_ecdsa, &L).unwrap();
    let policy = VerifierPolicy {
        challenge: Some(CHALLENGE),
        domain: Some("verifier.example.org"),
        contexts: Some(&contexts),
        ..VerifierPolicy::at(NOW)
    };
    let v = Value::parse(&vp.to_string(), &L).unwrap();
    let r = verify_presentation(&v, None, &pd, &TrustStore::new(), &policy, &L).unwrap();
    assert!(!r.is_valid() && r.has(Check::PresentationProof), "{:?}", r.errors);
    let pd = PresentationDefinition::parse(&text, &L).unwrap();
    assert!(verify_presentation(&v, None, &pd, &TrustStore::new(), &policy, &L).unwrap().is_valid());
}

/// A proof with `member` set to each of `valid` (two times within the leeway of NOW,
/// 2026-01-01T00:00:00Z, 60 s), to `invalid` (failed with `code`) and to a text that is no
/// date-time (could not check).
fn proof_time_policy(member: &str, valid: [&str; 2], invalid: &str, code: ErrorCode) {
    let contexts = store();
    let (ed, ed_pub) = Key::ed25519();
    let (did, vm) = did_and_vm(&ed_pub);
    let signed = |at: &str| {
        let vc = credential(Suite::EddsaRdfc2022, &did, "ann@example.org");
        sign(&vc, Suite::EddsaRdfc2022, &ed, &vm, "assertionMethod", &[(member, at)], &contexts)
    };
    for at in valid {
        assert!(vc_report(&signed(at), &contexts).unwrap().is_valid(), "{member} {at}");
    }
    let r = vc_report(&signed(invalid), &contexts).unwrap();
    assert!(failed_with(&r, code), "{:?}", r.result.errors);
    assert_eq!(vc_report(&signed("soon"), &contexts).unwrap_err().code(), ErrorCode::InvalidFieldValue);
}

#[test]
fn expired_proofs_are_invalid() {
    proof_time_policy(
        "expires",
        ["2026-06-01T00:00:00Z", "2025-12-31T23:59:30Z"],
        "2025-12-01T00:00:00Z",
        ErrorCode::ProofExpired,
    );
}

#[test]
fn proofs_created_in_the_future_are_invalid() {
    proof_time_policy(
        "created",
        ["2025-06-01T00:00:00Z", "2026-01-01T00:00:30Z"],
        "2026-01-01T00:01:01Z",
        ErrorCode::ProofNotYetValid,
    );
}

/// A trust store entry of a key type the JWS layer has no algorithm for (EC P-384, RSA) still
/// verifies Data Integrity proofs: the store keeps it for those suites only, and a JWT naming
/// it is "could not check" (`UNSUPPORTED_KEY`), never a verdict.
#[test]
fn trust_store_p384_and_rsa_keys_verify_linked_data_proofs() {
    let contexts = store();
    let [(p384, p384_jwk), (rsa, rsa_jwk)] = p384_and_rsa_jwks();
    let trust = json!({"did:example:p384": p384_jwk, "did:example:rsa#key-1": rsa_jwk});
    let keys = TrustStore::from_json(&trust.to_string(), &L).unwrap();
    let policy = VerifierPolicy { contexts: Some(&contexts), ..VerifierPolicy::at(NOW) };
    let cases = [
        (Suite::EcdsaRdfc2019, &p384, "did:example:p384", "did:example:p384#key-7"),
        (Suite::RsaSignature2018, &rsa, "did:example:rsa", "did:example:rsa#key-1"),
    ];
    for (suite, key, did, vm) in cases {
        let vc = sign(&credential(suite, did, "a@example.org"), suite, key, vm, "assertionMethod", &[], &contexts);
        let report = |doc: &Json, keys: &TrustStore| verify_json(doc, keys, &policy);
        assert!(report(&vc, &keys).unwrap().is_valid(), "{suite:?} with a trusted key");
        let mut changed = vc.clone();
        changed["credentialSubject"]["email"] = json!("b@example.org");
        assert!(failed_with(&report(&changed, &keys).unwrap(), ErrorCode::SignatureMismatch), "{suite:?} changed");
        // Without the entry the DID is unknown: could not check.
        assert_eq!(report(&vc, &TrustStore::new()).unwrap_err().code(), ErrorCode::UnknownVerificationMethod);
        // The JWS layer has no algorithm for these keys.
        assert_eq!(keys.resolve_key(vm).unwrap_err().code(), ErrorCode::UnsupportedKey);
    }
    // An EC JWK on a curve no suite verifies is refused when the store is read.
    let p521 = json!({"did:example:x": {"kty": "EC", "crv": "P-521", "x": "AA", "y": "AA"}});
    assert_eq!(TrustStore::from_json(&p521.to_string(), &L).unwrap_err().code(), ErrorCode::UnsupportedKey);
    // A P-384 JWK whose point is not on the curve: the key's own error, not "unsupported".
    let off_curve = json!({"did:example:x": {"kty": "EC", "crv": "P-384",
        "x": base64url_encode(&[1u8; 48]), "y": base64url_encode(&[2u8; 48])}});
    assert_eq!(TrustStore::from_json(&off_curve.to_string(), &L).unwrap_err().code(), ErrorCode::InvalidKey);
}

/// The test P-384 and RSA keys with their public JWKs.
fn p384_and_rsa_jwks() -> [(Key, Json); 2] {
    let (p384, _) = Key::p384();
    let Key::P384(sk) = &p384 else { unreachable!() };
    let point = sk.verifying_key().to_encoded_point(false);
    let p384_jwk = json!({"kty": "EC", "crv": "P-384",
        "x": base64url_encode(point.x().unwrap()), "y": base64url_encode(point.y().unwrap())});
    let (rsa, _) = Key::rsa();
    let rsa_key: Json =
        serde_json::from_str(&read("tests/vectors/data-integrity/dif-jws-test-suite/data/keys/key-4-rsa2048.json"))
            .unwrap();
    [(p384, p384_jwk), (rsa, rsa_key["publicKeyJwk"].clone())]
}

fn verify_json(doc: &Json, keys: &TrustStore, policy: &VerifierPolicy) -> Result<CredentialReport> {
    let input = CredentialInput::JsonLd(Value::parse(&doc.to_string(), &L).unwrap());
    verify_credential(&input, keys, policy, &L)
}

/// A `did:jwk` of a key type only the Data Integrity suites verify with (EC P-384, RSA) resolves
/// offline as a `did:key` does: its credential verifies with an empty trust store, as the DID
/// and as its one method `#0`; a changed claim fails; another fragment is "could not check".
#[test]
fn did_jwk_p384_and_rsa_issuers_resolve_offline() {
    let contexts = store();
    let policy = VerifierPolicy { contexts: Some(&contexts), ..VerifierPolicy::at(NOW) };
    let none = TrustStore::new();
    let [(p384, p384_jwk), (rsa, rsa_jwk)] = p384_and_rsa_jwks();
    for (suite, key, jwk) in [(Suite::EcdsaRdfc2019, &p384, p384_jwk), (Suite::RsaSignature2018, &rsa, rsa_jwk)] {
        let did = format!("did:jwk:{}", base64url_encode(jwk.to_string().as_bytes()));
        let vm = format!("{did}#0");
        let vc = sign(&credential(suite, &did, "a@example.org"), suite, key, &vm, "assertionMethod", &[], &contexts);
        assert!(verify_json(&vc, &none, &policy).unwrap().is_valid(), "{suite:?} did:jwk issuer");
        let mut changed = vc.clone();
        changed["credentialSubject"]["email"] = json!("b@example.org");
        assert!(
            failed_with(&verify_json(&changed, &none, &policy).unwrap(), ErrorCode::SignatureMismatch),
            "{suite:?}"
        );
        let mut other = vc.clone();
        other["proof"]["verificationMethod"] = json!(format!("{did}#1"));
        assert_eq!(verify_json(&other, &none, &policy).unwrap_err().code(), ErrorCode::InvalidDid, "{suite:?} #1");
    }
}
