//! The file-system edge of reading: which files, read from disk with a size limit, in parallel.

use super::{limits, read_owned, ReadOptions, Report, MAX_FILE_BYTES};
use crate::diag::Kind;
use crate::fsx::ReadLimited;
use crate::plan::Plan;
use std::path::{Path, PathBuf};

/// Reads a file from disk under the budget ([`super::limits`]): only a regular file, at most
/// [`MAX_FILE_BYTES`] counted while reading; a panic while reading it excludes that file alone.
pub fn read_path(path: &Path, plan: &Plan, opts: &ReadOptions) -> Report {
    let name = path.display().to_string();
    let bytes = match crate::fsx::read_limited(path, MAX_FILE_BYTES) {
        Ok(b) => b,
        Err(ReadLimited::Io(e)) => return unreadable(&name, &e),
        Err(ReadLimited::NotAFile(kind)) => {
            return excluded(&name, limits::not_a_file(&name, kind))
        }
        Err(ReadLimited::TooLarge { bytes }) => {
            let (mb, max_mb) = (bytes / (1024 * 1024), MAX_FILE_BYTES / (1024 * 1024));
            return Report::fail(&name, Kind::FileTooLarge { mb, max_mb });
        }
    };
    let len = bytes.len() as u64;
    // The bytes become the text read (`read_owned`): a file is not held twice.
    let mut r = isolated(&name, || read_owned(bytes, &name, plan, opts));
    r.bytes = len;
    r
}

/// Runs one file's reader, turning a panic into that file's `internal-error`.
pub(crate) fn isolated(name: &str, f: impl FnOnce() -> Report) -> Report {
    crate::isolate::quietly(f)
        .unwrap_or_else(|what| excluded(name, limits::internal_error(name, &what)))
}

/// A report excluded whole by one diagnostic.
fn excluded(name: &str, d: crate::diag::Diagnostic) -> Report {
    let mut r = Report::fail(name, d.kind.clone());
    r.diagnostics = vec![d];
    r
}

fn unreadable(name: &str, e: &std::io::Error) -> Report {
    Report::fail(
        name,
        Kind::Unreadable {
            error: e.to_string(),
            error_vi: crate::fsx::io_reason(e, crate::lang::Lang::Vi),
        },
    )
}

/// Report files under the given paths: files as named, directories searched recursively for
/// `.csv` and `.txt`, in a stable order, each file once.
///
/// Everything under `outputs` (a command's own `--out` folder, when it lies inside the reports
/// folder) is left out: bdg's workbook and letters are not agency reports.
pub fn collect(paths: &[PathBuf], outputs: Option<&Path>) -> Found {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut skipped = Vec::new();
    let outputs = outputs.and_then(|o| std::fs::canonicalize(o).ok());
    for p in paths {
        let mut found = (&mut files, &mut problems, &mut skipped);
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut found, outputs.as_deref()),
            Ok(_) => files.push(p.clone()),
            Err(e) => problems.push(unreadable(&p.display().to_string(), &e)),
        }
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| {
        let real = std::fs::canonicalize(f).unwrap_or_else(|_| f.clone());
        !outputs.as_ref().is_some_and(|o| real.starts_with(o)) && seen.insert(real)
    });
    files.shrink_to_fit();
    Found {
        files,
        problems,
        skipped,
    }
}

/// What a search for report files found: the files, the problems met (unreadable folders,
/// notes about skipped output folders holding report-like files), and every output folder of
/// bdg's it skipped (the command's own `--out` aside), report files in it or not, for `-v`.
pub struct Found {
    pub files: Vec<PathBuf>,
    pub problems: Vec<Report>,
    pub skipped: Vec<PathBuf>,
}

/// The three lists a walk fills.
type Lists<'a> = (
    &'a mut Vec<PathBuf>,
    &'a mut Vec<Report>,
    &'a mut Vec<PathBuf>,
);

fn is_report_file(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "csv" | "txt" | "xlsx" | "xlsm" | "xls" | "ods"))
        // Excel's lock files ("~$báo cáo.xlsx") and bdg's own temporary files are not reports.
        && !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("~$") || n.starts_with(".bdg-"))
}

/// `outputs`: the command's own output folder (canonical), skipped without a word.
fn walk(dir: &Path, found: &mut Lists, outputs: Option<&Path>) {
    // The entry's own type (no extra stat); `None` when the system could not say.
    let mut entries: Vec<(PathBuf, Option<std::fs::FileType>)> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(Result::ok)
            .map(|e| (e.path(), e.file_type().ok()))
            .collect(),
        Err(e) => {
            found.1.push(Report::fail(
                &dir.display().to_string(),
                Kind::UnreadableFolder {
                    error: e.to_string(),
                    error_vi: crate::fsx::io_reason(&e, crate::lang::Lang::Vi),
                },
            ));
            return;
        }
    };
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (p, ty) in entries {
        let is_dir = match ty {
            Some(t) if t.is_symlink() => {
                // Links are followed to files, never to folders: a loop would never end.
                if p.is_dir() {
                    continue;
                }
                false
            }
            Some(t) => t.is_dir(),
            None => p.is_dir() && !p.is_symlink(),
        };
        if is_dir {
            // Not into bdg's own output folders, but say so when report files lie there.
            if !p.join(crate::fsx::OUTPUT_MARKER).exists() {
                walk(&p, found, outputs);
            } else if !is_own_output(&p, outputs) {
                found.1.extend(skipped_output_folder(&p));
                found.2.push(p);
            }
        } else if is_report_file(&p) {
            // Kept for the whole run (`cmd::Sources`): without the room the join left.
            found.0.push(p.into_boxed_path().into_path_buf());
        }
    }
}

fn is_own_output(dir: &Path, outputs: Option<&Path>) -> bool {
    outputs.is_some_and(|o| std::fs::canonicalize(dir).is_ok_and(|d| d == o))
}

/// A warning for an output folder of bdg's that holds files a report could be in (a returned
/// report saved into an old output folder): which folder, how many such files, why skipped.
fn skipped_output_folder(dir: &Path) -> Option<Report> {
    let n = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| is_report_file(&e.path()) && e.path().is_file())
        .count();
    if n == 0 {
        return None;
    }
    let name = dir.display().to_string();
    let mut r = Report::new(&name);
    r.diagnostics.push(crate::diag::Diagnostic::warn(
        &name,
        crate::diag::Kind::SkippedOutputFolder {
            files: n,
            marker: crate::fsx::OUTPUT_MARKER.to_string(),
        },
    ));
    Some(r)
}

impl Report {
    /// Not a report file at all (a device, FIFO or socket named like one: `not-a-file`), never
    /// opened: skipped, not a file of an agency's excluded.
    pub fn is_skipped(&self) -> bool {
        !self.diagnostics.is_empty()
            && self
                .diagnostics
                .iter()
                .all(|d| matches!(d.kind, Kind::NotAFile { .. }))
    }

    /// Not a file but a note about a folder the search skipped (`skipped-output-folder`).
    pub fn is_folder_notice(&self) -> bool {
        !self.diagnostics.is_empty()
            && self
                .diagnostics
                .iter()
                .all(|d| d.code() == crate::diag::Code::SkippedOutputFolder)
    }
}

/// Reads many files on every core, keeping their order; `done` is called after each file (for a
/// progress bar).
pub fn read_all(
    files: &[PathBuf],
    plan: &Plan,
    opts: &ReadOptions,
    done: &(dyn Fn() + Sync),
) -> Vec<Report> {
    read_all_with(files, plan, opts, done, &|r| r)
}

/// [`read_all`], with `keep` applied to each report in its worker thread (e.g. dropping rows
/// that a command does not need, so that memory stays bounded).
pub fn read_all_with(
    files: &[PathBuf],
    plan: &Plan,
    opts: &ReadOptions,
    done: &(dyn Fn() + Sync),
    keep: &(dyn Fn(Report) -> Report + Sync),
) -> Vec<Report> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len().max(1));
    let next = AtomicUsize::new(0);
    // Each report goes to its slot as soon as it is read: no worker keeps a list of its own,
    // so the reports are held once, in one vector of the right size.
    let slots: Vec<Option<Report>> = (0..files.len()).map(|_| None).collect();
    let slots = std::sync::Mutex::new(slots);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= files.len() {
                    break;
                }
                let r = keep(read_path(&files[i], plan, opts));
                let mut slots = slots
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                slots[i] = Some(r);
                drop(slots);
                done();
            });
        }
    });
    let slots = slots
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    slots
        .into_iter()
        .map(|r| r.expect("every file read"))
        .collect()
}

/// Reads `files` again, in the order given, on a thread of `scope`, a few files ahead of the
/// caller: the second reading of a streaming consolidation, which takes the rows of the files
/// whose figures count one file at a time while the first core writes the workbook. Reports
/// come out of the receiver in the order of `files`; dropping the receiver stops the reading.
pub fn read_ahead<'scope, 'env: 'scope>(
    scope: &'scope std::thread::Scope<'scope, 'env>,
    files: Vec<&'env Path>,
    plan: &'env Plan,
    opts: &'env ReadOptions,
) -> std::sync::mpsc::Receiver<Report> {
    // A few files ahead: enough to keep the writer busy (a file is read faster than its rows
    // are written), few enough that memory stays bounded by a few of the largest files.
    const AHEAD: usize = 4;
    let (tx, rx) = std::sync::mpsc::sync_channel(AHEAD);
    scope.spawn(move || {
        for path in files {
            if tx.send(read_path(path, plan, opts)).is_err() {
                break;
            }
        }
    });
    rx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_one_files_reader_is_that_files_internal_error() {
        let r = isolated("x.xlsx", || panic!("capacity overflow"));
        assert!(!r.usable());
        assert_eq!(r.diagnostics.len(), 1);
        let d = &r.diagnostics[0];
        assert_eq!(d.excludes, crate::diag::Excludes::File);
        assert!(
            matches!(&d.kind, Kind::InternalError { what } if what.contains("capacity overflow")),
            "{:?}",
            d.kind
        );
        assert!(d.hint_text(crate::lang::Lang::Vi).is_some());
        let ok = isolated("y.csv", || Report::fail("y.csv", Kind::BinaryData));
        assert_eq!(ok.diagnostics[0].kind, Kind::BinaryData);
    }
}
