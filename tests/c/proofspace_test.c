/*
 * ProofSpace through the C header, compiled both as C11 and as C++17 and run under
 * AddressSanitizer + UndefinedBehaviorSanitizer (see tests/c/run.sh).
 *
 * Usage: proofspace_test VECTOR_ROOT   (tests/vectors)
 */
#include "check.h"

/* Pulls the string member `name` out of the flat tokens.json (no escapes in it). */
static char *token(const char *json, const char *name) {
  char key[64];
  snprintf(key, sizeof key, "\"%s\": \"", name);
  const char *start = strstr(json, key);
  if (!start) {
    fprintf(stderr, "tokens.json has no %s\n", name);
    exit(2);
  }
  start += strlen(key);
  const char *end = strchr(start, '"');
  size_t n = (size_t)(end - start);
  char *out = (char *)malloc(n + 8 + 1);
  memcpy(out, "Bearer ", 7);
  memcpy(out + 7, start, n);
  out[7 + n] = 0;
  return out;
}

static void test_verify_body(void) {
  size_t pem_len, body_len, sig_len;
  char *pem = read_file("proofspace/rsa4096-public.pem", &pem_len);
  char *body = read_file("proofspace/rsa4096-body.json", &body_len);
  char *sig = read_file("proofspace/rsa4096-body.sig.b64", &sig_len);
  ssi_verdict v = {false, 12345};
  CHECK_STATUS(ssi_proofspace_verify_body(U8(pem), pem_len, U8(body), body_len, U8(sig), sig_len, &v), SSI_OK);
  CHECK(v.valid && v.reason == 0);

  /* Every byte of the body matters: flip a few spread over it. */
  size_t positions[] = {0, 1, body_len / 3, body_len / 2, body_len - 2, body_len - 1};
  for (size_t i = 0; i < sizeof positions / sizeof positions[0]; i++) {
    body[positions[i]] ^= 0x01;
    CHECK_STATUS(ssi_proofspace_verify_body(U8(pem), pem_len, U8(body), body_len, U8(sig), sig_len, &v), SSI_OK);
    CHECK(!v.valid && v.reason == SSI_ERROR_SIGNATURE_MISMATCH);
    body[positions[i]] ^= 0x01;
  }
  /* One more byte of whitespace is a different body. */
  char *longer = (char *)malloc(body_len + 1);
  memcpy(longer, body, body_len);
  longer[body_len] = '\n';
  CHECK_STATUS(ssi_proofspace_verify_body(U8(pem), pem_len, U8(longer), body_len + 1, U8(sig), sig_len, &v), SSI_OK);
  CHECK(!v.valid && v.reason == SSI_ERROR_SIGNATURE_MISMATCH);
  free(longer);

  /* Could not check: errors, and `out` untouched. */
  ssi_verdict untouched = {true, 777};
  CHECK_STATUS(ssi_proofspace_verify_body(U8(pem), pem_len, U8(body), body_len, U8("!!!"), 3, &untouched),
               SSI_ERROR_INVALID_BASE64);
  CHECK(untouched.valid && untouched.reason == 777);
  CHECK_STATUS(ssi_proofspace_verify_body(U8(pem), pem_len, U8(body), body_len, U8(""), 0, &untouched),
               SSI_ERROR_HEADER_MISSING);
  CHECK_STATUS(ssi_proofspace_verify_body(U8("not a pem"), 9, U8(body), body_len, U8(sig), sig_len, &untouched),
               SSI_ERROR_INVALID_KEY);
  CHECK_STATUS(ssi_proofspace_verify_body(NULL, 4, U8(body), body_len, U8(sig), sig_len, &untouched),
               SSI_ERROR_NULL_POINTER);
  CHECK_STATUS(ssi_proofspace_verify_body(U8(pem), pem_len, U8(body), body_len, U8(sig), sig_len, NULL),
               SSI_ERROR_NULL_POINTER);
  CHECK_STATUS(ssi_proofspace_verify_body(U8(pem), pem_len, U8(body), body_len, U8("\xff"), 1, &untouched),
               SSI_ERROR_INVALID_UTF8);
  CHECK(untouched.valid && untouched.reason == 777);
  /* The empty body is a body; NULL with length 0 is accepted for it. */
  CHECK_STATUS(ssi_proofspace_verify_body(U8(pem), pem_len, NULL, 0, U8(sig), sig_len, &v), SSI_OK);
  CHECK(!v.valid);
  free(pem);
  free(body);
  free(sig);
}

static void test_ed25519_body(void) {
  size_t pem_len, seed_hex_len;
  char *pem = read_file("proofspace-jwt/ed25519-public.pem", &pem_len);
  char *seed_hex = read_file("proofspace-jwt/ed25519-seed.hex", &seed_hex_len);
  uint8_t seed[32];
  for (size_t i = 0; i < 32; i++) {
    unsigned byte = 0;
    sscanf(seed_hex + 2 * i, "%2x", &byte);
    seed[i] = (uint8_t)byte;
  }
  const char *body = "{\"publicServiceDid\":\"FhnK3hGQ6EeQHKztiHJ6pu\"}";
  char sig[89];
  size_t sig_len = 0;
  CHECK_STATUS(ssi_proofspace_sign_body_ed25519(seed, 32, U8(body), strlen(body), (uint8_t *)sig, sizeof sig, &sig_len),
               SSI_OK);
  CHECK(sig_len == 88 && sig[88] == 0);
  ssi_verdict v = {false, 1};
  CHECK_STATUS(ssi_proofspace_verify_body(U8(pem), pem_len, U8(body), strlen(body), U8(sig), sig_len, &v), SSI_OK);
  CHECK(v.valid);
  CHECK_STATUS(ssi_proofspace_verify_body(U8(pem), pem_len, U8(body), strlen(body) - 1, U8(sig), sig_len, &v), SSI_OK);
  CHECK(!v.valid && v.reason == SSI_ERROR_SIGNATURE_MISMATCH);

  /* Too small a buffer: nothing written but the size needed. */
  char small[10] = "unchanged";
  size_t need = 0;
  CHECK_STATUS(
      ssi_proofspace_sign_body_ed25519(seed, 32, U8(body), strlen(body), (uint8_t *)small, sizeof small, &need),
      SSI_ERROR_BUFFER_TOO_SMALL);
  CHECK(need == 89);
  CHECK(strcmp(small, "unchanged") == 0);
  CHECK_STATUS(ssi_proofspace_sign_body_ed25519(seed, 31, U8(body), strlen(body), (uint8_t *)sig, sizeof sig, &sig_len),
               SSI_ERROR_INVALID_KEY);
  free(pem);
  free(seed_hex);
}

static void test_rsa_sign_body(void) {
  size_t key_len, pem_len, body_len, want_len;
  char *key = read_file("proofspace/rsa2048-private.pk8.pem", &key_len);
  char *pem = read_file("proofspace/rsa2048-public.pem", &pem_len);
  char *body = read_file("proofspace/rsa4096-body.json", &body_len);
  char *want = read_file("proofspace/rsa2048-body.sig.b64", &want_len);
  char sig[400];
  size_t sig_len = 0;
  CHECK_STATUS(ssi_proofspace_sign_body_rsa(U8(key), key_len, U8(body), body_len, (uint8_t *)sig, sizeof sig, &sig_len),
               SSI_OK);
  /* PKCS#1 v1.5 is deterministic: the signature is OpenSSL's, byte for byte. */
  CHECK(sig_len == 344 && strncmp(sig, want, sig_len) == 0);
  ssi_verdict v = {false, 1};
  CHECK_STATUS(ssi_proofspace_verify_body(U8(pem), pem_len, U8(body), body_len, U8(sig), sig_len, &v), SSI_OK);
  CHECK(v.valid);
  CHECK_STATUS(ssi_proofspace_sign_body_rsa(U8(pem), pem_len, U8(body), body_len, (uint8_t *)sig, sizeof sig, &sig_len),
               SSI_ERROR_UNSUPPORTED_KEY);
  char small[16];
  size_t need = 0;
  CHECK_STATUS(ssi_proofspace_sign_body_rsa(U8(key), key_len, U8(body), body_len, (uint8_t *)small, sizeof small, &need),
               SSI_ERROR_BUFFER_TOO_SMALL);
  CHECK(need == 345);
  free(key);
  free(pem);
  free(body);
  free(want);
}

static void test_cast(void) {
  char out[128];
  size_t n = 0;
  CHECK_STATUS(ssi_proofspace_cast(SSI_ATTRIBUTE_TYPE_TEXT, U8("Super Secret Level"), 18, NULL, 0, (uint8_t *)out,
                                   sizeof out, &n),
               SSI_OK);
  CHECK(strcmp(out, "{\"type\":\"Text\",\"value\":\"Super Secret Level\"}") == 0 && n == strlen(out));
  CHECK_STATUS(ssi_proofspace_cast(SSI_ATTRIBUTE_TYPE_DATE, U8("1648800000"), 10, NULL, 0, (uint8_t *)out, sizeof out,
                                   &n),
               SSI_OK);
  CHECK(strcmp(out, "{\"type\":\"Date\",\"seconds\":1648800000}") == 0);
  CHECK_STATUS(ssi_proofspace_cast(SSI_ATTRIBUTE_TYPE_DATE, U8("1648800000000"), 13, NULL, 0, (uint8_t *)out,
                                   sizeof out, &n),
               SSI_ERROR_DATE_LOOKS_LIKE_MILLISECONDS);
  CHECK_STATUS(ssi_proofspace_cast(SSI_ATTRIBUTE_TYPE_DATE, U8("2022-04-01"), 10, NULL, 0, (uint8_t *)out, sizeof out,
                                   &n),
               SSI_ERROR_INVALID_DATE);
  CHECK_STATUS(ssi_proofspace_cast(SSI_ATTRIBUTE_TYPE_NUMBER, U8("222.2222"), 8, NULL, 0, (uint8_t *)out, sizeof out,
                                   &n),
               SSI_OK);
  CHECK(strcmp(out, "{\"type\":\"Number\",\"value\":\"222.2222\"}") == 0);
  CHECK_STATUS(ssi_proofspace_cast(SSI_ATTRIBUTE_TYPE_NUMBER, U8("1e5"), 3, NULL, 0, (uint8_t *)out, sizeof out, &n),
               SSI_ERROR_INVALID_NUMBER);
  CHECK_STATUS(ssi_proofspace_cast(SSI_ATTRIBUTE_TYPE_IMAGE_URL, U8("https://x.io/a.png"), 18, NULL, 0,
                                   (uint8_t *)out, sizeof out, &n),
               SSI_OK);
  CHECK(strcmp(out, "{\"type\":\"ImageURL\",\"url\":\"https://x.io/a.png\"}") == 0);
  CHECK_STATUS(ssi_proofspace_cast(SSI_ATTRIBUTE_TYPE_IMAGE_URL, U8("ftp://x.io/a"), 12, NULL, 0, (uint8_t *)out,
                                   sizeof out, &n),
               SSI_ERROR_INVALID_IMAGE_URL);
  const uint32_t allowed[] = {0, 2};
  CHECK_STATUS(ssi_proofspace_cast(SSI_ATTRIBUTE_TYPE_ENUMERATION, U8("2"), 1, allowed, 2, (uint8_t *)out, sizeof out,
                                   &n),
               SSI_OK);
  CHECK(strcmp(out, "{\"type\":\"Enumeration\",\"index\":2}") == 0);
  CHECK_STATUS(ssi_proofspace_cast(SSI_ATTRIBUTE_TYPE_ENUMERATION, U8("1"), 1, allowed, 2, (uint8_t *)out, sizeof out,
                                   &n),
               SSI_ERROR_ENUMERATION_NOT_IN_SCHEMA);
  CHECK_STATUS(ssi_proofspace_cast(SSI_ATTRIBUTE_TYPE_ENUMERATION, U8("-1"), 2, NULL, 0, (uint8_t *)out, sizeof out,
                                   &n),
               SSI_ERROR_INVALID_ENUMERATION);
  /* Hostile arguments. */
  CHECK_STATUS(ssi_proofspace_cast(99, U8("x"), 1, NULL, 0, (uint8_t *)out, sizeof out, &n),
               SSI_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(ssi_proofspace_cast(SSI_ATTRIBUTE_TYPE_ENUMERATION, U8("1"), 1, NULL, 3, (uint8_t *)out, sizeof out, &n),
               SSI_ERROR_NULL_POINTER);
  CHECK_STATUS(ssi_proofspace_cast(SSI_ATTRIBUTE_TYPE_TEXT, U8("\xc3\x28"), 2, NULL, 0, (uint8_t *)out, sizeof out, &n),
               SSI_ERROR_INVALID_UTF8);
  char tiny[8];
  size_t need = 0;
  CHECK_STATUS(ssi_proofspace_cast(SSI_ATTRIBUTE_TYPE_TEXT, U8("hello"), 5, NULL, 0, (uint8_t *)tiny, sizeof tiny, &need),
               SSI_ERROR_BUFFER_TOO_SMALL);
  CHECK(need == strlen("{\"type\":\"Text\",\"value\":\"hello\"}") + 1);
}

static ssi_bearer_policy policy(const char *did, uint32_t direction, uint64_t now) {
  ssi_bearer_policy p;
  memset(&p, 0, sizeof p);
  p.service_did.ptr = U8(did);
  p.service_did.len = strlen(did);
  p.direction = direction;
  p.now = now;
  p.leeway = 60;
  p.require_exp = true;
  p.accept_millisecond_times = false;
  return p;
}

static void test_bearer(void) {
  size_t json_len, secret_len, rsa_len, ed_len;
  char *json = read_file("proofspace-jwt/tokens.json", &json_len);
  char *secret = read_file("proofspace-jwt/hs256-secret.bin", &secret_len);
  char *rsa = read_file("proofspace-jwt/rsa2048-public.pem", &rsa_len);
  char *ed = read_file("proofspace-jwt/ed25519-public.pem", &ed_len);
  char *hs = token(json, "hs256");
  char *rs256 = token(json, "rs256");
  char *rs512 = token(json, "rs512");
  char *eddsa = token(json, "eddsa");
  char *ms = token(json, "hs256_exp_in_milliseconds");
  const char *did = "FhnK3hGQ6EeQHKztiHJ6pu";
  ssi_bearer_policy p = policy(did, SSI_DIRECTION_FROM_PROOFSPACE, 1800000000);
  ssi_verdict v = {false, 1};

  CHECK_STATUS(ssi_proofspace_verify_bearer(U8(hs), strlen(hs), SSI_JWS_KEY_KIND_HS256, U8(secret), secret_len, &p,
                                            NULL, &v),
               SSI_OK);
  CHECK(v.valid);
  CHECK_STATUS(ssi_proofspace_verify_bearer(U8(rs256), strlen(rs256), SSI_JWS_KEY_KIND_RS256, U8(rsa), rsa_len, &p,
                                            NULL, &v),
               SSI_OK);
  CHECK(v.valid);
  CHECK_STATUS(ssi_proofspace_verify_bearer(U8(rs512), strlen(rs512), SSI_JWS_KEY_KIND_RS512, U8(rsa), rsa_len, &p,
                                            NULL, &v),
               SSI_OK);
  CHECK(v.valid);
  CHECK_STATUS(ssi_proofspace_verify_bearer(U8(eddsa), strlen(eddsa), SSI_JWS_KEY_KIND_ED_DSA, U8(ed), ed_len, &p,
                                            NULL, &v),
               SSI_OK);
  CHECK(v.valid);
  p.direction = SSI_DIRECTION_TO_PROOFSPACE;
  CHECK_STATUS(ssi_proofspace_verify_bearer(U8(hs), strlen(hs), SSI_JWS_KEY_KIND_HS256, U8(secret), secret_len, &p,
                                            NULL, &v),
               SSI_OK);
  CHECK(v.valid);

  /* The key decides the algorithm: an RS256 token under an RS512 key is refused. */
  CHECK_STATUS(ssi_proofspace_verify_bearer(U8(rs256), strlen(rs256), SSI_JWS_KEY_KIND_RS512, U8(rsa), rsa_len, &p,
                                            NULL, &v),
               SSI_ERROR_JWT_ALG_MISMATCH);

  /* Checked and failed: verdicts. */
  ssi_bearer_policy late = policy(did, SSI_DIRECTION_FROM_PROOFSPACE, 2000000000 + 61);
  CHECK_STATUS(ssi_proofspace_verify_bearer(U8(hs), strlen(hs), SSI_JWS_KEY_KIND_HS256, U8(secret), secret_len, &late,
                                            NULL, &v),
               SSI_OK);
  CHECK(!v.valid && v.reason == SSI_ERROR_JWT_EXPIRED);
  ssi_bearer_policy other = policy("SomeoneElse", SSI_DIRECTION_FROM_PROOFSPACE, 1800000000);
  CHECK_STATUS(ssi_proofspace_verify_bearer(U8(hs), strlen(hs), SSI_JWS_KEY_KIND_HS256, U8(secret), secret_len,
                                            &other, NULL, &v),
               SSI_OK);
  CHECK(!v.valid && v.reason == SSI_ERROR_JWT_ISSUER_MISMATCH);
  char *tampered = (char *)malloc(strlen(hs) + 1);
  strcpy(tampered, hs);
  tampered[strlen(tampered) - 2] = tampered[strlen(tampered) - 2] == 'A' ? 'B' : 'A';
  CHECK_STATUS(ssi_proofspace_verify_bearer(U8(tampered), strlen(tampered), SSI_JWS_KEY_KIND_HS256, U8(secret),
                                            secret_len, &p, NULL, &v),
               SSI_OK);
  CHECK(!v.valid && v.reason == SSI_ERROR_SIGNATURE_MISMATCH);
  free(tampered);

  /* Could not check: errors. */
  CHECK_STATUS(ssi_proofspace_verify_bearer(U8(ms), strlen(ms), SSI_JWS_KEY_KIND_HS256, U8(secret), secret_len, &p,
                                            NULL, &v),
               SSI_ERROR_JWT_EXP_IN_MILLISECONDS);
  CHECK_STATUS(ssi_proofspace_verify_bearer(NULL, 0, SSI_JWS_KEY_KIND_HS256, U8(secret), secret_len, &p, NULL, &v),
               SSI_ERROR_HEADER_MISSING);
  CHECK_STATUS(ssi_proofspace_verify_bearer(U8("Basic abc"), 9, SSI_JWS_KEY_KIND_HS256, U8(secret), secret_len, &p,
                                            NULL, &v),
               SSI_ERROR_INVALID_HEADER);
  CHECK_STATUS(ssi_proofspace_verify_bearer(U8(hs), strlen(hs), SSI_JWS_KEY_KIND_HS256, U8("short"), 5, &p, NULL, &v),
               SSI_ERROR_KEY_SIZE_NOT_ALLOWED);
  CHECK_STATUS(ssi_proofspace_verify_bearer(U8(hs), strlen(hs), 42, U8(secret), secret_len, &p, NULL, &v),
               SSI_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(ssi_proofspace_verify_bearer(U8(hs), strlen(hs), SSI_JWS_KEY_KIND_HS256, U8(secret), secret_len, NULL,
                                            NULL, &v),
               SSI_ERROR_NULL_POINTER);
  free(json);
  free(secret);
  free(rsa);
  free(ed);
  free(hs);
  free(rs256);
  free(rs512);
  free(eddsa);
  free(ms);
}

static void test_documents(void) {
  size_t body_len;
  char *request = read_file("proofspace/rsa4096-body.json", &body_len);
  CHECK_STATUS(ssi_proofspace_check_request(U8(request), body_len, NULL), SSI_OK);
  CHECK_STATUS(ssi_proofspace_check_request(U8("{\"publicServiceDid\":1}"), 22, NULL), SSI_ERROR_UNEXPECTED_JSON_TYPE);
  CHECK_STATUS(ssi_proofspace_check_request(U8("{"), 1, NULL), SSI_ERROR_INVALID_JSON);
  ssi_limits tight;
  CHECK_STATUS(ssi_limits_default(&tight), SSI_OK);
  tight.max_input_bytes = 16;
  CHECK_STATUS(ssi_proofspace_check_request(U8(request), body_len, &tight), SSI_ERROR_INPUT_TOO_LARGE);

  const char *good = "{\"serviceDid\":\"FhnK3hGQ6EeQHKztiHJ6pu\",\"subscriberConnectDid\":\"subscriberConnectDid_54321\","
                     "\"actionEventId\":\"ev1\",\"issuedCredentials\":[],\"revokedCredentials\":[]}";
  ssi_verdict v = {false, 1};
  char report[512];
  size_t n = 0;
  CHECK_STATUS(ssi_proofspace_check_response(U8(request), body_len, U8(good), strlen(good), NULL, &v,
                                             (uint8_t *)report, sizeof report, &n),
               SSI_OK);
  CHECK(v.valid && strcmp(report, "{\"valid\":true,\"mismatches\":[]}") == 0);
  const char *wrong = "{\"serviceDid\":\"FhnK3hGQ6EeQHKztiHJ6pu\",\"subscriberConnectDid\":\"other\","
                      "\"actionEventId\":\"ev2\",\"issuedCredentials\":[],\"revokedCredentials\":[]}";
  CHECK_STATUS(ssi_proofspace_check_response(U8(request), body_len, U8(wrong), strlen(wrong), NULL, &v,
                                             (uint8_t *)report, sizeof report, &n),
               SSI_OK);
  CHECK(!v.valid && v.reason == SSI_ERROR_RESPONSE_MISMATCH);
  CHECK(strstr(report, "\"path\":\"subscriberConnectDid\"") != NULL);
  CHECK(strstr(report, "\"path\":\"actionEventId\"") != NULL);
  size_t need = 0;
  CHECK_STATUS(ssi_proofspace_check_response(U8(request), body_len, U8(wrong), strlen(wrong), NULL, &v,
                                             (uint8_t *)report, 4, &need),
               SSI_ERROR_BUFFER_TOO_SMALL);
  CHECK(need == n + 1);

  char reply[256];
  CHECK_STATUS(ssi_proofspace_failure_reply(U8("Room unavailable"), 16, U8("\"busy\""), 6, (uint8_t *)reply,
                                            sizeof reply, &n),
               SSI_OK);
  CHECK(strcmp(reply, "{\"protocolVersion\":1,\"ok\":false,\"error\":{\"message\":\"Room unavailable\",\"details\":"
                      "\"\\\"busy\\\"\"}}") == 0);
  CHECK_STATUS(ssi_proofspace_failure_reply(U8("x"), 1, NULL, 0, (uint8_t *)reply, sizeof reply, &n), SSI_OK);
  CHECK(strcmp(reply, "{\"protocolVersion\":1,\"ok\":false,\"error\":{\"message\":\"x\"}}") == 0);
  free(request);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s VECTOR_ROOT\n", argv[0]);
    return 2;
  }
  root = argv[1];
  test_verify_body();
  test_ed25519_body();
  test_rsa_sign_body();
  test_cast();
  test_bearer();
  test_documents();
  printf("%s: %d checks, %d failed\n", argv[0], checks, failures);
  return failures == 0 ? 0 : 1;
}
