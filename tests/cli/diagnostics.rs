//! Diagnostics carry data: the JSON of each diagnostic holds the values found (`data`),
//! the same in both languages, beside the sentence.

use crate::common::*;
use serde_json::{json, Value};

fn diagnostics(lang: &str, args: &[&str]) -> Vec<Value> {
    let out = bdg().args(["--lang", lang]).args(args).output().unwrap();
    let v = json_of(&out.stdout);
    v["diagnostics"].as_array().cloned().unwrap_or_default()
}

fn check(lang: &str, file: &str) -> Vec<Value> {
    let f = fixture(file);
    let f = f.to_str().unwrap();
    diagnostics(lang, &["check", "--plan", PLAN, f, "--format", "json"])
}

fn with_code<'a>(ds: &'a [Value], code: &str) -> &'a Value {
    ds.iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {ds:?}"))
}

#[test]
fn a_reports_diagnostics_hold_what_was_found_and_the_near_match() {
    let ds = check("en", "reports/codes/unknown-task.csv");
    let d = with_code(&ds, "unknown-task");
    assert_eq!(
        d["data"],
        json!({
            "kind": "unknown-task",
            "found": "II.5.a",
            "key": "II.5.a",
            "sub_items": [],
            "suggestion": "II.1.a"
        })
    );
    let ds = check("en", "reports/codes/bad-date.csv");
    let d = with_code(&ds, "bad-date");
    assert_eq!(d["data"]["found"], "06/13/2021");
    assert_eq!(d["data"]["month_first"], true);
    let ds = check("en", "reports/codes/bad-status.csv");
    assert_eq!(
        with_code(&ds, "bad-status")["data"]["suggestion"],
        "hoàn thành"
    );
}

#[test]
fn the_data_is_the_same_in_both_languages_and_only_the_sentences_differ() {
    for file in [
        "reports/codes/unknown-agency.csv",
        "reports/codes/mixed-period.csv",
        "reports/codes/extra-fields.csv",
    ] {
        let (vi, en) = (check("vi", file), check("en", file));
        assert_eq!(vi.len(), en.len(), "{file}");
        assert!(!vi.is_empty(), "{file}");
        for (a, b) in vi.iter().zip(&en) {
            assert_eq!(a["code"], b["code"], "{file}");
            assert_eq!(a["data"], b["data"], "{file}");
            assert_ne!(a["message"], b["message"], "{file}");
        }
    }
}
