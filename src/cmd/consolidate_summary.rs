//! `bdg consolidate`'s summary: a table of items and values for people, the JSON `Summary` for
//! scripts.

use super::consolidate_json::Summary;
use crate::consolidate::Consolidation;
use crate::emit::{Block, Column, Listing, View};
use crate::lang::Lang;
use crate::number::{group, percent};

/// The summary's two columns.
const SUMMARY: [Column; 2] = [
    Column::new("item", "Chỉ tiêu", "Item"),
    Column::new("value", "Giá trị", "Value"),
];

/// The summary: a table of items and values for people, [`Summary`] for scripts (there is
/// no CSV summary; its listing is the table's).
pub(super) fn view<'a>(k: &'a Consolidation<'a>, lang: Lang) -> View<Summary<'a>> {
    let mut l = Listing::new(&SUMMARY);
    for (item, value) in rows(k, lang) {
        l.push(vec![item.into(), value.into()]);
    }
    // Indicators against their targets (issue 14).
    for (item, value) in crate::render::report_indicators::summary_rows(k, lang) {
        l.push(vec![item.into(), value.into()]);
    }
    View {
        blocks: vec![Block::Table(l.clone())],
        csv: l,
        json: Summary::of(k, lang),
    }
}

/// The summary's items for people: the period, the agencies' counts, the totals and what
/// was excluded or skipped.
fn rows(k: &Consolidation, lang: Lang) -> Vec<(&'static str, String)> {
    let c = k.cycle;
    let (n, t) = (&k.counts, &k.totals);
    let l = |vi: &'static str, en: &'static str| lang.pick(vi, en);
    let with_rate = |count: usize, rate: f64| format!("{count} ({})", percent(rate, lang));
    let female_share = t
        .female_share()
        .map_or_else(|| "—".into(), |s| percent(s, lang));
    let mut rows = vec![
        (
            l("Kỳ báo cáo", "Period"),
            format!("{} ({})", c.period.name_in(lang), c.period.id),
        ),
        (
            l("Tính đến ngày", "As of"),
            c.as_of.format("%d/%m/%Y").to_string(),
        ),
        (l("Phải báo cáo", "Expected"), n.expected.to_string()),
        (
            l("Đã báo cáo", "Reported"),
            with_rate(n.reported, n.reporting_rate()),
        ),
        (
            l("Đúng hạn", "On time"),
            with_rate(n.on_time, n.on_time_rate()),
        ),
        (l("Trễ hạn", "Late"), n.late.to_string()),
        (l("Chưa nộp", "Missing"), n.missing.to_string()),
        (l("Đã nộp, bị loại", "Rejected"), n.rejected.to_string()),
        (l("Chưa đến hạn", "Pending"), n.pending.to_string()),
        (l("Số hoạt động", "Activities"), group(t.activities, lang)),
        (
            l("Người tham gia nữ / nam", "Participants female / male"),
            format!(
                "{} / {} ({female_share} {})",
                group(t.participants_female, lang),
                group(t.participants_male, lang),
                l("nữ", "female")
            ),
        ),
        (
            l("Kinh phí (đồng)", "Budget (VND)"),
            group(t.budget_vnd, lang),
        ),
        (
            l("Dòng bị loại", "Rows excluded"),
            k.rows_excluded.to_string(),
        ),
        (
            l("Tệp bị loại", "Files excluded"),
            k.files_excluded.to_string(),
        ),
    ];
    let skipped: Vec<&str> = (c.reports.iter())
        .filter(|r| r.is_folder_notice())
        .map(|r| r.file.as_str())
        .collect();
    if !skipped.is_empty() {
        rows.push((
            l(
                "Thư mục bỏ qua (kết quả của bdg)",
                "Folders skipped (bdg outputs)",
            ),
            skipped.join(", "),
        ));
    }
    rows
}
