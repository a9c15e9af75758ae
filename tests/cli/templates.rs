use crate::common::*;
use calamine::{open_workbook, Data, Reader, Xlsx};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

fn cells(path: &std::path::Path) -> Vec<Vec<Data>> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    wb.worksheet_range("Báo cáo")
        .unwrap()
        .rows()
        .map(|r| r.to_vec())
        .collect()
}

/// The template filled in as an agency would: a date cell, statuses from the list, numbers,
/// an amount typed as text, a formula with its cached value; its indicator sheet left as made. `bad` puts a wrong status in
/// the given row.
fn fill(template: &std::path::Path, out: &std::path::Path, bad: Option<usize>) {
    let rows = cells(template);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Báo cáo").unwrap();
    for (c, h) in rows[0].iter().enumerate() {
        ws.write_string(0, c as u16, h.to_string()).unwrap();
    }
    for (i, row) in rows.iter().enumerate().skip(1) {
        let r = i as u32;
        for c in [0u16, 1, 2, 3] {
            ws.write_string(r, c, row[c as usize].to_string()).unwrap();
        }
        // As Excel stores a date typed into the template's date cell; one row without its
        // date format, as after a paste.
        let date = ExcelDateTime::from_ymd(2021, 6, 9).unwrap();
        if i == 2 {
            ws.write_datetime(r, 4, date).unwrap();
        } else {
            ws.write_datetime_with_format(r, 4, date, &Format::new().set_num_format("dd/mm/yyyy"))
                .unwrap();
        }
        let status = if bad == Some(i) {
            "xong rồi"
        } else {
            ["hoàn thành", "đang thực hiện"][i % 2]
        };
        ws.write_string(r, 5, status).unwrap();
        ws.write_number(r, 6, if i % 2 == 0 { 100.0 } else { 55.5 })
            .unwrap();
        ws.write_formula(r, 7, Formula::new("=1+1").set_result("2"))
            .unwrap();
        ws.write_number(r, 8, 10.0 * i as f64).unwrap();
        ws.write_number(r, 9, 5.0).unwrap();
        ws.write_string(r, 10, "1.500.000").unwrap();
        ws.write_string(r, 11, format!("=> kết quả {i}")).unwrap();
    }
    // The indicator sheet, where the template has one, left as made.
    let mut template: Xlsx<_> = open_workbook(template).unwrap();
    if let Ok(sheet) = template.worksheet_range("Chỉ tiêu") {
        let ws = wb.add_worksheet().set_name("Chỉ tiêu").unwrap();
        for (r, row) in sheet.rows().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if *cell != Data::Empty {
                    ws.write_string(r as u32, c as u16, cell.to_string())
                        .unwrap();
                }
            }
        }
    }
    wb.save(out).unwrap();
}

#[test]
fn one_template_per_expected_agency_listing_its_tasks() {
    let dir = tempfile::tempdir().unwrap();
    template_sample(dir.path(), &[]);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != ".bdg-output")
        .collect();
    names.sort();
    assert_eq!(names.len(), 25, "{names:?}");
    assert!(
        names.contains(&"2021-H1_SYT_so-y-te.xlsx".to_string()),
        "{names:?}"
    );
    let syt = cells(&dir.path().join("2021-H1_SYT_so-y-te.xlsx"));
    assert_eq!(syt[0][0], Data::String("Đơn vị".into()));
    assert_eq!(syt[0][1], Data::String("Mã nhiệm vụ".into()));
    let ids: Vec<String> = syt.iter().skip(1).map(|r| r[1].to_string()).collect();
    // Plan order: section II (every agency's), then IV.1 (every agency co-ordinates on it),
    // then the items naming the health department.
    assert_eq!(&ids[..3], ["II.1.a", "II.1.b", "II.2.a"], "plan order");
    assert_eq!(
        &ids[13..20],
        ["IV.1.a", "IV.1.b", "IV.1.c", "IV.1.đ", "IV.8", "IV.15.a", "IV.15.b"]
    );
    // Its 13 + 3 tasks and 4 as a partner, then the two reserved rows.
    assert_eq!(ids.len(), 13 + 3 + 4 + 2);
    assert_eq!(ids[20..], ["Khó khăn, vướng mắc", "Đề xuất, kiến nghị"]);
    // The role column, last: chủ trì where it leads, phối hợp where it co-ordinates.
    assert_eq!(syt[0][12], Data::String("Vai trò".into()));
    let roles: Vec<String> = syt[1..21].iter().map(|r| r[12].to_string()).collect();
    assert!(roles[..13].iter().all(|r| r == "chủ trì"), "{roles:?}");
    assert!(roles[13..17].iter().all(|r| r == "phối hợp"), "{roles:?}");
    assert!(roles[17..].iter().all(|r| r == "chủ trì"), "{roles:?}");
    assert_eq!(syt[1][0], Data::String("Sở Y tế".into()));
    assert_eq!(syt[1][3], Data::String("2021-H1".into()));
    assert!(syt[18][2]
        .to_string()
        .starts_with("Sở Y tế: thực hiện lồng ghép giới"));
    let mut wb: Xlsx<_> = open_workbook(dir.path().join("2021-H1_SYT_so-y-te.xlsx")).unwrap();
    // SYT reports two health indicators in its six-month report: their sheet comes after the tasks'.
    assert_eq!(wb.sheet_names(), ["Báo cáo", "Chỉ tiêu", "Hướng dẫn"]);
    let help = wb.worksheet_range("Hướng dẫn").unwrap();
    assert!(
        help.rows().any(|r| r[1].to_string().contains("10/6/2021")),
        "the deadline is in the instructions"
    );
    // IV.10 goes to the radio-TV station and the newspaper.
    let bnt = cells(&dir.path().join("2021-H1_BNT_bao-ninh-thuan.xlsx"));
    let iv10 = bnt.iter().find(|r| r[1] == Data::String("IV.10.a".into()));
    assert_eq!(iv10.unwrap()[12], Data::String("chủ trì".into()));
}

#[test]
fn an_empty_template_is_reported_as_such() {
    let dir = tempfile::tempdir().unwrap();
    template_sample(dir.path(), &["--agency", "SYT"]);
    template_sample(dir.path(), &["--agency", "Sở Y tế", "--format", "csv"]);
    for f in ["2021-H1_SYT_so-y-te.xlsx", "2021-H1_SYT_so-y-te.csv"] {
        let (code, v) = check_json(dir.path().join(f));
        assert_eq!(code, 1);
        let d = v["diagnostics"].as_array().unwrap();
        assert_eq!(d.len(), 1, "{f}: {d:?}");
        assert_eq!(d[0]["code"], "empty-report", "{f}");
    }
    // The CSV's indicator companion, left as made: one error too, with its agency and period.
    let (code, v) = check_json(dir.path().join("2021-H1_SYT_so-y-te_chi-tieu.csv"));
    assert_eq!(code, 1);
    let d = v["diagnostics"].as_array().unwrap();
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["code"], "empty-report");
    assert_eq!(d[0]["data"]["indicators"], 2);
    // Its two rows are excluded rows, as an unfilled task template's are.
    assert_eq!(v["rows_excluded"], 2);
    assert_eq!(v["reports"][0]["agency"], "SYT");
    assert_eq!(v["reports"][0]["period"], "2021-H1");
}

#[test]
fn a_filled_template_goes_back_in_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    template_sample(dir.path(), &["--agency", "SYT"]);
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    fill(
        &dir.path().join("2021-H1_SYT_so-y-te.xlsx"),
        &reports.join("syt.xlsx"),
        None,
    );
    let (code, v) = check_json(&reports);
    assert_eq!(code, 0, "{v}");
    // Its 16 tasks and the 4 it co-ordinates on (IV.1), all filled.
    assert_eq!(v["rows"], 20);
    assert_eq!(v["reports"][0]["submitted_on"], "2021-06-09");
    // Its indicator sheet, left as made beside a filled task sheet: one warning naming them.
    let d = v["diagnostics"].as_array().unwrap();
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["code"], "indicator-not-reported");
    assert_eq!(
        d[0]["data"]["indicators"],
        serde_json::json!(["NQ28-4.1", "NQ28-4.2"])
    );
    // Its figures reach the consolidated workbook.
    let book_dir = dir.path().join("out");
    let (_, v) = consolidate_json(&reports, &book_dir);
    assert_eq!(v["totals"]["budget_vnd"], 20 * 1_500_000);
    assert_eq!(
        v["totals"]["activities"],
        20 * 2,
        "formula cells count by their cached value"
    );
    let d = sheet(&book_dir.join("ninh-thuan-2021_2021-H1.xlsx"), "Chi tiết");
    let iv8 = d
        .rows()
        .find(|r| r[3] == Data::String("IV.8".into()))
        .unwrap();
    assert_eq!(
        iv8[..2],
        [Data::String("Sở Y tế".into()), Data::String("SYT".into())]
    );
    // The report's date: 9/6/2021 as Excel counts days.
    assert!(
        matches!(&iv8[2], Data::DateTime(d) if d.as_f64() == 44356.0),
        "{:?}",
        iv8[2]
    );
    assert_eq!(iv8[9], Data::Float(1_500_000.0));
    // IV.8 is the template's 18th row, after section II and IV.1 (plan order).
    assert_eq!(iv8[10], Data::String("=> kết quả 18".into()));
}

#[test]
fn a_filled_csv_template_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    template_sample(dir.path(), &["--agency", "BNT", "--format", "csv"]);
    let path = dir.path().join("2021-H1_BNT_bao-ninh-thuan.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with('\u{feff}'), "UTF-8 with BOM for Excel");
    // Fill the date, status and a figure on every row, as a spreadsheet would save it.
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer("\u{feff}".as_bytes().to_vec());
    for (i, rec) in r.records().enumerate() {
        let mut cells: Vec<String> = rec.unwrap().iter().map(String::from).collect();
        if i > 0 {
            cells[4] = "09/06/2021".into();
            cells[5] = "hoàn thành".into();
            cells[8] = "12".into();
        }
        w.write_record(&cells).unwrap();
    }
    std::fs::write(&path, w.into_inner().unwrap()).unwrap();
    let (code, v) = check_json(&path);
    assert_eq!(code, 0, "{v}");
    // IV.10.a-b, IV.15.a-b, section II's 13, and IV.1's 4 as a partner.
    assert_eq!(v["rows"], 2 + 2 + 13 + 4);
}

#[test]
fn a_bad_cell_is_reported_at_that_cell() {
    let dir = tempfile::tempdir().unwrap();
    template_sample(dir.path(), &["--agency", "SYT"]);
    let bad = dir.path().join("bad.xlsx");
    fill(&dir.path().join("2021-H1_SYT_so-y-te.xlsx"), &bad, Some(4));
    let out = bdg()
        .args(["--lang", "en", "check", "--plan", PLAN])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("error[bad-status]") && stdout.contains(":5:6 [Báo cáo!F5]"),
        "{stdout}"
    );
    let (_, v) = check_json(&bad);
    let d = &v["diagnostics"][0];
    assert_eq!(
        (d["cell"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
        (Some("Báo cáo!F5"), Some(5), Some(6))
    );
}

/// An unfilled CSV indicator companion is bdg's own file: made again when the plan changes
/// (here SYT is given one more indicator), not kept as if an agency had filled it in.
#[test]
fn an_unfilled_companion_is_made_again_when_the_plan_changes() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["ninh-thuan-2021.yaml", "nq28-2021-2030.yaml"] {
        std::fs::copy(root().join("plans").join(f), dir.path().join(f)).unwrap();
    }
    let plan = dir.path().join("ninh-thuan-2021.yaml");
    let out = dir.path().join("mau");
    let run = || {
        bdg()
            .args(["template", "--plan"])
            .arg(&plan)
            .args(["--period", "2021-H1", "--format", "csv", "--agency", "SYT"])
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap()
    };
    assert_eq!(run().status.code(), Some(0));
    let companion = out.join("2021-H1_SYT_so-y-te_chi-tieu.csv");
    let ids = || {
        let text = std::fs::read_to_string(&companion).unwrap();
        text.lines().filter(|l| l.contains("NQ28-")).count()
    };
    assert_eq!(ids(), 2);
    let text = std::fs::read_to_string(&plan).unwrap();
    let old = "{id: NQ28-3.4, reporters: [SLDTBXH]";
    assert!(text.contains(old));
    std::fs::write(
        &plan,
        text.replace(old, "{id: NQ28-3.4, reporters: [SLDTBXH, SYT]"),
    )
    .unwrap();
    let o = run();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(ids(), 3, "{}", String::from_utf8_lossy(&o.stderr));
}
