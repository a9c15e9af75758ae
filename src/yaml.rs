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

/// Collections nested deeper than this are refused before serde_yaml sees them: its scanner
/// takes time quadratic in the depth of flow brackets (`[[[[…`) before its own limit applies.
pub const MAX_NESTING: usize = 100;

pub fn from_str<T: DeserializeOwned>(src: &str) -> Result<T, YamlError> {
    match pre_scan(src) {
        Some(Found::Alias(line, column, name)) => {
            return Err(YamlError {
                line: Some(line),
                column: Some(column),
                message: format!("*{name}"),
                kind: YamlErrorKind::Alias,
            })
        }
        Some(Found::TooDeep(line, column)) => {
            return Err(YamlError {
                line: Some(line),
                column: Some(column),
                message: format!("nesting deeper than {MAX_NESTING}"),
                kind: YamlErrorKind::TooDeep,
            })
        }
        None => {}
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
#[cfg(test)]
pub fn find_alias(src: &str) -> Option<(u32, u32, String)> {
    match pre_scan(src) {
        Some(Found::Alias(l, c, name)) => Some((l, c, name)),
        _ => None,
    }
}

/// What the scan before parsing found: an alias, or nesting deeper than [`MAX_NESTING`] (line
/// and column, 1-based).
enum Found {
    Alias(u32, u32, String),
    TooDeep(u32, u32),
}

/// One pass over the parser's events (linear in the text): the first alias, or the first
/// collection nested deeper than [`MAX_NESTING`].
fn pre_scan(src: &str) -> Option<Found> {
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
            find_alias(include_str!("../plans/ninh-thuan-2021.yaml")),
            None
        );
    }
}

/// A scalar as YAML reads it back exactly: plain where that is safe, quoted where not
/// (serde_yaml decides: "1", "yes", "a: b", "- x" are quoted). One line; multi-line text goes
/// through [`Writer::field`], which writes a block scalar.
pub fn scalar(s: &str) -> String {
    // A star or ampersand after a space reads as an alias or anchor to a line-based guard.
    let starred = s.starts_with(['*', '&']) || s.contains(" *") || s.contains(" &");
    if starred || s.contains(['\n', '\r']) {
        return nfc_safe(serde_json::to_string(s).expect("a string serialises"));
    }
    nfc_safe(match serde_yaml::to_string(s) {
        Ok(out) if !out.contains('\n') || out.trim_end_matches('\n').lines().count() == 1 => {
            out.trim_end_matches('\n').to_string()
        }
        _ => serde_json::to_string(s).expect("a string serialises"),
    })
}

/// A double-quoted scalar whose combining marks after an ASCII character are written as
/// `\uXXXX`: plan text is put in NFC before it is parsed, and an escape such as `\t` followed by
/// a combining dot below would become `\ṭ`, which YAML refuses. The value read back is the same.
fn nfc_safe(quoted: String) -> String {
    if !quoted.starts_with('"') || quoted.is_ascii() {
        return quoted;
    }
    let mut out = String::with_capacity(quoted.len());
    let mut prev_ascii = false;
    for c in quoted.chars() {
        if prev_ascii && unicode_normalization::char::canonical_combining_class(c) != 0 {
            match c as u32 {
                n @ 0..=0xFFFF => out.push_str(&format!("\\u{n:04X}")),
                n => out.push_str(&format!("\\U{n:08X}")),
            }
            continue;
        }
        out.push(c);
        prev_ascii = c.is_ascii();
    }
    out
}

/// A character YAML refuses in a comment or reads as a line break in a block scalar.
fn unprintable(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(
            c,
            '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}'
        )
}

/// Assembles a YAML document line by line, with comments where a person must look; every
/// value goes through [`scalar`] or a block scalar, so the document reads back as written.
#[derive(Default)]
pub struct Writer {
    out: String,
}

impl Writer {
    /// `# text` at `indent` spaces, one comment line per line of text.
    pub fn comment(&mut self, indent: usize, text: &str) {
        for l in text.lines() {
            self.out.push_str(&" ".repeat(indent));
            self.out.push_str("# ");
            // A comment holds printable characters only.
            let l: String = l
                .chars()
                .map(|c| if unprintable(c) { ' ' } else { c })
                .collect();
            self.out.push_str(l.trim_end());
            self.out.push('\n');
        }
    }

    pub fn blank(&mut self) {
        self.out.push('\n');
    }

    /// `key:` opening a mapping or a list; `dash` writes `- key:`.
    pub fn key(&mut self, indent: usize, dash: bool, key: &str) {
        self.prefix(indent, dash);
        self.out.push_str(key);
        self.out.push_str(":\n");
    }

    /// `key: value`, or a `|-` block for text on several lines.
    pub fn field(&mut self, indent: usize, dash: bool, key: &str, value: &str) {
        self.prefix(indent, dash);
        self.out.push_str(key);
        let inner = indent + 2 + if dash { 2 } else { 0 };
        let blockable = value.contains('\n')
            && value.lines().all(|l| {
                !l.starts_with(char::is_whitespace)
                    && !l.ends_with(char::is_whitespace)
                    && !l.chars().any(unprintable)
            })
            && !value.ends_with('\n');
        if blockable {
            self.out.push_str(": |-\n");
            for l in value.lines() {
                if !l.is_empty() {
                    self.out.push_str(&" ".repeat(inner));
                    self.out.push_str(l);
                }
                self.out.push('\n');
            }
        } else {
            self.out.push_str(": ");
            self.out.push_str(&scalar(value));
            self.out.push('\n');
        }
    }

    /// `key: raw` for numbers and booleans the caller formats.
    pub fn raw(&mut self, indent: usize, dash: bool, key: &str, raw: &str) {
        self.prefix(indent, dash);
        self.out.push_str(key);
        self.out.push_str(": ");
        self.out.push_str(raw);
        self.out.push('\n');
    }

    /// `key: [a, b]` with each item a scalar.
    pub fn flow(&mut self, indent: usize, key: &str, items: &[String]) {
        let items: Vec<String> = items.iter().map(|s| scalar(s)).collect();
        self.raw(indent, false, key, &format!("[{}]", items.join(", ")));
    }

    /// `- value`.
    pub fn item(&mut self, indent: usize, value: &str) {
        self.prefix(indent, true);
        self.out.push_str(&scalar(value));
        self.out.push('\n');
    }

    fn prefix(&mut self, indent: usize, dash: bool) {
        self.out.push_str(&" ".repeat(indent));
        if dash {
            self.out.push_str("- ");
        }
    }

    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod writer_tests {
    use super::{scalar, Writer};

    #[test]
    fn scalars_read_back_as_written() {
        for s in [
            "Sở Y tế",
            "1",
            "yes",
            "a: b",
            "- x",
            "#x",
            "10/6",
            "'q'",
            "\"d\"",
            "ba\t\u{323}o",
            "x\u{1D167}",
            "",
            " sp",
            "*al",
            "&an",
            "đ",
            "null",
            "[x]",
            "Lưu: VT, VXNV. NVT.",
            "a\nb",
        ] {
            // As a plan is read: put in NFC first.
            let yaml = crate::text::nfc(&format!("k: {}\n", scalar(s)));
            let v: std::collections::BTreeMap<String, String> = super::from_str(&yaml).unwrap();
            assert_eq!(v["k"], crate::text::nfc(s), "{yaml}");
        }
    }

    #[test]
    fn block_text_reads_back_with_its_lines() {
        let mut w = Writer::default();
        w.comment(0, "TODO: một\nhai");
        w.key(0, false, "items");
        w.field(2, true, "text", "Dòng một:\n- gạch: một\n- *hai*");
        w.field(4, false, "note", " leading space\nx");
        let yaml = w.finish();
        #[derive(serde::Deserialize)]
        struct T {
            items: Vec<std::collections::BTreeMap<String, String>>,
        }
        let t: T = super::from_str(&yaml).unwrap();
        assert_eq!(t.items[0]["text"], "Dòng một:\n- gạch: một\n- *hai*");
        assert_eq!(t.items[0]["note"], " leading space\nx");
    }
}
