//! The active context and its term definitions (JSON-LD 1.1 API sections 4.1 and 4.2): the
//! data the context processing algorithm builds and the expansion algorithm reads.

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::sync::Arc;
use alloc::vec::Vec;

use crate::json::Value;

/// A term definition.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TermDef {
    /// The IRI mapping (`None`: the term maps to null and is ignored).
    pub iri: Option<String>,
    pub prefix: bool,
    pub protected: bool,
    pub reverse: bool,
    pub base_url: Option<String>,
    pub context: Option<Value>,
    /// Sorted container keywords.
    pub container: Vec<String>,
    /// `Some(None)`: explicitly no direction.
    pub direction: Option<Option<String>>,
    pub index: Option<String>,
    /// `Some(None)`: explicitly no language.
    pub language: Option<Option<String>>,
    pub nest: Option<String>,
    pub type_mapping: Option<String>,
}

impl TermDef {
    pub(crate) fn new() -> Self {
        Self {
            iri: None,
            prefix: false,
            protected: false,
            reverse: false,
            base_url: None,
            context: None,
            container: Vec::new(),
            direction: None,
            index: None,
            language: None,
            nest: None,
            type_mapping: None,
        }
    }

    /// Whether the container mapping includes `c`.
    pub fn has_container(&self, c: &str) -> bool {
        self.container.iter().any(|x| x == c)
    }

    /// Equality for the protected-term rule: everything but `protected` (and the base URL the
    /// definition was read under, which does not change its meaning).
    pub(crate) fn same_as(&self, other: &TermDef) -> bool {
        self.iri == other.iri
            && self.prefix == other.prefix
            && self.reverse == other.reverse
            && match (&self.context, &other.context) {
                (Some(a), Some(b)) => json_eq(a, b, 0),
                (a, b) => a.is_none() && b.is_none(),
            }
            && self.container == other.container
            && self.direction == other.direction
            && self.index == other.index
            && self.language == other.language
            && self.nest == other.nest
            && self.type_mapping == other.type_mapping
    }
}

/// JSON equality with object members in any order (two contexts that differ only in member
/// order define the same terms). Recursion is bounded by the parse depth of both values.
fn json_eq(a: &Value, b: &Value, depth: usize) -> bool {
    if depth > crate::limits::DEPTH_CEILING {
        return false;
    }
    match (a, b) {
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| json_eq(p, q, depth + 1))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| member(y, k).is_some_and(|w| json_eq(v, w, depth + 1)))
        }
        _ => a == b,
    }
}

/// An active context.
#[derive(Clone, Debug, Default)]
pub(crate) struct ActiveContext {
    /// Shared keys: copying an active context (once per context processed) copies no text.
    pub terms: BTreeMap<Arc<str>, Arc<TermDef>>,
    pub base: Option<String>,
    pub original_base: Option<String>,
    pub vocab: Option<String>,
    pub language: Option<String>,
    pub direction: Option<String>,
    pub previous: Option<Arc<ActiveContext>>,
}

impl ActiveContext {
    /// A fresh context with `base` as base IRI.
    pub fn new(base: Option<String>) -> Self {
        Self { original_base: base.clone(), base, ..Self::default() }
    }

    pub fn term(&self, t: &str) -> Option<&TermDef> {
        self.terms.get(t).map(|d| &**d)
    }
}

fn member<'v>(obj: &'v [(String, Value)], key: &str) -> Option<&'v Value> {
    obj.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::json_eq;
    use crate::json::Value;
    use crate::limits::{Limits, DEPTH_CEILING};

    fn v(s: &str) -> Value {
        Value::parse(s, &Limits::DEFAULT).unwrap()
    }

    #[test]
    fn contexts_compare_with_members_in_any_order() {
        let eq = |a: &str, b: &str| json_eq(&v(a), &v(b), 0);
        assert!(eq(r#"{"a":1,"b":{"c":[1,2]}}"#, r#"{"b":{"c":[1,2]},"a":1}"#));
        assert!(eq("[1,[2,3]]", "[1,[2,3]]"));
        assert!(!eq("[1,2]", "[2,1]"));
        assert!(!eq("[1,2]", "[1,2,3]"));
        assert!(!eq("[1,2,3]", "[1,2]"));
        assert!(!eq("[[1]]", "[[2]]"));
        assert!(!eq(r#"{"a":1}"#, r#"{"a":1,"b":2}"#));
        assert!(!eq(r#"{"a":1,"b":2}"#, r#"{"a":1}"#));
        assert!(!eq(r#"{"a":1}"#, r#"{"b":1}"#));
        assert!(!eq(r#"{"a":{"x":1}}"#, r#"{"a":{"x":2}}"#));
        assert!(!eq(r#"{"a":1}"#, "[1]"));
        assert!(!eq("1", "2"));
    }

    #[test]
    fn comparison_depth_is_bounded() {
        let limits = Limits { max_depth: DEPTH_CEILING, ..Limits::DEFAULT };
        let nested = |n: usize| Value::parse(&("[".repeat(n) + &"]".repeat(n)), &limits).unwrap();
        let deep = nested(DEPTH_CEILING);
        assert!(json_eq(&deep, &deep, 0));
        // Started below the ceiling's depth, the same comparison runs out of depth.
        assert!(!json_eq(&deep, &deep, 2));
        assert!(json_eq(&deep, &deep, 1));
        // Objects count their depth too.
        let n = DEPTH_CEILING;
        let objects = Value::parse(&(r#"{"a":"#.repeat(n - 1) + "{}" + &"}".repeat(n - 1)), &limits).unwrap();
        assert!(json_eq(&objects, &objects, 1));
        assert!(!json_eq(&objects, &objects, 2));
    }
}
