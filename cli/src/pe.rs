//! `ssi-verify pe evaluate|lint|submission`: DIF Presentation Exchange v2.

use serde_json::json;
use ssi_verify_core::json::Value;
use ssi_verify_core::presentation::definition::PresentationDefinition;
use ssi_verify_core::presentation::evaluate::{evaluate as pe_evaluate, CredentialInput, Evaluation};
use ssi_verify_core::presentation::lint::lint as pe_lint;
use ssi_verify_core::presentation::submission::PresentationSubmission;
use ssi_verify_core::{ErrorCode, Limits, Verdict};

use crate::args::Args;
use crate::input::read_text;
use crate::{emit, emit_json, CmdResult, Failure};

pub fn run(argv: &[String]) -> CmdResult {
    let (sub, rest) = argv.split_first().ok_or_else(|| Failure::usage("pe: missing subcommand"))?;
    match sub.as_str() {
        "evaluate" => evaluate(rest),
        "lint" => lint(rest),
        "submission" => submission(rest),
        other => Err(Failure::usage(format!("pe: unknown subcommand '{other}'"))),
    }
}

/// A credentials file: a JSON array whose objects are JSON-LD credentials and whose strings are
/// compact JWT credentials (shared with `demo`).
pub fn credentials_from_text(text: &str) -> Result<Vec<CredentialInput>, Failure> {
    let doc = Value::parse(text, &Limits::DEFAULT)?;
    let items = doc
        .as_array()
        .ok_or_else(|| Failure::rejected(ErrorCode::UnexpectedJsonType, "the credentials file must be a JSON array"))?;
    items
        .iter()
        .map(|item| match item {
            Value::Object(_) => Ok(CredentialInput::JsonLd(item.clone())),
            Value::String(token) => Ok(CredentialInput::from_jwt(token, &Limits::DEFAULT)?),
            _ => Err(Failure::rejected(
                ErrorCode::UnexpectedJsonType,
                "each credential must be an object (JSON-LD) or a string (JWT)",
            )),
        })
        .collect()
}

/// Parses a definition and evaluates it (shared with `demo`).
pub fn evaluate_texts(definition: &str, credentials: &str) -> Result<(Evaluation, Vec<CredentialInput>), Failure> {
    let definition = PresentationDefinition::parse(definition, &Limits::DEFAULT)?;
    let credentials = credentials_from_text(credentials)?;
    Ok((pe_evaluate(&definition, &credentials, &Limits::DEFAULT)?, credentials))
}

fn evaluate(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &["definition"])?;
    let definition = read_text(Some(args.req("definition")?))?;
    let (evaluation, _) = evaluate_texts(&definition, &read_text(args.positional(1)?)?)?;
    emit(&format!("{}\n", evaluation.to_json()));
    match evaluation.verdict {
        Verdict::Valid => Ok(()),
        Verdict::Invalid(code) => Err(Failure::rejected(code, code.message())),
    }
}

fn lint(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &[])?;
    let definition = PresentationDefinition::parse(&read_text(args.positional(1)?)?, &Limits::DEFAULT)?;
    let warnings: Vec<serde_json::Value> = pe_lint(&definition)
        .iter()
        .map(|w| {
            json!({"descriptor_id": w.descriptor_id, "field_path": w.field_path, "code": w.code, "message": w.message})
        })
        .collect();
    emit_json(&json!(warnings));
    Ok(())
}

/// `pe submission --definition FILE --id ID [CREDENTIALS_FILE]`: the presentation_submission
/// for the evaluation's selection, and which credentials to embed (in order).
fn submission(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &["definition", "id"])?;
    let definition = read_text(Some(args.req("definition")?))?;
    let (evaluation, credentials) = evaluate_texts(&definition, &read_text(args.positional(1)?)?)?;
    let (submission, embed) = PresentationSubmission::for_selection(args.req("id")?, &evaluation, &credentials)?;
    let submission: serde_json::Value = serde_json::from_str(&submission.to_json())
        .map_err(|_| Failure::rejected(ErrorCode::InvalidJson, "submission JSON did not round-trip"))?;
    emit_json(&json!({"presentation_submission": submission, "credentials": embed}));
    Ok(())
}
