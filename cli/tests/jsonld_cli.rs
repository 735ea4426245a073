//! `ssi-verify jsonld to-rdf [FILE]` driven as an outside conformance suite would.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code: a panic is a failed test

mod common;

use common::{first_stderr_line, run};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

#[test]
fn to_rdf_prints_one_quad_per_line() {
    let doc = r#"{"@context":{"@vocab":"http://ex/"},"@id":"http://ex/s","p":["a",{"q":1}]}"#;
    let out = run(&["jsonld", "to-rdf"], Some(doc));
    assert_eq!(out.status.code(), Some(0), "{}", first_stderr_line(&out));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        // Subjects in code-point order of their identifiers: "_:b0" before "http://...".
        concat!(
            "_:b0 <http://ex/q> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n",
            "<http://ex/s> <http://ex/p> \"a\" .\n",
            "<http://ex/s> <http://ex/p> _:b0 .\n",
        )
    );
}

#[test]
fn to_rdf_of_a_credential_file_uses_the_bundled_contexts() {
    let file = format!("{ROOT}/tests/vectors/data-integrity/w3c-vc-di-eddsa/TestVectors/unsigned.json");
    let out = run(&["jsonld", "to-rdf", &file], None);
    assert_eq!(out.status.code(), Some(0), "{}", first_stderr_line(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.ends_with(" .\n") && text.lines().all(|l| l.ends_with(" .")));
    assert!(text.contains("<https://www.w3.org/2018/credentials#credentialSubject>"));
}

#[test]
fn unknown_context_and_bad_input_are_errors() {
    let out = run(&["jsonld", "to-rdf"], Some(r#"{"@context":"https://example.org/unknown","a":1}"#));
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(first_stderr_line(&out).starts_with("error: UNKNOWN_CONTEXT: "), "{}", first_stderr_line(&out));
    let out =
        run(&["jsonld", "to-rdf"], Some(r#"{"@context":[{"@protected":true,"a":"http://a/"},{"a":"http://b/"}]}"#));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(first_stderr_line(&out), "error: INVALID_JSON_LD: protected term redefinition");
    assert_eq!(run(&["jsonld"], None).status.code(), Some(2));
    assert_eq!(run(&["jsonld", "frame"], None).status.code(), Some(2));
}
