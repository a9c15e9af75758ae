//! The budget every report file is read under, and the diagnostics that say a file went over
//! it. Each limit is listed in README's limits table.

use crate::diag::{Code, Diagnostic, Excludes, Kind};

/// Decompressed bytes of all the parts of one workbook (XLSX, ODS).
pub const MAX_UNCOMPRESSED_BYTES: u64 = 256 * 1024 * 1024;

/// Parts in one workbook archive.
pub const MAX_ZIP_ENTRIES: u64 = 10_000;

/// Cells of a workbook, summed over its sheets: rows × columns of each sheet's used area, as
/// declared (`<dimension>`, XLS `DIMENSIONS`) and as the cells' own places give it.
pub const MAX_CELLS: u64 = 1_000_000;

/// Shared strings a workbook declares (`uniqueCount`, `count`) or holds (`<si>` elements,
/// counted: calamine keeps one string per element whatever the count declares). A workbook
/// of at most [`MAX_CELLS`] cells needs no more distinct strings than that; 5% more is left
/// for strings no cell uses any longer.
pub const MAX_SHARED_STRINGS: u64 = MAX_CELLS + MAX_CELLS / 20;

/// Records calamine builds one by one when it opens a workbook, in one part, counted whatever
/// the `count` attributes say: style records (`xf`, `font`, `fill`, `border`, `numFmt`; Excel
/// itself keeps at most 64,000 cell formats) and the workbook's index (`Relationship`,
/// `sheet`, `definedName`: one per part, sheet or name). A workbook Excel saves can hold
/// 64,000 cell formats and as many cell styles, with fonts, fills and borders beside them:
/// room for a bloated but ordinary file's, about 60 MB at the most (20 million `<xf>` took 3 GB).
pub const MAX_RECORDS: u64 = 400_000;

/// Data rows of a text report.
pub const MAX_ROWS: usize = 100_000;

/// Diagnostics kept in full for one file; the rest are counted by code.
pub const MAX_DIAGNOSTICS: usize = 200;

/// Why a workbook is refused before it is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Its parts decompress to more than `max` bytes (at least `bytes`).
    Uncompressed { bytes: u64, max: u64 },
    /// More parts than `max`.
    Entries { entries: u64, max: u64 },
    /// A sheet whose area (rows × columns) puts the workbook over [`MAX_CELLS`].
    Cells { sheet: String, cells: u64 },
    /// More shared strings than [`MAX_SHARED_STRINGS`], declared or held (`<si>` counted,
    /// at least `held` when the part was not read to its end).
    Strings { declared: u64, held: u64 },
    /// More records in one part than [`MAX_RECORDS`] (at least `records`).
    Records { records: u64 },
    /// A document with more paragraphs than its budget allows (at least `paragraphs`).
    Paragraphs { paragraphs: u64, max: u64 },
    /// A document with more XML elements than its budget allows (at least `elements`).
    Elements { elements: u64, max: u64 },
    /// A binary workbook (XLSB): not a format bdg reads.
    Binary,
    /// The archive itself cannot be read.
    Broken { why: String },
}

/// The one place a [`Refusal`] becomes a diagnostic (the file is excluded).
pub fn refusal_diagnostic(file: &str, r: &Refusal) -> Diagnostic {
    let kind = match r {
        Refusal::Uncompressed { bytes, max } => Kind::WorkbookTooLarge {
            mb: bytes / (1024 * 1024),
            max_mb: max / (1024 * 1024),
        },
        Refusal::Entries { entries, max } => Kind::TooManyParts {
            parts: *entries,
            max: *max,
        },
        Refusal::Cells { sheet, cells } => Kind::TooManyCells {
            sheet: sheet.clone(),
            cells: *cells,
            max: MAX_CELLS,
        },
        Refusal::Strings { declared, held } => Kind::TooManyStrings {
            strings: (*declared).max(*held),
            declared: *declared,
            held: *held,
            max: MAX_SHARED_STRINGS,
        },
        Refusal::Records { records } => Kind::TooManyRecords {
            records: *records,
            max: MAX_RECORDS,
        },
        // A workbook's budget sets no paragraph or element limit: these come from a Word
        // document's (`plan import`), worded there.
        Refusal::Paragraphs { paragraphs: n, max } | Refusal::Elements { elements: n, max } => {
            Kind::TooManyParts {
                parts: *n,
                max: *max,
            }
        }
        Refusal::Binary => Kind::BinaryWorkbook,
        Refusal::Broken { why } => Kind::BrokenWorkbook { error: why.clone() },
    };
    Diagnostic::err(file, kind).excluding(Excludes::File)
}

/// A text report with more data rows than [`MAX_ROWS`] (file excluded).
pub fn too_many_rows(file: &str) -> Diagnostic {
    Diagnostic::err(file, Kind::TooManyRows { max: MAX_ROWS }).excluding(Excludes::File)
}

/// A device, FIFO or socket where a report file was expected: skipped, never opened.
pub fn not_a_file(file: &str, what: &str) -> Diagnostic {
    Diagnostic::warn(
        file,
        Kind::NotAFile {
            what: what.to_string(),
        },
    )
    .excluding(Excludes::File)
}

/// A panic while reading one file: the file is excluded, the run goes on.
pub fn internal_error(file: &str, what: &str) -> Diagnostic {
    let what = crate::text::for_message(what).to_string();
    Diagnostic::err(file, Kind::InternalError { what }).excluding(Excludes::File)
}

/// The diagnostics over [`MAX_DIAGNOSTICS`], one line per code: "and N more".
pub fn suppressed_diagnostic(file: &str, code: Code, count: usize, errors: bool) -> Diagnostic {
    let kind = Kind::Suppressed {
        code,
        count,
        max: MAX_DIAGNOSTICS,
    };
    if errors {
        Diagnostic::err(file, kind)
    } else {
        Diagnostic::warn(file, kind)
    }
}

/// The diagnostics of a file past [`MAX_DIAGNOSTICS`], counted by code while it is read (how
/// many, any of them an error) and closed into one "and N more" line each. It lives only while
/// the file is read: a [`Report`](super::Report) kept keeps none of it.
#[derive(Debug, Default)]
pub(crate) struct Overflow(Vec<(Code, usize, bool)>);

impl Overflow {
    /// Keeps a diagnostic in `r`: in full while the file has fewer than [`MAX_DIAGNOSTICS`]
    /// (and always one about the whole file: a handful at most), else only counted by code,
    /// so that memory stays bounded whatever the file holds.
    pub(crate) fn add(&mut self, r: &mut super::Report, d: Diagnostic) {
        let whole_file = d.excludes == Excludes::File || d.line.is_none();
        if r.diagnostics.len() < MAX_DIAGNOSTICS || whole_file {
            r.diagnostics.push(d);
            return;
        }
        match self.0.iter_mut().find(|s| s.0 == d.code()) {
            Some(s) => {
                s.1 += 1;
                s.2 |= d.is_error();
            }
            None => self.0.push((d.code(), 1, d.is_error())),
        }
    }

    /// Turns the counted diagnostics into one "and N more" line per code, once reading is done.
    pub(crate) fn close(self, r: &mut super::Report) {
        for (code, n, errors) in self.0 {
            let d = suppressed_diagnostic(&r.file, code, n, errors);
            r.diagnostics.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostics_past_the_cap_are_counted_by_code() {
        let mut r = super::super::Report::fail("f.csv", Kind::BinaryData);
        r.diagnostics.clear();
        let bad = || Kind::NotANumber {
            column: "activities".into(),
            found: "x".into(),
        };
        let mut over = Overflow::default();
        for _ in 0..MAX_DIAGNOSTICS + 5 {
            over.add(&mut r, Diagnostic::err("f.csv", bad()).at_line(2));
        }
        over.add(
            &mut r,
            Diagnostic::warn(
                "f.csv",
                Kind::UnfilledRow {
                    task: "II.1.a".into(),
                },
            )
            .at_line(3),
        );
        over.add(
            &mut r,
            Diagnostic::err("f.csv", Kind::MissingStatus).excluding(Excludes::File),
        );
        over.close(&mut r);
        assert_eq!(r.diagnostics.len(), MAX_DIAGNOSTICS + 3);
        let last: Vec<_> = r.diagnostics[MAX_DIAGNOSTICS..]
            .iter()
            .map(|d| (d.code(), d.is_error()))
            .collect();
        assert_eq!(
            last,
            [
                (Code::MissingValue, true),
                (Code::BadNumber, true),
                (Code::UnfilledRow, false)
            ]
        );
        assert_eq!(
            r.diagnostics[MAX_DIAGNOSTICS + 1].kind,
            Kind::Suppressed {
                code: Code::BadNumber,
                count: 5,
                max: MAX_DIAGNOSTICS
            }
        );
    }
}
