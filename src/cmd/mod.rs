//! One file per subcommand, each with an `Args` struct and a `run` function of the same shape.

mod check;
mod consolidate;
mod overdue;
mod plan;
mod remind;

pub use check::Args as CheckArgs;
pub use consolidate::Args as ConsolidateArgs;
pub use overdue::Args as OverdueArgs;
pub use plan::Command as PlanCommand;
pub use remind::Args as RemindArgs;

use crate::cli::Command;
use crate::output::{self, Global};
use crate::plan::{LoadError, Plan};
use crate::Outcome;
use anyhow::{anyhow, Result};
use std::path::{Path, PathBuf};

pub fn dispatch(cmd: Command, g: &Global) -> Result<Outcome> {
    match cmd {
        Command::Plan(c) => plan::run(c, g),
        Command::Check(a) => check::run(a, g),
        Command::Overdue(a) => overdue::run(a, g),
        Command::Remind(a) => remind::run(a, g),
        Command::Consolidate(a) => consolidate::run(a, g),
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
        Err(LoadError::Io(name, e)) => Err(anyhow!(e).context(
            g.lang
                .pick(
                    &format!("không đọc được kế hoạch {name}"),
                    &format!("cannot read plan {name}"),
                )
                .to_string(),
        )),
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
