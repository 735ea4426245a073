//! `rdfc [FILE]`: the RDFC-1.0 canonical N-Quads (SHA-256) of an N-Quads document.

use ssi_verify_core::crypto::HashAlg;
use ssi_verify_core::rdf::canonicalize_nquads;
use ssi_verify_core::Limits;

use crate::args::Args;
use crate::input::read_text;
use crate::{emit, CmdResult};

/// Prints exactly the canonical N-Quads (one quad per line, each ending in `\n`, nothing
/// else), so a conformance suite can compare them byte for byte with its expected output.
pub fn rdfc(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &[])?;
    emit(&canonicalize_nquads(&read_text(args.positional(1)?)?, HashAlg::Sha256, &Limits::DEFAULT)?);
    Ok(())
}
