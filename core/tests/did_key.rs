#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg(feature = "did-key")]
//! did:key against the w3c-ccg/did-method-key test vectors and the did-key-test-suite cases.

use ssi_verify_core::codec::{base58btc_decode, base64url_decode, hex_decode};
use ssi_verify_core::crypto::did_key::{did_key_of, did_key_verification_method, resolve_did_key, TrustStore};
use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;
use ssi_verify_core::ErrorCode;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/did-key");

fn load(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(format!("{DIR}/{name}")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn ed25519_vectors_resolve_to_their_keys() {
    let index = load("ed25519_did_key_index.derived.json");
    let vectors = index["vectors"].as_array().unwrap();
    assert_eq!(vectors.len(), 5);
    for v in vectors {
        let did = v["did"].as_str().unwrap();
        let want = hex_decode(v["ed25519_public_key_hex"].as_str().unwrap()).unwrap();
        assert_eq!(want, base58btc_decode(v["publicKeyBase58"].as_str().unwrap()).unwrap());
        let key = resolve_did_key(did).unwrap();
        assert_eq!(key.to_bytes().as_slice(), want.as_slice(), "{did}");
        let vm = v["verification_method_id"].as_str().unwrap();
        assert_eq!(resolve_did_key(vm).unwrap(), key);
        assert_eq!(did_key_of(&key), did);
        assert_eq!(did_key_verification_method(&key), vm);
        let seed: [u8; 32] = hex_decode(v["seed_hex"].as_str().unwrap()).unwrap().try_into().unwrap();
        assert_eq!(Ed25519SecretKey::from_bytes(&seed).public_key(), key);
    }
    println!("did:key Ed25519 vectors: {}/{} resolve", vectors.len(), vectors.len());
}

#[test]
fn upstream_ed25519_documents_agree() {
    let doc = load("ed25519-x25519.json");
    let dids = doc.as_object().unwrap();
    assert_eq!(dids.len(), 5);
    for (did, entry) in dids {
        let key = resolve_did_key(did).unwrap();
        let pair = &entry["verificationKeyPair"];
        // Four entries give the key in base58, one as a JsonWebKey2020 JWK.
        let want = match pair["publicKeyBase58"].as_str() {
            Some(b58) => base58btc_decode(b58).unwrap(),
            None => base64url_decode(pair["publicKeyJwk"]["x"].as_str().unwrap()).unwrap(),
        };
        assert_eq!(key.to_bytes().as_slice(), want.as_slice());
        for vm in entry["didDocument"]["verificationMethod"].as_array().unwrap() {
            let id = vm["id"].as_str().unwrap();
            match (vm["type"].as_str().unwrap(), vm["publicKeyJwk"]["crv"].as_str()) {
                ("Ed25519VerificationKey2018", _) | ("JsonWebKey2020", Some("Ed25519")) => {
                    assert_eq!(resolve_did_key(id).unwrap(), key)
                }
                // The derived key-agreement key is a DID URL of this DID, but not a signing key.
                ("X25519KeyAgreementKey2019", _) | ("JsonWebKey2020", Some("X25519")) => {
                    assert_eq!(resolve_did_key(id).unwrap_err().code(), ErrorCode::UnsupportedKey, "{id}")
                }
                other => panic!("unexpected verification method {other:?}"),
            }
        }
    }
}

#[test]
fn other_key_types_are_unsupported() {
    let mut count = 0;
    for file in ["bls12381.json", "rsa.json", "secp256k1.json", "nist-curves.json"] {
        for did in load(file).as_object().unwrap().keys() {
            assert_eq!(resolve_did_key(did).unwrap_err().code(), ErrorCode::UnsupportedKey, "{did}");
            let vm = format!("{did}#{}", did.trim_start_matches("did:key:"));
            assert_eq!(TrustStore::new().resolve(&vm).unwrap_err().code(), ErrorCode::UnsupportedKey, "{vm}");
            count += 1;
        }
    }
    for did in load("x25519.json")["didDocument"].as_object().unwrap().keys() {
        assert_eq!(resolve_did_key(did).unwrap_err().code(), ErrorCode::UnsupportedKey, "{did}");
        count += 1;
    }
    assert_eq!(count, 6 + 2 + 6 + 7 + 4);
    println!("did:key other key types: {count}/{count} refused with UNSUPPORTED_KEY");
}

#[test]
fn did_key_test_suite_cases() {
    let cases = load("did_key_resolution_cases.derived.json");
    let cases = cases["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 10);
    let default_key = hex_decode(cases[0]["ed25519_public_key_hex"].as_str().unwrap()).unwrap();
    for case in cases {
        let input = case["input"].as_str().unwrap();
        let got = resolve_did_key(input);
        let expected = case["expected"].as_str().unwrap();
        if expected.starts_with("valid (keyAgreement") {
            // Resolvable as a DID URL, but it names an X25519 key: never a signature key here.
            assert_eq!(got.unwrap_err().code(), ErrorCode::UnsupportedKey, "{input}");
        } else if expected.starts_with("valid") {
            assert_eq!(got.unwrap().to_bytes().as_slice(), default_key.as_slice(), "{input}");
        } else {
            let want = match case["error"].as_str().unwrap() {
                "invalidDid" | "invalidDidUrl" => ErrorCode::InvalidDid,
                "methodNotSupported" => ErrorCode::UnsupportedDidMethod,
                // The DID is well formed; the key inside it is not an Ed25519 key.
                "invalidPublicKeyLength" => ErrorCode::InvalidKey,
                other => panic!("unexpected error name {other}"),
            };
            assert_eq!(got.unwrap_err().code(), want, "{input}");
        }
    }
}

#[test]
fn malformed_and_foreign_dids() {
    let did = "did:key:z6MktKwz7Ge1Yxzr4JHavN33wiwa8y81QdcMRLXQsrH9T53b";
    for bad in [
        "",
        "did:",
        "did:key",
        "did:key:",
        "did:key:z",
        "DID:key:z6MktKwz7Ge1Yxzr4JHavN33wiwa8y81QdcMRLXQsrH9T53b",
        "did:Key:z6MktKwz7Ge1Yxzr4JHavN33wiwa8y81QdcMRLXQsrH9T53b",
        "did:key:z6MktKwz7Ge1Yxzr4JHavN33wiwa8y81QdcMRLXQsrH9T53b#",
        "did:key:z6MktKwz7Ge1Yxzr4JHavN33wiwa8y81QdcMRLXQsrH9T53b#keys-1",
        "did:key:z6MktKwz7Ge1Yxzr4JHavN33wiwa8y81QdcMRLXQsrH9T53b?x=1",
        "did:key:u7QHOJCF5AD3FJEAQEU1RwjManoWbnx_QGRu4wa8PTfY",
        "did:key:z6MktKwz7Ge1Yxzr4JHavN33wiwa8y81QdcMRLXQsrH9T53b#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
    ] {
        assert_eq!(resolve_did_key(bad).unwrap_err().code(), ErrorCode::InvalidDid, "{bad:?}");
    }
    // One byte more or fewer than an Ed25519 key.
    let bytes = base58btc_decode(&did[9..]).unwrap();
    for body in [&bytes[..bytes.len() - 1], &[bytes.as_slice(), &[0]].concat()[..]] {
        let d = format!("did:key:z{}", ssi_verify_core::codec::base58btc_encode(body));
        assert_eq!(resolve_did_key(&d).unwrap_err().code(), ErrorCode::InvalidKey, "{d}");
    }
    for other in ["did:web:example.com", "did:gatc:24gsRbsURij3edoveHv81jt9EnhggrnR#keys-1", "did:ebsi:zabc"] {
        assert_eq!(resolve_did_key(other).unwrap_err().code(), ErrorCode::UnsupportedDidMethod, "{other}");
        assert_eq!(TrustStore::new().resolve(other).unwrap_err().code(), ErrorCode::UnknownVerificationMethod);
    }
    // A small-order Ed25519 point wrapped as a did:key is refused like any weak key.
    let mut identity = vec![0xed, 0x01, 1];
    identity.extend([0u8; 31]);
    let d = format!("did:key:z{}", ssi_verify_core::codec::base58btc_encode(&identity));
    assert_eq!(resolve_did_key(&d).unwrap_err().code(), ErrorCode::InvalidKey);
}
