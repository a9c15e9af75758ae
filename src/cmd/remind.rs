//! `bdg remind`: one reminder letter (công văn đôn đốc) per late or missing agency, as text
//! and as a Word file.

use super::remind_edited;
use super::remind_stale::{self, letter_name, list_name, Stale};
use super::CycleArgs;
use crate::cycle;
use crate::fsx::{
    check_replaceable, commit_and_remove, ensure_dir, unchanged, write_pending, Pending, Written,
    WRITTEN_RECORD,
};
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

/// Writes every letter, the list and the record of them, each to its temporary file in the
/// output folder, then puts them all in place and removes the letters of an earlier run that
/// no longer hold (those bdg wrote, unchanged since; the others are kept and named), or does
/// none of it: a failure anywhere leaves the folder as it was, so no stale letter sits
/// beside new ones and the list always matches the letters.
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
    let out = ensure_dir(&a.out)?;
    // What an earlier run wrote here, in a folder it marked (none in a folder of other files).
    let record = (out.was_marked()).then(|| Written::read(&a.out)).flatten();
    let letters =
        Letters::prepare(&a.out, c, reply_by, g.lang, record.as_ref()).map_err(unchanged)?;
    let Letters {
        outputs,
        stale,
        n,
        list_name,
        edited,
    } = letters;
    // The officer's versions are copied beside their letters before any is replaced; a run
    // refused after (here or in the commit) leaves the letters as they were, and the copies.
    let copies = remind_edited::keep(&edited, g.lang).map_err(unchanged)?;
    commit_and_remove(outputs, &stale.remove)?;
    remind_edited::tell(g, &copies);
    remind_stale::tell(g, &stale);
    output::note(
        g,
        g.lang.pick(
            &format!(
                "Đã ghi {n} công văn đôn đốc và danh sách {list_name} vào {}",
                a.out.display()
            ),
            &format!(
                "Wrote {n} reminder {} and the list {list_name} to {}",
                crate::number::plural(n, "letter", "letters"),
                a.out.display()
            ),
        ),
    );
    Ok(Outcome::flagged_if(n > 0))
}

/// One run's letters, their list and the folder's record of them, written to their temporary
/// files but not yet in place (closed: thousands of them hold no open file), and the letters
/// of an earlier run that no longer hold.
struct Letters {
    outputs: Vec<Pending>,
    stale: Stale,
    /// How many letters (each a text and a Word file).
    n: usize,
    list_name: String,
    /// The files there now that this run writes over and that are not bdg's unchanged: each
    /// is copied beside it first.
    edited: Vec<PathBuf>,
}

impl Letters {
    /// Writes the letters of `c`'s overdue agencies and their list beside their targets in
    /// `out`, once every target is known to be replaceable; finds the stale letters, and which
    /// of them `record` says are bdg's; the record of this run goes last.
    fn prepare(
        out: &Path,
        c: &cycle::Cycle,
        reply_by: chrono::NaiveDate,
        lang: Lang,
        record: Option<&Written>,
    ) -> Result<Letters> {
        let list_name = list_name(&c.period.id, lang);
        let letter = |ag: &cycle::AgencyCycle, ext: &str| {
            letter_name(&c.period.id, &c.plan.agencies[ag.agency].id, lang, ext)
        };
        // A folder where a file goes is refused before anything is written.
        for ag in c.overdue() {
            for ext in ["txt", "docx"] {
                check_replaceable(&out.join(letter(ag, ext)))?;
            }
        }
        check_replaceable(&out.join(&list_name))?;
        check_replaceable(&out.join(WRITTEN_RECORD))?;
        let stale = Stale::find(out, c, lang, record);
        let mut outputs = Vec::new();
        let mut summary = String::from(lang.pick(
            "tệp\tcông văn (Word, để gửi)\tđơn vị\ttình trạng\tsố ngày trễ\n",
            "file\tletter (Word, to send)\tagency\tstate\tdays late\n",
        ));
        for ag in c.overdue() {
            // One document, both files: the text beside its Word file.
            let doc = letter_doc(c, ag, reply_by, lang);
            let txt = letter(ag, "txt");
            outputs.push(write_pending(&out.join(&txt), |f| {
                Ok(plain::write(&doc, std::io::BufWriter::new(f))?)
            })?);
            // The Word letter is the one mailed: named beside its text.
            let word = letter(ag, "docx");
            outputs.push(write_pending(&out.join(&word), |f| {
                docx::write(&doc, std::io::BufWriter::new(f))
            })?);
            summary.push_str(&format!(
                "{txt}\t{word}\t{}\t{}\t{}\n",
                c.plan.agencies[ag.agency].id,
                ag.state.label(lang),
                ag.days_late.unwrap_or(0)
            ));
        }
        let n = outputs.len() / 2;
        outputs.push(write_pending(&out.join(&list_name), |f| {
            Ok(std::io::Write::write_all(f, summary.as_bytes())?)
        })?);
        let edited = remind_edited::edited(out, &outputs, record);
        let written = stale.record(&outputs)?;
        outputs.push(written.pending(out)?);
        Ok(Letters {
            outputs,
            stale,
            n,
            list_name,
            edited,
        })
    }
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

    /// Every file in `dir` and its bytes, by name.
    fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read(&p).unwrap())
            })
            .collect()
    }

    /// `remind`'s letters into `out` for the shipped plan's 2021-H1 as of June `day`, in
    /// Vietnamese: with the shipped example reports, or with none (every reporter missing).
    fn letters(out: &Path, day: u32, reports: bool) -> Letters {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let plan = crate::plan::load(&root.join("plans/ninh-thuan-2021.yaml"))
            .unwrap()
            .0;
        let g = Global {
            quiet: true,
            ..global(NaiveDate::from_ymd_opt(2021, 6, day).unwrap())
        };
        let reports = match reports {
            true => {
                let dir = [root.join("examples/reports/2021-H1")];
                super::super::read_reports(&dir, None, &plan, &g, None)
                    .unwrap()
                    .0
            }
            false => Vec::new(),
        };
        let c = cycle::build(&plan, &plan.periods[0], reports, g.today);
        let reply_by = g.today + Days::new(5);
        Letters::prepare(out, &c, reply_by, Lang::Vi, Written::read(out).as_ref()).unwrap()
    }

    /// A first run with no report (a letter for every reporter), then a run five days later
    /// with the example reports: fewer agencies overdue, their letters rewritten (more days
    /// late), the others' letters stale. Refused at its first rename, its middle one, the
    /// list's, the first removal and the last: every old letter and the list stay byte for byte,
    /// no new one is left, nothing stale is removed. Let through, it replaces them all and
    /// removes the stale letters.
    #[test]
    fn the_letters_and_their_list_go_in_together_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let first = letters(dir.path(), 20, false);
        commit_and_remove(first.outputs, &first.stale.remove).unwrap();
        let old = snapshot(dir.path());
        let second = letters(dir.path(), 25, true);
        let (outputs, stale) = (second.outputs.len(), second.stale.remove.len());
        assert!(
            second.stale.kept.is_empty(),
            "every stale letter is bdg's, unchanged"
        );
        // The letters, their list and the record.
        assert!(second.n > 0 && 2 * second.n + 2 == outputs, "{outputs}");
        assert_eq!(old.len(), outputs + stale, "every letter old, or stale");
        drop(second);
        assert_eq!(
            snapshot(dir.path()),
            old,
            "a run not committed leaves nothing"
        );
        for step in [1, outputs / 2, outputs, outputs + 1, outputs + stale] {
            let l = letters(dir.path(), 25, true);
            let refused = crate::fsx::commit_with(
                l.outputs,
                &l.stale.remove,
                &mut crate::fsx::Refusing::at(&[step]),
            );
            let err = refused.unwrap_err();
            assert!(err.downcast_ref::<crate::fsx::FsError>().unwrap().unchanged);
            assert_eq!(snapshot(dir.path()), old, "refused at step {step}");
        }
        let l = letters(dir.path(), 25, true);
        let stale_names: Vec<_> = (l.stale.remove.iter())
            .map(|p| p.file_name().unwrap())
            .collect();
        commit_and_remove(l.outputs, &l.stale.remove).unwrap();
        let new = snapshot(dir.path());
        assert_eq!(new.len(), outputs);
        assert!(stale_names
            .iter()
            .all(|n| !new.contains_key(&*n.to_string_lossy())));
        // Every letter kept is new: more days late, or no longer missing but late.
        let changed = new.iter().filter(|(k, v)| old.get(*k) != Some(v)).count();
        assert_eq!(changed, outputs);
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
