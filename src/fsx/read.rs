//! Reading a regular file with a limit on the bytes read, never a device, FIFO or socket.

use std::path::Path;

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
