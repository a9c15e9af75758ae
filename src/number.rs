//! How figures are written for people, in every output: the documents, the workbook's
//! summary and the commands' terminal tables all write a count or a share here, so a number
//! reads the same everywhere (`1.234.567` and `64,8%` in Vietnamese, `1,234,567` and `64.8%` in
//! English).

use crate::lang::Lang;

/// 1234567 → "1.234.567" (vi) or "1,234,567" (en).
pub fn group(n: u64, lang: Lang) -> String {
    let s = n.to_string();
    let sep = lang.pick(".", ",");
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

/// 0.648 → "64,8%" (vi) or "64.8%" (en).
pub fn percent(x: f64, lang: Lang) -> String {
    let s = format!("{:.1}%", x * 100.0);
    match lang {
        Lang::Vi => s.replace('.', ","),
        Lang::En => s,
    }
}

/// The English noun (or verb) agreeing with a count: `plural(1, "agency", "agencies")` is
/// "agency", any other count "agencies". Vietnamese words do not change with the count.
pub fn plural<'a>(n: impl TryInto<u64>, one: &'a str, many: &'a str) -> &'a str {
    match n.try_into().ok() {
        Some(1) => one,
        _ => many,
    }
}

/// A count with its English noun agreeing: `counted(1, "error", "errors")` is "1 error".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", plural(n, one, many))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_takes_its_noun_in_the_singular_only_for_one() {
        assert_eq!(counted(1, "error", "errors"), "1 error");
        assert_eq!(counted(0, "error", "errors"), "0 errors");
        assert_eq!(counted(2, "warning", "warnings"), "2 warnings");
    }

    #[test]
    fn thousands_and_shares_follow_the_language() {
        assert_eq!(group(1_234_567, Lang::Vi), "1.234.567");
        assert_eq!(group(1_234_567, Lang::En), "1,234,567");
        assert_eq!(group(999, Lang::Vi), "999");
        assert_eq!(group(0, Lang::En), "0");
        assert_eq!(plural(1usize, "agency", "agencies"), "agency");
        assert_eq!(plural(0usize, "agency", "agencies"), "agencies");
        assert_eq!(plural(13i64, "agency", "agencies"), "agencies");
        assert_eq!(percent(0.648, Lang::Vi), "64,8%");
        assert_eq!(percent(0.648, Lang::En), "64.8%");
        assert_eq!(percent(1.0, Lang::En), "100.0%");
    }
}
