//! ProofSpace webhook documents and header helpers. Laws: the response built by
//! `InteractionResponse::answering` for any accepted request
//! survives `to_json` → `parse` unchanged and passes `check_response` against that request;
//! a response parsed from the fuzz input never panics the checker; the header helpers return a
//! value that is trimmed and non-empty, or an error.
#![no_main]

use std::collections::BTreeMap;

use libfuzzer_sys::fuzz_target;
use ssi_verify_core::proofspace::auth::{bearer_token, single_header};
use ssi_verify_core::proofspace::webhook::{check_response, parse_reply, InteractionRequest, InteractionResponse};
use ssi_verify_core::{Limits, Verdict};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let limits = Limits::DEFAULT;
    for header in [single_header(Some(text)), bearer_token(Some(text))] {
        if let Ok(v) = header {
            assert!(!v.is_empty() && v.trim() == v, "header helper returned {v:?} for {text:?}");
        }
    }
    let _ = parse_reply(text, &limits);
    if let Ok(request) = InteractionRequest::parse(text, &limits) {
        let response = InteractionResponse::answering(&request, Vec::new());
        let json = response.to_json();
        let back = InteractionResponse::parse(&json, &limits)
            .unwrap_or_else(|e| panic!("built response does not parse: {e}\n{json}"));
        let (verdict, mismatches) = check_response(&request, &back, &BTreeMap::new())
            .unwrap_or_else(|e| panic!("check_response could not run: {e}"));
        assert_eq!(verdict, Verdict::Valid, "answering(request) fails its own check: {mismatches:?}\n{json}");
    }
    if let Ok(response) = InteractionResponse::parse(text, &limits) {
        let json = response.to_json();
        let back = InteractionResponse::parse(&json, &limits)
            .unwrap_or_else(|e| panic!("to_json output does not parse: {e}\n{json}"));
        assert_eq!(back.to_json(), json, "to_json is not stable");
    }
});
