//! Reminder letters (công văn đôn đốc) to late and missing agencies.

use super::admin::{closing, heading, paragraph, short_date};
use crate::cycle::{AgencyCycle, Cycle, State};
use crate::lang::Lang;
use chrono::NaiveDate;

const WIDTH: usize = 92;

pub fn letter(c: &Cycle, a: &AgencyCycle, reply_by: NaiveDate, lang: Lang) -> String {
    let plan = c.plan;
    let p = c.period;
    let agency = &plan.agencies[a.agency];
    let coordinator = &plan.agencies[plan.meta.coordinator].name;
    let title = match lang {
        Lang::Vi => &plan.meta.title,
        Lang::En => plan.meta.title_en.as_ref().unwrap_or(&plan.meta.title),
    };
    let period = p.name_in(lang);
    let due = short_date(p.due);
    let mut out = heading(plan, false, c.as_of, lang);
    out.push_str(&format!(
        "{}\n\n",
        lang.pick(
            &format!("V/v đôn đốc gửi báo cáo kết quả thực hiện\ncông tác bình đẳng giới {period}"),
            &format!("Re: reminder to send the report on\ngender-equality work, {period}"),
        )
    ));
    let to = format!(
        "{:^w$}",
        lang.pick(
            &format!("Kính gửi: {}", agency.name),
            &format!("To: {}", agency.name_en.as_ref().unwrap_or(&agency.name))
        ),
        w = WIDTH
    );
    out.push_str(to.trim_end());
    out.push_str("\n\n");
    let rule = match p.on_due_date {
        crate::plan::OnDueDate::OnTime => lang
            .pick(&format!("chậm nhất ngày {due}"), &format!("by {due}"))
            .to_string(),
        crate::plan::OnDueDate::Late => lang
            .pick(&format!("trước ngày {due}"), &format!("before {due}"))
            .to_string(),
    };
    out.push_str(&paragraph(
        lang.pick(
            &format!(
                "Thực hiện {title}, các cơ quan, đơn vị, địa phương báo cáo kết quả thực hiện nhiệm vụ bình đẳng giới {period} về {} (qua {coordinator}) {rule}.",
                plan.meta.issuer
            ),
            &format!(
                "Under the {title}, every agency reports its results on gender-equality tasks for the {period} to the {} (through the {coordinator}) {rule}.",
                plan.meta.issuer
            ),
        ),
        WIDTH,
    ));
    let as_of = short_date(c.as_of);
    let days = a.days_late.unwrap_or(0);
    let situation = match a.state {
        State::Missing => lang
            .pick(
                &format!("Đến ngày {as_of}, {coordinator} chưa nhận được báo cáo của Quý cơ quan (đã quá hạn {days} ngày)."),
                &format!("As of {as_of}, the {coordinator} has not received your report ({days} days overdue)."),
            )
            .to_string(),
        _ => {
            let sent = a.submitted_on.map(short_date).unwrap_or_default();
            lang.pick(
                &format!("Báo cáo của Quý cơ quan đề ngày {sent}, chậm {days} ngày so với thời hạn. Đề nghị Quý cơ quan lưu ý gửi báo cáo đúng hạn trong các kỳ sau."),
                &format!("Your report is dated {sent}, {days} days after the deadline. Please send future reports on time."),
            )
            .to_string()
        }
    };
    out.push_str(&paragraph(&situation, WIDTH));
    if a.state == State::Missing {
        let reply = short_date(reply_by);
        out.push_str(&paragraph(
            lang.pick(
                &format!("Để kịp thời tổng hợp, báo cáo {}, {coordinator} đề nghị Quý cơ quan khẩn trương gửi báo cáo theo mẫu trước ngày {reply}.", plan.meta.recipient),
                &format!("So that the consolidated report can reach the {} in time, the {coordinator} asks you to send your report, in the template's format, before {reply}.", plan.meta.recipient_en.as_ref().unwrap_or(&plan.meta.recipient)),
            ),
            WIDTH,
        ));
    }
    out.push_str(&paragraph(
        lang.pick("Trân trọng./.", "Yours faithfully."),
        WIDTH,
    ));
    out.push('\n');
    let mut recipients = vec![lang.pick("Như trên", "As above").to_string()];
    recipients.extend(
        plan.report
            .recipients
            .iter()
            .filter(|r| !r.contains("Bộ"))
            .cloned(),
    );
    out.push_str(&closing(plan, &recipients, lang));
    out
}
