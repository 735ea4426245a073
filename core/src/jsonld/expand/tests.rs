//! Expansion details the W3C toRdf suite cannot tell apart: its negative tests accept any
//! error and its positive tests compare quads, so which error, and what expansion keeps before
//! toRdf drops it, are pinned here.

use alloc::string::String;

use crate::error::ErrorCode;
use crate::json::Value;
use crate::jsonld::{expand, ContextStore, Options};
use crate::limits::Limits;

const EX: &str = r#""@context":{"@version":1.1,"ex":"http://ex/"}"#;

fn expand_with(doc: &str, limits: &Limits) -> Result<String, (ErrorCode, &'static str)> {
    let v = Value::parse(doc, &Limits::DEFAULT).unwrap();
    expand(&v, &ContextStore::new(), &Options::default(), limits)
        .map(|e| e.to_json())
        .map_err(|e| (e.code(), e.detail()))
}

fn expanded(doc: &str) -> String {
    expand_with(doc, &Limits::DEFAULT).unwrap_or_else(|e| panic!("{doc}: {e:?}"))
}

fn refused(doc: &str) -> &'static str {
    match expand_with(doc, &Limits::DEFAULT) {
        Err((ErrorCode::InvalidJsonLd, detail)) => detail,
        other => panic!("{doc}: {other:?}"),
    }
}

fn with_ex(members: &str) -> String {
    alloc::format!("{{{EX},{members}}}")
}

#[test]
fn free_floating_scalars_and_lists_are_dropped_unexpanded() {
    assert_eq!(
        expanded(r#"{"@graph":[5,"x",{"@id":"http://ex/a","http://ex/p":1}]}"#),
        r#"[{"@id":"http://ex/a","http://ex/p":[{"@value":1}]}]"#
    );
    // A free-floating list is skipped before its items are expanded: an invalid item inside it
    // is never seen (JSON-LD 1.1 expansion step 13.4.6.1).
    assert_eq!(expanded(r#"{"@list":[{"@value":{"a":1}}]}"#), "[]");
    assert_eq!(expanded(r#"{"@graph":[{"@list":[{"@value":{"a":1}}]}]}"#), "[]");
    assert_eq!(refused(&with_ex(r#""ex:p":{"@list":[{"@value":{"a":1}}]}"#)), "invalid value object value");
}

#[test]
fn free_floating_values_lists_and_bare_ids_are_dropped_at_the_top() {
    let doc = r#"{"@graph":[{"@value":"v"},{"@list":["a"]},{},{"@id":"http://ex/only"},{"@id":"http://ex/a","http://ex/p":"x"}]}"#;
    assert_eq!(expanded(doc), r#"[{"@id":"http://ex/a","http://ex/p":[{"@value":"x"}]}]"#);
    assert_eq!(expanded(r#"{"@id":"http://ex/only"}"#), "[]");
    assert_eq!(expanded(r#"{"@value":"v"}"#), "[]");
    // Below a property the same objects are kept.
    assert_eq!(
        expanded(r#"{"@id":"http://ex/a","http://ex/p":[{"@id":"http://ex/b"},{"@list":["a"]}]}"#),
        r#"[{"@id":"http://ex/a","http://ex/p":[{"@id":"http://ex/b"},{"@list":[{"@value":"a"}]}]}]"#
    );
}

#[test]
fn set_and_list_objects_take_at_most_an_index_beside_them() {
    assert_eq!(
        expanded(&with_ex(r#""@id":"ex:a","ex:p":{"@set":["x"],"@index":"i"}"#)),
        r#"[{"@id":"http://ex/a","http://ex/p":[{"@value":"x"}]}]"#
    );
    assert_eq!(
        expanded(&with_ex(r#""@id":"ex:a","ex:p":{"@list":["x"],"@index":"i"}"#)),
        r#"[{"@id":"http://ex/a","http://ex/p":[{"@list":[{"@value":"x"}],"@index":"i"}]}]"#
    );
    for bad in [
        r#""ex:p":{"@list":["x"],"@index":"i","ex:q":"y"}"#,
        r#""ex:p":{"@set":["x"],"@index":"i","ex:q":"y"}"#,
        r#""ex:p":{"@list":["x"],"ex:q":"y"}"#,
    ] {
        assert_eq!(refused(&with_ex(bad)), "invalid set or list object", "{bad}");
    }
}

#[test]
fn included_items_are_node_objects() {
    for item in [r#"{"@value":"x"}"#, r#"{"@list":["x"]}"#, r#"{"@set":["x"]}"#, r#""x""#, "[1]"] {
        let doc = with_ex(&alloc::format!(r#""@id":"ex:a","@included":[{item}]"#));
        assert_eq!(refused(&doc), "invalid @included value", "{item}");
    }
    // An alias a type-scoped context defines is not seen in the member names; the item expands,
    // with no active property, to a free-floating value and is dropped (JSON-LD 1.1 expansion
    // 13.4.6.2), which leaves nothing for 13.4.6.3 to refuse.
    let ctx = r#""@context":{"@version":1.1,"ex":"http://ex/","V":{"@id":"ex:V","@context":{"v":"@value"}}}"#;
    let doc =
        alloc::format!(r#"{{{ctx},"@id":"ex:a","@included":[{{"@type":"V","v":"x"}},{{"@id":"ex:b","@type":"V"}}]}}"#);
    assert_eq!(
        expanded(&doc),
        r#"[{"@id":"http://ex/a","@included":[{"@id":"http://ex/b","@type":["http://ex/V"]}]}]"#
    );
}

#[test]
fn base_directions_are_ltr_or_rtl() {
    for dir in ["ltr", "rtl"] {
        let doc =
            with_ex(&alloc::format!(r#""@id":"ex:a","ex:p":{{"@value":"x","@language":"EN","@direction":"{dir}"}}"#));
        assert_eq!(
            expanded(&doc),
            alloc::format!(
                r#"[{{"@id":"http://ex/a","http://ex/p":[{{"@value":"x","@language":"en","@direction":"{dir}"}}]}}]"#
            )
        );
    }
    for bad in [r#""up""#, r#""LTR""#, "null", "1"] {
        let doc = with_ex(&alloc::format!(r#""ex:p":{{"@value":"x","@direction":{bad}}}"#));
        assert_eq!(refused(&doc), "invalid base direction", "{bad}");
    }
}

#[test]
fn a_reverse_keyword_merges_with_later_reverse_properties() {
    let ctx = r#""@context":{"ex":"http://ex/","parent":{"@reverse":"ex:child"}}"#;
    let doc = alloc::format!(
        r#"{{{ctx},"@id":"ex:a","@reverse":{{"ex:knows":{{"@id":"ex:b"}}}},"parent":{{"@id":"ex:p"}}}}"#
    );
    assert_eq!(
        expanded(&doc),
        r#"[{"@id":"http://ex/a","@reverse":{"http://ex/knows":[{"@id":"http://ex/b"}],"http://ex/child":[{"@id":"http://ex/p"}]}}]"#
    );
    // After a reverse property the keyword finds `@reverse` taken.
    let doc = alloc::format!(
        r#"{{{ctx},"@id":"ex:a","parent":{{"@id":"ex:p"}},"@reverse":{{"ex:knows":{{"@id":"ex:b"}}}}}}"#
    );
    assert_eq!(refused(&doc), "colliding keywords");
}

#[test]
fn null_entries_of_a_language_map_are_skipped() {
    let doc = r#"{"@context":{"ex":"http://ex/","p":{"@id":"ex:p","@container":"@language"}},"@id":"ex:a","p":{"en":null,"de":["x",null]}}"#;
    assert_eq!(expanded(doc), r#"[{"@id":"http://ex/a","http://ex/p":[{"@value":"x","@language":"de"}]}]"#);
    let bad = r#"{"@context":{"ex":"http://ex/","p":{"@id":"ex:p","@container":"@language"}},"p":{"en":1}}"#;
    assert_eq!(refused(bad), "invalid language map value");
}

#[test]
fn expansion_depth_is_bounded_exactly() {
    // Expansion may recurse 2 * max_depth + 2 steps (8 here); each level of `{"ex:p": ...}`
    // takes two of them.
    let nested = |n: usize| {
        let mut s = String::from("\"x\"");
        for _ in 0..n {
            s = alloc::format!(r#"{{"http://ex/p":{s}}}"#);
        }
        s
    };
    let limits = Limits { max_depth: 3, ..Limits::DEFAULT };
    let deepest = (1..20).take_while(|&n| expand_with(&nested(n), &limits).is_ok()).last().unwrap();
    assert_eq!(deepest, 4);
    assert_eq!(expand_with(&nested(deepest + 1), &limits).unwrap_err().0, ErrorCode::NestingTooDeep);
}

#[test]
fn id_maps_name_the_items_that_have_no_id() {
    let doc = r#"{"@context":{"ex":"http://ex/","m":{"@id":"ex:m","@container":"@id"}},"@id":"ex:a","m":{"ex:b":{"ex:q":"1"},"ex:c":{"@id":"ex:d","ex:q":"2"},"@none":{"ex:q":"3"}}}"#;
    assert_eq!(
        expanded(doc),
        concat!(
            r#"[{"@id":"http://ex/a","http://ex/m":[{"http://ex/q":[{"@value":"3"}]},"#,
            r#"{"http://ex/q":[{"@value":"1"}],"@id":"http://ex/b"},"#,
            r#"{"@id":"http://ex/d","http://ex/q":[{"@value":"2"}]}]}]"#
        )
    );
}

#[test]
fn index_maps_index_the_items_that_have_no_index() {
    let doc = r#"{"@context":{"ex":"http://ex/","m":{"@id":"ex:m","@container":"@index"}},"@id":"ex:a","m":{"i1":{"ex:q":"1"},"i2":{"@index":"own","ex:q":"2"},"@none":{"ex:q":"3"}}}"#;
    assert_eq!(
        expanded(doc),
        concat!(
            r#"[{"@id":"http://ex/a","http://ex/m":[{"http://ex/q":[{"@value":"3"}]},"#,
            r#"{"http://ex/q":[{"@value":"1"}],"@index":"i1"},"#,
            r#"{"@index":"own","http://ex/q":[{"@value":"2"}]}]}]"#
        )
    );
}
