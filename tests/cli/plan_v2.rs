//! Plan schema v2 (issue 13) through whole cycles: the shipped 2026 example plan (Sở Nội vụ,
//! communes and wards, quarterly periods, three-level items, an annual-only task, "all
//! except"), and the plan's number, date and desk rules in the documents.

use crate::common::*;
use serde_json::Value;
use std::path::Path;

const PLAN_2026: &str = "plans/khanh-hoa-2026-example.yaml";
const REPORTS_2026: &str = "examples/reports/2026-Q1";

fn plan_json(plan: &str) -> Value {
    let out = bdg()
        .args(["plan", "show", "--format", "json", plan])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    json_of(&out.stdout)
}

fn consolidate_2026(out: &Path) -> Value {
    let o = bdg()
        .args(["consolidate", "--format", "json", "--plan", PLAN_2026])
        .args(["--period", "2026-Q1", "--as-of", "2026-03-20", "--reports"])
        .arg(root().join(REPORTS_2026))
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    // Exit 1: some agencies are late or missing.
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    json_of(&o.stdout)
}

/// The text of the one CSV template written for `period` and `agency`.
fn template_csv(period: &str, agency: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    bdg()
        .args(["template", "--plan", PLAN_2026, "--period", period])
        .args(["--format", "csv", "--agency", agency, "--out"])
        .arg(dir.path())
        .assert()
        .success();
    let f = std::fs::read_dir(dir.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    std::fs::read_to_string(f.path()).unwrap()
}

/// The task ids of the CSV templates written for `period` (one agency).
fn template_tasks(period: &str, agency: &str) -> Vec<String> {
    template_csv(period, agency)
        .lines()
        .skip(1)
        .map(|l| l.split(';').nth(1).unwrap().to_string())
        .filter(|t| t.starts_with("II") || t.starts_with("III"))
        .collect()
}

#[test]
fn the_2026_example_plan_checks_and_says_it_is_an_example() {
    bdg().args(["plan", "check", PLAN_2026]).assert().success();
    let text = std::fs::read_to_string(root().join(PLAN_2026)).unwrap();
    assert!(text.lines().next().unwrap().contains("EXAMPLE"));
    let v = plan_json(PLAN_2026);
    assert_eq!(v["plan"]["coordinator"], "SNV");
    assert_eq!(v["plan"]["date"], "2026-01-15");
    // Three levels of items: a task id with four parts.
    let ids: Vec<&str> = v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"II.1.b.2"), "{ids:?}");
}

#[test]
fn all_except_leaves_the_named_agency_out() {
    let v = plan_json(PLAN_2026);
    let reporters = |i: usize| -> Vec<String> {
        v["periods"][i]["reporters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap().to_string())
            .collect()
    };
    let q1 = reporters(0);
    assert_eq!(q1.len(), 13);
    assert!(!q1.contains(&"BCHQS".to_string()));
    // The annual period names its own reporters: every agency.
    assert!(reporters(4).contains(&"BCHQS".to_string()));
    assert_eq!(reporters(4).len(), 14);
}

#[test]
fn an_annual_only_task_is_asked_in_the_annual_template_only() {
    let q1 = template_tasks("2026-Q1", "X_NINH_HAI");
    // Plan order; III.1.b is the commune's as a partner (Sở Nội vụ trains its officers).
    assert_eq!(q1, ["II.1.a", "II.1.b.1", "II.1.b.2", "III.1.b"]);
    let y = template_tasks("2026-Y", "X_NINH_HAI");
    assert_eq!(y, ["II.1.a", "II.1.b.1", "II.1.b.2", "II.2", "III.1.b"]);
    let v = plan_json(PLAN_2026);
    let action_month = v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "II.2")
        .unwrap();
    assert_eq!(action_month["periods"], serde_json::json!(["2026-Y"]));
}

#[test]
fn a_quarterly_report_is_not_asked_for_the_annual_task() {
    let out = bdg()
        .args(["check", "--format", "json", "--plan", PLAN_2026])
        .arg(root().join(REPORTS_2026))
        .output()
        .unwrap();
    let v = json_of(&out.stdout);
    let codes: Vec<&Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| &d["code"])
        .collect();
    assert!(
        !codes.iter().any(|c| *c == "task-not-reported"),
        "{codes:?}"
    );
    assert_eq!(v["files"], 5);
}

#[test]
fn the_2026_example_cycle_consolidates_with_the_right_figures() {
    let out = tempfile::tempdir().unwrap();
    let v = consolidate_2026(out.path());
    assert_eq!(
        (&v["expected"], &v["on_time"], &v["late"], &v["missing"]),
        (&13.into(), &4.into(), &1.into(), &8.into())
    );
    assert_eq!(v["totals"]["activities"], 30);
    assert_eq!(v["totals"]["participants_female"], 916);
    assert_eq!(v["totals"]["budget_vnd"], 105_700_000);
    // The annual-only task is not one of this quarter's tasks.
    let tasks: Vec<&str> = v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["task"].as_str().unwrap())
        .collect();
    assert_eq!(tasks.len(), 8);
    assert!(!tasks.contains(&"II.2"));
    // The ministry report cites the plan by number and date, numbered by the desk's rule.
    let txt =
        std::fs::read_to_string(out.path().join("khanh-hoa-2026-example_2026-Q1.txt")).unwrap();
    assert!(txt.contains("0000/KH-UBND (ví dụ)"));
    assert!(txt.contains("15/1/2026"));
    assert!(txt.contains("/BC-SNV"));
    let listed = |l: &str| {
        let l = l.trim_start_matches(['|', ' ']);
        l.starts_with("II.2 ")
    };
    assert!(!txt.lines().any(listed), "the annual task is not listed");
    assert!(txt.lines().any(|l| l.trim_start().starts_with("II.1.b.2 ")));
}

#[test]
fn letters_follow_the_desk_rules_of_the_plan() {
    let out = tempfile::tempdir().unwrap();
    bdg()
        .args(["remind", "--plan", PLAN_2026, "--period", "2026-Q1"])
        .args(["--as-of", "2026-03-20", "--reports"])
        .arg(root().join(REPORTS_2026))
        .arg("--out")
        .arg(out.path())
        .assert()
        .code(1);
    // Eight missing and one late.
    let letters: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt") && !p.ends_with("summary.txt"))
        .filter(|p| p.to_string_lossy().contains("don-doc"))
        .collect();
    assert_eq!(letters.len(), 9);
    let cat = std::fs::read_to_string(out.path().join("2026-Q1_CAT_don-doc.txt")).unwrap();
    assert!(cat.contains("/SNV-BĐG"), "{cat}");
    assert!(!cat.contains("-BĐG-BĐG"));
    // reply_days: 7 → 27/3/2026.
    assert!(cat.contains("27/3/2026"), "{cat}");
    assert!(cat.contains("0000/KH-UBND (ví dụ)"));
    // letter_recipients: the ministry is not among them, the province is.
    let recipients = cat.split("Nơi nhận").nth(1).unwrap();
    assert!(recipients.contains("UBND tỉnh (b/c)"));
    assert!(!recipients.contains("Bộ Nội vụ"));
}

#[test]
fn plan_import_writes_the_plans_number_and_date() {
    let o = bdg()
        .args(["plan", "import"])
        .arg(fixture("import/khanh-hoa-2026.txt"))
        .output()
        .unwrap();
    let v: serde_yaml::Value = serde_yaml::from_slice(&o.stdout).unwrap();
    assert_eq!(v["plan"]["number"].as_str(), Some("123/KH-UBND"));
    assert_eq!(v["plan"]["date"].as_str(), Some("2026-01-15"));
    // The 2021 text has no number line: no field is invented.
    let o = bdg()
        .args(["plan", "import"])
        .arg(fixture("import/ke-hoach-bdg-ninh-thuan-2021.txt"))
        .output()
        .unwrap();
    let v: serde_yaml::Value = serde_yaml::from_slice(&o.stdout).unwrap();
    assert!(v["plan"]["number"].is_null());
}

#[test]
fn the_readme_v2_example_is_a_valid_plan() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let after = readme.split("A short v2 example:").nth(1).unwrap();
    let block = after.split("```yaml\n").nth(1).unwrap();
    let yaml = block.split("```").next().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("plan.yaml");
    std::fs::write(&p, yaml).unwrap();
    bdg().args(["plan", "check"]).arg(&p).assert().success();
    let out = bdg()
        .args(["plan", "show", "--format", "json"])
        .arg(&p)
        .output()
        .unwrap();
    let v = json_of(&out.stdout);
    assert_eq!(
        v["periods"][0]["reporters"],
        serde_json::json!(["SNV", "X_NINH_HAI"])
    );
    assert_eq!(v["plan"]["number"], "1140/KH-UBND");
}

#[test]
fn deeper_numbering_gives_readable_ids_and_the_old_spelling_still_finds_the_task() {
    let plan = fixture("plan_v2/deeper-numbering.yaml");
    let plan = plan.to_str().unwrap();
    let v = plan_json(plan);
    let ids: Vec<&str> = v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["III.3.1", "III.3.2", "III.4.1", "III.4.2"]);
    // A report written with the id such a plan gave before (`III.3.3.1`) still counts.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("SNV.csv"),
        "Đơn vị,Kỳ báo cáo,Ngày báo cáo,Mã nhiệm vụ,Tình trạng,Số hoạt động\n\
         Sở Nội vụ,2026-Q1,10/03/2026,III.3.3.1,hoàn thành,2\n\
         Sở Nội vụ,2026-Q1,10/03/2026,III.3.2,đang thực hiện,1\n",
    )
    .unwrap();
    let out = bdg()
        .args(["check", "--format", "json", "--plan", plan])
        .arg(dir.path())
        .output()
        .unwrap();
    let v = json_of(&out.stdout);
    let codes: Vec<&Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| &d["code"])
        .collect();
    assert!(!codes.iter().any(|c| *c == "unknown-task"), "{codes:?}");
    assert!(
        !codes.iter().any(|c| *c == "task-not-reported"),
        "{codes:?}"
    );
    assert_eq!((&v["rows"], &v["rows_excluded"]), (&2.into(), &0.into()));
}

#[test]
fn a_task_shown_alone_carries_its_parents_text() {
    let out = bdg()
        .args(["plan", "show", "--format", "json", PLAN_2026])
        .args(["--agency", "X_NINH_HAI"])
        .output()
        .unwrap();
    let v = json_of(&out.stdout);
    let task = v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "II.1.b.1")
        .unwrap();
    let context = task["context"].as_array().unwrap();
    assert_eq!(context.len(), 2);
    assert!(context[0]
        .as_str()
        .unwrap()
        .starts_with("Xây dựng và triển khai"));
    assert!(context[1].as_str().unwrap().starts_with("Lồng ghép"));
    // A partner sees the task it co-ordinates, with its role.
    let partner = v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "III.1.b")
        .unwrap();
    assert_eq!(partner["role"], "partner");
}

#[test]
fn a_template_row_says_which_programme_its_task_belongs_to() {
    let text = template_csv("2026-Q1", "X_NINH_HAI");
    let row = text
        .lines()
        .find(|l| l.split(';').nth(1) == Some("II.1.a"))
        .unwrap();
    let task_text = row.split(';').nth(2).unwrap();
    assert!(
        task_text.starts_with("Xây dựng và triển khai kế hoạch năm 2026"),
        "{task_text}"
    );
    assert!(task_text.ends_with("trước 31/3/2026."), "{task_text}");
}

#[test]
fn the_workbook_shows_each_task_with_its_parents_text() {
    use calamine::Data;
    let out = tempfile::tempdir().unwrap();
    consolidate_2026(out.path());
    let path = out.path().join("khanh-hoa-2026-example_2026-Q1.xlsx");
    let sheet = sheet(&path, "Theo nhiệm vụ");
    let row = sheet
        .rows()
        .find(|r| r.first() == Some(&Data::String("II.1.b.1".into())))
        .unwrap();
    let text = row[2].to_string();
    assert!(text.starts_with("Lồng ghép bình đẳng giới"), "{text}");
    assert!(
        text.ends_with("Rà soát các chỉ tiêu có tách biệt theo giới."),
        "{text}"
    );
}
