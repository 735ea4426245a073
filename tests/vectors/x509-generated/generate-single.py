#!/usr/bin/env python3
"""Generates tests/vectors/x509-generated/single/: self-signed certificates for the rules that
read one certificate (purpose, policies, the subject's identity). The chain is not part of what
they test, so they need no issuer key and generate.py's outputs stay as they are.

Run from this folder: `python3 generate-single.py` (needs python3-cryptography >= 41).
Existing files are kept (delete one to make it again, with a fresh key); the tests depend only
on the extensions and names listed in SOURCE.md.
"""
import os

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from generate import NCP_PLUS, QCP_N_QSCD, SK_AUTH_EKU, SK_Q, build, ku, name, policies, write


def main():
    os.makedirs("single", exist_ok=True)

    def cert(file, exts, serial=None):
        key = ec.generate_private_key(ec.SECP256R1())
        subject = name(None, person=True)
        if serial:
            subject = x509.Name([a if a.oid != NameOID.SERIAL_NUMBER else x509.NameAttribute(NameOID.SERIAL_NUMBER, serial)
                                 for a in subject])
        end_entity = (x509.BasicConstraints(ca=False, path_length=None), True)
        if os.path.exists(os.path.join("single", file)):
            return
        write(os.path.join("single", file), build(subject, subject, key, key, [end_entity] + exts, hash_alg=hashes.SHA256()))

    smart_id_auth = (x509.ExtendedKeyUsage([SK_AUTH_EKU]), False)
    client_auth = (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), False)
    cert("auth-eku-extra-key-usage.pem",
         [(ku(digital_signature=True, key_encipherment=True), True), smart_id_auth, policies(SK_Q, NCP_PLUS)])
    cert("client-auth-digital-signature-only.pem",
         [(ku(digital_signature=True), True), client_auth, policies(SK_Q, NCP_PLUS)])
    cert("client-auth-data-encipherment-only.pem",
         [(ku(data_encipherment=True), True), client_auth, policies(SK_Q, NCP_PLUS)])
    cert("sign-extra-key-usage.pem",
         [(ku(digital_signature=True, content_commitment=True), True), policies(SK_Q, QCP_N_QSCD)])
    auth = [(ku(digital_signature=True), True), smart_id_auth, policies(SK_Q, NCP_PLUS)]
    cert("serial-idc.pem", auth, serial="IDCEE-38312290000")
    cert("serial-short-prefix.pem", auth, serial="PNOE-38312290000")
    cert("serial-empty-identifier.pem", auth, serial="PNOEE-")


if __name__ == "__main__":
    main()
