//! `JcsEd25519Signature2020` proofs: Ed25519 over the RFC 8785 canonical form of the document
//! whose proof lacks `signatureValue`.
//!
//! The published vectors (DIF test-1, test-2 and the spec's own example) sign the raw JCS bytes,
//! although the spec prose says to hash them with SHA-256 first. So raw JCS is what verifies by
//! default; the SHA-256 pre-hash reading (and the JavaScript reference's 96-byte "attached"
//! signature, `sig ‖ SHA-256(JCS)`) only when the caller opts in. `signatureValue` is read as
//! base58btc (the spec) and as unpadded Base64URL (what Gataca writes); an 86-character text can
//! be valid in both alphabets, so both are tried, and the result says which reading verified.
//!
//! A document may carry one proof object or an array of them. Each proof is checked over the
//! document with `proof` set to that proof object alone, without its `signatureValue` (no public
//! vector covers proof arrays; this is the reading the single-proof vectors generalise to, and
//! what [`sign_jcs_ed25519`] produces).

use alloc::string::String;
use alloc::vec::Vec;

use crate::codec::{base58btc_decode, base58btc_encode, base64url_decode};
use crate::crypto::did_key::TrustStore;
use crate::crypto::ed25519::{Ed25519PublicKey, Ed25519SecretKey};
use crate::crypto::{ct_eq, sha256};
use crate::error::{Error, ErrorCode, Result};
use crate::json::jcs::canonicalize;
use crate::json::Value;
use crate::limits::Limits;
use crate::Verdict;

/// The proof type this module verifies.
pub const PROOF_TYPE: &str = "JcsEd25519Signature2020";

/// Most proofs checked on one document. Each proof canonicalizes the whole document again, so
/// the work grows with proofs × size; real documents carry one or two.
pub const MAX_PROOFS: usize = 16;

/// What the caller requires of every proof besides a good signature.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ProofExpectations<'a> {
    /// Required `proofPurpose` (e.g. `assertionMethod` for a credential, `authentication` for a
    /// presentation), if any.
    pub proof_purpose: Option<&'a str>,
    /// Required `domain` (a string, or one member of an array of strings), if any.
    pub domain: Option<&'a str>,
    /// Required `challenge` or, as Gataca writes it, `nonce`, if any.
    pub challenge_or_nonce: Option<&'a str>,
    /// Also accept Ed25519 over SHA-256(JCS), the reading of the spec prose that some
    /// implementations follow. Off by default: the published vectors do not pre-hash.
    pub allow_sha256_prehash: bool,
}

/// Which message the signature was found to sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignedMessage {
    /// The canonical JCS bytes themselves (the published vectors).
    RawJcs,
    /// SHA-256 of the canonical bytes (the spec prose; opt-in).
    Sha256PreHash,
    /// SHA-256 of the canonical bytes, with that digest appended to the 64-byte signature
    /// (NaCl "attached" form of the JavaScript reference implementation; opt-in).
    Sha256PreHashAttached,
}

impl SignedMessage {
    /// The name used in reports: `jcs`, `sha256(jcs)` or `sha256(jcs), attached`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            SignedMessage::RawJcs => "jcs",
            SignedMessage::Sha256PreHash => "sha256(jcs)",
            SignedMessage::Sha256PreHashAttached => "sha256(jcs), attached",
        }
    }
}

/// How `signatureValue` was encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignatureEncoding {
    /// base58btc without a multibase prefix (the spec).
    Base58Btc,
    /// Unpadded Base64URL (Gataca).
    Base64Url,
}

impl SignatureEncoding {
    /// The name used in reports: `base58btc` or `base64url`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            SignatureEncoding::Base58Btc => "base58btc",
            SignatureEncoding::Base64Url => "base64url",
        }
    }
}

/// The reading under which a signature verified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    /// What was signed.
    pub message: SignedMessage,
    /// How the signature was written.
    pub encoding: SignatureEncoding,
}

/// The outcome for one proof.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProofCheck {
    /// The proof's `verificationMethod` (or legacy `creator`); empty when it names none.
    pub verification_method: String,
    /// Valid, or the first failed check: [`ErrorCode::SignatureMismatch`],
    /// [`ErrorCode::ProofPurposeMismatch`], [`ErrorCode::ProofDomainMismatch`],
    /// [`ErrorCode::ProofChallengeMismatch`].
    pub verdict: Verdict,
    /// The reading that verified, when the signature did.
    pub reading: Option<Reading>,
}

/// The verdict of a set of proofs: valid when every one is, else the first failure.
///
/// ```
/// use ssi_verify_core::presentation::proof::overall;
/// assert!(overall(&[]).is_valid());
/// ```
pub fn overall(checks: &[ProofCheck]) -> Verdict {
    checks.iter().find_map(|c| c.verdict.reason()).map_or(Verdict::Valid, Verdict::Invalid)
}

/// Verifies every `JcsEd25519Signature2020` proof of `doc`, each with the key its
/// verification method resolves to in `keys` (which resolves `did:key` offline).
///
/// ```
/// use ssi_verify_core::crypto::did_key::{did_key_verification_method, TrustStore};
/// use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;
/// use ssi_verify_core::json::Value;
/// use ssi_verify_core::presentation::proof::{sign_jcs_ed25519, verify_proofs, ProofExpectations};
/// use ssi_verify_core::Limits;
/// let sk = Ed25519SecretKey::from_bytes(&[3u8; 32]);
/// let vm = did_key_verification_method(&sk.public_key());
/// let doc = Value::parse(r#"{"id":"urn:x","n":1.0}"#, &Limits::DEFAULT).unwrap();
/// let signed = sign_jcs_ed25519(&doc, &sk, &vm, "assertionMethod", "2025-01-01T00:00:00Z", &[]).unwrap();
/// let expect = ProofExpectations { proof_purpose: Some("assertionMethod"), ..Default::default() };
/// let checks = verify_proofs(&signed, &TrustStore::new(), &expect, &Limits::DEFAULT).unwrap();
/// assert!(checks[0].verdict.is_valid());
/// ```
///
/// # Errors
/// [`ErrorCode::ProofMissing`] when `doc` has no `proof` (or an empty array),
/// [`ErrorCode::TooManyItems`] past [`MAX_PROOFS`];
/// [`ErrorCode::UnsupportedProofType`] for another proof type; [`ErrorCode::MissingField`] /
/// [`ErrorCode::UnexpectedJsonType`] for a malformed proof; [`ErrorCode::InvalidFieldValue`]
/// when `creator` and `verificationMethod` disagree; [`ErrorCode::InvalidSignatureEncoding`]
/// when `signatureValue` is not a signature in either encoding; the key store's errors
/// ([`ErrorCode::UnknownVerificationMethod`], did:key errors); canonicalization errors.
pub fn verify_proofs(
    doc: &Value,
    keys: &TrustStore,
    expect: &ProofExpectations<'_>,
    limits: &Limits,
) -> Result<Vec<ProofCheck>> {
    verify_each(doc, expect, limits, |vm| match vm {
        Some(vm) => keys.resolve(vm),
        None => Err(Error::new(ErrorCode::MissingField, "proof has neither verificationMethod nor creator")),
    })
}

/// Verifies every proof of `doc` with one key the caller already trusts for this document,
/// whatever verification method the proofs name (or when they name none, as in the DIF test
/// vectors).
///
/// # Errors
/// As [`verify_proofs`], without the key-store errors.
pub fn verify_proofs_with_key(
    doc: &Value,
    key: &Ed25519PublicKey,
    expect: &ProofExpectations<'_>,
    limits: &Limits,
) -> Result<Vec<ProofCheck>> {
    verify_each(doc, expect, limits, |_| Ok(*key))
}

fn verify_each(
    doc: &Value,
    expect: &ProofExpectations<'_>,
    limits: &Limits,
    key_for: impl Fn(Option<&str>) -> Result<Ed25519PublicKey>,
) -> Result<Vec<ProofCheck>> {
    let members =
        doc.as_object().ok_or_else(|| Error::new(ErrorCode::UnexpectedJsonType, "document is not an object"))?;
    let proofs: &[Value] = match doc.get("proof") {
        None | Some(Value::Null) => &[],
        Some(Value::Array(items)) => items,
        Some(single) => core::slice::from_ref(single),
    };
    if proofs.is_empty() {
        return Err(Error::new(ErrorCode::ProofMissing, "document has no proof"));
    }
    if proofs.len() > MAX_PROOFS {
        return Err(Error::new(ErrorCode::TooManyItems, "document has more than MAX_PROOFS proofs"));
    }
    let mut checks = Vec::with_capacity(proofs.len());
    for (i, proof) in proofs.iter().enumerate() {
        let check = verify_one(members, proof, expect, limits, &key_for).map_err(|e| e.at_index(i))?;
        checks.push(check);
    }
    Ok(checks)
}

fn verify_one(
    members: &[(String, Value)],
    proof: &Value,
    expect: &ProofExpectations<'_>,
    limits: &Limits,
    key_for: &impl Fn(Option<&str>) -> Result<Ed25519PublicKey>,
) -> Result<ProofCheck> {
    let fields =
        proof.as_object().ok_or_else(|| Error::new(ErrorCode::UnexpectedJsonType, "a proof is not an object"))?;
    match proof.get("type") {
        Some(Value::String(t)) if t == PROOF_TYPE => {}
        Some(Value::String(_)) => {
            return Err(Error::new(ErrorCode::UnsupportedProofType, "proof type is not JcsEd25519Signature2020"))
        }
        None => return Err(Error::new(ErrorCode::MissingField, "proof has no type")),
        Some(_) => return Err(Error::new(ErrorCode::UnexpectedJsonType, "proof type is not a string")),
    }
    let vm = verification_method(proof)?;
    let signature_text = match proof.get("signatureValue") {
        Some(Value::String(s)) => s.as_str(),
        None | Some(Value::Null) => return Err(Error::new(ErrorCode::MissingField, "proof has no signatureValue")),
        Some(_) => return Err(Error::new(ErrorCode::UnexpectedJsonType, "signatureValue is not a string")),
    };
    let candidates = decode_signature(signature_text, expect.allow_sha256_prehash)?;
    let key = key_for(vm)?;
    let unsigned: Vec<(String, Value)> = fields.iter().filter(|(k, _)| k != "signatureValue").cloned().collect();
    let canonical = canonicalize(&with_proof(members, Value::Object(unsigned)), limits)?;
    let reading = find_reading(&key, canonical.as_bytes(), &candidates, expect.allow_sha256_prehash)?;
    let verdict = match reading {
        None => Verdict::Invalid(ErrorCode::SignatureMismatch),
        Some(_) => check_expectations(proof, expect)?,
    };
    Ok(ProofCheck { verification_method: String::from(vm.unwrap_or("")), verdict, reading })
}

/// `verificationMethod`, or the legacy `creator`; when both are present they must agree.
fn verification_method(proof: &Value) -> Result<Option<&str>> {
    let read = |name: &'static str, detail: &'static str| match proof.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.as_str())),
        Some(_) => Err(Error::new(ErrorCode::UnexpectedJsonType, detail)),
    };
    let vm = read("verificationMethod", "verificationMethod is not a string")?;
    let creator = read("creator", "creator is not a string")?;
    match (vm, creator) {
        (Some(a), Some(b)) if a != b => {
            Err(Error::new(ErrorCode::InvalidFieldValue, "creator and verificationMethod name different keys"))
        }
        (Some(a), _) | (None, Some(a)) => Ok(Some(a)),
        (None, None) => Ok(None),
    }
}

/// The document's members with `proof` replaced by (or set to) `proof`.
fn with_proof(members: &[(String, Value)], proof: Value) -> Value {
    let mut out: Vec<(String, Value)> = members.iter().filter(|(k, _)| k != "proof").cloned().collect();
    out.push((String::from("proof"), proof));
    Value::Object(out)
}

fn decode_signature(text: &str, allow_attached: bool) -> Result<Vec<(SignatureEncoding, Vec<u8>)>> {
    let usable = |bytes: &Vec<u8>| bytes.len() == 64 || (allow_attached && bytes.len() == 96);
    let mut out = Vec::with_capacity(2);
    if let Ok(bytes) = base58btc_decode(text) {
        if usable(&bytes) {
            out.push((SignatureEncoding::Base58Btc, bytes));
        }
    }
    if let Ok(bytes) = base64url_decode(text) {
        if usable(&bytes) {
            out.push((SignatureEncoding::Base64Url, bytes));
        }
    }
    if out.is_empty() {
        return Err(Error::new(
            ErrorCode::InvalidSignatureEncoding,
            "signatureValue is not a 64-byte Ed25519 signature in base58btc or Base64URL",
        ));
    }
    Ok(out)
}

fn find_reading(
    key: &Ed25519PublicKey,
    canonical: &[u8],
    candidates: &[(SignatureEncoding, Vec<u8>)],
    allow_prehash: bool,
) -> Result<Option<Reading>> {
    let digest = sha256(canonical);
    for (encoding, sig) in candidates {
        let encoding = *encoding;
        // 96-byte candidates exist only when the caller allowed pre-hashing (decode_signature).
        if let Some((s, appended)) = sig.split_at_checked(64).filter(|(_, a)| !a.is_empty()) {
            if ct_eq(appended, &digest) && key.verify(&digest, s)?.is_valid() {
                return Ok(Some(Reading { message: SignedMessage::Sha256PreHashAttached, encoding }));
            }
            continue;
        }
        if key.verify(canonical, sig)?.is_valid() {
            return Ok(Some(Reading { message: SignedMessage::RawJcs, encoding }));
        }
        if allow_prehash && key.verify(&digest, sig)?.is_valid() {
            return Ok(Some(Reading { message: SignedMessage::Sha256PreHash, encoding }));
        }
    }
    Ok(None)
}

fn check_expectations(proof: &Value, expect: &ProofExpectations<'_>) -> Result<Verdict> {
    let string_member = |name: &'static str, detail: &'static str| match proof.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.as_str())),
        Some(_) => Err(Error::new(ErrorCode::UnexpectedJsonType, detail)),
    };
    if let Some(want) = expect.proof_purpose {
        if string_member("proofPurpose", "proofPurpose is not a string")? != Some(want) {
            return Ok(Verdict::Invalid(ErrorCode::ProofPurposeMismatch));
        }
    }
    if let Some(want) = expect.domain {
        let ok = match proof.get("domain") {
            Some(Value::String(s)) => s == want,
            Some(Value::Array(items)) => items.iter().any(|i| i.as_str() == Some(want)),
            _ => false,
        };
        if !ok {
            return Ok(Verdict::Invalid(ErrorCode::ProofDomainMismatch));
        }
    }
    if let Some(want) = expect.challenge_or_nonce {
        let challenge = string_member("challenge", "challenge is not a string")?;
        let nonce = string_member("nonce", "nonce is not a string")?;
        if challenge != Some(want) && nonce != Some(want) {
            return Ok(Verdict::Invalid(ErrorCode::ProofChallengeMismatch));
        }
    }
    Ok(Verdict::Valid)
}

/// Proof members [`sign_jcs_ed25519`] writes itself.
const RESERVED: [&str; 5] = ["type", "created", "verificationMethod", "proofPurpose", "signatureValue"];

/// Adds a `JcsEd25519Signature2020` proof to `doc` (raw JCS, base58btc signature, as the
/// published vectors do). `extra` adds proof members such as `domain`, `nonce` or `challenge`.
/// A document that already has proofs gets an array of them, the new one last; each covers the
/// document with itself as the only proof.
///
/// ```
/// use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;
/// use ssi_verify_core::json::Value;
/// use ssi_verify_core::presentation::proof::{sign_jcs_ed25519, verify_proofs_with_key, ProofExpectations};
/// use ssi_verify_core::Limits;
/// let sk = Ed25519SecretKey::from_bytes(&[4u8; 32]);
/// let doc = Value::parse(r#"{"a":1}"#, &Limits::DEFAULT).unwrap();
/// let nonce = Value::String("n-1".into());
/// let signed = sign_jcs_ed25519(&doc, &sk, "did:ex:1#k", "authentication", "2025-01-01T00:00:00Z", &[("nonce", nonce)]).unwrap();
/// let expect = ProofExpectations { challenge_or_nonce: Some("n-1"), ..Default::default() };
/// let checks = verify_proofs_with_key(&signed, &sk.public_key(), &expect, &Limits::DEFAULT).unwrap();
/// assert!(checks[0].verdict.is_valid());
/// ```
///
/// # Errors
/// [`ErrorCode::UnexpectedJsonType`] when `doc` (or an existing `proof`) is not an object;
/// [`ErrorCode::InvalidArgument`] when `extra` repeats a member or names one this function
/// writes; canonicalization errors.
pub fn sign_jcs_ed25519(
    doc: &Value,
    key: &Ed25519SecretKey,
    verification_method: &str,
    proof_purpose: &str,
    created: &str,
    extra: &[(&str, Value)],
) -> Result<Value> {
    let members =
        doc.as_object().ok_or_else(|| Error::new(ErrorCode::UnexpectedJsonType, "document is not an object"))?;
    let mut proof: Vec<(String, Value)> = alloc::vec![
        (String::from("type"), Value::String(String::from(PROOF_TYPE))),
        (String::from("created"), Value::String(String::from(created))),
        (String::from("verificationMethod"), Value::String(String::from(verification_method))),
        (String::from("proofPurpose"), Value::String(String::from(proof_purpose))),
    ];
    for (i, (name, value)) in extra.iter().enumerate() {
        let repeated = extra.iter().take(i).any(|(n, _)| n == name);
        if RESERVED.contains(name) || repeated {
            return Err(
                Error::new(ErrorCode::InvalidArgument, "extra proof member is reserved or repeated").at_index(i)
            );
        }
        proof.push((String::from(*name), value.clone()));
    }
    // The document is the caller's own; the default limits still bound the canonicalization.
    let canonical = canonicalize(&with_proof(members, Value::Object(proof.clone())), &Limits::DEFAULT)?;
    proof.push((String::from("signatureValue"), Value::String(base58btc_encode(&key.sign(canonical.as_bytes())))));
    let proof = Value::Object(proof);
    let all = match doc.get("proof") {
        None | Some(Value::Null) => proof,
        Some(Value::Array(existing)) => {
            let mut list = existing.clone();
            list.push(proof);
            Value::Array(list)
        }
        Some(existing @ Value::Object(_)) => Value::Array(alloc::vec![existing.clone(), proof]),
        Some(_) => return Err(Error::new(ErrorCode::UnexpectedJsonType, "existing proof is not an object or array")),
    };
    Ok(with_proof(members, all))
}

/// `signed` with its (single) proof's `signatureValue` replaced by the base58btc of
/// `sign(canonical input)`: tests build the pre-hash and attached readings with it.
#[cfg(test)]
pub(crate) fn resigned(signed: &Value, sign: impl Fn(&[u8]) -> Vec<u8>) -> Value {
    let mut members = signed.as_object().map(<[_]>::to_vec).unwrap_or_default();
    if let Some((_, Value::Object(proof))) = members.iter_mut().find(|(k, _)| k == "proof") {
        proof.retain(|(k, _)| k != "signatureValue");
    }
    let canonical = canonicalize(&Value::Object(members.clone()), &Limits::DEFAULT).unwrap_or_default();
    let value = Value::String(base58btc_encode(&sign(canonical.as_bytes())));
    if let Some((_, Value::Object(proof))) = members.iter_mut().find(|(k, _)| k == "proof") {
        proof.push((String::from("signatureValue"), value));
    }
    Value::Object(members)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(json: &str) -> Value {
        Value::parse(json, &Limits::DEFAULT).unwrap()
    }

    #[test]
    fn both_encodings_of_one_signature_verify() {
        let sk = Ed25519SecretKey::from_bytes(&[8u8; 32]);
        let signed = sign_jcs_ed25519(&doc(r#"{"x":[1,2]}"#), &sk, "did:ex:1#k", "assertionMethod", "t", &[]).unwrap();
        let sv = signed.get("proof").and_then(|p| p.get("signatureValue")).and_then(Value::as_str).unwrap();
        let bytes = base58btc_decode(sv).unwrap();
        let as_b64 = crate::codec::base64url_encode(&bytes);
        let Value::Object(mut m) = signed.clone() else { panic!() };
        if let Some((_, Value::Object(p))) = m.iter_mut().find(|(k, _)| k == "proof") {
            if let Some((_, v)) = p.iter_mut().find(|(k, _)| k == "signatureValue") {
                *v = Value::String(as_b64);
            }
        }
        let checks = verify_proofs_with_key(
            &Value::Object(m),
            &sk.public_key(),
            &ProofExpectations::default(),
            &Limits::DEFAULT,
        )
        .unwrap();
        assert_eq!(
            checks[0].reading,
            Some(Reading { message: SignedMessage::RawJcs, encoding: SignatureEncoding::Base64Url })
        );
    }

    #[test]
    fn reserved_extra_members_are_refused() {
        let sk = Ed25519SecretKey::from_bytes(&[8u8; 32]);
        let d = doc("{}");
        for extra in [&[("type", Value::Null)][..], &[("nonce", Value::Null), ("nonce", Value::Null)][..]] {
            assert_eq!(
                sign_jcs_ed25519(&d, &sk, "vm", "p", "t", extra).unwrap_err().code(),
                ErrorCode::InvalidArgument
            );
        }
        assert_eq!(
            sign_jcs_ed25519(&doc("[]"), &sk, "vm", "p", "t", &[]).unwrap_err().code(),
            ErrorCode::UnexpectedJsonType
        );
    }

    fn check(doc: &Value, key: &Ed25519PublicKey, allow_prehash: bool) -> Result<Vec<ProofCheck>> {
        let expect = ProofExpectations { allow_sha256_prehash: allow_prehash, ..ProofExpectations::default() };
        verify_proofs_with_key(doc, key, &expect, &Limits::DEFAULT)
    }

    #[test]
    fn the_attached_pre_hash_form_needs_the_policy_and_96_bytes() {
        let sk = Ed25519SecretKey::from_bytes(&[9u8; 32]);
        let signed = sign_jcs_ed25519(&doc(r#"{"a":1}"#), &sk, "did:ex:1#k", "assertionMethod", "t", &[]).unwrap();
        let attached = resigned(&signed, |m| {
            let digest = sha256(m);
            let mut out = sk.sign(&digest).to_vec();
            out.extend_from_slice(&digest);
            out
        });
        let reading = check(&attached, &sk.public_key(), true).unwrap()[0].reading;
        assert_eq!(reading.map(|r| r.message), Some(SignedMessage::Sha256PreHashAttached));
        let strict = check(&attached, &sk.public_key(), false).unwrap_err();
        assert_eq!(strict.code(), ErrorCode::InvalidSignatureEncoding);
        // The appended digest must be the document's, and the signature must verify.
        let forged = resigned(&signed, |m| {
            let mut out = alloc::vec![0u8; 64];
            out.extend_from_slice(&sha256(m));
            out
        });
        assert_eq!(
            check(&forged, &sk.public_key(), true).unwrap()[0].verdict,
            Verdict::Invalid(ErrorCode::SignatureMismatch)
        );
        let other_digest = resigned(&signed, |m| {
            let digest = sha256(m);
            let mut out = sk.sign(&digest).to_vec();
            out.extend_from_slice(&sha256(b"other"));
            out
        });
        assert_eq!(
            check(&other_digest, &sk.public_key(), true).unwrap()[0].verdict,
            Verdict::Invalid(ErrorCode::SignatureMismatch)
        );
        let short = resigned(&signed, |m| sha256(m).to_vec());
        assert_eq!(check(&short, &sk.public_key(), true).unwrap_err().code(), ErrorCode::InvalidSignatureEncoding);
        let prehash = resigned(&signed, |m| sk.sign(&sha256(m)).to_vec());
        let reading = check(&prehash, &sk.public_key(), true).unwrap()[0].reading;
        assert_eq!(reading.map(|r| r.message), Some(SignedMessage::Sha256PreHash));
        assert_eq!(
            check(&prehash, &sk.public_key(), false).unwrap()[0].verdict,
            Verdict::Invalid(ErrorCode::SignatureMismatch)
        );
    }

    #[test]
    fn proof_count_bound_is_inclusive() {
        let sk = Ed25519SecretKey::from_bytes(&[10u8; 32]);
        let mut signed = doc(r#"{"a":1}"#);
        for _ in 0..MAX_PROOFS {
            signed = sign_jcs_ed25519(&signed, &sk, "did:ex:1#k", "assertionMethod", "t", &[]).unwrap();
        }
        let checks = check(&signed, &sk.public_key(), false).unwrap();
        assert_eq!(checks.len(), MAX_PROOFS);
        assert!(checks.iter().all(|c| c.verdict.is_valid()));
        let over = sign_jcs_ed25519(&signed, &sk, "did:ex:1#k", "assertionMethod", "t", &[]).unwrap();
        assert_eq!(check(&over, &sk.public_key(), false).unwrap_err().code(), ErrorCode::TooManyItems);
    }

    #[test]
    fn proof_type_and_key_names() {
        let sk = Ed25519SecretKey::from_bytes(&[11u8; 32]);
        let key = sk.public_key();
        let signed = sign_jcs_ed25519(&doc(r#"{"a":1}"#), &sk, "did:ex:1#k", "assertionMethod", "t", &[]).unwrap();
        let with_proof_member = |name: &str, value: &str| {
            let text = signed.to_json().replacen(r#""proof":{"#, &alloc::format!(r#""proof":{{"{name}":{value},"#), 1);
            doc(&text)
        };
        let code = |d: &Value| check(d, &key, false).unwrap_err().code();
        let retyped = doc(&signed.to_json().replace("JcsEd25519Signature2020", "Ed25519Signature2020"));
        assert_eq!(code(&retyped), ErrorCode::UnsupportedProofType);
        let untyped = doc(&signed.to_json().replace(r#""type":"JcsEd25519Signature2020","#, ""));
        assert_eq!(code(&untyped), ErrorCode::MissingField);
        let numbered = doc(&signed.to_json().replace(r#""JcsEd25519Signature2020""#, "1"));
        assert_eq!(code(&numbered), ErrorCode::UnexpectedJsonType);
        // A legacy creator must name the same key as verificationMethod.
        assert_eq!(code(&with_proof_member("creator", r#""did:ex:2#k""#)), ErrorCode::InvalidFieldValue);
        let same = resigned(&with_proof_member("creator", r#""did:ex:1#k""#), |m| sk.sign(m).to_vec());
        assert_eq!(check(&same, &key, false).unwrap()[0].verification_method, "did:ex:1#k");
        let legacy = doc(&same.to_json().replace(r#""verificationMethod":"did:ex:1#k","#, ""));
        let legacy = resigned(&legacy, |m| sk.sign(m).to_vec());
        assert_eq!(check(&legacy, &key, false).unwrap()[0].verification_method, "did:ex:1#k");
        assert_eq!(code(&with_proof_member("creator", "1")), ErrorCode::UnexpectedJsonType);
    }

    #[test]
    fn domain_and_challenge_expectations() {
        let sk = Ed25519SecretKey::from_bytes(&[12u8; 32]);
        let sign = |extra: &[(&str, Value)]| {
            sign_jcs_ed25519(&doc(r#"{"a":1}"#), &sk, "did:ex:1#k", "authentication", "t", extra).unwrap()
        };
        let verdict = |d: &Value, expect: ProofExpectations<'_>| {
            verify_proofs_with_key(d, &sk.public_key(), &expect, &Limits::DEFAULT).unwrap()[0].verdict
        };
        let domain = |want| ProofExpectations { domain: Some(want), ..ProofExpectations::default() };
        let one = sign(&[("domain", Value::String(String::from("d.example")))]);
        assert_eq!(verdict(&one, domain("d.example")), Verdict::Valid);
        assert_eq!(verdict(&one, domain("e.example")), Verdict::Invalid(ErrorCode::ProofDomainMismatch));
        let list = sign(&[("domain", doc(r#"["a.example","d.example"]"#))]);
        assert_eq!(verdict(&list, domain("d.example")), Verdict::Valid);
        assert_eq!(verdict(&list, domain("e.example")), Verdict::Invalid(ErrorCode::ProofDomainMismatch));
        assert_eq!(verdict(&sign(&[]), domain("d.example")), Verdict::Invalid(ErrorCode::ProofDomainMismatch));
        let challenge = |want| ProofExpectations { challenge_or_nonce: Some(want), ..ProofExpectations::default() };
        for member in ["challenge", "nonce"] {
            let d = sign(&[(member, Value::String(String::from("n-1")))]);
            assert_eq!(verdict(&d, challenge("n-1")), Verdict::Valid, "{member}");
            assert_eq!(verdict(&d, challenge("n-2")), Verdict::Invalid(ErrorCode::ProofChallengeMismatch), "{member}");
        }
        let purpose = ProofExpectations { proof_purpose: Some("assertionMethod"), ..ProofExpectations::default() };
        assert_eq!(verdict(&one, purpose), Verdict::Invalid(ErrorCode::ProofPurposeMismatch));
    }
}
