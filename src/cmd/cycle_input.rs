//! The cycle helper: the plan, reports and as-of date named on the command line read and
//! checked, the cycle built, what changes a verdict said on the spot.

use super::{find_period, load_plan, read_reports, skipped_notices, CycleArgs, Sources};
use crate::output::{self, Global};
use crate::plan::Plan;
use anyhow::Result;
use std::path::{Path, PathBuf};

/// Reads the plan, the reports and the as-of date named on the command line, builds the cycle,
/// notes the reports' own errors on stderr, and hands the cycle to the command. `outputs`, the
/// command's own `--out`, is never read as reports.
pub fn with_cycle<T>(
    a: &CycleArgs,
    g: &Global,
    outputs: Option<&Path>,
    f: impl FnOnce(&crate::cycle::Cycle, &Sources) -> Result<T>,
) -> Result<T> {
    let input = CycleInput::read(a, g, outputs)?;
    let c = crate::cycle::build(
        &input.plan,
        &input.plan.periods[input.period],
        input.reports,
        input.as_of,
    );
    // What changes a verdict or which figures count is said on the spot.
    let verdicts: Vec<_> = (c.notices.iter())
        .filter(|d| d.kind.changes_a_verdict())
        .cloned()
        .collect();
    output::print_diagnostics(g, &verdicts);
    output::print_diagnostics(g, &skipped_notices(&c.reports));
    // The errors `check` shows of this period's files: their own, and two different reports
    // of an agency on one date (`conflict`, which `check` finds too). The cycle's other errors
    // (a report before the window, another period's file) were said just above, and `check`,
    // knowing no period, would not show them.
    let conflicts = (c.notices.iter())
        .filter(|d| d.code() == crate::diag::Code::Conflict)
        .count();
    let errors = (c.relevant_reports())
        .flat_map(|(_, r)| r.diagnostics.iter())
        .filter(|d| d.is_error())
        .count()
        + conflicts;
    if errors > 0 {
        output::note(
            g,
            g.lang.pick(
                &format!(
                    "bdg: {errors} lỗi trong các tệp báo cáo; chạy 'bdg check' để xem chi tiết"
                ),
                &format!(
                    "bdg: {} in the report files; run 'bdg check' for details",
                    crate::number::counted(errors, "error", "errors")
                ),
            ),
        );
    }
    f(&c, &input.sources)
}

/// The plan, the reports and the as-of date of a cycle, read from the command line.
struct CycleInput {
    plan: Plan,
    period: usize,
    reports: Vec<crate::report::Report>,
    sources: Sources,
    as_of: chrono::NaiveDate,
}

impl CycleInput {
    fn read(a: &CycleArgs, g: &Global, outputs: Option<&Path>) -> Result<Self> {
        let lang = g.lang;
        let as_of = a.as_of(g);
        let plan = load_plan(&a.plan.plan, g)?;
        let period = find_period(&plan, &a.period, lang)?;
        for p in &a.reports {
            if !p.exists() {
                anyhow::bail!(
                    "{}",
                    lang.pick(
                        &format!("không có thư mục báo cáo {}", p.display()),
                        &format!("no report directory {}", p.display()),
                    )
                );
            }
        }
        if let Some(out) = outputs {
            refuse_out_not_a_folder(out, lang)?;
            refuse_out_in_reports(out, &a.reports, lang)?;
        }
        let (reports, sources) = read_reports(&a.reports, a.encoding, &plan, g, outputs)?;
        if outputs.is_some() && reports.iter().all(|r| r.is_folder_notice()) {
            // Nothing to write from: an empty folder must not replace good outputs.
            output::print_diagnostics(g, &skipped_notices(&reports));
            let folders = a
                .reports
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ");
            anyhow::bail!(
                "{}",
                lang.pick(
                    &format!("không tìm thấy tệp báo cáo nào trong {folders}; không ghi gì, các tệp kết quả đã có được giữ nguyên"),
                    &format!("no report file found in {folders}; nothing written, existing outputs left as they are"),
                )
            );
        }
        Ok(CycleInput {
            plan,
            period,
            reports,
            sources,
            as_of,
        })
    }
}

/// `--out` naming something that is not a folder (a file, a link to one) is refused before any
/// report is read, naming the flag.
fn refuse_out_not_a_folder(out: &Path, lang: crate::lang::Lang) -> Result<()> {
    if out.exists() && !out.is_dir() {
        let o = out.display();
        anyhow::bail!(
            "{}",
            lang.pick(
                &format!("--out {o}: đã có tệp tên này, không phải thư mục; chọn một thư mục để ghi kết quả"),
                &format!("--out {o}: a file of that name exists, not a folder; choose a folder for the outputs"),
            )
        );
    }
    Ok(())
}

/// `--out` equal to or inside a `--reports` folder is refused: its outputs would be read as
/// reports, or written over them.
fn refuse_out_in_reports(out: &Path, reports: &[PathBuf], lang: crate::lang::Lang) -> Result<()> {
    let out_abs = absolute(out);
    for r in reports.iter().filter(|r| r.is_dir()) {
        let r_abs = absolute(r);
        if out_abs.starts_with(&r_abs) {
            let (o, r) = (out.display(), r.display());
            anyhow::bail!(
                "{}",
                lang.pick(
                    &format!("--out {o} nằm trong thư mục báo cáo {r}; chọn thư mục ghi kết quả ở ngoài thư mục báo cáo"),
                    &format!("--out {o} is inside the reports folder {r}; choose an output folder outside it"),
                )
            );
        }
    }
    Ok(())
}

/// The path made absolute, with links resolved as far as it exists (the rest as written).
fn absolute(p: &Path) -> PathBuf {
    let p = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut existing = p.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return p.clone(),
        }
    }
    let mut out = std::fs::canonicalize(existing).unwrap_or_else(|_| existing.to_path_buf());
    out.extend(rest.iter().rev());
    out
}
