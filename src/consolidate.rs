//! The consolidation: figures by task (every task of the plan), by agency (every expected one),
//! totals, and every excluded row or file with its reason. Pure code over a [`Cycle`].

use crate::cycle::{Counts, Cycle, State};
use crate::diag::{Diagnostic, Excludes, Kind};
use crate::plan::{AgencyIdx, TaskIdx};
use crate::report::{Row, Status};
use chrono::NaiveDate;
use std::borrow::Cow;

mod excluded;
use excluded::excluded_counts;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    /// Activities held.
    pub activities: u64,
    /// Women who took part.
    pub participants_female: u64,
    /// Men who took part.
    pub participants_male: u64,
    /// Money spent, in đồng.
    pub budget_vnd: u64,
}

impl Totals {
    /// Adds one row's figures (a figure left blank adds nothing).
    pub fn add(&mut self, r: &Row) {
        // Figures are capped by the reader (`max_figure`), so no real cycle comes near the
        // limit; the sums saturate rather than wrap all the same.
        let add = |t: &mut u64, v: Option<u64>| *t = t.saturating_add(v.unwrap_or(0));
        add(&mut self.activities, r.activities);
        add(&mut self.participants_female, r.participants_female);
        add(&mut self.participants_male, r.participants_male);
        add(&mut self.budget_vnd, r.budget_vnd);
    }

    /// Everyone who took part.
    pub fn participants(&self) -> u64 {
        self.participants_female
            .saturating_add(self.participants_male)
    }

    /// Women's share of participants, when anyone took part.
    pub fn female_share(&self) -> Option<f64> {
        let all = self.participants();
        (all > 0).then(|| self.participants_female as f64 / all as f64)
    }
}

/// Notes kept a task for the text report.
pub const NOTES_KEPT: usize = 30;

/// Rows counted by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusCounts {
    /// Rows "chưa thực hiện".
    pub not_started: usize,
    /// Rows "đang thực hiện".
    pub in_progress: usize,
    /// Rows "hoàn thành".
    pub done: usize,
}

impl StatusCounts {
    /// Counts one row of `status`.
    pub fn add(&mut self, status: Status) {
        match status {
            Status::NotStarted => self.not_started += 1,
            Status::InProgress => self.in_progress += 1,
            Status::Done => self.done += 1,
        }
    }
}

/// One task of the plan and what the agencies' files say of it.
#[derive(Debug, Clone)]
pub struct TaskLine {
    /// The task.
    pub task: TaskIdx,
    /// How many agencies' files report on it (rows counted), not the province's report.
    pub reports: usize,
    /// Of those, how many come from agencies the plan names as leading it, and how many from
    /// its partners (the rest, if any, from agencies it does not name: a warning each).
    pub reports_lead: usize,
    pub reports_partner: usize,
    /// The agencies the plan names as leading it that this period expects to report (every
    /// expected agency for a task led by "all"), and how many of them reported on it.
    pub leads_expected: usize,
    pub leads_reported: usize,
    /// How many rows give each status.
    pub status: StatusCounts,
    /// Its figures, summed.
    pub totals: Totals,
    /// The first [`NOTES_KEPT`] notes of the agencies (a national cycle has millions; the
    /// workbook's details sheet has them all).
    pub notes: Vec<(AgencyIdx, String)>,
    /// How many rows of this task carry a note.
    pub notes_total: usize,
}

impl TaskLine {
    /// Done for the period: reported, every row saying "hoàn thành", and every lead agency the
    /// period expects among those that reported (a task led by 13 agencies is not done when 5
    /// of them say so and 8 say nothing). A task not done is carried to the next period.
    pub fn completed(&self) -> bool {
        self.reports > 0 && self.status.done == self.reports && self.leads_missing() == 0
    }

    /// The expected lead agencies that have not reported on the task.
    pub fn leads_missing(&self) -> usize {
        self.leads_expected.saturating_sub(self.leads_reported)
    }
}

/// One agency of the cycle (every expected one, and any that reported unexpected).
#[derive(Debug, Clone)]
pub struct AgencyLine<'c> {
    /// The agency.
    pub agency: AgencyIdx,
    /// Whether the period expects its report.
    pub expected: bool,
    /// Where it stands: on time, late, missing, pending…
    pub state: State,
    /// The date of its earliest usable report: timeliness counts from it.
    pub submitted_on: Option<NaiveDate>,
    /// The date of the file whose figures count: later than `submitted_on` when a supplement
    /// or a correction came after the first report.
    pub figures_on: Option<NaiveDate>,
    /// Days past the due date, when late or missing.
    pub days_late: Option<i64>,
    /// The file whose figures count (its name, as the cycle's report holds it).
    pub file: Option<&'c str>,
    /// Rows accepted from its file.
    pub rows: usize,
    /// Rows of its files excluded: of the file that counts, and of any superseded, rejected or
    /// held back, and of its companion indicator files (see [`excluded_counts`]). The lines
    /// add up to [`Consolidation::rows_excluded`] but for files that belong to no agency.
    pub rows_excluded: usize,
    /// Errors in its file.
    pub errors: usize,
    /// Its figures, summed.
    pub totals: Totals,
}

/// An accepted row with where it came from.
#[derive(Debug, Clone, Copy)]
pub struct Detail<'a> {
    /// The agency whose file it is.
    pub agency: AgencyIdx,
    /// The agency's file.
    pub file: &'a str,
    /// The date the report gives for itself.
    pub submitted_on: Option<NaiveDate>,
    /// The row.
    pub row: &'a Row,
}

/// The province's figures for one cycle: what the workbook, the Word report for the ministry
/// and the summaries are made from.
pub struct Consolidation<'c> {
    /// The cycle consolidated.
    pub cycle: &'c Cycle<'c>,
    /// Agencies by where they stand.
    pub counts: Counts,
    /// Every task of the plan, in plan order.
    pub tasks: Vec<TaskLine>,
    /// Every expected agency, then any unexpected one that reported.
    pub agencies: Vec<AgencyLine<'c>>,
    /// The figures of every accepted row, summed.
    pub totals: Totals,
    /// Every diagnostic that cost a row or a file, in file order: not those of a file another
    /// replaces, nor another period's own report's (see [`leaves_out`]).
    pub excluded: Vec<&'c Diagnostic>,
    /// Every diagnostic of the cycle.
    pub diagnostics: Vec<&'c Diagnostic>,
    /// Rows excluded across the cycle's files, each once (see [`excluded_counts`]).
    pub rows_excluded: usize,
    /// Agencies' files excluded whole.
    pub files_excluded: usize,
    /// The plan's indicators against their targets (`indicators.rs`).
    pub indicators: Vec<crate::indicators::IndicatorResult>,
}

impl<'c> Consolidation<'c> {
    /// The tasks of this period's report (schema v2: a task may belong to some periods only),
    /// and any other task an agency reported on anyway.
    pub fn period_tasks(&self) -> impl Iterator<Item = &TaskLine> {
        let (plan, period) = (self.cycle.plan, &self.cycle.period.id);
        self.tasks
            .iter()
            .filter(move |t| t.reports > 0 || plan.tasks[t.task].in_period(period))
    }

    /// The accepted rows kept in the cycle's reports (read with their rows), agency by agency
    /// in plan order: what [`fold`] hands to its `detail` callback. A cycle read without rows
    /// (`bdg consolidate` streams them) has none here.
    pub fn details(&self) -> impl Iterator<Item = Detail<'c>> + '_ {
        let c = self.cycle;
        c.figures_files().flat_map(move |f| {
            let r = &c.reports[f];
            let agency = r
                .agency
                .expect("a report whose figures count names its agency");
            r.rows.iter().map(move |row| Detail {
                agency,
                file: &r.file,
                submitted_on: r.submitted_on,
                row,
            })
        })
    }

    /// Something to flag: rows or files excluded, agencies overdue (late, missing or rejected:
    /// the very list `bdg overdue` gives, so both commands flag the same cycle).
    pub fn flagged(&self) -> bool {
        !self.excluded.is_empty() || self.cycle.overdue().next().is_some()
    }
}

/// A diagnostic that leaves rows or a file out of the cycle's figures for something wrong:
/// listed as excluded ("Bị loại", the JSON's `excluded`) and counted. Another period's file not
/// taken for this one (`other-period`) leaves out nothing that should be in, nor does a device
/// or FIFO named like a report (`not-a-file`, skipped unread), nor anything in a file another
/// replaces (`replaced`: a superseded file, a copy; see `excluded::replaced`): they are among
/// the warnings only, so that the list and the counts agree.
fn leaves_out(d: &Diagnostic, replaced: &std::collections::HashSet<&str>) -> bool {
    d.excludes != Excludes::Nothing
        && !replaced.contains(d.file.as_str())
        && match d.kind {
            Kind::OtherPeriod { rejects, .. } => rejects,
            Kind::NotAFile { .. } => false,
            _ => true,
        }
}

/// Consolidates a cycle whose reports hold their rows: figures by task and by agency, totals,
/// and what was excluded. See [`fold`] for a cycle read without rows.
pub fn consolidate<'c>(c: &'c Cycle<'c>) -> Consolidation<'c> {
    let rows = |f: usize| Ok::<_, std::convert::Infallible>(Cow::Borrowed(&c.reports[f].rows[..]));
    match fold(c, rows, |_| Ok(())) {
        Ok(k) => k,
        Err(never) => match never {},
    }
}

/// Consolidates a cycle, taking the rows of each file whose figures count from `rows_of` (its
/// index in [`Cycle::reports`]), asked once per file, agency by agency in plan order, and
/// handing each accepted row to `detail` as it is counted. So a cycle read without its rows
/// can be consolidated by reading the chosen files again one at a time (`bdg consolidate`):
/// memory is bounded by the plan and the number of files, not the rows.
pub fn fold<'c, E>(
    c: &'c Cycle<'c>,
    mut rows_of: impl FnMut(usize) -> Result<Cow<'c, [Row]>, E>,
    mut detail: impl FnMut(Detail<'_>) -> Result<(), E>,
) -> Result<Consolidation<'c>, E> {
    let plan = c.plan;
    let leads = expected_leads(c);
    let mut tasks: Vec<TaskLine> = (0..plan.tasks.len())
        .map(|task| TaskLine {
            task,
            reports: 0,
            reports_lead: 0,
            reports_partner: 0,
            leads_expected: leads[task],
            leads_reported: 0,
            status: StatusCounts::default(),
            totals: Totals::default(),
            notes: Vec::new(),
            notes_total: 0,
        })
        .collect();
    let mut totals = Totals::default();
    let mut agencies = Vec::with_capacity(c.agencies.len());
    let excluded_rows = excluded_counts(c);
    // The last expected lead agency counted on each task, so an agency's several rows on one
    // task count it once (agencies come one at a time).
    let mut last_lead: Vec<Option<AgencyIdx>> = vec![None; plan.tasks.len()];
    for a in &c.agencies {
        let mut line = AgencyLine {
            agency: a.agency,
            expected: a.expected,
            state: a.state,
            submitted_on: a.submitted_on,
            figures_on: a.figures_from.and_then(|f| c.reports[f].submitted_on),
            days_late: a.days_late,
            file: a.figures_from.map(|f| c.reports[f].file.as_str()),
            rows: 0,
            rows_excluded: excluded_rows.by_agency[a.agency],
            // The errors of the files that count: not of those another replaces.
            errors: (a.reports.iter())
                .filter(|f| !excluded_rows.replaced.contains(f))
                .map(|&f| c.reports[f].errors())
                .sum(),
            totals: Totals::default(),
        };
        if let Some(f) = a.figures_from {
            let r = &c.reports[f];
            let rows = rows_of(f)?;
            line.rows = rows.len();
            for row in rows.iter() {
                let role = plan.role(row.task, a.agency);
                let lead = a.expected && role == Some(crate::plan::Role::Lead);
                if lead && last_lead[row.task] != Some(a.agency) {
                    last_lead[row.task] = Some(a.agency);
                    tasks[row.task].leads_reported += 1;
                }
                count_row(&mut tasks[row.task], role, a.agency, row);
                line.totals.add(row);
                totals.add(row);
                detail(Detail {
                    agency: a.agency,
                    file: &r.file,
                    submitted_on: r.submitted_on,
                    row,
                })?;
            }
        }
        agencies.push(line);
    }
    let diagnostics: Vec<&Diagnostic> = c.diagnostics().collect();
    let excluded = diagnostics
        .iter()
        .copied()
        .filter(|d| leaves_out(d, &excluded_rows.replaced_files))
        .collect();
    let counted = crate::indicators::counted_rows(c);
    let indicators = crate::indicators::results(plan, plan.meta.year, &c.period.id, &counted);
    let (rows_excluded, files_excluded) = (excluded_rows.rows, excluded_rows.files);
    Ok(Consolidation {
        cycle: c,
        counts: c.counts(),
        tasks,
        agencies,
        totals,
        excluded,
        diagnostics,
        indicators,
        rows_excluded,
        files_excluded,
    })
}

/// Counts one accepted row of `agency` (whose role in the task is `role`) in its task's line.
fn count_row(t: &mut TaskLine, role: Option<crate::plan::Role>, agency: AgencyIdx, row: &Row) {
    t.reports += 1;
    match role {
        Some(crate::plan::Role::Lead) => t.reports_lead += 1,
        Some(crate::plan::Role::Partner) => t.reports_partner += 1,
        None => {}
    }
    t.status.add(row.status);
    t.totals.add(row);
    if !row.note.is_empty() {
        t.notes_total += 1;
        if t.notes.len() < NOTES_KEPT {
            t.notes.push((agency, row.note.clone()));
        }
    }
}

/// For each task of the plan, how many of its lead agencies the period expects to report.
fn expected_leads(c: &Cycle) -> Vec<usize> {
    let plan = c.plan;
    let mut expected = vec![false; plan.agencies.len()];
    for a in c.agencies.iter().filter(|a| a.expected) {
        expected[a.agency] = true;
    }
    let all = expected.iter().filter(|e| **e).count();
    plan.tasks
        .iter()
        .map(|t| match &t.lead {
            crate::plan::Assignment::All => all,
            crate::plan::Assignment::Agencies(v) => v.iter().filter(|a| expected[**a]).count(),
        })
        .collect()
}
