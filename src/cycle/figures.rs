//! Which of an agency's files counts: identical files once, then the latest; two different
//! reports on the latest date conflict, earlier ones are superseded.

use crate::diag::{Diagnostic, Excludes, Kind};
use crate::report::Report;

/// One agency's files, oldest first (then the shorter name, then by name); a file with the
/// same content as an earlier one counts once, with a notice.
pub(super) fn dedupe(
    reports: &[Report],
    files: Vec<usize>,
    notices: &mut Vec<Diagnostic>,
) -> Vec<usize> {
    let (mut kept, copies) = copies(reports, files);
    for (copy, original) in copies {
        let other = reports[original].file.clone();
        let d = Diagnostic::warn(&reports[copy].file, Kind::DuplicateFile { other });
        notices.push(d.excluding(Excludes::File));
    }
    kept.shrink_to_fit();
    kept
}

/// `files` in [`copy_order`], split into those kept and the copies: a file with the same
/// content (the same fingerprint: agency, period, date and rows, whatever its bytes) as one
/// before it, as (copy, original). The cycle names each copy; `check` says the same.
pub fn copies(reports: &[Report], mut files: Vec<usize>) -> (Vec<usize>, Vec<(usize, usize)>) {
    files.sort_by_key(|&f| copy_order(&reports[f]));
    let mut first: std::collections::HashMap<u64, usize> = Default::default();
    let (mut kept, mut copies) = (Vec::new(), Vec::new());
    for f in files {
        match first.entry(reports[f].fingerprint) {
            std::collections::hash_map::Entry::Occupied(o) => copies.push((f, *o.get())),
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(f);
                kept.push(f);
            }
        }
    }
    (kept, copies)
}

/// The order in which an agency's files are taken: by report date, then the shorter name, then
/// by name. Of two identical files, the one a person copied ("SYT - Copy.csv", "SYT (1).csv",
/// "Copy of SYT.csv") has the longer name: the original counts, the copy is named as such.
fn copy_order(r: &Report) -> (Option<chrono::NaiveDate>, usize, &str) {
    (r.submitted_on, r.file.chars().count(), &r.file)
}

/// The report whose figures count: the latest. Two different reports on the latest date
/// conflict (none counts until the agency says which is right); earlier ones are superseded.
pub(super) fn figures_from(
    reports: &[Report],
    kept: &[usize],
    notices: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let latest = kept.last().and_then(|&f| reports[f].submitted_on);
    let on_latest: Vec<usize> = kept
        .iter()
        .copied()
        .filter(|&f| reports[f].submitted_on == latest)
        .collect();
    let figures = if on_latest.len() > 1 {
        let files: Vec<String> = on_latest.iter().map(|&f| reports[f].file.clone()).collect();
        for &f in &on_latest {
            let kind = Kind::Conflict {
                files: files.clone(),
            };
            notices.push(Diagnostic::err(&reports[f].file, kind).excluding(Excludes::File));
        }
        None
    } else {
        on_latest.first().copied()
    };
    for &f in kept {
        if Some(f) != figures && !on_latest.contains(&f) {
            let newer = figures.map(|n| reports[n].file.clone()).unwrap_or_default();
            let d = Diagnostic::warn(&reports[f].file, Kind::Superseded { newer });
            notices.push(d.excluding(Excludes::File));
        }
    }
    figures
}
