//! The floor `bdg consolidate` is measured against: parse every CSV in a folder with the csv
//! crate and write every cell into one constant-memory rust_xlsxwriter worksheet, on one thread,
//! with no validation, no decoding beyond UTF-8 and no figures. bdg cannot be faster than this
//! while it writes the same cells; how close it comes is the ratio in benches/README.md.
//!
//!     cargo run --release --example floor -- REPORTS_DIR OUT.xlsx
//!     cargo run --release --example floor -- --parse-only REPORTS_DIR
//!
//! `--parse-only` parses every file and writes nothing: the floor of `bdg check`.
//!
//! Files are taken in name order; each file's records are parsed as one batch.

use rust_xlsxwriter::{Workbook, XlsxError};
use std::path::{Path, PathBuf};

/// Excel's last row (1-based 1,048,576); past it the cells go on in a new sheet, as bdg does.
const MAX_ROW: u32 = 1_048_575;

fn csv_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    files.sort();
    Ok(files)
}

/// Every record of every file, in order. A file that cannot be opened counts in `skipped`; a
/// file stops at its first record that is not valid CSV.
fn records<'a>(
    files: &'a [PathBuf],
    skipped: &'a mut u64,
) -> impl Iterator<Item = csv::StringRecord> + 'a {
    files.iter().flat_map(move |path| {
        let recs: Vec<csv::StringRecord> =
            match csv::ReaderBuilder::new().flexible(true).from_path(path) {
                Ok(mut rdr) => rdr.records().map_while(Result::ok).collect(),
                Err(_) => {
                    *skipped += 1;
                    Vec::new()
                }
            };
        recs
    })
}

fn run(dir: &Path, out: &Path) -> Result<(u64, u64, u64), XlsxError> {
    let mut wb = Workbook::new();
    let files = csv_files(dir).map_err(XlsxError::IoError)?;
    let (mut rows, mut skipped) = (0u64, 0u64);
    let mut recs = records(&files, &mut skipped).peekable();
    while recs.peek().is_some() || rows == 0 {
        let ws = wb.add_worksheet_with_constant_memory()?;
        for (row, rec) in (0..=MAX_ROW).zip(recs.by_ref()) {
            for (col, cell) in rec.iter().enumerate() {
                ws.write_string(row, col as u16, cell)?;
            }
            rows += 1;
        }
        if rows == 0 {
            break;
        }
    }
    drop(recs);
    wb.save(out)?;
    Ok((files.len() as u64, rows, skipped))
}

/// Every record of every file parsed, nothing written: (files, records, skipped).
fn parse_only(dir: &Path) -> Result<(u64, u64, u64), XlsxError> {
    let files = csv_files(dir).map_err(XlsxError::IoError)?;
    let mut skipped = 0u64;
    let rows = records(&files, &mut skipped).count() as u64;
    Ok((files.len() as u64, rows, skipped))
}

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [flag, dir] if flag == "--parse-only" => parse_only(Path::new(dir)),
        [dir, out] => run(Path::new(dir), Path::new(out)),
        _ => {
            eprintln!("usage: floor REPORTS_DIR OUT.xlsx | floor --parse-only REPORTS_DIR");
            return std::process::ExitCode::from(2);
        }
    };
    match result {
        Ok((files, rows, skipped)) => {
            eprintln!("{files} files, {rows} rows written, {skipped} files skipped");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("floor: {e}");
            std::process::ExitCode::from(2)
        }
    }
}
