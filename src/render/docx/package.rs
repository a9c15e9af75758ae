//! The Word file written as a stream, so that memory does not grow with the document (issue 16).
//!
//! Why: docx-rs builds a whole document as a tree, serialises the tree whole into one string and
//! packs it; for the consolidated report of 5,000 agencies that was over 100 MB, and gigabytes
//! at 50,000, for an appendix of one table row per agency.
//!
//! How: docx-rs still writes every piece of XML. It builds the package (page setup, fonts,
//! headers and footers, styles, settings, relationships, content types) around an empty body;
//! its `word/document.xml` is split where the body's content goes. The body is then written
//! element by element: each paragraph and each small table is built on its own
//! ([`BuildXML::build`]) and its bytes go straight into the deflating zip entry; a big table is
//! written as its opening and closing (from a row-less table) around its rows, built one
//! [`TableRow`] at a time. The parts keep the names, order and contents docx-rs gives them.
//!
//! Paragraph ids (`w14:paraId`): docx-rs numbers paragraphs from a per-thread counter as they
//! are created and resets it when a document is built. Here each element is numbered in
//! document order as it is written ([`Ids`]), from the number after the skeleton's own
//! paragraphs: the same ids as the whole tree had, and independent of what the thread made
//! before.

use docx_rs::{BuildXML, Docx, Paragraph, Table, TableCellContent, TableRow, TableRowChild};
use std::io::{Cursor, Seek, Write};

/// Where the body's elements go, in document order.
pub(super) trait Body {
    fn paragraph(&mut self, p: Paragraph) -> anyhow::Result<()>;
    /// A small table, whole.
    fn table(&mut self, t: Table) -> anyhow::Result<()>;
    /// A big table: its properties and grid (`t` has no rows), then [`Body::row`] for each
    /// row, then [`Body::close_table`].
    fn open_table(&mut self, t: &Table) -> anyhow::Result<()>;
    /// The open table's heading row, repeated at the top of each page the table runs onto.
    fn header_row(&mut self, r: TableRow) -> anyhow::Result<()>;
    fn row(&mut self, r: TableRow) -> anyhow::Result<()>;
    fn close_table(&mut self) -> anyhow::Result<()>;
}

/// The next paragraph id, as docx-rs writes it (eight hex digits).
pub(super) struct Ids(pub u32);

impl Ids {
    pub fn next(&mut self) -> String {
        let id = format!("{:08x}", self.0);
        self.0 += 1;
        id
    }

    fn paragraph(&mut self, p: &mut Paragraph) {
        p.id = self.next();
    }

    fn row(&mut self, r: &mut TableRow) {
        for TableRowChild::TableCell(c) in &mut r.cells {
            for content in &mut c.children {
                match content {
                    TableCellContent::Paragraph(p) => self.paragraph(p),
                    TableCellContent::Table(t) => self.table(t),
                    // Not made by bdg's layout.
                    TableCellContent::StructuredDataTag(_)
                    | TableCellContent::TableOfContents(_) => {}
                }
            }
        }
    }

    fn table(&mut self, t: &mut Table) {
        for docx_rs::TableChild::TableRow(r) in &mut t.rows {
            self.row(r);
        }
    }
}

/// A table's heading row as docx-rs writes it, marked to repeat at the top of each page the
/// table runs onto: `<w:tblHeader />` ends the row's `<w:trPr>` (docx-rs 0.4 has no setter for
/// it). The stream writes these bytes and the tree puts them in place of the row's own, so both
/// carry the mark from here.
pub(super) fn header_row(r: &TableRow) -> anyhow::Result<Vec<u8>> {
    const MARK: &[u8] = b"<w:tblHeader />";
    const EMPTY: &[u8] = b"<w:tr><w:trPr />";
    const OPEN: &[u8] = b"<w:tr><w:trPr>";
    const END: &[u8] = b"</w:trPr>";
    let xml = r.build();
    let mut out = Vec::with_capacity(xml.len() + 2 * MARK.len());
    if let Some(rest) = xml.strip_prefix(EMPTY) {
        out.extend_from_slice(OPEN);
        out.extend_from_slice(MARK);
        out.extend_from_slice(END);
        out.extend_from_slice(rest);
    } else if xml.starts_with(OPEN) {
        // The row's own properties end first: what follows are its cells.
        let at = xml
            .windows(END.len())
            .position(|w| w == END)
            .ok_or_else(|| anyhow::anyhow!("docx-rs wrote a row whose <w:trPr> does not end"))?;
        out.extend_from_slice(&xml[..at]);
        out.extend_from_slice(MARK);
        out.extend_from_slice(&xml[at..]);
    } else {
        anyhow::bail!("docx-rs wrote a row that does not begin <w:tr><w:trPr>");
    }
    Ok(out)
}

/// Zip options of every part: deflated (docx-rs stores them, 14 MB for 5,000 agencies against
/// about 1 MB deflated), time stamps fixed at the zip format's first day (1980-01-01), so that
/// the same document gives the same bytes.
fn options() -> zip::write::SimpleFileOptions {
    zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
}

/// Writes the package of `skeleton` (a document with an empty body) to `w`, its body written
/// by `body` into `word/document.xml`, paragraphs numbered from `first_id`.
pub(super) fn write<W: Write + Seek>(
    skeleton: Docx,
    first_id: u32,
    w: W,
    body: impl FnOnce(&mut Stream<'_, W>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut xml = skeleton.build();
    let document = std::mem::take(&mut xml.document);
    let (head, tail) = split_body(&document)?;
    // The skeleton's parts, stored, as docx-rs packs them: small (no body), and they give the
    // names and the order.
    let mut stored = Cursor::new(Vec::new());
    xml.pack(&mut stored)?;
    let mut from = zip::ZipArchive::new(Cursor::new(stored.into_inner()))?;
    let mut zip = zip::ZipWriter::new(w);
    let mut body = Some(body);
    for i in 0..from.len() {
        let mut part = from.by_index(i)?;
        let name = part.name()?.to_string();
        if part.is_dir() {
            zip.add_directory(name, options())?;
            continue;
        }
        zip.start_file(name.as_str(), options())?;
        if name == "word/document.xml" {
            let write_body = body.take().expect("one word/document.xml");
            let mut stream = Stream {
                zip: &mut zip,
                chunk: Vec::with_capacity(CHUNK),
                ids: Ids(first_id),
                close: Vec::new(),
            };
            stream.put(head)?;
            write_body(&mut stream)?;
            stream.put(tail)?;
            stream.flush()?;
        } else {
            std::io::copy(&mut part, &mut zip)?;
        }
    }
    anyhow::ensure!(body.is_none(), "docx-rs wrote no word/document.xml");
    zip.finish()?.flush()?;
    Ok(())
}

/// The document part of an empty body, cut where the body's content goes: after `<w:body>`.
fn split_body(document: &[u8]) -> anyhow::Result<(&[u8], &[u8])> {
    const OPEN: &[u8] = b"<w:body>";
    let at = document
        .windows(OPEN.len())
        .position(|w| w == OPEN)
        .ok_or_else(|| anyhow::anyhow!("docx-rs wrote a document part without <w:body>"))?;
    Ok(document.split_at(at + OPEN.len()))
}

/// The size of the pieces `word/document.xml` is handed to the compressor in: the 8 KiB of
/// `std::io::copy`, with which the parts were deflated before they were streamed. The deflated
/// bytes depend on how the input is cut, so the same cut gives the same file, byte for byte.
const CHUNK: usize = 8 * 1024;

/// The body being written into the zip entry of `word/document.xml`.
pub(super) struct Stream<'z, W: Write + Seek> {
    zip: &'z mut zip::ZipWriter<W>,
    /// Bytes waiting for a whole [`CHUNK`].
    chunk: Vec<u8>,
    ids: Ids,
    /// The closing of the big table being written.
    close: Vec<u8>,
}

impl<W: Write + Seek> Stream<'_, W> {
    fn put(&mut self, mut bytes: &[u8]) -> anyhow::Result<()> {
        while !bytes.is_empty() {
            let take = (CHUNK - self.chunk.len()).min(bytes.len());
            self.chunk.extend_from_slice(&bytes[..take]);
            bytes = &bytes[take..];
            if self.chunk.len() == CHUNK {
                self.flush()?;
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> anyhow::Result<()> {
        self.zip.write_all(&self.chunk)?;
        self.chunk.clear();
        Ok(())
    }
}

impl<W: Write + Seek> Body for Stream<'_, W> {
    fn paragraph(&mut self, mut p: Paragraph) -> anyhow::Result<()> {
        self.ids.paragraph(&mut p);
        self.put(&p.build())
    }

    fn table(&mut self, mut t: Table) -> anyhow::Result<()> {
        self.ids.table(&mut t);
        self.put(&t.build())
    }

    fn open_table(&mut self, t: &Table) -> anyhow::Result<()> {
        anyhow::ensure!(t.rows.is_empty(), "a streamed table's opening has rows");
        const CLOSE: &[u8] = b"</w:tbl>";
        let xml = t.build();
        let open = xml
            .strip_suffix(CLOSE)
            .ok_or_else(|| anyhow::anyhow!("docx-rs wrote a table that does not end </w:tbl>"))?;
        self.put(open)?;
        self.close = CLOSE.to_vec();
        Ok(())
    }

    fn header_row(&mut self, mut r: TableRow) -> anyhow::Result<()> {
        self.ids.row(&mut r);
        self.put(&header_row(&r)?)
    }

    fn row(&mut self, mut r: TableRow) -> anyhow::Result<()> {
        self.ids.row(&mut r);
        self.put(&r.build())
    }

    fn close_table(&mut self) -> anyhow::Result<()> {
        let close = std::mem::take(&mut self.close);
        self.put(&close)
    }
}

/// The whole document as a docx-rs tree, for tests to compare the stream with what docx-rs
/// writes from the tree ([`Tree::pack`]).
#[cfg(test)]
pub(super) struct Tree {
    pub docx: Docx,
    pub ids: Ids,
    open: Option<Table>,
    /// Each heading row's bytes as docx-rs writes them in the tree, and as [`header_row`]
    /// marks them.
    headers: Vec<(Vec<u8>, Vec<u8>)>,
}

#[cfg(test)]
impl Tree {
    pub fn new(skeleton: Docx, first_id: u32) -> Tree {
        Tree {
            docx: skeleton,
            ids: Ids(first_id),
            open: None,
            headers: Vec::new(),
        }
    }

    /// The package as docx-rs builds and packs it from the whole tree, each heading row marked
    /// by [`header_row`] in its place (found by its bytes: every row holds a paragraph, and
    /// paragraph ids are unique).
    pub fn pack(self) -> Vec<u8> {
        let mut xml = self.docx.build();
        for (plain, marked) in &self.headers {
            let doc = &xml.document;
            let at = doc
                .windows(plain.len())
                .position(|w| w == plain.as_slice())
                .expect("the heading row in the tree");
            let rest = &doc[at + 1..];
            assert!(
                !rest.windows(plain.len()).any(|w| w == plain.as_slice()),
                "a heading row found twice"
            );
            xml.document = [&doc[..at], marked.as_slice(), &doc[at + plain.len()..]].concat();
        }
        let mut stored = Cursor::new(Vec::new());
        xml.pack(&mut stored).unwrap();
        stored.into_inner()
    }

    fn add(&mut self, f: impl FnOnce(Docx) -> Docx) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = f(docx);
    }
}

#[cfg(test)]
impl Body for Tree {
    fn paragraph(&mut self, mut p: Paragraph) -> anyhow::Result<()> {
        self.ids.paragraph(&mut p);
        self.add(|x| x.add_paragraph(p));
        Ok(())
    }

    fn table(&mut self, mut t: Table) -> anyhow::Result<()> {
        self.ids.table(&mut t);
        self.add(|x| x.add_table(t));
        Ok(())
    }

    fn open_table(&mut self, t: &Table) -> anyhow::Result<()> {
        self.open = Some(t.clone());
        Ok(())
    }

    fn header_row(&mut self, mut r: TableRow) -> anyhow::Result<()> {
        self.ids.row(&mut r);
        self.headers.push((r.build(), header_row(&r)?));
        let t = self.open.take().expect("an open table");
        self.open = Some(t.add_row(r));
        Ok(())
    }

    fn row(&mut self, mut r: TableRow) -> anyhow::Result<()> {
        self.ids.row(&mut r);
        let t = self.open.take().expect("an open table");
        self.open = Some(t.add_row(r));
        Ok(())
    }

    fn close_table(&mut self) -> anyhow::Result<()> {
        let t = self.open.take().expect("an open table");
        self.add(|x| x.add_table(t));
        Ok(())
    }
}

/// Each part of a package: its name and uncompressed content, in order, and whether it is
/// deflated (directories count as deflated).
#[cfg(test)]
pub(super) fn parts(zip_bytes: &[u8]) -> Vec<(String, Vec<u8>, bool)> {
    let mut z = zip::ZipArchive::new(Cursor::new(zip_bytes)).unwrap();
    (0..z.len())
        .map(|i| {
            let mut part = z.by_index(i).unwrap();
            let mut content = Vec::new();
            std::io::Read::read_to_end(&mut part, &mut content).unwrap();
            let deflated = part.is_dir() || part.compression() == zip::CompressionMethod::Deflated;
            (part.name().unwrap().to_string(), content, deflated)
        })
        .collect()
}
