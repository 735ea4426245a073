//! Context processing (JSON-LD 1.1 API section 4.1), term definitions (4.2) and IRI expansion
//! (5.2).
//!
//! The algorithms recurse (a context may load another, a term's scoped context is checked when
//! the term is defined); every such step goes through [`Processor::enter`], which bounds the
//! chain by [`Limits::max_context_depth`], and [`Processor::tick`], which bounds the total work.

use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use alloc::sync::Arc;
use alloc::vec::Vec;

pub(crate) use super::active::{ActiveContext, TermDef};
use super::cache;
use super::iri::{ends_with_gen_delim, has_keyword_form, is_absolute, is_blank, is_keyword, resolve};
use super::store::ContextStore;
use crate::error::{Error, ErrorCode, Result};
use crate::json::Value;
use crate::limits::Limits;

/// A JSON-LD error with the specification's error code as its detail.
pub(crate) fn err(code: &'static str) -> Error {
    Error::new(ErrorCode::InvalidJsonLd, code)
}

/// The state of one expansion: the store, the limits and the work counter.
pub(crate) struct Processor<'a> {
    pub store: &'a ContextStore,
    pub limits: &'a Limits,
    /// Data Integrity context validation: a dropped term is an error.
    pub safe: bool,
    work: usize,
    /// Remote context documents already loaded, by URL.
    docs: BTreeMap<String, Arc<Value>>,
    /// The initial context of the expansion, once made.
    initial: Option<Arc<ActiveContext>>,
}

/// The term definitions being created from one local context.
struct Local<'l> {
    entries: &'l [(String, Value)],
    defined: BTreeMap<String, bool>,
    base_url: Option<&'l str>,
    protected: bool,
    override_protected: bool,
    remote: &'l [String],
    depth: usize,
}

impl Local<'_> {
    fn get(&self, key: &str) -> Option<&Value> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

fn member<'v>(obj: &'v [(String, Value)], key: &str) -> Option<&'v Value> {
    obj.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// JSON-LD documents nest at most this many levels, whatever [`Limits::max_depth`] allows.
pub(crate) const MAX_JSONLD_NESTING: usize = 64;

const VALID_CONTAINERS: &[&str] = &["@graph", "@id", "@index", "@language", "@list", "@set", "@type"];

impl<'a> Processor<'a> {
    pub fn new(store: &'a ContextStore, limits: &'a Limits, safe: bool) -> Self {
        Self { store, limits, safe, work: 0, docs: BTreeMap::new(), initial: None }
    }

    /// Counts one unit of work against [`Limits::max_jsonld_work`].
    pub fn tick(&mut self) -> Result<()> {
        self.charge(1)
    }

    /// Counts `n` units of work (a step whose cost grows with a size, e.g. copying an active
    /// context or scanning a list), so no input makes the total quadratic in the budget.
    pub fn charge(&mut self, n: usize) -> Result<()> {
        self.work = self.work.saturating_add(n);
        if self.work > self.limits.max_jsonld_work {
            return Err(Error::new(ErrorCode::TooManyItems, "JSON-LD processing exceeds max_jsonld_work"));
        }
        Ok(())
    }

    /// The deepest recursion the expansion, node-map and list algorithms allow: twice the
    /// JSON depth (a non-array value is first wrapped in one), and never more than for 64
    /// levels whatever [`Limits::max_depth`] says, so the recursion fits a 2 MiB thread stack
    /// even in an unoptimized build.
    pub fn max_recursion(&self) -> usize {
        self.limits.depth().min(MAX_JSONLD_NESTING).saturating_mul(2).saturating_add(2)
    }

    /// The next depth of a context chain, bounded by [`Limits::max_context_depth`].
    pub fn enter(&self, depth: usize) -> Result<usize> {
        if depth >= self.limits.max_context_depth {
            return Err(Error::new(ErrorCode::NestingTooDeep, "JSON-LD context chain deeper than max_context_depth"));
        }
        Ok(depth + 1)
    }

    /// A remote context document (its `@context` member is the context), loaded once per
    /// processor and shared with the store, never copied.
    fn remote_document(&mut self, url: &str) -> Result<Arc<Value>> {
        if let Some(doc) = self.docs.get(url) {
            return Ok(Arc::clone(doc));
        }
        let doc = self.store.load(url, self.limits)?;
        if doc.get("@context").is_none() {
            return Err(err("invalid remote context"));
        }
        self.docs.insert(String::from(url), Arc::clone(&doc));
        Ok(doc)
    }

    /// Context processing of `local` over `active` as the expansion algorithm asks for it (no
    /// remote chain yet, scoped contexts validated), through the store's cache of processed
    /// contexts (`jsonld/cache.rs`): `scoped` is the term definition whose scoped context
    /// `local` is, `None` for a context found in the document.
    pub fn apply_context(
        &mut self,
        active: &Arc<ActiveContext>,
        local: &Value,
        scoped: Option<&Arc<TermDef>>,
        base_url: Option<&str>,
        override_protected: bool,
        propagate: bool,
    ) -> Result<Arc<ActiveContext>> {
        let from = match &self.initial {
            Some(i) if Arc::ptr_eq(i, active) => cache::From::Initial(active.base.as_deref()),
            _ => cache::From::Context(active),
        };
        let query = cache::Query {
            from,
            local: scoped.map_or(cache::Local::Refs(local), cache::Local::Scoped),
            base_url,
            override_protected,
            propagate,
            limits: self.limits,
        };
        if !query.cacheable() {
            let r = self.process_context(active, local, base_url, &[], override_protected, propagate, true, 0)?;
            return Ok(Arc::new(r));
        }
        if let Some((hit, work)) = self.store.cache().find(&query) {
            // The work is charged as if processed; past the budget, processing for real stops
            // at the step (and with the error) it always did.
            if self.work.saturating_add(work) <= self.limits.max_jsonld_work {
                self.work += work;
                return Ok(hit);
            }
        }
        let before = self.work;
        let r = Arc::new(self.process_context(active, local, base_url, &[], override_protected, propagate, true, 0)?);
        self.store.cache().insert(&query, &r, self.work.saturating_sub(before));
        Ok(r)
    }

    /// Marks `initial` as the initial context of this expansion (a cache key by base IRI).
    pub fn set_initial(&mut self, initial: &Arc<ActiveContext>) {
        self.initial = Some(Arc::clone(initial));
    }

    /// Context Processing Algorithm (section 4.1.2).
    #[allow(clippy::too_many_arguments)]
    pub fn process_context(
        &mut self,
        active: &ActiveContext,
        local: &Value,
        base_url: Option<&str>,
        remote: &[String],
        override_protected: bool,
        mut propagate: bool,
        validate_scoped: bool,
        depth: usize,
    ) -> Result<ActiveContext> {
        let depth = self.enter(depth)?;
        // Copying the active context costs one unit per term.
        self.charge(active.terms.len().saturating_add(1))?;
        let mut result = active.clone();
        if let Value::Object(m) = local {
            if let Some(p) = member(m, "@propagate") {
                match p {
                    Value::Bool(b) => propagate = *b,
                    _ => return Err(err("invalid @propagate value")),
                }
            }
        }
        if !propagate && result.previous.is_none() {
            result.previous = Some(Arc::new(active.clone()));
        }
        let items: &[Value] = match local {
            Value::Array(a) => a,
            other => core::slice::from_ref(other),
        };
        for context in items {
            self.tick()?;
            match context {
                Value::Null => {
                    self.charge(result.terms.len())?;
                    if !override_protected && result.terms.values().any(|t| t.protected) {
                        return Err(err("invalid context nullification"));
                    }
                    let previous = result.clone();
                    result = ActiveContext::new(active.original_base.clone());
                    if !propagate {
                        result.previous = Some(Arc::new(previous));
                    }
                }
                Value::String(s) => {
                    let url = resolve(base_url, s);
                    if !is_absolute(&url) {
                        return Err(Error::new(ErrorCode::UnknownContext, "relative context URL without a base"));
                    }
                    if remote.contains(&url) {
                        if !validate_scoped {
                            continue;
                        }
                        return Err(err("recursive context inclusion"));
                    }
                    let doc = self.remote_document(&url)?;
                    let ctx = doc.get("@context").ok_or_else(|| err("invalid remote context"))?;
                    let mut chain = remote.to_vec();
                    chain.push(url.clone());
                    result =
                        self.process_context(&result, ctx, Some(&url), &chain, false, true, validate_scoped, depth)?;
                }
                Value::Object(m) => {
                    result = self.process_context_object(result, m, base_url, remote, override_protected, depth)?;
                }
                _ => return Err(err("invalid local context")),
            }
        }
        Ok(result)
    }

    /// Steps 5.5 to 5.13 for one context object.
    fn process_context_object(
        &mut self,
        mut result: ActiveContext,
        m: &[(String, Value)],
        base_url: Option<&str>,
        remote: &[String],
        override_protected: bool,
        depth: usize,
    ) -> Result<ActiveContext> {
        if let Some(v) = member(m, "@version") {
            if !matches!(v, Value::Number(n) if n.as_str() == "1.1") {
                return Err(err("invalid @version value"));
            }
        }
        // @import: the imported context's entries, overridden by this context's.
        let merged: Vec<(String, Value)>;
        let m = match member(m, "@import") {
            None => m,
            Some(Value::String(i)) => {
                let url = resolve(base_url, i);
                if !is_absolute(&url) {
                    return Err(err("invalid @import value"));
                }
                let imported = match self.remote_document(&url) {
                    Ok(c) => c,
                    Err(e) if e.code() == ErrorCode::InvalidJsonLd => return Err(err("invalid remote context")),
                    Err(e) => return Err(e),
                };
                let Some(Value::Object(im)) = imported.get("@context") else {
                    return Err(err("invalid remote context"));
                };
                if member(im, "@import").is_some() {
                    return Err(err("invalid context entry"));
                }
                let mut all: Vec<(String, Value)> =
                    im.iter().filter(|(k, _)| member(m, k).is_none()).cloned().collect();
                all.extend(m.iter().cloned());
                merged = all;
                &merged
            }
            Some(_) => return Err(err("invalid @import value")),
        };
        if let Some(b) = member(m, "@base") {
            if remote.is_empty() {
                match b {
                    Value::Null => result.base = None,
                    Value::String(s) if is_absolute(s) => result.base = Some(s.clone()),
                    Value::String(s) if result.base.is_some() => result.base = Some(resolve(result.base.as_deref(), s)),
                    _ => return Err(err("invalid base IRI")),
                }
            }
        }
        if let Some(v) = member(m, "@vocab") {
            match v {
                Value::Null => result.vocab = None,
                Value::String(s) => match iri_expand(&result, s, true, true) {
                    Some(i) if is_absolute(&i) || is_blank(&i) => result.vocab = Some(i),
                    _ => return Err(err("invalid vocab mapping")),
                },
                _ => return Err(err("invalid vocab mapping")),
            }
        }
        if let Some(v) = member(m, "@language") {
            match v {
                Value::Null => result.language = None,
                Value::String(s) => result.language = Some(s.to_lowercase()),
                _ => return Err(err("invalid default language")),
            }
        }
        if let Some(v) = member(m, "@direction") {
            match v {
                Value::Null => result.direction = None,
                Value::String(s) if s == "ltr" || s == "rtl" => result.direction = Some(s.clone()),
                _ => return Err(err("invalid base direction")),
            }
        }
        if let Some(v) = member(m, "@propagate") {
            if !matches!(v, Value::Bool(_)) {
                return Err(err("invalid @propagate value"));
            }
        }
        let protected = match member(m, "@protected") {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => return Err(err("invalid @protected value")),
        };
        let mut local =
            Local { entries: m, defined: BTreeMap::new(), base_url, protected, override_protected, remote, depth };
        for (key, _) in m {
            if matches!(
                key.as_str(),
                "@base" | "@direction" | "@import" | "@language" | "@propagate" | "@protected" | "@version" | "@vocab"
            ) {
                continue;
            }
            self.create_term(&mut result, &mut local, key)?;
        }
        Ok(result)
    }

    /// Create Term Definition (section 4.2.2).
    fn create_term(&mut self, active: &mut ActiveContext, local: &mut Local<'_>, term: &str) -> Result<()> {
        self.tick()?;
        match local.defined.get(term) {
            Some(true) => return Ok(()),
            Some(false) => return Err(err("cyclic IRI mapping")),
            None => {}
        }
        if term.is_empty() {
            return Err(err("invalid term definition"));
        }
        local.defined.insert(String::from(term), false);
        let raw = local.get(term).cloned().unwrap_or(Value::Null);
        if term == "@type" {
            let ok = match &raw {
                Value::Object(o) => {
                    !o.is_empty()
                        && o.iter().all(|(k, v)| match k.as_str() {
                            "@container" => matches!(v, Value::String(s) if s == "@set"),
                            "@protected" => true,
                            _ => false,
                        })
                }
                _ => false,
            };
            if !ok {
                return Err(err("keyword redefinition"));
            }
        } else if is_keyword(term) {
            return Err(err("keyword redefinition"));
        } else if has_keyword_form(term) {
            // Reserved for future keywords: ignored.
            local.defined.insert(String::from(term), true);
            return Ok(());
        }
        let previous = active.terms.remove(term);
        let (value, simple): (Vec<(String, Value)>, bool) = match raw {
            Value::Null => (alloc::vec![(String::from("@id"), Value::Null)], false),
            Value::String(s) => (alloc::vec![(String::from("@id"), Value::String(s))], true),
            Value::Object(o) => (o, false),
            _ => return Err(err("invalid term definition")),
        };
        let mut def = TermDef::new();
        def.protected = local.protected;
        if let Some(p) = member(&value, "@protected") {
            match p {
                Value::Bool(b) => def.protected = *b,
                _ => return Err(err("invalid @protected value")),
            }
        }
        if let Some(t) = member(&value, "@type") {
            let Value::String(t) = t else { return Err(err("invalid type mapping")) };
            let t = self.iri_expand_local(active, local, t, false, true)?;
            match t {
                Some(t)
                    if matches!(t.as_str(), "@id" | "@json" | "@none" | "@vocab")
                        || (is_absolute(&t) && !is_blank(&t)) =>
                {
                    def.type_mapping = Some(t);
                }
                _ => return Err(err("invalid type mapping")),
            }
        }
        if let Some(r) = member(&value, "@reverse") {
            if member(&value, "@id").is_some() || member(&value, "@nest").is_some() {
                return Err(err("invalid reverse property"));
            }
            let Value::String(r) = r else { return Err(err("invalid IRI mapping")) };
            if has_keyword_form(r) {
                local.defined.insert(String::from(term), true);
                return Ok(());
            }
            match self.iri_expand_local(active, local, r, false, true)? {
                Some(i) if is_absolute(&i) || is_blank(&i) => def.iri = Some(i),
                _ => return Err(err("invalid IRI mapping")),
            }
            if let Some(c) = member(&value, "@container") {
                match c {
                    Value::Null => {}
                    Value::String(s) if s == "@set" || s == "@index" => def.container = alloc::vec![s.clone()],
                    _ => return Err(err("invalid reverse property")),
                }
            }
            def.reverse = true;
            return self.finish_term(active, local, term, def, previous);
        }
        let id = member(&value, "@id");
        if let Some(id) = id.filter(|i| !matches!(i, Value::String(s) if s == term)) {
            match id {
                Value::Null => def.iri = None,
                Value::String(s) => {
                    if !is_keyword(s) && has_keyword_form(s) {
                        local.defined.insert(String::from(term), true);
                        return Ok(());
                    }
                    let iri = self.iri_expand_local(active, local, s, false, true)?;
                    let Some(iri) = iri.filter(|i| is_keyword(i) || is_absolute(i) || is_blank(i)) else {
                        return Err(err("invalid IRI mapping"));
                    };
                    if iri == "@context" {
                        return Err(err("invalid keyword alias"));
                    }
                    let inner_colon = term.char_indices().any(|(i, c)| c == ':' && i > 0 && i + 1 < term.len());
                    if inner_colon || term.contains('/') {
                        local.defined.insert(String::from(term), true);
                        let own = self.iri_expand_local(active, local, term, false, true)?;
                        if own.as_deref() != Some(iri.as_str()) {
                            return Err(err("invalid IRI mapping"));
                        }
                    }
                    if !term.contains(':')
                        && !term.contains('/')
                        && simple
                        && (ends_with_gen_delim(&iri) || is_blank(&iri))
                    {
                        def.prefix = true;
                    }
                    def.iri = Some(iri);
                }
                _ => return Err(err("invalid IRI mapping")),
            }
        } else if let Some((prefix, suffix)) =
            term.get(1..).and_then(|r| r.find(':')).and_then(|i| term.split_at_checked(i + 1))
        {
            let suffix = suffix.get(1..).unwrap_or("");
            if local.get(prefix).is_some() {
                self.create_term(active, local, prefix)?;
            }
            match active.term(prefix).and_then(|d| d.iri.clone()) {
                Some(p) => def.iri = Some(p + suffix),
                None => def.iri = Some(String::from(term)),
            }
        } else if term.contains('/') {
            match iri_expand(active, term, false, true) {
                Some(i) if is_absolute(&i) => def.iri = Some(i),
                _ => return Err(err("invalid IRI mapping")),
            }
        } else if term == "@type" {
            def.iri = Some(String::from("@type"));
        } else if let Some(v) = &active.vocab {
            def.iri = Some(alloc::format!("{v}{term}"));
        } else {
            return Err(err("invalid IRI mapping"));
        }
        if let Some(c) = member(&value, "@container") {
            let list: Vec<String> = match c {
                Value::String(s) => alloc::vec![s.clone()],
                Value::Array(a) => {
                    let mut l = Vec::new();
                    for x in a {
                        let Value::String(s) = x else { return Err(err("invalid container mapping")) };
                        l.push(s.clone());
                    }
                    l
                }
                _ => return Err(err("invalid container mapping")),
            };
            if !valid_container(&list) {
                return Err(err("invalid container mapping"));
            }
            let mut list = list;
            list.sort();
            list.dedup();
            def.container = list;
            if def.has_container("@type") {
                match def.type_mapping.as_deref() {
                    None => def.type_mapping = Some(String::from("@id")),
                    Some("@id" | "@vocab") => {}
                    Some(_) => return Err(err("invalid type mapping")),
                }
            }
        }
        if let Some(i) = member(&value, "@index") {
            if !def.has_container("@index") {
                return Err(err("invalid term definition"));
            }
            let Value::String(i) = i else { return Err(err("invalid term definition")) };
            match iri_expand(active, i, false, true) {
                Some(x) if is_absolute(&x) => def.index = Some(i.clone()),
                _ => return Err(err("invalid term definition")),
            }
        }
        if let Some(c) = member(&value, "@context") {
            // Checked now (a scoped context that cannot be processed is an error of the
            // definition); applied when the term is used.
            let depth = local.depth;
            let remote = local.remote;
            let base = local.base_url;
            match self.process_context(active, c, base, remote, true, true, false, depth) {
                Ok(_) => {}
                Err(e) if e.code() == ErrorCode::InvalidJsonLd => return Err(err("invalid scoped context")),
                Err(e) => return Err(e),
            }
            def.context = Some(c.clone());
            def.base_url = base.map(String::from);
        }
        if member(&value, "@type").is_none() {
            if let Some(l) = member(&value, "@language") {
                match l {
                    Value::Null => def.language = Some(None),
                    Value::String(s) => def.language = Some(Some(s.to_lowercase())),
                    _ => return Err(err("invalid language mapping")),
                }
            }
            if let Some(d) = member(&value, "@direction") {
                match d {
                    Value::Null => def.direction = Some(None),
                    Value::String(s) if s == "ltr" || s == "rtl" => def.direction = Some(Some(s.clone())),
                    _ => return Err(err("invalid base direction")),
                }
            }
        }
        if let Some(n) = member(&value, "@nest") {
            match n {
                Value::String(s) if s == "@nest" || !s.starts_with('@') => def.nest = Some(s.clone()),
                _ => return Err(err("invalid @nest value")),
            }
        }
        if let Some(p) = member(&value, "@prefix") {
            if term.contains(':') || term.contains('/') {
                return Err(err("invalid term definition"));
            }
            let Value::Bool(p) = p else { return Err(err("invalid @prefix value")) };
            if *p && def.iri.as_deref().is_some_and(is_keyword) {
                return Err(err("invalid term definition"));
            }
            def.prefix = *p;
        }
        for (k, _) in &value {
            if !matches!(
                k.as_str(),
                "@id"
                    | "@reverse"
                    | "@container"
                    | "@context"
                    | "@direction"
                    | "@index"
                    | "@language"
                    | "@nest"
                    | "@prefix"
                    | "@protected"
                    | "@type"
            ) {
                return Err(err("invalid term definition"));
            }
        }
        self.finish_term(active, local, term, def, previous)
    }

    /// Steps 27 and 28: the protected-term rule, then the definition is stored.
    fn finish_term(
        &mut self,
        active: &mut ActiveContext,
        local: &mut Local<'_>,
        term: &str,
        def: TermDef,
        previous: Option<Arc<TermDef>>,
    ) -> Result<()> {
        let def = match previous {
            Some(prev) if !local.override_protected && prev.protected => {
                if !def.same_as(&prev) {
                    return Err(err("protected term redefinition"));
                }
                prev
            }
            _ => Arc::new(def),
        };
        active.terms.insert(Arc::from(term), def);
        local.defined.insert(String::from(term), true);
        Ok(())
    }

    /// IRI expansion while a local context is being processed: terms it names are defined
    /// first (steps 3 and 6.3 of section 5.2.2).
    fn iri_expand_local(
        &mut self,
        active: &mut ActiveContext,
        local: &mut Local<'_>,
        value: &str,
        document_relative: bool,
        vocab: bool,
    ) -> Result<Option<String>> {
        if is_keyword(value) {
            return Ok(Some(String::from(value)));
        }
        if has_keyword_form(value) {
            return Ok(None);
        }
        if local.get(value).is_some() && local.defined.get(value) != Some(&true) {
            self.create_term(active, local, value)?;
        }
        if let Some(i) = value.get(1..).and_then(|r| r.find(':')) {
            let suffix = value.get(i + 2..).unwrap_or("");
            if let Some(prefix) = value.get(..=i).filter(|p| *p != "_" && !suffix.starts_with("//")) {
                if local.get(prefix).is_some() && local.defined.get(prefix) != Some(&true) {
                    self.create_term(active, local, prefix)?;
                }
            }
        }
        Ok(iri_expand(active, value, document_relative, vocab))
    }
}

/// Whether a container mapping is one JSON-LD 1.1 allows.
fn valid_container(list: &[String]) -> bool {
    if list.is_empty() || !list.iter().all(|c| VALID_CONTAINERS.contains(&c.as_str())) {
        return false;
    }
    let has = |c: &str| list.iter().any(|x| x == c);
    let others: Vec<&str> = list.iter().map(String::as_str).filter(|c| *c != "@set").collect();
    match list.len() {
        1 => true,
        _ if has("@graph") => {
            // @graph with @id or @index, optionally @set.
            let rest: Vec<&str> = others.iter().copied().filter(|c| *c != "@graph").collect();
            rest.len() <= 1 && rest.iter().all(|c| *c == "@id" || *c == "@index")
        }
        2 => has("@set") && others.len() == 1 && others.iter().all(|c| *c != "@list"),
        _ => false,
    }
}

/// IRI Expansion (section 5.2.2) against a finished active context. `None` is null.
pub(crate) fn iri_expand(active: &ActiveContext, value: &str, document_relative: bool, vocab: bool) -> Option<String> {
    if is_keyword(value) {
        return Some(String::from(value));
    }
    if has_keyword_form(value) {
        return None;
    }
    if let Some(def) = active.term(value) {
        if def.iri.as_deref().is_some_and(is_keyword) {
            return def.iri.clone();
        }
        if vocab {
            return def.iri.clone();
        }
    }
    if let Some(i) = value.get(1..).and_then(|r| r.find(':')) {
        let (prefix, suffix) = (value.get(..=i).unwrap_or(""), value.get(i + 2..).unwrap_or(""));
        if prefix == "_" || suffix.starts_with("//") {
            return Some(String::from(value));
        }
        if let Some(def) = active.term(prefix) {
            if let (Some(iri), true) = (&def.iri, def.prefix) {
                return Some(alloc::format!("{iri}{suffix}"));
            }
        }
        if is_absolute(value) {
            return Some(String::from(value));
        }
    }
    if vocab {
        if let Some(v) = &active.vocab {
            return Some(alloc::format!("{v}{value}"));
        }
    }
    if document_relative {
        return Some(resolve(active.base.as_deref(), value));
    }
    Some(value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(src: &str) -> Result<ActiveContext> {
        let store = ContextStore::bundled();
        let mut p = Processor::new(&store, &Limits::DEFAULT, false);
        let v = Value::parse(src, &Limits::DEFAULT).unwrap();
        p.process_context(&ActiveContext::new(None), &v, None, &[], false, true, true, 0)
    }

    #[test]
    fn container_mappings_jsonld_allows() {
        let ok = |list: &[&str]| valid_container(&list.iter().map(|c| String::from(*c)).collect::<Vec<_>>());
        for good in [
            &["@list"][..],
            &["@set"],
            &["@index"],
            &["@id"],
            &["@type"],
            &["@language"],
            &["@graph"],
            &["@set", "@index"],
            &["@index", "@set"],
            &["@set", "@id"],
            &["@type", "@set"],
            &["@set", "@language"],
            &["@graph", "@id"],
            &["@index", "@graph"],
            &["@graph", "@set"],
            &["@graph", "@id", "@set"],
            &["@set", "@graph", "@index"],
        ] {
            assert!(ok(good), "{good:?}");
        }
        for bad in [
            &[][..],
            &["@foo"],
            &["@list", "@set"],
            &["@set", "@list"],
            &["@index", "@id"],
            &["@list", "@index"],
            &["@graph", "@type"],
            &["@graph", "@list"],
            &["@graph", "@language"],
            &["@graph", "@id", "@index"],
            &["@set", "@index", "@id"],
            &["@graph", "@set", "@type"],
        ] {
            assert!(!ok(bad), "{bad:?}");
        }
    }

    #[test]
    fn work_is_counted_to_the_budget_and_no_further() {
        let store = ContextStore::bundled();
        let limits = Limits { max_jsonld_work: 3, ..Limits::DEFAULT };
        let mut p = Processor::new(&store, &limits, false);
        for _ in 0..3 {
            p.tick().unwrap();
        }
        assert_eq!(p.tick().unwrap_err().code(), ErrorCode::TooManyItems);
        let mut p = Processor::new(&store, &limits, false);
        p.charge(3).unwrap();
        assert!(p.charge(1).is_err());
    }

    #[test]
    fn context_faults_are_named() {
        for (src, detail) in [
            (r#"{"@base":"relative/"}"#, "invalid base IRI"),
            (r#"{"@vocab":"relative"}"#, "invalid vocab mapping"),
            (r#"{"@direction":"up"}"#, "invalid base direction"),
            (r#"{"t":{"@id":"http://a/","@direction":"up"}}"#, "invalid base direction"),
            (r#"{"t":{"@id":"http://a/","@nest":"@id"}}"#, "invalid @nest value"),
            (r#"{"rel/term":{"@type":"@id"}}"#, "invalid IRI mapping"),
            (r#"{"t":{"@id":"http://a/","@context":{"@vocab":5}}}"#, "invalid scoped context"),
        ] {
            let e = ctx(src).unwrap_err();
            assert_eq!((e.code(), e.detail()), (ErrorCode::InvalidJsonLd, detail), "{src}");
        }
        for fine in [
            r#"{"@base":"http://example.org/a/"}"#,
            r#"{"@direction":null}"#,
            r#"{"@direction":"rtl"}"#,
            r#"{"t":{"@id":"http://a/","@direction":"ltr"}}"#,
            r#"{"t":{"@id":"http://a/","@direction":null}}"#,
            r#"{"t":{"@id":"http://a/","@nest":"@nest"}}"#,
            r#"{"t":{"@id":"http://a/","@nest":"n"}}"#,
            r#"{"t":{"@reverse":"http://a/","@container":null}}"#,
            r#"{"t":{"@reverse":"http://a/","@container":"@set"}}"#,
        ] {
            assert!(ctx(fine).is_ok(), "{fine}");
        }
        // A term with a colon inside (not first, not last) must expand to its own @id.
        let e = ctx(r#"{"ex:a":{"@id":"http://other/"}}"#).unwrap_err();
        assert_eq!(e.detail(), "invalid IRI mapping");
        for edge in [r#"{"a:":{"@id":"http://x/"}}"#, r#"{":a":{"@id":"http://x/"}}"#] {
            assert!(ctx(edge).is_ok(), "{edge}");
        }
        // A context that cannot be had is "could not check", not an invalid context.
        for unknown in [
            r#""https://unknown.example/ctx""#,
            r#"{"@import":"https://unknown.example/ctx"}"#,
            r#"{"t":{"@id":"http://a/","@context":"https://unknown.example/ctx"}}"#,
        ] {
            assert_eq!(ctx(unknown).unwrap_err().code(), ErrorCode::UnknownContext, "{unknown}");
        }
        // A registered document that is no context is an invalid remote context.
        let mut store = ContextStore::bundled();
        store.register_value("https://example.org/broken", Value::parse(r#"{"x":1}"#, &Limits::DEFAULT).unwrap());
        let mut p = Processor::new(&store, &Limits::DEFAULT, false);
        let local = Value::String(String::from("https://example.org/broken"));
        let e = p.process_context(&ActiveContext::new(None), &local, None, &[], false, true, true, 0).unwrap_err();
        assert_eq!((e.code(), e.detail()), (ErrorCode::InvalidJsonLd, "invalid remote context"));
        let based = ctx(r#"[{"@base":"http://example.org/a/"},{"@base":"b/"}]"#).unwrap();
        assert_eq!(based.base.as_deref(), Some("http://example.org/a/b/"));
    }

    #[test]
    fn terms_prefixes_and_vocab() {
        let c = ctx(
            r#"{"@vocab":"http://v/","ex":"http://ex.org/","name":"ex:name","age":{"@id":"ex:age","@type":"xsd:int"}}"#,
        )
        .unwrap();
        assert_eq!(iri_expand(&c, "name", false, true).as_deref(), Some("http://ex.org/name"));
        assert_eq!(iri_expand(&c, "other", false, true).as_deref(), Some("http://v/other"));
        assert_eq!(iri_expand(&c, "ex:x", false, true).as_deref(), Some("http://ex.org/x"));
        assert_eq!(c.term("age").unwrap().type_mapping.as_deref(), Some("xsd:int"));
    }

    #[test]
    fn protected_terms_cannot_change() {
        let e = ctx(r#"[{"@protected":true,"a":"http://a/"},{"a":"http://b/"}]"#).unwrap_err();
        assert_eq!((e.code(), e.detail()), (ErrorCode::InvalidJsonLd, "protected term redefinition"));
        assert!(ctx(r#"[{"@protected":true,"a":"http://a/"},{"a":"http://a/"}]"#).is_ok());
        assert_eq!(
            ctx(r#"[{"@protected":true,"a":"http://a/"},null]"#).unwrap_err().detail(),
            "invalid context nullification"
        );
    }

    #[test]
    fn cycles_and_unknown_contexts() {
        assert_eq!(ctx(r#"{"a":"b:x","b":"a:y"}"#).unwrap_err().detail(), "cyclic IRI mapping");
        assert_eq!(ctx(r#""https://example.org/unknown""#).unwrap_err().code(), ErrorCode::UnknownContext);
        assert!(ctx(r#""https://www.w3.org/2018/credentials/v1""#).is_ok());
        ctx(r#"["https://www.w3.org/ns/credentials/v2","https://w3id.org/security/data-integrity/v2"]"#).unwrap();
    }

    #[test]
    fn context_depth_is_bounded() {
        let store = ContextStore::bundled();
        let tight = Limits { max_context_depth: 1, ..Limits::DEFAULT };
        let mut p = Processor::new(&store, &tight, false);
        let v = Value::parse(r#""https://www.w3.org/2018/credentials/v1""#, &Limits::DEFAULT).unwrap();
        let e = p.process_context(&ActiveContext::new(None), &v, None, &[], false, true, true, 0).unwrap_err();
        assert_eq!(e.code(), ErrorCode::NestingTooDeep);
    }
}
