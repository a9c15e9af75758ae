//! `bdg plan check PLAN [--format table|json]`, and the `plan` subcommands' arguments
//! (`plan show` is in `plan_show.rs`, `plan import` in `plan_import.rs`).

use crate::diag::count;
use crate::emit::{self, Listing, View};
use crate::output::{self, Format, Global};
use crate::plan::LoadError;
use crate::Outcome;
use anyhow::Result;
use serde_json::Value;
use std::path::PathBuf;

/// `plan check --format`: the plan's diagnostics for people (stderr) or for scripts (stdout).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum CheckFormat {
    /// Diagnostics and the verdict on stderr, for people
    #[default]
    Table,
    /// `{"valid": …, "diagnostics": […]}` on stdout, for scripts
    Json,
}

/// `plan check --format json`.
#[derive(serde::Serialize)]
struct PlanCheckJson {
    diagnostics: Vec<Value>,
    valid: bool,
}

/// `bdg plan`'s subcommands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Kiểm tra kế hoạch; mã thoát 0 hợp lệ, 1 có lỗi, 2 không đọc được
    /// / validate a plan: exit 0 valid, 1 invalid, 2 unreadable
    ///
    /// Ví dụ / example: bdg plan check plans/ninh-thuan-2021.yaml
    Check {
        /// Tệp kế hoạch / the plan file
        plan: PathBuf,
        /// Dạng in ra: bảng (chẩn đoán ra stderr) hoặc json / output format: table (diagnostics
        /// on stderr) or json (on stdout)
        #[arg(long, value_enum, default_value_t = CheckFormat::Table)]
        format: CheckFormat,
    },
    /// In cây nhiệm vụ, hoặc nhiệm vụ của một đơn vị / print the plan's tree or one agency's tasks
    ///
    /// Ví dụ / example: bdg plan show plans/ninh-thuan-2021.yaml --agency "Sở Y tế"
    Show {
        /// Tệp kế hoạch / the plan file
        plan: PathBuf,
        /// Mã, tên hoặc tên viết tắt của đơn vị / agency id, name or alias
        #[arg(long, value_name = "ID-OR-NAME")]
        agency: Option<String>,
        /// Chỉ in các chỉ tiêu (bảng, CSV) / only the indicators (table, CSV)
        #[arg(long)]
        indicators: bool,
        /// Dạng in ra / output format
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Bản nháp kế hoạch từ văn bản đã ban hành (.docx, .txt), có '# TODO' chỗ chưa rõ
    /// / a draft plan from the plan as issued (.docx, .txt), with '# TODO' where it is unclear
    ///
    /// Ví dụ / example: bdg plan import ke-hoach-2021.docx --out plans/draft.yaml
    Import(super::plan_import::Args),
}

/// Runs one `plan` subcommand.
pub fn run(cmd: Command, g: &Global) -> Result<Outcome> {
    match cmd {
        Command::Check { plan, format } => check(&plan, format, g),
        Command::Show {
            plan,
            agency,
            indicators,
            format,
        } => {
            let p = super::load_plan(&plan, g)?;
            let what = super::plan_show::What {
                agency: agency.as_deref(),
                indicators_only: indicators,
            };
            super::plan_show::show(&p, what, format, g)
        }
        Command::Import(a) => super::plan_import::run(a, g),
    }
}

/// `plan check`: the plan's diagnostics on stderr and a one-line verdict; exit 1 when invalid,
/// 2 when it cannot be read (a path that is not a regular file: its diagnostic, in the JSON too).
fn check(path: &std::path::Path, format: CheckFormat, g: &Global) -> Result<Outcome> {
    let loaded = crate::plan::load(path);
    if let (CheckFormat::Json, Err(LoadError::NotAFile(d))) = (format, &loaded) {
        let view = View {
            blocks: Vec::new(),
            csv: Listing::default(),
            json: PlanCheckJson {
                diagnostics: vec![d.to_json(g.lang)],
                valid: false,
            },
        };
        emit::emit(&view, Format::Json, g.lang)?;
        return Err(super::cannot_read_plan(path, g.lang));
    }
    if let (CheckFormat::Json, Ok((_, diagnostics)) | Err(LoadError::Invalid(diagnostics))) =
        (format, &loaded)
    {
        let view = View {
            blocks: Vec::new(),
            csv: Listing::default(),
            json: PlanCheckJson {
                diagnostics: diagnostics.iter().map(|d| d.to_json(g.lang)).collect(),
                valid: loaded.is_ok(),
            },
        };
        emit::emit(&view, Format::Json, g.lang)?;
        return Ok(Outcome::flagged_if(loaded.is_err()));
    }
    match loaded {
        Err(LoadError::Io(name, e)) => Err(super::plan_read_error(path, &name, &e, g.lang)),
        Err(LoadError::NotAFile(d)) => Err(super::plan_not_a_file(path, &d, g)),
        Err(LoadError::Invalid(diags)) => {
            output::print_diagnostics(g, &diags);
            let (e, w) = count(&diags);
            output::note(
                g,
                g.lang.pick(
                    &format!("{}: KHÔNG HỢP LỆ — {e} lỗi, {w} cảnh báo", path.display()),
                    &format!(
                        "{}: INVALID — {}, {}",
                        path.display(),
                        crate::number::counted(e, "error", "errors"),
                        crate::number::counted(w, "warning", "warnings")
                    ),
                ),
            );
            Ok(Outcome::Flagged)
        }
        Ok((plan, warnings)) => {
            output::print_diagnostics(g, &warnings);
            let sections = plan
                .tasks
                .iter()
                .fold(Vec::<(&str, usize)>::new(), |mut acc, t| {
                    match acc.last_mut() {
                        Some((s, n)) if *s == t.section => *n += 1,
                        _ => acc.push((&t.section, 1)),
                    }
                    acc
                });
            let by_section: Vec<String> =
                sections.iter().map(|(s, n)| format!("{s}: {n}")).collect();
            let (file, agencies, periods, tasks) = (
                path.display(),
                plan.agencies.len(),
                plan.periods.len(),
                plan.tasks.len(),
            );
            let (sections, warnings) = (by_section.join(", "), warnings.len());
            let indicators = plan.indicators.len();
            let counted = crate::number::counted;
            let agencies_en = counted(agencies, "agency", "agencies");
            let periods_en = counted(periods, "period", "periods");
            let tasks_en = counted(tasks, "task", "tasks");
            let indicators_en = counted(indicators, "indicator", "indicators");
            let warnings_en = crate::number::counted(warnings, "warning", "warnings");
            let msg = crate::t!(
                "{file}: hợp lệ — {agencies} đơn vị, {periods} kỳ báo cáo, {tasks} nhiệm vụ ({sections}), {indicators} chỉ tiêu, {warnings} cảnh báo",
                "{file}: valid — {agencies_en}, {periods_en}, {tasks_en} ({sections}), {indicators_en}, {warnings_en}"
            );
            output::note(g, msg.get(g.lang));
            Ok(Outcome::Clean)
        }
    }
}
