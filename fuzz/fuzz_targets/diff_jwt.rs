//! Differential JWT verification: `ssi_verify_core::jose::verify_jwt` against `jsonwebtoken`
//! (HS256, EdDSA, ES256) with the same policy (algorithm pinned by the key, `exp` required,
//! `exp` and `nbf` checked with 60 s leeway, no `iss`/`aud` requirement): a token is accepted by
//! both or refused by both. `jsonwebtoken` has no ES256K, so ES256K tokens are compared at the
//! signature level with the `k256` crate (high `s` accepted, as RFC 8812 and the core say).
//!
//! Input: a selector byte (algorithm, signature mode), two bytes of `exp` offset, two of `nbf`
//! offset, then `header JSON \n payload JSON \n signature bytes`. The harness inserts `exp`/`nbf`
//! relative to the clock when asked (`jsonwebtoken` reads the system clock, so the core is given
//! the same second), encodes the parts and either signs the signing input with the fixed key
//! (both must then agree on the claims), flips one bit of that signature, or uses the fuzzed
//! signature bytes.
//!
//! Known differences (fuzz/README.md, with the RFC sections):
//! - `crit` / `b64` headers: the core refuses them (RFC 7515 section 4.1.11), `jsonwebtoken`
//!   ignores them;
//! - repeated member names: the core refuses them, `jsonwebtoken` takes the last (RFC 7519
//!   section 4 allows either);
//! - header members `jsonwebtoken` reads into typed fields (`typ`, `cty`, `kid`, `jku`, `jwk`,
//!   `x5u`, `x5c`, `x5t`, `x5t#S256`) with another JSON type or shape: `jsonwebtoken` refuses,
//!   the core ignores parameters it does not use (RFC 7515 section 4: optional parameters);
//! - time claims (`exp`, `nbf`, `iat`) that are not plain non-negative integers below 10^11:
//!   NumericDate may carry a fraction (RFC 7519 section 2); the core truncates, `jsonwebtoken`
//!   rounds; the core refuses millisecond values and checks `iat`, `jsonwebtoken` does not.
#![no_main]

use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use libfuzzer_sys::fuzz_target;
use p256::ecdsa::signature::Signer as _;
use ssi_verify_core::crypto::ecdsa::{EcCurve, EcdsaPublicKey};
use ssi_verify_core::crypto::ed25519::Ed25519PublicKey;
use ssi_verify_core::jose::{verify_jwt, CompactJws, JwsKey, JwtPolicy};
use ssi_verify_core::Limits;

const SECRET: &[u8; 32] = b"diff-jwt-fixed-hs256-secret-32-b";
const SEED: [u8; 32] = [0x42; 32];
const LEEWAY: i64 = 60;

struct Keys {
    ed: Ed25519PublicKey,
    ed_signing: ed25519_dalek::SigningKey,
    p256: EcdsaPublicKey,
    p256_signing: p256::ecdsa::SigningKey,
    k256: EcdsaPublicKey,
    k256_signing: k256::ecdsa::SigningKey,
    their_hmac: DecodingKey,
    their_ed: DecodingKey,
    their_p256: DecodingKey,
}

fn keys() -> &'static Keys {
    static CELL: OnceLock<Keys> = OnceLock::new();
    CELL.get_or_init(|| {
        let ed_signing = ed25519_dalek::SigningKey::from_bytes(&SEED);
        let ed_public = ed_signing.verifying_key().to_bytes();
        let p256_signing = p256::ecdsa::SigningKey::from_slice(&SEED).expect("fixed P-256 key");
        let point = p256_signing.verifying_key().to_encoded_point(false);
        let k256_signing = k256::ecdsa::SigningKey::from_slice(&SEED).expect("fixed secp256k1 key");
        let k_point = k256_signing.verifying_key().to_encoded_point(false);
        Keys {
            ed: Ed25519PublicKey::from_bytes(&ed_public).expect("fixed Ed25519 key"),
            p256: EcdsaPublicKey::from_sec1(EcCurve::P256, point.as_bytes()).expect("fixed P-256 point"),
            k256: EcdsaPublicKey::from_sec1(EcCurve::Secp256k1, k_point.as_bytes()).expect("fixed k256 point"),
            their_hmac: DecodingKey::from_secret(SECRET),
            their_ed: DecodingKey::from_ed_components(&URL_SAFE_NO_PAD.encode(ed_public)).expect("ed jwk"),
            their_p256: DecodingKey::from_ec_components(
                &URL_SAFE_NO_PAD.encode(point.x().expect("x")),
                &URL_SAFE_NO_PAD.encode(point.y().expect("y")),
            )
            .expect("ec jwk"),
            ed_signing,
            p256_signing,
            k256_signing,
        }
    })
}

#[derive(Clone, Copy, Debug)]
enum Alg {
    Hs256,
    EdDsa,
    Es256,
    Es256K,
}

fn sign(alg: Alg, input: &[u8]) -> Vec<u8> {
    let k = keys();
    match alg {
        Alg::Hs256 => ring::hmac::sign(&ring::hmac::Key::new(ring::hmac::HMAC_SHA256, SECRET), input).as_ref().to_vec(),
        Alg::EdDsa => ed25519_dalek::Signer::sign(&k.ed_signing, input).to_bytes().to_vec(),
        Alg::Es256 => {
            let s: p256::ecdsa::Signature = k.p256_signing.sign(input);
            s.to_bytes().to_vec()
        }
        Alg::Es256K => {
            let s: k256::ecdsa::Signature = k.k256_signing.sign(input);
            s.to_bytes().to_vec()
        }
    }
}

fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

/// `text` with `"name":value` inserted first when `text` starts with `{`.
fn insert_member(text: &str, name: &str, value: i64) -> String {
    match text.strip_prefix('{') {
        Some(rest) if rest.trim_start().starts_with('}') => format!("{{\"{name}\":{value}{rest}"),
        Some(rest) => format!("{{\"{name}\":{value},{rest}"),
        None => text.to_string(),
    }
}

/// Whether `text` repeats a member name somewhere: the core refuses it with `DUPLICATE_KEY`.
fn has_duplicates(text: &str) -> bool {
    ssi_verify_core::json::Value::parse(text, &Limits::DEFAULT)
        .is_err_and(|e| e.code() == ssi_verify_core::ErrorCode::DuplicateKey)
}

const TYPED_HEADER_MEMBERS: [&str; 9] = ["typ", "cty", "kid", "jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256"];

/// Whether serde_json refuses `text` for a number beyond the double range (RFC 8259 section 6
/// lets a parser limit the range; the core keeps number texts and reads only the claims it uses).
fn beyond_double_range(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text).is_err_and(|e| e.to_string().starts_with("number out of range"))
}

/// Whether the input falls under one of the documented differences.
fn known_difference(header: &str, payload: &str) -> bool {
    if has_duplicates(header) || has_duplicates(payload) {
        return true;
    }
    if beyond_double_range(header) || beyond_double_range(payload) {
        return true;
    }
    let h: Option<serde_json::Map<String, serde_json::Value>> = serde_json::from_str(header).ok();
    if let Some(h) = &h {
        if h.contains_key("crit") || h.contains_key("b64") {
            return true;
        }
        if TYPED_HEADER_MEMBERS.iter().any(|m| h.contains_key(*m))
            && serde_json::from_str::<jsonwebtoken::Header>(header).is_err()
        {
            return true;
        }
    }
    let claims: Option<serde_json::Map<String, serde_json::Value>> = serde_json::from_str(payload).ok();
    if let Some(c) = &claims {
        for name in ["exp", "nbf", "iat"] {
            if let Some(v) = c.get(name) {
                if !v.as_u64().is_some_and(|n| n < 100_000_000_000) {
                    return true;
                }
            }
        }
    }
    false
}

fn core_accepts(alg: Alg, token: &str, now: i64) -> bool {
    let k = keys();
    let key = match alg {
        Alg::Hs256 => JwsKey::Hmac(SECRET),
        Alg::EdDsa => JwsKey::Ed25519(&k.ed),
        Alg::Es256 => JwsKey::Ecdsa(&k.p256),
        Alg::Es256K => JwsKey::Ecdsa(&k.k256),
    };
    verify_jwt(token, &key, &JwtPolicy::at(now as u64), &Limits::DEFAULT).is_ok_and(|c| c.verdict.is_valid())
}

fn jsonwebtoken_accepts(alg: Alg, token: &str) -> bool {
    let k = keys();
    let (algorithm, key) = match alg {
        Alg::Hs256 => (Algorithm::HS256, &k.their_hmac),
        Alg::EdDsa => (Algorithm::EdDSA, &k.their_ed),
        Alg::Es256 => (Algorithm::ES256, &k.their_p256),
        Alg::Es256K => unreachable!("jsonwebtoken has no ES256K"),
    };
    let mut validation = Validation::new(algorithm);
    validation.leeway = LEEWAY as u64;
    validation.validate_exp = true;
    validation.validate_nbf = true;
    validation.validate_aud = false;
    jsonwebtoken::decode::<serde_json::Value>(token, key, &validation).is_ok()
}

/// ES256K: the core's signature check against `k256` directly on the same signing input.
fn compare_es256k(token: &str, header: &str) {
    let Ok(jws) = CompactJws::parse(token, &Limits::DEFAULT) else { return };
    let ours = jws.verify_signature(&JwsKey::Ecdsa(&keys().k256)).is_ok_and(|v| v.is_valid());
    let Some((input, sig)) = token.rsplit_once('.') else { return };
    let alg_ok = serde_json::from_str::<serde_json::Value>(header)
        .ok()
        .and_then(|h| h.get("alg").and_then(|a| a.as_str()).map(|a| a == "ES256K"))
        .unwrap_or(false);
    let theirs = alg_ok
        && URL_SAFE_NO_PAD.decode(sig).ok().and_then(|b| k256::ecdsa::Signature::from_slice(&b).ok()).is_some_and(
            |s| {
                let s = s.normalize_s().unwrap_or(s);
                k256::ecdsa::signature::Verifier::verify(keys().k256_signing.verifying_key(), input.as_bytes(), &s)
                    .is_ok()
            },
        );
    if ours != theirs && !known_difference(header, "{}") {
        panic!("ES256K signature check: core {ours}, k256 {theirs} for {token:?}");
    }
}

/// Once per process: a plainly valid token of each algorithm is accepted by both sides, so the
/// comparison below is not two verifiers refusing everything alike.
fn self_check() {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        for (alg, name) in
            [(Alg::Hs256, "HS256"), (Alg::EdDsa, "EdDSA"), (Alg::Es256, "ES256"), (Alg::Es256K, "ES256K")]
        {
            let t0 = now();
            let header = format!(r#"{{"alg":"{name}","typ":"JWT"}}"#);
            let payload = format!(r#"{{"sub":"s","exp":{}}}"#, t0 + 3600);
            let mut token = format!("{}.{}", URL_SAFE_NO_PAD.encode(&header), URL_SAFE_NO_PAD.encode(&payload));
            let sig = sign(alg, token.as_bytes());
            token = format!("{token}.{}", URL_SAFE_NO_PAD.encode(sig));
            assert!(core_accepts(alg, &token, t0), "core refuses a valid {name} token");
            if !matches!(alg, Alg::Es256K) {
                assert!(jsonwebtoken_accepts(alg, &token), "jsonwebtoken refuses a valid {name} token");
            }
        }
    });
}

fuzz_target!(|data: &[u8]| {
    self_check();
    let Some((&[sel, e0, e1, n0, n1], rest)) = data.split_first_chunk::<5>().map(|(a, b)| (a, b)) else { return };
    let alg = [Alg::Hs256, Alg::EdDsa, Alg::Es256, Alg::Es256K][usize::from(sel & 3)];
    let mut parts = rest.splitn(3, |&b| b == b'\n');
    let (Some(header), Some(payload)) = (parts.next(), parts.next()) else { return };
    let fuzzed_sig = parts.next().unwrap_or_default();
    let (Ok(header), Ok(payload)) = (std::str::from_utf8(header), std::str::from_utf8(payload)) else { return };
    let t0 = now();
    let mut payload = payload.to_string();
    // Offsets within ±(leeway + 2) s of a boundary would race the clock between the two calls.
    let exp_offset = i64::from(i16::from_le_bytes([e0, e1]));
    let nbf_offset = i64::from(i16::from_le_bytes([n0, n1]));
    if sel & 0x10 != 0 {
        if (exp_offset + LEEWAY).abs() <= 2 {
            return;
        }
        payload = insert_member(&payload, "exp", t0 + exp_offset);
    }
    if sel & 0x20 != 0 {
        if (nbf_offset - LEEWAY).abs() <= 2 {
            return;
        }
        payload = insert_member(&payload, "nbf", t0 + nbf_offset);
    }
    let mut token = format!("{}.{}", URL_SAFE_NO_PAD.encode(header), URL_SAFE_NO_PAD.encode(&payload));
    let signature = match (sel >> 2) & 3 {
        0 => fuzzed_sig.to_vec(),
        1 => {
            let mut s = sign(alg, token.as_bytes());
            let bit = usize::from(e0 ^ n1) % (s.len() * 8);
            s[bit / 8] ^= 1 << (bit % 8);
            s
        }
        _ => sign(alg, token.as_bytes()),
    };
    token.push('.');
    token.push_str(&URL_SAFE_NO_PAD.encode(&signature));
    if let Alg::Es256K = alg {
        compare_es256k(&token, header);
        return;
    }
    let ours = core_accepts(alg, &token, t0);
    let theirs = jsonwebtoken_accepts(alg, &token);
    if now() != t0 {
        return; // the clock moved between the two verifications
    }
    if ours != theirs && !known_difference(header, &payload) {
        panic!(
            "{alg:?}: core {ours}, jsonwebtoken {theirs}\n header {header:?}\n payload {payload:?}\n token {token:?}"
        );
    }
});
