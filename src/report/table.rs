//! Text to a table: where the header row is, the delimiter, every non-blank record, and where
//! each field stands (line and column as an editor shows them) — and the same `Table` shape for
//! workbooks (`sheet.rs`), so that one set of checks serves both.

pub(crate) use super::raw_row::RawRow;
use super::{column_of, COLUMNS};
use crate::diag::{Diagnostic, Excludes, Kind, Place};

/// How many columns are required: a row naming that many known columns is the header.
const REQUIRED: usize = 5;

/// Splits a line naively (quotes stripped) to look for the header.
fn naive_cells(line: &str, d: char) -> Vec<String> {
    line.split(d)
        .map(|c| c.trim().trim_matches('"').trim().to_string())
        .collect()
}

struct Header {
    line0: usize,
    offset: usize,
    delimiter: char,
}

/// The header row is the first of the first lines that names the most known columns, under the
/// delimiter that names most; `sep=;` (Excel's hint line) fixes the delimiter.
fn find_header(text: &str) -> Option<Header> {
    let mut forced = None;
    let mut best: Option<(usize, Header)> = None;
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate().take(30) {
        let trimmed = line.trim_end_matches(['\r', '\n']);
        if i == 0 {
            if let Some(d) = trimmed.strip_prefix("sep=").and_then(|s| s.chars().next()) {
                forced = Some(d);
                offset += line.len();
                continue;
            }
        }
        for d in [',', ';', '\t'] {
            if forced.is_some_and(|f| f != d) {
                continue;
            }
            let known = naive_cells(trimmed, d)
                .iter()
                .filter(|c| column_of(c).is_some())
                .count();
            if known >= REQUIRED {
                // Every required column on one row: this is the header.
                return Some(Header {
                    line0: i,
                    offset,
                    delimiter: d,
                });
            }
            if known >= 2 && best.as_ref().is_none_or(|(k, _)| known > *k) {
                best = Some((
                    known,
                    Header {
                        line0: i,
                        offset,
                        delimiter: d,
                    },
                ));
            }
        }
        offset += line.len();
    }
    best.map(|(_, h)| h)
}

/// Line and column (1-based, in characters, as an editor shows them) where field `field` of the
/// record starting at byte `start` of `text` begins.
pub(crate) fn field_position(
    text: &str,
    start: usize,
    start_line: u32,
    field: usize,
    delim: char,
) -> (u32, u32) {
    // `start` is where the record's first field begins: `text_table` has already stepped past
    // the line ending the csv reader leaves before a record in CRLF files.
    let mut line = start_line;
    let mut line_start = start;
    let mut in_quotes = false;
    // As the csv reader (and Excel) do: a quote opens a quoted field only at the field's start;
    // elsewhere it is a character like any other.
    let mut at_field_start = true;
    let mut n = 0;
    let mut field_start = start;
    for (i, c) in text[start..].char_indices() {
        if n == field {
            field_start = start + i;
            break;
        }
        match c {
            '"' if in_quotes => in_quotes = false,
            '"' if at_field_start => in_quotes = true,
            '\n' if in_quotes => {
                line += 1;
                line_start = start + i + 1;
            }
            '\n' => break,
            c if c == delim && !in_quotes => {
                n += 1;
                field_start = start + i + c.len_utf8();
                at_field_start = true;
                continue;
            }
            _ => {}
        }
        at_field_start = false;
    }
    let col = text
        .get(line_start..field_start)
        .map_or(0, |s| s.chars().count());
    (line, col as u32 + 1)
}

/// Where a table came from: text (places are editor lines and columns) or sheets (Excel rows
/// and columns, and the cell reference). A workbook's table may gather the rows of several
/// sheets with the same header: a row's `start` is then the index of its sheet here.
pub(crate) enum Source<'a> {
    Text { body: &'a str, delim: char },
    Sheet { sheets: Vec<(String, u32)> },
}

impl Source<'_> {
    pub(crate) fn place(&self, line: u32, start: usize, field: usize) -> Place {
        match self {
            Source::Text { body, delim } => {
                let (line, col) = field_position(body, start, line, field, *delim);
                Place {
                    line,
                    col,
                    cell: None,
                }
            }
            Source::Sheet { sheets } => {
                let (name, first_col) = sheets
                    .get(start)
                    .or(sheets.first())
                    .map_or(("", 0), |(n, c)| (n.as_str(), *c));
                let col = first_col + field as u32 + 1;
                Place {
                    line,
                    col,
                    cell: Some(format!(
                        "{name}!{}{line}",
                        super::sheet::column_letters(col)
                    )),
                }
            }
        }
    }
}

/// A report as a table: its header, its non-blank rows, and where they stand.
pub(crate) struct Table<'a> {
    pub source: Source<'a>,
    pub header: csv::StringRecord,
    pub header_line: u32,
    pub header_start: usize,
    pub rows: Vec<RawRow>,
}

pub(crate) fn no_header(file: &str, empty: bool) -> Box<Diagnostic> {
    let expected = COLUMNS
        .iter()
        .filter(|c| c.required)
        .map(|c| c.header.to_string())
        .collect();
    Box::new(Diagnostic::err(file, Kind::NoHeader { expected, empty }).excluding(Excludes::File))
}

/// Text to a table: the header row found, then every non-blank record; the lines skipped
/// before the header come back as a warning. The text is lent to the CSV reader while it reads
/// (not copied), and given back.
pub(crate) fn text_table<'a>(
    text: &'a mut String,
    file: &str,
) -> Result<(Table<'a>, Option<Diagnostic>), Box<Diagnostic>> {
    let Some(h) = find_header(text) else {
        return Err(no_header(file, text.trim().is_empty()));
    };
    let header_line = h.line0 as u32 + 1;
    let skipped = skipped_lines(file, &text[..h.offset], header_line);
    let (header, rows) = with_csv_reader(h.delimiter as u8, text, h.offset, |rdr| {
        read_records(rdr, h.offset, file, header_line)
    })?;
    let text: &'a str = text;
    let table = Table {
        source: Source::Text {
            body: &text[h.offset..],
            delim: h.delimiter,
        },
        header,
        header_line,
        header_start: 0,
        rows,
    };
    Ok((table, skipped))
}

type CsvReader = csv::Reader<std::io::Cursor<Vec<u8>>>;

thread_local! {
    /// One CSV reader per delimiter and reading thread, kept from file to file: building one
    /// costs as much as reading 60 rows (the CSV state machine is built anew each time).
    static READERS: std::cell::RefCell<Vec<(u8, CsvReader)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `f` on this thread's reader for `delimiter`, lent `text` and set at its byte `offset`
/// as a new reader would be at the start of the body (line 1, byte 0, no record read); the
/// text is given back after.
fn with_csv_reader<T>(
    delimiter: u8,
    text: &mut String,
    offset: usize,
    f: impl FnOnce(&mut CsvReader) -> T,
) -> T {
    READERS.with(|cell| {
        let mut readers = cell.borrow_mut();
        let i = match readers.iter().position(|(d, _)| *d == delimiter) {
            Some(i) => i,
            None => {
                let mut r = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .delimiter(delimiter)
                    .from_reader(std::io::Cursor::new(Vec::new()));
                // The first seek reads the (empty) header record; later seeks read nothing.
                r.seek_raw(std::io::SeekFrom::Start(0), csv::Position::new())
                    .expect("an empty reader in memory");
                readers.push((delimiter, r));
                readers.len() - 1
            }
        };
        let rdr = &mut readers[i].1;
        *rdr.get_mut().get_mut() = std::mem::take(text).into_bytes();
        // Positions count from `offset` (byte 0, line 1), as a reader of the body alone would.
        rdr.seek_raw(
            std::io::SeekFrom::Start(offset as u64),
            csv::Position::new(),
        )
        .expect("seeking in memory reads nothing");
        let out = f(rdr);
        let bytes = std::mem::take(rdr.get_mut().get_mut());
        *text = String::from_utf8(bytes).expect("the text lent comes back as it was");
        out
    })
}

/// The header record and the rows of the text lent to `rdr`, whose body starts at byte
/// `offset` (see [`text_table`]).
fn read_records(
    rdr: &mut CsvReader,
    offset: usize,
    file: &str,
    header_line: u32,
) -> Result<(csv::StringRecord, Vec<RawRow>), Box<Diagnostic>> {
    let mut rec = csv::StringRecord::new();
    let header = match rdr.read_record(&mut rec) {
        Ok(true) => rec.clone(),
        _ => return Err(no_header(file, true)),
    };
    // Cells past the header's width are counted, not kept (`RawRow::new`).
    let width = Some(filled_width(&header));
    let mut rows = Vec::new();
    loop {
        let before = rdr.position().clone();
        match rdr.read_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = header_line + before.line() as u32 - 1;
                return Err(Box::new(
                    Diagnostic::err(
                        file,
                        Kind::UnreadableRow {
                            error: e.to_string(),
                        },
                    )
                    .at_line(line)
                    .excluding(Excludes::File),
                ));
            }
        }
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let pos = rec.position().cloned().unwrap_or(before);
        let body = &rdr.get_ref().get_ref()[offset..];
        let (line, start) = record_start(body, header_line + pos.line() as u32 - 1, pos.byte());
        if rows.len() >= super::limits::MAX_ROWS {
            return Err(Box::new(super::limits::too_many_rows(file)));
        }
        rows.push(RawRow::new(line, start, &rec, width));
    }
    Ok((header, rows))
}

/// Lines before the header row (blank lines and Excel's `sep=` aside): a warning, at line 1.
fn skipped_lines(file: &str, before: &str, header_line: u32) -> Option<Diagnostic> {
    let lines = before
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("sep="))
        .count();
    let kind = Kind::SkippedLines { lines, header_line };
    (lines > 0).then(|| Diagnostic::warn(file, kind).at_line(1))
}

/// A record's first line and byte in `body`: with CRLF endings the CSV reader puts a record's
/// start just before the pending line break, so step over it.
fn record_start(body: &[u8], mut line: u32, byte: u64) -> (u32, usize) {
    let mut start = byte as usize;
    while let Some(&b) = body.get(start).filter(|b| **b == b'\r' || **b == b'\n') {
        line += u32::from(b == b'\n');
        start += 1;
    }
    (line, start)
}

/// Cells up to the last non-empty one.
pub(crate) fn filled_width(r: &csv::StringRecord) -> usize {
    r.iter()
        .enumerate()
        .filter(|(_, c)| !c.trim().is_empty())
        .map(|(i, _)| i + 1)
        .last()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::{field_position, text_table};

    /// Each row's line, start and cells, as read.
    fn rows(text: &str) -> Vec<(u32, usize, Vec<String>)> {
        let mut text = text.to_string();
        let (t, _) = text_table(&mut text, "t.csv").unwrap_or_else(|e| panic!("{e:?}"));
        t.rows
            .iter()
            .map(|r| (r.line, r.start, r.record.iter().map(String::from).collect()))
            .collect()
    }

    /// The CSV readers kept from file to file read each file as a new reader would: same
    /// lines, starts and cells, whatever the thread read before (other delimiters, a file cut
    /// inside quotes, a longer file).
    #[test]
    fn a_kept_reader_reads_each_file_as_a_new_one_would() {
        let head = "Đơn vị,Kỳ báo cáo,Ngày báo cáo,Mã nhiệm vụ,Tình trạng";
        let comma = format!("{head}\nA,2021-H1,01/06/2021,I.1,done\n\nB,\"x\ny\",,I.2,\n");
        let semi = format!("sep=;\n{}\nC;2021-H1;;I.3;done\n", head.replace(',', ";"));
        let cut = format!("{head}\nD,\"never closed,,,\n");
        let first = (rows(&comma), rows(&semi), rows(&cut));
        assert_eq!(first.0.len(), 2);
        assert_eq!(first.0[0].0, 2);
        assert_eq!((first.0[1].0, first.0[1].2[1].as_str()), (4, "x\ny"));
        assert_eq!(first.1[0].2[0], "C");
        for _ in 0..3 {
            assert_eq!(
                (rows(&cut), rows(&semi), rows(&comma)),
                (first.2.clone(), first.1.clone(), first.0.clone())
            );
        }
    }

    #[test]
    fn field_positions_count_characters_and_quotes() {
        let text = "a,\"b,c\",đ,e\n";
        assert_eq!(field_position(text, 0, 5, 0, ','), (5, 1));
        assert_eq!(field_position(text, 0, 5, 2, ','), (5, 9));
        assert_eq!(field_position(text, 0, 5, 3, ','), (5, 11));
    }
}
