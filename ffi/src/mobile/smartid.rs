//! Smart-ID for Kotlin, Swift and Python.

use ssi_verify_core::smartid::{
    self, AuthRequest, DeviceLinkRequest, DeviceLinkType, Flow, FlowType, InteractionType, OwnedInteraction, Reading,
    SessionType,
};

use super::{limits, SsiError, SsiLimits, Verdict};

/// The interaction types of Smart-ID RP API v3.
#[uniffi::remote(Enum)]
pub enum InteractionType {
    /// `displayTextAndPIN` with `displayText60`: text and PIN on one screen.
    DisplayTextAndPin,
    /// `confirmationMessage` with `displayText200`: a confirmation screen, then PIN.
    ConfirmationMessage,
    /// `confirmationMessageAndVerificationCodeChoice` with `displayText200` (notification flows only).
    ConfirmationMessageAndVerificationCodeChoice,
}

/// The session flow an interactions list is sent with.
#[uniffi::remote(Enum)]
pub enum Flow {
    /// Device-link flows (QR, Web2App, App2App).
    DeviceLink,
    /// Notification-based flows.
    Notification,
    /// The linked notification signature endpoint (`/v3/signature/notification/linked`).
    LinkedNotification,
}

/// How the device link reaches the app.
#[uniffi::remote(Enum)]
pub enum DeviceLinkType {
    /// Shown as a QR code, regenerated every second with `elapsedSeconds`.
    Qr,
    /// Opened from a web page on the same device.
    Web2App,
    /// Opened from another app on the same device.
    App2App,
}

/// The kind of session the link belongs to.
#[uniffi::remote(Enum)]
pub enum SessionType {
    /// Authentication (`ACSP_V2`, with `rpChallenge`).
    Auth,
    /// Signature (`RAW_DIGEST_SIGNATURE`, with `digest`).
    Sign,
    /// Certificate choice (protocol, digest and interactions are empty).
    Cert,
}

/// The flow the user completed, as reported in the session status `flowType`.
#[uniffi::remote(Enum)]
pub enum FlowType {
    /// QR code.
    Qr,
    /// App to app.
    App2App,
    /// Web to app.
    Web2App,
    /// Push notification.
    Notification,
}

/// One validated interaction: core's `OwnedInteraction` itself, mirrored by
/// `#[uniffi::remote]` (a field added in core fails to compile here).
pub type Interaction = OwnedInteraction;

/// One validated interaction: its type and its unescaped display text.
#[uniffi::remote(Record)]
pub struct Interaction {
    /// The type.
    pub kind: InteractionType,
    /// The display text, unescaped.
    pub text: String,
}

/// A decoded interactions list.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct InteractionList {
    /// The Base64 text exactly as received: reuse it for authCode and ACSP_V2.
    pub base64: String,
    /// The interactions in the RP's order (known types only in the wallet reading).
    pub items: Vec<Interaction>,
    /// Entries skipped because their type is unknown (wallet reading only).
    pub skipped_unknown: u32,
}

/// Not `#[uniffi::remote]`: core counts `skipped` in `usize`, which UniFFI does not carry; the
/// exhaustive destructuring makes a field added in core a compile error here.
impl From<smartid::InteractionList> for InteractionList {
    fn from(l: smartid::InteractionList) -> Self {
        let smartid::InteractionList { base64, items, skipped } = l;
        Self { base64, items, skipped_unknown: u32::try_from(skipped).unwrap_or(u32::MAX) }
    }
}

/// The wire name of an interaction type (`displayTextAndPIN`, ...).
#[uniffi::export]
pub fn interaction_type_name(kind: InteractionType) -> String {
    kind.name().to_owned()
}

/// Decodes and strictly validates a Base64 `interactions` parameter for `flow` (the RP server's
/// rules: unknown types, duplicates, wrong texts and over-long texts are errors).
#[uniffi::export]
pub fn smartid_decode(base64: String, flow: Flow, limits: Option<SsiLimits>) -> Result<InteractionList, SsiError> {
    Ok(smartid::decode(&base64, flow, &self::limits(limits))?.into())
}

/// Reads an interactions parameter as the app does: unknown types are skipped, malformed
/// entries are errors.
#[uniffi::export]
pub fn smartid_read_for_wallet(base64: String, limits: Option<SsiLimits>) -> Result<InteractionList, SsiError> {
    Ok(smartid::read(&base64, Reading::Wallet, &self::limits(limits))?.into())
}

/// The app-side choice: the first interaction, in the RP's order, whose type is in `supported`.
/// Throws `SsiException.Rule` with `REQUIRED_INTERACTION_NOT_SUPPORTED_BY_APP` when none is.
#[uniffi::export]
pub fn smartid_select(
    base64: String,
    supported: Vec<InteractionType>,
    limits: Option<SsiLimits>,
) -> Result<Interaction, SsiError> {
    Ok(smartid::select(&base64, &supported, &self::limits(limits))?)
}

/// Encodes interactions as minified JSON and Base64, validated for `flow` (or for any flow).
#[uniffi::export]
pub fn smartid_encode(interactions: Vec<Interaction>, flow: Option<Flow>) -> Result<String, SsiError> {
    let borrowed: Vec<_> = interactions.iter().map(|i| smartid::Interaction { kind: i.kind, text: &i.text }).collect();
    Ok(smartid::encode(&borrowed, flow.map_or(Reading::AnyFlow, Reading::Strict))?)
}

/// Validates an interactions JSON text, minifies it (tokens kept byte for byte) and Base64-encodes it.
#[uniffi::export]
pub fn smartid_encode_json(json: String, flow: Option<Flow>, limits: Option<SsiLimits>) -> Result<String, SsiError> {
    Ok(smartid::encode_json(&json, flow.map_or(Reading::AnyFlow, Reading::Strict), &self::limits(limits))?)
}

/// Everything needed to build a device link (see the RP API "Device link flows").
#[derive(Clone, Debug, uniffi::Record)]
pub struct DeviceLinkInput {
    /// `smart-id` (LIVE) or `smart-id-demo` (DEMO).
    pub scheme_name: String,
    /// `deviceLinkBase` from the session response.
    pub device_link_base: String,
    /// QR, Web2App or App2App.
    pub link_type: DeviceLinkType,
    /// auth, sign or cert.
    pub session_type: SessionType,
    /// `sessionToken`.
    pub session_token: String,
    /// `sessionSecret` (Base64).
    pub session_secret: String,
    /// `rpChallenge` (auth sessions).
    pub rp_challenge: Option<String>,
    /// `digest` (sign sessions).
    pub digest: Option<String>,
    /// The relying party name, plain text.
    pub relying_party_name: String,
    /// The brokered RP name, plain text.
    pub brokered_rp_name: Option<String>,
    /// The interactions Base64 text exactly as sent (auth and sign).
    pub interactions: Option<String>,
    /// `initialCallbackUrl` (Web2App, App2App).
    pub initial_callback_url: Option<String>,
    /// ISO 639-2 language (default `eng`).
    pub lang: Option<String>,
    /// Seconds since the session response (QR only).
    pub elapsed_seconds: Option<u64>,
}

/// A built device link: core's `DeviceLink` itself, mirrored by `#[uniffi::remote]`.
pub type DeviceLink = smartid::DeviceLink;

/// A built device link.
#[uniffi::remote(Record)]
pub struct DeviceLink {
    /// The Base64URL authCode.
    pub auth_code: String,
    /// The final link, `unprotectedDeviceLink&authCode=...`.
    pub device_link: String,
    /// The exact payload the authCode was computed over (for debugging and audits).
    pub auth_code_payload: String,
}

/// Builds a device link and its authCode.
#[uniffi::export]
pub fn smartid_device_link(input: DeviceLinkInput) -> Result<DeviceLink, SsiError> {
    // Core's `DeviceLinkRequest` borrows its text, so it cannot be a UniFFI record; this literal
    // names every field, so a field added in core fails to compile here.
    let req = DeviceLinkRequest {
        scheme_name: &input.scheme_name,
        device_link_base: &input.device_link_base,
        link_type: input.link_type,
        session_type: input.session_type,
        session_token: &input.session_token,
        session_secret: &input.session_secret,
        rp_challenge: input.rp_challenge.as_deref(),
        digest: input.digest.as_deref(),
        relying_party_name: &input.relying_party_name,
        brokered_rp_name: input.brokered_rp_name.as_deref(),
        interactions: input.interactions.as_deref(),
        initial_callback_url: input.initial_callback_url.as_deref(),
        lang: input.lang.as_deref(),
        elapsed_seconds: input.elapsed_seconds,
    };
    Ok(smartid::device_link(&req)?)
}

/// What the RP sent when it started an authentication session.
#[derive(Clone, Debug, uniffi::Record)]
pub struct AuthRequestInput {
    /// `smart-id` or `smart-id-demo`.
    pub scheme_name: String,
    /// The `rpChallenge` sent (Base64).
    pub rp_challenge: String,
    /// The relying party name exactly as sent.
    pub relying_party_name: String,
    /// The brokered RP name, if any.
    pub brokered_rp_name: Option<String>,
    /// The interactions Base64 text exactly as sent.
    pub interactions: String,
    /// The `initialCallbackUrl` sent, if any.
    pub initial_callback_url: Option<String>,
    /// The flows offered to the user.
    pub offered_flows: Vec<FlowType>,
}

/// Verifies an authentication session-status response (JSON) against the request: state,
/// endResult, `flowType`, `interactionTypeUsed` and the ACSP_V2 signature (the certificate is
/// used for its key only, and Web2App / App2App responses are refused without a verifier: use
/// `smartid_verify_auth_json` with trust anchors for a trusted answer).
#[uniffi::export]
pub fn smartid_verify_auth_session(
    request: AuthRequestInput,
    session_status_json: String,
    limits: Option<SsiLimits>,
) -> Result<Verdict, SsiError> {
    let req = AuthRequest {
        scheme_name: &request.scheme_name,
        rp_challenge: &request.rp_challenge,
        relying_party_name: &request.relying_party_name,
        brokered_rp_name: request.brokered_rp_name.as_deref(),
        interactions: &request.interactions,
        initial_callback_url: request.initial_callback_url.as_deref(),
        offered_flows: &request.offered_flows,
        user_challenge_verifier: None,
        certificate_level: None,
        person: smartid::ExpectedPerson::default(),
    };
    Ok(smartid::verify_auth_session_status(&req, &session_status_json, &self::limits(limits))?.into())
}

/// The four-digit verification code shown in notification flows.
#[uniffi::export]
pub fn smartid_verification_code(rp_challenge: String) -> Result<String, SsiError> {
    let code = smartid::verification_code(&rp_challenge)?;
    Ok(code.iter().map(|&b| char::from(b)).collect())
}

/// Checks a callback URL's `sessionSecretDigest` (constant time).
#[uniffi::export]
pub fn smartid_verify_session_secret_digest(session_secret: String, digest: String) -> Result<Verdict, SsiError> {
    Ok(smartid::verify_session_secret_digest(&session_secret, &digest)?.into())
}

/// Checks `userChallenge` against the callback's `userChallengeVerifier` (constant time).
#[uniffi::export]
pub fn smartid_verify_user_challenge(verifier: String, user_challenge: String) -> Result<Verdict, SsiError> {
    Ok(smartid::verify_user_challenge(&verifier, &user_challenge)?.into())
}
