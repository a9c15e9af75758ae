//! The report's part on indicators ("Kết quả thực hiện các chỉ tiêu"): how many meet the
//! milestone that applies, fall short of one still ahead or of one due, and a table of every
//! indicator against its target. The verdicts' words, for every output, are here.

use super::doc::{Block, Table};
use crate::consolidate::Consolidation;
use crate::indicators::{number, target_text, IndicatorResult, Verdict};
use crate::lang::Lang;
use crate::plan::indicators::Direction;
use crate::t;

/// A figure as the document's language writes it: `108,5` in Vietnamese.
fn figure(v: Option<f64>, lang: Lang) -> String {
    match (v, lang) {
        (None, _) => "—".into(),
        (Some(v), Lang::Vi) => number(v).replace('.', ","),
        (Some(v), Lang::En) => number(v),
    }
}

/// The milestone as the document's language writes it, "≥ 1,7 (2025)" in Vietnamese (where
/// "1.7" would read as a thousands separator), or "—" without one.
fn target(direction: Direction, target: Option<(i32, f64)>, lang: Lang) -> String {
    target.map_or("—".to_string(), |(y, t)| {
        let t = target_text(direction, t);
        let t = match lang {
            Lang::Vi => t.replace('.', ","),
            Lang::En => t,
        };
        format!("{t} ({y})")
    })
}

/// The verdict's words, short enough for a table cell: "Đạt", "Chưa đạt mốc 2025" (short of a
/// milestone still ahead: not a failure), "Không đạt" (short of a milestone due or passed), or
/// "—" (no figure or no target). Every output words it here. The English "Not yet" leaves the
/// year to the target beside it: no wider than "Not achieved", it takes no room from the text
/// table's other columns; the Vietnamese one wraps between its words ("Chưa đạt / mốc 2025").
pub(crate) fn verdict_label(r: &IndicatorResult, lang: Lang) -> String {
    match (r.verdict, r.target) {
        (Some(Verdict::Achieved), _) => lang.pick("Đạt", "Achieved").into(),
        (Some(Verdict::OnTheWay), Some((y, _))) => {
            lang.pick(&format!("Chưa đạt mốc {y}"), "Not yet").into()
        }
        (Some(Verdict::NotAchieved), _) => lang.pick("Không đạt", "Not achieved").into(),
        _ => "—".into(),
    }
}

/// The part's opening sentence: how many indicators have a figure, and of those how many meet
/// their target, fall short of a milestone still ahead, or of one due (the verdicts of the
/// table; a count of none is left out).
fn summary(k: &Consolidation, lang: Lang) -> String {
    let total = k.indicators.len();
    let with_figure = k.indicators.iter().filter(|r| r.value.is_some()).count();
    let of = |v: Verdict| k.indicators.iter().filter(move |r| r.verdict == Some(v));
    let (met, ahead, due) = (
        of(Verdict::Achieved).count(),
        of(Verdict::OnTheWay).count(),
        of(Verdict::NotAchieved).count(),
    );
    // The milestone ahead by its year when they share one, else the table says it.
    let mut years = of(Verdict::OnTheWay).filter_map(|r| r.target.map(|t| t.0));
    let first = years.next();
    let when = match first.filter(|&y| years.all(|x| x == y)) {
        Some(y) => t!("năm {y}", "({y})"),
        None => t!("(năm của mốc ghi trong bảng)", "(its year is in the table)"),
    };
    let when = when.get(lang);
    // English says "1 meets", "2 meet".
    let en = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut parts = Vec::new();
    if met > 0 {
        let vi = format!("{met} chỉ tiêu đạt mục tiêu");
        parts.push((vi, en(met, "meets its target", "meet their target")));
    }
    if ahead > 0 {
        let vi = format!("{ahead} chỉ tiêu chưa đạt, còn thời gian phấn đấu đến mốc {when}");
        let short = en(ahead, "falls short", "fall short");
        parts.push((vi, format!("{short} of a milestone still ahead {when}")));
    }
    if due > 0 {
        let vi = format!("{due} chỉ tiêu không đạt mục tiêu của mốc đã đến hạn");
        let short = en(due, "falls short", "fall short");
        parts.push((vi, format!("{short} of a milestone now due")));
    }
    let have = en(
        with_figure,
        "has a reported figure",
        "have reported figures",
    );
    let mut s = lang
        .pick(
            &format!("Trong {total} chỉ tiêu của Kế hoạch báo cáo trong kỳ này, {with_figure} chỉ tiêu có số liệu báo cáo"),
            &format!("Of the plan's {total} indicators reported this period, {have}"),
        )
        .to_string();
    if !parts.is_empty() {
        let parts: Vec<&str> = parts.iter().map(|(vi, en)| lang.pick(vi, en)).collect();
        s += lang.pick(", trong đó: ", ": ");
        s += &parts.join("; ");
    }
    s.push('.');
    s
}

/// The part's blocks: a summary sentence and the table (nothing when the plan has none).
pub fn part(k: &Consolidation, lang: Lang) -> Vec<Block> {
    let plan = k.cycle.plan;
    let rows = (k.indicators.iter())
        .map(|r| {
            let ind = &plan.indicators[r.indicator];
            let target = target(ind.direction, r.target, lang);
            vec![
                format!("{} {}", ind.id, ind.name_in(lang)),
                ind.unit_in(lang).to_string(),
                figure(r.value, lang),
                target,
                verdict_label(r, lang),
                reporters(r),
            ]
        })
        .collect();
    let header = [
        lang.pick("Chỉ tiêu", "Indicator"),
        lang.pick("ĐVT", "Unit"),
        lang.pick("Kết quả", "Value"),
        lang.pick("Mục tiêu (năm)", "Target (year)"),
        lang.pick("Đánh giá", "Assessment"),
        lang.pick("Đơn vị báo cáo", "Reporters"),
    ]
    .map(String::from)
    .to_vec();
    let mut blocks = vec![
        Block::para(summary(k, lang)),
        Block::Table(Table {
            title: lang
                .pick(
                    "Bảng. Kết quả thực hiện các chỉ tiêu",
                    "Table. Indicators against targets",
                )
                .into(),
            header,
            numeric: vec![false, false, true, true, false, true],
            rows,
        }),
    ];
    blocks.extend(missing_reporters(k, lang).map(Block::para));
    blocks
}

/// "4/8": the agencies whose figure counts, of those asked (just "4" when none is named).
fn reporters(r: &IndicatorResult) -> String {
    match r.expected {
        0 => r.reporters.to_string(),
        n => format!("{}/{n}", r.reporters),
    }
}

/// Under the table, when some agencies asked gave no figure: who, and for which indicators,
/// so that a figure from part of the province is not read as the whole province's.
fn missing_reporters(k: &Consolidation, lang: Lang) -> Option<String> {
    let plan = k.cycle.plan;
    // By agency, in the plan's order.
    let mut by_agency: std::collections::BTreeMap<usize, Vec<&str>> = Default::default();
    for r in &k.indicators {
        for &a in &r.missing {
            let id = plan.indicators[r.indicator].id.as_str();
            by_agency.entry(a).or_default().push(id);
        }
    }
    if by_agency.is_empty() {
        return None;
    }
    let list: Vec<String> = (by_agency.iter())
        .map(|(a, ids)| format!("{} ({})", plan.agencies[*a].name_in(lang), ids.join(", ")))
        .collect();
    let list = list.join("; ");
    Some(
        t!(
            "Chưa có số liệu chỉ tiêu của: {list}. Kết quả của các chỉ tiêu này chỉ tính từ các đơn vị đã báo cáo (cột “Đơn vị báo cáo”).",
            "No indicator figures yet from: {list}. These indicators' results count only the agencies that reported (column “Reporters”)."
        )
        .get(lang)
        .to_string(),
    )
}

/// How much of an indicator's name the terminal summary shows.
const SUMMARY_NAME_CHARS: usize = 48;

/// The terminal summary's lines: one per indicator, its id and name shortened, then
/// "30 % — ≥ 60 (2025): Chưa đạt mốc 2025".
pub fn summary_rows(k: &Consolidation, lang: Lang) -> Vec<(String, String)> {
    let plan = k.cycle.plan;
    (k.indicators.iter())
        .map(|r| {
            let ind = &plan.indicators[r.indicator];
            let target = target(ind.direction, r.target, lang);
            let value = format!("{} {}", figure(r.value, lang), ind.unit_in(lang));
            let label = verdict_label(r, lang);
            let name = crate::text::shorten_words(ind.name_in(lang), SUMMARY_NAME_CHARS);
            // Said only when some agency asked gave no figure: "— 4/8 đơn vị".
            let part = match r.reporters < r.expected {
                true => format!(
                    " — {}/{} {}",
                    r.reporters,
                    r.expected,
                    lang.pick("đơn vị", "agencies")
                ),
                false => String::new(),
            };
            (
                format!("{} {name}", ind.id),
                format!("{value} — {target}: {label}{part}"),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_in_each_language() {
        let t = |d, v, lang| target(d, v, lang);
        assert_eq!(
            t(Direction::AtMost, Some((2025, 1.7)), Lang::Vi),
            "≤ 1,7 (2025)"
        );
        assert_eq!(
            t(Direction::AtMost, Some((2025, 1.7)), Lang::En),
            "≤ 1.7 (2025)"
        );
        assert_eq!(
            t(Direction::AtLeast, Some((2030, 60.0)), Lang::Vi),
            "≥ 60 (2030)"
        );
        assert_eq!(t(Direction::AtLeast, None, Lang::Vi), "—");
    }
}
