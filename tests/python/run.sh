#!/usr/bin/env bash
# Builds the Python wheel (scripts/build-python-package), installs it into a venv under target/,
# and runs the Python tests and the Python blocks of docs/lang/python.md against the installed
# package, from a directory where no source copy could shadow it.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
wheel="$(scripts/build-python-package)"
target_dir="$("$root/scripts/target-dir")"
venv="$target_dir/python-venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps --force-reinstall "$wheel"
work="$target_dir/python-test"
rm -rf "$work" && mkdir -p "$work"
cd "$work"
"$venv/bin/python" - "$("$root/scripts/check-versions" --print)" <<'PY'
import importlib.metadata, os, sys
import ssi_verify
# The installed copy, not a source tree, is what the tests must see.
assert "site-packages" in ssi_verify.__file__, ssi_verify.__file__
lib = os.path.join(os.path.dirname(ssi_verify.__file__), "libssi_verify_ffi.so")
assert os.path.isfile(lib), lib
# The wheel's metadata, the library inside it and Cargo.toml agree on the version.
versions = {importlib.metadata.version("ssi-verify"), ssi_verify.version(), sys.argv[1]}
assert len(versions) == 1, versions
print("testing", ssi_verify.__file__, "version", sys.argv[1])
PY
"$venv/bin/python" -m unittest discover -s "$root/tests/python" -p 'test_*.py'
"$root/scripts/doc-snippets" python "$root/docs/lang/python.md" > "$work/python_doc.py"
SSI_VERIFY_ROOT="$root" "$venv/bin/python" "$work/python_doc.py"
# One input, one answer: the CLI, the C ABI (ctypes on the wheel's library) and the binding
# give the same JSON and the same error codes (the same build selection as scripts/tool).
(cd "$root" && cargo build --quiet --locked --workspace --all-targets)
SSI_VERIFY_ROOT="$root" SSI_VERIFY_CLI="$target_dir/debug/ssi-verify" "$venv/bin/python" "$root/tests/cross/surfaces.py"
