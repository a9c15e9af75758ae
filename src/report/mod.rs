//! Agency report files: bytes in, rows and diagnostics out. `table.rs` turns text into a table
//! (and `sheet.rs` a workbook), this module checks every cell, `files.rs` is the only part that
//! touches the file system.

mod checks;
pub mod decode;
pub mod fields;
mod files;
mod header;
mod identity;
mod indicator_rows;
mod inspect;
pub mod limits;
pub mod remarks;
mod schema;
mod sheet;
mod table;

use checks::Ctx;
pub use files::{collect, read_ahead, read_all, read_all_with, read_path, Found};
pub(crate) use table::no_header;
use table::{text_table, RawRow, Source, Table};

pub use fields::Status;
pub use indicator_rows::{parse_figure, IndicatorRow};
use schema::{column_of, Columns};
pub use schema::{Col, ColumnSpec, COLUMNS, INDICATOR_COLUMNS};

use crate::diag::{Diagnostic, Excludes, Kind};
use crate::plan::{AgencyIdx, Plan, Role, TaskIdx};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Excel's limit for the text of one cell: a longer value could not reach the workbook.
pub const MAX_CELL_CHARS: usize = 32_767;

/// A header with more cells than this is not a report's.
pub const MAX_COLUMNS: usize = 256;

/// One accepted row of a report.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 1-based line (in a workbook, the sheet row) the row stands on.
    pub line: u32,
    /// The task, as an index into the plan's tasks.
    pub task: TaskIdx,
    /// Done, in progress or not started.
    pub status: Status,
    /// Progress in percent, 0–100.
    pub progress: Option<f64>,
    /// Number of activities held.
    pub activities: Option<u64>,
    /// Women who took part.
    pub participants_female: Option<u64>,
    /// Men who took part.
    pub participants_male: Option<u64>,
    /// Money spent, in đồng.
    pub budget_vnd: Option<u64>,
    /// The agency's note or result.
    pub note: String,
}

/// One report file as read: who, which period, when, the accepted rows, and every problem.
///
/// Every command holds one per file read, all at once (50,000 files make 50,000 of them), so
/// it is kept small: counts in `u32` (a file has at most [`limits::MAX_ROWS`] text rows or
/// [`limits::MAX_CELLS`] cells), what few files have behind a box, and nothing that is needed
/// only while the file is read (the diagnostics over the cap are counted in the reader).
#[derive(Debug, Clone)]
pub struct Report {
    /// The file as the user named it.
    pub file: String,
    /// The file's agency (what most rows give), when the plan knows it.
    pub agency: Option<AgencyIdx>,
    /// The file's period, when the plan knows it: an index into the plan's periods (a string
    /// each would cost more than the report's other fields); [`Report::period_id`] gives its id.
    pub period: Option<u32>,
    /// The file's report date.
    pub submitted_on: Option<NaiveDate>,
    /// The rows read without error.
    pub rows: Vec<Row>,
    /// What was found in the file, in the order found.
    pub diagnostics: Vec<Diagnostic>,
    /// The encoding the text was read in (`xlsx` for a workbook).
    pub encoding: &'static str,
    /// The field delimiter of a text table.
    pub delimiter: Option<char>,
    /// Non-blank data rows in the file, accepted or not.
    pub data_rows: u32,
    /// Rows accepted; stays when the rows themselves are dropped ([`Report::drop_rows`]).
    pub accepted: u32,
    /// Same agency, period, date and rows give the same fingerprint, whatever the file's bytes.
    pub fingerprint: u64,
    /// The file's size, when read from disk (0 otherwise): with the fingerprint and the counts,
    /// tells a file read a second time from one saved over in between ([`Report::same_reading`]).
    pub bytes: u64,
    /// The agency's difficulties and proposals (reserved rows, see `remarks.rs`), when the
    /// file gives some: most do not ([`Report::remarks`]).
    remarks: Option<Box<remarks::Remarks>>,
    /// The indicator rows read without error (issue 14; see `indicator_rows.rs`).
    pub indicators: Vec<IndicatorRow>,
    /// Filled indicator rows, accepted or refused: those refused count as excluded rows.
    pub indicator_data_rows: u32,
    /// The file holds an indicator table and no task table (a companion CSV): it does not
    /// count as the agency's report, only for its indicators.
    pub indicators_only: bool,
}

impl Report {
    fn new(file: &str) -> Self {
        Report {
            file: file.to_string(),
            agency: None,
            period: None,
            submitted_on: None,
            rows: Vec::new(),
            diagnostics: Vec::new(),
            encoding: "",
            delimiter: None,
            data_rows: 0,
            accepted: 0,
            fingerprint: 0,
            bytes: 0,
            remarks: None,
            indicators: Vec::new(),
            indicator_data_rows: 0,
            indicators_only: false,
        }
    }

    /// A file problem that makes the whole file unusable.
    pub fn fail(file: &str, kind: Kind) -> Self {
        let mut r = Report::new(file);
        r.diagnostics = vec![Diagnostic::err(file, kind).excluding(Excludes::File)];
        r
    }

    /// The file can count: its header, agency, period and date are usable.
    pub fn usable(&self) -> bool {
        self.agency.is_some()
            && self.period.is_some()
            && self.submitted_on.is_some()
            && !self
                .diagnostics
                .iter()
                .any(|d| d.excludes == Excludes::File)
    }

    /// Rows that count: the accepted ones of a usable file.
    pub fn rows_counted(&self) -> usize {
        if self.usable() {
            self.accepted as usize
        } else {
            0
        }
    }

    /// The id of the file's period, when the plan (the one it was read with) knows it.
    pub fn period_id<'p>(&self, plan: &'p Plan) -> Option<&'p str> {
        self.period.map(|p| plan.periods[p as usize].id.as_str())
    }

    /// The agency's difficulties and proposals (empty when the file gives none).
    pub fn remarks(&self) -> &remarks::Remarks {
        static NONE: remarks::Remarks = remarks::Remarks::EMPTY;
        self.remarks.as_deref().unwrap_or(&NONE)
    }

    /// Frees the rows, keeping their count: for commands that need only the diagnostics.
    pub fn drop_rows(&mut self) {
        self.rows = Vec::new();
    }

    /// `again` is this file read a second time, unchanged: same name, size, fingerprint, counts
    /// and diagnostics. A file saved over in between almost always differs in one of them.
    pub fn same_reading(&self, again: &Report) -> bool {
        self.file == again.file
            && self.bytes == again.bytes
            && self.fingerprint == again.fingerprint
            && self.data_rows == again.data_rows
            && self.accepted == again.accepted
            && self.diagnostics.len() == again.diagnostics.len()
    }

    /// How many errors the file has.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// Rows that do not count, task and indicator rows alike: all of them when the file is
    /// unusable.
    pub fn excluded_rows(&self) -> usize {
        if self.usable() {
            (self.data_rows - self.accepted) as usize + self.indicator_rows_excluded()
        } else {
            self.data_rows as usize + self.indicator_data_rows as usize
        }
    }
}

/// How to read report files.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// The encoding to read text in (`--encoding`); `None` guesses.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

/// Reads one report from its bytes, its diagnostics capped ([`limits::MAX_DIAGNOSTICS`]).
pub fn read(bytes: &[u8], file: &str, plan: &Plan, opts: &ReadOptions) -> Report {
    let mut r = read_bytes(bytes, file, plan, opts);
    // Kept for the whole run, one report per file: no room for more diagnostics is kept.
    r.diagnostics.shrink_to_fit();
    r
}

/// A text report or a workbook, by what its bytes are.
fn read_bytes(bytes: &[u8], file: &str, plan: &Plan, opts: &ReadOptions) -> Report {
    if let Some(kind) = decode::binary_kind(bytes) {
        if kind.starts_with("ZIP") || kind.starts_with("XLS") {
            // A workbook, whatever its name says.
            return read_sheet(bytes, file, plan);
        }
        let kind = kind.to_string();
        return Report::fail(file, Kind::BinaryFile { format: kind });
    }
    let mut r = Report::new(file);
    let dec = decode::decode(bytes, opts.encoding);
    r.encoding = dec.encoding;
    if dec.text.contains('\0') {
        return Report::fail(file, Kind::BinaryData);
    }
    if dec.had_errors {
        let enc = dec.encoding;
        r.diagnostics.push(Diagnostic::warn(
            file,
            Kind::BadBytes {
                encoding: enc.to_string(),
            },
        ));
    }
    let mut reader = Reader::new(plan, &mut r);
    match text_table(&dec.text, file) {
        Ok((table, skipped)) => {
            reader.r.delimiter = match table.source {
                Source::Text { delim, .. } => Some(delim),
                Source::Sheet { .. } => None,
            };
            reader.r.diagnostics.extend(skipped);
            reader.table(table);
        }
        Err(d) => reader.push(*d),
    }
    reader.finish();
    r
}

/// Reads a workbook (XLSX, XLSM, XLS, ODS): the sheets that have the report's header; it
/// is inspected first, and refused before it is opened when it is over the limits.
pub fn read_sheet(bytes: &[u8], file: &str, plan: &Plan) -> Report {
    let mut r = Report::new(file);
    r.encoding = "xlsx";
    if let Err(refusal) = inspect::workbook(bytes) {
        r.diagnostics
            .push(limits::refusal_diagnostic(file, &refusal));
        return r;
    }
    let (table, others, indicators) = match sheet::table(bytes, file) {
        Ok(t) => t,
        Err(d) => {
            r.diagnostics.push(*d);
            return r;
        }
    };
    r.diagnostics.extend(others);
    let mut reader = Reader::new(plan, &mut r);
    reader.table(table);
    if let Some(t) = indicators {
        reader.indicator_rows(t, false);
    }
    reader.finish();
    r
}

struct Reader<'a> {
    plan: &'a Plan,
    r: &'a mut Report,
    /// The diagnostics over the cap, counted while reading.
    over: limits::Overflow,
}

impl<'a> Reader<'a> {
    fn new(plan: &'a Plan, r: &'a mut Report) -> Self {
        let over = limits::Overflow::default();
        Reader { plan, r, over }
    }

    fn push(&mut self, d: Diagnostic) {
        self.over.add(self.r, d);
    }

    /// Done reading: the diagnostics over the cap become their "and N more" lines.
    fn finish(self) {
        self.over.close(self.r);
    }

    /// The header's columns, then the rows (an indicator table's: `indicator_rows.rs`).
    fn table(&mut self, t: Table) {
        if sheet::is_indicator_header(t.header.iter()) {
            return self.indicator_rows(t, true);
        }
        let file = self.r.file.clone();
        let (cols, width, diags) = header::columns(&file, &t);
        self.r.diagnostics.extend(diags);
        let Some(cols) = cols else {
            return;
        };
        // At most `limits::MAX_ROWS` rows of text, `limits::MAX_CELLS` cells of a workbook.
        self.r.data_rows = u32::try_from(t.rows.len()).unwrap_or(u32::MAX);
        // In text, more cells than the header has columns means a delimiter inside a value
        // (a decimal comma in a comma-separated file): every value after it has moved.
        let text_width = match t.source {
            Source::Text { .. } => Some(width),
            Source::Sheet { .. } => None,
        };
        self.rows(&t.source, &cols, text_width, t.rows);
    }

    /// The rows: the file's identity, then each row through the checks, in order; a row with
    /// an error is excluded, the others counted.
    fn rows(&mut self, src: &Source, cols: &Columns, width: Option<usize>, raw: Vec<RawRow>) {
        let file = self.r.file.clone();
        let ctx = Ctx {
            plan: self.plan,
            file: &file,
            src,
            cols,
            width,
        };
        if let Some((id, d)) = identity::unfilled_template(&ctx, &raw) {
            (self.r.agency, self.r.period) = (id.agency, period_index(self.plan, &id.period));
            self.push(d);
            return;
        }
        let id = identity::identify(&ctx, &raw, &mut self.r.diagnostics);
        (self.r.agency, self.r.period, self.r.submitted_on) =
            (id.agency, period_index(self.plan, &id.period), id.date);
        let mut seen_tasks: HashMap<TaskIdx, u32> = HashMap::new();
        let mut unfilled = Vec::new();
        let mut hasher = std::hash::DefaultHasher::new();
        (self.r.agency, &self.r.period, self.r.submitted_on).hash(&mut hasher);
        for row in &raw {
            if let Some(d) = checks::too_long(&ctx, row).or_else(|| checks::shifted(&ctx, row)) {
                self.push(d);
                continue;
            }
            // Difficulties and proposals: reserved rows, not tasks (see `remarks.rs`).
            if remarks::take(self.r, ctx.cell(row, Col::Task), ctx.cell(row, Col::Note)) {
                continue;
            }
            let mut errs: Vec<Diagnostic> = Vec::new();
            checks::same_agency(&ctx, &id, row, &mut errs);
            checks::same_period(&ctx, &id, row, &mut errs);
            checks::same_date(&ctx, &id, row, &mut errs);
            let task = checks::task(&ctx, row, &mut seen_tasks, &mut errs);
            if ctx.cell(row, Col::Status).is_empty()
                && errs.is_empty()
                && identity::unfilled(&ctx, row)
            {
                // A partner's rows are welcome, not expected: its blank row is no fault.
                let partner = task.zip(self.r.agency).map(|(t, a)| self.plan.role(t, a));
                if partner != Some(Some(Role::Partner)) {
                    unfilled.push(unfilled_row(&ctx, task, row));
                }
                continue;
            }
            let status = checks::status(&ctx, row, &mut errs);
            let progress = checks::progress(&ctx, row, &mut errs);
            let mut whole = |c: Col| checks::whole(&ctx, row, c, &mut errs);
            let figures = [Col::Activities, Col::Female, Col::Male, Col::Budget].map(&mut whole);
            if !errs.is_empty() {
                errs.into_iter().for_each(|d| self.push(d));
                continue;
            }
            let (Some(task), Some(status)) = (task, status) else {
                continue;
            };
            if let Some(d) = checks::not_assigned(&ctx, self.r.agency, task, row) {
                self.push(d);
            }
            let [activities, female, male, budget] = figures;
            let row = Row {
                line: row.line,
                task,
                status,
                progress,
                activities,
                participants_female: female,
                participants_male: male,
                budget_vnd: budget,
                note: ctx.cell(row, Col::Note).to_string(),
            };
            row.hash_into(&mut hasher);
            self.r.rows.push(row);
            self.r.accepted += 1;
        }
        unfilled.into_iter().for_each(|d| self.push(d));
        let not_reported = self.not_reported(&seen_tasks);
        if let (Some(d), false) = (not_reported, raw.is_empty()) {
            self.push(d);
        }
        self.r.remarks().hash(&mut hasher);
        self.r.fingerprint = hasher.finish();
    }

    /// The agency's own tasks that the file does not mention (for a file that counts).
    fn not_reported(&self, seen: &HashMap<TaskIdx, u32>) -> Option<Diagnostic> {
        let plan = self.plan;
        let a = self.r.agency.filter(|_| self.r.usable())?;
        let tasks: Vec<String> = plan
            .tasks_of(a)
            .into_iter()
            .filter(|&(t, role)| role == Role::Lead && !seen.contains_key(&t))
            .filter(|&(t, _)| {
                let p = self.r.period_id(plan);
                p.is_none_or(|p| plan.tasks[t].in_period(p))
            })
            .map(|(t, _)| plan.tasks[t].id.clone())
            .collect();
        let kind = Kind::TaskNotReported { tasks };
        (!matches!(&kind, Kind::TaskNotReported { tasks } if tasks.is_empty()))
            .then(|| Diagnostic::warn(&self.r.file, kind))
    }
}

/// The index of the plan's period `id` (one of the plan's, as the file's identity gives it).
fn period_index(plan: &Plan, id: &Option<String>) -> Option<u32> {
    let i = plan
        .periods
        .iter()
        .position(|p| Some(&p.id) == id.as_ref())?;
    u32::try_from(i).ok()
}

/// A row with neither status nor figures: a warning, the row left out.
fn unfilled_row(ctx: &Ctx, task: Option<TaskIdx>, row: &RawRow) -> Diagnostic {
    let id = match task {
        Some(t) => ctx.plan.tasks[t].id.as_str(),
        None => ctx.cell(row, Col::Task),
    };
    let kind = Kind::UnfilledRow {
        task: id.to_string(),
    };
    Diagnostic::warn(ctx.file, kind)
        .at_line(row.line)
        .excluding(Excludes::Row)
}

impl Row {
    /// Feeds what the row says (not where it stands) to the file's fingerprint.
    fn hash_into(&self, h: &mut impl Hasher) {
        (
            self.task,
            self.status,
            self.activities,
            self.participants_female,
            self.participants_male,
            self.budget_vnd,
            &self.note,
        )
            .hash(h);
        self.progress.map(f64::to_bits).hash(h);
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod fuzz_tests;
