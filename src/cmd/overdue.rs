//! `bdg overdue`: late and missing agencies, for people and for cron.

use super::CycleArgs;
use crate::cycle::{Cycle, State};
use crate::emit::{self, Block, Cell, Column, Listing, View};
use crate::lang::Lang;
use crate::output::{self, Format, Global};
use crate::Outcome;
use anyhow::Result;
use serde::Serialize;

#[derive(clap::Args, Debug)]
#[command(
    after_help = "Ví dụ / example:\n  bdg overdue --plan plans/ninh-thuan-2021.yaml --period 2021-H1 \
                        --reports examples/reports/2021-H1 --as-of 20/06/2021\n  \
                        bdg overdue ... --format csv > tre-han.csv   (cron)\n\n\
                        Mã thoát / exit: 0 không đơn vị nào trễ / none overdue; 1 có đơn vị trễ hoặc chưa nộp / \
                        some late or missing; 2 không chạy được / could not run"
)]
pub struct Args {
    #[command(flatten)]
    pub cycle: CycleArgs,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Với --format csv: tệp để mở bằng Excel (BOM, dấu ';', tiêu đề và tình trạng theo
    /// --lang) / with --format csv: a file for Excel (BOM, ';', headers and states in --lang)
    #[arg(long)]
    pub excel: bool,
}

/// The columns of the lists for people (the table and the `--excel` CSV), with the plain
/// CSV's stable names.
const COLUMNS: [Column; 6] = [
    Column::new("agency", "Mã", "Id"),
    Column::new("name", "Đơn vị", "Agency"),
    Column::new("state", "Tình trạng", "State"),
    Column::new("due", "Hạn nộp", "Due"),
    Column::new(
        "submitted_on",
        "Ngày báo cáo (ghi trong tệp)",
        "Report date (as written)",
    ),
    Column::new("days_late", "Số ngày trễ", "Days late"),
];

/// The overdue list for scripts; fields in the order serde_json has always written them
/// (sorted), so the output is the same byte for byte.
#[derive(Serialize)]
pub struct OverdueJson<'a> {
    agencies: Vec<AgencyJson<'a>>,
    as_of: String,
    due: String,
    period: &'a str,
}

/// One overdue agency for scripts.
#[derive(Serialize)]
struct AgencyJson<'a> {
    agency: &'a str,
    days_late: Option<i64>,
    name: &'a str,
    state: State,
    submitted_on: Option<String>,
}

/// A count of days: a number cell (a negative one, never made, as text).
fn days(d: Option<i64>) -> Cell {
    d.map_or(Cell::Empty, |d| {
        u64::try_from(d).map_or_else(|_| Cell::Text(d.to_string()), Cell::Int)
    })
}

/// The overdue agencies as the lists for people write them: names, states and dates in
/// `lang`, `no_date` where an agency sent nothing.
fn listing_for_people(c: &Cycle, lang: Lang, no_date: &str) -> Listing {
    let date = |d: chrono::NaiveDate| d.format("%d/%m/%Y").to_string();
    let mut l = Listing::new(&COLUMNS);
    for a in c.overdue() {
        let ag = &c.plan.agencies[a.agency];
        l.push(vec![
            ag.id.as_str().into(),
            ag.name_in(lang).into(),
            a.state.label(lang).into(),
            date(c.period.due).into(),
            a.submitted_on
                .map_or_else(|| no_date.to_string(), date)
                .into(),
            days(a.days_late),
        ]);
    }
    l
}

/// The overdue agencies for scripts: stable names, state codes, ISO dates.
fn listing_for_scripts(c: &Cycle) -> Listing {
    let mut l = Listing::new(&COLUMNS);
    for a in c.overdue() {
        let ag = &c.plan.agencies[a.agency];
        l.push(vec![
            ag.id.as_str().into(),
            ag.name.as_str().into(),
            a.state.code().into(),
            c.period.due.to_string().into(),
            a.submitted_on.map_or(Cell::Empty, |d| d.to_string().into()),
            days(a.days_late),
        ]);
    }
    l
}

/// The overdue list as a CSV for a person opening it in Excel (see [`Listing::excel_csv`]):
/// headers, names, states and dates in `lang`. Scripts read the plain `--format csv`.
fn excel_csv(c: &Cycle, lang: Lang) -> Result<String> {
    listing_for_people(c, lang, "").excel_csv(lang)
}

/// The overdue list in every form: a line of counts and a table for people, a listing for
/// CSV, a value for JSON.
fn view<'a>(c: &'a Cycle, lang: Lang) -> View<OverdueJson<'a>> {
    let counts = c.counts();
    // The agencies not yet due, said when there are some (before the deadline, all of them).
    let pending = match counts.pending {
        0 => String::new(),
        n => format!(", {n} {}", lang.pick("chưa đến hạn", "not yet due")),
    };
    let heading = format!(
        "{} {} — {} {} — {} {}: {} {}, {} {}, {} {}{pending}\n",
        lang.pick("Kỳ", "Period"),
        c.period.id,
        lang.pick("hạn nộp", "due"),
        c.period.due.format("%d/%m/%Y"),
        lang.pick("tính đến", "as of"),
        c.as_of.format("%d/%m/%Y"),
        counts.late,
        lang.pick("trễ hạn", "late"),
        counts.missing,
        lang.pick("chưa nộp", "missing"),
        counts.rejected,
        lang.pick("đã nộp, bị loại", "rejected"),
    );
    let people = listing_for_people(c, lang, "—");
    let list = if people.rows.is_empty() {
        let none = lang.pick("Không có đơn vị nào trễ hạn.\n", "No agency is overdue.\n");
        Block::Text(none.into())
    } else {
        Block::Table(people)
    };
    let agencies = c
        .overdue()
        .map(|a| AgencyJson {
            agency: &c.plan.agencies[a.agency].id,
            days_late: a.days_late,
            name: &c.plan.agencies[a.agency].name,
            state: a.state,
            submitted_on: a.submitted_on.map(|d| d.to_string()),
        })
        .collect();
    View {
        blocks: vec![Block::Text(heading), list],
        csv: listing_for_scripts(c),
        json: OverdueJson {
            agencies,
            as_of: c.as_of.to_string(),
            due: c.period.due.to_string(),
            period: &c.period.id,
        },
    }
}

pub fn run(a: Args, g: &Global) -> Result<Outcome> {
    // Checked before any file is read: a table redirected into a .csv is no file for Excel.
    if a.excel && a.format != Format::Csv {
        anyhow::bail!(
            "{}",
            g.lang.pick(
                "--excel chỉ dùng cùng --format csv",
                "--excel goes with --format csv"
            )
        );
    }
    super::with_cycle(&a.cycle, g, None, |c, _| {
        if a.excel {
            output::print(&excel_csv(c, g.lang)?)?;
        } else {
            emit::emit(&view(c, g.lang), a.format, g.lang)?;
        }
        Ok(Outcome::flagged_if(c.overdue().next().is_some()))
    })
}
