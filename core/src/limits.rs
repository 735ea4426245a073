//! Resource bounds applied to every parser and verifier.

/// Hard ceiling on JSON nesting depth, whatever `Limits::max_depth` says.
pub const DEPTH_CEILING: usize = 256;

/// Resource bounds. Every loop and every nesting level in the core is bounded by one of these.
///
/// The defaults suit a phone or kiosk handling one request at a time; a caller can only
/// tighten them usefully (the JSON lexer additionally caps depth at [`DEPTH_CEILING`]
/// because its container stack is a fixed-size bit set).
///
/// ```
/// use ssi_verify_core::Limits;
/// let tight = Limits { max_input_bytes: 4096, ..Limits::DEFAULT };
/// assert!(tight.max_input_bytes < Limits::default().max_input_bytes);
/// ```
// `repr(C)`: the C ABI passes this struct itself (the header's `ssi_limits`), so a field added
// here reaches C with no mirror to update.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted input, in bytes (Base64 text, JSON document, body). Default 4 MiB.
    pub max_input_bytes: usize,
    /// Deepest nesting of JSON arrays/objects. Default 64, never more than [`DEPTH_CEILING`].
    pub max_depth: usize,
    /// Most JSON values in one document (every scalar, array and object counts one). Default 200,000.
    pub max_items: usize,
    /// Longest JSON string or number token, in bytes of its raw (escaped) form. Default 1 MiB.
    pub max_string_bytes: usize,
    /// Most entries in a Smart-ID interactions array read on the wallet side (unknown
    /// types included). The strict reading never accepts more than 3. Default 16.
    pub max_interactions: usize,
    /// Most quads in one RDF dataset (N-Quads input, JSON-LD `toRdf` output). Default 100,000.
    pub max_quads: usize,
    /// Work budget of one RDFC-1.0 canonicalization, in units of the Hash N-Degree Quads
    /// algorithm: one per call and per quad it hashes, one per permutation and per identifier
    /// its issuer copy clones, one per blank node a permutation visits. Past it,
    /// canonicalization stops with `CANONICALIZATION_TOO_COMPLEX` (the "poison dataset" defence
    /// RDFC-1.0 section 4.4 asks for). Default 100,000: the non-poison tests of the W3C suite
    /// need at most 216, the "evil" poison graphs that must still be computed (tests 044-046)
    /// 26,028 each, while the 10-node clique (test 074, which must fail) needs more than
    /// 2 million. A unit costs about 0.5 µs on a laptop core (release build), so the default
    /// stops any dataset within about 50 ms. The recursion is also bounded by [`Limits::depth`].
    pub max_rdfc_work: usize,
    /// Largest decoded (inflated) credential status list, in bytes. Default 1 MiB (8,388,608
    /// one-bit entries); the specifications' minimum list is 16 KiB, so a bound below that
    /// refuses every conformant list.
    pub max_status_list_bytes: usize,
    /// Most certificates in an X.509 path, end entity and trust anchor included. Default 6
    /// (Smart-ID paths have 3: end entity, intermediate, root).
    pub max_cert_path: usize,
    /// Most JSON-LD contexts followed in one chain of context references (remote contexts,
    /// `@import`, scoped contexts inside scoped contexts). Default 32.
    pub max_context_depth: usize,
    /// Most JSON-LD processing work for one document, in units of one step (a term definition,
    /// an expanded value, a node-map or RDF step) plus one per entry copied or scanned (an
    /// active context copied, an object's or a property's entries searched), so the time is
    /// linear in this bound whatever the input. Default 10,000,000 (the W3C Data Integrity
    /// example credentials take under 15,000).
    pub max_jsonld_work: usize,
}

impl Limits {
    /// The documented defaults.
    pub const DEFAULT: Limits = Limits {
        max_input_bytes: 4 * 1024 * 1024,
        max_depth: 64,
        max_items: 200_000,
        max_string_bytes: 1024 * 1024,
        max_interactions: 16,
        max_quads: 100_000,
        max_rdfc_work: 100_000,
        max_status_list_bytes: 1024 * 1024,
        max_cert_path: 6,
        max_context_depth: 32,
        max_jsonld_work: 10_000_000,
    };

    /// The effective depth bound (never above [`DEPTH_CEILING`]).
    #[must_use]
    pub const fn depth(&self) -> usize {
        if self.max_depth > DEPTH_CEILING {
            DEPTH_CEILING
        } else {
            self.max_depth
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Self::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_documented_figures() {
        let d = Limits::default();
        assert_eq!((d.max_input_bytes, d.max_string_bytes, d.max_status_list_bytes), (4_194_304, 1_048_576, 1_048_576));
        assert_eq!((d.max_depth, d.max_items, d.max_interactions), (64, 200_000, 16));
        assert_eq!((d.max_quads, d.max_rdfc_work, d.max_jsonld_work), (100_000, 100_000, 10_000_000));
        assert_eq!((d.max_cert_path, d.max_context_depth), (6, 32));
    }

    #[test]
    fn depth_never_passes_the_ceiling() {
        let with = |max_depth| Limits { max_depth, ..Limits::DEFAULT }.depth();
        assert_eq!(
            (with(0), with(64), with(DEPTH_CEILING), with(DEPTH_CEILING + 1), with(usize::MAX)),
            (0, 64, 256, 256, 256)
        );
    }
}
