#!/usr/bin/env bash
# Runs the Python tests against the committed generated bindings and the freshly built library.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
cargo build --quiet --locked -p ssi-verify-ffi
pkg="$root/target/python-test"
rm -rf "$pkg" && mkdir -p "$pkg"
cp bindings/python/src/ssi_verify_bindings/ssi_verify.py "$pkg/"
cp target/debug/libssi_verify_ffi.so "$pkg/"
PYTHONPATH="$pkg" python3 -m unittest discover -s tests/python -p 'test_*.py' -v
