//! The summary sheet: a key/value list of the cycle's figures and a chart of the agencies'
//! states drawn from the rows this sheet wrote.

use super::{cell_format, write_cell, Cell, Formats};
use crate::consolidate::Consolidation;
use crate::lang::Lang;
use rust_xlsxwriter::{Chart, ChartType, Workbook, XlsxError};

/// The summary's items, in order; the range of the agencies' states (on time … pending) for
/// the chart.
fn items(k: &Consolidation, lang: Lang) -> (Vec<(&'static str, Cell)>, std::ops::Range<usize>) {
    let l = |vi: &'static str, en: &'static str| lang.pick(vi, en);
    let (c, n, t) = (k.cycle, &k.counts, &k.totals);
    let p = c.period;
    let (excluded_rows, excluded_files) = (k.rows_excluded, k.files_excluded);
    let head = vec![
        (l("Kế hoạch", "Plan"), Cell::Text(c.plan.meta.cited(lang))),
        (
            l("Kỳ báo cáo", "Period"),
            Cell::Text(format!("{} ({})", p.name_in(lang), p.id)),
        ),
        (l("Hạn nộp", "Due date"), Cell::Date(Some(p.due))),
        (l("Tính đến ngày", "As of"), Cell::Date(Some(c.as_of))),
        (
            l("Số đơn vị phải báo cáo", "Agencies expected"),
            Cell::Int(n.expected as u64),
        ),
        (l("Đã báo cáo", "Reported"), Cell::Int(n.reported as u64)),
    ];
    let states = [
        (l("Đúng hạn", "On time"), Cell::Int(n.on_time as u64)),
        (l("Trễ hạn", "Late"), Cell::Int(n.late as u64)),
        (l("Chưa nộp", "Missing"), Cell::Int(n.missing as u64)),
        (
            l("Đã nộp, bị loại", "Rejected"),
            Cell::Int(n.rejected as u64),
        ),
        (l("Chưa đến hạn", "Pending"), Cell::Int(n.pending as u64)),
    ];
    let tail = [
        (
            l("Tỷ lệ báo cáo", "Reporting rate"),
            Cell::Pct(Some(n.reporting_rate())),
        ),
        (
            l("Tỷ lệ đúng hạn", "On-time rate"),
            Cell::Pct(Some(n.on_time_rate())),
        ),
        (l("Số hoạt động", "Activities"), Cell::Int(t.activities)),
        (
            l("Số người tham gia nữ", "Participants, female"),
            Cell::Int(t.participants_female),
        ),
        (
            l("Số người tham gia nam", "Participants, male"),
            Cell::Int(t.participants_male),
        ),
        (l("Tỷ lệ nữ", "Female share"), Cell::Pct(t.female_share())),
        (
            l("Kinh phí (đồng)", "Budget (VND)"),
            Cell::Money(t.budget_vnd),
        ),
        (
            l("Dòng bị loại", "Rows excluded"),
            Cell::Int(excluded_rows as u64),
        ),
        (
            l("Tệp bị loại", "Files excluded"),
            Cell::Int(excluded_files as u64),
        ),
    ];
    let start = head.len();
    let mut all = head;
    all.extend(states);
    let range = start..all.len();
    all.extend(tail);
    (all, range)
}

/// A plain list (no autofilter: two columns of labels and values have nothing to filter), and
/// the chart beside it.
pub(super) fn sheet(
    wb: &mut Workbook,
    k: &Consolidation,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let name = lang.pick("Tổng hợp", "Summary");
    let ws = wb.add_worksheet().set_name(name)?;
    let (items, states) = items(k, lang);
    ws.write_string_with_format(0, 0, lang.pick("Chỉ tiêu", "Item"), &f.header)?;
    ws.write_string_with_format(0, 1, lang.pick("Giá trị", "Value"), &f.header)?;
    ws.set_column_width(0, 26)?;
    ws.set_column_width(1, 40)?;
    for (i, (label, value)) in items.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string_with_format(r, 0, *label, &f.text)?;
        write_cell(ws, r, 1, value, cell_format(value, f))?;
        if let Cell::Text(s) = value {
            super::fit_row(ws, r, [(s.as_str(), 40.0)].into_iter())?;
        }
    }
    super::print_setup(ws)?;
    // The chart reads the rows written above: data row i is sheet row i + 1.
    let (first, last) = (states.start as u32 + 1, states.end as u32);
    let mut chart = Chart::new(ChartType::Column);
    chart.title().set_name(lang.pick(
        "Tình hình báo cáo của các đơn vị",
        "Reporting state of the agencies",
    ));
    chart
        .add_series()
        .set_name(lang.pick("Số đơn vị", "Agencies"))
        .set_categories((name, first, 0, last, 0))
        .set_values((name, first, 1, last, 1));
    chart.legend().set_hidden();
    ws.insert_chart(1, 3, &chart)?;
    Ok(())
}
