//! Smart-ID RP API v3: the `interactions` parameter, device links, ACSP_V2 and callback checks.
//!
//! * [`decode`] / [`decode_in`]: strict per-flow validation (the RP server's HTTP 400 rules),
//!   with the original Base64 text kept for authCode and ACSP_V2.
//! * [`select`] / [`select_in`]: the app's choice, first supported type in the RP's order.
//! * [`encode`] / [`encode_json`]: minified JSON, Base64.
//! * [`device_link`]: authCode and device links for QR, Web2App and App2App.
//! * [`verify_acsp_v2`]: the authentication signature, with `flowType` and
//!   `interactionTypeUsed` cross-checked against the request.
//!
//! The `_in` variants borrow a caller's scratch buffer and allocate nothing.

mod acsp;
mod callback;
mod device_link;
mod encode;
mod interactions;
pub mod report;
mod request;
mod session;
#[cfg(feature = "smartid-sk-anchors")]
pub mod sk_anchors;
mod trust;
mod types;

pub use acsp::{
    acsp_v2_digest, acsp_v2_payload, signature_scheme, verify_acsp_v2, AcspV2Input, FlowType, PssParameters,
    SMARTID_RSA_BITS,
};
pub use callback::{
    session_secret_digest, user_challenge, verification_code, verify_session_secret_digest, verify_user_challenge,
};
pub use device_link::{
    auth_code_payload, device_link, verify_device_link, DeviceLink, DeviceLinkRequest, DeviceLinkType, SessionType,
};
pub use encode::{encode, encode_json};
pub use interactions::{decode, decode_in, read, read_in, scratch_len, select, select_in, MAX_WALLET_ENTRIES};
pub use request::{verify_auth_json, verify_sign_json};
pub use session::{verify_auth_session, verify_auth_session_status, verify_sign_session, AuthRequest, SignRequest};
pub use trust::{
    date_of_birth_from_code, identity, policy_level, CertificateLevel, ExpectedPerson, Identity, Purpose,
    SessionReport, Trust, TrustAnchors, TrustedCertificate,
};
pub use types::{
    Flow, Interaction, InteractionList, InteractionType, Interactions, OwnedInteraction, Reading, TextField,
};
