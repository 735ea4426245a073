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
//!
//! One idea a file: the wire grammars of single values (`wire.rs`; URLs through
//! [`crate::uri`]), exact decimals (`decimal.rs`), typed values (`typed.rs`), schemas
//! (`schema.rs`) and credential checks (`credential.rs`); everything is re-exported here.

mod credential;
mod decimal;
mod schema;
mod typed;
mod wire;

pub(crate) use credential::cast_pairs;
pub use credential::{cast_credential, validate_credential, FieldIssue, NameValue};
pub use decimal::Decimal;
pub use schema::{CredentialSchema, SchemaAttribute};
pub use typed::{cast, TypedValue};
pub use wire::{
    parse_date, parse_enumeration, validate_image_url, AttributeType, EnumValue, MAX_DECIMAL_LEN, MAX_IMAGE_URL_LEN,
    MILLISECONDS_THRESHOLD,
};

#[cfg(test)]
mod tests;
