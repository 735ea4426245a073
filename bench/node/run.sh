#!/usr/bin/env bash
# The Node comparison of BENCHMARKS.md (not part of CI): installs the pinned jose, canonicalize,
# @sphereon/pex and Linked Data libraries (jsonld, rdf-canonize, @digitalbazaar/vc and suites)
# into bench/node/node_modules (npm ci, lifecycle scripts off), writes the Rust benches' inputs
# to target/bench-inputs, and times the same operations in Node.
# Run scripts/bench first so the ssi-verify medians are there to compare with.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target_dir="$(cargo metadata --format-version 1 --no-deps --manifest-path "$root/Cargo.toml" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
# --ignore-scripts: a transitive dependency's preinstall insists on pnpm; nothing here needs a build step.
(cd "$here" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2)
cargo run --quiet --locked --release -p ssi-verify-bench --bin bench-inputs -- "$target_dir/bench-inputs" >&2
node "$here/bench.mjs" "$target_dir/bench-inputs" "$target_dir/criterion"
