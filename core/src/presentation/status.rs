//! Credential status: `StatusList2021Entry` (W3C StatusList2021) and `BitstringStatusListEntry`
//! (W3C Bitstring Status List v1.0), checked offline against status-list credentials the
//! caller fetched and supplies keyed by their URL ([`StatusLists`]).
//!
//! For each entry of a credential's `credentialStatus` the list credential named by
//! `statusListCredential` is read (a JSON-LD object, or a compact JWT as fetched, bare or as a
//! JSON string), verified like any credential (its proof and its validity period, see
//! [`crate::presentation::credential`]), its type and `statusPurpose` matched to the entry's,
//! and its `encodedList` decoded: StatusList2021 is Base64URL, BitstringStatusList multibase
//! `u` followed by Base64URL, both of a GZIP member (RFC 1952: header, DEFLATE, CRC-32 and length checked),
//! inflated with `miniz_oxide` within [`Limits::max_status_list_bytes`]. Both specifications
//! require at least 131,072 entries, so a shorter list is refused
//! ([`ErrorCode::StatusListTooShort`]). The status at `statusListIndex` is `statusSize` bits
//! (default 1) starting at bit `index × statusSize`, **bit 0 being the most significant bit of
//! the first byte** (the specifications' order; older digitalbazaar and spruceid code read each
//! byte the other way round, and their fixtures carry that order: they are not followed). With a
//! `statusMessage` list the message for the value is reported.
//!
//! ```
//! use ssi_verify_core::presentation::status::{decode_status_list, read_status};
//! use ssi_verify_core::Limits;
//! // The W3C Bitstring Status List example: 131,072 zero bits.
//! let bits = decode_status_list("uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA", true, &Limits::DEFAULT).unwrap();
//! assert_eq!(bits.len(), 16_384);
//! assert_eq!(read_status(&bits, 94_567, 1).unwrap(), 0);
//! ```

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

use crate::codec::base64url_decode;
use crate::error::{Error, ErrorCode, Result};
use crate::json::Value;
use crate::limits::Limits;

/// The fewest entries a status list may have (both specifications: 16 KiB at one bit each).
pub const MIN_STATUS_ENTRIES: usize = 131_072;

/// The widest `statusSize` accepted, in bits.
pub const MAX_STATUS_SIZE: u32 = 32;

/// The most status entries read from one credential.
pub const MAX_STATUS_ENTRIES: usize = 16;

/// Status-list credentials the caller fetched, by the URL they were served at.
///
/// ```
/// use ssi_verify_core::presentation::status::StatusLists;
/// let mut lists = StatusLists::new();
/// lists.insert("https://example.com/status/1", "eyJhbGciOiJFUzI1NiJ9.e30.sig");
/// assert!(lists.get("https://example.com/status/1").is_some());
/// assert!(lists.get("https://example.com/status/2").is_none());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StatusLists {
    entries: Vec<(String, String)>,
}

impl StatusLists {
    /// No lists.
    #[must_use]
    pub fn new() -> Self {
        Self { entries: Vec::new() }
    }

    /// Supplies the list credential served at `url` (its text as fetched: a JSON-LD object, a
    /// compact JWT, or a JSON string holding one). A later insert for the same URL replaces it.
    pub fn insert(&mut self, url: &str, credential: &str) {
        match self.entries.iter_mut().find(|(u, _)| u == url) {
            Some(e) => e.1 = String::from(credential),
            None => self.entries.push((String::from(url), String::from(credential))),
        }
    }

    /// The text supplied for `url`.
    #[must_use]
    pub fn get(&self, url: &str) -> Option<&str> {
        self.entries.iter().find(|(u, _)| u == url).map(|(_, c)| c.as_str())
    }

    /// Reads lists written as JSON, `{"<URL>": <list credential>}`, each credential a JSON-LD
    /// object or a string holding a compact JWT (the form the C and UniFFI APIs take). Empty
    /// text is no lists.
    ///
    /// ```
    /// use ssi_verify_core::presentation::status::StatusLists;
    /// use ssi_verify_core::Limits;
    /// let lists = StatusLists::from_json(r#"{"https://x/1":{"id":"https://x/1"},"https://x/2":"a.b.c"}"#, &Limits::DEFAULT).unwrap();
    /// assert_eq!(lists.get("https://x/1"), Some(r#"{"id":"https://x/1"}"#));
    /// assert_eq!(lists.get("https://x/2"), Some("a.b.c"));
    /// ```
    ///
    /// # Errors
    /// JSON errors; [`ErrorCode::UnexpectedJsonType`] when it is not an object of objects and
    /// strings (located by the member's index).
    pub fn from_json(text: &str, limits: &Limits) -> Result<Self> {
        let mut lists = Self::new();
        if text.trim().is_empty() {
            return Ok(lists);
        }
        let doc = Value::parse(text, limits)?;
        let members = doc
            .as_object()
            .ok_or_else(|| Error::new(ErrorCode::UnexpectedJsonType, "status lists must map URLs to credentials"))?;
        for (i, (url, credential)) in members.iter().enumerate() {
            match credential {
                Value::String(token) => lists.insert(url, token),
                Value::Object(_) => lists.insert(url, &credential.to_json()),
                _ => {
                    return Err(Error::new(
                        ErrorCode::UnexpectedJsonType,
                        "a status list is a JSON object or a JWT string",
                    )
                    .at_index(i))
                }
            }
        }
        Ok(lists)
    }

    /// Whether no list was supplied.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The two status-entry types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusKind {
    /// `StatusList2021Entry` (list type `StatusList2021Credential`, plain Base64URL).
    StatusList2021,
    /// `BitstringStatusListEntry` (list type `BitstringStatusListCredential`, multibase `u`).
    Bitstring,
}

impl StatusKind {
    /// The entry's `type`.
    #[must_use]
    pub const fn entry_type(self) -> &'static str {
        match self {
            StatusKind::StatusList2021 => "StatusList2021Entry",
            StatusKind::Bitstring => "BitstringStatusListEntry",
        }
    }

    const fn credential_type(self) -> &'static str {
        match self {
            StatusKind::StatusList2021 => "StatusList2021Credential",
            StatusKind::Bitstring => "BitstringStatusListCredential",
        }
    }

    const fn subject_type(self) -> &'static str {
        match self {
            StatusKind::StatusList2021 => "StatusList2021",
            StatusKind::Bitstring => "BitstringStatusList",
        }
    }
}

/// One `credentialStatus` entry, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusEntry {
    /// Which of the two entry types.
    pub kind: StatusKind,
    /// `statusPurpose` (`revocation`, `suspension`, `message`, ...).
    pub purpose: String,
    /// `statusListIndex`.
    pub index: u64,
    /// `statusListCredential`: the URL of the list.
    pub list_url: String,
    /// `statusSize` in bits (1 unless given).
    pub size: u32,
    /// `statusMessage`: (value, message) pairs.
    pub messages: Vec<(u64, String)>,
}

/// What one entry came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusCheck {
    /// The entry's `type` as written (also for types this library cannot check).
    pub entry_type: String,
    /// The entry, when it could be read.
    pub entry: Option<StatusEntry>,
    /// The status value read from the list, or why it could not be read:
    /// [`ErrorCode::StatusListMissing`] when no list was supplied for the URL (or the entry's
    /// type is not one this library reads), other codes for a list that is malformed, too
    /// large or short, an index outside it, or a list credential that did not verify.
    pub outcome: core::result::Result<u64, Error>,
}

impl StatusCheck {
    /// The verdict reason when the status makes the credential invalid: a set `revocation`
    /// ([`ErrorCode::CredentialRevoked`]) or `suspension` ([`ErrorCode::CredentialSuspended`])
    /// status.
    #[must_use]
    pub fn failure(&self) -> Option<ErrorCode> {
        let entry = self.entry.as_ref()?;
        match (entry.purpose.as_str(), &self.outcome) {
            ("revocation", Ok(v)) if *v != 0 => Some(ErrorCode::CredentialRevoked),
            ("suspension", Ok(v)) if *v != 0 => Some(ErrorCode::CredentialSuspended),
            _ => None,
        }
    }

    /// The `statusMessage` text for the value read, if the entry gives one.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        let (entry, value) = (self.entry.as_ref()?, self.outcome.as_ref().ok()?);
        entry.messages.iter().find(|(v, _)| v == value).map(|(_, m)| m.as_str())
    }
}

fn malformed(detail: &'static str) -> Error {
    Error::new(ErrorCode::InvalidStatusList, detail)
}

/// The entries of `credentialStatus` (absent: none). Each is read on its own so one
/// unreadable entry does not hide the others.
///
/// # Errors
/// [`ErrorCode::UnexpectedJsonType`] when `credentialStatus` is not an object or an array,
/// [`ErrorCode::TooManyItems`] past [`MAX_STATUS_ENTRIES`].
pub fn status_entries(credential: &Value) -> Result<Vec<(String, Result<StatusEntry>)>> {
    let items: &[Value] = match credential.get("credentialStatus") {
        None | Some(Value::Null) => &[],
        Some(Value::Array(items)) => items,
        Some(one @ Value::Object(_)) => core::slice::from_ref(one),
        Some(_) => return Err(Error::new(ErrorCode::UnexpectedJsonType, "credentialStatus is not an object or array")),
    };
    if items.len() > MAX_STATUS_ENTRIES {
        return Err(Error::new(ErrorCode::TooManyItems, "more than MAX_STATUS_ENTRIES status entries"));
    }
    Ok(items
        .iter()
        .map(|item| {
            let entry_type = String::from(item.get("type").and_then(Value::as_str).unwrap_or(""));
            (entry_type, read_entry(item))
        })
        .collect())
}

fn read_entry(item: &Value) -> Result<StatusEntry> {
    let kind = match item.get("type").and_then(Value::as_str) {
        Some("StatusList2021Entry") => StatusKind::StatusList2021,
        Some("BitstringStatusListEntry") => StatusKind::Bitstring,
        Some(_) => return Err(Error::new(ErrorCode::StatusListMissing, "a status type this library cannot check")),
        None => return Err(malformed("status entry has no string type")),
    };
    let text = |name: &'static str| item.get(name).and_then(Value::as_str);
    let purpose = text("statusPurpose").ok_or_else(|| malformed("status entry has no string statusPurpose"))?;
    let list_url = text("statusListCredential").ok_or_else(|| malformed("status entry has no statusListCredential"))?;
    // The specifications write the index as a decimal string; a JSON integer is read too.
    let index = match item.get("statusListIndex") {
        Some(Value::String(s)) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => s.parse().ok(),
        Some(Value::Number(n)) => n.as_str().parse().ok(),
        _ => None,
    }
    .ok_or_else(|| malformed("statusListIndex is not a non-negative integer"))?;
    let size = match item.get("statusSize") {
        None => 1,
        Some(Value::Number(n)) => n
            .as_str()
            .parse::<u32>()
            .ok()
            .filter(|s| (1..=MAX_STATUS_SIZE).contains(s))
            .ok_or_else(|| malformed("statusSize is not an integer from 1 to MAX_STATUS_SIZE"))?,
        Some(_) => return Err(malformed("statusSize is not a number")),
    };
    let mut messages = Vec::new();
    match item.get("statusMessage") {
        None => {
            if size > 1 {
                return Err(malformed("statusMessage is required when statusSize is above 1"));
            }
        }
        Some(Value::Array(list)) => {
            for m in list.iter().take(1usize << size.min(16)) {
                let status = m.get("status").and_then(Value::as_str).and_then(|s| s.strip_prefix("0x"));
                let value = status.and_then(|h| u64::from_str_radix(h, 16).ok());
                let (Some(value), Some(message)) = (value, m.get("message").and_then(Value::as_str)) else {
                    return Err(malformed("a statusMessage entry is not {status: \"0x..\", message}"));
                };
                messages.push((value, String::from(message)));
            }
        }
        Some(_) => return Err(malformed("statusMessage is not an array")),
    }
    Ok(StatusEntry { kind, purpose: String::from(purpose), index, list_url: String::from(list_url), size, messages })
}

/// Checks a verified status-list credential's document against `entry` and returns its decoded
/// bitstring.
///
/// # Errors
/// [`ErrorCode::InvalidStatusList`] when the list's `id` is not the entry's URL, its type or
/// subject type is not the entry's, its `statusPurpose` does not include the entry's, or
/// `encodedList` is missing; [`decode_status_list`]'s errors.
pub fn list_bits(list: &Value, entry: &StatusEntry, limits: &Limits) -> Result<Vec<u8>> {
    if list.get("id").and_then(Value::as_str).is_some_and(|id| id != entry.list_url) {
        return Err(malformed("the status-list credential's id is not the statusListCredential URL"));
    }
    let has = |v: Option<&Value>, want: &str| match v {
        Some(Value::String(s)) => s == want,
        Some(Value::Array(items)) => items.iter().any(|i| i.as_str() == Some(want)),
        _ => false,
    };
    if !has(list.get("type"), entry.kind.credential_type()) {
        return Err(malformed("the list credential's type does not match the status entry's"));
    }
    let subject =
        list.get("credentialSubject").ok_or_else(|| malformed("the list credential has no credentialSubject"))?;
    if !has(subject.get("type"), entry.kind.subject_type()) {
        return Err(malformed("the list's credentialSubject type does not match the status entry's"));
    }
    if !has(subject.get("statusPurpose"), &entry.purpose) {
        return Err(malformed("the list's statusPurpose does not include the entry's"));
    }
    let encoded = subject.get("encodedList").and_then(Value::as_str).ok_or_else(|| malformed("no encodedList"))?;
    let bits = decode_status_list(encoded, entry.kind == StatusKind::Bitstring, limits)?;
    let needed = MIN_STATUS_ENTRIES.saturating_mul(usize::try_from(entry.size).unwrap_or(usize::MAX)) / 8;
    if bits.len() < needed {
        return Err(Error::new(ErrorCode::StatusListTooShort, "status list has fewer than 131,072 entries"));
    }
    Ok(bits)
}

/// Decodes an `encodedList`: multibase `u` + Base64URL when `multibase` (BitstringStatusList),
/// plain Base64URL otherwise (StatusList2021), then the GZIP member, inflated within
/// [`Limits::max_status_list_bytes`].
///
/// # Errors
/// [`ErrorCode::InvalidMultibase`] without the `u` prefix; Base64URL errors;
/// [`ErrorCode::InvalidStatusList`] for a malformed GZIP member (header, DEFLATE data, CRC-32,
/// length, trailing bytes); [`ErrorCode::StatusListTooLarge`] past the bound.
pub fn decode_status_list(encoded: &str, multibase: bool, limits: &Limits) -> Result<Vec<u8>> {
    let text = if multibase {
        encoded.strip_prefix('u').ok_or_else(|| {
            Error::new(ErrorCode::InvalidMultibase, "a BitstringStatusList encodedList starts with 'u'")
        })?
    } else {
        encoded
    };
    if text.len() > limits.max_input_bytes {
        return Err(Error::new(ErrorCode::InputTooLarge, "encodedList longer than max_input_bytes"));
    }
    gunzip(&base64url_decode(text)?, limits.max_status_list_bytes)
}

/// The status value at `index`: `size` bits from bit `index × size`, bit 0 the most
/// significant bit of the first byte.
///
/// ```
/// use ssi_verify_core::presentation::status::read_status;
/// assert_eq!(read_status(&[0b0100_0000], 1, 1).unwrap(), 1);
/// assert_eq!(read_status(&[0b0110_0000], 0, 2).unwrap(), 1);
/// assert!(read_status(&[0], 8, 1).is_err());
/// ```
///
/// # Errors
/// [`ErrorCode::StatusIndexOutOfRange`] when the bits lie outside `bits`;
/// [`ErrorCode::InvalidStatusList`] for a `size` of 0 or above [`MAX_STATUS_SIZE`].
pub fn read_status(bits: &[u8], index: u64, size: u32) -> Result<u64> {
    if !(1..=MAX_STATUS_SIZE).contains(&size) {
        return Err(malformed("statusSize is outside 1..=MAX_STATUS_SIZE"));
    }
    let out_of_range = || Error::new(ErrorCode::StatusIndexOutOfRange, "statusListIndex is outside the list");
    let first = index.checked_mul(u64::from(size)).ok_or_else(out_of_range)?;
    let total = u64::try_from(bits.len()).ok().and_then(|n| n.checked_mul(8)).ok_or_else(out_of_range)?;
    if first.checked_add(u64::from(size)).is_none_or(|end| end > total) {
        return Err(out_of_range());
    }
    let mut value = 0u64;
    for bit in first..first + u64::from(size) {
        let byte = usize::try_from(bit / 8).ok().and_then(|i| bits.get(i)).ok_or_else(out_of_range)?;
        let set = (byte >> (7 - (bit % 8))) & 1;
        value = (value << 1) | u64::from(set);
    }
    Ok(value)
}

/// CRC-32 (IEEE 802.3, reflected 0xEDB88320), as GZIP's trailer carries it.
fn crc32(data: &[u8]) -> u32 {
    // Bitwise (no table): lists are at most `max_status_list_bytes`, checked once each.
    let mut crc = 0xFFFF_FFFFu32;
    for b in data {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { 0xEDB8_8320 ^ (crc >> 1) } else { crc >> 1 };
        }
    }
    !crc
}

/// `u` + Base64url of a GZIP member holding `bits` (what `encodedList` carries), for tests that
/// need a list with given bits set.
#[cfg(test)]
pub(crate) fn encoded_list_for_tests(bits: &[u8]) -> alloc::string::String {
    let mut gz = alloc::vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    gz.extend(miniz_oxide::deflate::compress_to_vec(bits, 6));
    gz.extend(crc32(bits).to_le_bytes());
    gz.extend(u32::try_from(bits.len()).unwrap_or(u32::MAX).to_le_bytes());
    alloc::format!("u{}", crate::codec::base64url_encode(&gz))
}

/// One GZIP member (RFC 1952), inflated into at most `max` bytes.
fn gunzip(data: &[u8], max: usize) -> Result<Vec<u8>> {
    const FHCRC: u8 = 2;
    const FEXTRA: u8 = 4;
    const FNAME: u8 = 8;
    const FCOMMENT: u8 = 16;
    let bad = |d: &'static str| malformed(d);
    let (header, _) = data.split_at_checked(10).ok_or_else(|| bad("encodedList is shorter than a GZIP header"))?;
    let [0x1f, 0x8b, 8, flags, ..] = *header else { return Err(bad("encodedList is not GZIP (DEFLATE) data")) };
    if flags & 0xe0 != 0 {
        return Err(bad("GZIP header sets reserved flags"));
    }
    let mut pos = 10usize;
    if flags & FEXTRA != 0 {
        let len = match data.get(pos..pos + 2) {
            Some([a, b]) => usize::from(u16::from_le_bytes([*a, *b])),
            _ => return Err(bad("truncated GZIP extra field")),
        };
        pos = pos.saturating_add(2).saturating_add(len);
    }
    for flag in [FNAME, FCOMMENT] {
        if flags & flag != 0 {
            let rest = data.get(pos..).ok_or_else(|| bad("truncated GZIP header"))?;
            let end = rest.iter().position(|b| *b == 0).ok_or_else(|| bad("unterminated GZIP name or comment"))?;
            pos = pos.saturating_add(end).saturating_add(1);
        }
    }
    if flags & FHCRC != 0 {
        pos = pos.saturating_add(2);
    }
    let body = data.get(pos..).ok_or_else(|| bad("truncated GZIP header"))?;
    let (out, used) = inflate(body, max)?;
    let trailer = body.get(used..).ok_or_else(|| bad("truncated GZIP trailer"))?;
    let [c0, c1, c2, c3, l0, l1, l2, l3] = *trailer else {
        return Err(bad("GZIP trailer is not 8 bytes (truncated, or more than one member)"));
    };
    if u32::from_le_bytes([c0, c1, c2, c3]) != crc32(&out) {
        return Err(bad("GZIP CRC-32 does not match the inflated list"));
    }
    if u64::from(u32::from_le_bytes([l0, l1, l2, l3])) != (out.len() as u64 & 0xffff_ffff) {
        return Err(bad("GZIP length does not match the inflated list"));
    }
    Ok(out)
}

/// Raw DEFLATE into a buffer that grows up to `max + 1` bytes; returns the output and the
/// number of input bytes the stream used.
fn inflate(input: &[u8], max: usize) -> Result<(Vec<u8>, usize)> {
    let too_large = || Error::new(ErrorCode::StatusListTooLarge, "status list inflates beyond max_status_list_bytes");
    let ceiling = max.saturating_add(1);
    let mut out: Vec<u8> = alloc::vec![0; ceiling.min(64 * 1024)];
    let mut state = Box::<DecompressorOxide>::default();
    let (mut in_pos, mut out_pos) = (0usize, 0usize);
    // Each round either finishes or doubles the buffer, so there are at most log2(max) rounds.
    loop {
        let rest = input.get(in_pos..).unwrap_or(&[]);
        let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
        let (status, used, written) = decompress(&mut state, rest, &mut out, out_pos, flags);
        in_pos = in_pos.saturating_add(used);
        out_pos = out_pos.saturating_add(written);
        match status {
            TINFLStatus::Done => {
                if out_pos > max {
                    return Err(too_large());
                }
                out.truncate(out_pos);
                return Ok((out, in_pos));
            }
            TINFLStatus::HasMoreOutput => {
                if out.len() >= ceiling {
                    return Err(too_large());
                }
                let grown = out.len().saturating_mul(2).min(ceiling);
                out.resize(grown, 0);
            }
            _ => return Err(malformed("encodedList is not valid DEFLATE data")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Bitstring REC example (131,072 zero bits).
    const REC: &str = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA";

    #[test]
    fn lists_by_url_the_last_insert_wins() {
        let mut lists = StatusLists::new();
        assert!(lists.is_empty());
        lists.insert("https://x/1", "one");
        lists.insert("https://x/2", "two");
        lists.insert("https://x/1", "one again");
        assert!(!lists.is_empty());
        assert_eq!((lists.get("https://x/1"), lists.get("https://x/2")), (Some("one again"), Some("two")));
        assert_eq!(lists.get("https://x/3"), None);
    }

    #[test]
    fn lists_from_json() {
        let l = Limits::DEFAULT;
        let lists =
            StatusLists::from_json(r#" {"https://x/1": {"id": "https://x/1"}, "https://x/2": "a.b.c"} "#, &l).unwrap();
        assert_eq!(lists.get("https://x/1"), Some(r#"{"id":"https://x/1"}"#));
        assert_eq!(lists.get("https://x/2"), Some("a.b.c"));
        for empty in ["", " \n", "{}"] {
            assert!(StatusLists::from_json(empty, &l).unwrap().is_empty(), "{empty:?}");
        }
        let e = StatusLists::from_json(r#"{"https://x/1":"a.b.c","https://x/2":5}"#, &l).unwrap_err();
        assert_eq!((e.code(), e.location()), (ErrorCode::UnexpectedJsonType, crate::error::Location::Index(1)));
        for bad in [r#"["a.b.c"]"#, r#""a.b.c""#, r#"{"https://x/1":null}"#, r#"{"https://x/1":[]}"#] {
            assert_eq!(StatusLists::from_json(bad, &l).unwrap_err().code(), ErrorCode::UnexpectedJsonType, "{bad}");
        }
        assert_eq!(StatusLists::from_json("{", &l).unwrap_err().code(), ErrorCode::InvalidJson);
    }

    fn check(purpose: &str, outcome: core::result::Result<u64, Error>) -> StatusCheck {
        let entry = StatusEntry {
            kind: StatusKind::Bitstring,
            purpose: String::from(purpose),
            index: 7,
            list_url: String::from("https://x/1"),
            size: 2,
            messages: alloc::vec![(0, String::from("valid")), (2, String::from("pending review"))],
        };
        StatusCheck { entry_type: String::from(StatusKind::Bitstring.entry_type()), entry: Some(entry), outcome }
    }

    #[test]
    fn set_revocation_and_suspension_bits_fail_other_purposes_do_not() {
        let missing = || Error::code_only(ErrorCode::StatusListMissing);
        for (purpose, set) in [
            ("revocation", Some(ErrorCode::CredentialRevoked)),
            ("suspension", Some(ErrorCode::CredentialSuspended)),
            ("message", None),
        ] {
            assert_eq!(check(purpose, Ok(0)).failure(), None, "{purpose}");
            assert_eq!(check(purpose, Ok(1)).failure(), set, "{purpose}");
            assert_eq!(check(purpose, Ok(3)).failure(), set, "{purpose}");
            assert_eq!(check(purpose, Err(missing())).failure(), None, "{purpose}");
        }
        let unread = StatusCheck { entry_type: String::from("Other"), entry: None, outcome: Ok(1) };
        assert_eq!(unread.failure(), None);
    }

    #[test]
    fn status_messages_by_value() {
        assert_eq!(check("message", Ok(0)).message(), Some("valid"));
        assert_eq!(check("message", Ok(2)).message(), Some("pending review"));
        assert_eq!(check("message", Ok(1)).message(), None);
        assert_eq!(check("message", Err(Error::code_only(ErrorCode::StatusListMissing))).message(), None);
    }

    fn entries(status: &str) -> Result<Vec<(String, Result<StatusEntry>)>> {
        status_entries(&Value::parse(&alloc::format!(r#"{{"credentialStatus":{status}}}"#), &Limits::DEFAULT).unwrap())
    }

    fn entry(members: &str) -> Result<StatusEntry> {
        let status = alloc::format!(
            r#"{{"type":"BitstringStatusListEntry","statusPurpose":"message","statusListCredential":"https://x/1",{members}}}"#
        );
        entries(&status).unwrap().remove(0).1
    }

    #[test]
    fn at_most_sixteen_entries() {
        let one = r#"{"type":"Other"}"#;
        let list = |n: usize| alloc::format!("[{}]", alloc::vec![one; n].join(","));
        assert_eq!(entries(&list(MAX_STATUS_ENTRIES)).unwrap().len(), 16);
        assert_eq!(entries(&list(MAX_STATUS_ENTRIES + 1)).unwrap_err().code(), ErrorCode::TooManyItems);
        assert_eq!(entries(one).unwrap().len(), 1);
        assert!(entries("null").unwrap().is_empty());
        assert_eq!(entries("5").unwrap_err().code(), ErrorCode::UnexpectedJsonType);
    }

    #[test]
    fn the_index_is_a_decimal_string_or_a_json_integer() {
        assert_eq!(entry(r#""statusListIndex":"94567""#).unwrap().index, 94_567);
        assert_eq!(entry(r#""statusListIndex":94567"#).unwrap().index, 94_567);
        for bad in [r#""""#, r#""12a""#, r#""-1""#, r#""+1""#, r#"" 1""#, "-1", "1.5", "null"] {
            let e = entry(&alloc::format!(r#""statusListIndex":{bad}"#)).unwrap_err();
            assert_eq!(e.code(), ErrorCode::InvalidStatusList, "{bad}");
        }
    }

    #[test]
    fn wider_statuses_need_their_messages_and_read_as_many_as_fit() {
        let messages = |n: usize| {
            let all: Vec<String> =
                (0..n).map(|i| alloc::format!(r#"{{"status":"0x{i:x}","message":"m{i}"}}"#)).collect();
            alloc::format!(r#""statusMessage":[{}]"#, all.join(","))
        };
        assert_eq!(entry(r#""statusListIndex":"1""#).unwrap().size, 1);
        let e = entry(r#""statusListIndex":"1","statusSize":2"#).unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidStatusList);
        let two_bits = entry(&alloc::format!(r#""statusListIndex":"1","statusSize":2,{}"#, messages(6))).unwrap();
        assert_eq!(two_bits.messages.len(), 4);
        assert_eq!(two_bits.messages[3], (3, String::from("m3")));
        let one_bit = entry(&alloc::format!(r#""statusListIndex":"1",{}"#, messages(3))).unwrap();
        assert_eq!(one_bit.messages.len(), 2);
    }

    #[test]
    fn status_values_of_every_width() {
        let bits = [0b1011_0100u8, 0b1000_0001];
        assert_eq!((0..4).map(|i| read_status(&bits[..1], i, 2).unwrap()).collect::<Vec<_>>(), [2, 3, 1, 0]);
        assert_eq!((read_status(&bits, 0, 4).unwrap(), read_status(&bits, 1, 4).unwrap()), (11, 4));
        assert_eq!(read_status(&bits, 0, 16).unwrap(), 0b1011_0100_1000_0001);
        assert_eq!(read_status(&bits, 15, 1).unwrap(), 1);
        for (index, size) in [(16, 1), (8, 2), (2, 8), (1, 16), (u64::MAX, 2)] {
            let e = read_status(&bits, index, size).unwrap_err();
            assert_eq!(e.code(), ErrorCode::StatusIndexOutOfRange, "{index} x {size}");
        }
        assert_eq!(read_status(&bits, 0, 0).unwrap_err().code(), ErrorCode::InvalidStatusList);
    }

    #[test]
    fn the_encoded_list_is_bounded_by_max_input_bytes() {
        let fits = Limits { max_input_bytes: REC.len() - 1, ..Limits::DEFAULT };
        assert_eq!(decode_status_list(REC, true, &fits).unwrap().len(), 16_384);
        let short = Limits { max_input_bytes: REC.len() - 2, ..Limits::DEFAULT };
        assert_eq!(decode_status_list(REC, true, &short).unwrap_err().code(), ErrorCode::InputTooLarge);
    }

    #[test]
    fn the_list_must_be_the_entrys_and_long_enough() {
        let list = |ty: &str| {
            let text = alloc::format!(
                r#"{{"id":"https://x/1","type":{ty},"credentialSubject":{{"type":"BitstringStatusList","statusPurpose":["revocation","suspension"],"encodedList":"{REC}"}}}}"#
            );
            Value::parse(&text, &Limits::DEFAULT).unwrap()
        };
        let good = list(r#"["VerifiableCredential","BitstringStatusListCredential"]"#);
        let mut entry = check("revocation", Ok(0)).entry.unwrap();
        entry.size = 1;
        assert_eq!(list_bits(&good, &entry, &Limits::DEFAULT).unwrap().len(), 16_384);
        let e = list_bits(&list(r#"["VerifiableCredential"]"#), &entry, &Limits::DEFAULT).unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidStatusList);
        // 131,072 entries of 2 bits need 32 KiB; the list has 16 KiB.
        entry.size = 2;
        let e = list_bits(&good, &entry, &Limits::DEFAULT).unwrap_err();
        assert_eq!(e.code(), ErrorCode::StatusListTooShort);
    }

    #[test]
    fn gzip_headers_with_every_optional_field() {
        let gz = base64url_decode(&REC[1..]).unwrap();
        let (header, body) = gz.split_at(10);
        let mut with_fields = header.to_vec();
        with_fields[3] = 2 | 4 | 8 | 16; // FHCRC, FEXTRA, FNAME, FCOMMENT
        with_fields.extend_from_slice(&[3, 0, b'a', 0, b'c']); // XLEN 3, then 3 bytes (one zero)
        with_fields.extend_from_slice(b"list.bin\0a comment\0");
        with_fields.extend_from_slice(&[0xAB, 0xCD]); // header CRC16 (not checked)
        with_fields.extend_from_slice(body);
        assert_eq!(gunzip(&with_fields, 16_384).unwrap().len(), 16_384);
        assert_eq!(gunzip(&with_fields, 16_383).unwrap_err().code(), ErrorCode::StatusListTooLarge);
        let mut name_only = header.to_vec();
        name_only[3] = 8;
        name_only.extend_from_slice(b"n\0");
        name_only.extend_from_slice(body);
        assert_eq!(gunzip(&name_only, 16_384).unwrap().len(), 16_384);
        for truncated in [&with_fields[..11], &with_fields[..15]] {
            assert_eq!(gunzip(truncated, 16_384).unwrap_err().code(), ErrorCode::InvalidStatusList);
        }
    }

    #[test]
    fn entry_types_as_the_specifications_name_them() {
        assert_eq!(StatusKind::StatusList2021.entry_type(), "StatusList2021Entry");
        assert_eq!(StatusKind::Bitstring.entry_type(), "BitstringStatusListEntry");
    }

    #[test]
    fn crc32_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn bound_and_corruption() {
        let l = Limits::DEFAULT;
        assert_eq!(decode_status_list(REC, true, &l).unwrap().len(), 16_384);
        let exact = Limits { max_status_list_bytes: 16_384, ..l };
        assert_eq!(decode_status_list(REC, true, &exact).unwrap().len(), 16_384);
        let tight = Limits { max_status_list_bytes: 16_383, ..l };
        assert_eq!(decode_status_list(REC, true, &tight).unwrap_err().code(), ErrorCode::StatusListTooLarge);
        assert_eq!(decode_status_list(&REC[1..], true, &l).unwrap_err().code(), ErrorCode::InvalidMultibase);
        assert_eq!(decode_status_list(REC, false, &l).unwrap_err().code(), ErrorCode::InvalidBase64Url);
        let mut gz = base64url_decode(&REC[1..]).unwrap();
        let n = gz.len();
        gz[n - 5] ^= 1; // CRC
        let text = crate::codec::base64url_encode(&gz);
        assert_eq!(decode_status_list(&text, false, &l).unwrap_err().code(), ErrorCode::InvalidStatusList);
    }
}
