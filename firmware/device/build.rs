//! Puts the board's `memory.x` where the runtime crate's `link.x` finds it, and links with that
//! `link.x` (cortex-m-rt's on Arm, riscv-rt's on RISC-V), so building needs no
//! `.cargo/config.toml` and no RUSTFLAGS: `cargo build --target <triple>` is enough.

use std::{env, fs, path::PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=memory-mps2-an386.x");
    println!("cargo:rerun-if-changed=memory-qemu-virt.x");
    let memory: &[u8] = match env::var("CARGO_CFG_TARGET_ARCH").as_deref() {
        Ok("arm") => include_bytes!("memory-mps2-an386.x"),
        Ok("riscv32") => include_bytes!("memory-qemu-virt.x"),
        // Other targets are refused by a `compile_error!` in main.rs.
        _ => return,
    };
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default());
    if let Err(e) = fs::write(out.join("memory.x"), memory) {
        println!("cargo:warning=cannot write memory.x: {e}");
        std::process::exit(1);
    }
    println!("cargo:rustc-link-search={}", out.display());
    println!("cargo:rustc-link-arg-bins=-Tlink.x");
}
