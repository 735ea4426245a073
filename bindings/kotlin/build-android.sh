#!/usr/bin/env bash
# Builds libssi_verify_ffi.so for the Android ABIs into bindings/kotlin/src/main/jniLibs, where
# the Gradle module (build.gradle.kts) packs them into the AAR.
# Needs the Android NDK (ANDROID_NDK_HOME), `cargo install cargo-ndk` and
# `rustup target add aarch64-linux-android armv7-linux-androideabi x86_64-linux-android`.
# Not run in this repository's CI (no NDK); the Kotlin sources it pairs with are compiled and
# run on the JVM by tests/kotlin/run.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
cargo ndk -t arm64-v8a -t armeabi-v7a -t x86_64 -o bindings/kotlin/src/main/jniLibs \
  build --locked --release -p ssi-verify-ffi
echo "built bindings/kotlin/src/main/jniLibs"
