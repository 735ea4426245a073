//! Laws that must hold for every input, checked with proptest.
#![cfg(feature = "smartid")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

use proptest::prelude::*;
use ssi_verify_core::codec::base64_encode;
use ssi_verify_core::json::{self, Value};
use ssi_verify_core::smartid::{self, Flow, Interaction, InteractionType, Reading};
use ssi_verify_core::Limits;

fn interaction_type() -> impl Strategy<Value = InteractionType> {
    prop_oneof![
        Just(InteractionType::DisplayTextAndPin),
        Just(InteractionType::ConfirmationMessage),
        Just(InteractionType::ConfirmationMessageAndVerificationCodeChoice),
    ]
}

/// A list of distinct types, each with a text of 1 to its maximum scalar values (any char).
fn interactions() -> impl Strategy<Value = Vec<(InteractionType, String)>> {
    proptest::sample::subsequence(InteractionType::ALL.to_vec(), 1..=3)
        .prop_shuffle()
        .prop_flat_map(|types| {
            let texts: Vec<_> = types
                .iter()
                .map(|t| proptest::collection::vec(any::<char>(), 1..=t.text_field().max_chars()))
                .collect();
            (Just(types), texts)
        })
        .prop_map(|(types, texts)| types.into_iter().zip(texts.into_iter().map(|c| c.into_iter().collect())).collect())
}

/// Escapes every character as `\uXXXX` (surrogate pairs above the BMP).
fn escape_all(s: &str) -> String {
    let mut out = String::new();
    for unit in s.encode_utf16() {
        out.push_str(&format!("\\u{unit:04x}"));
    }
    out
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(serde_json::Value::from),
        "\\PC{0,12}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            proptest::collection::btree_map("[a-z]{1,4}", inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn encode_then_decode_is_identity(items in interactions()) {
        let borrowed: Vec<Interaction<'_>> = items.iter().map(|(k, t)| Interaction { kind: *k, text: t }).collect();
        let b64 = smartid::encode(&borrowed, Reading::Strict(Flow::Notification)).unwrap();
        let back = smartid::decode(&b64, Flow::Notification, &Limits::DEFAULT).unwrap();
        prop_assert_eq!(&back.base64, &b64);
        let got: Vec<(InteractionType, String)> = back.items.into_iter().map(|i| (i.kind, i.text)).collect();
        prop_assert_eq!(got, items);
    }

    #[test]
    fn escaped_and_raw_texts_decode_alike(kind in interaction_type(), text in "\\PC{1,60}") {
        let field = kind.text_field().name();
        let raw = serde_json::json!([{ "type": kind.name(), field: text }]).to_string();
        let escaped = format!(r#"[{{"type":"{}","{}":"{}"}}]"#, kind.name(), field, escape_all(&text));
        let a = smartid::decode(&base64_encode(raw.as_bytes()), Flow::Notification, &Limits::DEFAULT);
        let b = smartid::decode(&base64_encode(escaped.as_bytes()), Flow::Notification, &Limits::DEFAULT);
        match (a, b) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a.items, b.items),
            (Err(a), Err(b)) => prop_assert_eq!(a.code(), b.code()),
            (a, b) => prop_assert!(false, "raw {:?} vs escaped {:?}", a, b),
        }
    }

    #[test]
    fn zero_heap_and_alloc_paths_agree(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let b64 = base64_encode(&bytes);
        let owned = smartid::read(&b64, Reading::Wallet, &Limits::DEFAULT);
        let mut scratch = vec![0u8; smartid::scratch_len(b64.len())];
        let borrowed = smartid::read_in(&b64, Reading::Wallet, &Limits::DEFAULT, &mut scratch).map(|l| l.to_list());
        prop_assert_eq!(owned, borrowed);
    }

    #[test]
    fn decode_never_panics(text in "\\PC{0,300}") {
        let _ = smartid::decode(&text, Flow::DeviceLink, &Limits::DEFAULT);
        let _ = smartid::select(&text, &InteractionType::ALL, &Limits::DEFAULT);
        let _ = json::validate(&text, &Limits::DEFAULT);
        let _ = Value::parse(&text, &Limits::DEFAULT);
    }

    #[test]
    fn lexer_agrees_with_serde_json_on_validity(text in "[\\[\\]{}\":,0-9a-z \\\\.E+-]{0,40}") {
        // serde_json accepts the same grammar except lone surrogates and duplicate keys,
        // which this alphabet cannot produce.
        let ours = json::validate(&text, &Limits::DEFAULT).is_ok();
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        // serde_json also refuses numbers beyond f64's range; RFC 8259 does not.
        let out_of_range = matches!(&theirs, Err(e) if e.to_string().contains("out of range"));
        prop_assert!(ours == theirs.is_ok() || (ours && out_of_range), "{:?}", text);
    }

    #[test]
    fn minify_is_idempotent_and_keeps_the_value(v in json_value()) {
        let pretty = serde_json::to_string_pretty(&v).unwrap();
        let mut once = String::new();
        json::minify(&mut once, &pretty).unwrap();
        let mut twice = String::new();
        json::minify(&mut twice, &once).unwrap();
        prop_assert_eq!(&once, &twice);
        prop_assert_eq!(Value::parse(&once, &Limits::DEFAULT).unwrap(), Value::parse(&pretty, &Limits::DEFAULT).unwrap());
        prop_assert_eq!(serde_json::from_str::<serde_json::Value>(&once).unwrap(), v);
    }
}
