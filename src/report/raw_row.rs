//! One row of a table as the checks see it: its cells up to the header's width, and what was
//! not kept of the rest. A hostile row (200,000 cells past the header, one 60 MB cell) costs
//! no more than an ordinary one: the cells past the header and the text of an over-long cell
//! are dropped as the row is read, only where they were and how large is kept — what
//! `checks::too_long` and `checks::shifted` say of the row.

use super::MAX_CELL_CHARS;

/// Characters of an over-long cell kept in its place: enough for every message that quotes it
/// (cut at 600 characters) and for what the row's identity and blank checks look at.
const HEAD_CHARS: usize = 1_024;

pub(crate) struct RawRow {
    pub line: u32,
    pub start: usize,
    /// The cells up to the header's width (text; a workbook's row whole), an over-long one
    /// cut to its first [`HEAD_CHARS`] characters.
    pub record: csv::StringRecord,
    /// What was not kept; `None` for an ordinary row.
    pub dropped: Option<Box<Dropped>>,
}

/// What a row held that was not kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Dropped {
    /// The first cell over [`MAX_CELL_CHARS`] (past the header's width too): its field and
    /// its length in characters.
    pub long: Option<(usize, usize)>,
    /// The first filled cell past the header's width, and the row's filled width (cells up to
    /// its last filled one).
    pub extra: Option<(usize, usize)>,
}

impl RawRow {
    /// The row of `cells`, keeping its first `width` cells (all, for `None`).
    pub(crate) fn new(
        line: u32,
        start: usize,
        cells: &csv::StringRecord,
        width: Option<usize>,
    ) -> Self {
        let keep = width.unwrap_or(usize::MAX);
        let ordinary = cells.len() <= keep && cells.iter().all(|c| c.len() <= MAX_CELL_CHARS);
        if ordinary {
            return RawRow {
                line,
                start,
                record: cells.clone(),
                dropped: None,
            };
        }
        let mut dropped = Dropped::default();
        let bytes = cells.iter().take(keep).map(|c| kept(c).len()).sum();
        let mut record = csv::StringRecord::with_capacity(bytes, cells.len().min(keep));
        for (i, c) in cells.iter().enumerate() {
            if let (Some(n), None) = (chars_over_limit(c), dropped.long) {
                dropped.long = Some((i, n));
            }
            if i < keep {
                record.push_field(kept(c));
            } else if !c.trim().is_empty() {
                dropped.extra = Some((dropped.extra.map_or(i, |e| e.0), i + 1));
            }
        }
        let dropped = (dropped != Dropped::default()).then(|| Box::new(dropped));
        RawRow {
            line,
            start,
            record,
            dropped,
        }
    }

    /// A workbook's row, whole but for an over-long cell's text.
    pub(crate) fn of_sheet(line: u32, start: usize, cells: csv::StringRecord) -> Self {
        if cells.iter().all(|c| c.len() <= MAX_CELL_CHARS) {
            let dropped = None;
            return RawRow {
                line,
                start,
                record: cells,
                dropped,
            };
        }
        RawRow::new(line, start, &cells, None)
    }

    /// The first cell over [`MAX_CELL_CHARS`]: its field and length in characters.
    pub(crate) fn too_long(&self) -> Option<(usize, usize)> {
        self.dropped.as_ref()?.long
    }

    /// The first filled cell past the header's width, and the row's filled width.
    pub(crate) fn extra(&self) -> Option<(usize, usize)> {
        self.dropped.as_ref()?.extra
    }
}

/// The length of `c` in characters, when it is over [`MAX_CELL_CHARS`].
fn chars_over_limit(c: &str) -> Option<usize> {
    // Bytes are never fewer than characters: most cells are settled without counting.
    if c.len() <= MAX_CELL_CHARS {
        return None;
    }
    let n = c.chars().count();
    (n > MAX_CELL_CHARS).then_some(n)
}

/// `c` as kept: whole, or its head when it is over [`MAX_CELL_CHARS`].
fn kept(c: &str) -> &str {
    match chars_over_limit(c) {
        Some(_) => head(c),
        None => c,
    }
}

/// The first [`HEAD_CHARS`] characters of `c`.
fn head(c: &str) -> &str {
    c.char_indices().nth(HEAD_CHARS).map_or(c, |(i, _)| &c[..i])
}

#[cfg(test)]
mod tests {
    use super::{RawRow, HEAD_CHARS, MAX_CELL_CHARS};

    fn record(cells: &[&str]) -> csv::StringRecord {
        csv::StringRecord::from(cells.to_vec())
    }

    #[test]
    fn an_ordinary_row_is_kept_whole() {
        let r = RawRow::new(2, 0, &record(&["a", "", "c"]), Some(3));
        assert_eq!(r.record, record(&["a", "", "c"]));
        assert!(r.dropped.is_none());
        // Empty cells past the header are no loss.
        let r = RawRow::new(2, 0, &record(&["a", "b", "", " "]), Some(2));
        assert_eq!((r.record, r.dropped), (record(&["a", "b"]), None));
    }

    #[test]
    fn cells_past_the_header_are_counted_not_kept() {
        let mut cells = vec!["a", "b", "", "x"];
        cells.extend(std::iter::repeat_n("", 100_000));
        cells.push("y");
        let r = RawRow::new(2, 7, &record(&cells), Some(2));
        assert_eq!(r.record, record(&["a", "b"]));
        assert_eq!(r.extra(), Some((3, 100_005)));
        assert_eq!(r.too_long(), None);
        assert_eq!((r.line, r.start), (2, 7));
    }

    #[test]
    fn an_over_long_cell_keeps_its_length_and_its_head() {
        let long = "ư".repeat(MAX_CELL_CHARS + 1);
        let r = RawRow::new(2, 0, &record(&["a", &long, "c"]), Some(3));
        assert_eq!(r.too_long(), Some((1, MAX_CELL_CHARS + 1)));
        assert_eq!(r.record.get(1).map(|c| c.chars().count()), Some(HEAD_CHARS));
        assert_eq!(r.record.get(2), Some("c"));
        // At the limit, in characters (not bytes), the cell is kept whole.
        let at = "ư".repeat(MAX_CELL_CHARS);
        let r = RawRow::new(2, 0, &record(&[&at]), Some(1));
        assert_eq!((r.too_long(), r.record.get(0)), (None, Some(at.as_str())));
        // Past the header, an over-long cell is still found first.
        let r = RawRow::of_sheet(2, 0, record(&["a", "b", &long]));
        assert_eq!(r.too_long(), Some((2, MAX_CELL_CHARS + 1)));
        let r = RawRow::new(2, 0, &record(&["a", "b", &long]), Some(1));
        assert_eq!(
            (r.too_long(), r.extra()),
            (Some((2, MAX_CELL_CHARS + 1)), Some((1, 3)))
        );
        assert_eq!(r.record, record(&["a"]));
    }
}
