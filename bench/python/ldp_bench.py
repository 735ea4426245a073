#!/usr/bin/env python3
"""The pyld comparison of BENCHMARKS.md (not part of CI).

Times pyld's JSON-LD toRDF + URDNA2015 (RDFC-1.0) canonicalization of the Linked Data
credentials `bench-inputs` wrote (their documents without the proof, the step the suites
canonicalize), with an offline document loader serving the contexts ssi-verify bundles
(ldp-contexts.json; any other URL is refused, nothing is fetched), checks the result is
ssi-verify's canonical N-Quads, and prints each median beside ssi-verify's
`ldp_canonicalize` median from the last `scripts/bench` run (Markdown). pyld has no
Data Integrity suites, so there is no whole-verification row.

Usage: bench/python/ldp_bench.py [INPUT_DIR [CRITERION_DIR]] (defaults under the target
directory). Run with any Python 3: it makes a venv under the target directory, installs the
pinned requirements.txt into it, and runs itself there. Needs `bench-inputs` run first
(bench/node/run.sh does, or `cargo run --release -p ssi-verify-bench --bin bench-inputs`).
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CREDENTIALS = [("eddsa_rdfc_2022", "eddsa-rdfc-2022"), ("ed25519_signature_2018", "Ed25519Signature2018")]


def target_dir():
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps", "--manifest-path", str(ROOT / "Cargo.toml")],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return Path(json.loads(out)["target_directory"])


def ensure_venv(target):
    """Re-runs this script in target/pyld-venv with the pinned requirements installed."""
    venv = target / "pyld-venv"
    python = venv / "bin" / "python"
    if Path(sys.prefix).resolve() == venv.resolve():
        return
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    requirements = HERE / "requirements.txt"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", "-r", str(requirements)],
        check=True,
    )
    os.execv(str(python), [str(python), __file__, *sys.argv[1:]])


def median_ns(fn):
    """Median time per call: batches sized to take ~20 ms, for ~2.5 s, first fifth dropped."""
    batch = 1
    while True:
        t0 = time.perf_counter_ns()
        for _ in range(batch):
            fn()
        if time.perf_counter_ns() - t0 > 20e6 or batch > 1e6:
            break
        batch *= 2
    samples = []
    until = time.monotonic() + 2.5
    while time.monotonic() < until:
        t0 = time.perf_counter_ns()
        for _ in range(batch):
            fn()
        samples.append((time.perf_counter_ns() - t0) / batch)
    samples = sorted(samples[len(samples) // 5 :])
    return samples[len(samples) // 2]


def rust_median(criterion, bench_id):
    path = criterion / bench_id / "new" / "estimates.json"
    if not path.exists():
        return None
    return json.loads(path.read_text())["median"]["point_estimate"]


def fmt(ns):
    for unit, div in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= div:
            return f"{ns / div:.3g} {unit}"
    return f"{ns:.3g} ns"


def main():
    target = target_dir()
    ensure_venv(target)
    from pyld import jsonld  # the venv's, pinned

    inputs = Path(sys.argv[1]) if len(sys.argv) > 1 else target / "bench-inputs"
    criterion = Path(sys.argv[2]) if len(sys.argv) > 2 else target / "criterion"
    contexts = json.loads((inputs / "ldp-contexts.json").read_text())

    def loader(url, _options=None):
        if url not in contexts:
            raise jsonld.JsonLdError(f"offline loader: {url} is not served", "jsonld.LoadDocumentError")
        return {"contextUrl": None, "documentUrl": url, "document": contexts[url]}

    options = {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": loader}
    from importlib.metadata import version

    print(f"Python {sys.version.split()[0]}, PyLD {version('PyLD')} as pinned in bench/python/requirements.txt")
    print()
    print("| operation | pyld (median) | ssi-verify (median) | ssi-verify faster by |")
    print("|---|---|---|---|")
    for name, label in CREDENTIALS:
        credential = json.loads((inputs / f"ldp-{name}.json").read_text())
        credential.pop("proof", None)
        text = json.dumps(credential)
        expected = (inputs / f"ldp-{name}.nq").read_text()

        def canonize(t=text):
            return jsonld.normalize(json.loads(t), options)

        if canonize() != expected:
            sys.exit(f"ldp_bench.py: pyld's canonical N-Quads of the {label} credential differ from ssi-verify's")
        theirs = median_ns(canonize)
        ours = rust_median(criterion, f"ldp_canonicalize/ssi_verify/{name}")
        ratio = "run scripts/bench first" if ours is None else f"{theirs / ours:.1f}x"
        shown = "-" if ours is None else fmt(ours)
        print(f"| pyld toRDF + URDNA2015, {label} credential | {fmt(theirs)} | {shown} | {ratio} |")


if __name__ == "__main__":
    main()
