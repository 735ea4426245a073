//! Claim formats (DIF Presentation Exchange `format`): which credential and presentation
//! formats, proof types, cryptosuites and JWS algorithms a definition or descriptor admits.

use alloc::string::String;
use alloc::vec::Vec;

use crate::jose::CompactJws;
use crate::json::Value;
use crate::limits::Limits;
use crate::presentation::credential_input::CredentialInput;
use crate::presentation::definition::ClaimFormat;

const LD_VP_DESIGNATIONS: &[&str] = &["ldp_vp", "ldp", "di_vp", "di"];
const JWT_VP_DESIGNATIONS: &[&str] = &["jwt_vp", "jwt_vp_json", "jwt"];
const LD_DESIGNATIONS: &[&str] = &["ldp_vc", "ldp", "di_vc", "di"];
const JWT_DESIGNATIONS: &[&str] = &["jwt_vc", "jwt_vc_json", "jwt"];
const CREDENTIAL_DESIGNATIONS: &[&str] =
    &["ldp_vc", "ldp", "di_vc", "di", "jwt_vc", "jwt_vc_json", "jwt", "vc+sd-jwt", "dc+sd-jwt", "mso_mdoc"];

/// The format entries that constrain credentials, split by kind once per descriptor; `None`
/// when no entry names a credential-level designation (every credential is accepted).
pub(crate) struct CredentialFormats<'d> {
    ld: Vec<&'d ClaimFormat>,
    jwt: Vec<&'d ClaimFormat>,
}

pub(crate) fn credential_formats(formats: Option<&[ClaimFormat]>) -> Option<CredentialFormats<'_>> {
    let formats = formats?;
    if !formats.iter().any(|f| CREDENTIAL_DESIGNATIONS.contains(&f.designation.as_str())) {
        return None;
    }
    let of = |kinds: &[&str]| formats.iter().filter(|f| kinds.contains(&f.designation.as_str())).collect();
    Some(CredentialFormats { ld: of(LD_DESIGNATIONS), jwt: of(JWT_DESIGNATIONS) })
}

pub(crate) fn format_accepted(
    formats: Option<&CredentialFormats<'_>>,
    credential: &CredentialInput,
    limits: &Limits,
) -> bool {
    let Some(formats) = formats else { return true };
    match credential {
        CredentialInput::JsonLd(doc) => ld_accepted(&formats.ld, doc),
        CredentialInput::Jwt { token, .. } => jwt_accepted(&formats.jwt, token, limits),
    }
}

/// Whether the definition's `format` admits the presentation itself: the VP-level entries
/// (`ldp_vp`, `di_vp`, `jwt_vp`, `jwt_vp_json` and the generic `ldp`, `di`, `jwt`) constrain
/// a JSON-LD VP's proof types / cryptosuites and a JWT VP's `alg`, as the credential-level
/// ones constrain credentials. A definition without VP-level entries admits every presentation;
/// one that lists only JWT VP formats admits no JSON-LD VP, and the other way round.
///
/// ```
/// use ssi_verify_core::json::Value;
/// use ssi_verify_core::presentation::definition::PresentationDefinition;
/// use ssi_verify_core::presentation::formats::presentation_format_accepted;
/// use ssi_verify_core::Limits;
/// let l = Limits::DEFAULT;
/// let pd = PresentationDefinition::parse(
///     r#"{"id":"pd","format":{"ldp_vp":{"proof_type":["Ed25519Signature2018"]}},"input_descriptors":[]}"#, &l).unwrap();
/// let vp = |t: &str| Value::parse(&format!(r#"{{"proof":{{"type":"{t}"}}}}"#), &l).unwrap();
/// assert!(presentation_format_accepted(pd.format.as_deref(), &vp("Ed25519Signature2018"), &l));
/// assert!(!presentation_format_accepted(pd.format.as_deref(), &vp("JcsEd25519Signature2020"), &l));
/// let jwt = Value::String("eyJhbGciOiJFUzI1NiJ9.e30.c2ln".into());
/// assert!(!presentation_format_accepted(pd.format.as_deref(), &jwt, &l));
/// ```
#[must_use]
pub fn presentation_format_accepted(formats: Option<&[ClaimFormat]>, presentation: &Value, limits: &Limits) -> bool {
    let Some(formats) = formats else { return true };
    let of = |kinds: &[&str]| -> Vec<&ClaimFormat> {
        formats.iter().filter(|f| kinds.contains(&f.designation.as_str())).collect()
    };
    let (ld, jwt) = (of(LD_VP_DESIGNATIONS), of(JWT_VP_DESIGNATIONS));
    if ld.is_empty() && jwt.is_empty() {
        return true;
    }
    match presentation {
        Value::String(token) => jwt_accepted(&jwt, token, limits),
        doc => ld_accepted(&ld, doc),
    }
}

/// A JSON-LD document against the `ldp*` / `di*` entries: an unsigned one against any entry,
/// a signed one when an entry admits one of its proofs.
fn ld_accepted(ld: &[&ClaimFormat], doc: &Value) -> bool {
    // (type, cryptosuite) of each proof.
    let proofs: Vec<(&str, Option<&str>)> = match doc.get("proof") {
        Some(Value::Array(list)) => list.iter().filter_map(proof_kind).collect(),
        Some(p) => proof_kind(p).into_iter().collect(),
        None => Vec::new(),
    };
    ld.iter().any(|f| proofs.is_empty() || proofs.iter().any(|(t, suite)| ld_format_lists(f, t, *suite)))
}

/// A compact JWS against the `jwt*` entries: an entry without an `alg` list, or one naming
/// the token's `alg`.
fn jwt_accepted(jwt: &[&ClaimFormat], token: &str, limits: &Limits) -> bool {
    let alg = CompactJws::parse(token, limits).ok().and_then(|j| j.alg().ok().map(String::from));
    jwt.iter().any(|f| f.alg.is_empty() || alg.as_ref().is_some_and(|a| f.alg.iter().any(|x| x == a)))
}

fn proof_kind(proof: &Value) -> Option<(&str, Option<&str>)> {
    Some((proof.get("type")?.as_str()?, proof.get("cryptosuite").and_then(Value::as_str)))
}

/// Whether an `ldp*` / `di*` format entry admits a proof: its `proof_type` list (when given)
/// names the proof's type, or for a `DataIntegrityProof` its cryptosuite (some definitions list
/// cryptosuites there); its `cryptosuite` list (when given) names the proof's cryptosuite.
fn ld_format_lists(f: &ClaimFormat, proof_type: &str, cryptosuite: Option<&str>) -> bool {
    let named = |list: &[String], name: Option<&str>| name.is_some_and(|n| list.iter().any(|a| a == n));
    let type_ok = f.proof_type.is_empty()
        || named(&f.proof_type, Some(proof_type))
        || (proof_type == "DataIntegrityProof" && named(&f.proof_type, cryptosuite));
    let suite_ok = f.cryptosuite.is_empty() || named(&f.cryptosuite, cryptosuite);
    type_ok && suite_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    const L: Limits = Limits::DEFAULT;

    fn format(designation: &str, alg: &[&str], proof_type: &[&str], cryptosuite: &[&str]) -> ClaimFormat {
        let list = |items: &[&str]| items.iter().map(|s| String::from(*s)).collect();
        ClaimFormat {
            designation: String::from(designation),
            alg: list(alg),
            proof_type: list(proof_type),
            cryptosuite: list(cryptosuite),
        }
    }

    fn doc(text: &str) -> Value {
        Value::parse(text, &L).unwrap()
    }

    /// `{"alg":"EdDSA"}` / `{"iss":"x"}`, unsigned.
    const JWT: &str = "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJ4In0.";

    #[test]
    fn presentations_follow_the_vp_designations() {
        let vp = doc(r#"{"proof":{"type":"Ed25519Signature2018"}}"#);
        let jwt = Value::String(String::from(JWT));
        assert!(presentation_format_accepted(None, &vp, &L));
        // Only credential designations: nothing said about the presentation.
        assert!(presentation_format_accepted(Some(&[format("ldp_vc", &[], &["Other"], &[])]), &vp, &L));
        for designation in LD_VP_DESIGNATIONS {
            let ok = [format(designation, &[], &["Ed25519Signature2018"], &[])];
            assert!(presentation_format_accepted(Some(&ok), &vp, &L), "{designation}");
            let other = [format(designation, &[], &["Other"], &[])];
            assert!(!presentation_format_accepted(Some(&other), &vp, &L), "{designation}");
        }
        for designation in JWT_VP_DESIGNATIONS {
            assert!(presentation_format_accepted(Some(&[format(designation, &["EdDSA"], &[], &[])]), &jwt, &L));
            assert!(presentation_format_accepted(Some(&[format(designation, &[], &[], &[])]), &jwt, &L));
            assert!(!presentation_format_accepted(Some(&[format(designation, &["ES256"], &[], &[])]), &jwt, &L));
        }
        assert!(!presentation_format_accepted(Some(&[format("ldp_vp", &[], &[], &[])]), &jwt, &L));
        assert!(!presentation_format_accepted(Some(&[format("jwt_vp", &[], &[], &[])]), &vp, &L));
        // A string that is no JWS names no alg: only an alg-free format takes it.
        let junk = Value::String(String::from("x"));
        assert!(!presentation_format_accepted(Some(&[format("jwt_vp", &["EdDSA"], &[], &[])]), &junk, &L));
    }

    #[test]
    fn credentials_follow_the_vc_designations() {
        let vp_only = [format("ldp_vp", &[], &["Other"], &[])];
        assert!(credential_formats(Some(&vp_only)).is_none());
        assert!(credential_formats(None).is_none());
        let vc = CredentialInput::JsonLd(doc(r#"{"proof":{"type":"Ed25519Signature2018"}}"#));
        let jwt = CredentialInput::from_jwt(JWT, &L).unwrap();
        // An SD-JWT-only definition admits neither kind this core reads.
        let sd = [format("vc+sd-jwt", &[], &[], &[])];
        let sd_formats = credential_formats(Some(&sd));
        assert!(!format_accepted(sd_formats.as_ref(), &vc, &L));
        assert!(!format_accepted(sd_formats.as_ref(), &jwt, &L));
        assert!(format_accepted(None, &vc, &L));
        for designation in LD_DESIGNATIONS {
            let f = [format(designation, &[], &["Ed25519Signature2018"], &[])];
            assert!(format_accepted(credential_formats(Some(&f)).as_ref(), &vc, &L), "{designation}");
            assert!(!format_accepted(credential_formats(Some(&f)).as_ref(), &jwt, &L), "{designation}");
        }
        for designation in JWT_DESIGNATIONS {
            let f = [format(designation, &["EdDSA"], &[], &[])];
            assert!(format_accepted(credential_formats(Some(&f)).as_ref(), &jwt, &L), "{designation}");
            assert!(!format_accepted(credential_formats(Some(&f)).as_ref(), &vc, &L), "{designation}");
        }
    }

    #[test]
    fn data_integrity_suites_match_by_cryptosuite() {
        let di = doc(r#"{"proof":{"type":"DataIntegrityProof","cryptosuite":"eddsa-rdfc-2022"}}"#);
        let accepted = |f: ClaimFormat| ld_accepted(&[&f], &di);
        assert!(accepted(format("di_vc", &[], &[], &["eddsa-rdfc-2022"])));
        assert!(!accepted(format("di_vc", &[], &[], &["ecdsa-rdfc-2019"])));
        // Gataca lists cryptosuites as proof types.
        assert!(accepted(format("ldp_vc", &[], &["eddsa-rdfc-2022"], &[])));
        assert!(accepted(format("ldp_vc", &[], &["DataIntegrityProof"], &["eddsa-rdfc-2022"])));
        assert!(!accepted(format("ldp_vc", &[], &["Ed25519Signature2018"], &[])));
        // Only a DataIntegrityProof's cryptosuite stands for its type.
        let other = doc(r#"{"proof":{"type":"X","cryptosuite":"eddsa-rdfc-2022"}}"#);
        assert!(!ld_accepted(&[&format("ldp_vc", &[], &["eddsa-rdfc-2022"], &[])], &other));
        let bare = doc(r#"{"proof":{"type":"DataIntegrityProof"}}"#);
        assert!(!ld_accepted(&[&format("di_vc", &[], &[], &["eddsa-rdfc-2022"])], &bare));
        // A proof without a type says nothing; an unsigned document is judged elsewhere.
        assert!(ld_accepted(&[&format("ldp_vc", &[], &["Other"], &[])], &doc(r#"{"proof":{"x":1}}"#)));
        assert!(!ld_accepted(&[], &doc("{}")));
    }
}
