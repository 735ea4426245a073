//! Presentation: a did:key JcsEd25519Signature2020 credential, a JSONPath query, a Presentation
//! Exchange evaluation of the seed definition, and the deep-nesting stack bounds.
use super::Failure;
use alloc::string::String;
use ssi_verify_core::crypto::did_key::TrustStore;
use ssi_verify_core::json::{jcs, jsonpath, Value};
use ssi_verify_core::presentation::definition::PresentationDefinition;
use ssi_verify_core::presentation::evaluate::{evaluate, CredentialInput};
use ssi_verify_core::presentation::proof::{verify_proofs, ProofExpectations};
use ssi_verify_core::{ErrorCode, Limits, Verdict};

const SIGNED_VC: &str = include_str!("../../../samples/gataca/credential-signed.json");
const DEFINITION: &str = include_str!("../../../samples/gataca/presentation-definition.json");
const EMAIL_VC: &str = include_str!("../../../samples/gataca/credentials-email.json");

/// The credential's issuer, as `samples/gataca/credential-signed.json` has it.
const ISSUER: &str = "did:key:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw";

/// A did:key JcsEd25519Signature2020 credential verifies offline (JCS, base58btc, did:key), and
/// not once its issuance date is changed.
pub(crate) fn check_proof() -> Result<(), Failure> {
    let l = Limits::DEFAULT;
    let doc = Value::parse(SIGNED_VC, &l)?;
    let checks = verify_proofs(&doc, &TrustStore::new(), &ProofExpectations::default(), &l)?;
    if checks.len() != 1 || checks.iter().any(|c| c.verdict != Verdict::Valid) {
        return Err(Failure::Mismatch("the did:key credential proof did not verify"));
    }
    let changed = Value::parse(&SIGNED_VC.replacen("\"issuanceDate\":\"2", "\"issuanceDate\":\"1", 1), &l)?;
    if changed == doc {
        return Err(Failure::Mismatch("the credential has no issuanceDate to change"));
    }
    let checks = verify_proofs(&changed, &TrustStore::new(), &ProofExpectations::default(), &l)?;
    if checks.iter().any(|c| c.verdict == Verdict::Valid) {
        return Err(Failure::Mismatch("a changed credential verified"));
    }
    Ok(())
}

/// A JSONPath query selects exactly the credential's issuer.
pub(crate) fn check_jsonpath() -> Result<(), Failure> {
    let doc = Value::parse(SIGNED_VC, &Limits::DEFAULT)?;
    let issuer = jsonpath::select("$.issuer", &doc, &Limits::DEFAULT)?;
    match issuer.as_slice() {
        [node] if node.value.as_str() == Some(ISSUER) => Ok(()),
        _ => Err(Failure::Mismatch("JSONPath did not select exactly the issuer")),
    }
}

/// The seed's presentation definition is satisfied by its email credential, which its only
/// input descriptor (`emailCredential`) selects.
pub(crate) fn check_evaluation() -> Result<(), Failure> {
    let l = Limits::DEFAULT;
    let definition = PresentationDefinition::parse(DEFINITION, &l)?;
    let Value::Array(items) = Value::parse(EMAIL_VC, &l)? else {
        return Err(Failure::Mismatch("the email credentials are not an array"));
    };
    let credentials: alloc::vec::Vec<CredentialInput> = items.into_iter().map(CredentialInput::JsonLd).collect();
    let evaluation = evaluate(&definition, &credentials, &l)?;
    if !evaluation.verdict.is_valid() || evaluation.selection != [(0, 0)] {
        return Err(Failure::Mismatch("the seed definition was not satisfied by the email credential"));
    }
    Ok(())
}

#[inline(never)]
fn proof() -> bool {
    let l = Limits::DEFAULT;
    Value::parse(SIGNED_VC, &l)
        .and_then(|doc| verify_proofs(&doc, &TrustStore::new(), &ProofExpectations::default(), &l))
        .is_ok_and(|checks| checks.len() == 1 && checks.iter().all(|c| c.verdict == Verdict::Valid))
}

#[inline(never)]
fn query() -> bool {
    check_jsonpath().is_ok()
}

#[inline(never)]
fn jcs_definition() -> bool {
    jcs::canonicalize_str(DEFINITION, &Limits::DEFAULT).is_ok()
}

#[inline(never)]
fn pe() -> bool {
    let l = Limits::DEFAULT;
    let Ok(definition) = PresentationDefinition::parse(DEFINITION, &l) else { return false };
    let Ok(Value::Array(items)) = Value::parse(EMAIL_VC, &l) else { return false };
    let credentials: alloc::vec::Vec<CredentialInput> = items.into_iter().map(CredentialInput::JsonLd).collect();
    evaluate(&definition, &credentials, &l).is_ok_and(|e| e.verdict.is_valid())
}

/// `open` `depth - 1` times, `inner`, then `close` as often: `inner` at depth `depth`.
fn nested(open: &str, inner: &str, close: &str, depth: usize) -> String {
    let mut s = String::with_capacity(depth * (open.len() + close.len()) + inner.len());
    (1..depth).for_each(|_| s.push_str(open));
    s.push_str(inner);
    (1..depth).for_each(|_| s.push_str(close));
    s
}

const DEPTH: usize = Limits::DEFAULT.max_depth;

#[inline(never)]
fn parse_deepest() -> bool {
    Value::parse(&nested("[", "[]", "]", DEPTH), &Limits::DEFAULT).is_ok()
}

#[inline(never)]
fn jcs_deepest() -> bool {
    jcs::canonicalize_str(&nested("{\"a\":", "{}", "}", DEPTH), &Limits::DEFAULT).is_ok()
}

/// `$[?@[?@ ... [?@]...]]`: filters nested as deep as the limits allow.
fn deepest_query() -> String {
    String::from("$") + &nested("[?@", "[?@]", "]", DEPTH)
}

#[inline(never)]
fn jsonpath_parse_deepest() -> bool {
    jsonpath::Query::parse(&deepest_query(), &Limits::DEFAULT).is_ok()
}

/// `$[?@.TT[?@.TT ...`: max_depth filters, none closed. The long fuzz campaign's slowest query had
/// this shape (`serde_json_path` took more than 30 s on twenty); the count pins that the core
/// refuses it in one pass, as a syntax error, not a limit.
#[inline(never)]
fn jsonpath_parse_unclosed() -> bool {
    let query = String::from("$") + &"[?@.TT".repeat(DEPTH);
    jsonpath::Query::parse(&query, &Limits::DEFAULT).is_err_and(|e| e.code() == ErrorCode::InvalidJsonPath)
}

#[inline(never)]
fn jsonpath_select_deepest() -> bool {
    let l = Limits::DEFAULT;
    let (Ok(doc), Ok(query)) =
        (Value::parse(&nested("[", "[1]", "]", DEPTH), &l), jsonpath::Query::parse(&deepest_query(), &l))
    else {
        return false;
    };
    query.select(&doc, &l).is_ok_and(|nodes| nodes.len() == 1)
}

#[inline(never)]
fn jsonpath_descendants_deepest() -> bool {
    let l = Limits::DEFAULT;
    Value::parse(&nested("[", "[]", "]", DEPTH), &l)
        .and_then(|doc| jsonpath::select("$..*", &doc, &l).map(|n| n.len()))
        .is_ok_and(|n| n == DEPTH - 1)
}

pub(crate) const ENTRIES: &[super::Entry] = &[
    ("presentation: Value::parse + verify_proofs (did:key JcsEd25519Signature2020)", proof, 32),
    ("jsonpath: Value::parse + select $.issuer", query, 32),
    ("presentation: jcs::canonicalize_str (seed definition)", jcs_definition, 8),
    ("presentation: PresentationDefinition::parse + evaluate", pe, 32),
    ("json: Value::parse, arrays nested max_depth (64) deep", parse_deepest, 8),
    ("json: jcs::canonicalize_str, objects nested max_depth deep", jcs_deepest, 8),
    ("jsonpath: Query::parse, filters nested max_depth deep", jsonpath_parse_deepest, 8),
    ("jsonpath: Query::parse refuses max_depth unclosed nested filters", jsonpath_parse_unclosed, 8),
    ("jsonpath: that query's select on max_depth-deep arrays", jsonpath_select_deepest, 96),
    ("jsonpath: $..* on max_depth-deep arrays", jsonpath_descendants_deepest, 8),
];
