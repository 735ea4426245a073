//! `ssi-verify demo`: the main job on the bundled sample set (samples/, compiled in).

use ssi_verify_core::smartid::{self, Flow, InteractionType, Reading};
use ssi_verify_core::{ErrorCode, Limits, Verdict};

use crate::args::Args;
use crate::{emit, smartid as cmd, CmdResult, Failure};

macro_rules! sample {
    ($path:literal) => {
        ($path, include_str!(concat!("../../samples/", $path)))
    };
}

/// What a sample is expected to produce.
#[derive(Clone, Copy)]
enum Expect {
    Valid,
    Rejected(ErrorCode),
}

/// The step a sample runs.
#[derive(Clone, Copy)]
enum Action {
    Decode(Flow),
    Select(&'static [InteractionType]),
    Encode { expected_b64: (&'static str, &'static str) },
    DeviceLink { expected_code: (&'static str, &'static str) },
    VerifyAuth { request: (&'static str, &'static str) },
}

struct Sample {
    input: (&'static str, &'static str),
    action: Action,
    expect: Expect,
}

fn samples() -> Vec<Sample> {
    use Action::*;
    use Expect::*;
    vec![
        Sample { input: sample!("smartid/interactions-two.b64"), action: Decode(Flow::DeviceLink), expect: Valid },
        Sample {
            input: sample!("smartid/interactions-vc-choice.b64"),
            action: Decode(Flow::Notification),
            expect: Valid,
        },
        Sample {
            input: sample!("smartid/interactions-vc-choice.b64"),
            action: Decode(Flow::DeviceLink),
            expect: Rejected(ErrorCode::TypeNotAllowedForFlow),
        },
        Sample {
            input: sample!("smartid/interactions-too-long.b64"),
            action: Decode(Flow::Notification),
            expect: Rejected(ErrorCode::DisplayTextTooLong),
        },
        Sample {
            input: sample!("smartid/interactions-future-type.b64"),
            action: Select(&[InteractionType::DisplayTextAndPin]),
            expect: Valid,
        },
        Sample {
            input: sample!("smartid/interactions-future-type.b64"),
            action: Select(&[InteractionType::ConfirmationMessage]),
            expect: Rejected(ErrorCode::RequiredInteractionNotSupportedByApp),
        },
        Sample {
            input: sample!("smartid/interactions-mortgage.json"),
            action: Encode { expected_b64: sample!("smartid/interactions-mortgage.b64") },
            expect: Valid,
        },
        Sample {
            input: sample!("smartid/device-link-qr-auth.json"),
            action: DeviceLink { expected_code: sample!("smartid/device-link-qr-auth.expected") },
            expect: Valid,
        },
        Sample {
            input: sample!("smartid/auth-status-pss.json"),
            action: VerifyAuth { request: sample!("smartid/auth-request-pss.json") },
            expect: Valid,
        },
        Sample {
            input: sample!("smartid/auth-status-pkcs1.json"),
            action: VerifyAuth { request: sample!("smartid/auth-request-pkcs1.json") },
            expect: Valid,
        },
        Sample {
            input: sample!("smartid/auth-status-pss.json"),
            action: VerifyAuth { request: sample!("smartid/auth-request-wrong-rp.json") },
            expect: Rejected(ErrorCode::SignatureMismatch),
        },
    ]
}

/// Runs one sample: `Ok(summary)` when it passed its checks, `Err(code)` when rejected.
fn run_one(s: &Sample) -> Result<String, Failure> {
    let text = s.input.1.trim_end_matches(['\n', '\r']);
    let limits = Limits::DEFAULT;
    match s.action {
        Action::Decode(flow) => {
            let list = smartid::decode(text, flow, &limits)?;
            let kinds: Vec<&str> = list.items.iter().map(|i| i.kind.name()).collect();
            Ok(format!("{} interaction(s): {}", list.items.len(), kinds.join(", ")))
        }
        Action::Select(supported) => {
            let wallet = smartid::read(text, Reading::Wallet, &limits)?;
            let pick = smartid::select(text, supported, &limits)?;
            Ok(format!("chose {} (skipped {} unknown)", pick.kind.name(), wallet.skipped))
        }
        Action::Encode { expected_b64 } => {
            let b64 = smartid::encode_json(s.input.1, Reading::AnyFlow, &limits)?;
            let expected = expected_b64.1.trim_end();
            if b64 != expected {
                return Err(Failure::rejected(ErrorCode::ValueMismatch, format!("encoded {b64}, expected {expected}")));
            }
            Ok(format!("{} Base64 characters, equal to the official example", b64.len()))
        }
        Action::DeviceLink { expected_code } => {
            let doc = crate::input::parse_json(s.input.1)?;
            let link = device_link_from(&doc)?;
            let expected = expected_code.1.trim_end();
            if link.auth_code != expected {
                return Err(Failure::rejected(
                    ErrorCode::ValueMismatch,
                    format!("authCode {} != {expected}", link.auth_code),
                ));
            }
            Ok(format!("authCode {} (official value)", link.auth_code))
        }
        Action::VerifyAuth { request } => match cmd::verify_auth_texts(request.1, s.input.1)? {
            Verdict::Valid => Ok(format!("signature valid (request {})", request.0)),
            Verdict::Invalid(code) => Err(Failure::rejected(code, code.message())),
        },
    }
}

fn device_link_from(doc: &ssi_verify_core::json::Value) -> Result<smartid::DeviceLink, Failure> {
    let f = crate::input::Fields::new(doc, cmd::DEVICE_LINK_FIELDS, "device-link request")?;
    Ok(smartid::device_link(&cmd::device_link_request(&f)?)?)
}

pub fn run(argv: &[String]) -> CmdResult {
    Args::parse(argv, &[])?.positional(0)?;
    let all = samples();
    let mut failures = 0usize;
    for s in &all {
        let what = match s.action {
            Action::Decode(flow) => format!("decode --flow {}", flow.name()),
            Action::Select(types) => {
                format!("select --supported {}", types.iter().map(|t| t.name()).collect::<Vec<_>>().join(","))
            }
            Action::Encode { .. } => "encode".to_owned(),
            Action::DeviceLink { .. } => "device-link".to_owned(),
            Action::VerifyAuth { .. } => "verify-auth".to_owned(),
        };
        let outcome = run_one(s);
        let (ok, verdict) = match (&outcome, s.expect) {
            (Ok(summary), Expect::Valid) => (true, format!("valid: {summary}")),
            (Err(Failure::Rejected { code, message }), Expect::Rejected(want)) if *code == want => (
                true,
                format!(
                    "rejected {} as expected: {}",
                    code.name(),
                    message.trim_start_matches(&format!("{}: ", code.name()))
                ),
            ),
            (Ok(summary), Expect::Rejected(want)) => {
                (false, format!("accepted ({summary}) but {} was expected", want.name()))
            }
            (Err(Failure::Rejected { code, message }), _) => (false, format!("rejected {}: {message}", code.name())),
            (Err(Failure::Usage(m)), _) => (false, format!("usage error: {m}")),
        };
        if !ok {
            failures += 1;
        }
        emit(&format!("{} {} {}: {}\n", if ok { "PASS" } else { "FAIL" }, s.input.0, what, verdict));
    }
    emit(&format!("demo: {} samples, {} as expected\n", all.len(), all.len() - failures));
    if failures == 0 {
        Ok(())
    } else {
        Err(Failure::rejected(
            ErrorCode::ValueMismatch,
            format!("{failures} sample(s) did not give the expected verdict"),
        ))
    }
}
