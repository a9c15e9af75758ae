//! Agencies' difficulties and proposals: two reserved rows (task cell = label, note cell =
//! text), the same in CSV and XLSX, quoted with the agency's name in the consolidated report.

use crate::common::*;
use rust_xlsxwriter::Workbook;

const HARD: &str = "Thiếu kinh phí, cán bộ kiêm nhiệm";
const ASK: &str = "Đề nghị tập huấn lồng ghép giới";

/// The rows of a report by Sở Y tế: one task, then the two reserved rows.
fn rows() -> Vec<[&'static str; 7]> {
    vec![
        [
            "Đơn vị",
            "Kỳ báo cáo",
            "Ngày báo cáo",
            "Mã nhiệm vụ",
            "Tình trạng",
            "Số hoạt động",
            "Ghi chú / Kết quả",
        ],
        [
            "SYT",
            "2021-H1",
            "09/06/2021",
            "IV.8",
            "hoàn thành",
            "3",
            "Hội nghị tuyên truyền",
        ],
        [
            "SYT",
            "2021-H1",
            "09/06/2021",
            "Khó khăn, vướng mắc",
            "",
            "",
            HARD,
        ],
        [
            "SYT",
            "2021-H1",
            "09/06/2021",
            "ĐỀ XUẤT, KIẾN NGHỊ:",
            "",
            "",
            ASK,
        ],
    ]
}

fn write_csv(path: &std::path::Path) {
    let mut w = csv::Writer::from_path(path).unwrap();
    for r in rows() {
        w.write_record(r).unwrap();
    }
    w.flush().unwrap();
}

fn write_xlsx(path: &std::path::Path) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (i, r) in rows().iter().enumerate() {
        for (c, v) in r.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(i as u32, c as u16, *v).unwrap();
            }
        }
    }
    wb.save(path).unwrap();
}

#[test]
fn difficulties_and_proposals_read_alike_from_csv_and_xlsx_and_reach_the_report() {
    for (name, write) in [
        ("syt.csv", write_csv as fn(&std::path::Path)),
        ("syt.xlsx", write_xlsx),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let reports = dir.path().join("reports");
        std::fs::create_dir(&reports).unwrap();
        write(&reports.join(name));
        let (_, v) = check_json(&reports);
        let errors: Vec<&Value> = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["severity"] == "error")
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
        assert_eq!(v["rows"], 1, "{name}: the reserved rows are not task rows");

        let (_, j) = consolidate_json(&reports, &dir.path().join("out"));
        assert_eq!(j["excluded"].as_array().unwrap().len(), 0, "{name}: {j}");
        let text =
            std::fs::read_to_string(dir.path().join("out/ninh-thuan-2021_2021-H1.txt")).unwrap();
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        assert!(
            lines.contains(&format!("- Sở Y tế: {HARD}").as_str()),
            "{name}"
        );
        assert!(
            lines.contains(&format!("- Sở Y tế: {ASK}").as_str()),
            "{name}"
        );
    }
}

#[test]
fn the_csv_template_ends_with_the_two_reserved_rows() {
    let dir = tempfile::tempdir().unwrap();
    template_sample(dir.path(), &["--format", "csv", "--agency", "SYT"]);
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_path(dir.path().join("2021-H1_SYT_so-y-te.csv"))
        .unwrap();
    let task_col = r
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "Mã nhiệm vụ")
        .unwrap();
    let tasks: Vec<String> = r
        .records()
        .map(|x| x.unwrap()[task_col].to_string())
        .collect();
    assert_eq!(
        tasks[tasks.len() - 2..],
        ["Khó khăn, vướng mắc", "Đề xuất, kiến nghị"]
    );
}
