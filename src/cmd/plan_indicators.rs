//! `plan show`'s indicators: a table for people, the CSV of `plan show --indicators`, and the
//! JSON's `indicators` array (id, name, kind, unit, direction, targets by year, source,
//! reporters, periods).

use crate::emit::{Column, Listing};
use crate::indicators::number;
use crate::lang::Lang;
use crate::plan::indicators::Indicator;
use crate::plan::Plan;
use serde_json::{json, Value};

const COLUMNS: [Column; 9] = [
    Column::new("indicator", "Mã", "Id"),
    Column::new("name", "Chỉ tiêu", "Indicator"),
    Column::new("kind", "Loại", "Kind"),
    Column::new("unit", "Đơn vị tính", "Unit"),
    Column::new("direction", "Chiều", "Direction"),
    Column::new("targets", "Mục tiêu theo năm", "Targets by year"),
    Column::new("source", "Nguồn", "Source"),
    Column::new("reporters", "Đơn vị báo cáo", "Reporters"),
    Column::new("periods", "Kỳ báo cáo", "Periods"),
];

/// The indicators `agency` reports (every one when `None`), in plan order.
pub fn of(plan: &Plan, agency: Option<usize>) -> Vec<&Indicator> {
    (plan.indicators.iter())
        .filter(|i| agency.is_none_or(|a| i.reporters.contains(&a)))
        .collect()
}

fn ids<'p>(plan: &'p Plan, reporters: &[usize]) -> Vec<&'p str> {
    reporters
        .iter()
        .map(|&a| plan.agencies[a].id.as_str())
        .collect()
}

/// The kind: its stable name for a spreadsheet, a word of `lang` for people.
fn kind(i: &Indicator, lang: Lang, people: bool) -> &'static str {
    use crate::plan::indicators::IndicatorKind as K;
    match (&i.kind, people) {
        (k, false) => k.name(),
        (K::Ratio { .. }, true) => lang.pick("tỷ lệ", "ratio"),
        (K::Count, true) => lang.pick("số đếm", "count"),
        (K::Value, true) => lang.pick("giá trị", "value"),
    }
}

/// The direction: its stable name for a spreadsheet, `≥` / `≤` for people.
fn direction(i: &Indicator, people: bool) -> &'static str {
    use crate::plan::indicators::Direction as D;
    match (i.direction, people) {
        (d, false) => d.name(),
        (D::AtLeast, true) => "≥",
        (D::AtMost, true) => "≤",
    }
}

/// `2025: 60; 2030: 75`.
fn targets(i: &Indicator) -> String {
    (i.targets.iter())
        .map(|(y, t)| format!("{y}: {}", number(*t)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// `28/NQ-CP 1.1` (resolution, goal.target).
fn source(i: &Indicator) -> String {
    i.source.as_ref().map_or(String::new(), |s| {
        format!("{} {}.{}", s.resolution, s.goal, s.target)
    })
}

/// The listing: names whole for a spreadsheet (`short: None`), cut for a terminal.
pub fn listing(plan: &Plan, list: &[&Indicator], lang: Lang, short: Option<usize>) -> Listing {
    let mut l = Listing::new(&COLUMNS);
    for i in list {
        let name = i.name_in(lang);
        let name = short.map_or(name.to_string(), |n| crate::text::shorten_words(name, n));
        l.push(vec![
            i.id.as_str().into(),
            name.into(),
            kind(i, lang, short.is_some()).into(),
            i.unit_in(lang).into(),
            direction(i, short.is_some()).into(),
            targets(i).into(),
            source(i).into(),
            ids(plan, &i.reporters).join(", ").into(),
            i.periods.join(", ").into(),
        ]);
    }
    l
}

/// The JSON's `indicators` array.
pub fn json(plan: &Plan, list: &[&Indicator]) -> Value {
    json!(list
        .iter()
        .map(|i| json!({
            "id": i.id, "name": i.name, "name_en": i.name_en,
            "kind": i.kind.name(), "unit": i.unit, "direction": i.direction.name(),
            "targets": i.targets.iter().map(|(y, t)| (y.to_string(), json!(t)))
                .collect::<serde_json::Map<_, _>>(),
            "source": i.source.as_ref().map(|s| json!({
                "resolution": s.resolution, "goal": s.goal, "target": s.target,
            })),
            "reporters": ids(plan, &i.reporters),
            "periods": i.periods,
        }))
        .collect::<Vec<_>>())
}
