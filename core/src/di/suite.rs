//! The RDF-based proof suites: canonicalize, hash, verify.
//!
//! Every suite here signs `hash(canonical proof configuration) ‖ hash(canonical document)`
//! (vc-di-eddsa 3.3.5, vc-di-ecdsa 3.3.5, the legacy jsonld-signatures `verifyData`), where
//! "canonical" is RDFC-1.0 N-Quads. The hash is SHA-256, except for ecdsa-rdfc-2019 with a
//! P-384 key: SHA-384 both inside RDFC-1.0 and for the two hashes.

use alloc::string::String;
use alloc::vec::Vec;

use super::keys::DiPublicKey;
use crate::codec::{base58btc_decode, base64url_decode};
use crate::crypto::{digest, HashAlg};
use crate::error::{Error, ErrorCode, Result};
use crate::json::Value;
use crate::rdf::{canonicalize, Quad};
use crate::{Limits, Verdict};

/// A Linked Data proof suite that signs RDFC-1.0 canonical N-Quads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RdfSuite {
    /// `DataIntegrityProof` with `cryptosuite: eddsa-rdfc-2022` (Ed25519, `proofValue` multibase).
    EddsaRdfc2022,
    /// `DataIntegrityProof` with `cryptosuite: ecdsa-rdfc-2019` (P-256 or P-384, `proofValue` multibase).
    EcdsaRdfc2019,
    /// `Ed25519Signature2018`: a detached JWS (`b64: false`, EdDSA) in `jws`.
    Ed25519Signature2018,
    /// `JsonWebSignature2020`: a detached JWS (`b64: false`) in `jws` whose `alg` the key
    /// decides: EdDSA (Ed25519), ES256 (P-256), ES384 (P-384), ES256K (secp256k1); SHA-256 for
    /// the hashes.
    JsonWebSignature2020,
    /// `EcdsaSecp256k1Signature2019`: a detached JWS (`b64: false`, ES256K) in `jws`, SHA-256.
    EcdsaSecp256k1Signature2019,
    /// `RsaSignature2018`: a detached JWS (`b64: false`, RS256) in `jws`, SHA-256.
    RsaSignature2018,
    /// `DataIntegrityProof` with `cryptosuite: eddsa-jcs-2022`: as eddsa-rdfc-2022 over the
    /// RFC 8785 (JCS) forms instead of canonical N-Quads.
    EddsaJcs2022,
    /// `DataIntegrityProof` with `cryptosuite: ecdsa-jcs-2019`: as ecdsa-rdfc-2019 (P-256 with
    /// SHA-256, P-384 with SHA-384) over the JCS forms.
    EcdsaJcs2019,
}

impl RdfSuite {
    /// The suite a proof's `type` (and `cryptosuite`, for `DataIntegrityProof`) names.
    ///
    /// ```
    /// use ssi_verify_core::di::RdfSuite;
    /// assert_eq!(RdfSuite::from_type("DataIntegrityProof", Some("eddsa-rdfc-2022")).unwrap(), RdfSuite::EddsaRdfc2022);
    /// assert!(RdfSuite::from_type("DataIntegrityProof", Some("eddsa-jcs-2022")).unwrap().is_jcs());
    /// assert!(RdfSuite::from_type("DataIntegrityProof", Some("ecdsa-sd-2023")).is_err());
    /// ```
    ///
    /// # Errors
    /// [`ErrorCode::UnsupportedProofType`] for anything else.
    pub fn from_type(proof_type: &str, cryptosuite: Option<&str>) -> Result<Self> {
        match (proof_type, cryptosuite) {
            ("DataIntegrityProof", Some("eddsa-rdfc-2022")) => Ok(Self::EddsaRdfc2022),
            ("DataIntegrityProof", Some("ecdsa-rdfc-2019")) => Ok(Self::EcdsaRdfc2019),
            ("Ed25519Signature2018", None) => Ok(Self::Ed25519Signature2018),
            ("JsonWebSignature2020", None) => Ok(Self::JsonWebSignature2020),
            ("EcdsaSecp256k1Signature2019", None) => Ok(Self::EcdsaSecp256k1Signature2019),
            ("RsaSignature2018", None) => Ok(Self::RsaSignature2018),
            ("DataIntegrityProof", Some("eddsa-jcs-2022")) => Ok(Self::EddsaJcs2022),
            ("DataIntegrityProof", Some("ecdsa-jcs-2019")) => Ok(Self::EcdsaJcs2019),
            _ => Err(Error::new(ErrorCode::UnsupportedProofType, "not an RDF proof suite this library verifies")),
        }
    }

    /// The name as a proof writes it (`eddsa-rdfc-2022`, `ecdsa-rdfc-2019`,
    /// `Ed25519Signature2018`, `JsonWebSignature2020`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::EddsaRdfc2022 => "eddsa-rdfc-2022",
            Self::EcdsaRdfc2019 => "ecdsa-rdfc-2019",
            Self::Ed25519Signature2018 => "Ed25519Signature2018",
            Self::JsonWebSignature2020 => "JsonWebSignature2020",
            Self::EcdsaSecp256k1Signature2019 => "EcdsaSecp256k1Signature2019",
            Self::RsaSignature2018 => "RsaSignature2018",
            Self::EddsaJcs2022 => "eddsa-jcs-2022",
            Self::EcdsaJcs2019 => "ecdsa-jcs-2019",
        }
    }

    /// Whether the suite signs the JCS forms (not canonical N-Quads).
    #[must_use]
    pub const fn is_jcs(self) -> bool {
        matches!(self, Self::EddsaJcs2022 | Self::EcdsaJcs2019)
    }

    /// The hash this suite uses with `key` (inside RDFC-1.0 and for the two hashes).
    ///
    /// ```
    /// use ssi_verify_core::di::{DiPublicKey, RdfSuite};
    /// use ssi_verify_core::crypto::HashAlg;
    /// use ssi_verify_core::ErrorCode;
    /// let p384 = DiPublicKey::from_multikey("z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ").unwrap();
    /// assert_eq!(RdfSuite::EcdsaRdfc2019.hash_alg(&p384).unwrap(), HashAlg::Sha384);
    /// assert_eq!(RdfSuite::EddsaRdfc2022.hash_alg(&p384).unwrap_err().code(), ErrorCode::UnsupportedKey);
    /// ```
    ///
    /// # Errors
    /// [`ErrorCode::UnsupportedKey`] when the key's type is not the suite's (the key decides
    /// the algorithm, so a P-256 key never verifies an eddsa proof).
    pub fn hash_alg(self, key: &DiPublicKey) -> Result<HashAlg> {
        match (self, key) {
            (Self::EddsaRdfc2022 | Self::EddsaJcs2022 | Self::Ed25519Signature2018, DiPublicKey::Ed25519(_))
            | (Self::EcdsaRdfc2019 | Self::EcdsaJcs2019, DiPublicKey::P256(_) | DiPublicKey::P384(_))
            | (Self::EcdsaSecp256k1Signature2019, DiPublicKey::Secp256k1(_))
            | (Self::RsaSignature2018, DiPublicKey::Rsa(_)) => Ok(key.hash_alg()),
            // The 2020 JWS suite hashes with SHA-256 whatever the JWS algorithm (the DIF vectors).
            (Self::JsonWebSignature2020, _) => Ok(HashAlg::Sha256),
            _ => Err(Error::new(ErrorCode::UnsupportedKey, "the key type does not belong to this proof suite")),
        }
    }
}

/// The intermediate values of a proof: both canonical forms and their hashes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HashData {
    /// RDFC-1.0 canonical N-Quads of the proof configuration.
    pub proof_nquads: String,
    /// RDFC-1.0 canonical N-Quads of the document without its proof.
    pub document_nquads: String,
    /// Hash of `proof_nquads`.
    pub proof_hash: Vec<u8>,
    /// Hash of `document_nquads`.
    pub document_hash: Vec<u8>,
}

impl HashData {
    /// `proof_hash ‖ document_hash`: what the suites sign (the legacy suites' `verifyData`).
    #[must_use]
    pub fn combined(&self) -> Vec<u8> {
        let mut v = Vec::with_capacity(self.proof_hash.len() + self.document_hash.len());
        v.extend_from_slice(&self.proof_hash);
        v.extend_from_slice(&self.document_hash);
        v
    }
}

/// Canonicalizes the proof configuration and the document (RDFC-1.0 with `hash`) and hashes
/// both canonical forms with `hash`.
///
/// ```
/// use ssi_verify_core::di::hash_data;
/// use ssi_verify_core::rdf::parse_nquads;
/// use ssi_verify_core::crypto::HashAlg;
/// use ssi_verify_core::Limits;
/// let l = Limits::DEFAULT;
/// let proof = parse_nquads("_:p <urn:p> \"proof\" .\n", &l).unwrap();
/// let doc = parse_nquads("_:d <urn:p> \"doc\" .\n", &l).unwrap();
/// let h = hash_data(&proof, &doc, HashAlg::Sha256, &l).unwrap();
/// assert_eq!(h.document_nquads, "_:c14n0 <urn:p> \"doc\" .\n");
/// assert_eq!(h.combined().len(), 64);
/// ```
///
/// # Errors
/// Those of [`canonicalize`].
pub fn hash_data(proof_config: &[Quad], document: &[Quad], hash: HashAlg, limits: &Limits) -> Result<HashData> {
    let proof_nquads = canonicalize(proof_config, hash, limits)?.into_nquads();
    let document_nquads = canonicalize(document, hash, limits)?.into_nquads();
    let proof_hash = digest(hash, &[proof_nquads.as_bytes()]).as_bytes().to_vec();
    let document_hash = digest(hash, &[document_nquads.as_bytes()]).as_bytes().to_vec();
    Ok(HashData { proof_nquads, document_nquads, proof_hash, document_hash })
}

/// The JCS cryptosuites' hash data: the RFC 8785 forms of the proof configuration and of the
/// document (in the `*_nquads` fields) and their hashes with `hash`.
///
/// ```
/// use ssi_verify_core::di::jcs_hash_data;
/// use ssi_verify_core::crypto::HashAlg;
/// use ssi_verify_core::json::Value;
/// use ssi_verify_core::Limits;
/// let l = Limits::DEFAULT;
/// let doc = Value::parse(r#"{"b":1,"a":2}"#, &l).unwrap();
/// let h = jcs_hash_data(&doc, &doc, HashAlg::Sha256, &l).unwrap();
/// assert_eq!(h.document_nquads, r#"{"a":2,"b":1}"#);
/// ```
///
/// # Errors
/// Those of [`crate::json::jcs::canonicalize`].
pub fn jcs_hash_data(proof_config: &Value, document: &Value, hash: HashAlg, limits: &Limits) -> Result<HashData> {
    let proof_nquads = crate::json::jcs::canonicalize(proof_config, limits)?;
    let document_nquads = crate::json::jcs::canonicalize(document, limits)?;
    let proof_hash = digest(hash, &[proof_nquads.as_bytes()]).as_bytes().to_vec();
    let document_hash = digest(hash, &[document_nquads.as_bytes()]).as_bytes().to_vec();
    Ok(HashData { proof_nquads, document_nquads, proof_hash, document_hash })
}

/// Verifies a proof's signature over its hash data: `signature` is the `proofValue`
/// (multibase base58btc, the Data Integrity suites) or the `jws` (Ed25519Signature2018,
/// JsonWebSignature2020).
///
/// ```
/// use ssi_verify_core::di::{hash_data, verify_signature, DiPublicKey, RdfSuite};
/// use ssi_verify_core::codec::base58btc_encode;
/// use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;
/// use ssi_verify_core::rdf::parse_nquads;
/// use ssi_verify_core::crypto::HashAlg;
/// use ssi_verify_core::{ErrorCode, Limits, Verdict};
/// let l = Limits::DEFAULT;
/// let sk = Ed25519SecretKey::from_bytes(&[9u8; 32]);
/// let key = DiPublicKey::Ed25519(sk.public_key());
/// let proof = parse_nquads("_:p <urn:p> \"proof\" .\n", &l).unwrap();
/// let doc = parse_nquads("_:d <urn:p> \"doc\" .\n", &l).unwrap();
/// let data = hash_data(&proof, &doc, HashAlg::Sha256, &l).unwrap();
/// let proof_value = format!("z{}", base58btc_encode(&sk.sign(&data.combined())));
/// assert_eq!(verify_signature(RdfSuite::EddsaRdfc2022, &key, &data, &proof_value).unwrap(), Verdict::Valid);
/// let other = hash_data(&proof, &proof, HashAlg::Sha256, &l).unwrap();
/// assert_eq!(
///     verify_signature(RdfSuite::EddsaRdfc2022, &key, &other, &proof_value).unwrap(),
///     Verdict::Invalid(ErrorCode::SignatureMismatch)
/// );
/// ```
///
/// # Errors
/// [`ErrorCode::UnsupportedKey`] for a key of another type than the suite's;
/// [`ErrorCode::InvalidMultibase`] / [`ErrorCode::InvalidBase58`] /
/// [`ErrorCode::InvalidSignatureEncoding`] for a malformed `proofValue`;
/// [`ErrorCode::InvalidJwt`] / [`ErrorCode::InvalidFieldValue`] / [`ErrorCode::JwtAlgMismatch`]
/// for a `jws` that is not a detached `b64: false` JWS with the key's algorithm.
pub fn verify_signature(suite: RdfSuite, key: &DiPublicKey, data: &HashData, signature: &str) -> Result<Verdict> {
    suite.hash_alg(key)?;
    match suite {
        RdfSuite::EddsaRdfc2022 | RdfSuite::EcdsaRdfc2019 | RdfSuite::EddsaJcs2022 | RdfSuite::EcdsaJcs2019 => {
            let body = signature
                .strip_prefix('z')
                .ok_or_else(|| Error::new(ErrorCode::InvalidMultibase, "proofValue is base58btc multibase ('z')"))?;
            let sig = base58btc_decode(body)?;
            key.verify(&data.combined(), &sig)
        }
        RdfSuite::Ed25519Signature2018
        | RdfSuite::JsonWebSignature2020
        | RdfSuite::EcdsaSecp256k1Signature2019
        | RdfSuite::RsaSignature2018 => {
            let alg = if suite == RdfSuite::RsaSignature2018 { "RS256" } else { key.jws_alg() };
            let (header, sig) = detached_jws(signature, alg)?;
            let mut message = Vec::with_capacity(header.len() + 1 + 64);
            message.extend_from_slice(header.as_bytes());
            message.push(b'.');
            message.extend_from_slice(&data.combined());
            key.verify_jws(alg, &message, &sig)
        }
    }
}

/// Splits a detached JWS `header..signature` (RFC 7515 appendix F, RFC 7797 `b64: false`),
/// checking the header: `alg` must be `alg`, `b64` false and `crit` exactly `["b64"]`.
fn detached_jws<'a>(jws: &'a str, alg: &str) -> Result<(&'a str, Vec<u8>)> {
    let malformed = |d| Error::new(ErrorCode::InvalidJwt, d);
    let (header, rest) = jws.split_once('.').ok_or_else(|| malformed("a detached JWS is header..signature"))?;
    let sig = rest.strip_prefix('.').ok_or_else(|| malformed("a detached JWS has an empty payload"))?;
    if sig.contains('.') {
        return Err(malformed("a detached JWS has three parts"));
    }
    let header_json = base64url_decode(header)?;
    let text = core::str::from_utf8(&header_json).map_err(|_| Error::code_only(ErrorCode::InvalidUtf8))?;
    let h = Value::parse(text, &Limits::DEFAULT)?;
    let members = h.as_object().ok_or_else(|| malformed("the JWS header is a JSON object"))?;
    let bad_header = |d| Error::new(ErrorCode::InvalidFieldValue, d);
    if h.get("alg").and_then(Value::as_str) != Some(alg) {
        return Err(Error::new(ErrorCode::JwtAlgMismatch, "the JWS alg is not the key's algorithm"));
    }
    if h.get("b64") != Some(&Value::Bool(false)) {
        return Err(bad_header("the JWS header must say b64: false"));
    }
    match h.get("crit").and_then(Value::as_array) {
        Some([Value::String(c)]) if c == "b64" => {}
        _ => return Err(bad_header("the JWS header must say crit: [\"b64\"]")),
    }
    if members.iter().any(|(k, _)| !matches!(k.as_str(), "alg" | "b64" | "crit" | "kid" | "typ")) {
        return Err(Error::new(ErrorCode::UnknownField, "the JWS header has a parameter this suite does not define"));
    }
    Ok((header, base64url_decode(sig)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::base64url_encode;
    use crate::crypto::ed25519::Ed25519SecretKey;
    use crate::rdf::parse_nquads;
    use alloc::format;

    fn data() -> HashData {
        let l = Limits::DEFAULT;
        let p = parse_nquads("_:p <urn:p> \"proof\" .\n", &l).unwrap();
        let d = parse_nquads("_:d <urn:p> \"doc\" .\n", &l).unwrap();
        hash_data(&p, &d, HashAlg::Sha256, &l).unwrap()
    }

    fn jws(header: &str, sk: &Ed25519SecretKey, data: &HashData) -> String {
        let h = base64url_encode(header.as_bytes());
        let mut msg = format!("{h}.").into_bytes();
        msg.extend_from_slice(&data.combined());
        format!("{h}..{}", base64url_encode(&sk.sign(&msg)))
    }

    #[test]
    fn detached_jws_headers() {
        let sk = Ed25519SecretKey::from_bytes(&[1u8; 32]);
        let key = DiPublicKey::Ed25519(sk.public_key());
        let d = data();
        let good = jws(r#"{"alg":"EdDSA","b64":false,"crit":["b64"]}"#, &sk, &d);
        assert_eq!(verify_signature(RdfSuite::Ed25519Signature2018, &key, &d, &good).unwrap(), Verdict::Valid);
        for (header, code) in [
            (r#"{"alg":"ES256","b64":false,"crit":["b64"]}"#, ErrorCode::JwtAlgMismatch),
            (r#"{"alg":"EdDSA","b64":true,"crit":["b64"]}"#, ErrorCode::InvalidFieldValue),
            (r#"{"alg":"EdDSA","b64":false}"#, ErrorCode::InvalidFieldValue),
            (r#"{"alg":"EdDSA","b64":false,"crit":["b64","x"],"x":1}"#, ErrorCode::InvalidFieldValue),
            (r#"{"alg":"EdDSA","b64":false,"crit":["x"]}"#, ErrorCode::InvalidFieldValue),
            (r#"{"alg":"EdDSA","b64":false,"crit":["b64"],"jku":"https://x"}"#, ErrorCode::UnknownField),
        ] {
            let j = jws(header, &sk, &d);
            assert_eq!(
                verify_signature(RdfSuite::Ed25519Signature2018, &key, &d, &j).unwrap_err().code(),
                code,
                "{header}"
            );
        }
        let attached = good.replacen("..", ".e30.", 1);
        assert_eq!(
            verify_signature(RdfSuite::Ed25519Signature2018, &key, &d, &attached).unwrap_err().code(),
            ErrorCode::InvalidJwt
        );
    }

    #[test]
    fn the_key_decides() {
        let sk = Ed25519SecretKey::from_bytes(&[1u8; 32]);
        let key = DiPublicKey::Ed25519(sk.public_key());
        let d = data();
        let pv = format!("z{}", crate::codec::base58btc_encode(&sk.sign(&d.combined())));
        assert_eq!(verify_signature(RdfSuite::EddsaRdfc2022, &key, &d, &pv).unwrap(), Verdict::Valid);
        assert_eq!(
            verify_signature(RdfSuite::EcdsaRdfc2019, &key, &d, &pv).unwrap_err().code(),
            ErrorCode::UnsupportedKey
        );
        assert_eq!(
            verify_signature(RdfSuite::EddsaRdfc2022, &key, &d, &pv[1..]).unwrap_err().code(),
            ErrorCode::InvalidMultibase
        );
    }
}
