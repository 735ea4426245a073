//! The `{{Name}}` template engine of ProofSpace pop-up messages: one linear scan, rendering
//! all or nothing, and the list of names a template uses. The notification rules that apply
//! it are in [`crate::proofspace::rules`].

use alloc::collections::{BTreeMap, BTreeSet};
use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{Error, ErrorCode, Result};

const OPEN: &str = "{{";
const CLOSE: &str = "}}";

pub(crate) fn unknown_parameter(at: usize) -> Error {
    Error::new(ErrorCode::UnknownTemplateParameter, "placeholder names a parameter the instance does not have")
        .at_offset(at)
}

/// One linear pass over `template`: calls `each(text_before, name, offset_of_open)` for every
/// placeholder in order, and returns the literal text after the last one.
///
/// Each `{{` is paired with the first `}}` after it, and scanning resumes after that `}}`, so
/// every byte is examined a bounded number of times and nothing inside a placeholder (or a
/// parameter value) is ever scanned twice.
pub(crate) fn scan<'t>(
    template: &'t str,
    mut each: impl FnMut(&'t str, &'t str, usize) -> Result<()>,
) -> Result<&'t str> {
    let mut rest = template;
    let mut offset = 0usize;
    while let Some((before, after_open)) = rest.split_once(OPEN) {
        let open_at = offset + before.len();
        let unclosed = |detail| Error::new(ErrorCode::UnclosedPlaceholder, detail).at_offset(open_at);
        let Some((raw, after_close)) = after_open.split_once(CLOSE) else {
            return Err(unclosed("'{{' has no closing '}}'"));
        };
        // A '{' inside means a second '{{' (or stray brace) opened before the first closed:
        // the first placeholder is the one left unclosed.
        if raw.contains('{') {
            return Err(unclosed("placeholder name contains '{': a '{{' is not closed before the next opens"));
        }
        let name = raw.trim_matches(' ');
        // No error code names "empty placeholder"; an empty name is reported as unclosed
        // because '{{' was never completed by a parameter name.
        if name.is_empty() {
            return Err(unclosed("placeholder has an empty name: '{{' must enclose a parameter name"));
        }
        each(before, name, open_at)?;
        offset = open_at + OPEN.len() + raw.len() + CLOSE.len();
        rest = after_close;
    }
    Ok(rest)
}

pub(crate) fn unique_names<'a>(names: impl Iterator<Item = &'a str>) -> Result<BTreeSet<&'a str>> {
    let mut set = BTreeSet::new();
    for (i, name) in names.enumerate() {
        if !set.insert(name) {
            return Err(Error::new(ErrorCode::DuplicateKey, "parameter name listed twice").at_index(i));
        }
    }
    Ok(set)
}

/// Fills a notification template with instance parameters.
///
/// Every `{{Name}}` is replaced by the value of the parameter called `Name`, matched exactly
/// (case matters) after trimming spaces around the name; inner spaces are part of the name, so
/// `{{ Room Number }}` names `Room Number`. A lone `{` or `}` outside a placeholder, and a `}}`
/// with no `{{` before it, is literal text. Values are inserted verbatim and are not scanned
/// again, so a value cannot inject placeholders.
///
/// The result is all or nothing: an error never comes with a partly rendered message.
///
/// ```
/// use ssi_verify_core::proofspace::rules::render;
/// use ssi_verify_core::ErrorCode;
/// let room = [("Room Number", "2")];
/// assert_eq!(render("Welcome to Room {{Room Number}}!", &room)?, "Welcome to Room 2!");
/// assert_eq!(render("Welcome to Room {{Floor}}!", &room).unwrap_err().code(), ErrorCode::UnknownTemplateParameter);
/// # Ok::<(), ssi_verify_core::Error>(())
/// ```
///
/// # Errors
/// - [`ErrorCode::DuplicateKey`] when two entries of `params` share a name (located at the later
///   entry's index);
/// - [`ErrorCode::UnclosedPlaceholder`] for a `{{` without a closing `}}`, an empty name, or a
///   name containing `{`;
/// - [`ErrorCode::UnknownTemplateParameter`] for a name not in `params`.
///
/// Template errors are located at the byte offset of the offending `{{`, and the first one in
/// the template is reported.
pub fn render(template: &str, params: &[(&str, &str)]) -> Result<String> {
    let mut values = BTreeMap::new();
    for (i, (name, value)) in params.iter().enumerate() {
        if values.insert(*name, *value).is_some() {
            return Err(Error::new(ErrorCode::DuplicateKey, "parameter name listed twice").at_index(i));
        }
    }
    let mut out = String::with_capacity(template.len());
    let tail = scan(template, |before, name, at| {
        let value = values.get(name).ok_or_else(|| unknown_parameter(at))?;
        out.push_str(before);
        out.push_str(value);
        Ok(())
    })?;
    out.push_str(tail);
    Ok(out)
}

/// The parameter names a template uses, each once, in order of first use; the template is
/// validated as [`render`] would, so a dashboard can check it against its parameter list
/// without rendering.
///
/// ```
/// use ssi_verify_core::proofspace::rules::placeholders;
/// let names = placeholders("{{ Guest }} is in room {{Room Number}}, {{Guest}}!")?;
/// assert_eq!(names, ["Guest", "Room Number"]);
/// # Ok::<(), ssi_verify_core::Error>(())
/// ```
///
/// # Errors
/// [`ErrorCode::UnclosedPlaceholder`] as in [`render`].
pub fn placeholders(template: &str) -> Result<Vec<String>> {
    let mut seen = BTreeSet::new();
    let mut names = Vec::new();
    scan(template, |_, name, _| {
        if seen.insert(name) {
            names.push(String::from(name));
        }
        Ok(())
    })?;
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Location;

    fn err<T: core::fmt::Debug>(r: Result<T>) -> (ErrorCode, Location) {
        let e = r.unwrap_err();
        (e.code(), e.location())
    }

    const ROOM: &[(&str, &str)] = &[("Room Number", "2")];

    #[test]
    fn seed_example() {
        assert_eq!(render("Welcome to Room {{Room Number}}!", ROOM).unwrap(), "Welcome to Room 2!");
    }

    #[test]
    fn names_are_trimmed_of_spaces_only() {
        assert_eq!(render("Welcome to Room {{ Room Number }}!", ROOM).unwrap(), "Welcome to Room 2!");
        assert_eq!(render("{{   Room Number}}", ROOM).unwrap(), "2");
        // Inner spacing is part of the name, and only U+0020 is trimmed.
        assert_eq!(err(render("{{Room  Number}}", ROOM)).0, ErrorCode::UnknownTemplateParameter);
        assert_eq!(err(render("{{\tRoom Number}}", ROOM)).0, ErrorCode::UnknownTemplateParameter);
    }

    #[test]
    fn names_match_exactly() {
        assert_eq!(err(render("{{room number}}", ROOM)), (ErrorCode::UnknownTemplateParameter, Location::Offset(0)));
        assert_eq!(
            err(render("Welcome to {{Floor}}", ROOM)),
            (ErrorCode::UnknownTemplateParameter, Location::Offset(11))
        );
        assert_eq!(err(render("{{Room Number}}", &[])).0, ErrorCode::UnknownTemplateParameter);
    }

    #[test]
    fn unclosed_placeholders() {
        let unclosed = |t: &str| err(render(t, ROOM));
        assert_eq!(unclosed("Welcome to Room {{Room"), (ErrorCode::UnclosedPlaceholder, Location::Offset(16)));
        assert_eq!(unclosed("{{"), (ErrorCode::UnclosedPlaceholder, Location::Offset(0)));
        assert_eq!(unclosed("{{Room Number}"), (ErrorCode::UnclosedPlaceholder, Location::Offset(0)));
        assert_eq!(unclosed("{{Room Number}} {{x"), (ErrorCode::UnclosedPlaceholder, Location::Offset(16)));
        // Empty names.
        assert_eq!(unclosed("a{{}}"), (ErrorCode::UnclosedPlaceholder, Location::Offset(1)));
        assert_eq!(unclosed("{{  }}"), (ErrorCode::UnclosedPlaceholder, Location::Offset(0)));
        // '{' inside the name: the first '{{' is the unclosed one.
        assert_eq!(unclosed("{{a {{Room Number}}"), (ErrorCode::UnclosedPlaceholder, Location::Offset(0)));
        assert_eq!(unclosed("{{{Room Number}}}"), (ErrorCode::UnclosedPlaceholder, Location::Offset(0)));
        assert_eq!(unclosed("{{a{b}}"), (ErrorCode::UnclosedPlaceholder, Location::Offset(0)));
        let empty = render("{{}}", ROOM).unwrap_err();
        assert!(empty.detail().contains("empty"));
    }

    #[test]
    fn first_error_in_template_order_wins() {
        assert_eq!(err(render("{{Floor}} {{x", ROOM)).0, ErrorCode::UnknownTemplateParameter);
        assert_eq!(err(render("{{x {{Floor}}", ROOM)).0, ErrorCode::UnclosedPlaceholder);
    }

    #[test]
    fn stray_braces_are_literal() {
        let same = |t: &str| assert_eq!(render(t, ROOM).unwrap(), t);
        same("");
        same("no placeholders");
        same("}}");
        same("a }} b");
        same("{ x }");
        same("{x}}");
        same("}");
        same("{");
        same("}}{");
        assert_eq!(render("{{Room Number}}}", ROOM).unwrap(), "2}");
        assert_eq!(render("{{Room Number}}}}", ROOM).unwrap(), "2}}");
        assert_eq!(render("{ {{Room Number}} }", ROOM).unwrap(), "{ 2 }");
        assert_eq!(render("}}{{Room Number}}", ROOM).unwrap(), "}}2");
    }

    #[test]
    fn multi_byte_text_around_placeholders() {
        let p = [("Nimi", "Jüri"), ("Linn", "Tōkyō")];
        assert_eq!(render("Tere {{Nimi}} 😀", &p).unwrap(), "Tere Jüri 😀");
        assert_eq!(render("😀{{Nimi}}😀{{ Linn }}é", &p).unwrap(), "😀Jüri😀Tōkyōé");
        // Offsets are byte offsets: '😀' is 4 bytes, 'ä' is 2.
        assert_eq!(err(render("😀ä{{Puudub}}", &p)), (ErrorCode::UnknownTemplateParameter, Location::Offset(6)));
        assert_eq!(err(render("😀ä{{Nimi", &p)), (ErrorCode::UnclosedPlaceholder, Location::Offset(6)));
        assert_eq!(render("{{Ключ}}", &[("Ключ", "значение")]).unwrap(), "значение");
    }

    #[test]
    fn values_are_not_rescanned() {
        let p = [("a", "{{x}}"), ("x", "boom")];
        assert_eq!(render("<{{a}}>", &p).unwrap(), "<{{x}}>");
        assert_eq!(render("{{a}}", &[("a", "{{")]).unwrap(), "{{");
        assert_eq!(render("{{a}}{{b}}", &[("a", "{{"), ("b", "}}")]).unwrap(), "{{}}");
    }

    #[test]
    fn repeated_placeholders_and_unused_parameters() {
        let p = [("A", "1"), ("B", "2"), ("unused", "3")];
        assert_eq!(render("{{A}}{{B}}{{A}}-{{ B }}", &p).unwrap(), "121-2");
        assert_eq!(render("{{A}}", &[("A", "")]).unwrap(), "");
    }

    #[test]
    fn duplicate_parameters() {
        let p = [("A", "1"), ("B", "2"), ("A", "1")];
        assert_eq!(err(render("{{A}}", &p)), (ErrorCode::DuplicateKey, Location::Index(2)));
        // Checked even when the template uses no placeholder.
        assert_eq!(err(render("plain", &p)).0, ErrorCode::DuplicateKey);
    }

    #[test]
    fn placeholder_listing() {
        assert_eq!(placeholders("").unwrap(), Vec::<String>::new());
        assert_eq!(placeholders("}} { }").unwrap(), Vec::<String>::new());
        assert_eq!(placeholders("Welcome to Room {{Room Number}}!").unwrap(), ["Room Number"]);
        assert_eq!(placeholders("{{ B }}{{A}}{{B}}😀{{ A}}").unwrap(), ["B", "A"]);
        assert_eq!(err(placeholders("ok {{A}} {{B")), (ErrorCode::UnclosedPlaceholder, Location::Offset(9)));
        assert_eq!(err(placeholders("{{ }}")).0, ErrorCode::UnclosedPlaceholder);
        assert_eq!(err(placeholders("{{a{}}")).0, ErrorCode::UnclosedPlaceholder);
    }
}
