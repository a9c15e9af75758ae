//! The text report for the ministry, in the layout of a Vietnamese administrative report,
//! following the plan's own sections.

use super::admin::{closing, hanging, heading, paragraph, short_date};
use crate::consolidate::{Consolidation, Totals};
use crate::lang::Lang;
use crate::plan::Item;
use std::fmt::Write as _;

const WIDTH: usize = 92;

/// 1234567 → "1.234.567" (vi) or "1,234,567" (en).
pub fn group(n: u64, lang: Lang) -> String {
    let s = n.to_string();
    let sep = lang.pick(".", ",");
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

/// 0.648 → "64,8%" (vi) or "64.8%" (en).
pub fn percent(x: f64, lang: Lang) -> String {
    let s = format!("{:.1}%", x * 100.0);
    match lang {
        Lang::Vi => s.replace('.', ","),
        Lang::En => s,
    }
}

fn figures(t: &Totals, lang: Lang) -> String {
    let share = t
        .female_share()
        .map(|s| percent(s, lang))
        .unwrap_or_else(|| "—".into());
    let (activities, all) = (group(t.activities, lang), group(t.participants(), lang));
    let (female, male) = (
        group(t.participants_female, lang),
        group(t.participants_male, lang),
    );
    let budget = group(t.budget_vnd, lang);
    crate::t!(
        "số hoạt động: {activities}; người tham gia: {all} (nữ: {female} – {share}; nam: {male}); kinh phí: {budget} đồng",
        "activities: {activities}; participants: {all} (women: {female} – {share}; men: {male}); budget: {budget} VND"
    )
    .get(lang)
    .to_string()
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s)
}

const ROMAN: [&str; 8] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

pub fn report(k: &Consolidation, lang: Lang) -> String {
    let c = k.cycle;
    let plan = c.plan;
    let p = c.period;
    let n = &k.counts;
    let l = |vi: &'static str, en: &'static str| lang.pick(vi, en);
    let coordinator = &plan.agencies[plan.meta.coordinator].name;
    let mut out = heading(plan, true, c.as_of, lang);
    out.push('\n');
    let _ = writeln!(
        out,
        "{}",
        format!("{:^w$}", l("BÁO CÁO", "REPORT"), w = WIDTH).trim_end()
    );
    let title = lang
        .pick(
            &format!(
                "Kết quả thực hiện công tác bình đẳng giới {}",
                p.name_in(lang)
            ),
            &format!("Results of gender-equality work, {}", p.name_in(lang)),
        )
        .to_string();
    let _ = writeln!(out, "{}", format!("{title:^w$}", w = WIDTH).trim_end());
    out.push('\n');
    let plan_title = match lang {
        Lang::Vi => plan.meta.title.clone(),
        Lang::En => plan
            .meta
            .title_en
            .clone()
            .unwrap_or_else(|| plan.meta.title.clone()),
    };
    out.push_str(&paragraph(
        lang.pick(
            &format!(
                "Thực hiện {plan_title}, trên cơ sở báo cáo của các cơ quan, đơn vị, địa phương, {coordinator} tổng hợp kết quả thực hiện công tác bình đẳng giới {} như sau:",
                p.name_in(lang)
            ),
            &format!(
                "Under the {plan_title}, and from the reports of the agencies, the {coordinator} reports the results of gender-equality work for the {} as follows:",
                p.name_in(lang)
            ),
        ),
        WIDTH,
    ));
    out.push('\n');

    // I. Completeness.
    let mut sec = 0;
    let mut section = |out: &mut String, vi: &str, en: &str| {
        let _ = writeln!(out, "{}. {}", ROMAN[sec], lang.pick(vi, en));
        sec += 1;
    };
    section(
        &mut out,
        "TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ",
        "REPORTING BY THE AGENCIES",
    );
    let due = short_date(p.due);
    let as_of = short_date(c.as_of);
    out.push_str(&paragraph(
        lang.pick(
            &format!(
                "Tính đến ngày {as_of} (hạn nộp {due}): {} đơn vị phải báo cáo; {} đơn vị đã báo cáo ({}), trong đó {} đúng hạn ({}), {} trễ hạn; {} đơn vị chưa nộp; {} chưa đến hạn.",
                n.expected, n.reported, percent(n.reporting_rate(), lang), n.on_time, percent(n.on_time_rate(), lang), n.late, n.missing, n.pending
            ),
            &format!(
                "As of {as_of} (due {due}): {} agencies must report; {} have reported ({}), {} of them on time ({}), {} late; {} are missing; {} pending.",
                n.expected, n.reported, percent(n.reporting_rate(), lang), n.on_time, percent(n.on_time_rate(), lang), n.late, n.missing, n.pending
            ),
        ),
        WIDTH,
    ));
    if let Some((from, to)) = p.window {
        out.push_str(&paragraph(
            lang.pick(
                &format!(
                    "Số liệu tính từ ngày {} đến ngày {}.",
                    short_date(from),
                    short_date(to)
                ),
                &format!("Figures cover {} to {}.", short_date(from), short_date(to)),
            ),
            WIDTH,
        ));
    }
    out.push('\n');

    // II. Results task by task, in the plan's own sections.
    section(
        &mut out,
        "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ",
        "RESULTS TASK BY TASK",
    );
    for s in plan.sections.iter().filter(|s| s.has_tasks) {
        let title = match lang {
            Lang::Vi => &s.title,
            Lang::En => s.title_en.as_ref().unwrap_or(&s.title),
        };
        let _ = writeln!(
            out,
            "{} {}. {}",
            l("Mục", "Section"),
            s.id,
            title.to_uppercase()
        );
        items(&mut out, k, &s.items, lang);
    }
    out.push('\n');

    // III. Sex-disaggregated totals.
    section(&mut out, "TỔNG HỢP SỐ LIỆU", "TOTALS");
    out.push_str(&paragraph(
        &format!("{}.", capitalize(&figures(&k.totals, lang))),
        WIDTH,
    ));
    out.push('\n');

    // IV. Late and missing agencies.
    section(
        &mut out,
        "ĐƠN VỊ TRỄ HẠN VÀ CHƯA NỘP BÁO CÁO",
        "LATE AND MISSING AGENCIES",
    );
    let mut any = false;
    for a in k.agencies.iter().filter(|a| a.state.is_overdue()) {
        any = true;
        let ag = &plan.agencies[a.agency];
        let days = a.days_late.unwrap_or(0);
        let line = match a.submitted_on {
            Some(d) => lang
                .pick(
                    &format!(
                        "- {}: báo cáo ngày {}, trễ {days} ngày.",
                        ag.name,
                        short_date(d)
                    ),
                    &format!(
                        "- {}: report dated {}, {days} days late.",
                        ag.name,
                        short_date(d)
                    ),
                )
                .to_string(),
            None => lang
                .pick(
                    &format!("- {}: chưa nộp báo cáo (quá hạn {days} ngày).", ag.name),
                    &format!("- {}: no report ({days} days overdue).", ag.name),
                )
                .to_string(),
        };
        let _ = writeln!(out, "    {line}");
    }
    if !any {
        let _ = writeln!(out, "    {}", l("Không có.", "None."));
    }
    if !k.excluded.is_empty() {
        out.push_str(&paragraph(
            lang.pick(
                &format!("Có {} dòng hoặc tệp bị loại khỏi số liệu (chi tiết tại trang \"Bị loại\" của sổ Excel kèm theo).", k.excluded.len()),
                &format!("{} rows or files were excluded from the figures (listed in the \"Excluded\" sheet of the attached workbook).", k.excluded.len()),
            ),
            WIDTH,
        ));
    }
    out.push('\n');
    out.push_str(&paragraph(
        lang.pick(
            &format!(
                "Trên đây là báo cáo kết quả thực hiện công tác bình đẳng giới {} của {}./.",
                p.name_in(lang),
                coordinator
            ),
            &format!(
                "This is the {}'s report on gender-equality work for the {}.",
                coordinator,
                p.name_in(lang)
            ),
        ),
        WIDTH,
    ));
    out.push('\n');
    out.push_str(&closing(plan, &plan.report.recipients, lang));
    out
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn items(out: &mut String, k: &Consolidation, items_: &[Item], lang: Lang) {
    let plan = k.cycle.plan;
    for it in items_ {
        match it.task {
            None => {
                let head = format!("{} ", it.full_id);
                out.push_str(&hanging(
                    first_line(&it.text),
                    WIDTH,
                    &head,
                    &" ".repeat(head.len()),
                ));
                items(out, k, &it.items, lang);
            }
            Some(t) => {
                let tl = &k.tasks[t];
                let text = first_line(&plan.tasks[t].text);
                // The task's text, cut at a word near 160 characters (the workbook has it whole).
                let short: String = if crate::text::width(text) > 160 {
                    let head: String = text.chars().take(160).collect();
                    let cut = head.rfind(' ').unwrap_or(head.len());
                    format!("{}…", head[..cut].trim_end_matches([',', ';', ':', ' ']))
                } else {
                    text.to_string()
                };
                out.push_str(&hanging(
                    &short,
                    WIDTH,
                    &format!("  {} ", it.full_id),
                    "      ",
                ));
                let (ns, ip, done) = (tl.status.not_started, tl.status.in_progress, tl.status.done);
                let n = tl.reports;
                let counts = crate::t!(
                    "Số đơn vị báo cáo: {n} (hoàn thành: {done}; đang thực hiện: {ip}; chưa thực hiện: {ns}).",
                    "Agencies reporting: {n} (done: {done}; in progress: {ip}; not started: {ns})."
                );
                out.push_str(&hanging(counts.get(lang), WIDTH, "      ", "        "));
                if tl.reports > 0 {
                    let line = format!("{}.", capitalize(&figures(&tl.totals, lang)));
                    out.push_str(&hanging(&line, WIDTH, "      ", "        "));
                }
                // A province has a few dozen notes a task; the ministry, thousands: the text
                // report keeps the first ones, the workbook's details sheet has them all.
                for (a, note) in &tl.notes {
                    let _ = writeln!(
                        out,
                        "      - {}: {}",
                        plan.agencies[*a].id,
                        note.replace('\n', " ")
                    );
                }
                if tl.notes_total > tl.notes.len() {
                    let more = tl.notes_total - tl.notes.len();
                    let msg = crate::t!(
                        "… và {more} ghi chú khác (xem trang \"Chi tiết\" của sổ Excel)",
                        "… and {more} more notes (see the \"Details\" sheet of the workbook)"
                    );
                    let _ = writeln!(out, "      - {}", msg.get(lang));
                }
            }
        }
    }
}
