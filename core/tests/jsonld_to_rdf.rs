//! The W3C JSON-LD 1.1 API `toRdf` test suite (tests/vectors/jsonld-toRdf, see its SOURCE.md)
//! run through `jsonld::to_rdf`, printing its pass count
//! (`cargo test -p ssi-verify-core --no-default-features --features jsonld --test jsonld_to_rdf -- --nocapture`).
//!
//! Positive tests compare the produced dataset with the expected N-Quads as RDF datasets
//! (isomorphic up to blank node labels); negative tests must fail with the specification's
//! error code (our `INVALID_JSON_LD` detail), or `UNKNOWN_CONTEXT` where the suite expects a
//! loading failure. Every test not run is listed with its reason in
//! `tests/data/jsonld_to_rdf_skips.txt`; every other test must pass.
#![cfg(feature = "jsonld")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

mod jsonld_common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use jsonld_common::{isomorphic, parse_nquads};

use serde_json::Value as Json;
use ssi_verify_core::json::Value;
use ssi_verify_core::jsonld::{to_nquads, to_rdf, ContextStore, Options};
use ssi_verify_core::{ErrorCode, Limits};

const BASE_IRI: &str = "https://w3c.github.io/json-ld-api/tests/";

fn suite_dir() -> String {
    format!("{}/../tests/vectors/jsonld-toRdf", env!("CARGO_MANIFEST_DIR"))
}

fn register_dir(store: &mut ContextStore, dir: &Path, rel: &str) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        let rel_name = format!("{rel}{name}");
        if entry.file_type().unwrap().is_dir() {
            register_dir(store, &entry.path(), &format!("{rel_name}/"));
        } else if name.ends_with(".jsonld") || name.ends_with(".json") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            // Documents that are not JSON stay unregistered: loading them fails.
            let _ = store.register(&format!("{BASE_IRI}{rel_name}"), &text, &Limits::DEFAULT);
        }
    }
}

// ---- the suite -------------------------------------------------------------------------

fn skips() -> BTreeMap<String, String> {
    let text =
        std::fs::read_to_string(format!("{}/tests/data/jsonld_to_rdf_skips.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("# "))
        .map(|l| {
            let (id, reason) = l.split_once('\t').unwrap_or_else(|| panic!("skip line without a tab: {l}"));
            (id.trim().to_string(), reason.trim().to_string())
        })
        .collect()
}

enum Outcome {
    Pass,
    Fail(String),
}

fn run_test(t: &Json, store: &ContextStore, dir: &str) -> Outcome {
    let input_path = t["input"].as_str().unwrap();
    let text = std::fs::read_to_string(format!("{dir}/{input_path}")).unwrap();
    let opt = &t["option"];
    let doc = match Value::parse(&text, &Limits::DEFAULT) {
        Ok(d) => d,
        Err(e) => return Outcome::Fail(format!("input does not parse: {e}")),
    };
    let base = opt["base"].as_str().map(String::from).unwrap_or_else(|| format!("{BASE_IRI}{input_path}"));
    let expand_context = opt["expandContext"]
        .as_str()
        .map(|p| Value::parse(&std::fs::read_to_string(format!("{dir}/{p}")).unwrap(), &Limits::DEFAULT).unwrap());
    let options = Options { base: Some(base), expand_context, safe_mode: false };
    let result = to_rdf(&doc, store, &options, &Limits::DEFAULT);
    let types: Vec<&str> = t["@type"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    if types.contains(&"jld:NegativeEvaluationTest") {
        let want = t["expectErrorCode"].as_str().unwrap();
        return match result {
            Ok(q) => Outcome::Fail(format!("expected error {want:?}, got {} quads", q.len())),
            Err(e) if e.code() == ErrorCode::InvalidJsonLd && e.detail() == want => Outcome::Pass,
            Err(e) if e.code() == ErrorCode::UnknownContext && want.starts_with("loading") => Outcome::Pass,
            Err(e) => Outcome::Fail(format!("expected error {want:?}, got {e}")),
        };
    }
    let quads = match result {
        Ok(q) => q,
        Err(e) => return Outcome::Fail(format!("error {e}")),
    };
    if types.contains(&"jld:PositiveSyntaxTest") {
        return Outcome::Pass;
    }
    let got_text = to_nquads(&quads);
    let got = parse_nquads(&got_text);
    let want_text = std::fs::read_to_string(format!("{dir}/{}", t["expect"].as_str().unwrap())).unwrap();
    let want = parse_nquads(&want_text);
    if isomorphic(&got, &want) {
        Outcome::Pass
    } else {
        Outcome::Fail(format!("dataset differs\n--- got\n{got_text}--- want\n{want_text}"))
    }
}

#[test]
fn w3c_jsonld_to_rdf_suite() {
    let dir = suite_dir();
    let mut store = ContextStore::bundled();
    register_dir(&mut store, Path::new(&format!("{dir}/toRdf")), "toRdf/");
    let manifest: Json =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/toRdf-manifest.jsonld")).unwrap()).unwrap();
    let tests = manifest["sequence"].as_array().unwrap();
    let skips = skips();
    let ids: BTreeSet<&str> = tests.iter().map(|t| t["@id"].as_str().unwrap()).collect();
    for id in skips.keys() {
        assert!(ids.contains(id.as_str()), "skip list names unknown test {id}");
    }
    let (mut passed, mut skipped) = (0, 0);
    let mut failures = Vec::new();
    let mut listed_but_passing = Vec::new();
    let verbose = std::env::var_os("JSONLD_VERBOSE").is_some();
    for t in tests {
        let id = t["@id"].as_str().unwrap();
        let outcome =
            std::panic::catch_unwind(|| run_test(t, &store, &dir)).unwrap_or(Outcome::Fail("panicked".into()));
        match (outcome, skips.get(id)) {
            (Outcome::Pass, None) => passed += 1,
            (Outcome::Pass, Some(_)) => {
                skipped += 1;
                listed_but_passing.push(id);
            }
            (Outcome::Fail(_), Some(_)) => skipped += 1,
            (Outcome::Fail(why), None) => {
                if verbose {
                    println!("FAIL {id} {}: {why}", t["name"]);
                }
                failures.push(id);
            }
        }
    }
    println!(
        "JSON-LD 1.1 toRdf: {passed}/{} passed, {skipped} skipped (listed with reasons), {} failed",
        tests.len(),
        failures.len()
    );
    assert!(
        listed_but_passing.is_empty(),
        "listed as skipped but passing (remove from the list): {listed_but_passing:?}"
    );
    assert!(failures.is_empty(), "failing tests not in the skip list: {failures:?}");
    assert_eq!(passed + skipped, tests.len());
}
