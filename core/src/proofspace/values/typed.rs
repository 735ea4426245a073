//! A field value read by its attribute type ([`TypedValue`]), and back to the wire.

use alloc::string::{String, ToString};
use core::fmt::{self, Write};

use super::decimal::Decimal;
use super::wire::{parse_date, parse_enumeration, validate_image_url, AttributeType, EnumValue};
use crate::error::Result;
use crate::json::write_string;

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
