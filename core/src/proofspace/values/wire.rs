//! The wire grammars of single values: attribute types, Date, Enumeration and ImageURL.

use alloc::string::String;
use core::fmt;

use crate::error::{Error, ErrorCode, Result};
use crate::uri::{Uri, UriError};

/// Longest accepted Number value, in characters.
pub const MAX_DECIMAL_LEN: usize = 1000;

/// Longest accepted ImageURL value, in bytes.
pub const MAX_IMAGE_URL_LEN: usize = 2048;

/// Smallest Date magnitude taken for milliseconds (the JWT time threshold, shared).
pub use crate::jose::MILLISECONDS_THRESHOLD;

/// The attribute types of a ProofSpace credential schema that this library can check.
///
/// The vendor schema DTO also knows `phone` and `file`; they have no documented wire rule, so
/// [`AttributeType::from_name`] does not accept them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AttributeType {
    /// Free text.
    Text,
    /// Seconds since the Unix epoch.
    Date,
    /// A plain decimal number.
    Number,
    /// An absolute http(s) URL of an image.
    ImageUrl,
    /// A numeric index into the schema's enumeration values.
    Enumeration,
}

impl AttributeType {
    /// Every type, in the order the webhook documentation lists them.
    pub const ALL: [AttributeType; 5] = [Self::Text, Self::Date, Self::Number, Self::ImageUrl, Self::Enumeration];

    /// The documentation's name (`Text`, `Date`, `Number`, `ImageURL`, `Enumeration`).
    ///
    /// ```
    /// use ssi_verify_core::proofspace::values::AttributeType;
    /// assert_eq!(AttributeType::ImageUrl.name(), "ImageURL");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Text => "Text",
            Self::Date => "Date",
            Self::Number => "Number",
            Self::ImageUrl => "ImageURL",
            Self::Enumeration => "Enumeration",
        }
    }

    /// The spelling of the vendor schema DTO (`text`, `date`, `number`, `imageUrl`, `enumeration`).
    #[must_use]
    pub const fn dto_name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Date => "date",
            Self::Number => "number",
            Self::ImageUrl => "imageUrl",
            Self::Enumeration => "enumeration",
        }
    }

    /// The type with this documentation name or vendor DTO spelling (exact case).
    ///
    /// ```
    /// use ssi_verify_core::proofspace::values::AttributeType;
    /// assert_eq!(AttributeType::from_name("ImageURL"), Some(AttributeType::ImageUrl));
    /// assert_eq!(AttributeType::from_name("imageUrl"), Some(AttributeType::ImageUrl));
    /// assert_eq!(AttributeType::from_name("phone"), None);
    /// assert_eq!(AttributeType::from_name("IMAGEURL"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name || t.dto_name() == name)
    }
}

impl fmt::Display for AttributeType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

pub(super) fn starts_or_ends_with_whitespace(s: &str) -> bool {
    s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace)
}

/// Offset of the first byte after a run of ASCII digits starting at `from`.
pub(super) fn skip_digits(bytes: &[u8], from: usize) -> usize {
    from + bytes.get(from..).unwrap_or(&[]).iter().take_while(|b| b.is_ascii_digit()).count()
}

/// Reads a Date value: whole seconds since the Unix epoch.
///
/// The grammar is `-?[0-9]{1,19}` in canonical form (no leading zeros except `"0"` itself,
/// no `"-0"`), fitting `i64`.
///
/// ```
/// use ssi_verify_core::proofspace::values::parse_date;
/// use ssi_verify_core::ErrorCode;
/// assert_eq!(parse_date("1648800000"), Ok(1_648_800_000));
/// assert_eq!(parse_date("1648800000000").unwrap_err().code(), ErrorCode::DateLooksLikeMilliseconds);
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidDate`] for anything off the grammar or outside `i64`;
/// [`ErrorCode::DateLooksLikeMilliseconds`] when the magnitude is at least
/// [`MILLISECONDS_THRESHOLD`].
pub fn parse_date(text: &str) -> Result<i64> {
    let bad = |detail: &'static str| Error::new(ErrorCode::InvalidDate, detail);
    let bytes = text.as_bytes();
    let start = usize::from(bytes.first() == Some(&b'-'));
    let end = skip_digits(bytes, start);
    if end == start || end != bytes.len() {
        let unsigned = text.get(start..).unwrap_or("");
        let detail = if text.is_empty() {
            "date is empty"
        } else if starts_or_ends_with_whitespace(text) {
            "leading or trailing whitespace not allowed"
        } else if text.starts_with('+') {
            "leading '+' not allowed"
        } else if unsigned.contains(['-', ':', 'T', '/']) {
            "calendar dates are not allowed; a date is seconds since the epoch"
        } else if text.contains('.') {
            "fractional seconds not allowed"
        } else if text.contains(['e', 'E']) {
            "exponent not allowed"
        } else {
            "a date is an integer number of seconds (digits only)"
        };
        return Err(bad(detail).at_offset(end));
    }
    let digits = bytes.get(start..).unwrap_or(&[]);
    if digits.len() > 1 && digits.first() == Some(&b'0') {
        return Err(bad("leading zeros not allowed").at_offset(start));
    }
    if start == 1 && digits == b"0" {
        return Err(bad("negative zero not allowed"));
    }
    if digits.len() > 19 {
        return Err(bad("more than 19 digits; out of range for a 64-bit integer"));
    }
    // The text is now `-?[0-9]{1,19}`, which core's integer parser reads exactly.
    let seconds: i64 = text.parse().map_err(|_| bad("out of range for a 64-bit integer"))?;
    if seconds.unsigned_abs() >= MILLISECONDS_THRESHOLD {
        return Err(Error::new(
            ErrorCode::DateLooksLikeMilliseconds,
            "value looks like milliseconds since the epoch; ProofSpace dates are seconds",
        ));
    }
    Ok(seconds)
}

/// Reads an enumeration index `0|[1-9][0-9]*` fitting `u32`, without a schema.
pub(super) fn parse_index(text: &str) -> Result<u32> {
    let bad = |detail: &'static str| Error::new(ErrorCode::InvalidEnumeration, detail);
    let bytes = text.as_bytes();
    let end = skip_digits(bytes, 0);
    if end == 0 || end != bytes.len() {
        let detail = if text.is_empty() {
            "enumeration value is empty"
        } else if starts_or_ends_with_whitespace(text) {
            "leading or trailing whitespace not allowed"
        } else if text.starts_with('+') {
            "leading '+' not allowed"
        } else if text.starts_with('-') {
            "negative index not allowed"
        } else if text.contains('.') {
            "fractional index not allowed"
        } else {
            "enumeration value must be a numeric index such as \"0\" (digits only)"
        };
        return Err(bad(detail).at_offset(end));
    }
    if bytes.len() > 1 && bytes.first() == Some(&b'0') {
        return Err(bad("leading zeros not allowed"));
    }
    text.parse().map_err(|_| bad("index does not fit in 32 bits"))
}

/// Reads an Enumeration value and, when `enum_values` is given, checks it is one of them.
///
/// `Some(&[])` is a schema with no values, so every index is refused; pass `None` when the
/// schema does not restrict the values.
///
/// ```
/// use ssi_verify_core::proofspace::values::{parse_enumeration, EnumValue};
/// use ssi_verify_core::ErrorCode;
/// let levels = [EnumValue { name: "Gold".into(), value: 0 }, EnumValue { name: "Silver".into(), value: 1 }];
/// assert_eq!(parse_enumeration("1", Some(&levels)), Ok(1));
/// assert_eq!(parse_enumeration("2", Some(&levels)).unwrap_err().code(), ErrorCode::EnumerationNotInSchema);
/// assert_eq!(parse_enumeration("2", None), Ok(2));
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidEnumeration`] off the grammar or beyond `u32`;
/// [`ErrorCode::EnumerationNotInSchema`] for an index the schema does not list.
pub fn parse_enumeration(text: &str, enum_values: Option<&[EnumValue]>) -> Result<u32> {
    let index = parse_index(text)?;
    match enum_values {
        Some(values) if !values.iter().any(|v| v.value == index) => Err(Error::new(
            ErrorCode::EnumerationNotInSchema,
            "enumeration value is not one of the schema's enumValues",
        )),
        _ => Ok(index),
    }
}

/// Checks an ImageURL value: an absolute `http` or `https` URL (RFC 3986, [`crate::uri`]).
///
/// The grammar is the crate's one URI grammar; the rules added here: scheme `http`/`https`
/// (any case), an authority with a non-empty host, no userinfo (credentials do not belong in
/// an image URL), at most [`MAX_IMAGE_URL_LEN`] bytes.
///
/// ```
/// use ssi_verify_core::proofspace::values::validate_image_url;
/// assert!(validate_image_url("https://example.com/a.png").is_ok());
/// assert!(validate_image_url("https://user:pw@example.com/a.png").is_err());
/// assert!(validate_image_url("javascript:alert(1)").is_err());
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidImageUrl`], with a detail naming the rule and the offending offset.
pub fn validate_image_url(url: &str) -> Result<()> {
    if url.len() > MAX_IMAGE_URL_LEN {
        return Err(Error::new(ErrorCode::InvalidImageUrl, "URL longer than 2048 bytes"));
    }
    let err = |e: UriError| e.error(ErrorCode::InvalidImageUrl);
    let uri = Uri::parse(url, MAX_IMAGE_URL_LEN).map_err(err)?;
    if !uri.scheme_is("http") && !uri.scheme_is("https") {
        return Err(err(UriError::new("scheme must be http or https", 0)));
    }
    let authority = uri.network_authority().map_err(err)?;
    if authority.userinfo.is_some() {
        return Err(err(UriError::new("userinfo (credentials) not allowed in an image URL", authority.offset)));
    }
    Ok(())
}

/// One allowed value of an Enumeration attribute.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EnumValue {
    /// The display name (`Gold`).
    pub name: String,
    /// The index sent on the wire.
    pub value: u32,
}
