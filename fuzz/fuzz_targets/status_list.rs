//! Status-list inflation: any bytes, as a GZIP member behind Base64URL (StatusList2021) or
//! multibase (BitstringStatusList), either decode within the bound or are refused with a code;
//! a status read from a decoded list is within `statusSize` bits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ssi_verify_core::codec::base64url_encode;
use ssi_verify_core::presentation::status::{decode_status_list, read_status};
use ssi_verify_core::Limits;

const BOUND: usize = 64 * 1024;

fuzz_target!(|data: &[u8]| {
    let limits = Limits { max_status_list_bytes: BOUND, ..Limits::DEFAULT };
    let Some((head, body)) = data.split_first_chunk::<5>() else { return };
    let encoded = base64url_encode(body);
    let multibase = head[4] & 1 == 1;
    let text = if multibase { format!("u{encoded}") } else { encoded };
    match decode_status_list(&text, multibase, &limits) {
        Ok(bits) => {
            assert!(bits.len() <= BOUND, "inflated {} bytes past the bound", bits.len());
            let index = u64::from(u32::from_le_bytes([head[0], head[1], head[2], head[3]]));
            let size = u32::from(head[4] >> 1) % 33;
            if let Ok(value) = read_status(&bits, index, size) {
                assert!(size >= 1 && (size == 32 || value < (1u64 << size)), "value {value} wider than {size} bits");
            }
        }
        Err(e) => assert!(!e.code().name().is_empty()),
    }
    // The raw text too (not Base64URL of anything in general).
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = decode_status_list(s, true, &limits);
        let _ = decode_status_list(s, false, &limits);
    }
});
