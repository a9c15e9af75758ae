//! `plan import` of a crafted Word document: refused before docx-rs reads it (exit 2, nothing
//! written), whatever its few compressed kilobytes expand to.

use crate::common::*;
use std::io::{Read, Write};
use std::path::Path;

/// A Word document docx-rs writes (so that docx-rs reads it), with `body` put at the start of
/// its `<w:body>`, deflated.
fn docx_with_body(dst: &Path, body: &[u8]) {
    let para = docx_rs::Paragraph::new().add_run(docx_rs::Run::new().add_text("KẾ HOẠCH"));
    let mut base = std::io::Cursor::new(Vec::new());
    docx_rs::Docx::new()
        .add_paragraph(para)
        .build()
        .pack(&mut base)
        .unwrap();
    let mut zin = zip::ZipArchive::new(base).unwrap();
    let mut z = zip::ZipWriter::new(std::fs::File::create(dst).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zin.len() {
        let mut e = zin.by_index(i).unwrap();
        let name = e.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        e.read_to_end(&mut bytes).unwrap();
        if name == "word/document.xml" {
            let at = bytes.windows(8).position(|w| w == b"<w:body>").unwrap() + 8;
            bytes.splice(at..at, body.iter().copied());
        }
        z.start_file(name.as_str(), opts).unwrap();
        z.write_all(&bytes).unwrap();
    }
    z.finish().unwrap();
}

fn import(lang: &str, file: &Path, out: &Path) -> (i32, String) {
    let o = bdg()
        .args(["--lang", lang, "plan", "import"])
        .arg(file)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    )
}

#[test]
fn a_million_empty_paragraphs_are_refused_before_they_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ke-hoach-bom.docx");
    docx_with_body(&file, &b"<w:p/>".repeat(1_000_000));
    assert!(std::fs::metadata(&file).unwrap().len() < 200_000);
    let out = dir.path().join("plan.yaml");
    for lang in ["vi", "en"] {
        let (code, err) = import(lang, &file, &out);
        assert_eq!(code, 2, "{err}");
        assert!(!out.exists());
        // where, the limit
        assert!(err.contains("ke-hoach-bom.docx"), "{err}");
        assert!(err.contains("20000"), "{err}");
    }
}

/// A document named `name` whose one paragraph holds `inside`, imported in English: refused
/// (exit 2, nothing written), the message naming the file; its stderr.
fn refused_paragraph(name: &str, inside: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    let mut body = b"<w:p>".to_vec();
    body.extend(inside);
    body.extend(b"</w:p>");
    docx_with_body(&file, &body);
    let out = dir.path().join("plan.yaml");
    let (code, err) = import("en", &file, &out);
    assert_eq!(code, 2, "{err}");
    assert!(!out.exists());
    assert!(err.contains(name), "{err}");
    err
}

#[test]
fn a_paragraph_of_five_million_runs_is_refused() {
    let err = refused_paragraph("runs.docx", &b"<w:r/>".repeat(5_000_000));
    assert!(err.contains("400000"), "{err}");
}

#[test]
fn a_document_that_decompresses_past_the_limit_is_refused() {
    // 33 MB of spaces inside one paragraph: few paragraphs, too many bytes
    let err = refused_paragraph("rong.docx", &vec![b' '; 33 * 1024 * 1024]);
    assert!(err.contains("32"), "{err}");
}

#[test]
fn a_plan_document_within_the_limits_still_imports() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ke-hoach.docx");
    let para = |t: &str| docx_rs::Paragraph::new().add_run(docx_rs::Run::new().add_text(t));
    let mut doc = docx_rs::Docx::new();
    for line in [
        "KẾ HOẠCH",
        "Thực hiện công tác bình đẳng giới năm 2021",
        "I. MỤC ĐÍCH",
    ] {
        doc = doc.add_paragraph(para(line));
    }
    for _ in 0..1_000 {
        doc = doc.add_paragraph(docx_rs::Paragraph::new());
    }
    doc.build()
        .pack(std::fs::File::create(&file).unwrap())
        .unwrap();
    let out = dir.path().join("plan.yaml");
    let (code, err) = import("en", &file, &out);
    assert!(code == 0 || code == 1, "{code} {err}");
    let yaml = std::fs::read_to_string(&out).unwrap();
    assert!(yaml.contains("bình đẳng giới năm 2021"), "{yaml}");
}
