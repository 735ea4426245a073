//! What an evaluation finds: matches, unmet descriptors, requirement results, unchecked
//! constraints and the verdict (the algorithm is in [`super::evaluate`]).

use alloc::string::String;
use alloc::vec::Vec;

use crate::error::ErrorCode;
use crate::presentation::definition::{Directive, Rule};
use crate::Verdict;

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

#[cfg(test)]
mod tests {
    use super::RequirementStatus;

    #[test]
    fn status_names() {
        let names = [RequirementStatus::Satisfied, RequirementStatus::Excess, RequirementStatus::Unsatisfied]
            .map(RequirementStatus::as_str);
        assert_eq!(names, ["satisfied", "excess", "unsatisfied"]);
    }
}
