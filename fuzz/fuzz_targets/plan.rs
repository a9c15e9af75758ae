#![no_main]
//! The plan loader on any text: a plan or located diagnostics, never a panic.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(diags) = bdg::plan::parse(text, "fuzz.yaml") {
            assert!(diags.iter().any(|d| d.is_error()));
        }
    }
});
