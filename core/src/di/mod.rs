//! Data Integrity and Linked Data proofs: `eddsa-rdfc-2022`, `ecdsa-rdfc-2019` (P-256 with
//! SHA-256, P-384 with SHA-384), their JCS forms `eddsa-jcs-2022` / `ecdsa-jcs-2019`, and the
//! detached-JWS (`b64: false`) suites `Ed25519Signature2018`, `JsonWebSignature2020` (EdDSA,
//! ES256, ES384, ES256K, PS256), `EcdsaSecp256k1Signature2019` (ES256K) and `RsaSignature2018`
//! (RS256).
//!
//! Three layers, each usable alone:
//! - [`DiPublicKey`]: Ed25519 / P-256 / P-384 / secp256k1 / RSA keys from a Multikey, a
//!   `did:key` or a JWK, offline;
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
pub use suite::{hash_data, jcs_hash_data, verify_signature, HashData, RdfSuite};
