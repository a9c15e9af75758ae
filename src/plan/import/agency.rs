//! Who the text names: agencies ("Sở Y tế", "Hội LHPN tỉnh", "UBND huyện Bác Ái"), groups
//! ("các đoàn thể tỉnh", "UBND các huyện, thành phố"), and the lead and partners of
//! "X chủ trì, phối hợp với Y" and of headings laid out one agency per item.

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

/// Who an item names as lead and partners, with the words that said so.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roles {
    pub lead: Vec<Who>,
    pub lead_said: String,
    pub partners: Vec<Who>,
    pub partners_said: String,
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

fn clean(words: &[&str]) -> String {
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

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

/// The lead (and partners) a heading names: "Sở Nội vụ", "Đề nghị Hội LHPN tỉnh",
/// "Sở LĐTBXH chủ trì, phối hợp với các Sở, ngành". `None` unless the heading names only who.
pub fn heading(text: &str) -> Option<Roles> {
    let first = text.lines().next().unwrap_or("");
    let head = match first.find(':') {
        Some(i) => &first[..i],
        None if first.split_whitespace().count() <= 12 => first,
        None => return None,
    };
    let head = head.trim();
    let head = head
        .strip_prefix("Đề nghị ")
        .or_else(|| head.strip_prefix("đề nghị "))
        .unwrap_or(head);
    let (lead_part, partner_part) = match head.find(" chủ trì") {
        Some(i) => (
            &head[..i],
            Some(head[i + " chủ trì".len()..].trim_start_matches([',', ' '])),
        ),
        None => (head, None),
    };
    let lw = words(lead_part);
    let (lead, n) = list(&lw, true);
    if lead.is_empty() || n < lw.len() || lead.iter().any(|w| matches!(w, Who::Vague(_))) {
        return None;
    }
    let mut roles = Roles {
        lead: split_groups(lead),
        lead_said: lead_part.trim().to_string(),
        ..Roles::default()
    };
    if let Some(p) = partner_part {
        if let Some((who, said)) = after_phoi_hop(p) {
            roles.partners = who;
            roles.partners_said = said;
        }
    }
    Some(roles)
}

/// "phối hợp với Y …" at the start of `s`: who Y is and the words that said so.
fn after_phoi_hop(s: &str) -> Option<(Vec<Who>, String)> {
    let rest = ["phối hợp với ", "Phối hợp với ", "phối hợp ", "Phối hợp "]
        .iter()
        .find_map(|p| s.strip_prefix(p))?;
    let w = words(rest);
    let (who, n) = list(&w, false);
    if who.is_empty() {
        return None;
    }
    Some((split_groups(who), clean(&w[..n])))
}

/// The partners an item's own text names at the start of a clause: "Phối hợp với Hội LHPN
/// tỉnh tổ chức …", "…; chủ trì phối hợp với các ngành liên quan …".
pub fn partners_in(text: &str) -> Option<(Vec<Who>, String)> {
    let mut starts = vec![0];
    for (i, c) in text.char_indices() {
        if matches!(c, ':' | ';') {
            starts.push(i + 1);
        }
    }
    starts.into_iter().find_map(|i| {
        let clause = text[i..].trim_start();
        let clause = ["Chủ trì, ", "chủ trì, ", "Chủ trì ", "chủ trì "]
            .iter()
            .find_map(|p| clause.strip_prefix(p))
            .unwrap_or(clause);
        after_phoi_hop(clause)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(who: &[Who]) -> Vec<String> {
        who.iter()
            .map(|w| match w {
                Who::Agency { name, .. } => name.clone(),
                Who::Group { name, .. } => format!("group:{name}"),
                Who::Vague(s) => format!("vague:{s}"),
            })
            .collect()
    }

    #[test]
    fn headings_laid_out_one_agency_per_item() {
        let lead = |s: &str| heading(s).map(|r| names(&r.lead));
        assert_eq!(lead("Sở Nội vụ:"), Some(vec!["Sở Nội vụ".into()]));
        assert_eq!(
            lead("Sở Văn hóa, Thể thao và Du lịch:"),
            Some(vec!["Sở Văn hóa, Thể thao và Du lịch".into()])
        );
        assert_eq!(
            lead("Đài Phát thanh và Truyền hình tỉnh, Báo Ninh Thuận:"),
            Some(vec![
                "Đài Phát thanh và Truyền hình tỉnh".into(),
                "Báo Ninh Thuận".into()
            ])
        );
        assert_eq!(
            lead("Đề nghị Hội Cựu chiến binh tỉnh: tham gia"),
            Some(vec!["Hội Cựu chiến binh tỉnh".into()])
        );
        assert_eq!(
            lead("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, các đoàn thể tỉnh: Trong"),
            Some(vec![
                "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh".into(),
                "group:các đoàn thể tỉnh".into()
            ])
        );
        let r = heading("Các Sở, ban ngành, đoàn thể tỉnh, UBND các huyện, thành phố:").unwrap();
        assert_eq!(
            names(&r.lead),
            vec![
                "group:các Sở, ban ngành",
                "group:các đoàn thể tỉnh",
                "group:UBND các huyện, thành phố"
            ]
        );
        assert!(means_everyone(&r.lead));
        assert_eq!(lead("Xây dựng Kế hoạch và tổ chức triển khai:"), None);
        assert_eq!(lead("Tham mưu UBND tỉnh ban hành"), None);
        assert_eq!(
            lead("Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh: phối hợp"),
            Some(vec![
                "Công an tỉnh".into(),
                "Bộ Chỉ huy Quân sự tỉnh".into()
            ])
        );
    }

    #[test]
    fn lead_and_partners_from_chu_tri_phoi_hop() {
        let r = heading(
            "Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với các Sở, ngành, địa phương:",
        )
        .unwrap();
        assert_eq!(names(&r.lead), vec!["Sở Lao động - Thương binh và Xã hội"]);
        assert!(means_everyone(&r.partners), "{:?}", r.partners);
        let p = |s: &str| partners_in(s).map(|(w, _)| names(&w));
        assert_eq!(
            p("Sở TTTT: Chủ trì, phối hợp với Sở Lao động - Thương binh và Xã hội tăng cường chỉ đạo"),
            Some(vec!["Sở Lao động - Thương binh và Xã hội".into()])
        );
        assert_eq!(
            p("Phối hợp với Hội LHPN tỉnh tổ chức các lớp"),
            Some(vec!["Hội LHPN tỉnh".into()])
        );
        assert_eq!(
            p("Tổ chức tuyên truyền; chủ trì phối hợp với các ngành liên quan tăng cường"),
            Some(vec!["vague:các ngành liên quan".into()])
        );
        assert_eq!(
            p("Phối hợp các đơn vị chức năng tiến hành"),
            Some(vec!["vague:các đơn vị chức năng".into()])
        );
        assert_eq!(p("Phối hợp tổ chức sơ kết, tổng kết"), None);
        assert_eq!(p("Sở Y tế chủ trì"), None);
        let (w, _) =
            partners_in("Phối hợp với các Sở, ban, ngành và địa phương tổ chức các hoạt động")
                .unwrap();
        assert!(means_everyone(&w), "{w:?}");
        assert_eq!(
            p("phối hợp với UBND các xã, phường triển khai"),
            Some(vec!["group:UBND các xã, phường".into()])
        );
    }
}
