//! `ssi-verify`: every capability of the core from the shell, JSON in and JSON out.
//!
//! Exit status: 0 ok / valid, 1 invalid input or failed verification (the first stderr line is
//! `error: CODE: message`), 2 usage error. Where an input argument is omitted, standard input is read.

mod args;
mod contexts;
mod demo;
mod gataca;
mod gataca_session;
mod input;
mod json_tools;
mod jsonld;
mod pe;
mod proof;
mod proofspace;
mod proofspace_sign;
mod rdf;
mod smartid;
mod smartid_trust;
mod vc;

use std::io::Write as _;
use std::process::ExitCode;

use ssi_verify_core::{Error, ErrorCode, Verdict};

/// Why a command did not succeed.
#[derive(Debug)]
pub enum Failure {
    /// Bad command line (exit 2).
    Usage(String),
    /// The input was rejected or a check failed (exit 1).
    Rejected { code: ErrorCode, message: String },
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Rejected { code: e.code(), message: e.explanation().to_string() }
    }
}

impl Failure {
    pub fn usage(msg: impl Into<String>) -> Self {
        Failure::Usage(msg.into())
    }

    pub fn rejected(code: ErrorCode, msg: impl Into<String>) -> Self {
        Failure::Rejected { code, message: msg.into() }
    }
}

pub type CmdResult = Result<(), Failure>;

const USAGE: &str = "\
usage: ssi-verify <command> [options] [input]

Smart-ID:
  smartid decode --flow device-link|notification|linked-notification [B64]
  smartid select --supported TYPE[,TYPE...] [B64]
  smartid encode [--flow FLOW] [FILE]
  smartid device-link [FILE]
  smartid verify-auth --request FILE --trust-anchor PEM [--trust-anchor PEM]... [--intermediate PEM]...
        [--now SECS] [STATUS_FILE]          (or --signature-only instead of the anchors: untrusted)
  smartid verify-sign --request FILE --data FILE --trust-anchor PEM [...] [--intermediate PEM]...
        [--now SECS] [STATUS_FILE]          (RAW_DIGEST_SIGNATURE over the data; or --signature-only)
  smartid verification-code [RP_CHALLENGE]

ProofSpace:
  proofspace verify-body --public-key PEMFILE --signature B64 [BODYFILE]
  proofspace sign-body --secret-key KEYFILE [BODYFILE]   PEM: RSA PKCS#1 v1.5 + SHA3-256;
                                                         hex/Base64 seed: Ed25519
  proofspace cast --type Text|Date|Number|ImageURL|Enumeration [--enum-values N,N] VALUE
  proofspace verify-bearer --hs256-secret|--rs256-key|--rs512-key|--eddsa-key FILE
        --service-did DID --direction from-proofspace|to-proofspace --now SECS [--leeway S] [HEADER]
  proofspace check-request [FILE]
  proofspace check-response --request FILE [--schema FILE] [RESPONSE_FILE]
  proofspace failure-reply --message TEXT [--details TEXT]
  proofspace render [--param 'Name=Value;Name2=Value2'] [TEMPLATE]

Gataca / OpenID4VP:
  pe evaluate --definition FILE [CREDENTIALS_FILE]   Presentation Exchange v2 evaluation as JSON
  pe lint [DEFINITION_FILE]                   filters that cannot reject (or accept) anything
  pe submission --definition FILE --id ID [CREDENTIALS_FILE]   presentation_submission to send
  pe verify --definition FILE [--trust-store FILE] [--challenge NONCE] [--domain D] [--now SECS]
        [--leeway S] [--status-list URL=FILE]... [--profile strict|gataca] [--context URL=FILE]...
        [PRESENTATION_FILE]                   the Gataca verificationResult {checks, warnings, errors}
                                              (JSON-LD VP, or JWT VP as JSON string or bare token)
  vc verify [--trust-store FILE] [--now SECS] [--leeway S] [--status-list URL=FILE]...
        [--profile strict|gataca] [--context URL=FILE]... [FILE]
                                              one credential (JSON-LD, JWT string or bare JWT):
                                              {valid, format, suite, issuer, checks, warnings, errors}
        JSON-LD proofs: JcsEd25519Signature2020, Ed25519Signature2018, JsonWebSignature2020,
        EcdsaSecp256k1Signature2019, RsaSignature2018, and DataIntegrityProof with eddsa-rdfc-2022,
        eddsa-jcs-2022, ecdsa-rdfc-2019 or ecdsa-jcs-2019; --context registers a JSON-LD context
        document beside the bundled ones (nothing is fetched)
  gataca openid-request [URI]                 parse and check an openid-vp:// request
  gataca check-webhook [FILE]                 validate a verification-template webhook body
  gataca session [FILE]                       id, nonce, state, expiredAt, definition, submission
                                              of a create-session or GET session reply
  gataca api-key encode --id ID --secret S    the Basic Authorization value
  gataca api-key decode [HEADER]              id of a Basic value (secret not printed)

JcsEd25519Signature2020 proofs (any JSON document):
  proof verify [--trust-store FILE] [--purpose P] [--domain D] [--challenge C]
        [--allow-sha256-prehash yes] [FILE]      did:key resolves offline; other DIDs need the store
  proof sign --secret-key SEEDFILE [--verification-method VM] --created TIME
        [--purpose P] [--domain D] [--nonce N] [FILE]
  proof did-key --public-key HEX               the did:key verification method of a key

Primitives:
  jcs [FILE]                                   RFC 8785 canonical bytes (no trailing newline)
  jsonpath QUERY [FILE]                        RFC 9535 nodelist values as one JSON array
  rdfc [FILE]                                  RDFC-1.0 canonical N-Quads (SHA-256) of N-Quads input
  jsonld to-rdf [--context URL=FILE]... [FILE] JSON-LD 1.1 toRdf as N-Quads (bundled + given contexts)
  ed25519-verify --public-key HEX --signature HEX --message HEX

Other:
  demo          run the bundled samples, one line per sample with its verdict
  version       print the version
  help          print this text

Exit status: 0 ok/valid, 1 invalid input or failed verification, 2 usage.
Where an input is omitted it is read from standard input.";

/// Writes `text` to stdout; a closed pipe is not an error worth a panic.
pub fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// Prints a report the core wrote (one line) and turns an invalid verdict into exit status 1.
pub fn emit_report(json: &str, verdict: Verdict) -> CmdResult {
    emit(&format!("{json}\n"));
    match verdict {
        Verdict::Valid => Ok(()),
        Verdict::Invalid(code) => Err(Failure::rejected(code, code.message())),
    }
}

fn run(argv: &[String]) -> CmdResult {
    let (command, rest) = argv.split_first().ok_or_else(|| Failure::usage("missing command"))?;
    match command.as_str() {
        "smartid" => smartid::run(rest),
        "proofspace" => proofspace::run(rest),
        "gataca" => gataca::run(rest),
        "ed25519-verify" => gataca::ed25519_verify(rest),
        "proof" => proof::run(rest),
        "pe" => pe::run(rest),
        "vc" => vc::run(rest),
        "jcs" => json_tools::jcs(rest),
        "jsonpath" => json_tools::jsonpath(rest),
        "rdfc" => rdf::rdfc(rest),
        "jsonld" => jsonld::run(rest),
        "demo" => demo::run(rest),
        "version" | "--version" => {
            emit(&format!("ssi-verify {}\n", env!("CARGO_PKG_VERSION")));
            Ok(())
        }
        "help" | "--help" | "-h" => {
            emit(&format!("{USAGE}\n"));
            Ok(())
        }
        other => Err(Failure::usage(format!("unknown command '{other}'"))),
    }
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match run(&argv) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(msg)) => {
            eprintln!("error: USAGE: {msg}\n(run 'ssi-verify help' for the command forms)");
            ExitCode::from(2)
        }
        Err(Failure::Rejected { code, message }) => {
            eprintln!("error: {}: {message}", code.name());
            ExitCode::from(1)
        }
    }
}
