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
//! designation, the credential must match one. A JSON-LD credential matches `ldp_vc`, `ldp` and
//! `di_vc` (and the `proof_type` list, when given, must contain one of its proof types; a
//! credential without `proof` is not refused here: proof verification is a separate step); a JWT
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
use crate::jose::CompactJws;
use crate::json::{Number, Value};
use crate::limits::Limits;
use crate::presentation::definition::{
    ClaimFormat, Directive, InputDescriptor, PresentationDefinition, RequirementSource, Rule, SubmissionRequirement,
};
use crate::Verdict;

/// A credential offered for evaluation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CredentialInput {
    /// A JSON-LD (Data Integrity / Linked Data proof) credential.
    JsonLd(Value),
    /// A JWT credential: the compact token and its decoded payload, which paths apply to.
    Jwt {
        /// The compact JWS.
        token: String,
        /// The decoded payload (`vc`, `iss`, `sub`, ... at the top).
        payload: Value,
    },
}

impl CredentialInput {
    /// A JWT credential from its compact form (the signature is not verified here).
    ///
    /// ```
    /// use ssi_verify_core::presentation::evaluate::CredentialInput;
    /// use ssi_verify_core::Limits;
    /// // {"alg":"EdDSA"} . {"iss":"did:example:1"} . (empty signature)
    /// let c = CredentialInput::from_jwt("eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6ZXhhbXBsZToxIn0.", &Limits::DEFAULT).unwrap();
    /// assert_eq!(c.document().get("iss").and_then(|v| v.as_str()), Some("did:example:1"));
    /// ```
    ///
    /// # Errors
    /// Those of [`CompactJws::parse`]; [`ErrorCode::InvalidJwt`] when the payload is not a JSON object.
    pub fn from_jwt(token: &str, limits: &Limits) -> Result<Self> {
        let jws = CompactJws::parse(token, limits)?;
        let text = core::str::from_utf8(&jws.payload)
            .map_err(|_| Error::new(ErrorCode::InvalidJwt, "JWT payload is not UTF-8"))?;
        let payload = Value::parse(text, limits)?;
        if payload.as_object().is_none() {
            return Err(Error::new(ErrorCode::InvalidJwt, "JWT payload is not a JSON object"));
        }
        Ok(CredentialInput::Jwt { token: String::from(token), payload })
    }

    /// The JSON the field paths are evaluated against.
    #[must_use]
    pub fn document(&self) -> &Value {
        match self {
            CredentialInput::JsonLd(v) => v,
            CredentialInput::Jwt { payload, .. } => payload,
        }
    }

    /// The credential-level claim format designation used in submissions.
    #[must_use]
    pub fn format_designation(&self) -> &'static str {
        match self {
            CredentialInput::JsonLd(_) => "ldp_vc",
            CredentialInput::Jwt { .. } => "jwt_vc",
        }
    }
}

/// How one field was satisfied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldMatch {
    /// Index of the field in `constraints.fields`.
    pub field_index: usize,
    /// The field's `id`.
    pub field_id: Option<String>,
    /// The path alternative that decided (`None` for an optional field that selected nothing).
    pub path: Option<String>,
    /// The normalized location of the accepted node.
    pub location: Option<String>,
    /// The field's `predicate`.
    pub predicate: Option<Directive>,
}

/// A credential that satisfies a descriptor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DescriptorMatch {
    /// Index of the descriptor in the definition.
    pub descriptor_index: usize,
    /// The descriptor's id.
    pub descriptor_id: String,
    /// Index of the credential in the input list.
    pub credential_index: usize,
    /// One entry per field, in order.
    pub fields: Vec<FieldMatch>,
}

/// Why a credential does not satisfy a descriptor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unmet {
    /// Index of the descriptor in the definition.
    pub descriptor_index: usize,
    /// The descriptor's id.
    pub descriptor_id: String,
    /// Index of the credential in the input list.
    pub credential_index: usize,
    /// [`ErrorCode::CredentialFormatNotAccepted`], [`ErrorCode::MissingField`] (no path selected
    /// anything), [`ErrorCode::ValueMismatch`] (the filter or `subject_is_issuer` failed),
    /// [`ErrorCode::TooManyItems`] (the filter's regex work budget ran out: this pair could not be
    /// checked and counts as not matching).
    pub code: ErrorCode,
    /// The field concerned, if any.
    pub field_index: Option<usize>,
    /// The field's `id`, if any.
    pub field_id: Option<String>,
    /// The path alternative that decided, if one selected something.
    pub path: Option<String>,
    /// Static English detail.
    pub detail: &'static str,
}

/// Outcome of a submission requirement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequirementStatus {
    /// Satisfied by the credentials as offered.
    Satisfied,
    /// Satisfiable, but more items qualify than `count` / `max` allow.
    Excess,
    /// Not satisfiable with these credentials.
    Unsatisfied,
}

impl RequirementStatus {
    /// `satisfied`, `excess` or `unsatisfied`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            RequirementStatus::Satisfied => "satisfied",
            RequirementStatus::Excess => "excess",
            RequirementStatus::Unsatisfied => "unsatisfied",
        }
    }
}

/// The result of one submission requirement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequirementResult {
    /// The requirement's `name`.
    pub name: Option<String>,
    /// Its rule.
    pub rule: Rule,
    /// The outcome.
    pub status: RequirementStatus,
    /// How many items (satisfied descriptors of the group, or satisfiable nested requirements)
    /// qualify.
    pub qualifying: usize,
    /// How many items there are (descriptors in the group, or nested requirements).
    pub available: usize,
    /// Indexes of the descriptors selected to satisfy it (empty when unsatisfied).
    pub selected_descriptors: Vec<usize>,
    /// Indexes of the credentials matching any qualifying descriptor, ascending.
    pub credentials: Vec<usize>,
    /// Results of `from_nested`, in order.
    pub nested: Vec<RequirementResult>,
}

/// A constraint the evaluation did not check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unchecked {
    /// The descriptor's id.
    pub descriptor_id: String,
    /// `statuses`, `limit_disclosure`, `is_holder`, `same_subject` or `subject_is_issuer`.
    pub constraint: &'static str,
}

/// The evaluation of a definition against credentials.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    /// The definition's id.
    pub definition_id: String,
    /// Every (descriptor, credential) pair that matched.
    pub matches: Vec<DescriptorMatch>,
    /// The reason for every (descriptor, credential) pair that did not.
    pub unmet: Vec<Unmet>,
    /// Per submission requirement (empty when the definition has none).
    pub requirements: Vec<RequirementResult>,
    /// Constraints not checked, per descriptor.
    pub unchecked: Vec<Unchecked>,
    /// Descriptor ids in definition order, and whether some credential satisfies each.
    pub descriptors: Vec<(String, bool)>,
    /// One descriptor-to-credential choice that satisfies the definition (descriptor index,
    /// credential index), in descriptor order; empty when the verdict is invalid.
    pub selection: Vec<(usize, usize)>,
    /// Valid when a satisfying submission can be selected; otherwise
    /// [`ErrorCode::InputDescriptorNotSatisfied`] (no submission requirements) or
    /// [`ErrorCode::SubmissionRequirementNotSatisfied`].
    pub verdict: Verdict,
}

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
    for (di, descriptor) in definition.input_descriptors.iter().enumerate() {
        note_unchecked(descriptor, &mut unchecked);
        let formats = descriptor.format.as_deref().or(definition.format.as_deref());
        for (ci, credential) in credentials.iter().enumerate() {
            match match_descriptor(descriptor, formats, credential, limits)? {
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

/// What the submission requirements make of a set of matches.
pub(crate) struct Judgement {
    pub(crate) requirements: Vec<RequirementResult>,
    pub(crate) verdict: Verdict,
    pub(crate) selection: Vec<(usize, usize)>,
}

/// Submission-requirement results, verdict and a selection for a given set of matches.
pub(crate) fn judge_requirements(
    definition: &PresentationDefinition,
    matches: &[DescriptorMatch],
    limits: &Limits,
) -> Result<Judgement> {
    let satisfied: Vec<bool> =
        (0..definition.input_descriptors.len()).map(|di| matches.iter().any(|m| m.descriptor_index == di)).collect();
    let ctx = Ctx { definition, matches, satisfied: &satisfied, limits };
    let (requirements, verdict, chosen) = match &definition.submission_requirements {
        None => {
            let all = satisfied.iter().all(|s| *s);
            let chosen = if all { (0..satisfied.len()).collect() } else { Vec::new() };
            (Vec::new(), Verdict::from_bool(all, ErrorCode::InputDescriptorNotSatisfied), chosen)
        }
        Some(list) => {
            let results = list.iter().map(|r| ctx.requirement(r, 0)).collect::<Result<Vec<_>>>()?;
            let ok = results.iter().all(|r| r.status != RequirementStatus::Unsatisfied);
            let mut chosen: Vec<usize> = Vec::new();
            if ok {
                let mut todo: Vec<&RequirementResult> = results.iter().collect();
                while let Some(r) = todo.pop() {
                    chosen.extend(r.selected_descriptors.iter().copied());
                    todo.extend(r.nested.iter());
                }
                chosen.sort_unstable();
                chosen.dedup();
            }
            (results, Verdict::from_bool(ok, ErrorCode::SubmissionRequirementNotSatisfied), chosen)
        }
    };
    // Prefer a credential no earlier descriptor took, so distinct descriptors are shown
    // distinct credentials where the set allows it.
    let mut selection: Vec<(usize, usize)> = Vec::with_capacity(chosen.len());
    for &di in &chosen {
        let mut candidates = matches.iter().filter(|m| m.descriptor_index == di).map(|m| m.credential_index);
        let first = candidates.clone().next();
        if let Some(ci) = candidates.find(|ci| !selection.iter().any(|(_, used)| used == ci)).or(first) {
            selection.push((di, ci));
        }
    }
    Ok(Judgement { requirements, verdict, selection })
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

const LD_DESIGNATIONS: &[&str] = &["ldp_vc", "ldp", "di_vc"];
const JWT_DESIGNATIONS: &[&str] = &["jwt_vc", "jwt_vc_json", "jwt"];
const CREDENTIAL_DESIGNATIONS: &[&str] =
    &["ldp_vc", "ldp", "di_vc", "jwt_vc", "jwt_vc_json", "jwt", "vc+sd-jwt", "dc+sd-jwt", "mso_mdoc"];

fn format_accepted(formats: Option<&[ClaimFormat]>, credential: &CredentialInput, limits: &Limits) -> bool {
    let Some(formats) = formats else { return true };
    if !formats.iter().any(|f| CREDENTIAL_DESIGNATIONS.contains(&f.designation.as_str())) {
        return true;
    }
    match credential {
        CredentialInput::JsonLd(doc) => {
            let proof_types: Vec<&str> = match doc.get("proof") {
                Some(Value::Array(list)) => list.iter().filter_map(|p| p.get("type")?.as_str()).collect(),
                Some(p) => p.get("type").and_then(Value::as_str).into_iter().collect(),
                None => Vec::new(),
            };
            formats.iter().filter(|f| LD_DESIGNATIONS.contains(&f.designation.as_str())).any(|f| {
                f.proof_type.is_empty()
                    || proof_types.is_empty()
                    || proof_types.iter().any(|t| f.proof_type.iter().any(|a| a == t))
            })
        }
        CredentialInput::Jwt { token, .. } => {
            let alg = CompactJws::parse(token, limits).ok().and_then(|j| j.alg().ok().map(String::from));
            formats
                .iter()
                .filter(|f| JWT_DESIGNATIONS.contains(&f.designation.as_str()))
                .any(|f| f.alg.is_empty() || alg.as_ref().is_some_and(|a| f.alg.iter().any(|x| x == a)))
        }
    }
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
fn match_descriptor(
    descriptor: &InputDescriptor,
    formats: Option<&[ClaimFormat]>,
    credential: &CredentialInput,
    limits: &Limits,
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
            let nodes = query.select(doc, limits)?;
            if !nodes.is_empty() {
                decided = Some((query, nodes));
                break;
            }
        }
        let Some((query, nodes)) = decided else {
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
        for node in &nodes {
            let pass = match &field.filter {
                None => true,
                Some(f) => match f.try_matches(node.value, limits) {
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
                accepted = Some(node);
                break;
            }
        }
        match accepted {
            Some(node) => fields.push(FieldMatch {
                field_index: fi,
                field_id: field.id.clone(),
                path: Some(String::from(query.as_str())),
                location: Some(node.location.clone()),
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

struct Ctx<'a> {
    definition: &'a PresentationDefinition,
    matches: &'a [DescriptorMatch],
    satisfied: &'a [bool],
    limits: &'a Limits,
}

/// The status of a count of qualifying items against a rule's bounds.
fn judge(req: &SubmissionRequirement, qualifying: usize, available: usize) -> (RequirementStatus, usize) {
    let q = u64::try_from(qualifying).unwrap_or(u64::MAX);
    let to_usize = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    match req.rule {
        Rule::All => {
            if qualifying == available {
                (RequirementStatus::Satisfied, qualifying)
            } else {
                (RequirementStatus::Unsatisfied, 0)
            }
        }
        Rule::Pick => {
            if let Some(c) = req.count {
                return match q.cmp(&c) {
                    core::cmp::Ordering::Less => (RequirementStatus::Unsatisfied, 0),
                    core::cmp::Ordering::Equal => (RequirementStatus::Satisfied, qualifying),
                    core::cmp::Ordering::Greater => (RequirementStatus::Excess, to_usize(c)),
                };
            }
            if req.min.is_some_and(|m| q < m) {
                return (RequirementStatus::Unsatisfied, 0);
            }
            match req.max {
                Some(m) if q > m => (RequirementStatus::Excess, to_usize(m)),
                _ => (RequirementStatus::Satisfied, qualifying),
            }
        }
    }
}

impl Ctx<'_> {
    fn requirement(&self, req: &SubmissionRequirement, depth: usize) -> Result<RequirementResult> {
        if depth >= self.limits.depth() {
            return Err(Error::new(ErrorCode::NestingTooDeep, "submission requirements nest too deeply"));
        }
        let mut result = RequirementResult {
            name: req.name.clone(),
            rule: req.rule,
            status: RequirementStatus::Unsatisfied,
            qualifying: 0,
            available: 0,
            selected_descriptors: Vec::new(),
            credentials: Vec::new(),
            nested: Vec::new(),
        };
        match &req.source {
            RequirementSource::Group(group) => {
                let members: Vec<usize> = self.definition.group_members(group).map(|(i, _)| i).collect();
                let qualifying: Vec<usize> =
                    members.iter().copied().filter(|&i| self.satisfied.get(i).copied().unwrap_or(false)).collect();
                let (status, take) = judge(req, qualifying.len(), members.len());
                result.status = status;
                result.qualifying = qualifying.len();
                result.available = members.len();
                result.credentials = self.credentials_of(&qualifying);
                result.selected_descriptors = qualifying.into_iter().take(take).collect();
            }
            RequirementSource::Nested(list) => {
                let nested =
                    list.iter().map(|n| self.requirement(n, depth.saturating_add(1))).collect::<Result<Vec<_>>>()?;
                let ok: Vec<&RequirementResult> =
                    nested.iter().filter(|n| n.status != RequirementStatus::Unsatisfied).collect();
                let (mut status, take) = judge(req, ok.len(), nested.len());
                if status == RequirementStatus::Satisfied
                    && ok.iter().take(take).any(|n| n.status == RequirementStatus::Excess)
                {
                    status = RequirementStatus::Excess;
                }
                result.status = status;
                result.qualifying = ok.len();
                result.available = nested.len();
                let mut creds: Vec<usize> = ok.iter().flat_map(|n| n.credentials.iter().copied()).collect();
                creds.sort_unstable();
                creds.dedup();
                result.credentials = creds;
                if status != RequirementStatus::Unsatisfied {
                    // Keep only the chosen nested selections; the rest stay reported but unused.
                    let chosen: Vec<usize> = nested
                        .iter()
                        .enumerate()
                        .filter(|(_, n)| n.status != RequirementStatus::Unsatisfied)
                        .map(|(i, _)| i)
                        .take(take)
                        .collect();
                    result.nested = nested
                        .into_iter()
                        .enumerate()
                        .map(|(i, mut n)| {
                            if !chosen.contains(&i) {
                                clear_selection(&mut n);
                            }
                            n
                        })
                        .collect();
                } else {
                    result.nested = nested;
                }
            }
        }
        if result.status == RequirementStatus::Unsatisfied {
            clear_selection(&mut result);
        }
        Ok(result)
    }

    fn credentials_of(&self, descriptors: &[usize]) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .matches
            .iter()
            .filter(|m| descriptors.contains(&m.descriptor_index))
            .map(|m| m.credential_index)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Drops the descriptor choices of a requirement tree (iteratively).
fn clear_selection(root: &mut RequirementResult) {
    let mut todo: Vec<&mut RequirementResult> = alloc::vec![root];
    while let Some(r) = todo.pop() {
        r.selected_descriptors.clear();
        todo.extend(r.nested.iter_mut());
    }
}

fn s(text: &str) -> Value {
    Value::String(String::from(text))
}

fn n(value: usize) -> Value {
    Value::Number(Number::from_u64(u64::try_from(value).unwrap_or(u64::MAX)))
}

fn opt(text: Option<&str>) -> Value {
    text.map_or(Value::Null, s)
}

fn obj(members: Vec<(&str, Value)>) -> Value {
    Value::Object(members.into_iter().map(|(k, v)| (String::from(k), v)).collect())
}

fn requirement_json(r: &RequirementResult) -> Value {
    // Built bottom-up without recursion: results nest as deep as the definition allowed.
    let mut order: Vec<&RequirementResult> = Vec::new();
    let mut todo = alloc::vec![r];
    while let Some(x) = todo.pop() {
        order.push(x);
        todo.extend(x.nested.iter());
    }
    let mut built: Vec<Value> = Vec::new();
    for x in order.iter().rev() {
        let split = built.len().saturating_sub(x.nested.len());
        let nested: Vec<Value> = built.split_off(split);
        built.push(obj(alloc::vec![
            ("name", opt(x.name.as_deref())),
            ("rule", s(if x.rule == Rule::All { "all" } else { "pick" })),
            ("status", s(x.status.as_str())),
            ("qualifying", n(x.qualifying)),
            ("available", n(x.available)),
            ("selected_descriptors", Value::Array(x.selected_descriptors.iter().map(|&i| n(i)).collect())),
            ("credentials", Value::Array(x.credentials.iter().map(|&i| n(i)).collect())),
            ("nested", Value::Array(nested)),
        ]));
    }
    built.pop().unwrap_or(Value::Null)
}

impl Evaluation {
    /// The evaluation as compact JSON (what `ssi-verify pe evaluate` prints).
    #[must_use]
    pub fn to_json(&self) -> String {
        let verdict = match self.verdict {
            Verdict::Valid => s("valid"),
            Verdict::Invalid(_) => s("invalid"),
        };
        let matches = self
            .matches
            .iter()
            .map(|m| {
                obj(alloc::vec![
                    ("descriptor_id", s(&m.descriptor_id)),
                    ("credential", n(m.credential_index)),
                    (
                        "fields",
                        Value::Array(
                            m.fields
                                .iter()
                                .map(|f| {
                                    obj(alloc::vec![
                                        ("field", n(f.field_index)),
                                        ("id", opt(f.field_id.as_deref())),
                                        ("path", opt(f.path.as_deref())),
                                        ("location", opt(f.location.as_deref())),
                                        ("predicate", opt(f.predicate.map(Directive::as_str))),
                                    ])
                                })
                                .collect(),
                        ),
                    ),
                ])
            })
            .collect();
        let unmet = self
            .unmet
            .iter()
            .map(|u| {
                obj(alloc::vec![
                    ("descriptor_id", s(&u.descriptor_id)),
                    ("credential", n(u.credential_index)),
                    ("code", s(u.code.name())),
                    ("field", u.field_index.map_or(Value::Null, n)),
                    ("field_id", opt(u.field_id.as_deref())),
                    ("path", opt(u.path.as_deref())),
                    ("detail", s(u.detail)),
                ])
            })
            .collect();
        obj(alloc::vec![
            ("definition_id", s(&self.definition_id)),
            ("verdict", verdict),
            ("reason", opt(self.verdict.reason().map(ErrorCode::name))),
            (
                "descriptors",
                Value::Array(
                    self.descriptors
                        .iter()
                        .map(|(id, ok)| obj(alloc::vec![("id", s(id)), ("satisfied", Value::Bool(*ok))]))
                        .collect()
                ),
            ),
            (
                "selection",
                Value::Array(
                    self.selection
                        .iter()
                        .map(|&(d, c)| obj(alloc::vec![("descriptor", n(d)), ("credential", n(c))]))
                        .collect()
                ),
            ),
            ("matches", Value::Array(matches)),
            ("unmet", Value::Array(unmet)),
            ("requirements", Value::Array(self.requirements.iter().map(requirement_json).collect())),
            (
                "unchecked",
                Value::Array(
                    self.unchecked
                        .iter()
                        .map(|u| obj(alloc::vec![
                            ("descriptor_id", s(&u.descriptor_id)),
                            ("constraint", s(u.constraint))
                        ]))
                        .collect()
                ),
            ),
        ])
        .to_json()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let tight = Limits { max_items: 8, ..L };
        assert_eq!(evaluate(&def, &creds, &tight).unwrap_err().code(), ErrorCode::TooManyItems);
    }
}
