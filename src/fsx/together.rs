//! Outputs that go in place together (the workbook, the Word report and its text; the
//! reminder letters and their list), and the stale outputs of an earlier run that go with
//! them: all of it, or none. A rename the system refuses (on Windows, a report open in Word)
//! must not leave a new workbook beside old reports, nor new letters beside old ones.
//!
//! Every new file is first synced to the disk (all of them, several at a time: see
//! `write::sync_all`). Each old file then gets a second name beside it, a hard link (or, where the file system
//! has none, a copy): `.bdg-old-XXXXXX.tmp`. Then the new files are renamed over the old ones,
//! one by one, each rename atomic, so at every instant each target holds a whole file, old or
//! new; then the stale files are removed (their content stays under the second name). When a
//! step is refused, the targets already done get their old file back from its second name
//! (again by an atomic rename), and a target that had none loses the new file. The second
//! names are removed at the end, and, being bdg's temporary files, by the next run in that
//! folder if a crash left one.
//!
//! No file is held open here: a [`Pending`] output is a closed temporary file known by its
//! path, and a second name is a link or a closed copy. A national cycle's reminders are two
//! files for each of thousands of agencies; one open handle each would pass the usual limit of
//! 1,024 open files long before the commit.

use super::{unchanged, FsError, FsOp, Pending, TEMP_SUFFIX};
use anyhow::Result;
use std::path::{Path, PathBuf};
use tempfile::{NamedTempFile, TempPath};

/// Puts every output in place, or none (see the module's note).
pub fn commit_together(outputs: Vec<Pending>) -> Result<()> {
    commit_and_remove(outputs, &[])
}

/// Puts every output in place and removes the `stale` files (an earlier run's outputs that
/// this run replaces by nothing), or does none of it (see the module's note). A stale path
/// that is no longer a file is left alone.
pub fn commit_and_remove(outputs: Vec<Pending>, stale: &[PathBuf]) -> Result<()> {
    commit_with(outputs, stale, &mut System)
}

/// The steps of a commit that the system may refuse: the system's own, or, in tests, some
/// refused on purpose.
pub(crate) trait Steps {
    fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()>;
    fn remove(&mut self, path: &Path) -> std::io::Result<()>;
}

/// The system's renames and removals.
struct System;

impl Steps for System {
    fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::rename(from, to)
    }
    fn remove(&mut self, path: &Path) -> std::io::Result<()> {
        std::fs::remove_file(path)
    }
}

/// A target, its new file (none for a stale file, which goes) and its old file's second name
/// (none where there was no old file).
struct Target {
    path: PathBuf,
    new: Option<TempPath>,
    old: Option<TempPath>,
}

/// [`commit_and_remove`] with its steps given, so that a refusal can be tested.
pub(crate) fn commit_with(
    outputs: Vec<Pending>,
    stale: &[PathBuf],
    steps: &mut dyn Steps,
) -> Result<()> {
    super::write::sync_all(&outputs).map_err(unchanged)?;
    let mut targets = Vec::with_capacity(outputs.len() + stale.len());
    for p in outputs {
        let old = keep_old(&p.path, FsOp::Replace).map_err(unchanged)?;
        targets.push(Target {
            path: p.path,
            new: Some(p.tmp),
            old,
        });
    }
    for path in stale {
        let old = keep_old(path, FsOp::Remove).map_err(unchanged)?;
        // Nothing there any more (or not a file): nothing to remove.
        if old.is_some() {
            let path = path.clone();
            targets.push(Target {
                path,
                new: None,
                old,
            });
        }
    }
    for i in 0..targets.len() {
        let t = &mut targets[i];
        let (op, refused) = match t.new.take() {
            Some(new) => (FsOp::Replace, put_in(new, &t.path, steps)),
            None => (FsOp::Remove, steps.remove(&t.path)),
        };
        if let Err(e) = refused {
            let first = FsError::new(op, &t.path, e);
            return Err(match put_back(&mut targets[..i], steps) {
                Ok(()) => unchanged(first.into()),
                // Both said: the refusal, and what its undoing could not put back.
                Err(mut undo) => {
                    undo.started_by = Some(Box::new(first));
                    undo.into()
                }
            });
        }
    }
    // The second names are removed, several at a time (see `write::on_threads`); one that
    // cannot be is a temporary file the next run in this folder removes.
    let olds: Vec<TempPath> = targets.into_iter().filter_map(|t| t.old).collect();
    let _ = super::write::on_threads(olds, |old| {
        let _ = old.close();
        Ok(())
    });
    Ok(())
}

/// Renames a new file over its target; refused, the new file is removed.
fn put_in(new: TempPath, target: &Path, steps: &mut dyn Steps) -> std::io::Result<()> {
    // Kept: once renamed, its temporary name is no longer its own to remove.
    let tmp = new.keep().map_err(|e| e.error)?;
    steps.rename(&tmp, target).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// A second name for the file at `target`, if there is one: a hard link, else a copy. A
/// symbolic link standing there is kept as a link (a hard link to the link itself, or, where
/// that is refused, the same link made again), so that a commit undone puts the link back,
/// never a copy of the file it points to (that file is never touched). Without a second
/// name, the target is not replaced (or removed, as `op` says).
fn keep_old(target: &Path, op: FsOp) -> Result<Option<TempPath>> {
    let link = match std::fs::symlink_metadata(target) {
        Ok(m) if m.is_file() => false,
        Ok(m) if m.file_type().is_symlink() => true,
        // Nothing there (or a folder, refused before any commit): nothing to keep.
        _ => return Ok(None),
    };
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
    let again = |p: &Path| relink(target, p);
    let copy = |p: &Path| std::fs::copy(target, p).map(drop);
    let other: &dyn Fn(&Path) -> std::io::Result<()> = if link { &again } else { &copy };
    named(&|p| std::fs::hard_link(target, p))
        .or_else(|_| named(other))
        .map(Some)
        .map_err(|e| FsError::err(op, target, e))
}

/// The symbolic link at `link` made again at the free name `at`.
#[cfg(unix)]
fn relink(link: &Path, at: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(std::fs::read_link(link)?, at)
}

/// Elsewhere a link that cannot be given a second name is not replaced.
#[cfg(not(unix))]
fn relink(_link: &Path, _at: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

/// Undoes a commit that could not finish: the targets already done get their old file back,
/// or lose the new one where there was none. A step refused here is the error: where that old
/// content stays (its second name is then kept, not removed), or which new file stays.
fn put_back(done: &mut [Target], steps: &mut dyn Steps) -> Result<(), FsError> {
    let mut first_failure: Option<(FsOp, PathBuf, std::io::Error)> = None;
    for t in done.iter_mut().rev() {
        let Some(mut old) = t.old.take() else {
            // No old file: the new one goes.
            if let Err(e) = steps.remove(&t.path) {
                first_failure.get_or_insert((FsOp::LeftNew, t.path.clone(), e));
            }
            continue;
        };
        // Kept, not removed, whether it goes back (it is then the target) or not.
        old.disable_cleanup(true);
        let second = old.to_path_buf();
        if let Err(e) = steps.rename(&second, &t.path) {
            let kept = out_of_the_sweep(second, &t.path, steps);
            first_failure.get_or_insert((FsOp::KeptAside, kept, e));
        }
    }
    match first_failure {
        Some((op, path, e)) => Err(FsError::new(op, &path, e)),
        None => Ok(()),
    }
}

/// An old file that could not go back is moved where no later run's sweep of temporary files
/// would remove it: `NAME.bdg-old` beside its target (where that name is free), else left
/// under its second name. Returns where it is.
fn out_of_the_sweep(second: PathBuf, target: &Path, steps: &mut dyn Steps) -> PathBuf {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let kept = target.with_file_name(format!("{name}.bdg-old"));
    if std::fs::symlink_metadata(&kept).is_err() && steps.rename(&second, &kept).is_ok() {
        return kept;
    }
    second
}

#[cfg(test)]
pub(crate) mod tests;
