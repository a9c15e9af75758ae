//! `bdg consolidate`: the workbook, the Word report for the ministry and its plain-text
//! companion, and a summary.

use super::CycleArgs;
use crate::consolidate::consolidate;
use crate::cycle;
use crate::fsx::{ensure_dir, write_atomic, write_atomic_with};
use crate::number::{group, percent};
use crate::output::{self, Global};
use crate::render::{docx, plain, report_doc, xlsx};
use crate::Outcome;
use anyhow::{Context, Result};
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
    super::with_cycle(&a.cycle, g, Some(&a.out), |c| write_outputs(&a, c, g))
}

fn write_outputs(a: &Args, c: &cycle::Cycle, g: &Global) -> Result<Outcome> {
    let k = consolidate(c);
    let lang = g.lang;
    let suffix = match lang {
        crate::lang::Lang::Vi => "",
        crate::lang::Lang::En => "_en",
    };
    super::check_file_parts(&[("plan", &c.plan.meta.id), ("period", &c.period.id)], lang)?;
    let stem = format!("{}_{}{suffix}", c.plan.meta.id, c.period.id);
    let _out = ensure_dir(&a.out)?;
    let xlsx_path = a.out.join(format!("{stem}.xlsx"));
    let txt_path = a.out.join(format!("{stem}.txt"));
    let docx_path = a.out.join(format!("{stem}.docx"));
    // Both cores: the Word report and its text are built while the workbook is written and
    // compressed (each output on its own; the bytes do not depend on the order).
    let (workbook, documents) = std::thread::scope(|s| {
        let documents = s.spawn(|| -> Result<(String, Vec<u8>)> {
            let doc = report_doc::build(&k, lang);
            let text = plain::render(&doc);
            let word = docx::render(&doc).context("cannot build the Word report")?;
            Ok((text, word))
        });
        let workbook = write_atomic_with(&xlsx_path, |f| {
            xlsx::write_workbook(&k, lang, std::io::BufWriter::new(f))
                .context("cannot build the workbook")
        });
        let documents = documents
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (workbook, documents)
    });
    let (text, word) = documents?;
    workbook?;
    write_atomic(&txt_path, text.as_bytes())?;
    write_atomic(&docx_path, &word)?;

    match a.format {
        SummaryFormat::Json => {
            let json = super::consolidate_json::Summary::of(&k, lang);
            output::print(&(serde_json::to_string_pretty(&json)? + "\n"))?
        }
        SummaryFormat::Table => {
            let n = &k.counts;
            let t = &k.totals;
            let l = |vi: &'static str, en: &'static str| lang.pick(vi, en);
            let mut tb = output::table(vec![l("Chỉ tiêu", "Item"), l("Giá trị", "Value")]);
            let mut rows: Vec<(&str, String)> = vec![
                (
                    l("Kỳ báo cáo", "Period"),
                    format!("{} ({})", c.period.name_in(lang), c.period.id),
                ),
                (
                    l("Tính đến ngày", "As of"),
                    c.as_of.format("%d/%m/%Y").to_string(),
                ),
                (l("Phải báo cáo", "Expected"), n.expected.to_string()),
                (
                    l("Đã báo cáo", "Reported"),
                    format!("{} ({})", n.reported, percent(n.reporting_rate(), lang)),
                ),
                (
                    l("Đúng hạn", "On time"),
                    format!("{} ({})", n.on_time, percent(n.on_time_rate(), lang)),
                ),
                (l("Trễ hạn", "Late"), n.late.to_string()),
                (l("Chưa nộp", "Missing"), n.missing.to_string()),
                (l("Đã nộp, bị loại", "Rejected"), n.rejected.to_string()),
                (l("Chưa đến hạn", "Pending"), n.pending.to_string()),
                (l("Số hoạt động", "Activities"), group(t.activities, lang)),
                (
                    l("Người tham gia nữ / nam", "Participants female / male"),
                    format!(
                        "{} / {} ({} {})",
                        group(t.participants_female, lang),
                        group(t.participants_male, lang),
                        t.female_share()
                            .map(|s| percent(s, lang))
                            .unwrap_or_else(|| "—".into()),
                        l("nữ", "female")
                    ),
                ),
                (
                    l("Kinh phí (đồng)", "Budget (VND)"),
                    group(t.budget_vnd, lang),
                ),
                (
                    l("Dòng bị loại", "Rows excluded"),
                    crate::consolidate::excluded_counts(c).0.to_string(),
                ),
                (
                    l("Tệp bị loại", "Files excluded"),
                    crate::consolidate::excluded_counts(c).1.to_string(),
                ),
            ];
            let skipped: Vec<String> = c
                .reports
                .iter()
                .filter(|r| r.is_folder_notice())
                .map(|r| r.file.clone())
                .collect();
            if !skipped.is_empty() {
                rows.push((
                    l(
                        "Thư mục bỏ qua (kết quả của bdg)",
                        "Folders skipped (bdg outputs)",
                    ),
                    skipped.join(", "),
                ));
            }
            for (k2, v) in rows {
                tb.add_row(vec![k2.to_string(), v]);
            }
            // Indicators against their targets (issue 14).
            for (k2, v) in crate::render::report_indicators::summary_rows(&k, lang) {
                tb.add_row(vec![k2, v]);
            }
            output::print(&format!("{tb}\n"))?;
        }
    }
    output::note(
        g,
        lang.pick(
            &format!(
                "Đã ghi {}, {} và {}",
                xlsx_path.display(),
                docx_path.display(),
                txt_path.display()
            ),
            &format!(
                "Wrote {}, {} and {}",
                xlsx_path.display(),
                docx_path.display(),
                txt_path.display()
            ),
        ),
    );
    Ok(Outcome::flagged_if(k.flagged()))
}
