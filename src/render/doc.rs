//! One plain value for a document bdg writes (the consolidated report, a reminder letter):
//! heading, blocks, closing, appendix. Content is decided once, where the value is built
//! (`report_doc.rs`, `letter.rs`); `docx.rs` and `plain.rs` only lay it out.

use crate::lang::Lang;
use crate::plan::Plan;
use chrono::NaiveDate;

mod rows;
pub mod widths;
pub use rows::{Row, Rows};

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub lang: Lang,
    pub heading: Heading,
    /// "BÁO CÁO" and its subject line; empty for a letter.
    pub title: Vec<String>,
    /// "Kính gửi: …" lines of a letter.
    pub addressees: Vec<String>,
    pub body: Vec<Block>,
    pub closing: Closing,
    /// After the signature, on a page of its own ("Phụ lục").
    pub appendix: Vec<Block>,
}

/// The heading of Decree 30/2020/NĐ-CP: issuing body | national motto, number | place and date.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub parent_body: String,
    pub issuing_body: String,
    pub motto: [String; 2],
    pub number: String,
    /// "V/v …" under the number of a letter.
    pub subject: Option<String>,
    pub place_and_date: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A part of the document's own numbering: level 0 "I. …", level 1 "1. …".
    Part {
        level: u8,
        text: String,
    },
    /// An item of the plan, in the plan's numbering, indented by its depth (0 = a section).
    PlanItem {
        depth: usize,
        label: String,
        text: String,
    },
    /// Body text; `depth` indents it under a plan item.
    Para {
        text: String,
        depth: usize,
        style: ParaStyle,
    },
    Table(Table),
    /// A centred line: the appendix's heading, bold, and the line under it.
    Centered {
        text: String,
        bold: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParaStyle {
    Body,
    /// Drafted by bdg for the officer to finish: marked in both renderings.
    Draft,
    /// A quoted line ("- Sở Y tế: …").
    Quote,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub title: String,
    pub header: Vec<String>,
    /// Numeric columns are right-aligned.
    pub numeric: Vec<bool>,
    /// The cells, compactly: one per agency in an appendix (see [`Rows`]).
    pub rows: Rows,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Closing {
    pub recipients_label: String,
    pub recipients: Vec<String>,
    /// "KT. GIÁM ĐỐC" above the title when a deputy signs.
    pub authority: Option<String>,
    pub signer_title: String,
    pub signer_name: Option<String>,
}

impl Block {
    pub fn para(text: impl Into<String>) -> Block {
        Block::Para {
            text: text.into(),
            depth: 0,
            style: ParaStyle::Body,
        }
    }

    pub fn styled(text: impl Into<String>, depth: usize, style: ParaStyle) -> Block {
        Block::Para {
            text: text.into(),
            depth,
            style,
        }
    }
}

/// The heading and closing of a document the coordinator signs, from the plan's `report:` block.
/// Every Vietnamese/English choice of the frame is here.
pub fn frame(plan: &Plan, report: bool, date: NaiveDate, lang: Lang) -> (Heading, Closing) {
    let r = &plan.report;
    let en = |vi: &Option<String>, en: &Option<String>| match lang {
        Lang::Vi => vi.clone(),
        Lang::En => en.clone().or_else(|| vi.clone()),
    };
    let heading = Heading {
        parent_body: en(&r.parent_body, &r.parent_body_en).unwrap_or_default(),
        issuing_body: en(&Some(r.issuing_body.clone()), &r.issuing_body_en).unwrap_or_default(),
        motto: [
            lang.pick(
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "SOCIALIST REPUBLIC OF VIETNAM",
            )
            .into(),
            lang.pick(
                "Độc lập - Tự do - Hạnh phúc",
                "Independence - Freedom - Happiness",
            )
            .into(),
        ],
        number: super::admin::number(plan, report, lang),
        subject: None,
        place_and_date: super::admin::place_and_date(&r.place, date, lang),
    };
    let closing = Closing {
        recipients_label: lang.pick("Nơi nhận:", "Recipients:").into(),
        recipients: r.recipients.clone(),
        authority: None,
        signer_title: en(&r.signer_title, &r.signer_title_en).unwrap_or_default(),
        signer_name: r.signer_name.clone(),
    };
    (heading, closing)
}

/// The recipients as the "Nơi nhận" block writes them: "- X;" and the last "- Y.".
pub fn recipient_lines(recipients: &[String]) -> Vec<String> {
    let n = recipients.len();
    recipients
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let x = x.trim_end_matches(['.', ';']);
            format!("- {x}{}", if i + 1 == n { "." } else { ";" })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn recipients_end_with_a_full_stop() {
        let r = ["Bộ X (b/c).".to_string(), "Lưu: VT".to_string()];
        assert_eq!(super::recipient_lines(&r), ["- Bộ X (b/c);", "- Lưu: VT."]);
        assert!(super::recipient_lines(&[]).is_empty());
    }
}
