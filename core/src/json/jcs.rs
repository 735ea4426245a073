//! RFC 8785 JSON Canonicalization Scheme (JCS) over the bounded [`Value`].
//!
//! Three rules make the output canonical: object members sorted by the UTF-16 code units of
//! their names, strings escaped minimally (`\"`, `\\`, `\b \f \n \r \t`, other controls as
//! `\u00xx`, everything else as literal UTF-8), and numbers printed the way ECMAScript's
//! `Number.prototype.toString` prints the IEEE 754 double they denote.
//!
//! The serializer walks the tree with an explicit stack, so a deep value cannot exhaust the
//! call stack; depth and item count are still bounded by [`Limits`]. [`canonicalize_str`] goes
//! from text to text without the tree (module `text`), to the same bytes and the same errors.

use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{Error, ErrorCode, Result};
use crate::json::{write_string, Number, Value};
use crate::limits::Limits;

mod number;
mod order;
mod text;

/// The canonical text of `value`.
///
/// ```
/// use ssi_verify_core::json::{jcs, Value};
/// use ssi_verify_core::Limits;
/// let v = Value::parse(r#"{"b":[1.0E2,"\u20ac"],"a":null}"#, &Limits::DEFAULT).unwrap();
/// assert_eq!(jcs::canonicalize(&v, &Limits::DEFAULT).unwrap(), r#"{"a":null,"b":[100,"€"]}"#);
/// ```
///
/// # Errors
/// [`ErrorCode::NumberNotIJson`] for a number outside the IEEE 754 double range,
/// [`ErrorCode::NestingTooDeep`] and [`ErrorCode::TooManyItems`] past `limits`.
pub fn canonicalize(value: &Value, limits: &Limits) -> Result<String> {
    enum Step<'v> {
        Value(&'v Value, usize),
        Member(&'v str, &'v Value, usize),
        Text(&'static str),
    }
    let mut out = String::new();
    let mut todo: Vec<Step<'_>> = alloc::vec![Step::Value(value, 0)];
    let mut items: usize = 0;
    while let Some(step) = todo.pop() {
        let (v, depth) = match step {
            Step::Text(t) => {
                out.push_str(t);
                continue;
            }
            Step::Member(name, v, depth) => {
                push_string(&mut out, name);
                out.push(':');
                (v, depth)
            }
            Step::Value(v, depth) => (v, depth),
        };
        items = items.saturating_add(1);
        if items > limits.max_items {
            return Err(Error::new(ErrorCode::TooManyItems, "value has more items than max_items"));
        }
        match v {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => number::write(&mut out, n.as_str())?,
            Value::String(s) => push_string(&mut out, s),
            Value::Array(elements) => {
                let inner = enter(depth, limits)?;
                out.push('[');
                todo.push(Step::Text("]"));
                for (i, element) in elements.iter().enumerate().rev() {
                    todo.push(Step::Value(element, inner));
                    if i > 0 {
                        todo.push(Step::Text(","));
                    }
                }
            }
            Value::Object(members) => {
                let inner = enter(depth, limits)?;
                let mut sorted: Vec<&(String, Value)> = members.iter().collect();
                sorted.sort_by(|a, b| order::utf16_cmp(a.0.as_bytes(), b.0.as_bytes()));
                out.push('{');
                todo.push(Step::Text("}"));
                for (i, (name, member)) in sorted.into_iter().enumerate().rev() {
                    todo.push(Step::Member(name, member, inner));
                    if i > 0 {
                        todo.push(Step::Text(","));
                    }
                }
            }
        }
    }
    Ok(out)
}

/// Parses `text` strictly (duplicate names, lone surrogates and limit violations are errors)
/// and returns its canonical form.
///
/// ```
/// use ssi_verify_core::json::jcs;
/// use ssi_verify_core::{ErrorCode, Limits};
/// assert_eq!(jcs::canonicalize_str("[ -0, 1e21, 0.000001 ]", &Limits::DEFAULT).unwrap(), "[0,1e+21,0.000001]");
/// assert_eq!(jcs::canonicalize_str("[1e400]", &Limits::DEFAULT).unwrap_err().code(), ErrorCode::NumberNotIJson);
/// ```
///
/// The result and the error, if any, are exactly those of `canonicalize(&Value::parse(text,
/// limits)?, limits)`, but no tree is built: strings without escapes and integers already in
/// ECMAScript form are copied from `text` as they are.
///
/// # Errors
/// Everything [`Value::parse`] and [`canonicalize`] report.
pub fn canonicalize_str(text: &str, limits: &Limits) -> Result<String> {
    if text.len() > text::MAX_TEXT {
        // Past the text path's 32-bit offsets (over 100 MB): the tree path has no such bound.
        return canonicalize(&Value::parse(text, limits)?, limits);
    }
    text::canonicalize(text, limits)
}

/// The ECMAScript `Number.prototype.toString` text of the double nearest to `n`'s lexeme
/// (`-0` prints `0`).
///
/// ```
/// use ssi_verify_core::json::{jcs, Number};
/// let n = Number::new("333333333.33333329").unwrap();
/// assert_eq!(jcs::format_number(&n).unwrap(), "333333333.3333333");
/// ```
///
/// # Errors
/// [`ErrorCode::NumberNotIJson`] when the lexeme's magnitude is beyond the largest finite double.
pub fn format_number(n: &Number) -> Result<String> {
    let mut out = String::new();
    number::write(&mut out, n.as_str())?;
    Ok(out)
}

fn enter(depth: usize, limits: &Limits) -> Result<usize> {
    let inner = depth.saturating_add(1);
    if inner > limits.depth() {
        return Err(Error::new(ErrorCode::NestingTooDeep, "value nests deeper than max_depth"));
    }
    Ok(inner)
}

fn push_string(out: &mut String, s: &str) {
    // Writing into a String cannot fail; write_string already escapes exactly as JCS says.
    let _ = write_string(out, s);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_sort_by_utf16_not_utf8() {
        // U+10000 is D800 DC00 in UTF-16 (sorts before U+E000) but F0.. in UTF-8 (sorts after).
        let v = Value::parse("{\"\u{e000}\":1,\"\u{10000}\":2}", &Limits::DEFAULT).unwrap();
        assert_eq!(canonicalize(&v, &Limits::DEFAULT).unwrap(), "{\"\u{10000}\":2,\"\u{e000}\":1}");
    }

    #[test]
    fn depth_and_items_are_bounded() {
        let mut v = Value::Null;
        for _ in 0..300 {
            v = Value::Array(alloc::vec![v]);
        }
        assert_eq!(canonicalize(&v, &Limits::DEFAULT).unwrap_err().code(), ErrorCode::NestingTooDeep);
        let tight = Limits { max_items: 3, ..Limits::DEFAULT };
        let v = Value::parse("[1,2,3]", &Limits::DEFAULT).unwrap();
        assert_eq!(canonicalize(&v, &tight).unwrap_err().code(), ErrorCode::TooManyItems);
    }

    #[test]
    fn numbers() {
        for (src, want) in [
            ("-0", "0"),
            ("0.0", "0"),
            ("-0e5", "0"),
            ("1E2", "100"),
            ("1e21", "1e+21"),
            ("1e-7", "1e-7"),
            ("0.000001", "0.000001"),
            ("9007199254740993", "9007199254740992"),
            ("1e-400", "0"),
            ("-1.7976931348623157e308", "-1.7976931348623157e+308"),
        ] {
            assert_eq!(format_number(&Number::new(src).unwrap()).unwrap(), want, "{src}");
        }
        for bad in ["1e400", "-1e309", "1.8e308"] {
            assert_eq!(format_number(&Number::new(bad).unwrap()).unwrap_err().code(), ErrorCode::NumberNotIJson);
        }
    }
}
