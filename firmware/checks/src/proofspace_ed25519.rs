//! ProofSpace `X-Body-Signature` with an Ed25519 key: the path a kiosk holding only an Ed25519
//! key links (`verify_body_signature_ed25519`, no RSA code reachable).

use super::Failure;
use ssi_verify_core::crypto::ed25519::Ed25519PublicKey;
#[cfg(feature = "signing")]
use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;
#[cfg(feature = "signing")]
use ssi_verify_core::proofspace::auth::sign_body_ed25519;
use ssi_verify_core::proofspace::auth::verify_body_signature_ed25519;
use ssi_verify_core::Verdict;

pub(crate) const BODY: &[u8] = include_bytes!("../../../tests/vectors/proofspace/rsa4096-body.json");
#[cfg(feature = "signing")]
const ED_SEED: [u8; 32] = [7; 32];
/// The public key of the seed `[7; 32]` (RFC 8032 key generation; checked with `signing`), as a device stores it:
/// the measured verification starts from these 32 bytes, without a key derivation in front.
const PUBLIC: [u8; 32] = [
    0xea, 0x4a, 0x6c, 0x63, 0xe2, 0x9c, 0x52, 0x0a, 0xbe, 0xf5, 0x50, 0x7b, 0x13, 0x2e, 0xc5, 0xf9, 0x95, 0x47, 0x76,
    0xae, 0xbe, 0xbe, 0x7b, 0x92, 0x42, 0x1e, 0xea, 0x69, 0x14, 0x46, 0xd2, 0x2c,
];
/// `BODY` signed with that seed (`ssi-verify proofspace sign-body`), so the verification is
/// measured without a signing step in front of it.
const SIGNATURE: &str = "XrF3BltKaokWBwpdGoOGnJ7+txL2P9p7igkkuyoZqCbhAguJapvbpyvf/MtyLlOXWOLs2U8sCnCeDiufNtymDw==";

/// The fixed signature verifies with the fixed key, and not over a changed body; with the
/// `signing` feature, key generation and signing also reproduce the fixed key and signature.
pub(crate) fn check_body_ed25519() -> Result<(), Failure> {
    #[cfg(feature = "signing")]
    {
        let secret = Ed25519SecretKey::from_slice(&ED_SEED)?;
        if sign_body_ed25519(&secret, BODY) != SIGNATURE {
            return Err(Failure::Mismatch("Ed25519 signing does not reproduce the fixed signature"));
        }
        if secret.public_key().to_bytes() != PUBLIC {
            return Err(Failure::Mismatch("Ed25519 key generation does not reproduce the fixed public key"));
        }
    }
    let public = Ed25519PublicKey::from_bytes(&PUBLIC)?;
    if verify_body_signature_ed25519(&public, BODY, SIGNATURE)? != Verdict::Valid {
        return Err(Failure::Mismatch("the Ed25519 body signature did not verify"));
    }
    if verify_body_signature_ed25519(&public, BODY.get(1..).unwrap_or(&[]), SIGNATURE)? == Verdict::Valid {
        return Err(Failure::Mismatch("an Ed25519 signature verified over a changed body"));
    }
    Ok(())
}

/// What a kiosk does per request: the stored key's 32 bytes, the body and its header.
#[inline(never)]
fn verify() -> bool {
    Ed25519PublicKey::from_bytes(&PUBLIC)
        .and_then(|public| verify_body_signature_ed25519(&public, BODY, SIGNATURE))
        .is_ok_and(|v| v == Verdict::Valid)
}

/// Signing, for comparison with published signing figures (not part of a verifier).
#[cfg(feature = "signing")]
#[inline(never)]
fn sign() -> bool {
    sign_body_ed25519(&Ed25519SecretKey::from_bytes(&ED_SEED), BODY) == SIGNATURE
}

pub(crate) const ENTRIES: &[super::Entry] = &[
    ("proofspace::verify_body_signature_ed25519 (key bytes, 429-byte body)", verify, 32),
    #[cfg(feature = "signing")]
    ("proofspace::sign_body_ed25519 (key derivation + signing)", sign, 32),
];
