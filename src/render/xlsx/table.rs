//! The tables of the workbook's sheets (by task, by agency, indicators, overdue): header,
//! highlighted rows, widths that fit, rows as tall as their wrapped text, frozen header,
//! autofilter, print setup, and the total row under them.
//!
//! A table's rows are never held: they are built twice from the consolidation, once to fit the
//! widths and once to write them, top to bottom. So the same writer serves an ordinary sheet and
//! a constant-memory one (rows written in order and flushed), whose cells are not kept until the
//! workbook is saved: the sheets that grow with the number of agencies (see `agencies.rs`).

use super::{cell_format, fit_row, print_setup, write_cell, Cell, Formats};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Formula, Worksheet, XlsxError};

/// A table's columns: header and width (characters); `None` fits the width to the content.
pub(crate) type Columns<'a> = [(&'a str, Option<f64>)];

/// One row of a table: its cells, and whether it is highlighted.
pub(crate) type Row = (Vec<Cell>, bool);

/// A table: header, rows (the flag highlights a row), frozen header, autofilter, widths that fit
/// (within limits), rows as tall as their wrapped text, print setup. `rows` gives the rows
/// afresh each time it is called: once for the widths, once to write them in order. Returns the
/// number of data rows.
pub(crate) fn table<I: Iterator<Item = Row>>(
    ws: &mut Worksheet,
    cols: &Columns,
    rows: impl Fn() -> I,
    f: &Formats,
) -> Result<u32, XlsxError> {
    let widths = widths(cols, rows());
    for (c, ((h, _), w)) in cols.iter().zip(&widths).enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &f.header)?;
        ws.set_column_width(c as u16, *w)?;
    }
    fit_row(ws, 0, cols.iter().map(|c| c.0).zip(widths.iter().copied()))?;
    let mut n = 0;
    for (cells, hl) in rows() {
        n += 1;
        write_row(ws, n, &cells, hl, &widths, f)?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, n, cols.len().saturating_sub(1) as u16)?;
    print_setup(ws)?;
    Ok(n)
}

/// Writes data row `r`, then sets its height (before the next row: a constant-memory sheet
/// writes a row out when the next one begins).
fn write_row(
    ws: &mut Worksheet,
    r: u32,
    cells: &[Cell],
    hl: bool,
    widths: &[f64],
    f: &Formats,
) -> Result<(), XlsxError> {
    for (c, cell) in cells.iter().enumerate() {
        let fmt = cell_format(cell, f);
        if hl {
            let fmt = fmt.clone().set_background_color(f.highlight);
            write_cell(ws, r, c as u16, cell, &fmt)?;
        } else {
            write_cell(ws, r, c as u16, cell, fmt)?;
        }
    }
    let texts = cells.iter().zip(widths).filter_map(|(c, w)| match c {
        Cell::Text(s) => Some((s.as_str(), *w)),
        _ => None,
    });
    fit_row(ws, r, texts)
}

fn widths(cols: &Columns, rows: impl Iterator<Item = Row>) -> Vec<f64> {
    let mut widths: Vec<usize> = cols
        .iter()
        .map(|(h, _)| {
            h.split(' ')
                .map(crate::text::width)
                .max()
                .unwrap_or(0)
                .clamp(8, 30)
        })
        .collect();
    for (cells, _) in rows {
        for (c, cell) in cells.iter().enumerate() {
            let w = match cell {
                Cell::Text(s) => s.lines().map(crate::text::width).max().unwrap_or(0),
                Cell::Int(n) | Cell::Money(n) => n.to_string().len() + n.to_string().len() / 3,
                Cell::Date(_) => 10,
                _ => 6,
            };
            widths[c] = widths[c].max(w.min(60));
        }
    }
    cols.iter()
        .zip(widths)
        .map(|((_, fixed), w)| fixed.unwrap_or((w as f64 + 2.0).min(62.0)))
        .collect()
}

/// What a total cell adds up.
pub(crate) enum Total {
    /// The column's figures; the value is the summary's, cached in the formula.
    Sum(u64),
    /// Women's share from the totals of the female and male columns.
    Share(u16, u16, Option<f64>),
}

/// The SUBTOTAL over column `col`'s `n` data rows (rows 2 to n + 1), or none when there are no
/// rows: a range of the total row's own cell would be a circular reference.
fn sum_formula(col: u16, n: u32) -> Option<String> {
    let name = rust_xlsxwriter::utility::column_number_to_name(col);
    (n > 0).then(|| format!("=SUBTOTAL(9,{name}2:{name}{})", n + 1))
}

/// A total row under a table of `n` data rows: SUBTOTAL formulas over the table's own figure
/// cells (rows hidden by a filter drop out), each with the summary's value cached so that a
/// reader that does not calculate sees the same figure.
pub(crate) fn total_row(
    ws: &mut Worksheet,
    n: u32,
    label: (u16, &str),
    totals: &[(u16, Total)],
) -> Result<(), XlsxError> {
    let row = n + 1;
    let bold = Format::new()
        .set_bold()
        .set_align(FormatAlign::Top)
        .set_border_top(FormatBorder::Double);
    ws.write_string_with_format(row, label.0, label.1, &bold)?;
    let a1 = |c: u16, r: u32| {
        format!(
            "{}{}",
            rust_xlsxwriter::utility::column_number_to_name(c),
            r + 1
        )
    };
    for (col, t) in totals {
        match t {
            Total::Sum(v) => {
                let fmt = bold.clone().set_num_format("#,##0");
                match sum_formula(*col, n) {
                    Some(f) => {
                        let formula = Formula::new(f).set_result(v.to_string());
                        ws.write_formula_with_format(row, *col, formula, &fmt)?;
                    }
                    // No row to add up: the figure itself, not a formula over its own cell.
                    None => {
                        ws.write_number_with_format(row, *col, *v as f64, &fmt)?;
                    }
                }
            }
            Total::Share(fc, mc, v) => {
                let (fe, ma) = (a1(*fc, row), a1(*mc, row));
                let formula = Formula::new(format!("=IF({fe}+{ma}>0,{fe}/({fe}+{ma}),\"\")"))
                    .set_result(v.map_or(String::new(), |x| x.to_string()));
                ws.write_formula_with_format(
                    row,
                    *col,
                    formula,
                    &bold.clone().set_num_format("0.0%"),
                )?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_total_over_no_rows_is_no_formula() {
        assert_eq!(
            super::sum_formula(7, 3).as_deref(),
            Some("=SUBTOTAL(9,H2:H4)")
        );
        assert_eq!(
            super::sum_formula(0, 1).as_deref(),
            Some("=SUBTOTAL(9,A2:A2)")
        );
        assert_eq!(super::sum_formula(7, 0), None);
    }
}
