#!/usr/bin/env bash
# Runs the C test programs (plain C11 builds, no sanitizers) under Valgrind memcheck: invalid
# reads/writes, uninitialised values and definite leaks fail the run. Complements run.sh (ASan/UBSan).
# Installs valgrind with apt-get when it is missing (CI machines start without it).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
scripts/apt-install valgrind
cargo build --quiet --locked -p ssi-verify-ffi
target_dir="$("$root/scripts/target-dir")"
lib="$target_dir/debug/libssi_verify_ffi.a"
out="$target_dir/ctests-valgrind"
mkdir -p "$out"
for src in tests/c/*_test.c; do
  name="$(basename "$src" .c)"
  gcc -std=c11 -Wall -Wextra -Werror -O1 -g -Iinclude -Itests/c "$src" -o "$out/$name" "$lib" -lpthread -ldl -lm
  valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
    --show-leak-kinds=definite "$out/$name" "$root/tests/vectors"
done
echo "valgrind: all C test programs clean"
