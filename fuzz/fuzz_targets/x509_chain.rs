//! Certificates and chains: hostile DER as an end entity, as an intermediate and as an anchor
//! beside SK's real TEST chain, and hostile session responses with trust anchors. Nothing may
//! panic; a parsed certificate must re-expose the exact bytes it was parsed from.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ssi_verify_core::smartid::{verify_auth_json, Trust, TrustAnchors};
use ssi_verify_core::x509::{certificates_from_pem_or_der, validate_path, Certificate, PathInput};
use ssi_verify_core::Limits;

const ROOT: &[u8] = include_bytes!("../../core/anchors/sk/test/root/TEST_of_SK_ID_Solutions_ROOT_G1E.der");
const INTERMEDIATE: &[u8] =
    include_bytes!("../../core/anchors/sk/test/intermediate/TEST_of_SK_ID_Solutions_EID-Q_2024E.der");
const REQUEST: &str = include_str!("../../samples/smartid/auth-request-pss.json");

fuzz_target!(|data: &[u8]| {
    let Some((&selector, input)) = data.split_first() else { return };
    let now = 1_780_272_000u64.wrapping_add(u64::from(selector) * 86_400 * 30);
    let root = Certificate::from_der(ROOT).unwrap_or_else(|e| panic!("real root: {e}"));
    let intermediate = Certificate::from_der(INTERMEDIATE).unwrap_or_else(|e| panic!("real intermediate: {e}"));
    if let Ok(cert) = Certificate::from_der(input) {
        assert_eq!(cert.der(), input);
        let anchors = [root.clone()];
        let intermediates = [intermediate.clone(), cert.clone()];
        let limits = Limits { max_cert_path: usize::from(selector % 8), ..Limits::DEFAULT };
        // As the end entity, and as an intermediate and an anchor for the real intermediate.
        let _ = validate_path(&cert, &PathInput { anchors: &anchors, intermediates: &intermediates, now }, &limits);
        let as_anchor = [cert.clone()];
        let _ = validate_path(
            &intermediate,
            &PathInput { anchors: &as_anchor, intermediates: &intermediates, now },
            &limits,
        );
    }
    let _ = certificates_from_pem_or_der(input);
    // A session status around the fuzz input: JSON text with the real anchors.
    if let Ok(status) = std::str::from_utf8(input) {
        let anchors = [ROOT];
        let intermediates = [INTERMEDIATE];
        let trust = Trust::Anchors(TrustAnchors { anchors: &anchors, intermediates: &intermediates, now });
        let _ = verify_auth_json(REQUEST, status, &trust, &Limits::DEFAULT);
    }
});
