//! Device links and their `authCode` (RP API v3 "Device link flows" and "authCode").
//!
//! ```text
//! unprotectedDeviceLink := deviceLinkBase "?deviceLinkType=" T ["&elapsedSeconds=" s  (QR only)]
//!                          "&sessionToken=" tok "&sessionType=" auth|sign|cert "&version=1.0" "&lang=" xxx
//! authCodePayload := scheme '|' protocol '|' rpChallenge-or-digest '|' B64(rpName) '|' B64(brokeredRpName) '|'
//!                    interactions '|' initialCallbackUrl '|' unprotectedDeviceLink
//! authCode := BASE64URL(HMAC-SHA256(BASE64-DECODE(sessionSecret), authCodePayload))
//! ```

use alloc::string::String;
use core::fmt::Write as _;

use crate::codec::{base64_decode, base64_encode, base64url_encode};
use crate::crypto::{ct_eq, hmac_sha256};
use crate::error::{Error, ErrorCode, Result};
use crate::limits::Limits;
use crate::smartid::interactions::read;
use crate::smartid::types::{Flow, Reading};
use crate::uri::{is_unreserved, Uri};
use crate::Verdict;

/// How the device link reaches the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeviceLinkType {
    /// Shown as a QR code, regenerated every second with `elapsedSeconds`.
    Qr,
    /// Opened from a web page on the same device.
    Web2App,
    /// Opened from another app on the same device.
    App2App,
}

impl DeviceLinkType {
    /// The wire name (`QR`, `Web2App`, `App2App`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Qr => "QR",
            Self::Web2App => "Web2App",
            Self::App2App => "App2App",
        }
    }

    /// The type with this wire name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        [Self::Qr, Self::Web2App, Self::App2App].into_iter().find(|t| t.name() == name)
    }
}

/// The kind of session the link belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SessionType {
    /// Authentication (`ACSP_V2`, with `rpChallenge`).
    Auth,
    /// Signature (`RAW_DIGEST_SIGNATURE`, with `digest`).
    Sign,
    /// Certificate choice (protocol, digest and interactions are empty).
    Cert,
}

impl SessionType {
    /// The wire name (`auth`, `sign`, `cert`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Auth => "auth",
            Self::Sign => "sign",
            Self::Cert => "cert",
        }
    }

    /// The type with this wire name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        [Self::Auth, Self::Sign, Self::Cert].into_iter().find(|t| t.name() == name)
    }
}

/// Everything needed to build a device link. Text fields are used byte for byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeviceLinkRequest<'a> {
    /// Environment scheme name: `smart-id` (LIVE), `smart-id-demo` (DEMO).
    pub scheme_name: &'a str,
    /// `deviceLinkBase` from the session response, e.g. `https://smart-id.com/device-link`.
    pub device_link_base: &'a str,
    /// QR, Web2App or App2App.
    pub link_type: DeviceLinkType,
    /// auth, sign or cert.
    pub session_type: SessionType,
    /// `sessionToken` from the session response.
    pub session_token: &'a str,
    /// `sessionSecret` from the session response (standard Base64).
    pub session_secret: &'a str,
    /// `rpChallenge` (Base64) for auth sessions; must be `None` otherwise.
    pub rp_challenge: Option<&'a str>,
    /// `digest` (Base64) for sign sessions; must be `None` otherwise.
    pub digest: Option<&'a str>,
    /// The relying party name as sent in the request (plain text; Base64-encoded here).
    pub relying_party_name: &'a str,
    /// The brokered RP name (plain text), if the RP acts as a broker.
    pub brokered_rp_name: Option<&'a str>,
    /// The `interactions` Base64 text exactly as sent (auth and sign; `None` for cert).
    pub interactions: Option<&'a str>,
    /// `initialCallbackUrl` (Web2App and App2App: required; QR: must be `None`).
    pub initial_callback_url: Option<&'a str>,
    /// ISO 639-2 language code; `None` means `eng`.
    pub lang: Option<&'a str>,
    /// Seconds since the session response (QR only, required there).
    pub elapsed_seconds: Option<u64>,
}

/// A built device link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceLink {
    /// The Base64URL authCode.
    pub auth_code: String,
    /// The final link, `unprotectedDeviceLink&authCode=...`.
    pub device_link: String,
    /// The exact payload the authCode was computed over (for debugging and audits).
    pub auth_code_payload: String,
}

fn invalid(detail: &'static str) -> Error {
    Error::new(ErrorCode::InvalidFieldValue, detail)
}

fn missing(detail: &'static str) -> Error {
    Error::new(ErrorCode::MissingField, detail)
}

fn present(v: Option<&str>) -> Option<&str> {
    v.filter(|s| !s.is_empty())
}

/// Device-link URLs are used verbatim in the link, so beyond the URI grammar ([`crate::uri`]):
/// `https` with a host, at most 1800 bytes (the link must fit a QR code), no fragment, and for
/// the link base no query either, since parameters are appended. `|` (the authCode payload's
/// separator) is outside the grammar already.
fn check_https(url: &str, allow_query: bool, what: &'static str) -> Result<()> {
    let uri = Uri::parse(url, 1800).map_err(|_| invalid(what))?;
    let ok = uri.scheme_is("https")
        && uri.network_authority().is_ok()
        && uri.fragment.is_none()
        && (allow_query || uri.query.is_none());
    if ok {
        Ok(())
    } else {
        Err(invalid(what))
    }
}

fn check_base64(value: &str, what: &'static str) -> Result<()> {
    base64_decode(value).map(|_| ()).map_err(|_| Error::new(ErrorCode::InvalidBase64, what))
}

impl DeviceLinkRequest<'_> {
    fn validate(&self) -> Result<()> {
        if self.scheme_name.is_empty()
            || !self.scheme_name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(invalid("schemeName must be lower-case letters, digits and '-'"));
        }
        check_https(
            self.device_link_base,
            false,
            "deviceLinkBase must be an https URL without query, fragment or '|'",
        )?;
        if self.session_token.is_empty() || !self.session_token.bytes().all(is_unreserved) {
            return Err(invalid("sessionToken must be non-empty URL-unreserved characters"));
        }
        if self.session_secret.is_empty() {
            return Err(missing("sessionSecret is required"));
        }
        check_base64(self.session_secret, "sessionSecret is not Base64")?;
        if self.relying_party_name.is_empty() {
            return Err(missing("relyingPartyName is required"));
        }
        match self.lang {
            Some(l) if l.len() != 3 || !l.bytes().all(|b| b.is_ascii_lowercase()) => {
                return Err(invalid("lang must be a three-letter ISO 639-2 code"));
            }
            _ => {}
        }
        match (self.session_type, present(self.rp_challenge), present(self.digest)) {
            (SessionType::Auth, Some(c), None) => {
                if !(44..=88).contains(&c.len()) {
                    return Err(invalid("rpChallenge must be 44 to 88 Base64 characters (32 to 64 bytes)"));
                }
                check_base64(c, "rpChallenge is not Base64")?;
            }
            (SessionType::Auth, None, _) => return Err(missing("rpChallenge is required for auth sessions")),
            (SessionType::Sign, None, Some(d)) => check_base64(d, "digest is not Base64")?,
            (SessionType::Sign, _, None) => return Err(missing("digest is required for sign sessions")),
            (SessionType::Cert, None, None) => {}
            _ => return Err(invalid("rpChallenge belongs to auth sessions and digest to sign sessions only")),
        }
        match (self.session_type, present(self.interactions)) {
            (SessionType::Cert, Some(_)) => return Err(invalid("certificate-choice sessions carry no interactions")),
            (SessionType::Cert, None) => {}
            (_, None) => return Err(missing("interactions is required for auth and sign sessions")),
            (_, Some(b64)) => {
                read(b64, Reading::Strict(Flow::DeviceLink), &Limits::DEFAULT)?;
            }
        }
        match (self.link_type, present(self.initial_callback_url), self.elapsed_seconds) {
            (DeviceLinkType::Qr, None, Some(_)) => {}
            (DeviceLinkType::Qr, Some(_), _) => return Err(invalid("QR links have no initialCallbackUrl")),
            (DeviceLinkType::Qr, None, None) => return Err(missing("elapsedSeconds is required for QR links")),
            (_, _, Some(_)) => return Err(invalid("elapsedSeconds belongs to QR links only")),
            (_, None, None) => return Err(missing("initialCallbackUrl is required for Web2App and App2App links")),
            (_, Some(url), None) => {
                check_https(url, true, "initialCallbackUrl must be an https URL without '|' or '#'")?
            }
        }
        Ok(())
    }

    fn unprotected_link(&self) -> String {
        let mut s = String::with_capacity(self.device_link_base.len() + 128);
        s.push_str(self.device_link_base);
        s.push_str("?deviceLinkType=");
        s.push_str(self.link_type.name());
        if let Some(secs) = self.elapsed_seconds {
            let _ = write!(s, "&elapsedSeconds={secs}");
        }
        s.push_str("&sessionToken=");
        s.push_str(self.session_token);
        s.push_str("&sessionType=");
        s.push_str(self.session_type.name());
        s.push_str("&version=1.0&lang=");
        s.push_str(self.lang.unwrap_or("eng"));
        s
    }

    fn payload(&self, unprotected: &str) -> String {
        let protocol = match self.session_type {
            SessionType::Auth => "ACSP_V2",
            SessionType::Sign => "RAW_DIGEST_SIGNATURE",
            SessionType::Cert => "",
        };
        let challenge = present(self.rp_challenge).or(present(self.digest)).unwrap_or("");
        let fields = [
            self.scheme_name,
            protocol,
            challenge,
            &base64_encode(self.relying_party_name.as_bytes()),
            &present(self.brokered_rp_name).map(|b| base64_encode(b.as_bytes())).unwrap_or_default(),
            present(self.interactions).unwrap_or(""),
            present(self.initial_callback_url).unwrap_or(""),
            unprotected,
        ];
        fields.join("|")
    }
}

/// The exact `authCodePayload` string for a request (validated first).
///
/// # Errors
/// [`ErrorCode::MissingField`], [`ErrorCode::InvalidFieldValue`], [`ErrorCode::InvalidBase64`]
/// or an interactions error.
pub fn auth_code_payload(req: &DeviceLinkRequest<'_>) -> Result<String> {
    req.validate()?;
    Ok(req.payload(&req.unprotected_link()))
}

/// Builds the device link and its authCode.
///
/// ```
/// use ssi_verify_core::smartid::{device_link, DeviceLinkRequest, DeviceLinkType, SessionType};
/// let req = DeviceLinkRequest {
///     scheme_name: "smart-id",
///     device_link_base: "https://smart-id.com/device-link",
///     link_type: DeviceLinkType::Qr,
///     session_type: SessionType::Cert,
///     session_token: "wGIrqveE6AuGDATZKmR1mtAZ",
///     session_secret: "B98ODiVCebRedSwdTk51zFSaGYyHtY1H2A0ocAi3/Ps=",
///     rp_challenge: None,
///     digest: None,
///     relying_party_name: "DEMO",
///     brokered_rp_name: Some("Example RP"),
///     interactions: None,
///     initial_callback_url: None,
///     lang: Some("eng"),
///     elapsed_seconds: Some(22),
/// };
/// let link = device_link(&req).unwrap();
/// assert_eq!(link.auth_code, "T5pDDPAjoMS0byqS-FoaWVjlubODXoCCF4XDB4HeYNo");
/// ```
///
/// # Errors
/// As [`auth_code_payload`].
pub fn device_link(req: &DeviceLinkRequest<'_>) -> Result<DeviceLink> {
    req.validate()?;
    let secret = base64_decode(req.session_secret)?;
    let unprotected = req.unprotected_link();
    let payload = req.payload(&unprotected);
    let auth_code = base64url_encode(&hmac_sha256(&secret, &[payload.as_bytes()]));
    let mut link = unprotected;
    link.push_str("&authCode=");
    link.push_str(&auth_code);
    Ok(DeviceLink { auth_code, device_link: link, auth_code_payload: payload })
}

/// Checks a device link against the request it should come from; the authCode is compared in
/// constant time.
///
/// # Errors
/// As [`auth_code_payload`].
pub fn verify_device_link(req: &DeviceLinkRequest<'_>, link: &str) -> Result<Verdict> {
    let expected = device_link(req)?;
    Ok(Verdict::from_bool(ct_eq(expected.device_link.as_bytes(), link.as_bytes()), ErrorCode::ValueMismatch))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "B98ODiVCebRedSwdTk51zFSaGYyHtY1H2A0ocAi3/Ps=";
    const INTERACTIONS: &str = "W3sidHlwZSI6ImNvbmZpcm1hdGlvbk1lc3NhZ2UiLCJkaXNwbGF5VGV4dDIwMCI6IkxvbmdlciBkZXNjcmlwdGlvbiBvZiB0aGUgdHJhbnNhY3Rpb24gY29udGV4dCJ9LHsidHlwZSI6ImRpc3BsYXlUZXh0QW5kUElOIiwiZGlzcGxheVRleHQ2MCI6IlNob3J0IGRlc2NyaXB0aW9uIG9mIHRoZSB0cmFuc2FjdGlvbiBjb250ZXh0In1d";

    fn web2app_auth() -> DeviceLinkRequest<'static> {
        DeviceLinkRequest {
            scheme_name: "smart-id",
            device_link_base: "https://smart-id.com/device-link",
            link_type: DeviceLinkType::Web2App,
            session_type: SessionType::Auth,
            session_token: "wGIrqveE6AuGDATZKmR1mtAZ",
            session_secret: SECRET,
            rp_challenge: Some(
                "GYS+yoah6emAcVDNIajwSs6UB/M95XrDxMzXBUkwQJ9YFDipXXzGpPc7raWcuc2+TEoRc7WvIZ/7dU/iRXenYg==",
            ),
            digest: None,
            relying_party_name: "DEMO",
            brokered_rp_name: Some("Example RP"),
            interactions: Some(INTERACTIONS),
            initial_callback_url: Some("https://rp.example.com/callback-url?value=RrKjjT4aggzu27YBddX1bQ"),
            lang: None,
            elapsed_seconds: None,
        }
    }

    #[test]
    fn official_web2app_auth() {
        let link = device_link(&web2app_auth()).unwrap();
        assert_eq!(link.auth_code, "aegUh6gCKkXBJhhvtJqSTWB5_2W8TDQt5eZ7db6krv0");
        assert_eq!(verify_device_link(&web2app_auth(), &link.device_link).unwrap(), Verdict::Valid);
        let tampered = link.device_link.replace("sessionType=auth", "sessionType=sign");
        assert_eq!(verify_device_link(&web2app_auth(), &tampered).unwrap(), Verdict::Invalid(ErrorCode::ValueMismatch));
    }

    #[test]
    fn field_rules() {
        let base = web2app_auth();
        let code = |r: DeviceLinkRequest<'_>| device_link(&r).unwrap_err().code();
        assert_eq!(code(DeviceLinkRequest { initial_callback_url: None, ..base }), ErrorCode::MissingField);
        assert_eq!(
            code(DeviceLinkRequest { initial_callback_url: Some("http://x"), ..base }),
            ErrorCode::InvalidFieldValue
        );
        assert_eq!(
            code(DeviceLinkRequest { initial_callback_url: Some("https://a|b"), ..base }),
            ErrorCode::InvalidFieldValue
        );
        assert_eq!(code(DeviceLinkRequest { elapsed_seconds: Some(1), ..base }), ErrorCode::InvalidFieldValue);
        assert_eq!(code(DeviceLinkRequest { link_type: DeviceLinkType::Qr, ..base }), ErrorCode::InvalidFieldValue);
        assert_eq!(
            code(DeviceLinkRequest { link_type: DeviceLinkType::Qr, initial_callback_url: None, ..base }),
            ErrorCode::MissingField
        );
        assert_eq!(code(DeviceLinkRequest { rp_challenge: None, ..base }), ErrorCode::MissingField);
        assert_eq!(code(DeviceLinkRequest { digest: Some("AAAA"), ..base }), ErrorCode::InvalidFieldValue);
        assert_eq!(code(DeviceLinkRequest { rp_challenge: Some("c2hvcnQ="), ..base }), ErrorCode::InvalidFieldValue);
        assert_eq!(code(DeviceLinkRequest { session_secret: "not base64", ..base }), ErrorCode::InvalidBase64);
        // An rpChallenge of the right length and a sign session's digest must be Base64 too.
        let not_base64 = "!".repeat(44);
        assert_eq!(code(DeviceLinkRequest { rp_challenge: Some(&not_base64), ..base }), ErrorCode::InvalidBase64);
        let sign = DeviceLinkRequest { session_type: SessionType::Sign, rp_challenge: None, ..base };
        assert!(device_link(&DeviceLinkRequest { digest: Some("AAAA"), ..sign }).is_ok());
        assert_eq!(code(DeviceLinkRequest { digest: Some("AAA!"), ..sign }), ErrorCode::InvalidBase64);
        assert_eq!(code(DeviceLinkRequest { digest: None, ..sign }), ErrorCode::MissingField);
        assert_eq!(code(DeviceLinkRequest { session_token: "a&b", ..base }), ErrorCode::InvalidFieldValue);
        assert_eq!(
            code(DeviceLinkRequest { device_link_base: "https://x/?a=1", ..base }),
            ErrorCode::InvalidFieldValue
        );
        assert_eq!(code(DeviceLinkRequest { scheme_name: "smart|id", ..base }), ErrorCode::InvalidFieldValue);
        assert_eq!(code(DeviceLinkRequest { lang: Some("en"), ..base }), ErrorCode::InvalidFieldValue);
        assert_eq!(code(DeviceLinkRequest { relying_party_name: "", ..base }), ErrorCode::MissingField);
        assert_eq!(code(DeviceLinkRequest { interactions: None, ..base }), ErrorCode::MissingField);
        assert_eq!(
            code(DeviceLinkRequest { session_type: SessionType::Cert, rp_challenge: None, ..base }),
            ErrorCode::InvalidFieldValue
        );
        // A verification-code-choice interaction is not allowed in device-link flows.
        let vc = "W3sidHlwZSI6ImNvbmZpcm1hdGlvbk1lc3NhZ2VBbmRWZXJpZmljYXRpb25Db2RlQ2hvaWNlIiwiZGlzcGxheVRleHQyMDAiOiJUcmFuc2ZlciAxMDAwXHUyMGFjIHRvIEphbmUgRG9lIEdCMzNCVUtCMjAyMDE1NTU1NTU1NTUifV0=";
        assert_eq!(code(DeviceLinkRequest { interactions: Some(vc), ..base }), ErrorCode::TypeNotAllowedForFlow);
    }
}
