//! Every use of serde_yaml lives here, so that a swap to a maintained fork is a one-file change.

use serde::de::DeserializeOwned;

/// A YAML error with its place, 1-based.
#[derive(Debug)]
pub struct YamlError {
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// The parser's message without its trailing " at line L column C".
    pub message: String,
}

pub fn from_str<T: DeserializeOwned>(src: &str) -> Result<T, YamlError> {
    serde_yaml::from_str(src).map_err(|e| {
        let loc = e.location();
        let mut message = e.to_string();
        if let Some(i) = message.find(" at line ") {
            message.truncate(i);
        }
        YamlError {
            line: loc.as_ref().map(|l| l.line() as u32),
            column: loc.as_ref().map(|l| l.column() as u32),
            message,
        }
    })
}
