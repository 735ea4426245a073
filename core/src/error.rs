//! The one error type of the core, with stable numeric codes.
//!
//! Every failure the library can report has exactly one [`ErrorCode`]. The numbers are part of
//! the public contract (they cross the C ABI and UniFFI unchanged): a code is never renumbered
//! or reused, a retired code stays listed as a comment. Codes are grouped in ranges:
//!
//! | range | group |
//! |---|---|
//! | 1xx | calling-convention errors (C ABI misuse, buffers, panics) |
//! | 2xx | text encodings (Base64, Base64URL, hex) |
//! | 3xx | JSON syntax and document shape |
//! | 4xx | resource limits ([`crate::Limits`]) |
//! | 5xx | keys, certificates, signatures |
//! | 6xx | Smart-ID rules |
//! | 7xx | ProofSpace rules |
//! | 8xx | Presentation Exchange / OpenID4VP / Gataca rules |
//!
//! "Could not check" is an [`Error`]; "checked and it failed" is a [`crate::Verdict`] whose
//! reason is also an [`ErrorCode`] (for example [`ErrorCode::SignatureMismatch`]).

use core::fmt;

/// Stable error codes: the number and the name of a code never change meaning.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ErrorCode {
    // 1xx: calling convention
    /// A required pointer argument was NULL.
    NullPointer = 100,
    /// An argument is outside the values the function accepts.
    InvalidArgument = 101,
    /// The caller's output or scratch buffer is too small; the needed size is reported.
    BufferTooSmall = 102,
    /// A panic was caught at the FFI boundary (a bug: please report it).
    Panic = 103,
    /// Bytes that must be UTF-8 are not.
    InvalidUtf8 = 104,

    // 2xx: encodings
    /// Not canonical, padded, standard-alphabet Base64 (RFC 4648 section 4).
    InvalidBase64 = 200,
    /// Not canonical, unpadded, URL-safe Base64 (RFC 4648 section 5).
    InvalidBase64Url = 201,
    /// Not an even-length string of hexadecimal digits.
    InvalidHex = 202,
    /// Not base58btc (Bitcoin alphabet).
    InvalidBase58 = 203,
    /// A multibase string with an unknown or unexpected prefix.
    InvalidMultibase = 204,

    // 3xx: JSON
    /// The text is not JSON (RFC 8259).
    InvalidJson = 300,
    /// An object has two members with the same name (after unescaping).
    DuplicateKey = 301,
    /// A JSON value has the wrong type for its place (e.g. a number where a string belongs).
    UnexpectedJsonType = 302,
    /// A JSON string escapes a lone UTF-16 surrogate, which no Unicode text can hold.
    LoneSurrogate = 303,
    /// A required member or field is missing.
    MissingField = 310,
    /// A member or field has a value the format does not allow.
    InvalidFieldValue = 311,
    /// A member the format does not define is present.
    UnknownField = 312,
    /// Not a valid RFC 9535 JSONPath query (syntax or function well-typedness).
    InvalidJsonPath = 320,
    /// A JSON number that is not a finite IEEE 754 double (I-JSON, RFC 7493), so JCS cannot serialize it.
    NumberNotIJson = 321,
    /// A regular expression that is not valid I-Regexp (RFC 9485) or is too large.
    InvalidRegex = 322,

    // 4xx: limits
    /// The input is longer than `Limits::max_input_bytes`.
    InputTooLarge = 400,
    /// Arrays and objects nest deeper than `Limits::max_depth`.
    NestingTooDeep = 401,
    /// More values, members or elements than the limits allow.
    TooManyItems = 402,
    /// A string is longer than `Limits::max_string_bytes`.
    StringTooLong = 403,

    // 5xx: keys, certificates, signatures
    /// The key bytes do not parse as a key of the expected kind.
    InvalidKey = 500,
    /// The key's algorithm is not one this operation accepts.
    UnsupportedKey = 501,
    /// The key's size is outside the range this operation accepts.
    KeySizeNotAllowed = 502,
    /// The signature value cannot be a signature for this key (length, encoding).
    InvalidSignatureEncoding = 503,
    /// The signature algorithm or its parameters are not supported or not allowed.
    UnsupportedAlgorithm = 504,
    /// The certificate is not a DER X.509 certificate.
    InvalidCertificate = 505,
    /// Verdict reason: the signature does not verify.
    SignatureMismatch = 506,
    /// Verdict reason: a MAC, digest or code does not match the expected value.
    ValueMismatch = 507,
    /// A DID or DID URL is malformed.
    InvalidDid = 510,
    /// The DID method cannot be resolved offline (only did:key Ed25519 is; others need the trust store).
    UnsupportedDidMethod = 511,
    /// The proof's verification method is neither a did:key nor in the caller's trust store.
    UnknownVerificationMethod = 512,
    /// The document has no proof.
    ProofMissing = 513,
    /// The proof type is not one this library verifies.
    UnsupportedProofType = 514,
    /// The proof's proofPurpose is not the expected one.
    ProofPurposeMismatch = 515,
    /// The proof's domain is not the expected one.
    ProofDomainMismatch = 516,
    /// The proof's nonce/challenge is not the expected one.
    ProofChallengeMismatch = 517,
    /// The token is not a compact JWS of three Base64URL segments with JSON header and claims.
    InvalidJwt = 530,
    /// The token declares `alg: none` (unsigned tokens are never accepted).
    JwtAlgNone = 531,
    /// The token's `alg` is not the algorithm the key allows.
    JwtAlgMismatch = 532,
    /// Verdict reason: `iss` is missing or not the expected issuer.
    JwtIssuerMismatch = 533,
    /// Verdict reason: `aud` is missing or does not contain the expected audience.
    JwtAudienceMismatch = 534,
    /// Verdict reason: `exp` is in the past (beyond the leeway).
    JwtExpired = 535,
    /// Verdict reason: `nbf` (or `iat`) is in the future (beyond the leeway).
    JwtNotYetValid = 536,
    /// `exp` is clearly in milliseconds, not seconds (not silently accepted).
    JwtExpInMilliseconds = 537,

    // 6xx: Smart-ID
    /// The interactions array is empty.
    EmptyInteractions = 600,
    /// An interaction has no `type`.
    MissingInteractionType = 601,
    /// An interaction has neither `displayText60` nor `displayText200`.
    MissingDisplayText = 602,
    /// The display text is the empty string.
    EmptyDisplayText = 603,
    /// An interaction has both `displayText60` and `displayText200`.
    BothDisplayTexts = 604,
    /// The display text member is the wrong one for the type (e.g. `displayText200` on `displayTextAndPIN`).
    WrongDisplayTextField = 605,
    /// The display text is longer than 60 / 200 Unicode scalar values.
    DisplayTextTooLong = 606,
    /// Two interactions have the same `type`.
    DuplicateInteractionType = 607,
    /// The `type` is not a known interaction type (strict reading only).
    UnknownInteractionType = 608,
    /// The type is not allowed in this flow (e.g. verification-code choice in a device-link flow).
    TypeNotAllowedForFlow = 609,
    /// More interactions than the reading allows.
    TooManyInteractions = 610,
    /// None of the offered interactions is supported by the app.
    RequiredInteractionNotSupportedByApp = 611,
    /// Verdict reason: `interactionTypeUsed` was not offered in the request's interactions.
    InteractionTypeNotOffered = 612,
    /// Verdict reason: `flowType` was not one of the flows the RP offered.
    FlowTypeNotOffered = 613,
    /// The session status is not a completed, successful ACSP_V2 authentication.
    SessionNotSuccessful = 614,

    // 7xx: ProofSpace
    /// A Date value is clearly milliseconds since the epoch; ProofSpace dates are seconds.
    DateLooksLikeMilliseconds = 700,
    /// A Date value is not an integer number of seconds.
    InvalidDate = 701,
    /// A Number value is not a plain decimal with '.' (no exponent, sign '+', comma, NaN or Infinity).
    InvalidNumber = 702,
    /// An ImageURL value is not an absolute http(s) URL.
    InvalidImageUrl = 703,
    /// An Enumeration value is not a non-negative integer index.
    InvalidEnumeration = 704,
    /// An Enumeration value is not one of the schema's values.
    EnumerationNotInSchema = 705,
    /// Verdict reason: a webhook response does not answer its request.
    ResponseMismatch = 706,
    /// A notification template names a parameter the instance does not have.
    UnknownTemplateParameter = 707,
    /// A notification template opens `{{` without a closing `}}` (or has an empty name).
    UnclosedPlaceholder = 708,
    /// A field pre-filled from the QR code cannot be changed.
    FieldReadOnly = 709,
    /// Verdict reason: a Once interaction was already completed by this DID.
    InteractionAlreadyCompleted = 710,
    /// Verdict reason: an earlier event of this DID is still in progress.
    InteractionInProgress = 711,
    /// Verdict reason: the interaction is paused (not visible in the app).
    InteractionPaused = 712,
    /// An Incoming-push interaction's issued-credentials template cannot be edited.
    TemplateNotEditable = 713,
    /// Verdict reason: the interaction QR code is older than its timeout.
    QrCodeExpired = 714,
    /// A required HTTP header is absent or empty.
    HeaderMissing = 715,
    /// A header that must appear once appears several times.
    HeaderDuplicated = 716,
    /// A header value has the wrong form (e.g. Authorization without `Bearer `).
    InvalidHeader = 717,

    // 8xx: Presentation Exchange, OpenID4VP, Gataca
    /// A presentation definition breaks the DIF Presentation Exchange v2 model.
    InvalidPresentationDefinition = 800,
    /// A field filter is not valid JSON Schema of the subset PE uses.
    InvalidFilter = 801,
    /// A filter uses a JSON Schema keyword this library does not evaluate (refused, never ignored).
    UnsupportedFilterKeyword = 802,
    /// A submission requirement is malformed (rule, count/min/max, from/from_nested, unknown group).
    InvalidSubmissionRequirement = 803,
    /// No credential satisfies an input descriptor.
    InputDescriptorNotSatisfied = 804,
    /// The matching credentials do not satisfy a submission requirement.
    SubmissionRequirementNotSatisfied = 805,
    /// A presentation submission is malformed or does not match its definition.
    InvalidPresentationSubmission = 806,
    /// An openid-vp:// request is malformed or misses a required parameter.
    InvalidOpenIdVpRequest = 807,
    /// A verification result or its webhook payload breaks the Gataca format.
    InvalidVerificationResult = 808,
    /// Basic API-key credentials are not base64(id:secret).
    InvalidApiKey = 809,
    /// The credential's format is not among those the definition accepts.
    CredentialFormatNotAccepted = 810,
    /// A verifiable credential or presentation is malformed.
    InvalidCredential = 811,
    /// A Gataca session document is neither reply, or its ids disagree.
    InvalidGatacaSession = 850,
}

impl ErrorCode {
    /// Every code, in numeric order (for tables, bindings and tests).
    pub const ALL: &'static [ErrorCode] = &[
        Self::NullPointer,
        Self::InvalidArgument,
        Self::BufferTooSmall,
        Self::Panic,
        Self::InvalidUtf8,
        Self::InvalidBase64,
        Self::InvalidBase64Url,
        Self::InvalidHex,
        Self::InvalidBase58,
        Self::InvalidMultibase,
        Self::InvalidJson,
        Self::DuplicateKey,
        Self::UnexpectedJsonType,
        Self::LoneSurrogate,
        Self::MissingField,
        Self::InvalidFieldValue,
        Self::UnknownField,
        Self::InvalidJsonPath,
        Self::NumberNotIJson,
        Self::InvalidRegex,
        Self::InputTooLarge,
        Self::NestingTooDeep,
        Self::TooManyItems,
        Self::StringTooLong,
        Self::InvalidKey,
        Self::UnsupportedKey,
        Self::KeySizeNotAllowed,
        Self::InvalidSignatureEncoding,
        Self::UnsupportedAlgorithm,
        Self::InvalidCertificate,
        Self::SignatureMismatch,
        Self::ValueMismatch,
        Self::InvalidDid,
        Self::UnsupportedDidMethod,
        Self::UnknownVerificationMethod,
        Self::ProofMissing,
        Self::UnsupportedProofType,
        Self::ProofPurposeMismatch,
        Self::ProofDomainMismatch,
        Self::ProofChallengeMismatch,
        Self::InvalidJwt,
        Self::JwtAlgNone,
        Self::JwtAlgMismatch,
        Self::JwtIssuerMismatch,
        Self::JwtAudienceMismatch,
        Self::JwtExpired,
        Self::JwtNotYetValid,
        Self::JwtExpInMilliseconds,
        Self::EmptyInteractions,
        Self::MissingInteractionType,
        Self::MissingDisplayText,
        Self::EmptyDisplayText,
        Self::BothDisplayTexts,
        Self::WrongDisplayTextField,
        Self::DisplayTextTooLong,
        Self::DuplicateInteractionType,
        Self::UnknownInteractionType,
        Self::TypeNotAllowedForFlow,
        Self::TooManyInteractions,
        Self::RequiredInteractionNotSupportedByApp,
        Self::InteractionTypeNotOffered,
        Self::FlowTypeNotOffered,
        Self::SessionNotSuccessful,
        Self::DateLooksLikeMilliseconds,
        Self::InvalidDate,
        Self::InvalidNumber,
        Self::InvalidImageUrl,
        Self::InvalidEnumeration,
        Self::EnumerationNotInSchema,
        Self::ResponseMismatch,
        Self::UnknownTemplateParameter,
        Self::UnclosedPlaceholder,
        Self::FieldReadOnly,
        Self::InteractionAlreadyCompleted,
        Self::InteractionInProgress,
        Self::InteractionPaused,
        Self::TemplateNotEditable,
        Self::QrCodeExpired,
        Self::HeaderMissing,
        Self::HeaderDuplicated,
        Self::InvalidHeader,
        Self::InvalidPresentationDefinition,
        Self::InvalidFilter,
        Self::UnsupportedFilterKeyword,
        Self::InvalidSubmissionRequirement,
        Self::InputDescriptorNotSatisfied,
        Self::SubmissionRequirementNotSatisfied,
        Self::InvalidPresentationSubmission,
        Self::InvalidOpenIdVpRequest,
        Self::InvalidVerificationResult,
        Self::InvalidApiKey,
        Self::CredentialFormatNotAccepted,
        Self::InvalidCredential,
        Self::InvalidGatacaSession,
    ];

    /// The stable upper-snake-case name, as printed by the CLI (`error: NAME: ...`).
    ///
    /// ```
    /// use ssi_verify_core::ErrorCode;
    /// assert_eq!(ErrorCode::InvalidBase64 as u32, 200);
    /// assert_eq!(ErrorCode::InvalidBase64.name(), "INVALID_BASE64");
    /// assert_eq!(ErrorCode::from_u32(200), Some(ErrorCode::InvalidBase64));
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::NullPointer => "NULL_POINTER",
            Self::InvalidArgument => "INVALID_ARGUMENT",
            Self::BufferTooSmall => "BUFFER_TOO_SMALL",
            Self::Panic => "PANIC",
            Self::InvalidUtf8 => "INVALID_UTF8",
            Self::InvalidBase64 => "INVALID_BASE64",
            Self::InvalidBase64Url => "INVALID_BASE64_URL",
            Self::InvalidHex => "INVALID_HEX",
            Self::InvalidBase58 => "INVALID_BASE58",
            Self::InvalidMultibase => "INVALID_MULTIBASE",
            Self::InvalidJson => "INVALID_JSON",
            Self::DuplicateKey => "DUPLICATE_KEY",
            Self::UnexpectedJsonType => "UNEXPECTED_JSON_TYPE",
            Self::LoneSurrogate => "LONE_SURROGATE",
            Self::MissingField => "MISSING_FIELD",
            Self::InvalidFieldValue => "INVALID_FIELD_VALUE",
            Self::UnknownField => "UNKNOWN_FIELD",
            Self::InvalidJsonPath => "INVALID_JSON_PATH",
            Self::NumberNotIJson => "NUMBER_NOT_I_JSON",
            Self::InvalidRegex => "INVALID_REGEX",
            Self::InputTooLarge => "INPUT_TOO_LARGE",
            Self::NestingTooDeep => "NESTING_TOO_DEEP",
            Self::TooManyItems => "TOO_MANY_ITEMS",
            Self::StringTooLong => "STRING_TOO_LONG",
            Self::InvalidKey => "INVALID_KEY",
            Self::UnsupportedKey => "UNSUPPORTED_KEY",
            Self::KeySizeNotAllowed => "KEY_SIZE_NOT_ALLOWED",
            Self::InvalidSignatureEncoding => "INVALID_SIGNATURE_ENCODING",
            Self::UnsupportedAlgorithm => "UNSUPPORTED_ALGORITHM",
            Self::InvalidCertificate => "INVALID_CERTIFICATE",
            Self::SignatureMismatch => "SIGNATURE_MISMATCH",
            Self::ValueMismatch => "VALUE_MISMATCH",
            Self::InvalidDid => "INVALID_DID",
            Self::UnsupportedDidMethod => "UNSUPPORTED_DID_METHOD",
            Self::UnknownVerificationMethod => "UNKNOWN_VERIFICATION_METHOD",
            Self::ProofMissing => "PROOF_MISSING",
            Self::UnsupportedProofType => "UNSUPPORTED_PROOF_TYPE",
            Self::ProofPurposeMismatch => "PROOF_PURPOSE_MISMATCH",
            Self::ProofDomainMismatch => "PROOF_DOMAIN_MISMATCH",
            Self::ProofChallengeMismatch => "PROOF_CHALLENGE_MISMATCH",
            Self::InvalidJwt => "INVALID_JWT",
            Self::JwtAlgNone => "JWT_ALG_NONE",
            Self::JwtAlgMismatch => "JWT_ALG_MISMATCH",
            Self::JwtIssuerMismatch => "JWT_ISSUER_MISMATCH",
            Self::JwtAudienceMismatch => "JWT_AUDIENCE_MISMATCH",
            Self::JwtExpired => "JWT_EXPIRED",
            Self::JwtNotYetValid => "JWT_NOT_YET_VALID",
            Self::JwtExpInMilliseconds => "JWT_EXP_IN_MILLISECONDS",
            Self::EmptyInteractions => "EMPTY_INTERACTIONS",
            Self::MissingInteractionType => "MISSING_INTERACTION_TYPE",
            Self::MissingDisplayText => "MISSING_DISPLAY_TEXT",
            Self::EmptyDisplayText => "EMPTY_DISPLAY_TEXT",
            Self::BothDisplayTexts => "BOTH_DISPLAY_TEXTS",
            Self::WrongDisplayTextField => "WRONG_DISPLAY_TEXT_FIELD",
            Self::DisplayTextTooLong => "DISPLAY_TEXT_TOO_LONG",
            Self::DuplicateInteractionType => "DUPLICATE_INTERACTION_TYPE",
            Self::UnknownInteractionType => "UNKNOWN_INTERACTION_TYPE",
            Self::TypeNotAllowedForFlow => "TYPE_NOT_ALLOWED_FOR_FLOW",
            Self::TooManyInteractions => "TOO_MANY_INTERACTIONS",
            Self::RequiredInteractionNotSupportedByApp => "REQUIRED_INTERACTION_NOT_SUPPORTED_BY_APP",
            Self::InteractionTypeNotOffered => "INTERACTION_TYPE_NOT_OFFERED",
            Self::FlowTypeNotOffered => "FLOW_TYPE_NOT_OFFERED",
            Self::SessionNotSuccessful => "SESSION_NOT_SUCCESSFUL",
            Self::DateLooksLikeMilliseconds => "DATE_LOOKS_LIKE_MILLISECONDS",
            Self::InvalidDate => "INVALID_DATE",
            Self::InvalidNumber => "INVALID_NUMBER",
            Self::InvalidImageUrl => "INVALID_IMAGE_URL",
            Self::InvalidEnumeration => "INVALID_ENUMERATION",
            Self::EnumerationNotInSchema => "ENUMERATION_NOT_IN_SCHEMA",
            Self::ResponseMismatch => "RESPONSE_MISMATCH",
            Self::UnknownTemplateParameter => "UNKNOWN_TEMPLATE_PARAMETER",
            Self::UnclosedPlaceholder => "UNCLOSED_PLACEHOLDER",
            Self::FieldReadOnly => "FIELD_READ_ONLY",
            Self::InteractionAlreadyCompleted => "INTERACTION_ALREADY_COMPLETED",
            Self::InteractionInProgress => "INTERACTION_IN_PROGRESS",
            Self::InteractionPaused => "INTERACTION_PAUSED",
            Self::TemplateNotEditable => "TEMPLATE_NOT_EDITABLE",
            Self::QrCodeExpired => "QR_CODE_EXPIRED",
            Self::HeaderMissing => "HEADER_MISSING",
            Self::HeaderDuplicated => "HEADER_DUPLICATED",
            Self::InvalidHeader => "INVALID_HEADER",
            Self::InvalidPresentationDefinition => "INVALID_PRESENTATION_DEFINITION",
            Self::InvalidFilter => "INVALID_FILTER",
            Self::UnsupportedFilterKeyword => "UNSUPPORTED_FILTER_KEYWORD",
            Self::InvalidSubmissionRequirement => "INVALID_SUBMISSION_REQUIREMENT",
            Self::InputDescriptorNotSatisfied => "INPUT_DESCRIPTOR_NOT_SATISFIED",
            Self::SubmissionRequirementNotSatisfied => "SUBMISSION_REQUIREMENT_NOT_SATISFIED",
            Self::InvalidPresentationSubmission => "INVALID_PRESENTATION_SUBMISSION",
            Self::InvalidOpenIdVpRequest => "INVALID_OPEN_ID_VP_REQUEST",
            Self::InvalidVerificationResult => "INVALID_VERIFICATION_RESULT",
            Self::InvalidApiKey => "INVALID_API_KEY",
            Self::CredentialFormatNotAccepted => "CREDENTIAL_FORMAT_NOT_ACCEPTED",
            Self::InvalidCredential => "INVALID_CREDENTIAL",
            Self::InvalidGatacaSession => "INVALID_GATACA_SESSION",
        }
    }

    /// A one-line English description of the code (the same text the C `ssi_error_message` gives).
    #[must_use]
    pub const fn message(self) -> &'static str {
        match self {
            Self::NullPointer => "a required pointer argument was NULL",
            Self::InvalidArgument => "an argument is outside the accepted values",
            Self::BufferTooSmall => "the output buffer is too small",
            Self::Panic => "internal panic caught at the FFI boundary",
            Self::InvalidUtf8 => "text is not valid UTF-8",
            Self::InvalidBase64 => "not canonical padded standard Base64",
            Self::InvalidBase64Url => "not canonical unpadded Base64URL",
            Self::InvalidHex => "not hexadecimal",
            Self::InvalidBase58 => "not base58btc",
            Self::InvalidMultibase => "unsupported or malformed multibase value",
            Self::InvalidJson => "not valid JSON",
            Self::DuplicateKey => "duplicate JSON member name",
            Self::UnexpectedJsonType => "JSON value of the wrong type",
            Self::LoneSurrogate => "JSON string escapes a lone UTF-16 surrogate",
            Self::MissingField => "a required field is missing",
            Self::InvalidFieldValue => "a field has a value the format does not allow",
            Self::UnknownField => "a field the format does not define is present",
            Self::InvalidJsonPath => "invalid JSONPath query",
            Self::NumberNotIJson => "number is not representable as a finite double (I-JSON)",
            Self::InvalidRegex => "invalid or unsupported regular expression",
            Self::InputTooLarge => "input larger than the configured limit",
            Self::NestingTooDeep => "nesting deeper than the configured limit",
            Self::TooManyItems => "more items than the configured limit",
            Self::StringTooLong => "string longer than the configured limit",
            Self::InvalidKey => "key does not parse",
            Self::UnsupportedKey => "key algorithm not accepted here",
            Self::KeySizeNotAllowed => "key size outside the accepted range",
            Self::InvalidSignatureEncoding => "signature value malformed for this key",
            Self::UnsupportedAlgorithm => "signature algorithm or parameters not supported",
            Self::InvalidCertificate => "not a DER X.509 certificate",
            Self::SignatureMismatch => "signature does not verify",
            Self::ValueMismatch => "value does not match the expected value",
            Self::InvalidDid => "malformed DID",
            Self::UnsupportedDidMethod => "DID method not resolvable offline",
            Self::UnknownVerificationMethod => "verification method not found",
            Self::ProofMissing => "document has no proof",
            Self::UnsupportedProofType => "unsupported proof type",
            Self::ProofPurposeMismatch => "proofPurpose differs from the expected one",
            Self::ProofDomainMismatch => "proof domain differs from the expected one",
            Self::ProofChallengeMismatch => "proof nonce/challenge differs from the expected one",
            Self::InvalidJwt => "token is not a well-formed compact JWT",
            Self::JwtAlgNone => "unsigned token (alg none) refused",
            Self::JwtAlgMismatch => "token algorithm does not match the key",
            Self::JwtIssuerMismatch => "token issuer is not the expected one",
            Self::JwtAudienceMismatch => "token audience is not the expected one",
            Self::JwtExpired => "token expired",
            Self::JwtNotYetValid => "token not yet valid",
            Self::JwtExpInMilliseconds => "token exp looks like milliseconds, not seconds",
            Self::EmptyInteractions => "interactions array is empty",
            Self::MissingInteractionType => "interaction has no type",
            Self::MissingDisplayText => "interaction has no display text",
            Self::EmptyDisplayText => "display text is empty",
            Self::BothDisplayTexts => "both displayText60 and displayText200 are present",
            Self::WrongDisplayTextField => "display text field does not match the interaction type",
            Self::DisplayTextTooLong => "display text longer than allowed",
            Self::DuplicateInteractionType => "interaction type listed twice",
            Self::UnknownInteractionType => "unknown interaction type",
            Self::TypeNotAllowedForFlow => "interaction type not allowed in this flow",
            Self::TooManyInteractions => "too many interactions",
            Self::RequiredInteractionNotSupportedByApp => "no offered interaction is supported by the app",
            Self::InteractionTypeNotOffered => "interactionTypeUsed was not offered in the request",
            Self::FlowTypeNotOffered => "flowType was not offered by the relying party",
            Self::SessionNotSuccessful => "session status is not a completed ACSP_V2 authentication with endResult OK",
            Self::DateLooksLikeMilliseconds => {
                "date value looks like milliseconds; ProofSpace dates are seconds since the epoch"
            }
            Self::InvalidDate => "date is not an integer number of seconds since the epoch",
            Self::InvalidNumber => "number is not a plain decimal with '.'",
            Self::InvalidImageUrl => "not an absolute http or https URL",
            Self::InvalidEnumeration => "enumeration value is not a non-negative integer",
            Self::EnumerationNotInSchema => "enumeration value is not one of the schema's values",
            Self::ResponseMismatch => "response does not match its request",
            Self::UnknownTemplateParameter => "template names an unknown parameter",
            Self::UnclosedPlaceholder => "template placeholder is not closed",
            Self::FieldReadOnly => "field was pre-filled from the QR code and is read-only",
            Self::InteractionAlreadyCompleted => "interaction may run once per DID and was already completed",
            Self::InteractionInProgress => "an earlier event of this DID is still in progress",
            Self::InteractionPaused => "interaction is paused",
            Self::TemplateNotEditable => "issued-credentials template of an incoming-push interaction cannot be edited",
            Self::QrCodeExpired => "QR code is older than its timeout",
            Self::HeaderMissing => "required header is missing or empty",
            Self::HeaderDuplicated => "header appears more than once",
            Self::InvalidHeader => "header value has the wrong form",
            Self::InvalidPresentationDefinition => "invalid presentation definition",
            Self::InvalidFilter => "invalid field filter",
            Self::UnsupportedFilterKeyword => "unsupported JSON Schema keyword in filter",
            Self::InvalidSubmissionRequirement => "invalid submission requirement",
            Self::InputDescriptorNotSatisfied => "input descriptor not satisfied",
            Self::SubmissionRequirementNotSatisfied => "submission requirement not satisfied",
            Self::InvalidPresentationSubmission => "invalid presentation submission",
            Self::InvalidOpenIdVpRequest => "invalid OpenID4VP request",
            Self::InvalidVerificationResult => "invalid verification result",
            Self::InvalidApiKey => "invalid API key credentials",
            Self::CredentialFormatNotAccepted => "credential format not accepted",
            Self::InvalidCredential => "invalid verifiable credential or presentation",
            Self::InvalidGatacaSession => "not a Gataca session reply, or its session ids disagree",
        }
    }

    /// The code with this number, if there is one.
    #[must_use]
    pub fn from_u32(value: u32) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| *c as u32 == value)
    }

    /// The code with this stable name, if there is one.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.name() == name)
    }

    /// The broad group the code belongs to (UniFFI maps each group to an exception class).
    #[must_use]
    pub const fn category(self) -> Category {
        match self as u32 {
            100..=199 => Category::Usage,
            200..=299 => Category::Encoding,
            300..=399 => Category::Format,
            400..=499 => Category::Limit,
            500..=599 => Category::Crypto,
            _ => Category::Rule,
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The group an [`ErrorCode`] belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Category {
    /// The caller broke the calling convention (NULL, small buffer, bad argument).
    Usage,
    /// A text encoding (Base64, hex, UTF-8) is malformed.
    Encoding,
    /// A document is malformed or has the wrong shape.
    Format,
    /// A resource limit was hit.
    Limit,
    /// A key, certificate or signature could not be used.
    Crypto,
    /// A rule of the protocol is broken.
    Rule,
}

/// Where in the input an error was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Location {
    /// No useful position.
    None,
    /// Byte offset into the (decoded) text.
    Offset(usize),
    /// Zero-based index of the list item (e.g. the interaction).
    Index(usize),
}

/// An error: a stable [`ErrorCode`] plus a static detail and a location.
///
/// It never allocates, so the zero-heap paths can return it.
///
/// ```
/// use ssi_verify_core::{Error, ErrorCode};
/// let e = Error::new(ErrorCode::MissingField, "sessionToken is required");
/// assert_eq!(e.code(), ErrorCode::MissingField);
/// assert_eq!(e.to_string(), "MISSING_FIELD: sessionToken is required");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Error {
    code: ErrorCode,
    detail: &'static str,
    location: Location,
}

impl Error {
    /// An error with a detail message and no location.
    #[must_use]
    pub const fn new(code: ErrorCode, detail: &'static str) -> Self {
        Self { code, detail, location: Location::None }
    }

    /// An error whose detail is the code's generic message.
    #[must_use]
    pub const fn code_only(code: ErrorCode) -> Self {
        Self::new(code, code.message())
    }

    /// The same error, located at a byte offset.
    #[must_use]
    pub const fn at_offset(mut self, offset: usize) -> Self {
        self.location = Location::Offset(offset);
        self
    }

    /// The same error, located at a list index.
    #[must_use]
    pub const fn at_index(mut self, index: usize) -> Self {
        self.location = Location::Index(index);
        self
    }

    /// The stable code.
    #[must_use]
    pub const fn code(&self) -> ErrorCode {
        self.code
    }

    /// The detail message (static English text, no user data: safe to log).
    #[must_use]
    pub const fn detail(&self) -> &'static str {
        self.detail
    }

    /// Where the error was found.
    #[must_use]
    pub const fn location(&self) -> Location {
        self.location
    }
}

impl From<ErrorCode> for Error {
    fn from(code: ErrorCode) -> Self {
        Self::code_only(code)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code.name(), self.detail)?;
        match self.location {
            Location::None => Ok(()),
            Location::Offset(o) => write!(f, " (at byte {o})"),
            Location::Index(i) => write!(f, " (item {i})"),
        }
    }
}

impl core::error::Error for Error {}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = core::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::collections::BTreeSet;

    /// The stable name is the variant in SCREAMING_SNAKE_CASE, the same conversion cbindgen
    /// (`SSI_ERROR_<NAME>`) and UniFFI (`ErrorCode.<NAME>`) apply, so one code has one spelling.
    #[test]
    fn names_match_the_binding_spelling() {
        for &c in ErrorCode::ALL {
            let variant = alloc::format!("{c:?}");
            let mut screaming = alloc::string::String::new();
            for (i, ch) in variant.chars().enumerate() {
                if i > 0 && ch.is_ascii_uppercase() {
                    screaming.push('_');
                }
                screaming.push(ch.to_ascii_uppercase());
            }
            assert_eq!(c.name(), screaming, "{variant}");
        }
    }

    #[test]
    fn codes_are_unique_and_round_trip() {
        let mut numbers = BTreeSet::new();
        let mut names = BTreeSet::new();
        for &c in ErrorCode::ALL {
            assert!(numbers.insert(c as u32), "duplicate number {c:?}");
            assert!(names.insert(c.name()), "duplicate name {c:?}");
            assert_eq!(ErrorCode::from_u32(c as u32), Some(c));
            assert_eq!(ErrorCode::from_name(c.name()), Some(c));
            assert!(!c.message().is_empty());
        }
        assert_eq!(ErrorCode::from_u32(0), None);
        let sorted: alloc::vec::Vec<u32> = ErrorCode::ALL.iter().map(|c| *c as u32).collect();
        let mut check = sorted.clone();
        check.sort_unstable();
        assert_eq!(sorted, check, "ALL must be in numeric order");
    }

    #[test]
    fn all_lists_every_variant() {
        // `name()` is an exhaustive match, so the compiler keeps it complete; ALL is a plain
        // list, so count it against the match arms to catch a variant missing from ALL.
        let src = include_str!("error.rs");
        let start = src.find("pub const fn name(self)").unwrap();
        let end = src[start..].find("pub const fn message(self)").unwrap() + start;
        let arms = src[start..end].matches("Self::").count();
        assert_eq!(arms, ErrorCode::ALL.len());
    }

    #[test]
    fn display_includes_location() {
        let e = Error::new(ErrorCode::InvalidJson, "expected ','").at_offset(7);
        assert_eq!(alloc::format!("{e}"), "INVALID_JSON: expected ',' (at byte 7)");
        let e = Error::code_only(ErrorCode::EmptyDisplayText).at_index(2);
        assert_eq!(alloc::format!("{e}"), "EMPTY_DISPLAY_TEXT: display text is empty (item 2)");
        assert_eq!(ErrorCode::SignatureMismatch.category(), Category::Crypto);
        assert_eq!(ErrorCode::TypeNotAllowedForFlow.category(), Category::Rule);
    }
}
