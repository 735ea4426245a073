//! Callback-URL checks and the notification verification code.

use alloc::string::String;

use crate::codec::{base64_decode, base64url_decode, base64url_encode};
use crate::crypto::{ct_eq, sha256};
use crate::error::{Error, ErrorCode, Result};
use crate::Verdict;

/// `sessionSecretDigest = Base64URL(SHA-256(Base64-decode(sessionSecret)))`.
///
/// ```
/// assert_eq!(ssi_verify_core::smartid::session_secret_digest("B98ODiVCebRedSwdTk51zFSaGYyHtY1H2A0ocAi3/Ps=").unwrap(),
///            "U4CKK13H1XFiyBofev9asqrzIrY5_Gszi_nL_zDKkBc");
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidBase64`].
pub fn session_secret_digest(session_secret: &str) -> Result<String> {
    Ok(base64url_encode(&sha256(&base64_decode(session_secret)?)))
}

/// Checks the callback's `sessionSecretDigest` in constant time.
///
/// # Errors
/// [`ErrorCode::InvalidBase64`] for a malformed session secret.
pub fn verify_session_secret_digest(session_secret: &str, received: &str) -> Result<Verdict> {
    let expected = session_secret_digest(session_secret)?;
    Ok(Verdict::from_bool(ct_eq(expected.as_bytes(), received.as_bytes()), ErrorCode::ValueMismatch))
}

fn check_verifier(verifier: &str) -> Result<()> {
    if verifier.len() != 43 || base64url_decode(verifier).is_err() {
        return Err(Error::new(ErrorCode::InvalidBase64Url, "userChallengeVerifier must be 43 Base64URL characters"));
    }
    Ok(())
}

/// `userChallenge = Base64URL(SHA-256(userChallengeVerifier))`, hashing the verifier text as is.
///
/// ```
/// assert_eq!(ssi_verify_core::smartid::user_challenge("XtPfaGa8JnGtYrJjboooUf0KfY9sMEHrWFpSQrsUv9c").unwrap(),
///            "GnsWXXEjTCKR89fj9uo5u5ReBZ9JR7_pezLAI5jMS00");
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidBase64Url`] when the verifier is not 43 Base64URL characters.
pub fn user_challenge(verifier: &str) -> Result<String> {
    check_verifier(verifier)?;
    Ok(base64url_encode(&sha256(verifier.as_bytes())))
}

/// Checks `userChallenge` against the callback's `userChallengeVerifier` in constant time.
///
/// # Errors
/// As [`user_challenge`].
pub fn verify_user_challenge(verifier: &str, user_challenge_value: &str) -> Result<Verdict> {
    let expected = user_challenge(verifier)?;
    Ok(Verdict::from_bool(ct_eq(expected.as_bytes(), user_challenge_value.as_bytes()), ErrorCode::ValueMismatch))
}

/// The four-digit verification code of notification flows:
/// `integer(SHA-256(rpChallenge bytes)[-2:]) mod 10000`, zero-padded.
///
/// ```
/// let vc = ssi_verify_core::smartid::verification_code(
///     "GYS+yoah6emAcVDNIajwSs6UB/M95XrDxMzXBUkwQJ9YFDipXXzGpPc7raWcuc2+TEoRc7WvIZ/7dU/iRXenYg==").unwrap();
/// assert_eq!(&vc, b"7180");
/// ```
///
/// # Errors
/// [`ErrorCode::InvalidBase64`]; [`ErrorCode::InvalidFieldValue`] when the decoded challenge is not
/// 32 to 64 bytes (the RP API's 44 to 88 Base64 characters: a code over anything else is not one
/// the app will show).
pub fn verification_code(rp_challenge: &str) -> Result<[u8; 4]> {
    let challenge = base64_decode(rp_challenge)?;
    if !(32..=64).contains(&challenge.len()) {
        return Err(Error::new(
            ErrorCode::InvalidFieldValue,
            "rpChallenge must be 32 to 64 bytes (44 to 88 Base64 characters)",
        ));
    }
    let hash = sha256(&challenge);
    let [.., hi, lo] = hash;
    let mut n = u16::from_be_bytes([hi, lo]) % 10_000;
    let mut out = [b'0'; 4];
    for slot in out.iter_mut().rev() {
        *slot = b'0' + u8::try_from(n % 10).unwrap_or(0);
        n /= 10;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    #[test]
    fn verification_code_refuses_a_challenge_outside_32_to_64_bytes() {
        for short_or_long in ["", "AAAA", &"A".repeat(92)] {
            assert_eq!(
                verification_code(short_or_long).unwrap_err().code(),
                ErrorCode::InvalidFieldValue,
                "{short_or_long}"
            );
        }
        assert!(verification_code(&"A".repeat(44)).is_ok());
        assert!(verification_code(&format!("{}==", "A".repeat(86))).is_ok());
    }

    #[test]
    fn verifier_must_be_43_base64url_characters_each_rule_alone() {
        let verifier = "XtPfaGa8JnGtYrJjboooUf0KfY9sMEHrWFpSQrsUv9c";
        assert!(user_challenge(verifier).is_ok());
        // Valid Base64URL of another length; the right length with a character outside the alphabet.
        for bad in [&format!("{verifier}A"), "XtPfaGa8JnGtYrJjboooUf0KfY9sMEHrWFpSQrsUv9+"] {
            assert_eq!(user_challenge(bad).unwrap_err().code(), ErrorCode::InvalidBase64Url, "{bad}");
            assert_eq!(verify_user_challenge(bad, "x").unwrap_err().code(), ErrorCode::InvalidBase64Url, "{bad}");
        }
    }
}
