//! The Gataca / OpenID4VP and primitive command-line forms of DESIGN.md (`jcs`, `jsonpath`,
//! `ed25519-verify`, `proof`, `gataca ...`), driven as an outside conformance suite would.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code: a panic is a failed test

mod common;

use common::{first_stderr_line, run, stdout_json};
use serde_json::json;
use ssi_verify_core::codec::hex_encode;
use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

fn path(rel: &str) -> String {
    format!("{ROOT}/{rel}")
}

#[test]
fn jcs_prints_exactly_the_canonical_bytes() {
    for name in ["arrays", "french", "structures", "unicode", "values", "weird"] {
        let out = run(&["jcs", &path(&format!("tests/vectors/jcs-rfc8785/input/{name}.json"))], None);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", first_stderr_line(&out));
        let want = std::fs::read(path(&format!("tests/vectors/jcs-rfc8785/output/{name}.json"))).unwrap();
        assert_eq!(out.stdout, want, "{name}");
    }
    let bad = run(&["jcs"], Some(r#"{"a":1e400}"#));
    assert_eq!(bad.status.code(), Some(1));
    assert!(first_stderr_line(&bad).starts_with("error: NUMBER_NOT_I_JSON: "));
    let dup = run(&["jcs"], Some(r#"{"a":1,"a":2}"#));
    assert!(first_stderr_line(&dup).starts_with("error: DUPLICATE_KEY: "));
}

#[test]
fn jsonpath_values_and_invalid_queries() {
    let def = path("samples/gataca/presentation-definition.json");
    let out = run(&["jsonpath", "$.input_descriptors[*].constraints.fields[*].path[-1:]", &def], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout_json(&out), json!([["$.vc.type[-1:]"], ["$.iss"]].concat()));
    let piped = run(&["jsonpath", "$..[?@ > 1]"], Some("[1, [2, 3], {\"a\": 0.5}]"));
    assert_eq!(stdout_json(&piped), json!([2, 3])); // an array is not > 1: only the numbers inside match
    for query in ["$[", "$.a[?@.b == ]", "$..", "$[01]", "a.b", "$[?length(@.a)]"] {
        let out = run(&["jsonpath", query], Some("{}"));
        assert_eq!(out.status.code(), Some(1), "{query}");
        assert!(first_stderr_line(&out).starts_with("error: INVALID_JSON_PATH: "), "{query}");
    }
    assert_eq!(run(&["jsonpath"], Some("{}")).status.code(), Some(2));
}

#[test]
fn ed25519_verify_rfc8032_test_1() {
    let pk = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    let sig = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
    let ok = run(&["ed25519-verify", "--public-key", pk, "--signature", sig, "--message", ""], None);
    assert_eq!(ok.status.code(), Some(0));
    assert_eq!(stdout_json(&ok), json!({"valid": true}));
    let bad = run(&["ed25519-verify", "--public-key", pk, "--signature", sig, "--message", "00"], None);
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(stdout_json(&bad), json!({"valid": false, "reason": "SIGNATURE_MISMATCH"}));
    let not_hex = run(&["ed25519-verify", "--public-key", "zz", "--signature", sig, "--message", ""], None);
    assert!(first_stderr_line(&not_hex).starts_with("error: INVALID_HEX: "));
    // The identity point is a small-order key: refused, not "verified".
    let small = "0100000000000000000000000000000000000000000000000000000000000000";
    let weak = run(&["ed25519-verify", "--public-key", small, "--signature", sig, "--message", ""], None);
    assert_eq!(weak.status.code(), Some(1));
    assert!(weak.stdout.is_empty());
}

#[test]
fn proof_sign_then_verify_with_did_key() {
    let sk = Ed25519SecretKey::from_bytes(&[9u8; 32]);
    let seed_file = std::env::temp_dir().join(format!("ssi-verify-cli-seed-{}.hex", std::process::id()));
    std::fs::write(&seed_file, hex_encode(&[9u8; 32])).unwrap();
    let vm = run(&["proof", "did-key", "--public-key", &hex_encode(&sk.public_key().to_bytes())], None);
    let vm = String::from_utf8(vm.stdout).unwrap().trim().to_owned();
    assert!(vm.starts_with("did:key:z6Mk") && vm.contains('#'));
    let signed = run(
        &[
            "proof",
            "sign",
            "--secret-key",
            seed_file.to_str().unwrap(),
            "--verification-method",
            &vm,
            "--created",
            "2025-01-27T18:33:35Z",
            "--domain",
            "gataca.io",
        ],
        Some(r#"{"id":"urn:x","name":"Test","n":1.50}"#),
    );
    std::fs::remove_file(&seed_file).unwrap();
    assert_eq!(signed.status.code(), Some(0), "{}", first_stderr_line(&signed));
    let doc = String::from_utf8(signed.stdout).unwrap();
    let ok = run(&["proof", "verify", "--domain", "gataca.io", "--purpose", "assertionMethod"], Some(&doc));
    assert_eq!(ok.status.code(), Some(0), "{}", first_stderr_line(&ok));
    let report = stdout_json(&ok);
    assert_eq!(report["proofs"][0]["reading"], json!({"message": "jcs", "encoding": "base58btc"}));
    let wrong_domain = run(&["proof", "verify", "--domain", "example.org"], Some(&doc));
    assert_eq!(wrong_domain.status.code(), Some(1));
    assert_eq!(stdout_json(&wrong_domain)["proofs"][0]["reason"], "PROOF_DOMAIN_MISMATCH");
    let tampered = run(&["proof", "verify"], Some(&doc.replace("Test", "Tesu")));
    assert_eq!(stdout_json(&tampered)["proofs"][0]["reason"], "SIGNATURE_MISMATCH");
    // A did:gatc key is not resolvable offline: could not check, not "invalid".
    let seed_def = path("samples/gataca/presentation-definition.json");
    let unknown = run(&["proof", "verify", &seed_def], None);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(unknown.stdout.is_empty());
    assert!(first_stderr_line(&unknown).starts_with("error: UNKNOWN_VERIFICATION_METHOD: "));
}

#[test]
fn gataca_request_webhook_and_api_key() {
    let request = std::fs::read_to_string(path("samples/gataca/authentication-request.txt")).unwrap();
    let out = run(&["gataca", "openid-request", request.trim()], None);
    assert_eq!(out.status.code(), Some(0), "{}", first_stderr_line(&out));
    let parsed = stdout_json(&out);
    assert_eq!(parsed["response_mode"], "direct_post");
    assert_eq!(
        parsed["client_id"],
        "https://connect.gataca.io/api/v3/tenants/29KKv46fz3kZ5jvxjBqtAq9RvqJwoA2X/oidc-verifier/Test"
    );
    let broken = run(&["gataca", "openid-request"], Some("openid-vp://?response_type=vp_token"));
    assert!(first_stderr_line(&broken).starts_with("error: INVALID_OPEN_ID_VP_REQUEST: "));

    let body = r#"{"id":"1","subject":"did:gatc:x","status":"SUCCESS","verificationResult":{"checks":["matchingIds"],"warnings":[],"errors":["Field constraint not validated"]}}"#;
    let contradiction = run(&["gataca", "check-webhook"], Some(body));
    assert_eq!(contradiction.status.code(), Some(1));
    assert!(first_stderr_line(&contradiction).starts_with("error: INVALID_VERIFICATION_RESULT: "));
    // A REJECT body with errors parses: the summary says `"valid":false` (Gataca's rule), the
    // same JSON the C ABI writes, and the exit status says invalid.
    let rejected = run(&["gataca", "check-webhook"], Some(&body.replace("SUCCESS", "REJECT")));
    assert_eq!(rejected.status.code(), Some(1));
    let summary = stdout_json(&rejected);
    assert_eq!(summary["valid"], false);
    assert_eq!(summary["status"], "REJECT");
    assert_eq!(summary["verificationResult"]["errors"][0], "Field constraint not validated");
    assert!(first_stderr_line(&rejected).starts_with("error: INVALID_VERIFICATION_RESULT: "));
    let extra =
        run(&["gataca", "check-webhook"], Some(&body.replace("SUCCESS", "REJECT").replacen("{", "{\"trace\":1,", 1)));
    assert_eq!(stdout_json(&extra)["unknownMembers"], json!(["trace"]));

    let header =
        run(&["gataca", "api-key", "encode", "--id", "0f8fad5b-d9cb-469f-a165-70867728950e", "--secret", "s:1"], None);
    let header = String::from_utf8(header.stdout).unwrap();
    let decoded = run(&["gataca", "api-key", "decode", header.trim()], None);
    assert_eq!(
        stdout_json(&decoded),
        json!({"id": "0f8fad5b-d9cb-469f-a165-70867728950e", "idIsUuid": true, "secretLength": 3})
    );
    let bad = run(&["gataca", "api-key", "decode", "Basic aWRzZWNyZXQ="], None);
    assert!(first_stderr_line(&bad).starts_with("error: INVALID_API_KEY: "));
}

#[test]
fn pe_evaluate_lint_and_submission_on_the_seed_definition() {
    let def = path("samples/gataca/presentation-definition.json");
    let ok = run(&["pe", "evaluate", "--definition", &def, &path("samples/gataca/credentials-email.json")], None);
    assert_eq!(ok.status.code(), Some(0), "{}", first_stderr_line(&ok));
    let evaluation = stdout_json(&ok);
    assert_eq!(evaluation["verdict"], "valid");
    assert_eq!(evaluation["selection"], json!([{"descriptor": 0, "credential": 0}]));

    let phone = path("samples/gataca/credentials-phone-only.json");
    let unmet = run(&["pe", "evaluate", "--definition", &def, &phone], None);
    assert_eq!(unmet.status.code(), Some(1));
    let evaluation = stdout_json(&unmet);
    assert_eq!(evaluation["reason"], "SUBMISSION_REQUIREMENT_NOT_SATISFIED");
    assert_eq!(evaluation["unmet"][0]["path"], "$.type[-1:]");
    assert!(first_stderr_line(&unmet).starts_with("error: SUBMISSION_REQUIREMENT_NOT_SATISFIED: "));

    // The seed's issuer pattern has empty alternatives: it accepts every issuer, and lint says so.
    let lint = run(&["pe", "lint", &def], None);
    let codes: Vec<String> =
        stdout_json(&lint).as_array().unwrap().iter().map(|w| w["code"].as_str().unwrap().to_owned()).collect();
    assert!(codes.contains(&"PATTERN_MATCHES_ANY_STRING".to_owned()), "{codes:?}");

    let sub = run(
        &["pe", "submission", "--definition", &def, "--id", "sub-1", &path("samples/gataca/credentials-email.json")],
        None,
    );
    assert_eq!(
        stdout_json(&sub)["presentation_submission"]["descriptor_map"],
        json!([{"id": "emailCredential", "format": "ldp_vc", "path": "$.verifiableCredential[0]"}])
    );

    let not_a_list = run(&["pe", "evaluate", "--definition", &def], Some("{}"));
    assert!(first_stderr_line(&not_a_list).starts_with("error: UNEXPECTED_JSON_TYPE: "));
    let bad_def = run(&["pe", "evaluate", "--definition", &phone], Some("[]"));
    assert_eq!(bad_def.status.code(), Some(1));
    assert_eq!(run(&["pe", "evaluate"], Some("[]")).status.code(), Some(2));
}

#[test]
fn pe_verify_reports_the_gataca_result() {
    let def = path("samples/gataca/email-definition.json");
    let nonce = "5GpefxLWz3BzLmR69b4wskqeYgE5ZZ21jAvgLXNZNAe4";
    let vp = path("samples/gataca/presentation.json");
    let ok = run(&["pe", "verify", "--definition", &def, "--challenge", nonce, &vp], None);
    assert_eq!(ok.status.code(), Some(0), "{}", first_stderr_line(&ok));
    let result = stdout_json(&ok);
    assert_eq!(result["errors"], json!([]));
    assert!(result["checks"].as_array().unwrap().contains(&json!("presentationProof")));
    let replay = run(&["pe", "verify", "--definition", &def, "--challenge", "another-nonce", &vp], None);
    assert_eq!(replay.status.code(), Some(1));
    assert_eq!(
        stdout_json(&replay)["errors"],
        json!(["Verifiable presentation not validated (PROOF_CHALLENGE_MISMATCH)"])
    );
    assert!(first_stderr_line(&replay).starts_with("error: INVALID_VERIFICATION_RESULT: "));
}

#[test]
fn gataca_session_prints_the_seed_replies_exactly() {
    for name in ["session-created", "session-status"] {
        let out = run(&["gataca", "session", &path(&format!("tests/vectors/gataca-session/{name}.json"))], None);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", first_stderr_line(&out));
        let want =
            std::fs::read_to_string(path(&format!("tests/vectors/gataca-session/{name}.expected.json"))).unwrap();
        assert_eq!(String::from_utf8(out.stdout).unwrap(), want, "{name}");
        assert!(out.stderr.is_empty(), "{name}");
    }
    let status = std::fs::read_to_string(path("samples/gataca/session-status.json")).unwrap();
    let created = run(
        &["gataca", "session"],
        Some(&std::fs::read_to_string(path("samples/gataca/session-created.json")).unwrap()),
    );
    let v = stdout_json(&created);
    assert_eq!(
        (v["nonce"].clone(), v["state"].clone(), v["expiredAt"].clone()),
        (json!(null), json!(null), json!(null))
    );
    assert_eq!(v["id"], "4m8TLXcRUDpMrXkzorhoTpwMu6pkw4pUtHVSBf422c98");
    // An unknown member is reported on stderr and does not fail the command.
    let extra = run(&["gataca", "session"], Some(&status.replacen("{", "{\"Region\":\"eu\",", 1)));
    assert_eq!(extra.status.code(), Some(0));
    assert_eq!(first_stderr_line(&extra), "warning: unknown member Region");
    assert_eq!(stdout_json(&extra)["nonce"], "5GpefxLWz3BzLmR69b4wskqeYgE5ZZ21jAvgLXNZNAe4");
    // Another session's definition under this Id: could not be read, no JSON.
    let mixed = run(&["gataca", "session"], Some(&status.replacen("\"Id\": \"AUFu7", "\"Id\": \"BUFu7", 1)));
    assert_eq!(mixed.status.code(), Some(1));
    assert!(mixed.stdout.is_empty());
    assert!(first_stderr_line(&mixed).starts_with("error: INVALID_GATACA_SESSION: "));
    assert_eq!(run(&["gataca", "session", "a", "b"], None).status.code(), Some(2));
}
