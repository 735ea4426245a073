//! Hostile sizes against every JSON-reading entry point: each must stop with a limit error,
//! quickly, with peak heap at most 12x the input (measured by a counting allocator; run with
//! `--nocapture` to see each peak).
//! Timing is not asserted (tests are not benchmarks); memory is.
#![cfg(all(feature = "smartid", feature = "proofspace", feature = "presentation"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use ssi_verify_core::json::{jcs, jsonpath, Value};
use ssi_verify_core::presentation::definition::PresentationDefinition;
use ssi_verify_core::presentation::openid::AuthorizationRequest;
use ssi_verify_core::proofspace::webhook::InteractionRequest;
use ssi_verify_core::smartid::{self, Flow};
use ssi_verify_core::{codec, ErrorCode, Limits, Result};

/// Counts live and peak heap bytes of this test binary.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
/// Tests share the counters, so they measure one at a time.
static SERIAL: Mutex<()> = Mutex::new(());

// SAFETY: forwards to the system allocator and only adds counting.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
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

/// Runs `f` on `input` and returns its error code and the heap it used above the input.
fn measure(input: &str, f: impl Fn(&str) -> Result<()>) -> (ErrorCode, usize) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let code = f(input).expect_err("hostile input was accepted").code();
    (code, PEAK.load(Ordering::Relaxed) - base)
}

/// The entry points that read JSON text, each with the given limits.
type EntryPoint = Box<dyn Fn(&str) -> Result<()>>;

fn entry_points(l: Limits) -> Vec<(&'static str, EntryPoint)> {
    vec![
        ("Value::parse", Box::new(move |s| Value::parse(s, &l).map(drop))),
        ("jcs::canonicalize_str", Box::new(move |s| jcs::canonicalize_str(s, &l).map(drop))),
        ("PresentationDefinition::parse", Box::new(move |s| PresentationDefinition::parse(s, &l).map(drop))),
        ("InteractionRequest::parse", Box::new(move |s| InteractionRequest::parse(s, &l).map(drop))),
        (
            "smartid::decode",
            Box::new(move |s| smartid::decode(&codec::base64_encode(s.as_bytes()), Flow::Notification, &l).map(drop)),
        ),
        (
            "jsonpath::select",
            Box::new(move |s| {
                let doc = Value::parse(s, &l)?;
                jsonpath::select("$..*", &doc, &l).map(drop)
            }),
        ),
    ]
}

/// Held for a whole test, input building included, so no other test allocates meanwhile.
fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn check(name: &str, input: &str, limits: Limits, want: &[ErrorCode]) {
    for (entry, f) in entry_points(limits) {
        let (code, peak) = measure(input, f);
        assert!(want.contains(&code), "{name} via {entry}: got {code:?}, wanted one of {want:?}");
        // A tree of tiny values is the worst case: a 10-byte member `"k1":0` costs ~220 bytes
        // of heap (key String, (String, Value) slot, Vec doubling with both buffers live during
        // growth) until the item limit stops it, about 10x the input. 12x bounds every case.
        println!("{name} via {entry}: {code:?}, peak heap {peak} B for {} input B", input.len());
        assert!(
            peak <= 8 * input.len() + 64 * 1024,
            "{name} via {entry}: peak heap {peak} for {} input bytes",
            input.len()
        );
    }
}

#[test]
fn nesting_10_000_deep() {
    let _serial = serial();
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    check("10,000 nested arrays", &deep, Limits::DEFAULT, &[ErrorCode::NestingTooDeep]);
    let objects = format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000));
    check("10,000 nested objects", &objects, Limits::DEFAULT, &[ErrorCode::NestingTooDeep]);
}

#[test]
fn ten_megabyte_string() {
    let _serial = serial();
    let big = format!("[\"{}\"]", "x".repeat(10 * 1024 * 1024));
    check("10 MB string, default limits", &big, Limits::DEFAULT, &[ErrorCode::InputTooLarge]);
    let roomy = Limits { max_input_bytes: 16 * 1024 * 1024, ..Limits::DEFAULT };
    check("10 MB string, 16 MB input allowed", &big, roomy, &[ErrorCode::StringTooLong, ErrorCode::InputTooLarge]);
}

#[test]
fn hundred_thousand_members_and_a_million_elements() {
    let _serial = serial();
    let members: Vec<String> = (0..100_000).map(|i| format!("\"k{i}\":0")).collect();
    let object = format!("{{{}}}", members.join(","));
    let tight = Limits { max_items: 50_000, ..Limits::DEFAULT };
    check("100,000-member object", &object, tight, &[ErrorCode::TooManyItems]);
    let array = format!("[{}0]", "0,".repeat(999_999));
    check("1,000,000-element array", &array, Limits::DEFAULT, &[ErrorCode::TooManyItems]);
}

#[test]
fn long_runs_of_escapes() {
    let _serial = serial();
    // Every escape shrinks when decoded, so the decoded string is bounded by the input.
    let escapes = format!("[\"{}\"]", "\\u00e9".repeat(400_000)); // 2.4 MB of escapes
    let small_strings = Limits { max_string_bytes: 64 * 1024, ..Limits::DEFAULT };
    check("400,000 \\u escapes", &escapes, small_strings, &[ErrorCode::StringTooLong]);
    let lone = format!("[\"{}\\ud800\"]", "\\n".repeat(100_000));
    check("escapes ending in a lone surrogate", &lone, Limits::DEFAULT, &[ErrorCode::LoneSurrogate]);
}

#[test]
fn oversized_uri_and_default_limits_are_documented() {
    let _serial = serial();
    let uri = format!("openid-vp://?client_id=a&request_uri=https%3A%2F%2Fh%2Fr&x={}", "a".repeat(5 * 1024 * 1024));
    let (code, peak) = measure(&uri, |s| AuthorizationRequest::parse(s, &Limits::DEFAULT).map(drop));
    assert_eq!(code, ErrorCode::InputTooLarge);
    assert!(peak < 64 * 1024, "{peak}");
    let d = Limits::DEFAULT;
    assert_eq!(
        (d.max_input_bytes, d.max_depth, d.max_items, d.max_string_bytes, d.max_interactions),
        (4 * 1024 * 1024, 64, 200_000, 1024 * 1024, 16),
        "README 'Security notes' lists these defaults: update both together"
    );
}
