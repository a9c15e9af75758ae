//! Every use of serde_yaml lives in this module, so that a swap to a maintained fork is a
//! one-module change: reading a document ([`from_str`], here, after the scan of `guard.rs`) and
//! writing YAML that reads back as written (`writer.rs`, for `plan import`).

mod guard;
mod writer;

pub use writer::Writer;

use guard::{pre_scan, Found};
use serde::de::DeserializeOwned;

/// A YAML error with its place, 1-based.
#[derive(Debug)]
pub struct YamlError {
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// The parser's message without its trailing " at line L column C".
    pub message: String,
    pub kind: YamlErrorKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YamlErrorKind {
    Syntax,
    UnknownField,
    /// An alias (`*name`): refused, since aliases can expand without bound ("billion laughs").
    Alias,
    /// Nested deeper than the parser allows.
    TooDeep,
}

/// Collections nested deeper than this are refused before serde_yaml sees them: its scanner
/// takes time quadratic in the depth of flow brackets (`[[[[…`) before its own limit applies.
pub const MAX_NESTING: usize = 100;

pub fn from_str<T: DeserializeOwned>(src: &str) -> Result<T, YamlError> {
    match pre_scan(src) {
        Some(Found::Alias(line, column, name)) => {
            return Err(YamlError {
                line: Some(line),
                column: Some(column),
                message: format!("*{name}"),
                kind: YamlErrorKind::Alias,
            })
        }
        Some(Found::TooDeep(line, column)) => {
            return Err(YamlError {
                line: Some(line),
                column: Some(column),
                message: format!("nesting deeper than {MAX_NESTING}"),
                kind: YamlErrorKind::TooDeep,
            })
        }
        None => {}
    }
    serde_yaml::from_str(src).map_err(|e| {
        let loc = e.location();
        let mut message = e.to_string();
        if let Some(i) = message.find(" at line ") {
            message.truncate(i);
        }
        let kind = if message.contains("unknown field `") {
            YamlErrorKind::UnknownField
        } else if message.contains("recursion limit exceeded") {
            YamlErrorKind::TooDeep
        } else {
            YamlErrorKind::Syntax
        };
        YamlError {
            line: loc.as_ref().map(|l| l.line() as u32),
            column: loc.as_ref().map(|l| l.column() as u32),
            message,
            kind,
        }
    })
}
