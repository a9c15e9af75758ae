//! Field parsers for what people type in Vietnamese and English spreadsheets.

use chrono::NaiveDate;

/// Columns people add to a report that bdg does not read and need not mention: a row number,
/// an extra note, a signature. Folded (see [`crate::text::fold`]).
const HARMLESS_COLUMNS: &[&str] = &[
    "stt",
    "tt",
    "so tt",
    "so thu tu",
    "no",
    "ghi chu them",
    "ghi chu khac",
    "chu thich",
    "nguoi bao cao",
    "nguoi lap",
    "ky ten",
];

/// A column a person added that is ignored without a word: `STT`, `Ghi chú thêm` …
pub fn is_harmless_column(header: &str) -> bool {
    let folded = crate::text::fold(header);
    // A header of signs only (`#`) folds to nothing.
    HARMLESS_COLUMNS.contains(&folded.as_str()) || folded.is_empty()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    NotStarted,
    InProgress,
    Done,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::NotStarted, Status::InProgress, Status::Done];

    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        match self {
            Status::NotStarted => lang.pick("chưa thực hiện", "not started"),
            Status::InProgress => lang.pick("đang thực hiện", "in progress"),
            Status::Done => lang.pick("hoàn thành", "done"),
        }
    }

    /// English ids or Vietnamese labels, any case, with or without diacritics.
    pub fn parse(s: &str) -> Option<Status> {
        // The labels as the templates write them, without folding (most rows); then any spelling.
        if let Some(st) = Status::ALL
            .into_iter()
            .find(|st| s == st.label(crate::lang::Lang::Vi) || s == st.label(crate::lang::Lang::En))
        {
            return Some(st);
        }
        match crate::text::fold(s).as_str() {
            "not started" | "notstarted" | "chua thuc hien" | "chua bat dau"
            | "chua trien khai" | "chua" => Some(Status::NotStarted),
            "in progress" | "inprogress" | "dang thuc hien" | "dang trien khai" | "dang"
            | "ongoing" => Some(Status::InProgress),
            "done" | "completed" | "complete" | "hoan thanh" | "da hoan thanh" | "da thuc hien"
            | "xong" => Some(Status::Done),
            _ => None,
        }
    }

    /// The spellings offered in "did you mean".
    pub const SPELLINGS: [&'static str; 6] = [
        "hoàn thành",
        "đang thực hiện",
        "chưa thực hiện",
        "done",
        "in_progress",
        "not_started",
    ];
}

#[derive(Debug, Clone, PartialEq)]
pub enum NumError {
    NotANumber,
    Negative,
    NotWhole,
    OutOfRange(f64),
}

/// Strips a currency word people add to amounts: "1.500.000 đ", "2,000,000 VND".
fn strip_currency(s: &str) -> &str {
    let lower = s.to_lowercase();
    for suffix in ["đồng", "vnđ", "vnd", "đ", "d"] {
        if lower.ends_with(suffix) {
            let cut = s.len() - suffix.len();
            if s.is_char_boundary(cut) {
                return s[..cut].trim_end();
            }
        }
    }
    s
}

/// A whole number ≥ 0 written the vi-VN or the en way: `1.500.000`, `1,500,000`, `1 500 000`,
/// `1500000`; `1.500.000,00` is whole too. A single separator followed by three digits is a
/// thousands separator (`1.500` is one thousand five hundred), never a decimal point.
pub fn parse_whole(s: &str) -> Result<u64, NumError> {
    // Plain digits (most cells): what the general path below gives them, without its copies.
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().map_err(|_| NumError::OutOfRange(f64::INFINITY));
    }
    let s: String = strip_currency(s.trim())
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    if s.is_empty() {
        return Err(NumError::NotANumber);
    }
    let (neg, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(NumError::NotANumber);
    }
    if !body.starts_with(|c: char| c.is_ascii_digit())
        || !body.ends_with(|c: char| c.is_ascii_digit())
    {
        return Err(NumError::NotANumber);
    }
    let seps: Vec<(usize, char)> = body
        .char_indices()
        .filter(|(_, c)| !c.is_ascii_digit())
        .collect();
    let value: u64 = if seps.is_empty() {
        body.parse()
            .map_err(|_| NumError::OutOfRange(f64::INFINITY))?
    } else {
        // A trailing decimal part (after the last separator, when it differs from the others or
        // is not three digits long) must be zeros.
        let (last_i, last_c) = *seps.last().expect("not empty");
        let frac = &body[last_i + 1..];
        let thousands_sep = seps[0].1;
        let is_decimal = last_c != thousands_sep || frac.len() != 3;
        let int_part = if is_decimal { &body[..last_i] } else { body };
        if is_decimal && !frac.chars().all(|c| c == '0') {
            return Err(if seps.len() == 1 || last_c != thousands_sep {
                NumError::NotWhole
            } else {
                NumError::NotANumber
            });
        }
        let groups: Vec<&str> = int_part.split(thousands_sep).collect();
        let ok = groups.len() == 1 && groups[0].chars().all(|c| c.is_ascii_digit())
            || (!groups[0].is_empty()
                && groups[0].len() <= 3
                && groups[1..].iter().all(|g| g.len() == 3)
                && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit())));
        if !ok {
            return Err(NumError::NotANumber);
        }
        groups
            .concat()
            .parse()
            .map_err(|_| NumError::OutOfRange(f64::INFINITY))?
    };
    if neg {
        return Err(if value == 0 {
            NumError::NotANumber
        } else {
            NumError::Negative
        });
    }
    Ok(value)
}

/// A whole number of a unit (`unit` đồng to it), in đồng, exactly: `1,5` in millions is
/// 1 500 000. With no unit (1), [`parse_whole`]. A result that is not a whole number of đồng
/// is `NotWhole`; one past `u64` is `OutOfRange`.
pub fn parse_in_unit(s: &str, unit: u64) -> Result<u64, NumError> {
    let too_big = || NumError::OutOfRange(f64::INFINITY);
    match parse_whole(s) {
        Ok(n) => n.checked_mul(unit).ok_or_else(too_big),
        Err(NumError::NotWhole) if unit > 1 => {
            let body = strip_currency(s.trim());
            let i = body.rfind([',', '.']).ok_or(NumError::NotANumber)?;
            let (int, frac) = (&body[..i], &body[i + 1..]);
            if frac.is_empty() || frac.len() > 18 || !frac.chars().all(|c| c.is_ascii_digit()) {
                return Err(NumError::NotANumber);
            }
            let int = u128::from(parse_whole(int)?);
            let scale = 10u128.pow(frac.len() as u32);
            let frac: u128 = frac.parse().map_err(|_| NumError::NotANumber)?;
            let unit = u128::from(unit);
            if !(frac * unit).is_multiple_of(scale) {
                return Err(NumError::NotWhole);
            }
            let v = int * unit + frac * unit / scale;
            u64::try_from(v).map_err(|_| too_big())
        }
        Err(e) => Err(e),
    }
}

/// A percentage 0–100: `85`, `85%`, `85,5`, `85.5`.
pub fn parse_percent(s: &str) -> Result<f64, NumError> {
    let t = s.trim().trim_end_matches('%').trim();
    let t = t.replace(',', ".");
    if t.is_empty()
        || t.matches('.').count() > 1
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    {
        return Err(NumError::NotANumber);
    }
    let v: f64 = t.parse().map_err(|_| NumError::NotANumber)?;
    if !(0.0..=100.0).contains(&v) {
        return Err(NumError::OutOfRange(v));
    }
    Ok(v)
}

#[derive(Debug, Clone, PartialEq)]
pub enum DateError {
    /// Not in a form bdg reads.
    Form,
    /// The form is right but the day does not exist; `month_first` when it reads as mm/dd.
    NoSuchDay { month_first: bool },
}

/// `dd/mm/yyyy`, `d/m/yyyy` (also with `.` or `-`), or `yyyy-mm-dd`; a time after it is ignored.
/// Never month-first: `06/13/2021` is an error.
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    let s = s.trim();
    let s = s.split([' ', 'T']).next().unwrap_or(s);
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(DateError::Form);
    }
    let n = |p: &str| p.parse::<u32>().map_err(|_| DateError::Form);
    let (y, m, d) = if parts[0].len() == 4 && parts[1].len() <= 2 && parts[2].len() <= 2 {
        (n(parts[0])?, n(parts[1])?, n(parts[2])?)
    } else if parts[2].len() == 4 && parts[0].len() <= 2 && parts[1].len() <= 2 {
        (n(parts[2])?, n(parts[1])?, n(parts[0])?)
    } else {
        return Err(DateError::Form);
    };
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(DateError::NoSuchDay {
        month_first: m > 12 && d <= 12 && parts[2].len() == 4,
    })
}

/// The date `s` means when it is written month first ("06/14/2021": 14 June 2021), if read day
/// first it is no date and read month first it is one: what to suggest.
pub fn month_first(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    let [m, d, y] = parts[..] else {
        return None;
    };
    if parse_date(s).is_ok() || y.len() != 4 || m.len() > 2 || d.len() > 2 {
        return None;
    }
    let n = |p: &str| p.parse::<u32>().ok();
    NaiveDate::from_ymd_opt(n(y)? as i32, n(m)?, n(d)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_month_first_date_is_read_back_as_meant() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(month_first("06/14/2021"), d(2021, 6, 14));
        assert_eq!(month_first(" 6/20/2021 "), d(2021, 6, 20));
        // A date that reads day first, or is no date either way, is not one.
        assert_eq!(month_first("06/09/2021"), None);
        assert_eq!(month_first("31/13/2021"), None);
        assert_eq!(month_first("2021-06-14"), None);
    }

    #[test]
    fn whole_numbers_vi_and_en() {
        for (s, v) in [
            ("1.500.000", 1_500_000),
            ("1,500,000", 1_500_000),
            ("1500000", 1_500_000),
            ("1 500 000", 1_500_000),
            ("1.500.000 đ", 1_500_000),
            ("2.000.000 VNĐ", 2_000_000),
            ("1.500.000,00", 1_500_000),
            ("1,500,000.00", 1_500_000),
            ("1.500", 1_500),
            ("0", 0),
            (" 42 ", 42),
        ] {
            assert_eq!(parse_whole(s), Ok(v), "{s}");
        }
        assert_eq!(parse_whole("85,5"), Err(NumError::NotWhole));
        assert_eq!(parse_whole("-5"), Err(NumError::Negative));
        assert_eq!(parse_whole("mười"), Err(NumError::NotANumber));
        assert_eq!(parse_whole("1.50.000"), Err(NumError::NotANumber));
        assert_eq!(parse_whole(""), Err(NumError::NotANumber));
        // Plain digits take a short path; its answers are the general path's.
        assert_eq!(parse_whole("007"), Ok(7));
        assert_eq!(parse_whole("0"), Ok(0));
        assert_eq!(parse_whole("18446744073709551615"), Ok(u64::MAX));
        assert_eq!(
            parse_whole("18446744073709551616"),
            Err(NumError::OutOfRange(f64::INFINITY))
        );
        assert_eq!(
            parse_whole("18.446.744.073.709.551.616"),
            Err(NumError::OutOfRange(f64::INFINITY))
        );
    }

    #[test]
    fn percentages() {
        assert_eq!(parse_percent("85"), Ok(85.0));
        assert_eq!(parse_percent("85%"), Ok(85.0));
        assert_eq!(parse_percent("85,5"), Ok(85.5));
        assert_eq!(parse_percent("85.5 %"), Ok(85.5));
        assert_eq!(parse_percent("120"), Err(NumError::OutOfRange(120.0)));
        assert_eq!(parse_percent("abc"), Err(NumError::NotANumber));
    }

    #[test]
    fn dates_are_day_first() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(parse_date("10/06/2021"), Ok(d(2021, 6, 10)));
        assert_eq!(parse_date("1/6/2021"), Ok(d(2021, 6, 1)));
        assert_eq!(parse_date("2021-06-10"), Ok(d(2021, 6, 10)));
        assert_eq!(parse_date("10.06.2021"), Ok(d(2021, 6, 10)));
        assert_eq!(parse_date("10/06/2021 00:00"), Ok(d(2021, 6, 10)));
        assert_eq!(
            parse_date("06/13/2021"),
            Err(DateError::NoSuchDay { month_first: true })
        );
        assert_eq!(
            parse_date("31/02/2021"),
            Err(DateError::NoSuchDay { month_first: false })
        );
        assert_eq!(parse_date("10/06/21"), Err(DateError::Form));
        assert_eq!(parse_date("hôm qua"), Err(DateError::Form));
    }

    #[test]
    fn added_columns_are_harmless_and_report_columns_are_not() {
        for h in ["STT", "Số TT", "#", "Ghi chú thêm", "No."] {
            assert!(is_harmless_column(h), "{h}");
        }
        for h in ["Tình trạng", "status", "Ghi chú", "Nữ"] {
            assert!(!is_harmless_column(h), "{h}");
        }
    }

    #[test]
    fn statuses_in_both_languages() {
        assert_eq!(Status::parse("Hoàn thành"), Some(Status::Done));
        assert_eq!(Status::parse("hoan thanh"), Some(Status::Done));
        assert_eq!(Status::parse("in_progress"), Some(Status::InProgress));
        assert_eq!(Status::parse("ĐANG THỰC HIỆN"), Some(Status::InProgress));
        assert_eq!(Status::parse("chưa thực hiện"), Some(Status::NotStarted));
        assert_eq!(Status::parse("hoàn thàn"), None);
        for st in Status::ALL {
            for lang in [crate::lang::Lang::Vi, crate::lang::Lang::En] {
                let folded = crate::text::fold(st.label(lang));
                assert_eq!(Status::parse(st.label(lang)), Some(st));
                assert_eq!(Status::parse(&folded), Some(st), "{folded}");
            }
        }
    }

    fn group(n: u64, sep: char) -> String {
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(c);
        }
        out
    }

    proptest! {
        #[test]
        fn whole_numbers_round_trip_in_every_grouping(n in 0u64..10_000_000_000_000) {
            prop_assert_eq!(parse_whole(&n.to_string()), Ok(n));
            prop_assert_eq!(parse_whole(&group(n, '.')), Ok(n));
            prop_assert_eq!(parse_whole(&group(n, ',')), Ok(n));
            prop_assert_eq!(parse_whole(&group(n, ' ')), Ok(n));
        }

        #[test]
        fn whole_number_parser_never_panics(s in "\\PC{0,20}") {
            let _ = parse_whole(&s);
            let _ = parse_percent(&s);
            let _ = parse_date(&s);
        }

        #[test]
        fn percent_with_decimal_comma(whole in 0u32..100, tenth in 0u32..10) {
            let v = parse_percent(&format!("{whole},{tenth}")).unwrap();
            prop_assert!((v - (whole as f64 + tenth as f64 / 10.0)).abs() < 1e-9);
            prop_assert_eq!(parse_percent(&format!("{whole}%")), Ok(whole as f64));
        }

        #[test]
        fn every_real_day_parses_in_every_form(days in 0i64..40_000) {
            let d = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Days::new(days as u64);
            for s in [d.format("%d/%m/%Y").to_string(), d.format("%-d/%-m/%Y").to_string(), d.format("%Y-%m-%d").to_string()] {
                prop_assert_eq!(parse_date(&s), Ok(d));
            }
        }

        #[test]
        fn month_first_dates_are_never_accepted_as_such(m in 1u32..=12, d in 13u32..=28, y in 2000i32..2100) {
            // "06/13/2021" must not become 13 June; it is an error.
            let s = format!("{m:02}/{d:02}/{y}");
            prop_assert!(parse_date(&s).is_err());
        }
    }
}
