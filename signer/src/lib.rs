//! Signing of outbound ProofSpace webhook bodies (`X-Body-Signature`), for the std layers only
//! (the C ABI, UniFFI and the CLI): the no_std core verifies and never holds an RSA private key.
//!
//! * **RSA**: RSASSA-PKCS1-v1_5 with SHA3-256 over the exact body bytes, standard padded
//!   Base64, the scheme of ProofSpace's own examples (`crypto.sign('sha3-256', body, key)`).
//!   The private key is PEM: PKCS#8 (`BEGIN PRIVATE KEY`) or PKCS#1 (`BEGIN RSA PRIVATE KEY`,
//!   the form of ProofSpace's published demo key), 2048 to 4096 bits like the keys the core
//!   verifies. The arithmetic is `rsa` 0.10's: constant-time on `crypto-bigint` (the fix for
//!   RUSTSEC-2023-0071, the Marvin timing attack on 0.9's private-key operations), with the
//!   private exponentiation blinded by a fresh random value from the operating system's source
//!   (`getrandom`). PKCS#1 v1.5 is deterministic: blinding changes the computation, never the
//!   signature, so the result equals OpenSSL's byte for byte.
//! * **Ed25519** over the raw body, the second scheme, from a 32-byte seed in hex or Base64.
//!
//! Every signature is verified with the core's verifier before it is returned, so a faulty
//! computation (the classic CRT fault that leaks the key) is never handed out.
//!
//! ```
//! use ssi_verify_signer::BodySigningKey;
//! let key = BodySigningKey::from_key_file(&"07".repeat(32))?;
//! let signature = key.sign_body(br#"{"ok":true}"#)?;
//! assert_eq!(signature.len(), 88);
//! # Ok::<(), ssi_verify_core::Error>(())
//! ```

use std::fmt;

use rsa_signing::pkcs1::DecodeRsaPrivateKey;
use rsa_signing::pkcs1v15::SigningKey;
use rsa_signing::pkcs8::{DecodePrivateKey, EncodePublicKey};
use rsa_signing::signature::{SignatureEncoding, Signer};
use rsa_signing::traits::PublicKeyParts;
use rsa_signing::PrivateKey;
use sha3_signing::Sha3_256;
use ssi_verify_core::codec::{base64_decode, base64_encode, hex_decode};
use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;
use ssi_verify_core::crypto::PublicKey;
use ssi_verify_core::proofspace::auth::{self, PROOFSPACE_RSA_BITS};
use ssi_verify_core::{Error, ErrorCode};

/// Longest key file accepted (an RSA-4096 PKCS#8 PEM is about 3.3 KB).
const MAX_KEY_FILE_BYTES: usize = 64 * 1024;

/// A key that signs outbound bodies. `Debug` never prints secret material.
pub enum BodySigningKey {
    /// RSA PKCS#1 v1.5 + SHA3-256, with the public key the result is checked against.
    Rsa {
        /// The signing key (SHA3-256 DigestInfo prefix bound in).
        key: Box<SigningKey<Sha3_256>>,
        /// The matching public key, for the self-check.
        public: PublicKey,
        /// Modulus size in bits.
        bits: usize,
    },
    /// Ed25519 over the raw body.
    Ed25519(Ed25519SecretKey),
}

impl fmt::Debug for BodySigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BodySigningKey::Rsa { bits, .. } => write!(f, "BodySigningKey::Rsa({bits} bits, <redacted>)"),
            BodySigningKey::Ed25519(_) => f.write_str("BodySigningKey::Ed25519(<redacted>)"),
        }
    }
}

fn invalid_key(detail: &'static str) -> Error {
    Error::new(ErrorCode::InvalidKey, detail)
}

impl BodySigningKey {
    /// Reads a key file the way `ssi-verify proofspace sign-body --secret-key FILE` does: PEM
    /// text means RSA ([`Self::from_rsa_pem`]); anything else must be a 32-byte Ed25519 seed in
    /// hex or Base64.
    ///
    /// # Errors
    /// As [`Self::from_rsa_pem`] for PEM; [`ErrorCode::InvalidKey`] for a seed that is neither
    /// 32 bytes of hex nor of Base64.
    pub fn from_key_file(text: &str) -> Result<Self, Error> {
        if text.len() > MAX_KEY_FILE_BYTES {
            return Err(invalid_key("the key file is too large"));
        }
        let t = text.trim();
        if t.starts_with("-----BEGIN ") {
            return Self::from_rsa_pem(t);
        }
        let seed = hex_decode(t)
            .or_else(|_| base64_decode(t))
            .map_err(|_| invalid_key("the secret key must be an RSA PEM or a 32-byte Ed25519 seed in hex or Base64"))?;
        Ok(Self::Ed25519(Ed25519SecretKey::from_slice(&seed)?))
    }

    /// Reads an RSA private key from PEM: PKCS#8 `PRIVATE KEY` or PKCS#1 `RSA PRIVATE KEY`.
    ///
    /// # Errors
    /// [`ErrorCode::UnsupportedKey`] for another PEM label (an encrypted PKCS#8 key, a public
    /// key, ...) or a PKCS#8 key that is not RSA; [`ErrorCode::InvalidKey`] when the PEM or the
    /// key does not parse or is inconsistent; [`ErrorCode::KeySizeNotAllowed`] outside 2048 to
    /// 4096 bits.
    pub fn from_rsa_pem(pem: &str) -> Result<Self, Error> {
        if pem.len() > MAX_KEY_FILE_BYTES {
            return Err(invalid_key("the key file is too large"));
        }
        let pem = pem.trim();
        let key = if pem.starts_with("-----BEGIN PRIVATE KEY-----") {
            PrivateKey::from_pkcs8_pem(pem).map_err(|e| match e {
                rsa_signing::pkcs8::Error::KeyMalformed(_) | rsa_signing::pkcs8::Error::Asn1(_) => {
                    invalid_key("the PKCS#8 PEM does not hold a valid RSA private key")
                }
                _ => Error::new(ErrorCode::UnsupportedKey, "the PKCS#8 private key is not an RSA key"),
            })?
        } else if pem.starts_with("-----BEGIN RSA PRIVATE KEY-----") {
            PrivateKey::from_pkcs1_pem(pem)
                .map_err(|_| invalid_key("the PKCS#1 PEM does not hold a valid RSA private key"))?
        } else {
            return Err(Error::new(
                ErrorCode::UnsupportedKey,
                "expected an unencrypted PEM RSA private key (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)",
            ));
        };
        let bits = key.n().bit_width() as usize;
        if !PROOFSPACE_RSA_BITS.contains(&bits) {
            return Err(Error::new(ErrorCode::KeySizeNotAllowed, "RSA signing keys must have 2048 to 4096 bits"));
        }
        let spki = key
            .to_public_key()
            .to_public_key_der()
            .map_err(|_| invalid_key("the RSA public key could not be encoded"))?;
        let public = PublicKey::from_spki_der(spki.as_bytes(), PROOFSPACE_RSA_BITS)?;
        Ok(Self::Rsa { key: Box::new(SigningKey::<Sha3_256>::new(key)), public, bits })
    }

    /// Signs `body` (the exact bytes that will be sent) and returns the `X-Body-Signature`
    /// value: standard padded Base64.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidKey`] when the RSA computation fails (no random source for blinding,
    /// or a result that does not verify: the signature is withheld).
    pub fn sign_body(&self, body: &[u8]) -> Result<String, Error> {
        match self {
            BodySigningKey::Ed25519(key) => Ok(auth::sign_body_ed25519(key, body)),
            BodySigningKey::Rsa { key, public, .. } => {
                let signature = key
                    .try_sign(body)
                    .map_err(|_| invalid_key("RSA signing failed (key or platform random source)"))?;
                let text = base64_encode(&signature.to_bytes());
                match auth::verify_body_signature(public, body, &text)? {
                    ssi_verify_core::Verdict::Valid => Ok(text),
                    ssi_verify_core::Verdict::Invalid(_) => {
                        Err(invalid_key("the RSA signature did not verify with the key's own public key"))
                    }
                }
            }
        }
    }
}

/// Signs `body` with an RSA private key in PEM ([`BodySigningKey::from_rsa_pem`]): the
/// `X-Body-Signature` value (RSASSA-PKCS1-v1_5, SHA3-256, standard padded Base64).
///
/// # Errors
/// As [`BodySigningKey::from_rsa_pem`] and [`BodySigningKey::sign_body`].
pub fn sign_body_rsa(private_key_pem: &str, body: &[u8]) -> Result<String, Error> {
    BodySigningKey::from_rsa_pem(private_key_pem)?.sign_body(body)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code
    use super::*;

    fn vector(name: &str) -> String {
        let path = format!("{}/../tests/vectors/proofspace/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn equals_openssl_byte_for_byte_and_verifies() {
        let body = vector("rsa4096-body.json");
        let want = vector("rsa2048-body.sig.b64");
        for key in ["rsa2048-private.pk8.pem", "rsa2048-private.pkcs1.pem"] {
            let sig = sign_body_rsa(&vector(key), body.as_bytes()).unwrap();
            assert_eq!(sig, want.trim(), "{key}");
        }
        let public = auth::parse_public_key(&vector("rsa2048-public.pem")).unwrap();
        let sig = sign_body_rsa(&vector("rsa2048-private.pk8.pem"), body.as_bytes()).unwrap();
        assert!(auth::verify_body_signature(&public, body.as_bytes(), &sig).unwrap().is_valid());
        let tampered = body.replacen("a1", "a2", 1);
        assert!(!auth::verify_body_signature(&public, tampered.as_bytes(), &sig).unwrap().is_valid());
    }

    #[test]
    fn the_file_decides_the_scheme() {
        let rsa = BodySigningKey::from_key_file(&vector("rsa2048-private.pk8.pem")).unwrap();
        assert!(matches!(rsa, BodySigningKey::Rsa { .. }));
        assert_eq!(format!("{rsa:?}"), "BodySigningKey::Rsa(2048 bits, <redacted>)");
        let ed = BodySigningKey::from_key_file(&format!("{}\n", "9d".repeat(32))).unwrap();
        assert!(matches!(ed, BodySigningKey::Ed25519(_)));
        assert!(!format!("{ed:?}").contains("9d"));
    }

    #[test]
    fn bad_keys_are_refused_with_their_code() {
        let code = |text: &str| BodySigningKey::from_key_file(text).unwrap_err().code();
        let pem = vector("rsa2048-private.pk8.pem");
        assert_eq!(code(&vector("rsa2048-public.pem")), ErrorCode::UnsupportedKey);
        assert_eq!(code(&pem.replace("PRIVATE KEY", "ENCRYPTED PRIVATE KEY")), ErrorCode::UnsupportedKey);
        let mut broken: Vec<&str> = pem.lines().collect();
        broken.remove(3);
        assert_eq!(code(&broken.join("\n")), ErrorCode::InvalidKey);
        assert_eq!(code("0011"), ErrorCode::InvalidKey);
        assert_eq!(code("not a key"), ErrorCode::InvalidKey);
        // An Ed25519 key in PKCS#8 PEM: PEM means RSA here.
        let ed_pk8 = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----";
        assert_eq!(code(ed_pk8), ErrorCode::UnsupportedKey);
    }
}
