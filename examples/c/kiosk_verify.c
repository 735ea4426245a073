/*
 * A kiosk's check of a ProofSpace webhook: is this body signed by the ProofSpace service?
 *
 *   kiosk_verify BODY_FILE X_BODY_SIGNATURE PUBLIC_KEY_PEM_FILE
 *
 * Prints one line and exits 0 "valid", 1 "invalid signature (REASON)", or 2 on a usage error or
 * when the check could not run ("error: NAME (CODE): detail", e.g. a malformed key).
 * Builds as C11 and C++17; see docs/lang/c.md for pkg-config and CMake builds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ssi_verify.h"

/* Reads a whole file; NULL on failure. The body must be verified byte for byte as received. */
static unsigned char *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  unsigned char *buf = (unsigned char *)malloc(cap);
  while (buf) {
    n += fread(buf + n, 1, cap - n, f);
    if (n < cap) break;
    unsigned char *bigger = (unsigned char *)realloc(buf, cap * 2);
    if (!bigger) {
      free(buf);
      buf = NULL;
      break;
    }
    buf = bigger;
    cap *= 2;
  }
  int failed = ferror(f);
  fclose(f);
  if (failed) {
    free(buf);
    return NULL;
  }
  *len = n;
  return buf;
}

static void print_error(ssi_status status) {
  char name[64] = "UNKNOWN", detail[256] = "";
  size_t n = 0;
  ssi_last_error_detail((uint8_t *)detail, sizeof detail, &n);
  ssi_error_name(status, (uint8_t *)name, sizeof name, &n);
  printf("error: %s (%u): %s\n", name, (unsigned)status, detail);
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s BODY_FILE X_BODY_SIGNATURE PUBLIC_KEY_PEM_FILE\n", argv[0]);
    return 2;
  }
  size_t body_len = 0, pem_len = 0;
  unsigned char *body = read_all(argv[1], &body_len);
  unsigned char *pem = read_all(argv[3], &pem_len);
  if (!body || !pem) {
    fprintf(stderr, "cannot read %s\n", body ? argv[3] : argv[1]);
    free(body);
    free(pem);
    return 2;
  }
  ssi_verdict verdict;
  ssi_status status = ssi_proofspace_verify_body(pem, pem_len, body, body_len, (const uint8_t *)argv[2],
                                                 strlen(argv[2]), &verdict);
  free(body);
  free(pem);
  if (status != SSI_OK) {
    print_error(status);
    return 2;
  }
  if (verdict.valid) {
    printf("valid\n");
    return 0;
  }
  char reason[64] = "UNKNOWN";
  size_t n = 0;
  ssi_error_name(verdict.reason, (uint8_t *)reason, sizeof reason, &n);
  printf("invalid signature (%s)\n", reason);
  return 1;
}
