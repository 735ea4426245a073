//! ProofSpace end to end: a signed webhook request is verified, parsed, cast against a schema
//! and answered; Bearer tokens of every key kind; the interaction rules of the seed page.
#![cfg(feature = "proofspace")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

use std::collections::BTreeMap;

use serde_json::Value as Json;
use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;
use ssi_verify_core::crypto::rsa::RsaKey;
use ssi_verify_core::crypto::PublicKey;
use ssi_verify_core::jose::{JwsKey, RsaJwsAlg};
use ssi_verify_core::proofspace::auth::{self, BearerPolicy, Direction};
use ssi_verify_core::proofspace::rules::{self, Concurrency, EventStatus};
use ssi_verify_core::proofspace::values::{cast_credential, CredentialSchema, NameValue, TypedValue};
use ssi_verify_core::proofspace::webhook::{check_response, Credential, InteractionRequest, InteractionResponse};
use ssi_verify_core::{ErrorCode, Limits, Verdict};

fn read(dir: &str, name: &str) -> Vec<u8> {
    let path = format!("{}/../tests/vectors/{dir}/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("missing vector file {path}: {e}"))
}

fn text(dir: &str, name: &str) -> String {
    String::from_utf8(read(dir, name)).unwrap()
}

#[test]
fn signed_request_to_answered_response() {
    let body = read("proofspace", "rsa4096-body.json");
    let key = auth::parse_public_key(&text("proofspace", "rsa4096-public.pem")).unwrap();
    let sig = text("proofspace", "rsa4096-body.sig.b64");
    assert_eq!(
        auth::verify_body_signature(&key, &body, auth::single_header(Some(&sig)).unwrap()).unwrap(),
        Verdict::Valid
    );

    let request = InteractionRequest::parse(std::str::from_utf8(&body).unwrap(), &Limits::DEFAULT).unwrap();
    assert_eq!(request.action_event_id, "ev1");
    let received = &request.received_credentials[0];
    assert_eq!(received.schema_id, "FhnK3hGQ6EeQHKztiHJ6pu:2:Example Secret Access:1.0");

    let schema =
        CredentialSchema::parse(r#"{"attributes":[{"name":"Access Level","type":"Text"}]}"#, &Limits::DEFAULT).unwrap();
    let typed = cast_credential(&schema, &received.fields).unwrap();
    assert_eq!(typed, [("Access Level".to_owned(), TypedValue::Text("Super Secret Level".into()))]);

    // The kiosk answers, issuing a credential whose fields satisfy the issued schema.
    let issued_schema = CredentialSchema::parse(
        r#"{"attributes":[{"name":"Room","type":"Number"},{"name":"Valid Until","type":"Date"},{"name":"Level","type":"Enumeration","enumValues":[{"name":"Guest","value":0},{"name":"VIP","value":1}]}]}"#,
        &Limits::DEFAULT,
    )
    .unwrap();
    let fields =
        vec![NameValue::new("Room", "204"), NameValue::new("Valid Until", "1893456000"), NameValue::new("Level", "1")];
    let issued =
        Credential::new("FhnK3hGQ6EeQHKztiHJ6pu:3:CL:700:room", "FhnK3hGQ6EeQHKztiHJ6pu:2:Room Key:1.0", fields);
    let response = InteractionResponse::answering(&request, vec![issued.clone()]);
    let json = response.to_json();
    let parsed: Json = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed["serviceDid"], "FhnK3hGQ6EeQHKztiHJ6pu");
    assert_eq!(parsed["actionEventId"], "ev1");
    assert_eq!(parsed["issuedCredentials"][0]["fields"][2]["value"], "1");

    let mut schemas = BTreeMap::new();
    schemas.insert(issued.schema_id.clone(), issued_schema);
    let back = InteractionResponse::parse(&json, &Limits::DEFAULT).unwrap();
    assert_eq!(check_response(&request, &back, &schemas).unwrap().0, Verdict::Valid);

    // A wrong echo and two bad fields are all reported, not only the first.
    let mut bad = back.clone();
    bad.subscriber_connect_did = "someone else".into();
    bad.issued_credentials[0].fields[1].value = "1893456000000".into();
    bad.issued_credentials[0].fields[2].value = "7".into();
    let (verdict, mismatches) = check_response(&request, &bad, &schemas).unwrap();
    assert_eq!(verdict, Verdict::Invalid(ErrorCode::ResponseMismatch));
    let codes: Vec<ErrorCode> = mismatches.iter().map(|m| m.error.code()).collect();
    assert_eq!(
        codes,
        [ErrorCode::ResponseMismatch, ErrorCode::DateLooksLikeMilliseconds, ErrorCode::EnumerationNotInSchema]
    );

    // The kiosk signs its answer with the Ed25519 scheme; ProofSpace-side verification works.
    let seed = ssi_verify_core::codec::hex_decode(text("proofspace-jwt", "ed25519-seed.hex").trim()).unwrap();
    let sk = Ed25519SecretKey::from_slice(&seed).unwrap();
    let pk = auth::parse_public_key(&text("proofspace-jwt", "ed25519-public.pem")).unwrap();
    assert!(matches!(pk, PublicKey::Ed25519(ref k) if k == &sk.public_key()));
    let sig = auth::sign_body_ed25519(&sk, json.as_bytes());
    assert_eq!(auth::verify_body_signature(&pk, json.as_bytes(), &sig).unwrap(), Verdict::Valid);
    // The RSA key cannot verify an Ed25519 signature: the key decides, the signature cannot.
    assert!(auth::verify_body_signature(&key, json.as_bytes(), &sig).is_err());
}

fn policy(direction: Direction, now: u64) -> BearerPolicy<'static> {
    BearerPolicy {
        service_did: "FhnK3hGQ6EeQHKztiHJ6pu",
        direction,
        now,
        leeway: 30,
        require_exp: true,
        accept_millisecond_times: false,
    }
}

#[test]
fn bearer_tokens_of_every_key_kind() {
    let tokens: Json = serde_json::from_str(&text("proofspace-jwt", "tokens.json")).unwrap();
    let secret = read("proofspace-jwt", "hs256-secret.bin");
    let rsa = RsaKey::from_spki_pem(&text("proofspace-jwt", "rsa2048-public.pem"), 2048..=4096).unwrap();
    let ed = match auth::parse_public_key(&text("proofspace-jwt", "ed25519-public.pem")).unwrap() {
        PublicKey::Ed25519(k) => k,
        PublicKey::Rsa(_) => unreachable!(),
    };
    let cases = [
        ("hs256", JwsKey::Hmac(&secret)),
        ("rs256", JwsKey::Rsa(&rsa, RsaJwsAlg::Rs256)),
        ("rs512", JwsKey::Rsa(&rsa, RsaJwsAlg::Rs512)),
        ("eddsa", JwsKey::Ed25519(&ed)),
    ];
    let now = 1_800_000_000;
    for (name, key) in &cases {
        let header = format!("Bearer {}", tokens[name].as_str().unwrap());
        for dir in [Direction::FromProofSpace, Direction::ToProofSpace] {
            let check = auth::verify_bearer(Some(&header), key, &policy(dir, now), &Limits::DEFAULT).unwrap();
            assert_eq!(check.verdict, Verdict::Valid, "{name}");
            assert_eq!(check.claims.get("role").and_then(|v| v.as_str()), Some("issue-credential"));
        }
        let expired = auth::verify_bearer(
            Some(&header),
            key,
            &policy(Direction::FromProofSpace, 2_000_000_031),
            &Limits::DEFAULT,
        );
        assert_eq!(expired.unwrap().verdict, Verdict::Invalid(ErrorCode::JwtExpired), "{name}");
        let early = auth::verify_bearer(
            Some(&header),
            key,
            &policy(Direction::FromProofSpace, 1_699_999_969),
            &Limits::DEFAULT,
        );
        assert_eq!(early.unwrap().verdict, Verdict::Invalid(ErrorCode::JwtNotYetValid), "{name}");
        let other = BearerPolicy { service_did: "someone", ..policy(Direction::FromProofSpace, now) };
        assert_eq!(
            auth::verify_bearer(Some(&header), key, &other, &Limits::DEFAULT).unwrap().verdict,
            Verdict::Invalid(ErrorCode::JwtIssuerMismatch)
        );
        // Every other key refuses the token before verifying anything.
        for (other_name, other_key) in &cases {
            if other_name != name {
                let e = auth::verify_bearer(
                    Some(&header),
                    other_key,
                    &policy(Direction::FromProofSpace, now),
                    &Limits::DEFAULT,
                );
                assert_eq!(e.unwrap_err().code(), ErrorCode::JwtAlgMismatch, "{name} with {other_name}");
            }
        }
        // A changed byte in the payload fails the signature.
        let token = tokens[name].as_str().unwrap();
        let mut parts: Vec<String> = token.split('.').map(String::from).collect();
        let claims = String::from_utf8(ssi_verify_core::codec::base64url_decode(&parts[1]).unwrap()).unwrap();
        parts[1] =
            ssi_verify_core::codec::base64url_encode(claims.replace("issue-credential", "issue-credentiaL").as_bytes());
        let tampered = format!("Bearer {}", parts.join("."));
        assert_eq!(
            auth::verify_bearer(Some(&tampered), key, &policy(Direction::FromProofSpace, now), &Limits::DEFAULT)
                .unwrap()
                .verdict,
            Verdict::Invalid(ErrorCode::SignatureMismatch),
            "{name}"
        );
    }
    let ms = format!("Bearer {}", tokens["hs256_exp_in_milliseconds"].as_str().unwrap());
    let key = JwsKey::Hmac(&secret);
    assert_eq!(
        auth::verify_bearer(Some(&ms), &key, &policy(Direction::FromProofSpace, now), &Limits::DEFAULT)
            .unwrap_err()
            .code(),
        ErrorCode::JwtExpInMilliseconds
    );
    let lenient = BearerPolicy { accept_millisecond_times: true, ..policy(Direction::FromProofSpace, now) };
    assert!(auth::verify_bearer(Some(&ms), &key, &lenient, &Limits::DEFAULT).unwrap().verdict.is_valid());
    assert_eq!(
        auth::verify_bearer(None, &key, &policy(Direction::FromProofSpace, now), &Limits::DEFAULT).unwrap_err().code(),
        ErrorCode::HeaderMissing
    );
}

#[test]
fn interaction_rules_of_the_seed_page() {
    assert_eq!(
        rules::render("Welcome to Room {{Room Number}}!", &[("Room Number", "2")]).unwrap(),
        "Welcome to Room 2!"
    );
    assert_eq!(rules::render("Room {{Room}}", &[]).unwrap_err().code(), ErrorCode::UnknownTemplateParameter);
    assert_eq!(rules::render("Room {{Room", &[("Room", "2")]).unwrap_err().code(), ErrorCode::UnclosedPlaceholder);
    assert_eq!(
        rules::may_start(Concurrency::Once, &[EventStatus::Complete]),
        Verdict::Invalid(ErrorCode::InteractionAlreadyCompleted)
    );
    assert_eq!(rules::may_start(Concurrency::Sequenced, &[EventStatus::Complete]), Verdict::Valid);
    assert_eq!(
        rules::may_start(Concurrency::Sequenced, &[EventStatus::InProgress]),
        Verdict::Invalid(ErrorCode::InteractionInProgress)
    );
    assert_eq!(rules::may_start(Concurrency::Concurrent, &[EventStatus::InProgress]), Verdict::Valid);
    assert_eq!(
        rules::check_template_edit(&rules::InitiationMedia::IncomingPush).unwrap_err().code(),
        ErrorCode::TemplateNotEditable
    );
    let mut form =
        rules::PrefilledForm::new(vec![("Name".into(), "Mari".into()), ("Email".into(), String::new())], &["Name"])
            .unwrap();
    assert_eq!(form.set("Name", "Jaan").unwrap_err().code(), ErrorCode::FieldReadOnly);
    form.set("Email", "mari@example.com").unwrap();
}
