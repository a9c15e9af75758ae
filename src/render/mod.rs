//! Renderers: plain data in, bytes out. No file system, no clock.

pub mod admin;
pub mod letter;
pub mod report_text;
pub mod template;
pub mod xlsx;
