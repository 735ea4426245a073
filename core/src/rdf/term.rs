//! RDF terms and quads (RDF 1.1 Concepts): the dataset type shared by JSON-LD `toRdf`,
//! N-Quads and RDFC-1.0.

use alloc::string::String;

/// An RDF term (RDF 1.1 Concepts).
///
/// ```
/// use ssi_verify_core::rdf::Term;
/// let t = Term::Iri("https://example.org/a".into());
/// assert!(matches!(t, Term::Iri(_)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Term {
    /// An absolute IRI (without angle brackets).
    Iri(String),
    /// A blank node label without the `_:` prefix.
    Blank(String),
    /// A literal: lexical form, datatype IRI, optional language tag (then datatype is rdf:langString).
    Literal {
        /// The lexical form (unescaped).
        value: String,
        /// The datatype IRI (without angle brackets); `rdf:langString` when `language` is set.
        datatype: String,
        /// The language tag, if any (as written; not case-normalized).
        language: Option<String>,
    },
}

/// A quad; `graph` None is the default graph.
///
/// ```
/// use ssi_verify_core::rdf::{Quad, Term};
/// let q = Quad {
///     subject: Term::Blank("b0".into()),
///     predicate: Term::Iri("https://example.org/p".into()),
///     object: Term::Literal {
///         value: "x".into(),
///         datatype: "http://www.w3.org/2001/XMLSchema#string".into(),
///         language: None,
///     },
///     graph: None,
/// };
/// assert!(q.graph.is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quad {
    /// The subject: an IRI or a blank node.
    pub subject: Term,
    /// The predicate: an IRI.
    pub predicate: Term,
    /// The object: an IRI, a blank node or a literal.
    pub object: Term,
    /// The graph name: `None` for the default graph, else an IRI or a blank node.
    pub graph: Option<Term>,
}
