//! `ssi-verify smartid verify-auth` and `verify-sign`: a session-status response checked against
//! the request and, unless `--signature-only`, against the caller's trust anchors. Every rule and
//! the printed report are the core's (`smartid::verify_auth_json` / `verify_sign_json`).

use ssi_verify_core::smartid::{self, SessionReport, Trust, TrustAnchors};
use ssi_verify_core::x509::certificates_from_pem_or_der;
use ssi_verify_core::{Limits, Verdict};

use crate::args::Args;
use crate::input::{read_bytes, read_text};
use crate::{emit, CmdResult, Failure};

/// The trust options of both commands, as read from the command line.
pub struct TrustFiles {
    anchors: Vec<Vec<u8>>,
    intermediates: Vec<Vec<u8>>,
    now: u64,
    signature_only: bool,
}

fn certificates(paths: &[&str]) -> Result<Vec<Vec<u8>>, Failure> {
    let mut out = Vec::new();
    for p in paths {
        out.extend(certificates_from_pem_or_der(&read_bytes(Some(p))?)?);
    }
    Ok(out)
}

impl TrustFiles {
    fn from_args(args: &Args) -> Result<Self, Failure> {
        let anchors = args.values("trust-anchor");
        let signature_only = args.flag("signature-only");
        if anchors.is_empty() && !signature_only {
            return Err(Failure::usage(
                "missing required option '--trust-anchor' (the CA certificate the response's certificate must chain \
                 to; or pass --signature-only to check the signature alone, untrusted)",
            ));
        }
        if signature_only && !(anchors.is_empty() && args.values("intermediate").is_empty()) {
            return Err(Failure::usage("--signature-only takes no --trust-anchor or --intermediate"));
        }
        let now = match args.opt("now") {
            Some(s) => s.parse().map_err(|_| Failure::usage("--now must be seconds since the Unix epoch"))?,
            None => std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_err(|_| Failure::usage("the system clock is before 1970; pass --now"))?
                .as_secs(),
        };
        Ok(Self {
            anchors: certificates(&anchors)?,
            intermediates: certificates(&args.values("intermediate"))?,
            now,
            signature_only,
        })
    }

    /// Runs `f` with the core's trust setting.
    pub fn with<R>(&self, f: impl FnOnce(&Trust<'_>) -> R) -> R {
        if self.signature_only {
            return f(&Trust::SignatureOnly);
        }
        let anchors: Vec<&[u8]> = self.anchors.iter().map(Vec::as_slice).collect();
        let intermediates: Vec<&[u8]> = self.intermediates.iter().map(Vec::as_slice).collect();
        f(&Trust::Anchors(TrustAnchors { anchors: &anchors, intermediates: &intermediates, now: self.now }))
    }

    /// Trust in the given anchor and intermediate PEM texts at `now` (for the demo samples).
    pub fn from_pem(anchors: &str, intermediates: &str, now: u64) -> Result<Self, Failure> {
        Ok(Self {
            anchors: certificates_from_pem_or_der(anchors.as_bytes())?,
            intermediates: certificates_from_pem_or_der(intermediates.as_bytes())?,
            now,
            signature_only: false,
        })
    }
}

const OPTIONS: &[&str] = &["request", "now"];
const REPEATED: &[&str] = &["trust-anchor", "intermediate"];
const FLAGS: &[&str] = &["signature-only"];

/// Prints the core's report; an invalid verdict exits 1.
pub fn print_report(report: &SessionReport) -> CmdResult {
    emit(&format!("{}\n", report.to_json()));
    match report.verdict {
        Verdict::Valid => Ok(()),
        Verdict::Invalid(code) => Err(Failure::rejected(code, code.message())),
    }
}

/// `smartid verify-auth --request FILE (--trust-anchor PEM... [--intermediate PEM]... [--now SECS]
/// | --signature-only) [STATUS_FILE]`.
pub fn verify_auth(argv: &[String]) -> CmdResult {
    let args = Args::parse_spec(argv, OPTIONS, REPEATED, FLAGS)?;
    let trust = TrustFiles::from_args(&args)?;
    let request = read_text(Some(args.req("request")?))?;
    let status = read_text(args.positional(1)?)?;
    let report = trust.with(|t| smartid::verify_auth_json(&request, &status, t, &Limits::DEFAULT))?;
    print_report(&report)
}

/// `smartid verify-sign --request FILE --data FILE (--trust-anchor PEM... [--intermediate PEM]...
/// [--now SECS] | --signature-only) [STATUS_FILE]`.
pub fn verify_sign(argv: &[String]) -> CmdResult {
    let args = Args::parse_spec(argv, &["request", "data", "now"], REPEATED, FLAGS)?;
    let trust = TrustFiles::from_args(&args)?;
    let request = read_text(Some(args.req("request")?))?;
    let data = read_bytes(Some(args.req("data")?))?;
    let status = read_text(args.positional(1)?)?;
    let report = trust.with(|t| smartid::verify_sign_json(&request, &status, &data, t, &Limits::DEFAULT))?;
    print_report(&report)
}
