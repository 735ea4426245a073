//! Certificates built byte by byte, one field or extension changed at a time, so that each rule
//! of [`Certificate::from_der`] is seen to refuse (or accept) exactly what RFC 5280 and DER say.

use alloc::vec;
use alloc::vec::Vec;

use super::*;
use crate::x509::der::encode_tlv as tlv;

fn seq(parts: &[&[u8]]) -> Vec<u8> {
    tlv(tag::SEQUENCE, &parts.concat())
}

const NULL: &[u8] = &[tag::NULL, 0];

fn alg(oid: &[u8], params: &[u8]) -> Vec<u8> {
    seq(&[&tlv(tag::OID, oid), params])
}

fn ext(oid: &[u8], critical: Option<u8>, value: &[u8]) -> Vec<u8> {
    let flag = critical.map(|b| tlv(tag::BOOLEAN, &[b])).unwrap_or_default();
    seq(&[&tlv(tag::OID, oid), &flag, &tlv(tag::OCTET_STRING, value)])
}

/// The fields of a to-be-signed certificate that the tests vary.
struct Tbs {
    version: Option<u8>,
    serial: Vec<u8>,
    inner_alg: Vec<u8>,
    outer_alg: Vec<u8>,
    extensions: Vec<Vec<u8>>,
}

impl Tbs {
    fn v3(extensions: Vec<Vec<u8>>) -> Self {
        let sha256 = alg(oids::SHA256_WITH_RSA, NULL);
        Self { version: Some(2), serial: vec![1], inner_alg: sha256.clone(), outer_alg: sha256, extensions }
    }

    fn der(&self) -> Vec<u8> {
        let version = self.version.map(|v| tlv(tag::CTX0, &tlv(tag::INTEGER, &[v]))).unwrap_or_default();
        let name = seq(&[&tlv(tag::SET, &seq(&[&tlv(tag::OID, oids::ATTR_CN), &tlv(tag::UTF8_STRING, b"x")]))]);
        let validity = seq(&[&tlv(tag::UTC_TIME, b"250101000000Z"), &tlv(tag::UTC_TIME, b"300101000000Z")]);
        let spki = seq(&[&alg(oids::RSA_ENCRYPTION, NULL), &tlv(tag::BIT_STRING, &[0, 1, 2])]);
        let extensions = if self.extensions.is_empty() {
            Vec::new()
        } else {
            tlv(tag::CTX3, &tlv(tag::SEQUENCE, &self.extensions.concat()))
        };
        let serial = tlv(tag::INTEGER, &self.serial);
        let tbs = seq(&[&version, &serial, &self.inner_alg, &name, &validity, &name, &spki, &extensions]);
        seq(&[&tbs, &self.outer_alg, &tlv(tag::BIT_STRING, &[0, 9, 9])])
    }
}

fn parse(tbs: &Tbs) -> Result<Vec<u8>> {
    let der = tbs.der();
    Certificate::from_der(&der)?;
    Ok(der)
}

fn refusal(tbs: &Tbs) -> &'static str {
    match parse(tbs) {
        Ok(_) => "accepted",
        Err(e) => e.detail(),
    }
}

fn bits(value: &[u8]) -> Result<(&[u8], u8)> {
    bit_string_bytes(&Tlv { tag: tag::BIT_STRING, value, raw: value })
}

#[test]
fn a_minimal_certificate_parses_and_keeps_its_bytes() {
    let der = Tbs::v3(Vec::new()).der();
    let cert = Certificate::from_der(&der).unwrap();
    assert_eq!(cert.der(), &der[..]);
    assert_eq!((cert.not_before(), cert.not_after()), (1_735_689_600, 1_893_456_000));
    assert_eq!(cert.subject_der(), cert.issuer_der());
}

#[test]
fn version_two_has_no_extensions_and_only_v2_or_v3_may_be_written() {
    let v2 = Tbs { version: Some(1), ..Tbs::v3(Vec::new()) };
    assert!(parse(&v2).is_ok());
    let v1 = Tbs { version: None, ..Tbs::v3(Vec::new()) };
    assert!(parse(&v1).is_ok());
    let key_usage = ext(oids::EXT_KEY_USAGE, None, &tlv(tag::BIT_STRING, &[7, 0x80]));
    let v2_with_extensions = Tbs { version: Some(1), ..Tbs::v3(vec![key_usage.clone()]) };
    assert_eq!(refusal(&v2_with_extensions), "extensions need a v3 certificate");
    let v1_with_extensions = Tbs { version: None, ..Tbs::v3(vec![key_usage.clone()]) };
    assert_eq!(refusal(&v1_with_extensions), "extensions need a v3 certificate");
    assert!(parse(&Tbs::v3(vec![key_usage])).is_ok());
    for written in [0, 3] {
        let tbs = Tbs { version: Some(written), ..Tbs::v3(Vec::new()) };
        assert_eq!(refusal(&tbs), "version must be v2 or v3 when present", "{written}");
    }
}

#[test]
fn the_serial_number_is_one_to_twenty_one_bytes() {
    for (len, ok) in [(0, false), (1, true), (21, true), (22, false)] {
        let tbs = Tbs { serial: vec![0x11; len], ..Tbs::v3(Vec::new()) };
        if ok {
            assert!(parse(&tbs).is_ok(), "{len}");
        } else {
            assert_eq!(refusal(&tbs), "serialNumber length out of range", "{len}");
        }
    }
}

#[test]
fn the_two_signature_algorithms_agree_in_oid_and_parameters() {
    let differs = "signature algorithm differs inside and outside tbsCertificate";
    let no_params = Tbs { outer_alg: alg(oids::SHA256_WITH_RSA, &[]), ..Tbs::v3(Vec::new()) };
    assert_eq!(refusal(&no_params), differs);
    let other_oid = Tbs { outer_alg: alg(oids::SHA384_WITH_RSA, NULL), ..Tbs::v3(Vec::new()) };
    assert_eq!(refusal(&other_oid), differs);
}

#[test]
fn bit_strings_follow_der() {
    assert_eq!(bits(&[0]).unwrap(), (&[][..], 0));
    assert_eq!(bits(&[7, 0x80]).unwrap(), (&[0x80][..], 7));
    for bad in [&[][..], &[8, 0x80], &[1]] {
        assert!(bits(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn boolean_true_is_written_ff_in_der() {
    let unknown = [0x2a, 0x03];
    let critical = Tbs::v3(vec![ext(&unknown, Some(0xff), &[0x05, 0x00])]);
    let der = parse(&critical).unwrap();
    assert_eq!(Certificate::from_der(&der).unwrap().unknown_critical_extension(), Some(&unknown[..]));
    let loose_true = Tbs::v3(vec![ext(&unknown, Some(0x01), &[0x05, 0x00])]);
    assert_eq!(refusal(&loose_true), "Extension critical must be encoded TRUE or absent");
    let ca = |b: u8| ext(oids::EXT_BASIC_CONSTRAINTS, None, &seq(&[&tlv(tag::BOOLEAN, &[b])]));
    assert!(parse(&Tbs::v3(vec![ca(0xff)])).is_ok());
    assert_eq!(refusal(&Tbs::v3(vec![ca(0x01)])), "basicConstraints cA must be encoded TRUE or absent");
}

#[test]
fn path_length_is_a_small_non_negative_der_integer() {
    let path_len = |int: &[u8]| {
        let value = seq(&[&tlv(tag::BOOLEAN, &[0xff]), &tlv(tag::INTEGER, int)]);
        let der = Tbs::v3(vec![ext(oids::EXT_BASIC_CONSTRAINTS, Some(0xff), &value)]).der();
        Certificate::from_der(&der).map(|c| c.basic_constraints().and_then(|b| b.path_len))
    };
    assert_eq!(path_len(&[1, 2]).unwrap(), Some(258));
    assert_eq!(small_uint(&[0]).unwrap(), 0);
    assert_eq!(small_uint(&[0x7f]).unwrap(), 127);
    assert_eq!(small_uint(&[0, 0x80]).unwrap(), 128);
    assert_eq!(small_uint(&[0, 0xff, 0xff, 0xff, 0xff]).unwrap(), u32::MAX);
    // Empty, negative, a needless leading zero, beyond u32.
    for bad in [&[][..], &[0x80], &[0xff, 0xff], &[0, 1], &[0, 0], &[1, 0, 0, 0, 0], &[0, 0x80, 0, 0, 0, 0]] {
        assert!(small_uint(bad).is_err(), "{bad:?}");
        assert!(path_len(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn qc_statements_are_bounded_by_max_list_inclusive() {
    let compliance = [0x04, 0x00, 0x8e, 0x46, 0x01, 0x01];
    let statements = |n: usize| {
        let one = seq(&[&tlv(tag::OID, &compliance)]);
        let der = Tbs::v3(vec![ext(oids::EXT_QC_STATEMENTS, None, &tlv(tag::SEQUENCE, &one.repeat(n)))]).der();
        Certificate::from_der(&der).map(|_| ()).map_err(|e| e.code())
    };
    assert_eq!(statements(MAX_LIST), Ok(()));
    assert_eq!(statements(MAX_LIST + 1), Err(ErrorCode::TooManyItems));
}

fn directory(attributes: &[Vec<u8>]) -> Result<Option<Date>> {
    let value = tlv(tag::SEQUENCE, &attributes.concat());
    let der = Tbs::v3(vec![ext(oids::EXT_SUBJECT_DIRECTORY_ATTRIBUTES, None, &value)]).der();
    Certificate::from_der(&der).map(|c| c.date_of_birth())
}

fn attribute(oid: &[u8], value: &[u8]) -> Vec<u8> {
    seq(&[&tlv(tag::OID, oid), &tlv(tag::SET, value)])
}

fn birth(time: &[u8]) -> Vec<u8> {
    attribute(oids::ATTR_DATE_OF_BIRTH, &tlv(tag::GENERALIZED_TIME, time))
}

#[test]
fn date_of_birth_is_read_from_subject_directory_attributes() {
    // id-pda-gender (1.3.6.1.5.5.7.9.3), a PrintableString: skipped, not read as a time.
    let gender = attribute(&[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x09, 0x03], &tlv(tag::PRINTABLE_STRING, b"F"));
    let born = directory(&[gender.clone(), birth(b"19500102120000Z")]).unwrap();
    assert_eq!(born, Date::new(1950, 1, 2));
    assert_eq!(directory(&[gender]).unwrap(), None);
    for bad in [&b"1950010212000Z"[..], b"195001021200000", b"19500102120a00Z", b"1950010212000ZZ"] {
        let e = directory(&[birth(bad)]).unwrap_err();
        assert_eq!(e.detail(), "dateOfBirth is not a DER GeneralizedTime", "{bad:?}");
    }
    let many = |n: usize| directory(&vec![birth(b"19500102120000Z"); n]).map_err(|e| e.code());
    assert_eq!(many(MAX_LIST), Ok(Date::new(1950, 1, 2)));
    assert_eq!(many(MAX_LIST + 1), Err(ErrorCode::TooManyItems));
}

#[test]
fn rsa_signature_algorithms_take_null_or_no_parameters() {
    use crate::x509::verify::signed_by;
    let odd = alg(oids::SHA256_WITH_RSA, &tlv(tag::OCTET_STRING, &[]));
    let der = Tbs { inner_alg: odd.clone(), outer_alg: odd, ..Tbs::v3(Vec::new()) }.der();
    let cert = Certificate::from_der(&der).unwrap();
    let e = signed_by(&cert, &cert.public_key).unwrap_err();
    assert_eq!(e.code(), ErrorCode::UnsupportedAlgorithm);
    // An issuer key whose rsaEncryption parameters are not NULL cannot have signed anything.
    let der = Tbs::v3(Vec::new()).der();
    let cert = Certificate::from_der(&der).unwrap();
    let params = Tlv { tag: tag::OCTET_STRING, value: &[], raw: &[tag::OCTET_STRING, 0] };
    let issuer =
        PublicKeyInfo { algorithm: AlgorithmId { oid: oids::RSA_ENCRYPTION, params: Some(params) }, key: &[1] };
    assert!(!signed_by(&cert, &issuer).unwrap());
}

#[test]
fn ec_issuer_keys_name_their_curve() {
    use crate::x509::verify::signed_by;
    let ecdsa = alg(oids::ECDSA_SHA256, &[]);
    let der = Tbs { inner_alg: ecdsa.clone(), outer_alg: ecdsa, ..Tbs::v3(Vec::new()) }.der();
    let cert = Certificate::from_der(&der).unwrap();
    // Parameters that hold the P-256 OID's bytes but are not an OBJECT IDENTIFIER.
    let raw = tlv(tag::SEQUENCE, oids::CURVE_P256);
    let params = Tlv { tag: tag::SEQUENCE, value: oids::CURVE_P256, raw: &raw };
    let issuer = PublicKeyInfo { algorithm: AlgorithmId { oid: oids::EC_PUBLIC_KEY, params: Some(params) }, key: &[4] };
    let e = signed_by(&cert, &issuer).unwrap_err();
    assert_eq!((e.code(), e.detail()), (ErrorCode::UnsupportedAlgorithm, "EC keys must name their curve"));
}
