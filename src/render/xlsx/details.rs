//! The details sheets: every accepted row with its agency (name and id) and the report's date,
//! split past Excel's row limit into "Chi tiết 2", "Chi tiết 3" …

use super::{agency_name, split_sheets, write_cell, Cell, Formats};
use crate::consolidate::Consolidation;
use crate::lang::Lang;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

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
    // Plain cells where a plain cell reads as well (no format to look up for every cell).
    let plain = Format::new();
    let opt = |v: Option<u64>| v.map_or(Cell::Blank, Cell::Int);
    let write = |ws: &mut Worksheet, r: u32, d: crate::consolidate::Detail| {
        let row = d.row;
        let ag = &plan.agencies[d.agency];
        let cells = [
            Cell::Text(agency_name(ag, lang).to_string()),
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
            let fmt = match cell {
                Cell::Money(_) => &f.money,
                Cell::Dec(Some(_)) => &f.dec,
                Cell::Date(Some(_)) => &f.date,
                Cell::Text(_) | Cell::Int(_) => &plain,
                _ => continue,
            };
            write_cell(ws, r, col as u16, cell, fmt)?;
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
