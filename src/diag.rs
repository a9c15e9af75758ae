//! One diagnostic type for plan and report validation, and the one place they are printed.

use crate::lang::{Lang, Text};
use serde::Serialize;
use std::fmt::Write as _;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// Stable codes: scripts and the README depend on these names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    // plan
    Yaml,
    YamlAlias,
    TooDeep,
    UnknownField,
    DuplicateAgency,
    DuplicateTask,
    DuplicatePeriod,
    DuplicateGroup,
    AmbiguousAlias,
    UnknownReporter,
    UnknownCoordinator,
    UnknownGroup,
    UnassignedTask,
    MissingDueDate,
    EmptyPlan,
    // reports
    Encoding,
    NotATable,
    MissingColumn,
    UnknownColumn,
    DuplicateColumn,
    MissingValue,
    ExtraFields,
    UnknownAgency,
    UnknownPeriod,
    MixedAgency,
    MixedPeriod,
    MixedDate,
    UnknownTask,
    BadStatus,
    BadNumber,
    BadDate,
    OutOfRange,
    NotAssigned,
    TaskNotReported,
    EmptyReport,
    UnfilledRow,
    SkippedLines,
    TooLarge,
    TooLong,
    TooManyColumns,
    TooManyCells,
    TooManyRows,
    NotAFile,
    SheetNotRead,
    InternalError,
    Unreadable,
    // cycle
    OtherPeriod,
    FutureDate,
    UnexpectedAgency,
    Superseded,
    DuplicateFile,
    Conflict,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Yaml => "yaml",
            Code::YamlAlias => "yaml-alias",
            Code::TooDeep => "too-deep",
            Code::UnknownField => "unknown-field",
            Code::DuplicateAgency => "duplicate-agency",
            Code::DuplicateTask => "duplicate-task",
            Code::DuplicatePeriod => "duplicate-period",
            Code::DuplicateGroup => "duplicate-group",
            Code::AmbiguousAlias => "ambiguous-alias",
            Code::UnknownReporter => "unknown-reporter",
            Code::UnknownCoordinator => "unknown-coordinator",
            Code::UnknownGroup => "unknown-group",
            Code::UnassignedTask => "unassigned-task",
            Code::MissingDueDate => "missing-due-date",
            Code::EmptyPlan => "empty-plan",
            Code::Encoding => "encoding",
            Code::NotATable => "not-a-table",
            Code::MissingColumn => "missing-column",
            Code::UnknownColumn => "unknown-column",
            Code::DuplicateColumn => "duplicate-column",
            Code::MissingValue => "missing-value",
            Code::ExtraFields => "extra-fields",
            Code::UnknownAgency => "unknown-agency",
            Code::UnknownPeriod => "unknown-period",
            Code::MixedAgency => "mixed-agency",
            Code::MixedPeriod => "mixed-period",
            Code::MixedDate => "mixed-date",
            Code::UnknownTask => "unknown-task",
            Code::BadStatus => "bad-status",
            Code::BadNumber => "bad-number",
            Code::BadDate => "bad-date",
            Code::OutOfRange => "out-of-range",
            Code::NotAssigned => "not-assigned",
            Code::TaskNotReported => "task-not-reported",
            Code::EmptyReport => "empty-report",
            Code::UnfilledRow => "unfilled-row",
            Code::SkippedLines => "skipped-lines",
            Code::TooLarge => "too-large",
            Code::TooLong => "too-long",
            Code::TooManyColumns => "too-many-columns",
            Code::TooManyCells => "too-many-cells",
            Code::TooManyRows => "too-many-rows",
            Code::NotAFile => "not-a-file",
            Code::SheetNotRead => "sheet-not-read",
            Code::InternalError => "internal-error",
            Code::Unreadable => "unreadable",
            Code::OtherPeriod => "other-period",
            Code::FutureDate => "future-date",
            Code::UnexpectedAgency => "unexpected-agency",
            Code::Superseded => "superseded",
            Code::DuplicateFile => "duplicate-file",
            Code::Conflict => "conflict",
        }
    }
}

/// Where in a file: 1-based line and column as an editor (or Excel's row and column) shows
/// them, and the cell reference in a workbook.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Place {
    pub line: u32,
    pub col: u32,
    pub cell: Option<String>,
}

/// What an error costs: nothing (a warning), its row, or its whole file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Excludes {
    Nothing,
    Row,
    File,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based, as an editor shows it; `None` for a problem of the whole file.
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// For a workbook: the sheet and cell, `Báo cáo!E7`.
    pub cell: Option<String>,
    pub code: Code,
    pub severity: Severity,
    pub message: Text,
    pub hint: Option<Text>,
    pub excludes: Excludes,
}

impl Diagnostic {
    pub fn error(code: Code, file: &str, message: Text) -> Self {
        Diagnostic {
            file: file.to_string(),
            line: None,
            column: None,
            cell: None,
            code,
            severity: Severity::Error,
            message,
            hint: None,
            excludes: Excludes::Row,
        }
    }

    pub fn warning(code: Code, file: &str, message: Text) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            excludes: Excludes::Nothing,
            ..Self::error(code, file, message)
        }
    }

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

    pub fn at_line(mut self, line: u32) -> Self {
        self.line = Some(line);
        self
    }

    pub fn excluding(mut self, what: Excludes) -> Self {
        self.excludes = what;
        self
    }

    pub fn hint(mut self, hint: Text) -> Self {
        self.hint = Some(hint);
        self
    }

    /// Adds "did you mean 'x'?" when there is a near match.
    pub fn suggest(self, suggestion: Option<&str>) -> Self {
        match suggestion {
            Some(s) => self.hint(Text::new(
                format!("có phải ý bạn là '{s}'?"),
                format!("did you mean '{s}'?"),
            )),
            None => self,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
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
        let sev = match (self.severity, lang) {
            (Severity::Error, Lang::Vi) => "lỗi",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::Vi) => "cảnh báo",
            (Severity::Warning, Lang::En) => "warning",
        };
        let (on, off) = match (color, self.severity) {
            (false, _) => ("", ""),
            (true, Severity::Error) => ("\x1b[1;31m", "\x1b[0m"),
            (true, Severity::Warning) => ("\x1b[1;33m", "\x1b[0m"),
        };
        let mut s = format!(
            "{on}{sev}[{}]{off} {}: {}",
            self.code.as_str(),
            crate::text::for_message(&self.location()),
            crate::text::for_message(self.message.get(lang))
        );
        if let Some(h) = &self.hint {
            let _ = write!(s, "\n    = {}", crate::text::for_message(h.get(lang)));
        }
        s
    }
}

/// Counts of a set of diagnostics.
pub fn count(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    (errors, diags.len() - errors)
}

impl Diagnostic {
    /// The JSON object scripts read: file, line, column, severity, code, message (and hint).
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        serde_json::json!({
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "cell": self.cell,
            "severity": self.severity,
            "code": self.code.as_str(),
            "message": self.message.get(lang),
            "hint": self.hint.as_ref().map(|h| h.get(lang)),
        })
    }
}
