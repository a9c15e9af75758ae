//! The Word report's tables hold a province's real figures whole: on a generated cycle of 300
//! communes (a provincial budget of "3.259.500.000" đồng, a total of "1.534" reports, dates
//! "23/12/2025"), every column is at least as wide as its longest figure or date, read back
//! from `word/document.xml` (`w:gridCol` and each cell's `w:tcW`).
//!
//! The width a figure needs is counted here, independently of bdg, from what holds for every
//! Times face: at a size of `s` half-points an em is `10 × s` twips, a digit is half an em, and
//! no character of a figure is narrower than a quarter em (`.`, `,` and `/` are the narrowest);
//! a cell adds its margins, left and right, as the table states them (`w:tblCellMar`), or
//! Word's default, 108 twips each side.

use crate::common::*;

/// Word's default cell margin, left or right, in twips.
const DEFAULT_MARGIN: u32 = 108;

/// The least width a figure needs at `size` half-points in a cell of margins `margins`, in twips.
fn figure_needs(figure: &str, size: u32, margins: u32) -> u32 {
    let em = 10 * size;
    let digits = figure.chars().filter(char::is_ascii_digit).count() as u32;
    let others = figure.chars().count() as u32 - digits;
    digits * em / 2 + others * em / 4 + margins
}

/// A figure, a date or a count: digits and their separators, nothing else but a note "(*)".
fn is_figure(cell: &str) -> bool {
    let cell = cell.trim_end_matches(" (*)");
    cell.chars().any(|c| c.is_ascii_digit())
        && cell
            .chars()
            .all(|c| c.is_ascii_digit() || ".,/%".contains(c))
}

/// The value of attribute `name` in the first element `tag` of `xml`.
fn attr<'a>(xml: &'a str, tag: &str, name: &str) -> Option<&'a str> {
    let at = xml.find(&format!("<{tag} "))?;
    let rest = &xml[at..];
    let rest = &rest[rest.find(&format!("{name}=\""))? + name.len() + 2..];
    Some(&rest[..rest.find('"')?])
}

/// A table as written: its grid, and each row's cells as (width, size, text).
struct Written {
    grid: Vec<u32>,
    /// The cells' margins, left and right together.
    margins: u32,
    rows: Vec<Vec<(u32, u32, String)>>,
}

/// The tables with headings of a report (the heading and the closing have none), in order.
fn written(docx: &std::path::Path) -> Vec<Written> {
    let xml = part(docx, "word/document.xml");
    let number = |s: &str| s.parse::<u32>().unwrap();
    let mut out = vec![];
    for table in xml.split("<w:tbl>").skip(1) {
        let table = &table[..table.find("</w:tbl>").unwrap()];
        if !table.contains("<w:tblHeader />") {
            continue;
        }
        let grid = (table.split("<w:gridCol ").skip(1))
            .map(|g| number(attr(&format!("<w:gridCol {g}"), "w:gridCol", "w:w").unwrap()))
            .collect();
        let properties = &table[..table.find("</w:tblPr>").unwrap()];
        let margins = match properties.find("<w:tblCellMar>") {
            Some(at) => {
                let m = &properties[at..];
                number(attr(m, "w:left", "w:w").unwrap())
                    + number(attr(m, "w:right", "w:w").unwrap())
            }
            None => 2 * DEFAULT_MARGIN,
        };
        let cell = |xml: &str| {
            let width = number(attr(xml, "w:tcW", "w:w").unwrap());
            let size = number(attr(xml, "w:sz", "w:val").unwrap());
            let text: String = (xml.split("<w:t xml:space=\"preserve\">").skip(1))
                .map(|t| &t[..t.find("</w:t>").unwrap()])
                .collect();
            (width, size, text)
        };
        let rows = (table.split("<w:tr>").skip(1))
            .map(|row| row.split("<w:tc>").skip(1).map(cell).collect())
            .collect();
        out.push(Written {
            grid,
            margins,
            rows,
        });
    }
    out
}

/// Each figure of each table fits its column, in the grid and in its cell: returns the longest
/// figure seen (by characters), to show the check was not vacuous.
fn assert_figures_fit(docx: &std::path::Path) -> String {
    let tables = written(docx);
    assert!(tables.len() >= 3, "the appendices' tables");
    let mut longest = String::new();
    for (t, table) in tables.iter().enumerate() {
        for row in &table.rows {
            for (i, (width, size, text)) in row.iter().enumerate() {
                assert_eq!(
                    *width, table.grid[i],
                    "table {t}: a cell as wide as its column"
                );
                if !is_figure(text) {
                    continue;
                }
                let needs = figure_needs(text.trim_end_matches(" (*)"), *size, table.margins);
                assert!(
                    *width >= needs,
                    "table {t}, column {i}: {text:?} needs {needs} twips at {size} half-points, has {width}"
                );
                if text.chars().count() > longest.chars().count() {
                    longest = text.clone();
                }
            }
        }
    }
    // And each spans the page (checked after the figures, which matter more).
    for (t, table) in tables.iter().enumerate() {
        assert_eq!(
            table.grid.iter().sum::<u32>(),
            9354,
            "table {t} spans the page"
        );
    }
    longest
}

/// A generated cycle of 300 communes with five tasks each, in `dir`.
fn generated(dir: &std::path::Path) {
    let reports = dir.join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    std::fs::write(dir.join("plan.yaml"), gen::plan_yaml(300, 5)).unwrap();
    gen::reports(300, 5, 7, 100, |name, body| {
        std::fs::write(reports.join(name), body).unwrap()
    });
}

#[test]
fn the_figures_and_dates_of_300_communes_fit_their_columns_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    generated(dir.path());
    for (lang, file) in [
        ("vi", "gen-300x5_2025-Y.docx"),
        ("en", "gen-300x5_2025-Y_en.docx"),
    ] {
        bdg()
            .current_dir(dir.path())
            .args(["-q", "--lang", lang, "consolidate"])
            .args(GENERATED)
            .args(["--out", "out"])
            .assert()
            .code(1);
        let docx = dir.path().join("out").join(file);
        let longest = assert_figures_fit(&docx);
        // The province's budget, in billions of đồng, is among the figures checked.
        let separator = if lang == "vi" { '.' } else { ',' };
        assert!(longest.chars().count() >= 13, "{lang}: {longest}");
        assert_eq!(longest.matches(separator).count(), 3, "{lang}: {longest}");
    }
}

#[test]
fn the_shipped_examples_figures_fit_their_columns() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["vi", "en"] {
        bdg()
            .args(["-q", "--lang", lang, "consolidate"])
            .args(EXAMPLE)
            .arg("--out")
            .arg(dir.path())
            .assert()
            .code(1);
    }
    for e in std::fs::read_dir(dir.path()).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_some_and(|x| x == "docx") {
            assert!(assert_figures_fit(&path).chars().count() >= 7, "{path:?}");
        }
    }
}
