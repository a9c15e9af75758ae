//! The header row: which field holds each column, and what is wrong with the header.

use super::schema::{column_of, Columns, COLUMNS};
use super::table::{filled_width, Table};
use super::MAX_COLUMNS;
use crate::diag::{Diagnostic, Excludes, Kind};
use crate::text::did_you_mean;

/// The columns of `t`'s header and its filled width, with the header's diagnostics; `None`
/// when the file cannot be read (too wide, or required columns missing).
pub(super) fn columns(file: &str, t: &Table) -> (Option<Columns>, usize, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let header_line = t.header_line;
    let width = filled_width(&t.header);
    if width > MAX_COLUMNS {
        let place = t.source.place(header_line, t.header_start, MAX_COLUMNS);
        diags.push(
            Diagnostic::err(
                file,
                Kind::TooManyColumns {
                    found: width,
                    max: MAX_COLUMNS,
                },
            )
            .placed(&place)
            .excluding(Excludes::File),
        );
        return (None, width, diags);
    }
    let mut cols = Columns::default();
    for (i, cell) in t.header.iter().enumerate() {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        let place = t.source.place(header_line, t.header_start, i);
        match column_of(cell) {
            Some(col) if cols.has(col) => diags.push(
                Diagnostic::warn(
                    file,
                    Kind::DuplicateColumn {
                        column: cell.to_string(),
                    },
                )
                .placed(&place),
            ),
            Some(col) => {
                cols.set(col, i);
            }
            None if super::fields::is_harmless_column(cell) => {}
            None => {
                let names = COLUMNS
                    .iter()
                    .map(|c| c.header)
                    .chain(COLUMNS.iter().map(|c| c.id));
                let hint = did_you_mean(cell, names);
                diags.push(
                    Diagnostic::warn(
                        file,
                        Kind::UnknownColumn {
                            column: cell.to_string(),
                        },
                    )
                    .placed(&place)
                    .suggest(hint),
                )
            }
        }
    }
    // An indicator table (see `indicator_rows.rs`) requires its own columns.
    let required = if super::indicator_rows::is_indicator_table(&cols) {
        &super::indicator_rows::REQUIRED[..]
    } else {
        &COLUMNS[..]
    };
    let missing: Vec<&str> = required
        .iter()
        .filter(|c| c.required && !cols.has(c.col))
        .map(|c| c.header)
        .collect();
    if !missing.is_empty() {
        let place = t.source.place(header_line, t.header_start, 0);
        diags.push(
            Diagnostic::err(
                file,
                Kind::MissingColumns {
                    columns: missing.iter().map(|c| c.to_string()).collect(),
                },
            )
            .placed(&place)
            .excluding(Excludes::File),
        );
        return (None, width, diags);
    }
    (Some(cols), width, diags)
}
