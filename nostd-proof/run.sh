#!/usr/bin/env bash
# Builds the no_std proof binary in release mode, runs it, checks its exit status and output
# (the checks, then the stack and heap each entry point uses, each under its stack bound; the
# checks are the `proof-checks` crate in firmware/checks, shared with the firmware images), and
# prints the size of its .text section. Then builds the Smart-ID + ProofSpace Ed25519
# configuration and checks its .text stays under 150 KiB.
#   nostd-proof/run.sh           the above (what scripts/test-all runs)
#   nostd-proof/run.sh --sizes   also every per-feature configuration, as a Markdown table
# Works from any directory. Needs only the Rust toolchain, a C compiler/linker and binutils.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

all_sizes=false
[[ "${1:-}" == "--sizes" ]] && all_sizes=true

expected_auth_code="T5pDDPAjoMS0byqS-FoaWVjlubODXoCCF4XDB4HeYNo"
# The Smart-ID + ProofSpace Ed25519 verifier a kiosk board carries must fit in this much code.
kiosk_text_limit=$((150 * 1024))

# Honour CARGO_TARGET_DIR / build.target-dir: ask cargo where the target directory is.
target_dir="$(cargo metadata --format-version 1 --no-deps --manifest-path "$here/Cargo.toml" |
    grep -o '"target_directory":"[^"]*"' | sed 's/^"target_directory":"//; s/"$//')"
bin="$target_dir/release/nostd-proof"

# build_and_run FEATURES: builds with exactly FEATURES ("" = default, all three systems), runs
# the binary (which fails on a wrong result or a stack bound), leaves its output in $output and
# its .text size in $text_bytes.
build_and_run() {
    local features="$1"
    local flags=()
    [[ -n "$features" ]] && flags=(--no-default-features --features "$features")
    echo "==> cargo build --release ${flags[*]} (in $here)"
    # A dependency that pulls std in makes this step fail with
    # "error[E0152]: found duplicate lang item \`panic_impl\`".
    cargo build --release --manifest-path "$here/Cargo.toml" "${flags[@]}"
    if [[ ! -x "$bin" ]]; then
        echo "run.sh: binary not found at $bin" >&2
        exit 1
    fi
    echo "==> $bin"
    local status=0
    output="$("$bin")" || status=$?
    echo "$output"
    if [[ $status -ne 0 ]]; then
        echo "run.sh: FAIL: nostd-proof [${features:-default}] exited with status $status" >&2
        exit 1
    fi
    if [[ "$output" != "nostd-proof: ok ("* ]]; then
        echo "run.sh: FAIL: unexpected output from nostd-proof [${features:-default}]" >&2
        exit 1
    fi
    text_bytes="$(size -A -d "$bin" | awk '$1 == ".text" { print $2 }')"
    if [[ -z "$text_bytes" ]]; then
        echo "run.sh: FAIL: no .text section reported by size -A for $bin" >&2
        exit 1
    fi
}

kib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }

build_and_run ""
if [[ "$output" != "nostd-proof: ok (2 interactions, authCode $expected_auth_code, body signatures RSA-4096 and Ed25519 valid, did:key JCS proof valid, JSONPath issuer selected, PE definition satisfied, eddsa-rdfc-2022 credential valid, "* ]]; then
    echo "run.sh: FAIL: unexpected output from nostd-proof" >&2
    exit 1
fi
if ! grep -q '^entry: ' <<<"$output"; then
    echo "run.sh: FAIL: no stack measurements printed" >&2
    exit 1
fi
echo "==> .text: $text_bytes bytes ($(kib "$text_bytes") KiB) [opt-level = \"z\", lto = true, codegen-units = 1, panic = \"abort\"]"

configs=("smartid,proofspace-ed25519")
$all_sizes && configs=("smartid" "proofspace-ed25519" "smartid,proofspace-ed25519" "proofspace" "smartid,proofspace" "presentation" "linked-data" "smartid,proofspace,presentation")
table="| features | .text (bytes) | .text (KiB) |"$'\n'"|---|---:|---:|"
for features in "${configs[@]}"; do
    build_and_run "$features"
    table+=$'\n'"| $features | $text_bytes | $(kib "$text_bytes") |"
    if [[ "$features" == "smartid,proofspace-ed25519" && $text_bytes -ge $kiosk_text_limit ]]; then
        echo "run.sh: FAIL: Smart-ID + ProofSpace Ed25519 .text is $text_bytes bytes, over $kiosk_text_limit" >&2
        exit 1
    fi
done
echo "==> .text per feature set [opt-level = \"z\", lto = true, codegen-units = 1, panic = \"abort\"]"
echo "$table"
echo "run.sh: PASS"
