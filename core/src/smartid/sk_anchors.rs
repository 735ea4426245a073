//! SK ID Solutions' CA certificates, embedded (feature `smartid-sk-anchors`, off by default) so a
//! device can verify against SK's LIVE or TEST (demo) hierarchy without shipping files. The
//! certificates are those of `tests/vectors/smartid-trust/ca` (SK's own client repositories, see
//! its SOURCE.md), DER encoded under `core/anchors/sk/`. A caller can always pass its own
//! anchors instead; when SK adds a CA, this list needs a release.
//!
//! ```
//! use ssi_verify_core::smartid::sk_anchors;
//! let live = sk_anchors::live(1_780_272_000);
//! assert_eq!(live.anchors.len(), 3);
//! assert_eq!(sk_anchors::test(0).intermediates.len(), 10);
//! ```

use crate::smartid::trust::TrustAnchors;

/// LIVE roots: EE Certification Centre Root CA, SK ID Solutions ROOT G1E and G1R.
pub const LIVE_ROOTS: &[&[u8]] = &[
    include_bytes!("../../anchors/sk/live/root/EE_Certification_Centre_Root_CA.der"),
    include_bytes!("../../anchors/sk/live/root/SK_ID_Solutions_ROOT_G1E.der"),
    include_bytes!("../../anchors/sk/live/root/SK_ID_Solutions_ROOT_G1R.der"),
];

/// LIVE intermediates: EID-SK 2016, NQ-SK 2016, EID-NQ 2021E/R, EID-Q 2021E/R, EID-Q 2024E/R.
pub const LIVE_INTERMEDIATES: &[&[u8]] = &[
    include_bytes!("../../anchors/sk/live/intermediate/EID-SK_2016.der"),
    include_bytes!("../../anchors/sk/live/intermediate/NQ-SK_2016.der"),
    include_bytes!("../../anchors/sk/live/intermediate/SK_ID_Solutions_EID-NQ_2021E.der"),
    include_bytes!("../../anchors/sk/live/intermediate/SK_ID_Solutions_EID-NQ_2021R.der"),
    include_bytes!("../../anchors/sk/live/intermediate/SK_ID_Solutions_EID-Q_2021E.der"),
    include_bytes!("../../anchors/sk/live/intermediate/SK_ID_Solutions_EID-Q_2021R.der"),
    include_bytes!("../../anchors/sk/live/intermediate/SK_ID_Solutions_EID-Q_2024E.der"),
    include_bytes!("../../anchors/sk/live/intermediate/SK_ID_Solutions_EID-Q_2024R.der"),
];

/// TEST (demo) roots: TEST of EE Certification Centre Root CA, TEST of SK ID Solutions ROOT G1E and G1R.
pub const TEST_ROOTS: &[&[u8]] = &[
    include_bytes!("../../anchors/sk/test/root/TEST_of_EE_Certification_Centre_Root_CA.der"),
    include_bytes!("../../anchors/sk/test/root/TEST_of_SK_ID_Solutions_ROOT_G1E.der"),
    include_bytes!("../../anchors/sk/test/root/TEST_of_SK_ID_Solutions_ROOT_G1R.der"),
];

/// TEST (demo) intermediates, both issues of the 2016 CAs included.
pub const TEST_INTERMEDIATES: &[&[u8]] = &[
    include_bytes!("../../anchors/sk/test/intermediate/TEST_of_EID-SK_2016__2016-08-30.der"),
    include_bytes!("../../anchors/sk/test/intermediate/TEST_of_EID-SK_2016__2020-09-03.der"),
    include_bytes!("../../anchors/sk/test/intermediate/TEST_of_NQ-SK_2016__2016-08-30.der"),
    include_bytes!("../../anchors/sk/test/intermediate/TEST_of_NQ-SK_2016__2020-09-03.der"),
    include_bytes!("../../anchors/sk/test/intermediate/TEST_of_SK_ID_Solutions_EID-NQ_2021E.der"),
    include_bytes!("../../anchors/sk/test/intermediate/TEST_of_SK_ID_Solutions_EID-NQ_2021R.der"),
    include_bytes!("../../anchors/sk/test/intermediate/TEST_of_SK_ID_Solutions_EID-Q_2021E.der"),
    include_bytes!("../../anchors/sk/test/intermediate/TEST_of_SK_ID_Solutions_EID-Q_2021R.der"),
    include_bytes!("../../anchors/sk/test/intermediate/TEST_of_SK_ID_Solutions_EID-Q_2024E.der"),
    include_bytes!("../../anchors/sk/test/intermediate/TEST_of_SK_ID_Solutions_EID-Q_2024R.der"),
];

/// SK's LIVE hierarchy, validating at `now` (seconds since the Unix epoch).
#[must_use]
pub fn live(now: u64) -> TrustAnchors<'static> {
    TrustAnchors { anchors: LIVE_ROOTS, intermediates: LIVE_INTERMEDIATES, now }
}

/// SK's TEST (demo) hierarchy, validating at `now` (seconds since the Unix epoch).
#[must_use]
pub fn test(now: u64) -> TrustAnchors<'static> {
    TrustAnchors { anchors: TEST_ROOTS, intermediates: TEST_INTERMEDIATES, now }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::x509::Certificate;

    #[test]
    fn every_embedded_certificate_parses_as_a_ca() {
        for der in [LIVE_ROOTS, LIVE_INTERMEDIATES, TEST_ROOTS, TEST_INTERMEDIATES].concat() {
            let cert = Certificate::from_der(der).unwrap();
            assert!(cert.basic_constraints().unwrap().ca);
        }
    }
}
