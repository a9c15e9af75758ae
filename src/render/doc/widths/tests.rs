use super::*;
use crate::render::doc::Rows;

/// A table of `header` and `rows`, the first column text, the others figures.
fn table(header: &[&str], rows: &[&[&str]]) -> Table {
    Table {
        title: "T".into(),
        header: header.iter().map(|h| h.to_string()).collect(),
        numeric: (0..header.len()).map(|i| i > 0).collect(),
        rows: rows.iter().copied().collect::<Rows>(),
    }
}

/// The Word report's page: A4 less the margins, in twips.
const PAGE: u32 = 9354;

fn twips(s: &str, size: u32) -> u32 {
    (em_width(s) * size * 10).div_ceil(1000)
}

#[test]
fn times_widths_are_the_fonts() {
    // Digits are half an em, a full stop a quarter; "Reporters" bold is 4.276 em.
    assert_eq!(em_width("3.259.500.000"), 10 * 500 + 3 * 250);
    assert_eq!(em_width("23/12/2025"), 8 * 500 + 2 * 278);
    assert_eq!(
        em_width("Reporters"),
        722 + 444 + 556 + 500 + 444 + 333 + 444 + 444 + 389
    );
    // A Vietnamese letter counts its base letter and a little more; an unknown sign an em.
    assert_eq!(em_width("ệ"), 444 + 60);
    assert_eq!(em_width("Đ"), 722 + 60);
    assert_eq!(em_width("—"), 1000);
}

#[test]
fn a_long_number_gets_its_width_and_the_names_the_rest() {
    let budget = "3.259.500.000";
    let t = table(
        &["Cơ quan, đơn vị", "Nữ", "Kinh phí (đồng)"],
        &[
            &[
                &"Ủy ban nhân dân xã Phước Dinh, huyện Thuận Nam ".repeat(3),
                "1.534",
                budget,
            ],
            &["Sở Y tế", "12", "500.000"],
        ],
    );
    let f = fit(&t, PAGE);
    assert_eq!(f.size, 24);
    assert!(!f.breaks);
    assert_eq!(f.widths.iter().sum::<u32>(), PAGE);
    // Each figure column is as wide as its longest figure (or header word), and no wider:
    // the names take the rest of the page.
    assert_eq!(f.widths[2], twips(budget, 24) + PADDING);
    assert_eq!(f.widths[1], twips("1.534", 24) + PADDING);
    assert_eq!(f.widths[0], PAGE - f.widths[1] - f.widths[2]);
}

#[test]
fn text_columns_share_the_rest_by_their_need() {
    // Need (longest line − longest word): the names' is far more than the state's.
    let t = table(
        &["Name", "State", "Days"],
        &[&[
            &"Ủy ban nhân dân xã Phước Dinh ".repeat(6),
            "đã gửi, trễ hạn",
            "12",
        ]],
    );
    let n = needs(&t, em_width);
    let f = fit(&t, PAGE);
    let at = |e: u32| (e * f.size * 10).div_ceil(1000) + PADDING;
    assert_eq!(f.widths[2], at(n[2].least));
    assert!(f.widths[1] > at(n[1].least) && f.widths[1] < at(n[1].most));
    assert!(f.widths[0] > 3 * f.widths[1]);
    assert_eq!(f.widths.iter().sum::<u32>(), PAGE);
    // A header is words: its longest word counts, not its length; a cell's line is whole.
    assert_eq!(n[1].least, em_width("State"));
    assert_eq!(n[1].most, em_width("đã gửi, trễ hạn"));
    assert_eq!(n[2].most, n[2].least);
}

#[test]
fn a_table_narrower_than_the_page_is_widened_by_its_widths() {
    let t = table(&["Task", "Reports"], &[&["NV1.1", "3"]]);
    let f = fit(&t, PAGE);
    assert_eq!(f.widths.iter().sum::<u32>(), PAGE);
    let n: Vec<u32> = needs(&t, em_width).iter().map(|n| n.most).collect();
    // "Reports" (the header word) is the second column's most.
    assert_eq!(n[1], em_width("Reports"));
    assert!(f.widths.iter().zip(&n).all(|(&w, &m)| w >= twips_of(m, 24)));
}

fn twips_of(em: u32, size: u32) -> u32 {
    (em * size * 10).div_ceil(1000) + PADDING
}

#[test]
fn when_the_least_does_not_fit_the_table_is_set_smaller_then_broken() {
    let figure = "3.259.500.000";
    let cols = |n: usize| -> Table {
        let header: Vec<&str> = vec!["X"; n];
        let row: Vec<&str> = vec![figure; n];
        table(&header, &[&row])
    };
    // How many budgets fit at 12 pt, and at 9 pt.
    let fits = |size: u32| (PAGE / twips_of(em_width(figure), size)) as usize;
    assert!(fits(18) > fits(24));
    let at12 = fit(&cols(fits(24)), PAGE);
    assert_eq!((at12.size, at12.breaks), (24, false));
    let smaller = fit(&cols(fits(24) + 1), PAGE);
    assert!(smaller.size < 24 && !smaller.breaks, "{smaller:?}");
    assert!(smaller
        .widths
        .iter()
        .all(|&w| w >= twips_of(em_width(figure), smaller.size)));
    let broken = fit(&cols(fits(18) + 1), PAGE);
    assert_eq!((broken.size, broken.breaks), (18, true));
    assert_eq!(broken.widths.iter().sum::<u32>(), PAGE);
}

#[test]
fn share_adds_up_to_the_page_or_says_it_cannot() {
    let n = |least, most| Need { least, most };
    assert_eq!(share(&[], 100), Some(vec![]));
    assert_eq!(share(&[n(60, 60), n(50, 50)], 100), None);
    // Rest by need: 10 left, all to the column that needs more.
    assert_eq!(share(&[n(30, 30), n(60, 200)], 100), Some(vec![30, 70]));
    // Every column whole: the rest by widths, rounding to the widest.
    assert_eq!(share(&[n(10, 20), n(10, 40)], 100), Some(vec![33, 67]));
    // Empty columns share evenly, rounding to the first.
    assert_eq!(
        share(&[n(0, 0), n(0, 0), n(0, 0)], 100),
        Some(vec![34, 33, 33])
    );
}

#[test]
fn names_squeezed_by_many_figures_get_room_at_a_smaller_size() {
    // Four budgets and three counts leave the names under a quarter of the page at 12 pt.
    let budget = "3.259.500.000";
    let mut header = vec!["Cơ quan, đơn vị"];
    header.extend(["Kinh phí"; 4]);
    header.extend(["Nữ"; 3]);
    let name = "Ủy ban nhân dân xã Phước Dinh, huyện Thuận Nam";
    let mut row = vec![name];
    row.extend([budget; 4]);
    row.extend(["1.534"; 3]);
    let t = table(&header, &[&row]);
    let at12 = share(
        &needs(&t, em_width)
            .iter()
            .map(|n| Need {
                least: (n.least * 240).div_ceil(1000) + PADDING,
                most: (n.most * 240).div_ceil(1000) + PADDING,
            })
            .collect::<Vec<_>>(),
        PAGE,
    )
    .unwrap();
    assert!(at12[0] < PAGE / 4, "{at12:?}");
    let f = fit(&t, PAGE);
    // At 10 pt they have it, the figures whole.
    assert_eq!((f.size, f.breaks), (20, false), "{f:?}");
    assert!(f.widths[0] >= PAGE / 4, "{f:?}");
    assert!(f.widths[1..5]
        .iter()
        .all(|&w| w >= twips_of(em_width(budget), 20)));
}

#[test]
fn a_short_cell_is_one_piece_a_longer_one_breaks_between_words() {
    let t = table(
        &["Mục tiêu (năm)", "Ghi chú"],
        &[&["≥ 100 (2025)", "chưa gửi báo cáo đúng hạn"]],
    );
    let n = needs(&t, em_width);
    assert_eq!(n[0].least, em_width("≥ 100 (2025)"));
    let words = "Ghi chú chưa gửi báo cáo đúng hạn".split(' ');
    assert_eq!(Some(n[1].least), words.map(em_width).max());
}
