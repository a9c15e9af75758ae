//! The one integration-test binary: runs the real `bdg` on fixtures and the shipped example.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::PathBuf;

const PLAN: &str = "plans/ninh-thuan-2021.yaml";

/// The synthetic cycle of the benches and the generator example.
#[path = "../benches/common/gen.rs"]
#[allow(dead_code)]
mod gen;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(p: &str) -> PathBuf {
    root().join("tests/fixtures").join(p)
}

fn bdg() -> Command {
    let mut c = Command::cargo_bin("bdg").unwrap();
    c.current_dir(root())
        .env_remove("BDG_PLAN")
        .env("NO_COLOR", "1");
    c
}

/// `bdg GLOBAL… consolidate` of the shipped sample cycle, as of 20/06/2021, into `out`.
fn consolidate_sample(global: &[&str], out: &std::path::Path) -> Command {
    let mut c = bdg();
    c.args(global)
        .args([
            "consolidate",
            "--plan",
            PLAN,
            "--period",
            "2021-H1",
            "--as-of",
            "20/06/2021",
        ])
        .args(["--reports", "examples/reports/2021-H1", "--out"])
        .arg(out);
    c
}

/// `bdg consolidate --format json` of the reports at `reports`, as of 20/06/2021, into `out`:
/// the exit code and the JSON.
fn consolidate_json(reports: &std::path::Path, out: &std::path::Path) -> (i32, Value) {
    let o = bdg()
        .args([
            "consolidate",
            "--format",
            "json",
            "--plan",
            PLAN,
            "--period",
            "2021-H1",
        ])
        .args(["--as-of", "20/06/2021", "--reports"])
        .arg(reports)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    (o.status.code().unwrap(), json_of(&o.stdout))
}

fn json_of(out: &[u8]) -> Value {
    serde_json::from_slice(out)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(out)))
}

mod plan {
    use super::*;

    #[test]
    fn shipped_plan_is_valid_with_no_diagnostics() {
        let out = bdg().args(["plan", "check", PLAN]).output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert!(
            !stderr.contains('['),
            "no diagnostic expected, got: {stderr}"
        );
        assert!(
            stderr.contains("39 nhiệm vụ (II: 13, IV: 26), 0 cảnh báo"),
            "{stderr}"
        );
    }

    #[test]
    fn shipped_plan_has_exactly_the_39_tasks_of_the_source() {
        let out = bdg()
            .args(["plan", "show", PLAN, "--format", "json"])
            .output()
            .unwrap();
        assert!(out.status.success());
        let v = json_of(&out.stdout);
        let ids: Vec<&str> = v["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap())
            .collect();
        let expected = [
            "II.1.a", "II.1.b", "II.2.a", "II.2.b", "II.2.c", "II.3.a", "II.3.b", "II.4.a",
            "II.4.b", "II.4.c", "II.4.d", "II.4.đ", "II.4.e", "IV.1.a", "IV.1.b", "IV.1.c",
            "IV.1.d", "IV.1.đ", "IV.2.a", "IV.2.b", "IV.3", "IV.4.a", "IV.4.b", "IV.5", "IV.6.a",
            "IV.6.b", "IV.7.a", "IV.7.b", "IV.8", "IV.9", "IV.10.a", "IV.10.b", "IV.11", "IV.12.a",
            "IV.12.b", "IV.13", "IV.14", "IV.15.a", "IV.15.b",
        ];
        assert_eq!(ids, expected);
        // Section II applies to every agency; IV.10 to the radio-TV station and the newspaper;
        // IV.1 is led by the Sở LĐTBXH.
        let task = |id: &str| {
            v["tasks"]
                .as_array()
                .unwrap()
                .iter()
                .find(|t| t["id"] == id)
                .unwrap()
                .clone()
        };
        assert_eq!(task("II.4.đ")["agencies"], "all");
        assert_eq!(
            task("IV.10.a")["agencies"],
            serde_json::json!(["DPTTH", "BNT"])
        );
        assert_eq!(task("IV.1.c")["agencies"], serde_json::json!(["SLDTBXH"]));
        // The periods and their deadlines, day/month read correctly.
        assert_eq!(v["periods"][0]["id"], "2021-H1");
        assert_eq!(v["periods"][0]["due"], "2021-06-10");
        assert_eq!(v["periods"][1]["due"], "2021-12-10");
        // The groups named without members are expanded and marked so.
        let agencies = v["agencies"].as_array().unwrap();
        let expanded: Vec<&str> = agencies
            .iter()
            .filter(|a| a["expanded_from"] == "ubnd_huyen_tp")
            .map(|a| a["id"].as_str().unwrap())
            .collect();
        assert_eq!(expanded.len(), 7, "{expanded:?}");
        assert!(agencies
            .iter()
            .any(|a| a["id"] == "TINHDOAN" && a["expanded_from"] == "doan_the_tinh"));
    }

    #[test]
    fn show_agency_by_name_lists_its_tasks() {
        let out = bdg()
            .args([
                "plan",
                "show",
                PLAN,
                "--agency",
                "Sở Y tế",
                "--format",
                "json",
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        let v = json_of(&out.stdout);
        let lead: Vec<&str> = v["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["role"] == "lead")
            .map(|t| t["id"].as_str().unwrap())
            .collect();
        assert_eq!(lead[0], "IV.8", "section IV items come first: {lead:?}");
        for id in ["IV.8", "II.1.a", "II.2.b", "II.4.đ", "II.4.e", "IV.15.b"] {
            assert!(lead.contains(&id), "{id} missing from {lead:?}");
        }
        assert!(!lead.contains(&"IV.10.a"));
        // The same by alias, without diacritics, and the table view names the task.
        bdg()
            .args(["plan", "show", PLAN, "--agency", "so y te"])
            .assert()
            .success()
            .stdout(predicate::str::contains("IV.8").and(predicate::str::contains("II.4.đ")));
        bdg()
            .args(["plan", "show", PLAN, "--agency", "Sở Y tê"])
            .assert()
            .success();
        bdg()
            .args(["plan", "show", PLAN, "--agency", "Sở Y"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("Sở Y tế"));
    }

    #[test]
    fn broken_plans_are_rejected_at_the_right_place() {
        let cases = [
            (
                "unknown-agency.yaml",
                "unknown-agency",
                "29:16",
                Some("'SYT'"),
            ),
            ("missing-due.yaml", "missing-due-date", "9:9", None),
            ("duplicate-task.yaml", "duplicate-task", "24:13", None),
            ("duplicate-agency.yaml", "duplicate-agency", "17:9", None),
            (
                "unknown-coordinator.yaml",
                "unknown-coordinator",
                "6:16",
                Some("'SLDTBXH'"),
            ),
            ("yaml-error.yaml", "yaml", "17:4", None),
            (
                "unknown-field.yaml",
                "unknown-field",
                "29:9",
                Some("'lead'"),
            ),
        ];
        for (file, code, pos, hint) in cases {
            let path = fixture(&format!("plans/{file}"));
            let out = bdg()
                .args(["--lang", "en", "plan", "check"])
                .arg(&path)
                .output()
                .unwrap();
            let stderr = String::from_utf8(out.stderr).unwrap();
            assert_eq!(out.status.code(), Some(1), "{file}: {stderr}");
            let want = format!("error[{code}] {}:{pos}:", path.display());
            assert!(
                stderr.contains(&want),
                "{file}: expected `{want}` in\n{stderr}"
            );
            if let Some(h) = hint {
                assert!(
                    stderr.contains(&format!("did you mean {h}?")),
                    "{file}: {stderr}"
                );
            }
        }
    }

    #[test]
    fn every_problem_is_reported_not_only_the_first() {
        let out = bdg()
            .args(["--lang", "en", "plan", "check"])
            .arg(fixture("plans/many-errors.yaml"))
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(1));
        for code in [
            "unknown-coordinator",
            "unknown-reporter",
            "missing-due-date",
            "unknown-agency",
        ] {
            assert!(
                stderr.contains(&format!("error[{code}]")),
                "{code} missing:\n{stderr}"
            );
        }
    }

    #[test]
    fn unreadable_plan_exits_2() {
        bdg()
            .args(["plan", "check", "no/such/plan.yaml"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("no/such/plan.yaml"));
    }

    #[test]
    fn mini_plan_is_valid() {
        bdg()
            .args(["plan", "check"])
            .arg(fixture("plans/mini.yaml"))
            .assert()
            .success();
    }
}

mod check {
    use super::*;

    fn check_json(args: &[&str]) -> (i32, Value) {
        let out = bdg()
            .args(["--lang", "en", "check", "--plan", PLAN, "--format", "json"])
            .args(args)
            .output()
            .unwrap();
        (out.status.code().unwrap(), json_of(&out.stdout))
    }

    #[test]
    fn every_encoding_and_delimiter_reads_the_same_rows() {
        for f in [
            "utf8-bom-comma.csv",
            "utf8-crlf-semicolon.csv",
            "utf16le-tab.txt",
            "utf16be-tab.txt",
            "windows-1258.csv",
            "messy-whitespace.csv",
        ] {
            let path = fixture(&format!("reports/{f}"));
            let (code, v) = check_json(&[path.to_str().unwrap()]);
            assert_eq!(code, 0, "{f}: {v}");
            let r = &v["reports"][0];
            // "Sở Y tế" written in Vietnamese matched the plan in every encoding.
            assert_eq!(r["agency"], "SYT", "{f}: {v}");
            assert_eq!(r["submitted_on"], "2021-06-08", "{f}");
            assert_eq!(r["rows"], 3, "{f}: {v}");
            let errors = v["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["severity"] == "error")
                .count();
            assert_eq!(errors, 0, "{f}: {v}");
        }
        let (_, v) = check_json(&[fixture("reports/windows-1258.csv").to_str().unwrap()]);
        assert_eq!(v["reports"][0]["encoding"], "windows-1258");
        let (_, v) = check_json(&[fixture("reports/utf16le-tab.txt").to_str().unwrap()]);
        assert_eq!(v["reports"][0]["delimiter"], "\t");
        let (_, v) = check_json(&[fixture("reports/utf8-crlf-semicolon.csv").to_str().unwrap()]);
        assert_eq!(v["reports"][0]["delimiter"], ";");
    }

    #[test]
    fn each_diagnostic_code_at_its_line_and_column() {
        type Case<'a> = (&'a str, &'a str, Option<u64>, Option<u64>, &'a str);
        let cases: &[Case] = &[
            (
                "unknown-task.csv",
                "unknown-task",
                Some(3),
                Some(28),
                "error",
            ),
            (
                "duplicate-task.csv",
                "duplicate-task",
                Some(5),
                Some(28),
                "error",
            ),
            ("bad-status.csv", "bad-status", Some(5), Some(35), "error"),
            ("bad-number.csv", "bad-number", Some(5), Some(52), "error"),
            (
                "out-of-range.csv",
                "out-of-range",
                Some(5),
                Some(46),
                "error",
            ),
            ("bad-date.csv", "bad-date", Some(2), Some(17), "error"),
            (
                "mixed-agency.csv",
                "mixed-agency",
                Some(5),
                Some(1),
                "error",
            ),
            (
                "mixed-period.csv",
                "mixed-period",
                Some(5),
                Some(9),
                "error",
            ),
            (
                "unknown-agency.csv",
                "unknown-agency",
                Some(2),
                Some(1),
                "error",
            ),
            (
                "unknown-period.csv",
                "unknown-period",
                Some(2),
                Some(9),
                "error",
            ),
            (
                "missing-column.csv",
                "missing-column",
                Some(1),
                Some(1),
                "error",
            ),
            ("not-a-table.csv", "not-a-table", None, None, "error"),
            ("empty-template.csv", "empty-report", None, None, "error"),
            (
                "extra-fields.csv",
                "extra-fields",
                Some(3),
                Some(65),
                "error",
            ),
            (
                "not-assigned.csv",
                "not-assigned",
                Some(5),
                Some(28),
                "warning",
            ),
            (
                "unknown-column.csv",
                "unknown-column",
                Some(1),
                Some(157),
                "warning",
            ),
        ];
        for &(file, code, line, col, sev) in cases {
            let path = fixture(&format!("reports/codes/{file}"));
            let (exit, v) = check_json(&[path.to_str().unwrap()]);
            let diags = v["diagnostics"].as_array().unwrap();
            let d = diags
                .iter()
                .find(|d| d["code"] == code)
                .unwrap_or_else(|| panic!("{file}: no {code} in {diags:?}"));
            assert_eq!(
                (d["line"].as_u64(), d["column"].as_u64()),
                (line, col),
                "{file}: {d}"
            );
            assert_eq!(d["severity"], sev, "{file}");
            assert_eq!(exit, if sev == "error" { 1 } else { 0 }, "{file}");
        }
    }

    #[test]
    fn messages_say_what_was_found_and_suggest_a_near_match() {
        let (_, v) = check_json(&[fixture("reports/codes/unknown-task.csv").to_str().unwrap()]);
        let d = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "unknown-task")
            .unwrap()
            .clone();
        assert!(d["message"].as_str().unwrap().contains("'II.5.a'"));
        assert_eq!(d["hint"], "did you mean 'II.1.a'?");
        let (_, v) = check_json(&[fixture("reports/codes/unknown-agency.csv")
            .to_str()
            .unwrap()]);
        let d = &v["diagnostics"][0];
        assert!(d["message"].as_str().unwrap().contains("'Sở Y tá'"), "{d}");
        assert_eq!(d["hint"], "did you mean 'Sở Y tế'?");
        let (_, v) = check_json(&[fixture("reports/codes/bad-date.csv").to_str().unwrap()]);
        assert!(v["diagnostics"][0]["hint"]
            .as_str()
            .unwrap()
            .contains("day first"));
        let (_, v) = check_json(&[fixture("reports/codes/bad-status.csv").to_str().unwrap()]);
        let d = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "bad-status")
            .unwrap()
            .clone();
        assert_eq!(d["hint"], "did you mean 'hoàn thành'?");
    }

    #[test]
    fn a_bad_file_never_stops_the_run() {
        let (code, v) = check_json(&[
            fixture("reports/codes/not-a-table.csv").to_str().unwrap(),
            fixture("reports/utf8-bom-comma.csv").to_str().unwrap(),
            "no/such/dir",
        ]);
        assert_eq!(code, 1);
        assert_eq!(v["files"], 3);
        assert_eq!(v["rows"], 3);
        let codes: Vec<&str> = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap())
            .collect();
        assert!(
            codes.contains(&"not-a-table") && codes.contains(&"unreadable"),
            "{codes:?}"
        );
    }

    #[test]
    fn forcing_the_wrong_encoding_is_an_encoding_diagnostic() {
        let (_, v) = check_json(&[
            "--encoding",
            "utf-8",
            fixture("reports/windows-1258.csv").to_str().unwrap(),
        ]);
        let codes: Vec<&str> = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap())
            .collect();
        assert!(codes.contains(&"encoding"), "{codes:?}");
        bdg()
            .args(["check", "--plan", PLAN, "--encoding", "klingon"])
            .arg(fixture("reports/windows-1258.csv"))
            .assert()
            .code(2);
    }

    #[test]
    fn ten_thousand_rows_with_one_bad_row_give_exactly_one_error() {
        // A plan with 10,000 tasks for one agency, and its report with row 5,001 broken.
        let dir = tempfile::tempdir().unwrap();
        let mut plan = String::from(
            "plan: {id: big, title: T, issuer: I, year: 2021, coordinator: A, recipient: R}\n\
             periods: [{id: P1, name: P1, due: 2021-06-10}]\n\
             agencies: [{id: A, name: Agency A}]\n\
             sections:\n  - id: II\n    title: T\n    lead: [all]\n    items:\n",
        );
        for i in 1..=10_000 {
            plan.push_str(&format!("      - {{id: \"{i}\", text: t{i}}}\n"));
        }
        let plan_path = dir.path().join("plan.yaml");
        std::fs::write(&plan_path, plan).unwrap();
        let mut csv = String::from("agency;period;submitted_on;task;status;budget_vnd;note\n");
        for i in 1..=10_000 {
            let budget = if i == 5_001 { "1.5.00" } else { "1.500.000" };
            csv.push_str(&format!(
                "A;P1;08/06/2021;II.{i};hoàn thành;{budget};ghi chú {i}\n"
            ));
        }
        let report = dir.path().join("big.csv");
        std::fs::write(&report, csv).unwrap();
        let out = bdg()
            .args(["check", "--format", "json", "--plan"])
            .arg(&plan_path)
            .arg(&report)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let v = json_of(&out.stdout);
        assert_eq!(v["rows"], 9_999);
        let diags = v["diagnostics"].as_array().unwrap();
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0]["code"], "bad-number");
        assert_eq!(diags[0]["line"], 5_002);
    }

    #[test]
    fn the_shipped_example_cycle_reads_with_only_the_planted_errors() {
        let (code, v) = check_json(&["examples/reports/2021-H1"]);
        assert_eq!(code, 1);
        assert_eq!(v["files"], 16);
        let errors: Vec<(&str, &str)> = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["severity"] == "error")
            .map(|d| {
                (
                    d["file"].as_str().unwrap().rsplit('/').next().unwrap(),
                    d["code"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            errors,
            [
                ("UBND_NinhHai_2021-H1.csv", "unknown-task"),
                ("UBND_NinhHai_2021-H1.csv", "bad-status"),
                ("UBND_NinhHai_2021-H1.csv", "bad-number"),
                ("UBND_NinhHai_2021-H1.csv", "out-of-range"),
            ]
        );
    }
}

mod deadlines {
    use super::*;

    const CYCLE: [&str; 6] = [
        "--plan",
        PLAN,
        "--period",
        "2021-H1",
        "--reports",
        "examples/reports/2021-H1",
    ];

    #[test]
    fn overdue_lists_late_and_missing_with_days_and_exits_1() {
        let out = bdg()
            .arg("overdue")
            .args(CYCLE)
            .args(["--as-of", "20/06/2021", "--format", "json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let v = json_of(&out.stdout);
        assert_eq!(
            (v["period"].as_str(), v["as_of"].as_str(), v["due"].as_str()),
            (Some("2021-H1"), Some("2021-06-20"), Some("2021-06-10"))
        );
        let find = |id: &str| {
            v["agencies"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["agency"] == id)
                .cloned()
        };
        let late = find("SVHTTDL").unwrap();
        assert_eq!(
            (
                late["state"].as_str(),
                late["submitted_on"].as_str(),
                late["days_late"].as_i64()
            ),
            (Some("late"), Some("2021-06-15"), Some(5))
        );
        let missing = find("STP").unwrap();
        assert_eq!(
            (
                missing["state"].as_str(),
                missing["submitted_on"].is_null(),
                missing["days_late"].as_i64()
            ),
            (Some("missing"), true, Some(10))
        );
        assert_eq!(missing["name"], "Sở Tư pháp");
        // On the due date itself (SGDDT, 10/06) is on time; the corrected PRTC report stays on time.
        assert!(find("SGDDT").is_none() && find("UBND_PRTC").is_none());
        assert_eq!(v["agencies"].as_array().unwrap().len(), 12);
    }

    #[test]
    fn before_the_deadline_nobody_is_overdue() {
        let empty = tempfile::tempdir().unwrap();
        let overdue_on = |as_of: &str| {
            let out = bdg()
                .args([
                    "overdue",
                    "--plan",
                    PLAN,
                    "--period",
                    "2021-H1",
                    "--format",
                    "json",
                    "--as-of",
                    as_of,
                    "--reports",
                ])
                .arg(empty.path())
                .output()
                .unwrap();
            (
                out.status.code(),
                json_of(&out.stdout)["agencies"].as_array().unwrap().len(),
            )
        };
        // On the due date itself nobody is overdue yet; one day later every agency is missing.
        assert_eq!(overdue_on("2021-06-10"), (Some(0), 0));
        assert_eq!(overdue_on("2021-06-11"), (Some(1), 25));
    }

    #[test]
    fn csv_for_cron_has_only_data_on_stdout() {
        let out = bdg()
            .args(["-q", "overdue"])
            .args(CYCLE)
            .args(["--as-of", "2021-06-20", "--format", "csv"])
            .output()
            .unwrap();
        let s = String::from_utf8(out.stdout).unwrap();
        let mut lines = s.lines();
        assert_eq!(
            lines.next(),
            Some("agency,name,state,due,submitted_on,days_late")
        );
        assert!(
            s.contains("SVHTTDL,\"Sở Văn hóa, Thể thao và Du lịch\",late,2021-06-10,2021-06-15,5"),
            "{s}"
        );
        assert!(out.stderr.is_empty());
    }

    #[test]
    fn could_not_run_exits_2() {
        bdg()
            .arg("overdue")
            .args([
                "--plan",
                PLAN,
                "--period",
                "2021-H3",
                "--reports",
                "examples/reports/2021-H1",
            ])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("2021-H1, 2021-Y"));
        bdg()
            .arg("overdue")
            .args(CYCLE)
            .args(["--as-of", "06/13/2021"])
            .assert()
            .code(2);
        bdg()
            .arg("overdue")
            .args([
                "--plan",
                "nope.yaml",
                "--period",
                "2021-H1",
                "--reports",
                "examples",
            ])
            .assert()
            .code(2);
    }

    #[test]
    fn a_closed_pipe_is_a_quiet_exit_not_a_panic() {
        // `bdg overdue | head -1`
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(format!(
                "set -o pipefail; '{}' -q overdue --plan {PLAN} --period 2021-H1 --reports examples/reports/2021-H1 --as-of 2021-06-20 | head -1",
                assert_cmd::cargo::cargo_bin("bdg").display()
            ))
            .current_dir(root())
            .output()
            .unwrap();
        assert!(
            String::from_utf8_lossy(&out.stderr).is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // A reader that is gone before bdg writes: the write fails with EPIPE for certain.
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("bdg"))
            .args(["plan", "show", PLAN, "--format", "json"])
            .current_dir(root())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(out.status.code(), Some(0), "{stderr}");
    }

    #[test]
    fn remind_writes_one_letter_per_overdue_agency() {
        let dir = tempfile::tempdir().unwrap();
        bdg()
            .arg("remind")
            .args(CYCLE)
            .args(["--as-of", "20/06/2021", "--out"])
            .arg(dir.path())
            .assert()
            .code(1);
        let letters: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.ends_with("_don-doc.txt"))
            .collect();
        assert_eq!(letters.len(), 12, "{letters:?}");
        let stp = std::fs::read_to_string(dir.path().join("2021-H1_STP_don-doc.txt")).unwrap();
        for want in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Ninh Thuận, ngày 20 tháng 6 năm 2021",
            "V/v đôn đốc gửi báo cáo",
            "Kính gửi: Sở Tư pháp",
            "Kế hoạch triển khai công tác bình đẳng giới tỉnh Ninh Thuận năm 2021",
            "10/6/2021",
            "quá hạn 10 ngày",
            "Nơi nhận:",
        ] {
            assert!(stp.contains(want), "missing {want:?} in\n{stp}");
        }
        let late = std::fs::read_to_string(dir.path().join("2021-H1_SVHTTDL_don-doc.txt")).unwrap();
        assert!(late.contains("chậm 5 ngày"), "{late}");
        let en = tempfile::tempdir().unwrap();
        bdg()
            .args(["--lang", "en", "remind"])
            .args(CYCLE)
            .args(["--as-of", "20/06/2021", "--out"])
            .arg(en.path())
            .assert()
            .code(1);
        let stp = std::fs::read_to_string(en.path().join("2021-H1_STP_reminder.txt")).unwrap();
        assert!(
            stp.contains("To: Sở Tư pháp") && stp.contains("10 days overdue"),
            "{stp}"
        );
    }
}

mod consolidate {
    use super::*;
    use calamine::{open_workbook, Data, DataType, Reader, Xlsx};

    fn sheet(path: &std::path::Path, name: &str) -> calamine::Range<Data> {
        let mut wb: Xlsx<_> = open_workbook(path).unwrap();
        wb.worksheet_range(name).unwrap()
    }

    fn row_of<'a>(r: &'a calamine::Range<Data>, first_cell: &str) -> Vec<&'a Data> {
        r.rows()
            .find(|row| row[0] == Data::String(first_cell.into()))
            .unwrap_or_else(|| panic!("no row {first_cell}"))
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
        assert_eq!(t.height(), 1 + 39);
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
        assert_eq!(a.height(), 1 + 25);
        // Details: every accepted row, with its file and line; the sum matches the totals.
        let d = sheet(&book, "Chi tiết");
        let accepted: u64 = v["agencies"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["rows"].as_u64().unwrap())
            .sum();
        assert_eq!(d.height() as u64, 1 + accepted);
        let sum_female: f64 = d.rows().skip(1).filter_map(|r| r[5].get_float()).sum();
        assert_eq!(sum_female, female);
        // Excluded rows are listed, each with its reason.
        let x = sheet(&book, "Bị loại");
        let codes: Vec<String> = x.rows().skip(1).map(|r| r[4].to_string()).collect();
        for c in [
            "unknown-task",
            "bad-status",
            "bad-number",
            "out-of-range",
            "superseded",
        ] {
            assert!(codes.iter().any(|x| x == c), "{c} not in {codes:?}");
        }
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
                .any(|r| r[8] == Data::String("=> Đã phát 500 tờ rơi".into())),
            "{note:?}"
        );
        let mut wb: Xlsx<_> =
            open_workbook(dir.path().join("ninh-thuan-2021_2021-H1.xlsx")).unwrap();
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
            let wb: Xlsx<_> =
                open_workbook(dir.path().join("ninh-thuan-2021_2021-H1.xlsx")).unwrap();
            assert_eq!(wb.sheet_names().len(), 7);
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
        let wb: Xlsx<_> =
            open_workbook(dir.path().join("ninh-thuan-2021_2021-H1_en.xlsx")).unwrap();
        assert_eq!(
            wb.sheet_names(),
            [
                "Summary",
                "By task",
                "By agency",
                "Details",
                "Overdue",
                "Excluded",
                "Diagnostics"
            ]
        );
    }
}

mod templates {
    use super::*;
    use calamine::{open_workbook, Data, Reader, Xlsx};
    use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

    fn make(dir: &std::path::Path, extra: &[&str]) {
        bdg()
            .args([
                "-q", "template", "--plan", PLAN, "--period", "2021-H1", "--out",
            ])
            .arg(dir)
            .args(extra)
            .assert()
            .success();
    }

    fn cells(path: &std::path::Path) -> Vec<Vec<Data>> {
        let mut wb: Xlsx<_> = open_workbook(path).unwrap();
        wb.worksheet_range("Báo cáo")
            .unwrap()
            .rows()
            .map(|r| r.to_vec())
            .collect()
    }

    /// The template filled in as an agency would: a date cell, statuses from the list, numbers,
    /// an amount typed as text, a formula with its cached value. `bad` puts a wrong status in
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
            for c in [0u16, 1, 3, 4] {
                ws.write_string(r, c, row[c as usize].to_string()).unwrap();
            }
            // As Excel stores a date typed into the template's date cell; one row without its
            // date format, as after a paste.
            let date = ExcelDateTime::from_ymd(2021, 6, 9).unwrap();
            if i == 2 {
                ws.write_datetime(r, 2, date).unwrap();
            } else {
                ws.write_datetime_with_format(
                    r,
                    2,
                    date,
                    &Format::new().set_num_format("dd/mm/yyyy"),
                )
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
        wb.save(out).unwrap();
    }

    #[test]
    fn one_template_per_expected_agency_listing_its_tasks() {
        let dir = tempfile::tempdir().unwrap();
        make(dir.path(), &[]);
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
        assert_eq!(syt[0][3], Data::String("Mã nhiệm vụ".into()));
        let ids: Vec<String> = syt.iter().skip(1).map(|r| r[3].to_string()).collect();
        assert_eq!(
            &ids[..3],
            ["IV.8", "IV.15.a", "IV.15.b"],
            "section IV first"
        );
        assert_eq!(ids.len(), 3 + 13);
        assert_eq!(syt[1][0], Data::String("Sở Y tế".into()));
        assert_eq!(syt[1][1], Data::String("2021-H1".into()));
        assert!(syt[1][4]
            .to_string()
            .starts_with("Sở Y tế: thực hiện lồng ghép giới"));
        let mut wb: Xlsx<_> = open_workbook(dir.path().join("2021-H1_SYT_so-y-te.xlsx")).unwrap();
        assert_eq!(wb.sheet_names(), ["Báo cáo", "Hướng dẫn"]);
        let help = wb.worksheet_range("Hướng dẫn").unwrap();
        assert!(
            help.rows().any(|r| r[1].to_string().contains("10/6/2021")),
            "the deadline is in the instructions"
        );
        // IV.10 goes to the radio-TV station and the newspaper.
        let bnt = cells(&dir.path().join("2021-H1_BNT_bao-ninh-thuan.xlsx"));
        assert_eq!(bnt[1][3], Data::String("IV.10.a".into()));
    }

    #[test]
    fn an_empty_template_is_reported_as_such() {
        let dir = tempfile::tempdir().unwrap();
        make(dir.path(), &["--agency", "SYT"]);
        make(dir.path(), &["--agency", "Sở Y tế", "--format", "csv"]);
        for f in ["2021-H1_SYT_so-y-te.xlsx", "2021-H1_SYT_so-y-te.csv"] {
            let out = bdg()
                .args(["check", "--format", "json", "--plan", PLAN])
                .arg(dir.path().join(f))
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(1));
            let v = json_of(&out.stdout);
            let d = v["diagnostics"].as_array().unwrap();
            assert_eq!(d.len(), 1, "{f}: {d:?}");
            assert_eq!(d[0]["code"], "empty-report", "{f}");
        }
    }

    #[test]
    fn a_filled_template_goes_back_in_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        make(dir.path(), &["--agency", "SYT"]);
        let reports = dir.path().join("reports");
        std::fs::create_dir(&reports).unwrap();
        fill(
            &dir.path().join("2021-H1_SYT_so-y-te.xlsx"),
            &reports.join("syt.xlsx"),
            None,
        );
        let out = bdg()
            .args(["check", "--format", "json", "--plan", PLAN])
            .arg(&reports)
            .output()
            .unwrap();
        let v = json_of(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{v}");
        assert_eq!(v["rows"], 16);
        assert_eq!(v["reports"][0]["submitted_on"], "2021-06-09");
        // Its figures reach the consolidated workbook.
        let book_dir = dir.path().join("out");
        let (_, v) = consolidate_json(&reports, &book_dir);
        assert_eq!(v["totals"]["budget_vnd"], 16 * 1_500_000);
        assert_eq!(
            v["totals"]["activities"],
            16 * 2,
            "formula cells count by their cached value"
        );
        let mut wb: Xlsx<_> = open_workbook(book_dir.join("ninh-thuan-2021_2021-H1.xlsx")).unwrap();
        let d = wb.worksheet_range("Chi tiết").unwrap();
        let iv8 = d
            .rows()
            .find(|r| r[1] == Data::String("IV.8".into()))
            .unwrap();
        assert_eq!(iv8[0], Data::String("SYT".into()));
        assert_eq!(iv8[7], Data::Float(1_500_000.0));
        assert_eq!(iv8[8], Data::String("=> kết quả 1".into()));
    }

    #[test]
    fn a_filled_csv_template_passes_check() {
        let dir = tempfile::tempdir().unwrap();
        make(dir.path(), &["--agency", "BNT", "--format", "csv"]);
        let path = dir.path().join("2021-H1_BNT_bao-ninh-thuan.csv");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with('\u{feff}'), "UTF-8 with BOM for Excel");
        // Fill the date, status and a figure on every row, as an officer would in a text editor.
        let filled: String = text
            .lines()
            .enumerate()
            .map(|(i, l)| {
                if i == 0 {
                    return format!("{l}\r\n");
                }
                let mut cells: Vec<String> = l.split(',').map(String::from).collect();
                // The task text is quoted and may hold commas: rebuild from the end.
                let n = cells.len();
                cells[2] = "09/06/2021".into();
                cells[n - 7] = "hoàn thành".into();
                cells[n - 4] = "12".into();
                format!("{}\r\n", cells.join(","))
            })
            .collect();
        std::fs::write(&path, filled).unwrap();
        let out = bdg()
            .args(["check", "--format", "json", "--plan", PLAN])
            .arg(&path)
            .output()
            .unwrap();
        let v = json_of(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{v}");
        assert_eq!(v["rows"], 2 + 2 + 13);
    }

    #[test]
    fn a_bad_cell_is_reported_at_that_cell() {
        let dir = tempfile::tempdir().unwrap();
        make(dir.path(), &["--agency", "SYT"]);
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
        let out = bdg()
            .args(["check", "--format", "json", "--plan", PLAN])
            .arg(&bad)
            .output()
            .unwrap();
        let v = json_of(&out.stdout);
        let d = &v["diagnostics"][0];
        assert_eq!(
            (d["cell"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
            (Some("Báo cáo!F5"), Some(5), Some(6))
        );
    }
}

mod scale {
    use super::*;
    use calamine::{Data, Reader, Xlsx};

    use super::gen;

    #[test]
    fn the_generator_is_deterministic_and_bdg_finds_what_it_planted() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let write = |dir: &std::path::Path| {
            std::fs::create_dir_all(dir.join("reports")).unwrap();
            std::fs::write(dir.join("plan.yaml"), gen::plan_yaml(120, 25)).unwrap();
            gen::reports(120, 25, 7, 40, |name, body| {
                std::fs::write(dir.join("reports").join(name), body).unwrap()
            })
        };
        let stats = write(a.path());
        write(b.path());
        for f in std::fs::read_dir(a.path().join("reports")).unwrap() {
            let f = f.unwrap();
            assert_eq!(
                std::fs::read(f.path()).unwrap(),
                std::fs::read(b.path().join("reports").join(f.file_name())).unwrap()
            );
        }
        let out = bdg()
            .args(["check", "--format", "json", "--plan"])
            .arg(a.path().join("plan.yaml"))
            .arg(a.path().join("reports"))
            .output()
            .unwrap();
        let v = json_of(&out.stdout);
        assert_eq!(v["files"], stats.files);
        let bad = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "bad-number")
            .count();
        assert_eq!(bad, stats.bad_rows);
        assert_eq!(
            v["rows"].as_u64().unwrap() as usize,
            stats.files * 25 - stats.bad_rows
        );
        let out = bdg()
            .args([
                "overdue",
                "--format",
                "json",
                "--as-of",
                "2025-12-31",
                "--period",
                "2025-Y",
                "--plan",
            ])
            .arg(a.path().join("plan.yaml"))
            .arg("--reports")
            .arg(a.path().join("reports"))
            .output()
            .unwrap();
        let v = json_of(&out.stdout);
        let count = |s: &str| {
            v["agencies"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|x| x["state"] == s)
                .count()
        };
        assert_eq!(
            (count("late"), count("missing")),
            (stats.late, stats.missing)
        );
    }

    #[test]
    fn details_past_the_sheet_limit_go_on_in_further_sheets() {
        let plan = bdg::plan::load(&root().join(PLAN)).unwrap().0;
        let files: Vec<PathBuf> = std::fs::read_dir(root().join("examples/reports/2021-H1"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        let reports = bdg::report::read_all(&files, &plan, &Default::default(), &|| {});
        let as_of = chrono::NaiveDate::from_ymd_opt(2021, 6, 20).unwrap();
        let c = bdg::cycle::build(&plan, &plan.periods[0], reports, as_of);
        let k = bdg::consolidate::consolidate(&c);
        let total = k.details().count();
        let bytes = bdg::render::xlsx::workbook_with_limit(&k, bdg::lang::Lang::Vi, 100)
            .unwrap()
            .save_to_buffer()
            .unwrap();
        let mut wb = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let parts: Vec<String> = wb
            .sheet_names()
            .into_iter()
            .filter(|n| n.starts_with("Chi tiết"))
            .collect();
        assert_eq!(parts.len(), total.div_ceil(100), "{parts:?}");
        assert_eq!(parts[1], "Chi tiết 2");
        let rows: usize = parts
            .iter()
            .map(|p| wb.worksheet_range(p).unwrap().height() - 1)
            .sum();
        assert_eq!(rows, total);
        let first = wb.worksheet_range("Chi tiết").unwrap();
        assert_eq!(first.height(), 101);
        assert_eq!(first.get((0, 0)), Some(&Data::String("Đơn vị".into())));
    }
}

mod hardening {
    use super::*;

    fn check_json(paths: &[&std::path::Path]) -> (i32, Value) {
        let out = bdg()
            .args(["--lang", "en", "check", "--format", "json", "--plan", PLAN])
            .args(paths)
            .output()
            .unwrap();
        (out.status.code().unwrap(), json_of(&out.stdout))
    }

    fn codes(v: &Value) -> Vec<String> {
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    }

    fn good() -> PathBuf {
        fixture("reports/utf8-bom-comma.csv")
    }

    #[test]
    fn a_file_over_the_size_limit_is_refused_and_the_rest_still_read() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.csv");
        std::fs::File::create(&big)
            .unwrap()
            .set_len(65 * 1024 * 1024)
            .unwrap(); // sparse
        let (code, v) = check_json(&[&big, &good()]);
        assert_eq!(code, 1);
        assert_eq!(v["rows"], 3);
        let d = &v["diagnostics"][0];
        assert_eq!(d["code"], "too-large");
        assert!(
            d["message"]
                .as_str()
                .unwrap()
                .contains("65 MB, over the 64 MB limit"),
            "{d}"
        );
    }

    #[test]
    fn a_cell_over_excels_limit_is_an_error_at_that_cell() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("long.csv");
        let note = "x".repeat(40_000);
        std::fs::write(&f, format!("agency,period,submitted_on,task,status,note\nSYT,2021-H1,08/06/2021,IV.8,done,ok\nSYT,2021-H1,08/06/2021,II.1.a,done,{note}\n")).unwrap();
        let (code, v) = check_json(&[&f]);
        assert_eq!(code, 1);
        assert_eq!(v["rows"], 1);
        let d = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "too-long")
            .unwrap()
            .clone();
        assert_eq!(
            (d["line"].as_u64(), d["column"].as_u64()),
            (Some(3), Some(36))
        );
        assert!(
            d["message"].as_str().unwrap().contains("40000 characters"),
            "{d}"
        );
    }

    #[test]
    fn a_header_with_thousands_of_columns_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("wide.csv");
        let extra: Vec<String> = (0..5000).map(|i| format!("c{i}")).collect();
        std::fs::write(
            &f,
            format!(
                "agency,period,submitted_on,task,status,{}\nSYT,2021-H1,08/06/2021,IV.8,done\n",
                extra.join(",")
            ),
        )
        .unwrap();
        let (code, v) = check_json(&[&f]);
        assert_eq!(code, 1);
        assert_eq!(codes(&v), ["too-many-columns"]);
        assert!(v["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("5005 columns"));
    }

    fn mini_with(f: impl Fn(String) -> String) -> tempfile::NamedTempFile {
        let src = std::fs::read_to_string(fixture("plans/mini.yaml")).unwrap();
        let file = tempfile::Builder::new().suffix(".yaml").tempfile().unwrap();
        std::fs::write(file.path(), f(src)).unwrap();
        file
    }

    #[test]
    fn a_yaml_alias_bomb_is_refused_before_it_expands() {
        let plan = mini_with(|s| {
            let big = "x".repeat(100_000);
            let aliases = vec!["*t"; 5000].join(",");
            s.replace(
                "  title: Kế hoạch thử\n",
                &format!("  title: &t \"{big}\"\n"),
            )
            .replace(
                "  recipient: Bộ\n",
                &format!("  recipient: Bộ\n  distribution: [{aliases}]\n"),
            )
        });
        let out = bdg()
            .args(["--lang", "en", "plan", "check"])
            .arg(plan.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.contains("error[yaml-alias]") && stderr.contains(":8:"),
            "{stderr}"
        );
        // A command that needs the plan cannot run: exit 2.
        bdg()
            .args(["check", "--plan"])
            .arg(plan.path())
            .arg(good())
            .assert()
            .code(2);
    }

    /// The mini plan with its section II items nested `levels` deep.
    fn nested(levels: usize) -> tempfile::NamedTempFile {
        mini_with(|s| {
            let mut items = String::new();
            let mut ind = String::from("      ");
            for i in 0..levels {
                items += &format!("{ind}- id: \"{i}\"\n{ind}  text: t\n{ind}  items:\n");
                ind += "    ";
            }
            items += &format!("{ind}- {{id: leaf, text: t}}\n");
            let head = s.split("sections:").next().unwrap().to_string();
            format!(
                "{head}sections:\n  - id: II\n    title: T\n    lead: [all]\n    items:\n{items}"
            )
        })
    }

    fn plan_check_en(plan: &std::path::Path) -> (Option<i32>, String) {
        let out = bdg()
            .args(["--lang", "en", "plan", "check"])
            .arg(plan)
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stderr).unwrap())
    }

    #[test]
    fn a_plan_that_nests_too_deep_is_refused() {
        // Past the YAML parser's own limit, and just past bdg's.
        let (code, stderr) = plan_check_en(nested(300).path());
        assert_eq!(code, Some(1));
        assert!(
            stderr.contains("error[too-deep]") && stderr.contains("at most 8 levels"),
            "{stderr}"
        );
        let (code, stderr) = plan_check_en(nested(9).path());
        assert_eq!(code, Some(1));
        assert_eq!(
            stderr.matches("error[").count(),
            1,
            "one clear error: {stderr}"
        );
        assert!(stderr.contains("nests deeper than 8 levels"), "{stderr}");
        let (code, _) = plan_check_en(nested(7).path());
        assert_eq!(code, Some(0), "eight levels are allowed");
    }

    #[test]
    fn a_plan_over_the_size_limit_is_refused() {
        let file = tempfile::Builder::new().suffix(".yaml").tempfile().unwrap();
        file.as_file().set_len(17 * 1024 * 1024).unwrap();
        bdg()
            .args(["--lang", "en", "plan", "check"])
            .arg(file.path())
            .assert()
            .code(1)
            .stderr(
                predicate::str::contains("error[too-large]")
                    .and(predicate::str::contains("16 MB limit")),
            );
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_files_links_and_loops_are_messages_not_crashes() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::copy(good(), d.join("a.csv")).unwrap();
        std::os::unix::fs::symlink(d.join("gone.csv"), d.join("dangling.csv")).unwrap();
        std::os::unix::fs::symlink(d, d.join("loop")).unwrap();
        std::fs::write(d.join("~$a.xlsx"), b"lock").unwrap();
        // The same file named twice, and through the directory: read once.
        let (code, v) = check_json(&[d, &d.join("a.csv"), &d.join("loop").join("a.csv")]);
        assert_eq!(code, 1, "{v}");
        assert_eq!(v["files"], 2, "a.csv once, and the dangling link: {v}");
        assert_eq!(v["rows"], 3);
        let d0 = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["code"] == "unreadable")
            .unwrap()
            .clone();
        assert!(
            d0["file"].as_str().unwrap().ends_with("dangling.csv"),
            "{d0}"
        );
        assert!(
            d0["message"].as_str().unwrap().contains("No such file"),
            "{d0}"
        );
    }

    #[test]
    fn outputs_into_a_file_or_an_impossible_place_exit_2() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        std::fs::write(&file, "x").unwrap();
        for args in [
            vec!["template", "--plan", PLAN, "--period", "2021-H1", "--out"],
            vec![
                "remind",
                "--plan",
                PLAN,
                "--period",
                "2021-H1",
                "--reports",
                "examples/reports/2021-H1",
                "--as-of",
                "2021-06-20",
                "--out",
            ],
        ] {
            bdg()
                .args(&args)
                .arg(&file)
                .assert()
                .code(2)
                .stderr(predicate::str::contains(file.display().to_string()));
        }
        bdg()
            .args([
                "template",
                "--plan",
                PLAN,
                "--period",
                "2021-H1",
                "--out",
                "/proc/bdg-cannot-write-here",
            ])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("/proc/bdg-cannot-write-here"));
    }

    fn digest(dir: &std::path::Path) -> Vec<(String, Vec<u8>, std::time::SystemTime)> {
        let mut v: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let p = e.unwrap().path();
                let m = std::fs::metadata(&p).unwrap();
                (
                    p.display().to_string(),
                    std::fs::read(&p).unwrap(),
                    m.modified().unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    }

    #[test]
    fn inputs_are_never_touched_and_a_rerun_replaces_outputs_whole() {
        let before = digest(&root().join("examples/reports/2021-H1"));
        let plan_before = std::fs::read(root().join(PLAN)).unwrap();
        let out = tempfile::tempdir().unwrap();
        for _ in 0..2 {
            consolidate_sample(&["-q"], out.path()).assert().code(1);
        }
        assert_eq!(digest(&root().join("examples/reports/2021-H1")), before);
        assert_eq!(std::fs::read(root().join(PLAN)).unwrap(), plan_before);
        let mut names: Vec<String> = std::fs::read_dir(out.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                ".bdg-output",
                "ninh-thuan-2021_2021-H1.txt",
                "ninh-thuan-2021_2021-H1.xlsx"
            ],
            "the workbook, the report and the output marker; no temporary files"
        );
    }

    #[test]
    fn csv_output_never_carries_a_formula() {
        let plan = mini_with(|s| {
            s.replace(
                "    name: Sở Y tế\n",
                "    name: \"=HYPERLINK(\\\"http://x\\\")\"\n",
            )
        });
        let empty = tempfile::tempdir().unwrap();
        let out = bdg()
            .args([
                "overdue",
                "--format",
                "csv",
                "--period",
                "2021-H1",
                "--as-of",
                "2021-07-01",
                "--plan",
            ])
            .arg(plan.path())
            .arg("--reports")
            .arg(empty.path())
            .output()
            .unwrap();
        let s = String::from_utf8(out.stdout).unwrap();
        assert!(
            s.contains("SYT,\"'=HYPERLINK(\"\"http://x\"\")\",missing"),
            "{s}"
        );
        assert!(
            !s.lines().any(|l| l.split(',').any(|c| c.starts_with('='))),
            "{s}"
        );
    }

    #[test]
    fn completions_and_the_man_page() {
        for shell in ["bash", "zsh", "fish", "powershell"] {
            let out = bdg().args(["completions", shell]).output().unwrap();
            assert!(out.status.success(), "{shell}");
            let s = String::from_utf8(out.stdout).unwrap();
            assert!(
                s.contains("consolidate") && s.contains("overdue"),
                "{shell}"
            );
        }
        bdg().arg("man").assert().success().stdout(
            predicate::str::contains(".TH bdg 1").and(predicate::str::contains("consolidate")),
        );
    }

    #[test]
    fn help_gives_an_example_in_both_languages_terms() {
        for cmd in ["check", "overdue", "remind", "consolidate", "template"] {
            bdg()
                .args([cmd, "--help"])
                .assert()
                .success()
                .stdout(predicate::str::contains("Ví dụ / example"));
        }
    }

    #[test]
    fn bdg_plan_is_the_default_plan() {
        bdg()
            .env("BDG_PLAN", PLAN)
            .args(["check"])
            .arg(good())
            .assert()
            .success();
        bdg()
            .args(["check"])
            .arg(good())
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--plan"));
    }

    #[test]
    fn quiet_hides_warnings_and_verbose_shows_the_encoding() {
        let f = fixture("reports/codes/not-assigned.csv");
        let loud = bdg()
            .args(["check", "--plan", PLAN])
            .arg(&f)
            .output()
            .unwrap();
        let quiet = bdg()
            .args(["-q", "check", "--plan", PLAN])
            .arg(&f)
            .output()
            .unwrap();
        assert!(String::from_utf8_lossy(&loud.stdout).contains("[not-assigned]"));
        assert!(!String::from_utf8_lossy(&quiet.stdout).contains("[not-assigned]"));
        bdg()
            .args(["-v", "check", "--plan", PLAN])
            .arg(fixture("reports/windows-1258.csv"))
            .assert()
            .stdout(predicate::str::contains("windows-1258"));
    }

    #[test]
    fn colour_only_on_a_terminal_and_never_with_no_color() {
        // Not a terminal (as here): no escape codes.
        let out = bdg()
            .args(["check", "--plan", PLAN])
            .arg(fixture("reports/codes/bad-status.csv"))
            .output()
            .unwrap();
        assert!(!out.stdout.contains(&0x1b));
        // On a terminal (script(1) gives one): colour, unless NO_COLOR.
        let cmd = format!(
            "'{}' check --plan {PLAN} tests/fixtures/reports/codes/bad-status.csv",
            assert_cmd::cargo::cargo_bin("bdg").display()
        );
        let on_tty = |no_color: bool| {
            let mut c = std::process::Command::new("script");
            c.args(["-qec", &cmd, "/dev/null"])
                .current_dir(root())
                .env_remove("NO_COLOR");
            if no_color {
                c.env("NO_COLOR", "1");
            }
            c.output()
                .expect("script(1), from util-linux, is on Debian machines")
                .stdout
        };
        let colour = on_tty(false);
        assert!(
            colour.windows(7).any(|w| w == b"\x1b[1;31m"),
            "{}",
            String::from_utf8_lossy(&colour)
        );
        assert!(!on_tty(true).contains(&0x1b));
    }
}

#[cfg(unix)]
mod permissions {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    /// bdg as an ordinary user: root reads everything, so as root the command runs as `nobody`
    /// (setpriv, from util-linux).
    fn as_user(args: &[&std::ffi::OsStr]) -> std::process::Output {
        let bin = assert_cmd::cargo::cargo_bin("bdg");
        let root_user = std::process::Command::new("id")
            .arg("-u")
            .output()
            .unwrap()
            .stdout
            == b"0\n";
        let mut c = if root_user {
            let mut c = std::process::Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(&bin);
            c
        } else {
            std::process::Command::new(&bin)
        };
        c.args(args)
            .current_dir(root())
            .env_remove("BDG_PLAN")
            .output()
            .unwrap()
    }

    #[test]
    fn unreadable_folders_and_files_are_named_and_the_run_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755)).unwrap();
        let ok = d.join("ok.csv");
        std::fs::copy(fixture("reports/utf8-bom-comma.csv"), &ok).unwrap();
        std::fs::set_permissions(&ok, std::fs::Permissions::from_mode(0o644)).unwrap();
        let locked = d.join("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        let secret = d.join("secret.csv");
        std::fs::copy(fixture("reports/utf8-bom-comma.csv"), &secret).unwrap();
        std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
        let plan = root().join(PLAN);
        let out = as_user(&[
            "--lang".as_ref(),
            "en".as_ref(),
            "check".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            "--plan".as_ref(),
            plan.as_os_str(),
            d.as_os_str(),
        ]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v = json_of(&out.stdout);
        assert_eq!(v["rows"], 3, "the readable file still counts: {v}");
        let msgs: Vec<(String, String)> = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["code"] == "unreadable")
            .map(|x| {
                (
                    x["file"].as_str().unwrap().to_string(),
                    x["message"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert!(
            msgs.iter().any(|(f, m)| f.ends_with("locked")
                && m.contains("cannot read the folder")
                && m.contains("Permission denied")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|(f, m)| f.ends_with("secret.csv")
                && m.contains("cannot read the file")
                && m.contains("Permission denied")),
            "{msgs:?}"
        );
        // A plan nobody may read: the command cannot run.
        let p2 = d.join("plan.yaml");
        std::fs::copy(&plan, &p2).unwrap();
        std::fs::set_permissions(&p2, std::fs::Permissions::from_mode(0o000)).unwrap();
        let out = as_user(&["plan".as_ref(), "check".as_ref(), p2.as_os_str()]);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("plan.yaml"));
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

mod other_workbooks {
    use super::*;

    /// The SYT template filled in by other programs: openpyxl (XLSX), LibreOffice (ODS, and XLS,
    /// the old binary format). Made once (see the closing note of the session that added them)
    /// and kept byte for byte.
    #[test]
    fn xlsx_from_another_writer_ods_and_xls_read_like_the_template() {
        for f in ["openpyxl.xlsx", "libreoffice.ods", "libreoffice.xls"] {
            let path = fixture(&format!("reports/workbooks/{f}"));
            let out = bdg()
                .args(["check", "--format", "json", "--plan", PLAN])
                .arg(&path)
                .output()
                .unwrap();
            let v = json_of(&out.stdout);
            assert_eq!(out.status.code(), Some(0), "{f}: {v}");
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
}

mod outputs_beside_reports {
    use super::*;

    #[test]
    fn an_out_folder_inside_the_reports_folder_is_never_read_as_reports() {
        let dir = tempfile::tempdir().unwrap();
        let reports = dir.path().join("bao-cao");
        std::fs::create_dir(&reports).unwrap();
        for e in std::fs::read_dir(root().join("examples/reports/2021-H1")).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), reports.join(e.file_name())).unwrap();
        }
        let run = |cmd: &str, out: &str| {
            let o = bdg()
                .args([
                    "-q",
                    cmd,
                    "--format",
                    "json",
                    "--plan",
                    PLAN,
                    "--period",
                    "2021-H1",
                    "--as-of",
                    "2021-06-20",
                    "--reports",
                ])
                .arg(&reports)
                .arg("--out")
                .arg(reports.join(out))
                .output()
                .unwrap();
            json_of(&o.stdout)
        };
        let first = run("consolidate", "ket-qua");
        let second = run("consolidate", "ket-qua");
        assert_eq!(
            first["excluded"], second["excluded"],
            "the second run read nothing of the first's outputs"
        );
        assert_eq!(second["reported"], 15);
        // The reminder letters in their own folder are not read either.
        let o = bdg()
            .args([
                "-q",
                "remind",
                "--plan",
                PLAN,
                "--period",
                "2021-H1",
                "--as-of",
                "2021-06-20",
                "--reports",
            ])
            .arg(&reports)
            .arg("--out")
            .arg(reports.join("don-doc"))
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1));
        let third = run("consolidate", "ket-qua");
        assert_eq!(first["excluded"], third["excluded"]);
        // Every folder bdg writes into is marked, and no search for reports enters it.
        assert!(reports.join("ket-qua/.bdg-output").exists());
        assert!(reports.join("don-doc/.bdg-output").exists());
        let check = |path: &std::path::Path| {
            let o = bdg()
                .args(["check", "--format", "json", "--plan", PLAN])
                .arg(path)
                .output()
                .unwrap();
            json_of(&o.stdout)["files"].as_u64().unwrap()
        };
        assert_eq!(check(&reports), 16);
        // A marked folder named on the command line is still read: the officer asked for it.
        assert!(check(&reports.join("don-doc")) > 0);
    }
}
