//! The signed fixtures of samples/ldp/ (used by the CLI, C and Python tests) are exactly what
//! the test signer (tests/ldp_common) produces from the vectors' keys: Ed25519 and RFC 6979
//! ECDSA are deterministic, so the files can be regenerated and compared byte for byte.
//! `SSI_WRITE_FIXTURES=1 cargo test -p ssi-verify-core --features data-integrity,jsonld --test ldp_fixtures`
//! rewrites them.
#![cfg(all(feature = "data-integrity", feature = "jsonld"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

mod ldp_common;

#[test]
fn samples_are_what_the_signer_writes() {
    let write = std::env::var_os("SSI_WRITE_FIXTURES").is_some();
    for (name, doc) in ldp_common::fixtures() {
        let path = ldp_common::repo(&format!("samples/ldp/{name}"));
        let text = format!("{}\n", serde_json::to_string_pretty(&doc).unwrap());
        if write {
            std::fs::write(&path, &text).unwrap();
        } else {
            let on_disk = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert_eq!(on_disk, text, "{name} differs from the signer's output (SSI_WRITE_FIXTURES=1 rewrites it)");
        }
    }
}
