//! A changed statement never verifies: the signed eddsa-rdfc-2022 and Ed25519Signature2018
//! sample credentials with the subject's email replaced by fuzz text (any JSON value) must not
//! come out valid unless their RDF is still the signed RDF (`{"@value":"ann@example.org"}` is
//! the same statement written otherwise; `null` drops it, which is a change). The original must
//! verify, so the target exercises the whole toRdf → RDFC-1.0 → signature path.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use ssi_verify_core::crypto::did_key::TrustStore;
use ssi_verify_core::crypto::HashAlg;
use ssi_verify_core::json::Value;
use ssi_verify_core::jsonld::{to_rdf, ContextStore, Options};
use ssi_verify_core::presentation::credential::verify_credential;
use ssi_verify_core::presentation::evaluate::CredentialInput;
use ssi_verify_core::presentation::verifier::VerifierPolicy;
use ssi_verify_core::Limits;

const SAMPLES: [&str; 2] =
    [include_str!("../../samples/ldp/vc-eddsa-rdfc-2022.json"), include_str!("../../samples/ldp/vc-ed25519-2018.json")];
const CONTEXT: &str = include_str!("../../samples/ldp/context-email-v1.jsonld");
const CONTEXT_URL: &str = "https://example.org/ssi-verify/email/v1";
const SIGNED: &str = "\"ann@example.org\"";
const NOW: u64 = 1_767_225_600;

fn valid(text: &str, store: &ContextStore, limits: &Limits) -> Option<bool> {
    let input = CredentialInput::JsonLd(Value::parse(text, limits).ok()?);
    let policy = VerifierPolicy { contexts: Some(store), ..VerifierPolicy::at(NOW) };
    verify_credential(&input, &TrustStore::new(), &policy, limits).ok().map(|r| r.is_valid())
}

/// The canonical N-Quads of `text`'s toRdf, or None when it has none within `limits`.
fn statements(text: &str, store: &ContextStore, limits: &Limits) -> Option<String> {
    let doc = Value::parse(text, limits).ok()?;
    let quads = to_rdf(&doc, store, &Options::default(), limits).ok()?;
    Some(ssi_verify_core::rdf::canonicalize(&quads, HashAlg::Sha256, limits).ok()?.into_nquads())
}

/// The store with the sample context and the samples' signed canonical RDF, made once per
/// process; making them checks that both originals verify.
fn fixtures() -> &'static (ContextStore, Vec<String>) {
    static FIXTURES: OnceLock<(ContextStore, Vec<String>)> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let mut store = ContextStore::bundled();
        store.register(CONTEXT_URL, CONTEXT, &Limits::DEFAULT).expect("sample context parses");
        let rdf = SAMPLES
            .iter()
            .map(|sample| {
                assert_eq!(valid(sample, &store, &Limits::DEFAULT), Some(true), "the signed sample must verify");
                statements(sample, &store, &Limits::DEFAULT).expect("the signed sample has RDF")
            })
            .collect();
        (store, rdf)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(replacement) = std::str::from_utf8(data) else { return };
    let limits = Limits { max_jsonld_work: 200_000, ..Limits::DEFAULT };
    // Only a well-formed JSON value can stand in the document; the signed value itself is no change.
    let Ok(value) = Value::parse(replacement, &limits) else { return };
    if value.to_json() == SIGNED {
        return;
    }
    let (store, signed_rdf) = fixtures();
    for (sample, signed) in SAMPLES.iter().zip(signed_rdf) {
        let changed = sample.replacen(SIGNED, &value.to_json(), 1);
        if statements(&changed, store, &limits).as_ref() != Some(signed) {
            assert_ne!(valid(&changed, store, &limits), Some(true), "a changed statement verified: {replacement}");
        }
    }
});
