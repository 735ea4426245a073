//! Public conformance suites run through the core, each printing its pass count
//! (`cargo test -p ssi-verify-core --test conformance -- --nocapture`): Wycheproof Ed25519,
//! RFC 8032 section 7.1, NIST SHA3-256 short messages.
#![cfg(feature = "jose")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code

use serde_json::Value as Json;
use ssi_verify_core::codec::{hex_decode, hex_encode};
use ssi_verify_core::crypto::ed25519::{Ed25519PublicKey, Ed25519SecretKey};
use ssi_verify_core::crypto::{digest, HashAlg};
use ssi_verify_core::Verdict;

fn vector(rel: &str) -> String {
    let path = format!("{}/../tests/vectors/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Whether strict verification accepts: a refused key or signature encoding counts as "not
/// accepted", exactly like a signature that does not verify.
fn accepts(pk: &[u8], msg: &[u8], sig: &[u8]) -> bool {
    Ed25519PublicKey::from_bytes(pk).and_then(|k| k.verify(msg, sig)).is_ok_and(|v| v == Verdict::Valid)
}

#[test]
fn wycheproof_ed25519() {
    let suite: Json = serde_json::from_str(&vector("wycheproof-ed25519/ed25519_test.json")).unwrap();
    let (mut passed, mut total) = (0, 0);
    for group in suite["testGroups"].as_array().unwrap() {
        let pk = hex_decode(group["publicKey"]["pk"].as_str().unwrap()).unwrap();
        for t in group["tests"].as_array().unwrap() {
            total += 1;
            let msg = hex_decode(t["msg"].as_str().unwrap()).unwrap();
            // Some invalid cases carry signatures of odd length: not hex-decodable as bytes is fine.
            let sig = hex_decode(t["sig"].as_str().unwrap()).unwrap_or_default();
            let want = t["result"] == "valid";
            assert_eq!(accepts(&pk, &msg, &sig), want, "tcId {} ({})", t["tcId"], t["comment"]);
            passed += 1;
        }
    }
    println!("Wycheproof Ed25519: {passed}/{total} passed");
    assert_eq!(total, 151);
}

#[test]
fn rfc8032_section_7_1() {
    let suite: Json = serde_json::from_str(&vector("rfc8032-ed25519/rfc8032_7_1_ed25519.json")).unwrap();
    let cases = suite["vectors"].as_array().unwrap();
    for case in cases {
        let seed: [u8; 32] = hex_decode(case["secret_key"].as_str().unwrap()).unwrap().try_into().unwrap();
        let sk = Ed25519SecretKey::from_bytes(&seed);
        let pk = hex_decode(case["public_key"].as_str().unwrap()).unwrap();
        let msg = hex_decode(case["message"].as_str().unwrap()).unwrap();
        let sig = case["signature"].as_str().unwrap();
        assert_eq!(hex_encode(&sk.public_key().to_bytes()), hex_encode(&pk), "{}", case["name"]);
        assert_eq!(hex_encode(&sk.sign(&msg)), sig, "{}", case["name"]);
        assert!(accepts(&pk, &msg, &hex_decode(sig).unwrap()), "{}", case["name"]);
        let mut flipped = msg.clone();
        flipped.push(0);
        assert!(!accepts(&pk, &flipped, &hex_decode(sig).unwrap()), "{}", case["name"]);
    }
    println!("RFC 8032 7.1: {}/{} passed", cases.len(), cases.len());
    assert_eq!(cases.len(), 5);
}

#[test]
fn nist_sha3_256_short_messages() {
    let text = vector("sha3-256-nist/SHA3_256ShortMsg.rsp");
    let (mut len_bits, mut msg, mut total) = (0usize, Vec::new(), 0);
    for line in text.lines() {
        if let Some(v) = line.strip_prefix("Len = ") {
            len_bits = v.parse().unwrap();
        } else if let Some(v) = line.strip_prefix("Msg = ") {
            msg = hex_decode(v).unwrap();
            msg.truncate(len_bits / 8); // Len = 0 still writes one zero byte
        } else if let Some(v) = line.strip_prefix("MD = ") {
            assert_eq!(hex_encode(digest(HashAlg::Sha3_256, &[&msg]).as_bytes()), v, "Len = {len_bits}");
            total += 1;
        }
    }
    println!("NIST SHA3-256 ShortMsg: {total}/{total} passed");
    assert!(total >= 137);
}

/// CCTV's 914 Ed25519 edge cases carry no verdict: each verifier policy decides. Ours is strict
/// (RFC 8032 cofactorless equation, canonical encodings, small-order keys and R refused), so a
/// case is accepted exactly when it has none of the flags in the "refused because" column:
///
/// | flag | strict policy |
/// |---|---|
/// | `low_order_A` (public key of small order) | refused |
/// | `low_order_R` (R of small order) | refused |
/// | `non_canonical_A`, `non_canonical_R` (encoding ≥ p) | refused |
/// | `low_order_residue` (only the cofactored equation holds) | refused |
/// | `low_order_component_A`, `low_order_component_R` (mixed order, equation holds) | accepted |
/// | `reencoded_k` (hash input re-encoded; only with a non-canonical point) | refused with it |
#[test]
fn cctv_ed25519_edge_cases_strict_policy() {
    const REFUSED: [&str; 5] =
        ["low_order_A", "low_order_R", "non_canonical_A", "non_canonical_R", "low_order_residue"];
    let cases: Json = serde_json::from_str(&vector("ed25519-edge-cases/cctv/ed25519vectors.json")).unwrap();
    let cases = cases.as_array().unwrap();
    let (mut accepted, mut refused) = (0, 0);
    for c in cases {
        let flags: Vec<&str> =
            c["flags"].as_array().map_or(Vec::new(), |f| f.iter().map(|x| x.as_str().unwrap()).collect());
        let want = !flags.iter().any(|f| REFUSED.contains(f));
        let pk = hex_decode(c["key"].as_str().unwrap()).unwrap();
        let sig = hex_decode(c["sig"].as_str().unwrap()).unwrap();
        let got = accepts(&pk, c["msg"].as_str().unwrap().as_bytes(), &sig);
        assert_eq!(got, want, "case {} flags {flags:?}", c["number"]);
        if got {
            accepted += 1;
        } else {
            refused += 1;
        }
    }
    println!(
        "CCTV Ed25519 edge cases (strict): {}/{} as the policy table says ({accepted} accepted, {refused} refused)",
        cases.len(),
        cases.len()
    );
}

/// Upstream Wycheproof JWS cases whose expectation contradicts their own data (see
/// tests/vectors/wycheproof-jws/SOURCE.md): skipped, by id, with the reason.
const WYCHEPROOF_JWS_UPSTREAM_ODDITIES: [(u64, &str); 4] = [
    (367, "jws byte-identical to valid tcId 357 but expected invalid"),
    (370, "jws byte-identical to valid tcId 357 but expected invalid"),
    (372, "inserts '?' into the token yet expects valid: the MAC does not cover that input"),
    (373, "inserts '?' into the token yet expects valid: the MAC does not cover that input"),
];

/// DER `SEQUENCE { INTEGER n, INTEGER e }` (PKCS#1 RSAPublicKey) from JWK members.
fn pkcs1_from_jwk(jwk: &Json) -> Vec<u8> {
    fn len(n: usize) -> Vec<u8> {
        match n {
            0..=0x7f => vec![n as u8],
            0x80..=0xff => vec![0x81, n as u8],
            _ => vec![0x82, (n >> 8) as u8, n as u8],
        }
    }
    fn integer(b64: &str) -> Vec<u8> {
        let mut v = ssi_verify_core::codec::base64url_decode(b64).unwrap();
        if v[0] & 0x80 != 0 {
            v.insert(0, 0);
        }
        let mut out = vec![0x02];
        out.extend(len(v.len()));
        out.extend(v);
        out
    }
    let mut body = integer(jwk["n"].as_str().unwrap());
    body.extend(integer(jwk["e"].as_str().unwrap()));
    let mut out = vec![0x30];
    out.extend(len(body.len()));
    out.extend(body);
    out
}

/// Wycheproof JWS for the algorithms this library verifies (HS256, RS256, RS512); ES*/PS*
/// groups are counted as not applicable. A token the library refuses to check counts as "not
/// accepted", like one that fails.
#[test]
fn wycheproof_jws() {
    use ssi_verify_core::crypto::rsa::RsaKey;
    use ssi_verify_core::jose::{CompactJws, JwsKey, RsaJwsAlg};
    use ssi_verify_core::Limits;
    let suite: Json = serde_json::from_str(&vector("wycheproof-jws/json_web_signature_test.json")).unwrap();
    let (mut passed, mut skipped, mut not_applicable) = (0, 0, 0);
    for group in suite["testGroups"].as_array().unwrap() {
        let jwk = if group["public"].is_object() { &group["public"] } else { &group["private"] };
        let alg = jwk["alg"].as_str().unwrap_or("");
        let (secret, rsa);
        let key = match alg {
            "HS256" => {
                secret = ssi_verify_core::codec::base64url_decode(jwk["k"].as_str().unwrap()).unwrap();
                JwsKey::Hmac(&secret)
            }
            "RS256" | "RS512" => {
                // The suite's keys are 2048 bits and up; the range here only admits them.
                rsa = RsaKey::from_pkcs1_der(&pkcs1_from_jwk(jwk), 2048..=8192).unwrap();
                JwsKey::Rsa(&rsa, if alg == "RS256" { RsaJwsAlg::Rs256 } else { RsaJwsAlg::Rs512 })
            }
            _ => {
                not_applicable += group["tests"].as_array().unwrap().len();
                continue;
            }
        };
        for t in group["tests"].as_array().unwrap() {
            let id = t["tcId"].as_u64().unwrap();
            if WYCHEPROOF_JWS_UPSTREAM_ODDITIES.iter().any(|(skip, _)| *skip == id) {
                skipped += 1;
                continue;
            }
            let Some(jws) = t["jws"].as_str() else {
                not_applicable += 1; // JSON serialization cases: this library reads compact JWS only
                continue;
            };
            let accepted = CompactJws::parse(jws, &Limits::DEFAULT)
                .and_then(|j| j.verify_signature(&key))
                .is_ok_and(|v| v == Verdict::Valid);
            assert_eq!(accepted, t["result"] == "valid", "tcId {id} ({})", t["comment"]);
            passed += 1;
        }
    }
    println!(
        "Wycheproof JWS (HS256, RS256, RS512): {passed} passed, {skipped} upstream oddities skipped, {not_applicable} not applicable (ES*, PS*, JSON serialization)"
    );
    assert!(passed >= 250, "{passed}");
}
