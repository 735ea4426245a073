//! JWS compact serialization and JWT claim checks (RFC 7515, 7519, 7518, 8037).
//!
//! The verification key fixes the algorithm: an HMAC secret allows only HS256, an Ed25519 key
//! only EdDSA, an RSA key only the one RSA algorithm the caller pinned. The token's `alg` must
//! equal it; `none` is refused before anything else is looked at.

use alloc::string::String;
use alloc::vec::Vec;

use crate::codec::base64url_decode;
use crate::crypto::ed25519::Ed25519PublicKey;
use crate::crypto::rsa::{RsaKey, RsaScheme};
use crate::crypto::{ct_eq, hmac_sha256, HashAlg};
use crate::error::{Error, ErrorCode, Result};
use crate::json::Value;
use crate::limits::Limits;
use crate::Verdict;

/// The RSA algorithms a caller can pin for an RSA key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RsaJwsAlg {
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    Rs256,
    /// RSASSA-PKCS1-v1_5 with SHA-512.
    Rs512,
}

/// A JWS verification key together with the one algorithm it allows.
#[derive(Clone, Copy, Debug)]
pub enum JwsKey<'k> {
    /// A shared secret for HS256 (at least 32 bytes, RFC 7518 section 3.2).
    Hmac(&'k [u8]),
    /// An RSA key and the algorithm pinned for it.
    Rsa(&'k RsaKey, RsaJwsAlg),
    /// An Ed25519 key (EdDSA, RFC 8037).
    Ed25519(&'k Ed25519PublicKey),
    /// A P-256 key (ES256) or a secp256k1 key (ES256K): the curve fixes which.
    #[cfg(feature = "ecdsa")]
    Ecdsa(&'k crate::crypto::ecdsa::EcdsaPublicKey),
}

impl JwsKey<'_> {
    /// The `alg` value this key allows.
    #[must_use]
    pub fn alg(&self) -> &'static str {
        match self {
            JwsKey::Hmac(_) => "HS256",
            JwsKey::Rsa(_, RsaJwsAlg::Rs256) => "RS256",
            JwsKey::Rsa(_, RsaJwsAlg::Rs512) => "RS512",
            JwsKey::Ed25519(_) => "EdDSA",
            #[cfg(feature = "ecdsa")]
            JwsKey::Ecdsa(k) => k.curve().jws_alg(),
        }
    }
}

/// A parsed compact JWS (not yet verified).
#[derive(Clone, Debug)]
pub struct CompactJws<'t> {
    signing_input: &'t str,
    /// The protected header.
    pub header: Value,
    /// The decoded payload bytes.
    pub payload: Vec<u8>,
    signature: Vec<u8>,
}

fn malformed(detail: &'static str) -> Error {
    Error::new(ErrorCode::InvalidJwt, detail)
}

impl<'t> CompactJws<'t> {
    /// Splits and decodes `header.payload.signature` (strict unpadded Base64URL, JSON header).
    ///
    /// # Errors
    /// [`ErrorCode::InvalidJwt`], [`ErrorCode::InvalidBase64Url`], JSON errors, limit errors.
    pub fn parse(token: &'t str, limits: &Limits) -> Result<Self> {
        if token.len() > limits.max_input_bytes {
            return Err(Error::new(ErrorCode::InputTooLarge, "token longer than max_input_bytes"));
        }
        let mut parts = token.split('.');
        let (Some(h), Some(p), Some(s), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(malformed("a compact JWS has exactly three '.'-separated segments"));
        };
        if h.is_empty() {
            return Err(malformed("empty protected header"));
        }
        let header_bytes = base64url_decode(h)?;
        let header_text = core::str::from_utf8(&header_bytes)
            .map_err(|_| Error::new(ErrorCode::InvalidUtf8, "JWS header is not UTF-8"))?;
        let header = Value::parse(header_text, limits).map_err(|e| match e.code().category() {
            crate::Category::Format => malformed("JWS header is not a JSON object (or repeats a member)"),
            _ => e,
        })?;
        if header.as_object().is_none() {
            return Err(malformed("JWS header is not a JSON object"));
        }
        let signing_input = token.get(..h.len() + 1 + p.len()).ok_or_else(|| malformed("truncated token"))?;
        Ok(Self { signing_input, header, payload: base64url_decode(p)?, signature: base64url_decode(s)? })
    }

    /// The header's `alg`.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidJwt`] when it is missing or not a string.
    pub fn alg(&self) -> Result<&str> {
        self.header.get("alg").and_then(Value::as_str).ok_or_else(|| malformed("JWS header has no string alg"))
    }

    /// Checks the header against `key` and the signature over the signing input.
    ///
    /// # Errors
    /// [`ErrorCode::JwtAlgNone`], [`ErrorCode::JwtAlgMismatch`], [`ErrorCode::InvalidJwt`] for a
    /// `crit` header or unencoded payload, [`ErrorCode::KeySizeNotAllowed`] for a short HMAC
    /// secret, [`ErrorCode::InvalidSignatureEncoding`].
    pub fn verify_signature(&self, key: &JwsKey<'_>) -> Result<Verdict> {
        let alg = self.alg()?;
        if alg.eq_ignore_ascii_case("none") {
            return Err(Error::new(ErrorCode::JwtAlgNone, "unsigned tokens (alg none) are never accepted"));
        }
        if alg != key.alg() {
            return Err(Error::new(ErrorCode::JwtAlgMismatch, "token alg is not the algorithm the key allows"));
        }
        // Extensions this library does not implement must make the token unacceptable (RFC 7515 4.1.11).
        if self.header.get("crit").is_some() || self.header.get("b64").is_some() {
            return Err(malformed("crit and b64 header parameters are not supported"));
        }
        let input = self.signing_input.as_bytes();
        match key {
            JwsKey::Hmac(secret) => {
                if secret.len() < 32 {
                    return Err(Error::new(ErrorCode::KeySizeNotAllowed, "HS256 secrets must be at least 32 bytes"));
                }
                let mac = hmac_sha256(secret, &[input]);
                Ok(Verdict::from_bool(ct_eq(&mac, &self.signature), ErrorCode::SignatureMismatch))
            }
            JwsKey::Rsa(k, a) => {
                let hash = match a {
                    RsaJwsAlg::Rs256 => HashAlg::Sha256,
                    RsaJwsAlg::Rs512 => HashAlg::Sha512,
                };
                k.verify(RsaScheme::Pkcs1v15(hash), input, &self.signature)
            }
            JwsKey::Ed25519(k) => k.verify(input, &self.signature),
            #[cfg(feature = "ecdsa")]
            JwsKey::Ecdsa(k) => k.verify(input, &self.signature),
        }
    }
}

/// What a JWT's claims must satisfy. Times are seconds since the epoch, supplied by the caller
/// (the core has no clock).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JwtPolicy<'a> {
    /// Required `iss`, if any.
    pub issuer: Option<&'a str>,
    /// Required member of `aud` (a string or an array of strings), if any.
    pub audience: Option<&'a str>,
    /// The current time.
    pub now: u64,
    /// Allowed clock skew in seconds for `exp` and `nbf`.
    pub leeway: u64,
    /// Whether a token without `exp` is refused.
    pub require_exp: bool,
    /// Read an `exp`/`nbf` that is clearly in milliseconds as milliseconds instead of refusing
    /// it (ProofSpace's own client writes milliseconds). Off by default: such a value is
    /// otherwise reported as [`ErrorCode::JwtExpInMilliseconds`].
    pub accept_millisecond_times: bool,
}

impl JwtPolicy<'_> {
    /// A policy with no `iss`/`aud` requirement, 60 s leeway, `exp` required.
    #[must_use]
    pub const fn at(now: u64) -> JwtPolicy<'static> {
        JwtPolicy { issuer: None, audience: None, now, leeway: 60, require_exp: true, accept_millisecond_times: false }
    }
}

/// Seconds values at or above this are taken for milliseconds: 10^11 seconds is in the year
/// 5138, while 10^11 milliseconds is March 1973, so real times in either unit fall clearly on
/// one side. The one threshold for every "seconds or milliseconds?" question in the library.
pub const MILLISECONDS_THRESHOLD: u64 = 100_000_000_000;

fn time_claim(claims: &Value, name: &str, policy: &JwtPolicy<'_>) -> Result<Option<u64>> {
    let Some(v) = claims.get(name) else { return Ok(None) };
    let n = v.as_number().ok_or_else(|| malformed("exp, nbf and iat must be numbers"))?;
    // NumericDate may carry a fraction; whole seconds are what matters here.
    let text = n.as_str();
    let whole = text.split(['.', 'e', 'E']).next().unwrap_or("");
    if whole.starts_with('-') || text.contains(['e', 'E']) {
        return Err(malformed("exp, nbf and iat must be non-negative decimal numbers"));
    }
    let secs: u64 = whole.parse().map_err(|_| malformed("time claim out of range"))?;
    if secs >= MILLISECONDS_THRESHOLD {
        if policy.accept_millisecond_times {
            return Ok(Some(secs / 1000));
        }
        return Err(Error::new(ErrorCode::JwtExpInMilliseconds, "time claim is in milliseconds, not seconds"));
    }
    Ok(Some(secs))
}

/// Checks the standard claims of a JSON claims set against `policy`.
///
/// # Errors
/// [`ErrorCode::InvalidJwt`] for malformed claims, [`ErrorCode::JwtExpInMilliseconds`]. Failed
/// checks are verdicts: [`ErrorCode::JwtExpired`], [`ErrorCode::JwtNotYetValid`],
/// [`ErrorCode::JwtIssuerMismatch`], [`ErrorCode::JwtAudienceMismatch`].
pub fn check_claims(claims: &Value, policy: &JwtPolicy<'_>) -> Result<Verdict> {
    if claims.as_object().is_none() {
        return Err(malformed("JWT claims are not a JSON object"));
    }
    let exp = time_claim(claims, "exp", policy)?;
    let nbf = time_claim(claims, "nbf", policy)?;
    time_claim(claims, "iat", policy)?;
    match exp {
        None if policy.require_exp => return Ok(Verdict::Invalid(ErrorCode::JwtExpired)),
        Some(exp) if policy.now > exp.saturating_add(policy.leeway) => {
            return Ok(Verdict::Invalid(ErrorCode::JwtExpired))
        }
        _ => {}
    }
    if nbf.is_some_and(|nbf| nbf > policy.now.saturating_add(policy.leeway)) {
        return Ok(Verdict::Invalid(ErrorCode::JwtNotYetValid));
    }
    if let Some(iss) = policy.issuer {
        if claims.get("iss").and_then(Value::as_str) != Some(iss) {
            return Ok(Verdict::Invalid(ErrorCode::JwtIssuerMismatch));
        }
    }
    if let Some(aud) = policy.audience {
        let ok = match claims.get("aud") {
            Some(Value::String(s)) => s == aud,
            Some(Value::Array(items)) => items.iter().any(|i| i.as_str() == Some(aud)),
            _ => false,
        };
        if !ok {
            return Ok(Verdict::Invalid(ErrorCode::JwtAudienceMismatch));
        }
    }
    Ok(Verdict::Valid)
}

/// A verified (or rejected) JWT with its decoded parts.
#[derive(Clone, Debug)]
pub struct JwtCheck {
    /// Valid, or the first failed check.
    pub verdict: Verdict,
    /// The protected header.
    pub header: Value,
    /// The claims set.
    pub claims: Value,
}

/// Verifies a compact JWT: algorithm pinned by `key`, signature, then the claims of `policy`.
///
/// ```
/// use ssi_verify_core::jose::{verify_jwt, JwsKey, JwtPolicy};
/// use ssi_verify_core::{ErrorCode, Limits};
/// // {"alg":"none"}.{"exp":1} with an empty signature
/// let err = verify_jwt("eyJhbGciOiJub25lIn0.eyJleHAiOjF9.", &JwsKey::Hmac(&[0u8; 32]), &JwtPolicy::at(0), &Limits::DEFAULT).unwrap_err();
/// assert_eq!(err.code(), ErrorCode::JwtAlgNone);
/// ```
///
/// # Errors
/// Everything [`CompactJws::parse`], [`CompactJws::verify_signature`] and [`check_claims`]
/// report; the payload must be a UTF-8 JSON object.
pub fn verify_jwt(token: &str, key: &JwsKey<'_>, policy: &JwtPolicy<'_>, limits: &Limits) -> Result<JwtCheck> {
    let jws = CompactJws::parse(token, limits)?;
    let signature = jws.verify_signature(key)?;
    let text = core::str::from_utf8(&jws.payload)
        .map_err(|_| Error::new(ErrorCode::InvalidUtf8, "JWT claims are not UTF-8"))?;
    let claims = Value::parse(text, limits)?;
    let verdict = if signature.is_valid() { check_claims(&claims, policy)? } else { signature };
    Ok(JwtCheck { verdict, header: jws.header, claims })
}

/// Builds an HS256 token (for tests and for services that call ProofSpace with a shared secret).
///
/// # Errors
/// [`ErrorCode::KeySizeNotAllowed`] for a secret shorter than 32 bytes, or a claims set that is
/// not a JSON object.
pub fn sign_hs256(claims: &Value, secret: &[u8]) -> Result<String> {
    if secret.len() < 32 {
        return Err(Error::new(ErrorCode::KeySizeNotAllowed, "HS256 secrets must be at least 32 bytes"));
    }
    if claims.as_object().is_none() {
        return Err(malformed("JWT claims must be a JSON object"));
    }
    let mut token = crate::codec::base64url_encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    token.push('.');
    token.push_str(&crate::codec::base64url_encode(claims.to_json().as_bytes()));
    let mac = hmac_sha256(secret, &[token.as_bytes()]);
    token.push('.');
    token.push_str(&crate::codec::base64url_encode(&mac));
    Ok(token)
}

/// Builds an EdDSA token signed with `key`.
///
/// # Errors
/// A claims set that is not a JSON object.
pub fn sign_eddsa(claims: &Value, key: &crate::crypto::ed25519::Ed25519SecretKey) -> Result<String> {
    sign_eddsa_with_header(br#"{"alg":"EdDSA","typ":"JWT"}"#, claims, key)
}

/// Builds an EdDSA token whose header names the signing key in `kid` (a DID URL, so a verifier
/// can find the key; see `presentation::jwt_vc`).
///
/// ```
/// use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;
/// use ssi_verify_core::jose::{sign_eddsa_with_kid, CompactJws};
/// use ssi_verify_core::json::Value;
/// use ssi_verify_core::Limits;
/// let claims = Value::parse(r#"{"exp":1}"#, &Limits::DEFAULT).unwrap();
/// let token = sign_eddsa_with_kid(&claims, &Ed25519SecretKey::from_bytes(&[1u8; 32]), "did:ex:1#k").unwrap();
/// let jws = CompactJws::parse(&token, &Limits::DEFAULT).unwrap();
/// assert_eq!(jws.header.get("kid").and_then(Value::as_str), Some("did:ex:1#k"));
/// ```
///
/// # Errors
/// A claims set that is not a JSON object.
pub fn sign_eddsa_with_kid(
    claims: &Value,
    key: &crate::crypto::ed25519::Ed25519SecretKey,
    kid: &str,
) -> Result<String> {
    let mut header = String::from(r#"{"alg":"EdDSA","typ":"JWT","kid":"#);
    // Writing into a String cannot fail.
    let _ = crate::json::write_string(&mut header, kid);
    header.push('}');
    sign_eddsa_with_header(header.as_bytes(), claims, key)
}

fn sign_eddsa_with_header(
    header: &[u8],
    claims: &Value,
    key: &crate::crypto::ed25519::Ed25519SecretKey,
) -> Result<String> {
    if claims.as_object().is_none() {
        return Err(malformed("JWT claims must be a JSON object"));
    }
    let mut token = crate::codec::base64url_encode(header);
    token.push('.');
    token.push_str(&crate::codec::base64url_encode(claims.to_json().as_bytes()));
    let sig = key.sign(token.as_bytes());
    token.push('.');
    token.push_str(&crate::codec::base64url_encode(&sig));
    Ok(token)
}

/// The Ed25519 public key of an OKP JWK (RFC 8037 section 2: `kty` `OKP`, `crv` `Ed25519`,
/// `x` the unpadded Base64URL key). A JWK carrying the private `d` is refused: a verifier
/// should never be handed secret material.
///
/// ```
/// use ssi_verify_core::jose::ed25519_public_jwk;
/// use ssi_verify_core::json::Value;
/// use ssi_verify_core::Limits;
/// let jwk = Value::parse(r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#, &Limits::DEFAULT).unwrap();
/// assert_eq!(ed25519_public_jwk(&jwk).unwrap().to_bytes()[0], 0xd7);
/// ```
///
/// # Errors
/// [`ErrorCode::UnsupportedKey`] for another `kty`/`crv`; [`ErrorCode::InvalidKey`] for a
/// missing or malformed `x`, or a present `d`.
pub fn ed25519_public_jwk(jwk: &Value) -> Result<Ed25519PublicKey> {
    if jwk.get("kty").and_then(Value::as_str) != Some("OKP")
        || jwk.get("crv").and_then(Value::as_str) != Some("Ed25519")
    {
        return Err(Error::new(ErrorCode::UnsupportedKey, "JWK is not an OKP Ed25519 key"));
    }
    if jwk.get("d").is_some() {
        return Err(Error::new(ErrorCode::InvalidKey, "JWK carries a private key"));
    }
    let x = jwk.get("x").and_then(Value::as_str).ok_or_else(|| Error::new(ErrorCode::InvalidKey, "JWK has no x"))?;
    let bytes = base64url_decode(x).map_err(|_| Error::new(ErrorCode::InvalidKey, "JWK x is not Base64URL"))?;
    Ed25519PublicKey::from_bytes(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::base64url_encode;
    use crate::crypto::ed25519::Ed25519SecretKey;
    use alloc::format;

    const SECRET: &[u8; 32] = b"0123456789abcdef0123456789abcdef";

    fn claims(json: &str) -> Value {
        Value::parse(json, &Limits::DEFAULT).unwrap()
    }

    fn check(token: &str, key: &JwsKey<'_>, policy: &JwtPolicy<'_>) -> Result<Verdict> {
        verify_jwt(token, key, policy, &Limits::DEFAULT).map(|c| c.verdict)
    }

    #[test]
    fn hs256_round_trip_and_claims() {
        let t =
            sign_hs256(&claims(r#"{"iss":"did:svc","aud":["x","did:svc"],"exp":2000,"nbf":1000}"#), SECRET).unwrap();
        let key = JwsKey::Hmac(SECRET);
        let p = JwtPolicy { issuer: Some("did:svc"), audience: Some("did:svc"), ..JwtPolicy::at(1500) };
        assert_eq!(check(&t, &key, &p).unwrap(), Verdict::Valid);
        assert_eq!(
            check(&t, &key, &JwtPolicy { issuer: Some("other"), ..p }).unwrap(),
            Verdict::Invalid(ErrorCode::JwtIssuerMismatch)
        );
        assert_eq!(
            check(&t, &key, &JwtPolicy { audience: Some("other"), ..p }).unwrap(),
            Verdict::Invalid(ErrorCode::JwtAudienceMismatch)
        );
        assert_eq!(check(&t, &key, &JwtPolicy { now: 2061, ..p }).unwrap(), Verdict::Invalid(ErrorCode::JwtExpired));
        assert_eq!(check(&t, &key, &JwtPolicy { now: 2060, ..p }).unwrap(), Verdict::Valid);
        assert_eq!(check(&t, &key, &JwtPolicy { now: 939, ..p }).unwrap(), Verdict::Invalid(ErrorCode::JwtNotYetValid));
        let other = b"0123456789abcdef0123456789abcdeX";
        assert_eq!(check(&t, &JwsKey::Hmac(other), &p).unwrap(), Verdict::Invalid(ErrorCode::SignatureMismatch));
        assert_eq!(check(&t, &JwsKey::Hmac(b"short"), &p).unwrap_err().code(), ErrorCode::KeySizeNotAllowed);
    }

    #[test]
    fn key_fixes_the_algorithm() {
        let sk = Ed25519SecretKey::from_bytes(&[9u8; 32]);
        let pk = sk.public_key();
        let ed = sign_eddsa(&claims(r#"{"exp":10}"#), &sk).unwrap();
        assert_eq!(check(&ed, &JwsKey::Ed25519(&pk), &JwtPolicy::at(5)).unwrap(), Verdict::Valid);
        // The same token presented to an HMAC key: alg confusion refused, not verified.
        assert_eq!(check(&ed, &JwsKey::Hmac(SECRET), &JwtPolicy::at(5)).unwrap_err().code(), ErrorCode::JwtAlgMismatch);
        // An HS256 token whose secret is the Ed25519 public key (the classic confusion attack).
        let forged = sign_hs256(&claims(r#"{"exp":10}"#), &[pk.to_bytes(), [0u8; 32]].concat()).unwrap();
        assert_eq!(
            check(&forged, &JwsKey::Ed25519(&pk), &JwtPolicy::at(5)).unwrap_err().code(),
            ErrorCode::JwtAlgMismatch
        );
        for alg in ["none", "None", "NONE"] {
            let h = base64url_encode(format!(r#"{{"alg":"{alg}"}}"#).as_bytes());
            let t = format!("{h}.{}.", base64url_encode(b"{}"));
            assert_eq!(check(&t, &JwsKey::Hmac(SECRET), &JwtPolicy::at(0)).unwrap_err().code(), ErrorCode::JwtAlgNone);
        }
        let crit =
            format!("{}.{}.", base64url_encode(br#"{"alg":"HS256","crit":["x"],"x":1}"#), base64url_encode(b"{}"));
        assert_eq!(check(&crit, &JwsKey::Hmac(SECRET), &JwtPolicy::at(0)).unwrap_err().code(), ErrorCode::InvalidJwt);
    }

    #[test]
    fn malformed_tokens_are_errors() {
        let key = JwsKey::Hmac(SECRET);
        let p = JwtPolicy::at(0);
        assert_eq!(check("a.b", &key, &p).unwrap_err().code(), ErrorCode::InvalidJwt);
        assert_eq!(check("a.b.c.d", &key, &p).unwrap_err().code(), ErrorCode::InvalidJwt);
        assert_eq!(check("!!.e30.", &key, &p).unwrap_err().code(), ErrorCode::InvalidBase64Url);
        assert_eq!(check("eyJhbGciOiJIUzI1NiJ9=.e30.", &key, &p).unwrap_err().code(), ErrorCode::InvalidBase64Url);
        assert_eq!(
            check(&format!("{}.e30.", base64url_encode(b"[1]")), &key, &p).unwrap_err().code(),
            ErrorCode::InvalidJwt
        );
        assert_eq!(
            check(&format!("{}.e30.", base64url_encode(b"{")), &key, &p).unwrap_err().code(),
            ErrorCode::InvalidJwt
        );
        assert_eq!(
            check(&format!("{}.e30.", base64url_encode(b"{}")), &key, &p).unwrap_err().code(),
            ErrorCode::InvalidJwt
        );
    }

    #[test]
    fn millisecond_times_are_reported_or_read_as_such() {
        let t = sign_hs256(&claims(r#"{"exp":1700000000000}"#), SECRET).unwrap();
        let key = JwsKey::Hmac(SECRET);
        assert_eq!(check(&t, &key, &JwtPolicy::at(1_600_000_000)).unwrap_err().code(), ErrorCode::JwtExpInMilliseconds);
        let ms = JwtPolicy { accept_millisecond_times: true, ..JwtPolicy::at(1_600_000_000) };
        assert_eq!(check(&t, &key, &ms).unwrap(), Verdict::Valid);
        assert_eq!(
            check(&t, &key, &JwtPolicy { now: 1_800_000_000, ..ms }).unwrap(),
            Verdict::Invalid(ErrorCode::JwtExpired)
        );
        let no_exp = sign_hs256(&claims(r#"{"iss":"x"}"#), SECRET).unwrap();
        assert_eq!(check(&no_exp, &key, &JwtPolicy::at(0)).unwrap(), Verdict::Invalid(ErrorCode::JwtExpired));
        assert_eq!(
            check(&no_exp, &key, &JwtPolicy { require_exp: false, ..JwtPolicy::at(0) }).unwrap(),
            Verdict::Valid
        );
        let bad = sign_hs256(&claims(r#"{"exp":"tomorrow"}"#), SECRET).unwrap();
        assert_eq!(check(&bad, &key, &JwtPolicy::at(0)).unwrap_err().code(), ErrorCode::InvalidJwt);
    }

    /// Boundaries that mutation testing found unguarded (issue 17): each assertion fails if
    /// one comparison or connective in the claim, length or JWK checks is changed.
    #[test]
    fn claim_length_and_jwk_boundaries() {
        let key = JwsKey::Hmac(SECRET);
        let t = sign_hs256(&claims(r#"{"exp":2000,"nbf":1000}"#), SECRET).unwrap();
        let p = JwtPolicy::at(940);
        // nbf is 60 s (the leeway) ahead of now: still valid; one second later in nbf is not.
        assert_eq!(check(&t, &key, &p).unwrap(), Verdict::Valid);
        assert_eq!(check(&t, &key, &JwtPolicy { now: 939, ..p }).unwrap(), Verdict::Invalid(ErrorCode::JwtNotYetValid));
        // Exponent forms and negative times are refused on their own; a fraction is read.
        for exp in ["1e3", "1E3", "-1", "-1.5"] {
            let bad = sign_hs256(&claims(&format!(r#"{{"exp":{exp}}}"#)), SECRET).unwrap();
            let e = check(&bad, &key, &JwtPolicy::at(0)).unwrap_err();
            assert_eq!(
                (e.code(), e.detail()),
                (ErrorCode::InvalidJwt, "exp, nbf and iat must be non-negative decimal numbers"),
                "{exp}"
            );
        }
        let fraction = sign_hs256(&claims(r#"{"exp":2000.9}"#), SECRET).unwrap();
        assert_eq!(check(&fraction, &key, &JwtPolicy::at(2060)).unwrap(), Verdict::Valid);
        // A token exactly max_input_bytes long is read; one byte over is refused first.
        let exact = Limits { max_input_bytes: t.len(), ..Limits::DEFAULT };
        assert_eq!(verify_jwt(&t, &key, &p, &exact).unwrap().verdict, Verdict::Valid);
        let short = Limits { max_input_bytes: t.len() - 1, ..Limits::DEFAULT };
        assert_eq!(verify_jwt(&t, &key, &p, &short).unwrap_err().code(), ErrorCode::InputTooLarge);
        // An OKP key on another curve, or an EC key named Ed25519, is not an Ed25519 JWK.
        let x = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
        for (kty, crv) in [("OKP", "X25519"), ("EC", "Ed25519")] {
            let jwk = claims(&format!(r#"{{"kty":"{kty}","crv":"{crv}","x":"{x}"}}"#));
            assert_eq!(ed25519_public_jwk(&jwk).unwrap_err().code(), ErrorCode::UnsupportedKey, "{kty} {crv}");
        }
    }
}
