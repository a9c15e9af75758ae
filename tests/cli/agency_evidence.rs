//! A file that is clearly an agency's is never reported as not received, and a file rejected
//! for its period says why where the officer looks. Each case is the shipped 2026 example
//! (`plans/khanh-hoa-2026-example.yaml`, `examples/reports/2026-Q1`, as of 20/03/2026) copied
//! into a temporary folder with one file edited.

use crate::common::*;
use std::collections::BTreeMap;
use std::path::Path;

const PLAN_2026: &str = "plans/khanh-hoa-2026-example.yaml";
const HLHPN: &str = "HLHPN_2026-Q1.csv";
const WARD: &str = "P_NHA_TRANG_2026-Q1.csv";

/// The 2026 example's reports copied into `dir/reports`, with `edit` applied to `file`'s text.
fn reports_with(dir: &Path, file: &str, edit: impl Fn(&str) -> String) -> PathBuf {
    let reports = dir.join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    for e in std::fs::read_dir(root().join("examples/reports/2026-Q1")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), reports.join(e.file_name())).unwrap();
    }
    let path = reports.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = edit(&text);
    assert_ne!(edited, text, "the edit changed nothing in {file}");
    std::fs::write(&path, edited).unwrap();
    reports
}

/// Every data row's first cell (the agency) replaced by `agency`.
fn agency_written(agency: &'static str) -> impl Fn(&str) -> String {
    move |text: &str| {
        let mut lines = text.lines();
        let mut out = vec![lines.next().unwrap().to_string()];
        for l in lines {
            let sep = if l.contains(';') { ';' } else { ',' };
            let rest = l.split_once(sep).unwrap().1;
            out.push(format!("{agency}{sep}{rest}"));
        }
        out.join("\n") + "\n"
    }
}

/// `bdg COMMAND --plan PLAN_2026 --period 2026-Q1 --as-of 20/03/2026 --reports DIR ARGS…`:
/// the exit code, stdout and stderr.
fn run(command: &str, reports: &Path, args: &[&str]) -> (i32, Vec<u8>, String) {
    let o = bdg()
        .args([command, "--plan", PLAN_2026, "--period", "2026-Q1"])
        .args(["--as-of", "20/03/2026", "--reports"])
        .arg(reports)
        .args(args)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    (o.status.code().unwrap(), o.stdout, err)
}

/// `consolidate --format json` into `dir/out`: the JSON and stderr.
fn consolidate(reports: &Path, dir: &Path) -> (Value, String) {
    let out = dir.join("out");
    let out = out.to_str().unwrap();
    let (code, stdout, err) = run("consolidate", reports, &["--format", "json", "--out", out]);
    assert_eq!(code, 1, "agencies are missing: {err}");
    (json_of(&stdout), err)
}

/// Each agency's state in the consolidation's JSON.
fn states(v: &Value) -> BTreeMap<String, String> {
    let agencies = v["agencies"].as_array().unwrap();
    (agencies.iter())
        .map(|a| (s(&a["agency"]), s(&a["state"])))
        .collect()
}

fn s(v: &Value) -> String {
    v.as_str().unwrap().to_string()
}

/// The diagnostics (the check's, or the consolidation's notices) whose code is `code`.
fn with_code<'v>(v: &'v Value, key: &str, code: &str) -> Vec<&'v Value> {
    (v[key].as_array().unwrap().iter())
        .filter(|d| d["code"] == code)
        .collect()
}

/// `check --format json` of the reports folder.
fn check(reports: &Path) -> Value {
    let o = bdg()
        .args(["check", "--format", "json", "--plan", PLAN_2026])
        .arg(reports)
        .output()
        .unwrap();
    json_of(&o.stdout)
}

/// `remind` into `dir/letters`: the list's rows as (letter file, agency, state label).
fn remind(reports: &Path, dir: &Path) -> Vec<(String, String, String)> {
    let out = dir.join("letters");
    let (code, _, err) = run("remind", reports, &["--out", out.to_str().unwrap()]);
    // Exit 1: a report file has an error.
    assert_eq!(code, 1, "{err}");
    let list = std::fs::read_to_string(out.join("2026-Q1_danh-sach-don-doc.tsv")).unwrap();
    let row = |l: &str| {
        // file, its Word letter, agency, state, days late
        let c: Vec<&str> = l.split('\t').collect();
        (c[0].to_string(), c[2].to_string(), c[3].to_string())
    };
    list.lines().skip(1).map(row).collect()
}

fn letter(dir: &Path, agency: &str) -> String {
    let name = format!("2026-Q1_{agency}_don-doc.txt");
    std::fs::read_to_string(dir.join("letters").join(name)).unwrap()
}

/// The rows' agency is a name bdg does not know and near nothing, but the file's name begins
/// with the agency's id: `unknown-agency` suggests that agency (from the file's name), and the
/// agency is "sent, rejected", not "missing"; its figures are not counted, and its letter asks
/// for a corrected file naming the file.
#[test]
fn a_file_named_for_an_agency_is_its_rejected_file() {
    for (file, written, id, name) in [
        (
            HLHPN,
            "Ban Vì sự tiến bộ phụ nữ",
            "HLHPN",
            "Hội Liên hiệp Phụ nữ tỉnh",
        ),
        (
            WARD,
            "Phòng Văn hóa - Xã hội",
            "P_NHA_TRANG",
            "UBND phường Nha Trang",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let reports = reports_with(dir.path(), file, agency_written(written));
        let c = check(&reports);
        let unknown = with_code(&c, "diagnostics", "unknown-agency");
        assert_eq!(unknown.len(), 1, "{c:#}");
        assert_eq!(unknown[0]["data"]["found"], written);
        assert_eq!(unknown[0]["data"]["by_file_name"], true);
        assert_eq!(unknown[0]["data"]["suggestion"], name);

        let (v, _) = consolidate(&reports, dir.path());
        assert_eq!(states(&v)[id], "rejected", "{id}");
        let line = agency_line(&v, id);
        assert_eq!(line["rows"], 0, "its figures are not counted");
        assert_eq!(
            (v["rejected"].as_u64(), v["files_excluded"].as_u64()),
            (Some(1), Some(1))
        );

        let list = remind(&reports, dir.path());
        let row = list.iter().find(|(_, a, _)| a == id).unwrap();
        assert_eq!(row.0, format!("2026-Q1_{id}_don-doc.txt"));
        // The letter for a rejected file names the file among its reasons.
        assert!(letter(dir.path(), id).contains(file), "{id}");
    }
}

/// The same file under the name of a template bdg writes (`{PERIOD}_{AGENCY}_{slug}`) is
/// attributed the same way; a file whose name begins with no agency id is not attributed: no
/// suggestion, and the agency stays missing.
#[test]
fn a_template_name_is_evidence_and_a_plain_name_is_not() {
    for (renamed, evidence) in [
        ("2026-Q1_HLHPN_hoi-lien-hiep-phu-nu-tinh.csv", true),
        ("hlhpn-2026-q1.csv", true),
        ("bao-cao-quy-1.csv", false),
        ("HLHPNX_2026-Q1.csv", false),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let reports = reports_with(
            dir.path(),
            HLHPN,
            agency_written("Ban Vì sự tiến bộ phụ nữ"),
        );
        std::fs::rename(reports.join(HLHPN), reports.join(renamed)).unwrap();
        let c = check(&reports);
        let unknown = with_code(&c, "diagnostics", "unknown-agency");
        assert_eq!(unknown[0]["data"]["by_file_name"], evidence, "{renamed}");
        let expected = if evidence { "rejected" } else { "missing" };
        let (v, _) = consolidate(&reports, dir.path());
        assert_eq!(states(&v)["HLHPN"], expected, "{renamed}");
        if !evidence {
            assert!(unknown[0]["data"]["suggestion"].is_null(), "{renamed}");
        }
    }
}

/// The short names a desk meets are aliases in the 2026 example plan: the files are accepted
/// and the agencies judged on their dates as with the full names.
#[test]
fn the_usual_short_names_are_accepted() {
    for (file, written, id, state) in [
        (HLHPN, "Hội LHPN tỉnh", "HLHPN", "on_time"),
        (WARD, "Phường Nha Trang", "P_NHA_TRANG", "late"),
        (
            "SYT_2026-Q1.csv",
            "Sở Y tế tỉnh Khánh Hòa",
            "SYT",
            "on_time",
        ),
        (
            "SNV_2026-Q1.csv",
            "Sở Nội vụ tỉnh Khánh Hòa",
            "SNV",
            "on_time",
        ),
        (
            "X_NINH_HAI_2026-Q1.csv",
            "Xã Ninh Hải",
            "X_NINH_HAI",
            "on_time",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let reports = reports_with(dir.path(), file, agency_written(written));
        let c = check(&reports);
        assert!(
            with_code(&c, "diagnostics", "unknown-agency").is_empty(),
            "{written}"
        );
        let (v, _) = consolidate(&reports, dir.path());
        assert_eq!(states(&v)[id], state, "{written}");
        assert_eq!(v["files_excluded"], 0, "{written}");
    }
}

/// A file marked 2026-Q2 but dated 16/03/2026 is the ward's rejected file for 2026-Q1: the
/// notice is an error said on stderr, the file and its three rows count as excluded (summary,
/// workbook, JSON alike), and the letter names the periods by name.
#[test]
fn another_periods_file_dated_for_this_one_is_rejected_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let reports = reports_with(dir.path(), WARD, |t| {
        t.replace(";2026-Q1;18/03/2026;", ";2026-Q2;16/03/2026;")
    });
    let (v, err) = consolidate(&reports, dir.path());
    assert_eq!(states(&v)["P_NHA_TRANG"], "rejected");
    let notices = with_code(&v, "notices", "other-period");
    assert_eq!(notices.len(), 1);
    let d = &notices[0]["data"];
    assert_eq!(
        (s(&d["found"]), s(&d["expected"])),
        ("2026-Q2".into(), "2026-Q1".into())
    );
    assert_eq!(d["rejects"], true);
    assert_eq!(d["found_name"]["vi"], "quý II năm 2026");
    assert_eq!(notices[0]["severity"], "error");
    assert_eq!(err.matches("[other-period]").count(), 1, "{err}");
    assert!(err.contains(WARD), "{err}");
    // One agency rejected, one file and its three rows excluded.
    let rows = v["rows_excluded"].as_u64();
    assert_eq!(
        (v["rejected"].as_u64(), v["files_excluded"].as_u64(), rows),
        (Some(1), Some(1), Some(3))
    );
    let book = dir.path().join("out/khanh-hoa-2026-example_2026-Q1.xlsx");
    let summary = sheet(&book, "Tổng hợp");
    let cell = |label: &str| {
        (summary.rows())
            .find(|r| r[0] == label)
            .map(|r| r[1].to_string())
    };
    assert_eq!(cell("Tệp bị loại").as_deref(), Some("1"));
    assert_eq!(cell("Dòng bị loại").as_deref(), Some("3"));

    let list = remind(&reports, dir.path());
    assert!(list.iter().any(|(_, a, _)| a == "P_NHA_TRANG"));
    let text = letter(dir.path(), "P_NHA_TRANG");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("quý II năm 2026"), "{text}");
    assert!(!text.contains("2026-Q2"), "{text}");
}

/// A file of another period dated near its own due date is that period's report: a notice in
/// the JSON only (a folder shared by several periods would print a line for each), not this
/// period's rejected file, not counted among the files excluded.
#[test]
fn another_periods_own_report_is_only_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let reports = reports_with(dir.path(), WARD, |t| {
        t.replace(";2026-Q1;18/03/2026;", ";2026-Q2;10/06/2026;")
    });
    let (v, err) = consolidate(&reports, dir.path());
    assert_eq!(states(&v)["P_NHA_TRANG"], "missing");
    let notices = with_code(&v, "notices", "other-period");
    assert_eq!(notices[0]["data"]["rejects"], false);
    assert_eq!(notices[0]["severity"], "warning");
    assert!(!err.contains("[other-period]"), "{err}");
    assert_eq!(
        (v["files_excluded"].as_u64(), v["rows_excluded"].as_u64()),
        (Some(0), Some(0))
    );
}

/// Last year's period id gets no "did you mean" this year's; the period's Vietnamese name as
/// desks write it ("Quý I/2026") is read as the period.
#[test]
fn periods_by_name_and_no_hint_across_years() {
    let dir = tempfile::tempdir().unwrap();
    let reports = reports_with(dir.path(), "SNV_2026-Q1.csv", |t| {
        t.replace(",2026-Q1,", ",2025-Q4,")
    });
    let c = check(&reports);
    let unknown = with_code(&c, "diagnostics", "unknown-period");
    assert_eq!(unknown.len(), 1);
    assert_eq!(unknown[0]["data"]["found"], "2025-Q4");
    assert!(
        unknown[0]["data"]["suggestion"].is_null(),
        "{:#}",
        unknown[0]
    );

    for written in ["Quý I/2026", "quý 1 năm 2026", "Quý I - 2026"] {
        let dir = tempfile::tempdir().unwrap();
        let reports = reports_with(dir.path(), "SNV_2026-Q1.csv", |t| {
            t.replace(",2026-Q1,", &format!(",{written},"))
        });
        let c = check(&reports);
        assert!(
            with_code(&c, "diagnostics", "unknown-period").is_empty(),
            "{written}"
        );
        let (v, _) = consolidate(&reports, dir.path());
        assert_eq!(states(&v)["SNV"], "on_time", "{written}");
    }
}
