//! `commit_together` and `commit_and_remove`: every refusal in turn, injected by [`Refusing`].

use super::*;
use crate::lang::Lang;

/// Steps that refuse the ones numbered in `refused` (from 1, renames and removals counted
/// together), and do the others. Also used by `remind`'s tests.
pub(crate) struct Refusing {
    calls: usize,
    refused: Vec<usize>,
}

impl Refusing {
    pub(crate) fn at(refused: &[usize]) -> Self {
        Refusing {
            calls: 0,
            refused: refused.to_vec(),
        }
    }

    fn next(&mut self) -> std::io::Result<()> {
        self.calls += 1;
        if self.refused.contains(&self.calls) {
            return Err(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
        }
        Ok(())
    }
}

impl Steps for Refusing {
    fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
        self.next()?;
        std::fs::rename(from, to)
    }
    fn remove(&mut self, path: &Path) -> std::io::Result<()> {
        self.next()?;
        std::fs::remove_file(path)
    }
}

fn pending(p: &Path, bytes: &[u8]) -> Pending {
    super::super::write_pending(p, |f| Ok(std::io::Write::write_all(f, bytes)?)).unwrap()
}

/// Three outputs over three old files in `dir`: (targets, pendings).
fn three(dir: &Path) -> (Vec<PathBuf>, Vec<Pending>) {
    let paths: Vec<PathBuf> = ["a.xlsx", "a.docx", "a.txt"]
        .iter()
        .map(|n| dir.join(n))
        .collect();
    for p in &paths {
        std::fs::write(p, b"old").unwrap();
    }
    let pending = paths.iter().map(|p| pending(p, b"new")).collect();
    (paths, pending)
}

fn contents(paths: &[PathBuf]) -> Vec<String> {
    let read = |p: &PathBuf| std::fs::read_to_string(p).unwrap();
    paths.iter().map(read).collect()
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// The error's file-system data: (operation, path), and whether it says nothing changed.
fn failure(err: &anyhow::Error) -> (FsOp, PathBuf, bool) {
    let fs = err.downcast_ref::<FsError>().unwrap();
    (fs.op, fs.path.clone(), fs.unchanged)
}

#[test]
fn all_three_go_in_and_nothing_is_left_beside_them() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, pending) = three(dir.path());
    commit_together(pending).unwrap();
    assert_eq!(contents(&paths), ["new", "new", "new"]);
    assert_eq!(names(dir.path()), ["a.docx", "a.txt", "a.xlsx"]);
}

/// Each of the three renames refused in turn: the three old files stay, byte for byte, the
/// error names the file refused and says that nothing changed, and nothing else is left in
/// the folder.
#[test]
fn a_refused_rename_leaves_the_three_old_files() {
    for n in 1..=3 {
        let dir = tempfile::tempdir().unwrap();
        let (paths, pending) = three(dir.path());
        let err = commit_with(pending, &[], &mut Refusing::at(&[n])).unwrap_err();
        let expected = (FsOp::Replace, paths[n - 1].clone(), true);
        assert_eq!(failure(&err), expected, "rename {n}");
        assert_eq!(contents(&paths), ["old", "old", "old"], "rename {n}");
        let left = names(dir.path());
        assert_eq!(left, ["a.docx", "a.txt", "a.xlsx"], "rename {n}");
    }
}

/// Where one output is new (no old file), a refusal after it removes the new one.
#[test]
fn a_new_output_placed_before_a_refusal_is_taken_away() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, pending) = three(dir.path());
    std::fs::remove_file(&paths[0]).unwrap();
    commit_with(pending, &[], &mut Refusing::at(&[2])).unwrap_err();
    assert_eq!(names(dir.path()), ["a.docx", "a.txt"]);
    assert_eq!(contents(&paths[1..]), ["old", "old"]);
}

/// The new output (no old file) placed (1), the next refused (2), and the new one refused its
/// removal (3): the error names it as left there, and does not say that nothing changed.
#[test]
fn a_new_output_that_cannot_be_taken_away_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, pending) = three(dir.path());
    std::fs::remove_file(&paths[0]).unwrap();
    let err = commit_with(pending, &[], &mut Refusing::at(&[2, 3])).unwrap_err();
    assert_eq!(failure(&err), (FsOp::LeftNew, paths[0].clone(), false));
    assert_eq!(contents(&paths), ["new", "old", "old"]);
}

/// The workbook in (1), the Word report refused (2), and the workbook's old file refused
/// its way back (3): the error says where the old workbook is kept, out of the reach of
/// the next run's sweep (4), and it is there.
#[test]
fn an_old_file_that_cannot_go_back_is_named_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, pending) = three(dir.path());
    let err = commit_with(pending, &[], &mut Refusing::at(&[2, 3])).unwrap_err();
    let kept = dir.path().join("a.xlsx.bdg-old");
    assert_eq!(failure(&err), (FsOp::KeptAside, kept.clone(), false));
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "old");
    assert_eq!(contents(&paths), ["new", "old", "old"]);
    assert_eq!(
        names(dir.path()),
        ["a.docx", "a.txt", "a.xlsx", "a.xlsx.bdg-old"]
    );
}

/// Two stale files beside the three outputs: they go once the three are in; a stale path that
/// is no longer there is passed over.
#[test]
fn stale_files_go_after_the_new_ones_are_in() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, pending) = three(dir.path());
    let stale = [dir.path().join("b.txt"), dir.path().join("b.docx")];
    for s in &stale {
        std::fs::write(s, b"stale").unwrap();
    }
    let gone = dir.path().join("c.txt");
    commit_and_remove(pending, &[&stale[..], &[gone]].concat()).unwrap();
    assert_eq!(contents(&paths), ["new", "new", "new"]);
    assert_eq!(names(dir.path()), ["a.docx", "a.txt", "a.xlsx"]);
}

/// Every step refused in turn, the three renames and the two removals: the old outputs and the
/// stale files stay, byte for byte, and the error names the step's file.
#[test]
fn a_refused_removal_or_rename_leaves_the_outputs_and_the_stale_files() {
    for n in 1..=5 {
        let dir = tempfile::tempdir().unwrap();
        let (paths, pending) = three(dir.path());
        let stale = vec![dir.path().join("b.txt"), dir.path().join("b.docx")];
        for s in &stale {
            std::fs::write(s, b"stale").unwrap();
        }
        let err = commit_with(pending, &stale, &mut Refusing::at(&[n])).unwrap_err();
        let all = [&paths[..], &stale[..]].concat();
        let op = if n <= 3 { FsOp::Replace } else { FsOp::Remove };
        assert_eq!(failure(&err), (op, all[n - 1].clone(), true), "step {n}");
        assert_eq!(contents(&paths), ["old", "old", "old"], "step {n}");
        assert_eq!(contents(&stale), ["stale", "stale"], "step {n}");
        let left = names(dir.path());
        let expected = ["a.docx", "a.txt", "a.xlsx", "b.docx", "b.txt"];
        assert_eq!(left, expected, "step {n}");
    }
}

/// A second name is a link to the old file's content (or a copy): a bdg temporary file
/// that the next run's sweep removes if a crash left it.
#[test]
fn the_second_name_is_a_hidden_temporary_file_with_the_old_content() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("a.xlsx");
    std::fs::write(&target, b"old").unwrap();
    let second = keep_old(&target, FsOp::Replace).unwrap().unwrap();
    let name = second.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with(".bdg-old-") && name.ends_with(TEMP_SUFFIX),
        "{name}"
    );
    assert_eq!(std::fs::read(&second).unwrap(), b"old");
    let absent = dir.path().join("absent");
    assert!(keep_old(&absent, FsOp::Replace).unwrap().is_none());
}

/// The files of this process that are open under `dir` (Linux: `/proc/self/fd`).
#[cfg(target_os = "linux")]
fn open_under(dir: &Path) -> usize {
    // As the links read: the folder's real path.
    let dir = dir.canonicalize().unwrap();
    std::fs::read_dir("/proc/self/fd")
        .unwrap()
        .filter_map(|e| std::fs::read_link(e.ok()?.path()).ok())
        .filter(|p| p.starts_with(&dir))
        .count()
}

/// A national cycle's reminders: 2,000 outputs, half over old files, written first and put in
/// place together. No output is held open between its writing and the commit (a handle each
/// would pass the usual limit of 1,024 open files); on Linux, that is counted.
#[test]
fn two_thousand_outputs_go_in_together_without_a_file_held_open() {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = (0..2000)
        .map(|i| dir.path().join(format!("{i:04}.txt")))
        .collect();
    for p in paths.iter().step_by(2) {
        std::fs::write(p, b"old").unwrap();
    }
    let pending: Vec<Pending> = paths
        .iter()
        .map(|p| pending(p, p.file_name().unwrap().as_encoded_bytes()))
        .collect();
    #[cfg(target_os = "linux")]
    assert_eq!(open_under(dir.path()), 0);
    commit_together(pending).unwrap();
    for p in &paths {
        let name = p.file_name().unwrap().as_encoded_bytes();
        assert_eq!(std::fs::read(p).unwrap(), name);
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2000);
}

/// A symbolic link where an output goes is replaced by the new file; a commit undone puts the
/// link back (pointing where it did), and the file it points to is never touched.
#[cfg(unix)]
#[test]
fn a_link_replaced_comes_back_as_a_link_when_the_commit_is_undone() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, outputs) = three(dir.path());
    let mine = dir.path().join("my-notes.txt");
    std::fs::write(&mine, b"mine").unwrap();
    std::fs::remove_file(&paths[0]).unwrap();
    std::os::unix::fs::symlink(&mine, &paths[0]).unwrap();
    // The link replaced first, the third rename refused: all undone.
    let err = commit_with(outputs, &[], &mut Refusing::at(&[3])).unwrap_err();
    assert!(failure(&err).2, "said unchanged");
    assert_eq!(std::fs::read_link(&paths[0]).unwrap(), mine);
    assert_eq!(std::fs::read(&mine).unwrap(), b"mine");
    assert_eq!(contents(&paths[1..]), ["old", "old"]);
    assert_eq!(
        names(dir.path()),
        ["a.docx", "a.txt", "a.xlsx", "my-notes.txt"]
    );
    // Let through, the new file stands where the link was; the linked file is untouched.
    commit_with(
        vec![pending(&paths[0], b"new")],
        &[],
        &mut Refusing::at(&[]),
    )
    .unwrap();
    assert!(std::fs::symlink_metadata(&paths[0]).unwrap().is_file());
    assert_eq!(std::fs::read(&mine).unwrap(), b"mine");
}

/// An undo that fails carries the refusal that started it: the Word report refused (2), and
/// then the workbook's old file refused its way back (3), or, where the workbook was new, the
/// new workbook refused its removal (3). The error names both files, with both reasons, and
/// its message, in either language, names both.
#[test]
fn an_undo_that_fails_names_the_refusal_that_started_it() {
    for new_workbook in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let (paths, pending) = three(dir.path());
        if new_workbook {
            std::fs::remove_file(&paths[0]).unwrap();
        }
        let err = commit_with(pending, &[], &mut Refusing::at(&[2, 3])).unwrap_err();
        let fs = err.downcast_ref::<FsError>().unwrap();
        let (op, left) = match new_workbook {
            false => (FsOp::KeptAside, dir.path().join("a.xlsx.bdg-old")),
            true => (FsOp::LeftNew, paths[0].clone()),
        };
        assert_eq!((fs.op, &fs.path, fs.unchanged), (op, &left, false));
        let first = fs.started_by.as_deref().expect("the first refusal");
        assert_eq!((first.op, &first.path), (FsOp::Replace, &paths[1]));
        let kind = |e: &FsError| e.source.as_ref().map(std::io::Error::kind);
        let denied = Some(std::io::ErrorKind::PermissionDenied);
        assert_eq!((kind(first), kind(fs)), (denied, denied));
        for lang in [Lang::Vi, Lang::En] {
            let message = fs.message(lang);
            for p in [&paths[1], &left] {
                let shown = crate::text::for_message(&p.display().to_string());
                assert!(message.contains(&shown), "{p:?} in {message}");
            }
            // Both refusals are denials: the advice to close the file is said once.
            let advice = lang.pick("Excel hoặc Word", "Excel or Word");
            assert_eq!(message.matches(advice).count(), 1, "{message}");
        }
    }
}
