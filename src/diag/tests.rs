//! Diagnostics: codes, kinds, their JSON and their rendering.

use super::*;
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn each_code_has_one_distinct_kebab_case_name() {
    let names: std::collections::HashSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(names.len(), Code::ALL.len());
    for n in names {
        assert!(n.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{n}");
    }
    assert_eq!(
        serde_json::to_value(Code::UnknownTask).unwrap(),
        "unknown-task"
    );
}

#[test]
fn kinds_name_their_codes() {
    let cases = [
        (
            Kind::NoHeader {
                expected: vec![],
                empty: true,
            },
            Code::EmptyReport,
        ),
        (
            Kind::NoHeader {
                expected: vec![],
                empty: false,
            },
            Code::NotATable,
        ),
        (
            Kind::UnknownAssignee {
                found: "X".into(),
                reporters: true,
            },
            Code::UnknownReporter,
        ),
        (
            Kind::UnknownAssignee {
                found: "X".into(),
                reporters: false,
            },
            Code::UnknownAgency,
        ),
        (
            Kind::RepeatedTask {
                task: "I.1".into(),
                first_line: 2,
            },
            Code::DuplicateTask,
        ),
        (
            Kind::Negative {
                column: "c".into(),
                found: "-1".into(),
            },
            Code::OutOfRange,
        ),
        (Kind::MissingStatus, Code::MissingValue),
    ];
    for (kind, code) in cases {
        assert_eq!(kind.code(), code, "{kind:?}");
    }
}

#[test]
fn the_json_holds_the_kinds_values() {
    let diag = Diagnostic::warn(
        "a.csv",
        Kind::FutureDate {
            date: d("2021-06-25"),
            as_of: d("2021-06-20"),
            swapped: None,
        },
    );
    let j = diag.to_json(Lang::En);
    assert_eq!(j["code"], "future-date");
    assert_eq!(j["severity"], "warning");
    assert_eq!(
        j["data"],
        serde_json::json!({"kind": "future-date", "date": "2021-06-25", "as_of": "2021-06-20", "swapped": null})
    );
    let unit = Diagnostic::err("a.csv", Kind::MissingTask).to_json(Lang::Vi);
    assert_eq!(unit["data"], serde_json::json!({"kind": "missing-task"}));
}

#[test]
fn a_kinds_own_advice_wins_over_a_near_match() {
    let parent = Kind::UnknownTask {
        found: "II.1".into(),
        key: "II.1".into(),
        sub_items: vec!["II.1.a".into(), "II.1.b".into()],
    };
    let d = Diagnostic::err("a.csv", parent).suggest(Some("II.2"));
    assert!(d.hint_text(Lang::En).unwrap().contains("II.1.a, II.1.b"));
    let leaf = Kind::UnknownTask {
        found: "II.5.a".into(),
        key: "II.5.a".into(),
        sub_items: vec![],
    };
    let d = Diagnostic::err("a.csv", leaf).suggest(Some("II.1.a"));
    assert!(d.hint_text(Lang::Vi).unwrap().contains("'II.1.a'"));
    assert_eq!(d.suggestion.as_deref(), Some("II.1.a"));
}

#[test]
fn the_human_line_has_severity_code_place_and_hint() {
    let d = Diagnostic::err(
        "a.csv",
        Kind::BadStatus {
            found: "xong".into(),
        },
    )
    .at(3, 40)
    .suggest(Some("done"));
    let s = d.render(Lang::Vi, false);
    assert!(s.starts_with("lỗi[bad-status] a.csv:3:40: "), "{s}");
    assert!(s.contains("'xong'") && s.contains("\n    = "), "{s}");
    assert!(d
        .render(Lang::En, true)
        .starts_with("\x1b[1;31merror[bad-status]\x1b[0m"));
}

#[test]
fn every_language_gets_a_sentence() {
    let kinds = [
        Kind::EmptyPlan {
            missing: "periods".into(),
        },
        Kind::TooManyColumns {
            found: 5005,
            max: 5000,
        },
        Kind::Conflict {
            files: vec!["a.csv".into(), "b.csv".into()],
            more: 0,
        },
        Kind::MixedDate {
            found: "09/06/2021".into(),
            file_date: d("2021-06-08"),
        },
    ];
    for k in kinds {
        let (vi, en) = (
            messages::message(&k, Lang::Vi),
            messages::message(&k, Lang::En),
        );
        assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{k:?}");
    }
}

#[test]
fn a_task_with_no_lead_names_no_empty_owner() {
    for lang in [Lang::Vi, Lang::En] {
        let kind = Kind::NotAssigned {
            task: "IV.3".into(),
            owners: vec![],
        };
        let m = super::messages::message(&kind, lang);
        assert!(
            !m.contains(" , ") && !m.contains("cho ,") && !m.contains("to ,"),
            "{m}"
        );
        let with = Kind::NotAssigned {
            task: "IV.3".into(),
            owners: vec!["SYT".into()],
        };
        assert_ne!(m, super::messages::message(&with, lang));
    }
}
