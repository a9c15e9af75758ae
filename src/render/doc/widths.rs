//! How wide each column of a document's [`Table`] is: decided once, from the content, so that
//! a province's real figures are held whole (a budget of "3.259.500.000", a date "23/12/2025",
//! a header's longest word "Reporters"), whatever the plan's size.
//!
//! Each column needs at least its longest unbreakable piece (a cell's or a header's longest
//! word: a figure, a date, a code are one word; a short cell, [`SHORT`], is one piece) and at
//! most its longest cell (a header wraps
//! between its words, so it asks no more than its longest word). The page is shared as a
//! browser lays out an automatic table: every column gets its least, and what is left goes to
//! the columns by their need (most − least), so figures stay as narrow as they can be whole
//! and the names and notes take the rest; when every column has its most, the rest is shared
//! by the columns' widths. The widths always add up to the page.
//!
//! The table is set at 12 pt when its least widths fit and its wrapping columns (names, notes)
//! get a quarter of the page or their longest line; otherwise smaller, 11 then 10 pt, until they
//! do; when no size down to 10 pt gives them that room, at 10 pt (the most room), or 9 pt
//! when the least widths fit only there. When they do not fit at 9 pt either, each column gets
//! its share of the page by its least width, and the longest figures may then break: the last
//! resort, for a table with more columns than an A4 page holds, which bdg does not make.
//!
//! [`fit`] measures in the table's font (Times New Roman) for the Word report; [`needs`] takes
//! any measure, and the text report uses it in characters (`plain_table.rs`).

use super::Table;

/// The sizes a table is tried at, in half-points, largest first: 12 pt, then down to 9 pt.
pub const SIZES: [u32; 4] = [24, 22, 20, 18];

/// The smallest size a table is set at to give its names room (10 pt); smaller only to hold
/// its figures whole.
const ROOMY_DOWN_TO: u32 = 20;

/// The margin inside a cell, left and right, in twips (1 mm; Word's default is 1.9 mm): the
/// Word tables set it (`w:tblCellMar`), so that an appendix of ten columns of figures holds
/// a province's figures at 11 pt.
pub const CELL_MARGIN: u32 = 57;

/// What a cell costs besides its text, in twips: its two margins, the borders and room for
/// rounding.
pub const PADDING: u32 = 2 * CELL_MARGIN + 36;

/// A cell of at most this many characters is kept on one line, as one piece: a state
/// ("chưa nộp"), a target ("≥ 100 (2025)"), a date with its mark ("23/12/2025 (*)").
pub const SHORT: usize = 14;

/// What a column needs, in some measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Need {
    /// Its longest unbreakable piece: narrower, a word is broken.
    pub least: u32,
    /// Its longest line: wider, no cell wraps.
    pub most: u32,
}

/// The widths [`fit`] decides for a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fit {
    /// Each column's width, in the unit of the page given (twips for Word); they add up to it.
    pub widths: Vec<u32>,
    /// The font size of the table's cells, in half-points.
    pub size: u32,
    /// Whether the least widths did not fit even at the smallest size: a long figure may break.
    pub breaks: bool,
}

/// Each column's [`Need`] as `measure` gives the width of a text: the header's words and the
/// cells' words and lines. The table has as many columns as its longest row or its header.
pub fn needs(t: &Table, measure: impl Fn(&str) -> u32) -> Vec<Need> {
    let columns = t
        .rows
        .iter()
        .map(|r| r.len())
        .fold(t.header.len(), usize::max);
    let mut out = vec![Need { least: 0, most: 0 }; columns];
    let longest_word = |s: &str| s.split_whitespace().map(&measure).max().unwrap_or(0);
    for (n, h) in out.iter_mut().zip(&t.header) {
        n.least = longest_word(h);
    }
    for r in &t.rows {
        for (n, cell) in out.iter_mut().zip(r.iter()) {
            let least = match crate::text::width(cell) <= SHORT {
                true => cell.lines().map(&measure).max().unwrap_or(0),
                false => longest_word(cell),
            };
            n.least = n.least.max(least);
            let line = cell.lines().map(&measure).max().unwrap_or(0);
            n.most = n.most.max(line);
        }
    }
    for n in &mut out {
        n.most = n.most.max(n.least);
    }
    out
}

/// The widths of the columns on a page `page` wide, the needs in the same unit; `None` when
/// the least widths do not fit. The widths add up to `page` (for at least one column).
pub fn share(needs: &[Need], page: u32) -> Option<Vec<u32>> {
    let least: u64 = needs.iter().map(|n| u64::from(n.least)).sum();
    let most: u64 = needs.iter().map(|n| u64::from(n.most)).sum();
    if least > u64::from(page) || needs.is_empty() {
        return (needs.is_empty()).then(Vec::new);
    }
    let (base, weight): (Vec<u32>, Vec<u64>) = if most <= u64::from(page) {
        // Every column whole: the rest by the columns' widths.
        needs.iter().map(|n| (n.most, u64::from(n.most))).unzip()
    } else {
        // The rest by need: a figure (one word) needs nothing more than its least.
        (needs.iter())
            .map(|n| (n.least, u64::from(n.most - n.least)))
            .unzip()
    };
    Some(spread(base, &weight, page))
}

/// `base` widened to add up to `page`, the room left shared by `weight` (evenly when every
/// weight is 0); what rounding leaves goes to the column of the largest weight (the first).
fn spread(mut widths: Vec<u32>, weight: &[u64], page: u32) -> Vec<u32> {
    let used: u64 = widths.iter().map(|&w| u64::from(w)).sum();
    let room = u64::from(page).saturating_sub(used);
    let total: u64 = weight.iter().sum();
    let even = total == 0;
    let (weight_of, total) = match even {
        true => (vec![1; widths.len()], widths.len() as u64),
        false => (weight.to_vec(), total),
    };
    for (w, &k) in widths.iter_mut().zip(&weight_of) {
        *w += u32::try_from(room * k / total).expect("a share of the page fits the page");
    }
    let given: u64 = widths.iter().map(|&w| u64::from(w)).sum();
    let left = u32::try_from(u64::from(page).saturating_sub(given)).unwrap_or(0);
    let largest = (0..widths.len())
        .rev()
        .max_by_key(|&i| weight_of[i])
        .unwrap_or(0);
    if let Some(w) = widths.get_mut(largest) {
        *w += left;
    }
    widths
}

/// The widths of a table of the Word report on a page `page` twips wide, and its font size.
/// Pure: the same table gives the same widths.
pub fn fit(t: &Table, page: u32) -> Fit {
    // Measured once, in thousandths of an em; each size scales them.
    let ems = needs(t, em_width);
    let at = |size: u32| -> Vec<Need> {
        // An em is `size` half-points: size × 10 twips.
        let twips = |e: u32| (u64::from(e) * u64::from(size) * 10).div_ceil(1000) as u32;
        (ems.iter())
            .map(|n| Need {
                least: twips(n.least) + PADDING,
                most: twips(n.most) + PADDING,
            })
            .collect()
    };
    // The largest size down to 10 pt at which the wrapping columns are roomy; else the one of
    // those that gives them the most room (the smallest); else the largest that fits.
    let fitting: Vec<(u32, Vec<u32>, bool)> = (SIZES.iter())
        .filter_map(|&size| {
            let needs = at(size);
            let widths = share(&needs, page)?;
            let roomy = roomy(&needs, &widths, page);
            Some((size, widths, roomy))
        })
        .collect();
    let down_to = |f: &&(u32, Vec<u32>, bool)| f.0 >= ROOMY_DOWN_TO;
    let chosen = (fitting.iter().filter(down_to).find(|f| f.2))
        .or(fitting.iter().rfind(down_to))
        .or(fitting.first())
        .cloned();
    if let Some((size, widths, _)) = chosen {
        return Fit {
            widths,
            size,
            breaks: false,
        };
    }
    // The last resort: each column its share of the page by its least width.
    let size = SIZES[SIZES.len() - 1];
    let weight: Vec<u64> = at(size).iter().map(|n| u64::from(n.least)).collect();
    Fit {
        widths: spread(vec![0; weight.len()], &weight, page),
        size,
        breaks: true,
    }
}

/// Whether each column whose cells wrap (names, notes) has its longest line or a quarter of
/// the page: at 12 pt, an appendix of many figure columns may leave the names a word or two a
/// line, and a smaller size gives them room.
fn roomy(needs: &[Need], widths: &[u32], page: u32) -> bool {
    (needs.iter().zip(widths))
        .filter(|(n, _)| n.most > n.least)
        .all(|(n, &w)| w >= n.most.min(page / 4))
}

/// A text's width in Times New Roman, in thousandths of an em (see [`advance`]).
pub fn em_width(s: &str) -> u32 {
    s.chars().map(advance).sum()
}

/// A character's advance in Times New Roman, in thousandths of an em: the wider of the regular
/// and the bold face (a header is bold), from the fonts' published metrics (Liberation Serif,
/// which LibreOffice sets in its place, has the same). A Vietnamese letter is its base letter
/// and a little more (the horn of ơ, ư); anything else is counted an em, the widest.
fn advance(c: char) -> u32 {
    const ASCII: [u16; 95] = [
        250, 333, 555, 500, 500, 1000, 833, 333, 333, 333, 500, 570, 250, 333, 250,
        278, // ' '../
        500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570,
        500, // 0..?
        930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722,
        778, // @..O
        611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581,
        500, // P.._
        333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556,
        500, // `..o
        556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 480, 220, 480, 541, // p..~
    ];
    let ascii = |c: char| {
        let i = (c as usize).checked_sub(32)?;
        ASCII.get(i).map(|&w| u32::from(w))
    };
    if let Some(w) = ascii(c) {
        return w;
    }
    let base = match c {
        'đ' => Some('d'),
        'Đ' => Some('D'),
        _ => {
            let mut first = None;
            unicode_normalization::char::decompose_canonical(c, |d| {
                first = first.or(Some(d));
            });
            first.filter(|&d| d != c)
        }
    };
    base.and_then(ascii).map_or(1000, |w| w + 60)
}

#[cfg(test)]
mod tests;
