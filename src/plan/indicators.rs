//! Indicators: the figures a plan measures against targets by year (Resolution 28/NQ-CP's
//! national set, or a province's own). The file types as written, and the validated model.

use super::AgencyIdx;
use serde::Deserialize;
use std::collections::BTreeMap;

/// An indicator as written, in a plan's `indicators:` or an included file's. An entry with
/// only `id` and `reporters` names who reports an indicator defined in an included file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorFile {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub name_en: Option<String>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub unit_en: Option<String>,
    /// `ratio`, `count` or `value`.
    #[serde(default)]
    pub kind: Option<String>,
    /// For a ratio: what the numerator counts.
    #[serde(default)]
    pub numerator: Option<String>,
    /// For a ratio: what the denominator counts.
    #[serde(default)]
    pub denominator: Option<String>,
    /// A ratio is multiplied by this (100 for a percentage, the default when the unit is `%`).
    #[serde(default)]
    pub scale: Option<f64>,
    /// `at_least` or `at_most`.
    #[serde(default)]
    pub direction: Option<String>,
    /// Target by year: `2025: 60`.
    #[serde(default)]
    pub targets: BTreeMap<i32, f64>,
    /// The range outside which a reported figure is implausible: `[0, 100]` (the default for `%`).
    #[serde(default)]
    pub plausible: Option<[f64; 2]>,
    #[serde(default)]
    pub source: Option<SourceFile>,
    /// Who reports it: agency or group ids, or `all`.
    #[serde(default)]
    pub reporters: Option<Vec<String>>,
    /// The plan's periods whose reports ask it (default: the annual report, see
    /// [`annual_periods`]).
    #[serde(default)]
    pub periods: Option<Vec<String>>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    /// The document: `28/NQ-CP`.
    pub resolution: String,
    /// The goal's number (mục tiêu).
    pub goal: u32,
    /// The target's number within its goal (chỉ tiêu), as written: `1`, `2a`.
    pub target: String,
}

/// A file a plan includes: more indicators (and more includes).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncludedFile {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub include: Vec<String>,
    #[serde(default)]
    pub indicators: Vec<IndicatorFile>,
}

/// How an indicator's province figure is formed from the reporters' rows.
#[derive(Debug, Clone, PartialEq)]
pub enum IndicatorKind {
    /// Numerators and denominators summed over reporters, then divided (× `scale`).
    Ratio {
        numerator: String,
        denominator: String,
        scale: f64,
    },
    /// Values summed over reporters.
    Count,
    /// One value, reported by one agency.
    Value,
}

impl IndicatorKind {
    pub fn name(&self) -> &'static str {
        match self {
            IndicatorKind::Ratio { .. } => "ratio",
            IndicatorKind::Count => "count",
            IndicatorKind::Value => "value",
        }
    }
}

/// Whether a target is a floor or a ceiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    AtLeast,
    AtMost,
}

impl Direction {
    pub fn name(self) -> &'static str {
        match self {
            Direction::AtLeast => "at_least",
            Direction::AtMost => "at_most",
        }
    }

    /// Does `value` meet `target`?
    pub fn met(self, value: f64, target: f64) -> bool {
        match self {
            Direction::AtLeast => value >= target,
            Direction::AtMost => value <= target,
        }
    }
}

/// Where an indicator comes from: resolution, goal and target number.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub resolution: String,
    pub goal: u32,
    pub target: String,
}

#[derive(Debug, Clone)]
pub struct Indicator {
    pub id: String,
    pub name: String,
    pub name_en: Option<String>,
    pub unit: String,
    pub unit_en: Option<String>,
    pub kind: IndicatorKind,
    pub direction: Direction,
    /// Targets by year, earliest first.
    pub targets: Vec<(i32, f64)>,
    pub plausible: Option<(f64, f64)>,
    pub source: Option<Source>,
    /// Who reports it, in plan order.
    pub reporters: Vec<AgencyIdx>,
    /// The ids of the periods whose reports ask it, in plan order.
    pub periods: Vec<String>,
}

impl Indicator {
    /// The milestone that applies to `year`: the first target year not before it; after the
    /// last one, the last one.
    pub fn milestone(&self, year: i32) -> Option<(i32, f64)> {
        self.targets
            .iter()
            .find(|(y, _)| *y >= year)
            .or(self.targets.last())
            .copied()
    }

    /// A share: a ratio in percent, whose numerator counts part of what its denominator counts,
    /// so can never exceed it. A ratio of two amounts (boys born per 100 girls, women's hours
    /// as a multiple of men's) is not one, whatever its scale.
    pub fn is_share(&self) -> bool {
        matches!(self.kind, IndicatorKind::Ratio { .. }) && self.unit.contains('%')
    }

    /// Does a report for `period` ask this indicator?
    pub fn in_period(&self, period: &str) -> bool {
        self.periods.iter().any(|p| p == period)
    }

    pub fn unit_in(&self, lang: crate::lang::Lang) -> &str {
        match lang {
            crate::lang::Lang::En => self.unit_en.as_deref().unwrap_or(&self.unit),
            crate::lang::Lang::Vi => &self.unit,
        }
    }

    pub fn name_in(&self, lang: crate::lang::Lang) -> &str {
        match lang {
            crate::lang::Lang::En => self.name_en.as_deref().unwrap_or(&self.name),
            crate::lang::Lang::Vi => &self.name,
        }
    }
}

/// The periods that ask indicators when the plan does not say: the annual report, read as the
/// period(s) due last in the plan (the year's report closes the year; a six-month report comes
/// before it). Indicators are collected once a year (guidance 2792/LĐTBXH-BĐG).
pub fn annual_periods(periods: &[super::Period]) -> Vec<String> {
    let last = periods.iter().map(|p| p.due).max();
    (periods.iter())
        .filter(|p| Some(p.due) == last)
        .map(|p| p.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_targets(t: &[(i32, f64)]) -> Indicator {
        Indicator {
            id: "X".into(),
            name: "x".into(),
            name_en: None,
            unit: "%".into(),
            unit_en: None,
            kind: IndicatorKind::Count,
            direction: Direction::AtLeast,
            targets: t.to_vec(),
            plausible: None,
            source: None,
            reporters: vec![],
            periods: vec![],
        }
    }

    #[test]
    fn the_milestone_is_the_next_not_yet_passed_then_the_last() {
        let i = with_targets(&[(2025, 60.0), (2030, 75.0)]);
        assert_eq!(i.milestone(2021), Some((2025, 60.0)));
        assert_eq!(i.milestone(2025), Some((2025, 60.0)));
        assert_eq!(i.milestone(2026), Some((2030, 75.0)));
        assert_eq!(i.milestone(2030), Some((2030, 75.0)));
        assert_eq!(i.milestone(2031), Some((2030, 75.0)));
        assert_eq!(with_targets(&[]).milestone(2021), None);
    }

    #[test]
    fn directions() {
        assert!(Direction::AtLeast.met(60.0, 60.0));
        assert!(!Direction::AtLeast.met(59.9, 60.0));
        assert!(Direction::AtMost.met(30.0, 30.0));
        assert!(!Direction::AtMost.met(30.1, 30.0));
    }

    #[test]
    fn by_default_the_periods_due_last_ask_indicators() {
        let period = |id: &str, due: (u32, u32)| super::super::Period {
            id: id.into(),
            name: id.into(),
            name_en: None,
            due: chrono::NaiveDate::from_ymd_opt(2021, due.0, due.1).unwrap(),
            on_due_date: super::super::OnDueDate::OnTime,
            window: None,
            reporters: vec![],
        };
        let h1 = period("2021-H1", (6, 10));
        let y = period("2021-Y", (12, 10));
        assert_eq!(annual_periods(&[h1.clone(), y.clone()]), ["2021-Y"]);
        assert_eq!(annual_periods(std::slice::from_ref(&h1)), ["2021-H1"]);
        assert!(annual_periods(&[]).is_empty());
        let mut i = with_targets(&[]);
        i.periods = vec!["2021-Y".into()];
        assert!(i.in_period("2021-Y") && !i.in_period("2021-H1"));
    }
}
