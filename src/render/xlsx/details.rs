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

    /// Writes one accepted row. The hot path of a national cycle (millions of rows): texts are
    /// written from where they are, with no copy, and only figures take a format.
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
        let texts = [
            (0, ag.name_in(lang)),
            (1, ag.id.as_str()),
            (3, plan.tasks[row.task].id.as_str()),
            (4, row.status.label(lang)),
            (10, row.note.as_str()),
            (11, d.file),
        ];
        for (col, s) in texts {
            ws.write_string(r, col, fit_text(s))?;
        }
        let counts = [
            (6, row.activities),
            (7, row.participants_female),
            (8, row.participants_male),
            (12, Some(u64::from(row.line))),
        ];
        for (col, n) in counts {
            if let Some(n) = n {
                ws.write_number(r, col, n as f64)?;
            }
        }
        if d.submitted_on.is_some() {
            write_cell(ws, r, 2, &Cell::Date(d.submitted_on), &f.date)?;
        }
        if row.progress.is_some() {
            write_cell(ws, r, 5, &Cell::Dec(row.progress), &f.dec)?;
        }
        if let Some(v) = row.budget_vnd {
            write_cell(ws, r, 9, &Cell::Money(v), &f.money)?;
        }
        Ok(())
    }

    /// Adds the sheets to the workbook, after those already in it.
    pub(super) fn add_to(self, wb: &mut Workbook) -> Result<(), XlsxError> {
        self.parts.add_to(wb)
    }
}
