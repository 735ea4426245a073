"""Gataca / OpenID4VP through the generated UniFFI Python bindings and the built library."""

import base64
import json
import os
import unittest

import ssi_verify as sv

HERE = os.path.dirname(__file__)
VECTORS = os.path.join(HERE, "..", "vectors")
SAMPLES = os.path.join(HERE, "..", "..", "samples")

# RFC 8032 section 7.1, TEST 1.
SEED = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
PUBLIC = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
SIGNATURE = bytes.fromhex(
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
    "d25bf5f0595bbe24655141438e7a100b")
NONCE = "5GpefxLWz3BzLmR69b4wskqeYgE5ZZ21jAvgLXNZNAe4"


def load(root, rel):
    with open(os.path.join(root, rel), encoding="utf-8") as f:
        return f.read()


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class Json(unittest.TestCase):
    def test_jcs_vectors(self):
        for name in ["arrays", "french", "structures", "unicode", "values", "weird"]:
            got = sv.jcs_canonicalize(load(VECTORS, f"jcs-rfc8785/input/{name}.json"), None)
            self.assertEqual(got, load(VECTORS, f"jcs-rfc8785/output/{name}.json"), name)

    def test_jcs_errors(self):
        with self.assertRaises(sv.SsiError.Format) as ctx:
            sv.jcs_canonicalize('{"a":1,"a":2}', None)
        self.assertEqual(ctx.exception.code, sv.ErrorCode.DUPLICATE_KEY)
        with self.assertRaises(sv.SsiError) as ctx:
            sv.jcs_canonicalize("[1e400]", None)
        self.assertEqual(ctx.exception.code, sv.ErrorCode.NUMBER_NOT_I_JSON)
        tight = sv.default_limits()
        tight.max_depth = 2
        with self.assertRaises(sv.SsiError.Limit) as ctx:
            sv.jcs_canonicalize("[[[1]]]", tight)
        self.assertEqual(ctx.exception.code, sv.ErrorCode.NESTING_TOO_DEEP)

    def test_jsonpath_on_the_seed_definition(self):
        definition = load(SAMPLES, "gataca/presentation-definition.json")
        nodes = sv.jsonpath_select("$.input_descriptors[0].constraints.fields[*].path[0]", definition, None)
        self.assertEqual(nodes, [
            sv.JsonPathNode(location="$['input_descriptors'][0]['constraints']['fields'][0]['path'][0]",
                            value_json='"$.type[-1:]"'),
            sv.JsonPathNode(location="$['input_descriptors'][0]['constraints']['fields'][1]['path'][0]",
                            value_json='"$.issuer"'),
        ])
        purposes = sv.jsonpath_select("$..proof[*].proofPurpose", definition, None)
        self.assertEqual([json.loads(n.value_json) for n in purposes], ["authentication", "assertionMethod"])
        self.assertEqual(sv.jsonpath_select("$.nothing", definition, None), [])
        with self.assertRaises(sv.SsiError) as ctx:
            sv.jsonpath_select("$[?length(@.a)]", definition, None)
        self.assertEqual(ctx.exception.code, sv.ErrorCode.INVALID_JSON_PATH)


class Keys(unittest.TestCase):
    def test_rfc8032_test1(self):
        self.assertEqual(sv.ed25519_public_key(SEED), PUBLIC)
        self.assertEqual(sv.ed25519_verify(PUBLIC, SIGNATURE, b""), sv.Verdict(valid=True, reason=None))
        self.assertEqual(sv.ed25519_verify(PUBLIC, SIGNATURE, b"x"),
                         sv.Verdict(valid=False, reason=sv.ErrorCode.SIGNATURE_MISMATCH))
        with self.assertRaises(sv.SsiError.Crypto) as ctx:
            sv.ed25519_verify(PUBLIC[:31], SIGNATURE, b"")
        self.assertEqual(ctx.exception.code, sv.ErrorCode.INVALID_KEY)

    def test_did_key_round_trip(self):
        zero = sv.ed25519_public_key(bytes(32))
        vm = sv.did_key_verification_method(zero)
        did = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"
        self.assertEqual(vm, did + "#" + did[len("did:key:"):])
        self.assertEqual(sv.resolve_did_key(vm), zero)
        self.assertEqual(sv.resolve_did_key(did), zero)
        with self.assertRaises(sv.SsiError) as ctx:
            sv.resolve_did_key("did:web:example.com")
        self.assertEqual(ctx.exception.code, sv.ErrorCode.UNSUPPORTED_DID_METHOD)


class Proofs(unittest.TestCase):
    def test_sign_verify_and_tamper(self):
        vm = sv.did_key_verification_method(PUBLIC)
        signed = sv.sign_jcs_ed25519('{"id":"urn:uuid:1","name":"Ann"}', SEED, vm, "assertionMethod",
                                     "2025-01-01T00:00:00Z", '{"nonce":"n-1"}', None)
        req = sv.ProofRequirements(proof_purpose="assertionMethod", domain=None, challenge_or_nonce="n-1",
                                   allow_sha256_prehash=False)
        self.assertEqual(sv.verify_proofs(signed, [], req, None), [
            sv.ProofResult(verification_method=vm, verdict=sv.Verdict(valid=True, reason=None),
                           reading="jcs (base58btc)")])
        tampered = signed.replace("Ann", "Bob")
        [result] = sv.verify_proofs(tampered, [], req, None)
        self.assertEqual(result.verdict, sv.Verdict(valid=False, reason=sv.ErrorCode.SIGNATURE_MISMATCH))
        self.assertIsNone(result.reading)
        req.challenge_or_nonce = "n-2"
        [result] = sv.verify_proofs(signed, [], req, None)
        self.assertEqual(result.verdict.reason, sv.ErrorCode.PROOF_CHALLENGE_MISMATCH)

    def test_trusted_keys_for_other_dids(self):
        vm = "did:gatc:24gsRbsURij3edoveHv81jt9EnhggrnR#keys-1"
        signed = sv.sign_jcs_ed25519('{"a":1}', SEED, vm, "authentication", "2025-01-27T18:33:35Z", None, None)
        keys = [sv.TrustedKey(id="did:gatc:24gsRbsURij3edoveHv81jt9EnhggrnR", public_key=PUBLIC)]
        self.assertTrue(sv.verify_proofs(signed, keys, None, None)[0].verdict.valid)
        with self.assertRaises(sv.SsiError) as ctx:
            sv.verify_proofs(signed, [], None, None)
        self.assertEqual(ctx.exception.code, sv.ErrorCode.UNKNOWN_VERIFICATION_METHOD)
        with self.assertRaises(sv.SsiError) as ctx:
            sv.verify_proofs(signed, [sv.TrustedKey(id="did:x", public_key=b"\x00")], None, None)
        self.assertEqual(ctx.exception.code, sv.ErrorCode.INVALID_KEY)

    def test_signed_sample_credential(self):
        credential = load(SAMPLES, "gataca/credential-signed.json")
        self.assertTrue(all(r.verdict.valid for r in sv.verify_proofs(credential, [], None, None)))
        tampered = load(SAMPLES, "gataca/credential-signed-tampered.json")
        self.assertEqual(sv.verify_proofs(tampered, [], None, None)[0].verdict.reason,
                         sv.ErrorCode.SIGNATURE_MISMATCH)


class JwtCredentials(unittest.TestCase):
    def token(self, claims):
        # The ProofSpace Ed25519 body signer signs raw bytes: exactly a JWS EdDSA signature.
        signing_input = b64url(b'{"alg":"EdDSA"}') + "." + b64url(json.dumps(claims).encode())
        sig = base64.b64decode(sv.proofspace_sign_body_ed25519(SEED, signing_input.encode()))
        return signing_input + "." + b64url(sig)

    def test_decode_and_verify(self):
        did = sv.did_key_verification_method(PUBLIC).split("#")[0]
        token = self.token({"iss": did, "nbf": 1700000000, "exp": 2000000000,
                            "vc": {"credentialSubject": {"email": "ann@example.org"}}})
        vc = sv.jwt_vc_decode(token, None)
        self.assertEqual(vc.kind, sv.JwtKind.CREDENTIAL)
        self.assertEqual(json.loads(vc.document_json)["issuanceDate"], "2023-11-14T22:13:20Z")
        policy = sv.JwtCheckPolicy(issuer=None, audience=None, now=1900000000, leeway=60, require_exp=True,
                                   accept_millisecond_times=False)
        check = sv.jwt_vc_verify(token, [], policy, None)
        self.assertTrue(check.verdict.valid)
        self.assertEqual(check.credential, vc)
        policy.now = 2000000061
        self.assertEqual(sv.jwt_vc_verify(token, [], policy, None).verdict.reason, sv.ErrorCode.JWT_EXPIRED)
        with self.assertRaises(sv.SsiError) as ctx:
            sv.jwt_vc_decode(self.token({"iss": did}), None)
        self.assertEqual(ctx.exception.code, sv.ErrorCode.INVALID_CREDENTIAL)


class Gataca(unittest.TestCase):
    def test_openid_vp_request(self):
        uri = load(SAMPLES, "gataca/authentication-request.txt").strip()
        req = sv.openid_vp_parse_request(uri, None)
        base = "https://connect.gataca.io/api/v3/tenants/29KKv46fz3kZ5jvxjBqtAq9RvqJwoA2X/oidc-verifier/Test"
        self.assertEqual(req.scheme, "openid-vp://")
        self.assertEqual(req.client_id, base)
        self.assertEqual(req.response_type, "vp_token")
        self.assertEqual(req.response_mode, "direct_post")
        self.assertEqual(req.request_uri, base + "/request/4m8TLXcRUDpMrXkzorhoTpwMu6pkw4pUtHVSBf422c98")
        self.assertEqual(req.scope, "openid")
        self.assertIsNone(req.nonce)
        self.assertEqual(req.other, [])
        self.assertEqual(sv.openid_vp_parse_request(sv.openid_vp_request_to_uri(req), None), req)
        with self.assertRaises(sv.SsiError.Rule) as ctx:
            sv.openid_vp_parse_request("https://example.com/?client_id=x", None)
        self.assertEqual(ctx.exception.code, sv.ErrorCode.INVALID_OPEN_ID_VP_REQUEST)
        req.request_uri = "http://insecure.example/r"
        with self.assertRaises(sv.SsiError):
            sv.openid_vp_request_to_uri(req)

    def test_webhook_round_trip(self):
        hook = sv.gataca_parse_webhook(load(SAMPLES, "gataca/webhook.json"), None)
        self.assertEqual(hook.status, sv.ProcessStatus.SUCCESS)
        self.assertTrue(hook.verdict.valid)
        body = sv.gataca_build_webhook(hook.id, hook.subject, hook.payload_json, hook.verification_result)
        self.assertEqual(sv.gataca_parse_webhook(body, None), hook)
        failed = sv.VerificationResult(checks=["matchingIds", "newCheck"], warnings=[], errors=["expired"])
        body = sv.gataca_build_webhook("p1", "did:gatc:0000", None, failed)
        parsed = sv.gataca_parse_webhook(body, None)
        self.assertEqual(parsed.status, sv.ProcessStatus.REJECT)
        self.assertEqual(parsed.verdict, sv.Verdict(valid=False, reason=sv.ErrorCode.INVALID_VERIFICATION_RESULT))
        self.assertEqual(parsed.unknown_checks, ["newCheck"])
        self.assertEqual(parsed.unknown_members, [])
        extra = sv.gataca_parse_webhook('{"id":"p","subject":"s","status":"REJECT","trace":1,'
                                        '"verificationResult":{"checks":[],"notes":[]}}', None)
        self.assertEqual(extra.unknown_members, ["trace", "verificationResult.notes"])
        with self.assertRaises(sv.SsiError) as ctx:
            sv.gataca_parse_webhook('{"id":"p","subject":"s","status":"SUCCESS","verificationResult":'
                                    '{"checks":["matchingIds"],"errors":["bad"]}}', None)
        self.assertEqual(ctx.exception.code, sv.ErrorCode.INVALID_VERIFICATION_RESULT)
        with self.assertRaises(sv.SsiError) as ctx:
            sv.gataca_build_webhook("p1", "s", "[1]", failed)
        self.assertEqual(ctx.exception.code, sv.ErrorCode.UNEXPECTED_JSON_TYPE)

    def test_gataca_session_replies(self):
        created = sv.gataca_parse_session(load(SAMPLES, "gataca/session-created.json"), None)
        self.assertEqual(created.document, sv.SessionDocument.CREATED)
        self.assertEqual(created.id, "4m8TLXcRUDpMrXkzorhoTpwMu6pkw4pUtHVSBf422c98")
        self.assertEqual((created.nonce, created.state, created.expired_at), (None, None, None))
        status = sv.gataca_parse_session(load(SAMPLES, "gataca/session-status.json"), None)
        self.assertEqual(status.nonce, "5GpefxLWz3BzLmR69b4wskqeYgE5ZZ21jAvgLXNZNAe4")
        self.assertEqual(status.expired_at, "2025-01-27T19:21:20.504774Z")
        self.assertEqual(status.expires_at_unix, 1738005680)
        self.assertEqual(status.json, load(VECTORS, "gataca-session/session-status.expected.json").strip())
        with self.assertRaises(sv.SsiError) as ctx:
            sv.gataca_parse_session("{}", None)
        self.assertEqual(ctx.exception.code, sv.ErrorCode.INVALID_GATACA_SESSION)
        self.assertEqual(sv.gataca_authorization_from_login("abc.def.ghi", "jwt"), "jwt abc.def.ghi")
        self.assertEqual(sv.gataca_authorization_token("jwt abc.def.ghi"), "abc.def.ghi")
        with self.assertRaises(sv.SsiError) as ctx:
            sv.gataca_authorization_token("Bearer abc")
        self.assertEqual(ctx.exception.code, sv.ErrorCode.INVALID_HEADER)
        self.assertEqual(sv.gataca_login_headers("id", "secret", "tenant-1", "Test"),
                         '{"Authorization":"Basic aWQ6c2VjcmV0","tenant":"tenant-1","ssiconfig":"Test"}')

    def test_api_key_round_trip(self):
        header = sv.gataca_api_key_encode("0f8fad5b-d9cb-469f-a165-70867728950e", "s3cr:et")
        self.assertEqual(header, "Basic MGY4ZmFkNWItZDljYi00NjlmLWExNjUtNzA4Njc3Mjg5NTBlOnMzY3I6ZXQ=")
        parts = sv.gataca_api_key_decode(header)
        self.assertEqual((parts.id, parts.secret, parts.id_is_uuid),
                         ("0f8fad5b-d9cb-469f-a165-70867728950e", "s3cr:et", True))
        self.assertNotIn("s3cr", repr(parts))
        with self.assertRaises(sv.SsiError) as ctx:
            sv.gataca_api_key_encode("a:b", "s")
        self.assertEqual(ctx.exception.code, sv.ErrorCode.INVALID_API_KEY)
        with self.assertRaises(sv.SsiError) as ctx:
            sv.gataca_api_key_decode("Basic !!!")
        self.assertEqual(ctx.exception.code, sv.ErrorCode.INVALID_BASE64)


class PresentationExchange(unittest.TestCase):
    def setUp(self):
        self.definition = load(SAMPLES, "gataca/presentation-definition.json")
        self.email = load(SAMPLES, "gataca/credentials-email.json")
        self.phone = load(SAMPLES, "gataca/credentials-phone-only.json")

    def test_evaluate_and_submission(self):
        good = sv.pe_evaluate(self.definition, self.email, None)
        self.assertTrue(good.verdict.valid)
        evaluation = json.loads(good.evaluation_json)
        self.assertEqual(evaluation["verdict"], "valid")
        self.assertIn('"descriptor_id":"emailCredential"', good.evaluation_json)
        bad = sv.pe_evaluate(self.definition, self.phone, None)
        self.assertEqual(bad.verdict.reason, sv.ErrorCode.SUBMISSION_REQUIREMENT_NOT_SATISFIED)
        sub = sv.pe_build_submission(self.definition, self.email, "sub-1", None)
        submission = json.loads(sub.submission_json)
        self.assertEqual(submission["id"], "sub-1")
        self.assertEqual(submission["definition_id"], "4m8TLXcRUDpMrXkzorhoTpwMu6pkw4pUtHVSBf422c98")
        self.assertEqual(len(sub.credentials), len(submission["descriptor_map"]))
        with self.assertRaises(sv.SsiError) as ctx:
            sv.pe_build_submission(self.definition, self.phone, "sub-1", None)
        self.assertEqual(ctx.exception.code, sv.ErrorCode.SUBMISSION_REQUIREMENT_NOT_SATISFIED)

    def test_lint(self):
        codes = {w.code for w in sv.pe_lint(self.definition, None)}
        self.assertIn("PATTERN_MATCHES_ANY_STRING", codes)
        self.assertEqual(sv.pe_lint(load(SAMPLES, "gataca/email-definition.json"), None), [])

    def test_verify_presentation(self):
        definition = load(SAMPLES, "gataca/email-definition.json")
        policy = sv.PresentationPolicy(challenge=NONCE, domain=None, allow_sha256_prehash=False, now=1767225600)
        ok = sv.pe_verify_presentation(definition, load(SAMPLES, "gataca/presentation.json"), None, [], policy, None)
        self.assertTrue(ok.verdict.valid)
        self.assertIn("presentationProof", ok.verification_result.checks)
        self.assertEqual(ok.verification_result.errors, [])
        bad = sv.pe_verify_presentation(definition, load(SAMPLES, "gataca/presentation-tampered.json"), None, [],
                                        policy, None)
        self.assertEqual(bad.verdict.reason, sv.ErrorCode.INVALID_VERIFICATION_RESULT)
        self.assertTrue(any("SIGNATURE_MISMATCH" in e for e in bad.verification_result.errors))


if __name__ == "__main__":
    unittest.main()
