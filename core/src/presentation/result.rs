//! Gataca verification results `{checks, warnings, errors}` and the verification-template
//! webhook payload `{id, subject, status, payload, verificationResult}`.
//!
//! A result is valid when it has no errors and at least one check (Gataca's own rule,
//! `VerificationResult.Valid()` in vui-core). Check identifiers are Gataca's vocabulary
//! ([`Check`]); an identifier this library does not know is kept as text and listed by
//! [`VerificationResult::unknown_checks`], never dropped. Gataca is written in Go, whose JSON
//! encoder writes an empty list as `null`, so `null` is read as an empty list.
//!
//! ```
//! use ssi_verify_core::presentation::result::{Check, VerificationResult};
//! let mut r = VerificationResult::default();
//! r.pass(Check::MatchingIds);
//! r.pass(Check::CredentialProof);
//! r.warn("urn:uuid:1 credential status not available.");
//! assert!(r.is_valid());
//! assert_eq!(r.to_json(), r#"{"checks":["matchingIds","credentialProof"],"warnings":["urn:uuid:1 credential status not available."],"errors":[]}"#);
//! ```

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{Error, ErrorCode, Result};
use crate::json::{ObjectExt, Value};
use crate::limits::Limits;
use crate::Verdict;

/// Gataca's check identifiers (vui-core `validatorServiceDIFPE.go`, plus `securityMechanisms`
/// seen in the webhook example).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Check {
    /// `matchingIds`: the submission's `definition_id` equals the definition's `id`.
    MatchingIds,
    /// `uniqueSubject`: every credential has the same `credentialSubject.id`.
    UniqueSubject,
    /// `submission`: every descriptor-map entry resolves and satisfies its descriptor.
    Submission,
    /// `constraints`: field constraints and filters are satisfied.
    Constraints,
    /// `submissionRequirements`: the definition's submission requirements are satisfied.
    SubmissionRequirements,
    /// `presentationProof`: the presentation's proof verified.
    PresentationProof,
    /// `credentialProof`: every credential's proof verified.
    CredentialProof,
    /// `credentialStatus`: every credential's status is ISSUED.
    CredentialStatus,
    /// `context`: the JSON-LD contexts were checked.
    Context,
    /// `credentialSchema`: the credential schemas match the requested ones.
    CredentialSchema,
    /// `issuer`: each credential's issuer signed it.
    Issuer,
    /// `identityVerification`: the second-factor requirement.
    IdentityVerification,
    /// `securityMechanisms` (appears in Gataca's webhook example).
    SecurityMechanisms,
    /// `definitionProof`: the presentation definition's own proof verified (this library's
    /// addition: Gataca signs its definitions but names no check for that proof).
    DefinitionProof,
}

impl Check {
    /// Every check, in the order Gataca lists them.
    pub const ALL: [Check; 14] = [
        Check::MatchingIds,
        Check::UniqueSubject,
        Check::Submission,
        Check::Constraints,
        Check::SubmissionRequirements,
        Check::PresentationProof,
        Check::CredentialProof,
        Check::CredentialStatus,
        Check::Context,
        Check::CredentialSchema,
        Check::Issuer,
        Check::IdentityVerification,
        Check::SecurityMechanisms,
        Check::DefinitionProof,
    ];

    /// The identifier on the wire, e.g. `presentationProof`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Check::MatchingIds => "matchingIds",
            Check::UniqueSubject => "uniqueSubject",
            Check::Submission => "submission",
            Check::Constraints => "constraints",
            Check::SubmissionRequirements => "submissionRequirements",
            Check::PresentationProof => "presentationProof",
            Check::CredentialProof => "credentialProof",
            Check::CredentialStatus => "credentialStatus",
            Check::Context => "context",
            Check::CredentialSchema => "credentialSchema",
            Check::Issuer => "issuer",
            Check::IdentityVerification => "identityVerification",
            Check::SecurityMechanisms => "securityMechanisms",
            Check::DefinitionProof => "definitionProof",
        }
    }

    /// The check with this identifier, if it is one.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Check> {
        Check::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// `{checks, warnings, errors}`: what a verification did, what it noticed, what failed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VerificationResult {
    /// Identifiers of the checks that ran and passed.
    pub checks: Vec<String>,
    /// Free-text warnings.
    pub warnings: Vec<String>,
    /// Free-text errors; empty when the verification succeeded.
    pub errors: Vec<String>,
}

const RESULT_MEMBERS: [&str; 3] = ["checks", "warnings", "errors"];
const WEBHOOK_MEMBERS: [&str; 5] = ["id", "subject", "status", "payload", "verificationResult"];

fn string_list(v: Option<&Value>, limits: &Limits, detail: &'static str) -> Result<Vec<String>> {
    let Some(v) = v.filter(|v| !v.is_null()) else { return Ok(Vec::new()) };
    let items = v.as_array().ok_or_else(|| Error::new(ErrorCode::UnexpectedJsonType, detail))?;
    if items.len() > limits.max_items {
        return Err(Error::new(ErrorCode::TooManyItems, detail));
    }
    items
        .iter()
        .map(|i| i.as_str().map(String::from).ok_or_else(|| Error::new(ErrorCode::UnexpectedJsonType, detail)))
        .collect()
}

fn strings(list: &[String]) -> Value {
    Value::Array(list.iter().map(|s| Value::String(s.clone())).collect())
}

impl VerificationResult {
    /// Records a check that passed (once; a repeated check is not listed twice).
    pub fn pass(&mut self, check: Check) {
        if !self.checks.iter().any(|c| c == check.name()) {
            self.checks.push(String::from(check.name()));
        }
    }

    /// Records a verified presentation proof the way Gataca lists it: `presentationProof`, then
    /// `securityMechanisms` when the proof was also bound to the verifier's own request (it had
    /// to carry the request's nonce as its `challenge`/`nonce`, so it cannot be replayed from
    /// another session). Gataca's webhook example lists the two in that order; a proof that
    /// was not required to carry a nonce gets no `securityMechanisms` (nothing was checked).
    ///
    /// ```
    /// use ssi_verify_core::presentation::result::{Check, VerificationResult};
    /// let mut r = VerificationResult::default();
    /// r.pass(Check::MatchingIds);
    /// r.pass_presentation_proof(true);
    /// r.pass(Check::CredentialProof);
    /// assert_eq!(r.checks, ["matchingIds", "presentationProof", "securityMechanisms", "credentialProof"]);
    /// let mut unbound = VerificationResult::default();
    /// unbound.pass_presentation_proof(false);
    /// assert!(!unbound.has(Check::SecurityMechanisms));
    /// ```
    pub fn pass_presentation_proof(&mut self, bound_to_request_nonce: bool) {
        self.pass(Check::PresentationProof);
        if bound_to_request_nonce {
            self.pass(Check::SecurityMechanisms);
        }
    }

    /// Records a warning.
    pub fn warn(&mut self, text: &str) {
        self.warnings.push(String::from(text));
    }

    /// Records an error.
    pub fn fail(&mut self, text: &str) {
        self.errors.push(String::from(text));
    }

    /// Gataca's rule: no errors and at least one check.
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty() && !self.checks.is_empty()
    }

    /// The rule as a verdict: `INVALID_VERIFICATION_RESULT` when it does not hold.
    pub fn verdict(&self) -> Verdict {
        if self.is_valid() {
            Verdict::Valid
        } else {
            Verdict::Invalid(ErrorCode::InvalidVerificationResult)
        }
    }

    /// Whether a check was recorded.
    #[must_use]
    pub fn has(&self, check: Check) -> bool {
        self.checks.iter().any(|c| c == check.name())
    }

    /// Check identifiers outside Gataca's vocabulary (kept, for the caller to log).
    #[must_use]
    pub fn unknown_checks(&self) -> Vec<&str> {
        self.checks.iter().map(String::as_str).filter(|c| Check::from_name(c).is_none()).collect()
    }

    /// Reads a result object on its own. Unknown members are refused: the type has exactly
    /// three (inside a webhook body they are reported instead, see [`WebhookPayload::parse`]).
    ///
    /// # Errors
    /// [`ErrorCode::UnexpectedJsonType`] (not an object, a list of non-strings),
    /// [`ErrorCode::UnknownField`], [`ErrorCode::MissingField`] (`checks` absent),
    /// [`ErrorCode::TooManyItems`].
    pub fn from_value(v: &Value, limits: &Limits) -> Result<Self> {
        let mut unknown = Vec::new();
        let result = Self::read(v, limits, "", &mut unknown)?;
        if !unknown.is_empty() {
            return Err(Error::new(
                ErrorCode::UnknownField,
                "verificationResult has a member other than checks/warnings/errors",
            ));
        }
        Ok(result)
    }

    /// Reads a result object, adding the names of members other than the three (prefixed with
    /// `prefix`) to `unknown`.
    fn read(v: &Value, limits: &Limits, prefix: &str, unknown: &mut Vec<String>) -> Result<Self> {
        let members = v
            .as_object()
            .ok_or_else(|| Error::new(ErrorCode::UnexpectedJsonType, "verificationResult is not an object"))?;
        for (k, _) in members.iter().filter(|(k, _)| !RESULT_MEMBERS.contains(&k.as_str())) {
            unknown.push(format!("{prefix}{k}"));
        }
        if v.get("checks").is_none() {
            return Err(Error::new(ErrorCode::MissingField, "verificationResult.checks is missing"));
        }
        Ok(Self {
            checks: string_list(v.get("checks"), limits, "checks must be a list of strings")?,
            warnings: string_list(v.get("warnings"), limits, "warnings must be a list of strings")?,
            errors: string_list(v.get("errors"), limits, "errors must be a list of strings")?,
        })
    }

    /// The result as a JSON value (all three lists always present).
    #[must_use]
    pub fn to_value(&self) -> Value {
        Value::Object(alloc::vec![
            (String::from("checks"), strings(&self.checks)),
            (String::from("warnings"), strings(&self.warnings)),
            (String::from("errors"), strings(&self.errors)),
        ])
    }

    /// The result as compact JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        self.to_value().to_json()
    }
}

/// The outcome of the whole verification process in a webhook.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProcessStatus {
    /// `SUCCESS`
    Success,
    /// `REJECT`
    Reject,
}

impl ProcessStatus {
    /// The wire name.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            ProcessStatus::Success => "SUCCESS",
            ProcessStatus::Reject => "REJECT",
        }
    }
}

/// The body Gataca Studio posts to a verification template's webhook.
///
/// ```
/// use ssi_verify_core::presentation::result::{ProcessStatus, WebhookPayload};
/// use ssi_verify_core::Limits;
/// let body = r#"{"id":"017c9ece-6869-417a-8550-3f8ceee23199","subject":"did:gatc:0000","status":"SUCCESS",
///   "payload":{"email":"ann@example.org"},
///   "verificationResult":{"checks":["matchingIds","credentialProof"],"warnings":[],"errors":[]}}"#;
/// let p = WebhookPayload::parse(body, &Limits::DEFAULT)?;
/// assert_eq!(p.status, ProcessStatus::Success);
/// assert_eq!(WebhookPayload::parse(&p.to_json(), &Limits::DEFAULT)?, p);
/// # Ok::<(), ssi_verify_core::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebhookPayload {
    /// Process identifier.
    pub id: String,
    /// Subject identifier (a DID).
    pub subject: String,
    /// `SUCCESS` or `REJECT`.
    pub status: ProcessStatus,
    /// The claims the subject shared (absent when the credential subject had none).
    pub payload: Option<Vec<(String, Value)>>,
    /// What the verification did.
    pub verification_result: VerificationResult,
    /// Members this library does not know, as `name` or `verificationResult.name` (reported,
    /// not refused: Gataca adds members over time, as ProofSpace does). Never written back.
    pub unknown_members: Vec<String>,
}

impl WebhookPayload {
    /// Builds a payload; the status follows from the result (`SUCCESS` exactly when it is valid).
    #[must_use]
    pub fn new(
        id: &str,
        subject: &str,
        payload: Option<Vec<(String, Value)>>,
        verification_result: VerificationResult,
    ) -> Self {
        let status = if verification_result.is_valid() { ProcessStatus::Success } else { ProcessStatus::Reject };
        Self {
            id: String::from(id),
            subject: String::from(subject),
            status,
            payload,
            verification_result,
            unknown_members: Vec::new(),
        }
    }

    /// Parses and validates a webhook body.
    ///
    /// Members other than the five defined ones, at the top level or inside
    /// `verificationResult`, are listed in [`Self::unknown_members`], not refused.
    ///
    /// # Errors
    /// JSON errors; [`ErrorCode::MissingField`] / [`ErrorCode::UnexpectedJsonType`] for the
    /// shape; [`ErrorCode::InvalidFieldValue`] for an unknown status or an empty id;
    /// [`ErrorCode::InvalidVerificationResult`] when the status says `SUCCESS` but the result
    /// has errors or no checks (the two would contradict).
    pub fn parse(text: &str, limits: &Limits) -> Result<Self> {
        let v = Value::parse(text, limits)?;
        let members = v
            .as_object()
            .ok_or_else(|| Error::new(ErrorCode::UnexpectedJsonType, "the webhook body is not an object"))?;
        let mut unknown_members: Vec<String> =
            members.iter().filter(|(k, _)| !WEBHOOK_MEMBERS.contains(&k.as_str())).map(|(k, _)| k.clone()).collect();
        let id = v.req_str("id", "id must be a string")?;
        if id.is_empty() {
            return Err(Error::new(ErrorCode::InvalidFieldValue, "id is empty"));
        }
        let subject = v.req_str("subject", "subject must be a string")?;
        let status = match v.req_str("status", "status must be a string")? {
            "SUCCESS" => ProcessStatus::Success,
            "REJECT" => ProcessStatus::Reject,
            _ => return Err(Error::new(ErrorCode::InvalidFieldValue, "status must be SUCCESS or REJECT")),
        };
        let payload = match v.get("payload") {
            None | Some(Value::Null) => None,
            Some(Value::Object(m)) => Some(m.clone()),
            Some(_) => return Err(Error::new(ErrorCode::UnexpectedJsonType, "payload must be an object")),
        };
        let result = VerificationResult::read(
            v.req_obj("verificationResult", "verificationResult must be an object")?,
            limits,
            "verificationResult.",
            &mut unknown_members,
        )?;
        if status == ProcessStatus::Success && !result.is_valid() {
            return Err(Error::new(
                ErrorCode::InvalidVerificationResult,
                "status SUCCESS with errors or without checks in verificationResult",
            ));
        }
        Ok(Self {
            id: String::from(id),
            subject: String::from(subject),
            status,
            payload,
            verification_result: result,
            unknown_members,
        })
    }

    /// The body as compact JSON (`payload` omitted when absent).
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut m = alloc::vec![
            (String::from("id"), Value::String(self.id.clone())),
            (String::from("subject"), Value::String(self.subject.clone())),
            (String::from("status"), Value::String(String::from(self.status.name()))),
        ];
        if let Some(p) = &self.payload {
            m.push((String::from("payload"), Value::Object(p.clone())));
        }
        m.push((String::from("verificationResult"), self.verification_result.to_value()));
        Value::Object(m).to_json()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The webhook example of the Gataca seed (its `...` placeholder removed).
    const SEED: &str = r#"{
      "id": "017c9ece-6869-417a-8550-3f8ceee23199",
      "subject": "did:gatc:000000000000",
      "status": "SUCCESS",
      "payload": { "email": "[email protected]" },
      "verificationResult":{
          "checks":["matchingIds","presentationProof","securityMechanisms","credentialProof"],
          "warnings":["urn:uuid:YjQzNWI4ODI1NWQ4ZTY2YjI5MGE4NzU5 credential status not available."],
          "errors":[]
       }
    }"#;

    fn code(text: &str) -> ErrorCode {
        WebhookPayload::parse(text, &Limits::DEFAULT).unwrap_err().code()
    }

    #[test]
    fn seed_webhook_parses_and_round_trips() {
        let p = WebhookPayload::parse(SEED, &Limits::DEFAULT).unwrap();
        assert_eq!(p.status, ProcessStatus::Success);
        assert!(p.verification_result.has(Check::SecurityMechanisms));
        assert!(p.verification_result.unknown_checks().is_empty());
        assert_eq!(p.verification_result.warnings.len(), 1);
        assert_eq!(WebhookPayload::parse(&p.to_json(), &Limits::DEFAULT).unwrap(), p);
    }

    #[test]
    fn unknown_members_are_reported_not_refused() {
        let body = SEED.replace(r#""status""#, r#""template":"T","status""#).replace(r#""warnings":"#, r#""notes":"#);
        let p = WebhookPayload::parse(&body, &Limits::DEFAULT).unwrap();
        assert_eq!(p.unknown_members, ["template", "verificationResult.notes"]);
        assert!(p.verification_result.warnings.is_empty());
        // Reported, never written back.
        assert!(!p.to_json().contains("template"));
        // A result read on its own stays exact.
        let alone = Value::parse(r#"{"checks":["x"],"notes":[]}"#, &Limits::DEFAULT).unwrap();
        assert_eq!(
            VerificationResult::from_value(&alone, &Limits::DEFAULT).unwrap_err().code(),
            ErrorCode::UnknownField
        );
    }

    #[test]
    fn seed_check_order_with_security_mechanisms() {
        let seed = WebhookPayload::parse(SEED, &Limits::DEFAULT).unwrap();
        let mut r = VerificationResult::default();
        r.pass(Check::MatchingIds);
        r.pass_presentation_proof(true);
        r.pass(Check::CredentialProof);
        assert_eq!(r.checks, seed.verification_result.checks);
    }

    #[test]
    fn status_follows_the_result() {
        let mut r = VerificationResult::default();
        assert_eq!(r.verdict(), Verdict::Invalid(ErrorCode::InvalidVerificationResult));
        r.pass(Check::Constraints);
        r.pass(Check::Constraints);
        assert_eq!(r.checks.len(), 1);
        assert_eq!(WebhookPayload::new("1", "did:x", None, r.clone()).status, ProcessStatus::Success);
        r.fail("Field constraint not validated");
        let p = WebhookPayload::new("1", "did:x", None, r);
        assert_eq!(p.status, ProcessStatus::Reject);
        assert!(!p.to_json().contains("payload"));
        assert_eq!(WebhookPayload::parse(&p.to_json(), &Limits::DEFAULT).unwrap(), p);
    }

    #[test]
    fn lists_are_bounded_inclusively() {
        let result = |checks: &str| {
            Value::parse(&alloc::format!(r#"{{"checks":{checks},"errors":["e1","e2"]}}"#), &Limits::DEFAULT).unwrap()
        };
        let two = Limits { max_items: 2, ..Limits::DEFAULT };
        let r = VerificationResult::from_value(&result(r#"["a","b"]"#), &two).unwrap();
        assert_eq!((r.checks.len(), r.errors.len()), (2, 2));
        assert_eq!(r.to_json(), r#"{"checks":["a","b"],"warnings":[],"errors":["e1","e2"]}"#);
        let e = VerificationResult::from_value(&result(r#"["a","b","c"]"#), &two).unwrap_err();
        assert_eq!(e.code(), ErrorCode::TooManyItems);
    }

    #[test]
    fn go_nulls_and_unknown_checks() {
        let body = r#"{"id":"1","subject":"s","status":"REJECT","verificationResult":{"checks":["newCheck"],"warnings":null,"errors":["x"]}}"#;
        let p = WebhookPayload::parse(body, &Limits::DEFAULT).unwrap();
        assert!(p.verification_result.warnings.is_empty());
        assert_eq!(p.verification_result.unknown_checks(), ["newCheck"]);
    }

    #[test]
    fn contradictions_and_shape_errors() {
        let success_with_error =
            SEED.replace(r#""errors":[]"#, r#""errors":["Credential x couldn't be cryptographically validated"]"#);
        assert_eq!(code(&success_with_error), ErrorCode::InvalidVerificationResult);
        assert_eq!(code(&SEED.replace("SUCCESS", "OK")), ErrorCode::InvalidFieldValue);
        // `subject` renamed: the real member is missing, the new one is reported.
        assert_eq!(code(&SEED.replace(r#""subject""#, r#""sub""#)), ErrorCode::MissingField);
        assert_eq!(code(&SEED.replace(r#""checks":["#, r#""checks":[1,"#)), ErrorCode::UnexpectedJsonType);
        assert_eq!(
            code(&SEED.replace(r#"{ "email": "[email protected]" }"#, r#"["x"]"#)),
            ErrorCode::UnexpectedJsonType
        );
        assert_eq!(
            code(r#"{"id":"","subject":"s","status":"REJECT","verificationResult":{"checks":[]}}"#),
            ErrorCode::InvalidFieldValue
        );
        assert_eq!(
            code(r#"{"id":"1","subject":"s","status":"REJECT","verificationResult":{}}"#),
            ErrorCode::MissingField
        );
    }
}
