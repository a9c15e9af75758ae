//! Indicators are asked in some periods only (issue 14): by default the annual report (the
//! period due last), else the periods an entry names; templates, checks and consolidations
//! follow.

use crate::common::*;
use crate::indicators::{consolidate_indicators, MINI};
use std::path::Path;

/// The small plan in `dir` with a second, annual period `2021-Y`; `edit` changes its text.
fn two_period_plan(dir: &Path, edit: impl Fn(String) -> String) -> PathBuf {
    let src = std::fs::read_to_string(root().join(MINI)).unwrap();
    let src = src.replace(
        "    due: 2021-06-10\n",
        "    due: 2021-06-10\n  - id: 2021-Y\n    name: Năm 2021\n    due: 2021-12-10\n",
    );
    let plan = dir.join("plan.yaml");
    std::fs::write(&plan, edit(src)).unwrap();
    std::fs::copy(fixture("indicators/set.yaml"), dir.join("set.yaml")).unwrap();
    plan
}

fn ids(v: &Value) -> Vec<String> {
    (v["indicators"].as_array().unwrap().iter())
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn by_default_the_half_year_report_asks_no_indicator() {
    let dir = tempfile::tempdir().unwrap();
    let plan = two_period_plan(dir.path(), |s| s);
    let (code, v) = consolidate_indicators(
        &plan,
        &fixture("indicators/reports"),
        &dir.path().join("out"),
    );
    assert!(ids(&v).is_empty(), "{v}");
    // The rows the companion files give anyway are not consolidated: each is an excluded row,
    // listed with its reason (R1, C1 of SLDTBXH; R1, C1, V1 of SYT), and the run is flagged.
    assert_eq!(code, 1, "{v}");
    let excluded = v["excluded"].as_array().unwrap();
    assert_eq!(excluded.len(), 5, "{v}");
    assert!(
        excluded.iter().all(|d| d["code"] == "indicator-not-asked"),
        "{v}"
    );
    assert_eq!(v["rows_excluded"], 5);
}

#[test]
fn an_entry_naming_its_periods_is_asked_in_those() {
    let dir = tempfile::tempdir().unwrap();
    let plan = two_period_plan(dir.path(), |s| {
        s.replace(
            "{id: R1, reporters: [SLDTBXH, SYT]}",
            "{id: R1, reporters: [SLDTBXH, SYT], periods: [2021-H1, 2021-Y]}",
        )
    });
    let (code, v) = consolidate_indicators(
        &plan,
        &fixture("indicators/reports"),
        &dir.path().join("out"),
    );
    assert_eq!(code, 1, "{v}");
    assert_eq!(ids(&v), ["R1"]);
    assert_eq!(v["rows_excluded"], 3, "C1 twice and V1: {v}");
    assert_eq!(crate::indicators::by_id(&v, "R1")["value"], 30.0);
}

fn companion_files(plan: &Path, period: &str) -> Vec<String> {
    let out = tempfile::tempdir().unwrap();
    bdg()
        .args([
            "-q", "template", "--format", "csv", "--period", period, "--plan",
        ])
        .arg(plan)
        .arg("--out")
        .arg(out.path())
        .assert()
        .success();
    let mut names: Vec<String> = (std::fs::read_dir(out.path()).unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("chi-tieu"))
        .collect();
    names.sort();
    names
}

#[test]
fn templates_carry_indicators_only_in_the_periods_that_ask_them() {
    let dir = tempfile::tempdir().unwrap();
    let plan = two_period_plan(dir.path(), |s| s);
    assert!(companion_files(&plan, "2021-H1").is_empty());
    let annual = companion_files(&plan, "2021-Y");
    assert_eq!(annual.len(), 2, "{annual:?}");
    assert!(annual.iter().all(|n| n.starts_with("2021-Y")), "{annual:?}");
}

#[test]
fn an_unknown_period_is_refused_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let plan = two_period_plan(dir.path(), |s| {
        s.replace(
            "{id: R1, reporters: [SLDTBXH, SYT]}",
            "{id: R1, reporters: [SLDTBXH, SYT], periods: [2021-Q9]}",
        )
    });
    let o = bdg()
        .args(["plan", "check", "--format", "json"])
        .arg(&plan)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr);
    assert!(
        text.contains("unknown-period") && text.contains("2021-Q9"),
        "{text}"
    );
}

/// `check --format json` on `reports` against `plan`: the codes of SLDTBXH's companion file.
fn companion_codes(plan: &Path, reports: &Path) -> Vec<String> {
    let o = bdg()
        .args(["check", "--format", "json", "--plan"])
        .arg(plan)
        .arg(reports)
        .output()
        .unwrap();
    let v = json_of(&o.stdout);
    (v["diagnostics"].as_array().unwrap().iter())
        .filter(|d| {
            d["file"]
                .as_str()
                .unwrap()
                .ends_with("SLDTBXH_2021-H1_chi-tieu.csv")
        })
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn an_indicator_left_out_is_flagged_only_where_it_is_asked() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    for e in std::fs::read_dir(fixture("indicators/reports")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, reports.join(p.file_name().unwrap())).unwrap();
    }
    // SLDTBXH's companion file gives R1 but leaves C1 out.
    let f = reports.join("SLDTBXH_2021-H1_chi-tieu.csv");
    let src = std::fs::read_to_string(&f).unwrap();
    let kept: Vec<&str> = src.lines().filter(|l| !l.contains(",C1,")).collect();
    std::fs::write(&f, kept.join("\n") + "\n").unwrap();
    let asked = root().join(MINI);
    assert!(companion_codes(&asked, &reports).contains(&"indicator-not-reported".to_string()));
    let not_asked = two_period_plan(dir.path(), |s| s);
    let codes = companion_codes(&not_asked, &reports);
    assert!(
        !codes.contains(&"indicator-not-reported".to_string()),
        "{codes:?}"
    );
}

#[test]
fn plan_show_lists_the_indicators_in_every_format() {
    let plan = root().join(MINI);
    let o = bdg()
        .args(["plan", "show", "--format", "json"])
        .arg(&plan)
        .output()
        .unwrap();
    let v = json_of(&o.stdout);
    let r1 = &v["indicators"][0];
    assert_eq!(
        (r1["id"].as_str(), r1["kind"].as_str()),
        (Some("R1"), Some("ratio"))
    );
    assert_eq!(r1["targets"]["2025"], 60.0);
    assert_eq!(r1["reporters"], serde_json::json!(["SLDTBXH", "SYT"]));
    assert_eq!(r1["periods"], serde_json::json!(["2021-H1"]));
    assert_eq!(r1["source"]["goal"], 1);
    let v1 = &v["indicators"][2];
    assert_eq!(
        (v1["direction"].as_str(), v1["unit"].as_str()),
        (Some("at_most"), Some("bé trai/100 bé gái"))
    );
    // `--indicators --format csv`: one row per indicator, the agency's only with `--agency`.
    let csv = |extra: &[&str]| {
        let o = bdg()
            .args(["plan", "show", "--indicators", "--format", "csv"])
            .args(extra)
            .arg(&plan)
            .output()
            .unwrap();
        assert!(o.status.success());
        let text = String::from_utf8(o.stdout).unwrap();
        text.lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(csv(&[]), ["R1", "C1", "V1"]);
    assert_eq!(csv(&["--agency", "SLDTBXH"]), ["R1", "C1"]);
    // The verdict of `plan check` counts them.
    let o = bdg().args(["plan", "check"]).arg(&plan).output().unwrap();
    assert!(String::from_utf8_lossy(&o.stderr).contains(", 3 chỉ tiêu,"));
}
