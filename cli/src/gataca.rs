//! `ssi-verify gataca ...` and the shared top-level primitive `ed25519-verify`.

use ssi_verify_core::codec::hex_decode;
use ssi_verify_core::crypto::ed25519::Ed25519PublicKey;
use ssi_verify_core::presentation::api_key::ApiKey;
use ssi_verify_core::presentation::openid::AuthorizationRequest;
use ssi_verify_core::presentation::report::{api_key_json, request_json, webhook_summary_json};
use ssi_verify_core::presentation::result::WebhookPayload;
use ssi_verify_core::Limits;

use crate::args::Args;
use crate::input::{arg_or_stdin, read_text};
use crate::smartid::report_verdict;
use crate::{emit, emit_report, CmdResult, Failure};

pub fn run(argv: &[String]) -> CmdResult {
    let (sub, rest) = argv.split_first().ok_or_else(|| Failure::usage("gataca: missing subcommand"))?;
    match sub.as_str() {
        "openid-request" => openid_request(rest),
        "check-webhook" => check_webhook(rest),
        "session" => crate::gataca_session::session(rest),
        "api-key" => api_key(rest),
        other => Err(Failure::usage(format!("gataca: unknown subcommand '{other}'"))),
    }
}

/// `ed25519-verify --public-key HEX --signature HEX --message HEX` (strict verification).
pub fn ed25519_verify(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &["public-key", "signature", "message"])?;
    args.positional(0)?;
    let key = Ed25519PublicKey::from_bytes(&hex_decode(args.req("public-key")?)?)?;
    let signature = hex_decode(args.req("signature")?)?;
    let message = hex_decode(args.req("message")?)?;
    report_verdict(key.verify(&message, &signature)?)
}

fn openid_request(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &[])?;
    let uri = arg_or_stdin(args.positional(1)?)?;
    let r = AuthorizationRequest::parse(uri.trim(), &Limits::DEFAULT)?;
    emit(&format!("{}\n", request_json(&r)));
    Ok(())
}

fn check_webhook(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &[])?;
    let p = WebhookPayload::parse(&read_text(args.positional(1)?)?, &Limits::DEFAULT)?;
    // Gataca's rule decides `valid` (no error in verificationResult), as in C and UniFFI.
    emit_report(&webhook_summary_json(&p), p.verification_result.verdict())
}

fn api_key(argv: &[String]) -> CmdResult {
    let (sub, rest) = argv.split_first().ok_or_else(|| Failure::usage("gataca api-key: encode or decode"))?;
    match sub.as_str() {
        "encode" => {
            let args = Args::parse(rest, &["id", "secret"])?;
            args.positional(0)?;
            emit(&format!("{}\n", ApiKey::new(args.req("id")?, args.req("secret")?)?.to_header()));
            Ok(())
        }
        "decode" => {
            let args = Args::parse(rest, &[])?;
            let key = ApiKey::from_header(&arg_or_stdin(args.positional(1)?)?)?;
            // The secret is not printed: a decoded header is usually being logged or inspected.
            emit(&format!("{}\n", api_key_json(&key)));
            Ok(())
        }
        other => Err(Failure::usage(format!("gataca api-key: unknown subcommand '{other}'"))),
    }
}
