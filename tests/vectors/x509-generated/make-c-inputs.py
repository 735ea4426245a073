#!/usr/bin/env python3
"""Derives the inputs of the C and binding tests from the generated certificates (run after
generate.py, from this folder): `der/<name>.der` for every PEM here and under
../smartid-trust/ca, and `status/<ee>.status.json`, the real DEMO notification response
(../smartid/vatsake_auth_notification_session-response.json) with its certificate replaced by
the generated one (its signature then belongs to another key; the certificate checks come first).
"""
import base64
import glob
import json
import os

from cryptography import x509
from cryptography.hazmat.primitives import serialization

os.makedirs("der", exist_ok=True)
os.makedirs("status", exist_ok=True)
status = json.load(open("../smartid/vatsake_auth_notification_session-response.json"))
for pem in sorted(glob.glob("*.pem")) + sorted(glob.glob("../smartid-trust/ca/*/*/*.pem")):
    der = x509.load_pem_x509_certificate(open(pem, "rb").read()).public_bytes(serialization.Encoding.DER)
    name = os.path.basename(pem)[:-4]
    if pem.startswith(".."):
        env = pem.split("/")[3]
        name = f"sk-{env}-{name}"
    open(f"der/{name}.der", "wb").write(der)
    if name.startswith("ee-"):
        status["cert"]["value"] = base64.b64encode(der).decode()
        json.dump(status, open(f"status/{name}.status.json", "w"), indent=2)
