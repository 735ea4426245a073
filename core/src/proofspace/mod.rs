//! ProofSpace interactions and webhooks: documents, typed credential values, authentication
//! (X-Body-Signature, Bearer JWT) and interaction rules.

pub mod auth;
pub mod report;
pub mod request_view;
pub mod rules;
mod template;
pub mod values;
pub mod webhook;
