#!/usr/bin/env python3
"""Generates the certificates of tests/vectors/x509-generated (each built for one failure).

Run from this folder: `python3 generate.py` (needs python3-cryptography >= 41). Keys are fresh
each run, so the outputs change; the tests only depend on the structure described in SOURCE.md.
Every certificate is valid from 2025-01-01 to 2035-01-01 unless its name says otherwise; the
tests validate at 2026-06-01T00:00:00Z (1780272000).
"""
import datetime as dt

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID, ObjectIdentifier

UTC = dt.timezone.utc
START, END = dt.datetime(2025, 1, 1, tzinfo=UTC), dt.datetime(2035, 1, 1, tzinfo=UTC)

SK_AUTH_EKU = ObjectIdentifier("1.3.6.1.4.1.62306.5.7.0")
SK_Q, SK_NQ = "1.3.6.1.4.1.10015.17.2", "1.3.6.1.4.1.10015.17.1"
SK_TEST_Q = "1.3.6.1.4.1.10015.3.17.2"
NCP_PLUS, NCP, QCP_N_QSCD = "0.4.0.2042.1.2", "0.4.0.2042.1.1", "0.4.0.194112.1.2"
# qcStatements with one QcType statement listing id-etsi-qct-esign (DER, hand-assembled).
QC_ESIGN = bytes.fromhex("3015" "3013" "060604008e460106" "3009" "060704008e46010601")


def name(cn, person=False):
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "EE")]
    if person:
        attrs += [
            x509.NameAttribute(NameOID.COMMON_NAME, "TEST,OK"),
            x509.NameAttribute(NameOID.SURNAME, "TEST"),
            x509.NameAttribute(NameOID.GIVEN_NAME, "OK"),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, "PNOEE-40504040001"),
        ]
    else:
        attrs += [x509.NameAttribute(NameOID.ORGANIZATION_NAME, "ssi-verify tests"),
                  x509.NameAttribute(NameOID.COMMON_NAME, cn)]
    return x509.Name(attrs)


def ku(**bits):
    names = ["digital_signature", "content_commitment", "key_encipherment", "data_encipherment",
             "key_agreement", "key_cert_sign", "crl_sign", "encipher_only", "decipher_only"]
    return x509.KeyUsage(**{n: bits.get(n, False) for n in names})


def build(subject, issuer_name, issuer_key, key, exts, start=START, end=END, hash_alg=hashes.SHA256()):
    b = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer_name)
         .public_key(key.public_key()).serial_number(x509.random_serial_number())
         .not_valid_before(start).not_valid_after(end))
    for ext, critical in exts:
        b = b.add_extension(ext, critical=critical)
    return b.sign(issuer_key, hash_alg)


def ca_exts(path_len, usage=None):
    return [(x509.BasicConstraints(ca=True, path_length=path_len), True),
            (usage or ku(key_cert_sign=True, crl_sign=True), True)]


def policies(*oids):
    return (x509.CertificatePolicies([x509.PolicyInformation(ObjectIdentifier(o), None) for o in oids]), False)


def auth_exts(pols=(SK_Q, NCP_PLUS), usage=None, ca=False):
    return [(x509.BasicConstraints(ca=ca, path_length=None), True),
            (usage or ku(digital_signature=True), True),
            (x509.ExtendedKeyUsage([SK_AUTH_EKU]), False),
            policies(*pols)]


def write(file, cert):
    with open(file, "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))


def main():
    root_key = ec.generate_private_key(ec.SECP384R1())
    root_name = name("Generated Test Root")
    root = build(root_name, root_name, root_key, root_key, ca_exts(None), hash_alg=hashes.SHA384())
    write("root.pem", root)

    int_key = ec.generate_private_key(ec.SECP256R1())
    int_name = name("Generated Test Intermediate")
    write("intermediate.pem", build(int_name, root_name, root_key, int_key, ca_exts(0), hash_alg=hashes.SHA384()))

    def ee(file, exts, **kw):
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        cert = build(name(None, person=True), int_name, int_key, key, exts, **kw)
        write(file, cert)
        return key, cert

    ee_key, good = ee("ee-auth-qualified.pem", auth_exts())
    ee("ee-auth-advanced.pem", auth_exts(pols=(SK_NQ, NCP)))
    ee("ee-auth-test-arc.pem", auth_exts(pols=(SK_TEST_Q, NCP_PLUS)))
    ee("ee-auth-no-digital-signature.pem", auth_exts(usage=ku(key_encipherment=True)))
    ee("ee-auth-is-ca.pem", auth_exts(ca=True))
    ee("ee-expired.pem", auth_exts(), start=dt.datetime(2020, 1, 1, tzinfo=UTC), end=dt.datetime(2021, 1, 1, tzinfo=UTC))
    ee("ee-not-yet-valid.pem", auth_exts(), start=dt.datetime(2030, 1, 1, tzinfo=UTC))
    unknown = x509.UnrecognizedExtension(ObjectIdentifier("2.999.1"), b"\x05\x00")
    ee("ee-unknown-critical-extension.pem", auth_exts() + [(unknown, True)])
    ee("ee-unknown-noncritical-extension.pem", auth_exts() + [(unknown, False)])
    qc = x509.UnrecognizedExtension(ObjectIdentifier("1.3.6.1.5.5.7.1.3"), QC_ESIGN)
    ee("ee-sign-qualified.pem", [(x509.BasicConstraints(ca=False, path_length=None), True),
                                  (ku(content_commitment=True), True), policies(SK_Q, QCP_N_QSCD), (qc, False)])

    # Broken chain signature: the good certificate with one signature bit flipped.
    der = bytearray(good.public_bytes(serialization.Encoding.DER))
    der[-10] ^= 1
    write("ee-bad-signature.pem", x509.load_der_x509_certificate(bytes(der)))

    # An end-entity certificate used as a CA.
    by_ee = build(name("Issued by an end entity"), good.subject, ee_key,
                  rsa.generate_private_key(public_exponent=65537, key_size=2048), auth_exts())
    write("ee-issued-by-end-entity.pem", by_ee)

    # A CA without keyCertSign, and what it issued.
    nokcs_key = ec.generate_private_key(ec.SECP256R1())
    nokcs_name = name("Generated Intermediate without keyCertSign")
    write("intermediate-no-keycertsign.pem",
          build(nokcs_name, root_name, root_key, nokcs_key, ca_exts(0, ku(digital_signature=True, crl_sign=True))))
    write("ee-under-no-keycertsign.pem", build(name(None, True), nokcs_name, nokcs_key,
                                               rsa.generate_private_key(public_exponent=65537, key_size=2048), auth_exts()))

    # Path too long: intermediate (pathLen 0) -> sub-intermediate -> end entity.
    sub_key = ec.generate_private_key(ec.SECP256R1())
    sub_name = name("Generated Sub-Intermediate")
    write("sub-intermediate.pem", build(sub_name, int_name, int_key, sub_key, ca_exts(None)))
    write("ee-under-sub-intermediate.pem", build(name(None, True), sub_name, sub_key,
                                                 rsa.generate_private_key(public_exponent=65537, key_size=2048), auth_exts()))


if __name__ == "__main__":
    main()
