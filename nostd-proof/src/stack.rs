//! Stack painting: how deep below the caller's frame an entry point writes.
//!
//! `measure` fills a region below its own frame with a pattern, runs the entry point, and scans
//! from the far end for the first word that is no longer the pattern. Everything the entry point
//! (and all it calls) pushed lies between, so the distance from the frame to that word is its
//! peak stack use, plus at most the few words of the call itself.

/// Bytes painted below the measuring frame (the main thread's stack grows on demand far beyond).
pub(crate) const PAINTED: usize = 256 * 1024;

/// Bytes right below the measuring frame left unpainted: the painting loop's own spills live there.
const GAP: usize = 256;

const PATTERN: usize = usize::from_ne_bytes([0xA5; core::mem::size_of::<usize>()]);
const WORD: usize = core::mem::size_of::<usize>();

/// Runs `entry` and returns its result and the stack bytes it used, or `None` when it wrote to
/// the very end of the painted region (so it may have used more).
#[inline(never)]
pub(crate) fn measure(entry: fn() -> bool) -> (bool, Option<usize>) {
    let marker = 0u8;
    let top = core::ptr::addr_of!(marker) as usize;
    let high = (top - GAP) & !(WORD - 1);
    let low = high - PAINTED;
    let mut addr = low;
    while addr < high {
        // SAFETY: [low, high) lies below this frame's locals on the current thread's stack, in
        // memory no live frame uses (nothing is called between painting and `entry`), and the
        // kernel maps the main thread's stack on demand up to its 8 MiB limit. Writes are
        // volatile so the compiler cannot drop stores to memory it considers unused.
        unsafe { core::ptr::write_volatile(addr as *mut usize, PATTERN) };
        addr += WORD;
    }
    let ok = core::hint::black_box(entry)();
    let mut addr = low;
    // SAFETY: the same words just painted; `entry` has returned, so reading them races nothing.
    while addr < high && unsafe { core::ptr::read_volatile(addr as *const usize) } == PATTERN {
        addr += WORD;
    }
    (ok, (addr > low).then(|| top - addr))
}
