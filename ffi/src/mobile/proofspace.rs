//! ProofSpace for Kotlin, Swift and Python.

use std::collections::{BTreeMap, HashMap};

use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;
use ssi_verify_core::crypto::rsa::RsaKey;
use ssi_verify_core::crypto::PublicKey;
use ssi_verify_core::jose::{JwsKey, RsaJwsAlg};
use ssi_verify_core::proofspace::auth::{self, BearerPolicy, Direction, PROOFSPACE_RSA_BITS};
use ssi_verify_core::proofspace::rules::{self, Concurrency, EventStatus};
use ssi_verify_core::proofspace::values::{self, AttributeType, EnumValue, NameValue};
use ssi_verify_core::proofspace::webhook::{self, InteractionRequest, InteractionResponse};
use ssi_verify_core::{Error, ErrorCode};

use super::{limits, SsiError, SsiLimits, Verdict};

/// The attribute types of a ProofSpace credential schema that this library can check.
#[uniffi::remote(Enum)]
pub enum AttributeType {
    /// Free text.
    Text,
    /// Seconds since the Unix epoch.
    Date,
    /// A plain decimal number.
    Number,
    /// An absolute http(s) URL of an image.
    ImageUrl,
    /// A numeric index into the schema's enumeration values.
    Enumeration,
}

/// How often the same client (the same DID) may run an interaction.
#[uniffi::remote(Enum)]
pub enum Concurrency {
    /// One run per DID, ever.
    Once,
    /// Several runs per DID, but a new one only after the current one is `Complete`.
    Sequenced,
    /// Several runs per DID at the same time.
    Concurrent,
}

/// The state of one earlier run (event) of an interaction by the same DID.
#[uniffi::remote(Enum)]
pub enum EventStatus {
    /// Started and not yet finished.
    InProgress,
    /// Executed to the end.
    Complete,
    /// Ended without completing.
    Failed,
}

/// Which way a webhook call goes, which decides the claim that names the service.
#[uniffi::remote(Enum)]
pub enum Direction {
    /// ProofSpace calls the third party: `iss` must be the service DID.
    FromProofSpace,
    /// The third party calls ProofSpace: `aud` must be the service DID.
    ToProofSpace,
}

/// A credential field as the webhooks send it: `{"name": ..., "value": ...}`.
#[uniffi::remote(Record)]
pub struct NameValue {
    /// The field (attribute) name.
    pub name: String,
    /// The wire value (always a string).
    pub value: String,
}

/// A credential value with its type.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum TypedValue {
    /// Text.
    Text { value: String },
    /// Seconds since the epoch.
    Date { seconds: i64 },
    /// A decimal, as its exact text (never rounded through a float).
    Number { value: String },
    /// An absolute http(s) URL.
    ImageUrl { url: String },
    /// An enumeration index.
    Enumeration { index: u32 },
}

impl From<values::TypedValue> for TypedValue {
    fn from(v: values::TypedValue) -> Self {
        match v {
            values::TypedValue::Text(value) => Self::Text { value },
            values::TypedValue::Date(seconds) => Self::Date { seconds },
            values::TypedValue::Number(d) => Self::Number { value: d.as_str().to_owned() },
            values::TypedValue::ImageUrl(url) => Self::ImageUrl { url },
            values::TypedValue::Enumeration(index) => Self::Enumeration { index },
        }
    }
}

/// Casts a wire string to its typed value (Date in seconds, Number exact, ImageURL absolute
/// http(s), Enumeration checked against `enum_values` when given).
#[uniffi::export]
pub fn proofspace_cast(
    kind: AttributeType,
    value: String,
    enum_values: Option<Vec<u32>>,
) -> Result<TypedValue, SsiError> {
    let enums: Option<Vec<EnumValue>> =
        enum_values.map(|v| v.into_iter().map(|n| EnumValue { name: n.to_string(), value: n }).collect());
    Ok(values::cast(kind, &value, enums.as_deref())?.into())
}

/// The wire string of a typed value (the inverse of `proofspace_cast`).
#[uniffi::export]
pub fn proofspace_to_wire(value: TypedValue) -> Result<String, SsiError> {
    let core = match value {
        TypedValue::Text { value } => values::TypedValue::Text(value),
        TypedValue::Date { seconds } => values::TypedValue::Date(seconds),
        TypedValue::Number { value } => values::TypedValue::Number(values::Decimal::parse(&value)?),
        TypedValue::ImageUrl { url } => {
            values::validate_image_url(&url)?;
            values::TypedValue::ImageUrl(url)
        }
        TypedValue::Enumeration { index } => values::TypedValue::Enumeration(index),
    };
    Ok(core.to_wire())
}

/// One bad field of a credential.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct FieldIssue {
    /// The field (or schema attribute) name.
    pub field: String,
    /// What is wrong.
    pub code: ErrorCode,
    /// A safe-to-log explanation.
    pub detail: String,
}

/// The mirror of core's `values::FieldIssue`. Not `#[uniffi::remote]`: core carries an `Error`,
/// which UniFFI cannot pass as a record field; the exhaustive destructuring makes a field added
/// in core a compile error here.
impl From<values::FieldIssue> for FieldIssue {
    fn from(issue: values::FieldIssue) -> Self {
        let values::FieldIssue { field, error } = issue;
        FieldIssue { field, code: error.code(), detail: error.to_string() }
    }
}

/// Validates a credential's fields against a schema JSON
/// (`{"attributes":[{"name":..,"type":..,"enumValues":[..]}]}`) and returns every bad field.
#[uniffi::export]
pub fn proofspace_validate_credential(
    schema_json: String,
    fields: Vec<NameValue>,
) -> Result<Vec<FieldIssue>, SsiError> {
    let schema = values::CredentialSchema::parse(&schema_json, &ssi_verify_core::Limits::DEFAULT)?;
    Ok(values::validate_credential(&schema, &fields).into_iter().map(Into::into).collect())
}

/// Verifies an `X-Body-Signature` over the exact body bytes; the PEM key decides the scheme
/// (RSA 2048 to 4096 bits: PKCS#1 v1.5 + SHA3-256; Ed25519: raw body).
#[uniffi::export]
pub fn proofspace_verify_body(public_key_pem: String, body: Vec<u8>, signature: String) -> Result<Verdict, SsiError> {
    let key = auth::parse_public_key(&public_key_pem)?;
    let sig = auth::single_header(Some(&signature))?;
    Ok(auth::verify_body_signature(&key, &body, sig)?.into())
}

/// Signs a body for the Ed25519 `X-Body-Signature` scheme with a 32-byte seed.
#[uniffi::export]
pub fn proofspace_sign_body_ed25519(seed: Vec<u8>, body: Vec<u8>) -> Result<String, SsiError> {
    Ok(auth::sign_body_ed25519(&Ed25519SecretKey::from_slice(&seed)?, &body))
}

/// The key a Bearer token is checked with; it fixes the algorithm.
#[derive(Clone, Debug, uniffi::Enum)]
pub enum BearerKey {
    /// HS256 shared secret ("SHA secret"), at least 32 bytes.
    Hs256 { secret: Vec<u8> },
    /// RS256 with an RSA SPKI PEM.
    Rs256 { public_key_pem: String },
    /// RS512 with an RSA SPKI PEM.
    Rs512 { public_key_pem: String },
    /// EdDSA with an Ed25519 SPKI PEM.
    EdDsa { public_key_pem: String },
}

/// What a Bearer token must satisfy.
#[derive(Clone, Debug, uniffi::Record)]
pub struct BearerCheckPolicy {
    /// The service's public DID.
    pub service_did: String,
    /// The direction of the call (decides `iss` or `aud`).
    pub direction: Direction,
    /// Current time, seconds since the epoch.
    pub now: u64,
    /// Allowed clock skew in seconds.
    pub leeway: u64,
    /// Whether `exp` is required.
    pub require_exp: bool,
    /// Read millisecond `exp`/`nbf` as milliseconds instead of refusing them.
    pub accept_millisecond_times: bool,
}

/// The outcome of a Bearer check with the token's claims (compact JSON).
#[derive(Clone, Debug, uniffi::Record)]
pub struct BearerCheck {
    /// Valid, or the first failed check.
    pub verdict: Verdict,
    /// The claims set as compact JSON.
    pub claims_json: String,
}

/// Verifies an `Authorization: Bearer <JWT>` header value (`None` when the header is absent).
#[uniffi::export]
pub fn proofspace_verify_bearer(
    authorization: Option<String>,
    key: BearerKey,
    policy: BearerCheckPolicy,
    limits: Option<SsiLimits>,
) -> Result<BearerCheck, SsiError> {
    let rsa = |pem: &str| RsaKey::from_spki_pem(pem, PROOFSPACE_RSA_BITS);
    let (rsa_key, ed_key);
    let jws_key = match &key {
        BearerKey::Hs256 { secret } => JwsKey::Hmac(secret),
        BearerKey::Rs256 { public_key_pem } => {
            rsa_key = rsa(public_key_pem)?;
            JwsKey::Rsa(&rsa_key, RsaJwsAlg::Rs256)
        }
        BearerKey::Rs512 { public_key_pem } => {
            rsa_key = rsa(public_key_pem)?;
            JwsKey::Rsa(&rsa_key, RsaJwsAlg::Rs512)
        }
        BearerKey::EdDsa { public_key_pem } => {
            ed_key = match auth::parse_public_key(public_key_pem)? {
                PublicKey::Ed25519(k) => k,
                PublicKey::Rsa(_) => {
                    return Err(Error::new(ErrorCode::UnsupportedKey, "EdDSA needs an Ed25519 key").into())
                }
            };
            JwsKey::Ed25519(&ed_key)
        }
    };
    let p = BearerPolicy {
        service_did: &policy.service_did,
        direction: policy.direction,
        now: policy.now,
        leeway: policy.leeway,
        require_exp: policy.require_exp,
        accept_millisecond_times: policy.accept_millisecond_times,
    };
    let check = auth::verify_bearer(authorization.as_deref(), &jws_key, &p, &self::limits(limits))?;
    Ok(BearerCheck { verdict: check.verdict.into(), claims_json: check.claims.to_json() })
}

/// A credential as the webhooks carry it: core's `webhook::Credential` itself, mirrored by
/// `#[uniffi::remote]` so a field added in core fails to compile here instead of being dropped.
pub type WebhookCredential = webhook::Credential;

/// A credential as the webhooks carry it.
#[uniffi::remote(Record)]
pub struct WebhookCredential {
    /// Credential definition id, e.g. `FhnK3hGQ6EeQHKztiHJ6pu:3:CL:649:tag`.
    pub credential_id: String,
    /// Schema id, e.g. `FhnK3hGQ6EeQHKztiHJ6pu:2:Example Secret Access:1.0`.
    pub schema_id: String,
    /// The attribute values, all strings on the wire.
    pub fields: Vec<NameValue>,
    /// Issue time in milliseconds since the epoch, if given.
    #[uniffi(default = None)]
    pub utc_issued_at: Option<u64>,
    /// Whether the credential is revoked, if given.
    #[uniffi(default = None)]
    pub revoked: Option<bool>,
    /// Revocation time in milliseconds, if given.
    #[uniffi(default = None)]
    pub utc_revoked_at: Option<u64>,
}

/// A validated interaction-webhook request: core's `webhook::InteractionRequest` itself,
/// mirrored by `#[uniffi::remote]` (a field added in core fails to compile here).
pub type WebhookRequest = InteractionRequest;

/// A validated interaction-webhook request.
#[uniffi::remote(Record)]
pub struct WebhookRequest {
    /// `containerPrefix`, if present.
    pub container_prefix: Option<String>,
    /// The service's public DID.
    pub public_service_did: String,
    /// The user's connect DID.
    pub subscriber_connect_did: String,
    /// Interaction id from the dashboard.
    pub action_id: String,
    /// Interaction instance id.
    pub action_instance_id: String,
    /// Event id (unique for the service).
    pub action_event_id: String,
    /// Instance parameters.
    pub action_params: Vec<NameValue>,
    /// Credentials the user shared.
    pub received_credentials: Vec<WebhookCredential>,
    /// Members this library does not know, as `path.name` (reported, not used).
    pub unknown_members: Vec<String>,
}

/// Parses and validates an interaction-webhook request body.
#[uniffi::export]
pub fn proofspace_parse_request(json: String, limits: Option<SsiLimits>) -> Result<WebhookRequest, SsiError> {
    Ok(InteractionRequest::parse(&json, &self::limits(limits))?)
}

/// Builds the success response (JSON) that answers `request_json`, issuing `issued` (a
/// credential with no fields postpones its issue).
#[uniffi::export]
pub fn proofspace_build_response(request_json: String, issued: Vec<WebhookCredential>) -> Result<String, SsiError> {
    let req = InteractionRequest::parse(&request_json, &ssi_verify_core::Limits::DEFAULT)?;
    Ok(InteractionResponse::answering(&req, issued).to_json())
}

/// One way a response fails to answer its request.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ResponseMismatch {
    /// Where (`serviceDid`, `issuedCredentials[0].fields.Age`, ...).
    pub path: String,
    /// What is wrong.
    pub code: ErrorCode,
    /// A safe-to-log explanation.
    pub detail: String,
}

/// The result of checking a response against its request.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ResponseCheck {
    /// Valid, or `RESPONSE_MISMATCH`.
    pub verdict: Verdict,
    /// Every mismatch found.
    pub mismatches: Vec<ResponseMismatch>,
}

/// Checks a response against its request; `schemas` maps schemaId to schema JSON so issued
/// fields are validated too.
#[uniffi::export]
pub fn proofspace_check_response(
    request_json: String,
    response_json: String,
    schemas: HashMap<String, String>,
) -> Result<ResponseCheck, SsiError> {
    let limits = ssi_verify_core::Limits::DEFAULT;
    let req = InteractionRequest::parse(&request_json, &limits)?;
    let resp = InteractionResponse::parse(&response_json, &limits)?;
    let schemas = schemas
        .into_iter()
        .map(|(id, json)| Ok((id, values::CredentialSchema::parse(&json, &limits)?)))
        .collect::<Result<BTreeMap<_, _>, Error>>()?;
    let (verdict, mismatches) = webhook::check_response(&req, &resp, &schemas)?;
    Ok(ResponseCheck {
        verdict: verdict.into(),
        mismatches: mismatches
            .into_iter()
            .map(|m| {
                // Exhaustive, so a field added to core's `Mismatch` fails to compile here (not
                // `#[uniffi::remote]`: its `Error` is no UniFFI record field).
                let webhook::Mismatch { path, error } = m;
                ResponseMismatch { path, code: error.code(), detail: error.to_string() }
            })
            .collect(),
    })
}

/// The failure reply JSON a webhook sends to fail an event.
#[uniffi::export]
pub fn proofspace_failure_reply(message: String, details: Option<String>) -> String {
    webhook::failure_reply(&message, details.as_deref())
}

/// Whether a new event of an interaction may start for a DID, given its earlier events.
#[uniffi::export]
pub fn proofspace_may_start(concurrency: Concurrency, earlier: Vec<EventStatus>) -> Verdict {
    rules::may_start(concurrency, &earlier).into()
}

/// Renders a flow-notification template (`Welcome to Room {{Room Number}}!`) with instance
/// parameters; an unknown parameter or an unclosed placeholder is an error.
#[uniffi::export]
pub fn proofspace_render_notification(template: String, params: Vec<NameValue>) -> Result<String, SsiError> {
    let pairs: Vec<(&str, &str)> = params.iter().map(|p| (p.name.as_str(), p.value.as_str())).collect();
    Ok(rules::render(&template, &pairs)?)
}
