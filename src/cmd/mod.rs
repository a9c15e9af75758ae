//! One file per subcommand, each with an `Args` struct and a `run` function of the same shape.
//!
//! What several commands share lives beside them: `args.rs` (shared arguments and their checks),
//! `load_plan.rs` (loading the plan), `reports.rs` (reading the reports, `Sources`),
//! `cycle_input.rs` (`with_cycle`: plan, reports and as-of date into a cycle).

mod args;
mod check;
mod consolidate;
mod consolidate_json;
mod consolidate_summary;
mod cycle_input;
mod load_plan;
mod overdue;
mod plan;
mod plan_import;
mod plan_indicators;
mod plan_show;
mod remind;
mod remind_edited;
mod remind_stale;
mod reports;
mod template;

pub use args::{
    check_file_parts, find_agency, find_period, parse_encoding, CycleArgs, EncodingArg, PlanArg,
};
pub use check::Args as CheckArgs;
pub use consolidate::Args as ConsolidateArgs;
pub use cycle_input::with_cycle;
pub use load_plan::{cannot_read_plan, load_plan, plan_not_a_file, plan_read_error};
pub use overdue::Args as OverdueArgs;
pub use plan::Command as PlanCommand;
pub use remind::Args as RemindArgs;
pub use reports::{read_reports, skipped_notices, Sources};
pub use template::Args as TemplateArgs;

use crate::cli::Command;
use crate::output::{self, Global};
use crate::Outcome;
use anyhow::Result;

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
