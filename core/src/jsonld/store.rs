//! The contexts a document may use: the bundled, hash-pinned set plus the caller's own.

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::sync::Arc;
use alloc::vec::Vec;

use super::cache::ContextCache;

use crate::error::{Error, ErrorCode, Result};
use crate::json::Value;
use crate::limits::Limits;

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled_contexts.rs"));
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Source {
    /// A context compiled into the library, by its index in `BUNDLED` (parsed once per process,
    /// when an expansion first uses it).
    Static(usize),
    /// A document the caller registered (shared, not copied, by every expansion that loads it).
    Parsed(Arc<Value>),
}

/// The cache of every store that serves the bundled documents alone: the verifications of a
/// process that use only bundled contexts (the C and mobile APIs build a store per call) share
/// what any of them processed.
static BUNDLED_CACHE: spin::Once<Arc<ContextCache>> = spin::Once::new();

/// The bundled documents parsed, one slot per entry of `BUNDLED`, filled on first use. They are
/// parsed under [`Limits::DEFAULT`]; `None` if one did not parse (the build checks they do).
static PARSED: spin::Once<Vec<spin::Once<Option<Arc<Value>>>>> = spin::Once::new();

/// The bundled document at `index`, parsed once for the whole process.
fn parsed_once(index: usize, text: &str) -> Option<Arc<Value>> {
    let slots = PARSED.call_once(|| bundled::BUNDLED.iter().map(|_| spin::Once::new()).collect());
    slots.get(index)?.call_once(|| Value::parse(text, &Limits::DEFAULT).ok().map(Arc::new)).clone()
}

/// Whether `limits` parse at least what [`Limits::DEFAULT`] parses: a document that parses under
/// the defaults then parses to the same value (the parser's result does not depend on its
/// limits, only whether it stops).
fn parses_like_default(limits: &Limits) -> bool {
    let d = Limits::DEFAULT;
    limits.max_input_bytes >= d.max_input_bytes
        && limits.depth() >= d.depth()
        && limits.max_items >= d.max_items
        && limits.max_string_bytes >= d.max_string_bytes
}

/// The context documents an expansion may dereference, by URL. Nothing outside it is ever
/// loaded: a context URL not in the store is [`ErrorCode::UnknownContext`].
///
/// The store is `Send` and `Sync`: one store can serve every verification of a process. It
/// keeps the contexts it has processed (see `jsonld/cache.rs` and docs/DESIGN.md): keeping one
/// store for many verifications makes every one after the first faster.
///
/// [`ContextStore::bundled`] starts from the contexts compiled into the library, whose SHA-256
/// the build checked against the pinned digests (`core/contexts/contexts.json`).
///
/// ```
/// use ssi_verify_core::jsonld::ContextStore;
/// use ssi_verify_core::Limits;
/// let mut store = ContextStore::bundled();
/// assert!(store.contains("https://www.w3.org/2018/credentials/v1"));
/// store.register("https://example.org/ctx", r#"{"@context":{"name":"https://schema.org/name"}}"#, &Limits::DEFAULT).unwrap();
/// assert!(store.contains("https://example.org/ctx"));
/// assert!(!store.contains("https://example.org/other"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContextStore {
    docs: BTreeMap<String, Source>,
    /// Processed contexts; emptied when a document is registered.
    cache: Arc<ContextCache>,
}

impl ContextStore {
    /// An empty store (no bundled contexts).
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// A store holding every bundled context.
    #[must_use]
    pub fn bundled() -> Self {
        let docs = bundled::BUNDLED
            .iter()
            .enumerate()
            .map(|(i, (url, _, _, _))| (String::from(*url), Source::Static(i)))
            .collect();
        Self { docs, cache: Arc::clone(BUNDLED_CACHE.call_once(|| Arc::new(ContextCache::default()))) }
    }

    /// The bundled contexts: URL, file name and pinned SHA-256 (hex) of each.
    ///
    /// ```
    /// let list = ssi_verify_core::jsonld::ContextStore::bundled_list();
    /// assert!(list.iter().any(|(url, _, _)| *url == "https://www.w3.org/ns/credentials/v2"));
    /// ```
    #[must_use]
    pub fn bundled_list() -> alloc::vec::Vec<(&'static str, &'static str, &'static str)> {
        bundled::BUNDLED.iter().map(|(url, file, sha, _)| (*url, *file, *sha)).collect()
    }

    /// Registers (or replaces) the document served at `url`: a JSON object whose `@context`
    /// member is the context.
    ///
    /// # Errors
    /// The JSON parser's errors for `document`, within `limits`.
    pub fn register(&mut self, url: &str, document: &str, limits: &Limits) -> Result<()> {
        let value = Value::parse(document, limits)?;
        self.register_value(url, value);
        Ok(())
    }

    /// Registers (or replaces) an already parsed document for `url`.
    ///
    /// ```
    /// use ssi_verify_core::jsonld::ContextStore;
    /// use ssi_verify_core::{json::Value, Limits};
    /// let mut store = ContextStore::new();
    /// store.register_value("https://example.org/c", Value::parse(r#"{"@context":{}}"#, &Limits::DEFAULT).unwrap());
    /// assert!(store.contains("https://example.org/c"));
    /// ```
    pub fn register_value(&mut self, url: &str, document: Value) {
        let replaced = self.docs.insert(String::from(url), Source::Parsed(Arc::new(document))).is_some();
        // A cached context may have loaded the document this replaces: then start empty. A new
        // URL leaves every entry what processing would give, so a private copy keeps them; either
        // way this store's own documents never reach a cache other stores share.
        self.cache = Arc::new(if replaced { ContextCache::default() } else { self.cache.snapshot() });
    }

    /// The bundled contexts plus those of `text`, a JSON object mapping each URL to its context
    /// document (`{"https://example.org/ctx/v1": {"@context": {…}}}`), the form the C and
    /// mobile APIs take. Empty text is the bundled set alone.
    ///
    /// ```
    /// use ssi_verify_core::jsonld::ContextStore;
    /// use ssi_verify_core::{ErrorCode, Limits};
    /// let s = ContextStore::bundled_with_json(r#"{"https://example.org/c":{"@context":{}}}"#, &Limits::DEFAULT).unwrap();
    /// assert!(s.contains("https://example.org/c") && s.contains("https://www.w3.org/ns/credentials/v2"));
    /// let e = ContextStore::bundled_with_json(r#"{"https://example.org/c":"text"}"#, &Limits::DEFAULT).unwrap_err();
    /// assert_eq!(e.code(), ErrorCode::UnexpectedJsonType);
    /// ```
    ///
    /// # Errors
    /// JSON errors; [`ErrorCode::UnexpectedJsonType`] when `text` is not an object of objects
    /// (located by the member's index).
    pub fn bundled_with_json(text: &str, limits: &Limits) -> Result<Self> {
        let mut store = Self::bundled();
        if text.trim().is_empty() {
            return Ok(store);
        }
        let doc = Value::parse(text, limits)?;
        let members = doc.as_object().ok_or_else(|| {
            Error::new(ErrorCode::UnexpectedJsonType, "contexts are a JSON object mapping URLs to context documents")
        })?;
        for (i, (url, document)) in members.iter().enumerate() {
            if document.as_object().is_none() {
                return Err(
                    Error::new(ErrorCode::UnexpectedJsonType, "a context document is a JSON object").at_index(i)
                );
            }
            store.register_value(url, document.clone());
        }
        Ok(store)
    }

    /// Whether a document is known for `url`.
    #[must_use]
    pub fn contains(&self, url: &str) -> bool {
        self.docs.contains_key(url)
    }

    /// The document for `url`, parsed (shared, not copied).
    pub(crate) fn load(&self, url: &str, limits: &Limits) -> Result<Arc<Value>> {
        match self.docs.get(url) {
            None => Err(Error::new(ErrorCode::UnknownContext, "context URL is neither bundled nor registered")),
            Some(Source::Parsed(v)) => Ok(Arc::clone(v)),
            Some(Source::Static(i)) => {
                let text = bundled::BUNDLED.get(*i).map_or("", |b| b.3);
                if parses_like_default(limits) {
                    if let Some(v) = parsed_once(*i, text) {
                        return Ok(v);
                    }
                }
                // Tighter limits than the defaults still apply to the bundled documents.
                Value::parse(text, limits).map(Arc::new)
            }
        }
    }

    /// The processed contexts of this store.
    pub(crate) fn cache(&self) -> &ContextCache {
        &self.cache
    }

    /// This store with a cache of its own (the tests compare against processing from scratch).
    #[cfg(test)]
    pub(crate) fn private(mut self) -> Self {
        self.cache = Arc::new(ContextCache::default());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    #[test]
    fn bundled_documents_match_their_pins_and_parse() {
        assert!(bundled::BUNDLED.len() >= 17);
        for (url, file, sha, text) in bundled::BUNDLED {
            let digest = Sha256::digest(text.as_bytes());
            let hex: String = digest.iter().map(|b| alloc::format!("{b:02x}")).collect();
            assert_eq!(&hex, sha, "{file}");
            let doc = ContextStore::bundled().load(url, &Limits::DEFAULT).unwrap();
            assert!(doc.get("@context").is_some(), "{url}");
        }
    }

    #[test]
    fn contains_only_what_was_bundled_or_registered() {
        let mut store = ContextStore::bundled();
        assert!(store.contains("https://www.w3.org/ns/credentials/v2"));
        assert!(!store.contains("https://example.org/registered"));
        store.register("https://example.org/registered", r#"{"@context":{}}"#, &Limits::DEFAULT).unwrap();
        assert!(store.contains("https://example.org/registered"));
        assert!(!ContextStore::new().contains("https://www.w3.org/ns/credentials/v2"));
    }

    #[test]
    fn store_is_send_and_sync() {
        fn shared<T: Send + Sync>(_: &T) {}
        shared(&ContextStore::bundled());
    }

    #[test]
    fn bundled_documents_are_parsed_once_and_shared() {
        let url = "https://www.w3.org/ns/credentials/v2";
        let a = ContextStore::bundled().load(url, &Limits::DEFAULT).unwrap();
        let b = ContextStore::bundled().load(url, &Limits { max_items: usize::MAX, ..Limits::DEFAULT }).unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        // Tighter limits than the defaults still refuse what they refused before.
        let text = bundled::BUNDLED.iter().find(|b| b.0 == url).unwrap().3;
        for tight in [Limits { max_items: 10, ..Limits::DEFAULT }, Limits { max_depth: 2, ..Limits::DEFAULT }] {
            let e = ContextStore::bundled().load(url, &tight).unwrap_err();
            assert_eq!(e, Value::parse(text, &tight).unwrap_err());
        }
        let mut store = ContextStore::new();
        store.register("https://ex/c", r#"{"@context":{}}"#, &Limits::DEFAULT).unwrap();
        let (c, d) = (
            store.load("https://ex/c", &Limits::DEFAULT).unwrap(),
            store.load("https://ex/c", &Limits::DEFAULT).unwrap(),
        );
        assert!(Arc::ptr_eq(&c, &d));
    }

    #[test]
    fn unknown_url_is_unknown_context() {
        let store = ContextStore::bundled();
        let e = store.load("https://example.org/nope", &Limits::DEFAULT).unwrap_err();
        assert_eq!(e.code(), ErrorCode::UnknownContext);
    }
}
