//! `ssi-verify vc verify`: one credential (JSON-LD object, JSON string holding a compact JWT,
//! or the bare JWT) verified on its own; and the verification options `pe verify` shares.

use ssi_verify_core::crypto::did_key::TrustStore;
use ssi_verify_core::jsonld::ContextStore;
use ssi_verify_core::presentation::credential::{read_credential, verify_credential};
use ssi_verify_core::presentation::status::StatusLists;
use ssi_verify_core::presentation::verifier::{Profile, VerifierPolicy};
use ssi_verify_core::Limits;

use crate::args::Args;
use crate::input::read_text;
use crate::{emit, CmdResult, Failure};

pub fn run(argv: &[String]) -> CmdResult {
    let (sub, rest) = argv.split_first().ok_or_else(|| Failure::usage("vc: missing subcommand"))?;
    match sub.as_str() {
        "verify" => verify(rest),
        other => Err(Failure::usage(format!("vc: unknown subcommand '{other}'"))),
    }
}

/// The options every verifying command shares (`--trust-store`, `--now`, `--leeway`,
/// `--status-list URL=FILE`..., `--profile`, `--context URL=FILE`...), read from the command line.
pub struct VerifyOptions {
    pub keys: TrustStore,
    pub contexts: ContextStore,
    pub lists: StatusLists,
    pub now: u64,
    pub leeway: u64,
    pub profile: Profile,
}

/// The option names [`VerifyOptions::from_args`] reads (`status-list` and `context` repeatable).
pub const OPTIONS: [&str; 6] = ["trust-store", "now", "leeway", "status-list", "profile", "context"];

/// The repeatable ones among [`OPTIONS`].
pub const REPEATABLE: [&str; 2] = ["status-list", "context"];

impl VerifyOptions {
    pub fn from_args(args: &Args) -> Result<Self, Failure> {
        let keys = match args.opt("trust-store") {
            Some(path) => crate::proof::trust_store_from_text(&read_text(Some(path))?)?,
            None => TrustStore::new(),
        };
        let now = match args.opt("now") {
            Some(v) => v.parse().map_err(|_| Failure::usage("--now must be seconds since the epoch"))?,
            None => std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_err(|_| Failure::usage("the system clock is before 1970: give --now"))?
                .as_secs(),
        };
        let leeway = match args.opt("leeway") {
            Some(v) => v.parse().map_err(|_| Failure::usage("--leeway must be whole seconds"))?,
            None => 60,
        };
        let profile = match args.opt("profile") {
            None => Profile::Strict,
            Some(name) => {
                Profile::from_name(name).ok_or_else(|| Failure::usage("--profile must be strict or gataca"))?
            }
        };
        let mut lists = StatusLists::new();
        for spec in args.values("status-list") {
            // The file is after the last '=': a URL may carry '=' in its query.
            let (url, path) = spec.rsplit_once('=').ok_or_else(|| Failure::usage("--status-list takes URL=FILE"))?;
            if url.is_empty() || path.is_empty() {
                return Err(Failure::usage("--status-list takes URL=FILE"));
            }
            lists.insert(url, &read_text(Some(path))?);
        }
        let contexts = crate::contexts::from_args(args)?;
        Ok(Self { keys, contexts, lists, now, leeway, profile })
    }

    /// The core policy these options describe (challenge, domain and pre-hash left to the caller).
    pub fn policy(&self) -> VerifierPolicy<'_> {
        VerifierPolicy {
            leeway: self.leeway,
            profile: self.profile,
            status_lists: Some(&self.lists),
            contexts: Some(&self.contexts),
            ..VerifierPolicy::at(self.now)
        }
    }
}

/// `vc verify [--trust-store FILE] [--now SECS] [--leeway S] [--status-list URL=FILE]...
/// [--profile strict|gataca] [--context URL=FILE]... [FILE]`: prints the core's report; exit 1 unless valid, with no
/// JSON when the credential could not be checked.
fn verify(argv: &[String]) -> CmdResult {
    let args = Args::parse_spec(argv, &OPTIONS, &REPEATABLE, &[])?;
    let options = VerifyOptions::from_args(&args)?;
    let text = read_text(args.positional(1)?)?;
    let credential = read_credential(&text, &Limits::DEFAULT)?;
    let report = verify_credential(&credential, &options.keys, &options.policy(), &Limits::DEFAULT)?;
    emit(&format!("{}\n", report.to_json()));
    if report.is_valid() {
        Ok(())
    } else {
        let code = ssi_verify_core::ErrorCode::InvalidVerificationResult;
        Err(Failure::rejected(code, report.result.errors.join("; ")))
    }
}
