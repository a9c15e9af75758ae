//! What a diagnostic found, with its values: the data scripts read from the JSON and the
//! catalogue in [`super::messages`] renders as a sentence.

use super::Code;
use chrono::NaiveDate;
use serde::{Serialize, Serializer};

/// Dates in the JSON as `2021-06-10`.
fn iso<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&d.format("%Y-%m-%d"))
}

fn iso_opt<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => iso(d, s),
        None => s.serialize_none(),
    }
}

/// A task whose later report leaves blank figures an earlier one filled: the figures' stable
/// column names (`budget_vnd`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureGap {
    pub task: String,
    pub columns: Vec<String>,
}

/// A name in both languages (the English one falls back to the Vietnamese), for messages
/// that name a plan's period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Names {
    pub vi: String,
    pub en: String,
}

impl Names {
    /// The name in `lang`.
    pub fn get(&self, lang: crate::lang::Lang) -> &str {
        lang.pick(&self.vi, &self.en)
    }
}

/// What was found. Each variant holds the values a message needs (what was found, what was
/// expected, limits…); [`Kind::code`] names its stable code.
///
/// In the JSON (`data`), a kind is an object: its name in `kind` (`unreadable-folder`) beside
/// its values.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Kind {
    // ---- cycle ----
    /// A report for another period than the cycle's (`found`, by id and by name); left out.
    /// `rejects` when its date is nearer this period's due date than its own: then it counts
    /// as the agency's rejected file for this period (and is said on the spot).
    OtherPeriod {
        found: String,
        expected: String,
        found_name: Names,
        expected_name: Names,
        rejects: bool,
    },
    /// A report dated after the as-of date.
    FutureDate {
        #[serde(serialize_with = "iso")]
        date: NaiveDate,
        #[serde(serialize_with = "iso")]
        as_of: NaiveDate,
        /// The date with day and month swapped, when that falls inside the period's window
        /// (a month-first typo).
        #[serde(serialize_with = "iso_opt")]
        swapped: Option<NaiveDate>,
    },
    /// A report dated after the period's window whose day and month, swapped, fall inside it:
    /// most likely written month first; not counted late on that date.
    DoubtfulDate {
        #[serde(serialize_with = "iso")]
        date: NaiveDate,
        /// The last day of the period's window.
        #[serde(serialize_with = "iso")]
        to: NaiveDate,
        /// The date with day and month swapped, inside the window.
        #[serde(serialize_with = "iso")]
        swapped: NaiveDate,
    },
    /// A report dated before the period's window began: an earlier period's report sent again.
    BeforeWindow {
        #[serde(serialize_with = "iso")]
        date: NaiveDate,
        #[serde(serialize_with = "iso")]
        from: NaiveDate,
    },
    /// A report dated before the plan's year's reports can begin (`from`: 15 December of the
    /// year before), in a period without a window: the year most likely mistyped (2020 for
    /// 2021). Counted as received, never late on that date.
    BeforeYear {
        #[serde(serialize_with = "iso")]
        date: NaiveDate,
        year: i32,
        #[serde(serialize_with = "iso")]
        from: NaiveDate,
    },
    /// Same content as another file; counted once.
    DuplicateFile { other: String },
    /// Same report date, different content: these files.
    Conflict {
        /// The first files of the conflict, in the order they are taken (at most
        /// `cycle::NAMED_FILES`: this file among them when it is one of the first).
        files: Vec<String>,
        /// How many more files conflict than are named; absent from the JSON when every
        /// file is named (as before it was counted).
        #[serde(skip_serializing_if = "is_zero")]
        more: usize,
    },
    /// Replaced by a later report of the same agency.
    Superseded { newer: String },
    /// The file whose figures count (the agency's latest) lacks tasks, or figures of a task,
    /// that its earlier files gave: those no longer count (a supplement sent alone).
    DroppedTasks {
        /// The earlier files that gave them.
        earlier: Vec<String>,
        /// The tasks the later file does not report on, in plan order.
        tasks: Vec<String>,
        /// The tasks it reports on with a figure left blank that an earlier file filled.
        figures: Vec<FigureGap>,
    },
    /// An agency not expected this period reported; its figures count.
    UnexpectedAgency { name: String },
    // ---- indicators (plan and reports) ----
    /// An indicator id declared twice (in the plan or the files it includes).
    DuplicateIndicator { id: String },
    /// An indicator id that no indicator of the plan has (a plan entry or a report row).
    UnknownIndicator { found: String },
    /// An indicator whose `field` is missing or wrong (`kind`, `numerator`, `targets`…).
    BadIndicator { id: String, field: String },
    /// An `include:` that cannot be used: `reason` is `unreadable` (the system's `error`),
    /// `not-utf8`, `too-large`, `too-deep` (over `max` levels) or `cycle`.
    BadInclude {
        path: String,
        reason: String,
        error: Option<String>,
        error_vi: Option<String>,
        max: usize,
    },
    /// A ratio's numerator above its denominator.
    NumeratorAboveDenominator {
        indicator: String,
        numerator: f64,
        denominator: f64,
    },
    /// A negative figure for an indicator (`column` of the indicator table).
    NegativeValue {
        indicator: String,
        column: String,
        value: f64,
    },
    /// Indicators the agency reports that its indicator table does not give.
    IndicatorNotReported { indicators: Vec<String> },
    /// A row for an indicator the report's period does not ask (it is asked in `asked`).
    IndicatorNotAsked {
        indicator: String,
        period: String,
        asked: Vec<String>,
    },
    /// A figure far outside the indicator's plausible range.
    ImplausibleValue {
        indicator: String,
        value: f64,
        min: f64,
        max: f64,
    },
    /// An indicator row giving no figure.
    NoIndicatorValue { indicator: String },
    /// The same indicator twice in one file.
    RepeatedIndicator { indicator: String },
    // ---- plan ----
    /// A plan path that is not a regular file (a device, FIFO, socket, directory): never
    /// opened, the plan cannot be read (code `not-a-file`, as for a report).
    PlanNotAFile { what: String },
    /// A plan file too large to parse.
    PlanTooLarge { mb: u64, max_mb: u64 },
    /// A plan file that is not UTF-8; `offset` of the first bad byte.
    NotUtf8 { offset: usize },
    /// YAML the parser refuses (its message).
    Yaml { message: String },
    /// A key the plan format does not have (the parser's message).
    UnknownField { message: String },
    /// A YAML alias, refused.
    YamlAlias { alias: String },
    /// YAML nesting deeper than `max`.
    TooDeep { max: usize },
    /// An item nesting deeper than `max` levels.
    TooDeepItem { id: String, max: usize },
    /// An agency id declared twice.
    DuplicateAgency { id: String },
    /// A group id already used by a group or agency.
    DuplicateGroup { id: String },
    /// A group member that is no agency id.
    UnknownMember { group: String, found: String },
    /// An agency's `expanded_from` naming no group.
    UnknownGroup { agency: String, found: String },
    /// The plan's coordinator is no agency id.
    UnknownCoordinator { found: String },
    /// A period id declared twice.
    DuplicatePeriod { id: String },
    /// A period without a due date. `year` is the plan's (for an example date), when it is one
    /// a plan may give.
    MissingDueDate { period: String, year: Option<i32> },
    /// `report.reply_days: 0`: reminder letters would ask for a report by their own date.
    ZeroReplyDays,
    /// A section id declared twice.
    DuplicateSection { id: String },
    /// A task id declared twice in the plan.
    DuplicateTaskId { id: String },
    /// The plan has no `missing` (agencies, periods or sections).
    EmptyPlan { missing: String },
    /// A date in the plan not in YYYY-MM-DD. `year` is the plan's (for an example date), when
    /// it is one a plan may give.
    PlanBadDate { found: String, year: Option<i32> },
    /// One spelling of two agencies.
    AmbiguousAlias {
        spelling: String,
        agency: String,
        other: String,
    },
    /// A name in an assignment (a period's reporters when `reporters`) that is no agency or
    /// group.
    UnknownAssignee { found: String, reporters: bool },
    /// A task with no lead.
    UnassignedTask { id: String },
    /// A plan, period or agency id (`what`) that cannot be part of a file name; `reason`:
    /// `empty`, `too-long`, `dots`, `character` (then `character` holds it) or `reserved`.
    UnsafeId {
        what: String,
        id: String,
        reason: String,
        character: Option<String>,
        max_chars: usize,
    },
    /// A plan date or year outside the years bdg accepts.
    PlanDateOutOfRange { found: String, min: i32, max: i32 },
    /// A period whose window ends before it starts.
    ReversedWindow {
        period: String,
        #[serde(serialize_with = "iso")]
        from: NaiveDate,
        #[serde(serialize_with = "iso")]
        to: NaiveDate,
    },
    /// A period whose due date falls outside its window.
    DueOutsideWindow {
        period: String,
        #[serde(serialize_with = "iso")]
        due: NaiveDate,
        #[serde(serialize_with = "iso")]
        from: NaiveDate,
        #[serde(serialize_with = "iso")]
        to: NaiveDate,
    },
    /// A period due in another year than the plan's (and not early in the next one).
    DueOutsideYear {
        period: String,
        #[serde(serialize_with = "iso")]
        due: NaiveDate,
        year: i32,
    },
    /// A task's `periods` naming no period of the plan.
    UnknownTaskPeriod { found: String },
    /// An exclusion (`!X`) in an assignment naming no agency or group.
    UnknownExclusion { found: String, reporters: bool },
    // ---- report files ----
    /// Not a regular file (a device, FIFO, socket, directory): skipped, never opened.
    NotAFile { what: String },
    /// A workbook whose parts decompress to more than the limit (at least `mb`).
    WorkbookTooLarge { mb: u64, max_mb: u64 },
    /// A workbook archive with more parts than the limit.
    TooManyParts { parts: u64, max: u64 },
    /// A workbook sheet whose area puts the workbook over the cell limit.
    TooManyCells { sheet: String, cells: u64, max: u64 },
    /// A workbook with more shared strings than the limit: `strings` is the larger of those
    /// it declares (`uniqueCount`) and those it holds (`<si>` counted, at least `held`).
    TooManyStrings {
        strings: u64,
        declared: u64,
        held: u64,
        max: u64,
    },
    /// A workbook part with more records calamine builds one by one (styles: `xf`, `font`,
    /// `fill`, `border`, `numFmt`; the workbook's index: `Relationship`, `sheet`,
    /// `definedName`) than the limit (at least `records`).
    TooManyRecords { records: u64, max: u64 },
    /// A binary workbook (`.xlsb`).
    BinaryWorkbook,
    /// A workbook archive that cannot be read.
    BrokenWorkbook { error: String },
    /// A text report with more data rows than the limit.
    TooManyRows { max: usize },
    /// A panic while reading the file: `what` the panic said.
    InternalError { what: String },
    /// Diagnostics of one code past the per-file cap, counted: `count` more of `code`.
    Suppressed {
        code: Code,
        count: usize,
        max: usize,
    },
    /// A later sheet with the report header but other columns than the sheet read.
    SheetNotRead { sheet: String, read: String },
    /// A file too large to read (`mb` over `max_mb`).
    FileTooLarge { mb: u64, max_mb: u64 },
    /// The file could not be read: the system's reason, and in Vietnamese where it is a common
    /// one (see [`crate::fsx::io_reason`]).
    Unreadable { error: String, error_vi: String },
    /// A folder could not be read.
    UnreadableFolder { error: String, error_vi: String },
    /// A binary file of a known format (PDF, image…), not a table.
    BinaryFile { format: String },
    /// Binary data (NUL bytes) in what should be text.
    BinaryData,
    /// Bytes not valid in the encoding; replaced.
    BadBytes { encoding: String },
    /// A workbook that does not open.
    Workbook { error: String },
    /// No header row; `empty` when the file has nothing in it.
    NoHeader { expected: Vec<String>, empty: bool },
    /// Lines before the header row, skipped.
    SkippedLines { lines: usize, header_line: u32 },
    /// A folder skipped by the search because it holds bdg's outputs (it has the marker file),
    /// though it holds report-like files.
    SkippedOutputFolder { files: usize, marker: String },
    /// A record the CSV reader could not read.
    UnreadableRow { error: String },
    /// A header row wider than any report.
    TooManyColumns { found: usize, max: usize },
    /// A column named twice.
    DuplicateColumn { column: String },
    /// A column the format does not have.
    UnknownColumn { column: String },
    /// A column that seems to hold a figure (women, men, budget) under a header bdg cannot
    /// read as that figure: the file is not usable without it.
    UnreadFigureColumn { column: String, expected: String },
    /// A figure above what any report can hold (and what sums can add safely): the row is
    /// excluded.
    FigureOverflow {
        column: String,
        found: String,
        max: u64,
    },
    /// Required columns missing from the header.
    MissingColumns { columns: Vec<String> },
    /// A template nobody filled in: `tasks` rows, none with a status or figure.
    EmptyReport { tasks: usize },
    /// An indicator file (a template's companion) nobody filled in: `indicators` rows, none
    /// with a figure or a note. Coded `empty-report`, like its task table.
    EmptyIndicators { indicators: usize },
    /// No row gives the file's agency, period or date (`column`).
    NoValue { column: String },
    /// The file's agency is not in the plan. `by_file_name` when the near match (the
    /// diagnostic's `suggestion`) is the agency whose id the file's name begins with: the file
    /// then counts as that agency's rejected file.
    UnknownAgency { found: String, by_file_name: bool },
    /// The file's period is not in the plan.
    UnknownPeriod {
        found: String,
        expected: Vec<String>,
    },
    /// A cell longer than Excel allows.
    TooLong { chars: usize, max: usize },
    /// More cells than the header has columns: values shifted.
    ExtraFields { found: usize, columns: usize },
    /// A row naming another agency than the file's.
    MixedAgency { found: String, file_agency: String },
    /// A row naming an agency the plan does not have.
    RowUnknownAgency { found: String },
    /// A row naming another period than the file's.
    MixedPeriod { found: String, file_period: String },
    /// A row giving another date than the file's.
    MixedDate {
        found: String,
        #[serde(serialize_with = "iso")]
        file_date: NaiveDate,
    },
    /// A row without a task id.
    MissingTask,
    /// A task reported twice in one file; the later row is excluded.
    RepeatedTask { task: String, first_line: u32 },
    /// A row with neither status nor figures.
    UnfilledRow { task: String },
    /// A row without a status.
    MissingStatus,
    /// A status bdg does not know.
    BadStatus { found: String },
    /// A task reported by an agency it is not assigned to (`owners` empty: all agencies).
    NotAssigned { task: String, owners: Vec<String> },
    /// The agency's own tasks the file does not mention.
    TaskNotReported { tasks: Vec<String> },
    /// A date bdg cannot read; `month_first` when it reads only as mm/dd; `example`, a date
    /// as it should be written, of the plan's year (its first period's due date).
    BadDate {
        found: String,
        month_first: bool,
        #[serde(serialize_with = "iso")]
        example: NaiveDate,
    },
    /// A percentage outside 0–100.
    OutOfRange { column: String, value: f64 },
    /// A negative count or amount.
    Negative { column: String, found: String },
    /// A count or amount with a fraction.
    NotWhole { column: String, found: String },
    /// A percentage that is not a number.
    NotAPercent { column: String, found: String },
    /// A count or amount that is not a number.
    NotANumber { column: String, found: String },
    /// A task id the plan does not have; `sub_items` when `key` is a parent item.
    UnknownTask {
        found: String,
        key: String,
        sub_items: Vec<String>,
    },
}

impl Kind {
    /// The kind's name and values as a JSON object.
    pub fn data(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }

    /// A cycle's notice that changes a verdict or which of the period's files counts, said on
    /// the spot as the cycle is judged: a date bdg does not believe (after the as-of date,
    /// month first, before the year), an old report, a file of this period that does not count
    /// (a copy, an earlier version, two reports that disagree), another period's report taken
    /// as this period's rejected file. Other periods' files are not otherwise: a folder shared
    /// by several periods would print one line for each (they are in the workbook and the JSON).
    pub fn changes_a_verdict(&self) -> bool {
        matches!(
            self,
            Kind::OtherPeriod { rejects: true, .. }
                | Kind::FutureDate { .. }
                | Kind::DoubtfulDate { .. }
                | Kind::BeforeYear { .. }
                | Kind::BeforeWindow { .. }
                | Kind::DuplicateFile { .. }
                | Kind::Superseded { .. }
                | Kind::DroppedTasks { .. }
                | Kind::Conflict { .. }
        )
    }
}

/// For `skip_serializing_if`: a count of nothing left out is not written.
fn is_zero(n: &usize) -> bool {
    *n == 0
}
