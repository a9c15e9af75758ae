//! The Word documents: the consolidated report (`consolidate`) and the reminder letters
//! (`remind`), opened and read back from their XML.

use crate::common::*;
use calamine::Data;

const REPORT: &str = "ninh-thuan-2021_2021-H1.docx";

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The text of each `<w:p>` of `xml`, runs joined.
fn paragraphs(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    for chunk in xml.split("</w:p>") {
        let start = [chunk.rfind("<w:p>"), chunk.rfind("<w:p ")]
            .into_iter()
            .flatten()
            .max();
        let Some(start) = start else { continue };
        let mut text = String::new();
        let mut rest = &chunk[start..];
        while let Some(i) = rest.find("<w:t") {
            rest = &rest[i..];
            let open_end = rest.find('>').unwrap();
            if !(rest.starts_with("<w:t>") || rest.starts_with("<w:t ")) {
                rest = &rest[open_end..];
                continue;
            }
            let close = rest.find("</w:t>").unwrap();
            text.push_str(&unescape(&rest[open_end + 1..close]));
            rest = &rest[close..];
        }
        out.push(text);
    }
    out
}

/// The `<w:tbl>` elements of the body, each as rows of cell texts.
fn tables(xml: &str) -> Vec<Vec<Vec<String>>> {
    xml.split("<w:tbl>")
        .skip(1)
        .map(|t| {
            let t = &t[..t.find("</w:tbl>").unwrap()];
            t.split("<w:tr>")
                .skip(1)
                .map(|r| {
                    r.split("<w:tc>")
                        .skip(1)
                        .map(|c| paragraphs(c).join("\n"))
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// The value of attribute `name` of the first element `tag` in `xml`.
fn attr_str<'a>(xml: &'a str, tag: &str, name: &str) -> &'a str {
    let at = xml
        .find(&format!("<{tag} "))
        .unwrap_or_else(|| panic!("no {tag}"));
    let el = &xml[at..at + xml[at..].find('>').unwrap()];
    let key = format!(" {name}=\"");
    let v = &el[el.find(&key).unwrap_or_else(|| panic!("no {name} in {el}")) + key.len()..];
    &v[..v.find('"').unwrap()]
}

fn attr(xml: &str, tag: &str, name: &str) -> u32 {
    attr_str(xml, tag, name).parse().unwrap()
}

/// The paragraph that holds `text`, as XML.
fn paragraph_xml<'a>(xml: &'a str, text: &str) -> &'a str {
    let at = xml
        .find(text)
        .unwrap_or_else(|| panic!("{text:?} not in the document"));
    let start = xml[..at].rfind("<w:p ").unwrap();
    &xml[start..at]
}

fn agency_ids() -> Vec<String> {
    let plan: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(root().join(PLAN)).unwrap()).unwrap();
    plan["agencies"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect()
}

/// Page A4 portrait and margins within Decree 30's ranges (twips: 1 mm = 56.7); Times New Roman
/// 14 pt by default, and no other font anywhere.
fn assert_decree_30_page(docx: &std::path::Path) {
    let xml = &part(docx, "word/document.xml");
    let styles = part(docx, "word/styles.xml");
    let defaults = &styles[styles.find("<w:docDefaults>").unwrap()..];
    assert!(
        defaults.contains("<w:sz w:val=\"28\" />"),
        "14 pt body: {styles}"
    );
    assert_eq!(attr_str(defaults, "w:rFonts", "w:ascii"), "Times New Roman");
    assert_eq!(
        (attr(xml, "w:pgSz", "w:w"), attr(xml, "w:pgSz", "w:h")),
        (11906, 16838)
    );
    let mm = |v: u32| (v as f64 / 56.7).round() as u32;
    assert!((20..=25).contains(&mm(attr(xml, "w:pgMar", "w:top"))));
    assert!((20..=25).contains(&mm(attr(xml, "w:pgMar", "w:bottom"))));
    assert!((30..=35).contains(&mm(attr(xml, "w:pgMar", "w:left"))));
    assert!((15..=20).contains(&mm(attr(xml, "w:pgMar", "w:right"))));
    // No run names another font.
    for doc in [xml.as_str(), &styles] {
        assert!(doc
            .split("w:ascii=\"")
            .skip(1)
            .all(|s| s.starts_with("Times New Roman\"")));
    }
}

fn assert_no_agency_id(text: &str) {
    for id in agency_ids() {
        let word = text
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .any(|w| w == id);
        assert!(!word, "agency id {id} in the document");
    }
}

fn int(s: &str) -> f64 {
    s.replace(['.', ','], "").parse().unwrap()
}

#[test]
fn the_word_report_has_the_decree_30_layout_and_the_content() {
    let dir = tempfile::tempdir().unwrap();
    consolidate_sample(&["-q"], dir.path()).assert().code(1);
    let docx = dir.path().join(REPORT);
    let xml = part(&docx, "word/document.xml");
    assert_decree_30_page(&docx);

    // The heading: a borderless two-column table, bodies left, motto right.
    let t = tables(&xml);
    let heading = &t[0][0];
    assert_eq!(heading.len(), 2);
    assert!(heading[0].starts_with("UBND TỈNH NINH THUẬN\nSỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"));
    assert!(heading[0].contains("/BC-SLĐTBXH"));
    assert!(
        heading[1].starts_with("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
    );
    assert!(heading[1].ends_with("Ninh Thuận, ngày 20 tháng 6 năm 2021"));
    let first = &xml[xml.find("<w:tbl>").unwrap()..xml.find("</w:tbl>").unwrap()];
    let props = &first[..first.find("</w:tblPr>").unwrap()];
    assert!(
        !props.contains("w:val=\"single\"") && !first.contains("<w:tcBorders"),
        "the heading table has no borders: {props}"
    );
    // Each side has its short rule: a paragraph with a bottom border only.
    assert_eq!(
        first.matches("<w:pBdr><w:bottom w:val=\"single\"").count(),
        2
    );
    assert!(paragraph_xml(&xml, "Ninh Thuận, ngày 20").contains("<w:i />"));

    // The title, bold and centred.
    let p = paragraphs(&xml);
    let title = p.iter().position(|x| x == "BÁO CÁO").unwrap();
    assert_eq!(
        p[title + 1],
        "Kết quả thực hiện công tác bình đẳng giới 6 tháng đầu năm 2021"
    );
    let title_xml = paragraph_xml(&xml, ">BÁO CÁO<");
    assert!(title_xml.contains("<w:jc w:val=\"center\" />") && title_xml.contains("<w:b />"));

    // A task text whole (the old text report cut it at "…bám…"), under its plan id.
    assert!(p.iter().any(|x| x
        .starts_with("II.1.a Xây dựng kế hoạch triển khai thực hiện Chiến lược")
        && x.ends_with("cử cán bộ tham gia các lớp tập huấn hướng dẫn triển khai Chiến lược.")));
    // The plan's numbering apart from the report's.
    assert!(p.iter().any(|x| x.starts_with("1. Mục II của Kế hoạch")));
    // Agencies by name, never by id.
    let body = p.join("\n");
    assert!(body.contains("(Sở Y tế)") || body.contains(", Sở Y tế"));
    assert!(body.contains("Sở Lao động - Thương binh và Xã hội"));
    assert_no_agency_id(&body);
    // Difficulties and proposals quoted with the agency's name.
    assert!(p
        .iter()
        .any(|x| x.starts_with("- UBND huyện Ninh Hải: Đề nghị tỉnh hỗ trợ tài liệu")));
    // The drafted assessment is marked.
    assert!(paragraph_xml(&xml, "Phần đánh giá dưới đây được dự thảo").contains("w:highlight"));

    // The signer: title, room to sign, name from the plan.
    let closing = t
        .iter()
        .find(|t| t[0][0].starts_with("Nơi nhận:"))
        .expect("the Nơi nhận / signer table");
    let signer: Vec<&str> = closing[0][1].split('\n').collect();
    assert_eq!(signer.first(), Some(&"GIÁM ĐỐC"));
    assert_eq!(signer.last(), Some(&"Nguyễn Văn A"));
    assert!(signer.len() >= 5, "room to sign: {signer:?}");
    assert!(closing[0][0].contains("- UBND tỉnh (b/c);"));

    // Appendix 1 equals the workbook's by-task sheet, cell by cell.
    let by_task = t
        .iter()
        .find(|t| t[0][0] == "Nhiệm vụ" && t[0][1] == "Số báo cáo")
        .expect("appendix 1");
    let sheet = sheet(
        &dir.path().join("ninh-thuan-2021_2021-H1.xlsx"),
        "Theo nhiệm vụ",
    );
    // The sheet's last row is its total, as is the appendix's.
    let rows: Vec<&[Data]> = sheet.rows().skip(1).collect();
    let rows = &rows[..rows.len() - 1];
    assert_eq!(
        by_task.len() - 2,
        rows.len(),
        "one row a task, a header, a total"
    );
    for (doc, xl) in by_task[1..].iter().zip(rows) {
        assert_eq!(Data::String(doc[0].clone()), xl[0]);
        for (d, x) in [(1, 3), (2, 6), (3, 7), (4, 8)] {
            assert_eq!(Data::Float(int(&doc[d])), xl[x], "{} col {d}", doc[0]);
        }
        if doc[1] == "0" {
            assert!(
                doc[5..].iter().all(|c| c == "—"),
                "no report, no figures: {doc:?}"
            );
        } else {
            for (d, x) in [(5, 9), (6, 10), (7, 11), (9, 13)] {
                assert_eq!(Data::Float(int(&doc[d])), xl[x], "{} col {d}", doc[0]);
            }
        }
    }
    // Appendix 3 lists the late and missing agencies by name.
    let overdue = t
        .iter()
        .find(|t| t[0].get(3).is_some_and(|c| c == "Số ngày quá hạn"))
        .unwrap();
    assert_eq!(overdue.len() - 1, 12, "2 late and 10 missing");
    assert!(overdue
        .iter()
        .any(|r| r[0] == "Ban Dân tộc tỉnh" && r[1] == "chưa nộp"));
}

#[test]
fn two_runs_give_byte_identical_documents() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    consolidate_sample(&["-q"], a.path()).assert().code(1);
    consolidate_sample(&["-q"], b.path()).assert().code(1);
    for f in [REPORT, "ninh-thuan-2021_2021-H1.txt"] {
        assert_eq!(
            std::fs::read(a.path().join(f)).unwrap(),
            std::fs::read(b.path().join(f)).unwrap(),
            "{f}"
        );
    }
}

#[test]
fn the_english_report_names_agencies_in_english() {
    let dir = tempfile::tempdir().unwrap();
    consolidate_sample(&["-q", "--lang", "en"], dir.path())
        .assert()
        .code(1);
    let xml = part(
        &dir.path().join("ninh-thuan-2021_2021-H1_en.docx"),
        "word/document.xml",
    );
    let p = paragraphs(&xml);
    assert!(p.contains(&"REPORT".to_string()));
    let body = p.join("\n");
    assert!(body.contains("SOCIALIST REPUBLIC OF VIETNAM"));
    // Agencies by their English names (the plan's task texts have no English version).
    assert!(body.contains("\n- Department of Health: "));
    assert!(!body.contains("- Sở Y tế:"));
    assert!(body.contains("Ninh Hải District People's Committee"));
    assert!(body.contains("1. Section II of the Plan"));
    assert_no_agency_id(&body);
}

fn remind(out: &std::path::Path) {
    bdg()
        .args(["-q", "remind", "--plan", PLAN, "--period", "2021-H1"])
        .args([
            "--reports",
            "examples/reports/2021-H1",
            "--as-of",
            "20/06/2021",
        ])
        .arg("--out")
        .arg(out)
        .assert()
        .code(1);
}

#[test]
fn a_reminder_letter_as_a_word_document() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    remind(a.path());
    remind(b.path());
    let name = "2021-H1_BDT_don-doc.docx";
    let bytes = std::fs::read(a.path().join(name)).unwrap();
    assert_eq!(
        bytes,
        std::fs::read(b.path().join(name)).unwrap(),
        "byte-identical"
    );
    let docx = a.path().join(name);
    let xml = part(&docx, "word/document.xml");
    assert_decree_30_page(&docx);
    let t = tables(&xml);
    // Number, then "V/v …" under it, in the heading's left column.
    let left: Vec<&str> = t[0][0][0].split('\n').collect();
    assert!(left[3].ends_with("/SLĐTBXH-BĐG"), "{left:?}");
    assert!(left[4].starts_with("V/v đôn đốc gửi báo cáo"), "{left:?}");
    let p = paragraphs(&xml);
    assert!(p.contains(&"Kính gửi: Ban Dân tộc tỉnh".to_string()));
    assert!(p
        .iter()
        .any(|x| x.contains("chưa nhận được báo cáo của Quý cơ quan")));
    let closing = t.iter().find(|t| t[0][0].starts_with("Nơi nhận:")).unwrap();
    assert!(closing[0][0].contains("- Như trên;"));
    assert!(closing[0][1].ends_with("Nguyễn Văn A"));
    assert_no_agency_id(&p.join("\n"));
    // Every letter has its Word file beside its text file.
    let count = |ext: &str| {
        std::fs::read_dir(a.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == ext)
            })
            .count()
    };
    assert_eq!(count("docx"), 12);
    assert_eq!(count("txt"), 12);
}

/// The left indent of the paragraph that starts with the plan label `label`.
fn indent_of(xml: &str, label: &str) -> u32 {
    let p = paragraph_xml(xml, &format!(">{label} <"));
    attr(p, "w:ind", "w:left")
}

#[test]
fn plan_items_are_indented_by_their_depth_whatever_they_hold() {
    let dir = tempfile::tempdir().unwrap();
    consolidate_sample(&["-q"], dir.path()).assert().code(1);
    let xml = part(&dir.path().join(REPORT), "word/document.xml");
    // IV.3 is a task with no sub-items: it sits at the level of IV.1, not of IV.1.a.
    assert_eq!(indent_of(&xml, "IV.3"), indent_of(&xml, "IV.1"));
    assert!(indent_of(&xml, "IV.1.a") > indent_of(&xml, "IV.1"));
    assert_eq!(indent_of(&xml, "II.4.đ"), indent_of(&xml, "IV.1.a"));
}

#[test]
fn an_agency_whose_only_report_was_rejected_is_listed_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    // Sở Y tế sends its template back empty; Sở Tư pháp sends nothing.
    std::fs::write(
        reports.join("syt.csv"),
        "agency,period,submitted_on,task,status\nSYT,2021-H1,09/06/2021,IV.8,\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let (code, v) = consolidate_json(&reports, &out);
    assert_eq!(code, 1);
    assert_eq!((&v["missing"], &v["rejected"]), (&24.into(), &1.into()));
    let xml = part(&out.join(REPORT), "word/document.xml");
    let t = tables(&xml);
    let overdue = t
        .iter()
        .find(|t| t[0].get(3).is_some_and(|c| c == "Số ngày quá hạn"))
        .unwrap();
    let row = |name: &str| overdue.iter().find(|r| r[0] == name).unwrap().clone();
    assert_eq!(row("Sở Y tế")[1], "đã gửi, bị loại");
    assert_eq!(row("Sở Tư pháp")[1], "chưa nộp");
    // Nobody reported: the figures of appendix 1 do not apply, and are not printed as 0.
    let by_task = t.iter().find(|t| t[0][0] == "Nhiệm vụ").unwrap();
    assert!(by_task[1..]
        .iter()
        .all(|r| r[1] == "0" && r[5] == "—" && r[9] == "—"));
}

/// A file excluded whole has its rows among the rows left out: the report says they are
/// among them, not beside them ("17 rows and 1 file" read as 18 things).
#[test]
fn a_file_excluded_whole_is_said_to_be_among_the_rows_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    let ex = root().join("examples/reports/2021-H1");
    std::fs::copy(ex.join("SYT_2021-H1.csv"), reports.join("SYT_2021-H1.csv")).unwrap();
    // An agency the plan does not know: the file is excluded whole, its 17 rows with it.
    let snv = std::fs::read_to_string(ex.join("SNV_2021-H1.csv")).unwrap();
    let unknown = snv
        .replace("Sở Nội vụ", "Sở Không Có")
        .replace("SNV", "XYZ");
    std::fs::write(reports.join("XYZ.csv"), unknown).unwrap();
    let out = dir.path().join("out");
    let (_, v) = consolidate_json(&reports, &out);
    assert_eq!(v["rows_excluded"], 17, "{v}");
    let txt = std::fs::read_to_string(out.join("ninh-thuan-2021_2021-H1.txt")).unwrap();
    let flat = txt.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(
            "Có 17 dòng báo cáo không được đưa vào số liệu do có lỗi, trong đó có toàn bộ các dòng của 1 tệp bị loại ("
        ),
        "{flat}"
    );
}
