//! The checks that prove `ssi-verify-core` works without `std`, written once and run by every
//! binary that proves it: the x86_64 host binary in `nostd-proof/` and the Cortex-M4F and
//! RISC-V firmware images in `firmware/device/`.
//!
//! A binary provides what only it can: the output channel and an instruction counter (a
//! [`Board`]), a global allocator wrapped in [`heap::Counted`] (so the zero-heap check and the
//! per-operation heap peaks can be measured), the panic handler and the exit. [`run`] does the
//! rest: the checks against fixed vectors, then each entry point measured for stack (painting),
//! heap (high-water mark) and instructions, each against its bound.
//!
//! Each system is behind a cargo feature (`smartid`, `proofspace-ed25519`, `proofspace`,
//! `presentation`, default all; and `linked-data`, off by default), so only the checks of the
//! enabled features are linked and a binary's size per feature set is the cost of those features.

#![no_std]
#![deny(unsafe_op_in_unsafe_fn)]
// Without any system feature there is nothing to check: the binaries print an empty "ok ()".
#![cfg_attr(
    not(any(feature = "smartid", feature = "proofspace-ed25519", feature = "presentation", feature = "linked-data")),
    allow(dead_code, unused_mut)
)]

extern crate alloc;

use core::fmt::{self, Write as _};

pub mod heap;
mod line;
pub mod stack;

#[cfg(feature = "linked-data")]
mod linked_data;
#[cfg(feature = "presentation")]
mod presentation;
#[cfg(feature = "proofspace")]
mod proofspace;
#[cfg(feature = "proofspace-ed25519")]
mod proofspace_ed25519;
#[cfg(feature = "smartid")]
mod smartid;

pub use line::Line;

/// What a binary provides to [`run`]: where lines go and how instructions are counted.
pub trait Board {
    /// Writes `line` followed by a newline.
    fn print(&mut self, line: &str);
    /// Instructions retired so far (any fixed origin), or `None` when the platform cannot count
    /// them (the host binary).
    fn instructions(&mut self) -> Option<u64>;
    /// The address the stack starts from (its highest address), where the binary knows it, so
    /// the stack peaks can include everything above the measured entry point.
    fn stack_top(&self) -> Option<usize>;
}

/// Why a check failed.
enum Failure {
    /// The core rejected an input it must accept.
    Core(ssi_verify_core::Error),
    /// The core accepted it but returned something else than the vector says.
    Mismatch(&'static str),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Core(e) => write!(f, "core error: {e}"),
            Self::Mismatch(what) => f.write_str(what),
        }
    }
}

impl From<ssi_verify_core::Error> for Failure {
    fn from(e: ssi_verify_core::Error) -> Self {
        Self::Core(e)
    }
}

/// An entry point as the tables name it, run on a fixed valid input (`true` when it gave the
/// expected result), and the most stack it may use, in KiB. The bounds are about twice today's
/// use on x86_64 (32-bit targets use less), except the deep JSONPath ones, which state what
/// `max_depth` 64 costs.
type Entry = (&'static str, fn() -> bool, usize);

/// Runs the checks of the enabled features and prints `<name>: ok (...)` (or one
/// `<name>: FAIL ...` line per failed check), then measures every entry point and prints one
/// `entry:` line each and a `peak:` line. Returns the exit status: 0 only when every check gave
/// the expected answer and every entry point stayed within its stack bound.
pub fn run(name: &str, board: &mut impl Board) -> i32 {
    let mut out = Outcome { name, board, parts: Line::new(), failed: false };
    #[cfg(feature = "smartid")]
    {
        match smartid::check_interactions() {
            Ok(count) => out.part(format_args!("{count} interactions")),
            Err(e) => out.fail("interactions", &e),
        }
        match smartid::check_device_link() {
            Ok(code) => out.part(format_args!("authCode {code}")),
            Err(e) => out.fail("device link", &e),
        }
    }
    #[cfg(feature = "proofspace")]
    out.check("RSA body signature", proofspace::check_body_rsa());
    #[cfg(feature = "proofspace-ed25519")]
    {
        out.check("Ed25519 body signature", proofspace_ed25519::check_body_ed25519());
        if cfg!(feature = "proofspace") {
            out.part(format_args!("body signatures RSA-4096 and Ed25519 valid"));
        } else {
            out.part(format_args!("body signature Ed25519 valid"));
        }
    }
    #[cfg(feature = "presentation")]
    {
        out.check("did:key credential", presentation::check_proof());
        out.check("JSONPath", presentation::check_jsonpath());
        out.check("presentation exchange", presentation::check_evaluation());
        out.part(format_args!("did:key JCS proof valid, JSONPath issuer selected, PE definition satisfied"));
    }
    #[cfg(feature = "linked-data")]
    {
        out.check("Linked Data credential", linked_data::check_credential());
        out.part(format_args!("eddsa-rdfc-2022 credential valid"));
    }
    if out.failed {
        return 1;
    }
    let mut line = Line::new();
    let _ = write!(line, "{name}: ok ({}, heap peak {} bytes)", out.parts.as_str(), heap::STATS.peak());
    board.print(line.as_str());
    measure_entries(board)
}

/// The summary line being built, and whether a check failed (each failure printed at once).
struct Outcome<'a, B: Board> {
    name: &'a str,
    board: &'a mut B,
    parts: Line,
    failed: bool,
}

impl<B: Board> Outcome<'_, B> {
    /// Adds one comma-separated part to the summary line.
    fn part(&mut self, args: fmt::Arguments<'_>) {
        if !self.parts.as_str().is_empty() {
            let _ = self.parts.write_str(", ");
        }
        let _ = self.parts.write_fmt(args);
    }

    /// Prints a failed check at once and remembers that one failed.
    fn fail(&mut self, what: &str, e: &Failure) {
        let mut l = Line::new();
        let _ = write!(l, "{}: FAIL {what}: {e}", self.name);
        self.board.print(l.as_str());
        self.failed = true;
    }

    /// [`Outcome::fail`] when `result` is an error.
    #[cfg_attr(
        not(any(feature = "proofspace-ed25519", feature = "presentation", feature = "linked-data")),
        allow(dead_code)
    )]
    fn check(&mut self, what: &str, result: Result<(), Failure>) {
        if let Err(e) = result {
            self.fail(what, &e);
        }
    }
}

/// Runs every entry point once more, measured; prints one line each and the peaks; returns the
/// exit status (1 when one gave a wrong result or went over its stack bound).
fn measure_entries(board: &mut impl Board) -> i32 {
    let entries: &[&[Entry]] = &[
        #[cfg(feature = "smartid")]
        smartid::ENTRIES,
        #[cfg(feature = "proofspace-ed25519")]
        proofspace_ed25519::ENTRIES,
        #[cfg(feature = "proofspace")]
        proofspace::ENTRIES,
        #[cfg(feature = "presentation")]
        presentation::ENTRIES,
        #[cfg(feature = "linked-data")]
        linked_data::ENTRIES,
    ];
    let mut status = 0;
    let (mut stack_peak, mut heap_peak) = (0, 0);
    for &(name, entry, bound_kib) in entries.iter().copied().flatten() {
        let m = stack::measure(entry, board);
        let bound = bound_kib * 1024;
        let verdict = match (m.ok, m.stack) {
            (false, _) => "FAIL: wrong result",
            (true, None) => "FAIL: used the whole painted region",
            (true, Some(n)) if n > bound => "FAIL: over the bound",
            _ => "ok",
        };
        let from_top = m.stack.unwrap_or(stack::PAINTED) + m.above;
        stack_peak = stack_peak.max(from_top);
        heap_peak = heap_peak.max(m.heap);
        let mut l = Line::new();
        let _ = match m.stack {
            Some(n) => write!(l, "entry: stack {n:>6} B  bound {bound:>6} B"),
            None => write!(l, "entry: stack >{} B  bound {bound:>6} B", stack::PAINTED),
        };
        let _ = write!(l, "  heap {:>6} B  instructions ", m.heap);
        let _ = match m.instructions {
            Some(n) => write!(l, "{n:>10}"),
            None => write!(l, "{:>10}", "-"),
        };
        let _ = write!(l, "  {verdict}  {name}");
        board.print(l.as_str());
        if verdict != "ok" {
            status = 1;
        }
    }
    let mut l = Line::new();
    let _ = if board.stack_top().is_some() {
        write!(l, "peak: stack {stack_peak} B from the stack top, heap {heap_peak} B (largest single entry point)")
    } else {
        write!(
            l,
            "peak: stack {stack_peak} B below the measuring frame, heap {heap_peak} B (largest single entry point)"
        )
    };
    board.print(l.as_str());
    status
}
