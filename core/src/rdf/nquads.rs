//! N-Quads (RDF 1.1): a strict parser and the canonical serializer RDFC-1.0 hashes and outputs.
//!
//! The parser follows the W3C grammar to the letter: absolute IRIs only, no relative or
//! bracket-less forms, no Turtle shorthand, blank-node labels as `BLANK_NODE_LABEL` defines
//! them, language tags as `LANGTAG`, escapes only where the grammar allows them. A `\u`/`\U`
//! escape inside an IRI may not encode a character the `IRIREF` production forbids (so every
//! parsed dataset serializes back to N-Quads that parse to the same dataset).
//!
//! The serializer writes the canonical form (RDF 1.1 N-Triples section 4 as RDFC-1.0 uses it):
//! single spaces between terms, ` .\n` after each quad, IRIs as they are, literals with `\b`
//! `\t` `\n` `\f` `\r` `\"` `\\` and `\uXXXX` (upper-case hex) for the other control characters,
//! and no `^^xsd:string`.

use alloc::string::String;
use alloc::vec::Vec;

use super::term::{Quad, Term};
use crate::error::{Error, ErrorCode, Result};
use crate::Limits;

/// `xsd:string`, the datatype of a literal written without `^^` or `@`.
pub const XSD_STRING: &str = "http://www.w3.org/2001/XMLSchema#string";
/// `rdf:langString`, the datatype of a literal with a language tag.
pub const RDF_LANG_STRING: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

fn invalid(detail: &'static str, at: usize) -> Error {
    Error::new(ErrorCode::InvalidNquads, detail).at_offset(at)
}

/// Parses an N-Quads document (RDF 1.1 N-Quads grammar) into its quads, in document order
/// (duplicates are kept; RDFC-1.0 removes them).
///
/// ```
/// use ssi_verify_core::rdf::{parse_nquads, Term};
/// use ssi_verify_core::{ErrorCode, Limits};
/// let quads = parse_nquads("_:b0 <urn:ex:p> \"x\"@en <urn:ex:g> .\n", &Limits::DEFAULT).unwrap();
/// assert_eq!(quads[0].subject, Term::Blank("b0".into()));
/// assert_eq!(quads[0].graph, Some(Term::Iri("urn:ex:g".into())));
/// let bad = parse_nquads("<relative> <urn:ex:p> <urn:ex:o> .", &Limits::DEFAULT);
/// assert_eq!(bad.unwrap_err().code(), ErrorCode::InvalidNquads);
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidNquads`] (located at the byte offset) for text outside the grammar;
/// [`ErrorCode::InputTooLarge`] past `Limits::max_input_bytes`; [`ErrorCode::TooManyItems`] past
/// `Limits::max_quads`; [`ErrorCode::StringTooLong`] for a term longer than
/// `Limits::max_string_bytes`.
pub fn parse_nquads(text: &str, limits: &Limits) -> Result<Vec<Quad>> {
    if text.len() > limits.max_input_bytes {
        return Err(Error::code_only(ErrorCode::InputTooLarge));
    }
    let mut p = Parser { s: text.as_bytes(), text, pos: 0, limits };
    let mut quads = Vec::new();
    loop {
        p.skip_ws_comments_eol();
        if p.pos >= p.s.len() {
            return Ok(quads);
        }
        if quads.len() >= limits.max_quads {
            return Err(Error::new(ErrorCode::TooManyItems, "more quads than Limits::max_quads"));
        }
        quads.push(p.statement()?);
    }
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    pos: usize,
    limits: &'a Limits,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    fn skip_comment(&mut self) {
        if self.peek() == Some(b'#') {
            while !matches!(self.peek(), None | Some(b'\n' | b'\r')) {
                self.pos += 1;
            }
        }
    }

    fn skip_ws_comments_eol(&mut self) {
        loop {
            self.skip_ws();
            self.skip_comment();
            if matches!(self.peek(), Some(b'\n' | b'\r')) {
                self.pos += 1;
            } else {
                return;
            }
        }
    }

    fn statement(&mut self) -> Result<Quad> {
        let subject = match self.peek() {
            Some(b'<') => self.iri()?,
            Some(b'_') => self.blank()?,
            _ => return Err(invalid("a subject is an IRI or a blank node", self.pos)),
        };
        self.skip_ws();
        let predicate = match self.peek() {
            Some(b'<') => self.iri()?,
            _ => return Err(invalid("a predicate is an IRI", self.pos)),
        };
        self.skip_ws();
        let object = match self.peek() {
            Some(b'<') => self.iri()?,
            Some(b'_') => self.blank()?,
            Some(b'"') => self.literal()?,
            _ => return Err(invalid("an object is an IRI, a blank node or a literal", self.pos)),
        };
        self.skip_ws();
        let graph = match self.peek() {
            Some(b'<') => Some(self.iri()?),
            Some(b'_') => Some(self.blank()?),
            _ => None,
        };
        self.skip_ws();
        if self.peek() != Some(b'.') {
            return Err(invalid("a statement ends with '.'", self.pos));
        }
        self.pos += 1;
        self.skip_ws();
        self.skip_comment();
        // A statement is followed by an end of line or the end of the document.
        if !matches!(self.peek(), None | Some(b'\n' | b'\r')) {
            return Err(invalid("a statement is followed by an end of line", self.pos));
        }
        Ok(Quad { subject, predicate, object, graph })
    }

    fn check_len(&self, s: &str, start: usize) -> Result<()> {
        if s.len() > self.limits.max_string_bytes {
            return Err(Error::code_only(ErrorCode::StringTooLong).at_offset(start));
        }
        Ok(())
    }

    /// The next char of the text (the text is UTF-8, so `pos` is always on a boundary here).
    fn next_char(&mut self) -> Option<char> {
        let c = self.text.get(self.pos..)?.chars().next()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn hex(&mut self, digits: usize) -> Result<char> {
        let start = self.pos;
        let mut v: u32 = 0;
        for _ in 0..digits {
            let d = match self.peek() {
                Some(c @ b'0'..=b'9') => c - b'0',
                Some(c @ b'a'..=b'f') => c - b'a' + 10,
                Some(c @ b'A'..=b'F') => c - b'A' + 10,
                _ => return Err(invalid("\\u and \\U take 4 and 8 hex digits", self.pos)),
            };
            v = (v << 4) | u32::from(d);
            self.pos += 1;
        }
        char::from_u32(v).ok_or_else(|| invalid("a \\u or \\U escape is not a Unicode scalar value", start))
    }

    /// `UCHAR`, after its backslash.
    fn uchar(&mut self) -> Result<char> {
        match self.peek() {
            Some(b'u') => {
                self.pos += 1;
                self.hex(4)
            }
            Some(b'U') => {
                self.pos += 1;
                self.hex(8)
            }
            _ => Err(invalid("only \\u and \\U escapes are allowed here", self.pos)),
        }
    }

    fn iri(&mut self) -> Result<Term> {
        let start = self.pos;
        self.pos += 1; // '<'
        let mut out = String::new();
        loop {
            let at = self.pos;
            let c = self.next_char().ok_or_else(|| invalid("an IRI is closed by '>'", start))?;
            match c {
                '>' => break,
                '\\' => {
                    let u = self.uchar()?;
                    if iri_forbidden(u) {
                        return Err(invalid("an escape in an IRI encodes a character IRIs cannot hold", at));
                    }
                    out.push(u);
                }
                c if iri_forbidden(c) => return Err(invalid("character not allowed in an IRI", at)),
                c => out.push(c),
            }
            if out.len() > self.limits.max_string_bytes {
                return Err(Error::code_only(ErrorCode::StringTooLong).at_offset(start));
            }
        }
        if !is_absolute_iri(&out) {
            return Err(invalid("IRIs in N-Quads are absolute (scheme ':' ...)", start));
        }
        Ok(Term::Iri(out))
    }

    fn blank(&mut self) -> Result<Term> {
        let start = self.pos;
        if self.s.get(self.pos..self.pos + 2) != Some(b"_:") {
            return Err(invalid("a blank node label starts with '_:'", start));
        }
        self.pos += 2;
        let first = self.next_char().ok_or_else(|| invalid("empty blank node label", start))?;
        if !(pn_chars_u(first) || first.is_ascii_digit()) {
            return Err(invalid("a blank node label starts with a letter, digit, '_' or ':'", start));
        }
        let label_start = self.pos - first.len_utf8();
        // Greedy over PN_CHARS | '.', then give back trailing dots: a label never ends with '.'
        // (so `_:b0.` is the label `b0` followed by the statement's '.').
        let mut end = self.pos;
        let mut last_non_dot = self.pos;
        while let Some(c) = self.text.get(end..).and_then(|t| t.chars().next()) {
            if c == '.' {
                end += 1;
            } else if pn_chars(c) {
                end += c.len_utf8();
                last_non_dot = end;
            } else {
                break;
            }
        }
        self.pos = last_non_dot;
        let label = self.text.get(label_start..last_non_dot).unwrap_or_default();
        self.check_len(label, start)?;
        Ok(Term::Blank(String::from(label)))
    }

    fn literal(&mut self) -> Result<Term> {
        let start = self.pos;
        self.pos += 1; // '"'
        let mut value = String::new();
        loop {
            let at = self.pos;
            let c = self.next_char().ok_or_else(|| invalid("a literal is closed by '\"'", start))?;
            match c {
                '"' => break,
                '\n' | '\r' => return Err(invalid("a literal cannot hold a raw line break", at)),
                '\\' => {
                    let e = match self.peek() {
                        Some(b't') => '\t',
                        Some(b'b') => '\u{8}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b'f') => '\u{c}',
                        Some(b'"') => '"',
                        Some(b'\'') => '\'',
                        Some(b'\\') => '\\',
                        _ => {
                            value.push(self.uchar()?);
                            continue;
                        }
                    };
                    self.pos += 1;
                    value.push(e);
                }
                c => value.push(c),
            }
            if value.len() > self.limits.max_string_bytes {
                return Err(Error::code_only(ErrorCode::StringTooLong).at_offset(start));
            }
        }
        match self.peek() {
            Some(b'@') => {
                let lang = self.langtag()?;
                Ok(Term::Literal { value, datatype: String::from(RDF_LANG_STRING), language: Some(lang) })
            }
            Some(b'^') => {
                if self.s.get(self.pos..self.pos + 2) != Some(b"^^") {
                    return Err(invalid("a datatype is introduced by '^^'", self.pos));
                }
                self.pos += 2;
                if self.peek() != Some(b'<') {
                    return Err(invalid("a datatype is an IRI", self.pos));
                }
                let at = self.pos;
                let Term::Iri(datatype) = self.iri()? else {
                    return Err(invalid("a datatype is an IRI", at));
                };
                if datatype == RDF_LANG_STRING {
                    return Err(invalid("rdf:langString needs a language tag, not '^^'", at));
                }
                Ok(Term::Literal { value, datatype, language: None })
            }
            _ => Ok(Term::Literal { value, datatype: String::from(XSD_STRING), language: None }),
        }
    }

    /// `LANGTAG ::= '@' [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*`
    fn langtag(&mut self) -> Result<String> {
        let start = self.pos;
        self.pos += 1; // '@'
        let body = self.pos;
        let mut subtag_len = 0usize;
        let mut first = true;
        loop {
            match self.peek() {
                Some(c) if c.is_ascii_alphabetic() || (!first && c.is_ascii_digit()) => subtag_len += 1,
                Some(b'-') if subtag_len > 0 => {
                    first = false;
                    subtag_len = 0;
                }
                _ => break,
            }
            self.pos += 1;
        }
        if subtag_len == 0 {
            return Err(invalid("a language tag is letters, then '-' and letters or digits", start));
        }
        let tag = self.text.get(body..self.pos).unwrap_or_default();
        self.check_len(tag, start)?;
        Ok(String::from(tag))
    }
}

/// Characters the `IRIREF` production excludes: controls, space, `<>"{}|^`\`.
fn iri_forbidden(c: char) -> bool {
    matches!(c, '\0'..=' ' | '<' | '>' | '"' | '{' | '}' | '|' | '^' | '`' | '\\')
}

/// `scheme ':'` with `scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )` (RFC 3986).
fn is_absolute_iri(iri: &str) -> bool {
    let Some((scheme, _)) = iri.split_once(':') else { return false };
    let mut bytes = scheme.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

fn pn_chars_base(c: char) -> bool {
    matches!(c,
        'A'..='Z' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

fn pn_chars_u(c: char) -> bool {
    pn_chars_base(c) || c == '_' || c == ':'
}

fn pn_chars(c: char) -> bool {
    pn_chars_u(c)
        || c == '-'
        || c.is_ascii_digit()
        || c == '\u{B7}'
        || ('\u{300}'..='\u{36F}').contains(&c)
        || ('\u{203F}'..='\u{2040}').contains(&c)
}

/// Appends the canonical N-Quads form of a term.
///
/// ```
/// use ssi_verify_core::rdf::{write_term, Term};
/// let mut s = String::new();
/// write_term(&Term::Literal { value: "a\"\u{7f}".into(), datatype: "urn:dt".into(), language: None }, &mut s);
/// assert_eq!(s, "\"a\\\"\\u007F\"^^<urn:dt>");
/// ```
pub fn write_term(term: &Term, out: &mut String) {
    match term {
        Term::Iri(iri) => {
            out.push('<');
            out.push_str(iri);
            out.push('>');
        }
        Term::Blank(label) => {
            out.push_str("_:");
            out.push_str(label);
        }
        Term::Literal { value, datatype, language } => {
            out.push('"');
            escape_literal(value, out);
            out.push('"');
            if let Some(lang) = language {
                out.push('@');
                out.push_str(lang);
            } else if datatype != XSD_STRING {
                out.push_str("^^<");
                out.push_str(datatype);
                out.push('>');
            }
        }
    }
}

fn escape_literal(value: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for c in value.chars() {
        match c {
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\0'..='\u{1f}' | '\u{7f}' => {
                let v = u32::from(c) as usize;
                out.push_str("\\u00");
                for nibble in [v >> 4, v & 0xf] {
                    out.push(char::from(HEX.get(nibble).copied().unwrap_or(b'0')));
                }
            }
            c => out.push(c),
        }
    }
}

/// Appends one quad in canonical N-Quads form, ending in ` .\n`.
///
/// ```
/// use ssi_verify_core::rdf::{write_quad, Quad, Term};
/// let q = Quad {
///     subject: Term::Blank("c14n0".into()),
///     predicate: Term::Iri("urn:ex:p".into()),
///     object: Term::Iri("urn:ex:o".into()),
///     graph: None,
/// };
/// let mut s = String::new();
/// write_quad(&q, &mut s);
/// assert_eq!(s, "_:c14n0 <urn:ex:p> <urn:ex:o> .\n");
/// ```
pub fn write_quad(quad: &Quad, out: &mut String) {
    write_term(&quad.subject, out);
    out.push(' ');
    write_term(&quad.predicate, out);
    out.push(' ');
    write_term(&quad.object, out);
    if let Some(g) = &quad.graph {
        out.push(' ');
        write_term(g, out);
    }
    out.push_str(" .\n");
}

/// The canonical N-Quads form of the quads, in the order given (one quad per line, each
/// ending in `\n`).
///
/// ```
/// use ssi_verify_core::rdf::{parse_nquads, to_nquads};
/// use ssi_verify_core::Limits;
/// let text = "<urn:ex:s>  <urn:ex:p> \"\\u0041\\t\"^^<http://www.w3.org/2001/XMLSchema#string>.";
/// let quads = parse_nquads(text, &Limits::DEFAULT).unwrap();
/// assert_eq!(to_nquads(&quads), "<urn:ex:s> <urn:ex:p> \"A\\t\" .\n");
/// ```
#[must_use]
pub fn to_nquads(quads: &[Quad]) -> String {
    let mut out = String::new();
    for q in quads {
        write_quad(q, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    fn parse(s: &str) -> Result<Vec<Quad>> {
        parse_nquads(s, &Limits::DEFAULT)
    }

    #[test]
    fn input_and_quad_bounds_are_inclusive() {
        let text = "<urn:s> <urn:p> \"1\" .\n<urn:s> <urn:p> \"2\" .\n";
        let with = |max_input_bytes: usize, max_quads: usize| {
            parse_nquads(text, &Limits { max_input_bytes, max_quads, ..Limits::DEFAULT }).map(|q| q.len())
        };
        assert_eq!(with(text.len(), 2).unwrap(), 2);
        assert_eq!(with(text.len() - 1, 2).unwrap_err().code(), ErrorCode::InputTooLarge);
        assert_eq!(with(text.len(), 1).unwrap_err().code(), ErrorCode::TooManyItems);
    }

    #[test]
    fn language_subtags_are_never_empty() {
        assert!(parse("<urn:s> <urn:p> \"v\"@en-GB-1996 .\n").is_ok());
        for tag in ["@-en", "@en--GB", "@en-", "@", "@1en"] {
            let text = format!("<urn:s> <urn:p> \"v\"{tag} .\n");
            assert_eq!(parse(&text).unwrap_err().code(), ErrorCode::InvalidNquads, "{tag}");
        }
    }

    #[test]
    fn blank_label_characters() {
        for label in
            ["a:b", "_a", ":a", "a_b", "a-1", "a\u{B7}b", "a\u{301}", "a\u{203F}b", "a\u{2040}", "1a", "\u{E9}t\u{E9}"]
        {
            let text = format!("_:{label} <urn:p> <urn:o> .\n");
            assert_eq!(parse(&text).unwrap()[0].subject, Term::Blank(label.into()), "{label}");
        }
        for label in ["-a", "\u{B7}a", "a\u{2041}b", "a!b"] {
            let text = format!("_:{label} <urn:p> <urn:o> .\n");
            assert_eq!(parse(&text).unwrap_err().code(), ErrorCode::InvalidNquads, "{label}");
        }
    }

    #[test]
    fn iris_have_an_rfc3986_scheme() {
        assert!(parse("<a1+-.b:x> <urn:p> <urn:o> .\n").is_ok());
        for iri in ["1urn:x", "ur!n:x", ":x", "urn"] {
            let text = format!("<{iri}> <urn:p> <urn:o> .\n");
            assert_eq!(parse(&text).unwrap_err().code(), ErrorCode::InvalidNquads, "{iri}");
        }
    }

    #[test]
    fn every_term_up_to_max_string_bytes() {
        // The label, the tag, the first IRI and the literal are the longest terms (the other IRIs are 5 bytes).
        for (text, len) in [
            ("_:abcdefghij <urn:p> <urn:o> .\n", 10),
            ("<urn:s> <urn:p> \"v\"@en-GB-oxendict .\n", 14),
            ("<urn:abcdefghijklmnop> <urn:p> <urn:o> .\n", 20),
            ("<urn:s> <urn:p> \"abcdefghijklmnopqrstuvwxyz\" .\n", 26),
        ] {
            let with = |max_string_bytes: usize| parse_nquads(text, &Limits { max_string_bytes, ..Limits::DEFAULT });
            assert!(with(len).is_ok(), "{text}");
            assert_eq!(with(len - 1).unwrap_err().code(), ErrorCode::StringTooLong, "{text}");
        }
    }

    #[test]
    fn round_trips_the_grammar() {
        let text = "# comment\n<urn:a> <urn:p> _:b.c . # trailing\r\n\r\n_:x <urn:p> \"v\"@en-US _:g .\n<urn:a> <urn:p> \"1\"^^<urn:int> <urn:g>.";
        let q = parse(text).unwrap();
        assert_eq!(q.len(), 3);
        assert_eq!(q[0].object, Term::Blank("b.c".into()));
        assert_eq!(
            to_nquads(&q),
            "<urn:a> <urn:p> _:b.c .\n_:x <urn:p> \"v\"@en-US _:g .\n<urn:a> <urn:p> \"1\"^^<urn:int> <urn:g> .\n"
        );
        assert_eq!(parse(&to_nquads(&q)).unwrap(), q);
        assert_eq!(parse("_:b0.\u{0} ").unwrap_err().code(), ErrorCode::InvalidNquads);
        assert_eq!(parse("<urn:a> <urn:p> _:o.").unwrap()[0].object, Term::Blank("o".into()));
    }

    #[test]
    fn refuses_what_the_grammar_forbids() {
        for bad in [
            "<urn:a> <urn:p> <urn:o>",                             // no '.'
            "<urn:a> <urn:p> <urn:o> . <urn:a> <urn:p> <urn:o> .", // two statements on a line
            "<a> <urn:p> <urn:o> .",                               // relative IRI
            "<urn:a b> <urn:p> <urn:o> .",                         // space in IRI
            "<urn:\\u0020> <urn:p> <urn:o> .",                     // escaped space in IRI
            "<urn:\\u003E> <urn:p> <urn:o> .",                     // escaped '>' in IRI
            "_:a <urn:p> \"x\"@ .",                                // empty language tag
            "_:a <urn:p> \"x\"@en- .",                             // dangling '-'
            "_:a <urn:p> \"x\"@1a .",                              // digit in first subtag
            "_:a <urn:p> \"x\\a\" .",                              // unknown escape
            "_:a <urn:p> \"x\\uD800\" .",                          // surrogate
            "_:a <urn:p> \"x\n\" .",                               // raw newline
            "_:a \"p\" <urn:o> .",                                 // literal predicate
            "\"s\" <urn:p> <urn:o> .",                             // literal subject
            "_:a <urn:p> <urn:o> \"g\" .",                         // literal graph
            "_:a <urn:p> \"x\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .",
            "_:-a <urn:p> <urn:o> .", // label starts with '-'
            "_: <urn:p> <urn:o> .",
            "<urn:a> <urn:p> <urn:o",
            "_:a <urn:p> \"x",
            "_:a <urn:p> \"x\"^<urn:dt> .",
            "_:a <urn:p> \"x\"^^urn:dt .",
            "_:a<urn:p> <urn:o> .x",
        ] {
            assert_eq!(parse(bad).map_err(|e| e.code()), Err(ErrorCode::InvalidNquads), "{bad}");
        }
    }

    #[test]
    fn limits_apply() {
        let l = Limits { max_quads: 1, ..Limits::DEFAULT };
        let two = "<urn:a> <urn:p> <urn:o> .\n<urn:a> <urn:p> <urn:o2> .\n";
        assert_eq!(parse_nquads(two, &l).unwrap_err().code(), ErrorCode::TooManyItems);
        let l = Limits { max_string_bytes: 4, ..Limits::DEFAULT };
        assert_eq!(parse_nquads(two, &l).unwrap_err().code(), ErrorCode::StringTooLong);
        let l = Limits { max_input_bytes: 10, ..Limits::DEFAULT };
        assert_eq!(parse_nquads(two, &l).unwrap_err().code(), ErrorCode::InputTooLarge);
    }

    #[test]
    fn canonical_escapes() {
        let all: String = (0u32..0x80).filter_map(char::from_u32).collect();
        let q = Quad {
            subject: Term::Iri("urn:s".into()),
            predicate: Term::Iri("urn:p".into()),
            object: Term::Literal { value: all.clone(), datatype: XSD_STRING.into(), language: None },
            graph: None,
        };
        let text = to_nquads(core::slice::from_ref(&q));
        assert!(text.contains("\\u0000\\u0001"));
        assert!(text.contains("\\b\\t\\n\\u000B\\f\\r\\u000E"));
        assert!(text.contains("!\\\"#"));
        assert!(text.contains("[\\\\]"));
        assert!(text.contains("~\\u007F\""));
        assert_eq!(parse(&text).unwrap(), [q]);
        assert_eq!(format!("{}", text.lines().count()), "1");
    }
}
