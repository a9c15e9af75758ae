//! A streaming scan of a workbook's XML for what sizes calamine's allocations: the tags are cut
//! out of the byte stream (quotes respected, chunk boundaries carried over) and only the few
//! that matter are looked at. Nothing is allocated per cell.

/// Tags longer than this are not kept whole; one that matters is then counted as over the limit.
const MAX_TAG: usize = 64 * 1024;

/// What a scanned part implies.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// Cells the part's sheets span (the largest of the declared and the used area).
    pub cells: u64,
    /// Shared strings declared (`sst uniqueCount` / `count`).
    pub strings: u64,
    /// Shared strings held: `<si>` elements, counted.
    pub held: u64,
    /// Records calamine builds one by one when it opens a workbook, counted: styles (`xf`,
    /// `font`, `fill`, `border`, `numFmt`) and the workbook's index (`Relationship`, `sheet`,
    /// `definedName`).
    pub records: u64,
    /// Paragraphs (`<w:p>`, any prefix), counted: what a Word reader builds one by one.
    pub paragraphs: u64,
    /// Elements of any name (start and empty tags), counted.
    pub elements: u64,
    /// The sheet that spans the most cells, when the part names it (ODS).
    pub sheet: Option<String>,
}

#[derive(Default)]
pub struct Scanner {
    ods: bool,
    in_tag: bool,
    quote: Option<u8>,
    tag: Vec<u8>,
    overlong: bool,
    found: Found,
    // XLSX: the declared area, the current row and column, the used bounds.
    declared: u64,
    row: u64,
    col: u64,
    bounds: Option<(u64, u64, u64, u64)>,
    // ODS: the current table's name, rows so far, the current row's first row and repeats,
    // the used rows and widest row.
    table: Option<String>,
    next_row: u64,
    row_start: u64,
    row_rep: u64,
    used_rows: u64,
    width: u64,
    biggest: u64,
}

impl Scanner {
    pub fn new(ods: bool) -> Self {
        Scanner {
            ods,
            ..Scanner::default()
        }
    }

    pub fn feed(&mut self, chunk: &[u8]) {
        for &b in chunk {
            if !self.in_tag {
                if b == b'<' {
                    self.in_tag = true;
                    self.quote = None;
                    self.tag.clear();
                    self.overlong = false;
                }
                continue;
            }
            match (self.quote, b) {
                (Some(q), _) if q == b => self.quote = None,
                (None, b'"' | b'\'') => self.quote = Some(b),
                (None, b'>') => {
                    self.in_tag = false;
                    let tag = std::mem::take(&mut self.tag);
                    self.on_tag(&tag);
                    self.tag = tag;
                    continue;
                }
                _ => {}
            }
            if self.tag.len() < MAX_TAG {
                self.tag.push(b);
            } else {
                self.overlong = true;
            }
        }
    }

    /// What was found so far (a lower bound of what [`Scanner::finish`] gives; no sheet).
    pub fn so_far(&self) -> Found {
        let cells = if self.ods {
            self.found
                .cells
                .saturating_add(self.used_rows.saturating_mul(self.width))
        } else {
            self.declared.max(self.used())
        };
        Found {
            cells,
            sheet: None,
            ..self.found
        }
    }

    fn used(&self) -> u64 {
        self.bounds.map_or(0, |(r0, r1, c0, c1)| {
            (r1 - r0 + 1).saturating_mul(c1 - c0 + 1)
        })
    }

    pub fn finish(mut self) -> Found {
        if self.ods {
            self.end_table();
        } else {
            self.found.cells = self.declared.max(self.used());
        }
        self.found
    }

    fn on_tag(&mut self, tag: &[u8]) {
        if matches!(tag.first(), None | Some(b'/' | b'?' | b'!')) {
            return;
        }
        self.found.elements = self.found.elements.saturating_add(1);
        let name_end = tag
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'/')
            .unwrap_or(tag.len());
        let name = &tag[..name_end];
        let closed = tag.last() == Some(&b'/');
        if self.ods {
            self.ods_tag(name, tag, closed);
        } else {
            // Namespace prefixes (`x:c`) are allowed in XLSX.
            let local = name.rsplit(|b| *b == b':').next().unwrap_or(name);
            self.xlsx_tag(local, tag);
        }
    }

    fn xlsx_tag(&mut self, name: &[u8], tag: &[u8]) {
        // Elements are counted whatever their attributes: a tag too long to keep still counts.
        match name {
            b"si" => self.found.held = self.found.held.saturating_add(1),
            b"xf" | b"font" | b"fill" | b"border" | b"numFmt" | b"Relationship" | b"sheet"
            | b"definedName" => {
                self.found.records = self.found.records.saturating_add(1);
            }
            b"p" => self.found.paragraphs = self.found.paragraphs.saturating_add(1),
            _ => {}
        }
        let matters = matches!(name, b"c" | b"row" | b"dimension" | b"sst");
        if matters && self.overlong {
            self.declared = u64::MAX;
            self.found.strings = u64::MAX;
            return;
        }
        match name {
            b"dimension" => {
                if let Some(r) = attr(tag, b"ref") {
                    self.declared = self.declared.max(range_area(r));
                }
            }
            b"sst" => {
                for key in [&b"uniqueCount"[..], b"count"] {
                    let n = attr(tag, key).map_or(0, number);
                    self.found.strings = self.found.strings.max(n);
                }
            }
            b"row" => {
                self.row = attr(tag, b"r").map_or(self.row.saturating_add(1), number);
                self.col = 0;
            }
            b"c" => {
                match attr(tag, b"r").and_then(cell_ref) {
                    Some((r, c)) => (self.row, self.col) = (r, c),
                    None => self.col = self.col.saturating_add(1),
                }
                let (r, c) = (self.row.max(1), self.col.max(1));
                self.bounds = Some(match self.bounds {
                    None => (r, r, c, c),
                    Some((r0, r1, c0, c1)) => (r0.min(r), r1.max(r), c0.min(c), c1.max(c)),
                });
            }
            _ => {}
        }
    }

    fn ods_tag(&mut self, name: &[u8], tag: &[u8], closed: bool) {
        let matters = matches!(
            name,
            b"table:table" | b"table:table-row" | b"table:table-cell" | b"table:covered-table-cell"
        );
        if matters && self.overlong {
            self.used_rows = u64::MAX;
            self.width = u64::MAX;
            return;
        }
        match name {
            b"table:table" => {
                self.end_table();
                self.table =
                    attr(tag, b"table:name").map(|n| String::from_utf8_lossy(n).into_owned());
            }
            b"table:table-row" => {
                self.row_rep = attr(tag, b"table:number-rows-repeated").map_or(1, number);
                self.row_start = self.next_row;
                self.next_row = self.next_row.saturating_add(self.row_rep);
                self.col = 0;
            }
            b"table:table-cell" | b"table:covered-table-cell" => {
                let rep = attr(tag, b"table:number-columns-repeated").map_or(1, number);
                self.col = self.col.saturating_add(rep);
                // A cell with a value or content; empty ones are written self-closed.
                if !closed || attr(tag, b"office:value-type").is_some() {
                    self.width = self.width.max(self.col);
                    let end = self.row_start.saturating_add(self.row_rep);
                    self.used_rows = self.used_rows.max(end);
                }
            }
            _ => {}
        }
    }

    fn end_table(&mut self) {
        let area = self.used_rows.saturating_mul(self.width);
        self.found.cells = self.found.cells.saturating_add(area);
        if area > self.biggest || (area > 0 && self.found.sheet.is_none()) {
            self.biggest = area;
            self.found.sheet = self.table.take();
        }
        (self.next_row, self.used_rows, self.width) = (0, 0, 0);
    }
}

/// The value of attribute `key` in a tag, without its quotes.
fn attr<'t>(tag: &'t [u8], key: &[u8]) -> Option<&'t [u8]> {
    let mut i = 0;
    while let Some(off) = find(&tag[i..], key) {
        let at = i + off;
        let before_ok = at > 0 && tag[at - 1].is_ascii_whitespace();
        let rest = &tag[at + key.len()..];
        let eq = rest.iter().position(|b| !b.is_ascii_whitespace());
        if before_ok && eq.is_some_and(|e| rest[e] == b'=') {
            let rest = &rest[eq.unwrap_or(0) + 1..];
            let q0 = rest.iter().position(|b| !b.is_ascii_whitespace())?;
            let q = rest[q0];
            if q != b'"' && q != b'\'' {
                return None;
            }
            let body = &rest[q0 + 1..];
            let end = body.iter().position(|b| *b == q).unwrap_or(body.len());
            return Some(&body[..end]);
        }
        i = at + 1;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// A decimal number, saturating; not a number is 1 (as a missing attribute).
fn number(s: &[u8]) -> u64 {
    let s = s.trim_ascii();
    if s.is_empty() || !s.iter().all(u8::is_ascii_digit) {
        return 1;
    }
    s.iter().fold(0u64, |n, d| {
        n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
    })
}

/// `XFD1048576` (with optional `$`) → (row, column), both 1-based.
fn cell_ref(s: &[u8]) -> Option<(u64, u64)> {
    let s: Vec<u8> = s.iter().copied().filter(|b| *b != b'$').collect();
    let split = s.iter().position(u8::is_ascii_digit)?;
    let (letters, digits) = s.split_at(split);
    if letters.is_empty() || !letters.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    let col = letters.iter().fold(0u64, |n, l| {
        n.saturating_mul(26)
            .saturating_add(u64::from(l.to_ascii_uppercase() - b'A' + 1))
    });
    Some((number(digits).max(1), col))
}

/// `A1:XFD1048576` → its cells; one cell is 1.
fn range_area(s: &[u8]) -> u64 {
    let mut parts = s.split(|b| *b == b':');
    let a = parts.next().and_then(cell_ref);
    let b = parts.next().and_then(cell_ref).or(a);
    match (a, b) {
        (Some((r0, c0)), Some((r1, c1))) => {
            (r0.abs_diff(r1) + 1).saturating_mul(c0.abs_diff(c1) + 1)
        }
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(ods: bool, s: &str) -> Found {
        let mut sc = Scanner::new(ods);
        // Fed in small chunks: tags cut across chunks must be put back together.
        for ch in s.as_bytes().chunks(3) {
            sc.feed(ch);
        }
        sc.finish()
    }

    #[test]
    fn xlsx_areas_declared_and_used() {
        let f = scan(
            false,
            r#"<worksheet><dimension ref="A1:XFD1048576"/><sheetData/></worksheet>"#,
        );
        assert_eq!(f.cells, 16_384 * 1_048_576);
        let f = scan(
            false,
            r#"<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="9000"><c r="ZZ9000"><v>1</v></c></row></sheetData>"#,
        );
        assert_eq!(f.cells, 9000 * 702);
        let f = scan(
            false,
            r#"<x:row><x:c><x:v>1</x:v></x:c><x:c/><x:c/></x:row><x:row><x:c/></x:row>"#,
        );
        assert_eq!(f.cells, 2 * 3);
        // a '>' inside a quoted attribute does not end the tag
        let f = scan(false, r#"<c foo=">" r="B1000"/><c r="A1"/>"#);
        assert_eq!(f.cells, 1000 * 2);
        let f = scan(
            false,
            r#"<sst xmlns="x" count="5" uniqueCount="4294967295">"#,
        );
        assert_eq!(f.strings, 4_294_967_295);
    }

    #[test]
    fn ods_repeats_expand_only_where_there_are_values() {
        let bomb = r#"<table:table table:name="T"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row></table:table>"#;
        let f = scan(true, bomb);
        assert_eq!(f.cells, 1_048_576 * 16_384);
        assert_eq!(f.sheet.as_deref(), Some("T"));
        // LibreOffice's trailing empty cells and rows cost nothing
        let normal = r#"<table:table table:name="B"><table:table-row><table:table-cell office:value-type="string"><text:p>a</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1023"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>"#;
        assert_eq!(scan(true, normal).cells, 1);
    }

    #[test]
    fn references() {
        assert_eq!(cell_ref(b"XFD1048576"), Some((1_048_576, 16_384)));
        assert_eq!(cell_ref(b"$B$7"), Some((7, 2)));
        assert_eq!(cell_ref(b"7"), None);
        assert_eq!(range_area(b"A1"), 1);
        assert_eq!(range_area(b"A1:C3"), 9);
    }

    proptest::proptest! {
        #[test]
        fn the_scan_never_panics(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "<", ">", "/", "\"", "'", " ", "c", "row", "r=", "A", "XFD", "0", "9",
                    "1048576", "dimension", "ref=", ":", "sst", "count=", "table:table-cell",
                    "table:table-row", "table:number-rows-repeated=", "office:value-type=",
                    "table:number-columns-repeated=", "99999999999999999999999",
                ]),
                0..200,
            ),
            ods: bool,
        ) {
            let text: String = parts.concat();
            let mut sc = Scanner::new(ods);
            sc.feed(text.as_bytes());
            let _ = sc.so_far();
            let _ = sc.finish();
        }
    }
}
