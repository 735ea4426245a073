//! Gataca session documents: the two reply examples of the Gataca seed
//! (`tests/vectors/gataca-session/`) read into the record `ssi-verify gataca session` prints.
#![cfg(feature = "presentation")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

use ssi_verify_core::presentation::gataca_session::{GatacaSession, SessionDocument};
use ssi_verify_core::{ErrorCode, Limits};

fn vector(name: &str) -> String {
    let path = format!("{}/../tests/vectors/gataca-session/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn seed_replies_give_the_expected_records() {
    let mut passed = 0;
    for (name, kind) in [("session-created", SessionDocument::Created), ("session-status", SessionDocument::Status)] {
        let s = GatacaSession::parse(&vector(&format!("{name}.json")), &Limits::DEFAULT).unwrap();
        assert_eq!(s.document, kind);
        assert!(s.unknown_members.is_empty(), "{name}: {:?}", s.unknown_members);
        assert_eq!(s.to_json(), vector(&format!("{name}.expected.json")).trim_end(), "{name}");
        passed += 1;
    }
    println!("Gataca session replies (seed): {passed}/2 passed");
}

#[test]
fn tampered_replies_are_refused() {
    let status = vector("session-status.json");
    // Another session's definition under this Id.
    let other = status.replacen(r#""Id": "AUFu7"#, r#""Id": "BUFu7"#, 1);
    assert_eq!(GatacaSession::parse(&other, &Limits::DEFAULT).unwrap_err().code(), ErrorCode::InvalidGatacaSession);
    let created = vector("session-created.json");
    let swapped = created.replace("authorization-responses%2F4m8T", "authorization-responses%2F5m8T");
    assert_eq!(GatacaSession::parse(&swapped, &Limits::DEFAULT).unwrap_err().code(), ErrorCode::InvalidGatacaSession);
    let tight = Limits { max_input_bytes: 1024, ..Limits::DEFAULT };
    assert_eq!(GatacaSession::parse(&status, &tight).unwrap_err().code(), ErrorCode::InputTooLarge);
}
