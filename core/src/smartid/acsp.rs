//! ACSP_V2: the authentication signature payload and its verification.
//!
//! ```text
//! 'smart-id'|'ACSP_V2'|serverRandom|rpChallenge|userChallenge|B64(relyingPartyName)|B64(brokeredRpName)|
//!     B64(SHA-256(interactions))|interactionTypeUsed|initialCallbackUrl|flowType
//! ```
//! `interactions` is hashed as the Base64 *text* that started the session; the first field is
//! the environment's scheme name (`smart-id-demo` on DEMO).

use alloc::string::String;

use crate::codec::{base64_decode, base64_encode, base64url_decode};
use crate::crypto::rsa::{RsaKey, RsaScheme};
use crate::crypto::{digest, sha256, Digest, HashAlg};
use crate::error::{Error, ErrorCode, Result};
use crate::limits::Limits;
use crate::smartid::interactions::read;
use crate::smartid::types::{Flow, InteractionType, Reading};
use crate::Verdict;

/// The flow the user completed, as reported in the session status `flowType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FlowType {
    /// QR code.
    Qr,
    /// App to app.
    App2App,
    /// Web to app.
    Web2App,
    /// Push notification.
    Notification,
}

impl FlowType {
    /// The wire name (`QR`, `App2App`, `Web2App`, `Notification`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Qr => "QR",
            Self::App2App => "App2App",
            Self::Web2App => "Web2App",
            Self::Notification => "Notification",
        }
    }

    /// The flow type with this wire name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        [Self::Qr, Self::App2App, Self::Web2App, Self::Notification].into_iter().find(|f| f.name() == name)
    }

    /// The interactions flow this flow type belongs to.
    #[must_use]
    pub const fn interactions_flow(self) -> Flow {
        match self {
            Self::Notification => Flow::Notification,
            Self::Qr | Self::App2App | Self::Web2App => Flow::DeviceLink,
        }
    }

    /// Whether `initialCallbackUrl` takes part in the payload (same-device flows only).
    #[must_use]
    pub const fn uses_callback(self) -> bool {
        matches!(self, Self::App2App | Self::Web2App)
    }
}

/// The values an authentication response is verified against: what the RP sent, and what the
/// session status returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AcspV2Input<'a> {
    /// Environment scheme name (`smart-id`, `smart-id-demo`).
    pub scheme_name: &'a str,
    /// `signature.serverRandom` (Base64, at least 24 characters).
    pub server_random: &'a str,
    /// The `rpChallenge` the RP sent (Base64, 44 to 88 characters).
    pub rp_challenge: &'a str,
    /// `signature.userChallenge` (Base64URL, 43 characters).
    pub user_challenge: &'a str,
    /// The relying party name exactly as sent (plain text).
    pub relying_party_name: &'a str,
    /// The brokered RP name as sent, if any (plain text).
    pub brokered_rp_name: Option<&'a str>,
    /// The `interactions` Base64 text exactly as sent.
    pub interactions: &'a str,
    /// `interactionTypeUsed` from the session status.
    pub interaction_type_used: &'a str,
    /// The `initialCallbackUrl` the RP sent, if any; used only when the flow type is Web2App or App2App.
    pub initial_callback_url: Option<&'a str>,
    /// `signature.flowType` from the session status.
    pub flow_type: &'a str,
}

fn invalid(detail: &'static str) -> Error {
    Error::new(ErrorCode::InvalidFieldValue, detail)
}

impl AcspV2Input<'_> {
    fn check_formats(&self) -> Result<FlowType> {
        if self.scheme_name.is_empty() || self.scheme_name.contains('|') {
            return Err(invalid("schemeName must be non-empty and free of '|'"));
        }
        if self.server_random.len() < 24 || base64_decode(self.server_random).is_err() {
            return Err(invalid("serverRandom must be at least 24 Base64 characters"));
        }
        if !(44..=88).contains(&self.rp_challenge.len()) || base64_decode(self.rp_challenge).is_err() {
            return Err(invalid("rpChallenge must be 44 to 88 Base64 characters"));
        }
        if self.user_challenge.len() != 43 || base64url_decode(self.user_challenge).is_err() {
            return Err(invalid("userChallenge must be 43 Base64URL characters"));
        }
        if self.relying_party_name.is_empty() {
            return Err(Error::new(ErrorCode::MissingField, "relyingPartyName is required"));
        }
        if let Some(url) = self.initial_callback_url {
            if url.contains('|') {
                return Err(invalid("initialCallbackUrl must not contain '|'"));
            }
        }
        FlowType::from_name(self.flow_type)
            .ok_or_else(|| invalid("flowType must be QR, App2App, Web2App or Notification"))
    }

    fn payload_for(&self, flow: FlowType) -> String {
        let callback = if flow.uses_callback() { self.initial_callback_url.unwrap_or("") } else { "" };
        let fields = [
            self.scheme_name,
            "ACSP_V2",
            self.server_random,
            self.rp_challenge,
            self.user_challenge,
            &base64_encode(self.relying_party_name.as_bytes()),
            &self.brokered_rp_name.filter(|b| !b.is_empty()).map(|b| base64_encode(b.as_bytes())).unwrap_or_default(),
            &base64_encode(&sha256(self.interactions.as_bytes())),
            self.interaction_type_used,
            callback,
            flow.name(),
        ];
        fields.join("|")
    }
}

/// The ACSP_V2 payload string (UTF-8; this is the signed message).
///
/// # Errors
/// [`ErrorCode::InvalidFieldValue`] or [`ErrorCode::MissingField`] for a malformed field.
pub fn acsp_v2_payload(input: &AcspV2Input<'_>) -> Result<String> {
    let flow = input.check_formats()?;
    Ok(input.payload_for(flow))
}

/// The digest of the ACSP_V2 payload under `hash` (what the documentation's digest vector shows).
///
/// # Errors
/// As [`acsp_v2_payload`].
pub fn acsp_v2_digest(input: &AcspV2Input<'_>, hash: HashAlg) -> Result<Digest> {
    Ok(digest(hash, &[acsp_v2_payload(input)?.as_bytes()]))
}

/// RSASSA-PSS parameters as the session status reports them (`signatureAlgorithmParameters`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PssParameters<'a> {
    /// `hashAlgorithm`, e.g. `SHA-256`.
    pub hash_algorithm: &'a str,
    /// `maskGenAlgorithm.algorithm`; must be `id-mgf1`.
    pub mask_gen_algorithm: &'a str,
    /// `maskGenAlgorithm.parameters.hashAlgorithm`; must equal `hash_algorithm`.
    pub mask_gen_hash_algorithm: &'a str,
    /// `saltLength`; must equal the hash output length.
    pub salt_length: u64,
    /// `trailerField`; must be `0xbc`.
    pub trailer_field: &'a str,
}

/// Maps a Smart-ID `signatureAlgorithm` (and PSS parameters) to a scheme, refusing anything
/// outside the documented set.
///
/// ```
/// use ssi_verify_core::smartid::signature_scheme;
/// use ssi_verify_core::crypto::{rsa::RsaScheme, HashAlg};
/// assert_eq!(signature_scheme("sha256WithRSAEncryption", None).unwrap(), RsaScheme::Pkcs1v15(HashAlg::Sha256));
/// assert!(signature_scheme("rsassa-pss", None).is_err());
/// ```
///
/// # Errors
/// [`ErrorCode::UnsupportedAlgorithm`].
pub fn signature_scheme(algorithm: &str, pss: Option<&PssParameters<'_>>) -> Result<RsaScheme> {
    let unsupported = |d| Error::new(ErrorCode::UnsupportedAlgorithm, d);
    match (algorithm, pss) {
        ("sha256WithRSAEncryption", None) => Ok(RsaScheme::Pkcs1v15(HashAlg::Sha256)),
        ("sha384WithRSAEncryption", None) => Ok(RsaScheme::Pkcs1v15(HashAlg::Sha384)),
        ("sha512WithRSAEncryption", None) => Ok(RsaScheme::Pkcs1v15(HashAlg::Sha512)),
        ("rsassa-pss", Some(p)) => {
            let hash =
                HashAlg::from_name(p.hash_algorithm).ok_or_else(|| unsupported("unsupported PSS hash algorithm"))?;
            if p.mask_gen_algorithm != "id-mgf1" || p.mask_gen_hash_algorithm != p.hash_algorithm {
                return Err(unsupported("PSS mask generation must be MGF1 with the signature hash"));
            }
            if usize::try_from(p.salt_length).ok() != Some(hash.output_len()) {
                return Err(unsupported("PSS salt length must equal the hash length"));
            }
            if !p.trailer_field.eq_ignore_ascii_case("0xbc") {
                return Err(unsupported("PSS trailer field must be 0xbc"));
            }
            Ok(RsaScheme::Pss(hash))
        }
        ("rsassa-pss", None) => Err(unsupported("rsassa-pss needs its parameters")),
        (_, Some(_)) => Err(unsupported("parameters are only defined for rsassa-pss")),
        _ => Err(unsupported("unknown signatureAlgorithm")),
    }
}

/// Smallest and largest RSA modulus accepted for Smart-ID certificates (DEMO keys are 6144 bits).
pub const SMARTID_RSA_BITS: core::ops::RangeInclusive<usize> = 2048..=8192;

/// Verifies an authentication response: `flowType` must be one the RP offered,
/// `interactionTypeUsed` must be among the request's interactions (strictly valid for that
/// flow), and the signature must verify over the ACSP_V2 payload with the certificate's RSA key.
///
/// The certificate is only used for its key: chain, validity, policy and identity checks are
/// the caller's (see the RP API "response verification" steps 4 to 8).
///
/// # Errors
/// A malformed field, interactions error, [`ErrorCode::InvalidBase64`] signature,
/// [`ErrorCode::InvalidCertificate`], key errors, or [`ErrorCode::InvalidSignatureEncoding`].
/// A check that fails gives `Ok(Verdict::Invalid(..))` with
/// [`ErrorCode::FlowTypeNotOffered`], [`ErrorCode::InteractionTypeNotOffered`] or
/// [`ErrorCode::SignatureMismatch`].
pub fn verify_acsp_v2(
    input: &AcspV2Input<'_>,
    offered_flows: &[FlowType],
    scheme: RsaScheme,
    signature_b64: &str,
    certificate_der: &[u8],
) -> Result<Verdict> {
    let flow = input.check_formats()?;
    let offered = read(input.interactions, Reading::Strict(flow.interactions_flow()), &Limits::DEFAULT)?;
    let signature = base64_decode(signature_b64)?;
    let key = RsaKey::from_certificate_der(certificate_der, SMARTID_RSA_BITS)?;
    if !offered_flows.contains(&flow) {
        return Ok(Verdict::Invalid(ErrorCode::FlowTypeNotOffered));
    }
    let used = InteractionType::from_name(input.interaction_type_used);
    if !used.is_some_and(|u| offered.items.iter().any(|i| i.kind == u)) {
        return Ok(Verdict::Invalid(ErrorCode::InteractionTypeNotOffered));
    }
    key.verify(scheme, input.payload_for(flow).as_bytes(), &signature)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A well-formed input at the documented lower bounds (24-character serverRandom, 44-character
    /// rpChallenge): each test below spoils one condition of one field.
    const BASE: AcspV2Input<'static> = AcspV2Input {
        scheme_name: "smart-id-demo",
        server_random: "3BRq6GXciED/sysSj7n6rxzA",
        rp_challenge: "GYS+yoah6emAcVDNIajwSs6UB/M95XrDxMzXBUkwQJ4=",
        user_challenge: "UTb4rM24GEIvtddfOqA-gOUwdJSXKrj5JeVnRtPv7tI",
        relying_party_name: "DEMO",
        brokered_rp_name: None,
        interactions: "",
        interaction_type_used: "displayTextAndPIN",
        initial_callback_url: None,
        flow_type: "QR",
    };

    fn refused(input: &AcspV2Input<'_>) -> (ErrorCode, &'static str) {
        let e = input.check_formats().unwrap_err();
        (e.code(), e.detail())
    }

    #[test]
    fn each_format_rule_refuses_on_its_own() {
        assert_eq!(BASE.check_formats().unwrap(), FlowType::Qr);
        let random_32 = "3BRq6GXciED/sysSj7n6rxzA3BRq6GXc";
        let challenge_88 = "QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl9gYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CB";
        let challenge_92 =
            "QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl9gYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoOE";
        // Longer than the lower bounds, inside the upper ones: accepted.
        for ok in [
            AcspV2Input { server_random: random_32, ..BASE },
            AcspV2Input { rp_challenge: challenge_88, ..BASE },
            AcspV2Input { initial_callback_url: Some("https://rp.example/cb?x=1"), ..BASE },
        ] {
            assert!(ok.check_formats().is_ok(), "{ok:?}");
        }
        let cases = [
            (AcspV2Input { scheme_name: "", ..BASE }, "schemeName must be non-empty and free of '|'"),
            (AcspV2Input { scheme_name: "smart|id", ..BASE }, "schemeName must be non-empty and free of '|'"),
            // Valid Base64, too short; long enough, not Base64.
            (
                AcspV2Input { server_random: "3BRq6GXciED/sysSj7n6", ..BASE },
                "serverRandom must be at least 24 Base64 characters",
            ),
            (
                AcspV2Input { server_random: "3BRq6GXciED/sysSj7n6rxz!", ..BASE },
                "serverRandom must be at least 24 Base64 characters",
            ),
            (
                AcspV2Input { rp_challenge: "GYS+yoah6emAcVDNIajwSs6UB/M95XrDxMzXBUkw", ..BASE },
                "rpChallenge must be 44 to 88 Base64 characters",
            ),
            (AcspV2Input { rp_challenge: challenge_92, ..BASE }, "rpChallenge must be 44 to 88 Base64 characters"),
            (
                AcspV2Input { rp_challenge: "GYS+yoah6emAcVDNIajwSs6UB/M95XrDxMzXBUkwQJ4!", ..BASE },
                "rpChallenge must be 44 to 88 Base64 characters",
            ),
            (
                AcspV2Input { user_challenge: "UTb4rM24GEIvtddfOqA-gOUwdJSXKrj5JeVnRtPv7tIA", ..BASE },
                "userChallenge must be 43 Base64URL characters",
            ),
            (
                AcspV2Input { user_challenge: "UTb4rM24GEIvtddfOqA+gOUwdJSXKrj5JeVnRtPv7tI", ..BASE },
                "userChallenge must be 43 Base64URL characters",
            ),
            (
                AcspV2Input { initial_callback_url: Some("https://rp.example/cb|x"), ..BASE },
                "initialCallbackUrl must not contain '|'",
            ),
            (AcspV2Input { flow_type: "qr", ..BASE }, "flowType must be QR, App2App, Web2App or Notification"),
        ];
        for (input, detail) in cases {
            assert_eq!(refused(&input), (ErrorCode::InvalidFieldValue, detail), "{input:?}");
        }
        let no_rp = AcspV2Input { relying_party_name: "", ..BASE };
        assert_eq!(refused(&no_rp), (ErrorCode::MissingField, "relyingPartyName is required"));
    }

    #[test]
    fn signature_schemes_and_their_refusals() {
        for (name, hash) in [
            ("sha256WithRSAEncryption", HashAlg::Sha256),
            ("sha384WithRSAEncryption", HashAlg::Sha384),
            ("sha512WithRSAEncryption", HashAlg::Sha512),
        ] {
            assert_eq!(signature_scheme(name, None).unwrap(), RsaScheme::Pkcs1v15(hash));
        }
        let pss = PssParameters {
            hash_algorithm: "SHA-256",
            mask_gen_algorithm: "id-mgf1",
            mask_gen_hash_algorithm: "SHA-256",
            salt_length: 32,
            trailer_field: "0xbc",
        };
        assert_eq!(signature_scheme("rsassa-pss", Some(&pss)).unwrap(), RsaScheme::Pss(HashAlg::Sha256));
        let refusal = |name, p: Option<&PssParameters<'_>>| {
            let e = signature_scheme(name, p).unwrap_err();
            assert_eq!(e.code(), ErrorCode::UnsupportedAlgorithm);
            e.detail()
        };
        assert_eq!(refusal("rsassa-pss", None), "rsassa-pss needs its parameters");
        assert_eq!(refusal("sha256WithRSAEncryption", Some(&pss)), "parameters are only defined for rsassa-pss");
        assert_eq!(refusal("sha1WithRSAEncryption", None), "unknown signatureAlgorithm");
    }
}
