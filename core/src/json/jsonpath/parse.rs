//! Parser for RFC 9535 queries, with the well-typedness rules of section 2.4.3 applied as the
//! tree is built. This file holds the tokens (names, strings, integers, numbers, operators) and
//! the typing rules; `nesting` reads the nested constructs with an explicit stack, each level of
//! brackets, parentheses and function calls counted against the depth limit.

mod nesting;

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use super::ast::{CmpOp, Comparable, FilterQuery, Logical, RegexFn, Selector, ValueFn};
use super::iregexp;
use crate::error::{Error, ErrorCode, Result};
use crate::json::{Number, Value};
use crate::limits::Limits;

/// Largest magnitude of an index, slice bound or step: 2^53 − 1 (I-JSON's exact integer range).
const MAX_INT: i64 = (1 << 53) - 1;

/// What a filter sub-expression turned out to be before its context decides how it is used:
/// a bare operand can be a function argument, a comparison side or (if it is a query or a
/// logical function) a test.
enum Parsed {
    Logical(Logical),
    Literal(Value),
    Query(FilterQuery),
    ValueFn(ValueFn),
    RegexFn(Box<RegexFn>),
}

pub(crate) struct Parser<'a> {
    src: &'a str,
    pos: usize,
    depth: usize,
    limits: &'a Limits,
}

fn is_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn is_name_first(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || !c.is_ascii()
}

impl<'a> Parser<'a> {
    pub(crate) fn new(src: &'a str, limits: &'a Limits) -> Self {
        Parser { src, pos: 0, depth: 0, limits }
    }

    fn err(&self, detail: &'static str) -> Error {
        Error::new(ErrorCode::InvalidJsonPath, detail).at_offset(self.pos)
    }

    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    fn peek_char(&self) -> Option<char> {
        self.src.get(self.pos..).and_then(|s| s.chars().next())
    }

    fn bump(&mut self) {
        if let Some(c) = self.peek_char() {
            self.pos = self.pos.saturating_add(c.len_utf8());
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.pos = self.pos.saturating_add(1);
            true
        } else {
            false
        }
    }

    fn expect(&mut self, b: u8, detail: &'static str) -> Result<()> {
        if self.eat(b) {
            Ok(())
        } else {
            Err(self.err(detail))
        }
    }

    fn starts_with(&self, s: &str) -> bool {
        self.src.get(self.pos..).is_some_and(|r| r.starts_with(s))
    }

    fn skip_blanks(&mut self) {
        while self.peek().is_some_and(is_blank) {
            self.pos = self.pos.saturating_add(1);
        }
    }

    fn enter(&mut self) -> Result<()> {
        self.depth = self.depth.saturating_add(1);
        if self.depth > self.limits.depth() {
            return Err(Error::new(ErrorCode::NestingTooDeep, "query nested too deeply").at_offset(self.pos));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// After `.` or `..`: `*` or a member-name shorthand.
    fn dot_selector(&mut self) -> Result<Selector> {
        if self.eat(b'*') {
            return Ok(Selector::Wildcard);
        }
        match self.peek_char() {
            Some(c) if is_name_first(c) => {}
            _ => return Err(self.err("expected a member name or * after the dot")),
        }
        let start = self.pos;
        while let Some(c) = self.peek_char() {
            if !(is_name_first(c) || c.is_ascii_digit()) {
                break;
            }
            self.bump();
        }
        Ok(Selector::Name(String::from(self.src.get(start..self.pos).unwrap_or(""))))
    }

    fn at_int(&self) -> bool {
        matches!(self.peek(), Some(b'-' | b'0'..=b'9'))
    }

    fn index_or_slice(&mut self) -> Result<Selector> {
        let start = if self.at_int() { Some(self.int()?) } else { None };
        let save = self.pos;
        self.skip_blanks();
        if !self.eat(b':') {
            self.pos = save;
            return start.map(Selector::Index).ok_or_else(|| self.err("expected an index"));
        }
        self.skip_blanks();
        let end = if self.at_int() { Some(self.int()?) } else { None };
        self.skip_blanks();
        let step = if self.eat(b':') {
            self.skip_blanks();
            if self.at_int() {
                Some(self.int()?)
            } else {
                None
            }
        } else {
            None
        };
        Ok(Selector::Slice { start, end, step })
    }

    /// `int = "0" / (["-"] DIGIT1 *DIGIT)` within ±(2^53 − 1).
    fn int(&mut self) -> Result<i64> {
        let negative = self.eat(b'-');
        let first = self.pos;
        let mut value: i64 = 0;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            value = value.saturating_mul(10).saturating_add(i64::from(d.wrapping_sub(b'0')));
            self.pos = self.pos.saturating_add(1);
        }
        let len = self.pos.saturating_sub(first);
        if len == 0 {
            return Err(self.err("expected digits"));
        }
        if self.src.as_bytes().get(first) == Some(&b'0') && (len > 1 || negative) {
            return Err(self.err("integer with a leading zero or -0"));
        }
        if value > MAX_INT {
            return Err(self.err("integer out of range"));
        }
        Ok(if negative { -value } else { value })
    }

    /// A string literal in `quote` quotes, unescaped.
    fn string(&mut self, quote: u8) -> Result<String> {
        self.pos = self.pos.saturating_add(1);
        let mut out = String::new();
        loop {
            let Some(c) = self.peek_char() else {
                return Err(self.err("unterminated string"));
            };
            self.bump();
            match c {
                '\\' => {
                    let Some(e) = self.peek_char() else {
                        return Err(self.err("unterminated string"));
                    };
                    self.bump();
                    out.push(match e {
                        'b' => '\u{8}',
                        'f' => '\u{c}',
                        'n' => '\n',
                        'r' => '\r',
                        't' => '\t',
                        '/' => '/',
                        '\\' => '\\',
                        '"' if quote == b'"' => '"',
                        '\'' if quote == b'\'' => '\'',
                        'u' => self.unicode_escape()?,
                        _ => return Err(self.err("invalid escape in string")),
                    });
                }
                c if u32::from(c) == u32::from(quote) => return Ok(out),
                c if c < ' ' => return Err(self.err("control character in string")),
                c => out.push(c),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32> {
        let digits = self.src.get(self.pos..self.pos.saturating_add(4)).ok_or_else(|| self.err("short \\u escape"))?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.err("invalid \\u escape"));
        }
        let v = u32::from_str_radix(digits, 16).map_err(|_| self.err("invalid \\u escape"))?;
        self.pos = self.pos.saturating_add(4);
        Ok(v)
    }

    /// After `\u`: one scalar value, a surrogate pair written as two escapes.
    fn unicode_escape(&mut self) -> Result<char> {
        let hi = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&hi) {
            if !self.starts_with("\\u") {
                return Err(self.err("lone surrogate in string"));
            }
            self.pos = self.pos.saturating_add(2);
            let lo = self.hex4()?;
            if !(0xDC00..0xE000).contains(&lo) {
                return Err(self.err("lone surrogate in string"));
            }
            0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
        } else {
            hi
        };
        char::from_u32(code).ok_or_else(|| self.err("lone surrogate in string"))
    }

    fn to_logical(&self, parsed: Parsed) -> Result<Logical> {
        match parsed {
            Parsed::Logical(l) => Ok(l),
            Parsed::Query(q) => Ok(Logical::Exists(q)),
            Parsed::RegexFn(f) => Ok(Logical::Regex(f)),
            Parsed::Literal(_) => Err(self.err("a literal is not a test")),
            Parsed::ValueFn(_) => Err(self.err("function result is not logical")),
        }
    }

    fn comparison_op(&mut self) -> Option<CmpOp> {
        let (op, len) = if self.starts_with("==") {
            (CmpOp::Eq, 2)
        } else if self.starts_with("!=") {
            (CmpOp::Ne, 2)
        } else if self.starts_with("<=") {
            (CmpOp::Le, 2)
        } else if self.starts_with(">=") {
            (CmpOp::Ge, 2)
        } else if self.starts_with("<") {
            (CmpOp::Lt, 1)
        } else if self.starts_with(">") {
            (CmpOp::Gt, 1)
        } else {
            return None;
        };
        self.pos = self.pos.saturating_add(len);
        Some(op)
    }

    /// A ValueType position: a literal, a singular query or a ValueType function.
    fn to_comparable(&self, parsed: Parsed) -> Result<Comparable> {
        match parsed {
            Parsed::Literal(v) => Ok(Comparable::Literal(v)),
            Parsed::Query(q) if q.singular => Ok(Comparable::Query(q)),
            Parsed::Query(_) => Err(self.err("query used as a value must be singular")),
            Parsed::ValueFn(f) => Ok(Comparable::Function(f)),
            Parsed::RegexFn(_) | Parsed::Logical(_) => Err(self.err("expected a value, found a logical expression")),
        }
    }

    /// `number = (int / "-0") [frac] [exp]`: the same text JSON accepts.
    fn number(&mut self) -> Result<Parsed> {
        let start = self.pos;
        while let Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') = self.peek() {
            self.pos = self.pos.saturating_add(1);
        }
        let text = self.src.get(start..self.pos).unwrap_or("");
        Number::new(text).map(|n| Parsed::Literal(Value::Number(n))).ok_or_else(|| self.err("invalid number literal"))
    }

    /// Checks a call's arguments against the function's declared parameter types. Kept out of
    /// the recursive path so its frame is not repeated once per nesting level.
    #[inline(never)]
    fn typed_function(&self, name: &str, args: Vec<Parsed>) -> Result<Parsed> {
        let mut args = args.into_iter();
        let (first, second, rest) = (args.next(), args.next(), args.next());
        let parsed = match (name, first, second, rest) {
            ("length", Some(a), None, None) => Parsed::ValueFn(ValueFn::Length(Box::new(self.to_comparable(a)?))),
            ("count", Some(a), None, None) => Parsed::ValueFn(ValueFn::Count(self.to_nodes(a)?)),
            ("value", Some(a), None, None) => Parsed::ValueFn(ValueFn::Value(self.to_nodes(a)?)),
            (f @ ("match" | "search"), Some(a), Some(b), None) => {
                let whole = f == "match";
                let pattern = self.to_comparable(b)?;
                let compiled = match &pattern {
                    Comparable::Literal(Value::String(p)) => Some(iregexp::compile(p, whole, self.limits)),
                    Comparable::Literal(_) => Some(None),
                    _ => None,
                };
                Parsed::RegexFn(Box::new(RegexFn { whole, subject: self.to_comparable(a)?, pattern, compiled }))
            }
            ("length" | "count" | "value" | "match" | "search", ..) => {
                return Err(self.err("wrong number of function arguments"))
            }
            _ => return Err(self.err("unknown function")),
        };
        Ok(parsed)
    }

    /// A NodesType position: any query.
    fn to_nodes(&self, parsed: Parsed) -> Result<FilterQuery> {
        match parsed {
            Parsed::Query(q) => Ok(q),
            _ => Err(self.err("function argument must be a query")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::jsonpath::ast::Segment;
    use alloc::format;

    fn parse(q: &str) -> Result<Vec<Segment>> {
        Parser::new(q, &Limits::DEFAULT).query()
    }

    fn code(q: &str) -> ErrorCode {
        parse(q).unwrap_err().code()
    }

    #[test]
    fn function_faults_say_which() {
        for (q, detail) in [
            ("$[?length(@, @) == 1]", "wrong number of function arguments"),
            ("$[?count(@, @) == 1]", "wrong number of function arguments"),
            ("$[?match(@.a)]", "wrong number of function arguments"),
            ("$[?size(@) == 1]", "unknown function"),
        ] {
            let e = parse(q).unwrap_err();
            assert_eq!((e.code(), e.detail()), (ErrorCode::InvalidJsonPath, detail), "{q}");
        }
    }

    #[test]
    fn depth_counts_nesting_not_length() {
        let shallow = Limits { max_depth: 2, ..Limits::DEFAULT };
        let sequential = "$[0][1][2][3][?@.a][?@.b]['c'][*]";
        assert!(Parser::new(sequential, &shallow).query().is_ok());
        let nested = "$[?@[?@[0]]]";
        assert_eq!(Parser::new(nested, &shallow).query().unwrap_err().code(), ErrorCode::NestingTooDeep);
        assert!(Parser::new(nested, &Limits { max_depth: 3, ..Limits::DEFAULT }).query().is_ok());
    }

    #[test]
    fn integers() {
        for ok in ["$[0]", "$[-1]", "$[9007199254740991]", "$[-9007199254740991]", "$[1:2:3]", "$[::-1]", "$[:]"] {
            assert!(parse(ok).is_ok(), "{ok}");
        }
        for bad in
            ["$[01]", "$[-0]", "$[9007199254740992]", "$[-9007199254740992]", "$[1:-0]", "$[+1]", "$[- 1]", "$[1.0]"]
        {
            assert_eq!(code(bad), ErrorCode::InvalidJsonPath, "{bad}");
        }
    }

    #[test]
    fn names_and_strings() {
        let Ok(segs) = parse(r#"$['a\'b']["c\"d"]['\u00e9\ud83d\ude00'].é_1"#) else { panic!() };
        let names: Vec<&str> = segs
            .iter()
            .map(|s| match s {
                Segment::Child(v) => match v.as_slice() {
                    [Selector::Name(n)] => n.as_str(),
                    _ => "",
                },
                Segment::Descendant(_) => "",
            })
            .collect();
        assert_eq!(names, ["a'b", "c\"d", "é😀", "é_1"]);
        for bad in [r#"$["a\'"]"#, r#"$['a\"']"#, "$['\\ud83d']", "$['\\x41']", "$['a\u{1}']", "$.1a", "$.-a", "$['a'"]
        {
            assert_eq!(code(bad), ErrorCode::InvalidJsonPath, "{bad}");
        }
    }

    #[test]
    fn blanks() {
        for ok in ["$ .a", "$[ 'a' , 1 ]", "$[?@.a==1]", "$[? @.a == 1 ]", "$[?( @.a )]", "$[?! @.a]", "$ ..a"] {
            assert!(parse(ok).is_ok(), "{ok}");
        }
        for bad in [" $", "$ ", "$. a", "$.. a", "$[?length (@)==1]", "$[?@.a = =1]", "$..\n[0]"] {
            assert_eq!(code(bad), ErrorCode::InvalidJsonPath, "{bad}");
        }
    }

    #[test]
    fn well_typedness() {
        for ok in [
            "$[?@.a]",
            "$[?length(@.a) == 1]",
            "$[?count(@.*) > 1]",
            "$[?match(@.a, 'x.*')]",
            "$[?!search(@.a, $.p)]",
            "$[?value(@..a) == 1]",
            "$[?length(value(@..a)) == 1]",
            "$[?@.a == $.b[0]]",
        ] {
            assert!(parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "$[?length(@.a)]",
            "$[?count(@.*)]",
            "$[?@.* == 1]",
            "$[?@..a == 1]",
            "$[?length(@.*) == 1]",
            "$[?count(1) == 1]",
            "$[?match(@.a, 'x') == true]",
            "$[?1]",
            "$[?true]",
            "$[?foo(@.a)]",
            "$[?length(@.a, 1) == 1]",
            "$[?@.a == (1)]",
            "$[?!@.a == 1]",
            "$[?(@.a) == 1]",
            "$[?length(@.a == 1) == 1]",
        ] {
            assert_eq!(code(bad), ErrorCode::InvalidJsonPath, "{bad}");
        }
    }

    #[test]
    fn nesting_is_bounded() {
        let limits = Limits { max_depth: 8, ..Limits::DEFAULT };
        let deep = format!("$[?{}@.a{}]", "(".repeat(20), ")".repeat(20));
        let err = Parser::new(&deep, &limits).query().unwrap_err();
        assert_eq!(err.code(), ErrorCode::NestingTooDeep);
        let shallow = format!("$[?{}@.a{}]", "(".repeat(4), ")".repeat(4));
        assert!(Parser::new(&shallow, &limits).query().is_ok());
        let nested_filters = format!("$.a{}", "[?@".repeat(300) + &"]".repeat(300));
        assert_eq!(parse(&nested_filters).unwrap_err().code(), ErrorCode::NestingTooDeep);
    }

    /// Twenty unclosed nested filters (the `diff_jsonpath` campaign's input of 2026-12-05, over
    /// which `serde_json_path` backtracks for more than 30 s): one pass, refused as a syntax
    /// error at the end, not as a limit.
    #[test]
    fn unclosed_nested_filters_are_a_syntax_error() {
        let query = format!("${}", "[?@.TTr[?@.TT55555941T144405588".repeat(10));
        assert_eq!(code(&query), ErrorCode::InvalidJsonPath);
        assert_eq!(code(&format!("{query}!=5]")), ErrorCode::InvalidJsonPath);
    }

    /// Each nesting construct is counted once per level: a query reaching `max_depth` exactly
    /// parses and one more level is refused (the explicit stack must count as recursion did).
    #[test]
    fn every_construct_counts_one_level() {
        let limits = Limits::DEFAULT;
        let max = limits.depth();
        // The filter's own bracket is one level, so these wrap max - 1 levels inside it.
        let shapes: [fn(usize) -> String; 4] = [
            |d| format!("$[?{}@.a{}]", "(".repeat(d), ")".repeat(d)),
            |d| format!("$[?{}@.a{}]", "!(".repeat(d), ")".repeat(d)),
            |d| format!("$[?{}@.a{} == 1]", "length(".repeat(d), ")".repeat(d)),
            |d| format!("${}", "[?@".repeat(d + 1) + &"]".repeat(d + 1)),
        ];
        for (i, shape) in shapes.iter().enumerate() {
            assert!(Parser::new(&shape(max - 1), &limits).query().is_ok(), "shape {i} at the limit");
            let err = Parser::new(&shape(max), &limits).query().unwrap_err();
            assert_eq!(err.code(), ErrorCode::NestingTooDeep, "shape {i} past the limit");
        }
    }
}
