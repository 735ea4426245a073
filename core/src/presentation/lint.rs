//! Definition lint: filters that cannot reject anything, or cannot accept anything.
//!
//! A verifier's trust decisions often live in field filters (an issuer allow-list as a
//! `pattern`), so a filter that accepts every value is a silent hole. The seed Gataca
//! definition has one: `(||||did:gatc:...|...)` has empty alternatives, matches the empty
//! string, and as an unanchored search (JSON Schema `pattern` semantics) therefore matches
//! every issuer. Lint looks at each field's top-level filter schema; sub-schemas under `not`,
//! `items` and friends are not inspected (their meaning flips or narrows).
//!
//! Codes: `PATTERN_MATCHES_ANY_STRING`, `PATTERN_EMPTY_ALTERNATIVE`, `PATTERN_UNANCHORED`,
//! `ENUM_EMPTY`, `TYPE_ANY`, `MIN_LENGTH_ZERO`, `FILTER_ACCEPTS_ALL`, `FILTER_REJECTS_ALL`,
//! `GROUP_WITHOUT_DESCRIPTORS`.

use alloc::string::String;
use alloc::vec::Vec;

use crate::presentation::definition::{Field, PresentationDefinition, RequirementSource};
use crate::presentation::filter::types;

/// One lint finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The input descriptor concerned (empty for a submission-requirement finding).
    pub descriptor_id: String,
    /// The field's path alternatives joined with `", "` (`None` when not about a field).
    pub field_path: Option<String>,
    /// A stable code (see the module docs).
    pub code: &'static str,
    /// Static English explanation.
    pub message: &'static str,
}

/// The six JSON types, one flag each (JSON Schema's `integer` is a kind of `number`).
const EVERY_TYPE: [u8; 6] = [types::NULL, types::BOOLEAN, types::NUMBER, types::STRING, types::ARRAY, types::OBJECT];

/// Lints a parsed definition.
///
/// ```
/// use ssi_verify_core::presentation::definition::PresentationDefinition;
/// use ssi_verify_core::presentation::lint::lint;
/// use ssi_verify_core::Limits;
/// let pd = PresentationDefinition::parse(r#"{"id":"pd","input_descriptors":[{"id":"d","constraints":{"fields":[
///     {"path":["$.issuer"],"filter":{"type":"string","pattern":"(||did:gatc:abc)"}}]}}]}"#, &Limits::DEFAULT).unwrap();
/// let warnings = lint(&pd);
/// assert_eq!(warnings[0].code, "PATTERN_MATCHES_ANY_STRING");
/// assert_eq!(warnings[0].field_path.as_deref(), Some("$.issuer"));
/// ```
#[must_use]
pub fn lint(definition: &PresentationDefinition) -> Vec<Warning> {
    let mut out = Vec::new();
    for descriptor in &definition.input_descriptors {
        for field in &descriptor.constraints.fields {
            lint_field(&descriptor.id, field, &mut out);
        }
    }
    let mut todo: Vec<_> = definition.submission_requirements.iter().flatten().collect();
    while let Some(req) = todo.pop() {
        match &req.source {
            RequirementSource::Group(g) => {
                if definition.group_members(g).next().is_none() {
                    out.push(Warning {
                        descriptor_id: String::new(),
                        field_path: None,
                        code: "GROUP_WITHOUT_DESCRIPTORS",
                        message: "a submission requirement names a group no input descriptor belongs to",
                    });
                }
            }
            RequirementSource::Nested(list) => todo.extend(list.iter()),
        }
    }
    out
}

fn lint_field(descriptor_id: &str, field: &Field, out: &mut Vec<Warning>) {
    let Some(filter) = &field.filter else { return };
    let mut warn = |code: &'static str, message: &'static str| {
        let paths: Vec<&str> = field.path.iter().map(|q| q.as_str()).collect();
        out.push(Warning {
            descriptor_id: String::from(descriptor_id),
            field_path: Some(paths.join(", ")),
            code,
            message,
        });
    };
    match filter.boolean() {
        Some(true) => return warn("FILTER_ACCEPTS_ALL", "the filter is `true`: it accepts every value"),
        Some(false) => return warn("FILTER_REJECTS_ALL", "the filter is `false`: no credential can satisfy the field"),
        None => {}
    }
    let constrains = filter.source().as_object().is_some_and(|m| {
        m.iter().any(|(k, _)| {
            !["$schema", "$id", "$comment", "title", "description", "default", "examples"].contains(&k.as_str())
        })
    });
    if !constrains {
        warn("FILTER_ACCEPTS_ALL", "the filter has no validation keyword: it accepts every value");
    }
    let Some(schema) = filter.schema() else { return };
    if let Some(p) = &schema.pattern {
        // A pattern that matches "" matches inside every string, unless an assertion ties the
        // empty match to a place (`^(a|)$` matches "" but not "b", `^.*$` matches both): the
        // probes tell those apart (an assertion-free pattern matching "" matches every probe).
        const PROBES: [&str; 4] = ["0", "did:example:x", " ", "\u{e9}"];
        let matches_any = p.regex.is_match("") && PROBES.iter().all(|probe| p.regex.is_match(probe));
        if matches_any {
            warn(
                "PATTERN_MATCHES_ANY_STRING",
                "the pattern matches the empty string, so as an unanchored search it matches every string (empty alternative?)",
            );
        } else if has_empty_alternative(&p.source) {
            warn("PATTERN_EMPTY_ALTERNATIVE", "the pattern has an empty alternative, which accepts more than intended");
        } else if !p.source.starts_with('^') || !p.source.ends_with('$') {
            warn(
                "PATTERN_UNANCHORED",
                "the pattern is not anchored with ^...$, so any string containing a match passes",
            );
        }
    }
    if schema.enumeration.as_ref().is_some_and(Vec::is_empty) {
        warn("ENUM_EMPTY", "the enum is empty: no value can satisfy the field");
    }
    if schema.types.is_some_and(|t| EVERY_TYPE.iter().all(|flag| t & flag != 0)) {
        warn("TYPE_ANY", "the type list names every JSON type: it rejects nothing");
    }
    if schema.min_length == Some(0) {
        warn("MIN_LENGTH_ZERO", "minLength 0 rejects nothing");
    }
}

/// Whether a regex source has an empty alternative (`||`, `(|`, `|)`, leading or trailing
/// `|`), outside character classes and escapes.
fn has_empty_alternative(source: &str) -> bool {
    #[derive(PartialEq)]
    enum Prev {
        Open,
        Bar,
        Other,
    }
    let mut prev = Prev::Open;
    let mut chars = source.chars().peekable();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
                prev = Prev::Other;
            }
            _ if in_class => {
                if c == ']' {
                    in_class = false;
                }
            }
            '[' => {
                in_class = true;
                prev = Prev::Other;
            }
            '(' => {
                // A group prefix such as `?:` or `?P<name>` is not part of an alternative.
                if chars.peek() == Some(&'?') {
                    for g in chars.by_ref() {
                        if g == ':' || g == '>' || g == '=' || g == '!' {
                            break;
                        }
                    }
                }
                prev = Prev::Open;
            }
            '|' => {
                if prev != Prev::Other {
                    return true;
                }
                prev = Prev::Bar;
            }
            ')' => {
                if prev == Prev::Bar {
                    return true;
                }
                prev = Prev::Other;
            }
            _ => prev = Prev::Other,
        }
    }
    prev == Prev::Bar
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Limits;

    fn codes(filter: &str) -> Vec<&'static str> {
        let pd = PresentationDefinition::parse(
            &alloc::format!(r#"{{"id":"pd","input_descriptors":[{{"id":"d","constraints":{{"fields":[{{"path":["$.a","$.b"],"filter":{filter}}}]}}}}]}}"#),
            &Limits::DEFAULT,
        )
        .unwrap();
        lint(&pd).into_iter().map(|w| w.code).collect()
    }

    #[test]
    fn patterns() {
        assert_eq!(codes(r#"{"pattern":"(||||did:gatc:24gs|did:ebsi:zx23)"}"#), ["PATTERN_MATCHES_ANY_STRING"]);
        assert_eq!(codes(r#"{"pattern":"a*"}"#), ["PATTERN_MATCHES_ANY_STRING"]);
        assert_eq!(codes(r#"{"pattern":"^did:(|a)b$"}"#), ["PATTERN_EMPTY_ALTERNATIVE"]);
        assert_eq!(codes(r#"{"pattern":"did:a|did:b"}"#), ["PATTERN_UNANCHORED"]);
        assert!(codes(r#"{"pattern":"^(?:did:a|did:b)$"}"#).is_empty());
        assert!(codes(r#"{"pattern":"^[|]x\\|$"}"#).is_empty());
        // Anchored, a pattern that matches "" does not match every string.
        assert_eq!(codes(r#"{"pattern":"^(a|)$"}"#), ["PATTERN_EMPTY_ALTERNATIVE"]);
        assert!(codes(r#"{"pattern":"^a?$"}"#).is_empty());
        assert_eq!(codes(r#"{"pattern":"^a*"}"#), ["PATTERN_MATCHES_ANY_STRING"]);
        assert_eq!(codes(r#"{"pattern":"^.*$"}"#), ["PATTERN_MATCHES_ANY_STRING"]);
        assert_eq!(codes(r#"{"pattern":"^a+"}"#), ["PATTERN_UNANCHORED"]);
        assert_eq!(codes(r#"{"pattern":"a$"}"#), ["PATTERN_UNANCHORED"]);
        assert_eq!(codes(r#"{"pattern":"[$^]*"}"#), ["PATTERN_MATCHES_ANY_STRING"]);
        assert_eq!(codes(r#"{"pattern":"\\d*"}"#), ["PATTERN_MATCHES_ANY_STRING"]);
        assert_eq!(codes(r#"{"pattern":"\\bx|"}"#), ["PATTERN_MATCHES_ANY_STRING"]);
        // `\B` matches "" but not "0": an assertion, not a pattern that takes everything.
        assert_eq!(codes(r#"{"pattern":"\\B"}"#), ["PATTERN_UNANCHORED"]);
    }

    #[test]
    fn empty_alternatives_outside_classes_and_escapes() {
        for empty in ["a||b", "(|a)", "(a|)", "|a", "a|", "[a]|", "(?:|a)", "(?P<n>|a)", "(?=|a)", "(?!|a)", "(?<n>a|)"]
        {
            assert!(has_empty_alternative(empty), "{empty}");
        }
        for full in ["a|b", "(a|b)", "a\\||b", "[|]", "a[||]", "x[a||]y", "(?:a|b)", "(?P<n>a)|b", "\\(|a"] {
            assert!(!has_empty_alternative(full), "{full}");
        }
    }

    #[test]
    fn other_keywords() {
        assert_eq!(codes(r#"{"enum":[]}"#), ["ENUM_EMPTY"]);
        assert_eq!(codes(r#"{"type":["null","boolean","number","string","array","object"]}"#), ["TYPE_ANY"]);
        // All but one type rejects something.
        let all = ["null", "boolean", "number", "string", "array", "object"];
        for left_out in all {
            let list: Vec<String> = all.iter().filter(|t| **t != left_out).map(|t| alloc::format!("\"{t}\"")).collect();
            let filter = alloc::format!(r#"{{"type":[{}]}}"#, list.join(","));
            assert!(codes(&filter).is_empty(), "{filter}");
        }
        assert_eq!(codes(r#"{"type":"string","minLength":0}"#), ["MIN_LENGTH_ZERO"]);
        assert_eq!(codes(r#"{"title":"x"}"#), ["FILTER_ACCEPTS_ALL"]);
        assert_eq!(codes("true"), ["FILTER_ACCEPTS_ALL"]);
        assert_eq!(codes("false"), ["FILTER_REJECTS_ALL"]);
        assert!(codes(r#"{"type":"string","const":"x"}"#).is_empty());
    }

    #[test]
    fn field_path_and_groups() {
        let pd = PresentationDefinition::parse(
            r#"{"id":"pd","submission_requirements":[{"rule":"pick","min":0,"from":"optional"}],"input_descriptors":[
              {"id":"d","group":["g"],"constraints":{"fields":[{"path":["$.a","$.b"],"filter":{"enum":[]}}]}}]}"#,
            &Limits::DEFAULT,
        )
        .unwrap();
        let w = lint(&pd);
        assert_eq!(w[0].field_path.as_deref(), Some("$.a, $.b"));
        assert_eq!(w[0].descriptor_id, "d");
        assert_eq!(w[1].code, "GROUP_WITHOUT_DESCRIPTORS");
    }
}
