#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![cfg(feature = "jcs")]
//! `jcs::canonicalize_str` reads text straight to canonical text; these properties hold it to
//! the tree path it replaced, `jcs::canonicalize(&Value::parse(text))`: the same bytes for every
//! text both accept, the same error (code, message and offset) for every text either refuses.
//! The generated texts mix escaped and raw spellings of the same characters (so escaped names
//! collide with raw ones), names whose UTF-16 order differs from their UTF-8 order, numbers in
//! every JSON form including ones beyond the double range, and, some of the time, one character
//! dropped or inserted.

use proptest::prelude::*;
use ssi_verify_core::json::{jcs, Value};
use ssi_verify_core::{Error, ErrorCode, Limits};

fn tree(text: &str, limits: &Limits) -> Result<String, Error> {
    jcs::canonicalize(&Value::parse(text, limits)?, limits)
}

/// Characters where JCS is easy to get wrong: escapes, controls, and both sides of the place
/// where UTF-16 and UTF-8 order part (U+E000..U+FFFF against U+10000 and up).
const CHARS: [char; 24] = [
    'a',
    'b',
    'A',
    '_',
    'é',
    '€',
    '"',
    '\\',
    '/',
    '\u{0}',
    '\u{1f}',
    '\u{7f}',
    '\n',
    '\t',
    '\u{8}',
    '\u{c}',
    '\r',
    '\u{e000}',
    '\u{fffd}',
    '\u{ffff}',
    '\u{10000}',
    '\u{1f600}',
    '\u{10ffff}',
    '\u{d7ff}',
];

/// One character as JSON string content: raw where JSON allows it, or as one of its escapes.
fn spell(c: char, how: u8) -> String {
    let short = match c {
        '"' => Some("\\\""),
        '\\' => Some("\\\\"),
        '/' => Some("\\/"),
        '\u{8}' => Some("\\b"),
        '\u{c}' => Some("\\f"),
        '\n' => Some("\\n"),
        '\r' => Some("\\r"),
        '\t' => Some("\\t"),
        _ => None,
    };
    let unicode = |upper: bool| {
        let mut units = [0u16; 2];
        c.encode_utf16(&mut units)
            .iter()
            .map(|u| if upper { format!("\\u{u:04X}") } else { format!("\\u{u:04x}") })
            .collect::<String>()
    };
    let raw_ok = c != '"' && c != '\\' && u32::from(c) >= 0x20;
    match how % 4 {
        0 | 1 if raw_ok => c.to_string(),
        0 | 1 => short.map_or_else(|| unicode(false), String::from),
        2 => unicode(false),
        _ => unicode(true),
    }
}

fn string_text(max: usize) -> impl Strategy<Value = String> {
    let ch = prop_oneof![4 => prop::sample::select(&CHARS[..]), 1 => any::<char>()];
    prop::collection::vec((ch, any::<u8>()), 0..max)
        .prop_map(|cs| format!("\"{}\"", cs.into_iter().map(|(c, how)| spell(c, how)).collect::<String>()))
}

/// Names from a few characters, so that members repeat (spelled differently) now and then.
fn name_text() -> impl Strategy<Value = String> {
    let ch = prop::sample::select(&['a', 'b', '\u{e000}', '\u{ffff}', '\u{10000}', '"', '\n'][..]);
    prop::collection::vec((ch, any::<u8>()), 0..3)
        .prop_map(|cs| format!("\"{}\"", cs.into_iter().map(|(c, how)| spell(c, how)).collect::<String>()))
}

fn digits(n: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(0u8..10, n).prop_map(|d| d.into_iter().map(|d| char::from(b'0' + d)).collect())
}

fn int_text() -> impl Strategy<Value = String> {
    (any::<bool>(), 1u8..10, digits(0..20))
        .prop_map(|(neg, lead, rest)| format!("{}{lead}{rest}", if neg { "-" } else { "" }))
}

fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(
            &[
                "0",
                "-0",
                "0.0",
                "-0.0",
                "1e400",
                "-1e400",
                "1e-400",
                "9007199254740992",
                "9007199254740993",
                "-9007199254740993",
                "1E2",
                "1e21",
                "1e-7",
                "123456789012345678901234",
                "4.9e-324",
                "1.7976931348623157e308",
                "1.7976931348623159e308",
            ][..]
        )
        .prop_map(String::from),
        int_text(),
        (int_text(), digits(1..20)).prop_map(|(i, f)| format!("{i}.{f}")),
        (int_text(), prop::sample::select(&["e", "E", "e+", "e-", "E-", "E+"][..]), 0u16..420)
            .prop_map(|(m, e, x)| format!("{m}{e}{x}")),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| format!("{f:e}")),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| format!("{f}")),
    ]
}

fn space() -> impl Strategy<Value = &'static str> {
    prop::sample::select(&["", "", " ", "\n  ", "\t", "\r\n"][..])
}

fn json_text() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        3 => string_text(8),
        3 => number_text(),
        1 => prop::sample::select(&["null", "true", "false"][..]).prop_map(String::from),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec((space(), inner.clone(), space()), 0..6).prop_map(|items| {
                let parts: Vec<String> = items.into_iter().map(|(a, v, b)| format!("{a}{v}{b}")).collect();
                format!("[{}]", parts.join(","))
            }),
            prop::collection::vec((name_text(), space(), inner), 0..6).prop_map(|members| {
                let parts: Vec<String> = members.into_iter().map(|(k, s, v)| format!("{s}{k}{s}:{s}{v}")).collect();
                format!("{{{}}}", parts.join(","))
            }),
        ]
    })
}

/// A text, sometimes with one character dropped or one inserted (bytes that matter to JSON).
fn maybe_broken() -> impl Strategy<Value = String> {
    (
        json_text(),
        0u8..4,
        any::<prop::sample::Index>(),
        prop::sample::select(&[',', ']', '}', '"', ':', '1', '\\', ' ', 'x'][..]),
    )
        .prop_map(|(text, op, at, c)| {
            let chars: Vec<char> = text.chars().collect();
            let i = at.index(chars.len() + 1);
            let mut chars = chars;
            match op {
                0 if i < chars.len() => {
                    chars.remove(i);
                }
                1 => chars.insert(i, c),
                _ => {}
            }
            chars.into_iter().collect()
        })
}

fn limits() -> impl Strategy<Value = Limits> {
    prop_oneof![
        3 => Just(Limits::DEFAULT),
        1 => (1usize..6, 1usize..40, 1usize..24, 8usize..400).prop_map(|(d, i, s, n)| Limits {
            max_depth: d,
            max_items: i,
            max_string_bytes: s,
            max_input_bytes: n,
            ..Limits::DEFAULT
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    #[test]
    fn text_path_equals_tree_path(text in maybe_broken(), limits in limits()) {
        prop_assert_eq!(jcs::canonicalize_str(&text, &limits), tree(&text, &limits), "{:?}", text);
    }
}

#[test]
fn utf16_order_and_escaped_names() {
    let l = Limits::DEFAULT;
    let text = "{\"\\uffff\":1,\"\u{10000}\":2,\"\\ue000\":3,\"\\ud800\\udc01\":4,\"a\":5,\"\\u0061b\":6}";
    let want = "{\"a\":5,\"ab\":6,\"\u{10000}\":2,\"\u{10001}\":4,\"\u{e000}\":3,\"\u{ffff}\":1}";
    assert_eq!(jcs::canonicalize_str(text, &l).unwrap(), want);
    assert_eq!(tree(text, &l).unwrap(), want);
    // The same name, raw in one member and escaped in the other.
    let dup = "{\"b\":{\"\u{10000}\":1,\"\\ud800\\udc00\":2}}";
    let e = jcs::canonicalize_str(dup, &l).unwrap_err();
    assert_eq!(e.code(), ErrorCode::DuplicateKey);
    assert_eq!(e, tree(dup, &l).unwrap_err());
}

#[test]
fn errors_come_in_the_tree_paths_order() {
    let l = Limits::DEFAULT;
    for (text, code) in [
        // The whole text is checked before a number beyond the double range is reported.
        ("[1e400, x]", ErrorCode::InvalidJson),
        ("[1e400, {\"a\":1,\"a\":2}]", ErrorCode::DuplicateKey),
        ("{\"a\":1e400,\"a\":2}", ErrorCode::DuplicateKey),
        ("[{\"a\":1,\"a\":2}, x]", ErrorCode::DuplicateKey),
        ("[1e400, 1e999]", ErrorCode::NumberNotIJson),
        ("[1e400, \"\\ud800\"]", ErrorCode::LoneSurrogate),
        ("", ErrorCode::InvalidJson),
        ("{\"a\":1} x", ErrorCode::InvalidJson),
    ] {
        let ours = jcs::canonicalize_str(text, &l).unwrap_err();
        assert_eq!(ours.code(), code, "{text}");
        assert_eq!(ours, tree(text, &l).unwrap_err(), "{text}");
    }
}

#[test]
fn depth_is_bounded_without_recursion() {
    let l = Limits::DEFAULT;
    let ok = "[{\"a\":".repeat(32) + "0" + &"}]".repeat(32);
    assert_eq!(jcs::canonicalize_str(&ok, &l).unwrap(), ok);
    let deep = "[{\"a\":".repeat(33) + "0" + &"}]".repeat(33);
    assert_eq!(jcs::canonicalize_str(&deep, &l).unwrap_err().code(), ErrorCode::NestingTooDeep);
    // A caller's larger max_depth still meets the lexer's ceiling of 256.
    let wide = Limits { max_depth: 100_000, ..l };
    let at_ceiling = "[".repeat(256) + &"]".repeat(256);
    assert_eq!(jcs::canonicalize_str(&at_ceiling, &wide).unwrap(), at_ceiling);
    let past = "[".repeat(257) + &"]".repeat(257);
    assert_eq!(jcs::canonicalize_str(&past, &wide).unwrap_err(), tree(&past, &wide).unwrap_err());
}

#[test]
fn seed_definition_matches_the_tree_path() {
    let text = include_str!("../../samples/gataca/presentation-definition.json");
    let l = Limits::DEFAULT;
    assert_eq!(jcs::canonicalize_str(text, &l).unwrap(), tree(text, &l).unwrap());
}
