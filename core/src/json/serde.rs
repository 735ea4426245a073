//! `serde::Serialize` for the JSON tree and the reports (feature `serde`, no_std, off by
//! default), so Rust users can embed a report in their own serde output. serde_json writes the
//! same bytes as the core's writer for every report (tested in `core/tests/serde_reports.rs`).

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::json::{Number, Value};
use crate::report::Report;

impl Serialize for Number {
    /// Integers as integers; anything else as the nearest double (reports only write integers,
    /// so their text survives exactly).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if let Some(n) = self.as_u64() {
            s.serialize_u64(n)
        } else if let Some(n) = self.as_i64() {
            s.serialize_i64(n)
        } else {
            s.serialize_f64(self.as_f64())
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(n) => n.serialize(s),
            Value::String(text) => s.serialize_str(text),
            Value::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(members) => {
                let mut map = s.serialize_map(Some(members.len()))?;
                for (k, v) in members {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.clone().into_value().serialize(s)
    }
}
