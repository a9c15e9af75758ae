//! Renderers: plain data in, bytes out. No file system, no clock.

pub mod admin;
pub mod doc;
pub mod docx;
pub mod letter;
pub mod plain;
mod plain_table;
pub mod report_doc;
mod report_held;
pub mod report_indicators;
mod report_parts;
mod report_status;
mod report_tables;
pub mod template;
pub mod xlsx;
