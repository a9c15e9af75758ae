//! Loading the plan a command needs, and saying why it could not be read.

use crate::output::{self, Global};
use crate::plan::{LoadError, Plan};
use anyhow::{anyhow, Result};
use std::path::Path;

/// Loads the plan for a command that needs a valid one: an invalid plan means it cannot run (2).
pub fn load_plan(path: &Path, g: &Global) -> Result<Plan> {
    match crate::plan::load(path) {
        Ok((plan, warnings)) => {
            output::print_diagnostics(g, &warnings);
            Ok(plan)
        }
        Err(LoadError::Io(name, e)) => Err(plan_read_error(path, &name, &e, g.lang)),
        Err(LoadError::NotAFile(d)) => Err(plan_not_a_file(path, &d, g)),
        Err(LoadError::Invalid(diags)) => {
            output::print_diagnostics(g, &diags);
            let (errors, _) = crate::diag::count(&diags);
            Err(anyhow!(
                "{}",
                g.lang.pick(
                    &format!(
                        "kế hoạch {} không hợp lệ ({errors} lỗi); chạy 'bdg plan check' để xem",
                        path.display()
                    ),
                    &format!(
                        "plan {} is invalid ({}); run 'bdg plan check' for details",
                        path.display(),
                        crate::number::counted(errors, "error", "errors")
                    ),
                )
            ))
        }
    }
}

/// A plan that cannot be read: why, in `lang`, and the nearest plan file when the path does
/// not exist.
pub fn plan_read_error(
    path: &Path,
    name: &str,
    e: &std::io::Error,
    lang: crate::lang::Lang,
) -> anyhow::Error {
    let near = near_plan_file(path)
        .map(|p| {
            lang.pick(
                &format!("; có phải là '{p}'?"),
                &format!("; did you mean '{p}'?"),
            )
            .to_string()
        })
        .unwrap_or_default();
    let reason = crate::fsx::io_reason(e, lang);
    anyhow!(
        "{}",
        lang.pick(
            &format!("không đọc được kế hoạch {name}: {reason}{near}"),
            &format!("cannot read plan {name}: {reason}{near}"),
        )
    )
}

/// A plan path that is not a regular file (a device, a FIFO, a folder): its `not-a-file`
/// diagnostic printed, and the error that stops the command (exit 2, as for any plan that
/// cannot be read).
pub fn plan_not_a_file(path: &Path, d: &crate::diag::Diagnostic, g: &Global) -> anyhow::Error {
    output::print_diagnostics(g, std::slice::from_ref(d));
    cannot_read_plan(path, g.lang)
}

/// The line that stops a command whose plan cannot be read, its reason told before it.
pub fn cannot_read_plan(path: &Path, lang: crate::lang::Lang) -> anyhow::Error {
    let name = path.display();
    anyhow!(
        "{}",
        lang.pick(
            &format!("không đọc được kế hoạch {name}"),
            &format!("cannot read plan {name}"),
        )
    )
}

/// For a plan path that does not exist: the nearest `.yaml` / `.yml` file name in its folder.
fn near_plan_file(path: &Path) -> Option<String> {
    if path.exists() {
        return None;
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let names: Vec<String> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml") || n.ends_with(".yml"))
        .collect();
    let found = path.file_name()?.to_string_lossy();
    let near = crate::text::did_you_mean(&found, names.iter().map(String::as_str))?;
    Some(dir.join(near).display().to_string())
}
