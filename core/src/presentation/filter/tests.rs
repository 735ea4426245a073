//! The filter schemas' keywords, formats and bounds.

use super::*;

#[test]
fn rfc3339_round_trips() {
    for (text, secs) in [
        ("1970-01-01T00:00:00Z", 0),
        ("2023-11-14T22:13:20Z", 1_700_000_000),
        ("2000-02-29T12:00:00Z", 951_825_600),
        ("1969-12-31T23:59:59Z", -1),
    ] {
        assert_eq!(date_time_unix_seconds(text), Some(secs), "{text}");
        assert_eq!(crate::calendar::format_utc(secs), text);
    }
    assert_eq!(date_time_unix_seconds("2023-11-14T23:13:20.123+01:00"), Some(1_700_000_000));
    assert_eq!(date_time_unix_seconds("2023-11-14t22:13:20z"), Some(1_700_000_000));
    for bad in [
        "2023-02-29T00:00:00Z",
        "2023-11-14 22:13:20Z",
        "2023-11-14T22:13:20",
        "2023-11-14T22:13:20.Z",
        "2023-13-01T00:00:00Z",
        "2023-11-14T22:13:20+0100",
        "",
    ] {
        assert_eq!(date_time_unix_seconds(bad), None, "{bad}");
    }
}

fn f(schema: &str) -> Filter {
    Filter::compile(&Value::parse(schema, &Limits::DEFAULT).unwrap(), &Limits::DEFAULT).unwrap()
}
fn err(schema: &str) -> ErrorCode {
    Filter::compile(&Value::parse(schema, &Limits::DEFAULT).unwrap(), &Limits::DEFAULT).unwrap_err().code()
}
fn v(json: &str) -> Value {
    Value::parse(json, &Limits::DEFAULT).unwrap()
}

#[test]
fn type_keyword() {
    let t = f(r#"{"type":"integer"}"#);
    assert!(t.matches(&v("1")) && t.matches(&v("1.0")) && t.matches(&v("1.5e1")) && t.matches(&v("-0")));
    assert!(!t.matches(&v("1.5")) && !t.matches(&v("1e-1")) && !t.matches(&v("\"1\"")));
    let n = f(r#"{"type":"number"}"#);
    assert!(n.matches(&v("1")) && n.matches(&v("1.5")) && !n.matches(&v("true")));
    let many = f(r#"{"type":["string","null"]}"#);
    assert!(many.matches(&v("null")) && many.matches(&v("\"x\"")) && !many.matches(&v("{}")));
    assert_eq!(err(r#"{"type":"text"}"#), ErrorCode::InvalidFilter);
    assert_eq!(err(r#"{"type":[]}"#), ErrorCode::InvalidFilter);
}

#[test]
fn const_and_enum_compare_by_value() {
    let c = f(r#"{"const":{"a":[1,2],"b":"x"}}"#);
    assert!(c.matches(&v(r#"{"b":"x","a":[1.0,2e0]}"#)));
    assert!(!c.matches(&v(r#"{"b":"x","a":[1,3]}"#)) && !c.matches(&v(r#"{"b":"x"}"#)));
    let e = f(r#"{"enum":["a",1,null]}"#);
    assert!(e.matches(&v("\"a\"")) && e.matches(&v("1.00")) && e.matches(&v("null")) && !e.matches(&v("\"b\"")));
    assert!(!f(r#"{"enum":[]}"#).matches(&v("1")));
    assert_eq!(err(r#"{"enum":"a"}"#), ErrorCode::InvalidFilter);
}

#[test]
fn pattern_is_an_unanchored_search() {
    let p = f(r#"{"pattern":"did:example:123|did:example:456"}"#);
    assert!(p.matches(&v("\"x did:example:456\"")) && !p.matches(&v("\"did:example:789\"")));
    // Non-strings are not constrained by pattern.
    assert!(p.matches(&v("5")));
    let anchored = f(r#"{"pattern":"^ab+$"}"#);
    assert!(anchored.matches(&v("\"abbb\"")) && !anchored.matches(&v("\"xabb\"")));
    assert_eq!(err(r#"{"pattern":"(a"}"#), ErrorCode::InvalidFilter);
    assert_eq!(err(r#"{"pattern":"(a)\\1"}"#), ErrorCode::InvalidFilter);
    assert_eq!(err(r#"{"pattern":"a(?=b)"}"#), ErrorCode::InvalidFilter);
    assert_eq!(err(r#"{"pattern":"a{1000}{1000}"}"#), ErrorCode::InvalidFilter);
}

#[test]
fn numeric_bounds() {
    let r = f(r#"{"minimum":18,"exclusiveMaximum":65.5}"#);
    assert!(r.matches(&v("18")) && r.matches(&v("65.4")) && !r.matches(&v("17.99")) && !r.matches(&v("65.5")));
    let x = f(r#"{"exclusiveMinimum":0,"maximum":1e2}"#);
    assert!(!x.matches(&v("0")) && x.matches(&v("100")) && !x.matches(&v("100.1")));
    assert!(r.matches(&v("\"not a number\"")));
    assert_eq!(err(r#"{"minimum":true}"#), ErrorCode::InvalidFilter);
    assert_eq!(err(r#"{"minimum":1e999}"#), ErrorCode::InvalidFilter);
}

#[test]
fn lengths_count_code_points() {
    let l = f(r#"{"minLength":2,"maxLength":3}"#);
    assert!(l.matches(&v("\"éé\"")) && l.matches(&v("\"😀😀😀\"")) && !l.matches(&v("\"é\"")));
    assert!(!l.matches(&v("\"abcd\"")));
    assert!(f(r#"{"maxLength":2.0}"#).matches(&v("\"ab\"")));
    assert_eq!(err(r#"{"minLength":-1}"#), ErrorCode::InvalidFilter);
    assert_eq!(err(r#"{"minLength":1.5}"#), ErrorCode::InvalidFilter);
}

#[test]
fn formats_and_format_bounds() {
    let d = f(r#"{"type":"string","format":"date"}"#);
    assert!(d.matches(&v("\"2024-02-29\"")) && !d.matches(&v("\"2023-02-29\"")) && !d.matches(&v("\"2024-13-01\"")));
    assert!(!d.matches(&v("\"2024-1-01\"")) && !d.matches(&v("\"2024-01-01T00:00:00Z\"")));
    let dt = f(r#"{"format":"date-time","formatMinimum":"2020-12-31T23:59:59.000Z"}"#);
    assert!(dt.matches(&v("\"2029-12-03T12:19:52Z\"")));
    assert!(dt.matches(&v("\"2021-01-01T00:59:59+01:00\"")));
    assert!(!dt.matches(&v("\"2021-01-01T00:59:58.5+01:00\"")));
    assert!(!dt.matches(&v("\"2020-12-31T23:59:58.999Z\"")));
    assert!(!dt.matches(&v("\"2025-01-01T24:00:00Z\"")) && !dt.matches(&v("\"2025-01-01T10:00:00\"")));
    let exclusive = f(r#"{"format":"date","formatExclusiveMaximum":"1999-05-16"}"#);
    assert!(exclusive.matches(&v("\"1999-05-15\"")) && !exclusive.matches(&v("\"1999-05-16\"")));
    // Gataca writes date bounds as string minimum/maximum.
    let gataca = f(r#"{"type":"string","format":"date","maximum":"2006-01-01"}"#);
    assert!(gataca.matches(&v("\"2000-06-30\"")) && !gataca.matches(&v("\"2010-06-30\"")));
    assert_eq!(err(r#"{"format":"email"}"#), ErrorCode::UnsupportedFilterKeyword);
    assert_eq!(err(r#"{"formatMinimum":"2020-01-01"}"#), ErrorCode::InvalidFilter);
    assert_eq!(err(r#"{"format":"date","formatMinimum":"2020-01-32"}"#), ErrorCode::InvalidFilter);
}

#[test]
fn combinators() {
    let n = f(r#"{"not":{"const":"revoked"}}"#);
    assert!(n.matches(&v("\"active\"")) && !n.matches(&v("\"revoked\"")));
    let all = f(r#"{"allOf":[{"type":"string"},{"minLength":2}]}"#);
    assert!(all.matches(&v("\"ab\"")) && !all.matches(&v("\"a\"")));
    let any = f(r#"{"anyOf":[{"type":"string"},{"type":"array","contains":{"const":"x"}}]}"#);
    assert!(any.matches(&v("\"a\"")) && any.matches(&v(r#"["y","x"]"#)) && !any.matches(&v(r#"["y"]"#)));
    let one = f(r#"{"oneOf":[{"type":"number"},{"type":"integer"}]}"#);
    assert!(one.matches(&v("1.5")) && !one.matches(&v("1")));
    assert_eq!(err(r#"{"allOf":[]}"#), ErrorCode::InvalidFilter);
    assert!(!f("false").matches(&v("1")) && f("true").matches(&v("1")) && f("{}").matches(&v("1")));
}

#[test]
fn arrays_and_objects() {
    let a = f(r#"{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":2}"#);
    assert!(a.matches(&v(r#"["a"]"#)) && !a.matches(&v("[]")) && !a.matches(&v(r#"["a",1]"#)));
    assert!(!a.matches(&v(r#"["a","b","c"]"#)));
    let tuple = f(r#"{"items":[{"const":"VerifiableCredential"}]}"#);
    assert!(tuple.matches(&v(r#"["VerifiableCredential","X"]"#)) && !tuple.matches(&v(r#"["X"]"#)));
    let o = f(r#"{"type":"object","properties":{"id":{"pattern":"^urn:"}},"required":["id"]}"#);
    assert!(o.matches(&v(r#"{"id":"urn:x"}"#)) && !o.matches(&v(r#"{"id":"x"}"#)) && !o.matches(&v("{}")));
}

#[test]
fn unknown_keywords_are_refused() {
    assert_eq!(err(r#"{"forrmatMaximum":"1999-05-16"}"#), ErrorCode::UnsupportedFilterKeyword);
    assert_eq!(err(r##"{"$ref":"#/$defs/x"}"##), ErrorCode::UnsupportedFilterKeyword);
    assert_eq!(err(r#"{"not":{"uniqueItems":true}}"#), ErrorCode::UnsupportedFilterKeyword);
    assert_eq!(err("1"), ErrorCode::InvalidFilter);
    assert!(f(r#"{"title":"t","description":"d","$comment":"c"}"#).matches(&v("1")));
}

#[test]
fn pattern_work_is_budgeted_and_fails_closed_through_not() {
    let l = Limits::DEFAULT;
    let long = Value::String("a".repeat(100_000));
    let plain = f(r#"{"pattern":"a{1000}{20}"}"#);
    assert_eq!(plain.try_matches(&long, &l).unwrap_err().code(), ErrorCode::TooManyItems);
    assert!(!plain.matches(&long));
    // The exhausted budget is not turned into "no match" inside `not`, which would accept.
    let negated = f(r#"{"not":{"pattern":"a{1000}{20}"}}"#);
    assert!(negated.try_matches(&long, &l).is_err());
    assert!(!negated.matches(&long));
    let cheap = f(r#"{"pattern":"^a+$"}"#);
    assert!(cheap.try_matches(&long, &l).unwrap());
}

#[test]
fn nesting_is_bounded() {
    let mut s = String::from("{}");
    for _ in 0..60 {
        s = alloc::format!("{{\"not\":{s}}}");
    }
    let limits = Limits { max_depth: 20, ..Limits::DEFAULT };
    let value = Value::parse(&s, &Limits::DEFAULT).unwrap();
    assert_eq!(Filter::compile(&value, &limits).unwrap_err().code(), ErrorCode::NestingTooDeep);
}

#[test]
fn integral_lexemes() {
    for yes in ["0", "-0", "10", "1.0", "1.50e1", "1e3", "12300e-2", "0.0e-5"] {
        assert!(is_integral(yes), "{yes}");
    }
    for no in ["1.5", "1e-1", "12345e-2", "0.1"] {
        assert!(!is_integral(no), "{no}");
    }
}

#[test]
fn any_of_all_of_one_of_count_differently() {
    let (both, one, none) = (v("\"x\""), v("\"\""), v("5"));
    let schemas = r#"[{"type":"string"},{"minLength":1}]"#;
    let any = f(&alloc::format!(r#"{{"anyOf":{schemas}}}"#));
    let all = f(&alloc::format!(r#"{{"allOf":{schemas}}}"#));
    let exactly_one = f(&alloc::format!(r#"{{"oneOf":{schemas}}}"#));
    // 5 matches minLength (a non-string is not constrained by it) but not the string type.
    assert_eq!([any.matches(&both), any.matches(&one), any.matches(&none)], [true, true, true]);
    assert_eq!([all.matches(&both), all.matches(&one), all.matches(&none)], [true, false, false]);
    assert_eq!(
        [exactly_one.matches(&both), exactly_one.matches(&one), exactly_one.matches(&none)],
        [false, true, true]
    );
}

#[test]
fn schema_nesting_is_bounded_exactly() {
    let nested = |n: usize| (0..n).fold(String::from("true"), |s, _| alloc::format!(r#"{{"not":{s}}}"#));
    let limits = Limits { max_depth: 4, ..Limits::DEFAULT };
    let compile = |n: usize| Filter::compile(&v(&nested(n)), &limits);
    // As deep as the JSON it came in: max_depth nested schemas, the innermost a boolean.
    assert!(compile(4).is_ok());
    assert_eq!(compile(5).unwrap_err().code(), ErrorCode::NestingTooDeep);
}

#[test]
fn lengths_written_as_decimals_or_past_u64_are_integers() {
    let two = f(r#"{"minLength":2.0}"#);
    assert!(two.matches(&v("\"ab\"")) && !two.matches(&v("\"a\"")));
    for huge in ["1e20", "1e400", "18446744073709551616"] {
        let max = f(&alloc::format!(r#"{{"maxLength":{huge}}}"#));
        assert!(max.matches(&v(&alloc::format!("\"{}\"", "a".repeat(1000)))), "{huge}");
        let min = f(&alloc::format!(r#"{{"minItems":{huge}}}"#));
        assert!(!min.matches(&v("[1,2,3]")), "{huge}");
    }
    for bad in ["-1", "1.5", "-0.0", "\"2\"", "1e-1"] {
        assert_eq!(err(&alloc::format!(r#"{{"maxLength":{bad}}}"#)), ErrorCode::InvalidFilter, "{bad}");
    }
}

#[test]
fn type_lists_are_unions_of_unique_names() {
    let both = f(r#"{"type":["integer","number"]}"#);
    assert!(both.matches(&v("1")) && both.matches(&v("1.5")) && !both.matches(&v("\"1\"")));
    let integer_or_string = f(r#"{"type":["integer","string"]}"#);
    assert!(integer_or_string.matches(&v("2.0")) && integer_or_string.matches(&v("\"x\"")));
    assert!(!integer_or_string.matches(&v("2.5")));
    let every = f(r#"{"type":["null","boolean","number","integer","string","array","object"]}"#);
    assert!(["null", "true", "1.5", "1", "\"s\"", "[]", "{}"].iter().all(|x| every.matches(&v(x))));
    for bad in [
        r#"["string","string"]"#,
        r#"["integer","number","integer"]"#,
        r#"["null","null","null","null","null","null","null","null"]"#,
    ] {
        assert_eq!(err(&alloc::format!(r#"{{"type":{bad}}}"#)), ErrorCode::InvalidFilter, "{bad}");
    }
}

#[test]
fn a_pattern_may_be_as_long_as_a_string() {
    let limits = Limits { max_string_bytes: 8, ..Limits::DEFAULT };
    let compile = |p: &str| Filter::compile(&v(&alloc::format!(r#"{{"pattern":"{p}"}}"#)), &limits);
    assert!(compile("abcdefgh").is_ok());
    assert_eq!(compile("abcdefghi").unwrap_err().code(), ErrorCode::StringTooLong);
}

#[test]
fn each_format_bound_at_its_edge() {
    let (before, at, after) = (v("\"2019-12-31\""), v("\"2020-01-01\""), v("\"2020-01-02\""));
    for (keyword, want) in [
        ("formatMinimum", [false, true, true]),
        ("formatMaximum", [true, true, false]),
        ("formatExclusiveMinimum", [false, false, true]),
        ("formatExclusiveMaximum", [true, false, false]),
    ] {
        let bound = f(&alloc::format!(r#"{{"format":"date","{keyword}":"2020-01-01"}}"#));
        assert_eq!([bound.matches(&before), bound.matches(&at), bound.matches(&after)], want, "{keyword}");
    }
}

#[test]
fn equality_sees_every_member_and_item() {
    for (schema, same, different) in [
        ("true", "true", "false"),
        ("false", "false", "true"),
        ("\"a\"", "\"a\"", "\"b\""),
        ("[1]", "[1.0]", "[1,2]"),
        ("[1,2]", "[1,2]", "[1]"),
        (r#"{"a":1}"#, r#"{"a":1}"#, r#"{"a":1,"b":2}"#),
        (r#"{"a":1,"b":2}"#, r#"{"b":2,"a":1}"#, r#"{"a":1}"#),
        (r#"{"a":1}"#, r#"{"a":1e0}"#, r#"{"b":1}"#),
    ] {
        let c = f(&alloc::format!(r#"{{"const":{schema}}}"#));
        assert!(c.matches(&v(same)), "{schema} = {same}");
        assert!(!c.matches(&v(different)), "{schema} != {different}");
    }
}

#[test]
fn item_counts_at_their_edges() {
    let two = f(r#"{"minItems":2,"maxItems":2}"#);
    assert!(two.matches(&v("[1,2]")) && !two.matches(&v("[1]")) && !two.matches(&v("[1,2,3]")));
}

#[test]
fn date_and_time_separators_and_clock_ranges() {
    let date = f(r#"{"format":"date"}"#);
    for bad in ["2020/01-01", "2020-01/01", "2020-01-01x", "2020-1-011", "2020-01-1"] {
        assert!(!date.matches(&v(&alloc::format!("\"{bad}\""))), "{bad}");
    }
    let time = f(r#"{"format":"date-time"}"#);
    for good in ["2020-01-01T10:00:00Z", "2020-01-01t23:59:60z", "2020-01-01T00:00:00.5+23:59"] {
        assert!(time.matches(&v(&alloc::format!("\"{good}\""))), "{good}");
    }
    for bad in [
        "2020-01-01 10:00:00Z",
        "2020-01-01T10-00:00Z",
        "2020-01-01T10:00-00Z",
        "2020-01-01T24:00:00Z",
        "2020-01-01T10:60:00Z",
        "2020-01-01T10:00:61Z",
        "2020-01-01T10:00:00+24:00",
        "2020-01-01T10:00:00+00:60",
        "2020-01-01T10:00:00.Z",
    ] {
        assert!(!time.matches(&v(&alloc::format!("\"{bad}\""))), "{bad}");
    }
}

#[test]
fn date_times_compare_by_the_instant_they_name() {
    let min = f(r#"{"format":"date-time","formatMinimum":"2020-01-01T10:30:30Z"}"#);
    for (text, want) in [
        ("2020-01-01T10:30:30Z", true),
        ("2020-01-01T10:30:31Z", true),
        ("2020-01-01T10:31:00Z", true),
        ("2020-01-01T11:00:00Z", true),
        ("2020-01-01T10:30:29Z", false),
        ("2020-01-01T10:29:31Z", false),
        ("2020-01-01T09:31:31Z", false),
        ("2019-12-31T23:59:59Z", false),
        ("2020-01-01T09:30:30-01:00", true),
        ("2020-01-01T11:30:29+01:00", false),
        ("2020-01-01T09:00:30-01:30", true),
        ("2020-01-01T08:59:30-01:30", false),
    ] {
        assert_eq!(min.matches(&v(&alloc::format!("\"{text}\""))), want, "{text}");
    }
    let time = f(r#"{"format":"date-time"}"#);
    for bad in ["2020-01-01T10:00:00+01:00x", "2020-01-01T10:00:00+01000", "2020-01-01T10:00:00+0100"] {
        assert!(!time.matches(&v(&alloc::format!("\"{bad}\""))), "{bad}");
    }
}
