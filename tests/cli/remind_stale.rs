//! `remind` removes an earlier run's letters that no longer hold only when bdg wrote them and
//! nobody changed them since: the folder's record (`.bdg-written`, beside the marker) names
//! each file its last run wrote, with its size and FNV-1a hash. A file of the officer's own
//! with a letter's name, a letter edited by hand, the letters of a folder without a record
//! (a first run, or a bdg that kept none): kept, named on stderr, the exit code unchanged.

use crate::common::*;
use std::collections::BTreeMap;
use std::path::Path;

const RECORD: &str = ".bdg-written";

/// `bdg GLOBAL… remind` of the shipped plan's `period` for `reports` as of `as_of`, into
/// `out`: its exit code and stderr.
fn remind(global: &[&str], period: &str, reports: &Path, as_of: &str, out: &Path) -> (i32, String) {
    remind_with(global, (PLAN, period, as_of), reports, out)
}

/// 2021-H1 as of 20/06/2021, in `lang`.
fn h1(lang: &str, reports: &Path, out: &Path) -> (i32, String) {
    remind(&["--lang", lang], "2021-H1", reports, "20/06/2021", out)
}

fn example() -> PathBuf {
    root().join("examples/reports/2021-H1")
}

/// A copy of the shipped example reports in `dir`, without the files named in `without`.
fn reports_without(dir: &Path, without: &[&str]) -> PathBuf {
    let reports = dir.join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    for e in std::fs::read_dir(example()).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap();
        if !without.iter().any(|w| *w == name) {
            std::fs::copy(&p, reports.join(name)).unwrap();
        }
    }
    reports
}

/// The record's lines as name → (size, hash).
fn record(out: &Path) -> BTreeMap<String, (u64, String)> {
    let text = std::fs::read_to_string(out.join(RECORD)).unwrap();
    (text.lines().filter(|l| !l.starts_with('#')))
        .map(|l| {
            let f: Vec<&str> = l.splitn(3, '\t').collect();
            (f[2].to_string(), (f[0].parse().unwrap(), f[1].to_string()))
        })
        .collect()
}

/// The hostile trial: the officer's own notes saved under SNV's letter's name, and a CSV saved
/// under SYT's Word letter's name, in a folder bdg never wrote to. Neither agency is overdue:
/// both files stay byte for byte, are named, and the run's exit code is that of a clean run.
/// A second run (the folder now bdg's, with its record) keeps them too.
#[test]
fn the_officers_own_files_with_a_letters_name_survive_and_are_named() {
    let clean = tempfile::tempdir().unwrap();
    let (code, _) = h1("vi", &example(), clean.path());
    let letters = snapshot(clean.path());
    // Neither SNV nor SYT is overdue in the example.
    assert!(!letters
        .keys()
        .any(|n| n.contains("_SNV_") || n.contains("_SYT_")));

    let out = tempfile::tempdir().unwrap();
    let own = [
        ("2021-H1_SNV_don-doc.txt", "ghi chú\n"),
        ("2021-H1_SYT_don-doc.docx", "don vi,so lieu\nSYT,3\n"),
    ];
    for (name, body) in own {
        std::fs::write(out.path().join(name), body).unwrap();
    }
    for lang in ["vi", "vi", "en"] {
        let (c, err) = h1(lang, &example(), out.path());
        assert_eq!(c, code, "{err}");
        for (name, body) in own {
            let kept = std::fs::read_to_string(out.path().join(name)).unwrap();
            assert_eq!(kept, body, "{lang}");
            assert!(err.contains(name), "{lang}: {err}");
            assert!(!record(out.path()).contains_key(name));
        }
    }
}

/// A run with SNV's report missing, then one with it: SNV's letter is stale. Its text,
/// edited by hand (a paragraph added), and its Word file, changed in one byte (same size),
/// are kept and named; the untouched stale letters of SYT are removed.
#[test]
fn an_edited_letter_survives_and_an_untouched_stale_one_is_removed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let missing = ["SNV_2021-H1.csv", "SYT_2021-H1.csv"];
    let reports = reports_without(dir.path(), &missing);
    assert_eq!(h1("vi", &reports, &out).0, 1);
    let txt = out.join("2021-H1_SNV_don-doc.txt");
    let docx = out.join("2021-H1_SNV_don-doc.docx");
    let syt = ["2021-H1_SYT_don-doc.txt", "2021-H1_SYT_don-doc.docx"];
    // The record names each file written, with its size and hash.
    let rec = record(&out);
    for (name, bytes) in snapshot(&out) {
        if !name.starts_with(".bdg-") {
            assert_eq!(rec[&name], (bytes.len() as u64, fnv(&bytes)), "{name}");
        }
    }
    assert!(syt.iter().all(|n| rec.contains_key(*n)));

    let mut signed = std::fs::read_to_string(&txt).unwrap();
    signed.push_str("\nĐã ký: Nguyễn Văn A\n");
    std::fs::write(&txt, &signed).unwrap();
    let mut word = std::fs::read(&docx).unwrap();
    let last = word.len() - 1;
    word[last] ^= 1;
    std::fs::write(&docx, &word).unwrap();

    for l in missing {
        std::fs::copy(example().join(l), reports.join(l)).unwrap();
    }
    let (code, err) = h1("vi", &reports, &out);
    assert_eq!(code, 1, "{err}");
    assert_eq!(std::fs::read_to_string(&txt).unwrap(), signed);
    assert_eq!(std::fs::read(&docx).unwrap(), word);
    assert!(err.contains("2021-H1_SNV_don-doc.txt"), "{err}");
    assert!(err.contains("2021-H1_SNV_don-doc.docx"), "{err}");
    for n in syt {
        assert!(!out.join(n).exists(), "{n}");
    }
    // The kept letters are no longer recorded as bdg's.
    let rec = record(&out);
    assert!(!rec
        .keys()
        .any(|n| n.contains("_SNV_") || n.contains("_SYT_")));
}

/// Vietnamese letters, then the same run in English: every Vietnamese letter and its list go
/// (bdg wrote them, nobody changed them), and the record names exactly the English files.
#[test]
fn a_run_in_english_after_one_in_vietnamese_removes_the_vietnamese_letters() {
    let out = tempfile::tempdir().unwrap();
    assert_eq!(h1("vi", &example(), out.path()).0, 1);
    let vi: Vec<String> = (snapshot(out.path()).into_keys())
        .filter(|n| n.contains("don-doc"))
        .collect();
    assert!(vi.len() > 20, "{vi:?}");
    let (code, err) = h1("en", &example(), out.path());
    assert_eq!(code, 1, "{err}");
    let files = snapshot(out.path());
    assert!(!files.keys().any(|n| n.contains("don-doc")), "{files:?}");
    let written: Vec<&String> = (files.keys()).filter(|n| !n.starts_with(".bdg-")).collect();
    assert_eq!(record(out.path()).keys().collect::<Vec<_>>(), written);
    assert!(written.iter().all(|n| n.contains("reminder")));
}

/// A folder a previous bdg wrote (its marker, no record): its letters are not known to be
/// bdg's, unchanged, so an English run keeps every Vietnamese one, names ten and counts the
/// rest, and `-v` names them all. A folder with a record copied in but no marker: the record
/// is not believed, nothing is removed.
#[test]
fn without_a_marker_and_a_record_nothing_is_removed() {
    let out = tempfile::tempdir().unwrap();
    assert_eq!(h1("vi", &example(), out.path()).0, 1);
    std::fs::remove_file(out.path().join(RECORD)).unwrap();
    let vi: BTreeMap<String, Vec<u8>> = (snapshot(out.path()).into_iter())
        .filter(|(n, _)| n.contains("don-doc"))
        .collect();
    let named = |err: &str| vi.keys().filter(|n| err.contains(n.as_str())).count();
    let (code, err) = h1("en", &example(), out.path());
    assert_eq!(code, 1, "{err}");
    assert_eq!(named(&err), 10, "{err}");
    assert!(err.contains(&(vi.len() - 10).to_string()), "{err}");
    let (_, err) = remind(
        &["--lang", "en", "-v"],
        "2021-H1",
        &example(),
        "20/06/2021",
        out.path(),
    );
    assert_eq!(named(&err), vi.len(), "{err}");
    let files = snapshot(out.path());
    assert!(vi.iter().all(|(n, b)| files.get(n) == Some(b)));

    // The record of a run, and a letter it names unchanged, copied to a folder without the
    // marker: the letter stays.
    let other = tempfile::tempdir().unwrap();
    let letter = "2021-H1_STP_reminder.txt";
    for n in [RECORD, letter] {
        std::fs::copy(out.path().join(n), other.path().join(n)).unwrap();
    }
    assert!(record(other.path()).contains_key(letter));
    let (_, err) = h1("vi", &example(), other.path());
    assert!(other.path().join(letter).exists());
    assert!(err.contains(letter), "{err}");
}

/// The record keeps what bdg wrote for another period (still there, unchanged): a run of the
/// annual report in between does not make the six-month letters unknown, and a later English
/// six-month run still removes the Vietnamese ones, leaving the annual letters alone.
#[test]
fn another_periods_run_keeps_the_record_of_the_first() {
    let out = tempfile::tempdir().unwrap();
    assert_eq!(h1("vi", &example(), out.path()).0, 1);
    let year = ["-q"];
    assert_eq!(
        remind(&year, "2021-Y", &example(), "20/12/2021", out.path()).0,
        1
    );
    let annual: BTreeMap<String, Vec<u8>> = (snapshot(out.path()).into_iter())
        .filter(|(n, _)| n.starts_with("2021-Y_"))
        .collect();
    assert!(!annual.is_empty());
    assert_eq!(h1("en", &example(), out.path()).0, 1);
    let files = snapshot(out.path());
    assert!(!files
        .keys()
        .any(|n| n.starts_with("2021-H1_") && n.contains("don-doc")));
    assert!(annual.iter().all(|(n, b)| files.get(n) == Some(b)));
    let rec = record(out.path());
    assert!(annual.keys().all(|n| rec.contains_key(n)));
}
