//! With the `serde` feature, serde_json writes exactly the bytes of the core's own writer for
//! every report shape (run by scripts/test-all with `--features serde`).
#![cfg(all(feature = "serde", feature = "presentation"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

use ssi_verify_core::json::Value;
use ssi_verify_core::presentation::proof::{verify_proofs, ProofExpectations};
use ssi_verify_core::presentation::{definition::PresentationDefinition, evaluate, lint, report};
use ssi_verify_core::report::Report;
use ssi_verify_core::{crypto::did_key::TrustStore, ErrorCode, Limits, Verdict};

fn sample(path: &str) -> String {
    std::fs::read_to_string(format!("{}/../samples/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn same_bytes(core_json: &str) {
    let value = Value::parse(core_json, &Limits::DEFAULT).unwrap();
    assert_eq!(serde_json::to_string(&value).unwrap(), core_json);
}

#[test]
fn serde_json_writes_the_core_bytes() {
    let limits = Limits::DEFAULT;
    let report = Report::verdict(Verdict::Invalid(ErrorCode::SignatureMismatch)).number("n", 7).text("t", "a\"é\u{1}");
    assert_eq!(serde_json::to_string(&report).unwrap(), report.into_json());

    let definition = PresentationDefinition::parse(&sample("gataca/email-definition.json"), &limits).unwrap();
    let credentials = report::credentials_from_json(&sample("gataca/credentials-email.json"), &limits).unwrap();
    let evaluation = evaluate::evaluate(&definition, &credentials, &limits).unwrap();
    same_bytes(&evaluation.to_json());
    same_bytes(&report::lint_json(&lint::lint(&definition)));

    let doc = Value::parse(&sample("gataca/credential-signed.json"), &limits).unwrap();
    let checks = verify_proofs(&doc, &TrustStore::new(), &ProofExpectations::default(), &limits).unwrap();
    same_bytes(&report::proofs_json(&checks));
    let tampered = Value::parse(&sample("gataca/credential-signed-tampered.json"), &limits).unwrap();
    let checks = verify_proofs(&tampered, &TrustStore::new(), &ProofExpectations::default(), &limits).unwrap();
    same_bytes(&report::proofs_json(&checks));
}
