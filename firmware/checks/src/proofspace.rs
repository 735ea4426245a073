//! ProofSpace `X-Body-Signature` with the published RSA-4096 vector (PKCS#1 v1.5, SHA3-256, key
//! from SPKI PEM).

use super::Failure;
use ssi_verify_core::proofspace::auth::{parse_public_key, verify_body_signature};
use ssi_verify_core::proofspace::request_view::RequestView;
use ssi_verify_core::{Limits, Verdict};

use super::proofspace_ed25519::BODY;
const PEM: &str = include_str!("../../../tests/vectors/proofspace/rsa4096-public.pem");
const SIG: &str = include_str!("../../../tests/vectors/proofspace/rsa4096-body.sig.b64");
// The repository's RSA-2048 signing vector over the same body: the size mbed TLS's published
// Cortex-M4 figure is for.
const PEM_2048: &str = include_str!("../../../tests/vectors/proofspace/rsa2048-public.pem");
const SIG_2048: &str = include_str!("../../../tests/vectors/proofspace/rsa2048-body.sig.b64");

/// The ProofSpace RSA-4096 body vector verifies and a changed body does not.
pub(crate) fn check_body_rsa() -> Result<(), Failure> {
    let key = parse_public_key(PEM)?;
    if verify_body_signature(&key, BODY, SIG)? != Verdict::Valid {
        return Err(Failure::Mismatch("the RSA-4096 body vector did not verify"));
    }
    let mut changed = alloc::vec::Vec::from(BODY);
    if let Some(b) = changed.first_mut() {
        *b ^= 1;
    }
    if verify_body_signature(&key, &changed, SIG)? == Verdict::Valid {
        return Err(Failure::Mismatch("a changed body verified"));
    }
    Ok(())
}

#[inline(never)]
fn verify() -> bool {
    parse_public_key(PEM).and_then(|key| verify_body_signature(&key, BODY, SIG)).is_ok_and(|v| v == Verdict::Valid)
}

#[inline(never)]
fn verify_2048() -> bool {
    parse_public_key(PEM_2048)
        .and_then(|key| verify_body_signature(&key, BODY, SIG_2048))
        .is_ok_and(|v| v == Verdict::Valid)
}

/// The request the signed body holds, read without a tree or copies (what a webhook handler
/// does after the signature).
#[inline(never)]
fn read_request() -> bool {
    core::str::from_utf8(BODY)
        .ok()
        .and_then(|body| RequestView::parse(body, &Limits::DEFAULT).ok())
        .is_some_and(|r| r.received_credentials.len() == 1 && r.received_credentials[0].fields.len() == 1)
}

/// The key parsing alone, so the tables can tell it from the signature check.
#[inline(never)]
fn parse() -> bool {
    parse_public_key(PEM).is_ok()
}

pub(crate) const ENTRIES: &[super::Entry] = &[
    ("proofspace::parse_public_key + verify_body_signature RSA-4096", verify, 32),
    ("proofspace::parse_public_key RSA-4096 (PEM, SPKI)", parse, 32),
    ("proofspace::parse_public_key + verify_body_signature RSA-2048", verify_2048, 32),
    ("proofspace::RequestView::parse (the 429-byte body)", read_request, 8),
];
