//! A [`Document`] as plain UTF-8 text: the companion for e-mail and terminals. Layout only.

use super::admin::{center, hanging, paragraph, two_columns, LEFT, RIGHT};
use super::doc::{recipient_lines, Block, Closing, Document, Heading};
use super::plain_table;
use std::io::{self, Write};

const WIDTH: usize = 92;

/// The report as text, held whole: for letters and tests. A report with an appendix is written
/// with [`write`].
pub fn render(d: &Document) -> String {
    let mut out = Vec::new();
    write(d, &mut out).expect("writing to memory does not fail");
    String::from_utf8(out).expect("the text is built from strings")
}

/// Writes the report as it goes: a block at a time, a table a line at a time (see
/// `plain_table.rs`), so an appendix with a row per agency is never held as text.
pub fn write(d: &Document, mut w: impl Write) -> io::Result<()> {
    let w: &mut dyn Write = &mut w;
    let mut out = heading(&d.heading);
    out.push('\n');
    for t in &d.title {
        out.push_str(center(t, WIDTH).trim_end());
        out.push('\n');
    }
    if !d.title.is_empty() {
        out.push('\n');
    }
    for a in &d.addressees {
        out.push_str(center(a, WIDTH).trim_end());
        out.push('\n');
    }
    if !d.addressees.is_empty() {
        out.push('\n');
    }
    w.write_all(out.as_bytes())?;
    blocks(w, &d.body)?;
    w.write_all(b"\n")?;
    w.write_all(closing(&d.closing).as_bytes())?;
    if !d.appendix.is_empty() {
        w.write_all(b"\n\n")?;
        blocks(w, &d.appendix)?;
    }
    w.flush()
}

fn heading(h: &Heading) -> String {
    let mut rows = vec![
        (h.parent_body.clone(), h.motto[0].clone()),
        (h.issuing_body.clone(), h.motto[1].clone()),
        ("───────".into(), "───────────────────────".into()),
        (h.number.clone(), h.place_and_date.clone()),
    ];
    if let Some(s) = &h.subject {
        // The subject sits under the number, wrapped to the left column.
        for l in hanging(s, LEFT - 2, "", "").lines() {
            rows.push((l.to_string(), String::new()));
        }
    }
    let mut out = String::new();
    two_columns(&mut out, &rows);
    out
}

fn blocks(w: &mut dyn Write, bs: &[Block]) -> io::Result<()> {
    for b in bs {
        let mut out = String::new();
        match b {
            Block::Part { level, text } => {
                if *level == 0 {
                    out.push('\n');
                }
                out.push_str(&hanging(text, WIDTH, "", "   "));
            }
            Block::PlanItem { depth, label, text } => {
                let pad = "  ".repeat(*depth);
                let first = format!("{pad}{label} ");
                let rest = " ".repeat(crate::text::width(&first));
                for (i, line) in text.lines().enumerate() {
                    let lead = if i == 0 { &first } else { &rest };
                    out.push_str(&hanging(line, WIDTH, lead, &rest));
                }
            }
            Block::Para { text, depth, style } => {
                let pad = "  ".repeat(*depth);
                match (depth, style) {
                    (0, super::doc::ParaStyle::Body | super::doc::ParaStyle::Draft) => {
                        out.push_str(&paragraph(text, WIDTH))
                    }
                    _ => {
                        let first = format!("{pad}    ");
                        let rest = format!("{pad}      ");
                        out.push_str(&hanging(text, WIDTH, &first, &rest));
                    }
                }
            }
            Block::Table(t) => {
                out.push('\n');
                out.push_str(&hanging(&t.title, WIDTH, "", ""));
                w.write_all(out.as_bytes())?;
                plain_table::write(w, t, WIDTH)?;
                continue;
            }
            Block::Centered { text, .. } => {
                out.push_str(center(text, WIDTH).trim_end());
                out.push('\n');
            }
        }
        w.write_all(out.as_bytes())?;
    }
    Ok(())
}

/// Recipients on the left, the signer on the right, with room to sign.
fn closing(c: &Closing) -> String {
    let mut left = vec![c.recipients_label.clone()];
    left.extend(recipient_lines(&c.recipients));
    let mut right: Vec<String> = c.authority.iter().cloned().collect();
    right.push(c.signer_title.clone());
    right.extend(std::iter::repeat_n(String::new(), 4));
    right.push(c.signer_name.clone().unwrap_or_default());
    let n = left.len().max(right.len());
    let mut out = String::new();
    for i in 0..n {
        let l = left.get(i).cloned().unwrap_or_default();
        let r = right.get(i).cloned().unwrap_or_default();
        // `{:<w$}` pads by chars, which is by columns for NFC Vietnamese.
        let line = format!("{:<w$}  {}", l, center(&r, RIGHT), w = LEFT);
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
