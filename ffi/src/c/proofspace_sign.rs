//! Signing outbound ProofSpace bodies with RSA through the C ABI (std layer only; the signing
//! rule lives in `ssi-verify-signer`, shared with the CLI).

use ssi_verify_signer::sign_body_rsa;

use super::{boundary, ssi_status};

/// Signs a body for ProofSpace's `X-Body-Signature` (RSASSA-PKCS1-v1_5 with SHA3-256, the scheme
/// of ProofSpace's examples) with an RSA private key in PEM (PKCS#8 `BEGIN PRIVATE KEY` or
/// PKCS#1 `BEGIN RSA PRIVATE KEY`, 2048 to 4096 bits), writing the NUL-terminated standard
/// Base64 signature into `out`. The arithmetic is constant-time (`rsa` 0.10) and blinded with
/// the operating system's random source; the signature is checked against the key's public
/// half before it is written.
///
/// Returns `SSI_OK`, `SSI_ERROR_UNSUPPORTED_KEY` (another PEM label, an encrypted or non-RSA
/// key), `SSI_ERROR_INVALID_KEY`, `SSI_ERROR_KEY_SIZE_NOT_ALLOWED`, or
/// `SSI_ERROR_BUFFER_TOO_SMALL`.
///
/// # Safety
/// `pem` readable for `pem_len`; `body` readable for `body_len`; `out` writable for `out_cap`;
/// `out_len` writable.
#[no_mangle]
pub unsafe extern "C" fn ssi_proofspace_sign_body_rsa(
    pem: *const u8,
    pem_len: usize,
    body: *const u8,
    body_len: usize,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> ssi_status {
    boundary(|| {
        let (pem, body) = (arg_text!(pem, pem_len, "pem is NULL")?, arg_bytes!(body, body_len, "body is NULL")?);
        let signature = sign_body_rsa(pem, body)?;
        out_text!(signature.as_bytes(), out, out_cap, out_len)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ssi_verify_core::ErrorCode;

    fn vector(name: &str) -> String {
        std::fs::read_to_string(format!("{}/../tests/vectors/proofspace/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn signs_like_openssl_and_refuses_public_keys() {
        let (pem, body) = (vector("rsa2048-private.pk8.pem"), vector("rsa4096-body.json"));
        let mut buf = vec![0u8; 1024];
        let mut len = 0usize;
        // SAFETY: valid buffers of the stated lengths.
        let status = unsafe {
            ssi_proofspace_sign_body_rsa(
                pem.as_ptr(),
                pem.len(),
                body.as_ptr(),
                body.len(),
                buf.as_mut_ptr(),
                buf.len(),
                &mut len,
            )
        };
        assert_eq!(status, 0);
        assert_eq!(std::str::from_utf8(&buf[..len]).unwrap(), vector("rsa2048-body.sig.b64").trim());
        let public = vector("rsa2048-public.pem");
        // SAFETY: as above.
        let status = unsafe {
            ssi_proofspace_sign_body_rsa(
                public.as_ptr(),
                public.len(),
                body.as_ptr(),
                body.len(),
                buf.as_mut_ptr(),
                buf.len(),
                &mut len,
            )
        };
        assert_eq!(status, ErrorCode::UnsupportedKey as u32);
    }
}
