//! Runs `ldp::verify` on one bench credential N times, for instruction counts under callgrind:
//!
//! ```text
//! cargo build --release -p ssi-verify-bench --example ldp_insn
//! valgrind --tool=callgrind --toggle-collect='ssi_verify_bench::ldp::verify' \
//!     target/release/examples/ldp_insn eddsa_rdfc_2022 20 [new]
//! ```
//!
//! The store is built once, outside the counted function (as in the Criterion bench); the
//! first verification also pays for whatever the store caches. With `new`, each verification
//! gets a store of its own (as the C and UniFFI calls build one per call), built outside the
//! counted function too.

use ssi_verify_bench::ldp;

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_else(|| String::from("eddsa_rdfc_2022"));
    let n: usize = args.next().map_or(Ok(20), |s| s.parse()).map_err(|e| format!("count: {e}"))?;
    let text = ldp::CREDENTIALS.iter().find(|(c, _)| *c == name).map(|(_, t)| *t).ok_or("unknown credential")?;
    let per_call = args.next().as_deref() == Some("new");
    let mut store = ldp::contexts()?;
    for _ in 0..n {
        if per_call {
            store = ldp::contexts()?;
        }
        if !ldp::verify(text, &store).map_err(|e| e.to_string())? {
            return Err(format!("{name} did not verify"));
        }
    }
    Ok(())
}
