//! RFC 9535 JSONPath: parse a query once, select nodes from a [`Value`].
//!
//! The whole RFC is implemented: child and descendant segments, name, wildcard, index, slice
//! and filter selectors, comparisons with the RFC's semantics (Nothing, deep equality, numbers
//! by value), and the function extensions `length`, `count`, `match`, `search` and `value`, whose
//! typing rules are enforced when the query is parsed. `match` and `search` take I-Regexp
//! (RFC 9485) patterns; a pattern that is not one makes the function false, as the RFC says.
//!
//! Results come in document order. [`Query::select_values`] gives the values alone, borrowed
//! from the document, with no allocation per node; [`Query::nodelist`] also records how each
//! node was reached and writes a node's normalized path (RFC 9535 section 2.7) only when asked
//! for; [`Query::select`] writes every node's path.
//!
//! Bounds: the query is at most `max_string_bytes` long and nests brackets, parentheses and
//! function calls at most `max_depth` deep ([`ErrorCode::NestingTooDeep`]). The parser keeps
//! that nesting on an explicit heap stack (6.2 KiB of stack for a query nested to the default
//! 64 levels, where recursion took 136 KiB); filter evaluation recurses along it, about 0.6 KiB of stack per level in an optimized
//! build (43 KiB at 64). Descendant segments walk the document with an explicit stack. The following fail with [`ErrorCode::TooManyItems`]:
//! a nodelist longer than `max_items`; a selection spending more than 32 × `max_items` units of
//! work (a node visited or produced, a pair of values compared, a subject byte matched per KiB
//! of compiled regex, 65,536 per pattern compiled from the document); result locations totalling
//! more than 4 × `max_input_bytes`; more than 4 × `max_items` nodes reached in all (the
//! bookkeeping for locations). A regex compiles to at most 2 MiB of NFA and nests groups at
//! most `max_depth` deep; one that does not fit counts as invalid (the function is false).
//!
//! ```
//! use ssi_verify_core::json::{jsonpath::Query, Value};
//! use ssi_verify_core::Limits;
//!
//! let doc = Value::parse(
//!     r#"{"credentials":[{"type":["VC","Degree"],"level":3},{"type":["VC"],"level":1}]}"#,
//!     &Limits::DEFAULT,
//! )
//! .unwrap();
//! let q = Query::parse("$.credentials[?@.level > 2 && search(@.type[-1], '^Deg')].type[-1:]", &Limits::DEFAULT).unwrap();
//! let nodes = q.select(&doc, &Limits::DEFAULT).unwrap();
//! assert_eq!(nodes.len(), 1);
//! assert_eq!(nodes[0].location, "$['credentials'][0]['type'][1]");
//! assert_eq!(nodes[0].value.as_str(), Some("Degree"));
//! ```
//!
//! [`ErrorCode::NestingTooDeep`]: crate::ErrorCode::NestingTooDeep
//! [`ErrorCode::TooManyItems`]: crate::ErrorCode::TooManyItems

mod ast;
mod budget;
mod compare;
mod eval;
mod iregexp;
mod parse;
mod path;

use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{Error, ErrorCode, Result};
use crate::json::Value;
use crate::limits::Limits;

/// One selection records the way to at most this many times `max_items` nodes (each about 40
/// bytes), counting every node produced and every container a descendant segment walks through.
const ARENA_FACTOR: usize = 4;

/// The normalized paths of one result may total at most this many times `max_input_bytes`.
const LOCATION_FACTOR: usize = 4;

/// A parsed, well-typed JSONPath query. Regular expressions given as literals are compiled once,
/// here, and reused by every [`select`](Query::select).
#[derive(Clone, Debug)]
pub struct Query {
    text: String,
    segments: Vec<ast::Segment>,
}

/// One selected node: where it is and what it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Node<'v> {
    /// The node's normalized path, e.g. `$['a'][0]`.
    pub location: String,
    /// The node's value, borrowed from the queried document.
    pub value: &'v Value,
}

/// A selection's nodes in document order, with the way to each recorded so that a node's
/// normalized path is written only when [`location`](NodeList::location) asks for it.
///
/// ```
/// use ssi_verify_core::json::{jsonpath::Query, Value};
/// use ssi_verify_core::Limits;
/// let doc = Value::parse(r#"{"a":[{"b":1},{"b":2}]}"#, &Limits::DEFAULT).unwrap();
/// let nodes = Query::parse("$.a[*].b", &Limits::DEFAULT).unwrap().nodelist(&doc, &Limits::DEFAULT).unwrap();
/// assert_eq!(nodes.len(), 2);
/// assert_eq!(nodes.value(1).and_then(Value::as_number).map(|n| n.as_str()), Some("2"));
/// assert_eq!(nodes.location(1).as_deref(), Some("$['a'][1]['b']"));
/// ```
#[derive(Debug)]
pub struct NodeList<'v> {
    nodes: Vec<(Option<usize>, &'v Value)>,
    scratch: Vec<(Option<usize>, &'v Value)>,
    arena: path::Arena<'v>,
}

impl Default for NodeList<'_> {
    fn default() -> Self {
        NodeList::new()
    }
}

impl<'v> NodeList<'v> {
    /// An empty nodelist, to be filled (and refilled) by [`Query::nodelist_into`].
    ///
    /// ```
    /// use ssi_verify_core::json::jsonpath::NodeList;
    /// assert!(NodeList::new().is_empty());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        NodeList { nodes: Vec::new(), scratch: Vec::new(), arena: path::Arena::new(0) }
    }

    /// How many nodes were selected.
    ///
    /// ```
    /// use ssi_verify_core::json::{jsonpath::Query, Value};
    /// use ssi_verify_core::Limits;
    /// let doc = Value::parse("[1,2,3]", &Limits::DEFAULT).unwrap();
    /// let q = Query::parse("$[1:]", &Limits::DEFAULT).unwrap();
    /// assert_eq!(q.nodelist(&doc, &Limits::DEFAULT).unwrap().len(), 2);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether nothing was selected.
    ///
    /// ```
    /// use ssi_verify_core::json::{jsonpath::Query, Value};
    /// use ssi_verify_core::Limits;
    /// let doc = Value::parse("[1,2,3]", &Limits::DEFAULT).unwrap();
    /// let q = Query::parse("$[7]", &Limits::DEFAULT).unwrap();
    /// assert!(q.nodelist(&doc, &Limits::DEFAULT).unwrap().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The value of node `i`, borrowed from the document.
    ///
    /// ```
    /// use ssi_verify_core::json::{jsonpath::Query, Value};
    /// use ssi_verify_core::Limits;
    /// let doc = Value::parse(r#"["x","y"]"#, &Limits::DEFAULT).unwrap();
    /// let nodes = Query::parse("$[-1]", &Limits::DEFAULT).unwrap().nodelist(&doc, &Limits::DEFAULT).unwrap();
    /// assert_eq!(nodes.value(0).and_then(Value::as_str), Some("y"));
    /// assert!(nodes.value(1).is_none());
    /// ```
    #[must_use]
    pub fn value(&self, i: usize) -> Option<&'v Value> {
        self.nodes.get(i).map(|&(_, v)| v)
    }

    /// The values in document order.
    ///
    /// ```
    /// use ssi_verify_core::json::{jsonpath::Query, Value};
    /// use ssi_verify_core::Limits;
    /// let doc = Value::parse(r#"{"a":"x","b":"y"}"#, &Limits::DEFAULT).unwrap();
    /// let nodes = Query::parse("$.*", &Limits::DEFAULT).unwrap().nodelist(&doc, &Limits::DEFAULT).unwrap();
    /// assert_eq!(nodes.values().filter_map(Value::as_str).collect::<Vec<_>>(), ["x", "y"]);
    /// ```
    pub fn values(&self) -> impl Iterator<Item = &'v Value> + '_ {
        self.nodes.iter().map(|&(_, v)| v)
    }

    /// The normalized path of node `i`, written now, e.g. `$['a'][0]`.
    ///
    /// ```
    /// use ssi_verify_core::json::{jsonpath::Query, Value};
    /// use ssi_verify_core::Limits;
    /// let doc = Value::parse(r#"{"it's":[0,1]}"#, &Limits::DEFAULT).unwrap();
    /// let nodes = Query::parse("$..[1]", &Limits::DEFAULT).unwrap().nodelist(&doc, &Limits::DEFAULT).unwrap();
    /// assert_eq!(nodes.location(0).as_deref(), Some("$['it\\'s'][1]"));
    /// ```
    #[must_use]
    pub fn location(&self, i: usize) -> Option<String> {
        self.nodes.get(i).map(|&(id, _)| self.arena.location(id))
    }
}

impl Query {
    /// Parses and type-checks a query.
    ///
    /// ```
    /// use ssi_verify_core::json::jsonpath::Query;
    /// use ssi_verify_core::{ErrorCode, Limits};
    /// assert!(Query::parse("$..book[?@.price < 10].title", &Limits::DEFAULT).is_ok());
    /// let err = Query::parse("$[?length(@.a)]", &Limits::DEFAULT).unwrap_err();
    /// assert_eq!(err.code(), ErrorCode::InvalidJsonPath);
    /// ```
    ///
    /// # Errors
    /// [`ErrorCode::InvalidJsonPath`] on any syntax or typing error,
    /// [`ErrorCode::StringTooLong`] for a query longer than `max_string_bytes`,
    /// [`ErrorCode::NestingTooDeep`] past `max_depth`.
    ///
    /// [`ErrorCode::InvalidJsonPath`]: crate::ErrorCode::InvalidJsonPath
    /// [`ErrorCode::StringTooLong`]: crate::ErrorCode::StringTooLong
    /// [`ErrorCode::NestingTooDeep`]: crate::ErrorCode::NestingTooDeep
    pub fn parse(text: &str, limits: &Limits) -> Result<Query> {
        if text.len() > limits.max_string_bytes {
            return Err(Error::new(ErrorCode::StringTooLong, "JSONPath query too long"));
        }
        let segments = parse::Parser::new(text, limits).query()?;
        Ok(Query { text: String::from(text), segments })
    }

    /// The query text as given.
    ///
    /// ```
    /// use ssi_verify_core::json::jsonpath::Query;
    /// use ssi_verify_core::Limits;
    /// assert_eq!(Query::parse("$.a", &Limits::DEFAULT).unwrap().as_str(), "$.a");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Selects the nodes of `root` the query designates, in document order, each with its
    /// normalized path.
    ///
    /// ```
    /// use ssi_verify_core::json::{jsonpath::Query, Value};
    /// use ssi_verify_core::Limits;
    /// let doc = Value::parse(r#"{"a":[10,20,30]}"#, &Limits::DEFAULT).unwrap();
    /// let q = Query::parse("$.a[::-2]", &Limits::DEFAULT).unwrap();
    /// let got: Vec<String> = q.select(&doc, &Limits::DEFAULT).unwrap().into_iter().map(|n| n.location).collect();
    /// assert_eq!(got, ["$['a'][2]", "$['a'][0]"]);
    /// ```
    ///
    /// # Errors
    /// [`ErrorCode::TooManyItems`] when a nodelist would exceed `max_items`, the selection its
    /// work budget, or the locations their total length.
    ///
    /// [`ErrorCode::TooManyItems`]: crate::ErrorCode::TooManyItems
    pub fn select<'v>(&self, root: &'v Value, limits: &Limits) -> Result<Vec<Node<'v>>> {
        let list = self.nodelist(root, limits)?;
        // Locations repeat their ancestors' names, so their total can outgrow the document.
        let cap = limits.max_input_bytes.saturating_mul(LOCATION_FACTOR);
        let mut total = 0usize;
        let mut out = Vec::with_capacity(list.len());
        for &(id, value) in &list.nodes {
            let location = list.arena.location(id);
            total = total.saturating_add(location.len());
            if total > cap {
                return Err(Error::new(ErrorCode::TooManyItems, "JSONPath result locations too long"));
            }
            out.push(Node { location, value });
        }
        Ok(out)
    }

    /// Selects the nodes of `root` the query designates, in document order, recording the way
    /// to each so that [`NodeList::location`] can write a node's path on demand.
    ///
    /// ```
    /// use ssi_verify_core::json::{jsonpath::Query, Value};
    /// use ssi_verify_core::Limits;
    /// let doc = Value::parse(r#"{"vc":{"issuer":"did:example:1"}}"#, &Limits::DEFAULT).unwrap();
    /// let q = Query::parse("$..issuer", &Limits::DEFAULT).unwrap();
    /// let nodes = q.nodelist(&doc, &Limits::DEFAULT).unwrap();
    /// assert_eq!(nodes.value(0).and_then(Value::as_str), Some("did:example:1"));
    /// assert_eq!(nodes.location(0).as_deref(), Some("$['vc']['issuer']"));
    /// ```
    ///
    /// # Errors
    /// [`ErrorCode::TooManyItems`] when a nodelist would exceed `max_items` or the selection its
    /// work budget.
    ///
    /// [`ErrorCode::TooManyItems`]: crate::ErrorCode::TooManyItems
    pub fn nodelist<'v>(&self, root: &'v Value, limits: &Limits) -> Result<NodeList<'v>> {
        let mut list = NodeList::new();
        self.nodelist_into(root, limits, &mut list)?;
        Ok(list)
    }

    /// [`nodelist`](Query::nodelist) into a list given by the caller, replacing what it held
    /// and reusing its allocations: a caller selecting from many documents (one per credential)
    /// allocates only while the lists grow.
    ///
    /// ```
    /// use ssi_verify_core::json::{jsonpath::{NodeList, Query}, Value};
    /// use ssi_verify_core::Limits;
    /// let docs = [r#"{"iss":"a"}"#, r#"{"iss":"b"}"#, "{}"].map(|t| Value::parse(t, &Limits::DEFAULT).unwrap());
    /// let q = Query::parse("$.iss", &Limits::DEFAULT).unwrap();
    /// let mut list = NodeList::new();
    /// let mut found = Vec::new();
    /// for doc in &docs {
    ///     q.nodelist_into(doc, &Limits::DEFAULT, &mut list).unwrap();
    ///     found.push(list.value(0).and_then(Value::as_str));
    /// }
    /// assert_eq!(found, [Some("a"), Some("b"), None]);
    /// ```
    ///
    /// # Errors
    /// As [`nodelist`](Query::nodelist); the list is then empty.
    pub fn nodelist_into<'v>(&self, root: &'v Value, limits: &Limits, list: &mut NodeList<'v>) -> Result<()> {
        let mut ctx = eval::Ctx::new(root, limits);
        list.arena.reset(limits.max_items.saturating_mul(ARENA_FACTOR));
        let NodeList { nodes, scratch, arena } = list;
        let done = eval::run_into(&self.segments, (None, root), arena, &mut ctx, nodes, scratch);
        if done.is_err() {
            nodes.clear();
        }
        done
    }

    /// Selects the values of the nodes of `root` the query designates, in document order,
    /// borrowed from `root`: no paths are recorded and nothing is allocated per node.
    ///
    /// ```
    /// use ssi_verify_core::json::{jsonpath::Query, Value};
    /// use ssi_verify_core::Limits;
    /// let doc = Value::parse(r#"{"book":[{"price":8},{"price":12}]}"#, &Limits::DEFAULT).unwrap();
    /// let q = Query::parse("$.book[?@.price < 10].price", &Limits::DEFAULT).unwrap();
    /// let prices = q.select_values(&doc, &Limits::DEFAULT).unwrap();
    /// assert_eq!(prices.iter().map(|v| v.to_json()).collect::<Vec<_>>(), ["8"]);
    /// ```
    ///
    /// # Errors
    /// [`ErrorCode::TooManyItems`] when a nodelist would exceed `max_items` or the selection its
    /// work budget.
    ///
    /// [`ErrorCode::TooManyItems`]: crate::ErrorCode::TooManyItems
    pub fn select_values<'v>(&self, root: &'v Value, limits: &Limits) -> Result<Vec<&'v Value>> {
        let mut ctx = eval::Ctx::new(root, limits);
        let nodes = eval::run(&self.segments, ((), root), &mut path::NoTrack, &mut ctx)?;
        Ok(nodes.into_iter().map(|((), v)| v).collect())
    }
}

/// Parses `query` and selects from `root` in one go.
///
/// ```
/// use ssi_verify_core::json::{jsonpath, Value};
/// use ssi_verify_core::Limits;
/// let doc = Value::parse(r#"{"a":{"b":1},"c":{"b":2}}"#, &Limits::DEFAULT).unwrap();
/// let nodes = jsonpath::select("$..b", &doc, &Limits::DEFAULT).unwrap();
/// assert_eq!(nodes.iter().map(|n| n.location.as_str()).collect::<Vec<_>>(), ["$['a']['b']", "$['c']['b']"]);
/// ```
///
/// # Errors
/// Those of [`Query::parse`] and [`Query::select`].
pub fn select<'v>(query: &str, root: &'v Value, limits: &Limits) -> Result<Vec<Node<'v>>> {
    Query::parse(query, limits)?.select(root, limits)
}

/// The JSON form of a nodelist that every surface writes: `[{"location":…,"value":…}]` in
/// document order, or with `locations` false just the values `[…]`.
///
/// ```
/// use ssi_verify_core::json::{jsonpath, Value};
/// use ssi_verify_core::Limits;
/// let doc = Value::parse(r#"{"a":[1,2]}"#, &Limits::DEFAULT).unwrap();
/// let nodes = jsonpath::select("$.a[*]", &doc, &Limits::DEFAULT).unwrap();
/// assert_eq!(jsonpath::nodelist_json(&nodes, false), "[1,2]");
/// assert_eq!(jsonpath::nodelist_json(&nodes[..1], true), r#"[{"location":"$['a'][0]","value":1}]"#);
/// ```
#[must_use]
pub fn nodelist_json(nodes: &[Node<'_>], locations: bool) -> String {
    let items = nodes.iter().map(|n| {
        if locations {
            crate::report::Report::new().text("location", &n.location).value("value", n.value.clone()).into_value()
        } else {
            n.value.clone()
        }
    });
    Value::Array(items.collect()).to_json()
}

/// Parses `query` and selects the values from `root` in one go (no paths).
///
/// ```
/// use ssi_verify_core::json::{jsonpath, Value};
/// use ssi_verify_core::Limits;
/// let doc = Value::parse(r#"{"a":{"b":1},"c":{"b":2}}"#, &Limits::DEFAULT).unwrap();
/// let values = jsonpath::select_values("$..b", &doc, &Limits::DEFAULT).unwrap();
/// assert_eq!(jsonpath::values_json(&values), "[1,2]");
/// ```
///
/// # Errors
/// Those of [`Query::parse`] and [`Query::select_values`].
pub fn select_values<'v>(query: &str, root: &'v Value, limits: &Limits) -> Result<Vec<&'v Value>> {
    Query::parse(query, limits)?.select_values(root, limits)
}

/// The JSON array of selected values, the same text as [`nodelist_json`] without locations.
///
/// ```
/// use ssi_verify_core::json::{jsonpath, Value};
/// use ssi_verify_core::Limits;
/// let doc = Value::parse(r#"{"a":[1,{"b":"x"}]}"#, &Limits::DEFAULT).unwrap();
/// let values = jsonpath::select_values("$.a[*]", &doc, &Limits::DEFAULT).unwrap();
/// assert_eq!(jsonpath::values_json(&values), r#"[1,{"b":"x"}]"#);
/// ```
#[must_use]
pub fn values_json(values: &[&Value]) -> String {
    let mut out = String::from("[");
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&v.to_json());
    }
    out.push(']');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::borrow::ToOwned;
    use alloc::format;
    use alloc::string::ToString;

    fn doc(s: &str) -> Value {
        Value::parse(s, &Limits::DEFAULT).unwrap()
    }

    fn values(q: &str, d: &Value) -> Vec<String> {
        select(q, d, &Limits::DEFAULT).unwrap().iter().map(|n| n.value.to_json()).collect()
    }

    #[test]
    fn query_length_bound_is_inclusive() {
        let limits = Limits { max_string_bytes: 5, ..Limits::DEFAULT };
        assert_eq!(Query::parse("$.abc", &limits).unwrap().as_str(), "$.abc");
        assert_eq!(Query::parse("$.abcd", &limits).unwrap_err().code(), ErrorCode::StringTooLong);
    }

    #[test]
    fn locations_may_total_exactly_their_bound() {
        // Two locations of 6 bytes against LOCATION_FACTOR times max_input_bytes.
        let d = doc(r#"{"a":1,"b":2}"#);
        let q = Query::parse("$.*", &Limits::DEFAULT).unwrap();
        let at = |max_input_bytes| q.select(&d, &Limits { max_input_bytes, ..Limits::DEFAULT });
        let nodes = at(12 / LOCATION_FACTOR).unwrap();
        assert_eq!(nodes.iter().map(|n| n.location.as_str()).collect::<Vec<_>>(), ["$['a']", "$['b']"]);
        assert_eq!(at(12 / LOCATION_FACTOR - 1).unwrap_err().code(), ErrorCode::TooManyItems);
    }

    #[test]
    fn nodelists_and_values_as_json() {
        let d = doc(r#"{"a":[1,{"b":"x"},null]}"#);
        let nodes = select("$.a[*]", &d, &Limits::DEFAULT).unwrap();
        assert_eq!(nodelist_json(&nodes, false), r#"[1,{"b":"x"},null]"#);
        assert_eq!(
            nodelist_json(&nodes[1..], true),
            r#"[{"location":"$['a'][1]","value":{"b":"x"}},{"location":"$['a'][2]","value":null}]"#
        );
        assert_eq!(nodelist_json(&[], true), "[]");
        let values = select_values("$.a[*]", &d, &Limits::DEFAULT).unwrap();
        assert_eq!(values_json(&values), r#"[1,{"b":"x"},null]"#);
        assert_eq!(values_json(&values[..1]), "[1]");
        assert_eq!(values_json(&[]), "[]");
    }

    #[test]
    fn surrogate_pair_escapes_in_any_letter_case() {
        // RFC 9535 2.3.1.1 with RFC 5234 2.3: hex letters are case-insensitive (the
        // diff_jsonpath fuzz target found serde_json_path refusing the lower-case forms).
        let d = doc("{\"\u{1F600}\": \"A\"}");
        for q in [r"$['\uD83D\uDE00']", r"$['\ud83D\uDE00']", r"$['\ud83d\ude00']"] {
            assert_eq!(values(q, &d), ["\"A\""], "{q}");
        }
    }

    #[test]
    fn literals_compare_exactly_not_as_rounded_doubles() {
        // RFC 9535 2.3.5.2.2 compares numbers by value. The diff_jsonpath fuzz smoke found
        // serde_json_path rounding an underflowing literal to 0 and selecting `{"a":0.0}`;
        // a literal that is not zero never equals zero, nor does one a digit past 2^53 equal 2^53.
        let d = doc(r#"[{"a":0.0},{"a":"0.01","d":"g"},{"a":9007199254740992}]"#);
        let underflow = format!("$[?@.a==1e-{}2]", "8".repeat(85));
        assert!(values(&underflow, &d).is_empty());
        assert_eq!(values(&format!("$[?@.a<1e-{}2]", "8".repeat(85)), &d), ["{\"a\":0.0}"]);
        assert!(values("$[?@.a==9007199254740993]", &d).is_empty());
        assert!(values("$[?@.a==1.00000000000000000001e-400]", &d).is_empty());
        assert_eq!(values("$[?@.a==0e-999]", &d), ["{\"a\":0.0}"]);
        // Section 2.1 asks only index and slice integers to be I-JSON: a filter literal beyond
        // the double range is valid and is above every number a document can hold.
        let overflow = format!("$[?@.a<1e{}2]", "8".repeat(40));
        assert_eq!(values(&overflow, &d).len(), 2);
    }

    #[test]
    fn nothing_is_less_or_equal_to_nothing() {
        // RFC 9535 2.3.5.2.2: `<=` is `<` or `==`, and Nothing == Nothing, so an absent member
        // is `<=` and `>=` another absent one (the 2.3.5.3 table's `$.absent1 <= $.absent2`).
        // serde_json_path 0.7.2 answers false; the diff_jsonpath fuzz target found it.
        let d = doc(r#"[{"a":0},{"b":1,"c":1},{"b":1}]"#);
        assert_eq!(values("$[?@.c<=@.b]", &d), [r#"{"a":0}"#, r#"{"b":1,"c":1}"#]);
        assert_eq!(values("$[?@.c>=@.b]", &d), [r#"{"a":0}"#, r#"{"b":1,"c":1}"#]);
        assert!(values("$[?@.c<@.b]", &d).is_empty());
    }

    #[test]
    fn last_element_by_negative_slice() {
        let d = doc(r#"{"type":["VerifiableCredential","UniversityDegree"]}"#);
        assert_eq!(values("$.type[-1:]", &d), ["\"UniversityDegree\""]);
    }

    #[test]
    fn huge_slices_cost_only_the_array() {
        let d = doc("[0,1,2]");
        assert_eq!(values("$[-9007199254740991:9007199254740991:1]", &d).len(), 3);
        assert_eq!(values("$[9007199254740991:-9007199254740991:-9007199254740991]", &d), ["2"]);
        assert!(values("$[::0]", &d).is_empty());
    }

    #[test]
    fn wide_document_hits_max_items() {
        let wide = format!("[{}]", (0..1000).map(|i| format!("[{i},{i}]")).collect::<Vec<_>>().join(","));
        let limits = Limits { max_items: 2000, ..Limits::DEFAULT };
        let d = Value::parse(&wide, &Limits::DEFAULT).unwrap();
        assert_eq!(select("$[*]", &d, &limits).unwrap().len(), 1000);
        assert_eq!(select("$..*", &d, &limits).unwrap_err().code(), ErrorCode::TooManyItems);
    }

    #[test]
    fn quadratic_filters_hit_the_work_budget() {
        let wide = format!("[{}]", (0..3000).map(|i| i.to_string()).collect::<Vec<_>>().join(","));
        let limits = Limits { max_items: 5000, ..Limits::DEFAULT };
        let d = Value::parse(&wide, &Limits::DEFAULT).unwrap();
        assert_eq!(select("$[?count($[*]) > 1]", &d, &limits).unwrap_err().code(), ErrorCode::TooManyItems);
    }

    #[test]
    fn long_names_repeated_in_locations_are_bounded() {
        let name = "n".repeat(10_000);
        let d = doc(&format!("{{\"{name}\":[{}]}}", ["0"; 100].join(",")));
        let tight = Limits { max_input_bytes: 100_000, ..Limits::DEFAULT };
        assert_eq!(select("$..*", &d, &tight).unwrap_err().code(), ErrorCode::TooManyItems);
        assert_eq!(select("$..*", &d, &Limits::DEFAULT).unwrap().len(), 101);
    }

    #[test]
    fn hostile_regex_work_is_bounded() {
        let subject = "a".repeat(1 << 20);
        let d = doc(&format!("[\"{subject}\"]"));
        let err = select("$[?search(@, '.{1,200}x')]", &d, &Limits::DEFAULT).unwrap_err();
        assert_eq!(err.code(), ErrorCode::TooManyItems);
        let patterns =
            format!("[{}]", (0..200).map(|i| format!("{{\"p\":\"a{{{i}}}\"}}")).collect::<Vec<_>>().join(","));
        let err = select("$[?match('a', @.p)]", &doc(&patterns), &Limits::DEFAULT).unwrap_err();
        assert_eq!(err.code(), ErrorCode::TooManyItems);
        let same = format!("[{}]", ["{\"p\":\"a+\"}"; 1000].join(","));
        assert_eq!(select("$[?match('aa', @.p)]", &doc(&same), &Limits::DEFAULT).unwrap().len(), 1000);
    }

    #[test]
    fn deep_nesting_is_refused() {
        let q = format!("$[?{}@{}]", "(".repeat(500), ")".repeat(500));
        assert_eq!(Query::parse(&q, &Limits::DEFAULT).unwrap_err().code(), ErrorCode::NestingTooDeep);
        let long = "$".to_owned() + &".a".repeat(100);
        let tight = Limits { max_string_bytes: 50, ..Limits::DEFAULT };
        assert_eq!(Query::parse(&long, &tight).unwrap_err().code(), ErrorCode::StringTooLong);
    }

    #[test]
    fn filters_nested_to_the_depth_limit_evaluate() {
        let levels = Limits::DEFAULT.max_depth;
        let q = format!("${}", "[?@".repeat(levels) + &"]".repeat(levels));
        let query = Query::parse(&q, &Limits::DEFAULT).unwrap();
        let d = doc(&("[".repeat(levels) + &"]".repeat(levels)));
        assert!(query.select(&d, &Limits::DEFAULT).unwrap().is_empty());
        let d = doc(&("[".repeat(levels - 1) + "[1]" + &"]".repeat(levels - 1)));
        assert_eq!(query.select(&d, &Limits::DEFAULT).unwrap().len(), 1);
        let too_deep = format!("${}", "[?@".repeat(levels + 1) + &"]".repeat(levels + 1));
        assert_eq!(Query::parse(&too_deep, &Limits::DEFAULT).unwrap_err().code(), ErrorCode::NestingTooDeep);
    }

    #[test]
    fn repeated_descendant_walks_are_bounded() {
        let deep = "[".repeat(250) + &"]".repeat(250);
        let d = Value::parse(&deep, &Limits { max_depth: 256, ..Limits::DEFAULT }).unwrap();
        let small = Limits { max_items: 5000, ..Limits::DEFAULT };
        assert_eq!(select("$..*..[7]", &d, &small).unwrap_err().code(), ErrorCode::TooManyItems);
        let larger = Limits { max_items: 10_000, ..Limits::DEFAULT };
        assert!(select("$..*..[7]", &d, &larger).unwrap().is_empty());
    }

    #[test]
    fn deep_document_descendants() {
        let limits = Limits { max_depth: 256, ..Limits::DEFAULT };
        let deep = "[".repeat(250) + &"]".repeat(250);
        let d = Value::parse(&deep, &limits).unwrap();
        assert_eq!(select("$..*", &d, &limits).unwrap().len(), 249);
    }

    #[test]
    fn literal_regex_is_compiled_once_and_reused() {
        let q = Query::parse("$[?match(@, 'a.c')]", &Limits::DEFAULT).unwrap();
        let d = doc(r#"["abc","a\nc","xabc"]"#);
        let got = q.clone().select(&d, &Limits::DEFAULT).unwrap();
        assert_eq!(got.iter().map(|n| n.location.as_str()).collect::<Vec<_>>(), ["$[0]"]);
        assert_eq!(values("$[?search(@, 'b')]", &d), ["\"abc\"", "\"xabc\""]);
        assert!(values("$[?search(@, '\\\\d')]", &d).is_empty());
    }
}
