//! Differential JCS (RFC 8785): ssi-verify's `json::jcs` against `serde_jcs` on the same JSON
//! text, its text-to-text path (`canonicalize_str`) against its tree path (`Value::parse`, then
//! `canonicalize`) on every input, results and errors alike, and every number against an ECMAScript `Number::toString` written here from
//! ECMA-262 section 6.1.6.1.20 (RFC 8785 section 3.2.2.3), since the core and `serde_jcs` both
//! format doubles with `ryu-js` and would share a bug there. (An oracle that took Rust's
//! shortest digits as they are was wrong on ties: 900357409933336.25 prints
//! `900357409933336.2`, ECMA-262 picking the even digit where Rust's formatter picks the upper.)
//!
//! Compared only where both accept the text (fuzz/README.md lists what only one side accepts):
//! - `serde_json` reads duplicate member names (the last wins); the core refuses them, as I-JSON
//!   requires (RFC 8785 section 3.1, RFC 7493 section 2.3);
//! - `serde_jcs` prints integers that `serde_json` holds as `u64`/`i64` digit for digit, while
//!   RFC 8785 section 3.2.2.3 says every number is the double it denotes (`2^53 + 1` is
//!   `9007199254740992`). Integers beyond 2^53 are therefore handed to `serde_jcs` as doubles,
//!   and its own reading is compared only when every integer is within 2^53.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ssi_verify_core::json::{jcs, Number, Value};
use ssi_verify_core::{Category, Limits};

/// 2^53: integers up to this magnitude are exact doubles.
const EXACT: u64 = 1 << 53;

/// The digits `n` (no trailing zeros) and decimal exponent `e` (x = 0.n × 10^e) ECMA-262
/// 6.1.6.1.20 step 5 picks for a finite positive double: the fewest digits that read back as
/// `x`, the closest of those to `x`, the even one on a tie. The length comes from Rust's
/// shortest round-trip formatting; the choice between the two neighbours of that length is made
/// here on `x`'s exact decimal expansion, because the shortest formatters need not break ties
/// the ECMAScript way.
fn es_digits(x: f64) -> (String, i64) {
    let shortest = format!("{x:e}");
    let k = shortest.split('e').next().unwrap_or("").chars().filter(char::is_ascii_digit).count();
    // Every finite double has an exact decimal expansion of at most 767 significant digits.
    let exact = format!("{x:.800e}");
    let (mantissa, exp) = exact.split_once('e').expect("{:e} has an exponent");
    let all: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
    let e = exp.parse::<i64>().expect("exponent") + 1;
    let lo: u64 = all[..k].iter().fold(0, |acc, &d| acc * 10 + u64::from(d));
    let hi = lo + 1;
    let reads_back = |n: u64| format!("{n}e{}", e - k as i64).parse::<f64>().ok() == Some(x);
    let rest = &all[k..];
    let half = rest.first().map(|&d| d.cmp(&5)).unwrap_or(std::cmp::Ordering::Less).then_with(|| {
        if rest[1..].iter().any(|&d| d != 0) {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    });
    let pick = match (reads_back(lo), reads_back(hi)) {
        (true, false) => lo,
        (false, true) => hi,
        (true, true) => match half {
            std::cmp::Ordering::Less => lo,
            std::cmp::Ordering::Greater => hi,
            std::cmp::Ordering::Equal => {
                if lo % 2 == 0 {
                    lo
                } else {
                    hi
                }
            }
        },
        (false, false) => panic!("neither {lo} nor {hi} (x10^{}) reads back as {x:e}", e - k as i64),
    };
    let mut digits = pick.to_string();
    // lo + 1 may carry into one more digit (…999 + 1), which moves the exponent.
    let e = e + digits.len() as i64 - k as i64;
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    (digits, e)
}

/// ECMAScript `Number::toString(x)` for a finite double (ECMA-262 6.1.6.1.20 steps 6-10).
fn es_number(x: f64) -> String {
    if x == 0.0 {
        return "0".into();
    }
    if x < 0.0 {
        return format!("-{}", es_number(-x));
    }
    let (digits, n) = es_digits(x);
    let k = digits.len() as i64;
    if k <= n && n <= 21 {
        format!("{digits}{}", "0".repeat((n - k) as usize))
    } else if 0 < n && n <= 21 {
        format!("{}.{}", &digits[..n as usize], &digits[n as usize..])
    } else if -6 < n && n <= 0 {
        format!("0.{}{digits}", "0".repeat((-n) as usize))
    } else {
        let e = n - 1;
        let sign = if e < 0 { '-' } else { '+' };
        if k == 1 {
            format!("{digits}e{sign}{}", e.abs())
        } else {
            format!("{}.{}e{sign}{}", &digits[..1], &digits[1..], e.abs())
        }
    }
}

/// Every number of `v` as a double (integers beyond 2^53 rounded as RFC 8785 requires); whether
/// all integers were already exact.
fn as_doubles(v: &mut serde_json::Value) -> bool {
    match v {
        serde_json::Value::Number(n) => {
            let exact = n.as_u64().is_none_or(|u| u <= EXACT) && n.as_i64().is_none_or(|i| i.unsigned_abs() <= EXACT);
            if !exact {
                let f = n.as_f64().expect("a serde_json number converts to f64");
                *n = serde_json::Number::from_f64(f).expect("finite");
            }
            exact
        }
        serde_json::Value::Array(a) => a.iter_mut().fold(true, |all, v| as_doubles(v) && all),
        serde_json::Value::Object(o) => o.values_mut().fold(true, |all, v| as_doubles(v) && all),
        _ => true,
    }
}

/// Checks each number of the core's tree against [`es_number`].
fn check_numbers(v: &Value) {
    match v {
        Value::Number(n) => check_number(n),
        Value::Array(a) => a.iter().for_each(check_numbers),
        Value::Object(o) => o.iter().for_each(|(_, v)| check_numbers(v)),
        _ => {}
    }
}

fn check_number(n: &Number) {
    let Ok(f) = n.as_str().parse::<f64>() else { panic!("the core kept a lexeme Rust cannot read: {n:?}") };
    match jcs::format_number(n) {
        Ok(ours) if f.is_finite() => assert_eq!(ours, es_number(f), "number {:?}", n.as_str()),
        Ok(ours) => panic!("{:?} is not a finite double, yet the core printed {ours}", n.as_str()),
        Err(e) => assert!(!f.is_finite(), "{:?} is the double {f}, yet the core refused it: {e}", n.as_str()),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let limits = Limits::DEFAULT;
    // The text path (no tree) writes what the tree path writes, and fails as it fails.
    let via_tree = Value::parse(text, &limits).and_then(|tree| jcs::canonicalize(&tree, &limits));
    assert_eq!(jcs::canonicalize_str(text, &limits), via_tree, "text and tree paths differ on {text:?}");
    let Ok(tree) = Value::parse(text, &limits) else { return };
    check_numbers(&tree);
    let ours = match jcs::canonicalize(&tree, &limits) {
        Ok(s) => s,
        Err(e) if e.code().category() == Category::Limit => return,
        Err(_) => return, // a number beyond the double range: check_numbers agreed it is one
    };
    // The canonical form is itself canonical.
    assert_eq!(jcs::canonicalize_str(&ours, &limits).ok().as_deref(), Some(ours.as_str()), "not idempotent");
    let Ok(mut theirs) = serde_json::from_str::<serde_json::Value>(text) else { return };
    let raw = serde_jcs::to_string(&theirs).expect("serde_jcs writes what serde_json read");
    let exact = as_doubles(&mut theirs);
    let rounded = serde_jcs::to_string(&theirs).expect("serde_jcs writes what serde_json read");
    assert_eq!(ours, rounded, "core and serde_jcs (numbers as doubles) differ on {text:?}");
    if exact {
        assert_eq!(ours, raw, "core and serde_jcs differ on {text:?}");
    }
});
