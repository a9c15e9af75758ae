//! The example date in a plan's date messages is in the plan's own year (a 2026 plan is not
//! shown 2021), and none is made up when the plan's year is not one a plan may give.

use crate::common::*;

const PLAN_2026: &str = "plans/khanh-hoa-2026-example.yaml";

/// The 2026 example plan with `from` replaced by `to` (once), checked in `lang`: its one
/// diagnostic (asserted one) as JSON.
fn check_changed(from: &str, to: &str, lang: &str) -> Value {
    let yaml = std::fs::read_to_string(root().join(PLAN_2026)).unwrap();
    assert!(yaml.contains(from), "{from}");
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    std::fs::write(&plan, yaml.replacen(from, to, 1)).unwrap();
    let o = bdg()
        .args(["--lang", lang, "plan", "check", "--format", "json"])
        .arg(&plan)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let v = json_of(&o.stdout);
    let ds = v["diagnostics"].as_array().unwrap();
    assert_eq!(ds.len(), 1, "{v}");
    ds[0].clone()
}

#[test]
fn a_bad_date_in_a_2026_plan_gives_a_2026_example() {
    for lang in ["vi", "en"] {
        let d = check_changed("due: 2026-03-15", "due: 2026-03-32", lang);
        assert_eq!(
            (&d["code"], &d["data"]["year"]),
            (&"bad-date".into(), &2026.into())
        );
        let message = d["message"].as_str().unwrap();
        assert!(message.contains("2026-06-10"), "{lang}: {message}");
        assert!(!message.contains("2021"), "{lang}: {message}");
    }
}

#[test]
fn a_missing_due_date_in_a_2026_plan_gives_a_2026_example() {
    for lang in ["vi", "en"] {
        let d = check_changed("    due: 2026-03-15\n", "", lang);
        let code = &d["code"];
        assert_eq!(
            (code, &d["data"]["year"]),
            (&"missing-due-date".into(), &2026.into())
        );
        let hint = d["hint"].as_str().unwrap();
        assert!(hint.contains("due: 2026-06-10"), "{lang}: {hint}");
        assert!(!hint.contains("2021"), "{lang}: {hint}");
    }
}

#[test]
fn a_plan_year_out_of_range_gives_no_example_year() {
    let yaml = std::fs::read_to_string(root().join(PLAN_2026)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    let changed = (yaml.replacen("year: 2026", "year: 20260", 1)).replacen(
        "due: 2026-03-15",
        "due: 2026-03-32",
        1,
    );
    std::fs::write(&plan, changed).unwrap();
    let o = bdg()
        .args(["plan", "check", "--format", "json"])
        .arg(&plan)
        .output()
        .unwrap();
    let v = json_of(&o.stdout);
    let bad = diagnostics_with_code(&v, "bad-date");
    assert_eq!(bad.len(), 1, "{v}");
    assert_eq!(bad[0]["data"]["year"], Value::Null);
    let message = bad[0]["message"].as_str().unwrap();
    assert!(!message.contains("-06-10"), "{message}");
}
