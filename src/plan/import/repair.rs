//! Repairs the garbles a PDF extraction leaves in Vietnamese text, and writes NFC.
//!
//! What the extraction does, and what is undone here:
//! - a tone mark slips onto the next letter or past a space: "baọ" → "bạo", "hoaṭ" → "hoạt",
//!   "điṇh" → "định", "vi ̣mình" → "vị mình";
//! - a glyph is mapped to the wrong characters: "tÕ̉nh" → "tỉnh";
//! - a syllable is cut by a space: "tri ển" → "triển", "đ ộng" → "động", "“P hòng" → "“Phòng";
//! - a space stands before punctuation: "BĐG ," → "BĐG,".
//!
//! Only what is impossible in Vietnamese is changed: a tone placed where both the old and the
//! new spelling rules allow it ("hoà", "hòa") is left alone. The repair is idempotent.

use unicode_normalization::UnicodeNormalization;

const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
const QUALITY: [char; 3] = ['\u{302}', '\u{306}', '\u{31B}'];

fn is_tone(c: char) -> bool {
    TONES.contains(&c)
}

fn is_mark(c: char) -> bool {
    is_tone(c) || QUALITY.contains(&c)
}

fn is_vowel(c: char) -> bool {
    matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Glyphs the extraction maps to other characters (found in provincial PDFs).
const GLYPHS: [(&str, &str); 2] = [("\u{D5}\u{309}", "ỉ"), ("O\u{303}\u{309}", "ỉ")];

/// Characters no text of a plan holds and YAML refuses or reads as line breaks: control
/// characters other than tab and newline, NEL, the line and paragraph separators, a BOM
/// inside the text, and the non-characters U+FFFE and U+FFFF.
fn is_stray(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}'
        )
}

/// The repaired text, in NFC; stray characters become spaces.
pub fn repair(s: &str) -> String {
    let mut t: String = s
        .chars()
        .map(|c| if is_stray(c) { ' ' } else { c })
        .nfc()
        .collect();
    for (bad, good) in GLYPHS {
        t = t.replace(bad, good);
    }
    let t = marks_after_space(&t.nfd().collect::<String>());
    let t = retone_words(&t);
    let t = join_split_syllables(&t);
    let t = retone_words(&t);
    let t = punctuation_spacing(&t);
    t.nfc().collect()
}

/// A tone mark that follows a space belongs to the letter before the space: "vi ̣mình".
fn marks_after_space(nfd: &str) -> String {
    let mut out: Vec<char> = Vec::with_capacity(nfd.len());
    for c in nfd.chars() {
        if is_mark(c) && out.last() == Some(&' ') {
            out.pop();
            out.push(c);
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out.into_iter().collect()
}

/// One letter of a syllable with the marks that follow it (NFD).
#[derive(Clone)]
struct Letter {
    base: char,
    quality: Vec<char>,
    tone: Option<char>,
}

fn letters(word: &str) -> Vec<Letter> {
    let mut v: Vec<Letter> = Vec::new();
    for c in word.chars() {
        match v.last_mut() {
            Some(l) if is_tone(c) => l.tone = Some(c),
            Some(l) if QUALITY.contains(&c) => l.quality.push(c),
            _ => v.push(Letter {
                base: c,
                quality: Vec::new(),
                tone: None,
            }),
        }
    }
    v
}

fn unletters(v: &[Letter]) -> String {
    let mut s = String::new();
    for l in v {
        s.push(l.base);
        s.extend(&l.quality);
        s.extend(l.tone);
    }
    s
}

/// The onset, vowel cluster and final consonant of a syllable, as letter indices; `None` when
/// the letters are no Vietnamese syllable.
fn parts(v: &[Letter]) -> Option<(usize, usize)> {
    let lower: String = v.iter().flat_map(|l| l.base.to_lowercase()).collect();
    let onsets = [
        "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu", "b", "c", "d", "đ", "g",
        "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
    ];
    let onset = onsets.iter().find(|o| {
        lower.starts_with(*o) && {
            // "gi" and "qu" keep their vowel only when another vowel follows.
            let rest = lower[o.len()..].chars().next();
            !matches!(**o, "gi" | "qu") || rest.is_some_and(is_vowel)
        }
    })?;
    let start = onset.chars().count();
    let mut end = start;
    while end < v.len() && is_vowel(v[end].base) {
        end += 1;
    }
    let coda: String = lower.chars().skip(end).collect();
    let codas = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
    if end == start || end - start > 3 || !codas.contains(&coda.as_str()) {
        return None;
    }
    Some((start, end))
}

/// Where the tone of a syllable may stand: the indices both spelling rules allow.
fn tone_places(v: &[Letter], start: usize, end: usize) -> Vec<usize> {
    let vowels = &v[start..end];
    let has_final = end < v.len();
    if let Some(i) = (start..end).rev().find(|&i| !v[i].quality.is_empty()) {
        return vec![i];
    }
    match vowels.len() {
        1 => vec![start],
        2 if !has_final => {
            let pair: String = vowels.iter().map(|l| l.base.to_ascii_lowercase()).collect();
            if matches!(pair.as_str(), "oa" | "oe" | "uy") {
                vec![start, start + 1]
            } else {
                vec![start]
            }
        }
        2 => vec![start + 1],
        _ => vec![start + 1],
    }
}

/// Moves a syllable's one tone mark to its vowel when it stands where no rule puts it.
fn retone(word: &str) -> String {
    let mut v = letters(word);
    let toned: Vec<usize> = (0..v.len()).filter(|&i| v[i].tone.is_some()).collect();
    if toned.len() != 1 {
        return word.to_string();
    }
    let Some((start, end)) = parts(&v) else {
        return word.to_string();
    };
    let places = tone_places(&v, start, end);
    let at = toned[0];
    if places.contains(&at) {
        return word.to_string();
    }
    let tone = v[at].tone.take();
    v[places[0]].tone = tone;
    unletters(&v)
}

fn retone_words(nfd: &str) -> String {
    map_words(nfd, retone)
}

/// Applies `f` to every run of letters and marks, leaving everything else as it is.
fn map_words(s: &str, f: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(s.len());
    let mut word = String::new();
    for c in s.chars() {
        if c.is_alphabetic() || is_mark(c) {
            word.push(c);
        } else {
            if !word.is_empty() {
                out.push_str(&f(&word));
                word.clear();
            }
            out.push(c);
        }
    }
    if !word.is_empty() {
        out.push_str(&f(&word));
    }
    out
}

/// Would `a` + `b` be one syllable that the extraction cut in two?
fn is_cut(a: &str, b: &str) -> bool {
    let (la, lb) = (letters(a), letters(b));
    let (Some(first_b), Some(last_a)) = (lb.first(), la.last()) else {
        return false;
    };
    if first_b.base.is_uppercase() {
        return false;
    }
    let joined: Vec<Letter> = la.iter().chain(lb.iter()).cloned().collect();
    if parts(&joined).is_none() || joined.iter().filter(|l| l.tone.is_some()).count() > 1 {
        return false;
    }
    let a_consonants_only = !la.iter().any(|l| is_vowel(l.base));
    let a_lower_or_one = la.len() == 1 || la.iter().all(|l| l.base.is_lowercase());
    if a_consonants_only && a_lower_or_one {
        return true;
    }
    // A diphthong cut after its first vowel: "tri ển", "truy ền", "thu ộc", "đư ợc".
    let diphthong_start = matches!(last_a.base, 'i' | 'y' | 'u') && last_a.tone.is_none();
    diphthong_start && !first_b.quality.is_empty() && matches!(first_b.base, 'e' | 'o')
}

fn join_split_syllables(nfd: &str) -> String {
    let tokens: Vec<&str> = nfd.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    for tok in tokens {
        if let Some(prev) = out.last_mut() {
            let tail: String = prev
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic() || is_mark(*c))
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let head: String = tok
                .chars()
                .take_while(|c| c.is_alphabetic() || is_mark(*c))
                .collect();
            let whole_head =
                head.len() == tok.len() || !tok[head.len()..].starts_with(char::is_alphabetic);
            if !tail.is_empty() && !head.is_empty() && whole_head && is_cut(&tail, &head) {
                prev.push_str(tok);
                continue;
            }
        }
        out.push(tok.to_string());
    }
    out.join(" ")
}

/// No space before `, ; : . ! ? ) ”` nor after `( “`; runs of spaces become one.
fn punctuation_spacing(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, ',' | ';' | ':' | '.' | '!' | '?' | ')' | '”') {
            while out.ends_with(' ') {
                out.pop();
            }
        }
        if c == ' ' && (out.ends_with(' ') || out.ends_with('(') || out.ends_with('“')) {
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::repair;

    #[test]
    fn repairs_the_garbles_of_the_2021_plan() {
        let cases = [
            ("tÕ̉nh", "tỉnh"),
            ("chÕ̉ đaọ", "chỉ đạo"),
            ("baọ lực", "bạo lực"),
            ("điạ phương", "địa phương"),
            ("quy điṇh", "quy định"),
            ("hoaṭ động", "hoạt động"),
            ("vi phaṃ", "vi phạm"),
            ("kế hoac̣h", "kế hoạch"),
            ("đẩy maṇh", "đẩy mạnh"),
            ("đaị chúng", "đại chúng"),
            ("công nghê ̣thông tin", "công nghệ thông tin"),
            ("đơn vi ̣mình", "đơn vị mình"),
            ("phát tri ển", "phát triển"),
            ("tuyên truy ền", "tuyên truyền"),
            ("hoaṭ đ ộng", "hoạt động"),
            ("kế hoac̣h c ủa", "kế hoạch của"),
            ("phù h ợp", "phù hợp"),
            ("mô hình “P hòng ngừa", "mô hình “Phòng ngừa"),
            ("trên cơ sở giới ”, mô hình", "trên cơ sở giới”, mô hình"),
            ("công tác BĐG , kế", "công tác BĐG, kế"),
            ("kế hoac̣h năm ; kiểm", "kế hoạch năm; kiểm"),
        ];
        for (garbled, fixed) in cases {
            assert_eq!(repair(garbled), fixed, "{garbled}");
        }
    }

    #[test]
    fn leaves_correct_text_alone_and_is_idempotent() {
        let text = "Hòa bình, hoà bình, khoá XV, khóa XV; Quốc hội, người lao động nữ, Sở LĐTBXH, \
                    thuộc, được, quyết định, ở, ăn, uống, TP Phan Rang - Tháp Chàm, Covid-19, \
                    điểm a khoản 1, Ủy ban, Uỷ ban, giữa, của, yêu cầu.";
        assert_eq!(repair(text), text);
        let src = include_str!("../../../tests/fixtures/import/ke-hoach-bdg-ninh-thuan-2021.txt");
        let once = repair(src);
        assert_eq!(repair(&once), once);
        assert_eq!(repair("a\u{7f}b\u{2028}c\u{feff}d"), "a b c d");
        for bad in ["Õ", "aọ", "iạ", "ṇ", "ṭ", "c̣", " \u{323}"] {
            assert!(!once.contains(bad), "{bad} left in the repaired text");
        }
    }
}
