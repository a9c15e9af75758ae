//! Reading the agencies' report files without their rows, and where each was read from.

use super::EncodingArg;
use crate::output::{self, Global};
use crate::report::{ReadOptions, Report};
use anyhow::Result;
use std::path::{Path, PathBuf};

/// Reads the agencies' files under `paths`, with `--encoding` applied: shared by every command.
/// The reports keep their diagnostics, identities and counts, not their rows (`consolidate`
/// reads the files whose figures count a second time, one at a time): memory stays bounded by
/// the number of files. Returns the reports and where they were read from.
pub fn read_reports(
    paths: &[PathBuf],
    encoding: Option<EncodingArg>,
    plan: &crate::plan::Plan,
    g: &Global,
    outputs: Option<&std::path::Path>,
) -> Result<(Vec<Report>, Sources)> {
    let opts = ReadOptions { encoding };
    let crate::report::Found {
        files,
        mut problems,
        skipped,
    } = crate::report::collect(paths, outputs);
    if g.verbose > 0 {
        for d in &skipped {
            let d = d.display();
            output::note(
                g,
                g.lang.pick(
                    &format!("bỏ qua thư mục kết quả của bdg: {d}"),
                    &format!("skipped a bdg output folder: {d}"),
                ),
            );
        }
    }
    let bar = output::progress(
        g,
        files.len() as u64,
        g.lang.pick("đọc báo cáo", "reading reports"),
    );
    let keep = |mut r: Report| {
        r.drop_rows();
        r.given = Box::new([]);
        r
    };
    let mut reports = crate::report::read_all_with(&files, plan, &opts, &|| bar.inc(1), &keep);
    // What a file gave is kept only where the cycle compares it (an agency's several files),
    // read again for it: held for every file, it grew the peak by 25 MB at 50,000 files. A
    // file saved over in between keeps none (the second reading of `consolidate` stops on it).
    for i in crate::report::compared_files(&reports) {
        // The first reports are the files read, in order (the search's problems come after).
        let Some(path) = files.get(i) else { continue };
        let again = crate::report::read_path(path, plan, &opts);
        if again.same_reading(&reports[i]) {
            reports[i].given = again.given;
        }
    }
    bar.finish_and_clear();
    let sources = Sources::new(files, &reports, opts);
    reports.append(&mut problems);
    Ok((reports, sources))
}

/// Where a command's reports were read from, and how. The first `read` reports are the files
/// read, in order (the problems the search found come after them); `consolidate` reads the
/// files whose figures count a second time from here.
///
/// A report names its file as the path displays ([`Report::file`]): for a path that is UTF-8
/// that is the path itself, so only the others are kept here (50,000 paths need not be held
/// twice).
pub struct Sources {
    read: usize,
    /// The paths a report's name does not give exactly (not UTF-8), by report.
    unnamed: std::collections::BTreeMap<usize, PathBuf>,
    pub opts: ReadOptions,
}

impl Sources {
    fn new(files: Vec<PathBuf>, reports: &[Report], opts: ReadOptions) -> Self {
        let unnamed = files
            .into_iter()
            .zip(reports)
            .enumerate()
            .filter(|(_, (path, r))| path.to_str() != Some(r.file.as_str()))
            .map(|(i, (path, _))| (i, path))
            .collect();
        Sources {
            read: reports.len(),
            unnamed,
            opts,
        }
    }

    /// The path report `i` of `reports` (those read with these sources) was read from, if it
    /// is a file read.
    pub fn path<'a>(&'a self, i: usize, reports: &'a [Report]) -> Option<&'a Path> {
        if i >= self.read {
            return None;
        }
        let named = || Path::new(reports[i].file.as_str());
        Some(self.unnamed.get(&i).map_or_else(named, PathBuf::as_path))
    }
}

/// The notes about output folders of bdg's the search skipped.
pub fn skipped_notices(reports: &[Report]) -> Vec<crate::diag::Diagnostic> {
    reports
        .iter()
        .filter(|r| r.is_folder_notice())
        .flat_map(|r| r.diagnostics.iter().cloned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Kind;
    use std::os::unix::ffi::OsStrExt;

    /// The second reading finds each file where the first found it, by its report's name, or
    /// by the path kept for a name that cannot say it.
    #[test]
    fn sources_give_back_each_files_path_keeping_only_those_a_name_cannot_say() {
        let plain = PathBuf::from("báo cáo/SYT_2021-H1.csv");
        let odd = PathBuf::from(std::ffi::OsStr::from_bytes(b"b\xe1o c\xe1o/SNV.csv"));
        let files = vec![plain.clone(), odd.clone()];
        let mut reports: Vec<Report> = files
            .iter()
            .map(|p| Report::fail(&p.display().to_string(), Kind::BinaryData))
            .collect();
        let sources = Sources::new(files, &reports, ReadOptions::default());
        assert_eq!(sources.unnamed.len(), 1);
        reports.push(Report::fail("a folder", Kind::BinaryData));
        assert_eq!(sources.path(0, &reports), Some(plain.as_path()));
        assert_eq!(sources.path(1, &reports), Some(odd.as_path()));
        assert_eq!(sources.path(2, &reports), None);
    }
}
