//! Indicators in what bdg writes and reads back (issue 14): the consolidated workbook's sheet,
//! the report's part, the templates, and filled-in workbooks and companion files.

use crate::common::*;
use crate::indicators::{by_id, consolidate_indicators, MINI};
use std::path::Path;

/// Consolidates the mini plan's indicator fixtures into `out`: the exit code.
fn consolidate_mini(out: &Path) -> i32 {
    consolidate_indicators(&root().join(MINI), &fixture("indicators/reports"), out).0
}

#[test]
fn the_workbook_sheet_reads_back_with_its_figures_and_colours() {
    use calamine::Data;
    let out = tempfile::tempdir().unwrap();
    assert_eq!(consolidate_mini(out.path()), 0);
    let path = out.path().join("mini-ind_2021-H1.xlsx");
    let s = sheet(&path, "Chỉ tiêu");
    let row = |id: &str| -> Vec<Data> {
        s.rows()
            .find(|r| r[0] == Data::String(id.into()))
            .unwrap_or_else(|| panic!("no row {id}"))
            .to_vec()
    };
    // Id, name, unit, numerator, denominator, value, reporters, reporters asked, direction,
    // target, year, result, distance.
    let r1 = row("R1");
    assert_eq!(r1[3], Data::Float(18.0));
    assert_eq!(r1[4], Data::Float(60.0));
    assert_eq!(r1[5], Data::Float(30.0));
    assert_eq!(r1[6], Data::Float(2.0));
    assert_eq!(r1[9], Data::Float(60.0));
    assert_eq!(r1[10], Data::String("2025".into()));
    // 30 % of a 60 % target due in 2025, in a 2021 plan: on its way (`verdicts.rs`).
    assert_eq!(r1[11], Data::String("Chưa đạt mốc 2025".into()));
    assert_eq!(r1[12], Data::Float(-30.0));
    assert_eq!(row("C1")[5], Data::Float(55.0));
    assert_eq!(row("C1")[11], Data::String("Đạt".into()));
    assert_eq!(row("V1")[5], Data::Float(108.5));
    assert_eq!(row("V1")[11], Data::String("Đạt".into()));
    // Who was asked, beside who gave a figure.
    let json = consolidate_indicators(
        &root().join(MINI),
        &fixture("indicators/reports"),
        out.path(),
    )
    .1;
    for id in ["R1", "C1", "V1"] {
        let expected = by_id(&json, id)["reporters_expected"].as_f64().unwrap();
        assert_eq!(row(id)[7], Data::Float(expected), "{id}");
    }
    // The result cells are filled: green when achieved, amber on the way (red when not
    // achieved: `verdicts.rs` reads each cell's fill).
    let styles = part(&path, "xl/styles.xml");
    assert!(
        styles.contains("C6EFCE") && styles.contains("FFEB9C"),
        "{styles}"
    );
}

#[test]
fn the_report_has_a_part_on_indicators_with_its_table() {
    let out = tempfile::tempdir().unwrap();
    consolidate_mini(out.path());
    let txt = std::fs::read_to_string(out.path().join("mini-ind_2021-H1.txt")).unwrap();
    let part = txt
        .split("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
        .nth(1)
        .expect("the part")
        .split("\nIV. ")
        .next()
        .unwrap();
    let row_of = |id: &str| {
        part.lines()
            .find(|l| l.contains(&format!("| {id} ")))
            .unwrap_or_else(|| panic!("no row {id}: {part}"))
            .split('|')
            .map(str::trim)
            .collect::<Vec<_>>()
    };
    // "Chưa đạt mốc 2025" wraps between its words, over the row's first two lines (where is
    // the table's widths' to decide).
    assert_eq!(row_of("R1")[3..5], ["30", "≥ 60 (2025)"]);
    let second = (part.lines())
        .skip_while(|l| !l.contains("| R1 "))
        .nth(1)
        .unwrap();
    let verdict = [
        row_of("R1")[5],
        second.split('|').map(str::trim).nth(5).unwrap(),
    ];
    assert_eq!(verdict.join(" ").trim(), "Chưa đạt mốc 2025", "{part}");
    assert!(verdict.iter().all(|l| !l.is_empty()), "{part}");
    assert_eq!(row_of("V1")[3..6], ["108,5", "≤ 109 (2025)", "Đạt"]);
    let docx = crate::common::part(
        &out.path().join("mini-ind_2021-H1.docx"),
        "word/document.xml",
    );
    assert!(docx.contains("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU") && docx.contains("108,5"));
}

fn templates(dir: &Path, format: &str) {
    bdg()
        .args([
            "-q", "template", "--plan", MINI, "--period", "2021-H1", "--format", format,
        ])
        .arg("--out")
        .arg(dir)
        .assert()
        .success();
}

#[test]
fn templates_list_each_agencys_indicators() {
    use calamine::{open_workbook_auto, Data, Reader};
    let dir = tempfile::tempdir().unwrap();
    templates(dir.path(), "xlsx");
    let syt = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("SYT"))
        .unwrap();
    let mut wb = open_workbook_auto(&syt).unwrap();
    let s = wb.worksheet_range("Chỉ tiêu").unwrap();
    let ids: Vec<Data> = s.rows().skip(1).map(|r| r[3].clone()).collect();
    assert_eq!(ids, ["R1", "C1", "V1"].map(|i| Data::String(i.into())));
    assert_eq!(s.rows().next().unwrap()[5], Data::String("Tử số".into()));

    let dir = tempfile::tempdir().unwrap();
    templates(dir.path(), "csv");
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names
            .iter()
            .filter(|n| n.ends_with("_chi-tieu.csv"))
            .count(),
        2,
        "{names:?}"
    );
    let companion = names
        .iter()
        .find(|n| n.contains("SLDTBXH") && n.ends_with("_chi-tieu.csv"));
    let text = std::fs::read_to_string(dir.path().join(companion.unwrap())).unwrap();
    let ids: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split(';').nth(3).unwrap())
        .collect();
    assert_eq!(ids, ["R1", "C1"]);
}

/// A filled-in workbook: the task sheet, then the indicator sheet whose agency, period and
/// date are left empty (they are the task sheet's).
fn filled_workbook(path: &Path, indicator_rows: &[[&str; 4]]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("Báo cáo").unwrap();
    for (c, h) in [
        "Đơn vị",
        "Kỳ báo cáo",
        "Ngày báo cáo",
        "Mã nhiệm vụ",
        "Tình trạng",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in ["SYT", "2021-H1", "08/06/2021", "II.1", "hoàn thành"]
        .iter()
        .enumerate()
    {
        ws.write_string(1, c as u16, *v).unwrap();
    }
    let ws = wb.add_worksheet().set_name("Chỉ tiêu").unwrap();
    let head = [
        "Đơn vị",
        "Kỳ báo cáo",
        "Ngày báo cáo",
        "Mã chỉ tiêu",
        "Tử số",
        "Mẫu số",
        "Giá trị",
    ];
    for (c, h) in head.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in indicator_rows.iter().enumerate() {
        ws.write_string(r as u32 + 1, 3, row[0]).unwrap();
        for (c, v) in row[1..].iter().enumerate() {
            if let Ok(x) = v.parse::<f64>() {
                ws.write_number(r as u32 + 1, c as u16 + 4, x).unwrap();
            } else if !v.is_empty() {
                ws.write_string(r as u32 + 1, c as u16 + 4, *v).unwrap();
            }
        }
    }
    wb.save(path).unwrap();
}

#[test]
fn a_workbook_with_an_indicator_sheet_is_read_sheet_by_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("r");
    std::fs::create_dir(&reports).unwrap();
    std::fs::copy(
        fixture("indicators/reports/SLDTBXH_2021-H1.csv"),
        reports.join("SLDTBXH_2021-H1.csv"),
    )
    .unwrap();
    // Numbers as numbers, and as text with a decimal comma and a percent sign.
    filled_workbook(
        &reports.join("SYT.xlsx"),
        &[
            ["R1", "7", "10", ""],
            ["C1", "", "", "12"],
            ["V1", "", "", "110,2%"],
        ],
    );
    let (code, v) = consolidate_indicators(&root().join(MINI), &reports, &dir.path().join("o"));
    assert_eq!(code, 0, "{v}");
    assert_eq!(by_id(&v, "R1")["value"], 70.0);
    assert_eq!(by_id(&v, "C1")["value"], 12.0);
    assert_eq!(by_id(&v, "V1")["value"], 110.2);
    assert_eq!(by_id(&v, "V1")["achieved"], false);
    // The task sheet counts as SYT's report; the indicator sheet is read, not flagged.
    let o = bdg()
        .args(["check", "--format", "json", "--plan", MINI])
        .arg(reports.join("SYT.xlsx"))
        .output()
        .unwrap();
    let c = json_of(&o.stdout);
    let codes = codes(&c);
    assert!(!codes.iter().any(|c| c == "sheet-not-read"), "{codes:?}");
    assert_eq!(o.status.code(), Some(0), "{codes:?}");
}

#[test]
fn a_companion_file_alone_is_not_the_agencys_report() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("r");
    std::fs::create_dir(&reports).unwrap();
    std::fs::copy(
        fixture("indicators/reports/SLDTBXH_2021-H1.csv"),
        reports.join("SLDTBXH_2021-H1.csv"),
    )
    .unwrap();
    // English headers, tab-separated UTF-16 as Excel's "Unicode Text" saves it.
    let text = "agency\tperiod\tsubmitted_on\tindicator\tnumerator\tdenominator\tvalue\r\n\
                SYT\t2021-H1\t2021-06-08\tR1\t6\t20\t\r\n\
                SYT\t2021-H1\t2021-06-08\tV1\t\t\t108.5\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(reports.join("SYT_chi-tieu.txt"), bytes).unwrap();
    let (_, v) = consolidate_indicators(&root().join(MINI), &reports, &dir.path().join("o"));
    let syt = v["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["agency"] == "SYT")
        .unwrap();
    assert_eq!(syt["state"], "missing");
    let r1 = by_id(&v, "R1");
    assert_eq!(
        (r1["value"].clone(), r1["reporters"].clone()),
        (30.0.into(), 1.into())
    );
    assert_eq!(by_id(&v, "V1")["value"], 108.5);
}

#[test]
fn the_summary_writes_a_fractional_target_as_its_language_does() {
    // NQ28-3.1's 2025 milestone is 1.7: "1.7" would read as a thousands separator in Vietnamese.
    for (lang, want) in [("vi", "≤ 1,7 (2025)"), ("en", "≤ 1.7 (2025)")] {
        let out = tempfile::tempdir().unwrap();
        let o = consolidate_sample(&["-q", "--lang", lang], out.path())
            .output()
            .unwrap();
        let stdout = String::from_utf8(o.stdout).unwrap();
        let line = stdout
            .lines()
            .find(|l| l.contains("NQ28-3.1"))
            .unwrap_or_else(|| panic!("no NQ28-3.1 line: {stdout}"));
        assert!(line.contains(want), "{lang}: {line}");
    }
}

#[test]
fn workbook_figures_keep_their_decimals() {
    use std::io::Read;
    let out = tempfile::tempdir().unwrap();
    assert_eq!(consolidate_mini(out.path()), 0);
    let f = std::fs::File::open(out.path().join("mini-ind_2021-H1.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(f).unwrap();
    let mut styles = String::new();
    (zip.by_name("xl/styles.xml").unwrap())
        .read_to_string(&mut styles)
        .unwrap();
    // 108.5 shows with its decimals (1.933 would, not as 1.9); 18 and 60 as whole numbers.
    assert!(styles.contains(r##"formatCode="#,##0.0##""##), "{styles}");
    assert!(styles.contains(r##"formatCode="#,##0""##), "{styles}");
}

#[test]
fn the_terminal_summary_names_each_indicator() {
    let out = tempfile::tempdir().unwrap();
    let o = bdg()
        .args(["consolidate", "--plan", MINI, "--period", "2021-H1"])
        .args(["--as-of", "20/06/2021", "--reports"])
        .arg(fixture("indicators/reports"))
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    for line in [
        "C1 Số lớp tập huấn về bình đẳng giới",
        "V1 Tỷ số giới tính khi sinh",
    ] {
        assert!(text.contains(line), "{text}");
    }
}
