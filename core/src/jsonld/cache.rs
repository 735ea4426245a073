//! Processed active contexts kept by a [`ContextStore`](super::ContextStore) for every expansion
//! over it: the document and the proof configuration of a Data Integrity proof name the same
//! contexts, and every credential of a kind applies the same type- and property-scoped contexts
//! to the same active context, so processing each once is most of the work of a verification.
//!
//! An entry is the result of the Context Processing Algorithm for one input: the active context
//! it started from (the initial context of a base IRI, or an active context that is itself a
//! cached result, compared by identity), the local context (a context reference list compared
//! by value, or a term's scoped context compared by the identity of its term definition), the
//! base URL, the `overrideProtected` and `propagate` flags, and the whole [`Limits`]. Processing
//! is a function of exactly these, so a hit is what processing again would give. Only results
//! are kept, never errors (an input that fails is processed, and fails, every time). An entry
//! records the work its processing charged; a hit charges it again, and when that would pass
//! [`Limits::max_jsonld_work`] the caller processes for real, so the budget stops a document at
//! the same step and with the same error as without the cache. At most [`CAPACITY`] entries
//! are kept (the oldest is dropped first), each no larger than one expansion may build under the
//! limits it was made with.

use alloc::string::String;
use alloc::sync::Arc;
use alloc::vec::Vec;

use super::active::{ActiveContext, TermDef};
use crate::json::Value;
use crate::limits::Limits;

/// Most entries one store keeps: the Linked Data credentials measured need about a dozen.
pub(crate) const CAPACITY: usize = 64;

/// The active context a processing started from.
#[derive(Clone, Copy)]
pub(crate) enum From<'a> {
    /// The initial context of an expansion with this base IRI.
    Initial(Option<&'a str>),
    /// An active context, by identity.
    Context(&'a Arc<ActiveContext>),
}

/// The local context processed.
#[derive(Clone, Copy)]
pub(crate) enum Local<'a> {
    /// A context given in the document: cached only when it is a URL or a list of URLs (a small
    /// key; an inline context object is processed every time).
    Refs(&'a Value),
    /// The scoped context of a term definition, by the definition's identity.
    Scoped(&'a Arc<TermDef>),
}

#[derive(Clone)]
enum OwnedFrom {
    Initial(Option<String>),
    Context(Arc<ActiveContext>),
}

#[derive(Clone)]
enum OwnedLocal {
    Refs(Value),
    Scoped(Arc<TermDef>),
}

#[derive(Clone)]
struct Entry {
    from: OwnedFrom,
    local: OwnedLocal,
    base_url: Option<String>,
    override_protected: bool,
    propagate: bool,
    limits: Limits,
    result: Arc<ActiveContext>,
    work: usize,
}

/// The inputs of one processing, compared against the entries.
pub(crate) struct Query<'a> {
    pub from: From<'a>,
    pub local: Local<'a>,
    pub base_url: Option<&'a str>,
    pub override_protected: bool,
    pub propagate: bool,
    pub limits: &'a Limits,
}

impl Query<'_> {
    /// Whether the local context may be a key at all.
    pub fn cacheable(&self) -> bool {
        match self.local {
            Local::Refs(Value::String(_)) => true,
            Local::Refs(Value::Array(a)) => a.iter().all(|v| matches!(v, Value::String(_))),
            Local::Refs(_) => false,
            Local::Scoped(_) => true,
        }
    }

    fn matches(&self, e: &Entry) -> bool {
        let from = match (self.from, &e.from) {
            (From::Initial(a), OwnedFrom::Initial(b)) => a == b.as_deref(),
            (From::Context(a), OwnedFrom::Context(b)) => Arc::ptr_eq(a, b),
            _ => false,
        };
        let local = match (self.local, &e.local) {
            (Local::Refs(a), OwnedLocal::Refs(b)) => a == b,
            (Local::Scoped(a), OwnedLocal::Scoped(b)) => Arc::ptr_eq(a, b),
            _ => false,
        };
        from && local
            && self.base_url == e.base_url.as_deref()
            && self.override_protected == e.override_protected
            && self.propagate == e.propagate
            && *self.limits == e.limits
    }
}

/// The cache of one store (shared by the threads that use the store; a lock held only to look
/// up or add an entry, never while processing).
#[derive(Default)]
pub(crate) struct ContextCache {
    entries: spin::Mutex<Vec<Entry>>,
}

impl ContextCache {
    /// The cached result of `q` and the work its processing charged.
    pub fn find(&self, q: &Query<'_>) -> Option<(Arc<ActiveContext>, usize)> {
        let entries = self.entries.lock();
        entries.iter().find(|e| q.matches(e)).map(|e| (Arc::clone(&e.result), e.work))
    }

    /// Keeps `result`, the processing of `q` that charged `work`. Only a processing that started
    /// from an initial context or from a cached result is kept: an active context made by one
    /// document alone would never be looked up again.
    pub fn insert(&self, q: &Query<'_>, result: &Arc<ActiveContext>, work: usize) {
        if !q.cacheable() {
            return;
        }
        let mut entries = self.entries.lock();
        let from = match q.from {
            From::Initial(base) => OwnedFrom::Initial(base.map(String::from)),
            From::Context(c) => {
                if !entries.iter().any(|e| Arc::ptr_eq(&e.result, c)) {
                    return;
                }
                OwnedFrom::Context(Arc::clone(c))
            }
        };
        if entries.iter().any(|e| q.matches(e)) {
            return;
        }
        let local = match q.local {
            Local::Refs(v) => OwnedLocal::Refs(v.clone()),
            Local::Scoped(d) => OwnedLocal::Scoped(Arc::clone(d)),
        };
        if entries.len() >= CAPACITY {
            entries.remove(0);
        }
        entries.push(Entry {
            from,
            local,
            base_url: q.base_url.map(String::from),
            override_protected: q.override_protected,
            propagate: q.propagate,
            limits: *q.limits,
            result: Arc::clone(result),
            work,
        });
    }

    /// A private copy of the entries, for a store that adds documents to those this cache's
    /// entries were made from (they stay what processing would give).
    pub fn snapshot(&self) -> Self {
        Self { entries: spin::Mutex::new(self.entries.lock().clone()) }
    }

    /// How many entries are kept.
    pub fn len(&self) -> usize {
        self.entries.lock().len()
    }
}

impl PartialEq for ContextCache {
    /// Caches do not make two stores different: they serve the same documents.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for ContextCache {}

// A panic cannot leave the cache inconsistent: an entry is complete before it is added, and the
// lock is held only to look up, add or drop entries. So a store stays usable across
// `catch_unwind` (the C functions' panic boundary), as it was before it had a cache.
impl core::panic::UnwindSafe for ContextCache {}
impl core::panic::RefUnwindSafe for ContextCache {}

impl core::fmt::Debug for ContextCache {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "ContextCache({} entries)", self.len())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{to_nquads, to_rdf, ContextStore, Options};
    use crate::error::{ErrorCode, Result};
    use crate::json::Value;
    use crate::limits::Limits;
    use alloc::string::String;

    /// A VC 2.0 credential: the bundled contexts with type- and property-scoped contexts.
    const VC: &str = r#"{
      "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
      "type": ["VerifiableCredential", "ExampleAlumniCredential"],
      "issuer": "did:example:issuer", "validFrom": "2026-01-01T00:00:00Z",
      "credentialSubject": {"id": "did:example:alice", "alumniOf": "Example University"}
    }"#;

    fn nquads(src: &str, store: &ContextStore, limits: &Limits) -> Result<String> {
        let doc = Value::parse(src, &Limits::DEFAULT).unwrap();
        let options = Options { safe_mode: true, ..Options::default() };
        to_rdf(&doc, store, &options, limits).map(|q| to_nquads(&q))
    }

    #[test]
    fn a_cached_context_gives_what_processing_gives() {
        let warm = ContextStore::bundled().private();
        let first = nquads(VC, &warm, &Limits::DEFAULT).unwrap();
        let kept = warm.cache().len();
        assert!(kept >= 2, "{kept}");
        // The document context and the type-scoped context of `VerifiableCredential`; the
        // second expansion hits both and adds none.
        assert_eq!(nquads(VC, &warm, &Limits::DEFAULT).unwrap(), first);
        assert_eq!(warm.cache().len(), kept);
        assert_eq!(nquads(VC, &ContextStore::bundled().private(), &Limits::DEFAULT).unwrap(), first);
        // Other limits are another key: the same result, new entries.
        let other = Limits { max_quads: 1000, ..Limits::DEFAULT };
        assert_eq!(nquads(VC, &warm, &other).unwrap(), first);
        assert!(warm.cache().len() > kept);
    }

    #[test]
    fn a_cache_does_not_make_two_stores_differ() {
        let warm = ContextStore::bundled().private();
        nquads(VC, &warm, &Limits::DEFAULT).unwrap();
        let kept = warm.cache().len();
        assert!(kept > 0);
        assert_eq!(warm, ContextStore::bundled().private());
        assert_eq!(alloc::format!("{:?}", warm.cache()), alloc::format!("ContextCache({kept} entries)"));
    }

    #[test]
    fn a_hit_charges_the_work_it_skips() {
        // Under every budget, a warm store stops a document exactly where a fresh one does.
        let warm = ContextStore::bundled().private();
        let mut outcomes = (0, 0);
        for budget in (200..6000).step_by(97) {
            let limits = Limits { max_jsonld_work: budget, ..Limits::DEFAULT };
            let run = |store: &ContextStore| -> core::result::Result<String, (ErrorCode, String)> {
                nquads(VC, store, &limits).map_err(|e| (e.code(), String::from(e.detail())))
            };
            let fresh = run(&ContextStore::bundled().private());
            let cached = run(&warm);
            let again = run(&warm);
            assert_eq!(fresh, cached, "budget {budget}");
            assert_eq!(fresh, again, "budget {budget}");
            if fresh.is_ok() {
                outcomes.0 += 1;
            } else {
                outcomes.1 += 1;
            }
        }
        assert!(outcomes.0 > 0 && outcomes.1 > 0, "{outcomes:?}");
    }

    #[test]
    fn errors_are_never_cached_and_protected_terms_still_hold() {
        let store = ContextStore::bundled();
        let bad = r#"{"@context": ["https://www.w3.org/ns/credentials/v2", {"VerifiableCredential": "http://evil/VC"}],
          "type": "VerifiableCredential"}"#;
        for _ in 0..2 {
            let e = nquads(bad, &store, &Limits::DEFAULT).unwrap_err();
            assert_eq!((e.code(), e.detail()), (ErrorCode::InvalidJsonLd, "protected term redefinition"));
        }
        assert!(nquads(VC, &store, &Limits::DEFAULT).is_ok());
        let e = nquads(bad, &store, &Limits::DEFAULT).unwrap_err();
        assert_eq!(e.detail(), "protected term redefinition");
    }

    #[test]
    fn registering_empties_the_cache() {
        let mut store = ContextStore::bundled().private();
        let doc = r#"{"@context": "https://example.org/c", "@id": "http://ex/s", "p": "v"}"#;
        store.register("https://example.org/c", r#"{"@context": {"p": "http://ex/one"}}"#, &Limits::DEFAULT).unwrap();
        let one = nquads(doc, &store, &Limits::DEFAULT).unwrap();
        assert_eq!(store.cache().len(), 1);
        store.register("https://example.org/c", r#"{"@context": {"p": "http://ex/two"}}"#, &Limits::DEFAULT).unwrap();
        assert_eq!(store.cache().len(), 0);
        let two = nquads(doc, &store, &Limits::DEFAULT).unwrap();
        assert_ne!(one, two);
        assert!(two.contains("http://ex/two"));
        // A copy of a store serves the same documents, so it shares the cache.
        let copy = store.clone();
        assert!(copy == store && core::ptr::eq(copy.cache(), store.cache()));
    }

    #[test]
    fn inline_context_objects_are_not_kept() {
        let store = ContextStore::bundled().private();
        let doc = r#"{"@context": {"p": "http://ex/p"}, "@id": "http://ex/s", "p": "v"}"#;
        nquads(doc, &store, &Limits::DEFAULT).unwrap();
        assert_eq!(store.cache().len(), 0);
    }

    #[test]
    fn bundled_stores_share_one_cache_and_registrations_stay_private() {
        let first = nquads(VC, &ContextStore::bundled(), &Limits::DEFAULT).unwrap();
        // Another bundled store (a later C or mobile call) finds what the first one processed.
        let later = ContextStore::bundled();
        assert!(later.cache().len() >= 2);
        assert_eq!(nquads(VC, &later, &Limits::DEFAULT).unwrap(), first);
        // A store that adds a document keeps a private copy of the shared entries ...
        let mut added = ContextStore::bundled();
        added.register("https://example.org/c", r#"{"@context": {"p": "http://ex/one"}}"#, &Limits::DEFAULT).unwrap();
        assert!(!core::ptr::eq(added.cache(), later.cache()) && added.cache().len() >= 2);
        let doc = r#"{"@context": "https://example.org/c", "@id": "http://ex/s", "p": "v"}"#;
        nquads(doc, &added, &Limits::DEFAULT).unwrap();
        // ... so what it processed never reaches the shared cache: a bundled store still does
        // not know the URL.
        let e = nquads(doc, &ContextStore::bundled(), &Limits::DEFAULT).unwrap_err();
        assert_eq!(e.code(), ErrorCode::UnknownContext);
        // One that replaces a bundled document starts empty.
        let mut replaced = ContextStore::bundled();
        let v2 = "https://www.w3.org/ns/credentials/v2";
        replaced.register(v2, r#"{"@context": {"@version": 1.1}}"#, &Limits::DEFAULT).unwrap();
        assert_eq!(replaced.cache().len(), 0);
    }
}
