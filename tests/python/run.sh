#!/usr/bin/env bash
# Builds the Python wheel (scripts/build-python-package), installs it into a venv under target/,
# and runs the Python tests and the Python blocks of docs/lang/python.md against the installed
# package, from a directory where no source copy could shadow it.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
wheel="$(scripts/build-python-package)"
venv="$root/target/python-venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps --force-reinstall "$wheel"
work="$root/target/python-test"
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
