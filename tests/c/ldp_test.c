/*
 * Linked Data proofs (issue 14) through `ssi_vc_verify` and `ssi_pe_verify`: credentials proved
 * with Ed25519Signature2018, JsonWebSignature2020, EcdsaSecp256k1Signature2019, RsaSignature2018,
 * eddsa-rdfc-2022, ecdsa-rdfc-2019 (P-256, P-384), eddsa-jcs-2022 and ecdsa-jcs-2019, the example vocabulary registered through `ssi_verify_options.contexts`; a changed
 * claim is invalid, a context neither bundled nor registered could not be checked. Presentations
 * answer the seed's definition unmodified and a di_vc definition. Compiled as C11 and as C++17
 * under ASan + UBSan (see tests/c/run.sh).
 *
 * Usage: ldp_test VECTOR_ROOT   (tests/vectors; the samples are at VECTOR_ROOT/../../samples)
 */
#include "check.h"

#define LDP "../../samples/ldp/"
#define NONCE "5GpefxLWz3BzLmR69b4wskqeYgE5ZZ21jAvgLXNZNAe4"

static ssi_str text_of(const char *s) {
  ssi_str out;
  out.ptr = U8(s);
  out.len = strlen(s);
  return out;
}

/* {"https://example.org/ssi-verify/email/v1": <the context document>} */
static char *contexts_json(void) {
  size_t n = 0;
  char *doc = read_file(LDP "context-email-v1.jsonld", &n);
  const char *head = "{\"https://example.org/ssi-verify/email/v1\":";
  char *out = (char *)malloc(strlen(head) + n + 2);
  strcpy(out, head);
  strcat(out, doc);
  strcat(out, "}");
  free(doc);
  return out;
}

/* One claim changed in place: the subject's e-mail address (same length). */
static void tamper(char *doc) {
  char *at = strstr(doc, "ann@example.org");
  CHECK(at != NULL);
  if (at) memcpy(at, "bob", 3);
}

static void test_vc_verify(void) {
  char out[8192];
  size_t n = 0;
  ssi_verdict v;
  char *contexts = contexts_json();
  ssi_verify_options o;
  memset(&o, 0, sizeof o);
  o.now = 1767225600;
  o.leeway = 60;
  o.profile = SSI_PROFILE_STRICT;
  const char *files[] = {"vc-ed25519-2018.json",         "vc-jws2020-es256.json",        "vc-eddsa-rdfc-2022.json",
                         "vc-ecdsa-rdfc-2019-p256.json", "vc-ecdsa-rdfc-2019-p384.json", "vc-secp256k1-2019.json",
                         "vc-rsa-2018.json",             "vc-eddsa-jcs-2022.json",       "vc-ecdsa-jcs-2019-p256.json"};
  const char *suites[] = {"\"suite\":\"Ed25519Signature2018\"", "\"suite\":\"JsonWebSignature2020\"",
                          "\"suite\":\"eddsa-rdfc-2022\"", "\"suite\":\"ecdsa-rdfc-2019\"",
                          "\"suite\":\"ecdsa-rdfc-2019\"", "\"suite\":\"EcdsaSecp256k1Signature2019\"",
                          "\"suite\":\"RsaSignature2018\"", "\"suite\":\"eddsa-jcs-2022\"",
                          "\"suite\":\"ecdsa-jcs-2019\""};
  for (int i = 0; i < 9; i++) {
    size_t len = 0;
    char path[256];
    snprintf(path, sizeof path, LDP "%s", files[i]);
    char *vc = read_file(path, &len);
    o.contexts = text_of(contexts);
    CHECK_STATUS(ssi_vc_verify(U8(vc), len, NULL, 0, NULL, 0, &o, NULL, &v, OUT(out), &n), SSI_OK);
    CHECK(v.valid && strstr(out, "{\"valid\":true,") == out && strstr(out, suites[i]) != NULL);
    /* The example vocabulary not registered: could not check. */
    o.contexts = text_of("");
    CHECK_STATUS(ssi_vc_verify(U8(vc), len, NULL, 0, NULL, 0, &o, NULL, &v, OUT(out), &n), SSI_ERROR_UNKNOWN_CONTEXT);
    /* A changed claim: checked and invalid. */
    o.contexts = text_of(contexts);
    tamper(vc);
    CHECK_STATUS(ssi_vc_verify(U8(vc), len, NULL, 0, NULL, 0, &o, NULL, &v, OUT(out), &n), SSI_OK);
    CHECK(!v.valid && v.reason == SSI_ERROR_INVALID_VERIFICATION_RESULT && strstr(out, "SIGNATURE_MISMATCH") != NULL);
    free(vc);
  }
  /* Contexts that are not an object of documents are refused. */
  o.contexts = text_of("[]");
  CHECK_STATUS(ssi_vc_verify(U8("{}"), 2, NULL, 0, NULL, 0, &o, NULL, &v, OUT(out), &n), SSI_ERROR_UNEXPECTED_JSON_TYPE);
  free(contexts);
}

static void test_pe_verify(void) {
  char out[8192];
  size_t n = 0;
  ssi_verdict v;
  char *contexts = contexts_json();
  size_t seed_len = 0, di_len = 0;
  char *seed = read_file("../../samples/gataca/presentation-definition.json", &seed_len);
  char *di = read_file(LDP "presentation-definition-di.json", &di_len);
  ssi_verify_options o;
  memset(&o, 0, sizeof o);
  o.challenge = text_of(NONCE);
  o.domain = text_of("verifier.example.org");
  o.now = 1767225600;
  o.leeway = 60;
  o.contexts = text_of(contexts);
  const char *vps[] = {LDP "vp-ed25519-2018.json", LDP "vp-jws2020.json", LDP "vp-secp256k1-2019.json",
                       LDP "vp-rsa-2018.json", LDP "vp-eddsa-rdfc-2022.json"};
  for (int i = 0; i < 5; i++) {
    size_t vp_len = 0;
    char *vp = read_file(vps[i], &vp_len);
    /* The seed's definition is Gataca's (signed with a did:gatc key): the gataca profile. */
    o.profile = i < 4 ? SSI_PROFILE_GATACA : SSI_PROFILE_STRICT;
    const char *def = i < 4 ? seed : di;
    size_t def_len = i < 4 ? seed_len : di_len;
    CHECK_STATUS(ssi_pe_verify(U8(def), def_len, U8(vp), vp_len, NULL, 0, NULL, 0, NULL, 0, &o, NULL, &v, OUT(out), &n),
                 SSI_OK);
    CHECK(v.valid && strstr(out, "\"errors\":[]") != NULL && strstr(out, "\"credentialProof\"") != NULL);
    tamper(vp);
    CHECK_STATUS(ssi_pe_verify(U8(def), def_len, U8(vp), vp_len, NULL, 0, NULL, 0, NULL, 0, &o, NULL, &v, OUT(out), &n),
                 SSI_OK);
    CHECK(!v.valid && strstr(out, "SIGNATURE_MISMATCH") != NULL);
    free(vp);
  }
  free(seed);
  free(di);
  free(contexts);
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
