"""The UniFFI bindings from many Python threads at once: every verification gives the answer it
gives on one thread, and errors raised on one thread carry that thread's code.

ctypes releases the GIL around each foreign call, so the Rust side really runs concurrently.
"""

import json
import os
import unittest
from concurrent.futures import ThreadPoolExecutor

import ssi_verify as sv

VECTORS = os.path.join(os.path.dirname(__file__), "..", "vectors")
THREADS = 8
ROUNDS = 10
NOW = 1780272000  # 2026-06-01T00:00:00Z

# RFC 8032 section 7.1, TEST 1.
PUBLIC = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
SIGNATURE = bytes.fromhex(
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
    "d25bf5f0595bbe24655141438e7a100b")


def load(rel, mode="r"):
    with open(os.path.join(VECTORS, rel), mode) as f:
        return f.read()


def calls():
    """Named calls, each returning a comparable value (or the error code it raised)."""
    rsa_pem = load("proofspace/rsa4096-public.pem")
    rsa_body = load("proofspace/rsa4096-body.json", "rb")
    rsa_sig = load("proofspace/rsa4096-body.sig.b64")
    smartid_request = load("smartid-trust/requests/auth-notification-pss.request.json")
    smartid_status = load("smartid/vatsake_auth_notification_session-response.json")
    anchors = [load("x509-generated/der/sk-test-TEST_of_SK_ID_Solutions_ROOT_G1E.der", "rb")]
    intermediates = [load("x509-generated/der/sk-test-TEST_of_SK_ID_Solutions_EID-Q_2024E.der", "rb")]
    jcs_in = load("jcs-rfc8785/input/weird.json")

    def smartid():
        trust = sv.SmartIdTrust(anchors=anchors, intermediates=intermediates, now=NOW)
        return json.loads(sv.smartid_verify_auth_json(smartid_request, smartid_status, trust, None))

    return {
        "ed25519 valid": lambda: sv.ed25519_verify(PUBLIC, SIGNATURE, b""),
        "ed25519 invalid": lambda: sv.ed25519_verify(PUBLIC, SIGNATURE, b"x"),
        "rsa body valid": lambda: sv.proofspace_verify_body(rsa_pem, rsa_body, rsa_sig),
        "rsa body changed": lambda: sv.proofspace_verify_body(rsa_pem, rsa_body + b" ", rsa_sig),
        "smartid trusted": smartid,
        "jcs": lambda: sv.jcs_canonicalize(jcs_in, None),
        "jsonpath": lambda: sv.jsonpath_select("$..b", '{"a":{"b":1},"c":[{"b":"x"}]}', None),
        "error: bad base64": lambda: sv.proofspace_verify_body(rsa_pem, rsa_body, "%%%"),
        "error: duplicate key": lambda: sv.jcs_canonicalize('{"a":1,"a":2}', None),
        "error: short key": lambda: sv.ed25519_verify(PUBLIC[:31], SIGNATURE, b""),
    }


def outcome(call):
    try:
        return ("ok", call())
    except sv.SsiError as e:
        return ("error", e.code)


class Threads(unittest.TestCase):
    def test_concurrent_calls_give_the_single_threaded_answers(self):
        named = calls()
        expected = {name: outcome(call) for name, call in named.items()}
        # The single-threaded answers are the documented ones, so equality below means something.
        self.assertEqual(expected["ed25519 valid"], ("ok", sv.Verdict(valid=True, reason=None)))
        self.assertEqual(expected["rsa body changed"],
                         ("ok", sv.Verdict(valid=False, reason=sv.ErrorCode.SIGNATURE_MISMATCH)))
        self.assertTrue(expected["smartid trusted"][1]["valid"])
        self.assertEqual(expected["error: bad base64"], ("error", sv.ErrorCode.INVALID_BASE64))
        self.assertEqual(expected["error: duplicate key"], ("error", sv.ErrorCode.DUPLICATE_KEY))
        self.assertEqual(expected["error: short key"], ("error", sv.ErrorCode.INVALID_KEY))

        # Every thread runs every call, in an order rotated by its index, ROUNDS times.
        names = list(named)

        def worker(index):
            seen = []
            for round_ in range(ROUNDS):
                for k in range(len(names)):
                    name = names[(index + round_ + k) % len(names)]
                    seen.append((name, outcome(named[name])))
            return seen

        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            results = list(pool.map(worker, range(THREADS)))
        self.assertEqual(len(results), THREADS)
        for seen in results:
            self.assertEqual(len(seen), ROUNDS * len(names))
            for name, got in seen:
                self.assertEqual(got, expected[name], name)


if __name__ == "__main__":
    unittest.main()
