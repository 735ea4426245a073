//! Typed credential values: the wire rules of ProofSpace credential fields, and schemas that
//! say which rule applies to which field.
//!
//! The "ProofSpace Integration Webhooks API Overview" sends every credential field as a
//! `{name, value}` pair whose value is a JSON *string*; the schema attribute's type says how
//! to read it:
//!
//! | type | wire value | read here as |
//! |---|---|---|
//! | Text | the text itself | any string, kept as is |
//! | Date | seconds since the epoch as a string | `-?[0-9]{1,19}`, canonical (no leading zeros, no `-0`), fits `i64` |
//! | Number | the number as a string, `.` as decimal point (`"222.2222"`) | `-?[0-9]+(\.[0-9]+)?`, at most 1,000 characters, kept as exact text |
//! | ImageURL | the URL as a string | an absolute `http`/`https` URL of RFC 3986 characters, no userinfo, at most 2,048 bytes |
//! | Enumeration | the numeric enumeration value as a string (`"0"`, `"1"`, ...) | `0\|[1-9][0-9]*`, fits `u32`, one of the schema's values when it lists them |
//!
//! Numbers never pass through floating point: a [`Decimal`] is its validated text, so
//! `"0.1"` and `"0.10"` stay distinct and a 40-digit value survives unchanged.
//!
//! Some integrators send Date values in milliseconds (ProofSpace's own `utcIssuedAt` is
//! milliseconds, but that is a JSON number outside the fields). A value of 10^11 or more in
//! magnitude would be a date after the year 5000 in seconds, so it is refused with
//! [`ErrorCode::DateLooksLikeMilliseconds`] rather than silently misread.
//!
//! Every check is a single forward pass over its input; nothing recurses and nothing panics.

use alloc::collections::{BTreeMap, BTreeSet};
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt::{self, Write};

use crate::error::{Error, ErrorCode, Result};
use crate::json::{write_string, ObjectExt as _, Value};
use crate::limits::Limits;
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

fn starts_or_ends_with_whitespace(s: &str) -> bool {
    s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace)
}

/// Offset of the first byte after a run of ASCII digits starting at `from`.
fn skip_digits(bytes: &[u8], from: usize) -> usize {
    from + bytes.get(from..).unwrap_or(&[]).iter().take_while(|b| b.is_ascii_digit()).count()
}

/// A Number value: an exact decimal, kept as the text it arrived as.
///
/// The grammar is `-?[0-9]+(\.[0-9]+)?`, at most [`MAX_DECIMAL_LEN`] characters. Leading
/// zeros (`"007"`) and negative zero (`"-0"`) are accepted and **kept**: the value is stored
/// verbatim so that writing it back yields exactly the received text. For the same reason
/// equality is textual: `"0.1"` and `"0.10"` are different `Decimal`s.
///
/// ```
/// use ssi_verify_core::proofspace::values::Decimal;
/// let d = Decimal::parse("-222.2222").unwrap();
/// assert_eq!(d.as_str(), "-222.2222");
/// assert!(d.is_negative());
/// assert_eq!((d.integer_digits(), d.fraction_digits(), d.scale()), ("222", "2222", 4));
/// assert!(Decimal::parse("1e3").is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Decimal(String);

impl Decimal {
    /// Validates `text` and keeps it.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidNumber`], with a detail naming the broken rule (`"exponent not
    /// allowed"`, `"comma is not a decimal separator; use '.'"`, ...) and the offset of the
    /// first byte that does not fit the grammar.
    pub fn parse(text: &str) -> Result<Self> {
        if text.len() > MAX_DECIMAL_LEN {
            return Err(Error::new(ErrorCode::InvalidNumber, "number longer than 1000 characters"));
        }
        match scan_decimal(text) {
            Ok(()) => Ok(Self(String::from(text))),
            Err(at) => Err(Error::new(ErrorCode::InvalidNumber, decimal_detail(text, at)).at_offset(at)),
        }
    }

    /// The exact text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the value is below zero: a `-` sign and a non-zero digit (`"-0.00"` is not).
    #[must_use]
    pub fn is_negative(&self) -> bool {
        self.0.starts_with('-') && self.0.bytes().any(|b| matches!(b, b'1'..=b'9'))
    }

    fn unsigned(&self) -> &str {
        self.0.strip_prefix('-').unwrap_or(&self.0)
    }

    /// The digits before the `.`, without the sign, leading zeros kept.
    #[must_use]
    pub fn integer_digits(&self) -> &str {
        let u = self.unsigned();
        u.split_once('.').map_or(u, |(int, _)| int)
    }

    /// The digits after the `.`, trailing zeros kept; empty for an integer.
    #[must_use]
    pub fn fraction_digits(&self) -> &str {
        self.unsigned().split_once('.').map_or("", |(_, frac)| frac)
    }

    /// The number of fraction digits.
    #[must_use]
    pub fn scale(&self) -> usize {
        self.fraction_digits().len()
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Checks `-?[0-9]+(\.[0-9]+)?`; on failure, the offset of the first byte that breaks it.
fn scan_decimal(text: &str) -> core::result::Result<(), usize> {
    let bytes = text.as_bytes();
    let start = usize::from(bytes.first() == Some(&b'-'));
    let mut i = skip_digits(bytes, start);
    if i == start {
        return Err(i);
    }
    if bytes.get(i) == Some(&b'.') {
        let frac_start = i + 1;
        i = skip_digits(bytes, frac_start);
        if i == frac_start {
            return Err(i);
        }
    }
    if i == bytes.len() {
        Ok(())
    } else {
        Err(i)
    }
}

/// Names the rule a rejected Number breaks; the checks run from the most specific mistake
/// (what another language's formatter would produce) to the generic one.
fn decimal_detail(text: &str, at: usize) -> &'static str {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let at_byte = text.as_bytes().get(at).copied();
    if text.is_empty() {
        "number is empty"
    } else if starts_or_ends_with_whitespace(text) {
        "leading or trailing whitespace not allowed"
    } else if text.starts_with('+') {
        "leading '+' not allowed"
    } else if ["nan", "inf", "infinity"].iter().any(|w| unsigned.eq_ignore_ascii_case(w)) {
        "NaN and Infinity are not numbers"
    } else if text.contains(char::is_whitespace) {
        "whitespace not allowed"
    } else if text.contains(',') {
        "comma is not a decimal separator; use '.'"
    } else if text.contains(['e', 'E']) {
        "exponent not allowed"
    } else if unsigned.is_empty() {
        "a digit is required after '-'"
    } else if unsigned.starts_with('.') {
        "a digit is required before '.'"
    } else if at_byte.is_none() && text.ends_with('.') {
        "a digit is required after '.'"
    } else if at_byte == Some(b'.') {
        "only one '.' allowed"
    } else if at_byte == Some(b'-') {
        "'-' is only allowed at the start"
    } else {
        "unexpected character in number"
    }
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
fn parse_index(text: &str) -> Result<u32> {
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

/// A credential field value read by its attribute type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TypedValue {
    /// A Text value.
    Text(String),
    /// A Date value, in seconds since the Unix epoch.
    Date(i64),
    /// A Number value, exact.
    Number(Decimal),
    /// An ImageURL value, exactly as received.
    ImageUrl(String),
    /// An Enumeration value (the numeric index).
    Enumeration(u32),
}

impl TypedValue {
    /// Reads the wire string `wire` as a value of type `ty`. `enum_values` restricts
    /// Enumeration values (see [`parse_enumeration`]) and is ignored for the other types.
    ///
    /// For every accepted `wire`, `cast(ty, wire)?.to_wire() == wire`: nothing is normalised.
    ///
    /// ```
    /// use ssi_verify_core::proofspace::values::{AttributeType, TypedValue};
    /// let v = TypedValue::cast(AttributeType::Number, "222.2222", None).unwrap();
    /// assert_eq!(v.to_wire(), "222.2222");
    /// assert_eq!(TypedValue::cast(AttributeType::Date, "1648800000", None), Ok(TypedValue::Date(1_648_800_000)));
    /// ```
    ///
    /// # Errors
    /// The error of the type's rule: [`Decimal::parse`], [`parse_date`],
    /// [`validate_image_url`] or [`parse_enumeration`]. Text never fails.
    pub fn cast(ty: AttributeType, wire: &str, enum_values: Option<&[EnumValue]>) -> Result<TypedValue> {
        match ty {
            AttributeType::Text => Ok(Self::Text(String::from(wire))),
            AttributeType::Date => parse_date(wire).map(Self::Date),
            AttributeType::Number => Decimal::parse(wire).map(Self::Number),
            AttributeType::ImageUrl => validate_image_url(wire).map(|()| Self::ImageUrl(String::from(wire))),
            AttributeType::Enumeration => parse_enumeration(wire, enum_values).map(Self::Enumeration),
        }
    }

    /// The attribute type of the value.
    #[must_use]
    pub fn kind(&self) -> AttributeType {
        match self {
            Self::Text(_) => AttributeType::Text,
            Self::Date(_) => AttributeType::Date,
            Self::Number(_) => AttributeType::Number,
            Self::ImageUrl(_) => AttributeType::ImageUrl,
            Self::Enumeration(_) => AttributeType::Enumeration,
        }
    }

    /// The wire string: Date and Enumeration in decimal, Number as its exact text.
    ///
    /// A Date built directly with a magnitude of [`MILLISECONDS_THRESHOLD`] or more is written
    /// all the same, though [`TypedValue::cast`] would refuse it.
    ///
    /// ```
    /// use ssi_verify_core::proofspace::values::TypedValue;
    /// assert_eq!(TypedValue::Enumeration(2).to_wire(), "2");
    /// assert_eq!(TypedValue::Date(-86400).to_wire(), "-86400");
    /// ```
    #[must_use]
    pub fn to_wire(&self) -> String {
        match self {
            Self::Text(s) | Self::ImageUrl(s) => s.clone(),
            Self::Date(seconds) => seconds.to_string(),
            Self::Number(d) => String::from(d.as_str()),
            Self::Enumeration(index) => index.to_string(),
        }
    }

    /// A compact JSON object for display: `{"type":"Text","value":"..."}`,
    /// `{"type":"Date","seconds":1648800000}`, `{"type":"Number","value":"222.2222"}` (a
    /// string, so no reader rounds it), `{"type":"ImageURL","url":"..."}`,
    /// `{"type":"Enumeration","index":2}`.
    ///
    /// ```
    /// use ssi_verify_core::proofspace::values::TypedValue;
    /// assert_eq!(TypedValue::Enumeration(2).to_json(), r#"{"type":"Enumeration","index":2}"#);
    /// ```
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        // A String sink never reports an error, so there is nothing to propagate.
        let _ = self.write_json(&mut out);
        out
    }

    /// Writes [`TypedValue::to_json`]'s text into any sink (for example a
    /// [`crate::json::SliceWriter`], without allocating).
    ///
    /// ```
    /// let mut out = String::new();
    /// ssi_verify_core::proofspace::values::TypedValue::Date(0).write_json(&mut out).unwrap();
    /// assert_eq!(out, r#"{"type":"Date","seconds":0}"#);
    /// ```
    ///
    /// # Errors
    /// Only what the sink reports.
    pub fn write_json<W: Write + ?Sized>(&self, out: &mut W) -> fmt::Result {
        out.write_str("{\"type\":")?;
        write_string(out, self.kind().name())?;
        match self {
            Self::Text(s) => {
                out.write_str(",\"value\":")?;
                write_string(out, s)?;
            }
            Self::Date(seconds) => write!(out, ",\"seconds\":{seconds}")?,
            Self::Number(d) => {
                out.write_str(",\"value\":")?;
                write_string(out, d.as_str())?;
            }
            Self::ImageUrl(url) => {
                out.write_str(",\"url\":")?;
                write_string(out, url)?;
            }
            Self::Enumeration(index) => write!(out, ",\"index\":{index}")?,
        }
        out.write_char('}')
    }
}

/// Reads `wire` as a value of type `ty`: the same as [`TypedValue::cast`].
///
/// ```
/// use ssi_verify_core::proofspace::values::{cast, AttributeType, TypedValue};
/// assert_eq!(cast(AttributeType::Enumeration, "0", None), Ok(TypedValue::Enumeration(0)));
/// ```
///
/// # Errors
/// As [`TypedValue::cast`].
pub fn cast(ty: AttributeType, wire: &str, enum_values: Option<&[EnumValue]>) -> Result<TypedValue> {
    TypedValue::cast(ty, wire, enum_values)
}

/// One allowed value of an Enumeration attribute.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EnumValue {
    /// The display name (`Gold`).
    pub name: String,
    /// The index sent on the wire.
    pub value: u32,
}

/// One attribute of a credential schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaAttribute {
    /// The attribute (and field) name.
    pub name: String,
    /// How its values are read.
    pub ty: AttributeType,
    /// The allowed values of an Enumeration; empty means unrestricted (and for other types).
    pub enum_values: Vec<EnumValue>,
}

impl SchemaAttribute {
    /// Reads `wire` by this attribute's type, restricted to its enumeration values if it lists any.
    ///
    /// ```
    /// use ssi_verify_core::proofspace::values::{AttributeType, SchemaAttribute, TypedValue};
    /// let age = SchemaAttribute { name: "Age".into(), ty: AttributeType::Number, enum_values: vec![] };
    /// assert!(matches!(age.cast("42"), Ok(TypedValue::Number(_))));
    /// ```
    ///
    /// # Errors
    /// As [`TypedValue::cast`].
    pub fn cast(&self, wire: &str) -> Result<TypedValue> {
        let values = (!self.enum_values.is_empty()).then_some(self.enum_values.as_slice());
        TypedValue::cast(self.ty, wire, values)
    }
}

/// A credential schema: the attributes a credential's fields must match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CredentialSchema {
    /// The attributes, in schema order, names unique.
    pub attributes: Vec<SchemaAttribute>,
}

fn invalid(detail: &'static str) -> Error {
    Error::new(ErrorCode::InvalidFieldValue, detail)
}

impl CredentialSchema {
    /// Reads a schema document:
    /// `{"attributes":[{"name":"Age","type":"Number"},{"name":"Level","type":"Enumeration",
    /// "enumValues":[{"name":"Gold","value":0},{"name":"Silver","value":1}]}]}`.
    ///
    /// `type` takes the documentation names or the vendor DTO spellings (see
    /// [`AttributeType::from_name`]). An enumeration `value` is a JSON integer or a numeric
    /// string; an enum value's optional `description` (a string) is accepted and not kept.
    /// `null` members count as absent.
    ///
    /// ```
    /// use ssi_verify_core::json::Value;
    /// use ssi_verify_core::proofspace::values::{AttributeType, CredentialSchema};
    /// use ssi_verify_core::Limits;
    /// let doc = Value::parse(r#"{"attributes":[{"name":"Age","type":"Number"}]}"#, &Limits::DEFAULT).unwrap();
    /// let schema = CredentialSchema::from_json(&doc).unwrap();
    /// assert_eq!(schema.attributes[0].ty, AttributeType::Number);
    /// ```
    ///
    /// # Errors
    /// [`ErrorCode::UnknownField`] for an undefined member, [`ErrorCode::MissingField`],
    /// [`ErrorCode::UnexpectedJsonType`], [`ErrorCode::InvalidFieldValue`] for an empty name,
    /// an unsupported type (`phone`, `file`, ...) or `enumValues` on a non-Enumeration,
    /// [`ErrorCode::InvalidEnumeration`] for a `value` that is not a `u32` index, and
    /// [`ErrorCode::DuplicateKey`] for repeated attribute names or enumeration values. Errors
    /// inside an attribute are located at its index.
    pub fn from_json(doc: &Value) -> Result<Self> {
        let members =
            doc.as_object().ok_or_else(|| Error::new(ErrorCode::UnexpectedJsonType, "schema must be a JSON object"))?;
        if members.iter().any(|(k, _)| k != "attributes") {
            return Err(Error::new(ErrorCode::UnknownField, "schema has a member other than attributes"));
        }
        let list = match doc.get("attributes") {
            None | Some(Value::Null) => return Err(Error::new(ErrorCode::MissingField, "attributes is required")),
            Some(Value::Array(items)) => items,
            Some(_) => return Err(Error::new(ErrorCode::UnexpectedJsonType, "attributes must be an array")),
        };
        let attributes = list
            .iter()
            .enumerate()
            .map(|(i, item)| parse_attribute(item).map_err(|e| e.at_index(i)))
            .collect::<Result<Vec<_>>>()?;
        let mut names = BTreeSet::new();
        for (i, attr) in attributes.iter().enumerate() {
            if !names.insert(attr.name.as_str()) {
                return Err(Error::new(ErrorCode::DuplicateKey, "two attributes have the same name").at_index(i));
            }
        }
        Ok(Self { attributes })
    }

    /// Parses `text` within `limits`, then reads it with [`CredentialSchema::from_json`].
    ///
    /// ```
    /// use ssi_verify_core::proofspace::values::CredentialSchema;
    /// use ssi_verify_core::Limits;
    /// let schema = CredentialSchema::parse(r#"{"attributes":[{"name":"Photo","type":"imageUrl"}]}"#, &Limits::DEFAULT);
    /// assert_eq!(schema.unwrap().attributes.len(), 1);
    /// ```
    ///
    /// # Errors
    /// JSON errors of [`Value::parse`], then those of [`CredentialSchema::from_json`].
    pub fn parse(text: &str, limits: &Limits) -> Result<Self> {
        Self::from_json(&Value::parse(text, limits)?)
    }

    /// The attribute called `name`.
    #[must_use]
    pub fn attribute(&self, name: &str) -> Option<&SchemaAttribute> {
        self.attributes.iter().find(|a| a.name == name)
    }
}

fn parse_attribute(item: &Value) -> Result<SchemaAttribute> {
    let members = item
        .as_object()
        .ok_or_else(|| Error::new(ErrorCode::UnexpectedJsonType, "each attribute must be a JSON object"))?;
    if members.iter().any(|(k, _)| !matches!(k.as_str(), "name" | "type" | "enumValues")) {
        return Err(Error::new(ErrorCode::UnknownField, "attribute has a member other than name, type and enumValues"));
    }
    let name = item.req_str("name", "attribute name is required and must be a string")?;
    if name.is_empty() {
        return Err(invalid("attribute name is empty"));
    }
    let type_name = item.req_str("type", "attribute type is required and must be a string")?;
    let ty = AttributeType::from_name(type_name)
        .ok_or_else(|| invalid("attribute type is not Text, Date, Number, ImageURL or Enumeration"))?;
    let enum_values = match item.get("enumValues") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(values)) => values.iter().map(parse_enum_value).collect::<Result<Vec<_>>>()?,
        Some(_) => return Err(Error::new(ErrorCode::UnexpectedJsonType, "enumValues must be an array")),
    };
    if ty != AttributeType::Enumeration && !enum_values.is_empty() {
        return Err(invalid("enumValues given for an attribute that is not an Enumeration"));
    }
    let mut seen = BTreeSet::new();
    if !enum_values.iter().all(|v| seen.insert(v.value)) {
        return Err(Error::new(ErrorCode::DuplicateKey, "two enumValues have the same value"));
    }
    Ok(SchemaAttribute { name: String::from(name), ty, enum_values })
}

fn parse_enum_value(item: &Value) -> Result<EnumValue> {
    let members = item
        .as_object()
        .ok_or_else(|| Error::new(ErrorCode::UnexpectedJsonType, "each enumValues item must be a JSON object"))?;
    if members.iter().any(|(k, _)| !matches!(k.as_str(), "name" | "value" | "description")) {
        return Err(Error::new(
            ErrorCode::UnknownField,
            "enumValues item has a member other than name, value and description",
        ));
    }
    let name = item.req_str("name", "enumValues name is required and must be a string")?;
    item.opt_str("description", "enumValues description must be a string")?;
    let value = match item.get("value") {
        None | Some(Value::Null) => return Err(Error::new(ErrorCode::MissingField, "enumValues value is required")),
        Some(Value::Number(n)) => n.as_u64().and_then(|v| u32::try_from(v).ok()).ok_or_else(|| {
            Error::new(ErrorCode::InvalidEnumeration, "enumValues value is not an integer from 0 to 4294967295")
        })?,
        Some(Value::String(s)) => parse_index(s)?,
        Some(_) => {
            return Err(Error::new(
                ErrorCode::UnexpectedJsonType,
                "enumValues value must be an integer or a numeric string",
            ))
        }
    };
    Ok(EnumValue { name: String::from(name), value })
}

/// A credential field as the webhooks send it: `{"name": ..., "value": ...}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct NameValue {
    /// The field (attribute) name.
    pub name: String,
    /// The wire value (always a string).
    pub value: String,
}

impl NameValue {
    /// A pair from anything string-like.
    ///
    /// ```
    /// let f = ssi_verify_core::proofspace::values::NameValue::new("Age", "42");
    /// assert_eq!((f.name.as_str(), f.value.as_str()), ("Age", "42"));
    /// ```
    #[must_use]
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        Self { name: name.into(), value: value.into() }
    }
}

/// One problem with one field of a credential.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldIssue {
    /// The field's name (for a missing attribute, the attribute's name).
    pub field: String,
    /// What is wrong.
    pub error: Error,
}

/// Checks every field of a credential against `schema`, and casts the good ones.
fn check_fields(schema: &CredentialSchema, fields: &[NameValue]) -> (Vec<(String, TypedValue)>, Vec<FieldIssue>) {
    let mut typed = Vec::new();
    let mut issues = Vec::new();
    // An empty list is ProofSpace's way of postponing the issue, not a credential missing
    // every attribute.
    if fields.is_empty() {
        return (typed, issues);
    }
    let mut by_name: BTreeMap<&str, &SchemaAttribute> = BTreeMap::new();
    for attr in &schema.attributes {
        by_name.entry(attr.name.as_str()).or_insert(attr);
    }
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for (i, field) in fields.iter().enumerate() {
        let issue = |error: Error| FieldIssue { field: field.name.clone(), error };
        if !seen.insert(field.name.as_str()) {
            issues.push(issue(Error::new(ErrorCode::DuplicateKey, "field appears more than once").at_index(i)));
            continue;
        }
        match by_name.get(field.name.as_str()) {
            None => issues.push(issue(
                Error::new(ErrorCode::UnknownField, "field is not an attribute of the schema").at_index(i),
            )),
            Some(attr) => match attr.cast(&field.value) {
                Ok(value) => typed.push((field.name.clone(), value)),
                Err(error) => issues.push(issue(error)),
            },
        }
    }
    for (j, attr) in schema.attributes.iter().enumerate() {
        if !seen.contains(attr.name.as_str()) {
            issues.push(FieldIssue {
                field: attr.name.clone(),
                error: Error::new(ErrorCode::MissingField, "schema attribute has no field").at_index(j),
            });
        }
    }
    (typed, issues)
}

/// Every problem of a credential's fields against `schema`; empty when all is well.
///
/// Reported, in field order: a value its attribute's type refuses (that rule's error, located
/// in the value), a name the schema does not have ([`ErrorCode::UnknownField`]), and each
/// repeat of a name ([`ErrorCode::DuplicateKey`]), both located at the field's index in
/// `fields`. Then, in schema order, each attribute with no field ([`ErrorCode::MissingField`],
/// at the attribute's index). An empty `fields` is valid: it is how ProofSpace postpones
/// issuing a credential.
///
/// ```
/// use ssi_verify_core::proofspace::values::{validate_credential, AttributeType, CredentialSchema, NameValue, SchemaAttribute};
/// use ssi_verify_core::ErrorCode;
/// let schema = CredentialSchema {
///     attributes: vec![SchemaAttribute { name: "Age".into(), ty: AttributeType::Number, enum_values: vec![] }],
/// };
/// let issues = validate_credential(&schema, &[NameValue::new("Age", "4,2"), NameValue::new("Name", "Ann")]);
/// let codes: Vec<_> = issues.iter().map(|i| i.error.code()).collect();
/// assert_eq!(codes, [ErrorCode::InvalidNumber, ErrorCode::UnknownField]);
/// assert!(validate_credential(&schema, &[]).is_empty());
/// ```
#[must_use]
pub fn validate_credential(schema: &CredentialSchema, fields: &[NameValue]) -> Vec<FieldIssue> {
    check_fields(schema, fields).1
}

/// The typed fields of a credential, in field order, or every issue
/// [`validate_credential`] finds.
///
/// ```
/// use ssi_verify_core::proofspace::values::{cast_credential, AttributeType, CredentialSchema, NameValue, SchemaAttribute, TypedValue};
/// let schema = CredentialSchema {
///     attributes: vec![SchemaAttribute { name: "Born".into(), ty: AttributeType::Date, enum_values: vec![] }],
/// };
/// let typed = cast_credential(&schema, &[NameValue::new("Born", "0")]).unwrap();
/// assert_eq!(typed, [("Born".to_string(), TypedValue::Date(0))]);
/// ```
///
/// # Errors
/// The non-empty list of [`FieldIssue`]s.
pub fn cast_credential(
    schema: &CredentialSchema,
    fields: &[NameValue],
) -> core::result::Result<Vec<(String, TypedValue)>, Vec<FieldIssue>> {
    let (typed, issues) = check_fields(schema, fields);
    if issues.is_empty() {
        Ok(typed)
    } else {
        Err(issues)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Location;
    use alloc::format;
    use alloc::vec;

    fn num_err(s: &str) -> Error {
        Decimal::parse(s).unwrap_err()
    }

    #[test]
    fn attribute_type_names() {
        for t in AttributeType::ALL {
            assert_eq!(AttributeType::from_name(t.name()), Some(t));
            assert_eq!(AttributeType::from_name(t.dto_name()), Some(t));
            assert_eq!(format!("{t}"), t.name());
        }
        let names: Vec<_> = AttributeType::ALL.iter().map(|t| t.name()).collect();
        assert_eq!(names, ["Text", "Date", "Number", "ImageURL", "Enumeration"]);
        for bad in ["phone", "file", "Phone", "File", "", "TEXT", "ImageUrl", "imageURL", "image_url", " text", "enum"]
        {
            assert_eq!(AttributeType::from_name(bad), None, "{bad}");
        }
    }

    #[test]
    fn decimal_accepts_grammar() {
        for s in ["0", "-0", "5", "007", "-007.500", "222.2222", "0.1", "0.10", "-1.5", "123456789", "0.000"] {
            let d = Decimal::parse(s).unwrap();
            assert_eq!(d.as_str(), s);
            assert_eq!(format!("{d}"), s);
        }
        let d = Decimal::parse("007").unwrap();
        assert_eq!((d.integer_digits(), d.fraction_digits(), d.scale()), ("007", "", 0));
        let d = Decimal::parse("-12.340").unwrap();
        assert_eq!((d.integer_digits(), d.fraction_digits(), d.scale()), ("12", "340", 3));
        assert!(d.is_negative());
        assert!(!Decimal::parse("-0.00").unwrap().is_negative());
        assert!(!Decimal::parse("0.5").unwrap().is_negative());
        assert!(Decimal::parse("-0.01").unwrap().is_negative());
        assert_ne!(Decimal::parse("0.1").unwrap(), Decimal::parse("0.10").unwrap());
        let forty = "1234567890123456789012345678901234567890";
        assert_eq!(Decimal::parse(forty).unwrap().as_str(), forty);
        let long = "9".repeat(MAX_DECIMAL_LEN);
        assert_eq!(Decimal::parse(&long).unwrap().as_str(), long);
    }

    #[test]
    fn decimal_rejections_name_the_rule() {
        let cases: &[(&str, &str)] = &[
            ("", "number is empty"),
            ("+1", "leading '+' not allowed"),
            (" 1", "leading or trailing whitespace not allowed"),
            ("1 ", "leading or trailing whitespace not allowed"),
            ("1\n", "leading or trailing whitespace not allowed"),
            ("1 000", "whitespace not allowed"),
            ("1e5", "exponent not allowed"),
            ("1E5", "exponent not allowed"),
            ("1.5e-3", "exponent not allowed"),
            ("1,5", "comma is not a decimal separator; use '.'"),
            ("1,000.5", "comma is not a decimal separator; use '.'"),
            (".5", "a digit is required before '.'"),
            ("-.5", "a digit is required before '.'"),
            ("5.", "a digit is required after '.'"),
            ("-", "a digit is required after '-'"),
            ("1.2.3", "only one '.' allowed"),
            ("1..2", "only one '.' allowed"),
            ("NaN", "NaN and Infinity are not numbers"),
            ("nan", "NaN and Infinity are not numbers"),
            ("Infinity", "NaN and Infinity are not numbers"),
            ("-Infinity", "NaN and Infinity are not numbers"),
            ("inf", "NaN and Infinity are not numbers"),
            ("--1", "'-' is only allowed at the start"),
            ("1-", "'-' is only allowed at the start"),
            ("0x10", "unexpected character in number"),
            ("١٢", "unexpected character in number"),
            ("12abc", "unexpected character in number"),
            ("1_000", "unexpected character in number"),
        ];
        for (s, detail) in cases {
            let e = num_err(s);
            assert_eq!(e.code(), ErrorCode::InvalidNumber, "{s}");
            assert_eq!(e.detail(), *detail, "{s}");
        }
        assert_eq!(num_err("12x").location(), Location::Offset(2));
        let e = num_err(&"1".repeat(MAX_DECIMAL_LEN + 1));
        assert_eq!((e.code(), e.detail()), (ErrorCode::InvalidNumber, "number longer than 1000 characters"));
    }

    #[test]
    fn dates() {
        for (s, v) in [
            ("0", 0),
            ("1648800000", 1_648_800_000),
            ("-86400", -86_400),
            ("99999999999", 99_999_999_999),
            ("-99999999999", -99_999_999_999),
        ] {
            assert_eq!(parse_date(s), Ok(v), "{s}");
        }
        let ms = parse_date("1648800000000").unwrap_err();
        assert_eq!(ms.code(), ErrorCode::DateLooksLikeMilliseconds);
        assert_eq!(ms.detail(), "value looks like milliseconds since the epoch; ProofSpace dates are seconds");
        for s in ["100000000000", "-100000000000", "9223372036854775807", "-9223372036854775808"] {
            assert_eq!(parse_date(s).unwrap_err().code(), ErrorCode::DateLooksLikeMilliseconds, "{s}");
        }
        let cases: &[(&str, &str)] = &[
            ("", "date is empty"),
            ("-", "a date is an integer number of seconds (digits only)"),
            ("-0", "negative zero not allowed"),
            ("00", "leading zeros not allowed"),
            ("0123", "leading zeros not allowed"),
            ("-01", "leading zeros not allowed"),
            ("+5", "leading '+' not allowed"),
            (" 5", "leading or trailing whitespace not allowed"),
            ("5 ", "leading or trailing whitespace not allowed"),
            ("1648800000.5", "fractional seconds not allowed"),
            ("1.6488e9", "fractional seconds not allowed"),
            ("1e9", "exponent not allowed"),
            ("2022-04-01", "calendar dates are not allowed; a date is seconds since the epoch"),
            ("2022-04-01T00:00:00Z", "calendar dates are not allowed; a date is seconds since the epoch"),
            ("abc", "a date is an integer number of seconds (digits only)"),
            ("9223372036854775808", "out of range for a 64-bit integer"),
            ("-9223372036854775809", "out of range for a 64-bit integer"),
            ("12345678901234567890", "more than 19 digits; out of range for a 64-bit integer"),
        ];
        for (s, detail) in cases {
            let e = parse_date(s).unwrap_err();
            assert_eq!(e.code(), ErrorCode::InvalidDate, "{s}");
            assert_eq!(e.detail(), *detail, "{s}");
        }
        let huge = "9".repeat(10_000);
        assert_eq!(parse_date(&huge).unwrap_err().code(), ErrorCode::InvalidDate);
    }

    #[test]
    fn enumerations() {
        for (s, v) in [("0", 0), ("1", 1), ("42", 42), ("4294967295", u32::MAX)] {
            assert_eq!(parse_enumeration(s, None), Ok(v), "{s}");
        }
        let cases: &[(&str, &str)] = &[
            ("", "enumeration value is empty"),
            ("01", "leading zeros not allowed"),
            ("00", "leading zeros not allowed"),
            ("-1", "negative index not allowed"),
            ("+1", "leading '+' not allowed"),
            (" 1", "leading or trailing whitespace not allowed"),
            ("1.0", "fractional index not allowed"),
            ("Gold", "enumeration value must be a numeric index such as \"0\" (digits only)"),
            ("1e2", "enumeration value must be a numeric index such as \"0\" (digits only)"),
            ("4294967296", "index does not fit in 32 bits"),
            ("99999999999999999999999", "index does not fit in 32 bits"),
        ];
        for (s, detail) in cases {
            let e = parse_enumeration(s, None).unwrap_err();
            assert_eq!(e.code(), ErrorCode::InvalidEnumeration, "{s}");
            assert_eq!(e.detail(), *detail, "{s}");
        }
        let values = [EnumValue { name: "Gold".into(), value: 0 }, EnumValue { name: "Silver".into(), value: 5 }];
        assert_eq!(parse_enumeration("0", Some(&values)), Ok(0));
        assert_eq!(parse_enumeration("5", Some(&values)), Ok(5));
        for s in ["1", "2", "6"] {
            assert_eq!(parse_enumeration(s, Some(&values)).unwrap_err().code(), ErrorCode::EnumerationNotInSchema);
        }
        // Grammar errors win over membership: "05" is malformed, not merely unlisted.
        assert_eq!(parse_enumeration("05", Some(&values)).unwrap_err().code(), ErrorCode::InvalidEnumeration);
        assert_eq!(parse_enumeration("0", Some(&[])).unwrap_err().code(), ErrorCode::EnumerationNotInSchema);
    }

    #[test]
    fn image_urls_accepted() {
        for url in [
            "https://example.com/a.png",
            "http://example.com",
            "HTTP://EXAMPLE.COM",
            "HtTpS://example.com/",
            "https://[::1]:8080/p?q#f",
            "https://[2001:db8::ffff:192.0.2.1]/x",
            "https://192.168.0.1:443/img.jpg",
            "https://x:1/",
            "https://x:65535",
            "https://ex-ample.co.uk/a/b/c.png?size=large&v=2#frag/ment?x",
            "https://x/a%20b.png",
            "https://x%41/",
            "https://x/p:a@b!$&'()*+,;=~_-.",
            "https://x?q",
            "https://x#f",
            "https://sub_domain.example/",
        ] {
            assert_eq!(validate_image_url(url), Ok(()), "{url}");
        }
        let long = format!("https://x/{}", "a".repeat(MAX_IMAGE_URL_LEN - 10));
        assert_eq!(long.len(), MAX_IMAGE_URL_LEN);
        assert!(validate_image_url(&long).is_ok());
    }

    #[test]
    fn image_urls_rejected() {
        let cases: &[(&str, &str)] = &[
            ("", "URL is empty"),
            ("https://user:pw@x", "userinfo (credentials) not allowed in an image URL"),
            ("https://user@x/a.png", "userinfo (credentials) not allowed in an image URL"),
            ("https://", "empty host"),
            ("https:///a.png", "empty host"),
            ("https://:80/", "empty host"),
            ("javascript:alert(1)", "scheme must be http or https"),
            ("data:image/png;base64,AAAA", "scheme must be http or https"),
            ("ftp://example.com/a.png", "scheme must be http or https"),
            ("httpss://example.com", "scheme must be http or https"),
            ("example.com/a.png", "not an absolute URL: no scheme"),
            ("//example.com/a.png", "not an absolute URL: no scheme"),
            ("https:example.com", "expected \"//\" after the scheme"),
            ("https:/example.com", "expected \"//\" after the scheme"),
            ("https://x/a b", "whitespace not allowed; percent-encode it"),
            (" https://x/", "whitespace not allowed; percent-encode it"),
            ("https://x/\t", "whitespace not allowed; percent-encode it"),
            ("https://x/\u{0}", "control character not allowed"),
            ("https://x/\u{7f}", "control character not allowed"),
            ("https://x/é.png", "non-ASCII character not allowed; percent-encode it"),
            ("https://exämple.com/", "non-ASCII character not allowed; percent-encode it"),
            ("https://x/%zz", "'%' must be followed by two hex digits"),
            ("https://x/%4", "'%' must be followed by two hex digits"),
            ("https://x/%", "'%' must be followed by two hex digits"),
            ("https://x%4:80/", "'%' must be followed by two hex digits"),
            ("https://x%zz/", "'%' must be followed by two hex digits"),
            ("https://x/a#b#c", "second '#' not allowed; percent-encode it"),
            ("https://x/<script>", "character not allowed in a URL; percent-encode it"),
            ("https://x/a\"b", "character not allowed in a URL; percent-encode it"),
            ("https://x/a\\b", "character not allowed in a URL; percent-encode it"),
            ("https://x/{a}", "character not allowed in a URL; percent-encode it"),
            ("https://x/a[0]", "character not allowed in a URL; percent-encode it"),
            ("https://x/a|b", "character not allowed in a URL; percent-encode it"),
            ("https://x/a^b", "character not allowed in a URL; percent-encode it"),
            ("https://x/a`b", "character not allowed in a URL; percent-encode it"),
            ("https://ex<ample.com/", "character not allowed in the host"),
            ("https://x]/", "character not allowed in the host"),
            ("https://x:65536", "port above 65535"),
            ("https://x:99999/", "port above 65535"),
            ("https://x:123456", "port must be 1 to 5 digits"),
            ("https://x:8a", "port must be 1 to 5 digits"),
            ("https://x:80:80", "port must be 1 to 5 digits"),
            ("https://x:", "empty port"),
            ("https://x:/a", "empty port"),
            ("https://[::1", "IPv6 literal has no closing ']'"),
            ("https://[]/", "IPv6 literal without ':'"),
            ("https://[::g]/", "IPv6 literal may hold only hex digits, ':' and '.'"),
            ("https://[v1.x]/", "IPv6 literal may hold only hex digits, ':' and '.'"),
            ("https://[1.2.3.4]/", "IPv6 literal without ':'"),
            ("https://[::1]x/", "unexpected character after the IPv6 literal"),
            ("https://[::1]:/", "empty port"),
            ("https://[::1]:70000/", "port above 65535"),
        ];
        for (url, detail) in cases {
            let e = validate_image_url(url).unwrap_err();
            assert_eq!(e.code(), ErrorCode::InvalidImageUrl, "{url}");
            assert_eq!(e.detail(), *detail, "{url}");
        }
        assert_eq!(validate_image_url("https://x/a b").unwrap_err().location(), Location::Offset(11));
        let long = format!("https://x/{}", "a".repeat(MAX_IMAGE_URL_LEN - 9));
        assert_eq!(validate_image_url(&long).unwrap_err().detail(), "URL longer than 2048 bytes");
    }

    #[test]
    fn cast_and_wire_round_trips() {
        let valid: &[(AttributeType, &[&str])] = &[
            (AttributeType::Text, &["", "hello", " spaced ", "€ and \"quotes\"", "\u{0}\n", "12"]),
            (AttributeType::Date, &["0", "1", "-1", "1648800000", "-2208988800", "99999999999", "-99999999999"]),
            (
                AttributeType::Number,
                &[
                    "0",
                    "-0",
                    "007",
                    "222.2222",
                    "0.1",
                    "0.10",
                    "-3.14159",
                    "1234567890123456789012345678901234567890",
                    "0.0000000000000000000000000000000000000001",
                ],
            ),
            (AttributeType::ImageUrl, &["https://example.com/a.png", "HTTP://EXAMPLE.COM", "https://[::1]:8080/p?q#f"]),
            (AttributeType::Enumeration, &["0", "1", "10", "4294967295"]),
        ];
        for (ty, wires) in valid {
            for &wire in *wires {
                let v = cast(*ty, wire, None).unwrap();
                assert_eq!(v.kind(), *ty);
                assert_eq!(v.to_wire(), wire, "{ty}: {wire}");
                assert_eq!(cast(*ty, &v.to_wire(), None).unwrap(), v);
            }
        }
        let values = [
            TypedValue::Text("x y".into()),
            TypedValue::Date(i64::from(i32::MIN)),
            TypedValue::Date(0),
            TypedValue::Date(99_999_999_999),
            TypedValue::Number(Decimal::parse("-0.50").unwrap()),
            TypedValue::ImageUrl("https://x/y.png".into()),
            TypedValue::Enumeration(0),
            TypedValue::Enumeration(u32::MAX),
        ];
        for v in values {
            assert_eq!(cast(v.kind(), &v.to_wire(), None).unwrap(), v);
        }
        for n in (0..=u32::MAX).step_by(9_999_991) {
            assert_eq!(
                cast(AttributeType::Enumeration, &TypedValue::Enumeration(n).to_wire(), None).unwrap().to_wire(),
                n.to_string()
            );
        }
        for s in (-99_999_999_999i64..=99_999_999_999).step_by(999_999_937) {
            let v = TypedValue::Date(s);
            assert_eq!(cast(AttributeType::Date, &v.to_wire(), None).unwrap(), v);
        }
        assert_eq!(cast(AttributeType::Number, "222.2222", None).unwrap().to_wire(), "222.2222");
        assert_ne!(cast(AttributeType::Number, "0.1", None), cast(AttributeType::Number, "0.10", None));
    }

    #[test]
    fn cast_reports_each_types_code() {
        assert_eq!(cast(AttributeType::Date, "x", None).unwrap_err().code(), ErrorCode::InvalidDate);
        assert_eq!(cast(AttributeType::Number, "x", None).unwrap_err().code(), ErrorCode::InvalidNumber);
        assert_eq!(cast(AttributeType::ImageUrl, "x", None).unwrap_err().code(), ErrorCode::InvalidImageUrl);
        assert_eq!(cast(AttributeType::Enumeration, "x", None).unwrap_err().code(), ErrorCode::InvalidEnumeration);
        let values = [EnumValue { name: "A".into(), value: 3 }];
        assert_eq!(
            cast(AttributeType::Enumeration, "2", Some(&values)).unwrap_err().code(),
            ErrorCode::EnumerationNotInSchema
        );
        // Enum values mean nothing to other types.
        assert_eq!(cast(AttributeType::Number, "2", Some(&values)).unwrap().to_wire(), "2");
        assert_eq!(TypedValue::cast(AttributeType::Text, "anything", None), Ok(TypedValue::Text("anything".into())));
    }

    #[test]
    fn json_display() {
        assert_eq!(TypedValue::Text("a\"b".into()).to_json(), r#"{"type":"Text","value":"a\"b"}"#);
        assert_eq!(TypedValue::Date(1_648_800_000).to_json(), r#"{"type":"Date","seconds":1648800000}"#);
        assert_eq!(TypedValue::Date(-5).to_json(), r#"{"type":"Date","seconds":-5}"#);
        let n = TypedValue::Number(Decimal::parse("222.2222").unwrap());
        assert_eq!(n.to_json(), r#"{"type":"Number","value":"222.2222"}"#);
        assert_eq!(
            TypedValue::ImageUrl("https://x/a.png".into()).to_json(),
            r#"{"type":"ImageURL","url":"https://x/a.png"}"#
        );
        assert_eq!(TypedValue::Enumeration(2).to_json(), r#"{"type":"Enumeration","index":2}"#);
        for v in [TypedValue::Text("\u{1}\n€".into()), n, TypedValue::Enumeration(7)] {
            let parsed = Value::parse(&v.to_json(), &Limits::DEFAULT).unwrap();
            assert_eq!(parsed.get("type").and_then(Value::as_str), Some(v.kind().name()));
        }
        let mut buf = [0u8; 8];
        let mut w = crate::json::SliceWriter::new(&mut buf);
        assert!(TypedValue::Enumeration(1).write_json(&mut w).is_err());
    }

    const SCHEMA: &str = r#"{"attributes":[{"name":"Age","type":"Number"},{"name":"Level","type":"Enumeration","enumValues":[{"name":"Gold","value":0},{"name":"Silver","value":1}]}]}"#;

    fn schema_err(text: &str) -> Error {
        CredentialSchema::parse(text, &Limits::DEFAULT).unwrap_err()
    }

    #[test]
    fn schema_reads_the_documented_shape() {
        let s = CredentialSchema::parse(SCHEMA, &Limits::DEFAULT).unwrap();
        assert_eq!(s.attributes.len(), 2);
        assert_eq!(
            s.attributes[0],
            SchemaAttribute { name: "Age".into(), ty: AttributeType::Number, enum_values: vec![] }
        );
        assert_eq!(s.attributes[1].ty, AttributeType::Enumeration);
        assert_eq!(
            s.attributes[1].enum_values,
            [EnumValue { name: "Gold".into(), value: 0 }, EnumValue { name: "Silver".into(), value: 1 }]
        );
        assert_eq!(s.attribute("Level").map(|a| a.ty), Some(AttributeType::Enumeration));
        assert!(s.attribute("level").is_none());

        let dto = r#"{"attributes":[{"name":"a","type":"text"},{"name":"b","type":"date"},{"name":"c","type":"imageUrl"},
            {"name":"d","type":"enumeration","enumValues":[{"name":"X","value":"7","description":"seven"},{"name":"Y","value":8,"description":null}]},
            {"name":"e","type":"ImageURL","enumValues":[]},{"name":"f","type":"Number","enumValues":null}]}"#;
        let s = CredentialSchema::parse(dto, &Limits::DEFAULT).unwrap();
        let types: Vec<_> = s.attributes.iter().map(|a| a.ty).collect();
        assert_eq!(
            types,
            [
                AttributeType::Text,
                AttributeType::Date,
                AttributeType::ImageUrl,
                AttributeType::Enumeration,
                AttributeType::ImageUrl,
                AttributeType::Number
            ]
        );
        assert_eq!(s.attributes[3].enum_values.iter().map(|v| v.value).collect::<Vec<_>>(), [7, 8]);
        assert!(CredentialSchema::parse(r#"{"attributes":[]}"#, &Limits::DEFAULT).unwrap().attributes.is_empty());
        // An Enumeration without enumValues is unrestricted.
        let open = CredentialSchema::parse(r#"{"attributes":[{"name":"E","type":"Enumeration"}]}"#, &Limits::DEFAULT);
        assert_eq!(open.unwrap().attributes[0].cast("12"), Ok(TypedValue::Enumeration(12)));
    }

    #[test]
    fn schema_rejections() {
        let cases: &[(&str, ErrorCode)] = &[
            (r#"[]"#, ErrorCode::UnexpectedJsonType),
            (r#"{}"#, ErrorCode::MissingField),
            (r#"{"attributes":null}"#, ErrorCode::MissingField),
            (r#"{"attributes":{}}"#, ErrorCode::UnexpectedJsonType),
            (r#"{"attributes":[],"extra":1}"#, ErrorCode::UnknownField),
            (r#"{"attributes":[1]}"#, ErrorCode::UnexpectedJsonType),
            (r#"{"attributes":[{"name":"A","type":"Text","x":1}]}"#, ErrorCode::UnknownField),
            (r#"{"attributes":[{"type":"Text"}]}"#, ErrorCode::MissingField),
            (r#"{"attributes":[{"name":"A"}]}"#, ErrorCode::MissingField),
            (r#"{"attributes":[{"name":1,"type":"Text"}]}"#, ErrorCode::UnexpectedJsonType),
            (r#"{"attributes":[{"name":"A","type":true}]}"#, ErrorCode::UnexpectedJsonType),
            (r#"{"attributes":[{"name":"","type":"Text"}]}"#, ErrorCode::InvalidFieldValue),
            (r#"{"attributes":[{"name":"A","type":"phone"}]}"#, ErrorCode::InvalidFieldValue),
            (r#"{"attributes":[{"name":"A","type":"file"}]}"#, ErrorCode::InvalidFieldValue),
            (r#"{"attributes":[{"name":"A","type":"Boolean"}]}"#, ErrorCode::InvalidFieldValue),
            (r#"{"attributes":[{"name":"A","type":"Text"},{"name":"A","type":"Date"}]}"#, ErrorCode::DuplicateKey),
            (r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":{}}]}"#, ErrorCode::UnexpectedJsonType),
            (r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[0]}]}"#, ErrorCode::UnexpectedJsonType),
            (
                r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[{"name":"X"}]}]}"#,
                ErrorCode::MissingField,
            ),
            (
                r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[{"value":0}]}]}"#,
                ErrorCode::MissingField,
            ),
            (
                r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[{"name":"X","value":0,"y":1}]}]}"#,
                ErrorCode::UnknownField,
            ),
            (
                r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[{"name":"X","value":true}]}]}"#,
                ErrorCode::UnexpectedJsonType,
            ),
            (
                r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[{"name":"X","value":0,"description":5}]}]}"#,
                ErrorCode::UnexpectedJsonType,
            ),
            (
                r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[{"name":"X","value":-1}]}]}"#,
                ErrorCode::InvalidEnumeration,
            ),
            (
                r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[{"name":"X","value":1.5}]}]}"#,
                ErrorCode::InvalidEnumeration,
            ),
            (
                r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[{"name":"X","value":1e0}]}]}"#,
                ErrorCode::InvalidEnumeration,
            ),
            (
                r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[{"name":"X","value":4294967296}]}]}"#,
                ErrorCode::InvalidEnumeration,
            ),
            (
                r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[{"name":"X","value":"01"}]}]}"#,
                ErrorCode::InvalidEnumeration,
            ),
            (
                r#"{"attributes":[{"name":"A","type":"Enumeration","enumValues":[{"name":"X","value":0},{"name":"Y","value":"0"}]}]}"#,
                ErrorCode::DuplicateKey,
            ),
            (
                r#"{"attributes":[{"name":"A","type":"Text","enumValues":[{"name":"X","value":0}]}]}"#,
                ErrorCode::InvalidFieldValue,
            ),
        ];
        for (text, code) in cases {
            assert_eq!(schema_err(text).code(), *code, "{text}");
        }
        let e = schema_err(r#"{"attributes":[{"name":"A","type":"Text"},{"name":"B","type":"phone"}]}"#);
        assert_eq!(e.location(), Location::Index(1));
        let e = schema_err(
            r#"{"attributes":[{"name":"A","type":"Text"},{"name":"B","type":"Text"},{"name":"A","type":"Text"}]}"#,
        );
        assert_eq!((e.code(), e.location()), (ErrorCode::DuplicateKey, Location::Index(2)));
        assert_eq!(CredentialSchema::parse("{", &Limits::DEFAULT).unwrap_err().code(), ErrorCode::InvalidJson);
    }

    fn schema() -> CredentialSchema {
        CredentialSchema::parse(
            r#"{"attributes":[{"name":"Name","type":"Text"},{"name":"Born","type":"Date"},{"name":"Age","type":"Number"},
                {"name":"Photo","type":"ImageURL"},{"name":"Level","type":"Enumeration","enumValues":[{"name":"Gold","value":0},{"name":"Silver","value":1}]}]}"#,
            &Limits::DEFAULT,
        )
        .unwrap()
    }

    #[test]
    fn whole_credential_valid() {
        let fields = [
            NameValue::new("Level", "1"),
            NameValue::new("Name", "Ann"),
            NameValue::new("Born", "1648800000"),
            NameValue::new("Age", "222.2222"),
            NameValue::new("Photo", "https://example.com/a.png"),
        ];
        assert!(validate_credential(&schema(), &fields).is_empty());
        let typed = cast_credential(&schema(), &fields).unwrap();
        let names: Vec<_> = typed.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Level", "Name", "Born", "Age", "Photo"]);
        assert_eq!(typed[0].1, TypedValue::Enumeration(1));
        assert_eq!(typed[2].1, TypedValue::Date(1_648_800_000));
        assert_eq!(typed[3].1.to_wire(), "222.2222");
        // An empty field list postpones issuing; it is not "every attribute missing".
        assert!(validate_credential(&schema(), &[]).is_empty());
        assert_eq!(cast_credential(&schema(), &[]), Ok(vec![]));
    }

    #[test]
    fn whole_credential_reports_every_issue() {
        let fields = [
            NameValue::new("Born", "1648800000000"),
            NameValue::new("Nickname", "Annie"),
            NameValue::new("Age", "1,5"),
            NameValue::new("Level", "2"),
            NameValue::new("Age", "3"),
            NameValue::new("Age", "4"),
            NameValue::new("Nickname", "A"),
            NameValue::new("Photo", "https://user:pw@x/a.png"),
        ];
        let issues = validate_credential(&schema(), &fields);
        let got: Vec<(&str, ErrorCode)> = issues.iter().map(|i| (i.field.as_str(), i.error.code())).collect();
        assert_eq!(
            got,
            [
                ("Born", ErrorCode::DateLooksLikeMilliseconds),
                ("Nickname", ErrorCode::UnknownField),
                ("Age", ErrorCode::InvalidNumber),
                ("Level", ErrorCode::EnumerationNotInSchema),
                ("Age", ErrorCode::DuplicateKey),
                ("Age", ErrorCode::DuplicateKey),
                ("Nickname", ErrorCode::DuplicateKey),
                ("Photo", ErrorCode::InvalidImageUrl),
                ("Name", ErrorCode::MissingField),
            ]
        );
        assert_eq!(issues[1].error.location(), Location::Index(1));
        assert_eq!(issues[4].error.location(), Location::Index(4));
        assert_eq!(issues[8].error.location(), Location::Index(0));
        assert_eq!(cast_credential(&schema(), &fields), Err(issues));

        let only_missing = validate_credential(&schema(), &[NameValue::new("Name", "Ann")]);
        let missing: Vec<_> = only_missing.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(missing, ["Born", "Age", "Photo", "Level"]);
        assert!(only_missing.iter().all(|i| i.error.code() == ErrorCode::MissingField));
    }

    #[test]
    fn many_fields_stay_linear() {
        let attributes: Vec<_> = (0..2000)
            .map(|i| SchemaAttribute { name: format!("f{i}"), ty: AttributeType::Enumeration, enum_values: vec![] })
            .collect();
        let schema = CredentialSchema { attributes };
        let fields: Vec<_> = (0..2000).map(|i| NameValue::new(format!("f{i}"), format!("{i}"))).collect();
        assert_eq!(cast_credential(&schema, &fields).unwrap().len(), 2000);
        let dup: Vec<_> = (0..2000).map(|_| NameValue::new("f0", "0")).collect();
        assert_eq!(validate_credential(&schema, &dup).len(), 1999 + 1999);
    }
}
