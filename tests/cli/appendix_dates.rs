//! What Appendix 2 of the report for the ministry says of a report's date, and what the
//! "excluded" list holds: checked against the cycle, cell by cell.

use crate::common::*;

/// The text of Appendix 2 of the Word report written into `out` (in English when `en`).
fn appendix_2(out: &std::path::Path, en: bool) -> String {
    let (name, title) = match en {
        false => ("ninh-thuan-2021_2021-H1.docx", "Phụ lục"),
        true => ("ninh-thuan-2021_2021-H1_en.docx", "Appendix"),
    };
    let word = part(&out.join(name), "word/document.xml");
    let from = word.rfind(&format!("{title} 2")).expect("Appendix 2");
    let to = word.rfind(&format!("{title} 3")).expect("Appendix 3");
    word[from..to].to_string()
}

/// As of 05/06/2021, before the deadline, a report dated 9/6 counts as received and on time:
/// Appendix 2 marks its date, which is after the date the report is written as of.
#[test]
fn a_date_after_the_as_of_date_is_marked_even_before_the_deadline() {
    let out = tempfile::tempdir().unwrap();
    let o = bdg()
        .args(["consolidate", "--plan", PLAN, "--period", "2021-H1"])
        .args([
            "--reports",
            "examples/reports/2021-H1",
            "--as-of",
            "05/06/2021",
        ])
        .args(["--format", "json", "--out"])
        .arg(out.path())
        .output()
        .unwrap();
    let v = json_of(&o.stdout);
    let syt = agency_line(&v, "SYT");
    assert_eq!(syt["state"], "on_time");
    assert_eq!(syt["submitted_on"], "2021-06-09");
    let appendix = appendix_2(out.path(), false);
    assert!(appendix.contains(">9/6/2021 (*)<"), "{appendix}");
    assert!(!appendix.contains(">9/6/2021<"), "{appendix}");
    // LDLD's report, dated 3/6, is before the as-of date: given bare.
    assert_eq!(agency_line(&v, "LDLD")["submitted_on"], "2021-06-03");
    assert!(appendix.contains(">3/6/2021<"), "{appendix}");
}

/// UBND_PRTC reported on 9/6 (on time) and sent a supplement dated 17/6, whose figures count:
/// Appendix 2 gives both dates, in both languages.
#[test]
fn figures_from_a_later_report_give_its_date_beside_the_first() {
    for (lang, later) in [
        ("vi", "(cập nhật 17/6/2021)"),
        ("en", "(updated 17/6/2021)"),
    ] {
        let out = tempfile::tempdir().unwrap();
        let o = consolidate_sample(&["--lang", lang], out.path())
            .args(["--format", "json"])
            .output()
            .unwrap();
        let v = json_of(&o.stdout);
        let prtc = agency_line(&v, "UBND_PRTC");
        assert_eq!(prtc["submitted_on"], "2021-06-09");
        assert_eq!(prtc["figures_on"], "2021-06-17");
        // Where the figures are the first report's, the JSON says nothing more.
        assert!(agency_line(&v, "SYT").get("figures_on").is_none());
        let appendix = appendix_2(out.path(), lang == "en");
        assert!(
            appendix.contains(&format!(">9/6/2021 {later}<")),
            "{lang}: {appendix}"
        );
        // Only that agency's figures came later.
        assert_eq!(
            appendix.matches(later.split(' ').next().unwrap()).count(),
            2
        );
    }
}

/// A later report whose figures count, dated after the as-of date, is marked as a first one
/// would be: a report written as of 20/6 does not cite figures of 25/6 without comment.
#[test]
fn a_later_report_dated_after_the_as_of_date_is_marked() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    for e in std::fs::read_dir(root().join("examples/reports/2021-H1")).unwrap() {
        let path = e.unwrap().path();
        let text = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap();
        let text = match name.to_str() == Some("UBND_PRTC_2021-H1_bo-sung.csv") {
            true => String::from_utf8(text)
                .unwrap()
                .replace("17/06/2021", "25/06/2021")
                .into_bytes(),
            false => text,
        };
        std::fs::write(reports.join(name), text).unwrap();
    }
    let out = dir.path().join("out");
    let (_, v) = consolidate_json(&reports, &out);
    assert_eq!(agency_line(&v, "UBND_PRTC")["state"], "on_time");
    let appendix = appendix_2(&out, false);
    assert!(
        appendix.contains(">9/6/2021 (cập nhật 25/6/2021 (*))<"),
        "{appendix}"
    );
    assert!(
        appendix.contains(">(*) "),
        "the mark is explained under the table"
    );
}

/// A later report that leaves out tasks the earlier one gave is counted, and the report for
/// the ministry says, under Appendix 2, how many of the agency's tasks have no figures now.
#[test]
fn a_partial_later_report_is_said_under_appendix_2() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    for e in std::fs::read_dir(root().join("examples/reports/2021-H1")).unwrap() {
        let path = e.unwrap().path();
        std::fs::copy(&path, reports.join(path.file_name().unwrap())).unwrap();
    }
    let syt = std::fs::read_to_string(reports.join("SYT_2021-H1.csv")).unwrap();
    let first_row: String = syt.lines().take(2).collect::<Vec<_>>().join("\n");
    let later = first_row.replace("2021-06-09", "2021-06-13") + "\n";
    std::fs::write(reports.join("SYT_2021-H1_bo-sung.csv"), later).unwrap();
    let out = dir.path().join("out");
    let (_, v) = consolidate_json(&reports, &out);
    let dropped = (v["notices"].as_array().unwrap().iter())
        .find(|d| d["code"] == "dropped-tasks")
        .expect("the later file leaves tasks out");
    let n = dropped["data"]["tasks"].as_array().unwrap().len();
    assert!(n > 1, "{dropped}");
    let appendix = appendix_2(&out, false);
    let said = format!("Báo cáo gửi sau của Sở Y tế không có {n} nhiệm vụ");
    assert!(appendix.contains(&said), "{appendix}");
}

/// The "excluded" list and the counts agree: a file replaced by a later one of its agency is
/// among the notices, not among the excluded, and every file-wide entry left is counted.
#[test]
fn the_excluded_list_holds_what_the_counts_count() {
    let out = tempfile::tempdir().unwrap();
    let (_, v) = consolidate_json(&root().join("examples/reports/2021-H1"), out.path());
    let excluded = v["excluded"].as_array().unwrap();
    let codes: Vec<&str> = excluded
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(!codes.contains(&"superseded"), "{codes:?}");
    assert!(v["notices"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "superseded"));
    // Rows once each however many reasons they have, files excluded whole once each (the
    // example excludes rows only: a file excluded whole would count all its rows).
    let rows: std::collections::BTreeSet<(&str, u64)> = (excluded.iter())
        .filter_map(|d| Some((d["file"].as_str()?, d["line"].as_u64()?)))
        .collect();
    let files: std::collections::BTreeSet<&str> = (excluded.iter())
        .filter(|d| d["line"].is_null())
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert!(files.is_empty(), "{files:?}");
    assert_eq!(rows.len() as u64, v["rows_excluded"].as_u64().unwrap());
    assert_eq!(files.len() as u64, v["files_excluded"].as_u64().unwrap());
    // The workbook's "Bị loại" sheet lists the same entries.
    let sheet = sheet(&workbook_in(out.path()), "Bị loại");
    assert_eq!(sheet.height() - 1, excluded.len());
}
