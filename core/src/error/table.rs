//! The one table of error codes: every code's number, category, stable name, message and doc,
//! written once. The core's [`ErrorCode`](crate::ErrorCode) is generated from it, and so are
//! the UniFFI mirror and the C header's `ssi_error` enum (through
//! [`for_each_error_code!`](crate::for_each_error_code)), so a code cannot drift between surfaces.

/// Calls `$callback! { rows }` with the table of error codes, one row per code:
/// `/// doc` then `Variant = number, Category, "NAME", "message";`.
///
/// The core's [`ErrorCode`](crate::ErrorCode) is built from it; bindings use it to generate
/// their mirrors, so a new code reaches every surface from this one place.
///
/// ```
/// macro_rules! count {
///     ($( #[doc = $doc:literal] $v:ident = $n:literal, $c:ident, $name:literal, $msg:literal; )*) => {
///         [$($n),*].len()
///     };
/// }
/// assert_eq!(ssi_verify_core::for_each_error_code!(count), ssi_verify_core::ErrorCode::ALL.len());
/// ```
#[macro_export]
macro_rules! for_each_error_code {
    ($callback:ident) => {
        $callback! {
            // 1xx: calling convention
            /// A required pointer argument was NULL.
            NullPointer = 100, Usage, "NULL_POINTER", "a required pointer argument was NULL";
            /// An argument is outside the values the function accepts.
            InvalidArgument = 101, Usage, "INVALID_ARGUMENT", "an argument is outside the accepted values";
            /// The caller's output or scratch buffer is too small; the needed size is reported.
            BufferTooSmall = 102, Usage, "BUFFER_TOO_SMALL", "the output buffer is too small";
            /// A panic was caught at the FFI boundary (a bug: please report it).
            Panic = 103, Usage, "PANIC", "internal panic caught at the FFI boundary";
            /// Bytes that must be UTF-8 are not.
            InvalidUtf8 = 104, Encoding, "INVALID_UTF8", "text is not valid UTF-8";

            // 2xx: encodings
            /// Not canonical, padded, standard-alphabet Base64 (RFC 4648 section 4).
            InvalidBase64 = 200, Encoding, "INVALID_BASE64", "not canonical padded standard Base64";
            /// Not canonical, unpadded, URL-safe Base64 (RFC 4648 section 5).
            InvalidBase64Url = 201, Encoding, "INVALID_BASE64_URL", "not canonical unpadded Base64URL";
            /// Not an even-length string of hexadecimal digits.
            InvalidHex = 202, Encoding, "INVALID_HEX", "not hexadecimal";
            /// Not base58btc (Bitcoin alphabet).
            InvalidBase58 = 203, Encoding, "INVALID_BASE58", "not base58btc";
            /// A multibase string with an unknown or unexpected prefix.
            InvalidMultibase = 204, Encoding, "INVALID_MULTIBASE", "unsupported or malformed multibase value";

            // 3xx: JSON
            /// The text is not JSON (RFC 8259).
            InvalidJson = 300, Format, "INVALID_JSON", "not valid JSON";
            /// An object has two members with the same name (after unescaping).
            DuplicateKey = 301, Format, "DUPLICATE_KEY", "duplicate JSON member name";
            /// A JSON value has the wrong type for its place (e.g. a number where a string belongs).
            UnexpectedJsonType = 302, Format, "UNEXPECTED_JSON_TYPE", "JSON value of the wrong type";
            /// A JSON string escapes a lone UTF-16 surrogate, which no Unicode text can hold.
            LoneSurrogate = 303, Format, "LONE_SURROGATE", "JSON string escapes a lone UTF-16 surrogate";
            /// A required member or field is missing.
            MissingField = 310, Format, "MISSING_FIELD", "a required field is missing";
            /// A member or field has a value the format does not allow.
            InvalidFieldValue = 311, Format, "INVALID_FIELD_VALUE", "a field has a value the format does not allow";
            /// A member the format does not define is present.
            UnknownField = 312, Format, "UNKNOWN_FIELD", "a field the format does not define is present";
            /// Not a valid RFC 9535 JSONPath query (syntax or function well-typedness).
            InvalidJsonPath = 320, Format, "INVALID_JSON_PATH", "invalid JSONPath query";
            /// A JSON number that is not a finite IEEE 754 double (I-JSON, RFC 7493), so JCS cannot serialize it.
            NumberNotIJson = 321, Format, "NUMBER_NOT_I_JSON", "number is not representable as a finite double (I-JSON)";
            /// A regular expression that is not valid I-Regexp (RFC 9485) or is too large.
            InvalidRegex = 322, Format, "INVALID_REGEX", "invalid or unsupported regular expression";

            // 4xx: limits
            /// The input is longer than `Limits::max_input_bytes`.
            InputTooLarge = 400, Limit, "INPUT_TOO_LARGE", "input larger than the configured limit";
            /// Arrays and objects nest deeper than `Limits::max_depth`.
            NestingTooDeep = 401, Limit, "NESTING_TOO_DEEP", "nesting deeper than the configured limit";
            /// More values, members or elements than the limits allow.
            TooManyItems = 402, Limit, "TOO_MANY_ITEMS", "more items than the configured limit";
            /// A string is longer than `Limits::max_string_bytes`.
            StringTooLong = 403, Limit, "STRING_TOO_LONG", "string longer than the configured limit";

            // 5xx: keys, certificates, signatures
            /// The key bytes do not parse as a key of the expected kind.
            InvalidKey = 500, Crypto, "INVALID_KEY", "key does not parse";
            /// The key's algorithm is not one this operation accepts.
            UnsupportedKey = 501, Crypto, "UNSUPPORTED_KEY", "key algorithm not accepted here";
            /// The key's size is outside the range this operation accepts.
            KeySizeNotAllowed = 502, Crypto, "KEY_SIZE_NOT_ALLOWED", "key size outside the accepted range";
            /// The signature value cannot be a signature for this key (length, encoding).
            InvalidSignatureEncoding = 503, Crypto, "INVALID_SIGNATURE_ENCODING", "signature value malformed for this key";
            /// The signature algorithm or its parameters are not supported or not allowed.
            UnsupportedAlgorithm = 504, Crypto, "UNSUPPORTED_ALGORITHM", "signature algorithm or parameters not supported";
            /// The certificate is not a DER X.509 certificate.
            InvalidCertificate = 505, Crypto, "INVALID_CERTIFICATE", "not a DER X.509 certificate";
            /// Verdict reason: the signature does not verify.
            SignatureMismatch = 506, Crypto, "SIGNATURE_MISMATCH", "signature does not verify";
            /// Verdict reason: a MAC, digest or code does not match the expected value.
            ValueMismatch = 507, Crypto, "VALUE_MISMATCH", "value does not match the expected value";
            /// A DID or DID URL is malformed.
            InvalidDid = 510, Crypto, "INVALID_DID", "malformed DID";
            /// The DID method cannot be resolved offline (only did:key Ed25519 is; others need the trust store).
            UnsupportedDidMethod = 511, Crypto, "UNSUPPORTED_DID_METHOD", "DID method not resolvable offline";
            /// The proof's verification method is neither a did:key nor in the caller's trust store.
            UnknownVerificationMethod = 512, Crypto, "UNKNOWN_VERIFICATION_METHOD", "verification method not found";
            /// The document has no proof.
            ProofMissing = 513, Crypto, "PROOF_MISSING", "document has no proof";
            /// The proof type is not one this library verifies.
            UnsupportedProofType = 514, Crypto, "UNSUPPORTED_PROOF_TYPE", "unsupported proof type";
            /// The proof's proofPurpose is not the expected one.
            ProofPurposeMismatch = 515, Crypto, "PROOF_PURPOSE_MISMATCH", "proofPurpose differs from the expected one";
            /// The proof's domain is not the expected one.
            ProofDomainMismatch = 516, Crypto, "PROOF_DOMAIN_MISMATCH", "proof domain differs from the expected one";
            /// The proof's nonce/challenge is not the expected one.
            ProofChallengeMismatch = 517, Crypto, "PROOF_CHALLENGE_MISMATCH", "proof nonce/challenge differs from the expected one";
            /// The token is not a compact JWS of three Base64URL segments with JSON header and claims.
            InvalidJwt = 530, Crypto, "INVALID_JWT", "token is not a well-formed compact JWT";
            /// The token declares `alg: none` (unsigned tokens are never accepted).
            JwtAlgNone = 531, Crypto, "JWT_ALG_NONE", "unsigned token (alg none) refused";
            /// The token's `alg` is not the algorithm the key allows.
            JwtAlgMismatch = 532, Crypto, "JWT_ALG_MISMATCH", "token algorithm does not match the key";
            /// Verdict reason: `iss` is missing or not the expected issuer.
            JwtIssuerMismatch = 533, Crypto, "JWT_ISSUER_MISMATCH", "token issuer is not the expected one";
            /// Verdict reason: `aud` is missing or does not contain the expected audience.
            JwtAudienceMismatch = 534, Crypto, "JWT_AUDIENCE_MISMATCH", "token audience is not the expected one";
            /// Verdict reason: `exp` is in the past (beyond the leeway).
            JwtExpired = 535, Crypto, "JWT_EXPIRED", "token expired";
            /// Verdict reason: `nbf` (or `iat`) is in the future (beyond the leeway).
            JwtNotYetValid = 536, Crypto, "JWT_NOT_YET_VALID", "token not yet valid";
            /// `exp` is clearly in milliseconds, not seconds (not silently accepted).
            JwtExpInMilliseconds = 537, Crypto, "JWT_EXP_IN_MILLISECONDS", "token exp looks like milliseconds, not seconds";
            /// An ECDSA JOSE signature is not the fixed 64-byte `r||s` form (a DER signature, or another length).
            EcdsaSignatureNotRaw = 540, Crypto, "ECDSA_SIGNATURE_NOT_RAW", "ECDSA signature is not 64-byte r||s (DER or wrong length)";
            /// An elliptic-curve public key whose coordinates are not a point of its curve.
            EcPointNotOnCurve = 541, Crypto, "EC_POINT_NOT_ON_CURVE", "EC public key is not a point on its curve";
            /// An elliptic-curve public key that is the identity point (point at infinity).
            EcIdentityPoint = 542, Crypto, "EC_IDENTITY_POINT", "EC public key is the identity point";
            /// Verdict reason: the credential or presentation is past its `expirationDate` / `validUntil` / `exp` (beyond the leeway).
            CredentialExpired = 543, Rule, "CREDENTIAL_EXPIRED", "credential or presentation has expired";
            /// Verdict reason: the credential or presentation is before its `issuanceDate` / `validFrom` / `nbf` (beyond the leeway).
            CredentialNotYetValid = 544, Rule, "CREDENTIAL_NOT_YET_VALID", "credential or presentation is not yet valid";
            /// Verdict reason: a certificate in the path is past its notAfter at the validation time.
            CertificateExpired = 570, Crypto, "CERTIFICATE_EXPIRED", "a certificate in the path has expired";
            /// Verdict reason: a certificate in the path is before its notBefore at the validation time.
            CertificateNotYetValid = 571, Crypto, "CERTIFICATE_NOT_YET_VALID", "a certificate in the path is not yet valid";
            /// Verdict reason: no certificate path leads from the certificate to one of the trust anchors.
            UnknownIssuer = 572, Crypto, "UNKNOWN_ISSUER", "no certificate path to a trust anchor";
            /// Verdict reason: a certificate's signature does not verify with the key of the certificate named as its issuer.
            ChainSignatureMismatch = 573, Crypto, "CHAIN_SIGNATURE_MISMATCH", "a certificate's signature does not verify with its issuer's key";
            /// Verdict reason: a certificate that issued another is not a CA (basicConstraints cA absent or false), e.g. an end-entity certificate used as a CA.
            IssuerNotCa = 574, Crypto, "ISSUER_NOT_CA", "an issuing certificate is not a CA certificate";
            /// Verdict reason: an issuing CA certificate's keyUsage is absent or lacks keyCertSign.
            KeyCertSignMissing = 575, Crypto, "KEY_CERT_SIGN_MISSING", "an issuing CA certificate lacks keyUsage keyCertSign";
            /// Verdict reason: the path is longer than an issuer's pathLenConstraint or `Limits::max_cert_path`.
            PathTooLong = 576, Crypto, "PATH_TOO_LONG", "the certificate path is longer than allowed";
            /// Verdict reason: a certificate in the path carries a critical extension this library does not process.
            UnknownCriticalExtension = 577, Crypto, "UNKNOWN_CRITICAL_EXTENSION", "a certificate carries a critical extension this library does not process";
            /// Verdict reason: the end-entity certificate's keyUsage / extendedKeyUsage does not allow this use (authentication or signing), or it is a CA certificate.
            KeyUsageNotAllowed = 578, Crypto, "KEY_USAGE_NOT_ALLOWED", "the certificate's key usage does not allow this use";
            /// No trust anchor was supplied, so the certificate cannot be checked.
            NoTrustAnchor = 579, Crypto, "NO_TRUST_ANCHOR", "no trust anchor was supplied";

            // 6xx: Smart-ID
            /// The interactions array is empty.
            EmptyInteractions = 600, Rule, "EMPTY_INTERACTIONS", "interactions array is empty";
            /// An interaction has no `type`.
            MissingInteractionType = 601, Rule, "MISSING_INTERACTION_TYPE", "interaction has no type";
            /// An interaction has neither `displayText60` nor `displayText200`.
            MissingDisplayText = 602, Rule, "MISSING_DISPLAY_TEXT", "interaction has no display text";
            /// The display text is the empty string.
            EmptyDisplayText = 603, Rule, "EMPTY_DISPLAY_TEXT", "display text is empty";
            /// An interaction has both `displayText60` and `displayText200`.
            BothDisplayTexts = 604, Rule, "BOTH_DISPLAY_TEXTS", "both displayText60 and displayText200 are present";
            /// The display text member is the wrong one for the type (e.g. `displayText200` on `displayTextAndPIN`).
            WrongDisplayTextField = 605, Rule, "WRONG_DISPLAY_TEXT_FIELD", "display text field does not match the interaction type";
            /// The display text is longer than 60 / 200 Unicode scalar values.
            DisplayTextTooLong = 606, Rule, "DISPLAY_TEXT_TOO_LONG", "display text longer than allowed";
            /// Two interactions have the same `type`.
            DuplicateInteractionType = 607, Rule, "DUPLICATE_INTERACTION_TYPE", "interaction type listed twice";
            /// The `type` is not a known interaction type (strict reading only).
            UnknownInteractionType = 608, Rule, "UNKNOWN_INTERACTION_TYPE", "unknown interaction type";
            /// The type is not allowed in this flow (e.g. verification-code choice in a device-link flow).
            TypeNotAllowedForFlow = 609, Rule, "TYPE_NOT_ALLOWED_FOR_FLOW", "interaction type not allowed in this flow";
            /// More interactions than the reading allows.
            TooManyInteractions = 610, Rule, "TOO_MANY_INTERACTIONS", "too many interactions";
            /// None of the offered interactions is supported by the app.
            RequiredInteractionNotSupportedByApp = 611, Rule, "REQUIRED_INTERACTION_NOT_SUPPORTED_BY_APP", "no offered interaction is supported by the app";
            /// Verdict reason: `interactionTypeUsed` was not offered in the request's interactions.
            InteractionTypeNotOffered = 612, Rule, "INTERACTION_TYPE_NOT_OFFERED", "interactionTypeUsed was not offered in the request";
            /// Verdict reason: `flowType` was not one of the flows the RP offered.
            FlowTypeNotOffered = 613, Rule, "FLOW_TYPE_NOT_OFFERED", "flowType was not offered by the relying party";
            /// The session status is not a completed, successful ACSP_V2 authentication.
            SessionNotSuccessful = 614, Rule, "SESSION_NOT_SUCCESSFUL", "session status is not a completed ACSP_V2 authentication with endResult OK";
            /// Verdict reason: the response's `cert.certificateLevel` is not the level the certificate's policies give.
            CertificateLevelMismatch = 620, Rule, "CERTIFICATE_LEVEL_MISMATCH", "the response's certificateLevel disagrees with the certificate's policies";
            /// Verdict reason: the certificate level is below the one the RP requested.
            CertificateLevelTooLow = 621, Rule, "CERTIFICATE_LEVEL_TOO_LOW", "the certificate level is below the requested one";
            /// Verdict reason: the certificate's policies give no Smart-ID level (e.g. only TEST-arc policy OIDs).
            CertificatePolicyMissing = 622, Rule, "CERTIFICATE_POLICY_MISSING", "the certificate's policies give no Smart-ID certificate level";
            /// Verdict reason: the certificate's person or document number is not the one the session was started for.
            IdentityMismatch = 623, Rule, "IDENTITY_MISMATCH", "the certificate is not the person the session was started for";
            /// Verdict reason: a Web2App/App2App response's `userChallenge` is not Base64URL(SHA-256(userChallengeVerifier)), or no verifier was given.
            UserChallengeMismatch = 624, Rule, "USER_CHALLENGE_MISMATCH", "userChallenge does not match the callback's userChallengeVerifier";
            /// Verdict reason: the digest the signature session sent is not the hash of the data under the session's hash algorithm.
            DigestMismatch = 625, Rule, "DIGEST_MISMATCH", "the digest sent is not the hash of the data";

            // 7xx: ProofSpace
            /// A Date value is clearly milliseconds since the epoch; ProofSpace dates are seconds.
            DateLooksLikeMilliseconds = 700, Rule, "DATE_LOOKS_LIKE_MILLISECONDS", "date value looks like milliseconds; ProofSpace dates are seconds since the epoch";
            /// A Date value is not an integer number of seconds.
            InvalidDate = 701, Rule, "INVALID_DATE", "date is not an integer number of seconds since the epoch";
            /// A Number value is not a plain decimal with '.' (no exponent, sign '+', comma, NaN or Infinity).
            InvalidNumber = 702, Rule, "INVALID_NUMBER", "number is not a plain decimal with '.'";
            /// An ImageURL value is not an absolute http(s) URL.
            InvalidImageUrl = 703, Rule, "INVALID_IMAGE_URL", "not an absolute http or https URL";
            /// An Enumeration value is not a non-negative integer index.
            InvalidEnumeration = 704, Rule, "INVALID_ENUMERATION", "enumeration value is not a non-negative integer";
            /// An Enumeration value is not one of the schema's values.
            EnumerationNotInSchema = 705, Rule, "ENUMERATION_NOT_IN_SCHEMA", "enumeration value is not one of the schema's values";
            /// Verdict reason: a webhook response does not answer its request.
            ResponseMismatch = 706, Rule, "RESPONSE_MISMATCH", "response does not match its request";
            /// A notification template names a parameter the instance does not have.
            UnknownTemplateParameter = 707, Rule, "UNKNOWN_TEMPLATE_PARAMETER", "template names an unknown parameter";
            /// A notification template opens `{{` without a closing `}}` (or has an empty name).
            UnclosedPlaceholder = 708, Rule, "UNCLOSED_PLACEHOLDER", "template placeholder is not closed";
            /// A field pre-filled from the QR code cannot be changed.
            FieldReadOnly = 709, Rule, "FIELD_READ_ONLY", "field was pre-filled from the QR code and is read-only";
            /// Verdict reason: a Once interaction was already completed by this DID.
            InteractionAlreadyCompleted = 710, Rule, "INTERACTION_ALREADY_COMPLETED", "interaction may run once per DID and was already completed";
            /// Verdict reason: an earlier event of this DID is still in progress.
            InteractionInProgress = 711, Rule, "INTERACTION_IN_PROGRESS", "an earlier event of this DID is still in progress";
            /// Verdict reason: the interaction is paused (not visible in the app).
            InteractionPaused = 712, Rule, "INTERACTION_PAUSED", "interaction is paused";
            /// An Incoming-push interaction's issued-credentials template cannot be edited.
            TemplateNotEditable = 713, Rule, "TEMPLATE_NOT_EDITABLE", "issued-credentials template of an incoming-push interaction cannot be edited";
            /// Verdict reason: the interaction QR code is older than its timeout.
            QrCodeExpired = 714, Rule, "QR_CODE_EXPIRED", "QR code is older than its timeout";
            /// A required HTTP header is absent or empty.
            HeaderMissing = 715, Rule, "HEADER_MISSING", "required header is missing or empty";
            /// A header that must appear once appears several times.
            HeaderDuplicated = 716, Rule, "HEADER_DUPLICATED", "header appears more than once";
            /// A header value has the wrong form (e.g. Authorization without `Bearer `).
            InvalidHeader = 717, Rule, "INVALID_HEADER", "header value has the wrong form";

            // 8xx: Presentation Exchange, OpenID4VP, Gataca
            /// A presentation definition breaks the DIF Presentation Exchange v2 model.
            InvalidPresentationDefinition = 800, Rule, "INVALID_PRESENTATION_DEFINITION", "invalid presentation definition";
            /// A field filter is not valid JSON Schema of the subset PE uses.
            InvalidFilter = 801, Rule, "INVALID_FILTER", "invalid field filter";
            /// A filter uses a JSON Schema keyword this library does not evaluate (refused, never ignored).
            UnsupportedFilterKeyword = 802, Rule, "UNSUPPORTED_FILTER_KEYWORD", "unsupported JSON Schema keyword in filter";
            /// A submission requirement is malformed (rule, count/min/max, from/from_nested, unknown group).
            InvalidSubmissionRequirement = 803, Rule, "INVALID_SUBMISSION_REQUIREMENT", "invalid submission requirement";
            /// No credential satisfies an input descriptor.
            InputDescriptorNotSatisfied = 804, Rule, "INPUT_DESCRIPTOR_NOT_SATISFIED", "input descriptor not satisfied";
            /// The matching credentials do not satisfy a submission requirement.
            SubmissionRequirementNotSatisfied = 805, Rule, "SUBMISSION_REQUIREMENT_NOT_SATISFIED", "submission requirement not satisfied";
            /// A presentation submission is malformed or does not match its definition.
            InvalidPresentationSubmission = 806, Rule, "INVALID_PRESENTATION_SUBMISSION", "invalid presentation submission";
            /// An openid-vp:// request is malformed or misses a required parameter.
            InvalidOpenIdVpRequest = 807, Rule, "INVALID_OPEN_ID_VP_REQUEST", "invalid OpenID4VP request";
            /// A verification result or its webhook payload breaks the Gataca format.
            InvalidVerificationResult = 808, Rule, "INVALID_VERIFICATION_RESULT", "invalid verification result";
            /// Basic API-key credentials are not base64(id:secret).
            InvalidApiKey = 809, Rule, "INVALID_API_KEY", "invalid API key credentials";
            /// The credential's format is not among those the definition accepts.
            CredentialFormatNotAccepted = 810, Rule, "CREDENTIAL_FORMAT_NOT_ACCEPTED", "credential format not accepted";
            /// A verifiable credential or presentation is malformed.
            InvalidCredential = 811, Rule, "INVALID_CREDENTIAL", "invalid verifiable credential or presentation";
            /// The credential has a status entry (or the definition requires one) but no status-list credential was supplied for it.
            StatusListMissing = 820, Rule, "STATUS_LIST_MISSING", "no status-list credential supplied";
            /// A status entry or status-list credential is malformed (type, purpose, encodedList, statusSize).
            InvalidStatusList = 821, Rule, "INVALID_STATUS_LIST", "malformed status entry or status-list credential";
            /// A status list inflates beyond `Limits::max_status_list_bytes`.
            StatusListTooLarge = 822, Rule, "STATUS_LIST_TOO_LARGE", "status list inflates beyond the limit";
            /// A status list is shorter than the 131,072 entries (16 KiB at one bit each) both specifications require.
            StatusListTooShort = 823, Rule, "STATUS_LIST_TOO_SHORT", "status list shorter than the required minimum";
            /// A `statusListIndex` points outside its status list.
            StatusIndexOutOfRange = 824, Rule, "STATUS_INDEX_OUT_OF_RANGE", "status index outside the list";
            /// The status-list credential failed its own verification (proof or validity period), so the status cannot be read from it.
            StatusListNotVerified = 825, Rule, "STATUS_LIST_NOT_VERIFIED", "status-list credential did not verify";
            /// Verdict reason: the credential's revocation bit is set.
            CredentialRevoked = 826, Rule, "CREDENTIAL_REVOKED", "credential is revoked";
            /// Verdict reason: the credential's suspension bit is set.
            CredentialSuspended = 827, Rule, "CREDENTIAL_SUSPENDED", "credential is suspended";
            /// Verdict reason: the credential carries a status the definition's `statuses` directive disallows.
            StatusDisallowed = 828, Rule, "STATUS_DISALLOWED", "credential carries a disallowed status";
            /// Warning reason (`gataca` profile): the credential's proof suite is not in the definition's format list but Gataca accepts it.
            FormatNotListed = 829, Rule, "FORMAT_NOT_LISTED", "proof suite not listed in the definition format";
            /// A Gataca session document is neither reply, or its ids disagree.
            InvalidGatacaSession = 850, Rule, "INVALID_GATACA_SESSION", "not a Gataca session reply, or its session ids disagree";
            /// The document breaks a JSON-LD 1.1 rule; the detail is the specification's error code (e.g. `protected term redefinition`).
            InvalidJsonLd = 900, Format, "INVALID_JSON_LD", "invalid JSON-LD";
            /// A context URL is neither bundled nor registered by the caller (could not check: contexts are never fetched).
            UnknownContext = 901, Rule, "UNKNOWN_CONTEXT", "JSON-LD context is neither bundled nor registered (never fetched)";
            /// A term or IRI expands to nothing and would be silently dropped from what is signed (Data Integrity context validation: could not check).
            UndefinedTerm = 902, Rule, "UNDEFINED_TERM", "a JSON-LD term or IRI expands to nothing and would be dropped";

            // 9xx: Linked Data (JSON-LD, RDF, Data Integrity)
            /// The text is not N-Quads (RDF 1.1 N-Quads grammar, absolute IRIs).
            InvalidNquads = 930, Format, "INVALID_NQUADS", "not valid N-Quads";
            /// RDF Dataset Canonicalization needs more work than `Limits::max_rdfc_work` allows (a "poison" dataset).
            CanonicalizationTooComplex = 931, Limit, "CANONICALIZATION_TOO_COMPLEX", "RDF dataset canonicalization exceeds its work budget";
            /// Verdict reason: the proof's `@context` is not the document's, or its RDF does not state the type, verification method or purpose its JSON shows.
            ProofContextMismatch = 932, Rule, "PROOF_CONTEXT_MISMATCH", "the proof's context or RDF does not match what its JSON states";
            /// Verdict reason: a Linked Data proof's `expires` time lies before the verifier's time (beyond its leeway).
            ProofExpired = 933, Rule, "PROOF_EXPIRED", "the proof's expires time has passed";
            /// Verdict reason: a Linked Data proof's `created` time lies after the verifier's time (beyond its leeway).
            ProofNotYetValid = 934, Rule, "PROOF_NOT_YET_VALID", "the proof's created time is in the future";
        }
    };
}
