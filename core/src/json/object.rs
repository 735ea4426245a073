//! The strict object reader every document parser uses: it records which members were read,
//! so the rest (the members the document type does not define) are reported, kept as
//! extensions or refused — never silently dropped.

use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::error::{Error, ErrorCode, Result};
use crate::json::{Number, Value};

/// How a document type reports shape faults.
///
/// ```
/// use ssi_verify_core::json::Shape;
/// use ssi_verify_core::ErrorCode;
/// assert_eq!(Shape::FIELDS.missing, ErrorCode::MissingField);
/// assert!(!Shape::document(ErrorCode::InvalidPresentationDefinition).null_is_absent);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    /// The code of a missing required member.
    pub missing: ErrorCode,
    /// The code of a member (or the object itself) of the wrong JSON type.
    pub wrong_type: ErrorCode,
    /// Whether a `null` member counts as absent (otherwise it is a wrong type).
    pub null_is_absent: bool,
}

impl Shape {
    /// `MISSING_FIELD` / `UNEXPECTED_JSON_TYPE`, `null` read as absent (vendor webhook bodies
    /// and request documents, which write `null` for "not set").
    pub const FIELDS: Shape =
        Shape { missing: ErrorCode::MissingField, wrong_type: ErrorCode::UnexpectedJsonType, null_is_absent: true };

    /// One code for every fault of a document type with its own code; `null` is a wrong type.
    #[must_use]
    pub const fn document(code: ErrorCode) -> Shape {
        Shape { missing: code, wrong_type: code, null_is_absent: false }
    }
}

/// Reads the members of one JSON object, remembering which were read.
///
/// ```
/// use ssi_verify_core::json::{ObjectReader, Shape, Value};
/// use ssi_verify_core::{ErrorCode, Limits};
/// let v = Value::parse(r#"{"id":"a","n":3,"extra":true}"#, &Limits::DEFAULT).unwrap();
/// let mut o = ObjectReader::new(&v, Shape::FIELDS, "must be an object").unwrap();
/// assert_eq!(o.req_str("id", "id must be a string").unwrap(), "a");
/// assert_eq!(o.opt_u64("n", "n must be an integer").unwrap(), Some(3));
/// assert_eq!(o.unknown_names(""), ["extra"]);
/// assert_eq!(o.deny_unknown("no extras").unwrap_err().code(), ErrorCode::UnknownField);
/// ```
#[derive(Debug)]
pub struct ObjectReader<'v> {
    members: &'v [(String, Value)],
    read: Vec<bool>,
    shape: Shape,
}

impl<'v> ObjectReader<'v> {
    /// Wraps `value`, which must be an object.
    ///
    /// # Errors
    /// `shape.wrong_type` with `detail` when `value` is not an object.
    pub fn new(value: &'v Value, shape: Shape, detail: &'static str) -> Result<Self> {
        let members = value.as_object().ok_or_else(|| Error::new(shape.wrong_type, detail))?;
        Ok(Self { members, read: vec![false; members.len()], shape })
    }

    /// Marks `names` as read without reading them: members the caller reads later, or
    /// deliberately ignores.
    pub fn allow(&mut self, names: &[&str]) {
        for name in names {
            self.get(name);
        }
    }

    /// The member `key`, recorded as read (`None` when absent, or `null` under
    /// [`Shape::null_is_absent`]).
    pub fn get(&mut self, key: &str) -> Option<&'v Value> {
        let members = self.members;
        let i = members.iter().position(|(k, _)| k == key)?;
        if let Some(flag) = self.read.get_mut(i) {
            *flag = true;
        }
        members.get(i).map(|(_, v)| v).filter(|v| !(self.shape.null_is_absent && v.is_null()))
    }

    /// The member `key` without recording it (for readers that check names up front).
    #[must_use]
    pub fn peek(&self, key: &str) -> Option<&'v Value> {
        let members = self.members;
        members.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| !(self.shape.null_is_absent && v.is_null()))
    }

    fn wrong_type(&self, detail: &'static str) -> Error {
        Error::new(self.shape.wrong_type, detail)
    }

    /// A required member of any type.
    ///
    /// # Errors
    /// `shape.missing` with `detail`.
    pub fn required(&mut self, key: &str, detail: &'static str) -> Result<&'v Value> {
        self.get(key).ok_or_else(|| Error::new(self.shape.missing, detail))
    }

    /// An optional string member.
    ///
    /// # Errors
    /// `shape.wrong_type` with `detail`.
    pub fn opt_str(&mut self, key: &str, detail: &'static str) -> Result<Option<&'v str>> {
        self.get(key).map(|v| v.as_str().ok_or_else(|| self.wrong_type(detail))).transpose()
    }

    /// A required string member.
    ///
    /// # Errors
    /// `shape.missing` or `shape.wrong_type` with `detail`.
    pub fn req_str(&mut self, key: &str, detail: &'static str) -> Result<&'v str> {
        self.required(key, detail)?.as_str().ok_or_else(|| self.wrong_type(detail))
    }

    /// An optional boolean member.
    ///
    /// # Errors
    /// `shape.wrong_type` with `detail`.
    pub fn opt_bool(&mut self, key: &str, detail: &'static str) -> Result<Option<bool>> {
        self.get(key)
            .map(|v| match v {
                Value::Bool(b) => Ok(*b),
                _ => Err(self.wrong_type(detail)),
            })
            .transpose()
    }

    /// An optional non-negative integer member (plain digits, no fraction or exponent).
    ///
    /// # Errors
    /// `shape.wrong_type` with `detail`.
    pub fn opt_u64(&mut self, key: &str, detail: &'static str) -> Result<Option<u64>> {
        self.get(key).map(|v| v.as_number().and_then(Number::as_u64).ok_or_else(|| self.wrong_type(detail))).transpose()
    }

    /// An optional array member.
    ///
    /// # Errors
    /// `shape.wrong_type` with `detail`.
    pub fn opt_array(&mut self, key: &str, detail: &'static str) -> Result<Option<&'v [Value]>> {
        self.get(key).map(|v| v.as_array().ok_or_else(|| self.wrong_type(detail))).transpose()
    }

    /// A required array member.
    ///
    /// # Errors
    /// `shape.missing` or `shape.wrong_type` with `detail`.
    pub fn req_array(&mut self, key: &str, detail: &'static str) -> Result<&'v [Value]> {
        self.required(key, detail)?.as_array().ok_or_else(|| self.wrong_type(detail))
    }

    /// An optional object member (the value itself, to read with another reader).
    ///
    /// # Errors
    /// `shape.wrong_type` with `detail`.
    pub fn opt_object(&mut self, key: &str, detail: &'static str) -> Result<Option<&'v Value>> {
        self.get(key)
            .map(|v| match v {
                Value::Object(_) => Ok(v),
                _ => Err(self.wrong_type(detail)),
            })
            .transpose()
    }

    /// The members not read so far, in source order.
    pub fn unknown(&self) -> impl Iterator<Item = &'v (String, Value)> + '_ {
        let members = self.members;
        members.iter().zip(&self.read).filter(|(_, read)| !**read).map(|(m, _)| m)
    }

    /// The names of the members not read so far, each behind `prefix` (a path such as
    /// `credentials[0].`).
    #[must_use]
    pub fn unknown_names(&self, prefix: &str) -> Vec<String> {
        self.unknown().map(|(k, _)| format!("{prefix}{k}")).collect()
    }

    /// The members not read so far, copied (a document's `extensions`).
    #[must_use]
    pub fn rest(&self) -> Vec<(String, Value)> {
        self.unknown().cloned().collect()
    }

    /// Refuses a member that was not read.
    ///
    /// # Errors
    /// [`ErrorCode::UnknownField`] with `detail`.
    pub fn deny_unknown(&self, detail: &'static str) -> Result<()> {
        match self.unknown().next() {
            Some(_) => Err(Error::new(ErrorCode::UnknownField, detail)),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Limits;

    fn doc(text: &str) -> Value {
        Value::parse(text, &Limits::DEFAULT).unwrap()
    }

    #[test]
    fn records_reads_and_reports_the_rest() {
        let v = doc(r#"{"a":1,"b":null,"c":"x","d":[1],"e":{}}"#);
        let mut o = ObjectReader::new(&v, Shape::FIELDS, "object").unwrap();
        assert_eq!(o.opt_str("b", "b").unwrap(), None);
        assert_eq!(o.opt_object("e", "e").unwrap(), Some(&doc("{}")));
        assert_eq!(o.peek("c"), Some(&Value::String("x".into())));
        assert_eq!(o.unknown_names("p."), ["p.a", "p.c", "p.d"]);
        o.allow(&["a", "c"]);
        assert_eq!(o.rest(), [(String::from("d"), doc("[1]"))]);
        assert_eq!(o.req_array("d", "d").unwrap().len(), 1);
        assert_eq!(o.deny_unknown("x"), Ok(()));
    }

    #[test]
    fn shape_codes() {
        let v = doc(r#"{"s":1,"n":null}"#);
        let mut o = ObjectReader::new(&v, Shape::FIELDS, "object").unwrap();
        assert_eq!(o.req_str("s", "s").unwrap_err().code(), ErrorCode::UnexpectedJsonType);
        assert_eq!(o.req_str("n", "n").unwrap_err().code(), ErrorCode::MissingField);
        assert_eq!(o.opt_bool("s", "s").unwrap_err().code(), ErrorCode::UnexpectedJsonType);
        let code = ErrorCode::InvalidPresentationDefinition;
        let mut o = ObjectReader::new(&v, Shape::document(code), "object").unwrap();
        assert_eq!(o.opt_str("n", "n").unwrap_err().code(), code);
        assert_eq!(o.required("z", "z").unwrap_err().code(), code);
        assert_eq!(
            ObjectReader::new(&doc("[]"), Shape::FIELDS, "o").unwrap_err().code(),
            ErrorCode::UnexpectedJsonType
        );
    }
}
