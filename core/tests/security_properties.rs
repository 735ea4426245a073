//! Security properties that hold across modules: secrets compared in constant time, no
//! algorithm confusion, duplicate JSON names and forbidden Unicode refused everywhere.
#![cfg(all(feature = "smartid", feature = "proofspace", feature = "presentation"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

use ssi_verify_core::crypto::{ct_eq, rsa::RsaKey};
use ssi_verify_core::jose::{sign_hs256, verify_jwt, JwsKey, JwtPolicy, RsaJwsAlg};
use ssi_verify_core::json::{jcs, Value};
use ssi_verify_core::presentation::definition::PresentationDefinition;
use ssi_verify_core::proofspace::webhook::InteractionRequest;
use ssi_verify_core::{ErrorCode, Limits};

/// Identifier fragments that name secret or MAC-like values: comparing one with `==`/`!=`
/// would leak, through timing, how many leading bytes matched.
const SECRET_NAMES: [&str; 6] = ["mac", "auth_code", "authcode", "secret", "digest", "signature"];

fn identifier_at_end(s: &str) -> String {
    s.trim_end()
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || "_.()&".contains(*c))
        .collect::<String>()
        .chars()
        .rev()
        .collect()
}

fn identifier_at_start(s: &str) -> String {
    s.trim_start().chars().take_while(|c| c.is_alphanumeric() || "_.()&".contains(*c)).collect()
}

/// Source-level check: outside test modules, no `==`/`!=` has a secret-named operand; every such
/// comparison goes through `crypto::ct_eq` (subtle's `ConstantTimeEq`).
#[test]
fn secrets_are_compared_in_constant_time() {
    let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
    let mut files = 0;
    let mut offenders = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            files += 1;
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap();
            for (n, line) in code.lines().enumerate() {
                let trimmed = line.trim_start();
                if trimmed.starts_with("//") {
                    continue;
                }
                for op in ["==", "!="] {
                    let mut rest = line;
                    while let Some(i) = rest.find(op) {
                        let (left, right) = (identifier_at_end(&rest[..i]), identifier_at_start(&rest[i + 2..]));
                        // Lengths are public (a signature's length is its key's size): only contents count.
                        let named = |s: &str| {
                            !s.contains("len()") && SECRET_NAMES.iter().any(|n| s.to_ascii_lowercase().contains(n))
                        };
                        if named(&left) || named(&right) {
                            offenders.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                        }
                        rest = &rest[i + 2..];
                    }
                }
            }
        }
    }
    assert!(files > 40, "scanned only {files} files");
    assert!(offenders.is_empty(), "secret-named values compared with ==/!=:\n{}", offenders.join("\n"));
    // And ct_eq itself: equal, unequal at either end, and different lengths.
    assert!(ct_eq(b"authcode", b"authcode"));
    assert!(!ct_eq(b"authcode", b"Authcode") && !ct_eq(b"authcode", b"authcodE"));
    assert!(!ct_eq(b"authcode", b"authcod") && ct_eq(b"", b""));
}

#[test]
fn no_algorithm_confusion() {
    let l = Limits::DEFAULT;
    let pem = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/vectors/proofspace-jwt/rsa2048-public.pem"
    ))
    .unwrap();
    let rsa = RsaKey::from_spki_pem(&pem, 2048..=4096).unwrap();
    let claims = Value::parse(r#"{"iss":"a","exp":2000000000}"#, &l).unwrap();
    // The classic attack: HMAC the token with the *public* RSA key's bytes as the secret.
    let forged = sign_hs256(&claims, pem.as_bytes()).unwrap();
    let code = verify_jwt(&forged, &JwsKey::Rsa(&rsa, RsaJwsAlg::Rs256), &JwtPolicy::at(1_900_000_000), &l)
        .unwrap_err()
        .code();
    assert_eq!(code, ErrorCode::JwtAlgMismatch);
    // alg none, in any case spelling, is refused before any key is looked at.
    for alg in ["none", "None", "NONE"] {
        let header = ssi_verify_core::codec::base64url_encode(format!(r#"{{"alg":"{alg}"}}"#).as_bytes());
        let token = format!("{header}.e30.");
        let code = verify_jwt(&token, &JwsKey::Hmac(&[7; 32]), &JwtPolicy::at(0), &l).unwrap_err().code();
        assert_eq!(code, ErrorCode::JwtAlgNone, "{alg}");
    }
}

#[test]
fn duplicate_names_and_forbidden_unicode_are_refused_everywhere() {
    let l = Limits::DEFAULT;
    type Parse<'a> = &'a dyn Fn(&str) -> Result<(), ErrorCode>;
    let entry_points: [(&str, Parse); 4] = [
        ("Value::parse", &|s| Value::parse(s, &l).map(drop).map_err(|e| e.code())),
        ("jcs", &|s| jcs::canonicalize_str(s, &l).map(drop).map_err(|e| e.code())),
        ("PE definition", &|s| PresentationDefinition::parse(s, &l).map(drop).map_err(|e| e.code())),
        ("ProofSpace request", &|s| InteractionRequest::parse(s, &l).map(drop).map_err(|e| e.code())),
    ];
    let cases: [(&str, ErrorCode); 5] = [
        (r#"{"id":"a","id":"b"}"#, ErrorCode::DuplicateKey),
        ("{\"id\":\"a\",\"\\u0069d\":\"b\"}", ErrorCode::DuplicateKey), // same name after unescaping
        (r#"{"id":"\ud800"}"#, ErrorCode::LoneSurrogate),
        (r#"{"id":"\udc00\ud800"}"#, ErrorCode::LoneSurrogate), // pair in the wrong order
        ("{\"id\":\"a\u{0}b\"}", ErrorCode::InvalidJson),       // raw NUL: JSON forbids unescaped controls
    ];
    for (name, f) in entry_points {
        for (input, want) in cases {
            assert_eq!(f(input), Err(want), "{name}: {input:?}");
        }
    }
    // Bytes that are not UTF-8 (overlong forms included) cannot reach these `&str` APIs; the C
    // boundary refuses them with INVALID_UTF8 (tests/c/*_test.c).
}
