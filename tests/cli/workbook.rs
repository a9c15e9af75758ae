//! The consolidated workbook as an officer uses it: agencies by name, total rows equal to the
//! summary, the report date in the details, a plain summary, a chart on the rows it names,
//! Excel's row and cell limits.

use crate::common::*;
use calamine::{open_workbook, Data, Reader, Xlsx};
use std::collections::HashMap;

const BOOK: &str = "ninh-thuan-2021_2021-H1.xlsx";

fn plan() -> bdg::plan::Plan {
    bdg::plan::load(&root().join(PLAN)).unwrap().0
}

fn names(plan: &bdg::plan::Plan) -> HashMap<String, String> {
    plan.agencies
        .iter()
        .map(|a| (a.id.clone(), a.name.clone()))
        .collect()
}

fn float(d: &Data) -> f64 {
    match d {
        Data::Float(x) => *x,
        Data::Int(x) => *x as f64,
        other => panic!("not a number: {other:?}"),
    }
}

/// The value beside a label of the summary.
fn summary(s: &calamine::Range<Data>, label: &str) -> f64 {
    let row = s
        .rows()
        .find(|r| r[0] == Data::String(label.into()))
        .unwrap_or_else(|| panic!("no {label}"));
    float(&row[1])
}

#[test]
fn every_sheet_names_agencies_with_their_id_beside() {
    let dir = tempfile::tempdir().unwrap();
    consolidate_sample(&["-q"], dir.path()).assert().code(1);
    let book = dir.path().join(BOOK);
    let names = names(&plan());
    for (name, (name_col, id_col)) in [
        ("Theo đơn vị", (0, 1)),
        ("Quá hạn", (0, 1)),
        ("Chi tiết", (0, 1)),
    ] {
        let s = sheet(&book, name);
        let mut n = 0;
        for r in s.rows().skip(1) {
            let Data::String(id) = &r[id_col] else {
                continue; // the total row
            };
            assert_eq!(r[name_col], Data::String(names[id].clone()), "{name}: {id}");
            n += 1;
        }
        assert!(n > 0, "{name} lists agencies");
    }
    // No sheet shows a code where the agency's name belongs.
    let d = sheet(&book, "Chi tiết");
    assert!(d
        .rows()
        .skip(1)
        .all(|r| !names.contains_key(&r[0].to_string())));
}

#[test]
fn total_rows_equal_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let (_, v) = consolidate_json("examples/reports/2021-H1".as_ref(), dir.path());
    let book = dir.path().join(BOOK);
    let s = sheet(&book, "Tổng hợp");
    let (female, male, budget, activities) = (
        summary(&s, "Số người tham gia nữ"),
        summary(&s, "Số người tham gia nam"),
        summary(&s, "Kinh phí (đồng)"),
        summary(&s, "Số hoạt động"),
    );
    assert_eq!(budget, v["totals"]["budget_vnd"].as_f64().unwrap());
    // By task: the last row is the total, under every task of the plan.
    let t = sheet(&book, "Theo nhiệm vụ");
    let total = t.rows().next_back().unwrap();
    assert_eq!(total[2], Data::String("Tổng cộng".into()));
    assert_eq!(
        [9, 10, 11, 13].map(|c| float(&total[c])),
        [activities, female, male, budget]
    );
    let share = float(&total[12]);
    assert!((share - female / (female + male)).abs() < 1e-9, "{share}");
    let done: f64 = v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["done"].as_f64().unwrap())
        .sum();
    assert_eq!(float(&total[8]), done);
    // The totals are formulas over the sheet's own figure cells, never over text.
    let mut wb: Xlsx<_> = open_workbook(&book).unwrap();
    let f = wb.worksheet_formula("Theo nhiệm vụ").unwrap();
    let last = t.height() as u32 - 1;
    assert_eq!(
        f.get_value((last, 10)).map(String::as_str),
        Some(format!("SUBTOTAL(9,K2:K{last})").as_str())
    );
    assert_eq!(
        f.used_cells().filter(|(_, _, x)| !x.is_empty()).count(),
        11,
        "formulas only in the total row"
    );
    // By agency: the same figures.
    let a = sheet(&book, "Theo đơn vị");
    let total = a.rows().next_back().unwrap();
    assert_eq!(total[0], Data::String("Tổng cộng".into()));
    assert_eq!(
        [9, 10, 11].map(|c| float(&total[c])),
        [female, male, budget]
    );
    let rows: f64 = v["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["rows"].as_f64().unwrap())
        .sum();
    assert_eq!(float(&total[7]), rows);
}

/// The number format (`formatCode`) of the cell `cell` (`"F2"`) in the sheet XML `xml`, from
/// its style in the workbook's `styles.xml`.
fn number_format(styles: &str, xml: &str, cell: &str) -> String {
    let id = xml_attr(&cell_xf(styles, xml, cell), "numFmtId").unwrap();
    let fmt = styles
        .split("<numFmt ")
        .skip(1)
        .map(|f| format!(" {f}"))
        .find(|f| xml_attr(f, "numFmtId").as_deref() == Some(id.as_str()))
        .unwrap_or_else(|| panic!("numFmtId {id} of {cell} is not a custom format"));
    xml_attr(&fmt, "formatCode").unwrap()
}

#[test]
fn the_details_figures_keep_their_number_formats() {
    // The details' figures are written without a format of their own (their columns carry it,
    // for speed): a reader must still see each cell formatted.
    let dir = tempfile::tempdir().unwrap();
    consolidate_json("examples/reports/2021-H1".as_ref(), dir.path());
    let book = dir.path().join(BOOK);
    let d = sheet(&book, "Chi tiết");
    let xml = sheet_part(&book, "Chi tiết");
    let styles = part(&book, "xl/styles.xml");
    let (mut progress, mut budget) = (0, 0);
    for (i, r) in d.rows().enumerate().skip(1) {
        let row = i + 1;
        if matches!(r[5], Data::Float(_)) {
            assert_eq!(number_format(&styles, &xml, &format!("F{row}")), "0.0");
            progress += 1;
        }
        if matches!(r[9], Data::Float(_)) {
            assert_eq!(number_format(&styles, &xml, &format!("J{row}")), "#,##0");
            budget += 1;
        }
        if matches!(r[2], Data::DateTime(_)) {
            assert_eq!(
                number_format(&styles, &xml, &format!("C{row}")),
                "dd/mm/yyyy"
            );
        }
    }
    assert!(progress > 100 && budget > 50, "{progress} {budget}");
}

#[test]
fn details_carry_the_report_date() {
    let dir = tempfile::tempdir().unwrap();
    consolidate_json("examples/reports/2021-H1".as_ref(), dir.path());
    let d = sheet(&dir.path().join(BOOK), "Chi tiết");
    assert_eq!(
        d.get((0, 2)),
        Some(&Data::String("Ngày báo cáo (ghi trong tệp)".into()))
    );
    // Each row's date is the one its file gives (an agency's supplement has its own).
    let out = bdg()
        .args([
            "check",
            "--format",
            "json",
            "--plan",
            PLAN,
            "examples/reports/2021-H1",
        ])
        .output()
        .unwrap();
    let dates: HashMap<String, String> = json_of(&out.stdout)["reports"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| {
            let file = r["file"].as_str()?.to_string();
            Some((file, r["submitted_on"].as_str()?.to_string()))
        })
        .collect();
    let mut n = 0;
    for r in d.rows().skip(1) {
        let Data::DateTime(x) = &r[2] else {
            panic!("no date: {r:?}")
        };
        let day = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()
            + chrono::Days::new(x.as_f64() as u64);
        assert_eq!(day.to_string(), dates[&r[11].to_string()], "{r:?}");
        n += 1;
    }
    assert!(n > 100);
}

#[test]
fn the_summary_is_a_plain_list_and_its_chart_reads_the_states() {
    let dir = tempfile::tempdir().unwrap();
    consolidate_sample(&["-q"], dir.path()).assert().code(1);
    let book = dir.path().join(BOOK);
    let xml = part(&book, "xl/worksheets/sheet1.xml");
    assert!(
        !xml.contains("<autoFilter"),
        "no filter arrows on the summary"
    );
    assert!(part(&book, "xl/worksheets/sheet2.xml").contains("<autoFilter"));
    // The chart's categories and values are the rows labelled with the four states.
    let chart = part(&book, "xl/charts/chart1.xml");
    let refs: Vec<&str> = chart
        .split("<c:f>")
        .skip(1)
        .map(|s| &s[..s.find("</c:f>").unwrap()])
        .collect();
    assert_eq!(refs.len(), 2, "{refs:?}");
    let rows = |r: &str| -> (usize, usize) {
        let cells: Vec<usize> = r
            .split('$')
            .filter_map(|p| p.trim_end_matches(':').parse().ok())
            .collect();
        (cells[0], cells[1])
    };
    let (first, last) = rows(refs[0]);
    assert_eq!(rows(refs[1]), (first, last));
    let s = sheet(&book, "Tổng hợp");
    let labels: Vec<String> = (first..=last)
        .map(|r| s.get((r - 1, 0)).unwrap().to_string())
        .collect();
    assert_eq!(
        labels,
        [
            "Đúng hạn",
            "Trễ hạn",
            "Chưa nộp",
            "Đã nộp, bị loại",
            "Chưa đến hạn"
        ]
    );
}

#[test]
fn english_workbook_uses_the_plans_english_texts() {
    let dir = tempfile::tempdir().unwrap();
    consolidate_sample(&["-q", "--lang", "en"], dir.path())
        .assert()
        .code(1);
    let book = dir.path().join("ninh-thuan-2021_2021-H1_en.xlsx");
    let s = sheet(&book, "Summary");
    let plan = plan();
    assert_eq!(
        s.get((1, 1)),
        Some(&Data::String(plan.meta.title_en.clone().unwrap()))
    );
    let d = sheet(&book, "Details");
    assert_eq!(
        d.get((0, 2)),
        Some(&Data::String("Report date (as written)".into()))
    );
    // The file's properties: the issuing body and the plan's issuer, in English.
    let app = part(&book, "docProps/app.xml");
    let company = format!(
        "<Company>{}</Company>",
        plan.meta.issuer_en.clone().unwrap()
    );
    assert!(app.contains(&company), "{app}");
    let core = part(&book, "docProps/core.xml");
    let author = plan.report.issuing_body_en.clone().unwrap();
    assert!(core.contains(&format!(">{author}</dc:creator>")), "{core}");
}

/// Many excluded rows, and a diagnostic quoting a cell just under Excel's limit (the message
/// around it takes it over).
fn hostile_cycle(dir: &std::path::Path, bad_rows: usize) -> PathBuf {
    let path = dir.join("syt.csv");
    let mut s = String::from("Đơn vị,Kỳ báo cáo,Ngày báo cáo,Mã nhiệm vụ,Tình trạng\r\n");
    s.push_str(&format!(
        "SYT,2021-H1,09/06/2021,IV.8,{}\r\n",
        "x".repeat(32_700)
    ));
    for i in 0..bad_rows {
        s.push_str(&format!("SYT,2021-H1,09/06/2021,IX.{i},hoàn thành\r\n"));
    }
    std::fs::write(&path, s).unwrap();
    path
}

#[test]
fn excluded_rows_and_diagnostics_go_on_past_the_sheet_limit() {
    let dir = tempfile::tempdir().unwrap();
    let file = hostile_cycle(dir.path(), 250);
    let plan = plan();
    let reports = bdg::report::read_all(&[file], &plan, &Default::default(), &|| {});
    let as_of = chrono::NaiveDate::from_ymd_opt(2021, 6, 20).unwrap();
    let c = bdg::cycle::build(&plan, &plan.periods[0], reports, as_of);
    let k = bdg::consolidate::consolidate(&c);
    assert!(k.excluded.len() > 200, "{}", k.excluded.len());
    let bytes = bdg::render::xlsx::workbook_with_limit(&k, bdg::lang::Lang::Vi, 100)
        .unwrap()
        .save_to_buffer()
        .unwrap();
    let mut wb = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    for (base, total) in [
        ("Bị loại", k.excluded.len()),
        ("Cảnh báo và lỗi", k.diagnostics.len()),
    ] {
        let parts: Vec<String> = wb
            .sheet_names()
            .into_iter()
            .filter(|n| n.starts_with(base))
            .collect();
        assert_eq!(parts.len(), total.div_ceil(100), "{base}: {parts:?}");
        assert_eq!(parts[1], format!("{base} 2"));
        let rows: usize = parts
            .iter()
            .map(|p| wb.worksheet_range(p).unwrap().height() - 1)
            .sum();
        assert_eq!(rows, total, "{base}");
    }
}

#[test]
fn a_cell_past_excels_limit_is_cut_with_a_mark() {
    let dir = tempfile::tempdir().unwrap();
    let file = hostile_cycle(dir.path(), 0);
    let out = dir.path().join("out");
    consolidate_reports(&["-q"], &file, &out).assert().code(1);
    let s = sheet(&out.join(BOOK), "Cảnh báo và lỗi");
    let long: Vec<String> = s
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string()))
        .filter(|t| t.chars().count() > 30_000)
        .collect();
    assert!(
        !long.is_empty(),
        "the diagnostic quoting the long cell is there"
    );
    for t in long {
        assert_eq!(t.chars().count(), bdg::render::xlsx::MAX_CELL_CHARS);
        assert!(t.ends_with(bdg::render::xlsx::CUT_MARK));
    }
}
