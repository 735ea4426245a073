"""The machinery of the cross-surface test: the C ABI through ctypes (on the shared library the
Python wheel ships), the CLI as a subprocess, the Python binding, and `agree`, which counts a
case as passed only when every surface gave byte-identical JSON or the same error code."""

import ctypes
import os
import subprocess
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


class Bytes(ctypes.Structure):
    _fields_ = [("ptr", u8p), ("len", ctypes.c_size_t)]


class TrustAnchors(ctypes.Structure):
    _fields_ = [
        ("anchors", ctypes.POINTER(Bytes)),
        ("anchors_len", ctypes.c_size_t),
        ("intermediates", ctypes.POINTER(Bytes)),
        ("intermediates_len", ctypes.c_size_t),
        ("now", ctypes.c_uint64),
    ]


def pem_ders(path: Path) -> list[bytes]:
    """The DER certificates of a PEM file, in order (what the UniFFI and C callers pass)."""
    import base64

    ders, block = [], None
    for line in path.read_text().splitlines():
        if line.startswith("-----BEGIN CERTIFICATE"):
            block = []
        elif line.startswith("-----END CERTIFICATE"):
            ders.append(base64.b64decode("".join(block)))
            block = None
        elif block is not None:
            block.append(line.strip())
    return ders


def c_trust(anchors: list[bytes], intermediates: list[bytes], now: int) -> TrustAnchors:
    def array(items):
        arr = (Bytes * max(len(items), 1))()
        for i, d in enumerate(items):
            arr[i] = Bytes(ctypes.cast(ctypes.c_char_p(d), u8p), len(d))
        return arr

    a, i = array(anchors), array(intermediates)
    t = TrustAnchors(a, len(anchors), i, len(intermediates), now)
    t._keep = (anchors, intermediates, a, i)  # the arrays and bytes must outlive the call
    return t


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


