//! did:key (Ed25519) resolved offline, and the trust store for every other DID.
//!
//! A `did:key` carries its public key: `did:key:z` + base58btc(multicodec varint ‖ key). Only
//! the Ed25519 multicodec (0xed, varint `ed 01`) is a signing key this library verifies with;
//! every other multicodec is refused as unsupported, never misread. Every other DID method is an
//! opaque name the caller maps to a key in a [`TrustStore`].

use alloc::string::String;
use alloc::vec::Vec;

use crate::codec::{base58btc_decode, base58btc_encode};
use crate::crypto::ed25519::Ed25519PublicKey;
use crate::error::{Error, ErrorCode, Result};

const PREFIX: &str = "did:key:";
const ED25519_PUB: u64 = 0xed;
const X25519_PUB: u64 = 0xec;

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
    match codec {
        ED25519_PUB => {}
        _ => return Err(Error::new(ErrorCode::UnsupportedKey, "did:key multicodec is not Ed25519")),
    }
    let public = Ed25519PublicKey::from_bytes(key)?;
    match fragment {
        None => Ok(public),
        Some(f) if f == id => Ok(public),
        Some(f) if f == x25519_fragment(&public) => {
            Err(Error::new(ErrorCode::UnsupportedKey, "the did:key X25519 key-agreement key cannot verify signatures"))
        }
        Some(_) => Err(invalid("did:key fragment is not the key's own identifier")),
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
    entries: Vec<(String, Ed25519PublicKey)>,
}

impl TrustStore {
    /// An empty store (it still resolves `did:key`).
    #[must_use]
    pub fn new() -> Self {
        Self { entries: Vec::new() }
    }

    /// Trusts `key` for `id`: a DID (every verification method under it) or one
    /// verification-method id. A later insert for the same id replaces the earlier one.
    pub fn insert(&mut self, id: &str, key: Ed25519PublicKey) {
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
        let did = vm.split_once('#').map_or(vm, |(d, _)| d);
        let found = self.lookup(vm).or_else(|| self.lookup(did));
        if let Some(key) = found {
            return Ok(key);
        }
        if vm.starts_with(PREFIX) {
            return resolve_did_key(vm);
        }
        Err(Error::new(ErrorCode::UnknownVerificationMethod, "no trusted key for this verification method"))
    }

    /// Reads a store written as JSON: `{"<DID or verification method>": "<Ed25519 key, hex>"}`
    /// (the form the CLI and the C API take). Empty text is an empty store.
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
    /// JSON errors; [`ErrorCode::UnexpectedJsonType`] when it is not an object of strings;
    /// [`ErrorCode::InvalidHex`] / [`ErrorCode::InvalidKey`] for a key (located by its index).
    pub fn from_json(text: &str, limits: &crate::Limits) -> Result<Self> {
        let mut store = Self::new();
        if text.is_empty() {
            return Ok(store);
        }
        let doc = crate::json::Value::parse(text, limits)?;
        let members = doc.as_object().ok_or_else(|| {
            Error::new(ErrorCode::UnexpectedJsonType, "trust store must map DIDs or verification methods to hex keys")
        })?;
        for (i, (id, key)) in members.iter().enumerate() {
            let hex = key.as_str().ok_or_else(|| {
                Error::new(ErrorCode::UnexpectedJsonType, "trust store keys must be hex strings").at_index(i)
            })?;
            let key = crate::codec::hex_decode(hex)
                .and_then(|b| Ed25519PublicKey::from_bytes(&b))
                .map_err(|e| e.at_index(i))?;
            store.insert(id, key);
        }
        Ok(store)
    }

    fn lookup(&self, id: &str) -> Option<Ed25519PublicKey> {
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
}
