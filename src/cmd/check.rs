//! `bdg check --plan P FILES-OR-DIRS…`: read every report and print its diagnostics.

use super::PlanArg;
use crate::diag::{Diagnostic, Kind};
use crate::emit::{self, Block, Cell, Column, Listing, View};
use crate::lang::Lang;
use crate::output::{Format, Global};
use crate::plan::Plan;
use crate::report::Report;
use crate::Outcome;
use anyhow::Result;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::PathBuf;

/// `bdg check`'s arguments.
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
    /// Dạng in ra / output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Bỏ qua việc đoán mã ký tự / force an encoding: utf-8, utf-16le, utf-16be, windows-1258
    #[arg(long, value_name = "ENCODING", value_parser = super::parse_encoding)]
    pub encoding: Option<super::EncodingArg>,
}

/// Reads every file named, then prints what was found in the format asked for: exit 1 when
/// any file has an error.
pub fn run(a: Args, g: &Global) -> Result<Outcome> {
    let plan = super::load_plan(&a.plan.plan, g)?;
    // check needs the diagnostics and the counts, not the rows: memory stays bounded.
    let (mut files, _) = super::read_reports(&a.paths, a.encoding, &plan, g, None)?;
    mark_duplicates(&mut files);
    let sum = Summary::of(&files);
    let view = View {
        blocks: if a.format == Format::Table {
            vec![Block::Text(text(&files, &sum, &plan, g))]
        } else {
            Vec::new()
        },
        csv: if a.format == Format::Csv {
            listing(&files, g.lang)
        } else {
            Listing::default()
        },
        json: (a.format == Format::Json).then(|| CheckJson::of(&files, &sum, &plan, g.lang)),
    };
    emit::emit(&view, a.format, g.lang)?;
    Ok(Outcome::flagged_if(sum.errors > 0))
}

/// A usable file with the same content as another is a copy: it gets the warning
/// `consolidate` gives it, naming the one that counts there; of one agency and period, two
/// different files on its latest date conflict: each gets the `conflict` error `consolidate`
/// gives (neither's figures count), so `check` does not call them valid. The same choice
/// (`cycle::copies`). `check` still reads and counts a copy as a file of its own: the warning
/// says what the consolidation will do. Knowing no period or as-of date, `check` does not say
/// which files a later one supersedes.
fn mark_duplicates(files: &mut [Report]) {
    // Indicator companions are left out, as the cycle leaves them out of its copies: of an
    // agency's companions the latest counts, copy or not (see `indicators.rs`).
    let candidates = (0..files.len())
        .filter(|&i| files[i].usable() && !files[i].indicators_only)
        .collect();
    let sorted = crate::cycle::copies(files, candidates);
    for (copy, original) in sorted.copies {
        let other = files[original].file.clone();
        let d = Diagnostic::warn(&files[copy].file, Kind::DuplicateFile { other });
        files[copy].diagnostics.push(d);
    }
    for group in &sorted.conflicts {
        for &f in group {
            let d = crate::cycle::conflict(files, f, group);
            files[f].diagnostics.push(d);
        }
    }
}

/// The counts over every file read.
struct Summary {
    /// Files read (a note about a skipped folder is not one).
    files: usize,
    rows: usize,
    excluded: usize,
    errors: usize,
    warnings: usize,
}

impl Summary {
    fn of(files: &[Report]) -> Self {
        let diags = files.iter().flat_map(|r| &r.diagnostics);
        let (errors, all) = diags.fold((0, 0), |(e, n), d| (e + usize::from(d.is_error()), n + 1));
        Summary {
            files: files.iter().filter(|r| !r.is_folder_notice()).count(),
            rows: files.iter().map(Report::rows_counted).sum(),
            excluded: files.iter().map(Report::excluded_rows).sum(),
            errors,
            warnings: all - errors,
        }
    }
}

/// `check --format json`: keys in the order serde_json has always written them (sorted).
#[derive(Serialize)]
struct CheckJson<'a> {
    diagnostics: Vec<serde_json::Value>,
    files: usize,
    reports: Vec<FileJson<'a>>,
    rows: usize,
    rows_excluded: usize,
}

/// One file read, in `check --format json` (the key stays `reports`).
#[derive(Serialize)]
struct FileJson<'a> {
    agency: Option<&'a str>,
    delimiter: Option<String>,
    /// `null` where no text was decoded (a file that could not be read), as `delimiter`.
    encoding: Option<&'a str>,
    file: &'a str,
    period: Option<&'a str>,
    rows: usize,
    rows_excluded: usize,
    submitted_on: Option<String>,
    usable: bool,
}

impl<'a> CheckJson<'a> {
    fn of(files: &'a [Report], sum: &Summary, plan: &'a Plan, lang: Lang) -> Self {
        CheckJson {
            diagnostics: files
                .iter()
                .flat_map(|r| &r.diagnostics)
                .map(|d| d.to_json(lang))
                .collect(),
            files: sum.files,
            reports: files
                .iter()
                .filter(|r| !r.is_folder_notice())
                .map(|r| FileJson {
                    agency: r.agency.map(|i| plan.agencies[i].id.as_str()),
                    delimiter: r.delimiter.map(String::from),
                    encoding: Some(r.encoding).filter(|e| !e.is_empty()),
                    file: &r.file,
                    period: r.period_id(plan),
                    rows: r.rows_counted(),
                    rows_excluded: r.excluded_rows(),
                    submitted_on: r.submitted_on.map(|d| d.to_string()),
                    usable: r.usable(),
                })
                .collect(),
            rows: sum.rows,
            rows_excluded: sum.excluded,
        }
    }
}

/// `check --format csv`: one row per diagnostic.
const CSV_COLUMNS: [Column; 7] = [
    Column::new("file", "Tệp", "File"),
    Column::new("line", "Dòng", "Line"),
    Column::new("column", "Cột", "Column"),
    Column::new("severity", "Mức", "Severity"),
    Column::new("code", "Mã", "Code"),
    Column::new("message", "Nội dung", "Message"),
    Column::new("hint", "Gợi ý", "Hint"),
];

fn listing(files: &[Report], lang: Lang) -> Listing {
    let mut l = Listing::new(&CSV_COLUMNS);
    for d in files.iter().flat_map(|r| &r.diagnostics) {
        let sev = if d.is_error() { "error" } else { "warning" };
        // Quoted file text may hold control characters: shown, never sent raw.
        l.push(vec![
            Cell::Quoted(d.file.clone()),
            Cell::opt_int(d.line),
            Cell::opt_int(d.column),
            sev.into(),
            d.code().as_str().into(),
            Cell::Quoted(d.message(lang)),
            Cell::Quoted(d.hint_text(lang).unwrap_or_default()),
        ]);
    }
    l
}

/// What a person reads: one line per file, its diagnostics beneath, then the totals.
fn text(files: &[Report], sum: &Summary, plan: &Plan, g: &Global) -> String {
    let lang = g.lang;
    let mut out = String::new();
    for r in files {
        let _ = writeln!(out, "{}", file_line(r, plan, lang));
        // Only for a file that was read: an unreadable one has neither.
        if g.verbose > 0 && !r.encoding.is_empty() {
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
    let Summary {
        files,
        rows,
        excluded,
        errors,
        warnings,
    } = sum;
    let _ = writeln!(
        out,
        "{}",
        lang.pick(
            &format!("Tổng: {files} tệp, {rows} dòng nhận, {excluded} dòng bị loại, {errors} lỗi, {warnings} cảnh báo"),
            &format!(
                "Total: {}, {} accepted, {} excluded, {}, {}",
                crate::number::counted(*files, "file", "files"),
                crate::number::counted(*rows, "row", "rows"),
                crate::number::counted(*excluded, "row", "rows"),
                crate::number::counted(*errors, "error", "errors"),
                crate::number::counted(*warnings, "warning", "warnings")
            ),
        )
    );
    out
}

/// One file's line: who, which period, which date, how many rows, and the verdict.
fn file_line(r: &Report, plan: &Plan, lang: Lang) -> String {
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
    let verdict = if r.is_skipped() {
        lang.pick("BỎ QUA", "SKIPPED").to_string()
    } else if !r.usable() {
        lang.pick("BỊ LOẠI", "EXCLUDED").to_string()
    } else if r.errors() > 0 {
        let n = r.excluded_rows();
        lang.pick(
            &format!("CÓ LỖI — {n} dòng bị loại"),
            &format!(
                "ERRORS — {} excluded",
                crate::number::counted(n, "row", "rows")
            ),
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
            lang.pick(
                "dòng chỉ tiêu nhận",
                crate::number::plural(n, "indicator row accepted", "indicator rows accepted"),
            ),
        )
    } else {
        let n = r.rows_counted();
        (
            n,
            lang.pick(
                "dòng nhận",
                crate::number::plural(n, "row accepted", "rows accepted"),
            ),
        )
    };
    format!(
        "{}: {who}, {}, {date} — {n} {what} — {verdict}",
        crate::text::visible(&r.file),
        r.period_id(plan).unwrap_or("?"),
    )
}
