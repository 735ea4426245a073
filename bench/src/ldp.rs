//! Linked Data proofs: one credential verified through `verify_credential` (JSON-LD `toRdf` over
//! the bundled contexts, RDFC-1.0, the suite's signature), the inputs `bench/node/bench.mjs` and
//! `bench/python/ldp_bench.py` verify or canonicalize the same way, with a loader that serves the
//! same context documents and never the network.

use std::path::Path;

use ssi_verify_core::crypto::did_key::TrustStore;
use ssi_verify_core::crypto::HashAlg;
use ssi_verify_core::json::Value;
use ssi_verify_core::jsonld::{to_rdf, ContextStore, Options};
use ssi_verify_core::presentation::credential::{read_credential, verify_credential};
use ssi_verify_core::presentation::verifier::VerifierPolicy;
use ssi_verify_core::rdf::canonicalize;
use ssi_verify_core::{Error, Limits};

use crate::{core_err, fail, Outcome};

/// The samples' own context: the `emailCredential` terms (served at [`EMAIL_CONTEXT_URL`]).
pub const EMAIL_CONTEXT: &str = include_str!("../../samples/ldp/context-email-v1.jsonld");
/// The URL the samples name [`EMAIL_CONTEXT`] by.
pub const EMAIL_CONTEXT_URL: &str = "https://example.org/ssi-verify/email/v1";
/// A VC 2.0 credential with a `DataIntegrityProof` (`eddsa-rdfc-2022`, did:key issuer).
pub const EDDSA_RDFC_2022: &str = include_str!("../../samples/ldp/vc-eddsa-rdfc-2022.json");
/// A VC 1.1 credential with an `Ed25519Signature2018` proof (detached JWS, did:key issuer).
pub const ED25519_2018: &str = include_str!("../../samples/ldp/vc-ed25519-2018.json");
/// The time the samples are checked at (2026-01-01, inside their validity).
pub const NOW: u64 = 1_767_225_600;
/// The credentials timed: (Criterion function name and input file stem, text).
pub const CREDENTIALS: [(&str, &str); 2] =
    [("eddsa_rdfc_2022", EDDSA_RDFC_2022), ("ed25519_signature_2018", ED25519_2018)];
/// The bundled contexts' directory (the library compiles the same files in, hash-checked).
const BUNDLED_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../core/contexts");

/// The context store the CLI builds for `--context` with the email context: the bundled set
/// plus [`EMAIL_CONTEXT`].
///
/// # Errors
/// The email context does not parse.
pub fn contexts() -> Outcome<ContextStore> {
    let mut store = ContextStore::bundled();
    store.register(EMAIL_CONTEXT_URL, EMAIL_CONTEXT, &Limits::DEFAULT).map_err(core_err("email context"))?;
    Ok(store)
}

/// `vc verify` of `text` (parse, proofs, issuer, validity, status) at [`NOW`] with `store`;
/// returns whether the report is valid.
///
/// ```
/// use ssi_verify_bench::ldp;
/// let store = ldp::contexts().unwrap();
/// assert!(ldp::verify(ldp::EDDSA_RDFC_2022, &store).unwrap());
/// assert!(!ldp::verify(&ldp::tampered(ldp::EDDSA_RDFC_2022), &store).unwrap());
/// ```
///
/// # Errors
/// "Could not check": the core's errors (an unknown context, a key that does not resolve, ...).
pub fn verify(text: &str, store: &ContextStore) -> Result<bool, Error> {
    let credential = read_credential(text, &Limits::DEFAULT)?;
    let policy = VerifierPolicy { contexts: Some(store), ..VerifierPolicy::at(NOW) };
    Ok(verify_credential(&credential, &TrustStore::new(), &policy, &Limits::DEFAULT)?.is_valid())
}

/// `text` without its `proof` member: the document the suites canonicalize.
///
/// # Errors
/// `text` is not a JSON object.
pub fn unsigned(text: &str) -> Outcome<String> {
    let mut doc: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    doc.as_object_mut().ok_or("a credential is a JSON object")?.remove("proof");
    serde_json::to_string(&doc).map_err(|e| e.to_string())
}

/// The canonical N-Quads (RDFC-1.0, SHA-256) of `text`: JSON parse, JSON-LD `toRdf` in safe mode
/// over `store`, canonicalization; the step pyld and `jsonld.canonize` are timed on.
///
/// # Errors
/// The core's JSON, JSON-LD and RDFC-1.0 errors.
pub fn canonical_nquads(text: &str, store: &ContextStore) -> Result<String, Error> {
    let doc = Value::parse(text, &Limits::DEFAULT)?;
    let options = Options { safe_mode: true, ..Options::default() };
    let quads = to_rdf(&doc, store, &options, &Limits::DEFAULT)?;
    Ok(canonicalize(&quads, HashAlg::Sha256, &Limits::DEFAULT)?.nquads().to_owned())
}

/// `text` with the subject's email changed: the same proof no longer covers it.
#[must_use]
pub fn tampered(text: &str) -> String {
    text.replacen("ann@example.org", "eve@example.org", 1)
}

/// Checks both credentials verify and their tampered copies do not, before anything is timed.
///
/// # Errors
/// A message naming the credential that disagrees.
pub fn check(store: &ContextStore) -> Outcome<()> {
    for (name, text) in CREDENTIALS {
        if !verify(text, store).map_err(core_err("Linked Data credential"))? {
            return fail(format!("{name}: the sample credential did not verify"));
        }
        let changed = tampered(text);
        if changed == text || verify(&changed, store).map_err(core_err("Linked Data credential"))? {
            return fail(format!("{name}: a credential with a changed claim verified"));
        }
    }
    Ok(())
}

/// Writes `ldp-<name>.json` for each credential, `ldp-<name>.nq` with the canonical N-Quads of
/// its unsigned document (what the other implementations must produce), and `ldp-contexts.json`, an object mapping each
/// context URL (the bundled ones and the email context) to its document, for the Node and Python
/// loaders.
///
/// # Errors
/// A context file that does not read or parse; a file that does not write.
pub fn write_inputs(dir: &Path) -> Outcome<()> {
    let write = |name: &str, data: &[u8]| std::fs::write(dir.join(name), data).map_err(|e| format!("{name}: {e}"));
    for (name, text) in CREDENTIALS {
        write(&format!("ldp-{name}.json"), text.as_bytes())?;
        let nquads = canonical_nquads(&unsigned(text)?, &contexts()?).map_err(core_err("canonicalization"))?;
        write(&format!("ldp-{name}.nq"), nquads.as_bytes())?;
    }
    let parse = |what: &str, text: &str| {
        serde_json::from_str::<serde_json::Value>(text).map_err(|e| format!("context {what}: {e}"))
    };
    let mut map = serde_json::Map::new();
    for (url, file, _) in ContextStore::bundled_list() {
        let path = Path::new(BUNDLED_DIR).join(file);
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        map.insert(url.to_owned(), parse(url, &text)?);
    }
    map.insert(EMAIL_CONTEXT_URL.to_owned(), parse(EMAIL_CONTEXT_URL, EMAIL_CONTEXT)?);
    let json = serde_json::to_string(&serde_json::Value::Object(map)).map_err(|e| e.to_string())?;
    write("ldp-contexts.json", json.as_bytes())
}
