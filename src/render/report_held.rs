//! What the report for the ministry says of an agency whose figures are held back: it sent two
//! or more different reports with the same (latest) date, so none counts until it says which
//! is right (`Cycle::held_back`). Said where the report speaks of a task those files report
//! on, in Part V, and under Appendix 2, naming the files.

use super::admin::short_date;
use super::doc::{Block, ParaStyle};
use crate::consolidate::Consolidation;
use crate::cycle::{AgencyCycle, Cycle, NAMED_FILES};
use crate::lang::Lang;
use crate::t;
use std::borrow::Cow;

/// The files' names without their folders, joined: the first [`NAMED_FILES`], the others
/// counted (a document names as many of an agency's conflicting files as its diagnostics do).
pub(super) fn names(c: &Cycle, files: &[usize], lang: Lang) -> String {
    let list = (files.iter().take(NAMED_FILES))
        .map(|&f| crate::text::file_name(&c.reports[f].file))
        .collect::<Vec<_>>()
        .join(", ");
    match files.len().saturating_sub(NAMED_FILES) {
        0 => list,
        more => t!("{list} và {more} tệp khác", "{list} and {more} more")
            .get(lang)
            .to_string(),
    }
}

/// "số liệu của Sở Y tế chưa được tính (đơn vị gửi 2 báo cáo khác nhau cùng ngày 12/3/2026:
/// A, B; cần cho biết báo cáo nào đúng)": a clause, to be put in a sentence.
pub fn clause(c: &Cycle, a: &AgencyCycle, files: &[usize], lang: Lang) -> String {
    let name = c.plan.agencies[a.agency].the_name_in(lang);
    let n = files.len();
    let date = (files.first())
        .and_then(|&f| c.reports[f].submitted_on)
        .map(short_date)
        .unwrap_or_default();
    let list = names(c, files, lang);
    t!(
        "số liệu của {name} chưa được tính (đơn vị gửi {n} báo cáo khác nhau cùng ngày {date}: {list}; cần cho biết báo cáo nào đúng)",
        "the figures of {name} are held back (it sent {n} different reports dated {date}: {list}, and must say which is right)"
    )
    .get(lang)
    .to_string()
}

/// The clauses of the agencies whose held-back files report on `task`.
pub fn on_task(k: &Consolidation, task: usize, lang: Lang) -> Vec<String> {
    let c = k.cycle;
    c.held_back()
        .filter(|(_, files)| gives(c, files, task))
        .map(|(a, files)| clause(c, a, files, lang))
        .collect()
}

/// The agencies whose held-back files report on `task`, by name as a sentence writes them.
pub fn names_on_task<'k>(k: &'k Consolidation, task: usize, lang: Lang) -> Vec<Cow<'k, str>> {
    let c = k.cycle;
    c.held_back()
        .filter(|(_, files)| gives(c, files, task))
        .map(|(a, _)| c.plan.agencies[a.agency].the_name_in(lang))
        .collect()
}

/// One of `files` reports on `task`.
fn gives(c: &Cycle, files: &[usize], task: usize) -> bool {
    (files.iter()).any(|&f| c.reports[f].given.iter().any(|g| g.task as usize == task))
}

/// The agencies whose figures are held back: found once for a table of every agency (asked
/// agency by agency, it was a pass over all of them for each, quadratic in the agencies).
pub fn held_agencies(k: &Consolidation) -> std::collections::HashSet<usize> {
    k.cycle.held_back().map(|(a, _)| a.agency).collect()
}

/// The task's result when no figure counts but held-back files report on it, or the sentence
/// after its result when some do: `None` when no held-back file reports on it.
pub fn task_sentence(k: &Consolidation, task: usize, counted: bool, lang: Lang) -> Option<String> {
    let clauses = on_task(k, task, lang);
    if clauses.is_empty() {
        return None;
    }
    let list = clauses.join("; ");
    Some(
        match counted {
            false => t!(
                "Kết quả: chưa tổng hợp được số liệu: {list}.",
                "Results: no figures yet: {list}."
            ),
            true => t!("Ngoài ra, {list}.", "Besides, {list}."),
        }
        .get(lang)
        .to_string(),
    )
}

/// The note under Appendix 2: each agency whose figures are held back, its files named.
pub fn appendix_note(k: &Consolidation, lang: Lang) -> Option<Block> {
    let c = k.cycle;
    let lines: Vec<String> = c
        .held_back()
        .map(|(a, files)| clause(c, a, files, lang))
        .collect();
    if lines.is_empty() {
        return None;
    }
    let list = lines.join("; ");
    let mut chars = list.chars();
    let first = chars.next().map(|ch| ch.to_uppercase().collect::<String>());
    let list = first.unwrap_or_default() + chars.as_str();
    Some(Block::styled(format!("(**) {list}."), 0, ParaStyle::Quote))
}
