//! The text report for the ministry (the plain companion of the Word document), and the way
//! documents write numbers.

use crate::consolidate::Consolidation;
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

/// The plain-text companion of the Word report: the same document, laid out as text.
pub fn report(k: &Consolidation, lang: Lang) -> String {
    super::plain::render(&super::report_doc::build(k, lang))
}
