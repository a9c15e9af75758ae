//! A [`Document`] as a Word file in the layout of Decree 30/2020/NĐ-CP (Appendix I): A4
//! portrait, margins 20/20/30/15 mm, Times New Roman 14 pt, the heading as a borderless
//! two-column table, page numbers from page 2. Layout only: the words come with the value.

use super::doc::{recipient_lines, widths, Block, Closing, Document, Heading, ParaStyle, Table};
use docx_rs::{
    AlignmentType, BorderType, Docx, Footer, Header, LineSpacing, PageMargin, PageNum, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, SpecialIndentType,
    Table as DTable, TableCell, TableCellMargins, TableRow, WidthType,
};
use package::Body;

mod package;

pub const FONT: &str = "Times New Roman";
/// A4 in twentieths of a point.
pub const PAGE: (u32, u32) = (11906, 16838);
/// Top, right, bottom, left, in twips: 20, 15, 20, 30 mm.
pub const MARGINS: [i32; 4] = [1134, 851, 1134, 1701];
/// Body size in half-points (14 pt).
pub const BODY: usize = 28;
/// The width the text runs in between the margins, in twips: a table's width.
pub const TEXT_WIDTH: usize = (PAGE.0 as usize) - 851 - 1701;
/// First-line indent of body paragraphs (1 cm) and the indent of one level of the plan.
const INDENT: i32 = 567;

/// The document's bytes; the same value gives the same bytes (no clock, fixed zip times).
pub fn render(d: &Document) -> anyhow::Result<Vec<u8>> {
    let mut buf = std::io::Cursor::new(Vec::new());
    write(d, &mut buf)?;
    Ok(buf.into_inner())
}

/// Writes the document to `w` as it goes, never holding it whole: memory does not grow with
/// the appendix (see `docx/package.rs`).
pub fn write(d: &Document, w: impl std::io::Write + std::io::Seek) -> anyhow::Result<()> {
    let (skeleton, first_id) = skeleton();
    package::write(skeleton, first_id, w, |body| layout(d, body))
}

/// The package without a body: page setup, fonts, headers and footers. Its paragraphs are
/// numbered 1, 2, 3 (as docx-rs numbers them in a new thread); the body's go on from the
/// number returned.
fn skeleton() -> (Docx, u32) {
    let mut ids = package::Ids(1);
    let x = Docx::new()
        .page_size(PAGE.0, PAGE.1)
        .page_margin(PageMargin {
            top: MARGINS[0],
            right: MARGINS[1],
            bottom: MARGINS[2],
            left: MARGINS[3],
            header: 567,
            footer: 567,
            gutter: 0,
        })
        .default_fonts(fonts())
        .default_size(BODY)
        .default_line_spacing(LineSpacing::new().before(0).after(120).line(264))
        // Page numbers at the top centre, from page 2 on.
        .title_pg()
        .first_header(Header::new().add_paragraph(Paragraph::new().id(ids.next())))
        .header(
            Header::new().add_paragraph(
                Paragraph::new()
                    .id(ids.next())
                    .align(AlignmentType::Center)
                    .add_page_num(PageNum::new()),
            ),
        )
        .footer(Footer::new().add_paragraph(Paragraph::new().id(ids.next())));
    (x, ids.0)
}

/// The body, element by element, in document order.
fn layout(d: &Document, x: &mut impl Body) -> anyhow::Result<()> {
    x.table(heading(&d.heading))?;
    for (i, t) in d.title.iter().enumerate() {
        x.paragraph(
            centered(t, BODY, true, false).line_spacing(spacing(if i == 0 { 240 } else { 0 })),
        )?;
    }
    if !d.title.is_empty() {
        x.paragraph(rule(3000))?;
    }
    for a in &d.addressees {
        x.paragraph(centered(a, BODY, false, false).line_spacing(spacing(240).after(240)))?;
    }
    blocks(x, &d.body)?;
    x.table(closing(&d.closing))?;
    if !d.appendix.is_empty() {
        x.paragraph(Paragraph::new().page_break_before(true))?;
        blocks(x, &d.appendix)?;
    }
    Ok(())
}

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

fn spacing(before: u32) -> LineSpacing {
    LineSpacing::new().before(before).after(0)
}

/// A run: the font and the body size come from the document's defaults (`docDefaults`), so
/// that only what differs is written on each run.
fn run(text: &str, size: usize) -> Run {
    let r = Run::new().add_text(text);
    if size == BODY {
        r
    } else {
        r.size(size)
    }
}

fn centered(text: &str, size: usize, bold: bool, italic: bool) -> Paragraph {
    let mut r = run(text, size);
    if bold {
        r = r.bold();
    }
    if italic {
        r = r.italic();
    }
    Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(spacing(0))
        .add_run(r)
}

/// The short rule under a heading: an empty paragraph whose bottom border is `width` twips long.
fn rule(width: i32) -> Paragraph {
    let side = ((TEXT_WIDTH as i32) - width).max(0) / 2;
    let mut p = Paragraph::new()
        .line_spacing(LineSpacing::new().before(0).after(120).line(120))
        .size(4);
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(6),
        ),
    );
    p.indent(Some(side), None, Some(side), None)
}

fn cell(width: usize, paragraphs: Vec<Paragraph>) -> TableCell {
    let mut c = TableCell::new().width(width, WidthType::Dxa);
    for p in paragraphs {
        c = c.add_paragraph(p);
    }
    c
}

/// A borderless table of one row of two cells (each its width in twips and its paragraphs), as
/// the heading and the closing are laid out. Its row is kept on one page: a signature is not cut from its title.
fn two_cells(left: (usize, Vec<Paragraph>), right: (usize, Vec<Paragraph>)) -> DTable {
    let row = TableRow::new(vec![cell(left.0, left.1), cell(right.0, right.1)]).cant_split();
    DTable::without_borders(vec![row])
        .set_grid(vec![left.0, right.0])
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// Issuing body | motto, each with its short rule; number (and subject) | place and date.
fn heading(h: &Heading) -> DTable {
    let (l, r) = (3686, TEXT_WIDTH - 3686);
    let mut left = vec![
        centered(&h.parent_body, 26, false, false),
        centered(&h.issuing_body, 26, true, false),
        rule_in(1200, l),
        centered(&h.number, 26, false, false),
    ];
    if let Some(s) = &h.subject {
        left.push(centered(s, 24, false, false));
    }
    let right = vec![
        centered(&h.motto[0], 24, true, false),
        centered(&h.motto[1], 28, true, false),
        rule_in(2600, r),
        centered(&h.place_and_date, 28, false, true),
    ];
    two_cells((l, left), (r, right))
}

/// A short rule centred in a cell `cell` twips wide.
fn rule_in(width: i32, cell: usize) -> Paragraph {
    let side = ((cell as i32) - width).max(0) / 2;
    rule(TEXT_WIDTH as i32).indent(Some(side), None, Some(side), None)
}

fn body(text: &str, depth: usize, style: ParaStyle) -> Paragraph {
    let left = INDENT * depth as i32;
    let mut r = run(text, BODY);
    if style == ParaStyle::Draft {
        r = r.italic().highlight("yellow");
    }
    let p = Paragraph::new().align(AlignmentType::Both).add_run(r);
    match style {
        ParaStyle::Quote => p
            .line_spacing(LineSpacing::new().before(0).after(40))
            .indent(Some(left + INDENT), None, None, None),
        _ => p.indent(
            Some(left),
            Some(SpecialIndentType::FirstLine(INDENT)),
            None,
            None,
        ),
    }
}

fn blocks(x: &mut impl Body, bs: &[Block]) -> anyhow::Result<()> {
    for b in bs {
        match b {
            Block::Part { level, text } => {
                let mut r = run(text, BODY).bold();
                if *level > 1 {
                    r = r.italic();
                }
                x.paragraph(
                    Paragraph::new()
                        .align(AlignmentType::Both)
                        .keep_next(true)
                        .line_spacing(spacing(if *level == 0 { 120 } else { 60 }).after(60))
                        .indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None)
                        .add_run(r),
                )?
            }
            Block::PlanItem { depth, label, text } => {
                let left = INDENT * (*depth as i32);
                let mut lines = text.lines();
                let first = lines.next().unwrap_or("");
                let item = |p: Paragraph| {
                    p.align(AlignmentType::Both).keep_next(true).indent(
                        Some(left),
                        Some(SpecialIndentType::FirstLine(INDENT)),
                        None,
                        None,
                    )
                };
                x.paragraph(
                    item(Paragraph::new())
                        .add_run(run(&format!("{label} "), BODY).bold())
                        .add_run(run(first, BODY)),
                )?;
                // The item's dash bullets, each a paragraph of its own.
                for l in lines {
                    x.paragraph(item(Paragraph::new()).add_run(run(l, BODY)))?;
                }
            }
            Block::Para { text, depth, style } => x.paragraph(body(text, *depth, *style))?,
            Block::Table(t) => {
                let title = Paragraph::new()
                    .align(AlignmentType::Center)
                    .keep_next(true)
                    .line_spacing(spacing(240).after(120))
                    .add_run(run(&t.title, BODY).bold());
                x.paragraph(title)?;
                table(x, t)?;
                x.paragraph(Paragraph::new().line_spacing(spacing(0)))?
            }
            Block::Centered { text, bold } => {
                x.paragraph(centered(text, BODY, *bold, !*bold).line_spacing(spacing(0)))?
            }
        };
    }
    Ok(())
}

/// A figures table: header row bold and centred, numbers right-aligned, 12 pt, each column as
/// wide as [`widths::fit`] decides from the content (a smaller size when the figures need it),
/// cells with narrow margins ([`widths::CELL_MARGIN`]).
/// Written a row at a time: an appendix has a row per agency.
fn table(x: &mut impl Body, t: &Table) -> anyhow::Result<()> {
    let fit = widths::fit(t, TEXT_WIDTH as u32);
    let widths: Vec<usize> = fit.widths.iter().map(|&w| w as usize).collect();
    let size = fit.size as usize;
    let small = |text: &str, align: AlignmentType, bold: bool| {
        let mut r = run(text, size);
        if bold {
            r = r.bold();
        }
        Paragraph::new()
            .align(align)
            .line_spacing(LineSpacing::new().before(20).after(20))
            .add_run(r)
    };
    let margin = widths::CELL_MARGIN as usize;
    x.open_table(
        &DTable::new(vec![])
            .set_grid(widths.clone())
            .width(TEXT_WIDTH, WidthType::Dxa)
            .margins(TableCellMargins::new().margin(0, margin, 0, margin)),
    )?;
    // The headings repeat at the top of each page the table runs onto; no row, the headings'
    // included, is cut across two pages.
    x.header_row(
        TableRow::new(
            t.header
                .iter()
                .zip(&widths)
                .map(|(h, &w)| cell(w, vec![small(h, AlignmentType::Center, true)]))
                .collect(),
        )
        .cant_split(),
    )?;
    for r in &t.rows {
        let cells = r.iter().zip(&widths).enumerate().map(|(i, (v, &w))| {
            let align = if t.numeric.get(i).copied().unwrap_or(false) {
                AlignmentType::Right
            } else {
                AlignmentType::Left
            };
            cell(w, vec![small(v, align, false)])
        });
        x.row(TableRow::new(cells.collect()).cant_split())?;
    }
    x.close_table()
}

/// "Nơi nhận:" (12 pt bold italic, items 11 pt) | the signer: title, room to sign, name.
fn closing(c: &Closing) -> DTable {
    let (l, r) = (TEXT_WIDTH / 2, TEXT_WIDTH - TEXT_WIDTH / 2);
    let mut left = vec![Paragraph::new()
        .line_spacing(spacing(240))
        .add_run(run(&c.recipients_label, 24).bold().italic())];
    for x in recipient_lines(&c.recipients) {
        left.push(
            Paragraph::new()
                .line_spacing(spacing(0))
                .add_run(run(&x, 22)),
        );
    }
    let mut right = vec![];
    if let Some(a) = &c.authority {
        right.push(centered(a, BODY, true, false).line_spacing(spacing(240)));
    }
    right.push(
        centered(&c.signer_title, BODY, true, false)
            .line_spacing(spacing(if c.authority.is_some() { 0 } else { 240 })),
    );
    // Room for the signature and the seal.
    for _ in 0..5 {
        right.push(centered("", BODY, false, false));
    }
    right.push(centered(
        c.signer_name.as_deref().unwrap_or(""),
        BODY,
        true,
        false,
    ));
    two_cells((l, left), (r, right))
}

#[cfg(test)]
mod tests;
