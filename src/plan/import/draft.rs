//! The draft plan: what the text says, in the plan's schema, with a note at every place where
//! the text did not decide. Nothing here guesses silently: a reading is a note, an open
//! question a TODO note.

use crate::lang::Text;

/// A comment the YAML carries at a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// Where a value comes from in the source.
    From(Text),
    /// What a person must decide.
    Todo(Text),
}

#[derive(Debug, Default)]
pub struct Draft {
    pub meta: Meta,
    pub periods: Vec<PeriodDraft>,
    pub period_notes: Vec<Note>,
    pub reporters: Vec<String>,
    pub reporter_notes: Vec<Note>,
    pub agencies: Vec<AgencyDraft>,
    pub groups: Vec<GroupDraft>,
    pub sections: Vec<SectionDraft>,
}

impl Draft {
    /// How many tasks the draft holds: the leaves of the sections that hold tasks.
    pub fn task_count(&self) -> usize {
        fn leaves(v: &[ItemDraft]) -> usize {
            v.iter()
                .map(|i| {
                    if i.items.is_empty() {
                        1
                    } else {
                        leaves(&i.items)
                    }
                })
                .sum()
        }
        self.sections
            .iter()
            .filter(|s| s.tasks)
            .map(|s| leaves(&s.items))
            .sum()
    }

    /// How many places a person must decide.
    pub fn todo_count(&self) -> usize {
        fn items(v: &[ItemDraft]) -> usize {
            v.iter().map(|i| todos(&i.notes) + items(&i.items)).sum()
        }
        todos(
            &self
                .meta
                .notes
                .iter()
                .map(|(_, n)| n.clone())
                .collect::<Vec<_>>(),
        ) + self.periods.iter().map(|p| todos(&p.notes)).sum::<usize>()
            + todos(&self.period_notes)
            + todos(&self.reporter_notes)
            + self.agencies.iter().map(|a| todos(&a.notes)).sum::<usize>()
            + self.groups.iter().map(|g| todos(&g.notes)).sum::<usize>()
            + self
                .sections
                .iter()
                .map(|s| todos(&s.notes) + items(&s.items))
                .sum::<usize>()
    }
}

fn todos(n: &[Note]) -> usize {
    n.iter().filter(|n| matches!(n, Note::Todo(_))).count()
}

#[derive(Debug, Default)]
pub struct Meta {
    pub id: String,
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub province: Option<String>,
    pub year: Option<i32>,
    pub legal_basis: Vec<String>,
    pub coordinator: Option<String>,
    pub recipient: Option<String>,
    pub signer: Option<Signer>,
    pub distribution: Vec<String>,
    /// Schema v2: the plan's number (`123/KH-UBND`) and date (`2026-01-15`) from its heading.
    pub number: Option<String>,
    pub date: Option<String>,
    /// Notes by field name ("title", "coordinator" …).
    pub notes: Vec<(&'static str, Note)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signer {
    pub authority: Option<String>,
    pub title: String,
    pub name: String,
}

#[derive(Debug)]
pub struct PeriodDraft {
    pub id: String,
    pub name: String,
    pub name_en: String,
    pub due: chrono::NaiveDate,
    /// `None`: the text does not say whether the due day itself is on time.
    pub day_is_late: Option<bool>,
    pub notes: Vec<Note>,
}

#[derive(Debug)]
pub struct AgencyDraft {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub aliases: Vec<String>,
    pub notes: Vec<Note>,
}

#[derive(Debug)]
pub struct GroupDraft {
    pub id: String,
    pub name: String,
    pub notes: Vec<Note>,
}

#[derive(Debug, Default)]
pub struct SectionDraft {
    pub id: String,
    pub title: String,
    pub tasks: bool,
    pub text: Option<String>,
    pub items: Vec<ItemDraft>,
    pub notes: Vec<Note>,
}

#[derive(Debug, Default)]
pub struct ItemDraft {
    pub id: String,
    pub text: String,
    pub lead: Option<Vec<String>>,
    pub partners: Option<Vec<String>>,
    pub items: Vec<ItemDraft>,
    pub notes: Vec<Note>,
}
