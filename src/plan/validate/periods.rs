//! Periods (due dates, windows, reporters), the plan's dates and year, and the ids that become
//! parts of file names.

use super::{Ctx, Kind, Resolved, Validator};
use crate::diag::Diagnostic;
use crate::plan::file::{OnDueDate, PeriodFile};
use crate::plan::locate::Place;
use crate::plan::Period;
use chrono::{Datelike, NaiveDate};
use std::collections::HashSet;

/// The years a plan's dates may fall in: far from the calendar's edges, so no date arithmetic
/// on them can overflow.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2100;

/// The plan's year, when it is one a plan may give (a year out of range is an error of its own).
fn plan_year(year: i32) -> Option<i32> {
    Some(year).filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y))
}

impl Validator<'_> {
    /// Periods, with their due dates, windows and reporters (a period's own, else the plan's).
    pub(super) fn periods(
        &mut self,
        raw: Vec<PeriodFile>,
        default: Option<&[String]>,
        year: i32,
        ctx: &Ctx,
    ) -> Vec<Period> {
        let top = Place::default();
        let default_reporters = match default {
            Some(list) => {
                let at = self.loc.key(top, "reporters").unwrap_or(top);
                self.resolve(ctx, list, at, true)
            }
            None => Resolved::All,
        };
        let mut periods: Vec<Period> = Vec::new();
        let mut seen = HashSet::new();
        let periods_at = self.loc.key(top, "periods").unwrap_or(top);
        // Periods stand in order: each search starts below the previous one.
        let mut cursor = periods_at;
        for p in raw {
            let p_at = self.loc.key_value(cursor, "id", &p.id).unwrap_or(cursor);
            cursor = p_at;
            if !seen.insert(p.id.clone()) {
                self.error(p_at, Kind::DuplicatePeriod { id: p.id.clone() });
                continue;
            }
            self.safe_id("period", &p.id, p_at);
            let due = match &p.due {
                None => {
                    let kind = Kind::MissingDueDate {
                        period: p.id.clone(),
                        year: plan_year(year),
                    };
                    self.error(p_at, kind);
                    None
                }
                Some(d) => self.date(d, p_at, "due", year),
            };
            let window = self.window(&p, p_at, due, year);
            let reporters = match &p.reporters {
                Some(list) => self.resolve(ctx, list, p_at, true),
                None => default_reporters.clone(),
            };
            let reporters = match reporters {
                Resolved::All => (0..ctx.agencies.len()).collect(),
                Resolved::Some(v) => v,
            };
            if let Some(due) = due {
                periods.push(Period {
                    id: p.id,
                    name: p.name,
                    name_en: p.name_en,
                    due,
                    on_due_date: p.on_due_date.unwrap_or(OnDueDate::OnTime),
                    window,
                    reporters,
                });
            }
        }
        periods
    }

    /// A period's window, checked: it runs forward and holds the due date; the due date falls
    /// in the plan's year. The last two are warnings (a plan may mean them).
    fn window(
        &mut self,
        p: &PeriodFile,
        p_at: Place,
        due: Option<NaiveDate>,
        year: i32,
    ) -> Option<(NaiveDate, NaiveDate)> {
        let period = p.id.clone();
        if let Some(due) = due {
            if due.year() != year {
                let at = self.value_at(p_at, "due", p.due.as_deref().unwrap_or(""));
                let kind = Kind::DueOutsideYear {
                    period: period.clone(),
                    due,
                    year,
                };
                self.warn(at, kind);
            }
        }
        let w = p.window.as_ref()?;
        let (from, to) = (
            self.date(&w.from, p_at, "from", year),
            self.date(&w.to, p_at, "to", year),
        );
        let (from, to) = (from?, to?);
        if to < from {
            let at = self.value_at(p_at, "to", &w.to);
            self.error(at, Kind::ReversedWindow { period, from, to });
            return None;
        }
        if let Some(due) = due.filter(|d| *d < from || *d > to) {
            let at = self.value_at(p_at, "window", "");
            let kind = Kind::DueOutsideWindow {
                period,
                due,
                from,
                to,
            };
            self.warn(at, kind);
        }
        Some((from, to))
    }

    /// Where `key: value` stands below `near` (`value` empty: the key), else `near`.
    fn value_at(&self, near: Place, key: &str, value: &str) -> Place {
        if value.is_empty() {
            self.loc.key(near, key).unwrap_or(near)
        } else {
            self.loc.key_value(near, key, value).unwrap_or(near)
        }
    }

    pub(super) fn warn(&mut self, at: Place, kind: Kind) {
        let (l, c) = at.pos();
        self.diags.push(Diagnostic::warn(self.file, kind).at(l, c));
    }

    /// A plan date in `YYYY-MM-DD` between [`MIN_YEAR`] and [`MAX_YEAR`], in a plan of `year`
    /// (the year of the example its message gives).
    pub(super) fn date(&mut self, s: &str, near: Place, key: &str, year: i32) -> Option<NaiveDate> {
        let at = |v: &Self| v.loc.key_value(near, key, s).unwrap_or(near);
        match NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d") {
            Ok(d) if (MIN_YEAR..=MAX_YEAR).contains(&d.year()) => Some(d),
            Ok(_) => {
                let kind = Kind::PlanDateOutOfRange {
                    found: s.to_string(),
                    min: MIN_YEAR,
                    max: MAX_YEAR,
                };
                self.error(at(self), kind);
                None
            }
            Err(_) => {
                let kind = Kind::PlanBadDate {
                    found: s.to_string(),
                    year: plan_year(year),
                };
                self.error(at(self), kind);
                None
            }
        }
    }

    /// The plan's `year`, within [`MIN_YEAR`]..=[`MAX_YEAR`].
    pub(super) fn year(&mut self, year: i32) {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            let at = self
                .loc
                .path(&[("plan", ""), ("year", &year.to_string())], None);
            let kind = Kind::PlanDateOutOfRange {
                found: year.to_string(),
                min: MIN_YEAR,
                max: MAX_YEAR,
            };
            self.error(at, kind);
        }
    }

    /// An id that becomes part of output file names (plan, period, agency): safe characters
    /// only (see [`crate::ids::is_safe_file_part`]).
    pub(super) fn safe_id(&mut self, what: &str, id: &str, at: Place) {
        use crate::ids::{is_safe_file_part, Why, MAX_FILE_PART};
        let Err(why) = is_safe_file_part(id) else {
            return;
        };
        let (reason, character) = match why {
            Why::Empty => ("empty", None),
            Why::TooLong { .. } => ("too-long", None),
            Why::Dots => ("dots", None),
            Why::Char(c) => ("character", Some(c.to_string())),
            Why::Reserved => ("reserved", None),
        };
        let kind = Kind::UnsafeId {
            what: what.to_string(),
            id: id.to_string(),
            reason: reason.to_string(),
            character,
            max_chars: MAX_FILE_PART,
        };
        self.error(at, kind);
    }
}
