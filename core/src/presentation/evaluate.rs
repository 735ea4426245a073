//! Evaluating a presentation definition against a set of credentials.
//!
//! For every input descriptor and every credential: the claim format is checked, then each
//! field in order. A field's `path` alternatives are tried in order and **the first one that
//! selects at least one node decides**: the filter is applied to that path's nodes and the field
//! holds when one of them passes. Later alternatives are fallbacks for other credential shapes
//! (`$.issuer`, `$.vc.issuer`, `$.iss`), not second chances: a JSON-LD credential whose `issuer`
//! fails the filter is not rescued by a stray `iss` member that its JSON-LD context ignores. (The v2 text reads as
//! if every alternative's nodes could be tried; that reading lets a credential choose which of
//! its members is checked, so it is not followed.) An `optional` field may select nothing, but
//! what it selects must pass the filter.
//!
//! Format check: when the descriptor's `format` (else the definition's) names a credential-level
//! designation, the credential must match one. A JSON-LD credential matches `ldp_vc`, `ldp`,
//! `di_vc` and `di` (the `proof_type` list, when given, must contain one of its proof types, or
//! for a `DataIntegrityProof` its cryptosuite; the `cryptosuite` list, when given, its
//! cryptosuite; a credential without `proof` is not refused here: proof verification is a
//! separate step); a JWT
//! credential matches `jwt_vc`, `jwt_vc_json` and `jwt` (and the `alg` list must contain the
//! header's `alg`). Presentation-level designations (`ldp_vp`, `jwt_vp`, ...) constrain the
//! presentation, not the credentials, and are ignored here.
//!
//! `subject_is_issuer: required` is checked (issuer, or `issuer.id`, equals
//! `credentialSubject.id`; `iss`/`sub` for JWTs). Constraints that need more than the credential
//! document (`statuses`, `limit_disclosure`, `is_holder`, `same_subject`, `preferred`
//! `subject_is_issuer`) are listed in [`Evaluation::unchecked`], never silently passed.
//! Predicates are evaluated as filters on the disclosed value; the field records the directive.
//!
//! Submission requirements: a requirement over a group counts the group's satisfied descriptors,
//! one over `from_nested` counts its satisfiable nested requirements. The outcome is
//! [`RequirementStatus::Satisfied`], [`RequirementStatus::Excess`] (a selection exists but the
//! credentials offer more than `count` / `max` allow: a holder must drop some, a verifier
//! receiving exactly this set should refuse it) or [`RequirementStatus::Unsatisfied`]. The
//! verdict is valid when a submission satisfying the definition can be selected.

use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{Error, ErrorCode, Result};
use crate::json::jsonpath::NodeList;
use crate::json::Value;
use crate::limits::Limits;
pub use crate::presentation::credential_input::CredentialInput;
use crate::presentation::definition::{Directive, InputDescriptor, PresentationDefinition};
pub use crate::presentation::evaluation::{
    DescriptorMatch, Evaluation, FieldMatch, RequirementResult, RequirementStatus, Unchecked, Unmet,
};
use crate::presentation::formats::{credential_formats, format_accepted, CredentialFormats};
use crate::presentation::requirements::{judge_requirements, Judgement};

/// Evaluates `definition` against `credentials`.
///
/// ```
/// use ssi_verify_core::json::Value;
/// use ssi_verify_core::presentation::definition::PresentationDefinition;
/// use ssi_verify_core::presentation::evaluate::{evaluate, CredentialInput};
/// use ssi_verify_core::Limits;
/// let l = Limits::DEFAULT;
/// let pd = PresentationDefinition::parse(r#"{"id":"pd","input_descriptors":[{"id":"d","constraints":{"fields":[
///     {"path":["$.issuer"],"filter":{"type":"string","const":"did:example:good"}}]}}]}"#, &l).unwrap();
/// let good = CredentialInput::JsonLd(Value::parse(r#"{"issuer":"did:example:good"}"#, &l).unwrap());
/// let bad = CredentialInput::JsonLd(Value::parse(r#"{"issuer":"did:example:bad"}"#, &l).unwrap());
/// assert!(evaluate(&pd, &[bad.clone(), good], &l).unwrap().verdict.is_valid());
/// assert!(!evaluate(&pd, &[bad], &l).unwrap().verdict.is_valid());
/// ```
///
/// # Errors
/// Limit errors from JSONPath selection, [`ErrorCode::TooManyItems`] when descriptors ×
/// credentials exceeds `limits.max_items`, [`ErrorCode::NestingTooDeep`] for requirements nested
/// deeper than `limits.max_depth`.
pub fn evaluate(
    definition: &PresentationDefinition,
    credentials: &[CredentialInput],
    limits: &Limits,
) -> Result<Evaluation> {
    let pairs = definition.input_descriptors.len().checked_mul(credentials.len());
    if pairs.is_none_or(|p| p > limits.max_items) {
        return Err(Error::new(ErrorCode::TooManyItems, "too many descriptor and credential pairs"));
    }
    let mut matches = Vec::new();
    let mut unmet = Vec::new();
    let mut unchecked = Vec::new();
    let mut nodes = NodeList::new();
    for (di, descriptor) in definition.input_descriptors.iter().enumerate() {
        note_unchecked(descriptor, &mut unchecked);
        let formats = credential_formats(descriptor.format.as_deref().or(definition.format.as_deref()));
        for (ci, credential) in credentials.iter().enumerate() {
            match match_descriptor(descriptor, formats.as_ref(), credential, limits, &mut nodes)? {
                Ok(fields) => matches.push(DescriptorMatch {
                    descriptor_index: di,
                    descriptor_id: descriptor.id.clone(),
                    credential_index: ci,
                    fields,
                }),
                Err(reason) => unmet.push(Unmet {
                    descriptor_index: di,
                    descriptor_id: descriptor.id.clone(),
                    credential_index: ci,
                    code: reason.code,
                    field_index: reason.field_index,
                    field_id: reason
                        .field_index
                        .and_then(|i| descriptor.constraints.fields.get(i).and_then(|f| f.id.clone())),
                    path: reason.path,
                    detail: reason.detail,
                }),
            }
        }
    }
    let Judgement { requirements, verdict, selection } = judge_requirements(definition, &matches, limits)?;
    let descriptors = definition
        .input_descriptors
        .iter()
        .enumerate()
        .map(|(di, d)| (d.id.clone(), matches.iter().any(|m| m.descriptor_index == di)))
        .collect();
    Ok(Evaluation {
        definition_id: definition.id.clone(),
        descriptors,
        matches,
        unmet,
        requirements,
        unchecked,
        selection,
        verdict,
    })
}

fn note_unchecked(descriptor: &InputDescriptor, out: &mut Vec<Unchecked>) {
    let c = &descriptor.constraints;
    let s = &c.statuses;
    let mut note = |constraint: &'static str| out.push(Unchecked { descriptor_id: descriptor.id.clone(), constraint });
    if s.active.is_some() || s.suspended.is_some() || s.revoked.is_some() {
        note("statuses");
    }
    if c.limit_disclosure.is_some() {
        note("limit_disclosure");
    }
    if !c.is_holder.is_empty() {
        note("is_holder");
    }
    if !c.same_subject.is_empty() {
        note("same_subject");
    }
    if c.subject_is_issuer == Some(Directive::Preferred) {
        note("subject_is_issuer");
    }
}

struct Reason {
    code: ErrorCode,
    field_index: Option<usize>,
    path: Option<String>,
    detail: &'static str,
}

fn id_of(value: Option<&Value>) -> Option<&str> {
    match value? {
        Value::String(s) => Some(s),
        v @ Value::Object(_) => v.get("id").and_then(Value::as_str),
        _ => None,
    }
}

fn subject_is_issuer(credential: &CredentialInput) -> bool {
    let doc = credential.document();
    let pairs = [
        (id_of(doc.get("issuer")), id_of(doc.get("credentialSubject"))),
        (
            id_of(doc.get("vc").and_then(|v| v.get("issuer"))),
            id_of(doc.get("vc").and_then(|v| v.get("credentialSubject"))),
        ),
        (doc.get("iss").and_then(Value::as_str), doc.get("sub").and_then(Value::as_str)),
    ];
    pairs.iter().any(|(i, s)| matches!((i, s), (Some(a), Some(b)) if a == b))
}

/// `Ok(Ok(fields))` on a match, `Ok(Err(reason))` when the credential does not satisfy the
/// descriptor, `Err` when the evaluation could not run.
/// `nodes` is scratch space, reused from one credential to the next.
fn match_descriptor<'c>(
    descriptor: &InputDescriptor,
    formats: Option<&CredentialFormats<'_>>,
    credential: &'c CredentialInput,
    limits: &Limits,
    nodes: &mut NodeList<'c>,
) -> Result<core::result::Result<Vec<FieldMatch>, Reason>> {
    if !format_accepted(formats, credential, limits) {
        return Ok(Err(Reason {
            code: ErrorCode::CredentialFormatNotAccepted,
            field_index: None,
            path: None,
            detail: "the credential's format, proof type or alg is not in the accepted formats",
        }));
    }
    if descriptor.constraints.subject_is_issuer == Some(Directive::Required) && !subject_is_issuer(credential) {
        return Ok(Err(Reason {
            code: ErrorCode::ValueMismatch,
            field_index: None,
            path: None,
            detail: "subject_is_issuer is required but the issuer is not the subject",
        }));
    }
    let doc = credential.document();
    let mut fields = Vec::with_capacity(descriptor.constraints.fields.len());
    for (fi, field) in descriptor.constraints.fields.iter().enumerate() {
        let mut decided = None;
        for query in &field.path {
            // Paths are recorded, but only the accepted node's is written out.
            query.nodelist_into(doc, limits, nodes)?;
            if !nodes.is_empty() {
                decided = Some(query);
                break;
            }
        }
        let Some(query) = decided else {
            if field.optional {
                fields.push(FieldMatch {
                    field_index: fi,
                    field_id: field.id.clone(),
                    path: None,
                    location: None,
                    predicate: field.predicate,
                });
                continue;
            }
            return Ok(Err(Reason {
                code: ErrorCode::MissingField,
                field_index: Some(fi),
                path: None,
                detail: "no path of the field selected a value",
            }));
        };
        let mut accepted = None;
        for (i, value) in nodes.values().enumerate() {
            let pass = match &field.filter {
                None => true,
                Some(f) => match f.try_matches(value, limits) {
                    Ok(pass) => pass,
                    Err(e) => {
                        return Ok(Err(Reason {
                            code: e.code(),
                            field_index: Some(fi),
                            path: Some(String::from(query.as_str())),
                            detail: "the filter could not be applied within the limits",
                        }))
                    }
                },
            };
            if pass {
                accepted = nodes.location(i);
                break;
            }
        }
        match accepted {
            Some(location) => fields.push(FieldMatch {
                field_index: fi,
                field_id: field.id.clone(),
                path: Some(String::from(query.as_str())),
                location: Some(location),
                predicate: field.predicate,
            }),
            None => {
                return Ok(Err(Reason {
                    code: ErrorCode::ValueMismatch,
                    field_index: Some(fi),
                    path: Some(String::from(query.as_str())),
                    detail: "the selected value does not pass the field's filter",
                }))
            }
        }
    }
    Ok(Ok(fields))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Verdict;

    const L: Limits = Limits::DEFAULT;

    fn pd(text: &str) -> PresentationDefinition {
        PresentationDefinition::parse(text, &L).unwrap()
    }
    fn ld(text: &str) -> CredentialInput {
        CredentialInput::JsonLd(Value::parse(text, &L).unwrap())
    }

    /// Four descriptors: a and b in group A, b and c in group B, d in group C; credential i
    /// satisfies descriptor i when its `kind` says so.
    fn grouped(srs: &str) -> PresentationDefinition {
        let d = |id: &str, groups: &str| {
            alloc::format!(
                r#"{{"id":"{id}","group":{groups},"constraints":{{"fields":[{{"path":["$.kind"],"filter":{{"const":"{id}"}}}}]}}}}"#
            )
        };
        pd(&alloc::format!(
            r#"{{"id":"pd","submission_requirements":{srs},"input_descriptors":[{},{},{},{}]}}"#,
            d("a", r#"["A"]"#),
            d("b", r#"["A","B"]"#),
            d("c", r#"["B"]"#),
            d("d", r#"["C"]"#)
        ))
    }

    fn status(srs: &str, kinds: &[&str]) -> Vec<RequirementStatus> {
        let creds: Vec<CredentialInput> = kinds.iter().map(|k| ld(&alloc::format!(r#"{{"kind":"{k}"}}"#))).collect();
        let e = evaluate(&grouped(srs), &creds, &L).unwrap();
        assert_eq!(e.verdict.is_valid(), e.requirements.iter().all(|r| r.status != RequirementStatus::Unsatisfied));
        e.requirements.iter().map(|r| r.status).collect()
    }

    use RequirementStatus::{Excess, Satisfied, Unsatisfied};

    #[test]
    fn rule_all() {
        assert_eq!(status(r#"[{"rule":"all","from":"A"}]"#, &["a", "b"]), [Satisfied]);
        assert_eq!(status(r#"[{"rule":"all","from":"A"}]"#, &["a", "c"]), [Unsatisfied]);
        assert_eq!(
            status(
                r#"[{"rule":"all","from_nested":[{"rule":"all","from":"A"},{"rule":"all","from":"C"}]}]"#,
                &["a", "b", "d"]
            ),
            [Satisfied]
        );
        assert_eq!(
            status(
                r#"[{"rule":"all","from_nested":[{"rule":"all","from":"A"},{"rule":"all","from":"C"}]}]"#,
                &["a", "b"]
            ),
            [Unsatisfied]
        );
    }

    #[test]
    fn rule_pick_count() {
        assert_eq!(status(r#"[{"rule":"pick","count":1,"from":"B"}]"#, &["b"]), [Satisfied]);
        assert_eq!(status(r#"[{"rule":"pick","count":1,"from":"B"}]"#, &["b", "c"]), [Excess]);
        assert_eq!(status(r#"[{"rule":"pick","count":2,"from":"B"}]"#, &["b"]), [Unsatisfied]);
    }

    #[test]
    fn rule_pick_min_max() {
        assert_eq!(status(r#"[{"rule":"pick","min":1,"from":"B"}]"#, &["c"]), [Satisfied]);
        assert_eq!(status(r#"[{"rule":"pick","min":2,"from":"B"}]"#, &["c"]), [Unsatisfied]);
        assert_eq!(status(r#"[{"rule":"pick","max":1,"from":"B"}]"#, &["b", "c"]), [Excess]);
        assert_eq!(status(r#"[{"rule":"pick","max":1,"from":"B"}]"#, &[]), [Satisfied]);
        assert_eq!(status(r#"[{"rule":"pick","min":1,"max":2,"from":"B"}]"#, &["b", "c"]), [Satisfied]);
        assert_eq!(status(r#"[{"rule":"pick","min":0,"from":"nobody"}]"#, &[]), [Satisfied]);
    }

    #[test]
    fn rule_pick_nested() {
        let nested = r#"[{"rule":"all","from":"A"},{"rule":"pick","count":1,"from":"C"}]"#;
        let srs = |head: &str| alloc::format!(r#"[{{"rule":"pick",{head},"from_nested":{nested}}}]"#);
        assert_eq!(status(&srs(r#""count":1"#), &["a", "b"]), [Satisfied]);
        assert_eq!(status(&srs(r#""count":1"#), &["a", "b", "d"]), [Excess]);
        assert_eq!(status(&srs(r#""min":2"#), &["a", "d"]), [Unsatisfied]);
        assert_eq!(status(&srs(r#""max":1"#), &["d"]), [Satisfied]);
        // A nested requirement with excess makes its parent one with excess.
        let inner = r#"[{"rule":"pick","count":1,"from_nested":[{"rule":"pick","count":1,"from":"B"}]}]"#;
        assert_eq!(status(inner, &["b", "c"]), [Excess]);
    }

    #[test]
    fn selection_follows_requirements() {
        let creds = [ld(r#"{"kind":"c"}"#), ld(r#"{"kind":"b"}"#), ld(r#"{"kind":"d"}"#)];
        let e = evaluate(&grouped(r#"[{"rule":"pick","count":1,"from":"B"}]"#), &creds, &L).unwrap();
        assert_eq!(e.selection, [(1, 1)]);
        assert_eq!(e.requirements[0].credentials, [0, 1]);
        let none = evaluate(&grouped(r#"[{"rule":"pick","count":1,"from":"A"}]"#), &creds[..1], &L).unwrap();
        assert!(none.selection.is_empty());
        assert_eq!(none.verdict, Verdict::Invalid(ErrorCode::SubmissionRequirementNotSatisfied));
    }

    #[test]
    fn first_path_that_selects_decides() {
        let def = pd(r#"{"id":"pd","input_descriptors":[{"id":"d","constraints":{"fields":[
            {"id":"iss","path":["$.issuer","$.vc.issuer","$.iss"],"filter":{"type":"string","pattern":"^did:good$"}}]}}]}"#);
        let e = evaluate(
            &def,
            &[ld(r#"{"vc":{"issuer":"did:good"}}"#), ld(r#"{"issuer":"did:bad","iss":"did:good"}"#)],
            &L,
        )
        .unwrap();
        assert_eq!(e.matches.len(), 1);
        assert_eq!(e.matches[0].fields[0].path.as_deref(), Some("$.vc.issuer"));
        assert_eq!(e.matches[0].fields[0].location.as_deref(), Some("$['vc']['issuer']"));
        assert_eq!(e.unmet[0].code, ErrorCode::ValueMismatch);
        assert_eq!(e.unmet[0].path.as_deref(), Some("$.issuer"));
        assert_eq!(e.unmet[0].field_id.as_deref(), Some("iss"));
        let missing = evaluate(&def, &[ld("{}")], &L).unwrap();
        assert_eq!(missing.unmet[0].code, ErrorCode::MissingField);
        assert_eq!(missing.verdict, Verdict::Invalid(ErrorCode::InputDescriptorNotSatisfied));
    }

    #[test]
    fn optional_fields_still_filter() {
        let def = pd(r#"{"id":"pd","input_descriptors":[{"id":"d","constraints":{"fields":[
            {"path":["$.age"],"optional":true,"filter":{"type":"number","minimum":18}}]}}]}"#);
        assert!(evaluate(&def, &[ld("{}")], &L).unwrap().verdict.is_valid());
        assert!(evaluate(&def, &[ld(r#"{"age":20}"#)], &L).unwrap().verdict.is_valid());
        assert!(!evaluate(&def, &[ld(r#"{"age":17}"#)], &L).unwrap().verdict.is_valid());
    }

    #[test]
    fn formats_constrain_credentials_only() {
        let def = |format: &str| {
            pd(&alloc::format!(
                r#"{{"id":"pd","format":{format},"input_descriptors":[{{"id":"d","constraints":{{}}}}]}}"#
            ))
        };
        let vc = ld(r#"{"proof":{"type":"Ed25519Signature2018"}}"#);
        let arr = ld(r#"{"proof":[{"type":"X"},{"type":"Ed25519Signature2018"}]}"#);
        assert!(evaluate(&def(r#"{"ldp_vp":{"proof_type":["Other"]}}"#), core::slice::from_ref(&vc), &L)
            .unwrap()
            .verdict
            .is_valid());
        assert!(evaluate(&def(r#"{"ldp":{"proof_type":["Ed25519Signature2018"]}}"#), &[arr], &L)
            .unwrap()
            .verdict
            .is_valid());
        let e = evaluate(&def(r#"{"ldp_vc":{"proof_type":["Other"]}}"#), core::slice::from_ref(&vc), &L).unwrap();
        assert_eq!(e.unmet[0].code, ErrorCode::CredentialFormatNotAccepted);
        assert!(!evaluate(&def(r#"{"jwt_vc":{"alg":["EdDSA"]}}"#), &[vc], &L).unwrap().verdict.is_valid());
        let unsigned = ld(r#"{"issuer":"did:x"}"#);
        assert!(evaluate(&def(r#"{"ldp_vc":{"proof_type":["Other"]}}"#), &[unsigned], &L).unwrap().verdict.is_valid());
        // {"alg":"EdDSA"} / {"iss":"x"}
        let jwt = CredentialInput::from_jwt("eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJ4In0.", &L).unwrap();
        assert!(evaluate(&def(r#"{"jwt":{"alg":["EdDSA"]}}"#), core::slice::from_ref(&jwt), &L)
            .unwrap()
            .verdict
            .is_valid());
        assert!(!evaluate(&def(r#"{"jwt_vc":{"alg":["ES256"]}}"#), &[jwt], &L).unwrap().verdict.is_valid());
    }

    #[test]
    fn subject_is_issuer_and_unchecked() {
        let def = pd(r#"{"id":"pd","input_descriptors":[{"id":"d","constraints":{"subject_is_issuer":"required",
            "statuses":{"active":{"directive":"required"}},"limit_disclosure":"preferred"}}]}"#);
        let selfissued = ld(r#"{"issuer":{"id":"did:a"},"credentialSubject":{"id":"did:a"}}"#);
        let other = ld(r#"{"issuer":"did:a","credentialSubject":{"id":"did:b"}}"#);
        let e = evaluate(&def, &[selfissued, other], &L).unwrap();
        assert_eq!(e.matches.len(), 1);
        assert_eq!(e.unmet[0].credential_index, 1);
        let noted: Vec<&str> = e.unchecked.iter().map(|u| u.constraint).collect();
        assert_eq!(noted, ["statuses", "limit_disclosure"]);
    }

    #[test]
    fn any_status_directive_is_noted_unchecked() {
        for status in ["active", "suspended", "revoked"] {
            let def = pd(&alloc::format!(
                r#"{{"id":"pd","input_descriptors":[{{"id":"d","constraints":{{"statuses":{{"{status}":{{"directive":"allowed"}}}}}}}}]}}"#
            ));
            let e = evaluate(&def, &[ld("{}")], &L).unwrap();
            let noted: Vec<&str> = e.unchecked.iter().map(|u| u.constraint).collect();
            assert_eq!(noted, ["statuses"], "{status}");
        }
    }

    #[test]
    fn subject_is_issuer_reads_every_form_of_the_ids() {
        let def = pd(r#"{"id":"pd","input_descriptors":[{"id":"d","constraints":{"subject_is_issuer":"required"}}]}"#);
        let satisfied = |c: CredentialInput| evaluate(&def, &[c], &L).unwrap().verdict.is_valid();
        assert!(satisfied(ld(r#"{"issuer":"did:a","credentialSubject":"did:a"}"#)));
        assert!(satisfied(ld(r#"{"issuer":"did:a","credentialSubject":{"id":"did:a"}}"#)));
        assert!(!satisfied(ld(r#"{"issuer":"did:a","credentialSubject":["did:a"]}"#)));
        assert!(satisfied(ld(r#"{"vc":{"issuer":"did:a","credentialSubject":{"id":"did:a"}}}"#)));
        assert!(satisfied(ld(r#"{"iss":"did:a","sub":"did:a"}"#)));
        assert!(!satisfied(ld(r#"{"iss":"did:a","sub":"did:b"}"#)));
        assert!(!satisfied(ld(r#"{"issuer":"did:a"}"#)));
    }

    #[test]
    fn json_output_parses() {
        let creds = [ld(r#"{"kind":"a"}"#), ld(r#"{"kind":"b"}"#)];
        let srs = r#"[{"name":"n","rule":"pick","count":1,"from_nested":[{"rule":"all","from":"A"},{"rule":"all","from":"C"}]}]"#;
        let e = evaluate(&grouped(srs), &creds, &L).unwrap();
        let v = Value::parse(&e.to_json(), &L).unwrap();
        assert_eq!(v.get("verdict").and_then(Value::as_str), Some("valid"));
        let req = &v.get("requirements").unwrap().as_array().unwrap()[0];
        assert_eq!(req.get("status").and_then(Value::as_str), Some("satisfied"));
        let nested = req.get("nested").unwrap().as_array().unwrap();
        assert_eq!(nested.len(), 2);
        assert_eq!(nested[1].get("status").and_then(Value::as_str), Some("unsatisfied"));
        assert_eq!(nested[0].get("selected_descriptors").unwrap().to_json(), "[0,1]");
    }

    #[test]
    fn pair_count_is_bounded() {
        let def = grouped(r#"[{"rule":"all","from":"A"}]"#);
        let creds: Vec<CredentialInput> = (0..3).map(|_| ld("{}")).collect();
        let tight = Limits { max_items: 11, ..L };
        assert_eq!(evaluate(&def, &creds, &tight).unwrap_err().code(), ErrorCode::TooManyItems);
        // Four descriptors by three credentials: twelve pairs, the bound inclusive.
        assert!(evaluate(&def, &creds, &Limits { max_items: 12, ..L }).is_ok());
    }
}
