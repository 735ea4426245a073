#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg(feature = "presentation")]
//! EdDSA JWS (RFC 8037 Appendix A) and VC-JWT / VP-JWT decoding and verification.

use ssi_verify_core::codec::base64url_encode;
use ssi_verify_core::crypto::did_key::{did_key_of, did_key_verification_method, TrustStore};
use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;
use ssi_verify_core::jose::{ed25519_public_jwk, sign_eddsa, sign_eddsa_with_kid, CompactJws, JwsKey, JwtPolicy};
use ssi_verify_core::json::Value;
use ssi_verify_core::presentation::jwt_vc::{decode_jwt_vc, verify_jwt_vc, JwtKind};
use ssi_verify_core::{ErrorCode, Limits, Verdict};

const L: Limits = Limits::DEFAULT;
const RFC8037: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/rfc8037-jose-eddsa/rfc8037_appendix_a.json");

fn parse(text: &str) -> Value {
    Value::parse(text, &L).unwrap()
}

fn rfc() -> Value {
    parse(&std::fs::read_to_string(RFC8037).unwrap())
}

#[test]
fn rfc8037_a4_signature_verifies_and_negatives_fail() {
    let v = rfc();
    let key = ed25519_public_jwk(v.get("A.2_public_jwk").unwrap()).unwrap();
    // A.1 is the private JWK: a verifier refuses secret material.
    assert_eq!(ed25519_public_jwk(v.get("A.1_private_jwk").unwrap()).unwrap_err().code(), ErrorCode::InvalidKey);
    let token = v.get("A.4_jws_compact").unwrap().as_str().unwrap();
    let jws = CompactJws::parse(token, &L).unwrap();
    assert_eq!(jws.payload, v.get("A.4_payload_utf8").unwrap().as_str().unwrap().as_bytes());
    assert_eq!(jws.verify_signature(&JwsKey::Ed25519(&key)).unwrap(), Verdict::Valid);
    // Re-signing with the A.1 private key reproduces the RFC's signature (Ed25519 is deterministic).
    let d =
        ssi_verify_core::codec::base64url_decode(v.get("A.1_private_jwk").unwrap().get("d").unwrap().as_str().unwrap())
            .unwrap();
    let sk = Ed25519SecretKey::from_slice(&d).unwrap();
    assert_eq!(sk.public_key(), key);
    let input = v.get("A.4_signing_input").unwrap().as_str().unwrap();
    assert_eq!(base64url_encode(&sk.sign(input.as_bytes())), v.get("A.4_signature_b64url").unwrap().as_str().unwrap());

    let negatives = v.get("derived_negative_cases_NOT_FROM_RFC").unwrap().get("cases").unwrap().as_array().unwrap();
    assert_eq!(negatives.len(), 8);
    for case in negatives {
        let t = case.get("jws").unwrap().as_str().unwrap();
        let outcome = CompactJws::parse(t, &L).and_then(|j| j.verify_signature(&JwsKey::Ed25519(&key)));
        assert!(!matches!(outcome, Ok(Verdict::Valid)), "{}", case.get("name").unwrap().as_str().unwrap());
    }
    // The changed payload is checked and fails (not merely unparsable).
    let changed = negatives[1].get("jws").unwrap().as_str().unwrap();
    let verdict = CompactJws::parse(changed, &L).unwrap().verify_signature(&JwsKey::Ed25519(&key)).unwrap();
    assert_eq!(verdict, Verdict::Invalid(ErrorCode::SignatureMismatch));
    // The RFC token is a JWS, not a VC-JWT: its payload is not JSON.
    assert_eq!(decode_jwt_vc(token, &L).unwrap_err().code(), ErrorCode::InvalidJson);
}

fn issuer() -> (Ed25519SecretKey, String) {
    let sk = Ed25519SecretKey::from_bytes(&[11u8; 32]);
    let did = did_key_of(&sk.public_key());
    (sk, did)
}

fn vc_claims(iss: &str) -> Value {
    parse(&format!(
        r#"{{"iss":"{iss}","sub":"did:ex:holder","jti":"urn:uuid:1","nbf":1700000000,"exp":1900000000,
        "vc":{{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential","emailCredential"],
        "credentialSubject":{{"email":"a@example.com"}}}}}}"#
    ))
}

#[test]
fn vc_jwt_round_trip_with_did_key_issuer() {
    let (sk, did) = issuer();
    let token = sign_eddsa(&vc_claims(&did), &sk).unwrap();
    let policy = JwtPolicy::at(1_800_000_000);
    let (verdict, vc) = verify_jwt_vc(&token, &TrustStore::new(), &policy, &L).unwrap();
    assert_eq!(verdict, Verdict::Valid);
    assert_eq!(vc.kind, JwtKind::Credential);
    let doc = &vc.document;
    assert_eq!(doc.get("issuer").unwrap().as_str(), Some(did.as_str()));
    assert_eq!(doc.get("id").unwrap().as_str(), Some("urn:uuid:1"));
    assert_eq!(doc.get("credentialSubject").unwrap().get("id").unwrap().as_str(), Some("did:ex:holder"));
    assert_eq!(doc.get("issuanceDate").unwrap().as_str(), Some("2023-11-14T22:13:20Z"));
    assert_eq!(doc.get("expirationDate").unwrap().as_str(), Some("2030-03-17T17:46:40Z"));
    assert_eq!(vc.claims.get("vc").unwrap().get("issuer"), None, "claims stay as signed");

    // Time and issuer policy are verdicts after a good signature.
    let (v, _) = verify_jwt_vc(&token, &TrustStore::new(), &JwtPolicy::at(1_950_000_000), &L).unwrap();
    assert_eq!(v, Verdict::Invalid(ErrorCode::JwtExpired));
    let p = JwtPolicy { issuer: Some("did:ex:other"), ..policy };
    assert_eq!(
        verify_jwt_vc(&token, &TrustStore::new(), &p, &L).unwrap().0,
        Verdict::Invalid(ErrorCode::JwtIssuerMismatch)
    );

    // Any changed payload byte fails the signature.
    let parts: Vec<&str> = token.split('.').collect();
    let payload = ssi_verify_core::codec::base64url_decode(parts[1]).unwrap();
    let text = String::from_utf8(payload).unwrap();
    let forged = text.replace("a@example.com", "b@example.com");
    let forged_token = format!("{}.{}.{}", parts[0], base64url_encode(forged.as_bytes()), parts[2]);
    assert_eq!(
        verify_jwt_vc(&forged_token, &TrustStore::new(), &policy, &L).unwrap().0,
        Verdict::Invalid(ErrorCode::SignatureMismatch)
    );
    // Another did:key cannot sign in this issuer's name (the key follows iss).
    let other = Ed25519SecretKey::from_bytes(&[12u8; 32]);
    let impostor = sign_eddsa(&vc_claims(&did), &other).unwrap();
    assert_eq!(
        verify_jwt_vc(&impostor, &TrustStore::new(), &policy, &L).unwrap().0,
        Verdict::Invalid(ErrorCode::SignatureMismatch)
    );
}

#[test]
fn kid_resolution() {
    let sk = Ed25519SecretKey::from_bytes(&[13u8; 32]);
    let gatc = "did:gatc:24gsRbsURij3edoveHv81jt9EnhggrnR";
    let mut keys = TrustStore::new();
    keys.insert(&format!("{gatc}#keys-1"), sk.public_key());
    let policy = JwtPolicy::at(1_800_000_000);
    for kid in [format!("{gatc}#keys-1"), String::from("#keys-1")] {
        let token = sign_eddsa_with_kid(&vc_claims(gatc), &sk, &kid).unwrap();
        assert_eq!(verify_jwt_vc(&token, &keys, &policy, &L).unwrap().0, Verdict::Valid, "{kid}");
    }
    // A relative kid without iss resolves against nothing, even where the store has that text.
    let mut anonymous = vc_claims(gatc);
    if let Value::Object(members) = &mut anonymous {
        members.retain(|(k, _)| k != "iss");
    }
    let token = sign_eddsa_with_kid(&anonymous, &sk, "#keys-1").unwrap();
    let mut loose = keys.clone();
    loose.insert("#keys-1", sk.public_key());
    let e = verify_jwt_vc(&token, &loose, &policy, &L).unwrap_err();
    assert_eq!((e.code(), e.detail()), (ErrorCode::InvalidJwt, "a relative kid needs an iss to resolve against"));
    // Without kid the issuer DID must be trusted as a whole (only #keys-1 is).
    let token = sign_eddsa(&vc_claims(gatc), &sk).unwrap();
    assert_eq!(verify_jwt_vc(&token, &keys, &policy, &L).unwrap_err().code(), ErrorCode::UnknownVerificationMethod);
    // A kid of another DID than iss.
    let (dk_sk, _) = issuer();
    let vm = did_key_verification_method(&dk_sk.public_key());
    let token = sign_eddsa_with_kid(&vc_claims(gatc), &dk_sk, &vm).unwrap();
    assert_eq!(verify_jwt_vc(&token, &keys, &policy, &L).unwrap().0, Verdict::Invalid(ErrorCode::JwtIssuerMismatch));
    // An HS256 token is refused before any key material is used as a MAC secret.
    let hs = ssi_verify_core::jose::sign_hs256(&vc_claims(gatc), &[0u8; 32]).unwrap();
    let mut keys2 = TrustStore::new();
    keys2.insert(gatc, sk.public_key());
    assert_eq!(verify_jwt_vc(&hs, &keys2, &policy, &L).unwrap_err().code(), ErrorCode::JwtAlgMismatch);
}

#[test]
fn vp_jwt() {
    let (sk, did) = issuer();
    let claims = parse(&format!(
        r#"{{"iss":"{did}","aud":"https://verifier.example","nonce":"n","exp":1900000000,
        "vp":{{"type":["VerifiablePresentation"],"verifiableCredential":["a.b.c"]}}}}"#
    ));
    let token = sign_eddsa(&claims, &sk).unwrap();
    let p = JwtPolicy { audience: Some("https://verifier.example"), ..JwtPolicy::at(1_800_000_000) };
    let (verdict, vp) = verify_jwt_vc(&token, &TrustStore::new(), &p, &L).unwrap();
    assert_eq!(verdict, Verdict::Valid);
    assert_eq!(vp.kind, JwtKind::Presentation);
    assert_eq!(vp.document.get("holder").unwrap().as_str(), Some(did.as_str()));
    assert_eq!(vp.document.get("expirationDate"), None, "presentations get no credential dates");
}

#[test]
fn inconsistent_claims_are_invalid_credentials() {
    let (sk, _) = issuer();
    let cases = [
        r#"{"iss":"did:ex:a","vc":{"issuer":"did:ex:b","credentialSubject":{}}}"#,
        r#"{"iss":"did:ex:a","vc":{"issuer":{"id":"did:ex:b"},"credentialSubject":{}}}"#,
        r#"{"sub":"did:ex:s","vc":{"credentialSubject":{"id":"did:ex:t"}}}"#,
        r#"{"sub":"did:ex:s","vc":{"credentialSubject":[{"id":"did:ex:t"}]}}"#,
        r#"{"sub":"did:ex:s","vc":{}}"#,
        r#"{"jti":"urn:1","vc":{"id":"urn:2","credentialSubject":{}}}"#,
        r#"{"nbf":1700000000,"vc":{"issuanceDate":"2023-11-14T22:13:21Z","credentialSubject":{}}}"#,
        r#"{"exp":1700000000,"vc":{"expirationDate":"not a date","credentialSubject":{}}}"#,
        r#"{"nbf":1700000000,"vc":{"@context":["https://www.w3.org/ns/credentials/v2"],"validFrom":"2024-01-01T00:00:00Z","credentialSubject":{}}}"#,
        r#"{"iss":"did:ex:a","vp":{"holder":"did:ex:b"}}"#,
        r#"{"vc":{},"vp":{}}"#,
        r#"{"iss":"did:ex:a"}"#,
        r#"{"vc":"text"}"#,
    ];
    for json in cases {
        let token = sign_eddsa(&parse(json), &sk).unwrap();
        assert_eq!(decode_jwt_vc(&token, &L).unwrap_err().code(), ErrorCode::InvalidCredential, "{json}");
    }
    // Consistent spellings of the same facts are fine.
    for json in [
        r#"{"iss":"did:ex:a","vc":{"issuer":{"id":"did:ex:a","name":"A"},"credentialSubject":{}}}"#,
        r#"{"nbf":1700000000,"vc":{"issuanceDate":"2023-11-14T23:13:20.5+01:00","credentialSubject":{}}}"#,
        r#"{"sub":"did:ex:s","vc":{"credentialSubject":[{"id":"did:ex:t"},{"id":"did:ex:s"}]}}"#,
        r#"{"nbf":1700000000,"vc":{"@context":"https://www.w3.org/ns/credentials/v2","validFrom":"2023-11-14T22:13:20Z","credentialSubject":{}}}"#,
    ] {
        let token = sign_eddsa(&parse(json), &sk).unwrap();
        assert!(decode_jwt_vc(&token, &L).is_ok(), "{json}");
    }
    // A v2 credential gets validFrom, not issuanceDate.
    let json =
        r#"{"nbf":1700000000,"vc":{"@context":["https://www.w3.org/ns/credentials/v2"],"credentialSubject":{}}}"#;
    let doc = decode_jwt_vc(&sign_eddsa(&parse(json), &sk).unwrap(), &L).unwrap().document;
    assert_eq!(doc.get("validFrom").unwrap().as_str(), Some("2023-11-14T22:13:20Z"));
    assert_eq!(doc.get("issuanceDate"), None);
    // Malformed claims.
    for json in [r#"{"iss":1,"vc":{}}"#, r#"{"nbf":"x","vc":{}}"#, r#"{"nbf":1e9,"vc":{}}"#] {
        let token = sign_eddsa(&parse(json), &sk).unwrap();
        assert_eq!(decode_jwt_vc(&token, &L).unwrap_err().code(), ErrorCode::InvalidJwt, "{json}");
    }
    let no_key = sign_eddsa(&parse(r#"{"vc":{"credentialSubject":{}}}"#), &sk).unwrap();
    assert_eq!(
        verify_jwt_vc(&no_key, &TrustStore::new(), &JwtPolicy::at(0), &L).unwrap_err().code(),
        ErrorCode::InvalidJwt
    );
}
