//! Reading one report from its bytes: a text table or a workbook, by what the bytes are.

use super::table::{text_table, Source};
use super::{decode, inspect, limits, sheet, ReadOptions, Reader, Report};
use crate::diag::{Diagnostic, Kind};
use crate::plan::Plan;
use std::borrow::Cow;

/// Reads one report from its bytes, its diagnostics capped ([`limits::MAX_DIAGNOSTICS`]).
pub fn read(bytes: &[u8], file: &str, plan: &Plan, opts: &ReadOptions) -> Report {
    read_cow(Cow::Borrowed(bytes), file, plan, opts)
}

/// As [`read`], taking the bytes: UTF-8 text becomes the text read without a copy.
pub fn read_owned(bytes: Vec<u8>, file: &str, plan: &Plan, opts: &ReadOptions) -> Report {
    read_cow(Cow::Owned(bytes), file, plan, opts)
}

fn read_cow(bytes: Cow<[u8]>, file: &str, plan: &Plan, opts: &ReadOptions) -> Report {
    let mut r = read_bytes(bytes, file, plan, opts);
    // Kept for the whole run, one report per file: no room for more diagnostics is kept.
    r.diagnostics.shrink_to_fit();
    r
}

/// A text report or a workbook, by what its bytes are.
fn read_bytes(bytes: Cow<[u8]>, file: &str, plan: &Plan, opts: &ReadOptions) -> Report {
    if let Some(kind) = decode::binary_kind(&bytes) {
        if kind.starts_with("ZIP") || kind.starts_with("XLS") {
            // A workbook, whatever its name says.
            return read_sheet(&bytes, file, plan);
        }
        let kind = kind.to_string();
        return Report::fail(file, Kind::BinaryFile { format: kind });
    }
    let mut r = Report::new(file);
    let mut dec = match bytes {
        Cow::Borrowed(b) => decode::decode(b, opts.encoding),
        Cow::Owned(b) => decode::decode_owned(b, opts.encoding),
    };
    r.encoding = dec.encoding;
    if dec.text.contains('\0') {
        return Report::fail(file, Kind::BinaryData);
    }
    if dec.had_errors {
        let enc = dec.encoding;
        r.diagnostics.push(Diagnostic::warn(
            file,
            Kind::BadBytes {
                encoding: enc.to_string(),
            },
        ));
    }
    let mut reader = Reader::new(plan, &mut r);
    match text_table(&mut dec.text, file) {
        Ok((table, skipped)) => {
            reader.r.delimiter = match table.source {
                Source::Text { delim, .. } => Some(delim),
                Source::Sheet { .. } => None,
            };
            reader.r.diagnostics.extend(skipped);
            reader.table(table);
        }
        Err(d) => reader.push(*d),
    }
    reader.finish();
    r
}

/// Reads a workbook (XLSX, XLSM, XLS, ODS): the sheets that have the report's header; it
/// is inspected first, and refused before it is opened when it is over the limits.
pub fn read_sheet(bytes: &[u8], file: &str, plan: &Plan) -> Report {
    let mut r = Report::new(file);
    r.encoding = "xlsx";
    if let Err(refusal) = inspect::workbook(bytes) {
        r.diagnostics
            .push(limits::refusal_diagnostic(file, &refusal));
        return r;
    }
    let (table, others, indicators) = match sheet::table(bytes, file) {
        Ok(t) => t,
        Err(d) => {
            r.diagnostics.push(*d);
            return r;
        }
    };
    r.diagnostics.extend(others);
    let mut reader = Reader::new(plan, &mut r);
    reader.table(table);
    if let Some(t) = indicators {
        reader.indicator_rows(t, false);
    }
    reader.finish();
    r
}
