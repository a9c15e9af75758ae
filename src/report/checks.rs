//! Row checks: small named functions, each looking at one concern of one row and pushing
//! what it finds; [`super::Reader`]'s loop composes them.

use super::fields::{parse_date, parse_percent, DateError, NumError};
use super::identity::Identity;
use super::schema::{cell, Columns};
use super::table::{RawRow, Source};
use super::{Col, Status, MAX_CELL_CHARS};
use crate::diag::{Diagnostic, Kind, Place};
use crate::plan::{AgencyIdx, Plan, TaskIdx};
use crate::text::did_you_mean;
use std::collections::HashMap;

/// What every check needs: the plan, the file's name, where its cells are, which field holds
/// each column and (for text) the header's width.
pub(super) struct Ctx<'a> {
    pub plan: &'a Plan,
    pub file: &'a str,
    pub src: &'a Source<'a>,
    pub cols: &'a Columns,
    pub width: Option<usize>,
}

impl Ctx<'_> {
    /// The row's trimmed value in column `c`.
    pub fn cell<'r>(&self, row: &'r RawRow, c: Col) -> &'r str {
        cell(self.cols, row, c)
    }

    /// Where the row's cell of column `c` is.
    pub fn at(&self, row: &RawRow, c: Col) -> Place {
        let field = self.cols.get(c).unwrap_or(0);
        self.src.place(row.line, row.start, field)
    }

    fn err(&self, row: &RawRow, c: Col, kind: Kind) -> Diagnostic {
        Diagnostic::err(self.file, kind).placed(&self.at(row, c))
    }
}

/// A cell longer than Excel allows: the row is not read further.
pub(super) fn too_long(ctx: &Ctx, row: &RawRow) -> Option<Diagnostic> {
    let (long, chars) = row.too_long()?;
    let place = ctx.src.place(row.line, row.start, long);
    let kind = Kind::TooLong {
        chars,
        max: MAX_CELL_CHARS,
    };
    Some(Diagnostic::err(ctx.file, kind).placed(&place))
}

/// In text, values beyond the header's width: a delimiter inside a value moved every value
/// after it, so the row is not read further.
pub(super) fn shifted(ctx: &Ctx, row: &RawRow) -> Option<Diagnostic> {
    let w = ctx.width?;
    // The row's cells past `w` were counted as it was read (`RawRow::new`), not kept.
    let (extra, found) = row.extra()?;
    let place = ctx.src.place(row.line, row.start, extra);
    let kind = Kind::ExtraFields { found, columns: w };
    Some(Diagnostic::err(ctx.file, kind).placed(&place))
}

/// The row's agency, if it gives one, is the file's.
pub(super) fn same_agency(ctx: &Ctx, id: &Identity, row: &RawRow, errs: &mut Vec<Diagnostic>) {
    let a = ctx.cell(row, Col::Agency);
    let differs = !a.is_empty() && id.agency_as_written.as_ref().is_some_and(|(m, _)| m != a);
    let (true, Some(file_agency)) = (differs, id.agency) else {
        return;
    };
    let plan = ctx.plan;
    match plan.find_agency(a) {
        Some(x) if x == file_agency => {}
        Some(_) => {
            let kind = Kind::MixedAgency {
                found: a.to_string(),
                file_agency: plan.agencies[file_agency].id.clone(),
            };
            errs.push(ctx.err(row, Col::Agency, kind));
        }
        None => {
            let kind = Kind::RowUnknownAgency {
                found: a.to_string(),
            };
            let hint = did_you_mean(a, plan.agency_spellings());
            errs.push(ctx.err(row, Col::Agency, kind).suggest(hint));
        }
    }
}

/// The row's period, if it gives one, is the file's.
pub(super) fn same_period(ctx: &Ctx, id: &Identity, row: &RawRow, errs: &mut Vec<Diagnostic>) {
    let p = ctx.cell(row, Col::Period);
    if p.is_empty()
        || id.period_as_written.as_ref().is_none_or(|(m, _)| m == p)
        || id.period.is_none()
    {
        return;
    }
    if ctx.plan.find_period(p).map(|x| x.id.clone()) != id.period {
        let kind = Kind::MixedPeriod {
            found: p.to_string(),
            file_period: id.period.clone().unwrap_or_default(),
        };
        errs.push(ctx.err(row, Col::Period, kind));
    }
}

/// The row's date, if it gives one, is the file's.
pub(super) fn same_date(ctx: &Ctx, id: &Identity, row: &RawRow, errs: &mut Vec<Diagnostic>) {
    let d = ctx.cell(row, Col::SubmittedOn);
    let Some(file_date) = id.date else {
        return;
    };
    if d.is_empty() || id.date_as_written.as_ref().is_none_or(|(m, _)| m == d) {
        return;
    }
    match parse_date(d) {
        Ok(x) if x == file_date => {}
        Ok(_) => {
            let kind = Kind::MixedDate {
                found: d.to_string(),
                file_date,
            };
            errs.push(ctx.err(row, Col::SubmittedOn, kind));
        }
        Err(e) => errs.push(date_error(ctx, d, &e).placed(&ctx.at(row, Col::SubmittedOn))),
    }
}

/// The row's task: given, in the plan, and not already reported in this file (`seen`: the
/// line of each task's first row).
pub(super) fn task(
    ctx: &Ctx,
    row: &RawRow,
    seen: &mut HashMap<TaskIdx, u32>,
    errs: &mut Vec<Diagnostic>,
) -> Option<TaskIdx> {
    let raw = ctx.cell(row, Col::Task);
    if raw.is_empty() {
        errs.push(ctx.err(row, Col::Task, Kind::MissingTask));
        return None;
    }
    let Some(t) = ctx.plan.find_task(raw) else {
        let d = unknown_task(ctx.plan, ctx.file, raw).placed(&ctx.at(row, Col::Task));
        errs.push(d);
        return None;
    };
    if let Some(&first_line) = seen.get(&t) {
        let kind = Kind::RepeatedTask {
            task: ctx.plan.tasks[t].id.clone(),
            first_line,
        };
        errs.push(ctx.err(row, Col::Task, kind));
        return None;
    }
    seen.insert(t, row.line);
    Some(t)
}

/// The row's status; `None` (with an error) when it is missing or unknown.
pub(super) fn status(ctx: &Ctx, row: &RawRow, errs: &mut Vec<Diagnostic>) -> Option<Status> {
    let raw = ctx.cell(row, Col::Status);
    if raw.is_empty() {
        errs.push(ctx.err(row, Col::Status, Kind::MissingStatus));
        return None;
    }
    let s = Status::parse(raw);
    if s.is_none() {
        let kind = Kind::BadStatus {
            found: raw.to_string(),
        };
        let hint = did_you_mean(raw, Status::SPELLINGS);
        errs.push(ctx.err(row, Col::Status, kind).suggest(hint));
    }
    s
}

/// The progress, a percentage, if given.
pub(super) fn progress(ctx: &Ctx, row: &RawRow, errs: &mut Vec<Diagnostic>) -> Option<f64> {
    let v = ctx.cell(row, Col::Progress);
    if v.is_empty() {
        return None;
    }
    parse_percent(v)
        .map_err(|e| {
            let d = number_error(ctx, Col::Progress, v, &e);
            errs.push(d.placed(&ctx.at(row, Col::Progress)));
        })
        .ok()
}

/// A count or an amount in column `col`, if given.
pub(super) fn whole(ctx: &Ctx, row: &RawRow, col: Col, errs: &mut Vec<Diagnostic>) -> Option<u64> {
    let v = ctx.cell(row, col);
    if v.is_empty() {
        return None;
    }
    let unit = if col == Col::Budget {
        ctx.cols.budget_unit()
    } else {
        1
    };
    let n = crate::report::fields::parse_in_unit(v, unit)
        .map_err(|e| errs.push(number_error(ctx, col, v, &e).placed(&ctx.at(row, col))))
        .ok()?;
    let max = max_figure(col);
    if n > max {
        let kind = Kind::FigureOverflow {
            column: ctx.cols.name(col).to_string(),
            found: v.to_string(),
            max,
        };
        errs.push(Diagnostic::err(ctx.file, kind).placed(&ctx.at(row, col)));
        return None;
    }
    Some(n)
}

/// The largest figure a report may give in a column: far above any real report (the budget:
/// ten thousand billion đồng; people and activities: a billion), and small enough that sums of
/// millions of rows cannot overflow.
pub const fn max_figure(col: Col) -> u64 {
    match col {
        Col::Budget => 10_000_000_000_000,
        _ => 1_000_000_000,
    }
}

/// A task the file's agency is not assigned to: counted, with a warning.
pub(super) fn not_assigned(
    ctx: &Ctx,
    agency: Option<AgencyIdx>,
    task: TaskIdx,
    row: &RawRow,
) -> Option<Diagnostic> {
    let a = agency?;
    let plan = ctx.plan;
    if plan.role(task, a).is_some() {
        return None;
    }
    let owners = plan.lead_ids(task).unwrap_or_default();
    let kind = Kind::NotAssigned {
        task: plan.tasks[task].id.clone(),
        owners: owners.into_iter().map(String::from).collect(),
    };
    let place = ctx.at(row, Col::Task);
    Some(Diagnostic::warn(ctx.file, kind).placed(&place))
}

pub(super) fn date_error(ctx: &Ctx, v: &str, e: &DateError) -> Diagnostic {
    Diagnostic::err(
        ctx.file,
        Kind::BadDate {
            found: v.to_string(),
            month_first: matches!(e, DateError::NoSuchDay { month_first: true }),
            example: example_date(ctx.plan),
        },
    )
}

/// A date as a report should write it, of the plan's year: its first period's due date (a
/// 2026 plan's hint does not say "10/06/2021").
fn example_date(plan: &Plan) -> chrono::NaiveDate {
    let year = plan.meta.year;
    plan.periods
        .iter()
        .map(|p| p.due)
        .find(|d| chrono::Datelike::year(d) == year)
        .or_else(|| chrono::NaiveDate::from_ymd_opt(year, 6, 10))
        .unwrap_or_default()
}

/// A number that does not parse; the column named as the file heads it.
fn number_error(ctx: &Ctx, col: Col, v: &str, e: &NumError) -> Diagnostic {
    let (file, name) = (ctx.file, ctx.cols.name(col));
    match e {
        NumError::OutOfRange(x) => Diagnostic::err(
            file,
            Kind::OutOfRange {
                column: name.to_string(),
                value: *x,
            },
        ),
        NumError::Negative => Diagnostic::err(
            file,
            Kind::Negative {
                column: name.to_string(),
                found: v.to_string(),
            },
        ),
        NumError::NotWhole => Diagnostic::err(
            file,
            Kind::NotWhole {
                column: name.to_string(),
                found: v.to_string(),
            },
        ),
        NumError::NotANumber if col == Col::Progress => Diagnostic::err(
            file,
            Kind::NotAPercent {
                column: name.to_string(),
                found: v.to_string(),
            },
        ),
        NumError::NotANumber => Diagnostic::err(
            file,
            Kind::NotANumber {
                column: name.to_string(),
                found: v.to_string(),
            },
        ),
    }
}

fn unknown_task(plan: &Plan, file: &str, raw: &str) -> Diagnostic {
    let key = crate::plan::task_key(raw);
    // A parent item: name its tasks.
    let prefix = format!("{key}.");
    let sub_items: Vec<String> = plan
        .tasks
        .iter()
        .filter(|t| t.id.starts_with(&prefix))
        .map(|t| t.id.clone())
        .collect();
    let found = raw.to_string();
    let has_children = !sub_items.is_empty();
    let d = Diagnostic::err(
        file,
        Kind::UnknownTask {
            found,
            key: key.clone(),
            sub_items,
        },
    );
    if has_children {
        return d;
    }
    let best = plan
        .tasks
        .iter()
        .map(|t| (strsim::levenshtein(&key, &t.id), t.id.as_str()))
        .min_by_key(|x| x.0)
        .filter(|x| x.0 <= 2)
        .map(|x| x.1);
    d.suggest(best)
}
