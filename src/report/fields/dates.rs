//! Dates, day first (`dd/mm/yyyy`, `yyyy-mm-dd`), and the month-first reading to suggest.

use chrono::NaiveDate;

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

    proptest! {
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
