//! Stable codes: the `codes!` table, where each [`Code`]'s name is written once, and
//! [`Kind::code`], which gives each kind its code.

use super::Kind;
use serde::Serialize;

/// Declares [`Code`] from one table: each variant beside its stable name.
macro_rules! codes {
    ($($(#[$m:meta])* $v:ident = $name:literal,)*) => {
        /// Stable codes: scripts and the README depend on these names, written once in the
        /// table below.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Code {
            $($(#[$m])* $v,)*
        }

        impl Code {
            /// Every code, in the table's order.
            pub const ALL: &'static [Code] = &[$(Code::$v,)*];

            /// The stable name, `unknown-task`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$v => $name,)*
                }
            }
        }
    };
}

codes! {
    // plan
    Yaml = "yaml",
    YamlAlias = "yaml-alias",
    TooDeep = "too-deep",
    UnknownField = "unknown-field",
    DuplicateAgency = "duplicate-agency",
    DuplicateTask = "duplicate-task",
    DuplicatePeriod = "duplicate-period",
    DuplicateGroup = "duplicate-group",
    DuplicateSection = "duplicate-section",
    UnsafeId = "unsafe-id",
    DateOutOfRange = "date-out-of-range",
    ReversedWindow = "reversed-window",
    DueOutsideWindow = "due-outside-window",
    DueOutsideYear = "due-outside-year",
    AmbiguousAlias = "ambiguous-alias",
    UnknownReporter = "unknown-reporter",
    UnknownCoordinator = "unknown-coordinator",
    UnknownGroup = "unknown-group",
    UnassignedTask = "unassigned-task",
    MissingDueDate = "missing-due-date",
    ZeroReplyDays = "zero-reply-days",
    EmptyPlan = "empty-plan",
    // reports
    Encoding = "encoding",
    NotATable = "not-a-table",
    MissingColumn = "missing-column",
    UnknownColumn = "unknown-column",
    DuplicateColumn = "duplicate-column",
    MissingValue = "missing-value",
    ExtraFields = "extra-fields",
    UnknownAgency = "unknown-agency",
    UnknownPeriod = "unknown-period",
    MixedAgency = "mixed-agency",
    MixedPeriod = "mixed-period",
    MixedDate = "mixed-date",
    UnknownTask = "unknown-task",
    BadStatus = "bad-status",
    BadNumber = "bad-number",
    BadDate = "bad-date",
    OutOfRange = "out-of-range",
    NotAssigned = "not-assigned",
    TaskNotReported = "task-not-reported",
    EmptyReport = "empty-report",
    UnfilledRow = "unfilled-row",
    SkippedLines = "skipped-lines",
    SkippedOutputFolder = "skipped-output-folder",
    TooLarge = "too-large",
    TooLong = "too-long",
    TooManyColumns = "too-many-columns",
    TooManyCells = "too-many-cells",
    TooManyRows = "too-many-rows",
    NotAFile = "not-a-file",
    SheetNotRead = "sheet-not-read",
    InternalError = "internal-error",
    Unreadable = "unreadable",
    // cycle
    OtherPeriod = "other-period",
    FutureDate = "future-date",
    UnreadFigureColumn = "unread-figure-column",
    FigureOverflow = "figure-overflow",
    BeforeWindow = "before-window",
    DoubtfulDate = "doubtful-date",
    BeforeYear = "before-year",
    UnexpectedAgency = "unexpected-agency",
    Superseded = "superseded",
    DuplicateFile = "duplicate-file",
    Conflict = "conflict",
    DroppedTasks = "dropped-tasks",
    // indicators
    DuplicateIndicator = "duplicate-indicator",
    UnknownIndicator = "unknown-indicator",
    BadIndicator = "bad-indicator",
    BadInclude = "bad-include",
    NumeratorAboveDenominator = "numerator-above-denominator",
    NegativeValue = "negative-value",
    IndicatorNotReported = "indicator-not-reported",
    IndicatorNotAsked = "indicator-not-asked",
    ImplausibleValue = "implausible-value",
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl Kind {
    /// The stable code of this kind; several kinds may share a code.
    pub fn code(&self) -> Code {
        match self {
            Kind::Suppressed { code, .. } => *code,
            Kind::NotAFile { .. } | Kind::PlanNotAFile { .. } => Code::NotAFile,
            Kind::WorkbookTooLarge { .. }
            | Kind::TooManyParts { .. }
            | Kind::TooManyRecords { .. } => Code::TooLarge,
            Kind::TooManyCells { .. } | Kind::TooManyStrings { .. } => Code::TooManyCells,
            Kind::BinaryWorkbook | Kind::BrokenWorkbook { .. } => Code::NotATable,
            Kind::TooManyRows { .. } => Code::TooManyRows,
            Kind::InternalError { .. } => Code::InternalError,
            Kind::SheetNotRead { .. } => Code::SheetNotRead,
            Kind::FileTooLarge { .. } | Kind::PlanTooLarge { .. } => Code::TooLarge,
            Kind::NotUtf8 { .. } => Code::Encoding,
            Kind::Yaml { .. } => Code::Yaml,
            Kind::UnknownField { .. } => Code::UnknownField,
            Kind::YamlAlias { .. } => Code::YamlAlias,
            Kind::TooDeep { .. } | Kind::TooDeepItem { .. } => Code::TooDeep,
            Kind::DuplicateAgency { .. } => Code::DuplicateAgency,
            Kind::DuplicateGroup { .. } => Code::DuplicateGroup,
            Kind::UnknownMember { .. } => Code::UnknownAgency,
            Kind::UnknownGroup { .. } => Code::UnknownGroup,
            Kind::UnknownCoordinator { .. } => Code::UnknownCoordinator,
            Kind::DuplicatePeriod { .. } => Code::DuplicatePeriod,
            Kind::MissingDueDate { .. } => Code::MissingDueDate,
            Kind::ZeroReplyDays => Code::ZeroReplyDays,
            Kind::DuplicateSection { .. } => Code::DuplicateSection,
            Kind::DuplicateTaskId { .. } => Code::DuplicateTask,
            Kind::UnsafeId { .. } => Code::UnsafeId,
            Kind::UnknownTaskPeriod { .. } => Code::UnknownPeriod,
            Kind::PlanDateOutOfRange { .. } => Code::DateOutOfRange,
            Kind::ReversedWindow { .. } => Code::ReversedWindow,
            Kind::DueOutsideWindow { .. } => Code::DueOutsideWindow,
            Kind::DueOutsideYear { .. } => Code::DueOutsideYear,
            Kind::UnknownExclusion {
                reporters: true, ..
            } => Code::UnknownReporter,
            Kind::UnknownExclusion { .. } => Code::UnknownAgency,
            Kind::EmptyPlan { .. } => Code::EmptyPlan,
            Kind::PlanBadDate { .. } => Code::BadDate,
            Kind::AmbiguousAlias { .. } => Code::AmbiguousAlias,
            Kind::UnknownAssignee {
                reporters: true, ..
            } => Code::UnknownReporter,
            Kind::UnknownAssignee { .. } => Code::UnknownAgency,
            Kind::UnassignedTask { .. } => Code::UnassignedTask,
            Kind::Unreadable { .. } | Kind::UnreadableFolder { .. } => Code::Unreadable,
            Kind::BinaryFile { .. }
            | Kind::BinaryData
            | Kind::Workbook { .. }
            | Kind::UnreadableRow { .. } => Code::NotATable,
            Kind::NoHeader { empty: true, .. } => Code::EmptyReport,
            Kind::NoHeader { empty: false, .. } => Code::NotATable,
            Kind::BadBytes { .. } => Code::Encoding,
            Kind::SkippedLines { .. } => Code::SkippedLines,
            Kind::SkippedOutputFolder { .. } => Code::SkippedOutputFolder,
            Kind::TooManyColumns { .. } => Code::TooManyColumns,
            Kind::DuplicateColumn { .. } => Code::DuplicateColumn,
            Kind::UnknownColumn { .. } => Code::UnknownColumn,
            Kind::UnreadFigureColumn { .. } => Code::UnreadFigureColumn,
            Kind::FigureOverflow { .. } => Code::FigureOverflow,
            Kind::MissingColumns { .. } => Code::MissingColumn,
            Kind::EmptyReport { .. } | Kind::EmptyIndicators { .. } => Code::EmptyReport,
            Kind::NoValue { .. } | Kind::MissingTask | Kind::MissingStatus => Code::MissingValue,
            Kind::UnknownAgency { .. } | Kind::RowUnknownAgency { .. } => Code::UnknownAgency,
            Kind::UnknownPeriod { .. } => Code::UnknownPeriod,
            Kind::TooLong { .. } => Code::TooLong,
            Kind::ExtraFields { .. } => Code::ExtraFields,
            Kind::MixedAgency { .. } => Code::MixedAgency,
            Kind::MixedPeriod { .. } => Code::MixedPeriod,
            Kind::MixedDate { .. } => Code::MixedDate,
            Kind::RepeatedTask { .. } => Code::DuplicateTask,
            Kind::UnfilledRow { .. } => Code::UnfilledRow,
            Kind::BadStatus { .. } => Code::BadStatus,
            Kind::NotAssigned { .. } => Code::NotAssigned,
            Kind::TaskNotReported { .. } => Code::TaskNotReported,
            Kind::BadDate { .. } => Code::BadDate,
            Kind::OutOfRange { .. } | Kind::Negative { .. } => Code::OutOfRange,
            Kind::NotWhole { .. } | Kind::NotAPercent { .. } | Kind::NotANumber { .. } => {
                Code::BadNumber
            }
            Kind::UnknownTask { .. } => Code::UnknownTask,
            Kind::OtherPeriod { .. } => Code::OtherPeriod,
            Kind::FutureDate { .. } => Code::FutureDate,
            Kind::BeforeWindow { .. } => Code::BeforeWindow,
            Kind::DoubtfulDate { .. } => Code::DoubtfulDate,
            Kind::BeforeYear { .. } => Code::BeforeYear,
            Kind::DuplicateFile { .. } => Code::DuplicateFile,
            Kind::Conflict { .. } => Code::Conflict,
            Kind::Superseded { .. } => Code::Superseded,
            Kind::DroppedTasks { .. } => Code::DroppedTasks,
            Kind::UnexpectedAgency { .. } => Code::UnexpectedAgency,
            Kind::DuplicateIndicator { .. } | Kind::RepeatedIndicator { .. } => {
                Code::DuplicateIndicator
            }
            Kind::UnknownIndicator { .. } => Code::UnknownIndicator,
            Kind::BadIndicator { .. } => Code::BadIndicator,
            Kind::BadInclude { .. } => Code::BadInclude,
            Kind::NumeratorAboveDenominator { .. } => Code::NumeratorAboveDenominator,
            Kind::NegativeValue { .. } => Code::NegativeValue,
            Kind::IndicatorNotReported { .. } => Code::IndicatorNotReported,
            Kind::IndicatorNotAsked { .. } => Code::IndicatorNotAsked,
            Kind::ImplausibleValue { .. } => Code::ImplausibleValue,
            Kind::NoIndicatorValue { .. } => Code::MissingValue,
        }
    }
}
