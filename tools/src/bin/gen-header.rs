//! Writes include/ssi_verify.h from the ffi crate with the pinned cbindgen.
//!
//! Usage: gen-header [OUTPUT]   (default: include/ssi_verify.h, relative to the repository root)

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let out = std::env::args().nth(1).map_or_else(|| root.join("include/ssi_verify.h"), PathBuf::from);
    let crate_dir = root.join("ffi");
    let config = match cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: cbindgen.toml: {e}");
            return ExitCode::from(1);
        }
    };
    match cbindgen::generate_with_config(&crate_dir, config) {
        Ok(bindings) => {
            bindings.write_to_file(&out);
            println!("wrote {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cbindgen: {e}");
            ExitCode::from(1)
        }
    }
}
