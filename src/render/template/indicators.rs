//! The template's indicator part: a sheet "Chỉ tiêu" of the workbook, or a companion CSV
//! (`…_chi-tieu.csv`), listing the indicators the agency reports, with columns for the
//! numerator and denominator (a ratio) or the value, and a note. The reader recognises it by
//! its header (`report/indicator_rows.rs`).

use super::CSV_DELIMITER;
use crate::lang::Lang;
use crate::output::csv_safe;
use crate::plan::indicators::{Indicator, IndicatorKind};
use crate::plan::{AgencyIdx, Period, Plan};
use crate::render::xlsx::{fit_row, fit_text, header_format, print_setup};
use crate::report::{COLUMNS, INDICATOR_COLUMNS};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, XlsxError};

/// The indicator table's columns, in order.
const LAYOUT: [&str; 9] = [
    "agency",
    "period",
    "submitted_on",
    "indicator",
    "indicator_name",
    "numerator",
    "denominator",
    "value",
    "note",
];

fn headers(lang: Lang) -> Vec<&'static str> {
    LAYOUT
        .iter()
        .map(|id| {
            let c = (COLUMNS.iter().chain(&INDICATOR_COLUMNS))
                .find(|c| c.id == *id)
                .expect("every layout column is a report column");
            lang.pick(c.header, c.id)
        })
        .collect()
}

/// The indicator's name as the template shows it: with its unit, and for a ratio what the
/// numerator and denominator count.
fn described(ind: &Indicator, lang: Lang) -> String {
    let mut s = format!("{} ({})", ind.name_in(lang), ind.unit_in(lang));
    if let IndicatorKind::Ratio {
        numerator,
        denominator,
        ..
    } = &ind.kind
    {
        s += lang.pick(
            &format!(" — Tử số: {numerator}; Mẫu số: {denominator}"),
            &format!(" — Numerator: {numerator}; denominator: {denominator}"),
        );
    }
    s
}

/// One row's pre-filled cells, by layout id.
fn prefilled(id: &str, agency: &str, period: &str, ind: &Indicator, lang: Lang) -> String {
    match id {
        "agency" => agency.to_string(),
        "period" => period.to_string(),
        "indicator" => ind.id.clone(),
        "indicator_name" => described(ind, lang),
        _ => String::new(),
    }
}

/// The companion CSV, or `None` when the agency reports no indicator.
pub fn csv(plan: &Plan, period: &Period, a: AgencyIdx, lang: Lang) -> Option<Vec<u8>> {
    let list = plan.indicators_of(a, &period.id);
    if list.is_empty() {
        return None;
    }
    let mut w = csv::WriterBuilder::new()
        .delimiter(CSV_DELIMITER)
        .terminator(csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    w.write_record(headers(lang)).expect("in memory");
    let ag = &plan.agencies[a];
    for i in list {
        let ind = &plan.indicators[i];
        let record = LAYOUT.map(|id| {
            let v = prefilled(id, &ag.name, &period.id, ind, lang);
            csv_safe(&v.replace('\n', " ")).into_owned()
        });
        w.write_record(&record).expect("in memory");
    }
    Some(w.into_inner().expect("in memory"))
}

/// The companion CSV's name beside the task template's: `…_chi-tieu.csv`.
pub fn csv_name(task_template: &str) -> String {
    let stem = task_template.strip_suffix(".csv").unwrap_or(task_template);
    format!("{stem}_chi-tieu.csv")
}

fn width(id: &str) -> f64 {
    match id {
        "agency" => 22.0,
        "indicator_name" => 56.0,
        "note" => 30.0,
        "indicator" => 11.0,
        _ => 12.0,
    }
}

/// The workbook's indicator sheet, when the agency reports indicators.
pub fn sheet(
    wb: &mut Workbook,
    plan: &Plan,
    period: &Period,
    a: AgencyIdx,
    lang: Lang,
) -> Result<(), XlsxError> {
    let list = plan.indicators_of(a, &period.id);
    if list.is_empty() {
        return Ok(());
    }
    let ws = wb
        .add_worksheet()
        .set_name(lang.pick("Chỉ tiêu", "Indicators"))?;
    let heads = headers(lang);
    for (c, id) in LAYOUT.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, heads[c], &header_format())?;
        ws.set_column_width(c as u16, width(id))?;
    }
    fit_row(
        ws,
        0,
        LAYOUT.iter().zip(&heads).map(|(id, h)| (*h, width(id))),
    )?;
    let cell = Format::new()
        .set_align(FormatAlign::Top)
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(0xBFBFBF));
    let grey = cell.clone().set_background_color(Color::RGB(0xF2F2F2));
    let date = cell.clone().set_num_format("dd/mm/yyyy");
    let ag = &plan.agencies[a];
    for (r, &i) in list.iter().enumerate() {
        let (r, ind) = (r as u32 + 1, &plan.indicators[i]);
        for (c, id) in LAYOUT.iter().enumerate() {
            let v = prefilled(id, &ag.name, &period.id, ind, lang);
            let c = c as u16;
            match *id {
                "submitted_on" => ws.write_blank(r, c, &date)?,
                _ if v.is_empty() => ws.write_blank(r, c, &cell)?,
                _ => ws.write_string_with_format(r, c, fit_text(&v), &grey)?,
            };
        }
        let name = described(ind, lang);
        fit_row(
            ws,
            r,
            [(name.as_str(), width("indicator_name"))].into_iter(),
        )?;
    }
    ws.set_freeze_panes(1, 4)?;
    print_setup(ws)
}

/// The instructions sheet's line on the indicator sheet.
pub fn instructions(lang: Lang) -> (String, String) {
    (
        lang.pick("Chỉ tiêu", "Indicators").into(),
        lang.pick(
            "Trang \"Chỉ tiêu\": mỗi dòng là một chỉ tiêu đơn vị phải báo cáo. Với chỉ tiêu tỷ lệ, ghi tử số và mẫu số (bdg tự tính tỷ lệ); với chỉ tiêu số lượng hoặc giá trị, ghi vào cột Giá trị. Số thập phân ghi 108,5 hoặc 108.5. Ngày báo cáo để trống thì lấy theo trang Báo cáo.",
            "Sheet \"Chỉ tiêu\" (indicators): each row is an indicator the agency reports. For a ratio give the numerator and the denominator (bdg computes the ratio); for a count or a value, fill in the value column. Decimals as 108,5 or 108.5. A blank report date is the Report sheet's.",
        )
        .into(),
    )
}
