//! Corrections and supplements tell the truth, on the 2026 example (as of 20/03/2026) with one
//! extra file: a correction resent with the same date (a conflict: Sở Y tế's figures held
//! back, both files excluded whole, the agency asked which is right) and a partial supplement
//! dated later (its figures count; the tasks it drops are said).

use crate::common::*;
use calamine::DataType;
use std::path::{Path, PathBuf};

const PLAN26: &str = "plans/khanh-hoa-2026-example.yaml";
const SYT: &str = "SYT_2026-Q1.csv";
const FIXED: &str = "SYT_2026-Q1 (sửa).csv";
const SUPPLEMENT: &str = "SYT_2026-Q1_bo-sung.csv";

/// The 2026 example's reports copied into `dir/r`, with `extra` files (name, text).
fn example(dir: &Path, extra: &[(&str, String)]) -> PathBuf {
    let r = dir.join("r");
    std::fs::create_dir_all(&r).unwrap();
    for e in std::fs::read_dir(root().join("examples/reports/2026-Q1")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, r.join(p.file_name().unwrap())).unwrap();
    }
    for (name, text) in extra {
        std::fs::write(r.join(name), text).unwrap();
    }
    r
}

fn syt_text() -> String {
    std::fs::read_to_string(root().join("examples/reports/2026-Q1").join(SYT)).unwrap()
}

/// Sở Y tế's report with one figure changed, the same date.
fn same_date_fix() -> (&'static str, String) {
    (FIXED, syt_text().replace("18.500.000", "19.500.000"))
}

/// Sở Y tế's III.2.a row alone, corrected, dated 18/03/2026.
fn supplement() -> (&'static str, String) {
    let text = syt_text();
    let mut lines = text.lines();
    let head = lines.next().unwrap();
    let row = lines.find(|l| l.contains(";III.2.a;")).unwrap();
    let row = row
        .replace("12/03/2026", "18/03/2026")
        .replace("18.500.000", "19.500.000");
    (SUPPLEMENT, format!("{head}\n{row}\n"))
}

fn cycle_args(c: &mut Command, cmd: &str, reports: &Path) {
    c.args([
        cmd,
        "--plan",
        PLAN26,
        "--period",
        "2026-Q1",
        "--as-of",
        "20/03/2026",
    ])
    .arg("--reports")
    .arg(reports);
}

/// `consolidate --format json` into `out`: exit code, JSON, stderr.
fn consolidate(reports: &Path, out: &Path) -> (i32, Value, String) {
    let mut c = bdg();
    cycle_args(&mut c, "consolidate", reports);
    let o = c
        .args(["--format", "json", "--out"])
        .arg(out)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    (o.status.code().unwrap(), json_of(&o.stdout), err)
}

/// `check --format json` of the 2026 plan: exit code and JSON.
fn check26(reports: &Path) -> (i32, Value) {
    let o = bdg()
        .args(["check", "--format", "json", "--plan", PLAN26])
        .arg(reports)
        .output()
        .unwrap();
    (o.status.code().unwrap(), json_of(&o.stdout))
}

/// The lines of the text report from the one that starts with `from` (trimmed) to the one
/// before the next that starts with `to`.
fn block<'t>(text: &'t str, from: &str, to: &str) -> Vec<&'t str> {
    let mut lines = text
        .lines()
        .skip_while(|l| !l.trim_start().starts_with(from));
    let first = lines.next().unwrap_or_else(|| panic!("{from} in {text}"));
    std::iter::once(first)
        .chain(lines.take_while(|l| !l.trim_start().starts_with(to)))
        .collect()
}

#[test]
fn a_correction_with_the_same_date_is_held_back_and_counted_as_excluded() {
    let dir = tempfile::tempdir().unwrap();
    let plain = example(&dir.path().join("plain"), &[]);
    let (_, before, _) = consolidate(&plain, &dir.path().join("out0"));
    assert_eq!(agency_line(&before, "SYT")["state"], "on_time");

    let reports = example(dir.path(), &[same_date_fix()]);
    let out = dir.path().join("out");
    let (code, v, _) = consolidate(&reports, &out);
    assert_eq!(code, 1);
    // Neither file counts: the agency is rejected (sent, nothing usable), no row of it counts.
    let syt = agency_line(&v, "SYT");
    assert_eq!(
        (syt["state"].as_str(), syt["rows"].as_u64()),
        (Some("rejected"), Some(0))
    );
    assert_eq!(v["rejected"], before["rejected"].as_u64().unwrap() + 1);
    assert_eq!(v["reported"], before["reported"].as_u64().unwrap() - 1);
    // Both files among the files excluded whole, their 4 rows each among the rows excluded.
    let files = v["files_excluded"].as_u64().unwrap();
    assert_eq!(files, before["files_excluded"].as_u64().unwrap() + 2);
    let rows = v["rows_excluded"].as_u64().unwrap();
    assert_eq!(rows, before["rows_excluded"].as_u64().unwrap() + 8);
    let conflicts: Vec<&str> = (v["excluded"].as_array().unwrap().iter())
        .filter(|e| e["code"] == "conflict")
        .map(|e| e["file"].as_str().unwrap())
        .collect();
    assert_eq!(conflicts.len(), 2, "{conflicts:?}");
    assert!(
        conflicts.iter().any(|f| f.ends_with(FIXED)) && conflicts.iter().any(|f| f.ends_with(SYT))
    );

    // The workbook's summary counts what its excluded sheet lists.
    let book = out.join("khanh-hoa-2026-example_2026-Q1.xlsx");
    let summary = sheet(&book, "Tổng hợp");
    let value = |label: &str| {
        (summary.rows())
            .find(|r| r.first().and_then(|c| c.get_string()) == Some(label))
            .and_then(|r| r.get(1).map(|c| c.to_string()))
    };
    assert_eq!(value("Tệp bị loại"), Some(files.to_string()));
    assert_eq!(value("Dòng bị loại"), Some(rows.to_string()));
    let excluded = sheet(&book, "Bị loại");
    // A row of the excluded sheet names each file with the code `conflict`.
    let named = |f: &str| {
        excluded.rows().any(|r| {
            r.iter().any(|c| c.to_string().ends_with(f))
                && r.iter().any(|c| c.get_string() == Some("conflict"))
        })
    };
    assert!(named(SYT) && named(FIXED));

    // The report names the agency and its two files where it reports on III.2.a (Sở Y tế
    // leads it, nobody else reported on it) and under Appendix 2; the agency's row is marked.
    let text = std::fs::read_to_string(out.join("khanh-hoa-2026-example_2026-Q1.txt")).unwrap();
    let task = block(&text, "III.2.a", "III.3").join(" ");
    assert!(task.contains("Sở Y tế") && task.contains(SYT), "{task}");
    let row = (text.lines()).find(|l| l.starts_with("| Sở Y tế")).unwrap();
    assert!(row.contains("(**)"), "{row}");
    let note = block(&text, "(**)", "Phụ lục 3").join(" ");
    assert!(
        note.contains("Sở Y tế") && note.contains(SYT) && note.contains("(sửa).csv"),
        "{note}"
    );
    let document = part(
        &out.join("khanh-hoa-2026-example_2026-Q1.docx"),
        "word/document.xml",
    );
    assert!(document.contains("(**)") && document.contains(FIXED));
}

#[test]
fn check_flags_two_different_files_with_the_same_date_as_the_cycle_does() {
    let dir = tempfile::tempdir().unwrap();
    let plain = example(&dir.path().join("plain"), &[]);
    let (code, v) = check26(&plain);
    assert!(diagnostics_with_code(&v, "conflict").is_empty(), "{code}");

    let reports = example(dir.path(), &[same_date_fix()]);
    let (code, v) = check26(&reports);
    assert_eq!(code, 1);
    let conflicts = diagnostics_with_code(&v, "conflict");
    assert_eq!(conflicts.len(), 2);
    for d in &conflicts {
        assert_eq!(d["severity"], "error");
        let files = d["data"]["files"].as_array().unwrap();
        assert_eq!(files.len(), 2);
    }
    // Neither file is usable, as in the cycle.
    let usable: Vec<bool> = (v["reports"].as_array().unwrap().iter())
        .filter(|r| r["agency"] == "SYT")
        .map(|r| r["usable"].as_bool().unwrap())
        .collect();
    assert_eq!(usable, [false, false]);
    // An identical copy is still a duplicate, not a conflict.
    let copy = example(
        &dir.path().join("copy"),
        &[("SYT_2026-Q1 - Copy.csv", syt_text())],
    );
    let (_, v) = check26(&copy);
    assert!(diagnostics_with_code(&v, "conflict").is_empty());
    assert_eq!(diagnostics_with_code(&v, "duplicate-file").len(), 1);
}

#[test]
fn the_agency_is_overdue_and_its_letter_names_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let reports = example(dir.path(), &[same_date_fix()]);
    let mut c = bdg();
    cycle_args(&mut c, "overdue", &reports);
    let o = c.args(["--format", "json"]).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let v = json_of(&o.stdout);
    let syt = agency_line(&v, "SYT");
    assert_eq!(syt["state"], "rejected");
    assert_eq!(syt["submitted_on"], "2026-03-12");
    assert_eq!(syt["days_late"], 5);

    let out = dir.path().join("letters");
    let mut c = bdg();
    cycle_args(&mut c, "remind", &reports);
    c.arg("--out").arg(&out).assert().code(1);
    let letter = std::fs::read_to_string(out.join("2026-Q1_SYT_don-doc.txt")).unwrap();
    let letter = letter.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(letter.contains(SYT) && letter.contains(FIXED), "{letter}");
    assert!(letter.contains("12/3/2026"), "{letter}");
}

#[test]
fn a_partial_supplement_counts_alone_and_the_tasks_it_drops_are_said() {
    let dir = tempfile::tempdir().unwrap();
    let reports = example(dir.path(), &[supplement()]);
    let (_, v, stderr) = consolidate(&reports, &dir.path().join("out"));
    // The later file's figures count (timeliness from the earlier): one row, its budget.
    let syt = agency_line(&v, "SYT");
    assert_eq!(syt["state"], "on_time");
    assert_eq!(syt["rows"], 1);
    let task = |id: &str| {
        (v["tasks"].as_array().unwrap().iter())
            .find(|t| t["task"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(task("III.2.a")["budget_vnd"], 19_500_000);
    // The warning names the dropped tasks and the earlier file, and is said on stderr.
    let dropped: Vec<&Value> = (v["notices"].as_array().unwrap().iter())
        .filter(|n| n["code"] == "dropped-tasks")
        .collect();
    assert_eq!(dropped.len(), 1, "{:?}", v["notices"]);
    let d = dropped[0];
    assert!(d["file"].as_str().unwrap().ends_with(SUPPLEMENT));
    assert_eq!(d["severity"], "warning");
    assert_eq!(
        d["data"]["tasks"],
        serde_json::json!(["II.1.a", "II.1.b.1", "II.1.b.2"])
    );
    assert_eq!(d["data"]["figures"], serde_json::json!([]));
    let earlier = d["data"]["earlier"].as_array().unwrap();
    assert_eq!(earlier.len(), 1);
    assert!(earlier[0].as_str().unwrap().ends_with(SYT));
    assert!(d["hint"].is_string());
    assert!(stderr.contains("[dropped-tasks]"), "{stderr}");
    assert!(stderr.contains("[superseded]"), "{stderr}");
}

#[test]
fn a_later_whole_report_that_leaves_a_figure_blank_says_which() {
    let dir = tempfile::tempdir().unwrap();
    // The whole report again, dated later, II.1.b.2's budget left blank.
    let later = syt_text()
        .replace("12/03/2026", "18/03/2026")
        .replace(";30.000.000;", ";;");
    let reports = example(dir.path(), &[("SYT_2026-Q1_moi.csv", later)]);
    let (_, v, _) = consolidate(&reports, &dir.path().join("out"));
    let d = (v["notices"].as_array().unwrap().iter())
        .find(|n| n["code"] == "dropped-tasks")
        .expect("a dropped-tasks warning");
    assert_eq!(d["data"]["tasks"], serde_json::json!([]));
    assert_eq!(
        d["data"]["figures"],
        serde_json::json!([{"task": "II.1.b.2", "columns": ["budget_vnd"]}])
    );
    // A whole correction gives no such warning.
    let whole = syt_text().replace("12/03/2026", "18/03/2026");
    let reports = example(&dir.path().join("whole"), &[("SYT_2026-Q1_moi.csv", whole)]);
    let (_, v, _) = consolidate(&reports, &dir.path().join("out2"));
    let codes: Vec<&str> = (v["notices"].as_array().unwrap().iter())
        .map(|n| n["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"superseded") && !codes.contains(&"dropped-tasks"),
        "{codes:?}"
    );
}
