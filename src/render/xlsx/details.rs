//! The details sheets: every accepted row with its agency (name and id) and the report's date,
//! split past Excel's row limit into "Chi tiết 2", "Chi tiết 3" … Rows are written one at a
//! time, as the consolidation counts them (see [`super::Book`]).

use super::{fit_text, write_cell, Cell, Formats, Parts};
use crate::consolidate::Detail;
use crate::lang::Lang;
use crate::plan::Plan;
use rust_xlsxwriter::{Workbook, XlsxError};

/// The details sheets being written.
pub(super) struct Details {
    parts: Parts,
}

impl Details {
    pub(super) fn new(
        wb: &mut Workbook,
        lang: Lang,
        f: &Formats,
        max_rows: u32,
    ) -> Result<Self, XlsxError> {
        let l = |vi: &'static str, en: &'static str| lang.pick(vi, en);
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
        let parts = Parts::new(wb, l("Chi tiết", "Details"), max_rows, &cols, f)?;
        Ok(Details { parts })
    }

    /// Writes one accepted row.
    pub(super) fn push(
        &mut self,
        wb: &mut Workbook,
        f: &Formats,
        plan: &Plan,
        lang: Lang,
        d: Detail,
    ) -> Result<(), XlsxError> {
        let (ws, r) = self.parts.next_row(wb, f)?;
        let row = d.row;
        let ag = &plan.agencies[d.agency];
        let opt = |v: Option<u64>| v.map_or(Cell::Blank, Cell::Int);
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
    }

    /// Adds the sheets to the workbook, after those already in it.
    pub(super) fn add_to(self, wb: &mut Workbook) -> Result<(), XlsxError> {
        self.parts.add_to(wb)
    }
}
