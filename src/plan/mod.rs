//! The plan: who reports, on what, by when, to whom. Loaded from YAML ([`load`]), validated into
//! plain types with hash lookups for agencies and tasks.

mod file;
pub mod import;
pub mod include;
pub mod indicators;
mod locate;
mod validate;

pub use file::{OnDueDate, SignerFile as Signer};
pub use validate::{load, parse, LoadError};

use crate::text::fold;
use chrono::NaiveDate;
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

/// Every spelling of every agency, folded (`validate::agencies`), with its agency.
///
/// A plan may list tens of thousands of agencies, each with two spellings or more, held for
/// the whole run. So the spellings are written one after another into one text, and the
/// index holds where each lies and its agency, sorted by spelling: a few bytes a spelling, not
/// a string (and a hash map's room) each. It is looked up about once per report file (the
/// file's agency): the binary search costs nothing that shows.
#[derive(Debug, Clone)]
struct AgencyKeys {
    text: String,
    index: Box<[Spelling]>,
}

/// One spelling in [`AgencyKeys`]: `text[start..end]`, and its agency.
#[derive(Debug, Clone, Copy)]
struct Spelling {
    start: u32,
    end: u32,
    agency: u32,
}

impl AgencyKeys {
    fn new(keys: HashMap<String, AgencyIdx>) -> Self {
        // A plan file is at most 16 MB: its spellings, folded, are far from 4 GB.
        let small = |n: usize| u32::try_from(n).expect("a plan's spellings fit in 4 GB");
        let mut keys: Vec<_> = keys.into_iter().collect();
        keys.sort_unstable();
        let mut text = String::with_capacity(keys.iter().map(|(k, _)| k.len()).sum());
        let index = keys
            .iter()
            .map(|(k, agency)| {
                let start = small(text.len());
                text.push_str(k);
                let (end, agency) = (small(text.len()), small(*agency));
                Spelling { start, end, agency }
            })
            .collect();
        AgencyKeys { text, index }
    }

    fn get(&self, key: &str) -> Option<AgencyIdx> {
        let spelling = |s: &Spelling| &self.text[s.start as usize..s.end as usize];
        let i = self.index.binary_search_by(|s| spelling(s).cmp(key)).ok()?;
        Some(self.index[i].agency as AgencyIdx)
    }
}

#[derive(Debug, Clone)]
pub struct Meta {
    pub id: String,
    pub title: String,
    pub title_en: Option<String>,
    pub issuer: String,
    pub province: Option<String>,
    pub year: i32,
    pub legal_basis: Vec<String>,
    pub cited_documents: Vec<String>,
    pub coordinator: AgencyIdx,
    pub recipient: String,
    pub recipient_en: Option<String>,
    pub signer: Option<Signer>,
    pub distribution: Vec<String>,
    /// Schema v2: the plan's number and date as issued (`1140/KH-UBND`, 29/4/2025).
    pub number: Option<String>,
    pub date: Option<NaiveDate>,
}

impl Meta {
    /// How documents cite the plan: by number, date and issuing body when the plan gives them
    /// ("Kế hoạch số 1140/KH-UBND ngày 29/4/2025 của UBND tỉnh Khánh Hòa về …"), else by title.
    pub fn cited(&self, lang: crate::lang::Lang) -> String {
        use crate::lang::Lang;
        let title = match lang {
            Lang::En => self.title_en.as_deref().unwrap_or(&self.title),
            Lang::Vi => &self.title,
        };
        if self.number.is_none() && self.date.is_none() {
            return title.to_string();
        }
        let number = self.number.as_deref().map(|n| match lang {
            Lang::Vi => format!(" số {n}"),
            Lang::En => format!(" No. {n}"),
        });
        let date = self.date.map(|d| {
            let d = crate::render::admin::short_date(d);
            match lang {
                Lang::Vi => format!(" ngày {d}"),
                Lang::En => format!(" of {d}"),
            }
        });
        let (number, date, issuer) = (
            number.unwrap_or_default(),
            date.unwrap_or_default(),
            &self.issuer,
        );
        match lang {
            Lang::Vi => {
                let about = title.strip_prefix("Kế hoạch ").unwrap_or(title);
                format!("Kế hoạch{number}{date} của {issuer} về {about}")
            }
            Lang::En => format!("Plan{number}{date} of the {issuer} ({title})"),
        }
    }
}

/// The heading of documents bdg writes on the coordinator's behalf.
#[derive(Debug, Clone)]
pub struct ReportHeading {
    pub parent_body: Option<String>,
    pub parent_body_en: Option<String>,
    pub issuing_body: String,
    pub issuing_body_en: Option<String>,
    pub document_code: Option<String>,
    pub place: String,
    pub signer_title: Option<String>,
    pub signer_title_en: Option<String>,
    pub signer_name: Option<String>,
    pub recipients: Vec<String>,
    /// Schema v2, the desk's rules: the number after the `/` of a report and of a letter (`None`:
    /// `BC-` + document code, document code + `-BĐG`), the days a letter gives to reply, and
    /// the letters' recipients (`None`: `recipients` but the ministry).
    pub report_number: Option<String>,
    pub letter_number: Option<String>,
    pub reply_days: u32,
    pub letter_recipients: Option<Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct Period {
    pub id: String,
    pub name: String,
    pub name_en: Option<String>,
    pub due: NaiveDate,
    pub on_due_date: OnDueDate,
    pub window: Option<(NaiveDate, NaiveDate)>,
    /// The agencies that must report, in plan order.
    pub reporters: Vec<AgencyIdx>,
}

impl Period {
    /// The last day a report is on time: the due date itself, or the day before when the plan
    /// reads "trước ngày" strictly. (Plan dates lie in 1900–2100; no arithmetic here can fail.)
    pub fn last_on_time_day(&self) -> NaiveDate {
        match self.on_due_date {
            OnDueDate::OnTime => self.due,
            OnDueDate::Late => self.due.pred_opt().unwrap_or(self.due),
        }
    }

    pub fn name_in(&self, lang: crate::lang::Lang) -> &str {
        match lang {
            crate::lang::Lang::En => self.name_en.as_deref().unwrap_or(&self.name),
            crate::lang::Lang::Vi => &self.name,
        }
    }
}

#[derive(Debug, Clone)]
/// One agency of the plan. A plan may list tens of thousands (every commune of a country), so
/// what most agencies leave out is held without room to grow (boxed).
pub struct Agency {
    pub id: String,
    pub name: String,
    pub name_en: Option<Box<str>>,
    pub kind: Option<Box<str>>,
    pub aliases: Box<[String]>,
    pub expanded_from: Option<Box<str>>,
}

impl Agency {
    /// The name in `lang`: the plan's English name, where it has one, in English.
    pub fn name_in(&self, lang: crate::lang::Lang) -> &str {
        match lang {
            crate::lang::Lang::En => self.name_en.as_deref().unwrap_or(&self.name),
            crate::lang::Lang::Vi => &self.name,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub members: Vec<AgencyIdx>,
}

#[derive(Debug, Clone)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub title_en: Option<String>,
    pub has_tasks: bool,
    pub items: Vec<Item>,
}

/// An item of a section in the source's numbering; a leaf of a task section is a task.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: String,
    pub full_id: String,
    pub text: String,
    pub items: Vec<Item>,
    pub task: Option<TaskIdx>,
}

/// Who carries a task out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Assignment {
    All,
    Agencies(Vec<AgencyIdx>),
}

impl Assignment {
    pub fn includes(&self, a: AgencyIdx) -> bool {
        match self {
            Assignment::All => true,
            Assignment::Agencies(v) => v.contains(&a),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Task {
    pub id: String,
    pub section: String,
    pub text: String,
    pub lead: Assignment,
    pub partners: Assignment,
    /// Schema v2: the periods whose reports carry this task (`None`: every period).
    pub periods: Option<Vec<String>>,
    /// The texts of the items that enclose the task, outermost first: its context where it is
    /// shown alone ("Ban hành kế hoạch…" belongs to which programme).
    pub context: Vec<String>,
}

impl Task {
    /// The task's text after its nearest enclosing item's, for wherever it is shown alone
    /// ("Xây dựng kế hoạch… ▸ Ban hành kế hoạch…").
    pub fn text_in_context(&self) -> std::borrow::Cow<'_, str> {
        match self.context.last() {
            Some(parent) => {
                let parent = parent.trim_end_matches([':', '.', ' ']);
                format!("{parent} ▸ {}", self.text).into()
            }
            None => self.text.as_str().into(),
        }
    }

    /// Does a report for `period` carry this task?
    pub fn in_period(&self, period: &str) -> bool {
        self.periods
            .as_ref()
            .is_none_or(|ps| ps.iter().any(|p| p == period))
    }
}

/// An agency's part in a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Lead,
    Partner,
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

    pub fn find_period(&self, s: &str) -> Option<&Period> {
        let k = fold(s);
        self.periods.iter().find(|p| {
            fold(&p.id) == k
                || fold(&p.name) == k
                || p.name_en.as_deref().map(fold) == Some(k.clone())
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

/// The canonical form of a task id: Roman numeral upper case, letters lower case, `.` between.
pub fn task_key(s: &str) -> String {
    let s = crate::text::nfc(s.trim());
    let parts: Vec<&str> = s
        .split(|c: char| c == '.' || c == '-' || c == '/' || c == '_' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    let mut out = String::with_capacity(s.len());
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        if i == 0 {
            out.push_str(&p.to_uppercase());
        } else {
            out.push_str(&p.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::task_key;

    #[test]
    fn task_ids_in_the_forms_people_write() {
        assert_eq!(task_key("II.2.b"), "II.2.b");
        assert_eq!(task_key("II-2-b"), "II.2.b");
        assert_eq!(task_key("ii.2.b"), "II.2.b");
        assert_eq!(task_key(" IV.3 "), "IV.3");
        assert_eq!(task_key("II.4.Đ"), "II.4.đ");
        assert_eq!(task_key("iv 10 a"), "IV.10.a");
    }
}
