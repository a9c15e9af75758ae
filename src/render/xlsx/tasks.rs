//! The by-task sheet: every task of the plan with its figures, and a total row.

use super::{table, total_row, Cell, Formats, Row, Total};
use crate::consolidate::Consolidation;
use crate::lang::Lang;
use rust_xlsxwriter::{Workbook, XlsxError};

pub(super) fn sheet(
    wb: &mut Workbook,
    k: &Consolidation,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let l = |vi: &'static str, en: &'static str| lang.pick(vi, en);
    let plan = k.cycle.plan;
    let ws = wb.add_worksheet().set_name(l("Theo nhiệm vụ", "By task"))?;
    let rows = || {
        k.period_tasks().map(|tl| -> Row {
            let task = &plan.tasks[tl.task];
            let figures = &tl.totals;
            let cells = vec![
                Cell::Text(task.id.clone()),
                Cell::Text(task.section.clone()),
                Cell::Text(task.text_in_context().into_owned()),
                Cell::Int(tl.reports as u64),
                Cell::Int(tl.reports_lead as u64),
                Cell::Int(tl.reports_partner as u64),
                Cell::Int(tl.status.not_started as u64),
                Cell::Int(tl.status.in_progress as u64),
                Cell::Int(tl.status.done as u64),
                Cell::Int(figures.activities),
                Cell::Int(figures.participants_female),
                Cell::Int(figures.participants_male),
                Cell::Pct(figures.female_share()),
                Cell::Money(figures.budget_vnd),
            ];
            (cells, tl.reports == 0)
        })
    };
    let cols = [
        (l("Mã nhiệm vụ", "Task"), None),
        (l("Mục", "Section"), None),
        (l("Nội dung", "Text"), Some(60.0)),
        (l("Số báo cáo", "Reports"), None),
        (l("Đơn vị chủ trì", "By leads"), None),
        (l("Đơn vị phối hợp", "By partners"), None),
        (l("Chưa thực hiện", "Not started"), None),
        (l("Đang thực hiện", "In progress"), None),
        (l("Hoàn thành", "Done"), None),
        (l("Số hoạt động", "Activities"), None),
        (l("Nữ", "Female"), None),
        (l("Nam", "Male"), None),
        (l("Tỷ lệ nữ", "Female share"), None),
        (l("Kinh phí (đồng)", "Budget (VND)"), None),
    ];
    let n = table(ws, &cols, rows, f)?;
    let sum = |col: usize| {
        k.period_tasks()
            .map(|tl| match col {
                3 => tl.reports as u64,
                4 => tl.reports_lead as u64,
                5 => tl.reports_partner as u64,
                6 => tl.status.not_started as u64,
                7 => tl.status.in_progress as u64,
                8 => tl.status.done as u64,
                _ => 0,
            })
            .sum::<u64>()
    };
    let t = &k.totals;
    let totals = [
        (3, Total::Sum(sum(3))),
        (4, Total::Sum(sum(4))),
        (5, Total::Sum(sum(5))),
        (6, Total::Sum(sum(6))),
        (7, Total::Sum(sum(7))),
        (8, Total::Sum(sum(8))),
        (9, Total::Sum(t.activities)),
        (10, Total::Sum(t.participants_female)),
        (11, Total::Sum(t.participants_male)),
        (12, Total::Share(10, 11, t.female_share())),
        (13, Total::Sum(t.budget_vnd)),
    ];
    total_row(ws, n, (2, l("Tổng cộng", "Total")), &totals)
}
