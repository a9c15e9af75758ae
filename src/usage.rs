//! Usage errors (a missing or unknown flag, a value clap refuses) in the user's language. clap
//! writes them in English; for `--lang vi` (the default) the common kinds are said again in
//! Vietnamese, keeping clap's usage line. Kinds not listed keep clap's own text.

use crate::lang::Lang;
use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The language asked for on the command line, read before clap parses it (a usage error
/// happens before `--lang` is known): `--lang en` or `--lang=en` anywhere, else Vietnamese.
pub fn lang_of<I: IntoIterator<Item = String>>(args: I) -> Lang {
    let mut lang = Lang::Vi;
    let mut next_is_lang = false;
    for a in args {
        let value = match a.strip_prefix("--lang=") {
            Some(v) => Some(v.to_string()),
            None if next_is_lang => Some(a.clone()),
            None => None,
        };
        next_is_lang = a == "--lang";
        match value.as_deref() {
            Some("en") => lang = Lang::En,
            Some("vi") => lang = Lang::Vi,
            _ => {}
        }
    }
    lang
}

/// The text of one context value, as clap would show it.
fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The Vietnamese sentence for a usage error of a common kind; `None` keeps clap's text.
fn sentence(e: &clap::Error) -> Option<String> {
    let arg = context(e, ContextKind::InvalidArg).unwrap_or_default();
    let mut s = match e.kind() {
        ErrorKind::MissingRequiredArgument => format!("thiếu tham số bắt buộc: {arg}"),
        ErrorKind::UnknownArgument => format!("không có tham số '{arg}'"),
        ErrorKind::InvalidSubcommand => {
            let sub = context(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("không có lệnh '{sub}'")
        }
        ErrorKind::InvalidValue => {
            let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
            let valid = context(e, ContextKind::ValidValue)
                .map(|v| format!(" (chọn một trong: {v})"))
                .unwrap_or_default();
            format!("giá trị '{value}' không hợp lệ cho {arg}{valid}")
        }
        ErrorKind::ValueValidation => {
            let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
            let why = std::error::Error::source(e)
                .map(|s| format!(": {s}"))
                .unwrap_or_default();
            format!("giá trị '{value}' không hợp lệ cho {arg}{why}")
        }
        ErrorKind::ArgumentConflict => format!("không dùng được {arg} cùng với tham số đã cho"),
        _ => return None,
    };
    if let Some(hint) = context(e, ContextKind::SuggestedArg)
        .or_else(|| context(e, ContextKind::SuggestedSubcommand))
    {
        s.push_str(&format!("; có phải là '{hint}'?"));
    }
    Some(s)
}

/// How a usage error is shown in `lang`: clap's own text in English (or for a kind not listed
/// above); in Vietnamese, the sentence, clap's usage line and where to find help.
pub fn render(e: &clap::Error, lang: Lang) -> String {
    let clap_text = e.render().to_string();
    let Some(s) = sentence(e).filter(|_| lang == Lang::Vi) else {
        return clap_text;
    };
    let usage: Vec<&str> = clap_text
        .lines()
        .skip_while(|l| !l.starts_with("Usage:"))
        .take_while(|l| !l.is_empty())
        .collect();
    let mut out = format!("lỗi: {s}\n");
    if !usage.is_empty() {
        out.push('\n');
        out.push_str(&usage.join("\n").replacen("Usage:", "Cách dùng:", 1));
        out.push('\n');
    }
    out.push_str("\nXem thêm: bdg --help\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn the_language_is_read_before_parsing() {
        assert_eq!(lang_of(args("bdg check")), Lang::Vi);
        assert_eq!(lang_of(args("bdg --lang en check")), Lang::En);
        assert_eq!(lang_of(args("bdg check --lang=en")), Lang::En);
        assert_eq!(lang_of(args("bdg --lang en --lang vi check")), Lang::Vi);
    }

    #[test]
    fn common_usage_errors_are_said_in_vietnamese() {
        let e = crate::cli::Cli::try_parse_from(args("bdg check")).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::MissingRequiredArgument);
        let vi = render(&e, Lang::Vi);
        assert!(vi.starts_with("lỗi: thiếu tham số bắt buộc: "), "{vi}");
        assert!(vi.contains("--plan"), "{vi}");
        assert!(!vi.contains("error:"), "{vi}");
        assert_eq!(render(&e, Lang::En), e.render().to_string());

        let e = crate::cli::Cli::try_parse_from(args("bdg check --formt json x")).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnknownArgument);
        assert!(render(&e, Lang::Vi).contains("'--format'"));
    }
}
