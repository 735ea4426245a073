//! `ssi-verify gataca session [FILE]`: a Gataca create-session or session reply as the record
//! core writes.

use ssi_verify_core::presentation::gataca_session::GatacaSession;
use ssi_verify_core::Limits;

use crate::args::Args;
use crate::input::read_text;
use crate::{emit, CmdResult};

/// Prints `{"id","nonce","state","expiredAt","presentationDefinition","presentationSubmission"}`
/// (core's bytes, one line). Members the library does not know are reported on stderr, one
/// `warning: unknown member NAME` line each, and do not change the exit status.
pub fn session(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &[])?;
    let s = GatacaSession::parse(&read_text(args.positional(1)?)?, &Limits::DEFAULT)?;
    for name in &s.unknown_members {
        eprintln!("warning: unknown member {name}");
    }
    emit(&format!("{}\n", s.to_json()));
    Ok(())
}
