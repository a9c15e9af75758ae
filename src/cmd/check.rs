//! `bdg check --plan P FILES-OR-DIRS…`: read every report and print its diagnostics.

use super::PlanArg;
use crate::diag::Diagnostic;
use crate::output::{self, csv_safe, Format, Global};
use crate::report::Report;
use crate::Outcome;
use anyhow::Result;
use serde_json::json;
use std::fmt::Write as _;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
#[command(
    after_help = "Ví dụ / example:\n  bdg check --plan plans/ninh-thuan-2021.yaml examples/reports/2021-H1\n  \
                        bdg check --plan plans/ninh-thuan-2021.yaml --format json bao-cao/*.csv"
)]
pub struct Args {
    #[command(flatten)]
    pub plan: PlanArg,
    /// Tệp hoặc thư mục báo cáo (.csv, .txt; thư mục đọc đệ quy) / report files or directories
    #[arg(required = true, value_name = "FILES-OR-DIRS")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Bỏ qua việc đoán mã ký tự / force an encoding: utf-8, utf-16le, utf-16be, windows-1258
    #[arg(long, value_name = "ENCODING")]
    pub encoding: Option<String>,
}

pub fn run(a: Args, g: &Global) -> Result<Outcome> {
    let plan = super::load_plan(&a.plan.plan, g)?;
    // check needs the diagnostics and the counts, not the rows: memory stays bounded.
    let reports = super::read_reports(&a.paths, a.encoding.as_deref(), &plan, g, false, None)?;
    let diags: Vec<&Diagnostic> = reports.iter().flat_map(|r| &r.diagnostics).collect();
    // Files read: a note about a skipped folder is not one.
    let files = reports.iter().filter(|r| !r.is_folder_notice()).count();
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let rows: usize = reports.iter().map(Report::rows_counted).sum();
    let excluded: usize = reports.iter().map(Report::excluded_rows).sum();
    let lang = g.lang;
    match a.format {
        Format::Json => {
            let v = json!({
                "files": files,
                "rows": rows,
                "rows_excluded": excluded,
                "diagnostics": diags.iter().map(|d| d.to_json(lang)).collect::<Vec<_>>(),
                "reports": reports.iter().filter(|r| !r.is_folder_notice()).map(|r| json!({
                    "file": r.file,
                    "agency": r.agency.map(|i| &plan.agencies[i].id),
                    "period": r.period,
                    "submitted_on": r.submitted_on.map(|d| d.to_string()),
                    "encoding": r.encoding,
                    "delimiter": r.delimiter.map(String::from),
                    "rows": r.rows_counted(),
                    "rows_excluded": r.excluded_rows(),
                    "usable": r.usable(),
                })).collect::<Vec<_>>(),
            });
            output::print(&(serde_json::to_string_pretty(&v)? + "\n"))?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record([
                "file", "line", "column", "severity", "code", "message", "hint",
            ])?;
            for d in &diags {
                let sev = if d.is_error() { "error" } else { "warning" };
                // Quoted report text may hold control characters: shown, never sent raw.
                let shown = |s: &str| crate::text::for_message(s);
                w.write_record([
                    csv_safe(&shown(&d.file)).as_ref(),
                    &d.line.map(|x| x.to_string()).unwrap_or_default(),
                    &d.column.map(|x| x.to_string()).unwrap_or_default(),
                    sev,
                    d.code().as_str(),
                    &csv_safe(&shown(&d.message(lang))),
                    &csv_safe(&shown(&d.hint_text(lang).unwrap_or_default())),
                ])?;
            }
            output::print(std::str::from_utf8(&w.into_inner()?)?)?;
        }
        Format::Table => {
            let mut out = String::new();
            for r in &reports {
                let who = match r.agency {
                    Some(i) => crate::text::visible(&format!(
                        "{} ({})",
                        plan.agencies[i].name, plan.agencies[i].id
                    ))
                    .into_owned(),
                    None => "?".into(),
                };
                let date = r
                    .submitted_on
                    .map(|d| d.format("%d/%m/%Y").to_string())
                    .unwrap_or_else(|| "?".into());
                let verdict = if !r.usable() {
                    lang.pick("BỊ LOẠI", "EXCLUDED").to_string()
                } else if r.errors() > 0 {
                    let n = r.excluded_rows();
                    lang.pick(
                        &format!("CÓ LỖI — {n} dòng bị loại"),
                        &format!("ERRORS — {n} rows excluded"),
                    )
                    .to_string()
                } else {
                    lang.pick("HỢP LỆ", "OK").to_string()
                };
                // An indicator table's rows are indicators (issue 14).
                let (n, what) = if r.indicators_only {
                    let n = if r.usable() { r.indicators.len() } else { 0 };
                    (
                        n,
                        lang.pick("dòng chỉ tiêu nhận", "indicator rows accepted"),
                    )
                } else {
                    (r.rows_counted(), lang.pick("dòng nhận", "rows accepted"))
                };
                let _ = writeln!(
                    out,
                    "{}: {who}, {}, {date} — {n} {what} — {verdict}",
                    crate::text::visible(&r.file),
                    r.period.as_deref().unwrap_or("?"),
                );
                if g.verbose > 0 {
                    let _ = writeln!(
                        out,
                        "    {}: {}, {}: {:?}",
                        lang.pick("mã ký tự", "encoding"),
                        r.encoding,
                        lang.pick("dấu phân cách", "delimiter"),
                        r.delimiter.unwrap_or('?')
                    );
                }
                for d in &r.diagnostics {
                    if g.quiet && !d.is_error() {
                        continue;
                    }
                    for line in d.render(lang, g.color_out).lines() {
                        let _ = writeln!(out, "    {line}");
                    }
                }
            }
            let warnings = diags.len() - errors;
            let _ = writeln!(
                out,
                "{}",
                lang.pick(
                    &format!("Tổng: {} tệp, {rows} dòng nhận, {excluded} dòng bị loại, {errors} lỗi, {warnings} cảnh báo", files),
                    &format!("Total: {} files, {rows} rows accepted, {excluded} rows excluded, {errors} errors, {warnings} warnings", files),
                )
            );
            output::print(&out)?;
        }
    }
    Ok(Outcome::flagged_if(errors > 0))
}
