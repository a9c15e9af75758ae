//! Indicators consolidated: for each of the plan's indicators, the province's figure from the
//! counted rows, the milestone that applies to the plan's year, and whether it is met. Pure.

use crate::cycle::Cycle;
use crate::plan::indicators::{Direction, IndicatorKind};
use crate::plan::{AgencyIdx, Plan};
use crate::report::IndicatorRow;

/// One indicator's result.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorResult {
    /// The indicator, as an index into the plan's indicators.
    pub indicator: usize,
    /// Rows counted (one per reporting agency).
    pub reporters: usize,
    /// A ratio's summed numerator and denominator.
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    /// The province's figure: the ratio (× scale), the sum, or the single value.
    pub value: Option<f64>,
    /// The milestone that applies: year and target.
    pub target: Option<(i32, f64)>,
    /// The value meets the target (`None` without a value or a target).
    pub achieved: Option<bool>,
    /// value − target.
    pub distance: Option<f64>,
}

/// Rounds away the last bits of binary arithmetic, so that 12 / 40 × 100 reads 30.
fn tidy(v: f64) -> f64 {
    (v * 1e9).round() / 1e9
}

/// The indicators' results for the plan's `year`, from `rows` (agency, row), in plan order.
pub fn results(
    plan: &Plan,
    year: i32,
    rows: &[(AgencyIdx, &IndicatorRow)],
) -> Vec<IndicatorResult> {
    plan.indicators
        .iter()
        .enumerate()
        .map(|(i, ind)| {
            let mine: Vec<&(AgencyIdx, &IndicatorRow)> =
                rows.iter().filter(|(_, r)| r.indicator == i).collect();
            let sum = |f: fn(&IndicatorRow) -> Option<f64>| -> Option<f64> {
                let v: Vec<f64> = mine.iter().filter_map(|(_, r)| f(r)).collect();
                (!v.is_empty()).then(|| v.iter().sum())
            };
            let (numerator, denominator, value) = match &ind.kind {
                IndicatorKind::Ratio { scale, .. } => {
                    let (n, d) = (sum(|r| r.numerator), sum(|r| r.denominator));
                    let v = match (n, d) {
                        (Some(n), Some(d)) if d > 0.0 => Some(tidy(n / d * scale)),
                        _ => None,
                    };
                    (n, d, v)
                }
                IndicatorKind::Count => (None, None, sum(|r| r.value)),
                // One agency's figure: the first of the indicator's reporters who gave it.
                IndicatorKind::Value => {
                    let rank = |a: AgencyIdx| ind.reporters.iter().position(|&x| x == a);
                    let first = mine
                        .iter()
                        .min_by_key(|(a, _)| (rank(*a).is_none(), rank(*a), *a));
                    (None, None, first.and_then(|(_, r)| r.value))
                }
            };
            let target = ind.milestone(year);
            let achieved = value.zip(target).map(|(v, (_, t))| ind.direction.met(v, t));
            IndicatorResult {
                indicator: i,
                reporters: mine.len(),
                numerator,
                denominator,
                value,
                target,
                achieved,
                distance: value.zip(target).map(|(v, (_, t))| tidy(v - t)),
            }
        })
        .collect()
}

/// The indicator rows that count in a cycle: of each agency's usable files of the period that
/// give indicators, the latest (by report date, then file name) — as for tasks.
pub fn counted_rows<'c>(c: &'c Cycle) -> Vec<(AgencyIdx, &'c IndicatorRow)> {
    let mut latest: std::collections::BTreeMap<AgencyIdx, usize> = Default::default();
    for (i, r) in c.reports.iter().enumerate() {
        let ok = r.usable() && r.period.as_deref() == Some(&c.period.id);
        let (true, Some(a), false) = (ok, r.agency, r.indicators.is_empty()) else {
            continue;
        };
        let newer = |j: usize| {
            let o = &c.reports[j];
            (r.submitted_on, &r.file) > (o.submitted_on, &o.file)
        };
        if latest.get(&a).is_none_or(|&j| newer(j)) {
            latest.insert(a, i);
        }
    }
    latest
        .into_iter()
        .flat_map(|(a, i)| c.reports[i].indicators.iter().map(move |r| (a, r)))
        .collect()
}

/// The results as the consolidate JSON's `indicators` array.
pub fn to_json(plan: &Plan, results: &[IndicatorResult]) -> serde_json::Value {
    use serde_json::json;
    results
        .iter()
        .map(|r| {
            let ind = &plan.indicators[r.indicator];
            json!({
                "id": ind.id,
                "kind": ind.kind.name(),
                "unit": ind.unit,
                "direction": ind.direction.name(),
                "reporters": r.reporters,
                "numerator": r.numerator,
                "denominator": r.denominator,
                "value": r.value,
                "target": r.target.map(|t| t.1),
                "target_year": r.target.map(|t| t.0),
                "achieved": r.achieved,
                "distance": r.distance,
                "source": ind.source.as_ref().map(|s| json!({
                    "resolution": s.resolution, "goal": s.goal, "target": s.target,
                })),
            })
        })
        .collect()
}

/// "≥ 60" or "≤ 30": the target with its direction.
pub fn target_text(direction: Direction, target: f64) -> String {
    let sign = match direction {
        Direction::AtLeast => "≥",
        Direction::AtMost => "≤",
    };
    format!("{sign} {}", number(target))
}

/// A figure as documents show it: up to two decimals, no trailing zeros.
pub fn number(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}
