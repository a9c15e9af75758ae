//! One diagnostic type for plan and report validation, and the one place they are printed.
//!
//! A [`Diagnostic`] holds a [`Kind`] with the values found; [`Kind::code`] gives its stable
//! [`Code`]; [`messages`] is the one catalogue that turns a kind into a sentence in a language.

mod code;
mod kind;
pub mod messages;

pub use code::Code;
pub use kind::{FigureGap, Kind, Names};

use crate::lang::Lang;
use serde::Serialize;
use std::fmt::Write as _;

/// How bad: a warning is reported, an error also excludes what [`Excludes`] says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Reported; costs nothing.
    Warning,
    /// Reported; costs what its `Excludes` says.
    Error,
}

/// Where in a file: 1-based line and column as an editor (or Excel's row and column) shows
/// them, and the cell reference in a workbook.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Place {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub col: u32,
    /// The sheet and cell in a workbook, `Báo cáo!E7`.
    pub cell: Option<String>,
}

/// What an error costs: nothing (a warning), its row, or its whole file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Excludes {
    /// A warning.
    Nothing,
    /// The row is left out.
    Row,
    /// The whole file is left out.
    File,
}

/// One finding about a plan or report file: where, what (a [`Kind`] holding the values), how
/// bad, and what it costs. The sentences are written only by [`messages`], when printed.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// The file as the user named it.
    pub file: String,
    /// 1-based, as an editor shows it; `None` for a problem of the whole file.
    pub line: Option<u32>,
    /// 1-based, in characters.
    pub column: Option<u32>,
    /// For a workbook: the sheet and cell, `Báo cáo!E7`.
    pub cell: Option<String>,
    /// What was found, with its values.
    pub kind: Kind,
    /// An error costs what `excludes` says; a warning costs nothing.
    pub severity: Severity,
    /// A near match for what was found ("did you mean 'x'?"), when there is one.
    pub suggestion: Option<String>,
    /// What the problem costs: nothing, its row, or its file.
    pub excludes: Excludes,
}

impl Diagnostic {
    /// An error about `file`; it costs its row unless [`Diagnostic::excluding`] says otherwise.
    pub fn err(file: &str, kind: Kind) -> Self {
        Diagnostic {
            file: file.to_string(),
            line: None,
            column: None,
            cell: None,
            kind,
            severity: Severity::Error,
            suggestion: None,
            excludes: Excludes::Row,
        }
    }

    /// A warning about `file`: it costs nothing.
    pub fn warn(file: &str, kind: Kind) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            excludes: Excludes::Nothing,
            ..Self::err(file, kind)
        }
    }

    /// The stable code of its kind.
    pub fn code(&self) -> Code {
        self.kind.code()
    }

    /// At this line and column.
    pub fn at(mut self, line: u32, column: u32) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Line, column and (for a workbook) the cell.
    pub fn placed(mut self, p: &Place) -> Self {
        self.line = Some(p.line);
        self.column = Some(p.col);
        self.cell = p.cell.clone();
        self
    }

    /// At this line (the whole line).
    pub fn at_line(mut self, line: u32) -> Self {
        self.line = Some(line);
        self
    }

    /// Costing `what` (an error costs its row unless told otherwise).
    pub fn excluding(mut self, what: Excludes) -> Self {
        self.excludes = what;
        self
    }

    /// Adds "did you mean 'x'?" when there is a near match.
    pub fn suggest(mut self, suggestion: Option<&str>) -> Self {
        if let Some(s) = suggestion {
            self.suggestion = Some(s.to_string());
        }
        self
    }

    /// An error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The sentence saying what was found, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        messages::message(&self.kind, lang)
    }

    /// What to do about it, in `lang`: the kind's own advice, else the near match.
    pub fn hint_text(&self, lang: Lang) -> Option<String> {
        messages::hint(&self.kind, self.suggestion.as_deref(), lang)
    }

    /// `file:line:column`, leaving out what is unknown, and ` [Sheet!E7]` in a workbook.
    pub fn location(&self) -> String {
        let mut s = self.file.clone();
        if let Some(l) = self.line {
            let _ = write!(s, ":{l}");
            if let Some(c) = self.column {
                let _ = write!(s, ":{c}");
            }
        }
        if let Some(cell) = &self.cell {
            let _ = write!(s, " [{cell}]");
        }
        s
    }

    /// The one human rendering, used by every command that prints diagnostics:
    /// `error[unknown-task] file:7:12: message` and, where there is one, `  = hint`; with
    /// `color`, the severity in colour (red errors, yellow warnings).
    pub fn render(&self, lang: Lang, color: bool) -> String {
        let (on, off) = match (color, self.severity) {
            (false, _) => ("", ""),
            (true, Severity::Error) => ("\x1b[1;31m", "\x1b[0m"),
            (true, Severity::Warning) => ("\x1b[1;33m", "\x1b[0m"),
        };
        let mut s = format!(
            "{on}{}[{}]{off} {}: {}",
            messages::severity(self.severity, lang),
            self.code().as_str(),
            crate::text::for_message(&self.location()),
            crate::text::for_message(&self.message(lang))
        );
        if let Some(h) = self.hint_text(lang) {
            let _ = write!(s, "\n    = {}", crate::text::for_message(&h));
        }
        s
    }

    /// The JSON object scripts read: file, line, column, cell, severity, code, message, hint,
    /// and `data`, the values of its kind (and the near match, `suggestion`).
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        serde_json::json!({
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "cell": self.cell,
            "severity": self.severity,
            "code": self.code().as_str(),
            "message": self.message(lang),
            "hint": self.hint_text(lang),
            "data": self.data(),
        })
    }

    /// The kind's values, with the near match as `suggestion` when there is one.
    pub fn data(&self) -> serde_json::Value {
        let mut data = self.kind.data();
        if let Some(s) = &self.suggestion {
            if !data.is_object() {
                data = serde_json::json!({});
            }
            data["suggestion"] = s.as_str().into();
        }
        data
    }
}

/// Counts of a set of diagnostics: errors and warnings.
pub fn count(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    (errors, diags.len() - errors)
}

#[cfg(test)]
mod tests;
