//! `include:`: other YAML files a plan takes indicators from (Resolution 28/NQ-CP's national
//! set). Paths are relative to the including file; each file is read under the plan's byte
//! budget; includes nest at most [`MAX_INCLUDE_DEPTH`] levels and never loop.

use super::indicators::IncludedFile;
use super::validate::{yaml_diagnostic, MAX_PLAN_BYTES};
use crate::diag::{Diagnostic, Kind};
use crate::fsx::{io_reason, read_limited, ReadLimited};
use crate::lang::Lang;
use crate::text::nfc;
use std::path::{Path, PathBuf};

/// How deep includes may nest: a plan, the file it includes, the file that one includes…
pub const MAX_INCLUDE_DEPTH: usize = 4;

/// One included file: its name as diagnostics give it, its text, and what it holds.
pub struct Included {
    pub name: String,
    pub src: String,
    pub file: IncludedFile,
}

/// Every file `list` includes (from the file named `from`), depth first, in order; problems
/// come back as diagnostics on the including file (placed by the caller) or the included one.
pub fn load_all(from: &str, list: &[String]) -> (Vec<Included>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    let mut stack = vec![canonical(Path::new(from))];
    walk(from, list, 1, &mut stack, &mut out, &mut diags);
    (out, diags)
}

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

fn bad(from: &str, path: &str, reason: &str, error: Option<(String, String)>) -> Diagnostic {
    let kind = Kind::BadInclude {
        path: path.to_string(),
        reason: reason.to_string(),
        error: error.as_ref().map(|e| e.0.clone()),
        error_vi: error.map(|e| e.1),
        max: MAX_INCLUDE_DEPTH,
    };
    Diagnostic::err(from, kind)
}

fn walk(
    from: &str,
    list: &[String],
    depth: usize,
    stack: &mut Vec<PathBuf>,
    out: &mut Vec<Included>,
    diags: &mut Vec<Diagnostic>,
) {
    let base = Path::new(from).parent().unwrap_or(Path::new(""));
    for rel in list {
        let path = base.join(rel);
        let name = path.display().to_string();
        if depth > MAX_INCLUDE_DEPTH {
            diags.push(bad(from, rel, "too-deep", None));
            continue;
        }
        let key = canonical(&path);
        if stack.contains(&key) {
            diags.push(bad(from, rel, "cycle", None));
            continue;
        }
        let src = match read_limited(&path, MAX_PLAN_BYTES) {
            Ok(b) => match String::from_utf8(b) {
                Ok(s) => nfc(s.strip_prefix('\u{feff}').unwrap_or(&s)),
                Err(_) => {
                    diags.push(bad(from, rel, "not-utf8", None));
                    continue;
                }
            },
            Err(ReadLimited::TooLarge { .. }) => {
                diags.push(bad(from, rel, "too-large", None));
                continue;
            }
            Err(ReadLimited::NotAFile(what)) => {
                let word = |lang| crate::diag::messages::file_kind(what, lang).to_string();
                let what = (word(Lang::En), word(Lang::Vi));
                diags.push(bad(from, rel, "unreadable", Some(what)));
                continue;
            }
            Err(ReadLimited::Io(e)) => {
                let why = (io_reason(&e, Lang::En), io_reason(&e, Lang::Vi));
                diags.push(bad(from, rel, "unreadable", Some(why)));
                continue;
            }
        };
        let file: IncludedFile = match crate::yaml::from_str(&src) {
            Ok(f) => f,
            Err(e) => {
                diags.push(yaml_diagnostic(&name, e));
                continue;
            }
        };
        let more = file.include.clone();
        stack.push(key);
        walk(&name, &more, depth + 1, stack, out, diags);
        stack.pop();
        out.push(Included { name, src, file });
    }
}
