//! Runs the ProofSpace webhook check of the bench (signature, parse, casts) N times, for
//! instruction counts under callgrind:
//!
//! ```text
//! cargo build --release -p ssi-verify-bench --example webhook_insn
//! valgrind --tool=callgrind --toggle-collect='ssi_verify_bench::webhook_check' \
//!     target/release/examples/webhook_insn 20 [rsa]
//! ```
//!
//! With `rsa` the body's RSA-2048 signature is checked instead of its Ed25519 one.
//!
//! The fixtures (keys, signatures, schemas) are built once, outside the counted function.

use ssi_verify_bench::Fixtures;

fn main() -> Result<(), String> {
    let n: usize = std::env::args().nth(1).map_or(Ok(20), |s| s.parse()).map_err(|e| format!("count: {e}"))?;
    let f = Fixtures::new()?;
    let w = &f.webhook;
    let (key, signature) = match std::env::args().nth(2).as_deref() {
        Some("rsa") => (&f.webhook_rsa, &w.rsa_signature),
        _ => (&w.ed25519_key, &w.ed25519_signature),
    };
    for _ in 0..n {
        ssi_verify_bench::webhook_check(key, &w.body, signature, &f.schemas).map_err(|e| e.to_string())?;
    }
    Ok(())
}
