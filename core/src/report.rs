//! The JSON form of every report the library gives: one builder, so a report has one shape
//! whichever surface (C, UniFFI, CLI) hands it out.
//!
//! Reports are written by the core and copied verbatim by the surfaces: the C functions return
//! these bytes, the CLI prints them, UniFFI returns them (or records with the same members).

use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec::Vec;

use crate::json::{Number, Value};
use crate::{ErrorCode, Verdict};

/// A JSON object under construction, members in insertion order.
///
/// ```
/// use ssi_verify_core::report::Report;
/// use ssi_verify_core::{ErrorCode, Verdict};
/// let json = Report::verdict(Verdict::Invalid(ErrorCode::SignatureMismatch)).text("note", "x").into_json();
/// assert_eq!(json, r#"{"valid":false,"reason":"SIGNATURE_MISMATCH","note":"x"}"#);
/// ```
#[derive(Clone, Debug, Default)]
#[must_use]
pub struct Report {
    members: Vec<(String, Value)>,
}

impl Report {
    /// An empty object.
    pub fn new() -> Self {
        Self::default()
    }

    /// `{"valid":true}` or `{"valid":false,"reason":"CODE"}`: the head of every verdict report.
    pub fn verdict(verdict: Verdict) -> Self {
        let report = Self::new().value("valid", Value::Bool(verdict.is_valid()));
        match verdict.reason() {
            None => report,
            Some(code) => report.text("reason", code.name()),
        }
    }

    /// Adds a member holding any JSON value.
    pub fn value(mut self, name: &str, value: Value) -> Self {
        self.members.push((name.to_owned(), value));
        self
    }

    /// Adds a string member.
    pub fn text(self, name: &str, text: &str) -> Self {
        self.value(name, string(text))
    }

    /// Adds a string member, or `null` when absent.
    pub fn opt_text(self, name: &str, text: Option<&str>) -> Self {
        self.value(name, text.map_or(Value::Null, string))
    }

    /// Adds a boolean member.
    pub fn flag(self, name: &str, flag: bool) -> Self {
        self.value(name, Value::Bool(flag))
    }

    /// Adds an integer member.
    pub fn number(self, name: &str, n: u64) -> Self {
        self.value(name, Value::Number(Number::from_u64(n)))
    }

    /// Adds an error code's name, or `null` when absent.
    pub fn code(self, name: &str, code: Option<ErrorCode>) -> Self {
        self.opt_text(name, code.map(ErrorCode::name))
    }

    /// Adds an array of strings.
    pub fn texts<'a>(self, name: &str, items: impl IntoIterator<Item = &'a str>) -> Self {
        self.value(name, Value::Array(items.into_iter().map(string).collect()))
    }

    /// The object as a JSON value.
    #[must_use]
    pub fn into_value(self) -> Value {
        Value::Object(self.members)
    }

    /// The compact JSON text.
    #[must_use]
    pub fn into_json(self) -> String {
        self.into_value().to_json()
    }
}

/// A JSON string value.
pub(crate) fn string(s: &str) -> Value {
    Value::String(s.to_owned())
}

impl Verdict {
    /// The verdict as `{"valid":true}` or `{"valid":false,"reason":"CODE"}`.
    ///
    /// ```
    /// use ssi_verify_core::Verdict;
    /// assert_eq!(Verdict::Valid.to_json(), r#"{"valid":true}"#);
    /// ```
    #[must_use]
    pub fn to_json(self) -> String {
        Report::verdict(self).into_json()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_as_json() {
        assert_eq!(Verdict::Valid.to_json(), r#"{"valid":true}"#);
        assert_eq!(Verdict::Invalid(ErrorCode::JwtExpired).to_json(), r#"{"valid":false,"reason":"JWT_EXPIRED"}"#);
        assert_eq!(alloc::format!("{}", ErrorCode::JwtExpired), "JWT_EXPIRED");
    }

    #[test]
    fn every_builder_writes_its_member() {
        let json = Report::verdict(Verdict::Valid)
            .text("t", "a\"b")
            .opt_text("some", Some("x"))
            .opt_text("none", None)
            .flag("yes", true)
            .flag("no", false)
            .number("n", 18_446_744_073_709_551_615)
            .code("code", Some(ErrorCode::SignatureMismatch))
            .code("no_code", None)
            .texts("list", ["p", "q"])
            .into_json();
        assert_eq!(
            json,
            r#"{"valid":true,"t":"a\"b","some":"x","none":null,"yes":true,"no":false,"n":18446744073709551615,"code":"SIGNATURE_MISMATCH","no_code":null,"list":["p","q"]}"#
        );
    }
}
