//! Rows wider than their header and cells over Excel's limit: what is not kept of them (cells
//! past the header, an over-long cell's text) still gives the same diagnostics, data and
//! places; the other rows are read as usual.

use crate::common::*;

const HEAD: &str = "Đơn vị,Kỳ báo cáo,Ngày báo cáo,Mã nhiệm vụ,Tình trạng,Tiến độ (%),Số hoạt động,Số người tham gia nữ,Số người tham gia nam,Kinh phí (đồng),Ghi chú / Kết quả";

fn row(task: &str, note: &str) -> String {
    format!("Báo Ninh Thuận,2021-H1,04/06/2021,{task},hoàn thành,100,1,97,153,0,{note}")
}

/// Characters before the end of `s`, plus one: the column of a field that starts right after.
fn col_after(s: &str) -> u64 {
    s.chars().count() as u64 + 1
}

#[test]
fn wide_rows_and_long_cells_keep_their_codes_data_and_places() {
    let dir = tempfile::tempdir().unwrap();
    let shifted = row("IV.10.a", "ghi chú");
    let wide = row("IV.15.a", "x");
    let long_note = "ư".repeat(40_000);
    let long_row = row("IV.15.b", &long_note);
    let long_past = row("II.1.a", "y");
    let lines = [
        format!("{shifted},,,85,5"),
        format!("{wide}{}z", ",".repeat(50_000)),
        long_row.clone(),
        format!("{long_past},,{},w", "a".repeat(33_000)),
        row("IV.10.b", "đủ"),
    ];
    let text = format!("{HEAD}\n{}\n", lines.join("\n"));
    let path = dir.path().join("BaoNinhThuan_2021-H1.csv");
    std::fs::write(&path, text).unwrap();
    let (_, v) = check_json(&path);

    let extra = diagnostics_with_code(&v, "extra-fields");
    let got: Vec<_> = extra
        .iter()
        .map(|d| (d["line"].clone(), d["column"].clone(), d["data"].clone()))
        .collect();
    let data =
        |found: u64| serde_json::json!({"kind": "extra-fields", "found": found, "columns": 11});
    assert_eq!(
        got,
        [
            (2.into(), (col_after(&shifted) + 3).into(), data(15)),
            (3.into(), (col_after(&wide) + 50_000).into(), data(50_011)),
        ]
    );

    let long = diagnostics_with_code(&v, "too-long");
    let got: Vec<_> = long
        .iter()
        .map(|d| {
            (
                d["line"].clone(),
                d["column"].clone(),
                d["data"]["chars"].clone(),
            )
        })
        .collect();
    let note_col = col_after(&long_row) - 40_000;
    assert_eq!(
        got,
        [
            (4.into(), note_col.into(), 40_000.into()),
            (5.into(), (col_after(&long_past) + 2).into(), 33_000.into()),
        ]
    );
    // The ordinary row is read, the file's identity found, every other row excluded.
    assert_eq!(v["rows"], 1, "{v}");
    assert_eq!(v["rows_excluded"], 4);
    assert_eq!(v["reports"][0]["agency"], "BNT");
}
