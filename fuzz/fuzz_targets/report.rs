#![no_main]
//! The report reader on any bytes: rows and diagnostics, never a panic.
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static PLAN: LazyLock<bdg::plan::Plan> = LazyLock::new(|| {
    bdg::plan::parse(include_str!("../../plans/ninh-thuan-2021.yaml"), concat!(env!("CARGO_MANIFEST_DIR"), "/../plans/ninh-thuan-2021.yaml")).expect("valid").0
});

fuzz_target!(|data: &[u8]| {
    let r = bdg::report::read(data, "fuzz.csv", &PLAN, &Default::default());
    assert!(r.accepted <= r.data_rows);
});
