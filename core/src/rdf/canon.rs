//! RDF Dataset Canonicalization, RDFC-1.0 (W3C Recommendation, 21 May 2024).
//!
//! The algorithm of section 4.4 step by step: the blank-node-to-quads map, first-degree
//! hashes (4.6), canonical identifiers for the uniquely hashed blank nodes, Hash N-Degree
//! Quads (4.8) with its permutations and recursion for the rest, then the relabelled quads
//! in canonical N-Quads, sorted. The hash function is a parameter (SHA-256 by default,
//! SHA-384 for ecdsa-rdfc-2019 with P-384).
//!
//! Section 4.4 warns that a "poison" dataset makes Hash N-Degree Quads explode
//! (factorially many permutations). The work of that algorithm is charged against
//! [`Limits::max_rdfc_work`]: one unit per call and per quad it hashes, one per permutation
//! and per identifier the permutation's issuer copy clones, one per blank node a permutation
//! visits. Past the budget the run stops with [`ErrorCode::CanonicalizationTooComplex`]. Its
//! recursion is at most [`Limits::depth`] deep. Time is therefore linear in the budget (a
//! hub blank node with thousands of identical neighbours cannot multiply it), and memory is
//! bounded by the recursion depth times the issuer size.

use alloc::collections::{BTreeMap, BTreeSet};
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write as _;
use core::ops::Range;

use super::nquads::{parse_nquads, write_term};
use super::term::{Quad, Term};
use crate::codec::hex_encode;
use crate::crypto::{digest, HashAlg};
use crate::error::{Error, ErrorCode, Result};
use crate::Limits;

/// The result of RDFC-1.0: the canonical N-Quads and the issued identifiers map.
///
/// ```
/// use ssi_verify_core::rdf::{canonicalize, parse_nquads};
/// use ssi_verify_core::crypto::HashAlg;
/// use ssi_verify_core::Limits;
/// let quads = parse_nquads("_:x <urn:ex:p> \"v\" .\n", &Limits::DEFAULT).unwrap();
/// let canon = canonicalize(&quads, HashAlg::Sha256, &Limits::DEFAULT).unwrap();
/// assert_eq!(canon.nquads(), "_:c14n0 <urn:ex:p> \"v\" .\n");
/// assert_eq!(canon.issued_identifiers(), [("x".to_string(), "c14n0".to_string())]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CanonicalDataset {
    nquads: String,
    issued: Vec<(String, String)>,
}

impl CanonicalDataset {
    /// The canonical N-Quads document: one quad per line, each ending in `\n`, lines sorted
    /// in code point order, duplicates removed.
    #[must_use]
    pub fn nquads(&self) -> &str {
        &self.nquads
    }

    /// The canonical N-Quads document, by value.
    #[must_use]
    pub fn into_nquads(self) -> String {
        self.nquads
    }

    /// The issued identifiers map: (input blank node label, canonical label `c14nN`), in the
    /// order the canonical labels were issued.
    #[must_use]
    pub fn issued_identifiers(&self) -> &[(String, String)] {
        &self.issued
    }
}

/// Canonicalizes an RDF dataset with RDFC-1.0, hashing with `hash`.
///
/// ```
/// use ssi_verify_core::rdf::{canonicalize, parse_nquads};
/// use ssi_verify_core::crypto::HashAlg;
/// use ssi_verify_core::Limits;
/// // Two isomorphic datasets get the same canonical form whatever their labels.
/// let a = parse_nquads("_:a <urn:p> _:b .\n_:b <urn:q> \"1\" .\n", &Limits::DEFAULT).unwrap();
/// let b = parse_nquads("_:y <urn:q> \"1\" .\n_:x <urn:p> _:y .\n", &Limits::DEFAULT).unwrap();
/// let ca = canonicalize(&a, HashAlg::Sha256, &Limits::DEFAULT).unwrap();
/// let cb = canonicalize(&b, HashAlg::Sha256, &Limits::DEFAULT).unwrap();
/// assert_eq!(ca.nquads(), cb.nquads());
/// assert_eq!(ca.nquads(), "_:c14n0 <urn:q> \"1\" .\n_:c14n1 <urn:p> _:c14n0 .\n");
/// ```
///
/// # Errors
/// [`ErrorCode::CanonicalizationTooComplex`] past [`Limits::max_rdfc_work`] or
/// [`Limits::depth`]; [`ErrorCode::TooManyItems`] for more quads than [`Limits::max_quads`];
/// [`ErrorCode::InvalidNquads`] for a quad RDF does not allow (a literal subject or graph
/// name, a predicate that is not an IRI).
pub fn canonicalize(quads: &[Quad], hash: HashAlg, limits: &Limits) -> Result<CanonicalDataset> {
    if quads.len() > limits.max_quads {
        return Err(Error::new(ErrorCode::TooManyItems, "more quads than Limits::max_quads"));
    }
    let mut state = State::new(quads, hash, limits)?;
    state.run()
}

/// Parses N-Quads and returns their canonical N-Quads (RDFC-1.0 with `hash`).
///
/// ```
/// use ssi_verify_core::rdf::canonicalize_nquads;
/// use ssi_verify_core::crypto::HashAlg;
/// use ssi_verify_core::Limits;
/// let out = canonicalize_nquads("_:b <urn:p> <urn:o> .\n_:b <urn:p> <urn:o> .\n", HashAlg::Sha256, &Limits::DEFAULT);
/// assert_eq!(out.unwrap(), "_:c14n0 <urn:p> <urn:o> .\n");
/// ```
///
/// # Errors
/// Those of [`parse_nquads`] and [`canonicalize`].
pub fn canonicalize_nquads(text: &str, hash: HashAlg, limits: &Limits) -> Result<String> {
    let quads = parse_nquads(text, limits)?;
    Ok(canonicalize(&quads, hash, limits)?.into_nquads())
}

/// One component of a quad: fixed text (an IRI or literal in N-Quads form, where it stands in
/// [`State::text`]) or a blank node.
enum Comp {
    Text(Range<usize>),
    Blank(usize),
    Absent,
}

/// An identifier issuer (section 4.5): a prefix and the blank nodes in issue order.
#[derive(Clone)]
struct Issuer {
    prefix: &'static str,
    order: Vec<usize>,
    map: BTreeMap<usize, usize>,
}

impl Issuer {
    fn new(prefix: &'static str) -> Self {
        Self { prefix, order: Vec::new(), map: BTreeMap::new() }
    }

    fn get(&self, node: usize) -> Option<usize> {
        self.map.get(&node).copied()
    }

    fn issue(&mut self, node: usize) -> usize {
        if let Some(n) = self.get(node) {
            return n;
        }
        let n = self.order.len();
        self.order.push(node);
        self.map.insert(node, n);
        n
    }

    /// Appends `_:` and the identifier issued for `node` (issuing one if needed).
    fn push_issued(&mut self, node: usize, out: &mut String) {
        let n = self.issue(node);
        let _ = write!(out, "_:{}{n}", self.prefix);
    }
}

struct State<'a> {
    hash: HashAlg,
    limits: &'a Limits,
    comps: Vec<[Comp; 4]>,
    /// The N-Quads form of every fixed component, one after another (one buffer, not a string
    /// each).
    text: String,
    labels: Vec<&'a str>,
    node_quads: Vec<Vec<usize>>,
    first_degree: Vec<String>,
    canon: Issuer,
    work: usize,
}

fn not_rdf(detail: &'static str) -> Error {
    Error::new(ErrorCode::InvalidNquads, detail)
}

impl<'a> State<'a> {
    fn new(quads: &'a [Quad], hash: HashAlg, limits: &'a Limits) -> Result<Self> {
        // A dataset is a set: identical quads count once (tests 076, 077).
        let mut seen = BTreeSet::new();
        let mut labels: Vec<&'a str> = Vec::new();
        let mut index: BTreeMap<&'a str, usize> = BTreeMap::new();
        let mut node_quads: Vec<Vec<usize>> = Vec::new();
        let mut comps = Vec::new();
        let mut text = String::new();
        for q in quads {
            if !seen.insert(q) {
                continue;
            }
            if matches!(q.subject, Term::Literal { .. }) || matches!(q.graph, Some(Term::Literal { .. })) {
                return Err(not_rdf("a subject or graph name is an IRI or a blank node"));
            }
            if !matches!(q.predicate, Term::Iri(_)) {
                return Err(not_rdf("a predicate is an IRI"));
            }
            let qi = comps.len();
            let mut comp = |t: Option<&'a Term>| match t {
                None => Comp::Absent,
                Some(Term::Blank(label)) => {
                    let n = *index.entry(label.as_str()).or_insert_with(|| {
                        labels.push(label.as_str());
                        node_quads.push(Vec::new());
                        labels.len() - 1
                    });
                    if let Some(list) = node_quads.get_mut(n) {
                        // A node twice in one quad still lists the quad once.
                        if list.last() != Some(&qi) {
                            list.push(qi);
                        }
                    }
                    Comp::Blank(n)
                }
                Some(t) => {
                    let start = text.len();
                    write_term(t, &mut text);
                    Comp::Text(start..text.len())
                }
            };
            let c = [comp(Some(&q.subject)), comp(Some(&q.predicate)), comp(Some(&q.object)), comp(q.graph.as_ref())];
            comps.push(c);
        }
        Ok(Self {
            hash,
            limits,
            comps,
            text,
            labels,
            node_quads,
            first_degree: Vec::new(),
            canon: Issuer::new("c14n"),
            work: 0,
        })
    }

    fn hash_hex(&self, data: &[u8]) -> String {
        hex_encode(digest(self.hash, &[data]).as_bytes())
    }

    /// Writes quad `qi` in N-Quads form (without the final ` .\n`), naming blank nodes with `name`.
    fn write_quad(&self, qi: usize, out: &mut String, name: &mut dyn FnMut(usize, &mut String)) {
        let Some(comps) = self.comps.get(qi) else { return };
        let mut first = true;
        for c in comps {
            match c {
                Comp::Absent => continue,
                _ if !first => out.push(' '),
                _ => {}
            }
            first = false;
            match c {
                Comp::Text(r) => out.push_str(self.fixed(r)),
                Comp::Blank(n) => name(*n, out),
                Comp::Absent => {}
            }
        }
        out.push_str(" .\n");
    }

    /// The N-Quads text of a fixed component.
    fn fixed(&self, r: &Range<usize>) -> &str {
        self.text.get(r.clone()).unwrap_or_default()
    }

    /// Hash First Degree Quads (section 4.6).
    fn hash_first_degree(&self, node: usize) -> String {
        let quads = self.node_quads.get(node).map(Vec::as_slice).unwrap_or_default();
        let (text, ends) = write_lines(quads.len(), |i, out| {
            let qi = quads.get(i).copied().unwrap_or(usize::MAX);
            self.write_quad(qi, out, &mut |n, out| out.push_str(if n == node { "_:a" } else { "_:z" }));
        });
        let lines = sorted_lines(&text, &ends);
        let parts: Vec<&[u8]> = lines.iter().map(|l| l.as_bytes()).collect();
        hex_encode(digest(self.hash, &parts).as_bytes())
    }

    /// Hash Related Blank Node (section 4.7); `position` is `s`, `o` or `g`.
    fn hash_related(&self, related: usize, qi: usize, issuer: &Issuer, position: char) -> String {
        let mut input = String::new();
        input.push(position);
        if position != 'g' {
            if let Some([_, Comp::Text(p), _, _]) = self.comps.get(qi) {
                input.push_str(self.fixed(p));
            }
        }
        if let Some(n) = self.canon.get(related) {
            let _ = write!(input, "_:c14n{n}");
        } else if let Some(n) = issuer.get(related) {
            let _ = write!(input, "_:b{n}");
        } else {
            input.push_str(self.first_degree.get(related).map(String::as_str).unwrap_or_default());
        }
        self.hash_hex(input.as_bytes())
    }

    /// Charges `units` of work against `Limits::max_rdfc_work`.
    fn spend(&mut self, units: usize) -> Result<()> {
        self.work = self.work.saturating_add(units);
        if self.work > self.limits.max_rdfc_work {
            return Err(Error::new(
                ErrorCode::CanonicalizationTooComplex,
                "Hash N-Degree Quads exceeded Limits::max_rdfc_work",
            ));
        }
        Ok(())
    }

    /// Hash N-Degree Quads (section 4.8).
    fn hash_n_degree(&mut self, node: usize, issuer: &Issuer, depth: usize) -> Result<(String, Issuer)> {
        // One unit for the call and one per quad whose related blank nodes it hashes.
        let degree = self.node_quads.get(node).map_or(0, Vec::len);
        self.spend(1 + degree)?;
        if depth >= self.limits.depth() {
            return Err(Error::new(
                ErrorCode::CanonicalizationTooComplex,
                "Hash N-Degree Quads recursion deeper than Limits::depth",
            ));
        }
        let mut issuer = issuer.clone();
        // Steps 1-3: related blank nodes grouped by their related hash (sorted by the map).
        let mut by_hash: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let quads = self.node_quads.get(node).cloned().unwrap_or_default();
        for qi in quads {
            for (slot, position) in [(0usize, 's'), (2, 'o'), (3, 'g')] {
                if let Some(Comp::Blank(related)) = self.comps.get(qi).and_then(|c| c.get(slot)) {
                    let related = *related;
                    if related != node {
                        let h = self.hash_related(related, qi, &issuer, position);
                        by_hash.entry(h).or_default().push(related);
                    }
                }
            }
        }
        // Step 5.
        let mut data = String::new();
        for (related_hash, nodes) in by_hash {
            data.push_str(&related_hash);
            let mut chosen_path = String::new();
            let mut chosen_issuer: Option<Issuer> = None;
            let mut perm: Vec<usize> = (0..nodes.len()).collect();
            loop {
                // One unit per permutation and per identifier its issuer copy clones.
                self.spend(1 + issuer.order.len())?;
                if let Some((path, copy)) = self.try_permutation(&perm, &nodes, &issuer, &chosen_path, depth)? {
                    if chosen_path.is_empty() || path < chosen_path {
                        chosen_path = path;
                        chosen_issuer = Some(copy);
                    }
                }
                if !next_permutation(&mut perm) {
                    break;
                }
            }
            data.push_str(&chosen_path);
            if let Some(chosen) = chosen_issuer {
                issuer = chosen;
            }
        }
        Ok((self.hash_hex(data.as_bytes()), issuer))
    }

    /// Steps 5.4.1-5.4.5 for one permutation: its path and issuer, or `None` once the path
    /// can no longer beat `chosen`.
    fn try_permutation(
        &mut self,
        perm: &[usize],
        nodes: &[usize],
        issuer: &Issuer,
        chosen: &str,
        depth: usize,
    ) -> Result<Option<(String, Issuer)>> {
        let worse = |path: &str| !chosen.is_empty() && path.len() >= chosen.len() && path > chosen;
        let mut copy = issuer.clone();
        let mut path = String::new();
        let mut recursion = Vec::new();
        for &i in perm {
            self.spend(1)?;
            let Some(&related) = nodes.get(i) else { continue };
            if let Some(n) = self.canon.get(related) {
                let _ = write!(path, "_:c14n{n}");
            } else {
                if copy.get(related).is_none() {
                    recursion.push(related);
                }
                copy.push_issued(related, &mut path);
            }
            if worse(&path) {
                return Ok(None);
            }
        }
        for related in recursion {
            let (hash, result_issuer) = self.hash_n_degree(related, &copy, depth + 1)?;
            copy.push_issued(related, &mut path);
            path.push('<');
            path.push_str(&hash);
            path.push('>');
            copy = result_issuer;
            if worse(&path) {
                return Ok(None);
            }
        }
        Ok(Some((path, copy)))
    }

    /// Section 4.4.3, steps 2-7.
    fn run(&mut self) -> Result<CanonicalDataset> {
        // Step 3: first-degree hashes, grouped.
        self.first_degree = (0..self.labels.len()).map(|n| self.hash_first_degree(n)).collect();
        let mut by_hash: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (n, h) in self.first_degree.iter().enumerate() {
            by_hash.entry(h.clone()).or_default().push(n);
        }
        // Step 4: uniquely hashed blank nodes get canonical identifiers in hash order.
        let mut shared = Vec::new();
        for (h, nodes) in by_hash {
            match nodes.as_slice() {
                [only] => {
                    self.canon.issue(*only);
                }
                _ => shared.push((h, nodes)),
            }
        }
        // Step 5: the rest, through Hash N-Degree Quads.
        for (_, nodes) in shared {
            let mut paths: Vec<(String, Issuer)> = Vec::new();
            for n in nodes {
                if self.canon.get(n).is_some() {
                    continue;
                }
                let mut temp = Issuer::new("b");
                temp.issue(n);
                paths.push(self.hash_n_degree(n, &temp, 0)?);
            }
            // Stable: equal hashes keep the order of the input (that decides the map tests).
            paths.sort_by(|a, b| a.0.cmp(&b.0));
            for (_, issuer) in paths {
                for n in issuer.order {
                    self.canon.issue(n);
                }
            }
        }
        // Step 6: relabel, serialize, sort.
        let canon = &self.canon;
        let (text, ends) = write_lines(self.comps.len(), |qi, out| {
            self.write_quad(qi, out, &mut |n, out| {
                let _ = write!(out, "_:c14n{}", canon.get(n).unwrap_or(usize::MAX));
            });
        });
        let lines = sorted_lines(&text, &ends);
        let mut nquads = String::with_capacity(text.len());
        nquads.extend(lines);
        let issued = self
            .canon
            .order
            .iter()
            .enumerate()
            .map(|(c, &n)| {
                let label = self.labels.get(n).copied().unwrap_or_default();
                (String::from(label), alloc::format!("c14n{c}"))
            })
            .collect();
        Ok(CanonicalDataset { nquads, issued })
    }
}

/// Writes `count` lines one after another into one buffer (`write` gets the line's index);
/// returns the buffer and where each line ends.
fn write_lines(count: usize, mut write: impl FnMut(usize, &mut String)) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut ends = Vec::with_capacity(count);
    for i in 0..count {
        write(i, &mut text);
        ends.push(text.len());
    }
    (text, ends)
}

/// The lines of [`write_lines`] sorted in code point order (the byte order of UTF-8).
fn sorted_lines<'t>(text: &'t str, ends: &[usize]) -> Vec<&'t str> {
    let starts = core::iter::once(0).chain(ends.iter().copied());
    let mut lines: Vec<&str> = starts.zip(ends).map(|(a, &b)| text.get(a..b).unwrap_or_default()).collect();
    lines.sort_unstable();
    lines
}

/// Rearranges `v` into the next permutation in lexicographic order; false after the last.
fn next_permutation(v: &mut [usize]) -> bool {
    let n = v.len();
    let Some(i) = (1..n).rev().find(|&i| v.get(i - 1) < v.get(i)) else {
        return false;
    };
    let pivot = v.get(i - 1).copied().unwrap_or_default();
    let Some(j) = (i..n).rev().find(|&j| v.get(j).is_some_and(|&x| x > pivot)) else {
        return false;
    };
    v.swap(i - 1, j);
    if let Some(tail) = v.get_mut(i..) {
        tail.reverse();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permutations_are_all_visited() {
        let mut v = [0, 1, 2, 3];
        let mut count = 1;
        while next_permutation(&mut v) {
            count += 1;
        }
        assert_eq!(count, 24);
        assert_eq!(v, [3, 2, 1, 0]);
        assert!(!next_permutation(&mut []));
    }

    #[test]
    fn work_may_reach_the_limit_but_not_pass_it() {
        // Two blank nodes pointing at each other tie on their first-degree hashes, so
        // canonicalizing them takes Hash N-Degree Quads: 42 units of work as counted now (one
        // per call and one per quad hashed); a change in that accounting changes this figure.
        let q = crate::rdf::parse_nquads("_:a <urn:p> _:b .\n_:b <urn:p> _:a .\n", &Limits::DEFAULT).unwrap();
        let run = |w: usize| canonicalize(&q, HashAlg::Sha256, &Limits { max_rdfc_work: w, ..Limits::DEFAULT });
        assert!(run(42).is_ok());
        for w in [0, 1, 41] {
            assert_eq!(run(w).unwrap_err().code(), ErrorCode::CanonicalizationTooComplex, "{w}");
        }
    }

    #[test]
    fn at_most_max_quads() {
        let q =
            crate::rdf::parse_nquads("<urn:s> <urn:p> \"1\" .\n<urn:s> <urn:p> \"2\" .\n", &Limits::DEFAULT).unwrap();
        let run = |n: usize| canonicalize(&q, HashAlg::Sha256, &Limits { max_quads: n, ..Limits::DEFAULT });
        assert_eq!(run(2).unwrap().nquads(), "<urn:s> <urn:p> \"1\" .\n<urn:s> <urn:p> \"2\" .\n");
        assert_eq!(run(1).unwrap_err().code(), ErrorCode::TooManyItems);
    }

    #[test]
    fn permutations_with_repeated_values_are_each_visited_once() {
        // The canonicalizer permutes distinct indices only, but the function's contract is the
        // general next lexicographic permutation.
        let all = |mut v: [usize; 3]| {
            let mut seen = alloc::vec![v];
            while next_permutation(&mut v) && seen.len() < 10 {
                seen.push(v);
            }
            seen
        };
        assert_eq!(all([0, 0, 1]), [[0, 0, 1], [0, 1, 0], [1, 0, 0]]);
        assert_eq!(all([0, 1, 1]), [[0, 1, 1], [1, 0, 1], [1, 1, 0]]);
    }

    #[test]
    fn refuses_non_rdf_quads() {
        let lit =
            Term::Literal { value: "x".into(), datatype: super::super::nquads::XSD_STRING.into(), language: None };
        let q =
            Quad { subject: lit, predicate: Term::Iri("urn:p".into()), object: Term::Iri("urn:o".into()), graph: None };
        assert_eq!(canonicalize(&[q], HashAlg::Sha256, &Limits::DEFAULT).unwrap_err().code(), ErrorCode::InvalidNquads);
        let q = Quad {
            subject: Term::Iri("urn:s".into()),
            predicate: Term::Blank("p".into()),
            object: Term::Iri("urn:o".into()),
            graph: None,
        };
        assert_eq!(canonicalize(&[q], HashAlg::Sha256, &Limits::DEFAULT).unwrap_err().code(), ErrorCode::InvalidNquads);
    }

    /// Two identical hubs with many identical leaves: each permutation of a hub's leaves
    /// visits them all, so the budget has to count nodes, not only permutations.
    #[test]
    fn budget_stops_wide_hubs_quickly() {
        let mut text = String::new();
        for hub in 0..2 {
            for leaf in 0..3000 {
                let _ = writeln!(text, "_:h{hub} <urn:p> _:l{hub}x{leaf} .");
            }
        }
        let quads = parse_nquads(&text, &Limits::DEFAULT).unwrap();
        let e = canonicalize(&quads, HashAlg::Sha256, &Limits::DEFAULT).unwrap_err();
        assert_eq!(e.code(), ErrorCode::CanonicalizationTooComplex);
    }

    #[test]
    fn budget_and_depth_stop_a_clique() {
        let mut text = String::new();
        for a in 0..6 {
            for b in 0..6 {
                let _ = writeln!(text, "_:n{a} <urn:p> _:n{b} .");
            }
        }
        let quads = parse_nquads(&text, &Limits::DEFAULT).unwrap();
        let tight = Limits { max_rdfc_work: 10, ..Limits::DEFAULT };
        let e = canonicalize(&quads, HashAlg::Sha256, &tight).unwrap_err();
        assert_eq!(e.code(), ErrorCode::CanonicalizationTooComplex);
        let shallow = Limits { max_depth: 1, max_rdfc_work: usize::MAX, ..Limits::DEFAULT };
        let e = canonicalize(&quads, HashAlg::Sha256, &shallow).unwrap_err();
        assert_eq!(e.code(), ErrorCode::CanonicalizationTooComplex);
    }
}
