//! ES256 / ES256K JWT credentials: nothing is accepted with the fixed tokens' did:key issuers
//! unless it signs exactly a fixed token's header and claims (no forgery; DER or malformed
//! signatures never pass; the high-S twin of a signature is valid JOSE and allowed), and each
//! fixed token with any one bit flipped never verifies.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ssi_verify_core::crypto::did_key::TrustStore;
use ssi_verify_core::jose::JwtPolicy;
use ssi_verify_core::presentation::jwt_vc::verify_jwt_vc;
use ssi_verify_core::Limits;

/// 2026-01-01: inside the tokens' nbf..exp.
const NOW: u64 = 1_767_225_600;
const ES256: &str = include_str!("../../samples/gataca/issue12/vc-es256.jwt");
const ES256K_JSON: &str = include_str!("../../samples/gataca/issue12/vc-es256k.json");

fn es256k() -> &'static str {
    ES256K_JSON.trim().trim_matches('"')
}

fn accepted(token: &str) -> bool {
    let policy = JwtPolicy { require_exp: false, ..JwtPolicy::at(NOW) };
    verify_jwt_vc(token, &TrustStore::new(), &policy, &Limits::DEFAULT).is_ok_and(|(v, _)| v.is_valid())
}

fuzz_target!(|data: &[u8]| {
    let valid = [ES256.trim(), es256k()];
    if let Ok(token) = std::str::from_utf8(data) {
        let signed = token.rsplit_once('.').map(|(input, _)| input);
        let known = valid.iter().any(|v| v.rsplit_once('.').map(|(input, _)| input) == signed);
        if !known && accepted(token) {
            panic!("a token not signed by its issuer was accepted: {token:?}");
        }
    }
    let Some(pick) = data.get(..5) else { return };
    let token = valid[usize::from(pick[4] & 1)];
    let bit = u32::from_le_bytes([pick[0], pick[1], pick[2], pick[3]]) as usize % (token.len() * 8);
    let mut bytes = token.as_bytes().to_vec();
    bytes[bit / 8] ^= 1 << (bit % 8);
    if let Ok(flipped) = std::str::from_utf8(&bytes) {
        if accepted(flipped) {
            panic!("flipping bit {bit} still verifies: {flipped:?}");
        }
    }
});
