//! The rows of a document's [`Table`](super::Table), every cell's text back to back in one
//! `String`. An appendix has a row per agency, and the report's `Document` is held while the
//! workbook is written: as a `Vec<Vec<String>>` each cell cost a `String` (24 bytes) and its own
//! heap block, each row a `Vec` (issue 16); here a cell costs its text and 4 bytes.

use std::fmt;

/// A table's rows of text cells; rows may differ in length (and from the header).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Rows {
    /// Every cell's text, in order, nothing between them.
    text: String,
    /// Where each cell ends in `text` (bytes).
    cell_ends: Vec<u32>,
    /// Where each row ends in `cell_ends` (cells).
    row_ends: Vec<u32>,
}

/// The offsets are `u32`: a table's text is far under 4 GiB (its rows are the agencies, tasks or
/// indicators of a plan of at most 16 MiB, `MAX_PLAN_BYTES`, each with a few figures), so going
/// past it is a bug, not an input to report.
fn offset(n: usize) -> u32 {
    u32::try_from(n).expect("a document table holds under 4 GiB of text")
}

impl Rows {
    pub fn new() -> Rows {
        Rows::default()
    }

    /// Adds a row of cells after the last.
    pub fn push_row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        for c in cells {
            self.text.push_str(c.as_ref());
            self.cell_ends.push(offset(self.text.len()));
        }
        self.row_ends.push(offset(self.cell_ends.len()));
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.row_ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.row_ends.is_empty()
    }

    /// The rows in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            rows: self,
            next: 0..self.len(),
        }
    }

    /// Row `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<Row<'_>> {
        (i < self.len()).then(|| self.row(i))
    }

    fn row(&self, i: usize) -> Row<'_> {
        // Row `r` starts where the row before it ends.
        let first_cell = |r: usize| r.checked_sub(1).map_or(0, |p| self.row_ends[p] as usize);
        let (first, end) = (first_cell(i), first_cell(i + 1));
        let start = first
            .checked_sub(1)
            .map_or(0, |c| self.cell_ends[c] as usize);
        Row {
            text: &self.text,
            start,
            ends: &self.cell_ends[first..end],
        }
    }

    /// Gives back the room reserved while the rows were pushed: the value is then kept,
    /// unchanged, while the documents are written.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.cell_ends.shrink_to_fit();
        self.row_ends.shrink_to_fit();
    }
}

/// Rows from anything iterating rows of cells (`Vec<Vec<String>>`, arrays of `&str`), kept
/// without spare room.
impl<R, S> FromIterator<R> for Rows
where
    R: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    fn from_iter<I: IntoIterator<Item = R>>(rows: I) -> Rows {
        let mut out = Rows::new();
        for r in rows {
            out.push_row(r);
        }
        out.shrink_to_fit();
        out
    }
}

impl<'a> IntoIterator for &'a Rows {
    type Item = Row<'a>;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// The rows of [`Rows`], in order.
#[derive(Clone)]
pub struct Iter<'a> {
    rows: &'a Rows,
    next: std::ops::Range<usize>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = Row<'a>;

    fn next(&mut self) -> Option<Row<'a>> {
        self.next.next().map(|i| self.rows.row(i))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.next.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.next.next_back().map(|i| self.rows.row(i))
    }
}

impl ExactSizeIterator for Iter<'_> {}

/// As a list of rows, each a list of cells (as `Vec<Vec<String>>` showed).
impl fmt::Debug for Rows {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// One row of [`Rows`]: its cells as `&str`.
#[derive(Clone, Copy)]
pub struct Row<'a> {
    text: &'a str,
    /// Where the row's first cell starts in `text`.
    start: usize,
    /// Where each of its cells ends in `text`.
    ends: &'a [u32],
}

impl<'a> Row<'a> {
    /// The number of cells.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Cell `i`, if the row has one.
    pub fn get(&self, i: usize) -> Option<&'a str> {
        let end = *self.ends.get(i)? as usize;
        let start = i
            .checked_sub(1)
            .map_or(self.start, |p| self.ends[p] as usize);
        Some(&self.text[start..end])
    }

    /// The cells in order.
    pub fn iter(&self) -> Cells<'a> {
        Cells {
            text: self.text,
            start: self.start,
            ends: self.ends.iter(),
        }
    }
}

impl<'a> IntoIterator for Row<'a> {
    type Item = &'a str;
    type IntoIter = Cells<'a>;

    fn into_iter(self) -> Cells<'a> {
        self.iter()
    }
}

impl fmt::Debug for Row<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// The cells of a [`Row`], in order.
#[derive(Clone)]
pub struct Cells<'a> {
    text: &'a str,
    start: usize,
    ends: std::slice::Iter<'a, u32>,
}

impl<'a> Iterator for Cells<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let end = *self.ends.next()? as usize;
        let cell = &self.text[self.start..end];
        self.start = end;
        Some(cell)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.ends.size_hint()
    }
}

impl ExactSizeIterator for Cells<'_> {}

#[cfg(test)]
mod tests {
    use super::Rows;

    fn cells(r: &Rows) -> Vec<Vec<&str>> {
        r.iter().map(|row| row.iter().collect()).collect()
    }

    #[test]
    fn rows_give_back_their_cells_empty_ones_and_ragged_rows_included() {
        let given: Vec<Vec<&str>> = vec![
            vec!["Sở Y tế", "Đúng hạn", "1.234"],
            vec![],
            vec!["", ""],
            vec!["Ủy ban nhân dân xã\nPhước Dinh"],
            vec!["a", "", "c", "—", "64,8%"],
        ];
        let r: Rows = given.iter().cloned().collect();
        assert_eq!(r.len(), 5);
        assert_eq!(cells(&r), given);
        let lens: Vec<usize> = r.iter().map(|row| row.len()).collect();
        assert_eq!(lens, [3, 0, 2, 1, 5]);
        let last = r.get(4).unwrap();
        let got: Vec<Option<&str>> = (0..6).map(|i| last.get(i)).collect();
        assert_eq!(
            got,
            [
                Some("a"),
                Some(""),
                Some("c"),
                Some("—"),
                Some("64,8%"),
                None
            ]
        );
        assert_eq!(r.get(0).unwrap().get(1), Some("Đúng hạn"));
        assert!(r.get(1).unwrap().is_empty());
        assert!(r.get(5).is_none());
        assert_eq!(r.iter().next_back().unwrap().get(0), Some("a"));
    }

    #[test]
    fn the_same_cells_are_the_same_rows_and_other_cuts_are_not() {
        let a: Rows = [["ab", "c"]].into_iter().collect();
        let mut b = Rows::new();
        b.push_row(vec!["ab".to_string(), "c".to_string()]);
        assert_eq!(a, b);
        let other: Rows = [["a", "bc"]].into_iter().collect();
        assert_ne!(a, other);
        let two: Rows = [["ab"], ["c"]].into_iter().collect();
        assert_ne!(a, two);
        assert_eq!(format!("{a:?}"), r#"[["ab", "c"]]"#);
        assert!(Rows::new().is_empty());
        assert_eq!(format!("{:?}", Rows::new()), "[]");
    }
}
