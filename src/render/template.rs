//! Pre-filled report templates, one per agency: its tasks listed, agency, period and task
//! filled in, the rest left for the agency.

pub mod indicators;
mod sheet;

use crate::lang::Lang;
use crate::output::csv_safe;
use crate::plan::{AgencyIdx, Period, Plan, Role, Task};
use crate::report::COLUMNS;
use rust_xlsxwriter::{DocProperties, Format, FormatAlign, Workbook, XlsxError};

/// The template's columns, in order: the report's columns with the task's text after its id,
/// and the agency's role last (every column of earlier templates keeps its place, so that a
/// desk's copy from last year's file still lands). Agency and task id first, so that freezing
/// them leaves the figure columns in reach.
const LAYOUT: [&str; 13] = [
    "agency",
    "task",
    "task_text",
    "period",
    "submitted_on",
    "status",
    "progress",
    "activities",
    "participants_female",
    "participants_male",
    "budget_vnd",
    "note",
    "role",
];

fn headers(lang: Lang) -> Vec<&'static str> {
    LAYOUT
        .iter()
        .map(|id| {
            let c = COLUMNS
                .iter()
                .find(|c| c.id == *id)
                .expect("every layout column is a report column");
            match lang {
                Lang::Vi => c.header,
                Lang::En => c.id,
            }
        })
        .collect()
}

/// The tasks an agency reports on, in plan order, each with its role: those it leads (its
/// rows are expected) and those it co-ordinates on (its rows are welcome, a blank one is no
/// fault). Only those the period's report carries (schema v2's per-period tasks).
pub fn tasks(plan: &Plan, period: &Period, a: AgencyIdx) -> Vec<(usize, Role)> {
    plan.tasks_of(a)
        .into_iter()
        .filter(|&(t, _)| plan.tasks[t].in_period(&period.id))
        .collect()
}

/// The role as the template's role column writes it.
pub fn role_label(role: Role, lang: Lang) -> &'static str {
    match role {
        Role::Lead => lang.pick("chủ trì", "lead"),
        Role::Partner => lang.pick("phối hợp", "partner"),
    }
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

/// The column a CSV template separates values with: Excel under Vietnamese regional settings
/// splits a double-clicked CSV at the list separator, `;` there (the comma is the decimal
/// separator). No `sep=;` line: Excel then ignores the BOM and garbles the diacritics.
pub const CSV_DELIMITER: u8 = b';';

/// What a template row is about: the agency's name, the period, the task and the agency's role.
struct RowOf<'a> {
    agency: &'a str,
    period: &'a str,
    task: &'a Task,
    role: &'static str,
}

/// A pre-filled cell of a template row: the agency's name, the task's id and text (after its
/// nearest enclosing item's, so a task shown alone says which programme it belongs to), the
/// agency's role, the period.
fn prefilled<'a>(id: &str, row: &RowOf<'a>) -> Option<std::borrow::Cow<'a, str>> {
    match id {
        "agency" => Some(row.agency.into()),
        "period" => Some(row.period.into()),
        "task" => Some(row.task.id.as_str().into()),
        "task_text" => Some(row.task.text_in_context()),
        "role" => Some(row.role.into()),
        _ => None,
    }
}

pub fn csv(plan: &Plan, period: &Period, a: AgencyIdx, lang: Lang) -> Vec<u8> {
    // A BOM first, so that Excel shows the Vietnamese text correctly.
    let mut w = csv::WriterBuilder::new()
        .delimiter(CSV_DELIMITER)
        .terminator(csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    w.write_record(headers(lang)).expect("in memory");
    let ag = &plan.agencies[a];
    for (t, role) in tasks(plan, period, a) {
        let row = RowOf {
            agency: &ag.name,
            period: &period.id,
            task: &plan.tasks[t],
            role: role_label(role, lang),
        };
        // Plans are copied between desks: nothing in one may reach a spreadsheet as a formula.
        let record = LAYOUT.map(|id| {
            prefilled(id, &row).map_or(String::new(), |v| {
                csv_safe(&v.replace('\n', " ")).into_owned()
            })
        });
        w.write_record(&record).expect("in memory");
    }
    for (label, hint) in remark_rows(lang) {
        w.write_record(
            LAYOUT.map(|id| {
                csv_safe(remark_cell(id, &ag.name, &period.id, label, hint)).into_owned()
            }),
        )
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
    sheet::report(&mut wb, plan, period, a, lang)?;
    indicators::sheet(&mut wb, plan, period, a, lang)?;

    // Instructions.
    let ws = wb
        .add_worksheet()
        .set_name(l("Hướng dẫn", "Instructions"))?;
    let bold = Format::new().set_bold().set_align(FormatAlign::Top);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let due = p_date(period);
    let coordinator = &plan.agencies[plan.meta.coordinator].name;
    let mut lines: Vec<(String, String)> = vec![
        (l("Kế hoạch", "Plan").into(), plan.meta.cited(lang)),
        (l("Đơn vị", "Agency").into(), format!("{} ({})", ag.name, ag.id)),
        (l("Kỳ báo cáo", "Period").into(), format!("{} ({})", period.name_in(lang), period.id)),
        (l("Hạn nộp", "Deadline").into(), match period.on_due_date {
            crate::plan::OnDueDate::OnTime => format!("{} {due}", l("chậm nhất ngày", "by")),
            crate::plan::OnDueDate::Late => format!("{} {due}", l("trước ngày", "before")),
        }),
        (l("Gửi về", "Send to").into(), coordinator.clone()),
        (l("Cách điền", "How to fill it in").into(), l(
            "Mỗi dòng là một nhiệm vụ của đơn vị. Ghi ngày báo cáo (ngày/tháng/năm), chọn tình trạng trong danh sách (hoàn thành, đang thực hiện, chưa thực hiện), ghi tiến độ (0–100), số hoạt động, số người tham gia nữ và nam, kinh phí (đồng) và kết quả. Không sửa các cột tô xám. Cột Vai trò: \"chủ trì\" là nhiệm vụ đơn vị chủ trì, phải báo cáo; \"phối hợp\" là nhiệm vụ đơn vị phối hợp, báo cáo phần việc của đơn vị nếu có, để trống nếu không có. Lưu tệp ở dạng Excel (.xlsx) hoặc CSV và gửi lại.",
            "Each row is one of the agency's tasks. Give the report date (day/month/year), pick the status from the list (hoàn thành = done, đang thực hiện = in progress, chưa thực hiện = not started), the progress (0–100), the number of activities, female and male participants, the budget (VND) and the results. The role column: \"lead\" marks a task the agency leads, to be reported; \"partner\" one it co-ordinates on, to report its share of if any, left blank if none. Do not change the grey columns. Save as Excel (.xlsx) or CSV and send it back.",
        ).into()),
    ];
    if !plan.indicators_of(a, &period.id).is_empty() {
        lines.push(indicators::instructions(lang));
    }
    ws.set_column_width(0, 22)?;
    ws.set_column_width(1, 90)?;
    for (i, (k, v)) in lines.iter().enumerate() {
        ws.write_string_with_format(i as u32, 0, k, &bold)?;
        ws.write_string_with_format(i as u32, 1, v, &wrap)?;
        super::xlsx::fit_row(ws, i as u32, [(v.as_str(), 90.0)].into_iter())?;
    }
    super::xlsx::print_setup(ws)?;
    wb.save_to_buffer()
}

fn p_date(p: &Period) -> String {
    super::admin::short_date(p.due)
}

/// The agency's difficulties and proposals, after its tasks: two reserved rows whose task cell
/// holds the label and whose note cell the agency fills in.
pub(super) fn remark_rows(lang: Lang) -> [(&'static str, &'static str); 2] {
    use crate::report::remarks::{DIFFICULTIES, PROPOSALS};
    [
        (
            lang.pick(DIFFICULTIES.0, DIFFICULTIES.1),
            lang.pick(
                "Khó khăn, vướng mắc của đơn vị trong kỳ (ghi vào cột Ghi chú / Kết quả; để trống nếu không có)",
                "The agency's difficulties this period (in the note column; leave blank if none)",
            ),
        ),
        (
            lang.pick(PROPOSALS.0, PROPOSALS.1),
            lang.pick(
                "Đề xuất, kiến nghị của đơn vị (ghi vào cột Ghi chú / Kết quả; để trống nếu không có)",
                "The agency's proposals (in the note column; leave blank if none)",
            ),
        ),
    ]
}

/// A cell of a reserved row: agency, period, the label in the task column, the hint in the text.
pub(super) fn remark_cell<'a>(
    id: &str,
    agency: &'a str,
    period: &'a str,
    label: &'a str,
    hint: &'a str,
) -> &'a str {
    match id {
        "agency" => agency,
        "period" => period,
        "task" => label,
        "task_text" => hint,
        _ => "",
    }
}
