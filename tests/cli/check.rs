use crate::common::*;

fn check_json(args: &[&str]) -> (i32, Value) {
    check_json_with(&["--lang", "en"], args)
}

#[test]
fn every_encoding_and_delimiter_reads_the_same_rows() {
    for f in [
        "utf8-bom-comma.csv",
        "utf8-crlf-semicolon.csv",
        "utf16le-tab.txt",
        "utf16be-tab.txt",
        "windows-1258.csv",
        "messy-whitespace.csv",
    ] {
        let path = fixture(&format!("reports/{f}"));
        let (code, v) = check_json(&[path.to_str().unwrap()]);
        assert_eq!(code, 0, "{f}: {v}");
        let r = &v["reports"][0];
        // "Sở Y tế" written in Vietnamese matched the plan in every encoding.
        assert_eq!(r["agency"], "SYT", "{f}: {v}");
        assert_eq!(r["submitted_on"], "2021-06-08", "{f}");
        assert_eq!(r["rows"], 3, "{f}: {v}");
        let errors = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["severity"] == "error")
            .count();
        assert_eq!(errors, 0, "{f}: {v}");
    }
    let (_, v) = check_json(&[fixture("reports/windows-1258.csv").to_str().unwrap()]);
    assert_eq!(v["reports"][0]["encoding"], "windows-1258");
    let (_, v) = check_json(&[fixture("reports/utf16le-tab.txt").to_str().unwrap()]);
    assert_eq!(v["reports"][0]["delimiter"], "\t");
    let (_, v) = check_json(&[fixture("reports/utf8-crlf-semicolon.csv").to_str().unwrap()]);
    assert_eq!(v["reports"][0]["delimiter"], ";");
}

#[test]
fn each_diagnostic_code_at_its_line_and_column() {
    type Case<'a> = (&'a str, &'a str, Option<u64>, Option<u64>, &'a str);
    let cases: &[Case] = &[
        (
            "unknown-task.csv",
            "unknown-task",
            Some(3),
            Some(28),
            "error",
        ),
        (
            "duplicate-task.csv",
            "duplicate-task",
            Some(5),
            Some(28),
            "error",
        ),
        ("bad-status.csv", "bad-status", Some(5), Some(35), "error"),
        ("bad-number.csv", "bad-number", Some(5), Some(52), "error"),
        (
            "out-of-range.csv",
            "out-of-range",
            Some(5),
            Some(46),
            "error",
        ),
        ("bad-date.csv", "bad-date", Some(2), Some(17), "error"),
        (
            "mixed-agency.csv",
            "mixed-agency",
            Some(5),
            Some(1),
            "error",
        ),
        (
            "mixed-period.csv",
            "mixed-period",
            Some(5),
            Some(9),
            "error",
        ),
        (
            "unknown-agency.csv",
            "unknown-agency",
            Some(2),
            Some(1),
            "error",
        ),
        (
            "unknown-period.csv",
            "unknown-period",
            Some(2),
            Some(9),
            "error",
        ),
        (
            "missing-column.csv",
            "missing-column",
            Some(1),
            Some(1),
            "error",
        ),
        ("not-a-table.csv", "not-a-table", None, None, "error"),
        ("empty-template.csv", "empty-report", None, None, "error"),
        (
            "extra-fields.csv",
            "extra-fields",
            Some(3),
            Some(65),
            "error",
        ),
        (
            "not-assigned.csv",
            "not-assigned",
            Some(5),
            Some(28),
            "warning",
        ),
        (
            "unknown-column.csv",
            "unknown-column",
            Some(1),
            Some(157),
            "warning",
        ),
    ];
    for &(file, code, line, col, sev) in cases {
        let path = fixture(&format!("reports/codes/{file}"));
        let (exit, v) = check_json(&[path.to_str().unwrap()]);
        let diags = v["diagnostics"].as_array().unwrap();
        let d = diags
            .iter()
            .find(|d| d["code"] == code)
            .unwrap_or_else(|| panic!("{file}: no {code} in {diags:?}"));
        assert_eq!(
            (d["line"].as_u64(), d["column"].as_u64()),
            (line, col),
            "{file}: {d}"
        );
        assert_eq!(d["severity"], sev, "{file}");
        assert_eq!(exit, if sev == "error" { 1 } else { 0 }, "{file}");
    }
}

#[test]
fn messages_say_what_was_found_and_suggest_a_near_match() {
    let (_, v) = check_json(&[fixture("reports/codes/unknown-task.csv").to_str().unwrap()]);
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "unknown-task")
        .unwrap()
        .clone();
    assert_eq!(d["data"]["found"], "II.5.a");
    assert_eq!(d["data"]["suggestion"], "II.1.a");
    assert!(d["hint"].as_str().unwrap().contains("'II.1.a'"));
    let (_, v) = check_json(&[fixture("reports/codes/unknown-agency.csv")
        .to_str()
        .unwrap()]);
    let d = &v["diagnostics"][0];
    assert_eq!(d["data"]["found"], "Sở Y tá", "{d}");
    assert_eq!(d["data"]["suggestion"], "Sở Y tế", "{d}");
    let (_, v) = check_json(&[fixture("reports/codes/bad-date.csv").to_str().unwrap()]);
    assert_eq!(v["diagnostics"][0]["data"]["month_first"], true);
    assert!(v["diagnostics"][0]["hint"].is_string());
    let (_, v) = check_json(&[fixture("reports/codes/bad-status.csv").to_str().unwrap()]);
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "bad-status")
        .unwrap()
        .clone();
    assert_eq!(d["data"]["suggestion"], "hoàn thành");
}

#[test]
fn a_bad_file_never_stops_the_run() {
    let (code, v) = check_json(&[
        fixture("reports/codes/not-a-table.csv").to_str().unwrap(),
        fixture("reports/utf8-bom-comma.csv").to_str().unwrap(),
        "no/such/dir",
    ]);
    assert_eq!(code, 1);
    assert_eq!(v["files"], 3);
    assert_eq!(v["rows"], 3);
    let codes = codes(&v);
    assert!(
        codes.iter().any(|c| c == "not-a-table") && codes.iter().any(|c| c == "unreadable"),
        "{codes:?}"
    );
}

#[test]
fn forcing_the_wrong_encoding_is_an_encoding_diagnostic() {
    let (_, v) = check_json(&[
        "--encoding",
        "utf-8",
        fixture("reports/windows-1258.csv").to_str().unwrap(),
    ]);
    let codes = codes(&v);
    assert!(codes.iter().any(|c| c == "encoding"), "{codes:?}");
    bdg()
        .args(["check", "--plan", PLAN, "--encoding", "klingon"])
        .arg(fixture("reports/windows-1258.csv"))
        .assert()
        .code(2);
}

#[test]
fn ten_thousand_rows_with_one_bad_row_give_exactly_one_error() {
    // A plan with 10,000 tasks for one agency, and its report with row 5,001 broken.
    let dir = tempfile::tempdir().unwrap();
    let mut plan = String::from(
        "plan: {id: big, title: T, issuer: I, year: 2021, coordinator: A, recipient: R}\n\
         periods: [{id: P1, name: P1, due: 2021-06-10}]\n\
         agencies: [{id: A, name: Agency A}]\n\
         sections:\n  - id: II\n    title: T\n    lead: [all]\n    items:\n",
    );
    for i in 1..=10_000 {
        plan.push_str(&format!("      - {{id: \"{i}\", text: t{i}}}\n"));
    }
    let plan_path = dir.path().join("plan.yaml");
    std::fs::write(&plan_path, plan).unwrap();
    let mut csv = String::from("agency;period;submitted_on;task;status;budget_vnd;note\n");
    for i in 1..=10_000 {
        let budget = if i == 5_001 { "1.5.00" } else { "1.500.000" };
        csv.push_str(&format!(
            "A;P1;08/06/2021;II.{i};hoàn thành;{budget};ghi chú {i}\n"
        ));
    }
    let report = dir.path().join("big.csv");
    std::fs::write(&report, csv).unwrap();
    let out = bdg()
        .args(["check", "--format", "json", "--plan"])
        .arg(&plan_path)
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = json_of(&out.stdout);
    assert_eq!(v["rows"], 9_999);
    let diags = v["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["code"], "bad-number");
    assert_eq!(diags[0]["line"], 5_002);
}

#[test]
fn the_shipped_example_cycle_reads_with_only_the_planted_errors() {
    let (code, v) = check_json(&["examples/reports/2021-H1"]);
    assert_eq!(code, 1);
    // 16 reports and 8 indicator companion files.
    assert_eq!(v["files"], 24);
    let errors: Vec<(&str, &str)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["file"].as_str().unwrap().rsplit('/').next().unwrap(),
                d["code"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            ("UBND_NinhHai_2021-H1.csv", "unknown-task"),
            ("UBND_NinhHai_2021-H1.csv", "bad-status"),
            ("UBND_NinhHai_2021-H1.csv", "bad-number"),
            ("UBND_NinhHai_2021-H1.csv", "out-of-range"),
        ]
    );
}

#[test]
fn a_file_that_could_not_be_read_has_no_encoding_in_json() {
    let o = bdg()
        .args([
            "check",
            "--plan",
            PLAN,
            "no-such-report.csv",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let v = json_of(&o.stdout);
    let r = &v["reports"][0];
    assert_eq!(v["diagnostics"][0]["code"], "unreadable");
    assert!(r["encoding"].is_null() && r["delimiter"].is_null(), "{r}");
}

#[test]
fn messages_quote_the_column_header_the_file_wrote() {
    // An English header: each problem names the file's own column, not the format's
    // Vietnamese header ('Tiến độ (%)', 'Số hoạt động', 'Ngày báo cáo').
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("en.csv");
    std::fs::write(
        &report,
        "agency,period,date,task,status,progress,activities,note\n\
         Sở Y tế,2021-H1,,IV.8,done,abc,-3,x\n",
    )
    .unwrap();
    let (code, v) = check_json_with(&["--lang", "en"], &[&report]);
    assert_eq!(code, 1);
    let named: Vec<(&str, &str)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| Some((d["code"].as_str()?, d["data"]["column"].as_str()?)))
        .collect();
    assert_eq!(
        named,
        [
            ("missing-value", "date"),
            ("bad-number", "progress"),
            ("out-of-range", "activities")
        ]
    );
    // An indicator table too.
    let table = dir.path().join("en_chi-tieu.csv");
    std::fs::write(
        &table,
        "agency;period;date;indicator;indicator_name;numerator;denominator;value;note\n\
         Sở KH&ĐT;2021-H1;07/06/2021;NQ28-2.3;x;abc;1.250;;y\n",
    )
    .unwrap();
    let (_, v) = check_json_with(&["--lang", "en"], &[&table]);
    let d = &v["diagnostics"][0];
    assert_eq!(
        (d["code"].as_str(), d["data"]["column"].as_str()),
        (Some("bad-number"), Some("numerator"))
    );
}

/// A copy of a report (here with other line endings: other bytes, the same content) is said
/// by `check` as `consolidate` says it: a `duplicate-file` warning on the copy that will not
/// count, naming the one that will (the oldest, then the shorter name), and nothing on a different
/// report of the same agency.
#[test]
fn check_names_a_copy_of_a_report_as_consolidate_does() {
    let dir = tempfile::tempdir().unwrap();
    let src =
        std::fs::read_to_string(root().join("examples/reports/2021-H1/SYT_2021-H1.csv")).unwrap();
    std::fs::write(dir.path().join("a.csv"), &src).unwrap();
    // The copy's name sorts first but is longer: the original counts.
    std::fs::write(dir.path().join("a - Copy.csv"), src.replace('\n', "\r\n")).unwrap();
    let other = src.replace("2021-06-09", "2021-06-10");
    std::fs::write(dir.path().join("c.csv"), other).unwrap();
    // Two copies of its indicator companion: of those the latest counts, copy or not, in
    // consolidate as in check (no duplicate-file on them).
    let companion = root().join("examples/reports/2021-H1/SYT_2021-H1_chi-tieu.csv");
    std::fs::copy(&companion, dir.path().join("d_chi-tieu.csv")).unwrap();
    std::fs::copy(&companion, dir.path().join("e_chi-tieu.csv")).unwrap();
    let (code, v) = check_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{v}");
    let dups: Vec<(&str, &str)> = (v["diagnostics"].as_array().unwrap().iter())
        .filter(|d| d["code"] == "duplicate-file")
        .map(|d| {
            (
                d["file"].as_str().unwrap(),
                d["data"]["other"].as_str().unwrap(),
            )
        })
        .collect();
    let name = |f: &str| dir.path().join(f).to_str().unwrap().to_string();
    assert_eq!(
        dups,
        [(name("a - Copy.csv").as_str(), name("a.csv").as_str())]
    );
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 1, "{v}");
    // consolidate picks the same copy out.
    let out = tempfile::tempdir().unwrap();
    let (_, c) = consolidate_json(dir.path(), out.path());
    let said: Vec<&str> = (c["notices"].as_array().unwrap().iter())
        .filter(|d| d["code"] == "duplicate-file")
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(said, [name("a - Copy.csv").as_str()]);
}

/// A report date written month first, with a day over 12 (06/14/2021: no 14th month), is an
/// error whose hint gives the date meant.
#[test]
fn a_month_first_report_date_is_refused_with_the_date_meant() {
    let dir = tempfile::tempdir().unwrap();
    let src =
        std::fs::read_to_string(root().join("examples/reports/2021-H1/SYT_2021-H1.csv")).unwrap();
    std::fs::write(
        dir.path().join("syt.csv"),
        src.replace("2021-06-09", "06/14/2021"),
    )
    .unwrap();
    let (code, v) = check_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    let d = (v["diagnostics"].as_array().unwrap().iter())
        .find(|d| d["code"] == "bad-date")
        .expect("bad-date");
    assert_eq!(d["data"]["month_first"], true);
    assert!(d["hint"].as_str().unwrap().contains("14/06/2021"), "{d}");
}

/// `check -v` gives a file's encoding and delimiter only where the file was read.
#[test]
fn verbose_check_gives_no_encoding_for_a_file_it_could_not_read() {
    let o = bdg()
        .args(["--lang", "en", "check", "-v", "--plan", PLAN])
        .arg(fixture("does-not-exist.csv"))
        .arg("examples/reports/2021-H1/SYT_2021-H1.csv")
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(out.matches("encoding:").count(), 1, "{out}");
    assert!(out.contains("encoding: UTF-8"), "{out}");
}
