//! The draft as plan YAML, in the shipped plan's layout, with its notes as comments at their
//! places ("# TODO: …" for what a person must decide). Every value is written by
//! [`crate::yaml::Writer`].

use super::draft::{Draft, ItemDraft, Meta, Note};
use crate::lang::Lang;
use crate::yaml::Writer;

fn notes(w: &mut Writer, indent: usize, notes: &[Note], lang: Lang) {
    for n in notes {
        match n {
            Note::From(t) => w.comment(indent, t.get(lang)),
            Note::Todo(t) => w.comment(indent, &format!("TODO: {}", t.get(lang))),
        }
    }
}

fn field_notes(w: &mut Writer, indent: usize, m: &Meta, field: &str, lang: Lang) {
    let own: Vec<Note> = m
        .notes
        .iter()
        .filter(|(f, _)| *f == field)
        .map(|(_, n)| n.clone())
        .collect();
    notes(w, indent, &own, lang);
}

/// The YAML text of a draft; `source` names the file it was read from.
pub fn yaml(d: &Draft, source: &str, lang: Lang) -> String {
    let mut w = Writer::default();
    let head = crate::t!(
        "Bản nháp kế hoạch do 'bdg plan import' tạo từ {source}.\nMỗi dòng '# TODO' là chỗ văn bản chưa quyết định: sửa rồi xoá dòng đó; kiểm tra bằng 'bdg plan check'.",
        "Draft plan made by 'bdg plan import' from {source}.\nEach '# TODO' line is a place the text does not decide: settle it and delete the line; check with 'bdg plan check'."
    );
    w.comment(0, head.get(lang));
    w.blank();
    plan(&mut w, &d.meta, lang);
    w.blank();
    notes(&mut w, 0, &d.period_notes, lang);
    open_list(&mut w, "periods", d.periods.is_empty());
    for p in &d.periods {
        w.field(2, true, "id", &p.id);
        w.field(4, false, "name", &p.name);
        w.field(4, false, "name_en", &p.name_en);
        notes(&mut w, 4, &p.notes, lang);
        w.raw(4, false, "due", &p.due.format("%Y-%m-%d").to_string());
        match p.day_is_late {
            Some(true) => w.raw(4, false, "on_due_date", "late"),
            Some(false) => w.raw(4, false, "on_due_date", "on_time"),
            None => {}
        }
    }
    w.blank();
    notes(&mut w, 0, &d.reporter_notes, lang);
    w.flow(0, "reporters", &d.reporters);
    w.blank();
    open_list(&mut w, "agencies", d.agencies.is_empty());
    for a in &d.agencies {
        notes(&mut w, 2, &a.notes, lang);
        w.field(2, true, "id", &a.id);
        w.field(4, false, "name", &a.name);
        w.field(4, false, "kind", a.kind);
        if !a.aliases.is_empty() {
            w.flow(4, "aliases", &a.aliases);
        }
    }
    if !d.groups.is_empty() {
        w.blank();
        w.key(0, false, "groups");
        for g in &d.groups {
            w.field(2, true, "id", &g.id);
            w.field(4, false, "name", &g.name);
            notes(&mut w, 4, &g.notes, lang);
            w.flow(4, "members", &[]);
        }
    }
    w.blank();
    open_list(&mut w, "sections", d.sections.is_empty());
    for s in &d.sections {
        notes(&mut w, 2, &s.notes, lang);
        w.field(2, true, "id", &s.id);
        w.field(4, false, "title", &s.title);
        if !s.tasks {
            w.raw(4, false, "tasks", "false");
        }
        if let Some(t) = &s.text {
            w.field(4, false, "text", t);
        }
        items(&mut w, 4, &s.items, lang);
    }
    w.finish()
}

/// `key:` before a list's items, or `key: []` when it has none.
fn open_list(w: &mut Writer, key: &str, empty: bool) {
    if empty {
        w.flow(0, key, &[]);
    } else {
        w.key(0, false, key);
    }
}

fn plan(w: &mut Writer, m: &Meta, lang: Lang) {
    w.key(0, false, "plan");
    w.field(2, false, "id", &m.id);
    let text = |w: &mut Writer, key: &'static str, v: &Option<String>| {
        field_notes(w, 2, m, key, lang);
        w.field(2, false, key, v.as_deref().unwrap_or(""));
    };
    text(w, "title", &m.title);
    text(w, "issuer", &m.issuer);
    if let Some(p) = &m.province {
        w.field(2, false, "province", p);
    }
    field_notes(w, 2, m, "year", lang);
    w.raw(2, false, "year", &m.year.unwrap_or(0).to_string());
    if let Some(n) = &m.number {
        w.field(2, false, "number", n);
    }
    if let Some(d) = &m.date {
        w.field(2, false, "date", d);
    }
    if !m.legal_basis.is_empty() {
        w.key(2, false, "legal_basis");
        for l in &m.legal_basis {
            w.item(4, l);
        }
    }
    text(w, "coordinator", &m.coordinator);
    text(w, "recipient", &m.recipient);
    field_notes(w, 2, m, "signer", lang);
    if let Some(s) = &m.signer {
        w.key(2, false, "signer");
        if let Some(a) = &s.authority {
            w.field(4, false, "authority", a);
        }
        w.field(4, false, "title", &s.title);
        w.field(4, false, "name", &s.name);
    }
    if !m.distribution.is_empty() {
        w.key(2, false, "distribution");
        for d in &m.distribution {
            w.item(4, d);
        }
    }
}

fn items(w: &mut Writer, indent: usize, list: &[ItemDraft], lang: Lang) {
    if list.is_empty() {
        return;
    }
    w.key(indent, false, "items");
    for it in list {
        notes(w, indent + 2, &it.notes, lang);
        w.field(indent + 2, true, "id", &it.id);
        w.field(indent + 4, false, "text", &it.text);
        if let Some(l) = &it.lead {
            w.flow(indent + 4, "lead", l);
        }
        if let Some(p) = &it.partners {
            w.flow(indent + 4, "partners", p);
        }
        items(w, indent + 4, &it.items, lang);
    }
}
