//! `bdg consolidate`: the workbook, the Word report for the ministry and its plain-text
//! companion, and a summary.

use super::CycleArgs;
use crate::consolidate::Consolidation;
use crate::cycle;
use crate::emit;
use crate::fsx::{ensure_dir, unchanged, write_failed, write_pending, Pending};
use crate::lang::Lang;
use crate::output::{self, Format, Global};
use crate::render::{docx, plain, report_doc, xlsx};
use crate::report::Row;
use crate::Outcome;
use anyhow::{Context, Result};
use std::borrow::Cow;
use std::path::PathBuf;

/// `consolidate --format`: the summary for people or for scripts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum SummaryFormat {
    /// A table for people (bảng)
    #[default]
    Table,
    /// JSON for scripts
    Json,
}

/// `bdg consolidate`'s arguments.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Ví dụ / example:\n  bdg consolidate --plan plans/ninh-thuan-2021.yaml --period 2021-H1 \
                        --reports examples/reports/2021-H1 --out out --as-of 20/06/2021\n\n\
                        Ghi ra / writes: OUT/PLAN_PERIOD.xlsx, OUT/PLAN_PERIOD.docx, OUT/PLAN_PERIOD.txt"
)]
pub struct Args {
    #[command(flatten)]
    pub cycle: CycleArgs,
    /// Thư mục ghi sổ Excel và báo cáo / where the workbook and the report are written
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    #[arg(long, value_enum, default_value_t = SummaryFormat::Table)]
    pub format: SummaryFormat,
}

/// Builds the cycle, writes the workbook, the Word report for the ministry and its text,
/// and prints the summary.
pub fn run(a: Args, g: &Global) -> Result<Outcome> {
    super::with_cycle(&a.cycle, g, Some(&a.out), |c, sources| {
        write_outputs(&a, c, sources, g)
    })
}

fn write_outputs(
    a: &Args,
    c: &cycle::Cycle,
    sources: &super::Sources,
    g: &Global,
) -> Result<Outcome> {
    let lang = g.lang;
    let paths = Paths::of(a, c, lang)?;
    // Until the three outputs are put in place together, a failure leaves every one of them as
    // it was, and says so (`fsx::unchanged`).
    let mut book = xlsx::Book::new_in(c, lang, xlsx::MAX_SHEET_ROWS, Some(&a.out))
        .map_err(|e| unchanged(write_failed(&paths.xlsx, &e.into())))?;
    let n = c.figures_files().count() as u64;
    let bar = output::progress(g, n, lang.pick("ghi sổ Excel", "writing the workbook"));
    // The details go to the workbook's temporary files as they are counted: a panic there (a
    // full disk) fails the workbook, as one error.
    let k = crate::isolate::quietly(|| {
        stream(c, sources, (&mut book, &paths.xlsx), lang, &|| bar.inc(1))
    })
    .unwrap_or_else(|what| Err(write_failed(&paths.xlsx, &anyhow::anyhow!(what))))
    .map_err(unchanged)?;
    bar.finish_and_clear();
    write_documents(&k, book, lang, &paths)?;
    let format = match a.format {
        SummaryFormat::Table => Format::Table,
        SummaryFormat::Json => Format::Json,
    };
    emit::emit(&super::consolidate_summary::view(&k, lang), format, lang)?;
    let (x, d, t) = (
        paths.xlsx.display(),
        paths.docx.display(),
        paths.txt.display(),
    );
    output::note(
        g,
        lang.pick(
            &format!("Đã ghi {x}, {d} và {t}"),
            &format!("Wrote {x}, {d} and {t}"),
        ),
    );
    Ok(Outcome::flagged_if(k.flagged()))
}

/// The consolidation, streamed: the cycle was built from the reports' identities, dates and
/// counts (read without their rows); the files whose figures count are read a second time,
/// in the workbook's order, on the second core, and each one's rows are counted and written
/// into the workbook's details as they come, then dropped. Memory stays bounded by the plan
/// and the number of files, not by the rows. `done` is called after each file (a progress bar).
fn stream<'c>(
    c: &'c cycle::Cycle<'c>,
    sources: &super::Sources,
    (book, xlsx_path): (&mut xlsx::Book, &std::path::Path),
    lang: Lang,
    done: &dyn Fn(),
) -> Result<Consolidation<'c>> {
    let files: Vec<&std::path::Path> = c
        .figures_files()
        .map(|f| {
            sources
                .path(f, &c.reports)
                .expect("a report whose figures count was read from a file")
        })
        .collect();
    std::thread::scope(|s| {
        let ahead = crate::report::read_ahead(s, files, c.plan, &sources.opts);
        let rows_of = |f: usize| -> Result<Cow<'c, [Row]>> {
            let first = &c.reports[f];
            done();
            match ahead.recv() {
                Ok(again) if first.same_reading(&again) => Ok(Cow::Owned(again.rows)),
                Ok(again) if !again.usable() => Err(unreadable_again(&again, lang)),
                _ => Err(changed_while_read(&first.file, lang)),
            }
        };
        crate::consolidate::fold(c, rows_of, |d| {
            (book.detail(d)).map_err(|e| write_failed(xlsx_path, &e.into()))
        })
    })
}

/// A file whose figures count that could not be read the second time (removed, made
/// unreadable, grown past the limit): why, from its own diagnostic.
fn unreadable_again(again: &crate::report::Report, lang: Lang) -> anyhow::Error {
    let why = (again.diagnostics.iter())
        .find(|d| d.is_error())
        .map(|d| d.message(lang))
        .unwrap_or_default();
    let file = &again.file;
    anyhow::anyhow!(
        "{}",
        lang.pick(
            &format!("không đọc lại được {file}: {why}; không ghi gì"),
            &format!("cannot read {file} again: {why}; nothing written"),
        )
    )
}

/// A file whose figures count read differently the second time: saved over while bdg ran.
fn changed_while_read(file: &str, lang: Lang) -> anyhow::Error {
    anyhow::anyhow!(
        "{}",
        lang.pick(
            &format!(
                "tệp {file} đã thay đổi trong khi bdg đang đọc; không ghi gì, hãy chạy lại lệnh"
            ),
            &format!(
                "{file} changed while bdg was reading it; nothing written, run the command again"
            ),
        )
    )
}

/// Where the three documents go: `OUT/PLAN_PERIOD[_en].{xlsx,docx,txt}`, with the output
/// folder's lock held until they are written.
struct Paths {
    xlsx: PathBuf,
    docx: PathBuf,
    txt: PathBuf,
    _lock: crate::fsx::OutDir,
}

impl Paths {
    /// The paths for `c` in `lang`, once the plan's and the period's ids are checked as parts
    /// of a file name and the folder exists.
    fn of(a: &Args, c: &cycle::Cycle, lang: Lang) -> Result<Self> {
        let suffix = match lang {
            Lang::Vi => "",
            Lang::En => "_en",
        };
        super::check_file_parts(&[("plan", &c.plan.meta.id), ("period", &c.period.id)], lang)?;
        let stem = format!("{}_{}{suffix}", c.plan.meta.id, c.period.id);
        let lock = ensure_dir(&a.out)?;
        let paths = Paths {
            xlsx: a.out.join(format!("{stem}.xlsx")),
            docx: a.out.join(format!("{stem}.docx")),
            txt: a.out.join(format!("{stem}.txt")),
            _lock: lock,
        };
        for p in [&paths.xlsx, &paths.docx, &paths.txt] {
            crate::fsx::check_replaceable(p)?;
        }
        Ok(paths)
    }
}

/// Writes the workbook, the Word report and its text: each to its temporary file, the reports
/// on the second core while the workbook is compressed; then, only when all three are written,
/// puts them in place. A failure in any leaves all three as they were.
fn write_documents(k: &Consolidation, book: xlsx::Book, lang: Lang, paths: &Paths) -> Result<()> {
    let (workbook, documents) = std::thread::scope(|s| {
        let documents = s.spawn(|| -> Result<(Pending, Pending)> {
            // A panic while the document is built fails the Word report, as one error.
            let doc = crate::isolate::quietly(|| report_doc::build(k, lang))
                .map_err(|what| write_failed(&paths.docx, &anyhow::anyhow!(what)))?;
            // Straight into their files: neither report is ever held whole.
            let word = write_pending(&paths.docx, |f| {
                docx::write(&doc, std::io::BufWriter::new(f))
                    .context("cannot build the Word report")
            })?;
            let text = write_pending(&paths.txt, |f| {
                plain::write(&doc, std::io::BufWriter::new(f))
                    .context("cannot write the text report")
            })?;
            Ok((word, text))
        });
        let workbook = write_pending(&paths.xlsx, |f| {
            let mut wb = book.finish(k).context("cannot build the workbook")?;
            wb.save_to_writer(std::io::BufWriter::new(f))
                .context("cannot build the workbook")
        });
        let documents = documents
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (workbook, documents)
    });
    // The workbook's failure first: it is the main output.
    let workbook = workbook.map_err(unchanged)?;
    let (word, text) = documents.map_err(unchanged)?;
    crate::fsx::commit_together(vec![workbook, word, text])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Report;
    use std::path::Path;

    /// The example cycle copied to a folder of its own, read as `consolidate` reads it
    /// (`read_reports`: without rows).
    fn cycle_in(dir: &Path) -> (crate::plan::Plan, Vec<Report>, super::super::Sources) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for e in std::fs::read_dir(root.join("examples/reports/2021-H1")).unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
        let plan = crate::plan::load(&root.join("plans/ninh-thuan-2021.yaml"))
            .unwrap()
            .0;
        let g = Global {
            lang: Lang::En,
            quiet: true,
            verbose: 0,
            color_out: false,
            color_err: false,
            today: chrono::NaiveDate::from_ymd_opt(2021, 6, 20).unwrap(),
        };
        let (reports, sources) =
            super::super::read_reports(&[dir.to_path_buf()], None, &plan, &g, None).unwrap();
        (plan, reports, sources)
    }

    #[test]
    fn a_file_saved_over_between_the_two_readings_stops_the_run_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let (plan, reports, sources) = cycle_in(dir.path());
        let as_of = chrono::NaiveDate::from_ymd_opt(2021, 6, 20).unwrap();
        let c = cycle::build(&plan, &plan.periods[0], reports, as_of);
        let run = || {
            let mut book = xlsx::Book::new(&c, Lang::En, xlsx::MAX_SHEET_ROWS).unwrap();
            let xlsx = Path::new("x.xlsx");
            stream(&c, &sources, (&mut book, xlsx), Lang::En, &|| {}).map(|_| ())
        };
        assert!(run().is_ok());

        // An agency saves a corrected figure after the first reading.
        let snv = dir.path().join("SNV_2021-H1.csv");
        let text = std::fs::read_to_string(&snv).unwrap();
        std::fs::write(&snv, text.replacen(",3,", ",4,", 1)).unwrap();
        let changed = run().expect_err("a changed file must stop the run");
        assert!(changed.to_string().contains("SNV_2021-H1.csv"), "{changed}");

        // Or only moves its rows down a line: the figures are the same, their lines are not.
        std::fs::write(&snv, text.replacen('\n', "\n\n", 1)).unwrap();
        assert!(run().is_err());

        // Or removes the file: the reason is said, not a change.
        std::fs::remove_file(&snv).unwrap();
        let gone = run().expect_err("a removed file must stop the run");
        assert!(gone.to_string().contains("SNV_2021-H1.csv"), "{gone}");
        let again = crate::report::read_path(&snv, &plan, &sources.opts);
        assert_eq!(
            gone.to_string(),
            unreadable_again(&again, Lang::En).to_string()
        );
        assert_ne!(gone.to_string(), changed.to_string());
    }
}
