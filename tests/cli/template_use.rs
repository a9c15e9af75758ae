//! The templates as an officer uses them: in Excel with Vietnamese regional settings, printed,
//! zipped and mailed, and dropped back into the reports folder.

use crate::common::*;
use std::collections::HashMap;

/// The SYT templates of 2021-H1 in `dir`.
fn make(dir: &std::path::Path, extra: &[&str]) {
    template_sample(dir, &[&["--agency", "SYT"], extra].concat());
}

const XLSX: &str = "2021-H1_SYT_so-y-te.xlsx";
const CSV: &str = "2021-H1_SYT_so-y-te.csv";

/// An attribute of the first element `tag` in `xml`.
fn attr<'a>(xml: &'a str, tag: &str, name: &str) -> Option<&'a str> {
    let start = xml.find(&format!("<{tag} "))?;
    let el = &xml[start..start + xml[start..].find('>')?];
    let at = el.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&el[at..at + el[at..].find('"')?])
}

/// Row heights (points) by 1-based row number, for the rows that have one.
pub fn row_heights(sheet_xml: &str) -> HashMap<usize, f64> {
    sheet_xml
        .split("<row ")
        .skip(1)
        .filter_map(|r| {
            let el = &r[..r.find('>')?];
            let get = |n: &str| attr(&format!("<row {el}>"), "row", n).map(String::from);
            Some((get("r")?.parse().ok()?, get("ht")?.parse().ok()?))
        })
        .collect()
}

#[test]
fn the_report_sheet_freezes_two_columns_and_allows_rows_and_resizing() {
    let dir = tempfile::tempdir().unwrap();
    make(dir.path(), &[]);
    let xml = part(&dir.path().join(XLSX), "xl/worksheets/sheet1.xml");
    // Agency and task id frozen, nothing more: the figures stay in reach on a laptop.
    assert_eq!(attr(&xml, "pane", "xSplit"), Some("2"));
    assert_eq!(attr(&xml, "pane", "ySplit"), Some("1"));
    // Protected, yet rows may be inserted and columns and rows resized ("0": not forbidden).
    assert_eq!(attr(&xml, "sheetProtection", "sheet"), Some("1"));
    for flag in ["insertRows", "formatColumns", "formatRows"] {
        assert_eq!(attr(&xml, "sheetProtection", flag), Some("0"), "{flag}");
    }
    assert_eq!(
        attr(&xml, "sheetProtection", "deleteRows"),
        None,
        "rows cannot be deleted"
    );
}

#[test]
fn the_template_prints_one_page_wide_with_rows_as_tall_as_their_text() {
    let dir = tempfile::tempdir().unwrap();
    make(dir.path(), &[]);
    let book = dir.path().join(XLSX);
    let xml = part(&book, "xl/worksheets/sheet1.xml");
    assert_eq!(attr(&xml, "pageSetup", "paperSize"), Some("9"), "A4");
    assert_eq!(attr(&xml, "pageSetup", "orientation"), Some("landscape"));
    assert_eq!(attr(&xml, "pageSetup", "fitToHeight"), Some("0"));
    assert_eq!(attr(&xml, "pageSetUpPr", "fitToPage"), Some("1"));
    assert!(
        part(&book, "xl/workbook.xml").contains("'Báo cáo'!$1:$1"),
        "the header row repeats on every page"
    );
    // Every task text longer than a few lines of its column gets a row tall enough for it.
    let heights = row_heights(&xml);
    let rows = {
        use calamine::{open_workbook, Reader, Xlsx};
        let mut wb: Xlsx<_> = open_workbook(&book).unwrap();
        wb.worksheet_range("Báo cáo").unwrap()
    };
    for (i, r) in rows.rows().enumerate().skip(1) {
        let text = r[2].to_string();
        let chars = text.chars().count();
        let ht = heights.get(&(i + 1)).copied().unwrap_or(15.0);
        // The column holds under 60 characters a line: at least chars / 60 lines.
        assert!(
            ht >= (chars / 60) as f64 * 15.0,
            "row {}: {chars} chars in {ht} pt",
            i + 1
        );
        assert!(
            chars < 120 || ht > 15.0,
            "row {} wraps and must grow",
            i + 1
        );
    }
}

#[test]
fn the_by_task_sheet_has_rows_as_tall_as_their_text() {
    let dir = tempfile::tempdir().unwrap();
    consolidate_sample(&["-q"], dir.path()).assert().code(1);
    let xml = part(
        &dir.path().join("ninh-thuan-2021_2021-H1.xlsx"),
        "xl/worksheets/sheet2.xml",
    );
    let heights = row_heights(&xml);
    assert!(heights.len() > 30, "{heights:?}");
    assert!(heights.values().all(|h| *h >= 30.0 && *h <= 409.0));
}

#[test]
fn a_csv_template_opens_in_columns_under_a_semicolon_list_separator() {
    let dir = tempfile::tempdir().unwrap();
    make(dir.path(), &["--format", "csv"]);
    let bytes = std::fs::read(dir.path().join(CSV)).unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();
    // BOM first, and no `sep=` line: Excel would then ignore the BOM and garble the text.
    let body = text.strip_prefix('\u{feff}').expect("UTF-8 BOM");
    assert!(!body.starts_with("sep="));
    // As Excel with Vietnamese regional settings splits it: at `;`.
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(body.as_bytes());
    let records: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    // The header, the agency's 16 tasks and the 4 it co-ordinates on, in plan order, its
    // difficulties and proposals.
    assert_eq!(records.len(), 1 + 16 + 4 + 2);
    assert!(
        records.iter().all(|x| x.len() == 13),
        "13 columns in every row"
    );
    assert_eq!(&records[0][0], "Đơn vị");
    assert_eq!((&records[1][0], &records[1][1]), ("Sở Y tế", "II.1.a"));
}

#[test]
fn the_template_folder_is_safe_to_mail_and_returned_files_there_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    let mau = reports.join("mau");
    make(&mau, &[]);
    make(&mau, &["--format", "csv"]);
    let names: Vec<String> = std::fs::read_dir(&mau)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with('.')),
        "nothing hidden: {names:?}"
    );
    // The unfilled templates in the reports folder: each one diagnostic, "not filled in": the
    // CSV, the workbook (its indicator sheet adds nothing), and the CSV's indicator companion.
    let (_, v) = check_json(&reports);
    let codes = codes(&v);
    assert_eq!(
        codes,
        ["empty-report", "empty-report", "empty-report"],
        "{v}"
    );
    assert_eq!(v["diagnostics"][2]["data"]["kind"], "empty-indicators");
    assert_eq!(v["diagnostics"][2]["data"]["indicators"], 2);
}

#[test]
fn a_report_saved_into_an_old_output_folder_is_named_not_silently_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    let old = reports.join("ket-qua-cu");
    consolidate_sample(&["-q"], &old).assert().code(1);
    std::fs::copy(
        root().join("examples/reports/2021-H1/HoiLHPN_2021-H1.csv"),
        old.join("bao-cao-gui-lai.csv"),
    )
    .unwrap();
    let (_, v) = check_json(&reports);
    let skipped = diagnostics_with_code(&v, "skipped-output-folder");
    assert_eq!(skipped.len(), 1, "the output folder is named: {v}");
    assert!(skipped[0]["file"].as_str().unwrap().ends_with("ket-qua-cu"));
    assert_eq!(skipped[0]["severity"], "warning");
    // consolidate finds no report file: it says so, names the folder, and writes nothing.
    let own = dir.path().join("out");
    let o = consolidate_reports(&[], &reports, &own).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("ket-qua-cu"));
    assert!(!own.exists());
    // Beside a real report, the workbook names the skipped folder.
    std::fs::copy(
        root().join("examples/reports/2021-H1/SNV_2021-H1.csv"),
        reports.join("SNV_2021-H1.csv"),
    )
    .unwrap();
    let (_, again) = consolidate_json(&reports, &own);
    assert_eq!(again["reported"], 1);
    let d = sheet(&own.join("ninh-thuan-2021_2021-H1.xlsx"), "Cảnh báo và lỗi");
    let named: Vec<String> = d
        .rows()
        .filter(|r| r[4] == "skipped-output-folder")
        .map(|r| r[0].to_string())
        .collect();
    assert_eq!(named.len(), 1, "{named:?}");
    assert!(named[0].ends_with("ket-qua-cu"));
}

#[test]
fn columns_people_add_are_ignored_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("syt.csv");
    std::fs::write(
        &path,
        "STT;Đơn vị;Kỳ báo cáo;Ngày báo cáo;Mã nhiệm vụ;Tình trạng;Ghi chú thêm;Tinh trang2\r\n\
         1;SYT;2021-H1;09/06/2021;IV.8;hoàn thành;gọi lại sau;\r\n",
    )
    .unwrap();
    let (_, v) = check_json(&path);
    let unknown = diagnostics_with_code(&v, "unknown-column");
    assert_eq!(
        unknown.len(),
        1,
        "only the unknown column is mentioned: {v}"
    );
    assert!(unknown[0]["message"]
        .as_str()
        .unwrap()
        .contains("Tinh trang2"));
    assert_eq!(v["rows"], 1);
}
