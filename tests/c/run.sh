#!/usr/bin/env bash
# Builds the C test programs as C11 and as C++17 against include/ssi_verify.h and the static
# library, under AddressSanitizer + UndefinedBehaviorSanitizer, checks that ASan really is
# linked, and runs them.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
cargo build --quiet --locked -p ssi-verify-ffi
target_dir="$("$root/scripts/target-dir")"
lib="$target_dir/debug/libssi_verify_ffi.a"
out="$target_dir/ctests"
mkdir -p "$out"
san=(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all -g)
warn=(-Wall -Wextra -Werror)
libs=("$lib" -lpthread -ldl -lm)
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
for src in tests/c/*_test.c; do
  name="$(basename "$src" .c)"
  gcc -std=c11 "${warn[@]}" "${san[@]}" -Iinclude "$src" -o "$out/$name-c" "${libs[@]}"
  g++ -std=c++17 -x c++ "${warn[@]}" "${san[@]}" -Iinclude "$src" -x none -o "$out/$name-cpp" "${libs[@]}"
  for bin in "$out/$name-c" "$out/$name-cpp"; do
    nm "$bin" | grep __asan_init >/dev/null || { echo "error: $bin is not linked with ASan" >&2; exit 1; }
    "$bin" "$root/tests/vectors"
  done
done
