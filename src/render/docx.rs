//! A [`Document`] as a Word file in the layout of Decree 30/2020/NĐ-CP (Appendix I): A4
//! portrait, margins 20/20/30/15 mm, Times New Roman 14 pt, the heading as a borderless
//! two-column table, page numbers from page 2. Layout only: the words come with the value.

use super::doc::{recipient_lines, Block, Closing, Document, Heading, ParaStyle, Table};
use docx_rs::{
    AlignmentType, BorderType, Docx, Footer, Header, LineSpacing, PageMargin, PageNum, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, SpecialIndentType,
    Table as DTable, TableCell, TableRow, WidthType,
};

pub const FONT: &str = "Times New Roman";
/// A4 in twentieths of a point.
pub const PAGE: (u32, u32) = (11906, 16838);
/// Top, right, bottom, left, in twips: 20, 15, 20, 30 mm.
pub const MARGINS: [i32; 4] = [1134, 851, 1134, 1701];
/// Body size in half-points (14 pt).
pub const BODY: usize = 28;
const TEXT_WIDTH: usize = (PAGE.0 as usize) - 851 - 1701;
/// First-line indent of body paragraphs (1 cm) and the indent of one level of the plan.
const INDENT: i32 = 567;

/// The document's bytes; the same value gives the same bytes (no clock, fixed zip times).
pub fn render(d: &Document) -> anyhow::Result<Vec<u8>> {
    let mut x = Docx::new()
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
        .first_header(Header::new().add_paragraph(Paragraph::new()))
        .header(
            Header::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_page_num(PageNum::new()),
            ),
        )
        .footer(Footer::new().add_paragraph(Paragraph::new()))
        .add_table(heading(&d.heading));
    for (i, t) in d.title.iter().enumerate() {
        let p = centered(t, BODY, true, false).line_spacing(spacing(if i == 0 { 240 } else { 0 }));
        x = x.add_paragraph(p);
    }
    if !d.title.is_empty() {
        x = x.add_paragraph(rule(3000));
    }
    for a in &d.addressees {
        x = x.add_paragraph(centered(a, BODY, false, false).line_spacing(spacing(240).after(240)));
    }
    x = blocks(x, &d.body);
    x = x.add_table(closing(&d.closing));
    if !d.appendix.is_empty() {
        x = x.add_paragraph(Paragraph::new().page_break_before(true));
        x = blocks(x, &d.appendix);
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    x.build().pack(&mut buf)?;
    deflated(&buf.into_inner())
}

/// The same parts, in the same order, deflated: docx-rs stores them uncompressed (14 MB for
/// 5,000 agencies, against about 1 MB deflated). Time stamps are fixed (1980-01-01, the zip
/// format's first day), so the same document gives the same bytes.
fn deflated(stored: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut from = zip::ZipArchive::new(std::io::Cursor::new(stored))?;
    let mut to = zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(stored.len() / 8)));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for i in 0..from.len() {
        let mut part = from.by_index(i)?;
        let name = part.name()?.to_string();
        if part.is_dir() {
            to.add_directory(name, opts)?;
        } else {
            to.start_file(name, opts)?;
            std::io::copy(&mut part, &mut to)?;
        }
    }
    Ok(to.finish()?.into_inner())
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
    DTable::without_borders(vec![TableRow::new(vec![cell(l, left), cell(r, right)])])
        .set_grid(vec![l, r])
        .width(TEXT_WIDTH, WidthType::Dxa)
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

fn blocks(mut x: Docx, bs: &[Block]) -> Docx {
    for b in bs {
        x = match b {
            Block::Part { level, text } => {
                let mut r = run(text, BODY).bold();
                if *level > 1 {
                    r = r.italic();
                }
                x.add_paragraph(
                    Paragraph::new()
                        .align(AlignmentType::Both)
                        .keep_next(true)
                        .line_spacing(spacing(if *level == 0 { 120 } else { 60 }).after(60))
                        .indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None)
                        .add_run(r),
                )
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
                let mut x = x.add_paragraph(
                    item(Paragraph::new())
                        .add_run(run(&format!("{label} "), BODY).bold())
                        .add_run(run(first, BODY)),
                );
                // The item's dash bullets, each a paragraph of its own.
                for l in lines {
                    x = x.add_paragraph(item(Paragraph::new()).add_run(run(l, BODY)));
                }
                x
            }
            Block::Para { text, depth, style } => x.add_paragraph(body(text, *depth, *style)),
            Block::Table(t) => {
                let title = Paragraph::new()
                    .align(AlignmentType::Center)
                    .keep_next(true)
                    .line_spacing(spacing(240).after(120))
                    .add_run(run(&t.title, BODY).bold());
                x.add_paragraph(title)
                    .add_table(table(t))
                    .add_paragraph(Paragraph::new().line_spacing(spacing(0)))
            }
            Block::Centered { text, bold } => {
                x.add_paragraph(centered(text, BODY, *bold, !*bold).line_spacing(spacing(0)))
            }
        };
    }
    x
}

/// A figures table: header row bold and centred, numbers right-aligned, 12 pt.
fn table(t: &Table) -> DTable {
    let total: usize = t.widths.iter().map(|&w| w as usize).sum::<usize>().max(1);
    let widths: Vec<usize> = t
        .widths
        .iter()
        .map(|&w| TEXT_WIDTH * w as usize / total)
        .collect();
    let small = |text: &str, align: AlignmentType, bold: bool| {
        let mut r = run(text, 24);
        if bold {
            r = r.bold();
        }
        Paragraph::new()
            .align(align)
            .line_spacing(LineSpacing::new().before(20).after(20))
            .add_run(r)
    };
    let mut rows = vec![TableRow::new(
        t.header
            .iter()
            .zip(&widths)
            .map(|(h, &w)| cell(w, vec![small(h, AlignmentType::Center, true)]))
            .collect(),
    )
    .cant_split()];
    for r in &t.rows {
        rows.push(
            TableRow::new(
                r.iter()
                    .zip(&widths)
                    .enumerate()
                    .map(|(i, (v, &w))| {
                        let align = if t.numeric.get(i).copied().unwrap_or(false) {
                            AlignmentType::Right
                        } else {
                            AlignmentType::Left
                        };
                        cell(w, vec![small(v, align, false)])
                    })
                    .collect(),
            )
            .cant_split(),
        );
    }
    DTable::new(rows)
        .set_grid(widths)
        .width(TEXT_WIDTH, WidthType::Dxa)
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
    DTable::without_borders(vec![TableRow::new(vec![cell(l, left), cell(r, right)])])
        .set_grid(vec![l, r])
        .width(TEXT_WIDTH, WidthType::Dxa)
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    /// Every part of the Word report is deflated, with its content as docx-rs wrote it.
    #[test]
    fn the_parts_are_deflated_with_the_same_content_in_the_same_order() {
        let mut stored = std::io::Cursor::new(Vec::new());
        docx_rs::Docx::new()
            .add_paragraph(
                docx_rs::Paragraph::new()
                    .add_run(docx_rs::Run::new().add_text("Báo cáo ".repeat(500))),
            )
            .build()
            .pack(&mut stored)
            .unwrap();
        let stored = stored.into_inner();
        let packed = super::deflated(&stored).unwrap();
        assert_eq!(packed, super::deflated(&stored).unwrap());
        assert!(
            packed.len() * 2 < stored.len(),
            "{} vs {}",
            packed.len(),
            stored.len()
        );
        let mut a = zip::ZipArchive::new(std::io::Cursor::new(&stored)).unwrap();
        let mut b = zip::ZipArchive::new(std::io::Cursor::new(&packed)).unwrap();
        assert_eq!(a.len(), b.len());
        for i in 0..a.len() {
            let (mut x, mut y) = (a.by_index(i).unwrap(), b.by_index(i).unwrap());
            let name = y.name().unwrap().to_string();
            assert_eq!(x.name().unwrap(), name);
            if !y.is_dir() {
                assert_eq!(y.compression(), zip::CompressionMethod::Deflated, "{name}");
            }
            let (mut xs, mut ys) = (Vec::new(), Vec::new());
            x.read_to_end(&mut xs).unwrap();
            y.read_to_end(&mut ys).unwrap();
            assert_eq!(xs, ys, "{name}");
        }
    }
}
