//! The C ABI: conventions shared by every `extern "C"` function.
//!
//! * Every fallible function returns an `ssi_status`: `SSI_OK` (0) or an `ssi_error` code.
//! * Inputs are `(pointer, length)` pairs; a NULL pointer is accepted only with length 0.
//! * Outputs go through out-parameters and are written only on success. The one exception:
//!   on `SSI_ERROR_BUFFER_TOO_SMALL` the length out-parameter receives the size needed.
//! * Text outputs are UTF-8 and NUL-terminated; the reported length excludes the NUL.
//! * Every function catches panics and returns `SSI_ERROR_PANIC` instead of unwinding into C.
//! * `ssi_last_error_detail` gives the detail of the last error on the calling thread.

// Argument readers and result writers of the `extern "C"` functions (the rustls-ffi `try_slice!`
// pattern): each function's `# Safety` section promises that every input pointer is NULL only
// with length 0 and otherwise readable for its length during the call, that every output pointer
// is NULL or writable for its stated capacity, and that `ssi_str` / `ssi_limits` arguments hold
// such pointers. That promise is exactly the contract of the helpers below, so the safety
// argument is written once, here. Use them only on the enclosing C function's own arguments (or
// in an `unsafe fn` helper whose `# Safety` section forwards that same contract).

/// A `(pointer, length)` text argument: [`text`] (`Err` for NULL with a length, or bad UTF-8).
macro_rules! arg_text {
    ($ptr:expr, $len:expr, $what:expr) => {
        // SAFETY: the enclosing C function's contract (see the comment above these macros).
        unsafe { $crate::c::text($ptr, $len, $what) }
    };
}

/// A `(pointer, length)` byte argument: [`bytes`].
macro_rules! arg_bytes {
    ($ptr:expr, $len:expr, $what:expr) => {
        // SAFETY: the enclosing C function's contract (see the comment above these macros).
        unsafe { $crate::c::bytes($ptr, $len, $what) }
    };
}

/// An `ssi_str` argument (or field of an argument struct): [`ssi_str::get`].
macro_rules! arg_str {
    ($s:expr, $what:expr) => {
        // SAFETY: the enclosing C function's contract (see the comment above these macros).
        unsafe { $s.get($what) }
    };
}

/// An optional `ssi_str` argument, `None` when empty: [`ssi_str::opt`].
#[cfg(any(feature = "smartid", feature = "presentation"))]
macro_rules! arg_opt {
    ($s:expr, $what:expr) => {
        // SAFETY: the enclosing C function's contract (see the comment above these macros).
        unsafe { $s.opt($what) }
    };
}

/// The `const ssi_limits *` argument (NULL for the defaults): [`limits`].
macro_rules! arg_limits {
    ($ptr:expr) => {
        // SAFETY: the enclosing C function's contract (see the comment above these macros).
        unsafe { $crate::c::limits($ptr) }
    };
}

/// Writes a text result to the caller's `(buffer, capacity, length)`: [`put_text`].
macro_rules! out_text {
    ($data:expr, $buf:expr, $cap:expr, $len:expr) => {
        // SAFETY: the enclosing C function's contract (see the comment above these macros).
        unsafe { $crate::c::put_text($data, $buf, $cap, $len) }
    };
}

/// Writes a report and its verdict: [`put_report`].
#[cfg(any(feature = "presentation", feature = "proofspace", feature = "smartid"))]
macro_rules! out_report {
    ($report:expr, $verdict:expr, $out:expr, $buf:expr, $cap:expr, $len:expr) => {
        // SAFETY: the enclosing C function's contract (see the comment above these macros).
        unsafe { $crate::c::put_report($report, $verdict, $out, $buf, $cap, $len) }
    };
}

/// Writes one value to an out-parameter: [`put`].
macro_rules! out_put {
    ($out:expr, $value:expr, $what:expr) => {
        // SAFETY: the enclosing C function's contract (see the comment above these macros).
        unsafe { $crate::c::put($out, $value, $what) }
    };
}

#[cfg(feature = "presentation")]
pub mod credential;
pub mod error;
#[cfg(feature = "presentation")]
pub mod gataca_session;
#[cfg(feature = "presentation")]
pub mod presentation;
#[cfg(feature = "proofspace")]
pub mod proofspace;
#[cfg(feature = "proofspace")]
pub mod proofspace_sign;
#[cfg(feature = "smartid")]
pub mod smartid;
#[cfg(feature = "smartid")]
pub mod smartid_trust;

use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};

use ssi_verify_core::{Error, ErrorCode, Limits};

/// Status returned by every fallible function: `SSI_OK` or an `ssi_error` value.
#[allow(non_camel_case_types)]
pub type ssi_status = u32;

/// Success.
pub const SSI_OK: ssi_status = 0;

thread_local! {
    static LAST_DETAIL: RefCell<String> = const { RefCell::new(String::new()) };
}

pub(crate) fn set_detail(text: &str) {
    LAST_DETAIL.with(|d| {
        if let Ok(mut d) = d.try_borrow_mut() {
            d.clear();
            d.push_str(text);
        }
    });
}

pub(crate) fn last_detail() -> String {
    LAST_DETAIL.with(|d| d.try_borrow().map(|s| s.clone()).unwrap_or_default())
}

/// Records `e` as the thread's last error and returns its code.
pub(crate) fn fail(e: Error) -> ssi_status {
    set_detail(&e.to_string());
    e.code() as u32
}

pub(crate) fn usage(code: ErrorCode, detail: &'static str) -> Error {
    Error::new(code, detail)
}

/// Runs `body` behind a panic boundary and turns its result into a status.
pub(crate) fn boundary(body: impl FnOnce() -> Result<(), Error>) -> ssi_status {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => {
            set_detail("");
            SSI_OK
        }
        Ok(Err(e)) => fail(e),
        Err(_) => fail(Error::new(ErrorCode::Panic, "a panic was caught at the FFI boundary")),
    }
}

/// Runs `body` behind a panic boundary for functions that return a plain value.
pub(crate) fn boundary_or<T>(default: T, body: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(default)
}

/// Borrows `len` bytes at `ptr`.
///
/// # Safety
/// `ptr` must be NULL or point to `len` readable bytes that stay valid for `'a`.
pub(crate) unsafe fn bytes<'a>(ptr: *const u8, len: usize, what: &'static str) -> Result<&'a [u8], Error> {
    if ptr.is_null() {
        return if len == 0 { Ok(&[]) } else { Err(usage(ErrorCode::NullPointer, what)) };
    }
    if len > isize::MAX as usize {
        return Err(usage(ErrorCode::InvalidArgument, "length larger than isize::MAX"));
    }
    // SAFETY: non-NULL, the caller promises `len` readable bytes, and len <= isize::MAX.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// Borrows `len` bytes at `ptr` as UTF-8 text.
///
/// # Safety
/// As [`bytes`].
pub(crate) unsafe fn text<'a>(ptr: *const u8, len: usize, what: &'static str) -> Result<&'a str, Error> {
    // SAFETY: this helper's own `# Safety` contract is the one `bytes`/`text` require; the caller
    // upholds it.
    let b = unsafe { bytes(ptr, len, what)? };
    std::str::from_utf8(b).map_err(|e| Error::new(ErrorCode::InvalidUtf8, what).at_offset(e.valid_up_to()))
}

/// A borrowed UTF-8 string passed inside a C struct: `ptr` may be NULL only when `len` is 0.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
#[allow(non_camel_case_types)]
pub struct ssi_str {
    /// First byte (need not be NUL-terminated).
    pub ptr: *const u8,
    /// Length in bytes.
    pub len: usize,
}

impl ssi_str {
    /// # Safety
    /// As [`bytes`].
    pub(crate) unsafe fn get<'a>(self, what: &'static str) -> Result<&'a str, Error> {
        // SAFETY: this helper's own `# Safety` contract is the one `bytes`/`text` require; the caller
        // upholds it.
        unsafe { text(self.ptr, self.len, what) }
    }

    /// The text, or `None` when empty.
    ///
    /// # Safety
    /// As [`bytes`].
    // Only the Smart-ID and presentation functions take optional text.
    #[cfg(any(feature = "smartid", feature = "presentation"))]
    pub(crate) unsafe fn opt<'a>(self, what: &'static str) -> Result<Option<&'a str>, Error> {
        // SAFETY: this helper's own `# Safety` contract is the one `bytes`/`text` require; the caller
        // upholds it.
        unsafe { self.get(what) }.map(|s| (!s.is_empty()).then_some(s))
    }
}

/// Writes `value` to `*out`.
///
/// # Safety
/// `out` must be NULL or valid for writing a `T`.
pub(crate) unsafe fn put<T>(out: *mut T, value: T, what: &'static str) -> Result<(), Error> {
    if out.is_null() {
        return Err(usage(ErrorCode::NullPointer, what));
    }
    // SAFETY: non-NULL and the caller promises it is writable.
    unsafe { out.write(value) };
    Ok(())
}

/// Writes a report and then its verdict, the verdict only once the report fits, so a caller
/// never reads a verdict without the report that explains it.
///
/// # Safety
/// `out` NULL or writable; `buf` NULL or writable for `cap` bytes; `out_len` NULL or writable.
#[cfg(any(feature = "presentation", feature = "proofspace", feature = "smartid"))]
pub(crate) unsafe fn put_report(
    report: &str,
    verdict: ssi_verify_core::Verdict,
    out: *mut ssi_verdict,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> Result<(), Error> {
    if out.is_null() {
        return Err(usage(ErrorCode::NullPointer, "out is NULL"));
    }
    // SAFETY: this helper's own contract, forwarded by its caller from the C caller.
    unsafe {
        put_text(report.as_bytes(), buf, cap, out_len)?;
        put(out, verdict.into(), "out is NULL")
    }
}

/// Copies `data` plus a NUL into `buf` (capacity `cap`) and stores the length in `*out_len`.
/// If it does not fit, stores the needed capacity (with the NUL) and fails with BUFFER_TOO_SMALL.
///
/// # Safety
/// `buf` must be NULL or valid for `cap` bytes of writing; `out_len` NULL or writable.
pub(crate) unsafe fn put_text(data: &[u8], buf: *mut u8, cap: usize, out_len: *mut usize) -> Result<(), Error> {
    if out_len.is_null() {
        return Err(usage(ErrorCode::NullPointer, "out_len is NULL"));
    }
    let needed = data.len() + 1;
    if buf.is_null() || cap < needed {
        // SAFETY: out_len checked non-NULL above.
        unsafe { out_len.write(needed) };
        return Err(Error::new(ErrorCode::BufferTooSmall, "output buffer too small; *out_len holds the size needed"));
    }
    // SAFETY: buf holds at least `needed` writable bytes and cannot overlap our own `data`
    // allocation from C's point of view (the caller passes a separate buffer).
    unsafe {
        std::ptr::copy_nonoverlapping(data.as_ptr(), buf, data.len());
        buf.add(data.len()).write(0);
        out_len.write(data.len());
    }
    Ok(())
}

/// Reads optional limits (NULL means the defaults).
///
/// # Safety
/// `limits` must be NULL or point to a readable `ssi_limits`.
pub(crate) unsafe fn limits(limits: *const Limits) -> Limits {
    if limits.is_null() {
        return Limits::DEFAULT;
    }
    // SAFETY: non-NULL and the caller promises it is readable.
    unsafe { limits.read() }
}

/// Fills `*out` with the default limits.
///
/// Returns `SSI_OK`, or `SSI_ERROR_NULL_POINTER` when `out` is NULL.
///
/// # Safety
/// `out` must be NULL or valid for writing an `ssi_limits`.
#[no_mangle]
pub unsafe extern "C" fn ssi_limits_default(out: *mut Limits) -> ssi_status {
    // SAFETY: the outputs are this function's arguments, documented as NULL or writable for their
    // capacity; the writers check NULL and capacity before writing.
    boundary(|| unsafe { put(out, Limits::DEFAULT, "out is NULL") })
}

/// The outcome of a check that could be run: `valid`, or not with `reason` (an `ssi_error` code).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
#[allow(non_camel_case_types)]
pub struct ssi_verdict {
    /// True when every check passed.
    pub valid: bool,
    /// 0 when valid, else the `ssi_error` code of the failed check (e.g. `SSI_ERROR_SIGNATURE_MISMATCH`).
    pub reason: u32,
}

impl From<ssi_verify_core::Verdict> for ssi_verdict {
    fn from(v: ssi_verify_core::Verdict) -> Self {
        Self { valid: v.is_valid(), reason: v.reason().map_or(0, |c| c as u32) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_read_through_the_pointer_or_defaulted() {
        let tight = Limits { max_cert_path: 2, max_jsonld_work: 3, ..Limits::DEFAULT };
        // SAFETY: a live local struct, then NULL.
        assert_eq!(unsafe { limits(&tight) }, tight);
        assert_eq!(unsafe { limits(core::ptr::null()) }, Limits::DEFAULT);
    }

    #[test]
    fn a_panic_becomes_a_status_and_the_process_goes_on() {
        let status = boundary(|| panic!("forced"));
        assert_eq!(status, ErrorCode::Panic as u32);
        assert!(last_detail().starts_with("PANIC"));
        assert_eq!(boundary_or(7usize, || panic!("forced")), 7);
        assert_eq!(boundary(|| Ok(())), SSI_OK);
        assert_eq!(last_detail(), "");
    }

    #[test]
    fn lying_inputs_are_refused() {
        // SAFETY: NULL with a non-zero length must be refused before any read.
        let r = unsafe { bytes(core::ptr::null(), 3, "p") };
        assert_eq!(r.unwrap_err().code(), ErrorCode::NullPointer);
        // SAFETY: the length check happens before the pointer is used.
        let r = unsafe { bytes(b"x".as_ptr(), usize::MAX, "p") };
        assert_eq!(r.unwrap_err().code(), ErrorCode::InvalidArgument);
        let mut len = 0usize;
        // SAFETY: out_len is valid; buf is NULL so nothing is written to it.
        let r = unsafe { put_text(b"abc", core::ptr::null_mut(), 0, &mut len) };
        assert_eq!(r.unwrap_err().code(), ErrorCode::BufferTooSmall);
        assert_eq!(len, 4);
    }
}
