//! Writing outputs: always to a temporary file beside the target, then renamed over it, so an
//! interruption leaves the old file or the new one, never half of one.

use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;

pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |f| f.write_all(bytes).map_err(Into::into))
}

/// Like [`write_atomic`], for a writer that produces the bytes itself (a workbook saved straight
/// to the file, never held whole in memory).
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> Result<()>,
) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".bdg-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    write(tmp.as_file_mut()).with_context(|| format!("cannot write {}", path.display()))?;
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("cannot write {}", path.display()))?;
    // The temporary file is private (0600); the output keeps the target's mode, or gets the
    // usual 0644 of a new file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map(|m| m.permissions().mode() & 0o7777)
            .unwrap_or(0o644);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .with_context(|| format!("cannot set the permissions of {}", path.display()))?;
    }
    tmp.persist(path)
        .with_context(|| format!("cannot replace {}", path.display()))?;
    Ok(())
}

/// Why [`read_limited`] gave no bytes.
#[derive(Debug)]
pub enum ReadLimited {
    /// A device, FIFO or socket (named by kind): never opened, since reading one may never end.
    NotAFile(&'static str),
    /// More than the limit: at least `bytes` (counted while reading, not from metadata, which
    /// says 0 for `/dev/zero`).
    TooLarge {
        bytes: u64,
    },
    Io(std::io::Error),
}

/// The kind of a file that is not a regular file, or `None` for a regular one.
pub fn special_kind(ty: std::fs::FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ty.is_fifo() {
            return Some("FIFO");
        } else if ty.is_socket() {
            return Some("socket");
        } else if ty.is_char_device() || ty.is_block_device() {
            return Some("device");
        }
    }
    if ty.is_dir() {
        Some("directory")
    } else if ty.is_file() {
        None
    } else {
        Some("special")
    }
}

/// Reads a regular file (links followed), at most `max` bytes: the limit is enforced on the
/// bytes read, so a file that grows, or lies about its size, still stops there.
pub fn read_limited(path: &Path, max: u64) -> Result<Vec<u8>, ReadLimited> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(ReadLimited::Io)?;
    if let Some(kind) = special_kind(meta.file_type()) {
        return Err(ReadLimited::NotAFile(kind));
    }
    if meta.len() > max {
        return Err(ReadLimited::TooLarge { bytes: meta.len() });
    }
    let file = std::fs::File::open(path).map_err(ReadLimited::Io)?;
    // The file opened may not be the one looked at (a swap in between): look again.
    let opened = file.metadata().map_err(ReadLimited::Io)?;
    if let Some(kind) = special_kind(opened.file_type()) {
        return Err(ReadLimited::NotAFile(kind));
    }
    let mut bytes = Vec::with_capacity(opened.len().min(max) as usize);
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadLimited::Io)?;
    if bytes.len() as u64 > max {
        return Err(ReadLimited::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// The file that marks a folder as bdg's outputs: report searches skip such folders.
pub const OUTPUT_MARKER: &str = ".bdg-output";

/// Makes sure `dir` exists, is a directory we can write into, and is marked as bdg's outputs
/// (so that a later search for reports does not read bdg's own workbook or letters).
pub fn ensure_dir(dir: &Path) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        anyhow::bail!("{} exists and is not a directory", dir.display());
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let marker = dir.join(OUTPUT_MARKER);
    if !marker.exists() {
        write_atomic(
            &marker,
            "bdg writes its outputs here; when it searches folders for reports it skips this one.\n".as_bytes(),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
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
