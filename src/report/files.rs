//! The file-system edge of reading: which files, read from disk with a size limit, in parallel.

use super::{limits, read, ReadOptions, Report, MAX_FILE_BYTES};
use crate::diag::Code;
use crate::fsx::ReadLimited;
use crate::plan::Plan;
use crate::t;
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
            let (mb, max) = (bytes / (1024 * 1024), MAX_FILE_BYTES / (1024 * 1024));
            return Report::fail(
                &name,
                Code::TooLarge,
                t!(
                    "tệp lớn {mb} MB, vượt giới hạn {max} MB của một báo cáo",
                    "file is {mb} MB, over the {max} MB limit for one report"
                ),
            );
        }
    };
    isolated(&name, || read(&bytes, &name, plan, opts))
}

/// Runs one file's reader, turning a panic into that file's `internal-error`.
pub(crate) fn isolated(name: &str, f: impl FnOnce() -> Report) -> Report {
    crate::isolate::quietly(f)
        .unwrap_or_else(|what| excluded(name, limits::internal_error(name, &what)))
}

fn excluded(name: &str, d: crate::diag::Diagnostic) -> Report {
    let mut r = Report::fail(name, d.code, d.message.clone());
    r.diagnostics = vec![d];
    r
}

fn unreadable(name: &str, e: &std::io::Error) -> Report {
    let vi = crate::fsx::io_reason(e, crate::lang::Lang::Vi);
    Report::fail(
        name,
        Code::Unreadable,
        t!("không đọc được tệp: {vi}", "cannot read the file: {e}"),
    )
}

/// Report files under the given paths: files as named, directories searched recursively for
/// `.csv` and `.txt`, in a stable order, each file once.
///
/// Everything under `outputs` (a command's own `--out` folder, when it lies inside the reports
/// folder) is left out: bdg's workbook and letters are not agency reports.
pub fn collect(paths: &[PathBuf], outputs: Option<&Path>) -> (Vec<PathBuf>, Vec<Report>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut files, &mut problems),
            Ok(_) => files.push(p.clone()),
            Err(e) => problems.push(unreadable(&p.display().to_string(), &e)),
        }
    }
    let outputs = outputs.and_then(|o| std::fs::canonicalize(o).ok());
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| {
        let real = std::fs::canonicalize(f).unwrap_or_else(|_| f.clone());
        !outputs.as_ref().is_some_and(|o| real.starts_with(o)) && seen.insert(real)
    });
    (files, problems)
}

fn is_report_file(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "csv" | "txt" | "xlsx" | "xlsm" | "xls" | "ods"))
        // Excel's lock files ("~$báo cáo.xlsx") and bdg's own temporary files are not reports.
        && !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("~$") || n.starts_with(".bdg-"))
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<Report>) {
    // The entry's own type (no extra stat); `None` when the system could not say.
    let mut entries: Vec<(PathBuf, Option<std::fs::FileType>)> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(Result::ok)
            .map(|e| (e.path(), e.file_type().ok()))
            .collect(),
        Err(e) => {
            let vi = crate::fsx::io_reason(&e, crate::lang::Lang::Vi);
            problems.push(Report::fail(
                &dir.display().to_string(),
                Code::Unreadable,
                t!(
                    "không đọc được thư mục: {vi}",
                    "cannot read the folder: {e}"
                ),
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
            // Not into bdg's own output folders.
            if !p.join(crate::fsx::OUTPUT_MARKER).exists() {
                walk(&p, files, problems);
            }
        } else if is_report_file(&p) {
            files.push(p);
        }
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
    if workers <= 1 {
        return files
            .iter()
            .map(|f| {
                let r = keep(read_path(f, plan, opts));
                done();
                r
            })
            .collect();
    }
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<Report>> = (0..files.len()).map(|_| None).collect();
    let results: Vec<Vec<(usize, Report)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= files.len() {
                            break out;
                        }
                        out.push((i, keep(read_path(&files[i], plan, opts))));
                        done();
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("reader thread panicked"))
            .collect()
    });
    for (i, r) in results.into_iter().flatten() {
        slots[i] = Some(r);
    }
    slots
        .into_iter()
        .map(|r| r.expect("every file read"))
        .collect()
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
        assert_eq!(
            (d.code, d.excludes),
            (Code::InternalError, crate::diag::Excludes::File)
        );
        assert!(
            d.message.en.contains("capacity overflow"),
            "{}",
            d.message.en
        );
        assert!(d.hint.is_some());
        let ok = isolated("y.csv", || {
            Report::fail("y.csv", Code::Encoding, t!("a", "a"))
        });
        assert_eq!(ok.diagnostics[0].code, Code::Encoding);
    }
}
