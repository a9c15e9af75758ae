//! The period's files by agency: reports of other periods, dates before the window, after the
//! as-of date or most likely written month first, and the files sent but excluded whole.

use crate::diag::{Diagnostic, Excludes, Kind, Names};
use crate::plan::{AgencyIdx, Period, Plan};
use crate::report::Report;
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;

/// Files by agency: the usable reports of `period`, and the files the agency sent for it that
/// were excluded whole (rejected). A report of another period is a notice and left out (or, when
/// its date is nearer this period's due date than its own's, an error, and the agency's
/// rejected file for this period); one dated after `as_of` is a warning (never late); one dated before the period's
/// window is an error that excludes it; without a window, one dated before the plan's year's
/// reporting begins is a warning (the year most likely mistyped; counted on time, as any date
/// before the deadline).
pub(super) fn by_agency(
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
            let rejects = nearer_this_period(plan, p, date, period);
            let kind = Kind::OtherPeriod {
                found: p.to_string(),
                expected: period.id.clone(),
                found_name: plan.find_period(p).map_or_else(
                    || Names {
                        vi: p.to_string(),
                        en: p.to_string(),
                    },
                    names,
                ),
                expected_name: names(period),
                rejects,
            };
            // Taken as this period's file, it is an error that costs the agency its report
            // (as one dated before the window); otherwise a notice.
            let d = match rejects {
                true => Diagnostic::err(&r.file, kind),
                false => Diagnostic::warn(&r.file, kind),
            };
            notices.push(d.excluding(Excludes::File));
            if rejects {
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
        if let Some(from) = year_begins(plan, period).filter(|from| date < *from) {
            let year = plan.meta.year;
            let kind = Kind::BeforeYear { date, year, from };
            notices.push(Diagnostic::warn(&r.file, kind));
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

/// The agency an unusable file was sent by for `period`, if it can be told: the agency it was
/// sent by ([`Report::sent_by`]), when the file's period is this one, unknown, or another whose
/// due date is farther from the file's date than this period's.
fn sent_for(plan: &Plan, r: &Report, period: &Period) -> Option<AgencyIdx> {
    let agency = r.sent_by(plan)?;
    match (r.period_id(plan), r.submitted_on) {
        (Some(p), _) if p == period.id => Some(agency),
        (None, _) => Some(agency),
        (Some(p), Some(date)) if nearer_this_period(plan, p, date, period) => Some(agency),
        _ => None,
    }
}

/// A period's names, for messages.
fn names(p: &Period) -> Names {
    Names {
        vi: p.name.clone(),
        en: p.name_en.clone().unwrap_or_else(|| p.name.clone()),
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
///
/// [`timeliness`]: super::timeliness
pub(super) fn slipped_date(
    period: &Period,
    date: NaiveDate,
    as_of: NaiveDate,
) -> Option<NaiveDate> {
    let (_, to) = period.window?;
    if date <= to || date > as_of {
        return None;
    }
    swap_day_month(date).filter(|s| in_window(period, *s, as_of))
}

/// For a period without a window, the first day a report of the plan's year can bear: 15
/// December of the year before, where a year's reporting begins (Decree 09/2019/NĐ-CP; the
/// shipped plan's windows begin there). An earlier date is most likely a mistyped year.
fn year_begins(plan: &Plan, period: &Period) -> Option<NaiveDate> {
    match period.window {
        Some(_) => None,
        None => NaiveDate::from_ymd_opt(plan.meta.year - 1, 12, 15),
    }
}

/// The date with day and month swapped (06/09 → 09/06), when that is a date.
fn swap_day_month(d: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year(), d.day(), d.month()).filter(|s| *s != d)
}

/// Inside the period's window (or, without one, not after the as-of date).
fn in_window(period: &Period, d: NaiveDate, as_of: NaiveDate) -> bool {
    match period.window {
        Some((from, to)) => from <= d && d <= to,
        None => d <= as_of,
    }
}
