//! Whole numbers, amounts in a unit and percentages, written the vi-VN or the en way.

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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
        fn percent_with_decimal_comma(whole in 0u32..100, tenth in 0u32..10) {
            let v = parse_percent(&format!("{whole},{tenth}")).unwrap();
            prop_assert!((v - (whole as f64 + tenth as f64 / 10.0)).abs() < 1e-9);
            prop_assert_eq!(parse_percent(&format!("{whole}%")), Ok(whole as f64));
        }
    }
}
