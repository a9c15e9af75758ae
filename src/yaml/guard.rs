//! The scan before serde_yaml parses: aliases (`*name`) and nesting deeper than
//! [`MAX_NESTING`], found from saphyr-parser's events, with a textual scan as second line.

use super::MAX_NESTING;

/// The first alias (`*name`) in the document: line, column (1-based) and name. Decided from a
/// YAML parser's events (saphyr-parser), not from the text: a quote inside a flow scalar or a
/// line ending in ` |` cannot hide one. Where that parser fails on text serde_yaml might still
/// accept, the textual scan ([`find_alias_in_text`]) is the second line.
#[cfg(test)]
pub fn find_alias(src: &str) -> Option<(u32, u32, String)> {
    match pre_scan(src) {
        Some(Found::Alias(l, c, name)) => Some((l, c, name)),
        _ => None,
    }
}

/// What the scan before parsing found: an alias, or nesting deeper than [`MAX_NESTING`] (line
/// and column, 1-based).
pub(super) enum Found {
    Alias(u32, u32, String),
    TooDeep(u32, u32),
}

/// One pass over the parser's events (linear in the text): the first alias, or the first
/// collection nested deeper than [`MAX_NESTING`].
pub(super) fn pre_scan(src: &str) -> Option<Found> {
    use saphyr_parser::Event;
    let mut parser = saphyr_parser::Parser::new_from_str(src);
    let mut depth = 0usize;
    loop {
        match parser.next_event() {
            None => return None,
            Some(Ok((Event::StreamEnd, _))) => return None,
            Some(Ok((Event::SequenceStart(..) | Event::MappingStart(..), span))) => {
                depth += 1;
                if depth > MAX_NESTING {
                    let (line, col) = (span.start.line(), span.start.col());
                    return Some(Found::TooDeep(line as u32, col as u32 + 1));
                }
            }
            Some(Ok((Event::SequenceEnd | Event::MappingEnd, _))) => {
                depth = depth.saturating_sub(1)
            }
            Some(Ok((Event::Alias(_), span))) => {
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
                return Some(Found::Alias(line as u32, col as u32 + 1, name));
            }
            Some(Ok(_)) => {}
            Some(Err(e)) if e.info().contains("recursion limit") => {
                let m = e.marker();
                return Some(Found::TooDeep(m.line() as u32, m.col() as u32 + 1));
            }
            Some(Err(_)) => {
                return find_alias_in_text(src).map(|(l, c, name)| Found::Alias(l, c, name))
            }
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
            find_alias(include_str!("../../plans/ninh-thuan-2021.yaml")),
            None
        );
    }
}
