//! The layout shared by Vietnamese administrative documents: issuing body and national motto
//! side by side, the number and the place-and-date line, and the recipients block.

use crate::lang::Lang;
use crate::plan::Plan;
use chrono::{Datelike, NaiveDate};

const LEFT: usize = 40;
const RIGHT: usize = 50;

fn center(s: &str, w: usize) -> String {
    let n = crate::text::width(s);
    if n >= w {
        return s.to_string();
    }
    let left = (w - n) / 2;
    format!("{}{}{}", " ".repeat(left), s, " ".repeat(w - n - left))
}

fn two_columns(out: &mut String, rows: &[(String, String)]) {
    for (l, r) in rows {
        let line = format!("{}  {}", center(l, LEFT), center(r, RIGHT));
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

/// "Ninh Thuận, ngày 20 tháng 6 năm 2021" / "Ninh Thuận, 20 June 2021".
pub fn place_and_date(place: &str, date: NaiveDate, lang: Lang) -> String {
    match lang {
        // Decree 30/2020/NĐ-CP: a zero before days under 10 and months under 3.
        Lang::Vi => {
            let m = if date.month() < 3 {
                format!("{:02}", date.month())
            } else {
                date.month().to_string()
            };
            format!(
                "{place}, ngày {:02} tháng {m} năm {}",
                date.day(),
                date.year()
            )
        }
        Lang::En => format!("{place}, {}", date.format("%-d %B %Y")),
    }
}

/// A date as Vietnamese documents write it: 10/6/2021.
pub fn short_date(d: NaiveDate) -> String {
    format!("{}/{}/{}", d.day(), d.month(), d.year())
}

/// The document number: `/BC-SLĐTBXH` for a report (`BC`), `/SLĐTBXH-BĐG` for a letter.
pub fn number(plan: &Plan, report: bool, lang: Lang) -> String {
    let code = plan.report.document_code.as_deref().unwrap_or("");
    let tail = if report {
        format!("BC-{code}")
    } else {
        format!("{code}-BĐG")
    };
    format!("{}      /{tail}", lang.pick("Số:", "No.:"))
}

/// The heading block: issuing body | motto, then number | place and date.
pub fn heading(plan: &Plan, report: bool, date: NaiveDate, lang: Lang) -> String {
    let r = &plan.report;
    let parent = match lang {
        Lang::Vi => r.parent_body.clone().unwrap_or_default(),
        Lang::En => r
            .parent_body_en
            .clone()
            .or_else(|| r.parent_body.clone())
            .unwrap_or_default(),
    };
    let body = match lang {
        Lang::Vi => r.issuing_body.clone(),
        Lang::En => r
            .issuing_body_en
            .clone()
            .unwrap_or_else(|| r.issuing_body.clone()),
    };
    let number = number(plan, report, lang);
    let mut out = String::new();
    two_columns(
        &mut out,
        &[
            (
                parent,
                lang.pick(
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "SOCIALIST REPUBLIC OF VIETNAM",
                )
                .into(),
            ),
            (
                body,
                lang.pick(
                    "Độc lập - Tự do - Hạnh phúc",
                    "Independence - Freedom - Happiness",
                )
                .into(),
            ),
            ("───────".into(), "───────────────────────".into()),
            (number, place_and_date(&r.place, date, lang)),
        ],
    );
    out
}

/// Recipients on the left, signer on the right, as documents end.
pub fn closing(plan: &Plan, recipients: &[String], lang: Lang) -> String {
    let r = &plan.report;
    let title = match lang {
        Lang::Vi => r.signer_title.clone(),
        Lang::En => r.signer_title_en.clone().or_else(|| r.signer_title.clone()),
    }
    .unwrap_or_default();
    let mut left = vec![lang.pick("Nơi nhận:", "Recipients:").to_string()];
    left.extend(
        recipients
            .iter()
            .map(|x| format!("- {};", x.trim_end_matches(['.', ';']))),
    );
    if left.len() > 1 {
        if let Some(last) = left.last_mut().filter(|l| l.ends_with(';')) {
            last.pop();
            last.push('.');
        }
    }
    let mut right = vec![title];
    right.extend(std::iter::repeat_n(String::new(), 3));
    right.push(r.signer_name.clone().unwrap_or_default());
    let n = left.len().max(right.len());
    let mut out = String::new();
    for i in 0..n {
        let l = left.get(i).cloned().unwrap_or_default();
        let rr = right.get(i).cloned().unwrap_or_default();
        // `{:<w$}` pads by chars, which is by columns for NFC Vietnamese.
        let line = format!("{:<w$}  {}", l, center(&rr, RIGHT), w = LEFT);
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Wraps a paragraph at `width` columns, first line indented as Vietnamese documents do.
pub fn paragraph(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::from("    ");
    for word in text.split_whitespace() {
        if crate::text::width(&line) + 1 + crate::text::width(word) > width && line.trim() != "" {
            out.push_str(line.trim_end());
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() && !line.ends_with(' ') {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.trim().is_empty() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Wraps `text` at `width` columns: the first line after `first`, the others after `rest`.
pub fn hanging(text: &str, width: usize, first: &str, rest: &str) -> String {
    let mut out = String::new();
    let mut line = first.to_string();
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty && crate::text::width(&line) + 1 + crate::text::width(word) > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line = rest.to_string();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::hanging;

    #[test]
    fn wraps_with_a_hanging_indent() {
        assert_eq!(
            hanging("một hai ba bốn năm", 12, "- ", "  "),
            "- một hai ba\n  bốn năm\n"
        );
        assert_eq!(hanging("ngắn", 40, "  II.1 ", "       "), "  II.1 ngắn\n");
    }
}
