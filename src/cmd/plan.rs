//! `bdg plan check PLAN` and `bdg plan show PLAN [--agency X] [--format table|json]`.

use crate::diag::count;
use crate::lang::Lang;
use crate::output::{self, Format, Global};
use crate::plan::{Assignment, LoadError, Plan, Role};
use crate::Outcome;
use anyhow::Result;
use serde_json::{json, Value};
use std::path::PathBuf;

#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Kiểm tra kế hoạch; mã thoát 0 hợp lệ, 1 có lỗi, 2 không đọc được
    /// / validate a plan: exit 0 valid, 1 invalid, 2 unreadable
    ///
    /// Ví dụ / example: bdg plan check plans/ninh-thuan-2021.yaml
    Check {
        /// Tệp kế hoạch / the plan file
        plan: PathBuf,
    },
    /// In cây nhiệm vụ, hoặc nhiệm vụ của một đơn vị / print the plan's tree or one agency's tasks
    ///
    /// Ví dụ / example: bdg plan show plans/ninh-thuan-2021.yaml --agency "Sở Y tế"
    Show {
        /// Tệp kế hoạch / the plan file
        plan: PathBuf,
        /// Mã, tên hoặc tên viết tắt của đơn vị / agency id, name or alias
        #[arg(long, value_name = "ID-OR-NAME")]
        agency: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Bản nháp kế hoạch từ văn bản đã ban hành (.docx, .txt), có '# TODO' chỗ chưa rõ
    /// / a draft plan from the plan as issued (.docx, .txt), with '# TODO' where it is unclear
    ///
    /// Ví dụ / example: bdg plan import ke-hoach-2021.docx --out plans/draft.yaml
    Import(super::plan_import::Args),
}

pub fn run(cmd: Command, g: &Global) -> Result<Outcome> {
    match cmd {
        Command::Check { plan } => check(&plan, g),
        Command::Show {
            plan,
            agency,
            format,
        } => {
            let p = super::load_plan(&plan, g)?;
            show(&p, agency.as_deref(), format, g)
        }
        Command::Import(a) => super::plan_import::run(a, g),
    }
}

fn check(path: &std::path::Path, g: &Global) -> Result<Outcome> {
    match crate::plan::load(path) {
        Err(LoadError::Io(name, e)) => Err(super::plan_read_error(path, &name, &e, g.lang)),
        Err(LoadError::Invalid(diags)) => {
            output::print_diagnostics(g, &diags);
            let (e, w) = count(&diags);
            output::note(
                g,
                g.lang.pick(
                    &format!("{}: KHÔNG HỢP LỆ — {e} lỗi, {w} cảnh báo", path.display()),
                    &format!("{}: INVALID — {e} errors, {w} warnings", path.display()),
                ),
            );
            Ok(Outcome::Flagged)
        }
        Ok((plan, warnings)) => {
            output::print_diagnostics(g, &warnings);
            let sections = plan
                .tasks
                .iter()
                .fold(Vec::<(&str, usize)>::new(), |mut acc, t| {
                    match acc.last_mut() {
                        Some((s, n)) if *s == t.section => *n += 1,
                        _ => acc.push((&t.section, 1)),
                    }
                    acc
                });
            let by_section: Vec<String> =
                sections.iter().map(|(s, n)| format!("{s}: {n}")).collect();
            let (file, agencies, periods, tasks) = (
                path.display(),
                plan.agencies.len(),
                plan.periods.len(),
                plan.tasks.len(),
            );
            let (sections, warnings) = (by_section.join(", "), warnings.len());
            let msg = crate::t!(
                "{file}: hợp lệ — {agencies} đơn vị, {periods} kỳ báo cáo, {tasks} nhiệm vụ ({sections}), {warnings} cảnh báo",
                "{file}: valid — {agencies} agencies, {periods} periods, {tasks} tasks ({sections}), {warnings} warnings"
            );
            output::note(g, msg.get(g.lang));
            Ok(Outcome::Clean)
        }
    }
}

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

fn show(plan: &Plan, agency: Option<&str>, format: Format, g: &Global) -> Result<Outcome> {
    let lang = g.lang;
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
    match format {
        Format::Json => {
            let s = serde_json::to_string_pretty(&plan_json(plan, &tasks))?;
            output::print(&(s + "\n"))?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(["task", "section", "role", "lead", "partners", "text"])?;
            for &(i, role) in &tasks {
                let t = &plan.tasks[i];
                let role = match role {
                    Some(Role::Lead) => "lead",
                    Some(Role::Partner) => "partner",
                    None => "",
                };
                w.write_record([
                    output::csv_safe(&t.id).as_ref(),
                    &output::csv_safe(&t.section),
                    role,
                    &output::csv_safe(&assignment_text(plan, &t.lead, Lang::En)),
                    &output::csv_safe(&assignment_text(plan, &t.partners, Lang::En)),
                    &output::csv_safe(&t.text),
                ])?;
            }
            output::print(std::str::from_utf8(&w.into_inner()?)?)?;
        }
        Format::Table => {
            let mut out = String::new();
            let m = &plan.meta;
            out.push_str(&format!("{} — {} ({})\n", m.title, m.issuer, m.year));
            if let Some(a) = agency {
                out.push_str(&format!(
                    "{}: {} ({})\n",
                    lang.pick("Đơn vị", "Agency"),
                    plan.agencies[a].name,
                    plan.agencies[a].id
                ));
                let mut t = output::table(vec![
                    lang.pick("Mã", "Task"),
                    lang.pick("Vai trò", "Role"),
                    lang.pick("Nội dung", "Text"),
                ]);
                for &(i, role) in &tasks {
                    let role = match role {
                        Some(Role::Lead) => lang.pick("thực hiện", "carries out"),
                        _ => lang.pick("phối hợp", "co-ordinates"),
                    };
                    // Shown alone, a task carries its parents' texts as context.
                    let task = &plan.tasks[i];
                    let text = match task.context.last() {
                        Some(parent) => format!("{} ▸ {}", shorten(parent, 40), task.text),
                        None => task.text.clone(),
                    };
                    t.add_row(vec![task.id.clone(), role.to_string(), shorten(&text, 90)]);
                }
                out.push_str(&format!("{t}\n"));
            } else {
                let mut t = output::table(vec![
                    lang.pick("Kỳ", "Period"),
                    lang.pick("Tên", "Name"),
                    lang.pick("Hạn nộp", "Due"),
                    lang.pick("Nộp đúng ngày hạn", "On the due date"),
                    lang.pick("Số đơn vị phải báo cáo", "Reporters"),
                ]);
                for p in &plan.periods {
                    t.add_row(vec![
                        p.id.clone(),
                        p.name_in(lang).to_string(),
                        p.due.format("%d/%m/%Y").to_string(),
                        match p.on_due_date {
                            crate::plan::OnDueDate::OnTime => lang.pick("đúng hạn", "on time"),
                            crate::plan::OnDueDate::Late => lang.pick("trễ hạn", "late"),
                        }
                        .to_string(),
                        p.reporters.len().to_string(),
                    ]);
                }
                out.push_str(&format!("{t}\n"));
                let mut t = output::table(vec![
                    lang.pick("Mục", "Item"),
                    lang.pick("Nội dung", "Text"),
                    lang.pick("Chủ trì / thực hiện", "Lead"),
                    lang.pick("Phối hợp", "Partners"),
                ]);
                for s in &plan.sections {
                    let title = match lang {
                        Lang::En => s.title_en.as_deref().unwrap_or(&s.title),
                        Lang::Vi => &s.title,
                    };
                    t.add_row(vec![
                        s.id.clone(),
                        title.to_uppercase(),
                        String::new(),
                        String::new(),
                    ]);
                    add_items(plan, &s.items, 1, &mut t, lang);
                }
                out.push_str(&format!("{t}\n"));
            }
            output::print(&out)?;
        }
    }
    Ok(Outcome::Clean)
}

fn add_items(
    plan: &Plan,
    items: &[crate::plan::Item],
    depth: usize,
    t: &mut comfy_table::Table,
    lang: Lang,
) {
    for it in items {
        let (lead, partners) = match it.task {
            Some(i) => (
                assignment_text(plan, &plan.tasks[i].lead, lang),
                assignment_text(plan, &plan.tasks[i].partners, lang),
            ),
            None => (String::new(), String::new()),
        };
        t.add_row(vec![
            format!("{}{}", "  ".repeat(depth), it.full_id),
            shorten(&it.text, 70),
            lead,
            partners,
        ]);
        add_items(plan, &it.items, depth + 1, t, lang);
    }
}
