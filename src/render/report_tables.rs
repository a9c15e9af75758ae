//! The appendix of the consolidated report: figures by task, by agency, and the late, missing
//! and rejected agencies, as real tables. "—" only where a figure does not apply (no report).

use super::admin::short_date;
use super::doc::{Block, Rows, Table};
use crate::consolidate::{Consolidation, Totals};
use crate::cycle::State;
use crate::diag::Kind;
use crate::lang::Lang;
use crate::number::{group, percent};
use crate::t;
use chrono::{Datelike, NaiveDate};

const NA: &str = "—";

/// The figure cells of a line: activities, women, men, women's share, budget.
fn figures(t: &Totals, reported: bool, lang: Lang) -> [String; 5] {
    if !reported {
        return std::array::from_fn(|_| NA.to_string());
    }
    [
        group(t.activities, lang),
        group(t.participants_female, lang),
        group(t.participants_male, lang),
        t.female_share()
            .map(|s| percent(s, lang))
            .unwrap_or_else(|| NA.into()),
        group(t.budget_vnd, lang),
    ]
}

fn figure_headers(lang: Lang) -> [String; 5] {
    [
        lang.pick("Số hoạt động", "Activities"),
        lang.pick("Nữ", "Women"),
        lang.pick("Nam", "Men"),
        lang.pick("Tỷ lệ nữ", "Women's share"),
        lang.pick("Kinh phí (đồng)", "Budget (VND)"),
    ]
    .map(String::from)
}

pub fn appendix(k: &Consolidation, lang: Lang) -> Vec<Block> {
    let c = k.cycle;
    let number = super::admin::code(c.plan, true);
    let date = short_date(c.as_of);
    let early = early_files(k);
    let mut blocks = vec![
        Block::Centered {
            text: lang.pick("PHỤ LỤC", "APPENDIX").into(),
            bold: true,
        },
        Block::Centered {
            text: t!(
                "(Kèm theo Báo cáo số {number} ngày {date})",
                "(Attached to Report No. {number} of {date})"
            )
            .get(lang)
            .into(),
            bold: false,
        },
        Block::Table(by_task(k, lang)),
        Block::Table(by_agency(k, &early, lang)),
    ];
    let marked = |a| disbelieved(k, a, &early) || later_after_as_of(k, a);
    if k.agencies.iter().any(marked) {
        // The year's reporting begins on the same day for every file: the first notice's.
        let begins = early.first().map(|(_, from)| *from);
        let why = match begins {
            Some(from) => {
                let (from, year) = (short_date(from), from.year() + 1);
                t!(
                    "sau ngày tính, ghi tháng trước ngày, hoặc trước ngày {from}, khi việc báo cáo của năm {year} bắt đầu",
                    "after the as-of date, month first, or before {from}, when the reporting of {year} begins"
                )
            }
            None => t!(
                "sau ngày tính, hoặc ghi tháng trước ngày",
                "after the as-of date, or month first"
            ),
        };
        let why = why.get(lang);
        blocks.push(note(
            t!(
                "(*) Ngày ghi trong tệp chưa đúng ({why}): báo cáo đã nhận, không tính trễ hạn.",
                "(*) The date written in the file cannot be right ({why}): the report was received and is not counted late."
            )
            .get(lang),
        ));
    }
    if k.agencies.iter().any(updated) {
        blocks.push(note(
            t!(
                "(cập nhật …) Ngày của báo cáo gửi sau của đơn vị (bổ sung, sửa đổi): số liệu tính theo báo cáo đó; đúng hạn hay trễ hạn tính theo báo cáo đầu tiên.",
                "(updated …) The date of the agency's later report (a supplement or a correction): its figures are the ones counted; on time or late counts from the first report."
            )
            .get(lang),
        ));
    }
    blocks.extend(dropped_tasks(k, lang));
    blocks.extend(super::report_held::appendix_note(k, lang));
    blocks.push(Block::Table(overdue(k, lang)));
    blocks
}

/// A line under a table, saying what a mark or a cell of it means.
fn note(text: &str) -> Block {
    Block::styled(text, 0, super::doc::ParaStyle::Quote)
}

/// A later report that leaves out tasks an earlier one gave (`dropped-tasks`): its figures
/// count, so the tasks it leaves out have none of the agency's this period. Said under the
/// table, one line per agency, so that the ministry's reader is told, not only the officer.
fn dropped_tasks(k: &Consolidation, lang: Lang) -> Vec<Block> {
    let plan = k.cycle.plan;
    let dropped = (k.cycle.notices.iter()).filter_map(|d| match &d.kind {
        Kind::DroppedTasks { tasks, .. } if !tasks.is_empty() => Some((&d.file, tasks.len())),
        _ => None,
    });
    let mut out = Vec::new();
    for (file, n) in dropped {
        let Some(a) = k.agencies.iter().find(|a| a.file == Some(file.as_str())) else {
            continue;
        };
        let name = plan.agencies[a.agency].the_name_in(lang);
        let tasks = crate::number::counted(n, "task", "tasks");
        let text = t!(
            "(cập nhật …) Báo cáo gửi sau của {name} không có {n} nhiệm vụ mà báo cáo trước đó của đơn vị đã có: các nhiệm vụ này không có số liệu của đơn vị trong kỳ.",
            "(updated …) The later report of {name} leaves out {tasks} its earlier report gave: those tasks have none of its figures this period."
        );
        out.push(note(text.get(lang)));
    }
    out
}

/// Appendix 1: every task of the plan, the columns of the workbook's by-task sheet.
fn by_task(k: &Consolidation, lang: Lang) -> Table {
    let plan = k.cycle.plan;
    let mut rows: Rows = k
        .period_tasks()
        .map(|tl| {
            let mut r = vec![
                plan.tasks[tl.task].id.clone(),
                tl.reports.to_string(),
                tl.status.not_started.to_string(),
                tl.status.in_progress.to_string(),
                tl.status.done.to_string(),
            ];
            r.extend(figures(&tl.totals, tl.reports > 0, lang));
            r
        })
        .collect();
    let reports: usize = k.tasks.iter().map(|t| t.reports).sum();
    let sum = |count: fn(&crate::consolidate::StatusCounts) -> usize| {
        k.period_tasks()
            .map(|t| count(&t.status))
            .sum::<usize>()
            .to_string()
    };
    let mut total = vec![
        lang.pick("Tổng cộng", "Total").to_string(),
        reports.to_string(),
        sum(|s| s.not_started),
        sum(|s| s.in_progress),
        sum(|s| s.done),
    ];
    total.extend(figures(&k.totals, reports > 0, lang));
    rows.push_row(total);
    let mut header: Vec<String> = [
        lang.pick("Nhiệm vụ", "Task"),
        lang.pick("Số báo cáo", "Reports"),
        lang.pick("Chưa thực hiện", "Not started"),
        lang.pick("Đang thực hiện", "In progress"),
        lang.pick("Hoàn thành", "Done"),
    ]
    .map(String::from)
    .to_vec();
    header.extend(figure_headers(lang));
    Table {
        title: lang
            .pick(
                "Phụ lục 1. Kết quả thực hiện theo nhiệm vụ",
                "Appendix 1. Results by task",
            )
            .into(),
        header,
        numeric: vec![false, true, true, true, true, true, true, true, true, true],
        rows,
    }
}

/// Appendix 2: every agency of the cycle, by name, with its state and figures.
fn by_agency(k: &Consolidation, early: &Early, lang: Lang) -> Table {
    let plan = k.cycle.plan;
    // A row per agency, straight into the table's one text (no `String` per cell kept).
    let mut rows = Rows::new();
    let held = super::report_held::held_agencies(k);
    for a in &k.agencies {
        let reported = a.file.is_some();
        let date = report_date(k, a, early, &held, lang);
        let tasks = match reported {
            true => a.rows.to_string(),
            false => NA.into(),
        };
        let lead = [
            plan.agencies[a.agency].name_in(lang),
            a.state.label(lang),
            &date,
            &tasks,
        ];
        let figures = figures(&a.totals, reported, lang);
        rows.push_row(lead.into_iter().chain(figures.iter().map(String::as_str)));
    }
    rows.shrink_to_fit();
    let mut header: Vec<String> = [
        lang.pick("Cơ quan, đơn vị", "Agency"),
        lang.pick("Tình trạng", "State"),
        lang.pick("Ngày báo cáo", "Report date"),
        lang.pick("Số nhiệm vụ báo cáo", "Tasks reported"),
    ]
    .map(String::from)
    .to_vec();
    header.extend(figure_headers(lang));
    Table {
        title: lang
            .pick(
                "Phụ lục 2. Kết quả thực hiện theo cơ quan, đơn vị",
                "Appendix 2. Results by agency",
            )
            .into(),
        header,
        numeric: vec![false, false, false, true, true, true, true, true, true],
        rows,
    }
}

/// An agency's report date as Appendix 2 gives it: marked `(*)` when bdg did not believe it
/// (see [`disbelieved`]), with the reason in one line under the table, so that the ministry
/// does not read a bare date after the deadline beside "on time".
fn report_date(
    k: &Consolidation,
    a: &crate::consolidate::AgencyLine,
    early: &Early,
    held: &std::collections::HashSet<usize>,
    lang: Lang,
) -> String {
    let first = match a.submitted_on {
        None => return NA.into(),
        Some(d) if disbelieved(k, a, early) => format!("{} (*)", short_date(d)),
        // Figures held back (a conflict): why is said under the table.
        Some(d) if held.contains(&a.agency) => format!("{} (**)", short_date(d)),
        Some(d) => short_date(d),
    };
    // The figures are a later file's (a supplement, a correction): its date too, so that a
    // reader does not take figures sent later for the first report's.
    match a.figures_on.filter(|_| updated(a)) {
        Some(later) => {
            let mark = if later_after_as_of(k, a) { " (*)" } else { "" };
            let later = format!("{}{mark}", short_date(later));
            t!("{first} (cập nhật {later})", "{first} (updated {later})")
                .get(lang)
                .to_string()
        }
        None => first,
    }
}

/// The agency's figures come from a report dated after its first one (a supplement, a
/// correction): Appendix 2 gives both dates.
fn updated(a: &crate::consolidate::AgencyLine) -> bool {
    a.figures_on.is_some() && a.figures_on != a.submitted_on
}

/// The later report whose figures count is dated after the as-of date (see [`disbelieved`]).
fn later_after_as_of(k: &Consolidation, a: &crate::consolidate::AgencyLine) -> bool {
    updated(a) && a.figures_on.is_some_and(|d| d > k.cycle.as_of)
}

/// A report counted on time whose date bdg did not believe: after the last on-time day (after
/// the as-of date, or most likely written month first), or before the plan's year's reporting
/// begins (the `before-year` warning: most likely a mistyped year).
fn disbelieved(k: &Consolidation, a: &crate::consolidate::AgencyLine, early: &Early) -> bool {
    // Past either day: "đúng hạn" beside a date after the deadline, or after the date the
    // report is written as of, would read as a contradiction.
    let last = k.cycle.period.last_on_time_day().min(k.cycle.as_of);
    a.state == State::OnTime
        && (a.submitted_on.is_some_and(|d| d > last)
            || a.file
                .is_some_and(|f| early.binary_search_by(|(e, _)| (*e).cmp(f)).is_ok()))
}

/// The files the cycle warned are dated before the plan's year's reporting begins, sorted by
/// name, each with that first day (looked up once per agency, not scanned).
type Early<'a> = Vec<(&'a str, NaiveDate)>;

fn early_files<'a>(k: &'a Consolidation) -> Early<'a> {
    let mut v: Early = k
        .cycle
        .notices
        .iter()
        .filter_map(|d| match d.kind {
            Kind::BeforeYear { from, .. } => Some((d.file.as_str(), from)),
            _ => None,
        })
        .collect();
    v.sort_unstable();
    v
}

/// Appendix 3: late, missing, and submitted-but-rejected agencies, of those the plan asks to
/// report (as [`crate::cycle::Cycle::overdue`]).
fn overdue(k: &Consolidation, lang: Lang) -> Table {
    let plan = k.cycle.plan;
    let held_back = super::report_held::held_agencies(k);
    let mut rows: Rows = k
        .agencies
        .iter()
        .filter(|a| a.expected && a.state.is_overdue())
        .map(|a| {
            let is_rejected = a.state == State::Rejected;
            let state = if is_rejected {
                lang.pick("đã gửi, bị loại", "sent, rejected")
            } else {
                a.state.label(lang)
            };
            let held = is_rejected && held_back.contains(&a.agency);
            let note = match (a.state, is_rejected) {
                (_, true) if held => lang.pick(
                    "gửi các báo cáo khác nhau cùng ngày, đề nghị cho biết báo cáo nào đúng",
                    "sent different reports with the same date, to say which is right",
                ),
                (_, true) => lang.pick(
                    "báo cáo bị loại, đề nghị gửi lại (lý do tại trang \"Bị loại\" của sổ Excel)",
                    "report excluded, to be sent again (the reason is in the \"Excluded\" sheet of the workbook)",
                ),
                (State::Late, _) => lang.pick("đã gửi, trễ hạn", "sent late"),
                _ => lang.pick("chưa gửi báo cáo", "no report"),
            };
            vec![
                plan.agencies[a.agency].name_in(lang).to_string(),
                state.to_string(),
                a.submitted_on.map(short_date).unwrap_or_else(|| NA.into()),
                a.days_late
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| NA.into()),
                note.to_string(),
            ]
        })
        .collect();
    if rows.is_empty() {
        rows.push_row([lang.pick("Không có", "None"), "", "", "", ""]);
    }
    Table {
        title: lang
            .pick(
                "Phụ lục 3. Đơn vị trễ hạn, chưa gửi báo cáo và báo cáo bị loại",
                "Appendix 3. Late, missing and rejected agencies",
            )
            .into(),
        header: [
            lang.pick("Cơ quan, đơn vị", "Agency"),
            lang.pick("Tình trạng", "State"),
            lang.pick("Ngày báo cáo", "Report date"),
            lang.pick("Số ngày quá hạn", "Days overdue"),
            lang.pick("Ghi chú", "Note"),
        ]
        .map(String::from)
        .to_vec(),
        numeric: vec![false, false, false, true, false],
        rows,
    }
}
