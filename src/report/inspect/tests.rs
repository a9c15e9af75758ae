use super::*;
use crate::report::limits::{MAX_RECORDS, MAX_SHARED_STRINGS};

#[test]
fn xls_dimensions_are_computed_as_calamine_reserves_them() {
    assert_eq!(xls_area(0, 60, 0, 12), 60 * 12);
    assert_eq!(xls_area(0, 0, 0, 0), 1);
    // first row after the last: calamine's subtraction wraps to a huge count
    assert!(xls_area(100, 3, 0, 5) > MAX_CELLS);
    assert!(xls_area(0, u32::MAX, 0, 255) > MAX_CELLS);
}

#[test]
fn an_xls_with_a_patched_dimensions_record_is_refused() {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0];
    // BOF (BIFF8), then DIMENSIONS: rows 0..60, columns 0..12, then EOF
    bytes.extend([0x09, 0x08, 16, 0]);
    bytes.extend([0; 16]);
    bytes.extend([
        0x00, 0x02, 14, 0, 0, 0, 0, 0, 60, 0, 0, 0, 0, 0, 12, 0, 0, 0,
    ]);
    bytes.extend([0x0A, 0, 0, 0]);
    // a look-alike outside any substream is not a record
    bytes.extend([
        0x00, 0x02, 14, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 12, 0, 0, 0,
    ]);
    assert_eq!(workbook(&bytes), Ok(()));
    // the last row patched to 2^32 - 1
    bytes[36..40].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF]);
    assert!(matches!(workbook(&bytes), Err(Refusal::Cells { .. })));
}

fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, body) in parts {
        w.start_file(*name, opts).unwrap();
        w.write_all(body).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn zipped_workbooks_are_refused_for_what_they_declare() {
    let ok = zip_of(&[(
        "xl/worksheets/sheet1.xml",
        br#"<worksheet><dimension ref="A1:L60"/></worksheet>"#,
    )]);
    assert_eq!(workbook(&ok), Ok(()));
    let dim = zip_of(&[(
        "xl/worksheets/sheet1.xml",
        br#"<worksheet><dimension ref="A1:XFD1048576"/></worksheet>"#,
    )]);
    assert!(matches!(workbook(&dim), Err(Refusal::Cells { .. })));
    let sst = zip_of(&[(
        "xl/sharedStrings.xml",
        br#"<sst count="1" uniqueCount="4294967295"><si><t>a</t></si></sst>"#,
    )]);
    assert!(matches!(workbook(&sst), Err(Refusal::Strings { .. })));
    // a sheet under any name
    let renamed = zip_of(&[(
        "xl/elsewhere.dat",
        br#"<worksheet><sheetData><row r="1"><c r="A1"/></row><row r="1048576"><c r="XFD1048576"/></row></sheetData></worksheet>"#,
    )]);
    assert!(matches!(workbook(&renamed), Err(Refusal::Cells { .. })));
    let xlsb = zip_of(&[("xl/worksheets/sheet1.bin", b"\0")]);
    assert_eq!(workbook(&xlsb), Err(Refusal::Binary));
}

#[test]
fn a_part_that_decompresses_past_the_budget_is_refused() {
    // the bytes are counted as they come, whatever the archive declares
    let mut seen = 0;
    let r = stream(&mut &[b' '; 5000][..], 1000, 1000, |c| {
        seen += c.len();
        true
    });
    assert!(matches!(r, Err(Refusal::Uncompressed { .. })));
    assert!(seen <= 1000);
    assert_eq!(stream(&mut &[b' '; 500][..], 1000, 1000, |_| true), Ok(500));
    // a caller that has seen enough stops the reading
    let big = vec![b' '; 200_000];
    assert_eq!(
        stream(&mut &big[..], 1_000_000, 1_000_000, |_| false),
        Ok(64 * 1024)
    );
}

#[test]
fn the_workbook_stream_comes_out_of_a_real_xls() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let bytes =
        std::fs::read(dir.join("tests/fixtures/reports/workbooks/libreoffice.xls")).unwrap();
    let stream = cfb::workbook_stream(&bytes).unwrap();
    assert_eq!(&stream[..2], &[0x09, 0x08], "a BOF record first");
    assert_eq!(workbook(&bytes), Ok(()));
    let mut biff = Biff::default();
    let sheets = biff.walk(&stream, 0, false).unwrap();
    assert!(!sheets.is_empty());
    assert!(biff.cells > 0 && biff.cells < 1000, "{}", biff.cells);
}

#[test]
fn an_xls_cell_far_away_is_refused_like_a_large_dimension() {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0];
    bytes.extend([0x09, 0x08, 16, 0]);
    bytes.extend([0; 16]);
    // NUMBER at A1, then LABELSST at row 65535, column 65535
    bytes.extend([0x03, 0x02, 14, 0, 0, 0, 0, 0, 0, 0]);
    bytes.extend([0; 8]);
    bytes.extend([0xFD, 0x00, 10, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0]);
    bytes.extend([0x0A, 0, 0, 0]);
    assert!(matches!(workbook(&bytes), Err(Refusal::Cells { .. })));
}

#[test]
fn a_sector_chain_that_loops_reads_each_sector_once() {
    // header: 512-byte sectors, one FAT sector (sector 0), directory at sector 1
    let mut b = vec![0u8; 512 * 4];
    b[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    b[0x1E] = 9;
    b[0x2C] = 1;
    b[0x30..0x34].copy_from_slice(&1u32.to_le_bytes());
    b[0x38..0x3C].copy_from_slice(&4096u32.to_le_bytes());
    b[0x44..0x48].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes());
    for i in 0..109 {
        b[0x4C + 4 * i..0x50 + 4 * i].copy_from_slice(&0xFFFF_FFFFu32.to_le_bytes());
    }
    b[0x4C..0x50].copy_from_slice(&0u32.to_le_bytes());
    // FAT (sector 0, at 512): every sector points to itself
    for i in 0..128u32 {
        b[512 + 4 * i as usize..516 + 4 * i as usize].copy_from_slice(&i.to_le_bytes());
    }
    // directory (sector 1, at 1024): root, then "Workbook" at sector 2, 1 GB declared
    let name: Vec<u8> = "Workbook"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    let e = 1024 + 128;
    b[e..e + name.len()].copy_from_slice(&name);
    b[e + 64] = (name.len() + 2) as u8;
    b[e + 66] = 2;
    b[e + 116..e + 120].copy_from_slice(&2u32.to_le_bytes());
    b[e + 120..e + 124].copy_from_slice(&(1u32 << 30).to_le_bytes());
    let stream = cfb::workbook_stream(&b).unwrap();
    assert_eq!(stream.len(), 512);
}

/// A shared-strings part declaring one string and holding `n` (`<si/>`, or `<si><t>a</t></si>`).
fn strings_part(n: usize, empty: bool) -> Vec<u8> {
    let si: &[u8] = if empty {
        b"<si/>"
    } else {
        b"<si><t>a</t></si>"
    };
    let mut body = br#"<sst count="1" uniqueCount="1">"#.to_vec();
    body.extend(si.repeat(n));
    body.extend(b"</sst>");
    body
}

#[test]
fn shared_strings_are_counted_not_taken_from_the_declared_count() {
    let at_limit = MAX_SHARED_STRINGS as usize;
    for empty in [true, false] {
        let ok = zip_of(&[("xl/sharedStrings.xml", &strings_part(at_limit, empty))]);
        assert_eq!(workbook(&ok), Ok(()));
        let bomb = zip_of(&[("xl/sharedStrings.xml", &strings_part(at_limit + 1, empty))]);
        match workbook(&bomb) {
            Err(Refusal::Strings { declared, held }) => {
                assert_eq!(declared, 1);
                assert!(held > MAX_SHARED_STRINGS, "{held}");
            }
            other => panic!("{other:?}"),
        }
    }
    // under any name (the relationships may name any part), with a prefix
    let prefixed = format!(
        "<x:sst>{}</x:sst>",
        "<x:si><x:t>b</x:t></x:si>".repeat(at_limit + 1)
    );
    let renamed = zip_of(&[("xl/other.xml", prefixed.as_bytes())]);
    assert!(matches!(workbook(&renamed), Err(Refusal::Strings { .. })));
    // the diagnostic: too-many-cells, with what the part declares and what it holds
    let d = super::super::limits::refusal_diagnostic(
        "f.xlsx",
        &Refusal::Strings {
            declared: 1,
            held: MAX_SHARED_STRINGS + 1,
        },
    );
    assert_eq!(d.code(), crate::diag::Code::TooManyCells);
    assert_eq!(
        d.kind,
        crate::diag::Kind::TooManyStrings {
            strings: MAX_SHARED_STRINGS + 1,
            declared: 1,
            held: MAX_SHARED_STRINGS + 1,
            max: MAX_SHARED_STRINGS,
        }
    );
}

#[test]
fn the_counter_counts_si_split_across_reads() {
    let text = br#"<sst uniqueCount="1"><si/><si><t>a</t></si><x:si ></x:si><sit/><s/><si
/></sst>"#;
    // every place a read can end, and reads of one byte
    for cut in 0..text.len() {
        let mut sc = xml::Scanner::new(false);
        sc.feed(&text[..cut]);
        sc.feed(&text[cut..]);
        assert_eq!(sc.finish().held, 4, "cut at {cut}");
    }
    let mut sc = xml::Scanner::new(false);
    for b in text.chunks(1) {
        sc.feed(b);
    }
    assert_eq!(sc.finish().held, 4);
}

#[test]
fn style_and_index_records_are_counted() {
    let mut styles = br#"<styleSheet><cellXfs count="1">"#.to_vec();
    styles.extend(b"<xf></xf>".repeat(MAX_RECORDS as usize + 1));
    styles.extend(b"</cellXfs></styleSheet>");
    let bomb = zip_of(&[("xl/styles.xml", &styles)]);
    assert_eq!(
        workbook(&bomb),
        Err(Refusal::Records {
            records: MAX_RECORDS + 1
        })
    );
    let real = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/reports/workbooks/openpyxl.xlsx"),
    )
    .unwrap();
    assert_eq!(workbook(&real), Ok(()));
    // relationships, unique or not, under any part's name
    let rels = format!(
        "<Relationships>{}</Relationships>",
        r#"<Relationship Id="x" Target="a" Type="b"/>"#.repeat(MAX_RECORDS as usize + 1)
    );
    let bomb = zip_of(&[("xl/_rels/workbook.xml.rels", rels.as_bytes())]);
    assert!(matches!(workbook(&bomb), Err(Refusal::Records { .. })));
}

proptest::proptest! {
    #[test]
    fn inspection_never_panics(body in proptest::collection::vec(proptest::num::u8::ANY, 0..4096), kind in 0..3u8) {
        let mut bytes = match kind {
            0 => b"PK\x03\x04".to_vec(),
            1 => vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            _ => Vec::new(),
        };
        bytes.extend(body);
        let _ = workbook(&bytes);
        let _ = cfb::workbook_stream(&bytes);
    }
}

#[test]
fn a_document_is_inspected_under_its_own_budget() {
    let word = Budget {
        bytes: 10_000,
        entries: 10,
        cells: u64::MAX,
        strings: u64::MAX,
        records: u64::MAX,
        paragraphs: 3,
        elements: 8,
        workbook: false,
    };
    let doc = |body: &str| zip_of(&[("word/document.xml", body.as_bytes())]);
    assert_eq!(
        document(&doc("<w:body><w:p/><w:p/></w:body>"), &word),
        Ok(())
    );
    assert_eq!(
        document(&doc("<w:p/><w:p/><w:p/><w:p/>"), &word),
        Err(Refusal::Paragraphs {
            paragraphs: 4,
            max: 3
        })
    );
    let runs = format!("<w:p>{}</w:p>", "<w:r/>".repeat(8));
    assert_eq!(
        document(&doc(&runs), &word),
        Err(Refusal::Elements {
            elements: 9,
            max: 8
        })
    );
    // paragraphs are summed over the parts; a part named content.xml is not read as ODS
    let two = zip_of(&[
        ("word/document.xml", b"<w:p/><w:p/>"),
        ("content.xml", b"<w:p/><w:p/>"),
    ]);
    assert!(matches!(
        document(&two, &word),
        Err(Refusal::Paragraphs { paragraphs: 4, .. })
    ));
    let big = doc(&" ".repeat(10_001));
    assert!(matches!(
        document(&big, &word),
        Err(Refusal::Uncompressed { max: 10_000, .. })
    ));
    // a workbook's binary sheet is only a part of a Word document; text is not inspected
    let bin = zip_of(&[("xl/worksheets/sheet1.bin", b"\0")]);
    assert_eq!(document(&bin, &word), Ok(()));
    assert_eq!(document(b"plain text", &word), Ok(()));
}
