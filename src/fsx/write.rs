//! Writing one output atomically: a temporary file beside its target, synced, renamed over it.

use super::{FsError, FsOp, TEMP_PREFIX, TEMP_SUFFIX};
use anyhow::Result;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to a temporary file beside `path` and renames it over `path` (see
/// [`write_pending`], for a writer that produces the bytes itself).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_pending(path, |f| f.write_all(bytes).map_err(Into::into))?.commit()
}

/// The file being written, as a writer that keeps the first error to itself: a library that
/// writes and then finalises in `Drop` (a zip archive) sees success, finishes quietly instead of
/// printing its own raw line, and [`write_pending`] reports the error, in the user's
/// language.
pub struct Latch<'f> {
    file: &'f mut std::fs::File,
    error: Option<std::io::Error>,
}

impl Write for Latch<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.error.is_none() {
            if let Err(e) = self.file.write_all(buf) {
                self.error = Some(e);
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.error.is_none() {
            if let Err(e) = self.file.flush() {
                self.error = Some(e);
            }
        }
        Ok(())
    }
}

impl std::io::Seek for Latch<'_> {
    fn seek(&mut self, pos: std::io::SeekFrom) -> std::io::Result<u64> {
        self.file.seek(pos)
    }
}

/// An output written whole to its temporary file beside its target, synced and closed, not
/// yet in place. [`Pending::commit`] renames it over the target; dropped, it is removed.
/// Outputs that belong together (a workbook and its reports; the letters and their list) are
/// all written first and committed after, so that a failure in one leaves every one of them as
/// it was. Only the temporary file's path is held, never an open handle: thousands of pending
/// letters must not hold thousands of open files (see `together.rs`).
pub struct Pending {
    pub(super) tmp: tempfile::TempPath,
    pub(super) path: PathBuf,
}

impl Pending {
    /// Puts the output in place.
    pub fn commit(self) -> Result<()> {
        let path = self.path;
        self.tmp
            .persist(&path)
            .map_err(|e| FsError::err(FsOp::Replace, &path, e.error))?;
        Ok(())
    }
}

/// Refuses, before anything is written, a target that could not be replaced: a folder where the
/// file should go. Outputs that go in place together are checked first, so that one of them
/// failing at its rename does not leave the others new.
pub fn check_replaceable(path: &Path) -> Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => Err(FsError::err(
            FsOp::Replace,
            path,
            std::io::Error::from(std::io::ErrorKind::IsADirectory),
        )),
        _ => Ok(()),
    }
}

/// An output written by `write` (a workbook saved straight to the file, never held whole in
/// memory) into the temporary file of `path`, synced and given its mode, and handed back to be
/// committed.
pub fn write_pending(path: &Path, write: impl FnOnce(&mut Latch) -> Result<()>) -> Result<Pending> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(|e| FsError::err(FsOp::CreateTemp, dir, e))?;
    let mut latch = Latch {
        file: tmp.as_file_mut(),
        error: None,
    };
    // A writer that panics (a library's own temporary file on a full disk) fails this output
    // only, as an error.
    let result = crate::isolate::quietly(|| write(&mut latch))
        .unwrap_or_else(|what| Err(anyhow::anyhow!("{what}")));
    if let Some(e) = latch.error {
        return Err(FsError::err(FsOp::Write, path, e));
    }
    result.map_err(|e| write_failed(path, &e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| FsError::err(FsOp::Write, path, e))?;
    // The temporary file is private (0600); the output keeps the target's mode, or gets the
    // usual 0644 of a new file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The mode of the file it replaces (not of a link's target, nor a folder's), without
        // setuid, setgid or sticky bits.
        let mode = std::fs::symlink_metadata(path)
            .ok()
            .filter(|m| m.is_file())
            .map_or(0o644, |m| m.permissions().mode() & 0o777);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(|e| FsError::err(FsOp::Permissions, path, e))?;
    }
    Ok(Pending {
        // Closed here; the path still removes the file when dropped.
        tmp: tmp.into_temp_path(),
        path: path.to_path_buf(),
    })
}

/// A failed write of `path` in the user's language: the system's own error, when there is one
/// in `e`'s chain (a full disk), says it best; else the writer's own words.
pub fn write_failed(path: &Path, e: &anyhow::Error) -> anyhow::Error {
    let io = e
        .chain()
        .find_map(|c| c.downcast_ref::<std::io::Error>())
        .map(|io| std::io::Error::new(io.kind(), io.to_string()))
        .unwrap_or_else(|| std::io::Error::other(format!("{e:#}")));
    FsError::err(FsOp::Write, path, io)
}

#[cfg(test)]
mod tests {
    #[cfg(target_os = "linux")]
    #[test]
    fn a_full_disk_is_one_error_kept_for_the_caller() {
        use std::io::Write;
        let mut full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let mut latch = super::Latch {
            file: &mut full,
            error: None,
        };
        assert_eq!(latch.write(b"abc").unwrap(), 3);
        latch.flush().unwrap();
        let kind = latch.error.map(|e| e.kind());
        assert_eq!(kind, Some(std::io::ErrorKind::StorageFull));
    }

    #[test]
    fn replaces_atomically_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        super::write_atomic(&p, b"old").unwrap();
        super::write_atomic(&p, b"new").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(
                mode, 0o644,
                "outputs are readable by others, like any new file"
            );
        }
    }
}
