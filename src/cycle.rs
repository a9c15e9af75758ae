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
            .filter(|(_, r)| !r.usable() || r.period.as_deref() == Some(&self.period.id))
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
    let mut agencies = Vec::new();
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
        let (Some(a), Some(p), Some(date)) = (r.agency, r.period.as_deref(), r.submitted_on) else {
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
    match (r.period.as_deref(), r.submitted_on) {
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
mod tests {
    use super::*;
    use crate::plan::OnDueDate;

    #[test]
    fn timeliness_table() {
        let due = d("2021-06-10");
        #[rustfmt::skip]
        let cases = [
            // submitted on,  rejected, as of,        state,          days late
            (Some("2021-06-01"), false, "2021-06-20", State::OnTime,  None),
            (Some("2021-06-10"), false, "2021-06-20", State::OnTime,  None),
            (Some("2021-06-11"), false, "2021-06-20", State::Late,    Some(1)),
            (Some("2021-06-20"), false, "2021-06-20", State::Late,    Some(10)),
            // dated after the as-of date: never late
            (Some("2021-06-25"), false, "2021-06-20", State::OnTime,  None),
            (Some("2021-09-06"), false, "2021-06-20", State::OnTime,  None),
            (Some("2021-06-14"), false, "2021-06-01", State::OnTime,  None),
            (None,               false, "2021-06-20", State::Missing, Some(10)),
            (None,               false, "2021-06-11", State::Missing, Some(1)),
            (None,               false, "2021-06-10", State::Pending, None),
            (None,               false, "2021-06-01", State::Pending, None),
            (None,               true,  "2021-06-20", State::Rejected, Some(10)),
            (None,               true,  "2021-06-01", State::Rejected, None),
        ];
        for (sub, rejected, as_of, state, days) in cases {
            assert_eq!(
                timeliness(sub.map(d), rejected, due, d(as_of)),
                (state, days),
                "{sub:?} as of {as_of}"
            );
        }
    }

    fn plan() -> Plan {
        crate::plan::parse(
            include_str!("../plans/ninh-thuan-2021.yaml"),
            concat!(env!("CARGO_MANIFEST_DIR"), "/plans/ninh-thuan-2021.yaml"),
        )
        .unwrap()
        .0
    }

    fn report(plan: &Plan, agency: &str, date: &str, note: &str) -> Report {
        let csv = format!(
            "agency,period,submitted_on,task,status,note\n{agency},2021-H1,{date},II.1.a,done,{note}\n"
        );
        crate::report::read(
            csv.as_bytes(),
            &format!("{agency}-{date}-{note}.csv"),
            plan,
            &Default::default(),
        )
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn state_of<'a>(c: &'a Cycle, id: &str) -> &'a AgencyCycle {
        let i = c.plan.find_agency(id).unwrap();
        c.agencies.iter().find(|a| a.agency == i).unwrap()
    }

    #[test]
    fn the_due_date_itself_under_both_readings() {
        let mut p = plan();
        let reports = |p: &Plan| {
            vec![
                report(p, "SYT", "10/06/2021", "a"),
                report(p, "BNT", "11/06/2021", "a"),
            ]
        };
        let rs = reports(&p);
        let period = p.periods[0].clone();
        let c = build(&p, &period, rs, d("2021-06-20"));
        assert_eq!(state_of(&c, "SYT").state, State::OnTime);
        let bnt = state_of(&c, "BNT");
        assert_eq!((bnt.state, bnt.days_late), (State::Late, Some(1)));

        // "trước ngày 10/6" read strictly: the 10th is already one day late.
        p.periods[0].on_due_date = OnDueDate::Late;
        let rs = reports(&p);
        let period = p.periods[0].clone();
        let c = build(&p, &period, rs, d("2021-06-20"));
        let syt = state_of(&c, "SYT");
        assert_eq!((syt.state, syt.days_late), (State::Late, Some(1)));
        assert_eq!(state_of(&c, "BNT").days_late, Some(2));
    }

    #[test]
    fn pending_before_the_deadline_missing_after() {
        let p = plan();
        let period = &p.periods[0];
        let c = build(&p, period, vec![], d("2021-06-10"));
        assert!(c.agencies.iter().all(|a| a.state == State::Pending));
        assert_eq!(c.counts().pending, 25);
        let c = build(&p, period, vec![], d("2021-06-11"));
        let syt = state_of(&c, "SYT");
        assert_eq!((syt.state, syt.days_late), (State::Missing, Some(1)));
        assert_eq!(c.counts().missing, 25);
        assert_eq!(c.counts().reporting_rate(), 0.0);
    }

    #[test]
    fn a_correction_stays_on_time_and_its_figures_count() {
        let p = plan();
        let first = report(&p, "SYT", "08/06/2021", "first");
        let second = report(&p, "SYT", "17/06/2021", "correction");
        let c = build(&p, &p.periods[0], vec![second, first], d("2021-06-20"));
        let syt = state_of(&c, "SYT");
        assert_eq!(syt.state, State::OnTime);
        assert_eq!(syt.submitted_on, Some(d("2021-06-08")));
        let fig = &c.reports[syt.figures_from.unwrap()];
        assert_eq!(fig.rows[0].note, "correction");
        assert!(c.notices.iter().any(|n| n.file.contains("first")
            && matches!(&n.kind, Kind::Superseded { newer } if newer.contains("correction"))));
    }

    #[test]
    fn identical_files_count_once_and_same_day_differences_conflict() {
        let p = plan();
        let a = report(&p, "SYT", "08/06/2021", "x");
        let mut b = a.clone();
        b.file = "copy.csv".into();
        let c = build(&p, &p.periods[0], vec![a, b], d("2021-06-20"));
        assert_eq!(state_of(&c, "SYT").reports.len(), 1);
        assert!(c.notices.iter().any(|n| n.file == "copy.csv"
            && matches!(&n.kind, Kind::DuplicateFile { other } if other != "copy.csv")));

        let x = report(&p, "SYT", "08/06/2021", "x");
        let y = report(&p, "SYT", "08/06/2021", "y");
        let c = build(&p, &p.periods[0], vec![x, y], d("2021-06-20"));
        let syt = state_of(&c, "SYT");
        assert_eq!(syt.state, State::OnTime);
        assert_eq!(syt.figures_from, None);
        assert_eq!(
            c.notices
                .iter()
                .filter(|n| matches!(&n.kind, Kind::Conflict { files } if files.len() == 2))
                .count(),
            2
        );
    }

    #[test]
    fn other_periods_are_a_notice_and_future_dates_a_warning() {
        let p = plan();
        let csv = "agency,period,submitted_on,task,status\nSYT,2021-Y,08/12/2021,II.1.a,done\n";
        let other = crate::report::read(csv.as_bytes(), "y.csv", &p, &Default::default());
        let future = report(&p, "BNT", "25/06/2021", "f");
        let c = build(&p, &p.periods[0], vec![other, future], d("2021-06-20"));
        assert_eq!(state_of(&c, "SYT").state, State::Missing);
        let n = c
            .notices
            .iter()
            .find(|n| matches!(n.kind, Kind::OtherPeriod { .. }))
            .unwrap();
        assert_eq!(
            n.kind,
            Kind::OtherPeriod {
                found: "2021-Y".into(),
                expected: "2021-H1".into()
            }
        );
        assert_eq!(n.severity, crate::diag::Severity::Warning);
        let future = Kind::FutureDate {
            date: d("2021-06-25"),
            as_of: d("2021-06-20"),
            swapped: None,
        };
        assert!(c.notices.iter().any(|n| n.kind == future));
        assert_eq!(state_of(&c, "BNT").state, State::OnTime);
        assert_eq!(state_of(&c, "BNT").days_late, None);
    }

    #[test]
    fn a_month_first_date_gets_the_swap_hint_and_an_old_report_is_rejected() {
        let p = plan();
        let typo = report(&p, "BNT", "06/09/2021", "t");
        let old = report(&p, "SYT", "08/12/2020", "o");
        let c = build(&p, &p.periods[0], vec![typo, old], d("2021-06-20"));
        assert!(c.notices.iter().any(|n| n.kind
            == Kind::FutureDate {
                date: d("2021-09-06"),
                as_of: d("2021-06-20"),
                swapped: Some(d("2021-06-09")),
            }));
        assert_eq!(state_of(&c, "BNT").state, State::OnTime);
        assert!(c
            .notices
            .iter()
            .any(|n| n.kind.code() == crate::diag::Code::BeforeWindow && n.file.contains("SYT")));
        let syt = state_of(&c, "SYT");
        assert_eq!((syt.state, syt.rejected.len()), (State::Rejected, 1));
        assert_eq!(c.counts().rejected, 1);
        assert_eq!(c.counts().missing, 23);
    }

    #[test]
    fn an_agency_whose_files_were_all_excluded_is_rejected_not_missing() {
        let p = plan();
        let csv = "agency,period,submitted_on,task,status\nSYT,2021-H1,08/06/21,II.1.a,done\n";
        let bad = crate::report::read(csv.as_bytes(), "syt.csv", &p, &Default::default());
        assert!(!bad.usable());
        let c = build(&p, &p.periods[0], vec![bad], d("2021-06-20"));
        let syt = state_of(&c, "SYT");
        assert_eq!((syt.state, syt.days_late), (State::Rejected, Some(10)));
        assert!(syt.state.is_overdue());
    }

    #[test]
    fn an_agency_not_asked_to_report_is_never_overdue() {
        let mut p = plan();
        let syt = p.find_agency("SYT").unwrap();
        p.periods[0].reporters.retain(|&a| a != syt);
        let late = report(&p, "SYT", "15/06/2021", "l");
        let period = p.periods[0].clone();
        let c = build(&p, &period, vec![late], d("2021-06-20"));
        let a = state_of(&c, "SYT");
        assert!(!a.expected);
        assert_eq!(a.state, State::Late);
        assert!(c.overdue().all(|a| a.agency != syt));
        assert_eq!(c.overdue().count(), c.counts().missing);
    }

    #[test]
    fn a_cycle_whose_only_overdue_agency_is_rejected_is_flagged() {
        // SYT's only file is marked 2021-Y but dated 8/6: meant for 2021-H1, so SYT is
        // rejected; its one diagnostic (other-period) is not a flag by itself.
        let mut p = plan();
        let syt = p.find_agency("SYT").unwrap();
        p.periods[0].reporters = vec![syt];
        let csv = "agency,period,submitted_on,task,status\nSYT,2021-Y,08/06/2021,II.1.a,done\n";
        let file = crate::report::read(csv.as_bytes(), "y.csv", &p, &Default::default());
        let period = p.periods[0].clone();
        let c = build(&p, &period, vec![file], d("2021-06-20"));
        assert_eq!(state_of(&c, "SYT").state, State::Rejected);
        assert_eq!(c.overdue().count(), 1);
        assert!(crate::consolidate::consolidate(&c).flagged());
    }
}
