//! Webhook authentication: `X-Body-Signature` and `Authorization: Bearer <JWT>`.
//!
//! * `X-Body-Signature` is RSASSA-PKCS1-v1_5 with SHA3-256 over the exact body bytes, standard
//!   Base64, with an RSA key of 2048 to 4096 bits (SPKI PEM). Ed25519 over the raw body is the
//!   second scheme, for devices too small for RSA. The key decides which one applies.
//! * Bearer tokens are compact JWTs: HS256 with the shared ("SHA") secret, RS256/RS512 with an
//!   RSA key, EdDSA with an Ed25519 key. In requests from ProofSpace `iss` is the service DID; in
//!   requests to ProofSpace `aud` is.

use alloc::string::String;
use core::ops::RangeInclusive;

use crate::codec::{base64_decode, base64_decode_into, base64_encode};
use crate::crypto::ed25519::{Ed25519PublicKey, Ed25519SecretKey};
use crate::crypto::rsa::RsaScheme;
use crate::crypto::{HashAlg, PublicKey};
use crate::error::{Error, ErrorCode, Result};
use crate::jose::{verify_jwt, JwsKey, JwtCheck, JwtPolicy};
use crate::limits::Limits;
use crate::Verdict;

/// RSA modulus sizes ProofSpace keys may have.
pub const PROOFSPACE_RSA_BITS: RangeInclusive<usize> = 2048..=4096;

/// Parses a webhook verification key (SPKI PEM): RSA of 2048 to 4096 bits, or Ed25519.
///
/// # Errors
/// [`ErrorCode::InvalidKey`], [`ErrorCode::UnsupportedKey`], [`ErrorCode::KeySizeNotAllowed`].
pub fn parse_public_key(pem: &str) -> Result<PublicKey> {
    PublicKey::from_pem(pem, PROOFSPACE_RSA_BITS)
}

/// Verifies an `X-Body-Signature` value over the exact received body bytes. The key decides the
/// scheme: RSA keys use PKCS#1 v1.5 + SHA3-256, Ed25519 keys sign the raw body.
///
/// ```
/// use ssi_verify_core::crypto::{ed25519::Ed25519SecretKey, PublicKey};
/// use ssi_verify_core::proofspace::auth::{sign_body_ed25519, verify_body_signature};
/// let sk = Ed25519SecretKey::from_bytes(&[3u8; 32]);
/// let key = PublicKey::Ed25519(sk.public_key());
/// let sig = sign_body_ed25519(&sk, b"{\"ok\":true}");
/// assert!(verify_body_signature(&key, b"{\"ok\":true}", &sig).unwrap().is_valid());
/// assert!(!verify_body_signature(&key, b"{\"ok\":true }", &sig).unwrap().is_valid());
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidBase64`] for a malformed header value, [`ErrorCode::InvalidSignatureEncoding`]
/// for a signature of the wrong length (a bare 32-byte digest is refused this way).
pub fn verify_body_signature(key: &PublicKey, body: &[u8], signature_b64: &str) -> Result<Verdict> {
    match key {
        PublicKey::Rsa(k) => k.verify(RsaScheme::Pkcs1v15(HashAlg::Sha3_256), body, &decode_signature(signature_b64)?),
        PublicKey::Ed25519(k) => verify_body_signature_ed25519(k, body, signature_b64),
    }
}

/// [`verify_body_signature`] for a device that only ever holds an Ed25519 key: no RSA code is
/// reachable from it, so a size-optimised build that calls only this leaves RSA out (see the
/// per-feature sizes in BENCHMARKS.md). The Base64 text is decoded on the stack: no heap.
///
/// ```
/// use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;
/// use ssi_verify_core::proofspace::auth::{sign_body_ed25519, verify_body_signature_ed25519};
/// let sk = Ed25519SecretKey::from_bytes(&[3u8; 32]);
/// let sig = sign_body_ed25519(&sk, b"{}");
/// assert!(verify_body_signature_ed25519(&sk.public_key(), b"{}", &sig).unwrap().is_valid());
/// ```
///
/// # Errors
/// As [`verify_body_signature`].
pub fn verify_body_signature_ed25519(key: &Ed25519PublicKey, body: &[u8], signature_b64: &str) -> Result<Verdict> {
    // 64 signature bytes are 88 Base64 characters; room for more lets a longer value reach the
    // length check below and be reported as the wrong length rather than as bad Base64.
    let mut buf = [0u8; 96];
    let text = signature_b64.trim();
    let n = base64_decode_into(text, &mut buf).map_err(|e| match e.code() {
        // Too long for the buffer says nothing about the alphabet: only text that is valid Base64
        // is reported as the wrong length (this error path alone decodes on the heap).
        ErrorCode::BufferTooSmall if base64_decode(text).is_ok() => {
            Error::new(ErrorCode::InvalidSignatureEncoding, "Ed25519 signatures are 64 bytes")
        }
        _ => base64_error(),
    })?;
    key.verify(body, buf.get(..n).unwrap_or(&[]))
}

fn base64_error() -> Error {
    Error::new(ErrorCode::InvalidBase64, "X-Body-Signature is not standard padded Base64")
}

fn decode_signature(signature_b64: &str) -> Result<alloc::vec::Vec<u8>> {
    base64_decode(signature_b64.trim()).map_err(|_| base64_error())
}

/// Signs a body for the Ed25519 `X-Body-Signature` scheme (standard Base64 of the 64 bytes).
#[must_use]
pub fn sign_body_ed25519(key: &Ed25519SecretKey, body: &[u8]) -> String {
    base64_encode(&key.sign(body))
}

/// The value of a header that must appear exactly once, as a framework hands it over: `None`
/// when absent, otherwise the raw text (several occurrences are usually joined with `,`). The
/// value is trimmed of surrounding whitespace.
///
/// ```
/// use ssi_verify_core::proofspace::auth::single_header;
/// use ssi_verify_core::ErrorCode;
/// assert_eq!(single_header(Some("  abc= ")).unwrap(), "abc=");
/// assert_eq!(single_header(None).unwrap_err().code(), ErrorCode::HeaderMissing);
/// assert_eq!(single_header(Some("  ")).unwrap_err().code(), ErrorCode::HeaderMissing);
/// assert_eq!(single_header(Some("a=, b=")).unwrap_err().code(), ErrorCode::HeaderDuplicated);
/// ```
///
/// # Errors
/// [`ErrorCode::HeaderMissing`] (absent or empty), [`ErrorCode::HeaderDuplicated`].
pub fn single_header(raw: Option<&str>) -> Result<&str> {
    let value = raw
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| Error::new(ErrorCode::HeaderMissing, "header is absent or empty"))?;
    // Neither a Base64 signature nor a compact JWT contains ',', so one means two values.
    if value.contains(',') {
        return Err(Error::new(ErrorCode::HeaderDuplicated, "header carries more than one value"));
    }
    Ok(value)
}

/// [`single_header`] for frameworks that hand over every occurrence separately.
///
/// # Errors
/// As [`single_header`]; two or more occurrences are [`ErrorCode::HeaderDuplicated`].
pub fn single_header_of<'a>(values: &[&'a str]) -> Result<&'a str> {
    match values {
        [] => Err(Error::new(ErrorCode::HeaderMissing, "header is absent")),
        [one] => single_header(Some(one)),
        _ => Err(Error::new(ErrorCode::HeaderDuplicated, "header appears more than once")),
    }
}

/// The token of an `Authorization: Bearer <token>` header (scheme name case-insensitive).
///
/// ```
/// use ssi_verify_core::proofspace::auth::bearer_token;
/// assert_eq!(bearer_token(Some("Bearer a.b.c")).unwrap(), "a.b.c");
/// assert!(bearer_token(Some("Basic dXNlcjpwdw==")).is_err());
/// ```
///
/// # Errors
/// As [`single_header`], and [`ErrorCode::InvalidHeader`] for another scheme or an empty token.
pub fn bearer_token(raw: Option<&str>) -> Result<&str> {
    let value = single_header(raw)?;
    let (scheme, token) = value
        .split_once(' ')
        .ok_or_else(|| Error::new(ErrorCode::InvalidHeader, "Authorization must be 'Bearer <token>'"))?;
    if !scheme.eq_ignore_ascii_case("Bearer") {
        return Err(Error::new(ErrorCode::InvalidHeader, "Authorization scheme is not Bearer"));
    }
    let token = token.trim_start_matches(' ');
    if token.is_empty() || token.contains(char::is_whitespace) {
        return Err(Error::new(ErrorCode::InvalidHeader, "Bearer token is empty or contains whitespace"));
    }
    Ok(token)
}

/// Which way a webhook call goes, which decides the claim that names the service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// ProofSpace calls the third party: `iss` must be the service DID.
    FromProofSpace,
    /// The third party calls ProofSpace: `aud` must be the service DID.
    ToProofSpace,
}

/// What a Bearer token must satisfy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BearerPolicy<'a> {
    /// The service's public DID.
    pub service_did: &'a str,
    /// The direction of the call.
    pub direction: Direction,
    /// Current time, seconds since the epoch (the caller's clock).
    pub now: u64,
    /// Allowed clock skew in seconds.
    pub leeway: u64,
    /// Whether `exp` is required.
    pub require_exp: bool,
    /// Read millisecond `exp`/`nbf` values as milliseconds instead of refusing them.
    pub accept_millisecond_times: bool,
}

/// Verifies the `Authorization` header of a webhook call.
///
/// # Errors
/// Header errors, then everything [`crate::jose::verify_jwt`] reports.
pub fn verify_bearer(
    authorization: Option<&str>,
    key: &JwsKey<'_>,
    policy: &BearerPolicy<'_>,
    limits: &Limits,
) -> Result<JwtCheck> {
    let token = bearer_token(authorization)?;
    let (issuer, audience) = match policy.direction {
        Direction::FromProofSpace => (Some(policy.service_did), None),
        Direction::ToProofSpace => (None, Some(policy.service_did)),
    };
    let jwt = JwtPolicy {
        issuer,
        audience,
        now: policy.now,
        leeway: policy.leeway,
        require_exp: policy.require_exp,
        accept_millisecond_times: policy.accept_millisecond_times,
    };
    verify_jwt(token, key, &jwt, limits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::Value;

    #[test]
    fn long_ed25519_signatures_are_told_apart_by_their_alphabet() {
        let pk = Ed25519SecretKey::from_bytes(&[3u8; 32]).public_key();
        let long_valid = base64_encode(&[7u8; 120]);
        let err = verify_body_signature_ed25519(&pk, b"{}", &long_valid).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidSignatureEncoding);
        let long_invalid = "*".repeat(160);
        let err = verify_body_signature_ed25519(&pk, b"{}", &long_invalid).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidBase64);
    }

    #[test]
    fn bearer_parsing() {
        assert_eq!(bearer_token(Some("bearer   x.y.z")).unwrap(), "x.y.z");
        for bad in ["Bearer", "Bearer ", "Token x.y.z", "Bearer x y", "Bearerx.y.z"] {
            assert!(bearer_token(Some(bad)).is_err(), "{bad}");
        }
        assert_eq!(bearer_token(Some("Bearer a.b.c, Bearer d.e.f")).unwrap_err().code(), ErrorCode::HeaderDuplicated);
        assert_eq!(single_header_of(&["a", "b"]).unwrap_err().code(), ErrorCode::HeaderDuplicated);
        assert_eq!(single_header_of(&[]).unwrap_err().code(), ErrorCode::HeaderMissing);
        assert_eq!(single_header_of(&[" v "]).unwrap(), "v");
    }

    #[test]
    fn bearer_direction_picks_the_claim() {
        let secret = [5u8; 32];
        let claims = Value::parse(r#"{"iss":"did:svc","aud":"did:other","exp":100}"#, &Limits::DEFAULT).unwrap();
        let token = crate::jose::sign_hs256(&claims, &secret).unwrap();
        let header = alloc::format!("Bearer {token}");
        let key = JwsKey::Hmac(&secret);
        let from = BearerPolicy {
            service_did: "did:svc",
            direction: Direction::FromProofSpace,
            now: 50,
            leeway: 0,
            require_exp: true,
            accept_millisecond_times: false,
        };
        assert!(verify_bearer(Some(&header), &key, &from, &Limits::DEFAULT).unwrap().verdict.is_valid());
        let to = BearerPolicy { direction: Direction::ToProofSpace, ..from };
        assert_eq!(
            verify_bearer(Some(&header), &key, &to, &Limits::DEFAULT).unwrap().verdict,
            Verdict::Invalid(ErrorCode::JwtAudienceMismatch)
        );
    }

    #[test]
    fn a_bare_digest_is_not_a_signature() {
        let sk = Ed25519SecretKey::from_bytes(&[1u8; 32]);
        let key = PublicKey::Ed25519(sk.public_key());
        let digest = base64_encode(crate::crypto::digest(HashAlg::Sha3_256, &[b"body"]).as_bytes());
        assert_eq!(
            verify_body_signature(&key, b"body", &digest).unwrap_err().code(),
            ErrorCode::InvalidSignatureEncoding
        );
        assert_eq!(verify_body_signature(&key, b"body", "not base64").unwrap_err().code(), ErrorCode::InvalidBase64);
    }
}
