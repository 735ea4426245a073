//! The UniFFI surface (Kotlin, Swift, Python): records and functions that mirror the core.
//!
//! Core enums are mirrored with `#[uniffi::remote]`, so the compiler rejects a mirror that
//! drifts from the core definition. Errors become one exception class per error group
//! (`SsiException.Format`, `.Rule`, ...), each carrying the stable `ErrorCode` and a detail.

pub mod gataca_session;
pub mod presentation;
pub mod proofspace;
pub mod proofspace_sign;
pub mod smartid;

use ssi_verify_core::{Category, Error, ErrorCode, Limits};

/// Stable error codes: a code's number and name never change meaning. 1xx usage, 2xx encoding,
/// 3xx format, 4xx limits, 5xx crypto, 6xx-8xx protocol rules.
#[uniffi::remote(Enum)]
pub enum ErrorCode {
    /// A required pointer argument was NULL.
    NullPointer,
    /// An argument is outside the values the function accepts.
    InvalidArgument,
    /// The caller's output or scratch buffer is too small; the needed size is reported.
    BufferTooSmall,
    /// A panic was caught at the FFI boundary (a bug: please report it).
    Panic,
    /// Bytes that must be UTF-8 are not.
    InvalidUtf8,
    /// Not canonical, padded, standard-alphabet Base64 (RFC 4648 section 4).
    InvalidBase64,
    /// Not canonical, unpadded, URL-safe Base64 (RFC 4648 section 5).
    InvalidBase64Url,
    /// Not an even-length string of hexadecimal digits.
    InvalidHex,
    /// Not base58btc (Bitcoin alphabet).
    InvalidBase58,
    /// A multibase string with an unknown or unexpected prefix.
    InvalidMultibase,
    /// The text is not JSON (RFC 8259).
    InvalidJson,
    /// An object has two members with the same name (after unescaping).
    DuplicateKey,
    /// A JSON value has the wrong type for its place (e.g. a number where a string belongs).
    UnexpectedJsonType,
    /// A JSON string escapes a lone UTF-16 surrogate, which no Unicode text can hold.
    LoneSurrogate,
    /// A required member or field is missing.
    MissingField,
    /// A member or field has a value the format does not allow.
    InvalidFieldValue,
    /// A member the format does not define is present.
    UnknownField,
    /// Not a valid RFC 9535 JSONPath query (syntax or function well-typedness).
    InvalidJsonPath,
    /// A JSON number that is not a finite IEEE 754 double (I-JSON, RFC 7493), so JCS cannot serialize it.
    NumberNotIJson,
    /// A regular expression that is not valid I-Regexp (RFC 9485) or is too large.
    InvalidRegex,
    /// The input is longer than `Limits::max_input_bytes`.
    InputTooLarge,
    /// Arrays and objects nest deeper than `Limits::max_depth`.
    NestingTooDeep,
    /// More values, members or elements than the limits allow.
    TooManyItems,
    /// A string is longer than `Limits::max_string_bytes`.
    StringTooLong,
    /// The key bytes do not parse as a key of the expected kind.
    InvalidKey,
    /// The key's algorithm is not one this operation accepts.
    UnsupportedKey,
    /// The key's size is outside the range this operation accepts.
    KeySizeNotAllowed,
    /// The signature value cannot be a signature for this key (length, encoding).
    InvalidSignatureEncoding,
    /// The signature algorithm or its parameters are not supported or not allowed.
    UnsupportedAlgorithm,
    /// The certificate is not a DER X.509 certificate.
    InvalidCertificate,
    /// Verdict reason: the signature does not verify.
    SignatureMismatch,
    /// Verdict reason: a MAC, digest or code does not match the expected value.
    ValueMismatch,
    /// A DID or DID URL is malformed.
    InvalidDid,
    /// The DID method cannot be resolved offline (only did:key Ed25519 is; others need the trust store).
    UnsupportedDidMethod,
    /// The proof's verification method is neither a did:key nor in the caller's trust store.
    UnknownVerificationMethod,
    /// The document has no proof.
    ProofMissing,
    /// The proof type is not one this library verifies.
    UnsupportedProofType,
    /// The proof's proofPurpose is not the expected one.
    ProofPurposeMismatch,
    /// The proof's domain is not the expected one.
    ProofDomainMismatch,
    /// The proof's nonce/challenge is not the expected one.
    ProofChallengeMismatch,
    /// The token is not a compact JWS of three Base64URL segments with JSON header and claims.
    InvalidJwt,
    /// The token declares `alg: none` (unsigned tokens are never accepted).
    JwtAlgNone,
    /// The token's `alg` is not the algorithm the key allows.
    JwtAlgMismatch,
    /// Verdict reason: `iss` is missing or not the expected issuer.
    JwtIssuerMismatch,
    /// Verdict reason: `aud` is missing or does not contain the expected audience.
    JwtAudienceMismatch,
    /// Verdict reason: `exp` is in the past (beyond the leeway).
    JwtExpired,
    /// Verdict reason: `nbf` (or `iat`) is in the future (beyond the leeway).
    JwtNotYetValid,
    /// `exp` is clearly in milliseconds, not seconds (not silently accepted).
    JwtExpInMilliseconds,
    /// The interactions array is empty.
    EmptyInteractions,
    /// An interaction has no `type`.
    MissingInteractionType,
    /// An interaction has neither `displayText60` nor `displayText200`.
    MissingDisplayText,
    /// The display text is the empty string.
    EmptyDisplayText,
    /// An interaction has both `displayText60` and `displayText200`.
    BothDisplayTexts,
    /// The display text member is the wrong one for the type (e.g. `displayText200` on `displayTextAndPIN`).
    WrongDisplayTextField,
    /// The display text is longer than 60 / 200 Unicode scalar values.
    DisplayTextTooLong,
    /// Two interactions have the same `type`.
    DuplicateInteractionType,
    /// The `type` is not a known interaction type (strict reading only).
    UnknownInteractionType,
    /// The type is not allowed in this flow (e.g. verification-code choice in a device-link flow).
    TypeNotAllowedForFlow,
    /// More interactions than the reading allows.
    TooManyInteractions,
    /// None of the offered interactions is supported by the app.
    RequiredInteractionNotSupportedByApp,
    /// Verdict reason: `interactionTypeUsed` was not offered in the request's interactions.
    InteractionTypeNotOffered,
    /// Verdict reason: `flowType` was not one of the flows the RP offered.
    FlowTypeNotOffered,
    /// The session status is not a completed, successful ACSP_V2 authentication.
    SessionNotSuccessful,
    /// A Date value is clearly milliseconds since the epoch; ProofSpace dates are seconds.
    DateLooksLikeMilliseconds,
    /// A Date value is not an integer number of seconds.
    InvalidDate,
    /// A Number value is not a plain decimal with '.' (no exponent, sign '+', comma, NaN or Infinity).
    InvalidNumber,
    /// An ImageURL value is not an absolute http(s) URL.
    InvalidImageUrl,
    /// An Enumeration value is not a non-negative integer index.
    InvalidEnumeration,
    /// An Enumeration value is not one of the schema's values.
    EnumerationNotInSchema,
    /// Verdict reason: a webhook response does not answer its request.
    ResponseMismatch,
    /// A notification template names a parameter the instance does not have.
    UnknownTemplateParameter,
    /// A notification template opens `{{` without a closing `}}` (or has an empty name).
    UnclosedPlaceholder,
    /// A field pre-filled from the QR code cannot be changed.
    FieldReadOnly,
    /// Verdict reason: a Once interaction was already completed by this DID.
    InteractionAlreadyCompleted,
    /// Verdict reason: an earlier event of this DID is still in progress.
    InteractionInProgress,
    /// Verdict reason: the interaction is paused (not visible in the app).
    InteractionPaused,
    /// An Incoming-push interaction's issued-credentials template cannot be edited.
    TemplateNotEditable,
    /// Verdict reason: the interaction QR code is older than its timeout.
    QrCodeExpired,
    /// A required HTTP header is absent or empty.
    HeaderMissing,
    /// A header that must appear once appears several times.
    HeaderDuplicated,
    /// A header value has the wrong form (e.g. Authorization without `Bearer `).
    InvalidHeader,
    /// A presentation definition breaks the DIF Presentation Exchange v2 model.
    InvalidPresentationDefinition,
    /// A field filter is not valid JSON Schema of the subset PE uses.
    InvalidFilter,
    /// A filter uses a JSON Schema keyword this library does not evaluate (refused, never ignored).
    UnsupportedFilterKeyword,
    /// A submission requirement is malformed (rule, count/min/max, from/from_nested, unknown group).
    InvalidSubmissionRequirement,
    /// No credential satisfies an input descriptor.
    InputDescriptorNotSatisfied,
    /// The matching credentials do not satisfy a submission requirement.
    SubmissionRequirementNotSatisfied,
    /// A presentation submission is malformed or does not match its definition.
    InvalidPresentationSubmission,
    /// An openid-vp:// request is malformed or misses a required parameter.
    InvalidOpenIdVpRequest,
    /// A verification result or its webhook payload breaks the Gataca format.
    InvalidVerificationResult,
    /// Basic API-key credentials are not base64(id:secret).
    InvalidApiKey,
    /// The credential's format is not among those the definition accepts.
    CredentialFormatNotAccepted,
    /// A verifiable credential or presentation is malformed.
    InvalidCredential,
    /// A Gataca session document is neither reply, or its ids disagree.
    InvalidGatacaSession,
}

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
        let detail = e.to_string();
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
            ("pub enum ErrorCode {", include_str!("../../../core/src/error.rs")),
            ("pub enum InteractionType {", include_str!("../../../core/src/smartid/types.rs")),
            ("pub enum Flow {", include_str!("../../../core/src/smartid/types.rs")),
            ("pub enum DeviceLinkType {", include_str!("../../../core/src/smartid/device_link.rs")),
            ("pub enum SessionType {", include_str!("../../../core/src/smartid/device_link.rs")),
            ("pub enum FlowType {", include_str!("../../../core/src/smartid/acsp.rs")),
            ("pub enum AttributeType {", include_str!("../../../core/src/proofspace/values.rs")),
            ("pub struct NameValue {", include_str!("../../../core/src/proofspace/values.rs")),
            ("pub enum Concurrency {", include_str!("../../../core/src/proofspace/rules.rs")),
            ("pub enum EventStatus {", include_str!("../../../core/src/proofspace/rules.rs")),
            ("pub enum Direction {", include_str!("../../../core/src/proofspace/auth.rs")),
            ("pub enum ProcessStatus {", include_str!("../../../core/src/presentation/result.rs")),
            ("pub struct VerificationResult {", include_str!("../../../core/src/presentation/result.rs")),
            ("pub enum JwtKind {", include_str!("../../../core/src/presentation/jwt_vc.rs")),
        ];
        // The marker is split so that this test's own source does not count as a mirror.
        assert_eq!(MIRRORS.matches(concat!("#[uniffi::", "remote(")).count(), core.len(), "a mirror is missing here");
        for (header, source) in core {
            let want = member_docs(source, header);
            assert!(want.iter().all(|(docs, _)| !docs.is_empty()), "{header}: undocumented member in core");
            // Right after the remote attribute: the table above holds the headers too.
            assert_eq!(member_docs(MIRRORS, &format!(")]\n{header}")), want, "{header}");
        }
        assert_eq!(member_docs(core[0].1, core[0].0).len(), 93);
    }

    #[test]
    fn errors_map_to_their_group() {
        let e: SsiError = Error::code_only(ErrorCode::DisplayTextTooLong).into();
        assert!(matches!(e, SsiError::Rule { code: ErrorCode::DisplayTextTooLong, .. }));
        let e: SsiError = Error::code_only(ErrorCode::InvalidBase64).into();
        assert!(matches!(e, SsiError::Encoding { .. }));
        assert!(e.to_string().starts_with("INVALID_BASE64: "));
        assert_eq!(e.error_code(), ErrorCode::InvalidBase64);
        assert_eq!(e.code_value(), 200);
    }
}
