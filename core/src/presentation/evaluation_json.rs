//! The JSON form of an [`Evaluation`] (what `ssi-verify pe evaluate` prints, `ssi_pe_evaluate`
//! writes and UniFFI's `evaluation_json` carries).

use alloc::string::String;
use alloc::vec::Vec;

use crate::error::ErrorCode;
use crate::json::{Number, Value};
use crate::presentation::definition::{Directive, Rule};
use crate::presentation::evaluation::{Evaluation, RequirementResult};
use crate::Verdict;

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
    use crate::json::Value;
    use crate::presentation::definition::PresentationDefinition;
    use crate::presentation::evaluate::{evaluate, CredentialInput};
    use crate::Limits;

    fn ld(text: &str) -> CredentialInput {
        CredentialInput::JsonLd(Value::parse(text, &Limits::DEFAULT).unwrap())
    }

    #[test]
    fn every_member_is_written() {
        let pd = PresentationDefinition::parse(
            r#"{"id":"pd","submission_requirements":[{"name":"n","rule":"pick","min":1,"from_nested":[
                {"rule":"all","from":"A"},{"rule":"pick","count":1,"from":"B"}]}],
            "input_descriptors":[
              {"id":"a","group":["A"],"constraints":{"limit_disclosure":"required","fields":[
                {"id":"k","path":["$.kind"],"filter":{"const":"a"},"predicate":"preferred"},
                {"path":["$.extra"],"optional":true}]}},
              {"id":"b","group":["B"],"constraints":{"fields":[{"path":["$.kind"],"filter":{"const":"b"}}]}}]}"#,
            &Limits::DEFAULT,
        )
        .unwrap();
        let e = evaluate(&pd, &[ld(r#"{"kind":"a"}"#), ld(r#"{"kind":"c"}"#)], &Limits::DEFAULT).unwrap();
        assert_eq!(
            e.to_json(),
            r#"{"definition_id":"pd","verdict":"valid","reason":null,"descriptors":[{"id":"a","satisfied":true},{"id":"b","satisfied":false}],"selection":[{"descriptor":0,"credential":0}],"matches":[{"descriptor_id":"a","credential":0,"fields":[{"field":0,"id":"k","path":"$.kind","location":"$['kind']","predicate":"preferred"},{"field":1,"id":null,"path":null,"location":null,"predicate":null}]}],"unmet":[{"descriptor_id":"a","credential":1,"code":"VALUE_MISMATCH","field":0,"field_id":"k","path":"$.kind","detail":"the selected value does not pass the field's filter"},{"descriptor_id":"b","credential":0,"code":"VALUE_MISMATCH","field":0,"field_id":null,"path":"$.kind","detail":"the selected value does not pass the field's filter"},{"descriptor_id":"b","credential":1,"code":"VALUE_MISMATCH","field":0,"field_id":null,"path":"$.kind","detail":"the selected value does not pass the field's filter"}],"requirements":[{"name":"n","rule":"pick","status":"satisfied","qualifying":1,"available":2,"selected_descriptors":[],"credentials":[0],"nested":[{"name":null,"rule":"all","status":"satisfied","qualifying":1,"available":1,"selected_descriptors":[0],"credentials":[0],"nested":[]},{"name":null,"rule":"pick","status":"unsatisfied","qualifying":0,"available":1,"selected_descriptors":[],"credentials":[],"nested":[]}]}],"unchecked":[{"descriptor_id":"a","constraint":"limit_disclosure"}]}"#
        );
        let none = evaluate(&pd, &[ld(r#"{"kind":"c"}"#)], &Limits::DEFAULT).unwrap();
        assert!(none.to_json().starts_with(
            r#"{"definition_id":"pd","verdict":"invalid","reason":"SUBMISSION_REQUIREMENT_NOT_SATISFIED","#
        ));
    }
}
