//! `bdg plan import`: the plan as issued (`.txt`, `.docx`) → a draft plan YAML that
//! `bdg plan check` reads, with `# TODO` where the text does not decide.
//!
//! Pure stages, one file each: [`extract`] (bytes → lines) → [`repair`] (PDF garbles, NFC) →
//! [`outline`] (numbering → a tree of any depth) → [`agency`], [`roles`] and [`deadline`] (who, by when)
//! → [`draft`] (its types), [`registry`], `sections` and `meta` (the draft plan with its notes) → [`emit`] (YAML via
//! `crate::yaml`). Only the command reads and writes files.

pub mod agency;
pub mod deadline;
pub mod draft;
mod emit;
pub mod extract;
mod meta;
mod numbering;
pub mod outline;
pub mod registry;
pub mod repair;
pub mod roles;
mod sections;

pub use draft::Draft;
pub use extract::{DocxFault, ExtractError};

use crate::lang::Lang;
use crate::t;

/// The draft plan of a document's lines.
pub fn draft(lines: &[String]) -> Draft {
    let repaired: Vec<String> = lines.iter().map(|l| repair::repair(l)).collect();
    let mut o = outline::outline(&repaired);
    repair_joined(&mut o);
    let mut reg = registry::Registry::default();
    let mut meta = meta::meta(&o);
    meta::closing(&o.closing, &mut meta);
    let sections = sections::sections(&o, &mut reg);
    let (periods, period_notes) = meta::reporting(&o, &mut meta, &mut reg);
    let (reporters, reporter_notes) = reporters(&sections);
    Draft {
        meta,
        periods,
        period_notes,
        reporters,
        reporter_notes,
        agencies: reg.agencies,
        groups: reg.groups,
        sections,
    }
}

/// Lines joined into paragraphs can hold garbles across the join ("giới" + " ”").
fn repair_joined(o: &mut outline::Outline) {
    fn walk(nodes: &mut [outline::Node]) {
        for n in nodes {
            n.text = repair::repair(&n.text);
            walk(&mut n.children);
        }
    }
    walk(&mut o.sections);
    for p in &mut o.preamble {
        *p = repair::repair(p);
    }
}

/// Who must report: whoever the item that sets the deadlines is given to ("Các Sở, ban ngành,
/// đoàn thể tỉnh, UBND các huyện, thành phố: … báo cáo 6 tháng gửi trước ngày 10/6"), else a
/// question.
fn reporters(sections: &[draft::SectionDraft]) -> (Vec<String>, Vec<draft::Note>) {
    fn find(items: &[draft::ItemDraft], lead: Option<&Vec<String>>) -> Option<Vec<String>> {
        items.iter().find_map(|i| {
            let lead = i.lead.as_ref().or(lead);
            if !deadline::deadlines(&i.text).is_empty() {
                return lead.cloned();
            }
            find(&i.items, lead)
        })
    }
    match sections.iter().find_map(|s| find(&s.items, None)) {
        Some(ids) => {
            let note = draft::Note::From(t!(
                "những đơn vị được giao mục đặt hạn báo cáo",
                "the agencies given the item that sets the reporting deadlines"
            ));
            (ids, vec![note])
        }
        None => {
            let note = draft::Note::Todo(t!(
                "văn bản không nói rõ ai phải báo cáo; ghi mã đơn vị hoặc nhóm thay cho 'all' nếu cần",
                "the text does not say who must report; write agency or group ids in place of 'all' if needed"
            ));
            (vec!["all".to_string()], vec![note])
        }
    }
}

/// The YAML of a draft, its comments in `lang`; `source` names the file it came from.
pub fn to_yaml(d: &Draft, source: &str, lang: Lang) -> String {
    emit::yaml(d, source, lang)
}

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use proptest::prelude::*;

    const SEED: &str =
        include_str!("../../../tests/fixtures/import/ke-hoach-bdg-ninh-thuan-2021.txt");

    /// The draft of `text` reads as YAML and as a plan file's fields, whatever it holds.
    fn reads_back(text: &str) -> Result<(), String> {
        let lines: Vec<String> = text.lines().map(String::from).collect();
        let yaml = super::to_yaml(&super::draft(&lines), "x.txt", crate::lang::Lang::En);
        match crate::plan::parse(&yaml, "draft.yaml") {
            Err(d)
                if d.iter().any(|d| {
                    matches!(d.code(), Code::Yaml | Code::UnknownField | Code::YamlAlias)
                }) =>
            {
                Err(format!("{d:?}\n{yaml}"))
            }
            _ => Ok(()),
        }
    }

    proptest! {
        // Each case imports and validates a whole plan: fewer cases than the default 256.
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_text_gives_a_draft_that_reads_back(text in "\\PC{0,400}") {
            prop_assert!(reads_back(&text).is_ok(), "{}", reads_back(&text).unwrap_err());
        }

        #[test]
        fn a_mutated_plan_gives_a_draft_that_reads_back(
            edits in proptest::collection::vec((any::<usize>(), any::<char>()), 1..12),
            cut in any::<usize>(),
        ) {
            let mut chars: Vec<char> = SEED.chars().collect();
            for (at, c) in edits {
                let i = at % chars.len();
                chars[i] = c;
            }
            chars.truncate(cut % (chars.len() + 1));
            let text: String = chars.into_iter().collect();
            prop_assert!(reads_back(&text).is_ok(), "{}", reads_back(&text).unwrap_err());
        }
    }

    #[test]
    fn the_2021_plan_reads_back_and_lines_with_markers_and_stars_too() {
        reads_back(SEED).unwrap();
        reads_back("I. A\n1. *x* &y: - z # w\n2. 'q\" \\ \t tab\na) 1.\nb) yes").unwrap();
    }
}
