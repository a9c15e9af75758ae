//! The table written row by row is comfy-table's, byte for byte: the same tables rendered both
//! ways, edge cases by hand and many more generated.

use super::*;
use proptest::prelude::*;

const PAGE: usize = 92;

fn table(header: &[&str], rows: &[&[&str]], numeric: &[bool]) -> Table {
    let strings = |r: &[&str]| r.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    Table {
        title: "T".into(),
        header: strings(header),
        numeric: numeric.to_vec(),
        rows: rows.iter().map(|r| strings(r)).collect(),
    }
}

/// The table written by [`write`], which must take the row-by-row path.
fn streamed(t: &Table) -> String {
    assert!(natural_widths(t).is_some(), "natural width expected: {t:?}");
    let mut out = Vec::new();
    write(&mut out, t, PAGE).unwrap();
    String::from_utf8(out).unwrap()
}

fn assert_same(t: &Table) {
    assert_eq!(streamed(t), comfy(t, PAGE), "{t:?}");
}

#[test]
fn edge_cases_are_drawn_as_comfy_table_draws_them() {
    let forty = "x".repeat(40);
    let forty_vi = "ệ".repeat(40);
    let cases: Vec<Table> = vec![
        // No rows, no header, neither.
        table(&["Nhiệm vụ", "Số"], &[], &[false, true]),
        table(&[], &[&["a", "1"]], &[false, true]),
        table(&[], &[], &[]),
        table(&[], &[&[], &[]], &[true]),
        // Empty rows and empty cells among full ones; rows shorter and longer than the header.
        table(&["A", "B"], &[&[], &["", ""], &["x"]], &[false, true]),
        table(
            &["A"],
            &[&["1", "2", "3"], &["4"]],
            &[true, false, true, true],
        ),
        // Vietnamese, composed and with combining marks; wide CJK; a zero-width joiner.
        table(
            &["Cơ quan, đơn vị", "Nữ"],
            &[
                &["Sở Lao động – Thương binh và Xã hội", "1.234"],
                &["Ho\u{300}a Bi\u{300}nh", "64,8%"],
                &["中华人民共和国", "7"],
                &["👩\u{200d}👩\u{200d}👧", "—"],
            ],
            &[false, true],
        ),
        // A combining mark counts no column (width 1 here, 2 characters).
        table(&[], &[&["o\u{323}"], &["AA"]], &[]),
        // Numbers right-aligned under a wider header; a numeric flag past the last column.
        table(
            &["Kinh phí (đồng)", "Tỷ lệ nữ"],
            &[&["1.500.000", "50%"], &["0", "—"]],
            &[true, true, true],
        ),
        // A cell with several lines, in a numeric column and a text one; an empty line.
        table(
            &["Tên\nđơn vị", "Số"],
            &[&["a\nbb\n\nccc", "1\n22"], &["d", "\n"]],
            &[false, true],
        ),
        // Widths at the boundary of 40 characters (a wide one is 80 columns, still natural).
        table(&["H"], &[&[forty.as_str()], &[forty_vi.as_str()]], &[false]),
        table(&["H"], &[&[&"中".repeat(40)]], &[true]),
        // Trailing and leading spaces, a tab, a carriage return, control characters.
        table(
            &["A ", " B"],
            &[&["x  ", "  y"], &["t\tu", "r\rs"]],
            &[false, true],
        ),
        table(&["A"], &[&["\u{7}\u{1b}[1m"]], &[false]),
        // A long header (headers do not make a table long).
        table(
            &[&"Tiêu đề ".repeat(20), "B"],
            &[&["1", "2"]],
            &[true, false],
        ),
    ];
    for t in &cases {
        assert_same(t);
    }
}

#[test]
fn a_table_with_a_long_cell_is_left_to_comfy_table() {
    let t = table(&["A", "B"], &[&[&"chữ ".repeat(11), "1"]], &[false, true]);
    assert!(natural_widths(&t).is_none());
    let mut out = Vec::new();
    write(&mut out, &t, PAGE).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), comfy(&t, PAGE));
    // 41 characters is long, 40 is not.
    let at = |n: usize| table(&["A"], &[&[&"ă".repeat(n)]], &[]);
    assert!(natural_widths(&at(40)).is_some());
    assert!(natural_widths(&at(41)).is_none());
}

#[test]
fn an_agency_table_keeps_its_natural_width() {
    // The appendix's shape: names, a state, a date, figures.
    let rows: Vec<Vec<String>> = (0..500)
        .map(|i| {
            vec![
                format!("Ủy ban nhân dân xã số {i}"),
                ["Đúng hạn", "Trễ hạn", "Chưa nộp"][i % 3].into(),
                format!("{}/12/2025", i % 28 + 1),
                (i % 60).to_string(),
                format!("{}.{:03}", i, i * 7 % 1000),
            ]
        })
        .collect();
    let t = Table {
        title: "Phụ lục 2".into(),
        header: ["Cơ quan, đơn vị", "Tình trạng", "Ngày", "Số", "Kinh phí"]
            .map(String::from)
            .to_vec(),
        numeric: vec![false, false, false, true, true],
        rows: rows.into_iter().collect(),
    };
    assert_same(&t);
    assert_eq!(streamed(&t).lines().count(), 502);
}

/// Pieces of cells: figures, Vietnamese (composed and decomposed), wide and zero-width
/// characters, spaces, lines, the boundary of 40.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[0-9]{1,3}(\\.[0-9]{3}){0,3}",
        "[0-9]{1,2},[0-9]%",
        Just("—".to_string()),
        "[a-zA-Z ]{0,12}",
        "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ ]{0,10}",
        "[aeiouy][\u{300}\u{301}\u{303}\u{309}\u{323}]{1,2}",
        "[中文字表格日本語한국어]{1,6}",
        "[\u{200b}\u{200d}\u{fe0f}\u{a0}\u{3000}\t\r]{1,3}",
        Just("\n".to_string()),
        "[xệ中]{38,40}",
    ]
}

/// A cell of up to three pieces, kept to 40 characters (a natural-width table).
fn cell() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..3).prop_map(|ps| ps.concat().chars().take(40).collect())
}

fn generated() -> impl Strategy<Value = Table> {
    let row = || proptest::collection::vec(cell(), 0..6);
    (
        row(),
        proptest::collection::vec(row(), 0..12),
        proptest::collection::vec(any::<bool>(), 0..7),
    )
        .prop_map(|(header, rows, numeric)| Table {
            title: String::new(),
            header,
            numeric,
            rows: rows.into_iter().collect(),
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn generated_tables_are_drawn_as_comfy_table_draws_them(t in generated()) {
        prop_assert_eq!(streamed(&t), comfy(&t, PAGE));
    }
}

/// A writer that takes `room` bytes, then says the disk is full.
struct Full {
    room: usize,
}

impl Write for Full {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if buf.len() > self.room {
            return Err(io::Error::from(io::ErrorKind::StorageFull));
        }
        self.room -= buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_failed_write_is_the_writers_error() {
    let t = table(&["A", "B"], &[&["x", "1"], &["y", "2"]], &[false, true]);
    let whole = comfy(&t, PAGE).len();
    for room in [0, 5, 20, whole - 1] {
        let e = write(&mut Full { room }, &t, PAGE).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::StorageFull, "room {room}");
    }
    assert!(write(&mut Full { room: whole }, &t, PAGE).is_ok());
}

/// A long table (a cell over 40 characters) is wrapped to the page; its first column gets at
/// least its share of the page, and a column of short cells and short header words is never
/// wrapped, nor a header word broken: a long unit beside the names wraps in its own column.
#[test]
fn a_long_table_keeps_its_names_wide_and_its_short_columns_whole() {
    let name = "NQ28-4.2 Tỷ lệ tử vong bà mẹ liên quan đến thai sản ".repeat(3);
    let t = table(
        &["Chỉ tiêu", "ĐVT", "Mục tiêu (năm)", "Reporters"],
        &[
            &[name.trim(), "/100.000 trẻ sinh sống", "≤ 42 (2025)", "1"],
            &["NQ28-1.1", "%", "≥ 100 (2025)", "12"],
        ],
        &[false, false, true, true],
    );
    let out = comfy(&t, PAGE);
    let lines: Vec<&str> = out.lines().collect();
    let cells = |l: &str| -> Vec<String> {
        l.trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_string())
            .collect()
    };
    // The first column at least its share of the Word report's page, padding aside.
    let fit = crate::render::doc::widths::fit(&t, crate::render::docx::TEXT_WIDTH as u32);
    let share = fit.widths[0] as usize * PAGE / fit.widths.iter().sum::<u32>() as usize;
    let first = lines[0].split('|').nth(1).unwrap().chars().count();
    assert!(share > PAGE / 3 && first >= share - 2, "{share} {out}");
    // Short cells and header words appear whole on some line, never split.
    let all: Vec<String> = lines.iter().flat_map(|l| cells(l)).collect();
    for whole in ["≤ 42 (2025)", "≥ 100 (2025)", "Reporters", "12"] {
        assert!(all.iter().any(|c| c == whole), "{whole} whole in\n{out}");
    }
    // The unit wraps in its own column, between words: its longest word whole.
    let unit = "/100.000 trẻ sinh sống";
    assert!(!all.iter().any(|c| c == unit), "{out}");
    assert!(all.iter().any(|c| c == "/100.000"), "{out}");
}
