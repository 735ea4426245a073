//! `openid-vp://` authorization requests (OpenID for Verifiable Presentations), as Gataca puts
//! them in its QR codes:
//!
//! ```text
//! openid-vp://?client_id=https%3A%2F%2Fconnect.gataca.io%2F...&redirect_uri=...&request_uri=...
//!     &response_mode=direct_post&response_type=vp_token&scope=openid
//! ```
//!
//! Parsing is strict: the query is `application/x-www-form-urlencoded` (`%XX` and `+`), every
//! parameter appears at most once, the decoded text must be UTF-8 without control characters,
//! and the combinations OpenID4VP requires are checked (a `client_id`; `response_type`
//! containing `vp_token`; a request object by reference, or else a presentation definition or
//! scope plus a `nonce`; `direct_post` needs the URL to post to). URLs the wallet will call
//! (`request_uri`, `redirect_uri`, `response_uri`, `presentation_definition_uri`) must be
//! absolute `https` URLs. Parameters this module does not know are kept in `other`, in order.
//!
//! ```
//! use ssi_verify_core::presentation::openid::AuthorizationRequest;
//! use ssi_verify_core::Limits;
//! let uri = "openid-vp://?client_id=https%3A%2F%2Fverifier.example&request_uri=https%3A%2F%2Fverifier.example%2Fr%2F1\
//!            &response_mode=direct_post&response_type=vp_token&scope=openid";
//! let req = AuthorizationRequest::parse(uri, &Limits::DEFAULT)?;
//! assert_eq!(req.client_id, "https://verifier.example");
//! assert_eq!(req.request_uri.as_deref(), Some("https://verifier.example/r/1"));
//! assert_eq!(AuthorizationRequest::parse(&req.to_uri(), &Limits::DEFAULT)?, req);
//! # Ok::<(), ssi_verify_core::Error>(())
//! ```

use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{Error, ErrorCode, Result};
use crate::limits::Limits;
use crate::uri::Uri;

/// URI schemes accepted for a wallet invocation (Gataca uses the first; OpenID4VP drafts the second).
pub const SCHEMES: [&str; 2] = ["openid-vp://", "openid4vp://"];

/// Most query parameters accepted in one request (OpenID4VP defines about a dozen).
pub const MAX_PARAMETERS: usize = 64;

/// A parsed `openid-vp://` authorization request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthorizationRequest {
    /// The scheme the request used, e.g. `openid-vp://`.
    pub scheme: String,
    /// `client_id`: who asks (an https URL or a DID).
    pub client_id: String,
    /// `response_type`, e.g. `vp_token`.
    pub response_type: String,
    /// `response_mode`, e.g. `direct_post`.
    pub response_mode: Option<String>,
    /// `redirect_uri`: where the wallet posts or redirects (Gataca's `direct_post` target).
    pub redirect_uri: Option<String>,
    /// `response_uri`: the `direct_post` target in later OpenID4VP drafts.
    pub response_uri: Option<String>,
    /// `request_uri`: where the signed request object is fetched.
    pub request_uri: Option<String>,
    /// `scope`, e.g. `openid`.
    pub scope: Option<String>,
    /// `nonce` the presentation must be bound to.
    pub nonce: Option<String>,
    /// `state` to echo back.
    pub state: Option<String>,
    /// `presentation_definition` given by value (JSON text, not parsed here).
    pub presentation_definition: Option<String>,
    /// `presentation_definition_uri`: the definition by reference.
    pub presentation_definition_uri: Option<String>,
    /// Every other parameter, decoded, in the order given.
    pub other: Vec<QueryParameter>,
}

/// A query parameter of a request that has no field of its own (an extension parameter).
///
/// ```
/// use ssi_verify_core::presentation::openid::AuthorizationRequest;
/// use ssi_verify_core::Limits;
/// let uri = "openid-vp://?client_id=https%3A%2F%2Fv.example&response_type=vp_token&scope=openid&nonce=n-0S6&x-kiosk=lobby%202";
/// let r = AuthorizationRequest::parse(uri, &Limits::DEFAULT)?;
/// assert_eq!((r.other[0].name.as_str(), r.other[0].value.as_str()), ("x-kiosk", "lobby 2"));
/// # Ok::<(), ssi_verify_core::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryParameter {
    /// The decoded name.
    pub name: String,
    /// The decoded value.
    pub value: String,
}

fn invalid(detail: &'static str) -> Error {
    Error::new(ErrorCode::InvalidOpenIdVpRequest, detail)
}

/// The value of one hex digit, if it is one.
fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Decodes one `application/x-www-form-urlencoded` component (`%XX`, `+` = space).
fn form_decode(raw: &str, offset: usize) -> Result<String> {
    let mut out = Vec::with_capacity(raw.len());
    let mut bytes = raw.bytes().enumerate();
    while let Some((i, b)) = bytes.next() {
        match b {
            b'%' => {
                let hi = bytes.next().and_then(|(_, h)| hex_value(h));
                let lo = bytes.next().and_then(|(_, l)| hex_value(l));
                match (hi, lo) {
                    (Some(h), Some(l)) => out.push(h << 4 | l),
                    _ => return Err(invalid("'%' not followed by two hex digits").at_offset(offset + i)),
                }
            }
            b'+' => out.push(b' '),
            // Characters a URI never carries unencoded.
            b' ' | b'"' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}' | b'#' => {
                return Err(invalid("character must be percent-encoded").at_offset(offset + i))
            }
            0..=0x1f | 0x7f..=0xff => return Err(invalid("character must be percent-encoded").at_offset(offset + i)),
            _ => out.push(b),
        }
    }
    let text = String::from_utf8(out).map_err(|_| invalid("decoded value is not UTF-8").at_offset(offset))?;
    if text.chars().any(char::is_control) {
        return Err(invalid("decoded value contains a control character").at_offset(offset));
    }
    Ok(text)
}

/// Encodes one component for a query: unreserved characters stay, everything else is `%XX`.
fn form_encode(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            for nibble in [b >> 4, b & 0x0f] {
                out.push(char::from(HEX.get(usize::from(nibble)).copied().unwrap_or(b'0')));
            }
        }
    }
}

/// An absolute `https` URL ([`crate::uri`]) with a host and no userinfo (the wallet will
/// connect to it); the request's own length bound applies.
fn check_https(url: &str, detail: &'static str) -> Result<()> {
    let uri = Uri::parse(url, url.len()).map_err(|_| invalid(detail))?;
    match uri.network_authority() {
        Ok(a) if uri.scheme_is("https") && a.userinfo.is_none() => Ok(()),
        _ => Err(invalid(detail)),
    }
}

impl AuthorizationRequest {
    /// Parses and validates an `openid-vp://` (or `openid4vp://`) request URI.
    ///
    /// # Errors
    /// [`ErrorCode::InputTooLarge`] / [`ErrorCode::StringTooLong`] / [`ErrorCode::TooManyItems`]
    /// past the limits; otherwise [`ErrorCode::InvalidOpenIdVpRequest`] with a detail naming the
    /// broken rule (wrong scheme, bad encoding, duplicate or missing parameter, non-https URL).
    pub fn parse(uri: &str, limits: &Limits) -> Result<Self> {
        if uri.len() > limits.max_input_bytes {
            return Err(Error::new(ErrorCode::InputTooLarge, "request URI is longer than the input limit"));
        }
        let scheme = SCHEMES
            .iter()
            .find(|s| uri.len() >= s.len() && uri.get(..s.len()).is_some_and(|p| p.eq_ignore_ascii_case(s)))
            .ok_or_else(|| invalid("the URI must start with openid-vp:// or openid4vp://"))?;
        let rest = uri.get(scheme.len()..).unwrap_or_default();
        // Authority and path are empty or `authorize`-like; everything that matters is the query.
        let (_, query) = rest.split_once('?').ok_or_else(|| invalid("the URI has no query"))?;
        if query.contains('#') {
            return Err(invalid("a fragment is not allowed in the request URI"));
        }
        let query_offset = uri.len() - query.len();
        let mut params: Vec<(String, String)> = Vec::new();
        let mut offset = query_offset;
        for part in query.split('&') {
            if !part.is_empty() {
                if params.len() == MAX_PARAMETERS.min(limits.max_items) {
                    return Err(Error::new(ErrorCode::TooManyItems, "too many query parameters"));
                }
                if part.len() > limits.max_string_bytes {
                    return Err(Error::new(ErrorCode::StringTooLong, "query parameter is too long").at_offset(offset));
                }
                let (k, v) = part.split_once('=').ok_or_else(|| invalid("parameter without '='").at_offset(offset))?;
                let key = form_decode(k, offset)?;
                let value = form_decode(v, offset + k.len() + 1)?;
                if key.is_empty() {
                    return Err(invalid("parameter with an empty name").at_offset(offset));
                }
                if params.iter().any(|(existing, _)| *existing == key) {
                    return Err(invalid("a parameter appears twice").at_offset(offset));
                }
                params.push((key, value));
            }
            offset += part.len() + 1;
        }
        Self::from_params(scheme, params)
    }

    fn from_params(scheme: &str, params: Vec<(String, String)>) -> Result<Self> {
        let mut req = Self {
            scheme: String::from(scheme),
            client_id: String::new(),
            response_type: String::new(),
            response_mode: None,
            redirect_uri: None,
            response_uri: None,
            request_uri: None,
            scope: None,
            nonce: None,
            state: None,
            presentation_definition: None,
            presentation_definition_uri: None,
            other: Vec::new(),
        };
        let mut client_id = None;
        let mut response_type = None;
        for (key, value) in params {
            let slot = match key.as_str() {
                "client_id" => &mut client_id,
                "response_type" => &mut response_type,
                "response_mode" => &mut req.response_mode,
                "redirect_uri" => &mut req.redirect_uri,
                "response_uri" => &mut req.response_uri,
                "request_uri" => &mut req.request_uri,
                "scope" => &mut req.scope,
                "nonce" => &mut req.nonce,
                "state" => &mut req.state,
                "presentation_definition" => &mut req.presentation_definition,
                "presentation_definition_uri" => &mut req.presentation_definition_uri,
                _ => {
                    req.other.push(QueryParameter { name: key, value });
                    continue;
                }
            };
            if value.is_empty() {
                return Err(invalid("a known parameter has an empty value"));
            }
            *slot = Some(value);
        }
        req.client_id = client_id.ok_or_else(|| invalid("client_id is missing"))?;
        req.validate(response_type)?;
        Ok(req)
    }

    fn validate(&mut self, response_type: Option<String>) -> Result<()> {
        match response_type {
            Some(t) if t.split(' ').any(|part| part == "vp_token") => self.response_type = t,
            // A request object by reference carries response_type itself.
            None if self.request_uri.is_some() => {}
            Some(_) => return Err(invalid("response_type must include vp_token")),
            None => return Err(invalid("response_type is missing")),
        }
        if let Some(mode) = &self.response_mode {
            const MODES: [&str; 5] = ["direct_post", "direct_post.jwt", "fragment", "query", "form_post"];
            if !MODES.contains(&mode.as_str()) {
                return Err(invalid("response_mode is not one OpenID4VP defines"));
            }
            if mode.starts_with("direct_post")
                && self.redirect_uri.is_none()
                && self.response_uri.is_none()
                && self.request_uri.is_none()
            {
                return Err(invalid("direct_post needs redirect_uri or response_uri"));
            }
        }
        if self.request_uri.is_none() {
            let definitions = [
                self.presentation_definition.is_some(),
                self.presentation_definition_uri.is_some(),
                self.scope.is_some(),
            ];
            if !definitions.contains(&true) {
                return Err(invalid("no request_uri, presentation_definition(_uri) or scope"));
            }
            if self.presentation_definition.is_some() && self.presentation_definition_uri.is_some() {
                return Err(invalid("presentation_definition and presentation_definition_uri are exclusive"));
            }
            if self.nonce.is_none() {
                return Err(invalid("nonce is missing (required unless the request is passed by reference)"));
            }
        }
        if let Some(u) = &self.request_uri {
            check_https(u, "request_uri must be an absolute https URL")?;
        }
        if let Some(u) = &self.redirect_uri {
            check_https(u, "redirect_uri must be an absolute https URL")?;
        }
        if let Some(u) = &self.response_uri {
            check_https(u, "response_uri must be an absolute https URL")?;
        }
        if let Some(u) = &self.presentation_definition_uri {
            check_https(u, "presentation_definition_uri must be an absolute https URL")?;
        }
        Ok(())
    }

    /// The request as a URI again (known parameters first, then `other` in order), so that
    /// `parse(to_uri(r)) == r`.
    #[must_use]
    pub fn to_uri(&self) -> String {
        let mut out = String::from(self.scheme.as_str());
        out.push('?');
        let known = [
            ("client_id", Some(&self.client_id)),
            ("response_type", Some(&self.response_type).filter(|t| !t.is_empty())),
            ("response_mode", self.response_mode.as_ref()),
            ("redirect_uri", self.redirect_uri.as_ref()),
            ("response_uri", self.response_uri.as_ref()),
            ("request_uri", self.request_uri.as_ref()),
            ("scope", self.scope.as_ref()),
            ("nonce", self.nonce.as_ref()),
            ("state", self.state.as_ref()),
            ("presentation_definition", self.presentation_definition.as_ref()),
            ("presentation_definition_uri", self.presentation_definition_uri.as_ref()),
        ];
        let others = self.other.iter().map(|p| (p.name.as_str(), Some(&p.value)));
        let mut first = true;
        for (key, value) in known.into_iter().chain(others) {
            if let Some(v) = value {
                if !first {
                    out.push('&');
                }
                first = false;
                form_encode(key, &mut out);
                out.push('=');
                form_encode(v, &mut out);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The request from the Gataca seed (`authentication_request` of a new session).
    const GATACA: &str = "openid-vp://?client_id=https%3A%2F%2Fconnect.gataca.io%2Fapi%2Fv3%2Ftenants%2F29KKv46fz3kZ5jvxjBqtAq9RvqJwoA2X%2Foidc-verifier%2FTest&redirect_uri=https%3A%2F%2Fconnect.gataca.io%2Fapi%2Fv3%2Ftenants%2F29KKv46fz3kZ5jvxjBqtAq9RvqJwoA2X%2Foidc-verifier%2FTest%2Fauthorization-responses%2F4m8TLXcRUDpMrXkzorhoTpwMu6pkw4pUtHVSBf422c98&request_uri=https%3A%2F%2Fconnect.gataca.io%2Fapi%2Fv3%2Ftenants%2F29KKv46fz3kZ5jvxjBqtAq9RvqJwoA2X%2Foidc-verifier%2FTest%2Frequest%2F4m8TLXcRUDpMrXkzorhoTpwMu6pkw4pUtHVSBf422c98&response_mode=direct_post&response_type=vp_token&scope=openid";

    fn parse(uri: &str) -> Result<AuthorizationRequest> {
        AuthorizationRequest::parse(uri, &Limits::DEFAULT)
    }

    fn param(name: &str, value: &str) -> QueryParameter {
        QueryParameter { name: String::from(name), value: String::from(value) }
    }

    fn code(uri: &str) -> ErrorCode {
        parse(uri).unwrap_err().code()
    }

    #[test]
    fn gataca_seed_request() {
        let r = parse(GATACA).unwrap();
        assert_eq!(
            r.client_id,
            "https://connect.gataca.io/api/v3/tenants/29KKv46fz3kZ5jvxjBqtAq9RvqJwoA2X/oidc-verifier/Test"
        );
        assert!(r
            .redirect_uri
            .as_deref()
            .unwrap()
            .ends_with("/authorization-responses/4m8TLXcRUDpMrXkzorhoTpwMu6pkw4pUtHVSBf422c98"));
        assert!(r.request_uri.as_deref().unwrap().ends_with("/request/4m8TLXcRUDpMrXkzorhoTpwMu6pkw4pUtHVSBf422c98"));
        assert_eq!(r.response_mode.as_deref(), Some("direct_post"));
        assert_eq!(r.response_type, "vp_token");
        assert_eq!(r.scope.as_deref(), Some("openid"));
        assert_eq!(r.nonce, None);
        assert!(r.other.is_empty());
        assert_eq!(parse(&r.to_uri()).unwrap(), r);
    }

    #[test]
    fn by_value_needs_nonce_and_keeps_unknown_parameters() {
        let base = "openid4vp://authorize?client_id=did%3Akey%3Az6Mk&response_type=vp_token+id_token\
                    &presentation_definition=%7B%22id%22%3A%221%22%7D&x-extra=a+b";
        assert_eq!(code(base), ErrorCode::InvalidOpenIdVpRequest);
        let r = parse(&alloc::format!("{base}&nonce=n-0S6_WzA2Mj&state=s")).unwrap();
        assert_eq!(r.presentation_definition.as_deref(), Some("{\"id\":\"1\"}"));
        assert_eq!(r.response_type, "vp_token id_token");
        assert_eq!(r.other, [param("x-extra", "a b")]);
        assert_eq!(parse(&r.to_uri()).unwrap(), r);
    }

    #[test]
    fn each_broken_rule_is_refused() {
        let cases = [
            "https://example.org/?client_id=a",
            "openid-vp://",
            "openid-vp://?client_id=a&client_id=b&response_type=vp_token&scope=openid&nonce=n",
            "openid-vp://?response_type=vp_token&scope=openid&nonce=n",
            "openid-vp://?client_id=a&response_type=code&scope=openid&nonce=n",
            "openid-vp://?client_id=a&scope=openid&nonce=n",
            "openid-vp://?client_id=a&response_type=vp_token&nonce=n",
            "openid-vp://?client_id=a&response_type=vp_token&scope=openid&nonce=n&response_mode=magic",
            "openid-vp://?client_id=a&response_type=vp_token&scope=openid&nonce=n&response_mode=direct_post",
            "openid-vp://?client_id=a&request_uri=http%3A%2F%2Fplain.example%2Fr",
            "openid-vp://?client_id=a&request_uri=https%3A%2F%2F%2Fr",
            "openid-vp://?client_id=a&request_uri=https%3A%2F%2Fuser%40host%2Fr",
            "openid-vp://?client_id=%zz&request_uri=https%3A%2F%2Fh%2Fr",
            "openid-vp://?client_id=%ff&request_uri=https%3A%2F%2Fh%2Fr",
            "openid-vp://?client_id=%0a&request_uri=https%3A%2F%2Fh%2Fr",
            "openid-vp://?client_id=a b&request_uri=https%3A%2F%2Fh%2Fr",
            "openid-vp://?client_id&request_uri=https%3A%2F%2Fh%2Fr",
            "openid-vp://?client_id=&request_uri=https%3A%2F%2Fh%2Fr",
            "openid-vp://?client_id=a&request_uri=https%3A%2F%2Fh%2Fr#frag",
        ];
        for uri in cases {
            assert_eq!(code(uri), ErrorCode::InvalidOpenIdVpRequest, "{uri}");
        }
    }

    #[test]
    fn limits_are_enforced() {
        let many: String = (0..100).map(|i| alloc::format!("&p{i}=v")).collect();
        let uri = alloc::format!("openid-vp://?client_id=a&request_uri=https%3A%2F%2Fh%2Fr{many}");
        assert_eq!(code(&uri), ErrorCode::TooManyItems);
        let tight = Limits { max_input_bytes: 10, ..Limits::DEFAULT };
        assert_eq!(AuthorizationRequest::parse(GATACA, &tight).unwrap_err().code(), ErrorCode::InputTooLarge);
        let short = Limits { max_string_bytes: 20, ..Limits::DEFAULT };
        assert_eq!(AuthorizationRequest::parse(GATACA, &short).unwrap_err().code(), ErrorCode::StringTooLong);
    }
    fn detail(uri: &str) -> &'static str {
        parse(uri).unwrap_err().detail()
    }

    const BY_REF: &str = "openid-vp://?client_id=a&request_uri=https%3A%2F%2Fh%2Fr";

    #[test]
    fn each_rule_names_itself() {
        let by_value = "openid-vp://?client_id=a&response_type=vp_token&nonce=n";
        let cases = [
            ("openid-vp", "the URI must start with openid-vp:// or openid4vp://"),
            (
                "https://v.example/?client_id=a&request_uri=https%3A%2F%2Fh%2Fr",
                "the URI must start with openid-vp:// or openid4vp://",
            ),
            ("openid-vp://x", "the URI has no query"),
            (&alloc::format!("{BY_REF}#f") as &str, "a fragment is not allowed in the request URI"),
            (&alloc::format!("{BY_REF}&x"), "parameter without '='"),
            (&alloc::format!("{BY_REF}&=x"), "parameter with an empty name"),
            (&alloc::format!("{BY_REF}&state="), "a known parameter has an empty value"),
            ("openid-vp://?request_uri=https%3A%2F%2Fh%2Fr", "client_id is missing"),
            (&alloc::format!("{BY_REF}&response_type=code"), "response_type must include vp_token"),
            ("openid-vp://?client_id=a&scope=s&nonce=n", "response_type is missing"),
            (&alloc::format!("{BY_REF}&response_mode=post"), "response_mode is not one OpenID4VP defines"),
            (
                &alloc::format!("{by_value}&scope=s&response_mode=direct_post.jwt"),
                "direct_post needs redirect_uri or response_uri",
            ),
            (by_value, "no request_uri, presentation_definition(_uri) or scope"),
            (
                &alloc::format!(
                    "{by_value}&presentation_definition=%7B%7D&presentation_definition_uri=https%3A%2F%2Fh%2Fd"
                ),
                "presentation_definition and presentation_definition_uri are exclusive",
            ),
            (
                "openid-vp://?client_id=a&response_type=vp_token&scope=s",
                "nonce is missing (required unless the request is passed by reference)",
            ),
            ("openid-vp://?client_id=a&request_uri=h%2Fr", "request_uri must be an absolute https URL"),
            (&alloc::format!("{BY_REF}&redirect_uri=http%3A%2F%2Fh"), "redirect_uri must be an absolute https URL"),
            (&alloc::format!("{BY_REF}&response_uri=https%3Ah"), "response_uri must be an absolute https URL"),
            (
                &alloc::format!("{BY_REF}&presentation_definition_uri=ftp%3A%2F%2Fh"),
                "presentation_definition_uri must be an absolute https URL",
            ),
            (&alloc::format!("{BY_REF}&x=%C2%80"), "decoded value contains a control character"),
            (&alloc::format!("{BY_REF}&x=%C3"), "decoded value is not UTF-8"),
        ];
        for (uri, expected) in cases {
            assert_eq!(detail(uri), expected, "{uri}");
        }
        // What each direct_post form needs, one of three.
        for target in ["redirect_uri", "response_uri", "request_uri"] {
            let uri = alloc::format!("{by_value}&scope=s&response_mode=direct_post&{target}=https%3A%2F%2Fh%2Fx");
            assert!(parse(&uri).is_ok(), "{target}");
        }
        for mode in ["direct_post", "direct_post.jwt", "fragment", "query", "form_post"] {
            assert!(parse(&alloc::format!("{BY_REF}&response_mode={mode}")).is_ok(), "{mode}");
        }
        for definition in ["presentation_definition=%7B%7D", "presentation_definition_uri=https%3A%2F%2Fh%2Fd"] {
            assert!(parse(&alloc::format!("{by_value}&{definition}")).is_ok(), "{definition}");
        }
    }

    #[test]
    fn faults_are_located() {
        let at = |uri: &str| parse(uri).unwrap_err().location();
        // "openid-vp://?" is 13 bytes, "client_id=a" ends at 24.
        assert_eq!(at("openid-vp://?client_id=a%zz"), crate::Location::Offset(24));
        assert_eq!(at("openid-vp://?client_id=a%2"), crate::Location::Offset(24));
        assert_eq!(at("openid-vp://?client_id=a&%zz=1"), crate::Location::Offset(25));
        assert_eq!(at("openid-vp://?client_id=a&x=b%2zc"), crate::Location::Offset(28));
        assert_eq!(at("openid-vp://?client_id=a&&x=b c"), crate::Location::Offset(29));
        assert_eq!(at("openid-vp://?client_id=a&&x=b\u{1}"), crate::Location::Offset(29));
        assert_eq!(at("openid-vp://?client_id=a&y"), crate::Location::Offset(25));
        assert_eq!(at("openid-vp://?client_id=a&client_id=b"), crate::Location::Offset(25));
        assert_eq!(at("openid-vp://?client_id=a&=b"), crate::Location::Offset(25));
        assert_eq!(at("openid-vp://?client_id=a&x=%C3"), crate::Location::Offset(27));
        let short = Limits { max_string_bytes: 3, ..Limits::DEFAULT };
        let e = AuthorizationRequest::parse("openid-vp://?a=b&cd=ef", &short).unwrap_err();
        assert_eq!((e.code(), e.location()), (ErrorCode::StringTooLong, crate::Location::Offset(17)));
    }

    #[test]
    fn decoding_reads_every_escape_and_refuses_raw_specials() {
        let r = parse(&alloc::format!("{BY_REF}&x=%41%4a%4A%6f%6F%2b+%7e~")).unwrap();
        assert_eq!(r.other, [param("x", "AJJoo+ ~~")]);
        for raw in [" ", "\"", "<", ">", "\\", "^", "`", "{", "|", "}", "\u{1}", "\u{7f}", "\u{e9}"] {
            let uri = alloc::format!("{BY_REF}&x=a{raw}");
            assert_eq!(detail(&uri), "character must be percent-encoded", "{raw:?}");
        }
        let scheme = parse("OpenID4VP://?client_id=a&request_uri=https%3A%2F%2Fh%2Fr").unwrap();
        assert_eq!(scheme.scheme, "openid4vp://");
    }

    #[test]
    fn encoding_round_trips_any_text() {
        let mut r = parse(BY_REF).unwrap();
        r.other.push(param("k y&=/", "a b+c%d\u{e9}~-._\"<>"));
        let uri = r.to_uri();
        assert!(uri.ends_with("&k%20y%26%3D%2F=a%20b%2Bc%25d%C3%A9~-._%22%3C%3E"), "{uri}");
        assert_eq!(parse(&uri).unwrap(), r);
    }

    #[test]
    fn limits_are_inclusive() {
        let with_params = |n: usize| {
            let extra: String = (2..n).map(|i| alloc::format!("&p{i}=v")).collect();
            alloc::format!("{BY_REF}{extra}")
        };
        assert!(parse(&with_params(MAX_PARAMETERS)).is_ok());
        assert_eq!(code(&with_params(MAX_PARAMETERS + 1)), ErrorCode::TooManyItems);
        let three = Limits { max_items: 3, ..Limits::DEFAULT };
        assert!(AuthorizationRequest::parse(&with_params(3), &three).is_ok());
        assert_eq!(AuthorizationRequest::parse(&with_params(4), &three).unwrap_err().code(), ErrorCode::TooManyItems);
        let exact = Limits { max_input_bytes: BY_REF.len(), ..Limits::DEFAULT };
        assert!(AuthorizationRequest::parse(BY_REF, &exact).is_ok());
        let exact = Limits { max_string_bytes: "request_uri=https%3A%2F%2Fh%2Fr".len(), ..Limits::DEFAULT };
        assert!(AuthorizationRequest::parse(BY_REF, &exact).is_ok());
        let under = Limits { max_string_bytes: exact.max_string_bytes - 1, ..Limits::DEFAULT };
        assert_eq!(AuthorizationRequest::parse(BY_REF, &under).unwrap_err().code(), ErrorCode::StringTooLong);
    }
}
