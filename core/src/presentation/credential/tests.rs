use super::*;

const L: Limits = Limits::DEFAULT;
const T: u64 = 1_750_000_000; // 2025-06-15T15:06:40Z

fn doc(members: &str) -> Value {
    Value::parse(&format!("{{{members}}}"), &L).unwrap()
}

#[test]
fn validity_bounds_are_inclusive_of_the_leeway() {
    // 2025-06-15T15:07:40Z is T + 60, 15:05:40Z is T - 60.
    let from = doc(r#""validFrom":"2025-06-15T15:07:40Z""#);
    assert_eq!(check_validity(&from, T, 60).unwrap(), Verdict::Valid);
    assert_eq!(check_validity(&from, T, 59).unwrap(), Verdict::Invalid(ErrorCode::CredentialNotYetValid));
    let until = doc(r#""validUntil":"2025-06-15T15:05:40Z""#);
    assert_eq!(check_validity(&until, T, 60).unwrap(), Verdict::Valid);
    assert_eq!(check_validity(&until, T, 59).unwrap(), Verdict::Invalid(ErrorCode::CredentialExpired));
}

#[test]
fn the_2_0_dates_come_before_the_1_1_ones() {
    let both = doc(r#""validFrom":"2030-01-01T00:00:00Z","issuanceDate":"2020-01-01T00:00:00Z""#);
    assert_eq!(check_validity(&both, T, 0).unwrap(), Verdict::Invalid(ErrorCode::CredentialNotYetValid));
    let both = doc(r#""validUntil":"2020-01-01T00:00:00Z","expirationDate":"2030-01-01T00:00:00Z""#);
    assert_eq!(check_validity(&both, T, 0).unwrap(), Verdict::Invalid(ErrorCode::CredentialExpired));
    let only_old = doc(r#""issuanceDate":"2020-01-01T00:00:00Z","expirationDate":"2021-01-01T00:00:00Z""#);
    assert_eq!(check_validity(&only_old, T, 0).unwrap(), Verdict::Invalid(ErrorCode::CredentialExpired));
    assert_eq!(check_validity(&doc(r#""validFrom":null"#), T, 0).unwrap(), Verdict::Valid);
}

#[test]
fn malformed_dates_are_errors_not_verdicts() {
    let e = check_validity(&doc(r#""validFrom":"2025-06-15""#), T, 0).unwrap_err();
    assert_eq!((e.code(), e.detail()), (ErrorCode::InvalidCredential, "a validity date is not an RFC 3339 date-time"));
    let e = check_validity(&doc(r#""expirationDate":1"#), T, 0).unwrap_err();
    assert_eq!((e.code(), e.detail()), (ErrorCode::InvalidCredential, "a validity date is not a string"));
}

#[test]
fn credentials_are_read_as_received() {
    assert!(matches!(read_credential(" \n{}\n", &L).unwrap(), CredentialInput::JsonLd(_)));
    assert_eq!(read_credential("[{}]", &L).unwrap_err().code(), ErrorCode::UnexpectedJsonType);
    let jwt = "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6ZXhhbXBsZToxIn0.";
    assert!(matches!(read_credential(&format!("\" {jwt} \""), &L).unwrap(), CredentialInput::Jwt { .. }));
    assert!(read_credential("not a jwt", &L).is_err());
}

#[test]
fn a_report_puts_the_credential_beside_the_result() {
    let mut result = VerificationResult::default();
    result.pass(Check::CredentialProof);
    let report = CredentialReport {
        format: "jwt_vc",
        suite: String::from("ES256"),
        issuer: Some(String::from("did:ex:i")),
        result: result.clone(),
    };
    assert!(report.is_valid());
    assert_eq!(
        report.to_json(),
        r#"{"valid":true,"format":"jwt_vc","suite":"ES256","issuer":"did:ex:i","checks":["credentialProof"],"warnings":[],"errors":[]}"#
    );
    result.fail("x");
    let failed = CredentialReport { format: "ldp_vc", suite: String::new(), issuer: None, result };
    assert!(!failed.is_valid());
    assert!(failed.to_json().starts_with(r#"{"valid":false,"format":"ldp_vc","suite":"","issuer":null,"#));
}

#[test]
fn issuers_and_signers() {
    assert_eq!(issuer_of(&doc(r#""issuer":{"id":"did:ex:i","name":"n"}"#)), Some("did:ex:i"));
    assert_eq!(issuer_of(&doc(r#""issuer":"did:ex:j""#)), Some("did:ex:j"));
    assert_eq!(issuer_of(&doc(r#""issuer":["did:ex:j"]"#)), None);
    assert_eq!(did_of("did:ex:i#key-1"), "did:ex:i");
    assert_eq!(
        error_text("Credential status not valid", ErrorCode::CredentialExpired),
        "Credential status not valid (CREDENTIAL_EXPIRED)"
    );
}

/// Signed credentials: did:key issuers, JcsEd25519Signature2020 (raw or SHA-256 pre-hash
/// reading) and EdDSA JWTs.
mod signed {
    use super::*;
    use crate::crypto::did_key::did_key_verification_method;
    use crate::crypto::ed25519::Ed25519SecretKey;
    use crate::crypto::sha256;
    use crate::jose::sign_eddsa_with_kid;
    use crate::presentation::proof::{resigned, sign_jcs_ed25519};

    const LIST_URL: &str = "https://status.example/1";
    /// A GZIP'd list of 131,072 zero bits.
    const ZEROS: &str = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA";

    fn key(seed: u8) -> (Ed25519SecretKey, String) {
        let sk = Ed25519SecretKey::from_bytes(&[seed; 32]);
        let vm = did_key_verification_method(&sk.public_key());
        (sk, vm)
    }

    fn did(vm: &str) -> &str {
        did_of(vm)
    }

    /// `{members, "issuer": <key's DID>, "proof": ...}` signed with `purpose`, over the JCS text
    /// or (`prehash`) its SHA-256.
    fn jcs_signed(members: &str, seed: u8, purpose: &str, prehash: bool) -> String {
        let (sk, vm) = key(seed);
        let doc = Value::parse(&format!(r#"{{{members},"issuer":"{}"}}"#, did(&vm)), &L).unwrap();
        let signed = sign_jcs_ed25519(&doc, &sk, &vm, purpose, "2025-01-01T00:00:00Z", &[]).unwrap();
        if prehash {
            resigned(&signed, |m| sk.sign(&sha256(m)).to_vec()).to_json()
        } else {
            signed.to_json()
        }
    }

    /// An EdDSA JWT VC of `vc` (with the key's DID as `iss`) and the extra `claims`.
    fn jwt_signed(vc: &str, claims: &str, seed: u8) -> String {
        let (sk, vm) = key(seed);
        let claims = format!(r#"{{"iss":"{}","vc":{{{vc}}}{claims}}}"#, did(&vm));
        sign_eddsa_with_kid(&Value::parse(&claims, &L).unwrap(), &sk, &vm).unwrap()
    }

    const SUBJECT: &str = r#""type":["VerifiableCredential"],"credentialSubject":{"id":"did:ex:s"}"#;

    fn entry() -> String {
        format!(
            r#""credentialStatus":{{"id":"{LIST_URL}#7","type":"BitstringStatusListEntry","statusPurpose":"revocation",
            "statusListIndex":"7","statusListCredential":"{LIST_URL}"}}"#
        )
    }

    const LIST: &str = r#""type":["VerifiableCredential","BitstringStatusListCredential"],"id":"https://status.example/1",
        "credentialSubject":{"type":"BitstringStatusList","statusPurpose":"revocation","encodedList":"uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"}"#;

    fn verify(credential: &str, policy: &VerifierPolicy<'_>) -> Result<CredentialReport> {
        verify_credential(&read_credential(credential, &L)?, &TrustStore::new(), policy, &L)
    }

    fn with_list(list: &str, f: impl FnOnce(&VerifierPolicy<'_>)) {
        let mut lists = StatusLists::new();
        lists.insert(LIST_URL, list);
        let policy = VerifierPolicy { status_lists: Some(&lists), ..VerifierPolicy::at(T) };
        f(&policy);
    }

    #[test]
    fn the_pre_hash_reading_needs_the_policy() {
        assert!(LIST.contains(ZEROS));
        let vc = jcs_signed(SUBJECT, 1, "assertionMethod", true);
        let allowed = VerifierPolicy { allow_sha256_prehash: true, ..VerifierPolicy::at(T) };
        assert!(verify(&vc, &allowed).unwrap().is_valid());
        let strict = verify(&vc, &VerifierPolicy::at(T)).unwrap();
        assert_eq!(strict.result.errors, ["Credential couldn't be cryptographically validated (SIGNATURE_MISMATCH)"]);
    }

    #[test]
    fn a_jwt_needs_no_exp_and_its_times_take_the_policy_leeway() {
        let vc = jwt_signed(SUBJECT, "", 2);
        let report = verify(&vc, &VerifierPolicy::at(T)).unwrap();
        assert!(report.is_valid(), "{:?}", report.result);
        let lapsed = jwt_signed(SUBJECT, &format!(r#","exp":{}"#, T - 30), 2);
        assert!(verify(&lapsed, &VerifierPolicy::at(T)).unwrap().is_valid());
        let no_leeway = VerifierPolicy { leeway: 0, ..VerifierPolicy::at(T) };
        let report = verify(&lapsed, &no_leeway).unwrap();
        // Reported once, as the JWT's own time claim, not again as the mapped expirationDate.
        assert_eq!(report.result.errors, ["Credential status not valid (JWT_EXPIRED)"]);
        assert_eq!(report.result.checks, ["credentialProof", "issuer"]);
    }

    #[test]
    fn a_status_list_credential_must_be_signed_for_assertion() {
        let vc = jcs_signed(&format!("{SUBJECT},{}", entry()), 3, "assertionMethod", false);
        with_list(&jcs_signed(LIST, 4, "assertionMethod", false), |policy| {
            let report = verify(&vc, policy).unwrap();
            assert!(report.is_valid(), "{:?}", report.result);
            assert!(report.result.has(Check::CredentialStatus));
        });
        with_list(&jcs_signed(LIST, 4, "authentication", false), |policy| {
            assert_eq!(verify(&vc, policy).unwrap_err().code(), ErrorCode::StatusListNotVerified);
        });
        // The list's pre-hash reading follows the same policy as the credential's.
        with_list(&jcs_signed(LIST, 4, "assertionMethod", true), |policy| {
            assert_eq!(verify(&vc, policy).unwrap_err().code(), ErrorCode::StatusListNotVerified);
            let allowed = VerifierPolicy { allow_sha256_prehash: true, ..*policy };
            assert!(verify(&vc, &allowed).unwrap().is_valid());
        });
    }

    #[test]
    fn a_jwt_status_list_needs_no_exp_and_takes_the_policy_leeway() {
        let vc = jcs_signed(&format!("{SUBJECT},{}", entry()), 3, "assertionMethod", false);
        with_list(&jwt_signed(LIST, "", 5), |policy| {
            assert!(verify(&vc, policy).unwrap().is_valid());
        });
        with_list(&jwt_signed(LIST, &format!(r#","exp":{}"#, T - 30), 5), |policy| {
            assert!(verify(&vc, policy).unwrap().is_valid());
            let no_leeway = VerifierPolicy { leeway: 0, ..*policy };
            assert_eq!(verify(&vc, &no_leeway).unwrap_err().code(), ErrorCode::StatusListNotVerified);
        });
        // A wider leeway than the JWT default reaches the list's own exp too.
        with_list(&jwt_signed(LIST, &format!(r#","exp":{}"#, T - 120), 5), |policy| {
            let wide = VerifierPolicy { leeway: 300, ..*policy };
            assert!(verify(&vc, &wide).unwrap().is_valid());
            assert_eq!(verify(&vc, policy).unwrap_err().code(), ErrorCode::StatusListNotVerified);
        });
    }
}
