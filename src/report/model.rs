//! What a report file gives: the `Report` (identity, counts, diagnostics), its accepted `Row`s,
//! and the options it is read with.

use super::{remarks, IndicatorRow, Status};
use crate::diag::{Diagnostic, Excludes, Kind};
use crate::plan::{AgencyIdx, Plan, TaskIdx};
use chrono::NaiveDate;
use std::hash::{Hash, Hasher};

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
///
/// [`limits::MAX_ROWS`]: super::limits::MAX_ROWS
/// [`limits::MAX_CELLS`]: super::limits::MAX_CELLS
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
    pub(super) remarks: Option<Box<remarks::Remarks>>,
    /// The indicator rows read without error (issue 14; see `indicator_rows.rs`).
    pub indicators: Vec<IndicatorRow>,
    /// Filled indicator rows, accepted or refused: those refused count as excluded rows.
    pub indicator_data_rows: u32,
    /// The file holds an indicator table and no task table (a companion CSV): it does not
    /// count as the agency's report, only for its indicators.
    pub indicators_only: bool,
    /// The tasks its accepted rows report on, in file order, and which figures each fills:
    /// kept when the rows are dropped, so the cycle can tell a later file that lacks what an
    /// earlier one gave (`cycle/gaps.rs`).
    pub given: Box<[Given]>,
}

/// One task a report gives, and which of its four figures are filled (a `0` is filled).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Given {
    /// The task, as an index into the plan's tasks.
    pub task: u32,
    /// Bit `i` set when figure `i` of [`Given::FIGURES`] is filled; [`Given::NOT_STARTED`]
    /// when the row says the task is not started.
    pub filled: u8,
}

impl Given {
    /// The four figures, by their stable column names.
    pub const FIGURES: [&'static str; 4] = [
        "activities",
        "participants_female",
        "participants_male",
        "budget_vnd",
    ];

    /// The bit of `filled` set when the row says "not started" (its figures may well be blank).
    pub const NOT_STARTED: u8 = 1 << 7;

    /// The figures filled, without the status bit.
    pub fn figures(self) -> u8 {
        self.filled & !Self::NOT_STARTED
    }

    /// What `row` gives.
    pub fn of(row: &Row) -> Self {
        let figures = [
            row.activities,
            row.participants_female,
            row.participants_male,
            row.budget_vnd,
        ];
        let filled = (figures.iter().enumerate())
            .filter(|(_, v)| v.is_some())
            .fold(0u8, |m, (i, _)| m | (1 << i));
        let filled = match row.status {
            Status::NotStarted => filled | Self::NOT_STARTED,
            _ => filled,
        };
        Given {
            task: u32::try_from(row.task).unwrap_or(u32::MAX),
            filled,
        }
    }
}

impl Report {
    pub(super) fn new(file: &str) -> Self {
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
            given: Box::new([]),
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

    /// The agency that sent the file, as far as it can be told: the file's agency or, when its
    /// rows name an agency the plan does not know, the one the `unknown-agency` diagnostic
    /// suggests (the name nearest to it, or the agency whose id the file's name begins with:
    /// `report/identity.rs` decides which). The one place a rejected file's agency is read.
    pub fn sent_by(&self, plan: &Plan) -> Option<AgencyIdx> {
        self.agency.or_else(|| {
            self.diagnostics.iter().find_map(|d| match &d.kind {
                Kind::UnknownAgency { .. } => {
                    d.suggestion.as_deref().and_then(|s| plan.find_agency(s))
                }
                _ => None,
            })
        })
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
            self.all_rows()
        }
    }

    /// Every filled row of the file, task and indicator rows, accepted or not: what a file
    /// excluded whole leaves out.
    pub fn all_rows(&self) -> usize {
        self.data_rows as usize + self.indicator_data_rows as usize
    }
}

/// How to read report files.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// The encoding to read text in (`--encoding`); `None` guesses.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

impl Row {
    /// Feeds what the row says (not where it stands) to the file's fingerprint.
    pub(super) fn hash_into(&self, h: &mut impl Hasher) {
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

/// The files whose [`Report::given`] the cycle compares: the usable files of an agency and
/// period that sent more than one (a later file that lacks what an earlier one gave,
/// `cycle/gaps.rs`). Most agencies send one file; read without their rows, the others need
/// not keep what they gave (50,000 files of 60 tasks would hold 25 MB of it).
pub fn compared_files(reports: &[Report]) -> Vec<usize> {
    let key = |r: &Report| (r.usable() && !r.indicators_only).then_some((r.agency?, r.period?));
    let mut files: std::collections::HashMap<_, u32> = std::collections::HashMap::new();
    for k in reports.iter().filter_map(key) {
        *files.entry(k).or_default() += 1;
    }
    (0..reports.len())
        .filter(|&i| key(&reports[i]).is_some_and(|k| files[&k] > 1))
        .collect()
}
