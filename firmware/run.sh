#!/usr/bin/env bash
# Builds the firmware images for a Cortex-M4F board (thumbv7em-none-eabihf, run in
# `qemu-system-arm -machine mps2-an386`) and a 32-bit RISC-V board (riscv32imac-unknown-none-elf,
# run in `qemu-system-riscv32 -machine virt`), runs them, and fails on a wrong answer (the image
# exits non-zero through semihosting), on unexpected output, or when the Smart-ID + ProofSpace
# Ed25519 verifier misses its flash/RAM budget.
#   firmware/run.sh           the above: every check (default features) on both boards, then the
#                             kiosk verifier (smartid,proofspace-ed25519) on both, against its
#                             budget (what scripts/test-all runs)
#   firmware/run.sh --sizes   also every feature set on both boards, and prints the Markdown
#                             tables of BENCHMARKS.md (flash/RAM per feature set, instructions
#                             per operation)
# Installs what it needs (rustup targets and llvm-tools, QEMU from Debian) and fails loudly,
# naming the step, when an install is refused. Works from any directory; follows
# CARGO_TARGET_DIR.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
cd "$here"

all_sizes=false
[[ "${1:-}" == "--sizes" ]] && all_sizes=true

expected_auth_code="T5pDDPAjoMS0byqS-FoaWVjlubODXoCCF4XDB4HeYNo"
# The goal of issue 15: the Smart-ID + ProofSpace Ed25519 verifier fits a 128 KiB-flash /
# 32 KiB-RAM microcontroller with room to spare, and its Ed25519 body check is cheap enough.
kiosk_flash_limit=$((96 * 1024))
kiosk_ram_limit=$((24 * 1024))
kiosk_ed25519_instruction_limit=3000000
kiosk_features="smartid,proofspace-ed25519"

fail() {
    echo "firmware/run.sh: FAIL: $*" >&2
    exit 1
}

# install STEP COMMAND...: runs an install command; a refusal stops the run, naming the step.
install() {
    local step="$1"
    shift
    echo "==> install: $step"
    "$@" || fail "install step '$step' was refused ($*)"
}

targets=(thumbv7em-none-eabihf riscv32imac-unknown-none-elf)
installed_targets="$(rustup target list --installed)"
for t in "${targets[@]}"; do
    grep -qx "$t" <<<"$installed_targets" || install "rustup target $t" rustup target add "$t"
done
sysroot="$(rustc --print sysroot)"
host="$(rustc -vV | sed -n 's/^host: //p')"
llvm_size="$sysroot/lib/rustlib/$host/bin/llvm-size"
[[ -x "$llvm_size" ]] || install "rustup component llvm-tools" rustup component add llvm-tools
[[ -x "$llvm_size" ]] || fail "llvm-size not found at $llvm_size after installing llvm-tools"

if ! command -v qemu-system-arm >/dev/null || ! command -v qemu-system-riscv32 >/dev/null; then
    # Debian 12's qemu-system 7.2 and a backported qemu-utils (>= 8, as some machines carry for
    # qemu-img) Break each other, and apt's resolver gives up instead of removing qemu-utils:
    # remove it first, saying so.
    utils_version="$(dpkg-query -W -f='${Version}' qemu-utils 2>/dev/null || true)"
    if [[ -n "$utils_version" ]] && dpkg --compare-versions "$utils_version" ge "1:8"; then
        as_root=()
        [[ "$(id -u)" == 0 ]] || as_root=(sudo)
        echo "firmware/run.sh: removing qemu-utils $utils_version: it Breaks Debian 12's qemu-system packages" >&2
        install "apt-get remove qemu-utils" "${as_root[@]}" apt-get remove -y -qq qemu-utils
    fi
    install "apt qemu-system-arm qemu-system-misc" "$repo/scripts/apt-install" qemu-system-arm qemu-system-misc
fi
for q in qemu-system-arm qemu-system-riscv32; do
    command -v "$q" >/dev/null || fail "$q not found after installing qemu-system-arm and qemu-system-misc"
done

# Honour CARGO_TARGET_DIR / build.target-dir: ask cargo where the target directory is.
target_dir="$(cargo metadata --format-version 1 --no-deps --manifest-path "$here/Cargo.toml" |
    grep -o '"target_directory":"[^"]*"' | sed 's/^"target_directory":"//; s/"$//')"

# qemu TARGET ELF: runs the image on its board. `-icount shift=0` makes virtual time advance
# 1 ns per instruction (the images' instruction counts rely on it) and makes runs deterministic.
# Semihosting carries the output and the exit status; the timeout catches a hung image.
qemu() {
    local target="$1" elf="$2"
    case "$target" in
        thumbv7em-none-eabihf)
            timeout 600 qemu-system-arm -machine mps2-an386 -cpu cortex-m4 -nographic -monitor none \
                -serial none -semihosting-config enable=on,target=native -icount shift=0 -kernel "$elf" ;;
        riscv32imac-unknown-none-elf)
            timeout 600 qemu-system-riscv32 -machine virt -bios none -nographic -monitor none \
                -serial none -semihosting-config enable=on,target=native -icount shift=0 -kernel "$elf" ;;
    esac
}

# section ELF NAME: the size of section NAME (0 when absent).
section() {
    "$llvm_size" -A -d "$1" | awk -v n="$2" '$1 == n { s = $2 } END { print s + 0 }'
}

# build_and_run TARGET FEATURES: builds the image with exactly FEATURES ("" = default: every
# check), runs it, checks its status and output. Leaves its output in $output, flash and RAM
# figures in $flash, $static_ram, $heap_peak, $stack_peak, $ram.
build_and_run() {
    local target="$1" features="$2"
    local flags=()
    [[ -n "$features" ]] && flags=(--no-default-features --features "$features")
    echo "==> cargo build --release --target $target ${flags[*]} (in $here)"
    cargo build --release --locked --target "$target" -p firmware --manifest-path "$here/Cargo.toml" "${flags[@]}"
    local elf="$target_dir/$target/release/firmware"
    [[ -f "$elf" ]] || fail "image not found at $elf"
    local q=qemu-system-arm
    [[ "$target" == riscv32* ]] && q=qemu-system-riscv32
    echo "==> $q $elf"
    local status=0
    output="$(qemu "$target" "$elf")" || status=$?
    echo "$output"
    [[ $status -eq 0 ]] || fail "firmware [$target, ${features:-default}] exited with status $status under $q"
    grep -q '^firmware: ok (' <<<"$output" || fail "no 'firmware: ok' line from [$target, ${features:-default}]"
    grep -q '^entry: ' <<<"$output" || fail "no entry-point measurements from [$target, ${features:-default}]"
    # Flash: what the image stores (vector table, code, constants, the load image of .data).
    flash=$(($(section "$elf" .vector_table) + $(section "$elf" .text) + $(section "$elf" .rodata) + $(section "$elf" .data)))
    # RAM: .data + .bss (the heap arena is in .uninit and counted by its high-water mark
    # instead), peak heap and peak stack (from the stack top) of the largest entry point.
    static_ram=$(($(section "$elf" .data) + $(section "$elf" .bss)))
    heap_peak="$(sed -n 's/^peak: .*, heap \([0-9]*\) B.*/\1/p' <<<"$output")"
    stack_peak="$(sed -n 's/^peak: stack \([0-9]*\) B.*/\1/p' <<<"$output")"
    [[ -n "$heap_peak" && -n "$stack_peak" ]] || fail "no peak line from [$target, ${features:-default}]"
    ram=$((static_ram + heap_peak + stack_peak))
}

kib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }
# instructions_of NAME: the instruction count of the entry point whose name starts with NAME.
instructions_of() {
    awk -v n="$1" '$1 == "entry:" { i = index($0, "  ok  "); if (i && index(substr($0, i + 6), n) == 1) print $12 }' <<<"$output"
}

size_table="| features | target | flash (B) | flash (KiB) | .data+.bss (B) | peak heap (B) | peak stack (B) | RAM (B) | RAM (KiB) |"$'\n'"|---|---|---:|---:|---:|---:|---:|---:|---:|"
size_row() {
    size_table+=$'\n'"| $1 | $2 | $flash | $(kib "$flash") | $static_ram | $heap_peak | $stack_peak | $ram | $(kib "$ram") |"
}
insn_table=""
# The same counts, machine-readable, for scripts/insn-gate (the instruction-count regression gate).
insn_file="$target_dir/firmware-instructions.tsv"
# On a fresh clone nothing has been built yet, so the target dir may not exist.
mkdir -p "$target_dir"
: >"$insn_file"
for target in "${targets[@]}"; do
    build_and_run "$target" ""
    if [[ "$output" != *"firmware: ok (2 interactions, authCode $expected_auth_code, body signatures RSA-4096 and Ed25519 valid, did:key JCS proof valid, JSONPath issuer selected, PE definition satisfied, "* ]]; then
        fail "unexpected summary line from [$target, default]"
    fi
    size_row "smartid,proofspace,presentation,signing (default)" "$target"
    insn_table+="$(awk -v t="$target" '$1 == "entry:" { i = index($0, "  ok  "); printf "| %s | %s | %s | %s | %s |\n", substr($0, i + 6), t, $12, $9, $3 }' <<<"$output")"$'\n'
    awk -v t="$target" '$1 == "entry:" { i = index($0, "  ok  "); printf "%s\t%s\t%s\n", t, substr($0, i + 6), $12 }' <<<"$output" >>"$insn_file"
done

configs=("$kiosk_features")
$all_sizes && configs=("smartid" "proofspace-ed25519" "$kiosk_features" "proofspace" "smartid,proofspace" "presentation")
for features in "${configs[@]}"; do
    for target in "${targets[@]}"; do
        build_and_run "$target" "$features"
        size_row "$features" "$target"
        if [[ "$features" == "$kiosk_features" ]]; then
            # The goal is a 128 KiB / 32 KiB microcontroller of either architecture: both images are gated.
            [[ $flash -le $kiosk_flash_limit ]] || fail "kiosk verifier [$target] needs $flash bytes of flash, over $kiosk_flash_limit"
            [[ $ram -le $kiosk_ram_limit ]] || fail "kiosk verifier [$target] needs $ram bytes of RAM, over $kiosk_ram_limit"
            if [[ "$target" == thumbv7em* ]]; then
                ed="$(instructions_of "proofspace::verify_body_signature_ed25519")"
                [[ -n "$ed" ]] || fail "no Ed25519 instruction count from [$target]"
                [[ $ed -le $kiosk_ed25519_instruction_limit ]] ||
                    fail "Ed25519 body check takes $ed instructions on Cortex-M4, over $kiosk_ed25519_instruction_limit"
                echo "==> kiosk verifier [$target]: flash $flash B, RAM $ram B, Ed25519 body check $ed instructions"
            else
                echo "==> kiosk verifier [$target]: flash $flash B, RAM $ram B"
            fi
        fi
    done
done

echo "==> flash and RAM per feature set [opt-level = \"z\", lto = true, codegen-units = 1, panic = \"abort\"]"
echo "$size_table"
echo "==> instructions, heap and stack per entry point (default features, QEMU -icount shift=0)"
echo "| entry point | target | instructions | heap (B) | stack (B) |"
echo "|---|---|---:|---:|---:|"
printf '%s' "$insn_table"
echo "==> instruction counts written to $insn_file (scripts/insn-gate compares them with firmware/instructions.baseline)"
echo "firmware/run.sh: PASS"
