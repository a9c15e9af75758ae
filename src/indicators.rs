//! Indicators consolidated: for each of the plan's indicators, the province's figure from the
//! counted rows, the milestone that applies to the plan's year, and its verdict: met, not yet
//! (the milestone still ahead), or not met (the milestone due). Pure; every output prints the
//! verdict decided here.

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
    /// The agencies asked to report it (the indicator's reporters).
    pub expected: usize,
    /// Those of them whose figure is not among the rows counted, in the plan's order: the
    /// province's value is the others' alone.
    pub missing: Vec<AgencyIdx>,
    /// A ratio's summed numerator and denominator.
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    /// The province's figure: the ratio (× scale), the sum, or the single value.
    pub value: Option<f64>,
    /// The milestone that applies: year and target.
    pub target: Option<(i32, f64)>,
    /// How the value stands against the milestone (`None` without a value or a target).
    pub verdict: Option<Verdict>,
    /// value − target.
    pub distance: Option<f64>,
}

/// A figure against the milestone that applies. Before the milestone's year a figure short
/// of its target is on its way, not a failure: only in the milestone's year or after it is it
/// not achieved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The value meets the target.
    Achieved,
    /// It does not yet, and the milestone's year is after the plan's: still ahead.
    OnTheWay,
    /// It does not, and the milestone's year is the plan's or has passed.
    NotAchieved,
}

impl Verdict {
    /// The verdict on a value that meets its target or not (`met`), against a milestone of
    /// `milestone_year`, in a plan of `year`, by a report that closes the plan's year or not
    /// (`closes_year`: the year's last report, see [`Plan::closes_year`]). Short of the
    /// milestone is a failure only once its year is over: in a later year, or in the last
    /// report of its own year; the six-month report of the milestone's year is still on the way.
    pub fn of(met: bool, milestone_year: i32, year: i32, closes_year: bool) -> Self {
        let ahead = milestone_year > year || (milestone_year == year && !closes_year);
        match (met, ahead) {
            (true, _) => Verdict::Achieved,
            (false, true) => Verdict::OnTheWay,
            (false, false) => Verdict::NotAchieved,
        }
    }

    /// Its stable name in the JSON (`"verdict"`).
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Achieved => "achieved",
            Verdict::OnTheWay => "on_the_way",
            Verdict::NotAchieved => "not_achieved",
        }
    }
}

impl IndicatorResult {
    /// The value meets the target (`None` without a value or a target): the JSON's
    /// `achieved`, whatever the milestone's year.
    pub fn achieved(&self) -> Option<bool> {
        self.verdict.map(|v| v == Verdict::Achieved)
    }
}

/// Rounds away the last bits of binary arithmetic, so that 12 / 40 × 100 reads 30.
fn tidy(v: f64) -> f64 {
    (v * 1e9).round() / 1e9
}

/// The results of the indicators `period` asks, for the plan's `year`, from `rows` (agency,
/// row), in plan order.
pub fn results(
    plan: &Plan,
    year: i32,
    period: &str,
    rows: &[(AgencyIdx, &IndicatorRow)],
) -> Vec<IndicatorResult> {
    let closes_year = plan.closes_year(period);
    plan.indicators
        .iter()
        .enumerate()
        .filter(|(_, ind)| ind.in_period(period))
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
            let verdict = (value.zip(target))
                .map(|(v, (y, t))| Verdict::of(ind.direction.met(v, t), y, year, closes_year));
            let gave: std::collections::HashSet<AgencyIdx> = mine.iter().map(|(a, _)| *a).collect();
            let missing = (ind.reporters.iter().copied())
                .filter(|a| !gave.contains(a))
                .collect();
            IndicatorResult {
                indicator: i,
                reporters: mine.len(),
                expected: ind.reporters.len(),
                missing,
                numerator,
                denominator,
                value,
                target,
                verdict,
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
        let ok = r.usable() && r.period_id(c.plan) == Some(&c.period.id);
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
                "reporters_expected": r.expected,
                "missing_reporters": r.missing.iter().map(|&a| &plan.agencies[a].id).collect::<Vec<_>>(),
                "numerator": r.numerator,
                "denominator": r.denominator,
                "value": r.value,
                "target": r.target.map(|t| t.1),
                "target_year": r.target.map(|t| t.0),
                "achieved": r.achieved(),
                "verdict": r.verdict.map(Verdict::code),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/indicators/plan.yaml"
        );
        crate::plan::load(std::path::Path::new(path)).unwrap().0
    }

    fn row(indicator: usize, n: Option<f64>, d: Option<f64>, v: Option<f64>) -> IndicatorRow {
        IndicatorRow {
            line: 2,
            indicator,
            numerator: n,
            denominator: d,
            value: v,
            note: String::new(),
        }
    }

    #[test]
    fn ratios_sum_before_dividing_counts_sum_values_take_the_first_reporter() {
        let p = plan();
        let (r1, c1, v1) = (0, 1, 2);
        assert_eq!(p.indicators[r1].id, "R1");
        let rows = [
            row(r1, Some(1.0), Some(4.0), None),
            row(r1, Some(9.0), Some(16.0), None),
            row(c1, None, None, Some(3.0)),
            row(c1, None, None, Some(4.5)),
            row(v1, None, None, Some(111.0)),
            row(v1, None, None, Some(105.0)),
        ];
        // V1's reporter is SYT (1): its 105 counts, not SLDTBXH's (0) 111.
        let by = [0, 1, 0, 1, 0, 1];
        let rows: Vec<(AgencyIdx, &IndicatorRow)> = by.into_iter().zip(&rows).collect();
        let r = results(&p, 2021, "2021-H1", &rows);
        // (1 + 9) / (4 + 16) × 100 = 50, not the mean of 25 and 56.25.
        assert_eq!(
            (r[0].numerator, r[0].denominator, r[0].value),
            (Some(10.0), Some(20.0), Some(50.0))
        );
        assert_eq!(
            (r[0].verdict, r[0].distance),
            (Some(Verdict::OnTheWay), Some(-10.0))
        );
        assert_eq!((r[1].value, r[1].reporters), (Some(7.5), 2));
        assert_eq!(
            (r[2].value, r[2].verdict),
            (Some(105.0), Some(Verdict::Achieved))
        );
    }

    #[test]
    fn no_rows_no_value_and_no_judgement() {
        let p = plan();
        let zero = [row(0, Some(0.0), Some(0.0), None)];
        let rows: Vec<(AgencyIdx, &IndicatorRow)> = vec![(0, &zero[0])];
        let r = results(&p, 2021, "2021-H1", &rows);
        assert_eq!(
            (r[0].value, r[0].verdict, r[0].distance),
            (None, None, None)
        );
        assert_eq!(r[0].target, Some((2025, 60.0)));
        assert_eq!((r[1].value, r[1].reporters), (None, 0));
    }

    #[test]
    fn short_of_a_milestone_still_ahead_is_on_the_way_and_in_or_after_its_year_not_achieved() {
        use Verdict::*;
        // (met, milestone's year, plan's year, the year's last report) → verdict
        for (met, milestone, year, last, verdict) in [
            (true, 2025, 2021, true, Achieved),
            (true, 2025, 2025, false, Achieved),
            (true, 2030, 2031, true, Achieved),
            (false, 2025, 2021, true, OnTheWay),
            (false, 2025, 2024, true, OnTheWay),
            // The milestone's own year: its six-month report is still on the way.
            (false, 2025, 2025, false, OnTheWay),
            (false, 2025, 2025, true, NotAchieved),
            (false, 2030, 2031, false, NotAchieved),
            (false, 2030, 2031, true, NotAchieved),
        ] {
            assert_eq!(
                Verdict::of(met, milestone, year, last),
                verdict,
                "{milestone} {year} {last}"
            );
        }
        let codes = [Achieved, OnTheWay, NotAchieved].map(Verdict::code);
        assert_eq!(codes, ["achieved", "on_the_way", "not_achieved"]);
    }

    #[test]
    fn only_the_indicators_the_period_asks() {
        let mut p = plan();
        p.indicators[1].periods = vec!["2021-Y".into()];
        let rows = [row(1, None, None, Some(3.0))];
        let rows: Vec<(AgencyIdx, &IndicatorRow)> = vec![(0, &rows[0])];
        let ids = |r: &[IndicatorResult]| r.iter().map(|x| x.indicator).collect::<Vec<_>>();
        assert_eq!(ids(&results(&p, 2021, "2021-H1", &rows)), [0, 2]);
        let r = results(&p, 2021, "2021-Y", &rows);
        assert_eq!((ids(&r), r[0].value), (vec![1], Some(3.0)));
    }
}
