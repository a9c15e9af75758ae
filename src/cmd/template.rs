//! `bdg template`: one pre-filled report file per expected agency (or the ones named).

use super::PlanArg;
use crate::fsx::{ensure_plain_dir, write_atomic};
use crate::output::{self, Global};
use crate::render::template;
use crate::Outcome;
use anyhow::Result;
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum TemplateFormat {
    #[default]
    Xlsx,
    Csv,
}

#[derive(clap::Args, Debug)]
#[command(
    after_help = "Ví dụ / example:\n  bdg template --plan plans/ninh-thuan-2021.yaml --period 2021-H1 --out mau\n  \
                        bdg template --plan plans/ninh-thuan-2021.yaml --period 2021-H1 --out mau --format csv --agency SYT --agency \"Báo Ninh Thuận\""
)]
pub struct Args {
    #[command(flatten)]
    pub plan: PlanArg,
    /// Mã kỳ báo cáo / the period id, e.g. 2021-H1
    #[arg(long, value_name = "ID")]
    pub period: String,
    /// Thư mục ghi mẫu / where the templates are written
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    #[arg(long, value_enum, default_value_t = TemplateFormat::Xlsx)]
    pub format: TemplateFormat,
    /// Chỉ các đơn vị này (mã, tên hoặc tên viết tắt); có thể lặp lại / only these agencies
    #[arg(long, value_name = "ID-OR-NAME")]
    pub agency: Vec<String>,
}

pub fn run(a: Args, g: &Global) -> Result<Outcome> {
    let lang = g.lang;
    let plan = super::load_plan(&a.plan.plan, g)?;
    let period = &plan.periods[super::find_period(&plan, &a.period, lang)?];
    let agencies: Vec<usize> = if a.agency.is_empty() {
        period.reporters.clone()
    } else {
        let mut v = Vec::new();
        for name in &a.agency {
            v.push(super::find_agency(&plan, name, lang)?);
        }
        v
    };
    let mut parts = vec![("period", period.id.as_str())];
    parts.extend(
        agencies
            .iter()
            .map(|&ag| ("agency", plan.agencies[ag].id.as_str())),
    );
    super::check_file_parts(&parts, lang)?;
    // No output marker: the folder is zipped and mailed as it is, and filled-in files saved
    // back into it must stay visible to a search for reports.
    ensure_plain_dir(&a.out)?;
    let mut kept = Vec::new();
    for &ag in &agencies {
        let (bytes, ext) = match a.format {
            TemplateFormat::Xlsx => (template::xlsx(&plan, period, ag, lang)?, "xlsx"),
            TemplateFormat::Csv => (template::csv(&plan, period, ag, lang), "csv"),
        };
        let name = template::file_name(&plan, period, ag, ext);
        let path = a.out.join(&name);
        if !replaceable(&path, &bytes, &plan) {
            kept.push(path);
            continue;
        }
        write_atomic(&path, &bytes)?;
        // The indicator part of a CSV template is a companion file (issue 14).
        if let (TemplateFormat::Csv, Some(ind)) =
            (a.format, template::indicators::csv(&plan, period, ag, lang))
        {
            let companion = a.out.join(template::indicators::csv_name(&name));
            if replaceable(&companion, &ind, &plan) {
                write_atomic(&companion, &ind)?;
            } else {
                kept.push(companion);
            }
        }
    }
    let written = agencies.len() - kept.len();
    output::note(
        g,
        lang.pick(
            &format!("Đã ghi {written} mẫu báo cáo vào {}", a.out.display()),
            &format!(
                "Wrote {written} report {} to {}",
                crate::number::plural(written, "template", "templates"),
                a.out.display()
            ),
        ),
    );
    if !kept.is_empty() {
        let list: Vec<String> = kept.iter().map(|p| format!("  {}", p.display())).collect();
        output::note(
            g,
            lang.pick(
                &format!(
                    "Giữ nguyên {} tệp đã có (đã điền hoặc không phải mẫu của bdg):\n{}",
                    kept.len(),
                    list.join("\n")
                ),
                &format!(
                    "Kept {} existing files (filled in, or not a bdg template):\n{}",
                    kept.len(),
                    list.join("\n")
                ),
            ),
        );
    }
    Ok(Outcome::Clean)
}

/// An existing file may be replaced only when it is what bdg itself writes there: the same
/// bytes, or a template nobody filled in (read as a report: one `empty-report` error, no
/// row). A filled-in report, or any other file, is kept.
fn replaceable(path: &std::path::Path, new: &[u8], plan: &crate::plan::Plan) -> bool {
    let Ok(old) = std::fs::read(path) else {
        // Absent (or unreadable: writing would fail and say why).
        return !path.exists();
    };
    if old == new {
        return true;
    }
    let name = path.display().to_string();
    let r = crate::report::read(&old, &name, plan, &Default::default());
    r.rows.is_empty()
        && r.diagnostics.iter().any(|d| {
            use crate::diag::Kind::{EmptyIndicators, EmptyReport};
            matches!(d.kind, EmptyReport { .. } | EmptyIndicators { .. })
        })
}
