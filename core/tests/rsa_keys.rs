//! RSA key policy: the key decides the algorithm, sizes are bounded, formats are strict.
#![cfg(feature = "smartid")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

use ssi_verify_core::crypto::rsa::{RsaKey, RsaScheme};
use ssi_verify_core::crypto::HashAlg;
use ssi_verify_core::{ErrorCode, Verdict};

fn data(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn key_formats_and_policy() {
    assert_eq!(RsaKey::from_spki_der(b"\x30\x03\x02\x01\x01", 2048..=4096).unwrap_err().code(), ErrorCode::InvalidKey);
    assert_eq!(
        RsaKey::from_spki_der(&data("rsa1024.spki.der"), 2048..=4096).unwrap_err().code(),
        ErrorCode::KeySizeNotAllowed
    );
    assert_eq!(RsaKey::from_spki_der(&data("rsa1024.spki.der"), 1024..=4096).unwrap().bits(), 1024);
    assert_eq!(
        RsaKey::from_spki_der(&data("ed25519.spki.der"), 2048..=4096).unwrap_err().code(),
        ErrorCode::UnsupportedKey
    );
    assert_eq!(
        RsaKey::from_certificate_der(&data("ec-p256.cert.der"), 2048..=4096).unwrap_err().code(),
        ErrorCode::UnsupportedKey
    );
    assert_eq!(RsaKey::from_certificate_der(b"junk", 2048..=4096).unwrap_err().code(), ErrorCode::InvalidCertificate);
    let pem = String::from_utf8(data("rsa2048.spki.pem")).unwrap();
    assert_eq!(RsaKey::from_spki_pem(&pem, 2048..=4096).unwrap().bits(), 2048);
    assert_eq!(
        RsaKey::from_spki_pem(&pem.replace("PUBLIC KEY", "CERTIFICATE"), 2048..=4096).unwrap_err().code(),
        ErrorCode::InvalidKey
    );
    assert_eq!(
        RsaKey::from_spki_pem(&pem.replace("-----END PUBLIC KEY-----", ""), 2048..=4096).unwrap_err().code(),
        ErrorCode::InvalidKey
    );
    // Exponent rules: odd, 3..=2^33-1. An even modulus is refused; leading zeros do not count.
    let mut n = vec![0xc5u8; 256];
    n[255] = 0x01;
    assert_eq!(RsaKey::from_components(&n, &[1, 0, 1], 2048..=4096).unwrap().bits(), 2048);
    assert_eq!(RsaKey::from_components(&[&[0, 0][..], &n].concat(), &[0, 3], 2048..=4096).unwrap().bits(), 2048);
    for e in [&[1u8][..], &[0], &[], &[1, 0, 0], &[2, 0, 0, 0, 1], &[1, 0, 0, 0, 0, 0, 0, 0, 1]] {
        assert_eq!(RsaKey::from_components(&n, e, 2048..=4096).unwrap_err().code(), ErrorCode::InvalidKey, "e = {e:?}");
    }
    assert_eq!(RsaKey::from_components(&n, &[1, 255, 255, 255, 255], 2048..=4096).unwrap().bits(), 2048);
    n[255] = 0x02;
    assert_eq!(RsaKey::from_components(&n, &[1, 0, 1], 2048..=4096).unwrap_err().code(), ErrorCode::InvalidKey);
    assert_eq!(RsaKey::from_components(&[], &[1, 0, 1], 2048..=4096).unwrap_err().code(), ErrorCode::KeySizeNotAllowed);
}

#[test]
fn openssl_signatures_verify_and_fail_on_change() {
    let key = RsaKey::from_certificate_der(&data("rsa2048.cert.der"), 2048..=4096).unwrap();
    let pkcs1 = data("rsa2048-pkcs1-sha256-hello.sig");
    let pss = data("rsa2048-pss-sha256-hello.sig");
    let v = |scheme, msg: &[u8], sig: &[u8]| key.verify(scheme, msg, sig).unwrap();
    assert_eq!(v(RsaScheme::Pkcs1v15(HashAlg::Sha256), b"hello", &pkcs1), Verdict::Valid);
    assert_eq!(v(RsaScheme::Pss(HashAlg::Sha256), b"hello", &pss), Verdict::Valid);
    // Wrong message, wrong scheme, wrong hash, flipped bit: all checked and failed.
    let bad = Verdict::Invalid(ErrorCode::SignatureMismatch);
    assert_eq!(v(RsaScheme::Pkcs1v15(HashAlg::Sha256), b"hellO", &pkcs1), bad);
    assert_eq!(v(RsaScheme::Pss(HashAlg::Sha256), b"hello", &pkcs1), bad);
    assert_eq!(v(RsaScheme::Pkcs1v15(HashAlg::Sha256), b"hello", &pss), bad);
    assert_eq!(v(RsaScheme::Pkcs1v15(HashAlg::Sha512), b"hello", &pkcs1), bad);
    for i in [0usize, 100, 255] {
        let mut s = pkcs1.clone();
        s[i] ^= 0x01;
        assert_eq!(v(RsaScheme::Pkcs1v15(HashAlg::Sha256), b"hello", &s), bad);
    }
    // A signature not below the modulus is refused before its padding is looked at (RFC 8017
    // 5.2.2 step 1), as is zero.
    assert_eq!(v(RsaScheme::Pkcs1v15(HashAlg::Sha256), b"hello", &[0xff; 256]), bad);
    assert_eq!(v(RsaScheme::Pss(HashAlg::Sha256), b"hello", &[0xff; 256]), bad);
    assert_eq!(v(RsaScheme::Pkcs1v15(HashAlg::Sha256), b"hello", &[0; 256]), bad);
    // The digest itself is never accepted as the message.
    let digest = ssi_verify_core::crypto::sha256(b"hello");
    assert_eq!(v(RsaScheme::Pkcs1v15(HashAlg::Sha256), &digest, &pkcs1), bad);
    // Wrong length cannot be checked at all.
    assert_eq!(
        key.verify(RsaScheme::Pkcs1v15(HashAlg::Sha256), b"hello", &pkcs1[1..]).unwrap_err().code(),
        ErrorCode::InvalidSignatureEncoding
    );
}
