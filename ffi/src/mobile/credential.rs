//! One credential verified on its own, and the presentation verification with verifier
//! profiles and status lists (issue 12). The reports are the core's JSON strings.

use std::sync::Arc;

use ssi_verify_core::crypto::did_key::TrustStore;
use ssi_verify_core::jsonld::ContextStore;
use ssi_verify_core::presentation::credential::{read_credential, verify_credential};
use ssi_verify_core::presentation::definition::PresentationDefinition;
use ssi_verify_core::presentation::status::StatusLists;
use ssi_verify_core::presentation::submission::PresentationSubmission;
use ssi_verify_core::presentation::verifier::{read_presentation, verify_presentation, Profile, VerifierPolicy};
use ssi_verify_core::Limits;

use super::{limits, SsiError, SsiLimits, Verdict};

/// The verifier profile.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, uniffi::Enum)]
pub enum VerifierProfile {
    /// The definition's format list decides; a status without its list, or an unverifiable
    /// definition proof, is "could not check".
    #[default]
    Strict,
    /// As Gataca's verifier: JcsEd25519Signature2020 accepted beside an `ldp` list, a missing
    /// status list and an unknown definition key are warnings.
    Gataca,
}

/// A status-list credential the caller fetched.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct StatusListCredential {
    /// The URL it was served at (the entries' `statusListCredential`).
    pub url: String,
    /// Its text as fetched: a JSON-LD object, a compact JWT, or a JSON string holding one.
    pub credential: String,
}

/// A JSON-LD context document the caller registers for Linked Data proofs.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct JsonLdContext {
    /// The URL documents name it by (`@context`).
    pub url: String,
    /// The document served at that URL: a JSON object whose `@context` is the context.
    pub document: String,
}

/// What `vc_verify` and `pe_verify` require beyond the inputs.
#[derive(Clone, Debug, Default, PartialEq, Eq, uniffi::Record)]
pub struct VerifyOptions {
    /// The nonce / challenge the presentation proof must carry (presentations only).
    pub challenge: Option<String>,
    /// The domain the presentation proof must carry (presentations only).
    pub domain: Option<String>,
    /// Also accept the SHA-256 pre-hash readings of `JcsEd25519Signature2020`.
    pub allow_sha256_prehash: bool,
    /// Current time, seconds since the epoch (validity periods, JWT times).
    pub now: u64,
    /// Allowed clock skew in seconds.
    pub leeway: u64,
    /// Strict (default) or Gataca.
    pub profile: VerifierProfile,
    /// The status-list credentials, by URL.
    pub status_lists: Vec<StatusListCredential>,
    /// JSON-LD contexts for Linked Data proofs, beside the bundled ones (nothing is fetched).
    #[uniffi(default = [])]
    pub contexts: Vec<JsonLdContext>,
}

/// A verification with its JSON report (written by the core).
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct VerificationReport {
    /// Valid, or `INVALID_VERIFICATION_RESULT`.
    pub verdict: Verdict,
    /// `vc_verify`: `{"valid","format","suite","issuer","checks","warnings","errors"}`;
    /// `pe_verify`: `{"checks","warnings","errors"}`.
    pub json: String,
}

/// What both verifications read before their documents, in the order every surface reads it
/// (the CLI's options, `ssi_vc_verify`, `ssi_pe_verify`): the trust store, the status lists
/// and the context store (kept for the process: its processed contexts serve later calls).
struct Setting {
    limits: Limits,
    keys: TrustStore,
    lists: StatusLists,
    contexts: Arc<ContextStore>,
}

impl Setting {
    fn new(trust_store_json: &str, options: &VerifyOptions, limits: Option<SsiLimits>) -> Result<Self, SsiError> {
        let limits = self::limits(limits);
        let keys = TrustStore::from_json(trust_store_json, &limits)?;
        let mut lists = StatusLists::new();
        for l in &options.status_lists {
            lists.insert(&l.url, &l.credential);
        }
        let docs: Vec<(&str, &str)> = options.contexts.iter().map(|c| (c.url.as_str(), c.document.as_str())).collect();
        let contexts = ContextStore::shared_with(&docs, &limits)?;
        Ok(Self { limits, keys, lists, contexts })
    }

    fn policy<'a>(&'a self, o: &'a VerifyOptions) -> VerifierPolicy<'a> {
        VerifierPolicy {
            challenge: o.challenge.as_deref(),
            domain: o.domain.as_deref(),
            allow_sha256_prehash: o.allow_sha256_prehash,
            now: o.now,
            leeway: o.leeway,
            profile: match o.profile {
                VerifierProfile::Strict => Profile::Strict,
                VerifierProfile::Gataca => Profile::Gataca,
            },
            status_lists: Some(&self.lists),
            contexts: Some(&self.contexts),
        }
    }
}

/// Verifies one credential (JSON-LD object with a JcsEd25519Signature2020,
/// Ed25519Signature2018, JsonWebSignature2020, EcdsaSecp256k1Signature2019, RsaSignature2018,
/// eddsa-rdfc-2022, ecdsa-rdfc-2019, eddsa-jcs-2022 or ecdsa-jcs-2019 proof, JSON
/// string holding a JWT, or bare JWT: EdDSA, ES256, ES256K). `trust_store_json` is `{"<DID or verification method>": "<Ed25519 hex>" |
/// <public JWK>}` (empty: none). An error means the credential could not be checked (e.g.
/// `STATUS_LIST_MISSING` under the strict profile, `UNKNOWN_CONTEXT` for a JSON-LD context
/// neither bundled nor in `options.contexts`, `UNDEFINED_TERM`).
#[uniffi::export]
pub fn vc_verify(
    credential: String,
    trust_store_json: String,
    options: VerifyOptions,
    limits: Option<SsiLimits>,
) -> Result<VerificationReport, SsiError> {
    let s = Setting::new(&trust_store_json, &options, limits)?;
    let report = verify_credential(&read_credential(&credential, &s.limits)?, &s.keys, &s.policy(&options), &s.limits)?;
    Ok(VerificationReport { verdict: report.result.verdict().into(), json: report.to_json() })
}

/// Verifies a presentation (JSON-LD VP, or JWT VP bare or as a JSON string) against a
/// definition, with a profile, a leeway and status lists. `submission_json` is the separate
/// `presentation_submission` (`None`: embedded).
#[uniffi::export]
pub fn pe_verify(
    definition_json: String,
    presentation: String,
    submission_json: Option<String>,
    trust_store_json: String,
    options: VerifyOptions,
    limits: Option<SsiLimits>,
) -> Result<VerificationReport, SsiError> {
    let setting = Setting::new(&trust_store_json, &options, limits)?;
    let limits = &setting.limits;
    let definition = PresentationDefinition::parse(&definition_json, limits)?;
    let presentation = read_presentation(&presentation, limits)?;
    let submission = submission_json.map(|s| PresentationSubmission::parse(&s, limits)).transpose()?;
    let policy = setting.policy(&options);
    let r = verify_presentation(&presentation, submission.as_ref(), &definition, &setting.keys, &policy, limits)?;
    Ok(VerificationReport { verdict: r.verdict().into(), json: r.to_json() })
}
