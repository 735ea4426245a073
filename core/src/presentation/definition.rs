//! DIF Presentation Exchange v2 presentation definitions: parsed, validated and compiled once.
//!
//! Every JSONPath in `fields[].path` is parsed and every `filter` compiled when the definition
//! is read, so a definition that parses can be evaluated without further syntax errors.
//!
//! What is checked beyond the JSON shapes of the v2 schemas: input-descriptor ids are unique;
//! `constraints` is present (v2 made it mandatory); a `predicate` comes with a `filter`;
//! status directives and `limit_disclosure` / `subject_is_issuer` / `predicate` use the
//! listed strings only; every submission requirement has exactly one of `from` and
//! `from_nested`, a known `rule`, `count >= 1`, `min >= 0`, `max >= 1`, `max >= min`,
//! `min <= count <= max` when `count` comes with bounds, and no bounds on `all`; when
//! submission requirements are present every descriptor has a `group`, and a `from` group that
//! no descriptor belongs to is refused unless the requirement is a `pick` that zero descriptors
//! satisfy (Gataca's `"pick", "min": 0, "from": "optional"`; the linter warns about it). Counts
//! must be written as plain integers (`1`, not `1.0`). `frame` is kept but not applied.
//!
//! Members the specification does not define are accepted and kept in `extensions` in source
//! order: the specification says to ignore them and vendors rely on it (Gataca adds
//! `dataAgreement` and `proof` to definitions; v1 definitions carry `schema` in input
//! descriptors, which v2 removed and which is therefore not evaluated). Gataca's v1-era boolean
//! `limit_disclosure` is read as `required` (true) or absent (false).

use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{Error, ErrorCode, Result};
use crate::json::jsonpath::Query;
use crate::json::{ObjectReader, Shape, Value};
use crate::limits::Limits;
use crate::presentation::filter::Filter;

/// A parsed presentation definition.
///
/// ```
/// use ssi_verify_core::presentation::definition::PresentationDefinition;
/// use ssi_verify_core::Limits;
/// let pd = PresentationDefinition::parse(
///     r#"{"id":"pd","input_descriptors":[{"id":"email","constraints":{"fields":[
///         {"path":["$.type[-1:]","$.vc.type[-1:]"],"filter":{"type":"string","pattern":"emailCredential"}}]}}]}"#,
///     &Limits::DEFAULT,
/// ).unwrap();
/// assert_eq!(pd.input_descriptors[0].id, "email");
/// assert_eq!(pd.input_descriptors[0].constraints.fields[0].path.len(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct PresentationDefinition {
    /// `id`.
    pub id: String,
    /// `name`.
    pub name: Option<String>,
    /// `purpose`.
    pub purpose: Option<String>,
    /// `format`: the claim formats the verifier accepts.
    pub format: Option<Vec<ClaimFormat>>,
    /// `input_descriptors`, in order.
    pub input_descriptors: Vec<InputDescriptor>,
    /// `submission_requirements` (`None` when absent: then every descriptor is required).
    pub submission_requirements: Option<Vec<SubmissionRequirement>>,
    /// `frame` (JSON-LD Framing feature): kept, not applied.
    pub frame: Option<Value>,
    /// Members the specification does not define, in source order.
    pub extensions: Vec<(String, Value)>,
    /// The definition exactly as read: its own `proof` (Gataca signs definitions) covers this
    /// document, so it is kept to verify that proof.
    pub source: Value,
}

/// One entry of a `format` object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimFormat {
    /// The claim format designation (`ldp_vc`, `jwt_vc`, `jwt`, `ldp`, `vc+sd-jwt`, ...).
    pub designation: String,
    /// `alg` (JWT family), empty when absent.
    pub alg: Vec<String>,
    /// `proof_type` (linked-data family), empty when absent.
    pub proof_type: Vec<String>,
    /// `cryptosuite` (Data Integrity, `di_vc` / `di_vp`), empty when absent.
    pub cryptosuite: Vec<String>,
}

/// An input descriptor.
#[derive(Clone, Debug)]
pub struct InputDescriptor {
    /// `id` (unique in the definition).
    pub id: String,
    /// `name`.
    pub name: Option<String>,
    /// `purpose`.
    pub purpose: Option<String>,
    /// `group`, empty when absent.
    pub group: Vec<String>,
    /// `format`, overriding the definition's for this descriptor.
    pub format: Option<Vec<ClaimFormat>>,
    /// `constraints`.
    pub constraints: Constraints,
    /// Members the specification does not define (e.g. v1 `schema`), in source order.
    pub extensions: Vec<(String, Value)>,
}

/// `required` or `preferred`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Directive {
    /// `required`
    Required,
    /// `preferred`
    Preferred,
}

impl Directive {
    /// The JSON string.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Directive::Required => "required",
            Directive::Preferred => "preferred",
        }
    }
}

/// A status directive: `required`, `allowed` or `disallowed`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusRule {
    /// The credential must be in this status.
    Required,
    /// The credential may be in this status.
    Allowed,
    /// The credential must not be in this status.
    Disallowed,
}

/// One entry of `statuses`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusDirective {
    /// `directive` (`None` when the member is absent; the schema leaves it optional).
    pub directive: Option<StatusRule>,
    /// `type`: `credentialStatus.type` values it applies to, empty when absent.
    pub types: Vec<String>,
}

/// `statuses` (Credential Status Constraint feature).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Statuses {
    /// `active`
    pub active: Option<StatusDirective>,
    /// `suspended`
    pub suspended: Option<StatusDirective>,
    /// `revoked`
    pub revoked: Option<StatusDirective>,
}

/// An `is_holder` or `same_subject` entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDirective {
    /// `field_id`: ids of fields in the descriptor.
    pub field_ids: Vec<String>,
    /// `directive`.
    pub directive: Directive,
}

/// `constraints` of an input descriptor.
#[derive(Clone, Debug, Default)]
pub struct Constraints {
    /// `limit_disclosure`.
    pub limit_disclosure: Option<Directive>,
    /// `statuses`.
    pub statuses: Statuses,
    /// `subject_is_issuer`.
    pub subject_is_issuer: Option<Directive>,
    /// `is_holder`.
    pub is_holder: Vec<FieldDirective>,
    /// `same_subject`.
    pub same_subject: Vec<FieldDirective>,
    /// `fields`, in order.
    pub fields: Vec<Field>,
    /// Members the specification does not define, in source order.
    pub extensions: Vec<(String, Value)>,
}

/// A field constraint.
#[derive(Clone, Debug)]
pub struct Field {
    /// `id`.
    pub id: Option<String>,
    /// `path`: tried in order, the first that selects a node is used.
    pub path: Vec<Query>,
    /// `name`.
    pub name: Option<String>,
    /// `purpose`.
    pub purpose: Option<String>,
    /// `filter`, compiled.
    pub filter: Option<Filter>,
    /// `optional`.
    pub optional: bool,
    /// `predicate`.
    pub predicate: Option<Directive>,
    /// `intent_to_retain`.
    pub intent_to_retain: bool,
    /// Members the specification does not define, in source order.
    pub extensions: Vec<(String, Value)>,
}

/// `all` or `pick`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Every descriptor of the group / every nested requirement.
    All,
    /// A number of them, bounded by `count` / `min` / `max`.
    Pick,
}

/// Where a submission requirement takes its items from.
#[derive(Clone, Debug)]
pub enum RequirementSource {
    /// `from`: the descriptors of a group.
    Group(String),
    /// `from_nested`: nested requirements.
    Nested(Vec<SubmissionRequirement>),
}

/// A submission requirement.
#[derive(Clone, Debug)]
pub struct SubmissionRequirement {
    /// `name`.
    pub name: Option<String>,
    /// `purpose`.
    pub purpose: Option<String>,
    /// `rule`.
    pub rule: Rule,
    /// `count`.
    pub count: Option<u64>,
    /// `min`.
    pub min: Option<u64>,
    /// `max`.
    pub max: Option<u64>,
    /// `from` / `from_nested`.
    pub source: RequirementSource,
    /// Members the specification does not define, in source order.
    pub extensions: Vec<(String, Value)>,
}

impl SubmissionRequirement {
    /// Whether selecting nothing satisfies the requirement's own count bounds.
    #[must_use]
    pub fn zero_satisfies(&self) -> bool {
        self.rule == Rule::Pick && self.count.is_none() && self.min.unwrap_or(0) == 0
    }
}

fn pd_err(detail: &'static str) -> Error {
    Error::new(ErrorCode::InvalidPresentationDefinition, detail)
}

fn sr_err(detail: &'static str) -> Error {
    Error::new(ErrorCode::InvalidSubmissionRequirement, detail)
}

fn members<'v>(value: &'v Value, detail: &'static str) -> Result<&'v [(String, Value)]> {
    value.as_object().ok_or_else(|| pd_err(detail))
}

/// A reader for one object of the definition: every fault is `INVALID_PRESENTATION_DEFINITION`
/// and `null` is a wrong type; what it does not read becomes the object's `extensions`.
fn reader<'v>(value: &'v Value, detail: &'static str) -> Result<ObjectReader<'v>> {
    ObjectReader::new(value, Shape::document(ErrorCode::InvalidPresentationDefinition), detail)
}

fn opt_string(o: &mut ObjectReader<'_>, key: &str, detail: &'static str) -> Result<Option<String>> {
    Ok(o.opt_str(key, detail)?.map(String::from))
}

fn string_list(value: &Value, detail: &'static str) -> Result<Vec<String>> {
    value
        .as_array()
        .ok_or_else(|| pd_err(detail))?
        .iter()
        .map(|v| v.as_str().map(String::from).ok_or_else(|| pd_err(detail)))
        .collect()
}

fn directive(value: Option<&Value>, detail: &'static str) -> Result<Option<Directive>> {
    match value.map(|v| v.as_str()) {
        None => Ok(None),
        Some(Some("required")) => Ok(Some(Directive::Required)),
        Some(Some("preferred")) => Ok(Some(Directive::Preferred)),
        Some(_) => Err(pd_err(detail)),
    }
}

impl PresentationDefinition {
    /// Parses a definition from JSON text.
    ///
    /// # Errors
    /// JSON errors from [`Value::parse`], then those of [`Self::from_value`].
    pub fn parse(text: &str, limits: &Limits) -> Result<Self> {
        Self::from_value(&Value::parse(text, limits)?, limits)
    }

    /// Reads a definition (the object itself, not an envelope holding `presentation_definition`).
    ///
    /// # Errors
    /// [`ErrorCode::InvalidPresentationDefinition`] (shape, with the descriptor index where one
    /// applies), [`ErrorCode::InvalidSubmissionRequirement`], [`ErrorCode::InvalidJsonPath`],
    /// [`ErrorCode::InvalidFilter`], [`ErrorCode::UnsupportedFilterKeyword`],
    /// [`ErrorCode::NestingTooDeep`].
    pub fn from_value(value: &Value, limits: &Limits) -> Result<Self> {
        let mut o = reader(value, "a presentation definition must be an object")?;
        let id = match o.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(_) => return Err(pd_err("id must be a string")),
            None => return Err(pd_err("id is missing")),
        };
        let raw_descriptors = match o.get("input_descriptors") {
            Some(Value::Array(list)) => list,
            Some(_) => return Err(pd_err("input_descriptors must be an array")),
            None => return Err(pd_err("input_descriptors is missing")),
        };
        let format = o.get("format").map(parse_formats).transpose()?;
        let mut input_descriptors: Vec<InputDescriptor> = Vec::with_capacity(raw_descriptors.len());
        for (i, raw) in raw_descriptors.iter().enumerate() {
            let descriptor = parse_descriptor(raw, limits).map_err(|e| e.at_index(i))?;
            if input_descriptors.iter().any(|d| d.id == descriptor.id) {
                return Err(pd_err("input descriptor ids must be unique").at_index(i));
            }
            input_descriptors.push(descriptor);
        }
        let submission_requirements = match o.get("submission_requirements") {
            None => None,
            Some(Value::Array(list)) => {
                let parsed = list
                    .iter()
                    .enumerate()
                    .map(|(i, v)| parse_requirement(v, limits, 0).map_err(|e| e.at_index(i)))
                    .collect::<Result<Vec<_>>>()?;
                check_groups(&parsed, &input_descriptors, limits)?;
                Some(parsed)
            }
            Some(_) => return Err(sr_err("submission_requirements must be an array")),
        };
        Ok(PresentationDefinition {
            id,
            name: opt_string(&mut o, "name", "name must be a string")?,
            purpose: opt_string(&mut o, "purpose", "purpose must be a string")?,
            format,
            input_descriptors,
            submission_requirements,
            frame: match o.get("frame") {
                None => None,
                Some(f @ Value::Object(_)) => Some(f.clone()),
                Some(_) => return Err(pd_err("frame must be an object")),
            },
            extensions: o.rest(),
            source: value.clone(),
        })
    }

    /// The descriptors whose `group` lists `group`.
    pub fn group_members<'a>(&'a self, group: &'a str) -> impl Iterator<Item = (usize, &'a InputDescriptor)> + 'a {
        self.input_descriptors.iter().enumerate().filter(move |(_, d)| d.group.iter().any(|g| g == group))
    }
}

fn parse_formats(value: &Value) -> Result<Vec<ClaimFormat>> {
    members(value, "format must be an object")?
        .iter()
        .map(|(designation, entry)| {
            members(entry, "a format entry must be an object")?;
            let list = |key: &str| -> Result<Vec<String>> {
                match entry.get(key) {
                    None => Ok(Vec::new()),
                    Some(v) => {
                        let l = string_list(v, "format alg / proof_type / cryptosuite must be arrays of strings")?;
                        if l.is_empty() {
                            return Err(pd_err("format alg / proof_type / cryptosuite must not be empty"));
                        }
                        Ok(l)
                    }
                }
            };
            Ok(ClaimFormat {
                designation: designation.clone(),
                alg: list("alg")?,
                proof_type: list("proof_type")?,
                cryptosuite: list("cryptosuite")?,
            })
        })
        .collect()
}

fn parse_descriptor(raw: &Value, limits: &Limits) -> Result<InputDescriptor> {
    let mut o = reader(raw, "an input descriptor must be an object")?;
    let id = match o.get("id") {
        Some(Value::String(s)) => s.clone(),
        _ => return Err(pd_err("an input descriptor needs a string id")),
    };
    let group = o.get("group").map(|g| string_list(g, "group must be an array of strings")).transpose()?;
    let constraints = match o.get("constraints") {
        Some(c @ Value::Object(_)) => parse_constraints(c, limits)?,
        Some(_) => return Err(pd_err("constraints must be an object")),
        None => return Err(pd_err("an input descriptor needs constraints (mandatory since v2)")),
    };
    Ok(InputDescriptor {
        id,
        name: opt_string(&mut o, "name", "name must be a string")?,
        purpose: opt_string(&mut o, "purpose", "purpose must be a string")?,
        group: group.unwrap_or_default(),
        format: o.get("format").map(parse_formats).transpose()?,
        constraints,
        extensions: o.rest(),
    })
}

fn parse_constraints(raw: &Value, limits: &Limits) -> Result<Constraints> {
    let mut o = reader(raw, "constraints must be an object")?;
    let limit_disclosure = match o.get("limit_disclosure") {
        // Gataca's v1-era models use a boolean here.
        Some(Value::Bool(true)) => Some(Directive::Required),
        Some(Value::Bool(false)) => None,
        other => directive(other, "limit_disclosure must be required or preferred")?,
    };
    let statuses = match o.get("statuses") {
        None => Statuses::default(),
        Some(s) => {
            members(s, "statuses must be an object")?;
            Statuses {
                active: s.get("active").map(parse_status).transpose()?,
                suspended: s.get("suspended").map(parse_status).transpose()?,
                revoked: s.get("revoked").map(parse_status).transpose()?,
            }
        }
    };
    let fields = match o.get("fields") {
        None => Vec::new(),
        Some(Value::Array(list)) => list.iter().map(|f| parse_field(f, limits)).collect::<Result<Vec<_>>>()?,
        Some(_) => return Err(pd_err("fields must be an array")),
    };
    Ok(Constraints {
        limit_disclosure,
        statuses,
        subject_is_issuer: directive(o.get("subject_is_issuer"), "subject_is_issuer must be required or preferred")?,
        is_holder: o.get("is_holder").map(parse_field_directives).transpose()?.unwrap_or_default(),
        same_subject: o.get("same_subject").map(parse_field_directives).transpose()?.unwrap_or_default(),
        fields,
        extensions: o.rest(),
    })
}

fn parse_status(raw: &Value) -> Result<StatusDirective> {
    members(raw, "a status directive must be an object")?;
    let directive = match raw.get("directive").map(|d| d.as_str()) {
        None => None,
        Some(Some("required")) => Some(StatusRule::Required),
        Some(Some("allowed")) => Some(StatusRule::Allowed),
        Some(Some("disallowed")) => Some(StatusRule::Disallowed),
        Some(_) => return Err(pd_err("a status directive must be required, allowed or disallowed")),
    };
    let types = match raw.get("type") {
        None => Vec::new(),
        Some(t) => {
            let l = string_list(t, "status type must be an array of strings")?;
            if l.is_empty() {
                return Err(pd_err("status type must not be empty"));
            }
            l
        }
    };
    Ok(StatusDirective { directive, types })
}

fn parse_field_directives(raw: &Value) -> Result<Vec<FieldDirective>> {
    raw.as_array()
        .ok_or_else(|| pd_err("is_holder / same_subject must be arrays"))?
        .iter()
        .map(|entry| {
            let field_ids = string_list(
                entry.get("field_id").ok_or_else(|| pd_err("is_holder / same_subject entries need field_id"))?,
                "field_id must be an array of strings",
            )?;
            let directive = directive(entry.get("directive"), "directive must be required or preferred")?
                .ok_or_else(|| pd_err("is_holder / same_subject entries need a directive"))?;
            Ok(FieldDirective { field_ids, directive })
        })
        .collect()
}

fn parse_field(raw: &Value, limits: &Limits) -> Result<Field> {
    let mut o = reader(raw, "a field must be an object")?;
    let paths = match o.get("path") {
        Some(Value::Array(list)) if !list.is_empty() => list,
        Some(_) => return Err(pd_err("path must be a non-empty array of JSONPath strings")),
        None => return Err(pd_err("a field needs a path")),
    };
    let path = paths
        .iter()
        .map(|p| Query::parse(p.as_str().ok_or_else(|| pd_err("path entries must be strings"))?, limits))
        .collect::<Result<Vec<_>>>()?;
    let filter = o.get("filter").map(|f| Filter::compile(f, limits)).transpose()?;
    let predicate = directive(o.get("predicate"), "predicate must be required or preferred")?;
    if predicate.is_some() && filter.is_none() {
        return Err(pd_err("a field with a predicate needs a filter"));
    }
    Ok(Field {
        id: opt_string(&mut o, "id", "field id must be a string")?,
        path,
        name: opt_string(&mut o, "name", "field name must be a string")?,
        purpose: opt_string(&mut o, "purpose", "field purpose must be a string")?,
        filter,
        optional: o.opt_bool("optional", "optional must be a boolean")?.unwrap_or(false),
        predicate,
        intent_to_retain: o.opt_bool("intent_to_retain", "intent_to_retain must be a boolean")?.unwrap_or(false),
        extensions: o.rest(),
    })
}

fn opt_count(o: &mut ObjectReader<'_>, key: &str) -> Result<Option<u64>> {
    o.opt_u64(key, "count, min and max must be non-negative integers")
}

fn parse_requirement(raw: &Value, limits: &Limits, depth: usize) -> Result<SubmissionRequirement> {
    if depth >= limits.depth() {
        return Err(Error::new(ErrorCode::NestingTooDeep, "submission requirements nest too deeply"));
    }
    // Every fault of a requirement object is `INVALID_SUBMISSION_REQUIREMENT`.
    let shape = Shape::document(ErrorCode::InvalidSubmissionRequirement);
    let mut o = ObjectReader::new(raw, shape, "a submission requirement must be an object")?;
    let rule = match o.get("rule").map(|r| r.as_str()) {
        Some(Some("all")) => Rule::All,
        Some(Some("pick")) => Rule::Pick,
        None => return Err(sr_err("a submission requirement needs a rule")),
        Some(_) => return Err(sr_err("rule must be all or pick")),
    };
    let source = match (o.get("from"), o.get("from_nested")) {
        (Some(Value::String(g)), None) => RequirementSource::Group(g.clone()),
        (None, Some(Value::Array(list))) if !list.is_empty() => RequirementSource::Nested(
            list.iter().map(|n| parse_requirement(n, limits, depth.saturating_add(1))).collect::<Result<Vec<_>>>()?,
        ),
        (Some(_), Some(_)) => return Err(sr_err("from and from_nested are mutually exclusive")),
        (None, None) => return Err(sr_err("a submission requirement needs from or from_nested")),
        _ => return Err(sr_err("from must be a string, from_nested a non-empty array")),
    };
    let (count, min, max) = (opt_count(&mut o, "count")?, opt_count(&mut o, "min")?, opt_count(&mut o, "max")?);
    if count == Some(0) {
        return Err(sr_err("count must be at least 1"));
    }
    if max == Some(0) {
        return Err(sr_err("max must be at least 1"));
    }
    if let (Some(lo), Some(hi)) = (min, max) {
        if hi < lo {
            return Err(sr_err("max must not be below min"));
        }
    }
    if let Some(c) = count {
        if min.is_some_and(|m| m > c) || max.is_some_and(|m| m < c) {
            return Err(sr_err("count lies outside min..max"));
        }
    }
    if rule == Rule::All && (count.is_some() || min.is_some() || max.is_some()) {
        return Err(sr_err("count, min and max belong to pick rules"));
    }
    Ok(SubmissionRequirement {
        name: opt_string(&mut o, "name", "name must be a string")?,
        purpose: opt_string(&mut o, "purpose", "purpose must be a string")?,
        rule,
        count,
        min,
        max,
        source,
        extensions: o.rest(),
    })
}

/// Every descriptor is grouped, and every `from` names a group some descriptor belongs to
/// (unless zero descriptors satisfy the requirement anyway). Walks nested requirements with an
/// explicit stack; their depth was bounded when they were parsed.
fn check_groups(
    requirements: &[SubmissionRequirement],
    descriptors: &[InputDescriptor],
    limits: &Limits,
) -> Result<()> {
    if let Some(i) = descriptors.iter().position(|d| d.group.is_empty()) {
        return Err(pd_err("with submission requirements every input descriptor needs a group").at_index(i));
    }
    let mut todo: Vec<&SubmissionRequirement> = requirements.iter().collect();
    let mut seen = 0usize;
    while let Some(req) = todo.pop() {
        seen = seen.saturating_add(1);
        if seen > limits.max_items {
            return Err(Error::new(ErrorCode::TooManyItems, "too many submission requirements"));
        }
        match &req.source {
            RequirementSource::Group(g) => {
                let known = descriptors.iter().any(|d| d.group.iter().any(|x| x == g));
                if !known && !req.zero_satisfies() {
                    return Err(sr_err("from names a group no input descriptor belongs to"));
                }
            }
            RequirementSource::Nested(list) => todo.extend(list.iter()),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<PresentationDefinition> {
        PresentationDefinition::parse(text, &Limits::DEFAULT)
    }
    fn code(text: &str) -> ErrorCode {
        parse(text).unwrap_err().code()
    }
    const FIELD: &str = r#"{"path":["$.issuer"]}"#;

    fn with_descriptor(descriptor: &str) -> String {
        alloc::format!(r#"{{"id":"pd","input_descriptors":[{descriptor}]}}"#)
    }

    #[test]
    fn reads_members_and_keeps_extensions() {
        let pd = parse(
            r#"{"id":"pd","name":"n","purpose":"p","dataAgreement":{"x":1},
            "format":{"ldp_vc":{"proof_type":["Ed25519Signature2018"]},"jwt_vc":{"alg":["EdDSA"]}},
            "input_descriptors":[{"id":"a","schema":[{"uri":"x"}],"group":["G"],"constraints":{
              "limit_disclosure":"required","subject_is_issuer":"preferred",
              "statuses":{"active":{"directive":"required"},"revoked":{"directive":"disallowed","type":["StatusList2021"]}},
              "is_holder":[{"field_id":["f"],"directive":"required"}],
              "fields":[{"id":"f","path":["$.a","$.b"],"optional":true,"intent_to_retain":true,"x-note":1},
                        {"path":["$.age"],"filter":{"type":"number","minimum":18},"predicate":"required"}]}}],
            "submission_requirements":[{"rule":"pick","count":1,"from":"G"}]}"#
        )
        .unwrap();
        assert_eq!(pd.extensions.len(), 1);
        assert_eq!(pd.extensions[0].0, "dataAgreement");
        let formats = pd.format.as_ref().unwrap();
        assert_eq!(formats[0].proof_type, ["Ed25519Signature2018"]);
        assert_eq!(formats[1].alg, ["EdDSA"]);
        let d = &pd.input_descriptors[0];
        assert_eq!(d.extensions[0].0, "schema");
        assert_eq!(d.constraints.limit_disclosure, Some(Directive::Required));
        assert_eq!(d.constraints.subject_is_issuer, Some(Directive::Preferred));
        assert_eq!(d.constraints.statuses.active.as_ref().unwrap().directive, Some(StatusRule::Required));
        assert_eq!(d.constraints.statuses.revoked.as_ref().unwrap().types, ["StatusList2021"]);
        assert_eq!(d.constraints.is_holder[0].field_ids, ["f"]);
        let f = &d.constraints.fields[0];
        assert!(f.optional && f.intent_to_retain && f.path.len() == 2 && f.extensions.len() == 1);
        assert_eq!(d.constraints.fields[1].predicate, Some(Directive::Required));
        let sr = &pd.submission_requirements.as_ref().unwrap()[0];
        assert_eq!((sr.rule, sr.count), (Rule::Pick, Some(1)));
    }

    #[test]
    fn shape_errors() {
        assert_eq!(code(r#"{"input_descriptors":[]}"#), ErrorCode::InvalidPresentationDefinition);
        assert_eq!(code(r#"{"id":1,"input_descriptors":[]}"#), ErrorCode::InvalidPresentationDefinition);
        assert_eq!(code(r#"{"id":"x"}"#), ErrorCode::InvalidPresentationDefinition);
        assert_eq!(code(&with_descriptor(r#"{"id":"a"}"#)), ErrorCode::InvalidPresentationDefinition);
        let twice = r#"{"id":"pd","input_descriptors":[{"id":"a","constraints":{}},{"id":"a","constraints":{}}]}"#;
        let e = parse(twice).unwrap_err();
        assert_eq!((e.code(), e.location()), (ErrorCode::InvalidPresentationDefinition, crate::Location::Index(1)));
        for bad in [
            r#"{"id":"a","constraints":{"limit_disclosure":"always"}}"#,
            r#"{"id":"a","constraints":{"statuses":{"active":{"directive":"maybe"}}}}"#,
            r#"{"id":"a","constraints":{"statuses":{"active":{"type":[]}}}}"#,
            r#"{"id":"a","constraints":{"fields":[{"path":[]}]}}"#,
            r#"{"id":"a","constraints":{"fields":[{"path":"$.a"}]}}"#,
            r#"{"id":"a","constraints":{"fields":[{"path":["$.a"],"predicate":"required"}]}}"#,
            r#"{"id":"a","constraints":{"fields":[{"path":["$.a"],"optional":"yes"}]}}"#,
            r#"{"id":"a","format":{"jwt_vc":{"alg":[]}},"constraints":{}}"#,
        ] {
            assert_eq!(code(&with_descriptor(bad)), ErrorCode::InvalidPresentationDefinition, "{bad}");
        }
        let bad_path = with_descriptor(r#"{"id":"a","constraints":{"fields":[{"path":["issuer"]}]}}"#);
        assert_eq!(code(&bad_path), ErrorCode::InvalidJsonPath);
        let bad_filter =
            with_descriptor(r#"{"id":"a","constraints":{"fields":[{"path":["$.a"],"filter":{"uniqueItems":true}}]}}"#);
        assert_eq!(code(&bad_filter), ErrorCode::UnsupportedFilterKeyword);
        let gataca_bool = with_descriptor(r#"{"id":"a","constraints":{"limit_disclosure":true}}"#);
        assert_eq!(
            parse(&gataca_bool).unwrap().input_descriptors[0].constraints.limit_disclosure,
            Some(Directive::Required)
        );
        assert!(
            parse(&with_descriptor(&alloc::format!(r#"{{"id":"a","constraints":{{"fields":[{FIELD}]}}}}"#))).is_ok()
        );
    }

    fn with_requirements(srs: &str) -> Result<PresentationDefinition> {
        parse(&alloc::format!(
            r#"{{"id":"pd","submission_requirements":{srs},"input_descriptors":[
              {{"id":"a","group":["A"],"constraints":{{}}}},{{"id":"b","group":["B"],"constraints":{{}}}}]}}"#
        ))
    }

    #[test]
    fn submission_requirement_rules() {
        assert!(with_requirements(r#"[{"rule":"all","from":"A"},{"rule":"pick","min":1,"max":2,"from":"B"}]"#).is_ok());
        assert!(with_requirements(
            r#"[{"rule":"pick","count":1,"from_nested":[{"rule":"all","from":"A"},{"rule":"pick","count":1,"from":"B"}]}]"#
        )
        .is_ok());
        // A group nobody is in is fine only when zero descriptors satisfy the requirement.
        assert!(with_requirements(r#"[{"rule":"pick","min":0,"from":"optional"}]"#).is_ok());
        assert!(with_requirements(r#"[{"rule":"pick","count":1,"min":1,"max":1,"from":"A"}]"#).is_ok());
        for bad in [
            r#"[{"rule":"any","from":"A"}]"#,
            r#"[{"from":"A"}]"#,
            r#"[{"rule":"all"}]"#,
            r#"[{"rule":"all","from":"A","from_nested":[{"rule":"all","from":"B"}]}]"#,
            r#"[{"rule":"all","from_nested":[]}]"#,
            r#"[{"rule":"pick","count":0,"from":"A"}]"#,
            r#"[{"rule":"pick","min":-1,"from":"A"}]"#,
            r#"[{"rule":"pick","max":0,"from":"A"}]"#,
            r#"[{"rule":"pick","min":2,"max":1,"from":"A"}]"#,
            r#"[{"rule":"pick","count":1,"min":2,"from":"A"}]"#,
            r#"[{"rule":"pick","count":2,"max":1,"from":"A"}]"#,
            r#"[{"rule":"all","count":1,"from":"A"}]"#,
            r#"[{"rule":"pick","count":1.5,"from":"A"}]"#,
            r#"[{"rule":"all","from":"C"}]"#,
            r#"[{"rule":"pick","min":1,"from":"C"}]"#,
            r#"{"rule":"all","from":"A"}"#,
        ] {
            assert_eq!(with_requirements(bad).unwrap_err().code(), ErrorCode::InvalidSubmissionRequirement, "{bad}");
        }
        let ungrouped = parse(
            r#"{"id":"pd","submission_requirements":[{"rule":"all","from":"A"}],"input_descriptors":[
              {"id":"a","group":["A"],"constraints":{}},{"id":"b","constraints":{}}]}"#,
        );
        assert_eq!(ungrouped.unwrap_err().code(), ErrorCode::InvalidPresentationDefinition);
    }

    #[test]
    fn directive_names() {
        assert_eq!((Directive::Required.as_str(), Directive::Preferred.as_str()), ("required", "preferred"));
    }

    #[test]
    fn requirement_faults_name_their_rule() {
        let detail = |srs: &str| with_requirements(srs).unwrap_err().detail();
        assert_eq!(
            detail(r#"[{"rule":"all","from":"A","from_nested":[{"rule":"all","from":"B"}]}]"#),
            "from and from_nested are mutually exclusive"
        );
        assert_eq!(detail(r#"[{"rule":"all"}]"#), "a submission requirement needs from or from_nested");
        assert_eq!(detail(r#"[{"rule":"all","from":1}]"#), "from must be a string, from_nested a non-empty array");
        // Each of count, min and max alone is a pick rule's.
        for bounds in [r#""count":1"#, r#""min":1"#, r#""max":1"#] {
            let srs = alloc::format!(r#"[{{"rule":"all",{bounds},"from":"A"}}]"#);
            assert_eq!(detail(&srs), "count, min and max belong to pick rules", "{bounds}");
        }
    }

    #[test]
    fn requirement_count_is_bounded_inclusively() {
        // Three requirements in all (one holding two) against max_items 3 and 2.
        let text = r#"{"id":"pd","submission_requirements":[{"rule":"all","from_nested":[
            {"rule":"all","from":"A"},{"rule":"all","from":"A"}]}],
            "input_descriptors":[{"id":"a","group":["A"],"constraints":{}}]}"#;
        let value = Value::parse(text, &Limits::DEFAULT).unwrap();
        assert!(PresentationDefinition::from_value(&value, &Limits { max_items: 3, ..Limits::DEFAULT }).is_ok());
        let two = Limits { max_items: 2, ..Limits::DEFAULT };
        assert_eq!(PresentationDefinition::from_value(&value, &two).unwrap_err().code(), ErrorCode::TooManyItems);
    }

    #[test]
    fn nested_requirements_are_bounded() {
        let mut sr = String::from(r#"{"rule":"all","from":"A"}"#);
        for _ in 0..30 {
            sr = alloc::format!(r#"{{"rule":"all","from_nested":[{sr}]}}"#);
        }
        let text = alloc::format!(
            r#"{{"id":"pd","submission_requirements":[{sr}],"input_descriptors":[{{"id":"a","group":["A"],"constraints":{{}}}}]}}"#
        );
        let value = Value::parse(&text, &Limits::DEFAULT).unwrap();
        let tight = Limits { max_depth: 10, ..Limits::DEFAULT };
        assert_eq!(PresentationDefinition::from_value(&value, &tight).unwrap_err().code(), ErrorCode::NestingTooDeep);
        assert!(PresentationDefinition::from_value(&value, &Limits::DEFAULT).is_ok());
    }
}
