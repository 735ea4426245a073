//! `jsonld to-rdf [FILE]`: the RDF dataset of a JSON-LD document as N-Quads, the form the Linked
//! Data proof suites canonicalize. Contexts come only from the bundled, hash-pinned set and the
//! `--context URL=FILE` documents (an unknown context URL is `UNKNOWN_CONTEXT`: nothing is
//! fetched).

use ssi_verify_core::json::Value;
use ssi_verify_core::jsonld::{to_nquads, to_rdf, Options};
use ssi_verify_core::Limits;

use crate::args::Args;
use crate::input::read_text;
use crate::{emit, CmdResult, Failure};

pub fn run(argv: &[String]) -> CmdResult {
    let (sub, rest) = argv.split_first().ok_or_else(|| Failure::usage("jsonld: missing subcommand (to-rdf)"))?;
    match sub.as_str() {
        "to-rdf" => to_rdf_cmd(rest),
        other => Err(Failure::usage(format!("jsonld: unknown subcommand '{other}'"))),
    }
}

/// One quad per line, each ending in `\n`, nothing else; quads in the order the toRdf
/// algorithm produces them (not canonicalized: blank nodes are `_:b0`, `_:b1`, ...).
fn to_rdf_cmd(argv: &[String]) -> CmdResult {
    let args = Args::parse_spec(argv, &[crate::contexts::OPTION], &[crate::contexts::OPTION], &[])?;
    let store = crate::contexts::from_args(&args)?;
    let doc = Value::parse(&read_text(args.positional(1)?)?, &Limits::DEFAULT)?;
    let quads = to_rdf(&doc, &store, &Options::default(), &Limits::DEFAULT)?;
    emit(&to_nquads(&quads));
    Ok(())
}
