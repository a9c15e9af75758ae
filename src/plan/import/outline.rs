//! Lines → the document's outline: the numbering of Vietnamese administrative documents
//! (`I.`, `1.`, `1.1.`, `a)`/`đ)`, `-`), at any depth, each label kept as the source writes it.
//!
//! A marker is believed only where it continues the numbering (the next number, the next letter,
//! or a first `1.`/`a)`/`I.` opening a new level): a wrapped line that starts "2026. " is text.
//! A level is the kind of numbering, in the order kinds first appear down a branch, so `3.1`
//! under `a)` nests under `a)`.

/// A kind of numbering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Roman,
    Number,
    /// `3.1`, `3.1.2`: the count of numbers.
    Dotted(usize),
    Letter,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub kind: Kind,
    /// The label as written: "IV", "10", "3.1", "đ".
    pub label: String,
    /// The item's text; dash bullets on their own lines ("\n- …").
    pub text: String,
    /// 1-based line of the source where the item starts.
    pub line: usize,
    pub children: Vec<Node>,
}

/// The document: what precedes the first section, the sections, and what follows the body.
#[derive(Debug, Default)]
pub struct Outline {
    /// Paragraphs before the first section (title, legal basis).
    pub preamble: Vec<String>,
    pub sections: Vec<Node>,
    /// Lines from the closing formula on ("Trên đây là …", "Nơi nhận:", the signer).
    pub closing: Vec<String>,
}

const LETTERS: &str = "abcdđefghiklmnopqrstuvxy";

fn roman_value(s: &str) -> Option<u32> {
    const R: [&str; 20] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
        "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
    ];
    R.iter().position(|r| *r == s).map(|i| i as u32 + 1)
}

/// A numbering marker at the start of a line: kind, label, value path, and the rest.
fn marker(line: &str) -> Option<(Kind, String, Vec<u32>, &str)> {
    let end = line.find(|c: char| c.is_whitespace()).unwrap_or(line.len());
    let (head, rest) = (&line[..end], line[end..].trim_start());
    if let Some(l) = head.strip_suffix(')') {
        let mut cs = l.chars();
        let c = cs.next()?;
        let idx = LETTERS.chars().position(|x| x == c)?;
        return cs
            .next()
            .is_none()
            .then(|| (Kind::Letter, l.to_string(), vec![idx as u32 + 1], rest));
    }
    let body = head.strip_suffix('.').unwrap_or(head);
    let dotted = body.split('.').collect::<Vec<_>>();
    if dotted
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        let nums: Vec<u32> = dotted.iter().map(|p| p.parse().unwrap_or(0)).collect();
        return match nums.len() {
            1 if head.ends_with('.') => Some((Kind::Number, body.to_string(), nums, rest)),
            1 => None,
            n => Some((Kind::Dotted(n), body.to_string(), nums, rest)),
        };
    }
    if head.ends_with('.') {
        let v = roman_value(body)?;
        return Some((Kind::Roman, body.to_string(), vec![v], rest));
    }
    None
}

fn is_bullet(line: &str) -> Option<&str> {
    let mut cs = line.chars();
    let c = cs.next()?;
    (matches!(c, '-' | '–' | '+' | '•') && cs.as_str().starts_with(' ')).then(|| cs.as_str().trim())
}

/// Is this where the body ends ("Trên đây là Kế hoạch …", "Nơi nhận:")?
fn is_closing(line: &str) -> bool {
    let l = crate::text::fold(line);
    l.starts_with("tren day la") || l.starts_with("noi nhan")
}

/// Joins a wrapped line to the text before it: "Covid-" + "19" → "Covid-19",
/// "kinh tế-" + "xã hội" → "kinh tế - xã hội", otherwise one space.
fn join(text: &mut String, line: &str) {
    if text.is_empty() || text.ends_with('\n') {
        text.push_str(line);
        return;
    }
    let before_dash = text.strip_suffix('-').and_then(|t| t.chars().last());
    match before_dash {
        Some(c) if !c.is_whitespace() && line.starts_with(|d: char| d.is_ascii_digit()) => {}
        Some(c) if c.is_alphabetic() => {
            text.pop();
            text.push_str(" - ");
            text.push_str(line);
            return;
        }
        _ => text.push(' '),
    }
    text.push_str(line);
}

struct Open {
    node: Node,
    values: Vec<u32>,
}

/// The outline of the (already repaired) lines.
pub fn outline(lines: &[String]) -> Outline {
    let mut out = Outline::default();
    let mut stack: Vec<Open> = Vec::new();
    let mut para = String::new();
    for (n, raw) in lines.iter().enumerate() {
        let line = raw.trim();
        if !out.closing.is_empty()
            || (!stack.is_empty() || !out.sections.is_empty()) && is_closing(line)
        {
            if !line.is_empty() {
                out.closing.push(line.to_string());
            }
            continue;
        }
        if let Some((kind, label, values, rest)) = marker(line) {
            if let Some(depth) = place(&stack, kind, &values) {
                close_to(&mut stack, depth, &mut out.sections);
                stack.push(Open {
                    node: Node {
                        kind,
                        label,
                        text: rest.to_string(),
                        line: n + 1,
                        children: Vec::new(),
                    },
                    values,
                });
                continue;
            }
        }
        match stack.last_mut() {
            None if line.is_empty() => {
                if !para.is_empty() {
                    out.preamble.push(std::mem::take(&mut para));
                }
            }
            None => {
                // In the preamble each "Căn cứ …;" and the sentence ending in ":" stand alone.
                let starts = ["Căn cứ ", "Thực hiện ", "Xét "]
                    .iter()
                    .any(|p| line.starts_with(p));
                // (not right after a heading in capitals: "KẾ HOẠCH" / "Thực hiện công tác …")
                let after_caps = !para.chars().any(char::is_lowercase);
                if starts && !para.is_empty() && !after_caps {
                    out.preamble.push(std::mem::take(&mut para));
                }
                join(&mut para, line);
                if line.ends_with([';', ':']) {
                    out.preamble.push(std::mem::take(&mut para));
                }
            }
            Some(_) if line.is_empty() => {}
            Some(top) => match is_bullet(line) {
                Some(b) => {
                    top.node.text.push_str("\n- ");
                    top.node.text.push_str(b);
                }
                None => join(&mut top.node.text, line),
            },
        }
    }
    if !para.is_empty() {
        out.preamble.push(para);
    }
    close_to(&mut stack, 0, &mut out.sections);
    out
}

/// Where a marker goes: the stack depth it opens at, or `None` when it continues nothing (text).
fn place(stack: &[Open], kind: Kind, values: &[u32]) -> Option<usize> {
    // A sibling: the deepest open item of the same kind whose value it follows.
    if let Some(i) = stack.iter().rposition(|o| o.node.kind == kind) {
        let prev = &stack[i].values;
        let next = |v: u32| {
            // Word's automatic lettering goes d → e, skipping the Vietnamese đ.
            if kind == Kind::Letter && v == 4 {
                vec![5, 6]
            } else {
                vec![v + 1]
            }
        };
        let follows = prev.len() == values.len()
            && prev[..prev.len() - 1] == values[..values.len() - 1]
            && prev
                .last()
                .is_some_and(|v| values.last().is_some_and(|w| next(*v).contains(w)));
        if follows {
            return Some(i);
        }
    }
    // A first item opens a level below the current one (Roman only at the top).
    let first = values.last() == Some(&1);
    match kind {
        Kind::Roman if first && stack.is_empty() => Some(0),
        Kind::Roman => None,
        _ if first && !stack.iter().any(|o| o.node.kind == kind) => Some(stack.len()),
        _ => None,
    }
}

/// Closes open items down to `depth`, attaching each to its parent.
fn close_to(stack: &mut Vec<Open>, depth: usize, top: &mut Vec<Node>) {
    while stack.len() > depth {
        let done = stack.pop().expect("non-empty").node;
        match stack.last_mut() {
            Some(parent) => parent.node.children.push(done),
            None => top.push(done),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<String> {
        s.lines().map(String::from).collect()
    }

    fn labels(n: &Node) -> String {
        if n.children.is_empty() {
            n.label.clone()
        } else {
            let kids: Vec<String> = n.children.iter().map(labels).collect();
            format!("{}[{}]", n.label, kids.join(" "))
        }
    }

    #[test]
    fn nests_by_the_numbering_of_administrative_documents() {
        let o = outline(&lines(
            "KẾ HOẠCH\nTriển khai\n\nI. MỤC ĐÍCH\n1. Một\n2. Hai, nhiệm kỳ 2021 -\n2026. Tiếp\n\
             II. NỘI DUNG\n1. Một:\na) A\n- gạch một\ndòng nối\n- gạch hai\nb) B\n3.1. Sâu\n3.2. Sâu hai\n\
             c) C\nđ) không theo thứ tự\n2. Hai\n2.1. Hai một\nTrên đây là Kế hoạch\nNơi nhận:\n- Như trên;",
        ));
        assert_eq!(o.preamble, vec!["KẾ HOẠCH Triển khai"]);
        let tree: Vec<String> = o.sections.iter().map(labels).collect();
        assert_eq!(tree, vec!["I[1 2]", "II[1[a b[3.1 3.2] c] 2[2.1]]"]);
        assert_eq!(
            o.sections[0].children[1].text,
            "Hai, nhiệm kỳ 2021 - 2026. Tiếp"
        );
        let a = &o.sections[1].children[0].children[0];
        assert_eq!(a.text, "A\n- gạch một dòng nối\n- gạch hai");
        let c = &o.sections[1].children[0].children[2];
        assert_eq!(c.text, "C đ) không theo thứ tự");
        assert_eq!(
            o.closing,
            vec!["Trên đây là Kế hoạch", "Nơi nhận:", "- Như trên;"]
        );
    }

    #[test]
    fn letters_run_d_then_đ_or_d_then_e() {
        let o = outline(&lines(
            "I. A\n1. B\na) x\nb) x\nc) x\nd) x\nđ) x\ne) x\n2. C\na) x\nb) x\nc) x\nd) x\ne) x",
        ));
        let tree: Vec<String> = o.sections.iter().map(labels).collect();
        assert_eq!(tree, vec!["I[1[a b c d đ e] 2[a b c d e]]"]);
    }

    #[test]
    fn joins_wrapped_lines() {
        let mut t = "Covid-".to_string();
        join(&mut t, "19 và");
        assert_eq!(t, "Covid-19 và");
        let mut t = "kinh tế-".to_string();
        join(&mut t, "xã hội");
        assert_eq!(t, "kinh tế - xã hội");
    }
}
