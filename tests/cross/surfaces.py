"""One input, one answer: every operation that returns JSON, run through the CLI, the C ABI
(ctypes on the same shared library the Python wheel ships) and the Python binding, must give
byte-identical JSON, or fail with the same error code everywhere.

Run by tests/python/run.sh inside the wheel's venv with SSI_VERIFY_ROOT (the repository) and
SSI_VERIFY_CLI (the ssi-verify binary). Prints `N passed, 0 failed` and exits non-zero on any
difference, naming the operation and the input.
"""

import ctypes
import json
import os
import subprocess
import sys
from pathlib import Path

import ssi_verify

ROOT = Path(os.environ["SSI_VERIFY_ROOT"])
CLI = os.environ["SSI_VERIFY_CLI"]
LIB = ctypes.CDLL(os.path.join(os.path.dirname(ssi_verify.__file__), "libssi_verify_ffi.so"))
SAMPLES = ROOT / "samples"
VECTORS = ROOT / "tests" / "vectors"

u8p = ctypes.POINTER(ctypes.c_uint8)
size_p = ctypes.POINTER(ctypes.c_size_t)


class Verdict(ctypes.Structure):
    _fields_ = [("valid", ctypes.c_bool), ("reason", ctypes.c_uint32)]


class Str(ctypes.Structure):
    _fields_ = [("ptr", u8p), ("len", ctypes.c_size_t)]


def cbytes(data: bytes):
    # Lengths go as size_t explicitly: an unannotated Python int would be passed as a C int.
    return ctypes.cast(ctypes.c_char_p(data), u8p), ctypes.c_size_t(len(data))


def cstr(text: str) -> Str:
    data = text.encode()
    ptr, n = cbytes(data)
    s = Str(ptr, n.value)
    s._keep = data  # the bytes must outlive the call
    return s


def error_name(code: int) -> str:
    buf = ctypes.create_string_buffer(64)
    n = ctypes.c_size_t(0)
    status = LIB.ssi_error_name(code, ctypes.cast(buf, u8p), 64, ctypes.byref(n))
    assert status == 0, f"ssi_error_name({code}) failed with {status}"
    return buf.value.decode()


class CError(Exception):
    def __init__(self, code: int):
        super().__init__(error_name(code))
        self.name = error_name(code)


def c_text(fn_name: str, *args, verdict: bool = False) -> str:
    """Calls a C function whose last three parameters are (buf, cap, *len), growing the buffer
    on SSI_ERROR_BUFFER_TOO_SMALL; with `verdict`, a `ssi_verdict *out` precedes them."""
    fn = getattr(LIB, fn_name)
    cap = 256
    while True:
        buf = ctypes.create_string_buffer(cap)
        n = ctypes.c_size_t(0)
        v = Verdict()
        extra = (ctypes.byref(v),) if verdict else ()
        status = fn(*args, *extra, ctypes.cast(buf, u8p), ctypes.c_size_t(cap), ctypes.byref(n))
        if status == 102 and n.value > cap:  # BUFFER_TOO_SMALL: *len holds the size needed
            cap = n.value
            continue
        if status != 0:
            raise CError(status)
        return buf.raw[: n.value].rstrip(b"\0").decode()


def cli(*argv: str) -> tuple[str, str | None]:
    """The CLI's stdout (without the final newline) and the error code it named, if any."""
    run = subprocess.run([CLI, *argv], capture_output=True, text=True, check=False)
    code = None
    if run.returncode == 1 and run.stderr.startswith("error: "):
        code = run.stderr.split(":", 2)[1].strip()
    elif run.returncode not in (0, 1):
        raise AssertionError(f"{argv}: exit {run.returncode}: {run.stderr}")
    return run.stdout.removesuffix("\n"), code


def py_code(call):
    try:
        return call(), None
    except ssi_verify.SsiError as e:  # the base of every SsiException group
        return None, e.code.name


RESULTS = {"passed": 0, "failed": 0}


def agree(op: str, label: str, answers: dict):
    """answers: surface -> (json text or None, error code name or None)."""
    texts = {k: v[0] for k, v in answers.items()}
    codes = {k: v[1] for k, v in answers.items()}
    if len(set(texts.values())) == 1 and len(set(codes.values())) == 1:
        RESULTS["passed"] += 1
        return
    RESULTS["failed"] += 1
    print(f"DIFFERENT: {op} on {label}")
    for k in answers:
        print(f"  {k}: code={codes[k]} json={texts[k]}")


def c_call(fn, *args, verdict=False):
    try:
        return c_text(fn, *args, verdict=verdict), None
    except CError as e:
        return None, e.name


def read(path: Path) -> bytes:
    return path.read_bytes()


def jcs_cases():
    files = sorted(SAMPLES.rglob("*.json")) + sorted((VECTORS / "jcs-rfc8785").rglob("*.json"))[:40]
    for f in files:
        data = read(f)
        cli_out, cli_code = cli("jcs", str(f))
        # `jcs` prints the canonical bytes with no newline; cli() strips one only if present.
        agree(
            "jcs",
            f.name,
            {
                "cli": (cli_out if cli_code is None else None, cli_code),
                "c": c_call("ssi_jcs_canonicalize", *cbytes(data), None),
                "python": py_code(lambda: ssi_verify.jcs_canonicalize(data.decode(), None)),
            },
        )


def jsonpath_cases():
    queries = ["$.input_descriptors[*].id", "$..path", "$..constraints.fields[?@.optional]", "$[", "$.x"]
    for f in sorted((SAMPLES / "gataca").glob("*.json")):
        data = read(f)
        for q in queries:
            c = c_call("ssi_jsonpath_select", *cbytes(q.encode()), *cbytes(data), None)
            py = py_code(lambda: ssi_verify.jsonpath_select(q, data.decode(), None))
            py_json = None
            if py[0] is not None:
                # The record form, written back as the C ABI writes it.
                py_json = json.dumps(
                    [{"location": n.location, "value": json.loads(n.value_json)} for n in py[0]],
                    separators=(",", ":"),
                    ensure_ascii=False,
                )
            c_norm = None if c[0] is None else json.dumps(json.loads(c[0]), separators=(",", ":"), ensure_ascii=False)
            agree(f"jsonpath {q}", f.name, {"c": (c_norm, c[1]), "python": (py_json, py[1])})
            # The CLI prints the values only: the same nodelist without locations.
            cli_out, cli_code = cli("jsonpath", q, str(f))
            c_values = None if c[0] is None else json.dumps([n["value"] for n in json.loads(c[0])], separators=(",", ":"), ensure_ascii=False)
            cli_values = None if cli_out == "" else json.dumps(json.loads(cli_out), separators=(",", ":"), ensure_ascii=False)
            agree(f"jsonpath values {q}", f.name, {"cli": (cli_values, cli_code), "c": (c_values, c[1])})


def proof_cases():
    for f in sorted((SAMPLES / "gataca").glob("*.json")):
        data = read(f)
        cli_out, cli_code = cli("proof", "verify", str(f))
        c = c_call("ssi_verify_proofs", *cbytes(data), None, ctypes.c_size_t(0), None, None, verdict=True)
        # A failed verification still prints its report: compare the report, and the code only
        # where the check could not run (no JSON at all).
        cli_answer = (cli_out or None, cli_code if not cli_out else None)
        agree("proof verify", f.name, {"cli": cli_answer, "c": c})


def webhook_cases():
    for f in [SAMPLES / "gataca" / "webhook.json", *sorted(SAMPLES.rglob("*.json"))[:6]]:
        data = read(f)
        cli_out, cli_code = cli("gataca", "check-webhook", str(f))
        py = py_code(lambda: ssi_verify.gataca_parse_webhook(data.decode(), None).summary_json)
        agree(
            "gataca check-webhook",
            f.name,
            {
                "cli": (cli_out or None, cli_code if not cli_out else None),
                "c": c_call("ssi_gataca_check_webhook", *cbytes(data), None),
                "python": py,
            },
        )


def openid_cases():
    uri = (SAMPLES / "gataca" / "authentication-request.txt").read_text().strip()
    for label, text in [("sample", uri), ("not a uri", "https://example.com/?a=b"), ("empty", "openid-vp://?")]:
        cli_out, cli_code = cli("gataca", "openid-request", text)
        agree(
            "gataca openid-request",
            label,
            {"cli": (cli_out or None, cli_code), "c": c_call("ssi_openid_vp_parse_request", *cbytes(text.encode()), None)},
        )


def pe_cases():
    definitions = [SAMPLES / "gataca" / "presentation-definition.json", SAMPLES / "gataca" / "email-definition.json"]
    credentials = [SAMPLES / "gataca" / "credentials-email.json", SAMPLES / "gataca" / "credentials-phone-only.json"]
    for d in definitions:
        ddata = read(d)
        for c in credentials:
            cdata = read(c)
            label = f"{d.name} x {c.name}"
            cli_out, cli_code = cli("pe", "evaluate", "--definition", str(d), str(c))
            py = py_code(lambda: ssi_verify.pe_evaluate(ddata.decode(), cdata.decode(), None).evaluation_json)
            agree(
                "pe evaluate",
                label,
                {
                    "cli": (cli_out or None, cli_code if not cli_out else None),
                    "c": c_call("ssi_pe_evaluate", *cbytes(ddata), *cbytes(cdata), None, verdict=True),
                    "python": py,
                },
            )
            cli_out, cli_code = cli("pe", "submission", "--definition", str(d), "--id", "sub-1", str(c))
            agree(
                "pe submission",
                label,
                {
                    "cli": (cli_out or None, cli_code),
                    "c": c_call("ssi_pe_build_submission", *cbytes(ddata), *cbytes(cdata), cstr("sub-1"), None),
                },
            )
        cli_out, cli_code = cli("pe", "lint", str(d))
        agree("pe lint", d.name, {"cli": (cli_out or None, cli_code), "c": c_call("ssi_pe_lint", *cbytes(ddata), None)})


def proofspace_cases():
    request = read(SAMPLES / "proofspace" / "webhook-request.json")
    for f in ["webhook-response.json", "webhook-response-mismatch.json", "webhook-request.json"]:
        resp = read(SAMPLES / "proofspace" / f)
        cli_out, cli_code = cli(
            "proofspace", "check-response", "--request", str(SAMPLES / "proofspace" / "webhook-request.json"),
            str(SAMPLES / "proofspace" / f),
        )
        agree(
            "proofspace check-response",
            f,
            {
                "cli": (cli_out or None, cli_code if not cli_out else None),
                "c": c_call("ssi_proofspace_check_response", *cbytes(request), *cbytes(resp), None, verdict=True),
            },
        )


class VerifyOptions(ctypes.Structure):
    _fields_ = [
        ("challenge", Str),
        ("domain", Str),
        ("allow_sha256_prehash", ctypes.c_bool),
        ("now", ctypes.c_uint64),
        ("leeway", ctypes.c_uint64),
        ("profile", ctypes.c_uint32),
        ("contexts", Str),
    ]


def ldp_cases():
    """vc verify on the Linked Data proof samples, with and without the example context, and
    with one claim changed."""
    ldp = SAMPLES / "ldp"
    url = "https://example.org/ssi-verify/email/v1"
    context_file = ldp / "context-email-v1.jsonld"
    context_json = json.dumps({url: json.loads(read(context_file))})
    now = 1767225600
    for f in sorted(ldp.glob("vc-*.json")):
        original = read(f).decode()
        tampered = original.replace("ann@example.org", "bob@example.org")
        for label, text in [(f.name, original), (f.name + " (claim changed)", tampered)]:
            for with_context in [True, False]:
                tmp = Path(os.environ.get("TMPDIR", "/tmp")) / f"ssi-cross-{os.getpid()}.json"
                tmp.write_text(text)
                argv = ["vc", "verify", "--now", str(now)]
                if with_context:
                    argv += ["--context", f"{url}={context_file}"]
                cli_out, cli_code = cli(*argv, str(tmp))
                tmp.unlink()
                o = VerifyOptions()
                o.now, o.leeway, o.profile = now, 60, 0
                o.contexts = cstr(context_json if with_context else "")
                contexts = [ssi_verify.JsonLdContext(url=url, document=read(context_file).decode())] if with_context else []
                py_options = ssi_verify.VerifyOptions(
                    challenge=None, domain=None, allow_sha256_prehash=False, now=now, leeway=60,
                    profile=ssi_verify.VerifierProfile.STRICT, status_lists=[], contexts=contexts,
                )
                agree(
                    "vc verify (Linked Data proofs)",
                    f"{label}, context {'registered' if with_context else 'missing'}",
                    {
                        "cli": (cli_out or None, cli_code if not cli_out else None),
                        "c": c_call(
                            "ssi_vc_verify", *cbytes(text.encode()), None, ctypes.c_size_t(0), None,
                            ctypes.c_size_t(0), ctypes.byref(o), None, verdict=True,
                        ),
                        "python": py_code(lambda: ssi_verify.vc_verify(text, "", py_options, None).json),
                    },
                )


LIB.ssi_error_name.argtypes = [ctypes.c_uint32, u8p, ctypes.c_size_t, size_p]
for case in [jcs_cases, jsonpath_cases, proof_cases, webhook_cases, openid_cases, pe_cases, proofspace_cases, ldp_cases]:
    case()
print(f"cross-surface: {RESULTS['passed']} passed, {RESULTS['failed']} failed")
sys.exit(1 if RESULTS["failed"] else 0)
