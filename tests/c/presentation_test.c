/*
 * Gataca / OpenID4VP through the C header (JCS, JSONPath, Ed25519, did:key, JcsEd25519Signature2020
 * proofs, VC-JWTs, openid-vp:// requests, webhooks, API keys), compiled both as C11 and as C++17
 * and run under AddressSanitizer + UndefinedBehaviorSanitizer (see tests/c/run.sh).
 *
 * Usage: presentation_test VECTOR_ROOT   (tests/vectors; the samples are at VECTOR_ROOT/../../samples)
 */
#include "check.h"

static void from_hex(const char *hex, uint8_t *out, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned byte = 0;
    sscanf(hex + 2 * i, "%2x", &byte);
    out[i] = (uint8_t)byte;
  }
}

static void to_hex(const uint8_t *in, size_t n, char *out) {
  for (size_t i = 0; i < n; i++) snprintf(out + 2 * i, 3, "%02x", in[i]);
}

static ssi_str str(const char *s) {
  ssi_str v;
  v.ptr = U8(s);
  v.len = s ? strlen(s) : 0;
  return v;
}

/* RFC 8032 section 7.1, TEST 1. */
static const char *RFC8032_SECRET = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
static const char *RFC8032_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
static const char *RFC8032_SIG =
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
    "d25bf5f0595bbe24655141438e7a100b";

static void test_jcs(void) {
  const char *names[] = {"arrays", "french", "structures", "unicode", "values", "weird"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    char rel[128];
    size_t in_len, want_len;
    snprintf(rel, sizeof rel, "jcs-rfc8785/input/%s.json", names[i]);
    char *in = read_file(rel, &in_len);
    snprintf(rel, sizeof rel, "jcs-rfc8785/output/%s.json", names[i]);
    char *want = read_file(rel, &want_len);
    char out[4096];
    size_t n = 0;
    CHECK_STATUS(ssi_jcs_canonicalize(U8(in), in_len, NULL, OUT(out), &n), SSI_OK);
    CHECK(n == want_len && memcmp(out, want, n) == 0 && out[n] == 0);
    /* Too small by one: nothing written, the size needed (with the NUL) reported. */
    char *small = (char *)malloc(want_len);
    memset(small, 'x', want_len);
    size_t need = 0;
    CHECK_STATUS(ssi_jcs_canonicalize(U8(in), in_len, NULL, (uint8_t *)small, want_len, &need),
                 SSI_ERROR_BUFFER_TOO_SMALL);
    CHECK(need == want_len + 1);
    size_t untouched = 0;
    for (size_t j = 0; j < want_len; j++) untouched += small[j] == 'x';
    CHECK(untouched == want_len);
    free(small);
    free(in);
    free(want);
  }
  char out[64];
  size_t n = 0;
  CHECK_STATUS(ssi_jcs_canonicalize(U8("[1e400]"), 7, NULL, OUT(out), &n), SSI_ERROR_NUMBER_NOT_I_JSON);
  CHECK_STATUS(ssi_jcs_canonicalize(U8("{\"a\":1,\"a\":2}"), 13, NULL, OUT(out), &n), SSI_ERROR_DUPLICATE_KEY);
  CHECK_STATUS(ssi_jcs_canonicalize(U8("[\"\\ud800\"]"), 10, NULL, OUT(out), &n), SSI_ERROR_LONE_SURROGATE);
  CHECK_STATUS(ssi_jcs_canonicalize(NULL, 5, NULL, OUT(out), &n), SSI_ERROR_NULL_POINTER);
  CHECK_STATUS(ssi_jcs_canonicalize(U8("[\"\xff\"]"), 5, NULL, OUT(out), &n), SSI_ERROR_INVALID_UTF8);
  CHECK_STATUS(ssi_jcs_canonicalize(U8("[1]"), 3, NULL, OUT(out), NULL), SSI_ERROR_NULL_POINTER);
  ssi_limits tight;
  CHECK_STATUS(ssi_limits_default(&tight), SSI_OK);
  tight.max_depth = 2;
  CHECK_STATUS(ssi_jcs_canonicalize(U8("[[[1]]]"), 7, &tight, OUT(out), &n), SSI_ERROR_NESTING_TOO_DEEP);
}

static void test_jsonpath(void) {
  size_t len;
  char *def = read_file("../../samples/gataca/presentation-definition.json", &len);
  char out[2048];
  size_t n = 0;
  const char *q = "$.input_descriptors[*].id";
  CHECK_STATUS(ssi_jsonpath_select(U8(q), strlen(q), U8(def), len, NULL, OUT(out), &n), SSI_OK);
  CHECK(strcmp(out, "[{\"location\":\"$['input_descriptors'][0]['id']\",\"value\":\"emailCredential\"}]") == 0);
  q = "$.input_descriptors[0].constraints.fields[*].path[0]";
  CHECK_STATUS(ssi_jsonpath_select(U8(q), strlen(q), U8(def), len, NULL, OUT(out), &n), SSI_OK);
  CHECK(strcmp(out, "[{\"location\":\"$['input_descriptors'][0]['constraints']['fields'][0]['path'][0]\","
                    "\"value\":\"$.type[-1:]\"},"
                    "{\"location\":\"$['input_descriptors'][0]['constraints']['fields'][1]['path'][0]\","
                    "\"value\":\"$.issuer\"}]") == 0);
  /* Every proof in the document, nested ones included: RFC 9535 visits a node before its
   * descendants, so the top-level proof comes before the data agreement's. */
  q = "$..proof[?@.type == 'JcsEd25519Signature2020'].proofPurpose";
  CHECK_STATUS(ssi_jsonpath_select(U8(q), strlen(q), U8(def), len, NULL, OUT(out), &n), SSI_OK);
  CHECK(strstr(out, "\"value\":\"assertionMethod\"") != NULL && strstr(out, "\"value\":\"authentication\"") != NULL);
  CHECK(strcmp(out, "[{\"location\":\"$['proof'][0]['proofPurpose']\",\"value\":\"authentication\"},"
                    "{\"location\":\"$['dataAgreement']['event'][0]['proof'][0]['proofPurpose']\","
                    "\"value\":\"assertionMethod\"}]") == 0);
  q = "$.submission_requirements[?@.rule == 'pick'].min";
  CHECK_STATUS(ssi_jsonpath_select(U8(q), strlen(q), U8(def), len, NULL, OUT(out), &n), SSI_OK);
  CHECK(strcmp(out, "[{\"location\":\"$['submission_requirements'][1]['min']\",\"value\":0}]") == 0);
  q = "$.nothing";
  CHECK_STATUS(ssi_jsonpath_select(U8(q), strlen(q), U8(def), len, NULL, OUT(out), &n), SSI_OK);
  CHECK(strcmp(out, "[]") == 0 && n == 2);
  /* Errors. */
  CHECK_STATUS(ssi_jsonpath_select(U8("$[?length(@.a)]"), 15, U8(def), len, NULL, OUT(out), &n),
               SSI_ERROR_INVALID_JSON_PATH);
  CHECK_STATUS(ssi_jsonpath_select(U8("$.a"), 3, U8("{"), 1, NULL, OUT(out), &n), SSI_ERROR_INVALID_JSON);
  CHECK_STATUS(ssi_jsonpath_select(NULL, 3, U8(def), len, NULL, OUT(out), &n), SSI_ERROR_NULL_POINTER);
  CHECK_STATUS(ssi_jsonpath_select(U8("$['\xc3']"), 6, U8(def), len, NULL, OUT(out), &n), SSI_ERROR_INVALID_UTF8);
  char small[16] = "unchanged";
  size_t need = 0;
  q = "$.id";
  CHECK_STATUS(ssi_jsonpath_select(U8(q), strlen(q), U8(def), len, NULL, OUT(small), &need),
               SSI_ERROR_BUFFER_TOO_SMALL);
  CHECK(need == strlen("[{\"location\":\"$['id']\",\"value\":\"4m8TLXcRUDpMrXkzorhoTpwMu6pkw4pUtHVSBf422c98\"}]") + 1);
  CHECK(strcmp(small, "unchanged") == 0);
  free(def);
}

static void test_ed25519(void) {
  uint8_t seed[32], pk[32], sig[64];
  from_hex(RFC8032_SECRET, seed, 32);
  from_hex(RFC8032_PUBLIC, pk, 32);
  from_hex(RFC8032_SIG, sig, 64);
  ssi_verdict v = {false, 1};
  CHECK_STATUS(ssi_ed25519_verify(pk, 32, sig, 64, NULL, 0, &v), SSI_OK);
  CHECK(v.valid && v.reason == 0);
  CHECK_STATUS(ssi_ed25519_verify(pk, 32, sig, 64, U8("x"), 1, &v), SSI_OK);
  CHECK(!v.valid && v.reason == SSI_ERROR_SIGNATURE_MISMATCH);
  sig[10] ^= 1;
  CHECK_STATUS(ssi_ed25519_verify(pk, 32, sig, 64, NULL, 0, &v), SSI_OK);
  CHECK(!v.valid && v.reason == SSI_ERROR_SIGNATURE_MISMATCH);
  sig[10] ^= 1;
  ssi_verdict untouched = {true, 777};
  CHECK_STATUS(ssi_ed25519_verify(pk, 31, sig, 64, NULL, 0, &untouched), SSI_ERROR_INVALID_KEY);
  CHECK_STATUS(ssi_ed25519_verify(pk, 32, sig, 63, NULL, 0, &untouched), SSI_ERROR_INVALID_SIGNATURE_ENCODING);
  CHECK_STATUS(ssi_ed25519_verify(NULL, 32, sig, 64, NULL, 0, &untouched), SSI_ERROR_NULL_POINTER);
  CHECK_STATUS(ssi_ed25519_verify(pk, 32, sig, 64, NULL, 1, &untouched), SSI_ERROR_NULL_POINTER);
  CHECK_STATUS(ssi_ed25519_verify(pk, 32, sig, 64, NULL, 0, NULL), SSI_ERROR_NULL_POINTER);
  CHECK(untouched.valid && untouched.reason == 777);

  uint8_t derived[32];
  size_t n = 0;
  CHECK_STATUS(ssi_ed25519_public_key(seed, 32, OUT(derived), &n), SSI_OK);
  CHECK(n == 32 && memcmp(derived, pk, 32) == 0);
  uint8_t small[8] = {0};
  CHECK_STATUS(ssi_ed25519_public_key(seed, 32, OUT(small), &n), SSI_ERROR_BUFFER_TOO_SMALL);
  CHECK(n == 32 && small[0] == 0);
  CHECK_STATUS(ssi_ed25519_public_key(seed, 16, OUT(derived), &n), SSI_ERROR_INVALID_KEY);
}

static void test_did_key(void) {
  /* The did:key of the all-zero seed (the core's documented example). */
  uint8_t zero[32] = {0}, pk[32], back[32];
  size_t n = 0;
  CHECK_STATUS(ssi_ed25519_public_key(zero, 32, OUT(pk), &n), SSI_OK);
  char vm[128];
  CHECK_STATUS(ssi_did_key_verification_method(pk, 32, OUT(vm), &n), SSI_OK);
  CHECK(strcmp(vm, "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"
                   "#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp") == 0);
  CHECK_STATUS(ssi_resolve_did_key(U8(vm), n, OUT(back), &n), SSI_OK);
  CHECK(n == 32 && memcmp(back, pk, 32) == 0);
  const char *did = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
  CHECK_STATUS(ssi_resolve_did_key(U8(did), strlen(did), OUT(back), &n), SSI_OK);
  CHECK(memcmp(back, pk, 32) == 0);
  CHECK_STATUS(ssi_resolve_did_key(U8("did:web:example.com"), 19, OUT(back), &n), SSI_ERROR_UNSUPPORTED_DID_METHOD);
  CHECK_STATUS(ssi_resolve_did_key(U8("did:key:z0"), 10, OUT(back), &n), SSI_ERROR_INVALID_DID);
  size_t need = 0;
  CHECK_STATUS(ssi_did_key_verification_method(pk, 32, (uint8_t *)vm, 10, &need), SSI_ERROR_BUFFER_TOO_SMALL);
  CHECK(need == strlen(did) * 2 - strlen("did:key:") + 2);
}

static void test_proofs(void) {
  uint8_t seed[32], pk[32];
  size_t n = 0;
  from_hex(RFC8032_SECRET, seed, 32);
  CHECK_STATUS(ssi_ed25519_public_key(seed, 32, OUT(pk), &n), SSI_OK);
  char vm[128];
  size_t vm_len = 0;
  CHECK_STATUS(ssi_did_key_verification_method(pk, 32, OUT(vm), &vm_len), SSI_OK);

  const char *doc = "{\"id\":\"urn:uuid:1\",\"n\":1.0,\"name\":\"Ann\"}";
  const char *extra = "{\"nonce\":\"n-1\",\"domain\":\"gataca.io\"}";
  char signed_doc[1024];
  size_t signed_len = 0;
  CHECK_STATUS(ssi_sign_jcs_ed25519(U8(doc), strlen(doc), seed, 32, str(vm), str("assertionMethod"),
                                    str("2025-01-01T00:00:00Z"), U8(extra), strlen(extra), NULL, OUT(signed_doc),
                                    &signed_len),
               SSI_OK);
  CHECK(strstr(signed_doc, "\"type\":\"JcsEd25519Signature2020\"") != NULL);
  CHECK(strstr(signed_doc, "\"signatureValue\":\"") != NULL);

  ssi_proof_expectations expect;
  memset(&expect, 0, sizeof expect);
  expect.proof_purpose = str("assertionMethod");
  expect.domain = str("gataca.io");
  expect.challenge_or_nonce = str("n-1");
  ssi_verdict v = {false, 1};
  char report[1024];
  size_t report_len = 0;
  CHECK_STATUS(ssi_verify_proofs(U8(signed_doc), signed_len, NULL, 0, &expect, NULL, &v, OUT(report), &report_len),
               SSI_OK);
  CHECK(v.valid && v.reason == 0);
  char want[512];
  snprintf(want, sizeof want,
           "{\"valid\":true,\"proofs\":[{\"verificationMethod\":\"%s\",\"valid\":true,\"reason\":null,"
           "\"reading\":{\"message\":\"jcs\",\"encoding\":\"base58btc\"}}]}",
           vm);
  CHECK(strcmp(report, want) == 0 && report_len == strlen(want));
  /* No expectations at all (NULL) also verifies. */
  CHECK_STATUS(ssi_verify_proofs(U8(signed_doc), signed_len, NULL, 0, NULL, NULL, &v, OUT(report), &report_len),
               SSI_OK);
  CHECK(v.valid);

  /* One changed byte of the signed content: the signature no longer matches. */
  char *tampered = (char *)malloc(signed_len + 1);
  memcpy(tampered, signed_doc, signed_len + 1);
  char *ann = strstr(tampered, "Ann");
  ann[0] = 'B';
  CHECK_STATUS(ssi_verify_proofs(U8(tampered), signed_len, NULL, 0, &expect, NULL, &v, OUT(report), &report_len),
               SSI_OK);
  CHECK(!v.valid && v.reason == SSI_ERROR_SIGNATURE_MISMATCH);
  CHECK(strstr(report, "\"reason\":\"SIGNATURE_MISMATCH\",\"reading\":null") != NULL);
  free(tampered);

  /* Expectations that do not hold are verdicts too. */
  ssi_proof_expectations other = expect;
  other.challenge_or_nonce = str("n-2");
  CHECK_STATUS(ssi_verify_proofs(U8(signed_doc), signed_len, NULL, 0, &other, NULL, &v, OUT(report), &report_len),
               SSI_OK);
  CHECK(!v.valid && v.reason == SSI_ERROR_PROOF_CHALLENGE_MISMATCH);
  other = expect;
  other.proof_purpose = str("authentication");
  CHECK_STATUS(ssi_verify_proofs(U8(signed_doc), signed_len, NULL, 0, &other, NULL, &v, OUT(report), &report_len),
               SSI_OK);
  CHECK(!v.valid && v.reason == SSI_ERROR_PROOF_PURPOSE_MISMATCH);

  /* A Gataca-style DID: the key comes from the caller's trust store. */
  const char *gatc_vm = "did:gatc:24gsRbsURij3edoveHv81jt9EnhggrnR#keys-1";
  CHECK_STATUS(ssi_sign_jcs_ed25519(U8(doc), strlen(doc), seed, 32, str(gatc_vm), str("authentication"),
                                    str("2025-01-27T18:33:35Z"), NULL, 0, NULL, OUT(signed_doc), &signed_len),
               SSI_OK);
  char store[256], pk_hex[65];
  to_hex(pk, 32, pk_hex);
  snprintf(store, sizeof store, "{\"did:gatc:24gsRbsURij3edoveHv81jt9EnhggrnR\":\"%s\"}", pk_hex);
  CHECK_STATUS(ssi_verify_proofs(U8(signed_doc), signed_len, U8(store), strlen(store), NULL, NULL, &v, OUT(report),
                                 &report_len),
               SSI_OK);
  CHECK(v.valid);
  ssi_verdict untouched = {true, 777};
  CHECK_STATUS(ssi_verify_proofs(U8(signed_doc), signed_len, NULL, 0, NULL, NULL, &untouched, OUT(report),
                                 &report_len),
               SSI_ERROR_UNKNOWN_VERIFICATION_METHOD);
  /* The Gataca seed definition's proofs name a did:gatc key nobody here trusts. */
  size_t def_len;
  char *def = read_file("../../samples/gataca/presentation-definition.json", &def_len);
  CHECK_STATUS(ssi_verify_proofs(U8(def), def_len, NULL, 0, NULL, NULL, &untouched, OUT(report), &report_len),
               SSI_ERROR_UNKNOWN_VERIFICATION_METHOD);
  free(def);
  /* Bad trust stores and documents. */
  CHECK_STATUS(ssi_verify_proofs(U8(signed_doc), signed_len, U8("[]"), 2, NULL, NULL, &untouched, OUT(report),
                                 &report_len),
               SSI_ERROR_UNEXPECTED_JSON_TYPE);
  CHECK_STATUS(ssi_verify_proofs(U8(signed_doc), signed_len, U8("{\"did:ex:1\":\"zz\"}"), 17, NULL, NULL, &untouched,
                                 OUT(report), &report_len),
               SSI_ERROR_INVALID_HEX);
  CHECK_STATUS(ssi_verify_proofs(U8(signed_doc), signed_len, U8("{\"did:ex:1\":\"00\"}"), 17, NULL, NULL, &untouched,
                                 OUT(report), &report_len),
               SSI_ERROR_INVALID_KEY);
  CHECK_STATUS(ssi_verify_proofs(U8(doc), strlen(doc), NULL, 0, NULL, NULL, &untouched, OUT(report), &report_len),
               SSI_ERROR_PROOF_MISSING);
  /* A string in the expectations that lies about its length. */
  ssi_proof_expectations lying = expect;
  lying.domain.ptr = NULL;
  lying.domain.len = 4;
  CHECK_STATUS(ssi_verify_proofs(U8(signed_doc), signed_len, U8(store), strlen(store), &lying, NULL, &untouched,
                                 OUT(report), &report_len),
               SSI_ERROR_NULL_POINTER);
  lying.domain = str("\xc3\x28");
  CHECK_STATUS(ssi_verify_proofs(U8(signed_doc), signed_len, U8(store), strlen(store), &lying, NULL, &untouched,
                                 OUT(report), &report_len),
               SSI_ERROR_INVALID_UTF8);
  /* Too small a report buffer: neither the report nor the verdict is written. */
  char small[8] = "unset";
  size_t need = 0;
  CHECK_STATUS(ssi_verify_proofs(U8(signed_doc), signed_len, U8(store), strlen(store), NULL, NULL, &untouched,
                                 OUT(small), &need),
               SSI_ERROR_BUFFER_TOO_SMALL);
  CHECK(need > sizeof small && strcmp(small, "unset") == 0);
  CHECK(untouched.valid && untouched.reason == 777);
  /* Signing errors. */
  CHECK_STATUS(ssi_sign_jcs_ed25519(U8(doc), strlen(doc), seed, 31, str(vm), str("assertionMethod"), str("x"), NULL,
                                    0, NULL, OUT(signed_doc), &signed_len),
               SSI_ERROR_INVALID_KEY);
  CHECK_STATUS(ssi_sign_jcs_ed25519(U8("[1]"), 3, seed, 32, str(vm), str("assertionMethod"), str("x"), NULL, 0, NULL,
                                    OUT(signed_doc), &signed_len),
               SSI_ERROR_UNEXPECTED_JSON_TYPE);
  CHECK_STATUS(ssi_sign_jcs_ed25519(U8(doc), strlen(doc), seed, 32, str(vm), str("assertionMethod"), str("x"),
                                    U8("{\"type\":\"x\"}"), 12, NULL, OUT(signed_doc), &signed_len),
               SSI_ERROR_INVALID_ARGUMENT);
}

/* Unpadded Base64URL, for building a VC-JWT in the test. */
static void b64url(const uint8_t *in, size_t n, char *out) {
  static const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  size_t o = 0;
  for (size_t i = 0; i < n; i += 3) {
    uint32_t chunk = (uint32_t)in[i] << 16;
    if (i + 1 < n) chunk |= (uint32_t)in[i + 1] << 8;
    if (i + 2 < n) chunk |= in[i + 2];
    out[o++] = alphabet[(chunk >> 18) & 63];
    out[o++] = alphabet[(chunk >> 12) & 63];
    if (i + 1 < n) out[o++] = alphabet[(chunk >> 6) & 63];
    if (i + 2 < n) out[o++] = alphabet[chunk & 63];
  }
  out[o] = 0;
}

static void test_jwt_vc(void) {
  uint8_t seed[32], pk[32];
  size_t n = 0;
  from_hex(RFC8032_SECRET, seed, 32);
  CHECK_STATUS(ssi_ed25519_public_key(seed, 32, OUT(pk), &n), SSI_OK);
  char vm[128];
  CHECK_STATUS(ssi_did_key_verification_method(pk, 32, OUT(vm), &n), SSI_OK);
  char did[128];
  memcpy(did, vm, strcspn(vm, "#"));
  did[strcspn(vm, "#")] = 0;

  char claims[512], header_b64[64], claims_b64[700], signing_input[800], token[1000];
  const char *header = "{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}";
  snprintf(claims, sizeof claims,
           "{\"iss\":\"%s\",\"sub\":\"did:ex:ann\",\"nbf\":1700000000,\"exp\":2000000000,"
           "\"vc\":{\"type\":[\"VerifiableCredential\"],\"credentialSubject\":{\"email\":\"ann@example.org\"}}}",
           did);
  b64url(U8(header), strlen(header), header_b64);
  b64url(U8(claims), strlen(claims), claims_b64);
  snprintf(signing_input, sizeof signing_input, "%s.%s", header_b64, claims_b64);
  /* The ProofSpace Ed25519 body signer signs raw bytes: exactly a JWS EdDSA signature. */
  char sig_b64[89];
  CHECK_STATUS(ssi_proofspace_sign_body_ed25519(seed, 32, U8(signing_input), strlen(signing_input), OUT(sig_b64), &n),
               SSI_OK);
  size_t t = (size_t)snprintf(token, sizeof token, "%s.", signing_input);
  for (size_t i = 0; sig_b64[i] && sig_b64[i] != '='; i++)
    token[t++] = sig_b64[i] == '+' ? '-' : sig_b64[i] == '/' ? '_' : sig_b64[i];
  token[t] = 0;

  char decoded[2048];
  CHECK_STATUS(ssi_jwt_vc_decode(U8(token), strlen(token), NULL, OUT(decoded), &n), SSI_OK);
  CHECK(strstr(decoded, "\"kind\":\"credential\"") != NULL);
  CHECK(strstr(decoded, "\"issuanceDate\":\"2023-11-14T22:13:20Z\"") != NULL);
  CHECK(strstr(decoded, "\"id\":\"did:ex:ann\"") != NULL);

  ssi_jwt_policy policy;
  memset(&policy, 0, sizeof policy);
  policy.now = 1900000000;
  policy.leeway = 60;
  policy.require_exp = true;
  ssi_verdict v = {false, 1};
  CHECK_STATUS(ssi_jwt_vc_verify(U8(token), strlen(token), NULL, 0, &policy, NULL, &v, OUT(decoded), &n), SSI_OK);
  CHECK(v.valid);
  policy.issuer = str("did:ex:someone-else");
  CHECK_STATUS(ssi_jwt_vc_verify(U8(token), strlen(token), NULL, 0, &policy, NULL, &v, OUT(decoded), &n), SSI_OK);
  CHECK(!v.valid && v.reason == SSI_ERROR_JWT_ISSUER_MISMATCH);
  policy.issuer = str("");
  policy.now = 2000000000 + 61;
  CHECK_STATUS(ssi_jwt_vc_verify(U8(token), strlen(token), NULL, 0, &policy, NULL, &v, OUT(decoded), &n), SSI_OK);
  CHECK(!v.valid && v.reason == SSI_ERROR_JWT_EXPIRED);
  policy.now = 1900000000;
  token[strlen(token) - 3] = token[strlen(token) - 3] == 'A' ? 'B' : 'A';
  CHECK_STATUS(ssi_jwt_vc_verify(U8(token), strlen(token), NULL, 0, &policy, NULL, &v, OUT(decoded), &n), SSI_OK);
  CHECK(!v.valid && v.reason == SSI_ERROR_SIGNATURE_MISMATCH);
  CHECK_STATUS(ssi_jwt_vc_verify(U8(token), strlen(token), NULL, 0, NULL, NULL, &v, OUT(decoded), &n),
               SSI_ERROR_NULL_POINTER);
  CHECK_STATUS(ssi_jwt_vc_decode(U8("a.b"), 3, NULL, OUT(decoded), &n), SSI_ERROR_INVALID_JWT);
}

static void test_openid(void) {
  size_t len;
  char *uri = read_file("../../samples/gataca/authentication-request.txt", &len);
  while (len > 0 && (uri[len - 1] == '\n' || uri[len - 1] == '\r')) len--;
  char out[2048];
  size_t n = 0;
  CHECK_STATUS(ssi_openid_vp_parse_request(U8(uri), len, NULL, OUT(out), &n), SSI_OK);
  const char *base = "https://connect.gataca.io/api/v3/tenants/29KKv46fz3kZ5jvxjBqtAq9RvqJwoA2X/oidc-verifier/Test";
  char want[1024];
  snprintf(want, sizeof want,
           "{\"scheme\":\"openid-vp://\",\"client_id\":\"%s\",\"response_type\":\"vp_token\","
           "\"response_mode\":\"direct_post\","
           "\"redirect_uri\":\"%s/authorization-responses/4m8TLXcRUDpMrXkzorhoTpwMu6pkw4pUtHVSBf422c98\","
           "\"response_uri\":null,\"request_uri\":\"%s/request/4m8TLXcRUDpMrXkzorhoTpwMu6pkw4pUtHVSBf422c98\","
           "\"scope\":\"openid\",\"nonce\":null,\"state\":null,\"presentation_definition\":null,"
           "\"presentation_definition_uri\":null,\"other\":[]}",
           base, base, base);
  CHECK(strcmp(out, want) == 0 && n == strlen(want));
  /* The trailing newline of the file is not part of a URI. */
  CHECK_STATUS(ssi_openid_vp_parse_request(U8(uri), len + 1, NULL, OUT(out), &n), SSI_ERROR_INVALID_OPEN_ID_VP_REQUEST);
  CHECK_STATUS(ssi_openid_vp_parse_request(U8("https://x.io/?a=b"), 17, NULL, OUT(out), &n),
               SSI_ERROR_INVALID_OPEN_ID_VP_REQUEST);
  const char *dup = "openid-vp://?client_id=a&client_id=b&response_type=vp_token&request_uri=https%3A%2F%2Fx.io%2Fr";
  CHECK_STATUS(ssi_openid_vp_parse_request(U8(dup), strlen(dup), NULL, OUT(out), &n),
               SSI_ERROR_INVALID_OPEN_ID_VP_REQUEST);
  const char *extra = "openid4vp://?client_id=a&response_type=vp_token&request_uri=https%3A%2F%2Fx.io%2Fr&x=1+2";
  CHECK_STATUS(ssi_openid_vp_parse_request(U8(extra), strlen(extra), NULL, OUT(out), &n), SSI_OK);
  CHECK(strstr(out, "\"other\":[{\"name\":\"x\",\"value\":\"1 2\"}]") != NULL);
  ssi_limits tight;
  CHECK_STATUS(ssi_limits_default(&tight), SSI_OK);
  tight.max_input_bytes = 32;
  CHECK_STATUS(ssi_openid_vp_parse_request(U8(uri), len, &tight, OUT(out), &n), SSI_ERROR_INPUT_TOO_LARGE);
  char small[32] = "unchanged";
  size_t need = 0;
  CHECK_STATUS(ssi_openid_vp_parse_request(U8(uri), len, NULL, OUT(small), &need), SSI_ERROR_BUFFER_TOO_SMALL);
  CHECK(need == strlen(want) + 1 && strcmp(small, "unchanged") == 0);
  free(uri);
}

static void test_webhook(void) {
  const char *body = "{\"id\":\"017c9ece-6869-417a-8550-3f8ceee23199\",\"subject\":\"did:gatc:0000\",\"status\":\"SUCCESS\","
                     "\"payload\":{\"email\":\"ann@example.org\"},\"verificationResult\":{\"checks\":[\"matchingIds\","
                     "\"credentialProof\",\"newCheck\"],\"warnings\":null,\"errors\":[]}}";
  char out[1024];
  size_t n = 0;
  CHECK_STATUS(ssi_gataca_check_webhook(U8(body), strlen(body), NULL, OUT(out), &n), SSI_OK);
  CHECK(strcmp(out, "{\"id\":\"017c9ece-6869-417a-8550-3f8ceee23199\",\"subject\":\"did:gatc:0000\",\"status\":\"SUCCESS\","
                    "\"valid\":true,\"payload\":{\"email\":\"ann@example.org\"},\"verificationResult\":{\"checks\":["
                    "\"matchingIds\",\"credentialProof\",\"newCheck\"],\"warnings\":[],\"errors\":[]},"
                    "\"unknownChecks\":[\"newCheck\"],\"unknownMembers\":[]}") == 0);
  const char *reject = "{\"id\":\"p1\",\"subject\":\"did:gatc:0000\",\"status\":\"REJECT\","
                       "\"verificationResult\":{\"checks\":[],\"errors\":[\"credential expired\"]}}";
  CHECK_STATUS(ssi_gataca_check_webhook(U8(reject), strlen(reject), NULL, OUT(out), &n), SSI_OK);
  CHECK(strstr(out, "\"status\":\"REJECT\",\"valid\":false,\"payload\":null") != NULL);
  const char *contradiction = "{\"id\":\"p1\",\"subject\":\"s\",\"status\":\"SUCCESS\","
                              "\"verificationResult\":{\"checks\":[\"matchingIds\"],\"errors\":[\"bad\"]}}";
  CHECK_STATUS(ssi_gataca_check_webhook(U8(contradiction), strlen(contradiction), NULL, OUT(out), &n),
               SSI_ERROR_INVALID_VERIFICATION_RESULT);
  const char *unknown = "{\"id\":\"p1\",\"subject\":\"s\",\"status\":\"SUCCESS\",\"extra\":1,"
                        "\"verificationResult\":{\"checks\":[\"matchingIds\"]}}";
  CHECK_STATUS(ssi_gataca_check_webhook(U8(unknown), strlen(unknown), NULL, OUT(out), &n), SSI_OK);
  CHECK(strstr(out, "\"unknownMembers\":[\"extra\"]}") != NULL);
  const char *status = "{\"id\":\"p1\",\"subject\":\"s\",\"status\":\"MAYBE\",\"verificationResult\":{\"checks\":[]}}";
  CHECK_STATUS(ssi_gataca_check_webhook(U8(status), strlen(status), NULL, OUT(out), &n),
               SSI_ERROR_INVALID_FIELD_VALUE);
  CHECK_STATUS(ssi_gataca_check_webhook(NULL, 1, NULL, OUT(out), &n), SSI_ERROR_NULL_POINTER);
  CHECK_STATUS(ssi_gataca_check_webhook(U8(body), strlen(body), NULL, NULL, 0, &n), SSI_ERROR_BUFFER_TOO_SMALL);
  CHECK(n > 100);
}

static void test_gataca_session(void) {
  size_t doc_len, want_len;
  char *doc = read_file("gataca-session/session-status.json", &doc_len);
  char *want = read_file("gataca-session/session-status.expected.json", &want_len);
  char out[8192];
  size_t n = 0;
  CHECK_STATUS(ssi_gataca_session(U8(doc), doc_len, NULL, OUT(out), &n), SSI_OK);
  /* The expected file ends with a newline; the C output is the record alone. */
  CHECK(n + 1 == want_len && strncmp(out, want, n) == 0);
  CHECK_STATUS(ssi_gataca_session_unknown_members(U8(doc), doc_len, NULL, OUT(out), &n), SSI_OK);
  CHECK(strcmp(out, "[]") == 0);
  CHECK_STATUS(ssi_gataca_session(U8("{}"), 2, NULL, OUT(out), &n), SSI_ERROR_INVALID_GATACA_SESSION);
  CHECK_STATUS(ssi_gataca_authorization_from_login(U8("abc.def.ghi"), 11, U8("jwt"), 3, OUT(out), &n), SSI_OK);
  CHECK(strcmp(out, "jwt abc.def.ghi") == 0);
  CHECK_STATUS(ssi_gataca_authorization_from_login(U8("abc"), 3, NULL, 0, OUT(out), &n), SSI_ERROR_HEADER_MISSING);
  CHECK_STATUS(ssi_gataca_authorization_token(U8("jwt abc.def.ghi"), 15, OUT(out), &n), SSI_OK);
  CHECK(strcmp(out, "abc.def.ghi") == 0);
  CHECK_STATUS(ssi_gataca_authorization_token(U8("Bearer x"), 8, OUT(out), &n), SSI_ERROR_INVALID_HEADER);
  CHECK_STATUS(ssi_gataca_login_headers(U8("id"), 2, U8("secret"), 6, U8("t1"), 2, U8("Test"), 4, OUT(out), &n), SSI_OK);
  CHECK(strcmp(out, "{\"Authorization\":\"Basic aWQ6c2VjcmV0\",\"tenant\":\"t1\",\"ssiconfig\":\"Test\"}") == 0);
  CHECK_STATUS(ssi_gataca_login_headers(U8("id"), 2, U8("secret"), 6, U8("t\r\n"), 3, U8("Test"), 4, OUT(out), &n),
               SSI_ERROR_INVALID_HEADER);
  free(doc);
  free(want);
}

static void test_api_key(void) {
  const char *id = "0f8fad5b-d9cb-469f-a165-70867728950e";
  const char *secret = "s3cr:et";
  char header[256];
  size_t n = 0;
  CHECK_STATUS(ssi_gataca_api_key_encode(U8(id), strlen(id), U8(secret), strlen(secret), OUT(header), &n), SSI_OK);
  CHECK(strcmp(header, "Basic MGY4ZmFkNWItZDljYi00NjlmLWExNjUtNzA4Njc3Mjg5NTBlOnMzY3I6ZXQ=") == 0);
  char id_out[64], secret_out[64];
  size_t id_len = 0, secret_len = 0;
  CHECK_STATUS(ssi_gataca_api_key_decode(U8(header), n, OUT(id_out), &id_len, OUT(secret_out), &secret_len), SSI_OK);
  CHECK(strcmp(id_out, id) == 0 && id_len == strlen(id));
  CHECK(strcmp(secret_out, secret) == 0 && secret_len == strlen(secret));
  /* The bare Base64 credentials are accepted too. */
  CHECK_STATUS(ssi_gataca_api_key_decode(U8(header + 6), n - 6, OUT(id_out), &id_len, OUT(secret_out), &secret_len),
               SSI_OK);
  CHECK(strcmp(secret_out, secret) == 0);
  /* Either buffer too small: nothing written, both sizes reported. */
  char small_id[8] = "unset", small_secret[64] = "unset";
  id_len = secret_len = 0;
  CHECK_STATUS(ssi_gataca_api_key_decode(U8(header), n, OUT(small_id), &id_len, OUT(small_secret), &secret_len),
               SSI_ERROR_BUFFER_TOO_SMALL);
  CHECK(id_len == strlen(id) + 1 && secret_len == strlen(secret) + 1);
  CHECK(strcmp(small_id, "unset") == 0 && strcmp(small_secret, "unset") == 0);
  CHECK_STATUS(ssi_gataca_api_key_decode(U8(header), n, OUT(id_out), NULL, OUT(secret_out), &secret_len),
               SSI_ERROR_NULL_POINTER);
  /* Bad keys. */
  CHECK_STATUS(ssi_gataca_api_key_encode(U8("a:b"), 3, U8("s"), 1, OUT(header), &n), SSI_ERROR_INVALID_API_KEY);
  CHECK_STATUS(ssi_gataca_api_key_encode(U8("a"), 1, NULL, 0, OUT(header), &n), SSI_ERROR_INVALID_API_KEY);
  CHECK_STATUS(ssi_gataca_api_key_encode(U8("a"), 1, NULL, 3, OUT(header), &n), SSI_ERROR_NULL_POINTER);
  CHECK_STATUS(ssi_gataca_api_key_decode(U8("Bearer abc"), 10, OUT(id_out), &id_len, OUT(secret_out), &secret_len),
               SSI_ERROR_INVALID_API_KEY);
  CHECK_STATUS(ssi_gataca_api_key_decode(U8("Basic !!!"), 9, OUT(id_out), &id_len, OUT(secret_out), &secret_len),
               SSI_ERROR_INVALID_BASE64);
  CHECK_STATUS(ssi_gataca_api_key_decode(U8("Basic bm9jb2xvbg=="), 18, OUT(id_out), &id_len, OUT(secret_out),
                                         &secret_len),
               SSI_ERROR_INVALID_API_KEY);
  CHECK_STATUS(ssi_gataca_api_key_decode(U8("\xff"), 1, OUT(id_out), &id_len, OUT(secret_out), &secret_len),
               SSI_ERROR_INVALID_UTF8);
}

static void test_pe(void) {
  size_t def_len, email_len, phone_len, fixed_len, vp_len, bad_vp_len;
  char *def = read_file("../../samples/gataca/presentation-definition.json", &def_len);
  char *email = read_file("../../samples/gataca/credentials-email.json", &email_len);
  char *phone = read_file("../../samples/gataca/credentials-phone-only.json", &phone_len);
  char *fixed = read_file("../../samples/gataca/email-definition.json", &fixed_len);
  char *vp = read_file("../../samples/gataca/presentation.json", &vp_len);
  char *bad_vp = read_file("../../samples/gataca/presentation-tampered.json", &bad_vp_len);
  static char out[65536];
  size_t n = 0;
  ssi_verdict v = {false, 1};

  /* Evaluation: the e-mail credential satisfies the seed definition, a phone credential alone does not. */
  CHECK_STATUS(ssi_pe_evaluate(U8(def), def_len, U8(email), email_len, NULL, &v, OUT(out), &n), SSI_OK);
  CHECK(v.valid && n == strlen(out));
  CHECK(strstr(out, "\"descriptor_id\":\"emailCredential\"") != NULL);
  CHECK_STATUS(ssi_pe_evaluate(U8(def), def_len, U8(phone), phone_len, NULL, &v, OUT(out), &n), SSI_OK);
  CHECK(!v.valid && v.reason == SSI_ERROR_SUBMISSION_REQUIREMENT_NOT_SATISFIED);
  ssi_verdict untouched = {true, 777};
  size_t need = 0;
  CHECK_STATUS(ssi_pe_evaluate(U8(def), def_len, U8(email), email_len, NULL, &untouched, (uint8_t *)out, 4, &need),
               SSI_ERROR_BUFFER_TOO_SMALL);
  CHECK(need > 4 && untouched.valid && untouched.reason == 777);
  CHECK_STATUS(ssi_pe_evaluate(U8("{}"), 2, U8(email), email_len, NULL, &untouched, OUT(out), &n),
               SSI_ERROR_INVALID_PRESENTATION_DEFINITION);
  CHECK_STATUS(ssi_pe_evaluate(U8(def), def_len, U8("{}"), 2, NULL, &untouched, OUT(out), &n),
               SSI_ERROR_UNEXPECTED_JSON_TYPE);
  CHECK_STATUS(ssi_pe_evaluate(U8(def), def_len, U8("[\"not-a-jwt\"]"), 13, NULL, &untouched, OUT(out), &n),
               SSI_ERROR_INVALID_JWT);
  CHECK_STATUS(ssi_pe_evaluate(U8(def), def_len, NULL, 1, NULL, &untouched, OUT(out), &n), SSI_ERROR_NULL_POINTER);
  CHECK(untouched.valid && untouched.reason == 777);

  /* Submission for the selection. */
  CHECK_STATUS(ssi_pe_build_submission(U8(def), def_len, U8(email), email_len, str("sub-1"), NULL, OUT(out), &n), SSI_OK);
  CHECK(strstr(out, "{\"presentation_submission\":{\"id\":\"sub-1\",\"definition_id\":"
                    "\"4m8TLXcRUDpMrXkzorhoTpwMu6pkw4pUtHVSBf422c98\",\"descriptor_map\":[{\"id\":\"emailCredential\","
                    "\"format\":\"ldp_vc\",\"path\":\"$.verifiableCredential[0]\"}]},\"credentials\":[") == out);
  CHECK_STATUS(ssi_pe_build_submission(U8(def), def_len, U8(phone), phone_len, str("sub-1"), NULL, OUT(out), &n),
               SSI_ERROR_SUBMISSION_REQUIREMENT_NOT_SATISFIED);

  /* Lint: the seed's issuer pattern accepts every issuer; the fixed definition has no finding. */
  CHECK_STATUS(ssi_pe_lint(U8(def), def_len, NULL, OUT(out), &n), SSI_OK);
  CHECK(strstr(out, "\"code\":\"PATTERN_MATCHES_ANY_STRING\"") != NULL);
  CHECK(strstr(out, "\"field_path\":\"$.issuer, $.vc.issuer, $.iss\"") != NULL);
  CHECK_STATUS(ssi_pe_lint(U8(fixed), fixed_len, NULL, OUT(out), &n), SSI_OK);
  CHECK(strcmp(out, "[]") == 0);

  /* Verification of a received presentation, the Gataca way. */
  ssi_verifier_policy policy;
  memset(&policy, 0, sizeof policy);
  policy.challenge = str("5GpefxLWz3BzLmR69b4wskqeYgE5ZZ21jAvgLXNZNAe4");
  policy.now = 1767225600; /* 2026-01-01: inside the sample credential's validity period */
  CHECK_STATUS(ssi_pe_verify_presentation(U8(fixed), fixed_len, U8(vp), vp_len, NULL, 0, NULL, 0, &policy, NULL, &v,
                                          OUT(out), &n),
               SSI_OK);
  CHECK(v.valid && strstr(out, "\"presentationProof\"") != NULL && strstr(out, "\"credentialProof\"") != NULL);
  CHECK(strstr(out, "\"errors\":[]") != NULL);
  CHECK_STATUS(ssi_pe_verify_presentation(U8(fixed), fixed_len, U8(bad_vp), bad_vp_len, NULL, 0, NULL, 0, &policy, NULL,
                                          &v, OUT(out), &n),
               SSI_OK);
  CHECK(!v.valid && v.reason == SSI_ERROR_INVALID_VERIFICATION_RESULT);
  CHECK(strstr(out, "SIGNATURE_MISMATCH") != NULL);
  policy.challenge = str("another-nonce");
  CHECK_STATUS(ssi_pe_verify_presentation(U8(fixed), fixed_len, U8(vp), vp_len, NULL, 0, NULL, 0, &policy, NULL, &v,
                                          OUT(out), &n),
               SSI_OK);
  CHECK(!v.valid && strstr(out, "PROOF_CHALLENGE_MISMATCH") != NULL);
  CHECK_STATUS(ssi_pe_verify_presentation(U8(fixed), fixed_len, U8("{}"), 2, NULL, 0, NULL, 0, NULL, NULL, &v,
                                          OUT(out), &n),
               SSI_ERROR_MISSING_FIELD);
  CHECK_STATUS(ssi_pe_verify_presentation(U8(fixed), fixed_len, U8(vp), vp_len, NULL, 0, NULL, 0, NULL, NULL, NULL,
                                          OUT(out), &n),
               SSI_ERROR_NULL_POINTER);
  free(def);
  free(email);
  free(phone);
  free(fixed);
  free(vp);
  free(bad_vp);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s VECTOR_ROOT\n", argv[0]);
    return 2;
  }
  root = argv[1];
  test_jcs();
  test_jsonpath();
  test_ed25519();
  test_did_key();
  test_proofs();
  test_jwt_vc();
  test_openid();
  test_webhook();
  test_gataca_session();
  test_api_key();
  test_pe();
  printf("%s: %d checks, %d failed\n", argv[0], checks, failures);
  return failures == 0 ? 0 : 1;
}
