//! Differential JSONPath (RFC 9535): ssi-verify's `json::jsonpath` against `serde_json_path`
//! on the same query and document (split at the first newline). Both must select the same
//! nodelist (values and normalized paths, in the same order) or both refuse the query.
//!
//! Known differences, each skipped only where it applies (fuzz/README.md lists them with the
//! RFC section deciding each):
//! - the core refuses with a `Limit` error past its `Limits` (depth, items, work budget);
//! - the two JSON parsers disagree on what a document is (duplicate names, numbers beyond the
//!   double range): only documents both read are queried;
//! - `match` / `search`: `serde_json_path` hands the pattern to the `regex` crate, whose syntax
//!   is a superset of I-Regexp (RFC 9485), so a comparison is only made when every pattern the
//!   query can meet is an I-Regexp (checked here against the RFC 9485 section 3 grammar);
//! - `serde_json_path` writes names in a normalized path without the section 2.7 escapes, so
//!   the path is rebuilt here from its elements with the escapes of section 2.7;
//! - `serde_json_path` 0.7.2 panics (`unreachable!`: its string parser uses nom's streaming
//!   `one_of`, which answers `Incomplete`) when a query ends inside a `\u` escape; such queries
//!   are not given to it (the core must still refuse or accept them on its own terms);
//! - `serde_json_path` 0.7.2 refuses blank space before a descendant segment (`$.a ..b`),
//!   which section 2.5 allows (`segments = *(S segment)`): a query it refuses is not a
//!   disagreement when it has blank space right before a `..`;
//! - numbers: the core compares number texts exactly by value (section 2.3.5.2.2),
//!   `serde_json_path` and `serde_json` round them to doubles first, so two numbers that differ
//!   but round to the same double (`1e-` + 85 eights + `2` and `0.0`, found by the fuzz smoke
//!   on 2026-12-04) compare equal there only: compared only when every number in the query and
//!   the document has at most 15 significant digits within the normal double range, where
//!   rounding keeps distinct numbers distinct and ordered; and `serde_json_path` 0.7.2 refuses
//!   a query whose literal is beyond the double range (`1e888…2`, 2026-12-04), which section
//!   2.1 makes valid (only index and slice integers must be I-JSON);
//! - `<=` / `>=` with Nothing on both sides: true by section 2.3.5.2.2, false in
//!   `serde_json_path` 0.7.2; a disagreement on such a query counts only if it survives
//!   splitting each `<=` into its `<` and `==` halves;
//! - descendant segments: section 2.5.2.2 leaves the order of an object's members open, so with
//!   `..` in the query the two nodelists are compared as multisets.
//! - not a difference in answers but in cost: `serde_json_path` 0.7.2's parser (nom alternatives
//!   that re-parse the rest of the query on each failed branch) takes time exponential in the
//!   number of nested filter selectors (a 444-byte query with twenty unclosed `[?@.…` took over
//!   30 s there, 1 ms in the core; found by the campaign on 2026-12-05): queries with more than
//!   `MAX_FILTERS_FOR_ORACLE` `?` are not given to it (the core still must answer on its own).
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json_path::{JsonPath, PathElement};
use ssi_verify_core::json::jsonpath::Query;
use ssi_verify_core::json::Value;
use ssi_verify_core::{Category, Limits};

#[path = "diff_support/iregexp.rs"]
mod iregexp;

/// The RFC 9535 section 2.7 normalized path of a `serde_json_path` location.
fn normalized(location: &serde_json_path::NormalizedPath<'_>) -> String {
    let mut out = String::from("$");
    for element in location.iter() {
        match element {
            PathElement::Index(i) => out.push_str(&format!("[{i}]")),
            PathElement::Name(name) => {
                out.push_str("['");
                for c in name.chars() {
                    match c {
                        '\u{8}' => out.push_str("\\b"),
                        '\u{c}' => out.push_str("\\f"),
                        '\n' => out.push_str("\\n"),
                        '\r' => out.push_str("\\r"),
                        '\t' => out.push_str("\\t"),
                        '\'' => out.push_str("\\'"),
                        '\\' => out.push_str("\\\\"),
                        c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
                        c => out.push(c),
                    }
                }
                out.push_str("']");
            }
        }
    }
    out
}

/// Past this many `?` in a query `serde_json_path` is not asked: its parse time grows about 1.8
/// times per nested filter (0.1 s at ten, 1 s at fourteen on this machine).
const MAX_FILTERS_FOR_ORACLE: usize = 10;

/// Whether the query ends less than four characters after its last `\u` (the input on which
/// `serde_json_path` 0.7.2 panics instead of refusing).
fn ends_inside_unicode_escape(query: &str) -> bool {
    query.rfind("\\u").is_some_and(|at| query[at + 2..].chars().count() < 4)
}

/// Whether the query has a surrogate escape (`\uD800`-`\uDFFF`) written with a lower-case hex
/// digit, which `serde_json_path` 0.7.2 refuses: RFC 9535 section 2.3.1.1 writes the
/// `high-surrogate` / `low-surrogate` rules with quoted letters, and ABNF quoted strings are
/// case-insensitive (RFC 5234 section 2.3), so `\ud83d\ude00` is as valid as `\uD83D\uDE00`.
fn lowercase_surrogate_escape(query: &str) -> bool {
    query.match_indices("\\u").any(|(at, _)| {
        let hex: Vec<char> = query[at + 2..].chars().take(4).collect();
        hex.len() == 4
            && hex[0].eq_ignore_ascii_case(&'d')
            && "89abcdefABCDEF".contains(hex[1])
            && hex.iter().any(char::is_ascii_lowercase)
    })
}

/// Whether blank space (RFC 9535 `B`) comes right before a `..` somewhere in the query.
fn blank_before_descendant(query: &str) -> bool {
    query.match_indices("..").any(|(at, _)| query[..at].ends_with([' ', '\t', '\n', '\r']))
}

/// Whether a text that looks like a JSON number (`-?digits[.digits][(e|E)[+-]digits]`) might not
/// be exactly a double: more than 15 significant digits (`f64::DIGITS`: up to 15, distinct
/// decimals stay distinct doubles, in order) or a magnitude outside 1e-307..1e307.
fn may_round(token: &str) -> bool {
    let unsigned = token.strip_prefix('-').unwrap_or(token);
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits_only = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let exponent = match exponent.map(|e| e.strip_prefix(['+', '-']).map_or((e, false), |d| (d, e.starts_with('-')))) {
        None => Some(0i64),
        Some((digits, negative)) if digits_only(digits) => {
            let value = digits.bytes().fold(0i64, |v, d| v.saturating_mul(10).saturating_add(i64::from(d - b'0')));
            Some(if negative { -value } else { value })
        }
        Some(_) => None,
    };
    let (Some(exponent), true, true) = (exponent, digits_only(int), frac.is_empty() || digits_only(frac)) else {
        return false;
    };
    let digits: Vec<u8> = int.bytes().chain(frac.bytes()).collect();
    let Some(first) = digits.iter().position(|&d| d != b'0') else { return false };
    let last = digits.iter().rposition(|&d| d != b'0').unwrap_or(first);
    let leading = exponent.saturating_add(int.len() as i64 - 1 - first as i64);
    last - first + 1 > 15 || !(-307..=307).contains(&leading)
}

/// Whether any number in `text` (a query or a JSON document; number-like runs inside strings
/// count too, which only skips more) might round differently from its exact value.
fn has_inexact_number(text: &str) -> bool {
    text.split(|c: char| !(c.is_ascii_digit() || ".eE+-".contains(c))).any(may_round)
}

/// Whether `^` or `$` is followed by a quantifier (over-approximated: escapes and classes are
/// not told apart). The core reads unescaped `^` / `$` as anchors (RFC 9485 section 5's mapping,
/// as the compliance suite expects) and, like any assertion, refuses a quantifier on them (the
/// pattern is then not valid: no match); `serde_json_path`'s `regex` accepts `$*`.
fn quantified_anchor(s: &str) -> bool {
    s.as_bytes().windows(2).any(|w| matches!(w[0], b'^' | b'$') && matches!(w[1], b'*' | b'+' | b'?' | b'{'))
}

/// Whether a class may hold `&&`, `--` or `~~` (over-approximated: any `[` and any such pair).
/// I-Regexp reads them as plain characters (RFC 9485 section 3, `CCchar`); `serde_json_path`
/// hands the pattern to the `regex` crate unchanged, which reads them as class intersection,
/// difference and symmetric difference.
fn class_set_operator(s: &str) -> bool {
    s.contains('[') && (s.contains("&&") || s.contains("--") || s.contains("~~"))
}

/// Every string the query text and the document hold that a `match`/`search` could use as a
/// pattern is an I-Regexp. Over-approximates: any string literal or value counts.
fn patterns_are_iregexp(query: &str, doc: &serde_json::Value) -> bool {
    fn strings_ok(v: &serde_json::Value) -> bool {
        match v {
            serde_json::Value::String(s) => iregexp::is_iregexp(s) && !quantified_anchor(s) && !class_set_operator(s),
            serde_json::Value::Array(a) => a.iter().all(strings_ok),
            serde_json::Value::Object(o) => o.values().all(strings_ok),
            _ => true,
        }
    }
    iregexp::query_literals(query)
        .iter()
        .all(|s| iregexp::is_iregexp(s) && !quantified_anchor(s) && !class_set_operator(s))
        && strings_ok(doc)
}

/// A selection as (normalized path, value) pairs, in the order compared.
type Located = Vec<(String, serde_json::Value)>;

/// Both implementations' nodelists for one query, or `None` when the core stops at a limit.
/// With `..` in the query they are sorted by path (section 2.5.2.2 leaves member order open).
fn nodelists(
    query_text: &str,
    ours: &Query,
    theirs: &JsonPath,
    root: &Value,
    theirs_root: &serde_json::Value,
) -> Option<(Located, Located)> {
    let nodes = ours.select(root, &Limits::DEFAULT).ok()?;
    let mut ours: Located = nodes
        .iter()
        .map(|n| {
            let v = serde_json::from_str(&n.value.to_json()).expect("the core writes JSON serde_json reads");
            (n.location.clone(), v)
        })
        .collect();
    let mut theirs: Located =
        theirs.query_located(theirs_root).iter().map(|n| (normalized(n.location()), n.node().clone())).collect();
    if query_text.contains("..") {
        ours.sort_by(|a, b| a.0.cmp(&b.0));
        theirs.sort_by(|a, b| a.0.cmp(&b.0));
    }
    Some((ours, theirs))
}

/// Whether a disagreement on a query with `<=` / `>=` goes away once each is split into its
/// halves: the same query with `<` (`>`) in its place, and with `==`, select the same nodes in
/// both implementations. RFC 9535 section 2.3.5.2.2 defines `a <= b` as `a < b` or `a == b`
/// (the core's `CmpOp::Le` is exactly that), so `Nothing <= Nothing` is true (the section
/// 2.3.5.3 table: `$.absent1 <= $.absent2` is true); `serde_json_path` 0.7.2 answers false
/// (found by a 180 s run on 2026-12-04, `$[?@.c<= @.b]` over `[{"a":0}]`).
fn split_comparisons_agree(query_text: &str, root: &Value, theirs_root: &serde_json::Value) -> bool {
    if !(query_text.contains("<=") || query_text.contains(">=")) {
        return false;
    }
    let less = query_text.replace("<=", "<").replace(">=", ">");
    let equal = query_text.replace("<=", "==").replace(">=", "==");
    [less, equal].iter().all(|q| {
        let (Ok(ours), Ok(theirs)) = (Query::parse(q, &Limits::DEFAULT), JsonPath::parse(q)) else { return false };
        nodelists(q, &ours, &theirs, root, theirs_root).is_some_and(|(a, b)| a == b)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Some((query_text, document)) = text.split_once('\n') else { return };
    let limits = Limits::DEFAULT;
    let (Ok(root), Ok(theirs_root)) =
        (Value::parse(document, &limits), serde_json::from_str::<serde_json::Value>(document))
    else {
        return;
    };
    let ours = Query::parse(query_text, &limits);
    if ends_inside_unicode_escape(query_text) || query_text.matches('?').count() > MAX_FILTERS_FOR_ORACLE {
        return;
    }
    let theirs = JsonPath::parse(query_text);
    let (ours, theirs) = match (ours, theirs) {
        (Ok(o), Ok(t)) => (o, t),
        (Err(_), Err(_)) => return,
        (Err(e), Ok(_)) if e.code().category() == Category::Limit => return,
        (Err(e), Ok(_)) => panic!("core refuses {query_text:?} ({e}), serde_json_path accepts it"),
        (Ok(_), Err(_))
            if blank_before_descendant(query_text)
                || lowercase_surrogate_escape(query_text)
                || has_inexact_number(query_text) =>
        {
            return
        }
        (Ok(_), Err(e)) => panic!("core accepts {query_text:?}, serde_json_path refuses it: {e}"),
    };
    let uses_regex = query_text.contains("match") || query_text.contains("search");
    if uses_regex && !patterns_are_iregexp(query_text, &theirs_root) {
        return;
    }
    if has_inexact_number(query_text) || has_inexact_number(document) {
        return;
    }
    let Some((ours, theirs)) = nodelists(query_text, &ours, &theirs, &root, &theirs_root) else { return };
    if ours != theirs && !split_comparisons_agree(query_text, &root, &theirs_root) {
        panic!("{query_text:?} over {document:?}:\n core:            {:?}\n serde_json_path: {:?}", ours, theirs);
    }
});
