//! Query evaluation. Segments run breadth-first over nodelists; the descendant segment walks the
//! document with an explicit stack; filter expressions recurse only as deep as the parsed
//! expression, which the parser bounded.

use alloc::string::String;
use alloc::vec::Vec;

use regex_automata::meta::Regex;

use super::ast::{CmpOp, Comparable, FilterQuery, Logical, RegexFn, Segment, Selector, ValueFn};
use super::budget::Budget;
use super::compare::{equal, less, Val};
use super::iregexp;
use super::path::{Step, Track};
use crate::error::{Error, ErrorCode, Result};
use crate::json::Value;
use crate::limits::Limits;

/// What every step of one evaluation shares.
pub(crate) struct Ctx<'a> {
    root: &'a Value,
    limits: Limits,
    budget: Budget,
    /// Patterns taken from the document, compiled once per selection.
    patterns: Vec<(bool, String, Option<Regex>)>,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(root: &'a Value, limits: &Limits) -> Self {
        Ctx { root, limits: *limits, budget: Budget::for_limits(limits), patterns: Vec::new() }
    }

    /// The compiled form of a pattern found in the document (`None`: not a valid I-Regexp).
    fn pattern(&mut self, pattern: &str, whole: bool) -> Result<Option<Regex>> {
        if let Some((_, _, re)) = self.patterns.iter().find(|(w, p, _)| *w == whole && p == pattern) {
            return Ok(re.clone());
        }
        self.budget.charge(iregexp::COMPILE_COST)?;
        let re = iregexp::compile(pattern, whole, &self.limits);
        self.patterns.push((whole, String::from(pattern), re.clone()));
        Ok(re)
    }
}

type Nodes<'v, I> = Vec<(I, &'v Value)>;

fn push<'v, I>(out: &mut Nodes<'v, I>, id: I, value: &'v Value, ctx: &mut Ctx<'_>) -> Result<()> {
    if out.len() >= ctx.limits.max_items {
        return Err(Error::new(ErrorCode::TooManyItems, "JSONPath nodelist too long"));
    }
    ctx.budget.charge(1)?;
    out.push((id, value));
    Ok(())
}

fn is_container(v: &Value) -> bool {
    matches!(v, Value::Array(_) | Value::Object(_))
}

/// Applies `segments` to the single node `start`.
pub(crate) fn run<'v, 'c: 'v, T: Track<'v>>(
    segments: &[Segment],
    start: (T::Id, &'v Value),
    track: &mut T,
    ctx: &mut Ctx<'c>,
) -> Result<Nodes<'v, T::Id>> {
    let (mut nodes, mut scratch) = (Vec::new(), Vec::new());
    run_into(segments, start, track, ctx, &mut nodes, &mut scratch)?;
    Ok(nodes)
}

/// Applies `segments` to the single node `start`, leaving the result in `nodes`. `nodes` and
/// `scratch` take turns as a segment's input and output and keep their capacity, so a caller
/// that passes the same two buffers again allocates only when a nodelist outgrows them.
pub(crate) fn run_into<'v, 'c: 'v, T: Track<'v>>(
    segments: &[Segment],
    start: (T::Id, &'v Value),
    track: &mut T,
    ctx: &mut Ctx<'c>,
    nodes: &mut Nodes<'v, T::Id>,
    scratch: &mut Nodes<'v, T::Id>,
) -> Result<()> {
    nodes.clear();
    let Some((first, rest)) = segments.split_first() else {
        nodes.push(start);
        return Ok(());
    };
    apply(first, &[start], track, ctx, nodes)?;
    for segment in rest {
        scratch.clear();
        apply(segment, nodes, track, ctx, scratch)?;
        core::mem::swap(nodes, scratch);
    }
    Ok(())
}

/// Applies one segment to the nodelist `nodes`, appending to `out`.
fn apply<'v, 'c: 'v, T: Track<'v>>(
    segment: &Segment,
    nodes: &[(T::Id, &'v Value)],
    track: &mut T,
    ctx: &mut Ctx<'c>,
    out: &mut Nodes<'v, T::Id>,
) -> Result<()> {
    match segment {
        Segment::Child(sels) => {
            for &(id, value) in nodes {
                for sel in sels {
                    select(sel, id, value, track, ctx, out)?;
                }
            }
        }
        Segment::Descendant(sels) => {
            let mut stack = Vec::new();
            for &node in nodes.iter().rev() {
                stack.push(node);
            }
            // Array-sequenced preorder: a node, then its children's subtrees in order.
            while let Some((id, value)) = stack.pop() {
                for sel in sels {
                    select(sel, id, value, track, ctx, out)?;
                }
                ctx.budget.charge(1)?;
                match value {
                    // Selectors pick nothing from a scalar, so only containers are walked.
                    Value::Array(items) => {
                        for (i, item) in items.iter().enumerate().rev() {
                            if is_container(item) {
                                stack.push((track.child(id, Step::Index(i))?, item));
                            }
                        }
                    }
                    Value::Object(members) => {
                        for (k, item) in members.iter().rev() {
                            if is_container(item) {
                                stack.push((track.child(id, Step::Name(k))?, item));
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    Ok(())
}

/// Clamps a slice to `len` (RFC 9535 section 2.3.4.2.2) and lists the selected indices' range
/// parameters as (first, stop, step), walking `first`, `first + step`, ... while short of `stop`.
fn slice_bounds(start: Option<i64>, end: Option<i64>, step: i64, len: i64) -> (i64, i64) {
    let normalize = |i: i64| if i >= 0 { i } else { len.saturating_add(i) };
    if step >= 0 {
        let lower = normalize(start.unwrap_or(0)).clamp(0, len);
        let upper = end.map_or(len, normalize).clamp(0, len);
        (lower, upper)
    } else {
        let last = len.saturating_sub(1);
        let upper = start.map_or(last, normalize).clamp(-1, last);
        let lower = end.map_or(-1, normalize).clamp(-1, last);
        (upper, lower)
    }
}

/// The item at index `i` of `items` (negative: from the end), with its position.
fn index(items: &[Value], i: i64) -> Option<(usize, &Value)> {
    let len = i64::try_from(items.len()).unwrap_or(i64::MAX);
    let at = if i >= 0 { i } else { len.saturating_add(i) };
    usize::try_from(at).ok().and_then(|u| items.get(u).map(|v| (u, v)))
}

fn select<'v, 'c: 'v, T: Track<'v>>(
    sel: &Selector,
    id: T::Id,
    value: &'v Value,
    track: &mut T,
    ctx: &mut Ctx<'c>,
    out: &mut Nodes<'v, T::Id>,
) -> Result<()> {
    match (sel, value) {
        (Selector::Name(name), Value::Object(members)) => {
            if let Some((k, v)) = members.iter().find(|(k, _)| k == name) {
                push(out, track.child(id, Step::Name(k))?, v, ctx)?;
            }
        }
        (Selector::Wildcard, Value::Array(items)) => {
            for (i, v) in items.iter().enumerate() {
                push(out, track.child(id, Step::Index(i))?, v, ctx)?;
            }
        }
        (Selector::Wildcard, Value::Object(members)) => {
            for (k, v) in members {
                push(out, track.child(id, Step::Name(k))?, v, ctx)?;
            }
        }
        (Selector::Index(i), Value::Array(items)) => {
            if let Some((at, v)) = index(items, *i) {
                push(out, track.child(id, Step::Index(at))?, v, ctx)?;
            }
        }
        (Selector::Slice { start, end, step }, Value::Array(items)) => {
            let step = step.unwrap_or(1);
            if step == 0 {
                return Ok(());
            }
            let len = i64::try_from(items.len()).unwrap_or(i64::MAX);
            let (mut i, stop) = slice_bounds(*start, *end, step, len);
            while (step > 0 && i < stop) || (step < 0 && i > stop) {
                if let Some(v) = usize::try_from(i).ok().and_then(|u| items.get(u).map(|v| (u, v))) {
                    push(out, track.child(id, Step::Index(v.0))?, v.1, ctx)?;
                }
                i = i.saturating_add(step);
            }
        }
        (Selector::Filter(expr), Value::Array(items)) => {
            for (i, v) in items.iter().enumerate() {
                if test(expr, v, ctx)? {
                    push(out, track.child(id, Step::Index(i))?, v, ctx)?;
                }
            }
        }
        (Selector::Filter(expr), Value::Object(members)) => {
            for (k, v) in members {
                if test(expr, v, ctx)? {
                    push(out, track.child(id, Step::Name(k))?, v, ctx)?;
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// The values a filter query selects, `current` being `@`.
fn query<'x, 'c: 'x>(q: &FilterQuery, current: &'x Value, ctx: &mut Ctx<'c>) -> Result<Vec<&'x Value>> {
    let start: &'x Value = if q.relative { current } else { ctx.root };
    let nodes = run(&q.segments, ((), start), &mut super::path::NoTrack, ctx)?;
    Ok(nodes.into_iter().map(|((), v)| v).collect())
}

/// The node a singular query selects, found by following its names and indices: no nodelist.
/// Each step is charged as the node it produces would be.
fn singular<'x, 'c: 'x>(q: &FilterQuery, current: &'x Value, ctx: &mut Ctx<'c>) -> Result<Option<&'x Value>> {
    let mut at: &'x Value = if q.relative { current } else { ctx.root };
    for segment in &q.segments {
        let next = match (segment, at) {
            (Segment::Child(sels), Value::Object(members)) => match sels.as_slice() {
                [Selector::Name(name)] => members.iter().find(|(k, _)| k == name).map(|(_, v)| v),
                _ => None,
            },
            (Segment::Child(sels), Value::Array(items)) => match sels.as_slice() {
                [Selector::Index(i)] => index(items, *i).map(|(_, v)| v),
                _ => None,
            },
            _ => None,
        };
        let Some(next) = next else { return Ok(None) };
        ctx.budget.charge(1)?;
        at = next;
    }
    Ok(Some(at))
}

/// How many nodes a filter query selects, counting at most one for a singular query.
fn count<'c>(q: &FilterQuery, current: &Value, ctx: &mut Ctx<'c>) -> Result<usize> {
    if q.singular {
        Ok(usize::from(singular(q, current, ctx)?.is_some()))
    } else {
        Ok(query(q, current, ctx)?.len())
    }
}

/// Evaluates a filter expression for the candidate `current`.
fn test<'x, 'c: 'x>(expr: &'x Logical, current: &'x Value, ctx: &mut Ctx<'c>) -> Result<bool> {
    Ok(match expr {
        Logical::Or(items) => {
            for item in items {
                if test(item, current, ctx)? {
                    return Ok(true);
                }
            }
            false
        }
        Logical::And(items) => {
            for item in items {
                if !test(item, current, ctx)? {
                    return Ok(false);
                }
            }
            true
        }
        Logical::Not(inner) => !test(inner, current, ctx)?,
        Logical::Exists(q) => count(q, current, ctx)? > 0,
        Logical::Regex(f) => regex(f, current, ctx)?,
        Logical::Compare(a, op, b) => {
            let a = value(a, current, ctx)?;
            let b = value(b, current, ctx)?;
            match op {
                CmpOp::Eq => equal(a, b, &mut ctx.budget)?,
                CmpOp::Ne => !equal(a, b, &mut ctx.budget)?,
                CmpOp::Lt => less(a, b),
                CmpOp::Gt => less(b, a),
                CmpOp::Le => less(a, b) || equal(a, b, &mut ctx.budget)?,
                CmpOp::Ge => less(b, a) || equal(a, b, &mut ctx.budget)?,
            }
        }
    })
}

fn value<'x, 'c: 'x>(c: &'x Comparable, current: &'x Value, ctx: &mut Ctx<'c>) -> Result<Val<'x>> {
    Ok(match c {
        Comparable::Literal(v) => Val::Ref(v),
        Comparable::Query(q) | Comparable::Function(ValueFn::Value(q)) => {
            // A nodelist of one node gives its value; any other nodelist gives Nothing.
            if q.singular {
                singular(q, current, ctx)?.map_or(Val::Nothing, Val::Ref)
            } else {
                match query(q, current, ctx)?.as_slice() {
                    [v] => Val::Ref(v),
                    _ => Val::Nothing,
                }
            }
        }
        Comparable::Function(ValueFn::Count(q)) => Val::Count(count(q, current, ctx)?),
        Comparable::Function(ValueFn::Length(arg)) => match value(arg, current, ctx)? {
            Val::Ref(Value::String(s)) => Val::Count(s.chars().count()),
            Val::Ref(Value::Array(items)) => Val::Count(items.len()),
            Val::Ref(Value::Object(members)) => Val::Count(members.len()),
            _ => Val::Nothing,
        },
    })
}

fn regex<'x, 'c: 'x>(f: &'x RegexFn, current: &'x Value, ctx: &mut Ctx<'c>) -> Result<bool> {
    let Val::Ref(Value::String(subject)) = value(&f.subject, current, ctx)? else {
        return Ok(false);
    };
    let re = match &f.compiled {
        Some(cached) => cached.clone(),
        None => {
            let Val::Ref(Value::String(pattern)) = value(&f.pattern, current, ctx)? else {
                return Ok(false);
            };
            ctx.pattern(pattern, f.whole)?
        }
    };
    let Some(re) = re else {
        return Ok(false);
    };
    // A PikeVM's time grows with the subject's length times the automaton's live states;
    // the automaton's size (per KiB) stands in for the latter.
    let per_byte = (re.memory_usage() / 1024).saturating_add(1);
    ctx.budget.charge(subject.len().saturating_mul(per_byte))?;
    Ok(re.is_match(subject.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_counts_members_items_and_characters() {
        use crate::json::jsonpath::Query;
        let limits = Limits::DEFAULT;
        let doc = Value::parse(r#"[{"a":1,"b":2},{"a":1},"ab","é!",[1,2],2,null]"#, &limits).unwrap();
        let q = Query::parse("$[?length(@) == 2]", &limits).unwrap();
        let got: Vec<String> = q.select_values(&doc, &limits).unwrap().iter().map(|v| v.to_json()).collect();
        assert_eq!(got, [r#"{"a":1,"b":2}"#, "\"ab\"", "\"é!\"", "[1,2]"]);
    }

    #[test]
    fn slice_bounds_follow_the_rfc() {
        assert_eq!(slice_bounds(None, None, 1, 5), (0, 5));
        assert_eq!(slice_bounds(None, None, -1, 5), (4, -1));
        assert_eq!(slice_bounds(Some(-1), None, 1, 5), (4, 5));
        assert_eq!(slice_bounds(Some(-100), Some(100), 1, 5), (0, 5));
        assert_eq!(slice_bounds(Some(100), Some(-100), -1, 5), (4, -1));
        assert_eq!(slice_bounds(Some(3), Some(1), 1, 5), (3, 1));
        assert_eq!(slice_bounds(Some(-9007199254740991), Some(9007199254740991), 1, 0), (0, 0));
    }
}
