//! Writing YAML that reads back as written: [`scalar`] and the line-by-line [`Writer`].

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
            let v: std::collections::BTreeMap<String, String> =
                crate::yaml::from_str(&yaml).unwrap();
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
        let t: T = crate::yaml::from_str(&yaml).unwrap();
        assert_eq!(t.items[0]["text"], "Dòng một:\n- gạch: một\n- *hai*");
        assert_eq!(t.items[0]["note"], " leading space\nx");
    }
}
