//! `vc verify` and the issue-12 options of `pe verify` (`--status-list URL=FILE`...,
//! `--profile`, `--now`, `--leeway`, JWT VPs), driven as an outside conformance suite would.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

mod common;

use common::{first_stderr_line, run, stdout_json};
use serde_json::json;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
const NOW: &str = "1767225600";
const URL: &str = "https://status.example.org/credentials/status/1";
const NONCE: &str = "5GpefxLWz3BzLmR69b4wskqeYgE5ZZ21jAvgLXNZNAe4";

fn sample(name: &str) -> String {
    format!("{ROOT}/samples/gataca/issue12/{name}")
}

fn list() -> String {
    format!("{URL}={}", sample("status-list.json"))
}

#[test]
fn vc_verify_reads_all_three_input_forms() {
    for (file, format, suite) in [
        ("vc-es256.jwt", "jwt_vc", "ES256"),
        ("vc-es256k.json", "jwt_vc", "ES256K"),
        ("vc-jcs.json", "ldp_vc", "JcsEd25519Signature2020"),
    ] {
        let out = run(&["vc", "verify", "--now", NOW, "--status-list", &list(), &sample(file)], None);
        assert_eq!(out.status.code(), Some(0), "{file}: {}", first_stderr_line(&out));
        let report = stdout_json(&out);
        assert_eq!(report["valid"], json!(true));
        assert_eq!(report["format"], json!(format));
        assert_eq!(report["suite"], json!(suite));
        assert!(report["issuer"].as_str().unwrap().starts_with("did:key:z"));
        assert_eq!(report["checks"], json!(["credentialProof", "issuer", "credentialStatus"]));
        let keys: Vec<&str> = report.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["valid", "format", "suite", "issuer", "checks", "warnings", "errors"]);
    }
    // Standard input, and the same list given twice (repeated option, later one wins).
    let text = std::fs::read_to_string(sample("vc-es256.jwt")).unwrap();
    let out = run(&["vc", "verify", "--now", NOW, "--status-list", &list(), "--status-list", &list()], Some(&text));
    assert_eq!(out.status.code(), Some(0), "{}", first_stderr_line(&out));
}

#[test]
fn vc_verify_exit_codes() {
    // Checked and invalid: JSON with valid:false, exit 1.
    for (file, error) in [
        ("vc-es256-revoked.jwt", "Credential status not valid (CREDENTIAL_REVOKED)"),
        ("vc-es256-tampered.jwt", "Credential couldn't be cryptographically validated (SIGNATURE_MISMATCH)"),
    ] {
        let out = run(&["vc", "verify", "--now", NOW, "--status-list", &list(), &sample(file)], None);
        assert_eq!(out.status.code(), Some(1));
        let report = stdout_json(&out);
        assert_eq!(report["valid"], json!(false));
        assert_eq!(report["errors"], json!([error]));
    }
    // Expired (2031) beyond the leeway; inside it with a large leeway.
    let late = run(&["vc", "verify", "--now", "1924992000", "--status-list", &list(), &sample("vc-jcs.json")], None);
    assert_eq!(stdout_json(&late)["errors"], json!(["Credential status not valid (CREDENTIAL_EXPIRED)"]));
    let lenient = run(
        &["vc", "verify", "--now", "1893456100", "--leeway", "200", "--status-list", &list(), &sample("vc-jcs.json")],
        None,
    );
    assert_eq!(lenient.status.code(), Some(0), "{}", first_stderr_line(&lenient));
    // Could not check: no JSON, the code on stderr.
    let missing = run(&["vc", "verify", "--now", NOW, &sample("vc-es256.jwt")], None);
    assert_eq!(missing.status.code(), Some(1));
    assert!(missing.stdout.is_empty());
    assert!(first_stderr_line(&missing).starts_with("error: STATUS_LIST_MISSING: "));
    // ... which the gataca profile reports as a warning.
    let gataca = run(&["vc", "verify", "--now", NOW, "--profile", "gataca", &sample("vc-es256.jwt")], None);
    assert_eq!(gataca.status.code(), Some(0));
    assert_eq!(stdout_json(&gataca)["warnings"], json!(["urn:uuid:es256-7 credential status not available."]));
    // A DER signature is refused with its code.
    let token = std::fs::read_to_string(sample("vc-es256.jwt")).unwrap();
    let head = token.trim().rsplit_once('.').unwrap().0;
    let der = format!(
        "{head}.MEUCIA7RIVN5Y2xIPC9_FVgH1AKjsigDOvl8fheBmsMWnqZlAiEAxQoH04w8cOXY8S2vCEpUgKZlkMXyk1Cajz9_ioOjVNU"
    );
    let out = run(&["vc", "verify", "--now", NOW, "--profile", "gataca"], Some(&der));
    assert!(first_stderr_line(&out).starts_with("error: ECDSA_SIGNATURE_NOT_RAW: "), "{}", first_stderr_line(&out));
    // Usage errors.
    for args in [
        &["vc", "verify", "--profile", "lax"][..],
        &["vc", "verify", "--status-list", "no-equals-sign"][..],
        &["vc", "verify", "--now", "soon"][..],
        &["vc", "verify", "--now", "1", "--now", "2"][..],
    ] {
        assert_eq!(run(args, Some("{}")).status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn pe_verify_profiles_status_lists_and_jwt_vps() {
    let seed = format!("{ROOT}/samples/gataca/presentation-definition.json");
    for vp in ["vp-es256.json", "vp-es256k.json", "vp-jcs.json", "vp-es256k.jwt"] {
        let out = run(
            &[
                "pe",
                "verify",
                "--definition",
                &seed,
                "--profile",
                "gataca",
                "--challenge",
                NONCE,
                "--now",
                NOW,
                &sample(vp),
            ],
            None,
        );
        assert_eq!(out.status.code(), Some(0), "{vp}: {}", first_stderr_line(&out));
    }
    let revoked = run(
        &[
            "pe",
            "verify",
            "--definition",
            &seed,
            "--profile",
            "gataca",
            "--challenge",
            NONCE,
            "--now",
            NOW,
            "--status-list",
            &list(),
            &sample("vp-es256-revoked.json"),
        ],
        None,
    );
    assert_eq!(revoked.status.code(), Some(1));
    let errors = stdout_json(&revoked)["errors"].clone();
    assert!(errors.as_array().unwrap().contains(&json!("Credential 0 status not valid (CREDENTIAL_REVOKED)")));
    let (resigned, store, vp) =
        (sample("presentation-definition-resigned.json"), sample("trust-store.json"), sample("vp-es256.json"));
    let strict = |extra: &[&str]| {
        let mut args = vec![
            "pe",
            "verify",
            "--definition",
            &resigned,
            "--trust-store",
            &store,
            "--challenge",
            NONCE,
            "--now",
            NOW,
        ];
        args.extend_from_slice(extra);
        run(&args, None)
    };
    let l = list();
    let ok = strict(&["--status-list", &l, &vp]);
    assert_eq!(ok.status.code(), Some(0), "{}", first_stderr_line(&ok));
    assert!(stdout_json(&ok)["checks"].as_array().unwrap().contains(&json!("definitionProof")));
    let missing = strict(&[&vp]);
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(
        stdout_json(&missing)["errors"],
        json!(["Credential 0 status couldn't be verified (STATUS_LIST_MISSING)"])
    );
}
