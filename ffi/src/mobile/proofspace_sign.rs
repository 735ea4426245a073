//! Signing outbound ProofSpace bodies with RSA for Kotlin, Swift and Python (std layer only).

use super::SsiError;

/// Signs a body for ProofSpace's `X-Body-Signature` (RSASSA-PKCS1-v1_5 with SHA3-256, standard
/// Base64) with an RSA private key in PEM (PKCS#8 or PKCS#1, 2048 to 4096 bits); constant-time
/// and blinded with the platform's random source.
#[uniffi::export]
pub fn proofspace_sign_body_rsa(private_key_pem: String, body: Vec<u8>) -> Result<String, SsiError> {
    Ok(ssi_verify_signer::sign_body_rsa(&private_key_pem, &body)?)
}
