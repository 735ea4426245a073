//! Embeds the bundled JSON-LD contexts (feature `jsonld`) and checks each file's SHA-256
//! against the digest pinned in `contexts/contexts.json`: a changed byte fails the build, so
//! the library can never expand a credential against a context other than the pinned one.

use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=contexts");
    println!("cargo:rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("bundled_contexts.rs");
    if std::env::var_os("CARGO_FEATURE_JSONLD").is_none() {
        return;
    }
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join("contexts");
    let manifest = std::fs::read_to_string(dir.join("contexts.json"))
        .unwrap_or_else(|e| fail(&format!("cannot read contexts/contexts.json: {e}")));
    let manifest: serde_json::Value =
        serde_json::from_str(&manifest).unwrap_or_else(|e| fail(&format!("contexts/contexts.json: {e}")));
    let entries = manifest.as_object().unwrap_or_else(|| fail("contexts/contexts.json is not an object"));
    let mut code = String::from("/// URL, file name, pinned SHA-256 (hex) and text of each bundled context.\n");
    code.push_str("pub(crate) static BUNDLED: &[(&str, &str, &str, &str)] = &[\n");
    let mut sorted: Vec<_> = entries.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    for (url, entry) in sorted {
        let file = entry["file"].as_str().unwrap_or_else(|| fail(&format!("{url}: no file")));
        let pinned = entry["sha256"].as_str().unwrap_or_else(|| fail(&format!("{url}: no sha256")));
        if file.contains('/') || file.contains('\\') {
            fail(&format!("{url}: file must be a plain name"));
        }
        let path = dir.join(file);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| fail(&format!("{file}: {e}")));
        let digest = Sha256::digest(&bytes);
        let hex = digest.iter().fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        });
        if hex != pinned {
            fail(&format!("{file} (context {url}): SHA-256 {hex} differs from the pinned {pinned}"));
        }
        if std::str::from_utf8(&bytes).is_err() {
            fail(&format!("{file}: not UTF-8"));
        }
        let _ = writeln!(code, "    ({url:?}, {file:?}, {pinned:?}, include_str!({:?})),", path.display().to_string());
    }
    code.push_str("];\n");
    std::fs::write(&out, code).unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));
}

fn fail(msg: &str) -> ! {
    eprintln!("error: bundled JSON-LD contexts: {msg}");
    std::process::exit(1)
}
