//! What a cycle says: each agency's `State`, the `Cycle` itself, its `Counts`, and the views
//! commands take of it (overdue agencies, the files whose figures count, relevant reports).

use crate::diag::Diagnostic;
use crate::plan::{AgencyIdx, Period, Plan};
use crate::report::Report;
use chrono::NaiveDate;

/// Where an agency stands on the cycle's reporting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Reported by the last on-time day.
    OnTime,
    /// Reported after it.
    Late,
    /// Not reported, and the last on-time day has passed.
    Missing,
    /// Not reported, and there is still time.
    Pending,
    /// Sent something, but every file of the agency for the period was excluded whole (or its
    /// latest files conflict, so that none counts): a corrected report is needed.
    Rejected,
}

impl State {
    /// The state's word in `lang`, for documents and tables.
    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        match self {
            State::OnTime => lang.pick("đúng hạn", "on time"),
            State::Late => lang.pick("trễ hạn", "late"),
            State::Missing => lang.pick("chưa nộp", "missing"),
            State::Pending => lang.pick("chưa đến hạn", "pending"),
            State::Rejected => lang.pick("đã nộp, bị loại", "rejected"),
        }
    }

    /// Late, missing or rejected: on the overdue lists and reminded.
    pub fn is_overdue(self) -> bool {
        matches!(self, State::Late | State::Missing | State::Rejected)
    }

    /// The state's stable name in CSV and JSON.
    pub fn code(self) -> &'static str {
        match self {
            State::OnTime => "on_time",
            State::Late => "late",
            State::Missing => "missing",
            State::Pending => "pending",
            State::Rejected => "rejected",
        }
    }
}

/// One agency in the cycle.
#[derive(Debug, Clone)]
pub struct AgencyCycle {
    /// The agency, as an index into the plan's agencies.
    pub agency: AgencyIdx,
    /// Must report this period (the plan says so); others who reported are listed too.
    pub expected: bool,
    /// On time, late, missing or pending.
    pub state: State,
    /// The date of the earliest usable report: timeliness counts from it.
    pub submitted_on: Option<NaiveDate>,
    /// Days after the last on-time day: of the report (late), or of the as-of date (missing).
    pub days_late: Option<i64>,
    /// The report whose figures count (the latest), as an index into [`Cycle::reports`].
    pub figures_from: Option<usize>,
    /// Every usable report of this agency for the period, oldest first.
    pub reports: Vec<usize>,
    /// The agency's files for the period that were excluded whole (their diagnostics say why).
    pub rejected: Vec<usize>,
}

impl AgencyCycle {
    /// The files held back: two or more different reports on the agency's latest date (a
    /// conflict), none of whose figures count until it says which is right. Empty otherwise.
    pub fn held_back<'a>(&'a self, reports: &[Report]) -> &'a [usize] {
        let Some(&last) = self.reports.last().filter(|_| self.figures_from.is_none()) else {
            return &[];
        };
        let latest = reports[last].submitted_on;
        // `reports` is in date order (`figures::copy_order`).
        let from = (self.reports).partition_point(|&f| reports[f].submitted_on < latest);
        &self.reports[from..]
    }
}

/// One reporting cycle: who was expected, who reported when, and what the cycle noticed.
#[derive(Debug)]
pub struct Cycle<'p> {
    /// The plan the cycle belongs to.
    pub plan: &'p Plan,
    /// The period reported on.
    pub period: &'p Period,
    /// The day the cycle is judged on (`--as-of`).
    pub as_of: NaiveDate,
    /// Every report read, usable or not.
    pub reports: Vec<Report>,
    /// The expected agencies (in the plan's order), then those that reported unexpected.
    pub agencies: Vec<AgencyCycle>,
    /// What the cycle found beyond each file's own diagnostics: other periods, superseded and
    /// duplicate files, conflicts, reports dated after the as-of date, unexpected agencies.
    pub notices: Vec<Diagnostic>,
}

/// The cycle in numbers: of the expected agencies, how many are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Agencies that must report.
    pub expected: usize,
    /// Of those, how many reported (on time or late).
    pub reported: usize,
    /// Reported on time.
    pub on_time: usize,
    /// Reported late.
    pub late: usize,
    /// Not reported, overdue.
    pub missing: usize,
    /// Not reported, not yet due.
    pub pending: usize,
    /// Sent only files that were excluded whole.
    pub rejected: usize,
}

impl Counts {
    /// Reported / expected (0 when none are expected).
    pub fn reporting_rate(&self) -> f64 {
        ratio(self.reported, self.expected)
    }
    /// On time / expected (0 when none are expected).
    pub fn on_time_rate(&self) -> f64 {
        ratio(self.on_time, self.expected)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl<'p> Cycle<'p> {
    /// The counts of the expected agencies.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for a in self.agencies.iter().filter(|a| a.expected) {
            c.expected += 1;
            match a.state {
                State::OnTime => c.on_time += 1,
                State::Late => c.late += 1,
                State::Missing => c.missing += 1,
                State::Pending => c.pending += 1,
                State::Rejected => c.rejected += 1,
            }
        }
        c.reported = c.on_time + c.late;
        c
    }

    /// The agencies whose figures are held back (a conflict), with the files that conflict.
    pub fn held_back(&self) -> impl Iterator<Item = (&AgencyCycle, &[usize])> {
        (self.agencies.iter())
            .map(|a| (a, a.held_back(&self.reports)))
            .filter(|(_, files)| !files.is_empty())
    }

    /// The reports whose figures count, agency by agency in the cycle's order: the order in
    /// which [`crate::consolidate::fold`] asks for their rows (and `consolidate` reads them
    /// again).
    pub fn figures_files(&self) -> impl Iterator<Item = usize> + '_ {
        self.agencies.iter().filter_map(|a| a.figures_from)
    }

    /// The expected agencies that are late, missing or rejected: listed and reminded. An
    /// agency the plan does not ask to report this period is never overdue, whatever it sent.
    pub fn overdue(&self) -> impl Iterator<Item = &AgencyCycle> {
        self.agencies
            .iter()
            .filter(|a| a.expected && a.state.is_overdue())
    }

    /// Reports that belong to this cycle's view: this period's, and the unusable ones (whose
    /// period is unknown). Files of other periods are left out, with a notice.
    pub fn relevant_reports(&self) -> impl Iterator<Item = (usize, &Report)> {
        self.reports
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.usable() || r.period_id(self.plan) == Some(&self.period.id))
    }

    /// Every diagnostic of the cycle: the relevant files' own, then the cycle's notices.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.relevant_reports()
            .flat_map(|(_, r)| r.diagnostics.iter())
            .chain(self.notices.iter())
    }
}
