//! Verifiable credentials and presentations as JWTs (the W3C VC-JWT encoding): a compact JWS
//! whose claims carry the credential under `vc` or the presentation under `vp`.
//!
//! The registered claims stand for members of the embedded document: `iss` for `issuer` (the
//! presentation's `holder`), `sub` for `credentialSubject.id`, `nbf` for `issuanceDate` /
//! `validFrom`, `exp` for `expirationDate` / `validUntil`, `jti` for `id`. A token whose claims
//! and embedded document say different things is not one credential but two, so it is refused
//! ([`ErrorCode::InvalidCredential`]) rather than read either way.
//!
//! EdDSA (Ed25519), ES256 (P-256) and ES256K (secp256k1) are verified: the key comes from the
//! caller's [`TrustStore`] (which resolves `did:key` and `did:jwk` offline) and fixes the
//! algorithm; a header `alg` that disagrees is refused. Credentials nested inside a
//! presentation are not verified here.

use alloc::string::String;
use alloc::vec::Vec;

use crate::calendar;
use crate::crypto::did_key::TrustStore;
use crate::error::{Error, ErrorCode, Result};
use crate::jose::{check_claims, CompactJws, JwtPolicy};
use crate::json::Value;
use crate::limits::Limits;
use crate::presentation::filter::date_time_unix_seconds;
use crate::Verdict;

/// Whether the token carries a credential or a presentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JwtKind {
    /// `vc` claim.
    Credential,
    /// `vp` claim.
    Presentation,
}

/// A decoded VC-JWT or VP-JWT.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JwtCredential {
    /// Credential or presentation.
    pub kind: JwtKind,
    /// The protected header.
    pub header: Value,
    /// The whole claims set, as signed.
    pub claims: Value,
    /// The embedded `vc` / `vp` object with the registered claims filled in where it lacks the
    /// corresponding member (`issuer`/`holder`, `id`, `credentialSubject.id`, and the dates as
    /// RFC 3339 UTC text), so it reads like a JSON-LD credential.
    pub document: Value,
}

fn bad(detail: &'static str) -> Error {
    Error::new(ErrorCode::InvalidCredential, detail)
}

/// Decodes a VC-JWT / VP-JWT without verifying it.
///
/// ```
/// use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;
/// use ssi_verify_core::jose::sign_eddsa;
/// use ssi_verify_core::json::Value;
/// use ssi_verify_core::presentation::jwt_vc::{decode_jwt_vc, JwtKind};
/// use ssi_verify_core::Limits;
/// let claims = Value::parse(r#"{"iss":"did:ex:issuer","nbf":1700000000,"vc":{"type":["VerifiableCredential"],"credentialSubject":{"a":1}}}"#, &Limits::DEFAULT).unwrap();
/// let token = sign_eddsa(&claims, &Ed25519SecretKey::from_bytes(&[1u8; 32])).unwrap();
/// let vc = decode_jwt_vc(&token, &Limits::DEFAULT).unwrap();
/// assert_eq!(vc.kind, JwtKind::Credential);
/// assert_eq!(vc.document.get("issuer").and_then(Value::as_str), Some("did:ex:issuer"));
/// assert_eq!(vc.document.get("issuanceDate").and_then(Value::as_str), Some("2023-11-14T22:13:20Z"));
/// ```
///
/// # Errors
/// [`CompactJws::parse`]'s errors; [`ErrorCode::InvalidJwt`] when the payload is not a JSON
/// object; [`ErrorCode::InvalidCredential`] when it has neither or both of `vc` and `vp`, when
/// they are not objects, or when a registered claim contradicts the embedded document.
pub fn decode_jwt_vc(token: &str, limits: &Limits) -> Result<JwtCredential> {
    decode_parsed(&CompactJws::parse(token, limits)?, limits)
}

fn decode_parsed(jws: &CompactJws<'_>, limits: &Limits) -> Result<JwtCredential> {
    let text = core::str::from_utf8(&jws.payload)
        .map_err(|_| Error::new(ErrorCode::InvalidUtf8, "JWT claims are not UTF-8"))?;
    let claims = Value::parse(text, limits)?;
    if claims.as_object().is_none() {
        return Err(Error::new(ErrorCode::InvalidJwt, "JWT claims are not a JSON object"));
    }
    let (kind, embedded) = match (claims.get("vc"), claims.get("vp")) {
        (Some(vc), None) => (JwtKind::Credential, vc),
        (None, Some(vp)) => (JwtKind::Presentation, vp),
        (None, None) => return Err(bad("JWT has neither a vc nor a vp claim")),
        (Some(_), Some(_)) => return Err(bad("JWT has both a vc and a vp claim")),
    };
    let Value::Object(members) = embedded else {
        return Err(bad("vc / vp claim is not an object"));
    };
    let document = Value::Object(map_claims(&claims, kind, members.clone())?);
    Ok(JwtCredential { kind, header: jws.header.clone(), claims, document })
}

/// Verifies a VC-JWT / VP-JWT signed with EdDSA, ES256 or ES256K, then its time and issuer/audience claims.
///
/// The key is the header's `kid` resolved in `keys` (a `kid` starting with `#` is relative to
/// `iss`); without a `kid`, `iss` itself (a trusted DID, or a `did:key`). An absolute `kid` must
/// belong to the DID in `iss`.
///
/// ```
/// use ssi_verify_core::crypto::did_key::{did_key_of, TrustStore};
/// use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;
/// use ssi_verify_core::jose::{sign_eddsa, JwtPolicy};
/// use ssi_verify_core::json::Value;
/// use ssi_verify_core::presentation::jwt_vc::verify_jwt_vc;
/// use ssi_verify_core::Limits;
/// let sk = Ed25519SecretKey::from_bytes(&[2u8; 32]);
/// let iss = did_key_of(&sk.public_key());
/// let json = format!(r#"{{"iss":"{iss}","exp":2000000000,"vc":{{"credentialSubject":{{}}}}}}"#);
/// let token = sign_eddsa(&Value::parse(&json, &Limits::DEFAULT).unwrap(), &sk).unwrap();
/// let (verdict, _) = verify_jwt_vc(&token, &TrustStore::new(), &JwtPolicy::at(1_900_000_000), &Limits::DEFAULT).unwrap();
/// assert!(verdict.is_valid());
/// ```
///
/// # Errors
/// Everything [`decode_jwt_vc`] reports; [`ErrorCode::InvalidJwt`] when there is neither a
/// string `kid` nor a string `iss`; the key store's errors; [`CompactJws::verify_signature`]'s
/// errors (an `alg` other than the one the key fixes is [`ErrorCode::JwtAlgMismatch`]); [`check_claims`]'s
/// errors. Failed checks are verdicts: [`ErrorCode::JwtIssuerMismatch`] for a `kid` of another
/// DID, [`ErrorCode::SignatureMismatch`], then the claim verdicts of [`check_claims`].
pub fn verify_jwt_vc(
    token: &str,
    keys: &TrustStore,
    policy: &JwtPolicy<'_>,
    limits: &Limits,
) -> Result<(Verdict, JwtCredential)> {
    let jws = CompactJws::parse(token, limits)?;
    let decoded = decode_parsed(&jws, limits)?;
    let iss = match decoded.claims.get("iss") {
        None => None,
        Some(Value::String(s)) => Some(s.as_str()),
        Some(_) => return Err(Error::new(ErrorCode::InvalidJwt, "iss is not a string")),
    };
    let kid = match decoded.header.get("kid") {
        None => None,
        Some(Value::String(s)) => Some(s.as_str()),
        Some(_) => return Err(Error::new(ErrorCode::InvalidJwt, "kid is not a string")),
    };
    let vm: String = match (kid, iss) {
        (Some(k), Some(i)) if k.starts_with('#') => alloc::format!("{i}{k}"),
        (Some(k), _) if k.starts_with('#') => {
            return Err(Error::new(ErrorCode::InvalidJwt, "a relative kid needs an iss to resolve against"))
        }
        (Some(k), Some(i)) => {
            // A key of one DID must not vouch for a claim made in another DID's name.
            if k.split_once('#').map_or(k, |(did, _)| did) != i {
                return Ok((Verdict::Invalid(ErrorCode::JwtIssuerMismatch), decoded));
            }
            String::from(k)
        }
        (Some(k), None) => String::from(k),
        (None, Some(i)) => String::from(i),
        (None, None) => return Err(Error::new(ErrorCode::InvalidJwt, "token names no key: neither kid nor iss")),
    };
    let key = keys.resolve_key(&vm)?;
    let signature = jws.verify_signature(&key.jws_key())?;
    if !signature.is_valid() {
        return Ok((signature, decoded));
    }
    let verdict = check_claims(&decoded.claims, policy)?;
    Ok((verdict, decoded))
}

/// Checks each registered claim against its member of the embedded document and fills the
/// member in when the document lacks it.
fn map_claims(claims: &Value, kind: JwtKind, mut doc: Vec<(String, Value)>) -> Result<Vec<(String, Value)>> {
    let v2 = is_v2(&doc);
    let issuer_name = match kind {
        JwtKind::Credential => "issuer",
        JwtKind::Presentation => "holder",
    };
    if let Some(iss) = string_claim(claims, "iss")? {
        match member(&doc, issuer_name) {
            None => doc.push((String::from(issuer_name), Value::String(String::from(iss)))),
            Some(Value::String(s)) if s == iss => {}
            Some(Value::Object(_)) if member_id(&doc, issuer_name) == Some(iss) => {}
            Some(_) => return Err(bad("iss contradicts the issuer / holder of the embedded document")),
        }
    }
    if let Some(jti) = string_claim(claims, "jti")? {
        match member(&doc, "id") {
            None => doc.push((String::from("id"), Value::String(String::from(jti)))),
            Some(Value::String(s)) if s == jti => {}
            Some(_) => return Err(bad("jti contradicts the id of the embedded document")),
        }
    }
    if kind == JwtKind::Credential {
        if let Some(sub) = string_claim(claims, "sub")? {
            map_subject(&mut doc, sub)?;
        }
    }
    let (from, until) = if v2 { ("validFrom", "validUntil") } else { ("issuanceDate", "expirationDate") };
    for (claim, name) in [("nbf", from), ("exp", until)] {
        let Some(secs) = seconds_claim(claims, claim)? else { continue };
        match member(&doc, name) {
            None if kind == JwtKind::Credential => {
                doc.push((String::from(name), Value::String(calendar::format_utc(secs))));
            }
            None => {}
            Some(Value::String(s)) if date_time_unix_seconds(s) == Some(secs) => {}
            Some(_) => return Err(bad("nbf / exp contradicts the dates of the embedded document")),
        }
    }
    Ok(doc)
}

fn map_subject(doc: &mut [(String, Value)], sub: &str) -> Result<()> {
    let Some((_, subject)) = doc.iter_mut().find(|(k, _)| k == "credentialSubject") else {
        return Err(bad("sub given but the credential has no credentialSubject"));
    };
    match subject {
        Value::Object(fields) => match fields.iter().find(|(k, _)| k == "id").map(|(_, v)| v) {
            None => fields.push((String::from("id"), Value::String(String::from(sub)))),
            Some(Value::String(id)) if id == sub => {}
            Some(_) => return Err(bad("sub contradicts credentialSubject.id")),
        },
        // Several subjects: sub must name one of them.
        Value::Array(items) => {
            if !items.iter().any(|i| i.get("id").and_then(Value::as_str) == Some(sub)) {
                return Err(bad("sub names none of the credential subjects"));
            }
        }
        _ => return Err(bad("credentialSubject is not an object or array")),
    }
    Ok(())
}

fn member<'d>(doc: &'d [(String, Value)], name: &str) -> Option<&'d Value> {
    doc.iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

fn member_id<'d>(doc: &'d [(String, Value)], name: &str) -> Option<&'d str> {
    member(doc, name).and_then(|v| v.get("id")).and_then(Value::as_str)
}

/// Whether `@context` names the VC Data Model 2.0 context (validFrom / validUntil).
fn is_v2(doc: &[(String, Value)]) -> bool {
    const V2: &str = "https://www.w3.org/ns/credentials/v2";
    match member(doc, "@context") {
        Some(Value::String(s)) => s == V2,
        Some(Value::Array(items)) => items.iter().any(|i| i.as_str() == Some(V2)),
        _ => false,
    }
}

fn string_claim<'c>(claims: &'c Value, name: &str) -> Result<Option<&'c str>> {
    match claims.get(name) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(Error::new(ErrorCode::InvalidJwt, "iss, sub and jti must be strings")),
    }
}

/// A NumericDate claim in whole seconds (a fraction is dropped).
fn seconds_claim(claims: &Value, name: &str) -> Result<Option<i64>> {
    let Some(v) = claims.get(name) else { return Ok(None) };
    let n = v.as_number().ok_or_else(|| Error::new(ErrorCode::InvalidJwt, "nbf and exp must be numbers"))?;
    let text = n.as_str();
    if text.contains(['e', 'E']) {
        return Err(Error::new(ErrorCode::InvalidJwt, "nbf and exp must be plain decimal numbers"));
    }
    let whole = text.split('.').next().unwrap_or("");
    whole.parse().map(Some).map_err(|_| Error::new(ErrorCode::InvalidJwt, "nbf / exp out of range"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::base64url_encode;

    fn decoded(payload: &str) -> Result<JwtCredential> {
        let token = alloc::format!("eyJhbGciOiJFZERTQSJ9.{}.", base64url_encode(payload.as_bytes()));
        decode_jwt_vc(&token, &Limits::DEFAULT)
    }

    #[test]
    fn the_context_decides_which_dates_nbf_and_exp_fill() {
        let v2 = "https://www.w3.org/ns/credentials/v2";
        for context in [alloc::format!(r#""{v2}""#), alloc::format!(r#"["{v2}",{{"x":"y"}}]"#)] {
            let c = decoded(&alloc::format!(r#"{{"nbf":0,"exp":86400,"vc":{{"@context":{context}}}}}"#)).unwrap();
            assert_eq!(c.document.get("validFrom").and_then(Value::as_str), Some("1970-01-01T00:00:00Z"), "{context}");
            assert_eq!(c.document.get("validUntil").and_then(Value::as_str), Some("1970-01-02T00:00:00Z"), "{context}");
        }
        for context in
            [r#""https://www.w3.org/2018/credentials/v1""#, r#"["https://www.w3.org/2018/credentials/v1"]"#, "1"]
        {
            let c = decoded(&alloc::format!(r#"{{"nbf":0,"vc":{{"@context":{context}}}}}"#)).unwrap();
            assert_eq!(
                c.document.get("issuanceDate").and_then(Value::as_str),
                Some("1970-01-01T00:00:00Z"),
                "{context}"
            );
            assert!(c.document.get("validFrom").is_none(), "{context}");
        }
    }
}
