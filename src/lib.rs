//! bdg: the reporting toolkit of a provincial gender-equality (bình đẳng giới) desk.
//!
//! Data flows one way: plan file → [`plan::Plan`]; report files → rows and
//! [`diag::Diagnostic`]s ([`report`]); plan, reports and an as-of date → [`cycle::Cycle`];
//! cycle → [`consolidate::Consolidation`]; then the renderers in [`render`]. The edges touch
//! files, the clock and the terminal: `cmd` (the clock, writing outputs through [`fsx`]),
//! [`output`] (the terminal), [`plan::load`] with `plan/include.rs` and `report/files.rs`
//! (reading). Everything else is pure. Diagnostics hold data ([`diag::Kind`]); their
//! sentences are written only in [`diag::messages`]. `ARCHITECTURE.md` maps each concern to
//! its file.

pub mod cli;
mod cmd;
pub mod consolidate;
pub mod cycle;
pub mod diag;
pub mod emit;
pub mod fsx;
pub mod ids;
pub mod indicators;
mod isolate;
pub mod lang;
pub mod number;
pub mod output;
pub mod plan;
pub mod render;
pub mod report;
pub mod text;
pub mod usage;
mod yaml;

use clap::Parser;
use std::process::ExitCode;

/// What a command found, as the exit code says it: 0 nothing to flag, 1 something flagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Clean,
    Flagged,
}

impl Outcome {
    pub fn flagged_if(cond: bool) -> Self {
        if cond {
            Outcome::Flagged
        } else {
            Outcome::Clean
        }
    }
}

/// Parses the command line, runs the command, and maps the result to bdg's exit codes:
/// 0 ran and found nothing to flag, 1 ran and flagged something, 2 could not run.
pub fn run() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(c) => c,
        Err(e) if e.use_stderr() => {
            // A usage error, in the language the command line asks for.
            let lang = usage::lang_of(std::env::args());
            eprint!("{}", usage::render(&e, lang));
            return ExitCode::from(2);
        }
        Err(e) => {
            // --help and --version: clap's own text, on stdout.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
    };
    let global = cli.global();
    match cmd::dispatch(cli.command, &global) {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Flagged) => ExitCode::from(1),
        Err(e) if output::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            output::print_error(&e, global.lang);
            ExitCode::from(2)
        }
    }
}
