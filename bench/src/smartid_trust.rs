//! The Smart-ID chain of the `x509_path_smartid` and `smartid_verify_auth_trust` groups: SK's
//! real TEST DEMO authentication response (`tests/vectors/smartid/`), whose end-entity
//! certificate (RSA-6144 key) is signed ecdsa-with-SHA384 by `TEST of SK ID Solutions EID-Q
//! 2024E` (a P-384 key), itself signed ecdsa-with-SHA384 by the anchor `TEST of SK ID Solutions
//! ROOT G1E` (a P-521 key; only the anchor's own self-signature is SHA-512, and neither side
//! checks an anchor's self-signature). `bench/openssl/run.sh` validates the same three PEM files
//! with OpenSSL's `X509_verify_cert` at the same [`NOW`].

use ssi_verify_core::smartid::{verify_auth_json, SessionReport, Trust, TrustAnchors};
use ssi_verify_core::x509::{certificates_from_pem_or_der, validate_path, Certificate, PathInput};
use ssi_verify_core::{ErrorCode, Limits, Verdict};

use crate::{core_err, fail, Outcome};

// The three PEM files; bench/openssl/run.sh names the same paths.
const ANCHOR: &[u8] =
    include_bytes!("../../tests/vectors/smartid-trust/ca/test/root/TEST_of_SK_ID_Solutions_ROOT_G1E.pem");
const INTERMEDIATE: &[u8] =
    include_bytes!("../../tests/vectors/smartid-trust/ca/test/intermediate/TEST_of_SK_ID_Solutions_EID-Q_2024E.pem");
const END_ENTITY: &[u8] =
    include_bytes!("../../tests/vectors/smartid-trust/ee/test/TEST_OK__PNOEE-40504040001__auth__2026-01-06.pem");
/// The session request the RP sent (RSA-PSS ACSP_V2 response).
pub const REQUEST: &str = include_str!("../../tests/vectors/smartid-trust/requests/auth-notification-pss.request.json");
/// SK's DEMO session-status response for [`REQUEST`].
pub const STATUS: &str = include_str!("../../tests/vectors/smartid/vatsake_auth_notification_session-response.json");
/// 2026-06-01T00:00:00Z, inside every certificate's validity (as core/tests/smartid_trust.rs).
pub const NOW: u64 = 1_780_272_000;
/// 2030-03-17T17:46:40Z: after the end-entity certificate expired (notAfter 2029-01-05).
pub const EXPIRED_NOW: u64 = 1_900_000_000;

/// The chain's DER certificates.
#[derive(Debug)]
pub struct SmartIdChain {
    /// The anchor, DER.
    pub anchor: Vec<u8>,
    /// The intermediate, DER.
    pub intermediate: Vec<u8>,
    /// The end entity, DER.
    pub end_entity: Vec<u8>,
}

fn one_der(pem: &[u8], what: &str) -> Outcome<Vec<u8>> {
    let mut ders = certificates_from_pem_or_der(pem).map_err(core_err("certificate PEM"))?;
    match (ders.pop(), ders.is_empty()) {
        (Some(der), true) => Ok(der),
        _ => fail(format!("{what}: expected exactly one certificate")),
    }
}

impl SmartIdChain {
    /// Reads the three PEM files and checks, once, that the path validates at [`NOW`], is refused
    /// as expired at [`EXPIRED_NOW`] and without the intermediate, and that the whole trusted
    /// `verify-auth` answers valid at [`NOW`].
    ///
    /// # Errors
    /// The first unexpected answer.
    pub fn checked() -> Outcome<Self> {
        let chain = Self {
            anchor: one_der(ANCHOR, "anchor")?,
            intermediate: one_der(INTERMEDIATE, "intermediate")?,
            end_entity: one_der(END_ENTITY, "end entity")?,
        };
        let (ee, anchor, intermediate) = chain.parsed()?;
        let path = |now: u64, intermediates: &[Certificate<'_>]| {
            let input = PathInput { anchors: core::slice::from_ref(&anchor), intermediates, now };
            validate_path(&ee, &input, &Limits::DEFAULT).map_err(core_err("path validation"))
        };
        let with = core::slice::from_ref(&intermediate);
        if path(NOW, with)? != Verdict::Valid
            || path(EXPIRED_NOW, with)? != Verdict::Invalid(ErrorCode::CertificateExpired)
            || path(NOW, &[])? != Verdict::Invalid(ErrorCode::UnknownIssuer)
        {
            return fail("Smart-ID chain: path validation answers differ from openssl verify's");
        }
        let report = chain.verify_auth(NOW).map_err(core_err("verify-auth"))?;
        if report.verdict != Verdict::Valid || report.certificate.is_none() {
            return fail(format!("Smart-ID verify-auth with trust: {}", report.to_json()));
        }
        if chain.verify_auth(EXPIRED_NOW).map_err(core_err("verify-auth"))?.verdict
            != Verdict::Invalid(ErrorCode::CertificateExpired)
        {
            return fail("Smart-ID verify-auth: the expired certificate was not refused");
        }
        Ok(chain)
    }

    /// The end entity, the anchor and the intermediate, parsed.
    ///
    /// # Errors
    /// A certificate that does not parse.
    pub fn parsed(&self) -> Outcome<(Certificate<'_>, Certificate<'_>, Certificate<'_>)> {
        let parse = |der| Certificate::from_der(der).map_err(core_err("certificate"));
        Ok((parse(&self.end_entity)?, parse(&self.anchor)?, parse(&self.intermediate)?))
    }

    /// Path validation from the DER bytes: the three certificates parsed, then the path
    /// validated (what a verifier does per response when it keeps its anchors as DER).
    ///
    /// # Errors
    /// A certificate that does not parse, or a path that could not be checked.
    pub fn validate_from_der(&self, now: u64) -> Result<Verdict, ssi_verify_core::Error> {
        let ee = Certificate::from_der(&self.end_entity)?;
        let anchors = [Certificate::from_der(&self.anchor)?];
        let intermediates = [Certificate::from_der(&self.intermediate)?];
        validate_path(&ee, &PathInput { anchors: &anchors, intermediates: &intermediates, now }, &Limits::DEFAULT)
    }

    /// The whole trusted `verify-auth` ([`verify_auth_json`]): request and response parsed, the
    /// response's certificate path validated to the anchor, purpose, level and identity checked,
    /// then the RSA-6144 PSS ACSP_V2 signature verified.
    ///
    /// # Errors
    /// As [`verify_auth_json`].
    pub fn verify_auth(&self, now: u64) -> Result<SessionReport, ssi_verify_core::Error> {
        let anchors = [self.anchor.as_slice()];
        let intermediates = [self.intermediate.as_slice()];
        let trust = Trust::Anchors(TrustAnchors { anchors: &anchors, intermediates: &intermediates, now });
        verify_auth_json(REQUEST, STATUS, &trust, &Limits::DEFAULT)
    }

    /// `verify-auth` with `--signature-only`: the same response without any certificate check.
    ///
    /// # Errors
    /// As [`verify_auth_json`].
    pub fn verify_auth_signature_only(&self) -> Result<SessionReport, ssi_verify_core::Error> {
        verify_auth_json(REQUEST, STATUS, &Trust::SignatureOnly, &Limits::DEFAULT)
    }
}

/// One DER TLV at the start of `input`: (tag, contents, rest). Short and long definite lengths
/// only; enough to take the bench's known-good certificates apart.
fn tlv(input: &[u8]) -> Outcome<(u8, &[u8], &[u8])> {
    let (&tag, rest) = input.split_first().ok_or("DER: empty")?;
    let (&first, rest) = rest.split_first().ok_or("DER: no length")?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let n = usize::from(first & 0x7f);
        let bytes = rest.get(..n).ok_or("DER: short length")?;
        (bytes.iter().fold(0usize, |acc, b| (acc << 8) | usize::from(*b)), rest.get(n..).unwrap_or(&[]))
    };
    let contents = rest.get(..len).ok_or("DER: short contents")?;
    Ok((tag, contents, rest.get(len..).unwrap_or(&[])))
}

/// A certificate's signed bytes (the whole tbsCertificate TLV), its signature (DER ECDSA) and
/// its SEC1 public key point.
fn parts(cert: &[u8]) -> Outcome<(&[u8], &[u8], &[u8])> {
    let (_, body, _) = tlv(cert)?;
    let (_, tbs_contents, after_tbs) = tlv(body)?;
    let tbs = body.get(..body.len() - after_tbs.len()).ok_or("DER: tbs")?;
    let (_, _, after_alg) = tlv(after_tbs)?;
    let (_, sig_bits, _) = tlv(after_alg)?;
    // tbsCertificate: [0] version, serial, signature, issuer, validity, subject, SPKI.
    let mut rest = tbs_contents;
    for _ in 0..6 {
        rest = tlv(rest)?.2;
    }
    let (_, spki, _) = tlv(rest)?;
    let (_, _, after_key_alg) = tlv(spki)?;
    let (_, key_bits, _) = tlv(after_key_alg)?;
    Ok((tbs, sig_bits.get(1..).ok_or("DER: signature")?, key_bits.get(1..).ok_or("DER: key")?))
}

/// The chain's two signatures checked with the curve crates alone (what `validate_path` cannot
/// go below): the end entity's ecdsa-with-SHA384 by the intermediate's P-384 key, the
/// intermediate's ecdsa-with-SHA384 by the anchor's P-521 key. Keys and signatures are decoded
/// outside the timed code; the signed bytes are hashed inside it, as in path validation.
pub struct BareChainSignatures<'c> {
    ee_tbs: &'c [u8],
    ee_sig: p384::ecdsa::Signature,
    intermediate_key: p384::ecdsa::VerifyingKey,
    intermediate_tbs: &'c [u8],
    intermediate_sig: p521::ecdsa::Signature,
    anchor_key: p521::ecdsa::VerifyingKey,
}

impl SmartIdChain {
    /// The chain's signatures, keys and signed bytes for [`BareChainSignatures::verify`].
    ///
    /// # Errors
    /// A certificate the little DER reader cannot take apart, or keys and signatures that do
    /// not decode (a fixture bug).
    pub fn bare_signatures(&self) -> Outcome<BareChainSignatures<'_>> {
        let (ee_tbs, ee_sig, _) = parts(&self.end_entity)?;
        let (intermediate_tbs, intermediate_sig, intermediate_key) = parts(&self.intermediate)?;
        let (_, _, anchor_key) = parts(&self.anchor)?;
        let bare = BareChainSignatures {
            ee_tbs,
            ee_sig: p384::ecdsa::Signature::from_der(ee_sig).map_err(|e| e.to_string())?,
            intermediate_key: p384::ecdsa::VerifyingKey::from_sec1_bytes(intermediate_key)
                .map_err(|e| e.to_string())?,
            intermediate_tbs,
            intermediate_sig: p521::ecdsa::Signature::from_der(intermediate_sig).map_err(|e| e.to_string())?,
            anchor_key: p521::ecdsa::VerifyingKey::from_sec1_bytes(anchor_key).map_err(|e| e.to_string())?,
        };
        if !bare.verify() {
            return fail("Smart-ID chain: p384 / p521 reject the chain's signatures");
        }
        Ok(bare)
    }
}

impl core::fmt::Debug for BareChainSignatures<'_> {
    // p521's VerifyingKey has no Debug; the signed lengths identify the fixture well enough.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("BareChainSignatures")
            .field("ee_tbs_len", &self.ee_tbs.len())
            .field("intermediate_tbs_len", &self.intermediate_tbs.len())
            .finish_non_exhaustive()
    }
}

impl BareChainSignatures<'_> {
    /// Both signatures verified, each over the SHA-384 of its tbsCertificate.
    #[must_use]
    pub fn verify(&self) -> bool {
        use p384::ecdsa::signature::hazmat::PrehashVerifier as _;
        use sha2::Digest as _;
        let ee_digest = sha2::Sha384::digest(self.ee_tbs);
        let intermediate_digest = sha2::Sha384::digest(self.intermediate_tbs);
        self.intermediate_key.verify_prehash(&ee_digest, &self.ee_sig).is_ok()
            && self.anchor_key.verify_prehash(&intermediate_digest, &self.intermediate_sig).is_ok()
    }
}
