//! The JSON Schema (draft-07) subset Presentation Exchange filters use, compiled once.
//!
//! Supported keywords: `type` (a name or an array of names; `integer` is any number with a zero
//! fractional part, `1.0` included), `const`, `enum`, `pattern`, `minimum`, `maximum`,
//! `exclusiveMinimum`, `exclusiveMaximum`, `minLength`, `maxLength` (Unicode scalar values),
//! `format` (`date`, `date-time`: RFC 3339, calendar checked), `formatMinimum`, `formatMaximum`,
//! `formatExclusiveMinimum`, `formatExclusiveMaximum` (instants compared in UTC), `not`, `allOf`,
//! `anyOf`, `oneOf`, `contains`, `items` (one schema or a tuple), `minItems`, `maxItems`,
//! `properties`, `required`, and boolean schemas. The annotations `$schema`, `$id`, `$comment`,
//! `title`, `description`, `default` and `examples` are accepted and do not constrain.
//!
//! Any other keyword (including `$ref`, `$defs` and misspellings such as `forrmatMaximum`) is
//! refused with [`ErrorCode::UnsupportedFilterKeyword`]: a filter that silently ignores a keyword
//! accepts more than its author meant. So is a `format` other than `date` / `date-time`.
//!
//! Limits worth knowing:
//! * Numbers are compared as the nearest `f64` of their lexemes, so integers beyond 2^53 and
//!   decimals that differ past 17 significant digits can compare equal. The integer test for
//!   `type: integer` reads the lexeme and is exact.
//! * `pattern` is compiled by `regex-automata` (unanchored search, Unicode-aware classes). Most
//!   ECMA-262 patterns mean the same there; backreferences and lookaround are not supported
//!   and are refused ([`ErrorCode::InvalidFilter`]), as is a pattern whose automaton is too
//!   large. `\d`, `\w` and `\b` are Unicode-aware, where ECMA-262 makes them ASCII-only.
//! * Gataca writes date bounds as string `minimum` / `maximum` next to `format: date`; those are
//!   read as `formatMinimum` / `formatMaximum`.
//! * Regex search time grows with the string length times the automaton size, so one
//!   evaluation of a filter has a work budget (`limits.max_items` × 2048 units; a search costs
//!   the haystack length times the pattern's memory footprint in bytes). Measured in a release
//!   build, a 100,000-character string against `a{1000}{20}` (a valid pattern) takes about 6 s
//!   unbudgeted; with the default limits it is refused at once. The budget lets a simple
//!   pattern such as `emailCredential` search strings of several hundred kilobytes, and bounds
//!   the worst search measured per unit at about half a second (release build). [`Filter::try_matches`] reports
//!   an exhausted budget as [`ErrorCode::TooManyItems`]; [`Filter::matches`] then answers `false`.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::cmp::Ordering;

use regex_automata::meta::Regex;
use regex_automata::util::syntax;

use crate::calendar;
use crate::error::{Error, ErrorCode, Result};
use crate::json::Value;
use crate::limits::Limits;

/// Largest compiled automaton a `pattern` may produce, in bytes.
const PATTERN_NFA_LIMIT: usize = 1 << 20;

/// Regex work units per `Limits::max_items` allowed in one filter evaluation.
const WORK_PER_ITEM: usize = 2048;

/// A compiled filter.
///
/// ```
/// use ssi_verify_core::json::Value;
/// use ssi_verify_core::presentation::filter::Filter;
/// use ssi_verify_core::Limits;
/// let schema = Value::parse(r#"{"type":"string","pattern":"^did:gatc:"}"#, &Limits::DEFAULT).unwrap();
/// let filter = Filter::compile(&schema, &Limits::DEFAULT).unwrap();
/// assert!(filter.matches(&Value::String("did:gatc:abc".into())));
/// assert!(!filter.matches(&Value::String("did:web:abc".into())));
/// ```
#[derive(Clone, Debug)]
pub struct Filter {
    source: Value,
    node: Node,
}

#[derive(Clone, Debug)]
enum Node {
    Bool(bool),
    Schema(Box<Schema>),
}

/// JSON types as a bit set (`integer` is its own bit; a number that is integral has both).
pub(crate) mod types {
    pub const NULL: u8 = 1;
    pub const BOOLEAN: u8 = 2;
    pub const NUMBER: u8 = 4;
    pub const INTEGER: u8 = 8;
    pub const STRING: u8 = 16;
    pub const ARRAY: u8 = 32;
    pub const OBJECT: u8 = 64;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Date,
    DateTime,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BoundKind {
    Min,
    Max,
    ExclusiveMin,
    ExclusiveMax,
}

#[derive(Clone, Debug)]
enum Items {
    All(Node),
    Tuple(Vec<Node>),
}

#[derive(Clone, Debug)]
pub(crate) struct Pattern {
    pub(crate) source: String,
    pub(crate) regex: Regex,
    /// Work units per haystack byte (the compiled regex's heap footprint).
    cost: usize,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Schema {
    pub(crate) types: Option<u8>,
    pub(crate) constant: Option<Value>,
    pub(crate) enumeration: Option<Vec<Value>>,
    pub(crate) pattern: Option<Pattern>,
    numeric: Vec<(BoundKind, f64)>,
    pub(crate) min_length: Option<u64>,
    pub(crate) max_length: Option<u64>,
    format: Option<Format>,
    format_bounds: Vec<(BoundKind, Instant)>,
    not: Option<Node>,
    all_of: Vec<Node>,
    any_of: Vec<Node>,
    one_of: Vec<Node>,
    contains: Option<Node>,
    items: Option<Items>,
    min_items: Option<u64>,
    max_items: Option<u64>,
    properties: Vec<(String, Node)>,
    required: Vec<String>,
}

const ANNOTATIONS: &[&str] = &["$schema", "$id", "$comment", "title", "description", "default", "examples"];

impl Filter {
    /// Compiles a filter (a JSON Schema object or boolean).
    ///
    /// # Errors
    /// [`ErrorCode::UnsupportedFilterKeyword`] for a keyword or format outside the subset,
    /// [`ErrorCode::InvalidFilter`] for a keyword with a malformed value (a negative
    /// `minLength`, an unknown type name, a pattern that does not compile, ...),
    /// [`ErrorCode::NestingTooDeep`] past `limits.max_depth`.
    pub fn compile(schema: &Value, limits: &Limits) -> Result<Filter> {
        Ok(Filter { source: schema.clone(), node: compile_node(schema, limits, 0)? })
    }

    /// Whether `value` validates against the filter, failing closed: `false` when the work
    /// budget of the default limits runs out (see [`Self::try_matches`]).
    #[must_use]
    pub fn matches(&self, value: &Value) -> bool {
        self.try_matches(value, &Limits::DEFAULT).unwrap_or(false)
    }

    /// Whether `value` validates against the filter, within a work budget derived from `limits`.
    ///
    /// ```
    /// use ssi_verify_core::json::Value;
    /// use ssi_verify_core::presentation::filter::Filter;
    /// use ssi_verify_core::{ErrorCode, Limits};
    /// let l = Limits::DEFAULT;
    /// let f = Filter::compile(&Value::parse(r#"{"pattern":"a{1000}{20}"}"#, &l).unwrap(), &l).unwrap();
    /// assert!(!f.try_matches(&Value::String("a".repeat(300)), &l).unwrap());
    /// let huge = Value::String("a".repeat(100_000));
    /// assert_eq!(f.try_matches(&huge, &l).unwrap_err().code(), ErrorCode::TooManyItems);
    /// ```
    ///
    /// # Errors
    /// [`ErrorCode::TooManyItems`] when the regex searches need more work than the budget.
    pub fn try_matches(&self, value: &Value, limits: &Limits) -> Result<bool> {
        let mut budget = limits.max_items.saturating_mul(WORK_PER_ITEM);
        node_matches(&self.node, value, &mut budget)
    }

    /// The filter as it appeared in the definition.
    #[must_use]
    pub fn source(&self) -> &Value {
        &self.source
    }

    /// The top-level schema, for the linter (`None` for a boolean schema).
    pub(crate) fn schema(&self) -> Option<&Schema> {
        match &self.node {
            Node::Schema(s) => Some(s),
            Node::Bool(_) => None,
        }
    }

    /// The boolean schema value, if the filter is `true` or `false`.
    pub(crate) fn boolean(&self) -> Option<bool> {
        match self.node {
            Node::Bool(b) => Some(b),
            Node::Schema(_) => None,
        }
    }
}

fn invalid(detail: &'static str) -> Error {
    Error::new(ErrorCode::InvalidFilter, detail)
}

fn compile_node(schema: &Value, limits: &Limits, depth: usize) -> Result<Node> {
    if depth > limits.depth() {
        return Err(Error::new(ErrorCode::NestingTooDeep, "filter schemas nest too deeply"));
    }
    let members = match schema {
        Value::Bool(b) => return Ok(Node::Bool(*b)),
        Value::Object(members) => members,
        _ => return Err(invalid("a filter must be a JSON Schema object or boolean")),
    };
    let next = depth.saturating_add(1);
    let mut s = Schema::default();
    let format_value = schema.get("format");
    for (key, value) in members {
        match key.as_str() {
            "type" => s.types = Some(compile_types(value)?),
            "const" => s.constant = Some(value.clone()),
            "enum" => {
                s.enumeration = Some(value.as_array().ok_or_else(|| invalid("enum must be an array"))?.to_vec());
            }
            "pattern" => s.pattern = Some(compile_pattern(value, limits)?),
            "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" => {
                let kind = bound_kind(key);
                match value {
                    Value::Number(n) => {
                        let f = n.as_f64();
                        if !f.is_finite() {
                            return Err(invalid("a numeric bound is out of range"));
                        }
                        s.numeric.push((kind, f));
                    }
                    // Gataca's date bounds: a string bound next to a date format.
                    Value::String(text) => {
                        let format = parse_format(format_value)?
                            .ok_or_else(|| invalid("a string bound needs format date or date-time"))?;
                        s.format_bounds.push((kind, parse_instant(text, format)?));
                    }
                    _ => return Err(invalid("numeric bounds must be numbers")),
                }
            }
            "minLength" => s.min_length = Some(non_negative(value)?),
            "maxLength" => s.max_length = Some(non_negative(value)?),
            "minItems" => s.min_items = Some(non_negative(value)?),
            "maxItems" => s.max_items = Some(non_negative(value)?),
            "format" => s.format = parse_format(Some(value))?,
            "formatMinimum" | "formatMaximum" | "formatExclusiveMinimum" | "formatExclusiveMaximum" => {
                let format = parse_format(format_value)?
                    .ok_or_else(|| invalid("format bounds need format date or date-time"))?;
                let text = value.as_str().ok_or_else(|| invalid("format bounds must be strings"))?;
                s.format_bounds.push((bound_kind(key), parse_instant(text, format)?));
            }
            "not" => s.not = Some(compile_node(value, limits, next)?),
            "allOf" | "anyOf" | "oneOf" => {
                let list = value.as_array().ok_or_else(|| invalid("allOf/anyOf/oneOf must be arrays"))?;
                if list.is_empty() {
                    return Err(invalid("allOf/anyOf/oneOf must not be empty"));
                }
                let compiled = list.iter().map(|v| compile_node(v, limits, next)).collect::<Result<Vec<_>>>()?;
                match key.as_str() {
                    "allOf" => s.all_of = compiled,
                    "anyOf" => s.any_of = compiled,
                    _ => s.one_of = compiled,
                }
            }
            "contains" => s.contains = Some(compile_node(value, limits, next)?),
            "items" => {
                s.items = Some(match value {
                    Value::Array(list) => {
                        Items::Tuple(list.iter().map(|v| compile_node(v, limits, next)).collect::<Result<Vec<_>>>()?)
                    }
                    other => Items::All(compile_node(other, limits, next)?),
                });
            }
            "properties" => {
                let props = value.as_object().ok_or_else(|| invalid("properties must be an object"))?;
                s.properties = props
                    .iter()
                    .map(|(name, v)| Ok((name.clone(), compile_node(v, limits, next)?)))
                    .collect::<Result<Vec<_>>>()?;
            }
            "required" => {
                let names = value.as_array().ok_or_else(|| invalid("required must be an array"))?;
                s.required = names
                    .iter()
                    .map(|n| n.as_str().map(String::from).ok_or_else(|| invalid("required lists strings")))
                    .collect::<Result<Vec<_>>>()?;
            }
            k if ANNOTATIONS.contains(&k) => {}
            _ => {
                return Err(Error::new(
                    ErrorCode::UnsupportedFilterKeyword,
                    "a filter keyword outside the supported JSON Schema subset",
                ))
            }
        }
    }
    Ok(Node::Schema(Box::new(s)))
}

fn bound_kind(key: &str) -> BoundKind {
    match key {
        "minimum" | "formatMinimum" => BoundKind::Min,
        "maximum" | "formatMaximum" => BoundKind::Max,
        "exclusiveMinimum" | "formatExclusiveMinimum" => BoundKind::ExclusiveMin,
        _ => BoundKind::ExclusiveMax,
    }
}

fn non_negative(value: &Value) -> Result<u64> {
    let n = value.as_number().ok_or_else(|| invalid("a length or count must be a number"))?;
    if let Some(u) = n.as_u64() {
        return Ok(u);
    }
    // `2.0` is an integer in draft-07; anything else (negative, fractional) is malformed.
    if is_integral(n.as_str()) && !n.as_str().starts_with('-') {
        let f = n.as_f64();
        if f >= 0.0 {
            // `as` saturates: a bound past u64 (1e20, 1e400 read as infinity) behaves like "no
            // string is that long".
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            return Ok(f as u64);
        }
    }
    Err(invalid("a length or count must be a non-negative integer"))
}

fn compile_types(value: &Value) -> Result<u8> {
    let one = |v: &Value| -> Result<u8> {
        Ok(match v.as_str().ok_or_else(|| invalid("type names must be strings"))? {
            "null" => types::NULL,
            "boolean" => types::BOOLEAN,
            // An integral value carries both bits (`type_bits`), so "number" takes it too.
            "number" => types::NUMBER,
            "integer" => types::INTEGER,
            "string" => types::STRING,
            "array" => types::ARRAY,
            "object" => types::OBJECT,
            _ => return Err(invalid("unknown type name")),
        })
    };
    match value {
        Value::Array(list) => {
            if list.is_empty() {
                return Err(invalid("type must not be an empty array"));
            }
            // Draft-07 6.1.1: the names MUST be unique (seven exist, so longer lists repeat one).
            let repeats = |(i, v): (usize, &Value)| list.get(..i).is_some_and(|before| before.contains(v));
            if list.len() > 7 || list.iter().enumerate().any(repeats) {
                return Err(invalid("type names must be unique"));
            }
            list.iter().try_fold(0u8, |acc, v| Ok(acc | one(v)?))
        }
        other => one(other),
    }
}

fn compile_pattern(value: &Value, limits: &Limits) -> Result<Pattern> {
    let source = value.as_str().ok_or_else(|| invalid("pattern must be a string"))?;
    if source.len() > limits.max_string_bytes {
        return Err(Error::new(ErrorCode::StringTooLong, "pattern is longer than the limits allow"));
    }
    let nest = u32::try_from(limits.depth()).unwrap_or(u32::MAX);
    let regex = Regex::builder()
        .syntax(syntax::Config::new().nest_limit(nest))
        .configure(Regex::config().nfa_size_limit(Some(PATTERN_NFA_LIMIT)))
        .build(source)
        .map_err(|_| invalid("pattern does not compile (unsupported syntax or too large)"))?;
    let cost = regex.memory_usage().max(1);
    Ok(Pattern { source: String::from(source), regex, cost })
}

fn parse_format(value: Option<&Value>) -> Result<Option<Format>> {
    match value {
        None => Ok(None),
        Some(Value::String(s)) => match s.as_str() {
            "date" => Ok(Some(Format::Date)),
            "date-time" => Ok(Some(Format::DateTime)),
            _ => Err(Error::new(
                ErrorCode::UnsupportedFilterKeyword,
                "only the date and date-time formats are supported",
            )),
        },
        Some(_) => Err(invalid("format must be a string")),
    }
}

fn node_matches(node: &Node, value: &Value, budget: &mut usize) -> Result<bool> {
    match node {
        Node::Bool(b) => Ok(*b),
        Node::Schema(s) => schema_matches(s, value, budget),
    }
}

fn all(nodes: &[Node], value: &Value, budget: &mut usize) -> Result<bool> {
    for n in nodes {
        if !node_matches(n, value, budget)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn count_matching(nodes: &[Node], value: &Value, budget: &mut usize, stop_at: usize) -> Result<usize> {
    let mut hits = 0usize;
    for n in nodes {
        if node_matches(n, value, budget)? {
            hits = hits.saturating_add(1);
            if hits >= stop_at {
                break;
            }
        }
    }
    Ok(hits)
}

fn type_bits(value: &Value) -> u8 {
    match value {
        Value::Null => types::NULL,
        Value::Bool(_) => types::BOOLEAN,
        Value::Number(n) if is_integral(n.as_str()) => types::NUMBER | types::INTEGER,
        Value::Number(_) => types::NUMBER,
        Value::String(_) => types::STRING,
        Value::Array(_) => types::ARRAY,
        Value::Object(_) => types::OBJECT,
    }
}

fn schema_matches(s: &Schema, value: &Value, budget: &mut usize) -> Result<bool> {
    if let Some(t) = s.types {
        if t & type_bits(value) == 0 {
            return Ok(false);
        }
    }
    if let Some(c) = &s.constant {
        if !json_equal(c, value) {
            return Ok(false);
        }
    }
    if let Some(list) = &s.enumeration {
        if !list.iter().any(|c| json_equal(c, value)) {
            return Ok(false);
        }
    }
    let ok = match value {
        Value::String(text) => string_matches(s, text, budget)?,
        Value::Number(n) => {
            let f = n.as_f64();
            s.numeric.iter().all(|&(kind, bound)| match kind {
                BoundKind::Min => f >= bound,
                BoundKind::Max => f <= bound,
                BoundKind::ExclusiveMin => f > bound,
                BoundKind::ExclusiveMax => f < bound,
            })
        }
        Value::Array(items) => array_matches(s, items, budget)?,
        Value::Object(members) => {
            if !s.required.iter().all(|name| members.iter().any(|(k, _)| k == name)) {
                return Ok(false);
            }
            for (name, sub) in &s.properties {
                if let Some((_, v)) = members.iter().find(|(k, _)| k == name) {
                    if !node_matches(sub, v, budget)? {
                        return Ok(false);
                    }
                }
            }
            true
        }
        Value::Null | Value::Bool(_) => true,
    };
    if !ok {
        return Ok(false);
    }
    if let Some(n) = &s.not {
        if node_matches(n, value, budget)? {
            return Ok(false);
        }
    }
    if !all(&s.all_of, value, budget)? {
        return Ok(false);
    }
    if !s.any_of.is_empty() && count_matching(&s.any_of, value, budget, 1)? == 0 {
        return Ok(false);
    }
    if !s.one_of.is_empty() && count_matching(&s.one_of, value, budget, 2)? != 1 {
        return Ok(false);
    }
    Ok(true)
}

fn string_matches(s: &Schema, text: &str, budget: &mut usize) -> Result<bool> {
    if s.min_length.is_some() || s.max_length.is_some() {
        let len = u64::try_from(text.chars().count()).unwrap_or(u64::MAX);
        if s.min_length.is_some_and(|m| len < m) || s.max_length.is_some_and(|m| len > m) {
            return Ok(false);
        }
    }
    if let Some(p) = &s.pattern {
        let work = text.len().max(1).saturating_mul(p.cost);
        *budget = budget
            .checked_sub(work)
            .ok_or(Error::new(ErrorCode::TooManyItems, "a filter pattern needs more work than the limits allow"))?;
        if !p.regex.is_match(text) {
            return Ok(false);
        }
    }
    if let Some(format) = s.format {
        let Ok(instant) = parse_instant(text, format) else { return Ok(false) };
        return Ok(s.format_bounds.iter().all(|(kind, bound)| {
            let ord = instant.cmp(bound);
            match kind {
                BoundKind::Min => ord != Ordering::Less,
                BoundKind::Max => ord != Ordering::Greater,
                BoundKind::ExclusiveMin => ord == Ordering::Greater,
                BoundKind::ExclusiveMax => ord == Ordering::Less,
            }
        }));
    }
    Ok(true)
}

fn array_matches(s: &Schema, items: &[Value], budget: &mut usize) -> Result<bool> {
    let len = u64::try_from(items.len()).unwrap_or(u64::MAX);
    if s.min_items.is_some_and(|m| len < m) || s.max_items.is_some_and(|m| len > m) {
        return Ok(false);
    }
    if let Some(c) = &s.contains {
        let mut found = false;
        for v in items {
            if node_matches(c, v, budget)? {
                found = true;
                break;
            }
        }
        if !found {
            return Ok(false);
        }
    }
    match &s.items {
        None => Ok(true),
        Some(Items::All(n)) => {
            for v in items {
                if !node_matches(n, v, budget)? {
                    return Ok(false);
                }
            }
            Ok(true)
        }
        Some(Items::Tuple(list)) => {
            for (n, v) in list.iter().zip(items) {
                if !node_matches(n, v, budget)? {
                    return Ok(false);
                }
            }
            Ok(true)
        }
    }
}

/// Whether a JSON number lexeme denotes an integer (`1`, `1.0`, `1.5e1`, `-0`).
pub(crate) fn is_integral(lexeme: &str) -> bool {
    let body = lexeme.strip_prefix('-').unwrap_or(lexeme);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (body.get(..i).unwrap_or(""), body.get(i.saturating_add(1)..).unwrap_or("")),
        None => (body, "0"),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // Exponents beyond ±10^9 saturate; the digit strings are far shorter than that.
    let exp: i64 = exponent.parse().unwrap_or(if exponent.starts_with('-') { i64::MIN } else { i64::MAX });
    let point = i64::try_from(int_part.len()).unwrap_or(i64::MAX).saturating_add(exp);
    int_part
        .bytes()
        .chain(frac_part.bytes())
        .enumerate()
        .all(|(i, d)| d == b'0' || i64::try_from(i).unwrap_or(i64::MAX) < point)
}

/// JSON Schema equality: numbers by value, objects regardless of member order. Iterative.
pub(crate) fn json_equal(a: &Value, b: &Value) -> bool {
    let mut todo: Vec<(&Value, &Value)> = alloc::vec![(a, b)];
    while let Some((x, y)) = todo.pop() {
        match (x, y) {
            (Value::Null, Value::Null) => {}
            (Value::Bool(p), Value::Bool(q)) if p == q => {}
            (Value::String(p), Value::String(q)) if p == q => {}
            (Value::Number(p), Value::Number(q)) => {
                if p != q && p.as_f64().partial_cmp(&q.as_f64()) != Some(Ordering::Equal) {
                    return false;
                }
            }
            (Value::Array(p), Value::Array(q)) if p.len() == q.len() => todo.extend(p.iter().zip(q)),
            (Value::Object(p), Value::Object(q)) if p.len() == q.len() => {
                for (k, v) in p {
                    match q.iter().find(|(k2, _)| k2 == k) {
                        Some((_, w)) => todo.push((v, w)),
                        None => return false,
                    }
                }
            }
            _ => return false,
        }
    }
    true
}

/// A point in time (or a calendar date) normalized to UTC: whole seconds since the Unix epoch,
/// then the fractional digits with trailing zeros removed, so that the derived ordering is the
/// chronological one.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Instant {
    seconds: i64,
    fraction: String,
}

fn digits(text: &str, from: usize, len: usize) -> Option<u32> {
    let part = text.get(from..from.checked_add(len)?)?;
    if !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

/// Days since the Unix epoch of the 10 bytes of an RFC 3339 `full-date`.
fn parse_date(text: &str) -> Option<i64> {
    if text.as_bytes().get(4) != Some(&b'-') || text.as_bytes().get(7) != Some(&b'-') {
        return None;
    }
    let (year, month, day) = (digits(text, 0, 4)?, digits(text, 5, 2)?, digits(text, 8, 2)?);
    let (year, month, day) = (i64::from(year), i64::from(month), i64::from(day));
    calendar::is_date(year, month, day).then(|| calendar::days_from_civil(year, month, day))
}

/// RFC 3339 `full-date` or `date-time` (section 5.6), calendar and clock ranges checked.
fn parse_instant(text: &str, format: Format) -> Result<Instant> {
    let bad = || invalid("not an RFC 3339 date or date-time");
    let days = parse_date(text.get(..10).ok_or_else(bad)?).ok_or_else(bad)?;
    if format == Format::Date {
        return if text.len() == 10 {
            Ok(Instant { seconds: days * 86_400, fraction: String::new() })
        } else {
            Err(bad())
        };
    }
    let b = text.as_bytes();
    if !matches!(b.get(10), Some(b'T' | b't')) || b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return Err(bad());
    }
    let (hour, minute, second) = (
        digits(text, 11, 2).ok_or_else(bad)?,
        digits(text, 14, 2).ok_or_else(bad)?,
        digits(text, 17, 2).ok_or_else(bad)?,
    );
    if hour > 23 || minute > 59 || second > 60 {
        return Err(bad());
    }
    let mut rest = text.get(19..).ok_or_else(bad)?;
    let mut fraction = String::new();
    if let Some(after) = rest.strip_prefix('.') {
        let n = after.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return Err(bad());
        }
        fraction.push_str(after.get(..n).ok_or_else(bad)?.trim_end_matches('0'));
        rest = after.get(n..).ok_or_else(bad)?;
    }
    let offset_minutes: i64 = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first() {
                Some(b'+') => 1,
                Some(b'-') => -1,
                _ => return Err(bad()),
            };
            if rest.len() != 6 || rest.as_bytes().get(3) != Some(&b':') {
                return Err(bad());
            }
            let (oh, om) = (digits(rest, 1, 2).ok_or_else(bad)?, digits(rest, 4, 2).ok_or_else(bad)?);
            if oh > 23 || om > 59 {
                return Err(bad());
            }
            sign * (i64::from(oh) * 60 + i64::from(om))
        }
    };
    let local = days * 86_400 + i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second);
    Ok(Instant { seconds: local - offset_minutes * 60, fraction })
}

/// Seconds since the Unix epoch of an RFC 3339 `date-time` (fraction dropped): the one reader
/// of date-times outside filters too (JWT-VC times, validity periods, proof dates, session
/// expiry); `None` when it is not one.
pub(crate) fn date_time_unix_seconds(text: &str) -> Option<i64> {
    parse_instant(text, Format::DateTime).ok().map(|i| i.seconds)
}

#[cfg(test)]
mod tests;
