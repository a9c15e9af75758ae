//! An agency's own line counts the rows of its files excluded whole (rejected, held back by a
//! conflict), as the cycle's total does: the lines add up to the total.

use crate::common::*;

const HEAD: &str = "agency,period,submitted_on,task,status,female,male,budget\n";

/// A report of `agency` for `period` dated 08/06/2021, one row per task of `tasks`, each
/// giving `female` women.
fn report(agency: &str, period: &str, tasks: &[&str], female: u32) -> String {
    let rows: String = (tasks.iter())
        .map(|t| format!("{agency},{period},08/06/2021,{t},done,{female},1,1000\n"))
        .collect();
    format!("{HEAD}{rows}")
}

/// `consolidate` of `files` (name, text) for 2021-H1: its JSON and its workbook.
fn consolidate(files: &[(&str, String)]) -> (Value, PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let (reports, out) = (dir.path().join("reports"), dir.path().join("out"));
    std::fs::create_dir(&reports).unwrap();
    for (name, text) in files {
        std::fs::write(reports.join(name), text).unwrap();
    }
    let (code, v) = consolidate_json(&reports, &out);
    assert_eq!(code, 1, "{v}");
    let book = workbook_in(&out);
    (v, book, dir)
}

/// The "rows excluded" cell of agency `id` on the by-agency sheet.
fn excluded_cell(book: &std::path::Path, id: &str) -> calamine::Data {
    let s = sheet(book, "Theo đơn vị");
    let row = (s.rows())
        .find(|r| r[1] == calamine::Data::String(id.into()))
        .unwrap_or_else(|| panic!("no {id}"));
    row[8].clone()
}

fn lines_sum(v: &Value) -> u64 {
    (v["agencies"].as_array().unwrap().iter())
        .map(|a| a["rows_excluded"].as_u64().unwrap())
        .sum()
}

#[test]
fn a_file_of_an_unknown_period_counts_its_rows_on_its_agencys_line() {
    let tasks = ["II.1.a", "II.1.b", "II.2.a"];
    let (v, book, _dir) = consolidate(&[("SYT.csv", report("SYT", "2099-H9", &tasks, 2))]);
    let syt = agency_line(&v, "SYT");
    assert_eq!(syt["state"], "rejected");
    assert_eq!(
        (&v["files_excluded"], &v["rows_excluded"]),
        (&1.into(), &3.into())
    );
    assert_eq!(syt["rows_excluded"], 3);
    assert_eq!(excluded_cell(&book, "SYT"), calamine::Data::Float(3.0));
    assert_eq!(lines_sum(&v), 3);
}

#[test]
fn two_different_reports_on_one_date_count_all_their_rows_on_the_agencys_line() {
    let (a, b) = (
        report("STP", "2021-H1", &["II.1.a"], 1),
        report("STP", "2021-H1", &["II.1.a", "II.1.b"], 5),
    );
    // And a usable file of another agency with one bad row: its line keeps it.
    let bad = format!("{HEAD}SYT,2021-H1,08/06/2021,II.1.a,done,x,1,1000\n");
    let ok = "SYT,2021-H1,08/06/2021,II.1.b,done,3,1,1000\n";
    let files = [("STP-a.csv", a), ("STP-b.csv", b), ("SYT.csv", bad + ok)];
    let (v, book, _dir) = consolidate(&files);
    assert_eq!(agency_line(&v, "STP")["state"], "rejected");
    assert_eq!(agency_line(&v, "STP")["rows_excluded"], 3);
    assert_eq!(agency_line(&v, "SYT")["rows_excluded"], 1);
    assert_eq!(v["rows_excluded"], 3 + 1);
    assert_eq!(lines_sum(&v), 3 + 1);
    assert_eq!(excluded_cell(&book, "STP"), calamine::Data::Float(3.0));
    assert_eq!(excluded_cell(&book, "SYT"), calamine::Data::Float(1.0));
}

/// A row refused in a file a later one supersedes leaves nothing out (the later file is the
/// agency's report): it is neither counted nor listed as excluded, on the agency's line or in
/// all, and stays among the file's diagnostics. Nor are a copy's.
#[test]
fn a_superseded_files_refused_row_is_not_excluded() {
    let older = format!(
        "{HEAD}SYT,2021-H1,05/06/2021,II.1.a,done,x,1,1000\n\
         SYT,2021-H1,05/06/2021,II.1.b,done,1,1,1000\n"
    );
    let newer = report("SYT", "2021-H1", &["II.1.b"], 1);
    let (v, book, _dir) = consolidate(&[("SYT_a.csv", older), ("SYT_b.csv", newer)]);
    let syt = agency_line(&v, "SYT");
    assert_eq!(
        (&syt["rows"], &syt["rows_excluded"]),
        (&1.into(), &0.into())
    );
    assert_eq!(
        (&v["rows_excluded"], &v["files_excluded"]),
        (&0.into(), &0.into())
    );
    assert_eq!(
        v["excluded"].as_array().unwrap().len(),
        0,
        "{}",
        v["excluded"]
    );
    assert_eq!(excluded_cell(&book, "SYT"), calamine::Data::Float(0.0));
    // A copy of the file that counts, with a bad row of its own: counted once.
    let bad = format!("{HEAD}SYT,2021-H1,05/06/2021,II.1.a,done,x,1,1000\n");
    let (v, _, _dir) = consolidate(&[("SYT.csv", bad.clone()), ("SYT - Copy.csv", bad)]);
    assert_eq!(v["rows_excluded"], 1);
    assert_eq!(
        v["excluded"].as_array().unwrap().len(),
        1,
        "{}",
        v["excluded"]
    );
}

/// An earlier report of an agency whose latest date holds a conflict: none of its files
/// counts, so the earlier one is excluded whole with the conflicting ones (its bad row is one
/// of its rows), it names the report that superseded it, and the lines add up.
#[test]
fn an_earlier_report_of_a_held_back_agency_is_excluded_whole() {
    let earlier = format!(
        "{HEAD}SYT,2021-H1,05/06/2021,II.1.a,done,x,1,1000\n\
         SYT,2021-H1,05/06/2021,II.1.b,done,1,1,1000\n"
    );
    let files = [
        ("SYT_a.csv", earlier),
        ("SYT_b.csv", report("SYT", "2021-H1", &["II.1.a"], 1)),
        ("SYT_c.csv", report("SYT", "2021-H1", &["II.1.a"], 2)),
    ];
    let (v, _, _dir) = consolidate(&files);
    let syt = agency_line(&v, "SYT");
    assert_eq!(syt["state"], "rejected");
    assert_eq!(
        (&v["files_excluded"], &v["rows_excluded"]),
        (&3.into(), &(2 + 1 + 1).into())
    );
    assert_eq!(syt["rows_excluded"], 4);
    assert_eq!(lines_sum(&v), 4);
    let superseded = (v["notices"].as_array().unwrap().iter())
        .find(|d| d["code"] == "superseded")
        .expect("the earlier file is superseded");
    assert!(superseded["data"]["newer"]
        .as_str()
        .unwrap()
        .ends_with("SYT_b.csv"));
}

/// Of an agency's companion indicator files, the latest counts: an older one's refused row is
/// neither counted nor listed as excluded (it stays among its diagnostics).
#[test]
fn an_older_companion_files_refused_row_is_not_excluded() {
    const IND: &str = "agency,period,submitted_on,indicator,numerator,denominator\n";
    let older = format!("{IND}SYT,2021-H1,09/06/2021,NQ28-4.1,abc,2463\n");
    let newer = format!("{IND}SYT,2021-H1,10/06/2021,NQ28-4.1,2712,2463\n");
    let files = [
        ("SYT.csv", report("SYT", "2021-H1", &["II.1.a"], 1)),
        ("SYT_chi-tieu.csv", older),
        ("SYT_chi-tieu_sua.csv", newer),
    ];
    let (v, _, _dir) = consolidate(&files);
    assert_eq!(v["rows_excluded"], 0, "{}", v["excluded"]);
    assert_eq!(v["excluded"].as_array().unwrap().len(), 0);
    assert_eq!(agency_line(&v, "SYT")["rows_excluded"], 0);
    let r = (v["indicators"].as_array().unwrap().iter())
        .find(|i| i["id"] == "NQ28-4.1")
        .unwrap();
    assert_eq!(r["numerator"], 2712.0);
    // The older file is said to be superseded by the newer, as a task report would be.
    let superseded = (v["notices"].as_array().unwrap().iter())
        .find(|d| d["code"] == "superseded")
        .expect("the older companion file is superseded");
    assert!(superseded["file"]
        .as_str()
        .unwrap()
        .ends_with("SYT_chi-tieu.csv"));
    assert!(superseded["data"]["newer"]
        .as_str()
        .unwrap()
        .ends_with("SYT_chi-tieu_sua.csv"));
}

/// The "N errors in the report files; run bdg check" line of a cycle command counts what
/// `check` shows of the period's files: their own errors and the conflicts `check` finds too.
#[test]
fn the_cycles_error_count_is_the_one_check_shows() {
    let files = [
        ("STP-a.csv", report("STP", "2021-H1", &["II.1.a"], 1)),
        ("STP-b.csv", report("STP", "2021-H1", &["II.1.a"], 2)),
        (
            "SYT.csv",
            format!("{HEAD}SYT,2021-H1,08/06/2021,II.1.a,done,x,1,1000\n"),
        ),
    ];
    let (_, _, dir) = consolidate(&files);
    let reports = dir.path().join("reports");
    let (_, checked) = check_json(&reports);
    let shown = (checked["diagnostics"].as_array().unwrap().iter())
        .filter(|d| d["severity"] == "error")
        .count();
    assert_eq!(shown, 2 + 1, "{checked}");
    let o = consolidate_reports(&["--lang", "en"], &reports, &dir.path().join("again"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    let said = stderr
        .lines()
        .find_map(|l| {
            l.strip_prefix("bdg: ")?
                .split(' ')
                .next()?
                .parse::<usize>()
                .ok()
        })
        .unwrap_or_else(|| panic!("{stderr}"));
    assert_eq!(said, shown, "{stderr}");
}
