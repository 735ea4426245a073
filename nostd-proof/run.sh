#!/usr/bin/env bash
# Builds the no_std proof binary in release mode, runs it, checks its exit status and output,
# and prints the size of its .text section. Works from any directory (e.g. `nostd-proof/run.sh`
# from the repository root). Needs only the Rust toolchain, a C compiler/linker and binutils.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

expected_auth_code="T5pDDPAjoMS0byqS-FoaWVjlubODXoCCF4XDB4HeYNo"

echo "==> cargo build --release (in $here)"
# A dependency that pulls std in makes this step fail with
# "error[E0152]: found duplicate lang item \`panic_impl\`".
cargo build --release --manifest-path "$here/Cargo.toml"

# Honour CARGO_TARGET_DIR / build.target-dir: ask cargo where the target directory is.
target_dir="$(cargo metadata --format-version 1 --no-deps --manifest-path "$here/Cargo.toml" |
    grep -o '"target_directory":"[^"]*"' | sed 's/^"target_directory":"//; s/"$//')"
bin="$target_dir/release/nostd-proof"
if [[ ! -x "$bin" ]]; then
    echo "run.sh: binary not found at $bin" >&2
    exit 1
fi

echo "==> $bin"
status=0
output="$("$bin")" || status=$?
echo "$output"

if [[ $status -ne 0 ]]; then
    echo "run.sh: FAIL: nostd-proof exited with status $status" >&2
    exit 1
fi
if [[ "$output" != "nostd-proof: ok (2 interactions, authCode $expected_auth_code, body signatures RSA-4096 and Ed25519 valid, did:key JCS proof valid, "* ]]; then
    echo "run.sh: FAIL: unexpected output from nostd-proof" >&2
    exit 1
fi

text_bytes="$(size -A -d "$bin" | awk '$1 == ".text" { print $2 }')"
if [[ -z "$text_bytes" ]]; then
    echo "run.sh: FAIL: no .text section reported by size -A for $bin" >&2
    exit 1
fi
text_kib="$(awk -v b="$text_bytes" 'BEGIN { printf "%.1f", b / 1024 }')"
echo "==> .text: $text_bytes bytes ($text_kib KiB) [opt-level = \"z\", lto = true, codegen-units = 1, panic = \"abort\"]"
echo "run.sh: PASS"
