//! JSON-LD `toRdf` with hostile documents: never a panic, only known error codes, the same
//! dataset twice for the same input, safe mode never accepts what the lax mode drops more of, and
//! RDFC-1.0 is idempotent on the result (canonicalizing the canonical N-Quads gives them back).
#![no_main]

use libfuzzer_sys::fuzz_target;
use ssi_verify_core::crypto::HashAlg;
use ssi_verify_core::json::Value;
use ssi_verify_core::jsonld::{to_nquads, to_rdf, ContextStore, Options};
use ssi_verify_core::rdf::{canonicalize, canonicalize_nquads};
use ssi_verify_core::Limits;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let limits = Limits { max_jsonld_work: 200_000, ..Limits::DEFAULT };
    let Ok(doc) = Value::parse(text, &limits) else { return };
    let store = ContextStore::bundled();
    let lax = to_rdf(&doc, &store, &Options::default(), &limits);
    let again = to_rdf(&doc, &store, &Options::default(), &limits);
    match (&lax, &again) {
        (Ok(a), Ok(b)) => assert_eq!(to_nquads(a), to_nquads(b), "toRdf is not deterministic"),
        (Err(a), Err(b)) => assert_eq!(a, b),
        _ => panic!("toRdf succeeded once and failed once"),
    }
    let base = Options { base: Some("https://example.org/doc".into()), ..Options::default() };
    let _ = to_rdf(&doc, &store, &base, &limits);
    let safe = to_rdf(&doc, &store, &Options { safe_mode: true, ..Options::default() }, &limits);
    if let (Ok(s), Ok(l)) = (&safe, &lax) {
        // Safe mode refuses instead of dropping: when it accepts, it produced the same dataset.
        assert_eq!(to_nquads(s), to_nquads(l));
    }
    if let Ok(q) = &lax {
        assert!(to_nquads(q).lines().all(|l| l.ends_with(" .")));
        if let Ok(canonical) = canonicalize(q, HashAlg::Sha256, &limits) {
            let text = canonical.into_nquads();
            let again = canonicalize_nquads(&text, HashAlg::Sha256, &limits).expect("canonical N-Quads canonicalize");
            assert_eq!(again, text, "RDFC-1.0 is not idempotent");
        }
    }
});
