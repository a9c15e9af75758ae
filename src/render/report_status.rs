//! Part I of the consolidated report: who reported, on time or late, who has not, and the
//! rows and files left out of the figures. Each clause is said only when there is something
//! to say ("0 late" is not), each count agreeing with its noun in English.

use super::doc::Block;
use crate::consolidate::Consolidation;
use crate::lang::{Lang, Text};
use crate::number::{percent, plural};
use crate::t;

/// Part I: who reported, on time or not, and where the lists are.
pub fn status(k: &Consolidation, lang: Lang) -> Vec<Block> {
    let c = k.cycle;
    let n = &k.counts;
    let (due, as_of) = (
        super::admin::short_date(c.period.due),
        super::admin::short_date(c.as_of),
    );
    let (expected, reported, on_time, late, missing) =
        (n.expected, n.reported, n.on_time, n.late, n.missing);
    let (rate, on_rate) = (
        percent(n.reporting_rate(), lang),
        percent(n.on_time_rate(), lang),
    );
    let agencies = plural(expected, "agency", "agencies");
    let have = plural(reported, "has", "have");
    let mut s = t!(
        "Tính đến ngày {as_of} (hạn gửi báo cáo {due}), {reported}/{expected} cơ quan, đơn vị, địa phương đã gửi báo cáo ({rate})",
        "As of {as_of} (reports due {due}), {reported} of {expected} {agencies} {have} reported ({rate})"
    )
    .get(lang)
    .to_string();
    // On time and late, each said only when there is one (never "0 late").
    let mut when = Vec::new();
    if on_time > 0 {
        when.push(t!(
            "{on_time} đơn vị gửi đúng hạn ({on_rate})",
            "{on_time} on time ({on_rate})"
        ));
    }
    if late > 0 {
        when.push(t!("{late} đơn vị gửi trễ hạn", "{late} late"));
    }
    if !when.is_empty() {
        let when: Vec<&str> = when.iter().map(|w| w.get(lang)).collect();
        s += lang.pick(", trong đó ", ": ");
        s += &when.join(lang.pick(", ", " and "));
    }
    if missing > 0 {
        let have = plural(missing, "has", "have");
        s += t!(
            "; {missing} đơn vị chưa gửi báo cáo",
            "; {missing} {have} not reported"
        )
        .get(lang);
    }
    let rejected = n.rejected;
    if rejected > 0 {
        s += t!(
            "; {rejected} đơn vị đã gửi nhưng báo cáo bị loại, cần gửi lại",
            "; {rejected} sent reports that were rejected and must send them again"
        )
        .get(lang);
    }
    if n.pending > 0 {
        let pending = n.pending;
        let are = plural(pending, "is", "are");
        s += t!(
            "; {pending} đơn vị chưa đến hạn",
            "; {pending} {are} not yet due"
        )
        .get(lang);
    }
    s.push('.');
    let mut out = vec![Block::para(s)];
    if let Some((from, to)) = c.period.window {
        let (from, to) = (super::admin::short_date(from), super::admin::short_date(to));
        out.push(Block::para(
            t!(
                "Số liệu báo cáo tính từ ngày {from} đến ngày {to}.",
                "The figures cover {from} to {to}."
            )
            .get(lang),
        ));
    }
    out.push(Block::para(lang.pick(
        "Danh sách đơn vị trễ hạn, chưa gửi báo cáo và báo cáo bị loại tại Phụ lục 3; số liệu theo nhiệm vụ và theo đơn vị tại Phụ lục 1 và Phụ lục 2.",
        "The late, missing and rejected agencies are listed in Appendix 3; the figures by task and by agency are in Appendices 1 and 2.",
    )));
    out.extend(left_out(k, lang));
    out
}

/// The rows left out of the figures because of errors, a file excluded whole among them (a
/// superseded or duplicate file is not an error); `None` when none was.
fn left_out(k: &Consolidation, lang: Lang) -> Option<Block> {
    let (rows, files) = (k.rows_excluded, k.files_excluded);
    let what = match (rows, files) {
        (0, 0) => None,
        // Files excluded whole with no rows in them (an empty or unreadable file).
        (0, f) => Some(Text::new(
            format!("{f} tệp"),
            crate::number::counted(f, "file", "files"),
        )),
        (r, _) => Some(Text::new(
            format!("{r} dòng"),
            crate::number::counted(r, "row", "rows"),
        )),
    }
    .map(|w| w.get(lang).to_string());
    what.map(|what| {
        let was = plural(if rows > 0 { rows } else { files }, "was", "were");
        // A file excluded whole has its rows among those rows: said so, not added to them.
        let whole = match rows > 0 && files > 0 {
            true => {
                let of = crate::number::counted(files, "file", "files");
                t!(
                    ", trong đó có toàn bộ các dòng của {files} tệp bị loại",
                    ", among them all the rows of {of} excluded whole"
                )
                .get(lang)
                .to_string()
            }
            false => String::new(),
        };
        Block::para(t!(
            "Có {what} báo cáo không được đưa vào số liệu do có lỗi{whole} (từng dòng, từng tệp và lý do tại trang \"Bị loại\" của sổ Excel kèm theo).",
            "{what} of the agencies' reports {was} left out of the figures because of errors{whole} (each row and file, with its reason, in the \"Excluded\" sheet of the attached workbook)."
        ).get(lang))
    })
}
