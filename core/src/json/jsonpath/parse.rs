//! Recursive-descent parser for RFC 9535 queries, with the well-typedness rules of section
//! 2.4.3 applied as the tree is built. Recursion follows the nesting of brackets, parentheses and
//! function calls, each level counted against the depth limit.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use super::ast::{CmpOp, Comparable, FilterQuery, Logical, RegexFn, Segment, Selector, ValueFn};
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

    /// `jsonpath-query = root-identifier segments`, and nothing after it.
    pub(crate) fn query(&mut self) -> Result<Vec<Segment>> {
        self.expect(b'$', "query must start with $")?;
        let segments = self.segments()?;
        if self.pos != self.src.len() {
            return Err(self.err("unexpected character"));
        }
        Ok(segments)
    }

    /// `segments = *(S segment)`; blanks that are not followed by a segment are left unread.
    fn segments(&mut self) -> Result<Vec<Segment>> {
        let mut out = Vec::new();
        loop {
            let save = self.pos;
            self.skip_blanks();
            match self.peek() {
                Some(b'[') => out.push(Segment::Child(self.bracketed()?)),
                Some(b'.') => {
                    self.pos = self.pos.saturating_add(1);
                    if self.eat(b'.') {
                        let sels = if self.peek() == Some(b'[') {
                            self.bracketed()?
                        } else {
                            alloc::vec![self.dot_selector()?]
                        };
                        out.push(Segment::Descendant(sels));
                    } else {
                        out.push(Segment::Child(alloc::vec![self.dot_selector()?]));
                    }
                }
                _ => {
                    self.pos = save;
                    return Ok(out);
                }
            }
        }
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

    /// `bracketed-selection = "[" S selector *(S "," S selector) S "]"`.
    fn bracketed(&mut self) -> Result<Vec<Selector>> {
        self.enter()?;
        self.expect(b'[', "expected [")?;
        let mut sels = Vec::new();
        loop {
            self.skip_blanks();
            sels.push(self.selector()?);
            self.skip_blanks();
            if self.eat(b']') {
                break;
            }
            self.expect(b',', "expected , or ] in a bracketed selection")?;
        }
        self.leave();
        Ok(sels)
    }

    fn selector(&mut self) -> Result<Selector> {
        match self.peek() {
            Some(q @ (b'\'' | b'"')) => Ok(Selector::Name(self.string(q)?)),
            Some(b'*') => {
                self.pos = self.pos.saturating_add(1);
                Ok(Selector::Wildcard)
            }
            Some(b'?') => {
                self.pos = self.pos.saturating_add(1);
                self.skip_blanks();
                Ok(Selector::Filter(self.logical()?))
            }
            Some(b'-' | b'0'..=b'9' | b':') => self.index_or_slice(),
            _ => Err(self.err("expected a selector")),
        }
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

    /// A whole `logical-expr`, which must be usable as a test or comparison.
    fn logical(&mut self) -> Result<Logical> {
        let parsed = self.or_expr()?;
        self.to_logical(parsed)
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

    fn or_expr(&mut self) -> Result<Parsed> {
        let first = self.and_expr()?;
        let mut items: Vec<Logical> = Vec::new();
        loop {
            let save = self.pos;
            self.skip_blanks();
            if !self.starts_with("||") {
                self.pos = save;
                break;
            }
            self.pos = self.pos.saturating_add(2);
            self.skip_blanks();
            let next = self.and_expr()?;
            items.push(self.to_logical(next)?);
        }
        if items.is_empty() {
            return Ok(first);
        }
        items.insert(0, self.to_logical(first)?);
        Ok(Parsed::Logical(Logical::Or(items)))
    }

    fn and_expr(&mut self) -> Result<Parsed> {
        let first = self.basic_expr()?;
        let mut items: Vec<Logical> = Vec::new();
        loop {
            let save = self.pos;
            self.skip_blanks();
            if !self.starts_with("&&") {
                self.pos = save;
                break;
            }
            self.pos = self.pos.saturating_add(2);
            self.skip_blanks();
            let next = self.basic_expr()?;
            items.push(self.to_logical(next)?);
        }
        if items.is_empty() {
            return Ok(first);
        }
        items.insert(0, self.to_logical(first)?);
        Ok(Parsed::Logical(Logical::And(items)))
    }

    /// `basic-expr = paren-expr / comparison-expr / test-expr`, or a bare operand.
    fn basic_expr(&mut self) -> Result<Parsed> {
        if self.eat(b'!') {
            self.skip_blanks();
            let inner = if self.peek() == Some(b'(') {
                self.paren()?
            } else {
                match self.operand()? {
                    p @ (Parsed::Query(_) | Parsed::RegexFn(_) | Parsed::ValueFn(_)) => self.to_logical(p)?,
                    _ => return Err(self.err("! must be followed by a test or parentheses")),
                }
            };
            return Ok(Parsed::Logical(Logical::Not(Box::new(inner))));
        }
        if self.peek() == Some(b'(') {
            return Ok(Parsed::Logical(self.paren()?));
        }
        let left = self.operand()?;
        let save = self.pos;
        self.skip_blanks();
        let Some(op) = self.comparison_op() else {
            self.pos = save;
            return Ok(left);
        };
        self.skip_blanks();
        let right = self.operand()?;
        let left = self.to_comparable(left)?;
        let right = self.to_comparable(right)?;
        Ok(Parsed::Logical(Logical::Compare(Box::new(left), op, Box::new(right))))
    }

    fn paren(&mut self) -> Result<Logical> {
        self.enter()?;
        self.expect(b'(', "expected (")?;
        self.skip_blanks();
        let inner = self.logical()?;
        self.skip_blanks();
        self.expect(b')', "expected )")?;
        self.leave();
        Ok(inner)
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

    /// A literal, a query or a function call.
    fn operand(&mut self) -> Result<Parsed> {
        match self.peek() {
            Some(b'@') => {
                self.pos = self.pos.saturating_add(1);
                Ok(Parsed::Query(FilterQuery::new(true, self.segments()?)))
            }
            Some(b'$') => {
                self.pos = self.pos.saturating_add(1);
                Ok(Parsed::Query(FilterQuery::new(false, self.segments()?)))
            }
            Some(q @ (b'\'' | b'"')) => Ok(Parsed::Literal(Value::String(self.string(q)?))),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'a'..=b'z') => {
                let start = self.pos;
                while let Some(b'a'..=b'z' | b'0'..=b'9' | b'_') = self.peek() {
                    self.pos = self.pos.saturating_add(1);
                }
                let name = self.src.get(start..self.pos).unwrap_or("");
                if self.peek() == Some(b'(') {
                    return self.function(name);
                }
                match name {
                    "true" => Ok(Parsed::Literal(Value::Bool(true))),
                    "false" => Ok(Parsed::Literal(Value::Bool(false))),
                    "null" => Ok(Parsed::Literal(Value::Null)),
                    _ => Err(self.err("unknown literal")),
                }
            }
            _ => Err(self.err("expected a query, literal or function")),
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

    /// `function-expr`, after its name; arguments are checked against the declared types.
    fn function(&mut self, name: &str) -> Result<Parsed> {
        self.enter()?;
        self.expect(b'(', "expected (")?;
        let mut args = Vec::new();
        self.skip_blanks();
        loop {
            args.push(self.or_expr()?);
            self.skip_blanks();
            if self.eat(b')') {
                break;
            }
            self.expect(b',', "expected , or ) after a function argument")?;
            self.skip_blanks();
        }
        self.leave();
        self.typed_function(name, args)
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
    use alloc::format;

    fn parse(q: &str) -> Result<Vec<Segment>> {
        Parser::new(q, &Limits::DEFAULT).query()
    }

    fn code(q: &str) -> ErrorCode {
        parse(q).unwrap_err().code()
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
}
