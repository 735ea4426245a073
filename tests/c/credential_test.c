/*
 * One credential (`ssi_vc_verify`) and presentations with profiles and status lists
 * (`ssi_pe_verify`) through the C header: ES256 / ES256K JWT VCs, a JcsEd25519Signature2020
 * credential, a revoked and a tampered credential, the seed's definition under `gataca` and
 * `strict`. Compiled as C11 and as C++17 under ASan + UBSan (see tests/c/run.sh).
 *
 * Usage: credential_test VECTOR_ROOT   (tests/vectors; the samples are at VECTOR_ROOT/../../samples)
 */
#include "check.h"

#define SAMPLES "../../samples/gataca/issue12/"
#define NONCE "5GpefxLWz3BzLmR69b4wskqeYgE5ZZ21jAvgLXNZNAe4"

static ssi_str text_of(const char *s) {
  ssi_str out;
  out.ptr = U8(s);
  out.len = strlen(s);
  return out;
}

/* {"<list URL>": <the sample list credential>} */
static char *lists_json(void) {
  size_t n = 0;
  char *list = read_file(SAMPLES "status-list.json", &n);
  while (n > 0 && (list[n - 1] == '\n' || list[n - 1] == '\r')) list[--n] = 0;
  const char *head = "{\"https://status.example.org/credentials/status/1\":";
  char *out = (char *)malloc(strlen(head) + n + 2);
  strcpy(out, head);
  strcat(out, list);
  strcat(out, "}");
  free(list);
  return out;
}

static void test_vc_verify(void) {
  char out[8192];
  size_t n = 0;
  ssi_verdict v;
  char *lists = lists_json();
  ssi_verify_options o;
  memset(&o, 0, sizeof o);
  o.now = 1767225600;
  o.leeway = 60;
  o.profile = SSI_PROFILE_STRICT;
  const char *valid[] = {"vc-es256.jwt", "vc-es256k.json", "vc-jcs.json"};
  const char *suites[] = {"\"suite\":\"ES256\"", "\"suite\":\"ES256K\"", "\"suite\":\"JcsEd25519Signature2020\""};
  for (int i = 0; i < 3; i++) {
    size_t len = 0;
    char path[256];
    snprintf(path, sizeof path, SAMPLES "%s", valid[i]);
    char *vc = read_file(path, &len);
    CHECK_STATUS(ssi_vc_verify(U8(vc), len, NULL, 0, U8(lists), strlen(lists), &o, NULL, &v, OUT(out), &n), SSI_OK);
    CHECK(v.valid && strstr(out, "{\"valid\":true,") == out && strstr(out, suites[i]) != NULL);
    /* Strict without the list: could not check. */
    CHECK_STATUS(ssi_vc_verify(U8(vc), len, NULL, 0, NULL, 0, &o, NULL, &v, OUT(out), &n), SSI_ERROR_STATUS_LIST_MISSING);
    free(vc);
  }
  size_t len = 0;
  char *revoked = read_file(SAMPLES "vc-es256-revoked.jwt", &len);
  CHECK_STATUS(ssi_vc_verify(U8(revoked), len, NULL, 0, U8(lists), strlen(lists), &o, NULL, &v, OUT(out), &n), SSI_OK);
  CHECK(!v.valid && v.reason == SSI_ERROR_INVALID_VERIFICATION_RESULT && strstr(out, "CREDENTIAL_REVOKED") != NULL);
  o.profile = 7;
  CHECK_STATUS(ssi_vc_verify(U8(revoked), len, NULL, 0, NULL, 0, &o, NULL, &v, OUT(out), &n), SSI_ERROR_INVALID_ARGUMENT);
  o.profile = SSI_PROFILE_GATACA;
  CHECK_STATUS(ssi_vc_verify(U8(revoked), len, NULL, 0, NULL, 0, &o, NULL, &v, OUT(out), &n), SSI_OK);
  CHECK(v.valid && strstr(out, "credential status not available.") != NULL);
  free(revoked);
  char *tampered = read_file(SAMPLES "vc-es256-tampered.jwt", &len);
  CHECK_STATUS(ssi_vc_verify(U8(tampered), len, NULL, 0, U8(lists), strlen(lists), &o, NULL, &v, OUT(out), &n), SSI_OK);
  CHECK(!v.valid && strstr(out, "SIGNATURE_MISMATCH") != NULL);
  free(tampered);
  free(lists);
}

static void test_pe_verify(void) {
  char out[8192];
  size_t n = 0;
  ssi_verdict v;
  char *lists = lists_json();
  size_t def_len = 0, resigned_len = 0, store_len = 0, vp_len = 0;
  char *def = read_file("../../samples/gataca/presentation-definition.json", &def_len);
  char *resigned = read_file(SAMPLES "presentation-definition-resigned.json", &resigned_len);
  char *store = read_file(SAMPLES "trust-store.json", &store_len);
  ssi_verify_options o;
  memset(&o, 0, sizeof o);
  o.challenge = text_of(NONCE);
  o.now = 1767225600;
  o.leeway = 60;
  o.profile = SSI_PROFILE_GATACA;
  const char *vps[] = {SAMPLES "vp-jcs.json", SAMPLES "vp-es256.json", SAMPLES "vp-es256k.jwt"};
  for (int i = 0; i < 3; i++) {
    char *vp = read_file(vps[i], &vp_len);
    CHECK_STATUS(ssi_pe_verify(U8(def), def_len, U8(vp), vp_len, NULL, 0, NULL, 0, NULL, 0, &o, NULL, &v, OUT(out), &n),
                 SSI_OK);
    CHECK(v.valid && strstr(out, "\"errors\":[]") != NULL);
    free(vp);
  }
  char *vp = read_file(SAMPLES "vp-es256k.json", &vp_len);
  o.profile = SSI_PROFILE_STRICT;
  CHECK_STATUS(ssi_pe_verify(U8(resigned), resigned_len, U8(vp), vp_len, NULL, 0, U8(store), store_len, U8(lists),
                             strlen(lists), &o, NULL, &v, OUT(out), &n),
               SSI_OK);
  CHECK(v.valid && strstr(out, "\"definitionProof\"") != NULL && strstr(out, "\"credentialStatus\"") != NULL);
  CHECK_STATUS(ssi_pe_verify(U8(resigned), resigned_len, U8(vp), vp_len, NULL, 0, U8(store), store_len, NULL, 0, &o,
                             NULL, &v, OUT(out), &n),
               SSI_OK);
  CHECK(!v.valid && strstr(out, "STATUS_LIST_MISSING") != NULL);
  CHECK_STATUS(ssi_pe_verify(U8(resigned), resigned_len, U8(vp), vp_len, NULL, 0, U8(store), store_len, U8(lists),
                             strlen(lists), &o, NULL, NULL, OUT(out), &n),
               SSI_ERROR_NULL_POINTER);
  free(vp);
  free(def);
  free(resigned);
  free(store);
  free(lists);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s VECTOR_ROOT\n", argv[0]);
    return 2;
  }
  root = argv[1];
  test_vc_verify();
  test_pe_verify();
  printf("%s: %d checks, %d failed\n", argv[0], checks, failures);
  return failures == 0 ? 0 : 1;
}
