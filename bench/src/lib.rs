//! Inputs and comparison implementations for the ssi-verify benchmarks.
//!
//! Every input is either a committed sample or vector, or generated here from a fixed seed, so
//! the Criterion benches, the memory table and the Node comparison (which reads the files
//! [`write_inputs`] writes) all measure the same bytes. The `std_*` functions are what a user
//! would write without this library, from the crates the vendors' own samples use; each does the
//! same checks as the ssi-verify operation it is compared with (see BENCHMARKS.md).

pub mod ecdsa_jwt;
pub mod ldp;
pub mod rsa_verify;
pub mod smartid_trust;

use std::fmt::Write as _;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use rand_chacha::rand_core::SeedableRng as _;
use rsa::pkcs8::{EncodePublicKey as _, LineEnding};
use rsa::signature::{SignatureEncoding as _, Signer as _};
use serde::Deserialize;

use ssi_verify_core::crypto::ed25519::{Ed25519PublicKey, Ed25519SecretKey};
use ssi_verify_core::crypto::PublicKey;
use ssi_verify_core::jose::{verify_jwt, JwsKey, JwtPolicy};
use ssi_verify_core::json::{jcs, jsonpath, Value};
use ssi_verify_core::presentation::definition::PresentationDefinition;
use ssi_verify_core::presentation::evaluate::{evaluate, CredentialInput};
use ssi_verify_core::presentation::proof::{verify_proofs, ProofExpectations};
use ssi_verify_core::proofspace::auth::{parse_public_key, sign_body_ed25519, verify_body_signature};
use ssi_verify_core::proofspace::request_view::RequestView;
use ssi_verify_core::proofspace::values::CredentialSchema;
use ssi_verify_core::smartid::{decode_in, device_link, DeviceLinkRequest, DeviceLinkType, Flow, SessionType};
use ssi_verify_core::{crypto::did_key::TrustStore, Error, ErrorCode, Limits, Verdict};

/// Errors of fixture building and verdict cross-checks: a message for the bench to stop on.
pub type Outcome<T> = Result<T, String>;

fn fail<T>(what: impl core::fmt::Display) -> Outcome<T> {
    Err(what.to_string())
}

fn core_err(context: &'static str) -> impl Fn(Error) -> String {
    move |e| format!("{context}: {e}")
}

// ---------------------------------------------------------------------------------------------
// Committed inputs.
// ---------------------------------------------------------------------------------------------

/// The official mortgage interactions example (two entries, escaped euro signs), Base64.
pub const INTERACTIONS_B64: &str = include_str!("../../samples/smartid/interactions-mortgage.b64");
/// The Gataca seed presentation definition.
pub const DEFINITION: &str = include_str!("../../samples/gataca/presentation-definition.json");
/// A did:key credential with a JcsEd25519Signature2020 proof.
pub const SIGNED_CREDENTIAL: &str = include_str!("../../samples/gataca/credential-signed.json");
/// ProofSpace bearer-token vectors: claims, HS256 and EdDSA tokens.
pub const JWT_TOKENS: &str = include_str!("../../tests/vectors/proofspace-jwt/tokens.json");
/// The HS256 shared secret of [`JWT_TOKENS`].
pub const JWT_HS256_SECRET: &[u8] = include_bytes!("../../tests/vectors/proofspace-jwt/hs256-secret.bin");
/// The Ed25519 seed (hex) of [`JWT_TOKENS`]' EdDSA token.
pub const JWT_ED25519_SEED_HEX: &str = include_str!("../../tests/vectors/proofspace-jwt/ed25519-seed.hex");
/// The issuer and audience the JWT vectors carry.
pub const JWT_ISSUER: &str = "FhnK3hGQ6EeQHKztiHJ6pu";

/// The official QR / certificate-choice device-link request (authCode vector).
pub const DEVICE_LINK_REQUEST: DeviceLinkRequest<'static> = DeviceLinkRequest {
    scheme_name: "smart-id",
    device_link_base: "https://smart-id.com/device-link",
    link_type: DeviceLinkType::Qr,
    session_type: SessionType::Cert,
    session_token: "wGIrqveE6AuGDATZKmR1mtAZ",
    session_secret: "B98ODiVCebRedSwdTk51zFSaGYyHtY1H2A0ocAi3/Ps=",
    rp_challenge: None,
    digest: None,
    relying_party_name: "DEMO",
    brokered_rp_name: Some("Example RP"),
    interactions: None,
    initial_callback_url: None,
    lang: Some("eng"),
    elapsed_seconds: Some(22),
};
/// The authCode the vector expects.
pub const EXPECTED_AUTH_CODE: &str = "T5pDDPAjoMS0byqS-FoaWVjlubODXoCCF4XDB4HeYNo";

// ---------------------------------------------------------------------------------------------
// Generated inputs.
// ---------------------------------------------------------------------------------------------

/// The credential schemas the generated webhook body's credentials follow, by schema id.
pub const WEBHOOK_SCHEMAS: [(&str, &str); 2] = [
    (
        "FhnK3hGQ6EeQHKztiHJ6pu:2:Member Card:1.0",
        r#"{"attributes":[{"name":"Name","type":"Text"},{"name":"Born","type":"Date"},{"name":"Points","type":"Number"},{"name":"Photo","type":"ImageURL"},{"name":"Level","type":"Enumeration","enumValues":[{"name":"Guest","value":0},{"name":"Silver","value":1},{"name":"Gold","value":2}]}]}"#,
    ),
    (
        "FhnK3hGQ6EeQHKztiHJ6pu:2:Room Key:1.0",
        r#"{"attributes":[{"name":"Room","type":"Number"},{"name":"Valid Until","type":"Date"},{"name":"Level","type":"Enumeration","enumValues":[{"name":"Guest","value":0},{"name":"VIP","value":1}]}]}"#,
    ),
];

/// A ~2 KiB interaction webhook request: action parameters and six credentials of the
/// [`WEBHOOK_SCHEMAS`], every field typed (Text, Date, Number, ImageURL, Enumeration).
#[must_use]
pub fn webhook_body() -> String {
    let mut creds = Vec::new();
    for i in 0..6u32 {
        let (schema, fields) = if i % 2 == 0 {
            (
                WEBHOOK_SCHEMAS[0].0,
                format!(
                    r#"[{{"name":"Name","value":"Member {i} Example-Person"}},{{"name":"Born","value":"{}"}},{{"name":"Points","value":"{}.5"}},{{"name":"Photo","value":"https://img.example.org/members/{i}.png"}},{{"name":"Level","value":"{}"}}]"#,
                    631_152_000u64 + u64::from(i) * 86_400,
                    1000 + i * 37,
                    i % 3
                ),
            )
        } else {
            (
                WEBHOOK_SCHEMAS[1].0,
                format!(
                    r#"[{{"name":"Room","value":"{}"}},{{"name":"Valid Until","value":"{}"}},{{"name":"Level","value":"{}"}}]"#,
                    100 + i,
                    1_767_225_600u64 + u64::from(i) * 3_600,
                    i % 2
                ),
            )
        };
        creds.push(format!(
            r#"{{"credentialId":"FhnK3hGQ6EeQHKztiHJ6pu:3:CL:{i}:tag","schemaId":"{schema}","fields":{fields},"utcIssuedAt":{},"revoked":false}}"#,
            1_648_800_000_000u64 + u64::from(i)
        ));
    }
    format!(
        r#"{{"publicServiceDid":"FhnK3hGQ6EeQHKztiHJ6pu","subscriberConnectDid":"subscriberConnectDid_54321","actionId":"a1","actionInstanceId":"ai1","actionEventId":"ev1","actionParams":[{{"name":"gate","value":"north"}},{{"name":"terminal","value":"kiosk-7"}}],"receivedCredentials":[{}]}}"#,
        creds.join(",")
    )
}

/// The parsed [`WEBHOOK_SCHEMAS`].
///
/// # Errors
/// A schema that does not parse.
pub fn webhook_schemas() -> Outcome<Vec<(String, CredentialSchema)>> {
    WEBHOOK_SCHEMAS
        .iter()
        .map(|(id, text)| {
            CredentialSchema::parse(text, &Limits::DEFAULT).map(|s| ((*id).to_owned(), s)).map_err(core_err("schema"))
        })
        .collect()
}

/// A signed webhook body with its RSA-2048 and Ed25519 keys and `X-Body-Signature` values.
#[derive(Debug)]
pub struct SignedWebhook {
    /// The request body.
    pub body: String,
    /// RSA-2048 public key, SPKI PEM.
    pub rsa_pem: String,
    /// PKCS#1 v1.5 + SHA3-256 signature, standard Base64.
    pub rsa_signature: String,
    /// Ed25519 public key as parsed by ssi-verify.
    pub ed25519_key: PublicKey,
    /// Ed25519 public key bytes (for the ed25519-dalek comparison).
    pub ed25519_public: [u8; 32],
    /// Ed25519 signature over the body, standard Base64.
    pub ed25519_signature: String,
}

/// Generates [`webhook_body`] and signs it with an RSA-2048 key drawn from a fixed-seed ChaCha20
/// generator and a fixed Ed25519 seed (key generation takes a moment; call once).
///
/// # Errors
/// Key generation or encoding failures.
pub fn signed_webhook() -> Outcome<SignedWebhook> {
    let body = webhook_body();
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(0x5510_2048);
    let private = rsa::RsaPrivateKey::new(&mut rng, 2048).map_err(|e| format!("RSA key generation: {e}"))?;
    let rsa_pem = private.to_public_key().to_public_key_pem(LineEnding::LF).map_err(|e| format!("PEM: {e}"))?;
    let signer = rsa::pkcs1v15::SigningKey::<sha3::Sha3_256>::new(private);
    let rsa_signature = base64::engine::general_purpose::STANDARD.encode(signer.sign(body.as_bytes()).to_bytes());
    let secret = Ed25519SecretKey::from_bytes(&[0x42; 32]);
    let ed25519_signature = sign_body_ed25519(&secret, body.as_bytes());
    let public = secret.public_key();
    Ok(SignedWebhook {
        body,
        rsa_pem,
        rsa_signature,
        ed25519_public: public.to_bytes(),
        ed25519_key: PublicKey::Ed25519(public),
        ed25519_signature,
    })
}

/// `n` JSON-LD credentials for the seed definition, as one JSON array: three in four are
/// `emailCredential`s (the definition's type), the fourth a `phoneCredential`, issuers rotating
/// over the definition's list and one it does not name.
#[must_use]
pub fn credentials_json(n: usize) -> String {
    const ISSUERS: [&str; 4] = [
        "did:gatc:24gsRbsURij3edoveHv81jt9EnhggrnR",
        "did:ebsi:zx23VjG43EsmTuTA3EvQQnd",
        "did:gatc:24uATHrisWkLFnDMgRHcwQvzkjLB8tWE",
        "did:example:not-listed",
    ];
    let mut out = String::from("[");
    for i in 0..n {
        let (kind, claim) = if i % 4 == 3 {
            ("phoneCredential", format!(r#""phone":"+3725550{i:04}""#))
        } else {
            ("emailCredential", format!(r#""email":"holder{i}@example.org""#))
        };
        if i > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            r#"{{"@context":["https://www.w3.org/2018/credentials/v1"],"id":"urn:uuid:00000000-0000-4000-8000-{i:012}","type":["VerifiableCredential","{kind}"],"issuer":"{}","issuanceDate":"2025-01-20T10:00:00Z","credentialSubject":{{"id":"did:example:holder{i}",{claim}}}}}"#,
            ISSUERS.get(i % ISSUERS.len()).unwrap_or(&ISSUERS[0])
        );
    }
    out.push(']');
    out
}

/// The credentials of [`credentials_json`] as evaluation inputs.
///
/// # Errors
/// A parse failure (a generator bug).
pub fn credential_inputs(json: &str) -> Outcome<Vec<CredentialInput>> {
    // 100,000 credentials are about 30 MB of text: the bound on one document is raised to fit.
    let limits = Limits { max_input_bytes: json.len().max(bench_limits().max_input_bytes), ..bench_limits() };
    let doc = Value::parse(json, &limits).map_err(core_err("credentials"))?;
    let items = doc.as_array().ok_or("credentials are not an array")?;
    Ok(items.iter().cloned().map(CredentialInput::JsonLd).collect())
}

/// Default limits with room for the 1 MB document and 10,000 credentials (the default 4 MiB
/// input bound already fits; items are raised from 200,000 so the 1 MB document's ~100,000
/// values and the selections over it stay well inside).
#[must_use]
pub fn bench_limits() -> Limits {
    Limits { max_items: 2_000_000, ..Limits::DEFAULT }
}

/// A ~1 MB JSON document: a store of books, each with scalars, a tag array and a nested
/// object, for JSONPath selection.
#[must_use]
pub fn big_document() -> String {
    let mut out = String::from(r#"{"store":{"name":"bench","book":["#);
    let mut i = 0u32;
    while out.len() < 1_000_000 {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            r#"{{"category":"{}","author":"Author {}","title":"Title number {i}","price":{}.{:02},"isbn":"0-{i:06}-00-0","tags":["t{}","t{}"],"meta":{{"pages":{},"inStock":{}}}}}"#,
            ["fiction", "reference", "poetry"].get(i as usize % 3).unwrap_or(&"fiction"),
            i % 97,
            i % 40,
            i % 100,
            i % 7,
            i % 11,
            100 + i % 900,
            i % 2 == 0
        );
        i += 1;
    }
    out.push_str(r#"]}}"#);
    out
}

/// The JSONPath queries run on [`big_document`]: a wildcard projection, a descendant search and
/// a filter.
pub const JSONPATH_QUERIES: [(&str, &str); 3] = [
    ("wildcard", "$.store.book[*].author"),
    ("descendant", "$..price"),
    ("filter", "$.store.book[?@.price < 10 && @.category == 'poetry'].title"),
];

// ---------------------------------------------------------------------------------------------
// ssi-verify operations, as benched and measured.
// ---------------------------------------------------------------------------------------------

/// Smart-ID: Base64-decode and strictly validate an interactions parameter into `scratch`
/// (no heap); returns the number of interactions and the total text length.
///
/// # Errors
/// The first broken rule.
pub fn smartid_decode(b64: &str, scratch: &mut [u8]) -> Result<(usize, usize), Error> {
    let list = decode_in(b64, Flow::DeviceLink, &Limits::DEFAULT, scratch)?;
    Ok((list.as_slice().len(), list.as_slice().iter().map(|i| i.text.len()).sum()))
}

/// Smart-ID: the device link and its authCode for [`DEVICE_LINK_REQUEST`].
///
/// # Errors
/// A request that does not validate.
pub fn auth_code() -> Result<String, Error> {
    device_link(&DEVICE_LINK_REQUEST).map(|l| l.auth_code)
}

/// ProofSpace webhook check: `X-Body-Signature` over the exact body, then the request parsed
/// and every credential field cast by its schema; returns the number of typed fields.
///
/// # Errors
/// A bad signature, a malformed request, an unknown schema or a field that does not cast.
pub fn webhook_check(
    key: &PublicKey,
    body: &str,
    signature: &str,
    schemas: &[(String, CredentialSchema)],
) -> Result<usize, Error> {
    let verdict = verify_body_signature(key, body.as_bytes(), signature)?;
    if let Verdict::Invalid(code) = verdict {
        return Err(Error::code_only(code));
    }
    let request = RequestView::parse(body, &Limits::DEFAULT)?;
    let mut typed = 0;
    for credential in &request.received_credentials {
        let schema = schemas
            .iter()
            .find(|(id, _)| *id == credential.schema_id)
            .map(|(_, s)| s)
            .ok_or_else(|| Error::new(ErrorCode::InvalidFieldValue, "credential of an unknown schema"))?;
        typed += credential
            .cast(schema)
            .map_err(|_| Error::new(ErrorCode::InvalidFieldValue, "a field does not cast"))?
            .len();
    }
    Ok(typed)
}

/// The current Unix time in seconds (0 if the clock is before 1970).
#[must_use]
pub fn unix_now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// The JWT policy both sides check: issuer and audience of the vectors, `exp` required.
#[must_use]
pub fn jwt_policy(now: u64) -> JwtPolicy<'static> {
    JwtPolicy { issuer: Some(JWT_ISSUER), audience: Some(JWT_ISSUER), ..JwtPolicy::at(now) }
}

/// Verifies a compact JWT with ssi-verify; `true` when signature and claims pass.
///
/// # Errors
/// A malformed token.
pub fn jwt_verify(token: &str, key: &JwsKey<'_>, policy: &JwtPolicy<'_>) -> Result<bool, Error> {
    Ok(verify_jwt(token, key, policy, &Limits::DEFAULT)?.verdict.is_valid())
}

/// JCS (RFC 8785) of a JSON text with ssi-verify.
///
/// # Errors
/// A text that is not I-JSON.
pub fn jcs_canonicalize(text: &str) -> Result<String, Error> {
    jcs::canonicalize_str(text, &Limits::DEFAULT)
}

/// Parses a credential and verifies its JcsEd25519Signature2020 proofs (did:key resolved
/// offline); `true` when every proof is valid.
///
/// # Errors
/// A malformed credential or proof.
pub fn verify_jcs_ed25519(text: &str) -> Result<bool, Error> {
    let doc = Value::parse(text, &Limits::DEFAULT)?;
    let checks = verify_proofs(&doc, &TrustStore::new(), &ProofExpectations::default(), &Limits::DEFAULT)?;
    Ok(!checks.is_empty() && checks.iter().all(|c| c.verdict.is_valid()))
}

/// Presentation Exchange evaluation; returns (definition satisfied, matched pairs).
///
/// # Errors
/// Limit errors.
pub fn pe_evaluate(
    definition: &PresentationDefinition,
    credentials: &[CredentialInput],
) -> Result<(bool, usize), Error> {
    let e = evaluate(definition, credentials, &bench_limits())?;
    Ok((e.verdict.is_valid(), e.matches.len()))
}

/// JSONPath selection with ssi-verify (query parsed each time), values only as
/// serde_json_path's `query` gives them; returns the node count.
///
/// # Errors
/// A malformed query or a limit.
pub fn jsonpath_select(query: &str, doc: &Value) -> Result<usize, Error> {
    Ok(jsonpath::select_values(query, doc, &bench_limits())?.len())
}

// ---------------------------------------------------------------------------------------------
// The straightforward std implementations.
// ---------------------------------------------------------------------------------------------

/// One interaction as the Smart-ID docs' Rust sample models it, with owned texts (the escapes
/// in real texts, e.g. `\u20ac`, need decoding) and unknown members refused.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StdInteraction {
    /// `type`.
    #[serde(rename = "type")]
    pub kind: String,
    /// `displayText60`.
    #[serde(rename = "displayText60")]
    pub text60: Option<String>,
    /// `displayText200`.
    #[serde(rename = "displayText200")]
    pub text200: Option<String>,
}

/// Smart-ID with serde_json + base64, the same rules as [`smartid_decode`] for a device-link
/// flow: strict padded Base64, UTF-8 JSON array of 1 to 3 objects, only `type` and display
/// texts (duplicates refused by serde), a known type allowed in device-link flows, each type
/// once, exactly the display text the type uses, 1 to 60 or 200 characters.
///
/// # Errors
/// The first broken rule, as text.
pub fn std_smartid_decode(b64: &str) -> Outcome<Vec<StdInteraction>> {
    let bytes = base64::engine::general_purpose::STANDARD.decode(b64).map_err(|e| e.to_string())?;
    let items: Vec<StdInteraction> = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
    if items.is_empty() || items.len() > 3 {
        return fail("interactions must list 1 to 3 entries");
    }
    let mut seen: Vec<&str> = Vec::with_capacity(3);
    for item in &items {
        let (text, max) = match (item.kind.as_str(), &item.text60, &item.text200) {
            ("displayTextAndPIN", Some(t), None) => (t, 60),
            ("confirmationMessage", None, Some(t)) => (t, 200),
            ("confirmationMessageAndVerificationCodeChoice", _, _) => return fail("type not allowed in this flow"),
            ("displayTextAndPIN" | "confirmationMessage", _, _) => return fail("wrong display text field"),
            _ => return fail("unknown interaction type"),
        };
        let chars = text.chars().count();
        if chars == 0 || chars > max {
            return fail("display text empty or too long");
        }
        if seen.contains(&item.kind.as_str()) {
            return fail("duplicate interaction type");
        }
        seen.push(&item.kind);
    }
    Ok(items)
}

/// The authCode for [`DEVICE_LINK_REQUEST`] built by hand with `format!`, hmac, sha2 and
/// base64 (the fields are fixed, so it validates nothing: a lower bound for any real code).
///
/// # Errors
/// A session secret that is not Base64.
pub fn std_auth_code() -> Outcome<String> {
    use hmac::Mac as _;
    let r = &DEVICE_LINK_REQUEST;
    let std64 = base64::engine::general_purpose::STANDARD;
    let secret = std64.decode(r.session_secret).map_err(|e| e.to_string())?;
    let unprotected = format!(
        "{}?deviceLinkType=QR&elapsedSeconds=22&sessionToken={}&sessionType=cert&version=1.0&lang=eng",
        r.device_link_base, r.session_token
    );
    let payload = format!(
        "{}|||{}|{}|||{unprotected}",
        r.scheme_name,
        std64.encode(r.relying_party_name),
        std64.encode(r.brokered_rp_name.unwrap_or_default())
    );
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(&secret).map_err(|e| e.to_string())?;
    mac.update(payload.as_bytes());
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes()))
}

/// The RSA-2048 body signature with the rsa crate directly (PKCS#1 v1.5, SHA3-256).
///
/// # Errors
/// A signature that is not Base64.
pub fn std_rsa_body_signature(
    key: &rsa::pkcs1v15::VerifyingKey<sha3::Sha3_256>,
    body: &[u8],
    sig: &str,
) -> Outcome<bool> {
    let bytes = base64::engine::general_purpose::STANDARD.decode(sig.trim()).map_err(|e| e.to_string())?;
    let signature = rsa::pkcs1v15::Signature::try_from(bytes.as_slice()).map_err(|e| e.to_string())?;
    Ok(rsa::signature::Verifier::verify(key, body, &signature).is_ok())
}

/// The Ed25519 body signature with ed25519-dalek directly (strict verification).
///
/// # Errors
/// A signature that is not Base64 or not 64 bytes.
pub fn std_ed25519_body_signature(key: &ed25519_dalek::VerifyingKey, body: &[u8], sig: &str) -> Outcome<bool> {
    let bytes = base64::engine::general_purpose::STANDARD.decode(sig.trim()).map_err(|e| e.to_string())?;
    let signature = ed25519_dalek::Signature::from_slice(&bytes).map_err(|e| e.to_string())?;
    Ok(key.verify_strict(body, &signature).is_ok())
}

/// The RSA-2048 verifying key for [`std_rsa_body_signature`].
///
/// # Errors
/// A PEM that does not parse.
pub fn std_rsa_key(pem: &str) -> Outcome<rsa::pkcs1v15::VerifyingKey<sha3::Sha3_256>> {
    use rsa::pkcs8::DecodePublicKey as _;
    let key = rsa::RsaPublicKey::from_public_key_pem(pem).map_err(|e| e.to_string())?;
    Ok(rsa::pkcs1v15::VerifyingKey::new(key))
}

/// A jsonwebtoken validation matching [`jwt_policy`]: algorithm pinned, `exp` required,
/// issuer and audience checked, 60 s leeway.
#[must_use]
pub fn jsonwebtoken_validation(alg: jsonwebtoken::Algorithm) -> jsonwebtoken::Validation {
    let mut v = jsonwebtoken::Validation::new(alg);
    v.set_issuer(&[JWT_ISSUER]);
    v.set_audience(&[JWT_ISSUER]);
    v.validate_nbf = true;
    v.leeway = 60;
    v
}

/// Verifies a compact JWT with jsonwebtoken, claims into a serde_json value.
#[must_use]
pub fn jsonwebtoken_verify(
    token: &str,
    key: &jsonwebtoken::DecodingKey,
    validation: &jsonwebtoken::Validation,
) -> bool {
    jsonwebtoken::decode::<serde_json::Value>(token, key, validation).is_ok()
}

/// JCS the way most Rust code does it: serde_json parse, then serde_jcs.
///
/// # Errors
/// Invalid JSON.
pub fn std_jcs(text: &str) -> Outcome<String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    serde_jcs::to_string(&value).map_err(|e| e.to_string())
}

/// JSONPath with serde_json_path (query parsed each time); returns the node count.
///
/// # Errors
/// A malformed query.
pub fn std_jsonpath(query: &str, doc: &serde_json::Value) -> Outcome<usize> {
    let path = serde_json_path::JsonPath::parse(query).map_err(|e| e.to_string())?;
    Ok(path.query(doc).all().len())
}

// ---------------------------------------------------------------------------------------------
// Everything parsed once, and both sides checked to agree.
// ---------------------------------------------------------------------------------------------

/// Every bench input, prepared outside the timed code.
#[derive(Debug)]
pub struct Fixtures {
    /// The Smart-ID interactions text (trimmed).
    pub interactions: &'static str,
    /// The signed webhook.
    pub webhook: SignedWebhook,
    /// Its RSA-2048 key as ssi-verify parses it.
    pub webhook_rsa: PublicKey,
    /// Its RSA-2048 key for the rsa crate.
    pub webhook_rsa_std: rsa::pkcs1v15::VerifyingKey<sha3::Sha3_256>,
    /// Its Ed25519 key for ed25519-dalek.
    pub webhook_ed25519_std: ed25519_dalek::VerifyingKey,
    /// The schemas of its credentials.
    pub schemas: Vec<(String, CredentialSchema)>,
    /// The HS256 token.
    pub jwt_hs256: String,
    /// The EdDSA token.
    pub jwt_eddsa: String,
    /// The EdDSA public key.
    pub jwt_ed25519: Ed25519PublicKey,
    /// "now" for both JWT sides.
    pub now: u64,
    /// The ES256 token with its keys (ssi-verify's and `p256`'s).
    pub es256: ecdsa_jwt::EcdsaJwt<p256::ecdsa::VerifyingKey>,
    /// The ES256K token with its keys (ssi-verify's and `k256`'s).
    pub es256k: ecdsa_jwt::EcdsaJwt<k256::ecdsa::VerifyingKey>,
    /// SK's TEST chain of the DEMO authentication response.
    pub smartid_chain: smartid_trust::SmartIdChain,
    /// The parsed seed definition.
    pub definition: PresentationDefinition,
    /// The 1 MB document, text.
    pub big_document: String,
}

/// The JWT vectors' tokens.
///
/// # Errors
/// A vector file that does not parse.
pub fn jwt_tokens() -> Outcome<(String, String)> {
    let doc = Value::parse(JWT_TOKENS, &Limits::DEFAULT).map_err(core_err("tokens.json"))?;
    let get =
        |name: &str| doc.get(name).and_then(Value::as_str).map(str::to_owned).ok_or(format!("tokens.json: no {name}"));
    Ok((get("hs256")?, get("eddsa")?))
}

fn hex32(hex: &str) -> Outcome<[u8; 32]> {
    let hex = hex.trim();
    let mut out = [0u8; 32];
    if hex.len() != 64 {
        return fail("seed is not 64 hex digits");
    }
    for (i, byte) in out.iter_mut().enumerate() {
        let digits = hex.get(2 * i..2 * i + 2).ok_or("short hex")?;
        *byte = u8::from_str_radix(digits, 16).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

impl Fixtures {
    /// Builds every input and checks, once, that ssi-verify and each comparison reach the same
    /// verdict on it.
    ///
    /// # Errors
    /// The first disagreement or broken input, described.
    pub fn new() -> Outcome<Self> {
        let webhook = signed_webhook()?;
        let (jwt_hs256, jwt_eddsa) = jwt_tokens()?;
        let jwt_ed25519 = Ed25519SecretKey::from_bytes(&hex32(JWT_ED25519_SEED_HEX)?).public_key();
        let now = unix_now();
        // Checked as they are built: both sides accept them and refuse changed ones.
        let (es256, es256k) = ecdsa_jwt::checked(now)?;
        let f = Fixtures {
            interactions: INTERACTIONS_B64.trim(),
            webhook_rsa: parse_public_key(&webhook.rsa_pem).map_err(core_err("RSA PEM"))?,
            webhook_rsa_std: std_rsa_key(&webhook.rsa_pem)?,
            webhook_ed25519_std: ed25519_dalek::VerifyingKey::from_bytes(&webhook.ed25519_public)
                .map_err(|e| e.to_string())?,
            webhook,
            schemas: webhook_schemas()?,
            jwt_hs256,
            jwt_eddsa,
            jwt_ed25519,
            now,
            es256,
            es256k,
            smartid_chain: smartid_trust::SmartIdChain::checked()?,
            definition: PresentationDefinition::parse(DEFINITION, &Limits::DEFAULT).map_err(core_err("definition"))?,
            big_document: big_document(),
        };
        f.cross_check()?;
        Ok(f)
    }

    /// The jsonwebtoken key for the EdDSA vector.
    #[must_use]
    pub fn jsonwebtoken_ed25519_key(&self) -> jsonwebtoken::DecodingKey {
        let x = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(self.jwt_ed25519.to_bytes());
        jsonwebtoken::DecodingKey::from_ed_components(&x)
            .unwrap_or_else(|_| jsonwebtoken::DecodingKey::from_secret(&[]))
    }

    fn cross_check(&self) -> Outcome<()> {
        // Smart-ID: same entries, same decoded texts.
        let mut scratch = [0u8; 512];
        let ours = decode_in(self.interactions, Flow::DeviceLink, &Limits::DEFAULT, &mut scratch)
            .map_err(core_err("Smart-ID decode"))?;
        let theirs = std_smartid_decode(self.interactions)?;
        let same =
            ours.as_slice().len() == theirs.len()
                && ours.as_slice().iter().zip(&theirs).all(|(a, b)| {
                    Some(a.text) == b.text60.as_deref().or(b.text200.as_deref()) && a.kind.name() == b.kind
                });
        if !same {
            return fail("Smart-ID: serde_json+base64 decoded other interactions");
        }
        let broken = "W3sidHlwZSI6ImRpc3BsYXlUZXh0QW5kUElOIn1d"; // [{"type":"displayTextAndPIN"}]
        let mut scratch2 = [0u8; 64];
        if decode_in(broken, Flow::DeviceLink, &Limits::DEFAULT, &mut scratch2).is_ok()
            || std_smartid_decode(broken).is_ok()
        {
            return fail("Smart-ID: an entry without display text was accepted");
        }
        // authCode.
        if auth_code().map_err(core_err("authCode"))? != EXPECTED_AUTH_CODE || std_auth_code()? != EXPECTED_AUTH_CODE {
            return fail("authCode differs from the vector");
        }
        // Webhook: both keys verify, a changed body does not, every field casts.
        let w = &self.webhook;
        let fields = webhook_check(&self.webhook_rsa, &w.body, &w.rsa_signature, &self.schemas)
            .map_err(core_err("webhook RSA"))?;
        webhook_check(&w.ed25519_key, &w.body, &w.ed25519_signature, &self.schemas)
            .map_err(core_err("webhook Ed25519"))?;
        if fields != 24 || !(2048..=2560).contains(&w.body.len()) {
            return fail(format!("webhook: {fields} typed fields in a {} B body", w.body.len()));
        }
        let changed = w.body.replacen("north", "south", 1);
        if webhook_check(&self.webhook_rsa, &changed, &w.rsa_signature, &self.schemas).is_ok()
            || std_rsa_body_signature(&self.webhook_rsa_std, changed.as_bytes(), &w.rsa_signature)?
            || std_ed25519_body_signature(&self.webhook_ed25519_std, changed.as_bytes(), &w.ed25519_signature)?
        {
            return fail("webhook: a changed body verified");
        }
        if !std_rsa_body_signature(&self.webhook_rsa_std, w.body.as_bytes(), &w.rsa_signature)?
            || !std_ed25519_body_signature(&self.webhook_ed25519_std, w.body.as_bytes(), &w.ed25519_signature)?
        {
            return fail("webhook: rsa / ed25519-dalek reject the body signature");
        }
        // JWT: both libraries accept both vectors and reject a changed signature.
        let policy = jwt_policy(self.now);
        let hs_key = jsonwebtoken::DecodingKey::from_secret(JWT_HS256_SECRET);
        let ed_key = self.jsonwebtoken_ed25519_key();
        let hs_v = jsonwebtoken_validation(jsonwebtoken::Algorithm::HS256);
        let ed_v = jsonwebtoken_validation(jsonwebtoken::Algorithm::EdDSA);
        let ours_hs = |t: &str| jwt_verify(t, &JwsKey::Hmac(JWT_HS256_SECRET), &policy).unwrap_or(false);
        let ours_ed = |t: &str| jwt_verify(t, &JwsKey::Ed25519(&self.jwt_ed25519), &policy).unwrap_or(false);
        let tamper = |t: &str| format!("{}A", t.trim_end_matches(|c| c != '.'));
        if !(ours_hs(&self.jwt_hs256)
            && ours_ed(&self.jwt_eddsa)
            && jsonwebtoken_verify(&self.jwt_hs256, &hs_key, &hs_v)
            && jsonwebtoken_verify(&self.jwt_eddsa, &ed_key, &ed_v))
        {
            return fail("JWT: a vector token was rejected");
        }
        if ours_hs(&tamper(&self.jwt_hs256))
            || ours_ed(&tamper(&self.jwt_eddsa))
            || jsonwebtoken_verify(&tamper(&self.jwt_hs256), &hs_key, &hs_v)
            || jsonwebtoken_verify(&tamper(&self.jwt_eddsa), &ed_key, &ed_v)
        {
            return fail("JWT: a token without its signature was accepted");
        }
        // JCS: byte-identical output.
        if jcs_canonicalize(DEFINITION).map_err(core_err("JCS"))? != std_jcs(DEFINITION)? {
            return fail("JCS: ssi-verify and serde_jcs disagree on the seed definition");
        }
        // JcsEd25519Signature2020.
        if !verify_jcs_ed25519(SIGNED_CREDENTIAL).map_err(core_err("JcsEd25519"))? {
            return fail("JcsEd25519Signature2020: the signed credential did not verify");
        }
        // PE: the definition is met by one email credential and not by one phone credential; of
        // 100, the 75 email credentials match (bench/node/bench.mjs checks @sphereon/pex agrees).
        let one = credential_inputs(&credentials_json(1))?;
        let hundred = credential_inputs(&credentials_json(100))?;
        if pe_evaluate(&self.definition, &one).map_err(core_err("PE"))? != (true, 1)
            || pe_evaluate(&self.definition, hundred.get(3..4).unwrap_or(&[])).map_err(core_err("PE"))?.0
            || pe_evaluate(&self.definition, &hundred).map_err(core_err("PE"))?.1 != 75
        {
            return fail("PE: unexpected evaluation of the generated credentials");
        }
        // JSONPath: same node counts.
        let ours_doc = Value::parse(&self.big_document, &bench_limits()).map_err(core_err("1 MB document"))?;
        let theirs_doc: serde_json::Value = serde_json::from_str(&self.big_document).map_err(|e| e.to_string())?;
        for (name, query) in JSONPATH_QUERIES {
            let a = jsonpath_select(query, &ours_doc).map_err(core_err("JSONPath"))?;
            let b = std_jsonpath(query, &theirs_doc)?;
            if a != b || a == 0 {
                return fail(format!("JSONPath {name}: ssi-verify selects {a} nodes, serde_json_path {b}"));
            }
        }
        Ok(())
    }
}

/// Writes the inputs the Node comparison reads into `dir`: the definition and its JCS, credential arrays of
/// 1, 100 and 10,000, and the JWT vectors (HS256, EdDSA, ES256, ES256K) with their keys.
///
/// # Errors
/// I/O errors.
pub fn write_inputs(dir: &Path) -> Outcome<()> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let write = |name: &str, data: &[u8]| std::fs::write(dir.join(name), data).map_err(|e| format!("{name}: {e}"));
    write("presentation-definition.json", DEFINITION.as_bytes())?;
    // Node's `canonicalize` must write exactly these bytes before it is timed.
    write("presentation-definition.jcs.json", jcs_canonicalize(DEFINITION).map_err(core_err("JCS"))?.as_bytes())?;
    for n in PE_SIZES {
        write(&format!("credentials-{n}.json"), credentials_json(n).as_bytes())?;
    }
    let (hs256, eddsa) = jwt_tokens()?;
    let public = Ed25519SecretKey::from_bytes(&hex32(JWT_ED25519_SEED_HEX)?).public_key();
    let x = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(public.to_bytes());
    let (es256, es256k) = (ecdsa_jwt::es256()?, ecdsa_jwt::es256k()?);
    let jwt = format!(
        r#"{{"hs256":"{hs256}","eddsa":"{eddsa}","hs256_secret_b64":"{}","ed25519_x":"{x}","issuer":"{JWT_ISSUER}","es256":"{}","es256_xy":["{}","{}"],"es256k":"{}","es256k_xy":["{}","{}"]}}"#,
        base64::engine::general_purpose::STANDARD.encode(JWT_HS256_SECRET),
        es256.token,
        es256.jwk_xy.0,
        es256.jwk_xy.1,
        es256k.token,
        es256k.jwk_xy.0,
        es256k.jwk_xy.1,
    );
    write("jwt.json", jwt.as_bytes())?;
    rsa_verify::write_rsa_inputs(dir)?;
    ldp::write_inputs(dir)
}

/// The credential counts PE evaluation is measured at (the last with fewer Criterion samples).
pub const PE_SIZES: [usize; 4] = [1, 100, 10_000, 100_000];
