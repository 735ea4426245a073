//! Parsing an X.509 v3 certificate (RFC 5280 section 4) into borrowed parts.

use alloc::vec::Vec;

use crate::error::{Error, ErrorCode, Result};
use crate::x509::der::{inner, malformed, oid, single, tag, time, Der, Tlv, MAX_LIST};
use crate::x509::name::Date;
use crate::x509::oids;

/// An algorithm identifier: OID content bytes and the optional parameters.
#[derive(Clone, Copy, Debug)]
pub(crate) struct AlgorithmId<'a> {
    pub(crate) oid: &'a [u8],
    pub(crate) params: Option<Tlv<'a>>,
}

/// A `SubjectPublicKeyInfo`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PublicKeyInfo<'a> {
    pub(crate) algorithm: AlgorithmId<'a>,
    /// The public key bits (BIT STRING without unused bits).
    pub(crate) key: &'a [u8],
}

/// `basicConstraints`.
///
/// ```
/// use ssi_verify_core::x509::{certificates_from_pem_or_der, BasicConstraints, Certificate};
/// let pem = include_str!("../../../tests/vectors/x509-generated/intermediate.pem");
/// let der = certificates_from_pem_or_der(pem.as_bytes()).unwrap().remove(0);
/// let bc = Certificate::from_der(&der).unwrap().basic_constraints();
/// assert_eq!(bc, Some(BasicConstraints { ca: true, path_len: Some(0) }));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BasicConstraints {
    /// `cA`.
    pub ca: bool,
    /// `pathLenConstraint`.
    pub path_len: Option<u32>,
}

/// keyUsage bits (RFC 5280 4.2.1.3), as a mask over the first two octets.
///
/// ```
/// use ssi_verify_core::x509::{certificates_from_pem_or_der, key_usage, Certificate};
/// let pem = include_str!("../../../tests/vectors/x509-generated/ee-auth-qualified.pem");
/// let der = certificates_from_pem_or_der(pem.as_bytes()).unwrap().remove(0);
/// let ku = Certificate::from_der(&der).unwrap().key_usage().unwrap();
/// assert_eq!(ku & key_usage::DIGITAL_SIGNATURE, key_usage::DIGITAL_SIGNATURE);
/// assert_eq!(ku & key_usage::KEY_CERT_SIGN, 0);
/// ```
#[allow(missing_docs)]
pub mod key_usage {
    pub const DIGITAL_SIGNATURE: u16 = 0x8000;
    pub const NON_REPUDIATION: u16 = 0x4000;
    pub const KEY_ENCIPHERMENT: u16 = 0x2000;
    pub const DATA_ENCIPHERMENT: u16 = 0x1000;
    pub const KEY_AGREEMENT: u16 = 0x0800;
    pub const KEY_CERT_SIGN: u16 = 0x0400;
    pub const CRL_SIGN: u16 = 0x0200;
}

/// The extensions this library reads; every other extension is skipped when non-critical and
/// remembered when critical.
#[derive(Clone, Debug, Default)]
pub(crate) struct Extensions<'a> {
    pub(crate) basic_constraints: Option<BasicConstraints>,
    pub(crate) key_usage: Option<u16>,
    pub(crate) ext_key_usage: Option<Vec<&'a [u8]>>,
    pub(crate) policies: Vec<&'a [u8]>,
    pub(crate) qc_types: Vec<&'a [u8]>,
    pub(crate) date_of_birth: Option<Date>,
    /// The OID content bytes of the first critical extension this library does not process.
    pub(crate) unknown_critical: Option<&'a [u8]>,
}

/// A parsed certificate borrowing its DER bytes.
///
/// ```
/// use ssi_verify_core::x509::Certificate;
/// assert_eq!(Certificate::from_der(b"\x30\x00").unwrap_err().code(),
///            ssi_verify_core::ErrorCode::InvalidCertificate);
/// ```
#[derive(Clone, Debug)]
pub struct Certificate<'a> {
    pub(crate) der: &'a [u8],
    pub(crate) tbs: &'a [u8],
    pub(crate) signature_algorithm: AlgorithmId<'a>,
    pub(crate) signature: &'a [u8],
    pub(crate) issuer: &'a [u8],
    pub(crate) subject: &'a [u8],
    pub(crate) not_before: u64,
    pub(crate) not_after: u64,
    pub(crate) public_key: PublicKeyInfo<'a>,
    pub(crate) extensions: Extensions<'a>,
}

fn algorithm<'a>(d: &mut Der<'a>) -> Result<AlgorithmId<'a>> {
    let seq = d.expect(tag::SEQUENCE, "expected an AlgorithmIdentifier")?;
    let mut a = inner(&seq)?;
    let oid = oid(&mut a)?;
    let params = if a.is_empty() { None } else { Some(a.any()?) };
    a.finish("AlgorithmIdentifier has extra fields")?;
    Ok(AlgorithmId { oid, params })
}

fn bit_string_bytes<'a>(tlv: &Tlv<'a>) -> Result<(&'a [u8], u8)> {
    let (&unused, bits) = tlv.value.split_first().ok_or_else(|| malformed("empty BIT STRING"))?;
    if unused > 7 || (bits.is_empty() && unused != 0) {
        return Err(malformed("malformed BIT STRING"));
    }
    Ok((bits, unused))
}

impl<'a> Certificate<'a> {
    /// Parses a DER certificate. Unknown non-critical extensions are skipped; an unknown
    /// critical extension is remembered (path validation refuses it with
    /// [`ErrorCode::UnknownCriticalExtension`]).
    ///
    /// # Errors
    /// [`ErrorCode::InvalidCertificate`] when the bytes are not a DER X.509 certificate or a
    /// known extension is malformed.
    pub fn from_der(der: &'a [u8]) -> Result<Self> {
        let cert = single(der, tag::SEQUENCE, "not a DER X.509 certificate")?;
        let mut c = inner(&cert)?;
        let tbs = c.expect(tag::SEQUENCE, "expected tbsCertificate")?;
        let signature_algorithm = algorithm(&mut c)?;
        let sig = c.expect(tag::BIT_STRING, "expected signatureValue")?;
        c.finish("certificate has extra fields")?;
        let (signature, unused) = bit_string_bytes(&sig)?;
        if unused != 0 {
            return Err(malformed("signature BIT STRING has unused bits"));
        }

        let mut t = inner(&tbs)?;
        let version = match t.optional(tag::CTX0)? {
            Some(v) => {
                let int = single(v.value, tag::INTEGER, "malformed version")?;
                match int.value {
                    [1] => 2,
                    [2] => 3,
                    _ => return Err(malformed("version must be v2 or v3 when present")),
                }
            }
            None => 1,
        };
        let serial = t.expect(tag::INTEGER, "expected serialNumber")?;
        if serial.value.is_empty() || serial.value.len() > 21 {
            return Err(malformed("serialNumber length out of range"));
        }
        let inner_alg = algorithm(&mut t)?;
        // Algorithm identifiers are public: the two copies must agree byte for byte (RFC 5280 4.1.1.2).
        let outer_alg = &signature_algorithm;
        if inner_alg.oid != outer_alg.oid || inner_alg.params.map(|p| p.raw) != outer_alg.params.map(|p| p.raw) {
            return Err(malformed("signature algorithm differs inside and outside tbsCertificate"));
        }
        let issuer = t.expect(tag::SEQUENCE, "expected issuer Name")?;
        let validity = t.expect(tag::SEQUENCE, "expected validity")?;
        let mut v = inner(&validity)?;
        let not_before = time(&v.any()?)?;
        let not_after = time(&v.any()?)?;
        v.finish("validity has extra fields")?;
        let subject = t.expect(tag::SEQUENCE, "expected subject Name")?;
        let spki = t.expect(tag::SEQUENCE, "expected subjectPublicKeyInfo")?;
        let mut s = inner(&spki)?;
        let key_alg = algorithm(&mut s)?;
        let (key, unused) = bit_string_bytes(&s.expect(tag::BIT_STRING, "expected subjectPublicKey")?)?;
        s.finish("subjectPublicKeyInfo has extra fields")?;
        if unused != 0 {
            return Err(malformed("subjectPublicKey has unused bits"));
        }
        // issuerUniqueID [1] and subjectUniqueID [2] (v2/v3): read and ignored.
        let _ = t.optional(tag::CTX1_PRIM)?;
        let _ = t.optional(tag::CTX2_PRIM)?;
        let extensions = match t.optional(tag::CTX3)? {
            Some(e) if version == 3 => parse_extensions(e.value)?,
            Some(_) => return Err(malformed("extensions need a v3 certificate")),
            None => Extensions::default(),
        };
        t.finish("tbsCertificate has extra fields")?;
        Ok(Self {
            der,
            tbs: tbs.raw,
            signature_algorithm,
            signature,
            issuer: issuer.raw,
            subject: subject.raw,
            not_before,
            not_after,
            public_key: PublicKeyInfo { algorithm: key_alg, key },
            extensions,
        })
    }

    /// The DER bytes this certificate was parsed from.
    #[must_use]
    pub fn der(&self) -> &'a [u8] {
        self.der
    }

    /// notBefore, seconds since the Unix epoch.
    #[must_use]
    pub fn not_before(&self) -> u64 {
        self.not_before
    }

    /// notAfter, seconds since the Unix epoch.
    #[must_use]
    pub fn not_after(&self) -> u64 {
        self.not_after
    }

    /// The subject Name, DER encoded.
    #[must_use]
    pub fn subject_der(&self) -> &'a [u8] {
        self.subject
    }

    /// The issuer Name, DER encoded.
    #[must_use]
    pub fn issuer_der(&self) -> &'a [u8] {
        self.issuer
    }

    /// `basicConstraints`, if present.
    #[must_use]
    pub fn basic_constraints(&self) -> Option<BasicConstraints> {
        self.extensions.basic_constraints
    }

    /// keyUsage as a [`key_usage`] mask, if the extension is present.
    #[must_use]
    pub fn key_usage(&self) -> Option<u16> {
        self.extensions.key_usage
    }

    /// Whether extendedKeyUsage is present and lists the purpose with these OID content bytes.
    #[must_use]
    pub fn has_ext_key_usage(&self, purpose: &[u8]) -> bool {
        self.extensions.ext_key_usage.as_ref().is_some_and(|l| l.contains(&purpose))
    }

    /// Whether certificatePolicies lists the policy with these OID content bytes.
    #[must_use]
    pub fn has_policy(&self, policy: &[u8]) -> bool {
        self.extensions.policies.contains(&policy)
    }

    /// Whether a QCStatements QcType statement lists this type (OID content bytes).
    #[must_use]
    pub fn has_qc_type(&self, qc_type: &[u8]) -> bool {
        self.extensions.qc_types.contains(&qc_type)
    }

    /// The subjectDirectoryAttributes dateOfBirth, if present.
    #[must_use]
    pub fn date_of_birth(&self) -> Option<Date> {
        self.extensions.date_of_birth
    }

    /// The OID (content bytes) of the first critical extension this library does not process.
    #[must_use]
    pub fn unknown_critical_extension(&self) -> Option<&'a [u8]> {
        self.extensions.unknown_critical
    }
}

fn parse_extensions(wrapper: &[u8]) -> Result<Extensions<'_>> {
    let list = single(wrapper, tag::SEQUENCE, "extensions must be a SEQUENCE")?;
    let mut d = inner(&list)?;
    if d.is_empty() {
        return Err(malformed("extensions must not be empty"));
    }
    let mut ext = Extensions::default();
    let mut seen: Vec<&[u8]> = Vec::new();
    while !d.is_empty() {
        if seen.len() >= MAX_LIST {
            return Err(Error::new(ErrorCode::TooManyItems, "too many certificate extensions"));
        }
        let e = d.expect(tag::SEQUENCE, "expected an Extension")?;
        let mut x = inner(&e)?;
        let id = oid(&mut x)?;
        let critical = match x.optional(tag::BOOLEAN)? {
            // DER: the DEFAULT FALSE value is never encoded.
            Some(b) if b.value == [0xff] => true,
            Some(_) => return Err(malformed("Extension critical must be encoded TRUE or absent")),
            None => false,
        };
        let value = x.expect(tag::OCTET_STRING, "expected extnValue")?.value;
        x.finish("Extension has extra fields")?;
        if seen.contains(&id) {
            return Err(malformed("an extension appears twice"));
        }
        seen.push(id);
        match id {
            oids::EXT_BASIC_CONSTRAINTS => ext.basic_constraints = Some(basic_constraints(value)?),
            oids::EXT_KEY_USAGE => ext.key_usage = Some(key_usage_bits(value)?),
            oids::EXT_EXT_KEY_USAGE => ext.ext_key_usage = Some(oid_list(value)?),
            oids::EXT_CERTIFICATE_POLICIES => ext.policies = policies(value)?,
            oids::EXT_QC_STATEMENTS => ext.qc_types = qc_types(value)?,
            oids::EXT_SUBJECT_DIRECTORY_ATTRIBUTES => ext.date_of_birth = date_of_birth(value)?,
            // Read elsewhere or informative only; a well-formed DER value is all that is needed.
            oids::EXT_SUBJECT_KEY_ID => {
                single(value, tag::OCTET_STRING, "malformed subjectKeyIdentifier")?;
            }
            oids::EXT_AUTHORITY_KEY_ID
            | oids::EXT_SUBJECT_ALT_NAME
            | oids::EXT_CRL_DISTRIBUTION_POINTS
            | oids::EXT_AUTHORITY_INFO_ACCESS => {
                single(value, tag::SEQUENCE, "malformed extension value")?;
            }
            other => {
                if critical && ext.unknown_critical.is_none() {
                    ext.unknown_critical = Some(other);
                }
            }
        }
    }
    Ok(ext)
}

fn basic_constraints(value: &[u8]) -> Result<BasicConstraints> {
    let seq = single(value, tag::SEQUENCE, "malformed basicConstraints")?;
    let mut d = inner(&seq)?;
    let ca = match d.optional(tag::BOOLEAN)? {
        Some(b) if b.value == [0xff] => true,
        Some(_) => return Err(malformed("basicConstraints cA must be encoded TRUE or absent")),
        None => false,
    };
    let path_len = match d.optional(tag::INTEGER)? {
        Some(i) => Some(small_uint(i.value)?),
        None => None,
    };
    d.finish("basicConstraints has extra fields")?;
    Ok(BasicConstraints { ca, path_len })
}

fn small_uint(value: &[u8]) -> Result<u32> {
    let bad = || malformed("malformed small INTEGER");
    match value {
        [] => Err(bad()),
        [b, ..] if b & 0x80 != 0 => Err(bad()),
        [0, next, ..] if next & 0x80 == 0 => Err(bad()),
        // A minimal encoding longer than five bytes is above u32::MAX: `checked_mul` refuses it
        // within five steps, so a long INTEGER is not read to its end.
        v => v.iter().try_fold(0u32, |acc, &b| acc.checked_mul(256).map(|x| x | u32::from(b))).ok_or_else(bad),
    }
}

fn key_usage_bits(value: &[u8]) -> Result<u16> {
    let bs = single(value, tag::BIT_STRING, "malformed keyUsage")?;
    let (bits, unused) = bit_string_bytes(&bs)?;
    // DER: no trailing zero bits, so the last octet has a 1 at the first used position.
    if let Some(&last) = bits.last() {
        if last.trailing_zeros() != u32::from(unused) {
            return Err(malformed("keyUsage is not minimally encoded"));
        }
    }
    let hi = bits.first().copied().unwrap_or(0);
    let lo = bits.get(1).copied().unwrap_or(0);
    Ok(u16::from_be_bytes([hi, lo]))
}

fn oid_list(value: &[u8]) -> Result<Vec<&[u8]>> {
    let seq = single(value, tag::SEQUENCE, "malformed OID list")?;
    let mut d = inner(&seq)?;
    let mut out = Vec::new();
    while !d.is_empty() {
        if out.len() >= MAX_LIST {
            return Err(Error::new(ErrorCode::TooManyItems, "too many entries in an extension"));
        }
        out.push(oid(&mut d)?);
    }
    if out.is_empty() {
        return Err(malformed("empty OID list"));
    }
    Ok(out)
}

fn policies(value: &[u8]) -> Result<Vec<&[u8]>> {
    let seq = single(value, tag::SEQUENCE, "malformed certificatePolicies")?;
    let mut d = inner(&seq)?;
    let mut out = Vec::new();
    while !d.is_empty() {
        if out.len() >= MAX_LIST {
            return Err(Error::new(ErrorCode::TooManyItems, "too many certificate policies"));
        }
        let info = d.expect(tag::SEQUENCE, "malformed PolicyInformation")?;
        let mut p = inner(&info)?;
        let id = oid(&mut p)?;
        // policyQualifiers: informative (CPS URI, user notice), read as one DER SEQUENCE only.
        let _qualifiers = p.optional(tag::SEQUENCE)?;
        p.finish("PolicyInformation has extra fields")?;
        if out.contains(&id) {
            return Err(malformed("a policy appears twice"));
        }
        out.push(id);
    }
    if out.is_empty() {
        return Err(malformed("empty certificatePolicies"));
    }
    Ok(out)
}

fn qc_types(value: &[u8]) -> Result<Vec<&[u8]>> {
    let seq = single(value, tag::SEQUENCE, "malformed qcStatements")?;
    let mut d = inner(&seq)?;
    let mut out = Vec::new();
    let mut count = 0;
    while !d.is_empty() {
        count += 1;
        if count > MAX_LIST {
            return Err(Error::new(ErrorCode::TooManyItems, "too many QC statements"));
        }
        let st = d.expect(tag::SEQUENCE, "malformed QCStatement")?;
        let mut s = inner(&st)?;
        let id = oid(&mut s)?;
        let info = if s.is_empty() { None } else { Some(s.any()?) };
        s.finish("QCStatement has extra fields")?;
        if id == oids::QC_TYPE {
            let info = info.ok_or_else(|| malformed("QcType statement without types"))?;
            if info.tag != tag::SEQUENCE {
                return Err(malformed("QcType statement info must be a SEQUENCE"));
            }
            out.extend(oid_list(info.raw)?);
        }
    }
    Ok(out)
}

fn date_of_birth(value: &[u8]) -> Result<Option<Date>> {
    let seq = single(value, tag::SEQUENCE, "malformed subjectDirectoryAttributes")?;
    let mut d = inner(&seq)?;
    let mut found = None;
    let mut count = 0;
    while !d.is_empty() {
        count += 1;
        if count > MAX_LIST {
            return Err(Error::new(ErrorCode::TooManyItems, "too many directory attributes"));
        }
        let attr = d.expect(tag::SEQUENCE, "malformed Attribute")?;
        let mut a = inner(&attr)?;
        let id = oid(&mut a)?;
        let values = a.expect(tag::SET, "Attribute values must be a SET")?;
        a.finish("Attribute has extra fields")?;
        if id != oids::ATTR_DATE_OF_BIRTH {
            continue;
        }
        let mut v = inner(&values)?;
        let time_tlv = v.expect(tag::GENERALIZED_TIME, "dateOfBirth must be a GeneralizedTime")?;
        v.finish("dateOfBirth must have exactly one value")?;
        // DER GeneralizedTime `YYYYMMDDHHMMSSZ`; only the date counts (SK writes 12:00:00Z). Not
        // read through `der`'s time types: those stop at 1970 and people are older than that.
        let v = time_tlv.value;
        let ok = v.len() == 15 && v.last() == Some(&b'Z') && v.iter().take(14).all(u8::is_ascii_digit);
        if !ok {
            return Err(malformed("dateOfBirth is not a DER GeneralizedTime"));
        }
        found = Some(Date::from_digits(v.get(..8).unwrap_or_default())?);
    }
    Ok(found)
}

/// Decodes every `CERTIFICATE` block of a PEM text, or takes the input as one DER certificate
/// when it does not start with a PEM armour line.
///
/// ```
/// assert!(ssi_verify_core::x509::certificates_from_pem_or_der(b"").is_err());
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidCertificate`] for a malformed armour, Base64 body or empty input.
pub fn certificates_from_pem_or_der(input: &[u8]) -> Result<Vec<Vec<u8>>> {
    let bad = |detail| Error::new(ErrorCode::InvalidCertificate, detail);
    let trimmed = input.trim_ascii_start();
    if !trimmed.starts_with(b"-----BEGIN") {
        if input.is_empty() {
            return Err(bad("empty certificate input"));
        }
        return Ok(alloc::vec![input.to_vec()]);
    }
    let text = core::str::from_utf8(trimmed).map_err(|_| bad("PEM text is not UTF-8"))?;
    let mut out = Vec::new();
    let mut rest = text;
    const END: &str = "-----END CERTIFICATE-----";
    while let Some(start) = rest.find("-----BEGIN") {
        if out.len() >= MAX_LIST {
            return Err(Error::new(ErrorCode::TooManyItems, "too many certificates in one PEM text"));
        }
        let from = rest.get(start..).unwrap_or("");
        let end = from.find(END).ok_or_else(|| bad("PEM END CERTIFICATE line missing"))? + END.len();
        let block = from.get(..end).unwrap_or("");
        out.push(crate::crypto::pem::decode(block, "CERTIFICATE").map_err(|_| bad("malformed PEM CERTIFICATE block"))?);
        rest = from.get(end..).unwrap_or("");
    }
    if !rest.trim().is_empty() {
        return Err(bad("text after the last PEM block"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
