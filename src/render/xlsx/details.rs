//! The details sheets: every accepted row with its agency (name and id) and the report's date,
//! split past Excel's row limit into "Chi tiết 2", "Chi tiết 3" …

use super::{fit_text, split_sheets, write_cell, Cell, Formats};
use crate::consolidate::Consolidation;
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
    let plan = k.cycle.plan;
    let cols = [
        (l("Đơn vị", "Agency"), 30.0),
        (l("Mã đơn vị", "Agency id"), 12.0),
        (super::agencies::report_date(lang), 12.0),
        (l("Mã nhiệm vụ", "Task"), 10.0),
        (l("Tình trạng", "Status"), 16.0),
        (l("Tiến độ (%)", "Progress (%)"), 10.0),
        (l("Số hoạt động", "Activities"), 10.0),
        (l("Nữ", "Female"), 10.0),
        (l("Nam", "Male"), 10.0),
        (l("Kinh phí (đồng)", "Budget (VND)"), 14.0),
        (l("Ghi chú / Kết quả", "Note"), 60.0),
        (l("Tệp", "File"), 40.0),
        (l("Dòng", "Line"), 8.0),
    ];
    let opt = |v: Option<u64>| v.map_or(Cell::Blank, Cell::Int);
    let write = |ws: &mut Worksheet, r: u32, d: crate::consolidate::Detail| {
        let row = d.row;
        let ag = &plan.agencies[d.agency];
        let cells = [
            Cell::Text(ag.name_in(lang).to_string()),
            Cell::Text(ag.id.clone()),
            Cell::Date(d.submitted_on),
            Cell::Text(plan.tasks[row.task].id.clone()),
            Cell::Text(row.status.label(lang).to_string()),
            Cell::Dec(row.progress),
            opt(row.activities),
            opt(row.participants_female),
            opt(row.participants_male),
            row.budget_vnd.map_or(Cell::Blank, Cell::Money),
            Cell::Text(row.note.clone()),
            Cell::Text(d.file.to_string()),
            Cell::Int(row.line as u64),
        ];
        for (col, cell) in cells.iter().enumerate() {
            let col = col as u16;
            match cell {
                // Unformatted: no format to look up for millions of cells.
                Cell::Text(s) => ws.write_string(r, col, fit_text(s)).map(|_| ())?,
                Cell::Int(n) => ws.write_number(r, col, *n as f64).map(|_| ())?,
                Cell::Money(_) => write_cell(ws, r, col, cell, &f.money)?,
                Cell::Dec(Some(_)) => write_cell(ws, r, col, cell, &f.dec)?,
                Cell::Date(Some(_)) => write_cell(ws, r, col, cell, &f.date)?,
                _ => {}
            }
        }
        Ok(())
    };
    split_sheets(
        wb,
        l("Chi tiết", "Details"),
        max_rows,
        &cols,
        f,
        k.details(),
        write,
    )
}
