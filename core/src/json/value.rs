//! An owned JSON tree, built without recursion on top of the [`Lexer`].
//!
//! Member order is kept, duplicate member names (after unescaping) are rejected, numbers keep
//! their exact source text. Dropping a tree recurses, but never deeper than the depth limit it
//! was parsed under.

use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{Error, ErrorCode, Result};
use crate::json::{Event, Lexer};
use crate::limits::Limits;

/// A JSON number, kept as its exact source text (`1.50` stays `1.50`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Number(String);

impl Number {
    /// A number from its text, if the text is a JSON number.
    ///
    /// ```
    /// use ssi_verify_core::json::Number;
    /// assert_eq!(Number::new("-1.5e3").map(|n| n.as_str().to_owned()), Some("-1.5e3".into()));
    /// assert!(Number::new("01").is_none());
    /// ```
    #[must_use]
    pub fn new(text: &str) -> Option<Number> {
        let mut lx = Lexer::new(text, &Limits::DEFAULT).ok()?;
        match (lx.next_event(), lx.next_event()) {
            (Ok(Some(Event::Number(n))), Ok(None)) => Some(Number(String::from(n))),
            _ => None,
        }
    }

    /// The number for an unsigned integer.
    #[must_use]
    pub fn from_u64(n: u64) -> Number {
        Number(alloc::format!("{n}"))
    }

    /// The number for a signed integer.
    #[must_use]
    pub fn from_i64(n: i64) -> Number {
        Number(alloc::format!("{n}"))
    }

    /// The source text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The value as `u64`, if it is a non-negative integer without fraction or exponent that fits.
    #[must_use]
    pub fn as_u64(&self) -> Option<u64> {
        self.0.parse().ok()
    }

    /// The value as `i64`, if it is an integer without fraction or exponent that fits.
    #[must_use]
    pub fn as_i64(&self) -> Option<i64> {
        self.0.parse().ok()
    }

    /// The nearest `f64` (infinite for out-of-range magnitudes).
    #[must_use]
    pub fn as_f64(&self) -> f64 {
        self.0.parse().unwrap_or(f64::NAN)
    }
}

/// An owned JSON value.
///
/// ```
/// use ssi_verify_core::json::Value;
/// use ssi_verify_core::Limits;
/// let v = Value::parse(r#"{"a":[1,"x"],"b":null}"#, &Limits::DEFAULT).unwrap();
/// assert_eq!(v.get("a").and_then(|a| a.as_array()).map(|a| a.len()), Some(2));
/// assert!(Value::parse(r#"{"a":1,"a":2}"#, &Limits::DEFAULT).is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string (unescaped).
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, members in source order, names unique.
    Object(Vec<(String, Value)>),
}

/// An open container: where its elements start in the parser's shared stacks.
///
/// Elements of every open container sit on two shared stacks (one for array items, one for
/// object members) and move into a `Vec` of exactly their number when the container closes, so
/// each container allocates once instead of growing one push at a time.
enum Frame {
    Array(usize),
    Object(usize, Option<String>),
}

/// Objects with at most this many members are checked for duplicates pairwise; larger ones
/// through a sorted copy of their names.
const PAIRWISE_LIMIT: usize = 16;

fn check_unique(members: &[(String, Value)]) -> bool {
    if members.len() <= PAIRWISE_LIMIT {
        return members.iter().enumerate().all(|(i, (k, _))| members.iter().skip(i + 1).all(|(o, _)| o != k));
    }
    let mut names: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
    names.sort_unstable();
    names.windows(2).all(|w| matches!(w, [a, b] if a != b))
}

/// Maps each element of `items` with `f` (given its index), stopping at the first error.
///
/// The result holds exactly `items.len()` slots from the start: collecting through a `Result`
/// loses the length hint and grows the vector one doubling at a time, which for a webhook's two
/// dozen fields cost more than parsing them.
///
/// ```
/// use ssi_verify_core::json::{try_map_items, Value};
/// use ssi_verify_core::Limits;
/// let v = Value::parse(r#"["a","b"]"#, &Limits::DEFAULT).unwrap();
/// let lens = try_map_items(v.as_array().unwrap(), |_, x| x.as_str().map(str::len).ok_or(())).unwrap();
/// assert_eq!(lens, [1, 1]);
/// ```
///
/// # Errors
/// The first error `f` returns.
pub fn try_map_items<T, E>(
    items: &[Value],
    mut f: impl FnMut(usize, &Value) -> core::result::Result<T, E>,
) -> core::result::Result<Vec<T>, E> {
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        out.push(f(i, item)?);
    }
    Ok(out)
}

impl Value {
    /// Parses one JSON document within `limits`.
    ///
    /// # Errors
    /// The lexer's errors, and [`ErrorCode::DuplicateKey`].
    pub fn parse(src: &str, limits: &Limits) -> Result<Value> {
        let mut lx = Lexer::new(src, limits)?;
        // The shared stacks start sized to the text (a member takes at least a few bytes of
        // it; capped so a small device never reserves much up front) and are reused by every
        // container, so a larger document grows them a few times, not once per container.
        let hint = (src.len() / 64).clamp(2, 16);
        let mut stack: Vec<Frame> = Vec::with_capacity(hint / 2);
        let mut items: Vec<Value> = Vec::with_capacity(hint);
        let mut members: Vec<(String, Value)> = Vec::with_capacity(hint);
        loop {
            let at = lx.offset();
            let Some(ev) = lx.next_event()? else {
                return Err(Error::new(ErrorCode::InvalidJson, "empty document"));
            };
            let value = match ev {
                Event::StartArray => {
                    stack.push(Frame::Array(items.len()));
                    continue;
                }
                Event::StartObject => {
                    stack.push(Frame::Object(members.len(), None));
                    continue;
                }
                Event::Key(k) => {
                    if let Some(Frame::Object(_, pending)) = stack.last_mut() {
                        *pending = Some(k.to_unescaped());
                    }
                    continue;
                }
                Event::EndArray | Event::EndObject => match stack.pop() {
                    Some(Frame::Array(start)) => Value::Array(items.split_off(start)),
                    Some(Frame::Object(start, _)) => {
                        let own = members.split_off(start);
                        if !check_unique(&own) {
                            return Err(Error::new(ErrorCode::DuplicateKey, "duplicate member name").at_offset(at));
                        }
                        Value::Object(own)
                    }
                    None => return Err(Error::new(ErrorCode::InvalidJson, "unbalanced container").at_offset(at)),
                },
                Event::Str(s) => Value::String(s.to_unescaped()),
                Event::Number(n) => Value::Number(Number(String::from(n))),
                Event::Bool(b) => Value::Bool(b),
                Event::Null => Value::Null,
            };
            match stack.last_mut() {
                None => {
                    // The lexer guarantees nothing but whitespace follows the top-level value.
                    lx.next_event()?;
                    return Ok(value);
                }
                Some(Frame::Array(_)) => items.push(value),
                Some(Frame::Object(_, pending)) => {
                    let key = pending.take().unwrap_or_default();
                    members.push((key, value));
                }
            }
        }
    }

    /// The member `key` of an object.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The elements, if this is an array.
    #[must_use]
    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The members, if this is an object.
    #[must_use]
    pub fn as_object(&self) -> Option<&[(String, Value)]> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    /// The number, if this is one.
    #[must_use]
    pub fn as_number(&self) -> Option<&Number> {
        match self {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    /// Whether this is `null`.
    #[must_use]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The value as compact JSON text (member order kept, minimal string escaping, numbers as
    /// their source text). Iterative, so any depth the parser accepted is safe.
    ///
    /// ```
    /// use ssi_verify_core::json::Value;
    /// use ssi_verify_core::Limits;
    /// let v = Value::parse("{ \"a\" : [1.50, \"\\u00e9\"] }", &Limits::DEFAULT).unwrap();
    /// assert_eq!(v.to_json(), "{\"a\":[1.50,\"é\"]}");
    /// ```
    #[must_use]
    pub fn to_json(&self) -> String {
        enum Step<'v> {
            Value(&'v Value),
            Member(&'v str, &'v Value),
            Text(&'static str),
        }
        let mut out = String::new();
        let mut todo: Vec<Step<'_>> = alloc::vec![Step::Value(self)];
        while let Some(step) = todo.pop() {
            let v = match step {
                Step::Text(t) => {
                    out.push_str(t);
                    continue;
                }
                Step::Member(k, v) => {
                    // Writing to a String cannot fail.
                    let _ = crate::json::write_string(&mut out, k);
                    out.push(':');
                    v
                }
                Step::Value(v) => v,
            };
            match v {
                Value::Null => out.push_str("null"),
                Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
                Value::Number(n) => out.push_str(n.as_str()),
                Value::String(s) => {
                    let _ = crate::json::write_string(&mut out, s);
                }
                Value::Array(items) => {
                    out.push('[');
                    todo.push(Step::Text("]"));
                    for (i, item) in items.iter().enumerate().rev() {
                        todo.push(Step::Value(item));
                        if i > 0 {
                            todo.push(Step::Text(","));
                        }
                    }
                }
                Value::Object(members) => {
                    out.push('{');
                    todo.push(Step::Text("}"));
                    for (i, (k, item)) in members.iter().enumerate().rev() {
                        todo.push(Step::Member(k, item));
                        if i > 0 {
                            todo.push(Step::Text(","));
                        }
                    }
                }
            }
        }
        out
    }

    /// A short name of the value's JSON type (for messages).
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }
}

/// Typed access to required and optional members, with the error codes every document
/// reader uses (`MISSING_FIELD`, `UNEXPECTED_JSON_TYPE`).
pub trait ObjectExt {
    /// A required string member.
    ///
    /// # Errors
    /// [`ErrorCode::MissingField`] or [`ErrorCode::UnexpectedJsonType`], with `detail`.
    fn req_str(&self, key: &str, detail: &'static str) -> Result<&str>;
    /// An optional string member (`null` counts as absent).
    ///
    /// # Errors
    /// [`ErrorCode::UnexpectedJsonType`], with `detail`.
    fn opt_str(&self, key: &str, detail: &'static str) -> Result<Option<&str>>;
    /// A required object member.
    ///
    /// # Errors
    /// [`ErrorCode::MissingField`] or [`ErrorCode::UnexpectedJsonType`], with `detail`.
    fn req_obj(&self, key: &str, detail: &'static str) -> Result<&Value>;
}

impl ObjectExt for Value {
    fn req_str(&self, key: &str, detail: &'static str) -> Result<&str> {
        match self.get(key) {
            None | Some(Value::Null) => Err(Error::new(ErrorCode::MissingField, detail)),
            Some(v) => v.as_str().ok_or_else(|| Error::new(ErrorCode::UnexpectedJsonType, detail)),
        }
    }

    fn opt_str(&self, key: &str, detail: &'static str) -> Result<Option<&str>> {
        match self.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => v.as_str().map(Some).ok_or_else(|| Error::new(ErrorCode::UnexpectedJsonType, detail)),
        }
    }

    fn req_obj(&self, key: &str, detail: &'static str) -> Result<&Value> {
        match self.get(key) {
            None | Some(Value::Null) => Err(Error::new(ErrorCode::MissingField, detail)),
            Some(v @ Value::Object(_)) => Ok(v),
            Some(_) => Err(Error::new(ErrorCode::UnexpectedJsonType, detail)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    #[test]
    fn kinds_and_optional_strings() {
        let v = Value::parse(r#"{"s":"x","n":null,"b":true,"a":[],"o":{},"i":1}"#, &Limits::DEFAULT).unwrap();
        let kinds: Vec<_> = v.as_object().unwrap().iter().map(|(_, m)| m.kind()).collect();
        assert_eq!(kinds, ["string", "null", "boolean", "array", "object", "number"]);
        assert_eq!(v.opt_str("s", "d").unwrap(), Some("x"));
        assert_eq!((v.opt_str("n", "d").unwrap(), v.opt_str("absent", "d").unwrap()), (None, None));
        assert_eq!(v.opt_str("i", "d").unwrap_err().code(), ErrorCode::UnexpectedJsonType);
    }

    #[test]
    fn integers_read_exactly_or_not_at_all() {
        let n = |s: &str| Number(s.into());
        assert_eq!((n("-5").as_i64(), n("-5").as_u64()), (Some(-5), None));
        assert_eq!((n("42").as_i64(), n("42").as_u64()), (Some(42), Some(42)));
        assert_eq!(n("9223372036854775807").as_i64(), Some(i64::MAX));
        for not_i64 in ["9223372036854775808", "1.5", "1e2", "-0.0"] {
            assert_eq!(n(not_i64).as_i64(), None, "{not_i64}");
        }
    }

    #[test]
    fn builds_nested_trees_in_order() {
        let v = Value::parse(r#" {"z":1,"a":[true,{"b":"\u00e9"}],"n":-0.50} "#, &Limits::DEFAULT).unwrap();
        let m = v.as_object().unwrap();
        assert_eq!(m.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(), ["z", "a", "n"]);
        assert_eq!(v.get("a").unwrap().as_array().unwrap()[1].get("b").unwrap().as_str(), Some("é"));
        assert_eq!(v.get("n").unwrap().as_number().unwrap().as_str(), "-0.50");
        assert_eq!(Value::parse("7", &Limits::DEFAULT).unwrap(), Value::Number(Number("7".into())));
    }

    #[test]
    fn duplicates_rejected_small_and_large() {
        assert_eq!(
            Value::parse(r#"{"a":1,"\u0061":2}"#, &Limits::DEFAULT).unwrap_err().code(),
            ErrorCode::DuplicateKey
        );
        let many: Vec<String> = (0..40).map(|i| format!("\"k{i}\":{i}")).collect();
        let ok = format!("{{{}}}", many.join(","));
        assert!(Value::parse(&ok, &Limits::DEFAULT).is_ok());
        let dup = format!("{{{},\"k7\":0}}", many.join(","));
        assert_eq!(Value::parse(&dup, &Limits::DEFAULT).unwrap_err().code(), ErrorCode::DuplicateKey);
        assert_eq!(
            Value::parse(r#"[{"a":{"b":1,"b":1}}]"#, &Limits::DEFAULT).unwrap_err().code(),
            ErrorCode::DuplicateKey
        );
    }

    #[test]
    fn errors_propagate() {
        assert_eq!(Value::parse("[1,]", &Limits::DEFAULT).unwrap_err().code(), ErrorCode::InvalidJson);
        assert_eq!(Value::parse("", &Limits::DEFAULT).unwrap_err().code(), ErrorCode::InvalidJson);
        let deep = "[".repeat(100) + &"]".repeat(100);
        assert_eq!(Value::parse(&deep, &Limits::DEFAULT).unwrap_err().code(), ErrorCode::NestingTooDeep);
    }

    #[test]
    fn to_json_round_trips_deep_and_escaped() {
        let src = r#"{"a":[{"b":"x\"y\n"},[],{}],"c":null,"d":-0.5e2,"e":true}"#;
        let v = Value::parse(src, &Limits::DEFAULT).unwrap();
        assert_eq!(v.to_json(), src);
        let deep = "[".repeat(64) + &"]".repeat(64);
        assert_eq!(Value::parse(&deep, &Limits::DEFAULT).unwrap().to_json(), deep);
    }

    #[test]
    fn object_ext() {
        let v = Value::parse(r#"{"s":"x","n":1,"o":{},"z":null}"#, &Limits::DEFAULT).unwrap();
        assert_eq!(v.req_str("s", "s").unwrap(), "x");
        assert_eq!(v.req_str("n", "n").unwrap_err().code(), ErrorCode::UnexpectedJsonType);
        assert_eq!(v.req_str("missing", "m").unwrap_err().code(), ErrorCode::MissingField);
        assert_eq!(v.opt_str("z", "z").unwrap(), None);
        assert!(v.req_obj("o", "o").is_ok());
        assert_eq!(v.req_obj("s", "s").unwrap_err().code(), ErrorCode::UnexpectedJsonType);
    }
}
