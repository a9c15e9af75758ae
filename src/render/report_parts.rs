//! Parts III–V of the consolidated report: the assessment drafted from the figures (marked for
//! the officer to finish), the agencies' difficulties and proposals, next-period tasks.

use super::doc::{Block, ParaStyle, Table};
use super::report_doc::figures_sentence;
use crate::consolidate::Consolidation;
use crate::lang::Lang;
use crate::number::percent;
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
    let done = k.period_tasks().filter(|t| t.status.done > 0).count();
    // A task reported on only in files held back (a conflict) is not "without a report".
    let unreported = (k.period_tasks())
        .filter(|t| t.reports == 0 && super::report_held::on_task(k, t.task, lang).is_empty())
        .count();
    let not_started = k
        .period_tasks()
        .filter(|t| t.status.not_started > 0)
        .count();
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
        "Các cơ quan, đơn vị, địa phương đã triển khai các nhiệm vụ của Kế hoạch; {rate} đơn vị gửi báo cáo; {done}/{total} nhiệm vụ có ít nhất một đơn vị báo cáo đã hoàn thành",
        "The agencies carried out the tasks of the Plan; {rate} of them reported; {done} of {total} tasks were reported done by at least one agency"
    )
    .get(lang)
    .to_string();
    if let Some(f) = figures_sentence(&k.totals, lang) {
        s += t!("; tổng cộng {f}", "; in all, {f}").get(lang);
    }
    s.push('.');
    out.push(draft(s));
    out.push(sub(2, "Hạn chế", "Shortcomings", lang));
    let (late, missing, rejected) = (n.late, n.missing, n.rejected);
    let rejected = if rejected > 0 {
        t!(
            ", {rejected} đơn vị có báo cáo bị loại",
            " ({rejected} more sent reports that were rejected)"
        )
        .get(lang)
        .to_string()
    } else {
        String::new()
    };
    out.push(draft(t!(
        "{late} đơn vị gửi báo cáo trễ hạn, {missing} đơn vị chưa gửi báo cáo{rejected}; {unreported}/{total} nhiệm vụ chưa có đơn vị nào báo cáo; {not_started} nhiệm vụ có đơn vị báo cáo chưa thực hiện.",
        "{late} agencies reported late and {missing} have not reported{rejected}; {unreported} of {total} tasks have no report; {not_started} tasks were reported not started by some agency."
    ).get(lang)));
    out.push(sub(3, "Nguyên nhân", "Causes", lang));
    // The difficulties' part follows the indicators' part when the plan has indicators.
    let part = if k.cycle.plan.indicators.is_empty() {
        "IV"
    } else {
        "V"
    };
    let stated = if with_difficulties > 0 {
        t!(
            "{with_difficulties} đơn vị nêu khó khăn, vướng mắc (phần {part} của báo cáo này).",
            "{with_difficulties} agencies state difficulties (part {part} of this report)."
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

/// Part V: the tasks not yet done, whole, in a table.
pub fn next_period(k: &Consolidation, lang: Lang) -> Vec<Block> {
    let plan = k.cycle.plan;
    let open: Vec<_> = k
        .period_tasks()
        .filter(|t| t.reports == 0 || t.status.done < t.reports)
        .collect();
    if open.is_empty() {
        return vec![draft(lang.pick(
            "Các nhiệm vụ của Kế hoạch đã được các đơn vị báo cáo hoàn thành. [Cán bộ tổng hợp nêu nhiệm vụ kỳ tới.]",
            "Every task of the Plan was reported done. [The officer states the tasks for the next period.]",
        ))];
    }
    let n = open.len();
    let mut out = vec![Block::para(
        t!(
            "Tiếp tục triển khai {n} nhiệm vụ của Kế hoạch chưa hoàn thành trong kỳ (chưa có đơn vị báo cáo, hoặc còn đơn vị báo cáo chưa hoàn thành), cụ thể:",
            "Carry on the {n} tasks of the Plan not completed in the period (no report yet, or some agency reporting them not done):"
        )
        .get(lang),
    )];
    let rows = open
        .iter()
        .map(|tl| {
            let task = &plan.tasks[tl.task];
            let held = super::report_held::names_on_task(k, tl.task, lang);
            let state = if tl.reports == 0 && !held.is_empty() {
                let names = held.join(", ");
                t!(
                    "số liệu của {names} chưa được tính (các báo cáo khác nhau cùng ngày)",
                    "the figures of the {names} held back (different reports with the same date)"
                )
                .get(lang)
                .to_string()
            } else if tl.reports == 0 {
                lang.pick("chưa có đơn vị báo cáo", "no report yet")
                    .to_string()
            } else {
                let (left, n) = (tl.reports - tl.status.done, tl.reports);
                t!(
                    "{left}/{n} đơn vị báo cáo chưa hoàn thành",
                    "{left} of {n} reporting agencies not done"
                )
                .get(lang)
                .to_string()
            };
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
