/*
 * The shared harness of the C tests: CHECK / CHECK_STATUS counters, and reading a file below
 * the vector root given as argv[1]. Header-only and included by exactly one translation unit
 * per test program (each *_test.c is its own program).
 */
#ifndef SSI_VERIFY_TEST_CHECK_H
#define SSI_VERIFY_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ssi_verify.h"

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                          \
  do {                                                                       \
    checks++;                                                                \
    if (!(cond)) {                                                           \
      failures++;                                                            \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                        \
  } while (0)

#define CHECK_STATUS(expr, want)                                                          \
  do {                                                                                    \
    ssi_status got_ = (expr);                                                             \
    checks++;                                                                             \
    if (got_ != (ssi_status)(want)) {                                                     \
      char detail_[256];                                                                  \
      size_t n_ = 0;                                                                      \
      ssi_last_error_detail((uint8_t *)detail_, sizeof detail_, &n_);                     \
      failures++;                                                                         \
      fprintf(stderr, "%s:%d: %s returned %u, wanted %u (%s)\n", __FILE__, __LINE__, #expr, \
              (unsigned)got_, (unsigned)(want), detail_);                                 \
    }                                                                                     \
  } while (0)

#define U8(s) ((const uint8_t *)(s))
#define OUT(buf) ((uint8_t *)(buf)), sizeof(buf)

static const char *root;

static char *read_file(const char *rel, size_t *len) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", root, rel);
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "cannot open %s\n", path);
    exit(2);
  }
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = (char *)malloc((size_t)size + 1);
  if (!buf || fread(buf, 1, (size_t)size, f) != (size_t)size) {
    fprintf(stderr, "cannot read %s\n", path);
    exit(2);
  }
  buf[size] = 0;
  fclose(f);
  *len = (size_t)size;
  return buf;
}

#endif /* SSI_VERIFY_TEST_CHECK_H */
