//! The interaction webhook request read straight from its text: strings borrowed from the body
//! (copied, unescaped, only where they hold an escape), no [`Value`] tree.
//!
//! A webhook handler reads one request per call, right after checking its body signature; this
//! reader keeps that read small beside the signature (see BENCHMARKS.md, "webhook check").
//! [`InteractionRequest::parse`](crate::proofspace::webhook::InteractionRequest::parse) is this reader plus owned copies, so both give the same
//! answers and the same errors.
//!
//! Faults are ranked as the tree reader ranked them: first any JSON-level fault (grammar,
//! limits, a member name repeated anywhere), then the request's own rules in the order the
//! request defines its members, and within an array the first failing item. The reader keeps
//! reading after a member's fault so that an earlier-defined member's fault still wins. To rank
//! JSON-level faults without a second grammar, a body with any fault, a repeated member, or a
//! member this library does not know (whose value it skips unread) is also given to
//! [`Value::parse`], whose error comes first; a clean body of known members never is.

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{Error, ErrorCode, Result};
use crate::json::{Event, JsonStr, Lexer, Value};
use crate::limits::Limits;
use crate::proofspace::values::{cast_pairs, CredentialSchema, FieldIssue, TypedValue};

mod usual;

/// A `{name, value}` pair of the body.
///
/// ```
/// use ssi_verify_core::proofspace::request_view::RequestView;
/// use ssi_verify_core::Limits;
/// let body = r#"{"publicServiceDid":"s","subscriberConnectDid":"u","actionId":"a","actionInstanceId":"i",
///   "actionEventId":"e","actionParams":[{"name":"gate","value":"n\u00f8rth"}],"receivedCredentials":[]}"#;
/// let view = RequestView::parse(body, &Limits::DEFAULT).unwrap();
/// assert_eq!(view.action_params[0].name, "gate");
/// assert_eq!(view.action_params[0].value, "nørth"); // unescaped into its own string
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldView<'a> {
    /// The field (attribute or parameter) name.
    pub name: Cow<'a, str>,
    /// The wire value (always a string).
    pub value: Cow<'a, str>,
}

/// A credential of the request (`WebhookCredentialValuesDTO`), borrowed from the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CredentialView<'a> {
    /// Credential definition id.
    pub credential_id: Cow<'a, str>,
    /// Schema id.
    pub schema_id: Cow<'a, str>,
    /// The attribute values.
    pub fields: Vec<FieldView<'a>>,
    /// Issue time in milliseconds since the epoch, if given.
    pub utc_issued_at: Option<u64>,
    /// Whether the credential is revoked, if given.
    pub revoked: Option<bool>,
    /// Revocation time in milliseconds, if given.
    pub utc_revoked_at: Option<u64>,
}

impl CredentialView<'_> {
    /// The typed fields in field order, each with its name borrowed from the field, or every
    /// issue of the fields against `schema`: the rules of
    /// [`crate::proofspace::values::cast_credential`], without copying the fields or their names.
    ///
    /// ```
    /// use ssi_verify_core::proofspace::request_view::RequestView;
    /// use ssi_verify_core::proofspace::values::{AttributeType, CredentialSchema, SchemaAttribute, TypedValue};
    /// use ssi_verify_core::{ErrorCode, Limits};
    /// let body = r#"{"publicServiceDid":"s","subscriberConnectDid":"u","actionId":"a","actionInstanceId":"i",
    ///   "actionEventId":"e","actionParams":[],"receivedCredentials":[{"credentialId":"c","schemaId":"x",
    ///   "fields":[{"name":"Born","value":"1648800000"},{"name":"Extra","value":"?"}]}]}"#;
    /// let view = RequestView::parse(body, &Limits::DEFAULT).unwrap();
    /// let schema = CredentialSchema {
    ///     attributes: vec![SchemaAttribute { name: "Born".into(), ty: AttributeType::Date, enum_values: vec![] }],
    /// };
    /// let issues = view.received_credentials[0].cast(&schema).unwrap_err();
    /// assert_eq!(issues[0].error.code(), ErrorCode::UnknownField); // "Extra"
    /// let body = body.replace(r#",{"name":"Extra","value":"?"}"#, "");
    /// let one = RequestView::parse(&body, &Limits::DEFAULT).unwrap();
    /// assert_eq!(one.received_credentials[0].cast(&schema).unwrap(), [("Born", TypedValue::Date(1648800000))]);
    /// ```
    ///
    /// # Errors
    /// The non-empty list of [`FieldIssue`]s.
    pub fn cast(&self, schema: &CredentialSchema) -> core::result::Result<Vec<(&str, TypedValue)>, Vec<FieldIssue>> {
        cast_pairs(schema, self.fields.iter().map(|f| (&*f.name, &*f.value)))
    }
}

/// The interaction webhook request, borrowed from its body: what
/// [`InteractionRequest`](crate::proofspace::webhook::InteractionRequest) holds.
///
/// ```
/// use ssi_verify_core::proofspace::request_view::RequestView;
/// use ssi_verify_core::{ErrorCode, Limits};
/// let body = r#"{"publicServiceDid":"s","subscriberConnectDid":"u","actionId":"a","actionInstanceId":"i",
///   "actionEventId":"e","actionParams":[],"receivedCredentials":[{"credentialId":"c","schemaId":"x",
///   "fields":[{"name":"Age","value":"42"}],"revoked":false}],"newField":1}"#;
/// let view = RequestView::parse(body, &Limits::DEFAULT).unwrap();
/// assert_eq!(view.received_credentials[0].fields[0].value, "42");
/// assert_eq!(view.unknown_members, ["newField"]);
/// let bad = body.replace(r#""actionId":"a""#, r#""actionId":"""#);
/// assert_eq!(RequestView::parse(&bad, &Limits::DEFAULT).unwrap_err().code(), ErrorCode::InvalidFieldValue);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestView<'a> {
    /// `containerPrefix`, if present.
    pub container_prefix: Option<Cow<'a, str>>,
    /// The service's public DID.
    pub public_service_did: Cow<'a, str>,
    /// The user's connect DID.
    pub subscriber_connect_did: Cow<'a, str>,
    /// Interaction id from the dashboard.
    pub action_id: Cow<'a, str>,
    /// Interaction instance id.
    pub action_instance_id: Cow<'a, str>,
    /// Event id (unique for the service).
    pub action_event_id: Cow<'a, str>,
    /// Instance parameters.
    pub action_params: Vec<FieldView<'a>>,
    /// Credentials the user shared.
    pub received_credentials: Vec<CredentialView<'a>>,
    /// Members this library does not know, as `path.name` (reported, not used).
    pub unknown_members: Vec<String>,
}

impl<'a> RequestView<'a> {
    /// Reads and validates a request body.
    ///
    /// # Errors
    /// As [`InteractionRequest::parse`](crate::proofspace::webhook::InteractionRequest::parse): JSON and limit errors, [`ErrorCode::MissingField`],
    /// [`ErrorCode::UnexpectedJsonType`], [`ErrorCode::UnknownField`] (a pair member other than
    /// `name`/`value`), [`ErrorCode::InvalidFieldValue`] (empty ids).
    pub fn parse(json: &'a str, limits: &Limits) -> Result<Self> {
        // ProofSpace's own layout in one pass; any other text (or any fault) is read below.
        if let Some(view) = usual::read(json, limits) {
            return Ok(view);
        }
        Self::parse_general(json, limits)
    }

    /// The reader of every text (the layout of [`usual`] included), which ranks faults.
    fn parse_general(json: &'a str, limits: &Limits) -> Result<Self> {
        let mut reader = Reader {
            lx: Lexer::new(json, limits)?,
            recheck: false,
            unknown: Vec::new(),
            scratch: Vec::with_capacity(16),
        };
        let read = reader.request();
        if read.is_err() || reader.recheck {
            Value::parse(json, limits)?;
        }
        read
    }
}

/// What one member held, as far as a scalar rule needs to know.
#[derive(Clone, Copy, Debug)]
enum Slot<'a> {
    Absent,
    Null,
    Str(JsonStr<'a>),
    Number(&'a str),
    Bool(bool),
    /// An array or an object (skipped).
    Container,
}

/// An array member: its items as read, or what stood there instead of an array.
enum Items<'a, T> {
    Slot(Slot<'a>),
    Read(Result<Vec<T>>),
}

fn missing(detail: &'static str) -> Error {
    Error::new(ErrorCode::MissingField, detail)
}

fn wrong_type(detail: &'static str) -> Error {
    Error::new(ErrorCode::UnexpectedJsonType, detail)
}

fn text(s: JsonStr<'_>) -> Cow<'_, str> {
    s.as_plain().map_or_else(|| Cow::Owned(s.to_unescaped()), Cow::Borrowed)
}

/// A required, non-empty string.
fn id<'a>(slot: Slot<'a>, detail: &'static str) -> Result<Cow<'a, str>> {
    match slot {
        Slot::Absent | Slot::Null => Err(missing(detail)),
        Slot::Str(s) if s.raw().is_empty() => Err(Error::new(ErrorCode::InvalidFieldValue, detail)),
        Slot::Str(s) => Ok(text(s)),
        _ => Err(wrong_type(detail)),
    }
}

fn opt_text<'a>(slot: Slot<'a>, detail: &'static str) -> Result<Option<Cow<'a, str>>> {
    match slot {
        Slot::Absent | Slot::Null => Ok(None),
        Slot::Str(s) => Ok(Some(text(s))),
        _ => Err(wrong_type(detail)),
    }
}

/// A non-negative integer: plain digits that fit `u64`, as [`crate::json::Number::as_u64`].
fn opt_u64(slot: Slot<'_>, detail: &'static str) -> Result<Option<u64>> {
    match slot {
        Slot::Absent | Slot::Null => Ok(None),
        Slot::Number(n) => n.parse().map(Some).map_err(|_| wrong_type(detail)),
        _ => Err(wrong_type(detail)),
    }
}

fn opt_bool(slot: Slot<'_>, detail: &'static str) -> Result<Option<bool>> {
    match slot {
        Slot::Absent | Slot::Null => Ok(None),
        Slot::Bool(b) => Ok(Some(b)),
        _ => Err(wrong_type(detail)),
    }
}

/// A required array: its items' result, or the fault of what stood there (located by `at`;
/// an item's fault carries its own location).
fn array<T>(items: Items<'_, T>, detail: &'static str, at: impl Fn(Error) -> Error) -> Result<Vec<T>> {
    match items {
        Items::Read(read) => read,
        Items::Slot(Slot::Absent | Slot::Null) => Err(at(missing(detail))),
        Items::Slot(_) => Err(at(wrong_type(detail))),
    }
}

struct Reader<'a> {
    lx: Lexer<'a>,
    /// The body must also go through [`Value::parse`]: a repeated member (which the tree
    /// reader names), or an unknown one (whose skipped value may repeat names).
    recheck: bool,
    /// Unknown members of credentials, in reading order.
    unknown: Vec<String>,
    /// Where a list of pairs is collected before it gets its own exact-size list.
    scratch: Vec<FieldView<'a>>,
}

impl<'a> Reader<'a> {
    /// The next event; the lexer only ends a document after its top-level value.
    fn next(&mut self) -> Result<Event<'a>> {
        self.lx.next_event()?.ok_or_else(|| Error::new(ErrorCode::InvalidJson, "empty document"))
    }

    /// Consumes the rest of the value that starts with `ev`.
    fn skip(&mut self, ev: Event<'a>) -> Result<()> {
        if matches!(ev, Event::StartArray | Event::StartObject) {
            self.lx.skip_container()?;
        }
        Ok(())
    }

    /// Stores the value that starts with `ev` in `slot` (a container is skipped), noting a repeat.
    fn fill(&mut self, slot: &mut Slot<'a>, ev: Event<'a>) -> Result<()> {
        if !matches!(slot, Slot::Absent) {
            self.recheck = true;
        }
        *slot = match ev {
            Event::Str(s) => Slot::Str(s),
            Event::Number(n) => Slot::Number(n),
            Event::Bool(b) => Slot::Bool(b),
            Event::Null => Slot::Null,
            _ => {
                self.skip(ev)?;
                Slot::Container
            }
        };
        Ok(())
    }

    /// Reads an array member that starts with `ev` with `read`, or keeps what stood there.
    fn fill_items<T>(
        &mut self,
        items: &mut Items<'a, T>,
        ev: Event<'a>,
        read: impl FnOnce(&mut Self) -> Result<Result<Vec<T>>>,
    ) -> Result<()> {
        if !matches!(items, Items::Slot(Slot::Absent)) {
            self.recheck = true;
        }
        *items = if ev == Event::StartArray {
            Items::Read(read(self)?)
        } else {
            let mut slot = Slot::Absent;
            self.fill(&mut slot, ev)?;
            Items::Slot(slot)
        };
        Ok(())
    }

    /// Calls `member` with each name and the first event of its value, until the object just
    /// opened closes; `member` consumes the value.
    fn members(&mut self, mut member: impl FnMut(&mut Self, Cow<'a, str>, Event<'a>) -> Result<()>) -> Result<()> {
        loop {
            match self.next()? {
                Event::EndObject => return Ok(()),
                Event::Key(k) => {
                    let value = self.next()?;
                    member(self, text(k), value)?;
                }
                _ => return Err(Error::new(ErrorCode::InvalidJson, "expected a member name")),
            }
        }
    }

    /// Pushes the items of the array just opened to `out`, up to the first failing one (the
    /// rest is skipped). The outer `Result` is the text's fault, the inner one the items'.
    fn items<T>(
        &mut self,
        out: &mut Vec<T>,
        mut item: impl FnMut(&mut Self, Event<'a>, usize) -> Result<Result<T>>,
    ) -> Result<Result<()>> {
        loop {
            let ev = self.next()?;
            if ev == Event::EndArray {
                return Ok(Ok(()));
            }
            match item(self, ev, out.len())? {
                Ok(t) => out.push(t),
                Err(e) => {
                    self.lx.skip_container()?;
                    return Ok(Err(e));
                }
            }
        }
    }

    /// A list of `{name, value}` pairs, collected in the reader's scratch list and then copied
    /// into a list of exactly their number (one allocation per list, none to grow it).
    fn pairs(&mut self, detail: &'static str) -> Result<Result<Vec<FieldView<'a>>>> {
        let mut scratch = core::mem::take(&mut self.scratch);
        let read = self.items(&mut scratch, |r, ev, i| r.pair(ev, i, detail));
        let pairs = read.map(|items| {
            items.map(|()| {
                // Moved into a list of exactly their number; the scratch list keeps its room.
                let mut exact = Vec::with_capacity(scratch.len());
                exact.append(&mut scratch);
                exact
            })
        });
        scratch.clear();
        self.scratch = scratch;
        pairs
    }

    /// A `{name, value}` pair whose members are both strings; `detail` names the list.
    fn pair(&mut self, ev: Event<'a>, i: usize, detail: &'static str) -> Result<Result<FieldView<'a>>> {
        if ev != Event::StartObject {
            self.skip(ev)?;
            return Ok(Err(wrong_type(detail).at_index(i)));
        }
        let (mut name, mut value, mut fault) = (None, None, None);
        self.members(|r, key, v| {
            if fault.is_some() {
                return r.skip(v);
            }
            let slot = match &*key {
                "name" => &mut name,
                "value" => &mut value,
                _ => {
                    fault = Some(
                        Error::new(ErrorCode::UnknownField, "name/value pairs hold only name and value").at_index(i),
                    );
                    return r.skip(v);
                }
            };
            if slot.is_some() {
                r.recheck = true;
            }
            match v {
                // The webhook API requires every field value to be a JSON string.
                Event::Str(s) => *slot = Some(text(s)),
                _ => {
                    fault = Some(
                        Error::new(ErrorCode::UnexpectedJsonType, "field names and values must be JSON strings")
                            .at_index(i),
                    );
                    r.skip(v)?;
                }
            }
            Ok(())
        })?;
        Ok(match (fault, name, value) {
            (Some(e), _, _) => Err(e),
            (None, Some(name), Some(value)) => Ok(FieldView { name, value }),
            _ => Err(Error::new(ErrorCode::MissingField, "a name/value pair lacks name or value").at_index(i)),
        })
    }

    fn credential(&mut self, ev: Event<'a>, i: usize) -> Result<Result<CredentialView<'a>>> {
        let at = |e: Error| e.at_index(i);
        if ev != Event::StartObject {
            self.skip(ev)?;
            return Ok(Err(at(wrong_type("a credential must be a JSON object"))));
        }
        let (mut credential_id, mut schema_id) = (Slot::Absent, Slot::Absent);
        let (mut issued, mut revoked, mut revoked_at) = (Slot::Absent, Slot::Absent, Slot::Absent);
        let mut fields = Items::Slot(Slot::Absent);
        let mut unknown = Vec::new();
        self.members(|r, key, v| match &*key {
            "credentialId" => r.fill(&mut credential_id, v),
            "schemaId" => r.fill(&mut schema_id, v),
            "fields" => r.fill_items(&mut fields, v, |r| r.pairs("fields hold {name, value} objects")),
            "utcIssuedAt" => r.fill(&mut issued, v),
            "revoked" => r.fill(&mut revoked, v),
            "utcRevokedAt" => r.fill(&mut revoked_at, v),
            _ => {
                r.recheck = true;
                unknown.push(format!("credentials[{i}].{key}"));
                r.skip(v)
            }
        })?;
        let read = || -> Result<CredentialView<'a>> {
            Ok(CredentialView {
                credential_id: id(credential_id, "credentialId must be a non-empty string").map_err(at)?,
                schema_id: id(schema_id, "schemaId must be a non-empty string").map_err(at)?,
                fields: array(fields, "fields must be an array", at)?,
                utc_issued_at: opt_u64(issued, "utcIssuedAt must be a non-negative integer").map_err(at)?,
                revoked: opt_bool(revoked, "revoked must be a boolean").map_err(at)?,
                utc_revoked_at: opt_u64(revoked_at, "utcRevokedAt must be a non-negative integer").map_err(at)?,
            })
        };
        let credential = read();
        if credential.is_ok() {
            self.unknown.append(&mut unknown);
        }
        Ok(credential)
    }

    fn request(&mut self) -> Result<RequestView<'a>> {
        let ev = self.next()?;
        if ev != Event::StartObject {
            return Err(wrong_type("the request must be a JSON object"));
        }
        let mut prefix = Slot::Absent;
        let mut ids = [Slot::Absent; 5];
        let mut params = Items::Slot(Slot::Absent);
        let mut credentials = Items::Slot(Slot::Absent);
        let mut unknown = Vec::new();
        self.members(|r, key, v| {
            let slot = match &*key {
                "containerPrefix" => &mut prefix,
                "publicServiceDid" => &mut ids[0],
                "subscriberConnectDid" => &mut ids[1],
                "actionId" => &mut ids[2],
                "actionInstanceId" => &mut ids[3],
                "actionEventId" => &mut ids[4],
                "actionParams" => {
                    return r.fill_items(&mut params, v, |r| r.pairs("actionParams hold {name, value} objects"))
                }
                "receivedCredentials" => {
                    return r.fill_items(&mut credentials, v, |r| {
                        let mut out = Vec::with_capacity(8);
                        Ok(r.items(&mut out, Self::credential)?.map(|()| out))
                    })
                }
                _ => {
                    r.recheck = true;
                    unknown.push(key.into_owned());
                    return r.skip(v);
                }
            };
            r.fill(slot, v)
        })?;
        // Only whitespace may follow the top-level value.
        self.lx.next_event()?;
        let [service, subscriber, action, instance, event] = ids;
        let request = RequestView {
            container_prefix: opt_text(prefix, "containerPrefix must be a string")?,
            public_service_did: id(service, "publicServiceDid must be a non-empty string")?,
            subscriber_connect_did: id(subscriber, "subscriberConnectDid must be a non-empty string")?,
            action_id: id(action, "actionId must be a non-empty string")?,
            action_instance_id: id(instance, "actionInstanceId must be a non-empty string")?,
            action_event_id: id(event, "actionEventId must be a non-empty string")?,
            action_params: array(params, "actionParams must be an array", |e| e)?,
            received_credentials: array(credentials, "receivedCredentials must be an array", |e| e)?,
            unknown_members: Vec::new(),
        };
        let mut all = core::mem::take(&mut self.unknown);
        all.append(&mut unknown);
        Ok(RequestView { unknown_members: all, ..request })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Location;
    use crate::proofspace::values::{AttributeType, SchemaAttribute};

    const BODY: &str = r#"{"publicServiceDid":"svc","subscriberConnectDid":"sub","actionId":"a1","actionInstanceId":"ai1","actionEventId":"ev1","actionParams":[{"name":"gate","value":"north"}],"receivedCredentials":[{"credentialId":"c0","schemaId":"s0","fields":[{"name":"Age","value":"42"}],"utcIssuedAt":1648800000000,"revoked":false,"utcRevokedAt":null},{"credentialId":"c1","schemaId":"s1","fields":[]}]}"#;

    fn parse(s: &str) -> Result<RequestView<'_>> {
        RequestView::parse(s, &Limits::DEFAULT)
    }

    fn fault(s: &str) -> (ErrorCode, Location, &'static str) {
        let e = parse(s).unwrap_err();
        (e.code(), e.location(), e.detail())
    }

    #[test]
    fn strings_are_borrowed_unless_escaped() {
        let v = parse(BODY).unwrap();
        assert!(matches!(v.public_service_did, Cow::Borrowed("svc")));
        assert!(matches!(v.received_credentials[0].fields[0].value, Cow::Borrowed("42")));
        assert_eq!(v.received_credentials[0].utc_issued_at, Some(1_648_800_000_000));
        assert_eq!(v.received_credentials[0].revoked, Some(false));
        assert_eq!(v.received_credentials[0].utc_revoked_at, None);
        assert!(v.received_credentials[1].fields.is_empty());
        let escaped = BODY.replace(r#""svc""#, r#""s\u0076c""#).replace(r#""actionId""#, r#""action\u0049d""#);
        let v = parse(&escaped).unwrap();
        assert!(matches!(v.public_service_did, Cow::Owned(ref s) if s == "svc"));
        assert_eq!(v.action_id, "a1", "an escaped member name is still the member");
        // The same text, escaped or not, gives the same owned request.
        let owned = crate::proofspace::webhook::InteractionRequest::from(v);
        assert_eq!(owned, crate::proofspace::webhook::InteractionRequest::parse(BODY, &Limits::DEFAULT).unwrap());
    }

    /// One edit of `body` for the layout reader's differential test: the `n`th of a fixed,
    /// deterministic sequence of deletions, insertions and replacements.
    fn edit(body: &str, n: u64) -> String {
        const BYTES: &[&str] = &[
            "\"", "\\", ",", ":", "{", "}", "[", "]", " ", "\n", "0", "-", "1", ".", "e", "n", "t", "é", "\u{1}",
            "null", "true", "\\u0041",
        ];
        let mut x = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
        let mut next = |m: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            usize::try_from(x % m as u64).unwrap()
        };
        let at = next(body.len());
        let with = BYTES[next(BYTES.len())];
        let mut out = String::from(&body[..at]);
        match next(3) {
            0 => out.push_str(&body[at + 1..]),
            1 => {
                out.push_str(with);
                out.push_str(&body[at..]);
            }
            _ => {
                out.push_str(with);
                out.push_str(&body[at + 1..]);
            }
        }
        out
    }

    #[test]
    fn the_layout_reader_reads_what_the_general_reader_reads() {
        let limits = Limits::DEFAULT;
        assert_eq!(usual::read(BODY, &limits).as_ref(), Some(&RequestView::parse_general(BODY, &limits).unwrap()));
        let (mut fast, mut general) = (0, 0);
        for n in 0..20_000 {
            let body = edit(BODY, n);
            match usual::read(&body, &limits) {
                Some(view) => {
                    fast += 1;
                    assert_eq!(RequestView::parse_general(&body, &limits), Ok(view), "{body}");
                }
                None => general += 1,
            }
        }
        // Both paths are taken (whitespace and string edits keep the layout; most do not).
        assert!(fast > 1_000 && general > 1_000, "{fast} {general}");
    }

    #[test]
    fn the_layout_reader_leaves_every_other_text_to_the_general_reader() {
        let limits = Limits::DEFAULT;
        let spaced = BODY.replace(',', " ,\n ").replace(':', " :\t").replace('{', "{ ").replace(']', " ]");
        assert!(usual::read(&format!(" {spaced}\r\n"), &limits).is_some());
        for other in [
            BODY.replacen('{', r#"{"containerPrefix":"p","#, 1),
            BODY.replace(r#""actionId":"a1","actionInstanceId":"ai1""#, r#""actionInstanceId":"ai1","actionId":"a1""#),
            BODY.replace(r#""name":"gate","value":"north""#, r#""value":"north","name":"gate""#),
            BODY.replace(r#""revoked":false,"utcRevokedAt":null"#, r#""utcRevokedAt":null,"revoked":false"#),
            BODY.replace(r#""fields":[]"#, r#""fields":[],"extra":1"#),
            BODY.replace(r#""actionId":"a1""#, r#""actionId":"a1","actionId":"a2""#),
            BODY.replace(r#""actionId""#, r#""action\u0049d""#),
            BODY.replace(r#""actionId":"a1""#, r#""actionId":"""#),
            BODY.replace("1648800000000", "1.0"),
            BODY.replace("1648800000000", "-1"),
            BODY.replace("1648800000000", "01"),
            BODY.replace("1648800000000", "1e3"),
            BODY.replace("1648800000000", "18446744073709551616"),
            BODY.replace("false", "0"),
            format!("{BODY} x"),
            String::from(&BODY[..BODY.len() - 1]),
        ] {
            assert!(usual::read(&other, &limits).is_none(), "{other}");
        }
        let biggest = BODY.replace("1648800000000", "18446744073709551615");
        assert_eq!(usual::read(&biggest, &limits).unwrap().received_credentials[0].utc_issued_at, Some(u64::MAX));
        // Limits the general reader would break on are left to it.
        for tight in [
            Limits { max_items: 20, ..Limits::DEFAULT },
            Limits { max_depth: 4, ..Limits::DEFAULT },
            Limits { max_string_bytes: 19, ..Limits::DEFAULT },
            Limits { max_input_bytes: BODY.len() - 1, ..Limits::DEFAULT },
        ] {
            assert!(usual::read(BODY, &tight).is_none());
            assert!(RequestView::parse(BODY, &tight).is_err());
        }
        let items = Limits { max_items: 21, ..Limits::DEFAULT };
        assert_eq!(usual::read(BODY, &items).is_some(), RequestView::parse_general(BODY, &items).is_ok());
    }

    #[test]
    fn member_order_and_whitespace_do_not_matter() {
        // The usual order is read on a fast path; any other layout takes the general one.
        let spaced = BODY.replace(',', " ,\n ").replace(':', " : ");
        let reordered = BODY
            .replace(r#""name":"gate","value":"north""#, r#""value":"north","name":"gate""#)
            .replace(r#""credentialId":"c0","schemaId":"s0""#, r#""schemaId":"s0","credentialId":"c0""#)
            .replace(r#""actionId":"a1","actionInstanceId":"ai1""#, r#""actionInstanceId":"ai1","actionId":"a1""#);
        let prefixed = BODY.replacen('{', r#"{"containerPrefix":"p","#, 1);
        let want = parse(BODY).unwrap();
        assert_eq!(parse(&spaced).unwrap(), want);
        assert_eq!(parse(&reordered).unwrap(), want);
        assert_eq!(parse(&prefixed).unwrap(), RequestView { container_prefix: Some("p".into()), ..want });
    }

    #[test]
    fn unknown_members_are_reported_credentials_first() {
        let body = BODY
            .replacen('{', r#"{"zeta":{"x":[1]},"#, 1)
            .replace(r#""credentialId":"c1""#, r#""credentialId":"c1","extra":true"#);
        assert_eq!(parse(&body).unwrap().unknown_members, ["credentials[1].extra", "zeta"]);
    }

    #[test]
    fn json_faults_rank_first() {
        // A repeated member anywhere, even inside an unknown member's value, is the tree
        // reader's DUPLICATE_KEY, ahead of the request's own faults.
        for body in [
            BODY.replace(r#""actionId":"a1""#, r#""actionId":"a1","actionId":"a2""#),
            BODY.replace(r#""actionId":"a1""#, r#""actionId":1,"z":{"q":1,"q":2}"#),
            BODY.replace(r#""name":"gate""#, r#""name":"gate","name":"g""#),
            BODY.replace(r#""fields":[]"#, r#""fields":[],"fields":[]"#),
        ] {
            assert_eq!(fault(&body).0, ErrorCode::DuplicateKey, "{body}");
        }
        assert_eq!(
            fault(&BODY.replace(r#""actionId":"a1""#, r#""actionId":1"#).replace("}]}", "}]")).0,
            ErrorCode::InvalidJson
        );
        assert_eq!(fault(&format!("{BODY} x")).0, ErrorCode::InvalidJson);
        assert_eq!(fault("").0, ErrorCode::InvalidJson);
    }

    #[test]
    fn member_faults_rank_in_definition_order() {
        // actionParams is defined after publicServiceDid: the missing DID wins though it
        // comes later in the text.
        let body = BODY.replace(r#"{"name":"gate","value":"north"}"#, "7").replace(r#""publicServiceDid":"svc","#, "");
        assert_eq!(
            fault(&body),
            (ErrorCode::MissingField, Location::None, "publicServiceDid must be a non-empty string")
        );
        let body = BODY.replace(r#""actionId":"a1""#, r#""actionId":"""#);
        assert_eq!(fault(&body).0, ErrorCode::InvalidFieldValue);
        assert_eq!(fault(&BODY.replace(r#""actionId":"a1""#, r#""actionId":null"#)).0, ErrorCode::MissingField);
        assert_eq!(fault(&BODY.replace(r#""actionId":"a1""#, r#""actionId":["a1"]"#)).0, ErrorCode::UnexpectedJsonType);
        assert_eq!(fault("[]").2, "the request must be a JSON object");
    }

    #[test]
    fn item_faults_carry_their_index() {
        let second = BODY
            .replace(r#"{"credentialId":"c1","schemaId":"s1","fields":[]}"#, r#"{"credentialId":"c1","fields":[]}"#);
        assert_eq!(
            fault(&second),
            (ErrorCode::MissingField, Location::Index(1), "schemaId must be a non-empty string")
        );
        let pair =
            BODY.replace(r#"[{"name":"Age","value":"42"}]"#, r#"[{"name":"Age","value":"42"},{"name":"B","value":1}]"#);
        assert_eq!(
            fault(&pair),
            (ErrorCode::UnexpectedJsonType, Location::Index(1), "field names and values must be JSON strings")
        );
        let extra = BODY.replace(r#"{"name":"gate","value":"north"}"#, r#"{"name":"gate","value":"north","x":"y"}"#);
        assert_eq!(
            fault(&extra),
            (ErrorCode::UnknownField, Location::Index(0), "name/value pairs hold only name and value")
        );
        let lacking = BODY.replace(r#"{"name":"gate","value":"north"}"#, r#"{"name":"gate"}"#);
        assert_eq!(fault(&lacking).0, ErrorCode::MissingField);
        let stamp = BODY.replace("1648800000000", "-1");
        assert_eq!(
            fault(&stamp),
            (ErrorCode::UnexpectedJsonType, Location::Index(0), "utcIssuedAt must be a non-negative integer")
        );
        let flag = BODY.replace(r#""revoked":false"#, r#""revoked":"no""#);
        assert_eq!(fault(&flag).2, "revoked must be a boolean");
        let not_list = BODY.replace(r#""fields":[]"#, r#""fields":{}"#);
        assert_eq!(fault(&not_list), (ErrorCode::UnexpectedJsonType, Location::Index(1), "fields must be an array"));
        assert_eq!(
            fault(&BODY.replace(r#""receivedCredentials":["#, r#""receivedCredentials":[1,"#)).2,
            "a credential must be a JSON object"
        );
    }

    #[test]
    fn cast_reads_borrowed_fields() {
        let schema = CredentialSchema {
            attributes: alloc::vec![SchemaAttribute {
                name: "Age".into(),
                ty: AttributeType::Number,
                enum_values: Vec::new()
            }],
        };
        let v = parse(BODY).unwrap();
        let typed = v.received_credentials[0].cast(&schema).unwrap();
        assert_eq!(typed[0].0, "Age");
        assert_eq!(typed[0].1.to_wire(), "42");
        let bad = BODY.replace(r#""value":"42""#, r#""value":"4,2""#);
        let v = parse(&bad).unwrap();
        assert_eq!(v.received_credentials[0].cast(&schema).unwrap_err()[0].error.code(), ErrorCode::InvalidNumber);
    }
}
