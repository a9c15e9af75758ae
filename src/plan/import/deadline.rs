//! Reporting deadlines: "báo cáo 6 tháng gửi trước ngày 10/6 và báo cáo năm gửi trước ngày
//! 10/12/2021", "báo cáo 6 tháng và năm trước ngày 10/6 và 10/12". Dates are day/month.

/// Which report a deadline is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Quarter(u8),
    Half,
    NineMonths,
    Year,
    /// The text gives a date but does not say for which report.
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    pub which: Which,
    pub day: u32,
    pub month: u32,
    pub year: Option<i32>,
    /// `Some(false)`: a report on the day itself is on time ("chậm nhất ngày"); `None`: the
    /// text says "trước ngày", which desks read either way.
    pub day_is_late: Option<bool>,
    /// The words that set it.
    pub said: String,
}

fn date(w: &str) -> Option<(u32, u32, Option<i32>)> {
    let w = w.trim_end_matches([',', ';', '.', ')']);
    let p: Vec<&str> = w.split('/').collect();
    let num = |s: &str| s.parse::<u32>().ok();
    let (d, m) = (num(p.first()?)?, num(p.get(1)?)?);
    let y = match p.get(2) {
        Some(y) if y.len() == 4 => Some(y.parse().ok()?),
        Some(_) => return None,
        None => None,
    };
    ((1..=31).contains(&d) && (1..=12).contains(&m) && p.len() <= 3).then_some((d, m, y))
}

fn which_at(words: &[&str], i: usize) -> Option<(Which, usize)> {
    let w = |k: usize| {
        words
            .get(k)
            .map(|s| s.trim_end_matches([',', ';']))
            .unwrap_or("")
    };
    match (w(i), w(i + 1)) {
        ("6" | "sáu", "tháng") => Some((Which::Half, 2)),
        ("9" | "chín", "tháng") => Some((Which::NineMonths, 2)),
        ("quý", q) => {
            let n = ["I", "II", "III", "IV"].iter().position(|r| *r == q)? as u8 + 1;
            Some((Which::Quarter(n), 2))
        }
        // "báo cáo năm", "6 tháng và năm": the year report, not "năm 2021".
        ("năm", next) if !next.chars().next().is_some_and(|c| c.is_ascii_digit()) => {
            let after = if i >= 1 { w(i - 1) } else { "" };
            matches!(after, "cáo" | "và" | "kết" | "hằng" | "hàng").then_some((Which::Year, 1))
        }
        _ => None,
    }
}

/// The deadlines a text sets, in its order.
pub fn deadlines(text: &str) -> Vec<Deadline> {
    let mut out = Vec::new();
    for clause in text.split([';', '\n']) {
        if !clause.to_lowercase().contains("báo cáo") {
            continue;
        }
        let words: Vec<&str> = clause.split_whitespace().collect();
        let mut whiches: Vec<Which> = Vec::new();
        let mut i = 0;
        let mut said_from = 0;
        while i < words.len() {
            if let Some((w, n)) = which_at(&words, i) {
                whiches.push(w);
                i += n;
                continue;
            }
            let (keyword, day_is_late) =
                match (words[i].trim_start_matches('('), words.get(i + 1).copied()) {
                    ("trước", Some("ngày")) => (2, None),
                    ("chậm", Some("nhất")) => (
                        if words.get(i + 2) == Some(&"ngày") {
                            3
                        } else {
                            2
                        },
                        Some(false),
                    ),
                    _ => {
                        i += 1;
                        continue;
                    }
                };
            let mut j = i + keyword;
            let mut dates = Vec::new();
            while let Some(d) = words.get(j).and_then(|w| date(w)) {
                dates.push(d);
                j += 1;
                if matches!(words.get(j).copied(), Some("và" | "ngày"))
                    && words.get(j + 1).and_then(|w| date(w)).is_some()
                {
                    j += 1;
                }
            }
            let said = words[said_from..j].join(" ");
            for (k, (day, month, year)) in dates.iter().copied().enumerate() {
                let which = whiches.get(k).copied().unwrap_or(Which::Unknown);
                out.push(Deadline {
                    which,
                    day,
                    month,
                    year,
                    day_is_late,
                    said: said.clone(),
                });
            }
            whiches.clear();
            said_from = j;
            i = j.max(i + 1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn short(d: &[Deadline]) -> Vec<(Which, u32, u32, Option<i32>)> {
        d.iter()
            .map(|d| (d.which, d.day, d.month, d.year))
            .collect()
    }

    #[test]
    fn reads_the_deadlines_of_the_2021_plan_and_of_the_issue() {
        let d = deadlines(
            "Tổng hợp, báo cáo kết quả (qua Sở LĐTBXH); báo cáo 6 tháng gửi trước ngày 10/6 và báo cáo \
             năm gửi trước ngày 10/12/2021 để tổng hợp báo cáo Bộ theo quy định.",
        );
        assert_eq!(
            short(&d),
            vec![
                (Which::Half, 10, 6, None),
                (Which::Year, 10, 12, Some(2021))
            ]
        );
        assert_eq!(d[0].day_is_late, None);
        assert_eq!(d[0].said, "báo cáo 6 tháng gửi trước ngày 10/6");
        let d = deadlines("gửi báo cáo 6 tháng và năm trước ngày 10/6 và 10/12");
        assert_eq!(
            short(&d),
            vec![(Which::Half, 10, 6, None), (Which::Year, 10, 12, None)]
        );
        let d = deadlines("báo cáo quý I chậm nhất ngày 20/3");
        assert_eq!(short(&d), vec![(Which::Quarter(1), 20, 3, None)]);
        assert_eq!(d[0].day_is_late, Some(false));
        assert!(deadlines("Công văn số 356 ngày 19/02/2021 về báo cáo").is_empty());
        assert_eq!(
            short(&deadlines("báo cáo gửi trước ngày 15/7")),
            vec![(Which::Unknown, 15, 7, None)]
        );
    }
}
