//! An indicator short of a milestone still ahead is on its way, not a failure: the verdict
//! (`achieved`, `on_the_way`, `not_achieved`) of the small plan's three indicators for plan
//! years before, at and after their milestones (2025, then 2030), both directions, in the JSON
//! and read back from the workbook's result cells and their fills.

use crate::common::*;
use crate::indicators::{by_id, mini_plan_of_year};
use std::path::Path;

/// The fill colour (`RRGGBB`) of the cell `cell` ("L2") of the workbook's sheet `name`, from
/// its style in `styles.xml`; `None` without a solid fill.
fn fill(book: &Path, name: &str, cell: &str) -> Option<String> {
    let styles = part(book, "xl/styles.xml");
    let xf = cell_xf(&styles, &sheet_part(book, name), cell);
    let id: usize = xml_attr(&xf, "fillId").unwrap().parse().unwrap();
    let fills = &styles[styles.find("<fills").unwrap()..styles.find("</fills>").unwrap()];
    let f = fills.split("<fill>").nth(id + 1).unwrap();
    let rgb = xml_attr(f.split("<fgColor").nth(1)?, "rgb")?;
    Some(rgb[2..].to_string())
}

/// Each indicator's verdict code in the JSON, its result cell and the cell's fill, for the
/// small plan of `year` consolidated in `lang`.
fn verdicts(year: i32, lang: &str) -> Vec<(String, String, Option<String>)> {
    verdicts_with(year, lang, None)
}

/// [`verdicts`], with `Some(period)`: the plan given an annual report (2021-Y) after its
/// six-month one, `period` consolidated (the annual one from the same reports, marked 2021-Y).
fn verdicts_with(
    year: i32,
    lang: &str,
    annual: Option<&str>,
) -> Vec<(String, String, Option<String>)> {
    let dir = tempfile::tempdir().unwrap();
    let plan = mini_plan_of_year(dir.path(), year);
    let period = annual.unwrap_or("2021-H1");
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    for e in std::fs::read_dir(fixture("indicators/reports")).unwrap() {
        let path = e.unwrap().path();
        // Byte for byte but the period (ASCII), whatever the file's encoding.
        let bytes = std::fs::read(&path).unwrap();
        let mut out = Vec::with_capacity(bytes.len());
        let mut rest = &bytes[..];
        while let Some(at) = rest.windows(7).position(|w| w == b"2021-H1") {
            out.extend_from_slice(&rest[..at]);
            out.extend_from_slice(period.as_bytes());
            rest = &rest[at + 7..];
        }
        out.extend_from_slice(rest);
        std::fs::write(reports.join(path.file_name().unwrap()), out).unwrap();
    }
    if annual.is_some() {
        // The annual period, and the indicators asked in both reports (without `periods`, an
        // indicator is asked in the annual report only).
        let yaml = std::fs::read_to_string(&plan).unwrap();
        let periods = "periods:\n  - id: 2021-Y\n    name: Năm 2021\n    due: 2021-12-10\n";
        let yaml = (yaml.replacen("periods:\n", periods, 1))
            .replace(
                "R1, reporters: [SLDTBXH, SYT]}",
                "R1, reporters: [SLDTBXH, SYT], periods: [2021-H1, 2021-Y]}",
            )
            .replace(
                "\n    reporters: [",
                "\n    periods: [2021-H1, 2021-Y]\n    reporters: [",
            );
        std::fs::write(&plan, yaml).unwrap();
    }
    let out = dir.path().join("out");
    let o = bdg()
        .args(["--lang", lang, "consolidate", "--format", "json", "--plan"])
        .arg(&plan)
        .args(["--period", period, "--as-of", "20/06/2021", "--reports"])
        .arg(&reports)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let v = json_of(&o.stdout);
    let suffix = if lang == "en" { "_en" } else { "" };
    let book = out.join(format!("mini-ind_{period}{suffix}.xlsx"));
    let name = if lang == "en" {
        "Indicators"
    } else {
        "Chỉ tiêu"
    };
    let s = sheet(&book, name);
    ["R1", "C1", "V1"]
        .iter()
        .map(|id| {
            let j = by_id(&v, id);
            let code = j["verdict"].as_str().unwrap().to_string();
            // `achieved` keeps its meaning: the target met, whatever the milestone's year.
            assert_eq!(j["achieved"], code == "achieved", "{year} {id}");
            let r = (s
                .rows()
                .position(|r| r[0] == calamine::Data::String(id.to_string())))
            .unwrap_or_else(|| panic!("no row {id}"));
            let cell = s.get((r, 11)).unwrap().to_string();
            (code, cell, fill(&book, name, &format!("L{}", r + 1)))
        })
        .collect()
}

const GREEN: &str = "C6EFCE";
const AMBER: &str = "FFEB9C";
const RED: &str = "FFC7CE";

#[test]
fn a_figure_short_of_a_milestone_ahead_is_on_the_way_and_in_or_after_its_year_not_achieved() {
    // R1 30 % (at least 60 by 2025, 75 by 2030), C1 55 classes (at least 50, then 80), V1 108.5
    // boys per 100 girls (at most 109, then 108).
    let (ok, ahead, due) = ("achieved", "on_the_way", "not_achieved");
    let cases = [
        (2021, [ahead, ok, ok], ["Chưa đạt mốc 2025", "Đạt", "Đạt"]),
        (2024, [ahead, ok, ok], ["Chưa đạt mốc 2025", "Đạt", "Đạt"]),
        // The small plan's one report is a six-month one: in the milestone's own year it is
        // still on the way (the annual report judges it: see the test below).
        (2025, [ahead, ok, ok], ["Chưa đạt mốc 2025", "Đạt", "Đạt"]),
        (2026, [ahead; 3], ["Chưa đạt mốc 2030"; 3]),
        (2030, [ahead; 3], ["Chưa đạt mốc 2030"; 3]),
        (2031, [due; 3], ["Không đạt"; 3]),
    ];
    for (year, codes, cells) in cases {
        let got = verdicts(year, "vi");
        for (i, (code, cell, fill)) in got.iter().enumerate() {
            assert_eq!(
                (code.as_str(), cell.as_str()),
                (codes[i], cells[i]),
                "{year} {i}"
            );
            let colour = [(ok, GREEN), (ahead, AMBER), (due, RED)]
                .iter()
                .find(|(c, _)| *c == code)
                .map(|(_, f)| f.to_string());
            assert_eq!(fill.as_ref(), colour.as_ref(), "{year} {i}");
        }
    }
}

#[test]
fn the_english_workbook_says_not_yet_and_not_achieved() {
    let cells = |year| -> Vec<String> { verdicts(year, "en").into_iter().map(|v| v.1).collect() };
    assert_eq!(cells(2026), ["Not yet"; 3]);
    assert_eq!(cells(2031), ["Not achieved"; 3]);
    assert_eq!(cells(2021), ["Not yet", "Achieved", "Achieved"]);
}

#[test]
fn the_six_month_report_of_the_milestones_own_year_is_still_on_the_way() {
    // The small plan set to 2025 with an annual report due after its six-month one: R1 is
    // short of its 2025 milestone, but the year is not over; the annual report judges it.
    let got = verdicts_with(2025, "vi", Some("2021-H1"));
    assert_eq!(
        (got[0].0.as_str(), got[0].1.as_str(), got[0].2.as_deref()),
        ("on_the_way", "Chưa đạt mốc 2025", Some(AMBER))
    );
    // The annual report of the milestone's year closes it: not achieved.
    let got = verdicts_with(2025, "vi", Some("2021-Y"));
    assert_eq!(
        (got[0].0.as_str(), got[0].1.as_str(), got[0].2.as_deref()),
        ("not_achieved", "Không đạt", Some(RED))
    );
    // So at 2030 for all three (the 2030 milestone), and before it still on the way.
    let codes = |year| -> Vec<String> {
        let got = verdicts_with(year, "vi", Some("2021-Y"));
        got.into_iter().map(|v| v.0).collect()
    };
    assert_eq!(codes(2030), ["not_achieved"; 3]);
    assert_eq!(codes(2029), ["on_the_way"; 3]);
}
