//! A reporting period: its due date, its window and who must report in it.

use super::{AgencyIdx, OnDueDate};
use chrono::NaiveDate;

#[derive(Debug, Clone)]
pub struct Period {
    pub id: String,
    pub name: String,
    pub name_en: Option<String>,
    pub due: NaiveDate,
    pub on_due_date: OnDueDate,
    pub window: Option<(NaiveDate, NaiveDate)>,
    /// The agencies that must report, in plan order.
    pub reporters: Vec<AgencyIdx>,
}

impl Period {
    /// The last day a report is on time: the due date itself, or the day before when the plan
    /// reads "trước ngày" strictly. (Plan dates lie in 1900–2100; no arithmetic here can fail.)
    pub fn last_on_time_day(&self) -> NaiveDate {
        match self.on_due_date {
            OnDueDate::OnTime => self.due,
            OnDueDate::Late => self.due.pred_opt().unwrap_or(self.due),
        }
    }

    pub fn name_in(&self, lang: crate::lang::Lang) -> &str {
        match lang {
            crate::lang::Lang::En => self.name_en.as_deref().unwrap_or(&self.name),
            crate::lang::Lang::Vi => &self.name,
        }
    }

    /// The period's name as it reads after "for" or "of" in a sentence: in English with one
    /// "the" before it, whether or not the plan's `name_en` begins with one ("for the first
    /// quarter of 2026", from "the first quarter of 2026" or "first quarter of 2026"). Every
    /// English sentence naming the period takes it from here; Vietnamese needs no article.
    pub fn name_after_for(&self, lang: crate::lang::Lang) -> std::borrow::Cow<'_, str> {
        match (lang, self.name_en.as_deref()) {
            (crate::lang::Lang::En, Some(en)) => {
                let has_the = en.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("the "));
                match has_the {
                    true => en.into(),
                    false => format!("the {en}").into(),
                }
            }
            _ => self.name_in(lang).into(),
        }
    }
}
