//! A thin reader over the `der` crate: one TLV at a time, with the raw encoding kept so that
//! signed bytes (`tbsCertificate`) and names can be compared and verified byte for byte.
//!
//! Object identifiers are handled as their DER content bytes, never through `const-oid`:
//! that crate (0.9) refuses valid OIDs whose second arc is large (e.g. `2.999.1`), which made
//! `x509-cert` reject whole certificates that merely carried such an extension.

use der::{Decode as _, Reader as _, SliceReader, Tagged as _};

#[cfg(test)]
use alloc::vec::Vec;

use crate::error::{Error, ErrorCode, Result};

/// Most entries read from one list inside an extension (policies, EKU purposes, QC statements,
/// directory attributes). A certificate is at most a few kilobytes; this only bounds hostile input.
pub(crate) const MAX_LIST: usize = 64;

/// DER tag octets used by X.509.
pub(crate) mod tag {
    pub const BOOLEAN: u8 = 0x01;
    pub const INTEGER: u8 = 0x02;
    pub const BIT_STRING: u8 = 0x03;
    pub const OCTET_STRING: u8 = 0x04;
    pub const NULL: u8 = 0x05;
    pub const OID: u8 = 0x06;
    pub const UTF8_STRING: u8 = 0x0c;
    pub const PRINTABLE_STRING: u8 = 0x13;
    pub const IA5_STRING: u8 = 0x16;
    pub const UTC_TIME: u8 = 0x17;
    pub const GENERALIZED_TIME: u8 = 0x18;
    pub const BMP_STRING: u8 = 0x1e;
    pub const SEQUENCE: u8 = 0x30;
    pub const SET: u8 = 0x31;
    /// `[0]` constructed (version, extensions wrapper of a TBS is `[3]`).
    pub const CTX0: u8 = 0xa0;
    pub const CTX1_PRIM: u8 = 0x81;
    pub const CTX2_PRIM: u8 = 0x82;
    pub const CTX3: u8 = 0xa3;
}

pub(crate) fn malformed(detail: &'static str) -> Error {
    Error::new(ErrorCode::InvalidCertificate, detail)
}

/// One decoded TLV: its tag octet, content bytes and whole encoding.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tlv<'a> {
    pub tag: u8,
    pub value: &'a [u8],
    pub raw: &'a [u8],
}

/// Reads consecutive TLVs from a byte slice.
pub(crate) struct Der<'a> {
    input: &'a [u8],
    reader: SliceReader<'a>,
}

impl<'a> Der<'a> {
    pub fn new(input: &'a [u8]) -> Result<Self> {
        let reader = SliceReader::new(input).map_err(|_| malformed("DER input too long"))?;
        Ok(Self { input, reader })
    }

    pub fn is_empty(&self) -> bool {
        self.reader.is_finished()
    }

    /// The tag of the next TLV, if any.
    pub fn peek(&self) -> Option<u8> {
        if self.is_empty() {
            return None;
        }
        self.reader.peek_tag().ok().map(u8::from)
    }

    pub fn any(&mut self) -> Result<Tlv<'a>> {
        let start = usize::try_from(self.reader.position()).map_err(|_| malformed("DER position"))?;
        let any: der::asn1::AnyRef<'a> = self.reader.decode().map_err(|_| malformed("malformed DER"))?;
        let end = usize::try_from(self.reader.position()).map_err(|_| malformed("DER position"))?;
        let raw = self.input.get(start..end).ok_or_else(|| malformed("DER position"))?;
        Ok(Tlv { tag: u8::from(any.tag()), value: any.value(), raw })
    }

    /// The next TLV, which must carry `tag`.
    pub fn expect(&mut self, tag: u8, detail: &'static str) -> Result<Tlv<'a>> {
        let tlv = self.any()?;
        if tlv.tag != tag {
            return Err(malformed(detail));
        }
        Ok(tlv)
    }

    /// The next TLV if it carries `tag`.
    pub fn optional(&mut self, tag: u8) -> Result<Option<Tlv<'a>>> {
        if self.peek() == Some(tag) {
            return self.any().map(Some);
        }
        Ok(None)
    }

    pub fn finish(&self, detail: &'static str) -> Result<()> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(malformed(detail))
        }
    }
}

/// Reads the contents of a constructed TLV.
pub(crate) fn inner<'a>(tlv: &Tlv<'a>) -> Result<Der<'a>> {
    Der::new(tlv.value)
}

/// A whole input that must be exactly one TLV with `tag`.
pub(crate) fn single<'a>(input: &'a [u8], tag: u8, detail: &'static str) -> Result<Tlv<'a>> {
    let mut d = Der::new(input)?;
    let tlv = d.expect(tag, detail)?;
    d.finish(detail)?;
    Ok(tlv)
}

/// Checks that OID content bytes are well formed (non-empty, minimal base-128 arcs, last
/// byte ends an arc). Arcs of any size are accepted: only their encoding matters here.
pub(crate) fn check_oid(value: &[u8]) -> Result<()> {
    let bad = || malformed("malformed OBJECT IDENTIFIER");
    let last = value.last().ok_or_else(bad)?;
    if last & 0x80 != 0 {
        return Err(bad());
    }
    let mut arc_start = true;
    for &b in value {
        if arc_start && b == 0x80 {
            return Err(bad());
        }
        arc_start = b & 0x80 == 0;
    }
    Ok(())
}

/// The next TLV as an OID, returning its content bytes.
pub(crate) fn oid<'a>(d: &mut Der<'a>) -> Result<&'a [u8]> {
    let tlv = d.expect(tag::OID, "expected an OBJECT IDENTIFIER")?;
    check_oid(tlv.value)?;
    Ok(tlv.value)
}

/// Writes an OID's content bytes in dotted form (`2.999.1`).
pub(crate) fn write_oid(out: &mut impl core::fmt::Write, value: &[u8]) -> core::fmt::Result {
    let mut arc: u128 = 0;
    let mut first = true;
    for &b in value {
        arc = (arc << 7) | u128::from(b & 0x7f);
        if b & 0x80 != 0 {
            if arc > u128::MAX >> 8 {
                return out.write_str("?");
            }
            continue;
        }
        if first {
            let (a, b) = match arc {
                0..=39 => (0, arc),
                40..=79 => (1, arc - 40),
                _ => (2, arc - 80),
            };
            write!(out, "{a}.{b}")?;
            first = false;
        } else {
            write!(out, ".{arc}")?;
        }
        arc = 0;
    }
    Ok(())
}

/// Seconds since the Unix epoch of a UTCTime or GeneralizedTime TLV (strict DER forms).
pub(crate) fn time(tlv: &Tlv<'_>) -> Result<u64> {
    let bad = |_| malformed("malformed certificate time");
    let duration = match tlv.tag {
        tag::UTC_TIME => der::asn1::UtcTime::from_der(tlv.raw).map_err(bad)?.to_unix_duration(),
        tag::GENERALIZED_TIME => der::asn1::GeneralizedTime::from_der(tlv.raw).map_err(bad)?.to_unix_duration(),
        _ => return Err(malformed("expected UTCTime or GeneralizedTime")),
    };
    Ok(duration.as_secs())
}

/// One DER TLV with a minimal length (short form, or one or two length octets): the encoder
/// the x509 unit tests build certificates and names with.
#[cfg(test)]
pub(crate) fn encode_tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let n = content.len();
    let mut out = alloc::vec![tag];
    match u8::try_from(n) {
        Ok(short) if short < 0x80 => out.push(short),
        Ok(one) => out.extend([0x81, one]),
        Err(_) => out.extend([0x82, (n >> 8) as u8, n as u8]),
    }
    out.extend_from_slice(content);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;

    #[test]
    fn oids_of_any_size() {
        // 2.999.1: the first subidentifier (1079) needs two bytes.
        let v = [0x88, 0x37, 0x01];
        check_oid(&v).unwrap();
        let mut s = String::new();
        write_oid(&mut s, &v).unwrap();
        assert_eq!(s, "2.999.1");
        let mut s = String::new();
        write_oid(&mut s, &[0x2b, 0x06, 0x01, 0x04, 0x01, 0xce, 0x1f, 0x11, 0x02]).unwrap();
        assert_eq!(s, "1.3.6.1.4.1.10015.17.2");
        assert!(check_oid(&[]).is_err());
        assert!(check_oid(&[0x2b, 0x86]).is_err());
        assert!(check_oid(&[0x80, 0x01]).is_err());
        // A later arc may not start with 0x80 either; inside an arc a zero digit is fine.
        assert!(check_oid(&[0x2b, 0x80, 0x01]).is_err());
        let dotted = |v: &[u8]| {
            let mut s = String::new();
            write_oid(&mut s, v).unwrap();
            s
        };
        // First arcs 0 and 1 (0.4.0.2042.1.1, ETSI NCP; 1.3.6.1).
        assert_eq!(dotted(&[0x04, 0x00, 0x8f, 0x7a, 0x01, 0x01]), "0.4.0.2042.1.1");
        assert_eq!(dotted(&[0x2b, 0x06, 0x01]), "1.3.6.1");
        // 2^127 - 127 still fits in the accumulator (one more 7-bit digit after 2^120 - 1);
        // an arc that would not fit is written `?`.
        let widest = [&[0x81][..], &[0xff; 17], &[0x01]].concat();
        assert_eq!(dotted(&widest), "2.170141183460469231731687303715884105521");
        let wider = [&[0x82][..], &[0xff; 17], &[0x01]].concat();
        assert_eq!(dotted(&wider), "?");
        assert_eq!(dotted(&[[0xff; 20].as_slice(), &[0x7f]].concat()), "?");
        check_oid(&[0x2b, 0x81, 0x80, 0x01]).unwrap();
    }

    #[test]
    fn tlv_reading_is_strict() {
        assert!(Der::new(&[0x30, 0x80, 0x00, 0x00]).unwrap().any().is_err());
        assert!(Der::new(&[0x04, 0x81, 0x01, 0x00]).unwrap().any().is_err());
        let t = single(&[0x04, 0x01, 0x07], tag::OCTET_STRING, "x").unwrap();
        assert_eq!(t.value, [7]);
        assert!(single(&[0x04, 0x01, 0x07, 0x00], tag::OCTET_STRING, "x").is_err());
    }
}
