//! `ssi-verify demo`: the main job on the bundled sample set (samples/, compiled in).

use ssi_verify_core::crypto::did_key::TrustStore;
use ssi_verify_core::jose::JwsKey;
use ssi_verify_core::json::Value;
use ssi_verify_core::presentation::definition::PresentationDefinition;
use ssi_verify_core::presentation::lint::lint;
use ssi_verify_core::presentation::openid::AuthorizationRequest;
use ssi_verify_core::presentation::proof::{overall, verify_proofs, ProofExpectations};
use ssi_verify_core::presentation::result::WebhookPayload;
use ssi_verify_core::presentation::status::StatusLists;
use ssi_verify_core::presentation::verifier::{Profile, VerifierPolicy};
use ssi_verify_core::proofspace::auth::{self, BearerPolicy, Direction};
use ssi_verify_core::proofspace::values::{self, AttributeType};
use ssi_verify_core::proofspace::webhook::InteractionRequest;
use ssi_verify_core::smartid::{self, Flow, InteractionType, Reading};
use ssi_verify_core::{ErrorCode, Limits, Verdict};

use crate::args::Args;
use crate::{emit, pe, proofspace as ps, smartid as cmd, CmdResult, Failure};

/// The nonce of the Gataca seed's authorization request, which the sample presentation carries.
const GATACA_NONCE: &str = "5GpefxLWz3BzLmR69b4wskqeYgE5ZZ21jAvgLXNZNAe4";

/// The time the Gataca samples are verified at (2026-01-01T00:00:00Z): inside every sample
/// credential's validity period, and fixed so the demo's verdicts never drift.
const GATACA_NOW: u64 = 1_767_225_600;

/// The URL the issue-12 samples' status list is served at.
const STATUS_LIST_URL: &str = "https://status.example.org/credentials/status/1";

/// The service DID of the ProofSpace samples.
const SERVICE_DID: &str = "FhnK3hGQ6EeQHKztiHJ6pu";

/// The time the Smart-ID samples are verified at (2026-06-01T00:00:00Z, inside the DEMO
/// certificate's validity), so the demo gives the same answer whenever it runs.
const DEMO_NOW: u64 = 1_780_272_000;

macro_rules! sample {
    ($path:literal) => {
        ($path, include_str!(concat!("../../samples/", $path)))
    };
}

/// What a sample is expected to produce.
#[derive(Clone, Copy)]
enum Expect {
    Valid,
    Rejected(ErrorCode),
}

/// The step a sample runs.
#[derive(Clone, Copy)]
enum Action {
    Decode(Flow),
    Select(&'static [InteractionType]),
    Encode {
        expected_b64: (&'static str, &'static str),
    },
    DeviceLink {
        expected_code: (&'static str, &'static str),
    },
    /// Verified against the SK anchors in `roots` / `intermediates` at [`DEMO_NOW`].
    VerifyAuth {
        request: (&'static str, &'static str),
        roots: (&'static str, &'static str),
        intermediates: (&'static str, &'static str),
    },
    VerifyBody {
        key: (&'static str, &'static str),
        signature: (&'static str, &'static str),
    },
    CastCredentials {
        schemas: (&'static str, &'static str),
    },
    Cast(AttributeType),
    CheckResponse {
        request: (&'static str, &'static str),
        schemas: (&'static str, &'static str),
    },
    VerifyBearer {
        secret: (&'static str, &'static str),
        now: u64,
    },
    OpenIdRequest,
    PeEvaluate {
        credentials: (&'static str, &'static str),
    },
    PeLint,
    ProofVerify,
    GatacaWebhook,
    PeVerify {
        definition: (&'static str, &'static str),
        challenge: &'static str,
    },
    /// `pe verify --profile P --status-list URL=samples/gataca/issue12/status-list.json`
    /// (`--trust-store` when given).
    PeVerifyProfile {
        definition: (&'static str, &'static str),
        profile: Profile,
        trust_store: Option<(&'static str, &'static str)>,
    },
}

struct Sample {
    input: (&'static str, &'static str),
    action: Action,
    expect: Expect,
}

fn samples() -> Vec<Sample> {
    use Action::*;
    use Expect::*;
    vec![
        Sample { input: sample!("smartid/interactions-two.b64"), action: Decode(Flow::DeviceLink), expect: Valid },
        Sample {
            input: sample!("smartid/interactions-vc-choice.b64"),
            action: Decode(Flow::Notification),
            expect: Valid,
        },
        Sample {
            input: sample!("smartid/interactions-vc-choice.b64"),
            action: Decode(Flow::DeviceLink),
            expect: Rejected(ErrorCode::TypeNotAllowedForFlow),
        },
        Sample {
            input: sample!("smartid/interactions-too-long.b64"),
            action: Decode(Flow::Notification),
            expect: Rejected(ErrorCode::DisplayTextTooLong),
        },
        Sample {
            input: sample!("smartid/interactions-future-type.b64"),
            action: Select(&[InteractionType::DisplayTextAndPin]),
            expect: Valid,
        },
        Sample {
            input: sample!("smartid/interactions-future-type.b64"),
            action: Select(&[InteractionType::ConfirmationMessage]),
            expect: Rejected(ErrorCode::RequiredInteractionNotSupportedByApp),
        },
        Sample {
            input: sample!("smartid/interactions-mortgage.json"),
            action: Encode { expected_b64: sample!("smartid/interactions-mortgage.b64") },
            expect: Valid,
        },
        Sample {
            input: sample!("smartid/device-link-qr-auth.json"),
            action: DeviceLink { expected_code: sample!("smartid/device-link-qr-auth.expected") },
            expect: Valid,
        },
        Sample {
            input: sample!("smartid/auth-status-pss.json"),
            action: sk_test(sample!("smartid/auth-request-pss.json")),
            expect: Valid,
        },
        Sample {
            input: sample!("smartid/auth-status-pkcs1.json"),
            action: sk_test(sample!("smartid/auth-request-pkcs1.json")),
            expect: Valid,
        },
        Sample {
            input: sample!("smartid/auth-status-pss.json"),
            action: sk_test(sample!("smartid/auth-request-wrong-rp.json")),
            expect: Rejected(ErrorCode::SignatureMismatch),
        },
        Sample {
            input: sample!("smartid/auth-status-pss.json"),
            action: sk_live(sample!("smartid/auth-request-pss.json")),
            expect: Rejected(ErrorCode::UnknownIssuer),
        },
        Sample { input: sample!("proofspace/webhook-request.json"), action: body_signed_by_service(), expect: Valid },
        Sample {
            input: sample!("proofspace/webhook-request-tampered.json"),
            action: body_signed_by_service(),
            expect: Rejected(ErrorCode::SignatureMismatch),
        },
        Sample {
            input: sample!("proofspace/webhook-request.json"),
            action: CastCredentials { schemas: sample!("proofspace/access-schema.json") },
            expect: Valid,
        },
        Sample {
            input: sample!("proofspace/date-in-milliseconds.txt"),
            action: Cast(AttributeType::Date),
            expect: Rejected(ErrorCode::DateLooksLikeMilliseconds),
        },
        Sample { input: sample!("proofspace/webhook-response.json"), action: answers_webhook_request(), expect: Valid },
        Sample {
            input: sample!("proofspace/webhook-response-mismatch.json"),
            action: answers_webhook_request(),
            expect: Rejected(ErrorCode::ResponseMismatch),
        },
        Sample {
            input: sample!("proofspace/bearer-hs256.jwt"),
            action: VerifyBearer { secret: sample!("proofspace/bearer-secret.txt"), now: 1_800_000_000 },
            expect: Valid,
        },
        Sample {
            input: sample!("proofspace/bearer-hs256.jwt"),
            action: VerifyBearer { secret: sample!("proofspace/bearer-secret.txt"), now: 2_000_000_061 },
            expect: Rejected(ErrorCode::JwtExpired),
        },
        Sample { input: sample!("gataca/authentication-request.txt"), action: OpenIdRequest, expect: Valid },
        Sample {
            input: sample!("gataca/presentation-definition.json"),
            action: PeEvaluate { credentials: sample!("gataca/credentials-email.json") },
            expect: Valid,
        },
        Sample {
            input: sample!("gataca/presentation-definition.json"),
            action: PeEvaluate { credentials: sample!("gataca/credentials-phone-only.json") },
            expect: Rejected(ErrorCode::SubmissionRequirementNotSatisfied),
        },
        Sample { input: sample!("gataca/presentation-definition.json"), action: PeLint, expect: Valid },
        Sample { input: sample!("gataca/credential-signed.json"), action: ProofVerify, expect: Valid },
        Sample {
            input: sample!("gataca/credential-signed-tampered.json"),
            action: ProofVerify,
            expect: Rejected(ErrorCode::SignatureMismatch),
        },
        Sample { input: sample!("gataca/webhook.json"), action: GatacaWebhook, expect: Valid },
        Sample {
            input: sample!("gataca/presentation.json"),
            action: PeVerify { definition: sample!("gataca/email-definition.json"), challenge: GATACA_NONCE },
            expect: Valid,
        },
        Sample {
            input: sample!("gataca/presentation-tampered.json"),
            action: PeVerify { definition: sample!("gataca/email-definition.json"), challenge: GATACA_NONCE },
            expect: Rejected(ErrorCode::InvalidVerificationResult),
        },
        // Issue 12: the seed's definition, unmodified, under the gataca profile.
        Sample { input: sample!("gataca/issue12/vp-jcs.json"), action: gataca_seed(), expect: Valid },
        Sample { input: sample!("gataca/issue12/vp-es256.json"), action: gataca_seed(), expect: Valid },
        Sample { input: sample!("gataca/issue12/vp-es256k.jwt"), action: gataca_seed(), expect: Valid },
        Sample {
            input: sample!("gataca/issue12/vp-es256-revoked.json"),
            action: gataca_seed(),
            expect: Rejected(ErrorCode::InvalidVerificationResult),
        },
        Sample {
            input: sample!("gataca/issue12/vp-es256k.json"),
            action: PeVerifyProfile {
                definition: sample!("gataca/issue12/presentation-definition-resigned.json"),
                profile: Profile::Strict,
                trust_store: Some(sample!("gataca/issue12/trust-store.json")),
            },
            expect: Valid,
        },
    ]
}

/// `smartid verify-auth` against SK's DEMO (test) anchors.
fn sk_test(request: (&'static str, &'static str)) -> Action {
    Action::VerifyAuth {
        request,
        roots: sample!("smartid/sk-test-roots.pem"),
        intermediates: sample!("smartid/sk-test-intermediates.pem"),
    }
}

/// `smartid verify-auth` against SK's live anchors, which never sign a DEMO certificate.
fn sk_live(request: (&'static str, &'static str)) -> Action {
    Action::VerifyAuth {
        request,
        roots: sample!("smartid/sk-live-roots.pem"),
        intermediates: sample!("smartid/sk-live-intermediates.pem"),
    }
}

/// `proofspace verify-body` with the sample service key and the signature of the untampered body.
fn body_signed_by_service() -> Action {
    Action::VerifyBody {
        key: sample!("proofspace/service-public.pem"),
        signature: sample!("proofspace/webhook-request.sig.b64"),
    }
}

/// `proofspace check-response` against the sample webhook request and the room-key schema.
fn answers_webhook_request() -> Action {
    Action::CheckResponse {
        request: sample!("proofspace/webhook-request.json"),
        schemas: sample!("proofspace/room-key-schema.json"),
    }
}

fn gataca_seed() -> Action {
    Action::PeVerifyProfile {
        definition: sample!("gataca/presentation-definition.json"),
        profile: Profile::Gataca,
        trust_store: None,
    }
}

/// Runs one sample: `Ok(summary)` when it passed its checks, `Err(code)` when rejected.
fn run_one(s: &Sample) -> Result<String, Failure> {
    let text = s.input.1.trim_end_matches(['\n', '\r']);
    let limits = Limits::DEFAULT;
    match s.action {
        Action::Decode(flow) => {
            let list = smartid::decode(text, flow, &limits)?;
            let kinds: Vec<&str> = list.items.iter().map(|i| i.kind.name()).collect();
            Ok(format!("{} interaction(s): {}", list.items.len(), kinds.join(", ")))
        }
        Action::Select(supported) => {
            let wallet = smartid::read(text, Reading::Wallet, &limits)?;
            let pick = smartid::select(text, supported, &limits)?;
            Ok(format!("chose {} (skipped {} unknown)", pick.kind.name(), wallet.skipped))
        }
        Action::Encode { expected_b64 } => {
            let b64 = smartid::encode_json(s.input.1, Reading::AnyFlow, &limits)?;
            let expected = expected_b64.1.trim_end();
            if b64 != expected {
                return Err(Failure::rejected(ErrorCode::ValueMismatch, format!("encoded {b64}, expected {expected}")));
            }
            Ok(format!("{} Base64 characters, equal to the official example", b64.len()))
        }
        Action::DeviceLink { expected_code } => {
            let doc = crate::input::parse_json(s.input.1)?;
            let link = device_link_from(&doc)?;
            let expected = expected_code.1.trim_end();
            if link.auth_code != expected {
                return Err(Failure::rejected(
                    ErrorCode::ValueMismatch,
                    format!("authCode {} != {expected}", link.auth_code),
                ));
            }
            Ok(format!("authCode {} (official value)", link.auth_code))
        }
        Action::VerifyAuth { request, roots, intermediates } => {
            let trust = crate::smartid_trust::TrustFiles::from_pem(roots.1, intermediates.1, DEMO_NOW)?;
            let report = trust.with(|t| smartid::verify_auth_json(request.1, s.input.1, t, &Limits::DEFAULT))?;
            match report.verdict {
                Verdict::Valid => Ok(format!("trusted via {} (request {}): {}", roots.0, request.0, report.to_json())),
                Verdict::Invalid(code) => Err(Failure::rejected(code, format!("{} with {}", code.message(), roots.0))),
            }
        }
        Action::VerifyBody { key, signature } => {
            // The body is signed byte for byte, so the sample file is used untrimmed.
            verdict(ps::verify_body_texts(key.1, s.input.1.as_bytes(), signature.1)?, || {
                format!("X-Body-Signature valid ({} body bytes)", s.input.1.len())
            })
        }
        Action::CastCredentials { schemas } => cast_credentials(s.input.1, schemas.1),
        Action::Cast(ty) => Ok(values::cast(ty, text, None)?.to_json()),
        Action::CheckResponse { request, schemas } => {
            let (v, report) = ps::check_response_texts(request.1, s.input.1, &ps::schemas_from_text(schemas.1)?)?;
            match v {
                Verdict::Valid => Ok(format!("response answers {}", request.0)),
                Verdict::Invalid(code) => Err(Failure::rejected(code, report)),
            }
        }
        Action::VerifyBearer { secret, now } => {
            let secret = secret.1.trim_end_matches(['\n', '\r']);
            let policy = BearerPolicy {
                service_did: SERVICE_DID,
                direction: Direction::FromProofSpace,
                now,
                leeway: 60,
                require_exp: true,
                accept_millisecond_times: false,
            };
            let header = format!("Bearer {text}");
            let check = auth::verify_bearer(Some(&header), &JwsKey::Hmac(secret.as_bytes()), &policy, &limits)?;
            verdict(check.verdict, || format!("HS256 Bearer token valid at {now}"))
        }
        Action::OpenIdRequest => {
            let r = AuthorizationRequest::parse(text, &limits)?;
            Ok(format!("{} request from {}", r.response_mode.as_deref().unwrap_or("default-mode"), r.client_id))
        }
        Action::PeEvaluate { credentials } => {
            let (evaluation, _) = pe::evaluate_texts(s.input.1, credentials.1)?;
            let satisfied: Vec<&str> =
                evaluation.descriptors.iter().filter(|(_, ok)| *ok).map(|(id, _)| id.as_str()).collect();
            verdict(evaluation.verdict, || {
                format!("{} satisfies {} ({})", credentials.0, satisfied.join(", "), evaluation.definition_id)
            })
        }
        Action::PeLint => {
            let warnings = lint(&PresentationDefinition::parse(s.input.1, &limits)?);
            let codes: Vec<&str> = warnings.iter().map(|w| w.code).collect();
            Ok(format!("definition parsed; lint: {}", if codes.is_empty() { "clean".into() } else { codes.join(", ") }))
        }
        Action::ProofVerify => {
            let doc = Value::parse(s.input.1, &limits)?;
            let checks = verify_proofs(&doc, &TrustStore::new(), &ProofExpectations::default(), &limits)?;
            verdict(overall(&checks), || {
                format!("{} JcsEd25519Signature2020 proof(s) valid (did:key, offline)", checks.len())
            })
        }
        Action::PeVerify { definition, challenge } => {
            let policy = VerifierPolicy { challenge: Some(challenge), ..VerifierPolicy::at(GATACA_NOW) };
            let result = pe::verify_texts(definition.1, s.input.1, &TrustStore::new(), &policy)?;
            match result.verdict() {
                Verdict::Valid => Ok(format!("verificationResult checks: {}", result.checks.join(", "))),
                Verdict::Invalid(code) => Err(Failure::rejected(code, result.errors.join("; "))),
            }
        }
        Action::PeVerifyProfile { definition, profile, trust_store } => {
            let mut lists = StatusLists::new();
            lists.insert(STATUS_LIST_URL, include_str!("../../samples/gataca/issue12/status-list.json"));
            let keys = match trust_store {
                Some((_, text)) => crate::proof::trust_store_from_text(text)?,
                None => TrustStore::new(),
            };
            let policy = VerifierPolicy {
                challenge: Some(GATACA_NONCE),
                profile,
                status_lists: Some(&lists),
                ..VerifierPolicy::at(GATACA_NOW)
            };
            let result = pe::verify_texts(definition.1, s.input.1, &keys, &policy)?;
            match result.verdict() {
                Verdict::Valid => Ok(format!("{} profile, checks: {}", profile.name(), result.checks.join(", "))),
                Verdict::Invalid(code) => Err(Failure::rejected(code, result.errors.join("; "))),
            }
        }
        Action::GatacaWebhook => {
            let p = WebhookPayload::parse(s.input.1, &limits)?;
            Ok(format!("{} for {} with {} check(s)", p.status.name(), p.subject, p.verification_result.checks.len()))
        }
    }
}

fn verdict(v: Verdict, summary: impl FnOnce() -> String) -> Result<String, Failure> {
    match v {
        Verdict::Valid => Ok(summary()),
        Verdict::Invalid(code) => Err(Failure::rejected(code, code.message())),
    }
}

/// Casts every received credential of a webhook request with its schema.
fn cast_credentials(request: &str, schemas: &str) -> Result<String, Failure> {
    let request = InteractionRequest::parse(request, &Limits::DEFAULT)?;
    let schemas = ps::schemas_from_text(schemas)?;
    let mut typed_fields = 0;
    for c in &request.received_credentials {
        let schema = schemas
            .get(&c.schema_id)
            .ok_or_else(|| Failure::rejected(ErrorCode::InvalidFieldValue, format!("no schema for {}", c.schema_id)))?;
        match values::cast_credential(schema, &c.fields) {
            Ok(typed) => typed_fields += typed.len(),
            Err(issues) => {
                let code = issues.first().map_or(ErrorCode::InvalidFieldValue, |i| i.error.code());
                let all: Vec<String> = issues.iter().map(|i| format!("{}: {}", i.field, i.error)).collect();
                return Err(Failure::rejected(code, all.join("; ")));
            }
        }
    }
    Ok(format!("{} credential(s), {typed_fields} typed field(s)", request.received_credentials.len()))
}

fn device_link_from(doc: &ssi_verify_core::json::Value) -> Result<smartid::DeviceLink, Failure> {
    let f = crate::input::Fields::new(doc, cmd::DEVICE_LINK_FIELDS, "device-link request")?;
    Ok(smartid::device_link(&cmd::device_link_request(&f)?)?)
}

pub fn run(argv: &[String]) -> CmdResult {
    Args::parse(argv, &[])?.positional(0)?;
    let all = samples();
    let mut failures = 0usize;
    for s in &all {
        let what = match s.action {
            Action::Decode(flow) => format!("decode --flow {}", flow.name()),
            Action::Select(types) => {
                format!("select --supported {}", types.iter().map(|t| t.name()).collect::<Vec<_>>().join(","))
            }
            Action::Encode { .. } => "encode".to_owned(),
            Action::DeviceLink { .. } => "device-link".to_owned(),
            Action::VerifyAuth { .. } => "verify-auth".to_owned(),
            Action::VerifyBody { .. } => "proofspace verify-body".to_owned(),
            Action::CastCredentials { .. } => "proofspace cast (credentials)".to_owned(),
            Action::Cast(ty) => format!("proofspace cast --type {}", ty.name()),
            Action::CheckResponse { .. } => "proofspace check-response".to_owned(),
            Action::VerifyBearer { now, .. } => format!("proofspace verify-bearer --now {now}"),
            Action::OpenIdRequest => "gataca openid-request".to_owned(),
            Action::PeEvaluate { credentials } => format!("pe evaluate {}", credentials.0),
            Action::PeLint => "pe lint".to_owned(),
            Action::ProofVerify => "proof verify".to_owned(),
            Action::GatacaWebhook => "gataca check-webhook".to_owned(),
            Action::PeVerify { definition, .. } => format!("pe verify --definition {}", definition.0),
            Action::PeVerifyProfile { definition, profile, .. } => {
                format!("pe verify --profile {} --definition {}", profile.name(), definition.0)
            }
        };
        let outcome = run_one(s);
        let (ok, verdict) = match (&outcome, s.expect) {
            (Ok(summary), Expect::Valid) => (true, format!("valid: {summary}")),
            (Err(Failure::Rejected { code, message }), Expect::Rejected(want)) if *code == want => (
                true,
                format!(
                    "rejected {} as expected: {}",
                    code.name(),
                    message.trim_start_matches(&format!("{}: ", code.name()))
                ),
            ),
            (Ok(summary), Expect::Rejected(want)) => {
                (false, format!("accepted ({summary}) but {} was expected", want.name()))
            }
            (Err(Failure::Rejected { code, message }), _) => (false, format!("rejected {}: {message}", code.name())),
            (Err(Failure::Usage(m)), _) => (false, format!("usage error: {m}")),
        };
        if !ok {
            failures += 1;
        }
        emit(&format!("{} {} {}: {}\n", if ok { "PASS" } else { "FAIL" }, s.input.0, what, verdict));
    }
    emit(&format!("demo: {} samples, {} as expected\n", all.len(), all.len() - failures));
    if failures == 0 {
        Ok(())
    } else {
        Err(Failure::rejected(
            ErrorCode::ValueMismatch,
            format!("{failures} sample(s) did not give the expected verdict"),
        ))
    }
}
