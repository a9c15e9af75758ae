//! What fits in a cell and how tall a row must be: Excel's cell limit, wrapped text estimated
//! from the column width so that printed rows are never shorter than their text.

use rust_xlsxwriter::{Worksheet, XlsxError};
use std::borrow::Cow;

/// The most characters Excel keeps in a cell.
pub const MAX_CELL_CHARS: usize = 32_767;
/// What ends a text cut to fit a cell: visible, in any language.
pub const CUT_MARK: &str = " [...]";

/// `s` as it fits in a cell: whole, or cut to Excel's limit and ending in [`CUT_MARK`].
pub(crate) fn fit_text(s: &str) -> Cow<'_, str> {
    if s.len() <= MAX_CELL_CHARS || s.chars().count() <= MAX_CELL_CHARS {
        return Cow::Borrowed(s);
    }
    let keep = MAX_CELL_CHARS - CUT_MARK.chars().count();
    let end = s.char_indices().nth(keep).map_or(s.len(), |(i, _)| i);
    Cow::Owned(format!("{}{CUT_MARK}", &s[..end]))
}

/// Points per line of 11-point text, as Excel and LibreOffice lay it out.
const LINE_POINTS: f64 = 15.0;
/// Rows stop growing here (Excel's limit is 409 points).
const MAX_LINES: usize = 27;

/// Lines `text` takes wrapped in a column `width` characters wide: an estimate from the text's
/// length. A column's width counts digit widths; Vietnamese text in Calibri or Carlito averages
/// about 0.8 of a digit a character (measured on the plan's task texts printed by LibreOffice),
/// taken as 0.85 so that a printed row is never shorter than its text.
fn wrapped_lines(text: &str, width: f64) -> usize {
    let per_line = ((width - 1.0) / 0.85).max(1.0) as usize;
    text.lines()
        .map(|l| paragraph_lines(l, per_line))
        .sum::<usize>()
        .max(1)
}

/// Lines one paragraph takes when its words are filled greedily into lines of `per_line`
/// characters, as a spreadsheet wraps: a word too long for a line is broken.
fn paragraph_lines(text: &str, per_line: usize) -> usize {
    let (mut lines, mut used) = (1, 0);
    for word in text.split_whitespace().map(crate::text::width) {
        let need = if used == 0 { word } else { used + 1 + word };
        if need <= per_line {
            used = need;
        } else if used == 0 {
            lines += (word - 1) / per_line;
            used = (word - 1) % per_line + 1;
        } else {
            lines += 1 + (word.max(1) - 1) / per_line;
            used = (word.max(1) - 1) % per_line + 1;
        }
    }
    lines
}

/// Sets a row's height to fit the tallest of its wrapped texts, when it needs more than one line.
pub(crate) fn fit_row<'a>(
    ws: &mut Worksheet,
    row: u32,
    texts: impl Iterator<Item = (&'a str, f64)>,
) -> Result<(), XlsxError> {
    let lines = texts
        .map(|(t, w)| wrapped_lines(t, w))
        .max()
        .unwrap_or(1)
        .min(MAX_LINES);
    if lines > 1 {
        ws.set_row_height(row, lines as f64 * LINE_POINTS)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_to_the_cell_limit_with_a_mark() {
        let s = "ạ".repeat(MAX_CELL_CHARS + 10);
        let cut = fit_text(&s);
        assert_eq!(cut.chars().count(), MAX_CELL_CHARS);
        assert!(cut.ends_with(CUT_MARK));
        let fits = "ạ".repeat(MAX_CELL_CHARS);
        assert_eq!(fit_text(&fits), fits.as_str());
    }

    #[test]
    fn wrapped_lines_grow_with_the_text_and_its_paragraphs() {
        assert_eq!(wrapped_lines("ngắn", 60.0), 1);
        assert_eq!(wrapped_lines(&"x".repeat(200), 60.0), 3);
        assert_eq!(wrapped_lines("a\nb\nc", 60.0), 3);
        // Words move whole to the next line: a header in a narrow column.
        assert_eq!(wrapped_lines("Số người tham gia nữ", 10.0), 3);
    }
}
