//! `ssi-verify proofspace sign-body --secret-key KEY [FILE]`: an `X-Body-Signature` value. A PEM
//! key file means RSA (PKCS#1 v1.5 + SHA3-256), a hex or Base64 seed file means Ed25519; the
//! rule lives in `ssi-verify-signer`, shared with the bindings.

use ssi_verify_signer::BodySigningKey;

use crate::args::Args;
use crate::input::{read_bytes, read_text};
use crate::{emit, CmdResult};

/// Prints the Base64 signature of the exact body bytes, one line.
pub fn sign_body(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &["secret-key"])?;
    let key = BodySigningKey::from_key_file(&read_text(Some(args.req("secret-key")?))?)?;
    let body = read_bytes(args.positional(1)?)?;
    emit(&format!("{}\n", key.sign_body(&body)?));
    Ok(())
}
