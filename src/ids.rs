//! Ids that become parts of file names (plan, period, agency): only safe characters, so that
//! every output path stays inside `--out`. Pure; the commands refuse the write (exit 2) when a
//! part is not safe.

use crate::lang::{Lang, Text};
use crate::t;

/// The longest id that may become part of a file name.
pub const MAX_FILE_PART: usize = 64;

/// Why a text cannot be part of a file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    Empty,
    TooLong {
        chars: usize,
    },
    /// `.`, `..`, or a leading dot (a hidden file, or one of bdg's own `.bdg-` files).
    Dots,
    /// A character other than an ASCII letter, a digit, `-`, `_` or `.` (a separator, a
    /// control character, a space…).
    Char(char),
    /// A name Windows reserves (`CON`, `NUL`, `COM1`…), or a trailing dot it drops.
    Reserved,
}

/// `Ok` when `s` can be part of a file name as it is: ASCII letters, digits, `-`, `_` and `.`,
/// not starting with a dot, at most [`MAX_FILE_PART`] characters, not a reserved Windows name.
pub fn is_safe_file_part(s: &str) -> Result<(), Why> {
    if s.is_empty() {
        return Err(Why::Empty);
    }
    let chars = s.chars().count();
    if chars > MAX_FILE_PART {
        return Err(Why::TooLong { chars });
    }
    if s.starts_with('.') {
        return Err(Why::Dots);
    }
    if let Some(c) = s
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(Why::Char(c));
    }
    let stem = s.split('.').next().unwrap_or(s).to_ascii_uppercase();
    let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (stem.len() == 4
            && (stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.as_bytes()[3].is_ascii_digit());
    if reserved || s.ends_with('.') {
        return Err(Why::Reserved);
    }
    Ok(())
}

/// An id that cannot become part of an output file name: which id, its value, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsafeId {
    /// What the id is: "plan", "period", "agency".
    pub what: &'static str,
    pub value: String,
    pub why: Why,
}

/// Checks each `(what, id)` before any file is written.
pub fn check_parts(parts: &[(&'static str, &str)]) -> Result<(), UnsafeId> {
    for (what, value) in parts {
        is_safe_file_part(value).map_err(|why| UnsafeId {
            what,
            value: value.to_string(),
            why,
        })?;
    }
    Ok(())
}

impl UnsafeId {
    /// The message for the person at the terminal.
    pub fn message(&self, lang: Lang) -> String {
        let value = crate::text::for_message(&self.value);
        let what = match (self.what, lang) {
            ("plan", Lang::Vi) => "kế hoạch",
            ("period", Lang::Vi) => "kỳ báo cáo",
            ("agency", Lang::Vi) => "đơn vị",
            (w, _) => w,
        };
        let why: Text = match &self.why {
            Why::Empty => t!("mã trống", "it is empty"),
            Why::TooLong { chars } => t!(
                "dài {chars} ký tự, quá {MAX_FILE_PART}",
                "it is {chars} characters long, over {MAX_FILE_PART}"
            ),
            Why::Dots => t!("bắt đầu bằng dấu chấm", "it starts with a dot"),
            Why::Char(c) => {
                let c = crate::text::visible(&c.to_string()).into_owned();
                t!("có ký tự '{c}'", "it holds the character '{c}'")
            }
            Why::Reserved => t!("là tên Windows dành riêng", "it is a name Windows reserves"),
        };
        let why = why.get(lang);
        lang.pick(
            &format!("mã {what} '{value}' không dùng làm tên tệp được ({why}); chỉ dùng chữ cái không dấu, chữ số, '-', '_', '.'; không ghi tệp nào"),
            &format!("the {what} id '{value}' cannot be part of a file name ({why}); use ASCII letters, digits, '-', '_', '.'; nothing was written"),
        )
        .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_file_parts() {
        for ok in [
            "2021-H1",
            "SYT",
            "ninh-thuan-2021",
            "a.b",
            "LPT",
            "COMX",
            "x_y",
        ] {
            assert_eq!(is_safe_file_part(ok), Ok(()), "{ok}");
        }
        assert_eq!(is_safe_file_part(""), Err(Why::Empty));
        assert_eq!(is_safe_file_part("."), Err(Why::Dots));
        assert_eq!(is_safe_file_part(".."), Err(Why::Dots));
        assert_eq!(is_safe_file_part(".bdg-lock"), Err(Why::Dots));
        assert_eq!(is_safe_file_part("../victim"), Err(Why::Dots));
        assert_eq!(is_safe_file_part("a/b"), Err(Why::Char('/')));
        assert_eq!(is_safe_file_part("a\\b"), Err(Why::Char('\\')));
        assert_eq!(is_safe_file_part("/etc"), Err(Why::Char('/')));
        assert_eq!(is_safe_file_part("x\0"), Err(Why::Char('\0')));
        assert_eq!(is_safe_file_part("Sở"), Err(Why::Char('ở')));
        assert_eq!(is_safe_file_part("a b"), Err(Why::Char(' ')));
        assert_eq!(is_safe_file_part("con"), Err(Why::Reserved));
        assert_eq!(is_safe_file_part("NUL.txt"), Err(Why::Reserved));
        assert_eq!(is_safe_file_part("com1"), Err(Why::Reserved));
        assert_eq!(is_safe_file_part("x."), Err(Why::Reserved));
        assert_eq!(
            is_safe_file_part(&"A".repeat(300)),
            Err(Why::TooLong { chars: 300 })
        );
        assert_eq!(is_safe_file_part(&"A".repeat(MAX_FILE_PART)), Ok(()));
    }

    #[test]
    fn the_first_unsafe_part_is_named() {
        let e = check_parts(&[("plan", "p"), ("period", "../2021-H1")]).unwrap_err();
        assert_eq!(
            (e.what, e.value.as_str(), &e.why),
            ("period", "../2021-H1", &Why::Dots)
        );
        assert!(e.message(Lang::En).contains("period id '../2021-H1'"));
    }
}
