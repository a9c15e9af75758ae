//! Sections, their items (nested as the source numbers them) and the tasks, the leaves of
//! task sections.

use super::MAX_DEPTH;
use super::{Ctx, Kind, Validator};
use crate::diag::Diagnostic;
use crate::plan::file::{ItemFile, SectionFile};
use crate::plan::locate::Place;
use crate::plan::{task_key, Assignment, Item, Period, Section, Task, TaskIdx};
use std::collections::{HashMap, HashSet};

impl Validator<'_> {
    /// Sections, their items and the tasks (the leaves of task sections).
    pub(super) fn sections(
        &mut self,
        raw: Vec<SectionFile>,
        ctx: &Ctx,
        periods: &[Period],
    ) -> (Vec<Section>, Vec<Task>, HashMap<String, TaskIdx>) {
        let period_ids: HashSet<&str> = periods.iter().map(|p| p.id.as_str()).collect();
        let top = Place::default();
        // Sections, items, tasks.
        let mut sections = Vec::new();
        let mut tasks: Vec<Task> = Vec::new();
        let mut task_keys: HashMap<String, TaskIdx> = HashMap::new();
        let sections_at = self.loc.key(top, "sections").unwrap_or(top);
        let mut seen_sections = HashSet::new();
        let mut aliases = Vec::new();
        // Sections stand in order: each search starts below the previous one.
        let mut cursor = sections_at;
        for s in raw {
            let s_at = self.loc.key_value(cursor, "id", &s.id).unwrap_or(cursor);
            cursor = s_at;
            if !seen_sections.insert(s.id.clone()) {
                self.error(s_at, Kind::DuplicateSection { id: s.id.clone() });
                continue;
            }
            let lead = s.lead.as_ref().map(|l| self.resolve_assign(ctx, l, s_at));
            let partners = s
                .partners
                .as_ref()
                .map(|l| self.resolve_assign(ctx, l, s_at));
            let mut walk = Walk {
                section: &s.id,
                has_tasks: s.tasks,
                tasks: &mut tasks,
                keys: &mut task_keys,
                ctx,
                period_ids: &period_ids,
                aliases: &mut aliases,
            };
            let only = s
                .periods
                .as_ref()
                .map(|l| self.task_periods(&walk, l, s_at));
            let from = Inherited {
                lead,
                partners,
                periods: only,
                written: String::new(),
                context: Vec::new(),
                depth: 0,
            };
            let items = self.items(&mut walk, &s.items, &s.id, s_at, &from);
            sections.push(Section {
                id: s.id,
                title: s.title,
                title_en: s.title_en,
                has_tasks: s.tasks,
                items,
            });
        }

        for (k, t) in aliases {
            task_keys.entry(k).or_insert(t);
        }
        (sections, tasks, task_keys)
    }

    /// The items under `prefix` (a section or an item), recursively; leaves of a task section
    /// become tasks. `from` is what the enclosing items pass down.
    fn items(
        &mut self,
        w: &mut Walk,
        raw: &[ItemFile],
        prefix: &str,
        parent_at: Place,
        from: &Inherited,
    ) -> Vec<Item> {
        let mut out = Vec::new();
        // Siblings stand in order: each search starts below the previous one (no quadratic scan).
        let mut cursor = parent_at;
        let mut bullets = 0;
        for it in raw {
            let id = it.id.trim().to_string();
            let full_id = format!("{prefix}.{}", local_id(&id, &from.written, &mut bullets));
            let at = self.loc.key_value(cursor, "id", &id).unwrap_or(parent_at);
            if at != parent_at {
                cursor = at;
            }
            let lead_here = match &it.lead {
                Some(l) => Some(self.resolve_assign(w.ctx, l, at)),
                None => from.lead.clone(),
            };
            let partners_here = match &it.partners {
                Some(l) => Some(self.resolve_assign(w.ctx, l, at)),
                None => from.partners.clone(),
            };
            let periods_here = match &it.periods {
                Some(l) => Some(self.task_periods(w, l, at)),
                None => from.periods.clone(),
            };
            let text = it.text.trim().to_string();
            let mut item = Item {
                id: id.clone(),
                full_id: full_id.clone(),
                text: text.clone(),
                items: Vec::new(),
                task: None,
            };
            if from.depth >= MAX_DEPTH {
                self.error(
                    at,
                    Kind::TooDeepItem {
                        id: full_id.clone(),
                        max: MAX_DEPTH,
                    },
                );
                continue;
            }
            let here = Inherited {
                lead: lead_here,
                partners: partners_here,
                periods: periods_here,
                written: id.clone(),
                context: from.context.iter().cloned().chain([text.clone()]).collect(),
                depth: from.depth + 1,
            };
            if !it.items.is_empty() {
                item.items = self.items(w, &it.items, &full_id, at, &here);
            } else if w.has_tasks {
                let as_before = format!("{prefix}.{id}");
                item.task = self.task(w, full_id.clone(), text, at, here);
                // The id this task had before numbers were shortened (`III.3.3.1`) still
                // finds it, so reports written with it stay readable.
                if let (Some(t), true) = (
                    item.task,
                    as_before != full_id && !id.starts_with(['-', '+', '•', '–']),
                ) {
                    w.aliases.push((task_key(&as_before), t));
                }
            }
            out.push(item);
        }
        out
    }

    /// A leaf of a task section as a task, unless its id is taken; a task with no lead is a
    /// warning.
    fn task(
        &mut self,
        w: &mut Walk,
        id: String,
        text: String,
        at: Place,
        here: Inherited,
    ) -> Option<TaskIdx> {
        let key = task_key(&id);
        if w.keys.contains_key(&key) {
            self.error(at, Kind::DuplicateTaskId { id });
            return None;
        }
        // An empty lead after an unknown id is that id's error, not this warning.
        if here.lead.is_none() {
            let (l, c) = at.pos();
            let kind = Kind::UnassignedTask { id: id.clone() };
            self.diags.push(Diagnostic::warn(self.file, kind).at(l, c));
        }
        let none = || Assignment::Agencies(Vec::new());
        let t = w.tasks.len();
        w.keys.insert(key, t);
        w.tasks.push(Task {
            id,
            section: w.section.to_string(),
            text,
            lead: here.lead.unwrap_or_else(none),
            partners: here.partners.unwrap_or_else(none),
            periods: here.periods,
            context: here.context[..here.context.len().saturating_sub(1)].to_vec(),
        });
        Some(t)
    }
}

impl Validator<'_> {
    /// A task's `periods`: ids of the plan's periods.
    fn task_periods(&mut self, w: &Walk, list: &[String], near: Place) -> Vec<String> {
        let mut out = Vec::new();
        for p in list {
            let p = p.trim();
            if w.period_ids.contains(p) {
                out.push(p.to_string());
            } else {
                let at = self.loc.scalar(near, p).unwrap_or(near);
                let hint = crate::text::did_you_mean(p, w.period_ids.iter().copied());
                let kind = Kind::UnknownTaskPeriod {
                    found: p.to_string(),
                };
                self.error_suggesting(at, kind, hint);
            }
        }
        out
    }
}

/// The part an item adds to its task id, readable at any depth: the source's number as written
/// (`a`, `3`), less its parent's number when it repeats it (`3.1` under `3` adds `1`: `III.3.1`,
/// not `III.3.3.1`); a dash bullet (`-`, `+`, `•`) adds its place among its siblings' bullets.
fn local_id(written: &str, parent: &str, bullets: &mut usize) -> String {
    if matches!(written, "-" | "+" | "•" | "–") {
        *bullets += 1;
        return bullets.to_string();
    }
    let repeated = (!parent.is_empty())
        .then(|| written.strip_prefix(parent)?.strip_prefix('.'))
        .flatten()
        .map(|rest| rest.trim_end_matches('.'))
        .filter(|rest| !rest.is_empty());
    repeated.unwrap_or(written).to_string()
}

/// What an item passes down to the items under it.
struct Inherited {
    /// The enclosing item's number as written (`3`, `3.1`; empty for a section).
    written: String,
    /// The texts of the enclosing items, outermost first (the last is the item's own).
    context: Vec<String>,
    /// The periods whose reports carry these tasks (`None`: every one).
    periods: Option<Vec<String>>,
    /// The nearest lead and partners given above (`None`: none given).
    lead: Option<Assignment>,
    partners: Option<Assignment>,
    /// How many items enclose these.
    depth: usize,
}

/// Where a section's tasks go while its items are walked.
struct Walk<'a, 'b> {
    section: &'a str,
    has_tasks: bool,
    tasks: &'b mut Vec<Task>,
    keys: &'b mut HashMap<String, TaskIdx>,
    /// Older spellings of task ids, added where no task holds them.
    aliases: &'b mut Vec<(String, TaskIdx)>,
    ctx: &'b Ctx<'b>,
    period_ids: &'b HashSet<&'b str>,
}
