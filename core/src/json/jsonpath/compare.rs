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
/// The digits are `int` followed by `frac`, both borrowed from the number's text, so comparing
/// numbers allocates nothing.
struct Decimal<'a> {
    negative: bool,
    int: &'a [u8],
    frac: &'a [u8],
    point: i64,
}

fn len_i64(s: &[u8]) -> i64 {
    i64::try_from(s.len()).unwrap_or(EXP_CLAMP)
}

/// `s` without its leading `b'0'`s, and how many were dropped.
fn trim_leading_zeros(s: &[u8]) -> (&[u8], usize) {
    let n = s.iter().take_while(|&&d| d == b'0').count();
    (s.get(n..).unwrap_or(&[]), n)
}

fn trim_trailing_zeros(s: &[u8]) -> &[u8] {
    let n = s.iter().rev().take_while(|&&d| d == b'0').count();
    s.get(..s.len().saturating_sub(n)).unwrap_or(&[])
}

impl<'a> Decimal<'a> {
    /// Reads a JSON number's text (already validated by the parser).
    fn from_text(text: &'a [u8]) -> Decimal<'a> {
        let (negative, rest) = match text.split_first() {
            Some((b'-', r)) => (true, r),
            _ => (false, text),
        };
        let (mantissa, exp) = match rest.iter().position(|&b| b == b'e' || b == b'E') {
            Some(i) => (rest.get(..i).unwrap_or(&[]), rest.get(i.saturating_add(1)..).unwrap_or(&[])),
            None => (rest, &[][..]),
        };
        let (int, frac) = match mantissa.iter().position(|&b| b == b'.') {
            Some(i) => (mantissa.get(..i).unwrap_or(&[]), mantissa.get(i.saturating_add(1)..).unwrap_or(&[])),
            None => (mantissa, &[][..]),
        };
        let mut exp_value: i64 = 0;
        let (exp_negative, exp_digits) = match exp.split_first() {
            Some((b'-', r)) => (true, r),
            Some((b'+', r)) => (false, r),
            _ => (false, exp),
        };
        for d in exp_digits {
            let digit = i64::from(d.wrapping_sub(b'0'));
            exp_value = exp_value.saturating_mul(10).saturating_add(digit).min(EXP_CLAMP);
        }
        if exp_negative {
            exp_value = -exp_value;
        }
        // Leading zeros may run from the integer part into the fraction (`0.001`), trailing
        // zeros from the fraction back into the integer part (`100.0`).
        let mut int = trim_leading_zeros(int).0;
        let mut frac = frac;
        let mut point = len_i64(int);
        if int.is_empty() {
            let (rest, frac_zeros) = trim_leading_zeros(frac);
            frac = rest;
            point = -i64::try_from(frac_zeros).unwrap_or(EXP_CLAMP);
        }
        frac = trim_trailing_zeros(frac);
        if frac.is_empty() {
            int = trim_trailing_zeros(int);
        }
        Decimal { negative, int, frac, point: point.saturating_add(exp_value) }
    }

    fn is_zero(&self) -> bool {
        self.int.is_empty() && self.frac.is_empty()
    }

    fn cmp(&self, other: &Decimal<'_>) -> Ordering {
        let sign = |d: &Decimal<'_>| match (d.is_zero(), d.negative) {
            (true, _) => 0,
            (false, true) => -1,
            (false, false) => 1,
        };
        let (a, b) = (sign(self), sign(other));
        if a != b || a == 0 {
            return a.cmp(&b);
        }
        let magnitude = self
            .point
            .cmp(&other.point)
            .then_with(|| self.int.iter().chain(self.frac).cmp(other.int.iter().chain(other.frac)));
        if a < 0 {
            magnitude.reverse()
        } else {
            magnitude
        }
    }
}

/// Writes `n` in decimal at the end of `buf` and returns those digits.
fn count_digits(n: usize, buf: &mut [u8; 20]) -> &[u8] {
    let mut n = u64::try_from(n).unwrap_or(u64::MAX);
    let mut at = buf.len();
    loop {
        at = at.saturating_sub(1);
        if let Some(slot) = buf.get_mut(at) {
            // n % 10 < 10, so the cast keeps the value.
            *slot = b'0'.wrapping_add((n % 10) as u8);
        }
        n /= 10;
        if n == 0 || at == 0 {
            break;
        }
    }
    buf.get(at..).unwrap_or(&[])
}

fn as_decimal<'a>(v: Val<'a>, buf: &'a mut [u8; 20]) -> Option<Decimal<'a>> {
    match v {
        Val::Ref(Value::Number(n)) => Some(Decimal::from_text(n.as_str().as_bytes())),
        Val::Count(c) => Some(Decimal::from_text(count_digits(c, buf))),
        _ => None,
    }
}

/// Longest number text (without its sign) read as a [`Fixed`]: at most 18 digits, so the
/// mantissa fits `i64` and, scaled by up to 10^17 for the other side's fraction, `i128`.
const FIXED_LEN: usize = 18;

/// Powers of ten up to the largest scale a [`Fixed`] can have.
const POW10: [i64; FIXED_LEN] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
    10_000_000_000,
    100_000_000_000,
    1_000_000_000_000,
    10_000_000_000_000,
    100_000_000_000_000,
    1_000_000_000_000_000,
    10_000_000_000_000_000,
    100_000_000_000_000_000,
];

/// A short number without exponent as `mantissa` × 10^−`scale`: the common case, compared in
/// integers in one pass over its text.
#[derive(Clone, Copy)]
struct Fixed {
    mantissa: i64,
    scale: usize,
}

impl Fixed {
    fn from_text(text: &[u8]) -> Option<Fixed> {
        let (negative, rest) = match text.split_first() {
            Some((b'-', r)) => (true, r),
            _ => (false, text),
        };
        if rest.len() > FIXED_LEN {
            return None;
        }
        let (mut mantissa, mut point) = (0i64, rest.len());
        for (i, &b) in rest.iter().enumerate() {
            match b {
                // At most 18 digits: no overflow.
                b'0'..=b'9' => mantissa = mantissa.wrapping_mul(10).wrapping_add(i64::from(b.wrapping_sub(b'0'))),
                b'.' => point = i.wrapping_add(1),
                _ => return None,
            }
        }
        let scale = rest.len().wrapping_sub(point);
        Some(Fixed { mantissa: if negative { mantissa.wrapping_neg() } else { mantissa }, scale })
    }

    fn of(v: Val<'_>) -> Option<Fixed> {
        match v {
            Val::Ref(Value::Number(n)) => Fixed::from_text(n.as_str().as_bytes()),
            Val::Count(c) => Some(Fixed { mantissa: i64::try_from(c).ok()?, scale: 0 }),
            _ => None,
        }
    }

    fn cmp(self, other: Fixed) -> Ordering {
        if self.scale == other.scale {
            return self.mantissa.cmp(&other.mantissa);
        }
        // Both scales are below FIXED_LEN, and |mantissa| × 10^17 < 2^127.
        let widen = |f: Fixed, to: usize| {
            let pow = POW10.get(to.wrapping_sub(f.scale)).copied().unwrap_or(i64::MAX);
            i128::from(f.mantissa).wrapping_mul(i128::from(pow))
        };
        let to = self.scale.max(other.scale);
        widen(self, to).cmp(&widen(other, to))
    }
}

/// Orders `a` and `b` when both are numbers.
fn numeric_order(a: Val<'_>, b: Val<'_>) -> Option<Ordering> {
    if let (Some(x), Some(y)) = (Fixed::of(a), Fixed::of(b)) {
        return Some(x.cmp(y));
    }
    let (mut abuf, mut bbuf) = ([0u8; 20], [0u8; 20]);
    let x = as_decimal(a, &mut abuf)?;
    let y = as_decimal(b, &mut bbuf)?;
    Some(x.cmp(&y))
}

/// Orders two JSON numbers by value (`1 == 1.0 == 10e-1`).
pub(crate) fn number_cmp(a: &Number, b: &Number) -> Ordering {
    let (a, b) = (a.as_str().as_bytes(), b.as_str().as_bytes());
    match (Fixed::from_text(a), Fixed::from_text(b)) {
        (Some(x), Some(y)) => x.cmp(y),
        _ => Decimal::from_text(a).cmp(&Decimal::from_text(b)),
    }
}

/// `a == b`.
pub(crate) fn equal(a: Val<'_>, b: Val<'_>, budget: &mut Budget) -> Result<bool> {
    if let Some(order) = numeric_order(a, b) {
        return Ok(order == Ordering::Equal);
    }
    Ok(match (a, b) {
        (Val::Nothing, Val::Nothing) => true,
        (Val::Ref(x), Val::Ref(y)) => deep_equal(x, y, budget)?,
        _ => false,
    })
}

/// `a < b`.
pub(crate) fn less(a: Val<'_>, b: Val<'_>) -> bool {
    if let Some(order) = numeric_order(a, b) {
        return order == Ordering::Less;
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
    // A scalar on either side (the usual filter comparison) needs no work list.
    if !(is_container(a) && is_container(b)) {
        budget.charge(1)?;
        return Ok(scalar_equal(a, b));
    }
    let mut todo: Vec<(&Value, &Value)> = alloc::vec![(a, b)];
    while let Some((x, y)) = todo.pop() {
        budget.charge(1)?;
        match (x, y) {
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
            // Two containers unmatched above differ in kind or length; a container is never
            // scalar-equal to anything.
            _ if scalar_equal(x, y) => {}
            _ => return Ok(false),
        }
    }
    Ok(true)
}

fn is_container(v: &Value) -> bool {
    matches!(v, Value::Array(_) | Value::Object(_))
}

/// Equality of two values at least one of which is a scalar.
fn scalar_equal(x: &Value, y: &Value) -> bool {
    match (x, y) {
        (Value::Null, Value::Null) => true,
        (Value::Bool(p), Value::Bool(q)) => p == q,
        (Value::Number(p), Value::Number(q)) => number_cmp(p, q) == Ordering::Equal,
        (Value::String(p), Value::String(q)) => p == q,
        _ => false,
    }
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
    fn numbers_with_exponents_compare_exactly() {
        // These take the exact decimal path (an exponent or more than 18 digits).
        assert_eq!(number_cmp(&n("-1e2"), &n("-5e1")), Ordering::Less);
        assert_eq!(number_cmp(&n("-5e1"), &n("-1e2")), Ordering::Greater);
        assert_eq!(number_cmp(&n("-1e2"), &n("1e1")), Ordering::Less);
        assert_eq!(number_cmp(&n("2e0"), &n("-3e5")), Ordering::Greater);
        assert_eq!(number_cmp(&n("-1.5e0"), &n("-15e-1")), Ordering::Equal);
        assert_eq!(number_cmp(&n("12345678901234567890"), &n("1.234567890123456789e19")), Ordering::Equal);
        let mut b = Budget::new(100);
        let num = |s: &str| v(s);
        // A count beside a number the fast path cannot read.
        for (count, text) in [(0, "0e3"), (123, "1.23e2"), (1000, "1e3"), (7, "70e-1")] {
            assert!(equal(Val::Count(count), Val::Ref(&num(text)), &mut b).unwrap(), "{count} {text}");
        }
        assert!(!equal(Val::Count(124), Val::Ref(&num("1.23e2")), &mut b).unwrap());
        assert!(less(Val::Count(99), Val::Ref(&num("1e2"))));
        assert!(!less(Val::Count(100), Val::Ref(&num("1e2"))));
        // The largest count, in exponent form (on 64-bit targets too large for the fast path:
        // all twenty digits are written).
        let sci = |n: u128| {
            let digits = alloc::string::ToString::to_string(&n);
            format!("{}.{}e{}", &digits[..1], &digits[1..], digits.len() - 1)
        };
        let max = u128::try_from(usize::MAX).unwrap();
        assert!(equal(Val::Count(usize::MAX), Val::Ref(&num(&sci(max))), &mut b).unwrap());
        assert!(less(Val::Count(usize::MAX), Val::Ref(&num(&sci(max + 1)))));
        assert!(!less(Val::Count(usize::MAX), Val::Ref(&num(&sci(max)))));
    }

    #[test]
    fn the_fast_path_reads_short_plain_numbers() {
        let fixed = |s: &str| Fixed::from_text(s.as_bytes()).map(|f| (f.mantissa, f.scale));
        assert_eq!(fixed("0"), Some((0, 0)));
        assert_eq!(fixed("-12.50"), Some((-1250, 2)));
        assert_eq!(fixed("0.001"), Some((1, 3)));
        assert_eq!(fixed("123456789012345678"), Some((123_456_789_012_345_678, 0)));
        assert_eq!(fixed("-12345678901234567.8"), None); // 19 bytes after the sign
        assert_eq!(fixed("1234567890123456789"), None);
        assert_eq!(fixed("1e5"), None);
        assert_eq!(fixed("1.5E3"), None);
        let three = v("3.25");
        assert!(Fixed::of(Val::Ref(&three)).is_some_and(|f| (f.mantissa, f.scale) == (325, 2)));
        assert!(Fixed::of(Val::Count(7)).is_some_and(|f| (f.mantissa, f.scale) == (7, 0)));
        assert!(Fixed::of(Val::Nothing).is_none());
        assert!(Fixed::of(Val::Ref(&v("\"3\""))).is_none());
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
        // Lengths differ: a prefix is not equal, in either order.
        for (x, y) in [("[1,2]", "[1,2,3]"), (r#"{"a":1}"#, r#"{"a":1,"b":2}"#), ("[[1]]", "[[1],[]]")] {
            assert!(!equal(Val::Ref(&v(x)), Val::Ref(&v(y)), &mut b).unwrap(), "{x} {y}");
            assert!(!equal(Val::Ref(&v(y)), Val::Ref(&v(x)), &mut b).unwrap(), "{y} {x}");
        }
        // A container inside never equals a scalar.
        assert!(!equal(Val::Ref(&v("[[1]]")), Val::Ref(&v("[1]")), &mut b).unwrap());
        assert!(!equal(Val::Ref(&v(r#"{"a":{}}"#)), Val::Ref(&v(r#"{"a":null}"#)), &mut b).unwrap());
        assert!(!equal(Val::Ref(&v(r#"{"a":1}"#)), Val::Ref(&v(r#"{"b":1}"#)), &mut b).unwrap());
        let mut tiny = Budget::new(2);
        assert!(equal(Val::Ref(&v("[1,2,3]")), Val::Ref(&v("[1,2,3]")), &mut tiny).is_err());
    }
}
