//! Crafted workbooks whose parts hold far more records than they declare (shared strings,
//! styles): each is refused before calamine opens it, and the cycle goes on without it.

use crate::common::*;
use std::io::{Read, Write};
use std::path::Path;

/// The openpyxl fixture (Sở Y tế's report) with `extra` parts added or replaced.
fn workbook_with(dst: &Path, extra: &[(&str, Vec<u8>)]) {
    let src = fixture("reports/workbooks/openpyxl.xlsx");
    let mut zin = zip::ZipArchive::new(std::fs::File::open(src).unwrap()).unwrap();
    let mut zout = zip::ZipWriter::new(std::fs::File::create(dst).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zin.len() {
        let mut e = zin.by_index(i).unwrap();
        let name = e.name().unwrap().into_owned();
        if extra.iter().any(|(n, _)| *n == name) {
            continue;
        }
        let mut body = Vec::new();
        e.read_to_end(&mut body).unwrap();
        zout.start_file(name.as_str(), opts).unwrap();
        zout.write_all(&body).unwrap();
    }
    for (name, body) in extra {
        zout.start_file(*name, opts).unwrap();
        zout.write_all(body).unwrap();
    }
    zout.finish().unwrap();
}

/// Over the limit of shared strings (1,050,000) by a few, declaring one.
const HELD: usize = 1_050_010;

/// A folder with Sở Nội vụ's good report and the crafted workbooks: name → code.
fn bombs() -> (tempfile::TempDir, Vec<(&'static str, &'static str)>) {
    let dir = folder_with_a_good_report();
    let d = dir.path();
    let sst = |si: &str| {
        let mut b = br#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">"#.to_vec();
        b.extend(si.repeat(HELD).into_bytes());
        b.extend(b"</sst>");
        b
    };
    workbook_with(
        &d.join("empty-strings.xlsx"),
        &[("xl/sharedStrings.xml", sst("<si/>"))],
    );
    workbook_with(
        &d.join("short-strings.xlsx"),
        &[("xl/sharedStrings.xml", sst("<si><t>a</t></si>"))],
    );
    let styles = {
        let mut b = br#"<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="1">"#.to_vec();
        b.extend(b"<xf></xf>".repeat(400_001));
        b.extend(b"</cellXfs></styleSheet>");
        b
    };
    workbook_with(&d.join("styles.xlsx"), &[("xl/styles.xml", styles)]);
    let expected = vec![
        ("empty-strings.xlsx", "too-many-cells"),
        ("short-strings.xlsx", "too-many-cells"),
        ("styles.xlsx", "too-large"),
    ];
    (dir, expected)
}

#[test]
fn workbooks_holding_more_records_than_they_declare_are_refused() {
    let (dir, expected) = bombs();
    let (code, v) = check_json_with(&["--lang", "en"], &[dir.path()]);
    assert_eq!(code, 1);
    let diags = v["diagnostics"].as_array().unwrap();
    for (name, want) in &expected {
        let of: Vec<&Value> = diags
            .iter()
            .filter(|d| d["file"].as_str().unwrap().ends_with(name))
            .collect();
        let codes: Vec<&str> = of.iter().map(|d| d["code"].as_str().unwrap()).collect();
        assert_eq!(codes, [*want], "{name}");
        let data = &of[0]["data"];
        if want == &"too-many-cells" {
            assert_eq!(data["kind"], "too-many-strings", "{data}");
            assert_eq!(data["declared"], 1, "{data}");
            assert!(data["held"].as_u64().unwrap() > 1_050_000, "{data}");
            assert_eq!(data["max"], 1_050_000, "{data}");
        } else {
            assert_eq!(data["kind"], "too-many-records", "{data}");
            assert_eq!(data["records"], 400_001, "{data}");
        }
    }
    let usable: Vec<(String, bool)> = v["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let f = Path::new(r["file"].as_str().unwrap()).file_name().unwrap();
            (f.to_str().unwrap().into(), r["usable"].as_bool().unwrap())
        })
        .collect();
    assert!(
        usable.contains(&("SNV_2021-H1.csv".into(), true)),
        "{usable:?}"
    );
    assert_eq!(usable.iter().filter(|(_, u)| !u).count(), 3, "{usable:?}");
}

#[test]
fn the_cycle_consolidates_beside_the_bombs() {
    let (dir, expected) = bombs();
    let out = tempfile::tempdir().unwrap();
    let (code, v) = consolidate_json(dir.path(), out.path());
    assert_eq!(code, 1, "{v}");
    let excluded = excluded_by_name(&v);
    for (name, want) in &expected {
        assert!(
            excluded.contains(&(name.to_string(), want.to_string())),
            "{name}: {excluded:?}"
        );
    }
    let snv = agency_line(&v, "SNV");
    assert_eq!(snv["rows"], 17, "{snv}");
}
