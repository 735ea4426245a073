//! The UniFFI surface (Kotlin, Swift, Python): records and functions that mirror the core.
//!
//! Core enums are mirrored with `#[uniffi::remote]`, so the compiler rejects a mirror that
//! drifts from the core definition. Errors become one exception class per error group
//! (`SsiException.Format`, `.Rule`, ...), each carrying the stable `ErrorCode` and a detail.

#[cfg(feature = "presentation")]
pub mod credential;
#[cfg(feature = "presentation")]
pub mod gataca_session;
#[cfg(feature = "presentation")]
pub mod presentation;
#[cfg(feature = "proofspace")]
pub mod proofspace;
#[cfg(feature = "proofspace")]
pub mod proofspace_sign;
#[cfg(feature = "smartid")]
pub mod smartid;
#[cfg(feature = "smartid")]
pub mod smartid_trust;

use ssi_verify_core::{Category, Error, ErrorCode, Limits};

/// Writes the UniFFI mirror of the core's `ErrorCode` from the core's one table of codes, so the
/// mirror carries every code and its doc without a second list.
macro_rules! uniffi_error_code {
    ($( #[doc = $doc:literal] $variant:ident = $num:literal, $cat:ident, $name:literal, $msg:literal; )*) => {
        /// Stable error codes: a code's number and name never change meaning. 1xx usage, 2xx
        /// encoding, 3xx format, 4xx limits, 5xx crypto, 6xx-9xx protocol rules; the exception
        /// group of each code is stated in the core's table.
        #[uniffi::remote(Enum)]
        pub enum ErrorCode {
            $( #[doc = $doc] $variant, )*
        }
    };
}
ssi_verify_core::for_each_error_code!(uniffi_error_code);

/// A failure: the check could not be run. Each variant is one error group; `code` is the
/// stable code (the same number as in C), `detail` a safe-to-log English explanation.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum SsiError {
    /// The caller broke the calling convention.
    #[error("{code}: {detail}")]
    Usage { code: ErrorCode, detail: String },
    /// A text encoding (Base64, hex, UTF-8) is malformed.
    #[error("{code}: {detail}")]
    Encoding { code: ErrorCode, detail: String },
    /// A document is malformed or has the wrong shape.
    #[error("{code}: {detail}")]
    Format { code: ErrorCode, detail: String },
    /// A resource limit was hit.
    #[error("{code}: {detail}")]
    Limit { code: ErrorCode, detail: String },
    /// A key, certificate or signature could not be used.
    #[error("{code}: {detail}")]
    Crypto { code: ErrorCode, detail: String },
    /// A protocol rule is broken.
    #[error("{code}: {detail}")]
    Rule { code: ErrorCode, detail: String },
}

#[uniffi::export]
impl SsiError {
    /// The stable code of this error, whatever its group (`DISPLAY_TEXT_TOO_LONG`, ...).
    pub fn error_code(&self) -> ErrorCode {
        match self {
            Self::Usage { code, .. }
            | Self::Encoding { code, .. }
            | Self::Format { code, .. }
            | Self::Limit { code, .. }
            | Self::Crypto { code, .. }
            | Self::Rule { code, .. } => *code,
        }
    }

    /// The stable number of this error's code: the value C callers see (606 for
    /// `DISPLAY_TEXT_TOO_LONG`), never reused for another meaning.
    pub fn code_value(&self) -> u32 {
        self.error_code() as u32
    }
}

impl From<Error> for SsiError {
    fn from(e: Error) -> Self {
        let code = e.code();
        let detail = e.explanation().to_string();
        match code.category() {
            Category::Usage => Self::Usage { code, detail },
            Category::Encoding => Self::Encoding { code, detail },
            Category::Format => Self::Format { code, detail },
            Category::Limit => Self::Limit { code, detail },
            Category::Crypto => Self::Crypto { code, detail },
            Category::Rule => Self::Rule { code, detail },
        }
    }
}

/// Resource bounds (see the core `Limits`); `default_limits()` gives the documented defaults.
#[derive(Clone, Copy, Debug, uniffi::Record)]
pub struct SsiLimits {
    /// Largest accepted input in bytes.
    pub max_input_bytes: u64,
    /// Deepest JSON nesting (never more than 256).
    pub max_depth: u64,
    /// Most JSON values in one document.
    pub max_items: u64,
    /// Longest JSON string or number token in bytes.
    pub max_string_bytes: u64,
    /// Most entries in a Smart-ID interactions list read on the wallet side.
    pub max_interactions: u64,
    /// Most quads in one RDF dataset (N-Quads input, JSON-LD `toRdf` output). Defaults to the core's default (a test checks they agree).
    #[uniffi(default = 100000)]
    pub max_quads: u64,
    /// Work budget of one RDFC-1.0 canonicalization (the poison-dataset defence). Defaults to the core's default (a test checks they agree).
    #[uniffi(default = 100000)]
    pub max_rdfc_work: u64,
    /// Largest decoded (inflated) credential status list, in bytes. Defaults to the core's default (a test checks they agree).
    #[uniffi(default = 1048576)]
    pub max_status_list_bytes: u64,
    /// Most certificates in an X.509 path, end entity and trust anchor included. Defaults to the core's default (a test checks they agree).
    #[uniffi(default = 6)]
    pub max_cert_path: u64,
    /// Most JSON-LD contexts followed in one chain of context references. Defaults to the core's default (a test checks they agree).
    #[uniffi(default = 32)]
    pub max_context_depth: u64,
    /// Most JSON-LD processing work for one document, in steps. Defaults to the core's default (a test checks they agree).
    #[uniffi(default = 10000000)]
    pub max_jsonld_work: u64,
}

fn clamp(v: u64) -> usize {
    usize::try_from(v).unwrap_or(usize::MAX)
}

impl From<SsiLimits> for Limits {
    fn from(l: SsiLimits) -> Self {
        Limits {
            max_input_bytes: clamp(l.max_input_bytes),
            max_depth: clamp(l.max_depth),
            max_items: clamp(l.max_items),
            max_string_bytes: clamp(l.max_string_bytes),
            max_interactions: clamp(l.max_interactions),
            max_quads: clamp(l.max_quads),
            max_rdfc_work: clamp(l.max_rdfc_work),
            max_status_list_bytes: clamp(l.max_status_list_bytes),
            max_cert_path: clamp(l.max_cert_path),
            max_context_depth: clamp(l.max_context_depth),
            max_jsonld_work: clamp(l.max_jsonld_work),
        }
    }
}

pub(crate) fn limits(l: Option<SsiLimits>) -> Limits {
    l.map_or(Limits::DEFAULT, Limits::from)
}

/// The documented default limits.
#[uniffi::export]
pub fn default_limits() -> SsiLimits {
    let d = Limits::DEFAULT;
    SsiLimits {
        max_input_bytes: d.max_input_bytes as u64,
        max_depth: d.max_depth as u64,
        max_items: d.max_items as u64,
        max_string_bytes: d.max_string_bytes as u64,
        max_interactions: d.max_interactions as u64,
        max_quads: d.max_quads as u64,
        max_rdfc_work: d.max_rdfc_work as u64,
        max_status_list_bytes: d.max_status_list_bytes as u64,
        max_cert_path: d.max_cert_path as u64,
        max_context_depth: d.max_context_depth as u64,
        max_jsonld_work: d.max_jsonld_work as u64,
    }
}

/// The outcome of a check that ran: `valid`, or not with `reason`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Record)]
pub struct Verdict {
    /// True when every check passed.
    pub valid: bool,
    /// Why the check failed (None when valid).
    pub reason: Option<ErrorCode>,
}

impl From<ssi_verify_core::Verdict> for Verdict {
    fn from(v: ssi_verify_core::Verdict) -> Self {
        Self { valid: v.is_valid(), reason: v.reason() }
    }
}

/// The stable name of an error code (`INVALID_BASE64`, ...).
#[uniffi::export]
pub fn error_code_name(code: ErrorCode) -> String {
    code.name().to_owned()
}

/// The stable number of an error code (the value C callers see).
#[uniffi::export]
pub fn error_code_value(code: ErrorCode) -> u32 {
    code as u32
}

/// The library version.
#[uniffi::export]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(doc lines, member)` of the enum or struct that starts with `header` in `source`;
    /// discriminants, types, attributes and `//` comments are dropped.
    fn member_docs<'a>(source: &'a str, header: &str) -> Vec<(Vec<&'a str>, &'a str)> {
        let start = source.find(header).unwrap_or_else(|| panic!("{header} not found"));
        let body = &source[start + header.len()..];
        let body = &body[..body.find("\n}\n").expect("definition closed")];
        let mut out = Vec::new();
        let mut docs = Vec::new();
        for line in body.lines().map(str::trim) {
            if let Some(doc) = line.strip_prefix("///") {
                docs.push(doc);
            } else if !line.is_empty() && !line.starts_with("//") && !line.starts_with('#') {
                let line = line.strip_prefix("pub ").unwrap_or(line);
                let name = line.split([' ', ',', ':']).next().expect("member name");
                out.push((std::mem::take(&mut docs), name));
            }
        }
        out
    }

    #[test]
    fn remote_mirrors_carry_the_core_docs() {
        // The compiler checks each mirror's members; this keeps their docs (the KDoc, Swift and
        // Python docs of every error code, enum case and field) equal to the core's.
        const MIRRORS: &str = concat!(
            include_str!("mod.rs"),
            include_str!("smartid.rs"),
            include_str!("proofspace.rs"),
            include_str!("presentation.rs")
        );
        let core: &[(&str, &str)] = &[
            ("pub enum InteractionType {", include_str!("../../../core/src/smartid/types.rs")),
            ("pub enum Flow {", include_str!("../../../core/src/smartid/types.rs")),
            ("pub enum DeviceLinkType {", include_str!("../../../core/src/smartid/device_link.rs")),
            ("pub enum SessionType {", include_str!("../../../core/src/smartid/device_link.rs")),
            ("pub enum FlowType {", include_str!("../../../core/src/smartid/acsp.rs")),
            ("pub enum AttributeType {", include_str!("../../../core/src/proofspace/values/wire.rs")),
            ("pub struct NameValue {", include_str!("../../../core/src/proofspace/values/credential.rs")),
            ("pub enum Concurrency {", include_str!("../../../core/src/proofspace/rules.rs")),
            ("pub enum EventStatus {", include_str!("../../../core/src/proofspace/rules.rs")),
            ("pub enum Direction {", include_str!("../../../core/src/proofspace/auth.rs")),
            ("pub enum ProcessStatus {", include_str!("../../../core/src/presentation/result.rs")),
            ("pub struct VerificationResult {", include_str!("../../../core/src/presentation/result.rs")),
            ("pub enum JwtKind {", include_str!("../../../core/src/presentation/jwt_vc.rs")),
            ("pub struct QueryParameter {", include_str!("../../../core/src/presentation/openid.rs")),
        ];
        // Mirrors whose foreign name differs from the core type's: (core header, mirror header).
        let renamed: &[(&str, &str, &str)] = &[
            (
                "pub struct Credential {",
                "pub struct WebhookCredential {",
                include_str!("../../../core/src/proofspace/webhook.rs"),
            ),
            (
                "pub struct InteractionRequest {",
                "pub struct WebhookRequest {",
                include_str!("../../../core/src/proofspace/webhook.rs"),
            ),
            (
                "pub struct OwnedInteraction {",
                "pub struct Interaction {",
                include_str!("../../../core/src/smartid/types.rs"),
            ),
            (
                "pub struct AuthorizationRequest {",
                "pub struct OpenIdVpRequest {",
                include_str!("../../../core/src/presentation/openid.rs"),
            ),
            (
                "pub struct DeviceLink {",
                "pub struct DeviceLink {",
                include_str!("../../../core/src/smartid/device_link.rs"),
            ),
        ];
        // The marker is split so that this test's own source does not count as a mirror.
        let mirrors = MIRRORS.matches(concat!("#[uniffi::", "remote(")).count();
        // + 1: the ErrorCode mirror, written by `uniffi_error_code!` from the core's error table.
        assert_eq!(mirrors, core.len() + renamed.len() + 1, "a mirror is missing here");
        for (core_header, mirror_header, source) in renamed {
            let want = member_docs(source, core_header);
            assert_eq!(member_docs(MIRRORS, &format!(")]\n{mirror_header}")), want, "{mirror_header}");
        }
        for (header, source) in core {
            let want = member_docs(source, header);
            assert!(want.iter().all(|(docs, _)| !docs.is_empty()), "{header}: undocumented member in core");
            // Right after the remote attribute: the table above holds the headers too.
            assert_eq!(member_docs(MIRRORS, &format!(")]\n{header}")), want, "{header}");
        }
    }

    #[test]
    fn every_core_limit_crosses_the_record() {
        let d = default_limits();
        assert_eq!(Limits::from(d), Limits::DEFAULT);
        let tight = SsiLimits { max_cert_path: 2, max_jsonld_work: 3, max_status_list_bytes: 4, ..d };
        let l = Limits::from(tight);
        assert_eq!((l.max_cert_path, l.max_jsonld_work, l.max_status_list_bytes), (2, 3, 4));
    }

    #[test]
    fn errors_map_to_their_group() {
        let e: SsiError = Error::code_only(ErrorCode::DisplayTextTooLong).into();
        assert!(matches!(e, SsiError::Rule { code: ErrorCode::DisplayTextTooLong, .. }));
        let e: SsiError = Error::code_only(ErrorCode::InvalidBase64).into();
        assert!(matches!(e, SsiError::Encoding { .. }));
        assert!(e.to_string().starts_with("INVALID_BASE64: "));
        // The code is its own field: the detail does not repeat it, so Display names it once.
        assert!(!e.to_string().contains("INVALID_BASE64: INVALID_BASE64"));
        assert_eq!(e.error_code(), ErrorCode::InvalidBase64);
        assert_eq!(e.code_value(), 200);
    }
}
