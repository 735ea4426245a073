//! I-Regexp (RFC 9485) checked and translated into regex-automata syntax.
//!
//! The translation is a single linear scan, so a hostile pattern costs time proportional to its
//! length; the compiled automaton is bounded by a nesting limit and an NFA size limit.

use alloc::string::String;
use core::fmt::Write;
use core::iter::Peekable;
use core::str::Chars;

use regex_automata::meta::{self, Regex};
use regex_automata::util::syntax;

use crate::limits::Limits;

/// Largest NFA a pattern may compile to, in bytes. Room for real patterns (`\p{L}+` takes
/// 16 KiB, `[\p{L}\p{N}_-]{1,64}` 1.1 MiB) while keeping a hostile one from taking much memory;
/// compiling up to the limit takes tens of milliseconds.
const NFA_SIZE_LIMIT: usize = 2 << 20;

/// Work units charged for compiling a pattern met during evaluation (sized for the worst case).
pub(crate) const COMPILE_COST: usize = NFA_SIZE_LIMIT / 32;

/// Compiles an I-Regexp, anchored at both ends when `whole` (for `match`). `None` when the
/// pattern is not an I-Regexp or does not fit the bounds.
pub(crate) fn compile(pattern: &str, whole: bool, limits: &Limits) -> Option<Regex> {
    let translated = translate(pattern, whole, limits.depth())?;
    let nest = u32::try_from(limits.depth()).unwrap_or(u32::MAX);
    meta::Builder::new()
        .syntax(syntax::Config::new().nest_limit(nest).unicode(true).utf8(true))
        .configure(meta::Config::new().nfa_size_limit(Some(NFA_SIZE_LIMIT)))
        .build(&translated)
        .ok()
}

/// Writes `c` so that the regex parser reads it as that literal character, in or out of a class.
fn push_literal(out: &mut String, c: char) {
    if c.is_ascii_alphanumeric() {
        out.push(c);
    } else {
        // Writing to a String cannot fail.
        let _ = write!(out, "\\x{{{:X}}}", u32::from(c));
    }
}

/// The characters `SingleCharEsc` may escape, other than `n`, `r`, `t`.
fn is_single_char_escapable(c: char) -> bool {
    matches!(c, '('..='+' | '-' | '.' | '?' | '['..='^' | '{'..='}')
}

/// Reads the `{charProp}` after `\p` / `\P` and writes the translated class escape.
fn category(chars: &mut Peekable<Chars<'_>>, negated: bool, out: &mut String) -> Option<()> {
    if chars.next()? != '{' {
        return None;
    }
    let major = chars.next()?;
    let minors: &[char] = match major {
        'L' => &['l', 'm', 'o', 't', 'u'],
        'M' => &['c', 'e', 'n'],
        'N' => &['d', 'l', 'o'],
        'P' => &['c', 'd', 'e', 'f', 'i', 'o', 's'],
        'Z' => &['l', 'p', 's'],
        'S' => &['c', 'k', 'm', 'o'],
        'C' => &['c', 'f', 'n', 'o'],
        _ => return None,
    };
    out.push_str(if negated { "\\P{" } else { "\\p{" });
    out.push(major);
    match chars.next()? {
        '}' => {}
        minor if minors.contains(&minor) => {
            out.push(minor);
            if chars.next()? != '}' {
                return None;
            }
        }
        _ => return None,
    }
    out.push('}');
    Some(())
}

/// After a backslash: either a class escape (`\p{..}`, `\P{..}`, written to `out`, returns
/// `Some(None)`) or a single character escape (returns the character).
fn escape(chars: &mut Peekable<Chars<'_>>, out: &mut String) -> Option<Option<char>> {
    match chars.next()? {
        'p' => category(chars, false, out).map(|()| None),
        'P' => category(chars, true, out).map(|()| None),
        'n' => Some(Some('\n')),
        'r' => Some(Some('\r')),
        't' => Some(Some('\t')),
        c if is_single_char_escapable(c) => Some(Some(c)),
        _ => None,
    }
}

/// One `CCchar` as a range end point: a plain class character or a single character escape.
fn class_char(chars: &mut Peekable<Chars<'_>>) -> Option<char> {
    match chars.next()? {
        '\\' => {
            let mut unused = String::new();
            escape(chars, &mut unused)?
        }
        '-' | '[' | ']' => None,
        c => Some(c),
    }
}

/// The rest of a `charClassExpr` after its `[`.
fn class(chars: &mut Peekable<Chars<'_>>, out: &mut String) -> Option<()> {
    out.push('[');
    if chars.peek() == Some(&'^') {
        chars.next();
        out.push('^');
    }
    let mut first = true;
    loop {
        let c = chars.next()?;
        // A raw `-` (literal only first or last) cannot start a range.
        let mut rangeable = true;
        let low = match c {
            ']' if !first => break,
            '-' if first || chars.peek() == Some(&']') => {
                rangeable = false;
                '-'
            }
            '-' => return None,
            ']' | '[' => return None,
            '\\' => match escape(chars, out)? {
                Some(c) => c,
                None => {
                    first = false;
                    continue;
                }
            },
            c => c,
        };
        first = false;
        push_literal(out, low);
        // A range needs a `-` that is not the class's closing literal `-`.
        let mut ahead = chars.clone();
        if rangeable && ahead.next() == Some('-') && ahead.peek().is_some_and(|&n| n != ']') {
            chars.next();
            let high = class_char(chars)?;
            out.push('-');
            push_literal(out, high);
        }
    }
    out.push(']');
    Some(())
}

/// Reads a range quantifier after its `{` and writes it.
fn range_quantifier(chars: &mut Peekable<Chars<'_>>, out: &mut String) -> Option<()> {
    out.push('{');
    let mut digits = 0usize;
    let mut comma = false;
    loop {
        match chars.next()? {
            d @ '0'..='9' => {
                digits = digits.checked_add(1)?;
                out.push(d);
            }
            ',' if !comma && digits > 0 => {
                comma = true;
                digits = 0;
                out.push(',');
            }
            '}' if digits > 0 || comma => break,
            _ => return None,
        }
    }
    out.push('}');
    Some(())
}

/// Checks `pattern` against the I-Regexp grammar and translates it. Groups deeper than
/// `max_depth` are refused.
pub(crate) fn translate(pattern: &str, whole: bool, max_depth: usize) -> Option<String> {
    let mut out = String::with_capacity(pattern.len().saturating_add(16));
    out.push_str(if whole { "\\A(?:" } else { "(?:" });
    let mut chars = pattern.chars().peekable();
    let mut depth = 0usize;
    // Whether the previous piece is an atom that a quantifier may follow.
    let mut atom = false;
    while let Some(c) = chars.next() {
        match c {
            '(' => {
                depth = depth.checked_add(1)?;
                if depth > max_depth {
                    return None;
                }
                out.push_str("(?:");
                atom = false;
                continue;
            }
            ')' => {
                depth = depth.checked_sub(1)?;
                out.push(')');
            }
            '|' => {
                out.push('|');
                atom = false;
                continue;
            }
            '*' | '+' | '?' | '{' => {
                if !atom {
                    return None;
                }
                if c == '{' {
                    range_quantifier(&mut chars, &mut out)?;
                } else {
                    out.push(c);
                }
                atom = false;
                continue;
            }
            // RFC 9485 section 5 maps patterns to engines without escaping these, so (as the
            // compliance suite expects) they assert the start and end of the text. Like any
            // assertion they take no quantifier.
            '^' | '$' => {
                out.push_str(if c == '^' { "\\A" } else { "\\z" });
                atom = false;
                continue;
            }
            '.' => out.push_str("[^\\n\\r]"),
            '[' => class(&mut chars, &mut out)?,
            '\\' => {
                if let Some(c) = escape(&mut chars, &mut out)? {
                    push_literal(&mut out, c);
                }
            }
            ']' | '}' => return None,
            c => push_literal(&mut out, c),
        }
        atom = true;
    }
    if depth != 0 {
        return None;
    }
    out.push(')');
    if whole {
        out.push_str("\\z");
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    fn ok(p: &str) -> bool {
        compile(p, true, &Limits::DEFAULT).is_some()
    }

    fn matches(p: &str, s: &str) -> bool {
        compile(p, true, &Limits::DEFAULT).is_some_and(|r| r.is_match(s))
    }

    #[test]
    fn translation_shape() {
        assert_eq!(translate("a.b", true, 8).as_deref(), Some("\\A(?:a[^\\n\\r]b)\\z"));
        assert_eq!(translate("a|$", false, 8).as_deref(), Some("(?:a|\\z)"));
        assert_eq!(translate("a,-", false, 8).as_deref(), Some("(?:a\\x{2C}\\x{2D})"));
        assert_eq!(translate("[^a-c]", false, 8).as_deref(), Some("(?:[^a-c])"));
        assert_eq!(translate("\\p{Lu}{2,}", false, 8).as_deref(), Some("(?:\\p{Lu}{2,})"));
    }

    #[test]
    fn dot_excludes_line_breaks_only() {
        assert!(matches(".", "é"));
        assert!(matches(".", "\u{1F600}"));
        assert!(!matches(".", "\n"));
        assert!(!matches(".", "\r"));
        assert!(matches("a.c", "a\u{2028}c"));
    }

    #[test]
    fn metacharacters_outside_iregexp_are_literals_or_errors() {
        assert!(matches("^a$", "a"));
        assert!(!ok("^*a"));
        assert!(matches("\\^[$]", "^$"));
        assert!(!ok("\\$"));
        assert!(matches("[$^]+", "^$"));
        assert!(matches("a&&b", "a&&b"));
        assert!(matches("[&~]+", "&~&"));
        assert!(!ok("\\d"));
        assert!(!ok("\\w+"));
        assert!(!ok("(?:a)"));
        assert!(!ok("a**"));
        assert!(!ok("*a"));
        assert!(!ok("a{"));
        assert!(!ok("a{,3}"));
        assert!(!ok("a}"));
        assert!(!ok("[]"));
        assert!(!ok("[a-b-c]"));
        assert!(!ok("[[a]]"));
        assert!(!ok("(a"));
        assert!(!ok("a)"));
        assert!(!ok("\\p{Cs}"));
        assert!(!ok("\\p{Lx}"));
    }

    #[test]
    fn classes() {
        assert!(matches("[-a]+", "-a-"));
        assert!(matches("[a-]+", "-a-"));
        assert!(matches("[\\]\\[]+", "[]"));
        assert!(matches("[^\\n]", "x"));
        assert!(matches("[\\p{Nd}x]+", "1x٣"));
        assert!(matches("\\P{L}", "1"));
        assert!(matches("\\p{Cn}", "\u{378}"));
        assert!(!matches("[b-a]", "a"));
    }

    #[test]
    fn quantifiers_and_groups() {
        assert!(matches("(ab){2}", "abab"));
        assert!(matches("a{1,2}b?", "aa"));
        assert!(matches("(a|)+", ""));
        assert!(!matches("(ab){2}", "ab"));
    }

    #[test]
    fn the_grammar_is_checked_before_the_regex_compiler_sees_it() {
        // Refused by the I-Regexp grammar itself, not left to the compiler's own syntax.
        for bad in ["a{,3}", "a{1,2,3}", "a{}", "a{,}", "[]", "[]a]", "\\p{Lx}", "\\p{Zz}", "\\q"] {
            assert_eq!(translate(bad, false, 8), None, "{bad}");
        }
        assert_eq!(translate("a{2,}", false, 8).as_deref(), Some("(?:a{2,})"));
        for (class, text) in [("M", "\u{301}"), ("P", "!"), ("Z", " "), ("S", "+"), ("Mn", "\u{301}"), ("Zs", " ")] {
            assert!(matches(&format!("\\p{{{class}}}"), text), "{class}");
        }
        assert!(matches("a\\tb\\r\\n", "a\tb\r\n"));
        assert!(!matches("\\t", "t"));
        assert!(!matches("\\r", "r"));
    }

    #[test]
    fn groups_may_nest_exactly_max_depth_deep() {
        let nested = |n: usize| "(".repeat(n) + "a" + &")".repeat(n);
        assert!(translate(&nested(8), false, 8).is_some());
        assert_eq!(translate(&nested(9), false, 8), None);
        assert_eq!(translate(&nested(10), false, 8), None);
        assert!(translate(&"(a)".repeat(20), false, 1).is_some());
    }

    #[test]
    fn hostile_patterns_are_bounded() {
        let deep = "(".repeat(300) + &")".repeat(300);
        assert!(!ok(&deep));
        assert!(!ok("a{4294967296}"));
        assert!(!ok("(\\p{L}{1000}){1000}"));
    }
}
