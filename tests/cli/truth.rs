//! Every verdict true (issue 11): what bdg tells agencies and the ministry about a cycle is
//! never false — no report dated after the as-of date counted late, no agency that sent a
//! rejected file called missing, no letter out of place.

use crate::common::*;

const H1: [&str; 4] = ["--period", "2021-H1", "--as-of", "20/06/2021"];

fn overdue(reports: &std::path::Path, format: &str, extra: &[&str]) -> std::process::Output {
    bdg()
        .args(extra)
        .args(["overdue", "--plan", PLAN])
        .args(H1)
        .args(["--format", format, "--reports"])
        .arg(reports)
        .output()
        .unwrap()
}

/// The stderr of a run refused before it started (exit 2).
fn refused(o: &std::process::Output) -> String {
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(2), "{err}");
    err
}

fn notice<'a>(v: &'a Value, code: &str) -> &'a Value {
    v["notices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {}", v["notices"]))
}

// 1. A report dated after the as-of date is never late.
#[test]
fn a_report_dated_after_the_as_of_date_is_not_late_and_the_swap_is_hinted() {
    let out = tempfile::tempdir().unwrap();
    let (code, v) = consolidate_json(&fixture("truth/future"), out.path());
    assert_ne!(code, 2);
    let bnt = agency_line(&v, "BNT");
    assert_eq!(bnt["state"], "on_time");
    assert_eq!(bnt["days_late"], Value::Null);
    assert_eq!(v["late"], 0);
    let d = notice(&v, "future-date");
    assert!(d["file"].as_str().unwrap().ends_with("BNT.csv"));
    assert_eq!(d["data"]["date"], "2021-09-06");
    assert_eq!(d["data"]["swapped"], "2021-06-09");
    assert!(d["hint"].is_string());
    // The report for the ministry gives the date with why it did not count as late, not a bare
    // date after the deadline beside "on time".
    let word = part(
        &out.path().join("ninh-thuan-2021_2021-H1.docx"),
        "word/document.xml",
    );
    let appendix = &word[word.find("Phụ lục 2").unwrap()..];
    assert!(appendix.contains(">6/9/2021 (*)<"), "{appendix}");
    assert!(!appendix.contains(">6/9/2021<"));
    assert!(
        appendix.contains(">(*) "),
        "the mark is explained under the table"
    );
    // overdue does not list it; the diagnostic is said on stderr with its code.
    let o = overdue(&fixture("truth/future"), "csv", &[]);
    let csv = String::from_utf8(o.stdout).unwrap();
    assert!(!csv.lines().any(|l| l.starts_with("BNT,")), "{csv}");
    assert!(String::from_utf8_lossy(&o.stderr).contains("future-date"));
}

#[test]
fn letters_never_cite_a_date_after_their_own() {
    // As of 01/06, the sample's reports dated 14/6 and 15/6 are not late: no letter for them.
    let out = tempfile::tempdir().unwrap();
    bdg()
        .args([
            "remind",
            "--plan",
            PLAN,
            "--period",
            "2021-H1",
            "--as-of",
            "01/06/2021",
        ])
        .args(["--reports", "examples/reports/2021-H1", "--out"])
        .arg(out.path())
        .assert()
        .code(0);
    let letters: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .collect();
    assert!(letters.is_empty(), "{letters:?}");
}

// 2. Submitted but rejected is its own state.
#[test]
fn an_agency_whose_files_were_all_excluded_is_rejected_not_missing() {
    let out = tempfile::tempdir().unwrap();
    let (_, v) = consolidate_json(&fixture("truth/rejected"), out.path());
    assert_eq!(agency_line(&v, "SNV")["state"], "rejected");
    assert_eq!(v["rejected"], 1);
    assert_eq!(v["missing"], 24);
    let o = overdue(&fixture("truth/rejected"), "csv", &[]);
    let csv = String::from_utf8(o.stdout).unwrap();
    assert!(
        csv.lines()
            .any(|l| l.starts_with("SNV,") && l.contains(",rejected,")),
        "{csv}"
    );
    let o = overdue(&fixture("truth/rejected"), "json", &[]);
    assert_eq!(agency_line(&json_of(&o.stdout), "SNV")["state"], "rejected");
}

#[test]
fn an_unknown_agency_name_gets_a_did_you_mean_and_its_agency_is_rejected() {
    let (_, v) = check_json_with(&["--lang", "en"], &[fixture("truth/unknown-agency/tb.csv")]);
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "unknown-agency")
        .unwrap();
    assert_eq!(d["data"]["suggestion"], "UBND huyện Thuận Bắc");
    let o = overdue(&fixture("truth/unknown-agency"), "json", &[]);
    assert_eq!(
        agency_line(&json_of(&o.stdout), "UBND_TB")["state"],
        "rejected"
    );
}

// 8 (the cycle's part). Last period's report sent again.
#[test]
fn a_report_dated_before_the_window_is_excluded_and_said() {
    let out = tempfile::tempdir().unwrap();
    let (_, v) = consolidate_json(&fixture("truth/before-window"), out.path());
    assert_eq!(agency_line(&v, "SYT")["state"], "rejected");
    assert_eq!(v["on_time"], 0);
    let d = notice(&v, "before-window");
    assert_eq!(d["data"]["date"], "2020-12-08");
    assert_eq!(d["data"]["from"], "2020-12-15");
}

// 7. Letters that fit the state.
#[test]
fn late_missing_and_rejected_letters_each_have_their_own_subject() {
    let reports = tempfile::tempdir().unwrap();
    for f in ["truth/rejected/SNV.csv", "truth/future/BNT.csv"] {
        let p = fixture(f);
        std::fs::copy(&p, reports.path().join(p.file_name().unwrap())).unwrap();
    }
    std::fs::write(
        reports.path().join("SYT.csv"),
        "agency,period,submitted_on,task,status,female,male\nSYT,2021-H1,15/06/2021,II.1.a,done,1,1\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    bdg()
        .args(["remind", "--plan", PLAN])
        .args(H1)
        .arg("--reports")
        .arg(reports.path())
        .arg("--out")
        .arg(out.path())
        .assert()
        .code(1);
    let read = |id: &str| {
        std::fs::read_to_string(out.path().join(format!("2021-H1_{id}_don-doc.txt"))).unwrap()
    };
    let subject = |s: &str| {
        s.lines()
            .skip_while(|l| !l.contains("V/v"))
            .take_while(|l| !l.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (late, missing, rejected) = (read("SYT"), read("STP"), read("SNV"));
    let subjects = [subject(&late), subject(&missing), subject(&rejected)];
    assert!(subjects[0] != subjects[1] && subjects[1] != subjects[2] && subjects[0] != subjects[2]);
    // The rejected letter names the file and its reason (the date as written).
    assert!(
        rejected.contains("SNV.csv") && rejected.contains("09/06/21"),
        "{rejected}"
    );
    assert!(!std::path::Path::new(&out.path().join("2021-H1_BNT_don-doc.txt")).exists());
    // The late letter cites the report's date, 15/6, no later than its own (20/6).
    assert!(late.contains("15/6/2021"), "{late}");
}

#[test]
fn a_reply_by_date_before_the_as_of_date_is_refused_before_reading() {
    // The as-of date itself too: the letters, dated that day, would ask for a report before it.
    for (lang, reply_by) in [
        ("vi", "10/06/2021"),
        ("en", "10/06/2021"),
        ("vi", "20/06/2021"),
    ] {
        let out = tempfile::tempdir().unwrap();
        let o = bdg()
            .args(["--lang", lang, "remind", "--plan", PLAN])
            .args(H1)
            .args([
                "--reports",
                "no-such-folder",
                "--reply-by",
                reply_by,
                "--out",
            ])
            .arg(out.path())
            .output()
            .unwrap();
        let err = refused(&o);
        assert!(
            err.contains("--reply-by") && err.contains("20/06/2021"),
            "{err}"
        );
        assert!(std::fs::read_dir(out.path()).unwrap().next().is_none());
    }
}

/// `consolidate --format json` of the one file `f` (a fixture path, or a file written by the
/// test): the exit code and the JSON.
fn consolidate_one(f: &std::path::Path) -> (i32, Value) {
    let reports = tempfile::tempdir().unwrap();
    std::fs::copy(f, reports.path().join(f.file_name().unwrap())).unwrap();
    let out = tempfile::tempdir().unwrap();
    consolidate_json(reports.path(), out.path())
}

// 3. The common spellings of the figure columns, and units in the budget's header.
#[test]
fn common_figure_headers_are_read_and_units_convert_to_dong() {
    #[rustfmt::skip]
    let cases = [
        // file,              women, men, budget (đồng)
        ("so-nu-trieu.csv",   5,     3,   1_500_000),
        ("nu-nghin.csv",      7,     2,   250_000),
        ("women-men.csv",     4,     6,   100),
    ];
    for (file, women, men, budget) in cases {
        let (code, v) = consolidate_one(&fixture(&format!("truth/headers/{file}")));
        assert_ne!(code, 2, "{file}");
        let t = &v["totals"];
        assert_eq!(
            (
                &t["participants_female"],
                &t["participants_male"],
                &t["budget_vnd"]
            ),
            (&Value::from(women), &Value::from(men), &Value::from(budget)),
            "{file}"
        );
        assert_eq!(v["files_excluded"], 0, "{file}");
    }
}

#[test]
fn a_figure_column_that_cannot_be_read_excludes_the_file() {
    let (_, v) = consolidate_one(&fixture("truth/headers/unread.csv"));
    assert_eq!(v["files_excluded"], 1);
    assert_eq!(agency_line(&v, "SYT")["state"], "rejected");
    let codes: Vec<_> = v["excluded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| &d["code"])
        .collect();
    assert!(
        codes.iter().any(|c| *c == "unread-figure-column"),
        "{codes:?}"
    );
    // A fraction of a đồng is not a budget.
    let (_, v) = consolidate_one(&fixture("truth/headers/fraction.csv"));
    assert_eq!(v["rows_excluded"], 1);
    assert_eq!(v["totals"]["budget_vnd"], 0);
}

// 9. Sums never wrap: a figure too large to add is a row error.
#[test]
fn figures_too_large_to_add_are_row_errors_not_a_panic_or_a_wrapped_total() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("SYT.csv");
    let max = u64::MAX;
    std::fs::write(
        &f,
        format!(
            "agency,period,submitted_on,task,status,female,male,budget\n\
             SYT,2021-H1,08/06/2021,II.1.a,done,1,1,{max}\n\
             SYT,2021-H1,08/06/2021,II.1.b,done,{max},1,{max}\n\
             SYT,2021-H1,08/06/2021,II.2.a,done,2,3,4000000\n"
        ),
    )
    .unwrap();
    let (code, v) = consolidate_one(&f);
    assert_ne!(code, 2);
    assert_eq!(v["rows_excluded"], 2);
    assert_eq!(v["totals"]["budget_vnd"], 4_000_000);
    assert_eq!(v["totals"]["participants_female"], 2);
    let codes: Vec<_> = v["excluded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| &d["code"])
        .collect();
    assert!(codes.iter().all(|c| *c == "figure-overflow"), "{codes:?}");
}

// 4. Good outputs are never replaced by empty ones.
fn consolidate_into(reports: &std::path::Path, out: &std::path::Path) -> std::process::Output {
    bdg()
        .args(["consolidate", "--format", "json", "--plan", PLAN])
        .args(H1)
        .arg("--reports")
        .arg(reports)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap()
}

#[test]
fn an_out_folder_equal_to_or_inside_the_reports_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("bc");
    std::fs::create_dir(&reports).unwrap();
    std::fs::copy(fixture("truth/future/BNT.csv"), reports.join("BNT.csv")).unwrap();
    for out in [
        reports.clone(),
        reports.join("out"),
        reports.join(".").join("x"),
    ] {
        let o = consolidate_into(&reports, &out);
        assert_eq!(o.status.code(), Some(2), "{out:?}");
    }
    let names: Vec<_> = std::fs::read_dir(&reports)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["BNT.csv"]);
}

#[test]
fn no_report_file_found_leaves_existing_outputs_untouched_and_skipped_folders_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = consolidate_into(&root().join("examples/reports/2021-H1"), &out);
    assert_eq!(json_of(&o.stdout)["reported"], 15);
    let book = out.join("ninh-thuan-2021_2021-H1.xlsx");
    let before = std::fs::read(&book).unwrap();
    // An empty folder, and a folder whose only reports were saved into a marked output folder.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let marked = dir.path().join("marked");
    std::fs::create_dir_all(marked.join("old-out")).unwrap();
    std::fs::write(marked.join("old-out/.bdg-output"), "").unwrap();
    std::fs::copy(
        fixture("truth/future/BNT.csv"),
        marked.join("old-out/BNT.csv"),
    )
    .unwrap();
    for reports in [&empty, &marked] {
        let o = consolidate_into(reports, &out);
        assert_eq!(o.status.code(), Some(2), "{reports:?}");
        assert_eq!(std::fs::read(&book).unwrap(), before, "{reports:?}");
    }
    let o = consolidate_into(&marked, &out);
    assert!(String::from_utf8_lossy(&o.stderr).contains("skipped-output-folder"));
    // Beside a real report, the skipped folder is named in the summary.
    std::fs::copy(fixture("truth/rejected/SNV.csv"), marked.join("SNV.csv")).unwrap();
    let o = consolidate_into(&marked, &dir.path().join("out2"));
    let v = json_of(&o.stdout);
    let skipped = v["skipped_output_folders"].as_array().unwrap();
    assert!(
        skipped.len() == 1 && skipped[0].as_str().unwrap().ends_with("old-out"),
        "{skipped:?}"
    );
}

// 5. `bdg template` never overwrites a filled report.
#[test]
fn template_again_keeps_filled_and_foreign_files_and_lists_them() {
    let out = tempfile::tempdir().unwrap();
    let run = || {
        bdg()
            .args([
                "template", "--plan", PLAN, "--period", "2021-H1", "--format", "csv",
            ])
            .args([
                "--agency", "SYT", "--agency", "STP", "--agency", "SNV", "--out",
            ])
            .arg(out.path())
            .output()
            .unwrap()
    };
    assert_eq!(run().status.code(), Some(0));
    let mut files: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    // The task templates (a CSV template's indicator part is a companion file beside it).
    files.retain(|f| !f.to_string_lossy().ends_with("_chi-tieu.csv"));
    files.sort();
    assert_eq!(files.len(), 3);
    let name = |id: &str| {
        files
            .iter()
            .find(|f| f.to_string_lossy().contains(id))
            .cloned()
    };
    let (syt, stp, snv) = (
        name("y-te").unwrap(),
        name("tu-phap").unwrap(),
        name("noi-vu").unwrap(),
    );
    // SYT fills its report in; STP's file is replaced by something else; SNV leaves it blank.
    let blank = std::fs::read_to_string(&syt).unwrap();
    let empty = ";2021-H1;;;;;;;;";
    assert!(blank.contains(empty));
    let filled = blank.replacen(empty, ";2021-H1;09/06/2021;hoàn thành;100;1;5;3;0;", 1);
    std::fs::write(&syt, &filled).unwrap();
    std::fs::write(&stp, "not a report\n").unwrap();
    let snv_before = std::fs::read(&snv).unwrap();
    let o = run();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&syt).unwrap(), filled);
    assert_eq!(std::fs::read_to_string(&stp).unwrap(), "not a report\n");
    assert_eq!(std::fs::read(&snv).unwrap(), snv_before);
    let err = String::from_utf8_lossy(&o.stderr);
    let listed = |p: &std::path::Path| err.contains(p.file_name().unwrap().to_str().unwrap());
    assert!(listed(&syt) && listed(&stp) && !listed(&snv), "{err}");
}

// 6. The shipped cron example works under cron's environment.
#[cfg(unix)]
#[test]
fn the_cron_script_finds_bdg_under_crons_path_and_leaves_an_excel_file() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("bdg-overdue-daily.sh");
    std::fs::copy(root().join("examples/cron/bdg-overdue-daily.sh"), &script).unwrap();
    let snaps = dir.path().join("snaps");
    let bin = assert_cmd::cargo::cargo_bin("bdg");
    let run = |bdg: Option<&std::path::Path>| {
        let mut c = std::process::Command::new("/bin/bash");
        c.arg(&script)
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("BDG_PLAN", root().join(PLAN))
            .env("PERIOD", "2021-H1")
            .env("REPORTS", root().join("examples/reports/2021-H1"))
            .env("SNAPSHOTS", &snaps);
        if let Some(b) = bdg {
            c.env("BDG", b);
        }
        c.output().unwrap()
    };
    // Not on cron's PATH, not beside the script, no BDG: a clear failure, exit 2.
    let o = run(None);
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("BDG="));
    // BDG set in the crontab: the list is mailed (stdout) and kept, with the officer's copy.
    let o = run(Some(&bin));
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("agency,name,state,"));
    let excel = std::fs::read_dir(&snaps)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with("-excel.csv"))
        .expect("the officer's copy");
    let text = std::fs::read_to_string(excel).unwrap();
    assert!(text.starts_with('\u{feff}'));
    let header: Vec<&str> = text
        .lines()
        .next()
        .unwrap()
        .trim_start_matches('\u{feff}')
        .split(';')
        .collect();
    assert_eq!(header[1], "Đơn vị");
    assert!(
        text.contains(";chưa nộp;") && text.contains("Sở Tư pháp"),
        "{text}"
    );
    // bdg beside the script is found too.
    std::os::unix::fs::symlink(&bin, dir.path().join("bdg")).unwrap();
    assert_eq!(run(None).status.code(), Some(1));
}

// 10. Messages in one language.
#[test]
fn plan_mistakes_and_system_errors_are_told_in_vietnamese_with_a_did_you_mean() {
    // serde's "unknown field `titel`, expected one of …" in Vietnamese, with the near field.
    let o = bdg()
        .args(["check", "--format", "json", "--plan"])
        .arg(fixture("truth/plans/titel.yaml"))
        .arg(fixture("truth/future/BNT.csv"))
        .output()
        .unwrap();
    let err = refused(&o);
    assert!(
        err.contains("[unknown-field]") && err.contains("'title'"),
        "{err}"
    );
    for english in ["unknown field", "expected one of"] {
        assert!(!err.contains(english), "{err}");
    }
    // A mistyped plan path: the nearest plan file.
    let o = bdg()
        .args(["check", "--plan", "plans/ninh-thuan-2021.yam"])
        .arg(fixture("truth/future/BNT.csv"))
        .output()
        .unwrap();
    let err = refused(&o);
    assert!(err.contains("'plans/ninh-thuan-2021.yaml'"), "{err}");
    let o = bdg()
        .args(["plan", "check", "plans/ninh-thuan-2021.yam"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("'plans/ninh-thuan-2021.yaml'"));
    // An OS error writing outputs: no English sentence from the system.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let o = consolidate_into(&root().join("examples/reports/2021-H1"), &file.join("out"));
    let err = refused(&o);
    assert!(
        !err.contains("os error") && !err.contains("Not a directory"),
        "{err}"
    );
}

#[test]
fn the_summary_counts_rows_and_files_excluded_apart() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("SYT.csv");
    let mut csv = String::from("agency,period,submitted_on,task,status,female,male\n");
    for _ in 0..16 {
        csv.push_str("SYT,2021-H1,08/06/21,II.1.a,done,1,1\n");
    }
    std::fs::write(&f, csv).unwrap();
    let (_, v) = consolidate_one(&f);
    assert_eq!(
        (&v["files_excluded"], &v["rows_excluded"]),
        (&1.into(), &16.into())
    );
}

#[test]
fn with_v_every_skipped_output_folder_is_named_even_an_empty_one() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("r");
    std::fs::create_dir_all(reports.join("old-out")).unwrap();
    std::fs::write(reports.join("old-out/.bdg-output"), "").unwrap();
    std::fs::copy(fixture("truth/future/BNT.csv"), reports.join("BNT.csv")).unwrap();
    let run = |v: &[&str]| {
        let o = bdg()
            .args(v)
            .args(["overdue", "--plan", PLAN])
            .args(H1)
            .args(["--format", "csv", "--reports"])
            .arg(&reports)
            .output()
            .unwrap();
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    assert!(run(&["-v"]).contains("old-out"));
    assert!(!run(&[]).contains("old-out"));
}

// 1, continued: a date after the period's window whose day and month, swapped, fall inside it
// (06/12 for 12/06) is not believed: never counted late on it, and said with the swap.
#[test]
fn a_month_first_date_after_the_window_is_not_counted_late() {
    let reports = fixture("truth/slipped");
    let args = [
        "--plan",
        PLAN,
        "--period",
        "2021-H1",
        "--as-of",
        "20/12/2021",
    ];
    let out = tempfile::tempdir().unwrap();
    let o = bdg()
        .args(["consolidate", "--format", "json"])
        .args(args)
        .arg("--reports")
        .arg(&reports)
        .arg("--out")
        .arg(out.path().join("out"))
        .output()
        .unwrap();
    let v = json_of(&o.stdout);
    let bnt = agency_line(&v, "BNT");
    assert_eq!(
        (&bnt["state"], &bnt["days_late"]),
        (&"on_time".into(), &Value::Null)
    );
    assert_eq!(v["late"], 0);
    let d = notice(&v, "doubtful-date");
    assert_eq!(d["data"]["date"], "2021-12-06");
    assert_eq!(d["data"]["swapped"], "2021-06-12");
    // No late letter for it.
    let letters = out.path().join("letters");
    bdg()
        .arg("remind")
        .args(args)
        .arg("--reports")
        .arg(&reports)
        .arg("--out")
        .arg(&letters)
        .output()
        .unwrap();
    let bnt_letter = std::fs::read_dir(&letters)
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().contains("_BNT_"));
    assert!(!bnt_letter);
}

/// A plan without reporting windows: a report dated before its year's reporting can begin (15
/// December of the year before) is warned about (the year most likely mistyped) and counted on
/// time, never late on that date; one dated inside that span is not warned about.
#[test]
fn a_date_before_the_plans_year_is_warned_when_the_plan_has_no_window() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_without_windows(PLAN, dir.path());
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    let header = "agency,period,submitted_on,task,status,female,male\n";
    for (agency, date) in [("BNT", "10/06/2020"), ("SYT", "16/12/2020")] {
        let row = format!("{agency},2021-H1,{date},II.1.a,done,5,3\n");
        std::fs::write(
            reports.join(format!("{agency}.csv")),
            format!("{header}{row}"),
        )
        .unwrap();
    }
    let o = bdg()
        .args(["consolidate", "--format", "json", "--plan"])
        .arg(&plan)
        .args(["--period", "2021-H1", "--as-of", "20/06/2021", "--reports"])
        .arg(&reports)
        .arg("--out")
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    let v = json_of(&o.stdout);
    let warned: Vec<&Value> = v["notices"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "before-year")
        .collect();
    assert_eq!(warned.len(), 1, "{}", v["notices"]);
    assert!(warned[0]["file"].as_str().unwrap().ends_with("BNT.csv"));
    assert_eq!(warned[0]["severity"], "warning");
    assert_eq!(warned[0]["data"]["date"], "2020-06-10");
    assert_eq!(warned[0]["data"]["from"], "2020-12-15");
    assert_eq!(warned[0]["data"]["year"], 2021);
    for id in ["BNT", "SYT"] {
        let a = agency_line(&v, id);
        assert_eq!(
            (&a["state"], &a["days_late"]),
            (&"on_time".into(), &Value::Null),
            "{id}"
        );
    }
    // Said on stderr as the cycle is judged, as the other dates bdg does not believe.
    assert!(String::from_utf8_lossy(&o.stderr).contains("BNT.csv"));
}
