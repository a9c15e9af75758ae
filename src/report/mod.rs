//! Agency report files: bytes in, rows and diagnostics out. `table.rs` turns text into a table
//! (and `sheet.rs` a workbook), `reader.rs` checks every cell, `files.rs` is the only part that
//! touches the file system. `model.rs` holds the `Report` and its `Row`s, `read.rs` reads one
//! from its bytes.

mod checks;
pub mod decode;
pub mod fields;
mod files;
mod header;
mod identity;
mod indicator_rows;
pub mod inspect;
pub mod limits;
mod model;
mod raw_row;
mod read;
mod reader;
pub mod remarks;
mod schema;
mod sheet;
mod table;

pub use files::{collect, read_ahead, read_all, read_all_with, read_path, Found};
pub use model::{compared_files, Given, ReadOptions, Report, Row};
pub use read::{read, read_owned, read_sheet};
use reader::{period_index, Reader};
pub(crate) use table::no_header;
use table::{RawRow, Source, Table};

pub use fields::Status;
pub use indicator_rows::{parse_figure, IndicatorRow};
use schema::column_of;
pub use schema::{Col, ColumnSpec, COLUMNS, INDICATOR_COLUMNS};

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Excel's limit for the text of one cell: a longer value could not reach the workbook.
pub const MAX_CELL_CHARS: usize = 32_767;

/// A header with more cells than this is not a report's.
pub const MAX_COLUMNS: usize = 256;

#[cfg(test)]
mod tests;

#[cfg(test)]
mod fuzz_tests;
