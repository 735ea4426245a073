//! N-Quads output in the canonical form (RDF 1.1 N-Quads with the canonical escaping RDFC-1.0
//! uses): one statement per line, each ending in `\n`.

use alloc::string::String;
use core::fmt::{self, Write};

use crate::rdf::{Quad, Term};

fn write_term(out: &mut impl Write, t: &Term) -> fmt::Result {
    match t {
        Term::Iri(i) => write!(out, "<{i}>"),
        Term::Blank(b) => write!(out, "_:{b}"),
        Term::Literal { value, datatype, language } => {
            out.write_char('"')?;
            for c in value.chars() {
                match c {
                    '\u{8}' => out.write_str("\\b")?,
                    '\t' => out.write_str("\\t")?,
                    '\n' => out.write_str("\\n")?,
                    '\u{c}' => out.write_str("\\f")?,
                    '\r' => out.write_str("\\r")?,
                    '"' => out.write_str("\\\"")?,
                    '\\' => out.write_str("\\\\")?,
                    c if c < ' ' || c == '\u{7f}' => write!(out, "\\u{:04X}", u32::from(c))?,
                    c => out.write_char(c)?,
                }
            }
            out.write_char('"')?;
            match language {
                Some(l) => write!(out, "@{l}"),
                None if datatype == "http://www.w3.org/2001/XMLSchema#string" => Ok(()),
                None => write!(out, "^^<{datatype}>"),
            }
        }
    }
}

/// Writes one quad as an N-Quads line (with its final `\n`).
///
/// ```
/// use ssi_verify_core::jsonld::write_nquad;
/// use ssi_verify_core::rdf::{Quad, Term};
/// let q = Quad {
///     subject: Term::Blank("b0".into()),
///     predicate: Term::Iri("http://ex/p".into()),
///     object: Term::Literal { value: "a\"b".into(), datatype: "http://www.w3.org/2001/XMLSchema#string".into(), language: None },
///     graph: None,
/// };
/// let mut s = String::new();
/// write_nquad(&mut s, &q).unwrap();
/// assert_eq!(s, "_:b0 <http://ex/p> \"a\\\"b\" .\n");
/// ```
///
/// # Errors
/// Only the writer's.
pub fn write_nquad(out: &mut impl Write, q: &Quad) -> fmt::Result {
    write_term(out, &q.subject)?;
    out.write_char(' ')?;
    write_term(out, &q.predicate)?;
    out.write_char(' ')?;
    write_term(out, &q.object)?;
    if let Some(g) = &q.graph {
        out.write_char(' ')?;
        write_term(out, g)?;
    }
    out.write_str(" .\n")
}

/// The quads as N-Quads text, in the given order.
///
/// ```
/// use ssi_verify_core::jsonld::to_nquads;
/// use ssi_verify_core::rdf::{Quad, Term};
/// let q = Quad { subject: Term::Iri("http://ex/s".into()), predicate: Term::Iri("http://ex/p".into()),
///     object: Term::Iri("http://ex/o".into()), graph: Some(Term::Blank("g".into())) };
/// assert_eq!(to_nquads(&[q]), "<http://ex/s> <http://ex/p> <http://ex/o> _:g .\n");
/// ```
#[must_use]
pub fn to_nquads(quads: &[Quad]) -> String {
    let mut s = String::new();
    for q in quads {
        // Writing to a String cannot fail.
        let _ = write_nquad(&mut s, q);
    }
    s
}
