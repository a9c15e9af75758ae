//! The consolidated workbook. Every text from a report is written as a string, never a formula;
//! the creation date is the as-of date so that the same inputs give the same bytes.
//!
//! One module per worksheet; this file holds what they share: cells and their formats, tables
//! with rows as tall as their wrapped text, total rows, print setup, Excel's limits.

mod agencies;
mod details;
mod fit;
mod indicators;
mod problems;
mod summary;
mod table;
mod tasks;

use crate::consolidate::Consolidation;
use crate::lang::Lang;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

pub(crate) use fit::{fit_row, fit_text};
pub use fit::{CUT_MARK, MAX_CELL_CHARS};
pub(crate) use table::{table, total_row, Row, Total};

/// One cell's value and how it is shown.
pub(crate) enum Cell {
    Text(String),
    Int(u64),
    Money(u64),
    Pct(Option<f64>),
    Dec(Option<f64>),
    Date(Option<NaiveDate>),
    Blank,
}

pub(crate) struct Formats {
    pub header: Format,
    pub text: Format,
    pub int: Format,
    pub money: Format,
    pub pct: Format,
    pub dec: Format,
    pub date: Format,
    pub highlight: Color,
}

impl Formats {
    fn new() -> Self {
        let border = |f: Format| {
            f.set_border(FormatBorder::Thin)
                .set_border_color(Color::RGB(0xBFBFBF))
        };
        let top = |n: &str| border(Format::new().set_num_format(n).set_align(FormatAlign::Top));
        Formats {
            header: header_format(),
            text: border(Format::new().set_text_wrap().set_align(FormatAlign::Top)),
            int: top("#,##0"),
            money: top("#,##0"),
            pct: top("0.0%"),
            dec: top("0.0"),
            date: top("dd/mm/yyyy"),
            highlight: Color::RGB(0xFCE4D6),
        }
    }
}

/// The header row's look, shared with the templates.
pub(crate) fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(0xBFBFBF))
}

pub(crate) fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

fn cell_format<'f>(cell: &Cell, f: &'f Formats) -> &'f Format {
    match cell {
        Cell::Text(_) | Cell::Blank | Cell::Pct(None) | Cell::Dec(None) | Cell::Date(None) => {
            &f.text
        }
        Cell::Int(_) => &f.int,
        Cell::Money(_) => &f.money,
        Cell::Pct(Some(_)) => &f.pct,
        Cell::Dec(Some(_)) => &f.dec,
        Cell::Date(Some(_)) => &f.date,
    }
}

pub(crate) fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    fmt: &Format,
) -> Result<(), XlsxError> {
    match cell {
        // write_string: report text is data, never a formula, whatever it begins with.
        Cell::Text(s) => ws.write_string_with_format(row, col, fit_text(s), fmt),
        Cell::Int(n) | Cell::Money(n) => ws.write_number_with_format(row, col, *n as f64, fmt),
        Cell::Pct(Some(x)) | Cell::Dec(Some(x)) => ws.write_number_with_format(row, col, *x, fmt),
        Cell::Date(Some(d)) => ws.write_datetime_with_format(row, col, excel_date(*d)?, fmt),
        Cell::Pct(None) | Cell::Dec(None) | Cell::Date(None) | Cell::Blank => {
            ws.write_blank(row, col, fmt)
        }
    }
    .map(|_| ())
}

/// Printing: A4 landscape, one page wide, the header row on every page.
pub(crate) fn print_setup(ws: &mut Worksheet) -> Result<(), XlsxError> {
    ws.set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    Ok(())
}

/// The name of part `n` of a sheet split past Excel's row limit: `Chi tiết`, `Chi tiết 2` …
pub(crate) fn part_name(base: &str, n: usize) -> String {
    if n == 1 {
        base.to_string()
    } else {
        format!("{base} {n}")
    }
}

/// Sheets of at most `max_rows` data rows each, named [`part_name`], filled one row at a time
/// with the low-memory writer (rows go out in order and are not kept): header, fixed widths,
/// frozen header, autofilter, print setup. At least one sheet is written, with its header,
/// even when there is nothing to list.
///
/// The sheets are made apart from the workbook and added to it, in order, by
/// [`Parts::add_to`]: the details are written while the consolidation is counted, before the
/// sheets that stand in front of them (which need its totals) exist.
pub(crate) struct Parts {
    base: &'static str,
    max_rows: u32,
    cols: Vec<(&'static str, f64)>,
    /// Formats whole columns take (see [`Parts::with_column_formats`]).
    col_formats: Vec<(u16, Format)>,
    sheets: Vec<Worksheet>,
    /// Data rows in the last sheet.
    rows: u32,
}

impl Parts {
    pub(crate) fn new(
        wb: &mut Workbook,
        base: &'static str,
        max_rows: u32,
        cols: &[(&'static str, f64)],
        f: &Formats,
    ) -> Result<Self, XlsxError> {
        Self::with_column_formats(wb, base, max_rows, cols, f, &[])
    }

    /// [`Parts::new`], with `formats` given to whole columns: a cell written there without a
    /// format takes its column's. The hot path of the details writes its figures so, because
    /// rust_xlsxwriter finds a cell's own format by hashing all of it, for every cell.
    pub(crate) fn with_column_formats(
        wb: &mut Workbook,
        base: &'static str,
        max_rows: u32,
        cols: &[(&'static str, f64)],
        f: &Formats,
        formats: &[(u16, &Format)],
    ) -> Result<Self, XlsxError> {
        let mut p = Parts {
            base,
            max_rows: max_rows.max(1),
            cols: cols.to_vec(),
            col_formats: formats.iter().map(|(c, f)| (*c, (*f).clone())).collect(),
            sheets: Vec::new(),
            rows: 0,
        };
        p.start(wb, f)?;
        Ok(p)
    }

    fn start(&mut self, wb: &mut Workbook, f: &Formats) -> Result<(), XlsxError> {
        let mut ws = wb.new_worksheet_with_constant_memory()?;
        ws.set_name(part_name(self.base, self.sheets.len() + 1))?;
        for (c, (h, w)) in self.cols.iter().enumerate() {
            ws.set_column_width(c as u16, *w)?;
            ws.write_string_with_format(0, c as u16, *h, &f.header)?;
        }
        for (c, format) in &self.col_formats {
            ws.set_column_format(*c, format)?;
        }
        ws.set_freeze_panes(1, 0)?;
        print_setup(&mut ws)?;
        self.sheets.push(ws);
        self.rows = 0;
        Ok(())
    }

    /// The sheet and the row where the next item goes, starting a further sheet when the
    /// last one is full.
    pub(crate) fn next_row(
        &mut self,
        wb: &mut Workbook,
        f: &Formats,
    ) -> Result<(&mut Worksheet, u32), XlsxError> {
        if self.rows == self.max_rows {
            self.close_last()?;
            self.start(wb, f)?;
        }
        self.rows += 1;
        let ws = self.sheets.last_mut().expect("a sheet is started in new");
        Ok((ws, self.rows))
    }

    fn close_last(&mut self) -> Result<(), XlsxError> {
        let last_col = self.cols.len().saturating_sub(1) as u16;
        if let Some(ws) = self.sheets.last_mut() {
            ws.autofilter(0, 0, self.rows, last_col)?;
        }
        Ok(())
    }

    /// Adds the sheets to the workbook, after those already in it.
    pub(crate) fn add_to(mut self, wb: &mut Workbook) -> Result<(), XlsxError> {
        self.close_last()?;
        for ws in self.sheets {
            wb.push_worksheet(ws);
        }
        Ok(())
    }
}

/// [`Parts`] filled from `items`, then added to the workbook; `row` writes one item at a given
/// row.
pub(crate) fn split_sheets<T>(
    wb: &mut Workbook,
    base: &'static str,
    max_rows: u32,
    cols: &[(&'static str, f64)],
    f: &Formats,
    items: impl Iterator<Item = T>,
    mut row: impl FnMut(&mut Worksheet, u32, T) -> Result<(), XlsxError>,
) -> Result<(), XlsxError> {
    let mut parts = Parts::new(wb, base, max_rows, cols, f)?;
    for item in items {
        let (ws, r) = parts.next_row(wb, f)?;
        row(ws, r, item)?;
    }
    parts.add_to(wb)
}

/// Data rows a worksheet holds: Excel's 1,048,576 rows less the header.
pub const MAX_SHEET_ROWS: u32 = 1_048_575;

pub fn workbook(k: &Consolidation, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    workbook_with_limit(k, lang, MAX_SHEET_ROWS)?.save_to_buffer()
}

/// The workbook of a consolidation whose cycle holds its rows, with the details, excluded rows
/// and diagnostics split into sheets of at most `max_rows` rows.
pub fn workbook_with_limit(
    k: &Consolidation,
    lang: Lang,
    max_rows: u32,
) -> Result<Workbook, XlsxError> {
    let mut book = Book::new(k.cycle, lang, max_rows)?;
    for d in k.details() {
        book.detail(d)?;
    }
    book.finish(k)
}

/// The workbook being written: its details first, row by row as the consolidation counts
/// them ([`crate::consolidate::fold`]), then, from the finished consolidation, the sheets in
/// front of them and behind them. The sheets' order: summary, by task, by agency, indicators,
/// details, overdue, excluded, diagnostics.
pub struct Book<'p> {
    wb: Workbook,
    f: Formats,
    plan: &'p crate::plan::Plan,
    lang: Lang,
    max_rows: u32,
    details: details::Details,
}

impl<'p> Book<'p> {
    /// A workbook for `c`, with the details sheets split every `max_rows` rows.
    pub fn new(
        c: &'p crate::cycle::Cycle<'p>,
        lang: Lang,
        max_rows: u32,
    ) -> Result<Self, XlsxError> {
        Self::new_in(c, lang, max_rows, None)
    }

    /// [`Book::new`], with the rows of the sheets written without keeping them held in
    /// temporary files in `tempdir` (`consolidate` gives its output folder: a folder on the disk
    /// the workbook goes to, where the system's temporary folder may be memory or small),
    /// rather than the system's.
    pub fn new_in(
        c: &'p crate::cycle::Cycle<'p>,
        lang: Lang,
        max_rows: u32,
        tempdir: Option<&std::path::Path>,
    ) -> Result<Self, XlsxError> {
        let plan = c.plan;
        let f = Formats::new();
        let mut wb = Workbook::new();
        if let Some(dir) = tempdir {
            wb.set_tempdir(dir)?;
        }
        // Level 3, as Excel itself writes: a save about twice as fast as the default level 6,
        // for a file about a tenth larger (measured in benches/README.md).
        wb.set_zip_compression_level(3);
        wb.set_properties(
            &DocProperties::new()
                .set_title(format!(
                    "{} — {}",
                    lang.pick(
                        "Tổng hợp báo cáo bình đẳng giới",
                        "Gender-equality reports consolidated"
                    ),
                    c.period.name_in(lang)
                ))
                .set_subject(plan.meta.cited(lang))
                .set_author(match lang {
                    Lang::En => (plan.report.issuing_body_en.clone())
                        .unwrap_or_else(|| plan.report.issuing_body.clone()),
                    Lang::Vi => plan.report.issuing_body.clone(),
                })
                .set_company(plan.meta.issuer_in(lang))
                .set_creation_datetime(&excel_date(c.as_of)?),
        );
        let details = details::Details::new(&mut wb, lang, &f, max_rows)?;
        Ok(Book {
            wb,
            f,
            plan,
            lang,
            max_rows,
            details,
        })
    }

    /// Writes one accepted row into the details.
    pub fn detail(&mut self, d: crate::consolidate::Detail) -> Result<(), XlsxError> {
        (self.details).push(&mut self.wb, &self.f, self.plan, self.lang, d)
    }

    /// The workbook, once `k` (the consolidation whose rows were handed to [`Book::detail`])
    /// is complete.
    pub fn finish(self, k: &Consolidation) -> Result<Workbook, XlsxError> {
        let Book {
            mut wb,
            f,
            lang,
            max_rows,
            details,
            ..
        } = self;
        summary::sheet(&mut wb, k, lang, &f)?;
        tasks::sheet(&mut wb, k, lang, &f)?;
        let by_agency = agencies::by_agency(&mut wb, k, lang, &f)?;
        wb.push_worksheet(by_agency);
        indicators::sheet(&mut wb, k, lang, &f)?;
        details.add_to(&mut wb)?;
        let overdue = agencies::overdue(&mut wb, k, lang, &f)?;
        wb.push_worksheet(overdue);
        problems::sheets(&mut wb, k, lang, &f, max_rows)?;
        Ok(wb)
    }
}
