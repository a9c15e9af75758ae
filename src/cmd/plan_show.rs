//! `bdg plan show PLAN [--agency X] [--format table|csv|json]`: the plan's periods and tree of
//! items, or one agency's tasks, built once as an [`emit::View`].

use crate::emit::{self, Block, Cell, Column, Listing, View};
use crate::lang::Lang;
use crate::output::{Format, Global};
use crate::plan::{Assignment, Plan, Role};
use crate::Outcome;
use anyhow::Result;
use serde_json::{json, Value};

fn assignment_json(plan: &Plan, a: &Assignment) -> Value {
    match a {
        Assignment::All => json!("all"),
        Assignment::Agencies(v) => {
            json!(v.iter().map(|&i| &plan.agencies[i].id).collect::<Vec<_>>())
        }
    }
}

fn assignment_text(plan: &Plan, a: &Assignment, lang: Lang) -> String {
    match a {
        Assignment::All => lang.pick("tất cả đơn vị", "all agencies").to_string(),
        Assignment::Agencies(v) => v
            .iter()
            .map(|&i| plan.agencies[i].id.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The plan as JSON, in the names scripts rely on.
pub fn plan_json(plan: &Plan, tasks: &[(usize, Option<Role>)]) -> Value {
    let m = &plan.meta;
    json!({
        "plan": {
            "id": m.id, "title": m.title, "title_en": m.title_en, "issuer": m.issuer,
            "issuer_en": m.issuer_en,
            "province": m.province, "year": m.year, "legal_basis": m.legal_basis,
            "cited_documents": m.cited_documents,
            "coordinator": plan.agencies[m.coordinator].id, "recipient": m.recipient,
            "signer": m.signer, "distribution": m.distribution,
            "number": m.number, "date": m.date.map(|d| d.to_string()),
        },
        "periods": plan.periods.iter().map(|p| json!({
            "id": p.id, "name": p.name, "name_en": p.name_en,
            "due": p.due.to_string(),
            "on_due_date": p.on_due_date,
            "last_on_time_day": p.last_on_time_day().to_string(),
            "window": p.window.map(|(a, b)| json!({"from": a.to_string(), "to": b.to_string()})),
            "reporters": p.reporters.iter().map(|&i| &plan.agencies[i].id).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "agencies": plan.agencies.iter().map(|a| json!({
            "id": a.id, "name": a.name, "kind": a.kind, "aliases": a.aliases,
            "expanded_from": a.expanded_from,
        })).collect::<Vec<_>>(),
        "groups": plan.groups.iter().map(|gr| json!({
            "id": gr.id, "name": gr.name,
            "members": gr.members.iter().map(|&i| &plan.agencies[i].id).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "tasks": tasks.iter().map(|&(i, role)| {
            let t = &plan.tasks[i];
            let mut v = json!({
                "id": t.id, "section": t.section, "text": t.text,
                "agencies": assignment_json(plan, &t.lead),
                "partners": assignment_json(plan, &t.partners),
            });
            if let Some(ps) = &t.periods {
                v["periods"] = json!(ps);
            }
            if role.is_some() && !t.context.is_empty() {
                v["context"] = json!(t.context);
            }
            if let Some(r) = role {
                v["role"] = json!(match r { Role::Lead => "lead", Role::Partner => "partner" });
            }
            v
        }).collect::<Vec<_>>(),
    })
}

fn shorten(s: &str, n: usize) -> String {
    let one_line = s.split('\n').next().unwrap_or(s);
    if one_line.chars().count() <= n && !s.contains('\n') {
        one_line.to_string()
    } else {
        let mut out: String = one_line.chars().take(n.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// What `plan show` shows: the whole plan or one agency's part; with `indicators_only`, only
/// the indicators (the CSV then lists them instead of the tasks).
pub(super) struct What<'a> {
    pub agency: Option<&'a str>,
    pub indicators_only: bool,
}

/// How much of an indicator's name a terminal table shows.
const INDICATOR_NAME_CHARS: usize = 50;

/// `plan show`: the whole plan (periods, the tree of items, the indicators) or one agency's
/// tasks and indicators.
pub(super) fn show(plan: &Plan, what: What, format: Format, g: &Global) -> Result<Outcome> {
    let (lang, agency) = (g.lang, what.agency);
    let agency = agency
        .map(|name| super::find_agency(plan, name, lang))
        .transpose()?;
    let tasks: Vec<(usize, Option<Role>)> = match agency {
        None => (0..plan.tasks.len()).map(|i| (i, None)).collect(),
        Some(a) => plan
            .tasks_of(a)
            .into_iter()
            .map(|(i, r)| (i, Some(r)))
            .collect(),
    };
    let m = &plan.meta;
    let mut blocks = vec![Block::Text(format!(
        "{} — {} ({})\n",
        m.title, m.issuer, m.year
    ))];
    let inds = super::plan_indicators::of(plan, agency);
    let inds_table = || {
        let short = Some(INDICATOR_NAME_CHARS);
        Block::Table(super::plan_indicators::listing(plan, &inds, lang, short))
    };
    match agency {
        _ if what.indicators_only => blocks.push(inds_table()),
        Some(a) => {
            blocks.push(Block::Text(format!(
                "{}: {} ({})\n",
                lang.pick("Đơn vị", "Agency"),
                plan.agencies[a].name,
                plan.agencies[a].id
            )));
            blocks.push(Block::Table(agency_tasks(plan, &tasks, lang)));
        }
        None => {
            blocks.push(Block::Table(periods(plan, lang)));
            blocks.push(Block::Table(items(plan, lang)));
        }
    }
    if !what.indicators_only && !inds.is_empty() {
        blocks.push(inds_table());
    }
    let mut json = plan_json(plan, &tasks);
    json["indicators"] = super::plan_indicators::json(plan, &inds);
    let csv = match what.indicators_only {
        true => super::plan_indicators::listing(plan, &inds, lang, None),
        false => task_listing(plan, &tasks),
    };
    let view = View { blocks, csv, json };
    emit::emit(&view, format, lang)?;
    Ok(Outcome::Clean)
}

/// `plan show --format csv`: one row per task (of the agency, with its role).
fn task_listing(plan: &Plan, tasks: &[(usize, Option<Role>)]) -> Listing {
    const COLUMNS: [Column; 6] = [
        Column::new("task", "Mã", "Task"),
        Column::new("section", "Phần", "Section"),
        Column::new("role", "Vai trò", "Role"),
        Column::new("lead", "Chủ trì / thực hiện", "Lead"),
        Column::new("partners", "Phối hợp", "Partners"),
        Column::new("text", "Nội dung", "Text"),
    ];
    let mut l = Listing::new(&COLUMNS);
    for &(i, role) in tasks {
        let t = &plan.tasks[i];
        let role = match role {
            Some(Role::Lead) => "lead",
            Some(Role::Partner) => "partner",
            None => "",
        };
        l.push(vec![
            t.id.as_str().into(),
            t.section.as_str().into(),
            role.into(),
            assignment_text(plan, &t.lead, Lang::En).into(),
            assignment_text(plan, &t.partners, Lang::En).into(),
            t.text.as_str().into(),
        ]);
    }
    l
}

/// One agency's tasks and its role in each, for people.
fn agency_tasks(plan: &Plan, tasks: &[(usize, Option<Role>)], lang: Lang) -> Listing {
    const COLUMNS: [Column; 3] = [
        Column::new("task", "Mã", "Task"),
        Column::new("role", "Vai trò", "Role"),
        Column::new("text", "Nội dung", "Text"),
    ];
    let mut l = Listing::new(&COLUMNS);
    for &(i, role) in tasks {
        let role = match role {
            Some(Role::Lead) => lang.pick("thực hiện", "carries out"),
            _ => lang.pick("phối hợp", "co-ordinates"),
        };
        // Shown alone, a task carries its nearest parent's text as context.
        let task = &plan.tasks[i];
        let text = match task.context.last() {
            Some(parent) => format!("{} ▸ {}", shorten(parent, 40), task.text),
            None => task.text.clone(),
        };
        l.push(vec![
            task.id.as_str().into(),
            role.into(),
            shorten(&text, 90).into(),
        ]);
    }
    l
}

/// The plan's periods, for people.
fn periods(plan: &Plan, lang: Lang) -> Listing {
    const COLUMNS: [Column; 5] = [
        Column::new("period", "Kỳ", "Period"),
        Column::new("name", "Tên", "Name"),
        Column::new("due", "Hạn nộp", "Due"),
        Column::new("on_due_date", "Nộp đúng ngày hạn", "On the due date"),
        Column::new("reporters", "Số đơn vị phải báo cáo", "Reporters"),
    ];
    let mut l = Listing::new(&COLUMNS);
    for p in &plan.periods {
        let on_due_date = match p.on_due_date {
            crate::plan::OnDueDate::OnTime => lang.pick("đúng hạn", "on time"),
            crate::plan::OnDueDate::Late => lang.pick("trễ hạn", "late"),
        };
        l.push(vec![
            p.id.as_str().into(),
            p.name_in(lang).into(),
            p.due.format("%d/%m/%Y").to_string().into(),
            on_due_date.into(),
            Cell::Int(p.reporters.len() as u64),
        ]);
    }
    l
}

/// The plan's tree of sections and items, each task with who leads it, for people.
fn items(plan: &Plan, lang: Lang) -> Listing {
    const COLUMNS: [Column; 4] = [
        Column::new("item", "Mục", "Item"),
        Column::new("text", "Nội dung", "Text"),
        Column::new("lead", "Chủ trì / thực hiện", "Lead"),
        Column::new("partners", "Phối hợp", "Partners"),
    ];
    let mut l = Listing::new(&COLUMNS);
    for s in &plan.sections {
        let title = match lang {
            Lang::En => s.title_en.as_deref().unwrap_or(&s.title),
            Lang::Vi => &s.title,
        };
        l.push(vec![
            s.id.as_str().into(),
            title.to_uppercase().into(),
            Cell::Empty,
            Cell::Empty,
        ]);
        add_items(plan, &s.items, 1, &mut l, lang);
    }
    l
}

fn add_items(plan: &Plan, items: &[crate::plan::Item], depth: usize, l: &mut Listing, lang: Lang) {
    for it in items {
        let (lead, partners) = match it.task {
            Some(i) => (
                assignment_text(plan, &plan.tasks[i].lead, lang),
                assignment_text(plan, &plan.tasks[i].partners, lang),
            ),
            None => (String::new(), String::new()),
        };
        l.push(vec![
            format!("{}{}", "  ".repeat(depth), it.full_id).into(),
            shorten(&it.text, 70).into(),
            lead.into(),
            partners.into(),
        ]);
        add_items(plan, &it.items, depth + 1, l, lang);
    }
}
