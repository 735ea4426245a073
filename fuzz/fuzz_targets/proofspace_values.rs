//! ProofSpace typed values: for every attribute type, an accepted wire value is written back
//! unchanged (`cast(t, w)?.to_wire() == w`, the law values.rs documents), and casting that wire
//! again gives the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ssi_verify_core::proofspace::values::{cast, AttributeType, EnumValue};

fuzz_target!(|data: &[u8]| {
    let Ok(wire) = std::str::from_utf8(data) else { return };
    let schema = [EnumValue { name: "zero".into(), value: 0 }, EnumValue { name: "seven".into(), value: 7 }];
    for ty in AttributeType::ALL {
        for enums in [None, Some(&schema[..])] {
            let Ok(v) = cast(ty, wire, enums) else { continue };
            if v.kind() != ty {
                panic!("cast({ty:?}) gave a {:?}", v.kind());
            }
            let back = v.to_wire();
            if back != wire {
                panic!("to_wire(cast({ty:?}, {wire:?})) = {back:?}");
            }
            match cast(ty, &back, enums) {
                Ok(again) if again == v => {}
                other => panic!("cast(to_wire(v)) != v for {ty:?} {wire:?}: {other:?}"),
            }
        }
    }
});
