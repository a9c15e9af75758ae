//! A [`Table`] of the text report as comfy-table's `ASCII_MARKDOWN` preset draws it, written
//! row by row: an appendix has a row per agency, and holding its cells a second time (comfy
//! keeps each one, styled, then builds the whole text) was the largest use of memory of
//! `bdg consolidate` at national size (issue 16).
//!
//! Tables of figures keep their natural width (no cell over [`LONG`] characters): the widths
//! are the widest line of each column, measured as comfy-table measures it (Unicode display
//! width), so [`natural`] draws the same lines from one pass over the rows for the widths and
//! one to write. A table of texts is wrapped to the page by comfy-table itself ([`comfy`]): its
//! arrangement weighs every cell of a column against the others, and reproducing it is not worth
//! the risk for tables that are short in practice. `plain_table/tests.rs` renders many tables
//! both ways and compares the text.

use super::doc::{widths, Table};
use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Width};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// A table with a cell longer than this (in characters) is wrapped to the page.
const LONG: usize = 40;

/// Writes the table (without its title), each line's trailing spaces trimmed.
pub fn write(w: &mut dyn Write, t: &Table, page: usize) -> io::Result<()> {
    match natural_widths(t) {
        Some(widths) => natural(w, t, &widths),
        None => w.write_all(comfy(t, page).as_bytes()),
    }
}

/// Whether a cell is long enough for the table to be wrapped to the page.
fn is_long(t: &Table) -> bool {
    t.rows
        .iter()
        .flatten()
        .any(|c| crate::text::width(c) > LONG)
}

/// The content width of each column when the table keeps its natural width: the widest line of
/// the column's cells (header included), at least 1. `None` for a table comfy-table arranges
/// otherwise: a long one, or one whose widths do not fit comfy's `u16` (never in practice).
fn natural_widths(t: &Table) -> Option<Vec<u16>> {
    if is_long(t) {
        return None;
    }
    let columns = t
        .rows
        .iter()
        .map(|r| r.len())
        .fold(t.header.len(), usize::max);
    let mut widths = vec![1usize; columns];
    widen(&mut widths, t.header.iter().map(String::as_str));
    for r in &t.rows {
        widen(&mut widths, r.iter());
    }
    // comfy saturates a width at u16::MAX and would then split the wider line: let it.
    widths
        .into_iter()
        .map(|w| u16::try_from(w).ok().filter(|&w| w < u16::MAX - 2))
        .collect()
}

/// Widens each column to the widest line of its cell in `cells`.
fn widen<'a>(widths: &mut [usize], cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        let widest = cell.split('\n').map(str::width).max().unwrap_or(0);
        widths[i] = widths[i].max(widest);
    }
}

/// The table at its natural width, a line at a time: the header, the separator, the rows.
fn natural(w: &mut dyn Write, t: &Table, widths: &[u16]) -> io::Result<()> {
    let right: Vec<bool> = (0..widths.len())
        .map(|i| t.numeric.get(i).copied().unwrap_or(false))
        .collect();
    let mut line = String::new();
    row(
        w,
        &mut line,
        t.header.iter().map(String::as_str),
        widths,
        &right,
    )?;
    line.clear();
    line.push('|');
    for (i, &width) in widths.iter().enumerate() {
        if i > 0 {
            line.push('|');
        }
        line.extend(std::iter::repeat_n('-', usize::from(width) + 2));
    }
    line.push_str("|\n");
    w.write_all(line.as_bytes())?;
    for r in &t.rows {
        row(w, &mut line, r.iter(), widths, &right)?;
    }
    Ok(())
}

/// One row: as many lines as its tallest cell (cells split at `\n`), a missing cell or line as
/// spaces; each cell padded by one space on both sides, numbers to the right.
fn row<'a>(
    w: &mut dyn Write,
    line: &mut String,
    cells: impl Iterator<Item = &'a str>,
    widths: &[u16],
    right: &[bool],
) -> io::Result<()> {
    if widths.is_empty() {
        return Ok(());
    }
    let mut parts: Vec<std::str::Split<'_, char>> = cells.map(|c| c.split('\n')).collect();
    let height = (0..widths.len())
        .map(|i| parts.get(i).map_or(1, |p| p.clone().count()))
        .max()
        .unwrap_or(0);
    for _ in 0..height {
        line.clear();
        line.push('|');
        for (i, &width) in widths.iter().enumerate() {
            let width = usize::from(width);
            match parts.get_mut(i).and_then(Iterator::next) {
                Some(text) => {
                    let gap = width.saturating_sub(text.width());
                    let (before, after) = if right[i] { (gap, 0) } else { (0, gap) };
                    line.extend(std::iter::repeat_n(' ', 1 + before));
                    line.push_str(text);
                    line.extend(std::iter::repeat_n(' ', after + 1));
                }
                None => line.extend(std::iter::repeat_n(' ', width + 2)),
            }
            line.push('|');
        }
        w.write_all(line.trim_end().as_bytes())?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// The table as comfy-table draws it, held whole: the wrapped (long) case, and the reference the
/// tests hold [`natural`] to. Tables of figures keep their natural width; a table of texts is
/// wrapped to `page` columns.
/// A column whose cells are all this wide or less is kept on one line in a long table: the
/// short cells of the Word report's tables (`doc::widths`).
const SHORT: usize = widths::SHORT;

pub fn comfy(t: &Table, page: usize) -> String {
    let mut tb = comfy_table::Table::new();
    tb.load_style(comfy_table::presets::ASCII_MARKDOWN)
        .set_header(t.header.clone());
    if is_long(t) {
        tb.set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(page as u16);
    }
    // The first column (the names) gets at least its share of the page, as the Word report's
    // widths give it (`doc::widths::fit`): a long unit beside it ("bé trai/100 bé gái") wraps
    // in its own column rather than squeezing the names to a few words a line. A column whose
    // cells are all short ("≤ 111 (2025)", "Chưa đạt") is never wrapped; another wrapping
    // column gets its share as the Word report's, within its longest word (a header's or a
    // cell's: "/100,000", "Reporters") and its longest line.
    if is_long(t) {
        let fit = widths::fit(t, super::docx::TEXT_WIDTH as u32);
        let total: u64 = fit.widths.iter().map(|&w| u64::from(w)).sum();
        let needs = widths::needs(t, |s| s.width() as u32);
        for (i, n) in needs.iter().enumerate() {
            let share = match (fit.widths.get(i), total) {
                (Some(&w), 1..) => (u64::from(w) * page as u64 / total) as usize,
                _ => 0,
            };
            let (least, most) = (n.least as usize + 2, n.most as usize + 2);
            let least = match i {
                0 => share,
                _ if most <= SHORT + 2 => most,
                _ => share.clamp(least, most),
            };
            if let Some(c) = tb.column_mut(i) {
                let least = u16::try_from(least).unwrap_or(u16::MAX);
                c.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(least)));
            }
        }
    }
    for r in &t.rows {
        tb.add_row(r);
    }
    for (i, &num) in t.numeric.iter().enumerate() {
        if let (true, Some(c)) = (num, tb.column_mut(i)) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    let mut out = String::new();
    for l in tb.to_string().lines() {
        out.push_str(l.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests;
