//! Reading inputs (files, arguments, standard input) and JSON request documents.

use std::io::Read as _;

use ssi_verify_core::json::{Number, ObjectReader, Shape, Value};
use ssi_verify_core::{ErrorCode, Limits};

use crate::Failure;

/// Reads a file, or standard input when `path` is `None` or `-`.
pub fn read_bytes(path: Option<&str>) -> Result<Vec<u8>, Failure> {
    let mut buf = Vec::new();
    match path {
        None | Some("-") => {
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| Failure::usage(format!("cannot read standard input: {e}")))?;
        }
        Some(p) => {
            buf = std::fs::read(p).map_err(|e| Failure::usage(format!("cannot read '{p}': {e}")))?;
        }
    }
    Ok(buf)
}

/// Reads a file (or standard input) as UTF-8 text.
pub fn read_text(path: Option<&str>) -> Result<String, Failure> {
    String::from_utf8(read_bytes(path)?).map_err(|_| Failure::rejected(ErrorCode::InvalidUtf8, "input is not UTF-8"))
}

/// A value given as an argument, or else read from standard input with its line ending removed.
pub fn arg_or_stdin(arg: Option<&str>) -> Result<String, Failure> {
    match arg {
        Some(v) if v != "-" => Ok(v.to_owned()),
        _ => Ok(read_text(None)?.trim_end_matches(['\n', '\r']).to_owned()),
    }
}

/// Parses a JSON request document with the core parser (duplicate names rejected).
pub fn parse_json(text: &str) -> Result<Value, Failure> {
    Ok(Value::parse(text, &Limits::DEFAULT)?)
}

/// Strict access to the members of a request object (core's [`ObjectReader`]): unknown
/// members are refused; the messages name the member, for the command line.
pub struct Fields<'a> {
    reader: ObjectReader<'a>,
    what: &'static str,
}

impl<'a> Fields<'a> {
    /// Wraps an object whose member names must all be in `allowed`.
    pub fn new(value: &'a Value, allowed: &[&str], what: &'static str) -> Result<Self, Failure> {
        let mut reader = ObjectReader::new(value, Shape::FIELDS, "not a JSON object")
            .map_err(|e| Failure::rejected(e.code(), format!("{what} must be a JSON object")))?;
        reader.allow(allowed);
        if let Some((name, _)) = reader.unknown().next() {
            return Err(Failure::rejected(ErrorCode::UnknownField, format!("{what}: unknown member '{name}'")));
        }
        Ok(Self { reader, what })
    }

    fn get(&self, name: &str) -> Option<&'a Value> {
        self.reader.peek(name)
    }

    /// An optional string member (`null` counts as absent).
    pub fn opt_str(&self, name: &str) -> Result<Option<&'a str>, Failure> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => v.as_str().map(Some).ok_or_else(|| {
                Failure::rejected(ErrorCode::UnexpectedJsonType, format!("{}: '{name}' must be a string", self.what))
            }),
        }
    }

    /// A required string member.
    pub fn str(&self, name: &str) -> Result<&'a str, Failure> {
        self.opt_str(name)?
            .ok_or_else(|| Failure::rejected(ErrorCode::MissingField, format!("{}: '{name}' is required", self.what)))
    }

    /// An optional non-negative integer member.
    pub fn opt_u64(&self, name: &str) -> Result<Option<u64>, Failure> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => v.as_number().and_then(Number::as_u64).map(Some).ok_or_else(|| {
                Failure::rejected(
                    ErrorCode::UnexpectedJsonType,
                    format!("{}: '{name}' must be a non-negative integer", self.what),
                )
            }),
        }
    }
}
