//! Gataca / OpenID4VP verification: DIF Presentation Exchange v2 (definitions, filters,
//! submission requirements, evaluation, submission), `JcsEd25519Signature2020` proofs, JWT VCs,
//! `openid-vp://` requests and verification results.

pub mod api_key;
pub mod definition;
pub mod evaluate;
pub mod filter;
pub mod gataca_session;
pub mod jwt_vc;
pub mod lint;
pub mod openid;
pub mod proof;
pub mod result;
pub mod submission;
pub mod verifier;
