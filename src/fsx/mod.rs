//! Writing outputs: always to a temporary file beside the target, then renamed over it, so an
//! interruption leaves the old file or the new one, never half of one.
//!
//! `error.rs` holds the error and its messages, `write.rs` the atomic writing of one output,
//! `together.rs` several outputs put in place together, `read.rs` reading with a limit, and
//! `outdir.rs` the output folder's marker, lock and sweep, `record.rs` the record of the files
//! a run wrote there (so that a later run removes only those, unchanged), `keep.rs` a copy
//! of a file changed by hand kept beside it before bdg writes over it.

mod error;
mod keep;
mod outdir;
mod read;
mod record;
mod together;
mod write;

pub use error::{io_reason, unchanged, FsError, FsOp};
pub use keep::{keep_copy, kept_name};
pub use outdir::{ensure_dir, ensure_plain_dir, OutDir, LOCK_WAIT_SECS, OUTPUT_MARKER};
pub use read::{read_limited, special_kind, ReadLimited};
pub use record::{Stamp, Written, WRITTEN_RECORD};
pub use together::{commit_and_remove, commit_together};
#[cfg(test)]
pub(crate) use together::{commit_with, tests::Refusing};
pub use write::{check_replaceable, write_atomic, write_failed, write_pending, Latch, Pending};

/// bdg's temporary files: `.bdg-XXXXXX.tmp` beside their target.
const TEMP_PREFIX: &str = ".bdg-";
const TEMP_SUFFIX: &str = ".tmp";
