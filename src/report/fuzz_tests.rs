//! Hostile and broken input: whatever the bytes, the reader answers with rows and
//! diagnostics, never a panic. `PROPTEST_CASES=100000 cargo test --release fuzz_` runs these
//! long by hand; `fuzz/` has the cargo-fuzz targets, and every input saved in `fuzz/corpus/`
//! is replayed here.

use super::*;
use crate::plan::Plan;
use proptest::prelude::*;

fn plan() -> Plan {
    crate::plan::parse(
        include_str!("../../plans/ninh-thuan-2021.yaml"),
        concat!(env!("CARGO_MANIFEST_DIR"), "/plans/ninh-thuan-2021.yaml"),
    )
    .unwrap()
    .0
}

const SEED: &[u8] = include_bytes!("../../tests/fixtures/reports/utf8-bom-comma.csv");

proptest! {
    #[test]
    fn fuzz_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let p = plan();
        let r = read(&bytes, "f.csv", &p, &ReadOptions::default());
        prop_assert!(r.accepted <= r.data_rows);
    }

    #[test]
    fn fuzz_mutated_reports(edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..16),
                            cut in any::<usize>()) {
        // A real report with some bytes changed and its end cut off.
        let mut bytes = SEED.to_vec();
        for (at, b) in edits {
            let i = at % bytes.len();
            bytes[i] = b;
        }
        bytes.truncate(cut % (bytes.len() + 1));
        let p = plan();
        let r = read(&bytes, "f.csv", &p, &ReadOptions::default());
        prop_assert!(r.accepted <= r.data_rows);
        for d in &r.diagnostics {
            prop_assert!(!d.message(crate::lang::Lang::Vi).is_empty() && !d.message(crate::lang::Lang::En).is_empty());
        }
    }

    #[test]
    fn fuzz_text_tables(cells in proptest::collection::vec("[a-zA-Z0-9 ,;\t\"\r\n.%/đĐơƠ-]{0,12}", 0..80)) {
        let text = format!("Đơn vị,Kỳ báo cáo,Ngày báo cáo,Mã nhiệm vụ,Tình trạng,Ghi chú\n{}", cells.join(","));
        let p = plan();
        let _ = read(text.as_bytes(), "f.csv", &p, &ReadOptions::default());
    }

    #[test]
    fn fuzz_workbook_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        // A zip header and garbage: the workbook reader must fail politely.
        let mut b = b"PK\x03\x04".to_vec();
        b.extend(bytes);
        let p = plan();
        let r = read(&b, "f.xlsx", &p, &ReadOptions::default());
        prop_assert!(!r.usable());
    }
}

#[test]
fn replay_the_saved_fuzz_corpus() {
    let p = plan();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/report");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let bytes = std::fs::read(e.path()).unwrap();
        let _ = read(&bytes, "corpus", &p, &ReadOptions::default());
        n += 1;
    }
    assert!(n > 0, "the corpus in {} is empty", dir.display());
}
