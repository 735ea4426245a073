#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg(feature = "jcs")]
//! RFC 8785 conformance: the cyberphone/json-canonicalization test data and the first 100,000
//! lines of its ES6 number file, plus properties checked against serde_json.

use proptest::prelude::*;
use ssi_verify_core::json::{jcs, Number, Value};
use ssi_verify_core::{ErrorCode, Limits};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/jcs-rfc8785");
const CASES: [&str; 6] = ["arrays", "french", "structures", "unicode", "values", "weird"];

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_input_matches_output_and_outhex() {
    for name in CASES {
        let input = read(&format!("{DIR}/input/{name}.json"));
        let expected = std::fs::read(format!("{DIR}/output/{name}.json")).unwrap();
        let hex: Vec<u8> = read(&format!("{DIR}/outhex/{name}.txt"))
            .split_whitespace()
            .map(|b| u8::from_str_radix(b, 16).unwrap())
            .collect();
        assert_eq!(expected, hex, "{name}: output and outhex disagree");
        let got = jcs::canonicalize_str(&input, &Limits::DEFAULT).unwrap();
        assert_eq!(got.as_bytes(), expected.as_slice(), "{name}");
        // Canonical text is a fixed point.
        assert_eq!(jcs::canonicalize_str(&got, &Limits::DEFAULT).unwrap(), got, "{name}");
    }
    println!("RFC 8785 JCS files: {}/{} passed", CASES.len(), CASES.len());
}

#[test]
fn es6_number_file_first_100k_lines() {
    let text = read(&format!("{DIR}/es6testfile_first100k.txt"));
    let mut count = 0usize;
    for line in text.lines() {
        let (bits, expected) = line.split_once(',').unwrap();
        let f = f64::from_bits(u64::from_str_radix(bits, 16).unwrap());
        // Rust's `{:e}` is the shortest text that parses back to the same double, and it is a
        // JSON number, so the lexeme handed to format_number denotes exactly this double.
        let lexeme = format!("{f:e}");
        let n = Number::new(&lexeme).unwrap_or_else(|| panic!("{lexeme} is not a JSON number"));
        assert_eq!(jcs::format_number(&n).unwrap(), expected, "line {count}: bits {bits}");
        count += 1;
    }
    assert_eq!(count, 100_000);
    println!("RFC 8785 ES6 number file: {count}/{count} passed");
}

#[test]
fn strict_parsing_and_ijson_numbers() {
    let l = Limits::DEFAULT;
    assert_eq!(jcs::canonicalize_str(r#"{"a":1,"a":2}"#, &l).unwrap_err().code(), ErrorCode::DuplicateKey);
    assert_eq!(jcs::canonicalize_str(r#"["\ud800"]"#, &l).unwrap_err().code(), ErrorCode::LoneSurrogate);
    assert_eq!(jcs::canonicalize_str("[1e400]", &l).unwrap_err().code(), ErrorCode::NumberNotIJson);
    assert_eq!(jcs::canonicalize_str("[-1e309]", &l).unwrap_err().code(), ErrorCode::NumberNotIJson);
    assert_eq!(jcs::canonicalize_str("[1,]", &l).unwrap_err().code(), ErrorCode::InvalidJson);
    let deep = "[".repeat(65) + &"]".repeat(65);
    assert_eq!(jcs::canonicalize_str(&deep, &l).unwrap_err().code(), ErrorCode::NestingTooDeep);
    // Escapes: only the JCS short forms and lower-case \u00xx for other controls.
    assert_eq!(
        jcs::canonicalize_str(r#""\u0041\u000b\u001F\/\u007f\u00e9\ud83d\ude00""#, &l).unwrap(),
        "\"A\\u000b\\u001f/\u{7f}é😀\""
    );
    // Nested members sort too; arrays keep their order.
    assert_eq!(
        jcs::canonicalize_str(r#"{"b":{"d":1,"c":2},"a":[3,1]}"#, &l).unwrap(),
        r#"{"a":[3,1],"b":{"c":2,"d":1}}"#
    );
    assert_eq!(jcs::canonicalize(&Value::Null, &l).unwrap(), "null");
}

/// serde_json values, numbers compared as doubles (JCS maps every number onto one).
fn same(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value as J;
    match (a, b) {
        // serde_json is built with `float_roundtrip` (correctly rounded parsing), so equal means equal.
        (J::Number(x), J::Number(y)) => x.as_f64().unwrap() == y.as_f64().unwrap(),
        (J::Array(x), J::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q)),
        (J::Object(x), J::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

fn json_strategy() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(serde_json::Value::Null, serde_json::Value::Number)),
        any::<String>().prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::vec((any::<String>(), inner), 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn canonical_form_is_idempotent_and_means_the_same(v in json_strategy()) {
        let text = serde_json::to_string_pretty(&v).unwrap();
        let canon = jcs::canonicalize_str(&text, &Limits::DEFAULT).unwrap();
        prop_assert_eq!(jcs::canonicalize_str(&canon, &Limits::DEFAULT).unwrap(), canon.clone());
        let back: serde_json::Value = serde_json::from_str(&canon).unwrap();
        prop_assert!(same(&back, &v), "{} -> {}", text, canon);
        // Member names come out in UTF-16 order at every level.
        let mut stack = vec![&back];
        while let Some(node) = stack.pop() {
            match node {
                serde_json::Value::Object(m) => {
                    let names: Vec<Vec<u16>> = m.keys().map(|k| k.encode_utf16().collect()).collect();
                    prop_assert!(names.windows(2).all(|w| w[0] < w[1]));
                    stack.extend(m.values());
                }
                serde_json::Value::Array(a) => stack.extend(a),
                _ => {}
            }
        }
    }
}
