//! Every output format of every command that has `--format`, on the shipped sample: the
//! columns and the values, and the formats agreeing with one another.

use crate::common::*;

const REPORTS: &str = "examples/reports/2021-H1";

/// stdout and exit code of `bdg --lang LANG ARGS…`.
fn run(lang: &str, args: &[&str]) -> (i32, String) {
    let o = bdg().args(["--lang", lang]).args(args).output().unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8(o.stdout).unwrap(),
    )
}

/// The rows of a CSV text, header first.
fn csv_rows(s: &str) -> Vec<Vec<String>> {
    csv::Reader::from_reader(s.as_bytes())
        .into_records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

fn csv_header(s: &str) -> Vec<String> {
    let mut r = csv::Reader::from_reader(s.as_bytes());
    r.headers().unwrap().iter().map(String::from).collect()
}

/// The body cells of every terminal table in `s` (header rows included), trimmed.
fn table_cells(s: &str) -> Vec<Vec<String>> {
    s.lines()
        .filter(|l| l.starts_with('│'))
        .map(|l| {
            l.trim_matches('│')
                .split(['┆', '│'])
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn check_formats_agree() {
    let args = ["check", "--plan", PLAN, REPORTS, "--format"];
    let (code, json) = run("en", &[&args[..], &["json"]].concat());
    assert_eq!(code, 1, "the sample has errors");
    let v = json_of(json.as_bytes());
    let diags = v["diagnostics"].as_array().unwrap();
    // 16 task reports and 8 companion indicator files.
    assert_eq!(v["files"], 24);
    assert_eq!(v["rows"], 259);
    assert_eq!(v["reports"].as_array().unwrap().len(), 24);
    let r = &v["reports"][0];
    for key in [
        "agency",
        "period",
        "submitted_on",
        "encoding",
        "delimiter",
        "rows",
        "usable",
    ] {
        assert!(r.get(key).is_some(), "{key} in {r}");
    }

    let (code, csv) = run("en", &[&args[..], &["csv"]].concat());
    assert_eq!(code, 1);
    assert_eq!(
        csv_header(&csv),
        ["file", "line", "column", "severity", "code", "message", "hint"]
    );
    let rows = csv_rows(&csv);
    assert_eq!(rows.len(), diags.len(), "one row per diagnostic");
    let first = &rows[0];
    assert!(first[0].ends_with("UBND_NinhHai_2021-H1.csv"), "{first:?}");
    assert_eq!(first[1..5], ["3", "40", "error", "unknown-task"]);
    assert!(first[6].contains("II.1.a"), "the near match in the hint");
    // The codes in CSV and JSON, in the same order.
    let csv_codes: Vec<&str> = rows.iter().map(|r| r[4].as_str()).collect();
    let json_codes: Vec<&str> = diags.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(csv_codes, json_codes);

    for lang in ["vi", "en"] {
        let (code, text) = run(lang, &[&args[..], &["table"]].concat());
        assert_eq!(code, 1);
        // One line per file, each naming it, then the totals with the JSON's numbers.
        let files = text
            .lines()
            .filter(|l| !l.starts_with(' ') && (l.contains(".csv:") || l.contains(".txt:")));
        assert_eq!(files.count(), 24, "{text}");
        let last = text.lines().last().unwrap();
        for n in ["24", "259", "4"] {
            assert!(last.contains(n), "{n} in {last}");
        }
        assert!(text.contains("[unknown-task]"), "{text}");
    }
}

#[test]
fn plan_show_formats_agree() {
    let (code, json) = run("en", &["plan", "show", PLAN, "--format", "json"]);
    assert_eq!(code, 0);
    let v = json_of(json.as_bytes());
    let tasks = v["tasks"].as_array().unwrap();
    assert_eq!(v["periods"][0]["id"], "2021-H1");

    let (_, csv) = run("en", &["plan", "show", PLAN, "--format", "csv"]);
    assert_eq!(
        csv_header(&csv),
        ["task", "section", "role", "lead", "partners", "text"]
    );
    let rows = csv_rows(&csv);
    assert_eq!(rows.len(), tasks.len(), "one row per task");
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    let json_ids: Vec<&str> = tasks.iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert_eq!(ids, json_ids);
    let ii1a = rows.iter().find(|r| r[0] == "II.1.a").unwrap();
    assert_eq!((ii1a[2].as_str(), ii1a[3].as_str()), ("", "all agencies"));

    for lang in ["vi", "en"] {
        let (code, text) = run(lang, &["plan", "show", PLAN]);
        assert_eq!(code, 0);
        let cells = table_cells(&text);
        let h1 = cells.iter().find(|r| r[0] == "2021-H1").unwrap();
        assert_eq!(
            (h1[2].as_str(), h1[4].as_str()),
            ("10/06/2021", "25"),
            "{h1:?}"
        );
        // Every task of the plan is a row of the tree.
        for id in &json_ids {
            assert!(cells.iter().any(|r| r[0] == *id), "{id} in the tree");
        }
    }
}

#[test]
fn plan_show_of_one_agency_in_every_format() {
    let base = ["plan", "show", PLAN, "--agency", "Sở Y tế", "--format"];
    let (_, json) = run("en", &[&base[..], &["json"]].concat());
    let v = json_of(json.as_bytes());
    let roles: Vec<(&str, &str)> = v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["id"].as_str().unwrap(), t["role"].as_str().unwrap()))
        .collect();
    assert!(roles.contains(&("IV.8", "lead")), "{roles:?}");

    let (_, csv) = run("en", &[&base[..], &["csv"]].concat());
    let rows: Vec<(String, String)> = csv_rows(&csv)
        .into_iter()
        .map(|r| (r[0].clone(), r[2].clone()))
        .collect();
    let want: Vec<(String, String)> = roles
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(rows, want);

    let (_, text) = run("en", &[&base[..], &["table"]].concat());
    let cells = table_cells(&text);
    // A header row, then one row per task in the JSON's order; then the indicators it reports,
    // under a header of their own.
    let ids: Vec<&str> = cells[1..].iter().map(|r| r[0].as_str()).collect();
    let json_ids: Vec<&str> = roles.iter().map(|r| r.0).collect();
    let json_indicators: Vec<&str> = (v["indicators"].as_array().unwrap().iter())
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(json_indicators, ["NQ28-4.1", "NQ28-4.2", "NQ28-4.3"]);
    assert_eq!(ids, [&json_ids[..], &["Id"], &json_indicators[..]].concat());
    assert!(text.contains("SYT"), "{text}");
}

#[test]
fn plan_check_formats() {
    let (code, json) = run("en", &["plan", "check", PLAN, "--format", "json"]);
    assert_eq!(code, 0);
    let v = json_of(json.as_bytes());
    assert_eq!(v["valid"], true);
    assert!(v["diagnostics"].as_array().is_some());
    // For people, the verdict goes to stderr; stdout stays empty.
    let (code, text) = run("en", &["plan", "check", PLAN]);
    assert_eq!((code, text.as_str()), (0, ""));
    let bad = fixture("plans/duplicate-task.yaml");
    let (code, json) = run(
        "en",
        &["plan", "check", bad.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(code, 1);
    let v = json_of(json.as_bytes());
    assert_eq!(v["valid"], false);
    assert_eq!(v["diagnostics"][0]["code"], "duplicate-task");
}

#[test]
fn consolidate_table_and_json_agree() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("formats-consolidate");
    let _ = std::fs::remove_dir_all(&dir);
    let (code, v) = consolidate_json(&root().join(REPORTS), &dir.join("json"));
    assert_eq!(code, 1);
    let o = consolidate_sample(&["--lang", "en"], &dir.join("table"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let cells = table_cells(&String::from_utf8(o.stdout).unwrap());
    let value = |label: &str| {
        cells
            .iter()
            .find(|r| r[0] == label)
            .unwrap_or_else(|| panic!("no row '{label}' in {cells:?}"))[1]
            .clone()
    };
    assert_eq!(value("As of"), "20/06/2021");
    assert_eq!(value("Expected"), v["expected"].to_string());
    assert_eq!(
        value("Reported"),
        format!(
            "{} ({:.1}%)",
            v["reported"],
            v["reporting_rate"].as_f64().unwrap() * 100.0
        )
    );
    assert_eq!(value("Late"), v["late"].to_string());
    assert_eq!(value("Missing"), v["missing"].to_string());
    assert_eq!(value("Rejected"), v["rejected"].to_string());
    assert_eq!(value("Budget (VND)"), "606,600,000");
    assert_eq!(v["totals"]["budget_vnd"], 606_600_000);
    assert_eq!(value("Rows excluded"), v["rows_excluded"].to_string());
    assert_eq!(value("Files excluded"), v["files_excluded"].to_string());
}

#[test]
fn overdue_formats_agree() {
    let args = [
        "overdue",
        "--plan",
        PLAN,
        "--period",
        "2021-H1",
        "--reports",
        REPORTS,
        "--as-of",
        "20/06/2021",
        "--format",
    ];
    let (code, json) = run("en", &[&args[..], &["json"]].concat());
    assert_eq!(code, 1);
    let v = json_of(json.as_bytes());
    let ids: Vec<&str> = v["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["agency"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 12, "2 late, 10 missing");
    let (_, csv) = run("en", &[&args[..], &["csv"]].concat());
    assert_eq!(csv_header(&csv)[0], "agency");
    let csv_ids: Vec<String> = csv_rows(&csv).into_iter().map(|r| r[0].clone()).collect();
    assert_eq!(csv_ids, ids);
    let (_, text) = run("en", &[&args[..], &["table"]].concat());
    let cells = table_cells(&text);
    let table_ids: Vec<&str> = cells[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(table_ids, ids);
}
