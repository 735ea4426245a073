//! Peak heap and allocation count of each verification operation, measured by a counting
//! global allocator on the benchmark inputs. Run with `--nocapture` to print the table of
//! BENCHMARKS.md. The scratch-buffer paths must allocate nothing; every other operation must
//! stay under the bound listed beside it (about twice what it uses today, so a regression that
//! doubles an operation's heap fails here).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use ssi_verify_bench::{self as b, ldp, Fixtures};
use ssi_verify_core::codec;
use ssi_verify_core::jose::JwsKey;
use ssi_verify_core::json::Value;
use ssi_verify_core::proofspace::auth::{parse_public_key, verify_body_signature};
use ssi_verify_core::smartid::{self, select_in, Flow, InteractionType};
use ssi_verify_core::Limits;

/// Counts live bytes, their high-water mark and allocation calls. `realloc` is left to the
/// default (alloc, copy, dealloc), so a growing buffer counts both blocks at the copy: the peak
/// is what a plain allocator without in-place growth needs.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static CALLS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator and only adds counting.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        CALLS.fetch_add(1, Ordering::Relaxed);
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Peak heap above the live heap at the start, and allocation calls, of one run of `f` (its
/// result included, dropped inside the measurement).
fn measure<T>(f: impl FnOnce() -> T) -> (usize, usize) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let calls = CALLS.load(Ordering::Relaxed);
    drop(black_box(f()));
    (PEAK.load(Ordering::Relaxed) - base, CALLS.load(Ordering::Relaxed) - calls)
}

/// One row: the operation, its input size and the peak-heap bound it must stay under
/// (0 = must not allocate at all).
struct Row {
    name: &'static str,
    input: usize,
    bound: usize,
    peak: usize,
    calls: usize,
}

// One test only: the counters are process-wide, so measurements must not overlap.
#[test]
fn peak_heap_per_operation() {
    let f = Fixtures::new().unwrap();
    let l = Limits::DEFAULT;
    let w = &f.webhook;
    let rsa4096_pem = include_str!("../../tests/vectors/proofspace/rsa4096-public.pem");
    let rsa4096_body = include_bytes!("../../tests/vectors/proofspace/rsa4096-body.json");
    let rsa4096_sig = include_str!("../../tests/vectors/proofspace/rsa4096-body.sig.b64");
    let rsa4096 = parse_public_key(rsa4096_pem).unwrap();
    let policy = b::jwt_policy(f.now);
    let pe_1 = b::credential_inputs(&b::credentials_json(1)).unwrap();
    let pe_100 = b::credential_inputs(&b::credentials_json(100)).unwrap();
    let doc = Value::parse(&f.big_document, &b::bench_limits()).unwrap();
    let mut scratch = [0u8; 512];
    let wallet = [InteractionType::DisplayTextAndPin, InteractionType::ConfirmationMessage];

    let mut rows = Vec::new();
    let mut row = |name, input, bound, (peak, calls)| rows.push(Row { name, input, bound, peak, calls });
    let ia = f.interactions;
    row("Smart-ID decode_in (scratch buffer)", ia.len(), 0, measure(|| b::smartid_decode(ia, &mut scratch).unwrap()));
    row(
        "Smart-ID select_in (scratch buffer)",
        ia.len(),
        0,
        measure(|| select_in(ia, &wallet, &l, &mut scratch).is_ok()),
    );
    row(
        "Smart-ID base64_decode_into (scratch buffer)",
        ia.len(),
        0,
        measure(|| codec::base64_decode_into(ia, &mut scratch)),
    );
    row("Smart-ID decode (owned list)", ia.len(), 2048, measure(|| smartid::decode(ia, Flow::DeviceLink, &l).unwrap()));
    row("Smart-ID device link + authCode", 0, 4096, measure(|| b::auth_code().unwrap()));
    let body = w.body.as_str();
    row(
        "ProofSpace webhook check, RSA-2048",
        body.len(),
        4 * 1024,
        measure(|| b::webhook_check(&f.webhook_rsa, body, &w.rsa_signature, &f.schemas).unwrap()),
    );
    row(
        "ProofSpace webhook check, Ed25519",
        body.len(),
        4 * 1024,
        measure(|| b::webhook_check(&w.ed25519_key, body, &w.ed25519_signature, &f.schemas).unwrap()),
    );
    row(
        "X-Body-Signature RSA-2048 / SHA3-256",
        body.len(),
        24 * 1024,
        measure(|| verify_body_signature(&f.webhook_rsa, body.as_bytes(), &w.rsa_signature).unwrap()),
    );
    row(
        "X-Body-Signature RSA-4096 / SHA3-256",
        rsa4096_body.len(),
        48 * 1024,
        measure(|| verify_body_signature(&rsa4096, rsa4096_body, rsa4096_sig).unwrap()),
    );
    row(
        "X-Body-Signature Ed25519",
        body.len(),
        0,
        measure(|| verify_body_signature(&w.ed25519_key, body.as_bytes(), &w.ed25519_signature).unwrap()),
    );
    row(
        "JWT verify HS256",
        f.jwt_hs256.len(),
        4 * 1024,
        measure(|| b::jwt_verify(&f.jwt_hs256, &JwsKey::Hmac(b::JWT_HS256_SECRET), &policy).unwrap()),
    );
    row(
        "JWT verify EdDSA",
        f.jwt_eddsa.len(),
        4 * 1024,
        measure(|| b::jwt_verify(&f.jwt_eddsa, &JwsKey::Ed25519(&f.jwt_ed25519), &policy).unwrap()),
    );
    row(
        "JCS of the seed definition",
        b::DEFINITION.len(),
        48 * 1024,
        measure(|| b::jcs_canonicalize(b::DEFINITION).unwrap()),
    );
    row(
        "JcsEd25519Signature2020 verify (parse included)",
        b::SIGNED_CREDENTIAL.len(),
        16 * 1024,
        measure(|| b::verify_jcs_ed25519(b::SIGNED_CREDENTIAL).unwrap()),
    );
    row("PE evaluation, 1 credential", 0, 4 * 1024, measure(|| b::pe_evaluate(&f.definition, &pe_1).unwrap()));
    row("PE evaluation, 100 credentials", 0, 64 * 1024, measure(|| b::pe_evaluate(&f.definition, &pe_100).unwrap()));
    row(
        "Value::parse of the 1 MB document",
        f.big_document.len(),
        8 * f.big_document.len(),
        measure(|| Value::parse(&f.big_document, &b::bench_limits()).unwrap()),
    );
    // The whole `vc verify` path: JSON-LD toRdf over the bundled contexts, RDFC-1.0, did:key,
    // signature. The process has parsed the bundled contexts before (they are parsed once per
    // process, here by a throwaway store). "new store": the first verification over a store (as
    // the C and UniFFI calls build one per call), which also fills the store's cache of processed
    // contexts (kept, so counted); "kept store": a later one, which reuses it.
    for (_, text) in ldp::CREDENTIALS {
        assert!(ldp::verify(text, &ldp::contexts().unwrap()).unwrap());
    }
    for (name, text) in ldp::CREDENTIALS {
        let (new, kept) = match name {
            "eddsa_rdfc_2022" => (
                "Linked Data credential verify, eddsa-rdfc-2022 (parse included), new store",
                "Linked Data credential verify, eddsa-rdfc-2022 (parse included), kept store",
            ),
            _ => (
                "Linked Data credential verify, Ed25519Signature2018 (parse included), new store",
                "Linked Data credential verify, Ed25519Signature2018 (parse included), kept store",
            ),
        };
        let store = ldp::contexts().unwrap();
        row(new, text.len(), 192 * 1024, measure(|| assert!(ldp::verify(text, &store).unwrap())));
        row(kept, text.len(), 64 * 1024, measure(|| assert!(ldp::verify(text, &store).unwrap())));
    }
    for (name, query) in b::JSONPATH_QUERIES {
        let label = match name {
            "wildcard" => "JSONPath on 1 MB, $.store.book[*].author",
            "descendant" => "JSONPath on 1 MB, $..price",
            _ => "JSONPath on 1 MB, filter price < 10 && poetry",
        };
        row(label, f.big_document.len(), 4 * 1024 * 1024, measure(|| b::jsonpath_select(query, &doc).unwrap()));
    }

    println!("| operation | input (B) | peak heap (B) | allocations | bound (B) |");
    println!("|---|---:|---:|---:|---:|");
    for r in &rows {
        println!("| {} | {} | {} | {} | {} |", r.name, r.input, r.peak, r.calls, r.bound);
    }
    for r in &rows {
        if r.bound == 0 {
            assert_eq!((r.peak, r.calls), (0, 0), "{} allocated", r.name);
        } else {
            assert!(r.peak <= r.bound, "{}: peak heap {} over its bound {}", r.name, r.peak, r.bound);
        }
    }
}
