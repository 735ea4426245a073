//! Certificate path validation (RFC 5280 section 6, the parts Smart-ID needs) from an end-entity
//! certificate to one of the caller's trust anchors through the caller's intermediates.

use alloc::vec::Vec;

use crate::error::{Error, ErrorCode, Result};
use crate::limits::Limits;
use crate::x509::cert::{key_usage, Certificate};
use crate::x509::verify::signed_by;
use crate::Verdict;

/// Where the certificates of a path come from. Anchors are trusted as given: their own
/// signature is not checked (they are the caller's configuration), but their validity period,
/// CA flag, keyUsage and critical extensions are, as for any issuer.
#[derive(Clone, Copy, Debug)]
pub struct PathInput<'c, 'a> {
    /// Trust anchors (self-signed roots, or any CA the caller trusts directly).
    pub anchors: &'c [Certificate<'a>],
    /// Candidate intermediate CA certificates, in any order.
    pub intermediates: &'c [Certificate<'a>],
    /// The time to validate at, seconds since the Unix epoch.
    pub now: u64,
}

/// Checks that `cert` is inside its validity period at `now`.
pub fn validity(cert: &Certificate<'_>, now: u64) -> Verdict {
    if now < cert.not_before {
        Verdict::Invalid(ErrorCode::CertificateNotYetValid)
    } else if now > cert.not_after {
        Verdict::Invalid(ErrorCode::CertificateExpired)
    } else {
        Verdict::Valid
    }
}

/// The checks on a certificate that issues another: time, CA flag, path length, keyUsage and
/// critical extensions. `below` counts the intermediate CA certificates between it and the end
/// entity (the RFC 5280 pathLenConstraint counts exactly these).
fn issuer_checks(ca: &Certificate<'_>, below: usize, now: u64) -> Verdict {
    if let Verdict::Invalid(code) = validity(ca, now) {
        return Verdict::Invalid(code);
    }
    if ca.extensions.unknown_critical.is_some() {
        return Verdict::Invalid(ErrorCode::UnknownCriticalExtension);
    }
    let Some(bc) = ca.extensions.basic_constraints.filter(|bc| bc.ca) else {
        return Verdict::Invalid(ErrorCode::IssuerNotCa);
    };
    if bc.path_len.is_some_and(|max| usize::try_from(max).is_ok_and(|max| below > max)) {
        return Verdict::Invalid(ErrorCode::PathTooLong);
    }
    // RFC 5280 4.2.1.3: a CA certificate's key that signs certificates must assert keyCertSign.
    // An absent keyUsage is refused too: every SK CA carries one, and "any use" is not a CA's.
    if ca.extensions.key_usage.is_none_or(|ku| ku & key_usage::KEY_CERT_SIGN == 0) {
        return Verdict::Invalid(ErrorCode::KeyCertSignMissing);
    }
    Verdict::Valid
}

struct Search<'s, 'c, 'a> {
    input: &'s PathInput<'c, 'a>,
    max_intermediates: usize,
    budget: usize,
    /// The most telling failure seen, with the number of intermediates on the path where it
    /// happened: the deepest wins (the path got furthest there), and at equal depth anything
    /// beats "unknown issuer".
    failure: Option<(usize, ErrorCode)>,
}

impl Search<'_, '_, '_> {
    fn note(&mut self, depth: usize, code: ErrorCode) {
        let better = match self.failure {
            None => true,
            Some((d, c)) => depth > d || (depth == d && c == ErrorCode::UnknownIssuer),
        };
        if better {
            self.failure = Some((depth, code));
        }
    }

    /// Whether `child` chains to an anchor; `used` are the intermediates already on the path.
    fn extend(&mut self, child: &Certificate<'_>, used: &mut Vec<usize>) -> Result<bool> {
        let below = used.len();
        let mut named = false;
        for anchor in self.input.anchors {
            if anchor.subject != child.issuer {
                continue;
            }
            named = true;
            if self.step(child, anchor, below)? {
                return Ok(true);
            }
        }
        for (i, ca) in self.input.intermediates.iter().enumerate() {
            if ca.subject != child.issuer || used.contains(&i) {
                continue;
            }
            named = true;
            if !self.step(child, ca, below)? {
                continue;
            }
            if used.len() >= self.max_intermediates {
                self.note(below, ErrorCode::PathTooLong);
                continue;
            }
            used.push(i);
            let found = self.extend(ca, used)?;
            used.pop();
            if found {
                return Ok(true);
            }
        }
        if !named {
            self.note(below, ErrorCode::UnknownIssuer);
        }
        Ok(false)
    }

    /// Whether `issuer` signed `child` and may issue it; for an anchor this ends the path.
    fn step(&mut self, child: &Certificate<'_>, issuer: &Certificate<'_>, below: usize) -> Result<bool> {
        self.budget = self
            .budget
            .checked_sub(1)
            .ok_or_else(|| Error::new(ErrorCode::TooManyItems, "too many candidate issuers to try"))?;
        if !signed_by(child, &issuer.public_key)? {
            self.note(below, ErrorCode::ChainSignatureMismatch);
            return Ok(false);
        }
        if let Verdict::Invalid(code) = issuer_checks(issuer, below, self.input.now) {
            self.note(below, code);
            return Ok(false);
        }
        Ok(true)
    }
}

/// How many issuer candidates a path search may try: each certificate may be tried once per
/// position on a path of `max_cert_path`, and at least one.
fn search_budget(limits: &Limits, input: &PathInput<'_, '_>) -> usize {
    limits.max_cert_path.saturating_mul(input.anchors.len() + input.intermediates.len()).max(1)
}

/// Validates the path from `end_entity` to one of `input.anchors`: each certificate's signature
/// with its issuer's key, validity at `input.now` of every certificate, byte-exact name
/// chaining, basicConstraints (cA and pathLenConstraint), keyUsage keyCertSign on issuers,
/// refusal of unknown critical extensions, and at most `limits.max_cert_path` certificates
/// (anchor included). The end entity's purpose (keyUsage, EKU, policies) is the caller's rule.
///
/// Paths are searched depth first over every issuer whose subject matches, so a re-issued CA
/// certificate under the same name does not hide the right one.
///
/// # Errors
/// [`ErrorCode::NoTrustAnchor`] without anchors, [`ErrorCode::UnsupportedAlgorithm`] or
/// [`ErrorCode::InvalidKey`] for a signature this library cannot check, and
/// [`ErrorCode::TooManyItems`] when the search exceeds its budget. A path that does not validate
/// is a verdict: [`ErrorCode::UnknownIssuer`], [`ErrorCode::ChainSignatureMismatch`],
/// [`ErrorCode::CertificateExpired`], [`ErrorCode::CertificateNotYetValid`],
/// [`ErrorCode::IssuerNotCa`], [`ErrorCode::KeyCertSignMissing`], [`ErrorCode::PathTooLong`] or
/// [`ErrorCode::UnknownCriticalExtension`].
pub fn validate_path(end_entity: &Certificate<'_>, input: &PathInput<'_, '_>, limits: &Limits) -> Result<Verdict> {
    if input.anchors.is_empty() {
        return Err(Error::new(ErrorCode::NoTrustAnchor, "no trust anchor was supplied"));
    }
    if let Verdict::Invalid(code) = validity(end_entity, input.now) {
        return Ok(Verdict::Invalid(code));
    }
    if end_entity.extensions.unknown_critical.is_some() {
        return Ok(Verdict::Invalid(ErrorCode::UnknownCriticalExtension));
    }
    let mut search = Search {
        input,
        // The path is end entity + intermediates + anchor.
        max_intermediates: limits.max_cert_path.saturating_sub(2),
        budget: search_budget(limits, input),
        failure: None,
    };
    let mut used = Vec::new();
    if search.extend(end_entity, &mut used)? {
        return Ok(Verdict::Valid);
    }
    Ok(Verdict::Invalid(search.failure.map_or(ErrorCode::UnknownIssuer, |(_, code)| code)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::x509::certificates_from_pem_or_der;

    #[test]
    fn validity_includes_both_ends() {
        let pem = include_str!("../../../tests/vectors/x509-generated/ee-auth-qualified.pem");
        let der = certificates_from_pem_or_der(pem.as_bytes()).unwrap().remove(0);
        let cert = Certificate::from_der(&der).unwrap();
        let (from, to) = (cert.not_before(), cert.not_after());
        assert_eq!(validity(&cert, from - 1), Verdict::Invalid(ErrorCode::CertificateNotYetValid));
        assert_eq!(validity(&cert, from), Verdict::Valid);
        assert_eq!(validity(&cert, to), Verdict::Valid);
        assert_eq!(validity(&cert, to + 1), Verdict::Invalid(ErrorCode::CertificateExpired));
    }

    #[test]
    fn the_search_budget_counts_every_candidate_at_every_position() {
        let pem = include_str!("../../../tests/vectors/x509-generated/root.pem");
        let der = certificates_from_pem_or_der(pem.as_bytes()).unwrap().remove(0);
        let cert = Certificate::from_der(&der).unwrap();
        let (two, three) = ([cert.clone(), cert.clone()], [cert.clone(), cert.clone(), cert]);
        let input = PathInput { anchors: &two, intermediates: &three, now: 0 };
        let limits = Limits { max_cert_path: 4, ..Limits::DEFAULT };
        assert_eq!(search_budget(&limits, &input), 20);
        assert_eq!(search_budget(&Limits { max_cert_path: 0, ..limits }, &input), 1);
    }

    #[test]
    fn the_deepest_failure_is_reported_and_at_equal_depth_anything_beats_unknown_issuer() {
        let input = PathInput { anchors: &[], intermediates: &[], now: 0 };
        let ranked = |notes: &[(usize, ErrorCode)]| {
            let mut search = Search { input: &input, max_intermediates: 8, budget: 8, failure: None };
            for &(depth, code) in notes {
                search.note(depth, code);
            }
            search.failure
        };
        use ErrorCode::{CertificateExpired as Expired, ChainSignatureMismatch as Mismatch, UnknownIssuer as Unknown};
        assert_eq!(ranked(&[(0, Mismatch), (1, Unknown)]), Some((1, Unknown)));
        assert_eq!(ranked(&[(1, Unknown), (0, Mismatch)]), Some((1, Unknown)));
        assert_eq!(ranked(&[(1, Mismatch), (1, Expired)]), Some((1, Mismatch)));
        assert_eq!(ranked(&[(1, Unknown), (1, Expired)]), Some((1, Expired)));
        assert_eq!(ranked(&[(1, Expired), (1, Unknown)]), Some((1, Expired)));
    }
}
