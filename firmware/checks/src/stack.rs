//! Stack painting: how deep below the caller's frame an entry point writes.
//!
//! [`measure`] fills a region below its own frame with a pattern, runs the entry point, and
//! scans from the far end for the first word that is no longer the pattern. Everything the entry
//! point (and all it calls) pushed lies between, so the distance from the frame to that word is
//! its peak stack use, plus at most the few words of the call itself. The same pass reads the
//! board's instruction counter and the heap's high-water mark around the call.

use crate::{heap, Board};

/// Bytes painted below the measuring frame. The host's main thread stack grows on demand far
/// beyond; the firmware images give the stack the RAM above the heap (megabytes under QEMU).
pub const PAINTED: usize = 256 * 1024;

/// Bytes right below the measuring frame left unpainted: the painting loop's own spills live there.
const GAP: usize = 256;

const PATTERN: usize = usize::from_ne_bytes([0xA5; core::mem::size_of::<usize>()]);
const WORD: usize = core::mem::size_of::<usize>();

/// One measured run of an entry point.
#[derive(Debug)]
pub struct Measured {
    /// It gave the expected result.
    pub ok: bool,
    /// Stack bytes it used; `None` when it wrote to the very end of the painted region.
    pub stack: Option<usize>,
    /// Most heap bytes live at once during the call, above those live before it.
    pub heap: usize,
    /// Instructions the call took, where the board counts them.
    pub instructions: Option<u64>,
    /// Stack bytes in use above the painted region when `entry` was called (the binary's
    /// start-up and the measuring frames), where the board knows its stack top; else 0.
    pub above: usize,
}

/// Runs `entry` once and measures its stack, heap and instructions.
#[inline(never)]
pub fn measure(entry: fn() -> bool, board: &mut impl Board) -> Measured {
    let marker = 0u8;
    let top = core::ptr::addr_of!(marker) as usize;
    let high = (top - GAP) & !(WORD - 1);
    let low = high - PAINTED;
    let mut addr = low;
    while addr < high {
        // SAFETY: [low, high) lies below this frame's locals on the current stack, in memory no
        // live frame uses (nothing but the counter reads is called between painting and
        // `entry`, and they use less than GAP), and the binary guarantees PAINTED bytes of stack
        // below its `run` call (the host's main thread stack maps on demand up to 8 MiB; the
        // firmware's stack has the RAM above the heap). Writes are volatile so the compiler
        // cannot drop stores to memory it considers unused.
        unsafe { core::ptr::write_volatile(addr as *mut usize, PATTERN) };
        addr += WORD;
    }
    let live_before = heap::STATS.live();
    heap::STATS.reset_peak();
    let start = board.instructions();
    let ok = core::hint::black_box(entry)();
    let end = board.instructions();
    let heap = heap::STATS.peak() - live_before;
    let mut addr = low;
    // SAFETY: the same words just painted; `entry` has returned, so reading them races nothing.
    while addr < high && unsafe { core::ptr::read_volatile(addr as *const usize) } == PATTERN {
        addr += WORD;
    }
    let instructions = match (start, end) {
        (Some(s), Some(e)) => Some(e.wrapping_sub(s)),
        _ => None,
    };
    let above = board.stack_top().map_or(0, |stack_top| stack_top.saturating_sub(top));
    Measured { ok, stack: (addr > low).then(|| top - addr), heap, instructions, above }
}
