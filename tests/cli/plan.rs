use crate::common::*;

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
        stderr.contains("39 nhiệm vụ (II: 13, IV: 26), 13 chỉ tiêu, 0 cảnh báo"),
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
        "II.1.a", "II.1.b", "II.2.a", "II.2.b", "II.2.c", "II.3.a", "II.3.b", "II.4.a", "II.4.b",
        "II.4.c", "II.4.d", "II.4.đ", "II.4.e", "IV.1.a", "IV.1.b", "IV.1.c", "IV.1.d", "IV.1.đ",
        "IV.2.a", "IV.2.b", "IV.3", "IV.4.a", "IV.4.b", "IV.5", "IV.6.a", "IV.6.b", "IV.7.a",
        "IV.7.b", "IV.8", "IV.9", "IV.10.a", "IV.10.b", "IV.11", "IV.12.a", "IV.12.b", "IV.13",
        "IV.14", "IV.15.a", "IV.15.b",
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
    assert_eq!(lead[0], "II.1.a", "plan order: {lead:?}");
    let pos = |id: &str| lead.iter().position(|t| *t == id).unwrap();
    assert!(
        pos("II.4.e") < pos("IV.8") && pos("IV.8") < pos("IV.15.b"),
        "{lead:?}"
    );
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
