//! The plan's own data from the text: title, year, issuer, legal basis, the reporting rule
//! (periods, due dates, who receives the reports), the recipients and the signer.

use super::agency;
use super::deadline::{self, Which};
use super::draft::{Meta, Note, PeriodDraft, Signer};
use super::outline::{Node, Outline};
use super::registry::Registry;
use crate::t;
use crate::text::fold;

fn lower_first(s: &str) -> String {
    let mut cs = s.chars();
    cs.next()
        .map(|c| c.to_lowercase().chain(cs).collect())
        .unwrap_or_default()
}

fn slug(s: &str) -> String {
    fold(s).replace(' ', "-")
}

/// "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA …" → "Khánh Hòa": the province of the issuing body.
fn province_in_heading(p: &str) -> Option<String> {
    let words: Vec<&str> = p.split_whitespace().collect();
    let at = words.iter().position(|w| *w == "TỈNH")?;
    let name: Vec<String> = words[at + 1..]
        .iter()
        .take_while(|w| w.chars().all(|c| c.is_uppercase()) && w.chars().count() > 1)
        .map(|w| {
            let lower = w.to_lowercase();
            let mut cs = lower.chars();
            cs.next()
                .map(|c| c.to_uppercase().chain(cs).collect())
                .unwrap_or_default()
        })
        .collect();
    (!name.is_empty()).then(|| name.join(" "))
}

/// Title, year, province, issuer and legal basis from the preamble; the rest stays empty.
pub fn meta(outline: &Outline) -> Meta {
    let mut m = Meta::default();
    // The document type in capitals, after the national heading when the lines run together.
    let title = outline.preamble.iter().find_map(|p| {
        let at = p.find("KẾ HOẠCH")?;
        Some(match p[at + "KẾ HOẠCH".len()..].trim() {
            "" => "Kế hoạch".to_string(),
            r => format!("Kế hoạch {}", lower_first(r)),
        })
    });
    if let Some(t) = &title {
        let words: Vec<&str> = t.split_whitespace().collect();
        m.year = words
            .windows(2)
            .filter(|w| w[0] == "năm")
            .find_map(|w| w[1].parse::<i32>().ok());
        m.province = words.iter().position(|w| *w == "tỉnh").and_then(|i| {
            let name: Vec<&str> = words[i + 1..]
                .iter()
                .take_while(|w| w.starts_with(char::is_uppercase))
                .copied()
                .collect();
            (!name.is_empty()).then(|| name.join(" "))
        });
    }
    if m.province.is_none() {
        m.province = outline.preamble.iter().find_map(|p| province_in_heading(p));
    }
    m.title = title;
    (m.number, m.date) = number_and_date(&outline.preamble);
    let place = m
        .province
        .as_deref()
        .map(slug)
        .unwrap_or_else(|| "ke-hoach".into());
    m.id = match m.year {
        Some(y) => format!("{place}-{y}"),
        None => place,
    };
    for p in &outline.preamble {
        for verb in [" xây dựng Kế hoạch", " ban hành Kế hoạch"] {
            if let Some(i) = p.find(verb) {
                m.issuer.get_or_insert_with(|| p[..i].trim().to_string());
            }
        }
        for lead in ["Thực hiện ", "Căn cứ "] {
            if let Some(rest) = p.strip_prefix(lead) {
                m.legal_basis
                    .push(rest.trim().trim_end_matches([',', ';', '.']).to_string());
            }
        }
    }
    for (field, missing) in [
        ("title", m.title.is_none()),
        ("year", m.year.is_none()),
        ("issuer", m.issuer.is_none()),
    ] {
        if missing {
            m.notes.push((
                field,
                Note::Todo(t!(
                    "không tìm thấy '{field}' trong văn bản: điền vào",
                    "'{field}' not found in the text: fill it in"
                )),
            ));
        }
    }
    m
}

/// The plan's number and date from its heading: `Số: 123/KH-UBND` and `…, ngày 15 tháng 01
/// năm 2026` (as `2026-01-15`), each when the heading has it.
fn number_and_date(preamble: &[String]) -> (Option<String>, Option<String>) {
    let number = preamble.iter().find_map(|p| {
        let rest = p.split_once("Số:")?.1;
        let n = rest.split_whitespace().next()?;
        n.contains('/').then(|| n.to_string())
    });
    let date = preamble.iter().find_map(|p| {
        let w: Vec<&str> = p.split_whitespace().collect();
        let i = w
            .windows(6)
            .position(|w| w[0] == "ngày" && w[2] == "tháng" && w[4] == "năm")?;
        let num = |s: &str| s.trim_end_matches([',', '.']).parse::<u32>().ok();
        let (d, m, y) = (num(w[i + 1])?, num(w[i + 3])?, num(w[i + 5])?);
        let date = chrono::NaiveDate::from_ymd_opt(y as i32, m, d)?;
        Some(date.format("%Y-%m-%d").to_string())
    });
    (number, date)
}

/// The distribution list and the signer from the lines after the body.
pub fn closing(lines: &[String], m: &mut Meta) {
    let mut in_list = false;
    let mut caps: Vec<&str> = Vec::new();
    for l in lines {
        let l = l.trim();
        if fold(l).starts_with("noi nhan") {
            in_list = true;
        } else if let Some(item) = l.strip_prefix("- ").filter(|_| in_list) {
            m.distribution
                .push(item.trim().trim_end_matches(';').to_string());
        } else if !l.chars().any(char::is_lowercase) && l.chars().any(char::is_uppercase) {
            caps.push(l);
        }
    }
    let name = lines
        .iter()
        .rev()
        .map(|l| l.trim())
        .find(|l| !l.is_empty())
        .filter(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            (2..=5).contains(&w.len())
                && w.iter().all(|x| x.starts_with(char::is_uppercase))
                && l.chars().any(char::is_lowercase)
        });
    let is_authority = |s: &str| {
        ["KT.", "TM.", "TL.", "Q.", "TUQ."]
            .iter()
            .any(|p| s.starts_with(p))
    };
    let authority = caps.iter().find(|s| is_authority(s)).map(|s| s.to_string());
    let title = caps
        .iter()
        .rev()
        .find(|s| !is_authority(s))
        .map(|s| s.to_string());
    match (title, name) {
        (Some(title), Some(name)) => {
            m.signer = Some(Signer {
                authority,
                title,
                name: name.to_string(),
            })
        }
        _ => m.notes.push((
            "signer",
            Note::Todo(t!(
                "không nhận ra người ký ở cuối văn bản",
                "the signer at the end of the text was not recognised"
            )),
        )),
    }
}

/// Every item's text, with the item, depth first.
fn walk<'a>(nodes: &'a [Node], out: &mut Vec<&'a Node>) {
    for n in nodes {
        out.push(n);
        walk(&n.children, out);
    }
}

/// The reporting rule: the periods and their due dates, who receives the reports ("qua X"),
/// and the ministry the province reports to ("báo cáo Bộ X").
pub fn reporting(
    outline: &Outline,
    m: &mut Meta,
    reg: &mut Registry,
) -> (Vec<PeriodDraft>, Vec<Note>) {
    let mut nodes = Vec::new();
    walk(&outline.sections, &mut nodes);
    let mut periods: Vec<PeriodDraft> = Vec::new();
    let mut notes = Vec::new();
    for n in &nodes {
        for d in deadline::deadlines(&n.text) {
            if let Some(p) = period(&d, m.year, periods.len()) {
                if !periods.iter().any(|x| x.id == p.id) {
                    periods.push(p);
                }
            }
        }
        // "(qua X)" names who receives the reports; so does "gửi X" in a deadline's sentence.
        let sets_deadline = !deadline::deadlines(&n.text).is_empty();
        let receiver = n.text.find("(qua ").map(|i| i + 5).or_else(|| {
            let i = n.text.find(" gửi ").filter(|_| sets_deadline)?;
            Some(i + " gửi ".len())
        });
        if let Some(i) = receiver {
            let words: Vec<&str> = n.text[i..].split_whitespace().collect();
            let (who, _) = agency::list(&words, false);
            if let Some(agency::Who::Agency { name, kind }) = who.first() {
                if m.coordinator.is_none() {
                    let said =
                        n.text[..i].rsplit(' ').nth(1).unwrap_or("").to_string() + " " + name;
                    let said = said.trim_start_matches('(').trim().to_string();
                    m.coordinator = Some(reg.agency(name, kind));
                    m.notes.push((
                        "coordinator",
                        Note::From(t!("văn bản: '{said}'", "the text: '{said}'")),
                    ));
                }
            }
        }
        if let Some(i) = n.text.find("báo cáo Bộ ") {
            let words: Vec<&str> = n.text[i + "báo cáo ".len()..].split_whitespace().collect();
            let end = agency::name_end(&words, 0, false);
            let name = words[..end].join(" ");
            if m.recipient.is_none() {
                let name = name.trim_end_matches([',', ';', '.']).to_string();
                let said = format!("báo cáo {name}");
                m.notes.push((
                    "recipient",
                    Note::From(t!("văn bản: '{said}'", "the text: '{said}'")),
                ));
                m.recipient = Some(name);
            }
        }
    }
    if periods.is_empty() {
        notes.push(Note::Todo(t!(
            "không tìm thấy hạn báo cáo ('trước ngày …'): thêm các kỳ báo cáo với id, name và due",
            "no reporting deadline found ('trước ngày …'): add the periods with id, name and due"
        )));
    }
    for (field, v) in [("coordinator", &m.coordinator), ("recipient", &m.recipient)] {
        if v.is_none() {
            m.notes.push((
                field,
                Note::Todo(t!(
                    "văn bản không nói rõ '{field}': điền vào",
                    "the text does not say '{field}': fill it in"
                )),
            ));
        }
    }
    (periods, notes)
}

/// The due date's year: as written, else the plan's; an annual report due in January or
/// February of an unwritten year is due the year after (a note says so).
fn due_year(d: &deadline::Deadline, year: Option<i32>, notes: &mut Vec<Note>) -> Option<i32> {
    match (d.year, year) {
        (Some(y), _) => Some(y),
        (None, Some(y)) if d.which == Which::Year && d.month <= 2 => {
            notes.push(Note::Todo(t!(
                "văn bản không ghi năm của hạn nộp báo cáo năm: hiểu là tháng {}/{}, kiểm tra",
                "the text gives no year for the annual report's due date: read as month {}/{}, check it",
                d.month,
                y + 1
            )));
            Some(y + 1)
        }
        (None, Some(y)) => {
            notes.push(Note::From(t!(
                "năm của hạn nộp lấy theo năm của kế hoạch",
                "the due date's year is the plan's year"
            )));
            Some(y)
        }
        (None, None) => None,
    }
}

fn period(d: &deadline::Deadline, year: Option<i32>, n: usize) -> Option<PeriodDraft> {
    let mut notes = Vec::new();
    let due_y = due_year(d, year, &mut notes)?;
    let due = chrono::NaiveDate::from_ymd_opt(due_y, d.month, d.day)?;
    // The period is the plan's year even when its report is due in the next one.
    let y = year.unwrap_or(due_y);
    let (id, name, name_en) = match d.which {
        Which::Half => (
            format!("{y}-H1"),
            format!("6 tháng đầu năm {y}"),
            format!("first six months of {y}"),
        ),
        Which::NineMonths => (
            format!("{y}-9M"),
            format!("9 tháng đầu năm {y}"),
            format!("first nine months of {y}"),
        ),
        Which::Year => (
            format!("{y}-Y"),
            format!("năm {y}"),
            format!("the year {y}"),
        ),
        Which::Quarter(q) => (
            format!("{y}-Q{q}"),
            format!("quý {q} năm {y}"),
            format!("quarter {q} of {y}"),
        ),
        Which::Unknown => {
            notes.push(Note::Todo(t!(
                "văn bản không nói hạn này cho báo cáo kỳ nào: đặt lại id và tên",
                "the text does not say which report this deadline is for: set the id and names"
            )));
            let k = n + 1;
            (
                format!("{y}-P{k}"),
                format!("kỳ {k} năm {y}"),
                format!("period {k} of {y}"),
            )
        }
    };
    let said = &d.said;
    notes.insert(0, Note::From(t!("văn bản: '{said}'", "the text: '{said}'")));
    if d.day_is_late.is_none() {
        notes.push(Note::Todo(t!(
            "'trước ngày': báo cáo đề đúng ngày hạn có đúng hạn không? ghi 'on_due_date: on_time' hoặc 'on_due_date: late' (bdg hiểu on_time khi để trống)",
            "'trước ngày' (before the day): is a report dated on the due day on time? write 'on_due_date: on_time' or 'on_due_date: late' (bdg reads on_time when unset)"
        )));
    }
    Some(PeriodDraft {
        id,
        name,
        name_en,
        due,
        day_is_late: d.day_is_late,
        notes,
    })
}
