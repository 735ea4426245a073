//! Shared by the JSON-LD vector tests: a small N-Quads reader for expected files and an RDF
//! dataset isomorphism check (equal up to blank node labels).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, dead_code)] // test code

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};

// ---- a small N-Quads reader for the expected files -------------------------------------

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tok {
    Blank(String),
    Other(String),
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next().unwrap() {
            't' => out.push('\t'),
            'b' => out.push('\u{8}'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            'f' => out.push('\u{c}'),
            '"' => out.push('"'),
            '\'' => out.push('\''),
            '\\' => out.push('\\'),
            'u' => {
                let h: String = (0..4).map(|_| it.next().unwrap()).collect();
                out.push(char::from_u32(u32::from_str_radix(&h, 16).unwrap()).unwrap());
            }
            'U' => {
                let h: String = (0..8).map(|_| it.next().unwrap()).collect();
                out.push(char::from_u32(u32::from_str_radix(&h, 16).unwrap()).unwrap());
            }
            other => panic!("bad escape \\{other}"),
        }
    }
    out
}

/// One term from the front of `s`, normalized (unescaped, xsd:string made explicit).
fn term(s: &str) -> (Tok, &str) {
    let s = s.trim_start();
    if let Some(r) = s.strip_prefix('<') {
        let end = r.find('>').unwrap();
        (Tok::Other(format!("<{}>", unescape(&r[..end]))), &r[end + 1..])
    } else if let Some(r) = s.strip_prefix("_:") {
        let end = r.find(|c: char| c.is_whitespace()).unwrap_or(r.len());
        (Tok::Blank(r[..end].to_string()), &r[end..])
    } else if let Some(r) = s.strip_prefix('"') {
        let mut end = 0;
        let bytes = r.as_bytes();
        while bytes[end] != b'"' {
            end += if bytes[end] == b'\\' { 2 } else { 1 };
        }
        let value = unescape(&r[..end]);
        let mut rest = &r[end + 1..];
        let suffix = if let Some(l) = rest.strip_prefix('@') {
            let e = l.find(|c: char| c.is_whitespace()).unwrap_or(l.len());
            rest = &l[e..];
            format!("@{}", &l[..e])
        } else if let Some(d) = rest.strip_prefix("^^<") {
            let e = d.find('>').unwrap();
            rest = &d[e + 1..];
            format!("^^<{}>", unescape(&d[..e]))
        } else {
            "^^<http://www.w3.org/2001/XMLSchema#string>".to_string()
        };
        (Tok::Other(format!("{value:?}{suffix}")), rest)
    } else {
        panic!("cannot read term at {s:?}")
    }
}

pub fn parse_nquads(text: &str) -> BTreeSet<[Tok; 4]> {
    let mut out = BTreeSet::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (s, r) = term(line);
        let (p, r) = term(r);
        let (o, r) = term(r);
        let r = r.trim_start();
        let (g, _) = if r.starts_with('.') { (Tok::Other(String::new()), r) } else { term(r) };
        out.insert([s, p, o, g]);
    }
    out
}

// ---- dataset isomorphism -----------------------------------------------------------------

fn blanks(d: &BTreeSet<[Tok; 4]>) -> BTreeSet<String> {
    d.iter().flatten().filter_map(|t| if let Tok::Blank(b) = t { Some(b.clone()) } else { None }).collect()
}

/// Colour refinement: each blank node's colour summarizes the quads around it.
fn colours(d: &BTreeSet<[Tok; 4]>) -> HashMap<String, u64> {
    let mut col: HashMap<String, u64> = blanks(d).into_iter().map(|b| (b, 0)).collect();
    for _ in 0..col.len().max(1) + 1 {
        let mut next = HashMap::new();
        for b in col.keys() {
            let mut sigs: Vec<u64> = d
                .iter()
                .filter(|q| q.iter().any(|t| t == &Tok::Blank(b.clone())))
                .map(|q| {
                    let mut h = DefaultHasher::new();
                    for (i, t) in q.iter().enumerate() {
                        i.hash(&mut h);
                        match t {
                            Tok::Blank(x) if x == b => "SELF".hash(&mut h),
                            Tok::Blank(x) => col[x].hash(&mut h),
                            Tok::Other(o) => o.hash(&mut h),
                        }
                    }
                    h.finish()
                })
                .collect();
            sigs.sort_unstable();
            let mut h = DefaultHasher::new();
            sigs.hash(&mut h);
            next.insert(b.clone(), h.finish());
        }
        col = next;
    }
    col
}

pub fn isomorphic(a: &BTreeSet<[Tok; 4]>, b: &BTreeSet<[Tok; 4]>) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (ca, cb) = (colours(a), colours(b));
    if ca.len() != cb.len() {
        return false;
    }
    let mut order: Vec<&String> = ca.keys().collect();
    order.sort_by_key(|k| (cb.values().filter(|c| **c == ca[*k]).count(), (*k).clone()));
    let mut map: BTreeMap<String, String> = BTreeMap::new();
    let mut tries = 0usize;
    search(a, b, &ca, &cb, &order, &mut map, &mut tries)
}

fn search(
    a: &BTreeSet<[Tok; 4]>,
    b: &BTreeSet<[Tok; 4]>,
    ca: &HashMap<String, u64>,
    cb: &HashMap<String, u64>,
    order: &[&String],
    map: &mut BTreeMap<String, String>,
    tries: &mut usize,
) -> bool {
    *tries += 1;
    if *tries > 200_000 {
        return false;
    }
    let Some((first, rest)) = order.split_first() else {
        let mapped: BTreeSet<[Tok; 4]> = a
            .iter()
            .map(|q| q.clone().map(|t| if let Tok::Blank(x) = t { Tok::Blank(map[&x].clone()) } else { t }))
            .collect();
        return &mapped == b;
    };
    let used: BTreeSet<&String> = map.values().collect();
    let candidates: Vec<String> =
        cb.iter().filter(|(k, c)| **c == ca[*first] && !used.contains(k)).map(|(k, _)| k.clone()).collect();
    for cand in candidates {
        map.insert((*first).clone(), cand);
        if search(a, b, ca, cb, rest, map, tries) {
            return true;
        }
        map.remove(*first);
    }
    false
}
