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
import sys
from pathlib import Path

import ssi_verify

from harness import (
    LIB, RESULTS, SAMPLES, VECTORS, VerifyOptions, agree, c_call, c_trust, cbytes, cli, cstr, pem_ders, py_code, read,
    size_p, u8p,
)
import more_cases


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


DEMO_NOW = 1_780_272_000  # cli/src/demo.rs: inside the SK TEST chain's validity


def smartid_trust_cases():
    sm = SAMPLES / "smartid"
    requests = ["auth-request-pss.json", "auth-request-pkcs1.json", "auth-request-wrong-rp.json"]
    statuses = ["auth-status-pss.json", "auth-status-pkcs1.json"]
    chains = {
        "TEST": (sm / "sk-test-roots.pem", sm / "sk-test-intermediates.pem"),
        "LIVE": (sm / "sk-live-roots.pem", sm / "sk-live-intermediates.pem"),
    }
    for req in requests:
        rdata = read(sm / req)
        for st in statuses:
            sdata = read(sm / st)
            label = f"{req} x {st}"
            # Signature only (untrusted): CLI --signature-only, C NULL trust, Python None.
            cli_out, cli_code = cli("smartid", "verify-auth", "--request", str(sm / req), "--signature-only", str(sm / st))
            agree(
                "smartid verify-auth (signature only)",
                label,
                {
                    "cli": (cli_out or None, cli_code if not cli_out else None),
                    "c": c_call("ssi_smartid_verify_auth_json", *cbytes(rdata), *cbytes(sdata), None, None, verdict=True),
                    "python": py_code(lambda: ssi_verify.smartid_verify_auth_json(rdata.decode(), sdata.decode(), None, None)),
                },
            )
            for name, (roots, inter) in chains.items():
                anchors, intermediates = pem_ders(roots), pem_ders(inter)
                cli_out, cli_code = cli(
                    "smartid", "verify-auth", "--request", str(sm / req), "--trust-anchor", str(roots),
                    "--intermediate", str(inter), "--now", str(DEMO_NOW), str(sm / st),
                )
                trust = c_trust(anchors, intermediates, DEMO_NOW)
                py_trust = ssi_verify.SmartIdTrust(anchors=anchors, intermediates=intermediates, now=DEMO_NOW)
                agree(
                    f"smartid verify-auth ({name} anchors)",
                    label,
                    {
                        "cli": (cli_out or None, cli_code if not cli_out else None),
                        "c": c_call(
                            "ssi_smartid_verify_auth_json", *cbytes(rdata), *cbytes(sdata), ctypes.byref(trust), None,
                            verdict=True,
                        ),
                        "python": py_code(
                            lambda: ssi_verify.smartid_verify_auth_json(rdata.decode(), sdata.decode(), py_trust, None)
                        ),
                    },
                )


def smartid_text_cases():
    for challenge in ["GYS+yoah6emAcVDNIajwSs6UB/M95XrDxMzXBUkwQJ4=", "not base64", "", "AAAA"]:
        cli_out, cli_code = cli("smartid", "verification-code", challenge)
        # The CLI prints the code as a report ({"verificationCode":"1234"}); C and UniFFI return it.
        cli_code_text = json.loads(cli_out)["verificationCode"] if cli_out else None
        agree(
            "smartid verification-code",
            repr(challenge),
            {
                "cli": (cli_code_text, cli_code),
                "c": c_call("ssi_smartid_verification_code", *cbytes(challenge.encode())),
                "python": py_code(lambda: ssi_verify.smartid_verification_code(challenge)),
            },
        )


def gataca_session_cases():
    for f in ["session-created.json", "session-status.json", "webhook.json", "presentation-definition.json"]:
        data = read(SAMPLES / "gataca" / f)
        cli_out, cli_code = cli("gataca", "session", str(SAMPLES / "gataca" / f))
        agree(
            "gataca session",
            f,
            {
                "cli": (cli_out or None, cli_code),
                "c": c_call("ssi_gataca_session", *cbytes(data), None),
                "python": py_code(lambda: ssi_verify.gataca_parse_session(data.decode(), None).json),
            },
        )


def text_cases():
    """Operations whose C and UniFFI result is one text value (the CLI prints the same text)."""
    for id_, secret in [("a", "b"), ("4a7e3c1e-0000-4000-8000-000000000000", "s3cr:t"), ("", "x"), ("a:b", "c")]:
        cli_out, cli_code = cli("gataca", "api-key", "encode", "--id", id_, "--secret", secret)
        agree(
            "gataca api-key encode",
            f"{id_!r}/{secret!r}",
            {
                "cli": (cli_out or None, cli_code),
                "c": c_call("ssi_gataca_api_key_encode", *cbytes(id_.encode()), *cbytes(secret.encode())),
                "python": py_code(lambda: ssi_verify.gataca_api_key_encode(id_, secret)),
            },
        )
    for message, details in [("x\"y", "d"), ("ü\u2028", None), ("", None)]:
        argv = ["proofspace", "failure-reply", "--message", message] + (["--details", details] if details else [])
        cli_out, cli_code = cli(*argv)
        d = (details or "").encode()
        agree(
            "proofspace failure-reply",
            repr(message),
            {
                "cli": (cli_out or None, cli_code),
                "c": c_call("ssi_proofspace_failure_reply", *cbytes(message.encode()), *cbytes(d)),
                "python": (ssi_verify.proofspace_failure_reply(message, details), None),
            },
        )
    sm = SAMPLES / "smartid"
    for f in ["interactions-mortgage.json", "device-link-qr-auth.json", "auth-request-pss.json"]:
        data = read(sm / f)
        cli_out, cli_code = cli("smartid", "encode", str(sm / f))
        agree(
            "smartid encode",
            f,
            {
                "cli": (cli_out or None, cli_code),
                "c": c_call("ssi_smartid_encode", *cbytes(data), ctypes.c_uint32(0), None),
                "python": py_code(lambda: ssi_verify.smartid_encode_json(data.decode(), None, None)),
            },
        )


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
for case in [
    jcs_cases, jsonpath_cases, proof_cases, webhook_cases, openid_cases, pe_cases, proofspace_cases,
    smartid_trust_cases, smartid_text_cases, gataca_session_cases, text_cases, ldp_cases, *more_cases.ALL,
]:
    case()
print(f"cross-surface: {RESULTS['passed']} passed, {RESULTS['failed']} failed")
sys.exit(1 if RESULTS["failed"] else 0)
