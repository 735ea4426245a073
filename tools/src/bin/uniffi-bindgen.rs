//! The uniffi-bindgen command line, at the exact UniFFI version the bindings crate uses.

fn main() {
    uniffi::uniffi_bindgen_main()
}
