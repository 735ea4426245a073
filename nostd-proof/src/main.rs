//! Proof that `ssi-verify-core` and every one of its dependencies build and run without `std`.
//!
//! This binary is `#![no_std]` and brings its own `#[panic_handler]`. If any crate in the
//! dependency graph pulled `std` in, `std`'s panic handler would be linked as well and the
//! build would stop with "found duplicate lang item `panic_impl`".
//!
//! It links against the system C library only for the C runtime start-up (`crt1.o` calls
//! `main` below), `write` and `abort`; the heap is a bump allocator over a static array.
//! The checks themselves live in the `proof-checks` crate (`firmware/checks`), which the
//! Cortex-M4F and RISC-V firmware images run too: official Smart-ID vectors, the ProofSpace
//! RSA-4096 `X-Body-Signature` vector and an Ed25519 one, a did:key credential, a JSONPath
//! query and a Presentation Exchange evaluation, then the stack and heap of each entry point.
//!
//! Each system is behind a cargo feature of this crate (`smartid`, `proofspace-ed25519`,
//! `proofspace`, `presentation`, `signing`; default all), so `run.sh --sizes` can report the
//! `.text` each configuration costs: only the checks of the enabled features are linked.

#![no_std]
#![no_main]
#![deny(unsafe_op_in_unsafe_fn)]

extern crate alloc;

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::fmt::Write as _;
use core::panic::PanicInfo;
use core::ptr;
use core::sync::atomic::{AtomicUsize, Ordering};
use proof_checks::heap::Counted;
use proof_checks::Line;

// ---------------------------------------------------------------------------------------------
// The few C library functions used, declared by hand (no `libc` crate).
// ---------------------------------------------------------------------------------------------

#[link(name = "c")]
unsafe extern "C" {
    fn write(fd: i32, buf: *const u8, count: usize) -> isize;
    fn abort() -> !;
}

/// Writes all of `bytes` to file descriptor `fd`, ignoring errors (there is nowhere to report them).
fn write_all(fd: i32, mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SAFETY: `bytes` is a live, initialised slice, so `bytes.as_ptr()` is valid for reads of
        // `bytes.len()` bytes for the duration of the call; `write` does not retain the pointer.
        let n = unsafe { write(fd, bytes.as_ptr(), bytes.len()) };
        match usize::try_from(n) {
            Ok(written) if written > 0 => bytes = bytes.get(written..).unwrap_or(&[]),
            _ => return,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Panic handler: report on stderr, then abort.
// ---------------------------------------------------------------------------------------------

#[panic_handler]
fn panic(info: &PanicInfo<'_>) -> ! {
    let mut line = Line::new();
    let _ = write!(line, "nostd-proof: panic: {info}");
    write_all(2, line.as_str().as_bytes());
    write_all(2, b"\n");
    // SAFETY: `abort` takes no arguments, never returns and is always safe to call.
    unsafe { abort() }
}

/// The unwinding personality routine. The precompiled `liballoc` of the stable toolchain is built
/// with `panic = "unwind"`, so its cleanup landing pads reference this symbol; without LTO (the
/// dev profile) the linker keeps them and fails with "undefined symbol: `rust_eh_personality`".
/// (The release profile's LTO removes the reference, so it links without this.) It is never
/// called: every panic aborts in the handler above and nothing else unwinds.
#[no_mangle]
extern "C" fn rust_eh_personality() -> ! {
    // SAFETY: `abort` takes no arguments, never returns and is always safe to call.
    unsafe { abort() }
}

/// Resumes unwinding after a cleanup landing pad. Same story as `rust_eh_personality`: landing
/// pads in the precompiled `liballoc` code reached by the presentation checks (JSONPath, JCS)
/// survive LTO and name this symbol, but they only run while unwinding, and nothing unwinds.
#[no_mangle]
extern "C" fn _Unwind_Resume() -> ! {
    // SAFETY: `abort` takes no arguments, never returns and is always safe to call.
    unsafe { abort() }
}

// ---------------------------------------------------------------------------------------------
// Global allocator: a bump allocator over a static 2 MiB array.
// ---------------------------------------------------------------------------------------------

// The stack measurements run every check again after the first pass, and a bump allocator only
// reclaims LIFO frees, so the arena holds both passes (more than 1 MiB of them since the
// unclosed-filters entry point).
const HEAP_SIZE: usize = 2 * 1024 * 1024;

/// The heap's backing bytes.
#[repr(C, align(16))]
struct Arena(UnsafeCell<[u8; HEAP_SIZE]>);

/// Hands out `arena[next..]`, never reuses memory except when the most recent block is freed or
/// resized (LIFO), which covers the common "build a `String`, grow it, drop it" pattern.
struct BumpAllocator {
    arena: Arena,
    /// Offset of the first free byte in `arena`.
    next: AtomicUsize,
}

// SAFETY: the arena is only ever accessed through pointers returned by `alloc`/`realloc`, and each
// byte range is reserved by exactly one successful compare-exchange on `next`, so no two live
// allocations overlap even across threads. All other fields are atomics.
unsafe impl Sync for BumpAllocator {}

impl BumpAllocator {
    const fn new() -> Self {
        Self { arena: Arena(UnsafeCell::new([0; HEAP_SIZE])), next: AtomicUsize::new(0) }
    }

    fn base(&self) -> *mut u8 {
        self.arena.0.get().cast::<u8>()
    }

    /// The offset of `ptr` (which must point into the arena) from the arena's start.
    fn offset_of(&self, ptr: *mut u8) -> usize {
        (ptr as usize).wrapping_sub(self.base() as usize)
    }

    /// The arena range for a `layout` placed at the first suitably aligned offset at or after `from`.
    fn place(&self, from: usize, layout: Layout) -> Option<(usize, usize)> {
        let base = self.base() as usize;
        let addr = base.checked_add(from)?;
        let aligned = addr.checked_add(layout.align() - 1)? & !(layout.align() - 1);
        let start = aligned - base;
        let end = start.checked_add(layout.size())?;
        (end <= HEAP_SIZE).then_some((start, end))
    }

    fn set_next(&self, current: usize, new: usize) -> Result<(), usize> {
        self.next.compare_exchange(current, new, Ordering::AcqRel, Ordering::Acquire).map(|_| ())
    }
}

// SAFETY: `alloc` returns either null or a pointer into the arena to `layout.size()` bytes aligned
// to `layout.align()` that no other live allocation overlaps (see `Sync` above); `dealloc` only
// moves `next` back over the block being freed; `realloc` keeps the contents of the block.
unsafe impl GlobalAlloc for BumpAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let mut current = self.next.load(Ordering::Acquire);
        loop {
            let Some((start, end)) = self.place(current, layout) else {
                return ptr::null_mut();
            };
            match self.set_next(current, end) {
                Ok(()) => {
                    // `wrapping_add` keeps the arena's provenance and `start < HEAP_SIZE`, so the
                    // result points into the arena.
                    return self.base().wrapping_add(start);
                }
                Err(actual) => current = actual,
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // Reclaim the block only if it is the most recent one; otherwise it is leaked.
        let start = self.offset_of(ptr);
        let _ = self.next.compare_exchange(start + layout.size(), start, Ordering::AcqRel, Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let start = self.offset_of(ptr);
        // The most recent block grows or shrinks in place.
        if let Some(new_end) = start.checked_add(new_size).filter(|&end| end <= HEAP_SIZE) {
            if self.set_next(start + layout.size(), new_end).is_ok() {
                return ptr;
            }
        }
        // Otherwise: a new block, copy, free the old one.
        let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else {
            return ptr::null_mut();
        };
        // SAFETY: `new_layout` has a non-zero size (the caller guarantees `new_size > 0`).
        let new_ptr = unsafe { self.alloc(new_layout) };
        if !new_ptr.is_null() {
            // SAFETY: `ptr` is valid for reads of `layout.size()` bytes (caller contract), `new_ptr`
            // for writes of `new_size` bytes (just allocated), and the two blocks do not overlap
            // because the new one lies entirely after `next`, past the end of the old one.
            unsafe { ptr::copy_nonoverlapping(ptr, new_ptr, layout.size().min(new_size)) };
            // SAFETY: `ptr` was allocated by this allocator with `layout` (caller contract) and is
            // not used again.
            unsafe { self.dealloc(ptr, layout) };
        }
        new_ptr
    }
}

#[global_allocator]
static HEAP: Counted<BumpAllocator> = Counted(BumpAllocator::new());

/// Output on file descriptor 1; the host has no instruction counter the checks can read.
struct Host;

impl proof_checks::Board for Host {
    fn print(&mut self, line: &str) {
        write_all(1, line.as_bytes());
        write_all(1, b"\n");
    }

    fn instructions(&mut self) -> Option<u64> {
        None
    }

    fn stack_top(&self) -> Option<usize> {
        None
    }
}

/// Called by the C runtime's start-up code (`crt1.o`); the return value is the exit status.
#[no_mangle]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    proof_checks::run("nostd-proof", &mut Host)
}
