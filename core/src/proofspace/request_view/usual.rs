//! The request in the layout ProofSpace writes, read in one pass over its text.
//!
//! The layout: the five ids, `actionParams` and `receivedCredentials` in that order, each
//! credential's `credentialId`, `schemaId` and `fields` followed by any of `utcIssuedAt`,
//! `revoked` and `utcRevokedAt` in that order, each pair's `name` then `value`; every member
//! once, names without escapes, JSON whitespace anywhere it is allowed. A text in that layout
//! is read here without tokens or events. Anything else (another order, a repeated or unknown
//! member, `containerPrefix`, any fault of the text or of a member) reads as `None`, and the
//! general reader takes the text from its start: this path never decides an error and accepts
//! only texts the general reader reads to the same request.

use alloc::borrow::Cow;
use alloc::vec::Vec;

use super::{text, CredentialView, FieldView, RequestView};
use crate::json::{read_string, skip_ws_from};
use crate::limits::Limits;

/// Deepest nesting of the layout: request, `receivedCredentials`, credential, `fields`, pair.
const DEPTH: usize = 5;

/// Longest member name of the layout (`subscriberConnectDid`): the general reader reads names
/// as strings, under `max_string_bytes`.
const LONGEST_NAME: usize = 20;

/// The request, or `None` when `json` is not in the layout (or breaks any rule or limit).
pub(super) fn read<'a>(json: &'a str, limits: &Limits) -> Option<RequestView<'a>> {
    if json.len() > limits.max_input_bytes || limits.depth() < DEPTH || limits.max_string_bytes < LONGEST_NAME {
        return None;
    }
    let mut c = Cursor {
        src: json,
        pos: 0,
        items: 0,
        max_items: limits.max_items,
        max_string: limits.max_string_bytes,
        scratch: Vec::with_capacity(16),
    };
    c.open(b'{')?;
    let public_service_did = c.member("publicServiceDid", true).and_then(|()| c.id())?;
    let subscriber_connect_did = c.member("subscriberConnectDid", false).and_then(|()| c.id())?;
    let action_id = c.member("actionId", false).and_then(|()| c.id())?;
    let action_instance_id = c.member("actionInstanceId", false).and_then(|()| c.id())?;
    let action_event_id = c.member("actionEventId", false).and_then(|()| c.id())?;
    let action_params = c.member("actionParams", false).and_then(|()| c.pairs())?;
    c.member("receivedCredentials", false)?;
    let mut received_credentials = Vec::with_capacity(8);
    c.list(|c| {
        received_credentials.push(c.credential()?);
        Some(())
    })?;
    c.close(b'}')?;
    (c.skip_ws() == json.len()).then_some(RequestView {
        container_prefix: None,
        public_service_did,
        subscriber_connect_did,
        action_id,
        action_instance_id,
        action_event_id,
        action_params,
        received_credentials,
        unknown_members: Vec::new(),
    })
}

struct Cursor<'a> {
    src: &'a str,
    pos: usize,
    /// Values read so far, as the lexer counts them (containers and scalars, not names).
    items: usize,
    max_items: usize,
    max_string: usize,
    /// Where a list of pairs is collected before it gets its own exact-size list.
    scratch: Vec<FieldView<'a>>,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    /// Skips JSON whitespace; returns the new position.
    fn skip_ws(&mut self) -> usize {
        self.pos = skip_ws_from(self.src.as_bytes(), self.pos);
        self.pos
    }

    /// After whitespace, `b`.
    fn eat(&mut self, b: u8) -> Option<()> {
        self.skip_ws();
        (self.peek() == Some(b)).then(|| self.pos += 1)
    }

    /// One more value, within `max_items`.
    fn value(&mut self) -> Option<()> {
        self.items += 1;
        (self.items <= self.max_items).then_some(())
    }

    fn open(&mut self, b: u8) -> Option<()> {
        self.skip_ws();
        self.value()?;
        self.eat(b)
    }

    fn close(&mut self, b: u8) -> Option<()> {
        self.eat(b)
    }

    /// The member name `name` and its colon, after a comma unless it is the object's first.
    fn member(&mut self, name: &str, first: bool) -> Option<()> {
        if !first {
            self.eat(b',')?;
        }
        self.eat(b'"')?;
        let end = self.pos + name.len();
        if self.src.as_bytes().get(self.pos..end) != Some(name.as_bytes())
            || self.src.as_bytes().get(end) != Some(&b'"')
        {
            return None;
        }
        self.pos = end + 1;
        self.eat(b':')
    }

    /// The optional member `name` when it comes next (after its comma); reads nothing otherwise.
    fn optional(&mut self, name: &str) -> bool {
        let at = self.pos;
        if self.member(name, false).is_some() {
            return true;
        }
        self.pos = at;
        false
    }

    /// A string value, validated as the lexer validates it.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        self.skip_ws();
        if self.peek() != Some(b'"') {
            return None;
        }
        self.value()?;
        let (s, next) = read_string(self.src, self.pos, self.max_string).ok()?;
        self.pos = next;
        Some(text(s))
    }

    /// A required, non-empty string.
    fn id(&mut self) -> Option<Cow<'a, str>> {
        self.string().filter(|s| !s.is_empty())
    }

    /// `null` as `None`, or what `read` reads.
    fn nullable<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        self.skip_ws();
        if self.src.as_bytes().get(self.pos..).is_some_and(|rest| rest.starts_with(b"null")) {
            self.value()?;
            self.pos += 4;
            return Some(None);
        }
        read(self).map(Some)
    }

    /// A non-negative integer in JSON's grammar (no leading zero, no fraction or exponent)
    /// that fits `u64`.
    fn integer(&mut self) -> Option<u64> {
        self.skip_ws();
        let bytes = self.src.as_bytes();
        let start = self.pos;
        let (mut n, mut end) = (0u64, start);
        while let Some(&d @ b'0'..=b'9') = bytes.get(end) {
            n = n.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
            end += 1;
        }
        let digits = end - start;
        let leading_zero = digits > 1 && bytes.get(start) == Some(&b'0');
        if digits == 0 || leading_zero || digits > self.max_string || matches!(bytes.get(end), Some(b'.' | b'e' | b'E'))
        {
            return None;
        }
        self.value()?;
        self.pos = end;
        Some(n)
    }

    fn boolean(&mut self) -> Option<bool> {
        self.skip_ws();
        let rest = self.src.as_bytes().get(self.pos..)?;
        let (value, len) = if rest.starts_with(b"true") {
            (true, 4)
        } else if rest.starts_with(b"false") {
            (false, 5)
        } else {
            return None;
        };
        self.value()?;
        self.pos += len;
        Some(value)
    }

    /// An array whose items `item` reads (and counts).
    fn list(&mut self, mut item: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.open(b'[')?;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Some(());
        }
        loop {
            item(self)?;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// A list of `{"name": ..., "value": ...}` pairs, in a list of exactly their number.
    fn pairs(&mut self) -> Option<Vec<FieldView<'a>>> {
        let mut scratch = core::mem::take(&mut self.scratch);
        scratch.clear();
        let read = self.list(|c| {
            c.open(b'{')?;
            let name = c.member("name", true).and_then(|()| c.string())?;
            let value = c.member("value", false).and_then(|()| c.string())?;
            c.close(b'}')?;
            scratch.push(FieldView { name, value });
            Some(())
        });
        let mut exact = Vec::with_capacity(scratch.len());
        exact.append(&mut scratch);
        self.scratch = scratch;
        read.map(|()| exact)
    }

    fn credential(&mut self) -> Option<CredentialView<'a>> {
        self.open(b'{')?;
        let credential_id = self.member("credentialId", true).and_then(|()| self.id())?;
        let schema_id = self.member("schemaId", false).and_then(|()| self.id())?;
        let fields = self.member("fields", false).and_then(|()| self.pairs())?;
        let utc_issued_at = if self.optional("utcIssuedAt") { self.nullable(Self::integer)? } else { None };
        let revoked = if self.optional("revoked") { self.nullable(Self::boolean)? } else { None };
        let utc_revoked_at = if self.optional("utcRevokedAt") { self.nullable(Self::integer)? } else { None };
        self.close(b'}')?;
        Some(CredentialView { credential_id, schema_id, fields, utc_issued_at, revoked, utc_revoked_at })
    }
}
