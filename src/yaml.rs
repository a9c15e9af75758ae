//! Every use of serde_yaml lives here, so that a swap to a maintained fork is a one-file change.

use serde::de::DeserializeOwned;

/// A YAML error with its place, 1-based.
#[derive(Debug)]
pub struct YamlError {
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// The parser's message without its trailing " at line L column C".
    pub message: String,
    pub kind: YamlErrorKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YamlErrorKind {
    Syntax,
    UnknownField,
    /// An alias (`*name`): refused, since aliases can expand without bound ("billion laughs").
    Alias,
    /// Nested deeper than the parser allows.
    TooDeep,
}

pub fn from_str<T: DeserializeOwned>(src: &str) -> Result<T, YamlError> {
    if let Some((line, column, name)) = find_alias(src) {
        return Err(YamlError {
            line: Some(line),
            column: Some(column),
            message: format!("*{name}"),
            kind: YamlErrorKind::Alias,
        });
    }
    serde_yaml::from_str(src).map_err(|e| {
        let loc = e.location();
        let mut message = e.to_string();
        if let Some(i) = message.find(" at line ") {
            message.truncate(i);
        }
        let kind = if message.contains("unknown field `") {
            YamlErrorKind::UnknownField
        } else if message.contains("recursion limit exceeded") {
            YamlErrorKind::TooDeep
        } else {
            YamlErrorKind::Syntax
        };
        YamlError {
            line: loc.as_ref().map(|l| l.line() as u32),
            column: loc.as_ref().map(|l| l.column() as u32),
            message,
            kind,
        }
    })
}

/// The first alias (`*name`) outside quoted strings, comments and block scalars: line, column
/// (1-based) and name.
pub fn find_alias(src: &str) -> Option<(u32, u32, String)> {
    // Inside a block scalar (`|` or `>`), lines more indented than its key are text.
    let mut block_indent: Option<usize> = None;
    for (n, line) in src.lines().enumerate() {
        let indent = line.len() - line.trim_start().len();
        if let Some(bi) = block_indent {
            if line.trim().is_empty() || indent > bi {
                continue;
            }
            block_indent = None;
        }
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        let mut quote: Option<char> = None;
        let mut last_code = ' ';
        while i < chars.len() {
            let c = chars[i];
            match quote {
                Some('"') if c == '\\' => i += 1,
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None => match c {
                    '"' | '\'' if matches!(last_code, ' ' | '[' | ',' | '{' | ':' | '-') => {
                        quote = Some(c)
                    }
                    '#' if last_code == ' ' || i == 0 => break,
                    '*' if matches!(last_code, ' ' | '[' | ',' | '{' | ':' | '-') || i == 0 => {
                        let name: String = chars[i + 1..]
                            .iter()
                            .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}'))
                            .collect();
                        if !name.is_empty() {
                            return Some((n as u32 + 1, i as u32 + 1, name));
                        }
                    }
                    _ => {}
                },
            }
            if quote.is_none() && !c.is_whitespace() || c == ' ' {
                last_code = c;
            }
            i += 1;
        }
        let code = line.split(" #").next().unwrap_or(line).trim_end();
        let tail = code.rsplit(' ').next().unwrap_or("");
        if quote.is_none() && (tail.starts_with('|') || tail.starts_with('>')) && tail.len() <= 3 {
            block_indent = Some(indent);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::find_alias;

    #[test]
    fn finds_aliases_but_not_stars_in_text() {
        assert_eq!(find_alias("a: &x 1\nb: *x\n"), Some((2, 4, "x".into())));
        assert_eq!(find_alias("a: [1, *x]\n"), Some((1, 8, "x".into())));
        assert_eq!(
            find_alias("a: \"*not\"\nb: '*no'\nc: 2 * 3 # *comment\n"),
            None
        );
        assert_eq!(
            find_alias("text: |-\n  - *bold* item\n  more\nnext: 1\n"),
            None
        );
        assert_eq!(
            find_alias("text: |-\n  *bold*\nnext: *y\n"),
            Some((3, 7, "y".into()))
        );
        assert_eq!(
            find_alias(include_str!("../plans/ninh-thuan-2021.yaml")),
            None
        );
    }
}
