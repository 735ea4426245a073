//! `ssi-verify smartid ...`

use ssi_verify_core::smartid::{
    self, report, DeviceLinkRequest, DeviceLinkType, Flow, InteractionType, Reading, SessionType,
};
use ssi_verify_core::{ErrorCode, Limits, Verdict};

use crate::args::Args;
use crate::input::{arg_or_stdin, parse_json, read_text, Fields};
use crate::{emit, emit_report, CmdResult, Failure};

pub fn run(argv: &[String]) -> CmdResult {
    let (sub, rest) = argv.split_first().ok_or_else(|| Failure::usage("smartid: missing subcommand"))?;
    match sub.as_str() {
        "decode" => decode(rest),
        "select" => select(rest),
        "encode" => encode(rest),
        "device-link" => device_link(rest),
        "verify-auth" => crate::smartid_trust::verify_auth(rest),
        "verify-sign" => crate::smartid_trust::verify_sign(rest),
        "verification-code" => verification_code(rest),
        other => Err(Failure::usage(format!("smartid: unknown subcommand '{other}'"))),
    }
}

fn flow(name: &str) -> Result<Flow, Failure> {
    Flow::from_name(name).ok_or_else(|| {
        Failure::usage(format!("unknown flow '{name}' (device-link, notification or linked-notification)"))
    })
}

fn decode(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &["flow"])?;
    let flow = flow(args.req("flow")?)?;
    let b64 = arg_or_stdin(args.positional(1)?)?;
    let list = smartid::decode(&b64, flow, &Limits::DEFAULT)?;
    emit(&format!("{}\n", report::interactions_json(&list.items)));
    Ok(())
}

fn select(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &["supported"])?;
    let supported = args
        .req("supported")?
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|name| {
            InteractionType::from_name(name.trim()).ok_or_else(|| {
                Failure::usage(format!(
                    "unknown interaction type '{name}' in --supported (known: displayTextAndPIN, confirmationMessage, \
                     confirmationMessageAndVerificationCodeChoice)"
                ))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let b64 = arg_or_stdin(args.positional(1)?)?;
    let pick = smartid::select(&b64, &supported, &Limits::DEFAULT)?;
    emit(&format!("{}\n", report::selection_json(&pick)));
    Ok(())
}

fn encode(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &["flow"])?;
    let reading = match args.opt("flow") {
        Some(f) => Reading::Strict(flow(f)?),
        None => Reading::AnyFlow,
    };
    let json = read_text(args.positional(1)?)?;
    let b64 = smartid::encode_json(&json, reading, &Limits::DEFAULT)?;
    emit(&format!("{b64}\n"));
    Ok(())
}

pub const DEVICE_LINK_FIELDS: &[&str] = &[
    "schemeName",
    "deviceLinkBase",
    "deviceLinkType",
    "sessionType",
    "sessionToken",
    "sessionSecret",
    "rpChallenge",
    "digest",
    "relyingPartyName",
    "brokeredRpName",
    "interactions",
    "initialCallbackUrl",
    "lang",
    "elapsedSeconds",
];

/// Reads a device-link request document (field names as in DESIGN.md).
pub fn device_link_request<'a>(f: &Fields<'a>) -> Result<DeviceLinkRequest<'a>, Failure> {
    let link_type = f.str("deviceLinkType")?;
    let session_type = f.str("sessionType")?;
    Ok(DeviceLinkRequest {
        scheme_name: f.str("schemeName")?,
        device_link_base: f.str("deviceLinkBase")?,
        link_type: DeviceLinkType::from_name(link_type).ok_or_else(|| {
            Failure::rejected(ErrorCode::InvalidFieldValue, "deviceLinkType must be Web2App, App2App or QR")
        })?,
        session_type: SessionType::from_name(session_type)
            .ok_or_else(|| Failure::rejected(ErrorCode::InvalidFieldValue, "sessionType must be auth, sign or cert"))?,
        session_token: f.str("sessionToken")?,
        session_secret: f.str("sessionSecret")?,
        rp_challenge: f.opt_str("rpChallenge")?,
        digest: f.opt_str("digest")?,
        relying_party_name: f.str("relyingPartyName")?,
        brokered_rp_name: f.opt_str("brokeredRpName")?,
        interactions: f.opt_str("interactions")?,
        initial_callback_url: f.opt_str("initialCallbackUrl")?,
        lang: f.opt_str("lang")?,
        elapsed_seconds: f.opt_u64("elapsedSeconds")?,
    })
}

fn device_link(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &[])?;
    let doc = parse_json(&read_text(args.positional(1)?)?)?;
    let f = Fields::new(&doc, DEVICE_LINK_FIELDS, "device-link request")?;
    let link = smartid::device_link(&device_link_request(&f)?)?;
    emit(&format!("{}\n", report::device_link_json(&link)));
    Ok(())
}

/// Prints a verdict and turns an invalid one into exit status 1.
pub fn report_verdict(verdict: Verdict) -> CmdResult {
    emit_report(&verdict.to_json(), verdict)
}

fn verification_code(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &[])?;
    let challenge = arg_or_stdin(args.positional(1)?)?;
    let code = smartid::verification_code(&challenge)?;
    emit(&format!("{}\n", report::verification_code_json(code)));
    Ok(())
}
