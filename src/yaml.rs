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

/// The first alias (`*name`) in the document: line, column (1-based) and name. Decided from a
/// YAML parser's events (saphyr-parser), not from the text: a quote inside a flow scalar or a
/// line ending in ` |` cannot hide one. Where that parser fails on text serde_yaml might still
/// accept, the textual scan ([`find_alias_in_text`]) is the second line.
pub fn find_alias(src: &str) -> Option<(u32, u32, String)> {
    let mut parser = saphyr_parser::Parser::new_from_str(src);
    loop {
        match parser.next_event() {
            None => return None,
            Some(Ok((saphyr_parser::Event::StreamEnd, _))) => return None,
            Some(Ok((saphyr_parser::Event::Alias(_), span))) => {
                let (line, col) = (span.start.line(), span.start.col());
                let name: String = src
                    .lines()
                    .nth(line.saturating_sub(1))
                    .unwrap_or("")
                    .chars()
                    .skip(col + 1)
                    .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}'))
                    .take(64)
                    .collect();
                return Some((line as u32, col as u32 + 1, name));
            }
            Some(Ok(_)) => {}
            Some(Err(_)) => return find_alias_in_text(src),
        }
    }
}

/// The first alias (`*name`) outside quoted strings, comments and block scalars, found in the
/// text: line, column (1-based) and name.
fn find_alias_in_text(src: &str) -> Option<(u32, u32, String)> {
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
    fn aliases_hidden_from_a_text_scan_are_found() {
        // a quote inside a flow scalar
        let src = "t: &t x\nm: {id: n1 'q, text: *t}\n";
        assert_eq!(find_alias(src).map(|a| (a.0, a.2)), Some((2, "t".into())));
        assert_eq!(
            super::find_alias_in_text(src),
            None,
            "the bypass of issue 17"
        );
        // a line ending in ' |' that is not a block scalar
        let src = "a: &x [1, 2]\nb: \"s |\"\nc: [*x, *x]\n";
        assert_eq!(find_alias(src).map(|a| (a.0, a.2)), Some((3, "x".into())));
        let src = "a: &x 1\nb: {k: v |}\nc: *x\n";
        assert_eq!(find_alias(src).map(|a| (a.0, a.2)), Some((3, "x".into())));
        let src = "a: &x 1\nb: [v |,\n    *x]\n";
        assert_eq!(find_alias(src).map(|a| (a.0, a.2)), Some((3, "x".into())));
        assert_eq!(
            super::find_alias_in_text(src),
            None,
            "the bypass of issue 17"
        );
    }

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
