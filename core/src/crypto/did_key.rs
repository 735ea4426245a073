//! did:key and did:jwk resolved offline, and the trust store for every other DID.
//!
//! A `did:key` carries its public key: `did:key:z` + base58btc(multicodec varint ‖ key). The
//! signing keys this library verifies with are Ed25519 (0xed, `z6Mk…`), P-256 (0x1200,
//! `zDn…`) and secp256k1 (0xe7, `zQ3s…`), the two curves as 33-byte compressed points as the
//! did:key specification requires; every other multicodec is refused as unsupported, never
//! misread. A `did:jwk` carries a public JWK (Base64URL of its JSON) and has the one
//! verification method `#0`. Every other DID method is an opaque name the caller maps to a key
//! in a [`TrustStore`].

use alloc::string::String;
use alloc::vec::Vec;

use crate::codec::{base58btc_decode, base58btc_encode, base64url_decode};
use crate::crypto::ecdsa::{EcCurve, EcdsaPublicKey};
use crate::crypto::ed25519::Ed25519PublicKey;
use crate::error::{Error, ErrorCode, Result};
use crate::jose::JwsKey;
use crate::json::Value;
use crate::limits::Limits;

const PREFIX: &str = "did:key:";
const ED25519_PUB: u64 = 0xed;
const X25519_PUB: u64 = 0xec;
const SECP256K1_PUB: u64 = 0xe7;
const P256_PUB: u64 = 0x1200;

/// A verification key a DID or the trust store yields. Its variant fixes the one JWS
/// algorithm it verifies (`EdDSA`, `ES256` or `ES256K`), so no token can choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerificationKey {
    /// An Ed25519 key (EdDSA, JcsEd25519Signature2020).
    Ed25519(Ed25519PublicKey),
    /// A P-256 or secp256k1 key (ES256, ES256K).
    Ecdsa(EcdsaPublicKey),
}

impl VerificationKey {
    /// The JWS key (and with it the only `alg`) this key verifies.
    ///
    /// ```
    /// use ssi_verify_core::crypto::did_key::resolve_did;
    /// let k = resolve_did("did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme").unwrap();
    /// assert_eq!(k.jws_key().alg(), "ES256K");
    /// ```
    #[must_use]
    pub fn jws_key(&self) -> JwsKey<'_> {
        match self {
            VerificationKey::Ed25519(k) => JwsKey::Ed25519(k),
            VerificationKey::Ecdsa(k) => JwsKey::Ecdsa(k),
        }
    }

    /// Reads a public JWK: `OKP` / `Ed25519`, `EC` / `P-256` or `EC` / `secp256k1`.
    ///
    /// ```
    /// use ssi_verify_core::crypto::did_key::VerificationKey;
    /// use ssi_verify_core::json::Value;
    /// use ssi_verify_core::{ErrorCode, Limits};
    /// let jwk = Value::parse(r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#, &Limits::DEFAULT).unwrap();
    /// assert!(matches!(VerificationKey::from_jwk(&jwk).unwrap(), VerificationKey::Ed25519(_)));
    /// let p384 = Value::parse(r#"{"kty":"EC","crv":"P-384","x":"","y":""}"#, &Limits::DEFAULT).unwrap();
    /// assert_eq!(VerificationKey::from_jwk(&p384).unwrap_err().code(), ErrorCode::UnsupportedKey);
    /// ```
    ///
    /// # Errors
    /// [`ErrorCode::UnexpectedJsonType`] / [`ErrorCode::MissingField`] for the shape;
    /// [`ErrorCode::UnsupportedKey`] for another `kty` / `crv`; [`ErrorCode::InvalidKey`] for
    /// a private JWK (`d` present: a trust store holds public keys only), an `alg` the key
    /// does not fix, or a `use` other than `sig`; Base64URL errors; the point errors of
    /// [`EcdsaPublicKey::from_coordinates`].
    pub fn from_jwk(jwk: &Value) -> Result<Self> {
        if jwk.as_object().is_none() {
            return Err(Error::new(ErrorCode::UnexpectedJsonType, "a JWK is a JSON object"));
        }
        let text = |name: &'static str| match jwk.get(name) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.as_str())),
            Some(_) => {
                Err(Error::new(ErrorCode::UnexpectedJsonType, "JWK members kty, crv, x, y, alg, use are strings"))
            }
        };
        let required = |name: &'static str| {
            text(name)?.ok_or_else(|| Error::new(ErrorCode::MissingField, "JWK lacks kty, crv, x or y"))
        };
        if jwk.get("d").is_some() {
            return Err(Error::new(ErrorCode::InvalidKey, "a private JWK: trust public keys only"));
        }
        if text("use")?.is_some_and(|u| u != "sig") {
            return Err(Error::new(ErrorCode::InvalidKey, "JWK use is not sig"));
        }
        let kty = required("kty")?;
        if kty == "RSA" {
            return Err(Error::new(ErrorCode::UnsupportedKey, "an RSA JWK is no EdDSA, ES256 or ES256K key"));
        }
        let key = match (kty, required("crv")?) {
            ("OKP", "Ed25519") => {
                VerificationKey::Ed25519(Ed25519PublicKey::from_bytes(&base64url_decode(required("x")?)?)?)
            }
            ("EC", crv) => {
                let curve = EcCurve::from_jwk_crv(crv)
                    .ok_or_else(|| Error::new(ErrorCode::UnsupportedKey, "EC JWK curve is not P-256 or secp256k1"))?;
                let x = base64url_decode(required("x")?)?;
                let y = base64url_decode(required("y")?)?;
                VerificationKey::Ecdsa(EcdsaPublicKey::from_coordinates(curve, &x, &y)?)
            }
            _ => return Err(Error::new(ErrorCode::UnsupportedKey, "JWK is not OKP Ed25519, EC P-256 or EC secp256k1")),
        };
        if text("alg")?.is_some_and(|a| a != key.jws_key().alg()) {
            return Err(Error::new(ErrorCode::InvalidKey, "JWK alg is not the algorithm its key fixes"));
        }
        Ok(key)
    }
}

/// Resolves a `did:key` (Ed25519, P-256, secp256k1) or `did:jwk` DID, or one of their
/// verification-method ids, to its key, offline.
///
/// ```
/// use ssi_verify_core::crypto::did_key::{resolve_did, VerificationKey};
/// use ssi_verify_core::crypto::ecdsa::EcCurve;
/// use ssi_verify_core::ErrorCode;
/// let p256 = "did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169";
/// let VerificationKey::Ecdsa(k) = resolve_did(p256).unwrap() else { unreachable!() };
/// assert_eq!(k.curve(), EcCurve::P256);
/// assert!(resolve_did(&format!("{p256}#{}", &p256[8..])).is_ok());
/// let jwk = "did:jwk:eyJjcnYiOiJQLTI1NiIsImt0eSI6IkVDIiwieCI6ImFjYklRaXVNczNpOF91c3pFakoydHBUdFJNNEVVM3l6OTFQSDZDZEgyVjAiLCJ5IjoiX0tjeUxqOXZXTXB0bm1LdG00NkdxRHo4d2Y3NEk1TEtncmwyR3pIM25TRSJ9";
/// assert!(resolve_did(&format!("{jwk}#0")).is_ok());
/// assert_eq!(resolve_did(&format!("{jwk}#1")).unwrap_err().code(), ErrorCode::InvalidDid);
/// ```
///
/// # Errors
/// As [`resolve_did_key`] for `did:key` (without the Ed25519-only restriction); for `did:jwk`,
/// [`ErrorCode::InvalidDid`] when the identifier is not Base64URL JSON or the fragment is not
/// `0`, and [`VerificationKey::from_jwk`]'s errors.
pub fn resolve_did(did_or_vm: &str) -> Result<VerificationKey> {
    match did_jwk(did_or_vm) {
        Some(jwk) => VerificationKey::from_jwk(&jwk?),
        None => resolve_key_did(did_or_vm),
    }
}

/// The JWK a `did:jwk` DID (or its one verification method, `#0`) carries; `None` for any
/// other DID. The key's reading is the caller's: JWS and Data Integrity accept different types.
fn did_jwk(did_or_vm: &str) -> Option<Result<Value>> {
    let rest = did_or_vm.strip_prefix("did:jwk:")?;
    let (id, fragment) = match rest.split_once('#') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    if fragment.is_some_and(|f| f != "0") {
        return Some(Err(invalid("the only did:jwk verification method is #0")));
    }
    Some((|| {
        let bytes = base64url_decode(id).map_err(|_| invalid("did:jwk identifier is not Base64URL"))?;
        let text = core::str::from_utf8(&bytes).map_err(|_| invalid("did:jwk identifier is not UTF-8 JSON"))?;
        Value::parse(text, &Limits::DEFAULT).map_err(|_| invalid("did:jwk identifier is not a JSON JWK"))
    })())
}

fn invalid(detail: &'static str) -> Error {
    Error::new(ErrorCode::InvalidDid, detail)
}

/// Resolves `did:key:z6Mk…` or the verification-method id `did:key:z6Mk…#z6Mk…` to its
/// Ed25519 key, offline.
///
/// ```
/// use ssi_verify_core::crypto::did_key::resolve_did_key;
/// use ssi_verify_core::ErrorCode;
/// let did = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
/// let key = resolve_did_key(did).unwrap();
/// assert_eq!(key.to_bytes()[..2], [0x3b, 0x6a]);
/// assert_eq!(resolve_did_key(&format!("{did}#{}", &did[8..])).unwrap(), key);
/// assert_eq!(resolve_did_key("did:web:example.com").unwrap_err().code(), ErrorCode::UnsupportedDidMethod);
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidDid`] for anything that is not a DID, a `did:key` whose identifier is
/// not base58btc multibase with a well-formed multicodec, a DID URL with a path or query, or a
/// fragment other than the key's own identifier; [`ErrorCode::UnsupportedDidMethod`] for
/// another method; [`ErrorCode::UnsupportedKey`] for a key type other than Ed25519 (also for
/// the X25519 key-agreement method derived from an Ed25519 did:key);
/// [`ErrorCode::InvalidKey`] for an Ed25519 key of the wrong length or not on the curve.
pub fn resolve_did_key(did_or_vm: &str) -> Result<Ed25519PublicKey> {
    match resolve_key_did(did_or_vm)? {
        VerificationKey::Ed25519(k) => Ok(k),
        VerificationKey::Ecdsa(_) => Err(Error::new(ErrorCode::UnsupportedKey, "did:key multicodec is not Ed25519")),
    }
}

/// did:key of any of the three key types.
fn resolve_key_did(did_or_vm: &str) -> Result<VerificationKey> {
    let (did, fragment) = match did_or_vm.split_once('#') {
        Some((d, f)) => (d, Some(f)),
        None => (did_or_vm, None),
    };
    let Some(rest) = did.strip_prefix("did:") else {
        return Err(invalid("a DID starts with 'did:'"));
    };
    let (method, id) = rest.split_once(':').ok_or_else(|| invalid("a DID has a method and an identifier"))?;
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) {
        return Err(invalid("a DID method is lower-case letters and digits"));
    }
    if method != "key" {
        return Err(Error::new(ErrorCode::UnsupportedDidMethod, "only did:key resolves offline"));
    }
    // The base58 alphabet excludes ':', '/', '?', so versioned forms and DID URL paths fail here.
    let encoded = id.strip_prefix('z').ok_or_else(|| invalid("a did:key identifier is base58btc multibase ('z')"))?;
    let bytes = base58btc_decode(encoded).map_err(|_| invalid("did:key identifier is not base58btc"))?;
    let (codec, key) = read_varint(&bytes)?;
    let ec = |curve: EcCurve| {
        // The did:key specification requires the compressed form for both curves.
        if key.len() != 33 {
            return Err(Error::new(ErrorCode::InvalidKey, "did:key EC keys are 33-byte compressed points"));
        }
        EcdsaPublicKey::from_sec1(curve, key).map(VerificationKey::Ecdsa)
    };
    let public = match codec {
        ED25519_PUB => VerificationKey::Ed25519(Ed25519PublicKey::from_bytes(key)?),
        P256_PUB => ec(EcCurve::P256)?,
        SECP256K1_PUB => ec(EcCurve::Secp256k1)?,
        _ => {
            return Err(Error::new(ErrorCode::UnsupportedKey, "did:key multicodec is not Ed25519, P-256 or secp256k1"))
        }
    };
    match (fragment, public) {
        (None, _) => Ok(public),
        (Some(f), _) if f == id => Ok(public),
        (Some(f), VerificationKey::Ed25519(ed)) if f == x25519_fragment(&ed) => {
            Err(Error::new(ErrorCode::UnsupportedKey, "the did:key X25519 key-agreement key cannot verify signatures"))
        }
        (Some(_), _) => Err(invalid("did:key fragment is not the key's own identifier")),
    }
}

/// The `did:key` identifier of an Ed25519 public key.
///
/// ```
/// use ssi_verify_core::crypto::did_key::{did_key_of, resolve_did_key};
/// use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;
/// let pk = Ed25519SecretKey::from_bytes(&[0u8; 32]).public_key();
/// assert_eq!(did_key_of(&pk), "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp");
/// assert_eq!(resolve_did_key(&did_key_of(&pk)).unwrap(), pk);
/// ```
#[must_use]
pub fn did_key_of(key: &Ed25519PublicKey) -> String {
    let mut out = String::from(PREFIX);
    out.push_str(&multicodec_id(ED25519_PUB, &key.to_bytes()));
    out
}

/// The verification-method id of an Ed25519 `did:key` (`did:key:z6Mk…#z6Mk…`).
#[must_use]
pub fn did_key_verification_method(key: &Ed25519PublicKey) -> String {
    let id = multicodec_id(ED25519_PUB, &key.to_bytes());
    alloc::format!("{PREFIX}{id}#{id}")
}

/// The `did:key` verification-method id (`did:key:z…#z…`) of any of the three key types.
///
/// ```
/// use ssi_verify_core::crypto::did_key::{did_key_vm_of, resolve_did, VerificationKey};
/// use ssi_verify_core::crypto::ecdsa::{EcCurve, EcdsaPublicKey};
/// let k = resolve_did("did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169").unwrap();
/// assert_eq!(did_key_vm_of(&k), "did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169#zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169");
/// ```
#[must_use]
pub fn did_key_vm_of(key: &VerificationKey) -> String {
    let id = match key {
        VerificationKey::Ed25519(k) => multicodec_id(ED25519_PUB, &k.to_bytes()),
        VerificationKey::Ecdsa(k) => {
            let codec = match k.curve() {
                EcCurve::P256 => P256_PUB,
                EcCurve::Secp256k1 => SECP256K1_PUB,
            };
            multicodec_id(codec, &k.to_sec1_compressed())
        }
    };
    alloc::format!("{PREFIX}{id}#{id}")
}

/// `z` + base58btc(varint(codec) ‖ key): a did:key identifier or fragment.
fn multicodec_id(codec: u64, key: &[u8]) -> String {
    let mut bytes: Vec<u8> = Vec::with_capacity(key.len().saturating_add(2));
    let mut c = codec;
    loop {
        let low = u8::try_from(c & 0x7f).unwrap_or(0);
        c >>= 7;
        if c == 0 {
            bytes.push(low);
            break;
        }
        bytes.push(low | 0x80);
    }
    bytes.extend_from_slice(key);
    let mut out = String::from("z");
    out.push_str(&base58btc_encode(&bytes));
    out
}

/// The fragment of the X25519 key-agreement method that did:key derives from an Ed25519 key.
fn x25519_fragment(key: &Ed25519PublicKey) -> String {
    let montgomery = ed25519_dalek::VerifyingKey::from_bytes(&key.to_bytes())
        .map(|k| k.to_montgomery().to_bytes())
        .unwrap_or_default();
    multicodec_id(X25519_PUB, &montgomery)
}

/// Reads an unsigned LEB128 varint (the multicodec prefix): at most 9 bytes, minimally encoded.
pub(crate) fn read_varint(bytes: &[u8]) -> Result<(u64, &[u8])> {
    let mut value: u64 = 0;
    for (i, b) in bytes.iter().enumerate().take(9) {
        value |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            if *b == 0 && i > 0 {
                return Err(invalid("multicodec varint is not minimally encoded"));
            }
            let rest = bytes.get(i + 1..).unwrap_or(&[]);
            return Ok((value, rest));
        }
    }
    Err(invalid("multicodec varint is truncated or too long"))
}

/// Keys the caller trusts, by DID or verification-method id, with `did:key` resolved offline
/// for anything not listed.
///
/// ```
/// use ssi_verify_core::crypto::did_key::TrustStore;
/// use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;
/// use ssi_verify_core::ErrorCode;
/// let issuer = Ed25519SecretKey::from_bytes(&[5u8; 32]).public_key();
/// let mut keys = TrustStore::new();
/// keys.insert("did:gatc:24gsRbsURij3edoveHv81jt9EnhggrnR", issuer);
/// assert_eq!(keys.resolve("did:gatc:24gsRbsURij3edoveHv81jt9EnhggrnR#keys-1").unwrap(), issuer);
/// assert_eq!(keys.resolve("did:gatc:other#keys-1").unwrap_err().code(), ErrorCode::UnknownVerificationMethod);
/// ```
#[derive(Clone, Debug, Default)]
pub struct TrustStore {
    entries: Vec<(String, VerificationKey)>,
    /// Keys only the Data Integrity suites verify with (EC P-384, RSA): no JWS algorithm of
    /// this library takes them, so they never reach [`TrustStore::resolve_key`].
    #[cfg(feature = "data-integrity")]
    data_integrity_only: Vec<(String, crate::di::DiPublicKey)>,
}

impl TrustStore {
    /// An empty store (it still resolves `did:key`).
    #[must_use]
    pub fn new() -> Self {
        Self {
            entries: Vec::new(),
            #[cfg(feature = "data-integrity")]
            data_integrity_only: Vec::new(),
        }
    }

    /// Trusts `key` for `id`: a DID (every verification method under it) or one
    /// verification-method id. A later insert for the same id replaces the earlier one.
    pub fn insert(&mut self, id: &str, key: Ed25519PublicKey) {
        self.insert_key(id, VerificationKey::Ed25519(key));
    }

    /// Trusts `key` (of any supported type) for `id`, as [`TrustStore::insert`] does.
    pub fn insert_key(&mut self, id: &str, key: VerificationKey) {
        #[cfg(feature = "data-integrity")]
        self.data_integrity_only.retain(|(k, _)| k != id);
        match self.entries.iter_mut().find(|(k, _)| k == id) {
            Some(entry) => entry.1 = key,
            None => self.entries.push((String::from(id), key)),
        }
    }

    /// The key for verification method `vm`: an exact entry for `vm`, else the entry for its
    /// DID (the part before `#`), else the `did:key` itself.
    ///
    /// # Errors
    /// [`ErrorCode::UnknownVerificationMethod`] when nothing matches and `vm` is not a
    /// `did:key`; a `did:key`'s own errors (see [`resolve_did_key`]).
    pub fn resolve(&self, vm: &str) -> Result<Ed25519PublicKey> {
        match self.resolve_key(vm)? {
            VerificationKey::Ed25519(k) => Ok(k),
            VerificationKey::Ecdsa(_) => {
                Err(Error::new(ErrorCode::UnsupportedKey, "an Ed25519 key is needed; this one is P-256 or secp256k1"))
            }
        }
    }

    /// The key of any supported type for verification method `vm`: an exact entry, else the
    /// entry for its DID, else the `did:key` or `did:jwk` itself.
    ///
    /// ```
    /// use ssi_verify_core::crypto::did_key::{TrustStore, VerificationKey};
    /// let k = TrustStore::new().resolve_key("did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme").unwrap();
    /// assert!(matches!(k, VerificationKey::Ecdsa(_)));
    /// ```
    ///
    /// # Errors
    /// [`ErrorCode::UnknownVerificationMethod`] when nothing matches and `vm` is neither a
    /// `did:key` nor a `did:jwk`; their resolution errors (see [`resolve_did`]).
    pub fn resolve_key(&self, vm: &str) -> Result<VerificationKey> {
        let did = vm.split_once('#').map_or(vm, |(d, _)| d);
        let found = self.lookup(vm).or_else(|| self.lookup(did));
        if let Some(key) = found {
            return Ok(key);
        }
        #[cfg(feature = "data-integrity")]
        if self.data_integrity_lookup(vm, did).is_some() {
            return Err(Error::new(
                ErrorCode::UnsupportedKey,
                "this trusted key (EC P-384 or RSA) verifies Data Integrity proofs only",
            ));
        }
        if vm.starts_with(PREFIX) || vm.starts_with("did:jwk:") {
            return resolve_did(vm);
        }
        Err(Error::new(ErrorCode::UnknownVerificationMethod, "no trusted key for this verification method"))
    }

    /// Trusts a key that only the Data Integrity suites verify with (EC P-384, RSA) for `id`;
    /// like [`TrustStore::insert_key`], a later insert for the same id replaces the earlier one.
    ///
    /// ```
    /// use ssi_verify_core::crypto::did_key::TrustStore;
    /// use ssi_verify_core::di::DiPublicKey;
    /// let did = "did:key:z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ";
    /// let mut store = TrustStore::new();
    /// store.insert_data_integrity_key("did:example:issuer", DiPublicKey::from_did_key(did).unwrap());
    /// assert!(matches!(store.resolve_data_integrity_key("did:example:issuer#key-1"), Ok(DiPublicKey::P384(_))));
    /// ```
    #[cfg(feature = "data-integrity")]
    pub fn insert_data_integrity_key(&mut self, id: &str, key: crate::di::DiPublicKey) {
        self.entries.retain(|(k, _)| k != id);
        match self.data_integrity_only.iter_mut().find(|(k, _)| k == id) {
            Some(entry) => entry.1 = key,
            None => self.data_integrity_only.push((String::from(id), key)),
        }
    }

    /// The key a Data Integrity proof naming `vm` verifies with: an exact entry (of any key
    /// type, P-384 and RSA included), else the entry for its DID, else the `did:key`
    /// (Ed25519, P-256, P-384, secp256k1, RSA) or `did:jwk` itself.
    ///
    /// # Errors
    /// [`ErrorCode::UnknownVerificationMethod`] when nothing matches and `vm` is neither a
    /// `did:key` nor a `did:jwk`; their resolution errors.
    #[cfg(feature = "data-integrity")]
    pub fn resolve_data_integrity_key(&self, vm: &str) -> Result<crate::di::DiPublicKey> {
        use crate::di::DiPublicKey;
        let did = vm.split_once('#').map_or(vm, |(d, _)| d);
        if let Some(key) = self.data_integrity_lookup(vm, did) {
            return Ok(key.clone());
        }
        match self.resolve_key(vm) {
            Ok(VerificationKey::Ed25519(k)) => Ok(DiPublicKey::Ed25519(k)),
            Ok(VerificationKey::Ecdsa(EcdsaPublicKey::P256(k))) => Ok(DiPublicKey::P256(k)),
            Ok(VerificationKey::Ecdsa(EcdsaPublicKey::Secp256k1(k))) => Ok(DiPublicKey::Secp256k1(k)),
            // A P-384 or RSA did:key or did:jwk is no JWS key of this library, but a Data
            // Integrity key; only that refusal is read again (a JWK refused for another reason
            // keeps it).
            Err(e) if e.code() == ErrorCode::UnsupportedKey && vm.starts_with(PREFIX) => DiPublicKey::from_did_key(vm),
            Err(e) if e.code() == ErrorCode::UnsupportedKey => match did_jwk(vm) {
                Some(jwk) => DiPublicKey::from_jwk(&jwk?),
                None => Err(e),
            },
            Err(e) => Err(e),
        }
    }

    /// The Data-Integrity-only entry for `vm`, else for its DID, unless a JWS key stands for
    /// `vm` exactly (the exact entry wins over the DID's, whatever its type).
    #[cfg(feature = "data-integrity")]
    fn data_integrity_lookup(&self, vm: &str, did: &str) -> Option<&crate::di::DiPublicKey> {
        let find = |id: &str| self.data_integrity_only.iter().find(|(k, _)| k == id).map(|(_, key)| key);
        find(vm).or_else(|| if self.lookup(vm).is_some() { None } else { find(did) })
    }

    /// Reads a store written as JSON: `{"<DID or verification method>": "<Ed25519 key, hex>"}`
    /// or `{"<DID or verification method>": <public JWK>}` (OKP Ed25519, EC P-256, EC
    /// secp256k1; with the `data-integrity` feature also EC P-384 and RSA, kept for the Data
    /// Integrity suites only), the form the CLI and the C API take. Empty text is an empty store.
    ///
    /// ```
    /// use ssi_verify_core::crypto::did_key::TrustStore;
    /// use ssi_verify_core::Limits;
    /// let hex = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    /// let store = TrustStore::from_json(&format!(r#"{{"did:gatc:abc":"{hex}"}}"#), &Limits::DEFAULT).unwrap();
    /// assert!(store.resolve("did:gatc:abc#keys-1").is_ok());
    /// ```
    ///
    /// # Errors
    /// JSON errors; [`ErrorCode::UnexpectedJsonType`] when it is not an object of strings and
    /// objects; [`ErrorCode::InvalidHex`] / [`ErrorCode::InvalidKey`] for a hex key and
    /// [`VerificationKey::from_jwk`]'s errors for a JWK (located by its index).
    pub fn from_json(text: &str, limits: &crate::Limits) -> Result<Self> {
        let mut store = Self::new();
        if text.is_empty() {
            return Ok(store);
        }
        let doc = crate::json::Value::parse(text, limits)?;
        let members = doc.as_object().ok_or_else(|| {
            Error::new(ErrorCode::UnexpectedJsonType, "trust store must map DIDs or verification methods to hex keys")
        })?;
        for (i, (id, value)) in members.iter().enumerate() {
            let key = match value {
                Value::String(hex) => crate::codec::hex_decode(hex)
                    .and_then(|b| Ed25519PublicKey::from_bytes(&b))
                    .map(VerificationKey::Ed25519),
                Value::Object(_) => VerificationKey::from_jwk(value),
                _ => Err(Error::new(ErrorCode::UnexpectedJsonType, "trust store keys are hex strings or JWK objects")),
            };
            match key {
                Ok(key) => store.insert_key(id, key),
                // EC P-384 and RSA JWKs: keys of the Data Integrity suites only. Their own reading
                // decides the error (a P-384 point off the curve is INVALID_KEY, not unsupported).
                #[cfg(feature = "data-integrity")]
                Err(e) if e.code() == ErrorCode::UnsupportedKey && value.as_object().is_some() => {
                    let di = crate::di::DiPublicKey::from_jwk(value).map_err(|d| d.at_index(i))?;
                    store.insert_data_integrity_key(id, di);
                }
                Err(e) => return Err(e.at_index(i)),
            }
        }
        Ok(store)
    }

    fn lookup(&self, id: &str) -> Option<VerificationKey> {
        self.entries.iter().find(|(k, _)| k == id).map(|(_, key)| *key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints() {
        assert_eq!(read_varint(&[0xed, 0x01, 7]).unwrap(), (0xed, &[7u8][..]));
        assert_eq!(read_varint(&[0x85, 0x24]).unwrap().0, 0x1205);
        assert_eq!(read_varint(&[0x80, 0x00]).unwrap_err().code(), ErrorCode::InvalidDid);
        assert_eq!(read_varint(&[0xff; 12]).unwrap_err().code(), ErrorCode::InvalidDid);
        assert_eq!(read_varint(&[]).unwrap_err().code(), ErrorCode::InvalidDid);
        assert_eq!(multicodec_id(0x1205, &[]), alloc::format!("z{}", base58btc_encode(&[0x85, 0x24])));
    }

    #[test]
    fn store_prefers_exact_then_did_then_did_key() {
        use crate::crypto::ed25519::Ed25519SecretKey;
        let a = Ed25519SecretKey::from_bytes(&[1u8; 32]).public_key();
        let b = Ed25519SecretKey::from_bytes(&[2u8; 32]).public_key();
        let mut s = TrustStore::new();
        s.insert("did:ex:1", a);
        s.insert("did:ex:1#k2", b);
        assert_eq!(s.resolve("did:ex:1#k1").unwrap(), a);
        assert_eq!(s.resolve("did:ex:1#k2").unwrap(), b);
        assert_eq!(s.resolve("did:ex:1").unwrap(), a);
        s.insert("did:ex:1", b);
        assert_eq!(s.resolve("did:ex:1#k1").unwrap(), b);
        // A pinned key overrides what a did:key would say.
        let dk = did_key_verification_method(&a);
        assert_eq!(s.resolve(&dk).unwrap(), a);
        s.insert(&dk, b);
        assert_eq!(s.resolve(&dk).unwrap(), b);
        assert_eq!(s.resolve("did:key:z0").unwrap_err().code(), ErrorCode::InvalidDid);
        assert_eq!(s.resolve("").unwrap_err().code(), ErrorCode::UnknownVerificationMethod);
    }

    /// What mutation testing found unguarded in `from_jwk`: the OKP Ed25519 form itself and the
    /// `use` member (only `sig`, or none, is a signature key).
    #[test]
    fn jwk_forms_and_use() {
        use crate::json::Value;
        use crate::Limits;
        let jwk = |extra: &str| {
            let text = alloc::format!(
                r#"{{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"{extra}}}"#
            );
            VerificationKey::from_jwk(&Value::parse(&text, &Limits::DEFAULT).unwrap())
        };
        for extra in ["", r#","use":"sig""#] {
            let Ok(VerificationKey::Ed25519(k)) = jwk(extra) else { panic!("an Ed25519 JWK{extra}") };
            assert_eq!(k.to_bytes()[0], 0xd7);
        }
        for extra in [r#","use":"enc""#, r#","use":"SIG""#] {
            assert_eq!(jwk(extra).unwrap_err().code(), ErrorCode::InvalidKey, "{extra}");
        }
    }

    /// `did_key_vm_of` gives back the verification method a did:key names, for each key type
    /// (the doc example covers P-256 only, and doc tests are not in the mutation runs).
    #[test]
    fn verification_method_round_trips() {
        for did in [
            "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
            "did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169",
            "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme",
        ] {
            let key = resolve_did(did).unwrap();
            let id = did.trim_start_matches(PREFIX);
            assert_eq!(did_key_vm_of(&key), alloc::format!("{did}#{id}"));
        }
    }

    /// A one-byte zero is the minimal encoding of 0; a zero after a continuation byte is not.
    #[test]
    fn varint_zero() {
        assert_eq!(read_varint(&[0x00, 5]).unwrap(), (0, &[5u8][..]));
        assert_eq!(read_varint(&[0x81, 0x00]).unwrap_err().code(), ErrorCode::InvalidDid);
    }

    /// The store's JSON form and its two kinds of entries: JWS keys (hex Ed25519, JWKs) and
    /// Data-Integrity-only keys (P-384, RSA), each replacing the other for the same id, an
    /// exact JWS entry winning over a Data Integrity entry for the DID, and P-384 / RSA did:keys
    /// resolved for Data Integrity only.
    #[cfg(feature = "data-integrity")]
    #[test]
    fn store_entries_of_both_kinds() {
        use crate::di::DiPublicKey;
        use crate::Limits;
        const P384: &str = r#"{"kty":"EC","crv":"P-384","x":"BiU_mGfa3uWMKrC4Q6EFvM5D5Qiz2orm7ABlIaC1iJWOuapQC9U_fbqrKwRFRepf","y":"_23qoYv94V-PSWzqQMnUqq1nu_MdE4fEIaAhCCYplAwlp4c3LKZDtkgQaPdF4kIT"}"#;
        let hex = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
        let text = alloc::format!(r#"{{"did:ex:ed":"{hex}","did:ex:p384":{P384}}}"#);
        let mut store = TrustStore::from_json(&text, &Limits::DEFAULT).unwrap();
        assert!(matches!(store.resolve_key("did:ex:ed#k"), Ok(VerificationKey::Ed25519(_))));
        assert!(matches!(store.resolve_data_integrity_key("did:ex:ed#k"), Ok(DiPublicKey::Ed25519(_))));
        assert_eq!(store.resolve_key("did:ex:p384#k").unwrap_err().code(), ErrorCode::UnsupportedKey);
        let Ok(p384) = store.resolve_data_integrity_key("did:ex:p384#k") else { panic!("P-384 entry") };
        assert!(matches!(p384, DiPublicKey::P384(_)));
        assert_eq!(
            store.resolve_data_integrity_key("did:ex:other").unwrap_err().code(),
            ErrorCode::UnknownVerificationMethod
        );
        // An exact JWS entry for the method wins over the DID's Data Integrity entry.
        let ed = store.resolve("did:ex:ed").unwrap();
        store.insert("did:ex:p384#jws", ed);
        assert!(matches!(store.resolve_data_integrity_key("did:ex:p384#jws"), Ok(DiPublicKey::Ed25519(_))));
        // An insert for another id leaves the DID's Data Integrity entry alone.
        assert!(matches!(store.resolve_data_integrity_key("did:ex:p384#k"), Ok(DiPublicKey::P384(_))));
        // Each kind replaces the other for the same id.
        store.insert("did:ex:p384", ed);
        assert!(matches!(store.resolve_data_integrity_key("did:ex:p384#k"), Ok(DiPublicKey::Ed25519(_))));
        store.insert_data_integrity_key("did:ex:ed", p384.clone());
        assert!(matches!(store.resolve_data_integrity_key("did:ex:ed#k"), Ok(DiPublicKey::P384(_))));
        assert_eq!(store.resolve_key("did:ex:ed#k").unwrap_err().code(), ErrorCode::UnsupportedKey);
        store.insert_data_integrity_key("did:ex:ed", DiPublicKey::Ed25519(ed));
        assert!(matches!(store.resolve_data_integrity_key("did:ex:ed#k"), Ok(DiPublicKey::Ed25519(_))));
        // A P-384 did:key is a Data Integrity key, not a JWS one.
        let did = "did:key:z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ";
        assert_eq!(TrustStore::new().resolve_key(did).unwrap_err().code(), ErrorCode::UnsupportedKey);
        assert!(matches!(TrustStore::new().resolve_data_integrity_key(did), Ok(DiPublicKey::P384(_))));
        // A P-384 did:jwk is a Data Integrity key too, as itself and as its method `#0`.
        let jwk = "did:jwk:eyJrdHkiOiJFQyIsImNydiI6IlAtMzg0IiwieCI6IkJpVV9tR2ZhM3VXTUtyQzRRNkVGdk01RDVRaXoyb3JtN0FCbElhQzFpSldPdWFwUUM5VV9mYnFyS3dSRlJlcGYiLCJ5IjoiXzIzcW9Zdjk0Vi1QU1d6cVFNblVxcTFudV9NZEU0ZkVJYUFoQ0NZcGxBd2xwNGMzTEtaRHRrZ1FhUGRGNGtJVCJ9";
        assert_eq!(TrustStore::new().resolve_key(jwk).unwrap_err().code(), ErrorCode::UnsupportedKey);
        for vm in [String::from(jwk), alloc::format!("{jwk}#0")] {
            let Ok(key) = TrustStore::new().resolve_data_integrity_key(&vm) else { panic!("P-384 did:jwk {vm}") };
            assert_eq!(key, p384);
        }
        let other_method = alloc::format!("{jwk}#1");
        assert_eq!(
            TrustStore::new().resolve_data_integrity_key(&other_method).unwrap_err().code(),
            ErrorCode::InvalidDid
        );
        // A did:jwk of an unsupported key type stays unsupported (an OKP X25519 key is no signing key).
        let x25519 = alloc::format!(
            "did:jwk:{}",
            crate::codec::base64url_encode(
                br#"{"kty":"OKP","crv":"X25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#
            )
        );
        assert_eq!(
            TrustStore::new().resolve_data_integrity_key(&x25519).unwrap_err().code(),
            ErrorCode::UnsupportedKey
        );
        // A JWK the JWS reading refuses for another reason than its key type is refused with
        // that reason, not read again as a Data Integrity key.
        let enc = r#"{"did:ex:a":{"kty":"OKP","crv":"Ed25519","use":"enc","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}}"#;
        let refused = TrustStore::from_json(enc, &Limits::DEFAULT).unwrap_err();
        assert_eq!((refused.code(), refused.location()), (ErrorCode::InvalidKey, crate::error::Location::Index(0)));
        // Values that are neither hex strings nor JWK objects, and non-object stores.
        for bad in [r#"{"did:ex:a":1}"#, r#"{"did:ex:a":["x"]}"#, r#"["x"]"#] {
            assert_eq!(
                TrustStore::from_json(bad, &Limits::DEFAULT).unwrap_err().code(),
                ErrorCode::UnexpectedJsonType,
                "{bad}"
            );
        }
        assert!(TrustStore::from_json("", &Limits::DEFAULT).unwrap().resolve_key("did:ex:a").is_err());
    }
}
