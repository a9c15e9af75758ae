//! Agencies, their groups and spellings, the coordinator, and resolving a list of agency or
//! group ids (a period's reporters, a task's lead or partners).

use super::{Ctx, Kind, Resolved, Validator};
use crate::plan::file::{AgencyFile, GroupFile};
use crate::plan::locate::Place;
use crate::plan::{Agency, AgencyIdx, Assignment, Group};
use crate::text::{did_you_mean, fold, fold_tight};
use std::collections::{HashMap, HashSet};

impl Validator<'_> {
    /// Agencies in the file's order; a repeated id is an error and left out.
    pub(super) fn agencies(
        &mut self,
        raw: Vec<AgencyFile>,
    ) -> (Vec<Agency>, HashMap<String, AgencyIdx>) {
        let top = Place::default();
        let mut agencies = Vec::with_capacity(raw.len());
        let mut ids: HashMap<String, AgencyIdx> = HashMap::new();
        let agencies_at = self.loc.key(top, "agencies").unwrap_or(top);
        // Agencies stand in order: each search starts below the previous one.
        let mut cursor = agencies_at;
        for a in raw {
            let id = a.id.trim().to_string();
            let at = self.loc.key_value(cursor, "id", &id).unwrap_or(cursor);
            cursor = at;
            if ids.contains_key(&id) {
                self.error(at, Kind::DuplicateAgency { id: id.clone() });
                continue;
            }
            self.safe_id("agency", &id, at);
            ids.insert(id.clone(), agencies.len());
            agencies.push(Agency {
                id,
                name: a.name,
                name_en: a.name_en.map(String::into_boxed_str),
                kind: a.kind.map(String::into_boxed_str),
                aliases: a.aliases.into_boxed_slice(),
                expanded_from: a.expanded_from.map(String::into_boxed_str),
            });
        }
        (agencies, ids)
    }

    /// Groups of agencies (`members` by agency id).
    pub(super) fn groups(
        &mut self,
        raw: Vec<GroupFile>,
        ids: &HashMap<String, AgencyIdx>,
        agencies: &[Agency],
    ) -> Vec<Group> {
        let top = Place::default();
        let mut groups: Vec<Group> = Vec::new();
        let mut seen = HashSet::new();
        let groups_at = self.loc.key(top, "groups").unwrap_or(top);
        let mut cursor = groups_at;
        for g in raw {
            let g_at = self.loc.key_value(cursor, "id", &g.id).unwrap_or(cursor);
            cursor = g_at;
            if !seen.insert(g.id.clone()) || ids.contains_key(&g.id) {
                self.error(g_at, Kind::DuplicateGroup { id: g.id.clone() });
                continue;
            }
            let mut members = Vec::new();
            let mut in_group = HashSet::new();
            for m in &g.members {
                match ids.get(m.trim()) {
                    Some(&i) => {
                        if in_group.insert(i) {
                            members.push(i)
                        }
                    }
                    None => {
                        let at = self.loc.scalar(g_at, m).unwrap_or(g_at);
                        let hint = did_you_mean(m, agencies.iter().map(|a| a.id.as_str()));
                        self.error_suggesting(
                            at,
                            Kind::UnknownMember {
                                group: g.id.clone(),
                                found: m.clone(),
                            },
                            hint,
                        );
                    }
                }
            }
            groups.push(Group {
                id: g.id,
                name: g.name,
                members,
            });
        }
        groups
    }

    /// Each agency's `expanded_from` names a group.
    pub(super) fn expanded_from(&mut self, agencies: &[Agency], groups: &[Group]) {
        let known: HashSet<&str> = groups.iter().map(|g| g.id.as_str()).collect();
        for a in agencies {
            if let Some(g) = &a.expanded_from {
                if !known.contains(&**g) {
                    let at = self.loc.path(&[("agencies", ""), ("id", &a.id)], Some(g));
                    let hint = did_you_mean(g, groups.iter().map(|x| x.id.as_str()));
                    self.error_suggesting(
                        at,
                        Kind::UnknownGroup {
                            agency: a.id.clone(),
                            found: g.to_string(),
                        },
                        hint,
                    );
                }
            }
        }
    }

    /// The coordinating agency (index 0 when it is unknown, with an error).
    pub(super) fn coordinator(
        &mut self,
        coordinator: &str,
        ids: &HashMap<String, AgencyIdx>,
        agencies: &[Agency],
    ) -> AgencyIdx {
        // Coordinator.
        match ids.get(coordinator.trim()) {
            Some(&i) => i,
            None => {
                let c = coordinator.to_string();
                let at = self
                    .loc
                    .path(&[("plan", ""), ("coordinator", "")], Some(&c));
                let hint = did_you_mean(&c, agencies.iter().map(|a| a.id.as_str()));
                self.error_suggesting(at, Kind::UnknownCoordinator { found: c.clone() }, hint);
                0
            }
        }
    }

    /// Every spelling of every agency, folded; a spelling two agencies share is an error.
    pub(super) fn agency_keys(&mut self, agencies: &[Agency]) -> HashMap<String, AgencyIdx> {
        let mut keys: HashMap<String, AgencyIdx> = HashMap::new();
        let mut tight: HashMap<String, Option<AgencyIdx>> = HashMap::new();
        for (i, a) in agencies.iter().enumerate() {
            let spellings = std::iter::once(&a.id)
                .chain(std::iter::once(&a.name))
                .chain(a.aliases.iter());
            for s in spellings {
                let k = fold(s);
                if k.is_empty() {
                    continue;
                }
                match keys.get(&k) {
                    Some(&j) if j != i => {
                        let at = self.loc.path(&[("agencies", ""), ("id", &a.id)], Some(s));
                        let other = agencies[j].id.clone();
                        self.error(
                            at,
                            Kind::AmbiguousAlias {
                                spelling: s.clone(),
                                agency: a.id.clone(),
                                other: other.clone(),
                            },
                        );
                    }
                    _ => {
                        keys.insert(k, i);
                    }
                }
                let tk = fold_tight(s);
                tight
                    .entry(tk)
                    .and_modify(|e| {
                        if *e != Some(i) {
                            *e = None
                        }
                    })
                    .or_insert(Some(i));
            }
        }
        for (k, v) in tight {
            if let Some(i) = v {
                keys.entry(k).or_insert(i);
            }
        }
        keys
    }

    /// `reporters`: the list names a period's reporters (else a task's lead or partners).
    /// `all` stands for every agency; `!X` (an agency or a group) takes X out of the rest:
    /// `[all, "!UBMTTQ"]` is every agency but one. Every id is checked, after `all` too.
    pub(super) fn resolve(
        &mut self,
        ctx: &Ctx,
        list: &[String],
        near: Place,
        reporters: bool,
    ) -> Resolved {
        let mut all = false;
        let (mut out, mut seen) = (Vec::new(), HashSet::new());
        let mut excluded = HashSet::new();
        for name in list {
            let name = name.trim();
            if name == "all" {
                all = true;
                continue;
            }
            let (bare, exclude) = match name.strip_prefix('!') {
                Some(rest) => (rest.trim(), true),
                None => (name, false),
            };
            let Some(members) = self.members(ctx, bare) else {
                let at = self.loc.scalar(near, name).unwrap_or(near);
                let candidates = ctx
                    .agencies
                    .iter()
                    .map(|a| a.id.as_str())
                    .chain(ctx.groups.iter().map(|g| g.id.as_str()));
                let hint = did_you_mean(bare, candidates);
                let found = bare.to_string();
                let kind = if exclude {
                    Kind::UnknownExclusion { found, reporters }
                } else {
                    Kind::UnknownAssignee { found, reporters }
                };
                self.error_suggesting(at, kind, hint);
                continue;
            };
            for m in members {
                if exclude {
                    excluded.insert(m);
                } else if seen.insert(m) {
                    out.push(m);
                }
            }
        }
        match (all, excluded.is_empty()) {
            (true, true) => Resolved::All,
            (true, false) => Resolved::Some(
                (0..ctx.agencies.len())
                    .filter(|i| !excluded.contains(i))
                    .collect(),
            ),
            (false, _) => {
                Resolved::Some(out.into_iter().filter(|i| !excluded.contains(i)).collect())
            }
        }
    }

    /// The agencies an id names: the agency, or a group's members.
    fn members(&self, ctx: &Ctx, id: &str) -> Option<Vec<AgencyIdx>> {
        if let Some(&i) = ctx.ids.get(id) {
            return Some(vec![i]);
        }
        ctx.group_ids
            .get(id)
            .map(|&g| ctx.groups[g].members.clone())
    }

    pub(super) fn resolve_assign(&mut self, ctx: &Ctx, list: &[String], near: Place) -> Assignment {
        match self.resolve(ctx, list, near, false) {
            Resolved::All => Assignment::All,
            Resolved::Some(v) => Assignment::Agencies(v),
        }
    }
}
