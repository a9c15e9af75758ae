//! The 2026 example plan's reporting windows (each quarter's report dates, from the day after
//! the previous quarter's due date to its own): a date written month first is doubted, not
//! counted months late; a report dated before its quarter's window is an earlier quarter's.

use crate::common::*;

const PLAN_2026: &str = "plans/khanh-hoa-2026-example.yaml";

/// The 2026-Q1 example with Ninh Hải's report dated `date`, consolidated as of `as_of`: the
/// JSON summary.
fn with_ninh_hai_dated(date: &str, as_of: &str) -> Value {
    said_with_ninh_hai_dated(date, as_of).0
}

/// [`with_ninh_hai_dated`], with what was said on stderr (in English).
fn said_with_ninh_hai_dated(date: &str, as_of: &str) -> (Value, String) {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    let example = root().join("examples/reports/2026-Q1");
    for e in std::fs::read_dir(&example).unwrap() {
        let path = e.unwrap().path();
        let mut bytes = std::fs::read(&path).unwrap();
        if path.file_name().unwrap() == "X_NINH_HAI_2026-Q1.csv" {
            let text = String::from_utf8(bytes).unwrap();
            bytes = text
                .replace(";15/03/2026;", &format!(";{date};"))
                .into_bytes();
        }
        std::fs::write(reports.join(path.file_name().unwrap()), bytes).unwrap();
    }
    let o = bdg()
        .args([
            "--lang",
            "en",
            "consolidate",
            "--format",
            "json",
            "--plan",
            PLAN_2026,
        ])
        .args(["--period", "2026-Q1", "--as-of", as_of, "--reports"])
        .arg(&reports)
        .arg("--out")
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&o.stderr).into_owned();
    (json_of(&o.stdout), said)
}

fn ninh_hai(v: &Value) -> &Value {
    agency_line(v, "X_NINH_HAI")
}

fn codes_for_ninh_hai(v: &Value) -> Vec<String> {
    (v["notices"].as_array().unwrap().iter())
        .filter(|d| d["file"].as_str().unwrap_or("").contains("X_NINH_HAI"))
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_date_written_month_first_is_doubted_not_counted_late() {
    // 03/12/2026 for 12/03/2026, read in December: without a window it was 263 days late.
    let v = with_ninh_hai_dated("03/12/2026", "20/12/2026");
    let a = ninh_hai(&v);
    assert_eq!(
        (&a["state"], &a["days_late"]),
        (&"on_time".into(), &Value::Null)
    );
    assert!(codes_for_ninh_hai(&v).contains(&"doubtful-date".to_string()));
    // A true late date after the window is late.
    let v = with_ninh_hai_dated("18/03/2026", "20/03/2026");
    assert_eq!(ninh_hai(&v)["state"], "late");
    assert_eq!(ninh_hai(&v)["days_late"], 3);
}

#[test]
fn a_report_dated_before_its_quarters_window_is_an_earlier_quarters() {
    let (v, said) = said_with_ninh_hai_dated("10/12/2025", "20/03/2026");
    assert_eq!(ninh_hai(&v)["state"], "rejected");
    assert!(codes_for_ninh_hai(&v).contains(&"before-window".to_string()));
    // Said on the spot, and not sent to `check`, which knows no period and would find no
    // error in the files themselves.
    assert!(said.contains("X_NINH_HAI_2026-Q1.csv"), "{said}");
    assert!(!said.contains("bdg check"), "{said}");
}
