//! Reminder letters (công văn đôn đốc) to late and missing agencies, as one [`Document`]
//! (công văn layout: number, "V/v …" under it, "Kính gửi:", body, Nơi nhận, signer) rendered
//! to text ([`letter`]) and to Word ([`letter_docx`]). What each agency is told is decided in
//! [`wording`] alone.

use super::admin::short_date;
use super::doc::{frame, Block, Document};
use crate::cycle::{AgencyCycle, Cycle, State};
use crate::lang::Lang;
use crate::t;
use chrono::NaiveDate;

/// The subject line and the paragraphs of one agency's letter.
pub struct Wording {
    pub subject: String,
    pub paragraphs: Vec<String>,
}

/// What the letter says, by the agency's state: the one place to change when the letters for
/// late, missing and rejected agencies part ways.
pub fn wording(c: &Cycle, a: &AgencyCycle, reply_by: NaiveDate, lang: Lang) -> Wording {
    let plan = c.plan;
    let p = c.period;
    let coordinator = super::report_doc::agency_name(plan, plan.meta.coordinator, lang);
    let title = plan.meta.cited(lang);
    let issuer = &plan.meta.issuer;
    let period = p.name_in(lang);
    let due = short_date(p.due);
    let rule = match p.on_due_date {
        crate::plan::OnDueDate::OnTime => t!("chậm nhất ngày {due}", "by {due}"),
        crate::plan::OnDueDate::Late => t!("trước ngày {due}", "before {due}"),
    };
    let rule = rule.get(lang);
    let mut paragraphs = vec![t!(
        "Thực hiện {title}, các cơ quan, đơn vị, địa phương báo cáo kết quả thực hiện nhiệm vụ bình đẳng giới {period} về {issuer} (qua {coordinator}) {rule}.",
        "Under the {title}, every agency reports its results on gender-equality tasks for the {period} to the {issuer} (through the {coordinator}) {rule}."
    ).get(lang).to_string()];
    let as_of = short_date(c.as_of);
    let days = a.days_late.unwrap_or(0);
    if a.state == State::Missing {
        paragraphs.push(t!(
            "Đến ngày {as_of}, {coordinator} chưa nhận được báo cáo của Quý cơ quan (đã quá hạn {days} ngày).",
            "As of {as_of}, the {coordinator} has not received your report ({days} days overdue)."
        ).get(lang).to_string());
        let reply = short_date(reply_by);
        let recipient = match lang {
            Lang::Vi => &plan.meta.recipient,
            Lang::En => plan
                .meta
                .recipient_en
                .as_ref()
                .unwrap_or(&plan.meta.recipient),
        };
        paragraphs.push(t!(
            "Để kịp thời tổng hợp, báo cáo {recipient}, {coordinator} đề nghị Quý cơ quan khẩn trương gửi báo cáo theo mẫu trước ngày {reply}.",
            "So that the consolidated report can reach the {recipient} in time, the {coordinator} asks you to send your report, in the template's format, before {reply}."
        ).get(lang).to_string());
    } else {
        let sent = a.submitted_on.map(short_date).unwrap_or_default();
        paragraphs.push(t!(
            "Báo cáo của Quý cơ quan đề ngày {sent}, chậm {days} ngày so với thời hạn. Đề nghị Quý cơ quan lưu ý gửi báo cáo đúng hạn trong các kỳ sau.",
            "Your report is dated {sent}, {days} days after the deadline. Please send future reports on time."
        ).get(lang).to_string());
    }
    paragraphs.push(lang.pick("Trân trọng./.", "Yours faithfully.").into());
    Wording {
        subject: t!(
            "V/v đôn đốc gửi báo cáo kết quả thực hiện công tác bình đẳng giới {period}",
            "Re: reminder to send the report on gender-equality work, {period}"
        )
        .get(lang)
        .into(),
        paragraphs,
    }
}

/// The letter to one agency as a document.
pub fn letter_doc(c: &Cycle, a: &AgencyCycle, reply_by: NaiveDate, lang: Lang) -> Document {
    let plan = c.plan;
    let w = wording(c, a, reply_by, lang);
    let (mut heading, mut closing) = frame(plan, false, c.as_of, lang);
    heading.subject = Some(w.subject);
    let name = super::report_doc::agency_name(plan, a.agency, lang);
    // Nơi nhận: the addressee ("Như trên"), then the plan's recipients other than the ministry.
    let mut recipients = vec![lang.pick("Như trên", "As above").to_string()];
    match &plan.report.letter_recipients {
        Some(list) => recipients.extend(list.iter().cloned()),
        None => recipients.extend(
            plan.report
                .recipients
                .iter()
                .filter(|r| !r.contains("Bộ"))
                .cloned(),
        ),
    }
    closing.recipients = recipients;
    Document {
        lang,
        heading,
        title: vec![],
        addressees: vec![t!("Kính gửi: {name}", "To: {name}").get(lang).into()],
        body: w.paragraphs.into_iter().map(Block::para).collect(),
        closing,
        appendix: vec![],
    }
}

/// The letter as plain text, beside its Word file.
pub fn letter(c: &Cycle, a: &AgencyCycle, reply_by: NaiveDate, lang: Lang) -> String {
    super::plain::render(&letter_doc(c, a, reply_by, lang))
}

/// The letter as a Word file.
pub fn letter_docx(
    c: &Cycle,
    a: &AgencyCycle,
    reply_by: NaiveDate,
    lang: Lang,
) -> anyhow::Result<Vec<u8>> {
    super::docx::render(&letter_doc(c, a, reply_by, lang))
}
