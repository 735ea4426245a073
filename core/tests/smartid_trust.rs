//! Smart-ID responses verified with trust anchors: real DEMO responses (vatsake fixtures) against
//! SK's TEST and LIVE CA certificates, and the generated certificates for each failure.
#![cfg(feature = "smartid")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code: a panic is a failed test

use std::path::{Path, PathBuf};

use ssi_verify_core::codec::base64_encode;
use ssi_verify_core::smartid::{
    verify_auth_json, verify_sign_json, CertificateLevel, SessionReport, Trust, TrustAnchors,
};
use ssi_verify_core::x509::certificates_from_pem_or_der;
use ssi_verify_core::{ErrorCode, Limits, Verdict};

/// 2026-06-01T00:00:00Z: inside the validity of the DEMO certificates and of the generated ones.
const NOW: u64 = 1_780_272_000;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn text(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap()
}

fn ders(rel: &str) -> Vec<Vec<u8>> {
    certificates_from_pem_or_der(&std::fs::read(root().join(rel)).unwrap()).unwrap()
}

struct Store {
    anchors: Vec<Vec<u8>>,
    intermediates: Vec<Vec<u8>>,
}

impl Store {
    fn sk(env: &str) -> Self {
        // Intermediates of both environments are offered: only the anchors decide.
        let mut intermediates = ders("samples/smartid/sk-test-intermediates.pem");
        intermediates.extend(ders("samples/smartid/sk-live-intermediates.pem"));
        Self { anchors: ders(&format!("samples/smartid/sk-{env}-roots.pem")), intermediates }
    }

    fn with<R>(&self, now: u64, f: impl FnOnce(&Trust<'_>) -> R) -> R {
        let a: Vec<&[u8]> = self.anchors.iter().map(Vec::as_slice).collect();
        let i: Vec<&[u8]> = self.intermediates.iter().map(Vec::as_slice).collect();
        f(&Trust::Anchors(TrustAnchors { anchors: &a, intermediates: &i, now }))
    }
}

const PSS_STATUS: &str = "tests/vectors/smartid/vatsake_auth_notification_session-response.json";
const PKCS1_STATUS: &str = "tests/vectors/smartid/vatsake_auth_notification_session-response-pkcs1.json";
const REQ: &str = "tests/vectors/smartid-trust/requests/";

fn auth(request: &str, status: &str, store: &Store, now: u64) -> SessionReport {
    store.with(now, |t| verify_auth_json(request, status, t, &Limits::DEFAULT)).unwrap()
}

fn with_request(base: &str, extra: &str) -> String {
    let mut v: serde_json::Value = serde_json::from_str(&text(base)).unwrap();
    let e: serde_json::Value = serde_json::from_str(extra).unwrap();
    for (k, val) in e.as_object().unwrap() {
        v[k] = val.clone();
    }
    v.to_string()
}

#[test]
fn real_demo_auth_responses_verify_with_test_anchors_only() {
    let test = Store::sk("test");
    let live = Store::sk("live");
    for (req, status) in [("auth-notification-pss", PSS_STATUS), ("auth-notification-pkcs1", PKCS1_STATUS)] {
        let (req, status) = (text(&format!("{REQ}{req}.request.json")), text(status));
        let r = auth(&req, &status, &test, NOW);
        assert_eq!(r.verdict, Verdict::Valid);
        let c = r.certificate.as_ref().unwrap();
        assert_eq!(c.level, CertificateLevel::Qualified);
        assert_eq!(c.identity.semantics_identifier, "PNOEE-40504040001");
        assert_eq!(c.identity.date_of_birth.unwrap().to_string(), "1905-04-04");
        assert_eq!(
            r.to_json(),
            "{\"valid\":true,\"certificateLevel\":\"QUALIFIED\",\"identity\":{\"semanticsIdentifier\":\
             \"PNOEE-40504040001\",\"country\":\"EE\",\"givenName\":\"OK\",\"surname\":\"TEST\",\"dateOfBirth\":\
             \"1905-04-04\"},\"certificate\":{\"notBefore\":\"2026-01-06T14:25:01Z\",\"notAfter\":\
             \"2029-01-05T14:25:00Z\",\"issuer\":\"C=EE,O=SK ID Solutions AS,\
             organizationIdentifier=NTREE-10747013,CN=TEST of SK ID Solutions EID-Q 2024E\"}}"
        );
        assert_eq!(auth(&req, &status, &live, NOW).verdict, Verdict::Invalid(ErrorCode::UnknownIssuer));
        // Before the certificate was issued, and after it expired.
        assert_eq!(
            auth(&req, &status, &test, 1_700_000_000).verdict,
            Verdict::Invalid(ErrorCode::CertificateNotYetValid)
        );
        assert_eq!(auth(&req, &status, &test, 1_900_000_000).verdict, Verdict::Invalid(ErrorCode::CertificateExpired));
    }
}

#[test]
fn level_and_identity_rules() {
    let test = Store::sk("test");
    let base = format!("{REQ}auth-notification-pss.request.json");
    let status = text(PSS_STATUS);
    let run = |extra: &str, status: &str| auth(&with_request(&base, extra), status, &test, NOW).verdict;
    assert_eq!(run(r#"{"certificateLevel":"ADVANCED"}"#, &status), Verdict::Valid);
    assert_eq!(run(r#"{"semanticsIdentifier":"PNOEE-40504040001"}"#, &status), Verdict::Valid);
    assert_eq!(run(r#"{"documentNumber":"PNOEE-40504040001-DEM0-Q"}"#, &status), Verdict::Valid);
    assert_eq!(
        run(r#"{"semanticsIdentifier":"PNOEE-30303039914"}"#, &status),
        Verdict::Invalid(ErrorCode::IdentityMismatch)
    );
    assert_eq!(
        run(r#"{"documentNumber":"PNOEE-40504040001-X"}"#, &status),
        Verdict::Invalid(ErrorCode::IdentityMismatch)
    );
    // The response claims ADVANCED: below the default QUALIFIED request...
    let advanced = status.replace("\"certificateLevel\": \"QUALIFIED\"", "\"certificateLevel\": \"ADVANCED\"");
    assert_ne!(advanced, status);
    assert_eq!(run("{}", &advanced), Verdict::Invalid(ErrorCode::CertificateLevelTooLow));
    // ...and, when ADVANCED was asked for, not what the qualified policies give.
    assert_eq!(
        run(r#"{"certificateLevel":"ADVANCED"}"#, &advanced),
        Verdict::Invalid(ErrorCode::CertificateLevelMismatch)
    );
    let err = verify_auth_json(
        &with_request(&base, r#"{"certificateLevel":"QSCD"}"#),
        &status,
        &Trust::SignatureOnly,
        &Limits::DEFAULT,
    )
    .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidFieldValue);
}

#[test]
fn signature_only_is_marked_untrusted() {
    let req = text(&format!("{REQ}auth-notification-pss.request.json"));
    let r = verify_auth_json(&req, &text(PSS_STATUS), &Trust::SignatureOnly, &Limits::DEFAULT).unwrap();
    assert_eq!(r.to_json(), r#"{"valid":true,"trust":"NOT_CHECKED"}"#);
    let empty = Trust::Anchors(TrustAnchors { anchors: &[], intermediates: &[], now: NOW });
    assert_eq!(
        verify_auth_json(&req, &text(PSS_STATUS), &empty, &Limits::DEFAULT).unwrap_err().code(),
        ErrorCode::NoTrustAnchor
    );
}

#[test]
fn same_device_response_is_bound_to_the_callback_verifier() {
    let test = Store::sk("test");
    let base = format!("{REQ}auth-device-link-web2app.request.json");
    let status = text("tests/vectors/smartid/vatsake_auth_device-link_session-response.json");
    let without: serde_json::Value = {
        let mut v: serde_json::Value = serde_json::from_str(&text(&base)).unwrap();
        v.as_object_mut().unwrap().remove("userChallengeVerifier");
        v
    };
    assert_eq!(
        auth(&without.to_string(), &status, &test, NOW).verdict,
        Verdict::Invalid(ErrorCode::UserChallengeMismatch)
    );
    let wrong = with_request(&base, r#"{"userChallengeVerifier":"XtPfaGa8JnGtYrJjboooUf0KfY9sMEHrWFpSQrsUv9c"}"#);
    assert_eq!(auth(&wrong, &status, &test, NOW).verdict, Verdict::Invalid(ErrorCode::UserChallengeMismatch));
    // With the verifier published beside this response the binding holds and the certificate is
    // trusted; the signature then fails only because the fixture's rpChallenge is not published.
    assert_eq!(auth(&text(&base), &status, &test, NOW).verdict, Verdict::Invalid(ErrorCode::SignatureMismatch));
    // QR responses need no verifier: the same response reported as QR passes the binding step.
    let qr = status.replace("\"flowType\": \"Web2App\"", "\"flowType\": \"QR\"");
    assert_ne!(qr, status);
    assert_eq!(auth(&without.to_string(), &qr, &test, NOW).verdict, Verdict::Invalid(ErrorCode::SignatureMismatch));
}

#[test]
fn real_demo_sign_responses_verify_over_the_data() {
    let test = Store::sk("test");
    let live = Store::sk("live");
    let req = text(&format!("{REQ}sign-notification.request.json"));
    let data = std::fs::read(root().join(format!("{REQ}sign-notification.data"))).unwrap();
    for status in ["session-response.json", "session-response-pkcs1.json"] {
        let status = text(&format!("tests/vectors/smartid-trust/sessions/vatsake_signing_notification_{status}"));
        let sign = |req: &str, data: &[u8], store: &Store| {
            store.with(NOW, |t| verify_sign_json(req, &status, data, t, &Limits::DEFAULT)).unwrap()
        };
        let r = sign(&req, &data, &test);
        assert_eq!(r.verdict, Verdict::Valid, "{}", r.to_json());
        assert_eq!(r.certificate.unwrap().level, CertificateLevel::Qualified);
        assert_eq!(sign(&req, &data, &live).verdict, Verdict::Invalid(ErrorCode::UnknownIssuer));
        // Other data: the digest sent is not its hash.
        assert_eq!(sign(&req, b"test 12345", &test).verdict, Verdict::Invalid(ErrorCode::DigestMismatch));
        // A digest and data that agree but were not what was signed.
        let other = with_request(
            &format!("{REQ}sign-notification.request.json"),
            &format!(
                r#"{{"digest":"{}"}}"#,
                base64_encode(
                    ssi_verify_core::crypto::digest(ssi_verify_core::crypto::HashAlg::Sha512, &[b"test 12345"])
                        .as_bytes()
                )
            ),
        );
        assert_eq!(sign(&other, b"test 12345", &test).verdict, Verdict::Invalid(ErrorCode::SignatureMismatch));
    }
}

/// A session status carrying a generated certificate (its signature is not the certificate's:
/// every case below is refused by the certificate checks, which come first).
pub fn status_with(cert_file: &str, level: &str) -> String {
    let der = ders(&format!("tests/vectors/x509-generated/{cert_file}")).remove(0);
    let mut v: serde_json::Value = serde_json::from_str(&text(PSS_STATUS)).unwrap();
    v["cert"]["value"] = base64_encode(&der).into();
    v["cert"]["certificateLevel"] = level.into();
    v.to_string()
}

#[test]
fn generated_certificates_each_fail_with_their_code() {
    let gen = |f: &str| ders(&format!("tests/vectors/x509-generated/{f}"));
    let store = Store {
        anchors: gen("root.pem"),
        intermediates: [
            gen("intermediate.pem"),
            gen("intermediate-no-keycertsign.pem"),
            gen("sub-intermediate.pem"),
            gen("ee-auth-qualified.pem"),
        ]
        .concat(),
    };
    let req = text(&format!("{REQ}auth-notification-pss.request.json"));
    let cases = [
        ("ee-auth-advanced.pem", "QUALIFIED", ErrorCode::CertificateLevelMismatch),
        ("ee-auth-test-arc.pem", "QUALIFIED", ErrorCode::CertificatePolicyMissing),
        ("ee-auth-no-digital-signature.pem", "QUALIFIED", ErrorCode::KeyUsageNotAllowed),
        ("ee-auth-is-ca.pem", "QUALIFIED", ErrorCode::KeyUsageNotAllowed),
        ("ee-sign-qualified.pem", "QUALIFIED", ErrorCode::KeyUsageNotAllowed),
        ("ee-expired.pem", "QUALIFIED", ErrorCode::CertificateExpired),
        ("ee-not-yet-valid.pem", "QUALIFIED", ErrorCode::CertificateNotYetValid),
        ("ee-bad-signature.pem", "QUALIFIED", ErrorCode::ChainSignatureMismatch),
        ("ee-issued-by-end-entity.pem", "QUALIFIED", ErrorCode::IssuerNotCa),
        ("ee-under-no-keycertsign.pem", "QUALIFIED", ErrorCode::KeyCertSignMissing),
        ("ee-under-sub-intermediate.pem", "QUALIFIED", ErrorCode::PathTooLong),
        ("ee-unknown-critical-extension.pem", "QUALIFIED", ErrorCode::UnknownCriticalExtension),
    ];
    for (file, level, code) in cases {
        let r = auth(&req, &status_with(file, level), &store, NOW);
        assert_eq!(r.verdict, Verdict::Invalid(code), "{file}");
    }
    // Issued under SK's TEST CA, not the generated root.
    assert_eq!(auth(&req, &text(PSS_STATUS), &store, NOW).verdict, Verdict::Invalid(ErrorCode::UnknownIssuer));
    // The good certificates pass every certificate check and reach the signature, which cannot
    // be checked: the DEMO signature is 6144 bits long, the generated key 2048.
    let adv = with_request(&format!("{REQ}auth-notification-pss.request.json"), r#"{"certificateLevel":"ADVANCED"}"#);
    for (req, file, level) in [(&req, "ee-auth-qualified.pem", "QUALIFIED"), (&adv, "ee-auth-advanced.pem", "ADVANCED")]
    {
        let err =
            store.with(NOW, |t| verify_auth_json(req, &status_with(file, level), t, &Limits::DEFAULT)).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidSignatureEncoding, "{file}");
    }
}

#[cfg(feature = "smartid-sk-anchors")]
#[test]
fn bundled_sk_anchors_trust_test_responses_and_refuse_them_as_live() {
    use ssi_verify_core::smartid::sk_anchors;
    let req = text(&format!("{REQ}auth-notification-pss.request.json"));
    let status = text(PSS_STATUS);
    let run = |t: TrustAnchors<'static>| verify_auth_json(&req, &status, &Trust::Anchors(t), &Limits::DEFAULT).unwrap();
    assert_eq!(run(sk_anchors::test(NOW)).verdict, Verdict::Valid);
    assert_eq!(run(sk_anchors::live(NOW)).verdict, Verdict::Invalid(ErrorCode::UnknownIssuer));
}
