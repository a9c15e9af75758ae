//! One reporting cycle: for a plan, a period, the reports read and an as-of date, who was
//! expected, who reported, on time or late, and who is missing or still pending. Pure code.
//!
//! `model.rs` holds what a cycle says (`Cycle`, `State`, `Counts`), `files.rs` sorts the
//! period's files by agency, `figures.rs` picks the file whose figures count; `build` and
//! `timeliness` are here.

mod figures;
mod files;
mod gaps;
mod model;

pub use figures::{conflict, copies, Copies, NAMED_FILES};
pub use model::{AgencyCycle, Counts, Cycle, State};

use figures::{dedupe, figures_from};
use files::{by_agency, slipped_date};

use crate::diag::{Diagnostic, Kind};
use crate::plan::{AgencyIdx, Period, Plan};
use crate::report::Report;
use chrono::NaiveDate;

/// Builds the cycle. `period` must be one of the plan's.
///
/// Steps, one function each: sort the usable reports by agency (`by_agency`); for each
/// expected agency, then each unexpected one, drop identical files and find a conflict
/// (`dedupe`), pick the report whose figures count (`figures_from`, which says what a later
/// file lacks, `gaps.rs`) and judge the timeliness ([`timeliness`]). An agency whose latest
/// reports conflict is rejected: none of its files' figures count.
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
        let (kept, conflicting) = dedupe(&reports, files, notices);
        let figures = figures_from(plan, &reports, &kept, &conflicting, notices);
        let submitted_on = kept.first().and_then(|&f| reports[f].submitted_on);
        let rejected = rejected.remove(&a).unwrap_or_default();
        let sent_unusable = kept.is_empty() && !rejected.is_empty();
        // A date most likely written month first is not believed: never counted late on it.
        let believed = submitted_on.filter(|d| slipped_date(period, *d, as_of).is_none());
        let (state, days_late) = match (submitted_on, believed) {
            // Two different reports on its latest date: no file's figures count, as when every
            // file is excluded whole (each of them is): rejected until it says which is right.
            _ if !conflicting.is_empty() => timeliness(None, true, last_on_time, as_of),
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
    figures::older_companions(plan, &reports, period, &mut notices);
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
