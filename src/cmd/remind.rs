//! `bdg remind`: one reminder letter (công văn đôn đốc) per late or missing agency, as text
//! and as a Word file.

use super::CycleArgs;
use crate::cycle;
use crate::fsx::{ensure_dir, write_atomic};
use crate::lang::Lang;
use crate::output::{self, Global};
use crate::render::letter::letter_doc;
use crate::render::{docx, plain};
use crate::Outcome;
use anyhow::Result;
use chrono::Days;
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
#[command(
    after_help = "Ví dụ / example:\n  bdg remind --plan plans/ninh-thuan-2021.yaml --period 2021-H1 \
                        --reports examples/reports/2021-H1 --as-of 20/06/2021 --out out/don-doc"
)]
pub struct Args {
    #[command(flatten)]
    pub cycle: CycleArgs,
    /// Thư mục ghi công văn / where the letters are written
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Hạn gửi bù ghi trong công văn (mặc định: ngày tính + report.reply_days của kế hoạch, 5 ngày) / reply-by date in the letters (default: as-of + the plan's report.reply_days, 5)
    #[arg(long, value_name = "DATE")]
    pub reply_by: Option<String>,
}

pub fn run(a: Args, g: &Global) -> Result<Outcome> {
    // The reply-by date is checked before any file is read.
    let reply_by = reply_by(&a, g)?;
    super::with_cycle(&a.cycle, g, Some(&a.out), |c, _| {
        let days = Days::new(c.plan.report.reply_days.into());
        let reply_by = reply_by.unwrap_or(c.as_of.checked_add_days(days).unwrap_or(c.as_of));
        write_letters(&a, c, reply_by, g)
    })
}

/// `--reply-by`, when given: a date after the as-of date. The letters ask for the report
/// "trước ngày" (before) it, and they are dated the as-of date: a reply-by on that very day
/// would ask for a report before the letter was written.
fn reply_by(a: &Args, g: &Global) -> Result<Option<chrono::NaiveDate>> {
    let lang = g.lang;
    let Some(s) = &a.reply_by else {
        return Ok(None);
    };
    let date = crate::report::fields::parse_date(s).map_err(|_| {
        anyhow::anyhow!(
            "{}",
            lang.pick(
                &format!("--reply-by '{s}' không phải ngày; cần dd/mm/yyyy hoặc yyyy-mm-dd"),
                &format!("--reply-by '{s}' is not a date; expected dd/mm/yyyy or yyyy-mm-dd"),
            )
        )
    })?;
    let as_of = a.cycle.as_of(g);
    if date <= as_of {
        let (r, d) = (date.format("%d/%m/%Y"), as_of.format("%d/%m/%Y"));
        anyhow::bail!(
            "{}",
            lang.pick(
                &format!("--reply-by {r} không sau ngày tính {d}: hạn gửi bù phải sau ngày của công văn"),
                &format!("--reply-by {r} is not after the as-of date {d}: the reply-by date must be after the letters' date"),
            )
        );
    }
    Ok(Some(date))
}

fn write_letters(
    a: &Args,
    c: &cycle::Cycle,
    reply_by: chrono::NaiveDate,
    g: &Global,
) -> Result<Outcome> {
    // Every file name is checked before the first letter is written.
    let mut parts = vec![("period", c.period.id.as_str())];
    parts.extend(
        c.overdue()
            .map(|ag| ("agency", c.plan.agencies[ag.agency].id.as_str())),
    );
    super::check_file_parts(&parts, g.lang)?;
    let _out = ensure_dir(&a.out)?;
    let mut summary = String::new();
    let mut n = 0;
    for ag in c.overdue() {
        let id = &c.plan.agencies[ag.agency].id;
        let stem = format!(
            "{}_{}_{}",
            c.period.id,
            id,
            g.lang.pick("don-doc", "reminder")
        );
        let name = format!("{stem}.txt");
        // One document, both files: the text beside its Word file.
        let doc = letter_doc(c, ag, reply_by, g.lang);
        write_atomic(&a.out.join(&name), plain::render(&doc).as_bytes())?;
        write_atomic(&a.out.join(format!("{stem}.docx")), &docx::render(&doc)?)?;
        summary.push_str(&format!(
            "{name}\t{id}\t{}\t{}\n",
            ag.state.label(g.lang),
            ag.days_late.unwrap_or(0)
        ));
        n += 1;
    }
    let header = g.lang.pick(
        "tệp\tđơn vị\ttình trạng\tsố ngày trễ\n",
        "file\tagency\tstate\tdays late\n",
    );
    let list_name = format!(
        "{}_{}.tsv",
        c.period.id,
        g.lang.pick("danh-sach-don-doc", "reminders")
    );
    write_atomic(
        &a.out.join(&list_name),
        format!("{header}{summary}").as_bytes(),
    )?;
    let removed = remove_stale_letters(&a.out, c, g.lang);
    if !removed.is_empty() {
        let list = removed.join(", ");
        output::note(
            g,
            g.lang.pick(
                &format!("Đã xoá công văn của lần chạy trước, nay không còn đúng: {list}"),
                &format!("Removed letters of an earlier run that no longer hold: {list}"),
            ),
        );
    }
    output::note(
        g,
        g.lang.pick(
            &format!(
                "Đã ghi {n} công văn đôn đốc và danh sách {list_name} vào {}",
                a.out.display()
            ),
            &format!(
                "Wrote {n} reminder letters and the list {list_name} to {}",
                a.out.display()
            ),
        ),
    );
    Ok(Outcome::flagged_if(n > 0))
}

/// The letter names of this period that this run did not write, where an earlier run may
/// have left them: for an agency no longer overdue (it has reported since, or the as-of date
/// moved), and in the other language (their state may have changed since). Removed, so that
/// no stale reminder is mailed; only bdg's own letter names are touched, in a folder whose
/// lock this run holds. Returns the names removed.
fn remove_stale_letters(out: &Path, c: &cycle::Cycle, lang: Lang) -> Vec<String> {
    let overdue: Vec<_> = c.overdue().map(|a| a.agency).collect();
    let current = lang.pick("don-doc", "reminder");
    let mut removed = Vec::new();
    for (i, ag) in c.plan.agencies.iter().enumerate() {
        for word in ["don-doc", "reminder"] {
            if word == current && overdue.contains(&i) {
                continue;
            }
            for ext in ["txt", "docx"] {
                let name = format!("{}_{}_{word}.{ext}", c.period.id, ag.id);
                let path = out.join(&name);
                if path.is_file() && std::fs::remove_file(&path).is_ok() {
                    removed.push(name);
                }
            }
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use clap::Parser;

    #[derive(Parser)]
    struct Line {
        #[command(flatten)]
        args: Args,
    }

    fn args(reply_by: &str) -> Args {
        let line = [
            "bdg",
            "--plan",
            "p.yaml",
            "--period",
            "2021-H1",
            "--reports",
            "r",
        ];
        let rest = ["--out", "o", "--reply-by", reply_by];
        Line::parse_from(line.iter().chain(&rest)).args
    }

    fn global(today: NaiveDate) -> Global {
        Global {
            lang: Lang::En,
            quiet: false,
            verbose: 0,
            color_out: false,
            color_err: false,
            today,
        }
    }

    #[test]
    fn reply_by_is_checked_against_the_one_reading_of_the_clock() {
        let day = |d| NaiveDate::from_ymd_opt(2021, 6, d).unwrap();
        // Without --as-of, "today" is the one the command was given, not a second reading.
        let ok = reply_by(&args("21/06/2021"), &global(day(20))).unwrap();
        assert_eq!(ok, Some(day(21)));
        assert!(reply_by(&args("21/06/2021"), &global(day(21))).is_err());
        assert_eq!(args("21/06/2021").cycle.as_of(&global(day(21))), day(21));
    }
}
