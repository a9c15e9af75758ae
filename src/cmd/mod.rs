//! One file per subcommand, each with an `Args` struct and a `run` function of the same shape.

mod check;
mod consolidate;
mod consolidate_json;
mod consolidate_summary;
mod overdue;
mod plan;
mod plan_import;
mod plan_indicators;
mod plan_show;
mod remind;
mod template;

pub use check::Args as CheckArgs;
pub use consolidate::Args as ConsolidateArgs;
pub use overdue::Args as OverdueArgs;
pub use plan::Command as PlanCommand;
pub use remind::Args as RemindArgs;
pub use template::Args as TemplateArgs;

use crate::cli::Command;
use crate::diag::Kind;
use crate::output::{self, Global};
use crate::plan::{LoadError, Plan};
use crate::report::{ReadOptions, Report};
use crate::Outcome;
use anyhow::{anyhow, Result};
use std::path::{Path, PathBuf};

/// Runs the subcommand named on the command line.
pub fn dispatch(cmd: Command, g: &Global) -> Result<Outcome> {
    match cmd {
        Command::Plan(c) => plan::run(c, g),
        Command::Check(a) => check::run(a, g),
        Command::Overdue(a) => overdue::run(a, g),
        Command::Remind(a) => remind::run(a, g),
        Command::Consolidate(a) => consolidate::run(a, g),
        Command::Template(a) => template::run(a, g),
        Command::Completions { shell } => {
            let mut cmd = <crate::cli::Cli as clap::CommandFactory>::command();
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut cmd, "bdg", &mut buf);
            output::print(&String::from_utf8_lossy(&buf))?;
            Ok(Outcome::Clean)
        }
        Command::Man => {
            let cmd = <crate::cli::Cli as clap::CommandFactory>::command();
            let mut buf = Vec::new();
            clap_mangen::Man::new(cmd).render(&mut buf)?;
            output::print(&String::from_utf8_lossy(&buf))?;
            Ok(Outcome::Clean)
        }
    }
}

/// `--plan`, shared by every command that reads reports; `BDG_PLAN` is its default.
#[derive(clap::Args, Debug, Clone)]
pub struct PlanArg {
    /// Tệp kế hoạch (YAML) / the plan file
    #[arg(long, env = "BDG_PLAN", value_name = "PLAN.yaml")]
    pub plan: PathBuf,
}

/// Loads the plan for a command that needs a valid one: an invalid plan means it cannot run (2).
pub fn load_plan(path: &Path, g: &Global) -> Result<Plan> {
    match crate::plan::load(path) {
        Ok((plan, warnings)) => {
            output::print_diagnostics(g, &warnings);
            Ok(plan)
        }
        Err(LoadError::Io(name, e)) => Err(plan_read_error(path, &name, &e, g.lang)),
        Err(LoadError::Invalid(diags)) => {
            output::print_diagnostics(g, &diags);
            let (errors, _) = crate::diag::count(&diags);
            Err(anyhow!(
                "{}",
                g.lang.pick(
                    &format!(
                        "kế hoạch {} không hợp lệ ({errors} lỗi); chạy 'bdg plan check' để xem",
                        path.display()
                    ),
                    &format!(
                        "plan {} is invalid ({errors} errors); run 'bdg plan check' for details",
                        path.display()
                    ),
                )
            ))
        }
    }
}

/// A plan that cannot be read: why, in `lang`, and the nearest plan file when the path does
/// not exist.
pub fn plan_read_error(
    path: &Path,
    name: &str,
    e: &std::io::Error,
    lang: crate::lang::Lang,
) -> anyhow::Error {
    let near = near_plan_file(path)
        .map(|p| {
            lang.pick(
                &format!("; có phải là '{p}'?"),
                &format!("; did you mean '{p}'?"),
            )
            .to_string()
        })
        .unwrap_or_default();
    let reason = crate::fsx::io_reason(e, lang);
    anyhow!(
        "{}",
        lang.pick(
            &format!("không đọc được kế hoạch {name}: {reason}{near}"),
            &format!("cannot read plan {name}: {reason}{near}"),
        )
    )
}

/// For a plan path that does not exist: the nearest `.yaml` / `.yml` file name in its folder.
fn near_plan_file(path: &Path) -> Option<String> {
    if path.exists() {
        return None;
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let names: Vec<String> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml") || n.ends_with(".yml"))
        .collect();
    let found = path.file_name()?.to_string_lossy();
    let near = crate::text::did_you_mean(&found, names.iter().map(String::as_str))?;
    Some(dir.join(near).display().to_string())
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
/// people use. Both languages, as `--lang` is not known yet when clap parses.
pub fn parse_encoding(label: &str) -> std::result::Result<EncodingArg, String> {
    crate::report::decode::encoding_for_label(label).ok_or_else(|| {
        format!(
            "không biết mã ký tự '{label}' / unknown encoding '{label}'; \
             dùng / use: utf-8, utf-16le, utf-16be, windows-1258"
        )
    })
}

/// clap's parser for `--as-of`: a date that is not one is a usage error (exit 2), before the
/// plan or any report is read.
pub fn parse_as_of(s: &str) -> std::result::Result<chrono::NaiveDate, String> {
    crate::report::fields::parse_date(s).map_err(|_| {
        format!(
            "'{s}' không phải ngày / is not a date; \
             cần / expected dd/mm/yyyy, yyyy-mm-dd"
        )
    })
}

/// Reads the agencies' files under `paths`, with `--encoding` applied: shared by every command.
/// The reports keep their diagnostics, identities and counts, not their rows (`consolidate`
/// reads the files whose figures count a second time, one at a time): memory stays bounded by
/// the number of files. Returns the reports and where they were read from.
pub fn read_reports(
    paths: &[PathBuf],
    encoding: Option<EncodingArg>,
    plan: &crate::plan::Plan,
    g: &Global,
    outputs: Option<&std::path::Path>,
) -> Result<(Vec<Report>, Sources)> {
    let opts = ReadOptions { encoding };
    let crate::report::Found {
        files,
        mut problems,
        skipped,
    } = crate::report::collect(paths, outputs);
    if g.verbose > 0 {
        for d in &skipped {
            let d = d.display();
            output::note(
                g,
                g.lang.pick(
                    &format!("bỏ qua thư mục kết quả của bdg: {d}"),
                    &format!("skipped a bdg output folder: {d}"),
                ),
            );
        }
    }
    let bar = output::progress(
        g,
        files.len() as u64,
        g.lang.pick("đọc báo cáo", "reading reports"),
    );
    let keep = |mut r: Report| {
        r.drop_rows();
        r
    };
    let mut reports = crate::report::read_all_with(&files, plan, &opts, &|| bar.inc(1), &keep);
    bar.finish_and_clear();
    let sources = Sources::new(files, &reports, opts);
    reports.append(&mut problems);
    Ok((reports, sources))
}

/// Where a command's reports were read from, and how. The first `read` reports are the files
/// read, in order (the problems the search found come after them); `consolidate` reads the
/// files whose figures count a second time from here.
///
/// A report names its file as the path displays ([`Report::file`]): for a path that is UTF-8
/// that is the path itself, so only the others are kept here (50,000 paths need not be held
/// twice).
pub struct Sources {
    read: usize,
    /// The paths a report's name does not give exactly (not UTF-8), by report.
    unnamed: std::collections::BTreeMap<usize, PathBuf>,
    pub opts: ReadOptions,
}

impl Sources {
    fn new(files: Vec<PathBuf>, reports: &[Report], opts: ReadOptions) -> Self {
        let unnamed = files
            .into_iter()
            .zip(reports)
            .enumerate()
            .filter(|(_, (path, r))| path.to_str() != Some(r.file.as_str()))
            .map(|(i, (path, _))| (i, path))
            .collect();
        Sources {
            read: reports.len(),
            unnamed,
            opts,
        }
    }

    /// The path report `i` of `reports` (those read with these sources) was read from, if it
    /// is a file read.
    pub fn path<'a>(&'a self, i: usize, reports: &'a [Report]) -> Option<&'a Path> {
        if i >= self.read {
            return None;
        }
        let named = || Path::new(reports[i].file.as_str());
        Some(self.unnamed.get(&i).map_or_else(named, PathBuf::as_path))
    }
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

/// The notes about output folders of bdg's the search skipped.
pub fn skipped_notices(reports: &[Report]) -> Vec<crate::diag::Diagnostic> {
    reports
        .iter()
        .filter(|r| r.is_folder_notice())
        .flat_map(|r| r.diagnostics.iter().cloned())
        .collect()
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
    // What changes a verdict or which figures count is said on the spot: a date after the
    // as-of date, an old report, a file of this period that does not count (a copy, an earlier
    // version, two reports that disagree). Other periods' files are not: a folder shared by
    // several periods would print one line for each (they are in the workbook and the JSON).
    let verdicts: Vec<_> = c
        .notices
        .iter()
        .filter(|d| {
            matches!(
                d.kind,
                Kind::FutureDate { .. }
                    | Kind::DoubtfulDate { .. }
                    | Kind::BeforeWindow { .. }
                    | Kind::DuplicateFile { .. }
                    | Kind::Superseded { .. }
                    | Kind::Conflict { .. }
            )
        })
        .cloned()
        .collect();
    output::print_diagnostics(g, &verdicts);
    output::print_diagnostics(g, &skipped_notices(&c.reports));
    let errors = c.diagnostics().filter(|d| d.is_error()).count();
    if errors > 0 {
        output::note(
            g,
            g.lang.pick(
                &format!(
                    "bdg: {errors} lỗi trong các tệp báo cáo; chạy 'bdg check' để xem chi tiết"
                ),
                &format!("bdg: {errors} errors in the report files; run 'bdg check' for details"),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Kind;
    use std::os::unix::ffi::OsStrExt;

    /// The second reading finds each file where the first found it, by its report's name, or
    /// by the path kept for a name that cannot say it.
    #[test]
    fn sources_give_back_each_files_path_keeping_only_those_a_name_cannot_say() {
        let plain = PathBuf::from("báo cáo/SYT_2021-H1.csv");
        let odd = PathBuf::from(std::ffi::OsStr::from_bytes(b"b\xe1o c\xe1o/SNV.csv"));
        let files = vec![plain.clone(), odd.clone()];
        let mut reports: Vec<Report> = files
            .iter()
            .map(|p| Report::fail(&p.display().to_string(), Kind::BinaryData))
            .collect();
        let sources = Sources::new(files, &reports, ReadOptions::default());
        assert_eq!(sources.unnamed.len(), 1);
        reports.push(Report::fail("a folder", Kind::BinaryData));
        assert_eq!(sources.path(0, &reports), Some(plain.as_path()));
        assert_eq!(sources.path(1, &reports), Some(odd.as_path()));
        assert_eq!(sources.path(2, &reports), None);
    }
}
