//! Criterion benchmarks: each group times ssi-verify and the comparison a user would otherwise
//! pick on the same input (`scripts/bench` turns the estimates into the ratio table of
//! BENCHMARKS.md). The inputs are built, and both sides checked to agree, before any timing.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput};
use ssi_verify_bench::{self as b, ecdsa_jwt, ldp, rsa_verify, smartid_trust, Fixtures};
use ssi_verify_core::crypto::ed25519::Ed25519SecretKey;
use ssi_verify_core::jose::JwsKey;
use ssi_verify_core::json::Value;
use ssi_verify_core::x509::{validate_path, PathInput};
use ssi_verify_core::Limits;

fn smartid(c: &mut Criterion, f: &Fixtures) {
    let mut g = c.benchmark_group("smartid_decode_validate");
    let mut scratch = [0u8; 512];
    g.bench_function("ssi_verify_scratch", |x| x.iter(|| b::smartid_decode(black_box(f.interactions), &mut scratch)));
    g.bench_function("serde_json_base64", |x| x.iter(|| b::std_smartid_decode(black_box(f.interactions))));
    g.finish();
    let mut g = c.benchmark_group("smartid_auth_code");
    g.bench_function("ssi_verify", |x| x.iter(b::auth_code));
    g.bench_function("format_hmac_base64", |x| x.iter(b::std_auth_code));
    g.finish();
}

fn webhook(c: &mut Criterion, f: &Fixtures) {
    let w = &f.webhook;
    let body = w.body.as_str();
    let mut g = c.benchmark_group("proofspace_webhook_rsa2048");
    g.bench_function("ssi_verify_check", |x| {
        x.iter(|| b::webhook_check(&f.webhook_rsa, black_box(body), &w.rsa_signature, &f.schemas))
    });
    g.bench_function("ssi_verify_signature_only", |x| {
        x.iter(|| {
            ssi_verify_core::proofspace::auth::verify_body_signature(
                &f.webhook_rsa,
                black_box(body.as_bytes()),
                &w.rsa_signature,
            )
        })
    });
    g.bench_function("rsa_crate_signature_only", |x| {
        x.iter(|| b::std_rsa_body_signature(&f.webhook_rsa_std, black_box(body.as_bytes()), &w.rsa_signature))
    });
    g.finish();
    let mut g = c.benchmark_group("proofspace_webhook_ed25519");
    g.bench_function("ssi_verify_check", |x| {
        x.iter(|| b::webhook_check(&w.ed25519_key, black_box(body), &w.ed25519_signature, &f.schemas))
    });
    g.bench_function("ssi_verify_signature_only", |x| {
        x.iter(|| {
            ssi_verify_core::proofspace::auth::verify_body_signature(
                &w.ed25519_key,
                black_box(body.as_bytes()),
                &w.ed25519_signature,
            )
        })
    });
    g.bench_function("ed25519_dalek_signature_only", |x| {
        x.iter(|| {
            b::std_ed25519_body_signature(&f.webhook_ed25519_std, black_box(body.as_bytes()), &w.ed25519_signature)
        })
    });
    g.finish();
}

fn jwt(c: &mut Criterion, f: &Fixtures) -> Result<(), String> {
    let policy = b::jwt_policy(f.now);
    let mut g = c.benchmark_group("jwt_verify_hs256");
    let key = JwsKey::Hmac(b::JWT_HS256_SECRET);
    g.bench_function("ssi_verify", |x| x.iter(|| b::jwt_verify(black_box(&f.jwt_hs256), &key, &policy)));
    let theirs = jsonwebtoken::DecodingKey::from_secret(b::JWT_HS256_SECRET);
    let validation = b::jsonwebtoken_validation(jsonwebtoken::Algorithm::HS256);
    g.bench_function("jsonwebtoken", |x| {
        x.iter(|| b::jsonwebtoken_verify(black_box(&f.jwt_hs256), &theirs, &validation))
    });
    g.finish();
    let mut g = c.benchmark_group("jwt_verify_eddsa");
    let key = JwsKey::Ed25519(&f.jwt_ed25519);
    g.bench_function("ssi_verify", |x| x.iter(|| b::jwt_verify(black_box(&f.jwt_eddsa), &key, &policy)));
    let theirs = f.jsonwebtoken_ed25519_key();
    let validation = b::jsonwebtoken_validation(jsonwebtoken::Algorithm::EdDSA);
    g.bench_function("jsonwebtoken", |x| {
        x.iter(|| b::jsonwebtoken_verify(black_box(&f.jwt_eddsa), &theirs, &validation))
    });
    g.finish();
    // ES256 / ES256K: the whole JWT (parse, signature, claims) beside the curve crate's
    // `VerifyingKey::verify` over the same signing input, the floor under any JWT verifier.
    let mut g = c.benchmark_group("jwt_verify_es256");
    let key = f.es256.jws_key();
    g.bench_function("ssi_verify", |x| x.iter(|| b::jwt_verify(black_box(&f.es256.token), &key, &policy)));
    let (input, sig) = f.es256.signing_input_and_signature()?;
    g.bench_function("p256_crate_signature_only", |x| {
        x.iter(|| ecdsa_jwt::bare_p256(&f.es256.bare_key, black_box(input.as_bytes()), &sig))
    });
    g.finish();
    let mut g = c.benchmark_group("jwt_verify_es256k");
    let key = f.es256k.jws_key();
    g.bench_function("ssi_verify", |x| x.iter(|| b::jwt_verify(black_box(&f.es256k.token), &key, &policy)));
    let (input, sig) = f.es256k.signing_input_and_signature()?;
    g.bench_function("k256_crate_signature_only", |x| {
        x.iter(|| ecdsa_jwt::bare_k256(&f.es256k.bare_key, black_box(input.as_bytes()), &sig))
    });
    g.finish();
    Ok(())
}

/// Smart-ID trust: path validation of SK's TEST chain (the OpenSSL side is
/// `bench/openssl/run.sh`), and the whole trusted `verify-auth` beside the signature-only one.
fn smartid_path(c: &mut Criterion, f: &Fixtures) -> Result<(), String> {
    let chain = &f.smartid_chain;
    let (ee, anchor, intermediate) = chain.parsed()?;
    let (anchors, intermediates) = ([anchor], [intermediate]);
    let input = PathInput { anchors: &anchors, intermediates: &intermediates, now: smartid_trust::NOW };
    let mut g = c.benchmark_group("x509_path_smartid");
    g.bench_function("ssi_verify_validate_path", |x| {
        x.iter(|| validate_path(black_box(&ee), &input, &Limits::DEFAULT))
    });
    g.bench_function("ssi_verify_parse_and_validate", |x| {
        x.iter(|| chain.validate_from_der(black_box(smartid_trust::NOW)))
    });
    let bare = chain.bare_signatures()?;
    g.bench_function("p384_p521_crates_signatures_only", |x| x.iter(|| black_box(&bare).verify()));
    g.finish();
    let mut g = c.benchmark_group("smartid_verify_auth_trust");
    g.bench_function("ssi_verify_with_trust", |x| x.iter(|| chain.verify_auth(black_box(smartid_trust::NOW))));
    g.bench_function("ssi_verify_signature_only", |x| x.iter(|| chain.verify_auth_signature_only()));
    g.finish();
    Ok(())
}

fn presentation(c: &mut Criterion, f: &Fixtures) -> Result<(), String> {
    let mut g = c.benchmark_group("jcs_seed_definition");
    g.throughput(Throughput::Bytes(b::DEFINITION.len() as u64));
    g.bench_function("ssi_verify", |x| x.iter(|| b::jcs_canonicalize(black_box(b::DEFINITION))));
    g.bench_function("serde_json_serde_jcs", |x| x.iter(|| b::std_jcs(black_box(b::DEFINITION))));
    g.finish();
    let mut g = c.benchmark_group("jcs_ed25519_signature_2020_verify");
    g.bench_function("ssi_verify", |x| x.iter(|| b::verify_jcs_ed25519(black_box(b::SIGNED_CREDENTIAL))));
    g.finish();
    let mut g = c.benchmark_group("pe_evaluate_seed_definition");
    for n in b::PE_SIZES {
        let credentials = b::credential_inputs(&b::credentials_json(n))?;
        if n >= 100_000 {
            // About 0.1 s an evaluation: 10 samples keep the group under 10 s.
            g.sample_size(10);
        }
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("ssi_verify", n), &credentials, |x, creds| {
            x.iter(|| b::pe_evaluate(&f.definition, black_box(creds)))
        });
    }
    g.finish();
    let ours = Value::parse(&f.big_document, &b::bench_limits()).map_err(|e| e.to_string())?;
    let theirs: serde_json::Value = serde_json::from_str(&f.big_document).map_err(|e| e.to_string())?;
    let mut g = c.benchmark_group("jsonpath_1mb");
    g.throughput(Throughput::Bytes(f.big_document.len() as u64));
    for (name, query) in b::JSONPATH_QUERIES {
        g.bench_with_input(BenchmarkId::new("ssi_verify", name), &query, |x, q| {
            x.iter(|| b::jsonpath_select(black_box(q), &ours))
        });
        g.bench_with_input(BenchmarkId::new("serde_json_path", name), &query, |x, q| {
            x.iter(|| b::std_jsonpath(black_box(q), &theirs))
        });
    }
    g.finish();
    Ok(())
}

/// Linked Data proofs: one credential per suite through the whole `vc verify` path (JSON parse,
/// JSON-LD `toRdf` over the bundled contexts, RDFC-1.0, did:key, signature, validity), each
/// checked valid, and its tampered copy invalid, first. The Node and pyld sides are
/// `bench/node/bench.mjs` and `bench/python/ldp_bench.py`.
fn linked_data(c: &mut Criterion) -> Result<(), String> {
    let store = ldp::contexts()?;
    ldp::check(&store)?;
    let mut g = c.benchmark_group("ldp_verify_credential");
    for (name, text) in ldp::CREDENTIALS {
        g.bench_with_input(BenchmarkId::new("ssi_verify", name), &text, |x, t| {
            x.iter(|| ldp::verify(black_box(t), &store))
        });
    }
    // The Ed25519 verification inside each of them alone (both suites sign 64 bytes of hashes,
    // Ed25519Signature2018 behind a short JWS header): the floor of a verification's time.
    let secret = Ed25519SecretKey::from_bytes(&[0x42; 32]);
    let (public, message) = (secret.public_key(), [0x5a; 64]);
    let signature = secret.sign(&message);
    g.bench_function("ed25519_verify_only", |x| x.iter(|| public.verify(black_box(&message), black_box(&signature))));
    g.finish();
    // The JSON-LD and RDFC-1.0 steps alone (no proof, no signature): what pyld is timed on.
    let mut g = c.benchmark_group("ldp_canonicalize");
    for (name, text) in ldp::CREDENTIALS {
        let document = ldp::unsigned(text)?;
        ldp::canonical_nquads(&document, &store).map_err(|e| format!("{name}: {e}"))?;
        g.bench_with_input(BenchmarkId::new("ssi_verify", name), &document, |x, d| {
            x.iter(|| ldp::canonical_nquads(black_box(d), &store))
        });
    }
    g.finish();
    Ok(())
}

/// RSA-2048 / RSA-4096 verification, PKCS#1 v1.5 and PSS: ssi-verify beside `rsa` 0.9 (OpenSSL's
/// figures come from `bench/openssl/rsa.sh`, run right after this group).
fn rsa(c: &mut Criterion) -> Result<(), String> {
    for bits in [2048, 4096] {
        let v = rsa_verify::rsa_vectors(bits)?;
        let mut g = c.benchmark_group(format!("rsa_verify_{bits}"));
        for (name, pss, sig) in [("pkcs1v15", false, &v.pkcs1), ("pss", true, &v.pss)] {
            g.bench_function(format!("ssi_verify_{name}"), |x| {
                x.iter(|| v.verify(pss, black_box(rsa_verify::MESSAGE), black_box(sig)))
            });
            g.bench_function(format!("rsa_0_9_{name}"), |x| {
                x.iter(|| v.std_verify(pss, black_box(rsa_verify::MESSAGE), black_box(sig)))
            });
        }
        g.finish();
    }
    Ok(())
}

fn main() -> ExitCode {
    let fixtures = match Fixtures::new() {
        Ok(f) => f,
        Err(e) => {
            eprintln!("bench setup: the compared implementations disagree or an input is broken: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Short windows: the whole run stays within a few minutes on a 2-core machine.
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    smartid(&mut c, &fixtures);
    webhook(&mut c, &fixtures);
    let groups = rsa(&mut c)
        .and_then(|()| jwt(&mut c, &fixtures))
        .and_then(|()| smartid_path(&mut c, &fixtures))
        .and_then(|()| presentation(&mut c, &fixtures))
        .and_then(|()| linked_data(&mut c));
    if let Err(e) = groups {
        eprintln!("bench setup: {e}");
        return ExitCode::FAILURE;
    }
    c.final_summary();
    ExitCode::SUCCESS
}
