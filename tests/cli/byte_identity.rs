//! Issue 16: the consolidation's outputs stay byte for byte what they were before it was made
//! faster. The checksums were taken from the code before that work (284ed5e), then taken again
//! where the features merged beside it changed outputs on purpose (the rejected state,
//! indicators, per-period tasks: main at f234e52, whose outputs the faster code was checked to
//! reproduce byte for byte), on the shipped
//! example cycle (both languages) and on a generated cycle: the workbook, the Word report's
//! parts (names and contents, uncompressed), the text report and the JSON summary. The Word
//! report's parts are deflated since (they were stored), so its file's own bytes are pinned
//! apart, from the code after that change. Likewise the workbook: its parts (names and contents,
//! uncompressed) were taken from the streaming consolidation's first commit, which wrote the
//! same file bytes as before; its file's own bytes are pinned apart, re-taken when it went to
//! compression level 3 (the parts did not change). The workbook's parts and file bytes were
//! re-taken when the by-agency and overdue sheets went to the constant-memory writer (their
//! texts inline instead of shared, their rows without `spans`, the shared strings and style
//! indices renumbered): a reader sees the same cells, formats, widths and heights
//! (`agency_sheets.rs` reads them back). The text and Word reports were re-taken when two
//! sentences of the drafted assessment were reworded (tasks done by at least one agency; tasks
//! not completed, and why), and again for the indicators' summary sentence (the nearest
//! milestone from the plan's year on). All six were re-taken when the example gained the health
//! indicators 4.1 to 4.3 (the Sở Y tế's companion file: three more indicator rows in every
//! output, nothing else), and the Word reports again when the indicator table's unit column
//! was sized to its longest word. The workbooks' parts and bytes were re-taken when the file
//! columns of the by-agency, excluded and diagnostics sheets were sized to the longest path
//! (paths on one line, fewer rows with a height of their own), and the text reports when a
//! wrapped table's first column got its share of the page and its short columns stayed whole
//! (the English Appendix 2 no longer breaks agency names mid-word), and all six when the
//! adolescent birth rate (an annual rate) left the six-month report; the Word and text reports
//! when the appendices' column widths were set to hold their figures on one line; all six when
//! each indicator said how many of its reporters gave a figure, and who did not; the reports
//! when rows left out were said to have errors (not "sai mẫu", wrong template); the workbooks
//! when the by-agency and overdue sheets' headers said "first report date" and "file counted".
//! The workbooks' parts and bytes were re-taken when the details' date, progress and budget
//! columns took their formats as column formats (`<col … style="N">`; every cell keeps the same
//! style index, `workbook.rs` reads the formats back), which spares hashing a format per cell.
//! The example cycle's six were re-taken when an indicator short of a milestone still ahead
//! (2025, in the 2021 report) was no longer called "Chưa đạt" but on its way ("Chưa đạt mốc
//! 2025", "Not yet", an amber cell), the report's sentence counting the three verdicts and
//! the JSON gaining `verdict` (the generated cycle has no indicators: unchanged).
//! The Word reports' parts and bytes were re-taken when every table row was kept on one page
//! (`<w:cantSplit />` on the heading's and the closing's rows too) and each figures table's first
//! row was marked to repeat as its headings on every page (`<w:tblHeader />`; `table_headers.rs`
//! reads them back).
//! The English workbook's parts and bytes were re-taken when its file properties named the
//! issuing body and the plan's issuer in English (`issuing_body_en`, `issuer_en`).
//! The Word reports' parts and bytes (and the example's text reports) were re-taken when each
//! document table's column widths came from its content (`render/doc/widths.rs`: figures and
//! dates whole, the names the rest, 1 mm cell margins, 11 or 10 pt when the names need room;
//! the text report's wrapped tables keep each column's longest word whole); `table_widths.rs`
//! reads the widths back.
//! All six were re-taken when the documents were made to read right in both languages: one
//! "the" before the period's English name and counts agreeing with their nouns, no clause
//! about zero agencies or tasks, a task not done while some of its expected leads are silent
//! (the report says how many reported, the JSON gains `completed`, `leads_expected` and
//! `leads_reported`), and the by-agency sheet's figures empty, not 0, for an agency with no
//! file counted (`wording.rs` checks each).
//! All of them were re-taken again when those changes merged with the widths, the English
//! workbook's properties and the corrections (each described above): the merged outputs are
//! each branch's changes together, nothing else.
//! The Word and text reports, the workbooks and the JSON were re-taken when names in a list
//! came to be separated by semicolons (a name holds commas: "Sở Văn hóa, Thể thao và Du lịch"),
//! Appendix 2 gave the date of a later report whose figures count beside the first ("9/6/2021
//! (cập nhật 17/6/2021)"), and the excluded list came to leave out the copies and superseded
//! files the counts never counted (`appendix_dates.rs` checks each).
//! The English workbook and JSON were re-taken when "1 of the agency's tasks is not reported
//! on" came to agree with its count (it said "are").
//! Both JSON summaries were re-taken when an agency line whose figures are a later report's
//! came to give that report's date (`figures_on`: UBND_PRTC's supplement, 2021-06-17).
//! Any change to a byte fails here, so a change that means
//! to alter an output must update its checksum on purpose.

use crate::common::*;
use std::path::Path;

/// Runs `bdg --lang LANG consolidate --format json` in `dir` (relative paths, as a desk would),
/// and returns the checksums of the xlsx's parts, the docx's parts, the txt (named `stem`), the
/// JSON summary, and of the xlsx and docx files themselves (their compression).
fn checksums(dir: &Path, args: &[&str], lang: &str, stem: &str) -> [String; 6] {
    let out = tempfile::tempdir().unwrap();
    let o = bdg()
        .current_dir(dir)
        .args(["--lang", lang, "consolidate", "--format", "json"])
        .args(args)
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let read = |ext: &str| std::fs::read(out.path().join(format!("{stem}.{ext}"))).unwrap();
    let (xlsx, docx) = (read("xlsx"), read("docx"));
    [
        zip_parts(&xlsx),
        zip_parts(&docx),
        fnv(&read("txt")),
        fnv(&o.stdout),
        fnv(&xlsx),
        fnv(&docx),
    ]
}

#[test]
fn the_example_cycle_gives_the_same_bytes_as_before_in_vietnamese() {
    assert_eq!(
        checksums(&root(), &EXAMPLE, "vi", "ninh-thuan-2021_2021-H1"),
        [
            "77ade40259e92659",
            "37fc7a02be72b9d5",
            "94057a8b072a3716",
            "5006ddd6f0c6de23",
            "2c57ac87abb3532d",
            "f53d958eb535119a"
        ]
    );
}

#[test]
fn the_example_cycle_gives_the_same_bytes_as_before_in_english() {
    assert_eq!(
        checksums(&root(), &EXAMPLE, "en", "ninh-thuan-2021_2021-H1_en"),
        [
            "c707456e1914250a",
            "ab95ac6f141eb52d",
            "4998ddcf4cb4e957",
            "268a92275902e45a",
            "b35ffde2676e6582",
            "75bb50d62826909e"
        ]
    );
}

/// 120 units × 25 rows, seed 7, 4% missing: late, missing and bad rows, as
/// `cargo run --example generate -- --units 120 --rows 25 --seed 7 --missing 4` writes it.
#[test]
fn a_generated_cycle_gives_the_same_bytes_as_before() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("reports")).unwrap();
    std::fs::write(dir.path().join("plan.yaml"), gen::plan_yaml(120, 25)).unwrap();
    let stats = gen::reports(120, 25, 7, 40, |name, body| {
        std::fs::write(dir.path().join("reports").join(name), body).unwrap()
    });
    assert_eq!((stats.files, stats.late, stats.bad_rows), (117, 10, 14));
    let args = GENERATED;
    assert_eq!(
        checksums(dir.path(), &args, "vi", "gen-120x25_2025-Y"),
        [
            "bed70446da83130c",
            "b241b7ab1c1d7177",
            "c93271c663d3508e",
            "dc6b64851dbe01de",
            "7354280aa47a0ce0",
            "ecfcc9a5ce3f3694"
        ]
    );
}
