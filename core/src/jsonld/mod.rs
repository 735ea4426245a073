//! JSON-LD 1.1 expansion and `toRdf`, offline and bounded (feature `jsonld`).
//!
//! [`expand`] runs the JSON-LD 1.1 Expansion Algorithm and [`to_rdf`] the Deserialize JSON-LD
//! to RDF algorithm over the core's JSON [`Value`]. There is no document loader: every context
//! URL is looked up in a [`ContextStore`] (the bundled, hash-pinned contexts plus those the
//! caller registers); a URL it does not hold is [`ErrorCode::UnknownContext`](crate::ErrorCode),
//! never a fetch. Processing errors of the specification are
//! [`ErrorCode::InvalidJsonLd`](crate::ErrorCode) with the specification's error code (e.g.
//! `protected term redefinition`) as [`Error::detail`](crate::Error::detail).
//!
//! [`Options::safe_mode`] is the Data Integrity context validation: a property that expands to
//! nothing (the "undefined term" that would silently leave what was signed) or any value the
//! RDF conversion would drop is [`ErrorCode::UndefinedTerm`](crate::ErrorCode).
//!
//! Every step is bounded by [`Limits`]: [`Limits::max_jsonld_work`] (total steps),
//! [`Limits::max_context_depth`] (chains of contexts) and [`Limits::depth`] (nesting).
//!
//! ```
//! use ssi_verify_core::jsonld::{to_nquads, to_rdf, ContextStore, Options};
//! use ssi_verify_core::{json::Value, Limits};
//! let doc = Value::parse(r#"{
//!   "@context": {"name": "http://schema.org/name"},
//!   "@id": "http://example.org/alice", "name": "Alice"
//! }"#, &Limits::DEFAULT).unwrap();
//! let quads = to_rdf(&doc, &ContextStore::bundled(), &Options::default(), &Limits::DEFAULT).unwrap();
//! assert_eq!(to_nquads(&quads), "<http://example.org/alice> <http://schema.org/name> \"Alice\" .\n");
//! ```

mod active;
mod cache;
mod context;
mod expand;
mod iri;
mod shared;
mod store;
mod to_rdf;

use alloc::string::String;
use alloc::vec::Vec;

use crate::error::Result;
use crate::json::Value;
use crate::limits::Limits;
use crate::rdf::Quad;

/// The RDF module's canonical N-Quads writer, here beside `to_rdf` whose output it writes.
pub use crate::rdf::to_nquads;
pub use shared::{MAX_SHARED_CONTEXT_BYTES, SHARED_STORES};
pub use store::ContextStore;

/// Options of [`expand`] and [`to_rdf`].
///
/// ```
/// use ssi_verify_core::jsonld::Options;
/// let o = Options { safe_mode: true, ..Options::default() };
/// assert!(o.base.is_none());
/// ```
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The document's base IRI (the URL it was retrieved from), if any: relative IRIs are
    /// resolved against it. Without one they stay relative and `toRdf` drops them.
    pub base: Option<String>,
    /// A context applied before the document's own (the API's `expandContext`): either a
    /// context or a document with an `@context` member.
    pub expand_context: Option<Value>,
    /// Data Integrity context validation: every term must expand to an IRI and nothing may be
    /// dropped on the way to RDF ([`ErrorCode::UndefinedTerm`](crate::ErrorCode) otherwise).
    pub safe_mode: bool,
}

/// Expands `document` (JSON-LD 1.1 API `expand()`); the result is an array in expanded form.
///
/// ```
/// use ssi_verify_core::jsonld::{expand, ContextStore, Options};
/// use ssi_verify_core::{json::Value, ErrorCode, Limits};
/// let doc = Value::parse(r#"{"@context":{"@vocab":"http://ex/"},"a":1}"#, &Limits::DEFAULT).unwrap();
/// let e = expand(&doc, &ContextStore::new(), &Options::default(), &Limits::DEFAULT).unwrap();
/// assert_eq!(e.to_json(), r#"[{"http://ex/a":[{"@value":1}]}]"#);
///
/// let unknown = Value::parse(r#"{"@context":"https://example.org/ctx","a":1}"#, &Limits::DEFAULT).unwrap();
/// let err = expand(&unknown, &ContextStore::bundled(), &Options::default(), &Limits::DEFAULT).unwrap_err();
/// assert_eq!(err.code(), ErrorCode::UnknownContext);
///
/// let undefined = Value::parse(r#"{"@context":{"a":"http://ex/a"},"a":1,"b":2}"#, &Limits::DEFAULT).unwrap();
/// let safe = Options { safe_mode: true, ..Options::default() };
/// assert_eq!(expand(&undefined, &ContextStore::new(), &safe, &Limits::DEFAULT).unwrap_err().code(), ErrorCode::UndefinedTerm);
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidJsonLd`](crate::ErrorCode) (detail: the specification's error code),
/// [`ErrorCode::UnknownContext`](crate::ErrorCode), [`ErrorCode::UndefinedTerm`](crate::ErrorCode)
/// in safe mode, [`ErrorCode::TooManyItems`](crate::ErrorCode) past `max_jsonld_work`,
/// [`ErrorCode::NestingTooDeep`](crate::ErrorCode), and the JSON parser's errors for a bundled or
/// registered context that does not fit `limits`.
pub fn expand(document: &Value, store: &ContextStore, options: &Options, limits: &Limits) -> Result<Value> {
    let mut p = context::Processor::new(store, limits, options.safe_mode);
    p.expand_document(document, options.base.as_deref(), options.expand_context.as_ref())
}

/// The RDF dataset of `document` (JSON-LD 1.1 API `toRdf()`): expansion, node map, then
/// quads in the order the algorithm produces them (graphs, subjects and properties sorted;
/// blank nodes labelled `b0`, `b1`, … in order of appearance). Base directions are not
/// turned into RDF (`rdfDirection` unset): a value's direction is dropped, its language kept.
///
/// ```
/// use ssi_verify_core::jsonld::{to_nquads, to_rdf, ContextStore, Options};
/// use ssi_verify_core::{json::Value, Limits};
/// let doc = Value::parse(r#"{"@context":{"@vocab":"http://ex/","l":{"@container":"@list"}},"l":[1,true]}"#, &Limits::DEFAULT).unwrap();
/// let q = to_rdf(&doc, &ContextStore::new(), &Options::default(), &Limits::DEFAULT).unwrap();
/// assert_eq!(to_nquads(&q), concat!(
///     "_:b0 <http://ex/l> _:b1 .\n",
///     "_:b1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n",
///     "_:b1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:b2 .\n",
///     "_:b2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n",
///     "_:b2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .\n",
/// ));
/// ```
///
/// # Errors
/// Those of [`expand`], plus [`ErrorCode::NumberNotIJson`](crate::ErrorCode) for a number
/// outside the double range.
pub fn to_rdf(document: &Value, store: &ContextStore, options: &Options, limits: &Limits) -> Result<Vec<Quad>> {
    let mut p = context::Processor::new(store, limits, options.safe_mode);
    let expanded = p.expand_document(document, options.base.as_deref(), options.expand_context.as_ref())?;
    to_rdf::expanded_to_quads(&mut p, &expanded)
}

/// The RDF dataset of an already expanded document (the output of [`expand`]).
///
/// ```
/// use ssi_verify_core::jsonld::{expanded_to_rdf, to_nquads};
/// use ssi_verify_core::{json::Value, Limits};
/// let e = Value::parse(r#"[{"@id":"http://ex/s","http://ex/p":[{"@id":"http://ex/o"}]}]"#, &Limits::DEFAULT).unwrap();
/// let q = expanded_to_rdf(&e, false, &Limits::DEFAULT).unwrap();
/// assert_eq!(to_nquads(&q), "<http://ex/s> <http://ex/p> <http://ex/o> .\n");
/// ```
///
/// # Errors
/// [`ErrorCode::UndefinedTerm`](crate::ErrorCode) when `safe_mode` is set and something would
/// be dropped, [`ErrorCode::TooManyItems`](crate::ErrorCode) past `max_jsonld_work`,
/// [`ErrorCode::NestingTooDeep`](crate::ErrorCode).
pub fn expanded_to_rdf(expanded: &Value, safe_mode: bool, limits: &Limits) -> Result<Vec<Quad>> {
    let store = ContextStore::new();
    let mut p = context::Processor::new(&store, limits, safe_mode);
    to_rdf::expanded_to_quads(&mut p, expanded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use alloc::format;

    fn rdf(src: &str, limits: &Limits) -> Result<Vec<Quad>> {
        let doc = Value::parse(src, &Limits::DEFAULT).unwrap();
        to_rdf(&doc, &ContextStore::bundled(), &Options::default(), limits)
    }

    #[test]
    fn work_budget_stops_hostile_documents() {
        // Many type-scoped contexts applied over a large active context.
        let terms: Vec<String> = (0..300).map(|i| format!("\"t{i}\":\"http://ex/t{i}\"")).collect();
        let nodes: Vec<String> = (0..300).map(|i| format!("{{\"@type\":\"T\",\"t{i}\":{i}}}")).collect();
        let src = format!(
            "{{\"@context\":{{{},\"T\":{{\"@id\":\"http://ex/T\",\"@context\":{{\"x\":\"http://ex/x\"}}}}}},\"@graph\":[{}]}}",
            terms.join(","),
            nodes.join(",")
        );
        assert_eq!(rdf(&src, &Limits::DEFAULT).unwrap().len(), 600);
        let tight = Limits { max_jsonld_work: 20_000, ..Limits::DEFAULT };
        assert_eq!(rdf(&src, &tight).unwrap_err().code(), ErrorCode::TooManyItems);
    }

    #[test]
    fn deep_documents_stop_at_the_depth_limit() {
        // The deepest document the default limits parse (64 levels), and lists of lists.
        let depth = 62;
        let src = format!(
            "{{\"@context\":{{\"@vocab\":\"http://ex/\"}},\"a\":{}1{}",
            "{\"a\":".repeat(depth),
            "}".repeat(depth + 1)
        );
        assert!(rdf(&src, &Limits::DEFAULT).is_ok());
        let shallow = Limits { max_depth: 10, ..Limits::DEFAULT };
        assert_eq!(rdf(&src, &shallow).unwrap_err().code(), ErrorCode::NestingTooDeep);
        // Deeper JSON (a caller raised max_depth) stops at 64 JSON-LD levels, not in a stack overflow.
        let deep = Limits { max_depth: 256, ..Limits::DEFAULT };
        let text =
            format!("{{\"@context\":{{\"@vocab\":\"http://ex/\"}},\"a\":{}1{}", "{\"a\":".repeat(250), "}".repeat(251));
        let doc = Value::parse(&text, &deep).unwrap();
        let e = to_rdf(&doc, &ContextStore::new(), &Options::default(), &deep).unwrap_err();
        assert_eq!(e.code(), ErrorCode::NestingTooDeep);
        let text = format!(
            "{{\"@context\":{{\"l\":{{\"@id\":\"http://ex/l\",\"@container\":\"@list\"}}}},\"l\":{}1{}}}",
            "[".repeat(250),
            "]".repeat(250)
        );
        let doc = Value::parse(&text, &deep).unwrap();
        let e = to_rdf(&doc, &ContextStore::new(), &Options::default(), &deep).unwrap_err();
        assert_eq!(e.code(), ErrorCode::NestingTooDeep);
        let lists = format!(
            "{{\"@context\":{{\"l\":{{\"@id\":\"http://ex/l\",\"@container\":\"@list\"}}}},\"l\":{}1{}}}",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        assert!(rdf(&lists, &Limits::DEFAULT).unwrap().len() > depth);
    }

    #[test]
    fn recursive_remote_contexts_are_refused() {
        let mut store = ContextStore::new();
        store.register("https://ex/a", r#"{"@context":"https://ex/b"}"#, &Limits::DEFAULT).unwrap();
        store.register("https://ex/b", r#"{"@context":"https://ex/a"}"#, &Limits::DEFAULT).unwrap();
        let doc = Value::parse(r#"{"@context":"https://ex/a","@id":"http://ex/s"}"#, &Limits::DEFAULT).unwrap();
        let e = to_rdf(&doc, &store, &Options::default(), &Limits::DEFAULT).unwrap_err();
        assert_eq!((e.code(), e.detail()), (ErrorCode::InvalidJsonLd, "recursive context inclusion"));
    }

    #[test]
    fn json_literals_are_jcs() {
        let q = rdf(
            r#"{"@context":{"j":{"@id":"http://ex/j","@type":"@json"}},"@id":"http://ex/s","j":{"b":1.0,"a":[true]}}"#,
            &Limits::DEFAULT,
        )
        .unwrap();
        assert_eq!(
            to_nquads(&q),
            "<http://ex/s> <http://ex/j> \"{\\\"a\\\":[true],\\\"b\\\":1}\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON> .\n"
        );
    }
}
