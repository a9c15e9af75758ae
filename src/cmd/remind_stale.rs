//! `remind`'s letters of an earlier run that no longer hold, and which of them are bdg's to
//! remove: the folder holds exactly the current letters (an agency no longer overdue must not
//! be mailed an old letter by mistake), but a file bdg did not write, or that was changed since
//! (a letter signed by hand), is kept and named.

use crate::cycle;
use crate::fsx::{Pending, Written};
use crate::lang::Lang;
use crate::output::{self, Global};
use anyhow::Result;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// The files named as letters of this period (or the other language's list) that this run
/// does not write.
pub(super) struct Stale {
    /// bdg's own, unchanged since it wrote them: removed with the commit.
    pub remove: Vec<PathBuf>,
    /// Not known to be bdg's (no record of them, or changed since): kept, and named.
    pub kept: Vec<PathBuf>,
    /// The earlier record's other files (another period's letters) still there: recorded
    /// again, so that a later run of their period may still remove them.
    carried: Written,
}

impl Stale {
    /// The letters of this period that this run does not write, where an earlier run left
    /// them: for an agency no longer overdue (it has reported since, or the as-of date moved),
    /// and in the other language (their state may have changed since), with that language's
    /// list of them. Only bdg's own names are looked at, only files (not links nor folders),
    /// in a folder whose lock this run holds; of those, only the ones `record` names with
    /// their content unchanged are to be removed (none without a record).
    pub fn find(out: &Path, c: &cycle::Cycle, lang: Lang, record: Option<&Written>) -> Stale {
        let overdue: HashSet<_> = c.overdue().map(|a| a.agency).collect();
        // The folder's files, read once (a plan may name 50,000 agencies: four look-ups each
        // were four system calls each).
        let files: HashSet<String> = std::fs::read_dir(out)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| e.file_name().into_string().ok())
            .collect();
        let period = &c.period.id;
        let mut names = Vec::new();
        for (i, ag) in c.plan.agencies.iter().enumerate() {
            for l in [Lang::Vi, Lang::En] {
                if l == lang && overdue.contains(&i) {
                    continue;
                }
                for ext in ["txt", "docx"] {
                    names.push(letter_name(period, &ag.id, l, ext));
                }
            }
        }
        names.push(list_name(
            period,
            if lang == Lang::Vi { Lang::En } else { Lang::Vi },
        ));
        let candidates: HashSet<&String> = names.iter().collect();
        let carried = Written {
            files: (record.map(|r| &r.files).into_iter().flatten())
                .filter(|(n, _)| !candidates.contains(n) && files.contains(*n))
                .map(|(n, s)| (n.clone(), *s))
                .collect(),
        };
        let (mut remove, mut kept) = (Vec::new(), Vec::new());
        for name in names.into_iter().filter(|n| files.contains(n)) {
            let ours = record.is_some_and(|r| r.unchanged(out, &name));
            (if ours { &mut remove } else { &mut kept }).push(out.join(name));
        }
        Stale {
            remove,
            kept,
            carried,
        }
    }

    /// The record of this run: its outputs, each as written, and the earlier record's files
    /// of other periods still there.
    pub fn record(&self, outputs: &[Pending]) -> Result<Written> {
        let mut files: BTreeMap<_, _> = self.carried.files.clone();
        for p in outputs {
            files.insert(p.file_name(), p.stamp()?);
        }
        Ok(Written { files })
    }
}

/// Tells what went with the commit, and what stale files were kept: each in one line that
/// names ten files and counts the rest (a national cycle may remove thousands), or names them
/// all with `-v`.
pub(super) fn tell(g: &Global, removed: &[PathBuf], kept: &[PathBuf]) {
    if !removed.is_empty() {
        let (count, list) = (removed.len(), named(g, removed));
        output::note(
            g,
            g.lang.pick(
                &format!("Đã xoá {count} tệp của lần chạy trước, nay không còn đúng: {list}"),
                &format!(
                    "Removed {count} {} of an earlier run that no longer {}: {list}",
                    crate::number::plural(count, "file", "files"),
                    crate::number::plural(count, "holds", "hold")
                ),
            ),
        );
    }
    if !kept.is_empty() {
        let (count, list) = (kept.len(), named(g, kept));
        output::note(
            g,
            g.lang.pick(
                &format!(
                    "Giữ lại {count} tệp mang tên công văn mà lần chạy này không ghi, vì không \
                     do bdg ghi ra hoặc đã được sửa sau đó: {list}; \
                     hãy chuyển đi hoặc xoá nếu không cần"
                ),
                &format!(
                    "Kept {count} {} named as reminders this run does not write, as bdg did \
                     not write them or they were changed since: {list}; \
                     move or delete them if they are not needed",
                    crate::number::plural(count, "file", "files"),
                ),
            ),
        );
    }
}

/// Ten of `files`' names and how many more, or all of them with `-v`.
fn named(g: &Global, files: &[PathBuf]) -> String {
    let name = |p: &PathBuf| {
        let n = p.file_name().unwrap_or_default();
        n.to_string_lossy().into_owned()
    };
    let shown = if g.verbose > 0 { files.len() } else { 10 };
    let mut list = (files.iter().take(shown).map(name))
        .collect::<Vec<_>>()
        .join(", ");
    let more = files.len().saturating_sub(shown);
    if more > 0 {
        list += g.lang.pick(
            &format!(" và {more} tệp khác (-v để xem đủ)"),
            &format!(" and {more} more (-v names them all)"),
        );
    }
    list
}

/// A letter's file name: `PERIOD_AGENCY_don-doc.txt` (`_reminder` in English).
pub(super) fn letter_name(period: &str, agency: &str, lang: Lang, ext: &str) -> String {
    format!(
        "{period}_{agency}_{}.{ext}",
        lang.pick("don-doc", "reminder")
    )
}

/// The letters' list's file name: `PERIOD_danh-sach-don-doc.tsv` (`_reminders` in English).
pub(super) fn list_name(period: &str, lang: Lang) -> String {
    format!(
        "{period}_{}.tsv",
        lang.pick("danh-sach-don-doc", "reminders")
    )
}
