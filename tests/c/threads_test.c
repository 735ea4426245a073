/*
 * The C ABI from many threads at once: the last-error detail is per thread, a handle made on
 * one thread is read and freed on another, and concurrent verifications give the
 * single-threaded answers. Built like the other tests by tests/c/run.sh (ASan + UBSan), and
 * by tests/c/tsan.sh under ThreadSanitizer.
 *
 * Usage: threads_test VECTOR_ROOT   (tests/vectors)
 */
/* POSIX barriers; -std=c11 alone hides them. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

#include "check.h"

#define THREADS 8
#define ROUNDS 50 /* 8 threads x 50: about 8 CPU-seconds under Valgrind (valgrind.sh runs it too) */

static const char *TWO =
    "W3sidHlwZSI6ImNvbmZpcm1hdGlvbk1lc3NhZ2UiLCJkaXNwbGF5VGV4dDIwMCI6IkxvbmdlciBkZXNjcmlwdGlvbiBvZiB0aGUgdHJhbnNh"
    "Y3Rpb24gY29udGV4dCJ9LHsidHlwZSI6ImRpc3BsYXlUZXh0QW5kUElOIiwiZGlzcGxheVRleHQ2MCI6IlNob3J0IGRlc2NyaXB0aW9uIG9m"
    "IHRoZSB0cmFuc2FjdGlvbiBjb250ZXh0In1d";

/* RFC 8032 section 7.1, test 1 (empty message). */
static const uint8_t PK[32] = {0xd7, 0x5a, 0x98, 0x01, 0x82, 0xb1, 0x0a, 0xb7, 0xd5, 0x4b, 0xfe,
                               0xd3, 0xc9, 0x64, 0x07, 0x3a, 0x0e, 0xe1, 0x72, 0xf3, 0xda, 0xa6,
                               0x23, 0x25, 0xaf, 0x02, 0x1a, 0x68, 0xf7, 0x07, 0x51, 0x1a};
static const uint8_t SIG[64] = {
    0xe5, 0x56, 0x43, 0x00, 0xc3, 0x60, 0xac, 0x72, 0x90, 0x86, 0xe2, 0xcc, 0x80, 0x6e, 0x82, 0x8a,
    0x84, 0x87, 0x7f, 0x1e, 0xb8, 0xe5, 0xd9, 0x74, 0xd8, 0x73, 0xe0, 0x65, 0x22, 0x49, 0x01, 0x55,
    0x5f, 0xb8, 0x82, 0x15, 0x90, 0xa3, 0x3b, 0xac, 0xc6, 0x1e, 0x39, 0x70, 0x1c, 0xf9, 0xb4, 0x6b,
    0xd2, 0x5b, 0xf5, 0xf0, 0x59, 0x5b, 0xbe, 0x24, 0x65, 0x51, 0x41, 0x43, 0x8e, 0x7a, 0x10, 0x0b};

static const char *QUERY = "$..b";
static const char *DOC = "{\"a\":{\"b\":1},\"c\":[{\"b\":\"x\"}]}";
static const char *SELECTED = "[{\"location\":\"$['a']['b']\",\"value\":1},{\"location\":\"$['c'][0]['b']\",\"value\":\"x\"}]";

/* An RFC 8785 vector, read once by the main thread and canonicalized by every worker. */
static char *jcs_in, *jcs_want;
static size_t jcs_in_len, jcs_want_len;

/* The CHECK counters are shared; threads keep their own and report them once. */
typedef struct {
  int index;
  int failed;
  int rounds; /* rounds completed, so main can tell every thread really ran */
  ssi_interactions *handle; /* made by the main thread, freed by this one */
} job;

static pthread_barrier_t start;

#define T_CHECK(j, cond)                                                        \
  do {                                                                          \
    if (!(cond)) {                                                              \
      (j)->failed++;                                                            \
      fprintf(stderr, "%s:%d: thread %d: check failed: %s\n", __FILE__, __LINE__, \
              (j)->index, #cond);                                               \
    }                                                                           \
  } while (0)

/* The calling thread's detail starts with `name` (or is empty when name is ""). */
static int detail_is(const char *name) {
  char detail[256];
  size_t n = 0;
  if (ssi_last_error_detail((uint8_t *)detail, sizeof detail, &n) != SSI_OK) return 0;
  return strncmp(detail, name, strlen(name)) == 0 && (name[0] != 0 || n == 0);
}

static void *worker(void *arg) {
  job *j = (job *)arg;
  pthread_barrier_wait(&start);

  /* The handle from the main thread: read it here, free it here. */
  T_CHECK(j, ssi_interactions_count(j->handle) == 2);
  uint32_t type = 0;
  const uint8_t *text = NULL;
  size_t text_len = 0;
  T_CHECK(j, ssi_interactions_get(j->handle, 1, &type, &text, &text_len) == SSI_OK);
  T_CHECK(j, text_len == strlen("Short description of the transaction context"));
  ssi_interactions_free(j->handle);
  j->handle = NULL;

  for (int round = 0; round < ROUNDS; round++) {
    /* Each thread fails its own way; the detail it reads back is its own. */
    if (j->index % 2 == 0) {
      char out[32];
      size_t n = 0;
      T_CHECK(j, ssi_jcs_canonicalize(U8("[1e400]"), 7, NULL, OUT(out), &n) == SSI_ERROR_NUMBER_NOT_I_JSON);
      T_CHECK(j, detail_is("NUMBER_NOT_I_JSON"));
    } else {
      ssi_interactions *none = NULL;
      T_CHECK(j, ssi_smartid_decode(NULL, 5, SSI_FLOW_DEVICE_LINK, NULL, &none) == SSI_ERROR_NULL_POINTER);
      T_CHECK(j, none == NULL);
      T_CHECK(j, detail_is("NULL_POINTER"));
    }

    /* Concurrent verification and selection: the single-threaded answers. */
    ssi_verdict v = {false, 1};
    T_CHECK(j, ssi_ed25519_verify(PK, 32, SIG, 64, NULL, 0, &v) == SSI_OK);
    T_CHECK(j, v.valid && v.reason == 0);
    T_CHECK(j, ssi_ed25519_verify(PK, 32, SIG, 64, U8("x"), 1, &v) == SSI_OK);
    T_CHECK(j, !v.valid && v.reason == SSI_ERROR_SIGNATURE_MISMATCH);
    char out[256];
    size_t n = 0;
    T_CHECK(j, ssi_jsonpath_select(U8(QUERY), strlen(QUERY), U8(DOC), strlen(DOC), NULL, OUT(out), &n) == SSI_OK);
    T_CHECK(j, n == strlen(SELECTED) && memcmp(out, SELECTED, n) == 0);
    char canonical[512];
    T_CHECK(j, ssi_jcs_canonicalize(U8(jcs_in), jcs_in_len, NULL, OUT(canonical), &n) == SSI_OK);
    T_CHECK(j, n == jcs_want_len && memcmp(canonical, jcs_want, n) == 0);
    /* A success clears this thread's detail. */
    T_CHECK(j, detail_is(""));

    /* Decode on this thread, free on this thread, while others do the same. */
    ssi_interactions *list = NULL;
    T_CHECK(j, ssi_smartid_decode(U8(TWO), strlen(TWO), SSI_FLOW_DEVICE_LINK, NULL, &list) == SSI_OK);
    T_CHECK(j, ssi_interactions_count(list) == 2);
    ssi_interactions_free(list);
    j->rounds++;
  }
  return NULL;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s VECTOR_ROOT\n", argv[0]);
    return 2;
  }
  root = argv[1];
  jcs_in = read_file("jcs-rfc8785/input/weird.json", &jcs_in_len);
  jcs_want = read_file("jcs-rfc8785/output/weird.json", &jcs_want_len);
  pthread_t threads[THREADS];
  job jobs[THREADS];
  CHECK(pthread_barrier_init(&start, NULL, THREADS) == 0);
  for (int i = 0; i < THREADS; i++) {
    jobs[i].index = i;
    jobs[i].failed = 0;
    jobs[i].rounds = 0;
    jobs[i].handle = NULL;
    CHECK_STATUS(ssi_smartid_decode(U8(TWO), strlen(TWO), SSI_FLOW_DEVICE_LINK, NULL, &jobs[i].handle), SSI_OK);
  }
  /* The main thread's own error stays its own while the workers run. */
  char small[1];
  size_t need = 0;
  CHECK_STATUS(ssi_error_name(999999, OUT(small), &need), SSI_ERROR_INVALID_ARGUMENT);
  for (int i = 0; i < THREADS; i++) CHECK(pthread_create(&threads[i], NULL, worker, &jobs[i]) == 0);
  for (int i = 0; i < THREADS; i++) {
    CHECK(pthread_join(threads[i], NULL) == 0);
    checks++;
    if (jobs[i].failed) failures++;
    CHECK(jobs[i].handle == NULL);
    CHECK(jobs[i].rounds == ROUNDS);
  }
  CHECK(detail_is("INVALID_ARGUMENT"));
  pthread_barrier_destroy(&start);
  free(jcs_in);
  free(jcs_want);
  printf("%s: %d checks, %d failed\n", argv[0], checks, failures);
  return failures == 0 ? 0 : 1;
}
