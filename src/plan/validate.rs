//! From the plan file's text to a validated [`Plan`], with every problem as a located diagnostic.

use super::file::*;
use super::locate::{Locator, Place};
use super::*;
use crate::diag::{Code, Diagnostic};
use crate::t;
use crate::text::{did_you_mean, fold, fold_tight, nfc};
use std::collections::{HashMap, HashSet};
use std::path::Path;

#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read at all.
    Io(String, std::io::Error),
    /// The file was read; these diagnostics (at least one error) say why it is rejected.
    Invalid(Vec<Diagnostic>),
}

/// Reads and validates a plan file. Warnings come back beside the plan.
pub fn load(path: &Path) -> Result<(Plan, Vec<Diagnostic>), LoadError> {
    let name = path.display().to_string();
    let bytes = match crate::fsx::read_limited(path, MAX_PLAN_BYTES) {
        Ok(b) => b,
        Err(crate::fsx::ReadLimited::Io(e)) => return Err(LoadError::Io(name, e)),
        Err(crate::fsx::ReadLimited::NotAFile(kind)) => {
            return Err(LoadError::Invalid(vec![Diagnostic::error(
                Code::NotAFile,
                &name,
                t!(
                    "kế hoạch không phải tệp thường ({kind}); cần một tệp YAML",
                    "the plan is not a regular file ({kind}); expected a YAML file"
                ),
            )]));
        }
        Err(crate::fsx::ReadLimited::TooLarge { bytes: size }) => {
            let (mb, max) = (size / (1024 * 1024), MAX_PLAN_BYTES / (1024 * 1024));
            return Err(LoadError::Invalid(vec![Diagnostic::error(
                Code::TooLarge,
                &name,
                t!(
                    "tệp kế hoạch lớn {mb} MB, vượt giới hạn {max} MB",
                    "the plan file is {mb} MB, over the {max} MB limit"
                ),
            )]));
        }
    };
    let src = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            return Err(LoadError::Invalid(vec![Diagnostic::error(
                Code::Encoding,
                &name,
                t!(
                    "tệp kế hoạch không phải UTF-8 (byte lỗi ở vị trí {at})",
                    "the plan file is not UTF-8 (bad byte at offset {at})"
                ),
            )
            .at_line(line)
            .hint(t!("hãy lưu lại tệp ở dạng UTF-8", "save the file as UTF-8"))]));
        }
    };
    parse(&src, &name).map_err(LoadError::Invalid)
}

/// Parses and validates plan text; `file` names it in diagnostics.
pub fn parse(src: &str, file: &str) -> Result<(Plan, Vec<Diagnostic>), Vec<Diagnostic>> {
    let src = nfc(src.strip_prefix('\u{feff}').unwrap_or(src));
    let raw: PlanFile = match crate::yaml::from_str(&src) {
        Ok(p) => p,
        Err(e) => return Err(vec![yaml_diagnostic(file, e)]),
    };
    let mut v = Validator {
        file,
        loc: Locator::new(&src),
        diags: Vec::new(),
    };
    let plan = v.plan(raw);
    if v.diags.iter().any(Diagnostic::is_error) {
        Err(v.diags)
    } else {
        Ok((plan, v.diags))
    }
}

fn yaml_diagnostic(file: &str, e: crate::yaml::YamlError) -> Diagnostic {
    use crate::yaml::YamlErrorKind;
    let m = &e.message;
    let (code, message) = match e.kind {
        YamlErrorKind::UnknownField => (Code::UnknownField, t!("YAML không hợp lệ: {m}", "invalid YAML: {m}")),
        YamlErrorKind::Syntax => (Code::Yaml, t!("YAML không hợp lệ: {m}", "invalid YAML: {m}")),
        YamlErrorKind::Alias => (
            Code::YamlAlias,
            t!(
                "tệp kế hoạch dùng alias YAML '{m}'; bdg không nhận alias (chúng có thể nở ra vô hạn)",
                "the plan uses a YAML alias '{m}'; bdg refuses aliases (they can expand without bound)"
            ),
        ),
        YamlErrorKind::TooDeep => (
            Code::TooDeep,
            t!("tệp kế hoạch lồng nhau quá sâu", "the plan nests too deep"),
        ),
    };
    let mut d = Diagnostic::error(code, file, message);
    d.line = e.line;
    d.column = e.column;
    match e.kind {
        YamlErrorKind::UnknownField => {
            // "unknown field `lede`, expected one of `id`, `text`, …": suggest the nearest.
            let ticks: Vec<&str> = m.split('`').skip(1).step_by(2).collect();
            if let Some((found, expected)) = ticks.split_first() {
                d = d.suggest(did_you_mean(found, expected.iter().copied()));
            }
        }
        YamlErrorKind::Alias => {
            d = d.hint(t!(
                "viết giá trị ra đầy đủ thay cho alias",
                "write the value out in place of the alias"
            ))
        }
        YamlErrorKind::TooDeep => {
            d = d.hint(t!(
                "mục của kế hoạch lồng tối đa {MAX_DEPTH} cấp (I → 1 → a …)",
                "plan items nest at most {MAX_DEPTH} levels (I → 1 → a …)"
            ))
        }
        YamlErrorKind::Syntax => {}
    }
    d
}

/// How deep items may nest under a section: the source uses two levels (1 → a).
pub const MAX_DEPTH: usize = 8;

/// Plan files larger than this are refused before parsing.
pub const MAX_PLAN_BYTES: u64 = 16 * 1024 * 1024;

struct Validator<'a> {
    file: &'a str,
    loc: Locator<'a>,
    diags: Vec<Diagnostic>,
}

/// What an assignment list in the file names: agencies, groups, or `all`.
enum Resolved {
    All,
    Some(Vec<AgencyIdx>),
}

impl Validator<'_> {
    fn error(&mut self, code: Code, at: Place, msg: crate::lang::Text) -> &mut Diagnostic {
        self.error_suggesting(code, at, msg, None)
    }

    fn error_suggesting(
        &mut self,
        code: Code,
        at: Place,
        msg: crate::lang::Text,
        suggestion: Option<&str>,
    ) -> &mut Diagnostic {
        let (l, c) = at.pos();
        self.diags.push(
            Diagnostic::error(code, self.file, msg)
                .at(l, c)
                .suggest(suggestion),
        );
        self.diags.last_mut().expect("just pushed")
    }

    fn plan(&mut self, raw: PlanFile) -> Plan {
        let top = Place::default();
        // Agencies and their spellings.
        let mut agencies = Vec::new();
        let mut ids: HashMap<String, AgencyIdx> = HashMap::new();
        let mut seen_count: HashMap<String, usize> = HashMap::new();
        for a in raw.agencies {
            let id = a.id.trim().to_string();
            let n = seen_count.entry(id.clone()).or_insert(0);
            *n += 1;
            if ids.contains_key(&id) {
                let agencies_at = self.loc.key(top, "agencies").unwrap_or(top);
                let at = self
                    .loc
                    .nth_key_value(agencies_at, "id", &id, *n - 1)
                    .unwrap_or(agencies_at);
                self.error(
                    Code::DuplicateAgency,
                    at,
                    t!(
                        "mã đơn vị '{id}' bị khai báo hai lần",
                        "agency id '{id}' is declared twice"
                    ),
                );
                continue;
            }
            ids.insert(id.clone(), agencies.len());
            agencies.push(Agency {
                id,
                name: a.name,
                name_en: a.name_en,
                kind: a.kind,
                aliases: a.aliases,
                expanded_from: a.expanded_from,
            });
        }
        let agency_keys = self.agency_keys(&agencies);

        // Groups.
        let mut groups: Vec<Group> = Vec::new();
        for g in raw.groups {
            let groups_at = self.loc.key(top, "groups").unwrap_or(top);
            let g_at = self
                .loc
                .key_value(groups_at, "id", &g.id)
                .unwrap_or(groups_at);
            if groups.iter().any(|x| x.id == g.id) || ids.contains_key(&g.id) {
                let gid = &g.id;
                let at = self
                    .loc
                    .nth_key_value(groups_at, "id", gid, 1)
                    .unwrap_or(g_at);
                self.error(
                    Code::DuplicateGroup,
                    at,
                    t!(
                        "mã nhóm '{gid}' trùng với một nhóm hoặc đơn vị khác",
                        "group id '{gid}' is already used by another group or agency"
                    ),
                );
                continue;
            }
            let mut members = Vec::new();
            for m in &g.members {
                match ids.get(m.trim()) {
                    Some(&i) => members.push(i),
                    None => {
                        let at = self.loc.scalar(g_at, m).unwrap_or(g_at);
                        let hint = did_you_mean(m, agencies.iter().map(|a| a.id.as_str()));
                        self.error_suggesting(
                            Code::UnknownAgency,
                            at,
                            t!(
                                "nhóm '{}' có thành viên '{m}' không phải là mã đơn vị nào trong kế hoạch",
                                "group '{}' has member '{m}', which is no agency id of the plan",
                                g.id
                            ),
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
        for a in &agencies {
            if let Some(g) = &a.expanded_from {
                if !groups.iter().any(|x| &x.id == g) {
                    let at = self.loc.path(&[("agencies", ""), ("id", &a.id)], Some(g));
                    let hint = did_you_mean(g, groups.iter().map(|x| x.id.as_str()));
                    self.error_suggesting(
                        Code::UnknownGroup,
                        at,
                        t!(
                            "đơn vị '{}' ghi expanded_from '{g}' nhưng không có nhóm nào mang mã đó",
                            "agency '{}' says expanded_from '{g}' but no group has that id",
                            a.id
                        ),
                        hint,
                    );
                }
            }
        }

        let ctx = Ctx {
            ids: &ids,
            groups: &groups,
            agencies: &agencies,
        };

        // Coordinator.
        let coordinator = match ids.get(raw.plan.coordinator.trim()) {
            Some(&i) => i,
            None => {
                let c = raw.plan.coordinator.clone();
                let at = self
                    .loc
                    .path(&[("plan", ""), ("coordinator", "")], Some(&c));
                let hint = did_you_mean(&c, agencies.iter().map(|a| a.id.as_str()));
                self.error_suggesting(
                    Code::UnknownCoordinator,
                    at,
                    t!(
                        "đơn vị đầu mối '{c}' không phải là mã đơn vị nào trong kế hoạch",
                        "coordinator '{c}' is no agency id of the plan"
                    ),
                    hint,
                );
                0
            }
        };

        // Default reporters.
        let default_reporters = match &raw.reporters {
            Some(list) => {
                let at = self.loc.key(top, "reporters").unwrap_or(top);
                self.resolve(&ctx, list, at, Code::UnknownReporter)
            }
            None => Resolved::All,
        };

        // Periods.
        let mut periods: Vec<Period> = Vec::new();
        let periods_at = self.loc.key(top, "periods").unwrap_or(top);
        for p in raw.periods {
            let p_at = self
                .loc
                .key_value(periods_at, "id", &p.id)
                .unwrap_or(periods_at);
            let pid = p.id.clone();
            if periods.iter().any(|x| x.id == p.id) {
                let at = self
                    .loc
                    .nth_key_value(periods_at, "id", &pid, 1)
                    .unwrap_or(p_at);
                self.error(
                    Code::DuplicatePeriod,
                    at,
                    t!(
                        "kỳ báo cáo '{pid}' bị khai báo hai lần",
                        "period '{pid}' is declared twice"
                    ),
                );
                continue;
            }
            let due = match &p.due {
                None => {
                    self.error(
                        Code::MissingDueDate,
                        p_at,
                        t!(
                            "kỳ báo cáo '{pid}' không có hạn nộp (due)",
                            "period '{pid}' has no due date (due)"
                        ),
                    )
                    .hint = Some(t!(
                        "thêm dòng 'due: YYYY-MM-DD', ví dụ 'due: 2021-06-10'",
                        "add a line 'due: YYYY-MM-DD', e.g. 'due: 2021-06-10'"
                    ));
                    None
                }
                Some(d) => self.date(d, p_at, "due"),
            };
            let window = match &p.window {
                Some(w) => match (
                    self.date(&w.from, p_at, "from"),
                    self.date(&w.to, p_at, "to"),
                ) {
                    (Some(a), Some(b)) => Some((a, b)),
                    _ => None,
                },
                None => None,
            };
            let reporters = match &p.reporters {
                Some(list) => self.resolve(&ctx, list, p_at, Code::UnknownReporter),
                None => match &default_reporters {
                    Resolved::All => Resolved::All,
                    Resolved::Some(v) => Resolved::Some(v.clone()),
                },
            };
            let reporters = match reporters {
                Resolved::All => (0..agencies.len()).collect(),
                Resolved::Some(v) => v,
            };
            if let Some(due) = due {
                periods.push(Period {
                    id: p.id,
                    name: p.name,
                    name_en: p.name_en,
                    due,
                    on_due_date: p.on_due_date.unwrap_or(OnDueDate::OnTime),
                    window,
                    reporters,
                });
            }
        }

        // Sections, items, tasks.
        let mut sections = Vec::new();
        let mut tasks: Vec<Task> = Vec::new();
        let mut task_keys: HashMap<String, TaskIdx> = HashMap::new();
        let sections_at = self.loc.key(top, "sections").unwrap_or(top);
        let mut seen_sections = HashSet::new();
        for s in raw.sections {
            let s_at = self
                .loc
                .key_value(sections_at, "id", &s.id)
                .unwrap_or(sections_at);
            if !seen_sections.insert(s.id.clone()) {
                let sid = s.id.clone();
                let at = self
                    .loc
                    .nth_key_value(sections_at, "id", &sid, 1)
                    .unwrap_or(s_at);
                self.error(
                    Code::DuplicateTask,
                    at,
                    t!(
                        "mục '{sid}' bị khai báo hai lần",
                        "section '{sid}' is declared twice"
                    ),
                );
                continue;
            }
            let lead = s.lead.as_ref().map(|l| self.resolve_assign(&ctx, l, s_at));
            let partners = s
                .partners
                .as_ref()
                .map(|l| self.resolve_assign(&ctx, l, s_at));
            let mut walk = Walk {
                section: &s.id,
                has_tasks: s.tasks,
                tasks: &mut tasks,
                keys: &mut task_keys,
                ctx: &ctx,
            };
            let items = self.items(
                &mut walk,
                &s.items,
                &s.id,
                s_at,
                &lead,
                &partners,
                lead.is_some(),
                &mut Vec::new(),
            );
            sections.push(Section {
                id: s.id,
                title: s.title,
                title_en: s.title_en,
                has_tasks: s.tasks,
                text: s.text,
                items,
            });
        }

        let nothing_else_wrong = !self.diags.iter().any(Diagnostic::is_error);
        if nothing_else_wrong
            && (agencies.is_empty()
                || periods.is_empty() && !self.diags.iter().any(|d| d.code == Code::MissingDueDate)
                || tasks.is_empty())
        {
            let what = match (agencies.is_empty(), periods.is_empty(), tasks.is_empty()) {
                (true, _, _) => ("không có đơn vị nào (agencies)", "no agencies"),
                (_, true, _) => ("không có kỳ báo cáo nào (periods)", "no periods"),
                _ => ("không có nhiệm vụ nào (sections)", "no tasks"),
            };
            self.error(
                Code::EmptyPlan,
                top,
                crate::lang::Text::new(
                    format!("kế hoạch {}", what.0),
                    format!("the plan has {}", what.1),
                ),
            );
        }

        let r = raw.report;
        let coordinator_name = agencies
            .get(coordinator)
            .map(|a| a.name.to_uppercase())
            .unwrap_or_default();
        Plan {
            meta: Meta {
                id: raw.plan.id,
                title: raw.plan.title,
                title_en: raw.plan.title_en,
                issuer: raw.plan.issuer,
                province: raw.plan.province.clone(),
                year: raw.plan.year,
                legal_basis: raw.plan.legal_basis,
                cited_documents: raw.plan.cited_documents,
                coordinator,
                recipient: raw.plan.recipient,
                recipient_en: raw.plan.recipient_en,
                signer: raw.plan.signer,
                distribution: raw.plan.distribution,
            },
            report: ReportHeading {
                parent_body: r.parent_body,
                parent_body_en: r.parent_body_en,
                issuing_body: r.issuing_body.unwrap_or(coordinator_name),
                issuing_body_en: r.issuing_body_en,
                document_code: r.document_code,
                place: r.place.or(raw.plan.province).unwrap_or_default(),
                signer_title: r.signer_title,
                signer_title_en: r.signer_title_en,
                signer_name: r.signer_name,
                recipients: r.recipients,
            },
            periods,
            agencies,
            groups,
            sections,
            tasks,
            agency_keys,
            task_keys,
        }
    }

    fn date(&mut self, s: &str, near: Place, key: &str) -> Option<NaiveDate> {
        match NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                let at = self.loc.key_value(near, key, s).unwrap_or(near);
                self.error(
                    Code::BadDate,
                    at,
                    t!(
                        "ngày '{s}' không hợp lệ; cần dạng YYYY-MM-DD, ví dụ 2021-06-10",
                        "date '{s}' is not valid; expected YYYY-MM-DD, e.g. 2021-06-10"
                    ),
                );
                None
            }
        }
    }

    /// Every spelling of every agency, folded; a spelling two agencies share is an error.
    fn agency_keys(&mut self, agencies: &[Agency]) -> HashMap<String, AgencyIdx> {
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
                            Code::AmbiguousAlias,
                            at,
                            t!(
                                "cách viết '{s}' của đơn vị '{}' trùng với đơn vị '{other}'",
                                "spelling '{s}' of agency '{}' is also agency '{other}'",
                                a.id
                            ),
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

    fn resolve(&mut self, ctx: &Ctx, list: &[String], near: Place, code: Code) -> Resolved {
        let mut out = Vec::new();
        for name in list {
            let name = name.trim();
            if name == "all" {
                return Resolved::All;
            }
            if let Some(&i) = ctx.ids.get(name) {
                if !out.contains(&i) {
                    out.push(i);
                }
            } else if let Some(g) = ctx.groups.iter().find(|g| g.id == name) {
                for &m in &g.members {
                    if !out.contains(&m) {
                        out.push(m);
                    }
                }
            } else {
                let at = self.loc.scalar(near, name).unwrap_or(near);
                let candidates = ctx
                    .agencies
                    .iter()
                    .map(|a| a.id.as_str())
                    .chain(ctx.groups.iter().map(|g| g.id.as_str()));
                let hint = did_you_mean(name, candidates);
                self.error_suggesting(
                    code,
                    at,
                    t!(
                        "'{name}' không phải là mã đơn vị hay mã nhóm nào trong kế hoạch",
                        "'{name}' is no agency or group id of the plan"
                    ),
                    hint,
                );
            }
        }
        Resolved::Some(out)
    }

    fn resolve_assign(&mut self, ctx: &Ctx, list: &[String], near: Place) -> Assignment {
        match self.resolve(ctx, list, near, Code::UnknownAgency) {
            Resolved::All => Assignment::All,
            Resolved::Some(v) => Assignment::Agencies(v),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn items(
        &mut self,
        w: &mut Walk,
        raw: &[ItemFile],
        prefix: &str,
        parent_at: Place,
        lead: &Option<Assignment>,
        partners: &Option<Assignment>,
        section_wide: bool,
        parents: &mut Vec<String>,
    ) -> Vec<Item> {
        let mut out = Vec::new();
        // Siblings stand in order: each search starts below the previous one (no quadratic scan).
        let mut cursor = parent_at;
        for it in raw {
            let id = it.id.trim().to_string();
            let full_id = format!("{prefix}.{id}");
            let at = self.loc.key_value(cursor, "id", &id).unwrap_or(parent_at);
            if at != parent_at {
                cursor = at;
            }
            let lead_here = match &it.lead {
                Some(l) => Some(self.resolve_assign(w.ctx, l, at)),
                None => lead.clone(),
            };
            let partners_here = match &it.partners {
                Some(l) => Some(self.resolve_assign(w.ctx, l, at)),
                None => partners.clone(),
            };
            let text = it.text.trim().to_string();
            let mut item = Item {
                id: id.clone(),
                full_id: full_id.clone(),
                text: text.clone(),
                items: Vec::new(),
                task: None,
            };
            if parents.len() >= MAX_DEPTH {
                self.error(
                    Code::TooDeep,
                    at,
                    t!(
                        "mục '{full_id}' lồng sâu hơn {MAX_DEPTH} cấp",
                        "item '{full_id}' nests deeper than {MAX_DEPTH} levels"
                    ),
                );
                continue;
            }
            if it.items.is_empty() {
                if w.has_tasks {
                    let key = task_key(&full_id);
                    if w.keys.contains_key(&key) {
                        self.error(
                            Code::DuplicateTask,
                            at,
                            t!(
                                "mã nhiệm vụ '{full_id}' bị khai báo hai lần",
                                "task id '{full_id}' is declared twice"
                            ),
                        );
                    } else {
                        let lead_final = lead_here
                            .clone()
                            .unwrap_or(Assignment::Agencies(Vec::new()));
                        // An empty lead after an unknown id is that id's error, not this warning.
                        if lead_here.is_none() {
                            let (l, c) = at.pos();
                            self.diags.push(
                                Diagnostic::warning(
                                    Code::UnassignedTask,
                                    self.file,
                                    t!(
                                        "nhiệm vụ '{full_id}' không giao cho đơn vị nào (lead)",
                                        "task '{full_id}' is assigned to no agency (lead)"
                                    ),
                                )
                                .at(l, c),
                            );
                        }
                        w.keys.insert(key, w.tasks.len());
                        item.task = Some(w.tasks.len());
                        w.tasks.push(Task {
                            id: full_id.clone(),
                            section: w.section.to_string(),
                            text,
                            parents: parents.clone(),
                            section_wide: section_wide && it.lead.is_none(),
                            lead: lead_final,
                            partners: partners_here
                                .clone()
                                .unwrap_or(Assignment::Agencies(Vec::new())),
                        });
                    }
                }
            } else {
                parents.push(text);
                item.items = self.items(
                    w,
                    &it.items,
                    &full_id,
                    at,
                    &lead_here,
                    &partners_here,
                    section_wide && it.lead.is_none(),
                    parents,
                );
                parents.pop();
            }
            out.push(item);
        }
        out
    }
}

struct Ctx<'a> {
    ids: &'a HashMap<String, AgencyIdx>,
    groups: &'a [Group],
    agencies: &'a [Agency],
}

struct Walk<'a, 'b> {
    section: &'a str,
    has_tasks: bool,
    tasks: &'b mut Vec<Task>,
    keys: &'b mut HashMap<String, TaskIdx>,
    ctx: &'b Ctx<'b>,
}

#[cfg(test)]
mod fuzz_tests {
    use proptest::prelude::*;

    const SEED: &str = include_str!("../../plans/ninh-thuan-2021.yaml");

    proptest! {
        #[test]
        fn fuzz_any_text(text in "\\PC{0,400}") {
            let _ = super::parse(&text, "p.yaml");
        }

        #[test]
        fn fuzz_mutated_plans(edits in proptest::collection::vec((any::<usize>(), any::<char>()), 1..8), cut in any::<usize>()) {
            let mut chars: Vec<char> = SEED.chars().collect();
            for (at, c) in edits {
                let i = at % chars.len();
                chars[i] = c;
            }
            chars.truncate(cut % (chars.len() + 1));
            let text: String = chars.into_iter().collect();
            if let Err(diags) = super::parse(&text, "p.yaml") {
                prop_assert!(diags.iter().any(|d| d.is_error()));
            }
        }
    }

    #[test]
    fn replay_the_saved_fuzz_corpus() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/plan");
        let mut n = 0;
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let bytes = std::fs::read(e.path()).unwrap();
            let _ = super::parse(&String::from_utf8_lossy(&bytes), "corpus");
            n += 1;
        }
        assert!(n > 0, "the corpus in {} is empty", dir.display());
    }
}
