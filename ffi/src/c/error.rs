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
/// Calling this function does not change the stored detail unless it fails itself.
///
/// # Safety
/// `buf` must be NULL or writable for `cap` bytes; `out_len` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_last_error_detail(buf: *mut u8, cap: usize, out_len: *mut usize) -> ssi_status {
    let detail = last_detail();
    let status = boundary(|| out_text!(detail.as_bytes(), buf, cap, out_len));
    if status == super::SSI_OK {
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
