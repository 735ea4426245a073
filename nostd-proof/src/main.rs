//! Proof that `ssi-verify-core` and every one of its dependencies build and run without `std`.
//!
//! This binary is `#![no_std]` and brings its own `#[panic_handler]`. If any crate in the
//! dependency graph pulled `std` in, `std`'s panic handler would be linked as well and the
//! build would stop with "found duplicate lang item `panic_impl`".
//!
//! It links against the system C library only for the C runtime start-up (`crt1.o` calls
//! `main` below), `write` and `abort`; the heap is a bump allocator over a static array.
//! `main` runs real checks against official Smart-ID vectors, the ProofSpace RSA-4096
//! `X-Body-Signature` vector (plus an Ed25519 sign/verify round trip) and a did:key credential,
//! prints one line, then measures the stack each entry point uses (see `stack.rs`).
//!
//! Each system is behind a cargo feature of this crate (`smartid`, `proofspace-ed25519`,
//! `proofspace`, `presentation`; default all), so `run.sh --sizes` can report the `.text` each
//! configuration costs: only the checks of the enabled features are linked.

#![no_std]
#![no_main]
#![deny(unsafe_op_in_unsafe_fn)]

extern crate alloc;

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::fmt::{self, Write as _};
use core::panic::PanicInfo;
use core::ptr;
use core::sync::atomic::{AtomicUsize, Ordering};

mod stack;

// ---------------------------------------------------------------------------------------------
// The few C library functions used, declared by hand (no `libc` crate).
// ---------------------------------------------------------------------------------------------

#[link(name = "c")]
unsafe extern "C" {
    fn write(fd: i32, buf: *const u8, count: usize) -> isize;
    fn abort() -> !;
}

/// Writes all of `bytes` to file descriptor `fd`, ignoring errors (there is nowhere to report them).
fn write_all(fd: i32, mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SAFETY: `bytes` is a live, initialised slice, so `bytes.as_ptr()` is valid for reads of
        // `bytes.len()` bytes for the duration of the call; `write` does not retain the pointer.
        let n = unsafe { write(fd, bytes.as_ptr(), bytes.len()) };
        match usize::try_from(n) {
            Ok(written) if written > 0 => bytes = bytes.get(written..).unwrap_or(&[]),
            _ => return,
        }
    }
}

/// A fixed-size line buffer on the stack that `core::fmt` can write into (truncates when full).
struct Line {
    buf: [u8; 512],
    len: usize,
}

impl Line {
    const fn new() -> Self {
        Self { buf: [0; 512], len: 0 }
    }

    fn print(&mut self, fd: i32) {
        let _ = self.write_str("\n");
        write_all(fd, self.buf.get(..self.len).unwrap_or(&[]));
        self.len = 0;
    }
}

impl fmt::Write for Line {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let room = self.buf.get_mut(self.len..).unwrap_or(&mut []);
        let n = room.len().min(s.len());
        if let (Some(dst), Some(src)) = (room.get_mut(..n), s.as_bytes().get(..n)) {
            dst.copy_from_slice(src);
            self.len += n;
        }
        if n == s.len() {
            Ok(())
        } else {
            Err(fmt::Error)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Panic handler: report on stderr, then abort.
// ---------------------------------------------------------------------------------------------

#[panic_handler]
fn panic(info: &PanicInfo<'_>) -> ! {
    let mut line = Line::new();
    let _ = write!(line, "nostd-proof: panic: {info}");
    line.print(2);
    // SAFETY: `abort` takes no arguments, never returns and is always safe to call.
    unsafe { abort() }
}

/// The unwinding personality routine. The precompiled `liballoc` of the stable toolchain is built
/// with `panic = "unwind"`, so its cleanup landing pads reference this symbol; without LTO (the
/// dev profile) the linker keeps them and fails with "undefined symbol: `rust_eh_personality`".
/// (The release profile's LTO removes the reference, so it links without this.) It is never
/// called: every panic aborts in the handler above and nothing else unwinds.
#[no_mangle]
extern "C" fn rust_eh_personality() -> ! {
    // SAFETY: `abort` takes no arguments, never returns and is always safe to call.
    unsafe { abort() }
}

/// Resumes unwinding after a cleanup landing pad. Same story as `rust_eh_personality`: landing
/// pads in the precompiled `liballoc` code reached by the presentation checks (JSONPath, JCS)
/// survive LTO and name this symbol, but they only run while unwinding, and nothing unwinds.
#[no_mangle]
extern "C" fn _Unwind_Resume() -> ! {
    // SAFETY: `abort` takes no arguments, never returns and is always safe to call.
    unsafe { abort() }
}

// ---------------------------------------------------------------------------------------------
// Global allocator: a bump allocator over a static 1 MiB array.
// ---------------------------------------------------------------------------------------------

// The stack measurements run every check again after the first pass, and a bump allocator only
// reclaims LIFO frees, so the arena holds both passes.
const HEAP_SIZE: usize = 1024 * 1024;

/// The heap's backing bytes.
#[repr(C, align(16))]
struct Arena(UnsafeCell<[u8; HEAP_SIZE]>);

/// Hands out `arena[next..]`, never reuses memory except when the most recent block is freed or
/// resized (LIFO), which covers the common "build a `String`, grow it, drop it" pattern.
struct BumpAllocator {
    arena: Arena,
    /// Offset of the first free byte in `arena`.
    next: AtomicUsize,
    /// Highest value `next` has reached.
    peak: AtomicUsize,
    /// Number of successful `alloc` calls (growing in place does not count).
    allocations: AtomicUsize,
}

// SAFETY: the arena is only ever accessed through pointers returned by `alloc`/`realloc`, and each
// byte range is reserved by exactly one successful compare-exchange on `next`, so no two live
// allocations overlap even across threads. All other fields are atomics.
unsafe impl Sync for BumpAllocator {}

impl BumpAllocator {
    const fn new() -> Self {
        Self {
            arena: Arena(UnsafeCell::new([0; HEAP_SIZE])),
            next: AtomicUsize::new(0),
            peak: AtomicUsize::new(0),
            allocations: AtomicUsize::new(0),
        }
    }

    fn base(&self) -> *mut u8 {
        self.arena.0.get().cast::<u8>()
    }

    /// The offset of `ptr` (which must point into the arena) from the arena's start.
    fn offset_of(&self, ptr: *mut u8) -> usize {
        (ptr as usize).wrapping_sub(self.base() as usize)
    }

    /// The arena range for a `layout` placed at the first suitably aligned offset at or after `from`.
    fn place(&self, from: usize, layout: Layout) -> Option<(usize, usize)> {
        let base = self.base() as usize;
        let addr = base.checked_add(from)?;
        let aligned = addr.checked_add(layout.align() - 1)? & !(layout.align() - 1);
        let start = aligned - base;
        let end = start.checked_add(layout.size())?;
        (end <= HEAP_SIZE).then_some((start, end))
    }

    fn set_next(&self, current: usize, new: usize) -> Result<(), usize> {
        self.next.compare_exchange(current, new, Ordering::AcqRel, Ordering::Acquire).map(|_| {
            self.peak.fetch_max(new, Ordering::Relaxed);
        })
    }

    fn heap_peak(&self) -> usize {
        self.peak.load(Ordering::Relaxed)
    }

    fn allocation_count(&self) -> usize {
        self.allocations.load(Ordering::Relaxed)
    }
}

// SAFETY: `alloc` returns either null or a pointer into the arena to `layout.size()` bytes aligned
// to `layout.align()` that no other live allocation overlaps (see `Sync` above); `dealloc` only
// moves `next` back over the block being freed; `realloc` keeps the contents of the block.
unsafe impl GlobalAlloc for BumpAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let mut current = self.next.load(Ordering::Acquire);
        loop {
            let Some((start, end)) = self.place(current, layout) else {
                return ptr::null_mut();
            };
            match self.set_next(current, end) {
                Ok(()) => {
                    self.allocations.fetch_add(1, Ordering::Relaxed);
                    // `wrapping_add` keeps the arena's provenance and `start < HEAP_SIZE`, so the
                    // result points into the arena.
                    return self.base().wrapping_add(start);
                }
                Err(actual) => current = actual,
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // Reclaim the block only if it is the most recent one; otherwise it is leaked.
        let start = self.offset_of(ptr);
        let _ = self.next.compare_exchange(start + layout.size(), start, Ordering::AcqRel, Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let start = self.offset_of(ptr);
        // The most recent block grows or shrinks in place.
        if let Some(new_end) = start.checked_add(new_size).filter(|&end| end <= HEAP_SIZE) {
            if self.set_next(start + layout.size(), new_end).is_ok() {
                return ptr;
            }
        }
        // Otherwise: a new block, copy, free the old one.
        let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else {
            return ptr::null_mut();
        };
        // SAFETY: `new_layout` has a non-zero size (the caller guarantees `new_size > 0`).
        let new_ptr = unsafe { self.alloc(new_layout) };
        if !new_ptr.is_null() {
            // SAFETY: `ptr` is valid for reads of `layout.size()` bytes (caller contract), `new_ptr`
            // for writes of `new_size` bytes (just allocated), and the two blocks do not overlap
            // because the new one lies entirely after `next`, past the end of the old one.
            unsafe { ptr::copy_nonoverlapping(ptr, new_ptr, layout.size().min(new_size)) };
            // SAFETY: `ptr` was allocated by this allocator with `layout` (caller contract) and is
            // not used again.
            unsafe { self.dealloc(ptr, layout) };
        }
        new_ptr
    }
}

#[global_allocator]
static HEAP: BumpAllocator = BumpAllocator::new();

// ---------------------------------------------------------------------------------------------
// The checks, one module per feature.
// ---------------------------------------------------------------------------------------------

/// Why a check failed.
enum Failure {
    /// The core rejected an input it must accept.
    Core(ssi_verify_core::Error),
    /// The core accepted it but returned something else than the vector says.
    Mismatch(&'static str),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Core(e) => write!(f, "core error: {e}"),
            Self::Mismatch(what) => f.write_str(what),
        }
    }
}

impl From<ssi_verify_core::Error> for Failure {
    fn from(e: ssi_verify_core::Error) -> Self {
        Self::Core(e)
    }
}

/// An entry point as the stack table names it, run on a fixed valid input (`true` when it gave
/// the expected result), and the most stack it may use, in KiB. The bounds are about twice
/// today's use, except the deep JSONPath ones, which state what `max_depth` 64 costs.
type Entry = (&'static str, fn() -> bool, usize);

#[cfg(feature = "smartid")]
mod smartid {
    use super::{Failure, HEAP};
    use ssi_verify_core::smartid::{
        decode_in, device_link, scratch_len, DeviceLinkRequest, DeviceLinkType, Flow, InteractionType, SessionType,
    };
    use ssi_verify_core::Limits;

    /// The official RP API v3 interactions example: confirmationMessage, then displayTextAndPIN.
    const INTERACTIONS: &str = "W3sidHlwZSI6ImNvbmZpcm1hdGlvbk1lc3NhZ2UiLCJkaXNwbGF5VGV4dDIwMCI6IkxvbmdlciBkZXNjcmlwdGlvbiBvZiB0aGUgdHJhbnNhY3Rpb24gY29udGV4dCJ9LHsidHlwZSI6ImRpc3BsYXlUZXh0QW5kUElOIiwiZGlzcGxheVRleHQ2MCI6IlNob3J0IGRlc2NyaXB0aW9uIG9mIHRoZSB0cmFuc2FjdGlvbiBjb250ZXh0In1d";

    const EXPECTED_INTERACTIONS: [(InteractionType, &str); 2] = [
        (InteractionType::ConfirmationMessage, "Longer description of the transaction context"),
        (InteractionType::DisplayTextAndPin, "Short description of the transaction context"),
    ];

    /// The official QR / certificate-choice device link vector.
    const DEVICE_LINK_REQUEST: DeviceLinkRequest<'static> = DeviceLinkRequest {
        scheme_name: "smart-id",
        device_link_base: "https://smart-id.com/device-link",
        link_type: DeviceLinkType::Qr,
        session_type: SessionType::Cert,
        session_token: "wGIrqveE6AuGDATZKmR1mtAZ",
        session_secret: "B98ODiVCebRedSwdTk51zFSaGYyHtY1H2A0ocAi3/Ps=",
        rp_challenge: None,
        digest: None,
        relying_party_name: "DEMO",
        brokered_rp_name: Some("Example RP"),
        interactions: None,
        initial_callback_url: None,
        lang: Some("eng"),
        elapsed_seconds: Some(22),
    };

    const EXPECTED_AUTH_CODE: &str = "T5pDDPAjoMS0byqS-FoaWVjlubODXoCCF4XDB4HeYNo";

    const EXPECTED_DEVICE_LINK: &str = "https://smart-id.com/device-link?deviceLinkType=QR&elapsedSeconds=22&sessionToken=wGIrqveE6AuGDATZKmR1mtAZ&sessionType=cert&version=1.0&lang=eng&authCode=T5pDDPAjoMS0byqS-FoaWVjlubODXoCCF4XDB4HeYNo";

    /// Strict device-link decoding with the zero-heap API; returns the number of interactions.
    pub(crate) fn check_interactions() -> Result<usize, Failure> {
        let mut scratch = [0u8; scratch_len(INTERACTIONS.len())];
        let allocations_before = HEAP.allocation_count();
        let list = decode_in(INTERACTIONS, Flow::DeviceLink, &Limits::DEFAULT, &mut scratch)?;
        if HEAP.allocation_count() != allocations_before {
            return Err(Failure::Mismatch("decode_in allocated on the heap"));
        }
        if list.base64() != INTERACTIONS {
            return Err(Failure::Mismatch("decode_in did not keep the Base64 text as received"));
        }
        let items = list.as_slice();
        if items.len() != EXPECTED_INTERACTIONS.len() {
            return Err(Failure::Mismatch("wrong number of interactions"));
        }
        for (got, (kind, text)) in items.iter().zip(EXPECTED_INTERACTIONS) {
            if got.kind != kind {
                return Err(Failure::Mismatch("wrong interaction type"));
            }
            if got.text != text {
                return Err(Failure::Mismatch("wrong interaction text"));
            }
        }
        Ok(items.len())
    }

    /// The QR certificate-choice device link; returns its authCode.
    pub(crate) fn check_device_link() -> Result<alloc::string::String, Failure> {
        let link = device_link(&DEVICE_LINK_REQUEST)?;
        if link.auth_code != EXPECTED_AUTH_CODE {
            return Err(Failure::Mismatch("wrong authCode"));
        }
        if link.device_link != EXPECTED_DEVICE_LINK {
            return Err(Failure::Mismatch("wrong device link"));
        }
        Ok(link.auth_code)
    }

    #[inline(never)]
    fn decode() -> bool {
        check_interactions().is_ok()
    }

    #[inline(never)]
    fn link() -> bool {
        check_device_link().is_ok()
    }

    pub(crate) const ENTRIES: [super::Entry; 2] =
        [("smartid::decode_in", decode, 8), ("smartid::device_link (authCode)", link, 8)];
}

#[cfg(feature = "smartid-trust")]
mod smartid_trust {
    use super::Failure;
    use ssi_verify_core::smartid::{verify_auth_json, Trust, TrustAnchors};
    use ssi_verify_core::{Limits, Verdict};

    const ROOT: &[u8] = include_bytes!("../../core/anchors/sk/test/root/TEST_of_SK_ID_Solutions_ROOT_G1E.der");
    const INTERMEDIATE: &[u8] =
        include_bytes!("../../core/anchors/sk/test/intermediate/TEST_of_SK_ID_Solutions_EID-Q_2024E.der");
    const REQUEST: &str = include_str!("../../samples/smartid/auth-request-pss.json");
    const STATUS: &str = include_str!("../../samples/smartid/auth-status-pss.json");

    /// The real DEMO authentication response, trusted through SK's TEST chain (P-521 root,
    /// P-384 intermediate, RSA-6144 end entity, RSA-PSS ACSP_V2 signature).
    pub(crate) fn check_trusted_auth() -> Result<(), Failure> {
        let anchors = [ROOT];
        let intermediates = [INTERMEDIATE];
        let trust = Trust::Anchors(TrustAnchors { anchors: &anchors, intermediates: &intermediates, now: 1_780_272_000 });
        let report = verify_auth_json(REQUEST, STATUS, &trust, &Limits::DEFAULT)?;
        if report.verdict != Verdict::Valid {
            return Err(Failure::Mismatch("the DEMO response is not trusted with SK's TEST anchors"));
        }
        Ok(())
    }

    #[inline(never)]
    fn trusted() -> bool {
        check_trusted_auth().is_ok()
    }

    pub(crate) const ENTRIES: [super::Entry; 1] = [("smartid::verify_auth_json (TEST anchors)", trusted, 32)];
}

#[cfg(feature = "proofspace-ed25519")]
mod proofspace_ed25519 {
    use super::Failure;
    use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;
    use ssi_verify_core::proofspace::auth::{sign_body_ed25519, verify_body_signature_ed25519};
    use ssi_verify_core::Verdict;

    pub(crate) const BODY: &[u8] = include_bytes!("../../tests/vectors/proofspace/rsa4096-body.json");
    const ED_SEED: [u8; 32] = [7; 32];
    /// `BODY` signed with `ED_SEED` (`ssi-verify proofspace sign-body`), so the stack of the
    /// verification is measured without a signing step in front of it.
    const SIGNATURE: &str = "XrF3BltKaokWBwpdGoOGnJ7+txL2P9p7igkkuyoZqCbhAguJapvbpyvf/MtyLlOXWOLs2U8sCnCeDiufNtymDw==";

    /// Signing here reproduces [`SIGNATURE`], which verifies, and not over a changed body.
    pub(crate) fn check_body_ed25519() -> Result<(), Failure> {
        let secret = Ed25519SecretKey::from_slice(&ED_SEED)?;
        let signature = sign_body_ed25519(&secret, BODY);
        if signature != SIGNATURE {
            return Err(Failure::Mismatch("Ed25519 signing does not reproduce the fixed signature"));
        }
        let public = secret.public_key();
        if verify_body_signature_ed25519(&public, BODY, &signature)? != Verdict::Valid {
            return Err(Failure::Mismatch("the Ed25519 body signature did not verify"));
        }
        if verify_body_signature_ed25519(&public, BODY.get(1..).unwrap_or(&[]), &signature)? == Verdict::Valid {
            return Err(Failure::Mismatch("an Ed25519 signature verified over a changed body"));
        }
        Ok(())
    }

    #[inline(never)]
    fn verify() -> bool {
        let public = Ed25519SecretKey::from_bytes(&ED_SEED).public_key();
        verify_body_signature_ed25519(&public, BODY, SIGNATURE).is_ok_and(|v| v == Verdict::Valid)
    }

    pub(crate) const ENTRIES: [super::Entry; 1] = [("proofspace::verify_body_signature_ed25519", verify, 32)];
}

#[cfg(feature = "proofspace")]
mod proofspace {
    use super::Failure;
    use ssi_verify_core::proofspace::auth::{parse_public_key, verify_body_signature};
    use ssi_verify_core::Verdict;

    use super::proofspace_ed25519::BODY;
    const PEM: &str = include_str!("../../tests/vectors/proofspace/rsa4096-public.pem");
    const SIG: &str = include_str!("../../tests/vectors/proofspace/rsa4096-body.sig.b64");

    /// The ProofSpace RSA-4096 body vector verifies and a changed body does not.
    pub(crate) fn check_body_rsa() -> Result<(), Failure> {
        let key = parse_public_key(PEM)?;
        if verify_body_signature(&key, BODY, SIG)? != Verdict::Valid {
            return Err(Failure::Mismatch("the RSA-4096 body vector did not verify"));
        }
        let mut changed = alloc::vec::Vec::from(BODY);
        if let Some(b) = changed.first_mut() {
            *b ^= 1;
        }
        if verify_body_signature(&key, &changed, SIG)? == Verdict::Valid {
            return Err(Failure::Mismatch("a changed body verified"));
        }
        Ok(())
    }

    #[inline(never)]
    fn verify() -> bool {
        parse_public_key(PEM).and_then(|key| verify_body_signature(&key, BODY, SIG)).is_ok_and(|v| v == Verdict::Valid)
    }

    pub(crate) const ENTRIES: [super::Entry; 1] =
        [("proofspace::parse_public_key + verify_body_signature RSA-4096", verify, 32)];
}

#[cfg(feature = "presentation")]
mod presentation {
    use super::Failure;
    use alloc::string::String;
    use ssi_verify_core::crypto::did_key::TrustStore;
    use ssi_verify_core::json::{jcs, jsonpath, Value};
    use ssi_verify_core::presentation::definition::PresentationDefinition;
    use ssi_verify_core::presentation::evaluate::{evaluate, CredentialInput};
    use ssi_verify_core::presentation::proof::{verify_proofs, ProofExpectations};
    use ssi_verify_core::{Limits, Verdict};

    const SIGNED_VC: &str = include_str!("../../samples/gataca/credential-signed.json");
    const DEFINITION: &str = include_str!("../../samples/gataca/presentation-definition.json");
    const EMAIL_VC: &str = include_str!("../../samples/gataca/credentials-email.json");

    /// A did:key JcsEd25519Signature2020 credential verifies offline (JCS, base58btc, did:key),
    /// and a JSONPath query selects its issuer.
    pub(crate) fn check_presentation() -> Result<(), Failure> {
        let doc = Value::parse(SIGNED_VC, &Limits::DEFAULT)?;
        let checks = verify_proofs(&doc, &TrustStore::new(), &ProofExpectations::default(), &Limits::DEFAULT)?;
        if checks.len() != 1 || checks.iter().any(|c| c.verdict != Verdict::Valid) {
            return Err(Failure::Mismatch("the did:key credential proof did not verify"));
        }
        let issuer = jsonpath::select("$.issuer", &doc, &Limits::DEFAULT)?;
        if issuer.first().and_then(|n| n.value.as_str()).is_none_or(|i| !i.starts_with("did:key:z6Mk")) {
            return Err(Failure::Mismatch("JSONPath did not select the issuer"));
        }
        Ok(())
    }

    #[inline(never)]
    fn proof() -> bool {
        check_presentation().is_ok()
    }

    #[inline(never)]
    fn jcs_definition() -> bool {
        jcs::canonicalize_str(DEFINITION, &Limits::DEFAULT).is_ok()
    }

    #[inline(never)]
    fn pe() -> bool {
        let l = Limits::DEFAULT;
        let Ok(definition) = PresentationDefinition::parse(DEFINITION, &l) else { return false };
        let Ok(Value::Array(items)) = Value::parse(EMAIL_VC, &l) else { return false };
        let credentials: alloc::vec::Vec<CredentialInput> = items.into_iter().map(CredentialInput::JsonLd).collect();
        evaluate(&definition, &credentials, &l).is_ok_and(|e| e.verdict.is_valid())
    }

    /// `open` `depth - 1` times, `inner`, then `close` as often: `inner` at depth `depth`.
    fn nested(open: &str, inner: &str, close: &str, depth: usize) -> String {
        let mut s = String::with_capacity(depth * (open.len() + close.len()) + inner.len());
        (1..depth).for_each(|_| s.push_str(open));
        s.push_str(inner);
        (1..depth).for_each(|_| s.push_str(close));
        s
    }

    const DEPTH: usize = Limits::DEFAULT.max_depth;

    #[inline(never)]
    fn parse_deepest() -> bool {
        Value::parse(&nested("[", "[]", "]", DEPTH), &Limits::DEFAULT).is_ok()
    }

    #[inline(never)]
    fn jcs_deepest() -> bool {
        jcs::canonicalize_str(&nested("{\"a\":", "{}", "}", DEPTH), &Limits::DEFAULT).is_ok()
    }

    /// `$[?@[?@ ... [?@]...]]`: filters nested as deep as the limits allow.
    fn deepest_query() -> String {
        String::from("$") + &nested("[?@", "[?@]", "]", DEPTH)
    }

    #[inline(never)]
    fn jsonpath_parse_deepest() -> bool {
        jsonpath::Query::parse(&deepest_query(), &Limits::DEFAULT).is_ok()
    }

    #[inline(never)]
    fn jsonpath_select_deepest() -> bool {
        let l = Limits::DEFAULT;
        let (Ok(doc), Ok(query)) =
            (Value::parse(&nested("[", "[1]", "]", DEPTH), &l), jsonpath::Query::parse(&deepest_query(), &l))
        else {
            return false;
        };
        query.select(&doc, &l).is_ok_and(|nodes| nodes.len() == 1)
    }

    #[inline(never)]
    fn jsonpath_descendants_deepest() -> bool {
        let l = Limits::DEFAULT;
        Value::parse(&nested("[", "[]", "]", DEPTH), &l)
            .and_then(|doc| jsonpath::select("$..*", &doc, &l).map(|n| n.len()))
            .is_ok_and(|n| n == DEPTH - 1)
    }

    pub(crate) const ENTRIES: [super::Entry; 8] = [
        ("presentation: Value::parse + verify_proofs + JSONPath", proof, 32),
        ("presentation: jcs::canonicalize_str (seed definition)", jcs_definition, 8),
        ("presentation: PresentationDefinition::parse + evaluate", pe, 32),
        ("json: Value::parse, arrays nested max_depth (64) deep", parse_deepest, 8),
        ("json: jcs::canonicalize_str, objects nested max_depth deep", jcs_deepest, 8),
        ("jsonpath: Query::parse, filters nested max_depth deep", jsonpath_parse_deepest, 160),
        ("jsonpath: that query's select on max_depth-deep arrays", jsonpath_select_deepest, 160),
        ("jsonpath: $..* on max_depth-deep arrays", jsonpath_descendants_deepest, 8),
    ];
}

/// Runs the checks of the enabled features, prints one line, then the stack each entry point
/// uses; returns the exit status.
fn run() -> i32 {
    let mut parts: heapless_parts::Parts = heapless_parts::Parts::new();
    let mut failed = false;
    let mut line = Line::new();
    let mut report = |what: &str, result: Result<(), Failure>| {
        if let Err(e) = result {
            let mut l = Line::new();
            let _ = write!(l, "nostd-proof: FAIL {what}: {e}");
            l.print(1);
            failed = true;
        }
    };
    #[cfg(feature = "smartid")]
    {
        match smartid::check_interactions() {
            Ok(count) => parts.push(format_args!("{count} interactions")),
            Err(e) => report("interactions", Err(e)),
        }
        match smartid::check_device_link() {
            Ok(code) => parts.push(format_args!("authCode {code}")),
            Err(e) => report("device link", Err(e)),
        }
    }
    #[cfg(feature = "proofspace")]
    {
        report("RSA body signature", proofspace::check_body_rsa());
    }
    #[cfg(feature = "proofspace-ed25519")]
    {
        report("Ed25519 body signature", proofspace_ed25519::check_body_ed25519());
        if cfg!(feature = "proofspace") {
            parts.push(format_args!("body signatures RSA-4096 and Ed25519 valid"));
        } else {
            parts.push(format_args!("body signature Ed25519 valid"));
        }
    }
    #[cfg(feature = "presentation")]
    {
        report("presentation", presentation::check_presentation());
        parts.push(format_args!("did:key JCS proof valid"));
    }
    #[cfg(feature = "smartid-trust")]
    {
        report("trusted Smart-ID response", smartid_trust::check_trusted_auth());
        parts.push(format_args!("Smart-ID DEMO response trusted via SK TEST anchors"));
    }
    if failed {
        return 1;
    }
    let _ = write!(line, "nostd-proof: ok ({}, heap peak {} of {HEAP_SIZE} bytes)", parts.as_str(), HEAP.heap_peak());
    line.print(1);

    let entries: &[&[Entry]] = &[
        #[cfg(feature = "smartid")]
        &smartid::ENTRIES,
        #[cfg(feature = "proofspace-ed25519")]
        &proofspace_ed25519::ENTRIES,
        #[cfg(feature = "proofspace")]
        &proofspace::ENTRIES,
        #[cfg(feature = "presentation")]
        &presentation::ENTRIES,
        #[cfg(feature = "smartid-trust")]
        &smartid_trust::ENTRIES,
    ];
    let mut status = 0;
    for &(name, entry, bound_kib) in entries.iter().copied().flatten() {
        let (ok, used) = stack::measure(entry);
        let bound = bound_kib * 1024;
        let verdict = match (ok, used) {
            (false, _) => "FAIL: wrong result",
            (true, None) => "FAIL: used the whole painted region",
            (true, Some(n)) if n > bound => "FAIL: over the bound",
            _ => "ok",
        };
        let mut l = Line::new();
        match used {
            Some(n) => {
                let _ = write!(l, "stack: {n:>6} B  bound {bound:>6} B  {verdict}  {name}");
            }
            None => {
                let _ = write!(l, "stack: >{} B  {verdict}  {name}", stack::PAINTED);
            }
        }
        l.print(1);
        if verdict != "ok" {
            status = 1;
        }
    }
    status
}

/// The comma-separated summary of the enabled checks, built without the heap.
mod heapless_parts {
    use core::fmt::{self, Write as _};

    pub(crate) struct Parts {
        buf: [u8; 256],
        len: usize,
    }

    impl Parts {
        pub(crate) const fn new() -> Self {
            Self { buf: [0; 256], len: 0 }
        }

        pub(crate) fn push(&mut self, part: fmt::Arguments<'_>) {
            if self.len > 0 {
                let _ = self.write_str(", ");
            }
            let _ = self.write_fmt(part);
        }

        pub(crate) fn as_str(&self) -> &str {
            core::str::from_utf8(self.buf.get(..self.len).unwrap_or(&[])).unwrap_or("")
        }
    }

    impl fmt::Write for Parts {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            let end = self.len + s.len();
            let dst = self.buf.get_mut(self.len..end).ok_or(fmt::Error)?;
            dst.copy_from_slice(s.as_bytes());
            self.len = end;
            Ok(())
        }
    }
}

/// Called by the C runtime's start-up code (`crt1.o`); the return value is the exit status.
#[no_mangle]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    run()
}
