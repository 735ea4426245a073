//! The C ABI with hostile bytes and small output buffers: every status is SSI_OK or a known
//! error code, never SSI_ERROR_PANIC, and the C results agree with the core.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ssi_verify_core::json::jcs::canonicalize_str;
use ssi_verify_core::ErrorCode;
use ssi_verify_core::Limits;
use ssi_verify_ffi::c::presentation::ssi_jcs_canonicalize;
use ssi_verify_ffi::c::proofspace::ssi_proofspace_cast;
use ssi_verify_ffi::c::smartid::{
    ssi_interactions_count, ssi_interactions_free, ssi_interactions_get, ssi_smartid_decode,
};
use ssi_verify_ffi::c::{ssi_status, SSI_OK};

const BUFFER_TOO_SMALL: ssi_status = ErrorCode::BufferTooSmall as u32;

fn known(what: &str, status: ssi_status) -> ssi_status {
    if status == ErrorCode::Panic as u32 {
        panic!("{what} returned SSI_ERROR_PANIC");
    }
    if status != SSI_OK && ErrorCode::from_u32(status).is_none() {
        panic!("{what} returned unknown status {status}");
    }
    status
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, input)) = data.split_first() else { return };
    let (ptr, len) = (input.as_ptr(), input.len());

    // Smart-ID decode; flows 0..=4 include the invalid ANY (0) and an out-of-range value.
    let mut list = std::ptr::null_mut();
    // SAFETY: `input` is readable for `len` bytes, NULL limits, `list` is writable.
    let status = known("ssi_smartid_decode", unsafe {
        ssi_smartid_decode(ptr, len, u32::from(selector % 5), std::ptr::null(), &mut list)
    });
    if status == SSI_OK {
        // SAFETY: `list` is a live handle until freed below.
        let count = unsafe { ssi_interactions_count(list) };
        for index in 0..=count {
            let (mut kind, mut text, mut text_len) = (0u32, std::ptr::null(), 0usize);
            // SAFETY: live handle, writable out-parameters.
            let s = known("ssi_interactions_get", unsafe {
                ssi_interactions_get(list, index, &mut kind, &mut text, &mut text_len)
            });
            if (s == SSI_OK) != (index < count) {
                panic!("ssi_interactions_get({index}) of {count} returned {s}");
            }
        }
        // SAFETY: freed once.
        unsafe { ssi_interactions_free(list) };
    } else if !list.is_null() {
        panic!("ssi_smartid_decode wrote a handle on failure");
    }

    // JCS into a small buffer, then into one of the size it asked for.
    let small = usize::from(selector);
    let mut out = vec![0u8; small];
    let mut out_len = 0usize;
    // SAFETY: `out` is writable for `small` bytes.
    let status = known("ssi_jcs_canonicalize", unsafe {
        ssi_jcs_canonicalize(ptr, len, std::ptr::null(), out.as_mut_ptr(), small, &mut out_len)
    });
    let written = if status == BUFFER_TOO_SMALL {
        if out_len <= small {
            panic!("BUFFER_TOO_SMALL asked for {out_len} bytes with {small} given");
        }
        out = vec![0u8; out_len];
        let cap = out.len();
        // SAFETY: `out` is writable for `cap` bytes.
        let s = known("ssi_jcs_canonicalize", unsafe {
            ssi_jcs_canonicalize(ptr, len, std::ptr::null(), out.as_mut_ptr(), cap, &mut out_len)
        });
        (s == SSI_OK).then_some(out_len)
    } else {
        (status == SSI_OK).then_some(out_len)
    };
    let core = std::str::from_utf8(input).ok().and_then(|t| canonicalize_str(t, &Limits::DEFAULT).ok());
    match (written, core) {
        (Some(n), Some(c)) if out.get(..n) == Some(c.as_bytes()) && out.get(n) == Some(&0) => {}
        (None, None) => {}
        (w, c) => panic!("ssi_jcs_canonicalize and the core disagree: {w:?} vs {c:?}"),
    }

    // ProofSpace cast: types 0..=5 include one invalid value; a few enumeration values.
    let enums = [0u32, 1, 7];
    let mut buf = [0u8; 24];
    let mut buf_len = 0usize;
    let (enum_ptr, enum_len) = if selector & 0x80 == 0 { (std::ptr::null(), 0) } else { (enums.as_ptr(), enums.len()) };
    // SAFETY: every pointer is valid for its length.
    known("ssi_proofspace_cast", unsafe {
        ssi_proofspace_cast(
            u32::from(selector % 6),
            ptr,
            len,
            enum_ptr,
            enum_len,
            buf.as_mut_ptr(),
            buf.len(),
            &mut buf_len,
        )
    });
});
