"""ProofSpace through the generated UniFFI Python bindings and the built library."""

import json
import os
import unittest

import ssi_verify as sv

VECTORS = os.path.join(os.path.dirname(__file__), "..", "vectors")
DID = "FhnK3hGQ6EeQHKztiHJ6pu"


def load(rel, mode="r"):
    with open(os.path.join(VECTORS, rel), mode) as f:
        return f.read()


def policy(now=1800000000, did=DID, direction=sv.Direction.FROM_PROOF_SPACE):
    return sv.BearerCheckPolicy(service_did=did, direction=direction, now=now, leeway=60, require_exp=True,
                                accept_millisecond_times=False)


class BodySignature(unittest.TestCase):
    def test_rsa4096_vector_and_every_changed_byte(self):
        pem = load("proofspace/rsa4096-public.pem")
        body = load("proofspace/rsa4096-body.json", "rb")
        sig = load("proofspace/rsa4096-body.sig.b64")
        self.assertEqual(sv.proofspace_verify_body(pem, body, sig), sv.Verdict(valid=True, reason=None))
        for i in range(0, len(body), 17):
            changed = bytearray(body)
            changed[i] ^= 0x20
            self.assertEqual(sv.proofspace_verify_body(pem, bytes(changed), sig),
                             sv.Verdict(valid=False, reason=sv.ErrorCode.SIGNATURE_MISMATCH))

    def test_ed25519_round_trip(self):
        seed = bytes.fromhex(load("proofspace-jwt/ed25519-seed.hex").strip())
        pem = load("proofspace-jwt/ed25519-public.pem")
        sig = sv.proofspace_sign_body_ed25519(seed, b"{}")
        self.assertEqual(len(sig), 88)
        self.assertTrue(sv.proofspace_verify_body(pem, b"{}", sig).valid)
        self.assertFalse(sv.proofspace_verify_body(pem, b"{ }", sig).valid)

    def test_rsa_sign_matches_openssl_and_verifies(self):
        body = load("proofspace/rsa4096-body.json", "rb")
        sig = sv.proofspace_sign_body_rsa(load("proofspace/rsa2048-private.pk8.pem"), body)
        self.assertEqual(sig, load("proofspace/rsa2048-body.sig.b64").strip())
        pem = load("proofspace/rsa2048-public.pem")
        self.assertTrue(sv.proofspace_verify_body(pem, body, sig).valid)
        self.assertFalse(sv.proofspace_verify_body(pem, body + b" ", sig).valid)
        with self.assertRaises(sv.SsiError.Crypto) as ctx:
            sv.proofspace_sign_body_rsa(pem, body)
        self.assertEqual(ctx.exception.code, sv.ErrorCode.UNSUPPORTED_KEY)

    def test_could_not_check_is_an_exception(self):
        pem = load("proofspace/rsa4096-public.pem")
        with self.assertRaises(sv.SsiError.Encoding) as ctx:
            sv.proofspace_verify_body(pem, b"{}", "%%%")
        self.assertEqual(ctx.exception.code, sv.ErrorCode.INVALID_BASE64)
        with self.assertRaises(sv.SsiError.Crypto) as ctx:
            sv.proofspace_verify_body("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", b"{}", "AAAA")
        self.assertEqual(ctx.exception.code, sv.ErrorCode.INVALID_KEY)


class Values(unittest.TestCase):
    def test_cast_each_type_and_back(self):
        cases = [
            (sv.AttributeType.TEXT, "Super Secret Level", sv.TypedValue.TEXT("Super Secret Level")),
            (sv.AttributeType.DATE, "1648800000", sv.TypedValue.DATE(1648800000)),
            (sv.AttributeType.NUMBER, "222.2222", sv.TypedValue.NUMBER("222.2222")),
            (sv.AttributeType.IMAGE_URL, "https://x.io/a.png", sv.TypedValue.IMAGE_URL("https://x.io/a.png")),
            (sv.AttributeType.ENUMERATION, "2", sv.TypedValue.ENUMERATION(2)),
        ]
        for kind, wire, typed in cases:
            got = sv.proofspace_cast(kind, wire, None)
            self.assertEqual(got, typed)
            self.assertEqual(sv.proofspace_to_wire(got), wire)

    def test_typed_errors(self):
        bad = [
            (sv.AttributeType.DATE, "1648800000000", None, sv.ErrorCode.DATE_LOOKS_LIKE_MILLISECONDS),
            (sv.AttributeType.DATE, "2022-04-01", None, sv.ErrorCode.INVALID_DATE),
            (sv.AttributeType.NUMBER, "1e5", None, sv.ErrorCode.INVALID_NUMBER),
            (sv.AttributeType.IMAGE_URL, "javascript:alert(1)", None, sv.ErrorCode.INVALID_IMAGE_URL),
            (sv.AttributeType.ENUMERATION, "-1", None, sv.ErrorCode.INVALID_ENUMERATION),
            (sv.AttributeType.ENUMERATION, "1", [0, 2], sv.ErrorCode.ENUMERATION_NOT_IN_SCHEMA),
        ]
        for kind, wire, enums, code in bad:
            with self.assertRaises(sv.SsiError) as ctx:
                sv.proofspace_cast(kind, wire, enums)
            self.assertEqual(ctx.exception.code, code, wire)

    def test_validate_credential_reports_every_field(self):
        schema = json.dumps({"attributes": [{"name": "Room", "type": "Number"},
                                            {"name": "Valid Until", "type": "Date"}]})
        fields = [sv.NameValue(name="Room", value="2O4"), sv.NameValue(name="Valid Until", value="1893456000000")]
        issues = sv.proofspace_validate_credential(schema, fields)
        self.assertEqual([(i.field, i.code) for i in issues],
                         [("Room", sv.ErrorCode.INVALID_NUMBER),
                          ("Valid Until", sv.ErrorCode.DATE_LOOKS_LIKE_MILLISECONDS)])


class Bearer(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tokens = json.loads(load("proofspace-jwt/tokens.json"))
        cls.secret = load("proofspace-jwt/hs256-secret.bin", "rb")
        cls.rsa = load("proofspace-jwt/rsa2048-public.pem")
        cls.ed = load("proofspace-jwt/ed25519-public.pem")

    def test_every_key_kind(self):
        keys = {"hs256": sv.BearerKey.HS256(self.secret), "rs256": sv.BearerKey.RS256(self.rsa),
                "rs512": sv.BearerKey.RS512(self.rsa), "eddsa": sv.BearerKey.ED_DSA(self.ed)}
        for name, key in keys.items():
            check = sv.proofspace_verify_bearer("Bearer " + self.tokens[name], key, policy(), None)
            self.assertTrue(check.verdict.valid, name)
            self.assertEqual(json.loads(check.claims_json)["role"], "issue-credential")

    def test_verdicts(self):
        key = sv.BearerKey.HS256(self.secret)
        header = "Bearer " + self.tokens["hs256"]
        expired = sv.proofspace_verify_bearer(header, key, policy(now=2000000061), None)
        self.assertEqual(expired.verdict, sv.Verdict(valid=False, reason=sv.ErrorCode.JWT_EXPIRED))
        other = sv.proofspace_verify_bearer(header, key, policy(did="other"), None)
        self.assertEqual(other.verdict.reason, sv.ErrorCode.JWT_ISSUER_MISMATCH)

    def test_errors(self):
        key = sv.BearerKey.HS256(self.secret)
        with self.assertRaises(sv.SsiError) as ctx:
            sv.proofspace_verify_bearer(None, key, policy(), None)
        self.assertEqual(ctx.exception.code, sv.ErrorCode.HEADER_MISSING)
        with self.assertRaises(sv.SsiError) as ctx:
            sv.proofspace_verify_bearer("Bearer " + self.tokens["rs256"], sv.BearerKey.RS512(self.rsa), policy(), None)
        self.assertEqual(ctx.exception.code, sv.ErrorCode.JWT_ALG_MISMATCH)
        with self.assertRaises(sv.SsiError) as ctx:
            sv.proofspace_verify_bearer("Bearer " + self.tokens["hs256_exp_in_milliseconds"], key, policy(), None)
        self.assertEqual(ctx.exception.code, sv.ErrorCode.JWT_EXP_IN_MILLISECONDS)


class Webhook(unittest.TestCase):
    def test_answer_and_check(self):
        request = load("proofspace/rsa4096-body.json")
        parsed = sv.proofspace_parse_request(request, None)
        self.assertEqual(parsed.action_event_id, "ev1")
        issued = sv.WebhookCredential(credential_id="c1", schema_id="s1",
                                      fields=[sv.NameValue(name="Room", value="204")],
                                      utc_issued_at=None, revoked=None)
        response = sv.proofspace_build_response(request, [issued])
        self.assertEqual(json.loads(response)["subscriberConnectDid"], "subscriberConnectDid_54321")
        schemas = {"s1": json.dumps({"attributes": [{"name": "Room", "type": "Number"}]})}
        self.assertTrue(sv.proofspace_check_response(request, response, schemas).verdict.valid)
        bad = json.loads(response)
        bad["actionEventId"] = "ev9"
        bad["issuedCredentials"][0]["fields"][0]["value"] = "two hundred"
        check = sv.proofspace_check_response(request, json.dumps(bad), schemas)
        self.assertEqual(check.verdict.reason, sv.ErrorCode.RESPONSE_MISMATCH)
        self.assertEqual([m.code for m in check.mismatches],
                         [sv.ErrorCode.RESPONSE_MISMATCH, sv.ErrorCode.INVALID_NUMBER])

    def test_failure_reply(self):
        reply = json.loads(sv.proofspace_failure_reply("Room unavailable", None))
        self.assertEqual(reply, {"protocolVersion": 1, "ok": False, "error": {"message": "Room unavailable"}})


if __name__ == "__main__":
    unittest.main()
