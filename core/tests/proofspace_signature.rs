//! The ProofSpace X-Body-Signature vector (tests/vectors/proofspace/SOURCE.md).
#![cfg(feature = "proofspace")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

use ssi_verify_core::crypto::PublicKey;
use ssi_verify_core::proofspace::auth::{parse_public_key, verify_body_signature};
use ssi_verify_core::{ErrorCode, Verdict};

fn read(name: &str) -> Vec<u8> {
    let path = format!("{}/../tests/vectors/proofspace/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("missing vector file {path}: {e}"))
}

fn key() -> PublicKey {
    parse_public_key(std::str::from_utf8(&read("rsa4096-public.pem")).unwrap()).unwrap()
}

#[test]
fn rsa_sha3_vector_verifies() {
    let body = read("rsa4096-body.json");
    assert_eq!(body.len(), 429);
    let sig = String::from_utf8(read("rsa4096-body.sig.b64")).unwrap();
    assert!(matches!(key(), PublicKey::Rsa(ref k) if k.bits() == 4096));
    assert_eq!(verify_body_signature(&key(), &body, &sig).unwrap(), Verdict::Valid);
}

#[test]
fn every_changed_byte_fails() {
    let body = read("rsa4096-body.json");
    let sig = String::from_utf8(read("rsa4096-body.sig.b64")).unwrap();
    let key = key();
    for i in 0..body.len() {
        let mut changed = body.clone();
        changed[i] ^= 0x20;
        assert_eq!(
            verify_body_signature(&key, &changed, &sig).unwrap(),
            Verdict::Invalid(ErrorCode::SignatureMismatch),
            "byte {i}"
        );
    }
    // Re-serialising the same JSON (a trailing newline, other spacing) is a different body.
    let mut newline = body.clone();
    newline.push(b'\n');
    assert!(!verify_body_signature(&key, &newline, &sig).unwrap().is_valid());
    assert!(!verify_body_signature(&key, &body[..body.len() - 1], &sig).unwrap().is_valid());
}

#[test]
fn signature_encoding_and_key_policy() {
    let body = read("rsa4096-body.json");
    let sig = String::from_utf8(read("rsa4096-body.sig.b64")).unwrap();
    let url_safe = sig.trim().replace('+', "-").replace('/', "_");
    assert_ne!(url_safe, sig.trim());
    assert_eq!(verify_body_signature(&key(), &body, &url_safe).unwrap_err().code(), ErrorCode::InvalidBase64);
    let truncated =
        ssi_verify_core::codec::base64_encode(&ssi_verify_core::codec::base64_decode(sig.trim()).unwrap()[..256]);
    assert_eq!(
        verify_body_signature(&key(), &body, &truncated).unwrap_err().code(),
        ErrorCode::InvalidSignatureEncoding
    );
    // A 1024-bit key is outside ProofSpace's 2048..4096 range.
    let small = std::fs::read(format!("{}/tests/data/rsa1024.spki.der", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let pem = format!(
        "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n",
        ssi_verify_core::codec::base64_encode(&small)
    );
    assert_eq!(parse_public_key(&pem).unwrap_err().code(), ErrorCode::KeySizeNotAllowed);
    let ec = std::fs::read(format!("{}/tests/data/ec-p256.cert.der", env!("CARGO_MANIFEST_DIR"))).unwrap();
    assert!(parse_public_key(&format!(
        "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----",
        ssi_verify_core::codec::base64_encode(&ec)
    ))
    .is_err());
}
