//! JCS (RFC 8785): canonicalization never panics and is idempotent.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ssi_verify_core::json::jcs::canonicalize_str;
use ssi_verify_core::json::Value;
use ssi_verify_core::Limits;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let limits = Limits::DEFAULT;
    let Ok(canonical) = canonicalize_str(text, &limits) else { return };
    match canonicalize_str(&canonical, &limits) {
        Ok(again) if again == canonical => {}
        Ok(again) => panic!("JCS is not idempotent: {canonical:?} -> {again:?}"),
        Err(e) => panic!("JCS output {canonical:?} does not canonicalize again: {e}"),
    }
    // The canonical text is JSON the strict parser reads (no NaN, no lone surrogate escapes).
    if let Err(e) = Value::parse(&canonical, &limits) {
        panic!("JCS output {canonical:?} is not strict JSON: {e}");
    }
});
