//! The layout shared by Vietnamese administrative documents: issuing body and national motto
//! side by side, the number and the place-and-date line, and the recipients block.

use crate::lang::Lang;
use crate::plan::Plan;
use chrono::{Datelike, NaiveDate};

pub const LEFT: usize = 40;
pub const RIGHT: usize = 50;

pub fn center(s: &str, w: usize) -> String {
    let n = crate::text::width(s);
    if n >= w {
        return s.to_string();
    }
    let left = (w - n) / 2;
    format!("{}{}{}", " ".repeat(left), s, " ".repeat(w - n - left))
}

pub fn two_columns(out: &mut String, rows: &[(String, String)]) {
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
    format!("{} {}", lang.pick("Số:", "No.:"), code(plan, report))
}

/// The number without its label, the blank left for the clerk: `     /BC-SLĐTBXH`.
pub fn code(plan: &Plan, report: bool) -> String {
    let code = plan.report.document_code.as_deref().unwrap_or("");
    let own = match report {
        true => plan.report.report_number.clone(),
        false => plan.report.letter_number.clone(),
    };
    let tail = match (own, report) {
        (Some(t), _) => t,
        (None, true) => format!("BC-{code}"),
        (None, false) => format!("{code}-BĐG"),
    };
    format!("     /{tail}")
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
