//! `remind`'s letters (and list) written over a file that is not bdg's unchanged: a letter
//! the officer signed or annotated since bdg wrote it, or a file of someone's own under a
//! letter's name. Such a file is copied beside it first, to `NAME (bản sửa tay).EXT`
//! (`(edited)` in English, numbered where taken), and named: the new letter holds today's
//! facts, the officer's version is kept beside it.

use crate::fsx::{keep_copy, Pending, Stamp, Written};
use crate::lang::Lang;
use crate::output::{self, Global};
use anyhow::Result;
use std::path::{Path, PathBuf};

/// Of the files this run writes in `out` (`outputs`), those there now that are not bdg's
/// unchanged: changed since the `record` names them, or not in it (all of them where there is
/// no record: then every file of a letter's name is someone's) — unless it holds the very
/// bytes the run writes there, when nothing would be lost (a folder an older bdg wrote, with no
/// record, run again with the same facts). Only files: a link or a folder is not copied (a
/// folder is refused before anything is written).
pub(super) fn edited(out: &Path, outputs: &[Pending], record: Option<&Written>) -> Vec<PathBuf> {
    let is_file = |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.is_file());
    let same_as_new = |p: &Path, new: &Pending| {
        let existing = Stamp::of_file(p).ok();
        existing.is_some() && existing == new.stamp().ok()
    };
    (outputs.iter())
        .map(|new| (out.join(new.file_name()), new))
        .filter(|(p, _)| is_file(p))
        .filter(|(p, new)| {
            let name = new.file_name();
            !record.is_some_and(|r| r.unchanged(out, &name)) && !same_as_new(p, new)
        })
        .map(|(p, _)| p)
        .collect()
}

/// Copies each of `edited` beside it, before any is written over: the copies and where each
/// came from. Refused, the run stops before its commit and the folder's letters are as they
/// were; the copies already made stay (each a whole copy of a file still there, never the
/// only version of anything), and so do those of a commit refused later.
pub(super) fn keep(edited: &[PathBuf], lang: Lang) -> Result<Vec<(PathBuf, PathBuf)>> {
    let tag = lang.pick("bản sửa tay", "edited");
    (edited.iter())
        .map(|p| Ok((p.clone(), keep_copy(p, tag)?)))
        .collect()
}

/// One line: how many files changed by hand were kept beside the new letters, naming ten
/// copies (all with `-v`). The count comes first.
pub(super) fn tell(g: &Global, copies: &[(PathBuf, PathBuf)]) {
    if copies.is_empty() {
        return;
    }
    let n = copies.len();
    let kept: Vec<PathBuf> = copies.iter().map(|(_, to)| to.clone()).collect();
    let list = super::remind_stale::named(g, &kept);
    let files = crate::number::plural(n, "file", "files");
    output::note(
        g,
        g.lang.pick(
            &format!(
                "Giữ lại {n} tệp đã sửa tay (hoặc không do bdg ghi ra) mang tên công văn của \
                 lần này: bản của anh/chị được chép ra bên cạnh, công văn mới theo số liệu hôm \
                 nay: {list}"
            ),
            &format!(
                "Kept {n} {files} changed by hand (or not written by bdg) under a name this run \
                 writes: your version is copied beside it, the new letter holds today's facts: \
                 {list}"
            ),
        ),
    );
}
