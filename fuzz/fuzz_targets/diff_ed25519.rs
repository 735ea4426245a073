//! Differential Ed25519 verification: the core's `Ed25519PublicKey` (strict: canonical `S`, no
//! small-order public key, no small-order `R`; docs/DESIGN.md) against `ed25519-dalek` called
//! directly with the same policy (`is_weak` + `verify_strict`), and against `ring` (BoringSSL's
//! Ed25519: canonical `S`, cofactorless equation, `R` compared by its encoding).
//!
//! Input: a mode byte, a 32-byte seed, then the message. Modes: a fuzzed public key and
//! signature (the next 96 bytes); a valid signature by the seed's key; that signature with one
//! bit flipped; with `S + L` (non-canonical `S`, RFC 8032 section 5.1.7 step 1); with a
//! small-order `R`; the message with one bit flipped.
//!
//! Known differences with `ring` (fuzz/README.md): `ring` has no small-order checks, so where the
//! public key or `R` is of small order it may accept what the core refuses (RFC 8032 section
//! 5.1.7 does not forbid them; the core's policy does, as `verify_strict` does); and RFC 8032
//! section 5.1.3 says a `y` coordinate at or above p fails to decode, which `ed25519-dalek`'s
//! point decoding does not check (it reduces `y`), so such keys are left out of the `ring`
//! comparison. None with `ed25519-dalek`.
#![no_main]

use ed25519_dalek::{Signer as _, SigningKey, VerifyingKey};
use libfuzzer_sys::fuzz_target;
use ssi_verify_core::crypto::ed25519::Ed25519PublicKey;

/// The group order L, little-endian.
const L: [u8; 32] = [
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
];

/// The eight small-order points' encodings are among these: the identity and a point of order 4.
const SMALL_ORDER_R: [[u8; 32]; 2] =
    [[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [0; 32]];

fn add_l(s: &[u8]) -> Option<[u8; 32]> {
    let mut out = [0u8; 32];
    let mut carry = 0u16;
    for i in 0..32 {
        let v = u16::from(s[i]) + u16::from(L[i]) + carry;
        out[i] = v as u8;
        carry = v >> 8;
    }
    // S + L must still fit the 32 bytes (it does whenever S < 2^256 - L).
    (carry == 0).then_some(out)
}

/// The 255-bit little-endian `y` of an encoding is at or above p = 2^255 - 19.
fn y_not_canonical(encoding: &[u8; 32]) -> bool {
    let top = encoding[31] & 0x7f;
    top == 0x7f && encoding[1..31].iter().all(|&b| b == 0xff) && encoding[0] >= 0xed
}

fn small_order(encoding: &[u8]) -> bool {
    encoding.try_into().ok().and_then(|b: [u8; 32]| VerifyingKey::from_bytes(&b).ok()).is_some_and(|k| k.is_weak())
}

fn core_accepts(pk: &[u8; 32], msg: &[u8], sig: &[u8]) -> bool {
    Ed25519PublicKey::from_bytes(pk).is_ok_and(|k| k.verify(msg, sig).is_ok_and(|v| v.is_valid()))
}

fn dalek_accepts(pk: &[u8; 32], msg: &[u8], sig: &[u8]) -> bool {
    let Ok(key) = VerifyingKey::from_bytes(pk) else { return false };
    let Ok(sig) = ed25519_dalek::Signature::from_slice(sig) else { return false };
    !key.is_weak() && key.verify_strict(msg, &sig).is_ok()
}

fn ring_accepts(pk: &[u8; 32], msg: &[u8], sig: &[u8]) -> bool {
    ring::signature::UnparsedPublicKey::new(&ring::signature::ED25519, pk).verify(msg, sig).is_ok()
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let Some((seed, msg)) = rest.split_first_chunk::<32>() else { return };
    let signing = SigningKey::from_bytes(seed);
    let mut pk = signing.verifying_key().to_bytes();
    let mut msg = msg.to_vec();
    let mut sig = signing.sign(&msg).to_bytes().to_vec();
    let must_accept = mode % 6 == 1;
    match mode % 6 {
        0 => {
            // Fuzzed key and signature; the message is what follows them.
            let Some((key, tail)) = msg.split_first_chunk::<32>() else { return };
            let cut = tail.len().min(64);
            pk = *key;
            sig = tail[..cut].to_vec();
            msg = tail[cut..].to_vec();
        }
        1 => {}
        2 => {
            let bit = usize::from(seed[0]) % 512;
            sig[bit / 8] ^= 1 << (bit % 8);
        }
        3 => match add_l(&sig[32..]) {
            Some(high) => sig[32..].copy_from_slice(&high),
            None => return,
        },
        4 => sig[..32].copy_from_slice(&SMALL_ORDER_R[usize::from(seed[1]) % 2]),
        _ => {
            if msg.is_empty() {
                return;
            }
            let bit = usize::from(seed[0]) % (msg.len() * 8);
            msg[bit / 8] ^= 1 << (bit % 8);
        }
    }
    let ours = core_accepts(&pk, &msg, &sig);
    let dalek = dalek_accepts(&pk, &msg, &sig);
    let ring = ring_accepts(&pk, &msg, &sig);
    assert_eq!(ours, dalek, "core and ed25519-dalek (strict) disagree: pk {pk:02x?} sig {sig:02x?} msg {msg:02x?}");
    if must_accept {
        assert!(ours && ring, "a valid signature is refused: core {ours}, ring {ring}");
    }
    if ours != ring {
        let known = small_order(&pk) || sig.get(..32).is_some_and(small_order) || y_not_canonical(&pk);
        assert!(known, "core {ours}, ring {ring}: pk {pk:02x?} sig {sig:02x?} msg {msg:02x?}");
    }
});
