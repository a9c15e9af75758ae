//! `remind` puts its letters and their list in place all or none: a run that fails leaves the
//! folder as it was (every old letter and the list, byte for byte, no new one, nothing stale
//! removed); a run that succeeds replaces them all and removes the letters that no longer hold.
//! A commit refused part-way is injected in `src/cmd/remind.rs`'s unit tests.

use crate::common::*;
use std::path::Path;

/// `bdg -q --lang LANG remind` of the shipped plan's 2021-H1 for `reports` as of `as_of`,
/// into `out`: its exit code and stderr.
fn remind(lang: &str, reports: &Path, as_of: &str, out: &Path) -> (i32, String) {
    remind_with(
        &["-q", "--lang", lang],
        (PLAN, "2021-H1", as_of),
        reports,
        out,
    )
}

fn example() -> PathBuf {
    root().join("examples/reports/2021-H1")
}

/// The file column of the list `name` in `out`, without its header.
fn listed(out: &Path, name: &str) -> Vec<String> {
    let list = std::fs::read_to_string(out.join(name)).unwrap();
    let rows = list.lines().skip(1);
    rows.map(|l| l.split('\t').next().unwrap().to_string())
        .collect()
}

/// A first run without the reports of SYT and SNV, a second with them: their letters are
/// removed, every other file is rewritten (the second run is two days later), the list names
/// exactly the text letters left, each beside its Word file, and no temporary file is left.
/// A third, in English, replaces the Vietnamese letters and list by the English ones.
#[test]
fn a_second_run_replaces_every_letter_and_removes_the_stale_ones() {
    let (reports, out) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let late = ["SYT_2021-H1.csv", "SNV_2021-H1.csv"];
    for e in std::fs::read_dir(example()).unwrap() {
        let p = e.unwrap().path();
        if !late.iter().any(|l| p.ends_with(l)) {
            std::fs::copy(&p, reports.path().join(p.file_name().unwrap())).unwrap();
        }
    }
    assert_eq!(remind("vi", reports.path(), "20/06/2021", out.path()).0, 1);
    let old = snapshot(out.path());
    let stale = [
        "2021-H1_SYT_don-doc.txt",
        "2021-H1_SYT_don-doc.docx",
        "2021-H1_SNV_don-doc.txt",
        "2021-H1_SNV_don-doc.docx",
    ];
    assert!(
        stale.iter().all(|s| old.contains_key(*s)),
        "{:?}",
        old.keys()
    );

    for l in late {
        std::fs::copy(example().join(l), reports.path().join(l)).unwrap();
    }
    assert_eq!(remind("vi", reports.path(), "22/06/2021", out.path()).0, 1);
    let new = snapshot(out.path());
    let mut expected: Vec<&String> = old.keys().filter(|k| !stale.contains(&&***k)).collect();
    expected.sort();
    assert_eq!(new.keys().collect::<Vec<_>>(), expected);
    for (name, bytes) in &new {
        if name != ".bdg-output" {
            assert_ne!(Some(bytes), old.get(name), "{name} not rewritten");
        }
    }
    let mut letters: Vec<String> = new
        .keys()
        .filter(|k| k.ends_with("_don-doc.txt"))
        .cloned()
        .collect();
    letters.sort();
    let mut list = listed(out.path(), "2021-H1_danh-sach-don-doc.tsv");
    list.sort();
    assert_eq!(list, letters);
    for l in &letters {
        assert!(new.contains_key(&l.replace(".txt", ".docx")), "{l}");
    }

    // In English, the Vietnamese letters and their list go: the folder holds the English
    // letters, each pair once, and the list that names them.
    assert_eq!(remind("en", reports.path(), "22/06/2021", out.path()).0, 1);
    let en = snapshot(out.path());
    let mut names: Vec<String> = en.keys().cloned().collect();
    names.sort();
    let mut expected: Vec<String> = letters
        .iter()
        .flat_map(|l| {
            let stem = l.trim_end_matches("_don-doc.txt");
            [
                format!("{stem}_reminder.docx"),
                format!("{stem}_reminder.txt"),
            ]
        })
        .chain([
            ".bdg-output".to_string(),
            ".bdg-written".to_string(),
            "2021-H1_reminders.tsv".to_string(),
        ])
        .collect();
    expected.sort();
    assert_eq!(names, expected);
    let mut list = listed(out.path(), "2021-H1_reminders.tsv");
    list.sort();
    let txt: Vec<&String> = expected.iter().filter(|n| n.ends_with(".txt")).collect();
    assert_eq!(list.iter().collect::<Vec<_>>(), txt);
}

/// An English run over the Vietnamese letters would replace them all (every Vietnamese letter
/// is stale for it). Refused before its commit, it changes nothing: a folder where one of its
/// letters goes, and (Linux) a file-size limit that lets each text letter be written and no
/// Word letter, so that the run fails with some of its letters already written beside their
/// targets.
#[test]
fn a_run_that_fails_before_its_commit_changes_nothing() {
    let out = tempfile::tempdir().unwrap();
    assert_eq!(remind("vi", &example(), "20/06/2021", out.path()).0, 1);
    let old = snapshot(out.path());
    // The letters, the list, the marker and the record of what was written.
    assert_eq!(old.len(), 12 * 2 + 3, "{:?}", old.keys());

    let folder = out.path().join("2021-H1_STP_reminder.docx");
    std::fs::create_dir(&folder).unwrap();
    let (code, err) = remind("en", &example(), "22/06/2021", out.path());
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("2021-H1_STP_reminder.docx"), "{err}");
    assert_eq!(snapshot(out.path()), old);
    std::fs::remove_dir(&folder).unwrap();

    #[cfg(target_os = "linux")]
    {
        // 4 blocks: 2 KB in dash's 512-byte blocks, 4 KB in bash's; a text letter is under
        // 2 KB, a Word letter about 10 KB.
        let bin = assert_cmd::cargo::cargo_bin("bdg");
        let script = format!(
            "trap '' XFSZ; ulimit -f 4; exec '{}' -q --lang en remind --plan {PLAN} \
             --period 2021-H1 --as-of 22/06/2021 --reports examples/reports/2021-H1 --out '{}'",
            bin.display(),
            out.path().display()
        );
        let o = std::process::Command::new("sh")
            .args(["-c", &script])
            .current_dir(root())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(err.contains("_reminder.docx"), "{err}");
        assert_eq!(snapshot(out.path()), old);
    }
}

/// A national cycle's letters, far more than a small limit of open files allows: 150 agencies
/// missing (one may be late), 299 or 301 outputs prepared before the commit, under `ulimit -n 64`. They must go in
/// (each temporary file is closed once written), twice: the second run keeps a second name
/// for each old file.
#[cfg(unix)]
#[test]
fn more_letters_than_open_files_allowed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.yaml"), gen::plan_yaml(150, 1)).unwrap();
    // One unit's report (a folder with none is refused); the others are missing.
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    let mut first = true;
    gen::reports(150, 1, 7, 0, |name, body| {
        if std::mem::take(&mut first) {
            std::fs::write(reports.join(name), body).unwrap();
        }
    });
    let bin = assert_cmd::cargo::cargo_bin("bdg");
    let script = format!(
        "ulimit -n 64 && exec '{}' -q remind {} --out out",
        bin.display(),
        GENERATED.join(" ")
    );
    let run = || {
        std::process::Command::new("sh")
            .args(["-c", &script])
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    for _ in 0..2 {
        let o = run();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{err}");
        let files = snapshot(&dir.path().join("out"));
        let letters = listed(&dir.path().join("out"), "2025-Y_danh-sach-don-doc.tsv").len();
        assert!(letters >= 149, "{letters}");
        assert_eq!(
            files.len(),
            letters * 2 + 3,
            "with the list, the marker and the record"
        );
    }
}

/// The note of the stale files removed names ten of them and counts the rest (a national cycle
/// may remove thousands); `-v` names them all.
#[test]
fn the_stale_files_removed_are_counted_and_ten_named_unless_asked_for_all() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let run = |args: &[&str]| -> String {
        let o = bdg()
            .args(args)
            .args(["remind", "--plan", PLAN, "--period", "2021-H1"])
            .args(["--as-of", "20/06/2021", "--reports"])
            .arg(example())
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1));
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    run(&["-q"]);
    // Every Vietnamese letter and the list: stale for an English run.
    let vi: Vec<String> = (snapshot(&out).into_keys())
        .filter(|n| n.contains("don-doc"))
        .collect();
    assert!(vi.len() > 20, "{vi:?}");
    let named = |err: &str| vi.iter().filter(|n| err.contains(n.as_str())).count();
    let err = run(&["--lang", "en"]);
    assert_eq!(named(&err), 10, "{err}");
    assert!(err.contains(&format!("{} more", vi.len() - 10)), "{err}");
    run(&["-q"]);
    let err = run(&["--lang", "en", "-v"]);
    assert_eq!(named(&err), vi.len(), "{err}");
}
