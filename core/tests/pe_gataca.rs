//! The Gataca seed's presentation definition (samples/gataca/presentation-definition.json, the
//! session response of shared/seeds/gataca-verification.txt) against Gataca-shaped credentials
//! written from the seed: `did:gatc` issuers, an `emailCredential` type last in `type`, and the
//! `JcsEd25519Signature2020` proofs Gataca's own documents carry.
#![cfg(feature = "presentation")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code: a panic is a failed test

use ssi_verify_core::codec::base64url_encode;
use ssi_verify_core::json::Value;
use ssi_verify_core::presentation::definition::{Directive, PresentationDefinition, Rule, StatusRule};
use ssi_verify_core::presentation::evaluate::{evaluate, CredentialInput, RequirementStatus};
use ssi_verify_core::presentation::lint::lint;
use ssi_verify_core::presentation::submission::PresentationSubmission;
use ssi_verify_core::{ErrorCode, Limits, Verdict};

const L: Limits = Limits::DEFAULT;

fn seed_definition() -> PresentationDefinition {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../samples/gataca/presentation-definition.json"))
            .unwrap();
    PresentationDefinition::parse(&text, &L).unwrap()
}

fn ld(text: &str) -> CredentialInput {
    CredentialInput::JsonLd(Value::parse(text, &L).unwrap())
}

fn email_credential(issuer: &str, proof_type: Option<&str>) -> CredentialInput {
    let proof = proof_type.map_or(String::new(), |t| {
        format!(
            r#","proof":{{"type":"{t}","created":"2025-01-27T18:33:35Z","creator":"{issuer}#keys-1","verificationMethod":"{issuer}#keys-1","proofPurpose":"assertionMethod","signatureValue":"lo75h936wQw3Jok41N1C6jzrEt5Sb20KBQ8xdefG1UOuKHmX11cTJAHZzNSyXJHEy95pCIcTY2UMDcUuhGuyDQ"}}"#
        )
    });
    ld(&format!(
        r#"{{"@context":["https://www.w3.org/2018/credentials/v1"],"id":"urn:uuid:6a3c1c2e","type":["VerifiableCredential","emailCredential"],
        "issuer":"{issuer}","issuanceDate":"2025-01-20T10:00:00Z","credentialSubject":{{"id":"did:gatc:2kX8subject","email":"ann@example.org"}}{proof}}}"#
    ))
}

#[test]
fn the_seed_definition_parses() {
    let pd = seed_definition();
    assert_eq!(pd.id, "4m8TLXcRUDpMrXkzorhoTpwMu6pkw4pUtHVSBf422c98");
    let kept: Vec<&str> = pd.extensions.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(kept, ["dataAgreement", "proof"]);
    let designations: Vec<&str> = pd.format.as_ref().unwrap().iter().map(|f| f.designation.as_str()).collect();
    assert_eq!(designations, ["jwt", "jwt_vp", "ldp", "ldp_vp"]);
    let d = &pd.input_descriptors[0];
    assert_eq!((d.id.as_str(), d.group.as_slice()), ("emailCredential", &["mandatory".to_owned()][..]));
    assert_eq!(d.constraints.statuses.active.as_ref().unwrap().directive, Some(StatusRule::Required));
    assert!(d.constraints.fields[0].intent_to_retain);
    assert_eq!(d.constraints.fields[1].path.len(), 3);
    let srs = pd.submission_requirements.as_ref().unwrap();
    assert_eq!((srs[0].rule, srs[1].rule, srs[1].min), (Rule::All, Rule::Pick, Some(0)));
    assert_eq!(d.constraints.fields[0].predicate, None::<Directive>);
}

#[test]
fn a_gataca_email_credential_satisfies_it() {
    let pd = seed_definition();
    let good = email_credential("did:gatc:24gsRbsURij3edoveHv81jt9EnhggrnR", Some("Ed25519Signature2018"));
    let e = evaluate(&pd, std::slice::from_ref(&good), &L).unwrap();
    assert_eq!(e.verdict, Verdict::Valid, "{}", e.to_json());
    assert_eq!(e.requirements[0].status, RequirementStatus::Satisfied);
    // "Optional data": pick min 0 from a group nobody is in.
    assert_eq!((e.requirements[1].status, e.requirements[1].available), (RequirementStatus::Satisfied, 0));
    let m = &e.matches[0];
    assert_eq!(m.fields[0].location.as_deref(), Some("$['type'][1]"));
    assert_eq!(m.fields[1].path.as_deref(), Some("$.issuer"));
    assert_eq!(e.unchecked[0].constraint, "statuses");

    // The holder's submission, built with a caller-chosen id, checks out against a VP.
    let (ps, embed) = PresentationSubmission::for_selection("submission-1", &e, std::slice::from_ref(&good)).unwrap();
    assert_eq!(embed, [0]);
    let CredentialInput::JsonLd(vc) = &good else { unreachable!() };
    let vp = Value::parse(
        &format!(r#"{{"type":["VerifiablePresentation"],"verifiableCredential":[{}]}}"#, vc.to_json()),
        &L,
    )
    .unwrap();
    let received = PresentationSubmission::parse(&ps.to_json(), &L).unwrap();
    assert_eq!(received.check(&pd, &vp, &L).unwrap().verdict, Verdict::Valid);
}

#[test]
fn a_jwt_email_credential_satisfies_it_through_the_vc_paths() {
    let header = base64url_encode(br#"{"alg":"EdDSA","typ":"JWT"}"#);
    let payload = base64url_encode(
        br#"{"iss":"did:gatc:24gsRbsURij3edoveHv81jt9EnhggrnR","sub":"did:gatc:2kX8subject","vc":{"type":["VerifiableCredential","emailCredential"],"credentialSubject":{"email":"ann@example.org"}}}"#,
    );
    let jwt = CredentialInput::from_jwt(&format!("{header}.{payload}.c2ln"), &L).unwrap();
    let e = evaluate(&seed_definition(), &[jwt], &L).unwrap();
    assert_eq!(e.verdict, Verdict::Valid, "{}", e.to_json());
    assert_eq!(e.matches[0].fields[0].path.as_deref(), Some("$.vc.type[-1:]"));
    assert_eq!(e.matches[0].fields[1].path.as_deref(), Some("$.iss"));
}

#[test]
fn a_phone_credential_does_not() {
    let phone =
        ld(r#"{"type":["VerifiableCredential","phoneCredential"],"issuer":"did:gatc:24gsRbsURij3edoveHv81jt9EnhggrnR",
        "credentialSubject":{"phone":"+34600000000"}}"#);
    let e = evaluate(&seed_definition(), &[phone], &L).unwrap();
    assert_eq!(e.verdict, Verdict::Invalid(ErrorCode::SubmissionRequirementNotSatisfied));
    assert_eq!(e.requirements[0].status, RequirementStatus::Unsatisfied);
    let u = &e.unmet[0];
    assert_eq!((u.code, u.field_index, u.path.as_deref()), (ErrorCode::ValueMismatch, Some(0), Some("$.type[-1:]")));
    assert!(e.selection.is_empty());
}

#[test]
fn the_issuer_pattern_lets_every_issuer_through_and_lint_says_so() {
    // `(||||did:gatc:...|...)` matches the empty string, so as an unanchored search it matches
    // every issuer: an email credential from anyone satisfies the "trusted issuer" field.
    let pd = seed_definition();
    let anyone = email_credential("did:web:attacker.example", None);
    assert!(evaluate(&pd, &[anyone], &L).unwrap().verdict.is_valid());
    let warnings = lint(&pd);
    let issuer = warnings.iter().find(|w| w.field_path.as_deref() == Some("$.issuer, $.vc.issuer, $.iss")).unwrap();
    assert_eq!((issuer.descriptor_id.as_str(), issuer.code), ("emailCredential", "PATTERN_MATCHES_ANY_STRING"));
    assert!(warnings.iter().any(|w| w.code == "GROUP_WITHOUT_DESCRIPTORS"));
}

#[test]
fn jcs_signed_credentials_are_outside_the_listed_proof_types() {
    // The definition's `ldp` entry lists JsonWebSignature2020, Ed25519Signature2018,
    // EcdsaSecp256k1Signature2019 and RsaSignature2018, but not the JcsEd25519Signature2020
    // suite Gataca signs its own documents with.
    let jcs = email_credential("did:gatc:24gsRbsURij3edoveHv81jt9EnhggrnR", Some("JcsEd25519Signature2020"));
    let e = evaluate(&seed_definition(), &[jcs], &L).unwrap();
    assert_eq!(e.unmet[0].code, ErrorCode::CredentialFormatNotAccepted);
    assert!(!e.verdict.is_valid());
}
