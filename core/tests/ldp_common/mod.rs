//! A test-only signer for Linked Data proofs (Ed25519Signature2018, JsonWebSignature2020,
//! eddsa-rdfc-2022, ecdsa-rdfc-2019), with the keys of the W3C vc-di-eddsa / vc-di-ecdsa test
//! vectors. It follows the suites' signing steps with the core's own JSON-LD `toRdf` (safe
//! mode) and RDFC-1.0, so what it signs is what an issuer using the same contexts signs; the
//! verifier's answers are never written here. Used by the integration tests and to write the
//! fixtures under samples/ldp/ (tests/ldp_fixtures.rs).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

use p256::ecdsa::signature::Signer as _;
use serde_json::{json, Value as Json};
use ssi_verify_core::codec::{base58btc_decode, base58btc_encode, base64url_encode};
use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;
use ssi_verify_core::crypto::HashAlg;
use ssi_verify_core::di::hash_data;
use ssi_verify_core::json::Value;
use ssi_verify_core::jsonld::{to_rdf, ContextStore, Options};
use ssi_verify_core::Limits;

/// The URL of the example vocabulary context the fixtures use (registered by the caller).
pub const EMAIL_CONTEXT_URL: &str = "https://example.org/ssi-verify/email/v1";
/// The challenge the fixture presentations carry.
pub const CHALLENGE: &str = "5GpefxLWz3BzLmR69b4wskqeYgE5ZZ21jAvgLXNZNAe4";
/// The verification time of the fixtures (2026-01-01T00:00:00Z).
pub const NOW: u64 = 1_767_225_600;

pub fn repo(rel: &str) -> String {
    format!("{}/../{rel}", env!("CARGO_MANIFEST_DIR"))
}

pub fn read(rel: &str) -> String {
    let path = repo(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The bundled contexts plus the example vocabulary of samples/ldp/.
pub fn store() -> ContextStore {
    let mut s = ContextStore::bundled();
    s.register(EMAIL_CONTEXT_URL, &read("samples/ldp/context-email-v1.jsonld"), &Limits::DEFAULT).unwrap();
    s
}

/// A signing key of the vectors.
#[derive(Clone)]
pub enum Key {
    Ed25519(Ed25519SecretKey),
    P256(p256::ecdsa::SigningKey),
    P384(p384::ecdsa::SigningKey),
    Secp256k1(k256::ecdsa::SigningKey),
    Rsa(Box<rsa::RsaPrivateKey>),
}

fn secret(file: &str, member: &str) -> (Vec<u8>, String) {
    let kp: Json = serde_json::from_str(&read(&format!("tests/vectors/data-integrity/{file}"))).unwrap();
    let bytes = base58btc_decode(&kp[member].as_str().unwrap()[1..]).unwrap();
    // Two-byte multicodec varint (ed25519-priv 0x1300, p256-priv 0x1306, p384-priv 0x1307).
    (bytes[2..].to_vec(), kp["publicKeyMultibase"].as_str().unwrap().to_owned())
}

impl Key {
    /// The vc-di-eddsa key pair (`did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2`).
    pub fn ed25519() -> (Self, String) {
        let (sk, public) = secret("w3c-vc-di-eddsa/TestVectors/keyPair.json", "privateKeyMultibase");
        (Key::Ed25519(Ed25519SecretKey::from_bytes(&sk.try_into().unwrap())), public)
    }
    /// The vc-di-ecdsa P-256 key pair.
    pub fn p256() -> (Self, String) {
        let (sk, public) = secret("w3c-vc-di-ecdsa/TestVectors/p256KeyPair.json", "secretKeyMultibase");
        (Key::P256(p256::ecdsa::SigningKey::from_slice(&sk).unwrap()), public)
    }
    /// The vc-di-ecdsa P-384 key pair.
    pub fn p384() -> (Self, String) {
        let (sk, public) = secret("w3c-vc-di-ecdsa/TestVectors/p384KeyPair.json", "secretKeyMultibase");
        (Key::P384(p384::ecdsa::SigningKey::from_slice(&sk).unwrap()), public)
    }

    /// The DIF JWS test suite's secp256k1 key (`keys/key-1-secp256k1.json`), with its did:key
    /// multibase identifier.
    pub fn secp256k1() -> (Self, String) {
        let key: Json = serde_json::from_str(&read(
            "tests/vectors/data-integrity/dif-jws-test-suite/data/keys/key-1-secp256k1.json",
        ))
        .unwrap();
        let d = ssi_verify_core::codec::base64url_decode(key["privateKeyJwk"]["d"].as_str().unwrap()).unwrap();
        let sk = k256::ecdsa::SigningKey::from_slice(&d).unwrap();
        let public = ssi_verify_core::crypto::did_key::VerificationKey::from_jwk(
            &Value::parse(&key["publicKeyJwk"].to_string(), &Limits::DEFAULT).unwrap(),
        )
        .unwrap();
        let vm = ssi_verify_core::crypto::did_key::did_key_vm_of(&public);
        let multibase = vm.rsplit_once('#').unwrap().1.to_owned();
        (Key::Secp256k1(sk), multibase)
    }

    /// The DIF JWS test suite's RSA-2048 key (`keys/key-4-rsa2048.json`), with its did:key
    /// multibase identifier (`rsa-pub` 0x1205 ‖ DER PKCS#1).
    pub fn rsa() -> (Self, String) {
        use rsa::pkcs1::EncodeRsaPublicKey as _;
        let key: Json =
            serde_json::from_str(&read("tests/vectors/data-integrity/dif-jws-test-suite/data/keys/key-4-rsa2048.json"))
                .unwrap();
        let part = |name: &str| {
            let b = ssi_verify_core::codec::base64url_decode(key["privateKeyJwk"][name].as_str().unwrap()).unwrap();
            rsa::BigUint::from_bytes_be(&b)
        };
        let sk =
            rsa::RsaPrivateKey::from_components(part("n"), part("e"), part("d"), vec![part("p"), part("q")]).unwrap();
        let der = sk.to_public_key().to_pkcs1_der().unwrap();
        let mut bytes = vec![0x85, 0x24];
        bytes.extend_from_slice(der.as_bytes());
        (Key::Rsa(Box::new(sk)), format!("z{}", base58btc_encode(&bytes)))
    }

    fn sign(&self, message: &[u8]) -> Vec<u8> {
        match self {
            Key::Ed25519(k) => k.sign(message).to_vec(),
            Key::P256(k) => {
                let s: p256::ecdsa::Signature = k.sign(message);
                s.to_bytes().to_vec()
            }
            Key::P384(k) => {
                let s: p384::ecdsa::Signature = k.sign(message);
                s.to_bytes().to_vec()
            }
            Key::Secp256k1(k) => {
                let s: k256::ecdsa::Signature = k.sign(message);
                s.to_bytes().to_vec()
            }
            // RS256 (RsaSignature2018): PKCS#1 v1.5, deterministic.
            Key::Rsa(k) => {
                use sha2::Digest as _;
                let hashed = sha2::Sha256::digest(message);
                k.sign(rsa::Pkcs1v15Sign::new::<sha2::Sha256>(), &hashed).unwrap()
            }
        }
    }

    fn jws_alg(&self) -> &'static str {
        match self {
            Key::Ed25519(_) => "EdDSA",
            Key::P256(_) => "ES256",
            Key::P384(_) => "ES384",
            Key::Secp256k1(_) => "ES256K",
            Key::Rsa(_) => "RS256",
        }
    }
}

/// A key pair's `did:key` DID and verification method.
pub fn did_and_vm(public_multibase: &str) -> (String, String) {
    (format!("did:key:{public_multibase}"), format!("did:key:{public_multibase}#{public_multibase}"))
}

/// The suites the signer writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Suite {
    Ed25519Signature2018,
    JsonWebSignature2020,
    EddsaRdfc2022,
    EcdsaRdfc2019,
    EcdsaSecp256k1Signature2019,
    RsaSignature2018,
    EddsaJcs2022,
    EcdsaJcs2019,
}

fn rdf(doc: &Json, store: &ContextStore) -> Vec<ssi_verify_core::rdf::Quad> {
    let v = Value::parse(&doc.to_string(), &Limits::DEFAULT).unwrap();
    to_rdf(&v, store, &Options { safe_mode: true, ..Options::default() }, &Limits::DEFAULT).unwrap()
}

/// `doc` with a proof of `suite` by `key` (verification method `vm`); `extra` members
/// (`challenge`, `domain`) go into the proof.
pub fn sign(
    doc: &Json,
    suite: Suite,
    key: &Key,
    vm: &str,
    purpose: &str,
    extra: &[(&str, &str)],
    store: &ContextStore,
) -> Json {
    let mut proof = serde_json::Map::new();
    match suite {
        Suite::Ed25519Signature2018 => proof.insert("type".into(), json!("Ed25519Signature2018")),
        Suite::JsonWebSignature2020 => proof.insert("type".into(), json!("JsonWebSignature2020")),
        Suite::EcdsaSecp256k1Signature2019 => proof.insert("type".into(), json!("EcdsaSecp256k1Signature2019")),
        Suite::RsaSignature2018 => proof.insert("type".into(), json!("RsaSignature2018")),
        Suite::EddsaRdfc2022 | Suite::EcdsaRdfc2019 | Suite::EddsaJcs2022 | Suite::EcdsaJcs2019 => {
            proof.insert("type".into(), json!("DataIntegrityProof"))
        }
    };
    match suite {
        Suite::EddsaRdfc2022 => proof.insert("cryptosuite".into(), json!("eddsa-rdfc-2022")),
        Suite::EcdsaRdfc2019 => proof.insert("cryptosuite".into(), json!("ecdsa-rdfc-2019")),
        Suite::EddsaJcs2022 => proof.insert("cryptosuite".into(), json!("eddsa-jcs-2022")),
        Suite::EcdsaJcs2019 => proof.insert("cryptosuite".into(), json!("ecdsa-jcs-2019")),
        _ => None,
    };
    proof.insert("created".into(), json!("2025-06-01T00:00:00Z"));
    proof.insert("verificationMethod".into(), json!(vm));
    proof.insert("proofPurpose".into(), json!(purpose));
    for (k, v) in extra {
        proof.insert((*k).into(), json!(v));
    }
    let mut config = proof.clone();
    config.insert("@context".into(), doc["@context"].clone());
    let mut unsecured = doc.as_object().unwrap().clone();
    unsecured.remove("proof");
    let hash = match key {
        Key::P384(_) if matches!(suite, Suite::EcdsaRdfc2019 | Suite::EcdsaJcs2019) => HashAlg::Sha384,
        _ => HashAlg::Sha256,
    };
    let data = if matches!(suite, Suite::EddsaJcs2022 | Suite::EcdsaJcs2019) {
        // JCS signs the JSON; toRdf (safe mode) still checks the contexts as a verifier does.
        let (config, unsecured) = (Json::Object(config), Json::Object(unsecured));
        rdf(&unsecured, store);
        let core = |j: &Json| Value::parse(&j.to_string(), &Limits::DEFAULT).unwrap();
        ssi_verify_core::di::jcs_hash_data(&core(&config), &core(&unsecured), hash, &Limits::DEFAULT).unwrap()
    } else {
        hash_data(&rdf(&Json::Object(config), store), &rdf(&Json::Object(unsecured), store), hash, &Limits::DEFAULT)
            .unwrap()
    };
    match suite {
        Suite::EddsaRdfc2022 | Suite::EcdsaRdfc2019 | Suite::EddsaJcs2022 | Suite::EcdsaJcs2019 => {
            let sig = key.sign(&data.combined());
            proof.insert("proofValue".into(), json!(format!("z{}", base58btc_encode(&sig))));
        }
        Suite::Ed25519Signature2018
        | Suite::JsonWebSignature2020
        | Suite::EcdsaSecp256k1Signature2019
        | Suite::RsaSignature2018 => {
            let header =
                base64url_encode(format!(r#"{{"alg":"{}","b64":false,"crit":["b64"]}}"#, key.jws_alg()).as_bytes());
            let mut message = format!("{header}.").into_bytes();
            message.extend_from_slice(&data.combined());
            let sig = key.sign(&message);
            proof.insert("jws".into(), json!(format!("{header}..{}", base64url_encode(&sig))));
        }
    }
    let mut signed = doc.as_object().unwrap().clone();
    signed.insert("proof".into(), Json::Object(proof));
    Json::Object(signed)
}

/// The `@context` a fixture of `suite` uses: credentials v1 (with the suite's context for
/// JsonWebSignature2020) for the legacy suites, credentials v2 for the Data Integrity ones; the example vocabulary last.
pub fn contexts(suite: Suite) -> Json {
    match suite {
        // credentials v1 defines Ed25519Signature2018 itself (protected: the suite's own
        // context would redefine it).
        Suite::Ed25519Signature2018 | Suite::EcdsaSecp256k1Signature2019 | Suite::RsaSignature2018 => {
            json!(["https://www.w3.org/2018/credentials/v1", EMAIL_CONTEXT_URL])
        }
        Suite::JsonWebSignature2020 => json!([
            "https://www.w3.org/2018/credentials/v1",
            "https://w3id.org/security/suites/jws-2020/v1",
            EMAIL_CONTEXT_URL
        ]),
        Suite::EddsaRdfc2022 | Suite::EcdsaRdfc2019 | Suite::EddsaJcs2022 | Suite::EcdsaJcs2019 => {
            json!(["https://www.w3.org/ns/credentials/v2", EMAIL_CONTEXT_URL])
        }
    }
}

/// An unsigned email credential of `issuer` about `did:example:ann`.
pub fn credential(suite: Suite, issuer: &str, email: &str) -> Json {
    let mut vc = json!({
        "@context": contexts(suite),
        "id": "urn:uuid:6f1d1a5e-2c1b-4d43-9d1a-4a1f6a1e0b01",
        "type": ["VerifiableCredential", "emailCredential"],
        "issuer": issuer,
        "credentialSubject": {"id": "did:example:ann", "email": email}
    });
    let date_member = match suite {
        Suite::EddsaRdfc2022 | Suite::EcdsaRdfc2019 | Suite::EddsaJcs2022 | Suite::EcdsaJcs2019 => "validFrom",
        _ => "issuanceDate",
    };
    vc.as_object_mut().unwrap().insert(date_member.into(), json!("2025-06-01T00:00:00Z"));
    vc
}

/// An unsigned presentation of `vc` answering `definition_id` (descriptor `emailCredential`).
pub fn presentation(suite: Suite, holder: &str, vc: Json, definition_id: &str) -> Json {
    let format = match suite {
        Suite::EddsaRdfc2022 | Suite::EcdsaRdfc2019 => "di_vc",
        _ => "ldp_vc",
    };
    json!({
        "@context": contexts(suite),
        "type": ["VerifiablePresentation"],
        "holder": holder,
        "verifiableCredential": [vc],
        "presentation_submission": {
            "id": "submission-ldp",
            "definition_id": definition_id,
            "descriptor_map": [{"id": "emailCredential", "format": format, "path": "$.verifiableCredential[0]"}]
        }
    })
}

/// The fixtures of samples/ldp/: file name → signed document.
pub fn fixtures() -> Vec<(&'static str, Json)> {
    let store = store();
    let (ed, ed_pub) = Key::ed25519();
    let (p256, p256_pub) = Key::p256();
    let (p384, p384_pub) = Key::p384();
    let (k1, k1_pub) = Key::secp256k1();
    let (k1_did, k1_vm) = did_and_vm(&k1_pub);
    let (rsa, rsa_pub) = Key::rsa();
    let (rsa_did, rsa_vm) = did_and_vm(&rsa_pub);
    let (ed_did, ed_vm) = did_and_vm(&ed_pub);
    let (p256_did, p256_vm) = did_and_vm(&p256_pub);
    let (p384_did, p384_vm) = did_and_vm(&p384_pub);
    let seed: Json = serde_json::from_str(&read("samples/gataca/presentation-definition.json")).unwrap();
    let seed_id = seed["id"].as_str().unwrap();
    let di_def: Json = serde_json::from_str(&read("samples/ldp/presentation-definition-di.json")).unwrap();
    let di_id = di_def["id"].as_str().unwrap();
    let email = "ann@example.org";
    let vc = |suite, key: &Key, did: &str, vm: &str| {
        sign(&credential(suite, did, email), suite, key, vm, "assertionMethod", &[], &store)
    };
    let vc_2018 = vc(Suite::Ed25519Signature2018, &ed, &ed_did, &ed_vm);
    let vc_jws = vc(Suite::JsonWebSignature2020, &p256, &p256_did, &p256_vm);
    let vc_eddsa = vc(Suite::EddsaRdfc2022, &ed, &ed_did, &ed_vm);
    let vc_p256 = vc(Suite::EcdsaRdfc2019, &p256, &p256_did, &p256_vm);
    let vc_p384 = vc(Suite::EcdsaRdfc2019, &p384, &p384_did, &p384_vm);
    let vc_k1 = vc(Suite::EcdsaSecp256k1Signature2019, &k1, &k1_did, &k1_vm);
    let vc_rsa = vc(Suite::RsaSignature2018, &rsa, &rsa_did, &rsa_vm);
    let vc_eddsa_jcs = vc(Suite::EddsaJcs2022, &ed, &ed_did, &ed_vm);
    let vc_ecdsa_jcs = vc(Suite::EcdsaJcs2019, &p256, &p256_did, &p256_vm);
    // The holder is the Ed25519 key; the presentations carry the challenge and a domain.
    let vp = |suite, vc: &Json, def_id: &str| {
        let extra = [("challenge", CHALLENGE), ("domain", "verifier.example.org")];
        sign(&presentation(suite, &ed_did, vc.clone(), def_id), suite, &ed, &ed_vm, "authentication", &extra, &store)
    };
    let vp_2018 = vp(Suite::Ed25519Signature2018, &vc_2018, seed_id);
    let vp_jws = vp(Suite::JsonWebSignature2020, &vc_jws, seed_id);
    let vp_di = vp(Suite::EddsaRdfc2022, &vc_p384, di_id);
    let vp_k1 = vp(Suite::Ed25519Signature2018, &vc_k1, seed_id);
    let vp_rsa = vp(Suite::Ed25519Signature2018, &vc_rsa, seed_id);
    vec![
        ("vc-ed25519-2018.json", vc_2018),
        ("vc-jws2020-es256.json", vc_jws),
        ("vc-eddsa-rdfc-2022.json", vc_eddsa),
        ("vc-ecdsa-rdfc-2019-p256.json", vc_p256),
        ("vc-ecdsa-rdfc-2019-p384.json", vc_p384),
        ("vc-secp256k1-2019.json", vc_k1),
        ("vc-rsa-2018.json", vc_rsa),
        ("vc-eddsa-jcs-2022.json", vc_eddsa_jcs),
        ("vc-ecdsa-jcs-2019-p256.json", vc_ecdsa_jcs),
        ("vp-ed25519-2018.json", vp_2018),
        ("vp-jws2020.json", vp_jws),
        ("vp-eddsa-rdfc-2022.json", vp_di),
        ("vp-secp256k1-2019.json", vp_k1),
        ("vp-rsa-2018.json", vp_rsa),
    ]
}
