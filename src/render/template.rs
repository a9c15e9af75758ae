//! Pre-filled report templates, one per agency: its tasks listed, agency, period and task
//! filled in, the rest left for the agency.

use crate::lang::Lang;
use crate::output::csv_safe;
use crate::plan::{AgencyIdx, Period, Plan, Role};
use crate::report::{Status, COLUMNS};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, DocProperties, Format, FormatAlign, FormatBorder,
    Workbook, XlsxError,
};

/// The template's columns, in order: the report's columns with the task's text after its id.
const LAYOUT: [&str; 12] = [
    "agency",
    "period",
    "submitted_on",
    "task",
    "task_text",
    "status",
    "progress",
    "activities",
    "participants_female",
    "participants_male",
    "budget_vnd",
    "note",
];

fn headers(lang: Lang) -> Vec<&'static str> {
    LAYOUT
        .iter()
        .map(|id| {
            let c = COLUMNS
                .iter()
                .find(|c| c.1 == *id)
                .expect("every layout column is a report column");
            match lang {
                Lang::Vi => c.2,
                Lang::En => c.1,
            }
        })
        .collect()
}

/// The tasks an agency reports on: those it carries out (section IV items, then section II).
pub fn tasks(plan: &Plan, a: AgencyIdx) -> Vec<usize> {
    plan.tasks_of(a)
        .into_iter()
        .filter(|(_, r)| *r == Role::Lead)
        .map(|(t, _)| t)
        .collect()
}

/// The file name a person recognises: `2021-H1_SYT_so-y-te.xlsx`.
pub fn file_name(plan: &Plan, period: &Period, a: AgencyIdx, ext: &str) -> String {
    let ag = &plan.agencies[a];
    // Only safe characters, and not too long: the name is a label, the id identifies.
    let slug: String = crate::text::fold(&ag.name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .take(60)
        .collect();
    format!("{}_{}_{slug}.{ext}", period.id, ag.id)
}

pub fn csv(plan: &Plan, period: &Period, a: AgencyIdx, lang: Lang) -> Vec<u8> {
    // A BOM first, so that Excel shows the Vietnamese text correctly.
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    w.write_record(headers(lang)).expect("in memory");
    let ag = &plan.agencies[a];
    for t in tasks(plan, a) {
        let task = &plan.tasks[t];
        let text = task.text.replace('\n', " ");
        // Plans are copied between desks: nothing in one may reach a spreadsheet as a formula.
        w.write_record([
            csv_safe(&ag.name).as_ref(),
            &csv_safe(&period.id),
            "",
            &csv_safe(&task.id),
            &csv_safe(&text),
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ])
        .expect("in memory");
    }
    w.into_inner().expect("in memory")
}

pub fn xlsx(plan: &Plan, period: &Period, a: AgencyIdx, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let l = |vi: &'static str, en: &'static str| lang.pick(vi, en);
    let ag = &plan.agencies[a];
    let mut wb = Workbook::new();
    let created = super::xlsx::excel_date(period.due)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!(
                "{} — {} — {}",
                l("Mẫu báo cáo", "Report template"),
                ag.name,
                period.id
            ))
            .set_author(plan.report.issuing_body.clone())
            .set_creation_datetime(&created),
    );
    let border = |f: Format| {
        f.set_border(FormatBorder::Thin)
            .set_border_color(Color::RGB(0xBFBFBF))
    };
    let header = border(
        Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_background_color(Color::RGB(0xDDEBF7)),
    );
    let locked = border(
        Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_background_color(Color::RGB(0xF2F2F2)),
    );
    let open = border(
        Format::new()
            .set_unlocked()
            .set_text_wrap()
            .set_align(FormatAlign::Top),
    );
    let open_date = border(
        Format::new()
            .set_unlocked()
            .set_num_format("dd/mm/yyyy")
            .set_align(FormatAlign::Top),
    );
    let open_num = border(
        Format::new()
            .set_unlocked()
            .set_num_format("#,##0")
            .set_align(FormatAlign::Top),
    );
    let open_pct = border(
        Format::new()
            .set_unlocked()
            .set_num_format("0.0")
            .set_align(FormatAlign::Top),
    );

    let ws = wb.add_worksheet().set_name(l("Báo cáo", "Report"))?;
    for (c, h) in headers(lang).iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &header)?;
    }
    let list = tasks(plan, a);
    let last = list.len() as u32;
    for (i, &t) in list.iter().enumerate() {
        let r = i as u32 + 1;
        let task = &plan.tasks[t];
        ws.write_string_with_format(r, 0, &ag.name, &locked)?;
        ws.write_string_with_format(r, 1, &period.id, &locked)?;
        ws.write_blank(r, 2, &open_date)?;
        ws.write_string_with_format(r, 3, &task.id, &locked)?;
        ws.write_string_with_format(r, 4, &task.text, &locked)?;
        ws.write_blank(r, 5, &open)?;
        ws.write_blank(r, 6, &open_pct)?;
        for c in 7..=10 {
            ws.write_blank(r, c, &open_num)?;
        }
        ws.write_blank(r, 11, &open)?;
    }
    if last > 0 {
        let labels: Vec<&str> = Status::ALL.iter().map(|s| s.label(Lang::Vi)).collect();
        let status = DataValidation::new()
            .allow_list_strings(&labels)?
            .set_error_title(l("Tình trạng", "Status"))?
            .set_error_message(l(
                "Chọn một giá trị trong danh sách.",
                "Pick a value from the list.",
            ))?;
        ws.add_data_validation(1, 5, last, 5, &status)?;
        let pct = DataValidation::new()
            .allow_decimal_number(DataValidationRule::Between(0.0, 100.0))
            .set_error_message(l(
                "Tiến độ là số từ 0 đến 100.",
                "Progress is a number from 0 to 100.",
            ))?;
        ws.add_data_validation(1, 6, last, 6, &pct)?;
        let whole = DataValidation::new()
            .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
            .set_error_message(l(
                "Nhập số nguyên không âm.",
                "Enter a whole number, 0 or more.",
            ))?;
        ws.add_data_validation(1, 7, last, 9, &whole)?;
        // Đồng run past i32: a decimal rule ≥ 0 that Excel checks for whole values itself.
        let money = DataValidation::new()
            .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
            .set_error_message(l(
                "Nhập số tiền (đồng), không âm.",
                "Enter an amount in đồng, 0 or more.",
            ))?;
        ws.add_data_validation(1, 10, last, 10, &money)?;
        let date = DataValidation::new()
            .allow_date(DataValidationRule::Between(
                rust_xlsxwriter::ExcelDateTime::from_ymd(2000, 1, 1)?,
                rust_xlsxwriter::ExcelDateTime::from_ymd(2100, 12, 31)?,
            ))
            .set_input_message(l(
                "Ngày ký báo cáo, dạng ngày/tháng/năm.",
                "The date the report was signed, day/month/year.",
            ))?;
        ws.add_data_validation(1, 2, last, 2, &date)?;
    }
    for (c, w) in [
        24.0, 11.0, 13.0, 10.0, 60.0, 16.0, 10.0, 10.0, 10.0, 10.0, 15.0, 40.0,
    ]
    .iter()
    .enumerate()
    {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_freeze_panes(1, 5)?;
    ws.protect();

    // Instructions.
    let ws = wb
        .add_worksheet()
        .set_name(l("Hướng dẫn", "Instructions"))?;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let due = p_date(period);
    let coordinator = &plan.agencies[plan.meta.coordinator].name;
    let lines: Vec<(String, String)> = vec![
        (l("Kế hoạch", "Plan").into(), plan.meta.title.clone()),
        (l("Đơn vị", "Agency").into(), format!("{} ({})", ag.name, ag.id)),
        (l("Kỳ báo cáo", "Period").into(), format!("{} ({})", period.name_in(lang), period.id)),
        (l("Hạn nộp", "Deadline").into(), match period.on_due_date {
            crate::plan::OnDueDate::OnTime => format!("{} {due}", l("chậm nhất ngày", "by")),
            crate::plan::OnDueDate::Late => format!("{} {due}", l("trước ngày", "before")),
        }),
        (l("Gửi về", "Send to").into(), coordinator.clone()),
        (l("Cách điền", "How to fill it in").into(), l(
            "Mỗi dòng là một nhiệm vụ của đơn vị. Ghi ngày báo cáo (ngày/tháng/năm), chọn tình trạng trong danh sách (hoàn thành, đang thực hiện, chưa thực hiện), ghi tiến độ (0–100), số hoạt động, số người tham gia nữ và nam, kinh phí (đồng) và kết quả. Không sửa các cột tô xám. Lưu tệp ở dạng Excel (.xlsx) hoặc CSV và gửi lại.",
            "Each row is one of the agency's tasks. Give the report date (day/month/year), pick the status from the list (hoàn thành = done, đang thực hiện = in progress, chưa thực hiện = not started), the progress (0–100), the number of activities, female and male participants, the budget (VND) and the results. Do not change the grey columns. Save as Excel (.xlsx) or CSV and send it back.",
        ).into()),
    ];
    ws.set_column_width(0, 22)?;
    ws.set_column_width(1, 90)?;
    for (i, (k, v)) in lines.iter().enumerate() {
        ws.write_string_with_format(i as u32, 0, k, &bold)?;
        ws.write_string_with_format(i as u32, 1, v, &wrap)?;
    }
    wb.save_to_buffer()
}

fn p_date(p: &Period) -> String {
    super::admin::short_date(p.due)
}
