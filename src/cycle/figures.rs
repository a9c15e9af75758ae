//! Which of an agency's files counts: identical files once, then the latest; two different
//! reports on the latest date conflict, earlier ones are superseded. One mechanism for the
//! cycle and for `check` ([`copies`]).

use crate::diag::{Diagnostic, Excludes, Kind};
use crate::report::Report;
use std::collections::{BTreeMap, HashMap};

/// An agency's files sorted out: those kept, the copies, and the files that conflict.
#[derive(Debug, Default)]
pub struct Copies {
    /// The files kept (each content once), in [`copy_order`].
    pub kept: Vec<usize>,
    /// A file with the same content as one before it, as (copy, original).
    pub copies: Vec<(usize, usize)>,
    /// Of the kept files of one agency and period, those on its latest date, when there are
    /// two or more (they differ: copies are gone): none counts until the agency says which is
    /// right. One group per agency and period, in the order of their first file.
    pub conflicts: Vec<Vec<usize>>,
}

/// One agency's files, oldest first (then the shorter name, then by name); a file with the
/// same content as an earlier one counts once, with a notice. Also gives the conflicting files.
pub(super) fn dedupe(
    reports: &[Report],
    files: Vec<usize>,
    notices: &mut Vec<Diagnostic>,
) -> (Vec<usize>, Vec<usize>) {
    let Copies {
        mut kept,
        copies,
        mut conflicts,
    } = copies(reports, files);
    for (copy, original) in copies {
        let other = reports[original].file.clone();
        let d = Diagnostic::warn(&reports[copy].file, Kind::DuplicateFile { other });
        notices.push(d.excluding(Excludes::File));
    }
    kept.shrink_to_fit();
    (kept, conflicts.pop().unwrap_or_default())
}

/// `files` in [`copy_order`], sorted out: the copies (a file with the same content — the same
/// fingerprint: agency, period, date and rows, whatever its bytes — as one before it), the
/// files kept, and among those, of each agency and period, the different files on its latest
/// date (a conflict). The cycle names each copy and conflict; `check` says the same.
pub fn copies(reports: &[Report], mut files: Vec<usize>) -> Copies {
    files.sort_by_key(|&f| copy_order(&reports[f]));
    let mut first: HashMap<u64, usize> = HashMap::new();
    let mut out = Copies::default();
    for f in files {
        match first.entry(reports[f].fingerprint) {
            std::collections::hash_map::Entry::Occupied(o) => out.copies.push((f, *o.get())),
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(f);
                out.kept.push(f);
            }
        }
    }
    // Kept files by agency and period: each group in copy order, so its latest date is last.
    let mut groups: BTreeMap<(Option<usize>, Option<u32>), Vec<usize>> = BTreeMap::new();
    for &f in &out.kept {
        let r = &reports[f];
        groups.entry((r.agency, r.period)).or_default().push(f);
    }
    for group in groups.into_values() {
        let latest = group.last().and_then(|&f| reports[f].submitted_on);
        let on_latest: Vec<usize> = (group.iter().copied())
            .filter(|&f| reports[f].submitted_on == latest)
            .collect();
        if on_latest.len() > 1 {
            out.conflicts.push(on_latest);
        }
    }
    out.conflicts.sort_by_key(|g| g[0]);
    out
}

/// The order in which an agency's files are taken: by report date, then the shorter name, then
/// by name. Of two identical files, the one a person copied ("SYT - Copy.csv", "SYT (1).csv",
/// "Copy of SYT.csv") has the longer name: the original counts, the copy is named as such.
fn copy_order(r: &Report) -> (Option<chrono::NaiveDate>, usize, &str) {
    (r.submitted_on, r.file.chars().count(), &r.file)
}

/// How many files a diagnostic or a document names of an agency's conflict; the others are
/// counted ("và 2995 tệp khác"). Each file of a conflict has its diagnostic: naming every
/// other file in each would grow with the square of the files (3,000 copies, 9 million names).
pub const NAMED_FILES: usize = 5;

/// The conflict's diagnostic for one of its files: the same in the cycle and in `check`. It
/// names the conflict's first [`NAMED_FILES`] files and counts the others.
pub fn conflict(reports: &[Report], f: usize, files: &[usize]) -> Diagnostic {
    let named = files.iter().take(NAMED_FILES);
    let kind = Kind::Conflict {
        files: named.map(|&g| reports[g].file.clone()).collect(),
        more: files.len().saturating_sub(NAMED_FILES),
    };
    Diagnostic::err(&reports[f].file, kind).excluding(Excludes::File)
}

/// The report whose figures count: the latest, unless the latest date holds a conflict
/// (`conflicting`, then none counts until the agency says which is right); earlier ones are
/// superseded. A later file that lacks tasks or figures the earlier ones gave is said so
/// ([`super::gaps`]).
pub(super) fn figures_from(
    plan: &crate::plan::Plan,
    reports: &[Report],
    kept: &[usize],
    conflicting: &[usize],
    notices: &mut Vec<Diagnostic>,
) -> Option<usize> {
    for &f in conflicting {
        notices.push(conflict(reports, f, conflicting));
    }
    let figures = if conflicting.is_empty() {
        kept.last().copied()
    } else {
        None
    };
    let earlier: Vec<usize> = (kept.iter().copied())
        .filter(|f| Some(*f) != figures && !conflicting.contains(f))
        .collect();
    for &f in &earlier {
        // Held back by a conflict, it is superseded by the conflicting reports all the same.
        let newer = figures.or(conflicting.first().copied());
        let newer = newer.map(|n| reports[n].file.clone()).unwrap_or_default();
        let d = Diagnostic::warn(&reports[f].file, Kind::Superseded { newer });
        notices.push(d.excluding(Excludes::File));
    }
    if let Some(n) = figures {
        notices.extend(super::gaps::dropped(plan, reports, n, &earlier));
    }
    figures
}

/// An agency's companion indicator files of the period: the latest (by date, then name) is
/// the one whose indicators count (`indicators::counted_rows`); each older one is superseded
/// by it, said as an earlier task report is.
pub(super) fn older_companions(
    plan: &crate::plan::Plan,
    reports: &[Report],
    period: &crate::plan::Period,
    notices: &mut Vec<Diagnostic>,
) {
    let mut by_agency: std::collections::BTreeMap<crate::plan::AgencyIdx, Vec<usize>> =
        Default::default();
    for (i, r) in reports.iter().enumerate() {
        let this_period = r.period_id(plan) == Some(period.id.as_str());
        if let (true, true, Some(a)) = (r.indicators_only && r.usable(), this_period, r.agency) {
            by_agency.entry(a).or_default().push(i);
        }
    }
    for files in by_agency.values_mut() {
        files.sort_by_key(|&f| (reports[f].submitted_on, reports[f].file.as_str()));
        let Some((&latest, older)) = files.split_last() else {
            continue;
        };
        for &f in older {
            let newer = reports[latest].file.clone();
            let d = Diagnostic::warn(&reports[f].file, Kind::Superseded { newer });
            notices.push(d.excluding(Excludes::File));
        }
    }
}
