//! RDF datasets: terms and quads, N-Quads parsing and canonical serialization, and RDF Dataset
//! Canonicalization (RDFC-1.0).

mod term;

pub use term::{Quad, Term};
