//! Issue 16: the by-agency and overdue sheets are written row by row with the constant-memory
//! writer (their cells not held until the workbook is saved). A reader must see what the
//! consolidation says: every cell read back against `consolidate --format json` (and, for each
//! agency's figures, the sum of its rows in the details sheet), the total row, highlighted
//! rows, set widths and rows as tall as their wrapped text.

use crate::common::*;
use bdg::cycle::State;
use bdg::lang::Lang;
use calamine::{Data, DataType, Reader};
use std::collections::HashMap;
use std::path::Path;

/// The sheet called `name` as stored: `xl/worksheets/sheetN.xml`, N its place in the workbook.
fn sheet_xml(book: &Path, name: &str) -> String {
    let wb: calamine::Xlsx<_> = calamine::open_workbook(book).unwrap();
    let n = wb.sheet_names().iter().position(|s| s == name).unwrap() + 1;
    part(book, &format!("xl/worksheets/sheet{n}.xml"))
}

/// The `<row …>` tag of 0-based row `r` in a sheet's XML.
fn row_tag(xml: &str, r: u32) -> &str {
    let at = xml
        .find(&format!("<row r=\"{}\"", r + 1))
        .unwrap_or_else(|| panic!("no row {}", r + 1));
    &xml[at..at + xml[at..].find('>').unwrap()]
}

/// The height a row tag sets, if any (`ht="30"`).
fn height(tag: &str) -> Option<f64> {
    let at = tag.find(" ht=\"")? + 5;
    Some(tag[at..at + tag[at..].find('"').unwrap()].parse().unwrap())
}

/// Whether the first cell of 0-based row `r` has the overdue highlight (its fill's colour).
fn highlighted(book: &Path, xml: &str, r: u32) -> bool {
    let at = xml.find(&format!("<c r=\"A{}\"", r + 1)).unwrap();
    let c = &xml[at..at + xml[at..].find('>').unwrap()];
    let s: usize = attr(c, "s").map_or(0, |s| s.parse().unwrap());
    let styles = part(book, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
    let xf = xfs.split("<xf ").nth(s + 1).unwrap();
    let fill: usize = attr(xf, "fillId").unwrap().parse().unwrap();
    let fills = &styles[styles.find("<fills").unwrap()..styles.find("</fills>").unwrap()];
    fills
        .split("<fill>")
        .nth(fill + 1)
        .unwrap()
        .contains("FCE4D6")
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[at..at + tag[at..].find('"').unwrap()])
}

/// The state a JSON answer names (`"on_time"`).
fn state(v: &Value) -> State {
    [
        State::OnTime,
        State::Late,
        State::Missing,
        State::Pending,
        State::Rejected,
    ]
    .into_iter()
    .find(|s| serde_json::to_value(s).unwrap() == *v)
    .unwrap_or_else(|| panic!("unknown state {v}"))
}

/// A date of the JSON (`"2021-06-08"`) as the workbook holds it: Excel's day number.
fn excel_day(v: &Value) -> Option<f64> {
    let d = chrono::NaiveDate::parse_from_str(v.as_str()?, "%Y-%m-%d").unwrap();
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    Some((d - epoch).num_days() as f64)
}

fn day(d: &Data) -> Option<f64> {
    match d {
        Data::DateTime(x) => Some(x.as_f64()),
        Data::Empty => None,
        other => panic!("not a date: {other:?}"),
    }
}

fn num(v: &Value) -> Data {
    v.as_f64().map_or(Data::Empty, Data::Float)
}

fn text(s: &str) -> Data {
    Data::String(s.into())
}

/// Per agency id, from the details sheet: the file its rows came from and its female, male
/// and budget sums.
fn details(book: &Path, lang: Lang) -> HashMap<String, (String, [f64; 3])> {
    let mut by = HashMap::<String, (String, [f64; 3])>::new();
    for r in sheet(book, lang.pick("Chi tiết", "Details")).rows().skip(1) {
        let e = by.entry(r[1].to_string()).or_default();
        e.0 = r[11].to_string();
        for (i, c) in [7, 8, 9].into_iter().enumerate() {
            e.1[i] += r[c].as_f64().unwrap_or(0.0);
        }
    }
    by
}

/// `consolidate --format json` of `reports` (plan, period, as-of), in `lang`, into `out`: the
/// JSON and the workbook's path.
fn run(args: &[&str], lang: Lang, out: &Path) -> (Value, std::path::PathBuf) {
    let o = bdg()
        .args([
            "--lang",
            lang.pick("vi", "en"),
            "consolidate",
            "--format",
            "json",
        ])
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    assert!(matches!(o.status.code(), Some(0 | 1)), "{o:?}");
    (json_of(&o.stdout), workbook_in(out))
}

/// The by-agency sheet's rows, one per agency of the JSON in its order, then the total row.
fn check_by_agency(book: &Path, v: &Value, lang: Lang) {
    let plan = bdg::plan::load(&root().join(PLAN)).unwrap().0;
    let names: HashMap<_, _> = plan.agencies.iter().map(|a| (&a.id, a)).collect();
    let details = details(book, lang);
    let s = sheet(book, lang.pick("Theo đơn vị", "By agency"));
    let xml = sheet_xml(book, lang.pick("Theo đơn vị", "By agency"));
    let agencies = v["agencies"].as_array().unwrap();
    assert_eq!(s.height(), agencies.len() + 2, "header, agencies, total");
    let mut sums = [0.0; 5];
    for (i, a) in agencies.iter().enumerate() {
        let r = i as u32 + 1;
        let id = a["agency"].as_str().unwrap();
        let st = state(&a["state"]);
        let (file, figures) = details.get(id).cloned().unwrap_or_default();
        let expected = a["expected"].as_bool().unwrap();
        let want = [
            text(names[&id.to_string()].name_in(lang)),
            text(id),
            text(match (expected, lang) {
                (true, Lang::Vi) => "có",
                (false, Lang::Vi) => "không",
                (true, Lang::En) => "yes",
                (false, Lang::En) => "no",
            }),
            text(st.label(lang)),
        ];
        let row: Vec<Data> = (0..12)
            .map(|c| s.get((i + 1, c)).unwrap().clone())
            .collect();
        assert_eq!(row[..4], want, "{id}");
        assert_eq!(day(&row[4]), excel_day(&a["submitted_on"]), "{id}");
        assert_eq!(row[5], num(&a["days_late"]), "{id}");
        if a["rows"].as_u64().unwrap() > 0 {
            assert_eq!(row[6], text(&file), "{id}");
        } else if st == State::Missing {
            assert_eq!(row[6], Data::Empty, "{id}");
        }
        let counts = [
            a["rows"].as_f64().unwrap(),
            a["rows_excluded"].as_f64().unwrap(),
        ];
        let figures = [counts[0], counts[1], figures[0], figures[1], figures[2]];
        // An agency with no file counted has empty figure cells (the Word report's "—").
        let counted = matches!(st, State::OnTime | State::Late);
        for (c, x) in figures.iter().enumerate() {
            let want = if counted {
                Data::Float(*x)
            } else {
                Data::Empty
            };
            assert_eq!(row[7 + c], want, "{id} column {}", 7 + c);
            sums[c] += x;
        }
        let overdue = expected && st.is_overdue();
        assert_eq!(highlighted(book, &xml, r), overdue, "{id}");
    }
    let total = agencies.len() + 1;
    assert_eq!(
        s.get((total, 0)),
        Some(&text(lang.pick("Tổng cộng", "Total")))
    );
    for (c, x) in sums.iter().enumerate() {
        assert_eq!(s.get((total, 7 + c)), Some(&Data::Float(*x)), "total {c}");
    }
    let t = &v["totals"];
    assert_eq!(
        sums[2..],
        [
            t["participants_female"].as_f64().unwrap(),
            t["participants_male"].as_f64().unwrap(),
            t["budget_vnd"].as_f64().unwrap()
        ]
    );
    assert!(xml.contains("SUBTOTAL(9,H2:H"), "totals are formulas");
}

/// The overdue sheet: the expected agencies late, missing or rejected, in the JSON's order,
/// missing and rejected ones highlighted.
fn check_overdue(book: &Path, v: &Value, lang: Lang) {
    let s = sheet(book, lang.pick("Quá hạn", "Overdue"));
    let xml = sheet_xml(book, lang.pick("Quá hạn", "Overdue"));
    let due = excel_day(&v["due"]);
    let listed: Vec<&Value> = (v["agencies"].as_array().unwrap().iter())
        .filter(|a| a["expected"] == true && state(&a["state"]).is_overdue())
        .collect();
    assert!(!listed.is_empty());
    assert_eq!(s.height(), listed.len() + 1, "header and agencies");
    for (i, a) in listed.iter().enumerate() {
        let st = state(&a["state"]);
        let id = a["agency"].as_str().unwrap();
        assert_eq!(s.get((i + 1, 1)), Some(&text(id)));
        assert_eq!(s.get((i + 1, 2)), Some(&text(st.label(lang))), "{id}");
        assert_eq!(day(s.get((i + 1, 3)).unwrap()), due, "{id}");
        assert_eq!(
            day(s.get((i + 1, 4)).unwrap()),
            excel_day(&a["submitted_on"])
        );
        assert_eq!(s.get((i + 1, 5)), Some(&num(&a["days_late"])), "{id}");
        let hl = matches!(st, State::Missing | State::Rejected);
        assert_eq!(highlighted(book, &xml, i as u32 + 1), hl, "{id}");
    }
    let by_agency = sheet(book, lang.pick("Theo đơn vị", "By agency"));
    let name = |id: &Data| by_agency.rows().find(|r| r[1] == *id).unwrap()[0].clone();
    for r in s.rows().skip(1) {
        assert_eq!(r[0], name(&r[1]), "the agency's name beside its id");
    }
}

/// Widths set for every column (the agency's fixed at 36), the header row as tall as its
/// wrapped headers, a frozen header and an autofilter over the rows.
fn check_layout(xml: &str, columns: usize, rows: usize) {
    let cols: Vec<String> = (xml.split("<col ").skip(1))
        .map(|c| format!(" {}", &c[..c.find('>').unwrap()]))
        .collect();
    let covered: usize = cols
        .iter()
        .map(|c| {
            let n = |a| attr(c, a).unwrap().parse::<usize>().unwrap();
            assert!(attr(c, "width").is_some() && attr(c, "customWidth") == Some("1"));
            n("max") - n("min") + 1
        })
        .sum();
    assert_eq!(covered, columns);
    assert_eq!(attr(&cols[0], "width"), Some("36.7109375"));
    assert!(height(row_tag(xml, 0)).unwrap() > 15.0, "header row height");
    assert!(xml.contains("state=\"frozen\""));
    let last = (b'A' + columns as u8 - 1) as char;
    assert!(xml.contains(&format!("<autoFilter ref=\"A1:{last}{}\"/>", rows + 1)));
}

#[test]
fn the_agency_sheets_read_back_as_the_consolidation_says_in_both_languages() {
    for lang in [Lang::Vi, Lang::En] {
        let dir = tempfile::tempdir().unwrap();
        let (v, book) = run(&EXAMPLE, lang, dir.path());
        check_by_agency(&book, &v, lang);
        check_overdue(&book, &v, lang);
        let n = v["agencies"].as_array().unwrap().len();
        check_layout(
            &sheet_xml(&book, lang.pick("Theo đơn vị", "By agency")),
            12,
            n,
        );
        let overdue = sheet(&book, lang.pick("Quá hạn", "Overdue")).height() - 1;
        check_layout(
            &sheet_xml(&book, lang.pick("Quá hạn", "Overdue")),
            6,
            overdue,
        );
    }
}

/// An agency whose name wraps in its column: its row is as tall as the name in both sheets
/// (the height is set before the writer moves on to the next row), the others are not.
#[test]
fn an_agency_with_a_long_name_gets_a_tall_row_in_both_sheets() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    let long = format!("UBND xã {}", "Phước Hải Ninh Thuận ".repeat(12).trim_end());
    let plan: String = (gen::plan_yaml(30, 5).lines())
        .map(|l| match l.contains("{id: U00002,") {
            true => format!("  - {{id: U00002, name: \"{long}\", kind: commune}}\n"),
            false => format!("{l}\n"),
        })
        .collect();
    assert!(plan.contains(&long), "the name replaced");
    std::fs::write(dir.path().join("plan.yaml"), plan).unwrap();
    gen::reports(30, 5, 3, 0, |name, body| {
        if !name.contains("U00002") {
            std::fs::write(reports.join(name), body).unwrap()
        }
    });
    let args = GENERATED;
    let out = dir.path().join("out");
    let o = bdg()
        .current_dir(dir.path())
        .args(["-q", "consolidate"])
        .args(args)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let book = out.join("gen-30x5_2025-Y.xlsx");
    for name in ["Theo đơn vị", "Quá hạn"] {
        let s = sheet(&book, name);
        let xml = sheet_xml(&book, name);
        let at = s.rows().position(|r| r[1] == text("U00002")).unwrap() as u32;
        assert_eq!(s.get((at as usize, 0)), Some(&text(&long)), "{name}");
        assert!(height(row_tag(&xml, at)).unwrap() >= 60.0, "{name}");
        assert!(highlighted(&book, &xml, at), "missing: {name}");
        for r in 1..s.height() as u32 {
            if r != at {
                assert_eq!(height(row_tag(&xml, r)), None, "{name} row {r}");
            }
        }
    }
}

/// The file column is as wide as the longest path (the example's 54 characters: width 56), so
/// no path wraps and no agency's row needs a height of its own: a row given one is kept in
/// memory until the workbook is saved, in a sheet of 50,000 agencies too.
#[test]
fn the_file_column_fits_the_longest_path_and_no_row_is_made_taller() {
    let dir = tempfile::tempdir().unwrap();
    let (v, book) = run(&EXAMPLE, Lang::Vi, dir.path());
    let s = sheet(&book, "Theo đơn vị");
    let longest = (s.rows().skip(1))
        .map(|r| r[6].to_string().chars().count())
        .max()
        .unwrap();
    assert_eq!(longest, 54);
    let xml = sheet_xml(&book, "Theo đơn vị");
    let g = xml
        .split("<col ")
        .find(|c| c.starts_with("min=\"7\""))
        .unwrap();
    assert_eq!(attr(&format!(" {g}"), "width"), Some("56.7109375"));
    let n = v["agencies"].as_array().unwrap().len() as u32;
    for r in 1..=n {
        assert_eq!(height(row_tag(&xml, r)), None, "row {r}");
    }
}

/// An agency that sent a report and later a supplement: on time by its first report's date,
/// its figures from the supplement. The by-agency sheet says both, under headers that say so.
#[test]
fn the_first_report_date_and_the_file_counted_stand_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let (_, book) = run(&EXAMPLE, Lang::Vi, dir.path());
    let s = sheet(&book, "Theo đơn vị");
    let header: Vec<String> = s
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let (date, file) = (
        header
            .iter()
            .position(|h| h.starts_with("Ngày báo cáo đầu tiên")),
        header.iter().position(|h| h == "Tệp tính số liệu"),
    );
    let (date, file) = (date.expect("date column"), file.expect("file column"));
    let prtc = s
        .rows()
        .find(|r| r[1] == Data::String("UBND_PRTC".into()))
        .unwrap();
    assert!(prtc[file]
        .to_string()
        .ends_with("UBND_PRTC_2021-H1_bo-sung.csv"));
    // 9 June 2021, as Excel counts days.
    assert!(
        matches!(&prtc[date], Data::DateTime(d) if d.as_f64() == 44356.0),
        "{:?}",
        prtc[date]
    );
}
