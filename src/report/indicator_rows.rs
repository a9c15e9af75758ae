//! The indicator table: a second sheet of the XLSX template, or a companion CSV
//! (`<template>_chi-tieu.csv`). It is recognised by its header: an indicator column
//! (`Mã chỉ tiêu`) and no task column. It carries the same identity columns as the task
//! table (agency, period, date); in a workbook that also has a task sheet, those may be
//! left empty and are the task sheet's. Each row gives an indicator's numerator and
//! denominator (a ratio) or its value (a count, a single value), and a note.

use super::checks::{self, Ctx};
use super::identity::{self, Identity};
use super::schema::{Columns, COLUMNS, INDICATOR_COLUMNS};
use super::table::{RawRow, Source, Table};
use super::{Col, ColumnSpec, Reader};
use crate::diag::{Diagnostic, Excludes, Kind};
use crate::plan::indicators::{Indicator, IndicatorKind};
use std::hash::{Hash, Hasher};

/// One accepted indicator row.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorRow {
    /// 1-based line (in a workbook, the sheet row).
    pub line: u32,
    /// The indicator, as an index into the plan's indicators.
    pub indicator: usize,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub value: Option<f64>,
    pub note: String,
}

impl IndicatorRow {
    /// The row's own figure: its value, or numerator / denominator × scale for a ratio.
    pub fn figure(&self, ind: &Indicator) -> Option<f64> {
        match &ind.kind {
            IndicatorKind::Ratio { scale, .. } => match (self.numerator, self.denominator) {
                (Some(n), Some(d)) if d > 0.0 => Some(n / d * scale),
                _ => None,
            },
            _ => self.value,
        }
    }
}

impl super::Report {
    /// Indicator rows refused by a check (in a usable file).
    pub fn indicator_rows_excluded(&self) -> usize {
        (self.indicator_data_rows as usize).saturating_sub(self.indicators.len())
    }
}

/// The columns an indicator table must have.
pub(super) const REQUIRED: [ColumnSpec; 4] =
    [COLUMNS[0], COLUMNS[1], COLUMNS[2], INDICATOR_COLUMNS[0]];

/// A header with an indicator column and no task column is an indicator table's.
pub(super) fn is_indicator_table(cols: &Columns) -> bool {
    cols.has(Col::Indicator) && !cols.has(Col::Task)
}

/// A figure as people write it: `1.500`, `1,500` (thousands), `85,5`, `85.5`, `45%`, `-3`.
pub fn parse_figure(s: &str) -> Option<f64> {
    let t: String = s
        .trim()
        .trim_end_matches('%')
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let (neg, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.as_str()),
    };
    let v = match super::fields::parse_whole(body) {
        Ok(w) => w as f64,
        Err(_) if body.matches([',', '.']).count() == 1 => body.replace(',', ".").parse().ok()?,
        Err(_) => return None,
    };
    v.is_finite().then_some(if neg { -v } else { v })
}

impl Reader<'_> {
    /// The indicator table's rows. `standalone`: the file has no task table, so its identity
    /// is this table's own; otherwise it is the task table's, already on the report.
    pub(super) fn indicator_rows(&mut self, t: Table, standalone: bool) {
        let file = self.r.file.clone();
        let (cols, width, diags) = super::header::columns(&file, &t);
        let Some(cols) = cols.filter(is_indicator_table) else {
            self.r
                .diagnostics
                .extend(diags.into_iter().filter(|_| standalone));
            return;
        };
        self.r.diagnostics.extend(diags);
        let width = matches!(t.source, Source::Text { .. }).then_some(width);
        let ctx = Ctx {
            plan: self.plan,
            file: &file,
            src: &t.source,
            cols: &cols,
            width,
        };
        let blank = !t.rows.is_empty() && t.rows.iter().all(|r| unfilled(&ctx, r));
        if blank && self.unfilled_companion(&ctx, &t.rows, standalone) {
            return;
        }
        let id = if standalone {
            self.r.indicators_only = true;
            let id = identity::identify(&ctx, &t.rows, &mut self.r.diagnostics);
            (self.r.agency, self.r.period, self.r.submitted_on) = (
                id.agency,
                super::period_index(self.plan, &id.period),
                id.date,
            );
            id
        } else {
            let mut ignored = Vec::new();
            let mut id = identity::identify(&ctx, &t.rows, &mut ignored);
            (id.agency, id.period, id.date) = (
                self.r.agency,
                self.r.period_id(self.plan).map(String::from),
                self.r.submitted_on,
            );
            id
        };
        let filled = t.rows.iter().filter(|r| !unfilled(&ctx, r));
        let mut seen = Vec::new();
        for row in filled {
            self.r.indicator_data_rows += 1;
            if let Some(r) = self.indicator_row(&ctx, &id, row, &mut seen) {
                self.r.indicators.push(r);
            }
        }
        if let Some(d) = self.indicators_not_reported(&seen) {
            self.push(d);
        }
        let mut h = std::hash::DefaultHasher::new();
        (
            self.r.fingerprint,
            self.r.agency,
            &self.r.period,
            self.r.submitted_on,
        )
            .hash(&mut h);
        self.r.indicators.iter().for_each(|r| r.hash_into(&mut h));
        self.r.fingerprint = h.finish();
    }

    /// One row through the checks; `None` when it is excluded.
    fn indicator_row(
        &mut self,
        ctx: &Ctx,
        id: &Identity,
        row: &RawRow,
        seen: &mut Vec<usize>,
    ) -> Option<IndicatorRow> {
        if let Some(d) = checks::too_long(ctx, row).or_else(|| checks::shifted(ctx, row)) {
            self.push(d);
            return None;
        }
        let mut errs: Vec<Diagnostic> = Vec::new();
        checks::same_agency(ctx, id, row, &mut errs);
        checks::same_period(ctx, id, row, &mut errs);
        checks::same_date(ctx, id, row, &mut errs);
        let found = ctx.cell(row, Col::Indicator);
        let plan = self.plan;
        let Some(i) = plan.find_indicator(found) else {
            let hint = crate::text::did_you_mean(found, plan.indicators.iter().map(|x| &*x.id));
            let kind = Kind::UnknownIndicator {
                found: found.to_string(),
            };
            let d = Diagnostic::err(ctx.file, kind).placed(&ctx.at(row, Col::Indicator));
            errs.push(d.suggest(hint));
            errs.into_iter().for_each(|d| self.push(d));
            return None;
        };
        let ind = &plan.indicators[i];
        let code = ind.id.clone();
        if let Some(p) = id.period.as_deref().filter(|p| !ind.in_period(p)) {
            let kind = Kind::IndicatorNotAsked {
                indicator: code,
                period: p.to_string(),
                asked: ind.periods.clone(),
            };
            let d = Diagnostic::warn(ctx.file, kind).placed(&ctx.at(row, Col::Indicator));
            errs.push(d.excluding(Excludes::Row));
            errs.into_iter().for_each(|d| self.push(d));
            return None;
        }
        if seen.contains(&i) {
            let kind = Kind::RepeatedIndicator {
                indicator: code.clone(),
            };
            errs.push(Diagnostic::err(ctx.file, kind).placed(&ctx.at(row, Col::Indicator)));
        } else {
            seen.push(i);
        }
        let num = |c: Col, errs: &mut Vec<Diagnostic>| figure(ctx, row, c, &code, errs);
        let (n, d, v) = (
            num(Col::Numerator, &mut errs),
            num(Col::Denominator, &mut errs),
            num(Col::Value, &mut errs),
        );
        let r = IndicatorRow {
            line: row.line,
            indicator: i,
            numerator: n,
            denominator: d,
            value: v,
            note: ctx.cell(row, Col::Note).to_string(),
        };
        if errs.is_empty() {
            judge(ctx, row, ind, &r, &mut errs);
        }
        if errs.iter().any(Diagnostic::is_error) {
            errs.into_iter().for_each(|d| self.push(d));
            return None;
        }
        errs.into_iter().for_each(|d| self.push(d));
        Some(r)
    }

    /// An indicator table nobody filled in, left as the template made it: in a file of its
    /// own, one `empty-report` error (its agency and period still known, for the lists of who
    /// reported); beside a task table nobody filled in either, nothing more than that table's
    /// error. Returns whether the table is dealt with; an empty indicator sheet beside a filled
    /// task table is not, and goes on to say which indicators it lacks.
    fn unfilled_companion(&mut self, ctx: &Ctx, rows: &[RawRow], standalone: bool) -> bool {
        // Every row of a refused file counts as excluded, as an unfilled task template's do.
        if standalone {
            self.r.indicator_data_rows += rows.len() as u32;
            self.r.indicators_only = true;
            let id = identity::unfilled_identity(ctx, rows);
            (self.r.agency, self.r.period) =
                (id.agency, super::period_index(self.plan, &id.period));
            let kind = Kind::EmptyIndicators {
                indicators: rows.len(),
            };
            self.push(Diagnostic::err(ctx.file, kind).excluding(Excludes::File));
            return true;
        }
        let tasks_unfilled =
            (self.r.diagnostics.iter()).any(|d| matches!(d.kind, Kind::EmptyReport { .. }));
        if tasks_unfilled {
            self.r.indicator_data_rows += rows.len() as u32;
        }
        tasks_unfilled
    }

    /// The agency's indicators its table does not give (for a file whose agency is known).
    fn indicators_not_reported(&self, seen: &[usize]) -> Option<Diagnostic> {
        let (a, period) = (self.r.agency?, self.r.period_id(self.plan)?);
        let missing: Vec<String> = (self.plan.indicators_of(a, period).into_iter())
            .filter(|i| !seen.contains(i))
            .map(|i| self.plan.indicators[i].id.clone())
            .collect();
        (!missing.is_empty()).then(|| {
            let kind = Kind::IndicatorNotReported {
                indicators: missing,
            };
            Diagnostic::warn(&self.r.file, kind)
        })
    }
}

/// A row that gives no figure and no note: a template line left empty, skipped.
fn unfilled(ctx: &Ctx, row: &RawRow) -> bool {
    [Col::Numerator, Col::Denominator, Col::Value, Col::Note]
        .iter()
        .all(|&c| ctx.cell(row, c).is_empty())
}

/// A figure in column `c`, if given; negative numbers are an error of their own.
fn figure(ctx: &Ctx, row: &RawRow, c: Col, ind: &str, errs: &mut Vec<Diagnostic>) -> Option<f64> {
    let s = ctx.cell(row, c);
    if s.is_empty() {
        return None;
    }
    let column = ctx.cols.name(c).to_string();
    let Some(v) = parse_figure(s) else {
        let kind = Kind::NotANumber {
            column,
            found: s.to_string(),
        };
        errs.push(Diagnostic::err(ctx.file, kind).placed(&ctx.at(row, c)));
        return None;
    };
    if v < 0.0 {
        let kind = Kind::NegativeValue {
            indicator: ind.to_string(),
            column,
            value: v,
        };
        errs.push(Diagnostic::err(ctx.file, kind).placed(&ctx.at(row, c)));
        return None;
    }
    Some(v)
}

/// What the figures say against the indicator: the parts its kind needs, a share's numerator
/// not above its denominator, and the figure inside the plausible range (a warning).
fn judge(ctx: &Ctx, row: &RawRow, ind: &Indicator, r: &IndicatorRow, errs: &mut Vec<Diagnostic>) {
    let code = ind.id.clone();
    let complete = match &ind.kind {
        IndicatorKind::Ratio { .. } => r.numerator.is_some() && r.denominator.is_some(),
        _ => r.value.is_some(),
    };
    if !complete {
        let kind = Kind::NoIndicatorValue { indicator: code };
        let d = Diagnostic::err(ctx.file, kind).placed(&ctx.at(row, Col::Indicator));
        errs.push(d.excluding(Excludes::Row));
        return;
    }
    if let (true, Some(n), Some(d)) = (ind.is_share(), r.numerator, r.denominator) {
        if n > d {
            let kind = Kind::NumeratorAboveDenominator {
                indicator: code,
                numerator: n,
                denominator: d,
            };
            errs.push(Diagnostic::err(ctx.file, kind).placed(&ctx.at(row, Col::Numerator)));
            return;
        }
    }
    if let (Some((min, max)), Some(v)) = (ind.plausible, r.figure(ind)) {
        if v < min || v > max {
            let kind = Kind::ImplausibleValue {
                indicator: code,
                value: v,
                min,
                max,
            };
            let col = match ind.kind {
                IndicatorKind::Ratio { .. } => Col::Numerator,
                _ => Col::Value,
            };
            errs.push(Diagnostic::warn(ctx.file, kind).placed(&ctx.at(row, col)));
        }
    }
}

impl IndicatorRow {
    /// Feeds what the row says to the file's fingerprint.
    pub(super) fn hash_into(&self, h: &mut impl Hasher) {
        (self.indicator, &self.note).hash(h);
        for v in [self.numerator, self.denominator, self.value] {
            v.map(f64::to_bits).hash(h);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_figure;

    #[test]
    fn figures_as_people_write_them() {
        assert_eq!(parse_figure("108,5"), Some(108.5));
        assert_eq!(parse_figure("108.5"), Some(108.5));
        assert_eq!(parse_figure("45%"), Some(45.0));
        assert_eq!(parse_figure("1.500"), Some(1500.0));
        assert_eq!(parse_figure("1.500.000"), Some(1_500_000.0));
        assert_eq!(parse_figure("-3"), Some(-3.0));
        assert_eq!(parse_figure("abc"), None);
        assert_eq!(parse_figure("1,2,3"), None);
    }
}
