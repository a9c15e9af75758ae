//! The by-agency sheet (every expected agency, a total row) and the overdue sheet. Agencies
//! appear by name, their id beside it.
//!
//! Both grow with the number of agencies (50,000 in a national cycle), so they are written with
//! the constant-memory writer: each row goes out when the next begins, none is kept until the
//! workbook is saved, and their texts are written inline in the sheet (no shared strings held).
//! The sheets are made apart and returned; the caller adds them to the workbook in order.

use super::{table, total_row, Cell, Formats, Row, Total};
use crate::consolidate::Consolidation;
use crate::cycle::State;
use crate::lang::Lang;
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

/// A constant-memory sheet named `name`, not yet in the workbook.
fn streamed_sheet(wb: &mut Workbook, name: &str) -> Result<Worksheet, XlsxError> {
    let mut ws = wb.new_worksheet_with_constant_memory()?;
    ws.set_name(name)?;
    Ok(ws)
}

pub(super) fn by_agency(
    wb: &mut Workbook,
    k: &Consolidation,
    lang: Lang,
    f: &Formats,
) -> Result<Worksheet, XlsxError> {
    let l = |vi: &'static str, en: &'static str| lang.pick(vi, en);
    let plan = k.cycle.plan;
    let mut ws = streamed_sheet(wb, l("Theo đơn vị", "By agency"))?;
    let rows = || {
        k.agencies.iter().map(|a| -> Row {
            let ag = &plan.agencies[a.agency];
            // No file counted (missing, pending, rejected): the figures are empty, not 0, as
            // the Word report's "—".
            let counted = |c: Cell| if a.file.is_some() { c } else { Cell::Blank };
            let cells = vec![
                Cell::Text(ag.name_in(lang).to_string()),
                Cell::Text(ag.id.clone()),
                Cell::Text(
                    if a.expected {
                        l("có", "yes")
                    } else {
                        l("không", "no")
                    }
                    .into(),
                ),
                Cell::Text(a.state.label(lang).into()),
                Cell::Date(a.submitted_on),
                a.days_late
                    .map_or(Cell::Blank, |d| Cell::Int(d.max(0) as u64)),
                Cell::Text(a.file.unwrap_or_default().to_string()),
                counted(Cell::Int(a.rows as u64)),
                // The rows of a file excluded whole (rejected, held back) are said all the same.
                match a.rows_excluded {
                    0 => counted(Cell::Int(0)),
                    n => Cell::Int(n as u64),
                },
                counted(Cell::Int(a.totals.participants_female)),
                counted(Cell::Int(a.totals.participants_male)),
                counted(Cell::Money(a.totals.budget_vnd)),
            ];
            (cells, a.expected && a.state.is_overdue())
        })
    };
    let cols = [
        (l("Đơn vị", "Agency"), Some(36.0)),
        (l("Mã", "Id"), None),
        (l("Phải báo cáo", "Expected"), None),
        (l("Tình trạng", "State"), None),
        (first_report_date(lang), None),
        (l("Số ngày trễ", "Days late"), None),
        // As wide as the longest path (up to 60 characters), so that a path stays on one line
        // and its row keeps the default height: a row given a height costs memory until the
        // workbook is saved, in a sheet of 50,000 agencies too.
        (l("Tệp tính số liệu", "File counted"), None),
        (l("Dòng nhận", "Rows accepted"), None),
        (l("Dòng bị loại", "Rows excluded"), None),
        (l("Nữ", "Female"), None),
        (l("Nam", "Male"), None),
        (l("Kinh phí (đồng)", "Budget (VND)"), None),
    ];
    let n = table(&mut ws, &cols, rows, f)?;
    let sum = |g: &dyn Fn(&crate::consolidate::AgencyLine) -> u64| {
        k.agencies.iter().map(g).fold(0u64, u64::saturating_add)
    };
    let totals = [
        (7, Total::Sum(sum(&|a| a.rows as u64))),
        (8, Total::Sum(sum(&|a| a.rows_excluded as u64))),
        (9, Total::Sum(sum(&|a| a.totals.participants_female))),
        (10, Total::Sum(sum(&|a| a.totals.participants_male))),
        (11, Total::Sum(sum(&|a| a.totals.budget_vnd))),
    ];
    total_row(&mut ws, n, (0, l("Tổng cộng", "Total")), &totals)?;
    Ok(ws)
}

/// An agency's report date, by which it is on time or late: the earliest of its reports (a
/// supplement sent later does not make it late), as written in the file. Its figures may come
/// from a later file, named beside it.
fn first_report_date(lang: Lang) -> &'static str {
    lang.pick(
        "Ngày báo cáo đầu tiên (ghi trong tệp)",
        "First report date (as written)",
    )
}

/// The date a report gives for itself: the date written in the file, not the day it arrived.
pub(super) fn report_date(lang: Lang) -> &'static str {
    lang.pick("Ngày báo cáo (ghi trong tệp)", "Report date (as written)")
}

pub(super) fn overdue(
    wb: &mut Workbook,
    k: &Consolidation,
    lang: Lang,
    f: &Formats,
) -> Result<Worksheet, XlsxError> {
    let l = |vi: &'static str, en: &'static str| lang.pick(vi, en);
    let plan = k.cycle.plan;
    let due = k.cycle.period.due;
    let mut ws = streamed_sheet(wb, l("Quá hạn", "Overdue"))?;
    let rows = || {
        k.agencies
            .iter()
            .filter(|a| a.expected && a.state.is_overdue())
            .map(|a| -> Row {
                let ag = &plan.agencies[a.agency];
                let cells = vec![
                    Cell::Text(ag.name_in(lang).to_string()),
                    Cell::Text(ag.id.clone()),
                    Cell::Text(a.state.label(lang).into()),
                    Cell::Date(Some(due)),
                    Cell::Date(a.submitted_on),
                    a.days_late
                        .map_or(Cell::Blank, |d| Cell::Int(d.max(0) as u64)),
                ];
                (cells, matches!(a.state, State::Missing | State::Rejected))
            })
    };
    let cols = [
        (l("Đơn vị", "Agency"), Some(36.0)),
        (l("Mã", "Id"), None),
        (l("Tình trạng", "State"), None),
        (l("Hạn nộp", "Due"), None),
        (first_report_date(lang), None),
        (l("Số ngày trễ", "Days late"), None),
    ];
    table(&mut ws, &cols, rows, f)?;
    Ok(ws)
}
