//! The arguments commands share and the checks on their values: `--plan`, a cycle's
//! arguments, `--encoding` and `--as-of` (clap's value parsers), a period or an agency named on
//! the command line, ids that become parts of file names.

use crate::output::Global;
use crate::plan::Plan;
use anyhow::{anyhow, Result};
use std::path::PathBuf;

/// `--plan`, shared by every command that reads reports; `BDG_PLAN` is its default.
#[derive(clap::Args, Debug, Clone)]
pub struct PlanArg {
    /// Tệp kế hoạch (YAML) / the plan file
    #[arg(long, env = "BDG_PLAN", value_name = "PLAN.yaml")]
    pub plan: PathBuf,
}

/// A period named on the command line, by id or name, matched exactly but for case and
/// diacritics (not punctuation: `../2021-H1` is not `2021-H1`); an unknown one lists the plan's.
pub fn find_period(plan: &Plan, name: &str, lang: crate::lang::Lang) -> Result<usize> {
    use crate::text::fold_marks;
    let k = fold_marks(name);
    let found = plan.periods.iter().position(|p| {
        [
            Some(p.id.as_str()),
            Some(p.name.as_str()),
            p.name_en.as_deref(),
        ]
        .into_iter()
        .flatten()
        .any(|n| fold_marks(n) == k)
    });
    found.ok_or_else(|| {
        let ids = plan.period_ids();
        let msg = crate::t!(
            "không có kỳ '{name}' trong kế hoạch; các kỳ: {ids}",
            "no period '{name}' in the plan; its periods: {ids}"
        );
        anyhow!("{}", msg.get(lang))
    })
}

/// An agency named on the command line, by id, name or alias, with a "did you mean".
pub fn find_agency(
    plan: &Plan,
    name: &str,
    lang: crate::lang::Lang,
) -> Result<crate::plan::AgencyIdx> {
    plan.find_agency(name).ok_or_else(|| {
        let mut msg = crate::t!(
            "không có đơn vị '{name}' trong kế hoạch",
            "no agency '{name}' in the plan"
        );
        if let Some(s) = crate::text::did_you_mean(name, plan.agency_spellings()) {
            msg.vi.push_str(&format!(" — có phải '{s}'?"));
            msg.en.push_str(&format!(" — did you mean '{s}'?"));
        }
        anyhow!("{}", msg.get(lang))
    })
}

/// An `--encoding` as clap parses it, before any file is read.
pub type EncodingArg = &'static encoding_rs::Encoding;

/// clap's parser for `--encoding`: an unknown name is a usage error (exit 2) listing the names
/// people use, in the language asked for (read from the arguments, as for `--as-of`).
pub fn parse_encoding(label: &str) -> std::result::Result<EncodingArg, String> {
    let lang = crate::usage::lang_of(std::env::args());
    crate::report::decode::encoding_for_label(label).ok_or_else(|| {
        let names = "utf-8, utf-16le, utf-16be, windows-1258";
        lang.pick(
            &format!("không biết mã ký tự '{label}'; dùng: {names}"),
            &format!("unknown encoding '{label}'; use: {names}"),
        )
        .to_string()
    })
}

/// clap's parser for `--as-of`: a date that is not one is a usage error (exit 2), before the
/// plan or any report is read. In the language asked for on the command line (clap parses
/// before `--lang` is known: it is read from the arguments, as for the other usage errors),
/// with the date meant when it was written month first.
pub fn parse_as_of(s: &str) -> std::result::Result<chrono::NaiveDate, String> {
    let lang = crate::usage::lang_of(std::env::args());
    crate::report::fields::parse_date(s).map_err(|_| {
        let meant = crate::report::fields::month_first(s)
            .map(|d| d.format("%d/%m/%Y").to_string())
            .map(|d| {
                lang.pick(&format!("; có phải {d}?"), &format!("; did you mean {d}?"))
                    .to_string()
            })
            .unwrap_or_default();
        lang.pick(
            &format!("'{s}' không phải ngày; cần dd/mm/yyyy hoặc yyyy-mm-dd{meant}"),
            &format!("'{s}' is not a date; expected dd/mm/yyyy or yyyy-mm-dd{meant}"),
        )
        .to_string()
    })
}

/// Checks the ids that become parts of output file names, before anything is written: an
/// unsafe one stops the command (exit 2) rather than writing outside `--out`.
pub fn check_file_parts(parts: &[(&'static str, &str)], lang: crate::lang::Lang) -> Result<()> {
    crate::ids::check_parts(parts).map_err(|e| anyhow!("{}", e.message(lang)))
}

/// What every command over one cycle takes.
#[derive(clap::Args, Debug, Clone)]
pub struct CycleArgs {
    #[command(flatten)]
    pub plan: PlanArg,
    /// Mã kỳ báo cáo trong kế hoạch / the period id, e.g. 2021-H1
    #[arg(long, value_name = "ID")]
    pub period: String,
    /// Thư mục (hoặc tệp) báo cáo; có thể lặp lại / report directory or file; may repeat
    #[arg(long, value_name = "DIR", required = true)]
    pub reports: Vec<PathBuf>,
    /// Ngày tính hạn (mặc định hôm nay) / the as-of date (default today): 20/06/2021 or 2021-06-20
    #[arg(long, value_name = "DATE", value_parser = parse_as_of)]
    pub as_of: Option<chrono::NaiveDate>,
    /// Mã ký tự của các tệp / force an encoding: utf-8, utf-16le, windows-1258
    #[arg(long, value_name = "ENCODING", value_parser = parse_encoding)]
    pub encoding: Option<EncodingArg>,
}

impl CycleArgs {
    /// The as-of date: `--as-of`, or today as read once at the start (`Global::today`).
    pub fn as_of(&self, g: &Global) -> chrono::NaiveDate {
        self.as_of.unwrap_or(g.today)
    }
}
