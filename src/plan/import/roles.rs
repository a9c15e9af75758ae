//! Lead and partners: headings laid out one agency per item ("Sở Nội vụ:", "Đề nghị Hội LHPN
//! tỉnh:") and "X chủ trì, phối hợp với Y" at the start of a clause.

use super::agency::{list, split_groups, Who};

/// Who an item names as lead and partners, with the words that said so.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roles {
    pub lead: Vec<Who>,
    pub lead_said: String,
    pub partners: Vec<Who>,
    pub partners_said: String,
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
        None if first.contains(" chủ trì") || first.split_whitespace().count() <= 12 => first,
        None => return run_in_heading(first),
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

/// A heading whose line ran into its text: "Các sở, ban, ngành, UBND các xã, phường Báo cáo
/// kết quả …": who stands first, and a new sentence begins right after.
fn run_in_heading(line: &str) -> Option<Roles> {
    let line = line
        .strip_prefix("Đề nghị ")
        .or_else(|| line.strip_prefix("đề nghị "))
        .unwrap_or(line);
    let w = words(line);
    let (lead, n) = list(&w, false);
    let sentence_follows = w.get(n).is_some_and(|x| x.starts_with(char::is_uppercase));
    if lead.is_empty() || !sentence_follows || lead.iter().any(|x| matches!(x, Who::Vague(_))) {
        return None;
    }
    Some(Roles {
        lead: split_groups(lead),
        lead_said: super::agency::clean(&w[..n]),
        ..Roles::default()
    })
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
    Some((split_groups(who), super::agency::clean(&w[..n])))
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
    use crate::plan::import::agency::means_everyone;

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
        assert_eq!(
            lead("Tỉnh Đoàn, MTTQ tỉnh, UBND tỉnh:"),
            Some(vec![
                "Tỉnh Đoàn".into(),
                "MTTQ tỉnh".into(),
                "UBND tỉnh".into()
            ])
        );
        assert_eq!(
            lead("Sở Y tế chủ trì tổ chức khám"),
            Some(vec!["Sở Y tế".into()])
        );
        let long =
            "Các sở, ban, ngành, UBND các xã, phường Báo cáo kết quả 6 tháng (trước ngày 10/6) \
                    và năm (trước ngày 10/12) gửi Sở Nội vụ để tổng hợp";
        assert!(means_everyone(&heading(long).unwrap().lead));
        let long = "Sở Y tế chủ trì, phối hợp với Sở Giáo dục và Đào tạo tổ chức khám sức khỏe cho học sinh các trường";
        let r = heading(long).unwrap();
        assert_eq!(
            (names(&r.lead), names(&r.partners)),
            (
                vec!["Sở Y tế".into()],
                vec!["Sở Giáo dục và Đào tạo".into()]
            )
        );
        let sentence =
            "Tổ chức các lớp tập huấn cho cán bộ làm công tác bình đẳng giới của Sở, ban, ngành";
        assert_eq!(heading(sentence), None);
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
