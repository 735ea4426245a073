//! Presentation submissions: building one for a selection of credentials, and checking a
//! received one against its definition and the presentation it describes.
//!
//! Checking a received submission: `definition_id` must equal the definition's id; every
//! `descriptor_map` entry must name an input descriptor (each at most once), its `path` must
//! select exactly one node of the presentation, `path_nested` is followed after decoding the
//! node per its `format` (a JWT string for `jwt_vp` / `jwt_vc` / `jwt_vc_json` / `jwt`, an object
//! for `ldp_vp` / `ldp_vc` / `ldp` / `di_vc`), and the credential found must satisfy its
//! descriptor. The submitted descriptors must then satisfy the definition: all of them when it
//! has no submission requirements, otherwise every requirement, **exactly** (a submission with
//! more than `count` / `max` allow is refused, as Gataca refuses "more credentials than
//! required"). Other formats (`vc+sd-jwt`, `mso_mdoc`, ...) cannot be checked here and are an
//! error, not a verdict.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{Error, ErrorCode, Result};
use crate::json::jsonpath::Query;
use crate::json::Value;
use crate::limits::Limits;
use crate::presentation::definition::PresentationDefinition;
use crate::presentation::evaluate::{evaluate, CredentialInput, Evaluation, RequirementResult, RequirementStatus};
use crate::presentation::requirements::{judge_requirements, Judgement};
use crate::Verdict;

/// One `descriptor_map` entry (or a `path_nested` object).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DescriptorMapEntry {
    /// The input descriptor id.
    pub id: String,
    /// The claim format designation of the object at `path`.
    pub format: String,
    /// JSONPath from the embed target (or from the decoded parent, when nested).
    pub path: String,
    /// Where to go inside the decoded object at `path`.
    pub path_nested: Option<Box<DescriptorMapEntry>>,
}

/// A `presentation_submission` object.
///
/// ```
/// use ssi_verify_core::presentation::submission::PresentationSubmission;
/// use ssi_verify_core::Limits;
/// let ps = PresentationSubmission::parse(
///     r#"{"id":"s1","definition_id":"pd","descriptor_map":[{"id":"d","format":"ldp_vc","path":"$.verifiableCredential[0]"}]}"#,
///     &Limits::DEFAULT,
/// ).unwrap();
/// assert_eq!(ps.descriptor_map[0].path, "$.verifiableCredential[0]");
/// assert!(ps.to_json().starts_with(r#"{"id":"s1","definition_id":"pd""#));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PresentationSubmission {
    /// `id` (chosen by the caller: the core has no randomness).
    pub id: String,
    /// `definition_id`.
    pub definition_id: String,
    /// `descriptor_map`.
    pub descriptor_map: Vec<DescriptorMapEntry>,
}

/// The outcome of checking a received submission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubmissionCheck {
    /// Valid, or invalid with [`ErrorCode::InvalidPresentationSubmission`] (ids, paths, map),
    /// [`ErrorCode::InputDescriptorNotSatisfied`] (a credential does not satisfy the descriptor
    /// its entry names, or a descriptor is missing) or
    /// [`ErrorCode::SubmissionRequirementNotSatisfied`].
    pub verdict: Verdict,
    /// The `descriptor_map` entry that failed, if one did.
    pub entry: Option<usize>,
    /// Static English detail of the failure (empty when valid).
    pub detail: &'static str,
    /// The credentials the entries resolved to, in map order (as far as resolution got).
    pub credentials: Vec<CredentialInput>,
    /// The evaluation of the definition against exactly those credentials.
    pub evaluation: Option<Evaluation>,
    /// Submission-requirement results for the submitted descriptors.
    pub requirements: Vec<RequirementResult>,
}

fn bad(detail: &'static str) -> Error {
    Error::new(ErrorCode::InvalidPresentationSubmission, detail)
}

fn string_member(value: &Value, key: &str, detail: &'static str) -> Result<String> {
    value.get(key).and_then(Value::as_str).map(String::from).ok_or_else(|| bad(detail))
}

fn parse_entry(value: &Value, limits: &Limits, depth: usize) -> Result<DescriptorMapEntry> {
    if depth >= limits.depth() {
        return Err(Error::new(ErrorCode::NestingTooDeep, "path_nested nests too deeply"));
    }
    if value.as_object().is_none() {
        return Err(bad("a descriptor_map entry must be an object"));
    }
    Ok(DescriptorMapEntry {
        id: string_member(value, "id", "a descriptor_map entry needs a string id")?,
        format: string_member(value, "format", "a descriptor_map entry needs a string format")?,
        path: string_member(value, "path", "a descriptor_map entry needs a string path")?,
        path_nested: match value.get("path_nested") {
            None => None,
            Some(n) => Some(Box::new(parse_entry(n, limits, depth.saturating_add(1))?)),
        },
    })
}

fn entry_json(entry: &DescriptorMapEntry) -> Value {
    // Innermost first, so no recursion is needed.
    let mut chain: Vec<&DescriptorMapEntry> = alloc::vec![entry];
    while let Some(next) = chain.last().and_then(|e| e.path_nested.as_deref()) {
        chain.push(next);
    }
    let mut built: Option<Value> = None;
    for e in chain.iter().rev() {
        let mut members = alloc::vec![
            (String::from("id"), Value::String(e.id.clone())),
            (String::from("format"), Value::String(e.format.clone())),
            (String::from("path"), Value::String(e.path.clone())),
        ];
        if let Some(inner) = built.take() {
            members.push((String::from("path_nested"), inner));
        }
        built = Some(Value::Object(members));
    }
    built.unwrap_or(Value::Null)
}

impl PresentationSubmission {
    /// Parses a submission from JSON text.
    ///
    /// # Errors
    /// JSON errors, then those of [`Self::from_value`].
    pub fn parse(text: &str, limits: &Limits) -> Result<Self> {
        Self::from_value(&Value::parse(text, limits)?, limits)
    }

    /// Reads a `presentation_submission` object.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidPresentationSubmission`] for a missing or mistyped member,
    /// [`ErrorCode::NestingTooDeep`] for `path_nested` chains deeper than `limits.max_depth`.
    pub fn from_value(value: &Value, limits: &Limits) -> Result<Self> {
        if value.as_object().is_none() {
            return Err(bad("a presentation submission must be an object"));
        }
        let map = value
            .get("descriptor_map")
            .and_then(Value::as_array)
            .ok_or_else(|| bad("descriptor_map must be an array"))?;
        Ok(PresentationSubmission {
            id: string_member(value, "id", "a presentation submission needs a string id")?,
            definition_id: string_member(
                value,
                "definition_id",
                "a presentation submission needs a string definition_id",
            )?,
            descriptor_map: map
                .iter()
                .enumerate()
                .map(|(i, e)| parse_entry(e, limits, 0).map_err(|err| err.at_index(i)))
                .collect::<Result<Vec<_>>>()?,
        })
    }

    /// The submission for the selection an evaluation made: one entry per selected descriptor,
    /// each credential embedded once at `$.verifiableCredential[k]` in first-use order. Returns
    /// the submission and the input indexes of the credentials to embed, in that order.
    ///
    /// ```
    /// use ssi_verify_core::json::Value;
    /// use ssi_verify_core::presentation::definition::PresentationDefinition;
    /// use ssi_verify_core::presentation::evaluate::{evaluate, CredentialInput};
    /// use ssi_verify_core::presentation::submission::PresentationSubmission;
    /// use ssi_verify_core::Limits;
    /// let l = Limits::DEFAULT;
    /// let pd = PresentationDefinition::parse(r#"{"id":"pd","input_descriptors":[{"id":"d","constraints":{"fields":[
    ///     {"path":["$.issuer"]}]}}]}"#, &l).unwrap();
    /// let creds = [CredentialInput::JsonLd(Value::parse("{}", &l).unwrap()),
    ///              CredentialInput::JsonLd(Value::parse(r#"{"issuer":"did:x"}"#, &l).unwrap())];
    /// let eval = evaluate(&pd, &creds, &l).unwrap();
    /// let (ps, embed) = PresentationSubmission::for_selection("sub-1", &eval, &creds).unwrap();
    /// assert_eq!(embed, [1]);
    /// assert_eq!(ps.to_json(), r#"{"id":"sub-1","definition_id":"pd","descriptor_map":[{"id":"d","format":"ldp_vc","path":"$.verifiableCredential[0]"}]}"#);
    /// ```
    ///
    /// # Errors
    /// [`ErrorCode::SubmissionRequirementNotSatisfied`] / [`ErrorCode::InputDescriptorNotSatisfied`]
    /// when the evaluation has no valid selection; [`ErrorCode::InvalidArgument`] when the
    /// evaluation does not belong to `credentials`.
    pub fn for_selection(
        id: &str,
        evaluation: &Evaluation,
        credentials: &[CredentialInput],
    ) -> Result<(Self, Vec<usize>)> {
        if let Verdict::Invalid(code) = evaluation.verdict {
            return Err(Error::new(code, "the evaluation has no satisfying selection"));
        }
        let mut embed: Vec<usize> = Vec::new();
        let mut descriptor_map = Vec::with_capacity(evaluation.selection.len());
        for &(di, ci) in &evaluation.selection {
            let credential = credentials
                .get(ci)
                .ok_or_else(|| Error::new(ErrorCode::InvalidArgument, "selection outside the credentials"))?;
            let (descriptor_id, _) = evaluation
                .descriptors
                .get(di)
                .ok_or_else(|| Error::new(ErrorCode::InvalidArgument, "selection outside the descriptors"))?;
            let position = match embed.iter().position(|&c| c == ci) {
                Some(p) => p,
                None => {
                    embed.push(ci);
                    embed.len().saturating_sub(1)
                }
            };
            descriptor_map.push(DescriptorMapEntry {
                id: descriptor_id.clone(),
                format: String::from(credential.format_designation()),
                path: alloc::format!("$.verifiableCredential[{position}]"),
                path_nested: None,
            });
        }
        Ok((
            PresentationSubmission {
                id: String::from(id),
                definition_id: evaluation.definition_id.clone(),
                descriptor_map,
            },
            embed,
        ))
    }

    /// The submission as compact JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        self.to_value().to_json()
    }

    /// The submission as a JSON value.
    #[must_use]
    pub fn to_value(&self) -> Value {
        Value::Object(alloc::vec![
            (String::from("id"), Value::String(self.id.clone())),
            (String::from("definition_id"), Value::String(self.definition_id.clone())),
            (String::from("descriptor_map"), Value::Array(self.descriptor_map.iter().map(entry_json).collect())),
        ])
    }

    /// Checks this (received) submission against `definition` and the `presentation` it
    /// describes (the embed target: a VP object, or `vp_token` for OpenID4VP, whose JWT-VP
    /// string form is reached with an entry of format `jwt_vp` and path `$`).
    ///
    /// # Errors
    /// [`ErrorCode::InvalidJsonPath`] for a path that does not parse, JWT decoding errors for a
    /// nested JWT that is not one, [`ErrorCode::CredentialFormatNotAccepted`] for a format this
    /// core cannot decode, limit errors.
    pub fn check(
        &self,
        definition: &PresentationDefinition,
        presentation: &Value,
        limits: &Limits,
    ) -> Result<SubmissionCheck> {
        let mut out = SubmissionCheck {
            verdict: Verdict::Valid,
            entry: None,
            detail: "",
            credentials: Vec::new(),
            evaluation: None,
            requirements: Vec::new(),
        };
        let fail = |mut out: SubmissionCheck, code: ErrorCode, entry: Option<usize>, detail: &'static str| {
            out.verdict = Verdict::Invalid(code);
            out.entry = entry;
            out.detail = detail;
            Ok(out)
        };
        if self.definition_id != definition.id {
            return fail(
                out,
                ErrorCode::InvalidPresentationSubmission,
                None,
                "definition_id does not match the definition",
            );
        }
        let mut descriptor_of_entry = Vec::with_capacity(self.descriptor_map.len());
        for (i, entry) in self.descriptor_map.iter().enumerate() {
            let Some(di) = definition.input_descriptors.iter().position(|d| d.id == entry.id) else {
                return fail(out, ErrorCode::InvalidPresentationSubmission, Some(i), "entry names no input descriptor");
            };
            if descriptor_of_entry.contains(&di) {
                return fail(out, ErrorCode::InvalidPresentationSubmission, Some(i), "descriptor submitted twice");
            }
            descriptor_of_entry.push(di);
            match resolve(entry, presentation, limits)? {
                Some(credential) => out.credentials.push(credential),
                None => {
                    return fail(
                        out,
                        ErrorCode::InvalidPresentationSubmission,
                        Some(i),
                        "entry path does not select exactly one object of its format",
                    )
                }
            }
        }
        let evaluation = evaluate(definition, &out.credentials, limits)?;
        // Only the pairs the map declares count.
        let declared: Vec<_> = evaluation
            .matches
            .iter()
            .filter(|m| descriptor_of_entry.get(m.credential_index) == Some(&m.descriptor_index))
            .cloned()
            .collect();
        // A declared match of credential `ci` is for its entry's descriptor by construction.
        let failed = (0..descriptor_of_entry.len()).position(|ci| !declared.iter().any(|m| m.credential_index == ci));
        let Judgement { requirements, verdict, .. } = judge_requirements(definition, &declared, limits)?;
        out.evaluation = Some(evaluation);
        out.requirements = requirements;
        if let Some(i) = failed {
            return fail(
                out,
                ErrorCode::InputDescriptorNotSatisfied,
                Some(i),
                "credential does not satisfy its descriptor",
            );
        }
        if let Verdict::Invalid(code) = verdict {
            return fail(out, code, None, "the submitted descriptors do not satisfy the definition");
        }
        if out.requirements.iter().any(|r| r.status == RequirementStatus::Excess) {
            return fail(
                out,
                ErrorCode::SubmissionRequirementNotSatisfied,
                None,
                "more descriptors submitted than a requirement's count or max allows",
            );
        }
        Ok(out)
    }
}

const JWT_FORMATS: &[&str] = &["jwt_vp", "jwt_vp_json", "jwt_vc", "jwt_vc_json", "jwt"];
const LD_FORMATS: &[&str] = &["ldp_vp", "ldp_vc", "ldp", "di_vp", "di_vc", "di"];

/// Follows `path` / `path_nested`; `None` when a path does not select exactly one node of the
/// right JSON type.
fn resolve(entry: &DescriptorMapEntry, presentation: &Value, limits: &Limits) -> Result<Option<CredentialInput>> {
    let mut current = CredentialInput::JsonLd(presentation.clone());
    let mut step = Some(entry);
    let mut depth = 0usize;
    while let Some(e) = step {
        depth = depth.saturating_add(1);
        if depth > limits.depth() {
            return Err(Error::new(ErrorCode::NestingTooDeep, "path_nested nests too deeply"));
        }
        let query = Query::parse(&e.path, limits)?;
        let nodes = query.select(current.document(), limits)?;
        let [node] = nodes.as_slice() else { return Ok(None) };
        current = if JWT_FORMATS.contains(&e.format.as_str()) {
            match node.value {
                Value::String(token) => CredentialInput::from_jwt(token, limits)?,
                _ => return Ok(None),
            }
        } else if LD_FORMATS.contains(&e.format.as_str()) {
            match node.value {
                v @ Value::Object(_) => CredentialInput::JsonLd(v.clone()),
                _ => return Ok(None),
            }
        } else {
            return Err(Error::new(
                ErrorCode::CredentialFormatNotAccepted,
                "a submission format this core cannot decode",
            ));
        };
        step = e.path_nested.as_deref();
    }
    Ok(Some(current))
}

#[cfg(test)]
mod tests {
    use super::*;

    const L: Limits = Limits::DEFAULT;

    fn v(text: &str) -> Value {
        Value::parse(text, &L).unwrap()
    }

    const PD: &str = r#"{"id":"pd","submission_requirements":[{"rule":"pick","count":1,"from":"G"}],"input_descriptors":[
        {"id":"a","group":["G"],"constraints":{"fields":[{"path":["$.kind"],"filter":{"const":"a"}}]}},
        {"id":"b","group":["G"],"constraints":{"fields":[{"path":["$.kind"],"filter":{"const":"b"}}]}}]}"#;

    fn check(submission: &str, presentation: &str) -> SubmissionCheck {
        let pd = PresentationDefinition::parse(PD, &L).unwrap();
        PresentationSubmission::parse(submission, &L).unwrap().check(&pd, &v(presentation), &L).unwrap()
    }

    #[test]
    fn shape_errors() {
        for bad_text in [
            r#"{"definition_id":"pd","descriptor_map":[]}"#,
            r#"{"id":"s","descriptor_map":[]}"#,
            r#"{"id":"s","definition_id":"pd"}"#,
            r#"{"id":"s","definition_id":"pd","descriptor_map":[{"id":"a","path":"$"}]}"#,
            r#"{"id":"s","definition_id":"pd","descriptor_map":[{"id":"a","format":"ldp_vc","path":"$","path_nested":1}]}"#,
            "[]",
        ] {
            assert_eq!(
                PresentationSubmission::parse(bad_text, &L).unwrap_err().code(),
                ErrorCode::InvalidPresentationSubmission,
                "{bad_text}"
            );
        }
    }

    #[test]
    fn round_trips_nested_entries() {
        let text = r#"{"id":"s","definition_id":"pd","descriptor_map":[{"id":"a","format":"jwt_vp","path":"$","path_nested":{"id":"a","format":"jwt_vc","path":"$.vp.verifiableCredential[0]"}}]}"#;
        assert_eq!(PresentationSubmission::parse(text, &L).unwrap().to_json(), text);
    }

    #[test]
    fn checks_a_received_submission() {
        let vp = r#"{"verifiableCredential":[{"kind":"b"},{"kind":"a"}]}"#;
        let one = r#"{"id":"s","definition_id":"pd","descriptor_map":[{"id":"a","format":"ldp_vc","path":"$.verifiableCredential[1]"}]}"#;
        assert_eq!(check(one, vp).verdict, Verdict::Valid);
        let wrong = r#"{"id":"s","definition_id":"pd","descriptor_map":[{"id":"a","format":"ldp_vc","path":"$.verifiableCredential[0]"}]}"#;
        let c = check(wrong, vp);
        assert_eq!((c.verdict, c.entry), (Verdict::Invalid(ErrorCode::InputDescriptorNotSatisfied), Some(0)));
        let both = r#"{"id":"s","definition_id":"pd","descriptor_map":[{"id":"a","format":"ldp_vc","path":"$.verifiableCredential[1]"},{"id":"b","format":"ldp_vc","path":"$.verifiableCredential[0]"}]}"#;
        assert_eq!(check(both, vp).verdict, Verdict::Invalid(ErrorCode::SubmissionRequirementNotSatisfied));
        let other_pd = r#"{"id":"s","definition_id":"other","descriptor_map":[]}"#;
        assert_eq!(check(other_pd, vp).verdict, Verdict::Invalid(ErrorCode::InvalidPresentationSubmission));
        let unknown = r#"{"id":"s","definition_id":"pd","descriptor_map":[{"id":"z","format":"ldp_vc","path":"$.verifiableCredential[0]"}]}"#;
        assert_eq!(check(unknown, vp).verdict, Verdict::Invalid(ErrorCode::InvalidPresentationSubmission));
        let nowhere = r#"{"id":"s","definition_id":"pd","descriptor_map":[{"id":"a","format":"ldp_vc","path":"$.verifiableCredential[5]"}]}"#;
        assert_eq!(check(nowhere, vp).entry, Some(0));
        let twice = r#"{"id":"s","definition_id":"pd","descriptor_map":[{"id":"a","format":"ldp_vc","path":"$.verifiableCredential[1]"},{"id":"a","format":"ldp_vc","path":"$.verifiableCredential[1]"}]}"#;
        assert_eq!(check(twice, vp).verdict, Verdict::Invalid(ErrorCode::InvalidPresentationSubmission));
        let none = r#"{"id":"s","definition_id":"pd","descriptor_map":[]}"#;
        assert_eq!(check(none, vp).verdict, Verdict::Invalid(ErrorCode::SubmissionRequirementNotSatisfied));
    }

    #[test]
    fn a_selection_embeds_each_credential_once() {
        let pd = PresentationDefinition::parse(
            r#"{"id":"pd","input_descriptors":[
            {"id":"a","constraints":{"fields":[{"path":["$.kind"],"filter":{"const":"a"}}]}},
            {"id":"b","constraints":{"fields":[{"path":["$.kind"],"filter":{"const":"b"}}]}}]}"#,
            &L,
        )
        .unwrap();
        let paths = |credentials: &[CredentialInput]| {
            let evaluation = evaluate(&pd, credentials, &L).unwrap();
            let (submission, embed) = PresentationSubmission::for_selection("s", &evaluation, credentials).unwrap();
            let entries: Vec<(String, String)> =
                submission.descriptor_map.into_iter().map(|e| (e.id, e.path)).collect();
            (entries, embed)
        };
        let two = [CredentialInput::JsonLd(v(r#"{"kind":"b"}"#)), CredentialInput::JsonLd(v(r#"{"kind":"a"}"#))];
        let (entries, embed) = paths(&two);
        assert_eq!(embed, [1, 0]);
        assert_eq!(entries[0], (String::from("a"), String::from("$.verifiableCredential[0]")));
        assert_eq!(entries[1], (String::from("b"), String::from("$.verifiableCredential[1]")));
    }

    #[test]
    fn nested_paths_are_bounded_inclusively() {
        let pd = PresentationDefinition::parse(PD, &L).unwrap();
        let vp = v(r#"{"verifiableCredential":[{"kind":"b"},{"kind":"a"}]}"#);
        // `levels` entries: `levels - 1` times the VP itself, then its second credential.
        let chain = |levels: usize| {
            let mut entry = String::from(r#"{"id":"a","format":"ldp_vc","path":"$.verifiableCredential[1]"}"#);
            for _ in 1..levels {
                entry = alloc::format!(r#"{{"id":"a","format":"ldp_vp","path":"$","path_nested":{entry}}}"#);
            }
            let text = alloc::format!(r#"{{"id":"s","definition_id":"pd","descriptor_map":[{entry}]}}"#);
            PresentationSubmission::parse(&text, &L).unwrap()
        };
        let tight = Limits { max_depth: 4, ..L };
        assert_eq!(chain(4).check(&pd, &vp, &tight).unwrap().verdict, Verdict::Valid);
        assert_eq!(chain(5).check(&pd, &vp, &tight).unwrap_err().code(), ErrorCode::NestingTooDeep);
    }

    #[test]
    fn follows_nested_jwt() {
        // header {"alg":"EdDSA"}; payload {"vp":{"verifiableCredential":["<vc jwt>"]}} with the
        // VC payload {"kind":"a"}.
        let vc = alloc::format!("eyJhbGciOiJFZERTQSJ9.{}.", crate::codec::base64url_encode(br#"{"kind":"a"}"#));
        let vp_payload = alloc::format!(r#"{{"vp":{{"verifiableCredential":["{vc}"]}}}}"#);
        let vp = alloc::format!("eyJhbGciOiJFZERTQSJ9.{}.", crate::codec::base64url_encode(vp_payload.as_bytes()));
        let submission = r#"{"id":"s","definition_id":"pd","descriptor_map":[{"id":"a","format":"jwt_vp","path":"$","path_nested":{"id":"a","format":"jwt_vc","path":"$.vp.verifiableCredential[0]"}}]}"#;
        let c = check(submission, &alloc::format!("\"{vp}\""));
        assert_eq!(c.verdict, Verdict::Valid, "{}", c.detail);
        assert!(matches!(c.credentials[0], CredentialInput::Jwt { .. }));
        let sd = r#"{"id":"s","definition_id":"pd","descriptor_map":[{"id":"a","format":"vc+sd-jwt","path":"$"}]}"#;
        let pd = PresentationDefinition::parse(PD, &L).unwrap();
        let err = PresentationSubmission::parse(sd, &L).unwrap().check(&pd, &v("\"x\""), &L).unwrap_err();
        assert_eq!(err.code(), ErrorCode::CredentialFormatNotAccepted);
    }
}
