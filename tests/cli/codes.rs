//! Every stable diagnostic code of the README, each from a small fixture (`tests/fixtures/codes/`)
//! or a cycle built in the test: the code, where it points and its `data`. The codes tested
//! elsewhere (`check.rs`, `hostile.rs`, `hardening.rs`, `consolidate.rs`…) are not repeated.

use crate::common::*;
use calamine::Data;
use std::path::{Path, PathBuf};

const HEADER: &str = "Đơn vị,Kỳ báo cáo,Ngày báo cáo,Mã nhiệm vụ,Tình trạng,Tiến độ (%),\
                      Số hoạt động,Số người tham gia nữ,Số người tham gia nam,Kinh phí (đồng),\
                      Ghi chú / Kết quả";

/// A fresh folder of this test's own under Cargo's temporary folder.
fn scratch(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("codes")
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// `bdg plan check --format json` of a plan under `tests/fixtures/codes/`: exit code, validity,
/// diagnostics.
fn plan_check(file: &str) -> (i32, bool, Vec<Value>) {
    let out = bdg()
        .args(["--lang", "en", "plan", "check", "--format", "json"])
        .arg(fixture(&format!("codes/{file}")))
        .output()
        .unwrap();
    let v = json_of(&out.stdout);
    let diags = v["diagnostics"].as_array().unwrap().clone();
    (out.status.code().unwrap(), v["valid"] == true, diags)
}

/// `bdg check --format json` of one file under `tests/fixtures/codes/`: exit code, diagnostics.
fn check(file: &str) -> (i32, Vec<Value>) {
    let out = bdg()
        .args(["--lang", "en", "check", "--plan", PLAN, "--format", "json"])
        .arg(fixture(&format!("codes/{file}")))
        .output()
        .unwrap();
    let v = json_of(&out.stdout);
    (
        out.status.code().unwrap(),
        v["diagnostics"].as_array().unwrap().clone(),
    )
}

/// The one diagnostic of `code` (there must be exactly one).
fn only<'a>(diags: &'a [Value], code: &str) -> &'a Value {
    let found: Vec<&Value> = diags.iter().filter(|d| d["code"] == code).collect();
    assert_eq!(found.len(), 1, "one {code} expected in {diags:#?}");
    found[0]
}

// ---- the plan ----

#[test]
fn duplicate_period() {
    let (code, valid, diags) = plan_check("duplicate-period.yaml");
    assert_eq!((code, valid), (1, false));
    let d = only(&diags, "duplicate-period");
    assert_eq!(
        (d["severity"].as_str(), d["line"].as_u64()),
        (Some("error"), Some(12))
    );
    assert_eq!(
        d["data"],
        serde_json::json!({"kind": "duplicate-period", "id": "2021-H1"})
    );
}

#[test]
fn zero_reply_days() {
    // Letters are dated the as-of date: no day to reply would ask for a report before it.
    let (code, valid, diags) = plan_check("zero-reply-days.yaml");
    assert_eq!((code, valid), (1, false));
    let d = only(&diags, "zero-reply-days");
    assert_eq!(
        (
            d["severity"].as_str(),
            d["line"].as_u64(),
            d["column"].as_u64()
        ),
        (Some("error"), Some(10), Some(3))
    );
    assert_eq!(d["data"], serde_json::json!({"kind": "zero-reply-days"}));
    // One day is enough.
    let src = std::fs::read_to_string(fixture("codes/zero-reply-days.yaml")).unwrap();
    let dir = scratch("one-reply-day");
    let p = dir.join("plan.yaml");
    std::fs::write(&p, src.replace("reply_days: 0", "reply_days: 1")).unwrap();
    bdg().args(["plan", "check"]).arg(&p).assert().success();
}

#[test]
fn duplicate_group() {
    let (code, _, diags) = plan_check("duplicate-group.yaml");
    assert_eq!(code, 1);
    let d = only(&diags, "duplicate-group");
    // The second declaration is the one pointed at.
    assert_eq!(d["line"], 16);
    assert_eq!(
        d["data"],
        serde_json::json!({"kind": "duplicate-group", "id": "SO"})
    );
}

#[test]
fn ambiguous_alias() {
    let (code, _, diags) = plan_check("ambiguous-alias.yaml");
    assert_eq!(code, 1);
    let d = only(&diags, "ambiguous-alias");
    assert_eq!(d["severity"], "error");
    assert_eq!(
        d["data"],
        serde_json::json!({
            "kind": "ambiguous-alias",
            "spelling": "Sở Lao động - Thương binh và Xã hội",
            "agency": "SYT",
            "other": "SLDTBXH",
        })
    );
}

#[test]
fn unknown_group_suggests_the_near_one() {
    let (code, _, diags) = plan_check("unknown-group.yaml");
    assert_eq!(code, 1);
    let d = only(&diags, "unknown-group");
    assert_eq!(
        d["data"],
        serde_json::json!({"kind": "unknown-group", "agency": "SYT", "found": "HUYNE",
                           "suggestion": "HUYEN"})
    );
}

#[test]
fn unassigned_task_is_a_warning_and_the_plan_stays_valid() {
    let (code, valid, diags) = plan_check("unassigned-task.yaml");
    assert_eq!((code, valid), (0, true));
    let d = only(&diags, "unassigned-task");
    assert_eq!(d["severity"], "warning");
    assert_eq!(
        d["data"],
        serde_json::json!({"kind": "unassigned-task", "id": "II.1"})
    );
}

#[test]
fn empty_plan_names_what_is_missing() {
    let (code, valid, diags) = plan_check("empty-plan.yaml");
    assert_eq!((code, valid), (1, false));
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = only(&diags, "empty-plan");
    assert_eq!(
        d["data"],
        serde_json::json!({"kind": "empty-plan", "missing": "sections"})
    );
}

#[test]
fn yaml_alias_carries_the_alias() {
    let dir = scratch("yaml");
    let alias = dir.join("alias.yaml");
    let mini = std::fs::read_to_string(fixture("plans/mini.yaml")).unwrap();
    let text = mini.replace("recipient: Bộ", "recipient: &r Bộ\n  signer: *r");
    std::fs::write(&alias, text).unwrap();
    let out = bdg()
        .args(["--lang", "en", "plan", "check", "--format", "json"])
        .arg(&alias)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = json_of(&out.stdout);
    assert_eq!(v["valid"], false);
    let d = only(v["diagnostics"].as_array().unwrap(), "yaml-alias");
    assert_eq!(d["line"], 8);
    assert_eq!(
        d["data"],
        serde_json::json!({"kind": "yaml-alias", "alias": "*r"})
    );
}

// ---- an agency's file ----

#[test]
fn duplicate_column_is_a_warning_and_the_first_is_read() {
    let (code, diags) = check("duplicate-column.csv");
    assert_eq!(code, 0);
    let d = only(&diags, "duplicate-column");
    assert_eq!(
        (d["line"].as_u64(), d["severity"].as_str()),
        (Some(1), Some("warning"))
    );
    assert_eq!(
        d["data"],
        serde_json::json!({"kind": "duplicate-column", "column": "Số hoạt động"})
    );
}

#[test]
fn missing_value_a_row_without_a_task() {
    let (code, diags) = check("missing-value.csv");
    assert_eq!(code, 1);
    let d = only(&diags, "missing-value");
    assert_eq!(d["line"], 3);
    assert_eq!(d["data"]["kind"], "missing-task");
}

#[test]
fn mixed_date() {
    let (code, diags) = check("mixed-date.csv");
    assert_eq!(code, 1);
    let d = only(&diags, "mixed-date");
    assert_eq!(d["line"], 3);
    assert_eq!(
        d["data"],
        serde_json::json!({"kind": "mixed-date", "found": "09/06/2021", "file_date": "2021-06-08"})
    );
}

#[test]
fn unfilled_row_is_a_warning() {
    let (code, diags) = check("unfilled-row.csv");
    assert_eq!(code, 0, "{diags:#?}");
    let d = only(&diags, "unfilled-row");
    assert_eq!(
        (d["line"].as_u64(), d["severity"].as_str()),
        (Some(3), Some("warning"))
    );
    assert_eq!(
        d["data"],
        serde_json::json!({"kind": "unfilled-row", "task": "II.1.a"})
    );
}

#[test]
fn skipped_lines_before_the_header() {
    let (code, diags) = check("skipped-lines.csv");
    assert_eq!(code, 0);
    let d = only(&diags, "skipped-lines");
    assert_eq!(d["severity"], "warning");
    assert_eq!(
        d["data"],
        serde_json::json!({"kind": "skipped-lines", "lines": 1, "header_line": 2})
    );
}

#[test]
fn task_not_reported_lists_the_agencys_own_tasks_left_out() {
    let (code, diags) = check("task-not-reported.csv");
    assert_eq!(code, 0);
    let d = only(&diags, "task-not-reported");
    assert_eq!(d["severity"], "warning");
    let tasks: Vec<&str> = d["data"]["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    // Section II is every agency's; the one task the file reports is not listed.
    assert!(
        tasks.contains(&"II.1.a") && !tasks.contains(&"IV.8"),
        "{tasks:?}"
    );
}

// ---- a cycle ----

/// Writes `files` (name, rows under the report header) into a folder and consolidates it as
/// of 20/06/2021 in English: the JSON summary and the workbook's path.
fn cycle(name: &str, plan: &Path, files: &[(&str, &str)]) -> (Value, PathBuf) {
    let dir = scratch(name);
    let reports = dir.join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    for (file, rows) in files {
        std::fs::write(reports.join(file), format!("{HEADER}\n{rows}\n")).unwrap();
    }
    let out = dir.join("out");
    let o = bdg()
        .args(["--lang", "en", "consolidate", "--format", "json", "--plan"])
        .arg(plan)
        .args(["--period", "2021-H1", "--as-of", "20/06/2021", "--reports"])
        .arg(&reports)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.code().is_some_and(|c| c < 2), "{o:?}");
    (json_of(&o.stdout), workbook_in(&out))
}

/// The codes of the workbook's diagnostics sheet, with the file each names.
fn sheet_codes(book: &Path) -> Vec<(String, String)> {
    let s = sheet(book, "Diagnostics");
    let mut rows = s.rows();
    let head: Vec<String> = rows.next().unwrap().iter().map(Data::to_string).collect();
    let col = |name: &str| head.iter().position(|h| h.to_lowercase().contains(name));
    let (file, code) = (col("file").unwrap(), col("code").unwrap());
    rows.map(|r| (r[code].to_string(), r[file].to_string()))
        .collect()
}

const SYT: &str = "Sở Y tế,2021-H1,08/06/2021,IV.8,hoàn thành,100,3,120,80,1.500.000,x";

#[test]
fn cycle_codes_duplicate_file_conflict_other_period_future_date() {
    let (v, book) = cycle(
        "cycle",
        &root().join(PLAN),
        &[
            ("a.csv", SYT),
            ("b.csv", SYT),
            (
                "n1.csv",
                "Sở Nội vụ,2021-H1,08/06/2021,II.1.a,hoàn thành,100,3,1,1,0,x",
            ),
            (
                "n2.csv",
                "Sở Nội vụ,2021-H1,08/06/2021,II.1.a,hoàn thành,100,4,1,1,0,x",
            ),
            (
                "y.csv",
                "Sở Tư pháp,2021-Y,08/06/2021,II.1.a,hoàn thành,100,4,1,1,0,x",
            ),
            (
                "f.csv",
                "Sở Tài chính,2021-H1,25/06/2021,II.1.a,hoàn thành,100,4,1,1,0,x",
            ),
        ],
    );
    let excluded: Vec<(&str, &str)> = v["excluded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let file = e["file"].as_str().unwrap();
            (e["code"].as_str().unwrap(), &file[file.len() - 6..])
        })
        .collect();
    // The copy leaves out nothing that should be in: a notice, not an excluded file.
    let notices: Vec<(&str, &str)> = (v["notices"].as_array().unwrap().iter())
        .map(|e| {
            let file = e["file"].as_str().unwrap();
            (e["code"].as_str().unwrap(), &file[file.len() - 6..])
        })
        .collect();
    assert!(
        notices.contains(&("duplicate-file", "/b.csv")),
        "{notices:?}"
    );
    assert!(!excluded.iter().any(|(c, _)| *c == "duplicate-file"));
    for want in [
        ("conflict", "n1.csv"),
        ("conflict", "n2.csv"),
        ("other-period", "/y.csv"),
    ] {
        assert!(excluded.contains(&want), "{want:?} in {excluded:?}");
    }
    // No figures count from the conflicting agency; the one copy of SYT counts once.
    let agency = |id: &str| {
        v["agencies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["agency"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(agency("SNV")["rows"], 0);
    assert_eq!(agency("SYT")["rows"], 1);
    let codes = sheet_codes(&book);
    assert!(
        codes
            .iter()
            .any(|(c, f)| c == "future-date" && f.ends_with("f.csv")),
        "{codes:?}"
    );
    assert!(codes.iter().any(|(c, _)| c == "conflict"), "{codes:?}");
}

#[test]
fn unexpected_agency_counts_and_is_noted() {
    let dir = scratch("unexpected-plan");
    let plan = dir.join("plan.yaml");
    let mini = std::fs::read_to_string(fixture("plans/mini.yaml")).unwrap();
    let only_syt = mini.replace(
        "    due: 2021-06-10\n",
        "    due: 2021-06-10\n    reporters: [SYT]\n",
    );
    std::fs::write(&plan, only_syt).unwrap();
    let row =
        "Sở Lao động - Thương binh và Xã hội,2021-H1,08/06/2021,II.1,hoàn thành,100,2,1,1,0,x";
    let (v, book) = cycle("unexpected", &plan, &[("l.csv", row)]);
    assert_eq!(v["expected"], 1);
    let slf = v["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["agency"] == "SLDTBXH");
    assert_eq!(
        slf.map(|a| a["expected"].clone()),
        Some(Value::Bool(false)),
        "{v}"
    );
    assert_eq!(v["totals"]["activities"], 2, "its figures count");
    let codes = sheet_codes(&book);
    assert!(
        codes
            .iter()
            .any(|(c, f)| c == "unexpected-agency" && f.ends_with("l.csv")),
        "{codes:?}"
    );
}
