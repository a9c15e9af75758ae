//! The plan as a document (number, date, issuer, signer: [`Meta`]) and the heading of the
//! documents bdg writes on the coordinator's behalf ([`ReportHeading`]).

use super::{AgencyIdx, Signer};
use chrono::NaiveDate;

#[derive(Debug, Clone)]
pub struct Meta {
    pub id: String,
    pub title: String,
    pub title_en: Option<String>,
    pub issuer: String,
    pub issuer_en: Option<String>,
    pub province: Option<String>,
    pub year: i32,
    pub legal_basis: Vec<String>,
    pub cited_documents: Vec<String>,
    pub coordinator: AgencyIdx,
    pub recipient: String,
    pub recipient_en: Option<String>,
    pub signer: Option<Signer>,
    pub distribution: Vec<String>,
    /// Schema v2: the plan's number and date as issued (`1140/KH-UBND`, 29/4/2025).
    pub number: Option<String>,
    pub date: Option<NaiveDate>,
}

impl Meta {
    /// The body that issued the plan, in `lang` (its English name when the plan gives one).
    pub fn issuer_in(&self, lang: crate::lang::Lang) -> &str {
        match lang {
            crate::lang::Lang::En => self.issuer_en.as_deref().unwrap_or(&self.issuer),
            crate::lang::Lang::Vi => &self.issuer,
        }
    }

    /// The body that issued the plan as a sentence in `lang` writes it: "the Ninh Thuận
    /// Provincial People's Committee", or bare, "UBND tỉnh Khánh Hòa", when the plan gives no
    /// English name (see [`crate::lang::the_name`]).
    pub fn the_issuer(&self, lang: crate::lang::Lang) -> std::borrow::Cow<'_, str> {
        crate::lang::the_name(&self.issuer, self.issuer_en.as_deref(), lang)
    }

    /// The body the consolidated report goes to, as a sentence in `lang` writes it.
    pub fn the_recipient(&self, lang: crate::lang::Lang) -> std::borrow::Cow<'_, str> {
        crate::lang::the_name(&self.recipient, self.recipient_en.as_deref(), lang)
    }

    /// The plan cited as a sentence in `lang` writes it ("Under …"): in English, "the" before
    /// a citation in English ("the Plan No. …", "the Plan for …"), none before a Vietnamese
    /// title, which is a name.
    pub fn the_cited(&self, lang: crate::lang::Lang) -> String {
        let cited = self.cited(lang);
        let english = self.title_en.is_some() || self.number.is_some() || self.date.is_some();
        match lang {
            crate::lang::Lang::En if english => format!("the {cited}"),
            _ => cited,
        }
    }

    /// How documents cite the plan: by number, date and issuing body when the plan gives them
    /// ("Kế hoạch số 1140/KH-UBND ngày 29/4/2025 của UBND tỉnh Khánh Hòa về …"), else by title.
    pub fn cited(&self, lang: crate::lang::Lang) -> String {
        use crate::lang::Lang;
        let title = match lang {
            Lang::En => self.title_en.as_deref().unwrap_or(&self.title),
            Lang::Vi => &self.title,
        };
        if self.number.is_none() && self.date.is_none() {
            return title.to_string();
        }
        let number = self.number.as_deref().map(|n| match lang {
            Lang::Vi => format!(" số {n}"),
            Lang::En => format!(" No. {n}"),
        });
        let date = self.date.map(|d| {
            let d = crate::render::admin::short_date(d);
            match lang {
                Lang::Vi => format!(" ngày {d}"),
                Lang::En => format!(" of {d}"),
            }
        });
        let (number, date, issuer) = (
            number.unwrap_or_default(),
            date.unwrap_or_default(),
            self.the_issuer(lang),
        );
        match lang {
            Lang::Vi => {
                let about = title.strip_prefix("Kế hoạch ").unwrap_or(title);
                format!("Kế hoạch{number}{date} của {issuer} về {about}")
            }
            Lang::En => format!("Plan{number}{date} of {issuer} ({title})"),
        }
    }
}

/// The heading of documents bdg writes on the coordinator's behalf.
#[derive(Debug, Clone)]
pub struct ReportHeading {
    pub parent_body: Option<String>,
    pub parent_body_en: Option<String>,
    pub issuing_body: String,
    pub issuing_body_en: Option<String>,
    pub document_code: Option<String>,
    pub place: String,
    pub signer_title: Option<String>,
    pub signer_title_en: Option<String>,
    pub signer_name: Option<String>,
    pub recipients: Vec<String>,
    /// Schema v2, the desk's rules: the number after the `/` of a report and of a letter (`None`:
    /// `BC-` + document code, document code + `-BĐG`), the days a letter gives to reply, and
    /// the letters' recipients (`None`: `recipients` but the ministry).
    pub report_number: Option<String>,
    pub letter_number: Option<String>,
    pub reply_days: u32,
    pub letter_recipients: Option<Vec<String>>,
}
