//! The header row: which field holds each column, and what is wrong with the header.

use super::schema::{column_and_unit, Col, Columns, COLUMNS};
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
    let mut figure_like: Vec<(String, Col, crate::diag::Place)> = Vec::new();
    for (i, cell) in t.header.iter().enumerate() {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        let place = t.source.place(header_line, t.header_start, i);
        match column_and_unit(cell) {
            Some((col, _)) if cols.has(col) => diags.push(
                Diagnostic::warn(
                    file,
                    Kind::DuplicateColumn {
                        column: cell.to_string(),
                    },
                )
                .placed(&place),
            ),
            Some((col, unit)) => {
                cols.set(col, i, cell);
                if col == Col::Budget {
                    cols.set_budget_unit(unit);
                }
            }
            None if super::fields::is_harmless_column(cell) => {}
            None => {
                let names = COLUMNS
                    .iter()
                    .map(|c| c.header)
                    .chain(COLUMNS.iter().map(|c| c.id));
                let hint = did_you_mean(cell, names);
                if let Some(col) = figure_like_column(cell, hint) {
                    // An error below if the figure is not found elsewhere.
                    figure_like.push((cell.to_string(), col, place));
                    continue;
                }
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
    // A figure column that cannot be found while the header tries to give it: the file's
    // sex-disaggregated figures (or budget) would be lost, so the file is not usable.
    let indicator_table = super::indicator_rows::is_indicator_table(&cols);
    for (column, col, place) in figure_like {
        if !indicator_table && !cols.has(col) {
            let expected = super::schema::header_name(col).to_string();
            let d = Diagnostic::err(
                file,
                Kind::UnreadFigureColumn {
                    column,
                    expected: expected.clone(),
                },
            );
            diags.push(
                d.placed(&place)
                    .excluding(Excludes::File)
                    .suggest(Some(&expected)),
            );
        }
    }
    // An indicator table (see `indicator_rows.rs`) requires its own columns.
    let required = if indicator_table {
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

/// The figure column an unknown header seems to mean: its near match is one, or it names
/// women, men or a budget in words bdg does not take as that column.
fn figure_like_column(header: &str, hint: Option<&str>) -> Option<Col> {
    const FIGURES: [Col; 4] = [Col::Female, Col::Male, Col::Budget, Col::Activities];
    if let Some(col) = hint
        .and_then(super::schema::column_of)
        .filter(|c| FIGURES.contains(c))
    {
        return Some(col);
    }
    let f = format!(" {} ", crate::text::fold(header));
    let has = |w: &str| f.contains(&format!(" {w} "));
    if ["nu", "women", "female", "phu nu"].iter().any(|w| has(w)) {
        Some(Col::Female)
    } else if ["men", "male"].iter().any(|w| has(w)) || (has("nam") && has("tham gia")) {
        Some(Col::Male)
    } else if has("kinh phi") || has("budget") {
        Some(Col::Budget)
    } else {
        None
    }
}
