//! Issue 17, the reading edges: crafted files (made here, never committed) are refused or
//! skipped one by one, and every cycle command still finishes with the other files read.

use crate::common::*;
use std::io::{Read, Write};
use std::path::Path;

fn workbook(name: &str) -> PathBuf {
    fixture(&format!("reports/workbooks/{name}"))
}

/// A copy of the zip at `src` with each part passed through `edit` (name, text → text).
fn rezip(src: &Path, dst: &Path, edit: impl Fn(&str, Vec<u8>) -> Vec<u8>) {
    let mut zin = zip::ZipArchive::new(std::fs::File::open(src).unwrap()).unwrap();
    let mut zout = zip::ZipWriter::new(std::fs::File::create(dst).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zin.len() {
        let mut e = zin.by_index(i).unwrap();
        let name = e.name().unwrap().into_owned();
        let mut body = Vec::new();
        e.read_to_end(&mut body).unwrap();
        zout.start_file(name.as_str(), opts).unwrap();
        zout.write_all(&edit(&name, body)).unwrap();
    }
    zout.finish().unwrap();
}

fn replace(body: Vec<u8>, from: &str, to: &str) -> Vec<u8> {
    let s = String::from_utf8(body).unwrap();
    assert!(s.contains(from), "{from} not found");
    s.replacen(from, to, 1).into_bytes()
}

/// A folder with one good report (Sở Nội vụ's) and the crafted workbooks of issue 17 (1, 2):
/// file name → the code it must be excluded with.
fn bomb_folder() -> (tempfile::TempDir, Vec<(&'static str, &'static str)>) {
    let dir = folder_with_a_good_report();
    let d = dir.path();
    let xlsx = workbook("openpyxl.xlsx");
    let sheet = "xl/worksheets/sheet1.xml";
    rezip(&xlsx, &d.join("dimension.xlsx"), |n, b| {
        if n == sheet {
            replace(
                b,
                r#"<dimension ref="A1:L17" />"#,
                r#"<dimension ref="A1:XFD1048576" />"#,
            )
        } else {
            b
        }
    });
    rezip(&xlsx, &d.join("spread.xlsx"), |n, b| {
        if n == sheet {
            let far = r#"<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>"#;
            replace(b, "</sheetData>", far)
        } else {
            b
        }
    });
    rezip(&xlsx, &d.join("strings.xlsx"), |_, b| b);
    // sharedStrings declaring four billion strings, beside the sheets
    {
        let mut z = zip::ZipWriter::new_append(
            std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(d.join("strings.xlsx"))
                .unwrap(),
        )
        .unwrap();
        z.start_file(
            "xl/sharedStrings.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        z.write_all(br#"<sst count="4294967295" uniqueCount="4294967295"><si><t>a</t></si></sst>"#)
            .unwrap();
        z.finish().unwrap();
    }
    rezip(
        &workbook("libreoffice.ods"),
        &d.join("repeat.ods"),
        |n, b| {
            if n == "content.xml" {
                let bomb = r#"<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row></table:table>"#;
                replace(b, "</table:table>", bomb)
            } else {
                b
            }
        },
    );
    // XLS: two bytes of the DIMENSIONS record's last row patched
    let mut xls = std::fs::read(workbook("libreoffice.xls")).unwrap();
    let at = xls
        .windows(4)
        .position(|w| w == [0x00, 0x02, 0x0E, 0x00])
        .unwrap();
    xls[at + 10] = 0xFF;
    xls[at + 11] = 0xFF;
    std::fs::write(d.join("patched.xls"), xls).unwrap();
    let expected = vec![
        ("dimension.xlsx", "too-many-cells"),
        ("patched.xls", "too-many-cells"),
        ("repeat.ods", "too-many-cells"),
        ("spread.xlsx", "too-many-cells"),
        ("strings.xlsx", "too-many-cells"),
    ];
    (dir, expected)
}

/// Each report of `check --format json`: file name → (usable, codes).
fn by_file(v: &Value) -> std::collections::BTreeMap<String, (bool, Vec<String>)> {
    let mut m = std::collections::BTreeMap::new();
    for r in v["reports"].as_array().unwrap() {
        let file = r["file"].as_str().unwrap();
        let name = Path::new(file)
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let codes = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["file"] == file)
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect();
        m.insert(name, (r["usable"].as_bool().unwrap(), codes));
    }
    m
}

fn check_json(path: &Path) -> (i32, Value) {
    check_json_with(&["--lang", "en"], &[path])
}

#[test]
fn crafted_workbooks_are_refused_before_opening_and_the_others_still_read() {
    let (dir, expected) = bomb_folder();
    let (code, v) = check_json(dir.path());
    assert_eq!(code, 1);
    let files = by_file(&v);
    for (name, want) in &expected {
        let (usable, codes) = &files[*name];
        assert!(!usable, "{name}");
        assert_eq!(codes, &vec![want.to_string()], "{name}");
    }
    assert!(files["SNV_2021-H1.csv"].0);
    assert!(v["rows"].as_u64().unwrap() > 0);
}

#[test]
fn every_cycle_command_finishes_beside_the_crafted_workbooks() {
    let (dir, expected) = bomb_folder();
    let out = tempfile::tempdir().unwrap();
    let (code, v) = consolidate_json(dir.path(), out.path());
    assert_eq!(code, 1);
    let excluded = excluded_by_name(&v);
    for (name, want) in &expected {
        assert!(
            excluded.contains(&(name.to_string(), want.to_string())),
            "{name}: {excluded:?}"
        );
    }
    let snv = agency_line(&v, "SNV");
    assert!(snv["rows"].as_u64().unwrap() > 0, "{snv}");
    for cmd in ["overdue", "remind"] {
        let mut c = bdg();
        c.args([
            cmd,
            "--plan",
            PLAN,
            "--period",
            "2021-H1",
            "--as-of",
            "20/06/2021",
        ])
        .arg("--reports")
        .arg(dir.path());
        if cmd == "remind" {
            c.arg("--out").arg(out.path().join("letters"));
        }
        c.assert().code(1);
    }
}

#[test]
fn a_text_report_of_endless_bad_rows_is_cut_off_and_its_diagnostics_capped() {
    let dir = tempfile::tempdir().unwrap();
    let header = "Đơn vị,Kỳ báo cáo,Ngày báo cáo,Mã nhiệm vụ,Tình trạng,Số hoạt động\n";
    let row = "SNV,2021-H1,09/06/2021,IV.2.a,hoàn thành,x\n";
    // 1,000 rows with a bad number: 1,000 row errors, 200 kept in full
    let some = dir.path().join("some.csv");
    std::fs::write(&some, format!("{header}{}", row.repeat(1000))).unwrap();
    let (code, v) = check_json(&some);
    assert_eq!(code, 1);
    let diags = v["diagnostics"].as_array().unwrap();
    // 200 row diagnostics in full, the file's own (task-not-reported), then one count per code
    assert_eq!(diags.len(), 203);
    assert_eq!(diags[200]["code"], "task-not-reported");
    let counted: Vec<_> = diags[201..]
        .iter()
        .map(|d| (d["code"].clone(), d["line"].clone()))
        .collect();
    assert_eq!(
        counted,
        [
            ("bad-number".into(), Value::Null),
            ("duplicate-task".into(), Value::Null)
        ]
    );
    let kept = diags[..200]
        .iter()
        .filter(|d| d["code"] == "bad-number")
        .count();
    // "and N more": the count is in the data, whatever the language of the message.
    assert_eq!(
        (
            diags[201]["data"]["kind"].as_str(),
            diags[201]["data"]["count"].as_u64()
        ),
        (Some("suppressed"), Some(1000 - kept as u64)),
        "{}",
        diags[201]
    );
    assert_eq!(v["rows_excluded"], 1000);
    // far more rows than a report has: refused as a whole
    let endless = dir.path().join("endless.csv");
    std::fs::write(
        &endless,
        format!("{header}{}", "SNV,,,IV.2.a,x\n".repeat(100_001)),
    )
    .unwrap();
    let (code, v) = check_json(&endless);
    assert_eq!(code, 1);
    let codes: Vec<_> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].clone())
        .collect();
    assert_eq!(codes, [Value::from("too-many-rows")]);
}

#[cfg(unix)]
#[test]
fn devices_fifos_and_links_to_them_are_skipped_not_read() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.csv")).unwrap();
    let fifo = dir.path().join("x.csv");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    std::fs::copy(
        "examples/reports/2021-H1/SNV_2021-H1.csv",
        dir.path().join("SNV.csv"),
    )
    .unwrap();
    let (_, v) = check_json(dir.path());
    let files = by_file(&v);
    assert_eq!(files["zero.csv"], (false, vec!["not-a-file".to_string()]));
    assert_eq!(files["x.csv"], (false, vec!["not-a-file".to_string()]));
    assert!(files["SNV.csv"].0);
    // named on the command line, and as the plan
    let (_, v) = check_json(Path::new("/dev/full"));
    assert_eq!(v["diagnostics"][0]["code"], "not-a-file");
    bdg()
        .args(["plan", "check", "/dev/zero"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not-a-file"));
    bdg()
        .args([
            "overdue",
            "--plan",
            "/dev/zero",
            "--period",
            "2021-H1",
            "--reports",
        ])
        .arg(dir.path())
        .assert()
        .code(2);
}

/// Issue 17, 10: a workbook with the report header on several sheets: the sheets with the
/// same columns are all read, each row placed in its own sheet; one with other columns is named.
#[test]
fn every_sheet_with_the_report_header_is_read_or_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let header = [
        "Đơn vị",
        "Kỳ báo cáo",
        "Ngày báo cáo",
        "Mã nhiệm vụ",
        "Tình trạng",
    ];
    let sheets = [
        (
            "Đợt 1",
            &header[..],
            vec!["SNV", "2021-H1", "09/06/2021", "IV.2.a", "hoàn thành"],
        ),
        (
            "Đợt 2",
            &header[..],
            vec!["SNV", "2021-H1", "09/06/2021", "IV.2.b", "xong rồi"],
        ),
        (
            "Đợt 3",
            &header[..],
            vec!["SNV", "2021-H1", "09/06/2021", "IV.15.a", "hoàn thành"],
        ),
        (
            "Khác",
            &header[..4],
            vec!["SNV", "2021-H1", "09/06/2021", "IV.15.b"],
        ),
    ];
    for (name, header, row) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        for (c, h) in header.iter().enumerate() {
            ws.write(0, c as u16, *h).unwrap();
        }
        for (c, v) in row.iter().enumerate() {
            ws.write(1, c as u16, *v).unwrap();
        }
    }
    wb.save(&path).unwrap();
    let (_, v) = check_json(&path);
    let diags = v["diagnostics"].as_array().unwrap();
    // the rows of sheets 1 and 3 count; sheet 2's bad status is placed in sheet 2
    assert_eq!(v["rows"], 2, "{v}");
    let bad = diags.iter().find(|d| d["code"] == "bad-status").unwrap();
    assert_eq!(bad["cell"], "Đợt 2!E2");
    let named = diags
        .iter()
        .find(|d| d["code"] == "sheet-not-read")
        .unwrap();
    assert!(
        named["message"].as_str().unwrap().contains("'Khác'"),
        "{named}"
    );
}

/// Issue 17, 11: a cell holding terminal escapes is shown, not obeyed.
#[test]
fn terminal_escapes_from_a_report_are_made_visible() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("esc\u{1b}[2J.csv");
    let evil = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m";
    std::fs::write(
        &f,
        format!("Đơn vị,Kỳ báo cáo,Ngày báo cáo,Mã nhiệm vụ,Tình trạng\nSNV,2021-H1,09/06/2021,IV.2.a,{evil}\n"),
    )
    .unwrap();
    let o = bdg()
        .args(["check", "--plan", PLAN])
        .arg(&f)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let all = [o.stdout, o.stderr].concat();
    let text = String::from_utf8(all).unwrap();
    assert!(text.contains("bad-status"), "{text}");
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{9b}'),
        "{text:?}"
    );
    assert!(text.contains("␛]0;pwned␇"), "{text}");
    let o = bdg()
        .args(["check", "--format", "csv", "--plan", PLAN])
        .arg(&f)
        .output()
        .unwrap();
    let text = String::from_utf8([o.stdout, o.stderr].concat()).unwrap();
    assert!(text.contains("bad-status"), "{text}");
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
}

/// Issue 17, 5: aliases hidden from a text scan (a quote inside a flow scalar, a line ending
/// in ` |`) are found from the parser's events.
#[test]
fn hidden_yaml_aliases_are_refused_before_they_expand() {
    let src = std::fs::read_to_string(PLAN).unwrap();
    for hidden in [
        "x: &t [a, b]\ny: {id: n1 'q, text: *t}\n",
        "x: &t [a, b]\ny: [v |,\n    *t, *t]\n",
    ] {
        let f = tempfile::Builder::new().suffix(".yaml").tempfile().unwrap();
        std::fs::write(f.path(), format!("{src}{hidden}")).unwrap();
        bdg()
            .args(["plan", "check"])
            .arg(f.path())
            .assert()
            .code(1)
            .stderr(predicate::str::contains("[yaml-alias]"));
    }
}

/// Issue 17, 13: rows are counted once however many diagnostics they have, and across a
/// folder every input row is either consolidated or excluded.
#[test]
fn excluded_rows_are_rows_not_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let header =
        "Đơn vị,Kỳ báo cáo,Ngày báo cáo,Mã nhiệm vụ,Tình trạng,Số hoạt động,Số người tham gia nữ\n";
    std::fs::write(
        dir.path().join("SNV.csv"),
        format!("{header}SNV,2021-H1,09/06/2021,IV.2.a,hoàn thành,x,y\nSNV,2021-H1,09/06/2021,IV.2.b,hoàn thành,1,2\n"),
    )
    .unwrap();
    // a file excluded whole: its three rows are excluded rows
    std::fs::write(
        dir.path().join("unknown.csv"),
        format!(
            "{header}{}",
            "XYZ,2021-H1,09/06/2021,IV.2.a,hoàn thành,1,1\n".repeat(3)
        ),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let (_, v) = consolidate_json(dir.path(), out.path());
    assert_eq!(v["rows_excluded"], 1 + 3, "{v}");
    assert_eq!(v["files_excluded"], 1);
    let consolidated: u64 = v["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["rows"].as_u64().unwrap())
        .sum();
    assert_eq!(consolidated + v["rows_excluded"].as_u64().unwrap(), 2 + 3);
}
