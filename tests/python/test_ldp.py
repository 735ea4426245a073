"""Issue 14 through the generated UniFFI Python bindings: Linked Data proofs
(Ed25519Signature2018, JsonWebSignature2020, eddsa-rdfc-2022, ecdsa-rdfc-2019) in `vc_verify`
and `pe_verify`, with the example vocabulary registered through `VerifyOptions.contexts`."""

import json
import os
import unittest

import ssi_verify as sv

HERE = os.path.dirname(__file__)
SAMPLES = os.path.join(HERE, "..", "..", "samples")
LDP = os.path.join(SAMPLES, "ldp")
NONCE = "5GpefxLWz3BzLmR69b4wskqeYgE5ZZ21jAvgLXNZNAe4"
NOW = 1767225600
CONTEXT_URL = "https://example.org/ssi-verify/email/v1"


def load(*parts):
    with open(os.path.join(*parts), encoding="utf-8") as f:
        return f.read()


def options(contexts=True, profile=sv.VerifierProfile.STRICT, challenge=None, domain=None):
    ctx = [sv.JsonLdContext(url=CONTEXT_URL, document=load(LDP, "context-email-v1.jsonld"))] if contexts else []
    return sv.VerifyOptions(challenge=challenge, domain=domain, allow_sha256_prehash=False, now=NOW, leeway=60,
                            profile=profile, status_lists=[], contexts=ctx)


VCS = [("vc-ed25519-2018.json", "Ed25519Signature2018"), ("vc-jws2020-es256.json", "JsonWebSignature2020"),
       ("vc-eddsa-rdfc-2022.json", "eddsa-rdfc-2022"), ("vc-ecdsa-rdfc-2019-p256.json", "ecdsa-rdfc-2019"),
       ("vc-ecdsa-rdfc-2019-p384.json", "ecdsa-rdfc-2019"),
       ("vc-secp256k1-2019.json", "EcdsaSecp256k1Signature2019"), ("vc-rsa-2018.json", "RsaSignature2018"),
       ("vc-eddsa-jcs-2022.json", "eddsa-jcs-2022"), ("vc-ecdsa-jcs-2019-p256.json", "ecdsa-jcs-2019")]


class LinkedDataProofTest(unittest.TestCase):
    def test_vc_verify_each_suite(self):
        for name, suite in VCS:
            text = load(LDP, name)
            report = sv.vc_verify(text, "", options(), None)
            self.assertTrue(report.verdict.valid, report.json)
            self.assertEqual(json.loads(report.json)["suite"], suite)
            vc = json.loads(text)
            vc["credentialSubject"]["email"] = "mallory@example.org"
            bad = sv.vc_verify(json.dumps(vc), "", options(), None)
            self.assertFalse(bad.verdict.valid)
            self.assertEqual(json.loads(bad.json)["errors"],
                             ["Credential couldn't be cryptographically validated (SIGNATURE_MISMATCH)"])
            with self.assertRaises(sv.SsiError) as e:
                sv.vc_verify(text, "", options(contexts=False), None)
            self.assertEqual(e.exception.error_code(), sv.ErrorCode.UNKNOWN_CONTEXT)
        vc = json.loads(load(LDP, "vc-ed25519-2018.json"))
        vc["credentialSubject"]["nickname"] = "annie"
        with self.assertRaises(sv.SsiError) as e:
            sv.vc_verify(json.dumps(vc), "", options(), None)
        self.assertEqual(e.exception.error_code(), sv.ErrorCode.UNDEFINED_TERM)

    def test_pe_verify_seed_definition(self):
        seed = load(SAMPLES, "gataca", "presentation-definition.json")
        o = options(profile=sv.VerifierProfile.GATACA, challenge=NONCE, domain="verifier.example.org")
        for name in ["vp-ed25519-2018.json", "vp-jws2020.json", "vp-secp256k1-2019.json", "vp-rsa-2018.json"]:
            r = sv.pe_verify(seed, load(LDP, name), None, "", o, None)
            self.assertTrue(r.verdict.valid, r.json)
            self.assertIn("credentialProof", json.loads(r.json)["checks"])
        di = load(LDP, "presentation-definition-di.json")
        o = options(challenge=NONCE, domain="verifier.example.org")
        r = sv.pe_verify(di, load(LDP, "vp-eddsa-rdfc-2022.json"), None, "", o, None)
        self.assertTrue(r.verdict.valid, r.json)
        vp = json.loads(load(LDP, "vp-eddsa-rdfc-2022.json"))
        vp["verifiableCredential"][0]["credentialSubject"]["email"] = "mallory@example.org"
        r = sv.pe_verify(di, json.dumps(vp), None, "", o, None)
        self.assertFalse(r.verdict.valid)


if __name__ == "__main__":
    unittest.main()
