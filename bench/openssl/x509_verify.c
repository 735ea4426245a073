/* OpenSSL's path validation timed on the chain ssi-verify's `x509_path_smartid` bench group
 * validates (BENCHMARKS.md, "Smart-ID with path validation"): one trust anchor, one untrusted
 * intermediate, one end-entity certificate, all PEM, validated at a fixed time.
 *
 *   x509_verify ANCHOR.pem INTERMEDIATE.pem END_ENTITY.pem NOW ITERATIONS [EXPIRED_NOW]
 *
 * The certificates are read and the store and context built once; each timed operation is what a
 * verifier repeats per response: X509_STORE_CTX_init + X509_verify_cert + X509_STORE_CTX_cleanup (chain
 * building, both chain signatures, validity, basicConstraints, keyUsage, critical extensions).
 * Before timing it checks the chain validates at NOW and, when EXPIRED_NOW is given, that it is
 * refused at that time (the same answers the Rust bench asserts), and exits 1 otherwise.
 * Prints the median ns per operation over 25 batches of ITERATIONS / 25. Build: cc -O2 ... -lcrypto
 */
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#define BATCHES 25

static X509 *read_cert(const char *path) {
  FILE *f = fopen(path, "r");
  if (f == NULL) {
    perror(path);
    return NULL;
  }
  X509 *cert = PEM_read_X509(f, NULL, NULL, NULL);
  fclose(f);
  if (cert == NULL) {
    fprintf(stderr, "%s: not a PEM certificate\n", path);
    ERR_print_errors_fp(stderr);
  }
  return cert;
}

/* One validation at the store's time: 1 when the path validates, 0 when it does not, -1 when
 * OpenSSL could not run it. */
static int verify_once(X509_STORE_CTX *ctx, X509_STORE *store, X509 *ee, STACK_OF(X509) *untrusted, int *error) {
  if (X509_STORE_CTX_init(ctx, store, ee, untrusted) != 1) return -1;
  int ok = X509_verify_cert(ctx);
  if (error != NULL) *error = X509_STORE_CTX_get_error(ctx);
  X509_STORE_CTX_cleanup(ctx);
  return ok == 1 ? 1 : (ok == 0 ? 0 : -1);
}

static X509_STORE *store_at(X509 *anchor, time_t now) {
  X509_STORE *store = X509_STORE_new();
  if (store == NULL || X509_STORE_add_cert(store, anchor) != 1) {
    X509_STORE_free(store);
    return NULL;
  }
  /* The validation time, as ssi-verify's `now` (X509_STORE_CTX_init copies the store's params). */
  X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store), now);
  return store;
}

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int compare(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc != 6 && argc != 7) {
    fprintf(stderr, "usage: %s ANCHOR.pem INTERMEDIATE.pem END_ENTITY.pem NOW ITERATIONS [EXPIRED_NOW]\n", argv[0]);
    return 2;
  }
  time_t now = (time_t)strtoll(argv[4], NULL, 10);
  long iterations = strtol(argv[5], NULL, 10);
  if (iterations < BATCHES) {
    fprintf(stderr, "ITERATIONS must be at least %d\n", BATCHES);
    return 2;
  }
  X509 *anchor = read_cert(argv[1]), *intermediate = read_cert(argv[2]), *ee = read_cert(argv[3]);
  STACK_OF(X509) *untrusted = sk_X509_new_null();
  X509_STORE *store = anchor != NULL ? store_at(anchor, now) : NULL;
  X509_STORE_CTX *ctx = X509_STORE_CTX_new();
  if (ee == NULL || intermediate == NULL || untrusted == NULL || store == NULL || ctx == NULL ||
      sk_X509_push(untrusted, intermediate) == 0) {
    fprintf(stderr, "x509_verify: setup failed\n");
    return 1;
  }

  int error = 0;
  if (verify_once(ctx, store, ee, untrusted, &error) != 1) {
    fprintf(stderr, "x509_verify: the chain does not validate at %s: %s\n", argv[4],
            X509_verify_cert_error_string(error));
    return 1;
  }
  if (argc == 7) {
    X509_STORE *late = store_at(anchor, (time_t)strtoll(argv[6], NULL, 10));
    if (late == NULL || verify_once(ctx, late, ee, untrusted, &error) != 0 || error != X509_V_ERR_CERT_HAS_EXPIRED) {
      fprintf(stderr, "x509_verify: the chain was not refused as expired at %s\n", argv[6]);
      return 1;
    }
    X509_STORE_free(late);
  }

  long per_batch = iterations / BATCHES;
  for (long i = 0; i < per_batch; i++) verify_once(ctx, store, ee, untrusted, NULL); /* warm-up */
  double samples[BATCHES];
  for (int b = 0; b < BATCHES; b++) {
    uint64_t t0 = now_ns();
    for (long i = 0; i < per_batch; i++) {
      if (verify_once(ctx, store, ee, untrusted, NULL) != 1) {
        fprintf(stderr, "x509_verify: a timed validation failed\n");
        return 1;
      }
    }
    samples[b] = (double)(now_ns() - t0) / (double)per_batch;
  }
  qsort(samples, BATCHES, sizeof samples[0], compare);
  printf("%s X509_verify_cert: %.0f ns/op (median of %d batches of %ld; min %.0f, max %.0f)\n",
         OpenSSL_version(OPENSSL_VERSION), samples[BATCHES / 2], BATCHES, per_batch, samples[0],
         samples[BATCHES - 1]);

  X509_STORE_CTX_free(ctx);
  X509_STORE_free(store);
  sk_X509_pop_free(untrusted, X509_free);
  X509_free(anchor);
  X509_free(ee);
  return 0;
}
