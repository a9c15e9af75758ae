//! `bdg plan import FILE [--out PLAN.yaml] [--force]`: the plan as issued (`.docx`, `.txt`)
//! → a draft plan YAML with `# TODO` where the text does not decide.

use crate::lang::Lang;
use crate::output::{self, Global};
use crate::plan::import::{self, DocxFault, ExtractError};
use crate::report::limits::Refusal;
use crate::Outcome;
use anyhow::{anyhow, Result};
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Kế hoạch đã ban hành (.docx hoặc .txt) / the plan as issued (.docx or .txt)
    pub file: PathBuf,
    /// Ghi bản nháp vào tệp này thay vì stdout / write the draft here instead of stdout
    #[arg(long, value_name = "PLAN.yaml")]
    pub out: Option<PathBuf>,
    /// Ghi đè tệp --out đã có / overwrite an existing --out file
    #[arg(long)]
    pub force: bool,
}

pub fn run(a: Args, g: &Global) -> Result<Outcome> {
    let lang = g.lang;
    if let Some(out) = &a.out {
        check_out(out, &a.file, a.force, lang)?;
    }
    let lines = read_lines(&a.file, lang)?;
    let draft = import::draft(&lines);
    let source = a
        .file
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| a.file.display().to_string());
    let (todos, tasks) = (draft.todo_count(), draft.task_count());
    let (agencies, periods) = (draft.agencies.len(), draft.periods.len());
    let nothing = draft.meta.title.is_none() && draft.meta.year.is_none();
    if nothing && tasks == 0 && agencies == 0 && periods == 0 {
        // Not a plan (an empty file, a letter): a draft of nothing would read as an import.
        let msg = crate::t!(
            "{source}: không tìm thấy kế hoạch trong tệp (không có tên kế hoạch, năm, nhiệm vụ, đơn vị hay kỳ báo cáo nào); không ghi gì",
            "{source}: no plan found in the file (no title, year, task, agency or period); nothing written"
        );
        return Err(anyhow!("{}", msg.get(lang)));
    }
    let yaml = import::to_yaml(&draft, &source, lang);
    match &a.out {
        Some(out) => crate::fsx::write_atomic(out, yaml.as_bytes())?,
        None => output::print(&yaml)?,
    }
    output::note(
        g,
        crate::t!(
            "{source}: {tasks} nhiệm vụ, {agencies} đơn vị, {periods} kỳ báo cáo; {todos} chỗ cần quyết định (# TODO)",
            "{source}: {tasks} tasks, {agencies} agencies, {periods} periods; {todos} places to decide (# TODO)"
        )
        .get(lang),
    );
    Ok(Outcome::flagged_if(todos > 0))
}

/// `--out` is never the input, and an existing file is replaced only with `--force`.
fn check_out(out: &Path, input: &Path, force: bool, lang: Lang) -> Result<()> {
    let o = out.display();
    let same = |x: &Path| std::fs::canonicalize(x).ok();
    if same(out).is_some() && same(out) == same(input) {
        let msg = crate::t!(
            "--out {o} là chính tệp đang nhập; chọn tệp khác",
            "--out {o} is the file being imported; choose another"
        );
        return Err(anyhow!("{}", msg.get(lang)));
    }
    if out.exists() && !force {
        let msg = crate::t!(
            "{o} đã có; thêm --force để ghi đè",
            "{o} exists; add --force to overwrite it"
        );
        return Err(anyhow!("{}", msg.get(lang)));
    }
    Ok(())
}

/// An issued plan is a few hundred kilobytes; a larger file is not one.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The lines of the plan as issued, or why there are none.
fn read_lines(path: &Path, lang: Lang) -> Result<Vec<String>> {
    use crate::fsx::ReadLimited;
    let name = path.display().to_string();
    // A regular file only, and no more than the limit read: `/dev/zero` never ends.
    let bytes = crate::fsx::read_limited(path, MAX_BYTES).map_err(|e| {
        let msg = match e {
            ReadLimited::TooLarge { bytes } => {
                let (mb, max) = (bytes / (1024 * 1024), MAX_BYTES / (1024 * 1024));
                crate::t!(
                    "{name} lớn {mb} MB, vượt giới hạn {max} MB của một kế hoạch",
                    "{name} is {mb} MB, over the {max} MB limit for a plan"
                )
            }
            ReadLimited::NotAFile(what) => {
                let what = crate::diag::messages::file_kind(what, lang);
                crate::t!(
                    "{name} không phải tệp thường ({what}); không nhập được",
                    "{name} is not a regular file ({what}); nothing to import"
                )
            }
            ReadLimited::Io(e) => {
                let why = crate::fsx::io_reason(&e, lang);
                crate::t!("không đọc được {name}: {why}", "cannot read {name}: {why}")
            }
        };
        anyhow!("{}", msg.get(lang))
    })?;
    import::extract::lines(&bytes).map_err(|e| {
        let msg = match e {
            ExtractError::Unsupported(kind) => {
                let kind = crate::diag::messages::format_word(kind, lang);
                crate::t!(
                    "{name} là tệp {kind}; bdg nhập kế hoạch từ .docx hoặc .txt",
                    "{name} is a {kind} file; bdg imports plans from .docx or .txt"
                )
            }
            // The archive itself broken is said as a document that does not open.
            ExtractError::Docx { .. } | ExtractError::TooLarge(Refusal::Broken { .. }) => {
                let (fault, detail) = match e {
                    ExtractError::Docx { fault, detail } => (fault, format!(" ({detail})")),
                    _ => (DocxFault::Archive, String::new()),
                };
                let why = docx_fault(fault, lang);
                // The reader's own words (English) only in English, as a detail.
                crate::t!(
                    "{name} không mở được như tài liệu Word: {why}",
                    "{name} does not open as a Word document: {why}{detail}"
                )
            }
            ExtractError::TooLarge(r) => too_large(&name, &r),
        };
        anyhow!("{}", msg.get(lang))
    })
}

/// What in a Word document could not be read, in `lang`.
fn docx_fault(fault: DocxFault, lang: Lang) -> &'static str {
    match fault {
        DocxFault::Archive => lang.pick(
            "tệp nén bị hỏng hoặc không phải tài liệu Word (.docx)",
            "the archive is damaged or is not a Word document (.docx)",
        ),
        DocxFault::NoDocument => lang.pick(
            "trong tệp không có phần văn bản của Word",
            "it holds no Word document part",
        ),
        DocxFault::Content => lang.pick(
            "nội dung của tài liệu không đọc được",
            "its content could not be read",
        ),
    }
}

/// A Word document refused before it is read: where, what was found, the limit.
fn too_large(name: &str, r: &Refusal) -> crate::lang::Text {
    match *r {
        Refusal::Uncompressed { bytes, max } => {
            let (mb, max) = (bytes / (1024 * 1024), max / (1024 * 1024));
            crate::t!(
                "{name}: các phần của tài liệu Word giải nén ra hơn {mb} MB, vượt giới hạn {max} MB của một kế hoạch",
                "{name}: the Word document's parts decompress to more than {mb} MB, over the {max} MB limit for a plan"
            )
        }
        Refusal::Entries { entries, max } => crate::t!(
            "{name}: tài liệu Word có {entries} phần, vượt giới hạn {max} phần của một kế hoạch",
            "{name}: the Word document has {entries} parts, over the limit of {max} for a plan"
        ),
        Refusal::Paragraphs { paragraphs, max } => crate::t!(
            "{name}: tài liệu Word có ít nhất {paragraphs} đoạn văn, vượt giới hạn {max} đoạn của một kế hoạch (kế hoạch năm 2021 có khoảng 330 đoạn)",
            "{name}: the Word document has at least {paragraphs} paragraphs, over the limit of {max} for a plan (the 2021 plan has about 330)"
        ),
        Refusal::Elements { elements, max } => crate::t!(
            "{name}: tài liệu Word có ít nhất {elements} phần tử XML, vượt giới hạn {max} của một kế hoạch",
            "{name}: the Word document has at least {elements} XML elements, over the limit of {max} for a plan"
        ),
        // Limits a plan document's budget does not set; said the same way in case one is.
        _ => crate::t!(
            "{name}: tài liệu Word vượt giới hạn của một kế hoạch",
            "{name}: the Word document is over the limits for a plan"
        ),
    }
}
