//! Heap accounting: a wrapper around a binary's allocator that records live bytes, their
//! high-water mark and the number of allocations in [`STATS`], which the checks read (the
//! zero-heap check, the per-operation heap peaks).

use core::alloc::{GlobalAlloc, Layout};
use core::sync::atomic::{AtomicUsize, Ordering};

/// Live heap bytes, their high-water mark and the number of allocations.
#[derive(Debug)]
pub struct Stats {
    live: AtomicUsize,
    peak: AtomicUsize,
    allocations: AtomicUsize,
}

/// The counters every [`Counted`] allocator updates (a binary has one global allocator).
pub static STATS: Stats =
    Stats { live: AtomicUsize::new(0), peak: AtomicUsize::new(0), allocations: AtomicUsize::new(0) };

impl Stats {
    /// The most live heap bytes since the start or the last [`Stats::reset_peak`].
    pub fn peak(&self) -> usize {
        self.peak.load(Ordering::Relaxed)
    }

    /// Live heap bytes now.
    pub fn live(&self) -> usize {
        self.live.load(Ordering::Relaxed)
    }

    /// Successful allocations so far (a `realloc` counts as one).
    pub fn allocations(&self) -> usize {
        self.allocations.load(Ordering::Relaxed)
    }

    /// Starts a new high-water mark at today's live bytes.
    pub fn reset_peak(&self) {
        self.peak.store(self.live(), Ordering::Relaxed);
    }

    fn grow(&self, bytes: usize) {
        let live = self.live.fetch_add(bytes, Ordering::Relaxed) + bytes;
        self.peak.fetch_max(live, Ordering::Relaxed);
    }

    fn shrink(&self, bytes: usize) {
        self.live.fetch_sub(bytes, Ordering::Relaxed);
    }
}

/// `A` with every allocation counted in [`STATS`]. A `realloc` counts the old and the new block
/// as live together (a plain allocator may need both while it copies).
#[derive(Debug)]
pub struct Counted<A>(pub A);

// SAFETY: every call is passed to `A` unchanged, with the caller's guarantees, and its result
// returned unchanged; the only addition is bookkeeping on atomics.
unsafe impl<A: GlobalAlloc> GlobalAlloc for Counted<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's guarantees for `alloc` are those `A::alloc` needs.
        let ptr = unsafe { self.0.alloc(layout) };
        if !ptr.is_null() {
            STATS.allocations.fetch_add(1, Ordering::Relaxed);
            STATS.grow(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `A` (through `alloc`/`realloc` above) with `layout`.
        unsafe { self.0.dealloc(ptr, layout) };
        STATS.shrink(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        STATS.grow(new_size);
        // SAFETY: the caller's guarantees for `realloc` are those `A::realloc` needs.
        let new_ptr = unsafe { self.0.realloc(ptr, layout, new_size) };
        if new_ptr.is_null() {
            STATS.shrink(new_size);
        } else {
            STATS.allocations.fetch_add(1, Ordering::Relaxed);
            STATS.shrink(layout.size());
        }
        new_ptr
    }
}
