#!/usr/bin/env bash
# Installs the C library into a temporary prefix (scripts/install-c), then builds the kiosk
# example (examples/c/kiosk_verify.c) from it with pkg-config (static and shared, C11 and C++17)
# and with CMake (both imported targets), runs every build on the sample webhook body (valid),
# a tampered copy (invalid) and a broken key (could not check), and compiles and runs the C
# blocks of docs/lang/c.md. cmake comes from apt when missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
out="$("$root/scripts/target-dir")/c-packaging"
prefix="$out/prefix"
rm -rf "$out" && mkdir -p "$out"
scripts/install-c "$prefix" --debug
version="$(scripts/check-versions --print)"
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
for pc in ssi_verify ssi_verify-static; do
  got="$(pkg-config --modversion "$pc")"
  [ "$got" = "$version" ] || { echo "error: $pc.pc says $got, Cargo.toml $version" >&2; exit 1; }
done

fail() { echo "error: $*" >&2; exit 1; }
samples="$root/samples/proofspace"
sig="$(cat "$samples/webhook-request.sig.b64")"
expect() { # expect BINARY EXIT OUTPUT_PREFIX ARGS...
  local bin="$1" want_rc="$2" want_out="$3" rc=0 got
  shift 3
  got="$("$bin" "$@" 2>/dev/null)" || rc=$?
  [ "$rc" = "$want_rc" ] || fail "$(basename "$bin") $*: exit $rc, wanted $want_rc ($got)"
  case "$got" in "$want_out"*) ;; *) fail "$(basename "$bin"): printed '$got', wanted '$want_out...'" ;; esac
}
run_kiosk() {
  local bin="$1"
  expect "$bin" 0 "valid" "$samples/webhook-request.json" "$sig" "$samples/service-public.pem"
  expect "$bin" 1 "invalid signature (SIGNATURE_MISMATCH)" "$samples/webhook-request-tampered.json" "$sig" "$samples/service-public.pem"
  # A body is no PEM key: the check cannot run.
  expect "$bin" 2 "error: INVALID_KEY (500)" "$samples/webhook-request.json" "$sig" "$samples/webhook-request.json"
  expect "$bin" 2 "" "$samples/webhook-request.json"
}
# No `ldd | grep -q`: grep quitting early can fail ldd with SIGPIPE under pipefail.
links_shared() { case "$(ldd "$1")" in *libssi_verify_ffi.so*) return 0 ;; *) return 1 ;; esac; }

warn=(-Wall -Wextra -Werror)
example=examples/c/kiosk_verify.c
read -ra shared_flags <<<"$(pkg-config --cflags --libs ssi_verify)"
read -ra static_flags <<<"$(pkg-config --cflags --libs ssi_verify-static)"
gcc -std=c11 "${warn[@]}" "$example" "${shared_flags[@]}" -Wl,-rpath,"$prefix/lib" -o "$out/kiosk-shared"
gcc -std=c11 "${warn[@]}" "$example" "${static_flags[@]}" -o "$out/kiosk-static"
g++ -std=c++17 "${warn[@]}" -x c++ "$example" -x none "${static_flags[@]}" -o "$out/kiosk-static-cpp"
links_shared "$out/kiosk-shared" || fail "kiosk-shared does not load libssi_verify_ffi.so"
for bin in kiosk-static kiosk-static-cpp; do
  ! links_shared "$out/$bin" || fail "$bin loads libssi_verify_ffi.so: not a static build"
done
for bin in kiosk-shared kiosk-static kiosk-static-cpp; do run_kiosk "$out/$bin"; done
echo "pkg-config builds (shared, static, C++ static): ok"

scripts/doc-snippets c docs/lang/c.md > "$out/c_doc.c"
gcc -std=c11 "${warn[@]}" -I"$root/include" "$out/c_doc.c" "${static_flags[@]}" -o "$out/c_doc"
"$out/c_doc" "$root/samples"

scripts/apt-install cmake
cmake -S tests/c/cmake -B "$out/cmake" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_FLAGS="${warn[*]}" \
  -DSSI_VERIFY_VERSION="${version%.*}" -DEXAMPLE="$root/$example" >/dev/null
cmake --build "$out/cmake" >/dev/null
links_shared "$out/cmake/kiosk_shared" || fail "ssi_verify::shared does not link the shared library"
! links_shared "$out/cmake/kiosk_static" || fail "ssi_verify::static links the shared library"
run_kiosk "$out/cmake/kiosk_static"
run_kiosk "$out/cmake/kiosk_shared"
# An older minor version must be refused too: the C ABI may change between 0.x releases.
if cmake -S tests/c/cmake -B "$out/cmake-wrong" -DCMAKE_PREFIX_PATH="$prefix" -DSSI_VERIFY_VERSION=0.0 \
  -DEXAMPLE="$root/$example" >/dev/null 2>&1; then
  fail "find_package(ssi_verify 0.0) accepted version $version"
fi
echo "cmake builds (ssi_verify::static, ssi_verify::shared): ok"
