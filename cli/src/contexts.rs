//! `--context URL=FILE` (repeatable): JSON-LD context documents the caller registers beside the
//! bundled, hash-pinned set, for Linked Data proofs and `jsonld to-rdf`. Nothing is fetched.

use ssi_verify_core::jsonld::ContextStore;
use ssi_verify_core::Limits;

use crate::args::Args;
use crate::input::read_text;
use crate::Failure;

/// The option name (repeatable).
pub const OPTION: &str = "context";

/// The bundled contexts plus each `--context URL=FILE` (the file holds the document served at
/// URL: a JSON object whose `@context` is the context).
pub fn from_args(args: &Args) -> Result<ContextStore, Failure> {
    let mut store = ContextStore::bundled();
    for spec in args.values(OPTION) {
        // The file is after the last '=': a URL may carry '=' in its query.
        let (url, path) = spec.rsplit_once('=').ok_or_else(|| Failure::usage("--context takes URL=FILE"))?;
        if url.is_empty() || path.is_empty() {
            return Err(Failure::usage("--context takes URL=FILE"));
        }
        store.register(url, &read_text(Some(path))?, &Limits::DEFAULT)?;
    }
    Ok(store)
}
