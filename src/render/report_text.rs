//! The text report for the ministry (the plain companion of the Word document).

use crate::consolidate::Consolidation;
use crate::lang::Lang;

/// The plain-text companion of the Word report: the same document, laid out as text.
pub fn report(k: &Consolidation, lang: Lang) -> String {
    super::plain::render(&super::report_doc::build(k, lang))
}
