//! Comparisons in filters (RFC 9535 section 2.3.5.2.2): Nothing equals only Nothing, numbers
//! compare by mathematical value (exactly, from their decimal text), strings by code points,
//! arrays and objects by deep equality; `<` is defined only for two numbers or two strings.

use alloc::vec::Vec;
use core::cmp::Ordering;

use super::budget::Budget;
use crate::error::Result;
use crate::json::{Number, Value};

/// The value of a comparable: a node or literal, a count/length result, or Nothing.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Val<'a> {
    Nothing,
    Ref(&'a Value),
    Count(usize),
}

/// Exponents beyond this magnitude order the same as any larger one: no number text is long
/// enough for its digit count to make up the difference.
const EXP_CLAMP: i64 = 1 << 48;

/// A decimal number as sign, significant digits (no leading or trailing zeros) and the
/// position of the decimal point relative to the first digit: `digits` × 10^(`point` − len).
struct Decimal {
    negative: bool,
    digits: Vec<u8>,
    point: i64,
}

impl Decimal {
    fn from_text(text: &str) -> Decimal {
        let (negative, rest) = match text.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, text),
        };
        let (mantissa, exp) = match rest.find(['e', 'E']) {
            Some(i) => (rest.get(..i).unwrap_or(""), rest.get(i.saturating_add(1)..).unwrap_or("")),
            None => (rest, ""),
        };
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let mut exp_value: i64 = 0;
        let (exp_negative, exp_digits) = match exp.as_bytes().first() {
            Some(b'-') => (true, exp.get(1..).unwrap_or("")),
            Some(b'+') => (false, exp.get(1..).unwrap_or("")),
            _ => (false, exp),
        };
        for d in exp_digits.bytes() {
            let digit = i64::from(d.wrapping_sub(b'0'));
            exp_value = exp_value.saturating_mul(10).saturating_add(digit).min(EXP_CLAMP);
        }
        if exp_negative {
            exp_value = -exp_value;
        }
        let mut point = i64::try_from(int.len()).unwrap_or(EXP_CLAMP);
        let mut digits: Vec<u8> = int.bytes().chain(frac.bytes()).collect();
        let leading = digits.iter().take_while(|&&d| d == b'0').count();
        digits.drain(..leading);
        point = point.saturating_sub(i64::try_from(leading).unwrap_or(EXP_CLAMP));
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
        Decimal { negative, digits, point: point.saturating_add(exp_value) }
    }

    fn cmp(&self, other: &Decimal) -> Ordering {
        let sign = |d: &Decimal| match (d.digits.is_empty(), d.negative) {
            (true, _) => 0,
            (false, true) => -1,
            (false, false) => 1,
        };
        let (a, b) = (sign(self), sign(other));
        if a != b || a == 0 {
            return a.cmp(&b);
        }
        let magnitude = self.point.cmp(&other.point).then_with(|| self.digits.cmp(&other.digits));
        if a < 0 {
            magnitude.reverse()
        } else {
            magnitude
        }
    }
}

fn as_decimal(v: Val<'_>) -> Option<Decimal> {
    match v {
        Val::Ref(Value::Number(n)) => Some(Decimal::from_text(n.as_str())),
        Val::Count(c) => Some(Decimal::from_text(Number::from_u64(u64::try_from(c).unwrap_or(u64::MAX)).as_str())),
        _ => None,
    }
}

/// Orders two JSON numbers by value (`1 == 1.0 == 10e-1`).
pub(crate) fn number_cmp(a: &Number, b: &Number) -> Ordering {
    Decimal::from_text(a.as_str()).cmp(&Decimal::from_text(b.as_str()))
}

/// `a == b`.
pub(crate) fn equal(a: Val<'_>, b: Val<'_>, budget: &mut Budget) -> Result<bool> {
    if let (Some(x), Some(y)) = (as_decimal(a), as_decimal(b)) {
        return Ok(x.cmp(&y) == Ordering::Equal);
    }
    Ok(match (a, b) {
        (Val::Nothing, Val::Nothing) => true,
        (Val::Ref(x), Val::Ref(y)) => deep_equal(x, y, budget)?,
        _ => false,
    })
}

/// `a < b`.
pub(crate) fn less(a: Val<'_>, b: Val<'_>) -> bool {
    if let (Some(x), Some(y)) = (as_decimal(a), as_decimal(b)) {
        return x.cmp(&y) == Ordering::Less;
    }
    match (a, b) {
        (Val::Ref(Value::String(x)), Val::Ref(Value::String(y))) => x < y,
        _ => false,
    }
}

/// Objects with more members than this are compared through sorted copies of their members.
const PAIRWISE_LIMIT: usize = 16;

/// Structural equality without recursion; every pair of values looked at is charged to `budget`.
fn deep_equal(a: &Value, b: &Value, budget: &mut Budget) -> Result<bool> {
    let mut todo: Vec<(&Value, &Value)> = alloc::vec![(a, b)];
    while let Some((x, y)) = todo.pop() {
        budget.charge(1)?;
        match (x, y) {
            (Value::Null, Value::Null) => {}
            (Value::Bool(p), Value::Bool(q)) if p == q => {}
            (Value::Number(p), Value::Number(q)) if number_cmp(p, q) == Ordering::Equal => {}
            (Value::String(p), Value::String(q)) if p == q => {}
            (Value::Array(p), Value::Array(q)) if p.len() == q.len() => todo.extend(p.iter().zip(q)),
            (Value::Object(p), Value::Object(q)) if p.len() == q.len() => {
                if p.len() <= PAIRWISE_LIMIT {
                    for (k, v) in p {
                        match q.iter().find(|(n, _)| n == k) {
                            Some((_, w)) => todo.push((v, w)),
                            None => return Ok(false),
                        }
                    }
                } else {
                    let mut ps: Vec<&(_, Value)> = p.iter().collect();
                    let mut qs: Vec<&(_, Value)> = q.iter().collect();
                    ps.sort_unstable_by(|m, n| m.0.cmp(&n.0));
                    qs.sort_unstable_by(|m, n| m.0.cmp(&n.0));
                    for (m, n) in ps.iter().zip(&qs) {
                        if m.0 != n.0 {
                            return Ok(false);
                        }
                        todo.push((&m.1, &n.1));
                    }
                }
            }
            _ => return Ok(false),
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::Limits;
    use alloc::format;

    fn n(s: &str) -> Number {
        Number::new(s).unwrap()
    }

    fn v(s: &str) -> Value {
        Value::parse(s, &Limits::DEFAULT).unwrap()
    }

    #[test]
    fn numbers_compare_by_value() {
        assert_eq!(number_cmp(&n("1"), &n("1.0")), Ordering::Equal);
        assert_eq!(number_cmp(&n("100"), &n("1e2")), Ordering::Equal);
        assert_eq!(number_cmp(&n("0.001"), &n("1E-3")), Ordering::Equal);
        assert_eq!(number_cmp(&n("-0"), &n("0.0e7")), Ordering::Equal);
        assert_eq!(number_cmp(&n("-1"), &n("0")), Ordering::Less);
        assert_eq!(number_cmp(&n("-2"), &n("-1.5")), Ordering::Less);
        assert_eq!(number_cmp(&n("9007199254740993"), &n("9007199254740992")), Ordering::Greater);
        assert_eq!(number_cmp(&n("0.5"), &n("0.25")), Ordering::Greater);
        assert_eq!(number_cmp(&n("1e999999999999999999999"), &n("1e400")), Ordering::Greater);
        assert_eq!(number_cmp(&n("1e-999999999999999999999"), &n("0")), Ordering::Greater);
    }

    #[test]
    fn nothing_and_mixed_types() {
        let mut b = Budget::new(100);
        let one = v("1");
        let s = v("\"1\"");
        assert!(equal(Val::Nothing, Val::Nothing, &mut b).unwrap());
        assert!(!equal(Val::Nothing, Val::Ref(&one), &mut b).unwrap());
        assert!(!equal(Val::Ref(&one), Val::Ref(&s), &mut b).unwrap());
        assert!(equal(Val::Count(1), Val::Ref(&one), &mut b).unwrap());
        assert!(!less(Val::Ref(&one), Val::Ref(&s)));
        assert!(!less(Val::Nothing, Val::Ref(&one)));
        assert!(less(Val::Ref(&v("\"a\"")), Val::Ref(&v("\"b\""))));
        assert!(less(Val::Ref(&v("\"Z\"")), Val::Ref(&v("\"a\""))));
        assert!(less(Val::Ref(&v("\"\u{ffff}\"")), Val::Ref(&v("\"\u{10000}\""))));
    }

    #[test]
    fn deep_equality() {
        let mut b = Budget::new(1000);
        let big_a = v(&format!("{{{}}}", (0..40).map(|i| format!("\"k{i}\":{i}")).collect::<Vec<_>>().join(",")));
        let big_b =
            v(&format!("{{{}}}", (0..40).rev().map(|i| format!("\"k{i}\":{i}.0")).collect::<Vec<_>>().join(",")));
        assert!(equal(Val::Ref(&big_a), Val::Ref(&big_b), &mut b).unwrap());
        assert!(
            equal(Val::Ref(&v(r#"{"a":[1,{"b":null}]}"#)), Val::Ref(&v(r#"{"a":[1.0,{"b":null}]}"#)), &mut b).unwrap()
        );
        assert!(!equal(Val::Ref(&v("[1,2]")), Val::Ref(&v("[2,1]")), &mut b).unwrap());
        assert!(!equal(Val::Ref(&v(r#"{"a":1}"#)), Val::Ref(&v(r#"{"b":1}"#)), &mut b).unwrap());
        let mut tiny = Budget::new(2);
        assert!(equal(Val::Ref(&v("[1,2,3]")), Val::Ref(&v("[1,2,3]")), &mut tiny).is_err());
    }
}
