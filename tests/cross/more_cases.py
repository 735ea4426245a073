"""The cross-surface cases for the operations added after the first table: credentials and
presentations with trust stores and status lists (issue 12), JWT decoding and verification,
JcsEd25519Signature2020 signing, Smart-ID decoding, selection, device links and signature
sessions, and the ProofSpace request, cast, body-signature and bearer checks.

Where a surface returns a record instead of JSON (the C ABI's interaction handle, UniFFI
records), the case compares the record's values with the JSON the other surfaces printed, and
always the error code."""

import base64
import ctypes
import json
import os
import tempfile
from pathlib import Path

import ssi_verify as sv

from harness import (
    LIB, SAMPLES, VECTORS, Str, Verdict, VerifyOptions, agree, c_call, c_trust, cbytes, cli, cstr, error_name, py_code,
    read, u8p,
)

ISSUE12 = SAMPLES / "gataca" / "issue12"
STATUS_URL = "https://status.example.org/credentials/status/1"
NONCE = "5GpefxLWz3BzLmR69b4wskqeYgE5ZZ21jAvgLXNZNAe4"
NOW = 1767225600
PROFILES = {"strict": (0, sv.VerifierProfile.STRICT), "gataca": (1, sv.VerifierProfile.GATACA)}


def cli_report(out: str, code: str | None):
    """A command that prints a report also on a failed verification: the report, or the code
    when the check could not run (no JSON at all)."""
    return (out or None, code if not out else None)


def verdict_json(valid: bool, reason: str | None) -> str:
    return json.dumps({"valid": valid, **({"reason": reason} if reason else {})}, separators=(",", ":"))


def c_verdict(fn, *args):
    """A C function whose only output is a verdict, as the CLI's `{"valid":…,"reason":…}`."""
    v = Verdict()
    status = getattr(LIB, fn)(*args, ctypes.byref(v))
    if status != 0:
        return None, error_name(status)
    return verdict_json(v.valid, None if v.valid else error_name(v.reason)), None


def py_verdict(call):
    value, code = py_code(call)
    if value is None:
        return None, code
    return verdict_json(value.valid, None if value.valid else value.reason.name), None


def status_lists_json(with_list: bool) -> str:
    if not with_list:
        return ""
    text = read(ISSUE12 / "status-list.json").decode()
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        value = text.strip()  # a JWT as fetched
    return json.dumps({STATUS_URL: value})


def c_options(profile: str, challenge: str | None) -> VerifyOptions:
    o = VerifyOptions()
    o.now, o.leeway, o.profile = NOW, 60, PROFILES[profile][0]
    o.challenge = cstr(challenge or "")
    o.contexts = cstr("")
    return o


def py_options(profile: str, with_list: bool, challenge: str | None):
    lists = [sv.StatusListCredential(url=STATUS_URL, credential=read(ISSUE12 / "status-list.json").decode())]
    return sv.VerifyOptions(
        challenge=challenge, domain=None, allow_sha256_prehash=False, now=NOW, leeway=60,
        profile=PROFILES[profile][1], status_lists=lists if with_list else [], contexts=[],
    )


def credential_cases():
    """vc verify on the issue-12 credentials, with and without their status list, both profiles."""
    for f in sorted(ISSUE12.glob("vc-*")):
        text = read(f)
        for profile in PROFILES:
            for with_list in [True, False]:
                argv = ["vc", "verify", "--now", str(NOW), "--profile", profile]
                if with_list:
                    argv += ["--status-list", f"{STATUS_URL}={ISSUE12 / 'status-list.json'}"]
                lists = status_lists_json(with_list).encode()
                agree(
                    "vc verify (issue 12)",
                    f"{f.name}, {profile}, status list {'given' if with_list else 'missing'}",
                    {
                        "cli": cli_report(*cli(*argv, str(f))),
                        "c": c_call(
                            "ssi_vc_verify", *cbytes(text), None, ctypes.c_size_t(0), *cbytes(lists),
                            ctypes.byref(c_options(profile, None)), None, verdict=True,
                        ),
                        "python": py_code(
                            lambda: sv.vc_verify(text.decode(), "", py_options(profile, with_list, None), None).json
                        ),
                    },
                )


def presentation_cases():
    """pe verify: the seed's definition (gataca profile) and the re-signed one with its trust
    store (strict), over every issue-12 presentation and the Linked Data ones."""
    seed = SAMPLES / "gataca" / "presentation-definition.json"
    resigned = ISSUE12 / "presentation-definition-resigned.json"
    store = ISSUE12 / "trust-store.json"
    presentations = sorted(ISSUE12.glob("vp-*")) + [SAMPLES / "gataca" / "presentation.json"]
    for definition, profile, trust in [(seed, "gataca", None), (resigned, "strict", store)]:
        ddata = read(definition)
        tdata = read(trust) if trust else b""
        for p in presentations:
            pdata = read(p)
            argv = ["pe", "verify", "--definition", str(definition), "--profile", profile, "--now", str(NOW),
                    "--challenge", NONCE, "--status-list", f"{STATUS_URL}={ISSUE12 / 'status-list.json'}"]
            if trust:
                argv += ["--trust-store", str(trust)]
            lists = status_lists_json(True).encode()
            agree(
                "pe verify",
                f"{definition.name} ({profile}) x {p.name}",
                {
                    "cli": cli_report(*cli(*argv, str(p))),
                    "c": c_call(
                        "ssi_pe_verify", *cbytes(ddata), *cbytes(pdata), None, ctypes.c_size_t(0), *cbytes(tdata),
                        *cbytes(lists), ctypes.byref(c_options(profile, NONCE)), None, verdict=True,
                    ),
                    "python": py_code(
                        lambda: sv.pe_verify(
                            ddata.decode(), pdata.decode(), None, tdata.decode(), py_options(profile, True, NONCE), None,
                        ).json
                    ),
                },
            )


def reading_order_cases():
    """Several unreadable inputs at once, each failing with its own code (broken JSON, or JSON of
    the wrong type): the first input read decides the code, so every surface must read in the
    same order (for vc / pe verify: the trust store, the status lists and contexts, then the
    documents)."""
    bad_store = b'{"did:example:issuer#key-1": "not hex"}'
    kinds = {"broken JSON": b"[1,", "a JSON string": b'"text"'}
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for name, data in [("store", bad_store), *kinds.items()]:
            files[name] = Path(tmp) / f"{len(files)}.json"
            files[name].write_bytes(data)
        for store_given in [True, False]:
            sdata = bad_store if store_given else b""
            trust = ["--trust-store", str(files["store"])] if store_given else []
            for first, second in [("broken JSON", "a JSON string"), ("a JSON string", "broken JSON")]:
                a, b, fa, fb = kinds[first], kinds[second], str(files[first]), str(files[second])
                label = f"{'bad trust store, ' if store_given else ''}{first} then {second}"
                agree("vc verify (reading order)", label, {
                    "cli": cli_report(*cli("vc", "verify", "--now", str(NOW), *trust, fa)),
                    "c": c_call("ssi_vc_verify", *cbytes(a), *cbytes(sdata), None, ctypes.c_size_t(0),
                                ctypes.byref(c_options("strict", None)), None, verdict=True),
                    "python": py_code(lambda: sv.vc_verify(a.decode(), sdata.decode(),
                                                           py_options("strict", False, None), None).json),
                })
                agree("pe verify (reading order)", label, {
                    "cli": cli_report(*cli("pe", "verify", "--definition", fa, "--now", str(NOW), *trust, fb)),
                    "c": c_call("ssi_pe_verify", *cbytes(a), *cbytes(b), None, ctypes.c_size_t(0), *cbytes(sdata),
                                None, ctypes.c_size_t(0), ctypes.byref(c_options("strict", None)), None, verdict=True),
                    "python": py_code(lambda: sv.pe_verify(a.decode(), b.decode(), None, sdata.decode(),
                                                           py_options("strict", False, None), None).json),
                })
                agree("proof verify (reading order)", label, {
                    "cli": cli_report(*cli("proof", "verify", *trust, fa)),
                    "c": c_call("ssi_verify_proofs", *cbytes(a), *cbytes(sdata), None, None, verdict=True),
                })
                if store_given:
                    continue
                agree("pe evaluate (reading order)", label, {
                    "cli": cli_report(*cli("pe", "evaluate", "--definition", fa, fb)),
                    "c": c_call("ssi_pe_evaluate", *cbytes(a), *cbytes(b), None, verdict=True),
                    "python": py_code(lambda: sv.pe_evaluate(a.decode(), b.decode(), None).evaluation_json),
                })
                agree("pe submission (reading order)", label, {
                    "cli": cli_report(*cli("pe", "submission", "--definition", fa, "--id", "sub-1", fb)),
                    "c": c_call("ssi_pe_build_submission", *cbytes(a), *cbytes(b), cstr("sub-1"), None),
                    # Both inputs are unreadable: only the code can agree, so the record's
                    # members are never compared here.
                    "python": py_code(lambda: sv.pe_build_submission(a.decode(), b.decode(), "sub-1", None) and None),
                })
                agree("proofspace check-response (reading order)", label, {
                    "cli": cli_report(*cli("proofspace", "check-response", "--request", fa, fb)),
                    "c": c_call("ssi_proofspace_check_response", *cbytes(a), *cbytes(b), None, verdict=True),
                    "python": py_code(lambda: sv.proofspace_check_response(a.decode(), b.decode(), {}) and None),
                })
                agree("smartid verify-auth (reading order)", label, {
                    "cli": cli_report(*cli("smartid", "verify-auth", "--request", fa, "--signature-only", fb)),
                    "c": c_call("ssi_smartid_verify_auth_json", *cbytes(a), *cbytes(b), None, None, verdict=True),
                    "python": py_code(lambda: sv.smartid_verify_auth_json(a.decode(), b.decode(), None, None)),
                })
        pem = b"-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----\n"
        files["pem"] = Path(tmp) / "key.pem"
        files["pem"].write_bytes(pem)
        agree("proofspace verify-body (reading order)", "bad key, bad signature, broken body", {
            "cli": cli_report(*cli("proofspace", "verify-body", "--public-key", str(files["pem"]), "--signature", "***",
                                   str(files["broken JSON"]))),
            "c": c_verdict("ssi_proofspace_verify_body", *cbytes(pem), *cbytes(kinds["broken JSON"]), *cbytes(b"***")),
            "python": py_verdict(lambda: sv.proofspace_verify_body(pem.decode(), kinds["broken JSON"], "***")),
        })
        der = b"\x30\x03\x02\x01\x01"  # a DER SEQUENCE holding an INTEGER: not a certificate
        files["anchor"] = Path(tmp) / "anchor.pem"
        files["anchor"].write_text("-----BEGIN CERTIFICATE-----\n" + base64.b64encode(der).decode()
                                   + "\n-----END CERTIFICATE-----\n")
        trust = c_trust([der], [], NOW)
        agree("smartid verify-auth (reading order)", "bad anchor, broken request and status", {
            "cli": cli_report(*cli("smartid", "verify-auth", "--request", str(files["broken JSON"]), "--trust-anchor",
                                   str(files["anchor"]), "--now", str(NOW), str(files["broken JSON"]))),
            "c": c_call("ssi_smartid_verify_auth_json", *cbytes(kinds["broken JSON"]), *cbytes(kinds["broken JSON"]),
                        ctypes.byref(trust), None, verdict=True),
            "python": py_code(lambda: sv.smartid_verify_auth_json(
                kinds["broken JSON"].decode(), kinds["broken JSON"].decode(),
                sv.SmartIdTrust(anchors=[der], intermediates=[], now=NOW), None)),
        })
        agree("jsonpath (reading order)", "bad query, broken JSON", {
            "cli": cli_report(*cli("jsonpath", "$[", str(files["broken JSON"]))),
            "c": c_call("ssi_jsonpath_select", *cbytes(b"$["), *cbytes(kinds["broken JSON"]), None),
            "python": py_code(lambda: sv.jsonpath_select("$[", kinds["broken JSON"].decode(), None)),
        })


class JwtPolicy(ctypes.Structure):
    _fields_ = [
        ("issuer", Str),
        ("audience", Str),
        ("now", ctypes.c_uint64),
        ("leeway", ctypes.c_uint64),
        ("require_exp", ctypes.c_bool),
        ("accept_millisecond_times", ctypes.c_bool),
    ]


def jwt_json(record) -> str:
    """The UniFFI JwtVc record in the C ABI's shape (its members are core's JSON texts)."""
    kind = "credential" if record.kind == sv.JwtKind.CREDENTIAL else "presentation"
    return f'{{"kind":"{kind}","header":{record.header_json},"claims":{record.claims_json},"document":{record.document_json}}}'


def jwt_cases():
    """VC-JWT / VP-JWT decoding and verification: C and UniFFI."""
    tokens = [read(f).decode().strip() for f in sorted(ISSUE12.glob("*.jwt"))]
    tokens += [json.loads(read(ISSUE12 / "vc-es256k.json")), "a.b.c", "eyJhbGciOiJub25lIn0.e30."]
    store = json.loads(read(ISSUE12 / "trust-store.json"))
    keys = [sv.TrustedKey(id=k, public_key=bytes.fromhex(v)) for k, v in store.items() if isinstance(v, str)]
    for token in tokens:
        label = token[:24] + "…"
        data = token.encode()
        py = py_code(lambda: sv.jwt_vc_decode(token, None))
        agree(
            "jwt decode",
            label,
            {
                "c": c_call("ssi_jwt_vc_decode", *cbytes(data), None),
                "python": (jwt_json(py[0]) if py[0] else None, py[1]),
            },
        )
        policy = JwtPolicy(cstr(""), cstr(""), NOW, 60, False, False)
        py_policy = sv.JwtCheckPolicy(issuer=None, audience=None, now=NOW, leeway=60, require_exp=False,
                                      accept_millisecond_times=False)
        tstore = read(ISSUE12 / "trust-store.json")
        c_answer = c_call(
            "ssi_jwt_vc_verify", *cbytes(data), *cbytes(tstore), ctypes.byref(policy), None, verdict=True,
        )
        py = py_code(lambda: sv.jwt_vc_verify(token, keys, py_policy, None))
        agree(
            "jwt verify",
            label,
            {"c": c_answer, "python": (jwt_json(py[0].credential) if py[0] else None, py[1])},
        )


def sign_cases():
    """JcsEd25519Signature2020 signing (deterministic) and the did:key of a key."""
    seed_file = SAMPLES / "gataca" / "issuer-seed.hex"
    seed = bytes.fromhex(read(seed_file).decode().strip())
    public = sv.ed25519_public_key(seed)
    for key in [public, bytes(32), b"\x01" * 31]:
        cli_out, cli_code = cli("proof", "did-key", "--public-key", key.hex())
        agree(
            "proof did-key",
            key.hex()[:16],
            {
                "cli": (cli_out or None, cli_code),
                "c": c_call("ssi_did_key_verification_method", *cbytes(key)),
                "python": py_code(lambda: sv.did_key_verification_method(key)),
            },
        )
    vm = sv.did_key_verification_method(public)
    created = "2026-01-01T00:00:00Z"
    for doc in [SAMPLES / "gataca" / "presentation-definition.json", SAMPLES / "gataca" / "email-definition.json",
                SAMPLES / "smartid" / "interactions-mortgage.json"]:
        data = read(doc)
        cli_out, cli_code = cli("proof", "sign", "--secret-key", str(seed_file), "--created", created,
                                "--purpose", "assertionMethod", str(doc))
        agree(
            "proof sign",
            doc.name,
            {
                "cli": (cli_out or None, cli_code),
                "c": c_call("ssi_sign_jcs_ed25519", *cbytes(data), *cbytes(seed), cstr(vm), cstr("assertionMethod"),
                            cstr(created), None, ctypes.c_size_t(0), None),
                "python": py_code(lambda: sv.sign_jcs_ed25519(data.decode(), seed, vm, "assertionMethod", created,
                                                              None, None)),
            },
        )


TYPE_NAMES = {1: "displayTextAndPIN", 2: "confirmationMessage", 3: "confirmationMessageAndVerificationCodeChoice"}
FLOWS = {"device-link": (1, sv.Flow.DEVICE_LINK), "notification": (2, sv.Flow.NOTIFICATION),
         "linked-notification": (3, sv.Flow.LINKED_NOTIFICATION)}


def interactions_from_cli(out: str):
    items = json.loads(out)["interactions"] if out else None
    return None if items is None else json.dumps(
        [[i["type"], i.get("displayText60", i.get("displayText200"))] for i in items], ensure_ascii=False)


def interactions_from_c(b64: bytes, flow: int):
    handle = ctypes.c_void_p()
    status = LIB.ssi_smartid_decode(*cbytes(b64), ctypes.c_uint32(flow), None, ctypes.byref(handle))
    if status != 0:
        return None, error_name(status)
    items = []
    for i in range(LIB.ssi_interactions_count(handle)):
        kind, text, n = ctypes.c_uint32(), u8p(), ctypes.c_size_t()
        assert LIB.ssi_interactions_get(handle, ctypes.c_size_t(i), ctypes.byref(kind), ctypes.byref(text),
                                        ctypes.byref(n)) == 0
        items.append([TYPE_NAMES[kind.value], ctypes.string_at(text, n.value).decode()])
    LIB.ssi_interactions_free(handle)
    return json.dumps(items, ensure_ascii=False), None


def smartid_cases():
    """decode and select over the interaction samples, device links, and signature sessions."""
    LIB.ssi_interactions_count.restype = ctypes.c_size_t
    LIB.ssi_interactions_count.argtypes = [ctypes.c_void_p]
    LIB.ssi_interactions_get.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p, ctypes.c_void_p,
                                         ctypes.c_void_p]
    LIB.ssi_interactions_free.argtypes = [ctypes.c_void_p]
    sm = SAMPLES / "smartid"
    for f in sorted(sm.glob("*.b64")):
        b64 = read(f).strip()
        for flow, (c_flow, py_flow) in FLOWS.items():
            out, code = cli("smartid", "decode", "--flow", flow, b64.decode())
            py = py_code(lambda: sv.smartid_decode(b64.decode(), py_flow, None))
            py_items = None if py[0] is None else json.dumps(
                [[sv.interaction_type_name(i.kind), i.text] for i in py[0].items], ensure_ascii=False)
            agree(
                "smartid decode",
                f"{f.name}, {flow}",
                {"cli": (interactions_from_cli(out), code), "c": interactions_from_c(b64, c_flow),
                 "python": (py_items, py[1])},
            )
        for supported in [[1], [2], [3], [2, 1]]:
            names = ",".join(TYPE_NAMES[s] for s in supported)
            out, code = cli("smartid", "select", "--supported", names, b64.decode())
            cli_pick = None if not out else json.dumps(
                [json.loads(out)["type"], json.loads(out).get("displayText60", json.loads(out).get("displayText200"))],
                ensure_ascii=False)
            arr = (ctypes.c_uint32 * len(supported))(*supported)
            kind, buf, n = ctypes.c_uint32(), ctypes.create_string_buffer(1024), ctypes.c_size_t()
            status = LIB.ssi_smartid_select(*cbytes(b64), arr, ctypes.c_size_t(len(supported)), None,
                                            ctypes.byref(kind), ctypes.cast(buf, u8p), ctypes.c_size_t(1024),
                                            ctypes.byref(n))
            c_pick = (json.dumps([TYPE_NAMES[kind.value], buf.raw[: n.value].decode()], ensure_ascii=False), None) \
                if status == 0 else (None, error_name(status))
            py_types = [list(sv.InteractionType)[s - 1] for s in supported]
            py = py_code(lambda: sv.smartid_select(b64.decode(), py_types, None))
            py_pick = None if py[0] is None else json.dumps([sv.interaction_type_name(py[0].kind), py[0].text],
                                                            ensure_ascii=False)
            agree("smartid select", f"{f.name}, {names}",
                  {"cli": (cli_pick, code), "c": c_pick, "python": (py_pick, py[1])})
    device_link_cases(sm / "device-link-qr-auth.json")
    sign_session_cases()


class DeviceLinkRequest(ctypes.Structure):
    _fields_ = [
        ("scheme_name", Str), ("device_link_base", Str), ("link_type", ctypes.c_uint32),
        ("session_type", ctypes.c_uint32), ("session_token", Str), ("session_secret", Str), ("rp_challenge", Str),
        ("digest", Str), ("relying_party_name", Str), ("brokered_rp_name", Str), ("interactions", Str),
        ("initial_callback_url", Str), ("lang", Str), ("elapsed_seconds", ctypes.c_int64),
    ]


def device_link_cases(sample: Path):
    base = json.loads(read(sample))
    variants = [("sample", base), ("secret not base64", {**base, "sessionSecret": "***"}),
                ("web2app without callback", {**base, "deviceLinkType": "Web2App"})]
    link_types = {"QR": (1, sv.DeviceLinkType.QR), "Web2App": (2, sv.DeviceLinkType.WEB2_APP),
                  "App2App": (3, sv.DeviceLinkType.APP2_APP)}
    for label, doc in variants:
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as tmp:
            json.dump(doc, tmp)
        out, code = cli("smartid", "device-link", tmp.name)
        os.unlink(tmp.name)
        cli_answer = (None if not out else json.dumps([json.loads(out)["authCode"], json.loads(out)["deviceLink"]]), code)
        opt = lambda k: doc.get(k)  # noqa: E731
        req = DeviceLinkRequest(
            cstr(doc["schemeName"]), cstr(doc["deviceLinkBase"]), link_types[doc["deviceLinkType"]][0], 1,
            cstr(doc["sessionToken"]), cstr(doc["sessionSecret"]), cstr(opt("rpChallenge") or ""), cstr(""),
            cstr(doc["relyingPartyName"]), cstr(opt("brokeredRpName") or ""), cstr(opt("interactions") or ""),
            cstr(opt("initialCallbackUrl") or ""), cstr(opt("lang") or ""), doc.get("elapsedSeconds", -1),
        )
        link, auth = ctypes.create_string_buffer(2048), ctypes.create_string_buffer(128)
        ln, an = ctypes.c_size_t(), ctypes.c_size_t()
        status = LIB.ssi_smartid_device_link(ctypes.byref(req), ctypes.cast(link, u8p), ctypes.c_size_t(2048),
                                             ctypes.byref(ln), ctypes.cast(auth, u8p), ctypes.c_size_t(128),
                                             ctypes.byref(an))
        c_answer = (json.dumps([auth.raw[: an.value].decode(), link.raw[: ln.value].decode()]), None) if status == 0 \
            else (None, error_name(status))
        py = py_code(lambda: sv.smartid_device_link(sv.DeviceLinkInput(
            scheme_name=doc["schemeName"], device_link_base=doc["deviceLinkBase"],
            link_type=link_types[doc["deviceLinkType"]][1], session_type=sv.SessionType.AUTH,
            session_token=doc["sessionToken"], session_secret=doc["sessionSecret"], rp_challenge=opt("rpChallenge"),
            digest=None, relying_party_name=doc["relyingPartyName"], brokered_rp_name=opt("brokeredRpName"),
            interactions=opt("interactions"), initial_callback_url=opt("initialCallbackUrl"), lang=opt("lang"),
            elapsed_seconds=doc.get("elapsedSeconds"),
        )))
        py_answer = (None if py[0] is None else json.dumps([py[0].auth_code, py[0].device_link]), py[1])
        agree("smartid device-link", label, {"cli": cli_answer, "c": c_answer, "python": py_answer})


def sign_session_cases():
    """verify-sign (RAW_DIGEST_SIGNATURE) over the right and a changed data file, with the SK
    TEST chain (DER files, which the CLI reads as well as PEM)."""
    der = VECTORS / "x509-generated" / "der"
    root, inter = der / "sk-test-TEST_of_SK_ID_Solutions_ROOT_G1E.der", der / "sk-test-TEST_of_SK_ID_Solutions_EID-Q_2024E.der"
    request = VECTORS / "smartid-trust" / "requests" / "sign-notification.request.json"
    status = VECTORS / "smartid-trust" / "sessions" / "vatsake_signing_notification_session-response.json"
    now = 1_780_272_000
    for label, data in [("data", read(VECTORS / "smartid-trust" / "requests" / "sign-notification.data")),
                        ("changed data", b"test 12345")]:
        with tempfile.NamedTemporaryFile("wb", delete=False) as tmp:
            tmp.write(data)
        out, code = cli("smartid", "verify-sign", "--request", str(request), "--data", tmp.name, "--trust-anchor",
                        str(root), "--intermediate", str(inter), "--now", str(now), str(status))
        os.unlink(tmp.name)
        trust = c_trust([read(root)], [read(inter)], now)
        rdata, sdata = read(request), read(status)
        agree(
            "smartid verify-sign",
            label,
            {
                "cli": cli_report(out, code),
                "c": c_call("ssi_smartid_verify_sign_json", *cbytes(rdata), *cbytes(sdata), *cbytes(data),
                            ctypes.byref(trust), None, verdict=True),
                "python": py_code(lambda: sv.smartid_verify_sign_json(
                    rdata.decode(), sdata.decode(), data,
                    sv.SmartIdTrust(anchors=[read(root)], intermediates=[read(inter)], now=now), None)),
            },
        )


ATTRIBUTE_TYPES = {"Text": 1, "Date": 2, "Number": 3, "ImageURL": 4, "Enumeration": 5}


def proofspace_cases():
    """check-request, cast, verify-body and gataca api-key decode."""
    ps = SAMPLES / "proofspace"
    for f in ["webhook-request.json", "webhook-request-tampered.json", "webhook-response.json"]:
        data = read(ps / f)
        out, code = cli("proofspace", "check-request", str(ps / f))
        cli_answer = None if not out else json.dumps(
            [json.loads(out)["actionEventId"], json.loads(out)["receivedCredentials"], json.loads(out)["unknownMembers"]])
        py = py_code(lambda: sv.proofspace_parse_request(data.decode(), None))
        py_answer = None if py[0] is None else json.dumps(
            [py[0].action_event_id, len(py[0].received_credentials), py[0].unknown_members])
        status = LIB.ssi_proofspace_check_request(*cbytes(data), None)
        # C answers with the status alone: compare codes, and the values between CLI and Python.
        agree("proofspace check-request (code)", f,
              {"cli": (None, code), "c": (None, None if status == 0 else error_name(status)), "python": (None, py[1])})
        agree("proofspace check-request", f, {"cli": (cli_answer, code), "python": (py_answer, py[1])})
    for kind, value, enum in [("Number", "1.50", None), ("Number", "1e3", None), ("Date", "1700000000", None),
                              ("Date", "1700000000000", None), ("ImageURL", "https://x.example/a.png", None),
                              ("ImageURL", "ftp://x", None), ("Enumeration", "2", [0, 2]), ("Enumeration", "3", [0, 2]),
                              ("Text", "ü", None)]:
        argv = ["proofspace", "cast", "--type", kind] + (["--enum-values", ",".join(map(str, enum))] if enum else [])
        out, code = cli(*argv, value)
        arr = (ctypes.c_uint32 * len(enum))(*enum) if enum else None
        c = c_call("ssi_proofspace_cast", ctypes.c_uint32(ATTRIBUTE_TYPES[kind]), *cbytes(value.encode()), arr,
                   ctypes.c_size_t(len(enum) if enum else 0))
        agree("proofspace cast", f"{kind} {value!r}", {"cli": (out or None, code), "c": c})
        # The UniFFI result is a typed variant (TEXT(value), DATE(seconds), ...): its one field
        # must be the report's value.
        py = py_code(lambda: sv.proofspace_cast(list(sv.AttributeType)[ATTRIBUTE_TYPES[kind] - 1], value, enum))
        py_value = None if py[0] is None else str(next(iter(vars(py[0]).values())))
        c_value = None if c[0] is None else str([v for k, v in json.loads(c[0]).items() if k != "type"][0])
        agree("proofspace cast (value)", f"{kind} {value!r}", {"c": (c_value, c[1]), "python": (py_value, py[1])})
    pem = read(ps / "service-public.pem")
    sig = read(ps / "webhook-request.sig.b64").decode().strip()
    for label, body, signature in [("signed body", ps / "webhook-request.json", sig),
                                   ("tampered body", ps / "webhook-request-tampered.json", sig),
                                   ("bad Base64", ps / "webhook-request.json", "***")]:
        data = read(body)
        out, code = cli("proofspace", "verify-body", "--public-key", str(ps / "service-public.pem"), "--signature",
                        signature, str(body))
        agree("proofspace verify-body", label, {
            "cli": cli_report(out, code),
            "c": c_verdict("ssi_proofspace_verify_body", *cbytes(pem), *cbytes(data), *cbytes(signature.encode())),
            "python": py_verdict(lambda: sv.proofspace_verify_body(pem.decode(), data, signature)),
        })
    for header in ["Basic YTpi", "YTpi", "Basic YTpi=", "Bearer x", "Basic " + __import__("base64").b64encode(b"id:s:t").decode()]:
        out, code = cli("gataca", "api-key", "decode", header)
        id_buf, sec_buf = ctypes.create_string_buffer(256), ctypes.create_string_buffer(256)
        idn, sn = ctypes.c_size_t(), ctypes.c_size_t()
        status = LIB.ssi_gataca_api_key_decode(*cbytes(header.encode()), ctypes.cast(id_buf, u8p), ctypes.c_size_t(256),
                                               ctypes.byref(idn), ctypes.cast(sec_buf, u8p), ctypes.c_size_t(256),
                                               ctypes.byref(sn))
        c_answer = (json.dumps([id_buf.raw[: idn.value].decode(), sn.value]), None) if status == 0 \
            else (None, error_name(status))
        py = py_code(lambda: sv.gataca_api_key_decode(header))
        py_answer = (None if py[0] is None else json.dumps([py[0].id, len(py[0].secret.encode())]), py[1])
        cli_answer = (None if not out else json.dumps([json.loads(out)["id"], json.loads(out)["secretLength"]]), code)
        agree("gataca api-key decode", repr(header), {"cli": cli_answer, "c": c_answer, "python": py_answer})


def gataca_text_cases():
    """Header builders with one text result: C and UniFFI."""
    for args in [("id", "secret", "tenant-1", "cfg"), ("", "s", "t", "c"), ("a:b", "s", "t", "c")]:
        agree("gataca login-headers", repr(args), {
            "c": c_call("ssi_gataca_login_headers", *[x for a in args for x in cbytes(a.encode())]),
            "python": py_code(lambda: sv.gataca_login_headers(*args)),
        })
    for token, kind in [("abc", "jwt"), ("abc", None), (None, "jwt"), ("a b", "jwt")]:
        t, k = (token or "").encode(), (kind or "").encode()
        agree("gataca authorization-from-login", f"{token!r}/{kind!r}", {
            "c": c_call("ssi_gataca_authorization_from_login", *(cbytes(t) if token is not None else (None, ctypes.c_size_t(0))),
                        *(cbytes(k) if kind is not None else (None, ctypes.c_size_t(0)))),
            "python": py_code(lambda: sv.gataca_authorization_from_login(token, kind)),
        })
    for value in ["jwt abc", "Bearer abc", "jwt ", "abc"]:
        agree("gataca authorization-token", repr(value), {
            "c": c_call("ssi_gataca_authorization_token", *cbytes(value.encode())),
            "python": py_code(lambda: sv.gataca_authorization_token(value)),
        })


class BearerPolicy(ctypes.Structure):
    _fields_ = [
        ("service_did", Str), ("direction", ctypes.c_uint32), ("now", ctypes.c_uint64), ("leeway", ctypes.c_uint64),
        ("require_exp", ctypes.c_bool), ("accept_millisecond_times", ctypes.c_bool),
    ]


def bearer_cases():
    """verify-bearer with the sample HS256 token: the CLI's report against the C verdict and
    the UniFFI record (verdict and claims)."""
    ps = SAMPLES / "proofspace"
    token = read(ps / "bearer-hs256.jwt").decode().strip()
    secret = read(ps / "bearer-secret.txt").strip()
    did = "FhnK3hGQ6EeQHKztiHJ6pu"
    cases = [("valid", secret, did, 1_800_000_000, "from-proofspace"), ("expired", secret, did, 2_000_000_061, "from-proofspace"),
             ("other service", secret, "did:x", 1_800_000_000, "to-proofspace"),
             ("wrong secret", secret + b"x", did, 1_800_000_000, "from-proofspace")]
    for label, key, service, now, direction in cases:
        with tempfile.NamedTemporaryFile("wb", delete=False) as tmp:
            tmp.write(key)
        out, code = cli("proofspace", "verify-bearer", "--hs256-secret", tmp.name, "--service-did", service,
                        "--direction", direction, "--now", str(now), token)
        os.unlink(tmp.name)
        cli_verdict = None if not out else verdict_json(json.loads(out)["valid"], json.loads(out).get("reason"))
        header = f"Bearer {token}".encode()
        policy = BearerPolicy(cstr(service), 1 if direction == "from-proofspace" else 2, now, 60, True, False)
        c = c_verdict("ssi_proofspace_verify_bearer", *cbytes(header), ctypes.c_uint32(1), *cbytes(key),
                      ctypes.byref(policy), None)
        py_policy = sv.BearerCheckPolicy(
            service_did=service, now=now, leeway=60, require_exp=True, accept_millisecond_times=False,
            direction=sv.Direction.FROM_PROOF_SPACE if direction == "from-proofspace" else sv.Direction.TO_PROOF_SPACE)
        py = py_code(lambda: sv.proofspace_verify_bearer(header.decode(), sv.BearerKey.HS256(secret=key), py_policy, None))
        py_verdict_json = None if py[0] is None else verdict_json(
            py[0].verdict.valid, None if py[0].verdict.valid else py[0].verdict.reason.name)
        agree("proofspace verify-bearer", label,
              {"cli": cli_report(cli_verdict, code), "c": c, "python": (py_verdict_json, py[1])})
        cli_claims = None if not out else json.dumps(json.loads(out).get("claims"), separators=(",", ":"))
        py_claims = None if py[0] is None else json.dumps(json.loads(py[0].claims_json), separators=(",", ":"))
        agree("proofspace verify-bearer (claims)", label, {"cli": cli_report(cli_claims, code), "python": (py_claims, py[1])})


def render_cases():
    """Notification templates: the CLI and UniFFI (the C ABI has no renderer)."""
    params = [("Room Number", "12"), ("Name", "Ann")]
    for template in ["Welcome to Room {{Room Number}}!", "{{Name}}, {{Room Number}}", "{{Floor}}", "{{Name", "plain", "{{}}"]:
        out, code = cli("proofspace", "render", "--param", ";".join(f"{k}={v}" for k, v in params), template)
        agree("proofspace render", repr(template), {
            "cli": (out if code is None else None, code),
            "python": py_code(lambda: sv.proofspace_render_notification(
                template, [sv.NameValue(name=k, value=v) for k, v in params])),
        })


ALL = [render_cases, bearer_cases, credential_cases, presentation_cases, reading_order_cases, jwt_cases, sign_cases, smartid_cases, proofspace_cases, gataca_text_cases]
