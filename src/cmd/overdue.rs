//! `bdg overdue`: late and missing agencies, for people and for cron.

use super::CycleArgs;
use crate::cycle::{AgencyCycle, Cycle};
use crate::lang::Lang;
use crate::output::{self, csv_safe, Format, Global};
use crate::Outcome;
use anyhow::Result;
use serde_json::json;

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

/// The overdue list as a CSV for a person opening it in Excel: UTF-8 BOM (Excel reads the
/// marks right), `;` between fields (Excel's separator where the decimal mark is a comma),
/// headers, names, states and dates in `lang`. Scripts read the plain `--format csv`.
pub fn excel_csv(c: &Cycle, lang: Lang) -> Result<String> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(headers(lang))?;
    for a in c.overdue() {
        let mut r = row(c, a, lang, "");
        // The texts a plan gives (id, name) are the cells a formula could hide in.
        for cell in &mut r[..2] {
            *cell = csv_safe(cell).into_owned();
        }
        w.write_record(&r)?;
    }
    Ok(format!("\u{feff}{}", String::from_utf8(w.into_inner()?)?))
}

/// The columns of the lists for people (the table and the `--excel` CSV).
fn headers(lang: Lang) -> [&'static str; 6] {
    [
        lang.pick("Mã", "Id"),
        lang.pick("Đơn vị", "Agency"),
        lang.pick("Tình trạng", "State"),
        lang.pick("Hạn nộp", "Due"),
        lang.pick("Ngày báo cáo (ghi trong tệp)", "Report date (as written)"),
        lang.pick("Số ngày trễ", "Days late"),
    ]
}

/// One overdue agency as the lists for people write it; `no_date` where it sent nothing.
fn row(c: &Cycle, a: &AgencyCycle, lang: Lang, no_date: &str) -> [String; 6] {
    let ag = &c.plan.agencies[a.agency];
    let date = |d: chrono::NaiveDate| d.format("%d/%m/%Y").to_string();
    [
        ag.id.clone(),
        ag.name_in(lang).to_string(),
        a.state.label(lang).to_string(),
        date(c.period.due),
        a.submitted_on.map_or_else(|| no_date.to_string(), date),
        a.days_late.map(|d| d.to_string()).unwrap_or_default(),
    ]
}

pub fn render(c: &Cycle, format: Format, lang: Lang) -> Result<String> {
    let plan = c.plan;
    let overdue: Vec<_> = c.overdue().collect();
    Ok(match format {
        Format::Json => {
            let v = json!({
                "period": c.period.id,
                "as_of": c.as_of.to_string(),
                "due": c.period.due.to_string(),
                "agencies": overdue.iter().map(|a| json!({
                    "agency": plan.agencies[a.agency].id,
                    "name": plan.agencies[a.agency].name,
                    "state": a.state,
                    "submitted_on": a.submitted_on.map(|d| d.to_string()),
                    "days_late": a.days_late,
                })).collect::<Vec<_>>(),
            });
            serde_json::to_string_pretty(&v)? + "\n"
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record([
                "agency",
                "name",
                "state",
                "due",
                "submitted_on",
                "days_late",
            ])?;
            for a in &overdue {
                let ag = &plan.agencies[a.agency];
                let state = a.state.code();
                w.write_record([
                    csv_safe(&ag.id).as_ref(),
                    &csv_safe(&ag.name),
                    state,
                    &c.period.due.to_string(),
                    &a.submitted_on.map(|d| d.to_string()).unwrap_or_default(),
                    &a.days_late.map(|d| d.to_string()).unwrap_or_default(),
                ])?;
            }
            String::from_utf8(w.into_inner()?)?
        }
        Format::Table => {
            let counts = c.counts();
            let mut out = format!(
                "{} {} — {} {} — {} {}: {} {}, {} {}, {} {}\n",
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
            if overdue.is_empty() {
                out.push_str(
                    lang.pick("Không có đơn vị nào trễ hạn.\n", "No agency is overdue.\n"),
                );
            } else {
                let mut t = output::table(headers(lang).to_vec());
                for a in &overdue {
                    t.add_row(row(c, a, lang, "—").to_vec());
                }
                out.push_str(&format!("{t}\n"));
            }
            out
        }
    })
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
    super::with_cycle(&a.cycle, g, None, |c| {
        let text = match a.format {
            Format::Csv if a.excel => excel_csv(c, g.lang)?,
            f => render(c, f, g.lang)?,
        };
        output::print(&text)?;
        Ok(Outcome::flagged_if(c.overdue().next().is_some()))
    })
}
