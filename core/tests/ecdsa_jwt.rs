//! ES256 / ES256K conformance, each suite printing its pass count
//! (`cargo test -p ssi-verify-core --test ecdsa_jwt -- --nocapture`): Wycheproof ECDSA P-256
//! and secp256k1 (SHA-256, IEEE P1363 signatures), RFC 7515 A.3, ES256K interop JWS (panva
//! jose, transmute, Microsoft ION), and did:key / did:jwk P-256 and secp256k1 keys.
#![cfg(feature = "did-key")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

use serde_json::Value as Json;
use ssi_verify_core::codec::hex_decode;
use ssi_verify_core::crypto::did_key::{resolve_did, TrustStore, VerificationKey};
use ssi_verify_core::crypto::ecdsa::{EcCurve, EcdsaPublicKey};
use ssi_verify_core::jose::{CompactJws, JwsKey};
use ssi_verify_core::json::Value;
use ssi_verify_core::{ErrorCode, Limits, Verdict};

fn vector(rel: &str) -> String {
    let path = format!("{}/../tests/vectors/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn json(rel: &str) -> Json {
    serde_json::from_str(&vector(rel)).unwrap()
}

fn jwk(j: &Json) -> VerificationKey {
    VerificationKey::from_jwk(&Value::parse(&j.to_string(), &Limits::DEFAULT).unwrap()).unwrap()
}

/// Runs one Wycheproof P1363 file: every test's outcome must be the file's, with a refused
/// signature encoding counting as "not accepted".
fn wycheproof(file: &str, curve: EcCurve) -> (usize, usize, usize) {
    let suite = json(&format!("ecdsa-jwt/wycheproof/{file}"));
    let (mut passed, mut total, mut high_s_valid) = (0, 0, 0);
    for group in suite["testGroups"].as_array().unwrap() {
        let point = hex_decode(group["publicKey"]["uncompressed"].as_str().unwrap()).unwrap();
        let key = EcdsaPublicKey::from_sec1(curve, &point).unwrap();
        // The JWK of the group (where the file gives one) reads to the same key.
        if group["publicKeyJwk"].is_object() {
            assert_eq!(jwk(&group["publicKeyJwk"]), VerificationKey::Ecdsa(key));
        }
        for t in group["tests"].as_array().unwrap() {
            total += 1;
            let msg = hex_decode(t["msg"].as_str().unwrap()).unwrap();
            let sig = hex_decode(t["sig"].as_str().unwrap()).unwrap_or_default();
            let accepted = key.verify(&msg, &sig).is_ok_and(|v| v == Verdict::Valid);
            let want = t["result"] == "valid";
            assert_eq!(accepted, want, "{file} tcId {} ({})", t["tcId"], t["comment"]);
            if want && sig.len() == 64 && is_high_s(curve, &sig) {
                high_s_valid += 1;
            }
            passed += 1;
        }
    }
    (passed, total, high_s_valid)
}

/// Whether `s` (the second half of `r||s`) is above n/2.
fn is_high_s(curve: EcCurve, sig: &[u8]) -> bool {
    match curve {
        EcCurve::P256 => p256::ecdsa::Signature::from_slice(sig).is_ok_and(|s| s.normalize_s().is_some()),
        EcCurve::Secp256k1 => k256::ecdsa::Signature::from_slice(sig).is_ok_and(|s| s.normalize_s().is_some()),
    }
}

#[test]
fn wycheproof_ecdsa_p256_p1363() {
    let (passed, total, high) = wycheproof("ecdsa_secp256r1_sha256_p1363_test.json", EcCurve::P256);
    println!("Wycheproof ECDSA P-256 SHA-256 P1363: {passed}/{total} passed ({high} valid high-S accepted)");
    assert_eq!(total, 262);
}

#[test]
fn wycheproof_ecdsa_secp256k1_p1363() {
    let (passed, total, high) = wycheproof("ecdsa_secp256k1_sha256_p1363_test.json", EcCurve::Secp256k1);
    println!("Wycheproof ECDSA secp256k1 SHA-256 P1363: {passed}/{total} passed ({high} valid high-S accepted)");
    assert_eq!(total, 252);
    assert_eq!(high, 72, "the file marks 72 high-S signatures valid; all are accepted (docs/DESIGN.md)");
}

fn jws_outcome(token: &str, key: &VerificationKey) -> Result<Verdict, ErrorCode> {
    let jws = CompactJws::parse(token, &Limits::DEFAULT).map_err(|e| e.code())?;
    jws.verify_signature(&key.jws_key()).map_err(|e| e.code())
}

#[test]
fn rfc7515_a3() {
    let a3 = json("ecdsa-jwt/rfc7515-a3/rfc7515_a3_es256.derived.json");
    let key = jwk(&a3["jwk_public"]);
    assert_eq!(key.jws_key().alg(), "ES256");
    let mut passed = 1;
    assert_eq!(jws_outcome(a3["compact"].as_str().unwrap(), &key), Ok(Verdict::Valid));
    for n in a3["negatives"].as_array().unwrap() {
        let got = jws_outcome(n["jws"].as_str().unwrap(), &key);
        let case = n["case"].as_str().unwrap();
        match n["expected"].as_str().unwrap() {
            "valid-ecdsa" => assert_eq!(got, Ok(Verdict::Valid), "{case}"),
            _ if case.contains("DER") => assert_eq!(got, Err(ErrorCode::EcdsaSignatureNotRaw), "{case}"),
            _ => assert_eq!(got, Ok(Verdict::Invalid(ErrorCode::SignatureMismatch)), "{case}"),
        }
        passed += 1;
    }
    // The private JWK is refused as a trust anchor.
    let private = Value::parse(&a3["jwk_private"].to_string(), &Limits::DEFAULT).unwrap();
    assert_eq!(VerificationKey::from_jwk(&private).unwrap_err().code(), ErrorCode::InvalidKey);
    println!("RFC 7515 A.3 (ES256): {passed}/5 passed");
    assert_eq!(passed, 5);
}

#[test]
fn es256k_interop_jws() {
    let suite = json("ecdsa-jwt/es256k/es256k_jws.derived.json");
    let mut passed = 0;
    for v in suite["vectors"].as_array().unwrap() {
        let mut key_json = json(&format!("ecdsa-jwt/{}", v["key_file"].as_str().unwrap()));
        key_json.as_object_mut().unwrap().remove("d");
        let key = jwk(&key_json);
        let token = json(&format!("ecdsa-jwt/{}", v["jws_file"].as_str().unwrap()))["jws"].as_str().unwrap().to_owned();
        assert_eq!(jws_outcome(&token, &key), Ok(Verdict::Valid), "{}", v["name"]);
        // The same signature under the wrong algorithm's key type is refused before any math.
        let p256 = resolve_did("did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169").unwrap();
        assert_eq!(jws_outcome(&token, &p256), Err(ErrorCode::JwtAlgMismatch), "{}", v["name"]);
        passed += 1;
    }
    let jose_key = {
        let mut k = json("ecdsa-jwt/es256k/jose.privateKeyJwk.json");
        k.as_object_mut().unwrap().remove("d");
        jwk(&k)
    };
    for n in suite["negatives_for_jose_simple_string"].as_array().unwrap() {
        let key = match n["key_file"].as_str() {
            Some(file) => {
                let mut k = json(&format!("ecdsa-jwt/{file}"));
                k.as_object_mut().unwrap().remove("d");
                jwk(&k)
            }
            None => jose_key,
        };
        let got = jws_outcome(n["jws"].as_str().unwrap(), &key);
        let case = n["case"].as_str().unwrap();
        match n["expected"].as_str().unwrap() {
            "valid-ecdsa" => assert_eq!(got, Ok(Verdict::Valid), "{case}"),
            _ if case.contains("DER") => assert_eq!(got, Err(ErrorCode::EcdsaSignatureNotRaw), "{case}"),
            _ => assert!(matches!(got, Ok(Verdict::Invalid(_))), "{case}: {got:?}"),
        }
        passed += 1;
    }
    println!("ES256K interop JWS (jose, transmute, Microsoft ION) and negatives: {passed} passed");
}

#[test]
fn did_key_and_did_jwk_p256_secp256k1() {
    let suite = json("ecdsa-jwt/did/did_p256_secp256k1_jwk.derived.json");
    let (mut keys, mut jwks) = (0, 0);
    for case in suite["did_key"].as_array().unwrap() {
        let did = case["did"].as_str().unwrap();
        let resolved = resolve_did(did).unwrap();
        assert_eq!(resolved, jwk(&case["expected_publicKeyJwk"]), "{did}");
        let VerificationKey::Ecdsa(k) = resolved else { panic!("{did} is an EC key") };
        assert_eq!(k.to_sec1_compressed(), hex_decode(case["compressed_point_hex"].as_str().unwrap()).unwrap());
        // The verification method is the key's own fragment; a trust store resolves it too.
        let id = &did["did:key:".len()..];
        assert_eq!(TrustStore::new().resolve_key(&format!("{did}#{id}")).unwrap(), resolved);
        keys += 1;
    }
    for case in suite["did_jwk"].as_array().unwrap() {
        let did = case["did"].as_str().unwrap();
        let want = case["point_on_curve"].as_bool().unwrap_or(true);
        let resolved = resolve_did(&format!("{did}#0"));
        assert_eq!(resolved.is_ok(), want, "{did}");
        if want {
            assert_eq!(resolved.unwrap(), jwk(&case["decoded_jwk"]));
        }
        jwks += 1;
    }
    println!("did:key P-256/secp256k1: {keys}/15 passed; did:jwk: {jwks}/9 passed");
    assert_eq!((keys, jwks), (15, 9));
}

#[test]
fn did_key_suite_secp256k1_and_nist_files() {
    // The did:key test suite's own files: every P-256 and secp256k1 DID resolves to an EC key.
    let mut n = 0;
    for file in ["did-key/secp256k1.json", "did-key/nist-curves.json"] {
        let text = vector(file);
        let doc: Json = serde_json::from_str(&text).unwrap();
        for did in doc.as_object().unwrap().keys() {
            let k = resolve_did(did);
            if did.starts_with("did:key:zDn") || did.starts_with("did:key:zQ3s") {
                assert!(matches!(k, Ok(VerificationKey::Ecdsa(_))), "{did}: {k:?}");
                n += 1;
            } else {
                assert_eq!(k.unwrap_err().code(), ErrorCode::UnsupportedKey, "{did}");
            }
        }
    }
    println!("did:key test suite (secp256k1.json, nist-curves.json): {n} P-256/secp256k1 DIDs resolved");
    assert!(n >= 5);
}

#[test]
fn point_encodings_refused() {
    let mut above_p = vec![0x02];
    above_p.extend([0xff; 32]);
    let p = EcdsaPublicKey::from_sec1(EcCurve::P256, &above_p).unwrap_err();
    assert_eq!(p.code(), ErrorCode::EcPointNotOnCurve);
    assert_eq!(EcdsaPublicKey::from_sec1(EcCurve::P256, &[0]).unwrap_err().code(), ErrorCode::EcIdentityPoint);
    assert_eq!(
        EcdsaPublicKey::from_coordinates(EcCurve::Secp256k1, &[0; 32], &[0; 32]).unwrap_err().code(),
        ErrorCode::EcIdentityPoint
    );
    assert_eq!(
        EcdsaPublicKey::from_coordinates(EcCurve::Secp256k1, &[1; 32], &[2; 32]).unwrap_err().code(),
        ErrorCode::EcPointNotOnCurve
    );
    // A did:key whose compressed point is not on the curve (P-256 codec, x = 2^256 - 1).
    let mut bytes = vec![0x80, 0x24, 0x02];
    bytes.extend([0xff; 32]);
    let did = format!("did:key:z{}", ssi_verify_core::codec::base58btc_encode(&bytes));
    assert_eq!(resolve_did(&did).unwrap_err().code(), ErrorCode::EcPointNotOnCurve);
    let _ = JwsKey::Hmac(&[]);
}
