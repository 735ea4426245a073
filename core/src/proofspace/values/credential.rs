//! Credential checks: every field of a credential against its schema.

use alloc::collections::BTreeSet;
use alloc::string::String;
use alloc::vec::Vec;

use super::schema::{CredentialSchema, SchemaAttribute};
use super::typed::TypedValue;
use crate::error::{Error, ErrorCode};

/// A credential field as the webhooks send it: `{"name": ..., "value": ...}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct NameValue {
    /// The field (attribute) name.
    pub name: String,
    /// The wire value (always a string).
    pub value: String,
}

impl NameValue {
    /// A pair from anything string-like.
    ///
    /// ```
    /// let f = ssi_verify_core::proofspace::values::NameValue::new("Age", "42");
    /// assert_eq!((f.name.as_str(), f.value.as_str()), ("Age", "42"));
    /// ```
    #[must_use]
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        Self { name: name.into(), value: value.into() }
    }
}

/// One problem with one field of a credential.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldIssue {
    /// The field's name (for a missing attribute, the attribute's name).
    pub field: String,
    /// What is wrong.
    pub error: Error,
}

/// Checks every field of a credential against `schema`, and casts the good ones; `fields` are
/// `(name, value)` pairs, borrowed from wherever the caller keeps them.
fn check_fields<'f>(
    schema: &CredentialSchema,
    fields: impl ExactSizeIterator<Item = (&'f str, &'f str)> + Clone,
) -> (Vec<(&'f str, TypedValue)>, Vec<FieldIssue>) {
    let mut typed = Vec::with_capacity(fields.len());
    let mut issues = Vec::new();
    // An empty list is ProofSpace's way of postponing the issue, not a credential missing
    // every attribute.
    if fields.len() == 0 {
        return (typed, issues);
    }
    if in_schema_order(schema, fields.clone()) {
        for ((name, value), attr) in fields.zip(&schema.attributes) {
            match attr.cast(value) {
                Ok(value) => typed.push((name, value)),
                Err(error) => issues.push(FieldIssue { field: String::from(name), error }),
            }
        }
        return (typed, issues);
    }
    // Attribute names sorted once (the first of a repeated name wins), each with whether a
    // field named it: a binary search per field, one allocation per credential.
    let mut by_name: Vec<(&str, &SchemaAttribute, bool)> =
        schema.attributes.iter().map(|a| (a.name.as_str(), a, false)).collect();
    by_name.sort_by(|a, b| a.0.cmp(b.0));
    by_name.dedup_by(|later, first| later.0 == first.0);
    let find =
        |by_name: &[(&str, &SchemaAttribute, bool)], name: &str| by_name.binary_search_by(|a| a.0.cmp(name)).ok();
    // Names no attribute has, kept only to tell a repeat (reported once as unknown).
    let mut unknown: BTreeSet<&str> = BTreeSet::new();
    for (i, (name, value)) in fields.enumerate() {
        let issue = |error: Error| FieldIssue { field: String::from(name), error };
        let entry = find(&by_name, name).and_then(|k| by_name.get_mut(k));
        let repeat = match &entry {
            Some((_, _, seen)) => *seen,
            None => !unknown.insert(name),
        };
        if repeat {
            issues.push(issue(Error::new(ErrorCode::DuplicateKey, "field appears more than once").at_index(i)));
            continue;
        }
        match entry {
            None => issues.push(issue(
                Error::new(ErrorCode::UnknownField, "field is not an attribute of the schema").at_index(i),
            )),
            Some((_, attr, seen)) => {
                *seen = true;
                match attr.cast(value) {
                    Ok(value) => typed.push((name, value)),
                    Err(error) => issues.push(issue(error)),
                }
            }
        }
    }
    for (j, attr) in schema.attributes.iter().enumerate() {
        let seen = find(&by_name, &attr.name).and_then(|k| by_name.get(k)).is_some_and(|a| a.2);
        if !seen {
            issues.push(FieldIssue {
                field: attr.name.clone(),
                error: Error::new(ErrorCode::MissingField, "schema attribute has no field").at_index(j),
            });
        }
    }
    (typed, issues)
}

/// The most attributes [`in_schema_order`] compares pairwise.
const IN_ORDER_MAX: usize = 16;

/// Whether the fields name the schema's attributes one for one, in the schema's order, with no
/// name twice: the order ProofSpace writes them in. Then each field's attribute is the one
/// beside it, and the look-up table, the unknown and repeated names and the missing attributes
/// of the general path cannot arise.
fn in_schema_order<'f>(schema: &CredentialSchema, fields: impl ExactSizeIterator<Item = (&'f str, &'f str)>) -> bool {
    let attrs = &schema.attributes;
    fields.len() == attrs.len()
        && attrs.len() <= IN_ORDER_MAX
        && fields.zip(attrs).all(|((name, _), a)| name == a.name)
        && attrs.iter().enumerate().all(|(i, a)| attrs.iter().take(i).all(|b| b.name != a.name))
}

fn pairs(fields: &[NameValue]) -> impl ExactSizeIterator<Item = (&str, &str)> + Clone {
    fields.iter().map(|f| (f.name.as_str(), f.value.as_str()))
}

/// [`cast_credential`] over borrowed `(name, value)` pairs.
pub(crate) fn cast_pairs<'f>(
    schema: &CredentialSchema,
    fields: impl ExactSizeIterator<Item = (&'f str, &'f str)> + Clone,
) -> core::result::Result<Vec<(&'f str, TypedValue)>, Vec<FieldIssue>> {
    let (typed, issues) = check_fields(schema, fields);
    if issues.is_empty() {
        Ok(typed)
    } else {
        Err(issues)
    }
}

/// Every problem of a credential's fields against `schema`; empty when all is well.
///
/// Reported, in field order: a value its attribute's type refuses (that rule's error, located
/// in the value), a name the schema does not have ([`ErrorCode::UnknownField`]), and each
/// repeat of a name ([`ErrorCode::DuplicateKey`]), both located at the field's index in
/// `fields`. Then, in schema order, each attribute with no field ([`ErrorCode::MissingField`],
/// at the attribute's index). An empty `fields` is valid: it is how ProofSpace postpones
/// issuing a credential.
///
/// ```
/// use ssi_verify_core::proofspace::values::{validate_credential, AttributeType, CredentialSchema, NameValue, SchemaAttribute};
/// use ssi_verify_core::ErrorCode;
/// let schema = CredentialSchema {
///     attributes: vec![SchemaAttribute { name: "Age".into(), ty: AttributeType::Number, enum_values: vec![] }],
/// };
/// let issues = validate_credential(&schema, &[NameValue::new("Age", "4,2"), NameValue::new("Name", "Ann")]);
/// let codes: Vec<_> = issues.iter().map(|i| i.error.code()).collect();
/// assert_eq!(codes, [ErrorCode::InvalidNumber, ErrorCode::UnknownField]);
/// assert!(validate_credential(&schema, &[]).is_empty());
/// ```
#[must_use]
pub fn validate_credential(schema: &CredentialSchema, fields: &[NameValue]) -> Vec<FieldIssue> {
    check_fields(schema, pairs(fields)).1
}

/// The typed fields of a credential, in field order, or every issue
/// [`validate_credential`] finds.
///
/// ```
/// use ssi_verify_core::proofspace::values::{cast_credential, AttributeType, CredentialSchema, NameValue, SchemaAttribute, TypedValue};
/// let schema = CredentialSchema {
///     attributes: vec![SchemaAttribute { name: "Born".into(), ty: AttributeType::Date, enum_values: vec![] }],
/// };
/// let typed = cast_credential(&schema, &[NameValue::new("Born", "0")]).unwrap();
/// assert_eq!(typed, [("Born".to_string(), TypedValue::Date(0))]);
/// ```
///
/// # Errors
/// The non-empty list of [`FieldIssue`]s.
pub fn cast_credential(
    schema: &CredentialSchema,
    fields: &[NameValue],
) -> core::result::Result<Vec<(String, TypedValue)>, Vec<FieldIssue>> {
    let typed = cast_pairs(schema, pairs(fields))?;
    Ok(typed.into_iter().map(|(name, value)| (String::from(name), value)).collect())
}
