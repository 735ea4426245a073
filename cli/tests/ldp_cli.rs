//! Linked Data proofs through `vc verify` and `pe verify` (issue 14), with the example vocabulary
//! registered by `--context URL=FILE`: each suite's credential is valid; a changed claim or a
//! moved proof is invalid (exit 1, JSON report); an unknown context or an undefined term could
//! not be checked (exit 1, no JSON, the code on stderr). The presentations answer the seed's
//! definition unmodified (samples/gataca/presentation-definition.json) and a `di_vc` definition.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

mod common;

use common::{first_stderr_line, run, stdout_json};
use serde_json::{json, Value};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
const NOW: &str = "1767225600";
const NONCE: &str = "5GpefxLWz3BzLmR69b4wskqeYgE5ZZ21jAvgLXNZNAe4";
const CONTEXT_URL: &str = "https://example.org/ssi-verify/email/v1";

fn sample(name: &str) -> String {
    format!("{ROOT}/samples/ldp/{name}")
}

fn context() -> String {
    format!("{CONTEXT_URL}={}", sample("context-email-v1.jsonld"))
}

fn doc(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(sample(name)).unwrap()).unwrap()
}

fn vc_verify(stdin: &Value, with_context: bool) -> std::process::Output {
    let ctx = context();
    let mut args = vec!["vc", "verify", "--now", NOW];
    if with_context {
        args.extend(["--context", &ctx]);
    }
    run(&args, Some(&stdin.to_string()))
}

#[test]
fn vc_verify_each_suite() {
    for (file, suite) in [
        ("vc-ed25519-2018.json", "Ed25519Signature2018"),
        ("vc-jws2020-es256.json", "JsonWebSignature2020"),
        ("vc-eddsa-rdfc-2022.json", "eddsa-rdfc-2022"),
        ("vc-ecdsa-rdfc-2019-p256.json", "ecdsa-rdfc-2019"),
        ("vc-ecdsa-rdfc-2019-p384.json", "ecdsa-rdfc-2019"),
        ("vc-secp256k1-2019.json", "EcdsaSecp256k1Signature2019"),
        ("vc-rsa-2018.json", "RsaSignature2018"),
        ("vc-eddsa-jcs-2022.json", "eddsa-jcs-2022"),
        ("vc-ecdsa-jcs-2019-p256.json", "ecdsa-jcs-2019"),
    ] {
        let out = run(&["vc", "verify", "--now", NOW, "--context", &context(), &sample(file)], None);
        assert_eq!(out.status.code(), Some(0), "{file}: {}", first_stderr_line(&out));
        let report = stdout_json(&out);
        assert_eq!(report["valid"], json!(true), "{file}");
        assert_eq!(report["format"], json!("ldp_vc"));
        assert_eq!(report["suite"], json!(suite));
        assert_eq!(report["checks"], json!(["credentialProof", "issuer", "credentialStatus"]));

        let vc = doc(file);
        let mut tampered = vc.clone();
        tampered["credentialSubject"]["email"] = json!("mallory@example.org");
        let mut moved = vc.clone();
        moved["credentialSubject"]["id"] = json!("did:example:bob");
        for bad in [tampered, moved] {
            let out = vc_verify(&bad, true);
            assert_eq!(out.status.code(), Some(1), "{file}");
            let report = stdout_json(&out);
            assert_eq!(report["valid"], json!(false));
            assert_eq!(
                report["errors"],
                json!(["Credential couldn't be cryptographically validated (SIGNATURE_MISMATCH)"]),
                "{file}"
            );
        }
        // The context not given: could not check (no report).
        let out = vc_verify(&vc, false);
        assert_eq!(out.status.code(), Some(1));
        assert!(out.stdout.is_empty());
        assert!(first_stderr_line(&out).contains("UNKNOWN_CONTEXT"), "{file}: {}", first_stderr_line(&out));
    }
    // Credentials v1 has no @vocab: an added member no context defines is an undefined term.
    let mut undefined = doc("vc-ed25519-2018.json");
    undefined["credentialSubject"]["nickname"] = json!("annie");
    let out = vc_verify(&undefined, true);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(first_stderr_line(&out).contains("UNDEFINED_TERM"), "{}", first_stderr_line(&out));
}

#[test]
fn pe_verify_seed_definition_and_di_definition() {
    let seed = format!("{ROOT}/samples/gataca/presentation-definition.json");
    let di = sample("presentation-definition-di.json");
    for (file, definition, profile) in [
        ("vp-ed25519-2018.json", &seed, "gataca"),
        ("vp-jws2020.json", &seed, "gataca"),
        ("vp-eddsa-rdfc-2022.json", &di, "strict"),
        ("vp-secp256k1-2019.json", &seed, "gataca"),
        ("vp-rsa-2018.json", &seed, "gataca"),
    ] {
        let ctx = context();
        let base = [
            "pe",
            "verify",
            "--definition",
            definition.as_str(),
            "--profile",
            profile,
            "--challenge",
            NONCE,
            "--domain",
            "verifier.example.org",
            "--now",
            NOW,
            "--context",
            ctx.as_str(),
        ];
        let out = run(&base, Some(&doc(file).to_string()));
        assert_eq!(out.status.code(), Some(0), "{file}: {}", first_stderr_line(&out));
        let result = stdout_json(&out);
        assert_eq!(result["errors"], json!([]), "{file}");
        for check in ["presentationProof", "credentialProof", "issuer", "submission", "constraints"] {
            assert!(result["checks"].as_array().unwrap().contains(&json!(check)), "{file}: {check}");
        }
        let mut tampered = doc(file);
        tampered["verifiableCredential"][0]["credentialSubject"]["email"] = json!("mallory@example.org");
        let out = run(&base, Some(&tampered.to_string()));
        assert_eq!(out.status.code(), Some(1), "{file}");
        let errors = stdout_json(&out)["errors"].clone();
        assert!(errors.as_array().unwrap().iter().any(|e| e.as_str().unwrap().ends_with("(SIGNATURE_MISMATCH)")));
    }
}

#[test]
fn context_option_shape() {
    let out = run(&["vc", "verify", "--context", "no-equals-sign", &sample("vc-ed25519-2018.json")], None);
    assert_eq!(out.status.code(), Some(2));
    // jsonld to-rdf takes the same option.
    let out = run(&["jsonld", "to-rdf", "--context", &context(), &sample("vc-eddsa-rdfc-2022.json")], None);
    assert_eq!(out.status.code(), Some(0), "{}", first_stderr_line(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("<https://schema.org/email> \"ann@example.org\""));
}

/// A trust-store JWK of a type only the Data Integrity suites verify with (EC P-384) stands for
/// its DID before the did:key itself: the P-384 sample's DID mapped to another P-384 key (the DIF
/// suite's key-3) is read, used, and the signature does not match (exit 1, invalid report).
#[test]
fn vc_verify_uses_a_p384_trust_store_key() {
    let vc = doc("vc-ecdsa-rdfc-2019-p384.json");
    let vm = vc["proof"]["verificationMethod"].as_str().unwrap();
    let did = vm.split('#').next().unwrap();
    let key: Value = serde_json::from_str(
        &std::fs::read_to_string(format!(
            "{ROOT}/tests/vectors/data-integrity/dif-jws-test-suite/data/keys/key-3-secp384r1.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let dir = std::env::temp_dir().join(format!("ssi-verify-p384-store-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let store = dir.join("store.json");
    std::fs::write(&store, json!({ did: key["publicKeyJwk"] }).to_string()).unwrap();
    let file = sample("vc-ecdsa-rdfc-2019-p384.json");
    let args = ["vc", "verify", "--now", NOW, "--context", &context(), "--trust-store", store.to_str().unwrap(), &file];
    let out = run(&args, None);
    assert_eq!(out.status.code(), Some(1), "{}", first_stderr_line(&out));
    let report = stdout_json(&out);
    assert_eq!(report["valid"], json!(false));
    assert!(report["errors"].to_string().contains("SIGNATURE_MISMATCH"), "{report}");
    // Without the store the did:key verifies.
    let args = ["vc", "verify", "--now", NOW, "--context", &context(), &file];
    assert_eq!(run(&args, None).status.code(), Some(0));
    std::fs::remove_dir_all(&dir).unwrap();
}
