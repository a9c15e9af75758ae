//! The reader of one report's table: its header's columns, the file's identity, then each row
//! through the checks of `checks.rs`, in order (an indicator table's rows: `indicator_rows.rs`).

use super::checks::{self, Ctx};
use super::schema::Columns;
use super::table::{RawRow, Source, Table};
use super::{header, identity, limits, remarks, sheet, Col, Report, Row};
use crate::diag::{Diagnostic, Excludes, Kind};
use crate::plan::{Plan, Role, TaskIdx};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

pub(super) struct Reader<'a> {
    pub(super) plan: &'a Plan,
    pub(super) r: &'a mut Report,
    /// The diagnostics over the cap, counted while reading.
    over: limits::Overflow,
}

impl<'a> Reader<'a> {
    pub(super) fn new(plan: &'a Plan, r: &'a mut Report) -> Self {
        let over = limits::Overflow::default();
        Reader { plan, r, over }
    }

    pub(super) fn push(&mut self, d: Diagnostic) {
        self.over.add(self.r, d);
    }

    /// Done reading: the diagnostics over the cap become their "and N more" lines.
    pub(super) fn finish(self) {
        self.over.close(self.r);
    }

    /// The header's columns, then the rows (an indicator table's: `indicator_rows.rs`).
    pub(super) fn table(&mut self, t: Table) {
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
        let mut given = Vec::new();
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
            given.push(super::model::Given::of(&row));
            self.r.rows.push(row);
            self.r.accepted += 1;
        }
        self.r.given = given.into_boxed_slice();
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
pub(super) fn period_index(plan: &Plan, id: &Option<String>) -> Option<u32> {
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
