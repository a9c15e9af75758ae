//! Writing outputs: always to a temporary file beside the target, then renamed over it, so an
//! interruption leaves the old file or the new one, never half of one.

mod together;
pub use together::commit_together;

use crate::lang::Lang;
use anyhow::Result;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What bdg was doing to a file when the system said no.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FsOp {
    CreateTemp,
    Write,
    Permissions,
    Replace,
    CreateDir,
    NotADir,
    /// Another bdg run holds the output folder's lock.
    Locked,
    /// An output could not be put back as it was after another was refused: the path is
    /// where its old content is kept (see `together.rs`).
    KeptAside,
}

/// A file-system failure with its data: the operation, the path, the system's error. Printed
/// in the user's language by [`FsError::message`].
#[derive(Debug)]
pub struct FsError {
    pub op: FsOp,
    pub path: PathBuf,
    pub source: Option<std::io::Error>,
}

impl FsError {
    fn err(op: FsOp, path: &Path, source: impl Into<Option<std::io::Error>>) -> anyhow::Error {
        anyhow::Error::new(FsError {
            op,
            path: path.to_path_buf(),
            source: source.into(),
        })
    }

    pub fn message(&self, lang: Lang) -> String {
        let p = crate::text::for_message(&self.path.display().to_string());
        let what = match self.op {
            FsOp::CreateTemp => lang
                .pick(
                    &format!("không tạo được tệp tạm trong {p}"),
                    &format!("cannot create a temporary file in {p}"),
                )
                .to_string(),
            FsOp::Write => lang
                .pick(&format!("không ghi được {p}"), &format!("cannot write {p}"))
                .to_string(),
            FsOp::Permissions => lang
                .pick(
                    &format!("không đặt được quyền của {p}"),
                    &format!("cannot set the permissions of {p}"),
                )
                .to_string(),
            FsOp::Replace => lang
                .pick(
                    &format!("không thay được {p}"),
                    &format!("cannot replace {p}"),
                )
                .to_string(),
            FsOp::CreateDir => lang
                .pick(
                    &format!("không tạo được thư mục {p}"),
                    &format!("cannot create the folder {p}"),
                )
                .to_string(),
            FsOp::NotADir => lang
                .pick(
                    &format!("{p} đã có và không phải thư mục"),
                    &format!("{p} exists and is not a folder"),
                )
                .to_string(),
            FsOp::Locked => lang
                .pick(
                    &format!("một lần chạy bdg khác đang ghi vào {p}; chờ nó xong rồi chạy lại"),
                    &format!("another bdg run is writing into {p}; run again when it is done"),
                )
                .to_string(),
            FsOp::KeptAside => lang
                .pick(
                    &format!("không đưa được tệp cũ về chỗ; nội dung cũ còn ở {p}"),
                    &format!("could not put an old output back; its old content is kept as {p}"),
                )
                .to_string(),
        };
        match &self.source {
            Some(e) => format!("{what}: {}", io_reason(e, lang)),
            None => what,
        }
    }
}

/// The system's reason, in Vietnamese for the common ones.
pub fn io_reason(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let vi = match e.kind() {
        K::StorageFull => "hết chỗ trên đĩa",
        K::PermissionDenied => "không có quyền",
        K::NotFound => "không tìm thấy",
        K::ReadOnlyFilesystem => "ổ đĩa chỉ đọc",
        K::AlreadyExists => "đã có",
        K::InvalidFilename => "tên tệp không hợp lệ hoặc quá dài",
        K::NotADirectory => "một phần của đường dẫn là tệp, không phải thư mục",
        K::IsADirectory => "là thư mục, không phải tệp",
        K::DirectoryNotEmpty => "thư mục không trống",
        K::FileTooLarge => "tệp quá lớn",
        K::QuotaExceeded => "vượt hạn mức dung lượng",
        K::ResourceBusy => "tệp hoặc thư mục đang được dùng",
        K::CrossesDevices => "không chuyển được giữa hai ổ đĩa",
        K::TimedOut => "hết thời gian chờ",
        K::Interrupted => "bị ngắt",
        K::InvalidData => "dữ liệu không hợp lệ",
        K::UnexpectedEof => "tệp bị cắt cụt",
        _ => "",
    };
    match (lang, e.raw_os_error()) {
        (Lang::Vi, _) if !vi.is_empty() => vi.to_string(),
        // No Vietnamese word for it: the system's code, never its English sentence.
        (Lang::Vi, Some(code)) => format!("lỗi hệ thống (mã {code})"),
        (Lang::Vi, None) => "lỗi hệ thống".to_string(),
        _ => e.to_string(),
    }
}

impl std::fmt::Display for FsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for FsError {}

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

/// An output written whole to its temporary file beside its target, synced, not yet in place.
/// [`Pending::commit`] renames it over the target; dropped, it is removed. Outputs that belong
/// together (a workbook and its reports) are all written first and committed after, so that a
/// failure in one leaves every one of them as it was.
pub struct Pending {
    tmp: tempfile::NamedTempFile,
    path: PathBuf,
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
        tmp,
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

/// bdg's temporary files: `.bdg-XXXXXX.tmp` beside their target.
const TEMP_PREFIX: &str = ".bdg-";
const TEMP_SUFFIX: &str = ".tmp";

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

/// How long a run waits for another run's lock on the same folder, unless
/// `BDG_LOCK_WAIT_SECS` says otherwise.
pub const LOCK_WAIT_SECS: u64 = 60;

/// An output folder held for one run: its lock is released when this is dropped (or the
/// process ends, however it ends).
#[derive(Debug)]
pub struct OutDir {
    _lock: std::fs::File,
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
    let lock = lock(dir)?;
    remove_leftovers(dir);
    Ok(OutDir { _lock: lock })
}

/// Locks the folder's marker, creating it first if needed. The marker is created in place,
/// never replaced: a lock on a file that another run renamed away would lock nothing.
fn lock(dir: &Path) -> Result<std::fs::File> {
    let marker = dir.join(OUTPUT_MARKER);
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&marker)
    {
        Ok(mut f) => f
            .write_all(
                "bdg writes its outputs here; when it searches folders for reports it skips this one.\n"
                    .as_bytes(),
            )
            .map_err(|e| FsError::err(FsOp::Write, &marker, e))?,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(FsError::err(FsOp::Write, &marker, e)),
    }
    let file = std::fs::File::open(&marker).map_err(|e| FsError::err(FsOp::Write, &marker, e))?;
    let wait = std::env::var("BDG_LOCK_WAIT_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(LOCK_WAIT_SECS);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(wait);
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
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
