//! Linked Data: an eddsa-rdfc-2022 credential verified offline, without `std` — JSON-LD
//! expansion to RDF over the bundled contexts plus the sample vocabulary, RDFC-1.0, SHA-256 and
//! Ed25519 from its did:key — and refused once a claim changes.
use super::Failure;
use alloc::vec::Vec;
use ssi_verify_core::di::{verify_rdf_proofs, DiPublicKey, RdfExpectations, RdfProofCheck};
use ssi_verify_core::json::Value;
use ssi_verify_core::jsonld::{to_rdf, ContextStore, Options};
use ssi_verify_core::rdf::Quad;
use ssi_verify_core::{Limits, Result, Verdict};

const SIGNED_VC: &str = include_str!("../../../samples/ldp/vc-eddsa-rdfc-2022.json");
const EMAIL_CONTEXT: &str = include_str!("../../../samples/ldp/context-email-v1.jsonld");
const EMAIL_CONTEXT_URL: &str = "https://example.org/ssi-verify/email/v1";

/// The proof checks of `text` over the bundled contexts plus the email vocabulary, in safe mode
/// (every term defined), as `vc verify` runs them.
fn verify(text: &str) -> Result<Vec<RdfProofCheck>> {
    let l = Limits::DEFAULT;
    let mut store = ContextStore::bundled();
    store.register(EMAIL_CONTEXT_URL, EMAIL_CONTEXT, &l)?;
    let options = Options { safe_mode: true, ..Options::default() };
    let step = |doc: &Value, l: &Limits| -> Result<Vec<Quad>> { to_rdf(doc, &store, &options, l) };
    let expect = RdfExpectations { proof_purpose: Some("assertionMethod"), challenge: None, domain: None };
    verify_rdf_proofs(&Value::parse(text, &l)?, &step, &DiPublicKey::from_did_key, &expect, &l)
}

fn all_valid(checks: &[RdfProofCheck]) -> bool {
    !checks.is_empty() && checks.iter().all(|c| c.verdict == Verdict::Valid)
}

/// The signed sample verifies; with its email changed it does not.
pub(crate) fn check_credential() -> core::result::Result<(), Failure> {
    if !all_valid(&verify(SIGNED_VC)?) {
        return Err(Failure::Mismatch("the eddsa-rdfc-2022 credential did not verify"));
    }
    let changed = SIGNED_VC.replacen("@example.org", "@example.com", 1);
    if changed == SIGNED_VC {
        return Err(Failure::Mismatch("the credential has no email to change"));
    }
    if all_valid(&verify(&changed)?) {
        return Err(Failure::Mismatch("a changed credential verified"));
    }
    Ok(())
}

#[inline(never)]
fn credential() -> bool {
    verify(SIGNED_VC).is_ok_and(|c| all_valid(&c))
}

pub(crate) const ENTRIES: &[super::Entry] =
    &[("linked data: eddsa-rdfc-2022 credential (toRdf, RDFC-1.0, Ed25519), new store", credential, 64)];
