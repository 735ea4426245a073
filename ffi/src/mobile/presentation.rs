//! Gataca / OpenID4VP for Kotlin, Swift and Python: JCS, JSONPath, Ed25519, `did:key`,
//! `JcsEd25519Signature2020` proofs, VC-JWTs, `openid-vp://` requests, verification-result
//! webhooks and API keys.

use ssi_verify_core::crypto::did_key::{self, TrustStore};
use ssi_verify_core::crypto::ed25519::{Ed25519PublicKey, Ed25519SecretKey};
use ssi_verify_core::jose::JwtPolicy;
use ssi_verify_core::json::jsonpath::Query;
use ssi_verify_core::json::{jcs, Value};
use ssi_verify_core::presentation::api_key::ApiKey;
use ssi_verify_core::presentation::definition::PresentationDefinition;
use ssi_verify_core::presentation::evaluate::evaluate;
use ssi_verify_core::presentation::jwt_vc::{self, JwtKind};
use ssi_verify_core::presentation::lint::lint;
use ssi_verify_core::presentation::openid::{AuthorizationRequest, QueryParameter};
use ssi_verify_core::presentation::proof::{self, ProofExpectations};
use ssi_verify_core::presentation::report::{
    build_webhook_json, credentials_from_json, extra_proof_members, payload_json, webhook_summary_json,
};
use ssi_verify_core::presentation::result::{ProcessStatus, VerificationResult, WebhookPayload};
use ssi_verify_core::presentation::submission::PresentationSubmission;
use ssi_verify_core::presentation::verifier::{read_presentation, verify_presentation, VerifierPolicy};
use ssi_verify_core::Error;

use super::{limits, SsiError, SsiLimits, Verdict};

/// The outcome of the whole verification process in a webhook.
#[uniffi::remote(Enum)]
pub enum ProcessStatus {
    /// `SUCCESS`
    Success,
    /// `REJECT`
    Reject,
}

/// Whether the token carries a credential or a presentation.
#[uniffi::remote(Enum)]
pub enum JwtKind {
    /// `vc` claim.
    Credential,
    /// `vp` claim.
    Presentation,
}

/// `{checks, warnings, errors}`: what a verification did, what it noticed, what failed.
#[uniffi::remote(Record)]
pub struct VerificationResult {
    /// Identifiers of the checks that ran and passed.
    pub checks: Vec<String>,
    /// Free-text warnings.
    pub warnings: Vec<String>,
    /// Free-text errors; empty when the verification succeeded.
    pub errors: Vec<String>,
}

/// The RFC 8785 (JCS) canonical form of a JSON document (parsed strictly first).
#[uniffi::export]
pub fn jcs_canonicalize(json: String, limits: Option<SsiLimits>) -> Result<String, SsiError> {
    Ok(jcs::canonicalize_str(&json, &self::limits(limits))?)
}

/// One node selected by a JSONPath query.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct JsonPathNode {
    /// The node's normalized path, e.g. `$['a'][0]`.
    pub location: String,
    /// The node's value as compact JSON.
    pub value_json: String,
}

/// Runs an RFC 9535 JSONPath query over a JSON document; nodes come in document order.
#[uniffi::export]
pub fn jsonpath_select(query: String, json: String, limits: Option<SsiLimits>) -> Result<Vec<JsonPathNode>, SsiError> {
    let limits = self::limits(limits);
    let query = Query::parse(&query, &limits)?;
    let doc = Value::parse(&json, &limits)?;
    Ok(query
        .select(&doc, &limits)?
        .into_iter()
        .map(|n| JsonPathNode { location: n.location, value_json: n.value.to_json() })
        .collect())
}

/// Verifies an Ed25519 signature (32-byte key, 64-byte signature; strict RFC 8032).
#[uniffi::export]
pub fn ed25519_verify(public_key: Vec<u8>, signature: Vec<u8>, message: Vec<u8>) -> Result<Verdict, SsiError> {
    Ok(Ed25519PublicKey::from_bytes(&public_key)?.verify(&message, &signature)?.into())
}

/// The 32-byte Ed25519 public key of a 32-byte secret seed.
#[uniffi::export]
pub fn ed25519_public_key(seed: Vec<u8>) -> Result<Vec<u8>, SsiError> {
    Ok(Ed25519SecretKey::from_slice(&seed)?.public_key().to_bytes().to_vec())
}

/// The `did:key` verification-method id (`did:key:z6Mk…#z6Mk…`) of an Ed25519 public key.
#[uniffi::export]
pub fn did_key_verification_method(public_key: Vec<u8>) -> Result<String, SsiError> {
    Ok(did_key::did_key_verification_method(&Ed25519PublicKey::from_bytes(&public_key)?))
}

/// Resolves `did:key:z6Mk…` (or its verification method) offline to its Ed25519 public key.
#[uniffi::export]
pub fn resolve_did_key(did: String) -> Result<Vec<u8>, SsiError> {
    Ok(did_key::resolve_did_key(&did)?.to_bytes().to_vec())
}

/// A key the caller trusts: `id` is a DID (every method under it) or one verification method.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct TrustedKey {
    /// DID or verification-method id.
    pub id: String,
    /// The 32-byte Ed25519 public key.
    pub public_key: Vec<u8>,
}

fn trust_store(keys: &[TrustedKey]) -> Result<TrustStore, Error> {
    let mut store = TrustStore::new();
    for (i, k) in keys.iter().enumerate() {
        store.insert(&k.id, Ed25519PublicKey::from_bytes(&k.public_key).map_err(|e| e.at_index(i))?);
    }
    Ok(store)
}

/// What every proof must satisfy besides a good signature (`None`: no requirement).
#[derive(Clone, Debug, Default, PartialEq, Eq, uniffi::Record)]
pub struct ProofRequirements {
    /// Required `proofPurpose`.
    pub proof_purpose: Option<String>,
    /// Required `domain`.
    pub domain: Option<String>,
    /// Required `challenge` or `nonce`.
    pub challenge_or_nonce: Option<String>,
    /// Also accept Ed25519 over SHA-256(JCS).
    pub allow_sha256_prehash: bool,
}

/// The outcome for one `JcsEd25519Signature2020` proof.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ProofResult {
    /// The proof's `verificationMethod` (or `creator`); empty when it names none.
    pub verification_method: String,
    /// Valid, or the first failed check.
    pub verdict: Verdict,
    /// How the signature verified, e.g. `jcs (base64url)` (None when it did not).
    pub reading: Option<String>,
}

/// Verifies every `JcsEd25519Signature2020` proof of a JSON document with keys from
/// `trusted_keys` (`did:key` methods resolve offline without an entry).
#[uniffi::export]
pub fn verify_proofs(
    document_json: String,
    trusted_keys: Vec<TrustedKey>,
    requirements: Option<ProofRequirements>,
    limits: Option<SsiLimits>,
) -> Result<Vec<ProofResult>, SsiError> {
    let limits = self::limits(limits);
    let r = requirements.unwrap_or_default();
    let expect = ProofExpectations {
        proof_purpose: r.proof_purpose.as_deref(),
        domain: r.domain.as_deref(),
        challenge_or_nonce: r.challenge_or_nonce.as_deref(),
        allow_sha256_prehash: r.allow_sha256_prehash,
    };
    let keys = trust_store(&trusted_keys)?;
    let doc = Value::parse(&document_json, &limits)?;
    Ok(proof::verify_proofs(&doc, &keys, &expect, &limits)?
        .iter()
        .map(|c| ProofResult {
            verification_method: c.verification_method.clone(),
            verdict: c.verdict.into(),
            reading: c.reading.map(|r| format!("{} ({})", r.message.name(), r.encoding.name())),
        })
        .collect())
}

/// Adds a `JcsEd25519Signature2020` proof (raw JCS, base58btc) to a JSON object signed with a
/// 32-byte seed; `extra_json` is a JSON object of further proof members (`domain`, `nonce`).
#[uniffi::export]
pub fn sign_jcs_ed25519(
    document_json: String,
    seed: Vec<u8>,
    verification_method: String,
    proof_purpose: String,
    created: String,
    extra_json: Option<String>,
    limits: Option<SsiLimits>,
) -> Result<String, SsiError> {
    let limits = self::limits(limits);
    let key = Ed25519SecretKey::from_slice(&seed)?;
    let doc = Value::parse(&document_json, &limits)?;
    let extra = extra_proof_members(extra_json.as_deref().unwrap_or(""), &limits)?;
    let pairs: Vec<(&str, Value)> = extra.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    Ok(proof::sign_jcs_ed25519(&doc, &key, &verification_method, &proof_purpose, &created, &pairs)?.to_json())
}

// Core's `openid::QueryParameter` itself, mirrored by `#[uniffi::remote]`.
/// A query parameter of a request that has no field of its own.
#[uniffi::remote(Record)]
pub struct QueryParameter {
    /// The decoded name.
    pub name: String,
    /// The decoded value.
    pub value: String,
}

/// A parsed `openid-vp://` authorization request: core's `openid::AuthorizationRequest` itself,
/// mirrored by `#[uniffi::remote]` (a field added in core fails to compile here).
pub type OpenIdVpRequest = AuthorizationRequest;

/// A parsed `openid-vp://` authorization request.
#[uniffi::remote(Record)]
pub struct OpenIdVpRequest {
    /// The scheme the request used, e.g. `openid-vp://`.
    pub scheme: String,
    /// `client_id`: who asks (an https URL or a DID).
    pub client_id: String,
    /// `response_type`, e.g. `vp_token`.
    pub response_type: String,
    /// `response_mode`, e.g. `direct_post`.
    pub response_mode: Option<String>,
    /// `redirect_uri`: where the wallet posts or redirects (Gataca's `direct_post` target).
    pub redirect_uri: Option<String>,
    /// `response_uri`: the `direct_post` target in later OpenID4VP drafts.
    pub response_uri: Option<String>,
    /// `request_uri`: where the signed request object is fetched.
    pub request_uri: Option<String>,
    /// `scope`, e.g. `openid`.
    pub scope: Option<String>,
    /// `nonce` the presentation must be bound to.
    pub nonce: Option<String>,
    /// `state` to echo back.
    pub state: Option<String>,
    /// `presentation_definition` given by value (JSON text, not parsed here).
    pub presentation_definition: Option<String>,
    /// `presentation_definition_uri`: the definition by reference.
    pub presentation_definition_uri: Option<String>,
    /// Every other parameter, decoded, in the order given.
    pub other: Vec<QueryParameter>,
}

/// Parses and validates an `openid-vp://` (or `openid4vp://`) request URI.
#[uniffi::export]
pub fn openid_vp_parse_request(uri: String, limits: Option<SsiLimits>) -> Result<OpenIdVpRequest, SsiError> {
    Ok(AuthorizationRequest::parse(&uri, &self::limits(limits))?)
}

/// The request as a URI again; the result is validated, so an inconsistent record is an error.
#[uniffi::export]
pub fn openid_vp_request_to_uri(request: OpenIdVpRequest) -> Result<String, SsiError> {
    let uri = request.to_uri();
    AuthorizationRequest::parse(&uri, &ssi_verify_core::Limits::DEFAULT)?;
    Ok(uri)
}

/// A validated verification-template webhook body.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct GatacaWebhook {
    /// Process identifier.
    pub id: String,
    /// Subject identifier (a DID).
    pub subject: String,
    /// `SUCCESS` or `REJECT`.
    pub status: ProcessStatus,
    /// The shared claims as a JSON object, when present.
    pub payload_json: Option<String>,
    /// What the verification did.
    pub verification_result: VerificationResult,
    /// Gataca's rule over the result: valid, or `INVALID_VERIFICATION_RESULT`.
    pub verdict: Verdict,
    /// Check identifiers outside Gataca's vocabulary (log them).
    pub unknown_checks: Vec<String>,
    /// The core's summary JSON, the same bytes `ssi_gataca_check_webhook` and the CLI's
    /// `gataca check-webhook` give.
    pub summary_json: String,
    /// Members the library does not know (`verificationResult.x` inside the result): reported,
    /// not refused.
    pub unknown_members: Vec<String>,
}

/// Parses and validates the body Gataca Studio posts to a verification template's webhook.
#[uniffi::export]
pub fn gataca_parse_webhook(json: String, limits: Option<SsiLimits>) -> Result<GatacaWebhook, SsiError> {
    let p = WebhookPayload::parse(&json, &self::limits(limits))?;
    let summary_json = webhook_summary_json(&p);
    let payload_json = payload_json(&p);
    let unknown_checks = p.verification_result.unknown_checks().into_iter().map(str::to_owned).collect();
    Ok(GatacaWebhook {
        id: p.id,
        subject: p.subject,
        status: p.status,
        payload_json,
        verdict: p.verification_result.verdict().into(),
        verification_result: p.verification_result,
        unknown_checks,
        summary_json,
        unknown_members: p.unknown_members,
    })
}

/// Builds a webhook body; the status follows from the result (`SUCCESS` exactly when valid).
/// `payload_json`, when given, must be a JSON object.
#[uniffi::export]
pub fn gataca_build_webhook(
    id: String,
    subject: String,
    payload_json: Option<String>,
    result: VerificationResult,
) -> Result<String, SsiError> {
    Ok(build_webhook_json(&id, &subject, payload_json.as_deref(), result, &ssi_verify_core::Limits::DEFAULT)?)
}

/// An API key's parts.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
pub struct ApiKeyParts {
    /// The API-key id.
    pub id: String,
    /// The secret.
    pub secret: String,
    /// Whether the id has the UUID form Gataca Studio issues.
    pub id_is_uuid: bool,
}

impl std::fmt::Debug for ApiKeyParts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiKeyParts").field("id", &self.id).field("secret", &"<redacted>").finish()
    }
}

/// The Gataca Studio API-key `Authorization` value `Basic base64(id:secret)`.
#[uniffi::export]
pub fn gataca_api_key_encode(id: String, secret: String) -> Result<String, SsiError> {
    Ok(ApiKey::new(&id, &secret)?.to_header())
}

/// Reads an API-key `Authorization` value (`Basic <base64>` or the bare Base64).
#[uniffi::export]
pub fn gataca_api_key_decode(header: String) -> Result<ApiKeyParts, SsiError> {
    let key = ApiKey::from_header(&header)?;
    Ok(ApiKeyParts { id: key.id().to_owned(), secret: key.secret().to_owned(), id_is_uuid: key.id_is_uuid() })
}

/// A decoded VC-JWT / VP-JWT.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct JwtVc {
    /// Credential (`vc`) or presentation (`vp`).
    pub kind: JwtKind,
    /// The protected header as compact JSON.
    pub header_json: String,
    /// The claims set as compact JSON.
    pub claims_json: String,
    /// The embedded `vc`/`vp` with the registered claims filled in, as compact JSON.
    pub document_json: String,
}

impl From<jwt_vc::JwtCredential> for JwtVc {
    fn from(c: jwt_vc::JwtCredential) -> Self {
        Self {
            kind: c.kind,
            header_json: c.header.to_json(),
            claims_json: c.claims.to_json(),
            document_json: c.document.to_json(),
        }
    }
}

/// Decodes a VC-JWT / VP-JWT without verifying it.
#[uniffi::export]
pub fn jwt_vc_decode(token: String, limits: Option<SsiLimits>) -> Result<JwtVc, SsiError> {
    Ok(jwt_vc::decode_jwt_vc(&token, &self::limits(limits))?.into())
}

/// What a VC-JWT's claims must satisfy.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct JwtCheckPolicy {
    /// Required `iss`, if any.
    pub issuer: Option<String>,
    /// Required member of `aud`, if any.
    pub audience: Option<String>,
    /// Current time, seconds since the epoch.
    pub now: u64,
    /// Allowed clock skew in seconds.
    pub leeway: u64,
    /// Whether `exp` is required.
    pub require_exp: bool,
    /// Read millisecond `exp`/`nbf` as milliseconds instead of refusing them.
    pub accept_millisecond_times: bool,
}

/// The outcome of verifying a VC-JWT, with the decoded token.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct JwtVcCheck {
    /// Valid, or the first failed check.
    pub verdict: Verdict,
    /// The decoded token.
    pub credential: JwtVc,
}

/// Verifies an EdDSA VC-JWT / VP-JWT with a key from `trusted_keys` (by `kid`, else `iss`;
/// `did:key` resolves offline), then its time and `iss`/`aud` claims.
#[uniffi::export]
pub fn jwt_vc_verify(
    token: String,
    trusted_keys: Vec<TrustedKey>,
    policy: JwtCheckPolicy,
    limits: Option<SsiLimits>,
) -> Result<JwtVcCheck, SsiError> {
    let p = JwtPolicy {
        issuer: policy.issuer.as_deref(),
        audience: policy.audience.as_deref(),
        now: policy.now,
        leeway: policy.leeway,
        require_exp: policy.require_exp,
        accept_millisecond_times: policy.accept_millisecond_times,
    };
    let (verdict, credential) = jwt_vc::verify_jwt_vc(&token, &trust_store(&trusted_keys)?, &p, &self::limits(limits))?;
    Ok(JwtVcCheck { verdict: verdict.into(), credential: credential.into() })
}

/// The evaluation of a presentation definition against credentials.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct PeEvaluation {
    /// Valid when a satisfying submission can be selected.
    pub verdict: Verdict,
    /// The full evaluation (matches, unmet pairs with reasons, requirements, selection) as JSON.
    pub evaluation_json: String,
}

fn parse_inputs(
    definition_json: &str,
    credentials_json: &str,
    limits: &ssi_verify_core::Limits,
) -> Result<(PresentationDefinition, Vec<ssi_verify_core::presentation::evaluate::CredentialInput>), Error> {
    Ok((PresentationDefinition::parse(definition_json, limits)?, credentials_from_json(credentials_json, limits)?))
}

/// Evaluates a DIF Presentation Exchange v2 definition against credentials: a JSON array whose
/// objects are JSON-LD credentials and whose strings are compact JWT credentials.
#[uniffi::export]
pub fn pe_evaluate(
    definition_json: String,
    credentials_json: String,
    limits: Option<SsiLimits>,
) -> Result<PeEvaluation, SsiError> {
    let limits = self::limits(limits);
    let (definition, credentials) = parse_inputs(&definition_json, &credentials_json, &limits)?;
    let e = evaluate(&definition, &credentials, &limits)?;
    Ok(PeEvaluation { verdict: e.verdict.into(), evaluation_json: e.to_json() })
}

/// A `presentation_submission` and the credentials to embed with it.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct PeSubmission {
    /// The `presentation_submission` object as JSON.
    pub submission_json: String,
    /// Input indexes of the credentials to embed, in `verifiableCredential` order.
    pub credentials: Vec<u64>,
}

/// Builds the `presentation_submission` (with id `id`) for the credentials an evaluation selects.
#[uniffi::export]
pub fn pe_build_submission(
    definition_json: String,
    credentials_json: String,
    id: String,
    limits: Option<SsiLimits>,
) -> Result<PeSubmission, SsiError> {
    let limits = self::limits(limits);
    let (definition, credentials) = parse_inputs(&definition_json, &credentials_json, &limits)?;
    let e = evaluate(&definition, &credentials, &limits)?;
    let (submission, embed) = PresentationSubmission::for_selection(&id, &e, &credentials)?;
    Ok(PeSubmission {
        submission_json: submission.to_json(),
        credentials: embed.into_iter().map(|i| i as u64).collect(),
    })
}

/// One lint finding on a presentation definition.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct LintWarning {
    /// The input descriptor concerned (empty for a submission-requirement finding).
    pub descriptor_id: String,
    /// The field's path alternatives joined with `", "`, when about a field.
    pub field_path: Option<String>,
    /// A stable code such as `PATTERN_MATCHES_ANY_STRING`.
    pub code: String,
    /// An English explanation.
    pub message: String,
}

/// Lints a presentation definition: filters that accept anything, or nothing.
#[uniffi::export]
pub fn pe_lint(definition_json: String, limits: Option<SsiLimits>) -> Result<Vec<LintWarning>, SsiError> {
    let definition = PresentationDefinition::parse(&definition_json, &self::limits(limits))?;
    Ok(lint(&definition)
        .into_iter()
        .map(|w| LintWarning {
            descriptor_id: w.descriptor_id,
            field_path: w.field_path,
            code: w.code.to_owned(),
            message: w.message.to_owned(),
        })
        .collect())
}

/// What the verifier requires beyond the definition.
#[derive(Clone, Debug, Default, PartialEq, Eq, uniffi::Record)]
pub struct PresentationPolicy {
    /// The nonce / challenge the presentation proof must carry.
    pub challenge: Option<String>,
    /// The domain the presentation proof must carry.
    pub domain: Option<String>,
    /// Also accept the SHA-256 pre-hash readings of `JcsEd25519Signature2020`.
    pub allow_sha256_prehash: bool,
    /// Current time for JWT credentials, seconds since the epoch.
    pub now: u64,
}

/// The Gataca verification of a received presentation.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct PresentationVerification {
    /// Gataca's rule over the result: valid, or `INVALID_VERIFICATION_RESULT`.
    pub verdict: Verdict,
    /// Every check that passed, every warning and error.
    pub verification_result: VerificationResult,
}

/// Verifies a received presentation against a definition the way Gataca does.
/// `submission_json` is the `presentation_submission` when it travels separately (OpenID4VP);
/// `None` reads it from the presentation.
#[uniffi::export]
pub fn pe_verify_presentation(
    definition_json: String,
    presentation_json: String,
    submission_json: Option<String>,
    trusted_keys: Vec<TrustedKey>,
    policy: Option<PresentationPolicy>,
    limits: Option<SsiLimits>,
) -> Result<PresentationVerification, SsiError> {
    let limits = self::limits(limits);
    let p = policy.unwrap_or_default();
    let policy = VerifierPolicy {
        challenge: p.challenge.as_deref(),
        domain: p.domain.as_deref(),
        allow_sha256_prehash: p.allow_sha256_prehash,
        ..VerifierPolicy::at(p.now)
    };
    let definition = PresentationDefinition::parse(&definition_json, &limits)?;
    let presentation = read_presentation(&presentation_json, &limits)?;
    let submission = submission_json.map(|s| PresentationSubmission::parse(&s, &limits)).transpose()?;
    let keys = trust_store(&trusted_keys)?;
    let result = verify_presentation(&presentation, submission.as_ref(), &definition, &keys, &policy, &limits)?;
    Ok(PresentationVerification { verdict: result.verdict().into(), verification_result: result })
}
