//! ECDSA verification for JOSE: ES256 (P-256) and ES256K (secp256k1), RFC 7518 section 3.4 and
//! RFC 8812 section 3.2.
//!
//! The curve arithmetic is RustCrypto's `p256` / `k256` (no_std, constant-time field
//! arithmetic, audited); this module only decides what is acceptable:
//!
//! - a signature is the fixed 64-byte `r || s` form JOSE prescribes; a DER `SEQUENCE` or any
//!   other length is refused with [`ErrorCode::EcdsaSignatureNotRaw`] (an `Error`: the value is
//!   not a JOSE signature at all), while an `r` or `s` of zero or not below the group order is a
//!   signature that fails ([`ErrorCode::SignatureMismatch`]);
//! - a public key is a point of its curve: a point off the curve is
//!   [`ErrorCode::EcPointNotOnCurve`], the identity [`ErrorCode::EcIdentityPoint`];
//! - the key's curve fixes the algorithm ([`EcCurve::jws_alg`]);
//! - a secp256k1 signature with a high `s` (`s > n/2`) is accepted, as it is on P-256. `k256`
//!   refuses high `s` by default because Bitcoin forbids it to stop transaction malleability;
//!   JOSE (RFC 7518, RFC 8812) does not, issuers such as Microsoft ION produce high-`s`
//!   ES256K tokens, and Wycheproof marks them valid. A JWT's signature is never an identifier,
//!   so the second valid form gains an attacker nothing. `s` is normalised before `k256`
//!   verifies it (docs/DESIGN.md, "ES256K and high S").
//!
//! ```
//! use ssi_verify_core::crypto::ecdsa::{EcCurve, EcdsaPublicKey};
//! use ssi_verify_core::ErrorCode;
//! assert_eq!(EcCurve::P256.jws_alg(), "ES256");
//! let mut x_above_p = vec![0x02];
//! x_above_p.extend([0xff; 32]);
//! let not_a_point = EcdsaPublicKey::from_sec1(EcCurve::P256, &x_above_p).unwrap_err();
//! assert_eq!(not_a_point.code(), ErrorCode::EcPointNotOnCurve);
//! assert_eq!(EcdsaPublicKey::from_sec1(EcCurve::Secp256k1, &[0]).unwrap_err().code(), ErrorCode::EcIdentityPoint);
//! ```

use alloc::vec::Vec;

use p256::ecdsa::signature::Verifier as _;
use p256::elliptic_curve::sec1::ToEncodedPoint as _;

use crate::error::{Error, ErrorCode, Result};
use crate::Verdict;

/// The two curves JOSE signs with beside Ed25519.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EcCurve {
    /// NIST P-256 (secp256r1): ES256.
    P256,
    /// secp256k1: ES256K.
    Secp256k1,
}

impl EcCurve {
    /// The JWS `alg` this curve allows (`ES256` or `ES256K`).
    #[must_use]
    pub const fn jws_alg(self) -> &'static str {
        match self {
            EcCurve::P256 => "ES256",
            EcCurve::Secp256k1 => "ES256K",
        }
    }

    /// The JWK `crv` name (`P-256` or `secp256k1`).
    #[must_use]
    pub const fn jwk_crv(self) -> &'static str {
        match self {
            EcCurve::P256 => "P-256",
            EcCurve::Secp256k1 => "secp256k1",
        }
    }

    /// The curve a JWK `crv` names, if it is one of the two.
    ///
    /// ```
    /// use ssi_verify_core::crypto::ecdsa::EcCurve;
    /// assert_eq!(EcCurve::from_jwk_crv("secp256k1"), Some(EcCurve::Secp256k1));
    /// assert_eq!(EcCurve::from_jwk_crv("P-384"), None);
    /// ```
    #[must_use]
    pub fn from_jwk_crv(crv: &str) -> Option<Self> {
        match crv {
            "P-256" => Some(EcCurve::P256),
            "secp256k1" => Some(EcCurve::Secp256k1),
            _ => None,
        }
    }
}

/// A P-256 or secp256k1 public key (a point of the curve, never the identity).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EcdsaPublicKey {
    /// A P-256 key.
    P256(p256::ecdsa::VerifyingKey),
    /// A secp256k1 key.
    Secp256k1(k256::ecdsa::VerifyingKey),
}

impl EcdsaPublicKey {
    /// Reads a SEC1 point: compressed (33 bytes, `02`/`03` prefix) or uncompressed (65 bytes,
    /// `04`).
    ///
    /// # Errors
    /// [`ErrorCode::EcIdentityPoint`] for the SEC1 identity (`00`) or all-zero coordinates;
    /// [`ErrorCode::InvalidKey`] for another length or prefix; [`ErrorCode::EcPointNotOnCurve`]
    /// when the coordinates are not a point of the curve.
    pub fn from_sec1(curve: EcCurve, bytes: &[u8]) -> Result<Self> {
        let rest = match bytes {
            [0] => return Err(identity()),
            [0x02 | 0x03, rest @ ..] if rest.len() == 32 => rest,
            [0x04, rest @ ..] if rest.len() == 64 => rest,
            _ => return Err(Error::new(ErrorCode::InvalidKey, "not a 33- or 65-byte SEC1 point")),
        };
        if rest.iter().all(|b| *b == 0) {
            return Err(identity());
        }
        let off_curve = || Error::new(ErrorCode::EcPointNotOnCurve, "the coordinates are not a point of the curve");
        match curve {
            EcCurve::P256 => {
                p256::ecdsa::VerifyingKey::from_sec1_bytes(bytes).map(EcdsaPublicKey::P256).map_err(|_| off_curve())
            }
            EcCurve::Secp256k1 => k256::ecdsa::VerifyingKey::from_sec1_bytes(bytes)
                .map(EcdsaPublicKey::Secp256k1)
                .map_err(|_| off_curve()),
        }
    }

    /// Reads the affine coordinates of a JWK (`x`, `y`: 32 bytes each, big-endian).
    ///
    /// # Errors
    /// [`ErrorCode::InvalidKey`] for a coordinate that is not 32 bytes; otherwise as
    /// [`EcdsaPublicKey::from_sec1`].
    pub fn from_coordinates(curve: EcCurve, x: &[u8], y: &[u8]) -> Result<Self> {
        if x.len() != 32 || y.len() != 32 {
            return Err(Error::new(ErrorCode::InvalidKey, "EC JWK coordinates must be 32 bytes each"));
        }
        let mut point = Vec::with_capacity(65);
        point.push(0x04);
        point.extend_from_slice(x);
        point.extend_from_slice(y);
        Self::from_sec1(curve, &point)
    }

    /// The key's curve.
    #[must_use]
    pub const fn curve(&self) -> EcCurve {
        match self {
            EcdsaPublicKey::P256(_) => EcCurve::P256,
            EcdsaPublicKey::Secp256k1(_) => EcCurve::Secp256k1,
        }
    }

    /// The compressed SEC1 encoding (33 bytes), as `did:key` carries it.
    #[must_use]
    pub fn to_sec1_compressed(&self) -> Vec<u8> {
        match self {
            EcdsaPublicKey::P256(k) => k.as_affine().to_encoded_point(true).as_bytes().to_vec(),
            EcdsaPublicKey::Secp256k1(k) => k.as_affine().to_encoded_point(true).as_bytes().to_vec(),
        }
    }

    /// Verifies a JOSE ECDSA signature (64-byte `r || s`) over `message`, hashed with SHA-256.
    ///
    /// # Errors
    /// [`ErrorCode::EcdsaSignatureNotRaw`] when `signature` is not 64 bytes (a DER signature
    /// included). A signature that does not verify, or whose `r` / `s` is zero or not below the
    /// group order, is the verdict [`ErrorCode::SignatureMismatch`].
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> Result<Verdict> {
        if signature.len() != 64 {
            // A public encoding check, not a secret comparison: DER starts with a SEQUENCE tag.
            let first_byte = signature.first().copied();
            let detail = if first_byte == Some(0x30) {
                "DER-encoded ECDSA signature: JOSE requires the 64-byte r||s form"
            } else {
                "an ECDSA JOSE signature is 64 bytes (r||s)"
            };
            return Err(Error::new(ErrorCode::EcdsaSignatureNotRaw, detail));
        }
        let ok = match self {
            EcdsaPublicKey::P256(k) => {
                p256::ecdsa::Signature::from_slice(signature).is_ok_and(|s| k.verify(message, &s).is_ok())
            }
            EcdsaPublicKey::Secp256k1(k) => k256::ecdsa::Signature::from_slice(signature).is_ok_and(|s| {
                // High s is valid JOSE (see the module documentation); k256 wants it low.
                let s = s.normalize_s().unwrap_or(s);
                k.verify(message, &s).is_ok()
            }),
        };
        Ok(Verdict::from_bool(ok, ErrorCode::SignatureMismatch))
    }
}

fn identity() -> Error {
    Error::new(ErrorCode::EcIdentityPoint, "the identity point is not a public key")
}

#[cfg(test)]
mod tests {
    use super::*;
    use p256::ecdsa::signature::Signer as _;

    #[test]
    fn both_curves_sign_and_verify_and_refuse_der() {
        let p = p256::ecdsa::SigningKey::from_slice(&[7u8; 32]).unwrap();
        let k = k256::ecdsa::SigningKey::from_slice(&[7u8; 32]).unwrap();
        let ps: p256::ecdsa::Signature = p.sign(b"m");
        let ks: k256::ecdsa::Signature = k.sign(b"m");
        let pk = EcdsaPublicKey::P256(*p.verifying_key());
        let kk = EcdsaPublicKey::Secp256k1(*k.verifying_key());
        assert_eq!(pk.verify(b"m", &ps.to_bytes()).unwrap(), Verdict::Valid);
        assert_eq!(kk.verify(b"m", &ks.to_bytes()).unwrap(), Verdict::Valid);
        assert_eq!(kk.verify(b"n", &ks.to_bytes()).unwrap(), Verdict::Invalid(ErrorCode::SignatureMismatch));
        // The same bytes under the other curve's key.
        assert_eq!(pk.verify(b"m", &ks.to_bytes()).unwrap(), Verdict::Invalid(ErrorCode::SignatureMismatch));
        let der = ps.to_der();
        assert_eq!(pk.verify(b"m", der.as_bytes()).unwrap_err().code(), ErrorCode::EcdsaSignatureNotRaw);
        assert_eq!(pk.verify(b"m", &[0u8; 64]).unwrap(), Verdict::Invalid(ErrorCode::SignatureMismatch));
        // High s on secp256k1 is accepted (n - s).
        let (r, s) = ks.split_scalars();
        let high = k256::ecdsa::Signature::from_scalars(r, -*s).unwrap();
        assert_eq!(kk.verify(b"m", &high.to_bytes()).unwrap(), Verdict::Valid);
        let again = EcdsaPublicKey::from_sec1(EcCurve::Secp256k1, &kk.to_sec1_compressed()).unwrap();
        assert_eq!(again, kk);
    }

    /// Names, lengths and details that mutation testing found unchecked.
    #[test]
    fn encodings_are_refused_with_their_own_reason() {
        assert_eq!((EcCurve::P256.jwk_crv(), EcCurve::Secp256k1.jwk_crv()), ("P-256", "secp256k1"));
        for curve in [EcCurve::P256, EcCurve::Secp256k1] {
            assert_eq!(EcCurve::from_jwk_crv(curve.jwk_crv()), Some(curve));
            // A prefix with the other form's length, or a short point.
            for bad in [[&[0x02][..], &[1u8; 64]].concat(), [&[0x04][..], &[1u8; 32]].concat(), alloc::vec![0x03; 20]] {
                assert_eq!(EcdsaPublicKey::from_sec1(curve, &bad).unwrap_err().code(), ErrorCode::InvalidKey);
            }
            for (x, y) in [(&[1u8; 31][..], &[1u8; 32][..]), (&[1u8; 32][..], &[1u8; 33][..])] {
                let e = EcdsaPublicKey::from_coordinates(curve, x, y).unwrap_err();
                assert_eq!((e.code(), e.detail()), (ErrorCode::InvalidKey, "EC JWK coordinates must be 32 bytes each"));
            }
        }
        let p = p256::ecdsa::SigningKey::from_slice(&[7u8; 32]).unwrap();
        let pk = EcdsaPublicKey::P256(*p.verifying_key());
        let ps: p256::ecdsa::Signature = p.sign(b"m");
        let der = pk.verify(b"m", ps.to_der().as_bytes()).unwrap_err();
        assert_eq!(der.detail(), "DER-encoded ECDSA signature: JOSE requires the 64-byte r||s form");
        let short = pk.verify(b"m", &[1u8; 63]).unwrap_err();
        assert_eq!(
            (short.code(), short.detail()),
            (ErrorCode::EcdsaSignatureNotRaw, "an ECDSA JOSE signature is 64 bytes (r||s)")
        );
    }
}
