//! The terminal edge: stdout for data only, stderr for messages, formats, and broken pipes.

use crate::diag::Diagnostic;
use crate::lang::Lang;
use clap::ValueEnum;
use std::io::{self, Write};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// A table for people (bảng)
    #[default]
    Table,
    /// CSV for spreadsheets and scripts
    Csv,
    /// JSON for scripts
    Json,
}

/// Options every command shares.
#[derive(Clone, Copy, Debug)]
pub struct Global {
    /// The language of messages and tables (`--lang`).
    pub lang: Lang,
    /// `-q`: errors only on stderr.
    pub quiet: bool,
    /// `-v` counted: more detail.
    pub verbose: u8,
    /// Colour on stdout / stderr: only on a terminal, and never with NO_COLOR set.
    pub color_out: bool,
    /// Colour on stderr (see `color_out`).
    pub color_err: bool,
    /// Today, read from the clock once, at the start: every default as-of date is this one.
    pub today: chrono::NaiveDate,
}

/// Colour for a stream: a terminal, and NO_COLOR unset or empty (no-color.org).
pub fn wants_color(is_terminal: bool) -> bool {
    is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Writes data to stdout; a closed pipe comes back as an error that [`is_broken_pipe`] knows.
pub fn print(s: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(s.as_bytes())?;
    out.flush()
}

/// Whether `e` is stdout closed by the reader (`bdg … | head`): not a failure of bdg.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// A message for the person at the terminal (stderr), unless `-q`.
pub fn note(g: &Global, s: &str) {
    if !g.quiet {
        let _ = writeln!(io::stderr().lock(), "{}", crate::text::terminal_safe(s));
    }
}

/// The one place diagnostics are printed for people: stderr, one block each.
pub fn print_diagnostics(g: &Global, diags: &[Diagnostic]) {
    let mut err = io::stderr().lock();
    for d in diags {
        if g.quiet && !d.is_error() {
            continue;
        }
        let _ = writeln!(err, "{}", d.render(g.lang, g.color_err));
    }
}

/// The one line for an error that stopped a command: each cause in turn, file-system
/// failures in the user's language.
pub fn print_error(e: &anyhow::Error, lang: Lang) {
    let mut err = io::stderr().lock();
    let _ = write!(err, "bdg: {}", lang.pick("lỗi", "error"));
    for cause in e.chain() {
        if let Some(fs) = cause.downcast_ref::<crate::fsx::FsError>() {
            let _ = write!(err, ": {}", fs.message(lang));
            if fs.source.is_some() {
                break;
            }
            continue;
        }
        if let Some(io) = cause.downcast_ref::<io::Error>() {
            let _ = write!(err, ": {}", crate::fsx::io_reason(io, lang));
            break;
        }
        let _ = write!(err, ": {}", crate::text::for_message(&cause.to_string()));
    }
    let _ = writeln!(err);
}

/// A progress bar on stderr, only for a person watching: stderr a terminal, not `-q`, and
/// enough work to be worth one. Otherwise a hidden bar that costs nothing.
pub fn progress(g: &Global, len: u64, what: &str) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if g.quiet || len < 200 || !io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    let style = indicatif::ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} ({eta})")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message(what.to_string());
    bar
}

/// A CSV cell that a spreadsheet would run as a formula, made inert (OWASP CSV injection).
pub fn csv_safe(s: &str) -> std::borrow::Cow<'_, str> {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}").into(),
        _ => s.into(),
    }
}

/// A comfy-table table in bdg's style.
pub fn table(header: Vec<&str>) -> comfy_table::Table {
    let mut t = comfy_table::Table::new();
    t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
        .set_header(header);
    t
}

#[cfg(test)]
mod tests {
    use super::csv_safe;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(csv_safe("=1+1"), "'=1+1");
        assert_eq!(csv_safe("-5"), "'-5");
        assert_eq!(csv_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_safe("+1"), "'+1");
        assert_eq!(csv_safe("\t=1"), "'\t=1");
        assert_eq!(csv_safe("\r=1"), "'\r=1");
        assert_eq!(csv_safe("Sở Y tế"), "Sở Y tế");
    }
}
