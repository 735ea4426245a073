//! The Expansion Algorithm (JSON-LD 1.1 API section 5.1) and Value Expansion (5.3).
//!
//! Expansion recurses once per level of the input, and every call checks its depth against
//! [`Limits::depth`] (twice that, since a value that is not an array is first wrapped in one),
//! so the recursion is bounded whatever built the [`Value`].

use alloc::string::String;
use alloc::sync::Arc;
use alloc::vec::Vec;

use super::context::{err, iri_expand, ActiveContext, Processor, TermDef};
use super::iri::{is_keyword, is_well_formed_iri};
use crate::error::{Error, ErrorCode, Result};
use crate::json::Value;

pub(crate) type Map = Vec<(String, Value)>;

pub(crate) fn mget<'m>(m: &'m [(String, Value)], k: &str) -> Option<&'m Value> {
    m.iter().find(|(x, _)| x == k).map(|(_, v)| v)
}

fn mhas(m: &[(String, Value)], k: &str) -> bool {
    m.iter().any(|(x, _)| x == k)
}

fn mset(m: &mut Map, k: &str, v: Value) {
    match m.iter_mut().find(|(x, _)| x == k) {
        Some(slot) => slot.1 = v,
        None => m.push((String::from(k), v)),
    }
}

fn mremove(m: &mut Map, k: &str) -> Option<Value> {
    let i = m.iter().position(|(x, _)| x == k)?;
    Some(m.remove(i).1)
}

fn obj1(k: &str, v: Value) -> Value {
    Value::Object(alloc::vec![(String::from(k), v)])
}

/// `v` as an array: null is empty, a non-array is wrapped.
pub(crate) fn ensure_array(v: Value) -> Vec<Value> {
    match v {
        Value::Null => Vec::new(),
        Value::Array(a) => a,
        other => alloc::vec![other],
    }
}

fn as_slice(v: &Value) -> &[Value] {
    match v {
        Value::Array(a) => a,
        other => core::slice::from_ref(other),
    }
}

/// Adds `value` to the `key` entry of `m`, always as an array.
fn add_value(m: &mut Map, key: &str, value: Value) {
    let items = match value {
        Value::Array(a) => a,
        other => alloc::vec![other],
    };
    match m.iter_mut().find(|(x, _)| x == key) {
        Some((_, Value::Array(existing))) => existing.extend(items),
        Some(slot) => {
            let old = core::mem::replace(&mut slot.1, Value::Null);
            let mut all = alloc::vec![old];
            all.extend(items);
            slot.1 = Value::Array(all);
        }
        None => m.push((String::from(key), Value::Array(items))),
    }
}

fn is_object_with(v: &Value, key: &str) -> bool {
    matches!(v, Value::Object(m) if mhas(m, key))
}

fn is_graph_object(v: &Value) -> bool {
    matches!(v, Value::Object(m) if mhas(m, "@graph") && m.iter().all(|(k, _)| matches!(k.as_str(), "@graph" | "@id" | "@index" | "@context")))
}

fn iri_value(i: Option<String>) -> Value {
    i.map_or(Value::Null, Value::String)
}

fn undefined_term() -> Error {
    Error::new(ErrorCode::UndefinedTerm, "a property does not expand to an IRI and would be dropped")
}

impl Processor<'_> {
    /// Expansion of a whole document (section 9.1 `expand()`): the result is always an array.
    pub(crate) fn expand_document(
        &mut self,
        doc: &Value,
        base: Option<&str>,
        expand_context: Option<&Value>,
    ) -> Result<Value> {
        let mut active = ActiveContext::new(base.map(String::from));
        if let Some(ec) = expand_context {
            let ctx = ec.get("@context").unwrap_or(ec);
            active = self.process_context(&active, ctx, base, &[], false, true, true, 0)?;
        }
        let active = Arc::new(active);
        if expand_context.is_none() {
            self.set_initial(&active);
        }
        let r = self.expand(&active, None, doc, base, false, false, 0)?;
        let r = match r {
            Value::Object(mut m) if m.len() == 1 && mhas(&m, "@graph") => {
                mremove(&mut m, "@graph").unwrap_or(Value::Null)
            }
            other => other,
        };
        Ok(Value::Array(ensure_array(r)))
    }

    fn deeper(&self, depth: usize) -> Result<usize> {
        if depth > self.max_recursion() {
            return Err(Error::new(ErrorCode::NestingTooDeep, "JSON-LD expansion nests deeper than max_depth"));
        }
        Ok(depth + 1)
    }

    /// Expansion Algorithm (section 5.1.2). `Value::Null` is the algorithm's null.
    #[allow(clippy::too_many_arguments)]
    fn expand(
        &mut self,
        active: &Arc<ActiveContext>,
        active_property: Option<&str>,
        element: &Value,
        base_url: Option<&str>,
        from_map: bool,
        inside_list: bool,
        depth: usize,
    ) -> Result<Value> {
        self.tick()?;
        let depth = self.deeper(depth)?;
        let def: Option<Arc<TermDef>> = active_property.and_then(|p| active.terms.get(p)).cloned();
        let m = match element {
            Value::Null => return Ok(Value::Null),
            Value::Array(items) => {
                let list = inside_list || def.as_ref().is_some_and(|d| d.has_container("@list"));
                let mut out = Vec::new();
                for item in items {
                    let e = self.expand(active, active_property, item, base_url, from_map, false, depth)?;
                    match e {
                        Value::Array(a) if list => out.push(obj1("@list", Value::Array(a))),
                        Value::Array(a) => out.extend(a),
                        Value::Null => {}
                        other => out.push(other),
                    }
                }
                return Ok(Value::Array(out));
            }
            Value::Object(m) => m,
            scalar => {
                if active_property.is_none() || active_property == Some("@graph") {
                    return Ok(Value::Null);
                }
                let mut ctx = Arc::clone(active);
                if let Some((c, d)) = def.as_ref().and_then(|d| d.context.as_ref().map(|c| (c, d))) {
                    ctx = self.apply_context(&ctx, c, Some(d), d.base_url.as_deref(), true, true)?;
                }
                return Ok(expand_value(&ctx, active_property.unwrap_or(""), scalar));
            }
        };
        let mut active = Arc::clone(active);
        // A term-scoped context does not apply to new node objects (unless it propagates).
        if let (Some(prev), false) = (&active.previous, from_map) {
            let has_value = m.iter().any(|(k, _)| iri_expand(&active, k, false, true).as_deref() == Some("@value"));
            let only_id =
                matches!(m.as_slice(), [(k, _)] if iri_expand(&active, k, false, true).as_deref() == Some("@id"));
            if !has_value && !only_id {
                active = Arc::clone(prev);
            }
        }
        if let Some((c, d)) = def.as_ref().and_then(|d| d.context.as_ref().map(|c| (c, d))) {
            active = self.apply_context(&active, c, Some(d), d.base_url.as_deref(), true, true)?;
        }
        if let Some(c) = mget(m, "@context") {
            active = self.apply_context(&active, c, None, base_url, false, true)?;
        }
        let type_scoped = Arc::clone(&active);
        let mut type_keys: Vec<&(String, Value)> =
            m.iter().filter(|(k, _)| iri_expand(&active, k, false, true).as_deref() == Some("@type")).collect();
        type_keys.sort_by(|a, b| a.0.cmp(&b.0));
        for (_, v) in &type_keys {
            let mut terms: Vec<&str> = as_slice(v).iter().filter_map(Value::as_str).collect();
            terms.sort_unstable();
            for t in terms {
                if let Some(d) = type_scoped.terms.get(t).filter(|d| d.context.is_some()) {
                    if let Some(c) = &d.context {
                        active = self.apply_context(&active, c, Some(d), d.base_url.as_deref(), false, false)?;
                    }
                }
            }
        }
        let input_type = type_keys
            .first()
            .and_then(|(_, v)| as_slice(v).last())
            .and_then(Value::as_str)
            .and_then(|t| iri_expand(&active, t, false, true));
        let mut result: Map = Vec::new();
        let mut dropped = false;
        self.expand_members(
            &active,
            &type_scoped,
            active_property,
            m,
            &mut result,
            input_type.as_deref(),
            base_url,
            &mut dropped,
            depth,
        )?;
        if dropped {
            return Ok(Value::Null);
        }
        self.finish_object(result, active_property)
    }

    /// Steps 14 to 19: value, list and set objects, and dropping what cannot carry data.
    fn finish_object(&mut self, mut result: Map, active_property: Option<&str>) -> Result<Value> {
        if mhas(&result, "@value") {
            let extra = result
                .iter()
                .any(|(k, _)| !matches!(k.as_str(), "@direction" | "@index" | "@language" | "@type" | "@value"));
            if extra || (mhas(&result, "@type") && (mhas(&result, "@language") || mhas(&result, "@direction"))) {
                return Err(err("invalid value object"));
            }
            let ty = mget(&result, "@type");
            if !matches!(ty, Some(Value::String(t)) if t == "@json") {
                // Step 15's "or an empty array" cannot arise here: an array `@value` was refused
                // in step 13.4.7.1 unless `@type` is `@json`.
                match mget(&result, "@value") {
                    None | Some(Value::Null) => return Ok(Value::Null),
                    Some(Value::String(_)) => {}
                    Some(_) if mhas(&result, "@language") => return Err(err("invalid language-tagged value")),
                    Some(_) => {}
                }
                if let Some(t) = ty {
                    if !matches!(t, Value::String(s) if is_well_formed_iri(s)) {
                        return Err(err("invalid typed value"));
                    }
                }
            }
        } else if let Some(t) = result.iter_mut().find(|(k, _)| k == "@type") {
            if !matches!(t.1, Value::Array(_)) {
                let v = core::mem::replace(&mut t.1, Value::Null);
                t.1 = Value::Array(alloc::vec![v]);
            }
        } else if mhas(&result, "@set") || mhas(&result, "@list") {
            if result.len() > 2 || (result.len() == 2 && !mhas(&result, "@index")) {
                return Err(err("invalid set or list object"));
            }
            if let Some(s) = mremove(&mut result, "@set") {
                return Ok(s);
            }
        }
        if matches!(result.as_slice(), [(k, _)] if k == "@language") {
            return Ok(Value::Null);
        }
        if active_property.is_none() || active_property == Some("@graph") {
            if result.is_empty() || mhas(&result, "@value") || mhas(&result, "@list") {
                return Ok(Value::Null);
            }
            if matches!(result.as_slice(), [(k, _)] if k == "@id") {
                return Ok(Value::Null);
            }
        }
        Ok(Value::Object(result))
    }

    /// Steps 13 and 14: the members of `element` (and of its `@nest` objects) into `result`.
    #[allow(clippy::too_many_arguments)]
    fn expand_members(
        &mut self,
        active: &Arc<ActiveContext>,
        type_scoped: &Arc<ActiveContext>,
        active_property: Option<&str>,
        element: &[(String, Value)],
        result: &mut Map,
        input_type: Option<&str>,
        base_url: Option<&str>,
        dropped: &mut bool,
        depth: usize,
    ) -> Result<()> {
        let depth = self.deeper(depth)?;
        let mut nests: Vec<&str> = Vec::new();
        for (key, value) in element {
            // Entries of `result` are found by a linear scan.
            self.charge(result.len().saturating_add(1))?;
            if key == "@context" {
                continue;
            }
            let ep = match iri_expand(active, key, false, true) {
                Some(e) if e.contains(':') || is_keyword(&e) => e,
                _ if self.safe => return Err(undefined_term()),
                _ => continue,
            };
            if is_keyword(&ep) {
                if active_property == Some("@reverse") {
                    return Err(err("invalid reverse property map"));
                }
                if mhas(result, &ep) && ep != "@included" && ep != "@type" {
                    return Err(err("colliding keywords"));
                }
                let ev = match ep.as_str() {
                    "@id" => match value {
                        Value::String(s) => match iri_expand(active, s, true, false) {
                            Some(i) => Value::String(i),
                            // An @id in the form of a keyword is ignored with its node.
                            None => {
                                *dropped = true;
                                continue;
                            }
                        },
                        _ => return Err(err("invalid @id value")),
                    },
                    "@type" => {
                        let expand_one = |t: &Value| match t {
                            Value::String(s) => Ok(iri_value(iri_expand(type_scoped, s, true, true))),
                            _ => Err(err("invalid type value")),
                        };
                        let ev = match value {
                            Value::Array(a) => Value::Array(a.iter().map(expand_one).collect::<Result<Vec<_>>>()?),
                            other => expand_one(other)?,
                        };
                        match mremove(result, "@type") {
                            Some(old) => {
                                let mut all = ensure_array(old);
                                all.extend(ensure_array(ev));
                                Value::Array(all)
                            }
                            None => ev,
                        }
                    }
                    "@graph" => Value::Array(ensure_array(self.expand(
                        active,
                        Some("@graph"),
                        value,
                        base_url,
                        false,
                        false,
                        depth,
                    )?)),
                    "@included" => {
                        let not_node = |v: &Value| match v {
                            Value::Object(o) => o.iter().any(|(k, _)| {
                                matches!(
                                    iri_expand(active, k, false, true).as_deref(),
                                    Some("@value" | "@list" | "@set")
                                )
                            }),
                            _ => true,
                        };
                        if as_slice(value).iter().any(not_node) {
                            return Err(err("invalid @included value"));
                        }
                        // Step 13.4.6.3 is decided on the input above: expanded with no active
                        // property, a value or list object (or a scalar) is dropped as
                        // free-floating, so what comes back holds node objects only.
                        let items = ensure_array(self.expand(active, None, value, base_url, false, false, depth)?);
                        let mut all = mremove(result, "@included").map(ensure_array).unwrap_or_default();
                        all.extend(items);
                        Value::Array(all)
                    }
                    "@value" => {
                        if input_type == Some("@json") {
                            value.clone()
                        } else if matches!(value, Value::Object(_) | Value::Array(_)) {
                            return Err(err("invalid value object value"));
                        } else {
                            value.clone()
                        }
                    }
                    "@language" => match value {
                        Value::String(s) => Value::String(s.to_lowercase()),
                        _ => return Err(err("invalid language-tagged string")),
                    },
                    "@direction" => match value {
                        Value::String(s) if s == "ltr" || s == "rtl" => value.clone(),
                        _ => return Err(err("invalid base direction")),
                    },
                    "@index" => match value {
                        Value::String(_) => value.clone(),
                        _ => return Err(err("invalid @index value")),
                    },
                    "@list" => {
                        if active_property.is_none() || active_property == Some("@graph") {
                            continue;
                        }
                        Value::Array(ensure_array(self.expand(
                            active,
                            active_property,
                            value,
                            base_url,
                            false,
                            true,
                            depth,
                        )?))
                    }
                    "@set" => self.expand(active, active_property, value, base_url, false, false, depth)?,
                    "@reverse" => {
                        if !matches!(value, Value::Object(_)) {
                            return Err(err("invalid @reverse value"));
                        }
                        let ev = self.expand(active, Some("@reverse"), value, base_url, false, false, depth)?;
                        self.merge_reverse(result, ev)?;
                        continue;
                    }
                    "@nest" => {
                        nests.push(key);
                        continue;
                    }
                    _ => continue,
                };
                if !ev.is_null() || ep == "@value" {
                    mset(result, &ep, ev);
                }
                continue;
            }
            let def: Option<Arc<TermDef>> = active.terms.get(key.as_str()).cloned();
            let has = |c: &str| def.as_ref().is_some_and(|d| d.has_container(c));
            let mut ev = if def.as_ref().and_then(|d| d.type_mapping.as_deref()) == Some("@json") {
                Value::Object(alloc::vec![
                    (String::from("@value"), value.clone()),
                    (String::from("@type"), Value::String(String::from("@json")))
                ])
            } else if let (true, Value::Object(map)) = (has("@language"), value) {
                self.language_map(active, def.as_deref(), map)?
            } else if let (true, Value::Object(map)) = (has("@index") || has("@type") || has("@id"), value) {
                self.index_map(active, key, def.as_deref(), map, base_url, depth)?
            } else {
                self.expand(active, Some(key), value, base_url, false, has("@list"), depth)?
            };
            if ev.is_null() {
                continue;
            }
            if has("@list") && !is_object_with(&ev, "@list") {
                ev = obj1("@list", Value::Array(ensure_array(ev)));
            }
            if has("@graph") && !has("@id") && !has("@index") {
                ev = Value::Array(
                    ensure_array(ev).into_iter().map(|e| obj1("@graph", Value::Array(ensure_array(e)))).collect(),
                );
            }
            if def.as_ref().is_some_and(|d| d.reverse) {
                let mut rmap = match mremove(result, "@reverse") {
                    Some(Value::Object(r)) => r,
                    _ => Vec::new(),
                };
                for item in ensure_array(ev) {
                    if is_object_with(&item, "@value") || is_object_with(&item, "@list") {
                        return Err(err("invalid reverse property value"));
                    }
                    add_value(&mut rmap, &ep, item);
                }
                result.push((String::from("@reverse"), Value::Object(rmap)));
            } else {
                add_value(result, &ep, ev);
            }
        }
        for nk in nests {
            // A nesting term's own scoped context applies to the nested members.
            let nest_active = match active.terms.get(nk).cloned() {
                Some(d) if d.context.is_some() => {
                    let c = d.context.as_ref().unwrap_or(&Value::Null);
                    self.apply_context(active, c, Some(&d), d.base_url.as_deref(), true, true)?
                }
                _ => Arc::clone(active),
            };
            for nv in as_slice(mget(element, nk).unwrap_or(&Value::Null)) {
                let Value::Object(nm) = nv else { return Err(err("invalid @nest value")) };
                if nm.iter().any(|(k, _)| iri_expand(&nest_active, k, false, true).as_deref() == Some("@value")) {
                    return Err(err("invalid @nest value"));
                }
                self.expand_members(
                    &nest_active,
                    type_scoped,
                    active_property,
                    nm,
                    result,
                    input_type,
                    base_url,
                    dropped,
                    depth,
                )?;
            }
        }
        Ok(())
    }

    /// Step 13.4.13.3-4: the expanded `@reverse` map merged into `result`.
    fn merge_reverse(&mut self, result: &mut Map, ev: Value) -> Result<()> {
        let Value::Object(em) = ev else { return Ok(()) };
        let mut rmap: Option<Map> = None;
        for (prop, items) in em {
            self.tick()?;
            if prop == "@reverse" {
                if let Value::Object(inner) = items {
                    for (p, item) in inner {
                        add_value(result, &p, item);
                    }
                }
                continue;
            }
            // `result` has no `@reverse` entry yet: a reverse property before this keyword made
            // it a colliding keyword, and one after it adds to the entry pushed below.
            let r = rmap.get_or_insert_with(Vec::new);
            for item in ensure_array(items) {
                if is_object_with(&item, "@value") || is_object_with(&item, "@list") {
                    return Err(err("invalid reverse property value"));
                }
                add_value(r, &prop, item);
            }
        }
        if let Some(r) = rmap {
            result.push((String::from("@reverse"), Value::Object(r)));
        }
        Ok(())
    }

    /// Step 13.7: a language map.
    fn language_map(
        &mut self,
        active: &ActiveContext,
        def: Option<&TermDef>,
        map: &[(String, Value)],
    ) -> Result<Value> {
        let direction = match def.and_then(|d| d.direction.clone()) {
            Some(d) => d,
            None => active.direction.clone(),
        };
        let mut out = Vec::new();
        let mut entries: Vec<&(String, Value)> = map.iter().collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (lang, lv) in entries {
            for item in as_slice(lv) {
                self.tick()?;
                let s = match item {
                    Value::Null => continue,
                    Value::String(s) => s,
                    _ => return Err(err("invalid language map value")),
                };
                let mut v: Map = alloc::vec![(String::from("@value"), Value::String(s.clone()))];
                if iri_expand(active, lang, false, true).as_deref() != Some("@none") {
                    v.push((String::from("@language"), Value::String(lang.to_lowercase())));
                }
                if let Some(d) = &direction {
                    v.push((String::from("@direction"), Value::String(d.clone())));
                }
                out.push(Value::Object(v));
            }
        }
        Ok(Value::Array(out))
    }

    /// Step 13.8: an index, id or type map.
    fn index_map(
        &mut self,
        active: &Arc<ActiveContext>,
        key: &str,
        def: Option<&TermDef>,
        map: &[(String, Value)],
        base_url: Option<&str>,
        depth: usize,
    ) -> Result<Value> {
        let has = |c: &str| def.is_some_and(|d| d.has_container(c));
        let index_key = def.and_then(|d| d.index.clone()).unwrap_or_else(|| String::from("@index"));
        let mut out = Vec::new();
        let mut entries: Vec<&(String, Value)> = map.iter().collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (index, iv) in entries {
            self.tick()?;
            let mut map_ctx = Arc::clone(active);
            if has("@type") {
                let outer = active.previous.clone().unwrap_or_else(|| Arc::clone(active));
                if let Some(d) = outer.terms.get(index.as_str()).cloned() {
                    if let Some(c) = &d.context {
                        map_ctx = self.apply_context(&outer, c, Some(&d), d.base_url.as_deref(), false, true)?;
                    }
                }
            }
            let expanded_index = iri_expand(active, index, false, true);
            let is_none = expanded_index.as_deref() == Some("@none");
            let items =
                self.expand(&map_ctx, Some(key), &Value::Array(as_slice(iv).to_vec()), base_url, true, false, depth)?;
            for item in ensure_array(items) {
                let mut item = item;
                if has("@graph") && !is_graph_object(&item) {
                    item = obj1("@graph", Value::Array(ensure_array(item)));
                }
                if let Value::Object(im) = &mut item {
                    if has("@index") && index_key != "@index" && !is_none {
                        let re = expand_value(active, &index_key, &Value::String(index.clone()));
                        let Some(eik) = iri_expand(active, &index_key, false, true) else {
                            return Err(err("invalid term definition"));
                        };
                        if mhas(im, "@value") {
                            return Err(err("invalid value object"));
                        }
                        let mut vals = alloc::vec![re];
                        if let Some(existing) = mremove(im, &eik) {
                            vals.extend(ensure_array(existing));
                        }
                        im.push((eik, Value::Array(vals)));
                    } else if has("@index") && !mhas(im, "@index") && !is_none {
                        im.push((String::from("@index"), Value::String(index.clone())));
                    } else if has("@id") && !mhas(im, "@id") && !is_none {
                        im.push((String::from("@id"), iri_value(iri_expand(active, index, true, false))));
                    } else if has("@type") && !is_none {
                        let mut types = alloc::vec![iri_value(expanded_index.clone())];
                        if let Some(existing) = mremove(im, "@type") {
                            types.extend(ensure_array(existing));
                        }
                        im.push((String::from("@type"), Value::Array(types)));
                    }
                }
                out.push(item);
            }
        }
        Ok(Value::Array(out))
    }
}

/// Value Expansion (section 5.3.2).
pub(crate) fn expand_value(active: &ActiveContext, property: &str, value: &Value) -> Value {
    let def = active.term(property);
    let tm = def.and_then(|d| d.type_mapping.as_deref());
    if let Value::String(s) = value {
        match tm {
            Some("@id") => return obj1("@id", iri_value(iri_expand(active, s, true, false))),
            Some("@vocab") => return obj1("@id", iri_value(iri_expand(active, s, true, true))),
            _ => {}
        }
    }
    let mut r: Map = alloc::vec![(String::from("@value"), value.clone())];
    match tm {
        Some(t) if !matches!(t, "@id" | "@vocab" | "@none") => {
            r.push((String::from("@type"), Value::String(String::from(t))))
        }
        _ => {
            if let Value::String(_) = value {
                let language = match def.and_then(|d| d.language.clone()) {
                    Some(l) => l,
                    None => active.language.clone(),
                };
                let direction = match def.and_then(|d| d.direction.clone()) {
                    Some(d) => d,
                    None => active.direction.clone(),
                };
                if let Some(l) = language {
                    r.push((String::from("@language"), Value::String(l)));
                }
                if let Some(d) = direction {
                    r.push((String::from("@direction"), Value::String(d)));
                }
            }
        }
    }
    Value::Object(r)
}

#[cfg(test)]
mod tests;
