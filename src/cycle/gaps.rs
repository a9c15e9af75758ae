//! A later report that lacks what the earlier ones gave: its figures count whole (the later
//! file replaces the earlier), so the tasks and figures it leaves out are lost. Said, with the
//! advice to send the whole report again ("bổ sung" is an addition, not a replacement).

use crate::diag::{Diagnostic, FigureGap, Kind};
use crate::plan::Plan;
use crate::report::{Given, Report};
use std::collections::BTreeMap;

/// The `dropped-tasks` warning on `newer` (the file whose figures count), when the `earlier`
/// files (superseded, oldest first) gave tasks it does not report on, or figures of a task it
/// leaves blank. A task's figures are compared with the latest earlier file that gave it; a
/// later row that says the task is not started may leave its figures blank (a restatement,
/// not a loss).
pub(super) fn dropped(
    plan: &Plan,
    reports: &[Report],
    newer: usize,
    earlier: &[usize],
) -> Option<Diagnostic> {
    let now: BTreeMap<u32, Given> = (reports[newer].given.iter())
        .map(|g| (g.task, *g))
        .collect();
    // The latest earlier statement of each task, and the file that made it.
    let mut before: BTreeMap<u32, (u8, usize)> = BTreeMap::new();
    for &f in earlier {
        for g in reports[f].given.iter() {
            before.insert(g.task, (g.figures(), f));
        }
    }
    let mut files = Vec::new();
    let mut tasks = Vec::new();
    let mut figures = Vec::new();
    let id = |t: u32| {
        plan.tasks
            .get(t as usize)
            .map_or_else(String::new, |t| t.id.clone())
    };
    for (&task, &(filled, f)) in &before {
        match now.get(&task) {
            None => tasks.push(id(task)),
            Some(g) if g.filled & Given::NOT_STARTED != 0 => continue,
            Some(&g) if filled & !g.figures() != 0 => {
                let kept = g.figures();
                let columns = (0..Given::FIGURES.len())
                    .filter(|i| filled & !kept & (1 << i) != 0)
                    .map(|i| Given::FIGURES[i].to_string())
                    .collect();
                figures.push(FigureGap {
                    task: id(task),
                    columns,
                });
            }
            Some(_) => continue,
        }
        if !files.contains(&f) {
            files.push(f);
        }
    }
    if tasks.is_empty() && figures.is_empty() {
        return None;
    }
    files.sort_unstable();
    Some(Diagnostic::warn(
        &reports[newer].file,
        Kind::DroppedTasks {
            earlier: files.iter().map(|&f| reports[f].file.clone()).collect(),
            tasks,
            figures,
        },
    ))
}
