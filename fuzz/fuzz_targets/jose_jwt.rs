//! JOSE / JWT: with a fixed HS256 secret the fuzzer can never produce an accepted token, and a
//! fixed valid token with any one bit flipped never verifies.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use ssi_verify_core::jose::{sign_hs256, verify_jwt, CompactJws, JwsKey, JwtPolicy};
use ssi_verify_core::json::Value;
use ssi_verify_core::Limits;

const SECRET: &[u8; 32] = b"fuzz-fixed-hs256-secret-32-bytes";
const NOW: u64 = 1_700_000_000;

fn valid_token() -> &'static str {
    static CELL: OnceLock<String> = OnceLock::new();
    CELL.get_or_init(|| {
        let claims = Value::parse(
            r#"{"iss":"https://issuer.example","sub":"s","exp":4000000000,"nbf":1600000000}"#,
            &Limits::DEFAULT,
        )
        .expect("fixed claims");
        let token = sign_hs256(&claims, SECRET).expect("fixed token");
        let check = verify_jwt(&token, &JwsKey::Hmac(SECRET), &JwtPolicy::at(NOW), &Limits::DEFAULT)
            .expect("fixed token reads");
        assert!(check.verdict.is_valid(), "the fixed token must verify before bits are flipped");
        token
    })
}

fn accepted(token: &str) -> bool {
    verify_jwt(token, &JwsKey::Hmac(SECRET), &JwtPolicy::at(NOW), &Limits::DEFAULT).is_ok_and(|c| c.verdict.is_valid())
}

fuzz_target!(|data: &[u8]| {
    let valid = valid_token();
    if let Ok(token) = std::str::from_utf8(data) {
        if let Ok(jws) = CompactJws::parse(token, &Limits::DEFAULT) {
            let _ = jws.alg();
        }
        if token != valid && accepted(token) {
            panic!("a token not made with the secret was accepted: {token:?}");
        }
    }
    // One bit flipped in the valid token, at a position the first four input bytes choose.
    let Some(pick) = data.get(..4) else { return };
    let bit = u32::from_le_bytes([pick[0], pick[1], pick[2], pick[3]]) as usize % (valid.len() * 8);
    let mut bytes = valid.as_bytes().to_vec();
    bytes[bit / 8] ^= 1 << (bit % 8);
    if let Ok(flipped) = std::str::from_utf8(&bytes) {
        if accepted(flipped) {
            panic!("flipping bit {bit} still verifies: {flipped:?}");
        }
    }
});
