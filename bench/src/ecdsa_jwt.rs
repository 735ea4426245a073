//! ES256 (P-256) and ES256K (secp256k1) JWTs for the `jwt_verify_es256` / `jwt_verify_es256k`
//! groups: tokens signed here with fixed keys over the claims of the EdDSA vector, verified by
//! ssi-verify (whole JWT: parse, signature, claims) and by the `p256` / `k256` crates alone
//! (`VerifyingKey::verify` over the same signing input: the floor a JWT verifier cannot go
//! below).

use base64::Engine as _;
use p256::ecdsa::signature::{Signer as _, Verifier as _};
use p256::elliptic_curve::sec1::ToEncodedPoint as _;

use ssi_verify_core::crypto::ecdsa::{EcCurve, EcdsaPublicKey};
use ssi_verify_core::jose::JwsKey;

use crate::{fail, jwt_policy, jwt_tokens, jwt_verify, Outcome};

/// The P-256 signing key's scalar (fixed, so the tokens and the Node inputs never change).
pub const P256_SECRET: [u8; 32] = [0x25; 32];
/// The secp256k1 signing key's scalar.
pub const K256_SECRET: [u8; 32] = [0x6b; 32];

/// One curve's token with the keys both sides verify it with.
#[derive(Debug)]
pub struct EcdsaJwt<K> {
    /// The compact JWT.
    pub token: String,
    /// Its public key as ssi-verify reads it (from the SEC1 point).
    pub key: EcdsaPublicKey,
    /// Its public key for the curve crate alone.
    pub bare_key: K,
    /// Affine x and y, unpadded Base64URL (the JWK for Node).
    pub jwk_xy: (String, String),
}

impl<K> EcdsaJwt<K> {
    /// The key as ssi-verify's JWS key (the curve fixes `alg`).
    #[must_use]
    pub fn jws_key(&self) -> JwsKey<'_> {
        JwsKey::Ecdsa(&self.key)
    }

    /// `header.payload` and the decoded 64-byte signature, split outside the timed code.
    ///
    /// # Errors
    /// A token without a signature segment or a signature that is not Base64URL.
    pub fn signing_input_and_signature(&self) -> Outcome<(&str, Vec<u8>)> {
        let (input, sig) = self.token.rsplit_once('.').ok_or("token has no signature segment")?;
        let sig = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(sig).map_err(|e| e.to_string())?;
        Ok((input, sig))
    }
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// `header.payload` with the EdDSA vector's payload segment (same claims, same length) under a
/// `{"alg":ALG,"typ":"JWT"}` header.
fn signing_input(alg: &str) -> Outcome<String> {
    let (_, eddsa) = jwt_tokens()?;
    let payload = eddsa.split('.').nth(1).ok_or("EdDSA vector has no payload")?;
    Ok(format!("{}.{payload}", b64(format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#).as_bytes())))
}

/// The ES256 token, signed with [`P256_SECRET`] (RFC 6979 deterministic nonce).
///
/// # Errors
/// A key or point that does not encode (a fixture bug).
pub fn es256() -> Outcome<EcdsaJwt<p256::ecdsa::VerifyingKey>> {
    let sk = p256::ecdsa::SigningKey::from_slice(&P256_SECRET).map_err(|e| e.to_string())?;
    let input = signing_input("ES256")?;
    let sig: p256::ecdsa::Signature = sk.sign(input.as_bytes());
    let vk = *sk.verifying_key();
    let point = vk.as_affine().to_encoded_point(false);
    let (x, y) = (point.x().ok_or("no x")?, point.y().ok_or("no y")?);
    Ok(EcdsaJwt {
        token: format!("{input}.{}", b64(&sig.to_bytes())),
        key: EcdsaPublicKey::from_sec1(EcCurve::P256, point.as_bytes()).map_err(|e| e.to_string())?,
        bare_key: vk,
        jwk_xy: (b64(x), b64(y)),
    })
}

/// The ES256K token, signed with [`K256_SECRET`] (low `s`, as `k256` signs).
///
/// # Errors
/// A key or point that does not encode (a fixture bug).
pub fn es256k() -> Outcome<EcdsaJwt<k256::ecdsa::VerifyingKey>> {
    let sk = k256::ecdsa::SigningKey::from_slice(&K256_SECRET).map_err(|e| e.to_string())?;
    let input = signing_input("ES256K")?;
    let sig: k256::ecdsa::Signature = sk.sign(input.as_bytes());
    let vk = *sk.verifying_key();
    let point = vk.as_affine().to_encoded_point(false);
    let (x, y) = (point.x().ok_or("no x")?, point.y().ok_or("no y")?);
    Ok(EcdsaJwt {
        token: format!("{input}.{}", b64(&sig.to_bytes())),
        key: EcdsaPublicKey::from_sec1(EcCurve::Secp256k1, point.as_bytes()).map_err(|e| e.to_string())?,
        bare_key: vk,
        jwk_xy: (b64(x), b64(y)),
    })
}

/// P-256 alone: the 64-byte signature read and verified over the signing input (SHA-256 inside).
#[must_use]
pub fn bare_p256(key: &p256::ecdsa::VerifyingKey, input: &[u8], sig: &[u8]) -> bool {
    p256::ecdsa::Signature::from_slice(sig).is_ok_and(|s| key.verify(input, &s).is_ok())
}

/// secp256k1 alone, as [`bare_p256`] (`k256` wants low `s`; the fixture's is).
#[must_use]
pub fn bare_k256(key: &k256::ecdsa::VerifyingKey, input: &[u8], sig: &[u8]) -> bool {
    k256::ecdsa::Signature::from_slice(sig).is_ok_and(|s| key.verify(input, &s).is_ok())
}

/// Both tokens, checked: ssi-verify and the curve crate accept each and refuse it with a changed
/// payload character and with the other curve's key.
///
/// # Errors
/// The first disagreement.
pub fn checked(now: u64) -> Outcome<(EcdsaJwt<p256::ecdsa::VerifyingKey>, EcdsaJwt<k256::ecdsa::VerifyingKey>)> {
    let (p, k) = (es256()?, es256k()?);
    let policy = jwt_policy(now);
    let ours = |t: &str, key: &JwsKey<'_>| jwt_verify(t, key, &policy).unwrap_or(false);
    let (p_in, p_sig) = p.signing_input_and_signature()?;
    let (k_in, k_sig) = k.signing_input_and_signature()?;
    if !(ours(&p.token, &p.jws_key())
        && ours(&k.token, &k.jws_key())
        && bare_p256(&p.bare_key, p_in.as_bytes(), &p_sig)
        && bare_k256(&k.bare_key, k_in.as_bytes(), &k_sig))
    {
        return fail("ES256/ES256K: a token signed by the bench was rejected");
    }
    // One payload character changed (the signature no longer covers it).
    let changed = |t: &str| {
        let i = t.find('.').map_or(0, |i| i + 2);
        let mut s = t.to_owned();
        let swap = if t.as_bytes().get(i) == Some(&b'A') { "B" } else { "A" };
        s.replace_range(i..=i, swap);
        s
    };
    let (pc, kc) = (changed(&p.token), changed(&k.token));
    let pc_in = pc.rsplit_once('.').map_or("", |(a, _)| a);
    let kc_in = kc.rsplit_once('.').map_or("", |(a, _)| a);
    if ours(&pc, &p.jws_key())
        || ours(&kc, &k.jws_key())
        || bare_p256(&p.bare_key, pc_in.as_bytes(), &p_sig)
        || bare_k256(&k.bare_key, kc_in.as_bytes(), &k_sig)
    {
        return fail("ES256/ES256K: a changed token verified");
    }
    // The other curve's key: ssi-verify refuses the alg, the signature does not verify.
    if ours(&p.token, &k.jws_key()) || ours(&k.token, &p.jws_key()) {
        return fail("ES256/ES256K: a token verified under the other curve's key");
    }
    Ok((p, k))
}
