//! The parsed form of a query. Function expressions are split by result type so that an
//! ill-typed query cannot be represented at all (RFC 9535 section 2.4.3).

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use regex_automata::meta::Regex;

use crate::json::Value;

/// One segment of a query.
#[derive(Clone, Debug)]
pub(crate) enum Segment {
    /// `[...]`, `.name`, `.*`: selectors applied to the input nodes.
    Child(Vec<Selector>),
    /// `..[...]`, `..name`, `..*`: selectors applied to the input nodes and all their descendants.
    Descendant(Vec<Selector>),
}

/// One selector inside a segment.
#[derive(Clone, Debug)]
pub(crate) enum Selector {
    Name(String),
    Wildcard,
    Index(i64),
    Slice { start: Option<i64>, end: Option<i64>, step: Option<i64> },
    Filter(Logical),
}

/// A query inside a filter: relative (`@`) or absolute (`$`).
#[derive(Clone, Debug)]
pub(crate) struct FilterQuery {
    pub(crate) relative: bool,
    pub(crate) segments: Vec<Segment>,
    /// Whether the query can produce at most one node (RFC 9535 section 2.3.5.1): then it is
    /// evaluated by following its names and indices, with no nodelist.
    pub(crate) singular: bool,
}

impl FilterQuery {
    pub(crate) fn new(relative: bool, segments: Vec<Segment>) -> Self {
        let singular = segments.iter().all(|s| match s {
            Segment::Child(sels) => {
                matches!(sels.as_slice(), [Selector::Name(_) | Selector::Index(_)])
            }
            Segment::Descendant(_) => false,
        });
        FilterQuery { relative, segments, singular }
    }
}

/// A logical expression (the body of a filter selector).
#[derive(Clone, Debug)]
pub(crate) enum Logical {
    Or(Vec<Logical>),
    And(Vec<Logical>),
    Not(Box<Logical>),
    /// An existence test: true when the query selects at least one node.
    Exists(FilterQuery),
    /// `match(...)` / `search(...)`.
    Regex(Box<RegexFn>),
    Compare(Box<Comparable>, CmpOp, Box<Comparable>),
}

/// The comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// Something of ValueType: a literal, a singular query, or a function returning ValueType.
#[derive(Clone, Debug)]
pub(crate) enum Comparable {
    Literal(Value),
    /// A singular query (checked at parse time).
    Query(FilterQuery),
    Function(ValueFn),
}

/// The functions whose declared result type is ValueType.
#[derive(Clone, Debug)]
pub(crate) enum ValueFn {
    Length(Box<Comparable>),
    Count(FilterQuery),
    Value(FilterQuery),
}

/// `match` (anchored at both ends) or `search` (anywhere).
#[derive(Clone, Debug)]
pub(crate) struct RegexFn {
    pub(crate) whole: bool,
    pub(crate) subject: Comparable,
    pub(crate) pattern: Comparable,
    /// For a literal pattern, compiled once at parse time: `Some(None)` when the literal is not
    /// a valid I-Regexp (the function is then always false).
    pub(crate) compiled: Option<Option<Regex>>,
}
