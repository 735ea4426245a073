//! Writes include/ssi_verify.h from the ffi crate with the pinned cbindgen.
//!
//! Usage: gen-header [OUTPUT]   (default: include/ssi_verify.h, relative to the repository root)

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let out = std::env::args().nth(1).map_or_else(|| root.join("include/ssi_verify.h"), PathBuf::from);
    let crate_dir = root.join("ffi");
    let mut config = match cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: cbindgen.toml: {e}");
            return ExitCode::from(1);
        }
    };
    // The error enum comes from the core's one table of codes (a macro cbindgen cannot expand),
    // written in the same form cbindgen gives the other enums.
    let defines = config.after_includes.take().unwrap_or_default();
    config.after_includes = Some(format!("{defines}\n{}", error_enum()));
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

/// The `ssi_error` enum of the header, one member per row of the core's error table.
fn error_enum() -> String {
    const GUARD: &str = "defined(__cplusplus) || __STDC_VERSION__ >= 202311L";
    let mut out = String::from("\n// Stable error codes: the number and the name of a code never change meaning.\n");
    out.push_str(&format!("enum ssi_error\n#if {GUARD}\n  : uint32_t\n#endif // {GUARD}\n {{\n"));
    for code in ssi_verify_core::ErrorCode::ALL {
        out.push_str(&format!("  // {}\n  SSI_ERROR_{} = {},\n", code.doc(), code.name(), *code as u32));
    }
    out.push_str("};\n#ifndef __cplusplus\n#if __STDC_VERSION__ >= 202311L\ntypedef enum ssi_error ssi_error;\n");
    out.push_str("#else\ntypedef uint32_t ssi_error;\n#endif // __STDC_VERSION__ >= 202311L\n#endif // __cplusplus\n");
    out
}
