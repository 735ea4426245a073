//! Smart-ID: strict interactions decoding on the zero-heap path, and the device link / authCode.
use super::{heap, Failure};
use ssi_verify_core::smartid::{
    decode_in, device_link, scratch_len, DeviceLinkRequest, DeviceLinkType, Flow, InteractionType, SessionType,
};
use ssi_verify_core::Limits;

/// The official RP API v3 interactions example: confirmationMessage, then displayTextAndPIN.
const INTERACTIONS: &str = "W3sidHlwZSI6ImNvbmZpcm1hdGlvbk1lc3NhZ2UiLCJkaXNwbGF5VGV4dDIwMCI6IkxvbmdlciBkZXNjcmlwdGlvbiBvZiB0aGUgdHJhbnNhY3Rpb24gY29udGV4dCJ9LHsidHlwZSI6ImRpc3BsYXlUZXh0QW5kUElOIiwiZGlzcGxheVRleHQ2MCI6IlNob3J0IGRlc2NyaXB0aW9uIG9mIHRoZSB0cmFuc2FjdGlvbiBjb250ZXh0In1d";

const EXPECTED_INTERACTIONS: [(InteractionType, &str); 2] = [
    (InteractionType::ConfirmationMessage, "Longer description of the transaction context"),
    (InteractionType::DisplayTextAndPin, "Short description of the transaction context"),
];

/// The official QR / certificate-choice device link vector.
const DEVICE_LINK_REQUEST: DeviceLinkRequest<'static> = DeviceLinkRequest {
    scheme_name: "smart-id",
    device_link_base: "https://smart-id.com/device-link",
    link_type: DeviceLinkType::Qr,
    session_type: SessionType::Cert,
    session_token: "wGIrqveE6AuGDATZKmR1mtAZ",
    session_secret: "B98ODiVCebRedSwdTk51zFSaGYyHtY1H2A0ocAi3/Ps=",
    rp_challenge: None,
    digest: None,
    relying_party_name: "DEMO",
    brokered_rp_name: Some("Example RP"),
    interactions: None,
    initial_callback_url: None,
    lang: Some("eng"),
    elapsed_seconds: Some(22),
};

const EXPECTED_AUTH_CODE: &str = "T5pDDPAjoMS0byqS-FoaWVjlubODXoCCF4XDB4HeYNo";

const EXPECTED_DEVICE_LINK: &str = "https://smart-id.com/device-link?deviceLinkType=QR&elapsedSeconds=22&sessionToken=wGIrqveE6AuGDATZKmR1mtAZ&sessionType=cert&version=1.0&lang=eng&authCode=T5pDDPAjoMS0byqS-FoaWVjlubODXoCCF4XDB4HeYNo";

/// Strict device-link decoding with the zero-heap API; returns the number of interactions.
pub(crate) fn check_interactions() -> Result<usize, Failure> {
    let mut scratch = [0u8; scratch_len(INTERACTIONS.len())];
    let allocations_before = heap::STATS.allocations();
    let list = decode_in(INTERACTIONS, Flow::DeviceLink, &Limits::DEFAULT, &mut scratch)?;
    if heap::STATS.allocations() != allocations_before {
        return Err(Failure::Mismatch("decode_in allocated on the heap"));
    }
    if list.base64() != INTERACTIONS {
        return Err(Failure::Mismatch("decode_in did not keep the Base64 text as received"));
    }
    let items = list.as_slice();
    if items.len() != EXPECTED_INTERACTIONS.len() {
        return Err(Failure::Mismatch("wrong number of interactions"));
    }
    for (got, (kind, text)) in items.iter().zip(EXPECTED_INTERACTIONS) {
        if got.kind != kind {
            return Err(Failure::Mismatch("wrong interaction type"));
        }
        if got.text != text {
            return Err(Failure::Mismatch("wrong interaction text"));
        }
    }
    Ok(items.len())
}

/// The QR certificate-choice device link; returns its authCode.
pub(crate) fn check_device_link() -> Result<alloc::string::String, Failure> {
    let link = device_link(&DEVICE_LINK_REQUEST)?;
    if link.auth_code != EXPECTED_AUTH_CODE {
        return Err(Failure::Mismatch("wrong authCode"));
    }
    if link.device_link != EXPECTED_DEVICE_LINK {
        return Err(Failure::Mismatch("wrong device link"));
    }
    Ok(link.auth_code)
}

#[inline(never)]
fn decode() -> bool {
    check_interactions().is_ok()
}

#[inline(never)]
fn link() -> bool {
    check_device_link().is_ok()
}

pub(crate) const ENTRIES: &[super::Entry] =
    &[("smartid::decode_in", decode, 8), ("smartid::device_link (authCode)", link, 8)];
