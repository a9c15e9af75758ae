//! Rows and files excluded across a cycle's files, in all and by agency: counted once, here.

use crate::cycle::Cycle;
use crate::diag::{Code, Excludes};
use crate::plan::AgencyIdx;

/// Rows and files excluded across the cycle's files, in all and by agency.
pub(super) struct Excluded {
    /// Rows excluded in all.
    pub rows: usize,
    /// Files excluded whole.
    pub files: usize,
    /// Rows excluded by agency (indexed by [`AgencyIdx`]): the rows of every file of the
    /// agency's that the totals count, whether its figures count or the file was
    /// excluded whole (rejected or held back by a conflict), and of its companion indicator
    /// files. Their sum is `rows` less the rows of files that belong to no agency of the cycle:
    /// a file whose agency cannot be told (no agency and none the file's name or rows point
    /// to), or one of another period kept out of this one.
    pub by_agency: Vec<usize>,
}

/// Rows and files excluded across the cycle's files: each row once, however many diagnostics
/// it has (a row with two bad numbers is one row), and every row of an excluded file: one
/// unusable in itself, or one that reads well but was refused whole: by an error of the cycle
/// (two different reports on the same date, `conflict`; a report dated before the period,
/// `before-window`), or taken as an agency's rejected file for this period (another period's
/// report dated for this one). A superseded or duplicate file is not counted: its figures are
/// in the file that counts. Each file's rows go to the agency the cycle gave it to.
pub(super) fn excluded_counts(c: &Cycle) -> Excluded {
    let replaced = replaced_files(c);
    let by_error: std::collections::HashSet<&str> = (c.notices.iter())
        .filter(|d| d.is_error() && d.excludes == Excludes::File)
        .map(|d| d.file.as_str())
        .collect();
    let mut refused: std::collections::BTreeSet<usize> = (c.agencies.iter())
        .flat_map(|a| a.rejected.iter().copied())
        .filter(|&f| c.reports[f].usable())
        .collect();
    refused.extend(
        (c.reports.iter().enumerate())
            .filter(|(_, r)| r.usable() && by_error.contains(r.file.as_str()))
            .map(|(i, _)| i),
    );
    // The agency each file belongs to in this cycle; a companion indicator file, its own.
    let mut owner: Vec<Option<AgencyIdx>> = (c.reports.iter())
        .map(|r| r.agency.filter(|_| r.indicators_only))
        .collect();
    for a in &c.agencies {
        for &f in a.reports.iter().chain(&a.rejected) {
            owner[f] = Some(a.agency);
        }
    }
    let mut k = Excluded {
        rows: 0,
        files: 0,
        by_agency: vec![0; c.plan.agencies.len()],
    };
    let mut add = |f: usize, rows: usize, whole: bool| {
        k.rows += rows;
        k.files += usize::from(whole);
        if let Some(a) = owner[f] {
            k.by_agency[a] += rows;
        }
    };
    let counted = |(f, r): &(usize, &crate::report::Report)| {
        !refused.contains(f) && !replaced.contains(r.file.as_str())
    };
    for (f, r) in c.relevant_reports().filter(counted) {
        // A device or FIFO named like a report is skipped, not an excluded file.
        add(f, r.excluded_rows(), !r.usable() && !r.is_skipped());
    }
    for &f in &refused {
        add(f, c.reports[f].all_rows(), true);
    }
    k
}

/// The files replaced by another of the cycle: a report a later one of its agency supersedes,
/// and a copy of another file. Their figures are in the file that counts, so what they leave
/// out is not excluded: their refused rows are neither counted nor listed as excluded (they
/// stay among the file's diagnostics).
pub(super) fn replaced_files<'c>(c: &'c Cycle) -> std::collections::HashSet<&'c str> {
    (c.notices.iter())
        .filter(|d| matches!(d.code(), Code::Superseded | Code::DuplicateFile))
        .map(|d| d.file.as_str())
        .collect()
}
