//! `ssi-verify pe evaluate|lint|submission`: DIF Presentation Exchange v2.

use ssi_verify_core::crypto::did_key::TrustStore;
use ssi_verify_core::presentation::definition::PresentationDefinition;
use ssi_verify_core::presentation::evaluate::{evaluate as pe_evaluate, CredentialInput, Evaluation};
use ssi_verify_core::presentation::lint::lint as pe_lint;
use ssi_verify_core::presentation::report::{credentials_from_json, lint_json, submission_json};
use ssi_verify_core::presentation::result::VerificationResult;
use ssi_verify_core::presentation::submission::PresentationSubmission;
use ssi_verify_core::presentation::verifier::{read_presentation, verify_presentation, VerifierPolicy};
use ssi_verify_core::{Limits, Verdict};

use crate::args::Args;
use crate::input::read_text;
use crate::{emit, CmdResult, Failure};

pub fn run(argv: &[String]) -> CmdResult {
    let (sub, rest) = argv.split_first().ok_or_else(|| Failure::usage("pe: missing subcommand"))?;
    match sub.as_str() {
        "evaluate" => evaluate(rest),
        "lint" => lint(rest),
        "submission" => submission(rest),
        "verify" => verify(rest),
        other => Err(Failure::usage(format!("pe: unknown subcommand '{other}'"))),
    }
}

/// Parses a definition and evaluates it (shared with `demo`).
pub fn evaluate_texts(definition: &str, credentials: &str) -> Result<(Evaluation, Vec<CredentialInput>), Failure> {
    let definition = PresentationDefinition::parse(definition, &Limits::DEFAULT)?;
    let credentials = credentials_from_json(credentials, &Limits::DEFAULT)?;
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
    emit(&format!("{}\n", lint_json(&pe_lint(&definition))));
    Ok(())
}

/// `pe submission --definition FILE --id ID [CREDENTIALS_FILE]`: the presentation_submission
/// for the evaluation's selection, and which credentials to embed (in order).
fn submission(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &["definition", "id"])?;
    let definition = read_text(Some(args.req("definition")?))?;
    let (evaluation, credentials) = evaluate_texts(&definition, &read_text(args.positional(1)?)?)?;
    let (submission, embed) = PresentationSubmission::for_selection(args.req("id")?, &evaluation, &credentials)?;
    emit(&format!("{}\n", submission_json(&submission, &embed)));
    Ok(())
}

/// Verifies a presentation (a JSON-LD VP, or a JWT VP as a JSON string or bare token) against
/// a definition (shared with `demo`): the Gataca result.
pub fn verify_texts(
    definition: &str,
    presentation: &str,
    keys: &TrustStore,
    policy: &VerifierPolicy<'_>,
) -> Result<VerificationResult, Failure> {
    let definition = PresentationDefinition::parse(definition, &Limits::DEFAULT)?;
    let presentation = read_presentation(presentation, &Limits::DEFAULT)?;
    Ok(verify_presentation(&presentation, None, &definition, keys, policy, &Limits::DEFAULT)?)
}

/// `pe verify --definition FILE [--trust-store FILE] [--challenge N] [--domain D] [--now SECS]
/// [--leeway S] [--status-list URL=FILE]... [--profile strict|gataca] [--context URL=FILE]...
/// [PRESENTATION_FILE]`: the
/// verificationResult `{checks, warnings, errors}`; exit 1 unless valid. `--now` defaults to
/// the current time.
fn verify(argv: &[String]) -> CmdResult {
    let mut known = vec!["definition", "challenge", "domain", "allow-sha256-prehash"];
    known.extend(crate::vc::OPTIONS);
    let args = Args::parse_spec(argv, &known, &crate::vc::REPEATABLE, &[])?;
    let options = crate::vc::VerifyOptions::from_args(&args)?;
    let policy = VerifierPolicy {
        challenge: args.opt("challenge"),
        domain: args.opt("domain"),
        allow_sha256_prehash: matches!(args.opt("allow-sha256-prehash"), Some("yes" | "true")),
        ..options.policy()
    };
    let definition = read_text(Some(args.req("definition")?))?;
    let result = verify_texts(&definition, &read_text(args.positional(1)?)?, &options.keys, &policy)?;
    emit(&format!("{}\n", result.to_json()));
    match result.verdict() {
        Verdict::Valid => Ok(()),
        Verdict::Invalid(code) => Err(Failure::rejected(code, result.errors.join("; "))),
    }
}
