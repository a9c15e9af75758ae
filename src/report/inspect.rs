//! A workbook inspected before calamine opens it: an allocation that fails aborts the process
//! and cannot be caught, so what a workbook declares (and what its cells' places imply) is
//! checked against [`super::limits`] first.
//!
//! - XLSX / XLSM / ODS (zip): the number of parts from the end record, then every part
//!   decompressed through a small buffer with a running total and scanned (whatever its name:
//!   the relationships may name any part as a sheet) for `<dimension ref>`, the places of rows
//!   and cells, the declared counts of shared strings and the `<si>` and style records it
//!   really holds (counted: calamine builds one value per element); ODS `content.xml` for its
//!   repeated rows and columns.
//! - XLS (OLE): its `DIMENSIONS` records.
//!
//! A Word document (`plan import`) is a zip too: [`document`] inspects it the same way, under
//! its own [`Budget`] (its size and its paragraphs).

use super::limits::{Refusal, MAX_CELLS};
use budget::{over, Sums};
use std::io::Read;

pub use budget::{Budget, WORKBOOK};

mod budget;
mod cfb;
mod xml;

/// `Ok` when the workbook is within the limits (or is not a workbook calamine would read).
pub fn workbook(bytes: &[u8]) -> Result<(), Refusal> {
    if bytes.starts_with(b"PK\x03\x04") {
        zipped(bytes, &WORKBOOK)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        xls(bytes)
    } else {
        Ok(())
    }
}

/// The entry count of a zip's end-of-central-directory record (0xFFFF: see the zip64 record).
fn declared_entries(bytes: &[u8]) -> Option<u64> {
    let tail = &bytes[bytes.len().saturating_sub(65_557)..];
    let at = tail.windows(4).rposition(|w| w == b"PK\x05\x06")?;
    let rec = tail.get(at..at + 22)?;
    Some(u64::from(u16::from_le_bytes([rec[10], rec[11]])))
}

/// `Ok` when a zipped document (a `.docx`, whatever its name) is within `budget`; anything
/// else is left to its reader.
pub fn document(bytes: &[u8], budget: &Budget) -> Result<(), Refusal> {
    if bytes.starts_with(b"PK\x03\x04") {
        zipped(bytes, budget)
    } else {
        Ok(())
    }
}

fn zipped(bytes: &[u8], budget: &Budget) -> Result<(), Refusal> {
    let too_many = |entries| Refusal::Entries {
        entries,
        max: budget.entries,
    };
    match declared_entries(bytes) {
        Some(n) if n > budget.entries => return Err(too_many(n)),
        _ => {}
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| Refusal::Broken { why: e.to_string() })?;
    if zip.len() as u64 > budget.entries {
        return Err(too_many(zip.len() as u64));
    }
    let mut total = 0u64;
    let mut sums = Sums::default();
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .map_err(|e| Refusal::Broken { why: e.to_string() })?;
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        total = total.saturating_add(entry.size());
        if total > budget.bytes {
            return Err(Refusal::Uncompressed {
                bytes: total,
                max: budget.bytes,
            });
        }
        let kind = if budget.workbook {
            Part::of(&name)
        } else {
            Part::Xml
        };
        if kind == Part::Binary {
            return Err(Refusal::Binary);
        }
        // The declared size is not trusted: the decompressed bytes are counted as they come.
        let left = budget.bytes - (total - entry.size());
        let mut scan = xml::Scanner::new(kind == Part::Ods);
        let read = stream(&mut entry, left, budget.bytes, |chunk| {
            scan.feed(chunk);
            over(&scan.so_far(), &sums, budget, &name).is_none()
        })?;
        total = total - entry.size() + read;
        drop(entry);
        let found = scan.finish();
        if let Some(refusal) = over(&found, &sums, budget, &name) {
            return Err(refusal);
        }
        sums.add(&found);
    }
    Ok(())
}

/// What a part of a zipped workbook is, for the inspection. Every part is scanned: a workbook's
/// relationships may name any part as a sheet or as its shared strings, so none is trusted by
/// its name; only the tags that matter are looked at.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    /// An ODS `content.xml`.
    Ods,
    /// A binary sheet (XLSB).
    Binary,
    /// Anything else, scanned as XLSX.
    Xml,
}

impl Part {
    fn of(name: &str) -> Part {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".bin")
            && (lower.contains("worksheets/") || lower.ends_with("workbook.bin"))
        {
            Part::Binary
        } else if lower == "content.xml" {
            Part::Ods
        } else {
            Part::Xml
        }
    }
}

/// `f` says whether to go on: a part already over a limit is not read to its end. `left` is
/// what the parts before it left of the document's `max` decompressed bytes.
fn stream(
    r: &mut impl Read,
    left: u64,
    max: u64,
    mut f: impl FnMut(&[u8]) -> bool,
) -> Result<u64, Refusal> {
    let mut buf = vec![0u8; 64 * 1024];
    let mut read = 0u64;
    loop {
        let n = r
            .read(&mut buf)
            .map_err(|e| Refusal::Broken { why: e.to_string() })?;
        if n == 0 {
            return Ok(read);
        }
        read += n as u64;
        if read > left {
            return Err(Refusal::Uncompressed {
                bytes: max - left + read,
                max,
            });
        }
        if !f(&buf[..n]) {
            return Ok(read);
        }
    }
}

/// XLS: every substream's area, the larger of its `DIMENSIONS` records and the span of its
/// cells' places, summed. The workbook stream is taken out of its compound file and walked
/// record by record from its start and from every sheet offset it declares (`BOUNDSHEET`);
/// where the container cannot be followed, each `BOF` found in the raw bytes is walked.
fn xls(bytes: &[u8]) -> Result<(), Refusal> {
    let mut biff = Biff::default();
    match cfb::workbook_stream(bytes) {
        Some(stream) => {
            let sheets = biff.walk(&stream, 0, false)?;
            for at in sheets {
                biff.walk(&stream, at, true)?;
            }
        }
        None => {
            let boms: Vec<usize> = bytes
                .windows(4)
                .enumerate()
                .filter(|(_, w)| matches!(w, [0x09, 0x08, 0x10 | 0x08, 0x00]))
                .map(|(i, _)| i)
                .collect();
            for at in boms {
                biff.walk(bytes, at, true)?;
            }
        }
    }
    Ok(())
}

/// The walk over BIFF records: the substreams already counted, and the total so far.
#[derive(Default)]
struct Biff {
    counted: std::collections::HashSet<usize>,
    cells: u64,
}

/// One substream's bounds: its `BOF` offset, the declared area, the cells' rows and columns.
struct Substream {
    at: usize,
    declared: u64,
    bounds: Option<(u64, u64, u64, u64)>,
}

impl Biff {
    /// Walks records from `start` (to the first `EOF` when `one`, else to the end); returns the
    /// sheet offsets the `BOUNDSHEET` records declare.
    fn walk(&mut self, buf: &[u8], start: usize, one: bool) -> Result<Vec<usize>, Refusal> {
        let mut sheets = Vec::new();
        let mut sub: Option<Substream> = None;
        let mut at = start;
        while let Some(head) = buf.get(at..at + 4) {
            let typ = u16::from_le_bytes([head[0], head[1]]);
            let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
            let Some(rec) = buf.get(at + 4..at + 4 + len).filter(|_| len <= 8224) else {
                break;
            };
            let u16_at = |i: usize| {
                rec.get(i..i + 2)
                    .map(|b| u64::from(u16::from_le_bytes([b[0], b[1]])))
            };
            match typ {
                0x0809 => {
                    sub = Some(Substream {
                        at,
                        declared: 0,
                        bounds: None,
                    });
                }
                0x000A => {
                    if let Some(s) = sub.take() {
                        self.count(s)?;
                    }
                    if one {
                        break;
                    }
                }
                0x0085 if rec.len() >= 4 => {
                    sheets.push(u32::from_le_bytes([rec[0], rec[1], rec[2], rec[3]]) as usize);
                }
                0x0200 => {
                    if let Some(s) = sub.as_mut() {
                        s.declared = s.declared.max(dimensions_area(rec));
                    }
                }
                // Number, Label, RString, BoolErr, Rk, LabelSst, Formula: row, column first;
                // MulRk: row, first column, …, last column.
                0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 | 0x00BD => {
                    let last = if typ == 0x00BD {
                        rec.len().saturating_sub(2)
                    } else {
                        2
                    };
                    if let (Some(s), Some(r), Some(c0), Some(c1)) =
                        (sub.as_mut(), u16_at(0), u16_at(2), u16_at(last))
                    {
                        let (lo, hi) = (c0.min(c1), c0.max(c1));
                        s.bounds = Some(match s.bounds {
                            None => (r, r, lo, hi),
                            Some((r0, r1, a, b)) => (r0.min(r), r1.max(r), a.min(lo), b.max(hi)),
                        });
                    }
                }
                _ => {}
            }
            at += 4 + len;
        }
        if let Some(s) = sub {
            self.count(s)?;
        }
        Ok(sheets)
    }

    fn count(&mut self, s: Substream) -> Result<(), Refusal> {
        if !self.counted.insert(s.at) {
            return Ok(());
        }
        let used = s.bounds.map_or(0, |(r0, r1, c0, c1)| {
            (r1 - r0 + 1).saturating_mul(c1 - c0 + 1)
        });
        let area = s.declared.max(used);
        self.cells = self.cells.saturating_add(area);
        if self.cells > MAX_CELLS {
            return Err(Refusal::Cells {
                sheet: self.counted.len().to_string(),
                cells: area,
            });
        }
        Ok(())
    }
}

/// The area of a `DIMENSIONS` record (BIFF8: 14 or 16 bytes, rows as u32; BIFF5: 10 bytes).
fn dimensions_area(rec: &[u8]) -> u64 {
    let u16_at = |i: usize| u32::from(u16::from_le_bytes([rec[i], rec[i + 1]]));
    let u32_at = |i: usize| u32::from_le_bytes([rec[i], rec[i + 1], rec[i + 2], rec[i + 3]]);
    match rec.len() {
        10 => xls_area(u16_at(0), u16_at(2), u16_at(4), u16_at(6)),
        14 | 16 => xls_area(u32_at(0), u32_at(4), u16_at(8), u16_at(10)),
        _ => 0,
    }
}

/// The cells calamine reserves for a `DIMENSIONS` record, computed as it does (wrapping u32
/// arithmetic included: a first row after the last one is a huge area, not a small one).
fn xls_area(rf: u32, rl: u32, mut cf: u32, cl: u32) -> u64 {
    if 0xFF < cf || cl < cf {
        cf = 0;
    }
    let ((r0, c0), (r1, c1)) = if 1 <= rl && 1 <= cl {
        ((rf, cf), (rl - 1, cl - 1))
    } else {
        ((rf, cf), (rf, cf))
    };
    let rows = u64::from(r1.wrapping_sub(r0).wrapping_add(1));
    let cols = u64::from(c1.wrapping_sub(c0).wrapping_add(1));
    match (rows, cols) {
        // wrapped to zero: calamine's usize arithmetic does not wrap here, count it as huge
        (0, _) | (_, 0) => u64::MAX,
        _ => rows.saturating_mul(cols),
    }
}

#[cfg(test)]
mod tests;
