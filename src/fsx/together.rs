//! Outputs that go in place together (the workbook, the Word report and its text): all of
//! them, or none. A rename the system refuses (on Windows, a report open in Word) must not
//! leave a new workbook beside old reports.
//!
//! Each old file first gets a second name beside it, a hard link (or, where the file system
//! has none, a copy): `.bdg-old-XXXXXX.tmp`. Then the new files are renamed over the old ones,
//! one by one, each rename atomic, so at every instant each target holds a whole file, old or
//! new. When a rename is refused, the targets already replaced get their old file back from
//! its second name (again by an atomic rename), and a target that had none loses the new file.
//! The second names are removed at the end, and, being bdg's temporary files, by the next run
//! in that folder if a crash left one.

use super::{FsError, FsOp, Pending, TEMP_SUFFIX};
use anyhow::Result;
use std::path::{Path, PathBuf};
use tempfile::{NamedTempFile, TempPath};

/// Puts every output in place, or none (see the module's note).
pub fn commit_together(outputs: Vec<Pending>) -> Result<()> {
    commit_with(outputs, &mut |from, to| std::fs::rename(from, to))
}

/// An output's target and its old file's second name (none where there was no old file).
struct Target {
    path: PathBuf,
    old: Option<TempPath>,
}

/// [`commit_together`] with the rename it uses given, so that a refusal can be tested.
fn commit_with(
    outputs: Vec<Pending>,
    rename: &mut dyn FnMut(&Path, &Path) -> std::io::Result<()>,
) -> Result<()> {
    let mut targets = Vec::with_capacity(outputs.len());
    for p in &outputs {
        let old = keep_old(&p.path)?;
        targets.push(Target {
            path: p.path.clone(),
            old,
        });
    }
    for (i, p) in outputs.into_iter().enumerate() {
        let refused = match p.tmp.into_temp_path().keep() {
            Ok(tmp) => rename(&tmp, &targets[i].path).inspect_err(|_| {
                let _ = std::fs::remove_file(&tmp);
            }),
            Err(e) => Err(e.error),
        };
        if let Err(e) = refused {
            put_back(&mut targets[..i], rename)?;
            return Err(FsError::err(FsOp::Replace, &targets[i].path, e));
        }
    }
    // The second names are dropped here: removed.
    Ok(())
}

/// A second name for the file at `target`, if there is one: a hard link, else a copy.
fn keep_old(target: &Path) -> Result<Option<TempPath>> {
    match std::fs::symlink_metadata(target) {
        Ok(m) if m.is_file() => {}
        // Nothing there, or a link: replaced by the new file; a link's own file is never
        // touched, so there is nothing to keep.
        _ => return Ok(None),
    }
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let named = |f: &dyn Fn(&Path) -> std::io::Result<()>| {
        tempfile::Builder::new()
            .prefix(".bdg-old-")
            .suffix(TEMP_SUFFIX)
            .make_in(dir, f)
            .map(NamedTempFile::into_temp_path)
    };
    named(&|p| std::fs::hard_link(target, p))
        .or_else(|_| named(&|p| std::fs::copy(target, p).map(drop)))
        .map(Some)
        .map_err(|e| FsError::err(FsOp::Replace, target, e))
}

/// Undoes a commit that could not finish: the targets already replaced get their old file
/// back, or lose the new one where there was none. A step refused here is the error, naming
/// where that old content stays (its second name is then kept, not removed).
fn put_back(
    done: &mut [Target],
    rename: &mut dyn FnMut(&Path, &Path) -> std::io::Result<()>,
) -> Result<()> {
    let mut first_failure: Option<(PathBuf, std::io::Error)> = None;
    for t in done.iter_mut().rev() {
        let Some(mut old) = t.old.take() else {
            // No old file: the new one goes (if it cannot, a whole new file stays; nothing old
            // is lost).
            let _ = std::fs::remove_file(&t.path);
            continue;
        };
        // Kept, not removed, whether it goes back (it is then the target) or not.
        old.disable_cleanup(true);
        let second = old.to_path_buf();
        if let Err(e) = rename(&second, &t.path) {
            let kept = out_of_the_sweep(second, &t.path, rename);
            first_failure.get_or_insert((kept, e));
        }
    }
    match first_failure {
        Some((path, e)) => Err(FsError::err(FsOp::KeptAside, &path, e)),
        None => Ok(()),
    }
}

/// An old file that could not go back is moved where no later run's sweep of temporary files
/// would remove it: `NAME.bdg-old` beside its target (where that name is free), else left
/// under its second name. Returns where it is.
fn out_of_the_sweep(
    second: PathBuf,
    target: &Path,
    rename: &mut dyn FnMut(&Path, &Path) -> std::io::Result<()>,
) -> PathBuf {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let kept = target.with_file_name(format!("{name}.bdg-old"));
    if std::fs::symlink_metadata(&kept).is_err() && rename(&second, &kept).is_ok() {
        return kept;
    }
    second
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three outputs over three old files in `dir`: (targets, pendings).
    fn three(dir: &Path) -> (Vec<PathBuf>, Vec<Pending>) {
        let paths: Vec<PathBuf> = ["a.xlsx", "a.docx", "a.txt"]
            .iter()
            .map(|n| dir.join(n))
            .collect();
        for p in &paths {
            std::fs::write(p, b"old").unwrap();
        }
        let new = |p: &PathBuf| {
            super::super::write_pending(p, |f| Ok(std::io::Write::write_all(f, b"new")?)).unwrap()
        };
        let pending = paths.iter().map(new).collect();
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

    /// A rename that refuses the calls numbered in `refused` (from 1), and does the others.
    fn refusing(refused: &'static [usize]) -> impl FnMut(&Path, &Path) -> std::io::Result<()> {
        let mut calls = 0;
        move |from, to| {
            calls += 1;
            if refused.contains(&calls) {
                return Err(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
            }
            std::fs::rename(from, to)
        }
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
    /// error names the file refused, and nothing else is left in the folder.
    #[test]
    fn a_refused_rename_leaves_the_three_old_files() {
        for (n, refused) in [(1, &[1][..]), (2, &[2]), (3, &[3])] {
            let dir = tempfile::tempdir().unwrap();
            let (paths, pending) = three(dir.path());
            let err = commit_with(pending, &mut refusing(refused)).unwrap_err();
            let fs = err.downcast_ref::<FsError>().unwrap();
            assert_eq!(
                (fs.op, &fs.path),
                (FsOp::Replace, &paths[n - 1]),
                "rename {n}"
            );
            assert_eq!(contents(&paths), ["old", "old", "old"], "rename {n}");
            assert_eq!(
                names(dir.path()),
                ["a.docx", "a.txt", "a.xlsx"],
                "rename {n}"
            );
        }
    }

    /// Where one output is new (no old file), a refusal after it removes the new one.
    #[test]
    fn a_new_output_placed_before_a_refusal_is_taken_away() {
        let dir = tempfile::tempdir().unwrap();
        let (paths, pending) = three(dir.path());
        std::fs::remove_file(&paths[0]).unwrap();
        commit_with(pending, &mut refusing(&[2])).unwrap_err();
        assert_eq!(names(dir.path()), ["a.docx", "a.txt"]);
        assert_eq!(contents(&paths[1..]), ["old", "old"]);
    }

    /// The workbook in (1), the Word report refused (2), and the workbook's old file refused
    /// its way back (3): the error says where the old workbook is kept, out of the reach of
    /// the next run's sweep (4), and it is there.
    #[test]
    fn an_old_file_that_cannot_go_back_is_named_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let (paths, pending) = three(dir.path());
        let err = commit_with(pending, &mut refusing(&[2, 3])).unwrap_err();
        let fs = err.downcast_ref::<FsError>().unwrap();
        assert_eq!(fs.op, FsOp::KeptAside);
        assert_eq!(fs.path, dir.path().join("a.xlsx.bdg-old"));
        assert_eq!(std::fs::read_to_string(&fs.path).unwrap(), "old");
        assert_eq!(contents(&paths), ["new", "old", "old"]);
        assert_eq!(
            names(dir.path()),
            ["a.docx", "a.txt", "a.xlsx", "a.xlsx.bdg-old"]
        );
    }

    /// A second name is a link to the old file's content (or a copy): a bdg temporary file
    /// that the next run's sweep removes if a crash left it.
    #[test]
    fn the_second_name_is_a_hidden_temporary_file_with_the_old_content() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.xlsx");
        std::fs::write(&target, b"old").unwrap();
        let second = keep_old(&target).unwrap().unwrap();
        let name = second.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with(".bdg-old-") && name.ends_with(TEMP_SUFFIX),
            "{name}"
        );
        assert_eq!(std::fs::read(&second).unwrap(), b"old");
        assert!(keep_old(&dir.path().join("absent")).unwrap().is_none());
    }
}
