"""Issue 12 through the generated UniFFI Python bindings: one credential (`vc_verify`) and
presentations with verifier profiles and status lists (`pe_verify`)."""

import json
import os
import unittest

import ssi_verify as sv

HERE = os.path.dirname(__file__)
SAMPLES = os.path.join(HERE, "..", "..", "samples", "gataca")
ISSUE12 = os.path.join(SAMPLES, "issue12")
NONCE = "5GpefxLWz3BzLmR69b4wskqeYgE5ZZ21jAvgLXNZNAe4"
NOW = 1767225600
URL = "https://status.example.org/credentials/status/1"


def load(*parts):
    with open(os.path.join(*parts), encoding="utf-8") as f:
        return f.read()


def options(profile=sv.VerifierProfile.STRICT, lists=True, challenge=None):
    status = [sv.StatusListCredential(url=URL, credential=load(ISSUE12, "status-list.json"))] if lists else []
    return sv.VerifyOptions(challenge=challenge, domain=None, allow_sha256_prehash=False, now=NOW, leeway=60,
                            profile=profile, status_lists=status)


class CredentialTest(unittest.TestCase):
    def test_vc_verify(self):
        for name, suite in [("vc-es256.jwt", "ES256"), ("vc-es256k.json", "ES256K"),
                            ("vc-jcs.json", "JcsEd25519Signature2020")]:
            report = sv.vc_verify(load(ISSUE12, name), "", options(), None)
            self.assertTrue(report.verdict.valid, report.json)
            self.assertEqual(json.loads(report.json)["suite"], suite)
            with self.assertRaises(sv.SsiError) as e:
                sv.vc_verify(load(ISSUE12, name), "", options(lists=False), None)
            self.assertEqual(e.exception.error_code(), sv.ErrorCode.STATUS_LIST_MISSING)
        revoked = sv.vc_verify(load(ISSUE12, "vc-es256-revoked.jwt"), "", options(), None)
        self.assertFalse(revoked.verdict.valid)
        self.assertEqual(json.loads(revoked.json)["errors"], ["Credential status not valid (CREDENTIAL_REVOKED)"])

    def test_pe_verify(self):
        seed = load(SAMPLES, "presentation-definition.json")
        for name in ["vp-jcs.json", "vp-es256.json", "vp-es256k.jwt"]:
            r = sv.pe_verify(seed, load(ISSUE12, name), None, "",
                             options(sv.VerifierProfile.GATACA, lists=False, challenge=NONCE), None)
            self.assertTrue(r.verdict.valid, r.json)
        resigned = load(ISSUE12, "presentation-definition-resigned.json")
        store = load(ISSUE12, "trust-store.json")
        r = sv.pe_verify(resigned, load(ISSUE12, "vp-es256k.json"), None, store, options(challenge=NONCE), None)
        self.assertTrue(r.verdict.valid, r.json)
        self.assertIn("definitionProof", json.loads(r.json)["checks"])


if __name__ == "__main__":
    unittest.main()
