//! `ssi-verify proof verify|sign`: JcsEd25519Signature2020 proofs on any JSON document
//! (Gataca definitions, data agreements, credentials, presentations).

use ssi_verify_core::codec::hex_decode;
use ssi_verify_core::crypto::did_key::{did_key_verification_method, TrustStore};
use ssi_verify_core::crypto::ed25519::{Ed25519PublicKey, Ed25519SecretKey};
use ssi_verify_core::json::Value;
use ssi_verify_core::presentation::proof::{overall, sign_jcs_ed25519, verify_proofs, ProofExpectations};
use ssi_verify_core::presentation::report::proofs_json;
use ssi_verify_core::Limits;

use crate::args::Args;
use crate::input::read_text;
use crate::{emit, emit_report, CmdResult, Failure};

pub fn run(argv: &[String]) -> CmdResult {
    let (sub, rest) = argv.split_first().ok_or_else(|| Failure::usage("proof: missing subcommand"))?;
    match sub.as_str() {
        "verify" => verify(rest),
        "sign" => sign(rest),
        "did-key" => did_key(rest),
        other => Err(Failure::usage(format!("proof: unknown subcommand '{other}'"))),
    }
}

/// A trust-store file: `{"<DID or verification method>": "<Ed25519 public key, hex>", ...}`.
pub fn trust_store_from_text(text: &str) -> Result<TrustStore, Failure> {
    Ok(TrustStore::from_json(text, &Limits::DEFAULT)?)
}

fn verify(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &["trust-store", "purpose", "domain", "challenge", "allow-sha256-prehash"])?;
    let keys = match args.opt("trust-store") {
        Some(path) => trust_store_from_text(&read_text(Some(path))?)?,
        None => TrustStore::new(),
    };
    let expect = ProofExpectations {
        proof_purpose: args.opt("purpose"),
        domain: args.opt("domain"),
        challenge_or_nonce: args.opt("challenge"),
        allow_sha256_prehash: matches!(args.opt("allow-sha256-prehash"), Some("yes" | "true")),
    };
    let doc = Value::parse(&read_text(args.positional(1)?)?, &Limits::DEFAULT)?;
    let checks = verify_proofs(&doc, &keys, &expect, &Limits::DEFAULT)?;
    emit_report(&proofs_json(&checks), overall(&checks))
}

fn sign(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &["secret-key", "verification-method", "purpose", "created", "domain", "nonce"])?;
    let seed = hex_decode(read_text(Some(args.req("secret-key")?))?.trim())?;
    let key = Ed25519SecretKey::from_slice(&seed)?;
    let doc = Value::parse(&read_text(args.positional(1)?)?, &Limits::DEFAULT)?;
    let mut extra = Vec::new();
    for name in ["domain", "nonce"] {
        if let Some(v) = args.opt(name) {
            extra.push((name, Value::String(v.to_owned())));
        }
    }
    // Without --verification-method the key's own did:key is used, which verifies offline.
    let vm = match args.opt("verification-method") {
        Some(vm) => vm.to_owned(),
        None => did_key_verification_method(&key.public_key()),
    };
    let signed = sign_jcs_ed25519(
        &doc,
        &key,
        &vm,
        args.opt("purpose").unwrap_or("assertionMethod"),
        args.req("created")?,
        &extra,
    )?;
    emit(&format!("{}\n", signed.to_json()));
    Ok(())
}

/// `proof did-key --public-key HEX`: the did:key verification method of an Ed25519 key.
fn did_key(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &["public-key"])?;
    args.positional(0)?;
    let key = Ed25519PublicKey::from_bytes(&hex_decode(args.req("public-key")?)?)?;
    emit(&format!("{}\n", did_key_verification_method(&key)));
    Ok(())
}
