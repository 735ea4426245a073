//! Writes the inputs the Node comparison reads (the Rust benches generate the same in memory):
//! `bench-inputs [DIR]`, default `target/bench-inputs`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = std::env::args_os().nth(1).map_or_else(|| PathBuf::from("target/bench-inputs"), PathBuf::from);
    match ssi_verify_bench::write_inputs(&dir) {
        Ok(()) => {
            println!("bench inputs written to {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("bench-inputs: {e}");
            ExitCode::FAILURE
        }
    }
}
