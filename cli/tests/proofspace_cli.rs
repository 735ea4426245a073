//! The ProofSpace command-line forms of DESIGN.md, driven as an outside conformance suite would.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code: a panic is a failed test

mod common;

use common::{first_stderr_line, run, stdout_json};
use serde_json::json;

const VECTORS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors");

fn vector(rel: &str) -> String {
    format!("{VECTORS}/{rel}")
}

fn text(rel: &str) -> String {
    std::fs::read_to_string(vector(rel)).unwrap()
}

#[test]
fn verify_body_exit_codes() {
    let pem = vector("proofspace/rsa4096-public.pem");
    let sig = text("proofspace/rsa4096-body.sig.b64");
    let body = vector("proofspace/rsa4096-body.json");
    let ok = run(&["proofspace", "verify-body", "--public-key", &pem, "--signature", sig.trim(), &body], None);
    assert_eq!(ok.status.code(), Some(0), "{}", first_stderr_line(&ok));
    assert_eq!(stdout_json(&ok), json!({"valid": true}));

    // The body from standard input, one byte changed: checked and failed.
    let changed = text("proofspace/rsa4096-body.json").replacen("ev1", "ev2", 1);
    let bad = run(&["proofspace", "verify-body", "--public-key", &pem, "--signature", &sig], Some(&changed));
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(stdout_json(&bad), json!({"valid": false, "reason": "SIGNATURE_MISMATCH"}));
    assert_eq!(first_stderr_line(&bad), "error: SIGNATURE_MISMATCH: signature does not verify");

    // Could not check: exit 1 with the error code, nothing on stdout.
    let garbage = run(&["proofspace", "verify-body", "--public-key", &pem, "--signature", "@@@@", &body], None);
    assert_eq!(garbage.status.code(), Some(1));
    assert!(garbage.stdout.is_empty());
    assert!(first_stderr_line(&garbage).starts_with("error: INVALID_BASE64: "));
    let not_a_key = run(&["proofspace", "verify-body", "--public-key", &body, "--signature", &sig, &body], None);
    assert_eq!(not_a_key.status.code(), Some(1));
    assert!(first_stderr_line(&not_a_key).starts_with("error: INVALID_KEY: "));
}

#[test]
fn ed25519_sign_then_verify() {
    let seed = vector("proofspace-jwt/ed25519-seed.hex");
    let signed = run(&["proofspace", "sign-body", "--secret-key", &seed], Some("{\"ok\":true}"));
    assert!(signed.status.success(), "{}", first_stderr_line(&signed));
    let sig = String::from_utf8(signed.stdout).unwrap();
    let pem = vector("proofspace-jwt/ed25519-public.pem");
    let ok =
        run(&["proofspace", "verify-body", "--public-key", &pem, "--signature", sig.trim()], Some("{\"ok\":true}"));
    assert_eq!(ok.status.code(), Some(0));
    let bad =
        run(&["proofspace", "verify-body", "--public-key", &pem, "--signature", sig.trim()], Some("{\"ok\":false}"));
    assert_eq!(bad.status.code(), Some(1));
}

#[test]
fn cast_prints_typed_values() {
    let cases = [
        ("Text", "Super Secret Level", json!({"type": "Text", "value": "Super Secret Level"})),
        ("Date", "1648800000", json!({"type": "Date", "seconds": 1_648_800_000u64})),
        ("Number", "-0.000123450", json!({"type": "Number", "value": "-0.000123450"})),
        ("ImageURL", "https://example.org/p.png", json!({"type": "ImageURL", "url": "https://example.org/p.png"})),
        ("Enumeration", "3", json!({"type": "Enumeration", "index": 3})),
    ];
    for (ty, value, want) in cases {
        let out = run(&["proofspace", "cast", "--type", ty, value], None);
        assert_eq!(out.status.code(), Some(0), "{ty} {value}: {}", first_stderr_line(&out));
        assert_eq!(stdout_json(&out), want);
    }
    // The value may come from standard input too.
    let piped = run(&["proofspace", "cast", "--type", "Date"], Some("0\n"));
    assert_eq!(stdout_json(&piped), json!({"type": "Date", "seconds": 0}));
}

#[test]
fn cast_rejections_exit_1_with_code() {
    let cases: &[(&[&str], &str)] = &[
        (&["--type", "Date", "1648800000000"], "DATE_LOOKS_LIKE_MILLISECONDS"),
        (&["--type", "Date", "2022-04-01"], "INVALID_DATE"),
        (&["--type", "Number", "1e5"], "INVALID_NUMBER"),
        (&["--type", "Number", "1,5"], "INVALID_NUMBER"),
        (&["--type", "Number", "NaN"], "INVALID_NUMBER"),
        (&["--type", "ImageURL", "data:image/png;base64,AAAA"], "INVALID_IMAGE_URL"),
        (&["--type", "Enumeration", "-1"], "INVALID_ENUMERATION"),
        (&["--type", "Enumeration", "--enum-values", "0,2", "1"], "ENUMERATION_NOT_IN_SCHEMA"),
    ];
    for (args, code) in cases {
        let mut argv = vec!["proofspace", "cast"];
        argv.extend_from_slice(args);
        let out = run(&argv, None);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(
            first_stderr_line(&out).starts_with(&format!("error: {code}: ")),
            "{args:?}: {}",
            first_stderr_line(&out)
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    let cases: &[&[&str]] = &[
        &["proofspace"],
        &["proofspace", "nope"],
        &["proofspace", "cast", "1"],
        &["proofspace", "cast", "--type", "Float", "1"],
        &["proofspace", "cast", "--type", "Enumeration", "--enum-values", "a", "1"],
        &["proofspace", "verify-body", "--signature", "AAAA"],
        &["proofspace", "verify-bearer", "--direction", "sideways", "x"],
    ];
    for args in cases {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(first_stderr_line(&out).starts_with("error: USAGE: "), "{args:?}");
    }
}

#[test]
fn verify_bearer_checks_and_reports_claims() {
    let tokens: serde_json::Value = serde_json::from_str(&text("proofspace-jwt/tokens.json")).unwrap();
    let secret = vector("proofspace-jwt/hs256-secret.bin");
    let base = ["proofspace", "verify-bearer", "--hs256-secret", &secret, "--service-did", "FhnK3hGQ6EeQHKztiHJ6pu"];
    let token = tokens["hs256"].as_str().unwrap();
    let mut ok = base.to_vec();
    ok.extend(["--direction", "from-proofspace", "--now", "1800000000", token]);
    let out = run(&ok, None);
    assert_eq!(out.status.code(), Some(0), "{}", first_stderr_line(&out));
    assert_eq!(stdout_json(&out)["claims"]["role"], "issue-credential");

    let mut late = base.to_vec();
    late.extend(["--direction", "to-proofspace", "--now", "2000000061", token]);
    let out = run(&late, None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout_json(&out)["reason"], "JWT_EXPIRED");

    let rsa = vector("proofspace-jwt/rsa2048-public.pem");
    let wrong_alg = run(
        &[
            "proofspace",
            "verify-bearer",
            "--rs512-key",
            &rsa,
            "--service-did",
            "FhnK3hGQ6EeQHKztiHJ6pu",
            "--direction",
            "from-proofspace",
            "--now",
            "1800000000",
            tokens["rs256"].as_str().unwrap(),
        ],
        None,
    );
    assert_eq!(wrong_alg.status.code(), Some(1));
    assert!(first_stderr_line(&wrong_alg).starts_with("error: JWT_ALG_MISMATCH: "));
}

#[test]
fn documents_and_replies() {
    let request = vector("proofspace/rsa4096-body.json");
    let out = run(&["proofspace", "check-request", &request], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout_json(&out)["actionEventId"], "ev1");
    let bad = run(&["proofspace", "check-request"], Some(r#"{"publicServiceDid":"x"}"#));
    assert_eq!(bad.status.code(), Some(1));

    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/../samples/proofspace");
    let schema = format!("{samples}/room-key-schema.json");
    let response = format!("{samples}/webhook-response-mismatch.json");
    let out = run(&["proofspace", "check-response", "--request", &request, "--schema", &schema, &response], None);
    assert_eq!(out.status.code(), Some(1));
    let report = stdout_json(&out);
    assert_eq!(report["reason"], "RESPONSE_MISMATCH");
    assert_eq!(report["mismatches"].as_array().unwrap().len(), 3);

    let reply = run(&["proofspace", "failure-reply", "--message", "Room unavailable"], None);
    assert_eq!(
        stdout_json(&reply),
        json!({"protocolVersion": 1, "ok": false, "error": {"message": "Room unavailable"}})
    );
    let rendered =
        run(&["proofspace", "render", "--param", "Room Number=204", "Welcome to Room {{Room Number}}!"], None);
    assert_eq!(String::from_utf8(rendered.stdout).unwrap(), "Welcome to Room 204!\n");
    let unknown = run(&["proofspace", "render", "Welcome to Room {{Room}}!"], None);
    assert_eq!(unknown.status.code(), Some(1));
}

#[test]
fn rsa_sign_body_verifies_with_verify_body_and_equals_openssl() {
    let body = vector("proofspace/rsa4096-body.json");
    let pem = vector("proofspace/rsa2048-public.pem");
    // PKCS#8 and PKCS#1 PEM give the same, deterministic PKCS#1 v1.5 signature: OpenSSL's.
    let want = text("proofspace/rsa2048-body.sig.b64");
    for key in ["proofspace/rsa2048-private.pk8.pem", "proofspace/rsa2048-private.pkcs1.pem"] {
        let signed = run(&["proofspace", "sign-body", "--secret-key", &vector(key), &body], None);
        assert_eq!(signed.status.code(), Some(0), "{key}: {}", first_stderr_line(&signed));
        let sig = String::from_utf8(signed.stdout).unwrap();
        assert_eq!(sig.trim(), want.trim(), "{key}");
        let ok = run(&["proofspace", "verify-body", "--public-key", &pem, "--signature", sig.trim(), &body], None);
        assert_eq!(stdout_json(&ok), json!({"valid": true}));
    }
    let changed = text("proofspace/rsa4096-body.json").replacen("ev1", "ev2", 1);
    let bad = run(&["proofspace", "verify-body", "--public-key", &pem, "--signature", want.trim()], Some(&changed));
    assert_eq!(stdout_json(&bad), json!({"valid": false, "reason": "SIGNATURE_MISMATCH"}));
    // A public key is not a signing key; neither is an encrypted PKCS#8 file.
    let public = run(&["proofspace", "sign-body", "--secret-key", &pem, &body], None);
    assert_eq!(public.status.code(), Some(1));
    assert!(public.stdout.is_empty());
    assert!(first_stderr_line(&public).starts_with("error: UNSUPPORTED_KEY: "));
}

/// A fresh key from OpenSSL, signed by the CLI, verified by `openssl dgst -sha3-256 -verify`.
#[test]
fn rsa_sign_body_verifies_with_openssl() {
    use std::process::Command;
    let Ok(version) = Command::new("openssl").arg("version").output() else {
        eprintln!("openssl not found: OpenSSL cross-check skipped");
        return;
    };
    assert!(version.status.success());
    let dir = std::env::temp_dir().join(format!("ssi-verify-rsa-sign-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let key = dir.join("key.pem");
    let public = dir.join("public.pem");
    let sig_file = dir.join("sig.bin");
    let body = vector("proofspace/rsa4096-body.json");
    let openssl = |args: &[&str]| {
        let out = Command::new("openssl").args(args).output().unwrap();
        assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    for bits in ["2048", "3072"] {
        let (key_s, public_s) = (key.to_str().unwrap(), public.to_str().unwrap());
        openssl(&["genpkey", "-algorithm", "RSA", "-pkeyopt", &format!("rsa_keygen_bits:{bits}"), "-out", key_s]);
        openssl(&["pkey", "-in", key_s, "-pubout", "-out", public_s]);
        let signed = run(&["proofspace", "sign-body", "--secret-key", key_s, &body], None);
        assert_eq!(signed.status.code(), Some(0), "{}", first_stderr_line(&signed));
        let sig = String::from_utf8(signed.stdout).unwrap();
        let raw = ssi_verify_core::codec::base64_decode(sig.trim()).unwrap();
        std::fs::write(&sig_file, raw).unwrap();
        let verified =
            openssl(&["dgst", "-sha3-256", "-verify", public_s, "-signature", sig_file.to_str().unwrap(), &body]);
        assert_eq!(verified.trim(), "Verified OK");
        let ok = run(&["proofspace", "verify-body", "--public-key", public_s, "--signature", sig.trim(), &body], None);
        assert_eq!(stdout_json(&ok), json!({"valid": true}));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
