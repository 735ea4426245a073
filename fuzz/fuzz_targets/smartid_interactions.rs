//! Smart-ID interactions: decode for every flow and the wallet reading never panic, and whatever
//! decodes strictly encodes back to text that decodes to the same list.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ssi_verify_core::smartid::{decode, encode, read, Flow, Interaction, InteractionList, Reading};
use ssi_verify_core::Limits;

const FLOWS: [Flow; 3] = [Flow::DeviceLink, Flow::Notification, Flow::LinkedNotification];

fn borrowed(list: &InteractionList) -> Vec<Interaction<'_>> {
    list.items.iter().map(|i| i.as_interaction()).collect()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let limits = Limits::DEFAULT;
    for flow in FLOWS {
        let Ok(list) = decode(text, flow, &limits) else { continue };
        if list.base64 != text {
            panic!("decode({flow:?}) did not keep the received Base64");
        }
        if list.skipped != 0 {
            panic!("the strict reading skipped {} entries", list.skipped);
        }
        let again = match encode(&borrowed(&list), Reading::Strict(flow)) {
            Ok(b64) => b64,
            Err(e) => panic!("encode refused what decode({flow:?}) accepted: {e}"),
        };
        match decode(&again, flow, &limits) {
            Ok(back) if back.items == list.items => {}
            Ok(back) => panic!("round trip changed the list: {:?} -> {:?}", list.items, back.items),
            Err(e) => panic!("decode refused encode's output {again:?}: {e}"),
        }
    }
    let strict_any = read(text, Reading::AnyFlow, &limits);
    if let Ok(wallet) = read(text, Reading::Wallet, &limits) {
        // The wallet reading is the strict one plus skipping unknown types, so whatever the
        // flow-free strict reading accepts the wallet reads identically.
        if let Ok(strict) = &strict_any {
            if strict.items != wallet.items || wallet.skipped != 0 {
                panic!("wallet and strict readings disagree on an accepted list");
            }
        }
    } else if strict_any.is_ok() {
        panic!("the wallet reading refused a list the strict reading accepts");
    }
});
