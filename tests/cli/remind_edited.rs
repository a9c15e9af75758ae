//! `remind` never writes over the officer's version of a letter without keeping it: a letter
//! changed since bdg wrote it, or a file of someone's own under a letter's name (no record of
//! it), is copied beside it first (`NAME (bản sửa tay).EXT`, `(edited)` in English), byte for
//! byte, and the new letter (today's facts, bdg's, in the record) takes its name; a letter
//! bdg wrote and nobody touched is replaced with no copy. The notes of stale letters count
//! them by why they no longer hold: an agency no longer overdue, or the other language.
//!
//! The 2026 example plan and its example reports, as of 20/04/2026: SGDDT, SVHTTDL, CAT,
//! P_NHA_TRANG (late), P_BAC_NHA_TRANG, P_CAM_RANH, P_PHAN_RANG, X_DIEN_KHANH and X_KHANH_SON
//! are overdue; SNV is not.

use crate::common::*;
use std::path::Path;

const PLAN_2026: &str = "plans/khanh-hoa-2026-example.yaml";
const CAT_TXT: &str = "2026-Q1_CAT_don-doc.txt";
const CAT_KEPT: &str = "2026-Q1_CAT_don-doc (bản sửa tay).txt";
const KHANH_SON_TXT: &str = "2026-Q1_X_KHANH_SON_don-doc.txt";
const KHANH_SON_KEPT: &str = "2026-Q1_X_KHANH_SON_don-doc (bản sửa tay).txt";

/// `bdg --lang LANG remind` of 2026-Q1 as of `as_of` for `reports` into `out`: exit code and
/// stderr.
fn remind(lang: &str, reports: &Path, as_of: &str, out: &Path) -> (i32, String) {
    remind_with(
        &["--lang", lang],
        (PLAN_2026, "2026-Q1", as_of),
        reports,
        out,
    )
}

/// A copy of the example reports in `dir`, without the files named in `without`, and with
/// `extra` files (name, content).
fn reports(dir: &Path, without: &[&str], extra: &[(&str, &str)]) -> PathBuf {
    let to = dir.join("reports");
    std::fs::create_dir_all(&to).unwrap();
    for e in std::fs::read_dir(root().join("examples/reports/2026-Q1")).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap();
        if !without.iter().any(|w| *w == name) {
            std::fs::copy(&p, to.join(name)).unwrap();
        }
    }
    for (name, text) in extra {
        std::fs::write(to.join(name), text).unwrap();
    }
    to
}

/// The FNV-1a hash the folder's record gives `name`, if it names it.
fn recorded(out: &Path, name: &str) -> Option<String> {
    let text = std::fs::read_to_string(out.join(".bdg-written")).unwrap();
    (text.lines().filter(|l| !l.starts_with('#')))
        .map(|l| l.splitn(3, '\t').collect::<Vec<_>>())
        .find(|f| f[2] == name)
        .map(|f| f[1].to_string())
}

/// The line of `err` that names `name`, and the first whole number in it (every note of
/// `remind` begins with its count).
fn count_in_line_naming(err: &str, name: &str) -> (usize, String) {
    let line = err.lines().find(|l| l.contains(name));
    let line = line.unwrap_or_else(|| panic!("no line names {name}:\n{err}"));
    let n = line
        .split(|c: char| !c.is_ascii_digit())
        .find_map(|w| w.parse().ok())
        .unwrap();
    (n, line.to_string())
}

/// The kept copies in `out`: the files of a name bdg never writes.
fn copies(out: &Path) -> Vec<String> {
    let names = snapshot(out).into_keys();
    names
        .filter(|n| n.contains(" (bản sửa tay") || n.contains(" (edited"))
        .collect()
}

/// The newcomer's trial: CAT's letter signed and annotated by hand, and a note of the
/// officer's own saved under X_KHANH_SON's letter's name in the folder bdg wrote; both
/// agencies still overdue. The re-run keeps both beside the new letters byte for byte, the new
/// letters are bdg's (the record names them as they are), and one line names both copies and
/// counts 2. Run again untouched: no further copy. Then CAT sends a late report: its letter,
/// edited again, becomes the late letter, and the edited one is kept under the next number.
#[test]
fn an_edited_letter_of_an_overdue_agency_is_kept_beside_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let reps = reports(dir.path(), &[], &[]);
    let out = dir.path().join("out");
    assert_eq!(remind("vi", &reps, "20/04/2026", &out).0, 1);
    let first = snapshot(&out);
    let mut signed = first[CAT_TXT].clone();
    signed.extend_from_slice("Đã ký, chờ gửi - anh Hùng\n".as_bytes());
    std::fs::write(out.join(CAT_TXT), &signed).unwrap();
    let note = "Ghi chú của tôi: gọi điện cho xã Khánh Sơn ngày 21/4\n";
    std::fs::write(out.join(KHANH_SON_TXT), note).unwrap();

    let (code, err) = remind("vi", &reps, "20/04/2026", &out);
    assert_eq!(code, 1, "{err}");
    let after = snapshot(&out);
    assert_eq!(after[CAT_KEPT], signed);
    assert_eq!(after[KHANH_SON_KEPT].as_slice(), note.as_bytes());
    // The new letters are bdg's, as it wrote them today.
    assert_eq!(after[CAT_TXT], first[CAT_TXT]);
    for name in [CAT_TXT, KHANH_SON_TXT] {
        assert_eq!(recorded(&out, name), Some(fnv(&after[name])), "{name}");
    }
    // The copies are nobody's letters: not in the record.
    assert_eq!(recorded(&out, CAT_KEPT), None);
    let (n, line) = count_in_line_naming(&err, CAT_KEPT);
    assert_eq!(n, 2, "{line}");
    assert!(line.contains(KHANH_SON_KEPT), "{line}");
    assert_eq!(copies(&out).len(), 2);

    // Untouched since: replaced with no copy, nothing said of copies.
    let (_, err) = remind("vi", &reps, "20/04/2026", &out);
    assert_eq!(copies(&out).len(), 2);
    assert!(!err.contains("bản sửa tay"), "{err}");

    // CAT reports late; its letter was signed again meanwhile.
    std::fs::write(out.join(CAT_TXT), &signed).unwrap();
    let late = "Đơn vị,Kỳ báo cáo,Ngày báo cáo,Mã nhiệm vụ,Tình trạng\n\
                Công an tỉnh,2026-Q1,10/04/2026,IV.3.a,đang thực hiện\n";
    let reps = reports(dir.path(), &[], &[("CAT_2026-Q1.csv", late)]);
    remind("vi", &reps, "20/04/2026", &out);
    let last = snapshot(&out);
    assert_eq!(last["2026-Q1_CAT_don-doc (bản sửa tay 2).txt"], signed);
    assert_ne!(last[CAT_TXT], first[CAT_TXT], "the late letter");
    assert_eq!(recorded(&out, CAT_TXT), Some(fnv(&last[CAT_TXT])));
    assert_eq!(copies(&out).len(), 3);
}

/// In a folder bdg never wrote to (no record), every file of a letter's name is someone's:
/// the officer's note under X_KHANH_SON's letter's name is kept beside it, byte for byte.
#[test]
fn an_officers_own_file_under_an_overdue_agencys_letter_name_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let reps = reports(dir.path(), &[], &[]);
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let own = "danh bạ xã Khánh Sơn\n";
    std::fs::write(out.join(KHANH_SON_TXT), own).unwrap();
    let en_own = "phone list\n";
    std::fs::write(out.join("2026-Q1_X_KHANH_SON_reminder.txt"), en_own).unwrap();
    let (code, err) = remind("en", &reps, "20/04/2026", &out);
    assert_eq!(code, 1, "{err}");
    // In English the letter's name is `_reminder`: that one is kept as `(edited)`; the
    // officer's `_don-doc` file is not a name this run writes (kept, named as stale).
    assert_eq!(copies(&out), ["2026-Q1_X_KHANH_SON_reminder (edited).txt"]);
    let kept = &snapshot(&out)["2026-Q1_X_KHANH_SON_reminder (edited).txt"];
    assert_eq!(kept.as_slice(), en_own.as_bytes());
    let (code, err) = remind("vi", &reps, "20/04/2026", &out);
    assert_eq!(code, 1, "{err}");
    let after = snapshot(&out);
    assert_eq!(after[KHANH_SON_KEPT].as_slice(), own.as_bytes());
    assert_eq!(
        recorded(&out, KHANH_SON_TXT),
        Some(fnv(&after[KHANH_SON_TXT]))
    );
    assert_eq!(count_in_line_naming(&err, KHANH_SON_KEPT).0, 1);
    assert_eq!(copies(&out).len(), 2);
}

/// A letter bdg wrote and nobody touched is replaced with no copy, even when its content
/// changes (a later as-of date: more days late).
#[test]
fn an_untouched_letter_is_replaced_with_no_copy() {
    let dir = tempfile::tempdir().unwrap();
    let reps = reports(dir.path(), &[], &[]);
    let out = dir.path().join("out");
    remind("vi", &reps, "20/04/2026", &out);
    let first = snapshot(&out);
    let (code, err) = remind("vi", &reps, "25/04/2026", &out);
    assert_eq!(code, 1, "{err}");
    let after = snapshot(&out);
    assert!(copies(&out).is_empty(), "{err}");
    assert_eq!(after.len(), first.len());
    assert_ne!(after[CAT_TXT], first[CAT_TXT]);
    assert_eq!(recorded(&out, CAT_TXT), Some(fnv(&after[CAT_TXT])));
}

/// A folder an older bdg wrote (its marker, no record), run again with the same facts: every
/// letter there holds the very bytes the run writes, so none is copied; with other facts
/// (a later as-of date) they differ, and the copies keep them.
#[test]
fn a_folder_without_record_run_again_with_the_same_facts_makes_no_copy() {
    let dir = tempfile::tempdir().unwrap();
    let reps = reports(dir.path(), &[], &[]);
    let out = dir.path().join("out");
    remind("vi", &reps, "20/04/2026", &out);
    std::fs::remove_file(out.join(".bdg-written")).unwrap();
    let (code, err) = remind("vi", &reps, "20/04/2026", &out);
    assert_eq!(code, 1, "{err}");
    assert!(copies(&out).is_empty(), "{err}");
    std::fs::remove_file(out.join(".bdg-written")).unwrap();
    remind("vi", &reps, "25/04/2026", &out);
    assert!(
        copies(&out).contains(&CAT_KEPT.to_string()),
        "{:?}",
        copies(&out)
    );
}

/// A run in Vietnamese with SNV's report missing (SNV overdue), then one in English with it:
/// SNV's two Vietnamese letters go as an agency's no longer overdue, the nine other agencies'
/// eighteen and their list (19) as the other language's, each reason in its own line with its
/// own count. An edited SNV letter and an edited CAT letter are kept, each named in a line of
/// its own reason, apart.
#[test]
fn the_removal_notes_count_by_why_the_letters_no_longer_hold() {
    let dir = tempfile::tempdir().unwrap();
    let without_snv = reports(&dir.path().join("a"), &["SNV_2026-Q1.csv"], &[]);
    let all = reports(&dir.path().join("b"), &[], &[]);
    let out = dir.path().join("out");
    remind("vi", &without_snv, "20/04/2026", &out);
    let vi = snapshot(&out);
    assert!(vi.contains_key("2026-Q1_SNV_don-doc.txt"));

    let (code, err) = remind("en", &all, "20/04/2026", &out);
    assert_eq!(code, 1, "{err}");
    let en = snapshot(&out);
    assert!(!en.keys().any(|n| n.contains("don-doc")), "{en:?}");
    assert!(!en.contains_key("2026-Q1_SNV_reminder.txt"));
    let (gone, line_snv) = count_in_line_naming(&err, "2026-Q1_SNV_don-doc.txt");
    assert_eq!(gone, 2, "{line_snv}");
    let (gone, line_cat) = count_in_line_naming(&err, "2026-Q1_CAT_don-doc.txt");
    assert_eq!(gone, 19, "{line_cat}");
    assert_ne!(line_snv, line_cat);
    // SNV's two letters fewer, the others now in English.
    assert_eq!(en.len(), vi.len() - 2);

    // Again, with both Vietnamese letters edited before the English run.
    let out = dir.path().join("out2");
    remind("vi", &without_snv, "20/04/2026", &out);
    for name in ["2026-Q1_SNV_don-doc.txt", CAT_TXT] {
        let mut text = std::fs::read(out.join(name)).unwrap();
        text.extend_from_slice(b"\nsigned\n");
        std::fs::write(out.join(name), text).unwrap();
    }
    let (_, err) = remind("en", &all, "20/04/2026", &out);
    let en = snapshot(&out);
    assert!(en.contains_key("2026-Q1_SNV_don-doc.txt") && en.contains_key(CAT_TXT));
    let (kept, kept_snv) = count_in_line_naming(&err, "2026-Q1_SNV_don-doc.txt");
    assert_eq!(kept, 1, "{kept_snv}");
    let (gone, _) = count_in_line_naming(&err, "2026-Q1_SNV_don-doc.docx");
    assert_eq!(gone, 1);
    let (kept, kept_cat) = count_in_line_naming(&err, CAT_TXT);
    assert_eq!(kept, 1, "{kept_cat}");
    let (gone, _) = count_in_line_naming(&err, "2026-Q1_CAT_don-doc.docx");
    assert_eq!(gone, 18);
    assert_ne!(kept_snv, kept_cat);
}
