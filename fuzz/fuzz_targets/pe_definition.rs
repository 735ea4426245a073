//! Presentation Exchange: parse, lint and evaluate a definition against a fixed credential list;
//! the evaluation is deterministic, internally consistent, and its JSON report is strict JSON.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use ssi_verify_core::json::Value;
use ssi_verify_core::presentation::definition::PresentationDefinition;
use ssi_verify_core::presentation::evaluate::{evaluate, CredentialInput};
use ssi_verify_core::presentation::lint::lint;
use ssi_verify_core::Limits;

const CREDENTIALS: [&str; 3] = [
    r#"{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential","EmailCredential"],
        "issuer":"did:example:good","issuanceDate":"2024-01-01T00:00:00Z",
        "credentialSubject":{"id":"did:example:holder","email":"a@example.com","age":42}}"#,
    r#"{"type":["VerifiableCredential"],"issuer":{"id":"did:example:other"},
        "credentialSubject":{"phone":"+3725550000","scores":[1,2.5,-3],"flag":true,"none":null}}"#,
    // {"alg":"EdDSA"} . {"iss":"did:example:jwt","vc":{"type":["VerifiableCredential"],"credentialSubject":{"name":"J"}}} . (no signature)
    "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6ZXhhbXBsZTpqd3QiLCJ2YyI6eyJ0eXBlIjpbIlZlcmlmaWFibGVDcmVkZW50aWFsIl0sImNyZWRlbnRpYWxTdWJqZWN0Ijp7Im5hbWUiOiJKIn19fQ.",
];

fn credentials() -> &'static [CredentialInput] {
    static CELL: OnceLock<Vec<CredentialInput>> = OnceLock::new();
    CELL.get_or_init(|| {
        let l = Limits::DEFAULT;
        let (json, jwt) = CREDENTIALS.split_at(2);
        let mut out: Vec<CredentialInput> =
            json.iter().map(|t| CredentialInput::JsonLd(Value::parse(t, &l).expect("fixed credential"))).collect();
        out.extend(jwt.iter().map(|t| CredentialInput::from_jwt(t, &l).expect("fixed JWT credential")));
        out
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let limits = Limits::DEFAULT;
    let Ok(pd) = PresentationDefinition::parse(text, &limits) else { return };
    let _ = lint(&pd);
    let creds = credentials();
    let Ok(eval) = evaluate(&pd, creds, &limits) else { return };
    match evaluate(&pd, creds, &limits) {
        Ok(again) if again == eval => {}
        _ => panic!("evaluate is not deterministic"),
    }
    if eval.descriptors.len() != pd.input_descriptors.len() {
        panic!("one descriptor status per input descriptor expected");
    }
    for m in &eval.matches {
        if m.descriptor_index >= pd.input_descriptors.len() || m.credential_index >= creds.len() {
            panic!("match index out of range: {m:?}");
        }
    }
    if eval.verdict.is_valid() {
        for &(d, c) in &eval.selection {
            if !eval.matches.iter().any(|m| m.descriptor_index == d && m.credential_index == c) {
                panic!("selected pair ({d}, {c}) is not a match");
            }
        }
    } else if !eval.selection.is_empty() {
        panic!("an invalid verdict came with a selection");
    }
    if let Err(e) = Value::parse(&eval.to_json(), &Limits { max_input_bytes: usize::MAX, ..limits }) {
        panic!("the evaluation report is not strict JSON: {e}");
    }
});
