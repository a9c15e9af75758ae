//! `bdg plan import FILE [--out PLAN.yaml] [--force]`: the plan as issued (`.docx`, `.txt`)
//! → a draft plan YAML with `# TODO` where the text does not decide.

use crate::output::{self, Global};
use crate::plan::import::{self, ExtractError};
use crate::Outcome;
use anyhow::{anyhow, Result};
use std::path::PathBuf;

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
    let name = a.file.display().to_string();
    if let Some(out) = &a.out {
        if out.exists() && !a.force {
            let o = out.display();
            return Err(anyhow!(
                "{}",
                crate::t!(
                    "{o} đã có; thêm --force để ghi đè",
                    "{o} exists; add --force to overwrite it"
                )
                .get(lang)
            ));
        }
    }
    // An issued plan is a few hundred kilobytes; a larger file is not one.
    const MAX_BYTES: u64 = 64 * 1024 * 1024;
    if let Ok(m) = std::fs::metadata(&a.file) {
        if m.len() > MAX_BYTES {
            let (mb, max) = (m.len() / (1024 * 1024), MAX_BYTES / (1024 * 1024));
            return Err(anyhow!(
                "{}",
                crate::t!(
                    "{name} lớn {mb} MB, vượt giới hạn {max} MB của một kế hoạch",
                    "{name} is {mb} MB, over the {max} MB limit for a plan"
                )
                .get(lang)
            ));
        }
    }
    let bytes = std::fs::read(&a.file).map_err(|e| {
        anyhow!(e).context(
            crate::t!("không đọc được {name}", "cannot read {name}")
                .get(lang)
                .to_string(),
        )
    })?;
    let lines = import::extract::lines(&bytes).map_err(|e| {
        let msg = match e {
            ExtractError::Unsupported(kind) => crate::t!(
                "{name} là tệp {kind}; bdg nhập kế hoạch từ .docx hoặc .txt",
                "{name} is a {kind} file; bdg imports plans from .docx or .txt"
            ),
            ExtractError::Docx(why) => crate::t!(
                "{name} không mở được như tài liệu Word: {why}",
                "{name} does not open as a Word document: {why}"
            ),
        };
        anyhow!("{}", msg.get(lang))
    })?;
    let draft = import::draft(&lines);
    let source = a
        .file
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or(name);
    let yaml = import::to_yaml(&draft, &source, lang);
    match &a.out {
        Some(out) => crate::fsx::write_atomic(out, yaml.as_bytes())?,
        None => output::print(&yaml)?,
    }
    let (todos, tasks) = (draft.todo_count(), draft.task_count());
    let (agencies, periods) = (draft.agencies.len(), draft.periods.len());
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
