//! Decoding and validating the Base64 `interactions` parameter, and the app-side selection.
//!
//! One validator ([`validate_json`]) holds every rule; decoding, selection and encoding all run
//! through it, so the three can never disagree.

use crate::codec::{base64_decode_into, base64_decoded_max};
use crate::error::{Error, ErrorCode, Result};
use crate::json::{read_string, unescape_in_place, Event, JsonStr, Lexer};
use crate::limits::Limits;
use crate::smartid::types::{
    Flow, Interaction, InteractionList, InteractionType, Interactions, OwnedInteraction, Reading, TextField,
};

/// Most entries the wallet reading accepts whatever `Limits::max_interactions` says (the
/// duplicate check for unknown types keeps their names in a fixed table of this size).
pub const MAX_WALLET_ENTRIES: usize = 32;

/// Bytes of scratch that [`decode_in`] and [`select_in`] need for a Base64 text of `base64_len`
/// characters.
///
/// ```
/// assert!(ssi_verify_core::smartid::scratch_len(8) >= 6);
/// ```
#[must_use]
pub const fn scratch_len(base64_len: usize) -> usize {
    base64_decoded_max(base64_len)
}

/// A validated entry: its type and where its raw text sits in the JSON text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Entry {
    pub(crate) kind: InteractionType,
    start: usize,
    end: usize,
    escaped: bool,
}

/// The result of validating an interactions JSON text.
#[derive(Debug)]
pub(crate) struct Validated {
    pub(crate) entries: heapless::Vec<Entry, 3>,
    pub(crate) skipped: usize,
}

fn offset_in(src: &str, part: &str) -> usize {
    (part.as_ptr() as usize).wrapping_sub(src.as_ptr() as usize)
}

/// Checks an interactions JSON text against every rule of `reading`, without allocating.
pub(crate) fn validate_json(src: &str, reading: Reading, limits: &Limits) -> Result<Validated> {
    // Malformed JSON is always reported as such, never as a rule violation found before the
    // syntax error. The rule pass lexes the whole text too, so a text it accepts is valid JSON;
    // only when it rejects does a syntax-only pass look for an error further on (one pass, not
    // two, on the success path).
    if let Some(valid) = common_case(src, reading, limits) {
        return Ok(valid);
    }
    check_rules(src, reading, limits).map_err(|rule| crate::json::validate(src, limits).err().unwrap_or(rule))
}

/// A position in a JSON text for [`common_case`].
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// Skips whitespace and takes the next byte.
    fn next_token(&mut self) -> Option<u8> {
        self.skip_ws();
        let b = self.bytes.get(self.pos).copied()?;
        self.pos += 1;
        Some(b)
    }

    /// Skips whitespace and takes `want`, or `None`.
    fn expect(&mut self, want: u8) -> Option<()> {
        (self.next_token()? == want).then_some(())
    }

    /// Skips whitespace and takes the first of `words` (each a whole quoted JSON string) that
    /// the text continues with; returns its index.
    fn one_of(&mut self, words: &[&[u8]]) -> Option<usize> {
        self.skip_ws();
        let rest = self.bytes.get(self.pos..)?;
        let i = words.iter().position(|w| rest.starts_with(w))?;
        self.pos += words.get(i)?.len();
        Some(i)
    }
}

/// Member names as they appear in the common case (quotes included, so a name cannot match a
/// longer one it begins).
const MEMBERS: [&[u8]; 3] = [b"\"type\"", b"\"displayText60\"", b"\"displayText200\""];
/// The known type names, quoted, in [`InteractionType::ALL`] order.
const TYPES: [&[u8]; 3] =
    [b"\"displayTextAndPIN\"", b"\"confirmationMessage\"", b"\"confirmationMessageAndVerificationCodeChoice\""];
/// Longest of [`MEMBERS`] and [`TYPES`] without quotes: the common case needs
/// `max_string_bytes` at least this large to match them as whole tokens.
const LONGEST_NAME: usize = 44;

/// The common case, checked without the event machinery: an array of objects, each with exactly
/// the member `type` and its display text, names and types written without escapes (matched as
/// whole quoted tokens), only the display texts read as JSON strings.
///
/// It only ever accepts: for any other text, and for any broken rule, it returns `None` and
/// [`check_rules`] decides, so every error (code, message, location) still comes from one place.
/// What it accepts, it accepts under the same rules as [`check_rules`] (JSON grammar and limits,
/// entry count, type known and allowed for the flow, each type once, the right display text of
/// 1 to 60 or 200 characters), with the same result.
fn common_case(src: &str, reading: Reading, limits: &Limits) -> Option<Validated> {
    // The lexer's limits: the input size, two levels of nesting, and (checked at the end) one
    // item for the array and three per entry (the object and its two string values).
    if src.len() > limits.max_input_bytes || limits.depth() < 2 || limits.max_string_bytes < LONGEST_NAME {
        return None;
    }
    let max_entries = match reading {
        Reading::Wallet => limits.max_interactions.min(MAX_WALLET_ENTRIES),
        Reading::Strict(_) | Reading::AnyFlow => 3,
    };
    let mut c = Cursor { bytes: src.as_bytes(), pos: 0 };
    let string = |c: &mut Cursor<'_>| -> Option<JsonStr<'_>> {
        c.skip_ws();
        if c.bytes.get(c.pos) != Some(&b'"') {
            return None;
        }
        let (s, next) = read_string(src, c.pos, limits.max_string_bytes).ok()?;
        c.pos = next;
        Some(s)
    };
    c.expect(b'[')?;
    let mut out = Validated { entries: heapless::Vec::new(), skipped: 0 };
    let mut seen = 0u8;
    // Each round takes one entry; at most three known types can pass the duplicate check.
    for _ in 0..3 {
        if out.entries.len() >= max_entries {
            return None;
        }
        c.expect(b'{')?;
        let (mut kind, mut text60, mut text200) = (None, None, None);
        for member in 0..2 {
            if member == 1 {
                c.expect(b',')?;
            }
            let name = c.one_of(&MEMBERS)?;
            c.expect(b':')?;
            let seen_before = if name == 0 {
                kind.replace(*InteractionType::ALL.get(c.one_of(&TYPES)?)?).is_some()
            } else {
                let slot = if name == 1 { &mut text60 } else { &mut text200 };
                slot.replace(string(&mut c)?).is_some()
            };
            if seen_before {
                return None;
            }
        }
        c.expect(b'}')?;
        let kind = kind?;
        if let Reading::Strict(flow) = reading {
            if !kind.allowed_in(flow) {
                return None;
            }
        }
        if seen & kind.bit() != 0 {
            return None;
        }
        seen |= kind.bit();
        let text = check_text(kind, text60, text200).ok()?;
        let raw = text.raw();
        let start = offset_in(src, raw);
        out.entries.push(Entry { kind, start, end: start + raw.len(), escaped: text.has_escapes() }).ok()?;
        match c.next_token()? {
            b',' => {}
            b']' => {
                c.skip_ws();
                let items = 1 + 3 * out.entries.len();
                return (c.pos == c.bytes.len() && items <= limits.max_items).then_some(out);
            }
            _ => return None,
        }
    }
    None
}

fn check_rules(src: &str, reading: Reading, limits: &Limits) -> Result<Validated> {
    let mut lx = Lexer::new(src, limits)?;
    match lx.next_event()? {
        Some(Event::StartArray) => {}
        _ => return Err(Error::new(ErrorCode::UnexpectedJsonType, "interactions must be a JSON array").at_offset(0)),
    }
    let max_entries = match reading {
        Reading::Wallet => limits.max_interactions.min(MAX_WALLET_ENTRIES),
        Reading::Strict(_) | Reading::AnyFlow => 3,
    };
    let mut out = Validated { entries: heapless::Vec::new(), skipped: 0 };
    let mut seen_known = 0u8;
    let mut seen_unknown: heapless::Vec<JsonStr<'_>, MAX_WALLET_ENTRIES> = heapless::Vec::new();
    let mut index = 0usize;
    loop {
        match lx.next_event()? {
            Some(Event::EndArray) => break,
            Some(Event::StartObject) => {}
            _ => {
                return Err(
                    Error::new(ErrorCode::UnexpectedJsonType, "each interaction must be a JSON object").at_index(index)
                )
            }
        }
        let fields = read_entry(&mut lx, index)?;
        let at = |e: Error| e.at_index(index);
        let Some(type_name) = fields.kind else {
            return Err(at(Error::code_only(ErrorCode::MissingInteractionType)));
        };
        match InteractionType::from_json(&type_name) {
            None => {
                if type_name.raw().is_empty() {
                    return Err(at(Error::new(ErrorCode::MissingInteractionType, "interaction type is empty")));
                }
                if !matches!(reading, Reading::Wallet) {
                    return Err(at(Error::code_only(ErrorCode::UnknownInteractionType)));
                }
                if seen_unknown.iter().any(|s| s.same_text(&type_name)) {
                    return Err(at(Error::code_only(ErrorCode::DuplicateInteractionType)));
                }
                if index >= max_entries || seen_unknown.push(type_name).is_err() {
                    return Err(at(Error::code_only(ErrorCode::TooManyInteractions)));
                }
                out.skipped += 1;
            }
            Some(kind) => {
                if fields.unknown_member {
                    return Err(at(Error::new(
                        ErrorCode::UnknownField,
                        "interaction has a member other than type and its display text",
                    )));
                }
                if let Reading::Strict(flow) = reading {
                    if !kind.allowed_in(flow) {
                        return Err(at(Error::code_only(ErrorCode::TypeNotAllowedForFlow)));
                    }
                }
                if seen_known & kind.bit() != 0 {
                    return Err(at(Error::code_only(ErrorCode::DuplicateInteractionType)));
                }
                seen_known |= kind.bit();
                let text = check_text(kind, fields.text60, fields.text200).map_err(at)?;
                let raw = text.raw();
                let start = offset_in(src, raw);
                let entry = Entry { kind, start, end: start + raw.len(), escaped: text.has_escapes() };
                if index >= max_entries || out.entries.push(entry).is_err() {
                    return Err(at(Error::code_only(ErrorCode::TooManyInteractions)));
                }
            }
        }
        index += 1;
    }
    if lx.next_event()?.is_some() {
        return Err(Error::new(ErrorCode::InvalidJson, "text after the interactions array").at_offset(lx.offset()));
    }
    if index == 0 {
        return Err(Error::code_only(ErrorCode::EmptyInteractions));
    }
    Ok(out)
}

#[derive(Default)]
struct Fields<'a> {
    kind: Option<JsonStr<'a>>,
    text60: Option<JsonStr<'a>>,
    text200: Option<JsonStr<'a>>,
    unknown_member: bool,
}

/// Largest number of members of an entry whose type this library does not know.
const MAX_UNKNOWN_MEMBERS: usize = 8;

fn read_entry<'a>(lx: &mut Lexer<'a>, index: usize) -> Result<Fields<'a>> {
    let mut f = Fields::default();
    let mut other_keys: heapless::Vec<JsonStr<'a>, MAX_UNKNOWN_MEMBERS> = heapless::Vec::new();
    loop {
        let key = match lx.next_event()? {
            Some(Event::EndObject) => return Ok(f),
            Some(Event::Key(k)) => k,
            _ => return Err(Error::new(ErrorCode::InvalidJson, "expected a member").at_index(index)),
        };
        let value = lx.next_event()?;
        let slot = if key.eq_str("type") {
            Some(&mut f.kind)
        } else if key.eq_str(TextField::DisplayText60.name()) {
            Some(&mut f.text60)
        } else if key.eq_str(TextField::DisplayText200.name()) {
            Some(&mut f.text200)
        } else {
            None
        };
        match (slot, value) {
            (Some(slot), Some(Event::Str(s))) => {
                if slot.replace(s).is_some() {
                    return Err(
                        Error::new(ErrorCode::DuplicateKey, "member listed twice in an interaction").at_index(index)
                    );
                }
            }
            (Some(_), _) => {
                return Err(Error::new(ErrorCode::UnexpectedJsonType, "type and display texts must be JSON strings")
                    .at_index(index));
            }
            (None, value) => {
                if matches!(value, Some(Event::StartArray | Event::StartObject)) {
                    return Err(Error::new(ErrorCode::UnexpectedJsonType, "interaction members must be scalars")
                        .at_index(index));
                }
                if other_keys.iter().any(|k| k.same_text(&key)) {
                    return Err(
                        Error::new(ErrorCode::DuplicateKey, "member listed twice in an interaction").at_index(index)
                    );
                }
                if other_keys.push(key).is_err() {
                    return Err(
                        Error::new(ErrorCode::TooManyItems, "too many members in an interaction").at_index(index)
                    );
                }
                f.unknown_member = true;
            }
        }
    }
}

#[inline]
fn check_text<'a>(kind: InteractionType, t60: Option<JsonStr<'a>>, t200: Option<JsonStr<'a>>) -> Result<JsonStr<'a>> {
    let field = kind.text_field();
    let text = match (t60, t200, field) {
        (Some(_), Some(_), _) => return Err(Error::code_only(ErrorCode::BothDisplayTexts)),
        (None, None, _) => return Err(Error::code_only(ErrorCode::MissingDisplayText)),
        (Some(t), None, TextField::DisplayText60) | (None, Some(t), TextField::DisplayText200) => t,
        _ => return Err(Error::code_only(ErrorCode::WrongDisplayTextField)),
    };
    match text.scalar_count() {
        0 => Err(Error::code_only(ErrorCode::EmptyDisplayText)),
        n if n > field.max_chars() => Err(Error::new(
            ErrorCode::DisplayTextTooLong,
            match field {
                TextField::DisplayText60 => "displayText60 is longer than 60 characters",
                TextField::DisplayText200 => "displayText200 is longer than 200 characters",
            },
        )),
        _ => Ok(text),
    }
}

/// Base64-decodes into `scratch`, validates, unescapes the texts in place and borrows them.
fn decode_into_scratch<'a>(
    base64: &'a str,
    reading: Reading,
    limits: &Limits,
    scratch: &'a mut [u8],
) -> Result<Interactions<'a>> {
    if base64.len() > limits.max_input_bytes {
        return Err(Error::new(ErrorCode::InputTooLarge, "interactions text longer than max_input_bytes"));
    }
    if base64.is_empty() {
        return Err(Error::new(ErrorCode::InvalidBase64, "interactions text is empty"));
    }
    let n = base64_decode_into(base64, scratch)?;
    let json = scratch.get_mut(..n).ok_or_else(|| Error::code_only(ErrorCode::BufferTooSmall))?;
    let validated = {
        let text = core::str::from_utf8(json).map_err(|e| {
            Error::new(ErrorCode::InvalidUtf8, "decoded interactions are not UTF-8").at_offset(e.valid_up_to())
        })?;
        validate_json(text, reading, limits)?
    };
    let mut spans: heapless::Vec<(InteractionType, usize, usize), 3> = heapless::Vec::new();
    let (mut first, mut last) = (usize::MAX, 0);
    for e in &validated.entries {
        let end = if e.escaped {
            let end =
                unescape_in_place(json, e.start, e.end).ok_or_else(|| Error::code_only(ErrorCode::InvalidJson))?;
            // The bytes the unescaping freed become spaces, so the whole text stays UTF-8 and one
            // validation below covers every entry.
            json.get_mut(end..e.end).ok_or_else(|| Error::code_only(ErrorCode::InvalidJson))?.fill(b' ');
            end
        } else {
            e.end
        };
        first = first.min(e.start);
        last = last.max(end);
        spans.push((e.kind, e.start, end)).map_err(|_| Error::code_only(ErrorCode::TooManyInteractions))?;
    }
    let json: &'a [u8] = json;
    let region = match json.get(first..last) {
        Some(bytes) => core::str::from_utf8(bytes).map_err(|_| Error::code_only(ErrorCode::InvalidUtf8))?,
        None => "",
    };
    let mut items = heapless::Vec::new();
    for (kind, start, end) in spans {
        let text = region
            .get(start.wrapping_sub(first)..end.wrapping_sub(first))
            .ok_or_else(|| Error::code_only(ErrorCode::InvalidUtf8))?;
        items.push(Interaction { kind, text }).map_err(|_| Error::code_only(ErrorCode::TooManyInteractions))?;
    }
    Ok(Interactions { base64, items, skipped: validated.skipped })
}

/// Decodes and strictly validates an interactions parameter for `flow`, borrowing `scratch`
/// for the decoded text (no heap allocation). `scratch` needs [`scratch_len`] bytes.
///
/// ```
/// use ssi_verify_core::smartid::{decode_in, scratch_len, Flow, InteractionType};
/// use ssi_verify_core::Limits;
/// let b64 = "W3sidHlwZSI6ImRpc3BsYXlUZXh0QW5kUElOIiwiZGlzcGxheVRleHQ2MCI6IkxvZyBpbiB0byBtb2JpbGUgYmFua2luZyBhcHAifV0=";
/// let mut scratch = [0u8; 256];
/// let list = decode_in(b64, Flow::DeviceLink, &Limits::DEFAULT, &mut scratch).unwrap();
/// assert_eq!(list.as_slice()[0].kind, InteractionType::DisplayTextAndPin);
/// assert_eq!(list.as_slice()[0].text, "Log in to mobile banking app");
/// assert_eq!(list.base64(), b64);
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidBase64`], [`ErrorCode::InvalidUtf8`], [`ErrorCode::InvalidJson`],
/// [`ErrorCode::BufferTooSmall`], a limit code, or the code of the first broken rule.
pub fn decode_in<'a>(base64: &'a str, flow: Flow, limits: &Limits, scratch: &'a mut [u8]) -> Result<Interactions<'a>> {
    decode_into_scratch(base64, Reading::Strict(flow), limits, scratch)
}

/// Decodes with any [`Reading`] into `scratch` (no heap allocation).
///
/// # Errors
/// As [`decode_in`].
pub fn read_in<'a>(
    base64: &'a str,
    reading: Reading,
    limits: &Limits,
    scratch: &'a mut [u8],
) -> Result<Interactions<'a>> {
    decode_into_scratch(base64, reading, limits, scratch)
}

/// Decodes and strictly validates an interactions parameter for `flow`.
///
/// ```
/// use ssi_verify_core::smartid::{decode, Flow};
/// use ssi_verify_core::{ErrorCode, Limits};
/// // [{"type":"confirmationMessageAndVerificationCodeChoice","displayText200":"Transfer 1000\u20ac ..."}]
/// let b64 = "W3sidHlwZSI6ImNvbmZpcm1hdGlvbk1lc3NhZ2VBbmRWZXJpZmljYXRpb25Db2RlQ2hvaWNlIiwiZGlzcGxheVRleHQyMDAiOiJUcmFuc2ZlciAxMDAwXHUyMGFjIHRvIEphbmUgRG9lIEdCMzNCVUtCMjAyMDE1NTU1NTU1NTUifV0=";
/// let list = decode(b64, Flow::Notification, &Limits::DEFAULT).unwrap();
/// assert_eq!(list.items[0].text, "Transfer 1000€ to Jane Doe GB33BUKB20201555555555");
/// let err = decode(b64, Flow::DeviceLink, &Limits::DEFAULT).unwrap_err();
/// assert_eq!(err.code(), ErrorCode::TypeNotAllowedForFlow);
/// ```
///
/// # Errors
/// As [`decode_in`].
pub fn decode(base64: &str, flow: Flow, limits: &Limits) -> Result<InteractionList> {
    read(base64, Reading::Strict(flow), limits)
}

/// Decodes with any [`Reading`].
///
/// # Errors
/// As [`decode_in`].
pub fn read(base64: &str, reading: Reading, limits: &Limits) -> Result<InteractionList> {
    if base64.len() > limits.max_input_bytes {
        return Err(Error::new(ErrorCode::InputTooLarge, "interactions text longer than max_input_bytes"));
    }
    let mut scratch = alloc::vec![0u8; scratch_len(base64.len())];
    decode_into_scratch(base64, reading, limits, &mut scratch).map(|list| list.to_list())
}

/// The app-side choice: the first interaction, in the RP's order, whose type the app supports.
/// Unknown types are skipped; malformed entries are still errors. No heap allocation.
///
/// # Errors
/// [`ErrorCode::RequiredInteractionNotSupportedByApp`] when no offered type is supported, or
/// any error of the wallet reading.
pub fn select_in<'a>(
    base64: &'a str,
    supported: &[InteractionType],
    limits: &Limits,
    scratch: &'a mut [u8],
) -> Result<Interaction<'a>> {
    let list = decode_into_scratch(base64, Reading::Wallet, limits, scratch)?;
    list.as_slice()
        .iter()
        .find(|i| supported.contains(&i.kind))
        .copied()
        .ok_or_else(|| Error::code_only(ErrorCode::RequiredInteractionNotSupportedByApp))
}

/// The app-side choice with an owned result (see [`select_in`]).
///
/// ```
/// use ssi_verify_core::smartid::{select, InteractionType};
/// use ssi_verify_core::{ErrorCode, Limits};
/// // [{"type":"confirmationMessage",...},{"type":"displayTextAndPIN",...}]
/// let b64 = "W3sidHlwZSI6ImNvbmZpcm1hdGlvbk1lc3NhZ2UiLCJkaXNwbGF5VGV4dDIwMCI6IkxvbmdlciBkZXNjcmlwdGlvbiBvZiB0aGUgdHJhbnNhY3Rpb24gY29udGV4dCJ9LHsidHlwZSI6ImRpc3BsYXlUZXh0QW5kUElOIiwiZGlzcGxheVRleHQ2MCI6IlNob3J0IGRlc2NyaXB0aW9uIG9mIHRoZSB0cmFuc2FjdGlvbiBjb250ZXh0In1d";
/// let pick = select(b64, &[InteractionType::DisplayTextAndPin], &Limits::DEFAULT).unwrap();
/// assert_eq!(pick.text, "Short description of the transaction context");
/// let none = select(b64, &[], &Limits::DEFAULT).unwrap_err();
/// assert_eq!(none.code(), ErrorCode::RequiredInteractionNotSupportedByApp);
/// ```
///
/// # Errors
/// As [`select_in`].
pub fn select(base64: &str, supported: &[InteractionType], limits: &Limits) -> Result<OwnedInteraction> {
    if base64.len() > limits.max_input_bytes {
        return Err(Error::new(ErrorCode::InputTooLarge, "interactions text longer than max_input_bytes"));
    }
    let mut scratch = alloc::vec![0u8; scratch_len(base64.len())];
    select_in(base64, supported, limits, &mut scratch).map(|i| i.to_owned_interaction())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::base64_encode;
    use alloc::format;
    use alloc::string::String;

    fn strict(json: &str, flow: Flow) -> Result<InteractionList> {
        decode(&base64_encode(json.as_bytes()), flow, &Limits::DEFAULT)
    }

    fn code(json: &str, flow: Flow) -> ErrorCode {
        strict(json, flow).unwrap_err().code()
    }

    fn wallet(json: &str) -> Result<InteractionList> {
        read(&base64_encode(json.as_bytes()), Reading::Wallet, &Limits::DEFAULT)
    }

    #[test]
    fn rule_1_type_and_non_empty_text_are_mandatory() {
        use Flow::Notification as N;
        assert_eq!(code(r#"[{"displayText60":"x"}]"#, N), ErrorCode::MissingInteractionType);
        assert_eq!(code(r#"[{"type":"displayTextAndPIN"}]"#, N), ErrorCode::MissingDisplayText);
        assert_eq!(code(r#"[{"type":"displayTextAndPIN","displayText60":""}]"#, N), ErrorCode::EmptyDisplayText);
        assert_eq!(code(r#"[{"type":"","displayText60":"x"}]"#, N), ErrorCode::MissingInteractionType);
        assert_eq!(code(r#"[{"type":"displayTextAndPIN","displayText200":"x"}]"#, N), ErrorCode::WrongDisplayTextField);
        assert_eq!(
            code(r#"[{"type":"confirmationMessage","displayText60":"x"}]"#, N),
            ErrorCode::WrongDisplayTextField
        );
        assert_eq!(code(r#"[{"type":1,"displayText60":"x"}]"#, N), ErrorCode::UnexpectedJsonType);
        assert_eq!(code(r#"[{"type":"displayTextAndPIN","displayText60":null}]"#, N), ErrorCode::UnexpectedJsonType);
    }

    #[test]
    fn rule_2_both_texts_forbidden() {
        assert_eq!(
            code(r#"[{"type":"displayTextAndPIN","displayText60":"a","displayText200":"b"}]"#, Flow::DeviceLink),
            ErrorCode::BothDisplayTexts
        );
    }

    #[test]
    fn rule_3_no_duplicate_types() {
        assert_eq!(
            code(
                r#"[{"type":"displayTextAndPIN","displayText60":"a"},{"type":"displayTextAndPIN","displayText60":"b"}]"#,
                Flow::DeviceLink
            ),
            ErrorCode::DuplicateInteractionType
        );
        assert_eq!(
            code(
                r#"[{"type":"displayTextAndPIN","displayText60":"a"},{"type":"displayText\u0041ndPIN","displayText60":"b"}]"#,
                Flow::DeviceLink
            ),
            ErrorCode::DuplicateInteractionType
        );
    }

    #[test]
    fn rule_4_types_per_flow() {
        let vc = r#"[{"type":"confirmationMessageAndVerificationCodeChoice","displayText200":"x"}]"#;
        assert!(strict(vc, Flow::Notification).is_ok());
        assert_eq!(code(vc, Flow::DeviceLink), ErrorCode::TypeNotAllowedForFlow);
        assert_eq!(code(vc, Flow::LinkedNotification), ErrorCode::TypeNotAllowedForFlow);
        for flow in [Flow::DeviceLink, Flow::Notification, Flow::LinkedNotification] {
            assert!(strict(r#"[{"type":"confirmationMessage","displayText200":"x"}]"#, flow).is_ok());
            assert_eq!(
                code(r#"[{"type":"verificationCodeChoice","displayText60":"x"}]"#, flow),
                ErrorCode::UnknownInteractionType
            );
        }
    }

    #[test]
    fn lengths_count_scalar_values_after_unescaping() {
        let sixty = "é".repeat(60);
        assert!(
            strict(&format!(r#"[{{"type":"displayTextAndPIN","displayText60":"{sixty}"}}]"#), Flow::DeviceLink).is_ok()
        );
        let escaped: String = "\\u20ac".repeat(60);
        let ok = strict(&format!(r#"[{{"type":"displayTextAndPIN","displayText60":"{escaped}"}}]"#), Flow::DeviceLink)
            .unwrap();
        assert_eq!(ok.items[0].text, "€".repeat(60));
        let emoji: String = "\\ud83d\\ude00".repeat(60);
        assert!(
            strict(&format!(r#"[{{"type":"displayTextAndPIN","displayText60":"{emoji}"}}]"#), Flow::DeviceLink).is_ok()
        );
        let too_long: String = "\\ud83d\\ude00".repeat(61);
        assert_eq!(
            code(&format!(r#"[{{"type":"displayTextAndPIN","displayText60":"{too_long}"}}]"#), Flow::DeviceLink),
            ErrorCode::DisplayTextTooLong
        );
        let two_hundred = "x".repeat(200);
        assert!(strict(
            &format!(r#"[{{"type":"confirmationMessage","displayText200":"{two_hundred}"}}]"#),
            Flow::DeviceLink
        )
        .is_ok());
        assert_eq!(
            code(&format!(r#"[{{"type":"confirmationMessage","displayText200":"{two_hundred}y"}}]"#), Flow::DeviceLink),
            ErrorCode::DisplayTextTooLong
        );
    }

    #[test]
    fn json_shape_errors() {
        use Flow::DeviceLink as D;
        assert_eq!(code("[]", D), ErrorCode::EmptyInteractions);
        assert_eq!(code("{}", D), ErrorCode::UnexpectedJsonType);
        assert_eq!(code("[1]", D), ErrorCode::UnexpectedJsonType);
        assert_eq!(code("[{\"type\":\"displayTextAndPIN\",\"displayText60\":\"a\"}", D), ErrorCode::InvalidJson);
        assert_eq!(code("[{\"type\":\"displayTextAndPIN\",\"displayText60\":\"a\"}] x", D), ErrorCode::InvalidJson);
        assert_eq!(
            code(r#"[{"type":"displayTextAndPIN","type":"displayTextAndPIN","displayText60":"a"}]"#, D),
            ErrorCode::DuplicateKey
        );
        assert_eq!(code(r#"[{"type":"displayTextAndPIN","displayText60":"a","extra":1}]"#, D), ErrorCode::UnknownField);
        assert_eq!(code(r#"[{"type":"displayTextAndPIN","displayText60":"\ud800"}]"#, D), ErrorCode::LoneSurrogate);
        let bad_utf8 = base64_encode(b"[{\"type\":\"displayTextAndPIN\",\"displayText60\":\"\xff\"}]");
        assert_eq!(decode(&bad_utf8, D, &Limits::DEFAULT).unwrap_err().code(), ErrorCode::InvalidUtf8);
        assert_eq!(decode("not base64!", D, &Limits::DEFAULT).unwrap_err().code(), ErrorCode::InvalidBase64);
        assert_eq!(decode("", D, &Limits::DEFAULT).unwrap_err().code(), ErrorCode::InvalidBase64);
    }

    #[test]
    fn order_and_whitespace_do_not_matter_and_base64_is_kept() {
        let json = " [ { \"displayText60\" : \"Hello world\" ,\n \"type\" : \"displayTextAndPIN\" } ] ";
        let b64 = base64_encode(json.as_bytes());
        let list = decode(&b64, Flow::Notification, &Limits::DEFAULT).unwrap();
        assert_eq!(list.base64, b64);
        assert_eq!(
            list.items,
            [OwnedInteraction { kind: InteractionType::DisplayTextAndPin, text: "Hello world".into() }]
        );
    }

    #[test]
    fn wallet_reading_skips_unknown_types_only() {
        let json = r#"[{"type":"futureType","displayText500":"x","icon":true},{"type":"confirmationMessage","displayText200":"c"},{"type":"displayTextAndPIN","displayText60":"p"}]"#;
        let list = wallet(json).unwrap();
        assert_eq!(list.skipped, 1);
        assert_eq!(list.items.len(), 2);
        assert_eq!(code(json, Flow::DeviceLink), ErrorCode::UnknownInteractionType);
        let b64 = base64_encode(json.as_bytes());
        let pick = select(&b64, &[InteractionType::DisplayTextAndPin], &Limits::DEFAULT).unwrap();
        assert_eq!(pick.text, "p");
        let pick = select(&b64, &InteractionType::ALL, &Limits::DEFAULT).unwrap();
        assert_eq!(pick.kind, InteractionType::ConfirmationMessage);
        // Malformed known entries and duplicated unknown types are still errors.
        assert_eq!(
            wallet(r#"[{"type":"futureType"},{"type":"displayTextAndPIN"}]"#).unwrap_err().code(),
            ErrorCode::MissingDisplayText
        );
        assert_eq!(wallet(r#"[{"type":"f"},{"type":"f"}]"#).unwrap_err().code(), ErrorCode::DuplicateInteractionType);
        assert_eq!(wallet(r#"[{"type":"f","x":[1]}]"#).unwrap_err().code(), ErrorCode::UnexpectedJsonType);
        assert_eq!(
            wallet(r#"[{"type":"displayTextAndPIN","displayText60":"a","x":1}]"#).unwrap_err().code(),
            ErrorCode::UnknownField
        );
        let only_unknown = base64_encode(br#"[{"type":"f"}]"#);
        assert_eq!(
            select(&only_unknown, &InteractionType::ALL, &Limits::DEFAULT).unwrap_err().code(),
            ErrorCode::RequiredInteractionNotSupportedByApp
        );
    }

    #[test]
    fn wallet_entry_count_is_bounded() {
        let many: String = (0..17).map(|i| format!(r#"{{"type":"t{i}"}}"#)).collect::<alloc::vec::Vec<_>>().join(",");
        assert_eq!(wallet(&format!("[{many}]")).unwrap_err().code(), ErrorCode::TooManyInteractions);
        let fine: String = (0..16).map(|i| format!(r#"{{"type":"t{i}"}}"#)).collect::<alloc::vec::Vec<_>>().join(",");
        assert_eq!(wallet(&format!("[{fine}]")).unwrap().skipped, 16);
    }

    /// The common-case path never accepts what the full rules refuse, and gives the same entries
    /// when both accept; it takes the texts it was written for.
    #[test]
    fn common_case_agrees_with_the_full_rules() {
        let pin = r#"{"type":"displayTextAndPIN","displayText60":"PIN \u20ac"}"#;
        let conf = r#"{"displayText200":"Conf\u00e9 \ud83d\ude00","type":"confirmationMessage"}"#;
        let vc = r#"{"type":"confirmationMessageAndVerificationCodeChoice","displayText200":"v"}"#;
        let taken = [
            format!("[{pin}]"),
            format!(" [ {conf} ,\n{pin} ]\t"),
            format!("[{vc},{pin},{conf}]"),
            format!("[{pin},{conf}]"),
        ];
        let other = [
            format!("[{pin},{pin}]"),
            format!("[{pin},{conf},{vc},{pin}]"),
            r#"[{"type":"displayT\u0065xtAndPIN","displayText60":"x"}]"#.into(),
            r#"[{"type":"displayTextAndPINx","displayText60":"x"}]"#.into(),
            r#"[{"type":"confirmationMessageAnd","displayText200":"x"}]"#.into(),
            r#"[{"type" "displayTextAndPIN","displayText60":"x"}]"#.into(),
            r#"[{"displayText60":"x","displayText60":"y"}]"#.into(),
            format!("[{pin}] x"),
            format!("[{pin},]"),
            format!("[{pin}"),
            String::from(pin),
            "[]".into(),
            r#"[{"type":"displayTextAndPIN"}]"#.into(),
            r#"[{"type":"displayTextAndPIN","displayText60":""}]"#.into(),
            r#"[{"type":"displayTextAndPIN","displayText200":"x"}]"#.into(),
            r#"[{"type":"displayTextAndPIN","displayText60":"x","displayText200":"y"}]"#.into(),
            r#"[{"type":"displayTextAndPIN","type":"displayTextAndPIN"}]"#.into(),
            r#"[{"type":"displayTextAndPIN","displayText60":"x","x":1}]"#.into(),
            r#"[{"t\u0079pe":"displayTextAndPIN","displayText60":"x"}]"#.into(),
            r#"[{"type":"futureType","displayText60":"x"}]"#.into(),
            r#"[{"type":"displayTextAndPIN","displayText60":1}]"#.into(),
            r#"[{"type":"displayTextAndPIN","displayText60":"\ud800"}]"#.into(),
            r#"[{"type":"displayTextAndPIN","displayText60":"a\u0001"}]"#.into(),
            format!(r#"[{{"type":"displayTextAndPIN","displayText60":"{}"}}]"#, "x".repeat(61)),
            format!(r#"[{{"type":"displayTextAndPIN","displayText60":"{}"}}]"#, "é".repeat(60)),
        ];
        let tight = [
            Limits::DEFAULT,
            Limits { max_items: 3, ..Limits::DEFAULT },
            Limits { max_items: 4, ..Limits::DEFAULT },
            // One short of two and of three entries' items (1 + 3 per entry).
            Limits { max_items: 6, ..Limits::DEFAULT },
            Limits { max_items: 9, ..Limits::DEFAULT },
            Limits { max_depth: 1, ..Limits::DEFAULT },
            Limits { max_string_bytes: 12, ..Limits::DEFAULT },
            Limits { max_input_bytes: 40, ..Limits::DEFAULT },
            Limits { max_interactions: 1, ..Limits::DEFAULT },
        ];
        let readings =
            [Reading::Strict(Flow::DeviceLink), Reading::Strict(Flow::Notification), Reading::AnyFlow, Reading::Wallet];
        let mut fast = 0;
        for (i, json) in taken.iter().chain(other.iter()).enumerate() {
            for limits in &tight {
                for reading in readings {
                    let full = check_rules(json, reading, limits);
                    let quick = common_case(json, reading, limits);
                    if let Some(q) = &quick {
                        let f = full.as_ref().unwrap_or_else(|e| panic!("{json} {reading:?}: fast accepts, full {e}"));
                        assert_eq!(format!("{q:?}"), format!("{f:?}"), "{json}");
                        fast += 1;
                    } else if i < taken.len() && full.is_ok() && *limits == Limits::DEFAULT {
                        panic!("{json} {reading:?}: the common case did not take it");
                    }
                }
            }
        }
        assert!(fast > 20);
        // Limits exactly at what the common case needs (the input's size, two levels, the
        // longest name, the items): it still takes every input it takes under the defaults.
        for json in &taken {
            let entries = json.matches("\"type\"").count();
            let exact = Limits {
                max_input_bytes: json.len(),
                max_depth: 2,
                max_string_bytes: LONGEST_NAME,
                max_items: 1 + 3 * entries,
                ..Limits::DEFAULT
            };
            assert!(check_rules(json, Reading::AnyFlow, &exact).is_ok(), "{json}");
            assert!(
                common_case(json, Reading::AnyFlow, &exact).is_some(),
                "{json}: the common case declined at its bounds"
            );
        }
    }

    #[test]
    fn scratch_too_small_is_reported() {
        let b64 = base64_encode(br#"[{"type":"displayTextAndPIN","displayText60":"a"}]"#);
        let mut tiny = [0u8; 8];
        assert_eq!(
            decode_in(&b64, Flow::DeviceLink, &Limits::DEFAULT, &mut tiny).unwrap_err().code(),
            ErrorCode::BufferTooSmall
        );
    }

    #[test]
    fn input_limit_applies_to_base64_text() {
        let b64 = base64_encode(br#"[{"type":"displayTextAndPIN","displayText60":"a"}]"#);
        let tight = Limits { max_input_bytes: 10, ..Limits::DEFAULT };
        assert_eq!(decode(&b64, Flow::DeviceLink, &tight).unwrap_err().code(), ErrorCode::InputTooLarge);
        // The bound is inclusive, and it is the Base64 text's: the decoded JSON (3/4 of it)
        // would fit a bound the text exceeds.
        let json_len = crate::codec::base64_decode(&b64).unwrap().len();
        let exact = Limits { max_input_bytes: b64.len(), ..Limits::DEFAULT };
        let short = Limits { max_input_bytes: b64.len() - 1, ..Limits::DEFAULT };
        assert!(json_len < short.max_input_bytes);
        let mut scratch = [0u8; 128];
        assert!(decode(&b64, Flow::DeviceLink, &exact).is_ok());
        assert!(read(&b64, Reading::AnyFlow, &exact).is_ok());
        assert!(select(&b64, &[InteractionType::DisplayTextAndPin], &exact).is_ok());
        assert!(decode_in(&b64, Flow::DeviceLink, &exact, &mut scratch).is_ok());
        assert_eq!(decode(&b64, Flow::DeviceLink, &short).unwrap_err().code(), ErrorCode::InputTooLarge);
        assert_eq!(read(&b64, Reading::AnyFlow, &short).unwrap_err().code(), ErrorCode::InputTooLarge);
        assert_eq!(
            select(&b64, &[InteractionType::DisplayTextAndPin], &short).unwrap_err().code(),
            ErrorCode::InputTooLarge
        );
        let err = decode_in(&b64, Flow::DeviceLink, &short, &mut scratch).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InputTooLarge);
    }

    #[test]
    fn accessors_of_a_decoded_list() {
        let json = r#"[{"type":"futureType","displayText60":"x"},{"type":"confirmationMessage","displayText200":"b"}]"#;
        let b64 = base64_encode(json.as_bytes());
        let mut scratch = [0u8; 256];
        let list = read_in(&b64, Reading::Wallet, &Limits::DEFAULT, &mut scratch).unwrap();
        assert_eq!(list.base64(), b64);
        assert_eq!(list.skipped_unknown(), 1);
        assert!(list.offers(InteractionType::ConfirmationMessage));
        assert!(!list.offers(InteractionType::DisplayTextAndPin));
        let known = base64_encode(br#"[{"type":"confirmationMessage","displayText200":"b"}]"#);
        let mut scratch = [0u8; 256];
        assert_eq!(read_in(&known, Reading::Wallet, &Limits::DEFAULT, &mut scratch).unwrap().skipped_unknown(), 0);
        for flow in [Flow::DeviceLink, Flow::Notification, Flow::LinkedNotification] {
            assert_eq!(Flow::from_name(flow.name()), Some(flow));
        }
        assert_eq!(Flow::DeviceLink.name(), "device-link");
        assert_eq!(Flow::from_name("Device-Link"), None);
    }
}
