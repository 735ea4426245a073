//! The W3C RDFC-1.0 test suite (tests/vectors/rdf-canon): every entry of the manifest, eval,
//! map and negative (poison) tests, with the default `Limits`; plus the properties
//! canonicalization must have (idempotence, independence from blank node labels).
//! `cargo test -p ssi-verify-core --features rdf --test rdfc -- --nocapture` prints the counts.
#![cfg(feature = "rdf")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde_json::Value as Json;
use ssi_verify_core::crypto::HashAlg;
use ssi_verify_core::rdf::{canonicalize, canonicalize_nquads, parse_nquads, to_nquads, Quad, Term};
use ssi_verify_core::{ErrorCode, Limits};

fn vector(rel: &str) -> String {
    let path = format!("{}/../tests/vectors/rdf-canon/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn hash_of(entry: &Json) -> HashAlg {
    match entry["hashAlgorithm"].as_str() {
        None | Some("SHA256") => HashAlg::Sha256,
        Some("SHA384") => HashAlg::Sha384,
        Some(other) => panic!("unknown hashAlgorithm {other}"),
    }
}

#[test]
fn w3c_rdfc10_suite() {
    let manifest: Json = serde_json::from_str(&vector("manifest.jsonld")).unwrap();
    let limits = Limits::DEFAULT;
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for entry in manifest["entries"].as_array().unwrap() {
        let id = entry["id"].as_str().unwrap();
        let kind = entry["type"].as_str().unwrap();
        let input = vector(entry["action"].as_str().unwrap());
        let quads = parse_nquads(&input, &limits).unwrap_or_else(|e| panic!("{id}: {e}"));
        let result = canonicalize(&quads, hash_of(entry), &limits);
        match kind {
            "rdfc:RDFC10EvalTest" => {
                let got = result.unwrap_or_else(|e| panic!("{id}: {e}"));
                assert_eq!(got.nquads(), vector(entry["result"].as_str().unwrap()), "{id}");
                // The canonical form is a fixed point.
                let again = canonicalize_nquads(got.nquads(), hash_of(entry), &limits).unwrap();
                assert_eq!(again, got.nquads(), "{id} (idempotence)");
            }
            "rdfc:RDFC10MapTest" => {
                let got = result.unwrap_or_else(|e| panic!("{id}: {e}"));
                let want: BTreeMap<String, String> =
                    serde_json::from_str(&vector(entry["result"].as_str().unwrap())).unwrap();
                let map: BTreeMap<String, String> = got.issued_identifiers().iter().cloned().collect();
                assert_eq!(map, want, "{id}");
            }
            "rdfc:RDFC10NegativeEvalTest" => {
                let e = result.expect_err(id);
                assert_eq!(e.code(), ErrorCode::CanonicalizationTooComplex, "{id}");
            }
            other => panic!("{id}: unknown test type {other}"),
        }
        let c = counts.entry(kind).or_default();
        c.0 += 1;
        c.1 += 1;
    }
    let total: usize = counts.values().map(|c| c.1).sum();
    assert_eq!(total, 86, "the manifest has 86 entries");
    for (kind, (passed, n)) in &counts {
        println!("RDFC-1.0 {kind}: {passed}/{n} passed");
    }
    println!("RDFC-1.0 suite: {total}/{total} passed (default Limits, max_rdfc_work {})", limits.max_rdfc_work);
}

/// The work the suite's hardest cases need, so the documented default budget stays justified.
#[test]
fn default_budget_is_between_the_hardest_passing_case_and_the_clique() {
    let manifest: Json = serde_json::from_str(&vector("manifest.jsonld")).unwrap();
    let mut hardest = 0;
    for entry in manifest["entries"].as_array().unwrap() {
        let quads = parse_nquads(&vector(entry["action"].as_str().unwrap()), &Limits::DEFAULT).unwrap();
        let negative = entry["type"] == "rdfc:RDFC10NegativeEvalTest";
        // Smallest budget that succeeds, by bisection (the work is deterministic).
        let ok = |budget: usize| {
            canonicalize(&quads, hash_of(entry), &Limits { max_rdfc_work: budget, ..Limits::DEFAULT }).is_ok()
        };
        if negative {
            assert!(!ok(Limits::DEFAULT.max_rdfc_work * 5), "{}", entry["id"]);
            continue;
        }
        let (mut lo, mut hi) = (0usize, Limits::DEFAULT.max_rdfc_work);
        assert!(ok(hi));
        while lo < hi {
            let mid = (lo + hi) / 2;
            if ok(mid) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        hardest = hardest.max(lo);
    }
    println!("RDFC-1.0: hardest passing test needs a work budget of {hardest}");
    assert_eq!(hardest, 26_028, "tests 044-046, the documented figure");
    assert!(hardest <= Limits::DEFAULT.max_rdfc_work / 2);
}

fn relabel(quads: &[Quad], f: &dyn Fn(&str) -> String) -> Vec<Quad> {
    let t = |t: &Term| match t {
        Term::Blank(l) => Term::Blank(f(l)),
        other => other.clone(),
    };
    quads
        .iter()
        .map(|q| Quad {
            subject: t(&q.subject),
            predicate: t(&q.predicate),
            object: t(&q.object),
            graph: q.graph.as_ref().map(t),
        })
        .collect()
}

fn arb_dataset() -> impl Strategy<Value = Vec<Quad>> {
    let node = prop_oneof![
        (0u8..6).prop_map(|n| Term::Blank(format!("n{n}"))),
        (0u8..3).prop_map(|n| Term::Iri(format!("urn:ex:{n}"))),
    ];
    let object = prop_oneof![
        node.clone(),
        "[a-c\"\\\\\n\u{7f}é]{0,3}".prop_map(|v| Term::Literal {
            value: v,
            datatype: "http://www.w3.org/2001/XMLSchema#string".into(),
            language: None
        }),
    ];
    let graph = prop_oneof![Just(None), node.clone().prop_map(Some)];
    let quad = (node, 0u8..2, object, graph).prop_map(|(s, p, o, g)| Quad {
        subject: s,
        predicate: Term::Iri(format!("urn:p:{p}")),
        object: o,
        graph: g,
    });
    proptest::collection::vec(quad, 0..8)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn canonical_form_is_a_fixed_point_and_ignores_labels(quads in arb_dataset(), salt in 0u32..1000, rev in any::<bool>()) {
        let limits = Limits { max_rdfc_work: 1_000_000, ..Limits::DEFAULT };
        let canon = canonicalize(&quads, HashAlg::Sha256, &limits).unwrap();
        // Canonicalizing the canonical output gives it back.
        let again = canonicalize_nquads(canon.nquads(), HashAlg::Sha256, &limits).unwrap();
        prop_assert_eq!(&again, canon.nquads());
        // Relabelling blank nodes (and reordering the quads) changes nothing.
        let mut other = relabel(&quads, &|l| format!("x{salt}_{l}"));
        if rev { other.reverse(); }
        let canon2 = canonicalize(&other, HashAlg::Sha256, &limits).unwrap();
        prop_assert_eq!(canon2.nquads(), canon.nquads());
        // The serializer's output parses back to the same quads.
        prop_assert_eq!(parse_nquads(&to_nquads(&quads), &limits).unwrap(), quads);
    }
}
