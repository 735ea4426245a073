//! The one URI grammar of the crate: RFC 3986 `URI` (absolute, with a scheme), split into its
//! parts without copying.
//!
//! Every module that accepts a URL parses it here and then states its own extra rule where it
//! applies it (an image URL must be `http(s)` without userinfo, a wallet endpoint `https`, a
//! device-link base carries no query, ...), so the character rules are the same everywhere.
//!
//! Three deliberate narrowings of RFC 3986, because no caller can use what they allow:
//! `IPvFuture` literals (`[v1.x]`, no version is defined), an empty port (`host:`; RFC 3986 §6.2.3
//! says to omit it) and a port above 65535 are refused. Every byte must be printable ASCII: a
//! URI carries other characters percent-encoded. The length bound is the caller's.
//!
//! ```
//! use ssi_verify_core::uri::Uri;
//! let u = Uri::parse("https://user@example.com:8443/a/b?q=1#top", 2048).unwrap();
//! assert_eq!(u.scheme, "https");
//! let a = u.authority.unwrap();
//! assert_eq!((a.userinfo, a.host, a.port), (Some("user"), "example.com", Some(8443)));
//! assert_eq!((u.path, u.query, u.fragment), ("/a/b", Some("q=1"), Some("top")));
//! assert!(Uri::parse("https://x/a b", 2048).is_err());
//! ```

use crate::error::{Error, ErrorCode};

/// A parsed absolute URI; every part borrows from the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Uri<'a> {
    /// The scheme as written (compare it case-insensitively: RFC 3986 §3.1).
    pub scheme: &'a str,
    /// The authority (`//...`), when the URI has one.
    pub authority: Option<Authority<'a>>,
    /// The path (possibly empty), still percent-encoded.
    pub path: &'a str,
    /// The query without its `?`.
    pub query: Option<&'a str>,
    /// The fragment without its `#`.
    pub fragment: Option<&'a str>,
}

/// The authority part: `[userinfo "@"] host [":" port]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Authority<'a> {
    /// The userinfo without its `@`.
    pub userinfo: Option<&'a str>,
    /// The host: a reg-name (possibly empty), an IPv4 address, or an IPv6 literal with brackets.
    pub host: &'a str,
    /// The port, when one is written.
    pub port: Option<u16>,
    /// Offset of the authority in the URI (for error locations).
    pub offset: usize,
}

/// Why a text is not a URI: a fixed English detail and the byte offset of the fault.
///
/// ```
/// use ssi_verify_core::uri::Uri;
/// use ssi_verify_core::ErrorCode;
/// let e = Uri::parse("https://x/%zz", 64).unwrap_err();
/// assert_eq!((e.detail, e.offset), ("'%' must be followed by two hex digits", 10));
/// assert_eq!(e.error(ErrorCode::InvalidFieldValue).code(), ErrorCode::InvalidFieldValue);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UriError {
    /// What is wrong.
    pub detail: &'static str,
    /// Where, in bytes from the start.
    pub offset: usize,
}

impl UriError {
    /// A fault at `offset`.
    #[must_use]
    pub const fn new(detail: &'static str, offset: usize) -> Self {
        Self { detail, offset }
    }

    /// The crate error carrying this detail and offset under the caller's `code`.
    #[must_use]
    pub fn error(self, code: ErrorCode) -> Error {
        Error::new(code, self.detail).at_offset(self.offset)
    }
}

/// RFC 3986 `unreserved`.
#[must_use]
pub const fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

/// RFC 3986 `sub-delims`.
#[must_use]
pub const fn is_sub_delim(b: u8) -> bool {
    matches!(b, b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=')
}

fn is_pct_encoded(bytes: &[u8], at: usize) -> bool {
    bytes.get(at) == Some(&b'%')
        && bytes.get(at + 1).is_some_and(u8::is_ascii_hexdigit)
        && bytes.get(at + 2).is_some_and(u8::is_ascii_hexdigit)
}

/// Character classes of [`CLASS`]: what a component may hold besides `unreserved`,
/// `sub-delims` and `%XX`.
const PLAIN: u8 = 1;
const COLON: u8 = 2;
const AT: u8 = 4;
const SLASH: u8 = 8;
const QUESTION: u8 = 16;
/// RFC 3986 `pchar` (path segments): `:` and `@`, and `/` between segments.
const PATH: u8 = COLON | AT | SLASH;
/// `query` and `fragment`: `pchar`, `/` and `?`.
const QUERY: u8 = PATH | QUESTION;

/// Each byte's class: [`PLAIN`] for `unreserved` and `sub-delims`, one bit for each delimiter
/// a component may allow, 0 for the rest (one load a character instead of a dozen compares).
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        let class = match b {
            _ if is_unreserved(b) || is_sub_delim(b) => PLAIN,
            b':' => COLON,
            b'@' => AT,
            b'/' => SLASH,
            b'?' => QUESTION,
            _ => 0,
        };
        // Evaluated at compile time: an index out of range would fail the build, not a run.
        #[allow(clippy::indexing_slicing)]
        {
            t[i] = class;
        }
        i += 1;
    }
    t
};

/// Checks `bytes[from..to]` against `*( unreserved / pct-encoded / sub-delims / extra )`,
/// `extra` a set of the class bits of [`CLASS`].
fn check_chars(bytes: &[u8], from: usize, to: usize, extra: u8, what: &'static str) -> Result<(), UriError> {
    let allowed = PLAIN | extra;
    let mut i = from;
    while i < to {
        match bytes.get(i) {
            Some(&b'%') if is_pct_encoded(bytes, i) => i += 3,
            Some(&b'%') => return Err(UriError::new("'%' must be followed by two hex digits", i)),
            Some(&b) if CLASS.get(usize::from(b)).is_some_and(|c| c & allowed != 0) => i += 1,
            _ => return Err(UriError::new(what, i)),
        }
    }
    Ok(())
}

impl<'a> Uri<'a> {
    /// Parses an absolute URI of at most `max_len` bytes.
    ///
    /// # Errors
    /// A [`UriError`] naming the first rule broken: length, characters outside printable ASCII
    /// (reported first: an unencoded space or letter is the likeliest mistake), scheme, authority
    /// (userinfo, host, port), path, query or fragment characters, `%` escapes.
    pub fn parse(text: &'a str, max_len: usize) -> Result<Self, UriError> {
        if text.len() > max_len {
            return Err(UriError::new("URL too long", max_len));
        }
        if text.is_empty() {
            return Err(UriError::new("URL is empty", 0));
        }
        for (i, b) in text.bytes().enumerate() {
            // Printable ASCII other than space breaks none of the three rules below.
            if (0x21..0x7f).contains(&b) {
                continue;
            }
            if !b.is_ascii() {
                return Err(UriError::new("non-ASCII character not allowed; percent-encode it", i));
            }
            if b.is_ascii_whitespace() {
                return Err(UriError::new("whitespace not allowed; percent-encode it", i));
            }
            if b.is_ascii_control() {
                return Err(UriError::new("control character not allowed", i));
            }
        }
        let bytes = text.as_bytes();
        let colon = text.bytes().position(|b| b == b':').filter(|&c| {
            let scheme = bytes.get(..c).unwrap_or(&[]);
            scheme.first().is_some_and(u8::is_ascii_alphabetic)
                && scheme.iter().all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        });
        let Some(colon) = colon else {
            return Err(UriError::new("not an absolute URL: no scheme", 0));
        };
        let scheme = text.get(..colon).unwrap_or_default();
        let hier_start = colon + 1;
        let rest = text.get(hier_start..).unwrap_or_default();
        let hier_len = rest.bytes().position(|b| b == b'?' || b == b'#').unwrap_or(rest.len());
        let hier_end = hier_start + hier_len;
        let (authority, path_start) = if rest.starts_with("//") {
            let auth_start = hier_start + 2;
            let after = text.get(auth_start..hier_end).unwrap_or_default();
            let auth_end = auth_start + after.bytes().position(|b| b == b'/').unwrap_or(after.len());
            (Some(parse_authority(text, auth_start, auth_end)?), auth_end)
        } else {
            (None, hier_start)
        };
        check_chars(bytes, path_start, hier_end, PATH, "character not allowed in a URL; percent-encode it")?;
        let path = text.get(path_start..hier_end).unwrap_or_default();
        let tail = text.get(hier_end..).unwrap_or_default();
        let (query_part, fragment_part) = match tail.bytes().position(|b| b == b'#') {
            Some(h) => (tail.get(..h).unwrap_or_default(), tail.get(h + 1..)),
            None => (tail, None),
        };
        let query = query_part.strip_prefix('?');
        let query_start = hier_end + 1;
        if let Some(q) = query {
            check_chars(
                bytes,
                query_start,
                query_start + q.len(),
                QUERY,
                "character not allowed in a URL; percent-encode it",
            )?;
        }
        if let Some(f) = fragment_part {
            let start = hier_end + query_part.len() + 1;
            if let Some(second) = f.find('#') {
                return Err(UriError::new("second '#' not allowed; percent-encode it", start + second));
            }
            check_chars(bytes, start, start + f.len(), QUERY, "character not allowed in a URL; percent-encode it")?;
        }
        Ok(Uri { scheme, authority, path, query, fragment: fragment_part })
    }

    /// Whether the scheme is `name` (ASCII case-insensitive, as RFC 3986 §3.1 says).
    ///
    /// ```
    /// use ssi_verify_core::uri::Uri;
    /// assert!(Uri::parse("HTTPS://x", 64).unwrap().scheme_is("https"));
    /// ```
    #[must_use]
    pub fn scheme_is(&self, name: &str) -> bool {
        self.scheme.eq_ignore_ascii_case(name)
    }

    /// The authority when its host is not empty (what every network URL needs).
    ///
    /// # Errors
    /// "expected \"//\" after the scheme" without an authority, "empty host" with an empty one.
    ///
    /// ```
    /// use ssi_verify_core::uri::Uri;
    /// assert_eq!(Uri::parse("https://h/p", 64).unwrap().network_authority().unwrap().host, "h");
    /// assert!(Uri::parse("https:///p", 64).unwrap().network_authority().is_err());
    /// ```
    pub fn network_authority(&self) -> Result<Authority<'a>, UriError> {
        let Some(a) = self.authority else {
            return Err(UriError::new("expected \"//\" after the scheme", self.scheme.len() + 1));
        };
        if a.host.is_empty() {
            return Err(UriError::new("empty host", a.offset));
        }
        Ok(a)
    }
}

/// Parses `text[start..end]` as `[userinfo "@"] host [":" port]`.
fn parse_authority(text: &str, start: usize, end: usize) -> Result<Authority<'_>, UriError> {
    let bytes = text.as_bytes();
    let auth = text.get(start..end).unwrap_or_default();
    let (userinfo, host_start) = match auth.bytes().rposition(|b| b == b'@') {
        Some(at) => {
            check_chars(bytes, start, start + at, COLON, "character not allowed in the userinfo")?;
            (auth.get(..at), start + at + 1)
        }
        None => (None, start),
    };
    let host_port = text.get(host_start..end).unwrap_or_default();
    let host_len = if host_port.starts_with('[') {
        let Some(close) = host_port.find(']') else {
            return Err(UriError::new("IPv6 literal has no closing ']'", host_start));
        };
        let inner = host_port.get(1..close).unwrap_or_default();
        if let Some(bad) = inner.bytes().position(|b| !(b.is_ascii_hexdigit() || b == b':' || b == b'.')) {
            return Err(UriError::new("IPv6 literal may hold only hex digits, ':' and '.'", host_start + 1 + bad));
        }
        if !inner.contains(':') {
            return Err(UriError::new("IPv6 literal without ':'", host_start + 1));
        }
        if !is_ipv6(inner) {
            return Err(UriError::new("malformed IPv6 address", host_start + 1));
        }
        if host_port.as_bytes().get(close + 1).is_some_and(|&b| b != b':') {
            return Err(UriError::new("unexpected character after the IPv6 literal", host_start + close + 1));
        }
        close + 1
    } else {
        let len = host_port.bytes().position(|b| b == b':').unwrap_or(host_port.len());
        check_chars(bytes, host_start, host_start + len, 0, "character not allowed in the host")?;
        len
    };
    let port_at = host_start + host_len + 1;
    let port = match host_port.get(host_len + 1..) {
        None => None,
        Some("") => return Err(UriError::new("empty port", port_at)),
        Some(p) if p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit()) => {
            return Err(UriError::new("port must be 1 to 5 digits", port_at));
        }
        Some(p) => Some(p.parse::<u16>().map_err(|_| UriError::new("port above 65535", port_at))?),
    };
    Ok(Authority { userinfo, host: host_port.get(..host_len).unwrap_or_default(), port, offset: start })
}

/// RFC 3986 `IPv6address`: eight 16-bit pieces (the last two may be an IPv4 address), at most
/// one `::` standing for one or more zero pieces.
fn is_ipv6(s: &str) -> bool {
    match s.split_once("::") {
        None => ipv6_pieces(s, true) == Some(8),
        // A second `::` in `tail` leaves an empty group there, which `ipv6_pieces` refuses.
        Some((head, tail)) => match (ipv6_pieces(head, false), ipv6_pieces(tail, true)) {
            (Some(a), Some(b)) => a + b < 8,
            _ => false,
        },
    }
}

/// How many 16-bit pieces `part` (colon-separated groups, possibly empty) stands for; `None`
/// when a group is malformed. An IPv4 address counts two and may only end the address.
fn ipv6_pieces(part: &str, ipv4_last: bool) -> Option<usize> {
    if part.is_empty() {
        return Some(0);
    }
    let mut pieces = 0usize;
    let mut groups = part.split(':').peekable();
    while let Some(g) = groups.next() {
        if ipv4_last && groups.peek().is_none() && g.contains('.') {
            is_ipv4(g).then_some(())?;
            pieces += 2;
        } else if (1..=4).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_hexdigit()) {
            pieces += 1;
        } else {
            return None;
        }
    }
    Some(pieces)
}

/// RFC 3986 `IPv4address`: four decimal octets without leading zeros.
fn is_ipv4(s: &str) -> bool {
    let mut n = 0;
    for octet in s.split('.') {
        n += 1;
        let ok = !octet.is_empty()
            && octet.len() <= 3
            && octet.bytes().all(|b| b.is_ascii_digit())
            && !(octet.len() > 1 && octet.starts_with('0'))
            && octet.parse::<u8>().is_ok();
        if !ok || n > 4 {
            return false;
        }
    }
    n == 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts() {
        let u = Uri::parse("urn:isbn:0451450523", 64).unwrap();
        assert_eq!((u.scheme, u.authority, u.path), ("urn", None, "isbn:0451450523"));
        let u = Uri::parse("file:///etc/hosts", 64).unwrap();
        assert_eq!(u.authority.unwrap().host, "");
        assert_eq!(u.path, "/etc/hosts");
        let u = Uri::parse("https://x?a/b?c#d/e?f", 64).unwrap();
        assert_eq!((u.path, u.query, u.fragment), ("", Some("a/b?c"), Some("d/e?f")));
        let u = Uri::parse("https://u:p@[::1]:1/", 64).unwrap();
        let a = u.authority.unwrap();
        assert_eq!((a.userinfo, a.host, a.port), (Some("u:p"), "[::1]", Some(1)));
    }

    #[test]
    fn ipv6_forms() {
        for ok in [
            "::1",
            "::",
            "1:2:3:4:5:6:7:8",
            "2001:db8::ffff:192.0.2.1",
            "1::",
            "::ffff:1.2.3.4",
            "a:b::c",
            "1:2:3:4:5:6:1.2.3.4",
            "1:2:3:4:5:6::8",
        ] {
            assert!(is_ipv6(ok), "{ok}");
        }
        for bad in [
            ":1",
            "1:",
            "1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7:8:9",
            "1::2::3",
            "12345::",
            "::1.2.3",
            "::01.2.3.4",
            "1:::2",
            ":::",
            "1::2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7:8::",
        ] {
            assert!(!is_ipv6(bad), "{bad}");
        }
        assert_eq!(Uri::parse("https://[1:2]/", 64).unwrap_err().detail, "malformed IPv6 address");
    }

    #[test]
    fn refusals() {
        let cases: &[(&str, &str, usize)] = &[
            ("https://x/a b", "whitespace not allowed; percent-encode it", 11),
            ("1http://x", "not an absolute URL: no scheme", 0),
            ("//x/a:b", "not an absolute URL: no scheme", 0),
            ("https://x|y/", "character not allowed in the host", 9),
            ("https://a b@x/", "whitespace not allowed; percent-encode it", 9),
            ("https://a^b@x/", "character not allowed in the userinfo", 9),
            ("https://x?a|b", "character not allowed in a URL; percent-encode it", 11),
            ("https://x#a|b", "character not allowed in a URL; percent-encode it", 11),
            ("https://x:0x1", "port must be 1 to 5 digits", 10),
            // Offsets after a `%` escape, a query and a fragment, and inside an IPv6 literal.
            ("https://x/%41<", "character not allowed in a URL; percent-encode it", 13),
            ("https://x/p?ab|", "character not allowed in a URL; percent-encode it", 14),
            ("https://x/p?q#a|", "character not allowed in a URL; percent-encode it", 15),
            ("https://x?q#a#b", "second '#' not allowed; percent-encode it", 13),
            ("https://[1:g]/", "IPv6 literal may hold only hex digits, ':' and '.'", 11),
            ("https://u@[1:g]/", "IPv6 literal may hold only hex digits, ':' and '.'", 13),
            ("https://[1.2]/", "IPv6 literal without ':'", 9),
            ("https://u@[1.2]/", "IPv6 literal without ':'", 11),
            ("https://[1:2]/", "malformed IPv6 address", 9),
            ("https://u@[1:2]/", "malformed IPv6 address", 11),
            ("https://[::1]x/", "unexpected character after the IPv6 literal", 13),
            ("https://u@[::1]x/", "unexpected character after the IPv6 literal", 15),
        ];
        for (text, detail, at) in cases {
            assert_eq!(Uri::parse(text, 64), Err(UriError::new(detail, *at)), "{text}");
        }
        assert_eq!(Uri::parse("https://x/", 9).unwrap_err().detail, "URL too long");
        let no_authority = Uri::parse("mailto:a@b", 64).unwrap().network_authority();
        assert_eq!(no_authority, Err(UriError::new("expected \"//\" after the scheme", 7)));
        let fragment = Uri::parse("https://x/p?q#ab", 64).unwrap();
        assert_eq!((fragment.query, fragment.fragment), (Some("q"), Some("ab")));
    }
}
