//! The report and the letters read right in both languages: one "the" before a period's
//! English name, counts agreeing with their nouns, no sentence about zero things, a task with
//! several leads not done while some are silent, the dates bdg did not believe marked, the
//! Word letter in the list, empty cells for an agency with no report.

use crate::common::*;
use calamine::Data;
use std::path::Path;

const PLAN_2026: &str = "plans/khanh-hoa-2026-example.yaml";
const REPORTS_2026: &str = "examples/reports/2026-Q1";

/// The two shipped examples: plan, period, as-of date, reports.
const EXAMPLES: [[&str; 4]; 2] = [
    [PLAN_2026, "2026-Q1", "20/03/2026", REPORTS_2026],
    [PLAN, "2021-H1", "20/06/2021", "examples/reports/2021-H1"],
];

/// `bdg --lang LANG CMD` of an example's cycle (`consolidate` or `remind`) into `out`, with
/// `extra` arguments: its stdout and stderr. It must run (exit 0 or 1).
fn run(
    lang: &str,
    cmd: &str,
    ex: &[&str; 4],
    reports: &Path,
    out: &Path,
    extra: &[&str],
) -> String {
    let o = bdg()
        .args(["--lang", lang, cmd, "--plan", ex[0], "--period", ex[1]])
        .args(["--as-of", ex[2], "--reports"])
        .arg(reports)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    assert!(matches!(o.status.code(), Some(0 | 1)), "{o:?}");
    format!(
        "{}\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Every `.txt` written into `dir` and its folders, and `also`, with their spaces and line
/// ends made single spaces (a count and its noun may be wrapped apart).
fn texts(dir: &Path, also: &str) -> String {
    let mut all = String::from(also);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt" || x == "tsv") {
                all += "\n";
                all += &std::fs::read_to_string(&p).unwrap();
            }
        }
    }
    all.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The English outputs of an example: the summary, the report, the letters and their list.
fn english_of(ex: &[&str; 4], as_of: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let ex = [ex[0], ex[1], as_of, ex[3]];
    let reports = root().join(ex[3]);
    let out = dir.path().join("out");
    let mut said = run("en", "consolidate", &ex, &reports, &out, &[]);
    said += &run("en", "remind", &ex, &reports, &out.join("letters"), &[]);
    texts(&out, &said)
}

const SINGULAR: [&str; 11] = [
    "agency",
    "task",
    "partner",
    "file",
    "row",
    "activity",
    "participant",
    "letter",
    "day",
    "woman",
    "template",
];
const PLURAL: [&str; 11] = [
    "agencies",
    "tasks",
    "partners",
    "files",
    "rows",
    "activities",
    "participants",
    "letters",
    "days",
    "women",
    "templates",
];

/// Each count followed by a noun that does not agree with it ("1 agencies", "5 agency"), also
/// past one adjective ("13 leading agency").
fn disagreements(text: &str) -> Vec<String> {
    let words: Vec<&str> = text
        .split(' ')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let mut bad = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if w.is_empty() || !w.chars().all(|c| c.is_ascii_digit() || c == ',') {
            continue;
        }
        let one = *w == "1";
        let mut next = words.get(i + 1..i + 3).unwrap_or_default().iter();
        let mut noun = next.next().copied().unwrap_or_default();
        if matches!(noun, "leading" | "reporting" | "more") {
            noun = next.next().copied().unwrap_or_default();
        }
        let wrong = match one {
            true => PLURAL.contains(&noun),
            false => SINGULAR.contains(&noun),
        };
        if wrong {
            bad.push(words[i..(i + 3).min(words.len())].join(" "));
        }
    }
    bad
}

#[test]
fn the_checker_finds_what_it_looks_for() {
    assert_eq!(
        disagreements("so 1 agencies and 5 task, 13 leading agency."),
        ["1 agencies and", "5 task 13", "13 leading agency"]
    );
    assert!(
        disagreements("1 agency, 5 of 13 leading agencies; 2 days; 1,134 participants").is_empty()
    );
}

/// Both examples in English, after the deadline and before it: one "the" before the period's
/// name, every count agreeing with its noun.
#[test]
fn english_outputs_say_the_once_and_agree_in_number() {
    for ex in &EXAMPLES {
        let before = if ex[1] == "2026-Q1" {
            "10/03/2026"
        } else {
            "01/06/2021"
        };
        for as_of in [ex[2], before] {
            let text = english_of(ex, as_of);
            let lower = text.to_lowercase();
            assert!(!lower.contains("the the "), "{}: {text}", ex[1]);
            assert!(
                lower.contains("for the "),
                "{}: the period is named: {text}",
                ex[1]
            );
            assert_eq!(
                disagreements(&text),
                Vec::<String>::new(),
                "{} as of {as_of}",
                ex[1]
            );
        }
    }
}

/// A period whose English name has no article reads "for the …" all the same (the 2021 plan's
/// half year is "first six months of 2021").
#[test]
fn a_period_name_without_the_is_given_one() {
    let text = english_of(&EXAMPLES[1], EXAMPLES[1][2]);
    assert!(text.contains("for the first six months of 2021"), "{text}");
}

/// Before the 2026 deadline no agency is late or missing: the drafted assessment has no
/// sentence about zero agencies or zero tasks, in either language.
#[test]
fn no_sentence_about_nothing() {
    for lang in ["vi", "en"] {
        for as_of in ["10/03/2026", "20/03/2026"] {
            let dir = tempfile::tempdir().unwrap();
            let ex = [PLAN_2026, "2026-Q1", as_of, REPORTS_2026];
            let out = dir.path().join("out");
            run(
                lang,
                "consolidate",
                &ex,
                &root().join(REPORTS_2026),
                &out,
                &[],
            );
            let text = texts(&out, "");
            for zero in [
                " 0 đơn vị",
                " 0/8 nhiệm vụ",
                " 0 nhiệm vụ",
                " 0 agencies",
                " 0 of 8 tasks",
                " 0 tasks",
                " 0 late",
                " 0 have",
            ] {
                assert!(!text.contains(zero), "{lang} {as_of}: '{zero}' in {text}");
            }
        }
    }
}

/// II.1.a of the 2026 example is led by all 13 expected agencies and 5 reported it done: it
/// is not done, and is carried to the next period; III.1.b, its one lead done, is.
#[test]
fn a_task_with_silent_leads_is_not_done() {
    let dir = tempfile::tempdir().unwrap();
    let ex = &EXAMPLES[0];
    let o = bdg()
        .args([
            "consolidate",
            "--format",
            "json",
            "--plan",
            ex[0],
            "--period",
            ex[1],
        ])
        .args(["--as-of", ex[2], "--reports", ex[3], "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    let v = json_of(&o.stdout);
    let task = |id: &str| {
        v["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["task"] == id)
            .unwrap()
            .clone()
    };
    let t = task("II.1.a");
    assert_eq!((&t["reports"], &t["done"]), (&5.into(), &5.into()), "{t}");
    assert_eq!(
        (&t["leads_expected"], &t["leads_reported"], &t["completed"]),
        (&13.into(), &5.into(), &false.into()),
        "{t}"
    );
    let t = task("III.1.b");
    assert_eq!(
        (&t["leads_expected"], &t["leads_reported"], &t["completed"]),
        (&1.into(), &1.into(), &true.into()),
        "{t}"
    );
    // The report: how many leads reported, and II.1.a among the tasks carried on.
    let txt =
        std::fs::read_to_string(dir.path().join("khanh-hoa-2026-example_2026-Q1.txt")).unwrap();
    let flat = txt.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("5/13 đơn vị chủ trì đã báo cáo"), "{flat}");
    let next = &flat[flat.find("V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI").unwrap()..];
    let next = &next[..next.find("PHỤ LỤC").unwrap()];
    let carried: Vec<&str> = next
        .split("| ")
        .filter_map(|c| c.split(' ').next())
        .filter(|c| c.starts_with("II") && c.contains('.'))
        .collect();
    assert!(carried.contains(&"II.1.a"), "{next}");
    assert!(!carried.contains(&"III.1.b"), "{next}");
}

/// A copy of the 2026 example's reports with SNV's report dated `date` (its only date).
fn reports_with_snv_dated(dir: &Path, date: &str) -> std::path::PathBuf {
    let reports = dir.join("reports");
    std::fs::create_dir(&reports).unwrap();
    for e in std::fs::read_dir(root().join(REPORTS_2026)).unwrap() {
        let p = e.unwrap().path();
        let mut text = std::fs::read_to_string(&p).unwrap();
        if p.file_name().unwrap() == "SNV_2026-Q1.csv" {
            text = text.replace("10/03/2026", date);
        }
        std::fs::write(reports.join(p.file_name().unwrap()), text).unwrap();
    }
    reports
}

/// A report dated a year early (10/03/2025, before 15/12/2025) is on time on that date, but
/// not believed: Appendix 2 marks it (*) and the footnote names the case with its day.
#[test]
fn a_date_before_the_year_is_marked() {
    let dir = tempfile::tempdir().unwrap();
    let reports = reports_with_snv_dated(dir.path(), "10/03/2025");
    let out = dir.path().join("out");
    // The 2026 plan without its windows (with them, that date is an earlier period's report:
    // `before-window`); the year's first day stands in for them.
    let plan = plan_without_windows(EXAMPLES[0][0], dir.path());
    let plan = plan.to_string_lossy().into_owned();
    let ex = &[
        plan.as_str(),
        EXAMPLES[0][1],
        EXAMPLES[0][2],
        EXAMPLES[0][3],
    ];
    let said = run(
        "vi",
        "consolidate",
        ex,
        &reports,
        &out,
        &["--format", "json"],
    );
    let json = &said[..said.rfind('}').unwrap() + 1];
    let v = json_of(json.as_bytes());
    let snv = agency_line(&v, "SNV");
    assert_eq!(snv["state"], "on_time", "{snv}");
    let txt = std::fs::read_to_string(out.join("khanh-hoa-2026-example_2026-Q1.txt")).unwrap();
    // The SNV row (its date) and the footnote, which names the year's first day.
    let row = txt.lines().find(|l| l.contains("| Sở Nội vụ ")).unwrap();
    assert!(row.contains("| 10/3/2025 (*) |"), "{row}");
    let flat = txt.split_whitespace().collect::<Vec<_>>().join(" ");
    let note = &flat[flat.rfind("(*) ").unwrap()..];
    assert!(note.contains("15/12/2025"), "{note}");
    // The same cycle with SNV's real date marks nothing.
    let plain = tempfile::tempdir().unwrap();
    run(
        "vi",
        "consolidate",
        ex,
        &root().join(REPORTS_2026),
        plain.path(),
        &[],
    );
    let txt =
        std::fs::read_to_string(plain.path().join("khanh-hoa-2026-example_2026-Q1.txt")).unwrap();
    assert!(!txt.contains("(*)"), "{txt}");
}

/// The letters' list names each Word letter beside its text, and both exist.
#[test]
fn the_letter_list_names_the_word_letter() {
    let dir = tempfile::tempdir().unwrap();
    let ex = &EXAMPLES[0];
    run(
        "vi",
        "remind",
        ex,
        &root().join(REPORTS_2026),
        dir.path(),
        &[],
    );
    let list = std::fs::read_to_string(dir.path().join("2026-Q1_danh-sach-don-doc.tsv")).unwrap();
    let rows: Vec<Vec<&str>> = list
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(rows.len(), 9, "{list}");
    for r in rows {
        assert_eq!(r[1], r[0].replace(".txt", ".docx"), "{list}");
        assert!(dir.path().join(r[1]).is_file(), "{}", r[1]);
        assert_eq!(r.len(), 5, "{list}");
    }
}

/// The workbook's by-agency sheet: a missing agency's figure cells are empty, a reporting
/// one's are numbers.
#[test]
fn a_missing_agency_has_empty_figure_cells() {
    let dir = tempfile::tempdir().unwrap();
    let ex = &EXAMPLES[0];
    run(
        "vi",
        "consolidate",
        ex,
        &root().join(REPORTS_2026),
        dir.path(),
        &[],
    );
    let s = sheet(&workbook_in(dir.path()), "Theo đơn vị");
    let row = |id: &str| {
        s.rows()
            .find(|r| r[1] == Data::String(id.into()))
            .unwrap()
            .to_vec()
    };
    assert_eq!(
        row("CAT")[7..12],
        [
            Data::Empty,
            Data::Empty,
            Data::Empty,
            Data::Empty,
            Data::Empty
        ]
    );
    assert_eq!(row("SNV")[7], Data::Float(5.0));
    assert_eq!(row("SNV")[11], Data::Float(25_000_000.0));
}

/// A bad date in a 2026 report is hinted with a date of 2026 (the plan's first due date).
#[test]
fn the_bad_date_hint_is_of_the_plan_year() {
    let dir = tempfile::tempdir().unwrap();
    let reports = reports_with_snv_dated(dir.path(), "32/13/2026");
    let o = bdg()
        .args(["check", "--format", "json", "--plan", PLAN_2026])
        .arg(reports.join("SNV_2026-Q1.csv"))
        .output()
        .unwrap();
    let v = json_of(&o.stdout);
    let bad = diagnostics_with_code(&v, "bad-date");
    assert!(!bad.is_empty(), "{v}");
    for d in bad {
        assert_eq!(d["data"]["example"], "2026-03-15", "{d}");
    }
}

/// `overdue` before the deadline counts the agencies not yet due (13 expected, 5 of them
/// already reported).
#[test]
fn overdue_before_the_deadline_counts_the_pending() {
    let ex = &EXAMPLES[0];
    let o = bdg()
        .args([
            "--lang", "en", "overdue", "--plan", ex[0], "--period", ex[1],
        ])
        .args(["--as-of", "10/03/2026", "--reports", ex[3]])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let first = String::from_utf8_lossy(&o.stdout)
        .lines()
        .next()
        .unwrap()
        .to_string();
    assert!(first.ends_with(", 8 not yet due"), "{first}");
}
