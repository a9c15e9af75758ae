//! A table of the Word report that runs over a page repeats its headings at the top of each
//! page (`<w:tblHeader />` in its first row's `<w:trPr>`), and no row of any table, in the
//! report or the letters, is cut across two pages (`<w:cantSplit />`). Read back from
//! `word/document.xml`: docx-rs's reader keeps neither.

use crate::common::*;

/// A row of a table as written: whether it repeats as the table's headings, whether it is kept
/// on one page, and its cells' texts (a cell's paragraphs joined with a newline).
#[derive(Debug)]
struct Row {
    header: bool,
    cant_split: bool,
    cells: Vec<String>,
}

/// The text between the first `open` and the `close` after it, and what follows.
fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<(&'a str, &'a str)> {
    let start = s.find(open)? + open.len();
    let len = s[start..].find(close)?;
    Some((&s[start..start + len], &s[start + len + close.len()..]))
}

/// The texts of the `<w:t>` elements of `xml`, each paragraph's on a line.
fn text(xml: &str) -> String {
    let paragraphs = xml.split("<w:p ").skip(1).map(|p| {
        p.split("<w:t")
            .skip(1)
            .filter_map(|t| between(t, ">", "</w:t>").map(|(x, _)| x))
            .collect::<String>()
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
    });
    paragraphs.collect::<Vec<_>>().join("\n")
}

/// The tables of a document part, in order, each row by row (bdg nests no table in another).
fn tables(document: &str) -> Vec<Vec<Row>> {
    let mut out = vec![];
    let mut rest = document;
    while let Some((table, after)) = between(rest, "<w:tbl>", "</w:tbl>") {
        assert!(!table.contains("<w:tbl>"), "a table in a table");
        let rows = table.split("<w:tr>").skip(1).map(|r| {
            let (row, _) = between(r, "", "</w:tr>").unwrap();
            let props = if row.starts_with("<w:trPr />") {
                ""
            } else {
                between(row, "<w:trPr>", "</w:trPr>").unwrap().0
            };
            Row {
                header: props.contains("<w:tblHeader />"),
                cant_split: props.contains("<w:cantSplit />"),
                cells: row.split("<w:tc>").skip(1).map(text).collect(),
            }
        });
        out.push(rows.collect());
        rest = after;
    }
    out
}

/// The tables of the Word file at `path`.
fn tables_of(path: &std::path::Path) -> Vec<Vec<Row>> {
    tables(&part(path, "word/document.xml"))
}

/// Every row kept on one page; the first row of the tables `with_headings` (their indices)
/// repeats as their headings, and no other row does.
fn assert_rows(tables: &[Vec<Row>], with_headings: &[usize]) {
    for (i, t) in tables.iter().enumerate() {
        let marked: Vec<usize> = (0..t.len()).filter(|&r| t[r].header).collect();
        let expected: &[usize] = if with_headings.contains(&i) {
            &[0]
        } else {
            &[]
        };
        assert_eq!(marked, expected, "table {i}, first row {:?}", t[0].cells);
        let split: Vec<usize> = (0..t.len()).filter(|&r| !t[r].cant_split).collect();
        assert_eq!(split, [] as [usize; 0], "table {i}: rows that may split");
    }
}

/// The shipped example: the heading and the closing (one row each, no headings), the
/// indicators, the unfinished tasks and the three appendices, each with its headings marked
/// once, at the top, however many pages it runs over.
#[test]
fn the_reports_tables_repeat_their_headings_and_keep_their_rows_whole() {
    let out = tempfile::tempdir().unwrap();
    consolidate_sample(&["-q"], out.path()).assert().code(1);
    let t = tables_of(&out.path().join("ninh-thuan-2021_2021-H1.docx"));
    assert_eq!(t.len(), 7);
    assert_rows(&t, &[1, 2, 4, 5, 6]);
    // The first line of each table's first cell.
    let firsts: Vec<&str> = t
        .iter()
        .map(|t| t[0].cells[0].lines().next().unwrap())
        .collect();
    assert_eq!(
        firsts[1..],
        [
            "Chỉ tiêu",
            "Nhiệm vụ của Kế hoạch",
            "Nơi nhận:",
            "Nhiệm vụ",
            "Cơ quan, đơn vị",
            "Cơ quan, đơn vị",
        ]
    );
    assert_eq!((t[0].len(), t[3].len()), (1, 1));
    // Appendix 2: the headings, then one row per agency of the plan.
    assert_eq!(t[5].len(), 1 + 25);
    assert_eq!(t[5][1].cells[0], "Sở Lao động - Thương binh và Xã hội");
}

/// A generated cycle of 300 communes, in English: Appendix 2 runs over many pages with its
/// headings marked once; the other tables likewise.
#[test]
fn a_long_appendix_marks_its_headings_once_in_english_too() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    std::fs::write(dir.path().join("plan.yaml"), gen::plan_yaml(300, 2)).unwrap();
    gen::reports(300, 2, 7, 100, |name, body| {
        std::fs::write(reports.join(name), body).unwrap()
    });
    bdg()
        .current_dir(dir.path())
        .args(["-q", "--lang", "en", "consolidate"])
        .args(GENERATED)
        .args(["--out", "out"])
        .assert()
        .code(1);
    let t = tables_of(&dir.path().join("out/gen-300x2_2025-Y_en.docx"));
    let by_agency = t
        .iter()
        .position(|t| t[0].cells[0] == "Agency" && t.len() > 300)
        .expect("Appendix 2");
    assert_eq!(t[by_agency].len(), 1 + 300);
    // Every table but the heading (the first) and the closing (the one after the body's
    // tables, before the appendices) has headings.
    let closing = t
        .iter()
        .position(|t| t[0].cells[0].starts_with("Recipients:"))
        .expect("the closing");
    let with_headings: Vec<usize> = (1..t.len()).filter(|&i| i != closing).collect();
    assert!(with_headings.contains(&by_agency));
    assert!(with_headings.len() >= 4, "{with_headings:?}");
    assert_rows(&t, &with_headings);
}

/// The letters have no table of figures: their heading and closing rows are kept on one page
/// (the signature is not cut from its title), and nothing repeats.
#[test]
fn the_letters_rows_are_kept_whole_and_repeat_nothing() {
    let dir = tempfile::tempdir().unwrap();
    bdg()
        .args(["-q", "remind"])
        .args(EXAMPLE)
        .arg("--out")
        .arg(dir.path())
        .assert()
        .code(1);
    let mut letters = 0;
    for e in std::fs::read_dir(dir.path()).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_some_and(|x| x == "docx") {
            let t = tables_of(&path);
            assert_eq!(t.iter().map(Vec::len).collect::<Vec<_>>(), [1, 1]);
            assert_rows(&t, &[]);
            letters += 1;
        }
    }
    assert_eq!(letters, 12);
}
