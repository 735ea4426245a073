//! The C ABI called from Rust the way C calls it (raw pointers, caller-owned buffers, handles)
//! and from several threads at once: the last-error detail is per thread, a handle made on one
//! thread is read and freed on another, and concurrent calls give the single-threaded results.
//! Small enough to run under Miri (`scripts/miri`), which checks the pointer accesses and
//! reports data races; tests/c/threads_test.c does the same from C under ThreadSanitizer.
// It calls Smart-ID and presentation functions: built with both features (the default set).
#![cfg(all(feature = "smartid", feature = "presentation"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

use std::sync::{Arc, Barrier};
use std::thread;

use ssi_verify_core::ErrorCode;
use ssi_verify_ffi::c::error::{ssi_error_name, ssi_last_error_detail};
use ssi_verify_ffi::c::presentation::{ssi_ed25519_verify, ssi_jcs_canonicalize, ssi_jsonpath_select};
use ssi_verify_ffi::c::smartid::{
    ssi_interactions_count, ssi_interactions_free, ssi_interactions_get, ssi_smartid_decode, SsiInteractions,
};
use ssi_verify_ffi::c::{ssi_status, ssi_verdict, SSI_OK};

/// Two interactions (confirmationMessage, displayTextAndPIN), valid for device-link flows.
const TWO: &str = concat!(
    "W3sidHlwZSI6ImNvbmZpcm1hdGlvbk1lc3NhZ2UiLCJkaXNwbGF5VGV4dDIwMCI6IkxvbmdlciBkZXNjcmlwdGlvbiBvZiB0aGUgdHJhbnNh",
    "Y3Rpb24gY29udGV4dCJ9LHsidHlwZSI6ImRpc3BsYXlUZXh0QW5kUElOIiwiZGlzcGxheVRleHQ2MCI6IlNob3J0IGRlc2NyaXB0aW9uIG9m",
    "IHRoZSB0cmFuc2FjdGlvbiBjb250ZXh0In1d"
);
const FLOW_DEVICE_LINK: u32 = 1;

/// RFC 8032 section 7.1, test 1 (empty message).
const RFC8032_PUBLIC: &str = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
const RFC8032_SIG: &str = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

/// Threads and rounds: Miri interprets every instruction, so it gets fewer.
const THREADS: usize = if cfg!(miri) { 3 } else { 8 };
const ROUNDS: usize = if cfg!(miri) { 2 } else { 50 };

fn hex(text: &str) -> Vec<u8> {
    ssi_verify_core::codec::hex_decode(text).expect("test hex")
}

/// The calling thread's last-error detail, read through a buffer that is first too small.
fn last_detail() -> String {
    let mut need = 0usize;
    let mut tiny = [0u8; 1];
    // SAFETY: `tiny` is writable for its length, `need` is writable.
    let first = unsafe { ssi_last_error_detail(tiny.as_mut_ptr(), tiny.len(), &mut need) };
    if first == SSI_OK {
        return String::new();
    }
    assert_eq!(first, ErrorCode::BufferTooSmall as u32);
    let mut buf = vec![0u8; need];
    let mut len = 0usize;
    // SAFETY: `buf` is writable for `need` bytes, the size the first call asked for.
    assert_eq!(unsafe { ssi_last_error_detail(buf.as_mut_ptr(), buf.len(), &mut len) }, SSI_OK);
    assert_eq!(buf[len], 0, "the text is NUL-terminated");
    String::from_utf8(buf[..len].to_vec()).expect("UTF-8 detail")
}

fn canonicalize(json: &str) -> (ssi_status, String) {
    let mut out = vec![0u8; 64];
    let mut len = 0usize;
    // SAFETY: `json` is readable for its length, `out` writable for its length, `len` writable.
    let status = unsafe {
        ssi_jcs_canonicalize(json.as_ptr(), json.len(), std::ptr::null(), out.as_mut_ptr(), out.len(), &mut len)
    };
    let text = if status == SSI_OK { String::from_utf8(out[..len].to_vec()).expect("UTF-8") } else { String::new() };
    (status, text)
}

fn decode(b64: &str) -> (ssi_status, *mut SsiInteractions) {
    let mut list = std::ptr::null_mut();
    // SAFETY: `b64` is readable for its length; NULL limits; `list` is writable.
    let status = unsafe { ssi_smartid_decode(b64.as_ptr(), b64.len(), FLOW_DEVICE_LINK, std::ptr::null(), &mut list) };
    (status, list)
}

#[test]
fn the_last_error_detail_belongs_to_the_calling_thread() {
    let start = Arc::new(Barrier::new(THREADS));
    let workers: Vec<_> = (0..THREADS)
        .map(|i| {
            let start = Arc::clone(&start);
            thread::spawn(move || {
                start.wait();
                for _ in 0..ROUNDS {
                    // Each thread fails its own way, then checks it reads its own detail back.
                    let (status, name) = if i % 2 == 0 {
                        (canonicalize("[1e400]").0, "NUMBER_NOT_I_JSON")
                    } else {
                        let mut list = std::ptr::null_mut();
                        // SAFETY: NULL input with a non-zero length is refused before any read.
                        let s = unsafe {
                            ssi_smartid_decode(std::ptr::null(), 5, FLOW_DEVICE_LINK, std::ptr::null(), &mut list)
                        };
                        assert!(list.is_null(), "no handle is written on failure");
                        (s, "NULL_POINTER")
                    };
                    assert_ne!(status, SSI_OK);
                    thread::yield_now();
                    let detail = last_detail();
                    assert!(detail.starts_with(name), "thread {i} read {detail:?}, wanted {name}");
                    // Reading the detail does not clear it; a success does.
                    assert_eq!(last_detail(), detail);
                    assert_eq!(canonicalize("[1]"), (SSI_OK, "[1]".to_owned()));
                    assert_eq!(last_detail(), "");
                }
            })
        })
        .collect();
    for w in workers {
        w.join().expect("worker thread");
    }
}

/// A handle passed to another thread, as a C program would pass the pointer.
struct Handle(*mut SsiInteractions);

// SAFETY: the C ABI lets any thread use and free a handle (the list it owns is plain data); each
// handle here is moved to exactly one thread, which frees it.
unsafe impl Send for Handle {}

#[test]
fn a_handle_made_on_one_thread_is_read_and_freed_on_another() {
    let handles: Vec<Handle> = (0..THREADS)
        .map(|_| {
            let (status, list) = decode(TWO);
            assert_eq!(status, SSI_OK);
            Handle(list)
        })
        .collect();
    let readers: Vec<_> = handles
        .into_iter()
        .map(|h| {
            thread::spawn(move || {
                let h = h;
                let list = h.0;
                // SAFETY: a live handle from ssi_smartid_decode, owned by this thread from now on.
                assert_eq!(unsafe { ssi_interactions_count(list) }, 2);
                let (mut kind, mut text, mut text_len) = (0u32, std::ptr::null(), 0usize);
                // SAFETY: live handle, writable out-parameters.
                let s = unsafe { ssi_interactions_get(list, 1, &mut kind, &mut text, &mut text_len) };
                assert_eq!(s, SSI_OK);
                // SAFETY: the text points into the handle, valid until it is freed below.
                let text = unsafe { std::slice::from_raw_parts(text, text_len) };
                assert_eq!(text, b"Short description of the transaction context");
                // SAFETY: freed exactly once, on a thread other than the one that made it.
                unsafe { ssi_interactions_free(list) };
            })
        })
        .collect();
    for r in readers {
        r.join().expect("reader thread");
    }
}

#[test]
fn concurrent_calls_give_the_single_threaded_results() {
    let pk = hex(RFC8032_PUBLIC);
    let sig = hex(RFC8032_SIG);
    let verify = |message: &[u8]| {
        let mut v = ssi_verdict { valid: false, reason: 1 };
        // SAFETY: every input is readable for its length; `v` is writable.
        let s = unsafe {
            ssi_ed25519_verify(pk.as_ptr(), pk.len(), sig.as_ptr(), sig.len(), message.as_ptr(), message.len(), &mut v)
        };
        (s, v.valid, v.reason)
    };
    let select = || {
        let (q, doc) = ("$..b", r#"{"a":{"b":1},"c":[{"b":"x"}]}"#);
        let mut out = vec![0u8; 256];
        let mut len = 0usize;
        // SAFETY: inputs readable for their lengths, `out` writable for its length.
        let s = unsafe {
            ssi_jsonpath_select(
                q.as_ptr(),
                q.len(),
                doc.as_ptr(),
                doc.len(),
                std::ptr::null(),
                out.as_mut_ptr(),
                out.len(),
                &mut len,
            )
        };
        (s, out[..len].to_vec())
    };
    let name = |code: u32| {
        let mut buf = [0u8; 64];
        let mut len = 0usize;
        // SAFETY: `buf` writable for its length, `len` writable.
        let s = unsafe { ssi_error_name(code, buf.as_mut_ptr(), buf.len(), &mut len) };
        (s, buf[..len].to_vec())
    };
    // Single-threaded answers first.
    let valid = verify(b"");
    let invalid = verify(b"x");
    let selected = select();
    let named = name(ErrorCode::SignatureMismatch as u32);
    assert_eq!(valid, (SSI_OK, true, 0));
    assert_eq!(invalid, (SSI_OK, false, ErrorCode::SignatureMismatch as u32));
    assert_eq!(selected.0, SSI_OK);
    assert_eq!(named, (SSI_OK, b"SIGNATURE_MISMATCH".to_vec()));

    let start = Barrier::new(THREADS);
    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                start.wait();
                // Ed25519 under Miri takes seconds per call: once per thread there.
                for round in 0..ROUNDS {
                    if round == 0 || !cfg!(miri) {
                        assert_eq!(verify(b""), valid);
                        assert_eq!(verify(b"x"), invalid);
                    }
                    assert_eq!(select(), selected);
                    assert_eq!(name(ErrorCode::SignatureMismatch as u32), named);
                }
            });
        }
    });
}
