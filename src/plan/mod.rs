//! The plan: who reports, on what, by when, to whom. Loaded from YAML ([`load`]), validated into
//! plain types with hash lookups for agencies and tasks.

mod agencies;
mod file;
pub mod import;
pub mod include;
pub mod indicators;
mod locate;
mod meta;
mod periods;
mod tasks;
mod validate;

pub use agencies::{Agency, Group};
pub use file::{OnDueDate, SignerFile as Signer};
pub use meta::{Meta, ReportHeading};
pub use periods::Period;
pub use tasks::{task_key, Assignment, Item, Role, Section, Task};
pub use validate::{load, parse, LoadError};

use crate::text::fold;
use agencies::AgencyKeys;
use std::collections::HashMap;

pub type AgencyIdx = usize;
pub type TaskIdx = usize;

#[derive(Debug, Clone)]
pub struct Plan {
    pub meta: Meta,
    pub report: ReportHeading,
    pub periods: Vec<Period>,
    pub agencies: Vec<Agency>,
    pub groups: Vec<Group>,
    pub sections: Vec<Section>,
    pub tasks: Vec<Task>,
    /// The indicators measured against targets (issue 14), in file order.
    pub indicators: Vec<indicators::Indicator>,
    agency_keys: AgencyKeys,
    task_keys: HashMap<String, TaskIdx>,
}

impl Plan {
    /// An agency by id, name or alias, in any case, with or without diacritics.
    pub fn find_agency(&self, s: &str) -> Option<AgencyIdx> {
        let keys = &self.agency_keys;
        keys.get(&fold(s))
            .or_else(|| keys.get(&crate::text::fold_tight(s)))
    }

    /// A task by id in the forms people write: `II.2.b`, `II-2-b`, `ii.2.b`, `IV 3`.
    pub fn find_task(&self, s: &str) -> Option<TaskIdx> {
        self.task_keys.get(&task_key(s)).copied()
    }

    /// An indicator by id, in any case, with or without diacritics.
    pub fn find_indicator(&self, s: &str) -> Option<usize> {
        let k = fold(s);
        self.indicators.iter().position(|i| fold(&i.id) == k)
    }

    /// The indicators an agency reports for `period`, in plan order.
    pub fn indicators_of(&self, a: AgencyIdx, period: &str) -> Vec<usize> {
        (0..self.indicators.len())
            .filter(|&i| self.indicators[i].reporters.contains(&a))
            .filter(|&i| self.indicators[i].in_period(period))
            .collect()
    }

    /// The period `id` is the plan's year's last report: the annual report, read as
    /// [`indicators::annual_periods`] reads it (no period of the plan due later), and due in
    /// the year's last quarter or after the year (a plan of six-month reports only has no
    /// report that closes its year). An indicator short of a milestone of this year is judged
    /// not achieved only there.
    pub fn closes_year(&self, id: &str) -> bool {
        use chrono::Datelike;
        let at_years_end = |p: &Period| p.due.year() > self.meta.year || p.due.month() >= 10;
        indicators::annual_periods(&self.periods)
            .iter()
            .any(|a| a == id)
            && (self.periods.iter()).any(|p| p.id == id && at_years_end(p))
    }

    /// A period by its id or name, in the forms people write: `2026-Q1`, `quý I năm 2026`,
    /// `Quý I/2026`, `Quý 1 - 2026` (see [`period_key`]).
    pub fn find_period(&self, s: &str) -> Option<&Period> {
        let k = fold(s);
        let exact = self.periods.iter().find(|p| {
            fold(&p.id) == k
                || fold(&p.name) == k
                || p.name_en.as_deref().map(fold) == Some(k.clone())
        });
        exact.or_else(|| {
            let k = period_key(s);
            (!k.is_empty()).then_some(())?;
            self.periods.iter().find(|p| period_key(&p.name) == k)
        })
    }

    /// The periods' ids, for messages: "2021-H1, 2021-Y".
    pub fn period_ids(&self) -> String {
        self.periods
            .iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Every spelling of every agency, for "did you mean".
    pub fn agency_spellings(&self) -> impl Iterator<Item = &str> {
        self.agencies.iter().flat_map(|a| {
            std::iter::once(a.id.as_str())
                .chain(std::iter::once(a.name.as_str()))
                .chain(a.aliases.iter().map(String::as_str))
        })
    }

    /// The tasks an agency has a part in, leading ("all" included) or co-ordinating, in plan
    /// order: the order the plan's sections and items are written in (II before III before VI),
    /// which is the order the desk reads and files them in.
    pub fn tasks_of(&self, a: AgencyIdx) -> Vec<(TaskIdx, Role)> {
        (0..self.tasks.len())
            .filter_map(|t| self.role(t, a).map(|r| (t, r)))
            .collect()
    }

    pub fn role(&self, task: TaskIdx, a: AgencyIdx) -> Option<Role> {
        let t = &self.tasks[task];
        if t.lead.includes(a) {
            Some(Role::Lead)
        } else if t.partners.includes(a) {
            Some(Role::Partner)
        } else {
            None
        }
    }

    /// The agencies a task names as lead, as ids, or `None` for "all".
    pub fn lead_ids(&self, task: TaskIdx) -> Option<Vec<&str>> {
        match &self.tasks[task].lead {
            Assignment::All => None,
            Assignment::Agencies(v) => {
                Some(v.iter().map(|&i| self.agencies[i].id.as_str()).collect())
            }
        }
    }
}

/// A Vietnamese period name as a key, whatever the way it is written: folded, without the word
/// "năm", quarters' Roman numerals as digits: `Quý I/2026`, `quý 1 năm 2026` and `Quý I - 2026`
/// all give `quy 1 2026`.
fn period_key(s: &str) -> String {
    let f = fold(s);
    let mut words = Vec::new();
    for w in f.split(' ') {
        match w {
            "nam" => {}
            "i" => words.push("1"),
            "ii" => words.push("2"),
            "iii" => words.push("3"),
            "iv" => words.push("4"),
            w => words.push(w),
        }
    }
    words.join(" ")
}
