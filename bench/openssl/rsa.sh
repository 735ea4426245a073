#!/usr/bin/env bash
# The OpenSSL side of BENCHMARKS.md's RSA verification table (not part of CI): writes the RSA
# bench inputs (`bench-inputs`: the keys, message and signatures the Criterion groups
# `rsa_verify_2048` / `rsa_verify_4096` verify), builds rsa_verify.c against libcrypto, times
# EVP_PKEY_verify on each, and prints it beside the ssi-verify and rsa 0.9 medians of the last run
# of those groups, if there is one:
#   cargo bench --locked -p ssi-verify-bench --bench verify -- rsa_verify
# Usage: bench/openssl/rsa.sh [ITERATIONS]   (default 2000; needs a C compiler and apt for libssl-dev)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
iterations="${1:-2000}"

step() { echo "bench/openssl/rsa.sh: step '$1' failed" >&2; exit 1; }

"$root/scripts/apt-install" libssl-dev || step "install libssl-dev (scripts/apt-install libssl-dev)"
target_dir="$(cargo metadata --format-version 1 --no-deps --manifest-path "$root/Cargo.toml" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')" || step "cargo metadata"
inputs="$target_dir/bench-inputs"
cargo run --quiet --release --locked --manifest-path "$root/Cargo.toml" -p ssi-verify-bench --bin bench-inputs -- "$inputs" ||
  step "write the bench inputs (cargo run -p ssi-verify-bench --bin bench-inputs)"
mkdir -p "$target_dir/openssl"
bin="$target_dir/openssl/rsa_verify"
cc -O2 -Wall -Wextra -o "$bin" "$here/rsa_verify.c" -lcrypto || step "build rsa_verify.c (cc ... -lcrypto)"
lines=""
for bits in 2048 4096; do
  for scheme in pkcs1 pss; do
    line="$("$bin" "$inputs/rsa$bits-public.pem" "$inputs/rsa-message.bin" "$inputs/rsa$bits-$scheme.sig" "$scheme" "$iterations")" ||
      step "run rsa_verify $bits $scheme (the signature must verify and a changed message must not)"
    echo "$line"
    lines+="$bits $scheme $line"$'\n'
  done
done

python3 - "$target_dir/criterion" "$lines" <<'PY'
import json, os, re, sys

criterion, lines = sys.argv[1], sys.argv[2]
def median(group, name):
    path = os.path.join(criterion, group, name, "new", "estimates.json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)["median"]["point_estimate"]

print("| operation | ssi-verify | rsa 0.9 | OpenSSL | ssi-verify / OpenSSL | target | met |")
print("|---|---|---|---|---|---|---|")
for line in lines.strip().splitlines():
    bits, scheme = line.split()[:2]
    openssl_ns = float(re.search(r"([0-9.]+) ns/op", line).group(1))
    name = "pkcs1v15" if scheme == "pkcs1" else "pss"
    ours = median(f"rsa_verify_{bits}", f"ssi_verify_{name}")
    old = median(f"rsa_verify_{bits}", f"rsa_0_9_{name}")
    if ours is None:
        print(f"| RSA-{bits} {name} | (run the rsa_verify groups first) | | {openssl_ns / 1000:.1f} µs | | | |")
        continue
    ratio = ours / openssl_ns
    old_text = f"{old / 1000:.1f} µs" if old else ""
    print(f"| RSA-{bits} {name} | {ours / 1000:.1f} µs | {old_text} | {openssl_ns / 1000:.1f} µs | {ratio:.2f}x | <= 2x | {'yes' if ratio <= 2 else '**no**'} |")
PY
