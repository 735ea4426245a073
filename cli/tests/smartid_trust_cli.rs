//! `smartid verify-auth` / `verify-sign` with trust anchors: the real DEMO responses against SK's
//! TEST and LIVE anchors, and one generated certificate per failure, each with its own code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code: a panic is a failed test

mod common;

use std::path::PathBuf;

use common::{first_stderr_line, run, stdout_json};
use serde_json::Value;

const NOW: &str = "1780272000";

fn repo(rel: &str) -> String {
    format!("{}/../{rel}", env!("CARGO_MANIFEST_DIR"))
}

fn samples(f: &str) -> String {
    repo(&format!("samples/smartid/{f}"))
}

fn generated(f: &str) -> String {
    repo(&format!("tests/vectors/x509-generated/{f}"))
}

fn temp(name: &str, contents: &str) -> String {
    let dir: PathBuf = std::env::temp_dir().join(format!("ssi-verify-trust-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.to_string_lossy().into_owned()
}

fn sk(env: &str) -> Vec<String> {
    vec![
        "--trust-anchor".into(),
        samples(&format!("sk-{env}-roots.pem")),
        "--intermediate".into(),
        samples(&format!("sk-{env}-intermediates.pem")),
        "--now".into(),
        NOW.into(),
    ]
}

fn auth(request: &str, trust: &[String], status: &str) -> std::process::Output {
    let mut args: Vec<&str> = vec!["smartid", "verify-auth", "--request", request];
    args.extend(trust.iter().map(String::as_str));
    args.push(status);
    run(&args, None)
}

fn reason(o: &std::process::Output) -> String {
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    let v = stdout_json(o);
    assert_eq!(v["valid"], false);
    v["reason"].as_str().unwrap().to_owned()
}

fn status_with_cert(cert_pem: &str, level: &str) -> String {
    let der = ssi_verify_core::x509::certificates_from_pem_or_der(&std::fs::read(cert_pem).unwrap()).unwrap().remove(0);
    let mut v: Value =
        serde_json::from_str(&std::fs::read_to_string(samples("auth-status-pss.json")).unwrap()).unwrap();
    v["cert"]["value"] = ssi_verify_core::codec::base64_encode(&der).into();
    v["cert"]["certificateLevel"] = level.into();
    v.to_string()
}

#[test]
fn real_demo_response_is_trusted_with_test_anchors_only() {
    let req = samples("auth-request-pss.json");
    let status = samples("auth-status-pss.json");
    let ok = auth(&req, &sk("test"), &status);
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let v = stdout_json(&ok);
    assert_eq!(v["valid"], true);
    assert_eq!(v["certificateLevel"], "QUALIFIED");
    assert_eq!(v["identity"]["semanticsIdentifier"], "PNOEE-40504040001");
    assert_eq!(v["identity"]["dateOfBirth"], "1905-04-04");
    assert_eq!(v["certificate"]["notAfter"], "2029-01-05T14:25:00Z");
    assert_eq!(reason(&auth(&req, &sk("live"), &status)), "UNKNOWN_ISSUER");
    let mut late = sk("test");
    late[5] = "1900000000".into();
    assert_eq!(reason(&auth(&req, &late, &status)), "CERTIFICATE_EXPIRED");
    late[5] = "1700000000".into();
    assert_eq!(reason(&auth(&req, &late, &status)), "CERTIFICATE_NOT_YET_VALID");
}

#[test]
fn anchors_are_required_unless_signature_only() {
    let req = samples("auth-request-pss.json");
    let status = samples("auth-status-pss.json");
    let none = auth(&req, &[], &status);
    assert_eq!(none.status.code(), Some(2));
    assert!(first_stderr_line(&none).contains("--trust-anchor"), "{}", first_stderr_line(&none));
    assert!(none.stdout.is_empty());
    let mut both = sk("test");
    both.push("--signature-only".into());
    assert_eq!(auth(&req, &both, &status).status.code(), Some(2));
    let sig = auth(&req, &["--signature-only".into()], &status);
    assert!(sig.status.success());
    assert_eq!(stdout_json(&sig), serde_json::json!({"valid": true, "trust": "NOT_CHECKED"}));
}

#[test]
fn each_certificate_failure_has_its_own_code() {
    let req = samples("auth-request-pss.json");
    let mut trust = vec!["--trust-anchor".to_owned(), generated("root.pem")];
    for i in ["intermediate.pem", "intermediate-no-keycertsign.pem", "sub-intermediate.pem", "ee-auth-qualified.pem"] {
        trust.extend(["--intermediate".to_owned(), generated(i)]);
    }
    trust.extend(["--now".to_owned(), NOW.to_owned()]);
    let cases = [
        ("ee-expired.pem", "CERTIFICATE_EXPIRED"),
        ("ee-not-yet-valid.pem", "CERTIFICATE_NOT_YET_VALID"),
        ("ee-bad-signature.pem", "CHAIN_SIGNATURE_MISMATCH"),
        ("ee-issued-by-end-entity.pem", "ISSUER_NOT_CA"),
        ("ee-under-no-keycertsign.pem", "KEY_CERT_SIGN_MISSING"),
        ("ee-under-sub-intermediate.pem", "PATH_TOO_LONG"),
        ("ee-unknown-critical-extension.pem", "UNKNOWN_CRITICAL_EXTENSION"),
        ("ee-auth-no-digital-signature.pem", "KEY_USAGE_NOT_ALLOWED"),
        ("ee-auth-test-arc.pem", "CERTIFICATE_POLICY_MISSING"),
        ("ee-auth-advanced.pem", "CERTIFICATE_LEVEL_MISMATCH"),
    ];
    for (file, code) in cases {
        let status = temp(&format!("{file}.status.json"), &status_with_cert(&generated(file), "QUALIFIED"));
        assert_eq!(reason(&auth(&req, &trust, &status)), code, "{file}");
    }
    // SK's DEMO certificate does not chain to the generated root.
    assert_eq!(reason(&auth(&req, &trust, &samples("auth-status-pss.json"))), "UNKNOWN_ISSUER");
}

#[test]
fn level_identity_and_same_device_binding() {
    let status = std::fs::read_to_string(samples("auth-status-pss.json")).unwrap();
    let mut req: Value =
        serde_json::from_str(&std::fs::read_to_string(samples("auth-request-pss.json")).unwrap()).unwrap();
    let advanced = temp("advanced.status.json", &status.replace("\"QUALIFIED\"", "\"ADVANCED\""));
    assert_eq!(reason(&auth(&samples("auth-request-pss.json"), &sk("test"), &advanced)), "CERTIFICATE_LEVEL_TOO_LOW");
    req["semanticsIdentifier"] = "PNOEE-30303039914".into();
    let other = temp("other-person.request.json", &req.to_string());
    assert_eq!(reason(&auth(&other, &sk("test"), &samples("auth-status-pss.json"))), "IDENTITY_MISMATCH");
    // The real Web2App response without the callback's userChallengeVerifier.
    let dl = repo("tests/vectors/smartid/vatsake_auth_device-link_session-response.json");
    let mut dl_req: Value = serde_json::from_str(
        &std::fs::read_to_string(repo("tests/vectors/smartid-trust/requests/auth-device-link-web2app.request.json"))
            .unwrap(),
    )
    .unwrap();
    dl_req.as_object_mut().unwrap().remove("userChallengeVerifier");
    let unbound = temp("web2app-no-verifier.request.json", &dl_req.to_string());
    assert_eq!(reason(&auth(&unbound, &sk("test"), &dl)), "USER_CHALLENGE_MISMATCH");
}

#[test]
fn verify_sign_over_the_data() {
    let dir = repo("tests/vectors/smartid-trust");
    let req = format!("{dir}/requests/sign-notification.request.json");
    let status = format!("{dir}/sessions/vatsake_signing_notification_session-response.json");
    let sign = |data: &str, env: &str| {
        let mut args: Vec<String> =
            ["smartid", "verify-sign", "--request", &req, "--data", data].iter().map(|s| s.to_string()).collect();
        args.extend(sk(env));
        args.push(status.clone());
        run(&args.iter().map(String::as_str).collect::<Vec<_>>(), None)
    };
    let data = format!("{dir}/requests/sign-notification.data");
    let ok = sign(&data, "test");
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    assert_eq!(stdout_json(&ok)["certificateLevel"], "QUALIFIED");
    assert_eq!(reason(&sign(&data, "live")), "UNKNOWN_ISSUER");
    assert_eq!(reason(&sign(&temp("other.data", "test 12345"), "test")), "DIGEST_MISMATCH");
}
