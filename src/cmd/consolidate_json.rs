//! `bdg consolidate --format json`: the summary as a plain value serde writes. Keys are the
//! spec's; fields are declared in the order serde_json has always written them (sorted), so
//! the output is the same byte for byte.

use crate::consolidate::{AgencyLine, Consolidation, TaskLine, Totals};
use crate::cycle::State;
use crate::lang::Lang;
use serde::Serialize;

/// The consolidation's summary for scripts.
#[derive(Serialize)]
pub struct Summary<'a> {
    agencies: Vec<AgencyJson<'a>>,
    as_of: String,
    due: String,
    excluded: Vec<ExcludedJson<'a>>,
    expected: usize,
    female_share: Option<f64>,
    /// Agencies' files excluded whole.
    files_excluded: usize,
    /// Each indicator against its target (see `indicators.rs`).
    indicators: serde_json::Value,
    late: usize,
    missing: usize,
    /// What the cycle noticed beyond the files' own diagnostics (dates after the as-of date…).
    notices: Vec<serde_json::Value>,
    on_time: usize,
    on_time_rate: f64,
    pending: usize,
    period: &'a str,
    /// Agencies whose every file was excluded: submitted, not usable.
    rejected: usize,
    reported: usize,
    reporting_rate: f64,
    rows_excluded: usize,
    /// Folders the search skipped as bdg's own outputs.
    skipped_output_folders: Vec<&'a str>,
    tasks: Vec<TaskJson<'a>>,
    totals: TotalsJson,
}

/// The four figures, summed.
#[derive(Serialize)]
struct TotalsJson {
    activities: u64,
    budget_vnd: u64,
    participants_female: u64,
    participants_male: u64,
}

/// One task's figures.
#[derive(Serialize)]
struct TaskJson<'a> {
    activities: u64,
    budget_vnd: u64,
    /// Done for the period (`TaskLine::completed`: every row done, every expected lead heard).
    completed: bool,
    done: usize,
    in_progress: usize,
    /// The lead agencies the period expects, and how many of them reported on the task.
    leads_expected: usize,
    leads_reported: usize,
    not_started: usize,
    participants_female: u64,
    participants_male: u64,
    /// How many agencies' files report on the task (the key is the spec's).
    reports: usize,
    /// Of those, from agencies leading the task and from its partners.
    reports_lead: usize,
    reports_partner: usize,
    task: &'a str,
}

/// One expected agency and where it stands.
#[derive(Serialize)]
struct AgencyJson<'a> {
    agency: &'a str,
    days_late: Option<i64>,
    errors: usize,
    expected: bool,
    /// The date of the file whose figures count, when a later report's (a supplement, a
    /// correction): absent when it is the first report's.
    #[serde(skip_serializing_if = "Option::is_none")]
    figures_on: Option<String>,
    rows: usize,
    rows_excluded: usize,
    state: State,
    submitted_on: Option<String>,
}

/// One row or file excluded, and why.
#[derive(Serialize)]
struct ExcludedJson<'a> {
    code: &'static str,
    file: &'a str,
    line: Option<u32>,
    message: String,
}

impl<'a> Summary<'a> {
    /// The summary of `k`, messages in `lang`.
    pub fn of(k: &'a Consolidation<'a>, lang: Lang) -> Self {
        let c = k.cycle;
        let n = &k.counts;
        Summary {
            agencies: k.agencies.iter().map(|a| agency(k, a)).collect(),
            as_of: c.as_of.to_string(),
            due: c.period.due.to_string(),
            excluded: k
                .excluded
                .iter()
                .map(|d| ExcludedJson {
                    code: d.code().as_str(),
                    file: &d.file,
                    line: d.line,
                    message: d.message(lang),
                })
                .collect(),
            expected: n.expected,
            female_share: k.totals.female_share(),
            files_excluded: k.files_excluded,
            indicators: crate::indicators::to_json(c.plan, &k.indicators),
            late: n.late,
            missing: n.missing,
            notices: c.notices.iter().map(|d| d.to_json(lang)).collect(),
            on_time: n.on_time,
            on_time_rate: n.on_time_rate(),
            pending: n.pending,
            period: &c.period.id,
            rejected: n.rejected,
            reported: n.reported,
            reporting_rate: n.reporting_rate(),
            rows_excluded: k.rows_excluded,
            skipped_output_folders: c
                .reports
                .iter()
                .filter(|r| r.is_folder_notice())
                .map(|r| r.file.as_str())
                .collect(),
            tasks: k.period_tasks().map(|t| task(k, t)).collect(),
            totals: totals(&k.totals),
        }
    }
}

fn totals(t: &Totals) -> TotalsJson {
    TotalsJson {
        activities: t.activities,
        budget_vnd: t.budget_vnd,
        participants_female: t.participants_female,
        participants_male: t.participants_male,
    }
}

fn task<'a>(k: &'a Consolidation<'a>, t: &TaskLine) -> TaskJson<'a> {
    TaskJson {
        activities: t.totals.activities,
        budget_vnd: t.totals.budget_vnd,
        completed: t.completed(),
        done: t.status.done,
        in_progress: t.status.in_progress,
        leads_expected: t.leads_expected,
        leads_reported: t.leads_reported,
        not_started: t.status.not_started,
        participants_female: t.totals.participants_female,
        participants_male: t.totals.participants_male,
        reports: t.reports,
        reports_lead: t.reports_lead,
        reports_partner: t.reports_partner,
        task: &k.cycle.plan.tasks[t.task].id,
    }
}

fn agency<'a>(k: &'a Consolidation<'a>, a: &AgencyLine) -> AgencyJson<'a> {
    AgencyJson {
        agency: &k.cycle.plan.agencies[a.agency].id,
        days_late: a.days_late,
        errors: a.errors,
        expected: a.expected,
        figures_on: (a.figures_on)
            .filter(|&d| Some(d) != a.submitted_on)
            .map(|d| d.to_string()),
        rows: a.rows,
        rows_excluded: a.rows_excluded,
        state: a.state,
        submitted_on: a.submitted_on.map(|d| d.to_string()),
    }
}
