//! Who the text names: agencies ("Sở Y tế", "Hội LHPN tỉnh", "UBND huyện Bác Ái") and groups
//! ("các đoàn thể tỉnh", "UBND các huyện, thành phố"), read from a list of words.

use crate::text::fold;

/// One name in a list of who does something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    Agency {
        name: String,
        kind: &'static str,
    },
    /// A group the text names without listing it ("các đoàn thể tỉnh").
    Group {
        name: String,
        class: Class,
    },
    /// Words that name no one in particular ("các ngành liên quan"): left to a person.
    Vague(String),
}

/// What a group is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Departments,
    MassOrganisations,
    Localities,
    Districts,
    Communes,
    /// Departments and localities in one phrase: "các Sở, ngành, địa phương".
    Everyone,
}

/// Words that begin an agency's name, alone or with the word after them.
const HEADS: [&str; 10] = [
    "Sở", "Ban", "Hội", "Đài", "Báo", "Cục", "Viện", "Đoàn", "Tòa", "Toà",
];
const HEADS2: [(&str, &str); 18] = [
    ("Công", "an"),
    ("Bộ", "Chỉ"),
    ("Bộ", "đội"),
    ("Tỉnh", "Đoàn"),
    ("Tỉnh", "đoàn"),
    ("Liên", "đoàn"),
    ("Ủy", "ban"),
    ("Uỷ", "ban"),
    ("Văn", "phòng"),
    ("Trung", "tâm"),
    ("Bệnh", "viện"),
    ("Ngân", "hàng"),
    ("Kho", "bạc"),
    ("Bảo", "hiểm"),
    ("Chi", "cục"),
    ("Mặt", "trận"),
    ("Thanh", "tra"),
    ("Công", "ty"),
];

/// The words group phrases are made of ("các Sở, ban, ngành và địa phương").
const GROUP_WORDS: [&str; 26] = [
    "sở",
    "ban",
    "ngành",
    "đoàn",
    "thể",
    "địa",
    "phương",
    "cơ",
    "quan",
    "đơn",
    "vị",
    "có",
    "liên",
    "chức",
    "năng",
    "tỉnh",
    "huyện",
    "thành",
    "phố",
    "xã",
    "phường",
    "thị",
    "trấn",
    "cấp",
    "và",
    "quận",
];

fn bare(w: &str) -> &str {
    w.trim_end_matches([',', ':', ';', '.', ')'])
}

fn capitalised(w: &str) -> bool {
    bare(w).chars().next().is_some_and(char::is_uppercase)
}

fn all_caps(w: &str) -> bool {
    let b = bare(w);
    b.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && b.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// Does an agency's name begin at `words[i]`? Its kind if so.
fn head_at(words: &[&str], i: usize) -> Option<&'static str> {
    let w = bare(words[i]);
    let next = words.get(i + 1).map(|n| bare(n)).unwrap_or("");
    if w == "UBND" || w == "Ủy" && next == "ban" && words.get(i + 2).is_some_and(|x| *x == "nhân")
    {
        return Some("local");
    }
    if matches!(w, "MTTQ" | "UBMTTQ" | "UBMTTQVN") {
        return Some("mass_organisation");
    }
    if HEADS2.iter().any(|(a, b)| *a == w && *b == next) {
        return Some(match w {
            "Công" if next == "an" => "armed_forces",
            "Bộ" => "armed_forces",
            "Tỉnh" | "Liên" | "Mặt" | "Ủy" | "Uỷ" => "mass_organisation",
            _ => "department",
        });
    }
    if HEADS.contains(&w)
        && words.get(i + 1).is_some_and(|n| capitalised(n))
        && !words[i].ends_with(',')
    {
        return Some(match w {
            "Hội" | "Đoàn" => "mass_organisation",
            "Đài" | "Báo" => "media",
            _ => "department",
        });
    }
    None
}

/// The kind of a local government unit from its level word.
fn local_kind(words: &[&str]) -> &'static str {
    let rest: Vec<String> = words.iter().map(|w| bare(w).to_lowercase()).collect();
    let has = |w: &str| rest.iter().any(|x| x == w);
    if has("xã") || has("phường") || has("trấn") {
        "commune"
    } else if has("huyện")
        || has("phố")
        || has("quận")
        || rest.windows(2).any(|p| p == ["thị", "xã"])
    {
        "district"
    } else {
        "province"
    }
}

/// Parses a list of who, from the start of `words`: the list and how many words it took.
/// `whole`: the words are a heading that names only agencies, so a name runs to the next
/// separator; otherwise a name ends where lower-case words that are not part of it begin.
pub fn list(words: &[&str], whole: bool) -> (Vec<Who>, usize) {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let start = i;
        let w = bare(words[i]);
        if w == "các" || w == "Các" {
            i = group_end(words, i + 1);
            out.push(group(&words[start..i]));
        } else if let Some(kind) = head_at(words, i) {
            let ubnd_group = words.get(i + 1).is_some_and(|n| *n == "các")
                || words.get(i + 3).is_some_and(|n| *n == "các") && kind == "local";
            if kind == "local" && ubnd_group {
                let at = words[i..].iter().position(|n| *n == "các").unwrap_or(1) + i;
                i = group_end(words, at + 1);
                let class = match local_kind(&words[at..i]) {
                    "commune" => Class::Communes,
                    _ => Class::Districts,
                };
                out.push(Who::Group {
                    name: clean(&words[start..i]),
                    class,
                });
            } else {
                i = name_end(words, i, whole);
                let kind = if kind == "local" {
                    local_kind(&words[start..i])
                } else {
                    kind
                };
                out.push(Who::Agency {
                    name: clean(&words[start..i]),
                    kind,
                });
            }
        } else {
            break;
        }
        // Another item follows a comma or "và"; anything else ends the list.
        let comma = words[i - 1].ends_with(',');
        if i < words.len() && words[i] == "và" {
            i += 1;
        } else if !comma {
            break;
        }
        if i < words.len() && !(bare(words[i]) == "các" || head_at(words, i).is_some()) {
            // "…, đoàn thể tỉnh": a group word after a comma continues a list of groups.
            if GROUP_WORDS.contains(&bare(words[i]).to_lowercase().as_str()) {
                let s = i;
                i = group_end(words, i);
                out.push(group(&words[s..i]));
                if i < words.len() && (words[i - 1].ends_with(',') || words[i] == "và") {
                    continue;
                }
            }
            break;
        }
    }
    (out, i)
}

fn group_end(words: &[&str], mut i: usize) -> usize {
    while i < words.len() && GROUP_WORDS.contains(&bare(words[i]).to_lowercase().as_str()) {
        // "các Sở, ban, ngành, UBND …": a name after a comma is the next item.
        if words[i - 1].ends_with(':') || words[i - 1].ends_with(';') {
            break;
        }
        i += 1;
    }
    while i > 0 && bare(words[i - 1]) == "và" {
        i -= 1;
    }
    i
}

/// Where an agency's name that starts at `i` ends.
pub fn name_end(words: &[&str], i: usize, whole: bool) -> usize {
    let mut j = i + 1;
    // How many lower-case syllables may still follow: names are two-syllable words each
    // starting with a capital ("Lao động", "Thương binh"), and the heads take one more.
    let mut budget = if all_caps(words[i]) { 2 } else { 1 };
    while j < words.len() {
        let prev = words[j - 1];
        if prev.ends_with([':', ';', '.', ')']) {
            break;
        }
        let w = words[j];
        let next_cap = words.get(j + 1).is_some_and(|n| capitalised(n));
        if prev.ends_with(',') && !(capitalised(w) && head_at(words, j).is_none()) {
            break;
        }
        if (w == "và" || w == "-" || w == "–" || w == "&") && next_cap {
            if w == "và" && head_at(words, j + 1).is_some() {
                break;
            }
            j += 1;
            continue;
        }
        if capitalised(w) {
            budget = if all_caps(w) { 2 } else { 1 };
            j += 1;
        } else if whole && w != "các" && w != "và" {
            j += 1;
        } else if budget > 0 || w == "tỉnh" {
            budget = if w == "tỉnh" { 0 } else { budget - 1 };
            j += 1;
        } else {
            break;
        }
    }
    j
}

pub fn clean(words: &[&str]) -> String {
    let s = words.join(" ");
    s.trim_end_matches([',', ':', ';', '.', ' ', ')'])
        .to_string()
}

/// A group phrase, split by what it is made of: "Các Sở, ban ngành, đoàn thể tỉnh" names
/// departments and mass organisations. One class gives a group, several a group of groups.
fn group(words: &[&str]) -> Who {
    let name = clean(words);
    let f = format!(" {} ", fold(&name));
    let vague = [
        " lien quan ",
        " chuc nang ",
        " co quan ",
        " don vi ",
        " cap ",
    ];
    if vague.iter().any(|v| f.contains(v)) {
        return Who::Vague(with_cac(&name));
    }
    let departments = f.contains(" so ") || f.contains(" ban ") || f.contains(" nganh ");
    let local = [" dia phuong ", " huyen ", " xa ", " phuong "]
        .iter()
        .any(|k| f.contains(k));
    let class = if departments && local && !f.contains(" doan the ") {
        Class::Everyone
    } else if f.contains(" doan the ") {
        Class::MassOrganisations
    } else if f.contains(" so ") || f.contains(" ban ") || f.contains(" nganh ") {
        Class::Departments
    } else if f.contains(" dia phuong ") {
        Class::Localities
    } else if f.contains(" huyen ") || f.contains(" thanh pho ") {
        Class::Districts
    } else if f.contains(" xa ") || f.contains(" phuong ") {
        Class::Communes
    } else {
        return Who::Vague(with_cac(&name));
    };
    Who::Group {
        name: with_cac(&name),
        class,
    }
}

fn with_cac(name: &str) -> String {
    match name
        .strip_prefix("Các ")
        .or_else(|| name.strip_prefix("các "))
    {
        Some(rest) => format!("các {rest}"),
        None => format!("các {name}"),
    }
}

/// Splits "các Sở, ban ngành, đoàn thể tỉnh" into its groups by class.
pub fn split_groups(who: Vec<Who>) -> Vec<Who> {
    let mut out = Vec::new();
    for w in who {
        match &w {
            Who::Group {
                name,
                class: Class::MassOrganisations,
            } if fold(name).contains("so ") || fold(name).contains("nganh") => {
                let f = name.clone();
                let cut = f.find("đoàn thể").unwrap_or(f.len());
                let depts = f[..cut].trim_end_matches([',', ' ']).to_string();
                out.push(Who::Group {
                    name: depts,
                    class: Class::Departments,
                });
                out.push(Who::Group {
                    name: format!("các {}", &f[cut..]),
                    class: Class::MassOrganisations,
                });
            }
            _ => out.push(w),
        }
    }
    out
}

/// "Các Sở, ban, ngành … địa phương", "… UBND các huyện": the formula for every agency.
pub fn means_everyone(who: &[Who]) -> bool {
    let has = |c: Class| {
        who.iter()
            .any(|w| matches!(w, Who::Group { class, .. } if *class == c))
    };
    has(Class::Everyone)
        || has(Class::Departments)
            && (has(Class::Localities) || has(Class::Districts) || has(Class::Communes))
}
