//! Data Integrity and Linked Data proofs over RDF datasets: `eddsa-rdfc-2022`,
//! `ecdsa-rdfc-2019` (P-256 with SHA-256, P-384 with SHA-384) and `Ed25519Signature2018`
//! (detached JWS, `b64: false`).
//!
//! Three layers, each usable alone:
//! - [`DiPublicKey`]: Ed25519 / P-256 / P-384 keys from a Multikey or a `did:key`, offline;
//! - [`hash_data`] and [`verify_signature`]: canonicalize (RDFC-1.0) and hash the proof
//!   configuration's and the document's datasets, then verify the signature over
//!   `hash(proof) ‖ hash(document)`;
//! - [`verify_rdf_proofs`]: the same from a signed JSON-LD document, with the JSON-LD `toRdf`
//!   step supplied by the caller as a [`ToRdf`].

mod document;
mod keys;
mod suite;

pub use document::{verify_rdf_proofs, RdfExpectations, RdfProofCheck, ToRdf, MAX_PROOFS};
pub use keys::DiPublicKey;
pub use suite::{hash_data, verify_signature, HashData, RdfSuite};
