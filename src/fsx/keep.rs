//! A copy of a file someone else made or changed, kept beside it before bdg writes over it:
//! `NAME (bản sửa tay).EXT` (`(edited)` in English), numbered where that name is taken
//! (`NAME (bản sửa tay 2).EXT`). bdg writes no file of such a name, and its search for an
//! earlier run's stale files only looks at its own names, so the copy is never replaced nor
//! removed by a later run.
//!
//! The copy is written to a temporary file, synced, then given its name only where that name
//! is free (never over a file), so a copy is whole or absent.

use super::{FsError, FsOp, Pending};
use anyhow::Result;
use std::path::{Path, PathBuf};

/// The name beside `path` for a kept copy, tagged `tag`, numbered `n` (1: no number).
pub fn kept_name(path: &Path, tag: &str, n: u32) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s.to_string(), format!(".{e}")),
        _ => (name.to_string(), String::new()),
    };
    let tag = if n > 1 {
        format!("{tag} {n}")
    } else {
        tag.to_string()
    };
    path.with_file_name(format!("{stem} ({tag}){ext}"))
}

/// Copies the file at `path` to the first free name `kept_name(path, tag, n)` beside it, and
/// returns that name. Refused (the file cannot be read, no copy can be written), nothing is
/// left but the copies of earlier calls.
pub fn keep_copy(path: &Path, tag: &str) -> Result<PathBuf> {
    let pending = super::write_pending(path, |f| {
        let mut from =
            std::fs::File::open(path).map_err(|e| FsError::err(FsOp::KeepCopy, path, e))?;
        std::io::copy(&mut from, f)?;
        Ok(())
    })?;
    super::write::sync_all(std::slice::from_ref(&pending))?;
    let Pending { mut tmp, .. } = pending;
    for n in 1..=1000 {
        let to = kept_name(path, tag, n);
        if std::fs::symlink_metadata(&to).is_ok() {
            continue;
        }
        match tmp.persist_noclobber(&to) {
            Ok(()) => return Ok(to),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => tmp = e.path,
            Err(e) => return Err(FsError::err(FsOp::KeepCopy, path, e.error)),
        }
    }
    let taken = std::io::Error::from(std::io::ErrorKind::AlreadyExists);
    Err(FsError::err(FsOp::KeepCopy, path, taken))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_goes_to_the_first_free_name_byte_for_byte() {
        let dir = tempfile::tempdir().unwrap();
        let letter = dir.path().join("2026-Q1_CAT_don-doc.txt");
        std::fs::write(&letter, "thư đã ký\n").unwrap();
        let first = keep_copy(&letter, "bản sửa tay").unwrap();
        assert_eq!(
            first,
            dir.path().join("2026-Q1_CAT_don-doc (bản sửa tay).txt")
        );
        std::fs::write(&letter, "lần hai").unwrap();
        let second = keep_copy(&letter, "bản sửa tay").unwrap();
        assert_eq!(
            second,
            dir.path().join("2026-Q1_CAT_don-doc (bản sửa tay 2).txt")
        );
        assert_eq!(std::fs::read(&first).unwrap(), "thư đã ký\n".as_bytes());
        assert_eq!(std::fs::read(&second).unwrap(), "lần hai".as_bytes());
        // No temporary file is left.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3);
        assert_eq!(
            kept_name(Path::new("a/list"), "edited", 3),
            Path::new("a/list (edited 3)")
        );
    }
}
