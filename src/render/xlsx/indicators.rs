//! The indicators sheet: every indicator of the plan with the province's figure, the
//! milestone that applies, and its verdict: met (green), short of a milestone still ahead
//! (amber), short of one due (red).

use super::{table, write_cell, Cell, Formats};
use crate::consolidate::Consolidation;
use crate::indicators::{IndicatorResult, Verdict};
use crate::lang::Lang;
use crate::render::report_indicators::verdict_label;
use rust_xlsxwriter::{Color, Workbook, XlsxError};

/// The column of the verdict in the sheet (0-based).
const ACHIEVED_COL: u16 = 11;
/// The columns of figures: numerator, denominator, value, target, distance.
const FIGURE_COLS: [u16; 5] = [3, 4, 5, 9, 12];

fn row(k: &Consolidation, r: &IndicatorResult, lang: Lang) -> Vec<Cell> {
    let ind = &k.cycle.plan.indicators[r.indicator];
    let source = ind.source.as_ref().map_or(String::new(), |s| {
        let (g, t) = (s.goal, &s.target);
        lang.pick(
            &format!("Nghị quyết {}, mục tiêu {g}, chỉ tiêu {t}", s.resolution),
            &format!("Resolution {}, goal {g}, target {t}", s.resolution),
        )
        .to_string()
    });
    let direction = match ind.direction {
        crate::plan::indicators::Direction::AtLeast => lang.pick("tối thiểu", "at least"),
        crate::plan::indicators::Direction::AtMost => lang.pick("tối đa", "at most"),
    };
    vec![
        Cell::Text(ind.id.clone()),
        Cell::Text(ind.name_in(lang).to_string()),
        Cell::Text(ind.unit_in(lang).to_string()),
        Cell::Dec(r.numerator),
        Cell::Dec(r.denominator),
        Cell::Dec(r.value),
        Cell::Int(r.reporters as u64),
        Cell::Int(r.expected as u64),
        Cell::Text(direction.to_string()),
        Cell::Dec(r.target.map(|t| t.1)),
        // The year as text: a number format would write it 2,025.
        r.target
            .map_or(Cell::Blank, |t| Cell::Text(t.0.to_string())),
        Cell::Text(verdict_label(r, lang)),
        Cell::Dec(r.distance),
        Cell::Text(source),
    ]
}

pub(super) fn sheet(
    wb: &mut Workbook,
    k: &Consolidation,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    if k.indicators.is_empty() {
        return Ok(());
    }
    let l = |vi: &'static str, en: &'static str| lang.pick(vi, en);
    let ws = wb.add_worksheet().set_name(l("Chỉ tiêu", "Indicators"))?;
    let rows = || k.indicators.iter().map(|r| (row(k, r, lang), false));
    let cols = [
        (l("Mã", "Id"), None),
        (l("Chỉ tiêu", "Indicator"), Some(50.0)),
        (l("Đơn vị tính", "Unit"), None),
        (l("Tử số", "Numerator"), None),
        (l("Mẫu số", "Denominator"), None),
        (l("Giá trị của tỉnh", "Province value"), None),
        (l("Số đơn vị báo cáo", "Reporters"), None),
        (l("Số đơn vị phải báo cáo", "Reporters asked"), None),
        (l("Chiều", "Direction"), None),
        (l("Mục tiêu", "Target"), None),
        (l("Năm mục tiêu", "Target year"), None),
        (l("Kết quả", "Result"), None),
        (l("Chênh lệch so với mục tiêu", "Distance to target"), None),
        (l("Nguồn", "Source"), Some(30.0)),
    ];
    table(ws, &cols, rows, f)?;
    // Whole figures as such (98,450; 60), others with up to three decimals (1.933, not 1.9).
    let whole = f.dec.clone().set_num_format("#,##0");
    let decimals = f.dec.clone().set_num_format("#,##0.0##");
    for (i, (cells, _)) in rows().enumerate() {
        for c in FIGURE_COLS {
            if let Cell::Dec(Some(x)) = cells[c as usize] {
                let fmt = if x.fract() == 0.0 { &whole } else { &decimals };
                write_cell(ws, i as u32 + 1, c, &cells[c as usize], fmt)?;
            }
        }
    }
    // Excel's own fills: achieved "good" green, on the way "neutral" amber, not achieved "bad"
    // red.
    for (i, r) in k.indicators.iter().enumerate() {
        let fill = match r.verdict {
            Some(Verdict::Achieved) => Color::RGB(0xC6EFCE),
            Some(Verdict::OnTheWay) => Color::RGB(0xFFEB9C),
            Some(Verdict::NotAchieved) => Color::RGB(0xFFC7CE),
            None => continue,
        };
        let fmt = f.text.clone().set_background_color(fill);
        let cell = Cell::Text(verdict_label(r, lang));
        write_cell(ws, i as u32 + 1, ACHIEVED_COL, &cell, &fmt)?;
    }
    Ok(())
}
