"""Smart-ID responses verified against trust anchors through the UniFFI Python bindings."""

import json
import os
import unittest

import ssi_verify as sv

ROOT = os.path.join(os.path.dirname(__file__), "..", "vectors")
NOW = 1780272000  # 2026-06-01T00:00:00Z


def read(rel, mode="r"):
    with open(os.path.join(ROOT, rel), mode) as f:
        return f.read()


def der(name):
    return read(f"x509-generated/der/{name}.der", "rb")


class Trusted(unittest.TestCase):
    def setUp(self):
        self.request = read("smartid-trust/requests/auth-notification-pss.request.json")
        self.status = read("smartid/vatsake_auth_notification_session-response.json")

    def verify(self, anchors, intermediates, request=None, status=None, now=NOW):
        trust = sv.SmartIdTrust(anchors=[der(a) for a in anchors], intermediates=[der(i) for i in intermediates], now=now)
        return json.loads(sv.smartid_verify_auth_json(request or self.request, status or self.status, trust, None))

    def test_test_anchors_trust_the_demo_response_and_live_ones_do_not(self):
        report = self.verify(["sk-test-TEST_of_SK_ID_Solutions_ROOT_G1E"], ["sk-test-TEST_of_SK_ID_Solutions_EID-Q_2024E"])
        self.assertTrue(report["valid"])
        self.assertEqual(report["certificateLevel"], "QUALIFIED")
        self.assertEqual(report["identity"]["dateOfBirth"], "1905-04-04")
        report = self.verify(["sk-live-SK_ID_Solutions_ROOT_G1E"], ["sk-live-SK_ID_Solutions_EID-Q_2024E"])
        self.assertEqual(report, {"valid": False, "reason": "UNKNOWN_ISSUER"})

    def test_signature_only_is_marked(self):
        report = json.loads(sv.smartid_verify_auth_json(self.request, self.status, None, None))
        self.assertEqual(report, {"valid": True, "trust": "NOT_CHECKED"})

    def test_generated_failures(self):
        ints = ["intermediate", "intermediate-no-keycertsign", "sub-intermediate", "ee-auth-qualified"]
        for ee, code in [("ee-expired", "CERTIFICATE_EXPIRED"), ("ee-bad-signature", "CHAIN_SIGNATURE_MISMATCH"),
                         ("ee-issued-by-end-entity", "ISSUER_NOT_CA"), ("ee-under-sub-intermediate", "PATH_TOO_LONG"),
                         ("ee-unknown-critical-extension", "UNKNOWN_CRITICAL_EXTENSION"),
                         ("ee-auth-test-arc", "CERTIFICATE_POLICY_MISSING")]:
            status = read(f"x509-generated/status/{ee}.status.json")
            self.assertEqual(self.verify(["root"], ints, status=status)["reason"], code, ee)

    def test_no_anchor_is_an_error(self):
        with self.assertRaises(sv.SsiError.Crypto) as ctx:
            sv.smartid_verify_auth_json(self.request, self.status, sv.SmartIdTrust(anchors=[], intermediates=[], now=NOW), None)
        self.assertEqual(ctx.exception.code, sv.ErrorCode.NO_TRUST_ANCHOR)

    def test_sign(self):
        request = read("smartid-trust/requests/sign-notification.request.json")
        status = read("smartid-trust/sessions/vatsake_signing_notification_session-response.json")
        trust = sv.SmartIdTrust(anchors=[der("sk-test-TEST_of_SK_ID_Solutions_ROOT_G1E")],
                                intermediates=[der("sk-test-TEST_of_SK_ID_Solutions_EID-Q_2024E")], now=NOW)
        self.assertTrue(json.loads(sv.smartid_verify_sign_json(request, status, b"test 1234", trust, None))["valid"])
        report = json.loads(sv.smartid_verify_sign_json(request, status, b"test 12345", trust, None))
        self.assertEqual(report["reason"], "DIGEST_MISMATCH")


if __name__ == "__main__":
    unittest.main()
