//! The outline's sections and items as the draft's, with lead and partners read from each
//! item, and a TODO where the source numbers an item in a way the schema has no name for.

use super::draft::{ItemDraft, Note, SectionDraft};
use super::outline::{Kind, Node, Outline};
use super::registry::Registry;
use crate::t;
use crate::text::fold;

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

/// The id an item gets in the plan: its number as the text writes it (`2.1`, `3.1`, `a`), which
/// schema v2 reads at any depth (`2.1` under `2` is task `II.2.1`); a note when the number does
/// not continue its parent's (`3.1` under `a)`: task `II.1.a.3.1`, as written), for a person to
/// check the text.
fn item_id(node: &Node, parent: &Node) -> (String, Option<Note>) {
    let label = &node.label;
    let continues = label.starts_with(&format!("{}.", parent.label));
    if !matches!(node.kind, Kind::Dotted(_)) || continues {
        return (label.clone(), None);
    }
    let under = &parent.label;
    let note = Note::Todo(t!(
        "văn bản đánh số mục này '{label}' dưới mục '{under})': mã giữ như văn bản viết; kiểm tra văn bản",
        "the text numbers this item '{label}' under '{under})': the id is kept as written; check the text"
    ));
    (label.clone(), Some(note))
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
    if let Some(r) = super::roles::heading(&node.text) {
        lead = reg.resolve(&r.lead, &r.lead_said, &mut notes);
        if !r.partners.is_empty() {
            partners = reg.resolve(&r.partners, &r.partners_said, &mut notes);
        }
    }
    if partners.is_none() {
        if let Some((who, said)) = super::roles::partners_in(&node.text) {
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
    fn titles_in_capitals_become_sentence_case() {
        assert_eq!(sentence_case("MỤC ĐÍCH, YÊU CẦU"), "Mục đích, yêu cầu");
        assert_eq!(sentence_case("Nội dung"), "Nội dung");
    }
}
