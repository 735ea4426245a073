//! N-Quads and RDFC-1.0: parsing never panics, the serializer's output parses back to the same
//! quads, and canonicalization is idempotent (canonicalizing canonical N-Quads gives them back)
//! and ignores blank node labels.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ssi_verify_core::crypto::HashAlg;
use ssi_verify_core::rdf::{canonicalize, canonicalize_nquads, parse_nquads, to_nquads, Quad, Term};
use ssi_verify_core::Limits;

fn relabel(t: &Term) -> Term {
    match t {
        Term::Blank(l) => Term::Blank(format!("r{l}")),
        other => other.clone(),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let limits = Limits::DEFAULT;
    let Ok(quads) = parse_nquads(text, &limits) else { return };
    match parse_nquads(&to_nquads(&quads), &limits) {
        Ok(again) if again == quads => {}
        other => panic!("N-Quads serialization does not round-trip: {quads:?} -> {other:?}"),
    }
    for hash in [HashAlg::Sha256, HashAlg::Sha384] {
        let Ok(canon) = canonicalize(&quads, hash, &limits) else { continue };
        match canonicalize_nquads(canon.nquads(), hash, &limits) {
            Ok(again) if again == canon.nquads() => {}
            other => panic!("RDFC-1.0 is not idempotent: {:?} -> {other:?}", canon.nquads()),
        }
        let renamed: Vec<Quad> = quads
            .iter()
            .rev()
            .map(|q| Quad {
                subject: relabel(&q.subject),
                predicate: relabel(&q.predicate),
                object: relabel(&q.object),
                graph: q.graph.as_ref().map(relabel),
            })
            .collect();
        match canonicalize(&renamed, hash, &limits) {
            Ok(c) if c.nquads() == canon.nquads() => {}
            other => panic!("RDFC-1.0 depends on blank node labels: {:?} -> {other:?}", canon.nquads()),
        }
    }
});
