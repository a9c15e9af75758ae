//! English documents write a body's name as English does: "the Department of …" when the
//! plan gives an English name, and a Vietnamese proper name bare ("Sở Lao động - …", not
//! "the Sở Lao động - …") when it gives none: in the letters and in the text report.

use crate::common::*;

const COORDINATOR: &str = "Sở Lao động - Thương binh và Xã hội";
const ISSUER: &str = "Ủy ban nhân dân tỉnh Ninh Thuận";
const RECIPIENT: &str = "Bộ Lao động - Thương binh và Xã hội";

/// The shipped 2021 plan in `dir`, without the English names of its issuer, recipient and
/// coordinator when `english` is false: its path.
fn plan(dir: &std::path::Path, english: bool) -> PathBuf {
    let yaml = std::fs::read_to_string(root().join(PLAN)).unwrap();
    let dropped = [
        "  issuer_en:",
        "  recipient_en:",
        "    name_en: \"Department of Labour",
    ];
    let kept: String = (yaml.lines())
        .filter(|l| english || !dropped.iter().any(|d| l.starts_with(d)))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(yaml.len() - kept.len() > 100, !english);
    let national = "nq28-2021-2030.yaml";
    std::fs::copy(root().join("plans").join(national), dir.join(national)).unwrap();
    let path = dir.join("plan.yaml");
    std::fs::write(&path, kept).unwrap();
    path
}

/// Two different reports of the coordinator dated 03/06/2021 (held back), and a missing rest.
fn reports(dir: &std::path::Path) -> PathBuf {
    let reports = dir.join("reports");
    std::fs::create_dir(&reports).unwrap();
    let head = "agency,period,submitted_on,task,status,female,male,budget\n";
    for (name, female) in [("SLDTBXH_a.csv", 1), ("SLDTBXH_b.csv", 2)] {
        let row = format!("SLDTBXH,2021-H1,03/06/2021,II.1.a,done,{female},1,1000\n");
        std::fs::write(reports.join(name), format!("{head}{row}")).unwrap();
    }
    reports
}

/// `bdg --lang en COMMAND` of the cycle into `dir/out`, then every `.txt` it wrote, each with
/// its whitespace made single spaces.
fn english_texts(command: &str, plan: &std::path::Path, dir: &std::path::Path) -> Vec<String> {
    let out = dir.join(format!("out-{command}"));
    bdg()
        .args(["--lang", "en", command, "--plan"])
        .arg(plan)
        .args(["--period", "2021-H1", "--as-of", "20/06/2021", "--reports"])
        .arg(dir.join("reports"))
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1);
    let mut texts: Vec<String> = (std::fs::read_dir(&out).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    texts.sort();
    assert!(!texts.is_empty());
    texts
}

#[test]
fn a_vietnamese_name_is_written_bare_in_english_letters_and_report() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan(dir.path(), false);
    reports(dir.path());
    let letters = english_texts("remind", &plan, dir.path());
    let report = english_texts("consolidate", &plan, dir.path());
    for text in letters.iter().chain(&report) {
        for name in [COORDINATOR, ISSUER, RECIPIENT] {
            assert!(!text.contains(&format!("the {name}")), "the {name}: {text}");
            assert!(!text.contains(&format!("The {name}")), "The {name}: {text}");
        }
    }
    // Each name is there, bare: the coordinator in every letter, the issuer and recipient in
    // the letters that ask for a report; the held-back coordinator in the report.
    let all = letters.join("\n");
    for name in [COORDINATOR, ISSUER, RECIPIENT] {
        assert!(all.contains(&format!(" {name}")), "{name}: {all}");
    }
    let said = |t: &str| t.contains(&format!("{COORDINATOR} received 2 different reports"));
    assert_eq!(letters.iter().filter(|t| said(t)).count(), 1);
    assert!(report[0].contains(&format!("the figures of {COORDINATOR} are held back")));
    assert!(report[0].contains(&format!("This is the report of {COORDINATOR} on")));
}

#[test]
fn an_english_name_given_by_the_plan_takes_the() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan(dir.path(), true);
    reports(dir.path());
    let dept = "Department of Labour, Invalids and Social Affairs";
    let letters = english_texts("remind", &plan, dir.path());
    let said = |t: &str| t.contains(&format!("The {dept} received 2 different reports"));
    assert_eq!(letters.iter().filter(|t| said(t)).count(), 1);
    let all = letters.join("\n");
    assert!(all.contains(
        "to the Ninh Thuận Provincial People's Committee (through the Department of Labour"
    ));
    assert!(all.contains("reach the Ministry of Labour"));
    let report = english_texts("consolidate", &plan, dir.path());
    assert!(report[0].contains(&format!("the figures of the {dept} are held back")));
    assert!(report[0].contains(&format!("This is the report of the {dept} on")));
    assert!(!report[0].contains("the the "));
}
