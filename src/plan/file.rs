//! The plan file as written: serde types that mirror the YAML one to one. Validation turns them
//! into a [`super::Plan`].

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFile {
    pub plan: MetaFile,
    #[serde(default)]
    pub report: ReportFile,
    #[serde(default)]
    pub periods: Vec<PeriodFile>,
    /// Who must report each period, unless a period says otherwise: agency or group ids, or `all`.
    #[serde(default)]
    pub reporters: Option<Vec<String>>,
    #[serde(default)]
    pub agencies: Vec<AgencyFile>,
    #[serde(default)]
    pub groups: Vec<GroupFile>,
    #[serde(default)]
    pub sections: Vec<SectionFile>,
    // ---- indicators (issue 14) ----
    /// Files to take indicators from, relative to this one (see `include.rs`).
    #[serde(default)]
    pub include: Vec<String>,
    #[serde(default)]
    pub indicators: Vec<super::indicators::IndicatorFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaFile {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub title_en: Option<String>,
    pub issuer: String,
    #[serde(default)]
    pub issuer_en: Option<String>,
    #[serde(default)]
    pub province: Option<String>,
    pub year: i32,
    #[serde(default)]
    pub legal_basis: Vec<String>,
    #[serde(default)]
    pub cited_documents: Vec<String>,
    pub coordinator: String,
    pub recipient: String,
    #[serde(default)]
    pub recipient_en: Option<String>,
    #[serde(default)]
    pub signer: Option<SignerFile>,
    #[serde(default)]
    pub distribution: Vec<String>,
    // ---- schema v2: the plan as an issued document ----
    /// The plan's own number, `1140/KH-UBND`, cited with its date in every document.
    #[serde(default)]
    pub number: Option<String>,
    /// The date the plan was issued, `2025-04-29`.
    #[serde(default)]
    pub date: Option<String>,
}

#[derive(Debug, Deserialize, Clone, Default, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct SignerFile {
    #[serde(default)]
    pub authority: Option<String>,
    pub title: String,
    pub name: String,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ReportFile {
    #[serde(default)]
    pub parent_body: Option<String>,
    #[serde(default)]
    pub parent_body_en: Option<String>,
    #[serde(default)]
    pub issuing_body: Option<String>,
    #[serde(default)]
    pub issuing_body_en: Option<String>,
    #[serde(default)]
    pub document_code: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub signer_title: Option<String>,
    #[serde(default)]
    pub signer_title_en: Option<String>,
    #[serde(default)]
    pub signer_name: Option<String>,
    #[serde(default)]
    pub recipients: Vec<String>,
    // ---- schema v2: the desk's rules ----
    /// The number after the `/` of a report: `BC-SNV` (default `BC-` and `document_code`).
    #[serde(default)]
    pub report_number: Option<String>,
    /// The number after the `/` of a letter: `SNV-BĐG` (default `document_code` and `-BĐG`).
    #[serde(default)]
    pub letter_number: Option<String>,
    /// Days a reminder letter gives to reply (default 5).
    #[serde(default)]
    pub reply_days: Option<u32>,
    /// The letters' "Nơi nhận" after the addressee (default: `recipients` but the ministry).
    #[serde(default)]
    pub letter_recipients: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodFile {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub name_en: Option<String>,
    #[serde(default)]
    pub due: Option<String>,
    /// Is a report dated on the due date itself on time? `on_time` (default) or `late`.
    #[serde(default)]
    pub on_due_date: Option<OnDueDate>,
    #[serde(default)]
    pub window: Option<WindowFile>,
    #[serde(default)]
    pub reporters: Option<Vec<String>>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OnDueDate {
    OnTime,
    Late,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowFile {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgencyFile {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub name_en: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The group of the source this agency was expanded from ("các đoàn thể tỉnh").
    #[serde(default)]
    pub expanded_from: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupFile {
    pub id: String,
    pub name: String,
    pub members: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionFile {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub title_en: Option<String>,
    /// `false` for sections that state purposes or funding rather than tasks (I, III).
    #[serde(default = "yes")]
    pub tasks: bool,
    /// The prose of a section without tasks: accepted so plans can carry the source's
    /// text, read by nothing yet.
    #[serde(default)]
    #[allow(dead_code)]
    pub text: Option<String>,
    #[serde(default)]
    pub lead: Option<Vec<String>>,
    #[serde(default)]
    pub partners: Option<Vec<String>>,
    /// Schema v2: the periods whose reports carry this section's tasks (default: every one).
    #[serde(default)]
    pub periods: Option<Vec<String>>,
    #[serde(default)]
    pub items: Vec<ItemFile>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemFile {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub lead: Option<Vec<String>>,
    #[serde(default)]
    pub partners: Option<Vec<String>>,
    /// Schema v2: the periods whose reports carry this item's tasks (default: its parent's).
    #[serde(default)]
    pub periods: Option<Vec<String>>,
    #[serde(default)]
    pub items: Vec<ItemFile>,
}
