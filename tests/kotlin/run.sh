#!/usr/bin/env bash
# Compiles the committed generated Kotlin bindings once (cached by content hash: the compile is
# the expensive part, ~30 s), then compiles and runs on the JVM, against the freshly built
# library through JNA: tests/kotlin/BindingsTest.kt, tests/kotlin/ThreadsTest.kt (many threads at
# once) and the Kotlin blocks of docs/lang/kotlin.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
# A command substitution, not `< <(...)`: a failed install must stop the script here.
toolchain="$(scripts/kotlin-toolchain)"
kotlinc="$(sed -n 1p <<<"$toolchain")"
jna="$(sed -n 2p <<<"$toolchain")"
stdlib="$(dirname "$kotlinc")/../lib/kotlin-stdlib.jar"
cargo build --quiet --locked -p ssi-verify-ffi
target_dir="$("$root/scripts/target-dir")"
out="$target_dir/kotlin-test"
mkdir -p "$out"
src=bindings/kotlin/src/main/kotlin/io/ssiverify/ssi_verify.kt
hash="$(sha256sum "$src" | cut -c1-16)"
bindings="$out/bindings-$hash.jar"
if [ ! -f "$bindings" ]; then
  rm -f "$out"/bindings-*.jar
  "$kotlinc" -nowarn -cp "$jna" -d "$bindings.tmp.jar" "$src"
  mv "$bindings.tmp.jar" "$bindings"
fi
scripts/doc-snippets kotlin docs/lang/kotlin.md > "$out/KotlinDoc.kt"
"$kotlinc" -Werror -cp "$jna:$bindings" -d "$out/tests.jar" tests/kotlin/BindingsTest.kt tests/kotlin/ThreadsTest.kt \
  "$out/KotlinDoc.kt"
version="$(scripts/check-versions --print)"
run() { java -ea -Djna.library.path="$target_dir/debug" -cp "$out/tests.jar:$bindings:$jna:$stdlib" "$@"; }
run io.ssiverify.check.BindingsTestKt "$root" "$version"
run io.ssiverify.check.ThreadsTestKt "$root"
run KotlinDocKt "$root"
