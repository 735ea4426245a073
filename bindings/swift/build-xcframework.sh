#!/usr/bin/env bash
# Builds bindings/swift/SsiVerifyFFI.xcframework for Package.swift: the static library for iOS
# devices (aarch64-apple-ios) and for simulators (aarch64-apple-ios-sim and x86_64-apple-ios,
# joined with lipo), each with the generated header and module map.
# Needs macOS with Xcode (the rustup targets and llvm-tools are installed by scripts/mobile-staticlibs).
# Not run in this repository's CI (Linux); the Swift sources it packages are drift-checked there.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
swift="$root/bindings/swift"
# The libraries come from the command CI runs for aarch64-apple-ios (scripts/mobile-staticlibs:
# `cargo rustc --release -p ssi-verify-ffi --crate-type staticlib`, then the check that every C
# and UniFFI symbol is exported), here with the simulator targets added.
scripts/mobile-staticlibs aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios
target="$(cargo metadata --format-version 1 --no-deps | grep -o '"target_directory":"[^"]*"' |
  sed 's/^"target_directory":"//; s/"$//')"
work="$target/xcframework"
rm -rf "$work" "$swift/SsiVerifyFFI.xcframework"
mkdir -p "$work/headers" "$work/ios-simulator"
cp "$swift/Sources/SsiVerify/SsiVerifyFFI.h" "$work/headers/"
# Xcode looks for a framework's module map under this exact name.
cp "$swift/Sources/SsiVerify/SsiVerifyFFI.modulemap" "$work/headers/module.modulemap"
lipo -create \
  "$target/aarch64-apple-ios-sim/release/libssi_verify_ffi.a" \
  "$target/x86_64-apple-ios/release/libssi_verify_ffi.a" \
  -output "$work/ios-simulator/libssi_verify_ffi.a"
xcodebuild -create-xcframework \
  -library "$target/aarch64-apple-ios/release/libssi_verify_ffi.a" -headers "$work/headers" \
  -library "$work/ios-simulator/libssi_verify_ffi.a" -headers "$work/headers" \
  -output "$swift/SsiVerifyFFI.xcframework"
echo "built $swift/SsiVerifyFFI.xcframework"
