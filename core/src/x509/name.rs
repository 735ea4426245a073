//! Distinguished names (attribute lookup, RFC 4514 rendering) and calendar dates.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::{self, Write as _};

use crate::calendar;
use crate::error::{Error, ErrorCode, Result};
use crate::x509::der::{inner, malformed, oid, single, tag, write_oid, Tlv, MAX_LIST};
use crate::x509::oids;

/// A calendar date (proleptic Gregorian), written `YYYY-MM-DD`.
///
/// ```
/// let d = ssi_verify_core::x509::Date::new(1904, 4, 4).unwrap();
/// assert_eq!(d.to_string(), "1904-04-04");
/// assert!(ssi_verify_core::x509::Date::new(2023, 2, 29).is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

impl Date {
    /// A date, if it exists in the calendar.
    #[must_use]
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        calendar::is_date(i64::from(year), i64::from(month), i64::from(day)).then_some(Self { year, month, day })
    }

    /// `YYYYMMDD` ASCII digits.
    pub(crate) fn from_digits(d: &[u8]) -> Result<Self> {
        let num = |r: core::ops::Range<usize>| -> Option<u16> {
            d.get(r)?.iter().try_fold(0u16, |a, &b| b.is_ascii_digit().then(|| a * 10 + u16::from(b - b'0')))
        };
        let (y, m, day) = (num(0..4), num(4..6), num(6..8));
        match (y, m, day) {
            (Some(y), Some(m), Some(day)) if d.len() == 8 => {
                Self::new(y, u8::try_from(m).unwrap_or(0), u8::try_from(day).unwrap_or(0))
            }
            _ => None,
        }
        .ok_or_else(|| malformed("not a calendar date"))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// `secs` since the Unix epoch as `YYYY-MM-DDTHH:MM:SSZ`.
///
/// ```
/// assert_eq!(ssi_verify_core::x509::format_time(1_757_451_106), "2025-09-09T20:51:46Z");
/// ```
#[must_use]
pub fn format_time(secs: u64) -> String {
    calendar::format_utc(i64::try_from(secs).unwrap_or(i64::MAX))
}

/// Walks every attribute of a Name (`SEQUENCE OF SET OF AttributeTypeAndValue`), RDN by RDN.
fn for_each_rdn<'a>(name: &'a [u8], mut f: impl FnMut(&[(&'a [u8], Tlv<'a>)]) -> Result<()>) -> Result<()> {
    let seq = single(name, tag::SEQUENCE, "Name must be a SEQUENCE")?;
    let mut d = inner(&seq)?;
    let mut count = 0;
    while !d.is_empty() {
        let set = d.expect(tag::SET, "RelativeDistinguishedName must be a SET")?;
        let mut s = inner(&set)?;
        let mut rdn = Vec::new();
        while !s.is_empty() {
            count += 1;
            if count > MAX_LIST {
                return Err(Error::new(ErrorCode::TooManyItems, "too many name attributes"));
            }
            let atv = s.expect(tag::SEQUENCE, "AttributeTypeAndValue must be a SEQUENCE")?;
            let mut a = inner(&atv)?;
            let id = oid(&mut a)?;
            let value = a.any()?;
            a.finish("AttributeTypeAndValue has extra fields")?;
            rdn.push((id, value));
        }
        if rdn.is_empty() {
            return Err(malformed("empty RelativeDistinguishedName"));
        }
        f(&rdn)?;
    }
    Ok(())
}

/// The text of a directory string (UTF8String, PrintableString, IA5String or BMPString).
fn text(value: &Tlv<'_>) -> Result<String> {
    let bad = || malformed("unsupported or malformed directory string");
    match value.tag {
        tag::UTF8_STRING | tag::PRINTABLE_STRING | tag::IA5_STRING => {
            let s = core::str::from_utf8(value.value).map_err(|_| bad())?;
            if value.tag != tag::UTF8_STRING && !s.is_ascii() {
                return Err(bad());
            }
            Ok(String::from(s))
        }
        tag::BMP_STRING => {
            if !value.value.len().is_multiple_of(2) {
                return Err(bad());
            }
            let units = value.value.chunks_exact(2).map(|c| match c {
                [hi, lo] => u16::from_be_bytes([*hi, *lo]),
                _ => 0,
            });
            char::decode_utf16(units).collect::<core::result::Result<String, _>>().map_err(|_| bad())
        }
        _ => Err(bad()),
    }
}

/// The value of the single attribute `attr` in a Name; `None` when absent.
///
/// # Errors
/// [`ErrorCode::InvalidCertificate`] when the Name is malformed or the attribute appears twice.
#[cfg(any(feature = "smartid", test))]
pub(crate) fn attribute(name: &[u8], attr: &[u8]) -> Result<Option<String>> {
    let mut found = None;
    for_each_rdn(name, |rdn| {
        for (id, value) in rdn {
            if *id == attr {
                if found.is_some() {
                    return Err(malformed("a subject attribute appears twice"));
                }
                found = Some(text(value)?);
            }
        }
        Ok(())
    })?;
    Ok(found)
}

fn short_name(id: &[u8]) -> Option<&'static str> {
    Some(match id {
        oids::ATTR_CN => "CN",
        oids::ATTR_SURNAME => "SN",
        oids::ATTR_SERIAL_NUMBER => "serialNumber",
        oids::ATTR_C => "C",
        oids::ATTR_L => "L",
        oids::ATTR_ST => "ST",
        oids::ATTR_O => "O",
        oids::ATTR_OU => "OU",
        oids::ATTR_GIVEN_NAME => "givenName",
        oids::ATTR_ORGANIZATION_IDENTIFIER => "organizationIdentifier",
        _ => return None,
    })
}

/// A Name as RFC 4514 text (last RDN first), e.g. `CN=TEST of EID-SK 2016,O=...,C=EE`.
/// Values that are not directory strings are written `#hex` of their DER encoding.
///
/// # Errors
/// [`ErrorCode::InvalidCertificate`] for a malformed Name.
pub fn name_to_string(name: &[u8]) -> Result<String> {
    let mut rdns: Vec<String> = Vec::new();
    for_each_rdn(name, |rdn| {
        let mut out = String::new();
        for (i, (id, value)) in rdn.iter().enumerate() {
            if i > 0 {
                out.push('+');
            }
            match short_name(id) {
                Some(n) => out.push_str(n),
                None => {
                    let _ = write_oid(&mut out, id);
                }
            }
            out.push('=');
            match text(value) {
                Ok(t) => escape_into(&mut out, &t),
                Err(_) => {
                    out.push('#');
                    for b in value.raw {
                        let _ = write!(out, "{b:02x}");
                    }
                }
            }
        }
        rdns.push(out);
        Ok(())
    })?;
    rdns.reverse();
    Ok(rdns.join(","))
}

fn escape_into(out: &mut String, value: &str) {
    let last = value.chars().count().saturating_sub(1);
    for (i, c) in value.chars().enumerate() {
        let special = matches!(c, '"' | '+' | ',' | ';' | '<' | '>' | '\\')
            || (i == 0 && (c == '#' || c == ' '))
            || (i == last && c == ' ');
        if special {
            out.push('\\');
        }
        if c == '\0' {
            out.push_str("\\00");
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::x509::der::encode_tlv as tlv;
    use alloc::string::ToString as _;

    #[test]
    fn unix_to_civil() {
        assert_eq!(format_time(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_time(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(format_time(1_861_920_000), "2029-01-01T00:00:00Z");
        assert_eq!(format_time(1_757_451_106), "2025-09-09T20:51:46Z");
        // Century and era edges of the civil calendar: 2100 is not a leap year, 2400 is.
        assert_eq!(format_time(4_107_456_000), "2100-02-28T00:00:00Z");
        assert_eq!(format_time(4_107_542_400), "2100-03-01T00:00:00Z");
        assert_eq!(format_time(13_569_379_200 + 86_399), "2399-12-31T23:59:59Z");
        assert_eq!(format_time(13_574_563_200), "2400-02-29T00:00:00Z");
        assert_eq!(format_time(13_574_649_600), "2400-03-01T00:00:00Z");
    }

    fn name(attributes: &[(&[u8], u8, &[u8])]) -> Vec<u8> {
        let rdns: Vec<u8> = attributes
            .iter()
            .flat_map(|(id, string_tag, value)| {
                let atv = [tlv(tag::OID, id), tlv(*string_tag, value)].concat();
                tlv(tag::SET, &tlv(tag::SEQUENCE, &atv))
            })
            .collect();
        tlv(tag::SEQUENCE, &rdns)
    }

    #[test]
    fn directory_strings_include_bmp() {
        let n = name(&[
            (oids::ATTR_CN, tag::BMP_STRING, &[0x00, b'K', 0x00, 0xf5]),
            (oids::ATTR_C, tag::PRINTABLE_STRING, b"EE"),
        ]);
        assert_eq!(attribute(&n, oids::ATTR_CN).unwrap().as_deref(), Some("K\u{f5}"));
        assert_eq!(name_to_string(&n).unwrap(), "C=EE,CN=K\u{f5}");
        let utf8 = name(&[(oids::ATTR_CN, tag::UTF8_STRING, "K\u{f5}".as_bytes())]);
        assert_eq!(attribute(&utf8, oids::ATTR_CN).unwrap().as_deref(), Some("K\u{f5}"));
        // PrintableString and IA5String are ASCII only: the value is written as DER hex.
        let printable = name(&[(oids::ATTR_CN, tag::PRINTABLE_STRING, "K\u{f5}".as_bytes())]);
        assert!(attribute(&printable, oids::ATTR_CN).is_err());
        assert_eq!(name_to_string(&printable).unwrap(), "CN=#13034bc3b5");
        let odd = name(&[(oids::ATTR_CN, tag::BMP_STRING, &[0x00, b'K', 0x00])]);
        assert!(attribute(&odd, oids::ATTR_CN).is_err());
    }

    #[test]
    fn attribute_types_have_their_rfc_4514_short_names() {
        let a = |id: &'static [u8], v: &'static [u8]| (id, tag::UTF8_STRING, v);
        let n = name(&[
            a(oids::ATTR_C, b"EE"),
            a(oids::ATTR_ST, b"Harju"),
            a(oids::ATTR_L, b"Tallinn"),
            a(oids::ATTR_O, b"SK"),
            a(oids::ATTR_OU, b"AUTH"),
            a(oids::ATTR_ORGANIZATION_IDENTIFIER, b"NTREE-1"),
            a(oids::ATTR_SURNAME, b"Maasikas"),
            a(oids::ATTR_GIVEN_NAME, b"Mari"),
            a(oids::ATTR_SERIAL_NUMBER, b"PNOEE-1"),
            a(oids::ATTR_CN, b"M"),
            a(&[0x55, 0x04, 0x0c], b"Dr"),
        ]);
        let text = "2.5.4.12=Dr,CN=M,serialNumber=PNOEE-1,givenName=Mari,SN=Maasikas,\
                    organizationIdentifier=NTREE-1,OU=AUTH,O=SK,L=Tallinn,ST=Harju,C=EE";
        assert_eq!(name_to_string(&n).unwrap(), text);
    }

    #[test]
    fn a_multi_valued_rdn_joins_its_attributes_with_plus() {
        let atv = |id: &[u8], v: &[u8]| tlv(tag::SEQUENCE, &[tlv(tag::OID, id), tlv(tag::UTF8_STRING, v)].concat());
        let rdn = tlv(tag::SET, &[atv(oids::ATTR_CN, b"a"), atv(oids::ATTR_SURNAME, b"b")].concat());
        let n = tlv(tag::SEQUENCE, &[tlv(tag::SET, &atv(oids::ATTR_C, b"EE")), rdn].concat());
        assert_eq!(name_to_string(&n).unwrap(), "CN=a+SN=b,C=EE");
    }

    #[test]
    fn names_are_bounded_by_max_list_inclusive() {
        let attributes = |n: usize| alloc::vec![(oids::ATTR_OU, tag::UTF8_STRING, &b"u"[..]); n];
        assert!(name_to_string(&name(&attributes(MAX_LIST))).is_ok());
        let too_many = name_to_string(&name(&attributes(MAX_LIST + 1))).unwrap_err();
        assert_eq!(too_many.code(), ErrorCode::TooManyItems);
    }

    #[test]
    fn dates() {
        assert!(Date::from_digits(b"19040404").is_ok());
        assert!(Date::from_digits(b"19041304").is_err());
        assert!(Date::from_digits(b"2000022").is_err());
        assert!(Date::from_digits(b"200002291").is_err());
        assert_eq!(Date::from_digits(b"20000229").unwrap().to_string(), "2000-02-29");
        assert!(Date::from_digits(b"19000229").is_err());
    }

    #[test]
    fn escaping() {
        let mut s = String::new();
        escape_into(&mut s, " a,b ");
        assert_eq!(s, "\\ a\\,b\\ ");
    }
}
