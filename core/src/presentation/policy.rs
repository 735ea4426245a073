//! What the verifier requires beyond the definition: the caller's policy and the profile that
//! decides how closely it follows the definition.

#[cfg(feature = "jsonld")]
use crate::jsonld::ContextStore;
use crate::presentation::status::StatusLists;

/// How closely the verifier follows the definition, or Gataca's own verifier.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Profile {
    /// The definition's `format` list decides; a status the definition requires (or, for one
    /// credential, any status entry) without its list is "could not check"; a definition proof
    /// that cannot be verified is an error.
    #[default]
    Strict,
    /// As Gataca's verifier behaves: `JcsEd25519Signature2020` is also accepted wherever the
    /// definition has an `ldp` list (with a `FORMAT_NOT_LISTED` warning naming the suite); a
    /// status without its list is the warning "credential status not available."; a definition
    /// proof whose key is unknown is a warning.
    Gataca,
}

impl Profile {
    /// `strict` or `gataca`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Profile::Strict => "strict",
            Profile::Gataca => "gataca",
        }
    }

    /// The profile with this name.
    ///
    /// ```
    /// use ssi_verify_core::presentation::verifier::Profile;
    /// assert_eq!(Profile::from_name("gataca"), Some(Profile::Gataca));
    /// assert_eq!(Profile::from_name("lax"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "strict" => Some(Profile::Strict),
            "gataca" => Some(Profile::Gataca),
            _ => None,
        }
    }
}

/// What the verifier requires beyond the definition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerifierPolicy<'a> {
    /// The nonce / challenge the presentation proof must carry (the request's `nonce`).
    pub challenge: Option<&'a str>,
    /// The domain the presentation proof must carry, if any.
    pub domain: Option<&'a str>,
    /// Also accept the SHA-256 pre-hash readings of JcsEd25519Signature2020 (off by default).
    pub allow_sha256_prehash: bool,
    /// Current time, seconds since the epoch: validity periods and JWT times are checked at it.
    pub now: u64,
    /// Allowed clock skew in seconds for validity periods and JWT times (default 60).
    pub leeway: u64,
    /// [`Profile::Strict`] (default) or [`Profile::Gataca`].
    pub profile: Profile,
    /// The status-list credentials the caller fetched, by URL.
    pub status_lists: Option<&'a StatusLists>,
    /// The JSON-LD contexts Linked Data proofs may use: `None` is the bundled set alone; a
    /// store from [`ContextStore::bundled`] plus the caller's registrations adds theirs.
    #[cfg(feature = "jsonld")]
    pub contexts: Option<&'a ContextStore>,
}

impl VerifierPolicy<'_> {
    /// No challenge or domain requirement, raw-JCS proofs only, times checked at `now` with 60 s
    /// leeway, strict profile, no status lists, the bundled JSON-LD contexts only.
    #[must_use]
    pub const fn at(now: u64) -> VerifierPolicy<'static> {
        VerifierPolicy {
            challenge: None,
            domain: None,
            allow_sha256_prehash: false,
            now,
            leeway: 60,
            profile: Profile::Strict,
            status_lists: None,
            #[cfg(feature = "jsonld")]
            contexts: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_names_round_trip() {
        for p in [Profile::Strict, Profile::Gataca] {
            assert_eq!(Profile::from_name(p.name()), Some(p));
        }
        assert_eq!((Profile::Strict.name(), Profile::Gataca.name()), ("strict", "gataca"));
        assert_eq!(Profile::from_name("Strict"), None);
        assert_eq!(Profile::default(), Profile::Strict);
    }

    #[test]
    fn a_policy_at_a_time_asks_for_nothing_else() {
        let p = VerifierPolicy::at(1_800_000_000);
        assert_eq!((p.challenge, p.domain, p.allow_sha256_prehash), (None, None, false));
        assert_eq!((p.now, p.leeway, p.profile), (1_800_000_000, 60, Profile::Strict));
        assert!(p.status_lists.is_none());
    }
}
