//! RSA-2048 and RSA-4096 signature verification for the `rsa_verify_2048` / `rsa_verify_4096`
//! groups: PKCS#1 v1.5 and PSS (SHA-256, salt = 32 bytes) signatures made here over a fixed
//! 64-byte message, verified by ssi-verify (`RsaKey::verify`: hash + public-key operation +
//! padding check) and by `rsa` 0.9 (the verifier the core used before issue 16), with the key
//! parsed outside the timed code on both sides. OpenSSL's `EVP_PKEY_verify` on the same key,
//! message and signatures is timed by `bench/openssl/rsa_verify.c` (`bench/openssl/rsa.sh`,
//! which reads the files [`write_rsa_inputs`] writes).
//!
//! The RSA-2048 key is the ProofSpace vector's (`tests/vectors/proofspace`); the RSA-4096 key is
//! `bench/data/rsa4096-private.pk8.pem` (made for this bench with `openssl genpkey`).

use std::path::Path;

use rand_chacha::rand_core::SeedableRng as _;
use rsa::pkcs8::{DecodePrivateKey as _, EncodePublicKey as _, LineEnding};
use rsa::{Pkcs1v15Sign, Pss, RsaPrivateKey, RsaPublicKey};
use sha2::{Digest as _, Sha256};
use ssi_verify_core::crypto::rsa::{RsaKey, RsaScheme};
use ssi_verify_core::crypto::HashAlg;
use ssi_verify_core::Verdict;

use crate::{fail, Outcome};

/// The signed message (64 bytes: one SHA-256 block of data, so hashing is a small share).
pub const MESSAGE: &[u8; 64] = b"ssi-verify RSA bench message: 64 bytes, signed PKCS#1 and PSS...";

/// One key size's key and signatures as both Rust sides read them.
#[derive(Debug)]
pub struct RsaVectors {
    /// Modulus size in bits.
    pub bits: usize,
    /// SPKI PEM of the public key (for OpenSSL).
    pub public_pem: String,
    /// The key as ssi-verify parses it.
    pub key: RsaKey,
    /// The key for `rsa` 0.9.
    pub std_key: RsaPublicKey,
    /// RSASSA-PKCS1-v1_5 with SHA-256 over [`MESSAGE`].
    pub pkcs1: Vec<u8>,
    /// RSASSA-PSS with SHA-256, MGF1-SHA-256, 32-byte salt, over [`MESSAGE`].
    pub pss: Vec<u8>,
}

fn private_key(bits: usize) -> Outcome<RsaPrivateKey> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let path = match bits {
        2048 => format!("{root}/tests/vectors/proofspace/rsa2048-private.pk8.pem"),
        4096 => format!("{root}/bench/data/rsa4096-private.pk8.pem"),
        _ => return fail("no RSA bench key of that size"),
    };
    let pem = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    RsaPrivateKey::from_pkcs8_pem(&pem).map_err(|e| format!("{path}: {e}"))
}

/// Signs [`MESSAGE`] with the `bits`-bit bench key and checks that ssi-verify and `rsa` 0.9 both
/// accept both signatures and both refuse them over a changed message.
///
/// # Errors
/// A missing key file, a signing failure, or the two verifiers disagreeing.
pub fn rsa_vectors(bits: usize) -> Outcome<RsaVectors> {
    let private = private_key(bits)?;
    let hashed = Sha256::digest(MESSAGE);
    let pkcs1 = private.sign(Pkcs1v15Sign::new::<Sha256>(), &hashed).map_err(|e| e.to_string())?;
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(bits as u64);
    let pss = private.sign_with_rng(&mut rng, Pss::new_with_salt::<Sha256>(32), &hashed).map_err(|e| e.to_string())?;
    let std_key = private.to_public_key();
    let public_pem = std_key.to_public_key_pem(LineEnding::LF).map_err(|e| e.to_string())?;
    let key = RsaKey::from_spki_pem(&public_pem, 2048..=4096).map_err(|e| e.to_string())?;
    let v = RsaVectors { bits, public_pem, key, std_key, pkcs1, pss };
    for (pss, sig) in [(false, &v.pkcs1), (true, &v.pss)] {
        let mut changed = *MESSAGE;
        changed[0] ^= 1;
        if !v.verify(pss, MESSAGE, sig)? || !v.std_verify(pss, MESSAGE, sig) {
            return fail("rsa bench: a verifier refuses the bench signature");
        }
        if v.verify(pss, &changed, sig)? || v.std_verify(pss, &changed, sig) {
            return fail("rsa bench: a verifier accepts the signature over a changed message");
        }
    }
    Ok(v)
}

impl RsaVectors {
    /// ssi-verify: hash, public-key operation, padding check.
    ///
    /// # Errors
    /// The signature could not be checked (wrong length).
    pub fn verify(&self, pss: bool, message: &[u8], sig: &[u8]) -> Outcome<bool> {
        let scheme = if pss { RsaScheme::Pss(HashAlg::Sha256) } else { RsaScheme::Pkcs1v15(HashAlg::Sha256) };
        Ok(self.key.verify(scheme, message, sig).map_err(|e| e.to_string())? == Verdict::Valid)
    }

    /// `rsa` 0.9: the same hash, then `RsaPublicKey::verify`.
    #[must_use]
    pub fn std_verify(&self, pss: bool, message: &[u8], sig: &[u8]) -> bool {
        let hashed = Sha256::digest(message);
        if pss {
            self.std_key.verify(Pss::new_with_salt::<Sha256>(32), &hashed, sig).is_ok()
        } else {
            self.std_key.verify(Pkcs1v15Sign::new::<Sha256>(), &hashed, sig).is_ok()
        }
    }
}

/// Writes `rsa{bits}-public.pem`, `rsa{bits}-pkcs1.sig`, `rsa{bits}-pss.sig` and `rsa-message.bin`
/// to `dir` for `bench/openssl/rsa_verify.c`.
///
/// # Errors
/// As [`rsa_vectors`], or a write failure.
pub fn write_rsa_inputs(dir: &Path) -> Outcome<()> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let write = |name: String, bytes: &[u8]| std::fs::write(dir.join(&name), bytes).map_err(|e| format!("{name}: {e}"));
    write("rsa-message.bin".into(), MESSAGE)?;
    for bits in [2048, 4096] {
        let v = rsa_vectors(bits)?;
        write(format!("rsa{bits}-public.pem"), v.public_pem.as_bytes())?;
        write(format!("rsa{bits}-pkcs1.sig"), &v.pkcs1)?;
        write(format!("rsa{bits}-pss.sig"), &v.pss)?;
    }
    Ok(())
}
