//! Issue 13, the rest: partners' tasks in the templates with a role column, counts by role,
//! the letters' default copies, and the plan cited where the workbook and templates name it.

use crate::common::*;
use calamine::{open_workbook, Data, Reader, Xlsx};
use serde_json::Value;
use std::path::Path;

/// The SYT CSV template of 2021-H1 in `dir`, as records (header first).
fn syt_template(dir: &Path) -> Vec<Vec<String>> {
    template_sample(dir, &["--agency", "SYT", "--format", "csv"]);
    let text = std::fs::read_to_string(dir.join("2021-H1_SYT_so-y-te.csv")).unwrap();
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// Fills the rows for which `fill(role, task)` holds (date, status, activities) and writes the
/// file, keeping only the columns `keep` allows.
fn write_filled(
    recs: &[Vec<String>],
    out: &Path,
    fill: impl Fn(&str, &str) -> bool,
    keep: impl Fn(usize) -> bool,
) {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    for (i, rec) in recs.iter().enumerate() {
        let mut cells = rec.clone();
        if i > 0 && fill(&rec[12], &rec[1]) {
            cells[4] = "09/06/2021".into();
            cells[5] = "hoàn thành".into();
            cells[7] = "3".into();
        }
        let kept: Vec<&String> = cells
            .iter()
            .enumerate()
            .filter(|(c, _)| keep(*c))
            .map(|(_, v)| v)
            .collect();
        w.write_record(kept).unwrap();
    }
    std::fs::write(out, w.into_inner().unwrap()).unwrap();
}

fn task<'v>(v: &'v Value, id: &str) -> &'v Value {
    v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["task"] == id)
        .unwrap_or_else(|| panic!("{id} in {v}"))
}

#[test]
fn a_partners_blank_rows_are_no_fault_a_leads_are() {
    let dir = tempfile::tempdir().unwrap();
    let recs = syt_template(dir.path());
    assert_eq!(recs[0][12], "Vai trò");
    let partner: Vec<&str> = recs
        .iter()
        .filter(|r| r[12] == "phối hợp")
        .map(|r| r[1].as_str())
        .collect();
    assert_eq!(partner, ["IV.1.a", "IV.1.b", "IV.1.c", "IV.1.đ"]);
    // Leads' rows filled, partners' left blank: nothing to say.
    let f = dir.path().join("leads.csv");
    write_filled(&recs, &f, |role, _| role == "chủ trì", |_| true);
    let (code, v) = check_json(&f);
    assert_eq!((code, codes(&v)), (0, vec![]), "{v}");
    assert_eq!(v["rows"], 16);
    // A lead's row left blank is still a warning, naming the task.
    let f = dir.path().join("one-lead-blank.csv");
    write_filled(
        &recs,
        &f,
        |role, t| role == "chủ trì" && t != "IV.8",
        |_| true,
    );
    let (_, v) = check_json(&f);
    assert_eq!(codes(&v), ["unfilled-row"], "{v}");
    assert_eq!(v["diagnostics"][0]["data"]["task"], "IV.8");
}

#[test]
fn a_file_without_the_role_column_or_with_it_changed_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let recs = syt_template(dir.path());
    let f = dir.path().join("no-role.csv");
    write_filled(&recs, &f, |_, _| true, |c| c != 12);
    let (code, v) = check_json(&f);
    assert_eq!((code, codes(&v)), (0, vec![]), "{v}");
    assert_eq!(v["rows"], 20);
    // The plan says who leads: a role written otherwise changes nothing.
    let mut swapped = recs.clone();
    for r in swapped.iter_mut().skip(1) {
        r[12] = "phối hợp".into();
    }
    let f = dir.path().join("swapped.csv");
    write_filled(
        &swapped,
        &f,
        |_, t| t.starts_with("IV.1.") || t == "IV.8",
        |_| true,
    );
    let (_, v) = check_json(&f);
    let warned: Vec<&str> = diagnostics_with_code(&v, "unfilled-row")
        .iter()
        .map(|d| d["data"]["task"].as_str().unwrap())
        .collect();
    // The 15 blank rows the plan has SYT lead are warned of, whatever the file's role column.
    assert_eq!(warned.len(), 15, "{v}");
    assert!(warned
        .iter()
        .all(|t| t.starts_with("II.") || t.starts_with("IV.15")));
}

#[test]
fn consolidation_counts_reports_by_role() {
    let dir = tempfile::tempdir().unwrap();
    let recs = syt_template(dir.path());
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    write_filled(
        &recs,
        &reports.join("syt.csv"),
        |r, t| r == "chủ trì" || t == "IV.1.a",
        |_| true,
    );
    let (_, v) = consolidate_json(&reports, &dir.path().join("out"));
    let iv1a = task(&v, "IV.1.a");
    assert_eq!(
        (
            &iv1a["reports"],
            &iv1a["reports_lead"],
            &iv1a["reports_partner"]
        ),
        (&1.into(), &0.into(), &1.into())
    );
    let iv8 = task(&v, "IV.8");
    assert_eq!(
        (&iv8["reports_lead"], &iv8["reports_partner"]),
        (&1.into(), &0.into())
    );
    assert_eq!(task(&v, "IV.1.b")["reports"], 0);
    // IV.1.a's one lead has not reported: the task is not done, though its partner says so.
    assert_eq!(
        (
            &iv1a["leads_expected"],
            &iv1a["leads_reported"],
            &iv1a["completed"]
        ),
        (&1.into(), &0.into(), &false.into())
    );
    // The by-task sheet: reports, by leads, by partners.
    let book = dir.path().join("out/ninh-thuan-2021_2021-H1.xlsx");
    let s = sheet(&book, "Theo nhiệm vụ");
    let row = s
        .rows()
        .find(|r| r[0] == Data::String("IV.1.a".into()))
        .unwrap();
    assert_eq!(
        row[3..6],
        [Data::Float(1.0), Data::Float(0.0), Data::Float(1.0)]
    );
    let total = s.rows().next_back().unwrap();
    assert_eq!(total[4], Data::Float(16.0));
    assert_eq!(total[5], Data::Float(1.0));
    // The report's results say who reported where partners did, and only there.
    let txt = std::fs::read_to_string(dir.path().join("out/ninh-thuan-2021_2021-H1.txt")).unwrap();
    assert_eq!(
        txt.matches("0/1 đơn vị chủ trì đã báo cáo, 1 phối hợp; 1 hoàn thành)")
            .count(),
        1,
        "{txt}"
    );
    let results = txt
        .lines()
        .filter(|l| l.trim_start().starts_with("Kết quả:"));
    assert_eq!(
        results.filter(|l| l.contains("phối hợp")).count(),
        1,
        "{txt}"
    );
}

/// The 2021 plan with the military command among the report's recipients, in `dir`.
fn plan_with_military(dir: &Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(root().join(PLAN)).unwrap();
    let anchor = "    - UBND tỉnh (b/c)\n";
    assert!(text.contains(anchor));
    let text = text.replacen(
        anchor,
        &format!("{anchor}    - Bộ Chỉ huy Quân sự tỉnh (p/h)\n"),
        1,
    );
    let plan = dir.join("plan.yaml");
    std::fs::write(&plan, text).unwrap();
    std::fs::copy(
        root().join("plans/nq28-2021-2030.yaml"),
        dir.join("nq28-2021-2030.yaml"),
    )
    .unwrap();
    plan
}

#[test]
fn letters_without_letter_recipients_drop_only_the_ministry() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_with_military(dir.path());
    let out = dir.path().join("out");
    bdg()
        .args(["-q", "remind", "--plan"])
        .arg(&plan)
        .args(["--period", "2021-H1", "--as-of", "20/06/2021"])
        .args(["--reports", "examples/reports/2021-H1", "--out"])
        .arg(&out)
        .assert()
        .code(1);
    let letter = std::fs::read_to_string(out.join("2021-H1_BDT_don-doc.txt")).unwrap();
    let copies = letter.split("Nơi nhận").nth(1).unwrap();
    assert!(copies.contains("Bộ Chỉ huy Quân sự tỉnh (p/h)"), "{copies}");
    assert!(copies.contains("UBND tỉnh (b/c)"), "{copies}");
    assert!(!copies.contains("Bộ Lao động"), "{copies}");
}

#[test]
fn the_workbook_and_the_templates_cite_the_plans_number_and_date() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    bdg()
        .args(["consolidate", "--plan", "plans/khanh-hoa-2026-example.yaml"])
        .args(["--period", "2026-Q1", "--as-of", "2026-03-20"])
        .args(["--reports", "examples/reports/2026-Q1", "--out"])
        .arg(&out)
        .assert()
        .code(1);
    let book = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .unwrap();
    let mut wb: Xlsx<_> = open_workbook(book).unwrap();
    let s = wb.worksheet_range("Tổng hợp").unwrap();
    let plan = s
        .rows()
        .find(|r| r[0] == Data::String("Kế hoạch".into()))
        .unwrap();
    let cited = plan[1].to_string();
    assert!(
        cited.contains("số 0000/KH-UBND (ví dụ) ngày 15/1/2026"),
        "{cited}"
    );
    let tpl = dir.path().join("tpl");
    bdg()
        .args(["template", "--plan", "plans/khanh-hoa-2026-example.yaml"])
        .args(["--period", "2026-Q1", "--agency", "SYT", "--out"])
        .arg(&tpl)
        .assert()
        .success();
    let file = std::fs::read_dir(&tpl)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .unwrap();
    let help = sheet(&file, "Hướng dẫn");
    let plan = help
        .rows()
        .find(|r| r[0] == Data::String("Kế hoạch".into()))
        .unwrap();
    assert_eq!(plan[1].to_string(), cited);
}
