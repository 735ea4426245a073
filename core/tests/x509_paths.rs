//! Certificate path validation against SK ID Solutions' real chains (tests/vectors/smartid-trust).
#![cfg(feature = "smartid")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code: a panic is a failed test

use std::path::{Path, PathBuf};

use ssi_verify_core::x509::{certificates_from_pem_or_der, validate_path, Certificate, PathInput};
use ssi_verify_core::{ErrorCode, Limits, Verdict};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/smartid-trust")
}

fn load_dir(sub: &str) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = std::fs::read_dir(dir().join(sub))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "pem"))
        .map(|p| {
            let der = certificates_from_pem_or_der(&std::fs::read(&p).unwrap()).unwrap().remove(0);
            (p.file_name().unwrap().to_string_lossy().into_owned(), der)
        })
        .collect();
    out.sort();
    out
}

fn parse(list: &[(String, Vec<u8>)]) -> Vec<Certificate<'_>> {
    list.iter().map(|(n, d)| Certificate::from_der(d).unwrap_or_else(|e| panic!("{n}: {e}"))).collect()
}

#[test]
fn every_real_test_certificate_chains_to_the_test_roots_only() {
    let (tr, ti) = (load_dir("ca/test/root"), load_dir("ca/test/intermediate"));
    let (lr, li) = (load_dir("ca/live/root"), load_dir("ca/live/intermediate"));
    let (test_roots, test_int, live_roots, live_int) = (parse(&tr), parse(&ti), parse(&lr), parse(&li));
    let all_int: Vec<_> = test_int.iter().chain(live_int.iter()).cloned().collect();
    let ees = load_dir("ee/test");
    assert!(ees.len() >= 30);
    let mut ok = 0;
    for (name, der) in &ees {
        let ee = Certificate::from_der(der).unwrap();
        let now = ee.not_before() + 86_400;
        let test = PathInput { anchors: &test_roots, intermediates: &all_int, now };
        assert_eq!(validate_path(&ee, &test, &Limits::DEFAULT).unwrap(), Verdict::Valid, "{name}");
        let live = PathInput { anchors: &live_roots, intermediates: &all_int, now };
        assert_eq!(
            validate_path(&ee, &live, &Limits::DEFAULT).unwrap(),
            Verdict::Invalid(ErrorCode::UnknownIssuer),
            "{name} with LIVE anchors"
        );
        ok += 1;
    }
    println!("smartid-trust: {ok}/{} real TEST certificates chain to the TEST roots, none to LIVE", ees.len());
}

/// 2026-06-01T00:00:00Z, inside every generated certificate's validity unless named otherwise.
const GEN_NOW: u64 = 1_780_272_000;

fn generated(file: &str) -> Vec<u8> {
    let path = dir().join("../x509-generated").join(file);
    certificates_from_pem_or_der(&std::fs::read(path).unwrap()).unwrap().remove(0)
}

fn check_generated(ee: &str, intermediates: &[&str], anchors: &[&str], now: u64) -> Verdict {
    let ee = generated(ee);
    let ints: Vec<_> = intermediates.iter().map(|f| generated(f)).collect();
    let roots: Vec<_> = anchors.iter().map(|f| generated(f)).collect();
    let ints: Vec<_> = ints.iter().map(|d| Certificate::from_der(d).unwrap()).collect();
    let roots: Vec<_> = roots.iter().map(|d| Certificate::from_der(d).unwrap()).collect();
    let ee = Certificate::from_der(&ee).unwrap();
    validate_path(&ee, &PathInput { anchors: &roots, intermediates: &ints, now }, &Limits::DEFAULT).unwrap()
}

#[test]
fn each_path_failure_has_its_own_code() {
    let int = &["intermediate.pem"][..];
    let root = &["root.pem"][..];
    let cases: &[(&str, &[&str], Verdict)] = &[
        ("ee-auth-qualified.pem", int, Verdict::Valid),
        ("ee-unknown-noncritical-extension.pem", int, Verdict::Valid),
        ("ee-expired.pem", int, Verdict::Invalid(ErrorCode::CertificateExpired)),
        ("ee-not-yet-valid.pem", int, Verdict::Invalid(ErrorCode::CertificateNotYetValid)),
        ("ee-auth-qualified.pem", &[], Verdict::Invalid(ErrorCode::UnknownIssuer)),
        ("ee-bad-signature.pem", int, Verdict::Invalid(ErrorCode::ChainSignatureMismatch)),
        (
            "ee-issued-by-end-entity.pem",
            &["intermediate.pem", "ee-auth-qualified.pem"],
            Verdict::Invalid(ErrorCode::IssuerNotCa),
        ),
        (
            "ee-under-no-keycertsign.pem",
            &["intermediate-no-keycertsign.pem"],
            Verdict::Invalid(ErrorCode::KeyCertSignMissing),
        ),
        (
            "ee-under-sub-intermediate.pem",
            &["intermediate.pem", "sub-intermediate.pem"],
            Verdict::Invalid(ErrorCode::PathTooLong),
        ),
        ("ee-unknown-critical-extension.pem", int, Verdict::Invalid(ErrorCode::UnknownCriticalExtension)),
    ];
    for (ee, ints, want) in cases {
        assert_eq!(check_generated(ee, ints, root, GEN_NOW), *want, "{ee}");
    }
    // The anchor's own validity counts too.
    assert_eq!(
        check_generated("ee-auth-qualified.pem", int, root, 2_100_000_000),
        Verdict::Invalid(ErrorCode::CertificateExpired)
    );
    // Limits::max_cert_path bounds the path whatever the certificates allow.
    let ee = generated("ee-auth-qualified.pem");
    let (i, r) = (generated("intermediate.pem"), generated("root.pem"));
    let ints = [Certificate::from_der(&i).unwrap()];
    let roots = [Certificate::from_der(&r).unwrap()];
    let input = PathInput { anchors: &roots, intermediates: &ints, now: GEN_NOW };
    let tight = Limits { max_cert_path: 2, ..Limits::DEFAULT };
    assert_eq!(
        validate_path(&Certificate::from_der(&ee).unwrap(), &input, &tight).unwrap(),
        Verdict::Invalid(ErrorCode::PathTooLong)
    );
    // No anchor at all cannot be checked.
    let none = PathInput { anchors: &[], intermediates: &ints, now: GEN_NOW };
    assert_eq!(
        validate_path(&Certificate::from_der(&ee).unwrap(), &none, &Limits::DEFAULT).unwrap_err().code(),
        ErrorCode::NoTrustAnchor
    );
}

#[test]
fn an_unknown_extension_oid_does_not_make_the_certificate_unreadable() {
    // Regression: x509-cert 0.2.5 / const-oid 0.9 refused the whole certificate for 2.999.1.
    let der = generated("ee-unknown-noncritical-extension.pem");
    let cert = Certificate::from_der(&der).unwrap();
    assert!(cert.unknown_critical_extension().is_none());
    assert!(ssi_verify_core::crypto::rsa::RsaKey::from_certificate_der(&der, 2048..=8192).is_ok());
    let der = generated("ee-unknown-critical-extension.pem");
    assert_eq!(Certificate::from_der(&der).unwrap().unknown_critical_extension(), Some(&[0x88, 0x37, 0x01][..]));
}
