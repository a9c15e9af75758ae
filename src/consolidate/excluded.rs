//! Rows and files excluded across a cycle's files, in all and by agency: counted once, here.

use crate::cycle::Cycle;
use crate::diag::{Code, Excludes};
use crate::plan::AgencyIdx;
use std::collections::{BTreeSet, HashSet};

/// Rows and files excluded across the cycle's files, in all and by agency.
pub(super) struct Excluded<'c> {
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
    /// The files another replaces (see [`replaced`]), as indices into the cycle's reports.
    pub replaced: BTreeSet<usize>,
    /// The same files by name, as diagnostics name them.
    pub replaced_files: HashSet<&'c str>,
}

/// Rows and files excluded across the cycle's files: each row once, however many diagnostics
/// it has (a row with two bad numbers is one row), and every row of an excluded file: one
/// unusable in itself, or one that reads well but was refused whole: by an error of the cycle
/// (two different reports on the same date, `conflict`; a report dated before the period,
/// `before-window`), taken as an agency's rejected file for this period (another period's
/// report dated for this one), or an earlier report of an agency whose figures are held back
/// by a conflict. A replaced file ([`replaced`]) is not counted: its figures are in the file
/// that counts. Each file's rows go to the agency the cycle gave it to.
pub(super) fn excluded_counts<'c>(c: &'c Cycle) -> Excluded<'c> {
    let by_error: HashSet<&str> = (c.notices.iter())
        .filter(|d| d.is_error() && d.excludes == Excludes::File)
        .map(|d| d.file.as_str())
        .collect();
    let mut refused: BTreeSet<usize> = (c.agencies.iter())
        .flat_map(|a| a.rejected.iter().copied())
        .filter(|&f| c.reports[f].usable())
        .collect();
    refused.extend(
        (c.reports.iter().enumerate())
            .filter(|(_, r)| r.usable() && by_error.contains(r.file.as_str()))
            .map(|(i, _)| i),
    );
    // An agency whose figures are held back (a conflict on its latest date): none of its
    // files counts, the earlier ones included.
    for a in c.agencies.iter().filter(|a| a.figures_from.is_none()) {
        refused.extend(a.reports.iter().copied());
    }
    let replaced = replaced(c, &refused);
    // The agency each file belongs to in this cycle; a companion indicator file, its own.
    let mut owner: Vec<Option<AgencyIdx>> = (c.reports.iter())
        .map(|r| r.agency.filter(|_| r.indicators_only))
        .collect();
    for a in &c.agencies {
        for &f in a.reports.iter().chain(&a.rejected) {
            owner[f] = Some(a.agency);
        }
    }
    let (mut rows, mut files) = (0, 0);
    let mut by_agency = vec![0; c.plan.agencies.len()];
    let mut add = |f: usize, n: usize, whole: bool| {
        rows += n;
        files += usize::from(whole);
        if let Some(a) = owner[f] {
            by_agency[a] += n;
        }
    };
    let counted =
        |(f, _): &(usize, &crate::report::Report)| !refused.contains(f) && !replaced.contains(f);
    for (f, r) in c.relevant_reports().filter(counted) {
        // A device or FIFO named like a report is skipped, not an excluded file.
        add(f, r.excluded_rows(), !r.usable() && !r.is_skipped());
    }
    for &f in &refused {
        add(f, c.reports[f].all_rows(), true);
    }
    Excluded {
        rows,
        files,
        by_agency,
        replaced_files: (replaced.iter())
            .map(|&f| c.reports[f].file.as_str())
            .collect(),
        replaced,
    }
}

/// The files another of the cycle replaces, as indices into its reports: an agency's earlier
/// reports when a later one's figures count (`superseded`), a copy of another file
/// (`duplicate-file`), and an agency's companion indicator files older than the one whose
/// indicators count. What they leave out is in the file that counts: their refused rows are
/// neither counted nor listed as excluded (they stay among the files' diagnostics).
fn replaced(c: &Cycle, refused: &BTreeSet<usize>) -> BTreeSet<usize> {
    let mut out: BTreeSet<usize> = BTreeSet::new();
    for a in &c.agencies {
        if let Some(n) = a.figures_from {
            out.extend(a.reports.iter().copied().filter(|&f| f != n));
        }
    }
    let copies: HashSet<&str> = (c.notices.iter())
        .filter(|d| d.code() == Code::DuplicateFile)
        .map(|d| d.file.as_str())
        .collect();
    // Each agency's companion files of the period, the latest (by date, then name) last.
    let mut companions: std::collections::BTreeMap<AgencyIdx, Vec<usize>> = Default::default();
    for (i, r) in c.reports.iter().enumerate() {
        if copies.contains(r.file.as_str()) {
            out.insert(i);
        }
        let this_period = r.period_id(c.plan) == Some(&c.period.id);
        if let (true, true, Some(a)) = (r.indicators_only && r.usable(), this_period, r.agency) {
            companions.entry(a).or_default().push(i);
        }
    }
    for files in companions.values_mut() {
        files.sort_by_key(|&f| (c.reports[f].submitted_on, &c.reports[f].file));
        files.pop();
        out.extend(files.iter().copied());
    }
    out.retain(|f| !refused.contains(f));
    out
}
