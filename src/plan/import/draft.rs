//! The draft plan: what the text says, in the plan's schema, with a note at every place where
//! the text did not decide. Nothing here guesses silently: a reading is a note, an open
//! question a TODO note.

use super::agency::{self, Who};
use super::outline::{Kind, Node, Outline};
use crate::lang::Text;
use crate::t;
use crate::text::fold;

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

/// The agencies and groups met so far, each with the id the draft gives it.
#[derive(Default)]
pub struct Registry {
    pub agencies: Vec<AgencyDraft>,
    pub groups: Vec<GroupDraft>,
}

/// A short ASCII id from a name's initials: "Sở Lao động - Thương binh và Xã hội" → SLDTBXH,
/// "Hội LHPN tỉnh" → HLHPN. Abbreviations are kept whole.
pub fn initials(name: &str) -> String {
    let mut id = String::new();
    for w in name.split(|c: char| c.is_whitespace() || c == ',' || c == '-') {
        let f = fold(w).replace(' ', "");
        if f.is_empty() || matches!(f.as_str(), "va" | "tinh" | "cac") {
            continue;
        }
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
            id.push_str(&f.to_uppercase());
        } else if let Some(c) = f.chars().next() {
            id.extend(c.to_uppercase());
        }
    }
    id
}

fn is_abbreviated(name: &str) -> bool {
    name.split_whitespace().skip(1).any(|w| {
        let l: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        l.len() >= 2 && l.iter().all(|c| c.is_uppercase())
    })
}

impl Registry {
    /// The id of the agency of that name; a name and its abbreviation ("Hội LHPN tỉnh",
    /// "Hội Liên hiệp Phụ nữ tỉnh") are one agency, the full name its name.
    pub fn agency(&mut self, name: &str, kind: &'static str) -> String {
        let base = initials(name);
        let f = fold(name);
        if let Some(a) = self
            .agencies
            .iter_mut()
            .find(|a| fold(&a.name) == f || a.aliases.iter().any(|x| fold(x) == f))
        {
            return a.id.clone();
        }
        if let Some(a) = self
            .agencies
            .iter_mut()
            .find(|a| a.id == base && (is_abbreviated(name) || is_abbreviated(&a.name)))
        {
            if is_abbreviated(&a.name) && !is_abbreviated(name) {
                let short = std::mem::replace(&mut a.name, name.to_string());
                a.aliases.push(short);
            } else {
                a.aliases.push(name.to_string());
            }
            return a.id.clone();
        }
        let mut id = if base.is_empty() {
            "DV".to_string()
        } else {
            base
        };
        let mut notes = Vec::new();
        if let Some(other) = self.agencies.iter().find(|a| a.id == id) {
            let other = other.name.clone();
            let n = self
                .agencies
                .iter()
                .filter(|a| a.id.starts_with(&id))
                .count()
                + 1;
            id = format!("{id}_{n}");
            notes.push(Note::Todo(t!(
                "cùng chữ viết tắt với '{other}': cùng một đơn vị hay hai?",
                "same initials as '{other}': one agency or two?"
            )));
        }
        self.agencies.push(AgencyDraft {
            id: id.clone(),
            name: name.to_string(),
            kind,
            aliases: Vec::new(),
            notes,
        });
        id
    }

    pub fn group(&mut self, name: &str) -> String {
        let f = fold(name);
        if let Some(g) = self.groups.iter().find(|g| fold(&g.name) == f) {
            return g.id.clone();
        }
        let id = f.strip_prefix("cac ").unwrap_or(&f).replace(' ', "_");
        self.groups.push(GroupDraft {
            id: id.clone(),
            name: name.to_string(),
            notes: vec![Note::Todo(t!(
                "văn bản không liệt kê thành viên của '{name}': ghi mã các đơn vị vào members",
                "the text does not list the members of '{name}': write their agency ids in members"
            ))],
        });
        id
    }

    /// The ids for a list of who; notes say what was read and what is left open. `None` when
    /// the list names no one in particular.
    pub fn resolve(
        &mut self,
        who: &[Who],
        said: &str,
        notes: &mut Vec<Note>,
    ) -> Option<Vec<String>> {
        if agency::means_everyone(who) {
            notes.push(Note::Todo(t!(
                "'{said}' được hiểu là mọi đơn vị (all); nếu chỉ là các nhóm đó, ghi mã nhóm",
                "'{said}' is read as every agency (all); if only those groups are meant, write their ids"
            )));
            return Some(vec!["all".into()]);
        }
        let mut ids = Vec::new();
        for w in who {
            match w {
                Who::Agency { name, kind } => ids.push(self.agency(name, kind)),
                Who::Group { name, .. } => ids.push(self.group(name)),
                Who::Vague(s) => notes.push(Note::Todo(t!(
                    "'{s}': văn bản không nói rõ là đơn vị nào; thêm mã đơn vị nếu cần",
                    "'{s}': the text does not say which agencies; add their ids if needed"
                ))),
            }
        }
        (!ids.is_empty()).then_some(ids)
    }
}

/// Sentence case for a title written in capitals: "MỤC ĐÍCH, YÊU CẦU" → "Mục đích, yêu cầu".
pub fn sentence_case(s: &str) -> String {
    if s.chars().any(char::is_lowercase) {
        return s.to_string();
    }
    let lower = s.to_lowercase();
    let mut cs = lower.chars();
    cs.next()
        .map(|c| c.to_uppercase().chain(cs).collect())
        .unwrap_or_default()
}

/// The sections of the outline, with lead and partners read from each item.
pub fn sections(outline: &Outline, reg: &mut Registry) -> Vec<SectionDraft> {
    outline.sections.iter().map(|s| section(s, reg)).collect()
}

fn section(node: &Node, reg: &mut Registry) -> SectionDraft {
    let (title, text) = match node.text.split_once(':') {
        Some((t, rest)) if !rest.trim().is_empty() => (t.trim(), Some(rest.trim().to_string())),
        _ => (node.text.trim_end_matches([':', ' ']), None),
    };
    let title = sentence_case(title);
    let f = fold(&title);
    let mut notes = Vec::new();
    let tasks = !["muc dich", "yeu cau", "kinh phi", "can cu"]
        .iter()
        .any(|k| f.contains(k));
    if !tasks {
        notes.push(Note::From(t!(
            "mục '{title}' nêu mục đích hoặc kinh phí, không phải nhiệm vụ (tasks: false)",
            "section '{title}' states purposes or funding, not tasks (tasks: false)"
        )));
    }
    let items: Vec<ItemDraft> = node.children.iter().map(|c| item(c, node, reg)).collect();
    if tasks && !items.is_empty() && !names_anyone(&items) {
        notes.push(Note::Todo(t!(
            "văn bản không nêu đơn vị thực hiện mục này; ghi 'lead: [all]' nếu mọi đơn vị báo cáo đều thực hiện",
            "the text names no agency for this section; write 'lead: [all]' if every reporting agency carries it out"
        )));
    }
    SectionDraft {
        id: node.label.clone(),
        title,
        tasks,
        text,
        items,
        notes,
    }
}

fn names_anyone(items: &[ItemDraft]) -> bool {
    items
        .iter()
        .any(|i| i.lead.is_some() || names_anyone(&i.items))
}

/// The id an item gets in the plan, and a note when the source numbers it otherwise.
fn item_id(node: &Node, parent: &Node) -> (String, Option<Note>) {
    let label = &node.label;
    if let Kind::Dotted(_) = node.kind {
        if let Some(rest) = label.strip_prefix(&format!("{}.", parent.label)) {
            return (rest.to_string(), None);
        }
        let last = label.rsplit('.').next().unwrap_or(label).to_string();
        let under = &parent.label;
        return (
            last,
            Some(Note::Todo(t!(
                "văn bản đánh số mục này '{label}' dưới mục '{under})'; lược đồ hiện tại chưa có cách đánh số đó, kiểm tra mã nhiệm vụ",
                "the text numbers this item '{label}' under '{under})'; the current schema has no such numbering, check the task id"
            ))),
        );
    }
    (label.clone(), None)
}

fn item(node: &Node, parent: &Node, reg: &mut Registry) -> ItemDraft {
    let (id, id_note) = item_id(node, parent);
    let mut notes: Vec<Note> = id_note.into_iter().collect();
    let text = node
        .text
        .trim()
        .trim_end_matches(':')
        .trim_end()
        .to_string();
    let (mut lead, mut partners) = (None, None);
    if let Some(r) = agency::heading(&node.text) {
        lead = reg.resolve(&r.lead, &r.lead_said, &mut notes);
        if !r.partners.is_empty() {
            partners = reg.resolve(&r.partners, &r.partners_said, &mut notes);
        }
    }
    if partners.is_none() {
        if let Some((who, said)) = agency::partners_in(&node.text) {
            partners = reg.resolve(&who, &said, &mut notes);
        }
    }
    let items = node.children.iter().map(|c| item(c, node, reg)).collect();
    ItemDraft {
        id,
        text,
        lead,
        partners,
        items,
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_initials_and_one_agency_for_a_name_and_its_abbreviation() {
        assert_eq!(initials("Sở Lao động - Thương binh và Xã hội"), "SLDTBXH");
        assert_eq!(initials("Sở Văn hóa, Thể thao và Du lịch"), "SVHTTDL");
        assert_eq!(initials("Đài Phát thanh và Truyền hình tỉnh"), "DPTTH");
        assert_eq!(initials("Hội LHPN tỉnh"), "HLHPN");
        let mut r = Registry::default();
        let a = r.agency("Hội LHPN tỉnh", "mass_organisation");
        let b = r.agency("Hội Liên hiệp Phụ nữ tỉnh", "mass_organisation");
        assert_eq!(a, b);
        assert_eq!(r.agencies[0].name, "Hội Liên hiệp Phụ nữ tỉnh");
        assert_eq!(r.agencies[0].aliases, vec!["Hội LHPN tỉnh"]);
        // Two full names with the same initials are two agencies, and a question.
        let c = r.agency("Sở Tư pháp", "department");
        let d = r.agency("Sở Tài phán", "department");
        assert_ne!(c, d);
        assert!(matches!(r.agencies[2].notes[0], Note::Todo(_)));
    }

    #[test]
    fn titles_in_capitals_become_sentence_case() {
        assert_eq!(sentence_case("MỤC ĐÍCH, YÊU CẦU"), "Mục đích, yêu cầu");
        assert_eq!(sentence_case("Nội dung"), "Nội dung");
    }
}
