//! Error names, messages and the per-thread error detail.

use std::ffi::c_char;

use ssi_verify_core::{Error, ErrorCode};

use super::{boundary, boundary_or, last_detail, ssi_status, usage};

fn known(code: u32) -> Result<ErrorCode, Error> {
    ErrorCode::from_u32(code).ok_or_else(|| usage(ErrorCode::InvalidArgument, "not an ssi_error code"))
}

/// Writes the stable name of `code` (e.g. `INVALID_BASE64`) into `buf`.
///
/// Parameters: `buf`/`cap` receive the NUL-terminated name, `*out_len` its length.
/// Returns `SSI_OK`, `SSI_ERROR_INVALID_ARGUMENT` for an unknown code,
/// `SSI_ERROR_BUFFER_TOO_SMALL` (with the needed size in `*out_len`), or `SSI_ERROR_NULL_POINTER`.
///
/// # Safety
/// `buf` must be NULL or writable for `cap` bytes; `out_len` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_error_name(code: u32, buf: *mut u8, cap: usize, out_len: *mut usize) -> ssi_status {
    boundary(|| out_text!(known(code)?.name().as_bytes(), buf, cap, out_len))
}

/// Writes a one-line English description of `code` into `buf` (same conventions as `ssi_error_name`).
///
/// # Safety
/// `buf` must be NULL or writable for `cap` bytes; `out_len` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_error_message(code: u32, buf: *mut u8, cap: usize, out_len: *mut usize) -> ssi_status {
    boundary(|| out_text!(known(code)?.message().as_bytes(), buf, cap, out_len))
}

/// Writes the detail of the last error returned on this thread (e.g.
/// `DISPLAY_TEXT_TOO_LONG: displayText60 is longer than 60 characters (item 1)`), or an empty
/// string after a success. The detail never contains input data, so it is safe to log.
///
/// Calling this function does not change the stored detail unless it fails itself; after
/// `SSI_ERROR_BUFFER_TOO_SMALL` the detail is kept, so a second call with the size reported in
/// `*out_len` reads it.
///
/// # Safety
/// `buf` must be NULL or writable for `cap` bytes; `out_len` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_last_error_detail(buf: *mut u8, cap: usize, out_len: *mut usize) -> ssi_status {
    let detail = last_detail();
    let status = boundary(|| out_text!(detail.as_bytes(), buf, cap, out_len));
    // The boundary recorded this call's own outcome; a success or a too-small buffer is not
    // what the caller asked about, so the detail they asked about is put back (the retry with
    // the size reported must find it).
    if status == super::SSI_OK || status == ErrorCode::BufferTooSmall as u32 {
        super::set_detail(&detail);
    }
    status
}

/// The library version as a static NUL-terminated string (never NULL, never freed).
#[no_mangle]
pub extern "C" fn ssi_version() -> *const c_char {
    static VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");
    boundary_or(std::ptr::null(), || VERSION.as_ptr().cast())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::c::SSI_OK;

    #[test]
    fn a_too_small_buffer_keeps_the_detail_for_the_retry() {
        // An error on this thread, then the usual C pattern: ask with a small buffer, allocate
        // the size reported, ask again.
        let mut name = [0u8; 1];
        let mut len = 0usize;
        // SAFETY: `name` is writable for its length, `len` writable.
        assert_eq!(
            unsafe { ssi_error_name(999_999, name.as_mut_ptr(), name.len(), &mut len) },
            ErrorCode::InvalidArgument as u32
        );
        let want = last_detail();
        assert!(want.starts_with("INVALID_ARGUMENT"), "{want}");
        let mut need = 0usize;
        // SAFETY: a NULL buffer with capacity 0 is never written; `need` is writable.
        let first = unsafe { ssi_last_error_detail(core::ptr::null_mut(), 0, &mut need) };
        assert_eq!(first, ErrorCode::BufferTooSmall as u32);
        assert_eq!(need, want.len() + 1);
        let mut buf = vec![0u8; need];
        // SAFETY: `buf` is writable for `need` bytes.
        assert_eq!(unsafe { ssi_last_error_detail(buf.as_mut_ptr(), buf.len(), &mut len) }, SSI_OK);
        assert_eq!(&buf[..len], want.as_bytes());
        // A NULL `out_len` is this call's own failure and does replace the detail.
        // SAFETY: NULL out_len is checked before any write.
        let own = unsafe { ssi_last_error_detail(buf.as_mut_ptr(), buf.len(), core::ptr::null_mut()) };
        assert_eq!(own, ErrorCode::NullPointer as u32);
        assert!(last_detail().starts_with("NULL_POINTER"));
    }
}
