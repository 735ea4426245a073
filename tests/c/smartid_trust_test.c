/*
 * Smart-ID responses verified against trust anchors through the C ABI: the real DEMO response
 * with SK's TEST anchors (trusted) and LIVE anchors (UNKNOWN_ISSUER), and one generated
 * certificate per failure, each refused with its own code.
 */
#include "check.h"

#define NOW 1780272000ULL /* 2026-06-01T00:00:00Z */

static const char *PSS_REQUEST =
    "{\"schemeName\":\"smart-id-demo\","
    "\"rpChallenge\":\"q1miCUX2v3RAQSycBUWdJrRtG6GR1z55c2oIAdjynk3IIquT4CfoSzcdzbLQDL9eTDojGpy+8QKS1jgWzTB58g==\","
    "\"relyingPartyName\":\"DEMO\","
    "\"interactions\":\"W3siZGlzcGxheVRleHQ2MCI6IkhlbGxvIHdvcmxkIiwidHlwZSI6ImRpc3BsYXlUZXh0QW5kUElOIn1d\","
    "\"offeredFlows\":[\"Notification\"]";

typedef struct {
  char *data[8];
  ssi_bytes blobs[8];
  size_t len;
} der_list;

static void init(der_list *l) { memset(l, 0, sizeof *l); }

static void add(der_list *l, const char *name) {
  char rel[256];
  size_t n = 0;
  snprintf(rel, sizeof rel, "x509-generated/der/%s.der", name);
  l->data[l->len] = read_file(rel, &n);
  l->blobs[l->len].ptr = (const uint8_t *)l->data[l->len];
  l->blobs[l->len].len = n;
  l->len++;
}

static void release(der_list *l) {
  for (size_t i = 0; i < l->len; i++) free(l->data[i]);
  l->len = 0;
}

/* Runs verify-auth; returns the reason code (0 when valid) and leaves the report in `report`. */
static uint32_t verify(const char *request_suffix, const char *status, size_t status_len, const der_list *anchors,
                       const der_list *ints, uint64_t now, char *report, size_t cap) {
  char request[1024];
  snprintf(request, sizeof request, "%s%s}", PSS_REQUEST, request_suffix);
  ssi_trust_anchors trust;
  trust.anchors = anchors->blobs;
  trust.anchors_len = anchors->len;
  trust.intermediates = ints->blobs;
  trust.intermediates_len = ints->len;
  trust.now = now;
  ssi_verdict v;
  v.valid = false;
  v.reason = 1;
  size_t len = 0;
  CHECK_STATUS(ssi_smartid_verify_auth_json(U8(request), strlen(request), U8(status), status_len, &trust, NULL, &v,
                                            (uint8_t *)report, cap, &len),
               SSI_OK);
  CHECK(len == strlen(report));
  return v.valid ? 0 : v.reason;
}

static void test_real_response(void) {
  size_t n = 0;
  char *status = read_file("smartid/vatsake_auth_notification_session-response.json", &n);
  der_list test, test_int, live, live_int;
  init(&test);
  init(&test_int);
  init(&live);
  init(&live_int);
  add(&test, "sk-test-TEST_of_SK_ID_Solutions_ROOT_G1E");
  add(&test_int, "sk-test-TEST_of_SK_ID_Solutions_EID-Q_2024E");
  add(&live, "sk-live-SK_ID_Solutions_ROOT_G1E");
  add(&live_int, "sk-live-SK_ID_Solutions_EID-Q_2024E");
  char report[2048];
  CHECK(verify("", status, n, &test, &test_int, NOW, report, sizeof report) == 0);
  CHECK(strstr(report, "\"certificateLevel\":\"QUALIFIED\"") != NULL);
  CHECK(strstr(report, "\"semanticsIdentifier\":\"PNOEE-40504040001\"") != NULL);
  CHECK(strstr(report, "\"dateOfBirth\":\"1905-04-04\"") != NULL);
  CHECK(verify("", status, n, &live, &live_int, NOW, report, sizeof report) == SSI_ERROR_UNKNOWN_ISSUER);
  CHECK(strcmp(report, "{\"valid\":false,\"reason\":\"UNKNOWN_ISSUER\"}") == 0);
  CHECK(verify("", status, n, &test, &test_int, 1900000000ULL, report, sizeof report) == SSI_ERROR_CERTIFICATE_EXPIRED);
  CHECK(verify("", status, n, &test, &test_int, 1700000000ULL, report, sizeof report) ==
        SSI_ERROR_CERTIFICATE_NOT_YET_VALID);
  CHECK(verify(",\"semanticsIdentifier\":\"PNOEE-30303039914\"", status, n, &test, &test_int, NOW, report,
               sizeof report) == SSI_ERROR_IDENTITY_MISMATCH);

  /* NULL trust: the signature only, marked as such. */
  char request[1024];
  snprintf(request, sizeof request, "%s}", PSS_REQUEST);
  ssi_verdict v;
  size_t len = 0;
  CHECK_STATUS(ssi_smartid_verify_auth_json(U8(request), strlen(request), U8(status), n, NULL, NULL, &v, OUT(report), &len),
               SSI_OK);
  CHECK(v.valid && strcmp(report, "{\"valid\":true,\"trust\":\"NOT_CHECKED\"}") == 0);
  /* No anchors cannot be checked; a short buffer reports the size needed. */
  ssi_trust_anchors empty;
  memset(&empty, 0, sizeof empty);
  CHECK_STATUS(ssi_smartid_verify_auth_json(U8(request), strlen(request), U8(status), n, &empty, NULL, &v, OUT(report), &len),
               SSI_ERROR_NO_TRUST_ANCHOR);
  ssi_trust_anchors t;
  t.anchors = test.blobs;
  t.anchors_len = test.len;
  t.intermediates = test_int.blobs;
  t.intermediates_len = test_int.len;
  t.now = NOW;
  CHECK_STATUS(ssi_smartid_verify_auth_json(U8(request), strlen(request), U8(status), n, &t, NULL, &v, (uint8_t *)report, 10, &len),
               SSI_ERROR_BUFFER_TOO_SMALL);
  CHECK(len > 100);
  release(&test);
  release(&test_int);
  release(&live);
  release(&live_int);
  free(status);
}

static void test_generated_failures(void) {
  static const struct {
    const char *ee;
    uint32_t code;
  } cases[] = {
      {"ee-expired", SSI_ERROR_CERTIFICATE_EXPIRED},
      {"ee-not-yet-valid", SSI_ERROR_CERTIFICATE_NOT_YET_VALID},
      {"ee-bad-signature", SSI_ERROR_CHAIN_SIGNATURE_MISMATCH},
      {"ee-issued-by-end-entity", SSI_ERROR_ISSUER_NOT_CA},
      {"ee-under-no-keycertsign", SSI_ERROR_KEY_CERT_SIGN_MISSING},
      {"ee-under-sub-intermediate", SSI_ERROR_PATH_TOO_LONG},
      {"ee-unknown-critical-extension", SSI_ERROR_UNKNOWN_CRITICAL_EXTENSION},
      {"ee-auth-no-digital-signature", SSI_ERROR_KEY_USAGE_NOT_ALLOWED},
      {"ee-auth-test-arc", SSI_ERROR_CERTIFICATE_POLICY_MISSING},
      {"ee-auth-advanced", SSI_ERROR_CERTIFICATE_LEVEL_MISMATCH},
  };
  der_list anchors, ints;
  init(&anchors);
  init(&ints);
  add(&anchors, "root");
  add(&ints, "intermediate");
  add(&ints, "intermediate-no-keycertsign");
  add(&ints, "sub-intermediate");
  add(&ints, "ee-auth-qualified");
  char report[2048];
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char rel[256];
    size_t n = 0;
    snprintf(rel, sizeof rel, "x509-generated/status/%s.status.json", cases[i].ee);
    char *status = read_file(rel, &n);
    uint32_t got = verify("", status, n, &anchors, &ints, NOW, report, sizeof report);
    if (got != cases[i].code) fprintf(stderr, "%s: got %u (%s)\n", cases[i].ee, (unsigned)got, report);
    CHECK(got == cases[i].code);
    free(status);
  }
  release(&anchors);
  release(&ints);
}

static void test_sign(void) {
  size_t n = 0, rn = 0, dn = 0;
  char *status = read_file("smartid-trust/sessions/vatsake_signing_notification_session-response.json", &n);
  char *request = read_file("smartid-trust/requests/sign-notification.request.json", &rn);
  char *data = read_file("smartid-trust/requests/sign-notification.data", &dn);
  der_list test, test_int;
  init(&test);
  init(&test_int);
  add(&test, "sk-test-TEST_of_SK_ID_Solutions_ROOT_G1E");
  add(&test_int, "sk-test-TEST_of_SK_ID_Solutions_EID-Q_2024E");
  ssi_trust_anchors t;
  t.anchors = test.blobs;
  t.anchors_len = test.len;
  t.intermediates = test_int.blobs;
  t.intermediates_len = test_int.len;
  t.now = NOW;
  ssi_verdict v;
  char report[2048];
  size_t len = 0;
  CHECK_STATUS(ssi_smartid_verify_sign_json(U8(request), rn, U8(status), n, U8(data), dn, &t, NULL, &v, OUT(report), &len),
               SSI_OK);
  CHECK(v.valid);
  CHECK_STATUS(ssi_smartid_verify_sign_json(U8(request), rn, U8(status), n, U8("test 12345"), 10, &t, NULL, &v, OUT(report),
                                            &len),
               SSI_OK);
  CHECK(!v.valid && v.reason == SSI_ERROR_DIGEST_MISMATCH);
  release(&test);
  release(&test_int);
  free(status);
  free(request);
  free(data);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s VECTOR_ROOT\n", argv[0]);
    return 2;
  }
  root = argv[1];
  test_real_response();
  test_generated_failures();
  test_sign();
  printf("%s: %d checks, %d failed\n", argv[0], checks, failures);
  return failures == 0 ? 0 : 1;
}
