//! The details sheets: every accepted row with its agency (name and id) and the report's date,
//! split past Excel's row limit into "Chi tiết 2", "Chi tiết 3" … Rows are written one at a
//! time, as the consolidation counts them (see [`super::Book`]).

use super::{excel_date, fit_text, Formats, Parts};
use crate::consolidate::Detail;
use crate::lang::Lang;
use crate::plan::Plan;
use rust_xlsxwriter::{Workbook, XlsxError};

/// The columns whose figures take a format: their cells take it from the column.
const DATE: u16 = 2;
const PROGRESS: u16 = 5;
const BUDGET: u16 = 9;

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
        let formats = [(DATE, &f.date), (PROGRESS, &f.dec), (BUDGET, &f.money)];
        let parts =
            Parts::with_column_formats(wb, l("Chi tiết", "Details"), max_rows, &cols, f, &formats)?;
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
        // Written without a format: their columns have it (see `new`).
        if let Some(day) = d.submitted_on {
            ws.write_datetime(r, DATE, excel_date(day)?)?;
        }
        if let Some(x) = row.progress {
            ws.write_number(r, PROGRESS, x)?;
        }
        if let Some(v) = row.budget_vnd {
            ws.write_number(r, BUDGET, v as f64)?;
        }
        Ok(())
    }

    /// Adds the sheets to the workbook, after those already in it.
    pub(super) fn add_to(self, wb: &mut Workbook) -> Result<(), XlsxError> {
        self.parts.add_to(wb)
    }
}
