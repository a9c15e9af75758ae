//! The consolidated report for the ministry as one [`Document`]: reporting status, results by
//! the plan's sections and tasks, a drafted assessment, the agencies' difficulties and
//! proposals, next-period tasks, and the appendix tables. Rendered by `docx.rs` and `plain.rs`.

use super::doc::{frame, Block, Document, ParaStyle};
use super::report_parts::{assessment, next_period, remarks};
use super::report_status::status;
use super::report_tables::appendix;
use crate::consolidate::{Consolidation, TaskLine, Totals};
use crate::lang::Lang;
use crate::number::{group, percent, plural};
use crate::plan::Item;
use crate::t;

const ROMAN: [&str; 8] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

/// "Mục II của Kế hoạch" / "Section II of the Plan": the plan's numbering, kept apart.
pub fn plan_section(id: &str, lang: Lang) -> String {
    t!("Mục {id} của Kế hoạch", "Section {id} of the Plan")
        .get(lang)
        .to_string()
}

pub fn build(k: &Consolidation, lang: Lang) -> Document {
    let c = k.cycle;
    let plan = c.plan;
    let p = c.period.name_in(lang);
    let for_p = c.period.name_after_for(lang);
    let (heading, closing) = frame(plan, true, c.as_of, lang);
    // Names as a sentence writes them: "the Department of …", or a Vietnamese name bare.
    let coordinator = plan.agencies[plan.meta.coordinator].the_name_in(lang);
    let plan_title = plan.meta.the_cited(lang);
    let mut body = vec![Block::para(t!(
        "Thực hiện {plan_title}, trên cơ sở báo cáo của các cơ quan, đơn vị, địa phương, {coordinator} báo cáo kết quả thực hiện công tác bình đẳng giới {for_p} như sau:",
        "Under {plan_title}, and from the reports of the agencies, {coordinator} reports the results of gender-equality work for {for_p} as follows:"
    ).get(lang))];
    let mut parts: Vec<(&str, &str, Vec<Block>)> = vec![
        (
            "TÌNH HÌNH BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ",
            "REPORTING BY THE AGENCIES",
            status(k, lang),
        ),
        (
            "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ",
            "RESULTS BY TASK",
            results(k, lang),
        ),
        ("ĐÁNH GIÁ CHUNG", "GENERAL ASSESSMENT", assessment(k, lang)),
        (
            "KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ",
            "DIFFICULTIES AND PROPOSALS",
            remarks(k, lang),
        ),
        (
            "NHIỆM VỤ TRỌNG TÂM KỲ TỚI",
            "TASKS FOR THE NEXT PERIOD",
            next_period(k, lang),
        ),
    ];
    if !plan.indicators.is_empty() {
        let blocks = super::report_indicators::part(k, lang);
        let title = (
            "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
            "RESULTS AGAINST THE INDICATORS",
        );
        parts.insert(2, (title.0, title.1, blocks));
    }
    for (i, (vi, en, blocks)) in parts.into_iter().enumerate() {
        body.push(Block::Part {
            level: 0,
            text: format!("{}. {}", ROMAN[i], lang.pick(vi, en)),
        });
        body.extend(blocks);
    }
    body.push(Block::para(
        t!(
            "Trên đây là báo cáo kết quả thực hiện công tác bình đẳng giới {for_p} của {coordinator}./.",
            "This is the report of {coordinator} on gender-equality work for {for_p}."
        )
        .get(lang),
    ));
    Document {
        lang,
        heading,
        title: vec![
            lang.pick("BÁO CÁO", "REPORT").into(),
            t!(
                "Kết quả thực hiện công tác bình đẳng giới {p}",
                "Results of gender-equality work, {p}"
            )
            .get(lang)
            .into(),
        ],
        addressees: vec![],
        body,
        closing,
        appendix: appendix(k, lang),
    }
}

/// One sentence of figures; parts with nothing to say are left out, never printed as 0 or "—".
pub fn figures_sentence(t: &Totals, lang: Lang) -> Option<String> {
    let mut parts = Vec::new();
    if t.activities > 0 {
        let a = group(t.activities, lang);
        let what = plural(t.activities, "activity", "activities");
        parts.push(t!("{a} hoạt động", "{a} {what}").get(lang).to_string());
    }
    if let Some(share) = t.female_share() {
        let (all, f, share) = (
            group(t.participants(), lang),
            group(t.participants_female, lang),
            percent(share, lang),
        );
        let people = plural(t.participants(), "participant", "participants");
        let women = plural(t.participants_female, "woman", "women");
        parts.push(
            t!(
                "{all} lượt người tham gia (nữ {f}, chiếm {share})",
                "{all} {people} ({f} {women}, {share})"
            )
            .get(lang)
            .to_string(),
        );
    }
    if t.budget_vnd > 0 {
        let b = group(t.budget_vnd, lang);
        parts.push(
            t!("kinh phí {b} đồng", "a budget of {b} VND")
                .get(lang)
                .to_string(),
        );
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// Who reported on a task, by role: how many of its expected leads reported, where it has
/// several or one is missing ("5/13 đơn vị chủ trì đã báo cáo"), and its partners where they
/// reported. `None` for a task its one lead reported on alone (it reads as before).
fn roles(tl: &TaskLine, lang: Lang) -> Option<String> {
    let (expected, heard, partner) = (tl.leads_expected, tl.leads_reported, tl.reports_partner);
    let leads = if expected > 1 || tl.leads_missing() > 0 {
        let agencies = plural(expected, "leading agency", "leading agencies");
        let have = plural(if heard == 0 { expected } else { heard }, "has", "have");
        Some(t!(
            "{heard}/{expected} đơn vị chủ trì đã báo cáo",
            "{heard} of {expected} {agencies} {have} reported"
        ))
    } else if partner > 0 && tl.reports_lead > 0 {
        let lead = tl.reports_lead;
        Some(t!("{lead} chủ trì", "{lead} leading"))
    } else {
        None
    };
    let partners = (partner > 0).then(|| {
        let who = plural(partner, "partner", "partners");
        t!("{partner} phối hợp", "{partner} {who}")
    });
    let parts: Vec<&str> = [&leads, &partners]
        .into_iter()
        .flatten()
        .map(|p| p.get(lang))
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Part II: the totals, then each task section of the plan, item by item at any depth.
fn results(k: &Consolidation, lang: Lang) -> Vec<Block> {
    let plan = k.cycle.plan;
    let mut out = Vec::new();
    if let Some(f) = figures_sentence(&k.totals, lang) {
        out.push(Block::para(
            t!(
                "Tổng hợp chung: các cơ quan, đơn vị, địa phương đã tổ chức {f}.",
                "Overall, the agencies reported {f}."
            )
            .get(lang),
        ));
    }
    for (i, s) in plan.sections.iter().filter(|s| s.has_tasks).enumerate() {
        let title = match lang {
            Lang::Vi => &s.title,
            Lang::En => s.title_en.as_ref().unwrap_or(&s.title),
        };
        out.push(Block::Part {
            level: 1,
            text: format!("{}. {}: {}", i + 1, plan_section(&s.id, lang), title),
        });
        items(&mut out, k, &s.items, 0, lang);
    }
    out
}

fn items(out: &mut Vec<Block>, k: &Consolidation, list: &[Item], depth: usize, lang: Lang) {
    for it in list.iter().filter(|it| in_period(k, it)) {
        out.push(Block::PlanItem {
            depth,
            label: it.full_id.clone(),
            text: lines(&it.text),
        });
        match it.task {
            None => items(out, k, &it.items, depth + 1, lang),
            Some(t) => task_result(out, k, &k.tasks[t], depth, lang),
        }
    }
}

/// Does the item hold a task of this period's report (schema v2's per-period tasks)?
fn in_period(k: &Consolidation, it: &Item) -> bool {
    match it.task {
        Some(t) => k.tasks[t].reports > 0 || k.cycle.plan.tasks[t].in_period(&k.cycle.period.id),
        None => it.items.is_empty() || it.items.iter().any(|i| in_period(k, i)),
    }
}

/// The text with the spaces inside each line tidied, its lines (dash bullets) kept.
fn lines(s: &str) -> String {
    s.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn task_result(out: &mut Vec<Block>, k: &Consolidation, tl: &TaskLine, depth: usize, lang: Lang) {
    let plan = k.cycle.plan;
    // Reported on in files whose figures are held back (a conflict): said, never "no report".
    let held = super::report_held::task_sentence(k, tl.task, tl.reports > 0, lang);
    if let (0, Some(held)) = (tl.reports, &held) {
        out.push(Block::styled(held.clone(), depth, ParaStyle::Body));
        return;
    }
    if tl.reports == 0 {
        out.push(Block::styled(
            lang.pick(
                "Kết quả: chưa có đơn vị nào báo cáo về nhiệm vụ này.",
                "Results: no agency has reported on this task.",
            ),
            depth,
            ParaStyle::Body,
        ));
        return;
    }
    let n = tl.reports;
    let (ns, ip, done) = (tl.status.not_started, tl.status.in_progress, tl.status.done);
    let mut states = Vec::new();
    for (v, vi, en) in [
        (done, "hoàn thành", "done"),
        (ip, "đang thực hiện", "in progress"),
        (ns, "chưa thực hiện", "not started"),
    ] {
        if v > 0 {
            states.push(format!("{v} {}", lang.pick(vi, en)));
        }
    }
    let mut states = states.join(", ");
    if let Some(roles) = roles(tl, lang) {
        states = format!("{roles}; {states}");
    }
    let agencies = plural(n, "agency", "agencies");
    let mut s = t!(
        "Kết quả: {n} đơn vị báo cáo ({states})",
        "Results: {n} {agencies} reported ({states})"
    )
    .get(lang)
    .to_string();
    if let Some(f) = figures_sentence(&tl.totals, lang) {
        s += "; ";
        s += &f;
    }
    s.push('.');
    out.push(Block::styled(s, depth, ParaStyle::Body));
    if let Some(held) = held {
        out.push(Block::styled(held, depth, ParaStyle::Body));
    }
    // The agencies' notes, grouped: one line per distinct note, with the agencies that wrote it.
    let mut groups: Vec<(String, Vec<&str>)> = Vec::new();
    for (a, note) in &tl.notes {
        let note = note.split_whitespace().collect::<Vec<_>>().join(" ");
        let name = plan.agencies[*a].name_in(lang);
        match groups.iter_mut().find(|(n, _)| *n == note) {
            Some((_, v)) => v.push(name),
            None => groups.push((note, vec![name])),
        }
    }
    for (note, names) in groups {
        let note = note
            .trim_start_matches(['-', ' '])
            .trim_end_matches(['.', ';']);
        out.push(Block::styled(
            // Names may hold commas ("Sở Văn hóa, Thể thao và Du lịch"): a semicolon between them.
            format!("- {note} ({}).", names.join("; ")),
            depth,
            ParaStyle::Quote,
        ));
    }
    if tl.notes_total > tl.notes.len() {
        let more = tl.notes_total - tl.notes.len();
        out.push(Block::styled(
            t!(
                "- Và {more} ghi chú khác (trang \"Chi tiết\" của sổ Excel kèm theo).",
                "- And {more} more notes (the \"Details\" sheet of the attached workbook)."
            )
            .get(lang),
            depth,
            ParaStyle::Quote,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::figures_sentence;
    use crate::consolidate::Totals;
    use crate::lang::Lang;

    #[test]
    fn figures_with_nothing_to_say_are_left_out_not_printed_as_zero() {
        assert_eq!(figures_sentence(&Totals::default(), Lang::Vi), None);
        let t = Totals {
            activities: 3,
            budget_vnd: 1_500_000,
            ..Totals::default()
        };
        assert_eq!(
            figures_sentence(&t, Lang::Vi).as_deref(),
            Some("3 hoạt động; kinh phí 1.500.000 đồng")
        );
        let t = Totals {
            participants_female: 27,
            participants_male: 118,
            ..Totals::default()
        };
        assert_eq!(
            figures_sentence(&t, Lang::En).as_deref(),
            Some("145 participants (27 women, 18.6%)")
        );
    }
}
