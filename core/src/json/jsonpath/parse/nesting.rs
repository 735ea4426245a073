//! The nesting of a query (bracketed selections, filters, parentheses, function calls, queries
//! inside filters) parsed with an explicit stack on the heap instead of recursion, so that the
//! parser's stack use does not grow with the query's nesting: a filter nested to `max_depth`
//! costs the same few hundred bytes of stack as `$.a`.
//!
//! The grammar is RFC 9535's; each `Frame` is one construct whose end is still to come, and each
//! [`Next`] step is what the recursive-descent parser would have done next. Errors, their
//! offsets and their order are the ones recursion gave: the depth is counted at the same three
//! places (a bracketed selection, a parenthesis, a function call), and a sub-expression's type
//! is checked at the same moment.

use alloc::boxed::Box;
use alloc::vec;
use alloc::vec::Vec;

use super::{Parsed, Parser};
use crate::error::Result;
use crate::json::jsonpath::ast::{CmpOp, FilterQuery, Logical, Segment, Selector};
use crate::json::Value;

/// A construct whose end has not been read yet. Parsed operands are boxed to keep the frame
/// small: a query nested to the depth limit holds about six frames per level.
enum Frame<'a> {
    /// A query's segments: the top-level query (`None`) or a filter query (`Some(relative)`).
    Segments { relative: Option<bool>, segments: Vec<Segment> },
    /// A bracketed selection (`descendant` after `..`).
    Bracket { descendant: bool, selectors: Vec<Selector> },
    /// A filter selector waiting for its logical expression.
    Filter,
    /// `logical-or-expr`: its first operand is kept as parsed until the expression ends, since
    /// only an expression with `||` requires it to be a test.
    Or { first: Option<Box<Parsed>>, items: Vec<Logical> },
    /// `logical-and-expr`, likewise.
    And { first: Option<Box<Parsed>>, items: Vec<Logical> },
    /// A basic expression that began with an operand: a comparison may follow.
    Operand,
    /// A comparison waiting for its right operand.
    Compare { left: Box<Parsed>, op: CmpOp },
    /// `!` before an operand, which must be a test.
    NotOperand,
    /// `!` before a parenthesized expression.
    NotParen,
    /// `(` ... `)`.
    Paren,
    /// A function call's arguments.
    Function { name: &'a str, args: Vec<Parsed> },
}

/// The next step of the parse.
enum Next {
    /// Read segments into the top `Segments` frame.
    Segments,
    /// Read a selector of the top `Bracket` frame.
    Selector,
    /// Read a basic expression.
    Basic,
    /// Read an operand (a literal, a query or a function call).
    Operand,
    /// An operand was read.
    OperandDone(Parsed),
    /// A basic expression was read.
    BasicDone(Parsed),
    /// A `logical-and-expr` was read.
    AndDone(Parsed),
    /// A `logical-or-expr` was read.
    OrDone(Parsed),
    /// A selector was read.
    SelectorDone(Selector),
}

impl<'a> Parser<'a> {
    /// `jsonpath-query = root-identifier segments`, and nothing after it.
    pub(crate) fn query(&mut self) -> Result<Vec<Segment>> {
        self.expect(b'$', "query must start with $")?;
        let mut stack = vec![Frame::Segments { relative: None, segments: Vec::new() }];
        let mut next = Next::Segments;
        loop {
            next = match next {
                Next::Segments => match self.segment(&mut stack)? {
                    Some(next) => next,
                    None => match stack.pop() {
                        Some(Frame::Segments { relative: None, segments }) => {
                            if self.pos != self.src.len() {
                                return Err(self.err("unexpected character"));
                            }
                            return Ok(segments);
                        }
                        Some(Frame::Segments { relative: Some(relative), segments }) => {
                            Next::OperandDone(Parsed::Query(FilterQuery::new(relative, segments)))
                        }
                        _ => return Err(self.err("internal: segments out of place")),
                    },
                },
                Next::Selector => self.selector(&mut stack)?,
                Next::Basic => self.basic(&mut stack)?,
                Next::Operand => self.operand(&mut stack)?,
                Next::OperandDone(parsed) => self.operand_done(&mut stack, parsed)?,
                Next::BasicDone(parsed) => self.basic_done(&mut stack, parsed)?,
                Next::AndDone(parsed) => self.and_done(&mut stack, parsed)?,
                Next::OrDone(parsed) => self.or_done(&mut stack, parsed)?,
                Next::SelectorDone(selector) => self.selector_done(&mut stack, selector)?,
            };
        }
    }

    /// Opens a `logical-expr`.
    fn open_expression(stack: &mut Vec<Frame<'a>>) -> Next {
        stack.push(Frame::Or { first: None, items: Vec::new() });
        stack.push(Frame::And { first: None, items: Vec::new() });
        Next::Basic
    }

    /// Opens a bracketed selection after `enter` and the `[`.
    fn open_bracket(&mut self, stack: &mut Vec<Frame<'a>>, descendant: bool) -> Result<Next> {
        self.enter()?;
        self.expect(b'[', "expected [")?;
        stack.push(Frame::Bracket { descendant, selectors: Vec::new() });
        Ok(Next::Selector)
    }

    /// `S segment`: a dot segment is read whole; a bracketed one is opened. `None` when no
    /// segment follows (the blanks before it are left unread).
    fn segment(&mut self, stack: &mut Vec<Frame<'a>>) -> Result<Option<Next>> {
        loop {
            let save = self.pos;
            self.skip_blanks();
            let segment = match self.peek() {
                Some(b'[') => return self.open_bracket(stack, false).map(Some),
                Some(b'.') => {
                    self.pos = self.pos.saturating_add(1);
                    if self.eat(b'.') {
                        if self.peek() == Some(b'[') {
                            return self.open_bracket(stack, true).map(Some);
                        }
                        Segment::Descendant(vec![self.dot_selector()?])
                    } else {
                        Segment::Child(vec![self.dot_selector()?])
                    }
                }
                _ => {
                    self.pos = save;
                    return Ok(None);
                }
            };
            match stack.last_mut() {
                Some(Frame::Segments { segments, .. }) => segments.push(segment),
                _ => return Err(self.err("internal: segment out of place")),
            }
        }
    }

    /// One selector of a bracketed selection.
    fn selector(&mut self, stack: &mut Vec<Frame<'a>>) -> Result<Next> {
        self.skip_blanks();
        Ok(match self.peek() {
            Some(q @ (b'\'' | b'"')) => Next::SelectorDone(Selector::Name(self.string(q)?)),
            Some(b'*') => {
                self.pos = self.pos.saturating_add(1);
                Next::SelectorDone(Selector::Wildcard)
            }
            Some(b'?') => {
                self.pos = self.pos.saturating_add(1);
                self.skip_blanks();
                stack.push(Frame::Filter);
                Self::open_expression(stack)
            }
            Some(b'-' | b'0'..=b'9' | b':') => Next::SelectorDone(self.index_or_slice()?),
            _ => return Err(self.err("expected a selector")),
        })
    }

    /// After a selector: `,` and the next one, or `]` closing the segment.
    fn selector_done(&mut self, stack: &mut Vec<Frame<'a>>, selector: Selector) -> Result<Next> {
        let Some(Frame::Bracket { selectors, .. }) = stack.last_mut() else {
            return Err(self.err("internal: selector out of place"));
        };
        selectors.push(selector);
        self.skip_blanks();
        if !self.eat(b']') {
            self.expect(b',', "expected , or ] in a bracketed selection")?;
            return Ok(Next::Selector);
        }
        self.leave();
        let segment = match stack.pop() {
            Some(Frame::Bracket { descendant: true, selectors }) => Segment::Descendant(selectors),
            Some(Frame::Bracket { descendant: false, selectors }) => Segment::Child(selectors),
            _ => return Err(self.err("internal: selector out of place")),
        };
        match stack.last_mut() {
            Some(Frame::Segments { segments, .. }) => segments.push(segment),
            _ => return Err(self.err("internal: segment out of place")),
        }
        Ok(Next::Segments)
    }

    /// `basic-expr = paren-expr / comparison-expr / test-expr`, or a bare operand.
    fn basic(&mut self, stack: &mut Vec<Frame<'a>>) -> Result<Next> {
        let negated = self.eat(b'!');
        if negated {
            self.skip_blanks();
        }
        if self.peek() == Some(b'(') {
            stack.push(if negated { Frame::NotParen } else { Frame::Paren });
            if negated {
                stack.push(Frame::Paren);
            }
            self.enter()?;
            self.expect(b'(', "expected (")?;
            self.skip_blanks();
            return Ok(Self::open_expression(stack));
        }
        stack.push(if negated { Frame::NotOperand } else { Frame::Operand });
        Ok(Next::Operand)
    }

    /// A literal is read whole; a query or a function call is opened.
    fn operand(&mut self, stack: &mut Vec<Frame<'a>>) -> Result<Next> {
        match self.peek() {
            Some(root @ (b'@' | b'$')) => {
                self.pos = self.pos.saturating_add(1);
                stack.push(Frame::Segments { relative: Some(root == b'@'), segments: Vec::new() });
                Ok(Next::Segments)
            }
            Some(q @ (b'\'' | b'"')) => Ok(Next::OperandDone(Parsed::Literal(Value::String(self.string(q)?)))),
            Some(b'-' | b'0'..=b'9') => Ok(Next::OperandDone(self.number()?)),
            Some(b'a'..=b'z') => {
                let start = self.pos;
                while let Some(b'a'..=b'z' | b'0'..=b'9' | b'_') = self.peek() {
                    self.pos = self.pos.saturating_add(1);
                }
                let name = self.src.get(start..self.pos).unwrap_or("");
                if self.peek() == Some(b'(') {
                    self.enter()?;
                    self.expect(b'(', "expected (")?;
                    self.skip_blanks();
                    stack.push(Frame::Function { name, args: Vec::new() });
                    return Ok(Self::open_expression(stack));
                }
                let literal = match name {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    "null" => Value::Null,
                    _ => return Err(self.err("unknown literal")),
                };
                Ok(Next::OperandDone(Parsed::Literal(literal)))
            }
            _ => Err(self.err("expected a query, literal or function")),
        }
    }

    /// An operand ends a test, a `!` test, a comparison's right side, or begins a comparison.
    fn operand_done(&mut self, stack: &mut Vec<Frame<'a>>, parsed: Parsed) -> Result<Next> {
        match stack.pop() {
            Some(Frame::Operand) => {
                let save = self.pos;
                self.skip_blanks();
                let Some(op) = self.comparison_op() else {
                    self.pos = save;
                    return Ok(Next::BasicDone(parsed));
                };
                self.skip_blanks();
                stack.push(Frame::Compare { left: Box::new(parsed), op });
                Ok(Next::Operand)
            }
            Some(Frame::Compare { left, op }) => {
                let left = self.to_comparable(*left)?;
                let right = self.to_comparable(parsed)?;
                Ok(Next::BasicDone(Parsed::Logical(Logical::Compare(Box::new(left), op, Box::new(right)))))
            }
            Some(Frame::NotOperand) => match parsed {
                p @ (Parsed::Query(_) | Parsed::RegexFn(_) | Parsed::ValueFn(_)) => {
                    Ok(Next::BasicDone(Parsed::Logical(Logical::Not(Box::new(self.to_logical(p)?)))))
                }
                _ => Err(self.err("! must be followed by a test or parentheses")),
            },
            _ => Err(self.err("internal: operand out of place")),
        }
    }

    /// After a basic expression: `&&` and the next one, or the end of the `logical-and-expr`.
    fn basic_done(&mut self, stack: &mut Vec<Frame<'a>>, parsed: Parsed) -> Result<Next> {
        let Some(Frame::And { first, items }) = stack.last_mut() else {
            return Err(self.err("internal: expression out of place"));
        };
        if first.is_none() {
            *first = Some(Box::new(parsed));
        } else {
            items.push(self.to_logical(parsed)?);
        }
        if self.continues_with("&&") {
            return Ok(Next::Basic);
        }
        let Some(Frame::And { first: Some(first), items }) = stack.pop() else {
            return Err(self.err("internal: expression out of place"));
        };
        Ok(Next::AndDone(self.join(*first, items, Logical::And)?))
    }

    /// After a `logical-and-expr`: `||` and the next one, or the end of the `logical-or-expr`.
    fn and_done(&mut self, stack: &mut Vec<Frame<'a>>, parsed: Parsed) -> Result<Next> {
        let Some(Frame::Or { first, items }) = stack.last_mut() else {
            return Err(self.err("internal: expression out of place"));
        };
        if first.is_none() {
            *first = Some(Box::new(parsed));
        } else {
            items.push(self.to_logical(parsed)?);
        }
        if self.continues_with("||") {
            stack.push(Frame::And { first: None, items: Vec::new() });
            return Ok(Next::Basic);
        }
        let Some(Frame::Or { first: Some(first), items }) = stack.pop() else {
            return Err(self.err("internal: expression out of place"));
        };
        Ok(Next::OrDone(self.join(*first, items, Logical::Or)?))
    }

    /// A whole `logical-or-expr` ends a filter, a parenthesis or a function argument.
    fn or_done(&mut self, stack: &mut Vec<Frame<'a>>, parsed: Parsed) -> Result<Next> {
        match stack.pop() {
            Some(Frame::Filter) => Ok(Next::SelectorDone(Selector::Filter(self.to_logical(parsed)?))),
            Some(Frame::Paren) => {
                let inner = self.to_logical(parsed)?;
                self.skip_blanks();
                self.expect(b')', "expected )")?;
                self.leave();
                if matches!(stack.last(), Some(Frame::NotParen)) {
                    stack.pop();
                    return Ok(Next::BasicDone(Parsed::Logical(Logical::Not(Box::new(inner)))));
                }
                Ok(Next::BasicDone(Parsed::Logical(inner)))
            }
            Some(Frame::Function { name, mut args }) => {
                args.push(parsed);
                self.skip_blanks();
                if self.eat(b')') {
                    self.leave();
                    return Ok(Next::OperandDone(self.typed_function(name, args)?));
                }
                self.expect(b',', "expected , or ) after a function argument")?;
                self.skip_blanks();
                stack.push(Frame::Function { name, args });
                Ok(Self::open_expression(stack))
            }
            _ => Err(self.err("internal: expression out of place")),
        }
    }

    /// Reads `op` and the blanks around it when it comes next; otherwise reads nothing.
    fn continues_with(&mut self, op: &str) -> bool {
        let save = self.pos;
        self.skip_blanks();
        if !self.starts_with(op) {
            self.pos = save;
            return false;
        }
        self.pos = self.pos.saturating_add(op.len());
        self.skip_blanks();
        true
    }

    /// `first` alone, or `first` and `items` joined by `||` / `&&` (each then a test).
    fn join(&self, first: Parsed, mut items: Vec<Logical>, make: fn(Vec<Logical>) -> Logical) -> Result<Parsed> {
        if items.is_empty() {
            return Ok(first);
        }
        items.insert(0, self.to_logical(first)?);
        Ok(Parsed::Logical(make(items)))
    }
}
