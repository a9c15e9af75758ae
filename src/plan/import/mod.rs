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
pub use extract::ExtractError;

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

/// Who must report: every agency when the item that sets the deadlines is given to everyone
/// (the formula "các Sở, ban, ngành …, UBND các huyện"), otherwise a question.
fn reporters(sections: &[draft::SectionDraft]) -> (Vec<String>, Vec<draft::Note>) {
    fn everyone(items: &[draft::ItemDraft]) -> bool {
        items
            .iter()
            .any(|i| i.lead.as_deref() == Some(&["all".to_string()][..]) || everyone(&i.items))
    }
    let note = if sections.iter().any(|s| everyone(&s.items)) {
        draft::Note::From(t!(
            "mọi đơn vị báo cáo: văn bản giao việc báo cáo cho các Sở, ban, ngành và địa phương",
            "every agency reports: the text gives reporting to the departments and localities"
        ))
    } else {
        draft::Note::Todo(t!(
            "văn bản không nói rõ ai phải báo cáo; ghi mã đơn vị hoặc nhóm thay cho 'all' nếu cần",
            "the text does not say who must report; write agency or group ids in place of 'all' if needed"
        ))
    };
    (vec!["all".to_string()], vec![note])
}

/// The YAML of a draft, its comments in `lang`; `source` names the file it came from.
pub fn to_yaml(d: &Draft, source: &str, lang: Lang) -> String {
    emit::yaml(d, source, lang)
}
