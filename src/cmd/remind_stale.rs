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

/// Why a letter of an earlier run no longer holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Why {
    /// Its agency is no longer overdue (in either language): it must not be mailed.
    NoLongerOverdue,
    /// Its agency is still overdue, but the letter (or the list) is in the other language:
    /// this run wrote the agency's letter in its own.
    OtherLanguage,
}

/// The files named as letters of this period (or the other language's list) that this run
/// does not write.
pub(super) struct Stale {
    /// bdg's own, unchanged since it wrote them: removed with the commit.
    pub remove: Vec<PathBuf>,
    /// Why each of `remove` no longer holds, in the same order.
    pub remove_why: Vec<Why>,
    /// Not known to be bdg's (no record of them, or changed since): kept, and named.
    pub kept: Vec<PathBuf>,
    /// Why each of `kept` no longer holds, in the same order.
    pub kept_why: Vec<Why>,
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
            let still = overdue.contains(&i);
            let why = match still {
                true => Why::OtherLanguage,
                false => Why::NoLongerOverdue,
            };
            for l in [Lang::Vi, Lang::En] {
                if l == lang && still {
                    continue;
                }
                for ext in ["txt", "docx"] {
                    names.push((letter_name(period, &ag.id, l, ext), why));
                }
            }
        }
        names.push((
            list_name(period, if lang == Lang::Vi { Lang::En } else { Lang::Vi }),
            Why::OtherLanguage,
        ));
        let candidates: HashSet<&String> = names.iter().map(|(n, _)| n).collect();
        let carried = Written {
            files: (record.map(|r| &r.files).into_iter().flatten())
                .filter(|(n, _)| !candidates.contains(n) && files.contains(*n))
                .map(|(n, s)| (n.clone(), *s))
                .collect(),
        };
        let (mut remove, mut remove_why) = (Vec::new(), Vec::new());
        let (mut kept, mut kept_why) = (Vec::new(), Vec::new());
        for (name, why) in names.into_iter().filter(|(n, _)| files.contains(n)) {
            let ours = record.is_some_and(|r| r.unchanged(out, &name));
            let (paths, whys) = match ours {
                true => (&mut remove, &mut remove_why),
                false => (&mut kept, &mut kept_why),
            };
            paths.push(out.join(name));
            whys.push(why);
        }
        Stale {
            remove,
            remove_why,
            kept,
            kept_why,
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

/// Tells what went with the commit, and what stale files were kept, by why they no longer
/// hold (an agency no longer overdue; a letter in the other language): one line each, naming
/// ten files and counting the rest (a national cycle may remove thousands), or all with `-v`.
/// The count comes first in each line.
pub(super) fn tell(g: &Global, stale: &Stale) {
    let other = g.lang.pick("tiếng Anh", "Vietnamese");
    for why in [Why::NoLongerOverdue, Why::OtherLanguage] {
        let of = |paths: &[PathBuf], whys: &[Why]| -> Vec<PathBuf> {
            let both = paths.iter().zip(whys);
            both.filter(|(_, w)| **w == why)
                .map(|(p, _)| p.clone())
                .collect()
        };
        let removed = of(&stale.remove, &stale.remove_why);
        if !removed.is_empty() {
            let (n, list) = (removed.len(), named(g, &removed));
            let files = crate::number::plural(n, "file", "files");
            let line = match why {
                Why::NoLongerOverdue => g.lang.pick(
                    &format!("Đã xoá {n} tệp công văn của lần chạy trước gửi đơn vị nay không còn chậm hoặc thiếu báo cáo: {list}"),
                    &format!("Removed {n} {files} of an earlier run's letters to agencies no longer overdue: {list}"),
                ).to_string(),
                Why::OtherLanguage => g.lang.pick(
                    &format!("Đã xoá {n} tệp của lần chạy trước viết bằng {other} (công văn và danh sách; lần này ghi bằng tiếng Việt): {list}"),
                    &format!("Removed {n} {files} of an earlier run written in {other} (letters and their list; today's are in English): {list}"),
                ).to_string(),
            };
            output::note(g, &line);
        }
        let kept = of(&stale.kept, &stale.kept_why);
        if !kept.is_empty() {
            let (n, list) = (kept.len(), named(g, &kept));
            let files = crate::number::plural(n, "file", "files");
            let line = match why {
                Why::NoLongerOverdue => g.lang.pick(
                    &format!("Giữ lại {n} tệp mang tên công văn gửi đơn vị nay KHÔNG CÒN chậm hoặc thiếu báo cáo, vì không do bdg ghi ra hoặc đã được sửa sau đó; đừng gửi: {list}; hãy chuyển đi hoặc xoá nếu không cần"),
                    &format!("Kept {n} {files} named as letters to agencies NO LONGER overdue, as bdg did not write them or they were changed since; do not send them: {list}; move or delete them if they are not needed"),
                ).to_string(),
                Why::OtherLanguage => g.lang.pick(
                    &format!("Giữ lại {n} tệp mang tên công văn viết bằng {other} của lần chạy trước (công văn hôm nay đã ghi bằng tiếng Việt), vì không do bdg ghi ra hoặc đã được sửa sau đó; đừng gửi bản cũ: {list}; hãy chuyển đi hoặc xoá nếu không cần"),
                    &format!("Kept {n} {files} named as an earlier run's letters in {other} (today's are written in English), as bdg did not write them or they were changed since; do not send the old ones: {list}; move or delete them if they are not needed"),
                ).to_string(),
            };
            output::note(g, &line);
        }
    }
}

/// Ten of `files`' names and how many more, or all of them with `-v`.
pub(super) fn named(g: &Global, files: &[PathBuf]) -> String {
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
