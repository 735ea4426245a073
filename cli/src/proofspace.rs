//! `ssi-verify proofspace ...`

use std::collections::BTreeMap;

use ssi_verify_core::crypto::rsa::RsaKey;
use ssi_verify_core::crypto::PublicKey;
use ssi_verify_core::jose::{JwsKey, RsaJwsAlg};
use ssi_verify_core::proofspace::auth::{self, BearerPolicy, Direction, PROOFSPACE_RSA_BITS};
use ssi_verify_core::proofspace::values::{self, AttributeType, CredentialSchema, EnumValue};
use ssi_verify_core::proofspace::webhook::{self, InteractionRequest, InteractionResponse};
use ssi_verify_core::proofspace::{report, rules};
use ssi_verify_core::{ErrorCode, Limits};

use crate::args::Args;
use crate::input::{arg_or_stdin, read_bytes, read_text};
use crate::smartid::report_verdict;
use crate::{emit, emit_report, CmdResult, Failure};

pub fn run(argv: &[String]) -> CmdResult {
    let (sub, rest) = argv.split_first().ok_or_else(|| Failure::usage("proofspace: missing subcommand"))?;
    match sub.as_str() {
        "verify-body" => verify_body(rest),
        "sign-body" => crate::proofspace_sign::sign_body(rest),
        "cast" => cast(rest),
        "verify-bearer" => verify_bearer(rest),
        "check-request" => check_request(rest),
        "check-response" => check_response(rest),
        "failure-reply" => failure_reply(rest),
        "render" => render(rest),
        other => Err(Failure::usage(format!("proofspace: unknown subcommand '{other}'"))),
    }
}

/// Verifies a body signature from texts (shared with `demo`).
pub fn verify_body_texts(pem: &str, body: &[u8], signature: &str) -> Result<ssi_verify_core::Verdict, Failure> {
    let key = auth::parse_public_key(pem)?;
    Ok(auth::verify_body_signature(&key, body, auth::single_header(Some(signature))?)?)
}

fn verify_body(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &["public-key", "signature"])?;
    let pem = read_text(Some(args.req("public-key")?))?;
    let signature = args.req("signature")?.to_owned();
    let body = read_bytes(args.positional(1)?)?;
    report_verdict(verify_body_texts(&pem, &body, &signature)?)
}

fn cast(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &["type", "enum-values"])?;
    let ty_name = args.req("type")?;
    let ty = AttributeType::from_name(ty_name).ok_or_else(|| {
        Failure::usage(format!("unknown type '{ty_name}' (Text, Date, Number, ImageURL or Enumeration)"))
    })?;
    let enums = args
        .opt("enum-values")
        .map(|list| {
            list.split(',')
                .map(|v| {
                    v.trim()
                        .parse::<u32>()
                        .map(|n| EnumValue { name: n.to_string(), value: n })
                        .map_err(|_| Failure::usage(format!("--enum-values: '{v}' is not a non-negative integer")))
                })
                .collect::<Result<Vec<_>, _>>()
        })
        .transpose()?;
    let value = arg_or_stdin(args.positional(1)?)?;
    let typed = values::cast(ty, &value, enums.as_deref())?;
    emit(&format!("{}\n", typed.to_json()));
    Ok(())
}

fn verify_bearer(argv: &[String]) -> CmdResult {
    let args = Args::parse(
        argv,
        &[
            "hs256-secret",
            "rs256-key",
            "rs512-key",
            "eddsa-key",
            "service-did",
            "direction",
            "now",
            "leeway",
            "accept-ms",
        ],
    )?;
    let keys = ["hs256-secret", "rs256-key", "rs512-key", "eddsa-key"];
    let given: Vec<&str> = keys.iter().copied().filter(|k| args.opt(k).is_some()).collect();
    let [which] = given.as_slice() else {
        return Err(Failure::usage(
            "give exactly one of --hs256-secret, --rs256-key, --rs512-key, --eddsa-key (a file)",
        ));
    };
    let material = read_bytes(Some(args.req(which)?))?;
    let pem = || {
        String::from_utf8(material.clone())
            .map_err(|_| Failure::rejected(ErrorCode::InvalidKey, "key file is not UTF-8"))
    };
    let (rsa, ed);
    let key = match *which {
        "hs256-secret" => JwsKey::Hmac(&material),
        "eddsa-key" => {
            ed = match auth::parse_public_key(&pem()?)? {
                PublicKey::Ed25519(k) => k,
                PublicKey::Rsa(_) => {
                    return Err(Failure::rejected(ErrorCode::UnsupportedKey, "EdDSA needs an Ed25519 key"))
                }
            };
            JwsKey::Ed25519(&ed)
        }
        rs => {
            rsa = RsaKey::from_spki_pem(&pem()?, PROOFSPACE_RSA_BITS)?;
            JwsKey::Rsa(&rsa, if rs == "rs256-key" { RsaJwsAlg::Rs256 } else { RsaJwsAlg::Rs512 })
        }
    };
    let direction = match args.req("direction")? {
        "from-proofspace" => Direction::FromProofSpace,
        "to-proofspace" => Direction::ToProofSpace,
        d => return Err(Failure::usage(format!("--direction must be from-proofspace or to-proofspace, not '{d}'"))),
    };
    let number = |name: &str, default: Option<u64>| -> Result<u64, Failure> {
        match args.opt(name) {
            Some(v) => v.parse().map_err(|_| Failure::usage(format!("--{name} must be a non-negative integer"))),
            None => default.ok_or_else(|| Failure::usage(format!("missing required option '--{name}'"))),
        }
    };
    let policy = BearerPolicy {
        service_did: args.req("service-did")?,
        direction,
        now: number("now", None)?,
        leeway: number("leeway", Some(60))?,
        require_exp: true,
        accept_millisecond_times: matches!(args.opt("accept-ms"), Some("yes" | "true")),
    };
    let header = arg_or_stdin(args.positional(1)?)?;
    let header = if header.contains(' ') { header } else { format!("Bearer {header}") };
    let check = auth::verify_bearer(Some(&header), &key, &policy, &Limits::DEFAULT)?;
    emit_report(&report::bearer_json(&check), check.verdict)
}

fn check_request(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &[])?;
    let req = InteractionRequest::parse(&read_text(args.positional(1)?)?, &Limits::DEFAULT)?;
    emit(&format!("{}\n", report::request_json(&req)));
    Ok(())
}

/// Reads a schema file `{"<schemaId>": {"attributes": [...]}, ...}` (shared with `demo`).
pub fn schemas_from_text(text: &str) -> Result<BTreeMap<String, CredentialSchema>, Failure> {
    let doc = crate::input::parse_json(text)?;
    let map = doc
        .as_object()
        .ok_or_else(|| Failure::rejected(ErrorCode::UnexpectedJsonType, "a schema file must map schemaId to schema"))?;
    let mut schemas = BTreeMap::new();
    for (id, schema) in map {
        schemas.insert(id.clone(), CredentialSchema::from_json(schema)?);
    }
    Ok(schemas)
}

/// Checks a response against its request (shared with `demo`): the verdict and the report JSON.
pub fn check_response_texts(
    request: &str,
    response: &str,
    schemas: &BTreeMap<String, CredentialSchema>,
) -> Result<(ssi_verify_core::Verdict, String), Failure> {
    let req = InteractionRequest::parse(request, &Limits::DEFAULT)?;
    let resp = InteractionResponse::parse(response, &Limits::DEFAULT)?;
    let (verdict, mismatches) = webhook::check_response(&req, &resp, schemas)?;
    Ok((verdict, report::check_response_json(verdict, &mismatches)))
}

fn check_response(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &["request", "schema"])?;
    let request = read_text(Some(args.req("request")?))?;
    let schemas = match args.opt("schema") {
        Some(path) => schemas_from_text(&read_text(Some(path))?)?,
        None => BTreeMap::new(),
    };
    let response = read_text(args.positional(1)?)?;
    let (verdict, report) = check_response_texts(&request, &response, &schemas)?;
    emit_report(&report, verdict)
}

fn failure_reply(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &["message", "details"])?;
    args.positional(0)?;
    emit(&format!("{}\n", webhook::failure_reply(args.req("message")?, args.opt("details"))));
    Ok(())
}

fn render(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &["param"])?;
    let template = arg_or_stdin(args.positional(1)?)?;
    // --param "Name=Value" (repeatable through a ';' separated list).
    let params: Vec<(&str, &str)> = args
        .opt("param")
        .map(|p| p.split(';').filter(|s| !s.is_empty()).map(|kv| kv.split_once('=').unwrap_or((kv, ""))).collect())
        .unwrap_or_default();
    emit(&format!("{}\n", rules::render(&template, &params)?));
    Ok(())
}
