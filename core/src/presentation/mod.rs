//! Gataca / OpenID4VP verification: DIF Presentation Exchange v2 (definitions, filters,
//! submission requirements, evaluation, submission), `JcsEd25519Signature2020` proofs, JWT VCs
//! (EdDSA, ES256, ES256K), validity periods, credential status lists,
//! `openid-vp://` requests and verification results.

pub mod api_key;
pub mod credential;
mod credential_input;
pub mod definition;
pub mod evaluate;
mod evaluation;
mod evaluation_json;
pub mod filter;
pub mod formats;
pub mod gataca_session;
pub mod jwt_vc;
pub mod ld_proofs;
pub mod lint;
pub mod openid;
mod policy;
pub mod proof;
pub mod report;
mod requirements;
pub mod result;
pub mod status;
pub mod submission;
pub mod verifier;
