"""Smart-ID through the generated UniFFI Python bindings and the built library."""

import json
import os
import unittest

import ssi_verify as sv

VECTORS = os.path.join(os.path.dirname(__file__), "..", "vectors", "smartid")
TWO = (
    "W3sidHlwZSI6ImNvbmZpcm1hdGlvbk1lc3NhZ2UiLCJkaXNwbGF5VGV4dDIwMCI6IkxvbmdlciBkZXNjcmlwdGlvbiBvZiB0aGUgdHJhbnNh"
    "Y3Rpb24gY29udGV4dCJ9LHsidHlwZSI6ImRpc3BsYXlUZXh0QW5kUElOIiwiZGlzcGxheVRleHQ2MCI6IlNob3J0IGRlc2NyaXB0aW9uIG9m"
    "IHRoZSB0cmFuc2FjdGlvbiBjb250ZXh0In1d"
)


def load(name):
    with open(os.path.join(VECTORS, name), encoding="utf-8") as f:
        return f.read()


class Interactions(unittest.TestCase):
    def test_decode_keeps_base64_and_unescapes(self):
        lst = sv.smartid_decode(TWO, sv.Flow.DEVICE_LINK, None)
        self.assertEqual(lst.base64, TWO)
        self.assertEqual([i.kind for i in lst.items],
                         [sv.InteractionType.CONFIRMATION_MESSAGE, sv.InteractionType.DISPLAY_TEXT_AND_PIN])
        self.assertEqual(lst.items[1].text, "Short description of the transaction context")

    def test_all_official_examples(self):
        official = json.loads(load("official.json"))
        for case in official["interactions_base64_official_docs"]:
            expected = json.loads(case["json"])
            lst = sv.smartid_decode(case["base64"], sv.Flow.NOTIFICATION, None)
            self.assertEqual([sv.interaction_type_name(i.kind) for i in lst.items], [e["type"] for e in expected])
            self.assertEqual(sv.smartid_encode_json(case["json"], None, None), case["base64"])

    def test_select_first_supported(self):
        pick = sv.smartid_select(TWO, [sv.InteractionType.DISPLAY_TEXT_AND_PIN], None)
        self.assertEqual(pick.kind, sv.InteractionType.DISPLAY_TEXT_AND_PIN)
        pick = sv.smartid_select(TWO, list(sv.InteractionType), None)
        self.assertEqual(pick.kind, sv.InteractionType.CONFIRMATION_MESSAGE)

    def test_typed_errors(self):
        with self.assertRaises(sv.SsiError.Rule) as ctx:
            sv.smartid_select(TWO, [], None)
        self.assertEqual(ctx.exception.code, sv.ErrorCode.REQUIRED_INTERACTION_NOT_SUPPORTED_BY_APP)
        with self.assertRaises(sv.SsiError.Encoding) as ctx:
            sv.smartid_decode("not base64", sv.Flow.DEVICE_LINK, None)
        self.assertEqual(ctx.exception.code, sv.ErrorCode.INVALID_BASE64)
        self.assertEqual(sv.error_code_value(ctx.exception.code), 200)
        # The code is its own field: the detail is the bare explanation, never "CODE: ...".
        self.assertTrue(ctx.exception.detail)
        self.assertFalse(ctx.exception.detail.startswith("INVALID_BASE64"))
        too_long = sv.Interaction(kind=sv.InteractionType.DISPLAY_TEXT_AND_PIN, text="x" * 61)
        with self.assertRaises(sv.SsiError.Rule) as ctx:
            sv.smartid_encode([too_long], None)
        self.assertEqual(ctx.exception.code, sv.ErrorCode.DISPLAY_TEXT_TOO_LONG)
        # Every exception is also an SsiError, so one handler can catch them all.
        with self.assertRaises(sv.SsiError) as ctx:
            sv.smartid_decode(TWO, sv.Flow.DEVICE_LINK, sv.SsiLimits(
                max_input_bytes=10, max_depth=64, max_items=1000, max_string_bytes=1000, max_interactions=16))
        # ... and read the stable code without knowing the group.
        self.assertEqual(ctx.exception.error_code(), sv.ErrorCode.INPUT_TOO_LARGE)
        self.assertEqual(ctx.exception.code_value(), 400)

    def test_encode_round_trip_with_unicode(self):
        items = [sv.Interaction(kind=sv.InteractionType.CONFIRMATION_MESSAGE, text="Maksa 100 € \"kohe\" 😀")]
        b64 = sv.smartid_encode(items, sv.Flow.NOTIFICATION)
        self.assertEqual(sv.smartid_decode(b64, sv.Flow.NOTIFICATION, None).items, items)


class DeviceLinksAndSignatures(unittest.TestCase):
    def test_official_auth_codes(self):
        official = json.loads(load("official.json"))
        for case in official["authCode_official_docs"]:
            fields = case["authCodePayload"].split("|")
            base, query = fields[7].split("?", 1)
            params = dict(kv.split("=", 1) for kv in query.split("&"))
            kind = case["sessionType"]
            inp = sv.DeviceLinkInput(
                scheme_name=fields[0], device_link_base=base,
                link_type={"QR": sv.DeviceLinkType.QR, "Web2App": sv.DeviceLinkType.WEB2_APP,
                           "App2App": sv.DeviceLinkType.APP2_APP}[case["deviceLinkType"]],
                session_type={"auth": sv.SessionType.AUTH, "sign": sv.SessionType.SIGN,
                              "cert": sv.SessionType.CERT}[kind],
                session_token=params["sessionToken"], session_secret=case["sessionSecret"],
                rp_challenge=fields[2] if kind == "auth" else None,
                digest=fields[2] if kind == "sign" else None,
                relying_party_name="DEMO", brokered_rp_name="Example RP",
                interactions=fields[5] or None, initial_callback_url=fields[6] or None,
                lang=params["lang"],
                elapsed_seconds=int(params["elapsedSeconds"]) if "elapsedSeconds" in params else None)
            link = sv.smartid_device_link(inp)
            self.assertEqual(link.auth_code, case["authCode"])
            self.assertEqual(link.device_link, case["deviceLink"])

    def test_real_demo_session(self):
        official = json.loads(load("official.json"))
        case = official["acspV2_real_demo_signatures_vatsake"][0]
        req = sv.AuthRequestInput(
            scheme_name="smart-id-demo", rp_challenge=case["rpChallenge"], relying_party_name="DEMO",
            brokered_rp_name=None, interactions=case["interactions"], initial_callback_url=None,
            offered_flows=[sv.FlowType.NOTIFICATION])
        status = load("vatsake_auth_notification_session-response.json")
        self.assertEqual(sv.smartid_verify_auth_session(req, status, None), sv.Verdict(valid=True, reason=None))
        req.scheme_name = "smart-id"
        verdict = sv.smartid_verify_auth_session(req, status, None)
        self.assertFalse(verdict.valid)
        self.assertEqual(verdict.reason, sv.ErrorCode.SIGNATURE_MISMATCH)
        with self.assertRaises(sv.SsiError.Rule) as ctx:
            sv.smartid_verify_auth_session(req, status.replace('"OK"', '"USER_REFUSED"'), None)
        self.assertEqual(ctx.exception.code, sv.ErrorCode.SESSION_NOT_SUCCESSFUL)

    def test_limits_record_defaults_are_the_core_defaults(self):
        # The fields a caller leaves out (the Linked Data, status-list and X.509 bounds) take the
        # core's defaults, the same values default_limits() reports and C's ssi_limits_default writes.
        d = sv.default_limits()
        partial = sv.SsiLimits(
            max_input_bytes=d.max_input_bytes, max_depth=d.max_depth, max_items=d.max_items,
            max_string_bytes=d.max_string_bytes, max_interactions=d.max_interactions)
        self.assertEqual(partial, d)
        self.assertEqual((d.max_quads, d.max_rdfc_work, d.max_status_list_bytes, d.max_cert_path,
                          d.max_context_depth, d.max_jsonld_work), (100000, 100000, 1048576, 6, 32, 10000000))

    def test_codes(self):
        self.assertEqual(sv.smartid_verification_code(
            "GYS+yoah6emAcVDNIajwSs6UB/M95XrDxMzXBUkwQJ9YFDipXXzGpPc7raWcuc2+TEoRc7WvIZ/7dU/iRXenYg=="), "7180")
        self.assertTrue(sv.smartid_verify_user_challenge(
            "XtPfaGa8JnGtYrJjboooUf0KfY9sMEHrWFpSQrsUv9c", "GnsWXXEjTCKR89fj9uo5u5ReBZ9JR7_pezLAI5jMS00").valid)


if __name__ == "__main__":
    unittest.main()
