//! Outputs that go in place together (the workbook, the Word report and its text): all of
//! them, or none. A rename the system refuses (on Windows, a report open in Word) must not
//! leave a new workbook beside old reports.
//!
//! The old files are first moved aside, each to a hidden name beside it; only when every one
//! has moved are the new ones renamed into place; then the old ones are removed. When any step
//! is refused, what was done is undone, in reverse: the new files placed are taken away and
//! the old ones moved back, and the error names the file refused.

use super::{FsError, FsOp, Pending};
use anyhow::Result;
use std::path::{Path, PathBuf};

/// Puts every output in place, or none (see the module's note).
pub fn commit_together(outputs: Vec<Pending>) -> Result<()> {
    commit_with(outputs, &mut |from, to| std::fs::rename(from, to))
}

/// An old file moved aside: where it was, and where it is.
struct Aside {
    target: PathBuf,
    old: PathBuf,
}

/// [`commit_together`] with the rename it uses given, so that a refusal can be tested.
fn commit_with(
    outputs: Vec<Pending>,
    rename: &mut dyn FnMut(&Path, &Path) -> std::io::Result<()>,
) -> Result<()> {
    let mut aside: Vec<Aside> = Vec::new();
    for p in &outputs {
        if std::fs::symlink_metadata(&p.path).is_err() {
            continue;
        }
        let old = aside_name(&p.path);
        if let Err(e) = rename(&p.path, &old) {
            put_back(&aside, &[], rename);
            return Err(FsError::err(FsOp::Replace, &p.path, e));
        }
        aside.push(Aside {
            target: p.path.clone(),
            old,
        });
    }
    let mut placed: Vec<PathBuf> = Vec::new();
    for p in outputs {
        let (path, tmp) = (p.path, p.tmp);
        let (file, tmp_path) = tmp
            .keep()
            .map_err(|e| FsError::err(FsOp::Replace, &path, e.error))?;
        drop(file);
        if let Err(e) = rename(&tmp_path, &path) {
            let _ = std::fs::remove_file(&tmp_path);
            put_back(&aside, &placed, rename);
            return Err(FsError::err(FsOp::Replace, &path, e));
        }
        placed.push(path);
    }
    for a in aside {
        let _ = std::fs::remove_file(a.old);
    }
    Ok(())
}

/// Undoes a commit that could not finish: the new files placed are removed, and the old ones
/// moved back where they were (best effort: a step refused here leaves the old file under its
/// hidden name beside the target, never deleted).
fn put_back(
    aside: &[Aside],
    placed: &[PathBuf],
    rename: &mut dyn FnMut(&Path, &Path) -> std::io::Result<()>,
) {
    for p in placed.iter().rev() {
        if !aside.iter().any(|a| &a.target == p) {
            let _ = std::fs::remove_file(p);
        }
    }
    for a in aside.iter().rev() {
        let _ = rename(&a.old, &a.target);
    }
}

/// The hidden name an old output waits under while the new one goes in: `.bdg-old-NAME`,
/// beside it. It does not end in `.tmp`, so a later run's sweep of temporary files never
/// deletes an old output a crash left aside.
fn aside_name(target: &Path) -> PathBuf {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    target.with_file_name(format!(".bdg-old-{}-{name}", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three outputs over three old files in `dir`: (paths, pendings).
    fn three(dir: &Path) -> (Vec<PathBuf>, Vec<Pending>) {
        let paths: Vec<PathBuf> = ["a.xlsx", "a.docx", "a.txt"]
            .iter()
            .map(|n| dir.join(n))
            .collect();
        for p in &paths {
            std::fs::write(p, b"old").unwrap();
        }
        let pending = paths
            .iter()
            .map(|p| {
                super::super::write_pending(p, |f| Ok(std::io::Write::write_all(f, b"new")?))
                    .unwrap()
            })
            .collect();
        (paths, pending)
    }

    fn contents(paths: &[PathBuf]) -> Vec<String> {
        paths
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect()
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn all_three_go_in_and_nothing_is_left_beside_them() {
        let dir = tempfile::tempdir().unwrap();
        let (paths, pending) = three(dir.path());
        commit_together(pending).unwrap();
        assert_eq!(contents(&paths), ["new", "new", "new"]);
        assert_eq!(names(dir.path()), ["a.docx", "a.txt", "a.xlsx"]);
    }

    /// Every rename refused in turn, whether moving an old file aside or a new one in: the
    /// three old files stay, byte for byte, and nothing else is left in the folder.
    #[test]
    fn a_refused_rename_at_any_step_leaves_the_three_old_files() {
        for refuse in 0..6 {
            let dir = tempfile::tempdir().unwrap();
            let (paths, pending) = three(dir.path());
            let mut n = 0;
            let mut rename = |from: &Path, to: &Path| {
                n += 1;
                if n == refuse + 1 {
                    return Err(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
                }
                std::fs::rename(from, to)
            };
            let err = commit_with(pending, &mut rename).unwrap_err();
            let fs = err.downcast_ref::<FsError>().unwrap();
            assert_eq!(fs.op, FsOp::Replace, "step {refuse}");
            assert!(
                paths.contains(&fs.path),
                "step {refuse}: {}",
                fs.path.display()
            );
            assert_eq!(contents(&paths), ["old", "old", "old"], "step {refuse}");
            assert_eq!(
                names(dir.path()),
                ["a.docx", "a.txt", "a.xlsx"],
                "step {refuse}"
            );
        }
    }

    /// Where one output is new (no old file), a refusal removes the new one placed.
    #[test]
    fn a_new_output_placed_before_a_refusal_is_taken_away() {
        let dir = tempfile::tempdir().unwrap();
        let (paths, pending) = three(dir.path());
        std::fs::remove_file(&paths[0]).unwrap();
        // Two old files aside (renames 1, 2), the new workbook in (3), the new docx refused (4).
        let mut n = 0;
        let mut rename = |from: &Path, to: &Path| {
            n += 1;
            if n == 4 {
                return Err(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
            }
            std::fs::rename(from, to)
        };
        commit_with(pending, &mut rename).unwrap_err();
        assert_eq!(names(dir.path()), ["a.docx", "a.txt"]);
        assert_eq!(contents(&paths[1..]), ["old", "old"]);
    }
}
