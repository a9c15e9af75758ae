//! Parts III–V of the consolidated report: the assessment drafted from the figures (marked for
//! the officer to finish), the agencies' difficulties and proposals, next-period tasks.

use super::doc::{Block, ParaStyle, Table};
use super::report_doc::figures_sentence;
use crate::consolidate::Consolidation;
use crate::lang::Lang;
use crate::number::{percent, plural};
use crate::t;

fn draft(text: impl Into<String>) -> Block {
    Block::styled(text, 0, ParaStyle::Draft)
}

fn sub(n: usize, vi: &str, en: &str, lang: Lang) -> Block {
    Block::Part {
        level: 1,
        text: format!("{n}. {}", lang.pick(vi, en)),
    }
}

/// Part III, drafted from the figures; every paragraph is marked as a draft.
pub fn assessment(k: &Consolidation, lang: Lang) -> Vec<Block> {
    let n = &k.counts;
    let total = k.period_tasks().count();
    let done = k.period_tasks().filter(|t| t.completed()).count();
    let with_difficulties = with_remarks(k)
        .filter(|(_, r)| !r.difficulties.is_empty())
        .count();
    let mut out = vec![draft(lang.pick(
        "[Phần đánh giá dưới đây được dự thảo từ số liệu tổng hợp; cán bộ tổng hợp rà soát, bổ sung và hoàn thiện trước khi trình ký.]",
        "[The assessment below is drafted from the figures; the officer reviews, completes and finishes it before signature.]",
    ))];
    out.push(sub(1, "Ưu điểm", "Strengths", lang));
    let rate = percent(n.reporting_rate(), lang);
    let mut s = t!(
        "Các cơ quan, đơn vị, địa phương đã triển khai các nhiệm vụ của Kế hoạch; {rate} đơn vị gửi báo cáo",
        "The agencies carried out the tasks of the Plan; {rate} of them reported"
    )
    .get(lang)
    .to_string();
    // Done as `TaskLine::completed` has it; none done is no strength, and not said.
    if done > 0 {
        let (tasks, were) = (plural(total, "task", "tasks"), plural(done, "was", "were"));
        s += t!(
            "; {done}/{total} nhiệm vụ đã hoàn thành",
            "; {done} of {total} {tasks} {were} done"
        )
        .get(lang);
    }
    if let Some(f) = figures_sentence(&k.totals, lang) {
        s += t!("; tổng cộng {f}", "; in all, {f}").get(lang);
    }
    s.push('.');
    out.push(draft(s));
    out.push(sub(2, "Hạn chế", "Shortcomings", lang));
    out.push(draft(shortcomings(k, total, lang)));
    out.push(sub(3, "Nguyên nhân", "Causes", lang));
    // The difficulties' part follows the indicators' part when the plan has indicators.
    let part = if k.cycle.plan.indicators.is_empty() {
        "IV"
    } else {
        "V"
    };
    let stated = if with_difficulties > 0 {
        let who = plural(with_difficulties, "agency states", "agencies state");
        t!(
            "{with_difficulties} đơn vị nêu khó khăn, vướng mắc (phần {part} của báo cáo này).",
            "{with_difficulties} {who} difficulties (part {part} of this report)."
        )
    } else {
        t!(
            "Các đơn vị chưa nêu khó khăn, vướng mắc trong báo cáo.",
            "No agency states difficulties in its report."
        )
    };
    out.push(draft(format!(
        "{} {}",
        stated.get(lang),
        lang.pick(
            "[Cán bộ tổng hợp nêu nguyên nhân khách quan và chủ quan.]",
            "[The officer states the objective and subjective causes.]"
        )
    )));
    out
}

/// The shortcomings, a clause for each that is there ("0 đơn vị chưa gửi báo cáo" is not one);
/// when there is none, the positive thing.
fn shortcomings(k: &Consolidation, total: usize, lang: Lang) -> String {
    let n = &k.counts;
    let tasks = |f: &dyn Fn(&crate::consolidate::TaskLine) -> bool| {
        k.period_tasks().filter(|t| f(t)).count()
    };
    // A task reported on only in files held back (a conflict) is not "without a report".
    let unreported =
        tasks(&|t| t.reports == 0 && super::report_held::on_task(k, t.task, lang).is_empty());
    let leads_missing = tasks(&|t| t.reports > 0 && t.leads_missing() > 0);
    let not_started = tasks(&|t| t.status.not_started > 0);
    let (late, missing, rejected) = (n.late, n.missing, n.rejected);
    let agencies = |n: usize| plural(n, "agency", "agencies");
    let mut parts = Vec::new();
    if late > 0 {
        let who = agencies(late);
        parts.push(t!(
            "{late} đơn vị gửi báo cáo trễ hạn",
            "{late} {who} reported late"
        ));
    }
    if missing > 0 {
        let (who, have) = (agencies(missing), plural(missing, "has", "have"));
        parts.push(t!(
            "{missing} đơn vị chưa gửi báo cáo",
            "{missing} {who} {have} not reported"
        ));
    }
    if rejected > 0 {
        let (who, was) = (agencies(rejected), plural(rejected, "was", "were"));
        parts.push(t!(
            "{rejected} đơn vị có báo cáo bị loại",
            "{rejected} {who} sent reports that {was} rejected"
        ));
    }
    let of_tasks = plural(total, "task", "tasks");
    if unreported > 0 {
        let has = plural(unreported, "has", "have");
        parts.push(t!(
            "{unreported}/{total} nhiệm vụ chưa có đơn vị nào báo cáo",
            "{unreported} of {total} {of_tasks} {has} no report"
        ));
    }
    if leads_missing > 0 {
        let (tasks, lack) = (
            plural(leads_missing, "task lacks", "tasks lack"),
            plural(leads_missing, "its", "their"),
        );
        parts.push(t!(
            "{leads_missing} nhiệm vụ còn đơn vị chủ trì chưa báo cáo",
            "{leads_missing} {tasks} reports from some of {lack} leading agencies"
        ));
    }
    if not_started > 0 {
        let (tasks, was) = (
            plural(not_started, "task", "tasks"),
            plural(not_started, "was", "were"),
        );
        parts.push(t!(
            "{not_started} nhiệm vụ có đơn vị báo cáo chưa thực hiện",
            "{not_started} {tasks} {was} reported not started by some agency"
        ));
    }
    if parts.is_empty() {
        return lang
            .pick(
                "Không có đơn vị trễ hạn hoặc quá hạn chưa gửi báo cáo; mọi nhiệm vụ đều có đơn vị báo cáo, không có nhiệm vụ nào được báo cáo chưa thực hiện. [Cán bộ tổng hợp nêu hạn chế, nếu có.]",
                "No agency is late or overdue; every task has a report, and none was reported not started. [The officer states any shortcomings.]",
            )
            .into();
    }
    let parts: Vec<&str> = parts.iter().map(|p| p.get(lang)).collect();
    let mut s = parts.join("; ");
    s.push('.');
    s
}

/// The agencies whose counted report carries difficulties or proposals, in plan order.
fn with_remarks<'a>(
    k: &'a Consolidation,
) -> impl Iterator<Item = (usize, &'a crate::report::remarks::Remarks)> + 'a {
    let c = k.cycle;
    c.agencies
        .iter()
        .filter_map(move |a| a.figures_from.map(|f| (a.agency, c.reports[f].remarks())))
        .filter(|(_, r)| !r.is_empty())
}

/// Part IV (V with indicators): what the agencies wrote, quoted with their names.
pub fn remarks(k: &Consolidation, lang: Lang) -> Vec<Block> {
    let plan = k.cycle.plan;
    let mut out = Vec::new();
    let kinds: [(&str, &str, &str, &str, bool); 2] = [
        (
            "Khó khăn, vướng mắc",
            "Difficulties",
            "Các đơn vị không nêu khó khăn, vướng mắc.",
            "No agency states difficulties.",
            true,
        ),
        (
            "Đề xuất, kiến nghị",
            "Proposals",
            "Các đơn vị không có đề xuất, kiến nghị.",
            "No agency makes proposals.",
            false,
        ),
    ];
    for (i, (vi, en, none_vi, none_en, difficulties)) in kinds.into_iter().enumerate() {
        out.push(sub(i + 1, vi, en, lang));
        let mut any = false;
        for (a, r) in with_remarks(k) {
            let list = if difficulties {
                &r.difficulties
            } else {
                &r.proposals
            };
            if list.is_empty() {
                continue;
            }
            any = true;
            let text = list
                .iter()
                .map(|x| x.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
                .join(" ");
            out.push(Block::styled(
                format!("- {}: {text}", plan.agencies[a].name_in(lang)),
                0,
                ParaStyle::Quote,
            ));
        }
        if !any {
            out.push(Block::para(lang.pick(none_vi, none_en)));
        }
    }
    out
}

/// Where a task not done stands: no report yet; its leads heard so far; its reports not done.
fn open_state(k: &Consolidation, tl: &crate::consolidate::TaskLine, lang: Lang) -> String {
    if tl.reports == 0 {
        let held = super::report_held::names_on_task(k, tl.task, lang);
        if !held.is_empty() {
            let names = held.join("; ");
            return t!(
                "số liệu của {names} chưa được tính (các báo cáo khác nhau cùng ngày)",
                "the figures of {names} held back (different reports with the same date)"
            )
            .get(lang)
            .to_string();
        }
        return lang
            .pick("chưa có đơn vị báo cáo", "no report yet")
            .to_string();
    }
    let mut parts = Vec::new();
    if tl.leads_missing() > 0 {
        let (heard, of) = (tl.leads_reported, tl.leads_expected);
        let leads = plural(of, "leading agency", "leading agencies");
        let have = plural(if heard == 0 { of } else { heard }, "has", "have");
        parts.push(t!(
            "{heard}/{of} đơn vị chủ trì đã báo cáo",
            "{heard} of {of} {leads} {have} reported"
        ));
    }
    if tl.status.done < tl.reports {
        let (left, n) = (tl.reports - tl.status.done, tl.reports);
        let agencies = plural(n, "reporting agency", "reporting agencies");
        parts.push(t!(
            "{left}/{n} đơn vị báo cáo chưa hoàn thành",
            "{left} of {n} {agencies} not done"
        ));
    }
    let parts: Vec<&str> = parts.iter().map(|p| p.get(lang)).collect();
    parts.join("; ")
}

/// Part V: the tasks not yet done, whole, in a table.
pub fn next_period(k: &Consolidation, lang: Lang) -> Vec<Block> {
    let plan = k.cycle.plan;
    let open: Vec<_> = k.period_tasks().filter(|t| !t.completed()).collect();
    if open.is_empty() {
        return vec![draft(lang.pick(
            "Các nhiệm vụ của Kế hoạch đã được các đơn vị báo cáo hoàn thành. [Cán bộ tổng hợp nêu nhiệm vụ kỳ tới.]",
            "Every task of the Plan was reported done. [The officer states the tasks for the next period.]",
        ))];
    }
    let n = open.len();
    let tasks = plural(n, "task", "tasks");
    let mut out = vec![Block::para(
        t!(
            "Tiếp tục triển khai {n} nhiệm vụ của Kế hoạch chưa hoàn thành trong kỳ (chưa có đơn vị báo cáo, còn đơn vị chủ trì chưa báo cáo, hoặc còn đơn vị báo cáo chưa hoàn thành), cụ thể:",
            "Carry on the {n} {tasks} of the Plan not completed in the period (no report yet, leading agencies yet to report, or some agency reporting not done):"
        )
        .get(lang),
    )];
    let rows = open
        .iter()
        .map(|tl| {
            let task = &plan.tasks[tl.task];
            let state = open_state(k, tl, lang);
            vec![
                task.id.clone(),
                task.text.split_whitespace().collect::<Vec<_>>().join(" "),
                state,
            ]
        })
        .collect();
    out.push(Block::Table(Table {
        title: lang
            .pick("Nhiệm vụ chưa hoàn thành", "Tasks not completed")
            .into(),
        header: vec![
            lang.pick("Nhiệm vụ của Kế hoạch", "Task of the Plan")
                .into(),
            lang.pick("Nội dung", "Text").into(),
            lang.pick("Tình hình trong kỳ", "This period").into(),
        ],
        numeric: vec![false, false, false],
        rows,
    }));
    out
}
