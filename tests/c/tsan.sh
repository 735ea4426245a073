#!/usr/bin/env bash
# Runs tests/c/threads_test.c (the C ABI from eight threads at once) under ThreadSanitizer with
# both sides instrumented: the static library is built by nightly Rust with
# `-Zsanitizer=thread -Zbuild-std` (std itself instrumented, so its thread-locals and locks are
# seen), the test program is compiled by gcc with `-fsanitize=thread`, and the link uses the TSan
# runtime that ships with the nightly toolchain (librustc-nightly_rt.tsan.a): gcc 12's own
# libtsan predates the `__tsan_memcpy`/`__tsan_memset` entry points the nightly's LLVM emits.
# Needs the nightly toolchain with rust-src; installs rust-src if it is missing.
# Exits non-zero on any reported race, on a failed check, or when TSan is not really linked.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
target_dir="$("$root/scripts/target-dir")/tsan"
triple="x86_64-unknown-linux-gnu"

if ! rustup +nightly component list --installed 2>/dev/null | grep -q '^rust-src'; then
  rustup component add rust-src --toolchain nightly \
    || { echo "error: tsan.sh: 'rustup component add rust-src --toolchain nightly' failed (needed by -Zbuild-std)" >&2; exit 1; }
fi

# Only the target crates get the sanitizer flag (build scripts and proc-macros run on the host
# uninstrumented); -Zbuild-std rebuilds std with it so every Rust frame is instrumented.
RUSTFLAGS="-Zsanitizer=thread" CARGO_TARGET_DIR="$target_dir" \
  cargo +nightly build --quiet --locked -Zbuild-std --target "$triple" -p ssi-verify-ffi --lib
lib="$target_dir/$triple/debug/libssi_verify_ffi.a"
# grep -c reads all of nm's output (grep -q would stop early and fail the pipe under pipefail).
[ "$(nm "$lib" 2>/dev/null | grep -c '__tsan_func_entry')" -gt 0 ] || { echo "error: $lib is not instrumented for TSan" >&2; exit 1; }

runtime="$(rustc +nightly --print sysroot)/lib/rustlib/$triple/lib/librustc-nightly_rt.tsan.a"
[ -f "$runtime" ] || { echo "error: tsan.sh: no TSan runtime at $runtime" >&2; exit 1; }

out="$target_dir/ctests"
mkdir -p "$out"
bin="$out/threads_test-tsan"
gcc -std=c11 -Wall -Wextra -Werror -fsanitize=thread -fno-omit-frame-pointer -g -O1 -Iinclude \
  -c tests/c/threads_test.c -o "$out/threads_test.o"
gcc -o "$bin" "$out/threads_test.o" "$lib" -Wl,--whole-archive "$runtime" -Wl,--no-whole-archive \
  -lpthread -ldl -lm -lrt
[ "$(nm "$bin" | grep -c '__tsan_init')" -gt 0 ] || { echo "error: $bin is not linked with TSan" >&2; exit 1; }

# The setup must really report races: a deliberately racy program linked the same way.
cat > "$out/race.c" <<'C'
#include <pthread.h>
static int shared;
static void *bump(void *arg) { (void)arg; for (int i = 0; i < 1000; i++) shared++; return 0; }
int main(void) {
  pthread_t t[2];
  for (int i = 0; i < 2; i++) pthread_create(&t[i], 0, bump, 0);
  for (int i = 0; i < 2; i++) pthread_join(t[i], 0);
  return 0;
}
C
gcc -std=c11 -fsanitize=thread -g -c "$out/race.c" -o "$out/race.o"
gcc -o "$out/race" "$out/race.o" -Wl,--whole-archive "$runtime" -Wl,--no-whole-archive -lpthread -ldl -lm -lrt
# (TSan makes a racy program exit non-zero; what matters is the report.)
control="$("$out/race" 2>&1 || true)"
case "$control" in
  *'WARNING: ThreadSanitizer: data race'*) ;;
  *) echo "error: tsan.sh: the racy control program was not reported; TSan is not working" >&2; exit 1 ;;
esac

TSAN_OPTIONS="halt_on_error=1 abort_on_error=1 second_deadlock_stack=1" "$bin" "$root/tests/vectors"
