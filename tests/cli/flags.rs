//! Flags are parsed and checked before any file is read: a bad `--encoding` or `--as-of` is a
//! usage error (exit 2) even when the plan named does not exist.

use crate::common::*;

const NO_PLAN: &str = "no/such/plan.yaml";

#[test]
fn an_unknown_encoding_is_a_usage_error_listing_the_names() {
    for args in [
        vec!["check", "--plan", NO_PLAN, "--encoding", "klingon", "x.csv"],
        vec![
            "overdue",
            "--plan",
            NO_PLAN,
            "--period",
            "2021-H1",
            "--reports",
            "x",
            "--encoding",
            "klingon",
        ],
    ] {
        let o = bdg().args(&args).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(o.stderr).unwrap();
        assert!(
            err.contains("--encoding") && err.contains("klingon"),
            "{err}"
        );
        for name in ["utf-8", "utf-16le", "utf-16be", "windows-1258"] {
            assert!(err.contains(name), "{name} listed: {err}");
        }
        assert!(!err.contains(NO_PLAN), "the plan is not read first: {err}");
    }
}

#[test]
fn a_known_encoding_is_used() {
    let f = fixture("reports/windows-1258.csv");
    let o = bdg()
        .args([
            "check",
            "--format",
            "json",
            "--plan",
            PLAN,
            "--encoding",
            "cp1258",
        ])
        .arg(&f)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(json_of(&o.stdout)["reports"][0]["encoding"], "windows-1258");
}

#[test]
fn a_bad_as_of_is_a_usage_error_before_the_plan_is_read() {
    for bad in ["31/02/2021", "soon"] {
        let o = bdg()
            .args(["consolidate", "--plan", NO_PLAN, "--period", "2021-H1"])
            .args(["--reports", "x", "--out", "y", "--as-of", bad])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{bad}");
        let err = String::from_utf8(o.stderr).unwrap();
        assert!(err.contains("--as-of") && err.contains(bad), "{err}");
        assert!(!err.contains(NO_PLAN), "{err}");
    }
    // Both spellings of a date are taken.
    for good in ["20/06/2021", "2021-06-20"] {
        let o = bdg()
            .args([
                "--lang", "en", "overdue", "--format", "json", "--plan", PLAN,
            ])
            .args([
                "--period",
                "2021-H1",
                "--reports",
                "examples/reports/2021-H1",
            ])
            .args(["--as-of", good])
            .output()
            .unwrap();
        assert_eq!(json_of(&o.stdout)["as_of"], "2021-06-20", "{good}");
    }
}

#[test]
fn excel_without_csv_is_a_usage_error() {
    for format in [None, Some("table"), Some("json")] {
        let mut c = bdg();
        c.args(["overdue", "--plan", NO_PLAN, "--period", "2021-H1"])
            .args(["--reports", "x", "--excel"]);
        if let Some(f) = format {
            c.args(["--format", f]);
        }
        let o = c.output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{format:?}");
        assert!(o.stdout.is_empty(), "{format:?}");
        let err = String::from_utf8(o.stderr).unwrap();
        assert!(err.contains("--excel") && !err.contains(NO_PLAN), "{err}");
    }
}

/// A date written month first is a usage error that says, in the language asked for alone,
/// which date was meant.
#[test]
fn a_month_first_as_of_is_refused_in_one_language_with_the_date_meant() {
    let run = |lang: &str| {
        let o = bdg()
            .args([
                "--lang",
                lang,
                "consolidate",
                "--plan",
                NO_PLAN,
                "--period",
                "2021-H1",
            ])
            .args(["--reports", "x", "--out", "y", "--as-of", "06/20/2021"])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2));
        String::from_utf8(o.stderr).unwrap()
    };
    let (vi, en) = (run("vi"), run("en"));
    assert!(
        vi.contains("20/06/2021") && en.contains("20/06/2021"),
        "{vi}\n{en}"
    );
    // Each in its own language only: the other's words for "not a date" are absent.
    assert!(
        vi.contains("không phải ngày") && !vi.contains("is not a date"),
        "{vi}"
    );
    assert!(
        en.contains("is not a date") && !en.contains("không phải ngày"),
        "{en}"
    );
}
