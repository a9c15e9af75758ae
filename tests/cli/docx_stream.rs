//! Issue 16: the Word report and the letters are written as a stream (the body element by
//! element, big tables row by row). Read back whole, they hold what was written: every
//! agency's row, the letters' lines, paragraph ids without a repeat.

use crate::common::*;
use docx_rs::{DocumentChild, TableCellContent, TableChild, TableRowChild};

/// A Word file read back: the text of its top-level paragraphs, and of each table, row by
/// row, cell by cell.
struct ReadBack {
    paragraphs: Vec<String>,
    tables: Vec<Vec<Vec<String>>>,
}

fn read_back(path: &std::path::Path) -> ReadBack {
    let bytes = std::fs::read(path).unwrap();
    let docx = docx_rs::read_docx(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut r = ReadBack {
        paragraphs: vec![],
        tables: vec![],
    };
    for child in &docx.document.children {
        match child {
            DocumentChild::Paragraph(p) => r.paragraphs.push(p.raw_text()),
            DocumentChild::Table(t) => r.tables.push(
                t.rows
                    .iter()
                    .map(|TableChild::TableRow(row)| {
                        row.cells
                            .iter()
                            .map(|TableRowChild::TableCell(c)| {
                                let texts = c.children.iter().filter_map(|x| match x {
                                    TableCellContent::Paragraph(p) => Some(p.raw_text()),
                                    _ => None,
                                });
                                texts.collect::<Vec<_>>().join("\n")
                            })
                            .collect()
                    })
                    .collect(),
            ),
            _ => {}
        }
    }
    r
}

/// The `w14:paraId` of every paragraph of a part, in order.
fn para_ids(xml: &str) -> Vec<u32> {
    xml.split("w14:paraId=\"")
        .skip(1)
        .map(|s| u32::from_str_radix(&s[..8], 16).unwrap())
        .collect()
}

/// Ids 1 to 3 in the header and footer parts, the body's from 4 on, one after the other.
fn assert_para_ids(path: &std::path::Path) {
    let heads: Vec<u32> = ["word/header1.xml", "word/header2.xml", "word/footer1.xml"]
        .iter()
        .flat_map(|p| para_ids(&part(path, p)))
        .collect();
    assert_eq!(heads, [1, 2, 3], "{}", path.display());
    let body = para_ids(&part(path, "word/document.xml"));
    assert!(body.len() > 10, "{}", path.display());
    let expected: Vec<u32> = (4..4 + body.len() as u32).collect();
    assert_eq!(body, expected, "{}", path.display());
}

#[test]
fn every_letter_of_remind_opens_and_reads_back_with_its_lines() {
    let dir = tempfile::tempdir().unwrap();
    bdg()
        .args(["-q", "remind", "--plan", PLAN, "--period", "2021-H1"])
        .args(["--reports", "examples/reports/2021-H1"])
        .args(["--as-of", "20/06/2021", "--out"])
        .arg(dir.path())
        .assert()
        .code(1);
    let mut letters: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "docx"))
        .collect();
    letters.sort();
    assert_eq!(letters.len(), 12);
    for path in &letters {
        let back = read_back(path);
        assert_para_ids(path);
        // Heading and closing, each a two-cell table.
        assert_eq!(back.tables.len(), 2, "{}", path.display());
        assert!(back.tables.iter().all(|t| t.len() == 1 && t[0].len() == 2));
        assert!(back.tables[0][0][1].starts_with("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"));
        assert!(back.tables[1][0][0].starts_with("Nơi nhận:\n"));
        // Every paragraph of the body is in the text companion (which wraps its lines).
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let txt = words(&std::fs::read_to_string(path.with_extension("txt")).unwrap());
        let body: Vec<&String> = back.paragraphs.iter().filter(|p| !p.is_empty()).collect();
        assert!(body.len() >= 3, "{}: {body:?}", path.display());
        for p in body {
            assert!(
                txt.contains(&words(p)),
                "{}: {p:?} not in the text",
                path.display()
            );
        }
    }
    let stp = read_back(&dir.path().join("2021-H1_STP_don-doc.docx"));
    assert!(stp.paragraphs.contains(&"Kính gửi: Sở Tư pháp".to_string()));
}

/// 400 communes: the appendix's table by agency has a row for each, in the plan's order, read
/// back from the streamed file.
#[test]
fn the_report_of_a_generated_cycle_reads_back_with_a_row_per_agency() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    std::fs::write(dir.path().join("plan.yaml"), gen::plan_yaml(400, 3)).unwrap();
    gen::reports(400, 3, 7, 40, |name, body| {
        std::fs::write(reports.join(name), body).unwrap()
    });
    let out = dir.path().join("out");
    bdg()
        .current_dir(dir.path())
        .args([
            "-q",
            "consolidate",
            "--plan",
            "plan.yaml",
            "--period",
            "2025-Y",
        ])
        .args([
            "--reports",
            "reports",
            "--as-of",
            "2025-12-31",
            "--out",
            "out",
        ])
        .assert()
        .code(1);
    let path = out.join("gen-400x3_2025-Y.docx");
    assert_para_ids(&path);
    let back = read_back(&path);
    let by_agency = back
        .tables
        .iter()
        .find(|t| t[0][0] == "Cơ quan, đơn vị")
        .expect("the table by agency");
    assert_eq!(by_agency.len(), 1 + 400);
    let names: Vec<&str> = by_agency[1..].iter().map(|r| r[0].as_str()).collect();
    for (i, name) in names.iter().enumerate() {
        assert!(
            name.starts_with("UBND xã ") && name.ends_with(&format!(" {}", i + 1)),
            "row {i}: {name}"
        );
    }
    // Every row has the header's number of cells.
    assert!(by_agency.iter().all(|r| r.len() == by_agency[0].len()));
}
