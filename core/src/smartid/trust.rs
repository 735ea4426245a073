//! Trusting a Smart-ID response's certificate: path to the caller's anchors, purpose, certificate
//! level from the policies, and the person's identity (RP API v3 response verification steps 4
//! to 8, and what SK's Java client checks; docs/DESIGN.md has the table).

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::{self, Write};

use crate::error::{Error, ErrorCode, Result};
use crate::json::write_string;
use crate::limits::Limits;
use crate::x509::{self, key_usage, oids, validate_path, Certificate, Date, PathInput};
use crate::Verdict;

/// A Smart-ID certificate level (`ADVANCED` < `QUALIFIED`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CertificateLevel {
    /// Non-qualified (policies SK 1.3.6.1.4.1.10015.17.1 and ETSI NCP).
    Advanced,
    /// Qualified (policies SK 1.3.6.1.4.1.10015.17.2 and ETSI NCP+ / QCP-n-qscd).
    Qualified,
}

impl CertificateLevel {
    /// The wire name.
    ///
    /// ```
    /// use ssi_verify_core::smartid::CertificateLevel;
    /// assert_eq!(CertificateLevel::from_name("QUALIFIED").unwrap().name(), "QUALIFIED");
    /// assert!(CertificateLevel::Advanced < CertificateLevel::Qualified);
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Advanced => "ADVANCED",
            Self::Qualified => "QUALIFIED",
        }
    }

    /// The level with this wire name (case-sensitive, as the RP API writes it).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        [Self::Advanced, Self::Qualified].into_iter().find(|l| l.name() == name)
    }
}

/// What the certificate is used for in the session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Purpose {
    /// Authentication (ACSP_V2): digitalSignature, with the Smart-ID or clientAuth profile.
    Authentication,
    /// Signing (RAW_DIGEST_SIGNATURE): nonRepudiation.
    Signing,
}

/// Trust anchors, intermediates (DER) and the validation time.
#[derive(Clone, Copy, Debug)]
pub struct TrustAnchors<'a> {
    /// Trust anchors, DER.
    pub anchors: &'a [&'a [u8]],
    /// Intermediate CA certificates, DER, in any order.
    pub intermediates: &'a [&'a [u8]],
    /// Validation time, seconds since the Unix epoch.
    pub now: u64,
}

/// How far the response is trusted.
#[derive(Clone, Copy, Debug)]
pub enum Trust<'a> {
    /// Only the signature with the response's certificate key (the certificate is not trusted;
    /// the report says `"trust":"NOT_CHECKED"`).
    SignatureOnly,
    /// Path validation, purpose, level and identity, then the signature.
    Anchors(TrustAnchors<'a>),
}

/// The person a session was started for, if the RP named one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExpectedPerson<'a> {
    /// `semanticsIdentifier` the session was started with (e.g. `PNOEE-30303039914`).
    pub semantics_identifier: Option<&'a str>,
    /// `documentNumber` the session was started with.
    pub document_number: Option<&'a str>,
}

/// The person a Smart-ID certificate names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    /// The subject serialNumber, an ETSI EN 319 412-1 semantics identifier (`PNOEE-38001085718`).
    pub semantics_identifier: String,
    /// Its type (`PNO`, `IDC`, `PAS`).
    pub identifier_type: String,
    /// Its country (`EE`).
    pub identifier_country: String,
    /// Its identifier (`38001085718`).
    pub identifier: String,
    /// The subject country (C).
    pub country: Option<String>,
    /// The subject givenName.
    pub given_name: Option<String>,
    /// The subject surname.
    pub surname: Option<String>,
    /// From subjectDirectoryAttributes dateOfBirth, else from an EE, LT or (older) LV personal
    /// code; `None` when neither gives one.
    pub date_of_birth: Option<Date>,
}

/// What a trusted certificate established.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustedCertificate {
    /// The level (the response's claim, which the policies confirmed).
    pub level: CertificateLevel,
    /// The person.
    pub identity: Identity,
    /// notBefore, seconds since the Unix epoch.
    pub not_before: u64,
    /// notAfter, seconds since the Unix epoch.
    pub not_after: u64,
    /// The issuer, RFC 4514 text.
    pub issuer: String,
}

/// The outcome of verifying a session response, with its JSON report.
///
/// ```
/// use ssi_verify_core::smartid::SessionReport;
/// use ssi_verify_core::{ErrorCode, Verdict};
/// let r = SessionReport { verdict: Verdict::Invalid(ErrorCode::UnknownIssuer), trust_checked: true, certificate: None };
/// assert_eq!(r.to_json(), r#"{"valid":false,"reason":"UNKNOWN_ISSUER"}"#);
/// let r = SessionReport { verdict: Verdict::Valid, trust_checked: false, certificate: None };
/// assert_eq!(r.to_json(), r#"{"valid":true,"trust":"NOT_CHECKED"}"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionReport {
    /// The verdict.
    pub verdict: Verdict,
    /// Whether the certificate was validated against trust anchors.
    pub trust_checked: bool,
    /// Present when the verdict is valid and the trust was checked.
    pub certificate: Option<TrustedCertificate>,
}

fn opt_string(out: &mut impl Write, v: Option<&str>) -> fmt::Result {
    match v {
        Some(s) => write_string(out, s),
        None => out.write_str("null"),
    }
}

impl SessionReport {
    /// Writes the report: `{"valid":true,"certificateLevel":…,"identity":{…},"certificate":{…}}`,
    /// `{"valid":false,"reason":CODE}`, and `"trust":"NOT_CHECKED"` when no anchors were used.
    ///
    /// # Errors
    /// Only what the sink reports.
    pub fn write_json(&self, out: &mut impl Write) -> fmt::Result {
        write!(out, "{{\"valid\":{}", self.verdict.is_valid())?;
        if let Verdict::Invalid(code) = self.verdict {
            out.write_str(",\"reason\":")?;
            write_string(out, code.name())?;
        }
        if !self.trust_checked {
            out.write_str(",\"trust\":\"NOT_CHECKED\"")?;
        }
        if let Some(c) = &self.certificate {
            out.write_str(",\"certificateLevel\":")?;
            write_string(out, c.level.name())?;
            out.write_str(",\"identity\":{\"semanticsIdentifier\":")?;
            write_string(out, &c.identity.semantics_identifier)?;
            out.write_str(",\"country\":")?;
            opt_string(out, c.identity.country.as_deref())?;
            out.write_str(",\"givenName\":")?;
            opt_string(out, c.identity.given_name.as_deref())?;
            out.write_str(",\"surname\":")?;
            opt_string(out, c.identity.surname.as_deref())?;
            out.write_str(",\"dateOfBirth\":")?;
            match c.identity.date_of_birth {
                Some(d) => write!(out, "\"{d}\"")?,
                None => out.write_str("null")?,
            }
            out.write_str("},\"certificate\":{\"notBefore\":")?;
            write_string(out, &x509::format_time(c.not_before))?;
            out.write_str(",\"notAfter\":")?;
            write_string(out, &x509::format_time(c.not_after))?;
            out.write_str(",\"issuer\":")?;
            write_string(out, &c.issuer)?;
            out.write_str("}")?;
        }
        out.write_str("}")
    }

    /// The report as a JSON string (see [`SessionReport::write_json`]).
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut s = String::new();
        let _ = self.write_json(&mut s);
        s
    }
}

/// Whether the end-entity certificate may be used for `purpose` (the Java client's profiles).
fn purpose_allowed(cert: &Certificate<'_>, purpose: Purpose) -> bool {
    if cert.basic_constraints().is_some_and(|bc| bc.ca) {
        return false;
    }
    let ku = cert.key_usage().unwrap_or(0);
    let has = |bits: u16| ku & bits == bits;
    match purpose {
        // From 2025: the Smart-ID authentication EKU with digitalSignature. Before: clientAuth with
        // digitalSignature, keyEncipherment and dataEncipherment.
        Purpose::Authentication => {
            (cert.has_ext_key_usage(oids::EKU_SMART_ID_AUTH) && has(key_usage::DIGITAL_SIGNATURE))
                || (cert.has_ext_key_usage(oids::EKU_CLIENT_AUTH)
                    && has(key_usage::DIGITAL_SIGNATURE | key_usage::KEY_ENCIPHERMENT | key_usage::DATA_ENCIPHERMENT))
        }
        Purpose::Signing => has(key_usage::NON_REPUDIATION),
    }
}

/// The level the certificate's policies give for `purpose`; `None` when they give none (for
/// example the TEST-arc policies `1.3.6.1.4.1.10015.3.17.x` of the older TEST CAs).
///
/// ```
/// use ssi_verify_core::smartid::{policy_level, CertificateLevel, Purpose};
/// use ssi_verify_core::x509::{certificates_from_pem_or_der, Certificate};
/// let pem = include_str!("../../../tests/vectors/x509-generated/ee-auth-advanced.pem");
/// let der = certificates_from_pem_or_der(pem.as_bytes()).unwrap().remove(0);
/// let cert = Certificate::from_der(&der).unwrap();
/// assert_eq!(policy_level(&cert, Purpose::Authentication), Some(CertificateLevel::Advanced));
/// assert_eq!(policy_level(&cert, Purpose::Signing), Some(CertificateLevel::Advanced));
/// ```
#[must_use]
pub fn policy_level(cert: &Certificate<'_>, purpose: Purpose) -> Option<CertificateLevel> {
    let qualified = cert.has_policy(oids::POLICY_SK_QUALIFIED)
        && match purpose {
            Purpose::Authentication => cert.has_policy(oids::POLICY_ETSI_NCP_PLUS),
            Purpose::Signing => cert.has_policy(oids::POLICY_ETSI_QCP_N_QSCD) && cert.has_qc_type(oids::QCT_ESIGN),
        };
    if qualified {
        return Some(CertificateLevel::Qualified);
    }
    (cert.has_policy(oids::POLICY_SK_NON_QUALIFIED) && cert.has_policy(oids::POLICY_ETSI_NCP))
        .then_some(CertificateLevel::Advanced)
}

fn digits(s: &str) -> Option<Vec<u16>> {
    s.bytes().map(|b| b.is_ascii_digit().then(|| u16::from(b - b'0'))).collect()
}

/// The date of birth a personal identification code encodes: Estonian and Lithuanian
/// `GYYMMDDSSSC` (G gives century and sex), Latvian `DDMMYY-CNNNN` (C the century) except the
/// newer Latvian codes starting `32`, which encode no date.
///
/// ```
/// use ssi_verify_core::smartid::date_of_birth_from_code;
/// assert_eq!(date_of_birth_from_code("EE", "38001085718").unwrap().to_string(), "1980-01-08");
/// assert_eq!(date_of_birth_from_code("LV", "030403-10075").unwrap().to_string(), "1903-04-03");
/// assert_eq!(date_of_birth_from_code("LV", "329999-99901"), None);
/// assert_eq!(date_of_birth_from_code("BE", "05040400032"), None);
/// ```
#[must_use]
pub fn date_of_birth_from_code(country: &str, code: &str) -> Option<Date> {
    let narrow = |v: u16| u8::try_from(v).ok();
    match country {
        "EE" | "LT" => {
            let d = digits(code)?;
            let [g, y1, y2, m1, m2, d1, d2, ..] = d.as_slice() else { return None };
            if d.len() != 11 {
                return None;
            }
            let century = match g {
                1 | 2 => 1800,
                3 | 4 => 1900,
                5 | 6 => 2000,
                _ => return None,
            };
            Date::new(century + y1 * 10 + y2, narrow(m1 * 10 + m2)?, narrow(d1 * 10 + d2)?)
        }
        "LV" => {
            let (date, rest) = code.split_once('-')?;
            if code.starts_with("32") || date.len() != 6 || rest.len() != 5 {
                return None;
            }
            let d = digits(date)?;
            let r = digits(rest)?;
            let [d1, d2, m1, m2, y1, y2] = d.as_slice() else { return None };
            let century = match r.first()? {
                0 => 1800,
                1 => 1900,
                2 => 2000,
                _ => return None,
            };
            Date::new(century + y1 * 10 + y2, narrow(m1 * 10 + m2)?, narrow(d1 * 10 + d2)?)
        }
        _ => None,
    }
}

/// The identity a Smart-ID certificate names.
///
/// # Errors
/// [`ErrorCode::InvalidCertificate`] when the subject is malformed or its serialNumber is not a
/// semantics identifier (`TTTCC-identifier`).
pub fn identity(cert: &Certificate<'_>) -> Result<Identity> {
    let subject = cert.subject_der();
    let serial = x509::attribute(subject, oids::ATTR_SERIAL_NUMBER)?
        .ok_or_else(|| Error::new(ErrorCode::InvalidCertificate, "subject has no serialNumber"))?;
    let (prefix, identifier) = serial
        .split_once('-')
        .filter(|(p, id)| p.len() == 5 && p.bytes().all(|b| b.is_ascii_uppercase()) && !id.is_empty())
        .ok_or_else(|| {
            Error::new(ErrorCode::InvalidCertificate, "subject serialNumber is not a semantics identifier")
        })?;
    let (kind, country) = prefix.split_at(3);
    let date_of_birth = match cert.date_of_birth() {
        Some(d) => Some(d),
        None if kind == "PNO" => date_of_birth_from_code(country, identifier),
        None => None,
    };
    Ok(Identity {
        identifier_type: String::from(kind),
        identifier_country: String::from(country),
        identifier: String::from(identifier),
        country: x509::attribute(subject, oids::ATTR_C)?,
        given_name: x509::attribute(subject, oids::ATTR_GIVEN_NAME)?,
        surname: x509::attribute(subject, oids::ATTR_SURNAME)?,
        date_of_birth,
        semantics_identifier: serial,
    })
}

fn parse_all<'a>(list: &[&'a [u8]], limits: &Limits) -> Result<Vec<Certificate<'a>>> {
    if list.len() > limits.max_items {
        return Err(Error::new(ErrorCode::TooManyItems, "too many certificates"));
    }
    list.iter().map(|d| Certificate::from_der(d)).collect()
}

/// Everything the certificate of a response must pass before its signature counts, in the Java
/// client's order: the level rule, the path, the purpose, the policies, then the person.
pub(crate) struct CertificateCheck<'a> {
    pub cert_der: &'a [u8],
    /// `cert.certificateLevel` of the response.
    pub claimed_level: &'a str,
    /// The level the RP asked for (QUALIFIED when the request named none).
    pub requested_level: CertificateLevel,
    pub purpose: Purpose,
    pub person: ExpectedPerson<'a>,
    /// `result.documentNumber` of the response.
    pub document_number: &'a str,
}

impl CertificateCheck<'_> {
    /// `Ok(Ok(details))` when trusted, `Ok(Err(reason))` when a check failed.
    pub(crate) fn run(
        &self,
        anchors: &TrustAnchors<'_>,
        limits: &Limits,
    ) -> Result<core::result::Result<TrustedCertificate, ErrorCode>> {
        let claimed = CertificateLevel::from_name(self.claimed_level).ok_or_else(|| {
            Error::new(ErrorCode::InvalidFieldValue, "cert.certificateLevel must be ADVANCED or QUALIFIED")
        })?;
        if claimed < self.requested_level {
            return Ok(Err(ErrorCode::CertificateLevelTooLow));
        }
        let cert = Certificate::from_der(self.cert_der)?;
        let roots = parse_all(anchors.anchors, limits)?;
        let intermediates = parse_all(anchors.intermediates, limits)?;
        let input = PathInput { anchors: &roots, intermediates: &intermediates, now: anchors.now };
        if let Verdict::Invalid(code) = validate_path(&cert, &input, limits)? {
            return Ok(Err(code));
        }
        if !purpose_allowed(&cert, self.purpose) {
            return Ok(Err(ErrorCode::KeyUsageNotAllowed));
        }
        match policy_level(&cert, self.purpose) {
            None => return Ok(Err(ErrorCode::CertificatePolicyMissing)),
            Some(level) if level != claimed => return Ok(Err(ErrorCode::CertificateLevelMismatch)),
            Some(_) => {}
        }
        let identity = identity(&cert)?;
        let person_ok = self.person.semantics_identifier.is_none_or(|s| s == identity.semantics_identifier)
            && self.person.document_number.is_none_or(|d| d == self.document_number);
        if !person_ok {
            return Ok(Err(ErrorCode::IdentityMismatch));
        }
        Ok(Ok(TrustedCertificate {
            level: claimed,
            identity,
            not_before: cert.not_before(),
            not_after: cert.not_after(),
            issuer: x509::name_to_string(cert.issuer_der())?,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::x509::certificates_from_pem_or_der;
    use alloc::string::ToString as _;

    fn dob(country: &str, code: &str) -> Option<String> {
        date_of_birth_from_code(country, code).map(|d| d.to_string())
    }

    #[test]
    fn estonian_and_lithuanian_codes_give_century_from_the_first_digit() {
        // Every digit of the date differs from its neighbours, so a changed weight shows.
        for (g, year) in [('1', "1883"), ('2', "1883"), ('3', "1983"), ('4', "1983"), ('5', "2083"), ('6', "2083")] {
            let code = alloc::format!("{g}8312290000");
            assert_eq!(dob("EE", &code), Some(alloc::format!("{year}-12-29")), "{code}");
            assert_eq!(dob("LT", &code), Some(alloc::format!("{year}-12-29")), "{code}");
        }
        for bad in ["08312290000", "78312290000", "98312290000"] {
            assert_eq!(dob("EE", bad), None, "{bad}");
        }
        assert_eq!(dob("EE", "3831229000"), None, "ten digits");
        assert_eq!(dob("EE", "383122900001"), None, "twelve digits");
        assert_eq!(dob("EE", "3831229000a"), None, "a letter");
        assert_eq!(dob("EE", "38313290000"), None, "month 13");
        assert_eq!(dob("FI", "38312290000"), None, "other countries encode nothing we read");
    }

    #[test]
    fn latvian_codes_give_century_from_the_digit_after_the_dash() {
        assert_eq!(dob("LV", "291283-01234").as_deref(), Some("1883-12-29"));
        assert_eq!(dob("LV", "291283-11234").as_deref(), Some("1983-12-29"));
        assert_eq!(dob("LV", "291283-21234").as_deref(), Some("2083-12-29"));
        assert_eq!(dob("LV", "291283-31234"), None, "century digit 3");
        assert_eq!(dob("LV", "291283-1123"), None, "four digits after the dash");
        assert_eq!(dob("LV", "291283-112345"), None, "six digits after the dash");
        assert_eq!(dob("LV", "2912831-1234"), None, "seven before the dash");
        assert_eq!(dob("LV", "29128311234"), None, "no dash");
        assert_eq!(dob("LV", "321283-11234"), None, "the newer codes carry no date");
        assert_eq!(dob("LV", "29x283-11234"), None, "a letter");
    }

    fn cert(path: &str) -> Vec<u8> {
        let pem = std::fs::read(alloc::format!("{}/../tests/vectors/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        certificates_from_pem_or_der(&pem).unwrap().remove(0)
    }

    fn purposes(path: &str) -> (bool, bool) {
        let der = cert(path);
        let c = Certificate::from_der(&der).unwrap();
        (purpose_allowed(&c, Purpose::Authentication), purpose_allowed(&c, Purpose::Signing))
    }

    fn levels(path: &str) -> (Option<CertificateLevel>, Option<CertificateLevel>) {
        let der = cert(path);
        let c = Certificate::from_der(&der).unwrap();
        (policy_level(&c, Purpose::Authentication), policy_level(&c, Purpose::Signing))
    }

    const TEST_EE: &str = "smartid-trust/ee/test";

    #[test]
    fn purpose_follows_the_java_clients_profiles() {
        // (authentication, signing)
        let real = [
            ("TEST_OK__PNOEE-40504040001__auth__2026-01-06.pem", (true, false)),
            ("SMART-ID_DEMO_PNOEE-10101010005__auth__2019-03-12.pem", (true, false)),
            ("TEST_OK__PNOEE-40504040001__sign__2026-01-06.pem", (false, true)),
        ];
        for (file, want) in real {
            assert_eq!(purposes(&alloc::format!("{TEST_EE}/{file}")), want, "{file}");
        }
        let generated = [
            ("single/auth-eku-extra-key-usage.pem", (true, false)),
            ("single/client-auth-digital-signature-only.pem", (false, false)),
            ("single/client-auth-data-encipherment-only.pem", (false, false)),
            ("single/sign-extra-key-usage.pem", (false, true)),
            ("ee-auth-no-digital-signature.pem", (false, false)),
            ("ee-auth-is-ca.pem", (false, false)),
        ];
        for (file, want) in generated {
            assert_eq!(purposes(&alloc::format!("x509-generated/{file}")), want, "{file}");
        }
    }

    #[test]
    fn level_needs_both_policies_and_for_qualified_signing_the_qc_type() {
        use CertificateLevel::{Advanced, Qualified};
        let cases = [
            (alloc::format!("{TEST_EE}/TEST_OK__PNOEE-40504040001__sign__2026-01-06.pem"), (None, Some(Qualified))),
            (alloc::format!("{TEST_EE}/TEST_OK__PNOEE-40504040001__auth__2026-01-06.pem"), (Some(Qualified), None)),
            // The TEST arc with NCP: NCP alone is not ADVANCED.
            (alloc::format!("{TEST_EE}/SMART-ID_DEMO_PNOEE-10101010005__auth__2017-06-16.pem"), (None, None)),
            ("x509-generated/ee-auth-advanced.pem".to_string(), (Some(Advanced), Some(Advanced))),
            ("x509-generated/single/sign-extra-key-usage.pem".to_string(), (None, None)),
        ];
        for (file, want) in cases {
            assert_eq!(levels(&file), want, "{file}");
        }
    }

    fn identity_of(path: &str) -> Result<Identity> {
        let der = cert(&alloc::format!("x509-generated/{path}"));
        identity(&Certificate::from_der(&der)?)
    }

    #[test]
    fn identity_reads_the_semantics_identifier_and_a_personal_codes_birth_date() {
        let id = identity_of("ee-auth-qualified.pem").unwrap();
        assert_eq!(
            (id.semantics_identifier.as_str(), id.identifier_type.as_str(), id.identifier_country.as_str()),
            ("PNOEE-40504040001", "PNO", "EE")
        );
        assert_eq!(id.identifier, "40504040001");
        assert_eq!(
            (id.country.as_deref(), id.given_name.as_deref(), id.surname.as_deref()),
            (Some("EE"), Some("OK"), Some("TEST"))
        );
        assert_eq!(id.date_of_birth.map(|d| d.to_string()).as_deref(), Some("1905-04-04"));
        // An identity card number looks like a personal code but encodes no birth date.
        let idc = identity_of("single/serial-idc.pem").unwrap();
        assert_eq!((idc.identifier_type.as_str(), idc.date_of_birth), ("IDC", None));
        for bad in ["single/serial-short-prefix.pem", "single/serial-empty-identifier.pem"] {
            let err = identity_of(bad).unwrap_err();
            assert_eq!(
                (err.code(), err.detail()),
                (ErrorCode::InvalidCertificate, "subject serialNumber is not a semantics identifier"),
                "{bad}"
            );
        }
    }

    #[test]
    fn certificate_lists_are_bounded_by_max_items_inclusive() {
        let der = cert("x509-generated/root.pem");
        let limits = Limits { max_items: 2, ..Limits::DEFAULT };
        assert_eq!(parse_all(&[&der, &der], &limits).unwrap().len(), 2);
        assert_eq!(parse_all(&[&der, &der, &der], &limits).unwrap_err().code(), ErrorCode::TooManyItems);
    }
}
