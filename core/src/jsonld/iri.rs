//! IRI helpers: keyword tests, absolute-IRI tests and RFC 3986 section 5.2 reference
//! resolution (the only IRI processing JSON-LD asks for).

use alloc::string::String;

/// The JSON-LD 1.1 keywords.
const KEYWORDS: &[&str] = &[
    "@base",
    "@container",
    "@context",
    "@direction",
    "@graph",
    "@id",
    "@import",
    "@included",
    "@index",
    "@json",
    "@language",
    "@list",
    "@nest",
    "@none",
    "@prefix",
    "@propagate",
    "@protected",
    "@reverse",
    "@set",
    "@type",
    "@value",
    "@version",
    "@vocab",
];

/// Whether `s` is a JSON-LD keyword.
pub(crate) fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

/// Whether `s` has the form of a keyword (`@` and one or more ASCII letters): such terms are
/// reserved for future keywords and ignored.
pub(crate) fn has_keyword_form(s: &str) -> bool {
    s.strip_prefix('@').is_some_and(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// The length of the scheme if `s` starts with `scheme ":"`.
fn scheme_len(s: &str) -> Option<usize> {
    let colon = s.find(':')?;
    let scheme = s.get(..colon)?;
    let mut bytes = scheme.bytes();
    let first_ok = bytes.next().is_some_and(|b| b.is_ascii_alphabetic());
    (first_ok && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))).then_some(colon)
}

/// Whether `s` is an absolute IRI (has a scheme).
pub(crate) fn is_absolute(s: &str) -> bool {
    scheme_len(s).is_some()
}

/// Whether `s` is a blank node identifier.
pub(crate) fn is_blank(s: &str) -> bool {
    s.starts_with("_:")
}

/// Whether `s` is an absolute IRI that N-Quads can write: a scheme and none of the characters
/// the IRIREF production excludes.
pub(crate) fn is_well_formed_iri(s: &str) -> bool {
    is_absolute(s)
        && s.matches('#').count() <= 1
        && !s.chars().any(|c| c <= ' ' || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`'))
}

/// Whether `s` is a well-formed BCP 47 language tag in the simple `alpha{1,8}(-alnum{1,8})*`
/// shape RDF uses.
pub(crate) fn is_well_formed_language(s: &str) -> bool {
    let mut parts = s.split('-');
    let first_ok =
        parts.next().is_some_and(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Whether an IRI ends in a generic delimiter (which makes a term usable as a prefix).
pub(crate) fn ends_with_gen_delim(s: &str) -> bool {
    s.ends_with([':', '/', '?', '#', '[', ']', '@'])
}

struct Parts<'s> {
    scheme: Option<&'s str>,
    authority: Option<&'s str>,
    path: &'s str,
    query: Option<&'s str>,
    fragment: Option<&'s str>,
}

fn split(s: &str) -> Parts<'_> {
    let (scheme, rest) = match scheme_len(s) {
        Some(n) => (s.get(..n), s.get(n + 1..).unwrap_or("")),
        None => (None, s),
    };
    let (rest, fragment) = match rest.split_once('#') {
        Some((a, f)) => (a, Some(f)),
        None => (rest, None),
    };
    let (rest, query) = match rest.split_once('?') {
        Some((a, q)) => (a, Some(q)),
        None => (rest, None),
    };
    let (authority, path) = match rest.strip_prefix("//") {
        Some(r) => {
            let end = r.find('/').unwrap_or(r.len());
            (r.get(..end), r.get(end..).unwrap_or(""))
        }
        None => (None, rest),
    };
    Parts { scheme, authority, path, query, fragment }
}

/// RFC 3986 section 5.2.4.
fn remove_dot_segments(path: &str) -> String {
    let mut input = path;
    let mut out = String::with_capacity(path.len());
    // Each round consumes at least one byte of `input`, so the loop is bounded by its length.
    while !input.is_empty() {
        if let Some(r) = input.strip_prefix("../") {
            input = r;
        } else if let Some(r) = input.strip_prefix("./") {
            input = r;
        } else if input.starts_with("/./") {
            input = input.get(2..).unwrap_or("");
        } else if input == "/." {
            input = "/";
        } else if input.starts_with("/../") || input == "/.." {
            input = if input == "/.." { "/" } else { input.get(3..).unwrap_or("") };
            let cut = out.rfind('/').unwrap_or(0);
            out.truncate(cut);
        } else if input == "." || input == ".." {
            input = "";
        } else {
            let start = usize::from(input.starts_with('/'));
            let end = input.get(start..).and_then(|r| r.find('/')).map_or(input.len(), |i| i + start);
            out.push_str(input.get(..end).unwrap_or(""));
            input = input.get(end..).unwrap_or("");
        }
    }
    out
}

/// Resolves `reference` against `base` (RFC 3986 section 5.2.2); without a base the reference
/// is returned unchanged.
pub(crate) fn resolve(base: Option<&str>, reference: &str) -> String {
    let Some(base) = base else { return String::from(reference) };
    let r = split(reference);
    let b = split(base);
    // With its own scheme or authority the reference keeps both and its own path and query;
    // the scheme alone comes from the base when the reference has none.
    let scheme = r.scheme.or(b.scheme);
    let (authority, path, query) = if r.scheme.is_some() || r.authority.is_some() {
        (r.authority, remove_dot_segments(r.path), r.query)
    } else if r.path.is_empty() {
        (b.authority, String::from(b.path), r.query.or(b.query))
    } else if r.path.starts_with('/') {
        (b.authority, remove_dot_segments(r.path), r.query)
    } else {
        let mut merged = String::new();
        if b.authority.is_some() && b.path.is_empty() {
            merged.push('/');
        } else if let Some(i) = b.path.rfind('/') {
            merged.push_str(b.path.get(..=i).unwrap_or(""));
        }
        merged.push_str(r.path);
        (b.authority, remove_dot_segments(&merged), r.query)
    };
    let mut out = String::with_capacity(base.len() + reference.len());
    if let Some(s) = scheme {
        out.push_str(s);
        out.push(':');
    }
    if let Some(a) = authority {
        out.push_str("//");
        out.push_str(a);
    }
    out.push_str(&path);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    if let Some(f) = r.fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_in_the_rdf_shape() {
        for good in ["en", "en-US", "zh-Hant-TW", "x-1", "abcdefgh-12345678", "de-1996"] {
            assert!(is_well_formed_language(good), "{good}");
        }
        for bad in ["", "en-", "-en", "en-!", "en--US", "abcdefghi", "en-123456789", "1en", "en_US", "en-US-"] {
            assert!(!is_well_formed_language(bad), "{bad}");
        }
    }

    #[test]
    fn dot_segments_up_a_level() {
        for (path, want) in [
            ("/a/b/..", "/a/"),
            ("/a/b/../c", "/a/c"),
            ("/a/b/../../c", "/c"),
            ("/..", "/"),
            ("/a/./b/.", "/a/b/"),
            ("a/..", "/"),
            (".", ""),
            ("..", ""),
            ("/a/.", "/a/"),
            ("/a/b/c", "/a/b/c"),
        ] {
            assert_eq!(remove_dot_segments(path), want, "{path}");
        }
    }

    #[test]
    fn rfc3986_examples() {
        let base = Some("http://a/b/c/d;p?q");
        for (r, want) in [
            ("g:h", "g:h"),
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            ("g/../h", "http://a/b/c/h"),
            ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
        ] {
            assert_eq!(resolve(base, r), want, "{r}");
        }
        assert_eq!(resolve(None, "g"), "g");
    }

    #[test]
    fn forms() {
        assert!(has_keyword_form("@foo") && !has_keyword_form("@") && !has_keyword_form("@foo1"));
        assert!(is_absolute("urn:x") && !is_absolute("1x:y") && !is_absolute("rel/x"));
        assert!(!is_well_formed_iri("http://a b") && is_well_formed_iri("http://a/b"));
        assert!(is_well_formed_language("en-US") && !is_well_formed_language("en US"));
    }
}
