//! The top-level JSON primitives: `jcs` (RFC 8785) and `jsonpath` (RFC 9535).

use ssi_verify_core::json::{jcs, jsonpath, Value};
use ssi_verify_core::Limits;

use crate::args::Args;
use crate::input::read_text;
use crate::{emit, CmdResult, Failure};

/// `jcs [FILE]`: the canonical bytes and nothing else (no trailing newline), so a conformance
/// suite can compare them byte for byte.
pub fn jcs(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &[])?;
    emit(&jcs::canonicalize_str(&read_text(args.positional(1)?)?, &Limits::DEFAULT)?);
    Ok(())
}

/// `jsonpath QUERY [FILE]`: the nodelist's values as one compact JSON array.
pub fn jsonpath(argv: &[String]) -> CmdResult {
    let args = Args::parse(argv, &[])?;
    let positionals = args.positionals(2)?;
    let (query, file) = match positionals.as_slice() {
        [query] => (*query, None),
        [query, file] => (*query, Some(*file)),
        _ => return Err(Failure::usage("jsonpath: missing QUERY")),
    };
    // The query before the document, as C and the bindings read them.
    let query = jsonpath::Query::parse(query, &Limits::DEFAULT)?;
    let doc = Value::parse(&read_text(file)?, &Limits::DEFAULT)?;
    let values = query.select_values(&doc, &Limits::DEFAULT)?;
    emit(&format!("{}\n", jsonpath::values_json(&values)));
    Ok(())
}
