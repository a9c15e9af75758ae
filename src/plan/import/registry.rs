//! The agencies and groups a draft names, each with the id it gives them: initials for an
//! agency ("SLDTBXH"), a slug for a group ("doan_the_tinh").

use super::agency::{self, Who};
use super::draft::{AgencyDraft, GroupDraft, Note};
use crate::t;
use crate::text::fold;

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
            let (full, short) = (&a.name, a.aliases.last().expect("just pushed"));
            let note = Note::From(t!(
                "'{short}' được hiểu là chữ viết tắt của '{full}' (cùng chữ đầu)",
                "'{short}' is read as the abbreviation of '{full}' (same initials)"
            ));
            a.notes.push(note);
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
}
