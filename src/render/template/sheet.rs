//! The template's report sheet as an officer uses it in Excel or LibreOffice: agency and task id
//! frozen (the figure columns stay in reach on a laptop), task text wrapped in rows tall enough
//! to print, protection that still lets rows be inserted and columns and rows resized, the
//! workbook's print setup (A4 landscape, one page wide, header row on every page).

use super::{headers, remark_cell, tasks, LAYOUT};
use crate::lang::Lang;
use crate::plan::{AgencyIdx, Period, Plan};
use crate::render::xlsx::{fit_row, fit_text, header_format, print_setup};
use crate::report::Status;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, ExcelDateTime, Format, FormatAlign, FormatBorder,
    Formula, ProtectionOptions, Workbook, Worksheet, XlsxError,
};

/// The column of a layout id.
fn col(id: &str) -> u16 {
    LAYOUT
        .iter()
        .position(|c| *c == id)
        .expect("a layout column") as u16
}

/// Column widths (characters) by layout id: the whole row prints one page wide at a readable size.
fn width(id: &str) -> f64 {
    match id {
        "agency" => 22.0,
        "task" => 9.0,
        "task_text" => 48.0,
        "role" => 9.0,
        "status" => 15.0,
        "budget_vnd" => 14.0,
        "note" => 32.0,
        "submitted_on" => 12.0,
        _ => 10.0,
    }
}

/// The columns the agency may not change: who, which period, which task text, which role. The task id
/// stays open (with a list of the agency's own ids): a row the agency inserts takes the locks
/// of the row above, and a locked id would leave it unusable.
fn locked(id: &str) -> bool {
    matches!(id, "agency" | "period" | "task_text" | "role")
}

struct Looks {
    locked: Format,
    open: Format,
    date: Format,
    num: Format,
    pct: Format,
}

fn looks() -> Looks {
    let cell = || {
        Format::new()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin)
            .set_border_color(Color::RGB(0xBFBFBF))
    };
    Looks {
        locked: cell()
            .set_text_wrap()
            .set_background_color(Color::RGB(0xF2F2F2)),
        open: cell().set_unlocked().set_text_wrap(),
        date: cell().set_unlocked().set_num_format("dd/mm/yyyy"),
        num: cell().set_unlocked().set_num_format("#,##0"),
        pct: cell().set_unlocked().set_num_format("0.0"),
    }
}

pub(super) fn report(
    wb: &mut Workbook,
    plan: &Plan,
    period: &Period,
    a: AgencyIdx,
    lang: Lang,
) -> Result<(), XlsxError> {
    let ag = &plan.agencies[a];
    let k = looks();
    let ws = wb
        .add_worksheet()
        .set_name(lang.pick("Báo cáo", "Report"))?;
    let header = header_format();
    let heads = headers(lang);
    for (c, id) in LAYOUT.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, heads[c], &header)?;
        ws.set_column_width(c as u16, width(id))?;
    }
    fit_row(
        ws,
        0,
        LAYOUT.iter().zip(&heads).map(|(id, h)| (*h, width(id))),
    )?;
    let list = tasks(plan, period, a);
    for (i, &(t, role)) in list.iter().enumerate() {
        let r = i as u32 + 1;
        let task = &plan.tasks[t];
        let row = super::RowOf {
            agency: &ag.name,
            period: &period.id,
            task,
            role: super::role_label(role, lang),
        };
        for (c, id) in LAYOUT.iter().enumerate() {
            let c = c as u16;
            match (super::prefilled(id, &row), *id) {
                (Some(v), id) if locked(id) => {
                    ws.write_string_with_format(r, c, fit_text(&v), &k.locked)?
                }
                (Some(v), _) => ws.write_string_with_format(r, c, fit_text(&v), &k.open)?,
                (None, "submitted_on") => ws.write_blank(r, c, &k.date)?,
                (None, "progress") => ws.write_blank(r, c, &k.pct)?,
                (None, "status" | "note") => ws.write_blank(r, c, &k.open)?,
                (None, _) => ws.write_blank(r, c, &k.num)?,
            };
        }
        fit_row(
            ws,
            r,
            [(&*task.text_in_context(), width("task_text"))].into_iter(),
        )?;
    }
    remark_rows(ws, &k, list.len() as u32 + 1, &ag.name, &period.id, lang)?;
    validations(ws, list.len() as u32, lang)?;
    ws.set_freeze_panes(1, col("task") + 1)?;
    print_setup(ws)?;
    ws.protect_with_options(&ProtectionOptions {
        insert_rows: true,
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::new()
    });
    Ok(())
}

/// Dropdowns and checks on the open cells of rows 1..=last.
fn validations(ws: &mut Worksheet, last: u32, lang: Lang) -> Result<(), XlsxError> {
    if last == 0 {
        return Ok(());
    }
    let l = |vi: &'static str, en: &'static str| lang.pick(vi, en);
    let on = |ws: &mut Worksheet, id: &str, v: &DataValidation| {
        ws.add_data_validation(1, col(id), last, col(id), v)
            .map(|_| ())
    };
    // The task ids this template lists: a row the agency inserts picks one of them.
    let task = rust_xlsxwriter::utility::column_number_to_name(col("task"));
    let ids = DataValidation::new()
        .allow_list_formula(Formula::new(format!("=${task}$2:${task}${}", last + 1)))
        .set_error_message(l(
            "Chọn một mã nhiệm vụ của đơn vị trong danh sách.",
            "Pick one of the agency's task ids from the list.",
        ))?;
    on(ws, "task", &ids)?;
    let labels: Vec<&str> = Status::ALL.iter().map(|s| s.label(Lang::Vi)).collect();
    let status = DataValidation::new()
        .allow_list_strings(&labels)?
        .set_error_title(l("Tình trạng", "Status"))?
        .set_error_message(l(
            "Chọn một giá trị trong danh sách.",
            "Pick a value from the list.",
        ))?;
    on(ws, "status", &status)?;
    let pct = DataValidation::new()
        .allow_decimal_number(DataValidationRule::Between(0.0, 100.0))
        .set_error_message(l(
            "Tiến độ là số từ 0 đến 100.",
            "Progress is a number from 0 to 100.",
        ))?;
    on(ws, "progress", &pct)?;
    let whole = DataValidation::new()
        .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
        .set_error_message(l(
            "Nhập số nguyên không âm.",
            "Enter a whole number, 0 or more.",
        ))?;
    for id in ["activities", "participants_female", "participants_male"] {
        on(ws, id, &whole)?;
    }
    // Đồng run past i32: a decimal rule ≥ 0 that Excel checks for whole values itself.
    let money = DataValidation::new()
        .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
        .set_error_message(l(
            "Nhập số tiền (đồng), không âm.",
            "Enter an amount in đồng, 0 or more.",
        ))?;
    on(ws, "budget_vnd", &money)?;
    let date = DataValidation::new()
        .allow_date(DataValidationRule::Between(
            ExcelDateTime::from_ymd(2000, 1, 1)?,
            ExcelDateTime::from_ymd(2100, 12, 31)?,
        ))
        .set_input_message(l(
            "Ngày ký báo cáo, dạng ngày/tháng/năm.",
            "The date the report was signed, day/month/year.",
        ))?;
    on(ws, "submitted_on", &date)
}

/// The agency's difficulties and proposals after its tasks, from row `first`: agency, period,
/// label and hint locked; the note cell open for the text.
fn remark_rows(
    ws: &mut Worksheet,
    k: &Looks,
    first: u32,
    agency: &str,
    period: &str,
    lang: Lang,
) -> Result<(), XlsxError> {
    for (j, (label, hint)) in super::remark_rows(lang).into_iter().enumerate() {
        let r = first + j as u32;
        for (c, id) in LAYOUT.iter().enumerate() {
            match (remark_cell(id, agency, period, label, hint), *id) {
                (_, "note") => ws.write_blank(r, c as u16, &k.open)?,
                ("", _) => ws.write_blank(r, c as u16, &k.locked)?,
                (v, _) => ws.write_string_with_format(r, c as u16, v, &k.locked)?,
            };
        }
        fit_row(ws, r, [(hint, width("task_text"))].into_iter())?;
    }
    Ok(())
}
