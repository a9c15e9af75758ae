//! An agency's difficulties ("Khó khăn, vướng mắc") and proposals ("Đề xuất, kiến nghị"): free
//! text per agency, not per task. They travel as two reserved rows of the same table, in CSV
//! and XLSX alike: the task cell holds the label, the note cell the text. The reader hands every
//! row here first ([`take`]); a reserved row is kept here and is not a task row.

use crate::text::fold;

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Remarks {
    pub difficulties: Vec<String>,
    pub proposals: Vec<String>,
}

impl Remarks {
    /// None given.
    pub const EMPTY: Remarks = Remarks {
        difficulties: Vec::new(),
        proposals: Vec::new(),
    };

    pub fn is_empty(&self) -> bool {
        self.difficulties.is_empty() && self.proposals.is_empty()
    }
}

/// The labels the templates write in the task cell, Vietnamese and English.
pub const DIFFICULTIES: (&str, &str) = ("Khó khăn, vướng mắc", "Difficulties");
pub const PROPOSALS: (&str, &str) = ("Đề xuất, kiến nghị", "Proposals");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Difficulties,
    Proposals,
}

/// Which reserved row a task cell names, in any case, with or without diacritics.
fn kind(task_cell: &str) -> Option<Kind> {
    // `fold` drops case, diacritics and punctuation: "KHÓ KHĂN, VƯỚNG MẮC:" → "kho khan vuong mac".
    match fold(task_cell).as_str() {
        "kho khan vuong mac" | "kho khan" | "difficulties" => Some(Kind::Difficulties),
        "de xuat kien nghi" | "de xuat" | "kien nghi" | "proposals" => Some(Kind::Proposals),
        _ => None,
    }
}

/// Takes a reserved row: its note (when not blank) joins the report's remarks, and the row is
/// not one of the report's task rows (neither accepted nor excluded). Returns false for every
/// other row, which the reader checks as a task.
pub fn take(r: &mut super::Report, task_cell: &str, note: &str) -> bool {
    let Some(k) = kind(task_cell) else {
        return false;
    };
    let text = note.trim();
    if !text.is_empty() {
        let remarks = r.remarks.get_or_insert_default();
        let list = match k {
            Kind::Difficulties => &mut remarks.difficulties,
            Kind::Proposals => &mut remarks.proposals,
        };
        list.push(text.to_string());
    }
    r.data_rows = r.data_rows.saturating_sub(1);
    true
}

#[cfg(test)]
mod tests {
    use super::{kind, Kind};

    #[test]
    fn the_reserved_rows_in_the_forms_people_write() {
        assert_eq!(kind("Khó khăn, vướng mắc"), Some(Kind::Difficulties));
        assert_eq!(kind("KHÓ KHĂN, VƯỚNG MẮC:"), Some(Kind::Difficulties));
        assert_eq!(kind("kho khan vuong mac"), Some(Kind::Difficulties));
        assert_eq!(kind("Đề xuất, kiến nghị"), Some(Kind::Proposals));
        assert_eq!(kind("Proposals"), Some(Kind::Proposals));
        assert_eq!(kind("II.1.a"), None);
        assert_eq!(kind(""), None);
    }
}
