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
    // Names as a sentence writes them: "the Department of …", or a Vietnamese name bare.
    let coordinator = plan.agencies[plan.meta.coordinator].the_name_in(lang);
    let title = plan.meta.the_cited(lang);
    let issuer = plan.meta.the_issuer(lang);
    let period = p.name_in(lang);
    let for_period = p.name_after_for(lang);
    let due = short_date(p.due);
    let rule = match p.on_due_date {
        crate::plan::OnDueDate::OnTime => t!("chậm nhất ngày {due}", "by {due}"),
        crate::plan::OnDueDate::Late => t!("trước ngày {due}", "before {due}"),
    };
    let rule = rule.get(lang);
    let mut paragraphs = vec![t!(
        "Thực hiện {title}, các cơ quan, đơn vị, địa phương báo cáo kết quả thực hiện nhiệm vụ bình đẳng giới {for_period} về {issuer} (qua {coordinator}) {rule}.",
        "Under {title}, every agency reports its results on gender-equality tasks for {for_period} to {issuer} (through {coordinator}) {rule}."
    ).get(lang).to_string()];
    let (subject, body) = match a.state {
        State::Late => late(a, lang),
        State::Rejected => rejected(c, a, lang),
        _ => missing(c, a, lang),
    };
    paragraphs.extend(body);
    if a.state != State::Late {
        paragraphs.push(send_by(c, a, reply_by, &coordinator, lang));
    }
    paragraphs.push(lang.pick("Trân trọng./.", "Yours faithfully.").into());
    Wording {
        subject: subject.replace("{period}", period),
        paragraphs,
    }
}

/// A late report: a note for the periods to come, dated by the report (never after the letter).
fn late(a: &AgencyCycle, lang: Lang) -> (String, Vec<String>) {
    let sent = a.submitted_on.map(short_date).unwrap_or_default();
    let days = day_count(a.days_late.unwrap_or(0), lang);
    let subject = lang.pick(
        "V/v báo cáo kết quả thực hiện công tác bình đẳng giới {period} gửi trễ hạn",
        "Re: the late report on gender-equality work, {period}",
    );
    let body = t!(
        "Báo cáo của Quý cơ quan đề ngày {sent}, chậm {days} so với thời hạn. Đề nghị Quý cơ quan lưu ý gửi báo cáo đúng hạn trong các kỳ sau.",
        "Your report is dated {sent}, {days} after the deadline. Please send future reports on time."
    );
    (subject.into(), vec![body.get(lang).to_string()])
}

/// No report at all.
fn missing(c: &Cycle, a: &AgencyCycle, lang: Lang) -> (String, Vec<String>) {
    let plan = c.plan;
    let coordinator = plan.agencies[plan.meta.coordinator].the_name_in(lang);
    let as_of = short_date(c.as_of);
    let days = day_count(a.days_late.unwrap_or(0), lang);
    let subject = lang.pick(
        "V/v đôn đốc gửi báo cáo kết quả thực hiện công tác bình đẳng giới {period}",
        "Re: reminder to send the report on gender-equality work, {period}",
    );
    let body = t!(
        "Đến ngày {as_of}, {coordinator} chưa nhận được báo cáo của Quý cơ quan (đã quá hạn {days}).",
        "As of {as_of}, {coordinator} has not received your report ({days} overdue)."
    );
    (subject.into(), vec![body.get(lang).to_string()])
}

/// A number of days: "5 ngày"; "1 day", "5 days" (Vietnamese has no plural).
fn day_count(n: i64, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{n} ngày"),
        Lang::En if n == 1 => "1 day".to_string(),
        Lang::En => format!("{n} days"),
    }
}

/// Files received but not usable: why each was excluded, in the reader's language.
fn rejected(c: &Cycle, a: &AgencyCycle, lang: Lang) -> (String, Vec<String>) {
    let plan = c.plan;
    let coordinator = plan.agencies[plan.meta.coordinator].the_name_in(lang);
    // Opening an English sentence: "The Department …".
    let opening = crate::lang::capitalised(&coordinator);
    let held = a.held_back(&c.reports);
    let subject = match held.is_empty() {
        true => lang.pick(
            "V/v đề nghị gửi lại báo cáo kết quả thực hiện công tác bình đẳng giới {period}",
            "Re: request for a corrected report on gender-equality work, {period}",
        ),
        false => lang.pick(
            "V/v đề nghị xác nhận báo cáo kết quả thực hiện công tác bình đẳng giới {period}",
            "Re: which of your reports on gender-equality work, {period}, is right",
        ),
    };
    let mut body = vec![];
    if !held.is_empty() {
        // Two different reports on one date: said once, with the files named.
        let n = held.len();
        let date = (held.first())
            .and_then(|&f| c.reports[f].submitted_on)
            .map(short_date)
            .unwrap_or_default();
        let files = super::report_held::names(c, held, lang);
        body.push(t!(
            "{opening} đã nhận được {n} báo cáo khác nhau của Quý cơ quan cùng đề ngày {date} ({files}). Vì chưa rõ báo cáo nào đúng, số liệu của Quý cơ quan chưa được tổng hợp.",
            "{opening} received {n} different reports from you, all dated {date} ({files}). As it cannot tell which is right, none of your figures has been counted."
        ).get(lang).to_string());
    }
    if !a.rejected.is_empty() {
        body.push(t!(
            "{opening} đã nhận được báo cáo của Quý cơ quan nhưng chưa thể tổng hợp vì các lý do sau:",
            "{opening} received your report but could not use it, for these reasons:"
        )
        .get(lang)
        .to_string());
    }
    // The files excluded whole, each with its reasons.
    for &f in &a.rejected {
        let r = &c.reports[f];
        let own = r.diagnostics.iter();
        let notices = c.notices.iter().filter(|n| n.file == r.file);
        let reasons = own
            .chain(notices)
            .filter(|d| d.excludes == crate::diag::Excludes::File);
        for d in reasons {
            let name = crate::text::file_name(&r.file);
            let reason = crate::diag::messages::message(&d.kind, lang);
            let mut line = format!("- {name}: {reason}");
            if let Some(h) = crate::diag::messages::hint(&d.kind, d.suggestion.as_deref(), lang) {
                line += &format!(" ({h})");
            }
            // A sentence of a letter ends with a full stop.
            line.push('.');
            body.push(line);
        }
    }
    (subject.into(), body)
}

/// The closing request: send (or send again) by the reply-by date.
fn send_by(
    c: &Cycle,
    a: &AgencyCycle,
    reply_by: NaiveDate,
    coordinator: &str,
    lang: Lang,
) -> String {
    let plan = c.plan;
    let (state, held) = (a.state, !a.held_back(&c.reports).is_empty());
    let reply = short_date(reply_by);
    let recipient = plan.meta.the_recipient(lang);
    let what = match state {
        State::Rejected if !held => t!(
            "chỉnh sửa và gửi lại báo cáo theo mẫu",
            "correct your report and send it again, in the template's format,"
        ),
        State::Rejected => t!(
            "cho biết báo cáo nào đúng (hoặc gửi lại báo cáo đúng, ghi ngày báo cáo mới)",
            "say which report is right (or send the right one again, with a new date)"
        ),
        _ => t!(
            "khẩn trương gửi báo cáo theo mẫu",
            "send your report, in the template's format,"
        ),
    };
    let what = what.get(lang);
    t!(
        "Để kịp thời tổng hợp, báo cáo {recipient}, {coordinator} đề nghị Quý cơ quan {what} chậm nhất ngày {reply}.",
        "So that the consolidated report can reach {recipient} in time, {coordinator} asks you to {what} by {reply} at the latest."
    )
    .get(lang)
    .to_string()
}

/// The letter to one agency as a document.
pub fn letter_doc(c: &Cycle, a: &AgencyCycle, reply_by: NaiveDate, lang: Lang) -> Document {
    let plan = c.plan;
    let w = wording(c, a, reply_by, lang);
    let (mut heading, mut closing) = frame(plan, false, c.as_of, lang);
    heading.subject = Some(w.subject);
    let name = plan.agencies[a.agency].name_in(lang);
    // Nơi nhận: the addressee ("Như trên"), then the plan's letter recipients.
    let mut recipients = vec![lang.pick("Như trên", "As above").to_string()];
    recipients.extend(letter_recipients(plan).into_iter().map(str::to_string));
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

/// The letters' copies (after "Như trên"): the plan's `letter_recipients` when it gives them;
/// else the report's recipients but the ministry the report goes to (a reminder to a provincial
/// agency is not copied to the ministry). The ministry is the plan's `recipient` up to its first
/// parenthesis ("Bộ Nội vụ" of "Bộ Nội vụ (Vụ Bình đẳng giới)"); a recipient is it when it
/// starts with that name, in any case, with or without diacritics. Every other body stays,
/// "Bộ Chỉ huy Quân sự tỉnh" (a provincial body) among them.
pub fn letter_recipients(plan: &crate::plan::Plan) -> Vec<&str> {
    if let Some(list) = &plan.report.letter_recipients {
        return list.iter().map(String::as_str).collect();
    }
    let r = &plan.meta.recipient;
    let ministry = crate::text::fold(r.split('(').next().unwrap_or(r));
    plan.report
        .recipients
        .iter()
        .filter(|x| ministry.is_empty() || !crate::text::fold(x).starts_with(&ministry))
        .map(String::as_str)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_day_is_singular_in_english() {
        assert_eq!(day_count(1, Lang::En), "1 day");
        assert_eq!(day_count(2, Lang::En), "2 days");
        assert_eq!(day_count(0, Lang::En), "0 days");
        assert_eq!(day_count(1, Lang::Vi), "1 ngày");
    }
}
