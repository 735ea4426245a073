//! Verification keys for Data Integrity proofs: Ed25519, P-256 and P-384, read from a
//! Multikey (`publicKeyMultibase`) or a `did:key`, offline.

use p256::ecdsa::signature::Verifier as _;

use alloc::vec::Vec;

use crate::codec::{base58btc_decode, base64url_decode};
use crate::crypto::did_key::read_varint;
use crate::crypto::ed25519::Ed25519PublicKey;
use crate::crypto::rsa::{RsaKey, RsaScheme};
use crate::crypto::HashAlg;
use crate::error::{Error, ErrorCode, Result};
use crate::json::{ObjectExt as _, Value};
use crate::Verdict;

/// Multicodec `ed25519-pub`.
const ED25519_PUB: u64 = 0xed;
/// Multicodec `p256-pub` (compressed SEC1 point).
const P256_PUB: u64 = 0x1200;
/// Multicodec `p384-pub` (compressed SEC1 point).
const P384_PUB: u64 = 0x1201;
/// Multicodec `secp256k1-pub` (compressed SEC1 point).
const SECP256K1_PUB: u64 = 0xe7;
/// Multicodec `rsa-pub` (DER PKCS#1 `RSAPublicKey`).
const RSA_PUB: u64 = 0x1205;
/// RSA modulus sizes accepted for Linked Data proofs.
const RSA_BITS: core::ops::RangeInclusive<usize> = 2048..=4096;

/// A public key a Data Integrity proof verifies with. The key decides the algorithm.
///
/// ```
/// use ssi_verify_core::di::DiPublicKey;
/// let k = DiPublicKey::from_did_key("did:key:zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP").unwrap();
/// assert!(matches!(k, DiPublicKey::P256(_)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiPublicKey {
    /// Ed25519 (eddsa-rdfc-2022, Ed25519Signature2018).
    Ed25519(Ed25519PublicKey),
    /// ECDSA P-256 (ecdsa-rdfc-2019 with SHA-256).
    P256(p256::ecdsa::VerifyingKey),
    /// ECDSA P-384 (ecdsa-rdfc-2019 with SHA-384).
    P384(p384::ecdsa::VerifyingKey),
    /// ECDSA secp256k1 (EcdsaSecp256k1Signature2019, JsonWebSignature2020 with ES256K).
    Secp256k1(k256::ecdsa::VerifyingKey),
    /// RSA, 2048 to 4096 bits (RsaSignature2018 with RS256, JsonWebSignature2020 with PS256).
    Rsa(RsaKey),
}

impl DiPublicKey {
    /// Reads a Multikey `publicKeyMultibase` value: `z` + base58btc(multicodec varint ‖ key),
    /// with `ed25519-pub` (32 bytes), `p256-pub` or `p384-pub` (compressed points).
    ///
    /// ```
    /// use ssi_verify_core::di::DiPublicKey;
    /// use ssi_verify_core::ErrorCode;
    /// let k = DiPublicKey::from_multikey("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2").unwrap();
    /// assert!(matches!(k, DiPublicKey::Ed25519(_)));
    /// assert_eq!(DiPublicKey::from_multikey("u6Mk").unwrap_err().code(), ErrorCode::InvalidMultibase);
    /// ```
    ///
    /// # Errors
    /// [`ErrorCode::InvalidMultibase`] without the `z` prefix, [`ErrorCode::InvalidBase58`],
    /// [`ErrorCode::InvalidDid`] for a malformed multicodec varint, [`ErrorCode::UnsupportedKey`]
    /// for another key type, [`ErrorCode::InvalidKey`] for a key that is not a curve point.
    pub fn from_multikey(multibase: &str) -> Result<Self> {
        let body = multibase
            .strip_prefix('z')
            .ok_or_else(|| Error::new(ErrorCode::InvalidMultibase, "a Multikey is base58btc multibase ('z')"))?;
        let bytes = base58btc_decode(body)?;
        let (codec, key) = read_varint(&bytes)?;
        match codec {
            ED25519_PUB => Ok(Self::Ed25519(Ed25519PublicKey::from_bytes(key)?)),
            P256_PUB if key.len() == 33 => p256::ecdsa::VerifyingKey::from_sec1_bytes(key)
                .map(Self::P256)
                .map_err(|_| Error::new(ErrorCode::InvalidKey, "not a P-256 point")),
            P384_PUB if key.len() == 49 => p384::ecdsa::VerifyingKey::from_sec1_bytes(key)
                .map(Self::P384)
                .map_err(|_| Error::new(ErrorCode::InvalidKey, "not a P-384 point")),
            RSA_PUB => RsaKey::from_pkcs1_der(key, RSA_BITS).map(Self::Rsa),
            SECP256K1_PUB if key.len() == 33 => k256::ecdsa::VerifyingKey::from_sec1_bytes(key)
                .map(Self::Secp256k1)
                .map_err(|_| Error::new(ErrorCode::InvalidKey, "not a secp256k1 point")),
            P256_PUB | P384_PUB | SECP256K1_PUB => {
                Err(Error::new(ErrorCode::InvalidKey, "a Multikey EC point is compressed"))
            }
            _ => Err(Error::new(ErrorCode::UnsupportedKey, "Multikey type is not Ed25519, P-256, P-384 or secp256k1")),
        }
    }

    /// Resolves `did:key:z…` or its verification method `did:key:z…#z…` offline.
    ///
    /// ```
    /// use ssi_verify_core::di::DiPublicKey;
    /// use ssi_verify_core::ErrorCode;
    /// let vm = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    /// assert!(DiPublicKey::from_did_key(vm).is_ok());
    /// assert_eq!(DiPublicKey::from_did_key("did:web:example.com").unwrap_err().code(), ErrorCode::UnsupportedDidMethod);
    /// ```
    ///
    /// # Errors
    /// [`ErrorCode::UnsupportedDidMethod`] for another DID method, [`ErrorCode::InvalidDid`]
    /// for a fragment other than the key's own identifier; those of [`Self::from_multikey`].
    pub fn from_did_key(did_or_vm: &str) -> Result<Self> {
        let (did, fragment) = match did_or_vm.split_once('#') {
            Some((d, f)) => (d, Some(f)),
            None => (did_or_vm, None),
        };
        let Some(id) = did.strip_prefix("did:key:") else {
            return Err(if did.starts_with("did:") {
                Error::new(ErrorCode::UnsupportedDidMethod, "only did:key resolves offline")
            } else {
                Error::new(ErrorCode::InvalidDid, "a DID starts with 'did:'")
            });
        };
        if fragment.is_some_and(|f| f != id) {
            return Err(Error::new(ErrorCode::InvalidDid, "did:key fragment is not the key's own identifier"));
        }
        Self::from_multikey(id)
    }

    /// Reads a public JWK (RFC 7517/8037): `OKP`/`Ed25519` (`x`), `EC` `P-256` / `P-384`
    /// (`x`, `y`). Private members (`d`) are refused: a verifier never holds a private key.
    ///
    /// ```
    /// use ssi_verify_core::di::DiPublicKey;
    /// use ssi_verify_core::json::Value;
    /// use ssi_verify_core::Limits;
    /// let jwk = Value::parse(r#"{"kty":"EC","crv":"P-256","x":"40TexHWb6XTyuShaqhiazvmfxyK5zibbtOBXsQFKJg8","y":"SGIGDSRHOOYJntO1lIapw_vR1FP7SPBlmA_2aM9HoFU"}"#, &Limits::DEFAULT).unwrap();
    /// assert!(matches!(DiPublicKey::from_jwk(&jwk).unwrap(), DiPublicKey::P256(_)));
    /// ```
    ///
    /// # Errors
    /// [`ErrorCode::UnsupportedKey`] for another `kty`/`crv`, [`ErrorCode::InvalidKey`] for a
    /// private key or coordinates that are not a curve point, [`ErrorCode::MissingField`] /
    /// [`ErrorCode::InvalidBase64Url`] for a malformed member.
    pub fn from_jwk(jwk: &Value) -> Result<Self> {
        if jwk.get("d").is_some() {
            return Err(Error::new(ErrorCode::InvalidKey, "a verification key JWK must not carry a private key"));
        }
        let member = |name: &'static str| -> Result<Vec<u8>> {
            base64url_decode(jwk.req_str(name, "a JWK coordinate is missing")?)
        };
        let point = |size: usize| -> Result<Vec<u8>> {
            let (x, y) = (member("x")?, member("y")?);
            if x.len() != size || y.len() != size {
                return Err(Error::new(ErrorCode::InvalidKey, "JWK coordinates have the curve's size"));
            }
            let mut p = Vec::with_capacity(1 + 2 * size);
            p.push(0x04);
            p.extend_from_slice(&x);
            p.extend_from_slice(&y);
            Ok(p)
        };
        let kty = jwk.req_str("kty", "a JWK has a kty")?;
        if kty == "RSA" {
            return RsaKey::from_components(&member("n")?, &member("e")?, RSA_BITS).map(Self::Rsa);
        }
        let crv = jwk.req_str("crv", "a JWK has a crv")?;
        match (kty, crv) {
            ("OKP", "Ed25519") => Ok(Self::Ed25519(Ed25519PublicKey::from_bytes(&member("x")?)?)),
            ("EC", "P-256") => p256::ecdsa::VerifyingKey::from_sec1_bytes(&point(32)?)
                .map(Self::P256)
                .map_err(|_| Error::new(ErrorCode::InvalidKey, "not a P-256 point")),
            ("EC", "P-384") => p384::ecdsa::VerifyingKey::from_sec1_bytes(&point(48)?)
                .map(Self::P384)
                .map_err(|_| Error::new(ErrorCode::InvalidKey, "not a P-384 point")),
            ("EC", "secp256k1") => k256::ecdsa::VerifyingKey::from_sec1_bytes(&point(32)?)
                .map(Self::Secp256k1)
                .map_err(|_| Error::new(ErrorCode::InvalidKey, "not a secp256k1 point")),
            _ => Err(Error::new(ErrorCode::UnsupportedKey, "JWK is not Ed25519, P-256, P-384 or secp256k1")),
        }
    }

    /// The JWS `alg` this key verifies: `EdDSA`, `ES256`, `ES384`, `ES256K`, or for RSA `PS256`
    /// (JsonWebSignature2020; RsaSignature2018 uses `RS256`, see [`Self::verify_jws`]).
    #[must_use]
    pub const fn jws_alg(&self) -> &'static str {
        match self {
            Self::Ed25519(_) => "EdDSA",
            Self::P256(_) => "ES256",
            Self::P384(_) => "ES384",
            Self::Secp256k1(_) => "ES256K",
            Self::Rsa(_) => "PS256",
        }
    }

    /// The hash RDFC-1.0 and the proof hashes use with this key: SHA-384 for P-384 (as
    /// vc-di-ecdsa requires), SHA-256 otherwise.
    #[must_use]
    pub const fn hash_alg(&self) -> HashAlg {
        match self {
            Self::P384(_) => HashAlg::Sha384,
            Self::Ed25519(_) | Self::P256(_) | Self::Secp256k1(_) | Self::Rsa(_) => HashAlg::Sha256,
        }
    }

    /// Verifies a JWS signature over `message` with `alg`: `RS256` (RSASSA-PKCS1-v1_5) or
    /// `PS256` (RSASSA-PSS) for an RSA key, else [`Self::verify`] (the key fixes the algorithm;
    /// the caller has checked `alg` against it).
    ///
    /// # Errors
    /// As [`Self::verify`]; [`ErrorCode::JwtAlgMismatch`] for an RSA `alg` other than RS256 / PS256.
    pub fn verify_jws(&self, alg: &str, message: &[u8], signature: &[u8]) -> Result<Verdict> {
        match (self, alg) {
            (Self::Rsa(k), "RS256") => k.verify(RsaScheme::Pkcs1v15(HashAlg::Sha256), message, signature),
            (Self::Rsa(k), "PS256") => k.verify(RsaScheme::Pss(HashAlg::Sha256), message, signature),
            (Self::Rsa(_), _) => Err(Error::new(ErrorCode::JwtAlgMismatch, "an RSA JWS is RS256 or PS256")),
            _ => self.verify(message, signature),
        }
    }

    /// Verifies `signature` over `message`: Ed25519 (64 bytes), or ECDSA with SHA-256 / SHA-384
    /// over the message and the signature as fixed-size `r ‖ s` (64 / 96 bytes).
    ///
    /// # Errors
    /// [`ErrorCode::InvalidSignatureEncoding`] for a signature of the wrong size or with
    /// `r`/`s` out of range.
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> Result<Verdict> {
        let bad =
            || Error::new(ErrorCode::InvalidSignatureEncoding, "ECDSA signature is not r || s of the curve's size");
        let ok = match self {
            Self::Ed25519(k) => return k.verify(message, signature),
            Self::P256(k) => {
                let sig = p256::ecdsa::Signature::from_slice(signature).map_err(|_| bad())?;
                k.verify(message, &sig).is_ok()
            }
            Self::P384(k) => {
                let sig = p384::ecdsa::Signature::from_slice(signature).map_err(|_| bad())?;
                k.verify(message, &sig).is_ok()
            }
            // RSA signs only through a JWS, whose alg names the padding.
            Self::Rsa(k) => return k.verify(RsaScheme::Pss(HashAlg::Sha256), message, signature),
            // The JOSE ES256K reading (a high `s` is accepted, as for JWTs).
            Self::Secp256k1(k) => {
                return crate::crypto::ecdsa::EcdsaPublicKey::Secp256k1(*k).verify(message, signature)
            }
        };
        Ok(Verdict::from_bool(ok, ErrorCode::SignatureMismatch))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::base58btc_encode;
    use crate::Limits;
    use alloc::string::String;

    const P256: &str = "zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv";
    const P384: &str = "z82Lm1MpAkeJcix9K8TMiLd5NMAhnwkjjCBeWHXyu3U4oT2MVJJKXkcVBgjGhnLBn2Kaau9";
    const SECP256K1: &str = "zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme";

    /// The same Multikey with its point written uncompressed (`04 ‖ x ‖ y`).
    fn uncompressed(multikey: &str) -> String {
        let bytes = base58btc_decode(&multikey[1..]).unwrap();
        let (_, point) = read_varint(&bytes).unwrap();
        let prefix = &bytes[..bytes.len() - point.len()];
        let long: Vec<u8> = match DiPublicKey::from_multikey(multikey).unwrap() {
            DiPublicKey::P256(k) => k.to_encoded_point(false).as_bytes().to_vec(),
            DiPublicKey::P384(k) => k.to_encoded_point(false).as_bytes().to_vec(),
            DiPublicKey::Secp256k1(k) => k.to_encoded_point(false).as_bytes().to_vec(),
            other => panic!("not an EC key: {other:?}"),
        };
        alloc::format!("z{}", base58btc_encode(&[prefix, &long].concat()))
    }

    #[test]
    fn compressed_ec_multikeys_of_each_curve() {
        assert!(matches!(DiPublicKey::from_multikey(P256).unwrap(), DiPublicKey::P256(_)));
        assert!(matches!(DiPublicKey::from_multikey(P384).unwrap(), DiPublicKey::P384(_)));
        assert!(matches!(DiPublicKey::from_multikey(SECP256K1).unwrap(), DiPublicKey::Secp256k1(_)));
    }

    #[test]
    fn uncompressed_ec_multikeys_are_refused() {
        // The multicodec p256-pub / p384-pub / secp256k1-pub entries name compressed points;
        // the same point uncompressed is another encoding, refused rather than guessed at.
        for key in [P256, P384, SECP256K1] {
            let err = DiPublicKey::from_multikey(&uncompressed(key)).unwrap_err();
            assert_eq!(
                (err.code(), err.detail()),
                (ErrorCode::InvalidKey, "a Multikey EC point is compressed"),
                "{key}"
            );
        }
    }

    #[test]
    fn jwk_coordinates_each_have_the_curve_size() {
        let jwk = |x: &str, y: &str| {
            let text = alloc::format!(r#"{{"kty":"EC","crv":"P-256","x":"{x}","y":"{y}"}}"#);
            DiPublicKey::from_jwk(&Value::parse(&text, &Limits::DEFAULT).unwrap())
        };
        let (x, y) = ("40TexHWb6XTyuShaqhiazvmfxyK5zibbtOBXsQFKJg8", "SGIGDSRHOOYJntO1lIapw_vR1FP7SPBlmA_2aM9HoFU");
        assert!(matches!(jwk(x, y).unwrap(), DiPublicKey::P256(_)));
        // 33 bytes: one coordinate too long, the other right.
        let long = "AONE3sR1m-l08rkoWqoYms75n8ciuc4m27TgV7EBSiYP";
        for (x, y) in [(x, long), (long, y)] {
            let err = jwk(x, y).unwrap_err();
            assert_eq!((err.code(), err.detail()), (ErrorCode::InvalidKey, "JWK coordinates have the curve's size"));
        }
    }

    #[test]
    fn rsa_keys_verify_only_rs256_and_ps256_jws() {
        let vectors = Value::parse(include_str!("../../../tests/vectors/did-key/rsa.json"), &Limits::DEFAULT).unwrap();
        let did = &vectors.as_object().unwrap()[0].0;
        let key = DiPublicKey::from_did_key(did).unwrap();
        assert!(matches!(key, DiPublicKey::Rsa(_)));
        let signature = [0u8; 256];
        for alg in ["RS256", "PS256"] {
            assert_eq!(
                key.verify_jws(alg, b"m", &signature).unwrap(),
                Verdict::Invalid(ErrorCode::SignatureMismatch),
                "{alg}"
            );
        }
        for alg in ["ES256", "RS384", "EdDSA"] {
            assert_eq!(key.verify_jws(alg, b"m", &signature).unwrap_err().code(), ErrorCode::JwtAlgMismatch, "{alg}");
        }
    }
}
