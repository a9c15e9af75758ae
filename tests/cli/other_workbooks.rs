use crate::common::*;

/// The SYT template filled in by other programs: openpyxl (XLSX), LibreOffice (ODS, and XLS,
/// the old binary format). Made once (see the closing note of the session that added them)
/// and kept byte for byte.
#[test]
fn xlsx_from_another_writer_ods_and_xls_read_like_the_template() {
    for f in ["openpyxl.xlsx", "libreoffice.ods", "libreoffice.xls"] {
        let path = fixture(&format!("reports/workbooks/{f}"));
        let (code, v) = check_json(&path);
        assert_eq!(code, 0, "{f}: {v}");
        let r = &v["reports"][0];
        assert_eq!(
            (
                r["agency"].as_str(),
                r["submitted_on"].as_str(),
                r["rows"].as_u64()
            ),
            (Some("SYT"), Some("2021-06-09"), Some(16)),
            "{f}"
        );
    }
    // And their figures consolidate: 16 rows of 1.500.000 đồng typed as text.
    let dir = tempfile::tempdir().unwrap();
    let (_, v) = consolidate_json(&fixture("reports/workbooks/libreoffice.ods"), dir.path());
    assert_eq!(v["totals"]["budget_vnd"], 16 * 1_500_000);
}
