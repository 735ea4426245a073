/*
 * Smart-ID through the C header, compiled both as C11 and as C++17 and run under
 * AddressSanitizer + UndefinedBehaviorSanitizer (see tests/c/run.sh).
 *
 * Usage: smartid_test VECTOR_ROOT   (tests/vectors)
 */
#include "check.h"


static const char *TWO =
    "W3sidHlwZSI6ImNvbmZpcm1hdGlvbk1lc3NhZ2UiLCJkaXNwbGF5VGV4dDIwMCI6IkxvbmdlciBkZXNjcmlwdGlvbiBvZiB0aGUgdHJhbnNh"
    "Y3Rpb24gY29udGV4dCJ9LHsidHlwZSI6ImRpc3BsYXlUZXh0QW5kUElOIiwiZGlzcGxheVRleHQ2MCI6IlNob3J0IGRlc2NyaXB0aW9uIG9m"
    "IHRoZSB0cmFuc2FjdGlvbiBjb250ZXh0In1d";

static const char *VC_CHOICE =
    "W3sidHlwZSI6ImNvbmZpcm1hdGlvbk1lc3NhZ2VBbmRWZXJpZmljYXRpb25Db2RlQ2hvaWNlIiwiZGlzcGxheVRleHQyMDAiOiJUcmFuc2Zl"
    "ciAxMDAwXHUyMGFjIHRvIEphbmUgRG9lIEdCMzNCVUtCMjAyMDE1NTU1NTU1NTUifV0=";


static ssi_str S(const char *s) {
  ssi_str r;
  r.ptr = U8(s);
  r.len = s ? strlen(s) : 0;
  return r;
}

static void test_decode(void) {
  ssi_interactions *list = NULL;
  CHECK_STATUS(ssi_smartid_decode(U8(TWO), strlen(TWO), SSI_FLOW_DEVICE_LINK, NULL, &list), SSI_OK);
  CHECK(list != NULL);
  CHECK(ssi_interactions_count(list) == 2);
  uint32_t type = 0;
  const uint8_t *text = NULL;
  size_t text_len = 0;
  CHECK_STATUS(ssi_interactions_get(list, 1, &type, &text, &text_len), SSI_OK);
  CHECK(type == SSI_INTERACTION_TYPE_DISPLAY_TEXT_AND_PIN);
  CHECK(text_len == strlen("Short description of the transaction context"));
  CHECK(memcmp(text, "Short description of the transaction context", text_len) == 0);
  CHECK_STATUS(ssi_interactions_get(list, 2, &type, &text, &text_len), SSI_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(ssi_interactions_get(list, 0, NULL, &text, &text_len), SSI_ERROR_NULL_POINTER);
  const uint8_t *b64 = NULL;
  size_t b64_len = 0;
  CHECK_STATUS(ssi_interactions_base64(list, &b64, &b64_len), SSI_OK);
  CHECK(b64_len == strlen(TWO) && memcmp(b64, TWO, b64_len) == 0);
  ssi_interactions_free(list);
  ssi_interactions_free(NULL);
  CHECK(ssi_interactions_count(NULL) == 0);

  /* The verification-code choice is a notification-only type. */
  list = NULL;
  CHECK_STATUS(ssi_smartid_decode(U8(VC_CHOICE), strlen(VC_CHOICE), SSI_FLOW_DEVICE_LINK, NULL, &list),
               SSI_ERROR_TYPE_NOT_ALLOWED_FOR_FLOW);
  CHECK(list == NULL); /* outputs are written only on success */
  char detail[256];
  size_t n = 0;
  CHECK_STATUS(ssi_last_error_detail((uint8_t *)detail, sizeof detail, &n), SSI_OK);
  CHECK(strstr(detail, "TYPE_NOT_ALLOWED_FOR_FLOW") != NULL);
  CHECK_STATUS(ssi_smartid_decode(U8(VC_CHOICE), strlen(VC_CHOICE), SSI_FLOW_NOTIFICATION, NULL, &list), SSI_OK);
  CHECK_STATUS(ssi_interactions_get(list, 0, &type, &text, &text_len), SSI_OK);
  /* \u20ac arrives unescaped as UTF-8 (3 bytes). */
  CHECK(text_len == strlen("Transfer 1000\xe2\x82\xac to Jane Doe GB33BUKB20201555555555"));
  ssi_interactions_free(list);

  /* Hostile calls: NULL pointers, zero lengths, invalid UTF-8, bad enum values. */
  CHECK_STATUS(ssi_smartid_decode(NULL, 5, SSI_FLOW_DEVICE_LINK, NULL, &list), SSI_ERROR_NULL_POINTER);
  CHECK_STATUS(ssi_smartid_decode(NULL, 0, SSI_FLOW_DEVICE_LINK, NULL, &list), SSI_ERROR_INVALID_BASE64);
  CHECK_STATUS(ssi_smartid_decode(U8(TWO), strlen(TWO), SSI_FLOW_DEVICE_LINK, NULL, NULL), SSI_ERROR_NULL_POINTER);
  CHECK_STATUS(ssi_smartid_decode(U8("\xff\xfe"), 2, SSI_FLOW_DEVICE_LINK, NULL, &list), SSI_ERROR_INVALID_UTF8);
  CHECK_STATUS(ssi_smartid_decode(U8(TWO), strlen(TWO), 99, NULL, &list), SSI_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(ssi_smartid_decode(U8(TWO), strlen(TWO), SSI_FLOW_ANY, NULL, &list), SSI_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(ssi_smartid_decode(U8("AAAA"), 4, SSI_FLOW_DEVICE_LINK, NULL, &list), SSI_ERROR_INVALID_JSON);
  CHECK_STATUS(ssi_smartid_decode(U8(TWO), strlen(TWO) - 1, SSI_FLOW_DEVICE_LINK, NULL, &list), SSI_ERROR_INVALID_BASE64);

  /* Tightened limits are honoured. */
  ssi_limits limits;
  CHECK_STATUS(ssi_limits_default(&limits), SSI_OK);
  CHECK(limits.max_depth == 64);
  limits.max_input_bytes = 16;
  CHECK_STATUS(ssi_smartid_decode(U8(TWO), strlen(TWO), SSI_FLOW_DEVICE_LINK, &limits, &list), SSI_ERROR_INPUT_TOO_LARGE);
  CHECK_STATUS(ssi_limits_default(NULL), SSI_ERROR_NULL_POINTER);
#ifndef __cplusplus
  /* The header's C99 initializer is the core's Limits::DEFAULT, as ssi_limits_default writes. */
  ssi_limits from_macro = ssi_limits_DEFAULT;
  CHECK_STATUS(ssi_limits_default(&limits), SSI_OK);
  CHECK(memcmp(&from_macro, &limits, sizeof limits) == 0);
#endif
}

static void test_validate_zero_heap(void) {
  uint8_t scratch[512];
  CHECK_STATUS(ssi_smartid_validate(U8(TWO), strlen(TWO), SSI_FLOW_NOTIFICATION, NULL, scratch, sizeof scratch), SSI_OK);
  CHECK_STATUS(ssi_smartid_validate(U8(TWO), strlen(TWO), SSI_FLOW_NOTIFICATION, NULL, scratch, 10),
               SSI_ERROR_BUFFER_TOO_SMALL);
  CHECK_STATUS(ssi_smartid_validate(U8(TWO), strlen(TWO), SSI_FLOW_NOTIFICATION, NULL, NULL, 0), SSI_ERROR_NULL_POINTER);
  CHECK_STATUS(ssi_smartid_validate(U8(VC_CHOICE), strlen(VC_CHOICE), SSI_FLOW_LINKED_NOTIFICATION, NULL, scratch,
                                    sizeof scratch),
               SSI_ERROR_TYPE_NOT_ALLOWED_FOR_FLOW);
}

static void test_select_and_encode(void) {
  uint32_t supported[] = {SSI_INTERACTION_TYPE_DISPLAY_TEXT_AND_PIN};
  uint32_t type = 0;
  char text[128];
  size_t len = 0;
  CHECK_STATUS(ssi_smartid_select(U8(TWO), strlen(TWO), supported, 1, NULL, &type, (uint8_t *)text, sizeof text, &len),
               SSI_OK);
  CHECK(type == SSI_INTERACTION_TYPE_DISPLAY_TEXT_AND_PIN);
  CHECK(strcmp(text, "Short description of the transaction context") == 0);
  CHECK(len == strlen(text));

  /* Too small: the needed size (with NUL) is reported and nothing else is written. */
  uint32_t untouched = 12345;
  char tiny[4] = {'x', 'x', 'x', 'x'};
  CHECK_STATUS(ssi_smartid_select(U8(TWO), strlen(TWO), supported, 1, NULL, &untouched, (uint8_t *)tiny, sizeof tiny, &len),
               SSI_ERROR_BUFFER_TOO_SMALL);
  CHECK(len == strlen("Short description of the transaction context") + 1);
  CHECK(untouched == 12345 && tiny[0] == 'x');

  CHECK_STATUS(ssi_smartid_select(U8(TWO), strlen(TWO), NULL, 0, NULL, &type, (uint8_t *)text, sizeof text, &len),
               SSI_ERROR_REQUIRED_INTERACTION_NOT_SUPPORTED_BY_APP);
  CHECK_STATUS(ssi_smartid_select(U8(TWO), strlen(TWO), NULL, 3, NULL, &type, (uint8_t *)text, sizeof text, &len),
               SSI_ERROR_NULL_POINTER);
  uint32_t bogus[] = {77};
  CHECK_STATUS(ssi_smartid_select(U8(TWO), strlen(TWO), bogus, 1, NULL, &type, (uint8_t *)text, sizeof text, &len),
               SSI_ERROR_INVALID_ARGUMENT);

  const char *json = "[ {\"type\": \"displayTextAndPIN\", \"displayText60\": \"Log in to mobile banking app\"} ]";
  char out[256];
  CHECK_STATUS(ssi_smartid_encode(U8(json), strlen(json), SSI_FLOW_ANY, NULL, (uint8_t *)out, sizeof out, &len), SSI_OK);
  CHECK(strcmp(out, "W3sidHlwZSI6ImRpc3BsYXlUZXh0QW5kUElOIiwiZGlzcGxheVRleHQ2MCI6IkxvZyBpbiB0byBtb2JpbGUgYmFua2luZyBhcHAifV0=") == 0);
  CHECK_STATUS(ssi_smartid_encode(U8("[]"), 2, SSI_FLOW_ANY, NULL, (uint8_t *)out, sizeof out, &len), SSI_ERROR_EMPTY_INTERACTIONS);
  CHECK_STATUS(ssi_smartid_encode(U8(json), strlen(json), SSI_FLOW_ANY, NULL, (uint8_t *)out, sizeof out, NULL),
               SSI_ERROR_NULL_POINTER);
}

static void test_device_link(void) {
  ssi_device_link_request req;
  memset(&req, 0, sizeof req);
  req.scheme_name = S("smart-id");
  req.device_link_base = S("https://smart-id.com/device-link");
  req.link_type = SSI_DEVICE_LINK_TYPE_WEB2APP;
  req.session_type = SSI_SESSION_TYPE_AUTH;
  req.session_token = S("wGIrqveE6AuGDATZKmR1mtAZ");
  req.session_secret = S("B98ODiVCebRedSwdTk51zFSaGYyHtY1H2A0ocAi3/Ps=");
  req.rp_challenge = S("GYS+yoah6emAcVDNIajwSs6UB/M95XrDxMzXBUkwQJ9YFDipXXzGpPc7raWcuc2+TEoRc7WvIZ/7dU/iRXenYg==");
  req.relying_party_name = S("DEMO");
  req.brokered_rp_name = S("Example RP");
  req.interactions = S(TWO);
  req.initial_callback_url = S("https://rp.example.com/callback-url?value=RrKjjT4aggzu27YBddX1bQ");
  req.elapsed_seconds = -1;
  char link[512], code[64];
  size_t link_len = 0, code_len = 0;
  CHECK_STATUS(ssi_smartid_device_link(&req, (uint8_t *)link, sizeof link, &link_len, (uint8_t *)code, sizeof code, &code_len),
               SSI_OK);
  CHECK(strcmp(code, "aegUh6gCKkXBJhhvtJqSTWB5_2W8TDQt5eZ7db6krv0") == 0);
  CHECK(strcmp(link, "https://smart-id.com/device-link?deviceLinkType=Web2App&sessionToken=wGIrqveE6AuGDATZKmR1mtAZ"
                     "&sessionType=auth&version=1.0&lang=eng&authCode=aegUh6gCKkXBJhhvtJqSTWB5_2W8TDQt5eZ7db6krv0") == 0);

  /* QR certificate-choice: no challenge, no interactions, no callback, elapsedSeconds 22. */
  ssi_device_link_request cert = req;
  cert.link_type = SSI_DEVICE_LINK_TYPE_QR;
  cert.session_type = SSI_SESSION_TYPE_CERT;
  cert.rp_challenge = S("");
  cert.interactions = S(NULL);
  cert.initial_callback_url = S(NULL);
  cert.elapsed_seconds = 22;
  CHECK_STATUS(ssi_smartid_device_link(&cert, (uint8_t *)link, sizeof link, &link_len, (uint8_t *)code, sizeof code, &code_len),
               SSI_OK);
  CHECK(strcmp(code, "T5pDDPAjoMS0byqS-FoaWVjlubODXoCCF4XDB4HeYNo") == 0);

  ssi_device_link_request bad = req;
  bad.initial_callback_url = S(NULL);
  CHECK_STATUS(ssi_smartid_device_link(&bad, (uint8_t *)link, sizeof link, &link_len, (uint8_t *)code, sizeof code, &code_len),
               SSI_ERROR_MISSING_FIELD);
  bad = req;
  bad.link_type = 0;
  CHECK_STATUS(ssi_smartid_device_link(&bad, (uint8_t *)link, sizeof link, &link_len, (uint8_t *)code, sizeof code, &code_len),
               SSI_ERROR_INVALID_ARGUMENT);
  bad = req;
  bad.session_token.ptr = NULL; /* length stays non-zero: a lie the library must catch */
  CHECK_STATUS(ssi_smartid_device_link(&bad, (uint8_t *)link, sizeof link, &link_len, (uint8_t *)code, sizeof code, &code_len),
               SSI_ERROR_NULL_POINTER);
  CHECK_STATUS(ssi_smartid_device_link(&req, (uint8_t *)link, 10, &link_len, (uint8_t *)code, sizeof code, &code_len),
               SSI_ERROR_BUFFER_TOO_SMALL);
  CHECK(link_len > 10);
  CHECK_STATUS(ssi_smartid_device_link(&req, (uint8_t *)link, sizeof link, &link_len, (uint8_t *)code, 10, &code_len),
               SSI_ERROR_BUFFER_TOO_SMALL);
  CHECK(code_len == 44);
  CHECK_STATUS(ssi_smartid_device_link(NULL, (uint8_t *)link, sizeof link, &link_len, (uint8_t *)code, sizeof code, &code_len),
               SSI_ERROR_NULL_POINTER);
}

static void test_auth_session(void) {
  size_t status_len = 0;
  char *status = read_file("smartid/vatsake_auth_notification_session-response.json", &status_len);
  uint32_t flows[] = {SSI_FLOW_TYPE_NOTIFICATION};
  ssi_auth_request req;
  memset(&req, 0, sizeof req);
  req.scheme_name = S("smart-id-demo");
  req.rp_challenge = S("q1miCUX2v3RAQSycBUWdJrRtG6GR1z55c2oIAdjynk3IIquT4CfoSzcdzbLQDL9eTDojGpy+8QKS1jgWzTB58g==");
  req.relying_party_name = S("DEMO");
  req.interactions = S("W3siZGlzcGxheVRleHQ2MCI6IkhlbGxvIHdvcmxkIiwidHlwZSI6ImRpc3BsYXlUZXh0QW5kUElOIn1d");
  req.offered_flows = flows;
  req.offered_flows_len = 1;
  ssi_verdict verdict;
  verdict.valid = false;
  verdict.reason = 1;
  CHECK_STATUS(ssi_smartid_verify_auth_session(&req, U8(status), status_len, NULL, &verdict), SSI_OK);
  CHECK(verdict.valid && verdict.reason == 0);

  ssi_auth_request other = req;
  other.scheme_name = S("smart-id");
  CHECK_STATUS(ssi_smartid_verify_auth_session(&other, U8(status), status_len, NULL, &verdict), SSI_OK);
  CHECK(!verdict.valid && verdict.reason == SSI_ERROR_SIGNATURE_MISMATCH);

  uint32_t qr[] = {SSI_FLOW_TYPE_QR};
  other = req;
  other.offered_flows = qr;
  CHECK_STATUS(ssi_smartid_verify_auth_session(&other, U8(status), status_len, NULL, &verdict), SSI_OK);
  CHECK(!verdict.valid && verdict.reason == SSI_ERROR_FLOW_TYPE_NOT_OFFERED);

  /* Truncated JSON cannot be checked: an error, not a verdict. */
  CHECK_STATUS(ssi_smartid_verify_auth_session(&req, U8(status), status_len / 2, NULL, &verdict), SSI_ERROR_INVALID_JSON);
  CHECK_STATUS(ssi_smartid_verify_auth_session(&req, U8(status), status_len, NULL, NULL), SSI_ERROR_NULL_POINTER);
  other = req;
  other.offered_flows_len = 9;
  CHECK_STATUS(ssi_smartid_verify_auth_session(&other, U8(status), status_len, NULL, &verdict), SSI_ERROR_INVALID_ARGUMENT);
  free(status);

  size_t pk_len = 0;
  char *pkcs1 = read_file("smartid/vatsake_auth_notification_session-response-pkcs1.json", &pk_len);
  req.rp_challenge = S("minitaAEJHkuOLUpZ4DawKQJnBH0pQiT3Xtqys3KPHKwANmilKp/B/KruVWU3EwLnTtwE13CAHJlwwwkEERVfw==");
  CHECK_STATUS(ssi_smartid_verify_auth_session(&req, U8(pkcs1), pk_len, NULL, &verdict), SSI_OK);
  CHECK(verdict.valid);
  free(pkcs1);
}

static void test_callbacks_and_codes(void) {
  char vc[8];
  size_t len = 0;
  const char *challenge = "GYS+yoah6emAcVDNIajwSs6UB/M95XrDxMzXBUkwQJ9YFDipXXzGpPc7raWcuc2+TEoRc7WvIZ/7dU/iRXenYg==";
  CHECK_STATUS(ssi_smartid_verification_code(U8(challenge), strlen(challenge), (uint8_t *)vc, sizeof vc, &len), SSI_OK);
  CHECK(strcmp(vc, "7180") == 0 && len == 4);
  ssi_verdict v;
  const char *secret = "B98ODiVCebRedSwdTk51zFSaGYyHtY1H2A0ocAi3/Ps=";
  const char *digest = "U4CKK13H1XFiyBofev9asqrzIrY5_Gszi_nL_zDKkBc";
  CHECK_STATUS(ssi_smartid_verify_session_secret_digest(U8(secret), strlen(secret), U8(digest), strlen(digest), &v), SSI_OK);
  CHECK(v.valid);
  CHECK_STATUS(ssi_smartid_verify_session_secret_digest(U8(secret), strlen(secret), U8(digest), 5, &v), SSI_OK);
  CHECK(!v.valid && v.reason == SSI_ERROR_VALUE_MISMATCH);
  const char *verifier = "XtPfaGa8JnGtYrJjboooUf0KfY9sMEHrWFpSQrsUv9c";
  const char *uc = "GnsWXXEjTCKR89fj9uo5u5ReBZ9JR7_pezLAI5jMS00";
  CHECK_STATUS(ssi_smartid_verify_user_challenge(U8(verifier), strlen(verifier), U8(uc), strlen(uc), &v), SSI_OK);
  CHECK(v.valid);
}

static void test_errors(void) {
  char buf[128];
  size_t len = 0;
  CHECK_STATUS(ssi_error_name(SSI_ERROR_DISPLAY_TEXT_TOO_LONG, (uint8_t *)buf, sizeof buf, &len), SSI_OK);
  CHECK(strcmp(buf, "DISPLAY_TEXT_TOO_LONG") == 0);
  CHECK_STATUS(ssi_error_message(SSI_ERROR_INVALID_BASE64, (uint8_t *)buf, sizeof buf, &len), SSI_OK);
  CHECK(len > 0);
  CHECK_STATUS(ssi_error_name(0, (uint8_t *)buf, sizeof buf, &len), SSI_ERROR_INVALID_ARGUMENT);
  CHECK_STATUS(ssi_error_name(SSI_ERROR_PANIC, NULL, 0, &len), SSI_ERROR_BUFFER_TOO_SMALL);
  CHECK(len == strlen("PANIC") + 1);
  CHECK(strlen(ssi_version()) > 0);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s VECTOR_ROOT\n", argv[0]);
    return 2;
  }
  root = argv[1];
  test_decode();
  test_validate_zero_heap();
  test_select_and_encode();
  test_device_link();
  test_auth_session();
  test_callbacks_and_codes();
  test_errors();
  printf("%s: %d checks, %d failed\n", argv[0], checks, failures);
  return failures == 0 ? 0 : 1;
}
