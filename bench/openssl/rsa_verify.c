/* OpenSSL's RSA signature verification timed on the key, message and signatures the Criterion
 * groups `rsa_verify_2048` / `rsa_verify_4096` verify (BENCHMARKS.md, "RSA verification"):
 *
 *   rsa_verify PUBLIC.pem MESSAGE SIGNATURE pkcs1|pss ITERATIONS
 *
 * The key is read and the EVP_PKEY_CTX set up once (padding, SHA-256, for PSS MGF1-SHA-256 and a
 * 32-byte salt); each timed operation is what ssi-verify's `RsaKey::verify` does per signature:
 * SHA-256 of the message, then EVP_PKEY_verify (public-key operation and padding check). Before
 * timing it checks the signature verifies and is refused over a changed message (the answers the
 * Rust bench asserts), and exits 1 otherwise. Prints the median ns per operation over 25 batches
 * of ITERATIONS / 25. `verify_once` is not inlined so callgrind can count it alone
 * (--toggle-collect=verify_once). Build: cc -O2 ... -lcrypto
 */
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#define BATCHES 25

static unsigned char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    perror(path);
    return NULL;
  }
  unsigned char *buf = malloc(65536);
  *len = buf == NULL ? 0 : fread(buf, 1, 65536, f);
  fclose(f);
  return buf;
}

/* 1 when the signature verifies, 0 when it does not, -1 when OpenSSL could not run. */
__attribute__((noinline)) static int verify_once(EVP_PKEY_CTX *ctx, const unsigned char *msg, size_t msg_len,
                                                 const unsigned char *sig, size_t sig_len) {
  unsigned char hash[32];
  unsigned int hash_len = 0;
  if (EVP_Digest(msg, msg_len, hash, &hash_len, EVP_sha256(), NULL) != 1) return -1;
  int ok = EVP_PKEY_verify(ctx, sig, sig_len, hash, hash_len);
  return ok == 1 ? 1 : (ok == 0 ? 0 : -1);
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
  if (argc != 6) {
    fprintf(stderr, "usage: %s PUBLIC.pem MESSAGE SIGNATURE pkcs1|pss ITERATIONS\n", argv[0]);
    return 2;
  }
  int pss = strcmp(argv[4], "pss") == 0;
  if (!pss && strcmp(argv[4], "pkcs1") != 0) {
    fprintf(stderr, "scheme must be pkcs1 or pss\n");
    return 2;
  }
  long iterations = strtol(argv[5], NULL, 10);
  if (iterations < BATCHES) iterations = BATCHES;
  FILE *f = fopen(argv[1], "r");
  if (f == NULL) {
    perror(argv[1]);
    return 1;
  }
  EVP_PKEY *pkey = PEM_read_PUBKEY(f, NULL, NULL, NULL);
  fclose(f);
  size_t msg_len = 0, sig_len = 0;
  unsigned char *msg = read_file(argv[2], &msg_len);
  unsigned char *sig = read_file(argv[3], &sig_len);
  EVP_PKEY_CTX *ctx = pkey == NULL ? NULL : EVP_PKEY_CTX_new(pkey, NULL);
  if (ctx == NULL || msg == NULL || sig == NULL || EVP_PKEY_verify_init(ctx) != 1 ||
      EVP_PKEY_CTX_set_rsa_padding(ctx, pss ? RSA_PKCS1_PSS_PADDING : RSA_PKCS1_PADDING) != 1 ||
      EVP_PKEY_CTX_set_signature_md(ctx, EVP_sha256()) != 1 ||
      (pss && (EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, EVP_sha256()) != 1 || EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, 32) != 1))) {
    fprintf(stderr, "could not set up the RSA verification\n");
    ERR_print_errors_fp(stderr);
    return 1;
  }
  if (verify_once(ctx, msg, msg_len, sig, sig_len) != 1) {
    fprintf(stderr, "OpenSSL refuses the bench signature\n");
    return 1;
  }
  msg[0] ^= 1;
  if (verify_once(ctx, msg, msg_len, sig, sig_len) != 0) {
    fprintf(stderr, "OpenSSL accepts the signature over a changed message\n");
    return 1;
  }
  msg[0] ^= 1;
  long per_batch = iterations / BATCHES;
  double times[BATCHES];
  for (int b = 0; b < BATCHES; b++) {
    uint64_t start = now_ns();
    for (long i = 0; i < per_batch; i++) {
      if (verify_once(ctx, msg, msg_len, sig, sig_len) != 1) return 1;
    }
    times[b] = (double)(now_ns() - start) / (double)per_batch;
  }
  qsort(times, BATCHES, sizeof times[0], compare);
  printf("openssl %s %d-bit %s: %.0f ns/op (median of %d batches of %ld)\n", OpenSSL_version(OPENSSL_VERSION),
         EVP_PKEY_get_bits(pkey), argv[4], times[BATCHES / 2], BATCHES, per_batch);
  EVP_PKEY_CTX_free(ctx);
  EVP_PKEY_free(pkey);
  free(msg);
  free(sig);
  return 0;
}
