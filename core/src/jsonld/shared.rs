//! Context stores kept across calls: the C and mobile APIs receive the caller's contexts with
//! every verification, and building a store per call would throw away its cache of processed
//! contexts (most of a Linked Data verification's work). The same contexts (byte for byte,
//! under the same [`Limits`]) get the same store back, so its cache serves every call.
//!
//! At most [`SHARED_STORES`] stores are kept (the oldest is dropped first), and only for
//! context texts up to [`MAX_SHARED_CONTEXT_BYTES`]: a larger set gets a store of its own, so
//! what the process keeps stays bounded whatever callers send. Errors are never kept.

use alloc::format;
use alloc::string::String;
use alloc::sync::Arc;
use alloc::vec::Vec;

use super::ContextStore;
use crate::error::Result;
use crate::limits::Limits;

/// Most stores kept for the process.
pub const SHARED_STORES: usize = 8;

/// Largest context text (all documents of one call together) whose store is kept.
pub const MAX_SHARED_CONTEXT_BYTES: usize = 64 * 1024;

struct Slot {
    key: String,
    limits: Limits,
    store: Arc<ContextStore>,
}

static SLOTS: spin::Mutex<Vec<Slot>> = spin::Mutex::new(Vec::new());

/// The kept store for `key` under `limits`, or a new one from `build`, kept when small enough.
/// The lock is held to look up or add a slot, never while a store is built.
fn shared(key: String, limits: &Limits, build: impl FnOnce() -> Result<ContextStore>) -> Result<Arc<ContextStore>> {
    if key.len() > MAX_SHARED_CONTEXT_BYTES {
        return build().map(Arc::new);
    }
    if let Some(slot) = SLOTS.lock().iter().find(|s| s.key == key && s.limits == *limits) {
        return Ok(Arc::clone(&slot.store));
    }
    let store = Arc::new(build()?);
    let mut slots = SLOTS.lock();
    if !slots.iter().any(|s| s.key == key && s.limits == *limits) {
        if slots.len() >= SHARED_STORES {
            slots.remove(0);
        }
        slots.push(Slot { key, limits: *limits, store: Arc::clone(&store) });
    }
    Ok(store)
}

impl ContextStore {
    /// [`ContextStore::bundled_with_json`], kept for the process: a later call with the same
    /// text and limits gets the same store, and with it every context it has processed.
    ///
    /// ```
    /// use ssi_verify_core::jsonld::ContextStore;
    /// use ssi_verify_core::Limits;
    /// let text = r#"{"https://example.org/c":{"@context":{"p":"http://ex/p"}}}"#;
    /// let a = ContextStore::shared_with_json(text, &Limits::DEFAULT).unwrap();
    /// let b = ContextStore::shared_with_json(text, &Limits::DEFAULT).unwrap();
    /// assert!(std::sync::Arc::ptr_eq(&a, &b) && a.contains("https://example.org/c"));
    /// ```
    ///
    /// # Errors
    /// Those of [`ContextStore::bundled_with_json`].
    pub fn shared_with_json(text: &str, limits: &Limits) -> Result<Arc<Self>> {
        shared(format!("J{text}"), limits, || Self::bundled_with_json(text, limits))
    }

    /// The bundled contexts plus `contexts` (URL, document text; registered in order, as
    /// [`ContextStore::register`]), kept for the process like
    /// [`ContextStore::shared_with_json`].
    ///
    /// ```
    /// use ssi_verify_core::jsonld::ContextStore;
    /// use ssi_verify_core::Limits;
    /// let docs = [("https://example.org/c", r#"{"@context":{"p":"http://ex/p"}}"#)];
    /// let a = ContextStore::shared_with(&docs, &Limits::DEFAULT).unwrap();
    /// assert!(std::sync::Arc::ptr_eq(&a, &ContextStore::shared_with(&docs, &Limits::DEFAULT).unwrap()));
    /// ```
    ///
    /// # Errors
    /// Those of [`ContextStore::register`].
    pub fn shared_with(contexts: &[(&str, &str)], limits: &Limits) -> Result<Arc<Self>> {
        // Length-prefixed, so two different lists never make the same key.
        let mut key = String::from("P");
        for (url, document) in contexts {
            key.push_str(&format!("{}:{url}{}:{document}", url.len(), document.len()));
        }
        shared(key, limits, || {
            let mut store = Self::bundled();
            for (url, document) in contexts {
                store.register(url, document, limits)?;
            }
            Ok(store)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn same_contexts_same_store_other_limits_or_text_another() {
        let text = r#"{"https://example.org/shared-test":{"@context":{"p":"http://ex/p"}}}"#;
        let a = ContextStore::shared_with_json(text, &Limits::DEFAULT).unwrap();
        let b = ContextStore::shared_with_json(text, &Limits::DEFAULT).unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        let other = Limits { max_items: 10_000, ..Limits::DEFAULT };
        let c = ContextStore::shared_with_json(text, &other).unwrap();
        assert!(!Arc::ptr_eq(&a, &c));
        // Kept beside the store for the same text under the default limits.
        assert!(Arc::ptr_eq(&c, &ContextStore::shared_with_json(text, &other).unwrap()));
        let pairs = [("https://example.org/shared-test", r#"{"@context":{"p":"http://ex/p"}}"#)];
        let c = ContextStore::shared_with(&pairs, &Limits::DEFAULT).unwrap();
        assert!(!Arc::ptr_eq(&a, &c) && c.contains("https://example.org/shared-test"));
    }

    #[test]
    fn errors_are_not_kept_and_large_sets_are_not_shared() {
        for _ in 0..2 {
            let e =
                ContextStore::shared_with_json(r#"{"https://example.org/x":"text"}"#, &Limits::DEFAULT).unwrap_err();
            assert_eq!(e.code(), ErrorCode::UnexpectedJsonType);
        }
        let big = format!(r#"{{"https://example.org/big":{{"@context":{{"p":"http://ex/{}"}}}}}}"#, "a".repeat(70_000));
        let a = ContextStore::shared_with_json(&big, &Limits::DEFAULT).unwrap();
        let b = ContextStore::shared_with_json(&big, &Limits::DEFAULT).unwrap();
        assert!(!Arc::ptr_eq(&a, &b));
    }

    #[test]
    fn the_size_bound_is_exact() {
        // The key is the text behind one tag byte, so a text one byte under the bound is kept.
        let text = |len: usize| {
            let (head, tail) = (r#"{"https://example.org/edge":{"@context":{"p":"http://ex/"#, r#""}}}"#);
            format!("{head}{}{tail}", "a".repeat(len - head.len() - tail.len()))
        };
        // 64 KiB, written out so that the test pins the documented figure, not the constant.
        assert_eq!(MAX_SHARED_CONTEXT_BYTES, 65_536);
        let kept = text(65_535);
        let a = ContextStore::shared_with_json(&kept, &Limits::DEFAULT).unwrap();
        assert!(Arc::ptr_eq(&a, &ContextStore::shared_with_json(&kept, &Limits::DEFAULT).unwrap()));
        let not_kept = text(65_536);
        let b = ContextStore::shared_with_json(&not_kept, &Limits::DEFAULT).unwrap();
        assert!(!Arc::ptr_eq(&b, &ContextStore::shared_with_json(&not_kept, &Limits::DEFAULT).unwrap()));
    }

    #[test]
    fn at_most_shared_stores_are_kept() {
        let texts: Vec<String> = (0..=SHARED_STORES)
            .map(|i| format!(r#"{{"https://example.org/evict-{i}":{{"@context":{{}}}}}}"#))
            .collect();
        let first = ContextStore::shared_with_json(&texts[0], &Limits::DEFAULT).unwrap();
        for t in &texts[1..] {
            ContextStore::shared_with_json(t, &Limits::DEFAULT).unwrap();
        }
        assert!(SLOTS.lock().len() <= SHARED_STORES);
        // Other tests share the slots, so the first may or may not still be there; a store
        // that is handed out is always a correct one.
        assert!(ContextStore::shared_with_json(&texts[0], &Limits::DEFAULT)
            .unwrap()
            .contains("https://example.org/evict-0"));
        assert!(first.contains("https://example.org/evict-0"));
    }
}
