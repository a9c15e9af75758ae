//! Output folders: making them, marking and locking them for one run, sweeping a killed run's
//! temporary files.

use super::{FsError, FsOp, TEMP_PREFIX, TEMP_SUFFIX};
use anyhow::Result;
use std::io::Write;
use std::path::Path;

/// Makes sure `dir` exists and is a directory, without marking or locking it: for files meant
/// to travel (templates are zipped and mailed to agencies, and come back into folders bdg
/// searches). Leftover temporary files of a killed run are removed.
pub fn ensure_plain_dir(dir: &Path) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        return Err(FsError::err(FsOp::NotADir, dir, None));
    }
    std::fs::create_dir_all(dir).map_err(|e| FsError::err(FsOp::CreateDir, dir, e))?;
    remove_leftovers(dir);
    Ok(())
}

/// The file that marks a folder as bdg's outputs: report searches skip such folders.
pub const OUTPUT_MARKER: &str = ".bdg-output";

/// How long a run waits for another run's lock on the same folder, unless
/// `BDG_LOCK_WAIT_SECS` says otherwise.
pub const LOCK_WAIT_SECS: u64 = 60;

/// An output folder held for one run: its lock is released when this is dropped (or the
/// process ends, however it ends).
#[derive(Debug)]
pub struct OutDir {
    _lock: std::fs::File,
    marked: bool,
}

impl OutDir {
    /// Whether the folder was already marked as bdg's outputs before this run (a folder this
    /// run made, or one of other files, was not: nothing there is an earlier run's).
    pub fn was_marked(&self) -> bool {
        self.marked
    }
}

/// Makes sure `dir` exists, is a directory we can write into, and is marked as bdg's outputs
/// (so that a later search for reports does not read bdg's own workbook or letters); takes the
/// folder's lock (waiting up to [`LOCK_WAIT_SECS`] for another run), then removes the
/// temporary files a killed run left behind.
pub fn ensure_dir(dir: &Path) -> Result<OutDir> {
    if dir.exists() && !dir.is_dir() {
        return Err(FsError::err(FsOp::NotADir, dir, None));
    }
    std::fs::create_dir_all(dir).map_err(|e| FsError::err(FsOp::CreateDir, dir, e))?;
    let (lock, created) = lock(dir)?;
    remove_leftovers(dir);
    Ok(OutDir {
        _lock: lock,
        marked: !created,
    })
}

/// Locks the folder's marker, creating it first if needed. The marker is created in place,
/// never replaced: a lock on a file that another run renamed away would lock nothing. Says
/// whether this run created the marker.
fn lock(dir: &Path) -> Result<(std::fs::File, bool)> {
    let marker = dir.join(OUTPUT_MARKER);
    let created = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&marker)
    {
        Ok(mut f) => f
            .write_all(
                "bdg writes its outputs here; when it searches folders for reports it skips this one.\n"
                    .as_bytes(),
            )
            .map(|()| true)
            .map_err(|e| FsError::err(FsOp::Write, &marker, e))?,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => false,
        Err(e) => return Err(FsError::err(FsOp::Write, &marker, e)),
    };
    let file = std::fs::File::open(&marker).map_err(|e| FsError::err(FsOp::Write, &marker, e))?;
    let wait = std::env::var("BDG_LOCK_WAIT_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(LOCK_WAIT_SECS);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(wait);
    loop {
        match file.try_lock() {
            Ok(()) => return Ok((file, created)),
            Err(std::fs::TryLockError::WouldBlock) if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(FsError::err(FsOp::Locked, dir, None))
            }
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(FsError::err(FsOp::CreateTemp, dir, e))
            }
        }
    }
}

/// Removes bdg's own temporary files in `dir` (`.bdg-*.tmp`): with the folder's lock held, no
/// run is writing them, so they are a killed run's leftovers.
fn remove_leftovers(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        let is_file = e.file_type().is_ok_and(|t| t.is_file());
        if is_file && name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}
