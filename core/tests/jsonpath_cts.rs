//! The JSONPath Compliance Test Suite (RFC 9535), every case: invalid selectors must fail to
//! parse; valid ones must select exactly the expected values with the expected normalized paths
//! (or one of the allowed nodelists when member order leaves the result open).
#![cfg(feature = "jsonpath")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

use serde_json::Value as Json;
use ssi_verify_core::json::jsonpath::Query;
use ssi_verify_core::json::Value;
use ssi_verify_core::Limits;

const CTS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/jsonpath-rfc9535-cts/cts.json"));

/// Runs one case; `Err` says why it failed.
fn run(case: &Json) -> Result<(), String> {
    let selector = case["selector"].as_str().unwrap();
    let parsed = Query::parse(selector, &Limits::DEFAULT);
    if case["invalid_selector"].as_bool() == Some(true) {
        return match parsed {
            Err(_) => Ok(()),
            Ok(q) => Err(format!("accepted an invalid selector: {q:?}")),
        };
    }
    let query = parsed.map_err(|e| format!("rejected a valid selector: {e}"))?;
    // The document goes through its JSON text, so member order is the file's.
    let doc = Value::parse(&serde_json::to_string(&case["document"]).unwrap(), &Limits::DEFAULT).unwrap();
    let nodes = query.select(&doc, &Limits::DEFAULT).map_err(|e| format!("selection failed: {e}"))?;
    let values: Vec<Json> = nodes.iter().map(|n| serde_json::from_str(&n.value.to_json()).unwrap()).collect();
    let paths: Vec<Json> = nodes.iter().map(|n| Json::String(n.location.clone())).collect();
    // The values-only and on-demand selections must give the same nodes as the located one.
    let bare = query.select_values(&doc, &Limits::DEFAULT).map_err(|e| format!("select_values failed: {e}"))?;
    let list = query.nodelist(&doc, &Limits::DEFAULT).map_err(|e| format!("nodelist failed: {e}"))?;
    let same = bare.len() == nodes.len()
        && list.len() == nodes.len()
        && nodes.iter().enumerate().all(|(i, n)| {
            bare.get(i).is_some_and(|v| core::ptr::eq(*v, n.value))
                && list.value(i).is_some_and(|v| core::ptr::eq(v, n.value))
                && list.location(i).as_deref() == Some(n.location.as_str())
        });
    if !same {
        return Err(format!("{selector}: select_values / nodelist disagree with select"));
    }
    let (results, result_paths) = match (case.get("result"), case.get("results")) {
        (Some(r), _) => (vec![r.clone()], vec![case["result_paths"].clone()]),
        (None, Some(Json::Array(rs))) => (rs.clone(), case["results_paths"].as_array().unwrap().clone()),
        _ => return Err("case has no expected result".into()),
    };
    assert_eq!(results.len(), result_paths.len(), "{selector}: results and paths differ in count");
    let got_values = Json::Array(values);
    let got_paths = Json::Array(paths);
    if results.iter().zip(&result_paths).any(|(r, p)| *r == got_values && *p == got_paths) {
        Ok(())
    } else {
        Err(format!("got {got_values} at {got_paths}, expected {results:?} at {result_paths:?}"))
    }
}

#[test]
fn compliance_test_suite() {
    let cts: Json = serde_json::from_str(CTS).unwrap();
    let cases = cts["tests"].as_array().unwrap();
    let mut failures = Vec::new();
    for case in cases {
        if let Err(why) = run(case) {
            failures.push(format!("{} [{}]: {why}", case["name"], case["selector"]));
        }
    }
    let passed = cases.len() - failures.len();
    eprintln!("JSONPath CTS: {passed} of {} cases pass", cases.len());
    for f in &failures {
        eprintln!("FAIL {f}");
    }
    assert!(cases.len() >= 700, "the suite shrank: {} cases", cases.len());
    assert!(failures.is_empty(), "{} CTS cases fail", failures.len());
}

/// The same queries selected twice from one parsed `Query` give the same nodes (compiled
/// regexes and the rest of the parsed state are reused, not consumed).
#[test]
fn parsed_queries_are_reusable() {
    let cts: Json = serde_json::from_str(CTS).unwrap();
    for case in cts["tests"].as_array().unwrap() {
        let Some(doc) = case.get("document") else { continue };
        let Ok(q) = Query::parse(case["selector"].as_str().unwrap(), &Limits::DEFAULT) else { continue };
        let doc = Value::parse(&serde_json::to_string(doc).unwrap(), &Limits::DEFAULT).unwrap();
        let first = q.select(&doc, &Limits::DEFAULT).unwrap();
        assert_eq!(first, q.clone().select(&doc, &Limits::DEFAULT).unwrap(), "{}", q.as_str());
    }
}

/// Queries assembled from JSONPath's own characters, mostly invalid: parsing and selecting
/// either succeed or return an error, never panic; a valid query's text round-trips, and its
/// result locations select their nodes again.
mod arbitrary_queries {
    use proptest::prelude::*;
    use ssi_verify_core::json::jsonpath::Query;
    use ssi_verify_core::json::Value;
    use ssi_verify_core::Limits;

    const DOC: &str = r#"{"a":[1,2.0,"x",{"b":[null,true]},[3]],"b":{"a":"é","c":-1e2},"":0}"#;

    fn token() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "$",
            "@",
            ".",
            "..",
            "[",
            "]",
            "?",
            "*",
            ":",
            ",",
            "(",
            ")",
            "'a'",
            "\"b\"",
            "a",
            "b",
            "0",
            "1",
            "-1",
            "2.5",
            " ",
            "!",
            "==",
            "!=",
            "<",
            "<=",
            ">",
            ">=",
            "&&",
            "||",
            "true",
            "null",
            "length(",
            "count(",
            "match(",
            "search(",
            "value(",
            "'.*'",
            "'[a-'",
            "'\\u00e9'",
        ])
    }

    proptest! {
        #[test]
        fn never_panics(tokens in prop::collection::vec(token(), 0..24)) {
            let text: String = tokens.concat();
            let limits = Limits::DEFAULT;
            let doc = Value::parse(DOC, &limits).unwrap();
            if let Ok(q) = Query::parse(&text, &limits) {
                prop_assert_eq!(q.as_str(), text.as_str());
                // Every location is itself a query selecting exactly that node.
                for node in q.select(&doc, &limits).unwrap() {
                    let back = ssi_verify_core::json::jsonpath::select(&node.location, &doc, &limits).unwrap();
                    prop_assert_eq!(back, vec![node.clone()]);
                }
            }
        }
    }
}
