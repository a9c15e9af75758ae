//! What the plan asks: sections and their items, tasks and who carries them out, and the
//! canonical form of a task id ([`task_key`]).

use super::{AgencyIdx, TaskIdx};

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
