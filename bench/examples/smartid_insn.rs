//! Runs the Smart-ID `smartid_decode_validate` pair N times each, for instruction counts under
//! callgrind (load-independent, unlike the Criterion times):
//!
//! ```text
//! cargo build --release -p ssi-verify-bench --example smartid_insn
//! valgrind --tool=callgrind --toggle-collect='ssi_verify_bench::smartid_decode' \
//!     target/release/examples/smartid_insn 1000
//! valgrind --tool=callgrind --toggle-collect='ssi_verify_bench::std_smartid_decode' \
//!     target/release/examples/smartid_insn 1000
//! ```
//!
//! Divide the collected instructions by N for the cost of one call.

use ssi_verify_bench as b;

fn main() -> Result<(), String> {
    let n: usize = std::env::args().nth(1).map_or(Ok(1000), |s| s.parse()).map_err(|e| format!("count: {e}"))?;
    let mut scratch = [0u8; 512];
    let mut total = 0usize;
    for _ in 0..n {
        let (items, chars) = b::smartid_decode(std::hint::black_box(b::INTERACTIONS_B64.trim()), &mut scratch)
            .map_err(|e| e.to_string())?;
        total += items + chars;
        total += b::std_smartid_decode(std::hint::black_box(b::INTERACTIONS_B64.trim()))?.len();
    }
    println!("{total}");
    Ok(())
}
