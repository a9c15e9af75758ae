use super::package::{self, parts};
use crate::lang::Lang;
use crate::render::doc::{Block, Closing, Document, Heading, ParaStyle, Table};

/// A report with every kind of block and an appendix of `rows` agencies (one table row each).
fn report(rows: usize) -> Document {
    let table = |title: &str, n: usize| {
        Block::Table(Table {
            title: title.into(),
            header: vec!["TT".into(), "Cơ quan, đơn vị".into(), "Số liệu".into()],
            numeric: vec![true, false, true],
            rows: (1..=n)
                .map(|i| {
                    vec![
                        i.to_string(),
                        format!("Đơn vị số {i} & <Cty>"),
                        format!("{i}"),
                    ]
                })
                .collect(),
        })
    };
    Document {
        lang: Lang::Vi,
        heading: Heading {
            parent_body: "UBND TỈNH NINH THUẬN".into(),
            issuing_body: "SỞ LAO ĐỘNG - TB&XH".into(),
            motto: ["CỘNG HÒA".into(), "Độc lập".into()],
            number: "Số: 1/BC-SLĐTBXH".into(),
            subject: Some("V/v báo cáo".into()),
            place_and_date: "Ninh Thuận, ngày 20 tháng 6 năm 2021".into(),
        },
        title: vec!["BÁO CÁO".into(), "Kết quả".into()],
        addressees: vec!["Kính gửi: Bộ".into()],
        body: vec![
            Block::Part {
                level: 0,
                text: "I. KẾT QUẢ".into(),
            },
            Block::Part {
                level: 2,
                text: "a) Chi tiết".into(),
            },
            Block::PlanItem {
                depth: 1,
                label: "1.".into(),
                text: "Tuyên truyền\n- dòng một\n- dòng hai".into(),
            },
            Block::para("Nội dung."),
            Block::styled("Bản nháp", 1, ParaStyle::Draft),
            Block::styled("- Sở Y tế: …", 0, ParaStyle::Quote),
            table("Bảng 1", 3),
            Block::Centered {
                text: "PHỤ LỤC".into(),
                bold: true,
            },
        ],
        closing: Closing {
            recipients_label: "Nơi nhận:".into(),
            recipients: vec!["Bộ (b/c);".into(), "Lưu: VT.".into()],
            authority: Some("KT. GIÁM ĐỐC".into()),
            signer_title: "PHÓ GIÁM ĐỐC".into(),
            signer_name: Some("Nguyễn Văn A".into()),
        },
        appendix: vec![
            Block::Centered {
                text: "Phụ lục".into(),
                bold: true,
            },
            table("Danh sách", rows),
        ],
    }
}

/// The same document as docx-rs writes it from its whole tree, packed as it packs it.
fn whole_tree(d: &Document) -> Vec<u8> {
    let (skeleton, first_id) = super::skeleton();
    let mut tree = package::Tree::new(skeleton, first_id);
    super::layout(d, &mut tree).unwrap();
    tree.pack()
}

/// The rows of `document.xml`, each from its `<w:tr>` to its `</w:tr>`.
fn rows(document: &str) -> Vec<&str> {
    document
        .split("<w:tr>")
        .skip(1)
        .map(|r| &r[..r.find("</w:tr>").unwrap()])
        .collect()
}

/// The streamed file has docx-rs's own parts, names, order and contents, byte for byte, for a
/// document with an appendix of 20,000 rows; every part deflated.
#[test]
fn a_big_table_streams_to_the_parts_docx_rs_writes_from_the_whole_tree() {
    let d = report(20_000);
    let streamed = parts(&super::render(&d).unwrap());
    let whole = parts(&whole_tree(&d));
    let names = |p: &[(String, Vec<u8>, bool)]| p.iter().map(|x| x.0.clone()).collect::<Vec<_>>();
    assert_eq!(names(&streamed), names(&whole));
    assert!(names(&streamed).contains(&"word/document.xml".to_string()));
    for ((name, a, deflated), (_, b, _)) in streamed.iter().zip(&whole) {
        assert!(deflated, "{name} is not deflated");
        assert!(a == b, "{name} differs ({} vs {} bytes)", a.len(), b.len());
    }
    let document = &streamed
        .iter()
        .find(|p| p.0 == "word/document.xml")
        .unwrap()
        .1;
    let text = String::from_utf8_lossy(document);
    // Every row is there, escaped; the paragraph ids run on without a gap or a repeat.
    assert_eq!(
        text.matches("<w:tr>").count(),
        1 + (1 + 3) + 1 + (1 + 20_000)
    );
    assert!(text.contains("Đơn vị số 20000 &amp; &lt;Cty&gt;"));
    // Both carry the heading rows' mark: the first row of each figures table (the 2nd and the
    // 7th row: the heading's table, "Bảng 1" with three rows and the closing come first), and no other
    // row; every row is kept on one page.
    let rows = rows(&text);
    let marked: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].contains("<w:tblHeader />"))
        .collect();
    assert_eq!(marked, [1, 6]);
    assert!(rows[1].starts_with("<w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>"));
    assert!(rows
        .iter()
        .all(|r| r.starts_with("<w:trPr><w:cantSplit />")));
    let ids: Vec<u32> = text
        .split("w14:paraId=\"")
        .skip(1)
        .map(|s| u32::from_str_radix(&s[..8], 16).unwrap())
        .collect();
    assert_eq!(ids.first(), Some(&4));
    assert!(
        ids.windows(2).all(|w| w[1] == w[0] + 1),
        "ids not consecutive"
    );
}

/// Paragraphs made earlier on the same thread (another document, a letter before this one) do
/// not change the ids, and so the bytes.
#[test]
fn the_same_document_gives_the_same_bytes_whatever_the_thread_made_before() {
    let d = report(5);
    let first = super::render(&d).unwrap();
    for _ in 0..7 {
        let _ = docx_rs::Paragraph::new();
    }
    assert_eq!(super::render(&d).unwrap(), first);
    let other = std::thread::spawn(move || super::render(&d).unwrap());
    assert_eq!(other.join().unwrap(), first);
}

/// A letter (no title, no appendix) streams to the same parts as the whole tree too.
#[test]
fn a_letter_streams_to_the_parts_of_the_whole_tree() {
    let mut d = report(0);
    d.title.clear();
    d.appendix.clear();
    let streamed = parts(&super::render(&d).unwrap());
    let whole = parts(&whole_tree(&d));
    assert_eq!(streamed.len(), whole.len());
    for (a, b) in streamed.iter().zip(&whole) {
        assert_eq!((&a.0, &a.1), (&b.0, &b.1));
    }
}

/// The heading row's mark goes at the end of the row's own properties, or makes them.
#[test]
fn a_heading_row_is_marked_in_its_own_properties() {
    use docx_rs::{BuildXML, Paragraph, TableCell, TableRow};
    let row = TableRow::new(vec![TableCell::new().add_paragraph(Paragraph::new())]);
    let text = |r: &TableRow| String::from_utf8(package::header_row(r).unwrap()).unwrap();
    let plain = String::from_utf8(row.build()).unwrap();
    assert!(plain.starts_with("<w:tr><w:trPr />"), "{plain}");
    assert_eq!(
        text(&row),
        plain.replacen("<w:trPr />", "<w:trPr><w:tblHeader /></w:trPr>", 1)
    );
    let kept = row.cant_split();
    let plain = String::from_utf8(kept.build()).unwrap();
    assert!(
        plain.starts_with("<w:tr><w:trPr><w:cantSplit /></w:trPr>"),
        "{plain}"
    );
    assert_eq!(
        text(&kept),
        plain.replacen("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />", 1)
    );
}
