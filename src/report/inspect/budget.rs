//! The limits a zipped document is inspected under, and the first one a part goes over.

use super::super::limits::{
    Refusal, MAX_CELLS, MAX_RECORDS, MAX_SHARED_STRINGS, MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES,
};
use super::xml;

/// The limits a zipped document is inspected under; `u64::MAX` where a kind has no such limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Decompressed bytes of all its parts, counted as they come.
    pub bytes: u64,
    /// Parts in the archive.
    pub entries: u64,
    /// Cells of its sheets, summed.
    pub cells: u64,
    /// Shared strings of one part, declared or held.
    pub strings: u64,
    /// Records calamine builds one by one (styles, the workbook's index) in one part.
    pub records: u64,
    /// Paragraphs, summed over its parts.
    pub paragraphs: u64,
    /// Elements of any name, summed over its parts.
    pub elements: u64,
    /// A workbook: `content.xml` is read as ODS, binary sheets are refused.
    pub workbook: bool,
}

/// What a report workbook may hold (README's limits table).
pub const WORKBOOK: Budget = Budget {
    bytes: MAX_UNCOMPRESSED_BYTES,
    entries: MAX_ZIP_ENTRIES,
    cells: MAX_CELLS,
    strings: MAX_SHARED_STRINGS,
    records: MAX_RECORDS,
    paragraphs: u64::MAX,
    // calamine's memory follows the cells, strings and records, each bounded above
    elements: u64::MAX,
    workbook: true,
};

/// What the parts before this one hold, where a limit is on the whole document.
#[derive(Default)]
pub(super) struct Sums {
    cells: u64,
    paragraphs: u64,
    elements: u64,
}

impl Sums {
    pub(super) fn add(&mut self, f: &xml::Found) {
        self.cells = self.cells.saturating_add(f.cells);
        self.paragraphs = self.paragraphs.saturating_add(f.paragraphs);
        self.elements = self.elements.saturating_add(f.elements);
    }
}

/// The first limit a part (`found`, after the parts in `sums`) puts the document over.
pub(super) fn over(
    found: &xml::Found,
    sums: &Sums,
    budget: &Budget,
    part: &str,
) -> Option<Refusal> {
    if sums.cells.saturating_add(found.cells) > budget.cells {
        let sheet = found.sheet.clone().unwrap_or_else(|| part.to_string());
        return Some(Refusal::Cells {
            sheet,
            cells: found.cells,
        });
    }
    if found.strings.max(found.held) > budget.strings {
        return Some(Refusal::Strings {
            declared: found.strings,
            held: found.held,
        });
    }
    if found.records > budget.records {
        return Some(Refusal::Records {
            records: found.records,
        });
    }
    let paragraphs = sums.paragraphs.saturating_add(found.paragraphs);
    if paragraphs > budget.paragraphs {
        return Some(Refusal::Paragraphs {
            paragraphs,
            max: budget.paragraphs,
        });
    }
    let elements = sums.elements.saturating_add(found.elements);
    if elements > budget.elements {
        return Some(Refusal::Elements {
            elements,
            max: budget.elements,
        });
    }
    None
}
