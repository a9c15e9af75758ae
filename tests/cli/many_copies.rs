//! Hundreds of different reports of one agency on one date (a conflict): each file's
//! diagnostic names the conflict's first files and counts them all, so what a run holds grows
//! with the files, not with their square; the letter and the report name as many.

use crate::common::*;

const COPIES: usize = 300;
/// `cycle::NAMED_FILES`.
const NAMED: usize = 5;

/// `COPIES` reports of the Báo Ninh Thuận, all dated 04/06/2021, each with its own note.
fn copies() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let text =
        std::fs::read_to_string(root().join("examples/reports/2021-H1/BaoNinhThuan_2021-H1.csv"))
            .unwrap();
    let lines: Vec<&str> = text.lines().collect();
    for i in 0..COPIES {
        let (first, _) = lines[1].rsplit_once(',').unwrap();
        let mut own = lines.clone();
        let changed = format!("{first},ghi chú bản {i}");
        own[1] = &changed;
        let name = format!("BaoNinhThuan_2021-H1_ban{i:04}.csv");
        std::fs::write(dir.path().join(name), own.join("\n")).unwrap();
    }
    dir
}

/// The file names (without folders) of a conflict diagnostic's `files`, and how many files
/// conflict in all (`files` and `more`).
fn named(d: &Value) -> (Vec<String>, u64) {
    let files = (d["data"]["files"].as_array().unwrap().iter())
        .map(|f| {
            f.as_str()
                .unwrap()
                .rsplit(['/', '\\'])
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    let more = d["data"]["more"].as_u64().unwrap();
    (files, more + NAMED as u64)
}

#[test]
fn each_conflict_diagnostic_names_the_first_files_and_counts_them_all() {
    let dir = copies();
    let first: Vec<String> = (0..NAMED)
        .map(|i| format!("BaoNinhThuan_2021-H1_ban{i:04}.csv"))
        .collect();

    let out = tempfile::tempdir().unwrap();
    let (code, v) = consolidate_json(dir.path(), &out.path().join("out"));
    assert_eq!(code, 1);
    let conflicts: Vec<&Value> = (v["notices"].as_array().unwrap().iter())
        .filter(|d| d["code"] == "conflict")
        .collect();
    assert_eq!(conflicts.len(), COPIES);
    for d in &conflicts {
        assert_eq!(named(d), (first.clone(), COPIES as u64), "{d}");
    }

    let (_, v) = check_json(dir.path());
    let conflicts = diagnostics_with_code(&v, "conflict");
    assert_eq!(conflicts.len(), COPIES);
    assert!(conflicts
        .iter()
        .all(|d| named(d) == (first.clone(), COPIES as u64)));
}

#[test]
fn the_letter_names_the_first_files_of_a_conflict_and_counts_the_rest() {
    let dir = copies();
    let out = tempfile::tempdir().unwrap();
    let o = bdg()
        .args(["-q", "remind", "--plan", PLAN, "--period", "2021-H1"])
        .args(["--as-of", "20/06/2021", "--reports"])
        .arg(dir.path())
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let txt = (std::fs::read_dir(out.path()).unwrap())
        .map(|e| e.unwrap().path())
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.starts_with("2021-H1_BNT_") && name.ends_with(".txt")
        })
        .unwrap();
    let letter = std::fs::read_to_string(txt).unwrap();
    // Names are wrapped with the text: count them on the letter's words.
    let words = letter.split_whitespace().collect::<Vec<_>>().join(" ");
    let names: Vec<&str> = (words.split([' ', '(', ','].as_slice()))
        .filter(|w| w.starts_with("BaoNinhThuan_2021-H1_ban"))
        .collect();
    assert_eq!(names.len(), NAMED, "{letter}");
    assert!(words.contains(&format!(" {} ", COPIES - NAMED)), "{letter}");
    assert!(words.contains(&format!(" {COPIES} ")), "{letter}");
}
