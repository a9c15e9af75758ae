//! The consolidated workbook. Every text from a report is written as a string, never a formula;
//! the creation date is the as-of date so that the same inputs give the same bytes.

use crate::consolidate::Consolidation;
use crate::cycle::State;
use crate::lang::Lang;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Chart, ChartType, Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder,
    Workbook, Worksheet, XlsxError,
};

/// One cell's value and how it is shown.
enum Cell {
    Text(String),
    Int(u64),
    Money(u64),
    Pct(Option<f64>),
    Dec(Option<f64>),
    Date(Option<NaiveDate>),
    Blank,
}

struct Formats {
    header: Format,
    text: Format,
    int: Format,
    money: Format,
    pct: Format,
    dec: Format,
    date: Format,
    highlight: Color,
}

impl Formats {
    fn new() -> Self {
        let border = |f: Format| {
            f.set_border(FormatBorder::Thin)
                .set_border_color(Color::RGB(0xBFBFBF))
        };
        Formats {
            header: border(
                Format::new()
                    .set_bold()
                    .set_text_wrap()
                    .set_align(FormatAlign::Center)
                    .set_background_color(Color::RGB(0xDDEBF7)),
            ),
            text: border(Format::new().set_text_wrap().set_align(FormatAlign::Top)),
            int: border(
                Format::new()
                    .set_num_format("#,##0")
                    .set_align(FormatAlign::Top),
            ),
            money: border(
                Format::new()
                    .set_num_format("#,##0")
                    .set_align(FormatAlign::Top),
            ),
            pct: border(
                Format::new()
                    .set_num_format("0.0%")
                    .set_align(FormatAlign::Top),
            ),
            dec: border(
                Format::new()
                    .set_num_format("0.0")
                    .set_align(FormatAlign::Top),
            ),
            date: border(
                Format::new()
                    .set_num_format("dd/mm/yyyy")
                    .set_align(FormatAlign::Top),
            ),
            highlight: Color::RGB(0xFCE4D6),
        }
    }
}

pub(crate) fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    f: &Formats,
    highlight: bool,
) -> Result<(), XlsxError> {
    let fmt = match cell {
        Cell::Text(_) | Cell::Blank | Cell::Pct(None) | Cell::Dec(None) | Cell::Date(None) => {
            &f.text
        }
        Cell::Int(_) => &f.int,
        Cell::Money(_) => &f.money,
        Cell::Pct(Some(_)) => &f.pct,
        Cell::Dec(Some(_)) => &f.dec,
        Cell::Date(Some(_)) => &f.date,
    };
    // Only a highlighted cell needs a format of its own.
    let highlighted;
    let fmt = if highlight {
        highlighted = fmt.clone().set_background_color(f.highlight);
        &highlighted
    } else {
        fmt
    };
    match cell {
        // write_string: report text is data, never a formula, whatever it begins with.
        Cell::Text(s) => ws.write_string_with_format(row, col, s, fmt).map(|_| ()),
        Cell::Int(n) | Cell::Money(n) => ws
            .write_number_with_format(row, col, *n as f64, fmt)
            .map(|_| ()),
        Cell::Pct(Some(x)) | Cell::Dec(Some(x)) => {
            ws.write_number_with_format(row, col, *x, fmt).map(|_| ())
        }
        Cell::Date(Some(d)) => ws
            .write_datetime_with_format(row, col, excel_date(*d)?, fmt)
            .map(|_| ()),
        Cell::Pct(None) | Cell::Dec(None) | Cell::Date(None) | Cell::Blank => {
            ws.write_blank(row, col, fmt).map(|_| ())
        }
    }
}

/// The details sheet's cells: plain where a plain cell reads as well (no format to look up for
/// every cell), the number formats where they matter. Text is still always a string.
fn write_detail(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    f: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(s) => ws.write_string(row, col, s).map(|_| ()),
        Cell::Int(n) => ws.write_number(row, col, *n as f64).map(|_| ()),
        Cell::Money(n) => ws
            .write_number_with_format(row, col, *n as f64, &f.money)
            .map(|_| ()),
        Cell::Dec(Some(x)) => ws
            .write_number_with_format(row, col, *x, &f.dec)
            .map(|_| ()),
        _ => Ok(()),
    }
}

/// A table: header, rows, frozen header, autofilter, widths that fit (within limits).
fn table(
    ws: &mut Worksheet,
    header: &[&str],
    rows: &[(Vec<Cell>, bool)],
    f: &Formats,
) -> Result<(), XlsxError> {
    let mut widths: Vec<usize> = header
        .iter()
        .map(|h| crate::text::width(h).clamp(8, 30))
        .collect();
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &f.header)?;
    }
    for (r, (cells, hl)) in rows.iter().enumerate() {
        for (c, cell) in cells.iter().enumerate() {
            write_cell(ws, r as u32 + 1, c as u16, cell, f, *hl)?;
            let w = match cell {
                Cell::Text(s) => s.lines().map(crate::text::width).max().unwrap_or(0),
                Cell::Int(n) | Cell::Money(n) => n.to_string().len() + n.to_string().len() / 3,
                Cell::Date(_) => 10,
                _ => 6,
            };
            widths[c] = widths[c].max(w.min(60));
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w as f64 + 2.0).min(62.0))?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(
        0,
        0,
        rows.len() as u32,
        header.len().saturating_sub(1) as u16,
    )?;
    print_setup(ws)?;
    Ok(())
}

/// Printing: A4 landscape, one page wide, the header row on every page.
fn print_setup(ws: &mut Worksheet) -> Result<(), XlsxError> {
    ws.set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    Ok(())
}

/// Data rows a worksheet holds: Excel's 1,048,576 rows less the header.
pub const MAX_SHEET_ROWS: u32 = 1_048_575;

pub fn workbook(k: &Consolidation, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    workbook_with_limit(k, lang, MAX_SHEET_ROWS)?.save_to_buffer()
}

/// Writes the workbook to `w` as it is assembled, without holding the file in memory.
pub fn write_workbook<W: std::io::Write + std::io::Seek + Send>(
    k: &Consolidation,
    lang: Lang,
    w: W,
) -> Result<(), XlsxError> {
    workbook_with_limit(k, lang, MAX_SHEET_ROWS)?.save_to_writer(w)
}

/// The workbook, with the details split into sheets of at most `max_detail_rows` rows.
pub fn workbook_with_limit(
    k: &Consolidation,
    lang: Lang,
    max_detail_rows: u32,
) -> Result<Workbook, XlsxError> {
    let c = k.cycle;
    let plan = c.plan;
    let p = c.period;
    let f = Formats::new();
    let l = |vi: &'static str, en: &'static str| lang.pick(vi, en);
    let mut wb = Workbook::new();
    let created = excel_date(c.as_of)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!(
                "{} — {}",
                l(
                    "Tổng hợp báo cáo bình đẳng giới",
                    "Gender-equality reports consolidated"
                ),
                p.name_in(lang)
            ))
            .set_subject(plan.meta.title.clone())
            .set_author(plan.report.issuing_body.clone())
            .set_company(plan.meta.issuer.clone())
            .set_creation_datetime(&created),
    );

    // Summary.
    let n = &k.counts;
    let t = &k.totals;
    let ws = wb.add_worksheet().set_name(l("Tổng hợp", "Summary"))?;
    let summary: Vec<(&str, Cell)> = vec![
        (l("Kế hoạch", "Plan"), Cell::Text(plan.meta.title.clone())),
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
        (l("Đúng hạn", "On time"), Cell::Int(n.on_time as u64)),
        (l("Trễ hạn", "Late"), Cell::Int(n.late as u64)),
        (l("Chưa nộp", "Missing"), Cell::Int(n.missing as u64)),
        (l("Chưa đến hạn", "Pending"), Cell::Int(n.pending as u64)),
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
            l("Dòng/tệp bị loại", "Rows/files excluded"),
            Cell::Int(k.excluded.len() as u64),
        ),
    ];
    let rows: Vec<(Vec<Cell>, bool)> = summary
        .into_iter()
        .map(|(k, v)| (vec![Cell::Text(k.to_string()), v], false))
        .collect();
    table(
        ws,
        &[l("Chỉ tiêu", "Item"), l("Giá trị", "Value")],
        &rows,
        &f,
    )?;
    let sheet = l("Tổng hợp", "Summary");
    let mut chart = Chart::new(ChartType::Column);
    chart.title().set_name(l(
        "Tình hình báo cáo của các đơn vị",
        "Reporting state of the agencies",
    ));
    chart
        .add_series()
        .set_name(l("Số đơn vị", "Agencies"))
        .set_categories((sheet, 7, 0, 10, 0))
        .set_values((sheet, 7, 1, 10, 1));
    chart.legend().set_hidden();
    ws.insert_chart(1, 3, &chart)?;

    // By task: every task of the plan.
    let ws = wb.add_worksheet().set_name(l("Theo nhiệm vụ", "By task"))?;
    let rows: Vec<(Vec<Cell>, bool)> = k
        .tasks
        .iter()
        .map(|tl| {
            let task = &plan.tasks[tl.task];
            (
                vec![
                    Cell::Text(task.id.clone()),
                    Cell::Text(task.section.clone()),
                    Cell::Text(task.text.clone()),
                    Cell::Int(tl.reports as u64),
                    Cell::Int(tl.status.not_started as u64),
                    Cell::Int(tl.status.in_progress as u64),
                    Cell::Int(tl.status.done as u64),
                    Cell::Int(tl.totals.activities),
                    Cell::Int(tl.totals.participants_female),
                    Cell::Int(tl.totals.participants_male),
                    Cell::Pct(tl.totals.female_share()),
                    Cell::Money(tl.totals.budget_vnd),
                ],
                tl.reports == 0,
            )
        })
        .collect();
    table(
        ws,
        &[
            l("Mã nhiệm vụ", "Task"),
            l("Mục", "Section"),
            l("Nội dung", "Text"),
            l("Số báo cáo", "Reports"),
            l("Chưa thực hiện", "Not started"),
            l("Đang thực hiện", "In progress"),
            l("Hoàn thành", "Done"),
            l("Số hoạt động", "Activities"),
            l("Nữ", "Female"),
            l("Nam", "Male"),
            l("Tỷ lệ nữ", "Female share"),
            l("Kinh phí (đồng)", "Budget (VND)"),
        ],
        &rows,
        &f,
    )?;
    ws.set_column_width(2, 60)?;

    // By agency: every expected agency, late and missing highlighted.
    let ws = wb.add_worksheet().set_name(l("Theo đơn vị", "By agency"))?;
    let rows: Vec<(Vec<Cell>, bool)> = k
        .agencies
        .iter()
        .map(|a| {
            let ag = &plan.agencies[a.agency];
            (
                vec![
                    Cell::Text(ag.id.clone()),
                    Cell::Text(ag.name.clone()),
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
                    Cell::Text(a.file.clone().unwrap_or_default()),
                    Cell::Int(a.rows as u64),
                    Cell::Int(a.rows_excluded as u64),
                    Cell::Int(a.totals.participants_female),
                    Cell::Int(a.totals.participants_male),
                    Cell::Money(a.totals.budget_vnd),
                ],
                a.state.is_overdue(),
            )
        })
        .collect();
    table(
        ws,
        &[
            l("Mã", "Id"),
            l("Đơn vị", "Agency"),
            l("Phải báo cáo", "Expected"),
            l("Tình trạng", "State"),
            l("Ngày báo cáo", "Report date"),
            l("Số ngày trễ", "Days late"),
            l("Tệp", "File"),
            l("Dòng nhận", "Rows accepted"),
            l("Dòng bị loại", "Rows excluded"),
            l("Nữ", "Female"),
            l("Nam", "Male"),
            l("Kinh phí (đồng)", "Budget (VND)"),
        ],
        &rows,
        &f,
    )?;

    // Details: every accepted row, written row by row with the low-memory writer; past Excel's
    // row limit the rows go on in "Chi tiết 2", "Chi tiết 3" …
    let header = [
        l("Đơn vị", "Agency"),
        l("Mã nhiệm vụ", "Task"),
        l("Tình trạng", "Status"),
        l("Tiến độ (%)", "Progress (%)"),
        l("Số hoạt động", "Activities"),
        l("Nữ", "Female"),
        l("Nam", "Male"),
        l("Kinh phí (đồng)", "Budget (VND)"),
        l("Ghi chú / Kết quả", "Note"),
        l("Tệp", "File"),
        l("Dòng", "Line"),
    ];
    let opt = |v: Option<u64>| v.map_or(Cell::Blank, Cell::Int);
    let mut details = k.details().peekable();
    let base = l("Chi tiết", "Details");
    for part in 1.. {
        let name = if part == 1 {
            base.to_string()
        } else {
            format!("{base} {part}")
        };
        let ws = wb.add_worksheet_with_constant_memory()?.set_name(name)?;
        for (col, w) in [12, 10, 16, 10, 10, 10, 10, 14, 60, 40, 8]
            .iter()
            .enumerate()
        {
            ws.set_column_width(col as u16, *w)?;
        }
        for (col, h) in header.iter().enumerate() {
            ws.write_string_with_format(0, col as u16, *h, &f.header)?;
        }
        ws.set_freeze_panes(1, 0)?;
        print_setup(ws)?;
        let mut r = 0u32;
        while r < max_detail_rows {
            let Some(d) = details.next() else { break };
            r += 1;
            let row = d.row;
            let cells = [
                Cell::Text(plan.agencies[d.agency].id.clone()),
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
                write_detail(ws, r, col as u16, cell, &f)?;
            }
        }
        ws.autofilter(0, 0, r, header.len() as u16 - 1)?;
        if details.peek().is_none() {
            break;
        }
    }

    // Overdue.
    let ws = wb.add_worksheet().set_name(l("Quá hạn", "Overdue"))?;
    let rows: Vec<(Vec<Cell>, bool)> = k
        .agencies
        .iter()
        .filter(|a| a.state.is_overdue())
        .map(|a| {
            let ag = &plan.agencies[a.agency];
            (
                vec![
                    Cell::Text(ag.id.clone()),
                    Cell::Text(ag.name.clone()),
                    Cell::Text(a.state.label(lang).into()),
                    Cell::Date(Some(p.due)),
                    Cell::Date(a.submitted_on),
                    a.days_late
                        .map_or(Cell::Blank, |d| Cell::Int(d.max(0) as u64)),
                ],
                a.state == State::Missing,
            )
        })
        .collect();
    table(
        ws,
        &[
            l("Mã", "Id"),
            l("Đơn vị", "Agency"),
            l("Tình trạng", "State"),
            l("Hạn nộp", "Due"),
            l("Ngày nhận", "Received"),
            l("Số ngày trễ", "Days late"),
        ],
        &rows,
        &f,
    )?;

    // Excluded rows and files, then every diagnostic.
    for (name, list) in [
        (l("Bị loại", "Excluded"), &k.excluded),
        (l("Cảnh báo và lỗi", "Diagnostics"), &k.diagnostics),
    ] {
        let ws = wb.add_worksheet().set_name(name)?;
        let rows: Vec<(Vec<Cell>, bool)> = list
            .iter()
            .map(|d| {
                (
                    vec![
                        Cell::Text(d.file.clone()),
                        d.line.map_or(Cell::Blank, |x| Cell::Int(x as u64)),
                        d.column.map_or(Cell::Blank, |x| Cell::Int(x as u64)),
                        Cell::Text(
                            if d.is_error() {
                                l("lỗi", "error")
                            } else {
                                l("cảnh báo", "warning")
                            }
                            .into(),
                        ),
                        Cell::Text(d.code().as_str().into()),
                        Cell::Text(d.message(lang)),
                        Cell::Text(d.hint_text(lang).unwrap_or_default()),
                    ],
                    d.is_error(),
                )
            })
            .collect();
        table(
            ws,
            &[
                l("Tệp", "File"),
                l("Dòng", "Line"),
                l("Cột", "Column"),
                l("Mức", "Severity"),
                l("Mã", "Code"),
                l("Nội dung", "Message"),
                l("Gợi ý", "Hint"),
            ],
            &rows,
            &f,
        )?;
    }
    Ok(wb)
}
