//! OpenID4VP authorization requests: whatever parses is written back by `to_uri` to a URI
//! that parses to the same request.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ssi_verify_core::presentation::openid::AuthorizationRequest;
use ssi_verify_core::Limits;

fuzz_target!(|data: &[u8]| {
    let Ok(uri) = std::str::from_utf8(data) else { return };
    let limits = Limits::DEFAULT;
    let Ok(request) = AuthorizationRequest::parse(uri, &limits) else { return };
    let again = request.to_uri();
    match AuthorizationRequest::parse(&again, &limits) {
        Ok(back) if back == request => {}
        Ok(back) => {
            panic!("parse(to_uri(r)) != r\n  in:  {uri:?}\n  out: {again:?}\n  r:    {request:?}\n  back: {back:?}")
        }
        Err(e) => panic!("to_uri output {again:?} does not parse: {e}"),
    }
});
