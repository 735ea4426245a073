//! Node Map Generation (JSON-LD 1.1 API section 7.2) and Deserialize JSON-LD to RDF (8.1).
//!
//! Blank nodes are relabelled `b0`, `b1`, … in the order the algorithms meet them. Both
//! passes recurse once per level of the expanded document, bounded like expansion.

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use super::context::{err, Processor};
use super::expand::{ensure_array, mget};
use super::iri::{is_blank, is_keyword, is_well_formed_iri, is_well_formed_language};
use crate::error::{Error, ErrorCode, Result};
use crate::json::{jcs, Number, Value};
use crate::rdf::{Quad, Term};

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const XSD: &str = "http://www.w3.org/2001/XMLSchema#";

#[derive(Clone, Debug, PartialEq)]
enum Item {
    Ref(String),
    Val(Value),
    List(Vec<Item>),
}

#[derive(Debug, Default)]
struct Node {
    types: Vec<String>,
    props: BTreeMap<String, Vec<Item>>,
    index: Option<String>,
}

type Graph = BTreeMap<String, Node>;

#[derive(Default)]
struct Issuer {
    next: usize,
    map: BTreeMap<String, String>,
}

impl Issuer {
    fn fresh(&mut self) -> String {
        let id = alloc::format!("_:b{}", self.next);
        self.next += 1;
        id
    }

    fn relabel(&mut self, old: &str) -> String {
        if let Some(n) = self.map.get(old) {
            return n.clone();
        }
        let n = self.fresh();
        self.map.insert(String::from(old), n.clone());
        n
    }
}

fn dropped() -> Error {
    Error::new(ErrorCode::UndefinedTerm, "a relative IRI or malformed value would be dropped from the RDF")
}

struct ToRdf<'p, 'a> {
    p: &'p mut Processor<'a>,
    graphs: BTreeMap<String, Graph>,
    issuer: Issuer,
}

impl ToRdf<'_, '_> {
    fn node_mut(&mut self, graph: &str, id: &str) -> &mut Node {
        self.graphs.entry(String::from(graph)).or_default().entry(String::from(id)).or_default()
    }

    /// Adds `item` to property `p` of node `id` unless an equal item is there; the scan is
    /// charged to the work budget.
    fn add_to(&mut self, graph: &str, id: &str, p: &str, item: Item) -> Result<()> {
        let list = self
            .graphs
            .entry(String::from(graph))
            .or_default()
            .entry(String::from(id))
            .or_default()
            .props
            .entry(String::from(p))
            .or_default();
        self.p.charge(list.len().saturating_add(1))?;
        if !list.contains(&item) {
            list.push(item);
        }
        Ok(())
    }

    /// Node Map Generation (section 7.2.2).
    #[allow(clippy::too_many_arguments)]
    fn generate(
        &mut self,
        element: &Value,
        graph: &str,
        subject: Option<&str>,
        reverse: bool,
        property: Option<&str>,
        mut list: Option<&mut Vec<Item>>,
        depth: usize,
    ) -> Result<()> {
        self.p.tick()?;
        if depth > self.p.max_recursion() {
            return Err(Error::new(ErrorCode::NestingTooDeep, "JSON-LD node map nests deeper than max_depth"));
        }
        let m = match element {
            Value::Array(items) => {
                for item in items {
                    self.generate(item, graph, subject, reverse, property, list.as_deref_mut(), depth + 1)?;
                }
                return Ok(());
            }
            Value::Object(m) => m,
            _ => return Ok(()),
        };
        self.graphs.entry(String::from(graph)).or_default();
        let types: Vec<String> = match mget(m, "@type") {
            Some(t) => ensure_array(t.clone())
                .iter()
                .filter_map(Value::as_str)
                .map(|t| if is_blank(t) { self.issuer.relabel(t) } else { String::from(t) })
                .collect(),
            None => Vec::new(),
        };
        if mget(m, "@value").is_some() {
            let item = Item::Val(element.clone());
            match list {
                Some(l) => l.push(item),
                None => {
                    if let (Some(s), Some(p)) = (subject, property) {
                        self.add_to(graph, s, p, item)?;
                    }
                }
            }
            return Ok(());
        }
        if let Some(l) = mget(m, "@list") {
            let mut inner = Vec::new();
            self.generate(l, graph, subject, reverse, property, Some(&mut inner), depth + 1)?;
            let item = Item::List(inner);
            match list {
                Some(outer) => outer.push(item),
                None => {
                    if let (Some(s), Some(p)) = (subject, property) {
                        self.node_mut(graph, s).props.entry(String::from(p)).or_default().push(item);
                    }
                }
            }
            return Ok(());
        }
        let id = match mget(m, "@id") {
            Some(Value::String(s)) if is_blank(s) => self.issuer.relabel(s),
            Some(Value::String(s)) => s.clone(),
            _ => self.issuer.fresh(),
        };
        self.node_mut(graph, &id);
        if let (Some(s), Some(p)) = (subject, property) {
            if reverse {
                self.add_to(graph, &id, p, Item::Ref(String::from(s)))?;
            } else {
                match list {
                    Some(l) => l.push(Item::Ref(id.clone())),
                    None => {
                        self.add_to(graph, s, p, Item::Ref(id.clone()))?;
                    }
                }
            }
        }
        if !types.is_empty() {
            let node = self.node_mut(graph, &id);
            for t in types {
                if !node.types.contains(&t) {
                    node.types.push(t);
                }
            }
        }
        if let Some(Value::String(i)) = mget(m, "@index") {
            let node = self.node_mut(graph, &id);
            match &node.index {
                Some(old) if old != i => return Err(err("conflicting indexes")),
                _ => node.index = Some(i.clone()),
            }
        }
        if let Some(Value::Object(rev)) = mget(m, "@reverse") {
            for (p, values) in rev {
                for v in ensure_array(values.clone()) {
                    self.generate(&v, graph, Some(&id), true, Some(p), None, depth + 1)?;
                }
            }
        }
        if let Some(g) = mget(m, "@graph") {
            self.generate(g, &id.clone(), None, false, None, None, depth + 1)?;
        }
        if let Some(inc) = mget(m, "@included") {
            self.generate(inc, graph, None, false, None, None, depth + 1)?;
        }
        let mut props: Vec<&(String, Value)> = m.iter().filter(|(k, _)| !is_keyword(k)).collect();
        props.sort_by(|a, b| a.0.cmp(&b.0));
        for (p, v) in props {
            let p = if is_blank(p) { self.issuer.relabel(p) } else { p.clone() };
            self.node_mut(graph, &id).props.entry(p.clone()).or_default();
            self.generate(v, graph, Some(&id), false, Some(&p), None, depth + 1)?;
        }
        Ok(())
    }

    /// A subject, object or graph name for `id`, if it is one RDF allows.
    fn resource(&self, id: &str) -> Result<Option<Term>> {
        if let Some(label) = id.strip_prefix("_:") {
            return Ok(Some(Term::Blank(String::from(label))));
        }
        if is_well_formed_iri(id) {
            return Ok(Some(Term::Iri(String::from(id))));
        }
        if self.p.safe {
            return Err(dropped());
        }
        Ok(None)
    }

    /// Deserialize JSON-LD to RDF (section 8.1.2) over the node map.
    fn quads(&mut self) -> Result<Vec<Quad>> {
        let graphs = core::mem::take(&mut self.graphs);
        let mut out = Vec::new();
        for (gname, graph) in &graphs {
            let g = if gname == "@default" {
                None
            } else {
                match self.resource(gname)? {
                    Some(t) => Some(t),
                    None => continue,
                }
            };
            for (subject, node) in graph {
                let Some(s) = self.resource(subject)? else { continue };
                for t in &node.types {
                    self.p.tick()?;
                    if let Some(o) = self.resource(t)? {
                        out.push(Quad {
                            subject: s.clone(),
                            predicate: Term::Iri(alloc::format!("{RDF}type")),
                            object: o,
                            graph: g.clone(),
                        });
                    }
                }
                for (p, items) in &node.props {
                    if is_blank(p) || !is_well_formed_iri(p) {
                        if self.p.safe {
                            return Err(dropped());
                        }
                        continue;
                    }
                    for item in items {
                        self.p.tick()?;
                        let mut extra = Vec::new();
                        if let Some(o) = self.object(item, &mut extra, &g, 0)? {
                            out.push(Quad {
                                subject: s.clone(),
                                predicate: Term::Iri(p.clone()),
                                object: o,
                                graph: g.clone(),
                            });
                        }
                        out.extend(extra);
                    }
                }
            }
        }
        Ok(out)
    }

    /// Object to RDF (section 8.2), lists through List to RDF (8.3).
    fn object(&mut self, item: &Item, extra: &mut Vec<Quad>, g: &Option<Term>, depth: usize) -> Result<Option<Term>> {
        self.p.tick()?;
        if depth > self.p.max_recursion() {
            return Err(Error::new(ErrorCode::NestingTooDeep, "JSON-LD list nests deeper than max_depth"));
        }
        match item {
            Item::Ref(id) => self.resource(id),
            Item::Val(v) => self.literal(v),
            Item::List(items) => {
                if items.is_empty() {
                    return Ok(Some(Term::Iri(alloc::format!("{RDF}nil"))));
                }
                let labels: Vec<String> = items.iter().map(|_| self.issuer.fresh()).collect();
                for (i, (it, label)) in items.iter().zip(&labels).enumerate() {
                    let subject = Term::Blank(String::from(label.get(2..).unwrap_or("")));
                    let mut embedded = Vec::new();
                    if let Some(o) = self.object(it, &mut embedded, g, depth + 1)? {
                        extra.push(Quad {
                            subject: subject.clone(),
                            predicate: Term::Iri(alloc::format!("{RDF}first")),
                            object: o,
                            graph: g.clone(),
                        });
                    }
                    let rest = match labels.get(i + 1) {
                        Some(next) => Term::Blank(String::from(next.get(2..).unwrap_or(""))),
                        None => Term::Iri(alloc::format!("{RDF}nil")),
                    };
                    extra.push(Quad {
                        subject,
                        predicate: Term::Iri(alloc::format!("{RDF}rest")),
                        object: rest,
                        graph: g.clone(),
                    });
                    extra.extend(embedded);
                }
                Ok(labels.first().map(|l| Term::Blank(String::from(l.get(2..).unwrap_or("")))))
            }
        }
    }

    fn literal(&mut self, v: &Value) -> Result<Option<Term>> {
        let value = v.get("@value").unwrap_or(&Value::Null);
        let datatype = v.get("@type").and_then(Value::as_str);
        let language = v.get("@language").and_then(Value::as_str);
        if let Some(dt) = datatype {
            if dt != "@json" && !is_well_formed_iri(dt) {
                return if self.p.safe { Err(dropped()) } else { Ok(None) };
            }
        }
        if let Some(l) = language {
            if !is_well_formed_language(l) {
                return if self.p.safe { Err(dropped()) } else { Ok(None) };
            }
        }
        let (lexical, default_type) = if datatype == Some("@json") {
            (jcs::canonicalize(value, self.p.limits)?, alloc::format!("{RDF}JSON"))
        } else {
            match value {
                Value::Bool(b) => (String::from(if *b { "true" } else { "false" }), alloc::format!("{XSD}boolean")),
                Value::Number(n) => {
                    let double_type = alloc::format!("{XSD}double");
                    let f = n.as_f64();
                    if !f.is_finite() {
                        return Err(Error::new(ErrorCode::NumberNotIJson, "JSON-LD number is not a finite double"));
                    }
                    let magnitude = f.abs();
                    let integral = magnitude >= 9_007_199_254_740_992.0 || (f as i64) as f64 == f;
                    if !integral || magnitude >= 1e21 || datatype == Some(double_type.as_str()) {
                        (canonical_double(n)?, double_type)
                    } else {
                        (jcs::format_number(n)?, alloc::format!("{XSD}integer"))
                    }
                }
                Value::String(s) if language.is_some() => (s.clone(), alloc::format!("{RDF}langString")),
                Value::String(s) => (s.clone(), alloc::format!("{XSD}string")),
                _ => return Ok(None),
            }
        };
        let datatype = match datatype {
            Some(dt) if dt != "@json" => String::from(dt),
            _ => default_type,
        };
        let language = if value.as_str().is_some() && datatype.ends_with("#langString") {
            language.map(String::from)
        } else {
            None
        };
        Ok(Some(Term::Literal { value: lexical, datatype, language }))
    }
}

/// The canonical XSD double form JSON-LD uses (`1.1E1`, `5.0E-1`): the shortest digits that
/// read back as the same double, one before the point, at least one after it.
fn canonical_double(n: &Number) -> Result<String> {
    let js = jcs::format_number(n)?;
    let (sign, unsigned) = match js.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", js.as_str()),
    };
    let (mantissa, exp) = match unsigned.split_once('e') {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i64>().unwrap_or(0)),
        None => (unsigned, 0),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: String = alloc::format!("{int_part}{frac_part}");
    // value = 0.digits * 10^point
    let mut point = i64::try_from(int_part.len()).unwrap_or(0) + exp;
    let trimmed = digits.trim_start_matches('0');
    point -= i64::try_from(digits.len() - trimmed.len()).unwrap_or(0);
    let trimmed = trimmed.trim_end_matches('0');
    let mut chars = trimmed.chars();
    let Some(first) = chars.next() else { return Ok(String::from("0.0E0")) };
    let rest: &str = chars.as_str();
    let rest = if rest.is_empty() { "0" } else { rest };
    Ok(alloc::format!("{sign}{first}.{rest}E{}", point - 1))
}

/// Expanded JSON-LD to RDF quads (node map, then section 8.1.2).
pub(crate) fn expanded_to_quads(p: &mut Processor<'_>, expanded: &Value) -> Result<Vec<Quad>> {
    let mut t = ToRdf { p, graphs: BTreeMap::new(), issuer: Issuer::default() };
    t.graphs.insert(String::from("@default"), Graph::new());
    t.generate(expanded, "@default", None, false, None, None, 0)?;
    t.quads()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::Limits;

    #[test]
    fn doubles() {
        for (src, want) in [
            ("1.1", "1.1E0"),
            ("11.0e0", "1.1E1"),
            ("-0.5", "-5.0E-1"),
            ("1e21", "1.0E21"),
            ("0.0", "0.0E0"),
            ("123.456", "1.23456E2"),
            ("1.5e-7", "1.5E-7"),
        ] {
            assert_eq!(canonical_double(&Number::new(src).unwrap()).unwrap(), want, "{src}");
        }
    }

    fn node_map(expanded: &str, limits: &Limits) -> Result<String> {
        let v = Value::parse(expanded, &Limits::DEFAULT).unwrap();
        super::super::expanded_to_rdf(&v, false, limits).map(|q| super::super::to_nquads(&q))
    }

    #[test]
    fn node_map_depth_is_bounded_exactly_through_every_kind_of_nesting() {
        // Generation may recurse 2 * max_depth + 2 steps (8 here); each wrapper below adds its
        // own number of steps, so the deepest accepted nesting differs by kind.
        let limits = Limits { max_depth: 3, ..Limits::DEFAULT };
        type Wrap = fn(&str) -> String;
        let kinds: [(&str, Wrap, usize); 6] = [
            ("property", |i| alloc::format!(r#"{{"http://ex/p":[{i}]}}"#), 3),
            ("array", |i| alloc::format!("[{i}]"), 7),
            ("list", |i| alloc::format!(r#"{{"@list":[{i}]}}"#), 3),
            ("reverse", |i| alloc::format!(r#"{{"@reverse":{{"http://ex/p":[{i}]}}}}"#), 7),
            ("graph", |i| alloc::format!(r#"{{"@id":"_:g","@graph":[{i}]}}"#), 3),
            ("included", |i| alloc::format!(r#"{{"@included":[{i}]}}"#), 3),
        ];
        for (kind, wrap, deepest) in kinds {
            let nested = |n: usize| (0..n).fold(String::from(r#"{"@id":"http://ex/leaf"}"#), |s, _| wrap(&s));
            assert!(node_map(&alloc::format!("[{}]", nested(deepest)), &limits).is_ok(), "{kind}");
            let e = node_map(&alloc::format!("[{}]", nested(deepest + 1)), &limits).unwrap_err();
            assert_eq!(e.code(), ErrorCode::NestingTooDeep, "{kind}");
        }
    }

    #[test]
    fn a_node_keeps_one_index() {
        let same =
            r#"[{"@id":"http://ex/a","@index":"1"},{"@id":"http://ex/a","@index":"1","http://ex/p":[{"@value":"x"}]}]"#;
        assert_eq!(node_map(same, &Limits::DEFAULT).unwrap(), "<http://ex/a> <http://ex/p> \"x\" .\n");
        let two = r#"[{"@id":"http://ex/a","@index":"1"},{"@id":"http://ex/a","@index":"2"}]"#;
        let e = node_map(two, &Limits::DEFAULT).unwrap_err();
        assert_eq!((e.code(), e.detail()), (ErrorCode::InvalidJsonLd, "conflicting indexes"));
    }

    #[test]
    fn large_negative_integers_stay_integers() {
        let literal = |n: &str| {
            let doc = alloc::format!(r#"[{{"@id":"http://ex/a","http://ex/p":[{{"@value":{n}}}]}}]"#);
            node_map(&doc, &Limits::DEFAULT).unwrap()
        };
        let xsd = "http://www.w3.org/2001/XMLSchema#";
        for (n, lexical, ty) in [
            ("-1e20", "-100000000000000000000", "integer"),
            ("1e20", "100000000000000000000", "integer"),
            ("-9007199254740993", "-9007199254740992", "integer"),
            ("-1e21", "-1.0E21", "double"),
            ("-0.5", "-5.0E-1", "double"),
        ] {
            assert_eq!(literal(n), alloc::format!("<http://ex/a> <http://ex/p> \"{lexical}\"^^<{xsd}{ty}> .\n"), "{n}");
        }
    }

    #[test]
    fn a_language_goes_with_lang_string_only() {
        // Expanded input is taken as given: a typed value keeps its type and loses the language.
        let doc = r#"[{"@id":"http://ex/a","http://ex/p":[{"@value":"x","@type":"http://ex/T","@language":"en"},{"@value":"y","@language":"en"}]}]"#;
        assert_eq!(
            node_map(doc, &Limits::DEFAULT).unwrap(),
            "<http://ex/a> <http://ex/p> \"x\"^^<http://ex/T> .\n<http://ex/a> <http://ex/p> \"y\"@en .\n"
        );
    }
}
