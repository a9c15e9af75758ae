use crate::common::*;
use calamine::{open_workbook, Data, DataType, Reader, Xlsx};

/// The first row holding `cell` (a label, a task id, an agency id beside the agency's name).
fn row_of<'a>(r: &'a calamine::Range<Data>, cell: &str) -> Vec<&'a Data> {
    r.rows()
        .find(|row| row.iter().any(|c| *c == Data::String(cell.into())))
        .unwrap_or_else(|| panic!("no row {cell}"))
        .iter()
        .collect()
}

#[test]
fn workbook_cells_hold_the_figures() {
    let dir = tempfile::tempdir().unwrap();
    let (code, v) = consolidate_json("examples/reports/2021-H1".as_ref(), dir.path());
    assert_eq!(
        code, 1,
        "late/missing agencies and excluded rows are flagged"
    );
    assert_eq!(
        (
            v["expected"].as_u64(),
            v["reported"].as_u64(),
            v["on_time"].as_u64()
        ),
        (Some(25), Some(15), Some(13))
    );
    assert_eq!(
        (v["late"].as_u64(), v["missing"].as_u64()),
        (Some(2), Some(10))
    );
    assert!((v["reporting_rate"].as_f64().unwrap() - 0.6).abs() < 1e-9);
    let book = dir.path().join("ninh-thuan-2021_2021-H1.xlsx");
    let wb: Xlsx<_> = open_workbook(&book).unwrap();
    assert_eq!(
        wb.sheet_names(),
        [
            "Tổng hợp",
            "Theo nhiệm vụ",
            "Theo đơn vị",
            "Chỉ tiêu",
            "Chi tiết",
            "Quá hạn",
            "Bị loại",
            "Cảnh báo và lỗi"
        ]
    );
    // Summary: totals and the female share agree with the JSON.
    let s = sheet(&book, "Tổng hợp");
    let female = v["totals"]["participants_female"].as_f64().unwrap();
    let male = v["totals"]["participants_male"].as_f64().unwrap();
    assert_eq!(row_of(&s, "Số người tham gia nữ")[1], &Data::Float(female));
    assert_eq!(
        row_of(&s, "Kinh phí (đồng)")[1],
        &Data::Float(v["totals"]["budget_vnd"].as_f64().unwrap())
    );
    match row_of(&s, "Tỷ lệ nữ")[1] {
        Data::Float(x) => assert!((x - female / (female + male)).abs() < 1e-12),
        other => panic!("female share is {other:?}"),
    }
    assert_eq!(row_of(&s, "Số đơn vị phải báo cáo")[1], &Data::Float(25.0));
    // By task lists every task of the plan, also those nobody reported on.
    let t = sheet(&book, "Theo nhiệm vụ");
    assert_eq!(t.height(), 1 + 39 + 1, "header, every task, the total row");
    let iv10 = row_of(&t, "IV.10.a");
    assert_eq!(
        iv10[3],
        &Data::Float(2.0),
        "IV.10.a is the radio-TV station's and the newspaper's"
    );
    assert_eq!(row_of(&t, "IV.2.a")[3], &Data::Float(1.0));
    // By agency: a late agency's row.
    let a = sheet(&book, "Theo đơn vị");
    let late = row_of(&a, "SVHTTDL");
    assert_eq!(late[3], &Data::String("trễ hạn".into()));
    assert_eq!(late[5], &Data::Float(5.0));
    assert_eq!(row_of(&a, "STP")[3], &Data::String("chưa nộp".into()));
    assert_eq!(
        a.height(),
        1 + 25 + 1,
        "header, every agency, the total row"
    );
    // Details: every accepted row, with its file and line; the sum matches the totals.
    let d = sheet(&book, "Chi tiết");
    let accepted: u64 = v["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["rows"].as_u64().unwrap())
        .sum();
    assert_eq!(d.height() as u64, 1 + accepted);
    let sum_female: f64 = d.rows().skip(1).filter_map(|r| r[7].get_float()).sum();
    assert_eq!(sum_female, female);
    // Excluded rows are listed, each with its reason.
    let x = sheet(&book, "Bị loại");
    let codes: Vec<String> = x.rows().skip(1).map(|r| r[4].to_string()).collect();
    for c in ["unknown-task", "bad-status", "bad-number", "out-of-range"] {
        assert!(codes.iter().any(|x| x == c), "{c} not in {codes:?}");
    }
    // The file replaced by the agency's supplement is a notice, not an excluded file.
    assert!(!codes.iter().any(|x| x == "superseded"), "{codes:?}");
    assert_eq!(v["excluded"].as_array().unwrap().len(), codes.len());
}

#[test]
fn report_text_is_never_written_as_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    let (_, v) = consolidate_json(&fixture("reports/utf8-bom-comma.csv"), dir.path());
    assert_eq!(v["reported"], 1);
    let d = sheet(&dir.path().join("ninh-thuan-2021_2021-H1.xlsx"), "Chi tiết");
    let note = row_of(&d, "SYT");
    assert!(
        d.rows()
            .any(|r| r[10] == Data::String("=> Đã phát 500 tờ rơi".into())),
        "{note:?}"
    );
    let mut wb: Xlsx<_> = open_workbook(dir.path().join("ninh-thuan-2021_2021-H1.xlsx")).unwrap();
    let formulas = wb.worksheet_formula("Chi tiết").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no formula cells"
    );
}

#[test]
fn same_inputs_give_byte_identical_outputs() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    consolidate_json("examples/reports/2021-H1".as_ref(), a.path());
    consolidate_json("examples/reports/2021-H1".as_ref(), b.path());
    for f in [
        "ninh-thuan-2021_2021-H1.xlsx",
        "ninh-thuan-2021_2021-H1.txt",
    ] {
        assert_eq!(
            std::fs::read(a.path().join(f)).unwrap(),
            std::fs::read(b.path().join(f)).unwrap(),
            "{f} differs"
        );
    }
}

#[test]
fn a_failure_midway_leaves_no_partial_file() {
    // The text report cannot be written (a directory stands in its place): exit 2, and no
    // temporary or half-written file is left behind.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("ninh-thuan-2021_2021-H1.txt")).unwrap();
    let o = consolidate_sample(&[], dir.path()).output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
    // The workbook, if there, is whole.
    if names.iter().any(|n| n.ends_with(".xlsx")) {
        let wb: Xlsx<_> = open_workbook(dir.path().join("ninh-thuan-2021_2021-H1.xlsx")).unwrap();
        assert_eq!(wb.sheet_names().len(), 8);
    }
    // An --out that is a file: exit 2 with a message naming it.
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    bdg()
        .args([
            "consolidate",
            "--plan",
            PLAN,
            "--period",
            "2021-H1",
            "--reports",
            "examples/reports/2021-H1",
            "--out",
        ])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not-a-dir"));
}

#[test]
fn text_report_snapshot_vi_and_en() {
    for (lang, name) in [
        ("vi", "ninh-thuan-2021_2021-H1.txt"),
        ("en", "ninh-thuan-2021_2021-H1_en.txt"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        consolidate_sample(&["-q", "--lang", lang], dir.path())
            .assert()
            .code(1);
        let text = std::fs::read_to_string(dir.path().join(name)).unwrap();
        insta::assert_snapshot!(format!("report_{lang}"), text);
    }
}

#[test]
fn english_workbook_has_english_sheet_names() {
    let dir = tempfile::tempdir().unwrap();
    consolidate_sample(&["-q", "--lang", "en"], dir.path())
        .assert()
        .code(1);
    let wb: Xlsx<_> = open_workbook(dir.path().join("ninh-thuan-2021_2021-H1_en.xlsx")).unwrap();
    assert_eq!(
        wb.sheet_names(),
        [
            "Summary",
            "By task",
            "By agency",
            "Indicators",
            "Details",
            "Overdue",
            "Excluded",
            "Diagnostics"
        ]
    );
}
