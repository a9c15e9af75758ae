//! Text helpers shared by every matcher: NFC, diacritic folding, "did you mean".

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The text in Unicode NFC (Windows-1258 and some keyboards produce decomposed text).
pub fn nfc(s: &str) -> String {
    if is_nfc(s) {
        s.to_string()
    } else {
        s.nfc().collect()
    }
}

/// `s` is in NFC, by the quick check (a "maybe" counts as no: [`nfc`] then normalises).
pub fn is_nfc(s: &str) -> bool {
    unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes
}

/// The key two spellings of one name share: lower case, no diacritics (đ → d), punctuation as
/// space, runs of space collapsed. "Sở LĐ-TB&XH" and "so ld tb xh" fold alike.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        fold_ascii(s)
    } else {
        fold_any(s)
    }
}

fn fold_any(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true; // suppress leading space
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c,
        };
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                out.push(l);
            }
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// [`fold`] of ASCII text, where decomposition changes nothing: the same key, without the
/// decomposing iterator (a task id or a status is folded for every row read).
fn fold_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() {
            out.push(char::from(b.to_ascii_lowercase()));
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Case and diacritics folded, nothing else: "Năm 2021" and "nam 2021" match, "../2021-H1"
/// and "2021-H1" do not. For names typed on the command line that must match exactly.
pub fn fold_marks(s: &str) -> String {
    s.trim()
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if c == 'Đ' || c == 'đ' { 'd' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Like [`fold`] but with spaces removed too: "Sở LĐ-TB&XH" → "soldtbxh".
pub fn fold_tight(s: &str) -> String {
    fold(s).replace(' ', "")
}

/// The best candidate for a near miss, if one is close enough to suggest.
pub fn did_you_mean<'a, I>(found: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let f = fold(found);
    if f.is_empty() {
        return None;
    }
    let mut best: Option<(&str, f64)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(&f, &fold(c));
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((c, score));
        }
    }
    best.filter(|(_, s)| *s >= 0.85).map(|(c, _)| c)
}

/// Width of text in terminal columns, close enough for NFC Vietnamese (one column a char).
pub fn width(s: &str) -> usize {
    s.chars().count()
}

/// Messages quoted from files are cut at this many characters.
pub const MAX_MESSAGE_CHARS: usize = 600;

/// Text from a file made safe for a terminal: control characters (C0, DEL, C1) and the bidi
/// controls shown as visible symbols (ESC as `␛`, U+009B as `<U+009B>`), never sent raw.
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    let hidden =
        |c: char| c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if !s.chars().any(hidden) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\0'..='\u{1F}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
            '\u{7F}' => out.push('\u{2421}'),
            c if hidden(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c => out.push(c),
        }
    }
    out.into()
}

/// Text about to be shown on a terminal: like [`visible`], but tabs and line ends are kept (the
/// text is a table or a CSV), so that only what could drive the terminal is changed.
pub fn terminal_safe(s: &str) -> std::borrow::Cow<'_, str> {
    if !s
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        && visible(s) == s
    {
        return s.into();
    }
    s.split_inclusive(['\t', '\n', '\r'])
        .map(|part| {
            let end = part.len() - part.ends_with(['\t', '\n', '\r']) as usize;
            format!("{}{}", visible(&part[..end]), &part[end..])
        })
        .collect::<String>()
        .into()
}

/// [`visible`], cut to [`MAX_MESSAGE_CHARS`] characters with "…": for a message that quotes a
/// file.
pub fn for_message(s: &str) -> String {
    let v = visible(s);
    match v.char_indices().nth(MAX_MESSAGE_CHARS) {
        Some((i, _)) => format!("{}…", &v[..i]),
        None => v.into_owned(),
    }
}

/// `s` on one line in at most `n` characters: cut at a word's end with "…" when longer
/// (mid-word only when the first word alone is too long).
pub fn shorten_words(s: &str, n: usize) -> String {
    let one = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= n {
        return one;
    }
    let head: String = one.chars().take(n.saturating_sub(1)).collect();
    let cut = match head.rfind(' ') {
        Some(i) if i > 0 => head[..i].trim_end_matches([',', ';', ':', ' ']),
        _ => head.as_str(),
    };
    format!("{cut}…")
}

/// A file's name without its folders, as documents name a report file ("SYT_2026-Q1.csv").
pub fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortened_at_a_word_end() {
        assert_eq!(
            shorten_words("Tỷ lệ  lao động\nnữ", 40),
            "Tỷ lệ lao động nữ"
        );
        assert_eq!(
            shorten_words("Tỷ lệ cơ quan, chính quyền có nữ", 18),
            "Tỷ lệ cơ quan…"
        );
        assert_eq!(shorten_words("Abcdefghij", 5), "Abcd…");
    }

    #[test]
    fn control_characters_are_made_visible_and_long_text_cut() {
        assert_eq!(visible("Sở Y tế"), "Sở Y tế");
        assert_eq!(visible("a\x1b]0;x\x07b\x1b[2J"), "a␛]0;x␇b␛[2J");
        assert_eq!(visible("x\u{9b}2J\u{202e}"), "x<U+009B>2J<U+202E>");
        assert_eq!(visible("a\nb\x7f"), "a␊b␡");
        assert_eq!(terminal_safe("a\tb\r\nc\n"), "a\tb\r\nc\n");
        assert_eq!(terminal_safe("Sở\x1b[2J\tx\u{7}\n"), "Sở␛[2J\tx␇\n");
        let long = "ô".repeat(MAX_MESSAGE_CHARS + 10);
        let cut = for_message(&long);
        assert_eq!(cut.chars().count(), MAX_MESSAGE_CHARS + 1);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn folding_ascii_directly_gives_the_key_of_the_general_path() {
        let every: String = (0u8..128).map(char::from).collect();
        for s in [
            every.as_str(),
            "II.1.a",
            " Done ",
            "IN_PROGRESS",
            "a--b  c.",
            "",
            "-",
            "x\t\ny",
        ] {
            assert_eq!(fold_ascii(s), fold_any(s), "{s:?}");
        }
        assert_eq!(
            fold_ascii(&every),
            "0123456789 abcdefghijklmnopqrstuvwxyz abcdefghijklmnopqrstuvwxyz"
        );
    }

    #[test]
    fn fold_removes_diacritics_and_punctuation() {
        assert_eq!(fold("Sở LĐ-TB&XH"), "so ld tb xh");
        assert_eq!(fold("  Mã   nhiệm vụ "), "ma nhiem vu");
        assert_eq!(fold("Tiến độ (%)"), "tien do");
        assert_eq!(fold("Ủy ban"), fold("Uỷ ban"));
    }

    #[test]
    fn fold_marks_keeps_punctuation() {
        assert_eq!(fold_marks("Năm 2021"), "nam 2021");
        assert_eq!(fold_marks(" ĐỢT 1 "), "dot 1");
        assert_ne!(fold_marks("../2021-H1"), fold_marks("2021-H1"));
        assert_ne!(fold_marks("2021 H1"), fold_marks("2021-H1"));
    }

    #[test]
    fn nfc_composes_windows_1258_style_text() {
        // "Sở" with the hook above as a separate combining mark, as Windows-1258 decodes it.
        let decomposed = "So\u{31B}\u{309}";
        assert_eq!(nfc(decomposed), "Sở");
    }

    #[test]
    fn suggests_near_matches_only() {
        let c = ["Sở Y tế", "Sở Tư pháp", "Báo Ninh Thuận"];
        assert_eq!(did_you_mean("So Y te", c), Some("Sở Y tế"));
        assert_eq!(did_you_mean("Bao Ninh Thuan", c), Some("Báo Ninh Thuận"));
        assert_eq!(did_you_mean("Công an tỉnh", c), None);
    }
}
