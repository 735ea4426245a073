//! The Smart-ID command-line forms of DESIGN.md, driven as an outside conformance suite would.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code: a panic is a failed test

mod common;

use common::{first_stderr_line, run, stdout_json};
use serde_json::{json, Value};

fn b64(s: &str) -> String {
    ssi_verify_core::codec::base64_encode(s.as_bytes())
}

fn official() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/smartid/official.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn decode_from_argument_and_stdin() {
    let text = b64(r#"[{"displayText60":"Tere \u00f5htust","type":"displayTextAndPIN"}]"#);
    for out in [
        run(&["smartid", "decode", "--flow", "device-link", &text], None),
        run(&["smartid", "decode", "--flow=notification"], Some(&format!("{text}\n"))),
    ] {
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(
            stdout_json(&out),
            json!({"interactions":[{"type":"displayTextAndPIN","displayText60":"Tere õhtust"}]})
        );
        // Member order of the output is fixed: type, then the text.
        assert!(String::from_utf8_lossy(&out.stdout).starts_with(r#"{"interactions":[{"type":"#));
    }
}

#[test]
fn decode_rejections_exit_1_with_code() {
    let cases = [
        ("not base64!", "INVALID_BASE64"),
        (&b64("[1,2"), "INVALID_JSON"),
        (&b64("[]"), "EMPTY_INTERACTIONS"),
        (&b64(r#"[{"type":"displayTextAndPIN","displayText60":"a","displayText200":"b"}]"#), "BOTH_DISPLAY_TEXTS"),
        (&b64(r#"[{"type":"displayTextAndPIN","displayText60":""}]"#), "EMPTY_DISPLAY_TEXT"),
        (
            &b64(
                r#"[{"type":"displayTextAndPIN","displayText60":"a"},{"type":"displayTextAndPIN","displayText60":"b"}]"#,
            ),
            "DUPLICATE_INTERACTION_TYPE",
        ),
        (
            &b64(r#"[{"type":"confirmationMessageAndVerificationCodeChoice","displayText200":"a"}]"#),
            "TYPE_NOT_ALLOWED_FOR_FLOW",
        ),
        (&b64(r#"[{"type":"newType","displayText60":"a"}]"#), "UNKNOWN_INTERACTION_TYPE"),
        (&b64(r#"[{"type":"displayTextAndPIN","type":"displayTextAndPIN","displayText60":"a"}]"#), "DUPLICATE_KEY"),
        (
            &b64(&format!(r#"[{{"type":"displayTextAndPIN","displayText60":"{}"}}]"#, "\\u00e9".repeat(61))),
            "DISPLAY_TEXT_TOO_LONG",
        ),
    ];
    for (input, code) in cases {
        let out = run(&["smartid", "decode", "--flow", "device-link", input], None);
        assert_eq!(out.status.code(), Some(1), "{code}");
        assert!(
            first_stderr_line(&out).starts_with(&format!("error: {code}: ")),
            "{code}: {}",
            first_stderr_line(&out)
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["smartid", "decode", "AAAA"],
        vec!["smartid", "decode", "--flow", "qr", "AAAA"],
        vec!["smartid", "select", "AAAA"],
        vec!["smartid", "select", "--supported", "fancyType", "AAAA"],
        vec!["smartid", "frobnicate"],
        vec!["nonsense"],
        vec![],
    ] {
        assert_eq!(run(&args, None).status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn select_skips_unknown_and_follows_rp_order() {
    let list = b64(
        r#"[{"type":"future","displayText999":"x"},{"type":"confirmationMessage","displayText200":"Long"},{"type":"displayTextAndPIN","displayText60":"Short"}]"#,
    );
    let out = run(&["smartid", "select", "--supported", "displayTextAndPIN,confirmationMessage", &list], None);
    assert!(out.status.success());
    assert_eq!(stdout_json(&out), json!({"type":"confirmationMessage","displayText200":"Long"}));
    let out = run(&["smartid", "select", "--supported", "displayTextAndPIN"], Some(&list));
    assert_eq!(stdout_json(&out), json!({"type":"displayTextAndPIN","displayText60":"Short"}));
    let out = run(&["smartid", "select", "--supported", "confirmationMessageAndVerificationCodeChoice", &list], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(first_stderr_line(&out).starts_with("error: REQUIRED_INTERACTION_NOT_SUPPORTED_BY_APP: "));
}

#[test]
fn encode_reproduces_official_examples() {
    let v = official();
    for case in v["interactions_base64_official_docs"].as_array().unwrap() {
        let pretty =
            serde_json::to_string_pretty(&serde_json::from_str::<Value>(case["json"].as_str().unwrap()).unwrap())
                .unwrap();
        // Pretty-printing through serde_json would turn \u20ac into raw UTF-8; use the given text instead.
        let input = if case["json"].as_str().unwrap().contains("\\u") {
            case["json"].as_str().unwrap().to_owned()
        } else {
            pretty
        };
        let out = run(&["smartid", "encode"], Some(&input));
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim_end(), case["base64"].as_str().unwrap());
    }
    let out = run(
        &["smartid", "encode", "--flow", "device-link"],
        Some(r#"[{"type":"confirmationMessageAndVerificationCodeChoice","displayText200":"x"}]"#),
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn device_link_reproduces_the_nine_official_vectors() {
    let v = official();
    for case in v["authCode_official_docs"].as_array().unwrap() {
        let payload = case["authCodePayload"].as_str().unwrap();
        let f: Vec<&str> = payload.split('|').collect();
        let (base, query) = f[7].split_once('?').unwrap();
        let params: std::collections::HashMap<&str, &str> =
            query.split('&').map(|kv| kv.split_once('=').unwrap()).collect();
        let mut req = json!({
            "schemeName": f[0], "deviceLinkBase": base, "deviceLinkType": case["deviceLinkType"],
            "sessionType": case["sessionType"], "sessionToken": params["sessionToken"],
            "sessionSecret": case["sessionSecret"], "relyingPartyName": "DEMO", "brokeredRpName": "Example RP",
            "lang": params["lang"],
        });
        let o = req.as_object_mut().unwrap();
        match case["sessionType"].as_str().unwrap() {
            "auth" => {
                o.insert("rpChallenge".into(), f[2].into());
            }
            "sign" => {
                o.insert("digest".into(), f[2].into());
            }
            _ => {}
        }
        if !f[5].is_empty() {
            o.insert("interactions".into(), f[5].into());
        }
        if !f[6].is_empty() {
            o.insert("initialCallbackUrl".into(), f[6].into());
        }
        if let Some(s) = params.get("elapsedSeconds") {
            o.insert("elapsedSeconds".into(), s.parse::<u64>().unwrap().into());
        }
        let out = run(&["smartid", "device-link"], Some(&req.to_string()));
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(stdout_json(&out), json!({"authCode": case["authCode"], "deviceLink": case["deviceLink"]}));
    }
    let out = run(&["smartid", "device-link"], Some(r#"{"schemeName":"smart-id","bogus":1}"#));
    assert_eq!(out.status.code(), Some(1));
    assert!(first_stderr_line(&out).starts_with("error: UNKNOWN_FIELD: "));
    let out = run(&["smartid", "device-link"], Some(r#"{"schemeName":"smart-id"}"#));
    assert!(first_stderr_line(&out).starts_with("error: MISSING_FIELD: "));
}

#[test]
fn verify_auth_and_demo() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../samples/smartid");
    let ok = run(
        &[
            "smartid",
            "verify-auth",
            "--request",
            &format!("{dir}/auth-request-pss.json"),
            "--signature-only",
            &format!("{dir}/auth-status-pss.json"),
        ],
        None,
    );
    assert!(ok.status.success());
    assert_eq!(stdout_json(&ok), json!({"valid": true, "trust": "NOT_CHECKED"}));
    let bad = run(
        &[
            "smartid",
            "verify-auth",
            "--request",
            &format!("{dir}/auth-request-wrong-rp.json"),
            "--signature-only",
            &format!("{dir}/auth-status-pss.json"),
        ],
        None,
    );
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(stdout_json(&bad), json!({"valid": false, "reason": "SIGNATURE_MISMATCH", "trust": "NOT_CHECKED"}));
    let demo = run(&["demo"], None);
    assert!(demo.status.success(), "{}", String::from_utf8_lossy(&demo.stdout));
    let text = String::from_utf8_lossy(&demo.stdout);
    assert!(text.lines().filter(|l| l.starts_with("PASS ")).count() >= 10);
    assert!(!text.contains("FAIL "));
}
