//! The excluded-rows sheets and the diagnostics sheets, split past Excel's row limit like the
//! details; messages wrap, rows are as tall as their text.

use super::{fit_row, split_sheets, write_cell, Cell, Formats};
use crate::consolidate::Consolidation;
use crate::diag::Diagnostic;
use crate::lang::Lang;
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

pub(super) fn sheets(
    wb: &mut Workbook,
    k: &Consolidation,
    lang: Lang,
    f: &Formats,
    max_rows: u32,
) -> Result<(), XlsxError> {
    let l = |vi: &'static str, en: &'static str| lang.pick(vi, en);
    // The file column as wide as the longest path (12 to 60 characters): a path on one line.
    let longest = (k.excluded.iter().chain(&k.diagnostics))
        .map(|d| crate::text::width(&d.file))
        .max()
        .unwrap_or(0);
    let cols = [
        (l("Tệp", "File"), longest.clamp(12, 60) as f64 + 2.0),
        (l("Dòng", "Line"), 8.0),
        (l("Cột", "Column"), 8.0),
        (l("Mức", "Severity"), 10.0),
        (l("Mã", "Code"), 20.0),
        (l("Nội dung", "Message"), 70.0),
        (l("Gợi ý", "Hint"), 40.0),
    ];
    // Errors highlighted: the two formats made once, not for every cell.
    let error_text = f.text.clone().set_background_color(f.highlight);
    let error_int = f.int.clone().set_background_color(f.highlight);
    for (name, list) in [
        (l("Bị loại", "Excluded"), &k.excluded),
        (l("Cảnh báo và lỗi", "Diagnostics"), &k.diagnostics),
    ] {
        let write = |ws: &mut Worksheet, r: u32, d: &&Diagnostic| {
            let cells = row(d, lang);
            for (c, cell) in cells.iter().enumerate() {
                let fmt = match (cell, d.is_error()) {
                    (Cell::Int(_), true) => &error_int,
                    (_, true) => &error_text,
                    _ => super::cell_format(cell, f),
                };
                write_cell(ws, r, c as u16, cell, fmt)?;
            }
            let texts = cells.iter().zip(&cols).filter_map(|(c, (_, w))| match c {
                Cell::Text(s) => Some((s.as_str(), *w)),
                _ => None,
            });
            fit_row(ws, r, texts)
        };
        split_sheets(wb, name, max_rows, &cols, f, list.iter(), write)?;
    }
    Ok(())
}

fn row(d: &Diagnostic, lang: Lang) -> [Cell; 7] {
    let severity = crate::diag::messages::severity(d.severity, lang);
    [
        Cell::Text(d.file.clone()),
        d.line.map_or(Cell::Blank, |x| Cell::Int(x as u64)),
        d.column.map_or(Cell::Blank, |x| Cell::Int(x as u64)),
        Cell::Text(severity.into()),
        Cell::Text(d.code().as_str().into()),
        Cell::Text(d.message(lang)),
        Cell::Text(d.hint_text(lang).unwrap_or_default()),
    ]
}
