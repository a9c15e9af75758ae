//! The error of a file-system operation, with its data, and its message in the user's language.

use crate::lang::Lang;
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
    /// A stale output of an earlier run could not be removed.
    Remove,
    /// An output could not be put back as it was after another was refused: the path is
    /// where its old content is kept (see `together.rs`).
    KeptAside,
    /// A new output (where there was none) could not be taken away after another was
    /// refused: the path is that new output, still there.
    LeftNew,
    /// A file changed by hand (or not bdg's) could not be copied beside it before bdg wrote
    /// over it (see `keep.rs`): the path is that file, left as it was.
    KeepCopy,
}

/// A file-system failure with its data: the operation, the path, the system's error. Printed
/// in the user's language by [`FsError::message`].
#[derive(Debug)]
pub struct FsError {
    pub op: FsOp,
    pub path: PathBuf,
    pub source: Option<std::io::Error>,
    /// Every output is as it was: nothing written, replaced or removed (see [`unchanged`]).
    pub unchanged: bool,
    /// For a failure while undoing a commit ([`FsOp::KeptAside`], [`FsOp::LeftNew`]): the
    /// refusal that started the undo (which output, why). Its message comes first.
    pub started_by: Option<Box<FsError>>,
}

/// Marks a file-system error as one after which every output is as it was (a failure while
/// outputs that go together were being written, or a commit refused and undone): its message
/// says so. Any other error is returned as it is.
pub fn unchanged(mut e: anyhow::Error) -> anyhow::Error {
    if let Some(fs) = e.downcast_mut::<FsError>() {
        fs.unchanged = true;
    }
    e
}

impl FsError {
    pub(super) fn err(
        op: FsOp,
        path: &Path,
        source: impl Into<Option<std::io::Error>>,
    ) -> anyhow::Error {
        anyhow::Error::new(FsError::new(op, path, source))
    }

    /// The failure of `op` on `path`, the system's error `source`.
    pub(super) fn new(op: FsOp, path: &Path, source: impl Into<Option<std::io::Error>>) -> FsError {
        FsError {
            op,
            path: path.to_path_buf(),
            source: source.into(),
            unchanged: false,
            started_by: None,
        }
    }

    /// The message, in `lang`: what failed and why (for a failure while undoing a commit, the
    /// refusal that started the undo, then what could not be undone), then what to do about a
    /// file open in another program, once.
    pub fn message(&self, lang: Lang) -> String {
        let this = self.with_reason(self.what(lang), lang);
        let said = match &self.started_by {
            Some(first) => format!(
                "{}; {} {this}",
                first.with_reason(first.what(lang), lang),
                lang.pick("khi hoàn tác:", "then, undoing it:")
            ),
            None => this,
        };
        let open =
            self.open_elsewhere() || self.started_by.as_ref().is_some_and(|f| f.open_elsewhere());
        match open {
            true => format!(
                "{said}. {}",
                lang.pick(
                    "Nếu tệp đang mở trong Excel hoặc Word, hãy đóng lại rồi chạy lại",
                    "If the file is open in Excel or Word, close it and run again"
                )
            ),
            false => said,
        }
    }

    /// What failed, without the system's reason.
    fn what(&self, lang: Lang) -> String {
        let p = crate::text::for_message(&self.path.display().to_string());
        match self.op {
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
            FsOp::Remove => lang
                .pick(
                    &format!("không xoá được {p}"),
                    &format!("cannot remove {p}"),
                )
                .to_string(),
            FsOp::KeepCopy => lang
                .pick(
                    &format!("không chép được {p} ra bản bên cạnh trước khi ghi đè; tệp vẫn như cũ"),
                    &format!("cannot copy {p} beside it before writing over it; it is left as it was"),
                )
                .to_string(),
            FsOp::LeftNew => lang
                .pick(
                    &format!("một tệp khác bị từ chối và không gỡ được tệp mới {p}; tệp này vẫn còn"),
                    &format!("another output was refused and the new {p} could not be taken away; it is still there"),
                )
                .to_string(),
            FsOp::KeptAside => lang
                .pick(
                    &format!("không đưa được tệp cũ về chỗ; nội dung cũ còn ở {p}"),
                    &format!("could not put an old output back; its old content is kept as {p}"),
                )
                .to_string(),
        }
    }

    /// `what` failed, then the system's reason and whether anything changed.
    fn with_reason(&self, what: String, lang: Lang) -> String {
        let what = match &self.source {
            Some(e) => format!("{what}: {}", io_reason(e, lang)),
            None => what,
        };
        match self.unchanged {
            true => format!(
                "{what}; {}",
                lang.pick("không tệp nào bị thay đổi", "nothing was changed")
            ),
            false => what,
        }
    }

    /// An output refused its replacement or removal the way a file open in another program is
    /// (on Windows, a workbook open in Excel): denied, busy, or shared.
    fn open_elsewhere(&self) -> bool {
        use std::io::ErrorKind as K;
        /// Windows' ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION.
        const SHARED: [i32; 2] = [32, 33];
        let replacing = matches!(self.op, FsOp::Replace | FsOp::Remove | FsOp::KeptAside);
        let refused = self.source.as_ref().is_some_and(|e| {
            matches!(e.kind(), K::PermissionDenied | K::ResourceBusy)
                || (cfg!(windows) && e.raw_os_error().is_some_and(|c| SHARED.contains(&c)))
        });
        replacing && refused
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Error, ErrorKind as K};

    #[test]
    fn a_refused_replacement_is_told_it_may_be_a_file_open_elsewhere() {
        let path = Path::new("out/a.xlsx");
        let told = |op, e: Option<Error>| {
            let e = FsError::err(op, path, e);
            e.downcast_ref::<FsError>().unwrap().open_elsewhere()
        };
        assert!(told(FsOp::Replace, Some(Error::from(K::PermissionDenied))));
        assert!(told(FsOp::Remove, Some(Error::from(K::ResourceBusy))));
        assert!(!told(FsOp::Replace, Some(Error::from(K::StorageFull))));
        assert!(!told(FsOp::Write, Some(Error::from(K::PermissionDenied))));
        assert!(!told(FsOp::Locked, None));
    }
}
