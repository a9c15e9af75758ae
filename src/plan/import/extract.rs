//! The text of the plan as issued: lines of a `.txt` in any encoding the report reader
//! decodes, or the paragraphs of a `.docx` (read with docx-rs), one line each.

use crate::report::inspect::{self, Budget};
use crate::report::limits::Refusal;
use docx_rs::{
    DocumentChild, Paragraph, ParagraphChild, RunChild, Table, TableCellContent, TableChild,
    TableRowChild,
};

/// Why a file gives no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExtractError {
    /// A format bdg does not read as a plan: "PDF", "XLS/DOC (OLE)", "image".
    Unsupported(&'static str),
    /// A `.docx` over [`PLAN_DOCUMENT`], refused before it is read (its parts decompressed,
    /// its paragraphs counted).
    TooLarge(Refusal),
    /// A `.docx` that does not open: what failed, and the reader's own words (English, a
    /// detail for a report of the problem, not for the officer's message).
    Docx { fault: DocxFault, detail: String },
}

/// What in a Word document could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocxFault {
    /// The zip archive (damaged, or a part missing: a workbook or another archive).
    Archive,
    /// The archive has no document, its relations, styles or numbering where Word puts them.
    NoDocument,
    /// A part's XML or a value in it.
    Content,
}

impl From<docx_rs::ReaderError> for ExtractError {
    fn from(e: docx_rs::ReaderError) -> Self {
        use docx_rs::ReaderError as R;
        let fault = match e {
            R::ZipError(_) => DocxFault::Archive,
            R::DocumentNotFoundError
            | R::DocumentRelsNotFoundError
            | R::DocumentStylesNotFoundError
            | R::DocumentNumberingsNotFoundError
            | R::HeaderOrFooterRelsNotFoundError => DocxFault::NoDocument,
            _ => DocxFault::Content,
        };
        ExtractError::Docx {
            fault,
            detail: e.to_string(),
        }
    }
}

/// What an issued plan's Word document may hold before docx-rs reads it. docx-rs builds the
/// whole document in memory, whatever it costs: measured with `/usr/bin/time -v`, about
/// 2.4 KB for each paragraph, even an empty one (a million `<w:p/>`, 40 KB deflated: 2.4 GB),
/// and 850 bytes for each run (`<w:r/>`). So its paragraphs and its elements are counted
/// first. The 2021 plan has about 330 paragraphs; bdg's own report for 2021-H1 (tables
/// included) has 1,140 paragraphs, 15,000 elements and 390 KB. 20,000 paragraphs of about
/// 20 elements each (Word writes each run's properties as elements) is several hundred pages;
/// 32 MB leaves room for a few pictures.
pub const PLAN_DOCUMENT: Budget = Budget {
    bytes: 32 * 1024 * 1024,
    entries: 1_000,
    cells: u64::MAX,
    strings: u64::MAX,
    records: u64::MAX,
    paragraphs: 20_000,
    elements: 400_000,
    workbook: false,
};

/// The lines of a file: a Word document (by its bytes, whatever the extension says) or text.
pub fn lines(bytes: &[u8]) -> Result<Vec<String>, ExtractError> {
    match crate::report::decode::binary_kind(bytes) {
        Some("ZIP/XLSX") => docx_lines(bytes),
        Some(kind) => Err(ExtractError::Unsupported(kind)),
        None => Ok(text_lines(bytes)),
    }
}

pub fn text_lines(bytes: &[u8]) -> Vec<String> {
    let d = crate::report::decode::decode(bytes, None);
    d.text.lines().map(String::from).collect()
}

pub fn docx_lines(bytes: &[u8]) -> Result<Vec<String>, ExtractError> {
    inspect::document(bytes, &PLAN_DOCUMENT).map_err(ExtractError::TooLarge)?;
    let doc = docx_rs::read_docx(bytes)?;
    let mut out = Vec::new();
    let mut numbers = super::numbering::Numbers::new(&doc);
    for child in &doc.document.children {
        match child {
            DocumentChild::Paragraph(p) => {
                let label = numbers.label(p);
                let at = out.len();
                paragraph(p, &mut out);
                if let (Some(label), Some(first)) = (label, out.get_mut(at)) {
                    *first = format!("{label} {first}");
                }
            }
            DocumentChild::Table(t) => table(t, &mut out),
            _ => {}
        }
    }
    Ok(out)
}

fn table(t: &Table, out: &mut Vec<String>) {
    for TableChild::TableRow(row) in &t.rows {
        for TableRowChild::TableCell(cell) in &row.cells {
            for c in &cell.children {
                match c {
                    TableCellContent::Paragraph(p) => paragraph(p, out),
                    TableCellContent::Table(t) => table(t, out),
                    _ => {}
                }
            }
        }
    }
}

/// A paragraph's text; a line break inside it starts a new line.
fn paragraph(p: &Paragraph, out: &mut Vec<String>) {
    let mut line = String::new();
    for c in &p.children {
        runs(c, &mut line, out);
    }
    out.push(line);
}

fn runs(c: &ParagraphChild, line: &mut String, out: &mut Vec<String>) {
    match c {
        ParagraphChild::Run(r) => {
            for rc in &r.children {
                match rc {
                    RunChild::Text(t) => line.push_str(&t.text),
                    RunChild::Tab(_) | RunChild::PTab(_) => line.push(' '),
                    RunChild::Break(_) | RunChild::CarriageReturn(_) => {
                        out.push(std::mem::take(line))
                    }
                    _ => {}
                }
            }
        }
        ParagraphChild::Hyperlink(h) => {
            for c in &h.children {
                runs(c, line, out);
            }
        }
        ParagraphChild::Insert(i) => {
            for c in &i.children {
                if let docx_rs::InsertChild::Run(r) = c {
                    runs(&ParagraphChild::Run(r.clone()), line, out);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_paragraphs_of_a_word_document() {
        let doc = docx_rs::Docx::new()
            .add_paragraph(
                docx_rs::Paragraph::new().add_run(docx_rs::Run::new().add_text("I. MỤC ĐÍCH")),
            )
            .add_paragraph(
                docx_rs::Paragraph::new()
                    .add_run(docx_rs::Run::new().add_text("1. Sở "))
                    .add_run(docx_rs::Run::new().add_text("Y tế:")),
            );
        let mut buf = std::io::Cursor::new(Vec::new());
        doc.build().pack(&mut buf).unwrap();
        let lines = super::lines(buf.get_ref()).unwrap();
        assert_eq!(lines, vec!["I. MỤC ĐÍCH", "1. Sở Y tế:"]);
    }

    #[test]
    fn refuses_pdf() {
        assert_eq!(
            super::lines(b"%PDF-1.4"),
            Err(super::ExtractError::Unsupported("PDF"))
        );
    }
}
