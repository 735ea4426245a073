//! Credential schemas: which attribute type applies to which field.

use alloc::collections::BTreeSet;
use alloc::string::String;
use alloc::vec::Vec;

use super::typed::TypedValue;
use super::wire::{parse_index, AttributeType, EnumValue};
use crate::error::{Error, ErrorCode, Result};
use crate::json::{ObjectReader, Shape, Value};
use crate::limits::Limits;

/// One attribute of a credential schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaAttribute {
    /// The attribute (and field) name.
    pub name: String,
    /// How its values are read.
    pub ty: AttributeType,
    /// The allowed values of an Enumeration; empty means unrestricted (and for other types).
    pub enum_values: Vec<EnumValue>,
}

impl SchemaAttribute {
    /// Reads `wire` by this attribute's type, restricted to its enumeration values if it lists any.
    ///
    /// ```
    /// use ssi_verify_core::proofspace::values::{AttributeType, SchemaAttribute, TypedValue};
    /// let age = SchemaAttribute { name: "Age".into(), ty: AttributeType::Number, enum_values: vec![] };
    /// assert!(matches!(age.cast("42"), Ok(TypedValue::Number(_))));
    /// ```
    ///
    /// # Errors
    /// As [`TypedValue::cast`].
    pub fn cast(&self, wire: &str) -> Result<TypedValue> {
        let values = (!self.enum_values.is_empty()).then_some(self.enum_values.as_slice());
        TypedValue::cast(self.ty, wire, values)
    }
}

/// A credential schema: the attributes a credential's fields must match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CredentialSchema {
    /// The attributes, in schema order, names unique.
    pub attributes: Vec<SchemaAttribute>,
}

fn invalid(detail: &'static str) -> Error {
    Error::new(ErrorCode::InvalidFieldValue, detail)
}

impl CredentialSchema {
    /// Reads a schema document:
    /// `{"attributes":[{"name":"Age","type":"Number"},{"name":"Level","type":"Enumeration",
    /// "enumValues":[{"name":"Gold","value":0},{"name":"Silver","value":1}]}]}`.
    ///
    /// `type` takes the documentation names or the vendor DTO spellings (see
    /// [`AttributeType::from_name`]). An enumeration `value` is a JSON integer or a numeric
    /// string; an enum value's optional `description` (a string) is accepted and not kept.
    /// `null` members count as absent.
    ///
    /// ```
    /// use ssi_verify_core::json::Value;
    /// use ssi_verify_core::proofspace::values::{AttributeType, CredentialSchema};
    /// use ssi_verify_core::Limits;
    /// let doc = Value::parse(r#"{"attributes":[{"name":"Age","type":"Number"}]}"#, &Limits::DEFAULT).unwrap();
    /// let schema = CredentialSchema::from_json(&doc).unwrap();
    /// assert_eq!(schema.attributes[0].ty, AttributeType::Number);
    /// ```
    ///
    /// # Errors
    /// [`ErrorCode::UnknownField`] for an undefined member, [`ErrorCode::MissingField`],
    /// [`ErrorCode::UnexpectedJsonType`], [`ErrorCode::InvalidFieldValue`] for an empty name,
    /// an unsupported type (`phone`, `file`, ...) or `enumValues` on a non-Enumeration,
    /// [`ErrorCode::InvalidEnumeration`] for a `value` that is not a `u32` index, and
    /// [`ErrorCode::DuplicateKey`] for repeated attribute names or enumeration values. Errors
    /// inside an attribute are located at its index.
    pub fn from_json(doc: &Value) -> Result<Self> {
        let mut o = ObjectReader::new(doc, Shape::FIELDS, "schema must be a JSON object")?;
        o.allow(&["attributes"]);
        o.deny_unknown("schema has a member other than attributes")?;
        let list = o
            .opt_array("attributes", "attributes must be an array")?
            .ok_or_else(|| Error::new(ErrorCode::MissingField, "attributes is required"))?;
        let attributes = list
            .iter()
            .enumerate()
            .map(|(i, item)| parse_attribute(item).map_err(|e| e.at_index(i)))
            .collect::<Result<Vec<_>>>()?;
        let mut names = BTreeSet::new();
        for (i, attr) in attributes.iter().enumerate() {
            if !names.insert(attr.name.as_str()) {
                return Err(Error::new(ErrorCode::DuplicateKey, "two attributes have the same name").at_index(i));
            }
        }
        Ok(Self { attributes })
    }

    /// Parses `text` within `limits`, then reads it with [`CredentialSchema::from_json`].
    ///
    /// ```
    /// use ssi_verify_core::proofspace::values::CredentialSchema;
    /// use ssi_verify_core::Limits;
    /// let schema = CredentialSchema::parse(r#"{"attributes":[{"name":"Photo","type":"imageUrl"}]}"#, &Limits::DEFAULT);
    /// assert_eq!(schema.unwrap().attributes.len(), 1);
    /// ```
    ///
    /// # Errors
    /// JSON errors of [`Value::parse`], then those of [`CredentialSchema::from_json`].
    pub fn parse(text: &str, limits: &Limits) -> Result<Self> {
        Self::from_json(&Value::parse(text, limits)?)
    }

    /// The attribute called `name`.
    #[must_use]
    pub fn attribute(&self, name: &str) -> Option<&SchemaAttribute> {
        self.attributes.iter().find(|a| a.name == name)
    }
}

fn parse_attribute(item: &Value) -> Result<SchemaAttribute> {
    let mut o = ObjectReader::new(item, Shape::FIELDS, "each attribute must be a JSON object")?;
    // A schema is the caller's own document: an unknown member is refused before anything else.
    o.allow(&["name", "type", "enumValues"]);
    o.deny_unknown("attribute has a member other than name, type and enumValues")?;
    let name = o.req_str("name", "attribute name is required and must be a string")?;
    if name.is_empty() {
        return Err(invalid("attribute name is empty"));
    }
    let type_name = o.req_str("type", "attribute type is required and must be a string")?;
    let ty = AttributeType::from_name(type_name)
        .ok_or_else(|| invalid("attribute type is not Text, Date, Number, ImageURL or Enumeration"))?;
    let enum_values = match o.opt_array("enumValues", "enumValues must be an array")? {
        None => Vec::new(),
        Some(values) => values.iter().map(parse_enum_value).collect::<Result<Vec<_>>>()?,
    };
    if ty != AttributeType::Enumeration && !enum_values.is_empty() {
        return Err(invalid("enumValues given for an attribute that is not an Enumeration"));
    }
    let mut seen = BTreeSet::new();
    if !enum_values.iter().all(|v| seen.insert(v.value)) {
        return Err(Error::new(ErrorCode::DuplicateKey, "two enumValues have the same value"));
    }
    Ok(SchemaAttribute { name: String::from(name), ty, enum_values })
}

fn parse_enum_value(item: &Value) -> Result<EnumValue> {
    let mut o = ObjectReader::new(item, Shape::FIELDS, "each enumValues item must be a JSON object")?;
    o.allow(&["name", "value", "description"]);
    o.deny_unknown("enumValues item has a member other than name, value and description")?;
    let name = o.req_str("name", "enumValues name is required and must be a string")?;
    o.opt_str("description", "enumValues description must be a string")?;
    let value = match o.get("value") {
        None => return Err(Error::new(ErrorCode::MissingField, "enumValues value is required")),
        Some(Value::Number(n)) => n.as_u64().and_then(|v| u32::try_from(v).ok()).ok_or_else(|| {
            Error::new(ErrorCode::InvalidEnumeration, "enumValues value is not an integer from 0 to 4294967295")
        })?,
        Some(Value::String(s)) => parse_index(s)?,
        Some(_) => {
            return Err(Error::new(
                ErrorCode::UnexpectedJsonType,
                "enumValues value must be an integer or a numeric string",
            ))
        }
    };
    Ok(EnumValue { name: String::from(name), value })
}
