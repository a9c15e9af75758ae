//! Plan validation against hostile and inconsistent plans (issue 17: ids that become file
//! names, dates at the calendar's edge, plans large enough that quadratic checks would never
//! finish; issue 11: ids after `all`, windows and due dates, repeated section ids).
//! The plans are written by the tests from the mini fixture.

use crate::common::*;
use std::path::{Path, PathBuf};

fn mini() -> String {
    std::fs::read_to_string(fixture("plans/mini.yaml")).unwrap()
}

/// The mini plan with a `window` under its task's due date (the line and column the
/// diagnostics name depend on it staying on the line after `due`).
fn mini_with_window(from: &str, to: &str) -> String {
    mini().replace(
        "due: 2021-06-10",
        &format!("due: 2021-06-10\n    window: {{ from: {from}, to: {to} }}"),
    )
}

/// Writes the plan, with the national indicator set it may include beside it (as in `plans/`).
fn write(dir: &Path, text: &str) -> PathBuf {
    let p = dir.join("plan.yaml");
    std::fs::write(&p, text).unwrap();
    let set = "nq28-2021-2030.yaml";
    std::fs::copy(root().join("plans").join(set), dir.join(set)).unwrap();
    p
}

/// `plan check`: exit code and the `(severity, code, line:col)` of each diagnostic.
fn check(text: &str) -> (i32, Vec<(String, String, String)>) {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), text);
    let out = bdg()
        .args(["--lang", "en", "plan", "check"])
        .arg(&p)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let prefix = format!("{}:", p.display());
    let mut found = Vec::new();
    for line in stderr.lines() {
        // `error[code] /path/plan.yaml:L:C: …`
        let Some((head, rest)) = line.split_once(' ') else {
            continue;
        };
        let Some((sev, code)) = head.trim_end_matches(']').split_once('[') else {
            continue;
        };
        let pos = rest
            .strip_prefix(&prefix)
            .and_then(|r| r.split(": ").next())
            .unwrap_or("")
            .trim_end_matches(':')
            .to_string();
        found.push((sev.to_string(), code.to_string(), pos));
    }
    (out.status.code().unwrap(), found)
}

fn has(found: &[(String, String, String)], sev: &str, code: &str, pos: &str) -> bool {
    found
        .iter()
        .any(|(s, c, p)| s == sev && c == code && p == pos)
}

#[test]
fn ids_that_would_leave_the_output_folder_are_located_errors() {
    let plan = mini()
        .replace("id: mini", "id: ../victim/important")
        .replace("id: 2021-H1", "id: /tmp/letters")
        .replace("id: SYT\n", "id: Sở\n")
        .replace("lead: [SYT]", "lead: [Sở]");
    let (code, found) = check(&plan);
    assert_eq!(code, 1, "{found:?}");
    assert!(has(&found, "error", "unsafe-id", "2:7"), "{found:?}");
    assert!(has(&found, "error", "unsafe-id", "9:9"), "{found:?}");
    assert!(has(&found, "error", "unsafe-id", "15:9"), "{found:?}");
    assert_eq!(found.len(), 3, "{found:?}");
    // A reserved Windows name and `..` too.
    for bad in ["NUL", "..", "com1.x"] {
        let (code, found) = check(&mini().replace("id: 2021-H1", &format!("id: \"{bad}\"")));
        assert_eq!(code, 1, "{bad}");
        assert!(has(&found, "error", "unsafe-id", "9:9"), "{bad}: {found:?}");
    }
}

#[test]
fn dates_at_the_calendar_edge_are_refused_and_nothing_panics() {
    let edge = mini().replace("due: 2021-06-10", "due: -262143-01-01");
    let (code, found) = check(&edge);
    assert_eq!(code, 1);
    assert!(
        has(&found, "error", "date-out-of-range", "11:10"),
        "{found:?}"
    );
    let year = mini().replace("year: 2021", "year: 262143");
    let (code, found) = check(&year);
    assert_eq!(code, 1);
    assert!(
        has(&found, "error", "date-out-of-range", "5:9"),
        "{found:?}"
    );
    let window = mini_with_window("1899-12-31", "2021-06-30");
    assert!(has(
        &check(&window).1,
        "error",
        "date-out-of-range",
        "12:21"
    ));
    // The commands that used to panic refuse the plan (exit 1 or 2, never 101).
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), &edge);
    for args in [
        vec!["plan", "show"],
        vec!["overdue", "--as-of", "2021-07-01", "--plan"],
    ] {
        let out = bdg().args(&args).arg(&p).arg(dir.path()).output().unwrap();
        let code = out.status.code().unwrap();
        assert!(code == 1 || code == 2, "{args:?}: exit {code}");
    }
}

#[test]
fn ids_after_all_are_checked() {
    let plan = mini()
        .replace(
            "name: Sở Y tế\n",
            "name: Sở Y tế\nreporters: [all, BOGUS]\n",
        )
        .replace("lead: [all]", "lead: [all, X]");
    let (code, found) = check(&plan);
    assert_eq!(code, 1);
    assert!(
        has(&found, "error", "unknown-reporter", "17:18"),
        "{found:?}"
    );
    assert!(has(&found, "error", "unknown-agency", "21:17"), "{found:?}");
}

#[test]
fn windows_and_due_dates_that_disagree_are_located() {
    let reversed = mini_with_window("2021-06-30", "2021-01-01");
    let (code, found) = check(&reversed);
    assert_eq!(code, 1);
    assert!(
        has(&found, "error", "reversed-window", "12:37"),
        "{found:?}"
    );

    let outside = mini_with_window("2021-01-01", "2021-05-31");
    let (code, found) = check(&outside);
    assert_eq!(code, 0, "a warning only: {found:?}");
    assert!(
        has(&found, "warning", "due-outside-window", "12:5"),
        "{found:?}"
    );

    let other_year = mini().replace("due: 2021-06-10", "due: 2022-06-10");
    let (code, found) = check(&other_year);
    assert_eq!(code, 0, "{found:?}");
    assert!(
        has(&found, "warning", "due-outside-year", "11:10"),
        "{found:?}"
    );
    // The shipped plan has none of these.
    let (code, found) = check(&std::fs::read_to_string(root().join(PLAN)).unwrap());
    assert_eq!((code, found.len()), (0, 0), "{found:?}");
}

#[test]
fn a_repeated_section_id_has_its_own_code() {
    let plan = mini().replace("  - id: IV\n", "  - id: II\n");
    let (code, found) = check(&plan);
    assert_eq!(code, 1);
    assert!(
        has(&found, "error", "duplicate-section", "24:9"),
        "{found:?}"
    );
    assert!(!found.iter().any(|f| f.1 == "duplicate-task"), "{found:?}");
}

/// Not a timed test: at this size, the old quadratic checks took many minutes; linear ones
/// take seconds.
#[test]
fn validation_is_linear_in_the_plan_size() {
    let n = 50_000;
    let mut plan = mini();
    let mut agencies = String::new();
    for i in 0..n {
        agencies.push_str(&format!("  - id: A{i}\n    name: Đơn vị số {i}\n"));
    }
    plan = plan.replace("agencies:\n", &format!("agencies:\n{agencies}"));
    plan.push_str("groups:\n");
    for i in 0..n {
        plan.push_str(&format!(
            "  - id: g{i}\n    name: Nhóm {i}\n    members: [A{i}, SYT]\n"
        ));
    }
    // One group of every agency, resolved as reporters with an exclusion.
    plan.push_str("  - id: everyone\n    name: Tất cả\n    members: [");
    plan.push_str(
        &(0..n)
            .map(|i| format!("A{i}"))
            .collect::<Vec<_>>()
            .join(", "),
    );
    plan.push_str("]\nreporters: [everyone, \"!A0\"]\n");
    let (code, found) = check(&plan);
    assert_eq!(
        (code, found.len()),
        (0, 0),
        "{:?}",
        &found[..found.len().min(5)]
    );

    // 30,000 periods and as many sections, with two agencies.
    let mut periods = String::new();
    let mut sections = String::new();
    for i in 0..30_000 {
        periods.push_str(&format!(
            "  - id: P{i}\n    name: Kỳ {i}\n    due: 2021-06-10\n"
        ));
        sections.push_str(&format!(
            "  - id: S{i}\n    title: Mục {i}\n    lead: [all]\n    items:\n      - id: \"1\"\n        text: Việc\n"
        ));
    }
    let plan = mini().replace("periods:\n", &format!("periods:\n{periods}")) + &sections;
    let (code, found) = check(&plan);
    assert_eq!(
        (code, found.len()),
        (0, 0),
        "{:?}",
        &found[..found.len().min(5)]
    );

    // 40,000 nested brackets: refused at once as too deep.
    let deep = format!(
        "{}reporters: {}{}\n",
        mini(),
        "[".repeat(40_000),
        "]".repeat(40_000)
    );
    let (code, found) = check(&deep);
    assert_eq!(code, 1);
    assert_eq!(found[0].1, "too-deep", "{found:?}");
}
