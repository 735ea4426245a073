//! Tests of the typed credential values.

use super::*;
use crate::error::{Error, ErrorCode, Location};
use crate::json::Value;
use crate::limits::Limits;
use alloc::format;
use alloc::string::ToString;
use alloc::vec;
use alloc::vec::Vec;

fn num_err(s: &str) -> Error {
    Decimal::parse(s).unwrap_err()
}

#[test]
fn attribute_type_names() {
    for t in AttributeType::ALL {
        assert_eq!(AttributeType::from_name(t.name()), Some(t));
        assert_eq!(AttributeType::from_name(t.dto_name()), Some(t));
        assert_eq!(format!("{t}"), t.name());
    }
    let names: Vec<_> = AttributeType::ALL.iter().map(|t| t.name()).collect();
    assert_eq!(names, ["Text", "Date", "Number", "ImageURL", "Enumeration"]);
    for bad in ["phone", "file", "Phone", "File", "", "TEXT", "ImageUrl", "imageURL", "image_url", " text", "enum"] {
        assert_eq!(AttributeType::from_name(bad), None, "{bad}");
    }
}

#[test]
fn decimal_accepts_grammar() {
    for s in ["0", "-0", "5", "007", "-007.500", "222.2222", "0.1", "0.10", "-1.5", "123456789", "0.000"] {
        let d = Decimal::parse(s).unwrap();
        assert_eq!(d.as_str(), s);
        assert_eq!(format!("{d}"), s);
    }
    let d = Decimal::parse("007").unwrap();
    assert_eq!((d.integer_digits(), d.fraction_digits(), d.scale()), ("007", "", 0));
    let d = Decimal::parse("-12.340").unwrap();
    assert_eq!((d.integer_digits(), d.fraction_digits(), d.scale()), ("12", "340", 3));
    assert!(d.is_negative());
    assert!(!Decimal::parse("-0.00").unwrap().is_negative());
    assert!(!Decimal::parse("0.5").unwrap().is_negative());
    assert!(Decimal::parse("-0.01").unwrap().is_negative());
    assert_ne!(Decimal::parse("0.1").unwrap(), Decimal::parse("0.10").unwrap());
    let forty = "1234567890123456789012345678901234567890";
    assert_eq!(Decimal::parse(forty).unwrap().as_str(), forty);
    let long = "9".repeat(MAX_DECIMAL_LEN);
    assert_eq!(Decimal::parse(&long).unwrap().as_str(), long);
}

#[test]
fn decimal_rejections_name_the_rule() {
    let cases: &[(&str, &str)] = &[
        ("", "number is empty"),
        ("+1", "leading '+' not allowed"),
        (" 1", "leading or trailing whitespace not allowed"),
        ("1 ", "leading or trailing whitespace not allowed"),
        ("1\n", "leading or trailing whitespace not allowed"),
        ("1 000", "whitespace not allowed"),
        ("1e5", "exponent not allowed"),
        ("1E5", "exponent not allowed"),
        ("1.5e-3", "exponent not allowed"),
        ("1,5", "comma is not a decimal separator; use '.'"),
        ("1,000.5", "comma is not a decimal separator; use '.'"),
        (".5", "a digit is required before '.'"),
        ("-.5", "a digit is required before '.'"),
        ("5.", "a digit is required after '.'"),
        ("-", "a digit is required after '-'"),
        ("1.2.3", "only one '.' allowed"),
        ("1..2", "only one '.' allowed"),
        // A second '.' at the very end is still a second '.', not a missing digit.
        ("1.2.", "only one '.' allowed"),
        ("1..", "only one '.' allowed"),
        ("NaN", "NaN and Infinity are not numbers"),
        ("nan", "NaN and Infinity are not numbers"),
        ("Infinity", "NaN and Infinity are not numbers"),
        ("-Infinity", "NaN and Infinity are not numbers"),
        ("inf", "NaN and Infinity are not numbers"),
        ("--1", "'-' is only allowed at the start"),
        ("1-", "'-' is only allowed at the start"),
        ("0x10", "unexpected character in number"),
        ("١٢", "unexpected character in number"),
        ("12abc", "unexpected character in number"),
        ("1_000", "unexpected character in number"),
    ];
    for (s, detail) in cases {
        let e = num_err(s);
        assert_eq!(e.code(), ErrorCode::InvalidNumber, "{s}");
        assert_eq!(e.detail(), *detail, "{s}");
    }
    assert_eq!(num_err("12x").location(), Location::Offset(2));
    let e = num_err(&"1".repeat(MAX_DECIMAL_LEN + 1));
    assert_eq!((e.code(), e.detail()), (ErrorCode::InvalidNumber, "number longer than 1000 characters"));
}

#[test]
fn dates() {
    for (s, v) in [
        ("0", 0),
        ("1648800000", 1_648_800_000),
        ("-86400", -86_400),
        ("99999999999", 99_999_999_999),
        ("-99999999999", -99_999_999_999),
    ] {
        assert_eq!(parse_date(s), Ok(v), "{s}");
    }
    let ms = parse_date("1648800000000").unwrap_err();
    assert_eq!(ms.code(), ErrorCode::DateLooksLikeMilliseconds);
    assert_eq!(ms.detail(), "value looks like milliseconds since the epoch; ProofSpace dates are seconds");
    for s in ["100000000000", "-100000000000", "9223372036854775807", "-9223372036854775808"] {
        assert_eq!(parse_date(s).unwrap_err().code(), ErrorCode::DateLooksLikeMilliseconds, "{s}");
    }
    let cases: &[(&str, &str)] = &[
        ("", "date is empty"),
        ("-", "a date is an integer number of seconds (digits only)"),
        ("-0", "negative zero not allowed"),
        ("00", "leading zeros not allowed"),
        ("0123", "leading zeros not allowed"),
        ("-01", "leading zeros not allowed"),
        ("+5", "leading '+' not allowed"),
        (" 5", "leading or trailing whitespace not allowed"),
        ("5 ", "leading or trailing whitespace not allowed"),
        ("1648800000.5", "fractional seconds not allowed"),
        ("1.6488e9", "fractional seconds not allowed"),
        ("1e9", "exponent not allowed"),
        ("2022-04-01", "calendar dates are not allowed; a date is seconds since the epoch"),
        ("2022-04-01T00:00:00Z", "calendar dates are not allowed; a date is seconds since the epoch"),
        ("abc", "a date is an integer number of seconds (digits only)"),
        ("9223372036854775808", "out of range for a 64-bit integer"),
        ("-9223372036854775809", "out of range for a 64-bit integer"),
        ("12345678901234567890", "more than 19 digits; out of range for a 64-bit integer"),
    ];
    for (s, detail) in cases {
        let e = parse_date(s).unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidDate, "{s}");
        assert_eq!(e.detail(), *detail, "{s}");
    }
    let huge = "9".repeat(10_000);
    assert_eq!(parse_date(&huge).unwrap_err().code(), ErrorCode::InvalidDate);
}

#[test]
fn enumerations() {
    for (s, v) in [("0", 0), ("1", 1), ("42", 42), ("4294967295", u32::MAX)] {
        assert_eq!(parse_enumeration(s, None), Ok(v), "{s}");
    }
    let cases: &[(&str, &str)] = &[
        ("", "enumeration value is empty"),
        ("01", "leading zeros not allowed"),
        ("00", "leading zeros not allowed"),
        ("-1", "negative index not allowed"),
        ("+1", "leading '+' not allowed"),
        (" 1", "leading or trailing whitespace not allowed"),
        ("1.0", "fractional index not allowed"),
        ("Gold", "enumeration value must be a numeric index such as \"0\" (digits only)"),
        ("1e2", "enumeration value must be a numeric index such as \"0\" (digits only)"),
        ("4294967296", "index does not fit in 32 bits"),
        ("99999999999999999999999", "index does not fit in 32 bits"),
    ];
    for (s, detail) in cases {
        let e = parse_enumeration(s, None).unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidEnumeration, "{s}");
        assert_eq!(e.detail(), *detail, "{s}");
    }
    let values = [EnumValue { name: "Gold".into(), value: 0 }, EnumValue { name: "Silver".into(), value: 5 }];
    assert_eq!(parse_enumeration("0", Some(&values)), Ok(0));
    assert_eq!(parse_enumeration("5", Some(&values)), Ok(5));
    for s in ["1", "2", "6"] {
        assert_eq!(parse_enumeration(s, Some(&values)).unwrap_err().code(), ErrorCode::EnumerationNotInSchema);
    }
    // Grammar errors win over membership: "05" is malformed, not merely unlisted.
    assert_eq!(parse_enumeration("05", Some(&values)).unwrap_err().code(), ErrorCode::InvalidEnumeration);
    assert_eq!(parse_enumeration("0", Some(&[])).unwrap_err().code(), ErrorCode::EnumerationNotInSchema);
}

#[test]
fn image_urls_accepted() {
    for url in [
        "https://example.com/a.png",
        "http://example.com",
        "HTTP://EXAMPLE.COM",
        "HtTpS://example.com/",
        "https://[::1]:8080/p?q#f",
        "https://[2001:db8::ffff:192.0.2.1]/x",
        "https://192.168.0.1:443/img.jpg",
        "https://x:1/",
        "https://x:65535",
        "https://ex-ample.co.uk/a/b/c.png?size=large&v=2#frag/ment?x",
        "https://x/a%20b.png",
        "https://x%41/",
        "https://x/p:a@b!$&'()*+,;=~_-.",
        "https://x?q",
        "https://x#f",
        "https://sub_domain.example/",
    ] {
        assert_eq!(validate_image_url(url), Ok(()), "{url}");
    }
    let long = format!("https://x/{}", "a".repeat(MAX_IMAGE_URL_LEN - 10));
    assert_eq!(long.len(), MAX_IMAGE_URL_LEN);
    assert!(validate_image_url(&long).is_ok());
}

#[test]
fn image_urls_rejected() {
    let cases: &[(&str, &str)] = &[
        ("", "URL is empty"),
        ("https://user:pw@x", "userinfo (credentials) not allowed in an image URL"),
        ("https://user@x/a.png", "userinfo (credentials) not allowed in an image URL"),
        ("https://", "empty host"),
        ("https:///a.png", "empty host"),
        ("https://:80/", "empty host"),
        ("javascript:alert(1)", "scheme must be http or https"),
        ("data:image/png;base64,AAAA", "scheme must be http or https"),
        ("ftp://example.com/a.png", "scheme must be http or https"),
        ("httpss://example.com", "scheme must be http or https"),
        ("example.com/a.png", "not an absolute URL: no scheme"),
        ("//example.com/a.png", "not an absolute URL: no scheme"),
        ("https:example.com", "expected \"//\" after the scheme"),
        ("https:/example.com", "expected \"//\" after the scheme"),
        ("https://x/a b", "whitespace not allowed; percent-encode it"),
        (" https://x/", "whitespace not allowed; percent-encode it"),
        ("https://x/\t", "whitespace not allowed; percent-encode it"),
        ("https://x/\u{0}", "control character not allowed"),
        ("https://x/\u{7f}", "control character not allowed"),
        ("https://x/é.png", "non-ASCII character not allowed; percent-encode it"),
        ("https://exämple.com/", "non-ASCII character not allowed; percent-encode it"),
        ("https://x/%zz", "'%' must be followed by two hex digits"),
        ("https://x/%4", "'%' must be followed by two hex digits"),
        ("https://x/%", "'%' must be followed by two hex digits"),
        ("https://x%4:80/", "'%' must be followed by two hex digits"),
        ("https://x%zz/", "'%' must be followed by two hex digits"),
        ("https://x/a#b#c", "second '#' not allowed; percent-encode it"),
        ("https://x/<script>", "character not allowed in a URL; percent-encode it"),
        ("https://x/a\"b", "character not allowed in a URL; percent-encode it"),
        ("https://x/a\\b", "character not allowed in a URL; percent-encode it"),
        ("https://x/{a}", "character not allowed in a URL; percent-encode it"),
        ("https://x/a[0]", "character not allowed in a URL; percent-encode it"),
        ("https://x/a|b", "character not allowed in a URL; percent-encode it"),
        ("https://x/a^b", "character not allowed in a URL; percent-encode it"),
        ("https://x/a`b", "character not allowed in a URL; percent-encode it"),
        ("https://ex<ample.com/", "character not allowed in the host"),
        ("https://x]/", "character not allowed in the host"),
        ("https://x:65536", "port above 65535"),
        ("https://x:99999/", "port above 65535"),
        ("https://x:123456", "port must be 1 to 5 digits"),
        ("https://x:8a", "port must be 1 to 5 digits"),
        ("https://x:80:80", "port must be 1 to 5 digits"),
        ("https://x:", "empty port"),
        ("https://x:/a", "empty port"),
        ("https://[::1", "IPv6 literal has no closing ']'"),
        ("https://[]/", "IPv6 literal without ':'"),
        ("https://[::g]/", "IPv6 literal may hold only hex digits, ':' and '.'"),
        ("https://[v1.x]/", "IPv6 literal may hold only hex digits, ':' and '.'"),
        ("https://[1.2.3.4]/", "IPv6 literal without ':'"),
        ("https://[::1]x/", "unexpected character after the IPv6 literal"),
        ("https://[::1]:/", "empty port"),
        ("https://[::1]:70000/", "port above 65535"),
    ];
    for (url, detail) in cases {
        let e = validate_image_url(url).unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidImageUrl, "{url}");
        assert_eq!(e.detail(), *detail, "{url}");
    }
    assert_eq!(validate_image_url("https://x/a b").unwrap_err().location(), Location::Offset(11));
    let long = format!("https://x/{}", "a".repeat(MAX_IMAGE_URL_LEN - 9));
    assert_eq!(validate_image_url(&long).unwrap_err().detail(), "URL longer than 2048 bytes");
}

#[test]
fn cast_and_wire_round_trips() {
    let valid: &[(AttributeType, &[&str])] = &[
        (AttributeType::Text, &["", "hello", " spaced ", "€ and \"quotes\"", "\u{0}\n", "12"]),
        (AttributeType::Date, &["0", "1", "-1", "1648800000", "-2208988800", "99999999999", "-99999999999"]),
        (
            AttributeType::Number,
            &[
                "0",
                "-0",
                "007",
                "222.2222",
                "0.1",
                "0.10",
                "-3.14159",
                "1234567890123456789012345678901234567890",
                "0.0000000000000000000000000000000000000001",
            ],
        ),
        (AttributeType::ImageUrl, &["https://example.com/a.png", "HTTP://EXAMPLE.COM", "https://[::1]:8080/p?q#f"]),
        (AttributeType::Enumeration, &["0", "1", "10", "4294967295"]),
    ];
    for (ty, wires) in valid {
        for &wire in *wires {
            let v = cast(*ty, wire, None).unwrap();
            assert_eq!(v.kind(), *ty);
            assert_eq!(v.to_wire(), wire, "{ty}: {wire}");
            assert_eq!(cast(*ty, &v.to_wire(), None).unwrap(), v);
        }
    }
    let values = [
        TypedValue::Text("x y".into()),
        TypedValue::Date(i64::from(i32::MIN)),
        TypedValue::Date(0),
        TypedValue::Date(99_999_999_999),
        TypedValue::Number(Decimal::parse("-0.50").unwrap()),
        TypedValue::ImageUrl("https://x/y.png".into()),
        TypedValue::Enumeration(0),
        TypedValue::Enumeration(u32::MAX),
    ];
    for v in values {
        assert_eq!(cast(v.kind(), &v.to_wire(), None).unwrap(), v);
    }
    for n in (0..=u32::MAX).step_by(9_999_991) {
        assert_eq!(
            cast(AttributeType::Enumeration, &TypedValue::Enumeration(n).to_wire(), None).unwrap().to_wire(),
            n.to_string()
        );
    }
    for s in (-99_999_999_999i64..=99_999_999_999).step_by(999_999_937) {
        let v = TypedValue::Date(s);
        assert_eq!(cast(AttributeType::Date, &v.to_wire(), None).unwrap(), v);
    }
    assert_eq!(cast(AttributeType::Number, "222.2222", None).unwrap().to_wire(), "222.2222");
    assert_ne!(cast(AttributeType::Number, "0.1", None), cast(AttributeType::Number, "0.10", None));
}

#[test]
fn cast_reports_each_types_code() {
    assert_eq!(cast(AttributeType::Date, "x", None).unwrap_err().code(), ErrorCode::InvalidDate);
    assert_eq!(cast(AttributeType::Number, "x", None).unwrap_err().code(), ErrorCode::InvalidNumber);
    assert_eq!(cast(AttributeType::ImageUrl, "x", None).unwrap_err().code(), ErrorCode::InvalidImageUrl);
    assert_eq!(cast(AttributeType::Enumeration, "x", None).unwrap_err().code(), ErrorCode::InvalidEnumeration);
    let values = [EnumValue { name: "A".into(), value: 3 }];
    assert_eq!(
        cast(AttributeType::Enumeration, "2", Some(&values)).unwrap_err().code(),
        ErrorCode::EnumerationNotInSchema
    );
    // Enum values mean nothing to other types.
    assert_eq!(cast(AttributeType::Number, "2", Some(&values)).unwrap().to_wire(), "2");
    assert_eq!(TypedValue::cast(AttributeType::Text, "anything", None), Ok(TypedValue::Text("anything".into())));
}

#[test]
fn json_display() {
    assert_eq!(TypedValue::Text("a\"b".into()).to_json(), r#"{"type":"Text","value":"a\"b"}"#);
    assert_eq!(TypedValue::Date(1_648_800_000).to_json(), r#"{"type":"Date","seconds":1648800000}"#);
    assert_eq!(TypedValue::Date(-5).to_json(), r#"{"type":"Date","seconds":-5}"#);
    let n = TypedValue::Number(Decimal::parse("222.2222").unwrap());
    assert_eq!(n.to_json(), r#"{"type":"Number","value":"222.2222"}"#);
    assert_eq!(
        TypedValue::ImageUrl("https://x/a.png".into()).to_json(),
        r#"{"type":"ImageURL","url":"https://x/a.png"}"#
    );
    assert_eq!(TypedValue::Enumeration(2).to_json(), r#"{"type":"Enumeration","index":2}"#);
    for v in [TypedValue::Text("\u{1}\n€".into()), n, TypedValue::Enumeration(7)] {
        let parsed = Value::parse(&v.to_json(), &Limits::DEFAULT).unwrap();
        assert_eq!(parsed.get("type").and_then(Value::as_str), Some(v.kind().name()));
    }
    let mut buf = [0u8; 8];
    let mut w = crate::json::SliceWriter::new(&mut buf);
    assert!(TypedValue::Enumeration(1).write_json(&mut w).is_err());
}

const SCHEMA: &str = r#"{"attributes":[{"name":"Age","type":"Number"},{"name":"Level","type":"Enumeration","enumValues":[{"name":"Gold","value":0},{"name":"Silver","value":1}]}]}"#;

fn schema_err(text: &str) -> Error {
    CredentialSchema::parse(text, &Limits::DEFAULT).unwrap_err()
}

#[test]
fn schema_reads_the_documented_shape() {
    let s = CredentialSchema::parse(SCHEMA, &Limits::DEFAULT).unwrap();
    assert_eq!(s.attributes.len(), 2);
    assert_eq!(s.attributes[0], SchemaAttribute { name: "Age".into(), ty: AttributeType::Number, enum_values: vec![] });
    assert_eq!(s.attributes[1].ty, AttributeType::Enumeration);
    assert_eq!(
        s.attributes[1].enum_values,
        [EnumValue { name: "Gold".into(), value: 0 }, EnumValue { name: "Silver".into(), value: 1 }]
    );
    assert_eq!(s.attribute("Level").map(|a| a.ty), Some(AttributeType::Enumeration));
    assert!(s.attribute("level").is_none());

    let dto = r#"{"attributes":[{"name":"a","type":"text"},{"name":"b","type":"date"},{"name":"c","type":"imageUrl"},
        {"name":"d","type":"enumeration","enumValues":[{"name":"X","value":"7","description":"seven"},{"name":"Y","value":8,"description":null}]},
        {"name":"e","type":"ImageURL","enumValues":[]},{"name":"f","type":"Number","enumValues":null}]}"#;
    let s = CredentialSchema::parse(dto, &Limits::DEFAULT).unwrap();
    let types: Vec<_> = s.attributes.iter().map(|a| a.ty).collect();
    assert_eq!(
        types,
        [
            AttributeType::Text,
            AttributeType::Date,
            AttributeType::ImageUrl,
            AttributeType::Enumeration,
            AttributeType::ImageUrl,
            AttributeType::Number
        ]
    );
    assert_eq!(s.attributes[3].enum_values.iter().map(|v| v.value).collect::<Vec<_>>(), [7, 8]);
    assert!(CredentialSchema::parse(r#"{"attributes":[]}"#, &Limits::DEFAULT).unwrap().attributes.is_empty());
    // An Enumeration without enumValues is unrestricted.
    let open = CredentialSchema::parse(r#"{"attributes":[{"name":"E","type":"Enumeration"}]}"#, &Limits::DEFAULT);
    assert_eq!(open.unwrap().attributes[0].cast("12"), Ok(TypedValue::Enumeration(12)));
}

#[test]
fn schema_rejections() {
    let cases: &[(&str, ErrorCode)] = &[
        (r#"[]"#, ErrorCode::UnexpectedJsonType),
        (r#"{}"#, ErrorCode::MissingField),
        (r#"{"attributes":null}"#, ErrorCode::MissingField),
        (r#"{"attributes":{}}"#, ErrorCode::UnexpectedJsonType),
        (r#"{"attributes":[],"extra":1}"#, ErrorCode::UnknownField),
        (r#"{"attributes":[1]}"#, ErrorCode::UnexpectedJsonType),
        (r#"{"attributes":[{"name":"A","type":"Text","x":1}]}"#, ErrorCode::UnknownField),
        (r#"{"attributes":[{"type":"Text"}]}"#, ErrorCode::MissingField),
        (r#"{"attributes":[{"name":"A"}]}"#, ErrorCode::MissingField),
        (r#"{"attributes":[{"name":1,"type":"Text"}]}"#, ErrorCode::UnexpectedJsonType),
        (r#"{"attributes":[{"name":"A","type":true}]}"#, ErrorCode::UnexpectedJsonType),
        (r#"{"attributes":[{"name":"","type":"Text"}]}"#, ErrorCode::InvalidFieldValue),
        (r#"{"attributes":[{"name":"A","type":"phone"}]}"#, ErrorCode::InvalidFieldValue),
        (r#"{"attributes":[{"name":"A","type":"file"}]}"#, ErrorCode::InvalidFieldValue),
        (r#"{"attributes":[{"name":"A","type":"Boolean"}]}"#, ErrorCode::InvalidFieldValue),
        (r#"{"attributes":[{"name":"A","type":"Text"},{"name":"A","type":"Date"}]}"#, ErrorCode::DuplicateKey),
        (r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":{}}]}"#, ErrorCode::UnexpectedJsonType),
        (r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[0]}]}"#, ErrorCode::UnexpectedJsonType),
        (r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[{"name":"X"}]}]}"#, ErrorCode::MissingField),
        (r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[{"value":0}]}]}"#, ErrorCode::MissingField),
        (
            r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[{"name":"X","value":0,"y":1}]}]}"#,
            ErrorCode::UnknownField,
        ),
        (
            r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[{"name":"X","value":true}]}]}"#,
            ErrorCode::UnexpectedJsonType,
        ),
        (
            r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[{"name":"X","value":0,"description":5}]}]}"#,
            ErrorCode::UnexpectedJsonType,
        ),
        (
            r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[{"name":"X","value":-1}]}]}"#,
            ErrorCode::InvalidEnumeration,
        ),
        (
            r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[{"name":"X","value":1.5}]}]}"#,
            ErrorCode::InvalidEnumeration,
        ),
        (
            r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[{"name":"X","value":1e0}]}]}"#,
            ErrorCode::InvalidEnumeration,
        ),
        (
            r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[{"name":"X","value":4294967296}]}]}"#,
            ErrorCode::InvalidEnumeration,
        ),
        (
            r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[{"name":"X","value":"01"}]}]}"#,
            ErrorCode::InvalidEnumeration,
        ),
        (
            r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[{"name":"X","value":0},{"name":"Y","value":"0"}]}]}"#,
            ErrorCode::DuplicateKey,
        ),
        (
            r#"{"attributes":[{"name":"A","type":"Text","enumValues":[{"name":"X","value":0}]}]}"#,
            ErrorCode::InvalidFieldValue,
        ),
    ];
    for (text, code) in cases {
        assert_eq!(schema_err(text).code(), *code, "{text}");
    }
    let e = schema_err(r#"{"attributes":[{"name":"A","type":"Text"},{"name":"B","type":"phone"}]}"#);
    assert_eq!(e.location(), Location::Index(1));
    let e = schema_err(
        r#"{"attributes":[{"name":"A","type":"Text"},{"name":"B","type":"Text"},{"name":"A","type":"Text"}]}"#,
    );
    assert_eq!((e.code(), e.location()), (ErrorCode::DuplicateKey, Location::Index(2)));
    assert_eq!(CredentialSchema::parse("{", &Limits::DEFAULT).unwrap_err().code(), ErrorCode::InvalidJson);
}

fn schema() -> CredentialSchema {
    CredentialSchema::parse(
        r#"{"attributes":[{"name":"Name","type":"Text"},{"name":"Born","type":"Date"},{"name":"Age","type":"Number"},
            {"name":"Photo","type":"ImageURL"},{"name":"Level","type":"Enumeration","enumValues":[{"name":"Gold","value":0},{"name":"Silver","value":1}]}]}"#,
        &Limits::DEFAULT,
    )
    .unwrap()
}

#[test]
fn whole_credential_valid() {
    let fields = [
        NameValue::new("Level", "1"),
        NameValue::new("Name", "Ann"),
        NameValue::new("Born", "1648800000"),
        NameValue::new("Age", "222.2222"),
        NameValue::new("Photo", "https://example.com/a.png"),
    ];
    assert!(validate_credential(&schema(), &fields).is_empty());
    let typed = cast_credential(&schema(), &fields).unwrap();
    let names: Vec<_> = typed.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Level", "Name", "Born", "Age", "Photo"]);
    assert_eq!(typed[0].1, TypedValue::Enumeration(1));
    assert_eq!(typed[2].1, TypedValue::Date(1_648_800_000));
    assert_eq!(typed[3].1.to_wire(), "222.2222");
    // An empty field list postpones issuing; it is not "every attribute missing".
    assert!(validate_credential(&schema(), &[]).is_empty());
    assert_eq!(cast_credential(&schema(), &[]), Ok(vec![]));
}

#[test]
fn whole_credential_reports_every_issue() {
    let fields = [
        NameValue::new("Born", "1648800000000"),
        NameValue::new("Nickname", "Annie"),
        NameValue::new("Age", "1,5"),
        NameValue::new("Level", "2"),
        NameValue::new("Age", "3"),
        NameValue::new("Age", "4"),
        NameValue::new("Nickname", "A"),
        NameValue::new("Photo", "https://user:pw@x/a.png"),
    ];
    let issues = validate_credential(&schema(), &fields);
    let got: Vec<(&str, ErrorCode)> = issues.iter().map(|i| (i.field.as_str(), i.error.code())).collect();
    assert_eq!(
        got,
        [
            ("Born", ErrorCode::DateLooksLikeMilliseconds),
            ("Nickname", ErrorCode::UnknownField),
            ("Age", ErrorCode::InvalidNumber),
            ("Level", ErrorCode::EnumerationNotInSchema),
            ("Age", ErrorCode::DuplicateKey),
            ("Age", ErrorCode::DuplicateKey),
            ("Nickname", ErrorCode::DuplicateKey),
            ("Photo", ErrorCode::InvalidImageUrl),
            ("Name", ErrorCode::MissingField),
        ]
    );
    assert_eq!(issues[1].error.location(), Location::Index(1));
    assert_eq!(issues[4].error.location(), Location::Index(4));
    assert_eq!(issues[8].error.location(), Location::Index(0));
    assert_eq!(cast_credential(&schema(), &fields), Err(issues));

    let only_missing = validate_credential(&schema(), &[NameValue::new("Name", "Ann")]);
    let missing: Vec<_> = only_missing.iter().map(|i| i.field.as_str()).collect();
    assert_eq!(missing, ["Born", "Age", "Photo", "Level"]);
    assert!(only_missing.iter().all(|i| i.error.code() == ErrorCode::MissingField));
}

#[test]
fn many_fields_stay_linear() {
    let attributes: Vec<_> = (0..2000)
        .map(|i| SchemaAttribute { name: format!("f{i}"), ty: AttributeType::Enumeration, enum_values: vec![] })
        .collect();
    let schema = CredentialSchema { attributes };
    let fields: Vec<_> = (0..2000).map(|i| NameValue::new(format!("f{i}"), format!("{i}"))).collect();
    assert_eq!(cast_credential(&schema, &fields).unwrap().len(), 2000);
    let dup: Vec<_> = (0..2000).map(|_| NameValue::new("f0", "0")).collect();
    assert_eq!(validate_credential(&schema, &dup).len(), 1999 + 1999);
}

#[test]
fn fields_in_schema_order_give_what_any_order_gives() {
    let in_order = [
        NameValue::new("Name", "Ann"),
        NameValue::new("Born", "1648800000"),
        NameValue::new("Age", "222.2222"),
        NameValue::new("Photo", "https://example.com/a.png"),
        NameValue::new("Level", "1"),
    ];
    let mut reversed = in_order.clone();
    reversed.reverse();
    let mut typed = cast_credential(&schema(), &in_order).unwrap();
    let names: Vec<_> = typed.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Name", "Born", "Age", "Photo", "Level"]);
    typed.reverse();
    assert_eq!(cast_credential(&schema(), &reversed), Ok(typed));

    let mut bad = in_order.clone();
    bad[2] = NameValue::new("Age", "1,5");
    let issues = cast_credential(&schema(), &bad).unwrap_err();
    assert_eq!(issues.len(), 1);
    assert_eq!((issues[0].field.as_str(), issues[0].error.code()), ("Age", ErrorCode::InvalidNumber));
    bad.swap(0, 4);
    assert_eq!(cast_credential(&schema(), &bad), Err(issues));

    // A schema naming an attribute twice: the second field of that name is a repeat, in the
    // schema's order too.
    let text = |name: &str, ty| SchemaAttribute { name: name.into(), ty, enum_values: vec![] };
    let twice = CredentialSchema { attributes: vec![text("X", AttributeType::Text), text("X", AttributeType::Number)] };
    let issues = cast_credential(&twice, &[NameValue::new("X", "a"), NameValue::new("X", "b")]).unwrap_err();
    let got: Vec<_> = issues.iter().map(|i| (i.field.as_str(), i.error.code(), i.error.location())).collect();
    assert_eq!(got, [("X", ErrorCode::DuplicateKey, Location::Index(1))]);
    // A prefix of the schema's order still misses the rest.
    let missing = validate_credential(&schema(), &in_order[..2]);
    let names: Vec<_> = missing.iter().map(|i| i.field.as_str()).collect();
    assert_eq!(names, ["Age", "Photo", "Level"]);
}
