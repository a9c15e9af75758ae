//! Workbooks as report input (calamine): the sheets that have the report header (the first one's
//! columns; a later sheet with other columns is named, not read), their cells
//! read as a person sees them: Excel dates as dates, whole numbers without ".0", formulas by
//! their cached values, numbers stored as text as they are written.

use super::{column_of, no_header, RawRow, Source, Table};
use crate::diag::{Diagnostic, Excludes, Kind};
use calamine::{open_workbook_auto_from_rs, Data, Reader};
use chrono::{Days, NaiveDate};

/// 1 → A, 26 → Z, 27 → AA.
pub fn column_letters(mut col: u32) -> String {
    let mut s = Vec::new();
    while col > 0 {
        let r = (col - 1) % 26;
        s.push(b'A' + r as u8);
        col = (col - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).expect("ASCII")
}

/// A cell's value as the text a person sees in it.
pub fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => crate::text::nfc(s),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => format!("{f}"),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) => {
            // Excel's serial day 0 is 1899-12-30 (its 1900 leap-year bug included).
            let days = dt.as_f64().floor();
            if days >= 0.0 {
                let base = NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid");
                (base + Days::new(days as u64))
                    .format("%Y-%m-%d")
                    .to_string()
            } else {
                dt.as_f64().to_string()
            }
        }
        Data::DateTimeIso(s) => s.chars().take(10).collect(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

/// "44356" → "2021-06-09": an Excel serial day in 2000–2100, else `None`.
fn serial_date(v: &str) -> Option<String> {
    let n: u64 = v.parse().ok()?;
    (36_526..=73_050).contains(&n).then(|| {
        let base = NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid");
        (base + Days::new(n)).format("%Y-%m-%d").to_string()
    })
}

/// The row (0-based, among the first 30) that holds the report header: the one naming the most
/// report columns, at least two.
fn header_row(rows: &[Vec<String>]) -> Option<usize> {
    rows.iter()
        .enumerate()
        .take(30)
        .map(|(i, r)| (i, r.iter().filter(|c| column_of(c).is_some()).count()))
        .filter(|(_, n)| *n >= 2)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(i, _)| i)
}

/// A header with an indicator column and no task column: an indicator table's.
pub(crate) fn is_indicator_header<'a>(cells: impl Iterator<Item = &'a str>) -> bool {
    let cols: Vec<_> = cells.filter_map(column_of).collect();
    cols.contains(&super::Col::Indicator) && !cols.contains(&super::Col::Task)
}

/// A workbook's tables: the task table, the warnings, and the indicator table.
type Tables = (Table<'static>, Vec<Diagnostic>, Option<Table<'static>>);

/// The first sheet that has the report header, as a table, and a warning for every later sheet
/// that has one too (it is not read: one report is one sheet); the first indicator sheet
/// beside it. A workbook with only an indicator sheet gives it as its table.
pub(crate) fn table(bytes: &[u8], file: &str) -> Result<Tables, Box<Diagnostic>> {
    let mut book =
        open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec())).map_err(|e| {
            Box::new(
                Diagnostic::err(
                    file,
                    Kind::Workbook {
                        error: e.to_string(),
                    },
                )
                .excluding(Excludes::File),
            )
        })?;
    let mut found: Option<(Table<'static>, Vec<Option<super::Col>>)> = None;
    let mut others = Vec::new();
    let mut indicators: Option<Table<'static>> = None;
    for name in book.sheet_names().to_vec() {
        let Ok(range) = book.worksheet_range(&name) else {
            continue;
        };
        let Some((row0, col0)) = range.start() else {
            continue;
        };
        let rows: Vec<Vec<String>> = range
            .rows()
            .map(|r| r.iter().map(cell_text).collect())
            .collect();
        let Some(h) = header_row(&rows) else { continue };
        if is_indicator_header(rows[h].iter().map(String::as_str)) {
            if indicators.is_none() {
                indicators = Some(sheet_table(vec![(name, col0)], row0, rows, h));
            }
            continue;
        }
        let columns = header_columns(&rows[h]);
        match &mut found {
            None => {
                let sheets = vec![(name, col0)];
                found = Some((sheet_table(sheets, row0, rows, h), columns));
            }
            // The same header: its rows are the report's too, each placed in its own sheet.
            Some((table, first)) if *first == columns => {
                let Source::Sheet { sheets } = &mut table.source else {
                    continue;
                };
                sheets.push((name, col0));
                let index = sheets.len() - 1;
                let more = sheet_table(Vec::new(), row0, rows, h).rows;
                table
                    .rows
                    .extend(more.into_iter().map(|r| RawRow { start: index, ..r }));
            }
            Some((table, _)) => others.push(sheet_not_read(file, &name, table)),
        }
    }
    match (found, indicators) {
        (Some((t, _)), ind) => Ok((t, others, ind)),
        (None, Some(ind)) => Ok((ind, others, None)),
        (None, None) => Err(no_header(file, false)),
    }
}

/// The report column of each header cell, up to the last one that is one.
fn header_columns(header: &[String]) -> Vec<Option<super::Col>> {
    let mut v: Vec<_> = header.iter().map(|c| column_of(c)).collect();
    while v.last() == Some(&None) {
        v.pop();
    }
    v
}

/// A later sheet with a different report header: said, not read.
fn sheet_not_read(file: &str, name: &str, first: &Table) -> Diagnostic {
    let read = match &first.source {
        Source::Sheet { sheets } => sheets.first().map_or("", |s| s.0.as_str()),
        Source::Text { .. } => "",
    };
    Diagnostic::warn(
        file,
        Kind::SheetNotRead {
            sheet: name.to_string(),
            read: read.to_string(),
        },
    )
}

fn sheet_table(
    sheets: Vec<(String, u32)>,
    row0: u32,
    mut rows: Vec<Vec<String>>,
    h: usize,
) -> Table<'static> {
    let header_line = row0 + h as u32 + 1;
    // A date typed into a cell whose date format was lost comes back as Excel's serial
    // number: in the date column, read plausible serials (years 2000–2100) as dates.
    let date_col = rows[h]
        .iter()
        .position(|c| column_of(c) == Some(super::Col::SubmittedOn));
    if let Some(dc) = date_col {
        for r in rows.iter_mut().skip(h + 1) {
            if let Some(v) = r.get_mut(dc) {
                if let Some(d) = serial_date(v) {
                    *v = d;
                }
            }
        }
    }
    let data = rows
        .iter()
        .enumerate()
        .skip(h + 1)
        .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
        .map(|(i, r)| {
            let cells = csv::StringRecord::from(r.clone());
            RawRow::of_sheet(row0 + i as u32 + 1, 0, cells)
        })
        .collect();
    Table {
        source: Source::Sheet { sheets },
        header: csv::StringRecord::from(rows[h].clone()),
        header_line,
        header_start: 0,
        rows: data,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(5), "E");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(703), "AAA");
    }

    #[test]
    fn serial_days_in_the_date_column() {
        assert_eq!(serial_date("44356").as_deref(), Some("2021-06-09"));
        assert_eq!(serial_date("12"), None);
        assert_eq!(serial_date("09/06/2021"), None);
    }

    #[test]
    fn cells_as_a_person_sees_them() {
        assert_eq!(cell_text(&Data::Float(1_500_000.0)), "1500000");
        assert_eq!(cell_text(&Data::Float(85.5)), "85.5");
        assert_eq!(cell_text(&Data::String("1.500.000".into())), "1.500.000");
        assert_eq!(cell_text(&Data::Empty), "");
    }
}
