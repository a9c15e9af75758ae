//! Finding where in the YAML text a value stands, for diagnostics found after parsing (serde_yaml
//! keeps no spans). The search follows the document's order: each step starts below the last.

pub struct Locator<'a> {
    lines: Vec<&'a str>,
}

/// A place, 0-based internally; `pos()` gives the 1-based line and column an editor shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub col: usize,
}

impl Place {
    pub fn pos(self) -> (u32, u32) {
        (self.line as u32 + 1, self.col as u32 + 1)
    }
}

fn is_open(c: char) -> bool {
    matches!(c, ' ' | '[' | ',' | '"' | '\'' | '{' | ':' | '-' | '\t')
}

fn is_close(c: char) -> bool {
    matches!(c, ' ' | ']' | ',' | '"' | '\'' | '}' | '#' | '\t' | '\r')
}

impl<'a> Locator<'a> {
    pub fn new(src: &'a str) -> Self {
        Locator {
            lines: src.lines().collect(),
        }
    }

    /// The first `value` standing alone as a scalar at or after `from`.
    pub fn scalar(&self, from: Place, value: &str) -> Option<Place> {
        if value.is_empty() {
            return None;
        }
        for (n, line) in self.lines.iter().enumerate().skip(from.line) {
            let start = if n == from.line { from.col } else { 0 };
            let code = line.split(" #").next().unwrap_or(line);
            let mut search = start.min(code.len());
            while let Some(off) = code.get(search..).and_then(|s| s.find(value)) {
                let at = search + off;
                let before = code[..at].chars().next_back();
                let after = code[at + value.len()..].chars().next();
                if before.is_none_or(is_open) && after.is_none_or(is_close) {
                    return Some(Place {
                        line: n,
                        col: code[..at].chars().count(),
                    });
                }
                search = at + value.len();
            }
        }
        None
    }

    /// The first `key:` at or after `from`, as a mapping key in block (`key: v`, `- key: v`) or
    /// flow style (`{key: v, …}`).
    pub fn key(&self, from: Place, key: &str) -> Option<Place> {
        self.key_in(from, key).map(|(p, _)| p)
    }

    /// The key's place and the byte offset in its line just after `key:`.
    fn key_in(&self, from: Place, key: &str) -> Option<(Place, usize)> {
        let pat = format!("{key}:");
        for (n, line) in self.lines.iter().enumerate().skip(from.line) {
            let code = line.split(" #").next().unwrap_or(line);
            let skip = if n == from.line { from.col } else { 0 };
            let mut search = code.char_indices().nth(skip).map_or(code.len(), |(i, _)| i);
            while let Some(off) = code.get(search..).and_then(|s| s.find(&pat)) {
                let at = search + off;
                let before = code[..at].chars().next_back();
                if before.is_none_or(|c| matches!(c, ' ' | '{' | ',' | '-' | '\t')) {
                    let col = code[..at].chars().count();
                    return Some((Place { line: n, col }, at + pat.len()));
                }
                search = at + pat.len();
            }
        }
        None
    }

    /// The value of the first `key: value` at or after `from`.
    pub fn key_value(&self, from: Place, key: &str, value: &str) -> Option<Place> {
        let mut at = from;
        loop {
            let (k, after) = self.key_in(at, key)?;
            let line = self.lines[k.line];
            let rest = &line[after..];
            let lead = rest.len() - rest.trim_start().len();
            let v = rest.trim_start();
            let unq = match v.chars().next() {
                Some(q @ ('"' | '\'')) => v[1..].split(q).next().unwrap_or(""),
                _ => v.split([',', '}', '#']).next().unwrap_or("").trim_end(),
            };
            if unq == value {
                let col = line[..after + lead].chars().count();
                return Some(Place { line: k.line, col });
            }
            at = Place {
                line: k.line,
                col: k.col + key.chars().count() + 1,
            };
        }
    }

    /// Follows a path of `(key, value)` steps, each searched below the previous one, then finds
    /// `needle` below the last; falls back to the deepest step reached.
    pub fn path(&self, steps: &[(&str, &str)], needle: Option<&str>) -> Place {
        let mut at = Place::default();
        for (key, value) in steps {
            let found = if value.is_empty() {
                self.key(at, key)
            } else {
                self.key_value(at, key, value)
            };
            match found {
                Some(p) => at = p,
                None => return at,
            }
        }
        match needle {
            Some(n) => self.scalar(at, n).unwrap_or(at),
            None => at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "agencies:\n  - id: A\n    name: Alpha\n  - id: \"B\"\nsections:\n  - id: IV\n    items:\n      - id: \"1\"\n        lead: [A, SYTT]\n";

    #[test]
    fn finds_keys_values_and_scalars_in_order() {
        let l = Locator::new(SRC);
        assert_eq!(
            l.key_value(Place::default(), "id", "B").unwrap().pos(),
            (4, 9)
        );
        let p = l.path(&[("sections", ""), ("id", "IV"), ("id", "1")], Some("SYTT"));
        assert_eq!(p.pos(), (9, 19));
        // Flow mappings too.
        let flow = Locator::new("items:\n  - {id: \"1\", text: a}\n  - {id: \"2\", text: b}\n");
        assert_eq!(
            flow.key_value(Place::default(), "id", "2").unwrap().pos(),
            (3, 10)
        );
        // "A" inside "Alpha" is not a match; the one in the flow list is.
        let a = l.scalar(Place { line: 2, col: 0 }, "A").unwrap();
        assert_eq!(a.pos(), (9, 16));
    }
}
