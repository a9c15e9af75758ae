//! One reporting cycle: for a plan, a period, the reports read and an as-of date, who was
//! expected, who reported, on time or late, and who is missing or still pending. Pure code.

use crate::diag::{Diagnostic, Excludes, Kind};
use crate::plan::{AgencyIdx, Period, Plan};
use crate::report::Report;
use chrono::NaiveDate;
use std::collections::BTreeMap;

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
    /// Sent something, but every file of the agency for the period was excluded whole: a
    /// corrected report is needed.
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

/// Builds the cycle. `period` must be one of the plan's.
///
/// Steps, one function each: sort the usable reports by agency (`by_agency`); for each
/// expected agency, then each unexpected one, drop identical files (`dedupe`), pick the
/// report whose figures count (`figures_from`) and judge the timeliness ([`timeliness`]).
pub fn build<'p>(
    plan: &'p Plan,
    period: &'p Period,
    reports: Vec<Report>,
    as_of: NaiveDate,
) -> Cycle<'p> {
    let mut notices = Vec::new();
    let last_on_time = period.last_on_time_day();
    let (mut grouped, mut rejected) = by_agency(plan, &reports, period, as_of, &mut notices);
    // Held for the whole run, one per agency (tens of thousands in a large plan): no spare room.
    let mut agencies = Vec::with_capacity(period.reporters.len());
    let mut judge = |a: AgencyIdx, expected: bool, files: Vec<usize>, notices: &mut Vec<_>| {
        let kept = dedupe(&reports, files, notices);
        let figures = figures_from(&reports, &kept, notices);
        let submitted_on = kept.first().and_then(|&f| reports[f].submitted_on);
        let rejected = rejected.remove(&a).unwrap_or_default();
        let sent_unusable = kept.is_empty() && !rejected.is_empty();
        // A date most likely written month first is not believed: never counted late on it.
        let believed = submitted_on.filter(|d| slipped_date(period, *d, as_of).is_none());
        let (state, days_late) = match (submitted_on, believed) {
            (Some(_), None) => (State::OnTime, None),
            _ => timeliness(submitted_on, sent_unusable, last_on_time, as_of),
        };
        agencies.push(AgencyCycle {
            agency: a,
            expected,
            state,
            submitted_on,
            days_late,
            figures_from: figures,
            reports: kept,
            rejected,
        });
    };
    for &a in &period.reporters {
        let files = grouped.remove(&a).unwrap_or_default();
        judge(a, true, files, &mut notices);
    }
    for (a, files) in std::mem::take(&mut grouped) {
        let name = &plan.agencies[a].name;
        for &f in &files {
            let kind = Kind::UnexpectedAgency { name: name.clone() };
            notices.push(Diagnostic::warn(&reports[f].file, kind));
        }
        judge(a, false, files, &mut notices);
    }
    agencies.shrink_to_fit();
    Cycle {
        plan,
        period,
        as_of,
        reports,
        agencies,
        notices,
    }
}

/// Files by agency: the usable reports of `period`, and the files the agency sent for it that
/// were excluded whole (rejected). A report of another period is a notice and left out (and
/// counts as rejected for this period when its date is nearer this period's due date than its
/// own's); one dated after `as_of` is a warning (never late); one dated before the period's
/// window is an error that excludes it.
fn by_agency(
    plan: &Plan,
    reports: &[Report],
    period: &Period,
    as_of: NaiveDate,
    notices: &mut Vec<Diagnostic>,
) -> (Grouped, Grouped) {
    let mut usable: Grouped = BTreeMap::new();
    let mut rejected: Grouped = BTreeMap::new();
    for (i, r) in reports.iter().enumerate() {
        // A companion indicator file counts for its indicators only (`indicators.rs`).
        if r.indicators_only {
            continue;
        }
        if !r.usable() {
            if let Some(a) = sent_for(plan, r, period) {
                rejected.entry(a).or_default().push(i);
            }
            continue;
        }
        let (Some(a), Some(p), Some(date)) = (r.agency, r.period_id(plan), r.submitted_on) else {
            continue;
        };
        if p != period.id {
            let kind = Kind::OtherPeriod {
                found: p.to_string(),
                expected: period.id.clone(),
            };
            notices.push(Diagnostic::warn(&r.file, kind).excluding(Excludes::File));
            if nearer_this_period(plan, p, date, period) {
                rejected.entry(a).or_default().push(i);
            }
            continue;
        }
        if let Some((from, _)) = period.window.filter(|(from, _)| date < *from) {
            let kind = Kind::BeforeWindow { date, from };
            notices.push(Diagnostic::err(&r.file, kind).excluding(Excludes::File));
            rejected.entry(a).or_default().push(i);
            continue;
        }
        if let Some(swapped) = slipped_date(period, date, as_of) {
            let to = period.window.map_or(date, |(_, to)| to);
            let kind = Kind::DoubtfulDate { date, to, swapped };
            notices.push(Diagnostic::warn(&r.file, kind));
        }
        if date > as_of {
            let swapped = swap_day_month(date).filter(|s| in_window(period, *s, as_of));
            let kind = Kind::FutureDate {
                date,
                as_of,
                swapped,
            };
            notices.push(Diagnostic::warn(&r.file, kind));
        }
        usable.entry(a).or_default().push(i);
    }
    (usable, rejected)
}

type Grouped = BTreeMap<AgencyIdx, Vec<usize>>;

/// The agency an unusable file was sent by for `period`, if it can be told: the file's agency
/// (or the one its unknown name is nearest to), when the file's period is this one, unknown,
/// or another whose due date is farther from the file's date than this period's.
fn sent_for(plan: &Plan, r: &Report, period: &Period) -> Option<AgencyIdx> {
    let agency = r.agency.or_else(|| {
        r.diagnostics.iter().find_map(|d| match &d.kind {
            Kind::UnknownAgency { .. } => d.suggestion.as_deref().and_then(|s| plan.find_agency(s)),
            _ => None,
        })
    })?;
    match (r.period_id(plan), r.submitted_on) {
        (Some(p), _) if p == period.id => Some(agency),
        (None, _) => Some(agency),
        (Some(p), Some(date)) if nearer_this_period(plan, p, date, period) => Some(agency),
        _ => None,
    }
}

/// A file of period `other` dated `date` was meant for `period`: its date is nearer this
/// period's due date than its own period's.
fn nearer_this_period(plan: &Plan, other: &str, date: NaiveDate, period: &Period) -> bool {
    let Some(own) = plan.find_period(other) else {
        return true;
    };
    (date - period.due).num_days().abs() < (date - own.due).num_days().abs()
}

/// A report date after the period's window, not after the as-of date, whose day and month
/// swapped fall inside the window (06/12 for 12/06): most likely written month first. Such a
/// date is not believed: the report is not counted late on it (see [`timeliness`]).
fn slipped_date(period: &Period, date: NaiveDate, as_of: NaiveDate) -> Option<NaiveDate> {
    let (_, to) = period.window?;
    if date <= to || date > as_of {
        return None;
    }
    swap_day_month(date).filter(|s| in_window(period, *s, as_of))
}

/// The date with day and month swapped (06/09 → 09/06), when that is a date.
fn swap_day_month(d: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    NaiveDate::from_ymd_opt(d.year(), d.day(), d.month()).filter(|s| *s != d)
}

/// Inside the period's window (or, without one, not after the as-of date).
fn in_window(period: &Period, d: NaiveDate, as_of: NaiveDate) -> bool {
    match period.window {
        Some((from, to)) => from <= d && d <= to,
        None => d <= as_of,
    }
}

/// One agency's files, oldest first (then by name); a file with the same content as an
/// earlier one counts once, with a notice.
fn dedupe(reports: &[Report], mut files: Vec<usize>, notices: &mut Vec<Diagnostic>) -> Vec<usize> {
    files.sort_by(|&x, &y| {
        (reports[x].submitted_on, &reports[x].file)
            .cmp(&(reports[y].submitted_on, &reports[y].file))
    });
    let mut kept: Vec<usize> = Vec::new();
    for f in files {
        match kept
            .iter()
            .find(|&&k| reports[k].fingerprint == reports[f].fingerprint)
        {
            Some(&same) => {
                let other = reports[same].file.clone();
                let d = Diagnostic::warn(&reports[f].file, Kind::DuplicateFile { other });
                notices.push(d.excluding(Excludes::File));
            }
            None => kept.push(f),
        }
    }
    kept.shrink_to_fit();
    kept
}

/// The report whose figures count: the latest. Two different reports on the latest date
/// conflict (none counts until the agency says which is right); earlier ones are superseded.
fn figures_from(
    reports: &[Report],
    kept: &[usize],
    notices: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let latest = kept.last().and_then(|&f| reports[f].submitted_on);
    let on_latest: Vec<usize> = kept
        .iter()
        .copied()
        .filter(|&f| reports[f].submitted_on == latest)
        .collect();
    let figures = if on_latest.len() > 1 {
        let files: Vec<String> = on_latest.iter().map(|&f| reports[f].file.clone()).collect();
        for &f in &on_latest {
            let kind = Kind::Conflict {
                files: files.clone(),
            };
            notices.push(Diagnostic::err(&reports[f].file, kind).excluding(Excludes::File));
        }
        None
    } else {
        on_latest.first().copied()
    };
    for &f in kept {
        if Some(f) != figures && !on_latest.contains(&f) {
            let newer = figures.map(|n| reports[n].file.clone()).unwrap_or_default();
            let d = Diagnostic::warn(&reports[f].file, Kind::Superseded { newer });
            notices.push(d.excluding(Excludes::File));
        }
    }
    figures
}

/// On time, late, missing, pending or rejected, and by how many days: from the date of the
/// earliest usable report (if any), whether the agency sent only rejected files, the last
/// on-time day and the as-of date. Pure; see the table of cases in the tests.
///
/// A report dated after the as-of date is never late: the file is in hand by the as-of date,
/// and no day after it can be counted; it counts as on time (with a `future-date` warning).
/// Days are never counted past the as-of date.
pub fn timeliness(
    submitted_on: Option<NaiveDate>,
    sent_unusable: bool,
    last_on_time: NaiveDate,
    as_of: NaiveDate,
) -> (State, Option<i64>) {
    let overdue = (as_of > last_on_time).then(|| (as_of - last_on_time).num_days());
    match submitted_on {
        Some(d) if d <= last_on_time || d > as_of => (State::OnTime, None),
        Some(d) => (State::Late, Some((d - last_on_time).num_days())),
        None if sent_unusable => (State::Rejected, overdue),
        None if overdue.is_some() => (State::Missing, overdue),
        None => (State::Pending, None),
    }
}

#[cfg(test)]
mod tests;
