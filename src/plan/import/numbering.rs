//! Word's automatic numbering: the "1.", "a)", "I." a reader sees but the paragraph text does
//! not hold, rebuilt from the document's numbering definitions (numbering.xml).

use docx_rs::{Docx, Paragraph};
use std::collections::HashMap;

/// One level of a list: format ("decimal", "lowerLetter" …), text ("%1.", "%2)"), start.
struct Level {
    format: String,
    text: String,
    start: usize,
}

/// The levels of every list, and the counters as the document goes.
pub struct Numbers {
    levels: HashMap<(usize, usize), Level>,
    counters: HashMap<usize, Vec<usize>>,
}

fn letter(n: usize, upper: bool) -> String {
    let c = (b'a' + ((n.max(1) - 1) % 26) as u8) as char;
    if upper {
        c.to_ascii_uppercase().to_string()
    } else {
        c.to_string()
    }
}

fn roman(mut n: usize) -> String {
    const R: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in R {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

fn format(n: usize, format: &str) -> String {
    match format {
        "lowerLetter" => letter(n, false),
        "upperLetter" => letter(n, true),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        _ => n.to_string(),
    }
}

impl Numbers {
    pub fn new(doc: &Docx) -> Self {
        let mut levels = HashMap::new();
        let n = &doc.numberings;
        for num in &n.numberings {
            let Some(abs) = n.abstract_nums.iter().find(|a| a.id == num.abstract_num_id) else {
                continue;
            };
            for l in &abs.levels {
                let text = serde_json::to_value(&l.text)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default();
                let start = serde_json::to_value(&l.start)
                    .ok()
                    .and_then(|v| v.as_u64())
                    .unwrap_or(1) as usize;
                let format = l.format.val.clone();
                levels.insert(
                    (num.id, l.level),
                    Level {
                        format,
                        text,
                        start,
                    },
                );
            }
        }
        Numbers {
            levels,
            counters: HashMap::new(),
        }
    }

    /// The label Word shows before this paragraph ("1.", "a)", "-"), if it is numbered.
    pub fn label(&mut self, p: &Paragraph) -> Option<String> {
        let np = p.property.numbering_property.as_ref()?;
        let (id, ilvl) = (np.id.as_ref()?.id, np.level.as_ref().map_or(0, |l| l.val));
        let level = self.levels.get(&(id, ilvl))?;
        if level.format == "bullet" {
            return Some("-".into());
        }
        let counters = self.counters.entry(id).or_default();
        counters.resize(ilvl + 1, 0);
        counters[ilvl] = if counters[ilvl] == 0 {
            level.start
        } else {
            counters[ilvl] + 1
        };
        let counters = counters.clone();
        let mut text = level.text.clone();
        for (k, c) in counters.iter().enumerate() {
            let fmt = self
                .levels
                .get(&(id, k))
                .map_or("decimal", |l| l.format.as_str());
            text = text.replace(&format!("%{}", k + 1), &format(*c, fmt));
        }
        Some(text)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn word_numbering_becomes_the_labels_a_reader_sees() {
        use docx_rs::*;
        let abs = AbstractNumbering::new(7)
            .add_level(Level::new(
                0,
                Start::new(1),
                NumberFormat::new("upperRoman"),
                LevelText::new("%1."),
                LevelJc::new("left"),
            ))
            .add_level(Level::new(
                1,
                Start::new(1),
                NumberFormat::new("decimal"),
                LevelText::new("%2."),
                LevelJc::new("left"),
            ))
            .add_level(Level::new(
                2,
                Start::new(1),
                NumberFormat::new("lowerLetter"),
                LevelText::new("%3)"),
                LevelJc::new("left"),
            ));
        let p = |text: &str, lvl: usize| {
            Paragraph::new()
                .add_run(Run::new().add_text(text))
                .numbering(NumberingId::new(7), IndentLevel::new(lvl))
        };
        let doc = Docx::new()
            .add_abstract_numbering(abs)
            .add_numbering(Numbering::new(7, 7))
            .add_paragraph(p("MỤC ĐÍCH", 0))
            .add_paragraph(p("NHIỆM VỤ", 0))
            .add_paragraph(p("Sở Y tế:", 1))
            .add_paragraph(p("Một", 2))
            .add_paragraph(p("Hai", 2))
            .add_paragraph(p("Sở Tư pháp:", 1))
            .add_paragraph(p("Ba", 2));
        let mut buf = std::io::Cursor::new(Vec::new());
        doc.build().pack(&mut buf).unwrap();
        let lines = super::super::extract::lines(buf.get_ref()).unwrap();
        assert_eq!(
            lines,
            [
                "I. MỤC ĐÍCH",
                "II. NHIỆM VỤ",
                "1. Sở Y tế:",
                "a) Một",
                "b) Hai",
                "2. Sở Tư pháp:",
                "a) Ba"
            ]
        );
    }
}
