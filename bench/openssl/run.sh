#!/usr/bin/env bash
# The OpenSSL comparison of BENCHMARKS.md's Smart-ID trust paragraph (not part of CI): builds
# x509_verify.c against libcrypto and times X509_verify_cert on the chain the Criterion group
# `x509_path_smartid` validates (same anchor, intermediate, end entity and time), then prints it
# beside the ssi-verify medians of the last run of that group, if there is one:
#   cargo bench --locked -p ssi-verify-bench --bench verify -- x509_path_smartid
# Usage: bench/openssl/run.sh [ITERATIONS]   (default 500; needs a C compiler and apt for libssl-dev)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
iterations="${1:-500}"
# Must match bench/src/smartid_trust.rs (NOW, EXPIRED_NOW and the three paths).
now=1780272000
expired_now=1900000000
vectors="$root/tests/vectors/smartid-trust"
anchor="$vectors/ca/test/root/TEST_of_SK_ID_Solutions_ROOT_G1E.pem"
intermediate="$vectors/ca/test/intermediate/TEST_of_SK_ID_Solutions_EID-Q_2024E.pem"
end_entity="$vectors/ee/test/TEST_OK__PNOEE-40504040001__auth__2026-01-06.pem"

step() { echo "bench/openssl/run.sh: step '$1' failed" >&2; exit 1; }

"$root/scripts/apt-install" libssl-dev || step "install libssl-dev (scripts/apt-install libssl-dev)"
target_dir="$(cargo metadata --format-version 1 --no-deps --manifest-path "$root/Cargo.toml" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')" || step "cargo metadata"
mkdir -p "$target_dir/openssl"
bin="$target_dir/openssl/x509_verify"
cc -O2 -Wall -Wextra -o "$bin" "$here/x509_verify.c" -lcrypto || step "build x509_verify.c (cc ... -lcrypto)"
line="$("$bin" "$anchor" "$intermediate" "$end_entity" "$now" "$iterations" "$expired_now")" ||
  step "run x509_verify (the chain must validate at $now and be refused as expired at $expired_now)"
echo "$line"

python3 - "$target_dir/criterion" "$line" <<'PY'
import json, os, re, sys

criterion, line = sys.argv[1], sys.argv[2]
openssl_ns = float(re.search(r"([0-9.]+) ns/op", line).group(1))
for name in ("ssi_verify_validate_path", "ssi_verify_parse_and_validate"):
    path = os.path.join(criterion, "x509_path_smartid", name, "new", "estimates.json")
    if not os.path.exists(path):
        print(f"x509_path_smartid/{name}: no Criterion estimate (run the group first)")
        continue
    with open(path) as f:
        ours = json.load(f)["median"]["point_estimate"]
    print(f"x509_path_smartid/{name}: {ours:.0f} ns/op (Criterion median); "
          f"OpenSSL / ssi-verify = {openssl_ns / ours:.2f} (above 1: ssi-verify is faster)")
PY
