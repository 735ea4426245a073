//! RDF datasets: terms and quads, N-Quads parsing and canonical serialization, and RDF Dataset
//! Canonicalization (RDFC-1.0).
//!
//! The JSON-LD `toRdf` step produces a `Vec<Quad>`; [`canonicalize`] turns any dataset into
//! its canonical N-Quads, which the Data Integrity proof suites hash and sign.

mod canon;
mod nquads;
mod term;

pub use canon::{canonicalize, canonicalize_nquads, CanonicalDataset};
pub use nquads::{parse_nquads, to_nquads, write_quad, write_term, RDF_LANG_STRING, XSD_STRING};
pub use term::{Quad, Term};
