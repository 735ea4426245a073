//! `ssi-verify rdfc [FILE]`: the canonical N-Quads of every SHA-256 eval test of the W3C
//! RDFC-1.0 suite, byte for byte; the poison clique and malformed input refused with their codes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code: a panic is a failed test

mod common;

use common::{first_stderr_line, run};

const SUITE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/rdf-canon");

#[test]
fn rdfc_prints_exactly_the_suites_expected_bytes() {
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{SUITE}/manifest.jsonld")).unwrap()).unwrap();
    let mut passed = 0;
    for entry in manifest["entries"].as_array().unwrap() {
        if entry["type"] != "rdfc:RDFC10EvalTest" || entry.get("hashAlgorithm").is_some() {
            continue;
        }
        let input = format!("{SUITE}/{}", entry["action"].as_str().unwrap());
        let out = run(&["rdfc", &input], None);
        assert_eq!(out.status.code(), Some(0), "{}: {}", entry["id"], first_stderr_line(&out));
        let want = std::fs::read(format!("{SUITE}/{}", entry["result"].as_str().unwrap())).unwrap();
        assert_eq!(out.stdout, want, "{}", entry["id"]);
        passed += 1;
    }
    assert_eq!(passed, 63, "every SHA-256 eval test");
    // Standard input works the same.
    let out = run(&["rdfc"], Some("_:x <urn:ex:p> \"v\" .\n"));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "_:c14n0 <urn:ex:p> \"v\" .\n");
}

#[test]
fn rdfc_refuses_poison_and_malformed_input() {
    let out = run(&["rdfc", &format!("{SUITE}/rdfc10/test074-in.nq")], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(
        first_stderr_line(&out).starts_with("error: CANONICALIZATION_TOO_COMPLEX: "),
        "{}",
        first_stderr_line(&out)
    );
    let out = run(&["rdfc"], Some("<relative> <urn:p> <urn:o> .\n"));
    assert_eq!(out.status.code(), Some(1));
    assert!(first_stderr_line(&out).starts_with("error: INVALID_NQUADS: "));
    let out = run(&["rdfc", "a", "b"], None);
    assert_eq!(out.status.code(), Some(2));
}
